"""A running toll's count on the lower side of a dispute: judged in it, or an earlier
count that a later figure outgrew (:func:`disputed_counts`, which
:func:`~.latest_figures.find_latest_figures` asks after :func:`~.growth.note_overtaken`).

A count below another origin's count of its day, or one passed steeply within days, was
no count of its day: it is judged in that dispute (:func:`~.conflicts.lower_in_dispute`).
But a side's count that only its rivals dispute, whose figures no later count of
anyone else bears out, is an earlier count as a neutral one would be: the army's 12
and the rebels' 30 on the first day of the clashes, a monitor's 18 four days on — the
18 is the army's count grown, and gives the lie to the rebels' (CC101 still names the
dispute of the day). Where a later count bears a rival's figure out (a rights group's
15 beside the rebels' 15), the dispute stands.

Who disputes a count, and who bears a figure out, is asked figure by figure
(:class:`Disputes`): in a group of at most :data:`SMALL_GROUP` claims. A bigger group
judges its counts in their disputes whatever the later figures (its cost grows with
the group, not its square: DESIGN §4).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from claimcheck.analysis.conflicts import clash, lower_in_dispute
from claimcheck.analysis.growth import rivals
from claimcheck.analysis.intervals import bounds
from claimcheck.model import Claim
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: The largest group whose counts in a dispute are weighed against the later figures.
SMALL_GROUP = 400


class Disputes:
    """Who disputes a count from above, and whether a figure bears a disputer out, in
    one group: its figures that may dispute a count are the asserted ones their origins
    have not withdrawn (standing, raised since, or overtaken — a count overtaken later
    still disputed the day's)."""

    def __init__(
        self, group: GroupEvidence, superseded: Mapping[str, object], withdrawn: frozenset[str]
    ) -> None:
        self.group = group
        statement_of = group.statement_by_claim
        #: The figures that may dispute a count, highest first.
        self.figures = sorted(
            (
                c
                for c in group.claims
                if c.stance == "asserts"
                and c.id in statement_of
                and not (c.id in superseded and c.id in withdrawn)
            ),
            key=lambda c: (bounds(statement_of[c.id].value)[0], c.id),
            reverse=True,
        )
        #: Those still standing (not revised by their origins): who may bear one out.
        self.standing = [c for c in self.figures if c.id not in superseded]
        self._of: dict[str, list[Claim]] = {}

    def of(self, x: Claim) -> list[Claim]:
        """The figures above ``x`` that cannot hold with it (of other origins)."""
        found = self._of.get(x.id)
        if found is None:
            group = self.group
            statement_of = group.statement_by_claim
            top = group.limits(statement_of[x.id].value)[1]
            found = self._of[x.id] = []
            for r in self.figures:
                if not bounds(statement_of[r.id].value)[0] > top:
                    break
                if clash(group, x, r):
                    found.append(r)
        return found

    def bears_out(self, z: Claim, r: Claim) -> bool:
        """Whether ``z``, of another origin, gives a figure that can hold with ``r``'s,
        whatever their dates, and bounded (an open floor asserts only a minimum): a
        rights group's 15, or 10-20, beside the rebels' 15 — not a later 60 the 15 may
        have grown into, nor "at least 65" beside the rebels' 200."""
        group = self.group
        statement_of = group.statement_by_claim
        value = statement_of[z.id].value
        return (
            group.credited[z.id] != group.credited[r.id]
            and bounds(value)[1][0] < INF
            and not group.excludes(value, statement_of[r.id].value)
        )


def disputed_counts(
    group: GroupEvidence,
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    overtaken: dict[str, Claim],
) -> tuple[set[str], set[str], Disputes | None]:
    """Of the ``overtaken`` figures (each with the later figure that outgrew it), those
    judged in a dispute instead: on its lower side (given the figures their own origins
    revised, ``superseded``, and of those the ``withdrawn``) — but not a side's count
    that only its rivals dispute, with figures no one else's standing figure bears out;
    then those sides' counts, left overtaken; and the group's :class:`Disputes` (None
    beyond :data:`SMALL_GROUP` claims, or with no count in a dispute)."""
    lower = lower_in_dispute(group, superseded, withdrawn).intersection(overtaken)
    if not lower or len(group.claims) > SMALL_GROUP:
        return lower, set(), None
    disputes = Disputes(group, superseded, withdrawn)
    units = group.units
    by_side: dict[str, set[str]] = defaultdict(set)
    for cid in lower:
        side = units[cid].stake
        if side is not None:
            by_side[side].add(cid)
    released: set[str] = set()
    for side, found in sorted(by_side.items()):
        rival = frozenset(
            c.id for c in group.claims if c.id in units and rivals(side, units[c.id].stake)
        )
        others = [z for z in disputes.standing if z.id not in rival]
        for xid in sorted(found - lower_in_dispute(group, superseded, withdrawn, rival)):
            if units[overtaken[xid].id].anonymous:
                continue  # (an unnamed source's count does not settle the day's dispute)
            against = disputes.of(group.store.claims[xid])
            if all(
                r.id in rival and not any(disputes.bears_out(z, r) for z in others) for r in against
            ):
                released.add(xid)
    return lower - released, released, disputes
