from __future__ import annotations

from collections.abc import Iterable

from claimcheck.evidence import GroupEvidence
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.common import about, stated
from claimcheck.rules.registry import register


def reason(ev: GroupEvidence, claim: Claim) -> str | None:
    if claim.source is None:
        return "no source"
    if claim.outlet is None:
        return f"document {claim.source} has no outlet"
    if ev.store.is_tertiary(claim):
        return f"rests on encyclopedia article {claim.source} alone"
    return None


@register
class Uncited(Rule):
    """A claim with no source, whose document has no outlet, or resting on an encyclopedia alone.

    Such a claim can be contradicted but corroborates nothing. An encyclopedia (an
    outlet of kind `encyclopedia`) is no source of its own: a claim recorded against an
    encyclopedia article that `cites` nothing is uncited, like Wikipedia's "citation
    needed". The claims of a group are reported together.

    Fails:

        claims:
          - {id: a, subject: battle, property: outcome, value: government-advantage, source: wiki-doc}
          - {id: b, subject: strike, property: deaths, value: 3, source: leaflet}
          - {id: c, subject: strike, property: date, value: 2023-11-07}

    Passes:

        documents:
          - {id: wiki-2, outlet: wikipedia, cites: [monde-doc]}
        claims:
          - {id: a, subject: battle, property: outcome, value: government-advantage, source: wiki-2}
          - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}
    """

    code = "CC204"
    name = "uncited"
    severity = "warning"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        # A cited claim has no reason (the loader worked out ``cited`` the same way).
        found = [(c, r) for c in ev.claims if not c.cited and (r := reason(ev, c)) is not None]
        if found:
            reasons = sorted({r for _, r in found})
            values = ", ".join(sorted({stated(c) for c, _ in found}))
            yield Draft(
                sorted((c for c, _ in found), key=lambda c: c.id),
                f"{ev.property_id} of {ev.subject_id}: {values} is uncited: {'; '.join(reasons)}",
                key=about(c for c, _ in found),
            )
