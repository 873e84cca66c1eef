"""Helpers shared by several rules: naming claims in messages, conflicts by origin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.latest_figures import later_own_relays, raises_floor, words_revise
from claimcheck.analysis.statements import Conflicts, Statement, Tally
from claimcheck.analysis.timing import earlier
from claimcheck.model import Claim
from claimcheck.rules.base import Draft
from claimcheck.values import DateRange, Quantity
from claimcheck.values.quantity import INF


def who(claim: Claim) -> str:
    """``medical-sources via rfi``: the speaker, and the outlet when it differs."""
    if not claim.claimant and not claim.outlet:  # no one to name: the claim, and why
        why = "no source" if claim.source is None else f"document {claim.source} has no outlet"
        return f"{claim.id}, {why}"
    speaker = claim.speaker
    if claim.outlet and claim.outlet != speaker:
        return f"{speaker} via {claim.outlet}"
    return speaker


def who_of(ev: GroupEvidence, claim: Claim) -> str:
    """:func:`who`, naming state or party media's own voice as their party's
    (``interior-ministry via ministry-site``)."""
    speaker = ev.provenance.speaker(claim)
    if speaker == claim.speaker:
        return who(claim)
    return f"{speaker} via {claim.outlet}"


def about(ev: GroupEvidence, claims: Iterable[Claim]) -> list[str]:
    """What a finding on these claims is about, for its fingerprint: the distinct values
    they state (stance and value, as the value reads, not as it is written).

    A new source or a relay of a value already in the finding leaves the fingerprint —
    and a review of the finding — as it was; a new value changes it (DESIGN §4).
    """
    by_claim = ev.statement_by_claim
    found: set[str] = set()
    for c in claims:
        st = by_claim.get(c.id)
        if st is None:
            # (a claim outside every statement states nothing comparable: text, unknown)
            found.add(c.said)
            continue
        if st.said is None:  # (as Claim.said has it; the same for every claim of it)
            st.said = f"{st.stance}\x1e{st.value.key!r}"
        found.add(st.said)
    return sorted(found)


def relaying(ev: GroupEvidence) -> Callable[[Claim], str]:
    """:func:`who`, but a relay as whose figure it carries: "valmar-army via horizon" for
    a radio's own words citing the dispatch of the army's figure."""
    declared = set(ev.declared_relays()) if ev.relayed_from else set()
    if not declared:
        return partial(who_of, ev)
    source = ev.relayed_from
    return lambda c: (
        f"{ev.provenance.speaker(source[c.id])} via {c.outlet}"
        if c.id in declared
        else who_of(ev, c)
    )


def _itself(claim: Claim) -> Claim:
    return claim


def counted_as(ev: GroupEvidence) -> Callable[[Claim], Claim]:
    """Each claim as the claim whose words show the figure it gives: itself, or for a
    relay that words what it relays otherwise (more strictly, or more loosely: "about
    40" of a 41), :func:`wording` of what it relays."""
    reworded, statement_of = ev.reworded, ev.statement_by_claim
    looser = ev.looser_relays() if ev.relayed_from else {}
    if not reworded and not looser:
        return _itself

    def face(c: Claim) -> Claim:
        if c.id in reworded:
            return wording(ev, statement_of[c.id])
        source = looser.get(c.id)
        return c if source is None else wording(ev, statement_of[source.id])

    return face


def wording(ev: GroupEvidence, st: Statement) -> Claim:
    """The claim whose words a finding shows a statement in: its first (by id) in its
    own words — not a relay counted with it that words it otherwise (a radio's "23"
    relaying "at least 23")."""
    reworded = ev.reworded
    if not reworded:
        return st.claims[0]
    return next((c for c in st.claims if c.id not in reworded), st.claims[0])


def duplicate_key(claim: Claim) -> tuple[object, ...] | None:
    """What makes two claims one record written twice (``CC303``, and ``check``'s list of
    candidates that duplicate the store): the same value as it reads, document, claimant
    and stance. ``None`` for a claim with no document: two unsourced claims may be two
    statements."""
    if not claim.source:
        return None
    value = claim.parsed.key if claim.parsed is not None else repr(claim.value)
    return (value, claim.source, claim.claimant, claim.stance)


def origin_name(ev: GroupEvidence, claims: Iterable[Claim]) -> str:
    """An origin in words: its claimant, or its claimants joined as one origin (a party
    with its parts, outlets of one owner): ``fama`` or ``one origin (le-monde, rfi)``."""
    names = sorted({ev.provenance.speaker(c) for c in claims})
    return names[0] if len(names) == 1 else f"one origin ({', '.join(names)})"


def origin_key(ev: GroupEvidence, origin: int) -> str:
    """An origin as a fingerprint names it: its key (``party:csp``), whoever of it speaks."""
    return ev.provenance.origin_key(ev.by_origin()[origin][0])


def step_order(c: Claim) -> tuple[object, ...]:
    """Claims in time order, then by value and id: messages never follow file order."""
    as_of = c.as_of
    when = (as_of.low, as_of.high) if as_of is not None and as_of.known else (dt.date.max,) * 2
    return (*when, *_order(c))


def said_order(ev: GroupEvidence, c: Claim) -> tuple[object, ...]:
    """:func:`step_order`, an origin's own word before a relay of it on the same day (a
    finding is placed at the ministry's statement, not the wire's copy of it)."""
    order = step_order(c)
    return (*order[:2], c.id in ev.relayed_from, *order[2:])


def restating(ev: GroupEvidence, origin: int, pairs: Iterable[tuple[Claim, Claim]]) -> list[Claim]:
    """Every claim of ``origin`` stating one of the values in ``pairs``, and those of the
    pairs (a relay of it among them), by id."""
    statement_of = ev.statement_by_claim
    pairs = list(pairs)
    said = {statement_of[c.id].index for pair in pairs for c in pair}
    found = {c.id: c for c in ev.by_origin()[origin] if statement_of[c.id].index in said}
    found.update((c.id, c) for pair in pairs for c in pair)
    return sorted(found.values(), key=lambda c: c.id)


def stated(claim: Claim) -> str:
    """:attr:`Claim.stated <claimcheck.model.Claim.stated>`, as a function for ``map``
    and ``sorted``."""
    return claim.stated


def listing(
    claims: Iterable[Claim],
    as_of: Callable[[Claim], str | None] | None = None,
    face: Callable[[Claim], Claim] | None = None,
    label: Callable[[Claim], str] = who,
    note: Callable[[Claim], str] | None = None,
) -> str:
    """``10 [medical-sources via rfi]; 14 [rfi]``, lowest value first for quantities;
    with ``as_of``, each speaker with the day its figure holds, where known
    (``10 [medical-sources via rfi as of 2023-11-09]``); with ``face``, each claim's
    value as that claim words it (a relay's, as :func:`counted_as` has it); with
    ``note``, what follows each speaker (``", since raised to 45 (2032-06-03)"``)."""
    parts: dict[str, list[str]] = {}
    shown = face or _itself
    ordered = sorted(claims, key=lambda c: _order(shown(c)))
    words = wordings(ordered, shown)
    for c in ordered:
        day = as_of(c) if as_of is not None else None
        name = f"{label(c)} as of {day}" if day else label(c)
        if note is not None:
            name += note(c)
        names = parts.setdefault(shown(c).said, [])
        if name not in names:
            names.append(name)
    return "; ".join(f"{words[said]} [{', '.join(origins)}]" for said, origins in parts.items())


def wordings(claims: Iterable[Claim], shown: Callable[[Claim], Claim]) -> dict[str, str]:
    """Each value the claims state (as read: :attr:`Claim.said`) in words, its wordings
    as the claims first give them: ``0 / none`` — one value, not two."""
    found: dict[str, list[str]] = {}
    for c in claims:
        words = found.setdefault(shown(c).said, [])
        text = stated(shown(c))
        if text not in words:
            words.append(text)
    return {said: " / ".join(words) for said, words in found.items()}


def _raised_since(ev: GroupEvidence, claims: list[Claim]) -> Callable[[Claim], str] | None:
    """For a figure in a dispute that its origin has raised since (a count of its day:
    :func:`~claimcheck.analysis.conflicts.find_conflicts`), what the origin says now:
    ", since raised to 45 (2032-06-03)"."""
    superseded = ev.superseded
    if not any(c.id in superseded for c in claims):
        return None

    def note(c: Claim) -> str:
        newest = superseded.get(c.id)
        if newest is None:
            return ""
        day = ev.when(newest)
        on = f" ({day})" if day is not None and day.known else ""
        return f", since raised to {newest.stated}{on}"

    return note


def _days(ev: GroupEvidence, claims: list[Claim]) -> Callable[[Claim], str | None] | None:
    """For a running toll whose figures in dispute were given on different days, or
    one of which its origin has raised since, the day each holds (a figure of the 7th
    against one of the 9th is no same-day count)."""
    if not ev.cumulative:
        return None
    when = {c.id: ev.when(c) for c in claims}
    days = {str(w) for w in when.values() if w is not None and w.known}
    if len(days) < 2 and not any(c.id in ev.superseded for c in claims):
        return None
    return lambda c: str(when[c.id]) if when[c.id] is not None and when[c.id].known else None  # type: ignore[union-attr]


def named_first(
    claims: Iterable[Claim], face: Callable[[Claim], Claim] | None = None
) -> str | None:
    """The id of the claim :func:`listing` names first: where a finding points."""
    shown = face or _itself
    return min(claims, key=lambda c: _order(shown(c))).id if claims else None


def value_order(c: Claim) -> tuple[float, str, str]:
    """Claims as :func:`listing` names them: lowest value first, then by text and id."""
    return _order(c)


def _order(c: Claim) -> tuple[float, str, str]:
    v = c.parsed
    if isinstance(v, Quantity):
        return (v.low, str(v), c.id)
    if isinstance(v, DateRange):
        return (float(v.low.toordinal()), str(v), c.id)
    return (0.0, str(v), c.id)


def conflict_draft(ev: GroupEvidence, conflicts: Conflicts, text: str) -> Draft | None:
    """A conflict finding: the claims involved, who contradicts whom, pointing at the
    claim its message names first."""
    claims = conflicts.claims
    if not claims:
        return None
    details: dict[str, object] = (
        {"pairs_total": conflicts.total_pairs}
        if conflicts.total_pairs is not None
        else {"pairs_complete": False}
    )
    if ev.tolerance is not None:
        details["tolerance"] = ev.tolerance
    # Who contradicts whom, value against value, unless every value is against every
    # other: "cannot both hold: 10 vs 14; 10 vs 14+" (14 and 14+ agree).
    face = counted_as(ev)
    by_id = {c.id: face(c) for c in claims}
    # (each value as read: "0" and "none" are one)
    said = {c.id: (_order(by_id[c.id])[0], by_id[c.id].said) for c in claims}
    words = wordings(sorted(claims, key=lambda c: _order(by_id[c.id])), face)
    opposed: dict[tuple[object, object], str] = {}
    for a, b in conflicts.pairs:
        if said[b] < said[a]:  # the lower value first
            a, b = b, a
        key = (said[a], said[b])
        if key not in opposed:
            opposed[key] = f"{words[said[a][1]]} vs {words[said[b][1]]}"
    against = [opposed[k] for k in sorted(opposed)]
    n = len(set(said.values()))
    everyone = len(against) == n * (n - 1) // 2
    whom = f" — cannot both hold: {'; '.join(against[:12])}" if against and not everyone else ""
    if len(against) > 12:
        whom += f"; … ({len(against)} pairs of values)"
    return Draft(
        claims,
        f"{ev.property_id} of {ev.subject_id}: {text}: "
        f"{listing(claims, _days(ev, claims), face, relaying(ev), _raised_since(ev, claims))}"
        f"{whom}",
        key=about(ev, [face(c) for c in claims]),  # (a relay adds no value of its own)
        record=named_first(claims, face),
        pairs=conflicts.pairs,
        details=details,
    )


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
    return sorted(seen.values(), key=_order)[:MAX_COMPARED]


def _clashes(ev: GroupEvidence, claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    statement_of = ev.statement_by_claim
    firsts = _distinct(ev, claims)
    return [
        (a, b)
        for i, a in enumerate(firsts)
        for b in firsts[i + 1 :]
        if ev.statements_conflict(statement_of[a.id], statement_of[b.id])
    ]


def as_of_text(claim: Claim) -> str:
    return str(claim.as_of) if claim.as_of is not None else "undated"


def supported_values(ev: GroupEvidence) -> list[tuple[Statement, Tally]]:
    """Each stated value with the units of evidence supporting it, when it has any
    (worked out once per group: the gap rules read it) — but a value only looser relays
    state ("a dozen" citing the army's 12): its gaps are its source's, found there; nor
    one only figures since revised or overtaken state (an NGO's early "tens of
    thousands" that the UN's later count overtook is nobody's figure now, though the
    government's 22,000 supports it), nor one only an origin's earlier figures state
    (a ministry's daily 1,596 and 1,610 before its 1,628: its latest figure's gaps are
    its gaps, not one warning a day), nor one only uncited claims state (an
    encyclopedia's "30+" beside RFI's "over thirty", or its summary "9-30" of a dispute:
    CC204 names them, and the gaps are those of the values sources state)."""
    found = ev.memo.get("supported_values")
    if found is None:
        tally = ev.tally
        looser = ev.looser_relays() if ev.relayed_from else {}
        past = ev.superseded.keys() | ev.overtaken.keys() | ev.earlier if ev.cumulative else set()
        uncited = ev.unsourced
        found = ev.memo["supported_values"] = [
            (st, t)
            for st in ev.statements
            if not (looser and all(c.id in looser for c in st.claims))
            and not (past and all(c.id in past for c in st.claims))
            and not all(not c.cited or c.id in uncited for c in st.claims)
            and (t := tally(st)).support
        ]
    return found  # type: ignore[return-value]
