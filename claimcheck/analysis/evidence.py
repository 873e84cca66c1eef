"""Evidence: the analysis of a store's (subject, property) groups, one group at a time.

Every rule, the grades and the estimates work on groups, never on all pairs of a store;
:class:`~claimcheck.analysis.group.GroupEvidence` is one group's analysis.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.statements import Thresholds
from claimcheck.model import Claim
from claimcheck.store import Store


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
