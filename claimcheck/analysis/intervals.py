"""Quantities and dates as intervals: their bounds, and structures over sorted bounds.

A unit's asserted intervals (:class:`Spans`) and denials (:class:`Windows`); a segment
tree that adds to a range and finds a range's largest value (:class:`MaxAdd`); a Fenwick
tree of prefix sums; windows covering an interval (:class:`Covering`). With them a group
is tallied, and its conflicts found, through sorted bounds instead of pairs of claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

from claimcheck.model import Claim
from claimcheck.values.quantity import INF
from claimcheck.values.tolerance import Bound, bounds

_T = TypeVar("_T")

__all__ = ["Bound", "Covering", "Fenwick", "MaxAdd", "Spans", "Windows", "bounds", "staircase"]


class Spans:
    """One unit's (or origin's) asserted intervals, for support and contradiction tests."""

    __slots__ = (
        "claims",
        "hi_by_lo",
        "his",
        "lo_order",
        "los",
        "max_lo",
        "min_hi",
        "prefix_max_lo",
        "suffix_min_lo",
    )

    def __init__(self, items: list[tuple[Bound, Bound, Claim]]) -> None:
        if len(items) == 1:  # most units of a group state one figure
            lo, hi, claim = items[0]
            self.his = self.hi_by_lo = [hi]
            self.los = self.lo_order = self.prefix_max_lo = self.suffix_min_lo = [lo]
            self.claims = [claim]
            self.min_hi, self.max_lo = hi, lo
            return
        # (by upper bound, then lower, then claim: of two intervals reaching as high,
        # the narrower is the unit's nearest figure below another — whatever the
        # files' order, as :meth:`nearest_above` takes the narrower of two starting as low)
        items.sort(key=_upper_lower)
        self.his = [hi for _, hi, _ in items]
        self.los = [lo for lo, _, _ in items]
        self.claims = [c for _, _, c in items]
        self.prefix_max_lo = list(accumulate(self.los, max))
        self.suffix_min_lo = list(accumulate(reversed(self.los), min))[::-1]
        by_lo = sorted(zip(self.los, self.his, strict=True))
        self.lo_order = [lo for lo, _ in by_lo]
        self.hi_by_lo = [hi for _, hi in by_lo]
        self.min_hi = self.his[0]
        self.max_lo = self.prefix_max_lo[-1]

    def supports(self, low: Bound, high: Bound) -> bool:
        """Some interval lies within [low, high]."""
        i = bisect_right(self.his, high)
        return i > 0 and self.prefix_max_lo[i - 1] >= low

    def nearest_below(self, below: Bound) -> tuple[Bound, Bound]:
        """The interval wholly under ``below`` that reaches highest (one must exist)."""
        i = bisect_left(self.his, below) - 1
        return self.los[i], self.his[i]

    def nearest_above(self, above: Bound) -> tuple[Bound, Bound]:
        """The interval wholly over ``above`` that starts lowest (one must exist)."""
        i = bisect_right(self.lo_order, above)
        return self.lo_order[i], self.hi_by_lo[i]

    def contradicts(self, below: Bound, above: Bound) -> bool:
        """Some interval lies wholly below ``below`` or wholly above ``above``."""
        return self.min_hi < below or self.max_lo > above

    def within(self, low: Bound, high: Bound) -> list[Claim]:
        """The claims whose intervals lie within [low, high]: their upper bounds do."""
        start, end = bisect_left(self.his, low), bisect_right(self.his, high)
        return [self.claims[j] for j in range(start, end) if self.los[j] >= low]

    def allows(self, below: Bound, above: Bound) -> bool:
        """Some interval meets [below, above]: reaches ``below`` and starts by ``above``."""
        i = bisect_left(self.his, below)
        return i < len(self.his) and self.suffix_min_lo[i] <= above


def _upper_lower(item: tuple[Bound, Bound, Claim]) -> tuple[Bound, Bound, str]:
    return item[1], item[0], item[2].id


class Windows:
    """One unit's denials of quantities or dates: does one of them cover an interval?
    (False when there is none.)"""

    __slots__ = ("highs", "lows")

    def __init__(self, windows: list[tuple[Bound, Bound]]) -> None:
        windows.sort()
        self.lows = [lo for lo, _ in windows]
        self.highs = list(accumulate((hi for _, hi in windows), max))

    def __bool__(self) -> bool:
        return bool(self.lows)

    def cover(self, lo: Bound, hi: Bound) -> bool:
        """Some window holds [lo, hi]: a value in it implies what that denial denies."""
        i = bisect_right(self.lows, lo)
        return i > 0 and self.highs[i - 1] >= hi


#: No denial at all (shared: nothing changes a :class:`Windows` once made).
NO_WINDOWS = Windows([])

#: Below any sum the tree holds (its points past ``size``).
_NEG = -(1 << 120)


class MaxAdd:
    """Add to a range, the largest in a range, over ``size`` points (a lazy segment
    tree, bottom up)."""

    __slots__ = ("add_at", "height", "n", "size", "t")

    def __init__(self, size: int) -> None:
        n = 1
        while n < size:
            n *= 2
        self.size = size
        self.n = n
        self.height = n.bit_length() - 1
        t = [0] * size + [_NEG] * (2 * n - size)
        self.t = [0] * n + t
        for i in range(n - 1, 0, -1):
            self.t[i] = max(self.t[2 * i], self.t[2 * i + 1])
        self.add_at = [0] * n

    def _apply(self, p: int, v: int) -> None:
        self.t[p] += v
        if p < self.n:
            self.add_at[p] += v

    def _push(self, p: int) -> None:
        d = self.add_at
        for s in range(self.height, 0, -1):
            i = p >> s
            if d[i]:
                self._apply(2 * i, d[i])
                self._apply(2 * i + 1, d[i])
                d[i] = 0

    def add(self, left: int, right: int, v: int) -> None:
        """Add ``v`` at points [left, right)."""
        n, t, d = self.n, self.t, self.add_at
        lo, hi = left + n, right + n
        if hi == lo + 1:  # (one point, most often: its leaf and the leaf's ancestors)
            t[lo] += v
            lo >>= 1
            while lo:
                t[lo] = max(t[2 * lo], t[2 * lo + 1]) + d[lo]
                lo >>= 1
            return
        l0, r0 = lo, hi - 1
        while lo < hi:
            if lo & 1:
                t[lo] += v
                if lo < n:
                    d[lo] += v
                lo += 1
            if hi & 1:
                hi -= 1
                t[hi] += v
                if hi < n:
                    d[hi] += v
            lo >>= 1
            hi >>= 1
        # (both ends' ancestors again, the common ones once)
        l0 >>= 1
        r0 >>= 1
        while l0:
            t[l0] = max(t[2 * l0], t[2 * l0 + 1]) + d[l0]
            if r0 != l0:
                t[r0] = max(t[2 * r0], t[2 * r0 + 1]) + d[r0]
            l0 >>= 1
            r0 >>= 1

    def max(self, left: int, right: int) -> int:
        """The largest value at points [left, right)."""
        n = self.n
        lo, hi = left + n, right + n
        if hi - lo == 1:  # (one point: its value and what was added above it)
            d = self.add_at
            out = self.t[lo]
            lo >>= 1
            while lo:
                out += d[lo]
                lo >>= 1
            return out
        self._push(lo)
        self._push(hi - 1)
        t = self.t
        out = _NEG
        while lo < hi:
            if lo & 1:
                out = max(out, t[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                out = max(out, t[hi])
            lo >>= 1
            hi >>= 1
        return out

    def top(self) -> int:
        return self.t[1]


class Fenwick:
    """Prefix sums over positions, updated one position at a time."""

    __slots__ = ("t",)

    def __init__(self, size: int) -> None:
        self.t = [0] * (size + 1)

    def add(self, i: int, v: int) -> None:
        t = self.t
        i += 1
        while i < len(t):
            t[i] += v
            i += i & -i

    def prefix(self, i: int) -> int:
        """The sum at positions [0, i)."""
        t = self.t
        out = 0
        while i > 0:
            out += t[i]
            i -= i & -i
        return out

    def first_over(self, target: int) -> int:
        """The first position where the running sum exceeds ``target``: the least i
        with the sum over [0, i] > ``target``, or the size when none does (each
        position's total being zero or more, as when counts are added and taken
        away)."""
        t = self.t
        i = 0
        step = 1 << (len(t) - 1).bit_length()
        while step:
            j = i + step
            if j < len(t) and t[j] <= target:
                i = j
                target -= t[j]
            step >>= 1
        return i


class Covering(Generic[_T]):
    """Windows, each with a payload: which ones cover an interval (output-sensitive, a
    static tree of the largest upper bound over windows sorted by their lower)."""

    __slots__ = ("highs", "lows", "n", "payloads", "t")

    def __init__(self, windows: list[tuple[Bound, Bound, _T]]) -> None:
        windows.sort(key=lambda w: w[0])
        self.lows = [w[0] for w in windows]
        self.highs = [w[1] for w in windows]
        self.payloads = [w[2] for w in windows]
        n = 1
        while n < len(windows):
            n *= 2
        self.n = n
        low: Bound = (-INF, -2)
        t: list[Bound] = [low] * (2 * n)
        t[n : n + len(windows)] = self.highs
        for i in range(n - 1, 0, -1):
            t[i] = max(t[2 * i], t[2 * i + 1])
        self.t = t

    def covering(self, lo: tuple[float, float], hi: tuple[float, float]) -> list[_T]:
        """The payloads of the windows holding [lo, hi] (a bound's openness may be a half
        step, to hold strictly: (x, -0.5) is under (x, 0) and over (x, -1))."""
        end = bisect_right(self.lows, lo)
        out: list[_T] = []
        stack = [(1, 0, self.n)]
        t = self.t
        while stack:
            node, left, right = stack.pop()
            if left >= end or t[node] < hi:
                continue
            if node >= self.n:
                out.append(self.payloads[left])
                continue
            mid = (left + right) // 2
            stack.append((2 * node + 1, mid, right))
            stack.append((2 * node, left, mid))
        return out


def staircase(windows: Iterable[tuple[Bound, Bound]]) -> list[tuple[Bound, Bound]]:
    """The windows that no other of them holds, by lower bound (their upper bounds then
    rise too): an interval one of the windows covers, one of these covers."""
    out: list[tuple[Bound, Bound]] = []
    # (by lower bound, the widest first: the others of that lower bound it holds)
    for lo, hi in sorted(windows, key=lambda w: (w[0], -w[1][0], -w[1][1])):
        if not out or hi > out[-1][1]:
            out.append((lo, hi))
    return out


#: A figure's bound, its origin, its claim: one of the extremes a sweep keeps.
Item = tuple[Bound, int, Claim]


def best_two(acc: list[Item], item: Item, *, higher: bool) -> list[Item]:
    """The two most extreme items of distinct origins among ``acc`` (itself such a
    pair, most extreme first) and ``item``."""
    if not acc:
        return [item]
    first = acc[0]
    beats = item[0] > first[0] if higher else item[0] < first[0]
    if beats:
        if item[1] == first[1]:
            return [item, *acc[1:]]
        return [item, first]
    if item[1] == first[1]:
        return acc
    if len(acc) == 1:
        return [first, item]
    second = acc[1]
    if item[0] > second[0] if higher else item[0] < second[0]:
        return [first, item]
    return acc
