"""A running toll's count on the lower side of a dispute: judged in it, or an earlier
count that a later figure outgrew (:func:`disputed_counts`, which
:func:`~.latest_figures.find_latest_figures` asks after :func:`~.growth.note_overtaken`).

A count below another origin's count of its day, or one passed steeply within days, was
no count of its day: it is judged in that dispute (:func:`~.conflicts.lower_in_dispute`).
But a side's count that only its rivals dispute, where the later figure that outgrew it
gives the lie to each of them, is an earlier count as a neutral one would be: the
army's 12 and the rebels' 30 on the first day of the clashes, a monitor's 18 four days
on — the 18 bears out neither the rebels' 30 nor any dispute of the army's count, only
the toll grown (CC101 still names the dispute of the day). Where the later figure
agrees with a rival's (a rights group's 15 the day the rebels said 15), the dispute
stands.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.conflicts import clash, lower_in_dispute
from claimcheck.analysis.growth import rivals
from claimcheck.analysis.intervals import bounds
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: At most this many rival figures are weighed against overtakers in a group (a side's
#: counts are judged in their disputes beyond it, as when none was weighed).
RIVALS_WEIGHED = 25_000


def disputed_counts(
    group: GroupEvidence,
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    overtaken: dict[str, Claim],
) -> tuple[set[str], set[str]]:
    """Of the ``overtaken`` figures (each with the later figure that outgrew it), those
    judged in a dispute instead: on its lower side (given the figures their own origins
    revised, ``superseded``, and of those the ``withdrawn``) — but not a side's count
    disputed only by rivals' figures that its overtaker contradicts; and those sides'
    counts, left overtaken. (Who else disputes a side's counts is asked once per side,
    its rivals' figures left out; then each count's rival figures above it, highest
    first, are weighed against its overtaker.)"""
    lower = lower_in_dispute(group, superseded, withdrawn).intersection(overtaken)
    units = group.units
    by_side: dict[str, set[str]] = defaultdict(set)
    for cid in lower:
        side = units[cid].stake
        if side is not None:
            by_side[side].add(cid)
    released: set[str] = set()
    statement_of = group.statement_by_claim
    budget = RIVALS_WEIGHED
    for side, found in sorted(by_side.items()):
        rival = [c for c in group.claims if c.id in units and rivals(side, units[c.id].stake)]
        alone = found - lower_in_dispute(
            group, superseded, withdrawn, frozenset(c.id for c in rival)
        )
        # (the rivals' figures that may dispute a count: standing, or raised since)
        rival = sorted(
            (
                c
                for c in rival
                if c.stance == "asserts"
                and c.id in statement_of
                and (c.id not in superseded or c.id not in withdrawn)
            ),
            key=lambda c: (bounds(statement_of[c.id].value)[0], c.id),
            reverse=True,
        )
        for xid in sorted(alone):
            x, y = group.store.claims[xid], overtaken[xid]
            top = group.limits(statement_of[xid].value)[1]
            for r in rival:
                if not bounds(statement_of[r.id].value)[0] > top:
                    released.add(xid)
                    break
                budget -= 1
                if budget < 0:
                    return lower - released, released
                if clash(group, x, r) and not clash(group, r, y):
                    break  # (a rival figure the later count bears out: still disputed)
            else:
                released.add(xid)
    return lower - released, released
