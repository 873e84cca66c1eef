"""A store's evidence: the analysis of its (subject, property) groups, one at a time.

"Evidence" names one idea at two scales: :class:`StoreEvidence` (here) makes each
group's :class:`~claimcheck.analysis.group.GroupEvidence` — who said what, origins,
statements, tallies, conflicts — and :attr:`GroupEvidence.counted` are the claims of a
group that count for and against its values. Every rule, the grades and the estimates
work on groups, never on all pairs of a store.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.statements import Thresholds
from claimcheck.model import Claim
from claimcheck.store import Store
from claimcheck.values import DateRange


class StoreEvidence:
    """The evidence of a store's groups, each a :class:`GroupEvidence` built on demand
    (and not kept: a check visits each group once)."""

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

    def groups(
        self, key: tuple[str, str], claims: Sequence[Claim] | None = None
    ) -> list[GroupEvidence]:
        """The group's evidence as the rules judge it: one :class:`GroupEvidence` — or,
        for a property whose values rise and fall (``varies``: people held, displaced),
        one a day, in day order (claims of no known day last): only values of one day
        can conflict, and each origin's figure of a day is its word of that day."""
        if claims is None:
            claims = self.store.groups.get(key, [])
        prop = self.store.properties.get(key[1])
        if prop is None or not prop.varies:
            return [self.group(key, claims)]
        days: dict[tuple[object, ...], tuple[DateRange | None, list[Claim]]] = {}
        for c, day in zip(claims, days_of(self.provenance, claims), strict=True):
            at = (0, day.low, day.high) if day is not None else (1,)
            days.setdefault(at, (day, []))[1].append(c)
        return [
            GroupEvidence(
                self.store,
                self.provenance,
                key,
                day_claims,
                self.thresholds,
                self._value_keys,
                day,
            )
            for _, (day, day_claims) in sorted(days.items())
        ]


def latest(evs: list[GroupEvidence]) -> GroupEvidence:
    """Of a group's evidence by day (:meth:`StoreEvidence.groups`), the latest day's:
    the last dated one, else the one group. What holds now: its estimate is the
    group's, and its gaps in corroboration the only ones told."""
    dated = [ev for ev in evs if ev.day is not None]
    return dated[-1] if dated else evs[-1]


def days_of(provenance: Provenance, claims: Sequence[Claim]) -> list[DateRange | None]:
    """Each claim's day, for a property whose values vary: its ``as_of`` — or, for a
    claim with no date of its own in a document citing one where the same value was
    given (a party's word: where that party gave a value of this group), that value's
    day: a radio repeating on the 14th the wire's count of the 8th, citing the wire's
    dispatch, gives the count of the 8th, not a count of the 14th (an analyst's trial
    read it as a dispute with the mediator's count of the 14th)."""
    by_document: dict[str, list[Claim]] = {}
    for c in claims:
        if c.source is not None:
            by_document.setdefault(c.source, []).append(c)
    out: list[DateRange | None] = []
    for c in claims:
        day = c.as_of if c.as_of is not None and c.as_of.known else None
        if day is not None and not c.as_of_given and c.source is not None:
            said = [
                k.as_of
                for doc in provenance.cited(c.source)
                for k in by_document.get(doc, ())
                if (k.claimant == c.claimant if c.quoting else _same(k, c))
                and k.as_of is not None
                and k.as_of.known
                and k.as_of.high <= day.low
            ]
            if said:
                day = max(said, key=lambda d: (d.high, d.low))
        out.append(day)
    return out


def _same(a: Claim, b: Claim) -> bool:
    """Whether two claims state one value (as read) the same way."""
    return (
        a.stance == b.stance
        and a.parsed is not None
        and b.parsed is not None
        and getattr(a.parsed, "key", a.parsed) == getattr(b.parsed, "key", b.parsed)
    )
