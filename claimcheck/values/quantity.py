"""Quantities: an interval ``[low, high]`` plus how the source stated it.

Sources rarely give one number. "14+", "over thirty", "au moins une dizaine", "~800" and
"{min: 10, max: 14}" all become a :class:`Quantity` whose bounds say what the statement
allows, so that two statements conflict only when no single number could satisfy both.
Quantities are counts and measures: never negative.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimcheck.errors import kind_of
from claimcheck.values.words import (
    APPROX_MARGIN,
    MULTIPLIERS,
    NO_FIGURE,
    NOBODY,
    PREFIXES,
    PREFIXES_LONGEST_FIRST,
    SIZE_WORDS,
    SUFFIXES,
    SYMBOLS,
    UNKNOWN_WORDS,
    VAGUE,
    number_from_words,
)

INF = math.inf

#: Every form a quantity may take, for error messages and the README.
ACCEPTED_FORMS = (
    "a number (14, 2.5), '14+', '>30', '<5', '>=14', '<=5', '10-14', '~800', "
    "'at least ten', 'over thirty', 'fewer than 5', 'between 10 and 14', 'about 800', "
    "'dozens', 'au moins une dizaine', 'plus de trente', 'une centaine', 'unknown', "
    "or a mapping {at_least: N}, {at_most: N}, {more_than: N}, {less_than: N}, "
    "{min: N, max: N} ({min: N} alone: at least N; {max: N}: at most N), {approx: N}"
)


class QuantityError(ValueError):
    """A value that is not a quantity; the message lists the accepted forms."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A closed (or half-open) interval of non-negative numbers, and its stated form."""

    low: float
    high: float
    form: str = "exact"
    nominal: float | None = None
    low_open: bool = False
    high_open: bool = False
    stated: str = ""

    @property
    def key(self) -> tuple[float, float, bool, bool]:
        """What the statement allows, regardless of wording: equal keys never conflict."""
        return (self.low, self.high, self.low_open, self.high_open)

    def canonical(self) -> str:
        """The shortest text that parses back to the same interval."""
        f = self.form
        if f == "exact":
            return _num(self.low)
        if f == "at-least":
            return f"{_num(self.low)}+"
        if f == "more-than":
            return f">{_num(self.low)}"
        if f == "at-most":
            return f"<={_num(self.high)}"
        if f == "less-than":
            return f"<{_num(self.high)}"
        if f == "range":
            return f"{_num(self.low)}-{_num(self.high)}"
        if f == "approx":
            return f"~{_num(self.nominal if self.nominal is not None else self.low)}"
        if f == "unknown":
            return "unknown"
        return self.stated  # vague: the phrase itself

    def interval_text(self) -> str:
        """``[10, 14]``, ``[14, ∞)``, ``(30, ∞)``."""
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or self.high == INF else "]"
        high = "∞" if self.high == INF else _num(self.high)
        return f"{left}{_num(self.low)}, {high}{right}"

    def __str__(self) -> str:
        return self.stated or self.canonical()


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    if x == int(x):
        return str(int(x))
    return repr(x)


# --- parsing ---------------------------------------------------------------------------

_NUMBER = r"\d+(?:[ ,.\u00a0\u202f]\d{3})*(?:[.,]\d+)?"
_RE_NUMBER = re.compile(rf"^{_NUMBER}$")
_RE_RANGE = re.compile(rf"^(?P<a>{_NUMBER})\s*(?:-|–|—|to|à|a)\s*(?P<b>{_NUMBER})$")
_RE_SYMBOL = re.compile(rf"^(?P<op>>=|<=|≥|≤|>|<|~|≈|\+)\s*(?P<n>{_NUMBER})$")
_RE_PLUS = re.compile(rf"^(?P<n>{_NUMBER})\s*\+$")
#: "200-plus": the figure and "plus" after it (a value, not a word scanning reads).
_RE_HYPHEN_PLUS = re.compile(r"(\d)-plus\b")
_RE_WORD_PLUS = re.compile(rf"^(?P<n>{_NUMBER}) plus$")
#: "an estimated 15,000", "estimated 300".
_RE_ESTIMATED = re.compile(r"^(?:an )?estimated (?P<n>.+)$")
#: Digits and a size glued to them: "15k".
_RE_GLUED_SIZE = re.compile(r"^(\d[\d.,]*)(k)$")

# "de morts", "of them", "d'enfants": a noun after the figure is dropped.
_RE_NOUN = re.compile(r" (?:de|des|of) (?P<word>\S+)| d'(?P<elided>\S+)")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).strip().lower()
    return re.sub(r"\s+", " ", text)


def _to_number(text: str) -> float | None:
    """Digits ("1,200", "1 200", "2.5", "2,5") or words ("thirty-two", "une").

    Raises :class:`QuantityError` for a number above 1e15 (digits that would overflow
    to infinity, which is no count; an open bound is written ``14+``, not as a number).
    """
    n: float | None
    if _RE_NUMBER.match(text):
        n = _digits(text)
    else:
        glued = _RE_GLUED_SIZE.match(text)  # "15k"
        head, _, size = (glued[1], "", glued[2]) if glued else text.rpartition(" ")
        if size in MULTIPLIERS and _RE_NUMBER.match(head):  # "1.5 million", "2 dozen"
            n = _digits(head) * MULTIPLIERS[size]
        else:
            n = number_from_words(text)
    if n is not None and n > 1e15:
        shown = text if len(text) <= 40 else f"{text[:37]}..."
        raise QuantityError(f"{shown!r} is out of range (at most 1e15)")
    return n


def _digits(text: str) -> float:
    t = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    # A comma or dot followed by exactly three digits groups thousands.
    t = re.sub(r"[,.](?=\d{3}(?:\D|$))", "", t)
    return float(t.replace(",", "."))


def _figure(text: str) -> tuple[float, float, float] | None:
    """``(low, high, nominal)`` of a bare figure: a number or a vague size."""
    if text in VAGUE:
        v = VAGUE[text]
        return (v.low, v.high, v.nominal)
    n = _to_number(text)
    if n is None:
        return None
    return (n, n, n)


def _apply(form: str, fig: tuple[float, float, float], stated: str) -> Quantity:
    nominal = fig[2]
    if form == "at-least":
        return Quantity(nominal, INF, "at-least", nominal, stated=stated)
    if form == "more-than":
        return Quantity(nominal, INF, "more-than", nominal, low_open=True, stated=stated)
    if form == "at-most":
        return Quantity(0, nominal, "at-most", nominal, stated=stated)
    if form == "less-than":
        if nominal <= 0:  # an empty interval: no figure could make it true
            raise QuantityError(
                f"{stated or 'less than ' + _num(nominal)!r} allows no figure: quantities "
                "are counts and measures, never below 0 (for none at all, write 0)"
            )
        return Quantity(0, nominal, "less-than", nominal, high_open=True, stated=stated)
    if form == "approx":
        return approx(nominal, stated)
    if form == "nearly":
        return Quantity(
            _round(nominal * (1 - APPROX_MARGIN)), nominal, "range", nominal, stated=stated
        )
    raise AssertionError(form)


def approx(nominal: float, stated: str = "") -> Quantity:
    """``~nominal``: the figure give or take :data:`APPROX_MARGIN`."""
    margin = nominal * APPROX_MARGIN
    return Quantity(
        _round(nominal - margin), _round(nominal + margin), "approx", nominal, stated=stated
    )


def _round(x: float) -> float:
    return round(x, 9)


@lru_cache(maxsize=4096)
def parse_quantity_text(raw: str) -> Quantity:
    """Parse a quantity written as text. Raises :class:`QuantityError`."""
    stated = raw.strip()
    text = _RE_HYPHEN_PLUS.sub(r"\1 plus", _clean(raw))  # "200-plus"
    if not text:
        raise QuantityError(f"empty quantity; accepted forms: {ACCEPTED_FORMS}")
    for candidate in _without_trailing_noun(text):
        q = _parse_clean(candidate, stated)
        if q is not None:
            if q.high == 0 and NO_FIGURE.intersection(text[len(candidate) :].split()):
                raise QuantityError(
                    f"{raw!r} gives no figure: write 0 if the source says there were none, "
                    "or 'unknown' if it gives no count"
                )
            return q
    raise QuantityError(f"cannot read {raw!r} as a quantity; accepted forms: {ACCEPTED_FORMS}")


_VOCABULARY = {w for phrase, _ in (*PREFIXES, *SUFFIXES) for w in phrase.split()}


def _without_trailing_noun(text: str) -> list[str]:
    """``text``, then ``text`` without a noun copied along ("de morts", "civilians")."""
    out = [text]
    # The first "de/of" not followed by a size ("tens of thousands", "des dizaines de
    # milliers de déplacés"): what follows it is the noun.
    for m in _RE_NOUN.finditer(text):
        if m.start() > 0 and (m["word"] or m["elided"]) not in SIZE_WORDS:
            out.append(text[: m.start()])
            break
    head, _, last = text.rpartition(" ")
    if (
        head
        and last.isalpha()
        and last not in _VOCABULARY
        and last not in SIZE_WORDS
        and _figure(last) is None
    ):
        out.append(head)
    return out


def _parse_clean(text: str, stated: str) -> Quantity | None:
    if text in UNKNOWN_WORDS:
        return Quantity(0, INF, "unknown", stated=stated)
    if text in NOBODY:
        return _exact(0.0, stated)
    if text in VAGUE:
        v = VAGUE[text]
        return Quantity(v.low, v.high, "vague", v.nominal, stated=stated or text)
    fig = _figure(text)
    if fig is not None:
        return _exact(fig[0], stated)
    scaled = _scaled(text, stated)
    if scaled is not None:
        return scaled
    m = _RE_PLUS.match(text) or _RE_WORD_PLUS.match(text)
    if m:
        return _apply("at-least", _figure_or_fail(m["n"], stated), stated)
    m = _RE_ESTIMATED.match(text)
    if m:  # "an estimated 15,000": about that (not a scanning word: it heads prose too)
        inner = _parse_clean(m["n"], stated)
        if inner is not None and inner.form == "exact":
            return _apply("approx", (inner.low, inner.high, inner.low), stated)
        if inner is not None:
            return inner  # ("an estimated 20 to 30": the range it gives)
    m = _RE_SYMBOL.match(text)
    if m:
        form = SYMBOLS[m["op"]]
        return _apply(form, _figure_or_fail(m["n"], stated), stated)
    m = _RE_RANGE.match(text)
    if m:
        return _range(
            _figure_or_fail(m["a"], stated)[0], _figure_or_fail(m["b"], stated)[0], stated
        )
    for prefix in ("between ", "entre ", "de "):
        if text.startswith(prefix):
            parts = re.split(r" (?:and|et|à|to) ", text[len(prefix) :], maxsplit=1)
            if len(parts) == 2:
                a, b = _figure(parts[0]), _figure(parts[1])
                if a and b:
                    return _range(a[0], b[1], stated)
    for phrase, form in PREFIXES_LONGEST_FIRST:
        if text.startswith(phrase) and (phrase.endswith("'") or text[len(phrase) :][:1] == " "):
            fig = _figure(text[len(phrase) :].strip())
            if fig is not None:
                return _apply(form, fig, stated)
    for phrase, form in SUFFIXES:
        if text.endswith(" " + phrase):
            fig = _figure(text[: -len(phrase) - 1].strip())
            if fig is not None:
                return _apply(form, fig, stated)
    return None


def _scaled(text: str, stated: str) -> Quantity | None:
    """A quantity followed by one size word that applies to all of it: "between 2 and 3
    million" is 2 to 3 million, "~1.5 million" about 1.5 million, "several million" 3
    to 9 million. Not when a size word comes earlier too ("2 million to 3 million" is
    read part by part)."""
    head, _, size = text.rpartition(" ")
    if not head or size not in MULTIPLIERS or any(w in SIZE_WORDS for w in head.split()):
        return None
    try:
        inner = _parse_clean(head, stated)
    except QuantityError:
        return None
    if inner is None or inner.form == "unknown":
        return None
    m = MULTIPLIERS[size]
    return Quantity(
        _round(inner.low * m),
        inner.high if inner.high == INF else _round(inner.high * m),
        inner.form,
        None if inner.nominal is None else _round(inner.nominal * m),
        inner.low_open,
        inner.high_open,
        stated,
    )


def _figure_or_fail(text: str, raw: str) -> tuple[float, float, float]:
    fig = _figure(text)
    if fig is None:
        raise QuantityError(f"cannot read {raw!r} as a quantity; accepted forms: {ACCEPTED_FORMS}")
    return fig


def _exact(n: float, stated: str) -> Quantity:
    return Quantity(n, n, "exact", n, stated=stated)


def _range(a: float, b: float, stated: str) -> Quantity:
    if a > b:
        raise QuantityError(f"range {stated!r} runs backwards: {_num(a)} is above {_num(b)}")
    if a == b:
        return _exact(a, stated)
    return Quantity(a, b, "range", None, stated=stated)


_MAPPING_FORMS = {
    "at_least": "at-least",
    "more_than": "more-than",
    "at_most": "at-most",
    "less_than": "less-than",
    "approx": "approx",
    "exact": "exact",
}


def parse_quantity(raw: Any) -> Quantity:
    """Read a quantity from a YAML/JSON value: number, text or explicit mapping."""
    if isinstance(raw, bool):
        raise QuantityError(f"a yes/no value is not a quantity; accepted forms: {ACCEPTED_FORMS}")
    if isinstance(raw, int | float):
        n = _check_number(raw)
        return Quantity(n, n, "exact", n, stated="")
    if isinstance(raw, str):
        q = parse_quantity_text(raw)
        for bound in (q.low, q.high):
            if bound != INF:
                _check_number(bound)
        return q
    if isinstance(raw, dict):
        return _parse_mapping(raw)
    if raw is None:
        raise QuantityError(f"an empty value is not a quantity; accepted forms: {ACCEPTED_FORMS}")
    raise QuantityError(f"{kind_of(raw)} is not a quantity; accepted forms: {ACCEPTED_FORMS}")


def _parse_mapping(raw: dict[Any, Any]) -> Quantity:
    keys = set(raw)
    if keys <= {"min", "max"} and keys:
        low = _mapping_number(raw, "min") if "min" in raw else 0.0
        high = _mapping_number(raw, "max") if "max" in raw else INF
        if high == INF:
            return Quantity(low, INF, "at-least", low)
        if "min" not in raw:  # {max: 10} alone: at most 10, not a range from 0
            return Quantity(0.0, high, "at-most", high)
        if low > high:
            raise QuantityError(
                f"{{min: {_num(low)}, max: {_num(high)}}} runs backwards: min is above max"
            )
        return _range(low, high, "")
    if len(keys) == 1:
        (key,) = keys
        if key in _MAPPING_FORMS:
            n = _mapping_number(raw, key)
            if _MAPPING_FORMS[key] == "exact":
                return _exact(n, "")
            return _apply(_MAPPING_FORMS[key], (n, n, n), "")
    if len(keys) > 1 and keys <= set(_MAPPING_FORMS):
        # ({at_least: 5, at_most: 9}: a range, written with min and max)
        raise QuantityError(
            f"one qualifier a value, not {len(keys)} ({', '.join(sorted(keys))}); a range "
            "is {min: N, max: N} ({min: N} alone: at least N; {max: N}: at most N)"
        )
    raise QuantityError(
        f"unknown quantity mapping with keys {sorted(map(str, keys))}; "
        f"accepted forms: {ACCEPTED_FORMS}"
    )


def _mapping_number(raw: dict[Any, Any], key: str) -> float:
    v = raw[key]
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise QuantityError(f"{key}: expected a number, got {v!r}")
    return _check_number(v)


def _check_number(n: float) -> float:
    if isinstance(n, float) and (math.isnan(n) or math.isinf(n)):
        raise QuantityError(f"{n!r} is not a finite number")
    if n < 0:
        raise QuantityError(f"{n!r} is negative; quantities are counts and measures")
    if abs(n) > 1e15:
        raise QuantityError(f"{n!r} is out of range (at most 1e15)")
    return float(n)
