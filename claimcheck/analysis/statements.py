"""What a group's claims say: statements, the units that count for corroboration, tallies.

A *statement* is one value, asserted or denied, with the claims that state it; a *unit*
is one voice for corroboration (a neutral origin, or one interested side); a *tally*
counts the units for and against a statement. The analysis that finds them is
:mod:`claimcheck.analysis.group`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from claimcheck.model import Claim, Property
from claimcheck.values import Text, Value, is_unknown
from claimcheck.values.tolerance import share

_MISSING = object()


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


def tolerance_of(prop: Property | None, thresholds: Thresholds) -> float | str | None:
    """The tolerance a property's values are compared with: its own, or for a quantity
    the default of ``thresholds``; None for none."""
    if prop is None:
        return None
    tolerance = prop.tolerance
    if tolerance is None and prop.type == "quantity":
        tolerance = thresholds.default_tolerance
    if tolerance is None or share(tolerance) == 0:
        return None  # "0%" is no tolerance: open bounds stay open
    return tolerance or None


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
    #: A side speaking against its interest (its own losses higher than the other side
    #: says): neutral for corroboration, yet that side's stake in a running toll.
    admits: str | None = None

    @property
    def neutral(self) -> bool:
        return self.side is None

    @property
    def stake(self) -> str | None:
        """The side whose figures these are, whatever they weigh (None: neutral)."""
        return self.side if self.admits is None else self.admits

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
    def of(cls, units: Iterable[Unit], *, ordered: bool = False) -> Units:
        """These units, counted and listed (``ordered``: a list already by unit index)."""
        found = units if ordered and isinstance(units, list) else sorted(units, key=unit_index)
        named = anonymous = 0
        sides: list[str] = []
        for u in found:
            if u.side is not None:
                sides.append(u.side)
            elif u.anonymous:
                anonymous += 1
            else:
                named += 1
        out = cls(named, anonymous, tuple(sorted(sides)) if len(sides) > 1 else tuple(sides))
        out._list = found
        return out

    def _units(self) -> list[Unit]:
        if self._list is None:
            if self._listing is None:
                raise TypeError("these units are counted, not listed")
            self._list = sorted(self._listing(), key=unit_index)
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


def unit_index(u: Unit) -> int:
    """A unit's sort key: its index in its group."""
    return u.index


#: No unit at all.
NO_UNITS = Units(0, 0, ())


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
        if not self.against_groups:  # (most statements: nobody against)
            return self.support.weighed(), (0.0, 0, [])
        against = max(
            (g.weighed() for g in self.against_groups),
            key=lambda t: (t[0], t[1], len(t[2])),
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


def find_statements(
    claims: Sequence[Claim],
    value_keys: dict[int, object],
    statement_by_claim: dict[str, Statement],
) -> tuple[list[Statement], int]:
    """The distinct statements of a group's claims, in order of their first claim, and
    how many claims carry a quote; ``statement_by_claim`` is filled in as they are found
    (``value_keys``: a statement key per parsed value object, shared by a store's groups).
    """
    asserted: dict[object, Statement] = {}
    denied: dict[object, Statement] = {}
    statements: list[Statement] = []
    keys = value_keys
    quoted = 0
    for claim in claims:
        value = claim.parsed
        vid = id(value)
        vkey = keys.get(vid, _MISSING)
        if vkey is _MISSING:
            assert value is not None
            vkey = keys[vid] = None if isinstance(value, Text) or is_unknown(value) else value.key
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
    # Whatever the order of the files: a statement's claims by id, and its value as
    # the first of them words it ("90-100" or "nearly 100", one interval).
    for st in statements:
        if len(st.claims) > 1:
            st.claims.sort(key=claim_id)
            st.cited.sort(key=claim_id)
            st.value = st.claims[0].parsed  # type: ignore[assignment]
    return statements, quoted


def claim_id(claim: Claim) -> str:
    """A claim's sort key: its id (claims of a statement are kept in id order)."""
    return claim.id
