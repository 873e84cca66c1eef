"""An estimate's basis in words: whose figure the best is and how many independent
origins support it, which figures were left out and why, the floor a low was raised
to, the earlier counts overtaken, and the closing word on a weak basis."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimcheck.analysis.estimates.estimate import bound_text, figure_text
from claimcheck.analysis.estimates.figures import claimed_value
from claimcheck.analysis.estimates.floors import Concession
from claimcheck.analysis.grades.admitted_losses import admission
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.units import figure_source
from claimcheck.model import Claim
from claimcheck.values import Quantity, figure_kind


def basis_text(
    ev: GroupEvidence,
    best: float,
    best_open: bool,
    n_best: int,
    best_claims: list[str],
    weak: str | None,
    left_out: list[Claim],
    challenged: list[Claim],
    vague_only: bool,
    best_ceiling: bool = False,
) -> str:
    """The basis in words: the best, whose figure it is and how many independent origins
    support it; the figures left out, and why; the closing word on a weak basis."""
    claims = {c.id: c for c in ev.claims}  # (the group's: a store's is millions)

    def said(c: Claim) -> str:  # (a relay's figure: the one it relays)
        return _said(ev, c)

    # (who gave it: a relay's source, not the relay)
    who = sorted({_giver(ev, claims[cid]) for cid in best_claims})
    # (a vague word's size is nobody's figure: said as what it is)
    what = (
        "the size of " + ", ".join(sorted({f"'{said(claims[c])}'" for c in best_claims})) + ","
        if best_claims and all(_kind(ev, claims[c]) == "vague" for c in best_claims)
        else "the bound"
        if best_open or best_ceiling or all(_kind(ev, claims[c]) == "floor" for c in best_claims)
        else "the figure"
    )
    supported = f"supported by {n_best} independent origin{'s' if n_best != 1 else ''}"
    ranges = [cid for cid in best_claims if _range_from(ev, claims[cid], best)]
    if ranges and not vague_only and not best_open:
        # A range's lower end: the support is the range's (every figure within it), not
        # the end's — "between 10 and 18" is supported by a 10 and an 18.
        points = sorted({_giver(ev, claims[c]) for c in best_claims if c not in ranges})
        # (one wording of it: "10-18" and "between 10 and 18" are one range)
        span = min(said(claims[c]) for c in ranges)
        by = sorted({_giver(ev, claims[c]) for c in ranges})
        text = f"best {figure_text(best)}: " + (
            f"the figure given by {', '.join(points)}, and " if points else ""
        )
        text += f"the lower end of the range {span} given by {', '.join(by)}, the range {supported}"
    elif not best_open and 0 < len(floors := _floors(ev, claims, best_claims)) < len(best_claims):
        # A floor won, and someone states its figure as a number: "at least 12", which
        # the rebels' 30 bears out, and the ministry's 12 — the support is the floor's.
        points = sorted({_giver(ev, claims[c]) for c in best_claims if c not in floors})
        bound = min(said(claims[c]) for c in floors)
        by = sorted({_giver(ev, claims[c]) for c in floors})
        text = (
            f"best {figure_text(best)}: the figure given by {', '.join(points)}, and the "
            f"bound {bound} given by {', '.join(by)}, the bound {supported}"
        )
    else:
        text = (
            f"best {bound_text(best, best_open, ceiling=best_ceiling)}: "
            f"{what} given by {', '.join(who)}, {supported}"
        )
    text += _own_losses(ev, [claims[c] for c in best_claims if c in claims], best)
    shown = sorted({said(c) for c in left_out})
    if shown:
        text += f"; left out as improbable: {', '.join(shown)}"
    partisan = _once_per_origin(ev, challenged)
    if partisan:
        text += (
            "; in the range but not the best, as a party's figure a neutral origin "
            "contradicts: " + ", ".join(partisan)
        )
    if vague_only and (left_out or challenged):
        text += "; the figures left are vague words"
    elif vague_only:
        text += "; no claim states a figure"
    if ev.admitting is not None:
        text += f"; {admission(ev.admitting)}"
    text += _weak_clause(weak)
    return text


def _own_losses(ev: GroupEvidence, best: list[Claim], figure: float) -> str:
    """Of a property counting a side's losses (``losses_of``), where the best is that
    side's own count and another figure is higher: a caution in words (an analyst's
    trial read the Front's "none of our fighters killed" as the best with no word that
    it is the Front's denial of its own losses)."""
    side = ev.prop.losses_of if ev.prop is not None else None
    # (a relay's word is its source's: the wire's "six, the army said" is the army's)
    if (
        side is None
        or not best
        or any(ev.interested_side(ev.relayed_from.get(c.id, c)) != side for c in best)
    ):
        return ""
    statement_of = ev.statement_by_claim
    if not any(
        (st := statement_of.get(c.id)) is not None
        and st.stance == "asserts"
        and isinstance(st.value, Quantity)
        and st.value.low > figure
        for c in ev.counted
    ):
        return ""
    return f"; the best is side {side}'s own count of its losses, which it has reason to keep low"


def with_concession(
    ev: GroupEvidence,
    basis: str,
    weak: str | None,
    concession: Concession,
    below: list[Claim],
    raised: list[str],
) -> str:
    """The basis, saying which figures fell below a side's own losses, and whose (said
    before any closing word on a weak basis)."""
    claims = {c.id: c for c in ev.claims}

    def said(c: Claim) -> str:
        return _said(ev, c)

    def who(c: Claim) -> str:
        return _giver(ev, c)

    side = ev.prop.losses_of if ev.prop is not None else None
    whose = ", ".join(sorted({who(c) for c in concession.at_floor}))
    floor = bound_text(*concession.floor)
    # (the words conceding it, when its floor is not what they say: "about 350")
    words = sorted({said(c) for c in concession.at_floor} - {floor, floor.replace(",", "")})
    worded = f", as {', '.join(repr(w) for w in words)}" if words else ""
    conceded = f"the {floor} that side {side} concedes of its own losses ({whose}{worded})"
    clauses = []
    if below:
        shown = sorted({f"{said(c)} ({who(c)})" for c in below})
        clauses.append(f"left out as below {conceded}: {', '.join(shown)}")
    if raised:
        shown = sorted({f"{said(claims[cid])} ({who(claims[cid])})" for cid in raised})
        clauses.append(f"low raised from {', '.join(shown)} to {conceded}")
    return before_closing(basis, weak, clauses)


def with_confirmed_floor(
    ev: GroupEvidence, basis: str, weak: str | None, at_floor: list[Claim], below: list[Claim]
) -> str:
    """The basis, saying which figures fell below a floor independent origins confirm,
    and whose (said before any closing word on a weak basis)."""
    given = {_giver(ev, c) for c in at_floor}
    # (and who bears it out: a floor overtaken since is confirmed by the counts above it;
    # not a speaker whose figures are in dispute with it)
    at = {c.id for c in at_floor}
    claims = ev.store.claims
    disputing = {
        _giver(ev, claims[b if a in at else a])
        for a, b in ev.conflicts().pairs
        if (a in at) != (b in at)
    }
    others = (
        {_giver(ev, c) for c in ev.support(ev.statement_by_claim[at_floor[0].id])}
        - given
        - disputing
    )
    shown = sorted(others)[:3] + ([f"{len(others) - 3} more"] if len(others) > 3 else [])
    whose = ", ".join(sorted(given)) + (f", borne out by {', '.join(shown)}" if others else "")
    floor = f"the floor of {_said(ev, at_floor[0])} that independent origins confirm ({whose})"
    gone = _once_per_origin(ev, below)
    return before_closing(basis, weak, [f"left out as below {floor}: {', '.join(gone)}"])


def _once_per_origin(ev: GroupEvidence, claims: Iterable[Claim]) -> list[str]:
    """Figures left out, each once per origin and named by its party: one ministry, not
    the papers quoting it, its state broadcaster or a channel copying its communiqué
    word for word ("2 (defence-ministry)")."""
    outlet_party = ev.provenance.outlet_party
    parties = ev.store.parties

    def named(c: Claim) -> str:
        speaker = _giver(ev, c)
        return speaker if speaker in parties else outlet_party(speaker) or speaker

    by_origin: dict[tuple[str, int], set[str]] = {}
    for c in claims:
        by_origin.setdefault((_said(ev, c), ev.credited[c.id]), set()).add(named(c))
    return sorted(
        f"{value} ({min(names, key=lambda n: (n not in parties, n))})"
        for (value, _), names in by_origin.items()
    )


def with_neutral_floor(ev: GroupEvidence, basis: str, weak: str | None, floor: list[Claim]) -> str:
    """The basis, saying the low is the latest neutral count the sides' figures passed."""
    when = ev.said_on(floor[0])
    day = f" of {when}" if when is not None and when.known else ""
    who = ", ".join(sorted({_giver(ev, c) for c in floor}))
    clause = (
        f"low {_said(ev, floor[0])}: the count of {who}{day}, the highest neutral one, "
        "overtaken since"
    )
    return before_closing(basis, weak, [clause])


def vague_words(ev: GroupEvidence, vague: list[Claim], why: str) -> str:
    """The basis's words on vague words counted or left out, and ``why``: "vague words
    left out where figures are stated: 'des dizaines' (eastwind-tv)"."""
    by_word: dict[str, set[str]] = {}
    for c in vague:
        by_word.setdefault(c.value_text, set()).add(_giver(ev, c))
    return f"; {why}: " + ", ".join(
        f"'{word}' ({', '.join(sorted(who))})" for word, who in sorted(by_word.items())
    )


#: The overtaken figures a basis names, at most (a daily toll overtakes thousands).
_NAMED_OVERTAKEN = 4


def overtaken_clause(ev: GroupEvidence, evidence: set[str]) -> str:
    """The basis's words on the figures later, higher ones of other origins overtook
    (counts of their day, no longer the toll, those judged in its dispute too): the
    latest few, by whom."""
    claims = ev.store.claims
    # (a looser relay's words are its source's figure: named once, as the source gave it)
    looser = ev.looser_relays() if ev.relayed_from else {}
    outgrown = [*ev.overtaken, *sorted(ev.latest.outgrown_in_dispute)]
    overtaken = [looser.get(cid) or claims[cid] for cid in outgrown if cid not in evidence]
    named = _latest_named(ev, overtaken)
    return "; earlier counts that later, higher figures overtook: " + named if named else ""


def revised_clause(ev: GroupEvidence, revised: list[Claim]) -> str:
    """The basis's words on figures their own origins revised since to the figure all
    now give: the latest few, by whom."""
    several = len({(_said(ev, c), _giver(ev, c)) for c in revised}) > 1
    lead = (
        "figures their own origins revised since"
        if several
        else "a figure its origin revised since"
    )
    return f"; {lead}: " + _latest_named(ev, revised)


def _latest_named(ev: GroupEvidence, figures: list[Claim]) -> str:
    """Each figure once by whom ("10 (hospital)"), the latest said first, a few at most
    (a daily toll overtakes thousands); "" for none."""
    seen: dict[tuple[str, str], Any] = {}
    for c in figures:
        key = (_said(ev, c), _giver(ev, c))
        when = ev.said_on(c)
        day = when.low if when is not None and when.known else None
        if key not in seen or (day is not None and (seen[key] is None or day > seen[key])):
            seen[key] = day
    latest = sorted(seen, key=lambda k: (seen[k] is not None, seen[k], k), reverse=True)
    named = [f"{said} ({who})" for said, who in latest[:_NAMED_OVERTAKEN]]
    more = len(latest) - len(named)
    return ", ".join(named) + (f" and {more} more" if more else "")


def _kind(ev: GroupEvidence, c: Claim) -> str | None:
    """What a claim's figure offers the estimate: a point, a range, a floor ...
    (:func:`~claimcheck.analysis.estimates.figures.figure_kind` of :func:`claimed_value`)."""
    value = claimed_value(ev, c)
    return figure_kind(value) if isinstance(value, Quantity) else None


def _range_from(ev: GroupEvidence, c: Claim, best: float) -> bool:
    """Whether a claim is a range whose lower end is the best."""
    value = claimed_value(ev, c)
    return isinstance(value, Quantity) and figure_kind(value) == "range" and value.low == best


def _said(ev: GroupEvidence, c: Claim) -> str:
    """A claim's figure as the basis names it (a relay's: the one it relays)."""
    return str(ev.statement_by_claim[c.id].value if c.id in ev.reworded else c.parsed)


def _giver(ev: GroupEvidence, c: Claim) -> str:
    """Who gave the figure ``c`` gives (a relay's source: :func:`figure_source`), in
    words: state or party media as their party."""
    return ev.provenance.speaker(figure_source(ev, c))


def _floors(ev: GroupEvidence, claims: dict[str, Claim], ids: list[str]) -> list[str]:
    """The claims of ``ids`` stating a floor ("at least 12")."""
    return [c for c in ids if _kind(ev, claims[c]) == "floor"]


def _weak_clause(weak: str | None) -> str:
    return f"; {weak}, so the basis is weak" if weak else ""


def before_closing(basis: str, weak: str | None, clauses: list[str]) -> str:
    """The basis with ``clauses`` added before its closing word on a weak basis."""
    closing = _weak_clause(weak)
    if closing and basis.endswith(closing):
        basis = basis[: -len(closing)]
    else:
        closing = ""
    return basis + "".join(f"; {c}" for c in clauses) + closing
