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
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: At most this many rival figures are weighed against overtakers in a group (a side's
#: counts are judged in their disputes beyond it, as before any was weighed).
RIVALS_WEIGHED = 100_000


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
    counts, left overtaken."""
    lower = lower_in_dispute(group, superseded, withdrawn).intersection(overtaken)
    units = group.units
    #: (a side, an overtaker) -> its counts on the lower side of a dispute
    asked: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x in lower:
        side = units[x].stake
        if side is not None:
            asked[(side, overtaken[x].id)].add(x)
    released: set[str] = set()
    if not asked:
        return lower, released
    statement_of = group.statement_by_claim
    rival_figures: dict[str, list[Claim]] = {}
    budget = RIVALS_WEIGHED
    for (side, overtaker), found in sorted(asked.items()):
        rival = rival_figures.get(side)
        if rival is None:
            rival = rival_figures[side] = [
                c
                for c in group.claims
                if c.stance == "asserts"
                and c.id in statement_of
                and rivals(side, units[c.id].stake)
            ]
        budget -= len(rival)
        if budget < 0:
            break
        y = group.store.claims[overtaker]
        unheard = frozenset(c.id for c in rival if clash(group, c, y))
        if unheard:
            released |= found - lower_in_dispute(group, superseded, withdrawn, unheard)
    return lower - released, released
