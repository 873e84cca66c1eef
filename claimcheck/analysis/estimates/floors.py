"""Floors under an estimate's low beyond the latest figures: what a side concedes of its
own losses (DESIGN §4: a statement against interest), a floor that independent origins
confirm, and the highest neutral count that a side's later figures overtook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from claimcheck.analysis.estimates.figures import figures_of
from claimcheck.analysis.grades import Grade
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.analysis.units import concedes_losses
from claimcheck.model import Claim
from claimcheck.values import Quantity, figure_kind


class Concession(NamedTuple):
    """What a side concedes of its own losses, as a floor for the estimate."""

    #: The side's figures conceding them (its latest, credible ones).
    conceding: list[Claim]
    #: The claims at the floor (overtaken ones too: a toll only grows).
    at_floor: list[Claim]
    #: The floor: the highest lower bound the side concedes, as ``(figure, excluded)``.
    floor: tuple[float, bool]
    #: The figures wholly below it (within the tolerance is not below).
    below: set[str]
    #: A lower bound under this is below it (the floor less the tolerance).
    under: Bound


def side_concession(ev: GroupEvidence, credible: list[Claim]) -> Concession | None:
    """What a side concedes of its own losses (DESIGN §4: a statement against interest),
    if anything. A property counting a side's losses (``losses_of``): that side's
    figures of them — its latest, credible ones, and those a later count overtook, for
    a toll only grows — are floors: an army admitting 12 of its soldiers killed says at
    least 12 died, whatever it says against the rebels' 60. So a count of 8 is no
    credible low, a range "8-20" gives no low under 12, and a hospital's 15 does not
    make the army's 12 a partisan figure. The floor is the highest the side concedes: its
    army admitting 12 is an admission, whatever lower figure its ministry gave (10). A
    ceiling ("at most 5") concedes nothing, nor
    does a vague word ("des dizaines") or an anonymous source ("military sources"),
    which weigh too little to overrule a count."""
    side = ev.prop.losses_of if ev.prop is not None else None
    if side is None or side not in ev.sides:
        return None
    units, statement_of = ev.units, ev.statement_by_claim

    def concedes(c: Claim) -> bool:
        return concedes_losses(ev, c, side)

    conceding = [c for c in credible if concedes(c)]
    claims = ev.store.claims
    past = [claims[x] for x in ev.overtaken if concedes(claims[x])]
    if not conceding and not past:
        return None
    every = conceding + past
    floor = max(bounds(statement_of[c.id].value)[0] for c in every)
    at_floor = [c for c in every if bounds(statement_of[c.id].value)[0] == floor]
    under = ev.limits(statement_of[at_floor[0].id].value)[0]  # (within tolerance: not below)
    below = {
        c.id
        for c in credible
        if units[c.id].stake != side and bounds(statement_of[c.id].value)[1] < under
    }
    return Concession(conceding, at_floor, (floor[0], floor[1] > 0), below, under)


class ConfirmedFloor(NamedTuple):
    """A neutral origin's floor ("at least 31") that independent origins confirm (graded
    1), as a floor for the estimate."""

    #: The claims at the floor.
    at_floor: list[Claim]
    #: The floor, as ``(figure, excluded)``.
    floor: tuple[float, bool]
    #: The figures wholly below it (within the tolerance is not below).
    below: set[str]
    #: A lower bound under this is below it (the floor less the tolerance).
    under: Bound


def confirmed_floor(
    ev: GroupEvidence, credible: list[Claim], grades: dict[str, Grade]
) -> ConfirmedFloor | None:
    """The highest floor a neutral origin states that independent origins confirm — a
    hospital's "at least 31" that anonymous officials' "about 40" bears out — if any: the
    toll is at least that, so a figure wholly below it (the army's 15 of its own soldiers)
    is no credible figure. For a running toll, a floor confirmed and since raised or
    overtaken by higher counts still binds."""
    units, statement_of = ev.units, ev.statement_by_claim

    def floor_of(c: Claim) -> Bound | None:
        value = statement_of[c.id].value
        if (
            c.stance != "asserts"
            or not units[c.id].neutral
            or not isinstance(value, Quantity)
            or figure_kind(value) != "floor"
            or (
                not (grades[c.id].grade == 1 if c.id in grades else False)
                and not (c.id in earlier and _confirmed(ev, statement_of[c.id]))
            )
        ):
            return None
        return bounds(value)[0]

    # (a running toll only grows: a floor confirmed then raised or overtaken still binds)
    claims = ev.store.claims
    past = (
        [claims[x] for x in ev.overtaken]
        + [
            claims[x]
            for x, newer in ev.superseded.items()
            if bounds(statement_of[newer.id].value)[0] >= bounds(statement_of[x].value)[0]
        ]
        if ev.cumulative
        else []
    )
    earlier = {c.id for c in past}  # (graded as counts of their day: their tallies say)
    top, at_floor = _highest(credible + past, floor_of)
    if top is None:
        return None
    under = ev.limits(statement_of[at_floor[0].id].value)[0]  # (within tolerance: not below)
    below = {c.id for c in credible if bounds(statement_of[c.id].value)[1] < under}
    return ConfirmedFloor(sorted(at_floor, key=lambda c: c.id), (top[0], top[1] > 0), below, under)


def _confirmed(ev: GroupEvidence, st: Statement) -> bool:
    """Whether the origins behind a statement confirm it, as grade 1 has it: enough
    independent ones, at least one neutral, no neutral one against."""
    (_, n_for, sides), (_, n_against, _) = ev.tally(st).weighed()
    return n_for >= 1 and n_for + len(sides) >= ev.thresholds.corroborated_at and n_against == 0


def neutral_floor(
    ev: GroupEvidence, grades: dict[str, Grade]
) -> tuple[list[Claim], float, bool] | None:
    """The highest neutral count later figures overtook (a figure, a range or a floor;
    not a vague word, a ceiling or an improbable figure) — of those as high, the latest
    — with its lower bound and whether it is excluded: every claim giving it then."""
    units, statement_of, claims = ev.units, ev.statement_by_claim, ev.store.claims

    def count_of(c: Claim) -> tuple[Bound, dt.date] | None:
        value = statement_of[c.id].value
        if (
            c.stance != "asserts"
            or not units[c.id].neutral
            or not isinstance(value, Quantity)
            or figure_kind(value) in ("vague", "ceiling")
            or (c.id in grades and grades[c.id].grade == 5)
        ):
            return None
        when = ev.said_on(c)
        # (the figure it states: "about 60" is 60, not the 54 it is read from)
        stated = (figures_of(value).low, bounds(value)[0][1])
        return stated, when.low if when is not None and when.known else dt.date.min

    best, found = _highest([claims[x] for x in ev.overtaken], count_of)
    if best is None:
        return None
    (figure, excluded), _ = best
    return sorted(found, key=lambda c: c.id), figure, excluded > 0


_K = TypeVar("_K", Bound, tuple[Bound, dt.date])


def _highest(
    claims: list[Claim], key: Callable[[Claim], _K | None]
) -> tuple[_K | None, list[Claim]]:
    """The highest ``key`` of ``claims`` (None: not a candidate) and the claims at it."""
    top: _K | None = None
    found: list[Claim] = []
    for c in claims:
        k = key(c)
        if k is None:
            continue
        if top is None or k > top:
            top, found = k, [c]
        elif k == top:
            found.append(c)
    return top, found
