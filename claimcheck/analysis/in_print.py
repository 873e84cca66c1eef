"""A running toll's figure still in print after its origin revised it.

A health office's 47 dead, corrected the next day to 38 (nine victims registered twice),
and a paper's 47 three days later: the paper's figure is most likely the withdrawn one
still in print, not the toll grown past the correction. So is a radio's "34 victims
buried" the day after the ministry raised its "at least 34" to 51: the ministry's old
word, not a neutral count below it. :func:`stale_in_print` credits such a figure to the
origin that revised it (:func:`~.origins.compute_origins`), so that the revision
supersedes it as it superseded the origin's own; CC105 and CC106 name it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.timing import repeat_dates
from claimcheck.model import Claim
from claimcheck.values import DateRange, Quantity, reprints, stated_numbers

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


#: An outlet's own figure stating, within this many days after an origin revised it, a
#: figure the origin had given is that origin's old figure still in print (a paper running
#: the medics' 47 three days after they corrected it to 38).
IN_PRINT_DAYS = 14

#: At most this many origins that revised a figure are tried for one printed figure,
#: by their claims' ids (a figure many origins gave and revised is hardly one's old word).
MAX_TRIED = 8


class InPrint(NamedTuple):
    """A figure in print after its origin revised it: the origin's claim of it, the day
    the origin revised it, and whether it lowered it (withdrew it) or raised it."""

    gave: Claim
    day: dt.date
    lowered: bool


def stale_in_print(
    ev: GroupEvidence, origin: dict[str, int], relays: dict[int, tuple[int, str]]
) -> None:
    """An outlet's own figure of a running toll that states, after the day an origin
    revised it, a figure that origin gave — the medics' 47, corrected to 38 (nine
    victims registered twice), and a paper's 47 three days later; the ministry's "at
    least 34", raised to 51, and a radio's 34 the day after — carries that origin's old
    figure: its old word still in print, credited to it (it has revised it since), not
    the toll grown past a correction nor a count disputing a raised one. Noted in
    ``relays`` with the origin's claim of the figure.

    The printed figure carries the origin's as a relay prints it (:func:`_carries`: the
    same figure, or its number with a qualifier dropped or added that still holds); the
    origin revised it on the first day since which all it gave lies beyond the printed
    figure (below it: lowered; above it: raised), up to the day it is printed. Only
    figures of one day, not vague words; printed within :data:`IN_PRINT_DAYS` of the
    revision; not when another origin gives the printed figure as its own word (a party,
    by the day it is printed; an outlet, by the day it was revised — and below a raised
    figure, another outlet at any time: two outlets agreeing are a count), nor from an
    outlet keeping a count of its own."""
    if ev.type != "quantity" or not ev.cumulative:
        return
    claims, statement_of = ev.claims, ev.statement_by_claim
    mine_of: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        st = statement_of.get(c.id)
        if st is not None and c.cited and _one_day(c) and _figure(st.value):
            mine_of[origin[c.id]].append(c)
    several = {o: cs for o, cs in mine_of.items() if len({c.as_of for c in cs}) > 1}
    if not several:
        return  # (most groups: no origin gave figures on two days)
    numbers_of: dict[int, list[float]] = {}  # (by statement index)

    def numbers(st_index: int) -> list[float]:
        found = numbers_of.get(st_index)
        if found is None:
            found = numbers_of[st_index] = stated_numbers(ev.statements[st_index].value) or []
        return found

    # The origins that gave figures on several days, by each number they stated.
    giving: dict[float, set[int]] = defaultdict(set)
    for o, cs in several.items():
        for c in cs:
            for n in numbers(statement_of[c.id].index):
                giving[n].add(o)
    first_ids = {o: min(c.id for c in cs) for o, cs in several.items()}
    first_id = first_ids.__getitem__  # (origins tried by id, never by file order)
    own_reporting = ev.provenance.own_reporting
    candidates: list[tuple[int, Claim, list[int]]] = []
    for i, c in enumerate(claims):
        st = statement_of.get(c.id)
        if i in relays or st is None or not own_reporting(c) or not _one_day(c):
            continue
        if not _figure(st.value):
            continue
        mine = origin[c.id]
        others = {o for n in numbers(st.index) for o in giving.get(n, ()) if o != mine}
        if others:
            candidates.append((i, c, sorted(others, key=first_id)))
    if not candidates:
        return
    # Each origin's figures by the day it gave them: a party's old figure quoted again
    # later is its word of the day it first gave it (timing.repeat_dates).
    said: dict[str, DateRange] = {}
    for cs in several.values():
        # (only where a claim may be one: a claimant's word an outlet dated itself)
        if any(not c.as_of_given and c.quoting for c in cs):
            said.update(repeat_dates(ev.provenance, cs, lambda c: statement_of[c.id].index))
    days_of: dict[int, _Days] = {}
    printed_statements = {statement_of[c.id].index for _, c, _ in candidates}
    # Outlets keeping a count of their own (figures of several statements): their own.
    own_statements: dict[int, set[int]] = defaultdict(set)
    # Who else gives each printed figure as its own word: the origins of a party's word,
    # and each outlet's first day for its own.
    parties: dict[int, dict[int, dt.date]] = defaultdict(dict)
    outlets: dict[int, dict[int, dt.date]] = defaultdict(dict)
    for j, c in enumerate(claims):
        st = statement_of.get(c.id)
        if st is None or c.stance != "asserts":
            continue
        if j in relays:
            continue  # (a relay, citing where it has the figure, gives no word of its own)
        own, o = own_reporting(c), origin[c.id]
        if own:
            own_statements[o].add(st.index)
        if st.index in printed_statements:
            # (a party's undated word: any time)
            known = c.as_of is not None and c.as_of.known
            if not own or known:
                when = c.as_of.low if known else dt.date.min  # type: ignore[union-attr]
                firsts = (outlets if own else parties)[st.index]
                if o not in firsts or when < firsts[o]:
                    firsts[o] = when
    found: dict[str, InPrint] = {}
    position: dict[str, int] = {}
    # (per printed figure, once: the first parties and outlets giving it as their own)
    firsts_of: dict[int, tuple[list[tuple[int, dt.date]], list[tuple[int, dt.date]]]] = {}
    for i, c, tried in candidates:
        mine = origin[c.id]
        if len(own_statements[mine]) > 1:
            continue  # (an outlet keeping a count of its own)
        st = statement_of[c.id]
        printed = c.as_of.low  # type: ignore[union-attr]
        known_firsts = firsts_of.get(st.index)
        if known_firsts is None:
            known_firsts = firsts_of[st.index] = (
                sorted(parties[st.index].items(), key=lambda t: t[1])[:2],
                sorted(outlets[st.index].items(), key=lambda t: t[1])[:3],
            )
        first_parties, earliest = known_firsts
        for o in tried[:MAX_TRIED]:
            days = days_of.get(o)
            if days is None:
                days = days_of[o] = _by_day(ev, several[o], said)
            hit = _revised(ev, days, st.value, printed)
            if hit is None:
                continue
            gave, day, lowered = hit
            if any(x != o and d <= printed for x, d in first_parties):
                continue  # (a party's own word by then: a figure of its own)
            if any(x != o and d <= day for x, d in earliest):
                continue  # (an outlet's own word by the day it was revised)
            if not lowered and any(x not in (o, mine) for x, _ in earliest):
                # (below a raised figure, two outlets' own counts agreeing are a count,
                # not one figure in print twice: a dispute, as it may well be)
                continue
            reason = WITHDRAWN_IN_PRINT if lowered else REVISED_IN_PRINT
            if not position:
                position = {c.id: i for i, c in enumerate(claims)}
            relays[i] = (position[gave.id], f"{reason} ({gave.speaker}, on {day})")
            found[c.id] = InPrint(gave, day, lowered)
            break
    if found:
        ev.memo["in_print"] = found


def _one_day(c: Claim) -> bool:
    """An asserted claim dated to one day."""
    as_of = c.as_of
    return c.stance == "asserts" and as_of is not None and as_of.known and as_of.low == as_of.high


def _figure(value: object) -> bool:
    """A quantity stated as a figure, not a vague word."""
    return isinstance(value, Quantity) and value.form != "vague"


def _revised(
    ev: GroupEvidence, days: _Days, value: object, printed: dt.date
) -> tuple[Claim, dt.date, bool] | None:
    """Whether an origin, by the day ``printed``, had revised a figure it gave carrying
    ``value``: (its claim of it, the day since which all it gave lay beyond ``value``,
    lowered or not) — all it gave every day since lying beyond it on that side (up to
    the day printed), that day before ``printed`` and within :data:`IN_PRINT_DAYS` of
    it, and its last figure carrying ``value`` given before that day (the medics' 47,
    their 50 the next day, their 38 the day after: the 47 withdrawn on the third)."""
    last = bisect_right(days.days, printed) - 1
    if last < 1:
        return None
    below, above = ev.limits(value)  # type: ignore[arg-type]
    if days.highs[last] < below:
        lowered = True
    elif days.lows[last] > above:
        lowered = False
    else:
        return None  # (its word of that day still holds with the printed figure)
    start = printed - dt.timedelta(days=IN_PRINT_DAYS)
    j = last
    while j >= 0 and (days.highs[j] < below if lowered else days.lows[j] > above):
        if days.days[j] < start:
            return None  # (revised before the window: no figure of these days)
        j -= 1
    if j < 0:
        return None  # (it never gave the figure)
    day = days.days[j + 1]
    if day >= printed:
        return None
    # Its last days before then stating the printed number (a few, latest first): the
    # latest with a figure carrying the printed one.
    tried: set[int] = set()
    for n in stated_numbers(value) or ():
        given = days.by_number.get(n, [])
        end = bisect_right(given, j)
        tried.update(given[max(0, end - MAX_TRIED) : end])
    for at in sorted(tried, reverse=True)[:MAX_TRIED]:
        carrying = [c for c in days.given[at] if _carries(ev, c, value)]
        if carrying:
            return min(carrying, key=lambda c: c.id), day, lowered
    return None  # (what it gave before was another figure)


def _carries(ev: GroupEvidence, claim: Claim, value: object) -> bool:
    """Whether ``claim``'s figure is ``value`` as a relay would print it (:func:`reprints`)."""
    other = ev.statement_by_claim[claim.id].value
    if other is value:
        return True
    return isinstance(other, Quantity) and isinstance(value, Quantity) and reprints(other, value)


def in_print(ev: GroupEvidence) -> dict[str, InPrint]:
    """The figures :func:`stale_in_print` found, by claim id."""
    return ev.memo.get("in_print", {})  # type: ignore[return-value]


class _Days(NamedTuple):
    """An origin's figures by the day it gave them: the days in order, each day's
    figures, and the lowest and highest bound of them."""

    days: list[dt.date]
    given: list[list[Claim]]
    lows: list[Bound]
    highs: list[Bound]
    #: The days (by index) on which it stated each number.
    by_number: dict[float, list[int]]


def _by_day(ev: GroupEvidence, cs: list[Claim], said: dict[str, DateRange]) -> _Days:
    """``cs`` by day, each dated by ``said``, else its ``as_of``."""
    found: dict[dt.date, list[Claim]] = defaultdict(list)
    for c in cs:
        found[(said.get(c.id) or c.as_of).low].append(c)  # type: ignore[union-attr]
    days = sorted(found)
    given = [found[d] for d in days]
    statement_of = ev.statement_by_claim
    spans = [[bounds(statement_of[c.id].value) for c in day] for day in given]
    lows = [min(lo for lo, _ in day) for day in spans]
    highs = [max(hi for _, hi in day) for day in spans]
    by_number: dict[float, list[int]] = defaultdict(list)
    for k, day in enumerate(given):
        for n in {n for c in day for n in stated_numbers(statement_of[c.id].value) or ()}:
            by_number[n].append(k)
    return _Days(days, given, lows, highs, by_number)


#: The start of the reason :func:`compute_origins` gives a figure an origin withdrew (or
#: raised), still in print: no record says it relays the origin, its figure and dates do.
WITHDRAWN_IN_PRINT = "a figure its origin withdrew, in print again"
REVISED_IN_PRINT = "a figure its origin revised since, in print again"
IN_PRINT_REASONS = (WITHDRAWN_IN_PRINT, REVISED_IN_PRINT)
