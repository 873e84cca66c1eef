from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.keys import about
from claimcheck.rules.naming import stated, wording
from claimcheck.rules.registry import register
from claimcheck.rules.supported_values import supported_values


@register
class InterestedOnly(Rule):
    """A value supported only by claimants from a side involved in the subject.

    A subject's `sides` (inherited from what it is `part_of`) are the sides
    involved; a party's `side` — or, for state or party media, the side of the
    party in its `affiliation` — says whom a claimant speaks for. A value that only
    the interested sides assert is a claim, not a finding of fact. A value both opposing
    sides support is common ground, not flagged; neither is a denial a neutral source
    supports by asserting something else (for a single-valued category or entity,
    asserting X denies every other value).

    Fails:

        claims:
          - {id: a, subject: battle, property: outcome, value: government-advantage, source: monde-doc, claimant: malian-officials}

    Passes:

        claims:
          - {id: a, subject: battle, property: outcome, value: government-advantage, source: monde-doc, claimant: malian-officials}
          - {id: b, subject: battle, property: outcome, value: government-advantage, source: figaro-doc}
    """

    code = "CC202"
    name = "interested-only"
    severity = "warning"
    category = "gap"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        if not ev.sides:
            return
        for st, tally in supported_values(ev):
            sides = tally.support.sides
            # Any neutral support, or two sides agreeing (common ground): not interested-only.
            if tally.support.neutral or len(sides) != 1:
                continue
            support = ev.support(st)
            claimants = sorted({ev.voice(c) for c in support if ev.interested_side(c)})
            relays = sorted({ev.voice(c) for c in support} - set(claimants))
            if not claimants:  # only relays of it remain: name whom they relay
                claimants = sorted(
                    {ev.provenance.speaker(ev.relayed_from.get(c.id, c)) for c in support}
                )
            relayed = f", relayed by {', '.join(relays)}" if relays else ""
            found = sorted(support, key=lambda c: c.id)
            shown = wording(ev, st)
            yield Draft(
                found,
                f"{ev.property_id} of {ev.subject_id}: {stated(shown)} is claimed only by "
                f"{', '.join(claimants)} (side {sides[0]}), a "
                f"party to it{relayed}",
                key=about(ev, [shown]),
                record=shown.id if shown in support else found[0].id,
            )
