"""Dates in an article's sentences: what day a figure is about, and what is no figure.

:func:`find_dates` finds "November 7", "dimanche 17 septembre", "between November 9 and
10", "March 2012", "2023-11-14", "lundi", "yesterday", "la veille" and times ("15h30")
in a sentence, each with the span of text it covers (so that its digits are never read
as a count) and the days it names. A day without its year takes the publication's (the
latest such day not after it), or else the last year the article named; a weekday or
"yesterday" needs the publication date, and names nothing without it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS = {
    **dict.fromkeys(("january", "jan", "janvier", "janv"), 1),
    **dict.fromkeys(("february", "feb", "février", "fevrier", "févr"), 2),
    **dict.fromkeys(("march", "mar", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr"), 4),
    **dict.fromkeys(("may", "mai"), 5),
    **dict.fromkeys(("june", "jun", "juin"), 6),
    **dict.fromkeys(("july", "jul", "juillet", "juil"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("october", "oct", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "décembre", "decembre", "déc"), 12),
}
WEEKDAYS = {
    **dict.fromkeys(("monday", "lundi"), 0),
    **dict.fromkeys(("tuesday", "mardi"), 1),
    **dict.fromkeys(("wednesday", "mercredi"), 2),
    **dict.fromkeys(("thursday", "jeudi"), 3),
    **dict.fromkeys(("friday", "vendredi"), 4),
    **dict.fromkeys(("saturday", "samedi"), 5),
    **dict.fromkeys(("sunday", "dimanche"), 6),
}
#: Days counted back from the publication date.
RELATIVE = {
    "today": 0,
    "aujourd'hui": 0,
    "yesterday": 1,
    "hier": 1,
    "avant-hier": 2,
    "the day before yesterday": 2,
}
#: Days counted from the day the text last named (the publication's when it named
#: none): "la veille" is the day before the day being told of, not before publication.
NARRATIVE = {
    "la veille": -1,
    "the day before": -1,
    "the previous day": -1,
    "the eve": -1,
    "le lendemain": 1,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
}


class DateMention(NamedTuple):
    """A stretch of a sentence that names a time: its span, and the days it names."""

    start: int
    end: int
    text: str
    #: First and last day named; ``None`` for a time of day or a day that cannot be
    #: placed (a weekday with no publication date).
    first: dt.date | None
    last: dt.date | None
    #: How the day was placed, for the candidate's comments.
    how: str = ""


_MONTH = "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_PATTERNS = [
    ("iso", rf"(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})"),
    ("slash", rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_YEAR})"),
    (
        "day-month",  # (dimanche) 17 (et 18) septembre (2023)
        rf"(?:(?P<wd>{_WEEKDAY})\s+)?(?P<d>\d{{1,2}})(?:er)?"
        rf"(?:\s*(?:-|–|et|and|au|to)\s*(?P<d2>\d{{1,2}})(?:er)?)?\s+(?P<mn>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    (
        "month-day",  # (Sunday,) November 10(–14)(, 2023)
        rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:\s*(?:-|–|and|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    ("month-year", rf"(?P<mn>{_MONTH})\s+(?P<y>{_YEAR})"),
    ("year", rf"(?P<y>{_YEAR})"),
    ("time", r"\d{1,2}\s*h\s*\d{0,2}|\d{1,2}:\d{2}|\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|TU)"),
    ("relative", "|".join(sorted(map(re.escape, RELATIVE), key=len, reverse=True))),
    ("narrative", "|".join(sorted(map(re.escape, NARRATIVE), key=len, reverse=True))),
    ("weekday", _WEEKDAY),
]


def _named_apart(kind: str, pattern: str) -> str:
    """Group names repeat across alternatives, which ``re`` refuses: prefix each with
    its alternative's kind."""
    kind = kind.replace("-", "_")
    inner = re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}_\1>", pattern)
    return f"(?P<{kind}>{inner})"


_RE_DATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_named_apart(k, p) for k, p in _PATTERNS) + r")(?![\w])",
    re.IGNORECASE,
)


def find_dates(
    sentence: str,
    published: dt.date | None = None,
    year: int | None = None,
    anchor: dt.date | None = None,
) -> list[DateMention]:
    """Times named in ``sentence``; ``year``: the last year the article named before it;
    ``anchor``: the day it last named (for "la veille", "the next day")."""
    out: list[DateMention] = []
    for m in _RE_DATE.finditer(sentence):
        kind = m.lastgroup or ""

        def g(name: str, m: re.Match[str] = m, kind: str = kind) -> str | None:
            return m.groupdict().get(f"{kind}_{name}")

        first = last = None
        how = ""
        if kind in ("iso", "slash"):
            first = last = _day(int(g("y") or 0), int(g("m") or 0), int(g("d") or 0))
        elif kind in ("day_month", "month_day"):
            month = MONTHS[(g("mn") or "").lower().rstrip(".")]
            d1 = int(g("d") or 0)
            d2 = int(g("d2") or d1)
            given = g("y")
            y, how = _year_of(month, d1, given, published, year)
            if y is not None:
                first, last = _day(y, month, d1), _day(y, month, d2)
        elif kind == "month_year":
            month = MONTHS[(g("mn") or "").lower().rstrip(".")]
            y = int(g("y") or 0)
            first = _day(y, month, 1)
            last = _day(y + (month == 12), month % 12 + 1, 1)
            last = last - dt.timedelta(days=1) if last else None
        elif kind == "year":
            y = int(g("y") or 0)
            first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        elif kind == "relative" and published is not None:
            back = RELATIVE[m[0].lower()]
            first = last = published - dt.timedelta(days=back)
            how = f"{m[0]!r} counted back from the publication date"
        elif kind == "narrative" and (anchor or published) is not None:
            step = NARRATIVE[m[0].lower()]
            base = anchor or published
            assert base is not None
            first = last = base + dt.timedelta(days=step)
            how = (
                f"{m[0]!r}: counted from {base}, the day the text named before"
                if anchor
                else f"{m[0]!r}: counted from the publication date (no day named before)"
            )
        elif kind == "weekday" and published is not None:
            back = (published.weekday() - WEEKDAYS[m[0].lower()]) % 7
            first = last = published - dt.timedelta(days=back)
            how = f"{m[0]!r}: the last {m[0].lower()} up to the publication date"
        out.append(DateMention(m.start(), m.end(), m[0], first, last, how))
    return out


def _year_of(
    month: int, day: int, given: str | None, published: dt.date | None, year: int | None
) -> tuple[int | None, str]:
    if given:
        return int(given), ""
    if published is not None:
        y = published.year
        if _day(y, month, day) and (_day(y, month, day) or published) > published:
            y -= 1
        return y, "the year of the latest such day up to the publication date"
    if year is not None:
        return year, f"the year the article last named ({year})"
    return None, ""


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


#: Words that date a statement, not an event: a speech verb or a statement's noun.
_RE_STATEMENT_CUE = re.compile(
    r"(?<![\w'])(?:said|says|stated|announced|told|reported|claimed|confirmed|denied|added|"
    r"published|issued|released|statement|communiqué|press release|press conference|"
    r"a indiqué|a déclaré|a annoncé|a affirmé|a précisé|a confirmé|a revendiqué|a démenti|"
    r"dément|publié|diffusé|rendu public|conférence de presse|déclaration|indique|annonce|"
    r"affirme|précise|déclare|posted|insisted|rejected|put|gave|faisait état|faisaient état|"
    r"fait état|font état|a fait état|avait annoncé|annoncé|a dressé|dressé|avance|"
    r"appris|a-t-on appris|on a appris|ajouté|précisé|indiqué|déclaré|confié)(?![\w])",
    re.IGNORECASE,
)


#: Words that may stand between a speech verb and its day ("said late on Monday").
_BETWEEN = frozenset(
    [
        *("on", "late", "early", "this", "last", "in", "a", "le", "ce", "dans", "un", "publié"),
        *("tard", "tôt", "dès", "dernier", "statement", "communiqué", "published", "issued"),
        "released",
        # "posted on social media late on Friday", "a dressé dimanche devant la presse"
        *("posted", "online", "social", "media", "sur", "les", "réseaux", "sociaux", "en"),
        *("ligne", "the", "at", "press", "night", "evening", "morning", "fin", "de", "d'"),
    ]
)


def statement_dates(sentence: str, dates: list[DateMention]) -> set[int]:
    """Which of ``dates`` (their indices) date a statement rather than the event: a day
    just after a speech verb or a statement's noun ("a indiqué lundi", "said on Monday",
    "un communiqué publié lundi"), or opening a sentence whose speech verb comes before
    any toll ("On Monday, the army said …")."""
    out: set[int] = set()
    cues = list(_RE_STATEMENT_CUE.finditer(sentence))
    for i, d in enumerate(dates):
        if d.first is None:
            continue
        for c in cues:
            between = sentence[c.end() : d.start]
            if d.start - c.end() >= 0 and set(between.lower().split()) <= _BETWEEN:
                out.add(i)
            elif c.start() > d.end and not sentence[: d.start].strip(" ,.(-—\"'«").split()[2:]:
                gap = sentence[d.end : c.start()]
                if "," in gap[:3] and len(gap.split()) <= 6 and not re.search(r"\d", gap):
                    out.add(i)
    return out
