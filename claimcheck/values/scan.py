"""Quantity phrases inside running text: the store's own quantity reading, turned around.

:func:`find_quantities` finds "au moins une dizaine", "14+", "between 10 and 50",
"over thirty", "1 200" in a sentence and returns each with the :class:`Quantity`
:func:`~claimcheck.values.quantity.parse_quantity_text` reads from it, so that a figure
copied from an article into a claim's ``value`` means what ``check`` will read. The
phrase tables are the parser's own (prefixes, suffixes, vague sizes, number words);
nothing here decides whether a figure is a count worth keeping (a year, a date, an
age): that is the caller's judgement.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimcheck.values.quantity import Quantity, QuantityError, parse_quantity_text
from claimcheck.values.words import (
    HUNDREDS,
    MILLIONS,
    PREFIXES_LONGEST_FIRST,
    SUFFIXES,
    THOUSANDS,
    UNITS,
    VAGUE,
)


class QuantityMatch(NamedTuple):
    """A quantity phrase found in a text: where, as written, and what it means."""

    start: int
    end: int
    text: str
    quantity: Quantity


#: Number words that are also everyday words are left out of running text: "a", "no",
#: "none" (a zero is no figure an article asserts as a count; see the extract notes).
_NOT_IN_TEXT = {"a", "an", "no", "none", "zero", "zéro", "aucun", "aucune"}
_NUMBER_WORDS = sorted(
    {w for w in (*UNITS, *HUNDREDS, *THOUSANDS, *MILLIONS) if w not in _NOT_IN_TEXT},
    key=lambda w: -len(w),
)
_WORD = "(?:" + "|".join(map(re.escape, _NUMBER_WORDS)) + ")"
_SCALE = (
    "(?:"
    + "|".join(
        map(re.escape, sorted({"dozen", *HUNDREDS, *THOUSANDS, *MILLIONS}, key=len, reverse=True))
    )
    + ")"
)
#: Digits as the parser reads them: "5", "1 200", "1,200", "2.5", "1.5 million".
_DIGITS = rf"\d{{1,3}}(?:(?:,|\.|[ \u00a0\u202f](?=\d{{3}}(?!\d)))\d{{3}})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?(?:\s+{_SCALE}\b)?"  # noqa: E501
_WORDS = rf"{_WORD}(?:(?:[\s-]+(?:(?:et|and)[\s-]+)?){_WORD})*"
_VAGUE = "|".join(map(re.escape, sorted(VAGUE, key=len, reverse=True)))
#: One figure: a vague size first (longest first: "des dizaines de milliers" before
#: "des dizaines"), then digits, then number words.
_FIGURE = rf"(?:{_VAGUE}|{_DIGITS}|{_WORDS})"
_PREFIX = "|".join(
    re.escape(p) + ("" if p.endswith("'") else r"\s+") for p, _ in PREFIXES_LONGEST_FIRST
)
_SUFFIX = "|".join(re.escape(s) for s, _ in SUFFIXES)
_SEP = r"\s*(?:-|–|—)\s*|\s+(?:to|à)\s+"

_RE_PHRASE = re.compile(
    rf"""(?<![\w'’.,-])(?:
        (?P<between>(?:between|entre)\s+{_FIGURE}\s+(?:and|et)\s+{_FIGURE})
      | (?P<from>de\s+{_FIGURE}\s+à\s+{_FIGURE})
      | (?:(?P<prefix>{_PREFIX})|(?P<symbol>[~≈><≥≤]\s*))?
        {_FIGURE}
        (?:(?:{_SEP}){_FIGURE})?
        (?:\s*\+|\s+(?:{_SUFFIX})(?![\w]))?
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
_APOSTROPHE = str.maketrans({"’": "'"})


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity phrase in ``text``, left to right, each as the parser reads it.

    A phrase the parser refuses whole (a range running backwards) is dropped rather than
    guessed at; the bare figure inside it is not offered instead.
    """
    found: list[QuantityMatch] = []
    # The apostrophe is made plain for matching only: offsets stay the text's own.
    plain = text.translate(_APOSTROPHE)
    for m in _RE_PHRASE.finditer(plain):
        phrase = text[m.start() : m.end()]
        stripped = phrase.rstrip()
        try:
            quantity = parse_quantity_text(stripped)
        except QuantityError:
            continue
        found.append(QuantityMatch(m.start(), m.start() + len(stripped), stripped, quantity))
    return found
