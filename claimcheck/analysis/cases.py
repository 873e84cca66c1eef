"""The strongest case against a figure, counted: for the sweep's tallies
(:mod:`.sweep`), the most units below (or above) a figure that agree among themselves —
the simple ones kept in a segment tree as the sweep passes them, the units of several
figures moved in it (:class:`Moving`), and the few others weighed one by one.

Neutral units are counted packed in one integer (:func:`count`, :func:`clique`), so that
the tree's sums weigh them as :func:`~claimcheck.analysis.tallies.strongest` does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from claimcheck.analysis.intervals import Bound, Fenwick, MaxAdd, Spans, Windows
from claimcheck.analysis.statements import NO_UNITS, Unit, Units
from claimcheck.analysis.tallies import FAR_OFF
from claimcheck.values.quantity import INF

#: Counts of neutral units packed in one integer: named ones below, anonymous ones above.
_ANON = 1 << 32
#: A neutral unit in the strongest-case tree: twice its weight above, one count below, so
#: that the largest sum has the most weight, then the most units.
_NAMED_CLIQUE = 2 * _ANON + 1
_ANON_CLIQUE = _ANON + 1


def count(unit: Unit) -> int:
    return _ANON if unit.anonymous else 1


def clique(unit: Unit) -> int:
    return _ANON_CLIQUE if unit.anonymous else _NAMED_CLIQUE


def add_units(counted: int, others: list[Unit], listing: Callable[[], list[Unit]] | None) -> Units:
    """Neutral units counted (packed as :func:`_count` adds them) and others listed."""
    extra = Units.of(others)
    simple = None if listing is None else listing
    out = Units(
        (counted & (_ANON - 1)) + extra.named,
        (counted >> 32) + extra.anonymous,
        extra.sides,
        None if simple is None else (lambda: [*simple(), *others]),
    )
    return out


def strongest_case(
    tree: MaxAdd,
    pos: dict[Bound, int],
    k: int,
    counted: int,
    near: tuple[float, ...],
    items: list[tuple[Bound, Bound, Unit]],
    limit: Bound,
    lower: bool,
    within: Callable[[float], tuple[int, int]],
    moving: Moving | None = None,
) -> Units:
    """:func:`~claimcheck.analysis.tallies.strongest`, counted: the ``k`` simple units in
    ``tree`` (``counted``, the nearest figures among them ``near``: lowest, highest) with
    the other ``items`` and the units of several figures across the figure's limit (in
    the tree already, and counted by their nearest figures: ``moving``);
    ``within(gap)``: how many of the ``k`` lie less than ``gap`` from the nearest of
    them, and those counted."""
    cluster: Units | None = None
    across = moving.straddling_count if moving is not None else 0
    n_across = _units_in(across)
    if k + len(items) + n_across > 1:
        nears = [*near, *((hi if lower else lo)[0] for lo, hi, _ in items)]
        if moving is not None and n_across:
            nears += moving.extremes()
        nearest = max(nears) if lower else min(nears)
        small, large = (nearest, limit[0]) if lower else (limit[0], nearest)
        if small <= 0 or large >= FAR_OFF * small:
            # (those within twice the nearest's distance, as strongest has it: the same
            # threshold, computed alike)
            edge = nearest - (large - small) if lower else nearest + (large - small)
            if (min(nears) > edge) if lower else (max(nears) < edge):
                return add_units(counted + across, [u for _, _, u in items], None)
            n_simple, packed = within(edge) if k else (0, 0)
            close = [u for lo, hi, u in items if ((hi[0] > edge) if lower else (lo[0] < edge))]
            closer = moving.closer_than(edge) if moving is not None and n_across else 0
            if n_simple + len(close) + _units_in(closer) > 1:
                cluster = add_units(packed + closer, close, None)
    found = _overlapping(tree, pos, items)
    if cluster is not None and _key(cluster) >= _key(found):
        return cluster
    return found


class Moving:
    """The neutral units of several figures in a case's tree, each at one of its
    intervals — its nearest to the statements the sweep has reached — moved as the sweep
    passes its figures; and left out for a statement one of them supports.

    Those the sweep has not yet passed wholly (they straddle the statements' limit: some
    figure beyond it, some not) are also counted by their nearest figure, for the
    cluster of contradictors close to each other (:func:`strongest_case`); a unit passed
    wholly is counted with the simple units."""

    __slots__ = (
        "at",
        "coords",
        "index",
        "lower",
        "near",
        "near_at",
        "out",
        "pos",
        "several",
        "straddling_count",
        "tree",
    )

    def __init__(
        self,
        tree: MaxAdd,
        coords: list[Bound],
        pos: dict[Bound, int],
        several: list[tuple[Unit, Spans, Windows]],
        *,
        lower: bool,
    ) -> None:
        self.tree, self.coords, self.pos, self.several = tree, coords, pos, several
        self.lower = lower
        #: Each unit's place in the tree (by its position in ``several``), once it has one.
        self.at: dict[int, tuple[int, int]] = {}
        self.index = {u.index: k for k, (u, _, _) in enumerate(several)}
        #: The units straddling the statements' limit (some figure beyond it, some not):
        #: each one's position by its nearest figure beyond it, and those counted
        #: (packed as :func:`count`) at each position.
        self.near_at: dict[int, int] = {}
        self.near = Fenwick(len(coords))
        #: All of those, counted.
        self.straddling_count = 0
        #: The units left out (for the statement at hand): neither in the tree nor counted.
        self.out: set[int] = set()

    def move(self, k: int, j: int, lo: Bound, hi: Bound) -> None:
        """Unit ``k`` now weighs at [lo, hi], its ``j``-th interval in the order the sweep
        passes them (by upper bound for the statements above it, by lower bound, from the
        highest, for those below). When ``j`` is the last so passed, the unit lies wholly
        beyond the statements' limit: counted with the simple units, no longer
        straddling."""
        present = k not in self.out
        if present:
            self._shift(k, -1)
        self.at[k] = (self.pos[lo], self.pos[hi] + 1)
        if j == (len(self.several[k][1].his) - 1 if self.lower else 0):
            self.near_at.pop(k, None)
        else:
            self.near_at[k] = self.pos[hi if self.lower else lo]
        if present:
            self._shift(k, 1)

    def leave_out(self, supporting: list[Unit]) -> None:
        """Leave out the units of ``supporting`` (a unit supporting a statement is not
        against it), and put back those left out before that are not among them."""
        index = self.index
        out = {k for u in supporting if (k := index.get(u.index)) is not None}
        if out == self.out:
            return
        for k in self.out - out:
            self._shift(k, 1)
        for k in out - self.out:
            self._shift(k, -1)
        self.out = out

    def _shift(self, k: int, sign: int) -> None:
        """Put unit ``k`` in (``sign`` 1) or take it out (-1) where it stands, if it has a
        place: in the tree, and among the straddling units if it is one."""
        place = self.at.get(k)
        if place is None:
            return
        unit = self.several[k][0]
        self.tree.add(place[0], place[1], sign * clique(unit))
        near = self.near_at.get(k)
        if near is not None:
            self.near.add(near, sign * count(unit))
            self.straddling_count += sign * count(unit)

    def extremes(self) -> tuple[float, float]:
        """The nearest and the farthest figures of the straddling units, nearest first
        (there is one at least)."""
        first = self.coords[self.near.first_over(0)][0]
        last = self.coords[self.near.first_over(self.straddling_count - 1)][0]
        return (last, first) if self.lower else (first, last)

    def closer_than(self, edge: float) -> int:
        """The straddling units whose nearest figure lies beyond ``edge`` towards the
        statement (over it for those below), counted."""
        if self.lower:
            return self.straddling_count - self.near.prefix(bisect_right(self.coords, (edge, INF)))
        return self.near.prefix(bisect_left(self.coords, (edge, -INF)))


def _key(units: Units) -> tuple[float, int, int]:
    """A case's strength, as :func:`~claimcheck.analysis.tallies.strongest` weighs it."""
    return _strength(units.named, units.anonymous, units.sides)


#: Stretches of a case asked of the tree in turn, up to this many; more are ordered by
#: what each may reach, and those that cannot win are skipped.
FEW_STRETCHES = 8


def _overlapping(
    tree: MaxAdd, pos: dict[Bound, int], items: list[tuple[Bound, Bound, Unit]]
) -> Units:
    """The strongest set of units sharing a value: the simple ones in ``tree``, with the
    other ``items``.

    The others' intervals cut the figures into stretches where the same others hold: in
    each, the simple units' strongest point, with those others; the first stretch of the
    strongest wins. A stretch is asked of the tree only while it may still win: its
    others with the tree's strongest point anywhere bound it from above, and the
    stretches are asked in the order of that bound (a group where many units give
    several figures has tens of others against each statement)."""
    if not items:
        named, anonymous = unpack(tree.top())
        return Units(named, anonymous, ())
    events = sorted(
        [(pos[lo], 1, u) for lo, _, u in items] + [(pos[hi] + 1, -1, u) for _, hi, u in items],
        key=lambda e: e[0],
    )
    n = tree.size
    starts = sorted({0, *(e[0] for e in events if e[0] < n)})
    # Each stretch: its start and end, and the others holding in it.
    stretches: list[tuple[int, int, int, int, tuple[str, ...]]] = []
    named = anonymous = j = 0
    sides: Counter[str] = Counter()
    for s, b in enumerate(starts):
        while j < len(events) and events[j][0] <= b:
            _, sign, u = events[j]
            j += 1
            if u.side is not None:
                sides[u.side] += sign
            elif u.anonymous:
                anonymous += sign
            else:
                named += sign
        end = starts[s + 1] if s + 1 < len(starts) else n
        present = tuple(sorted(side for side, c in sides.items() if c > 0))
        stretches.append((b, end, named, anonymous, present))
    # (few stretches: each asked in turn, cheaper than ordering them by what they may reach)
    bound_of: dict[int, tuple[float, int, int]] = {}
    if len(stretches) > FEW_STRETCHES:
        top_named, top_anonymous = unpack(tree.top())
        bound_of = {
            s: _strength(top_named + nm, top_anonymous + an, present)
            for s, (_, _, nm, an, present) in enumerate(stretches)
        }
    order = sorted(bound_of, key=lambda s: (bound_of[s], -s), reverse=True) if bound_of else None
    best: tuple[float, int, int] | None = None
    best_at = len(stretches)
    found = NO_UNITS
    for s in order if order is not None else range(len(stretches)):
        if best is not None and bound_of:
            bound = bound_of[s]
            if bound < best or (bound == best and s > best_at):
                continue  # (it cannot beat the strongest, nor come first with as strong)
        b, end, nm, an, present = stretches[s]
        n_s, a_s = unpack(tree.max(b, end))
        n_t, a_t = n_s + nm, a_s + an
        key = _strength(n_t, a_t, present)
        if best is None or key > best or (key == best and s < best_at):
            best, best_at, found = key, s, Units(n_t, a_t, present)
    return found


def _strength(named: int, anonymous: int, present: Sequence[str]) -> tuple[float, int, int]:
    """A case's strength from its neutral units and the sides present."""
    bonus = 1 if len(present) >= 2 else 0
    return (named + 0.5 * anonymous + bonus, named + anonymous + bonus, len(present))


def _units_in(packed: int) -> int:
    """How many units a sum of :func:`count` values counts."""
    return (packed & (_ANON - 1)) + (packed >> 32)


def unpack(packed: int) -> tuple[int, int]:
    """(named, anonymous) from a sum of :func:`clique` values."""
    doubled, units = packed >> 32, packed & (_ANON - 1)
    named = doubled - units
    return named, units - named
