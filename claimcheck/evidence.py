"""What the claims of one (subject, property) group say about each other.

Every rule, the grades and the estimates work on groups, never on all pairs of a store.
For a group this module finds the distinct *statements* (one value, asserted or
denied), which statements imply or exclude which, and which claims support or
contradict a value — counting supporters by independent origin through the
provenance graph. It is computed once per group and shared.

Words used throughout:

* a claim **supports** a value when its own value implies it: ``14`` supports ``14+``
  and ``at least ten``; ``at least ten`` does not support ``14`` (it is only consistent).
* two asserted values **conflict** when no single truth satisfies both (disjoint
  intervals, different categories of a single-valued property); an assertion and a
  denial conflict when the assertion implies the denied value.
* only **cited** claims count as evidence: a claim with no source, or resting on an
  encyclopedia alone, can be contradicted but corroborates nothing (see CC204).
* unknown values and text never conflict and never corroborate.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from claimcheck.findings import fingerprint
from claimcheck.model import Claim, Property, Subject
from claimcheck.provenance import Provenance
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity, Text, Value, is_unknown
from claimcheck.values.quantity import INF, disjoint, tolerance_amount

RELAY_CODE = "CC206"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Settings that change what counts as agreement and corroboration."""

    #: Tolerance for quantity properties that set none (absolute, or "10%").
    default_tolerance: float | str | None = None
    #: Independent origins needed for a value to count as confirmed.
    corroborated_at: int = 2
    #: Fingerprints of suspected relays a person marked ``disputed`` (not relays).
    disputed_relays: frozenset[str] = frozenset()


@dataclass(slots=True)
class Statement:
    """One value, asserted or denied, and the claims that state it."""

    stance: str
    value: Value
    claims: list[Claim] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, object]:
        return (self.stance, self.value.key)


_QUOTE_MARKS = str.maketrans("’‘«»“”", '\'\'""""')


def normalise_quote(text: str) -> str:
    """Quotes compared for relays: NFC, case-folded, one kind of quote mark, one space."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.translate(_QUOTE_MARKS)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip(" .\"'")


class GroupEvidence:
    """The claims of one (subject, property) group and how they bear on each other."""

    def __init__(
        self,
        store: Store,
        provenance: Provenance,
        key: tuple[str, str],
        claims: Sequence[Claim],
        thresholds: Thresholds = Thresholds(),
    ) -> None:
        self.store = store
        self.provenance = provenance
        self.subject_id, self.property_id = key
        self.prop: Property | None = store.properties.get(self.property_id)
        self.subject: Subject | None = store.subjects.get(self.subject_id)
        self.thresholds = thresholds
        #: Every claim given, and the active ones with a readable value, in store order.
        self.all_claims: list[Claim] = list(claims)
        self.claims: list[Claim] = [c for c in claims if c.active and c.parsed is not None]
        self.tolerance = self._tolerance()
        self.statements: list[Statement] = self._statements()
        self._implies: dict[tuple[int, int], bool] = {}
        self._excludes: dict[tuple[int, int], bool] = {}
        self._cited = {c.id: store.is_cited(c) for c in self.claims}
        self._relays: list[list[Claim]] | None = None

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

    def cited(self, claim: Claim) -> bool:
        return self._cited.get(claim.id, False)

    def _tolerance(self) -> float | str | None:
        if self.prop is None:
            return None
        if self.prop.tolerance is not None:
            return self.prop.tolerance
        return self.thresholds.default_tolerance if self.prop.type == "quantity" else None

    def _statements(self) -> list[Statement]:
        by_key: dict[tuple[str, object], Statement] = {}
        for claim in self.claims:
            value = claim.parsed
            assert value is not None
            if isinstance(value, Text) or is_unknown(value):
                continue
            k = (claim.stance, value.key)
            st = by_key.get(k)
            if st is None:
                st = by_key[k] = Statement(claim.stance, value)
            st.claims.append(claim)
        return list(by_key.values())

    # -- relations between values ----------------------------------------------------------

    def implies(self, a: Value, b: Value) -> bool:
        """Whether every truth ``a`` allows is one ``b`` allows (``a`` supports ``b``)."""
        if isinstance(a, Quantity) and isinstance(b, Quantity):
            lo = b.low - tolerance_amount(self.tolerance, b.low, a.low)
            hi = (
                b.high
                if b.high == INF
                else b.high + tolerance_amount(self.tolerance, b.high, a.high)
            )
            return a.low >= lo and a.high <= hi
        if isinstance(a, DateRange) and isinstance(b, DateRange):
            days = int(self.tolerance) if isinstance(self.tolerance, int | float) else 0
            return a.overlaps(b, days) and (
                (a.low - b.low).days >= -days and (b.high - a.high).days >= -days
            )
        return a.key == b.key

    def excludes(self, a: Value, b: Value) -> bool:
        """Whether two asserted values cannot both be true (for a single-valued property)."""
        if not self.single:
            return False
        if isinstance(a, Quantity) and isinstance(b, Quantity):
            return disjoint(a, b, self.tolerance)
        if isinstance(a, DateRange) and isinstance(b, DateRange):
            days = int(self.tolerance) if isinstance(self.tolerance, int | float) else 0
            return not a.overlaps(b, days)
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

    def conflicting_pairs(self) -> Iterator[tuple[Statement, Statement]]:
        """Pairs of statements that cannot both hold (each pair once)."""
        sts = self.statements
        if len(sts) < 2:
            return
        if self.single and self.type == "quantity" and all(s.stance == "asserts" for s in sts):
            # Fast path: when every interval meets every other, nothing conflicts.
            values = [s.value for s in sts]
            highest_low = max(values, key=lambda v: v.low)  # type: ignore[union-attr]
            lowest_high = min(values, key=lambda v: v.high)  # type: ignore[union-attr]
            if not disjoint(highest_low, lowest_high, self.tolerance):  # type: ignore[arg-type]
                return
        for i, s in enumerate(sts):
            for t in sts[i + 1 :]:
                if self.statements_conflict(s, t):
                    yield s, t

    # -- support, contradiction, origins -------------------------------------------------------

    def support(self, statement: Statement) -> list[Claim]:
        """Cited claims whose own statement implies this one (its own claims included)."""
        out: list[Claim] = []
        for other in self.statements:
            if other.stance != statement.stance:
                continue
            if other is statement or (
                self.implies(other.value, statement.value)
                if statement.stance == "asserts"
                else self.implies(statement.value, other.value)
            ):
                out.extend(c for c in other.claims if self.cited(c))
        return out

    def contradictors(self, statement: Statement) -> list[Claim]:
        """Cited claims of statements that conflict with this one."""
        out: list[Claim] = []
        for other in self.statements:
            if other is not statement and self.statements_conflict(statement, other):
                out.extend(c for c in other.claims if self.cited(c))
        return out

    def origins(self, claims: Sequence[Claim]) -> list[list[Claim]]:
        """Independent origins among ``claims``; suspected relays count as one."""
        if not claims:
            return []
        index = {c.id: i for i, c in enumerate(claims)}
        linked = [
            [index[c.id] for c in relay if c.id in index]
            for relay in self.relays()
            if len(relay) > 1
        ]
        return self.provenance.origin_groups(claims, [g for g in linked if len(g) > 1])

    def statement_of(self, claim: Claim) -> Statement | None:
        for st in self.statements:
            if claim in st.claims:
                return st
        return None

    # -- suspected relays (CC206) -----------------------------------------------------------------

    def relay_candidates(self) -> list[list[Claim]]:
        """Claims of different outlets carrying one quote for one value, not linked by ``cites``."""
        by_quote: dict[tuple[str, object], list[Claim]] = defaultdict(list)
        for st in self.statements:
            for c in st.claims:
                if c.quote and c.source and c.outlet:
                    by_quote[(normalise_quote(c.quote), st.key)].append(c)
        out: list[list[Claim]] = []
        for claims in by_quote.values():
            outlets = {c.outlet for c in claims}
            if len(outlets) < 2:
                continue
            docs = {c.source for c in claims if c.source}
            if self._linked_by_cites(docs):
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

    def _linked_by_cites(self, docs: set[str]) -> bool:
        """Whether ``cites`` already connects these documents (a recorded relay)."""
        ordered = sorted(docs)
        reach = {d: self.provenance.document_nodes(d) for d in ordered}
        joined = {ordered[0]}
        grew = True
        while grew:
            grew = False
            for d in ordered:
                if d in joined:
                    continue
                if any(f"document:{d}" in reach[j] or f"document:{j}" in reach[d] for j in joined):
                    joined.add(d)
                    grew = True
        return len(joined) == len(ordered)


def relay_fingerprint(subject: str, prop: str, claims: Iterable[Claim]) -> str:
    return fingerprint(RELAY_CODE, subject, prop, [c.id for c in claims])


class Evidence:
    """Evidence for every group of a store, built lazily and cached."""

    def __init__(
        self,
        store: Store,
        thresholds: Thresholds = Thresholds(),
        provenance: Provenance | None = None,
    ) -> None:
        self.store = store
        self.thresholds = thresholds
        self.provenance = provenance or Provenance(store)
        self._groups: dict[tuple[str, str], GroupEvidence] = {}

    def group(self, key: tuple[str, str], claims: Sequence[Claim] | None = None) -> GroupEvidence:
        if claims is not None:
            return GroupEvidence(self.store, self.provenance, key, claims, self.thresholds)
        ev = self._groups.get(key)
        if ev is None:
            ev = GroupEvidence(
                self.store, self.provenance, key, self.store.groups.get(key, []), self.thresholds
            )
            self._groups[key] = ev
        return ev

    def groups(self, keys: Iterable[tuple[str, str]] | None = None) -> Iterator[GroupEvidence]:
        for key in keys if keys is not None else self.store.groups:
            yield self.group(key)
