"""Which claims of a group cannot both hold: conflicts of values, and clusters that agree.

Two asserted values conflict when no single truth satisfies both (CC101–CC103); an
assertion conflicts with another origin's denial of what it implies (CC104, found in
:mod:`.stance_conflicts`). Growth of a running toll is no conflict, nor is a figure its
own origin has withdrawn (one it raised is still its count of its day). Who is in a
dispute is found from the extreme claims of other origins through sorted bounds
(:mod:`.partners`), never by pairs of the group (except to list the pairs when the
claims involved are few).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.partners import interval_partners, partners
from claimcheck.analysis.statements import Conflicts, Statement
from claimcheck.model import Claim
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: Most pairs a conflict finding lists (the count of all is in its details).
MAX_PAIRS = 1000


def statements_agree(group: GroupEvidence) -> bool:
    """Whether no two statements of the group can conflict (:attr:`GroupEvidence.agreeing`),
    from the highest lower bound and the lowest upper bound."""
    sts = group.statements
    if len(sts) < 2:
        return True
    if any(st.stance == "denies" for st in sts):
        return False
    if not group.single:
        return True
    if group.interval:
        top = max(sts, key=lambda st: bounds(st.value)[0])
        bottom = min(sts, key=lambda st: bounds(st.value)[1])
        return not group.excludes(top.value, bottom.value)
    return False


def find_conflicts(group: GroupEvidence) -> Conflicts:
    """The group's conflicts of asserted values (:meth:`GroupEvidence.conflicts`): each
    claim with a partner of another origin it conflicts with, then the pairs — and a
    lower figure disputed only by a figure its origin raised since (:func:`_raised`)."""
    if group.agreeing:
        return Conflicts([], [], 0)
    latest = group.latest
    standing, paired = partners(group, frozenset(latest.superseded))
    asserted, partner = list(standing), dict(paired)  # (shared: added to below)
    claims = group.store.claims
    for cid, x in _raised(group, partner, latest.superseded, latest.withdrawn).items():
        partner.setdefault(cid, x)  # (a figure below it may be its partner already)
        if x.id not in partner:
            partner[x.id] = claims[cid]
            asserted.append(x)
    if not partner:
        return Conflicts([], [], 0)
    origin = group.credited
    involved = [c for c in asserted if c.id in partner]
    for x, c in _raised_against_lowest(group, involved, latest.superseded, latest.withdrawn):
        if x.id not in partner:
            partner[x.id] = c
            involved.append(x)
    pairs, total = _pairs(group, involved, partner, origin)
    return Conflicts(sorted(involved, key=lambda c: c.id), pairs, total)


def lower_in_dispute(
    group: GroupEvidence,
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    ignoring: frozenset[str] = frozenset(),
) -> set[str]:
    """The asserted claims a higher figure of another origin disputes, growth aside —
    below an earlier count, passed steeply within days by another stake, or by the
    other side after the last day, or below a count of its day raised since
    (:func:`_raised`): the lower side of a dispute (given the figures their own origins
    revised, ``superseded``, and of those the ``withdrawn``, out of any dispute). A
    neutral count only when another neutral count disputes it from above: the rebels'
    70 the day a hospital counts 34 does not make the hospital's count no count of its
    day. (``ignoring``: claims left out, as disputers too: the figures of a side's
    rivals, to ask who else disputes its figures.)"""
    asserted, partner = partners(group, frozenset(superseded) | ignoring, keep=not ignoring)
    units = group.units
    raised = {
        cid
        for cid, x in _raised(group, partner, superseded, withdrawn, ignoring).items()
        if units[cid].stake is not None or units[x.id].stake is None
    }
    if not partner:
        return raised
    statement_of = group.statement_by_claim

    def above(cid: str, y: Claim) -> bool:
        return bounds(statement_of[y.id].value)[0] > group.limits(statement_of[cid].value)[1]

    found = {cid for cid, y in partner.items() if above(cid, y)}
    neutral = [c for c in asserted if units[c.id].stake is None]
    if any(units[cid].stake is None for cid in found):
        # (each neutral count against the neutral ones alone)
        among = interval_partners(group, neutral) if group.interval else {}
        found = {
            cid
            for cid in found
            if units[cid].stake is not None or (cid in among and above(cid, among[cid]))
        }
    return found | raised


def _raised(
    group: GroupEvidence,
    partner: dict[str, Claim],
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    ignoring: frozenset[str] = frozenset(),
) -> dict[str, Claim]:
    """The figures no standing figure disputes from above (no ``partner``, or one below)
    that a figure its origin has raised since disputes from above — it is still its
    count of its day: a hospital's 10 the day an NGO counted 18, before the NGO's 19 the
    next day overtook both — each with such a figure (a neutral one first, then the
    highest). Not by a gap no wider than the raised figure's origin rose a day to its
    next figure (a
    paper's 95 and an NGO's 100 of one day, then the NGO's 112 the next: the toll
    moving within the day); not a higher one (an origin that raised its own figure
    towards another's revised it, CC105: a paper's 9, then the ministry's 22 and the
    paper's own); nor by a figure ``withdrawn`` (lowered since, or replaced by one no
    higher); nor by one ``ignoring`` (nor one of them disputed)."""
    if not _any_raised(group, superseded, withdrawn):
        return {}
    if ignoring:  # (asked once a side, of a small group: not kept)
        return _find_raised(group, partner, superseded, withdrawn, ignoring)
    # (asked twice a group, alike: by the latest figures' overtaken, then the conflicts)
    found: dict[str, Claim] | None = group.memo.get("raised")  # type: ignore[assignment]
    if found is None:
        found = group.memo["raised"] = _find_raised(group, partner, superseded, withdrawn, ignoring)
    return found


def _find_raised(
    group: GroupEvidence,
    partner: dict[str, Claim],
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    ignoring: frozenset[str],
) -> dict[str, Claim]:
    statement_of = group.statement_by_claim

    def undisputed_above(c: Claim) -> bool:
        # (no partner, or one below it: a party's outlying 2 under the hospital's 6 does
        # not settle whether an NGO's count of that day disputes the 6 from above — an
        # ACLED-style trial: with the 2, the 6s' dispute with the NGO left the finding,
        # while the grades still counted it)
        y = partner.get(c.id)
        return (
            y is None
            or bounds(statement_of[y.id].value)[0] <= group.limits(statement_of[c.id].value)[1]
        )

    alone = [
        c
        for st in group.statements
        if st.stance == "asserts"
        for c in st.claims
        if c.id not in superseded and c.id not in ignoring and undisputed_above(c)
    ]
    if not alone:
        return {}
    # (only raised figures over some lone figure's upper limit may dispute it from
    # above: in a growing daily toll, none — each origin's earlier figures lie below)
    lowest_top = min(group.limits(statement_of[c.id].value)[1] for c in alone)
    raised = _highest_first(
        group,
        superseded,
        withdrawn,
        lambda x: x.id not in ignoring and bounds(statement_of[x.id].value)[0] > lowest_top,
    )
    if not raised:
        return {}
    rise = _daily_rise(group, raised)
    units = group.units
    # (a neutral count's first: only one makes a neutral figure no count of its day)
    tiers = [
        [x for x in raised if units[x.id].stake is None],
        [x for x in raised if units[x.id].stake is not None],
    ]
    out: dict[str, Claim] = {}
    for c in alone:
        found = _disputing(group, c, tiers, rise)
        if found is not None:
            out[c.id] = found
    return out


#: Raised figures tried for one lone figure, at most (highest first).
MAX_RAISED_TRIED = 256
#: The lowest figures in a dispute that raised figures are tried against.
LOWEST_TRIED = 3


def _raised_against_lowest(
    group: GroupEvidence,
    involved: list[Claim],
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
) -> list[tuple[Claim, Claim]]:
    """Figures their origins raised since that dispute one of the lowest figures already
    in the dispute (:func:`_disputing`): still their counts of their day, they are in it
    too — the ministry's 158, raised to 520 weeks later, against the army's "fewer than
    50" of that day, which anonymous medics' "at least 175" disputes as well: the finding
    names the ministry, not the medics alone. Only of an origin no figure of which is in
    the dispute already (the rebels' 40 raised to 45 the next day, against the army's 2:
    the 45 speaks for them). Each with the figure it disputes."""
    if not _any_raised(group, superseded, withdrawn):
        return []
    statement_of = group.statement_by_claim
    origin = group.credited
    present = {origin[c.id] for c in involved}
    raised = _highest_first(group, superseded, withdrawn, lambda x: origin[x.id] not in present)
    if not raised:
        return []
    lowest = sorted(
        (c for c in involved if c.stance == "asserts"),
        key=lambda c: (group.limits(statement_of[c.id].value)[1], c.id),
    )[:LOWEST_TRIED]
    rise = _daily_rise(group, raised[:MAX_RAISED_TRIED])
    found = []
    for x in raised[:MAX_RAISED_TRIED]:
        if origin[x.id] in present:  # (one figure of an origin speaks for it: its highest)
            continue
        for c in lowest:
            if _disputing(group, c, [[x]], rise) is not None:
                found.append((x, c))
                present.add(origin[x.id])
                break
    return found


def _any_raised(
    group: GroupEvidence, superseded: dict[str, Claim], withdrawn: frozenset[str]
) -> bool:
    """Whether a figure its origin raised since may dispute another: some superseded
    figure not withdrawn, in a single-valued group of intervals."""
    return len(withdrawn) < len(superseded) and group.interval and group.single


def _highest_first(
    group: GroupEvidence,
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    keep: Callable[[Claim], bool],
) -> list[Claim]:
    """The asserted figures their origins raised since (not ``withdrawn``) that ``keep``
    keeps, highest first."""
    statement_of, claims = group.statement_by_claim, group.store.claims
    return sorted(
        (
            claims[x]
            for x in superseded
            if x not in withdrawn and claims[x].stance == "asserts" and keep(claims[x])
        ),
        key=lambda x: (bounds(statement_of[x.id].value)[0], x.id),
        reverse=True,
    )


def _disputing(
    group: GroupEvidence, c: Claim, tiers: list[list[Claim]], rise: dict[str, float]
) -> Claim | None:
    """The first raised figure (of ``tiers``, each highest first) over ``c``'s upper
    limit by more than its origin's daily ``rise`` that cannot hold with ``c``."""
    statement_of = group.statement_by_claim
    top = group.limits(statement_of[c.id].value)[1]
    for tier in tiers:
        for x in tier[:MAX_RAISED_TRIED]:
            low = bounds(statement_of[x.id].value)[0]
            if not low > top:
                break  # (the rest of the tier lies lower still)
            if low[0] - top[0] > rise[x.id] and clash(group, c, x):
                return x
    return None


#: Days to an origin's next figure, at most, over which its rise a day is measured (see
#: :func:`_daily_rise`): further on, the rise says nothing of the day.
RISE_DAYS = 2


def _daily_rise(group: GroupEvidence, raised: list[Claim]) -> dict[str, float]:
    """How much each raised figure's origin rose a day, from it to its next figure (0
    when it gave none later)."""
    statement_of, credited = group.statement_by_claim, group.credited
    mine = {credited[x.id] for x in raised}
    dated: dict[int, list[tuple[dt.date, float]]] = {}
    for c in group.claims:
        o = credited.get(c.id)
        st = statement_of.get(c.id)
        if o not in mine or st is None or c.stance != "asserts":
            continue
        when = group.when(c)
        if when is not None and when.known:
            dated.setdefault(o, []).append((when.low, bounds(st.value)[0][0]))
    for found in dated.values():
        found.sort()
    rise: dict[str, float] = {}
    for x in raised:
        then = group.when(x)
        found = dated.get(credited[x.id], [])
        k = bisect_right(found, (then.high, INF)) if then is not None else len(found)
        if then is None or k >= len(found):
            rise[x.id] = 0.0
            continue
        day, figure = found[k]
        low = bounds(statement_of[x.id].value)[0][0]
        days = (day - then.high).days
        # (a next figure days away says nothing of how the toll moved within the day:
        # an NGO's 100, then its 3,000 a month on, is no rise of 97 a day — a reviewer)
        rise[x.id] = (figure - low) / max(1, days) if days <= RISE_DAYS else 0.0
    return rise


def clash(group: GroupEvidence, a: Claim, b: Claim) -> bool:
    """Two asserted claims of different origins that cannot both hold (growth aside)."""
    origin = group.credited
    if origin[a.id] == origin[b.id]:
        return False
    sa, sb = group.statement_by_claim[a.id], group.statement_by_claim[b.id]
    if sa is sb or not group.excludes(sa.value, sb.value):
        return False
    if group.cumulative and group.thresholds.cumulative_growth:
        la, lb = bounds(sa.value)[0], bounds(sb.value)[0]
        low, high = (a, b) if la < lb else (b, a)
        if group.growth(low, high):
            return False
    return True


def _pairs(
    group: GroupEvidence, involved: list[Claim], partner: dict[str, Claim], origin: dict[str, int]
) -> tuple[list[tuple[str, str]], int | None]:
    """Who contradicts whom: every pair when the involved are few (and how many),
    else each claim with the most distant claim it conflicts with (count unknown)."""
    pairs: set[tuple[str, str]] = set()
    if len(involved) <= 300:
        for i, a in enumerate(involved):
            for b in involved[i + 1 :]:
                if clash(group, a, b):
                    pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
        ordered = sorted(pairs)
        return ordered[:MAX_PAIRS], len(ordered)
    for c in involved:
        p = partner[c.id]
        pairs.add((c.id, p.id) if c.id < p.id else (p.id, c.id))
    return sorted(pairs)[:MAX_PAIRS], None


def find_clusters(group: GroupEvidence) -> list[list[Claim]]:
    """The group's claims in clusters that agree: within a cluster every value can
    hold with every other (a sweep over values sorted by their lower bound; for a
    category, one value each); each denial stands alone, after the assertions."""
    asserted = [st for st in group.statements if st.stance == "asserts"]
    out: list[list[Claim]] = []
    if group.interval and group.single:
        tightest: Statement | None = None
        for st in sorted(asserted, key=lambda st: bounds(st.value)):
            if tightest is None or group.excludes(st.value, tightest.value):
                out.append([])
                tightest = st
            elif bounds(st.value)[1] < bounds(tightest.value)[1]:
                tightest = st
            out[-1].extend(st.claims)
    elif group.single:
        out = [list(st.claims) for st in asserted]
    elif asserted:  # several values may hold at once: they all agree
        out = [[c for st in asserted for c in st.claims]]
    out += [list(st.claims) for st in group.statements if st.stance == "denies"]
    return out
