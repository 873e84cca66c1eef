"""The loaded store: every record by id, where each was defined, and its groups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from claimcheck.errors import Location, Problem
from claimcheck.model import (
    SINGULAR,
    TERTIARY_KINDS,
    Claim,
    Document,
    Outlet,
    Party,
    Property,
    Review,
    Subject,
)


class Where(NamedTuple):
    """Where a record was defined."""

    #: Index of its file in :attr:`Store.files`.
    file: int
    #: Its index in its section of that file.
    record: int
    line: int
    col: int


GroupKey = tuple[str, str]

#: One record as a file reader gives it and the cache keeps it: (its index in its
#: section, line, column, the record as parsed) — a :class:`Where` without the file,
#: plus the record. A plain tuple, read by index: millions are made and pickled per load.
Entry = tuple[int, int, int, Any]


@dataclass
class Store:
    """Every record of a store, validated and cross-checked, with defaults resolved."""

    root: Path
    #: Files as shown to users (relative to the working directory when inside it).
    files: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    #: Index of the first candidate file in :attr:`files` (None: no candidates).
    candidate_start: int | None = None
    #: Only the groups candidates touch were loaded (a candidate check from the cache).
    partial: bool = False
    #: In a partial load, the claims of the whole store and the candidates (None: all
    #: are loaded, and this is ``len(claims)``).
    total_claims: int | None = None
    #: The content digest of each store file by path relative to :attr:`root`, when it
    #: was read with the cache (empty otherwise): what a clean load of the store records.
    digests: dict[str, str] = field(default_factory=dict, repr=False)
    #: The content digest of each candidate file read, in order (what was checked).
    candidate_digests: list[str] = field(default_factory=list, repr=False)
    #: What does not stop a load but is most likely a mistake (an empty file), at its
    #: place, sorted; the command line prints them as warnings.
    warnings: list[Problem] = field(default_factory=list)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    #: id -> where the record was defined; reviews by position in :attr:`reviews`.
    where: dict[str, Where] = field(default_factory=dict)
    review_where: list[Where] = field(default_factory=list)
    _sides: dict[str, str | None] = field(default_factory=dict, repr=False)
    #: What the load left running, to wait for (see :meth:`close`).
    _running: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def waits_for(self, wait: Callable[[], None]) -> None:
        """Have :meth:`close` call ``wait``: the load started something that goes on."""
        self._running.append(wait)

    def close(self) -> None:
        """Wait for what the load left running: the child process recording the cache,
        with ``load_store(..., background=True)``. The store stays usable."""
        while self._running:
            self._running.pop()()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def candidate_ids(self) -> list[str]:
        """The ids of the records the candidate files hold (none without candidates)."""
        if self.candidate_start is None:
            return []
        start = self.candidate_start
        return [i for i, w in self.where.items() if w.file >= start]

    @property
    def claim_count(self) -> int:
        """The store's claims: all of them, also on a partial load (see ``total_claims``)."""
        return len(self.claims) if self.total_claims is None else self.total_claims

    def at(self, where: Where) -> Location:
        """The ``path:line:col`` a :class:`Where` of this store points at."""
        return Location(self.files[where.file], where.line, where.col)

    def location(self, record_id: str) -> Location:
        """``path:line:col`` of the record with this id."""
        w = self.where.get(record_id)
        if w is None:
            return Location(self.files[0] if self.files else str(self.root))
        return self.at(w)

    def review_location(self, index: int) -> Location:
        return self.at(self.review_where[index])

    def what_is(self, record_id: str) -> str | None:
        """What record an id names, singular (``claim``, ``outlet``, ``party``...), or None.
        (Not :func:`claimcheck.errors.kind_of`, which names the type of a value read.)"""
        for section, name in SINGULAR.items():
            if section != "reviews" and record_id in getattr(self, section):
                return name
        return None

    def name_of(self, record_id: str | None) -> str:
        """A human name for a party, outlet, subject or document id."""
        if record_id is None:
            return "(none)"
        if record_id in self.parties:
            return self.parties[record_id].name
        if record_id in self.outlets:
            return self.outlets[record_id].name
        if record_id in self.subjects:
            return self.subjects[record_id].label
        if record_id in self.documents:
            return self.documents[record_id].title or record_id
        return record_id

    def part_of_chain(self, record_id: str) -> list[str]:
        """``record_id`` and the records it is ``part_of``, nearest first, up to the top:
        a subject and the subjects it is part of, or a party and the parties it belongs
        to. The walk stops at a record not in the store, or where a loop comes back."""
        table: Mapping[str, Party | Subject] = (
            self.subjects if record_id in self.subjects else self.parties
        )
        chain = [record_id]
        record = table.get(record_id)
        while record is not None:
            parent = record.part_of
            if parent is None or parent not in table or parent in chain:
                break
            chain.append(parent)
            record = table[parent]
        return chain

    def side_of(self, claimant: str | None) -> str | None:
        """The side a claimant speaks for: a party's side (or, with none, the side of the
        party it is ``part_of``), or an affiliated outlet's party's."""
        if claimant is None:
            return None
        sides = self._sides
        if claimant not in sides:
            sides[claimant] = self._side_of(claimant)
        return sides[claimant]

    def _side_of(self, claimant: str) -> str | None:
        if claimant in self.parties:
            # A party with no side of its own speaks for the side of what it is part of.
            sides = (self.parties[p].side for p in self.part_of_chain(claimant))
            return next((side for side in sides if side), None)
        outlet = self.outlets.get(claimant)
        if outlet is not None and outlet.affiliation:
            affiliated = self.parties.get(outlet.affiliation)
            return affiliated.side if affiliated else None
        return None

    @cached_property
    def groups(self) -> dict[GroupKey, list[Claim]]:
        """Claims by (subject, property), in file order: the unit every rule works on."""
        out: dict[GroupKey, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            out[(claim.subject, claim.property)].append(claim)
        return dict(out)

    def in_tertiary(self, claim: Claim) -> bool:
        """A claim an encyclopedia prints: its figure is what its citations give."""
        outlet = self.outlets.get(claim.outlet or "")
        return outlet is not None and outlet.kind in TERTIARY_KINDS

    def is_tertiary(self, claim: Claim) -> bool:
        """A claim resting on an encyclopedia alone: no source of its own (see CC204)."""
        if not self.in_tertiary(claim):
            return False
        document = self.documents.get(claim.source or "")
        return document is not None and not document.cites

    def is_cited(self, claim: Claim) -> bool:
        """Whether a claim traces to a source: a document with an outlet, not an encyclopedia."""
        return claim.source is not None and claim.outlet is not None and not self.is_tertiary(claim)
