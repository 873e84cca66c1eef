"""The units of corroboration: who counts once when a group's claims corroborate a value.

A unit is a neutral origin, or every origin speaking for one side involved in the
subject together (allies repeating each other corroborate nothing); a side conceding its
own losses is a unit neutral for corroboration (:func:`compute_units`). Also the sides a
subject involves, and why claims of several outlets or claimants are fewer origins, in
words (CC203: :func:`link_reasons`). The origins themselves are :mod:`.origins`'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Unit
from claimcheck.model import Claim, Party, Subject
from claimcheck.store import Store
from claimcheck.values import Quantity, figure_kind

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def compute_units(ev: GroupEvidence) -> tuple[dict[str, Unit], Unit | None]:
    """Each claim's unit for corroboration: its origin, or, for an origin speaking for a
    side involved in the subject, that side (every origin of a side is one unit); and
    the unit of a side conceding its own losses, if any (:func:`_admitting`): neutral
    for corroboration, that side's stake."""
    origin = ev.origins_by_claim
    members: dict[int, list[Claim]] = {}
    for c in ev.claims:
        root = origin[c.id]
        found = members.get(root)
        if found is None:
            members[root] = [c]
        else:
            found.append(c)
    parties = ev.store.parties
    side_of = ev.store.side_of
    sides = ev.sides
    by_side: dict[str, Unit] = {}
    of_origin: dict[int, Unit] = {}
    side_of_origin: dict[int, str | None] = {}
    for root, claims in members.items():
        side_of_origin[root] = None
        if sides:  # the first claimant speaking for an involved side
            for c in claims:
                s = side_of(c.claimant)
                if s and s in sides:
                    side_of_origin[root] = s
                    break
    admitting = _admitting(ev, members, side_of_origin)
    conceding: Unit | None = None
    made = 0  # units so far: the next one's index
    for root, claims in members.items():
        side = side_of_origin[root]
        if side:  # every origin of a side is one unit
            unit = by_side.get(side)
            if unit is None:
                if side == admitting:  # (neutral for corroboration: against its interest)
                    name = f"side {side}, its own losses"
                    anonymous = all(
                        _anonymous(parties, c)
                        for root_, claims_ in members.items()
                        if side_of_origin[root_] == side
                        for c in claims_
                    )
                    unit = conceding = Unit(made, None, anonymous, name, admits=side)
                else:
                    unit = Unit(made, side, False, f"side {side}")
                by_side[side] = unit
                made += 1
        else:
            anonymous = all(_anonymous(parties, c) for c in claims)
            if len(claims) == 1:
                name = claims[0].speaker
            else:
                name = ", ".join(sorted({c.speaker for c in claims}))
            unit = Unit(made, None, anonymous, name)
            made += 1
        of_origin[root] = unit
    credit = ev.credited
    return {c.id: of_origin[credit[c.id]] for c in ev.claims}, conceding


def _admitting(
    ev: GroupEvidence, members: dict[int, list[Claim]], side_of: dict[int, str | None]
) -> str | None:
    """The side speaking against its interest in this group, if any (DESIGN §4): the
    property counts its own losses (``losses_of``), and each of its origins' latest
    figures lies above every latest figure of the other side — an army conceding more of
    its dead than the rebels claim. None without a figure of the other side to be above.
    (Each origin's latest: the figures given on its last day, or all where undated.)"""
    side = ev.prop.losses_of if ev.prop is not None else None
    if side is None or side not in ev.sides:
        return None
    own_low: Bound | None = None
    other_high: Bound | None = None
    statement_of = ev.statement_by_claim
    for root, claims in members.items():
        stake = side_of[root]
        if stake is None:
            continue
        figures = [
            c
            for c in claims
            if c.stance == "asserts"
            and c.cited
            and c.id in statement_of
            and isinstance(statement_of[c.id].value, Quantity)
        ]
        # (when each was said: an outlet quoting the party's old figure later is its old
        # word, see GroupEvidence.said_on)
        said = {c.id: ev.said_on(c) for c in figures}
        dated = [c for c in figures if (d := said[c.id]) is not None and d.known]
        if ev.cumulative and dated:
            last = max(said[c.id].low for c in dated)  # type: ignore[union-attr]
            figures = [c for c in dated if said[c.id].high >= last]  # type: ignore[union-attr]
        for c in figures:
            lo, hi = bounds(statement_of[c.id].value)
            if stake == side:
                own_low = lo if own_low is None else min(own_low, lo)
            else:
                other_high = hi if other_high is None else max(other_high, hi)
    if own_low is None or other_high is None or not own_low > other_high:
        return None
    return side


def figure_source(ev: GroupEvidence, c: Claim) -> Claim:
    """The claim whose figure ``c`` gives: the one it relays — not another paper's it is
    credited to only by a choice among equals (two papers citing one dispatch)."""
    return c if relays_by_choice(ev, c) else ev.relayed_from.get(c.id, c)


def concedes_losses(ev: GroupEvidence, c: Claim, side: str) -> bool:
    """Whether ``c`` is ``side``'s figure of its own losses that concedes some — named,
    asserted, a number, range or floor above nothing: a vague word ("des dizaines"), a
    ceiling ("at most 5") or an anonymous source ("military sources") concedes nothing.
    (The estimate's floor and the grades read a side's own losses by it.)"""
    if ev.units[c.id].stake != side or c.stance != "asserts":
        return False
    value = ev.statement_by_claim[c.id].value
    if not isinstance(value, Quantity) or figure_kind(value) in ("vague", "ceiling"):
        return False
    return not anonymous_source(ev, c) and value.low > 0


def anonymous_source(ev: GroupEvidence, c: Claim) -> bool:
    """Whether the figure ``c`` gives is an anonymous source's ("military sources")."""
    party = ev.store.parties.get(figure_source(ev, c).claimant or "")
    return party is not None and party.is_anonymous


def _anonymous(parties: Mapping[str, Party], claim: Claim) -> bool:
    party = parties.get(claim.claimant or "")
    return party is not None and party.is_anonymous


def subject_sides(store: Store, subject: Subject | None) -> set[str]:
    """The sides involved in a subject, inherited from what it is part of."""
    if subject is None:
        return set()
    for subject_id in store.part_of_chain(subject.id):
        sides = store.subjects[subject_id].sides
        if sides:
            return set(sides)
    return set()


def interested_side(ev: GroupEvidence, claim: Claim) -> str | None:
    """:meth:`GroupEvidence.interested_side`: the involved side ``claim``'s claimant speaks
    for, or None."""
    sides = ev.sides
    if not sides:
        return None
    side = ev.store.side_of(claim.claimant)
    return side if side in sides else None


def link_reasons(ev: GroupEvidence, claims: Sequence[Claim]) -> set[str]:
    """:meth:`GroupEvidence.link_reasons`: the reasons of the relays among ``claims``, and
    why each origin spanning several of their outlets or claimants is one."""
    credit = ev.credited
    found: set[str] = set()
    by_origin: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        # (a claim quoting a claimant is one with the others quoting it: they share the
        # claimant, whatever else links their documents)
        # (nor is a party's word relayed as another's: the Hills Brigade "confirming"
        # the Front's 40 on the Front's channel is the Front's figure carried, not a
        # part of the Front speaking — an analyst's trial read "hills-brigade part of it")
        if c.id in ev.relayed_from and (
            c.claimant in (None, c.outlet)
            or ev.provenance.origin_key(c) != ev.provenance.origin_key(ev.relayed_from[c.id])
        ):
            found.update(ev.relay_reasons.get(c.id, ()))
        else:
            by_origin[credit[c.id]].append(c)
    for group in by_origin.values():
        why = _why_one(ev, ev.provenance.origin_key(group[0]), group)
        if why:
            found.add(why)
    return found


def _why_one(ev: GroupEvidence, key: str, claims: list[Claim]) -> str | None:
    """Why claims of different outlets or claimants are one origin, in words."""
    outlets = {c.outlet for c in claims}
    claimants = sorted({c.claimant or "" for c in claims})
    kind, _, rid = key.partition(":")
    if kind == "outlet" and len(outlets) > 1:
        # An outlet's own words quoted by others (an NGO's report in a newspaper), and
        # nothing else of the owner's: they share the claimant, not an owner.
        known = ev.store.outlets
        quoted = {c.claimant for c in claims if c.claimant in known and c.claimant != c.outlet}
        own = {c.outlet for c in claims if c.claimant in (None, c.outlet)}
        if quoted and own <= quoted:
            return f"claimant {min(quoted)}"
        return f"owner {rid}"
    if kind == "party" and len(claimants) > 1:
        outlets_ = ev.store.outlets
        media = [c for c in claimants if c in outlets_]
        parts = [c for c in claimants if c != rid and c not in outlets_]
        said = []
        if parts:
            said.append(f"{', '.join(parts)} part of it")
        if media:
            said.append(f"{', '.join(media)} speaking for it")
        return f"claimant {rid} ({'; '.join(said)})" if said else f"claimant {rid}"
    if kind == "party" and len(outlets) > 1:
        # One claimant in several outlets: name it, not the body it is part of.
        return f"claimant {claimants[0] or rid}"
    return None
