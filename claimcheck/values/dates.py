"""Dates as intervals: a day, a month, a year, or an ISO 8601 range of them.

``2023-11-14`` is one day; ``2023-11`` is any day of November 2023; ``2023-11-10/2023-11-14``
is any day from the 10th to the 14th. For a claim the range is uncertainty about one
date; for a subject's ``date`` it is the subject's extent.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimcheck.errors import kind_of

ACCEPTED_DATE_FORMS = (
    "YYYY-MM-DD, YYYY-MM, YYYY, a range START/END of those (2023-11-10/2023-11-14), or 'unknown'"
)
#: What a subject's ``date`` (its extent) accepts besides: an open end.
OPEN_END_FORMS = (
    "START/.. for a subject still under way (2025-03-01/..), ../END for one whose start is unknown"
)
#: An open end of a range (ISO 8601-2): the subject has not ended, or its start is unknown.
OPEN = ".."

_RE_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MIN_DATE = dt.date.min
MAX_DATE = dt.date.max


class DateError(ValueError):
    """A value that is not a date or date range."""


@dataclass(frozen=True, slots=True)
class DateRange:
    """Every day from ``low`` to ``high`` inclusive; one of which is meant."""

    low: dt.date
    high: dt.date
    stated: str = ""

    @property
    def key(self) -> tuple[dt.date, dt.date]:
        return (self.low, self.high)

    @property
    def known(self) -> bool:
        return not (self.low == MIN_DATE and self.high == MAX_DATE)

    def overlaps(self, other: DateRange, tolerance_days: int = 0) -> bool:
        slack = dt.timedelta(days=tolerance_days)
        return not (_plus(self.high, slack) < other.low or _plus(other.high, slack) < self.low)

    def before(self, other: DateRange) -> bool:
        """Every day of ``self`` comes before every day of ``other``."""
        return self.high < other.low

    @property
    def open_ended(self) -> bool:
        """A subject's extent with no last day: still under way (``2025-03-01/..``)."""
        return self.high == MAX_DATE and self.low != MIN_DATE

    def canonical(self) -> str:
        if not self.known:
            return "unknown"
        if self.high == MAX_DATE:
            return f"{_format_range(self.low, self.low)}/{OPEN}"
        if self.low == MIN_DATE:
            return f"{OPEN}/{_format_range(self.high, self.high)}"
        return _format_range(self.low, self.high)

    def __str__(self) -> str:
        return self.stated or self.canonical()


def _plus(d: dt.date, delta: dt.timedelta) -> dt.date:
    try:
        return d + delta
    except OverflowError:
        return MAX_DATE


def _format_range(low: dt.date, high: dt.date) -> str:
    if low == high:
        return low.isoformat()
    last = calendar.monthrange(high.year, high.month)[1]
    if low.day == 1 and high.day == last and (low.year, low.month) == (high.year, high.month):
        return f"{low.year:04d}-{low.month:02d}"
    if (
        (low.month, low.day) == (1, 1)
        and (high.month, high.day) == (12, 31)
        and low.year == high.year
    ):
        return f"{low.year:04d}"
    return f"{low.isoformat()}/{high.isoformat()}"


#: A real date written otherwise: year first with one-digit parts (``2024-5-10``,
#: ``2024/05/10``), or day or month first (``10/05/2024``, ``10.05.2024``).
_RE_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")
_RE_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_RE_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20231110

#: Month names, English and French (also their usual abbreviations).
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan", "janvier", "janv"),
            ("february", "feb", "février", "fevrier", "févr", "fevr"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet", "juil"),
            ("august", "aug", "août", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "décembre", "decembre", "déc"),
        ),
        start=1,
    )
    for name in names
}
#: "12 August 2024", "1er août 2024", "August 12, 2024", "August 2024".
_RE_NAMED = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<month>[^\W\d_]+)\.?"
    r"|(?P<month2>[^\W\d_]+)\.?(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)?)"
    r"\s+(?P<year>\d{4})$"
)


def _other_form(text: str) -> str | None:
    """How to write ``text``, a real date in another form: ``write it YYYY-MM-DD
    (2024-05-10)``; None when it is no date. Day first is read first (as French and most
    sources write it), month first named too when it is also a date."""

    def iso(year: int, month: int, day: int) -> str | None:
        try:
            return dt.date(year, month, day).isoformat() if year >= 1 else None
        except ValueError:
            return None

    named = _RE_NAMED.match(unicodedata.normalize("NFC", text.strip()))
    if named:
        month = _MONTHS.get((named["month"] or named["month2"]).casefold())
        day = named["day"] or named["day2"]
        if month is None:
            return None
        if day is None:
            return f"write it YYYY-MM ({int(named['year']):04d}-{month:02d})"
        day_named = iso(int(named["year"]), month, int(day))
        return f"write it YYYY-MM-DD ({day_named})" if day_named else None
    m = _RE_YEAR_FIRST.match(text) or _RE_DIGITS.match(text)
    if m and m[3] is None:
        month = int(m[2])
        return f"write it YYYY-MM ({int(m[1]):04d}-{month:02d})" if 1 <= month <= 12 else None
    if m:
        readings = [iso(int(m[1]), int(m[2]), int(m[3]))]
    else:
        m = _RE_YEAR_LAST.match(text)
        if not m:
            return None
        year, first, second = int(m[3]), int(m[1]), int(m[2])
        readings = [iso(year, second, first), iso(year, first, second)]
    found = list(dict.fromkeys(r for r in readings if r is not None))
    if not found:
        return None
    if len(found) == 1:
        return f"write it YYYY-MM-DD ({found[0]})"
    return f"write it YYYY-MM-DD ({found[0]}, or {found[1]} if the month comes first)"


def day_error(text: str) -> str:
    """Why ``text`` is not one day written YYYY-MM-DD, and how to write it."""
    if _RE_PART.match(text):
        try:
            _part(text)
        except DateError as e:
            return str(e)
        return f"{text!r}: write the full date, YYYY-MM-DD"
    other = _other_form(text)
    if other is None:
        return f"cannot read {text!r} as a date; write it YYYY-MM-DD"
    if other.startswith("write it YYYY-MM ("):  # a month: a day of it is wanted
        return f"{text!r}: write the full date, YYYY-MM-DD (a day of {other[18:-1]})"
    return f"{text!r}: {other}"


def _unreadable(text: str) -> DateError:
    """The error for ``text``, no date in an accepted form."""
    other = _other_form(text)
    if other is not None:
        return DateError(f"{text!r}: {other}")
    return DateError(f"cannot read {text!r} as a date; accepted forms: {ACCEPTED_DATE_FORMS}")


def _part(text: str) -> tuple[dt.date, dt.date]:
    m = _RE_PART.match(text)
    if not m:
        raise _unreadable(text)
    year = int(m[1])
    if year < 1:
        raise DateError(f"{text!r}: year 0 does not exist")
    if m[2] and not 1 <= int(m[2]) <= 12:
        raise DateError(f"{text!r} is not a real date (month {int(m[2])}: months are 1 to 12)")
    try:
        if m[3]:
            d = dt.date(year, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
    except ValueError:
        last = calendar.monthrange(year, int(m[2]))[1]
        raise DateError(
            f"{text!r} is not a real date (day {int(m[3])}: that month has {last} days)"
        ) from None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@lru_cache(maxsize=4096)
def parse_date_text(raw: str, open_ends: bool = False) -> DateRange:
    """Parse ``2023-11-14``, ``2023-11``, ``2023`` or ``START/END``; with ``open_ends``
    (a subject's extent) also ``START/..`` and ``../END``."""
    text = raw.strip()
    if text.lower() in ("unknown", "inconnu", "inconnue"):
        return DateRange(MIN_DATE, MAX_DATE, text)
    if "/" in text:
        start, _, end = (part.strip() for part in text.partition("/"))
        if OPEN in (start, end):
            return _open_range(text, start, end, open_ends)
        try:
            low, _ = _part(start)
            _, high = _part(end)
        except DateError as e:
            # "14/11/2023" (one date in another form), "2023-11-10/14": said of what was
            # written, not of half of it
            whole = _unreadable(text)
            if _other_form(text) is None and not str(e).startswith("cannot read"):
                raise  # a part that is no real date, or one written otherwise: named
            raise whole from None
        if high < low:
            raise DateError(f"date range {text!r} ends before it starts")
        return DateRange(low, high, text)
    low, high = _part(text)
    return DateRange(low, high, text)


def _open_range(text: str, start: str, end: str, open_ends: bool) -> DateRange:
    """``START/..`` or ``../END``: a subject's extent with an open end."""
    if not open_ends:
        raise DateError(
            f"{text!r}: an open end ({OPEN}) is for a subject's date, an event still under "
            "way; a claim's date is one day: give the range it falls in (START/END)"
        )
    if start == end:
        raise DateError(f"{text!r}: give the start or the end; 'unknown' if neither is known")
    if end == OPEN:
        return DateRange(_part(start)[0], MAX_DATE, text)
    return DateRange(MIN_DATE, _part(end)[1], text)


def parse_date(raw: Any, open_ends: bool = False) -> DateRange:
    """Read a date or date range from a YAML/JSON value (text or a ``date``); with
    ``open_ends`` (a subject's extent) a range may have an open end (:data:`OPEN`)."""
    if isinstance(raw, dt.datetime):
        d = raw.date()
        return DateRange(d, d, d.isoformat())
    if isinstance(raw, dt.date):
        return DateRange(raw, raw, raw.isoformat())
    if isinstance(raw, str):
        return parse_date_text(raw, open_ends)
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 9999:
        return parse_date_text(str(raw))  # a bare year: `date: 2015`
    if raw is None:
        raise DateError(f"an empty value is not a date; accepted forms: {ACCEPTED_DATE_FORMS}")
    raise DateError(f"{kind_of(raw)} is not a date; accepted forms: {ACCEPTED_DATE_FORMS}")
