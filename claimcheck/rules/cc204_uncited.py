from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.unsourced import named_documents
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.keys import about
from claimcheck.rules.naming import stated, who
from claimcheck.rules.registry import register


def reason(ev: GroupEvidence, claim: Claim) -> str | None:
    if claim.source is None:
        return "no source"
    if claim.outlet is None:
        return f"document {claim.source} has no outlet"
    if ev.store.is_tertiary(claim):
        return f"rests on encyclopedia article {claim.source} alone"
    retracted = ev.relaying_retracted.get(claim.id)
    if retracted is not None:  # (still in print, on a story taken back: a desk's ask)
        return f"{claim.id} relays {retracted.id} ({retracted.speaker}), retracted"
    if claim.id in ev.unsourced:
        source = ev.relayed_from.get(claim.id)
        if source is not None:  # (a paper citing the encyclopedia that cites nothing)
            return f"relays {source.id}, which rests on {source.source or 'nothing'} alone"
        named = (
            named_documents(ev, claim)
            if claim.claimant in ev.store.outlets and claim.claimant != claim.outlet
            else []
        )
        if named:  # (an outlet named for it, whose dispatch does not give it)
            return (
                f"{claim.source} names {claim.claimant} for it, citing {', '.join(named)}, "
                f"which do{'es' if len(named) == 1 else ''} not give it"
            )
        refs = ev.provenance.cited_sorted(claim.source or "")
        st = ev.statement_by_claim.get(claim.id)
        others = sorted(
            {
                d.speaker
                for d in ev.claims
                if d.source in refs and st is not None and ev.statement_by_claim.get(d.id) is st
            }
        )
        if others:  # (the figure is there, in another voice)
            return (
                f"encyclopedia article {claim.source} cites {', '.join(refs)}, where "
                f"{', '.join(others)} gives it, not {claim.speaker}"
            )
        within = ev.summaries.get(claim.id)
        if within:  # (a range spanning their figures: attribution.tertiary_source)
            return (
                f"encyclopedia article {claim.source} cites {', '.join(refs)}, where "
                f"{', '.join(within)} give figures within it: a summary of their dispute"
            )
        return f"encyclopedia article {claim.source} cites {', '.join(refs)}, which do not give it"
    return None


@register
class Uncited(Rule):
    """A claim with no source, whose document has no outlet, resting on an encyclopedia alone, or relaying a retracted claim.

    Such a claim can be contradicted but corroborates nothing. A claim relaying one
    since retracted (its document cites the retracted one's, or prints its words) has
    no source left standing: still in print, it is what a desk asks to correct. An
    encyclopedia (an
    outlet of kind `encyclopedia`) is no source of its own: a claim recorded against an
    encyclopedia article that `cites` nothing is uncited, like Wikipedia's "citation
    needed"; so is one whose cited documents do not give its figure (an infobox's 40
    citing an OSINT list of "at least 12"), and a claim relaying a figure that rests on
    an encyclopedia alone (a paper citing the encyclopedia: citogenesis). The claims of
    a group are reported together.

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
    category = "gap"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        # A cited claim has no reason (the loader worked out ``cited`` the same way).
        found = [
            (c, r)
            for c in ev.recorded
            if (not c.cited or c.id in ev.unsourced or c.id in ev.relaying_retracted)
            and (r := reason(ev, c)) is not None
        ]
        if found:
            reasons = sorted({r for _, r in found})
            values = sorted({stated(c) for c, _ in found})
            yield Draft(
                sorted((c for c, _ in found), key=lambda c: c.id),
                f"{ev.property_id} of {ev.subject_id}: {', '.join(values)} "
                f"{'is' if len(values) == 1 else 'are'} uncited: {'; '.join(reasons)}"
                f"{_elsewhere(ev, [c for c, _ in found], values)}",
                key=about(ev, [c for c, _ in found]),
            )


def _elsewhere(ev: GroupEvidence, uncited: list[Claim], values: list[str]) -> str:
    """Whether cited claims give the same values: the uncited claims then add nothing,
    but the values are not unsupported."""
    backing: dict[str, set[str]] = {}
    for c in uncited:
        st = ev.statement_by_claim.get(c.id)
        if st is not None:
            backing.setdefault(stated(c), set()).update(who(s) for s in ev.support(st))
    if not any(backing.values()):
        return f"; no cited claim gives {'it' if len(values) == 1 else 'them'}"
    if len(values) == 1:
        return f" (cited claims give it: {', '.join(sorted(backing[values[0]]))})"
    given = [f"{v} by {', '.join(sorted(backing[v]))}" for v in values if backing.get(v)]
    missing = [v for v in values if not backing.get(v)]
    rest = f"; {', '.join(missing)} by none" if missing else ""
    return f" (cited claims give {'; '.join(given)}{rest})"
