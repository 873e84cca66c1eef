from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.registry import register
from claimcheck.rules.revisions import revisions


@register
class TollDecrease(Rule):
    """One origin reports a cumulative quantity lower at a later `as_of`.

    A running toll may be corrected downward (double counting, victims found alive),
    but it is unusual enough to deserve a look and a note.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 10, source: rfi-doc-2}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: rfi-doc-2}
    """

    code = "CC106"
    name = "toll-decrease"
    severity = "warning"
    category = "revision"
    applies_to = frozenset({"quantity"})

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        return revisions(ev, upward=False)
