"""Low, best and high estimates for quantities whose sources disagree, UCDP style (DESIGN §4).

For every single-valued quantity group whose origins' cited figures differ (for a
cumulative toll, each origin's latest figure), an estimate is given — and never
vanishes: when every figure is contested it is still given, from all of them, and says
that its basis is weak — as it is when every figure comes from a side with a stake in it.

* **best** — a figure someone reported: among the point figures and ranges (a range
  offers its lower end), the one with the most independent support, neutral before
  interested, named before anonymous, ties to the lower figure. Only when no claim
  states a point or a range does an open bound ("at least 20") serve, and only when
  no claim states any figure does a vague word ("une vingtaine") give its size (20).
* **low** — the lowest figure or stated bound: points, ranges' lower ends, and open
  lower bounds ("at least 500" is a floor of 500).
* **high** — the highest figure or stated upper bound. An open bound stays open: when a
  credible claim allows more than every stated upper end ("more than 500" against a
  highest figure of 300), or nothing states an upper end, ``high`` is None and
  ``high_open`` is true.

Figures graded improbable are left out while any other remains, and so is a party's
own figure that a neutral origin contradicts (an army's "no civilians killed" against a
UN office's "at least 30") while a figure no neutral origin contradicts remains. Each
estimate names the claims behind low, best and high, and its ``basis`` in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from claimcheck.analysis.grades import Grade, admission
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.origins import relays_by_choice
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

#: Forms that state one figure.
_POINT_FORMS = frozenset({"exact", "approx"})


@dataclass
class Estimate:
    subject: str
    property: str
    low: float
    best: float
    high: float | None
    high_open: bool = False
    #: Whether every claim at the low excludes it ("more than 20": not 20 itself).
    low_open: bool = False
    #: Whether the best is a bound every claim behind it excludes (only "more than 20"
    #: is left to give the best: more than 20, not 20).
    best_open: bool = False
    #: With an open high: the highest bound the open claims state ("at least 50": 50).
    high_floor: float | None = None
    #: Whether every open claim at that bound excludes it ("more than 50": not 50 itself).
    high_floor_open: bool = False
    unit: str | None = None
    claims: dict[str, list[str]] = field(default_factory=dict)
    #: How many independent units support the best figure.
    best_origins: int = 0
    basis: str = ""

    def best_text(self) -> str:
        """``20``, or ``more than 20`` when the claims behind the best exclude it."""
        return _bound_text(self.best, self.best_open)

    def low_text(self) -> str:
        """``20``, or ``more than 20`` when the claims at the low exclude it."""
        return _bound_text(self.low, self.low_open)

    def high_text(self) -> str:
        """``14``, or ``open (50 or more)`` when a credible claim leaves it open."""
        if self.high is not None:
            return _text(self.high)
        if self.high_floor is not None:
            if self.high_floor_open:
                return f"open (more than {_text(self.high_floor)})"
            return f"open ({_text(self.high_floor)} or more)"
        return "open (no upper end)"

    def as_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "property": self.property,
            "low": _num(self.low),
            "low_open": self.low_open,
            "best": _num(self.best),
            "best_open": self.best_open,
            "high": None if self.high is None else _num(self.high),
            "high_open": self.high_open,
            "high_floor": None if self.high_floor is None else _num(self.high_floor),
            "high_floor_open": self.high_floor_open,
            "unit": self.unit,
            "claims": self.claims,
            "best_origins": self.best_origins,
            "basis": self.basis,
        }


def _bound_text(x: float, excluded: bool) -> str:
    return f"more than {_text(x)}" if excluded else _text(x)


def _num(x: float) -> float | int:
    return int(x) if x == int(x) else x


def _text(x: float) -> str:
    """A figure in words' company: ``120,000``, ``12``, ``2.5``."""
    return f"{_num(x):,}"


def _kind(q: Quantity) -> str:
    """``point`` (a number, "about", "nearly"), ``range``, ``floor`` ("at least N"),
    ``ceiling`` ("fewer than N"), or ``vague`` (a word's size)."""
    if q.form in _POINT_FORMS or (q.form == "range" and q.nominal is not None):
        return "point"
    if q.form == "range":
        return "range"
    if q.form in ("at-least", "more-than"):
        return "floor"
    if q.form in ("at-most", "less-than"):
        return "ceiling"
    return "vague"


class _Figures(NamedTuple):
    """What a claim's quantity offers the estimate."""

    #: :func:`_kind`.
    kind: str
    #: The figure it reports, as a candidate for best: a point's figure, a ceiling's
    #: bound, a vague word's size, else its lower end.
    figure: float
    #: The lowest figure it states or allows (a ceiling allows anything under it).
    low: float
    #: The highest figure it states or allows (infinite: open above).
    high: float


def _figures(q: Quantity) -> _Figures:
    kind = _kind(q)
    if kind == "point":
        figure = q.nominal if q.nominal is not None else q.low
        return _Figures(kind, figure, figure, figure)
    if kind == "vague":  # its size: "une vingtaine" says about 20, not its low end 16
        figure = q.nominal if q.nominal is not None else q.low
        return _Figures(kind, figure, q.low, q.high)
    return _Figures(kind, q.high if kind == "ceiling" else q.low, q.low, q.high)


def estimate_group(ev: GroupEvidence, grades: dict[str, Grade]) -> Estimate | None:
    """The estimate for a quantity group whose origins' cited figures differ, else None."""
    if ev.type != "quantity" or not ev.single:
        return None
    statement_of = ev.statement_by_claim
    evidence = [
        c
        for c in ev.counted
        if c.stance == "asserts"
        and isinstance(statement_of[c.id].value, Quantity)
        and c.id not in ev.earlier  # each origin's latest figure
    ]
    looser = ev.looser_relays() if ev.relayed_from else {}
    if looser:
        # (a looser relay's words are its source's figure, counted once: the source's;
        # and out of date with it, when later figures overtook it or its origin's did)
        out = {c.id for c in evidence} | ev.overtaken.keys() | ev.superseded.keys()
        evidence = [c for c in evidence if c.id not in looser or looser[c.id].id not in out]
    origin = ev.credited
    said: set[int] = set()
    origins: set[int] = set()
    for c in evidence:
        said.add(statement_of[c.id].index)
        origins.add(origin[c.id])
    if (len(said) < 2 or len(origins) < 2) and not (evidence and ev.overtaken):
        # One figure, or one origin revising itself (CC105-CC107). (Other origins'
        # figures that a later, higher one overtook differed: the estimate is that one.)
        return None
    credible = [c for c in evidence if c.id not in grades or grades[c.id].grade != 5]
    # Below what a side concedes of its own losses: not a credible low (nor best).
    concession = _concession(ev, credible)
    if concession is not None and not any(c.id not in concession.below for c in credible):
        concession = None  # (nothing credible would be left at or above it: no floor)
    below = concession.below if concession is not None else set()
    conceded = concession.conceding if concession is not None else []
    if below:
        credible = [c for c in credible if c.id not in below]
    # Each statement's weights, once (the claims of a statement share them).
    weights: dict[int, tuple[Any, Any]] = {}

    def weighed_statement(st: Statement) -> tuple[Any, Any]:
        found = weights.get(st.index)
        if found is None:
            found = weights[st.index] = ev.tally(st).weighed()
        return found

    def weighed(c: Claim) -> tuple[Any, Any]:
        return weighed_statement(statement_of[c.id])

    weak: str | None = None
    if not credible or all(grades[c.id].grade >= 4 for c in credible if c.id in grades):
        weak = "every figure is contested"
    elif not any(weighed(c)[0][0] > 0 for c in credible):
        # No neutral origin, nor opposing sides agreeing, stands behind any figure.
        weak = _SIDES_ONLY
    # A party's own figure that a neutral origin contradicts (an army's "no civilians"
    # against a UN office's "at least 30") is not published as an estimate while a figure
    # no neutral origin contradicts remains.
    challenged: list[Claim] = []
    if credible:
        # (by statement: the claims of one share its weights)
        # (a side's concession of its own losses is a floor that figures above it do
        # not contradict, and those below it were left out)
        floors = {statement_of[c.id].index for c in conceded}
        partisan = set()
        for i in {statement_of[c.id].index for c in credible} - floors:
            (w_for, _, _), (w_against, _, _) = weighed_statement(ev.statements[i])
            if w_for == 0 and w_against > 0:
                partisan.add(i)
        # ...while a figure no neutral origin contradicts remains.
        kept_back = {statement_of[c.id].index for c in credible} - partisan
        if partisan and any(weighed_statement(ev.statements[i])[1][0] == 0 for i in kept_back):
            challenged = [c for c in credible if statement_of[c.id].index in partisan]
            credible = [c for c in credible if statement_of[c.id].index not in partisan]
    kept = {statement_of[c.id].index for c in credible}
    left_out = (
        [
            c
            for c in evidence
            if statement_of[c.id].index not in kept and c not in challenged and c.id not in below
        ]
        if credible
        else []
    )
    used = credible or evidence
    # Each claim's own figure: "nearly 100" and "90-100" are one statement (one
    # interval), but one states a point and the other a range.
    q: dict[str, Quantity] = {}
    # (worked out once per value: the claims of a group share their values)
    figures_of: dict[int, _Figures] = {}
    f: dict[str, _Figures] = {}
    for c in used:
        # (a relay's, the figure it relays: its "23" citing "at least 23" is a floor)
        value = (
            c.parsed
            if isinstance(c.parsed, Quantity) and c.id not in ev.reworded
            else statement_of[c.id].value
        )
        assert isinstance(value, Quantity)
        q[c.id] = value
        found = figures_of.get(id(value))
        if found is None:
            found = figures_of[id(value)] = _figures(value)
        f[c.id] = found
    # A vague word's interval counts only where no claim states a figure.
    stated = [c for c in used if f[c.id].kind != "vague"]
    pool = stated or used
    low_claims, low = _lowest(pool, f)
    low_open = all(f[cid].kind != "ceiling" and q[cid].low_open for cid in low_claims)
    # The latest figures all a side's: the highest neutral count they overtook is still
    # a floor, and the low (a ministry's daily 195 the day after an NGO's 150: 150).
    neutral = _neutral_floor(ev, grades) if weak == _SIDES_ONLY and ev.overtaken else None
    if neutral is not None and (neutral[1], neutral[2]) < (low, low_open):
        low, low_open, low_claims = neutral[1], neutral[2], [c.id for c in neutral[0]]
        weak = "every figure since the latest neutral count comes from a side with a stake in it"
    else:
        neutral = None
    raised: list[str] = []  # (a range or floor reaching below a side's concession)
    if concession is not None and (low, 1 if low_open else 0) < concession.under:
        raised = low_claims
        low, low_open = concession.floor
        low_claims = sorted(c.id for c in concession.at_floor)
    high_claims, high, high_open, open_claims = _high(pool, q, f)
    if raised and not high_open and high < low:  # (every figure reached below the floor)
        high, high_claims = low, low_claims
    floor = max((q[cid].low for cid in open_claims), default=None) if high_open else None
    floor_open = floor is not None and all(
        q[cid].low_open for cid in open_claims if q[cid].low == floor
    )
    best_claims, best, n_best = _best(
        ev, pool, f, weighed_statement, low, None if high_open else high, (low_claims, high_claims)
    )
    best_open = all(
        cid in f and f[cid].kind == "floor" and q[cid].low_open and q[cid].low == best
        for cid in best_claims
    )
    names = _basis(
        ev, best, best_open, n_best, best_claims, weak, left_out, challenged, pool is not stated
    )
    if neutral is not None:
        names = _with_neutral_floor(ev, names, weak, neutral[0])
    if concession is not None and (below or raised):
        under = [c for c in evidence if c.id in below]
        names = _with_concession(ev, names, weak, concession, under, raised)
    if ev.overtaken:
        shown = {c.id for c in evidence} | ({c.id for c in neutral[0]} if neutral else set())
        names += _overtaken(ev, shown)
    if stated and len(stated) < len(used):  # (DESIGN §4: where a stated figure exists)
        names += _vague_left_out(ev, [c for c in used if f[c.id].kind == "vague"])
    return Estimate(
        subject=ev.subject_id,
        property=ev.property_id,
        low=low,
        best=best,
        high=None if high_open else high,
        high_open=high_open,
        low_open=low_open,
        best_open=best_open,
        high_floor=floor,
        high_floor_open=floor_open,
        unit=ev.prop.unit if ev.prop else None,
        claims={
            "low": low_claims,
            "best": best_claims,
            "high": open_claims if high_open else high_claims,
        },
        best_origins=n_best,
        basis=names,
    )


def _said(ev: GroupEvidence, c: Claim) -> str:
    """A claim's figure as the basis names it (a relay's: the one it relays)."""
    return str(ev.statement_by_claim[c.id].value if c.id in ev.reworded else c.parsed)


def _source(ev: GroupEvidence, c: Claim) -> Claim:
    """The claim whose figure ``c`` gives: the one it relays — not another paper's it is
    credited to only by a choice among equals (two papers citing one dispatch)."""
    return c if relays_by_choice(ev, c) else ev.relayed_from.get(c.id, c)


def _weak_clause(weak: str | None) -> str:
    return f"; {weak}, so the basis is weak" if weak else ""


def _before_closing(basis: str, weak: str | None, clauses: list[str]) -> str:
    """The basis with ``clauses`` added before its closing word on a weak basis."""
    closing = _weak_clause(weak)
    if closing and basis.endswith(closing):
        basis = basis[: -len(closing)]
    else:
        closing = ""
    return basis + "".join(f"; {c}" for c in clauses) + closing


class _Concession(NamedTuple):
    """What a side concedes of its own losses, as a floor for the estimate."""

    #: The side's figures conceding them (its latest, credible ones).
    conceding: list[Claim]
    #: The claims at the floor (overtaken ones too: a toll only grows).
    at_floor: list[Claim]
    #: The floor: the lowest lower bound the side concedes, as ``(figure, excluded)``.
    floor: tuple[float, bool]
    #: The figures wholly below it (within the tolerance is not below).
    below: set[str]
    #: A lower bound under this is below it (the floor less the tolerance).
    under: Bound


def _concession(ev: GroupEvidence, credible: list[Claim]) -> _Concession | None:
    """What a side concedes of its own losses (DESIGN §4: a statement against interest),
    if anything. A property counting a side's losses (``losses_of``): that side's
    figures of them — its latest, credible ones, and those a later count overtook, for
    a toll only grows — are floors: an army admitting 12 of its soldiers killed says at
    least 12 died, whatever it says against the rebels' 60. So a count of 8 is no
    credible low, a range "8-20" gives no low under 12, and a hospital's 15 does not
    make the army's 12 a partisan figure. The floor is the lowest the side concedes (its
    ministry's 10 and its army's 12: 10). A ceiling ("at most 5") concedes nothing, nor
    does a vague word ("des dizaines") or an anonymous source ("military sources"),
    which weigh too little to overrule a count."""
    side = ev.prop.losses_of if ev.prop is not None else None
    if side is None or side not in ev.sides:
        return None
    units, statement_of, parties = ev.units, ev.statement_by_claim, ev.store.parties

    def concedes(c: Claim) -> bool:
        if units[c.id].stake != side or c.stance != "asserts":
            return False
        value = statement_of[c.id].value
        if not isinstance(value, Quantity) or _kind(value) in ("vague", "ceiling"):
            return False
        party = parties.get(_source(ev, c).claimant or "")
        return not (party is not None and party.is_anonymous) and value.low > 0

    conceding = [c for c in credible if concedes(c)]
    claims = ev.store.claims
    past = [claims[x] for x in ev.overtaken if concedes(claims[x])]
    if not conceding and not past:
        return None
    every = conceding + past
    floor = min(bounds(statement_of[c.id].value)[0] for c in every)
    at_floor = [c for c in every if bounds(statement_of[c.id].value)[0] == floor]
    under = ev.limits(statement_of[at_floor[0].id].value)[0]  # (within tolerance: not below)
    below = {
        c.id
        for c in credible
        if units[c.id].stake != side and bounds(statement_of[c.id].value)[1] < under
    }
    return _Concession(conceding, at_floor, (floor[0], floor[1] > 0), below, under)


def _with_concession(
    ev: GroupEvidence,
    basis: str,
    weak: str | None,
    concession: _Concession,
    below: list[Claim],
    raised: list[str],
) -> str:
    """The basis, saying which figures fell below a side's own losses, and whose (said
    before any closing word on a weak basis)."""
    claims = {c.id: c for c in ev.claims}

    def said(c: Claim) -> str:
        return _said(ev, c)

    def who(c: Claim) -> str:
        return _source(ev, c).speaker

    side = ev.prop.losses_of if ev.prop is not None else None
    whose = ", ".join(sorted({who(c) for c in concession.at_floor}))
    floor = _bound_text(*concession.floor)
    # (the words conceding it, when its floor is not what they say: "about 350")
    words = sorted({said(c) for c in concession.at_floor} - {floor, floor.replace(",", "")})
    worded = f", as {', '.join(repr(w) for w in words)}" if words else ""
    conceded = f"the {floor} that side {side} concedes of its own losses ({whose}{worded})"
    clauses = []
    if below:
        shown = sorted({f"{said(c)} ({who(c)})" for c in below})
        clauses.append(f"left out as below {conceded}: {', '.join(shown)}")
    if raised:
        shown = sorted({f"{said(claims[cid])} ({who(claims[cid])})" for cid in raised})
        clauses.append(f"low raised from {', '.join(shown)} to {conceded}")
    return _before_closing(basis, weak, clauses)


#: Why an estimate is weak when no neutral origin stands behind any figure.
_SIDES_ONLY = "every figure comes from a side with a stake in it"


def _neutral_floor(
    ev: GroupEvidence, grades: dict[str, Grade]
) -> tuple[list[Claim], float, bool] | None:
    """The highest neutral count later figures overtook (a figure, a range or a floor;
    not a vague word, a ceiling or an improbable figure) — of those as high, the latest
    — with its lower bound and whether it is excluded: every claim giving it then."""
    units, statement_of, claims = ev.units, ev.statement_by_claim, ev.store.claims
    best: tuple[tuple[float, int], dt.date] | None = None
    found: list[Claim] = []
    for x in ev.overtaken:
        c = claims[x]
        value = statement_of[x].value
        if (
            c.stance != "asserts"
            or not units[x].neutral
            or not isinstance(value, Quantity)
            or _kind(value) in ("vague", "ceiling")
            or (x in grades and grades[x].grade == 5)
        ):
            continue
        when = ev.said_on(c)
        key = (bounds(value)[0], when.low if when is not None and when.known else dt.date.min)
        if best is None or key > best:
            best, found = key, [c]
        elif key == best:
            found.append(c)
    if best is None:
        return None
    (figure, excluded), _ = best
    return sorted(found, key=lambda c: c.id), figure, excluded > 0


def _with_neutral_floor(ev: GroupEvidence, basis: str, weak: str | None, floor: list[Claim]) -> str:
    """The basis, saying the low is the latest neutral count the sides' figures passed."""
    when = ev.said_on(floor[0])
    day = f" of {when}" if when is not None and when.known else ""
    who = ", ".join(sorted({_source(ev, c).speaker for c in floor}))
    clause = (
        f"low {_said(ev, floor[0])}: the count of {who}{day}, the highest neutral one, "
        "overtaken since"
    )
    return _before_closing(basis, weak, [clause])


def _vague_left_out(ev: GroupEvidence, vague: list[Claim]) -> str:
    """The basis's words on the vague words left out where figures are stated."""
    by_word: dict[str, set[str]] = {}
    for c in vague:
        by_word.setdefault(c.value_text, set()).add(_source(ev, c).speaker)
    return "; vague words left out where figures are stated: " + ", ".join(
        f"'{word}' ({', '.join(sorted(who))})" for word, who in sorted(by_word.items())
    )


#: The overtaken figures a basis names, at most (a daily toll overtakes thousands).
_NAMED_OVERTAKEN = 4


def _overtaken(ev: GroupEvidence, evidence: set[str]) -> str:
    """The basis's words on the figures later, higher ones of other origins overtook
    (counts of their day, no longer the toll): the latest few, by whom."""
    claims = ev.store.claims
    seen: dict[tuple[str, str], Any] = {}
    for cid in ev.overtaken:
        if cid in evidence:
            continue
        c = claims[cid]
        said, who = _said(ev, c), _source(ev, c).speaker
        when = ev.said_on(c)
        day = when.low if when is not None and when.known else None
        key = (said, who)
        if key not in seen or (day is not None and (seen[key] is None or day > seen[key])):
            seen[key] = day
    if not seen:
        return ""
    latest = sorted(seen, key=lambda k: (seen[k] is not None, seen[k], k), reverse=True)
    named = [f"{said} ({who})" for said, who in latest[:_NAMED_OVERTAKEN]]
    more = len(latest) - len(named)
    return (
        "; earlier counts that later, higher figures overtook: "
        + ", ".join(named)
        + (f" and {more} more" if more else "")
    )


def _lowest(pool: list[Claim], f: dict[str, _Figures]) -> tuple[list[str], float]:
    """The lowest figure or bound stated: a ceiling ("at most 10") gives its bound, the
    lowest figure it states, not the zero it allows."""
    values = {c.id: f[c.id].figure if f[c.id].kind == "ceiling" else f[c.id].low for c in pool}
    low = min(values.values())
    return sorted(cid for cid, x in values.items() if x == low), low


def _high(
    pool: list[Claim], q: dict[str, Quantity], f: dict[str, _Figures]
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


def _best(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, _Figures],
    weighed: Callable[[Statement], tuple[Any, Any]],
    low: float,
    high: float | None,
    at_ends: tuple[list[str], list[str]] = ([], []),
) -> tuple[list[str], float, int]:
    """The reported figure with the most independent support (a range's support is
    every figure within it): neutral weight first, then units, then the lower figure.
    Points and ranges first; else a floor ("at least N"); else the tightest ceiling;
    else a vague word's size — but a neutral floor before numbers only parties with a
    stake give (a hospital's "at least 23" before the rebels' 40), and a number stated
    inside the winning range before the range's lower end (a hospital's "about 40"
    within the UN's 30-45, not 30), and an exact count inside a winning rough figure
    before it (a hospital's 47, which "nearly 50" owes its support to). Behind it:
    the claims of the statement that wins, and any stating its figure as a number.
    Never outside [low, high]."""
    kinds = {c.id: f[c.id].kind for c in pool}
    statement_of = ev.statement_by_claim
    tiers = [
        (wanted, found)
        for wanted in (("point", "range"), ("floor",), ("ceiling",), ("vague",))
        if (found := [c for c in pool if kinds[c.id] in wanted])
    ]
    neutral = [
        (wanted, found)
        for wanted, found in tiers
        if wanted in (("point", "range"), ("floor",))
        and any(weighed(statement_of[c.id])[0][0] > 0 for c in found)
    ]
    wanted, candidates = neutral[0] if neutral else tiers[0]
    # A statement's figure: the lowest its claims state, a point before a range's end
    # ("nearly 100" and "90-100" state 100), whatever the order of the files.
    figure: dict[int, tuple[int, float]] = {}
    for c in candidates:
        i = statement_of[c.id].index
        mine = (0 if kinds[c.id] == "point" else 1, f[c.id].figure)
        figure[i] = min(figure.get(i, mine), mine)
    ranked: dict[int, tuple[float, int, float]] = {}
    support: dict[int, int] = {}
    said: dict[int, Statement] = {}
    for c in candidates:
        st = statement_of[c.id]
        if st.index not in ranked:
            (weight, _, _), _ = weighed(st)
            support[st.index] = units = len(ev.tally(st).support)
            if wanted == ("ceiling",):  # the tightest bound, whatever supports it
                weight, units = 0.0, 0
            ranked[st.index] = (-weight, -units, figure[st.index][1])
            said[st.index] = st
    first = min(ranked.values())
    tied = [i for i, r in ranked.items() if r == first]
    # Ties go to the statement whose key reads first (keys differ: one statement each).
    win = tied[0] if len(tied) == 1 else min(tied, key=lambda i: str(said[i].value.key))
    if figure[win][0] == 1:  # a range's lower end: a number stated within it comes first
        within = _within_range(said[win].value, figure, said)
        if within and all(figure[i][1] != ranked[win][2] for i in within):
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
    best, units = ranked[win][2], support[win]
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
                stated[cid] = _figures(value).figure
        best = min(stated.values(), default=low)
        if high is not None and best > high:
            best = high
        behind = {cid for cid, x in stated.items() if x == best}
        return sorted(behind or at_ends[0]), best, units
    if best < low or (high is not None and best > high):
        best = max(best, low) if high is None else min(max(best, low), high)
        behind = {c.id for c in pool if f[c.id].low == best or f[c.id].figure == best}
        return sorted(behind or (at_ends[0] if best == low else at_ends[1])), best, units
    behind = {
        c.id
        for c in pool
        if statement_of[c.id].index == win or (kinds[c.id] == "point" and f[c.id].figure == best)
    }
    return sorted(behind), best, units


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


def _basis(
    ev: GroupEvidence,
    best: float,
    best_open: bool,
    n_best: int,
    best_claims: list[str],
    weak: str | None,
    left_out: list[Claim],
    challenged: list[Claim],
    vague_only: bool,
) -> str:
    claims = {c.id: c for c in ev.claims}  # (the group's: a store's is millions)

    def said(c: Claim) -> str:  # (a relay's figure: the one it relays)
        return _said(ev, c)

    # (who gave it: a relay's source, not the relay)
    who = sorted({_source(ev, claims[cid]).speaker for cid in best_claims})
    # (a vague word's size is nobody's figure: said as what it is)
    what = (
        "the size of " + ", ".join(sorted({f"'{said(claims[c])}'" for c in best_claims})) + ","
        if vague_only
        else "the bound"
        if best_open
        else "the figure"
    )
    text = (
        f"best {'more than ' if best_open else ''}{_text(best)}: {what} given by {', '.join(who)}, "
        f"supported by {n_best} independent origin{'s' if n_best != 1 else ''}"
    )
    shown = sorted({said(c) for c in left_out})
    if shown:
        text += f"; left out as improbable: {', '.join(shown)}"
    # Each figure once per origin, named by its party: one ministry, not the papers
    # quoting it or its state broadcaster.
    by_origin: dict[tuple[str, int], set[str]] = {}
    for c in challenged:
        by_origin.setdefault((said(c), ev.credited[c.id]), set()).add(c.speaker)
    parties = ev.store.parties
    partisan = sorted(
        f"{value} ({min(names, key=lambda n: (n not in parties, n))})"
        for (value, _), names in by_origin.items()
    )
    if partisan:
        text += "; left out as a party's figure a neutral origin contradicts: " + ", ".join(
            partisan
        )
    if vague_only and (left_out or challenged):
        text += "; the figures left are vague words"
    elif vague_only:
        text += "; no claim states a figure"
    if ev.admitting is not None:
        text += f"; {admission(ev.admitting)}"
    text += _weak_clause(weak)
    return text
