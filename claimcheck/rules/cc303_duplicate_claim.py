from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.keys import duplicate_key
from claimcheck.rules.naming import stated
from claimcheck.rules.registry import register


@register
class DuplicateClaim(Rule):
    """The same subject, property, value and document recorded twice.

    "The same" also means the same claimant and stance: a headline that attributes a
    figure to the army and the body that states it as fact are two claims. A duplicate
    adds nothing; keep one.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: "14", source: rfi-doc}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: rfi-doc, claimant: medical-sources}
    """

    code = "CC303"
    name = "duplicate-claim"
    severity = "info"
    category = "integrity"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        sources = [c.source for c in ev.recorded]
        if len(set(sources)) == len(sources):
            return  # a duplicate shares its source: no two claims here do
        seen: dict[tuple[object, ...], list[Claim]] = {}
        for c in ev.recorded:
            key = duplicate_key(c)
            if key is not None:
                seen.setdefault(key, []).append(c)
        for dupes in seen.values():
            if len(dupes) > 1:
                claims = sorted(dupes, key=lambda c: c.id)
                yield Draft(
                    claims,
                    f"{ev.property_id} of {ev.subject_id}: {stated(claims[0])} from "
                    f"{claims[0].source} is recorded {len(claims)} times",
                )
