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
