"""Who stands for and against each statement of a group: tallies of units.

Each unit with evidence is judged against a statement — whether it supports it, and in
which cases it contradicts it (figures below, figures above, another value, a denial);
the units against it count as their strongest case, since contradictors that disagree
among themselves do not add up. This is the exact walk, every unit for each statement;
for big groups of quantities and dates, :mod:`claimcheck.analysis.sweep` gives the same
tallies at once, and where nobody can be against anyone (most groups),
:func:`uncontested_tallies` does, from the statements the evidence states;
:func:`tally_statement` takes the way that fits a group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from claimcheck.analysis.intervals import NO_WINDOWS, Bound, Spans, Windows, bounds
from claimcheck.analysis.statements import Statement, Tally, Unit, Units, unit_index
from claimcheck.model import Claim
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


class Query(NamedTuple):
    """A statement as the tallies compare it (bounds only for quantities and dates)."""

    asserts: bool
    key: object
    lo: Bound
    hi: Bound
    low: Bound
    high: Bound
    below: Bound
    above: Bound


def unit_spans(group: GroupEvidence) -> list[tuple[Unit, Any, Any, list[Claim]]]:
    """Each unit with evidence: its asserted intervals (or values by key), its
    denials (windows, or keys), and its evidence claims. A running toll's figure that a
    later, higher one overtook is evidence as the floor it still sets — a toll does not
    fall: the UN's 10 of 2 March says "at least 10" of the days after it, against a
    radio's 8 of 21 March, not against the 50 it grew into."""
    found = group._unit_spans
    if found is None:
        units = group.units
        members: dict[int, tuple[Unit, list[Claim]]] = {}
        floors = overtaken_floors(group)
        for c in chain(group.counted, floors.values()):
            u = units[c.id]
            entry = members.get(u.index)
            if entry is None:
                members[u.index] = (u, [c])
            else:
                entry[1].append(c)
        found = []
        for i in sorted(members):
            u, claims = members[i]
            found.append((u, *spans_of(group, claims, floors), claims))
        group._unit_spans = found
    return found


def spans_of(
    group: GroupEvidence, claims: list[Claim], floors: dict[str, Claim]
) -> tuple[Any, Any]:
    """One unit's evidence ``claims`` as :func:`unit_spans` has them: its asserted
    intervals (or values by key), ``floors`` (overtaken figures) open above, and its
    denials."""
    statement_of = group.statement_by_claim
    interval = group.interval
    denied: dict[int, Statement] = {}
    summary: Any = [] if interval else {}
    for c in claims:
        st = statement_of[c.id]
        if st.stance == "denies":
            denied[st.index] = st
        elif interval:
            lo, hi = bounds(st.value)
            summary.append((lo, FLOOR_HIGH if c.id in floors else hi, c))
        else:
            summary.setdefault(st.value.key, []).append(c)
    if interval:
        denials: Any = (
            Windows([group.window(st.value) for st in denied.values()]) if denied else NO_WINDOWS
        )
        summary = Spans(summary) if summary else None
    else:
        denials = {st.value.key for st in denied.values()}
    return summary, denials


#: The upper bound of an overtaken figure read as a floor: open.
FLOOR_HIGH: Bound = (INF, 0)


def overtaken_floors(group: GroupEvidence) -> dict[str, Claim]:
    """The overtaken figures of a running toll that count as floors (asserted ones)."""
    if not group.overtaken or not group.interval:
        return {}
    claims = group.store.claims
    return {x: claims[x] for x in group.overtaken if claims[x].stance == "asserts"}


def query(group: GroupEvidence, st: Statement) -> Query:
    """What a statement is judged against: its bounds, window and limits."""
    if group.interval:
        lo, hi = bounds(st.value)
        low, high = group.window(st.value)
        below, above = group.limits(st.value)
    else:
        lo = hi = low = high = below = above = (0.0, 0)
    return Query(st.stance == "asserts", st.value.key, lo, hi, low, high, below, above)


def judge(
    group: GroupEvidence, q: Query, spans: Any, denials: Any, interested: bool = False
) -> tuple[bool, list[object]]:
    """Whether one unit (``interested``: of a side) supports a statement, and in which
    cases it contradicts it (``("lower", lo, hi)``: with that interval, below it;
    ``"denies"``; another value's key)."""
    single, interval = group.single, group.interval
    pro = False
    why: list[object] = []
    if q.asserts:
        if interval:
            if spans is not None:
                pro = spans.supports(q.low, q.high)
                if single and spans.min_hi < q.below:
                    why.append(("lower", *spans.nearest_below(q.below)))
                if single and spans.max_lo > q.above:
                    why.append(("higher", *spans.nearest_above(q.above)))
        elif spans:
            # (a key: a value, or an entity part of one — the army's brigade is the army)
            within = group.within
            pro = q.key in answered(group, spans)
            if single:
                # (each answer against it, and what it is part of that is against it too:
                # the 5th Brigade's and the army's "the army did it" agree against "the
                # rebels did it" — not against "the 4th Brigade did it", part of the army)
                why += dict.fromkeys(
                    x
                    for k in spans
                    for x in group.answers(k)
                    if not within(x, q.key) and not within(q.key, x)
                )
        if denials and (
            denials.cover(q.lo, q.hi)
            if interval
            else any(x in denials for x in group.answers(q.key))
        ):
            why.append("denies")
    else:
        if denials:
            pro = (
                denials.cover(q.lo, q.hi)
                if interval
                else any(x in denials for x in group.answers(q.key))
            )
        if interval:
            if spans is not None and spans.supports(q.low, q.high):
                why.append("asserts")
        elif spans:
            within = group.within
            if q.key in answered(group, spans):
                why.append("asserts")
            if single and not pro:
                # (asserting X denies every other answer — but a side naming one party
                # of a side does not clear another of that side: the Front blaming the
                # army is no word for the army's allied militia's denial, and no common
                # ground with it — an analyst's trial)
                pro = any(
                    not within(k, q.key)
                    and not within(q.key, k)
                    and (not interested or not group.one_side(k, q.key))
                    for k in spans
                )
    return pro, why


def answered(group: GroupEvidence, keys: Any) -> Any:
    """Every value one unit's asserted ``keys`` answer: each key, and for an entity each
    party or subject it is part of (:meth:`GroupEvidence.answers`) — worked out once a
    unit, so that asking whether a unit says a value costs no walk through its keys."""
    if group.type != "entity":
        return keys
    found: dict[int, tuple[Any, set[object]]] = group.memo.setdefault("answered", {})  # type: ignore[assignment]
    kept = found.get(id(keys))
    if kept is None or kept[0] is not keys:
        kept = found[id(keys)] = (keys, {x for k in keys for x in group.answers(k)})
    return kept[1]


def tally_statement(group: GroupEvidence, st: Statement) -> None:
    """:meth:`GroupEvidence.tally`: ``st``'s tally by the way that fits the group (the
    sweep and :func:`uncontested_tallies` give every statement's at once)."""
    if group.exact_tallies:
        st.tally = walk(group, st)
    elif (
        group.interval
        # (the units with evidence are at most its claims: counted only if need be)
        and len(group.statements) * len(group.counted) >= group.sweep_from
        and len(group.statements) * len(unit_spans(group)) >= group.sweep_from
    ):
        # (imported here: the sweep is built on this module's walk)
        from claimcheck.analysis.sweep import sweep_tallies

        sweep_tallies(group)
    elif "uncontested" in group.memo or not uncontested_tallies(group):
        group.memo["uncontested"] = False  # (asked once per group)
        st.tally = walk(group, st)


def judged(
    group: GroupEvidence, q: Query, entries: Iterable[tuple[Unit, Any, Any]]
) -> tuple[list[Unit], list[Unit], list[tuple[object, Unit]], bool]:
    """Units judged in turn for a statement (:func:`judge`): those for it, those against
    it with each case and its unit, and whether one for it also says otherwise."""
    support: list[Unit] = []
    against: list[Unit] = []
    labelled: list[tuple[object, Unit]] = []
    also = False
    for unit, spans, denials in entries:
        pro, why = judge(group, q, spans, denials, unit.side is not None)
        if pro:
            support.append(unit)
            also = also or bool(why)
        elif why:
            against.append(unit)
            labelled += [(label, unit) for label in why]
    return support, against, labelled, also


def walk(
    group: GroupEvidence, st: Statement, entries: Iterable[tuple[Unit, Any, Any]] | None = None
) -> Tally:
    """One statement's tally, every unit judged in turn (the exact walk), from each
    unit's evidence as :func:`unit_spans` has it, or as ``entries`` give it."""
    q = query(group, st)
    if entries is None:
        entries = ((unit, spans, denials) for unit, spans, denials, _ in unit_spans(group))
    support, against, labelled, also = judged(group, q, entries)
    groups: dict[object, list[Unit]] = defaultdict(list)
    for label, unit in labelled:
        groups[label].append(unit)
    if not groups:  # (most statements: nobody against)
        return Tally(Units.of(support, ordered=True), Units.of(()), [], also)
    if not group.interval:
        # (a category or entity: asserting X supports "not Y" for every other Y, DESIGN
        # §2 — the mayor's "the militia did it" and the NGO's "the army did it" agree
        # that the jihadists did not, and so does a denial: the neutral origins against
        # it are one case, whatever they name. Not so opposing sides each naming its own
        # answer — the army's "we won" and the rebels' "we won" are no common ground
        # against a reporter's "stalemate": a side joins the case of what it says.)
        neutral = [u for u in against if u.side is None]
        # (the neutral case once; one more for each answer a side gives)
        cases = [Units.of(neutral, ordered=True)] if neutral else []
        cases += [
            Units.of([*neutral, *sided])
            for units in groups.values()
            if (sided := [u for u in units if u.side is not None])
        ]
        return Tally(Units.of(support, ordered=True), Units.of(against, ordered=True), cases, also)
    cases = [
        Units.of(
            strongest(units, q.below if label[1] == "lower" else q.above, label[1] == "lower")
            if isinstance(label, tuple)
            else units
        )
        for label, units in _by_direction(groups)
    ]
    return Tally(Units.of(support, ordered=True), Units.of(against, ordered=True), cases, also)


def uncontested_tallies(group: GroupEvidence) -> bool:
    """Every statement's tally at once where nobody can be against anyone (most groups),
    else False with nothing tallied. Nobody is against anyone when no statement is a
    denial and: for a category or entity, the property may hold several values or the
    group has one statement; for a quantity or date, no evidence is an empty interval
    (none is read: "fewer than 0" is refused; the guard stays, as in the sweep) and, if
    the property holds one
    value, none lies wholly below or above a statement's limits (the lowest upper bound
    of the evidence reaches the highest ``below`` of the statements, and its highest
    lower bound stays under their lowest ``above``). Then :func:`judge` finds no case
    against anyone, and a tally is the units :func:`walk` finds supporting: those with
    an evidence claim whose statement implies it — found statement by statement (for
    quantities and dates, each statement against each one the evidence states, left to
    the walk when those pairs reach :attr:`GroupEvidence.sweep_from`)."""
    statements = group.statements
    if any(st.stance == "denies" for st in statements):
        return False
    if group.single and not group.interval and len(statements) > 1:
        return False
    if overtaken_floors(group):
        return False  # (floors are no statements: walk or sweep)
    units = group.units
    statement_of = group.statement_by_claim
    # The units of each statement's evidence claims, by statement index.
    stating: dict[int, dict[int, Unit]] = {}
    for c in group.counted:
        unit = units[c.id]
        i = statement_of[c.id].index
        found = stating.get(i)
        if found is None:
            stating[i] = {unit.index: unit}
        else:
            found[unit.index] = unit
    listed = {
        i: sorted(found.values(), key=unit_index) if len(found) > 1 else list(found.values())
        for i, found in stating.items()
    }
    supports: list[list[Unit]] = []
    #: Each statement's index: those of the evidence's statements that imply it.
    implied_by: dict[int, list[int]] = {}
    if group.interval:
        if len(listed) * len(statements) >= group.sweep_from:
            return False  # (as many pairs of statements as the walk's pairs: walk)
        stated = [(*bounds(statements[i].value), i) for i in listed]
        if any(lo > hi for lo, hi, _ in stated):
            return False  # an empty interval (refused when read): walk, as the sweep does
        if group.single and stated:
            limits = [group.limits(st.value) for st in statements]
            lowest = min(hi for _, hi, _ in stated)
            highest = max(lo for lo, _, _ in stated)
            if lowest < max(b for b, _ in limits) or highest > min(a for _, a in limits):
                return False
        for st in statements:
            low, high = group.window(st.value)
            implying = implied_by[st.index] = [
                i for lo, hi, i in stated if lo >= low and hi <= high
            ]
            if len(implying) == 1:
                supports.append(listed[implying[0]])
            else:
                merged = {u.index: u for i in implying for u in listed[i]}
                supports.append([merged[i] for i in sorted(merged)])
    else:
        # (an entity part of another implies it: the brigade's presence is the army's,
        # found along each value's chain of wholes)
        index_of: dict[object, int] = {st.value.key: st.index for st in statements}
        implying_of: dict[int, list[int]] = defaultdict(list)
        for i in listed:
            for whole in group.answers(statements[i].value.key):
                j = index_of.get(whole)
                if j is not None:
                    implying_of[j].append(i)
        for st in statements:
            implying = implied_by[st.index] = sorted(implying_of.get(st.index, []))
            if len(implying) <= 1:
                supports.append(listed[implying[0]] if implying else [])
            else:
                merged = {u.index: u for i in implying for u in listed[i]}
                supports.append([merged[i] for i in sorted(merged)])
    group.memo["implied_by"] = implied_by
    # (statements with the same supporting units share them: nothing changes a Units)
    shared_units: dict[int, Units] = {}
    nobody = Units.of(())
    for st, support in zip(statements, supports, strict=True):
        units_for = shared_units.get(id(support))
        if units_for is None:
            units_for = shared_units[id(support)] = Units.of(support, ordered=True)
        st.tally = Tally(units_for, nobody, [], False)
    return True


#: Contradictors on one side of a figure count together when it is this many times
#: beyond the nearest of them (and they are closer to each other than to it).
FAR_OFF = 1.5


def _by_direction(groups: dict[object, list[Unit]]) -> list[tuple[object, list[Any]]]:
    """The contradicting units by case: interval ones by direction (each unit with the
    interval it contradicts with), the others (a value named, a denial) as they are."""
    out: list[tuple[object, list[Any]]] = []
    spans: dict[str, list[Any]] = defaultdict(list)
    for label, units in groups.items():
        if isinstance(label, tuple):
            spans[label[0]] += [(label[1], label[2], u) for u in units]
        else:
            out.append((label, units))
    return [(("interval", d), items) for d, items in spans.items()] + out


def strongest(items: list[tuple[Bound, Bound, Unit]], limit: Bound, lower: bool) -> list[Unit]:
    """The strongest set of units whose figures share a value (a sweep over sorted
    bounds): contradictors that disagree among themselves do not add up — unless they
    lie closer to each other than to the figure they contradict, and that figure is
    :data:`FAR_OFF` times beyond them (10, 12 and 15 against an army's 300 agree that it
    is far too high; 20 and 30 against 10, or 10 and 12 against 15, do not agree on
    much). Those that do are the ones within twice the nearest one's distance from the
    figure: a paper's "more than 1,000" does not undo a commission's 347 and an NGO's
    355 agreeing that a channel's 120 is far too low. ``limit`` is the contradicted
    figure's bound on their side (``lower``: the contradictors are below it)."""
    cluster: list[Unit] = []
    if len(items) > 1:
        near = [(hi if lower else lo)[0] for lo, hi, _ in items]
        nearest = max(near) if lower else min(near)
        small, large = (nearest, limit[0]) if lower else (limit[0], nearest)
        if small <= 0 or large >= FAR_OFF * small:
            # (those within twice the nearest's distance: one outlier further off does
            # not break the others' agreement)
            # (the threshold as the sweep computes it: the same floats, the same answer)
            edge = nearest - (large - small) if lower else nearest + (large - small)
            cluster = list(
                {
                    id(u): u
                    for (lo, hi, u), x in zip(items, near, strict=True)
                    if (x > edge if lower else x < edge)
                }.values()
            )
            if len(cluster) == len(items):
                return cluster
    events = sorted(
        [(lo, 0, i) for i, (lo, _, _) in enumerate(items)]
        + [(hi, 1, i) for i, (_, hi, _) in enumerate(items)]
    )
    active: dict[int, Unit] = {}
    best: list[Unit] = []
    best_key: tuple[float, int, int] = (-1.0, -1, -1)
    for _, end, i in events:
        if end:
            active.pop(i, None)
            continue
        active[i] = items[i][2]
        units = list({id(u): u for u in active.values()}.values())
        weight, count, sides = Tally._sum(units)
        key = (weight, count, len(sides))
        if key > best_key:
            best, best_key = units, key
    if len(cluster) > 1:
        weight, count, sides = Tally._sum(cluster)
        if (weight, count, len(sides)) >= best_key:
            return cluster
    return best
