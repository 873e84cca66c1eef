"""The neutral units of several figures across a statement's limits, for the sweep
(:mod:`.sweep`): those one of whose figures lies within its window, judged one by one
(:class:`Touching`); the others, against an assertion of it, counted
(:func:`straddling_against`) and listed only when asked (:func:`across_against`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, chain
from typing import Any

from claimcheck.analysis.cases import count
from claimcheck.analysis.intervals import Bound, Covering, Fenwick, Spans, Windows
from claimcheck.analysis.statements import Unit
from claimcheck.analysis.tallies import Query


def across(spans: Covering[Any], q: Query) -> list[Any]:
    """The units of several figures whose span meets the limits of a statement without
    lying wholly within its window: starting under the window and reaching its lower
    limit, or ending over the window and starting by its upper limit (half a step of
    openness away from the window's bound: strictly under or over it)."""
    low, high = q.low, q.high
    under = spans.covering((low[0], low[1] - 0.5), q.below)
    over = spans.covering(q.above, (high[0], high[1] + 0.5))
    if not under or not over:
        return under or over
    return list({id(item): item for item in chain(under, over)}.values())


def across_against(spans: Covering[Any], q: Query) -> list[Unit]:
    """The units of several figures across an asserted figure's limits against it: none
    of their figures within its window, one beyond a limit (listed, as the walk judges
    them)."""
    return [
        u
        for u, sp, _ in across(spans, q)
        if not sp.supports(q.low, q.high) and sp.contradicts(q.below, q.above)
    ]


class Touching:
    """The neutral units of several figures one of whose figures lies within a
    statement's window, without all of them doing so: for an assertion of it they are
    for it, for a denial of it against it — judged one by one. (The others are wholly
    below, above or within the window, counted with the simple units; or across its
    limits with no figure within: against an assertion of a one-value group, counted
    by :func:`straddling_against`, and otherwise neither for nor against it.)"""

    __slots__ = ("his", "intervals", "several")

    def __init__(self, several: list[tuple[Unit, Spans, Windows]]) -> None:
        self.several = several
        self.intervals = sorted(
            (hi, lo, k)
            for k, (_, sp, _) in enumerate(several)
            for lo, hi in zip(sp.los, sp.his, strict=True)
        )
        self.his = [t[0] for t in self.intervals]

    def of(self, q: Query) -> list[tuple[Unit, Spans, Windows]]:
        """Those of statement ``q`` (its intervals' upper bounds in the window, then
        their lower: a window open above asks of every interval reaching it)."""
        low, high = q.low, q.high
        start, end = bisect_left(self.his, low), bisect_right(self.his, high)
        found = {k for _, lo, k in self.intervals[start:end] if lo >= low}
        several = self.several
        return [
            several[k]
            for k in sorted(found)
            if not (several[k][1].lo_order[0] >= low and several[k][1].his[-1] <= high)
        ]


def straddling_against(
    several: list[tuple[Unit, Spans, Windows]], queries: list[Query], pro: list[list[Unit]]
) -> list[int]:
    """For each statement (of a one-value group), the units of several figures across
    its limits that are against an assertion of it, counted (packed as :func:`count`):
    those with a figure wholly below its lower limit (set A) or wholly above its upper
    (set B) — A's count and B's, less those in both — less those lying wholly below or above
    (counted with the simple units), less those for it that have such a figure (in
    ``pro``: a figure within its window, and so for it, not against it). (Computed for
    denials too; only assertions read it.)"""
    weights = [count(u) for u, _, _ in several]
    below = _counted_under([sp.min_hi for _, sp, _ in several], weights)
    wholly_below = _counted_under([sp.his[-1] for _, sp, _ in several], weights)
    above = _counted_over([sp.max_lo for _, sp, _ in several], weights)
    wholly_above = _counted_over([sp.lo_order[0] for _, sp, _ in several], weights)
    # Both (a figure under the lower limit and one over the upper): offline, by lower
    # limit, with a Fenwick tree over the units' highest lower bounds.
    by_min_hi = sorted(range(len(several)), key=lambda k: several[k][1].min_hi)
    max_los = sorted({sp.max_lo for _, sp, _ in several})
    fenwick = Fenwick(len(max_los))
    both = [0] * len(queries)
    inserted = p = 0
    for i in sorted(range(len(queries)), key=lambda i: queries[i].below):
        q = queries[i]
        while p < len(by_min_hi) and several[by_min_hi[p]][1].min_hi < q.below:
            k = by_min_hi[p]
            fenwick.add(bisect_left(max_los, several[k][1].max_lo), weights[k])
            inserted += weights[k]
            p += 1
        both[i] = inserted - fenwick.prefix(bisect_right(max_los, q.above))
    index = {u.index: k for k, (u, _, _) in enumerate(several)}
    out = []
    for i, q in enumerate(queries):
        n = below(q.below) + above(q.above) - both[i] - wholly_below(q.below)
        n -= wholly_above(q.above)
        for u in pro[i]:
            k = index.get(u.index, -1)
            if k >= 0 and several[k][1].contradicts(q.below, q.above):
                n -= weights[k]
        out.append(n)
    return out


def _counted_under(keys: list[Bound], weights: list[int]) -> Callable[[Bound], int]:
    """How many (counted) of the keys lie strictly under a bound."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    sorted_keys = [keys[k] for k in order]
    sums = [0, *accumulate(weights[k] for k in order)]
    return lambda bound: sums[bisect_left(sorted_keys, bound)]


def _counted_over(keys: list[Bound], weights: list[int]) -> Callable[[Bound], int]:
    """How many (counted) of the keys lie strictly over a bound."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    sorted_keys = [keys[k] for k in order]
    sums = [0, *accumulate(weights[k] for k in order)]
    return lambda bound: sums[-1] - sums[bisect_right(sorted_keys, bound)]
