from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.credit import UNATTRIBUTED
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.relays import RELAY_CODE, relay_key, unattributed_key
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.naming import stated, who
from claimcheck.rules.registry import register


@register
class SuspectedRelay(Rule):
    """Documents of different outlets carry the same quote for one subject, property and value.

    One probably copies the other, or both copy a common wire, though no `cites` says
    so. Until a person records otherwise they count as one origin. To settle it, add
    `cites` to the relaying document, or review this finding with verdict
    `disputed` (they are independent after all) and they count as two. Outlets quoting
    one party's words (each claim's `claimant` is that party) are expected to match and
    are one origin already: not flagged.

    So is a figure an outlet prints in its own words, citing nothing, that one side's
    voice gave as worded that day or before — the police's 8,000 in the wire, the
    Evening Post's unattributed "8,000 marched" — and no neutral voice by then (a
    neutral party; a UN office's, an NGO's or a party's media's own figure; an outlet's
    own printed before any side's): probably the side's word without its name, counted
    as the side's until a person records otherwise (`cites`, a `claimant`, or a review
    `disputed` when the outlet counted it itself). Not an outlet standing behind a
    figure of its own (one no side gave by its day), nor a vague word. Left as an
    independent neutral count, it confirmed the police's figure and made the counting
    firm's 22,000 doubtful.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: monde-doc, quote: "Quatorze civils ont été tués."}
          - {id: b, subject: strike, property: deaths, value: 14, source: figaro-doc, quote: "quatorze civils ont été tués"}

    Passes:

        documents:
          - {id: relay, outlet: le-figaro, cites: [monde-doc]}
        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: monde-doc, quote: "Quatorze civils ont été tués."}
          - {id: b, subject: strike, property: deaths, value: 14, source: relay, quote: "Quatorze civils ont été tués."}
    """

    code = RELAY_CODE  # the analysis fingerprints relays under it (reviews mark them)
    name = "suspected-relay"
    severity = "info"
    category = "gap"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        parties = ev.store.parties
        for claims in ev.relay_candidates():
            # Outlets quoting one party's words verbatim are expected to match, and the
            # party is their one origin already: nothing to suspect.
            said_by = {c.claimant for c in claims}
            if len(said_by) == 1 and claims[0].claimant in parties:
                continue
            by_doc: dict[str, list[Claim]] = {}
            for c in claims:
                by_doc.setdefault(c.source or "", []).append(c)
            parts = []
            for docs in ev.cites_components(by_doc):
                outlets = sorted({c.outlet or "" for d in docs for c in by_doc[d]})
                text = ", ".join(outlets)
                if len(docs) > 1:
                    text += " (whose documents cite one another or a common one)"
                parts.append(text)
            # Who speaks in them, unless only the outlets themselves do (named already).
            speakers = ", ".join(sorted({who(c) for c in claims}))
            voices = f" ({speakers})" if any(c.speaker != c.outlet for c in claims) else ""
            yield Draft(
                claims,
                f"{ev.property_id} of {ev.subject_id}: {stated(claims[0])} — the same quote in "
                f"documents of {'; and of '.join(parts) if len(parts) < len(by_doc) else ', '.join(parts)}"
                f"{voices}, with no `cites` between them; counted as one origin until reviewed",
                key=relay_key(claims),
            )
        yield from _unattributed(ev)


def _unattributed(ev: GroupEvidence) -> Iterable[Draft]:
    """A side's figure printed as an outlet's own: one finding per outlet and value,
    naming its stories and the side's words they may copy."""
    found = ev.unattributed_side_figures()
    if not found:
        return
    by_id = {c.id: c for c in ev.claims}
    by_outlet: dict[tuple[str | None, str], list[tuple[Claim, Claim]]] = {}
    for cid, source in sorted(found.items()):
        if cid in ev.relayed_from and ev.relay_reasons[cid][0] != UNATTRIBUTED:
            continue  # (credited to another's word already: a citation, say)
        printed = by_id[cid]
        by_outlet.setdefault((printed.outlet, printed.said), []).append((printed, source))
    for pairs in by_outlet.values():
        printed, source = pairs[0]
        stories = ", ".join(dict.fromkeys(p.source or "" for p, _ in pairs))
        words = ", ".join(dict.fromkeys(s.id for _, s in pairs))
        # (the party a channel of its own speaks for: state television's figure is the
        # government's)
        speaker = ev.provenance.speaker(source)
        yield Draft(
            sorted({c.id: c for pair in pairs for c in pair}.values(), key=lambda c: c.id),
            f"{ev.property_id} of {ev.subject_id}: {stated(printed)} in {printed.outlet}'s "
            f"own words ({stories}), citing nothing, is the figure {speaker} gave "
            f"that day or before ({words}): probably {speaker}'s word, counted as "
            "such until reviewed — add `cites` if it had it from there, or, if the outlet "
            "counted it itself, set the reporter as `claimant` (a `journalist` party) or "
            "review this finding `disputed`",
            key=unattributed_key(printed),
            record=printed.id,
        )
