"""What the claims of one (subject, property) group say about each other.

Every rule, the grades and the estimates work on groups, never on all pairs of a store.
For a group this module finds the distinct *statements* (one value, asserted or
denied), the *origins* behind its claims, the *units* that count for corroboration, and
which units stand for or against each statement — the analyst's model of DESIGN §2:

* A claim's **origin** is who first said it (:meth:`Provenance.origin_key`): its
  claimant, with the parties it is ``part_of``; or an outlet's own reporting, one with
  the outlets of its owner. A relaying outlet never merges the claimants it quotes. An
  outlet's own reporting in a document citing another that carries the same value is
  that value's origin; own reporting of one value in documents citing a common document
  is one origin; so are suspected relays (CC206) until a person disputes them.
* A **unit** counts once for corroboration: a neutral origin, or every interested
  claimant of one side together (allies repeating each other corroborate nothing).
  Conflicts count every origin.
* A claim **supports** a value when its own value implies it, open bounds included (20
  does not support "more than 20"); for a single-valued category or entity, asserting X
  supports "not Y". Two asserted values **conflict** when no single truth satisfies both;
  an assertion conflicts with a denial of what it implies.
* For a cumulative toll, each origin's **latest** figure is its evidence (an earlier one
  is superseded), and a figure given while the subject was still under way (*interim*)
  that a later, higher figure of another origin overtakes is **growth**, not a dispute.
* Only **cited** claims count as evidence; unknown values and text say nothing.

Nothing here compares all pairs of a group: statements are compared with the few units
(or, for conflicts, the extreme claims of other origins), through sorted bounds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate, islice
from operator import gt
from typing import Any, Generic, NamedTuple, TypeVar

from claimcheck.findings import fingerprint
from claimcheck.model import Claim, Property, Subject
from claimcheck.provenance import Provenance
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity, Text, Value, is_unknown
from claimcheck.values.quantity import INF

RELAY_CODE = "CC206"
_MISSING = object()
_T = TypeVar("_T")

#: Most pairs a conflict finding lists (the count of all is in its details).
MAX_PAIRS = 1000

#: A bound as compared: (number, openness). Lower bounds: (low, 1) is just above ``low``
#: when the bound is open ("more than 20"); upper bounds: (high, -1) just below ``high``.
Bound = tuple[float, int]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Settings that change what counts as agreement and corroboration."""

    #: Tolerance for quantity properties that set none (absolute, or "10%").
    default_tolerance: float | str | None = None
    #: Independent origins needed for a value to count as confirmed.
    corroborated_at: int = 2
    #: Fingerprints of suspected relays a person marked ``disputed`` (not relays).
    disputed_relays: frozenset[str] = frozenset()
    #: A running toll overtaken by another origin's later figure while the subject was
    #: under way is growth, not a conflict (CC101's option ``cumulative-growth``).
    cumulative_growth: bool = True


@dataclass(slots=True)
class Statement:
    """One value, asserted or denied, and the claims that state it."""

    stance: str
    value: Value
    claims: list[Claim] = field(default_factory=list)
    index: int = 0
    cited: list[Claim] = field(default_factory=list)
    #: ``stance\x1evalue key``, as finding fingerprints name what is said.
    said: str | None = None
    tally: Tally | None = None

    @property
    def key(self) -> tuple[str, object]:
        return (self.stance, self.value.key)


@dataclass(slots=True)
class Unit:
    """One voice for corroboration: a neutral origin, or one interested side."""

    index: int
    #: The interested side, or None for a neutral origin.
    side: str | None
    #: Every claimant of a neutral unit is anonymous ("medical sources").
    anonymous: bool
    #: Who it is, for messages: ``medical-sources``, ``side rebels``.
    name: str

    @property
    def neutral(self) -> bool:
        return self.side is None

    @property
    def weight(self) -> float:
        """A neutral origin's weight: a named one 1, an anonymous one half as much."""
        return 0.5 if self.anonymous else 1.0


class Units:
    """Units for or against a statement, counted without being listed: the neutral ones
    (named, anonymous) and the interested sides. Listed, by unit index, only when
    iterated — a value many origins support is counted, not copied, for each statement.
    """

    __slots__ = ("_list", "_listing", "anonymous", "named", "sides")

    def __init__(
        self,
        named: int,
        anonymous: int,
        sides: tuple[str, ...],
        listing: Callable[[], list[Unit]] | None = None,
    ) -> None:
        #: Neutral units with a named claimant, and anonymous ones ("medical sources").
        self.named = named
        self.anonymous = anonymous
        #: The interested sides, sorted (each side is one unit).
        self.sides = sides
        self._listing = listing
        self._list: list[Unit] | None = None

    @classmethod
    def of(cls, units: Iterable[Unit]) -> Units:
        found = sorted(units, key=_unit_index)
        named = anonymous = 0
        sides: list[str] = []
        for u in found:
            if u.side is not None:
                sides.append(u.side)
            elif u.anonymous:
                anonymous += 1
            else:
                named += 1
        out = cls(named, anonymous, tuple(sorted(sides)))
        out._list = found
        return out

    def _units(self) -> list[Unit]:
        if self._list is None:
            if self._listing is None:
                raise TypeError("these units are counted, not listed")
            self._list = sorted(self._listing(), key=_unit_index)
            self._listing = None
        return self._list

    def __len__(self) -> int:
        return self.named + self.anonymous + len(self.sides)

    def __bool__(self) -> bool:
        return bool(self.named or self.anonymous or self.sides)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units())

    @property
    def neutral(self) -> int:
        return self.named + self.anonymous

    def weighed(self) -> tuple[float, int, list[str]]:
        """(neutral weight, neutral count, sides): a named origin weighs 1, an anonymous
        one half as much; opposing sides agreeing weigh as one more neutral origin."""
        weight = self.named + 0.5 * self.anonymous
        count = self.named + self.anonymous
        if len(self.sides) >= 2:
            weight += 1.0
            count += 1
        return weight, count, list(self.sides)

    def __repr__(self) -> str:
        return f"Units(named={self.named}, anonymous={self.anonymous}, sides={self.sides})"


def _unit_index(u: Unit) -> int:
    return u.index


_NO_UNITS = Units(0, 0, ())


@dataclass(slots=True)
class Tally:
    """The units for and against one statement (a unit supporting it is never against)."""

    support: Units
    against: Units
    #: The units against it that agree among themselves, each case counted: those with a
    #: lower figure, those with a higher one (a quantity or date) — each only its
    #: strongest subset whose figures share a value —, those naming each other value (a
    #: category or entity), those denying it. Contradiction weighs as its strongest case:
    #: figures below and above a value bracket it rather than join against it.
    against_groups: list[Units] = field(default_factory=list)
    #: An origin supporting it also says otherwise (CC107), not counted against it.
    also_otherwise: bool = False

    @staticmethod
    def _sum(units: Iterable[Unit]) -> tuple[float, int, list[str]]:
        weight, count, sides = 0.0, 0, []
        for u in units:
            if u.side is None:
                weight += u.weight
                count += 1
            else:
                sides.append(u.side)
        # Opposing sides agreeing: their common ground weighs as one neutral origin.
        if len(sides) >= 2:
            weight += 1.0
            count += 1
        return weight, count, sides

    def weighed(self) -> tuple[tuple[float, int, list[str]], tuple[float, int, list[str]]]:
        """(neutral weight, neutral count, interested sides) for, and against in its
        strongest consistent case; where opposing sides agree, their common ground
        counts as one neutral origin."""
        against = max(
            (g.weighed() for g in self.against_groups),
            key=lambda t: (t[0], t[1], len(t[2])),
            default=(0.0, 0, []),
        )
        return self.support.weighed(), against

    @property
    def bracketed(self) -> bool:
        """Whether the contradictors disagree among themselves (lower and higher
        figures, figures apart, different other values): no one case holds them all."""
        n = len(self.against)
        return not any(len(g) == n for g in self.against_groups)


@dataclass(slots=True)
class Conflicts:
    """Claims of different origins that cannot both hold: those involved, and the pairs."""

    claims: list[Claim]
    pairs: list[tuple[str, str]]
    #: How many pairs there are in all (None: too many to list; ``pairs`` then holds each
    #: claim with the most distant claim it conflicts with).
    total_pairs: int | None


_QUOTE_MARKS = str.maketrans("’‘«»“”", '\'\'""""')


@lru_cache(maxsize=65536)
def normalise_quote(text: str) -> str:
    """Quotes compared for relays: NFC, case-folded, one kind of quote mark, one space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_QUOTE_MARKS)
    return " ".join(text.split()).strip(" .\"'")


# -- intervals -------------------------------------------------------------------------------


def _bounds(value: Value) -> tuple[Bound, Bound]:
    """A quantity's or date's lower and upper bound, as compared."""
    if isinstance(value, Quantity):
        return (value.low, 1 if value.low_open else 0), (value.high, -1 if value.high_open else 0)
    assert isinstance(value, DateRange)
    return (float(value.low.toordinal()), 0), (float(value.high.toordinal()), 0)


class _Spans:
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
        items.sort(key=lambda t: t[1])
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


class _Windows:
    """One unit's denials of quantities or dates: does one of them cover an interval?"""

    __slots__ = ("highs", "lows")

    def __init__(self, windows: list[tuple[Bound, Bound]]) -> None:
        windows.sort()
        self.lows = [lo for lo, _ in windows]
        self.highs = list(accumulate((hi for _, hi in windows), max))

    def cover(self, lo: Bound, hi: Bound) -> bool:
        """Some window holds [lo, hi]: a value in it implies what that denial denies."""
        i = bisect_right(self.lows, lo)
        return i > 0 and self.highs[i - 1] >= hi


class _Query(NamedTuple):
    """A statement as the tallies compare it (bounds only for quantities and dates)."""

    asserts: bool
    key: object
    lo: Bound
    hi: Bound
    low: Bound
    high: Bound
    below: Bound
    above: Bound


#: Counts of neutral units packed in one integer: named ones below, anonymous ones above.
_ANON = 1 << 32
#: A neutral unit in the strongest-case tree: twice its weight above, one count below, so
#: that the largest sum has the most weight, then the most units.
_NAMED_CLIQUE = 2 * _ANON + 1
_ANON_CLIQUE = _ANON + 1
_NEG = -(1 << 120)


def _count(unit: Unit) -> int:
    return _ANON if unit.anonymous else 1


def _clique(unit: Unit) -> int:
    return _ANON_CLIQUE if unit.anonymous else _NAMED_CLIQUE


def _add_units(counted: int, others: list[Unit], listing: Callable[[], list[Unit]] | None) -> Units:
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


def _case(
    tree: _MaxAdd,
    pos: dict[Bound, int],
    k: int,
    counted: int,
    near: tuple[float, ...],
    items: list[tuple[Bound, Bound, Unit]],
    limit: Bound,
    lower: bool,
) -> Units:
    """:func:`_strongest`, counted: the ``k`` simple units in ``tree`` (``counted``, the
    nearest figures among them ``near``: lowest, highest) with the other ``items``."""
    if k + len(items) > 1:
        nears = [*near, *((hi if lower else lo)[0] for lo, hi, _ in items)]
        nearest = max(nears) if lower else min(nears)
        small, large = (nearest, limit[0]) if lower else (limit[0], nearest)
        far = small <= 0 or large >= FAR_OFF * small
        if far and max(nears) - min(nears) < large - small:
            return _add_units(counted, [u for _, _, u in items], None)
    if not items:
        named, anonymous = _unpack(tree.top())
        return Units(named, anonymous, ())
    # The others' intervals cut the figures into stretches where the same others hold:
    # in each, the simple units' strongest point, with those others.
    events = sorted(
        [(pos[lo], 1, u) for lo, _, u in items] + [(pos[hi] + 1, -1, u) for _, hi, u in items],
        key=lambda e: e[0],
    )
    n = tree.size
    starts = sorted({0, *(e[0] for e in events if e[0] < n)})
    best: tuple[float, int, int] | None = None
    found = _NO_UNITS
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
        n_s, a_s = _unpack(tree.max(b, end))
        present = tuple(sorted(side for side, c in sides.items() if c > 0))
        n_t, a_t = n_s + named, a_s + anonymous
        bonus = 1 if len(present) >= 2 else 0
        key = (n_t + 0.5 * a_t + bonus, n_t + a_t + bonus, len(present))
        if best is None or key > best:
            best, found = key, Units(n_t, a_t, present)
    return found


def _unpack(packed: int) -> tuple[int, int]:
    """(named, anonymous) from a sum of :func:`_clique` values."""
    doubled, count = packed >> 32, packed & (_ANON - 1)
    named = doubled - count
    return named, count - named


class _MaxAdd:
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

    def _build(self, p: int) -> None:
        t, d = self.t, self.add_at
        while p > 1:
            p >>= 1
            t[p] = max(t[2 * p], t[2 * p + 1]) + d[p]

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
        n = self.n
        lo, hi = left + n, right + n
        l0, r0 = lo, hi
        while lo < hi:
            if lo & 1:
                self._apply(lo, v)
                lo += 1
            if hi & 1:
                hi -= 1
                self._apply(hi, v)
            lo >>= 1
            hi >>= 1
        self._build(l0)
        self._build(r0 - 1)

    def max(self, left: int, right: int) -> int:
        """The largest value at points [left, right)."""
        n = self.n
        lo, hi = left + n, right + n
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


class _Fenwick:
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


class _Covering(Generic[_T]):
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

    def covering(self, lo: Bound, hi: Bound) -> list[_T]:
        """The payloads of the windows holding [lo, hi]."""
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


def _staircase(windows: Iterable[tuple[Bound, Bound]]) -> list[tuple[Bound, Bound]]:
    """The windows that no other of them holds, by lower bound (their upper bounds then
    rise too): an interval one of the windows covers, one of these covers."""
    out: list[tuple[Bound, Bound]] = []
    # (by lower bound, the widest first: the others of that lower bound it holds)
    for lo, hi in sorted(windows, key=lambda w: (w[0], -w[1][0], -w[1][1])):
        if not out or hi > out[-1][1]:
            out.append((lo, hi))
    return out


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

    def __init__(self, units: list[tuple[Unit, _Windows]]) -> None:
        #: (lower, upper, packed count): a window's corner, or a neighbours' one (minus).
        self.quadrants: list[tuple[Bound, Bound, int]] = []
        windows: list[tuple[Bound, Bound, Unit]] = []
        for unit, denials in units:
            steps = _staircase(zip(denials.lows, denials.highs, strict=True))
            weight = _count(unit)
            for k, (lo, hi) in enumerate(steps):
                self.quadrants.append((lo, hi, weight))
                windows.append((lo, hi, unit))
                if k:
                    self.quadrants.append((lo, steps[k - 1][1], -weight))
        self.tree = _Covering(windows)

    def counts(self, intervals: list[tuple[Bound, Bound]]) -> list[int]:
        """For each interval, the units denying all of it (packed as :func:`_count`)."""
        quadrants = sorted(self.quadrants, key=lambda t: t[0])
        his = sorted({hi for _, hi, _ in quadrants})
        fenwick = _Fenwick(len(his))
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


class _Entry:
    """One unit's evidence claims by what they state, for :meth:`GroupEvidence.support`."""

    __slots__ = ("by_key", "cover", "spans")

    def __init__(self, ev: GroupEvidence, spans: Any, claims: list[Claim]) -> None:
        self.spans = spans
        statement_of = ev.statement_by_claim
        self.by_key: dict[tuple[str, object], list[Claim]] = defaultdict(list)
        denied: dict[int, tuple[Statement, list[Claim]]] = {}
        for c in claims:
            st = statement_of[c.id]
            self.by_key[(st.stance, st.value.key)].append(c)
            if st.stance == "denies":
                denied.setdefault(st.index, (st, []))[1].append(c)
        self.cover = (
            _Covering([(*ev.window(st.value), found) for st, found in denied.values()])
            if ev.interval and denied
            else None
        )

    def supporting(self, ev: GroupEvidence, st: Statement) -> list[Claim]:
        """The claims whose statement supports ``st`` (:meth:`statement_supports`)."""
        key = st.value.key
        if st.stance == "asserts":
            # (an interval's support is found through its spans)
            return list(self.by_key.get(("asserts", key), ()))
        if ev.interval:
            if self.cover is None:
                return []
            return [c for found in self.cover.covering(*_bounds(st.value)) for c in found]
        out = list(self.by_key.get(("denies", key), ()))
        if ev.single:
            out += [
                c
                for (stance, k), found in self.by_key.items()
                if stance == "asserts" and k != key
                for c in found
            ]
        return out


class _DocIndex:
    """The claims of a group in one document, by what they state: which of them, first
    by id, supports a statement (the claim a relay carries, in :meth:`_compute_origins`)
    — without trying each claim of the document for each relaying claim."""

    __slots__ = ("asserted", "claims", "degenerate", "denied", "found", "his", "keyed")

    def __init__(self, ev: GroupEvidence, positions: list[int]) -> None:
        claims = ev.claims
        statement_of = ev.statement_by_claim
        self.claims = claims
        first: dict[int, tuple[str, int, Statement]] = {}
        for j in positions:
            t = statement_of.get(claims[j].id)
            if t is not None:
                cid = claims[j].id
                if t.index not in first or cid < first[t.index][0]:
                    first[t.index] = (cid, j, t)
        #: The answer for each statement asked about.
        self.found: dict[int, int | None] = {}
        #: (stance, key) -> (id, position) of the first claim stating it.
        self.keyed = {(t.stance, t.value.key): (cid, j) for cid, j, t in first.values()}
        self.asserted: list[tuple[Bound, Bound, str, int]] = []
        self.denied: list[tuple[Bound, Bound, str, int]] = []
        self.degenerate = False
        if ev.interval:
            for cid, j, t in first.values():
                if t.stance == "asserts":
                    lo, hi = _bounds(t.value)
                    self.asserted.append((lo, hi, cid, j))
                    self.degenerate = self.degenerate or lo > hi
                else:
                    self.denied.append((*ev.window(t.value), cid, j))
            self.asserted.sort(key=lambda a: a[1])
        self.his = [a[1] for a in self.asserted]

    def carrier(self, ev: GroupEvidence, st: Statement) -> int | None:
        """The position of the first claim (by id) whose statement supports ``st``."""
        if st.index not in self.found:
            self.found[st.index] = self._carrier(ev, st)
        return self.found[st.index]

    def _carrier(self, ev: GroupEvidence, st: Statement) -> int | None:
        best: tuple[str, int] | None = None
        if ev.interval:
            if st.stance == "asserts":
                low, high = ev.window(st.value)
                # An interval within the window ends in it (unless some is empty).
                start = 0 if self.degenerate else bisect_left(self.his, low)
                candidates = self.asserted[start : bisect_right(self.his, high)]
                for lo, _, cid, j in candidates:
                    if lo >= low and (best is None or cid < best[0]):
                        best = (cid, j)
            else:
                lo, hi = _bounds(st.value)
                for low, high, cid, j in self.denied:
                    if lo >= low and hi <= high and (best is None or cid < best[0]):
                        best = (cid, j)
        else:
            key = st.value.key
            best = self.keyed.get((st.stance, key))
            if st.stance == "denies" and ev.single:
                for (stance, k), found in self.keyed.items():
                    if stance == "asserts" and k != key and (best is None or found < best):
                        best = found
        return None if best is None else best[1]


class GroupEvidence:
    """The claims of one (subject, property) group and how they bear on each other.

    Computed on first use and kept: statements, origins, units, each statement's tally,
    the conflicts — so that the rules, the grades and the estimates share one analysis.
    """

    def __init__(
        self,
        store: Store,
        provenance: Provenance,
        key: tuple[str, str],
        claims: Sequence[Claim],
        thresholds: Thresholds = Thresholds(),
        value_keys: dict[int, object] | None = None,
    ) -> None:
        self.store = store
        #: A statement key per parsed value object, shared by the groups of one store.
        self.value_keys: dict[int, object] = value_keys if value_keys is not None else {}
        self.statement_by_claim: dict[str, Statement] = {}
        self.provenance = provenance
        self.subject_id, self.property_id = key
        self.prop: Property | None = store.properties.get(self.property_id)
        self.subject: Subject | None = store.subjects.get(self.subject_id)
        self.thresholds = thresholds
        #: Every claim given, and the active ones with a readable value, in store order.
        self.all_claims: list[Claim] = list(claims)
        self.claims: list[Claim] = [c for c in claims if c.active and c.parsed is not None]
        self.tolerance = self._tolerance()
        self._quoted = 0
        self.statements: list[Statement] = self._statements()
        self._relays: list[list[Claim]] | None = None
        self._relay_candidates: list[list[Claim]] | None = None
        self._origin: dict[str, int] | None = None
        self._credit: dict[str, int] | None = None
        self._units: dict[str, Unit] | None = None
        self._evidence: list[Claim] | None = None
        self.superseded: dict[str, Claim] = {}
        #: Figures of a running toll older than their origin's latest (some still stand,
        #: implied by the latest: "at least 12" before "17"); estimates leave them out.
        self.earlier: set[str] = set()
        #: A relay's source: the claim whose value it carries (see :attr:`credited`).
        self.relayed_from: dict[str, Claim] = {}
        #: Why a relay is credited to its source, in words.
        self.relay_reasons: dict[str, list[str]] = {}
        self.overtaken: dict[str, Claim] = {}
        self._unit_spans: list[tuple[Unit, Any, Any, list[Claim]]] | None = None
        self._sides: set[str] | None = None
        self._end: dt.date | object | None = _MISSING
        #: Scratch space for rules sharing work within the group (see rules.common).
        self.memo: dict[str, object] = {}

    # -- basics -------------------------------------------------------------------------

    @property
    def single(self) -> bool:
        return self.prop is None or self.prop.single

    @property
    def type(self) -> str:
        return self.prop.type if self.prop else "text"

    @property
    def cumulative(self) -> bool:
        return bool(self.prop and self.prop.cumulative)

    @property
    def interval(self) -> bool:
        """Values are intervals (quantities, dates), compared through their bounds."""
        return self.type in ("quantity", "date")

    def _tolerance(self) -> float | str | None:
        if self.prop is None:
            return None
        tolerance = self.prop.tolerance
        if tolerance is None and self.prop.type == "quantity":
            tolerance = self.thresholds.default_tolerance
        if tolerance is None or (isinstance(tolerance, str) and not float(tolerance[:-1])):
            return None  # "0%" is no tolerance: open bounds stay open
        return tolerance or None

    def _statements(self) -> list[Statement]:
        asserted: dict[object, Statement] = {}
        denied: dict[object, Statement] = {}
        statements: list[Statement] = []
        keys = self.value_keys
        statement_by_claim = self.statement_by_claim
        quoted = 0
        for claim in self.claims:
            value = claim.parsed
            vid = id(value)
            vkey = keys.get(vid, _MISSING)
            if vkey is _MISSING:
                assert value is not None
                vkey = keys[vid] = (
                    None if isinstance(value, Text) or is_unknown(value) else value.key
                )
            if vkey is None:
                continue
            table = asserted if claim.stance == "asserts" else denied
            st = table.get(vkey)
            if st is None:
                st = table[vkey] = Statement(claim.stance, value, index=len(statements))  # type: ignore[arg-type]
                statements.append(st)
            st.claims.append(claim)
            if claim.cited:
                st.cited.append(claim)
            statement_by_claim[claim.id] = st
            if claim.quote:
                quoted += 1
        self._quoted = quoted
        # Whatever the order of the files: a statement's claims by id, and its value as
        # the first of them words it ("90-100" or "nearly 100", one interval).
        for st in statements:
            if len(st.claims) > 1:
                st.claims.sort(key=_claim_id)
                st.cited.sort(key=_claim_id)
                st.value = st.claims[0].parsed  # type: ignore[assignment]
        return statements

    # -- relations between values ----------------------------------------------------------

    def _share(self) -> float | None:
        tol = self.tolerance
        if isinstance(tol, str):
            return float(tol.rstrip("%")) / 100.0
        return None

    def window(self, value: Value) -> tuple[Bound, Bound]:
        """The bounds within which a value's support lies (its own, widened by tolerance)."""
        lo, hi = _bounds(value)
        tol = self.tolerance
        if not tol:
            return lo, hi
        share = self._share()
        if share is not None:
            high = hi[0] / (1 - share) if share < 1 and hi[0] != INF else INF
            return (lo[0] * (1 - share), 0), (high, 0)
        t = float(tol)
        if self.type == "date":
            t = float(int(t))
        return (lo[0] - t, 0), (hi[0] + t if hi[0] != INF else INF, 0)

    def limits(self, value: Value) -> tuple[Bound, Bound]:
        """``(below, above)``: an interval whose upper bound is under ``below``, or whose
        lower bound is over ``above``, cannot hold with ``value``."""
        lo, hi = _bounds(value)
        tol = self.tolerance
        if not tol:
            return (lo[0], lo[1]), (hi[0], hi[1])
        share = self._share()
        if share is not None:
            above = hi[0] / (1 - share) if share < 1 and hi[0] != INF else INF
            return (lo[0] * (1 - share), -1), (above, 1)
        t = float(tol)
        if self.type == "date":
            t = float(int(t))
            return (lo[0] - t, 0), (hi[0] + t, 0)
        return (lo[0] - t, -1), (hi[0] + t, 1)

    def implies(self, a: Value, b: Value) -> bool:
        """Whether every truth ``a`` allows is one ``b`` allows (``a`` supports ``b``)."""
        if isinstance(a, Quantity | DateRange) and isinstance(b, Quantity | DateRange):
            lo, hi = _bounds(a)
            low, high = self.window(b)
            return lo >= low and hi <= high
        return a.key == b.key

    def excludes(self, a: Value, b: Value) -> bool:
        """Whether two asserted values cannot both be true (single-valued properties)."""
        if not self.single:
            return False
        if isinstance(a, Quantity | DateRange) and isinstance(b, Quantity | DateRange):
            lo, hi = _bounds(a)
            below, above = self.limits(b)
            return hi < below or lo > above
        return a.key != b.key

    def statements_conflict(self, s: Statement, t: Statement) -> bool:
        """Two statements that cannot both hold."""
        if s.stance == "asserts" and t.stance == "asserts":
            return self.excludes(s.value, t.value)
        if s.stance == "asserts" and t.stance == "denies":
            return self.implies(s.value, t.value)
        if s.stance == "denies" and t.stance == "asserts":
            return self.implies(t.value, s.value)
        return False

    def statement_supports(self, t: Statement, s: Statement) -> bool:
        """Whether statement ``t`` supports statement ``s``."""
        if t.stance == s.stance == "asserts":
            return self.implies(t.value, s.value)
        if t.stance == s.stance == "denies":  # denying less denies more
            return self.implies(s.value, t.value)
        if t.stance == "asserts" and self.single and not self.interval:
            return t.value.key != s.value.key  # asserting X denies every other Y
        return False

    # -- origins and units ------------------------------------------------------------------

    @property
    def origins_by_claim(self) -> dict[str, int]:
        """Each claim's origin (who said it), as an index; claims of one origin share it."""
        if self._origin is None:
            self._compute_origins()
        return self._origin  # type: ignore[return-value]

    @property
    def credited(self) -> dict[str, int]:
        """The origin each claim's value is credited to: its own, or — for a relay (an
        outlet's own reporting in a document citing one that carries the value; own
        reporting of one value in documents citing one document; a suspected relay) —
        the origin it relays. Local to the value: relaying a figure does not make the
        relaying outlet one with its source on anything else."""
        if self._credit is None:
            self._compute_origins()
        return self._credit  # type: ignore[return-value]

    def origin_of(self, claim: Claim) -> int:
        return self.origins_by_claim[claim.id]

    def link_reasons(self, claims: Sequence[Claim]) -> set[str]:
        """Why these claims of different outlets are credited to fewer origins, in words
        (CC203): the relays among them, and origins spanning several outlets."""
        credit = self.credited
        found: set[str] = set()
        by_origin: dict[int, list[Claim]] = defaultdict(list)
        for c in claims:
            found.update(self.relay_reasons.get(c.id, ()))
            if c.id not in self.relayed_from:
                by_origin[credit[c.id]].append(c)
        for group in by_origin.values():
            why = self._why_one(self.provenance.origin_key(group[0]), group)
            if why:
                found.add(why)
        return found

    def _compute_origins(self) -> None:
        claims = self.claims
        prov = self.provenance
        first_of: dict[str, int] = {}
        origin: dict[str, int] = {}
        by_document: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            j = first_of.setdefault(prov.origin_key(c), i)
            origin[c.id] = j
            if c.source is not None:
                by_document[c.source].append(i)
        # Relays: each relaying claim points at the claim it relays. Choices go by claim
        # id, never by file order.
        statement_of = self.statement_by_claim
        relays: dict[int, tuple[int, str]] = {}
        relayed: dict[tuple[str, int], list[int]] = defaultdict(list)
        indexes: dict[str, _DocIndex] = {}
        for i, c in enumerate(claims):
            st = statement_of.get(c.id)
            if st is None or c.source is None or not prov.own_reporting(c):
                continue
            cited = sorted(prov.cited(c.source))
            carrier = None
            for doc_id in cited:
                index = indexes.get(doc_id)
                if index is None:
                    index = indexes[doc_id] = _DocIndex(self, by_document.get(doc_id, []))
                at = index.carrier(self, st)
                if at is not None:
                    carrier = (doc_id, at)
                    break
            if carrier is not None:
                relays[i] = (carrier[1], f"a citation chain ({c.source} cites {carrier[0]})")
            else:
                for doc_id in cited:
                    relayed[(doc_id, st.index)].append(i)
        # Own reporting of one value in documents that cite a common document, directly
        # or through others of them (A and B cite X, B and C cite Y): one relay group.
        parent: dict[int, int] = {}

        def root(i: int) -> int:
            while parent.get(i, i) != i:
                parent[i] = parent.get(parent[i], parent[i])
                i = parent[i]
            return i

        via: dict[int, str] = {}
        for (doc_id, _), group in sorted(relayed.items(), key=lambda kv: kv[0][0]):
            for j in group[1:]:
                a, b = root(group[0]), root(j)
                if a != b:
                    parent[b] = a
                    via.setdefault(j, doc_id)
                    via.setdefault(group[0], doc_id)
        components: dict[int, list[int]] = defaultdict(list)
        for i in via:
            components[root(i)].append(i)
        for group in components.values():
            first = min(group, key=lambda j: claims[j].id)
            for j in group:
                if j != first:
                    relays[j] = (first, f"a common citation ({via[j]})")
        position = {c.id: i for i, c in enumerate(claims)}
        for relay in self.relays():
            first = position[relay[0].id]
            for c in relay[1:]:
                relays.setdefault(position[c.id], (first, "a suspected relay (the same quote)"))
        credit: dict[str, int] = {}
        for i, c in enumerate(claims):
            j, seen, path = i, {i}, list[str]()
            while j in relays and relays[j][0] not in seen:
                path.append(relays[j][1])
                j = relays[j][0]
                seen.add(j)
            credit[c.id] = origin[claims[j].id]
            if j != i:
                self.relayed_from[c.id] = claims[j]
                self.relay_reasons[c.id] = path
        self._origin = origin
        self._credit = credit

    def _why_one(self, key: str, claims: list[Claim]) -> str | None:
        """Why claims of different outlets or claimants are one origin, in words."""
        outlets = {c.outlet for c in claims}
        claimants = sorted({c.claimant or "" for c in claims})
        kind, _, rid = key.partition(":")
        if kind == "outlet" and len(outlets) > 1:
            return f"owner {rid}"
        if kind == "party" and len(claimants) > 1:
            outlets_ = self.store.outlets
            media = [c for c in claimants if c in outlets_]
            parts = [c for c in claimants if c != rid and c not in outlets_]
            said = []
            if parts:
                said.append(f"{', '.join(parts)} part of it")
            if media:
                said.append(f"{', '.join(media)} speaking for it")
            return f"claimant {rid} ({'; '.join(said)})" if said else f"claimant {rid}"
        if kind == "party" and len(outlets) > 1:
            return f"claimant {rid}"
        return None

    @property
    def sides(self) -> set[str]:
        """The sides involved in the subject, inherited from what it is part of."""
        if self._sides is None:
            self._sides = subject_sides(self.store, self.subject)
        return self._sides

    def interested_side(self, claim: Claim) -> str | None:
        """The involved side a claim's claimant speaks for, or None (a neutral claimant)."""
        sides = self.sides
        if not sides:
            return None
        side = self.store.side_of(claim.claimant)
        return side if side in sides else None

    @property
    def units(self) -> dict[str, Unit]:
        """Each claim's unit for corroboration: its origin, or its origin's side."""
        if self._units is None:
            self._units = self._compute_units()
        return self._units

    def unit_of(self, claim: Claim) -> Unit:
        return self.units[claim.id]

    def _compute_units(self) -> dict[str, Unit]:
        origin = self.origins_by_claim
        members: dict[int, list[Claim]] = defaultdict(list)
        for c in self.claims:
            members[origin[c.id]].append(c)
        parties = self.store.parties
        by_key: dict[object, Unit] = {}
        of_origin: dict[int, Unit] = {}
        for root, claims in members.items():
            side = next((s for c in claims if (s := self.interested_side(c))), None)
            key: object = ("side", side) if side else ("origin", root)
            unit = by_key.get(key)
            if unit is None:
                anonymous = side is None and all(
                    (p := parties.get(c.claimant or "")) is not None and p.is_anonymous
                    for c in claims
                )
                name = f"side {side}" if side else ", ".join(sorted({c.origin for c in claims}))
                unit = by_key[key] = Unit(len(by_key), side, anonymous, name)
            of_origin[root] = unit
        credit = self.credited
        return {c.id: of_origin[credit[c.id]] for c in self.claims}

    # -- evidence: latest figures, growth ---------------------------------------------------

    @property
    def end(self) -> dt.date | None:
        """The subject's last day (or its nearest ``part_of``'s); None when open."""
        if self._end is _MISSING:
            self._end = subject_end(self.store, self.subject)
        return self._end  # type: ignore[return-value]

    def when(self, claim: Claim) -> DateRange | None:
        """When a figure holds: its ``as_of``, or for a relay its source's — Le Monde
        repeating on the 9th the agency's toll of the 8th speaks as of the 8th."""
        if self._credit is None:
            self._compute_origins()
        return self.relayed_from.get(claim.id, claim).as_of

    def interim(self, claim: Claim) -> bool:
        """A figure given while the subject was still under way: its ``as_of`` (its
        source's, for a relay) ends before the subject's last day (a subject with no
        date is under way)."""
        as_of = self.when(claim)
        if as_of is None or not as_of.known:
            return False
        end = self.end
        return end is None or as_of.high < end

    def growth(self, first: Claim, later: Claim) -> bool:
        """Whether ``later`` (higher) only overtakes ``first``: a running toll growing."""
        return (
            self.cumulative
            and self.thresholds.cumulative_growth
            and self.interim(first)
            and _before(self.when(first), self.when(later))
        )

    @property
    def evidence(self) -> list[Claim]:
        """The claims that count for and against values: cited, and for a cumulative
        toll each origin's latest figure, less interim figures later ones overtook."""
        if self._evidence is None:
            self._evidence = self._compute_evidence()
        return self._evidence

    def _compute_evidence(self) -> list[Claim]:
        statement_of = self.statement_by_claim
        cited = [c for c in self.claims if c.cited and c.id in statement_of]
        if not self.cumulative or self.type != "quantity":
            return cited
        # By the origin a figure is credited to: a relay of the army's figure is
        # superseded when the army revises it.
        origin = self.credited
        # A relay speaks as of its source: a later relay of an old figure is not the
        # origin's latest word.
        when = {c.id: self.relayed_from.get(c.id, c).as_of for c in cited}
        dated: dict[int, list[Claim]] = defaultdict(list)
        for c in cited:
            as_of = when[c.id]
            if c.stance == "asserts" and as_of is not None and as_of.known:
                dated[origin[c.id]].append(c)
        for claims in dated.values():
            last = max(when[c.id].low for c in claims)  # type: ignore[union-attr]
            now = [c for c in claims if when[c.id].high >= last]  # type: ignore[union-attr]
            said_now = {statement_of[c.id].index: statement_of[c.id] for c in now}
            newest = max(now, key=lambda c: (when[c.id].low, c.id))  # type: ignore[union-attr]
            for c in claims:
                st = statement_of[c.id]
                if when[c.id].high >= last or st.index in said_now:  # type: ignore[union-attr]
                    continue
                self.earlier.add(c.id)
                # A later figure that still implies it ("41" after "at least 30") leaves
                # it standing: revised is only what the origin no longer says.
                if not any(self.statement_supports(t, st) for t in said_now.values()):
                    self.superseded[c.id] = newest
        counted = [c for c in cited if c.id not in self.superseded]
        if self.thresholds.cumulative_growth:
            self._overtake(counted)
        return [c for c in counted if c.id not in self.overtaken]

    def _overtake(self, claims: list[Claim]) -> None:
        """Mark interim figures a later, higher figure of another origin overtook."""
        origin = self.credited
        when: dict[str, DateRange] = {}
        for c in claims:
            as_of = self.when(c)
            if c.stance == "asserts" and as_of is not None and as_of.known:
                when[c.id] = as_of
        dated = [c for c in claims if c.id in when]
        if len(dated) < 2:
            return
        # Sweep from the latest: keep the two highest lower bounds of distinct origins
        # among the figures given after the current one.
        by_start = sorted(dated, key=lambda c: when[c.id].low, reverse=True)
        by_end = sorted(
            (c for c in dated if self.interim(c)),
            key=lambda c: when[c.id].high,
            reverse=True,
        )
        top: list[tuple[Bound, int, Claim]] = []
        i = 0
        for x in by_end:
            while i < len(by_start) and when[by_start[i].id].low > when[x.id].high:
                y = by_start[i]
                top = _best_two(top, (_bounds(y.parsed)[0], origin[y.id], y), higher=True)  # type: ignore[arg-type]
                i += 1
            for lo, o, y in top:
                if o != origin[x.id]:
                    _below, above = self.limits(x.parsed)  # type: ignore[arg-type]
                    if lo > above:
                        self.overtaken[x.id] = y
                    break

    # -- tallies --------------------------------------------------------------------------------

    def _spans(self) -> list[tuple[Unit, Any, Any, list[Claim]]]:
        """Each unit with evidence: its asserted intervals (or values by key), its
        denials (windows, or keys), and its evidence claims."""
        if self._unit_spans is None:
            statement_of = self.statement_by_claim
            units = self.units
            members: dict[int, list[Claim]] = defaultdict(list)
            by_index: dict[int, Unit] = {}
            for c in self.evidence:
                u = units[c.id]
                by_index[u.index] = u
                members[u.index].append(c)
            out = []
            for i, u in sorted(by_index.items()):
                claims = members[i]
                denied = {
                    st.index: st for c in claims if (st := statement_of[c.id]).stance == "denies"
                }.values()
                denials: Any = (
                    _Windows([self.window(st.value) for st in denied])
                    if self.interval
                    else {st.value.key for st in denied}
                )
                asserted = [c for c in claims if statement_of[c.id].stance == "asserts"]
                summary: Any
                if self.interval:
                    items = [(*_bounds(statement_of[c.id].value), c) for c in asserted]
                    summary = _Spans(items) if items else None
                else:
                    summary = {}
                    for c in asserted:
                        summary.setdefault(statement_of[c.id].value.key, []).append(c)
                out.append((u, summary, denials, claims))
            self._unit_spans = out
        return self._unit_spans

    #: Tallies by the exact walk — each statement against every unit — instead of the
    #: sweep over sorted bounds: the reference the property tests hold the sweep to.
    exact_tallies = False
    #: The sweep pays from this many (statement, unit) pairs on: smaller groups walk.
    sweep_from = 256

    def tally(self, st: Statement) -> Tally:
        """The units of evidence supporting and contradicting a statement."""
        if st.tally is None:
            if (
                self.interval
                and not self.exact_tallies
                and len(self.statements) * len(self._spans()) >= self.sweep_from
            ):
                self._sweep_tallies()
            else:
                st.tally = self._tally(st)
        return st.tally  # type: ignore[return-value]

    def _query(self, st: Statement) -> _Query:
        """What a statement is judged against: its bounds, window and limits."""
        if self.interval:
            lo, hi = _bounds(st.value)
            low, high = self.window(st.value)
            below, above = self.limits(st.value)
        else:
            lo = hi = low = high = below = above = (0.0, 0)
        return _Query(st.stance == "asserts", st.value.key, lo, hi, low, high, below, above)

    def _judge(self, q: _Query, spans: Any, denials: Any) -> tuple[bool, list[object]]:
        """Whether one unit supports a statement, and in which cases it contradicts it
        (``("lower", lo, hi)``: with that interval, below it; ``"denies"``; another
        value's key)."""
        single, interval = self.single, self.interval
        pro = False
        why: list[object] = []
        if q.asserts:
            if interval:
                if spans is not None:
                    pro = spans.supports(q.low, q.high)
                    if single and spans.min_hi < q.below:
                        why.append(("lower", *spans.nearest_below(q.below)))
                    if single and spans.max_lo > q.above:
                        why.append(("higher", *spans.nearest_above(q.above)))
            elif spans:
                pro = q.key in spans
                if single:
                    why += [k for k in spans if k != q.key]
            if denials and (denials.cover(q.lo, q.hi) if interval else q.key in denials):
                why.append("denies")
        else:
            if denials:
                pro = denials.cover(q.lo, q.hi) if interval else q.key in denials
            if interval:
                if spans is not None and spans.supports(q.low, q.high):
                    why.append("asserts")
            elif spans:
                if q.key in spans:
                    why.append("asserts")
                if single and not pro:
                    pro = any(k != q.key for k in spans)
        return pro, why

    def _tally(self, st: Statement) -> Tally:
        """One statement's tally, every unit judged in turn (the exact walk)."""
        q = self._query(st)
        support: list[Unit] = []
        against: list[Unit] = []
        groups: dict[object, list[Unit]] = defaultdict(list)
        also = False
        judge = self._judge
        for unit, spans, denials, _ in self._spans():
            pro, why = judge(q, spans, denials)
            if pro:
                support.append(unit)
                also = also or bool(why)
            elif why:
                against.append(unit)
                for label in why:
                    groups[label].append(unit)
        cases = [
            Units.of(
                _strongest(units, q.below if label[1] == "lower" else q.above, label[1] == "lower")
                if isinstance(label, tuple)
                else units
            )
            for label, units in _by_direction(groups)
        ]
        return Tally(Units.of(support), Units.of(against), cases, also)

    def _sweep_tallies(self) -> None:
        """Every statement's tally at once, for quantities and dates: the common units —
        neutral, one interval, no denial — counted through sorted bounds and prefix sums
        (and the strongest case of those below or above a figure kept by a segment tree
        as the sweep passes them); the neutral units that only deny, counted by the
        windows covering each statement (:class:`_Deniers`); the few others (a side,
        several figures, figures and denials) judged one by one, as :meth:`_tally`
        does. The same tallies, without comparing every statement with every unit."""
        entries = self._spans()
        statements = self.statements
        if any(sp is not None and any(map(gt, sp.los, sp.his)) for _, sp, _, _ in entries):
            for st in statements:  # an empty interval ("fewer than 0"): walk
                st.tally = self._tally(st)
            return
        simple: list[tuple[Bound, Bound, Unit]] = []
        deniers: list[tuple[Unit, _Windows]] = []
        others: list[tuple[Unit, Any, Any]] = []
        for unit, spans, denials, _ in entries:
            if unit.side is None and spans is None and denials.lows:
                deniers.append((unit, denials))
            elif (
                unit.side is None
                and spans is not None
                and not denials.lows
                and spans.lo_order[0] == spans.lo_order[-1]
                and spans.his[0] == spans.his[-1]
            ):
                simple.append((spans.los[0], spans.his[0], unit))
            else:
                others.append((unit, spans, denials))
        # Judging a unit that only denies is one bisection: counting them together
        # pays from several dozen on.
        counted = len(simple) + len(deniers) // 64
        if counted * len(statements) < self.sweep_from:
            for st in statements:  # few common units: nothing to count together
                st.tally = self._tally(st)
            return
        single = self.single
        queries = [self._query(st) for st in statements]
        # Units denying all of each statement's interval: against an assertion of it,
        # for a denial of it.
        denying = _Deniers(deniers)
        denied = denying.counts([(q.lo, q.hi) for q in queries])
        by_hi = sorted(simple, key=lambda t: t[1])
        his = [t[1] for t in by_hi]
        by_lo = sorted(simple, key=lambda t: t[0])
        los = [t[0] for t in by_lo]
        count_hi = [0, *accumulate(_count(t[2]) for t in by_hi)]
        count_lo = [0, *accumulate(_count(t[2]) for t in reversed(by_lo))]
        n_simple = len(simple)

        # The other units, each statement in turn.
        judge = self._judge
        other_pro: list[list[Unit]] = []
        other_against: list[list[Unit]] = []
        other_cases: list[dict[object, list[Any]]] = []
        also: list[bool] = []
        for q in queries:
            pro_units: list[Unit] = []
            contra: list[Unit] = []
            groups: dict[object, list[Any]] = {}
            said_otherwise = False
            for unit, spans, denials in others:
                pro, why = judge(q, spans, denials)
                if pro:
                    pro_units.append(unit)
                    said_otherwise = said_otherwise or bool(why)
                elif why:
                    contra.append(unit)
                    for label in why:
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
        lo_keys = sorted(set(los))
        fenwick = _Fenwick(len(lo_keys))
        inserted = p = 0
        for i in sorted(range(len(statements)), key=lambda i: queries[i].high):
            q = queries[i]
            while p < n_simple and by_hi[p][1] <= q.high:
                lo, _, unit = by_hi[p]
                fenwick.add(bisect_left(lo_keys, lo), _count(unit))
                inserted += _count(unit)
                p += 1
            within[i] = inserted - fenwick.prefix(bisect_left(lo_keys, q.low))

        # The strongest case below and above each asserted figure.
        coords = sorted(
            {b for lo, hi, _ in simple for b in (lo, hi)}
            | {b for _, sp, _ in others if sp is not None for b in (*sp.los, *sp.his)}
        )
        pos = {b: i for i, b in enumerate(coords)}
        asserted = [i for i, q in enumerate(queries) if q.asserts] if single else []
        lower_case: dict[int, Units] = {}
        tree = _MaxAdd(len(coords))
        p = 0
        for i in sorted(asserted, key=lambda i: queries[i].below):
            q = queries[i]
            while p < n_simple and by_hi[p][1] < q.below:
                lo, hi, unit = by_hi[p]
                tree.add(pos[lo], pos[hi] + 1, _clique(unit))
                p += 1
            items = other_cases[i].get("lower", [])
            near = (by_hi[0][1][0], by_hi[p - 1][1][0]) if p else ()
            if p or items:
                lower_case[i] = _case(tree, pos, p, count_hi[p], near, items, q.below, True)
        higher_case: dict[int, Units] = {}
        tree = _MaxAdd(len(coords))
        p = 0
        for i in sorted(asserted, key=lambda i: queries[i].above, reverse=True):
            q = queries[i]
            while p < n_simple and by_lo[n_simple - 1 - p][0] > q.above:
                lo, hi, unit = by_lo[n_simple - 1 - p]
                tree.add(pos[lo], pos[hi] + 1, _clique(unit))
                p += 1
            items = other_cases[i].get("higher", [])
            near = (by_lo[n_simple - p][0][0], by_lo[-1][0][0]) if p else ()
            if p or items:
                higher_case[i] = _case(tree, pos, p, count_lo[p], near, items, q.above, False)

        for i, st in enumerate(statements):
            q = queries[i]
            if not (q.below <= q.low and q.high <= q.above and q.below <= q.above):
                # (a negative figure with a share of tolerance): walk
                st.tally = self._tally(st)
                continue
            fits = partial(_simple_within, by_hi, his, q.low, q.high)
            deny = partial(denying.listing, q.lo, q.hi)
            pro_units, against_units = other_pro[i], other_against[i]
            cases: list[Units] = []
            if q.asserts:
                support = _add_units(within[i], pro_units, fits)
                n_lo = bisect_left(his, q.below) if single else 0
                n_hi = n_simple - bisect_right(los, q.above) if single else 0
                against = _add_units(
                    count_hi[n_lo] + count_lo[n_hi] + denied[i],
                    against_units,
                    partial(_chain, partial(_simple_outside, by_hi, by_lo, n_lo, n_hi), deny),
                )
                for where in (lower_case, higher_case):
                    if i in where:
                        cases.append(where[i])
                # (an interval's other cases are denials only)
                denying_others = other_cases[i].get("denies", [])
                if denied[i] or denying_others:
                    cases.append(_add_units(denied[i], denying_others, deny))
            else:
                support = _add_units(denied[i], pro_units, deny)
                against = _add_units(within[i], against_units, fits)
                asserting = other_cases[i].get("asserts", [])
                if within[i] or asserting:
                    cases.append(_add_units(within[i], asserting, fits))
            st.tally = Tally(support, against, cases, also[i])

    def support(self, st: Statement) -> list[Claim]:
        """The evidence claims whose own statement supports this one, in store order."""
        tally = self.tally(st)
        if not tally.support:
            return []
        entries = self._entries()
        found: list[Claim] = []
        if self.interval and st.stance == "asserts":
            low, high = self.window(st.value)
            for unit in tally.support:
                spans = entries[unit.index].spans
                if spans is not None:
                    found += spans.within(low, high)
        else:
            for unit in tally.support:
                found += entries[unit.index].supporting(self, st)
        order = self._order()
        return sorted(found, key=lambda c: order[c.id])

    def _entries(self) -> dict[int, _Entry]:
        """Each unit's evidence by unit index, its claims indexed by what they state."""
        found = self.memo.get("entries")
        if found is None:
            found = self.memo["entries"] = {
                unit.index: _Entry(self, spans, claims) for unit, spans, _, claims in self._spans()
            }
        return found  # type: ignore[return-value]

    def _order(self) -> dict[str, int]:
        order = self.memo.get("order")
        if order is None:
            order = self.memo["order"] = {c.id: i for i, c in enumerate(self.claims)}
        return order  # type: ignore[return-value]

    # -- conflicts ------------------------------------------------------------------------------

    def conflicts(self) -> Conflicts:
        """Asserted values of different origins that cannot both hold (CC101–CC103)."""
        found = self.memo.get("conflicts")
        if found is None:
            found = self.memo["conflicts"] = self._conflicts()
        return found  # type: ignore[return-value]

    @property
    def agreeing(self) -> bool:
        """Whether no two statements of the group can conflict: every asserted value
        allows some common truth and nothing is denied (most groups). Checked once, from
        the highest lower bound and the lowest upper bound."""
        found = self.memo.get("agreeing")
        if found is None:
            sts = self.statements
            if len(sts) < 2:
                found = True
            elif any(st.stance == "denies" for st in sts):
                found = False
            elif not self.single:
                found = True
            elif self.interval:
                top = max(sts, key=lambda st: _bounds(st.value)[0])
                bottom = min(sts, key=lambda st: _bounds(st.value)[1])
                found = not self.excludes(top.value, bottom.value)
            else:
                found = False
            self.memo["agreeing"] = found
        return found  # type: ignore[return-value]

    def _conflicts(self) -> Conflicts:
        if self.agreeing:
            return Conflicts([], [], 0)
        # A figure its own origin has since revised is no longer in dispute.
        self.evidence  # noqa: B018 - finds the superseded figures
        superseded = self.superseded
        asserted = [
            c
            for st in self.statements
            if st.stance == "asserts"
            for c in st.claims
            if c.id not in superseded
        ]
        if not self.single or len(self.statements) < 2 or not asserted:
            return Conflicts([], [], 0)
        origin = self.origins_by_claim
        if self.interval:
            partner = self._interval_partners(asserted)
        else:
            partner = self._discrete_partners(asserted)
        involved = [c for c in asserted if c.id in partner]
        pairs, total = self._pairs(involved, partner, origin)
        return Conflicts(sorted(involved, key=lambda c: c.id), pairs, total)

    def _clash(self, a: Claim, b: Claim) -> bool:
        """Two asserted claims of different origins that cannot both hold (growth aside)."""
        origin = self.origins_by_claim
        if origin[a.id] == origin[b.id]:
            return False
        sa, sb = self.statement_by_claim[a.id], self.statement_by_claim[b.id]
        if sa is sb or not self.excludes(sa.value, sb.value):
            return False
        if self.cumulative and self.thresholds.cumulative_growth:
            la, lb = _bounds(sa.value)[0], _bounds(sb.value)[0]
            low, high = (a, b) if la < lb else (b, a)
            if self.growth(low, high):
                return False
        return True

    def _pairs(
        self, involved: list[Claim], partner: dict[str, Claim], origin: dict[str, int]
    ) -> tuple[list[tuple[str, str]], int | None]:
        """Who contradicts whom: every pair when the involved are few (and how many),
        else each claim with the most distant claim it conflicts with (count unknown)."""
        pairs: set[tuple[str, str]] = set()
        if len(involved) <= 300:
            for i, a in enumerate(involved):
                for b in involved[i + 1 :]:
                    if self._clash(a, b):
                        pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
            ordered = sorted(pairs)
            return ordered[:MAX_PAIRS], len(ordered)
        for c in involved:
            p = partner[c.id]
            pairs.add((c.id, p.id) if c.id < p.id else (p.id, c.id))
        return sorted(pairs)[:MAX_PAIRS], None

    def _discrete_partners(self, asserted: list[Claim]) -> dict[str, Claim]:
        origin = self.origins_by_claim
        statement_of = self.statement_by_claim
        values: dict[int, dict[object, Claim]] = defaultdict(dict)
        for c in asserted:
            values[origin[c.id]].setdefault(statement_of[c.id].value.key, c)
        partner: dict[str, Claim] = {}
        # Two origins with distinct values are enough to find anyone's partner.
        samples: list[tuple[int, object, Claim]] = []
        for o, vals in values.items():
            for k, c in list(vals.items())[:2]:
                samples.append((o, k, c))
        # The first sample of another origin and another value: among the first three
        # samples of other values (an origin has two), found through the first three of
        # each value — not by trying every sample for every claim.
        firsts: list[int] = []
        seen: Counter[object] = Counter()
        for n, (_, k, _) in enumerate(samples):
            if seen[k] < 3:
                seen[k] += 1
                firsts.append(n)
        for c in asserted:
            o, k = origin[c.id], statement_of[c.id].value.key
            others = islice((n for n in firsts if samples[n][1] != k), 3)
            for n in others:
                if samples[n][0] != o:
                    partner[c.id] = samples[n][2]
                    break
            # (no sample fits: then no other origin states another value — a third
            # value of an origin is never needed, its first two differ)
        return partner

    def _interval_partners(self, asserted: list[Claim]) -> dict[str, Claim]:
        """For each claim, the most distant claim of another origin it conflicts with."""
        origin = self.origins_by_claim
        statement_of = self.statement_by_claim
        growth = self.cumulative and self.thresholds.cumulative_growth
        info = []
        for c in asserted:
            lo, hi = _bounds(statement_of[c.id].value)
            info.append((c, lo, hi, origin[c.id]))
        partner: dict[str, Claim] = {}
        # Without growth no figure is interim: every claim may partner every other.
        interim_of = self.interim if growth else (lambda c: False)

        # A later, higher figure overtakes an interim one: not its partner (growth). A
        # relay speaks as of its source.
        when = {c.id: self.when(c) for c in asserted}

        def start(c: Claim) -> float:
            as_of = when[c.id]
            return as_of.low.toordinal() if as_of is not None and as_of.known else -INF

        by_start = sorted(info, key=lambda t: start(t[0]))
        starts = [start(t[0]) for t in by_start]
        prefix_top = list(
            accumulate(
                ([(lo, o, c)] for c, lo, _, o in by_start),
                lambda acc, item: _best_two(acc, item[0], higher=True),
            )
        )
        top_all = prefix_top[-1] if prefix_top else []
        final = [(hi, o, c) for c, _, hi, o in info if not interim_of(c)]
        bottom_final = _extremes(iter(final), higher=False)
        interim = sorted(
            ((when[c.id].high.toordinal(), hi, o, c) for c, _, hi, o in info if interim_of(c)),  # type: ignore[union-attr]
            key=lambda t: t[0],
        )
        ends = [t[0] for t in interim]
        suffix_bottom: list[list[tuple[Bound, int, Claim]]] = [[] for _ in range(len(interim) + 1)]
        for i in range(len(interim) - 1, -1, -1):
            _, hi, o, c = interim[i]
            suffix_bottom[i] = _best_two(suffix_bottom[i + 1], (hi, o, c), higher=False)
        for c, _, _, o in info:
            below, above = self.limits(statement_of[c.id].value)
            as_of = when[c.id]
            if interim_of(c):
                assert as_of is not None
                n = bisect_right(starts, as_of.high.toordinal())
                top = prefix_top[n - 1] if n else []
            else:
                top = top_all
            y = _other(top, o)
            if y is not None and y[0] > above:
                partner[c.id] = y[2]
                continue
            y = _other(bottom_final, o)
            if y is None or not y[0] < below:
                k = (
                    bisect_left(ends, as_of.low.toordinal())
                    if as_of is not None and as_of.known
                    else 0
                )
                y = _other(suffix_bottom[k], o)
            if y is not None and y[0] < below:
                partner[c.id] = y[2]
        return partner

    def stance_conflicts(self) -> Conflicts:
        """Assertions of one origin against denials of another (CC104)."""
        denials = [st for st in self.statements if st.stance == "denies"]
        if not denials:
            return Conflicts([], [], 0)
        origin = self.origins_by_claim
        self.evidence  # noqa: B018 - finds the superseded figures, out of the dispute
        superseded = self.superseded
        asserted = [st for st in self.statements if st.stance == "asserts"]
        if self.interval:
            asserted.sort(key=lambda st: _bounds(st.value)[0])
            lows = [_bounds(st.value)[0] for st in asserted]
            # An interval within a window starts in it (unless some is empty).
            empty = any(lo > hi for lo, hi in map(_bounds, (st.value for st in asserted)))
        by_key = {st.value.key: st for st in asserted}
        counts = {
            st.index: Counter(origin[a.id] for a in st.claims if a.id not in superseded)
            for st in asserted
        }
        live = {i for i, n in counts.items() if n}
        involved: dict[str, Claim] = {}
        done: set[int] = set()  # statements whose claims are all involved already
        pairs: set[tuple[str, str]] = set()
        total = 0
        for t in denials:
            if self.interval:
                low, high = self.window(t.value)
                end = len(asserted) if empty else bisect_right(lows, high)
                found = [
                    s for s in asserted[bisect_left(lows, low) : end] if _bounds(s.value)[1] <= high
                ]
            else:
                found = [by_key[t.value.key]] if t.value.key in by_key else []
            if not found:
                continue
            per_t = Counter(origin[b.id] for b in t.claims)
            per_s: Counter[int] = Counter()
            found = [s for s in found if s.index in live]
            for s in found:
                per_s.update(counts[s.index])
            n_s = sum(per_s.values())
            cross = n_s * len(t.claims) - sum(n * per_s[o] for o, n in per_t.items())
            if not cross:
                continue  # one origin asserting and denying: CC107's
            total += cross
            for s in found:
                if s.index in done:
                    continue
                if len(per_t) >= 2:
                    done.add(s.index)
                involved.update(
                    (a.id, a)
                    for a in s.claims
                    if a.id not in superseded and (len(per_t) >= 2 or origin[a.id] not in per_t)
                )
            involved.update(
                (b.id, b) for b in t.claims if len(per_s) >= 2 or origin[b.id] not in per_s
            )
            for s in found:
                for a in s.claims:
                    if len(pairs) >= MAX_PAIRS or a.id in superseded:
                        continue
                    for b in t.claims:
                        if origin[a.id] != origin[b.id]:
                            pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
                            if len(pairs) >= MAX_PAIRS:
                                break
        return Conflicts(sorted(involved.values(), key=lambda c: c.id), sorted(pairs), total)

    def clusters(self) -> list[list[Claim]]:
        """The group's claims in clusters that agree: within a cluster every value can
        hold with every other (a sweep over values sorted by their lower bound; for a
        category, one value each); each denial stands alone, after the assertions."""
        asserted = [st for st in self.statements if st.stance == "asserts"]
        out: list[list[Claim]] = []
        if self.interval and self.single:
            tightest: Statement | None = None
            for st in sorted(asserted, key=lambda st: _bounds(st.value)):
                if tightest is None or self.excludes(st.value, tightest.value):
                    out.append([])
                    tightest = st
                elif _bounds(st.value)[1] < _bounds(tightest.value)[1]:
                    tightest = st
                out[-1].extend(st.claims)
        elif self.single:
            out = [list(st.claims) for st in asserted]
        elif asserted:  # several values may hold at once: they all agree
            out = [[c for st in asserted for c in st.claims]]
        out += [list(st.claims) for st in self.statements if st.stance == "denies"]
        return out

    def by_origin(self) -> dict[int, list[Claim]]:
        """The group's informative claims by origin, in store order."""
        found = self.memo.get("by_origin")
        if found is None:
            origin = self.origins_by_claim
            out: dict[int, list[Claim]] = defaultdict(list)
            for c in self.claims:
                if c.id in self.statement_by_claim:
                    out[origin[c.id]].append(c)
            found = self.memo["by_origin"] = dict(out)
        return found  # type: ignore[return-value]

    # -- suspected relays (CC206) -----------------------------------------------------------------

    def relay_candidates(self) -> list[list[Claim]]:
        """Claims of different outlets carrying one quote for one value, in documents that
        neither cite one another nor a common document."""
        if self._relay_candidates is None:
            self._relay_candidates = self._find_relays()
        return self._relay_candidates

    def _find_relays(self) -> list[list[Claim]]:
        if self._quoted < 2:
            return []
        out: list[list[Claim]] = []
        for st in self.statements:
            quoted = [c for c in st.claims if c.quote and c.outlet]
            if len(quoted) < 2 or len({c.outlet for c in quoted}) < 2:
                continue
            by_quote: dict[str, list[Claim]] = defaultdict(list)
            for c in quoted:
                by_quote[normalise_quote(c.quote or "")].append(c)
            for claims in by_quote.values():
                if len(claims) < 2 or len({c.outlet for c in claims}) < 2:
                    continue
                if self._declared_relays({c.source for c in claims if c.source}):
                    continue
                out.append(sorted(claims, key=lambda c: c.id))
        return out

    def relays(self) -> list[list[Claim]]:
        """Suspected relays still counted as one origin (not marked ``disputed``)."""
        if self._relays is None:
            self._relays = [
                r
                for r in self.relay_candidates()
                if relay_fingerprint(self.subject_id, self.property_id, r)
                not in self.thresholds.disputed_relays
            ]
        return self._relays

    def _declared_relays(self, docs: set[str]) -> bool:
        """Whether ``cites`` already joins these documents: one cites another, or they
        cite a common document (directly or through a chain)."""
        return len(self.cites_components(docs)) == 1

    def cites_components(self, docs: Iterable[str]) -> list[list[str]]:
        """Documents in groups ``cites`` joins (one cites another, or both cite a common
        document), each sorted, groups in order of their first document."""
        ordered = sorted(set(docs))
        parent = list(range(len(ordered)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        # Documents reaching a common one are joined: each reached once, not each group
        # compared with each document.
        reached: dict[str, int] = {}
        for i, d in enumerate(ordered):
            for r in (d, *self.provenance.cited(d)):
                j = reached.setdefault(r, i)
                if j != i:
                    a, b = root(i), root(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        groups: dict[int, list[str]] = defaultdict(list)
        for i, d in enumerate(ordered):
            groups[root(i)].append(d)
        return sorted(groups.values(), key=lambda g: g[0])


# -- helpers ----------------------------------------------------------------------------------


def _claim_id(claim: Claim) -> str:
    return claim.id


def earlier(a: Claim, b: Claim) -> bool:
    """Whether ``a`` holds strictly before ``b`` (both ``as_of`` known)."""
    return _before(a.as_of, b.as_of)


def _before(a: DateRange | None, b: DateRange | None) -> bool:
    return a is not None and b is not None and a.known and b.known and a.high < b.low


Item = tuple[Bound, int, Claim]

#: Contradictors on one side of a figure count together when it is this many times
#: beyond the nearest of them (and they are closer to each other than to it).
FAR_OFF = 1.5


def _by_direction(groups: dict[object, list[Unit]]) -> list[tuple[object, list[Any]]]:
    """The contradicting units by case: interval ones by direction (each unit with the
    interval it contradicts with), the others (a value named, a denial) as they are."""
    out: list[tuple[object, list[Any]]] = []
    spans: dict[str, list[Any]] = defaultdict(list)
    for label, units in groups.items():
        if isinstance(label, tuple):
            spans[label[0]] += [(label[1], label[2], u) for u in units]
        else:
            out.append((label, units))
    return [(("interval", d), items) for d, items in spans.items()] + out


def _strongest(items: list[tuple[Bound, Bound, Unit]], limit: Bound, lower: bool) -> list[Unit]:
    """The strongest set of units whose figures share a value (a sweep over sorted
    bounds): contradictors that disagree among themselves do not add up — unless they
    lie closer to each other than to the figure they contradict, and that figure is
    :data:`FAR_OFF` times beyond them (10, 12 and 15 against an army's 300 agree that it
    is far too high; 20 and 30 against 10, or 10 and 12 against 15, do not agree on
    much). ``limit`` is the contradicted figure's bound on their side (``lower``: the
    contradictors are below it)."""
    if len(items) > 1:
        near = [(hi if lower else lo)[0] for lo, hi, _ in items]
        nearest = max(near) if lower else min(near)
        small, large = (nearest, limit[0]) if lower else (limit[0], nearest)
        far = small <= 0 or large >= FAR_OFF * small
        if far and max(near) - min(near) < large - small:
            return list({id(u): u for _, _, u in items}.values())
    events = sorted(
        [(lo, 0, i) for i, (lo, _, _) in enumerate(items)]
        + [(hi, 1, i) for i, (_, hi, _) in enumerate(items)]
    )
    active: dict[int, Unit] = {}
    best: list[Unit] = []
    best_key: tuple[float, int, int] = (-1.0, -1, -1)
    for _, end, i in events:
        if end:
            active.pop(i, None)
            continue
        active[i] = items[i][2]
        units = list({id(u): u for u in active.values()}.values())
        weight, count, sides = Tally._sum(units)
        key = (weight, count, len(sides))
        if key > best_key:
            best, best_key = units, key
    return best


def _best_two(acc: list[Item], item: Item, *, higher: bool) -> list[Item]:
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


def _extremes(items: Iterable[Item], *, higher: bool) -> list[Item]:
    acc: list[Item] = []
    for item in items:
        acc = _best_two(acc, item, higher=higher)
    return acc


def _other(extremes: list[Item], origin: int) -> Item | None:
    """The most extreme item not of ``origin``."""
    for t in extremes:
        if t[1] != origin:
            return t
    return None


def subject_sides(store: Store, subject: Subject | None) -> set[str]:
    """The sides involved in a subject, inherited from what it is part of."""
    seen: set[str] = set()
    while subject is not None and subject.id not in seen:
        if subject.sides:
            return set(subject.sides)
        seen.add(subject.id)
        subject = store.subjects.get(subject.part_of or "")
    return set()


def subject_end(store: Store, subject: Subject | None) -> dt.date | None:
    """A subject's last day, or its nearest ``part_of``'s; None when none has a date."""
    seen: set[str] = set()
    while subject is not None and subject.id not in seen:
        if subject.date is not None and subject.date.known:
            return subject.date.high
        seen.add(subject.id)
        subject = store.subjects.get(subject.part_of or "")
    return None


def relay_key(claims: Sequence[Claim]) -> list[str]:
    """What a suspected relay is about: the value and the quote its claims carry — not
    their ids, so that one more relay of the same quote keeps its fingerprint (and a
    review saying the outlets are independent)."""
    first = claims[0]
    value = first.parsed.key if first.parsed is not None else first.value
    return [f"{first.stance}\x1e{value}", normalise_quote(first.quote or "")]


def relay_fingerprint(subject: str, prop: str, claims: Sequence[Claim]) -> str:
    return fingerprint(RELAY_CODE, subject, prop, relay_key(claims))


class Evidence:
    """Evidence for the groups of a store, built on demand."""

    def __init__(
        self,
        store: Store,
        thresholds: Thresholds = Thresholds(),
        provenance: Provenance | None = None,
    ) -> None:
        self.store = store
        self.thresholds = thresholds
        self.provenance = provenance or Provenance(store)
        # Keyed by id(): valid while the store, which holds every parsed value, lives.
        self._value_keys: dict[int, object] = {}

    def group(self, key: tuple[str, str], claims: Sequence[Claim] | None = None) -> GroupEvidence:
        if claims is None:
            # Not kept: a store's groups are visited once.
            claims = self.store.groups.get(key, [])
        return GroupEvidence(
            self.store, self.provenance, key, claims, self.thresholds, self._value_keys
        )
