"""What each claim's figure offers an estimate — a point, a range, a floor ("at least
20"), a ceiling ("fewer than 20") or a vague word's size — and the low, high and best
chosen among them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.values import Quantity, figure_kind
from claimcheck.values.quantity import INF


class Figures(NamedTuple):
    """What a claim's quantity offers the estimate."""

    #: :func:`figure_kind`.
    kind: str
    #: The figure it reports, as a candidate for best: a point's figure, a ceiling's
    #: bound, a vague word's size, else its lower end.
    figure: float
    #: The lowest figure it states or allows (a ceiling allows anything under it).
    low: float
    #: The highest figure it states or allows (infinite: open above).
    high: float


def figures_of(q: Quantity) -> Figures:
    """What ``q`` offers the estimate."""
    kind = figure_kind(q)
    if kind == "point":
        figure = q.nominal if q.nominal is not None else q.low
        return Figures(kind, figure, figure, figure)
    if kind == "vague":  # its size: "une vingtaine" says about 20, not its low end 16
        figure = q.nominal if q.nominal is not None else q.low
        return Figures(kind, figure, q.low, q.high)
    return Figures(kind, q.high if kind == "ceiling" else q.low, q.low, q.high)


def claimed_value(ev: GroupEvidence, c: Claim) -> object:
    """The value a claim offers the estimate: its own words, or for a relay that words
    what it relays more strictly (``ev.reworded``), the value it relays — a radio's
    "23" citing the ministry's "at least 23" is a floor."""
    if isinstance(c.parsed, Quantity) and c.id not in ev.reworded:
        return c.parsed
    return ev.statement_by_claim[c.id].value


def lowest(pool: list[Claim], f: dict[str, Figures]) -> tuple[list[str], float]:
    """The lowest figure or bound stated: a ceiling ("at most 10") gives its bound, the
    lowest figure it states, not the zero it allows."""
    values = {c.id: f[c.id].figure if f[c.id].kind == "ceiling" else f[c.id].low for c in pool}
    low = min(values.values())
    return sorted(cid for cid, x in values.items() if x == low), low


def highest(
    pool: list[Claim], q: dict[str, Quantity], f: dict[str, Figures]
) -> tuple[list[str], float, bool, list[str]]:
    """The highest stated upper figure, and whether a credible claim leaves it open."""
    uppers: dict[str, float] = {}
    opens: dict[str, float] = {}
    for c in pool:
        v = q[c.id]
        top = f[c.id].high
        if top == INF:
            opens[c.id] = v.low
        else:
            uppers[c.id] = top
    high = max(uppers.values()) if uppers else INF
    beyond = {cid: x for cid, x in opens.items() if x > high or (x == high and q[cid].low_open)}
    if not uppers or beyond:
        return [], high, True, sorted(beyond or opens)
    return sorted(cid for cid, x in uppers.items() if x == high), high, False, []


def best_supported(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, Figures],
    weighed: Callable[[Statement], tuple[Any, Any]],
    low: float,
    high: float | None,
    at_ends: tuple[list[str], list[str]] = ([], []),
) -> tuple[list[str], float, int]:
    """The reported figure with the most independent support (a range's support is
    every figure within it): neutral weight first, then named neutral origins (opposing
    sides agreeing count as one), then units, then the lower figure.
    Points and ranges first; else a floor ("at least N"); else a vague word's size;
    else the tightest ceiling — but a neutral floor, or a neutral vague word's size,
    before numbers only parties with a
    stake give (a hospital's "at least 23" before the rebels' 40); numbers only
    anonymous sources give below a named neutral floor left out (a rights group's "at
    least 40" before an anonymous official's 38: another number, or the floor), and a
    number stated
    inside the winning range before the range's lower end, a named neutral origin's (a
    hospital's "about 40" within the UN's 30-45, not 30; not anonymous medics' 72
    alone within the UN's 60-80), and an exact count inside a winning rough figure
    before it (a hospital's 47, which "nearly 50" owes its support to). Behind it:
    the claims of the statement that wins, and any stating its figure as a number.
    Never outside [low, high]."""
    kinds = {c.id: f[c.id].kind for c in pool}
    statement_of = ev.statement_by_claim
    tiers = [
        (wanted, found)
        for wanted in (("point", "range"), ("floor",), ("vague",), ("ceiling",))
        if (found := [c for c in pool if kinds[c.id] in wanted])
    ]
    neutral = [
        (wanted, found)
        for wanted, found in tiers
        if wanted != ("ceiling",) and any(weighed(statement_of[c.id])[0][0] > 0 for c in found)
    ]
    wanted, candidates = neutral[0] if neutral else tiers[0]
    if wanted == ("ceiling",):  # (the tightest of those neutral origins give, if any)
        candidates = [c for c in candidates if weighed(statement_of[c.id])[0][0] > 0] or candidates
    neutral = [tier for tier in neutral if tier[0] != ("vague",)]
    if wanted == ("point", "range") and len(neutral) > 1:
        # Numbers only anonymous sources give, below a named neutral origin's floor that
        # contradicts them, do not compete: Watchlight's "at least 40" before an
        # unnamed official's 38 — the best is another number, or (none left) the floor.
        named = [
            c for c in neutral[1][1] if ev.units[c.id].side is None and not ev.units[c.id].anonymous
        ]
        if named:
            floor = max(f[c.id].low for c in named)
            kept = [
                c
                for c in candidates
                if f[c.id].high >= floor or weighed(statement_of[c.id])[0][0] >= 1
            ]
            if not kept:
                # (only the floors above every number: a lower one does not pull it down)
                top = max(f[c.id].high for c in candidates)
                wanted, kept = neutral[1][0], [c for c in neutral[1][1] if f[c.id].low > top]
            elif all(weighed(statement_of[c.id])[0][0] == 0 for c in kept) and (
                floors := [c for c in neutral[1][1] if weighed(statement_of[c.id])[1][0] < 1]
            ):
                # (the numbers left are parties': a neutral floor no neutral origin
                # contradicts before them, as ever — OCHA's "at least 30" before the
                # rebels' 80 and an unnamed source's 12)
                wanted, kept = neutral[1][0], floors
            candidates = kept
    # A statement's figure: the lowest its claims state, a point before a range's end
    # ("nearly 100" and "90-100" state 100), whatever the order of the files.
    figure: dict[int, tuple[int, float]] = {}
    for c in candidates:
        i = statement_of[c.id].index
        mine = (0 if kinds[c.id] == "point" else 1, f[c.id].figure)
        figure[i] = min(figure.get(i, mine), mine)
    # (neutral weight, then named neutral origins — two unnamed sources weigh as one
    # named, but do not outrank it —, then units, then the lower figure)
    ranked: dict[int, tuple[float, int, int, float]] = {}
    support: dict[int, int] = {}
    said: dict[int, Statement] = {}
    for c in candidates:
        st = statement_of[c.id]
        if st.index not in ranked:
            (weight, _, _), _ = weighed(st)
            supporters = ev.tally(st).support
            support[st.index] = units = len(supporters)
            # (opposing sides agreeing weigh as a neutral origin on the record)
            on_record = supporters.named + (len(supporters.sides) >= 2)
            if wanted == ("ceiling",):  # the tightest bound, whatever supports it
                weight, on_record, units = 0.0, 0, 0
            ranked[st.index] = (-weight, -on_record, -units, figure[st.index][1])
            said[st.index] = st
    first = min(ranked.values())
    tied = [i for i, r in ranked.items() if r == first]
    # Ties go to the statement whose key reads first (keys differ: one statement each).
    win = tied[0] if len(tied) == 1 else min(tied, key=lambda i: str(said[i].value.key))
    if figure[win][0] == 1:  # a range's lower end: a number stated within it comes first
        within = _within_range(said[win].value, figure, said)
        if within and all(figure[i][1] != ranked[win][3] for i in within):
            if ranked[win][0] < 0:  # (a neutral range: a number neutral origins give...)
                inside = within
                # (...on the record — a named origin's: anonymous medics' 72 alone does not
                # displace the UN's 60-80, which a hospital's "about 70" does: a desk's
                # trial)
                within = [i for i in within if ranked[i][0] < 0 and ranked[i][1] < 0]
                if not within and len(_sides_of(ev, [said[i] for i in inside])) >= 2:
                    # (...or the lowest that opposing sides give, when both rule its
                    # lower end out: the army's 12 and the rebels' 18 in "10 to 20")
                    within = [min(inside, key=lambda i: (figure[i][1], str(said[i].value.key)))]
            if within:
                win = min(within, key=lambda i: (ranked[i], str(said[i].value.key)))
    if _rounded(said[win].value):  # "nearly 50": an exact count inside it comes first...
        counts = [i for i in _within_range(said[win].value, figure, said) if _exact(said[i].value)]
        if ranked[win][0] < 0:  # (a neutral figure: only a count neutral origins give)
            counts = [i for i in counts if ranked[i][0] < 0]
            # ...when the rough figure owes its lead to it: its neutral weight beyond the
            # count's is no more than the count's own (five outlets' "about 1000" stays
            # 1000; an anonymous 11 does not displace a named official's "about 10")
            counts = [i for i in counts if ranked[i][0] - ranked[win][0] <= -ranked[i][0]]
        else:  # (its support beyond the count's, in units)
            counts = [i for i in counts if support[win] - support[i] <= support[i]]
        if counts:
            win = min(counts, key=lambda i: (ranked[i], str(said[i].value.key)))
    best, units = ranked[win][3], support[win]
    if figure[win][0] == 0 and (over := _floors_over(ev, pool, f, weighed, best, -ranked[win][0])):
        # A named neutral origin's floor that excludes the winning number, no neutral
        # origin against it, weighing as much: a radio's "about 30" beside two papers'
        # "more than 30" gives more than 30, not the 30 they rule out.
        bound = max(f[c.id].low for c in over)
        at = sorted(c.id for c in over if f[c.id].low == bound)
        return at, bound, len(ev.tally(statement_of[at[0]]).support)
    if figure[win][0] == 1 and (floors := _floors_within(ev, pool, f, weighed, said[win].value)):
        # A named neutral origin's floor inside the winning range, no neutral origin
        # against it, before the range's lower end: the medics' 25-40 and Watchlight's
        # "at least 31" give 31, not a 25 the floor rules out.
        bound = max(f[c.id].low for c in floors)
        if low <= bound and (high is None or bound <= high):
            at = sorted(c.id for c in floors if f[c.id].low == bound)
            return at, bound, len(ev.tally(statement_of[at[0]]).support)
    if best < low and at_ends[0]:
        # A low raised to a side's concession (``at_ends``: the claims at the low, and
        # at the high): the best is the figure the conceding claims state — "about
        # 350" gives 350, not the 315 it reaches down to — within the high.
        statement_of = ev.statement_by_claim
        stated: dict[str, float] = {}
        for cid in at_ends[0]:
            value = statement_of[cid].value
            if cid in f:
                stated[cid] = f[cid].figure
            elif isinstance(value, Quantity):
                stated[cid] = figures_of(value).figure
        best = min(stated.values(), default=low)
        if high is not None and best > high:
            best = high
        behind = {cid for cid, x in stated.items() if x == best}
        return sorted(behind or at_ends[0]), best, units
    if best < low or (high is not None and best > high):
        best = max(best, low) if high is None else min(max(best, low), high)
        behind = {c.id for c in pool if f[c.id].low == best or f[c.id].figure == best}
        return sorted(behind or (at_ends[0] if best == low else at_ends[1])), best, units
    # (and a number stating its figure — not one a winning "more than" rules out)
    won = said[win].value
    excluded = isinstance(won, Quantity) and won.low_open
    behind = {
        c.id
        for c in pool
        if statement_of[c.id].index == win
        or (not excluded and kinds[c.id] == "point" and f[c.id].figure == best)
    }
    return sorted(behind), best, units


def _sides_of(ev: GroupEvidence, statements: list[Statement]) -> set[str]:
    """The sides among the supporters of ``statements``."""
    return {side for st in statements for side in ev.tally(st).support.sides}


def _rounded(value: Any) -> bool:
    """A figure stated roughly: "about 40", "nearly 50" (a point with some room)."""
    return isinstance(value, Quantity) and (
        value.form == "approx" or (value.form == "range" and value.nominal is not None)
    )


def _exact(value: Any) -> bool:
    return isinstance(value, Quantity) and value.form == "exact"


def _within_range(
    span: Any, figure: dict[int, tuple[int, float]], said: dict[int, Statement]
) -> list[int]:
    """The statements stating a point figure inside the range ``span``."""
    if not isinstance(span, Quantity):
        return []
    return [
        i
        for i, (kind, x) in figure.items()
        if kind == 0 and span.low <= x <= span.high and said[i].stance == "asserts"
    ]


def _floors_over(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, Figures],
    weighed: Callable[[Statement], tuple[Any, Any]],
    figure: float,
    weight: float,
) -> list[Claim]:
    """The claims of ``pool`` stating a floor that excludes ``figure`` ("at least 31" or
    "more than 30" against 30), of a named neutral origin, which no neutral origin
    (named, or as much) contradicts, and neutral origins support as much as ``weight``."""
    statement_of = ev.statement_by_claim
    return [
        c
        for c in pool
        if f[c.id].kind == "floor"
        and isinstance(value := statement_of[c.id].value, Quantity)
        and (value.low > figure or (value.low == figure and value.low_open))
        and _named_neutral_uncontradicted(ev, c, weighed)
        and weighed(statement_of[c.id])[0][0] >= weight
    ]


def _named_neutral_uncontradicted(
    ev: GroupEvidence, c: Claim, weighed: Callable[[Statement], tuple[Any, Any]]
) -> bool:
    """Whether ``c`` is a named neutral origin's, which no neutral origin (named, or as
    much) contradicts."""
    unit = ev.units[c.id]
    return (
        unit.side is None and not unit.anonymous and weighed(ev.statement_by_claim[c.id])[1][0] < 1
    )


def _floors_within(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, Figures],
    weighed: Callable[[Statement], tuple[Any, Any]],
    span: Any,
) -> list[Claim]:
    """The claims of ``pool`` stating "at least N" (or "more than N") with N inside the
    range ``span`` above its lower end, of a named neutral origin, which no neutral
    origin (named, or as much) contradicts."""
    if not isinstance(span, Quantity) or span.form != "range":
        return []
    statement_of = ev.statement_by_claim
    return [
        c
        for c in pool
        if f[c.id].kind == "floor"
        and span.low < f[c.id].low <= span.high
        and isinstance(value := statement_of[c.id].value, Quantity)
        # ("more than 30" inside 25-40: the best is open, "more than 30")
        and (value.form == "at-least" or (value.form == "more-than" and value.low < span.high))
        and _named_neutral_uncontradicted(ev, c, weighed)
    ]
