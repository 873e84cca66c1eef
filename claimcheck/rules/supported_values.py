"""The values of a group the corroboration-gap rules weigh (CC201, CC202, CC205): each
stated value with the units of evidence supporting it, worked out once per group."""

from __future__ import annotations

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement, Tally


def supported_values(ev: GroupEvidence) -> list[tuple[Statement, Tally]]:
    """Each stated value with the units of evidence supporting it, when it has any
    (worked out once per group: the gap rules read it) — but a value only looser relays
    state ("a dozen" citing the army's 12): its gaps are its source's, found there; nor
    one only figures since revised or overtaken state (an NGO's early "tens of
    thousands" that the UN's later count overtook is nobody's figure now, though the
    government's 22,000 supports it), nor one only an origin's earlier figures state
    (a ministry's daily 1,596 and 1,610 before its 1,628: its latest figure's gaps are
    its gaps, not one warning a day), nor one only uncited claims state (an
    encyclopedia's "30+" beside RFI's "over thirty", or its summary "9-30" of a dispute:
    CC204 names them, and the gaps are those of the values sources state)."""
    found = ev.memo.get("supported_values")
    if found is None:
        tally = ev.tally
        looser = ev.looser_relays() if ev.relayed_from else {}
        past = ev.superseded.keys() | ev.overtaken.keys() | ev.earlier if ev.cumulative else set()
        uncited = ev.unsourced
        found = ev.memo["supported_values"] = [
            (st, t)
            for st in ev.statements
            if not (looser and all(c.id in looser for c in st.claims))
            and not (past and all(c.id in past for c in st.claims))
            and not all(not c.cited or c.id in uncited for c in st.claims)
            and (t := tally(st)).support
        ]
    return found  # type: ignore[return-value]
