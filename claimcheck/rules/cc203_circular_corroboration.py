from __future__ import annotations

from collections.abc import Iterable

from claimcheck.evidence import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.common import about, shared_nodes, stated, supported_values
from claimcheck.rules.registry import register


@register
class CircularCorroboration(Rule):
    """A value that looks multi-sourced but whose sources share an owner, a claimant or a citation chain.

    Counting outlets, the value has several sources; counting independent origins, it
    has fewer: RFI and France 24 have one owner, two papers quoting the same "medical
    sources" relay one voice, and an article that `cites` another repeats it.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: f24-doc}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: monde-doc}
    """

    code = "CC203"
    name = "circular-corroboration"
    severity = "warning"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        seen: set[frozenset[str]] = set()
        for st, support in supported_values(ev):
            outlets = {c.outlet for c in support}
            if len(outlets) < 2:
                continue
            if ev.support_origin_count(st) >= len(outlets):
                continue
            origins = ev.support_origins(st)
            ids = frozenset(c.id for c in support)
            if ids in seen:
                continue
            seen.add(ids)
            shared = sorted(
                {ev.provenance.describe(n) for g in origins for n in shared_nodes(ev, g)}
            )
            yield Draft(
                sorted(support, key=lambda c: c.id),
                f"{ev.property_id} of {ev.subject_id}: {stated(st.claims[0])} appears in "
                f"{len(outlets)} outlets but traces to {len(origins)} origin"
                f"{'s' if len(origins) != 1 else ''}: they share {', '.join(shared) or 'a relay'}",
                key=about(ev, support),
                details={
                    "outlets": sorted(o for o in outlets if o),
                    "origins": len(origins),
                    "shared": shared,
                },
            )
