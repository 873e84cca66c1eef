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

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.findings import fingerprint
from claimcheck.model import Claim, Property, Subject
from claimcheck.provenance import Provenance
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity, Text, Value, is_unknown
from claimcheck.values.quantity import INF, disjoint, tolerance_amount

RELAY_CODE = "CC206"
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


@dataclass(slots=True)
class Statement:
    """One value, asserted or denied, and the claims that state it.

    The group fills in, on first use, the statement's support and contradictors and
    their independent origins.
    """

    stance: str
    value: Value
    claims: list[Claim] = field(default_factory=list)
    index: int = 0
    cited: list[Claim] = field(default_factory=list)
    support: list[Claim] | None = None
    contradictors: list[Claim] | None = None
    support_origins: list[list[Claim]] | None = None
    support_origin_count: int | None = None
    contradicting_origin_count: int | None = None
    #: ``stance\x1evalue key``, as finding fingerprints name what is said (see
    #: :func:`claimcheck.rules.common.about`).
    said: str | None = None

    @property
    def key(self) -> tuple[str, object]:
        return (self.stance, self.value.key)


_QUOTE_MARKS = str.maketrans("’‘«»“”", '\'\'""""')


@lru_cache(maxsize=65536)
def normalise_quote(text: str) -> str:
    """Quotes compared for relays: NFC, case-folded, one kind of quote mark, one space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_QUOTE_MARKS)
    return " ".join(text.split()).strip(" .\"'")


class GroupEvidence:
    """The claims of one (subject, property) group and how they bear on each other.

    Everything is computed on first use and kept: the relations between statements
    (a k×k table for k distinct values), each statement's support, contradictors and
    their independent origins — so that the rules, the grades and the estimates share
    one analysis of the group.
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
        #: A statement key per parsed value object, shared by the groups of one store
        #: (parsed values are shared between claims stating the same thing).
        self.value_keys: dict[int, object] = value_keys if value_keys is not None else {}
        self._quoted = 0
        #: The statement each informative claim makes (unknown values and text make none).
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
        self.statements: list[Statement] = self._statements()
        self._relays: list[list[Claim]] | None = None
        self._relay_candidates: list[list[Claim]] | None = None
        self._origins: dict[int, list[list[Claim]]] = {}
        self._relations_cache: tuple[list[list[bool]], list[list[bool]]] | None = None
        self._links_cache: tuple[dict[str, int], list[int]] | None = None
        #: When the claims sharing provenance form cliques (each claim shares a node with
        #: every claim it is linked to, through others or not), the clique of each: any
        #: subset's origins are then the cliques it meets. None when they do not.
        self._cliques: list[int] | None = None
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

    def _tolerance(self) -> float | str | None:
        if self.prop is None:
            return None
        if self.prop.tolerance is not None:
            return self.prop.tolerance
        return self.thresholds.default_tolerance if self.prop.type == "quantity" else None

    def _statements(self) -> list[Statement]:
        # One table per stance, keyed by the value alone; the list keeps the statements
        # in the order their first claims come.
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
        return statements

    # -- relations between values ----------------------------------------------------------

    def implies(self, a: Value, b: Value) -> bool:
        """Whether every truth ``a`` allows is one ``b`` allows (``a`` supports ``b``)."""
        if isinstance(a, Quantity) and isinstance(b, Quantity):
            tolerance = self.tolerance
            if tolerance is None:
                return a.low >= b.low and a.high <= b.high
            lo = b.low - tolerance_amount(tolerance, b.low, a.low)
            hi = b.high
            if hi != INF:
                hi += tolerance_amount(tolerance, b.high, a.high)
            return a.low >= lo and a.high <= hi
        if isinstance(a, DateRange) and isinstance(b, DateRange):
            days = int(self.tolerance) if isinstance(self.tolerance, int | float) else 0
            return (a.low - b.low).days >= -days and (b.high - a.high).days >= -days
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

    def _conflict(self, s: Statement, t: Statement) -> bool:
        if s.stance == "asserts" and t.stance == "asserts":
            return self.excludes(s.value, t.value)
        if s.stance == "asserts" and t.stance == "denies":
            return self.implies(s.value, t.value)
        if s.stance == "denies" and t.stance == "asserts":
            return self.implies(t.value, s.value)
        return False

    @property
    def _relations(self) -> tuple[list[list[bool]], list[list[bool]]]:
        """``supports[i][j]`` (statement i implies statement j) and ``conflicts[i][j]``."""
        if self._relations_cache is None:
            self._relations_cache = self._compute_relations()
        return self._relations_cache

    def _compute_relations(self) -> tuple[list[list[bool]], list[list[bool]]]:
        sts = self.statements
        k = len(sts)
        supports = [[i == j for j in range(k)] for i in range(k)]
        conflicts = [[False] * k for _ in range(k)]
        if k < 2:
            return supports, conflicts
        all_agree = not self.single and all(s.stance == "asserts" for s in sts)
        if self.type == "quantity" and all(s.stance == "asserts" for s in sts):
            # When every interval meets every other, nothing conflicts.
            values = [s.value for s in sts]
            highest_low = max(values, key=lambda v: v.low)  # type: ignore[union-attr]
            lowest_high = min(values, key=lambda v: v.high)  # type: ignore[union-attr]
            all_agree = all_agree or not disjoint(highest_low, lowest_high, self.tolerance)  # type: ignore[arg-type]
        for i, s in enumerate(sts):
            for j, t in enumerate(sts):
                if i == j:
                    continue
                if s.stance == t.stance:
                    if s.stance == "asserts":
                        supports[i][j] = self.implies(s.value, t.value)
                    else:  # denying more denies less
                        supports[i][j] = self.implies(t.value, s.value)
                if j > i and not all_agree and self._conflict(s, t):
                    conflicts[i][j] = conflicts[j][i] = True
        return supports, conflicts

    def statements_conflict(self, s: Statement, t: Statement) -> bool:
        """Two statements that cannot both hold."""
        return self._relations[1][s.index][t.index]

    def conflict_matrix(self) -> list[list[bool]]:
        """``m[i][j]``: statements i and j cannot both hold."""
        return self._relations[1]

    def conflicting_pairs(self) -> Iterator[tuple[Statement, Statement]]:
        """Pairs of statements that cannot both hold (each pair once)."""
        sts = self.statements
        conflicts = self._relations[1]
        for i in range(len(sts)):
            row = conflicts[i]
            for j in range(i + 1, len(sts)):
                if row[j]:
                    yield sts[i], sts[j]

    # -- support, contradiction, origins -------------------------------------------------------

    def support(self, statement: Statement) -> list[Claim]:
        """Cited claims whose own statement implies this one (its own claims included)."""
        if statement.support is None:
            statement.support = self._cited_where(self._relations[0], statement)
        return statement.support

    def contradictors(self, statement: Statement) -> list[Claim]:
        """Cited claims of statements that conflict with this one."""
        if statement.contradictors is None:
            statement.contradictors = self._cited_where(self._relations[1], statement)
        return statement.contradictors

    def _cited_where(self, matrix: list[list[bool]], statement: Statement) -> list[Claim]:
        """The cited claims of every statement i with ``matrix[i][statement]``."""
        j = statement.index
        return [c for st in self.statements if matrix[st.index][j] for c in st.cited]

    def support_origins(self, statement: Statement) -> list[list[Claim]]:
        """Independent origins among the statement's support."""
        if statement.support_origins is None:
            statement.support_origins = self.origins(self.support(statement))
        return statement.support_origins

    def support_origin_count(self, statement: Statement) -> int:
        """How many independent origins support the statement:
        ``len(self.support_origins(statement))``, counted without listing them."""
        if statement.support_origin_count is None:
            statement.support_origin_count = self.origin_count(self.support(statement))
        return statement.support_origin_count

    def contradicting_origin_count(self, statement: Statement) -> int:
        """How many independent origins contradict the statement, not counting an origin
        that also supports it: the same origin speaking twice is a revision or a
        self-contradiction (CC105, CC107), never a conflict between sources."""
        if statement.contradicting_origin_count is None:
            against = self.contradictors(statement)
            if against:
                speakers = {c.origin for c in self.support(statement)}
                against = [c for c in against if c.origin not in speakers]
            statement.contradicting_origin_count = self.origin_count(against)
        return statement.contradicting_origin_count

    @property
    def _links(self) -> tuple[dict[str, int], list[int]]:
        """Claim positions, and for each claim a bit mask of the claims it shares a node with.

        Computed once per group; any subset's origins are then connected components
        over bit masks.
        """
        if self._links_cache is None:
            self._links_cache = self._compute_links()
        return self._links_cache

    def _compute_links(self) -> tuple[dict[str, int], list[int]]:
        claims = self.claims
        position = {c.id: i for i, c in enumerate(claims)}
        nodes_of = self.provenance.nodes_of
        nodes = [nodes_of(c) for c in claims]
        links = [1 << i for i in range(len(claims))]
        for i in range(len(claims)):
            ni = nodes[i]
            for j in range(i + 1, len(claims)):
                if not ni.isdisjoint(nodes[j]):
                    links[i] |= 1 << j
                    links[j] |= 1 << i
        for relay in self.relays():
            mask = 0
            for c in relay:
                mask |= 1 << position[c.id]
            for c in relay:
                links[position[c.id]] |= mask
        self._cliques = _cliques(links)
        return position, links

    def origin_count(self, claims: Sequence[Claim]) -> int:
        """``len(self.origins(claims))``, without listing the origins when the group's
        claims form cliques of shared provenance (most groups do): the origins of any
        subset are then the cliques it meets."""
        if not claims:
            return 0
        if len(self.claims) > 512:
            return len(self._origins_general(claims))
        position, _ = self._links
        cliques = self._cliques
        if cliques is None:
            return len(self.origins(claims))
        subset = 0
        for c in claims:
            subset |= 1 << position[c.id]
        return sum(1 for clique in cliques if clique & subset)

    def origins(self, claims: Sequence[Claim]) -> list[list[Claim]]:
        """Independent origins among ``claims`` (claims of this group); relays count as one.

        Claims sharing any provenance node are one origin, transitively within ``claims``.
        Largest origin first; equal sizes in the order of their first claim.
        """
        if not claims:
            return []
        if len(self.claims) > 512:  # bit masks grow with the group: use the general method
            return self._origins_general(claims)
        position, links = self._links
        subset = 0
        for c in claims:
            subset |= 1 << position[c.id]
        found = self._origins.get(subset)
        if found is not None:
            return found
        groups: list[list[Claim]] = []
        remaining = subset
        all_claims = self.claims
        while remaining:
            low = remaining & -remaining
            component = low
            frontier = low
            while frontier:
                bit = frontier & -frontier
                frontier ^= bit
                reach = links[bit.bit_length() - 1] & subset & ~component
                component |= reach
                frontier |= reach
            remaining &= ~component
            members = []
            while component:
                bit = component & -component
                component ^= bit
                members.append(all_claims[bit.bit_length() - 1])
            groups.append(members)
        if len(groups) > 1:
            groups.sort(key=len, reverse=True)
        self._origins[subset] = groups
        return groups

    def _origins_general(self, claims: Sequence[Claim]) -> list[list[Claim]]:
        relays = self.relays()
        if not relays:
            return self.provenance.origin_groups(claims)
        index = {c.id: i for i, c in enumerate(claims)}
        linked = [[index[c.id] for c in relay if c.id in index] for relay in relays]
        return self.provenance.origin_groups(claims, [g for g in linked if len(g) > 1])

    # -- suspected relays (CC206) -----------------------------------------------------------------

    def relay_candidates(self) -> list[list[Claim]]:
        """Claims of different outlets carrying one quote for one value, not linked by ``cites``."""
        if self._relay_candidates is None:
            self._relay_candidates = self._find_relays()
        return self._relay_candidates

    def _find_relays(self) -> list[list[Claim]]:
        if self._quoted < 2:
            return []
        out: list[list[Claim]] = []
        # A relay carries one value: only a statement quoted by two outlets can hold one.
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
                if self._linked_by_cites({c.source for c in claims if c.source}):
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


def _cliques(links: list[int]) -> list[int] | None:
    """The claims' cliques, if every claim is linked to exactly the claims its links
    are linked to (shared provenance is then an equivalence); None otherwise."""
    cliques: list[int] = []
    seen = 0
    for i, mask in enumerate(links):
        if seen >> i & 1:
            continue
        rest = mask
        while rest:
            bit = rest & -rest
            rest ^= bit
            if links[bit.bit_length() - 1] != mask:
                return None
        cliques.append(mask)
        seen |= mask
    return cliques


def relay_fingerprint(subject: str, prop: str, claims: Iterable[Claim]) -> str:
    return fingerprint(RELAY_CODE, subject, prop, [c.id for c in claims])


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
        if claims is not None:
            return GroupEvidence(
                self.store, self.provenance, key, claims, self.thresholds, self._value_keys
            )
        # Not kept: a store's groups are visited once, and a million claims' analyses
        # would only cost memory.
        return GroupEvidence(
            self.store,
            self.provenance,
            key,
            self.store.groups.get(key, []),
            self.thresholds,
            self._value_keys,
        )
