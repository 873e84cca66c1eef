"""Which of a group's figures an estimate takes, and which it offers as the best: vague
words only where no figure is stated, or as the only neutral voice beside parties'
figures (:func:`taking_vague_words`); a side's admission of its own losses a floor, not
the best, while a neutral figure lies above it (:func:`above_concession`); and no floor
that says less than another (:func:`saying_less`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from claimcheck.analysis.estimates.figures import Figures
from claimcheck.analysis.estimates.floors import neutral_floor
from claimcheck.analysis.grades import Grade
from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim
from claimcheck.values import Quantity


def taking_vague_words(
    ev: GroupEvidence,
    used: list[Claim],
    vague: list[Claim],
    f: dict[str, Figures],
    q: dict[str, Quantity],
    weighed: Callable[[Claim], tuple[Any, Any]],
    voiceless: bool = True,
) -> tuple[list[Claim], bool]:
    """The claims of ``used`` whose figures the estimate takes, given its ``vague``
    words: those count only where no claim states a number, a range or a floor (a
    ceiling says only how high a toll may be), or where they are the only neutral voice
    beside parties' figures (a rights group's "dozens" against the army's 4 and the
    rebels' "more than 100": not left to one side) — and never one whose size a neutral
    ceiling among them, which no neutral origin contradicts, rules out ("une vingtaine"
    beside "moins de vingt"); the others reach no higher than it ("dozens" beside
    "fewer than 30": up to 30, not 99: their figures in ``f`` are cut there). Returns
    them, and whether vague words count as the only neutral voice (a named one's: an
    unnamed source's word does not)."""

    def neutral(c: Claim) -> bool:
        return bool(weighed(c)[0][0] > 0)

    figures = [c for c in used if f[c.id].kind not in ("vague", "ceiling")]
    # (a named voice: unnamed residents' "dozens" is too little to set the estimate's
    # range against the parties' figures — an analyst's trial got 7 / 24 / 99)
    heard = (
        voiceless
        and bool(figures)
        and not any(map(neutral, figures))
        and any(neutral(c) and not ev.units[c.id].anonymous for c in vague)
    )
    pool = used if heard or not figures else [c for c in used if f[c.id].kind != "vague"]
    caps = [
        q[c.id]
        for c in pool
        if f[c.id].kind == "ceiling" and ev.units[c.id].side is None and neutral(c)
        if weighed(c)[1][0] < 1
    ]
    if caps:
        pool = [
            c
            for c in pool
            if f[c.id].kind != "vague"
            or all(
                f[c.id].figure < cap.high or (f[c.id].figure == cap.high and not cap.high_open)
                for cap in caps
            )
        ]
        top = min(cap.high for cap in caps)
        for c in pool:
            if f[c.id].kind == "vague" and f[c.id].high > top:
                f[c.id] = f[c.id]._replace(high=top)
    return pool, heard and any(f[c.id].kind == "vague" for c in pool)


def above_concession(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, Figures],
    q: dict[str, Quantity],
    concession: Any,
) -> list[Claim]:
    """The figures ``pool`` offers the best: a side's admission of its own losses is a
    floor (at least that many died), no best while a neutral origin gives a number or
    range above it — the army's admitted 20 beside a rights group's 40 and a paper's 45
    is the low, and the best is 40 (the rebels' 60 alone above it leaves it the best)."""
    if concession is None:
        return pool
    conceding = {c.id for c in concession.conceding}
    figure, units = concession.floor[0], ev.units
    # (nor is the side's anonymous source repeating it, which concedes nothing: a
    # reviewer's store made "military sources" the best beside the rights group's 40)
    side = ev.prop.losses_of if ev.prop is not None else None
    others = [c for c in pool if c.id not in conceding and units[c.id].stake != side]
    if any(
        f[c.id].kind in ("point", "range") and q[c.id].low > figure and units[c.id].side is None
        for c in others
    ):
        return others
    return pool


def overtaken_voice(ev: GroupEvidence, grades: dict[str, Grade]) -> bool:
    """Whether a neutral count the latest figures overtook stands under them: the
    medics' "more than 200" of the 7th under the ministry's 226 of the 8th is the
    neutral voice then, not a rights group's "hundreds" beside it (an analyst's trial:
    200 / 200 / 999, a best below the medics' floor)."""
    return bool(ev.overtaken) and neutral_floor(ev, grades) is not None


def saying_less(
    ev: GroupEvidence,
    pool: list[Claim],
    f: dict[str, Figures],
    q: dict[str, Quantity],
    weighed: Callable[[Claim], tuple[Any, Any]],
    confirmed: Any,
) -> set[str]:
    """The floors of ``pool`` that say less than another: one that independent origins
    confirm (``confirmed``), or a higher one of a named neutral origin that no neutral
    origin contradicts, to which the lower floor owes its support — OCHA's "at least
    10", borne out by Watchlight's "more than 50" and nobody else, says less: the low and
    the best are more than 50 (eight origins' "at least 324" under one "at least 972"
    stand)."""
    floors = [c for c in pool if f[c.id].kind == "floor"]
    # (the higher floors, by their bound, with the most neutral weight from each on up)
    above = sorted(
        (q[h.id].low, w)
        for h in floors
        if (w := weighed(h)[0][0]) >= 1
        and weighed(h)[1][0] < 1
        and ev.units[h.id].side is None
        and not ev.units[h.id].anonymous
    )
    heaviest = list(accumulate(reversed([w for _, w in above]), max))[::-1]
    bounds_above = [x for x, _ in above]
    out = set()
    for c in floors:
        low = q[c.id].low
        k = bisect_right(bounds_above, low)
        if (confirmed is not None and low < confirmed.floor[0]) or (
            k < len(above) and weighed(c)[0][0] <= 2 * heaviest[k]
        ):
            out.add(c.id)
    return out
