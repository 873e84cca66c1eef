from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.conflict_draft import conflict_draft
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
    category = "conflict"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        draft = conflict_draft(ev, ev.stance_conflicts(), "asserted and denied")
        if draft is not None:
            yield draft
