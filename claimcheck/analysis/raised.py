"""A figure its origin raised since: the floor it still sets in disputes.

An origin's later figure supersedes its earlier one in grades and estimates (DESIGN §2),
but a toll only grows: the UN's "at least 688" of the 14th, though the UN has said 1,139
since, still says at least 688 had died by the 14th, against the army's "no more than
120" of the 20th. :func:`add_raised` gives :mod:`.conflicts` those disputes, where
nothing else carries them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from claimcheck.analysis.intervals import bounds
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def raised_figures(
    group: GroupEvidence, superseded: dict[str, Claim], lowered: frozenset[str]
) -> list[Claim]:
    """The figures their origins raised since (superseded, not lowered): each still a
    floor as of its day."""
    if len(lowered) >= len(superseded):
        return []
    claims = group.store.claims
    return [claims[x] for x in superseded if x not in lowered and claims[x].stance == "asserts"]


def add_raised(
    group: GroupEvidence,
    claims: list[Claim],
    partner: dict[str, Claim],
    raised: list[Claim],
    partners: Callable[[GroupEvidence, list[Claim]], dict[str, Claim]],
) -> list[Claim]:
    """Add to ``partner`` (the partners among ``claims``, found by ``partners``) the
    disputes that figures their origins raised since still carry, and return the claims
    with them where any does.

    A raised figure still disputes a figure below it, as ever: the UN's "at least 688"
    of the 14th, the army's "no more than 120" of the 20th, though the UN has said
    1,139 since; the government's 15,000 displaced of the 8th, the UN agency's 135,000
    of the 12th passing it steeply, though the agency has said 160,000 since. Named
    only where it alone disputes a figure, so that a dispute the origin's latest figure
    carries keeps its values (and its fingerprint); never against a figure above it,
    which its origin has since come up to (a paper's 9, then its 22 and the ministry's
    22). (Looked for only where a raised figure is above one no other disputes.)"""
    if not raised or not group.single or not group.interval:
        return claims
    statement_of = group.statement_by_claim
    alone = [c for c in claims if c.id not in partner]
    top = max((bounds(statement_of[x.id].value)[0] for x in raised), default=None)
    if top is None or not any(top > group.limits(statement_of[c.id].value)[1] for c in alone):
        return claims  # (most running tolls: the latest figures above all earlier ones)
    every = [*claims, *raised]
    more = partners(group, every)
    floors = {x.id for x in raised}

    def over(x: Claim, c: Claim) -> bool:
        return bounds(statement_of[c.id].value)[1] < group.limits(statement_of[x.id].value)[0]

    by_id = {c.id: c for c in every}
    new = {
        cid
        for cid, y in more.items()
        if cid not in partner and cid not in floors and y.id in floors and over(y, by_id[cid])
    }
    if not new:
        return claims
    for cid, y in more.items():
        if cid in new or (cid in floors and y.id in new and over(by_id[cid], y)):
            partner[cid] = y
            partner.setdefault(y.id, by_id[cid])
    return every
