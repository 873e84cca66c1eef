"""How findings' messages name claims: who says a value (:func:`who`, a relay as whose
figure it carries), in whose words (:func:`counted_as`, :func:`wording`), the values
listed with their speakers (:func:`listing`), an origin, and a claim's date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.rules.claim_order import value_order


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


def origin_name(ev: GroupEvidence, claims: Iterable[Claim]) -> str:
    """An origin in words: its claimant, or its claimants joined as one origin (a party
    with its parts, outlets of one owner): ``fama`` or ``one origin (le-monde, rfi)``."""
    names = sorted({ev.provenance.speaker(c) for c in claims})
    return names[0] if len(names) == 1 else f"one origin ({', '.join(names)})"


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
    ordered = sorted(claims, key=lambda c: value_order(shown(c)))
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


def named_first(
    claims: Iterable[Claim], face: Callable[[Claim], Claim] | None = None
) -> str | None:
    """The id of the claim :func:`listing` names first: where a finding points."""
    shown = face or _itself
    return min(claims, key=lambda c: value_order(shown(c))).id if claims else None


def as_of_text(claim: Claim) -> str:
    return str(claim.as_of) if claim.as_of is not None else "undated"
