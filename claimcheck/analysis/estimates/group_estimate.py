"""A group's estimate worked out (:func:`estimate_group`): each origin's latest credible
figure, whether the origins differ, a weak basis, the low, best and high chosen among
the figures taken (:mod:`.figures_taken`), and the basis in words (:mod:`.basis`)."""

from __future__ import annotations

from typing import Any

from claimcheck.analysis.estimates.basis import (
    basis_text,
    before_closing,
    overtaken_clause,
    revised_clause,
    vague_words,
    with_concession,
    with_confirmed_floor,
    with_neutral_floor,
)
from claimcheck.analysis.estimates.estimate import Estimate
from claimcheck.analysis.estimates.figures import (
    Figures,
    best_supported,
    claimed_value,
    figures_of,
    highest,
    lowest,
)
from claimcheck.analysis.estimates.figures_taken import (
    above_concession,
    overtaken_voice,
    saying_less,
    taking_vague_words,
)
from claimcheck.analysis.estimates.floors import confirmed_floor, neutral_floor, side_concession
from claimcheck.analysis.grades import Grade
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.values import Quantity

#: Why an estimate is weak when no neutral origin stands behind any figure.
_SIDES_ONLY = "every figure comes from a side with a stake in it"
#: Why an estimate is weak when only opposing sides' common ground stands behind a figure.
_SIDES_AGREEING = (
    "every figure comes from a side with a stake in it, agreeing with the other side's only"
    " as far as their figures overlap"
)
#: What the basis says of vague words: counted as the only neutral voice beside parties'
#: figures, left out where figures are stated, or left out above a ceiling.
_COUNTED = "vague words counted, the only neutral voice beside parties' figures"
_LEFT_OUT = "vague words left out where figures are stated"
_OVER_CEILING = "vague words left out, their size over a stated ceiling"
#: Why an estimate is weak when its best rests on one anonymous source alone (anonymous
#: claimants weigh less than named ones: DESIGN §4).
_ANONYMOUS_ONLY = "its best rests on one anonymous source"


def _revised_to_agree(ev: GroupEvidence, said: set[int], origins: set[int]) -> list[Claim]:
    """Where every origin now gives one figure, the figures some of them gave before
    that differed from it (each origin's earlier figures: raised, lowered, made a range
    or narrowed since — a hospital's 10, then "10-18" as an NGO says): the origins
    differed, so the group is estimated."""
    if len(said) != 1 or len(origins) < 2:
        return []
    statement_of = ev.statement_by_claim
    (now,) = said
    claims = ev.store.claims
    return sorted(
        (
            claims[x]
            for x in ev.earlier
            if claims[x].stance == "asserts"
            and isinstance(statement_of[x].value, Quantity)
            and statement_of[x].index != now
        ),
        key=lambda c: c.id,
    )


def estimate_group(
    ev: GroupEvidence, grades: dict[str, Grade], always: bool = False
) -> Estimate | None:
    """The estimate for a quantity group whose origins' cited figures differ, else None
    — or, ``always``, of whatever figures it has (the latest day's of a property that
    varies, when its days' figures differ: what holds now, one figure or several that
    agree)."""
    if ev.type != "quantity" or not ev.single:
        return None
    statement_of = ev.statement_by_claim
    # (a neutral count judged in the dispute of its day that later figures outgrew is
    # no toll now: the UN's 130 below a wire's "at least 140" of that day, two days on —
    # a side's stays, the low end of its side's dispute)
    outgrown = {cid for cid in ev.latest.outgrown_in_dispute if ev.units[cid].side is None}
    evidence = [
        c
        for c in ev.counted
        if c.stance == "asserts"
        and isinstance(statement_of[c.id].value, Quantity)
        and c.id not in ev.earlier  # each origin's latest figure
        and c.id not in outgrown
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
    revised: list[Claim] = []
    if (len(said) < 2 or len(origins) < 2) and not (evidence and (ev.overtaken or outgrown)):
        # One figure, or one origin revising itself (CC105-CC107). (Other origins'
        # figures that a later, higher one overtook differed: the estimate is that one.
        # So did an origin's figure it revised since to agree: a hospital's 10, then
        # 18 as the NGO said — an estimate never vanishes as evidence comes in.)
        revised = _revised_to_agree(ev, said, origins)
        if not revised and not (always and evidence):
            return None
    credible = [c for c in evidence if c.id not in grades or grades[c.id].grade != 5]
    # Below what a side concedes of its own losses: not a credible low (nor best).
    concession = side_concession(ev, credible)
    if concession is not None and not any(c.id not in concession.below for c in credible):
        concession = None  # (nothing credible would be left at or above it: no floor)
    below = concession.below if concession is not None else set()
    conceded = concession.conceding if concession is not None else []
    if below:
        credible = [c for c in credible if c.id not in below]
    # Wholly below a floor that independent origins confirm: no credible figure either
    # (a range reaching below it is left as it is: it says where the count may lie).
    confirmed = confirmed_floor(ev, credible, grades)
    under_confirmed = confirmed.below if confirmed is not None else set()
    if under_confirmed:
        credible = [c for c in credible if c.id not in under_confirmed]
        below = below | under_confirmed
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
    elif ev.admitting is None and all(ev.units[c.id].side is not None for c in credible):
        # Only opposing sides agreeing: the army's 12 and the rebels' 30 agree on "at
        # least 12", and nobody else counted.
        weak = _SIDES_AGREEING
    # A party's own figure that a neutral origin contradicts (an army's "no civilians"
    # against a UN office's "at least 30") is credible — doubtful, not improbable: in the
    # range — but not the best while a figure no neutral origin contradicts remains: a
    # named one, or as much (one anonymous source, "security sources", weighs half, and
    # neither takes a party's figure out of the best nor, by contradicting the figures
    # that remain, keeps one in).
    challenged: list[Claim] = []
    if credible:
        # (by statement: the claims of one share its weights)
        # (a side's concession of its own losses is a floor that figures above it do
        # not contradict, and those below it were left out)
        floors = {statement_of[c.id].index for c in conceded}
        partisan = set()
        for i in {statement_of[c.id].index for c in credible} - floors:
            (w_for, _, _), (w_against, _, _) = weighed_statement(ev.statements[i])
            if w_for == 0 and w_against >= 1:
                partisan.add(i)
        # ...while a figure no neutral origin contradicts remains.
        kept_back = {statement_of[c.id].index for c in credible} - partisan
        if partisan and any(weighed_statement(ev.statements[i])[1][0] < 1 for i in kept_back):
            challenged = [c for c in credible if statement_of[c.id].index in partisan]
    kept = {statement_of[c.id].index for c in credible}
    left_out = (
        [c for c in evidence if statement_of[c.id].index not in kept and c.id not in below]
        if credible
        else []
    )
    used = credible or evidence
    # Each claim's own figure: "nearly 100" and "90-100" are one statement (one
    # interval), but one states a point and the other a range.
    q: dict[str, Quantity] = {}
    # (worked out once per value: the claims of a group share their values)
    by_value: dict[int, Figures] = {}
    f: dict[str, Figures] = {}
    for c in used:
        value = claimed_value(ev, c)
        assert isinstance(value, Quantity)
        q[c.id] = value
        found = by_value.get(id(value))
        if found is None:
            found = by_value[id(value)] = figures_of(value)
        f[c.id] = found
    # (a vague word's interval: only where no claim states a figure, or as the only
    # neutral voice beside parties' figures)
    vague = [c for c in used if f[c.id].kind == "vague"]
    pool, heard = (
        taking_vague_words(ev, used, vague, f, q, weighed, not overtaken_voice(ev, grades))
        if vague
        else (used, False)
    )
    vague_only = all(f[c.id].kind == "vague" for c in pool)
    if (
        weak is None
        and vague
        and not heard
        and not vague_only  # (words alone: nothing left out, "no claim states a figure")
        and not any(f[c.id].kind != "vague" and weighed(c)[0][0] > 0 for c in used)
    ):
        weak = _SIDES_ONLY  # (the only neutral voices: vague words, left out)
    # (a lower floor than one independent origins confirm says less than it: no figure)
    less = saying_less(ev, pool, f, q, weighed, confirmed)
    pool = [c for c in pool if c.id not in less]
    low_claims, low = lowest(pool, f)
    # (a ceiling at the low: "fewer than 10", no lower figure stated)
    low_ceiling = all(f[cid].kind == "ceiling" for cid in low_claims)
    low_open = all(
        q[cid].high_open if low_ceiling else f[cid].kind != "ceiling" and q[cid].low_open
        for cid in low_claims
    )
    # The latest figures all a side's: the highest neutral count they overtook is still
    # a floor, and the low (a ministry's daily 195 the day after an NGO's 150: 150).
    neutral = neutral_floor(ev, grades) if weak == _SIDES_ONLY and ev.overtaken else None
    if neutral is not None and (neutral[1], neutral[2]) < (low, low_open):
        low, low_open, low_claims = neutral[1], neutral[2], [c.id for c in neutral[0]]
        low_ceiling = False
        weak = "every figure since the latest neutral count comes from a side with a stake in it"
    else:
        neutral = None
    raised: list[str] = []  # (a range or floor reaching below a side's concession)
    if concession is not None and (low, 1 if low_open else 0) < concession.under:
        raised = low_claims
        low, low_open = concession.floor
        low_ceiling = False
        low_claims = sorted(c.id for c in concession.at_floor)
    high_claims, high, high_open, open_claims = highest(pool, q, f)
    if raised and not high_open and high < low:  # (every figure reached below the floor)
        high, high_claims = low, low_claims
    floor = max((q[cid].low for cid in open_claims), default=None) if high_open else None
    floor_open = floor is not None and all(
        q[cid].low_open for cid in open_claims if q[cid].low == floor
    )
    # (a party's figure a neutral origin contradicts is credible — in the range — but
    # not the best while a figure no neutral origin contradicts remains)
    out_of_best = {c.id for c in challenged}
    candidates = above_concession(ev, pool, f, q, concession)
    if out_of_best and any(c.id not in out_of_best for c in candidates):
        candidates = [c for c in candidates if c.id not in out_of_best]
    best_claims, best, n_best = best_supported(
        ev,
        candidates,
        f,
        weighed_statement,
        low,
        None if high_open else high,
        (low_claims, high_claims),
    )
    # (only ceilings left to give it: "fewer than 50", the tightest)
    best_ceiling = bool(best_claims) and all(
        cid in f and f[cid].kind == "ceiling" and f[cid].figure == best for cid in best_claims
    )
    best_open = all(
        q[cid].high_open
        if best_ceiling
        else cid in f and f[cid].kind == "floor" and q[cid].low_open and q[cid].low == best
        for cid in best_claims
    )
    if weak is None and n_best == 1 and best_claims:
        # (one anonymous source behind the best: "medical sources" alone)
        support = ev.tally(statement_of[best_claims[0]]).support
        if support.anonymous and not support.named and not support.sides:
            weak = _ANONYMOUS_ONLY
    names = basis_text(
        ev,
        best,
        best_open,
        n_best,
        best_claims,
        weak,
        left_out,
        challenged,
        vague_only,
        best_ceiling,
    )
    if neutral is not None:
        names = with_neutral_floor(ev, names, weak, neutral[0])
    if concession is not None and (concession.below or raised):
        under = [c for c in evidence if c.id in concession.below]
        names = with_concession(ev, names, weak, concession, under, raised)
    if confirmed is not None and under_confirmed:
        under = [c for c in evidence if c.id in under_confirmed]
        names = with_confirmed_floor(ev, names, weak, confirmed.at_floor, under)
    # (the closing word on a weak basis stays last)
    later: list[str] = []
    if ev.overtaken or outgrown:
        shown = {c.id for c in evidence} | ({c.id for c in neutral[0]} if neutral else set())
        later.append(overtaken_clause(ev, shown))
    if revised:
        later.append(revised_clause(ev, revised))
    if any(later):
        names = before_closing(names, weak, [c.removeprefix("; ") for c in later if c])
    if vague and not vague_only:  # (DESIGN §4: where a stated figure exists)
        taken = {c.id for c in pool}
        if heard:
            counted = [c for c in vague if c.id in taken]
            names += vague_words(ev, counted, _COUNTED)
        if left := [c for c in vague if c.id not in taken]:
            stated = any(f[c.id].kind not in ("vague", "ceiling") for c in pool)
            names += vague_words(ev, left, _LEFT_OUT if stated else _OVER_CEILING)
    return Estimate(
        subject=ev.subject_id,
        property=ev.property_id,
        low=low,
        best=best,
        high=None if high_open else high,
        high_open=high_open,
        low_open=low_open,
        best_open=best_open,
        low_ceiling=low_ceiling,
        best_ceiling=best_ceiling,
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
