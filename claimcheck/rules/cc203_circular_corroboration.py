from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.keys import about, origin_key
from claimcheck.rules.naming import stated, wording
from claimcheck.rules.registry import register


@register
class CircularCorroboration(Rule):
    """A value that looks multi-sourced but whose sources share an owner, a claimant or a citation chain.

    Counting outlets, the value has several sources; counting independent origins, it
    has fewer: RFI and France 24 have one owner, two papers quoting the same "medical
    sources" relay one voice, and an article that `cites` another repeats it. A value
    resting on one origin is CC201's until a second outlet carries it: a review of that
    CC201 holds for this finding while the value is short of corroboration. As with
    CC201, a value in dispute (a conflict names its speakers) is no such gap, nor is
    one that origins beyond those stating it bear out (a hospital's 18 bears out the
    ministry's "at least 12").

    Nor does a quote count as a second voice unchecked when its article cites one in
    which another voice gives the figure and the quoted one says nothing: "1,243, the
    UN said" in an aggregator citing the radio where the minister gave 1,243 is a
    misattribution until someone checks it (two origins counted, as DESIGN §2 has
    quoted claimants; this finding says which chain to check, dispute or not).

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: f24-doc}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: monde-doc}
    """

    code = "CC203"
    name = "circular-corroboration"
    severity = "warning"
    category = "gap"
    continues = frozenset({"CC201"})
    checks_attribution = True

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        evidence = {c.id for c in ev.counted}
        # Relays that keep their own, looser words state their source's value too.
        looser: dict[int, list[Claim]] = {}
        relays = ev.looser_relays() if ev.relayed_from else {}
        if relays:
            by_id = {c.id: c for c in ev.claims}
            for cid, source in relays.items():
                if cid in evidence:
                    index = ev.statement_by_claim[source.id].index
                    looser.setdefault(index, []).append(by_id[cid])
        attributed = _attributed_elsewhere(ev)
        for st in ev.statements:
            # The claims stating this value (not every claim implying it): each value once;
            # a looser relay's words are its source's value, stated there.
            stating = [c for c in st.claims if c.id in evidence and c.id not in relays]
            stating += looser.get(st.index, [])
            chains = attributed.get(st.index, [])
            # (a quote naming the wrong voice, counted as the right one's word: the
            # attribution is what to check, before any count of outlets)
            wrong = any(quote.id in ev.misattributed for quote, _, _ in chains)
            draft = None if wrong else _circular(ev, st, stating, chains)
            if draft is None and chains:
                draft = _misattributed(ev, st, stating, chains)
            if draft is not None:
                yield draft


def _circular(
    ev: GroupEvidence, st: Statement, stating: list[Claim], chains: list[tuple[Claim, str, Claim]]
) -> Draft | None:
    """The finding for a value ``stating`` claims in more outlets than origins, if any
    (``chains``: its quotes citing another voice's word, named among the reasons)."""
    origin = ev.credited
    outlets = {c.outlet for c in stating}
    if len(outlets) < 2:
        return None
    origins = {origin[c.id] for c in stating}
    if len(origins) >= len(outlets):
        return None
    # Counted as corroboration counts them (grades, CC201): allies of one side once.
    units = {ev.unit_of(c).index for c in stating}
    # (as CC201 reads a value: not one in dispute — the conflict names its speakers —
    # nor one that origins beyond those stating it bear out, as a hospital's 18 bears
    # out the ministry's "at least 12", which the grades call confirmed: an analyst's
    # trial)
    tally = ev.tally(st)
    if tally.against or (
        len(tally.support) > len(units) and len(tally.support) >= ev.thresholds.corroborated_at
    ):
        return None
    shared = sorted(ev.link_reasons(stating)) + _sides(ev, stating, origin)
    shared += [_chain_words(quote, doc, other) for quote, doc, other in chains]
    return Draft(
        sorted(stating, key=lambda c: c.id),
        f"{ev.property_id} of {ev.subject_id}: {stated(wording(ev, st))} appears in "
        f"{len(outlets)} outlets but traces to {len(units)} origin"
        f"{'s' if len(units) != 1 else ''}: they share {_joined(shared) or 'a relay'}",
        key=about(ev, [wording(ev, st)]),
        # (it continues a CC201 while its value is short of corroboration)
        kin_origins=sorted(origin_key(ev, o) for o in origins)
        if len(units) < ev.thresholds.corroborated_at
        else None,
        details={
            "outlets": sorted(o for o in outlets if o),
            "origins": len(units),
            "shared": shared,
        },
        # (naming a quote's chain to check, it is told on every day of a value that varies)
        attribution=bool(chains),
    )


def _attributed_elsewhere(ev: GroupEvidence) -> dict[int, list[tuple[Claim, str, Claim]]]:
    """By statement: each quoted party's claim whose document cites (through a chain)
    one where another origin states its value, while its own voice says it in none of
    the documents it cites nor first-hand anywhere in the group — (the quote, the cited
    document, the first claim by id stating it there), the first such document by id.
    Indexed by (document, statement): not each quote against each claim it cites."""
    prov = ev.provenance
    quotes = [
        c
        for c in ev.counted
        if c.source is not None
        and c.claimant in ev.store.parties
        and not prov.own_reporting(c)
        and prov.cited_sorted(c.source)
    ]
    if not quotes:  # (most groups)
        return {}
    statement_of, credited, said_by = ev.statement_by_claim, ev.credited, ev.origins_by_claim
    # (each document's (origin, statement) pairs: a voice giving this value there)
    said_in: dict[str, set[tuple[int, int]]] = {}
    stating: dict[tuple[str, int], list[Claim]] = {}
    # (an origin's word given first-hand: in a document citing nothing)
    first_hand: set[tuple[int, int]] = set()
    for c in ev.counted:
        if c.source is None:
            continue
        st = statement_of[c.id]
        # (both who speaks there and whose word it carries: an ally's post relaying the
        # Front's figure is still the ally's word in it)
        said_in.setdefault(c.source, set()).update(
            ((credited[c.id], st.index), (said_by[c.id], st.index))
        )
        stating.setdefault((c.source, st.index), []).append(c)
        if not prov.cited_sorted(c.source):
            first_hand.add((credited[c.id], st.index))
    found: dict[int, list[tuple[Claim, str, Claim]]] = {}
    for quote in quotes:
        # (its own voice: a quote relaying another's word under its name is credited to
        # that other, see GroupEvidence.misattributed)
        st, voice = statement_of[quote.id], said_by[quote.id]
        cited = prov.cited_sorted(quote.source or "")
        if (voice, st.index) in first_hand or any(
            (voice, st.index) in said_in.get(d, ()) for d in cited
        ):
            continue  # (its own word, there or elsewhere: a relay, not this)
        beside = {
            said_by[d.id] for d in stating.get((quote.source or "", st.index), ()) if d is not quote
        }
        for doc in cited:
            others = [d for d in stating.get((doc, st.index), ()) if credited[d.id] != voice]
            # (not when its own article gives it in that voice too: two voices it tells
            # apart, the Front's communiqué and the army reached by the paper)
            if others and not beside & {said_by[d.id] for d in others}:
                found.setdefault(st.index, []).append((quote, doc, min(others, key=lambda d: d.id)))
                break
    for chains in found.values():  # (by the quote's id: never by file order)
        chains.sort(key=lambda chain: chain[0].id)
    return found


def _chain_words(quote: Claim, doc: str, other: Claim) -> str:
    return (
        f"a citation chain ({quote.source} cites {doc}, where {other.speaker} gives it, "
        f"not {quote.speaker}: check the attribution)"
    )


def _misattributed(
    ev: GroupEvidence, st: Statement, stating: list[Claim], chains: list[tuple[Claim, str, Claim]]
) -> Draft:
    """The finding for a value whose quotes cite another voice's word (see the doc)."""
    claims = {c.id: c for c in stating}
    for quote, _, other in chains:
        claims[quote.id], claims[other.id] = quote, other
    return Draft(
        sorted(claims.values(), key=lambda c: c.id),
        f"{ev.property_id} of {ev.subject_id}: {stated(wording(ev, st))} is quoted from "
        + "; ".join(
            f"{quote.speaker} in {quote.source}, which cites {doc}, where {other.speaker} "
            f"gives it and {quote.speaker} does not"
            for quote, doc, other in chains
        )
        + ": check the attribution",
        key=about(ev, [wording(ev, st)]),
        details={"attributions": [[q.id, doc, o.id] for q, doc, o in chains]},
        attribution=True,
    )


def _sides(ev: GroupEvidence, claims: list[Claim], origin: dict[str, int]) -> list[str]:
    """Each side several of whose origins state the value, in words ("side gov (army,
    ministry)"): allies repeating each other count once (DESIGN §2)."""
    found: dict[str, dict[int, str]] = {}
    for c in claims:
        unit = ev.unit_of(c)
        side = unit.side or unit.admits  # (a side conceding its losses is one unit too)
        if side is not None:
            found.setdefault(side, {}).setdefault(origin[c.id], origin_key(ev, origin[c.id]))
    return [
        f"side {side} ({', '.join(sorted(k.partition(':')[2] for k in keys.values()))})"
        for side, keys in sorted(found.items())
        if len(keys) > 1
    ]


def _joined(reasons: list[str]) -> str:
    """Reasons in words, those of one kind once: "a citation chain (b cites a; c cites
    a)", not "a citation chain (b cites a), a citation chain (c cites a)"."""
    kinds: dict[str, list[str]] = {}
    for reason in reasons:
        kind, paren, rest = reason.partition(" (")
        kinds.setdefault(kind if paren else reason, []).append(rest[:-1] if paren else "")
    return ", ".join(
        f"{kind} ({'; '.join(d for d in details if d)})" if any(details) else kind
        for kind, details in kinds.items()
    )
