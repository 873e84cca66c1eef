"""Counts that carry a running toll: a rise and when it is steep, what a later figure
must pass to overtake one, and the named neutral counts given between two figures that
carry the toll from one to the other by modest steps (:func:`bridged`), which
:mod:`.growth` and :mod:`.partners` ask before calling a steep rise a dispute.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.model import Claim
from claimcheck.values import DateRange, Quantity
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


#: A running toll's figures from origins of different stakes (a party and a neutral
#: count, or two sides) given within this many days of each other are weighed against
#: each other: a later, higher one outgrows the earlier only by rising modestly...
CONTEMPORARY_DAYS = 7
#: ...to at most this many times it: an army's 40 then a hospital's 45 the next day is
#: a toll rising, the rebels' 400 the next day a dispute. Further apart, the rise
#: allowed grows at that rate (doubling each :data:`CONTEMPORARY_DAYS`, see
#: :func:`rise_allowed`): the army's 40 and a UN office's 400 eight days later are a
#: dispute, not a toll grown tenfold in a week and a day...
STEEP_RISE = 2.0
#: ...up to this many days apart (a rise of 4 times); further apart, or of one stake,
#: a later higher figure is growth (DESIGN §2: a toll given while the subject is under
#: way grows; bodies are found, the wounded die, victims are named): the UN's 600 three
#: weeks after the army's 40 of a siege.
GROWTH_DAYS = 14


def rise_allowed(days: int) -> float:
    """How many times a figure a later one of another stake may rise to, ``days`` later,
    and still be a toll growing: :data:`STEEP_RISE` within :data:`CONTEMPORARY_DAYS`,
    then at that rate (twice as much each week: 2.2 times 8 days on, 4 times at
    :data:`GROWTH_DAYS`) — not a window whose last day makes all the difference (the
    army's 40 and the UN's 400 were growth 8 days apart, a dispute 7 days apart)."""
    return float(STEEP_RISE ** (max(days, CONTEMPORARY_DAYS) / CONTEMPORARY_DAYS))


def steep(first: Bound, later: Bound, days: int = 0) -> bool:
    """Whether a later lower bound ``later``, given ``days`` after, rises steeply over an
    upper bound ``first`` (their numbers: "more than 10" rises over 5 as 10 does)."""
    allowed = _ALLOWED[days] if 0 <= days <= GROWTH_DAYS else rise_allowed(days)
    return later[0] > allowed * first[0]


_ALLOWED = tuple(rise_allowed(days) for days in range(GROWTH_DAYS + 1))


def overtaking_limits(group: GroupEvidence, value: Any) -> tuple[Bound, Bound]:
    """What a later, higher figure's lower bound must pass to overtake a figure, and the upper
    bound a steep rise is measured from: the figure's own — or, for an open floor
    ("at least 23"), those of its bound, as if it were the figure 23: a later count of
    38 is the toll grown past the floor of the first day, which still holds but says
    nothing of the toll now."""
    low, high = bounds(value)
    if high[0] != INF:
        return group.limits(value)[1], high
    return max(group.limits(Quantity(low[0], low[0]))[1], low), low


def bridged(group: GroupEvidence, first: Claim, later: Claim) -> bool:
    """Whether counts given between ``first`` and ``later`` (within
    :data:`GROWTH_DAYS`) carry the toll from one to the other by modest rises,
    each outgrowing the one before (:func:`outgrows`): a steep rise over days that
    other counts filled in is one count growing, not a dispute.

    Only between neutral figures, and only through named neutral counts: a side's
    figure against another's is weighed as it stands (the army's 12 and the rebels' 38
    two days later are a dispute, whatever anonymous medics said between: an
    adversarial trial found an anonymous 20, another armed group's 75 or the rival
    side's own figure dissolving such disputes). No step is an anonymous source's, an
    outlet's its desk rates unreliable (``reliability: E``) or a figure its origin
    walked back on a later day (a later figure, or range, reaching lower: a count it
    took back); a step's rise is measured from its lower bound (a range "10-60"
    carries no further than 20). Figures of one day only are steps (a count dated "in
    March" says nothing of the days between); the search sweeps the days between
    (:meth:`_Steps.carry`)."""
    units = group.units
    if units[first.id].stake is not None or units[later.id].stake is not None:
        return False
    a, b = group.when(first), group.when(later)
    if a is None or b is None or not a.known or not b.known:
        return False
    steps = _steps(group)
    key = (first.id, later.id)
    found = steps.memo.get(key)
    if found is None:
        found = steps.memo[key] = steps.carry(group, first, later, b)
    return found


class _Steps:
    """A running toll's named neutral counts of one day each, by day, sorted by lower
    bound (a statement once per origin: its relays are no steps of their own): a day's
    highest count rising modestly over a figure, in a lookup; and what :func:`bridged`
    found, by pair of claims."""

    def __init__(self, group: GroupEvidence) -> None:
        origin = group.credited
        units = group.units
        dated: list[tuple[int, Bound, Claim]] = []
        for st in group.statements:
            if st.stance != "asserts":
                continue
            low = bounds(st.value)[0]
            seen: set[tuple[int, int]] = set()
            for c in st.claims:
                as_of = group.when(c)
                if as_of is None or not as_of.known or as_of.low != as_of.high:
                    continue
                day = as_of.low.toordinal()
                if (day, origin[c.id]) not in seen:
                    seen.add((day, origin[c.id]))
                    dated.append((day, low, c))
        # (not a figure its own origin walked back on a later day, to a figure or a range
        # reaching lower: a count it took back)
        lowest_after: dict[int, Bound] = {}  # origin -> its lowest lower bound of later days
        lowered: set[str] = set()
        for _, given in groupby(sorted(dated, key=lambda t: -t[0]), key=itemgetter(0)):
            that_day = list(given)
            for _, low, c in that_day:
                later = lowest_after.get(origin[c.id])
                if later is not None and later[0] < low[0]:
                    lowered.add(c.id)
            for _, low, c in that_day:
                later = lowest_after.get(origin[c.id])
                if later is None or low < later:
                    lowest_after[origin[c.id]] = low
        outlets = group.store.outlets
        found: dict[int, list[tuple[Bound, str, Claim]]] = defaultdict(list)
        for day, low, c in dated:
            unit = units[c.id]
            outlet = outlets.get(c.speaker)
            if (
                c.id in lowered
                or unit.stake is not None
                or unit.anonymous
                or (outlet is not None and outlet.reliability == "E")
            ):
                continue  # (a named neutral count is a step; nothing else)
            found[day].append((low, c.id, c))
        #: day -> (lower bounds, sorted; the claims, alike)
        self.days: dict[int, tuple[list[Bound], list[Claim]]] = {}
        for day, figures in found.items():
            figures.sort(key=lambda t: (t[0], t[1]))
            self.days[day] = ([t[0] for t in figures], [t[2] for t in figures])
        self.memo: dict[tuple[str, str], bool] = {}

    def carry(self, group: GroupEvidence, first: Claim, later: Claim, b: DateRange) -> bool:
        """:func:`bridged`, worked out: a sweep over the days between, from ``first``,
        of the counts each figure reached so far rises modestly to (the highest of each
        day), keeping the few highest reached, until one is reached that ``later`` rises
        modestly over (not through the highest count at each step alone: a paper's 10,
        another's 15 the next day, a third's 30 the day after carry it to a radio's 60
        on the 8th, though an NGO's 20 of the 7th is higher than the 15 and leads
        nowhere)."""
        statement_of = group.statement_by_claim
        later_low = bounds(statement_of[later.id].value)[0]
        a = group.when(first)
        assert a is not None
        start, until = a.high.toordinal() + 1, b.low.toordinal()
        reached: list[Claim] = [first]
        for day in range(start, min(until, start + GROWTH_DAYS)):
            given = self.days.get(day)
            if given is None:
                continue
            lows, claims = given
            new: list[Claim] = []
            for r in reached:
                when_r = group.when(r)
                assert when_r is not None
                r_day = when_r.high.toordinal()
                if r_day >= day:
                    continue
                above, upper = overtaking_limits(group, statement_of[r.id].value)
                if r is not first:  # (a step's rise is measured from its lower bound)
                    upper = min(upper, bounds(statement_of[r.id].value)[0])
                # (the highest not steep over ``upper``: lower bounds up to twice it, or
                # as much more as the days between allow)
                k = bisect_right(lows, (rise_allowed(day - r_day) * upper[0], INF))
                if k > 0 and lows[k - 1] > above:
                    new.append(claims[k - 1])
            for c in new:
                if not steep(bounds(statement_of[c.id].value)[0], later_low, until - day):
                    return True
            if new:
                reached = _highest(group, first, reached + new)
        return False


#: A sweep keeps this many of the highest counts reached (and the first figure).
REACHED_KEPT = 3


def _highest(group: GroupEvidence, first: Claim, reached: list[Claim]) -> list[Claim]:
    """``first`` and the :data:`REACHED_KEPT` highest of ``reached``."""
    value = group.statement_by_claim
    ranked = sorted(
        {c.id: c for c in reached if c is not first}.values(),
        key=lambda c: (bounds(value[c.id].value)[0], c.id),
        reverse=True,
    )
    return [first, *ranked[:REACHED_KEPT]]


def _steps(group: GroupEvidence) -> _Steps:
    steps = group.memo.get("steps")
    if steps is None:
        steps = group.memo["steps"] = _Steps(group)
    return steps  # type: ignore[return-value]
