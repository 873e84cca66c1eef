"""A count disputed the day it was given, and the later figures of those who disputed
it: not the toll grown past it (:func:`not_by_disputers`, which
:func:`~.latest_figures.find_latest_figures` asks after :func:`~.growth.note_overtaken`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.bridges import overtaking_limits
from claimcheck.analysis.conflicts import RISE_DAYS
from claimcheck.analysis.growth import outgrows
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.model import Claim
from claimcheck.values import DateRange
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: At most this many later figures, highest first, are looked at for another origin's
#: count overtaking a figure whose overtaker had disputed it (bounded in a big group).
OTHER_OVERTAKERS_TRIED = 256


class Disputers:
    """Whether an origin disputed a figure when it was given: its latest word by then
    (its figures of its last day up to that day) was above it, beyond what the figure's
    tolerance allows — security sources' "about 60" the day the army said "more than
    100" (not a figure it had withdrawn by then). Each origin's figures are indexed by
    day, with each day's highest lower bound."""

    def __init__(
        self,
        group: GroupEvidence,
        claims: list[Claim],
        when: dict[str, DateRange | None],
        origin: dict[str, int],
    ) -> None:
        self.group, self.when = group, when
        value = group.statement_by_claim
        given: dict[int, list[tuple[int, int, Bound]]] = defaultdict(list)
        for c in claims:
            as_of = when.get(c.id)
            if c.stance == "asserts" and as_of is not None and as_of.known and c.id in value:
                given[origin[c.id]].append(
                    (as_of.low.toordinal(), as_of.high.toordinal(), bounds(value[c.id].value)[0])
                )
        #: origin -> (its days, in order; each day's highest lower bound; how much the
        #: origin rose a day from it to its next figure, 0 after its last day)
        self.index: dict[int, tuple[list[int], list[Bound], list[float]]] = {}
        for o, figures in given.items():
            top_of: dict[int, Bound] = {}
            lowest_of: dict[int, Bound] = {}
            last_of: dict[int, int] = {}  # (each day's figures' last day: a range's end)
            for day, end, low in figures:
                if day not in top_of or low > top_of[day]:
                    top_of[day] = low
                if day not in lowest_of or low < lowest_of[day]:
                    lowest_of[day] = low
                last_of[day] = max(end, last_of.get(day, end))
            days = sorted(top_of)
            # (as the conflicts weigh a figure raised since: from the end of its dates to
            # the first day after them, that day's lowest figure, conflicts._daily_rise)
            rise = []
            for d in days:
                end = last_of[d]
                k = bisect_right(days, end)
                gap = days[k] - end if k < len(days) else None
                rise.append(
                    (lowest_of[days[k]][0] - top_of[d][0]) / max(1, gap)
                    if gap is not None and gap <= RISE_DAYS
                    else 0.0
                )
            self.index[o] = (days, [top_of[d] for d in days], rise)

    def disputed(self, o: int, x: Claim) -> bool:
        """Whether the origin ``o`` had disputed ``x`` when ``x`` was given."""
        found = self.index.get(o)
        as_of = self.when.get(x.id)
        if found is None or as_of is None or not as_of.known:
            return False
        value = self.group.statement_by_claim[x.id].value
        if bounds(value)[1][0] == INF:
            return False  # (a floor: a higher figure bears "at least 50" out)
        days, tops, rise = found
        k = bisect_right(days, as_of.high.toordinal())
        if k == 0:
            return False
        # (above it, by more than the origin then rose a day: a hospital's 12 the day a
        # wire said "about ten", then its 15 the next day, is the toll moving within the
        # day, as the conflicts have it — a new user's trial: the grades called the two
        # contradicted, and no finding said so)
        limit = overtaking_limits(self.group, value)[0]
        return tops[k - 1] > limit and tops[k - 1][0] - limit[0] > rise[k - 1]


def not_by_disputers(
    group: GroupEvidence,
    overtaken: dict[str, Claim],
    cited: list[Claim],
    counted: list[Claim],
    when: dict[str, DateRange | None],
    origin: dict[str, int],
) -> Disputers | None:
    """Leave in ``overtaken`` no figure overtaken by a later figure of an origin that had
    disputed it when it was given (:class:`Disputers`): security sources' "about 60",
    the army's "more than 100" that day and its 130 two days on are the army's word all
    along, not the toll grown past the 60. Another origin's later count may still have
    overtaken it (the highest that :func:`outgrows` it, of those tried); else it is no
    longer a count overtaken, but a figure in the dispute. ``cited``: the figures, with
    those their origins revised; ``counted``: those standing. Returns the
    :class:`Disputers` it asked (None with nothing overtaken)."""
    if not overtaken:
        return None
    disputers = Disputers(group, cited, when, origin)
    value = group.statement_by_claim
    ranked: list[Claim] | None = None  # (the standing figures, highest first: when asked)
    for xid, y in list(overtaken.items()):
        x = group.store.claims[xid]
        if not disputers.disputed(origin[y.id], x):
            continue
        if ranked is None:
            ranked = sorted(
                (c for c in counted if c.stance == "asserts" and c.id in value),
                key=lambda c: (bounds(value[c.id].value)[0], c.id),
                reverse=True,
            )
        overtaker = _undisputed_overtaker(group, x, ranked, disputers, when, origin)
        if overtaker is None:
            del overtaken[xid]
        else:
            overtaken[xid] = overtaker
    return disputers


def _undisputed_overtaker(
    group: GroupEvidence,
    x: Claim,
    ranked: list[Claim],
    disputers: Disputers,
    when: dict[str, DateRange | None],
    origin: dict[str, int],
) -> Claim | None:
    """The highest later figure, of an origin neither ``x``'s nor one that had disputed
    it, that outgrows ``x`` (of the :data:`OTHER_OVERTAKERS_TRIED` highest)."""
    value = group.statement_by_claim
    said = when[x.id]
    assert said is not None
    above = overtaking_limits(group, value[x.id].value)[0]
    mine = origin[x.id]
    for c in ranked[:OTHER_OVERTAKERS_TRIED]:
        if not bounds(value[c.id].value)[0] > above:
            break
        later = when.get(c.id)
        if (
            later is None
            or not later.known
            or not later.low > said.high
            or origin[c.id] == mine
            or disputers.disputed(origin[c.id], x)
        ):
            continue
        if outgrows(group, x, c):
            return c
    return None


#: At most this many standing claims of a figure's statement, latest first, are looked
#: at for its count held since (bounded in a big group).
HELD_TRIED = 512


def not_past_held_counts(
    group: GroupEvidence,
    overtaken: dict[str, Claim],
    counted: list[Claim],
    when: dict[str, DateRange | None],
    origin: dict[str, int],
) -> None:
    """Leave in ``overtaken`` no figure whose overtaker disputes the same count given
    again, on its day or later, by a third origin, and still standing: OCHA's 17 of the
    shelling's day is no count the rebels' 26 a week on grew out of when the hospital
    still counted 17 the day after, a count the 26 disputes (given before the 26 and
    not outgrown by it, or given after it, lower) — the 17 stands with the hospital's,
    in the dispute. A count the overtaker outgrows too (the toll grown past both) leaves
    it overtaken. (Asked once per statement, overtaker and day.)"""
    if not overtaken:
        return
    value = group.statement_by_claim
    # Each statement's standing claims, latest first.
    held: dict[int, list[Claim]] = defaultdict(list)
    for c in counted:
        said = when.get(c.id)
        if c.id not in overtaken and c.id in value and said is not None and said.known:
            held[value[c.id].index].append(c)
    if not held:
        return
    for found in held.values():
        found.sort(key=lambda c: when[c.id].low, reverse=True)  # type: ignore[union-attr]
    # (statement, overtaker, day) -> the origins (two at most) of counts it disputes
    blocking: dict[tuple[int, str, dt.date], list[int]] = {}
    for xid, y in list(overtaken.items()):
        said, later = when.get(xid), when.get(y.id)
        if said is None or later is None or not later.known or xid not in value:
            continue
        index = value[xid].index
        key = (index, y.id, said.low)
        origins = blocking.get(key)
        if origins is None:
            origins = blocking[key] = []
            for z in held.get(index, ())[:HELD_TRIED]:
                since = when[z.id]
                assert since is not None
                if since.low < said.low:
                    break
                o = origin[z.id]
                if o == origin[y.id] or o in origins:
                    continue
                if not later.low > since.high or not outgrows(group, z, y):
                    origins.append(o)
                    if len(origins) == 2:
                        break
        if any(o != origin[xid] for o in origins):
            del overtaken[xid]
