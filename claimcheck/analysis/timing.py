"""When figures hold: a subject's last day, and a running toll's latest figures.

For a cumulative toll, each origin's latest figure is its evidence (an earlier one is
superseded, unless the latest still implies it), and a count of its day that a later,
higher figure of another origin overtakes is growth, not a dispute: one given while the
subject was still under way — unless the two have different stakes and the later rises
steeply within days — and one given after it ended, by a later count of its own stake
(:func:`outgrows`). A relay speaks as of its source.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from claimcheck.analysis.intervals import Bound, Item, best_two, bounds
from claimcheck.analysis.origins import relays_by_choice
from claimcheck.model import Claim, Subject
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence
    from claimcheck.analysis.provenance import Provenance


def earlier(group: GroupEvidence, a: Claim, b: Claim) -> bool:
    """Whether ``a`` was said strictly before ``b`` (both dates known), as
    :meth:`GroupEvidence.said_on` dates them."""
    return before(group.said_on(a), group.said_on(b))


def find_repeats(group: GroupEvidence) -> dict[str, DateRange]:
    """A running toll's figures a party already gave, reported again later with no date
    of their own: each such claim's id -> the date the party first gave the figure.

    An outlet quoting the army's 12 on the 12th, when the army said 12 on the 10th and
    20 on the 11th, reports the army's old word, not a new one: it holds as of the 10th,
    so it neither lowers the army's toll nor displaces its 20. (Only a party's words
    relayed by an outlet, with ``as_of`` left to the publication date: an outlet's own
    figure is its own as of the day it publishes, and so is a party's in its own
    statement or interview, or on a channel affiliated with it — a correction back to 12
    is the army lowering its toll; a written ``as_of`` is the user's.)
    """
    if not group.cumulative:
        return {}
    statement_of = group.statement_by_claim
    out: dict[str, DateRange] = {}
    by_index = {st.index: st for st in group.statements}

    def looser(k: object, j: object) -> bool:
        # (its own words' bounds, no tolerance: "about 2" words the 2 again, while a
        # figure within the tolerance of an earlier one — 150,000 after 135,000 — is a
        # new figure)
        a, b = by_index[k], by_index[j]  # type: ignore[index]
        if a.stance != b.stance or not isinstance(a.value, Quantity | DateRange):
            return group.statement_supports(a, b)
        if a.stance == "denies":  # (denying less denies more)
            a, b = b, a
        (lo, hi), (low, high) = bounds(a.value), bounds(b.value)
        return lo >= low and hi <= high

    for claims in group.by_origin().values():
        if len(claims) > 1:
            said = [c for c in claims if c.id in statement_of]
            out.update(
                repeat_dates(group.provenance, said, lambda c: statement_of[c.id].index, looser)
            )
    return out


#: How many of an origin's earlier figures a quote is tried against for a looser
#: wording of one of them ("~2" for its 2): the earliest, which a late quote repeats.
LOOSER_TRIED = 64


def repeat_dates(
    provenance: Provenance,
    claims: list[Claim],
    saying: Callable[[Claim], object],
    looser: Callable[[object, object], bool] | None = None,
) -> dict[str, DateRange]:
    """:func:`find_repeats` among the claims of one origin, ``saying`` telling which say
    the same thing and ``looser(k, j)`` whether what ``k`` says implies what ``j`` says
    (a quote of the ministry's 2 as "about 2" repeats it too)."""
    first: dict[object, DateRange] = {}
    for c in claims:
        as_of = c.as_of
        if as_of is not None and as_of.known:
            key = saying(c)
            if key not in first or as_of.high < first[key].high:
                first[key] = as_of
    out: dict[str, DateRange] = {}
    earliest: list[tuple[object, DateRange]] | None = None  # (sorted when first needed)
    for c in claims:
        as_of = c.as_of
        if (
            c.as_of_given
            or not c.claimant_given
            or c.claimant == c.outlet
            or as_of is None
            or not as_of.known
            or _own_word(provenance, c)
        ):
            continue
        said = saying(c)
        was = first[said]
        if was.high < as_of.low:
            out[c.id] = was
        elif looser is not None:
            if earliest is None:
                earliest = sorted(first.items(), key=lambda kv: kv[1].high)[:LOOSER_TRIED]
            for k, when in earliest:
                if when.high >= as_of.low:
                    break
                if k != said and looser(k, said):
                    out[c.id] = when
                    break
    return out


def before(a: DateRange | None, b: DateRange | None) -> bool:
    """Whether ``a`` ends before ``b`` starts (both known)."""
    return a is not None and b is not None and a.known and b.known and a.high < b.low


def _own_word(provenance: Provenance, c: Claim) -> bool:
    """Whether the party speaks in the document itself: on media that speak for it (or
    for the body it is part of), or in a statement or interview whose ``author`` is it
    — not the rebels' statement quoting what the army "itself admitted"."""
    store = provenance.store
    if c.claimant is None or c.claimant not in store.parties:
        return False
    party = provenance.party_root(c.claimant)
    if c.outlet is not None and provenance.outlet_party(c.outlet) == party:
        return True
    doc = store.documents.get(c.source or "")
    author = doc.author if doc is not None and doc.kind in ("statement", "interview") else None
    return author is not None and author in store.parties and provenance.party_root(author) == party


def subject_end(store: Store, subject: Subject | None) -> dt.date | None:
    """A subject's last day, or its nearest ``part_of``'s; None when none has a date."""
    if subject is None:
        return None
    for subject_id in store.part_of_chain(subject.id):
        date = store.subjects[subject_id].date
        if date is not None and date.known:
            return date.high
    return None


class LatestFigures(NamedTuple):
    """Which figures of a group still stand (see :attr:`GroupEvidence.latest`)."""

    #: The claims that count for and against values (:attr:`GroupEvidence.counted`).
    counted: list[Claim]
    #: Figures their own origin has since revised: id → the origin's newest figure.
    superseded: dict[str, Claim]
    #: Figures older than their origin's latest, some still standing (implied by it).
    earlier: set[str]
    #: Interim figures another origin's later, higher figure overtook: id → that figure.
    overtaken: dict[str, Claim]
    #: Superseded figures their origin lowered at some later point (150, 142, then
    #: 160: the 150 was withdrawn, whatever the origin says now).
    lowered: frozenset[str] = frozenset()


def find_latest_figures(
    group: GroupEvidence, lower_in_dispute: Callable[[GroupEvidence, dict[str, Claim]], set[str]]
) -> LatestFigures:
    """The claims that count for and against values, with the superseded, earlier and
    overtaken figures found on the way (``lower_in_dispute``: the claims a higher
    figure disputes, given the superseded figures —
    :func:`~claimcheck.analysis.conflicts.lower_in_dispute`)."""
    statement_of = group.statement_by_claim
    cited = [c for c in group.claims if c.cited and c.id in statement_of]
    superseded: dict[str, Claim] = {}
    earlier: set[str] = set()
    overtaken: dict[str, Claim] = {}
    lowered: set[str] = set()
    if not group.cumulative or group.type != "quantity":
        return LatestFigures(cited, superseded, earlier, overtaken)
    # By the origin a figure is credited to: a relay of the army's figure is
    # superseded when the army revises it. (But an outlet's own figure credited to
    # another's only by a choice among equals — two papers citing one dispatch, one
    # credited to the other by claim id — is its own outlet's: revised when that
    # outlet revises, overtaken when another does, whichever id sorts first.)
    origin = group.credited
    if group.relay_reasons:
        origin = dict(origin)
        for c in cited:
            if relays_by_choice(group, c):
                origin[c.id] = group.origins_by_claim[c.id]
    # A relay speaks as of its source, a repeat of an old figure as of when it was
    # first given: neither is the origin's latest word.
    when = group.when_of(cited)
    dated: dict[int, list[Claim]] = defaultdict(list)
    for c in cited:
        as_of = when[c.id]
        if c.stance == "asserts" and as_of is not None and as_of.known:
            dated[origin[c.id]].append(c)
    for claims in dated.values():
        if len(claims) == 1 and when[claims[0].id].high >= when[claims[0].id].low:  # type: ignore[union-attr]
            continue  # (most origins: one figure, its own latest)
        last = max(when[c.id].low for c in claims)  # type: ignore[union-attr]
        now = [c for c in claims if when[c.id].high >= last]  # type: ignore[union-attr]
        said_now = {statement_of[c.id].index: statement_of[c.id] for c in now}
        newest = max(now, key=lambda c: (when[c.id].low, c.id))  # type: ignore[union-attr]
        for c in claims:
            st = statement_of[c.id]
            if when[c.id].high >= last or st.index in said_now:  # type: ignore[union-attr]
                continue
            earlier.add(c.id)
            # A later figure that still implies it ("41" after "at least 30") leaves
            # it standing: revised is only what the origin no longer says — or a floor
            # it raised ("at least 20", then 30: CC105's revision).
            if not any(group.statement_supports(t, st) for t in said_now.values()) or any(
                raises_floor(st.value, t.value) for t in said_now.values()
            ):
                superseded[c.id] = newest
        # Which of them the origin lowered later on: below some later figure's limit.
        if group.type == "quantity" and superseded:
            by_day: dict[dt.date, list[Claim]] = defaultdict(list)
            for c in claims:
                by_day[when[c.id].low].append(c)  # type: ignore[union-attr]
            lowest: Bound | None = None  # (of the days after)
            for day in sorted(by_day, reverse=True):
                lowered.update(
                    c.id
                    for c in by_day[day]
                    if c.id in superseded
                    and lowest is not None
                    and lowest < group.limits(statement_of[c.id].value)[0]
                )
                his = [bounds(statement_of[c.id].value)[1] for c in by_day[day]]
                lowest = min(his) if lowest is None else min(lowest, *his)
    counted = [c for c in cited if c.id not in superseded]
    if group.thresholds.cumulative_growth:
        # (A figure overtaken weighs in the tallies only as the floor it still sets
        # (tallies.unit_spans) even when CC101 names it in a dispute with a later, lower
        # figure: as itself it would count against every figure it merely grew into.
        # The estimate's basis names it. But the lower side of a dispute — below
        # another origin's count of its day or before, or passed steeply within days by
        # another stake — was no count of its day: it is judged in that dispute.)
        _overtake(group, counted, overtaken, when, origin)
        if overtaken:
            for x in lower_in_dispute(group, superseded).intersection(overtaken):
                del overtaken[x]
    counted = [c for c in counted if c.id not in overtaken]
    return LatestFigures(counted, superseded, earlier, overtaken, frozenset(lowered))


#: A running toll's figures from origins of different stakes (a party and a neutral
#: count, or two sides) given within this many days of each other are weighed against
#: each other: a later, higher one outgrows the earlier only by rising modestly...
CONTEMPORARY_DAYS = 7
#: ...to at most this many times it: an army's 40 then a hospital's 45 the next day is
#: a toll rising, the rebels' 400 the next day a dispute. Further apart in time, or
#: of one stake, a later higher figure is growth.
STEEP_RISE = 2.0


def raises_floor(first: object, then: object) -> bool:
    """Whether a later figure ``then`` raises an open floor ``first`` ("at least 23"
    then 31, or "at least 31"): a toll revised upward, though the two can both hold."""
    return (
        isinstance(first, Quantity)
        and isinstance(then, Quantity)
        and first.high == INF
        and then.low > first.low
    )


def rivals(side: str | None, other: str | None) -> bool:
    """Whether two stakes are opposing sides (neither neutral)."""
    return side is not None and other is not None and side != other


def steep(first: Bound, later: Bound) -> bool:
    """Whether a later lower bound ``later`` rises steeply over an upper bound ``first``
    (their numbers: "more than 10" rises over 5 as 10 does)."""
    return later[0] > STEEP_RISE * first[0]


def outgrows(group: GroupEvidence, first: Claim, later: Claim) -> bool:
    """Whether ``later``, a higher figure given after ``first`` by another origin, may be
    ``first``'s toll grown: told by an origin of the same stake (both neutral, or both
    of one side) — a count goes on growing after the subject has ended, as bodies are
    found, the wounded die and victims are named — or, for a ``first`` given while the
    subject was under way, unless ``first`` was given on its last day and ``later`` by
    the other side, a dispute (DESIGN §2: the army's toll on the day of a one-day
    attack, the rebels' the next day), more than
    :data:`CONTEMPORARY_DAYS` later, or no more than :data:`STEEP_RISE` times as high
    (a ministry's toll on the day, a hospital's modestly higher count the next).
    (A figure of unknown date may be anything's growth: callers ask only of figures
    :func:`before` orders.)"""
    units = group.units
    mine, theirs = units[first.id].stake, units[later.id].stake
    a, b = group.when(first), group.when(later)
    if mine == theirs:
        # (one stake's count given after the end still grows, but not steeply within
        # days: Le Monde's 3 the day after a strike and Le Figaro's 300 the next day
        # are a dispute)
        if a is None or b is None or not after_end(group, a):
            return True
        return _grows_within_days(group, first, later, a, b)
    if a is None or b is None:
        return True
    if after_end(group, a):
        return False
    if rivals(mine, theirs) and on_last_day(group, a):
        return False
    return _grows_within_days(group, first, later, a, b)


def _grows_within_days(
    group: GroupEvidence, first: Claim, later: Claim, a: DateRange, b: DateRange
) -> bool:
    """Whether ``later`` (said ``b``) is given more than :data:`CONTEMPORARY_DAYS` after
    ``first`` (said ``a``), or rises over it no more than :data:`STEEP_RISE` times."""
    if (b.low - a.high).days > CONTEMPORARY_DAYS:
        return True
    value = group.statement_by_claim
    return not steep(bounds(value[first.id].value)[1], bounds(value[later.id].value)[0])


def after_end(group: GroupEvidence, as_of: DateRange) -> bool:
    """Whether a figure dated ``as_of`` was given after the subject ended (its date
    reaching past the last day): only a later count of its own stake outgrows it."""
    end = group.end
    return end is not None and as_of.high > end


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

    def others(self, side: str | None, first: int, last: int) -> list[Item]:
        """The two most extreme of stakes other than ``side``, days first to last."""
        out: list[Item] = []
        for stake, days in self.days.items():
            if stake == side:
                continue
            out = self._between(out, days, first, last)
        return out

    def of(self, side: str | None, first: int, last: int) -> list[Item]:
        """The two most extreme of the stake ``side``, days first to last."""
        days = self.days.get(side)
        return self._between([], days, first, last) if days else []

    def _between(
        self, out: list[Item], days: dict[int, list[Item]], first: int, last: int
    ) -> list[Item]:
        for day in range(first, last + 1):
            for item in days.get(day, ()):
                out = best_two(out, item, higher=self.higher)
        return out


class _Rises:
    """A running toll's figures by stake, day given and lower bound: is there one of
    another stake, given within :data:`CONTEMPORARY_DAYS` after a day, above a bound but
    not above a ceiling (a modest rise)? Indexed when first asked (most groups never
    ask)."""

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
        neutral_only: bool,
        own: Callable[[Claim], bool] | None = None,
    ) -> Claim | None:
        """A figure of a stake other than ``side`` (``neutral_only``: of no side) given in
        the days after ``day``, whose lower bound is over ``above`` and does not rise
        steeply over ``upper``. With ``own`` (whether a claim is of the figure's own
        origin), a figure of the stake ``side`` itself, of another origin."""
        if not self.given_on:
            self._index()
        for stake, days in self.days.items():
            if (stake != side) if own is not None else (stake == side):
                continue
            if neutral_only and stake is not None:
                continue
            keys = self.given_on[stake]
            first = bisect_right(keys, day)
            for d in keys[first : bisect_right(keys, day + CONTEMPORARY_DAYS, first)]:
                lows, claims = days[d]
                k = bisect_right(lows, above)
                # (the lowest above: a steep one of this day has no modest one above it)
                while k < len(lows) and not steep(upper, lows[k]):
                    if own is None or not own(claims[k]):
                        return claims[k]
                    k += 1
        return None


def _of_origin(origin: dict[str, int], mine: int, claim: Claim) -> bool:
    return origin[claim.id] == mine


def _overtake(
    group: GroupEvidence,
    claims: list[Claim],
    overtaken: dict[str, Claim],
    when_of: dict[str, DateRange | None],
    origin: dict[str, int],
) -> None:
    """Note in ``overtaken`` the figures a later, higher figure of another origin outgrew
    (:func:`outgrows`): one of the same stake; or, for a figure given while the subject
    was under way, one given more than :data:`CONTEMPORARY_DAYS` later, or one of
    another stake given within those days that rises over it modestly (found by day
    and lower bound). A party's early low toll that a neutral count or the other side
    steeply passes within days is disputed, not outgrown (its stake in a low figure is
    the question); and so is a neutral count a party's toll steeply passes.
    ``when_of``: each claim's :meth:`GroupEvidence.when`; ``origin``: each claim's
    origin, as :func:`find_latest_figures` reads it."""
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
    # given more than CONTEMPORARY_DAYS after it (of any stake, and of none).
    # (each figure as the statement it counts as: a relay's, what it relays)
    value = {c.id: group.statement_by_claim[c.id].value for c in dated}
    low_of = {c.id: bounds(value[c.id])[0] for c in dated}
    # Only a figure whose lower bound passes another's limit can outgrow it: where
    # none does (most running tolls, their figures agreeing), nothing is overtaken.
    top = max(low_of.values())
    if all(top <= group.limits(value[c.id])[1] for c in dated):
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
            and (when[by_start[j].id].low - said).days > CONTEMPORARY_DAYS
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
        _below, above = group.limits(value[x.id])
        if ended:
            if same is None or not same[0] > above:
                continue
            # (more than CONTEMPORARY_DAYS on, or a modest rise within them: see outgrows)
            later = next((t for t in far_of.get(side, ()) if t[1] != mine), None)
            if later is not None and later[0] > above:
                overtaken[x.id] = later[2]
                continue
            assert rises is not None
            upper = bounds(value[x.id])[1]
            rise = rises.modest(
                side, said.toordinal(), above, upper, False, own=partial(_of_origin, origin, mine)
            )
            if rise is not None:
                overtaken[x.id] = rise
            continue
        # (a side's, given on the last day: the other side's later figures do not
        # outgrow it, neutral ones as ever)
        last_day = side is not None and on_last_day(group, when[x.id])
        others = next((t for t in (far_neutral if last_day else far) if t[1] != mine), None)
        for past in (same, others):
            if past is not None and past[0] > above:
                overtaken[x.id] = past[2]
                break
        else:
            if not several or not any(
                t[0] > above
                for stake, found in tops.items()
                if stake != side and not (last_day and stake is not None)
                for t in found[:1]
            ):
                continue  # (no later figure of another stake above it at all)
            assert rises is not None
            upper = bounds(value[x.id])[1]
            rise = rises.modest(side, said.toordinal(), above, upper, neutral_only=last_day)
            if rise is not None:
                overtaken[x.id] = rise
