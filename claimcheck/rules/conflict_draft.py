"""A conflict finding drafted for the conflict rules (CC101-CC104): the claims that
cannot all hold, listed with their speakers (with the day each figure holds, or what its
origin says now, where that tells), who contradicts whom, pointing at the claim its
message names first."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Conflicts
from claimcheck.model import Claim
from claimcheck.rules.base import Draft
from claimcheck.rules.claim_order import value_order
from claimcheck.rules.keys import about
from claimcheck.rules.naming import counted_as, listing, named_first, relaying, wordings


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
    said = {c.id: (value_order(by_id[c.id])[0], by_id[c.id].said) for c in claims}
    words = wordings(sorted(claims, key=lambda c: value_order(by_id[c.id])), face)
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
