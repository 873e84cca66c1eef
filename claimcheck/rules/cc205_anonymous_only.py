from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.keys import about
from claimcheck.rules.naming import stated, wording
from claimcheck.rules.registry import register
from claimcheck.rules.supported_values import supported_values


@register
class AnonymousOnly(Rule):
    """A value whose only claimants are anonymous ("officials", "medical sources").

    A party is anonymous when its `kind` is `anonymous` or it says `anonymous:
    true`. Unnamed sources may be right, but nobody can be held to the figure. An
    outlet's own words relaying them (its document `cites` theirs) are theirs too.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc, claimant: medical-sources}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc, claimant: medical-sources}
          - {id: b, subject: strike, property: deaths, value: 10, source: monde-doc}
    """

    code = "CC205"
    name = "anonymous-only"
    severity = "info"
    category = "gap"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        parties = ev.store.parties
        for st, tally in supported_values(ev):
            if tally.support.named:
                continue
            support = ev.support(st)
            # A relay speaks for its source: an outlet's own words citing the anonymous
            # officials it has them from name nobody either.
            sources = [ev.relayed_from.get(c.id, c) for c in support]
            if all(c.claimant in parties and parties[c.claimant].is_anonymous for c in sources):
                names = ", ".join(sorted({c.speaker for c in sources}))
                yield Draft(
                    sorted(support, key=lambda c: c.id),
                    f"{ev.property_id} of {ev.subject_id}: {stated(wording(ev, st))} comes only from "
                    f"anonymous sources ({names})",
                    key=about(ev, [wording(ev, st)]),
                )
