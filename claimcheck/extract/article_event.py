"""The article's own event, for figures whose sentence names none.

The event the title and lede name, or the last one a figure of today's news was given,
carries to later figures; not to a sentence that names a day before that event, or long
after it. A day more than :data:`EARLIER_DAYS` before publication is an earlier event
the article recalls, not its news.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimcheck.extract.match import StoreIndex, choose_subject
from claimcheck.extract.when import find_dates

#: A figure about a day this long before publication is about an earlier event.
EARLIER_DAYS = 60


def title_subject(index: StoreIndex, title: str) -> tuple[Any, str]:
    """The subject the article's title names, for figures with no day of their own."""
    years = [d for d in find_dates(title) if d.first is not None and d.last is not None]
    span = (years[0].first, years[0].last) if years and years[0].first and years[0].last else None
    subject, why = choose_subject(index, title, span)
    if subject is None:
        return None, why
    return subject, f"subject {subject.id}: the article's title names it (no day in the text)"


def carried_event(
    event: tuple[Any, str] | None, day: tuple[dt.date, dt.date] | None, why: str
) -> tuple[Any, str]:
    """The article's event, for a figure whose own words name none: the event the
    title and lede name, or the last one a figure of today's news was given; not
    when the sentence names a day before it (another event) or long after it."""
    if event is None:
        return None, why
    subject, at = event
    date = subject.date
    if (
        day is not None
        and date is not None
        and date.known
        and (day[1] < date.low or (day[0] - date.high).days > EARLIER_DAYS)
    ):
        return None, f"{why}; the sentence's day {day[0]} is not {subject.id}'s"
    return subject, f"subject {subject.id}: the article's event (named at {at})"
