"""A running toll's figure still in print after its origin withdrew it.

A health office's 47 dead, corrected the next day to 38 (nine victims registered twice),
and a paper's 47 three days later: the paper's figure is most likely the withdrawn one
still in print, not the toll grown past the correction. :func:`withdrawn_in_print`
credits it to the origin that withdrew it (:func:`~.origins.compute_origins`), so that
the correction supersedes it as it superseded the origin's own 47; CC106 names it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from heapq import heappop, heappush
from typing import TYPE_CHECKING, NamedTuple

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
    :data:`IN_PRINT_DAYS` of the lowering; not when the origin came back up to it by the
    day it is printed, nor when another origin gives it as its own word (a party, by
    that day; an outlet, by the day it was withdrawn), nor from an outlet keeping a count
    of its own.
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
    if not several or not _lowered(ev, {o: _by_day(ev, cs, {}) for o, cs in several.items()}):
        return  # (most groups: no origin lowered a figure)
    # Each origin's figures by the day it gave them: a party's old figure quoted again
    # later is its word of the day it first gave it (timing.repeat_dates).
    said: dict[str, DateRange] = {}
    for cs in several.values():
        # (only where a claim may be one: a claimant's word an outlet dated itself)
        if any(not c.as_of_given and c.claimant_given and c.claimant != c.outlet for c in cs):
            said.update(repeat_dates(ev.provenance, cs, lambda c: statement_of[c.id].index))
    days_of = {o: _by_day(ev, cs, said) for o, cs in several.items()}
    withdrawn = _lowered(ev, days_of)
    if not withdrawn:
        return
    own_reporting = ev.provenance.own_reporting
    # Outlets keeping a count of their own (figures of several statements): their own.
    own_statements: dict[int, set[int]] = defaultdict(set)
    # Who else gives each withdrawn figure as its own word: the origins of a party's
    # word, and each outlet's first day for its own.
    parties: dict[int, dict[int, dt.date]] = defaultdict(dict)
    outlets: dict[int, dict[int, dt.date]] = defaultdict(dict)
    for c in claims:
        st = statement_of.get(c.id)
        if st is None or c.stance != "asserts":
            continue
        own, o = own_reporting(c), origin[c.id]
        if own:
            own_statements[o].add(st.index)
        if st.index in withdrawn:
            # (a party's undated word: any time)
            known = c.as_of is not None and c.as_of.known
            if not own or known:
                when = c.as_of.low if known else dt.date.min  # type: ignore[union-attr]
                firsts = (outlets if own else parties)[st.index]
                if o not in firsts or when < firsts[o]:
                    firsts[o] = when
    # The withdrawals no other outlet gave as its own by that day, by day; the first
    # parties to give each figure (none of them the origin, by the print's day).
    standing: dict[int, tuple[list[dt.date], list[tuple[int, Claim]]]] = {}
    first_parties: dict[int, list[tuple[int, dt.date]]] = {}
    for index, by_origin in withdrawn.items():
        earliest = sorted(outlets[index].items(), key=lambda t: t[1])[:2]
        found = [
            (day, mine, gave)
            for mine, (gave, day) in by_origin.items()
            if not any(o != mine and d <= day for o, d in earliest)
        ]
        if found:
            found.sort(key=lambda t: (t[0], t[2].id))
            standing[index] = ([t[0] for t in found], [(t[1], t[2]) for t in found])
            first_parties[index] = sorted(parties[index].items(), key=lambda t: t[1])[:2]
    if not standing:
        return
    position = {c.id: i for i, c in enumerate(claims)}
    in_print: dict[str, tuple[Claim, dt.date]] = {}
    for c in claims:
        i, st = position[c.id], statement_of.get(c.id)
        if i in relays or st is None or st.index not in standing or not own_reporting(c):
            continue
        as_of = c.as_of
        if as_of is None or not as_of.known or as_of.low != as_of.high:
            continue
        if len(own_statements[origin[c.id]]) > 1:
            continue  # (an outlet keeping a count of its own)
        withdrawn_on, by = standing[st.index]
        printed, below = as_of.low, ev.limits(st.value)[0]
        # (lowered in the IN_PRINT_DAYS before, by another origin: the earliest such)
        start = bisect_left(withdrawn_on, printed - dt.timedelta(days=IN_PRINT_DAYS))
        for n in range(start, bisect_left(withdrawn_on, printed)):
            mine, gave = by[n]
            day = withdrawn_on[n]
            if mine == origin[c.id]:
                continue
            if any(o != mine and d <= printed for o, d in first_parties[st.index]):
                continue  # (a party's own word by then: a figure of its own)
            days, _, highs = days_of[mine]
            back = range(bisect_right(days, day), bisect_right(days, printed))
            if any(highs[k] >= below for k in back):
                continue  # (the origin came back up to it by then)
            relays[i] = (position[gave.id], f"{WITHDRAWN_IN_PRINT} ({gave.speaker}, on {day})")
            in_print[c.id] = (gave, day)
            break
    if in_print:
        ev.memo["in_print"] = in_print


def in_print(ev: GroupEvidence) -> dict[str, tuple[Claim, dt.date]]:
    """The figures :func:`withdrawn_in_print` found: id -> the withdrawn claim it
    carries and the day its origin lowered it."""
    return ev.memo.get("in_print", {})  # type: ignore[return-value]


class _Days(NamedTuple):
    """An origin's figures by the day it gave them: the days in order, each day's
    figures, and the highest of them."""

    days: list[dt.date]
    given: list[list[Claim]]
    highs: list[Bound]


def _by_day(ev: GroupEvidence, cs: list[Claim], said: dict[str, DateRange]) -> _Days:
    """``cs`` by day, each dated by ``said``, else its ``as_of``."""
    found: dict[dt.date, list[Claim]] = defaultdict(list)
    for c in cs:
        found[(said.get(c.id) or c.as_of).low].append(c)  # type: ignore[union-attr]
    days = sorted(found)
    given = [found[d] for d in days]
    statement_of = ev.statement_by_claim
    highs = [max(bounds(statement_of[c.id].value)[1] for c in day) for day in given]
    return _Days(days, given, highs)


def _lowered(
    ev: GroupEvidence, days_of: dict[int, _Days]
) -> dict[int, dict[int, tuple[Claim, dt.date]]]:
    """Each statement an origin gave and later lowered (everything it gave on a later day
    below it): statement index -> origin -> (its claim of it, the day it lowered it)."""
    statement_of = ev.statement_by_claim
    withdrawn: dict[int, dict[int, tuple[Claim, dt.date]]] = defaultdict(dict)
    for mine, (days, given, highs) in days_of.items():
        pending: list[tuple[Bound, str, Claim]] = []  # (lower limit, negated; id; claim)
        for day, figures, high in zip(days, given, highs, strict=True):
            while pending and (-pending[0][0][0], -pending[0][0][1]) > high:
                _, _, gave = heappop(pending)
                withdrawn[statement_of[gave.id].index].setdefault(mine, (gave, day))
            for c in figures:
                below = ev.limits(statement_of[c.id].value)[0]
                heappush(pending, ((-below[0], -below[1]), c.id, c))
    return withdrawn


#: The start of the reason :func:`compute_origins` gives a figure an origin withdrew,
#: still in print: no record says it relays the origin, its figure and dates do.
WITHDRAWN_IN_PRINT = "a figure its origin withdrew, in print again"
