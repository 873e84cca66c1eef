"""Typed values: what a claim's ``value`` means once its property's type is known.

The property's ``type`` decides how a raw YAML/JSON value is read:

* ``quantity`` → :class:`Quantity` (an interval),
* ``date`` → :class:`DateRange`,
* ``category`` → :class:`Category` (one of the property's ``values``),
* ``entity`` → :class:`Entity` (an id in the store; the store checks it exists),
* ``text`` → :class:`Text` (free text, never compared for conflicts).

Every type also accepts ``unknown``: the source says it does not know. An unknown
value never conflicts and never corroborates.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from claimcheck.errors import an, kind_of
from claimcheck.values.dates import ACCEPTED_DATE_FORMS, DateError, DateRange, parse_date
from claimcheck.values.quantity import (
    ACCEPTED_FORMS,
    INF,
    Quantity,
    QuantityError,
    parse_quantity,
)
from claimcheck.values.tolerance import disjoint, overlaps

__all__ = [
    "ACCEPTED_DATE_FORMS",
    "ACCEPTED_FORMS",
    "VALUE_TYPES",
    "BadValue",
    "Category",
    "DateError",
    "DateRange",
    "Entity",
    "Quantity",
    "QuantityError",
    "Text",
    "Value",
    "agrees",
    "disjoint",
    "figure_kind",
    "is_unknown",
    "nfc",
    "overlaps",
    "parse_value",
    "reprints",
    "rounding_span",
    "rounds",
    "rounds_off",
    "stated_numbers",
    "transposes",
]

VALUE_TYPES = ("quantity", "date", "category", "entity", "text")
UNKNOWN = "unknown"


class BadValue(ValueError):
    """A claim's value does not fit its property's type."""


def nfc(text: str) -> str:
    """Unicode NFC form, fast for ASCII (nearly every id)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class _Word:
    """A value that is its text: compared (when at all) by that text alone."""

    value: str

    @property
    def key(self) -> str:
        return self.value

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Category(_Word):
    """One of a category property's allowed values."""


@dataclass(frozen=True, slots=True)
class Entity(_Word):
    """The id of a party, subject or outlet in the store."""


@dataclass(frozen=True, slots=True)
class Text(_Word):
    """Free text: recorded and shown, never compared."""


Value = Quantity | DateRange | Category | Entity | Text


def parse_value(type_: str, raw: Any, categories: frozenset[str] | None = None) -> Value:
    """Read ``raw`` as a value of property type ``type_``. Raises :class:`BadValue`."""
    try:
        if type_ == "quantity":
            return parse_quantity(raw)
        if type_ == "date":
            return parse_date(raw)
    except (QuantityError, DateError) as e:
        raise BadValue(str(e)) from None
    if type_ == "text":
        if not isinstance(raw, str | int | float) or isinstance(raw, bool):
            raise BadValue(f"expected text, got {kind_of(raw)}")
        return Text(str(raw))
    if not isinstance(raw, str):
        raise BadValue(f"expected {an(type_)} name (text), got {raw!r}")
    value = nfc(raw.strip())
    if type_ == "category":
        if value != UNKNOWN and categories is not None and value not in categories:
            allowed = ", ".join(sorted(categories))
            raise BadValue(f"{value!r} is not one of this property's values: {allowed}")
        return Category(value)
    if type_ == "entity":
        return Entity(value)
    raise BadValue(f"unknown property type {type_!r}")


def is_unknown(value: Value) -> bool:
    """Whether the value only says the source does not know."""
    if isinstance(value, Quantity):
        return value.form == "unknown"
    if isinstance(value, DateRange):
        return not value.known
    if isinstance(value, Category | Entity):
        return value.value == UNKNOWN
    return False


def stated_numbers(value: object) -> list[float] | None:
    """The numbers a quantity or date states, as a reader would quote them: "about 12"
    and "nearly 12" state 12, "30+" states 30, "10-14" states 10 and 14, a day range its first and
    last day (as ordinals). (Not an open end: "30+" does not state infinity.) None for
    other values."""
    v = value
    if isinstance(v, Quantity):
        if v.form == "unknown":
            return None
        if v.form in ("approx", "range") and v.nominal is not None:
            return [v.nominal]  # ("nearly 50" states 50, not the 45 it is read from)
        if v.form in ("at-least", "more-than"):
            return [v.low]
        if v.form in ("at-most", "less-than"):
            return [v.high]
        return [x for x in (v.low, v.high) if x != INF]
    if isinstance(v, DateRange):
        return [float(v.low.toordinal()), float(v.high.toordinal())] if v.known else None
    return None


#: The qualifiers a relay drops or adds to a figure: "at least 34", "34+", "about 34".
_QUALIFIED = frozenset({"exact", "at-least", "approx"})


def reprints(original: Quantity, printed: Quantity) -> bool:
    """Whether ``printed`` is ``original`` as a relay prints it: the same figure, or its
    number with the qualifier dropped ("at least 34" or "about 34" printed as 34) or
    added (34 printed as "at least 34"); not "more than 34", nor a range."""
    if original.key == printed.key:
        return True
    if not set(stated_numbers(original) or ()) & set(stated_numbers(printed) or ()):
        return False
    if printed.form == "exact":
        return original.form in _QUALIFIED
    return original.form == "exact" and printed.form in _QUALIFIED


def transposes(original: object, quoted: object) -> bool:
    """Whether ``quoted`` states ``original``'s one number with its digits in another
    order — 74 for 47, 81 for 18: a slip of the pen or the ear, not a new figure."""
    a, b = stated_numbers(original) or [], stated_numbers(quoted) or []
    if len(set(a)) != 1 or len(set(b)) != 1 or a[0] == b[0]:
        return False
    x, y = a[0], b[0]
    return x == int(x) and y == int(y) and sorted(str(int(x))) == sorted(str(int(y)))


def rounds_off(original: object, printed: object) -> bool:
    """Whether ``printed`` states ``original``'s one figure rounded: a round number of at
    least 20 ("50", "about 1,200", "some 1,250") with fewer significant digits than the
    figure, within half its last step (the place of its last digit, or five of it when
    that digit is 5: 50 rounds to the nearest 50, 1,200 to the nearest 100) and within
    a tenth of it — a paper's "50" for the mayor's 47, "1,200" or "1,250" for a
    minister's 1,243, "50" for "at least 47", "200" for 188, "1,200" for 1,250. Not a
    figure as round as it (5,000 for 4,000, 100 for 80, 150 for 130: another count),
    nor 10,000 for 12,000 (a sixth off), nor "nearly 50" for 53 (nearly is below), nor
    10 for 8 (small counts differ, they are not rounded)."""
    if not isinstance(original, Quantity) or figure_kind(original) not in ("point", "floor"):
        return False
    span = rounding_span(printed)
    a = set(stated_numbers(original) or ())
    if span is None or len(a) != 1:
        return False
    (x,) = a
    n, digits = span[2], str(int(span[2])).rstrip("0")
    if isinstance(printed, Quantity) and printed.form == "range" and x > n:
        return False  # ("nearly 50" is below 50: no rounding of 53)
    return (
        span[0] <= x <= span[1]
        and x != n
        and x == int(x)
        and len(str(int(x)).rstrip("0")) > len(digits)
    )


def rounding_span(printed: object) -> tuple[float, float, float] | None:
    """The figures ``printed`` may round (:func:`rounds_off`), as (lowest, highest, its
    number); None when it is no round figure."""
    if not isinstance(printed, Quantity) or figure_kind(printed) != "point":
        return None
    b = set(stated_numbers(printed) or ())
    if len(b) != 1:
        return None
    (n,) = b
    if n < 20 or n != int(n) or int(n) % 10:
        return None
    digits = str(int(n)).rstrip("0")
    step = 10 ** (len(str(int(n))) - len(digits)) * (5 if digits[-1] == "5" else 1)
    half = min(step / 2, n / 10)
    return n - half, n + half, n


#: The qualifiers of an open bound: below it, above it.
_FLOORS = frozenset({"at-least", "more-than"})
_CEILINGS = frozenset({"at-most", "less-than"})


def rounds(own: object, figure: object) -> bool:
    """Whether the words ``own`` may repeat ``figure``, worded loosely: a figure other
    than an open bound, or an open bound stating the figure's number, or rounding it to
    its last stated digit — a lede's "more than 20" above "23, the hospital said", "at
    least 40" above 41, "more than 1,000" above 1,400. Not a bound the figure lies far
    beyond: a paper's "at least 25" above the medics' 41 is its own count, not theirs;
    the army's "fewer than 50" is no rewording of its 15."""
    if not isinstance(own, Quantity) or own.form not in _FLOORS | _CEILINGS:
        return True
    n = (stated_numbers(own) or [0.0])[0]
    numbers = stated_numbers(figure) or []
    if not numbers or n in numbers:
        return bool(numbers)
    step = 1.0
    if n >= 1 and n == int(n):
        while int(n) % int(step * 10) == 0:
            step *= 10
    if own.form in _FLOORS:
        return all(n <= x < n + step for x in numbers)
    return all(n - step < x <= n for x in numbers)


#: Forms that state one figure.
_POINT_FORMS = frozenset({"exact", "approx"})


def figure_kind(q: Quantity) -> str:
    """``point`` (a number, "about", "nearly"), ``range``, ``floor`` ("at least N"),
    ``ceiling`` ("fewer than N"), or ``vague`` (a word's size)."""
    if q.form in _POINT_FORMS or (q.form == "range" and q.nominal is not None):
        return "point"
    if q.form == "range":
        return "range"
    if q.form in ("at-least", "more-than"):
        return "floor"
    if q.form in ("at-most", "less-than"):
        return "ceiling"
    return "vague"


def agrees(a: Value, b: Value, tolerance: float | str | None = None) -> bool:
    """Whether one world could make both values true (text is never compared: True)."""
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return overlaps(a, b, tolerance)
    if isinstance(a, DateRange) and isinstance(b, DateRange):
        days = int(tolerance) if isinstance(tolerance, int | float) else 0
        return a.overlaps(b, days)
    if isinstance(a, Text) or isinstance(b, Text):
        return True
    if is_unknown(a) or is_unknown(b):
        return True
    return a.key == b.key
