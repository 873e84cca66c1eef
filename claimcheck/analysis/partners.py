"""Who is in a dispute, and with whom: for each asserted claim of a group, one partner
of another origin it conflicts with — the most distant, for quantities and dates —
found through sorted bounds, stakes and days bucketed, not by trying every pair
(:func:`~claimcheck.analysis.conflicts.find_conflicts` lists the pairs when few).
A running toll's growth is no conflict (:mod:`.growth`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import partial
from itertools import accumulate, chain, islice
from typing import TYPE_CHECKING

from claimcheck.analysis.bridges import GROWTH_DAYS, bridged, steep
from claimcheck.analysis.growth import ByStakeAndDay, enemy, on_last_day, rivals
from claimcheck.analysis.intervals import Bound, Item, best_two, bounds
from claimcheck.model import Claim
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def partners(
    group: GroupEvidence, out: frozenset[str], keep: bool = True
) -> tuple[list[Claim], dict[str, Claim]]:
    """The asserted claims still standing (not ``out``), and for each in a dispute a
    partner (found once per group and ``out``: the latest figures, the overtaken ones
    and the conflicts ask alike; not kept when asked once, not ``keep``)."""
    if not keep:
        return _find_partners(group, out)
    memo: dict[frozenset[str], tuple[list[Claim], dict[str, Claim]]] = group.memo.setdefault(
        "partners", {}
    )  # type: ignore[assignment]
    found = memo.get(out)
    if found is None:
        found = memo[out] = _find_partners(group, out)
    return found


def _find_partners(
    group: GroupEvidence, out: frozenset[str]
) -> tuple[list[Claim], dict[str, Claim]]:
    asserted = [
        c for st in group.statements if st.stance == "asserts" for c in st.claims if c.id not in out
    ]
    if not group.single or len(group.statements) < 2 or not asserted:
        return asserted, {}
    if group.interval:
        return asserted, interval_partners(group, asserted)
    return asserted, _discrete_partners(group, asserted)


def _discrete_partners(group: GroupEvidence, asserted: list[Claim]) -> dict[str, Claim]:
    origin = group.credited
    statement_of = group.statement_by_claim
    values: dict[int, dict[object, Claim]] = defaultdict(dict)
    for c in asserted:
        values[origin[c.id]].setdefault(statement_of[c.id].value.key, c)
    if group.type == "entity" and nested(group, {k for vals in values.values() for k in vals}):
        return _nested_partners(group, asserted, values)
    partner: dict[str, Claim] = {}
    # Two origins with distinct values are enough to find anyone's partner.
    samples: list[tuple[int, object, Claim]] = []
    for o, vals in values.items():
        for k, c in list(vals.items())[:2]:
            samples.append((o, k, c))
    # The first sample of another origin and another value: among the first three
    # samples of other values (an origin has two), found through the first three of
    # each value — not by trying every sample for every claim.
    firsts: list[int] = []
    seen: Counter[object] = Counter()
    for n, (_, k, _) in enumerate(samples):
        if seen[k] < 3:
            seen[k] += 1
            firsts.append(n)
    for c in asserted:
        o, k = origin[c.id], statement_of[c.id].value.key
        others = islice((n for n in firsts if samples[n][1] != k), 3)
        for n in others:
            if samples[n][0] != o:
                partner[c.id] = samples[n][2]
                break
        # (no sample fits: then no other origin states another value — a third
        # value of an origin is never needed, its first two differ)
    return partner


#: Of the values under the same top party or subject as a claim's, at most this many
#: (in key order) are tried for one excluding it (values under another top always do).
NESTED_TRIED = 1024


def _nested_partners(
    group: GroupEvidence, asserted: list[Claim], values: dict[int, dict[object, Claim]]
) -> dict[str, Claim]:
    """Partners where an entity value may be part of another (a brigade and its army hold
    together, two brigades do not): a claim's partner is a claim of another origin whose
    value excludes its own — under another top party or subject (all do), else under its
    own, neither part of the other (tried in part: :data:`NESTED_TRIED`). Chosen by key
    and claim id, never by file order, and each value with two of its origins: enough,
    for any claim, to find one of another origin where any exists."""
    origin, statement_of, within = group.credited, group.statement_by_claim, group.within
    # Each value with its first two origins (by their claims' ids).
    stating: dict[object, list[tuple[int, Claim]]] = defaultdict(list)
    for o, vals in values.items():
        for k, c in vals.items():
            stating[k].append((o, c))
    for found in stating.values():
        found.sort(key=lambda e: e[1].id)
        del found[2:]
    ordered = sorted(stating, key=str)
    top = {k: group.answers(k)[-1] for k in ordered}
    by_top: dict[object, list[object]] = defaultdict(list)
    for k in ordered:
        by_top[top[k]].append(k)
    # Across tops: each top with at most two origins, each origin at most two tops —
    # the claims kept then hold, for a claim of any origin under any top, one of another
    # origin under another top within their first five, wherever one exists.
    across: list[tuple[object, int, Claim]] = []
    origins_of: dict[object, set[int]] = defaultdict(set)
    tops_of: dict[int, set[object]] = defaultdict(set)
    for t in sorted(by_top, key=str):
        for k in by_top[t]:
            for o, c in stating[k]:
                if o not in origins_of[t] and len(origins_of[t]) < 2 and len(tops_of[o]) < 2:
                    origins_of[t].add(o)
                    tops_of[o].add(t)
                    across.append((t, o, c))
    # Under its own top: the first two origins stating a value neither part of it nor it
    # of them, worked out once a value.
    inside: dict[object, list[tuple[int, Claim]]] = {}

    def inside_of(k: object) -> list[tuple[int, Claim]]:
        found = inside.get(k)
        if found is None:
            found = inside[k] = []
            for v in islice(by_top[top[k]], NESTED_TRIED):
                if within(v, k) or within(k, v):
                    continue
                for o, c in stating[v]:
                    if all(o != p for p, _ in found):
                        found.append((o, c))
                if len(found) >= 2:
                    break
        return found

    partner: dict[str, Claim] = {}
    for c in asserted:
        o, k = origin[c.id], statement_of[c.id].value.key
        t = top[k]
        chosen = next((d for u, p, d in islice(across, 5) if u != t and p != o), None)
        if chosen is None:
            chosen = next((d for p, d in inside_of(k) if p != o), None)
        if chosen is not None:
            partner[c.id] = chosen
    return partner


def nested(group: GroupEvidence, keys: Iterable[object]) -> bool:
    """Whether one of the entities ``keys`` is part of another (a brigade and its army)."""
    found = set(keys)
    return any(isinstance(k, str) and not found.isdisjoint(group.answers(k)[1:]) for k in found)


def interval_partners(group: GroupEvidence, asserted: list[Claim]) -> dict[str, Claim]:
    """For each claim, the most distant claim of another origin it conflicts with."""
    origin = group.credited
    statement_of = group.statement_by_claim
    growth = group.cumulative and group.thresholds.cumulative_growth
    units = group.units
    info = []
    for c in asserted:
        lo, hi = bounds(statement_of[c.id].value)
        info.append((c, lo, hi, origin[c.id]))
    partner: dict[str, Claim] = {}
    # Without growth no figure is provisional: every claim may partner every other.
    interim_of = group.provisional if growth else (lambda c: False)

    # A later, higher figure overtakes a provisional one: not its partner (growth). A
    # relay speaks as of its source.
    when = {c.id: group.when(c) for c in asserted}

    def start(c: Claim) -> float:
        as_of = when[c.id]
        return as_of.low.toordinal() if as_of is not None and as_of.known else -INF

    by_start = sorted(info, key=lambda t: start(t[0]))
    starts = [start(t[0]) for t in by_start]
    prefix_top = list(
        accumulate(
            ([(lo, o, c)] for c, lo, _, o in by_start),
            lambda acc, item: best_two(acc, item[0], higher=True),
        )
    )
    top_all = prefix_top[-1] if prefix_top else []
    final = [(hi, o, c) for c, _, hi, o in info if not interim_of(c)]
    bottom_final = _extremes(iter(final), higher=False)
    interim = sorted(
        ((when[c.id].high.toordinal(), hi, o, c) for c, _, hi, o in info if interim_of(c)),  # type: ignore[union-attr]
        key=lambda t: t[0],
    )
    # A figure of another stake given within GROWTH_DAYS of an interim one and rising
    # steeply over it for the days between does not outgrow it (see growth.outgrows): of each stake
    # (None: neutral) and day, its highest figures, and its lowest interim ones.
    side = {c.id: units[c.id].stake for c, *_ in info} if growth else {}
    highs, lows = ByStakeAndDay(higher=True), ByStakeAndDay(higher=False)
    # (most groups: one stake, or no interim figure: nothing to weigh; but one stake's
    # figures given after the subject ended are weighed against each other too)
    stakes = bool(interim) and len(set(side.values())) > 1
    last = group.end.toordinal() if interim and group.end is not None else None
    ended = last is not None and interim[-1][0] > last
    for c, lo, _, o in info if stakes or ended else ():
        if when[c.id] is not None and when[c.id].known:  # type: ignore[union-attr]
            highs.add(side[c.id], when[c.id].low.toordinal(), (lo, o, c))  # type: ignore[union-attr]
    for day, hi, o, c in interim if stakes or ended else ():
        lows.add(side[c.id], day, (hi, o, c))
    # Given on the subject's last day, a side's figure does not grow into the other
    # side's, and given after it ended, into another stake's (growth.outgrows): of each
    # stake, the highest figures given after that day, and for those, the lowest figures
    # given on it or after it.
    end = group.end.toordinal() if stakes and group.end is not None else None
    after_end: dict[str | None, list[Item]] = defaultdict(list)
    on_end: dict[str | None, list[Item]] = defaultdict(list)
    ended_low: dict[str | None, list[Item]] = defaultdict(list)
    if end is not None:
        for c, lo, _, o in info:
            if start(c) > end:
                after_end[side[c.id]] = best_two(after_end[side[c.id]], (lo, o, c), higher=True)
        for day, hi, o, c in interim:
            if day > end:
                ended_low[side[c.id]] = best_two(ended_low[side[c.id]], (hi, o, c), higher=False)
            elif on_last_day(group, when[c.id]):  # type: ignore[arg-type]
                on_end[side[c.id]] = best_two(on_end[side[c.id]], (hi, o, c), higher=False)
    ends = [t[0] for t in interim]
    suffix_bottom: list[list[tuple[Bound, int, Claim]]] = [[] for _ in range(len(interim) + 1)]
    for i in range(len(interim) - 1, -1, -1):
        _, hi, o, c = interim[i]
        suffix_bottom[i] = best_two(suffix_bottom[i + 1], (hi, o, c), higher=False)

    # A count of a side's losses, its own or a neutral one, and the other side's figures
    # of them given within GROWTH_DAYS after it are in dispute however little these rise
    # (growth.outgrows): found among each stake's and day's figures (highs, lows).
    losses = group.prop.losses_of if stakes and group.prop is not None else None

    def rises_past(c: Claim, hi_c: Bound, day: int) -> Callable[[Item], bool]:
        """Whether a later figure rises steeply past ``c`` (upper bound ``hi_c``, given
        on ``day``) for the days between, with no counts in between to carry the toll
        there (bridges.bridged)."""

        def keep(t: Item) -> bool:
            days = when[t[2].id].low.toordinal() - day  # type: ignore[union-attr]
            return steep(hi_c, t[0], days) and not bridged(group, c, t[2])

        return keep

    def passed_by(c: Claim, lo_c: Bound, day: int) -> Callable[[Item], bool]:
        """Whether ``c`` (lower bound ``lo_c``, given from ``day``) rises steeply past an
        earlier figure for the days between, with no counts in between to carry the
        toll there."""

        def keep(t: Item) -> bool:
            days = day - when[t[2].id].high.toordinal()  # type: ignore[union-attr]
            return steep(t[0], lo_c, days) and not bridged(group, t[2], c)

        return keep

    for c, lo_c, hi_c, o in info:
        below, above = group.limits(statement_of[c.id].value)
        as_of = when[c.id]
        mine = side.get(c.id)
        if interim_of(c):
            assert as_of is not None
            day = as_of.high.toordinal()
            n = bisect_right(starts, day)
            top = prefix_top[n - 1] if n else []
            if stakes:  # (and another stake's steep rise within days: a dispute, not growth)
                near = highs.others(mine, day + 1, day + GROWTH_DAYS, rises_past(c, hi_c, day))
                top = _extremes(chain(top, near), higher=True)
            if ended and day > last:  # type: ignore[operator]
                # (given after the end: its own stake's steep rise within days too)
                near = highs.of(mine, day + 1, day + GROWTH_DAYS, rises_past(c, hi_c, day))
                top = _extremes(chain(top, near), higher=True)
            if end is not None and day > end:  # (then any of another stake's)
                later = (t for stake, ts in after_end.items() if stake != mine for t in ts)
                top = _extremes(chain(top, later), higher=True)
            elif end is not None and mine is not None and on_last_day(group, as_of):
                # (then any of the other side's)
                later = (t for stake, ts in after_end.items() if rivals(stake, mine) for t in ts)
                top = _extremes(chain(top, later), higher=True)
            if losses is not None and mine in (None, losses):
                # (a count of a side's losses, its own or a neutral one: the enemy's claims)
                near = highs.others(
                    mine, day + 1, day + GROWTH_DAYS, partial(_of_enemy, side, losses)
                )
                top = _extremes(chain(top, near), higher=True)
        else:
            top = top_all
        y = _other(top, o)
        if y is not None and y[0] > above:
            partner[c.id] = y[2]
            continue
        y = _other(bottom_final, o)
        if y is None or not y[0] < below:
            k = bisect_left(ends, as_of.low.toordinal()) if as_of is not None and as_of.known else 0
            bottom = suffix_bottom[k]
            if ended and as_of is not None and as_of.known:
                # (its own stake's figure given after the end in the days just before,
                # steeply passed)
                day = as_of.low.toordinal()
                first = max(day - GROWTH_DAYS, last + 1)  # type: ignore[operator]
                steeply = lows.of(mine, first, day - 1, passed_by(c, lo_c, day))
                bottom = _extremes(chain(bottom, steeply), higher=False)
            if stakes and as_of is not None and as_of.known:
                # (another stake's interim figure of the days just before, steeply passed)
                day = as_of.low.toordinal()
                steeply = lows.others(mine, day - GROWTH_DAYS, day - 1, passed_by(c, lo_c, day))
                bottom = _extremes(chain(bottom, steeply), higher=False)
                if end is not None and day > end:
                    # (the other side's of the last day, and another stake's given since)
                    given = chain(
                        (t for stake, ts in on_end.items() if rivals(stake, mine) for t in ts),
                        (t for stake, ts in ended_low.items() if stake != mine for t in ts),
                    )
                    bottom = _extremes(chain(bottom, given), higher=False)
            if losses is not None and enemy(losses, mine) and as_of is not None and as_of.known:
                # (the other side's figure of a side's losses: the side's own and neutral
                # counts of the days before)
                day = as_of.low.toordinal()
                own = lows.others(
                    mine, day - GROWTH_DAYS, day - 1, partial(_not_enemy, side, losses)
                )
                bottom = _extremes(chain(bottom, own), higher=False)
            y = _other(bottom, o)
        if y is not None and y[0] < below:
            partner[c.id] = y[2]
    return partner


def _of_enemy(side: dict[str, str | None], losses: str, t: Item) -> bool:
    return enemy(losses, side[t[2].id])


def _not_enemy(side: dict[str, str | None], losses: str, t: Item) -> bool:
    return not enemy(losses, side[t[2].id])


def _extremes(items: Iterable[Item], *, higher: bool) -> list[Item]:
    acc: list[Item] = []
    for item in items:
        acc = best_two(acc, item, higher=higher)
    return acc


def _other(extremes: list[Item], origin: int) -> Item | None:
    """The most extreme item not of ``origin``."""
    for t in extremes:
        if t[1] != origin:
            return t
    return None
