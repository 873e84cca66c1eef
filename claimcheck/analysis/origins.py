"""Who first said each claim of a group, and whose value a relay carries: origins, credit.

A claim's origin is who first said it (:meth:`Provenance.origin_key`). Its value is
credited to that origin, or — for a relay: an outlet's own reporting in a document
citing one that carries the value, own reporting of one value in documents citing a
common document, a suspected relay (CC206), a figure its origin withdrew still in print
(:mod:`.in_print`) — to the origin it relays. Choices go by
claim id, never by file order. What a relay is then credited with (the statement a
declared relay carries; which relays are a choice among equals) is :mod:`.credit`'s,
which claim of a cited document a relay carries is :mod:`.relay_sources`', and the units
of corroboration these origins make are :mod:`.units`'s.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from functools import partial
from typing import TYPE_CHECKING

from claimcheck.analysis.attribution import (
    credit_attributed,
    misattributed,
    quoted_by_sister_outlet,
    tertiary_source,
    transposed_quotes,
)
from claimcheck.analysis.credit import COMMON_CITATION, SUSPECTED, UNATTRIBUTED, party_word
from claimcheck.analysis.in_print import stale_in_print
from claimcheck.analysis.relay_sources import DocumentIndex, carrier_of
from claimcheck.analysis.relays import undisputed_side_figures
from claimcheck.analysis.wordings import join_wordings, looseness, wordings_holding
from claimcheck.model import Claim
from claimcheck.values import rounds

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def _quoted_in_own_document(ev: GroupEvidence, relays: dict[int, tuple[int, str]]) -> None:
    """An outlet's own words repeating a value the same document attributes to a
    claimant (a lede's "at least 23 killed" above "at least 23, the hospital said"; a
    headline's "Rebels seize Tamsar" above "the rebels said they hold the town") carry
    that claimant's value: note each such claim in ``relays`` with the claim it carries.
    Whatever the outlet may know otherwise, the document gives no other ground for it
    (an analyst's trial: a headline alone made the rebels' claim "confirmed"). Not an
    outlet keeping a count of its own — other values of its own in the group: its 22
    after its 15 is its count updated, which must supersede its 15, even where the
    ministry gives 22 too."""
    claims = ev.claims
    own_reporting = ev.provenance.own_reporting
    statement_of = ev.statement_by_claim
    own: dict[str, list[int]] = defaultdict(list)
    quoted: dict[str, list[int]] = defaultdict(list)
    counts: dict[str | None, set[int]] = defaultdict(set)  # each outlet's own figures
    for j, c in enumerate(claims):
        if c.source is not None and c.stance == "asserts":
            (own if own_reporting(c) else quoted)[c.source].append(j)
            if own_reporting(c) and c.id in statement_of:
                counts[c.outlet].add(statement_of[c.id].index)
    for doc_id, all_positions in own.items():
        positions = [i for i in all_positions if len(counts[claims[i].outlet]) == 1]
        others = quoted.get(doc_id)
        if not others:
            continue  # (most documents: one voice for the group)
        index = DocumentIndex(ev, others)
        for i in positions:
            st = statement_of.get(claims[i].id)
            at = index.carrier(ev, st, partial(rounds, st.value)) if st is not None else None
            if at is not None:
                relays[i] = (
                    at,
                    f"an attribution in the same document ({doc_id}: {claims[at].speaker})",
                )


def compute_origins(ev: GroupEvidence) -> tuple[dict[str, int], dict[str, int]]:
    """Each claim's origin and the origin its value is credited to (see
    :attr:`GroupEvidence.credited`), both as the position of the origin's first claim;
    fills in ``ev.relayed_from`` and ``ev.relay_reasons`` for the relays."""
    claims = ev.claims
    prov = ev.provenance
    first_of: dict[str, int] = {}
    origin: dict[str, int] = {}
    origin_key = prov.origin_key
    for i, c in enumerate(claims):
        origin[c.id] = first_of.setdefault(origin_key(c), i)
    # The group's claims by document, built when a claim cites a document (few do).
    by_document: dict[str, list[int]] | None = None
    # Relays: each relaying claim points at the claim it relays. Choices go by claim
    # id, never by file order.
    statement_of = ev.statement_by_claim
    relays: dict[int, tuple[int, str]] = {}
    relayed: dict[tuple[str, int], list[int]] = defaultdict(list)
    indexes: dict[str, DocumentIndex] = {}
    own_reporting, cited_by = prov.own_reporting, prov.cited_sorted
    outlets = ev.store.outlets

    #: Party's words that carry no word of theirs from what they cite (position, cited).
    attributing: list[tuple[int, list[str]]] = []
    #: Outlets' words, named by others, citing none of their documents (likewise).
    naming: list[tuple[int, list[str]]] = []
    _quoted_in_own_document(ev, relays)
    quoted_by_sister_outlet(ev, relays)
    for i, c in enumerate(claims):
        if i in relays:
            continue
        st = statement_of.get(c.id)
        if st is None or c.source is None:
            continue
        # (a party's word in a document citing one where the party says it — a wire's
        # "about 350, the commission said", citing the commission's report of 347 — is
        # that statement relayed, as an outlet's own figure citing one is)
        quoted = not own_reporting(c)
        cited = cited_by(c.source)
        if not cited:
            continue
        carrier = None
        if by_document is None:
            by_document = defaultdict(list)
            for j, d in enumerate(claims):
                if d.source is not None:
                    by_document[d.source].append(j)
        # (an outlet named as the source — "40, according to Sahel Wire" — in a document
        # citing that outlet's: the wire's dispatch relayed, whoever speaks in it, as
        # the wire quoting the Front is the Front's word — a desk's trial: the wire
        # became a neutral origin "confirming" the Front)
        named = outlets.get(c.claimant or "") if quoted else None
        for doc_id in cited:
            if quoted:  # (among the document's claims in that party's voice, first by id)
                at = carrier_of(ev, by_document.get(doc_id, []), c, st, origin)
                if at is None and named is not None and prov.published_by(doc_id, named):
                    index = indexes.get(doc_id)
                    if index is None:
                        index = indexes[doc_id] = DocumentIndex(ev, by_document.get(doc_id, []))
                    # (or one it narrows, as an outlet's own words citing it would: "35,
                    # according to Meridian", whose dispatch gives "30 to 40" — a reviewer)
                    at = index.carrier(ev, st)
                    if at is None:
                        at = index.containing(ev, st)
                    if at is None:  # (or one it can hold with: "35" of "more than 30")
                        holding = [
                            (cid, j)
                            for cid, j, t in index.first.values()
                            if t.stance == st.stance and not ev.excludes(t.value, st.value)
                        ]
                        at = min(holding)[1] if holding else None
            else:
                index = indexes.get(doc_id)
                if index is None:
                    index = indexes[doc_id] = DocumentIndex(ev, by_document.get(doc_id, []))
                at = index.carrier(ev, st)
            if at is not None:
                carrier = (doc_id, at)
                break
        if carrier is not None and not quoted and ev.store.in_tertiary(c):
            # (an encyclopedia's range: the voice giving it as it is, or none)
            carrier = tertiary_source(ev, c, st, cited, by_document, origin, carrier)
            if carrier is None:
                continue  # (no relay, and so uncited: :func:`.unsourced.unsourced`)
        if carrier is None and not quoted:
            for doc_id in cited:  # (one that narrows what a cited document says)
                at = indexes[doc_id].containing(ev, st)
                if at is not None:
                    carrier = (doc_id, at)
                    break
        # (not an encyclopedia's: its figure is what its citations give, or uncited —
        # an infobox's 20 citing the agency's 19 is no relay of it: a fact-checker)
        if carrier is None and not quoted and ev.type == "quantity" and not ev.store.in_tertiary(c):
            for doc_id in cited:  # (one whose figure it rounds: "50" citing the 47)
                at = indexes[doc_id].rounded(ev, st)
                if at is not None:
                    carrier = (doc_id, at)
                    break
        # (not an encyclopedia's: a summary naming a voice rewrites no one's word — it is
        # uncited where its citations give it in another voice, CC204: a desk's trial)
        if carrier is None and quoted and not ev.store.in_tertiary(c):
            if c.claimant in ev.store.parties:
                attributing.append((i, cited))
            elif named is not None and not any(prov.published_by(d, named) for d in cited):
                # (an outlet named for a figure its cited documents give in another
                # voice, none of them its own: "47, according to the UN", citing the
                # wire's "47, the ministry said" — a desk's trial)
                naming.append((i, cited))
        if carrier is not None:
            relays[i] = (carrier[1], f"a citation chain ({c.source} cites {carrier[0]})")
        elif not quoted:
            for doc_id in cited:
                relayed[(doc_id, st.index)].append(i)
    # A party's word citing a document that gives the same value in the outlet's own
    # voice: that outlet's figure is the party's, the citing document says (a wire's
    # "1,243, the minister said, Radio Ilmen reported", citing the radio's own "1,243
    # militants killed": one origin, the minister's — a fact-checker's trial) — unless
    # the outlet's figure carries another's already, the outlet counts for itself (a UN
    # office's or an NGO's own count: a paper naming the ministry for it is to be
    # checked, CC203), or the citing words name several voices for it.
    if attributing:
        credit_attributed(ev, attributing, relays, origin, relayed)
    if attributing or naming:
        assert by_document is not None  # (built for the claims citing)
        # (a figure, not an answer: two voices naming the same culprit agree as often
        # as not — a reviewer's store)
        if ev.type == "quantity":
            misattributed(ev, attributing + naming, relays, origin, by_document)
    # Own reporting of one value in documents that cite a common document, directly
    # or through others of them (A and B cite X, B and C cite Y): one relay group —
    # and of figures that can both hold, or one rounding the other, there: one
    # dispatch relayed in different words ("23", "at least 23", "about 25").
    wordings = ev.type == "quantity" and len(relayed) > 1
    if wordings:
        join_wordings(ev, relayed)
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    via: dict[int, str] = {}
    for (doc_id, _), group in sorted(relayed.items(), key=lambda kv: kv[0][0]):
        for j in group[1:]:
            a, b = root(group[0]), root(j)
            if a != b:
                parent[b] = a
                via.setdefault(j, doc_id)
                via.setdefault(group[0], doc_id)
    components: dict[int, list[int]] = defaultdict(list)
    for i in via:
        components[root(i)].append(i)
    if wordings:
        components = wordings_holding(ev, components)
    # The figure is credited to a claim whose origin says nothing else in the group (a
    # paper that still stands by it), else to the first by id: not, by the ids' chance,
    # to a paper that has since revised it.
    said_else = Counter(origin[c.id] for c in claims) if components else Counter()
    for group in components.values():
        # (of different words, the most precise: the others relay it loosely)
        first = min(
            group,
            key=lambda j: (
                said_else[origin[claims[j].id]] > 1,
                looseness(statement_of[claims[j].id].value) if wordings else (0.0, 0),
                claims[j].id,
            ),
        )
        for j in group:
            if j != first:
                relays[j] = (first, f"{COMMON_CITATION} ({via[j]})")
    transposed_quotes(ev, origin, relays)
    stale_in_print(ev, origin, relays)
    suspected = ev.relays()
    if suspected:
        position = {c.id: i for i, c in enumerate(claims)}
        for relay in suspected:
            # (the same quote in a party's word — quoted, or its own media's — and in
            # outlets' own words: the outlets copied the party, not the party an
            # outlet; unless an outlet printed it first)
            head = _first_said(ev, relay)
            first = position[head.id]
            for c in relay:
                if c is not head:
                    relays.setdefault(position[c.id], (first, SUSPECTED))
    printed = undisputed_side_figures(ev)
    if printed:
        # (a side's figure printed as an outlet's own: the side's word, until a person
        # marks it disputed — as a suspected relay of a quote)
        position = {c.id: i for i, c in enumerate(claims)}
        for cid, source in sorted(printed.items()):
            relays.setdefault(position[cid], (position[source.id], UNATTRIBUTED))
    if not relays:  # (most groups: every value credited to its own origin)
        return origin, dict(origin)
    credit: dict[str, int] = {}
    for i, c in enumerate(claims):
        if i not in relays:
            credit[c.id] = origin[c.id]
            continue
        j, seen, path = i, {i}, list[str]()
        while j in relays and relays[j][0] not in seen:
            path.append(relays[j][1])
            j = relays[j][0]
            seen.add(j)
        credit[c.id] = origin[claims[j].id]
        if j != i:
            ev.relayed_from[c.id] = claims[j]
            ev.relay_reasons[c.id] = path
    return origin, credit


def _later_words(ev: GroupEvidence) -> dict[str, dt.date]:
    """Each outlet's latest day of its own words in the group (kept for the group)."""
    found = ev.memo.get("later_words")
    if found is None:
        latest: dict[str, dt.date] = {}
        own = ev.provenance.own_reporting
        for c in ev.claims:
            as_of = c.as_of
            if (
                c.outlet
                and own(c)
                and as_of is not None
                and as_of.known
                and (c.outlet not in latest or as_of.low > latest[c.outlet])
            ):
                latest[c.outlet] = as_of.low
        found = ev.memo["later_words"] = latest
    return found  # type: ignore[return-value]


def _first_said(ev: GroupEvidence, relay: list[Claim]) -> Claim:
    """Which of a suspected relay's claims said it first: a party's word (the first by
    id) — unless an outlet's own words are dated wholly before every party's word is
    (then the earliest of those); with no party's word, the one printed first (by its
    document's date: the Daily Star's sentence of the 5th that a radio read out on the
    6th is the Star's; of one day, an outlet that gave a figure of its own since, then
    the first by id; of no known day, the first by id)."""
    parties = [c for c in relay if party_word(ev, c)]
    if not parties:
        published = ev.provenance.published
        printed = [published(c.source or "") for c in relay]
        if all(d is None for d in printed):
            return relay[0]
        # (of those printed the same day, an outlet that gave a figure of its own since
        # — a correction — before one that did not: whichever copied, the words are one
        # origin, and the correction is that origin's)
        later = _later_words(ev)
        return min(
            zip(printed, relay, strict=True),
            key=lambda p: (
                p[0] is None,
                p[0] or dt.date.min,
                not (p[0] is not None and later.get(p[1].outlet or "", p[0]) > p[0]),
                p[1].id,
            ),
        )[1]
    dates = [c.as_of for c in parties]
    if all(d is not None and d.known for d in dates):
        first = min(d.low for d in dates)  # type: ignore[union-attr]
        before = [
            c for c in relay if c.as_of is not None and c.as_of.known and c.as_of.high < first
        ]
        if before:
            return min(before, key=lambda c: (c.as_of.high, c.id))  # type: ignore[union-attr]
    return min(parties, key=lambda c: c.id)
