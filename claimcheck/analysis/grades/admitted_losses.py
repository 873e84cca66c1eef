"""A side's figures of its own losses in a grade (the property's ``losses_of``): what it
admits is a floor, which a neutral count above it does not make doubtful, nor does the
admission gainsay a figure above it; and an admission against interest, above every
figure of the other side, weighs as a neutral origin (:func:`admission`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement, Tally, Unit
from claimcheck.analysis.tallies import query, unit_spans, walk
from claimcheck.analysis.units import anonymous_source, concedes_losses
from claimcheck.model import Claim
from claimcheck.values import Quantity


def conceding_unit(ev: GroupEvidence) -> Unit | None:
    """The unit of the side whose losses the property counts (``losses_of``), when every
    figure its named voices give of them concedes some
    (:func:`~claimcheck.analysis.units.concedes_losses`, as the estimate's floor reads
    them; worked out once a group)."""
    if "conceding" in ev.memo:
        return ev.memo["conceding"]  # type: ignore[return-value]
    side = ev.prop.losses_of if ev.prop is not None else None
    found: Unit | None = None
    if side is not None and side in ev.sides:
        units = ev.units
        # (an anonymous source of the side, "military sources", concedes nothing, nor
        # does it take back what the side's named voices concede: a reviewer's store)
        mine = [c for c in ev.counted if units[c.id].stake == side and not anonymous_source(ev, c)]
        if mine and all(concedes_losses(ev, c, side) for c in mine):
            found = units[mine[0].id]
    ev.memo["conceding"] = found
    return found


def counts_aside(ev: GroupEvidence, st: Statement, tally: Tally, conceding: Unit) -> Tally:
    """``st``'s tally for its grade, where a side gives figures of its own losses
    (``conceding``: :func:`conceding_unit`), floors — what it admits died, at least: a
    neutral count wholly above the admission says more died than the side admits, which
    does not make the admission doubtful (README, "A side's own losses are a floor"),
    nor does the admission gainsay a figure above it (a rights group's 40 beside the
    army's 20). Where the side concedes more than the other side says (against its
    interest: :attr:`GroupEvidence.admitting`, DESIGN §4), a neutral count wholly below
    it is an undercount, not a contradiction, too — the army's 15 of its own soldiers
    killed against a paper's 12 (the estimate leaves the 12 out); otherwise two neutral
    counts below the side's figure still make it improbable."""
    if not isinstance(st.value, Quantity):
        return tally
    q = query(ev, st)
    below, above = q.below, q.above
    admitting = conceding is ev.admitting
    by_unit = _entries(ev)
    if any(ev.units[c.id] is conceding for c in st.claims):
        # (of the units its tally holds against it, each read once a group: no walk over
        # the group's units, nor over a unit's claims for each of the side's figures)
        reach = _reach(ev)
        apart = reach.above(above) + (reach.below(below) if admitting else [])
        # (the tally's units listed only when some unit lies apart: listing them costs)
        aside = {u.index for u in tally.against}.intersection(apart) if apart else set()
    else:  # (the admission is a floor: a higher neutral count does not gainsay it)
        if len(by_unit) * len(ev.statements) > _REJUDGED:
            return tally  # (a big group: judged as any figure is, its cost linear)
        if any(ev.units[c.id].side is not None for c in st.claims):
            # (the enemy's 200 is disputed by the army's 20, as CC101 says: a reviewer's
            # store had the army's 20 disputed by the Front's 200 and not the other way)
            return tally
        top = _admitted_top(ev, conceding)
        if top is None or not top < below:
            return tally
        aside = {conceding.index} if any(u is conceding for u in tally.against) else set()
    if not aside:
        return tally
    # (judged again by the units the tally weighed, less those: not one it set aside as
    # a running toll's growth; as many as the tally holds, not the group's)
    kept = {u.index for u in tally.support} | ({u.index for u in tally.against} - aside)
    return walk(ev, st, [by_unit[i][:3] for i in sorted(kept)])


#: Beyond this many (statement, unit) pairs, figures above a side's admission of its
#: own losses are judged with it against them, as any figure is: each would be judged
#: again (DESIGN §4: a group's cost grows with the group, not its square).
_REJUDGED = 20_000


class _Reach:
    """The neutral units asserting all they say, by their figures' lowest bound and by
    their highest: those wholly above a bound, or below one, are a slice of each
    (worked out once a group)."""

    def __init__(self, ev: GroupEvidence) -> None:
        statement_of = ev.statement_by_claim
        lows: list[tuple[Bound, int]] = []
        highs: list[tuple[Bound, int]] = []
        for unit, _, _, claims in unit_spans(ev):
            if unit.side is None and all(c.stance == "asserts" for c in claims):
                spans = [bounds(statement_of[c.id].value) for c in claims]
                lows.append((min(lo for lo, _ in spans), unit.index))
                highs.append((max(hi for _, hi in spans), unit.index))
        lows.sort()
        highs.sort()
        self._lows, self._by_low = [b for b, _ in lows], [i for _, i in lows]
        self._highs, self._by_high = [b for b, _ in highs], [i for _, i in highs]

    def above(self, bound: Bound) -> list[int]:
        """The units whose every figure lies wholly above ``bound``."""
        return self._by_low[bisect_right(self._lows, bound) :]

    def below(self, bound: Bound) -> list[int]:
        """The units whose every figure lies wholly below ``bound``."""
        return self._by_high[: bisect_left(self._highs, bound)]


def _reach(ev: GroupEvidence) -> _Reach:
    found = ev.memo.get("unit_reach")
    if found is None:
        found = ev.memo["unit_reach"] = _Reach(ev)
    return found  # type: ignore[return-value]


def _entries(ev: GroupEvidence) -> dict[int, tuple[Unit, Any, Any, list[Claim]]]:
    """:func:`~claimcheck.analysis.tallies.unit_spans` by unit index (worked out once a group)."""
    found = ev.memo.get("unit_entries")
    if found is None:
        found = ev.memo["unit_entries"] = {entry[0].index: entry for entry in unit_spans(ev)}
    return found  # type: ignore[return-value]


def _admitted_top(ev: GroupEvidence, conceding: Unit) -> Bound | None:
    """The highest upper bound of the admitting side's asserted figures, if each is one
    (worked out once a group): a statement whose lower limit is above it is one the
    admission does not gainsay. None where a denial is among them."""
    if "admitted_top" in ev.memo:
        return ev.memo["admitted_top"]  # type: ignore[return-value]
    top: Bound | None = None
    statement_of = ev.statement_by_claim
    for unit, _, _, claims in unit_spans(ev):
        if unit is conceding:
            if all(c.stance == "asserts" for c in claims):
                top = max(bounds(statement_of[c.id].value)[1] for c in claims)
            break
    ev.memo["admitted_top"] = top
    return top


def conceded(ev: GroupEvidence) -> set[int]:
    """The statements a side's concession bears on, by index: those its figures support
    or contradict (worked out once a group; a side concedes in one or two figures)."""
    found = ev.memo.get("conceded")
    if found is None:
        admitting, units, statement_of = ev.admitting, ev.units, ev.statement_by_claim
        assert admitting is not None
        conceding = {
            statement_of[c.id].index: statement_of[c.id]
            for c in ev.counted
            if units[c.id] is admitting
        }
        found = ev.memo["conceded"] = {
            st.index
            for st in ev.statements
            if any(
                ev.statement_supports(a, st) or ev.statements_conflict(a, st)
                for a in conceding.values()
            )
        }
    return found  # type: ignore[return-value]


def admission(unit: Unit) -> str:
    """Why a side's unit weighs as a neutral origin, in words."""
    return (
        f"side {unit.admits} gives its own losses above every figure of the other side: "
        "against its interest, it weighs as a neutral origin"
    )
