"""Growth set aside in the tallies: a count on the lower side of a dispute, judged in it
(:func:`~.rival_disputes.disputed_counts`), and a later figure that outgrew it neither
stand against each other.

The tallies weigh each unit's figures against a statement, whatever their dates; a
count that later figures overtook weighs only as the floor it still sets
(:func:`~.tallies.unit_spans`). A count on the lower side of a dispute is not
overtaken: it stands as itself, against its disputers. But a later figure that is its
toll grown does not contradict it: the army's 12 the day medics counted 20, a rights
group's 18 four days on — the medics' 20 disputes the 12, the 18 does not (nor does the
12 dispute the 18). :func:`over_time` takes such figures out of a statement's tally,
the units holding them judged again without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.analysis.conflicts import clash
from claimcheck.analysis.disputers import Disputers
from claimcheck.analysis.growth import outgrows
from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.statements import Statement, Tally, Unit
from claimcheck.analysis.tallies import overtaken_floors, query, spans_of, unit_spans, walk
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: A group's evidence claims looked at and units judged again to set growth aside, up
#: to this many in all: bounded in a big group, where the tallies then weigh figures
#: whatever their dates.
REGROWN_BUDGET = 50_000


def over_time(group: GroupEvidence, st: Statement, tally: Tally) -> Tally:
    """``st``'s tally with growth set aside: a unit against it only through a later
    figure that outgrew a count of ``st`` on the lower side of a dispute, or through
    such a count that every figure of ``st`` outgrew, judged without those figures."""
    in_dispute = group.latest.outgrown_in_dispute
    if not in_dispute or not tally.against:
        return tally
    counted: set[str] = group.memo.get("counted_ids")  # type: ignore[assignment]
    if counted is None:
        counted = group.memo["counted_ids"] = {c.id for c in group.counted}
    mine = [c for c in st.claims if c.stance == "asserts" and c.id in counted]
    if not mine:
        return tally
    disputers: Disputers = group.memo["disputers"]  # type: ignore[assignment]
    statement_of = group.statement_by_claim
    q = query(group, st)
    grown_from = any(c.id in in_dispute for c in mine)
    evidence: dict[int, list[Claim]] | None = group.memo.get("evidence_of_unit")  # type: ignore[assignment]
    if evidence is None:
        evidence = group.memo["evidence_of_unit"] = {
            unit.index: claims for unit, _, _, claims in unit_spans(group)
        }
    spent = int(group.memo.get("regrown", 0))  # type: ignore[call-overload]
    aside: dict[int, set[str]] = {}
    for unit in tally.against:
        spent += len(evidence[unit.index])
        if spent > REGROWN_BUDGET:
            group.memo["regrown"] = spent
            return tally
        for c in evidence[unit.index]:
            if c.stance != "asserts":
                continue
            lo, hi = bounds(statement_of[c.id].value)
            if (
                grown_from and lo > q.above and all(_grew(group, disputers, x, c) for x in mine)
            ) or (
                c.id in in_dispute
                and hi < q.below
                and all(_grew(group, disputers, c, y) for y in mine)
            ):
                aside.setdefault(unit.index, set()).add(c.id)
    spent += len(evidence) if aside else 0
    group.memo["regrown"] = spent
    if not aside or spent > REGROWN_BUDGET:
        return tally
    floors = overtaken_floors(group)
    judged: list[tuple[Unit, Any, Any]] = []
    for unit, spans, denials, claims in unit_spans(group):
        if unit.index in aside:
            kept = [c for c in claims if c.id not in aside[unit.index]]
            if not kept:
                continue
            spans, denials = spans_of(group, kept, floors)
        judged.append((unit, spans, denials))
    return walk(group, st, judged)


def _grew(group: GroupEvidence, disputers: Disputers, first: Claim, later: Claim) -> bool:
    """Whether ``later``, of another origin, given after ``first``, is its toll grown
    (:func:`~.growth.outgrows`): not the word of an origin that had disputed it, nor a
    figure that bears out one disputing a count on the lower side of a dispute (a rights
    group's 15 the day after the rebels' 15 against the army's 10 sides with them)."""
    a, b = group.when(first), group.when(later)
    origin = group.credited
    return (
        a is not None
        and b is not None
        and a.known
        and b.known
        and b.low > a.high
        and origin[first.id] != origin[later.id]
        and not disputers.disputed(origin[later.id], first)
        and outgrows(group, first, later)
        and (
            first.id not in group.latest.outgrown_in_dispute
            or (
                (disputing := _disputing(group, first)) is not None
                and all(clash(group, later, r) for r in disputing)
            )
        )
    )


def _disputing(group: GroupEvidence, x: Claim) -> list[Claim] | None:
    """The figures above ``x`` that cannot hold with it (standing, or raised since by
    their origin), found once — None once the group's :data:`REGROWN_BUDGET` is spent."""
    memo: dict[str, list[Claim] | None] = group.memo.setdefault("disputing", {})  # type: ignore[assignment]
    if x.id in memo:
        return memo[x.id]
    statement_of = group.statement_by_claim
    top = group.limits(statement_of[x.id].value)[1]
    spent = int(group.memo.get("regrown", 0))  # type: ignore[call-overload]
    found: list[Claim] | None = []
    for r in _highest_first(group):
        if not bounds(statement_of[r.id].value)[0] > top:
            break
        spent += 1
        if spent > REGROWN_BUDGET:
            found = None
            break
        if clash(group, x, r):
            found.append(r)  # type: ignore[union-attr]
    group.memo["regrown"] = spent
    memo[x.id] = found
    return found


def _highest_first(group: GroupEvidence) -> list[Claim]:
    """The group's standing figures and those raised since, highest first."""
    found: list[Claim] | None = group.memo.get("regrown_highest")  # type: ignore[assignment]
    if found is None:
        latest, statement_of = group.latest, group.statement_by_claim
        raised = [
            c
            for c in group.claims
            if c.id in latest.superseded and c.id not in latest.withdrawn and c.id in statement_of
        ]
        found = group.memo["regrown_highest"] = sorted(
            (c for c in (*group.counted, *raised) if c.stance == "asserts"),
            key=lambda c: (bounds(statement_of[c.id].value)[0], c.id),
            reverse=True,
        )
    return found
