"""The figures an origin revised since: the earlier steps of its toll revisions, which
a track record judges by the later word (outlets and parties alike)."""

from __future__ import annotations

from claimcheck.analysis.timing import repeat_dates
from claimcheck.results import Result
from claimcheck.rules.cc105_toll_revision import TollRevision
from claimcheck.rules.cc106_toll_decrease import TollDecrease
from claimcheck.rules.cc107_self_contradiction import SelfContradiction

_STEPS = frozenset({TollRevision.code, TollDecrease.code})


def earlier_steps(result: Result) -> set[str]:
    """Claims whose origin has given a later figure since: the earlier steps of a toll
    revision (CC105) or decrease (CC106), and the words a later word replaced on a
    property with one true value (CC107's ``replaced``). What a party's claim counts as "revised" in
    its track record, with the claims recorded superseded.

    Not the report's note on a row (:func:`claimcheck.report.build._row_notes`), on
    purpose: a track record judges an origin by its own findings — did it move its
    figure? — so it counts the claims of the revision findings it was given (with their
    relays); the report's note says whether a figure still stands beside the group's
    latest word, its origin's or another's (overtaken), found by the group's analysis.
    """
    claims = result.store.claims
    out: set[str] = set()
    for f in result.findings:
        if f.rule == SelfContradiction.code:
            # (of a property with one true value: the words its later word replaced)
            out.update(f.details.get("replaced", ()))
        if f.rule not in _STEPS:
            continue
        mine = [c for cid in f.claims if (c := claims.get(cid)) is not None]
        # (a party's old figure quoted again later is dated when the party gave it)
        repeats = repeat_dates(result.provenance, mine, lambda c: c.said)
        dated = [(c.id, repeats.get(c.id, c.as_of)) for c in mine]
        known = [(cid, d) for cid, d in dated if d is not None and d.known]
        if known:
            # Held strictly before another figure of the finding: not its origin's last word.
            latest = max(d.low for _, d in known)
            out.update(cid for cid, d in known if d.high < latest)
        # (nor one that a later story of its outlet citing it gives another figure:
        # corrected, the same day or not — not one a relay of it cites, still its word)
        said_in: dict[str | None, set[str]] = {}
        for c in mine:
            said_in.setdefault(c.source, set()).add(c.said)
        cited = {
            (c.outlet, doc)
            for c in mine
            if c.source is not None
            for doc in result.provenance.cited(c.source)
            if said_in.get(doc, set()) - {c.said}
        }
        out.update(c.id for c in mine if (c.outlet, c.source) in cited)
    return out
