"""How two values of a group's property relate, and two statements of them: whether one
implies or excludes the other (through their bounds, widened by the property's
tolerance, for quantities and dates), and for an entity which answers are parts of which
(the army's 3rd Brigade did what the army did). :class:`ValueRelations` holds these for
:class:`~claimcheck.analysis.group.GroupEvidence`, which is one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity, Value
from claimcheck.values.tolerance import limits as limits_of
from claimcheck.values.tolerance import window as window_of


class ValueRelations:
    """The relations between values of one group's property (the methods of
    :class:`~claimcheck.analysis.group.GroupEvidence` that compare values), from what
    the property says of its values and the store's parties and subjects."""

    # (set by GroupEvidence, from the store and what the property says of its values)
    store: Store
    type: str
    single: bool
    interval: bool
    tolerance: float | str | None
    memo: dict[str, object]

    def window(self, value: Value) -> tuple[Bound, Bound]:
        """The bounds within which a value's support lies (its own, widened by tolerance)."""
        lo, hi = bounds(value)
        return window_of(lo, hi, self.tolerance, self.type == "date")

    def limits(self, value: Value) -> tuple[Bound, Bound]:
        """``(below, above)``: an interval whose upper bound is under ``below``, or whose
        lower bound is over ``above``, cannot hold with ``value``."""
        lo, hi = bounds(value)
        return limits_of(lo, hi, self.tolerance, self.type == "date")

    def implies(self, a: Value, b: Value) -> bool:
        """Whether every truth ``a`` allows is one ``b`` allows (``a`` supports ``b``)."""
        if isinstance(a, Quantity | DateRange) and isinstance(b, Quantity | DateRange):
            lo, hi = bounds(a)
            low, high = self.window(b)
            return lo >= low and hi <= high
        return self.within(a.key, b.key)

    def excludes(self, a: Value, b: Value) -> bool:
        """Whether two asserted values cannot both be true (single-valued properties)."""
        if not self.single:
            return False
        if isinstance(a, Quantity | DateRange) and isinstance(b, Quantity | DateRange):
            lo, hi = bounds(a)
            below, above = self.limits(b)
            return hi < below or lo > above
        return not self.within(a.key, b.key) and not self.within(b.key, a.key)

    def one_side(self, a: object, b: object) -> bool:
        """Whether two answers of an entity property are parties of one side (the army
        and its allied militia)."""
        if self.type != "entity":
            return False
        side_of = self.store.side_of
        side = side_of(a) if isinstance(a, str) else None
        return side is not None and side == (side_of(b) if isinstance(b, str) else None)

    def answers(self, key: object) -> list[object]:
        """What the value keyed ``key`` answers: itself — and, for an entity, each party
        or subject it is part of (the 5th Brigade did what the army did)."""
        if self.type != "entity" or not isinstance(key, str):
            return [key]
        return list(self._chain(key))

    def by_answer(self, keys: Iterable[object]) -> dict[object, list[object]]:
        """Each value ``keys`` answer (:meth:`answers`), with the keys answering it, in
        their order: what says "the army" — the army's key and its brigades'."""
        found: dict[object, list[object]] = defaultdict(list)
        for k in keys:
            for x in self.answers(k):
                found[x].append(k)
        return found

    def _chain(self, key: str) -> list[str]:
        chains: dict[str, list[str]] = self.memo.setdefault("part_of_chains", {})  # type: ignore[assignment]
        chain = chains.get(key)
        if chain is None:
            chain = chains[key] = self.store.part_of_chain(key)
        return chain

    def within(self, a: object, b: object) -> bool:
        """Whether the value keyed ``a`` is ``b`` — or, for an entity, part of it: "the
        army's 3rd Brigade" did what "the army" did (a party or subject ``part_of`` it, at
        any depth), while two brigades of one army are two answers."""
        if a == b:
            return True
        if self.type != "entity" or not isinstance(a, str):
            return False
        return b in self._chain(a)

    def statements_conflict(self, s: Statement, t: Statement) -> bool:
        """Two statements that cannot both hold."""
        if s.stance == "asserts" and t.stance == "asserts":
            return self.excludes(s.value, t.value)
        if s.stance == "asserts" and t.stance == "denies":
            return self.implies(s.value, t.value)
        if s.stance == "denies" and t.stance == "asserts":
            return self.implies(t.value, s.value)
        return False

    def statement_supports(self, t: Statement, s: Statement) -> bool:
        """Whether statement ``t`` supports statement ``s``."""
        if t.stance == s.stance == "asserts":
            return self.implies(t.value, s.value)
        if t.stance == s.stance == "denies":  # denying less denies more
            return self.implies(s.value, t.value)
        if t.stance == "asserts" and self.single and not self.interval:
            return self.excludes(t.value, s.value)  # asserting X denies every other Y
        return False
