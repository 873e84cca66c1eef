"""What a relay is credited with: the statement a declared relay carries, which relays
are a choice among equals, and the relays of the store's records (the group's methods
:meth:`~claimcheck.analysis.group.GroupEvidence.declared_relays`,
:meth:`~claimcheck.analysis.group.GroupEvidence.credited_relays` and
:meth:`~claimcheck.analysis.group.GroupEvidence.looser_relays`). Which claim relays
which is :mod:`.origins`'s.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.in_print import IN_PRINT_REASONS
from claimcheck.analysis.statements import Statement, claim_id
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


#: The reason :func:`compute_origins` gives a suspected relay: a same quote, no citation.
SUSPECTED = "a suspected relay (the same quote)"
#: The reason a side's figure printed as an outlet's own, citing nothing, is the side's.
UNATTRIBUTED = "a suspected relay (a side's figure printed without its name)"
#: The start of the reason it gives own reporting of one value in documents citing one
#: document: which relays which is a choice (by claim id), as for a suspected relay.
COMMON_CITATION = "a common citation"


def party_word(ev: GroupEvidence, claim: Claim) -> bool:
    """Whether a claim is a party's word: a party quoted, or state or party media in
    its own voice (:meth:`~claimcheck.analysis.provenance.Provenance.origin_key`)."""
    return ev.provenance.origin_key(claim).startswith("party:")


def relays_by_choice(ev: GroupEvidence, claim: Claim) -> bool:
    """Whether ``claim`` is credited to another claim only by a choice among equals (a
    suspected relay, or own reporting citing one document as the other does), not
    because its document cites or quotes the other: its words are still its own. (But
    an outlet's own words that are a party's quoted statement word for word copy the
    party: a channel running the ministry's communiqué unattributed gives the
    ministry's figure, superseded when the ministry revises it; and so do words an
    outlet printed on the day another printed them or later: one sentence is one
    origin (CC206), and a radio reading out the Daily Star's sentence gives the Star's
    figure, withdrawn when the Star corrects it.)"""
    path = ev.relay_reasons.get(claim.id)
    if not path:
        return False
    if path[0] == SUSPECTED:
        source = ev.relayed_from.get(claim.id)
        if source is None or party_word(ev, claim):
            return True
        return not party_word(ev, source) and not printed_no_later(ev, source, claim)
    return path[0].startswith(COMMON_CITATION)


def printed_no_later(ev: GroupEvidence, first: Claim, later: Claim) -> bool:
    """Whether ``first``'s document was published on ``later``'s day or before."""
    published = ev.provenance.published
    a, b = published(first.source or ""), published(later.source or "")
    return a is not None and b is not None and a <= b


def carry_relays(ev: GroupEvidence) -> None:
    """Each relay stating more than its source counts as the statement it relays: a
    radio's "23" citing a dispatch of the ministry's "at least 23" is that "at least 23"
    for support, conflicts, grades and estimates — not a figure of its own against a
    hospital's 31 (a looser wording keeps its own words: it holds wherever its source
    does). Its own words' value is kept in ``ev.reworded`` (CC107 names a relay
    that words a statement into one it cannot hold with). Not a suspected relay's (a
    same quote, no citation: which carries which is a guess; a relay of one may be
    carried) nor across stances."""
    statement_of = ev.statement_by_claim
    moved: dict[str, Statement] = {}
    declared = set(ev.declared_relays())
    for cid, source in ev.relayed_from.items():
        mine, theirs = statement_of.get(cid), statement_of.get(source.id)
        if (
            mine is None
            or theirs is None
            or mine is theirs
            or mine.stance != theirs.stance
            or cid not in declared
            # A looser wording ("about 40" of a 41, "more than 20" of a 25, a month of
            # a day) says no more than its source allows: it keeps its own words, and
            # is no stricter figure against anyone else.
            or ev.statement_supports(theirs, mine)
        ):
            continue
        moved[cid] = theirs
    if not moved:
        return
    taken: dict[int, list[Claim]] = defaultdict(list)
    for st in ev.statements:
        leaving = [c for c in st.claims if c.id in moved]
        if leaving:
            for c in leaving:
                ev.reworded[c.id] = st.value
                taken[moved[c.id].index].append(c)
            st.claims = [c for c in st.claims if c.id not in moved]
            st.cited = [c for c in st.cited if c.id not in moved]
    for st in ev.statements:
        joining = taken.get(st.index)
        if joining:
            # (its value stays as its own claims word it: a relay only joins)
            st.claims = sorted(st.claims + joining, key=claim_id)
            st.cited = sorted(st.cited + [c for c in joining if c.cited], key=claim_id)
            for c in joining:
                statement_of[c.id] = st
    ev.statements = [st for st in ev.statements if st.claims]
    for i, st in enumerate(ev.statements):
        st.index = i


def declared_relays(ev: GroupEvidence) -> list[str]:
    """:meth:`GroupEvidence.declared_relays`: the relays of the store's records, not the
    suspected ones (nor a withdrawn figure in print again: what the figures suggest)."""
    reasons = ev.relay_reasons
    return [
        cid
        for cid in ev.relayed_from
        if not reasons.get(cid, [SUSPECTED])[0].startswith((SUSPECTED, *IN_PRINT_REASONS))
    ]


def credited_relays(ev: GroupEvidence) -> dict[str, str | None]:
    """:meth:`GroupEvidence.credited_relays`: the declared relays, an origin's old word
    still in print (credited to it: its figure, revised since), and an outlet's own
    words that are a party's statement word for word (a channel running the ministry's
    communiqué: it copied the ministry, :func:`relays_by_choice`) — not the other
    suspected ones: an outlet's words the same as another's printed that day or before
    are judged as the first outlet's figure (withdrawn with its correction), but that
    it copied the first rather than a common wire is a guess, and the words it printed
    as its own stay in its record; each with the claim it carries, or
    None where that claim is a choice among equals (two papers citing one dispatch: each
    carries the dispatch's figure, not the other paper's)."""
    reasons, relayed, claims = ev.relay_reasons, ev.relayed_from, ev.store.claims
    found: dict[str, str | None] = {}
    for cid in relayed:
        choice = relays_by_choice(ev, claims[cid])
        if not reasons.get(cid, [SUSPECTED])[0].startswith(SUSPECTED):
            found[cid] = None if choice else relayed[cid].id
        elif not choice and party_word(ev, relayed[cid]):
            found[cid] = relayed[cid].id
    return found


def looser_relays(ev: GroupEvidence) -> dict[str, Claim]:
    """:meth:`GroupEvidence.looser_relays`: declared relays keeping their own words, by
    id, with the claim whose figure they relay (worked out once a group)."""
    found = ev.memo.get("looser_relays")
    if found is None:
        statement_of = ev.statement_by_claim
        relayed = ev.relayed_from
        found = ev.memo["looser_relays"] = {
            cid: relayed[cid]
            for cid in ev.declared_relays()
            if cid in statement_of
            and relayed[cid].id in statement_of
            and statement_of[cid] is not statement_of[relayed[cid].id]
        }
    return found  # type: ignore[return-value]
