"""Every statement's tally at once, for quantities and dates: a sweep over sorted bounds.

The exact walk (:func:`claimcheck.analysis.tallies.walk`) judges each statement against
every unit; in a big group most units are alike — neutral, one interval, no denial — and
these are counted together here, through prefix sums, a Fenwick tree and a segment tree,
so that the same tallies come without comparing every statement with every unit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import partial
from itertools import accumulate, chain
from operator import gt
from typing import TYPE_CHECKING, Any

from claimcheck.analysis.cases import Moving, add_units, clique, count, strongest_case
from claimcheck.analysis.intervals import (
    Bound,
    Covering,
    Fenwick,
    MaxAdd,
    Spans,
    Windows,
    staircase,
)
from claimcheck.analysis.statements import Tally, Unit, Units
from claimcheck.analysis.straddling import Touching, across_against, straddling_against
from claimcheck.analysis.tallies import Query, judged, query, unit_spans, walk
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def _simple_within(
    by_hi: list[tuple[Bound, Bound, Unit]], his: list[Bound], low: Bound, high: Bound
) -> list[Unit]:
    """The units whose one interval lies within [low, high] (each starts by its end)."""
    start, end = bisect_left(his, low), bisect_right(his, high)
    return [u for lo, _, u in by_hi[start:end] if lo >= low]


def _simple_outside(
    by_hi: list[tuple[Bound, Bound, Unit]],
    by_lo: list[tuple[Bound, Bound, Unit]],
    n_lower: int,
    n_higher: int,
) -> list[Unit]:
    """The ``n_lower`` units lowest by upper bound and ``n_higher`` highest by lower."""
    return [u for *_, u in by_hi[:n_lower]] + [u for *_, u in by_lo[len(by_lo) - n_higher :]]


class _Deniers:
    """The neutral units whose evidence is denials only, and which of them deny the
    whole of an interval (a window of theirs covers it: they are against an assertion
    of it, and support a denial of it) — counted for every statement at once, listed
    only when asked.

    An interval [lo, hi] lies in a window [a, b] when a <= lo and hi <= b: a point in
    the quadrant of the window's corner. A unit's windows, reduced to those no other
    holds, are a staircase; the union of their quadrants counts once for the unit as
    the sum of each window's quadrant less the quadrant of each pair of neighbours'
    common corner. The counts are a sweep over lower bounds with a Fenwick tree over
    upper bounds.
    """

    __slots__ = ("quadrants", "tree")

    def __init__(self, units: list[tuple[Unit, Windows]]) -> None:
        #: (lower, upper, packed count): a window's corner, or a neighbours' one (minus).
        self.quadrants: list[tuple[Bound, Bound, int]] = []
        windows: list[tuple[Bound, Bound, Unit]] = []
        for unit, denials in units:
            steps = staircase(zip(denials.lows, denials.highs, strict=True))
            weight = count(unit)
            for k, (lo, hi) in enumerate(steps):
                self.quadrants.append((lo, hi, weight))
                windows.append((lo, hi, unit))
                if k:
                    self.quadrants.append((lo, steps[k - 1][1], -weight))
        self.tree = Covering(windows)

    def counts(self, intervals: list[tuple[Bound, Bound]]) -> list[int]:
        """For each interval, the units denying all of it (packed as :func:`_count`)."""
        quadrants = sorted(self.quadrants, key=lambda t: t[0])
        his = sorted({hi for _, hi, _ in quadrants})
        fenwick = Fenwick(len(his))
        out = [0] * len(intervals)
        inserted = p = 0
        for i in sorted(range(len(intervals)), key=lambda i: intervals[i][0]):
            lo, hi = intervals[i]
            while p < len(quadrants) and quadrants[p][0] <= lo:
                _, top, weight = quadrants[p]
                fenwick.add(bisect_left(his, top), weight)
                inserted += weight
                p += 1
            out[i] = inserted - fenwick.prefix(bisect_left(his, hi))
        return out

    def listing(self, lo: Bound, hi: Bound) -> list[Unit]:
        """The units denying all of [lo, hi]."""
        return list({u.index: u for u in self.tree.covering(lo, hi)}.values())


def _chain(*listings: Callable[[], list[Unit]]) -> list[Unit]:
    return [u for listing in listings for u in listing()]


def _cases(
    *,
    lower: bool,
    entering: list[tuple[Bound, Bound, Unit]],
    steps: list[tuple[Bound, int, int, Bound, Bound]],
    counted: list[int],
    within: Callable[[int, float], tuple[int, int]],
    asserted: list[int],
    queries: list[Query],
    coords: list[Bound],
    pos: dict[Bound, int],
    several: list[tuple[Unit, Spans, Windows]],
    several_index: set[int],
    other_cases: list[dict[object, list[Any]]],
    other_pro: list[list[Unit]],
) -> dict[int, Units]:
    """The strongest case below (``lower``) or above each asserted figure, the figures
    taken from the nearest limit outward: the simple units ``entering`` the tree as the
    sweep passes them (and ``counted``, packed, the first so many), each unit of several
    figures kept at its nearest interval (``steps``: its intervals as they are passed,
    with the unit, which of them, and where it lies), and the others weighed one by
    one."""
    tree = MaxAdd(len(pos))
    moving = Moving(tree, coords, pos, several, lower=lower)
    label = "lower" if lower else "higher"
    out: dict[int, Units] = {}
    p = m = 0
    for i in sorted(
        asserted, key=lambda i: queries[i].below if lower else queries[i].above, reverse=not lower
    ):
        q = queries[i]
        limit = q.below if lower else q.above
        while p < len(entering) and (entering[p][1] < limit if lower else entering[p][0] > limit):
            lo, hi, unit = entering[p]
            if unit.index not in several_index:
                tree.add(pos[lo], pos[hi] + 1, clique(unit))
            p += 1
        while m < len(steps) and (steps[m][0] < limit if lower else steps[m][0] > limit):
            _, k, j, lo, hi = steps[m]
            moving.move(k, j, lo, hi)
            m += 1
        items = other_cases[i].get(label, [])
        # (the nearest and farthest simple units in: their bounds facing the figure)
        first, last = (entering[0], entering[p - 1]) if p else (None, None)
        near = (
            ()
            if first is None or last is None
            else (first[1][0], last[1][0])
            if lower
            else (first[0][0], last[0][0])
        )
        moving.leave_out(other_pro[i])
        if p or items or moving.straddling_count:
            out[i] = strongest_case(
                tree, pos, p, counted[p], near, items, limit, lower, partial(within, p), moving
            )
    return out


def sweep_tallies(group: GroupEvidence) -> None:
    """Every statement's tally at once, for quantities and dates: the common units —
    neutral, one interval, no denial — counted through sorted bounds and prefix sums
    (and the strongest case of those below or above a figure kept by a segment tree
    as the sweep passes them); the neutral units that only deny, counted by the
    windows covering each statement (:class:`_Deniers`); the neutral units of several
    figures, counted with the simple ones by the statements they lie wholly below or
    above, and by those whose limits they straddle (:func:`~.straddling.straddling_against`); the
    few others (a side, figures and denials, or several figures one of which a
    statement's window holds: :class:`~.straddling.Touching`) judged one by one, as :func:`walk`
    does. The same tallies, without comparing every statement with every unit."""
    entries = unit_spans(group)
    statements = group.statements
    if any(sp is not None and any(map(gt, sp.los, sp.his)) for _, sp, _, _ in entries):
        for st in statements:  # an empty interval ("fewer than 0"): walk
            st.tally = walk(group, st)
        return
    simple: list[tuple[Bound, Bound, Unit]] = []
    several: list[tuple[Unit, Spans, Windows]] = []
    deniers: list[tuple[Unit, Windows]] = []
    others: list[tuple[Unit, Any, Any]] = []
    for unit, spans, denials, _ in entries:
        if unit.side is None and spans is None and denials.lows:
            deniers.append((unit, denials))
        elif unit.side is None and spans is not None and not denials.lows:
            if spans.lo_order[0] == spans.lo_order[-1] and spans.his[0] == spans.his[-1]:
                simple.append((spans.los[0], spans.his[0], unit))
            else:
                several.append((unit, spans, denials))
        else:
            others.append((unit, spans, denials))
    # Judging a unit that only denies is one bisection: counting them together
    # pays from several dozen on.
    counted = len(simple) + len(several) + len(deniers) // 64
    if counted * len(statements) < group.sweep_from:
        for st in statements:  # few common units: nothing to count together
            st.tally = walk(group, st)
        return
    single = group.single
    queries = [query(group, st) for st in statements]
    # Units denying all of each statement's interval: against an assertion of it,
    # for a denial of it.
    denying = _Deniers(deniers)
    denied = denying.counts([(q.lo, q.hi) for q in queries])
    # A neutral unit of several figures and no denial is counted with the simple units
    # by a statement its figures' span lies wholly within (for it: all its figures do),
    # wholly below (against it: as its highest figure, the one nearest to the
    # statement) or wholly above (as its lowest); for any other statement whose limits
    # the span meets, it is judged with the others if a figure of it lies within the
    # window (Touching), and counted otherwise (straddling_against).
    spans_of = [(sp.lo_order[0], sp.his[-1], (u, sp, d)) for u, sp, d in several]
    by_hi = sorted(simple + [(lo, hi, u) for lo, hi, (u, _, _) in spans_of], key=lambda t: t[1])
    his = [t[1] for t in by_hi]
    n_within = len(by_hi)
    spanning = Covering(spans_of)
    below_all = sorted(
        simple + [(sp.los[-1], sp.his[-1], u) for u, sp, _ in several], key=lambda t: t[1]
    )
    below_his = [t[1] for t in below_all]
    above_all = sorted(
        simple + [(sp.lo_order[0], sp.hi_by_lo[0], u) for u, sp, _ in several],
        key=lambda t: t[0],
    )
    above_los = [t[0] for t in above_all]
    count_hi = [0, *accumulate(count(t[2]) for t in below_all)]
    count_lo = [0, *accumulate(count(t[2]) for t in reversed(above_all))]
    n_outside = len(below_all)
    below_values = [hi[0] for hi in below_his]
    above_values = [lo[0] for lo in above_los]

    def below_from(p: int, over: float) -> tuple[int, int]:
        """Of the ``p`` simple units lowest by upper bound, those whose upper bound is
        over ``over``: how many, and counted."""
        k = bisect_right(below_values, over, 0, p)
        return p - k, count_hi[p] - count_hi[k]

    def above_to(p: int, under: float) -> tuple[int, int]:
        """Of the ``p`` simple units highest by lower bound, those whose lower bound is
        under ``under``: how many, and counted."""
        k = bisect_left(above_values, under, n_outside - p, n_outside)
        return k - (n_outside - p), count_lo[p] - count_lo[n_outside - k]

    # The other units, each statement in turn, with the units of several figures one of
    # which lies within its window (the others straddling its limits are counted below).
    touching = Touching(several)
    other_pro: list[list[Unit]] = []
    other_against: list[list[Unit]] = []
    other_cases: list[dict[object, list[Any]]] = []
    also: list[bool] = []
    for q in queries:
        pro_units, contra, labelled, said_otherwise = judged(
            group, q, chain(others, touching.of(q) if several else ())
        )
        groups: dict[object, list[Any]] = {}
        for label, unit in labelled:
            if isinstance(label, tuple):
                groups.setdefault(label[0], []).append((label[1], label[2], unit))
            else:
                groups.setdefault(label, []).append(unit)
        other_pro.append(pro_units)
        other_against.append(contra)
        other_cases.append(groups)
        also.append(said_otherwise)

    # Simple units whose interval lies within each statement's window (those
    # supporting an assertion, or asserting what a denial denies): offline, by
    # upper bound, with a Fenwick tree over lower bounds.
    within = [0] * len(statements)
    lo_keys = sorted({t[0] for t in by_hi})
    fenwick = Fenwick(len(lo_keys))
    inserted = p = 0
    for i in sorted(range(len(statements)), key=lambda i: queries[i].high):
        q = queries[i]
        while p < n_within and by_hi[p][1] <= q.high:
            lo, _, unit = by_hi[p]
            fenwick.add(bisect_left(lo_keys, lo), count(unit))
            inserted += count(unit)
            p += 1
        within[i] = inserted - fenwick.prefix(bisect_left(lo_keys, q.low))

    # Units of several figures straddling an asserted figure's limits, against it.
    straddling = straddling_against(several, queries, other_pro) if several and single else None

    # The strongest case below and above each asserted figure.
    coords = sorted(
        {b for lo, hi, _ in simple for b in (lo, hi)}
        | {b for _, sp, _ in chain(others, several) if sp is not None for b in (*sp.los, *sp.his)}
    )
    pos = {b: i for i, b in enumerate(coords)}
    asserted = [i for i, q in enumerate(queries) if q.asserts] if single else []
    # A neutral unit of several figures weighs in a case below a figure by its nearest
    # figure under it (above: over it), wholly below the figure or not: it is kept in the
    # tree at that figure as the sweep passes its figures, not judged again for each
    # statement — but taken out for a statement it supports.
    several_index = {u.index for u, _, _ in several}
    sweep = partial(
        _cases,
        queries=queries,
        coords=coords,
        pos=pos,
        several=several,
        several_index=several_index,
        other_cases=other_cases,
        other_pro=other_pro,
    )
    below_steps = sorted(
        (hi, k, j, sp.los[j], hi)
        for k, (_, sp, _) in enumerate(several)
        for j, hi in enumerate(sp.his)
    )
    above_steps = sorted(
        (
            (lo, k, j, lo, sp.hi_by_lo[j])
            for k, (_, sp, _) in enumerate(several)
            for j, lo in enumerate(sp.lo_order)
        ),
        reverse=True,
    )
    lower_case: dict[int, Units] = {}
    higher_case: dict[int, Units] = {}
    for run in _by_shape(asserted, queries) if several else [asserted]:
        lower_case |= sweep(
            lower=True,
            asserted=run,
            entering=below_all,
            steps=below_steps,
            counted=count_hi,
            within=below_from,
        )
        higher_case |= sweep(
            lower=False,
            asserted=run,
            entering=above_all[::-1],
            steps=above_steps,
            counted=count_lo,
            within=above_to,
        )

    for i, st in enumerate(statements):
        q = queries[i]
        if not (q.below <= q.low and q.high <= q.above and q.below <= q.above):
            # (a negative figure with a share of tolerance): walk
            st.tally = walk(group, st)
            continue
        fits = partial(_simple_within, by_hi, his, q.low, q.high)
        deny = partial(denying.listing, q.lo, q.hi)
        pro_units, against_units = other_pro[i], other_against[i]
        cases: list[Units] = []
        if q.asserts:
            support = add_units(within[i], pro_units, fits)
            n_lo = bisect_left(below_his, q.below) if single else 0
            n_hi = n_outside - bisect_right(above_los, q.above) if single else 0
            outside = partial(_simple_outside, below_all, above_all, n_lo, n_hi)
            straddlers = 0
            if straddling is not None:
                straddlers = straddling[i]
                outside = partial(_chain, outside, partial(across_against, spanning, q))
            against = add_units(
                count_hi[n_lo] + count_lo[n_hi] + denied[i] + straddlers,
                against_units,
                partial(_chain, outside, deny),
            )
            for where in (lower_case, higher_case):
                if i in where:
                    cases.append(where[i])
            # (an interval's other cases are denials only)
            denying_others = other_cases[i].get("denies", [])
            if denied[i] or denying_others:
                cases.append(add_units(denied[i], denying_others, deny))
        else:
            support = add_units(denied[i], pro_units, deny)
            against = add_units(within[i], against_units, fits)
            asserting = other_cases[i].get("asserts", [])
            if within[i] or asserting:
                cases.append(add_units(within[i], asserting, fits))
        st.tally = Tally(support, against, cases, also[i])


def _by_shape(asserted: list[int], queries: list[Query]) -> list[list[int]]:
    """The asserted statements by shape — closed, open above ("at least 30"), from zero
    ("fewer than 50") — each shape swept on its own. A unit of several figures that
    supports a statement is taken out of the case's tree for it and put back after
    (:meth:`~.cases.Moving.leave_out`): the floors' supporters are all the units with a
    figure over them, the ceilings' all those with one under them, a point's only those
    stating it. Swept together in one order, hundreds would go out and back at every
    step from a bound to a point; swept apart, each shape's supporters change little
    from one statement to the next. The cases are the same in any order."""
    runs: dict[tuple[bool, bool], list[int]] = {}
    for i in asserted:
        q = queries[i]
        runs.setdefault((q.hi[0] == INF, q.lo[0] <= 0 < q.hi[0]), []).append(i)
    return list(runs.values())
