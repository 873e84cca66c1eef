"""The cited claims of a group that no source stands behind (:func:`unsourced`): an
encyclopedia's figure that none of the documents it cites gives, an outlet named for a
figure its cited documents do not give, a summary of a dispute, and the relays of those
— judged as uncited (CC204).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def unsourced(ev: GroupEvidence) -> frozenset[str]:
    """The cited claims no source stands behind (:attr:`GroupEvidence.unsourced`): an
    encyclopedia's figure none of the documents it cites gives, where they are all
    recorded in the group — its infobox's 40 citing an OSINT list of "at least 12" is
    no neutral origin confirming the rebels' 40 (an OSINT analyst's trial; DESIGN §2:
    an encyclopedia is no source of its own) — and a claim relaying such a figure, or
    one resting on an encyclopedia alone (a paper citing the encyclopedia that cites
    nothing: citogenesis)."""
    outlets, cited = ev.store.outlets, ev.provenance.cited_sorted
    found: set[str] = set()
    documents: set[str] | None = None  # (the group's, when first needed)
    for c in ev.claims:
        if c.cited and c.id not in ev.relayed_from:
            refs: list[str] = []
            if ev.store.in_tertiary(c):
                refs = cited(c.source or "")
            elif c.claimant in outlets and c.claimant != c.outlet:
                # (an outlet named for it — "35, according to Sahel Wire" — citing that
                # outlet's dispatch, which gives 30 and 8: no source stands behind the
                # 35, not the wire's own count — an analyst's trial)
                refs = named_documents(ev, c)
            # (only where all it cites is recorded here: a reference the store holds
            # nothing of gets the benefit of the doubt)
            if refs:
                if documents is None:
                    documents = {d.source for d in ev.claims if d.source is not None}
                if all(doc in documents for doc in refs):
                    found.add(c.id)
    # (a summary of a dispute, whatever else it cites: no source of its own — a desk's
    # trial: citing one more, unrelated document made it a neutral origin)
    found.update(ev.summaries)
    for cid, source in ev.relayed_from.items():
        if source.id in found or ev.store.is_tertiary(source):
            found.add(cid)
    return frozenset(found)


def named_documents(ev: GroupEvidence, claim: Claim) -> list[str]:
    """The documents ``claim`` cites that the outlet it names as claimant (or its
    owner's outlets) published: "according to Sahel Wire", citing the wire's dispatch."""
    named = ev.store.outlets.get(claim.claimant or "")
    if named is None:
        return []
    prov = ev.provenance
    return [d for d in prov.cited_sorted(claim.source or "") if prov.published_by(d, named)]
