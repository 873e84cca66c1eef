"""What findings and records are keyed by: the values (:func:`about`) and origins
(:func:`origin_key`) a finding's fingerprint rests on, so that a new source of a value
already in it leaves it as it was; and what makes two claims one record written twice
(:func:`duplicate_key`)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim


def about(ev: GroupEvidence, claims: Iterable[Claim]) -> list[str]:
    """What a finding on these claims is about, for its fingerprint: the distinct values
    they state (stance and value, as the value reads, not as it is written).

    A new source or a relay of a value already in the finding leaves the fingerprint —
    and a review of the finding — as it was; a new value changes it (DESIGN §4).
    """
    by_claim = ev.statement_by_claim
    found: set[str] = set()
    for c in claims:
        st = by_claim.get(c.id)
        if st is None:
            # (a claim outside every statement states nothing comparable: text, unknown)
            found.add(c.said)
            continue
        if st.said is None:  # (as Claim.said has it; the same for every claim of it)
            st.said = f"{st.stance}\x1e{st.value.key!r}"
        found.add(st.said)
    return sorted(found)


def duplicate_key(claim: Claim) -> tuple[object, ...] | None:
    """What makes two claims one record written twice (``CC303``, and ``check``'s list of
    candidates that duplicate the store): the same value as it reads, document, claimant
    and stance. ``None`` for a claim with no document: two unsourced claims may be two
    statements."""
    if not claim.source:
        return None
    value = claim.parsed.key if claim.parsed is not None else repr(claim.value)
    return (value, claim.source, claim.claimant, claim.stance)


def origin_key(ev: GroupEvidence, origin: int) -> str:
    """An origin as a fingerprint names it: its key (``party:csp``), whoever of it speaks."""
    return ev.provenance.origin_key(ev.by_origin()[origin][0])
