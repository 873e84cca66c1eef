"""A running toll's figure still in print after its origin withdrew it.

A health office's 47 dead, corrected the next day to 38 (nine victims registered twice),
and a paper's 47 three days later: the paper's figure is most likely the withdrawn one
still in print, not the toll grown past the correction. :func:`withdrawn_in_print`
credits it to the origin that withdrew it (:func:`~.origins.compute_origins`), so that
the correction supersedes it as it superseded the origin's own 47; CC106 names it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from heapq import heappop, heappush
from typing import TYPE_CHECKING

from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.timing import repeat_dates
from claimcheck.model import Claim
from claimcheck.values import DateRange, Quantity

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


#: An outlet's own figure stating, within this many days after an origin lowered it, a
#: figure the origin had given is that withdrawn figure still in print (a paper running
#: the medics' 47 three days after they corrected it to 38).
IN_PRINT_DAYS = 14


def withdrawn_in_print(
    ev: GroupEvidence, origin: dict[str, int], relays: dict[int, tuple[int, str]]
) -> None:
    """An outlet's own figure of a running toll that states, after the day an origin
    lowered it, a figure that origin gave and withdrew — the medics' 47, corrected to 38
    (nine victims registered twice), and a paper's 47 three days later — carries that
    withdrawn figure: the old word still in print, credited to its origin (which has
    revised it since), not the toll grown past the correction. Noted in ``relays`` with
    the origin's claim of the figure. Only figures of one day, not vague words; within
    :data:`IN_PRINT_DAYS` of the lowering, while the origin has not come back up to it.
    (Each origin's figures by day, in one pass with a heap of those not yet lowered,
    highest limit first.)"""
    if ev.type != "quantity" or not ev.cumulative:
        return
    claims, statement_of = ev.claims, ev.statement_by_claim
    mine_of: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        as_of, st = c.as_of, statement_of.get(c.id)
        if (
            st is not None
            and c.stance == "asserts"
            and c.cited
            and as_of is not None
            and as_of.known
            and as_of.low == as_of.high
            and not (isinstance(st.value, Quantity) and st.value.form == "vague")
        ):
            mine_of[origin[c.id]].append(c)
    several = {o: cs for o, cs in mine_of.items() if len({c.as_of for c in cs}) > 1}
    if not several or not _lowered(ev, several, {}):
        return  # (most groups: no origin lowered a figure)
    # Each origin's figures by the day it gave them: a party's old figure quoted again
    # later is its word of the day it first gave it (timing.repeat_dates).
    said: dict[str, DateRange] = {}
    for cs in several.values():
        said.update(repeat_dates(ev.provenance, cs, lambda c: statement_of[c.id].index))
    withdrawn = _lowered(ev, several, said)
    if not withdrawn:
        return
    days_of: dict[int, dict[dt.date, list[Claim]]] = {}
    for mine, cs in several.items():
        found: dict[dt.date, list[Claim]] = defaultdict(list)
        days_of[mine] = found
        for c in cs:
            found[(said.get(c.id) or c.as_of).low].append(c)  # type: ignore[union-attr]
    own_reporting = ev.provenance.own_reporting
    position = {c.id: i for i, c in enumerate(claims)}
    for c in claims:
        i, st = position[c.id], statement_of.get(c.id)
        if i in relays or st is None or st.index not in withdrawn or not own_reporting(c):
            continue
        as_of = c.as_of
        if as_of is None or not as_of.known or as_of.low != as_of.high:
            continue
        for mine, (gave, day) in withdrawn[st.index].items():
            if mine == origin[c.id] or not 0 < (as_of.low - day).days <= IN_PRINT_DAYS:
                continue
            # (unless the origin came back up to it since: its figure again, or growth;
            # at most IN_PRINT_DAYS of its days looked at)
            below = ev.limits(st.value)[0]
            days = days_of[mine]
            back = (
                bounds(statement_of[x.id].value)[1] >= below
                for n in range((as_of.low - day).days + 1)
                for x in days.get(day + dt.timedelta(days=n), ())
            )
            if any(back):
                continue
            relays[i] = (position[gave.id], f"{WITHDRAWN_IN_PRINT} ({gave.speaker}, on {day})")
            break


def _lowered(
    ev: GroupEvidence, origins: dict[int, list[Claim]], said: dict[str, DateRange]
) -> dict[int, dict[int, tuple[Claim, dt.date]]]:
    """Each statement an origin gave and later lowered (everything it gave on a later day
    below it): statement index -> origin -> (its claim of it, the day it lowered it);
    each claim dated by ``said``, else its ``as_of``."""
    statement_of = ev.statement_by_claim
    withdrawn: dict[int, dict[int, tuple[Claim, dt.date]]] = defaultdict(dict)
    for mine, cs in origins.items():
        days: dict[dt.date, list[Claim]] = defaultdict(list)
        for c in cs:
            days[(said.get(c.id) or c.as_of).low].append(c)  # type: ignore[union-attr]
        pending: list[tuple[Bound, str, Claim]] = []  # (lower limit, negated; id; claim)
        for day in sorted(days):
            given = days[day]
            high = max(bounds(statement_of[c.id].value)[1] for c in given)
            while pending and (-pending[0][0][0], -pending[0][0][1]) > high:
                _, _, gave = heappop(pending)
                withdrawn[statement_of[gave.id].index].setdefault(mine, (gave, day))
            for c in given:
                below = ev.limits(statement_of[c.id].value)[0]
                heappush(pending, ((-below[0], -below[1]), c.id, c))
    return withdrawn


#: The start of the reason :func:`compute_origins` gives a figure an origin withdrew,
#: still in print: no record says it relays the origin, its figure and dates do.
WITHDRAWN_IN_PRINT = "a figure its origin withdrew, in print again"
