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
from claimcheck.analysis.growth import outgrows, rivals
from claimcheck.analysis.intervals import bounds
from claimcheck.model import Claim
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

#: The largest group whose counts in a dispute are weighed against the later figures.
SMALL_GROUP = 400
#: At most this many (count, figure) pairs are weighed for one side's counts (counts
#: times figures): beyond it they are judged in their disputes, as in a big group.
WEIGHED = 20_000


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

    def bears_out(self, z: Claim, r: Claim, x: Claim) -> bool:
        """Whether ``z``, of another origin than ``r``, bears out ``r``'s figure against
        the count ``x`` it disputes: it can hold with ``r``'s and states it (a rights
        group's 15 beside the rebels' 15, 18 beside their "more than 15"), or rules
        ``x`` out (:func:`~.conflicts.clash`). Not a figure that fits both — "fewer
        than 50", 10-40, or a later "at least 65" the ministry's 60 may have grown
        into, beside the rebels' 200 — nor a later 60 the rebels' 30 may have grown
        into; nor a later figure over a floor ``r`` that ``x`` may have grown into — the
        ministry's 226 two days after a wire's "at least 140" disputed the UN's 130 of
        that day bears out no floor against the UN's count, it is the toll grown."""
        if self.states(z, r):
            value = self.group.statement_by_claim[r.id].value
            return not (
                isinstance(value, Quantity) and value.high == INF and self.group.growth(x, z)
            )
        return self._fits(z, r) and clash(self.group, x, z)

    def states(self, z: Claim, r: Claim) -> bool:
        """Whether ``z``, of another origin, states ``r``'s figure (or within it)."""
        statement_of = self.group.statement_by_claim
        return self._fits(z, r) and self.group.statement_supports(
            statement_of[z.id], statement_of[r.id]
        )

    def _fits(self, z: Claim, r: Claim) -> bool:
        group = self.group
        statement_of = group.statement_by_claim
        return group.credited[z.id] != group.credited[r.id] and not group.excludes(
            statement_of[z.id].value, statement_of[r.id].value
        )

    def outgrown_by_name(self, x: Claim, rival: frozenset[str]) -> bool:
        """Whether a standing figure of a named origin, neither ``x``'s nor of its
        ``rival`` side, given after it, outgrew ``x`` (an unnamed source's count does not
        settle the day's dispute)."""
        group = self.group
        units, origin, statement_of = group.units, group.credited, group.statement_by_claim
        said = group.when(x)
        top = group.limits(statement_of[x.id].value)[1]
        if said is None or not said.known:
            return False
        for z in self.standing:
            if not bounds(statement_of[z.id].value)[0] > top:
                return False
            later = group.when(z)
            if (
                z.id not in rival
                and not units[z.id].anonymous
                and origin[z.id] != origin[x.id]
                and later is not None
                and later.known
                and later.low > said.high
                and outgrows(group, x, z)
            ):
                return True
        return False


def disputed_counts(
    group: GroupEvidence,
    superseded: dict[str, Claim],
    withdrawn: frozenset[str],
    overtaken: dict[str, Claim],
) -> tuple[set[str], set[str], Disputes | None]:
    """Of the ``overtaken`` figures (each with the later figure that outgrew it), those
    judged in a dispute instead: on its lower side (given the figures their own origins
    revised, ``superseded``, and of those the ``withdrawn``) — but not a side's count
    that only its rivals dispute, with figures no one else's standing figure bears out,
    which a named origin's later figure outgrew; then those sides' counts, left
    overtaken; and the group's :class:`Disputes` (None
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
        alone = sorted(found - lower_in_dispute(group, superseded, withdrawn, rival))
        if len(alone) * len(disputes.figures) > WEIGHED:
            continue  # (too many to weigh: judged in their disputes, as in a big group)
        stated: dict[str, bool] = {}  # (a rival figure some other figure states)
        for xid in alone:
            x = group.store.claims[xid]
            against = disputes.of(x)
            if not all(r.id in rival for r in against) or not disputes.outgrown_by_name(x, rival):
                continue
            ruling_out = [z for z in others if clash(group, x, z)]
            if not any(
                (
                    stated[r.id]
                    if r.id in stated
                    else stated.setdefault(r.id, any(disputes.states(z, r) for z in others))
                )
                or any(disputes.bears_out(z, r, x) for z in ruling_out)
                for r in against
            ):
                released.add(xid)
    return lower - released, released, disputes
