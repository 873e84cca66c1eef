"""Suspected relays (CC206): one quote for one value in outlets that cite no common source.

Claims of different outlets carrying the same quote for the same value, in documents
that neither cite one another nor a common document, are suspected of relaying one
source: counted as one origin until a person marks the relay ``disputed`` (its
fingerprint in :attr:`Thresholds.disputed_relays`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from claimcheck.analysis.provenance import Provenance
from claimcheck.findings import fingerprint
from claimcheck.model import Claim
from claimcheck.values.quotes import normalise_quote

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

RELAY_CODE = "CC206"


def find_relays(group: GroupEvidence) -> list[list[Claim]]:
    """The group's suspected relays, disputed or not (:meth:`GroupEvidence.relay_candidates`):
    each statement's quoted claims by quote, kept where ``cites`` does not join them."""
    if group._quoted < 2:
        return []
    out: list[list[Claim]] = []
    for st in group.statements:
        quoted = [c for c in st.claims if c.quote and c.outlet]
        if len(quoted) < 2 or len({c.outlet for c in quoted}) < 2:
            continue
        by_quote: dict[str, list[Claim]] = defaultdict(list)
        for c in quoted:
            by_quote[normalise_quote(c.quote or "")].append(c)
        for claims in by_quote.values():
            if len(claims) < 2 or len({c.outlet for c in claims}) < 2:
                continue
            if _declared_relays(group.provenance, {c.source for c in claims if c.source}):
                continue
            out.append(sorted(claims, key=lambda c: c.id))
    return out


def undisputed_relays(group: GroupEvidence) -> list[list[Claim]]:
    """The suspected relays whose fingerprint no review marks ``disputed``."""
    return [
        r
        for r in group.relay_candidates()
        if relay_fingerprint(group.subject_id, group.property_id, r)
        not in group.thresholds.disputed_relays
    ]


def _declared_relays(provenance: Provenance, docs: set[str]) -> bool:
    """Whether ``cites`` already joins these documents: one cites another, or they
    cite a common document (directly or through a chain)."""
    return len(cites_components(provenance, docs)) == 1


def cites_components(provenance: Provenance, docs: Iterable[str]) -> list[list[str]]:
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
        for r in (d, *provenance.cited(d)):
            j = reached.setdefault(r, i)
            if j != i:
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, d in enumerate(ordered):
        groups[root(i)].append(d)
    return sorted(groups.values(), key=lambda g: g[0])


def relay_key(claims: Sequence[Claim]) -> list[str]:
    """What a suspected relay is about: the value and the quote its claims carry — not
    their ids, so that one more relay of the same quote keeps its fingerprint (and a
    review saying the outlets are independent)."""
    first = claims[0]
    # Not Claim.said: an unread value is written here as it is, not as its repr, and
    # recorded reviews name these fingerprints, so the form stays.
    value = first.parsed.key if first.parsed is not None else first.value
    return [f"{first.stance}\x1e{value}", normalise_quote(first.quote or "")]


def relay_fingerprint(subject: str, prop: str, claims: Sequence[Claim]) -> str:
    return fingerprint(RELAY_CODE, subject, prop, relay_key(claims))
