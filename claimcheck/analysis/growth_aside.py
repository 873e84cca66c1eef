"""Growth set aside in the tallies: a count on the lower side of a dispute, judged in it
(:func:`~.rival_disputes.disputed_counts`), and a later figure that outgrew it do not
stand against each other.

The tallies weigh each unit's figures against a statement, whatever their dates; a
count that later figures overtook weighs only as the floor it still sets
(:func:`~.tallies.unit_spans`). A count on the lower side of a dispute is not
overtaken: it stands as itself, against its disputers. But a later figure that is its
toll grown does not contradict it: the army's 12 the day medics counted 20, a rights
group's 18 four days on — the medics' 20 disputes the 12, the 18 does not (nor does the
12 dispute the 18). :func:`over_time` takes such figures out of a statement's tally,
the units holding them judged again without them — in a group of at most
:data:`~.rival_disputes.SMALL_GROUP` claims (a bigger one weighs figures whatever their
dates: its cost grows with the group, not its square).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.analysis.growth import outgrows
from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.rival_disputes import WEIGHED, Disputes
from claimcheck.analysis.statements import Statement, Tally, Unit
from claimcheck.analysis.tallies import overtaken_floors, query, spans_of, unit_spans, walk
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def over_time_once(group: GroupEvidence, st: Statement) -> Tally:
    """``st``'s tally (:meth:`GroupEvidence.tally`, tallied), with growth set aside
    (:func:`over_time`) once per statement, whichever way it was tallied."""
    tally = st.tally
    assert tally is not None
    latest = group.latest
    in_dispute, disputes = latest.outgrown_in_dispute, latest.disputes
    # (too many to weigh: figures weighed whatever their dates)
    if in_dispute and disputes is not None and len(in_dispute) * len(group.claims) <= WEIGHED:
        done: set[int] = group.memo.setdefault("regrown_statements", set())  # type: ignore[assignment]
        if st.index not in done:
            done.add(st.index)
            tally = st.tally = over_time(group, st, tally, in_dispute, disputes)
    return tally


def over_time(
    group: GroupEvidence,
    st: Statement,
    tally: Tally,
    in_dispute: frozenset[str],
    disputes: Disputes,
) -> Tally:
    """``st``'s tally with growth set aside: a unit against it only through a later
    figure that outgrew a count of ``st`` on the lower side of a dispute
    (``in_dispute``), or through such a count that every figure of ``st`` outgrew,
    judged without those figures."""
    if not tally.against:
        return tally
    counted = {c.id for c in group.counted}
    mine = [c for c in st.claims if c.stance == "asserts" and c.id in counted]
    if not mine:
        return tally
    statement_of = group.statement_by_claim
    q = query(group, st)
    grown_from = any(c.id in in_dispute for c in mine)
    evidence = {unit.index: claims for unit, _, _, claims in unit_spans(group)}
    aside: dict[int, set[str]] = {}
    for unit in tally.against:
        for c in evidence[unit.index]:
            if c.stance != "asserts":
                continue
            lo, hi = bounds(statement_of[c.id].value)
            if (
                grown_from and lo > q.above and all(_grew(group, disputes, x, c) for x in mine)
            ) or (
                c.id in in_dispute
                and hi < q.below
                and all(_grew(group, disputes, c, y) for y in mine)
            ):
                aside.setdefault(unit.index, set()).add(c.id)
    if not aside:
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


def _grew(group: GroupEvidence, disputes: Disputes, first: Claim, later: Claim) -> bool:
    """Whether ``later``, of another origin, given after ``first``, is its toll grown
    (:func:`~.growth.outgrows`): not the word of an origin that had disputed it (that
    day, or on the way: the UN's 100 steeply above the army's 40, raised to 600), nor a
    figure that bears out one disputing a count on the lower side of a dispute (a rights
    group's 15 the day after the rebels' 15 against the army's 10 sides with them)."""
    a, b = group.when(first), group.when(later)
    origin = group.credited
    disputers = group.latest.disputers
    return (
        a is not None
        and b is not None
        and a.known
        and b.known
        and b.low > a.high
        and origin[first.id] != origin[later.id]
        and (disputers is None or not disputers.disputed(origin[later.id], first))
        and outgrows(group, first, later)
        and (
            first.id not in group.latest.outgrown_in_dispute
            or not any(
                origin[r.id] == origin[later.id] or disputes.bears_out(later, r, first)
                for r in disputes.of(first)
            )
        )
    )
