"""Selecting claims, and turning one into the record users see in JSON and tables."""

from __future__ import annotations

from typing import Any

from claimcheck.model import Claim
from claimcheck.store.store import Store
from claimcheck.values import DateRange, Quantity


def subject_tree(store: Store, subject: str) -> set[str]:
    """``subject`` and every subject that is part of it, however deep."""
    children: dict[str, list[str]] = {}
    for s in store.subjects.values():
        if s.part_of:
            children.setdefault(s.part_of, []).append(s.id)
    out = {subject}
    todo = [subject]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def query_claims(
    store: Store,
    *,
    subject: str | None = None,
    property: str | None = None,
    outlet: str | None = None,
    claimant: str | None = None,
    with_parts: bool = False,
) -> list[Claim]:
    """Claims matching every filter given; ``subject`` includes the subject's parts, and
    ``claimant`` with ``with_parts`` the parties ``part_of`` it (a ministry's
    spokeswoman, the ministry's own)."""
    subjects = subject_tree(store, subject) if subject else None
    claimants = None if claimant is None else {claimant}
    if claimants is not None and with_parts:
        claimants |= {p for p in store.parties if claimant in store.part_of_chain(p)}
    return [
        c
        for c in store.claims.values()
        if (subjects is None or c.subject in subjects)
        and (property is None or c.property == property)
        and (outlet is None or c.outlet == outlet)
        and (claimants is None or c.claimant in claimants)
    ]


def interval_of(claim: Claim) -> list[Any] | None:
    """``[low, high]`` of a quantity or date value (None for an open end); None for a
    value stated as unknown, which allows anything."""
    v = claim.parsed
    if isinstance(v, Quantity):
        if v.form == "unknown":
            return None
        return [v.low, None if v.high == float("inf") else v.high]
    if isinstance(v, DateRange):
        return [v.low.isoformat(), v.high.isoformat()] if v.known else None
    return None


def claim_record(store: Store, claim: Claim) -> dict[str, Any]:
    """A claim with its defaults resolved (claimant, as_of) and its outlet, for output."""
    return {
        "id": claim.id,
        "subject": claim.subject,
        "property": claim.property,
        "value": claim.value if not isinstance(claim.value, dict) else dict(claim.value),
        "value_text": claim.value_text,
        "interval": interval_of(claim),
        "stance": claim.stance,
        "source": claim.source,
        "claimant": claim.claimant,
        "claimant_named": claim.claimant_given,
        "outlet": claim.outlet,
        "as_of": str(claim.as_of) if claim.as_of is not None else None,
        "quote": claim.quote,
        "locator": claim.locator,
        "note": claim.note,
        "status": claim.status,
        "location": str(store.location(claim.id)),
    }
