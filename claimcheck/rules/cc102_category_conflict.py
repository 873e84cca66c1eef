from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.conflict_draft import conflict_draft
from claimcheck.rules.registry import register


@register
class CategoryConflict(Rule):
    """Two origins give different values of a single-valued category or entity property.

    `unknown` agrees with anything. A property marked `single: false` (the
    belligerents of a battle, the places a force is present in) can hold several values
    at once, so different values there do not conflict.

    Fails:

        claims:
          - {id: a, subject: battle, property: outcome, value: government-advantage, source: monde-doc, claimant: malian-officials}
          - {id: b, subject: battle, property: outcome, value: rebel-advantage, source: rfi-doc, claimant: csp-psd}

    Passes:

        claims:
          - {id: a, subject: battle, property: present_in, value: mali, source: monde-doc}
          - {id: b, subject: battle, property: present_in, value: wagner-group, source: rfi-doc}
          - {id: c, subject: battle, property: outcome, value: unknown, source: figaro-doc}
          - {id: d, subject: battle, property: outcome, value: stalemate, source: rfi-doc}
    """

    code = "CC102"
    name = "category-conflict"
    severity = "error"
    category = "conflict"
    applies_to = frozenset({"category", "entity"})

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        if ev.type not in ("category", "entity") or not ev.single:
            return
        draft = conflict_draft(ev, ev.conflicts(), "sources disagree")
        if draft is not None:
            yield draft
