"""An origin at odds with itself: pairs of its own claims in a group that cannot both
hold (the self-contradictions of CC107, which CC201 leaves to it, and the revisions of
CC105 and CC106), its relays worded into a value it cannot hold with, and every claim
of it restating the values of such pairs."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.latest_figures import later_own_relays, raises_floor, words_revise
from claimcheck.analysis.timing import earlier
from claimcheck.model import Claim
from claimcheck.rules.claim_order import said_order, value_order
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF


def restating(ev: GroupEvidence, origin: int, pairs: Iterable[tuple[Claim, Claim]]) -> list[Claim]:
    """Every claim of ``origin`` stating one of the values in ``pairs``, and those of the
    pairs (a relay of it among them), by id."""
    statement_of = ev.statement_by_claim
    pairs = list(pairs)
    said = {statement_of[c.id].index for pair in pairs for c in pair}
    found = {c.id: c for c in ev.by_origin()[origin] if statement_of[c.id].index in said}
    found.update((c.id, c) for pair in pairs for c in pair)
    return sorted(found.values(), key=lambda c: c.id)


#: At most this many of one origin's distinct values are compared pairwise.
MAX_COMPARED = 200


def same_origin_disagreements(ev: GroupEvidence) -> dict[int, list[tuple[Claim, Claim]]]:
    """For each origin, pairs of its own claims in the group that cannot both hold: each
    distinct pair of values once (the claims that first state them), in time order for
    a cumulative toll (each figure with the next it differs from)."""
    found = ev.memo.get("same_origin_disagreements")
    if found is None:
        found = ev.memo["same_origin_disagreements"] = _same_origin_disagreements(ev)
    return found  # type: ignore[return-value]


def self_contradictions(ev: GroupEvidence) -> dict[int, list[tuple[Claim, Claim]]]:
    """:func:`same_origin_disagreements` less the steps of a running toll: an origin's
    figures of different days that it revised are not a contradiction (CC105, CC106)."""
    found = ev.memo.get("self_contradictions")
    if found is None:
        clashing: dict[int, list[tuple[Claim, Claim]]] = {}
        for origin, pairs in same_origin_disagreements(ev).items():
            clashes = [
                (a, b)
                for a, b in pairs
                if not (
                    ev.cumulative
                    and a.stance == b.stance == "asserts"
                    and (earlier(ev, a, b) or earlier(ev, b, a))
                )
            ]
            if clashes:
                clashing[origin] = clashes
        found = ev.memo["self_contradictions"] = clashing
    return found  # type: ignore[return-value]


def reworded_relays(ev: GroupEvidence) -> dict[int, list[tuple[Claim, Claim]]]:
    """For each origin, its claims paired with relays of them worded into a value they
    cannot hold with (a radio's "23" citing the ministry's "more than 23"): the relay
    counts as what it relays (:func:`~claimcheck.analysis.credit.carry_relays`), but
    one of the two wordings is wrong."""
    out: dict[int, list[tuple[Claim, Claim]]] = {}
    if not ev.reworded:
        return out
    statement_of, origin = ev.statement_by_claim, ev.origins_by_claim
    claims = {c.id: c for c in ev.claims}
    for cid, own in sorted(ev.reworded.items()):
        st = statement_of[cid]
        if st.stance == "asserts" and ev.excludes(own, st.value):
            source = ev.relayed_from[cid]
            out.setdefault(origin[source.id], []).append((source, claims[cid]))
    return out


def _same_origin_disagreements(ev: GroupEvidence) -> dict[int, list[tuple[Claim, Claim]]]:
    # (where every value agrees, only an open floor raised later is a step: "at least
    # 23", then 31)
    floors = ev.cumulative and any(
        st.stance == "asserts" and isinstance(st.value, Quantity) and st.value.high == INF
        for st in ev.statements
    )
    if ev.agreeing and not floors:
        return {}
    statement_of, credited = ev.statement_by_claim, ev.credited
    out: dict[int, list[tuple[Claim, Claim]]] = {}
    for origin, claims in ev.by_origin().items():
        # (an outlet relaying another origin's figure does not revise or contradict its
        # own with it: the figure is its source's — a paper's relay of the ministry's 31,
        # then its own count of 36 at the morgue, is no revision of the paper's; but of
        # two papers citing one dispatch, each said its figure, whichever is credited)
        # (but its own words relaying one, printed after a figure of its own, are its
        # later word: a paper's 53, then its correction "35, according to the UN")
        own = [c for c in claims if credited[c.id] == origin or relays_by_choice(ev, c)]
        # (the outlet's later words are compared as it worded them: its "35", not the
        # UN's "at least 35" it relays)
        worded: set[str] = set()
        if ev.cumulative and len(own) < len(claims):
            mine = {c.id for c in own}
            later = later_own_relays(ev, [c for c in claims if c.id not in mine], own)
            worded = {c.id for c in later}
            own += later
        claims = own
        if len({statement_of[c.id].index for c in claims}) < 2:
            continue
        pairs: list[tuple[Claim, Claim]] = []
        said_on = {c.id: ev.said_on(c) for c in claims}
        dated = [c for c in claims if (d := said_on[c.id]) is not None and d.known]
        if ev.cumulative and len(dated) == len(claims):
            # A running toll: each dated figure against the next one that differs, and
            # figures of one day against each other.
            by_day: dict[object, list[Claim]] = {}
            for c in sorted(claims, key=lambda c: (said_on[c.id].low, said_on[c.id].high)):  # type: ignore[union-attr]
                by_day.setdefault(said_on[c.id].key, []).append(c)  # type: ignore[union-attr]
            days = [_distinct(ev, day) for day in by_day.values()]
            for i, day in enumerate(days):
                pairs += _clashes(ev, day)
                if i + 1 < len(days):
                    pairs += [
                        (a, b)
                        for a in day
                        for b in days[i + 1]
                        if ev.statements_conflict(statement_of[a.id], statement_of[b.id])
                        or (
                            (a.id in worded or b.id in worded)
                            and a.stance == b.stance == "asserts"
                            and words_revise(ev, a, b)
                        )
                        or (
                            floors
                            and a.stance == b.stance == "asserts"
                            and raises_floor(statement_of[a.id].value, statement_of[b.id].value)
                        )
                    ]
        elif not ev.agreeing:
            pairs = _clashes(ev, claims)
        if pairs:
            out[origin] = pairs
    return out


def _distinct(ev: GroupEvidence, claims: list[Claim]) -> list[Claim]:
    """The earliest claim of each distinct statement among ``claims``, lowest value
    first (at most :data:`MAX_COMPARED`)."""
    if len(claims) == 1:
        return claims
    seen: dict[int, Claim] = {}
    for c in sorted(claims, key=lambda c: said_order(ev, c)):
        seen.setdefault(ev.statement_by_claim[c.id].index, c)
    return sorted(seen.values(), key=value_order)[:MAX_COMPARED]


def _clashes(ev: GroupEvidence, claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    statement_of = ev.statement_by_claim
    firsts = _distinct(ev, claims)
    return [
        (a, b)
        for i, a in enumerate(firsts)
        for b in firsts[i + 1 :]
        if ev.statements_conflict(statement_of[a.id], statement_of[b.id])
    ]
