"""When a figure was stated: the as_of a proposed claim is given.

The event's own day when the words after the figure say it was given then ("on the day
of the attack"); the day the statement was made; a day after its event that the
sentence names ("the toll stood at 19 on Wednesday"); the article's dateline day; else
none, which is the publication's (the default).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimcheck.extract.speakers import Said

#: A figure given on the event's own day: "on the day of the attack", "at the time".
_RE_THEN = re.compile(
    r"\b(?:on the day of the (?:attack|assault|massacre|killings?|strike|raid)|at the time|"
    r"le jour (?:même )?de (?:l['’]attaque|l['’]assaut|la tuerie|du massacre|la frappe)|"
    r"à l['’]époque)\b",
    re.IGNORECASE,
)


def choose_as_of(
    who: Said,
    subject: Any,
    text: str,
    *,
    day: tuple[dt.date, dt.date] | None,
    published: dt.date | None,
    dateline: dt.date | None,
) -> tuple[dt.date | None, str]:
    """When the figure was stated: the event's own day when the words after the
    figure say it was given then ("it reported on the day of the attack", "the army
    said at the time"); the statement's day; a day after its event the sentence
    names ("the toll stood at 19 on Wednesday"); else the publication's."""
    date = getattr(subject, "date", None)
    then = _RE_THEN.search(text)
    if then and date is not None and date.known and date.low == date.high:
        return date.low, f"as_of {date.low}: said {then[0].strip()!r}, the event's day"
    if who.day is not None and who.day != published:
        return who.day, f"as_of {who.day}: the day the statement was made"
    if (
        who.day is None
        and day is not None
        and day[0] == day[1]
        and date is not None
        and date.known
        and date.high < day[0] != published
    ):
        return day[0], f"as_of {day[0]}: the day the sentence names, after the event"
    if dateline is not None and dateline != published:
        return dateline, (
            f"as_of {dateline}: the article's dateline day (the text names no day "
            "for the statement)"
        )
    return None, (
        "as_of: the document's publication date (the default)"
        + ("" if who.day else "; the text names no day for the statement")
    )
