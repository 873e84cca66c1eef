from __future__ import annotations

from collections.abc import Iterable

from claimcheck.evidence import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.common import about, listing
from claimcheck.rules.registry import register


@register
class StanceConflict(Rule):
    """One origin asserts what another denies.

    A claim with `stance: denies` says its value is false. An assertion conflicts with
    it when the asserted value implies the denied one (asserting 14 deaths conflicts
    with denying "at least ten"). One origin asserting and denying the same thing is a
    self-contradiction (CC107).

    Fails:

        claims:
          - {id: a, subject: wagner-group, property: present_in, value: mali, source: monde-doc}
          - {id: b, subject: wagner-group, property: present_in, value: mali, stance: denies, source: rfi-doc, claimant: wagner}

    Passes:

        claims:
          - {id: a, subject: wagner-group, property: present_in, value: mali, source: monde-doc}
          - {id: b, subject: wagner-group, property: present_in, value: strike, stance: denies, source: rfi-doc, claimant: wagner}
    """

    code = "CC104"
    name = "stance-conflict"
    severity = "error"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        involved = {}
        for s, t in ev.conflicting_pairs():
            if s.stance == t.stance:
                continue
            for a in s.claims:
                for b in t.claims:
                    if a.origin != b.origin:
                        involved[a.id] = a
                        involved[b.id] = b
        if involved:
            claims = sorted(involved.values(), key=lambda c: c.id)
            yield Draft(
                claims,
                f"{ev.property_id} of {ev.subject_id}: asserted and denied: {listing(claims)}",
                key=about(ev, claims),
            )
