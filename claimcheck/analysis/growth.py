"""A running toll's growth or dispute over time.

A count of its day that a later, higher figure of another origin overtakes is growth,
not a dispute: one given while the subject was still under way — unless the two have
different stakes and the later rises steeply for the days between (twice as high within
a week, and at that rate for up to two weeks) — and one given after it ended, by a
later count of its own stake (:func:`outgrows`; :func:`note_overtaken`
finds them in a group).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from claimcheck.analysis.bridges import (
    CONTEMPORARY_DAYS,
    GROWTH_DAYS,
    STEEP_RISE,
    bridged,
    overtaking_limits,
    rise_allowed,
    steep,
)
from claimcheck.analysis.intervals import Bound, Item, best_two, bounds
from claimcheck.model import Claim
from claimcheck.values import DateRange

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

__all__ = [
    "CONTEMPORARY_DAYS",
    "GROWTH_DAYS",
    "STEEP_RISE",
    "ByStakeAndDay",
    "after_end",
    "bridged",
    "enemy",
    "enemy_claim",
    "may_outgrow",
    "note_overtaken",
    "on_last_day",
    "outgrows",
    "overtaking_limits",
    "own_losses",
    "rise_allowed",
    "rivals",
    "steep",
]


def rivals(side: str | None, other: str | None) -> bool:
    """Whether two stakes are opposing sides (neither neutral)."""
    return side is not None and other is not None and side != other


def outgrows(group: GroupEvidence, first: Claim, later: Claim) -> bool:
    """Whether ``later``, a higher figure given after ``first`` by another origin, may be
    ``first``'s toll grown: told by an origin of the same stake (both neutral, or both
    of one side) — a count goes on growing after the subject has ended, as bodies are
    found, the wounded die and victims are named — or, for a ``first`` given while the
    subject was under way, unless ``later`` is the enemy's claim of the losses that
    ``first`` counts, the losing side's own or neutral, within :data:`GROWTH_DAYS`
    (:func:`enemy_claim`), or ``first`` was given on its last
    day and ``later`` by
    the other side, a dispute (DESIGN §2: the army's toll on the day of a one-day
    attack, the rebels' the next day), more than
    :data:`GROWTH_DAYS` later, or no higher than the days between allow
    (:func:`~.bridges.rise_allowed`: :data:`STEEP_RISE` times within a week, a ministry's
    toll on the day and a hospital's modestly higher count the next; the army's 40 and
    a UN office's 400 eight days later are a dispute) — the rise measured directly, or
    through the counts given between them (:func:`bridged`:
    a paper's 9 the day after a raid, the hospital's 14 the next day and a rights
    group's "at least 20" three days on are one count growing).
    (A figure of unknown date may be anything's growth: callers ask only of figures
    :func:`.timing.before` orders.)"""
    a, b = group.when(first), group.when(later)
    by_stake = _by_stake(group, first, later, a, b)
    if by_stake is not None:
        return by_stake
    assert a is not None and b is not None
    return _grows_within_days(group, first, later, a, b) or bridged(group, first, later)


def _by_stake(
    group: GroupEvidence, first: Claim, later: Claim, a: DateRange | None, b: DateRange | None
) -> bool | None:
    """:func:`outgrows` by the two figures' stakes and dates (``a``, ``b``) alone: True
    or False, or None when it depends on how steeply ``later`` rises within days."""
    units = group.units
    mine, theirs = units[first.id].stake, units[later.id].stake
    if mine == theirs:
        # (one stake's count given after the end still grows, but not steeply within
        # days: Le Monde's 3 the day after a strike and Le Figaro's 300 the next day
        # are a dispute)
        if a is None or b is None or not after_end(group, a):
            return True
        return None
    if a is None or b is None:
        return True
    # (a side's count of its own losses, or a neutral count of them, then the other
    # side's higher figure within GROWTH_DAYS: the enemy's claim, a dispute — not the
    # toll grown, which left the count out of the estimate, built on the enemy's alone:
    # analysts' trials; weeks later, the toll grown as ever — a reviewer's store)
    if enemy_claim(group, mine, theirs) and (b.low - a.high).days <= GROWTH_DAYS:
        return False
    if after_end(group, a):
        return False
    if rivals(mine, theirs) and on_last_day(group, a):
        return False
    return None


def _grows_within_days(
    group: GroupEvidence, first: Claim, later: Claim, a: DateRange, b: DateRange
) -> bool:
    """Whether ``later`` (said ``b``) is given more than :data:`GROWTH_DAYS` after
    ``first`` (said ``a``), or rises over it no more than the days between allow."""
    days = (b.low - a.high).days
    if days > GROWTH_DAYS:
        return True
    value = group.statement_by_claim
    upper = overtaking_limits(group, value[first.id].value)[1]
    return not steep(upper, bounds(value[later.id].value)[0], days)


def after_end(group: GroupEvidence, as_of: DateRange) -> bool:
    """Whether a figure dated ``as_of`` was given after the subject ended (its date
    reaching past the last day): only a later count of its own stake outgrows it."""
    end = group.end
    return end is not None and as_of.high > end


def own_losses(group: GroupEvidence, stake: str | None) -> bool:
    """Whether the group counts the losses of the side ``stake``: its own figure, which
    the other side's later, higher ones do not outgrow (they claim what it lost)."""
    prop = group.prop
    return stake is not None and prop is not None and prop.losses_of == stake


def enemy(losses: str, stake: str | None) -> bool:
    """Whether ``stake`` is an enemy of the side ``losses`` whose losses a group counts:
    another side (not the side itself, nor neutral)."""
    return rivals(stake, losses)


def enemy_claim(group: GroupEvidence, stake: str | None, other: str | None) -> bool:
    """Whether a figure of the stake ``other`` is the enemy's claim of losses that a
    figure of ``stake`` counts: the group counts one side's losses (``losses_of``),
    ``other`` is its enemy, and ``stake`` is not (the losing side itself or neutral: the
    rebels' 17 soldiers killed is their claim, not the army's 9 or a rights group's 12
    grown)."""
    prop = group.prop
    losses = prop.losses_of if prop is not None else None
    return losses is not None and enemy(losses, other) and not enemy(losses, stake)


def may_outgrow(
    group: GroupEvidence, stake: str | None, last_day: bool
) -> Callable[[str | None], bool]:
    """Which stakes' later figures may outgrow, within :data:`GROWTH_DAYS`, a figure of
    ``stake`` given while the subject was under way (``last_day``: on its last day) —
    other than those steeply higher: not the other side's of a side's figure on the last
    day, nor the enemy's claim of losses (:func:`enemy_claim`)."""
    if last_day or own_losses(group, stake):
        return _neutral
    prop = group.prop
    if stake is None and prop is not None and prop.losses_of is not None:
        return partial(_not_enemy, prop.losses_of)
    return _any


def _neutral(stake: str | None) -> bool:
    return stake is None


def _not_enemy(losses: str, stake: str | None) -> bool:
    return not enemy(losses, stake)


def _any(stake: str | None) -> bool:
    return True


def on_last_day(group: GroupEvidence, as_of: DateRange) -> bool:
    """Whether a figure dated ``as_of`` was given on the subject's last day, not
    before it (a count the other side's later toll does not outgrow)."""
    end = group.end
    return end is not None and as_of.high >= end


class ByStakeAndDay:
    """Figures by stake (a side, or None: neutral) and day, the two most extreme of
    distinct origins each: those of other stakes given within a few days of a figure,
    found in a few lookups."""

    def __init__(self, higher: bool) -> None:
        self.higher = higher
        self.days: dict[str | None, dict[int, list[Item]]] = defaultdict(dict)

    def add(self, side: str | None, day: int, item: Item) -> None:
        found = self.days[side]
        found[day] = best_two(found.get(day, []), item, higher=self.higher)

    def others(
        self, side: str | None, first: int, last: int, keep: Callable[[Item], bool]
    ) -> list[Item]:
        """The two most extreme of stakes other than ``side``, days first to last, among
        each stake's and day's two that ``keep`` keeps (a day's own: a figure steeply
        passed the next day is not hidden by two higher ones of later days that counts
        in between carried there)."""
        found = [
            item
            for stake, days in self.days.items()
            if stake != side
            for day in range(first, last + 1)
            for item in days.get(day, ())
        ]
        return self._kept(found, keep)

    def of(
        self, side: str | None, first: int, last: int, keep: Callable[[Item], bool]
    ) -> list[Item]:
        """The two most extreme of the stake ``side``, days first to last (as
        :meth:`others`)."""
        days = self.days.get(side)
        if not days:
            return []
        return self._kept([t for day in range(first, last + 1) for t in days.get(day, ())], keep)

    def _kept(self, found: list[Item], keep: Callable[[Item], bool]) -> list[Item]:
        """The two most extreme of ``found`` that ``keep`` keeps, asked from the most
        extreme on (``keep`` may cost a search: it is asked until two are kept)."""
        found.sort(key=lambda t: (t[0], t[1]), reverse=self.higher)
        out: list[Item] = []
        for item in found:
            if keep(item):
                out = best_two(out, item, higher=self.higher)
                if len(out) == 2:
                    break
        return out


class _Rises:
    """A running toll's figures by stake, day given and lower bound: is there one of
    another stake, given within :data:`GROWTH_DAYS` after a day, above a bound but not
    steeply above a ceiling for the days between (a modest rise)? Indexed when first
    asked (most groups never ask)."""

    def __init__(self, figures: list[tuple[str | None, int, Bound, Claim]]) -> None:
        self.figures = figures
        #: stake -> day -> (its figures' lower bounds, sorted; the claims, alike)
        self.days: dict[str | None, dict[int, tuple[list[Bound], list[Claim]]]] = {}
        self.given_on: dict[str | None, list[int]] = {}  # each stake's days, in order

    def _index(self) -> None:
        found: dict[str | None, dict[int, list[tuple[Bound, int, Claim]]]] = {}
        for n, (stake, day, low, claim) in enumerate(self.figures):
            found.setdefault(stake, {}).setdefault(day, []).append((low, n, claim))
        for stake, days in found.items():
            self.days[stake] = {}
            for day, given in days.items():
                given.sort(key=lambda t: (t[0], t[1]))
                self.days[stake][day] = ([t[0] for t in given], [t[2] for t in given])
            self.given_on[stake] = sorted(days)

    def modest(
        self,
        side: str | None,
        day: int,
        above: Bound,
        upper: Bound,
        may: Callable[[str | None], bool],
        own: Callable[[Claim], bool] | None = None,
    ) -> Claim | None:
        """A figure of a stake other than ``side`` (one ``may`` allows) given in
        the days after ``day``, whose lower bound is over ``above`` and does not rise
        steeply over ``upper`` for the days between. With ``own`` (whether a claim is of
        the figure's own origin), a figure of the stake ``side`` itself, of another
        origin."""
        if not self.given_on:
            self._index()
        for stake, days in self.days.items():
            if (stake != side) if own is not None else (stake == side):
                continue
            if not may(stake):
                continue
            keys = self.given_on[stake]
            first = bisect_right(keys, day)
            for d in keys[first : bisect_right(keys, day + GROWTH_DAYS, first)]:
                lows, claims = days[d]
                k = bisect_right(lows, above)
                # (the lowest above: a steep one of this day has no modest one above it)
                while k < len(lows) and not steep(upper, lows[k], d - day):
                    if own is None or not own(claims[k]):
                        return claims[k]
                    k += 1
        return None


def _of_origin(origin: dict[str, int], mine: int, claim: Claim) -> bool:
    return origin[claim.id] == mine


def note_overtaken(
    group: GroupEvidence,
    claims: list[Claim],
    overtaken: dict[str, Claim],
    when_of: dict[str, DateRange | None],
    origin: dict[str, int],
) -> None:
    """Note in ``overtaken`` the figures a later, higher figure of another origin outgrew
    (:func:`outgrows`): one of the same stake; or, for a figure given while the subject
    was under way, one given more than :data:`GROWTH_DAYS` later, or one of
    another stake given within those days that rises over it modestly (found by day
    and lower bound). A party's early low toll that a neutral count or the other side
    steeply passes within days is disputed, not outgrown (its stake in a low figure is
    the question); and so is a neutral count a party's toll steeply passes.
    ``when_of``: each claim's :meth:`GroupEvidence.when`; ``origin``: each claim's
    origin, as :func:`.latest_figures.find_latest_figures` reads it."""
    units = group.units
    # (as :meth:`GroupEvidence.when` and :meth:`GroupEvidence.provisional` have it)
    when: dict[str, DateRange] = {}
    for c in claims:
        if c.stance == "asserts":
            as_of = when_of[c.id]
            if as_of is not None and as_of.known:
                when[c.id] = as_of
    if len(when) < 2:
        return
    dated = [c for c in claims if c.id in when]
    end = group.end
    # Sweep from the latest: keep the two highest lower bounds of distinct origins
    # among the figures given after the current one (of each stake), and among those
    # given more than GROWTH_DAYS after it (of any stake, and of none).
    # (each figure as the statement it counts as: a relay's, what it relays)
    value = {c.id: group.statement_by_claim[c.id].value for c in dated}
    low_of = {c.id: bounds(value[c.id])[0] for c in dated}
    # Only a figure whose lower bound passes another's limit can outgrow it: where
    # none does (most running tolls, their figures agreeing), nothing is overtaken.
    top = max(low_of.values())
    passes = {c.id: overtaking_limits(group, value[c.id]) for c in dated}
    if all(top <= passes[c.id][0] for c in dated):
        return
    by_start = sorted(dated, key=lambda c: when[c.id].low, reverse=True)
    by_end = sorted(dated, key=lambda c: when[c.id].high, reverse=True)
    several = len({units[c.id].stake for c in dated}) > 1
    rises = (
        _Rises([(units[y.id].stake, when[y.id].low.toordinal(), low_of[y.id], y) for y in dated])
        if several or end is not None
        else None
    )
    tops: dict[str | None, list[Item]] = defaultdict(list)
    far: list[Item] = []
    far_of: dict[str | None, list[Item]] = defaultdict(list)
    far_neutral: list[Item] = []
    i = j = 0
    for x in by_end:
        said = when[x.id].high
        while i < len(by_start) and when[by_start[i].id].low > said:
            y = by_start[i]
            side = units[y.id].stake
            tops[side] = best_two(tops[side], (low_of[y.id], origin[y.id], y), higher=True)
            i += 1
        # (one stake during the subject: its later figures are all there is, far ones
        # among them)
        while (
            (several or end is not None)
            and j < len(by_start)
            and (when[by_start[j].id].low - said).days > GROWTH_DAYS
        ):
            y = by_start[j]
            item = (low_of[y.id], origin[y.id], y)
            far = best_two(far, item, higher=True)
            far_of[units[y.id].stake] = best_two(far_of[units[y.id].stake], item, higher=True)
            if units[y.id].stake is None:
                far_neutral = best_two(far_neutral, item, higher=True)
            j += 1
        mine, side = origin[x.id], units[x.id].stake
        same = next((t for t in tops.get(side, ()) if t[1] != mine), None)
        # (given after the subject ended: only its own stake's later count outgrows it)
        ended = end is not None and said > end
        if same is None and (ended or not several):
            continue
        above, upper = passes[x.id]
        if ended:
            if same is None or not same[0] > above:
                continue
            # (more than GROWTH_DAYS on, or a modest rise within them: see outgrows)
            later = next((t for t in far_of.get(side, ()) if t[1] != mine), None)
            if later is not None and later[0] > above:
                overtaken[x.id] = later[2]
                continue
            assert rises is not None
            rise = rises.modest(
                side, said.toordinal(), above, upper, _any, own=partial(_of_origin, origin, mine)
            )
            if rise is None and bridged(group, x, same[2]):  # (counts in between carry it)
                rise = same[2]
            if rise is not None:
                overtaken[x.id] = rise
            continue
        # (a side's, given on the last day: the other side's later figures do not
        # outgrow it, neutral ones as ever; a count of its own losses: not within
        # GROWTH_DAYS — beyond them, any figure does, as ``far`` has it)
        last_day = side is not None and on_last_day(group, when[x.id])
        may = may_outgrow(group, side, last_day)
        others = next((t for t in (far_neutral if last_day else far) if t[1] != mine), None)
        for past in (same, others):
            if past is not None and past[0] > above:
                overtaken[x.id] = past[2]
                break
        else:
            higher = [
                t
                for stake, found in tops.items()
                if stake != side and may(stake)
                for t in found[:1]
                if t[0] > above
            ]
            if not several or not higher:
                continue  # (no later figure of another stake above it at all)
            assert rises is not None
            rise = rises.modest(side, said.toordinal(), above, upper, may)
            if rise is None:  # (counts in between carry it to a steep one)
                rise = next((t[2] for t in higher if bridged(group, x, t[2])), None)
            if rise is not None:
                overtaken[x.id] = rise
