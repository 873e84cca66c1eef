"""Which claims support a statement (:meth:`GroupEvidence.support`): of each unit its
tally counts for it (:mod:`.tallies`), the evidence whose own statement implies it, in
store order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from claimcheck.analysis.intervals import Covering, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.analysis.tallies import unit_spans
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def supporting_claims(group: GroupEvidence, st: Statement) -> list[Claim]:
    """:meth:`GroupEvidence.support`: the claims of each unit supporting ``st`` whose own
    statement supports it, in store order."""
    tally = group.tally(st)
    if not tally.support:
        return []
    implied_by = group.memo.get("implied_by")
    if implied_by is not None:  # (tallied by uncontested_tallies)
        # A unit supports it through the evidence whose statement implies it.
        said = implied_by[st.index]  # type: ignore[index]
        statement_of = group.statement_by_claim
        return [c for c in group.counted if statement_of[c.id].index in said]
    found: list[Claim] = []
    if group.interval and st.stance == "asserts":
        low, high = group.window(st.value)
        spans_of = _spans(group)
        for unit in tally.support:
            spans = spans_of[unit.index]
            if spans is not None:
                found += spans.within(low, high)
    else:
        entries = _entries(group)
        for unit in tally.support:
            found += entries[unit.index].supporting(group, st)
    order = _order(group)
    return sorted(found, key=lambda c: order[c.id])


def _entries(group: GroupEvidence) -> dict[int, _Entry]:
    """Each unit's evidence by unit index, its claims indexed by what they state."""
    found = group.memo.get("entries")
    if found is None:
        found = group.memo["entries"] = {
            unit.index: _Entry(group, spans, claims) for unit, spans, _, claims in unit_spans(group)
        }
    return found  # type: ignore[return-value]


def _spans(group: GroupEvidence) -> dict[int, Any]:
    """Each unit's asserted intervals by unit index (what an interval's support needs)."""
    found = group.memo.get("spans")
    if found is None:
        found = group.memo["spans"] = {unit.index: spans for unit, spans, _, _ in unit_spans(group)}
    return found  # type: ignore[return-value]


def _order(group: GroupEvidence) -> dict[str, int]:
    order = group.memo.get("order")
    if order is None:
        order = group.memo["order"] = {c.id: i for i, c in enumerate(group.claims)}
    return order  # type: ignore[return-value]


class _Entry:
    """One unit's evidence claims by what they state, for :meth:`GroupEvidence.support`."""

    __slots__ = ("by_key", "cover", "parts", "spans")

    def __init__(self, ev: GroupEvidence, spans: Any, claims: list[Claim]) -> None:
        self.spans = spans
        statement_of = ev.statement_by_claim
        self.by_key: dict[tuple[str, object], list[Claim]] = defaultdict(list)
        denied: dict[int, tuple[Statement, list[Claim]]] = {}
        for c in claims:
            st = statement_of[c.id]
            self.by_key[(st.stance, st.value.key)].append(c)
            if st.stance == "denies":
                denied.setdefault(st.index, (st, []))[1].append(c)
        self.cover = (
            Covering([(*ev.window(st.value), found) for st, found in denied.values()])
            if ev.interval and denied
            else None
        )
        #: For an entity: each value its asserted keys answer, with those keys in order
        #: (a brigade's claims say what its army's do); built when first asked.
        self.parts: dict[object, list[object]] | None = None

    def _parts(self, ev: GroupEvidence) -> dict[object, list[object]]:
        if self.parts is None:
            self.parts = ev.by_answer(k for stance, k in self.by_key if stance == "asserts")
        return self.parts

    def supporting(self, ev: GroupEvidence, st: Statement) -> list[Claim]:
        """The claims whose statement supports ``st`` (:meth:`statement_supports`)."""
        key = st.value.key
        if st.stance == "asserts" and ev.type != "entity":
            # (an interval's support is found through its spans)
            return list(self.by_key.get(("asserts", key), ()))
        if ev.interval:
            if self.cover is None:
                return []
            return [c for found in self.cover.covering(*bounds(st.value)) for c in found]
        within = ev.within
        if st.stance == "asserts":  # (an entity: its parts say it too)
            by_key = self.by_key
            return [c for k in self._parts(ev).get(key, ()) for c in by_key[("asserts", k)]]
        # (denying a whole denies its parts: the denials of what it is part of, in order)
        wholes = set(ev.answers(key))
        out = [
            c
            for (stance, k), found in self.by_key.items()
            if stance == "denies" and k in wholes
            for c in found
        ]
        if ev.single:
            out += [
                c
                for (stance, k), found in self.by_key.items()
                if stance == "asserts" and not within(k, key) and not within(key, k)
                for c in found
            ]
        return out
