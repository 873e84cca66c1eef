"""Reading one store file into the :class:`Store`: read it, parse it, validate every
record, register it — or register records taken from the cache, validated again.

A claim's path from file to store: :func:`~claimcheck.store.load.load_store` lists the
files and, for each, asks the cache (:mod:`claimcheck.store.cache`) for its records;
what the cache does not hold, :class:`FileReader` reads (:mod:`.files`), parses
(:mod:`.yamlfile`, :mod:`.jsonlfile`), builds or validates (:mod:`.bulk`, the models)
and registers here; :mod:`.integrity` then cross-checks the whole store.

:class:`FileReader` collects every problem found with its ``path:line:col``;
:func:`~claimcheck.store.load.load_store` raises them together as one
:class:`~claimcheck.errors.StoreError`, so that a user fixes all of them in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from claimcheck.errors import (
    FileProblem,
    Location,
    Problem,
    did_you_mean,
    display_path,
    kind_of,
)
from claimcheck.model import RECORD_TYPES, SECTIONS
from claimcheck.store import jsonlfile, yamlfile
from claimcheck.store.bulk import build_claims
from claimcheck.store.files import (
    JSONL_SUFFIXES,
    decode,
    read_bytes,
    read_text,
)
from claimcheck.store.limits import Limits
from claimcheck.store.messages import validation_problem
from claimcheck.store.progress import PARSE_SHARE, PROGRESS_RECORDS, LoadProgress
from claimcheck.store.store import Entry, Store, Where
from claimcheck.store.yamlfile import RecordPos

#: The warning for a file with nothing in it.
EMPTY = "empty file: no records, only blank lines or comments"


@cache
def _adapter(section: str) -> TypeAdapter[Any]:
    return TypeAdapter(list[RECORD_TYPES[section]])  # type: ignore[valid-type]


@cache
def _record_adapter(section: str) -> TypeAdapter[Any]:
    return TypeAdapter(RECORD_TYPES[section])


class FileReader:
    """Reads, parses and validates a store's files, one by one, into a :class:`Store`,
    collecting every problem with its place."""

    def __init__(self, root: Path, limits: Limits, progress: LoadProgress | None = None) -> None:
        self.store = Store(root=root)
        self.limits = limits
        self.progress = progress
        self.problems: list[Problem] = []
        self.failed_ids: set[str] = set()
        #: The first review of each finding (by fingerprint): its index in the store's.
        self.reviewed: dict[str, int] = {}
        self._key_positions: dict[int, dict[str, list[RecordPos]]] = {}
        #: The texts the claims built so far share (see :func:`build_claims`).
        self._shared: dict[Any, Any] = {}

    def build(self, records: list[Any]) -> list[Any] | None:
        """The claims of these claim records, if all are plainly valid (see
        :mod:`claimcheck.store.bulk`); else None, to validate them with the model."""
        return build_claims(records, self._shared)

    # -- problems and positions ------------------------------------------------------

    def problem(self, location: Location, message: str, *, unread: bool = False) -> None:
        """A problem at ``location``; ``unread`` when it leaves records unread (see
        :class:`~claimcheck.errors.Problem`)."""
        self.problems.append(Problem(location, message, unread))

    def locate(
        self, where: Where, section: str, field: str | None, at_key: bool = False
    ) -> Location:
        """The position of ``field``'s value in the record at ``where`` (of the key itself
        with ``at_key``; the record's, if unknown)."""
        file_index, record_index, line, col = where
        path = self.store.files[file_index]
        if field is None:
            return Location(path, line, col)
        positions = self._keys(file_index).get(section)
        if positions and record_index < len(positions):
            found = positions[record_index]
            keys = (found.names if at_key else found.keys) or {}
            if field in keys:
                return Location(path, *keys[field])
        return Location(path, line, col)

    def _keys(self, file_index: int) -> dict[str, list[RecordPos]]:
        """Key positions of a file, read again only when an error needs them."""
        if file_index not in self._key_positions:
            path = self.store.paths[file_index]
            try:
                text = read_text(path, self.store.files[file_index], self.limits)
                if path.suffix in JSONL_SUFFIXES:
                    _, positions = jsonlfile.load(text, want_keys=True, limits=self.limits)
                    found = {jsonlfile.section_of(path): positions}
                else:
                    _, found = yamlfile.load(text, self.limits, want_keys=True)
            except FileProblem:
                found = {}
            self._key_positions[file_index] = found
        return self._key_positions[file_index]

    # -- files -----------------------------------------------------------------------

    def skip(self, path: Path) -> None:
        """A file that could not be read or parsed (its problem reported): no records."""
        self._new_file(path)

    def _new_file(self, path: Path) -> int:
        file_index = len(self.store.files)
        self.store.files.append(display_path(path))
        self.store.paths.append(path)
        return file_index

    def parse(self, path: Path, build: bool = False) -> Parsed | None:
        """Read and parse one file; None (with the problem reported) when it cannot be.
        (``build``: see :meth:`parse_text`.)"""
        read = self.read(path)
        return None if read is None else self.parse_text(path, *read, build=build)

    def read(self, path: Path) -> tuple[bytes, str] | None:
        """One file's bytes and text; None (with the problem reported) when it cannot be
        read."""
        shown = display_path(path)
        try:
            data = read_bytes(path, shown, self.limits)
            return data, decode(data, shown)
        except FileProblem as e:
            loc = e.problem.location
            self.problem(Location(shown, loc.line, loc.col), e.problem.message, unread=True)
            return None

    def parse_text(self, path: Path, data: bytes, text: str, build: bool = False) -> Parsed | None:
        """Parse a file read with :meth:`read`; None (with the problem reported) when it
        cannot be.

        With ``build``, the plainly valid claims of a JSON Lines file are built as they are
        read (see :mod:`claimcheck.store.bulk`), and those records are claims already,
        not mappings: for a file that is validated next and not recorded in the cache.
        """
        try:
            if path.suffix in JSONL_SUFFIXES:
                progress = self.progress
                told = (
                    None if progress is None else lambda share: progress.within(share * PARSE_SHARE)
                )
                section = jsonlfile.section_of(path)
                records, positions = jsonlfile.load(
                    text,
                    limits=self.limits,
                    progress=told,
                    build=self.build if build and section == "claims" else None,
                )
                return Parsed(data, text, {section: records}, {section: positions}, None)
            tree, all_positions, keys = yamlfile.load_with_sections(text, self.limits)
            return Parsed(data, text, None, all_positions, tree, keys)
        except FileProblem as e:
            shown = display_path(path)
            for problem in (e.problem, *e.more):
                loc = problem.location
                self.problem(Location(shown, loc.line, loc.col), problem.message, unread=True)
            return None

    def add_parsed(
        self, path: Path, parsed: Parsed, for_cache: bool = True
    ) -> dict[str, list[Entry]] | None:
        """Validate and register a parsed file; return its records for the cache (none
        without ``for_cache``, or when it has problems)."""
        file_index = self._new_file(path)
        before = len(self.problems)
        if parsed.holds_nothing():
            self.warn_empty(file_index)
        sections = parsed.sections
        if sections is None:
            sections = self._sections(parsed.tree, parsed.keys, file_index)
        entries: dict[str, list[Entry]] = {}
        for section, records in sections.items():
            positions = parsed.positions.get(section, [])
            self._validate(file_index, section, records, positions)
            if for_cache:
                entries[section] = _positioned(records, positions)
        return entries if for_cache and len(self.problems) == before else None

    def warn_empty(self, file_index: int) -> None:
        """A file with nothing in it: most likely not what its author meant to commit."""
        self.store.warnings.append(Problem(Location(self.store.files[file_index], 1, 1), EMPTY))

    def recheck_empty(self, path: Path, data: bytes | None = None, text: str = "") -> None:
        """Warn of a file taken from the cache with no records if it is empty: the cache
        keeps its records, not whether it holds nothing or only empty sections."""
        if data is None:
            read = self.read(path)
            if read is None:
                return
            data, text = read
        problems = len(self.problems)
        parsed = self.parse_text(path, data, text)
        del self.problems[problems:]  # it loaded from the cache: it has none
        if parsed is not None and parsed.holds_nothing():
            self.warn_empty(len(self.store.files) - 1)

    def add_file(self, path: Path) -> None:
        parsed = self.parse(path, build=True)
        if parsed is None:
            self._new_file(path)
            return
        self.add_parsed(path, parsed, for_cache=False)

    def add_records(self, path: Path, entries: dict[str, list[Entry]]) -> bool:
        """Register records parsed before (taken from the cache), validated again like
        parsed ones; False, with nothing registered, if one does not validate."""
        validated = []
        progress = self.progress
        count = sum(map(len, entries.values()))
        checked = 0
        for section, items in entries.items():
            objects: list[Any] = []
            for first in range(0, len(items), PROGRESS_RECORDS):
                part = items[first : first + PROGRESS_RECORDS]
                records = [e[3] for e in part]
                # Claims are built already when the cache read them (see ``build``).
                built = self.build(records) if section == "claims" else None
                try:
                    objects.extend(
                        built if built is not None else _adapter(section).validate_python(records)
                    )
                except (ValidationError, KeyError):
                    return False
                checked += len(part)
                if progress is not None:
                    progress.within(checked / count)
            validated.append((section, items, objects))
        file_index = self._new_file(path)
        register = self._register
        for section, items, objects in validated:
            for (idx, line, col, _), obj in zip(items, objects, strict=True):
                register(section, obj, Where(file_index, idx, line, col))
        return True

    def _sections(
        self, data: Any, keys: dict[str, tuple[tuple[int, int], tuple[int, int]]], file_index: int
    ) -> dict[str, Any]:
        shown = self.store.files[file_index]
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(
                Location(shown, 1, 1),
                "the top level must be a mapping of sections "
                f"({', '.join(s + ':' for s in SECTIONS)}), not {kind_of(data)}",
                unread=True,
            )
            return {}
        sections: dict[str, Any] = {}
        for key, value in data.items():
            key_pos, _ = keys.get(str(key), ((1, 1), (1, 1)))
            where = Location(shown, *key_pos)
            if key not in SECTIONS:
                hint = did_you_mean(str(key), SECTIONS)
                self.problem(
                    where,
                    f"unknown section {key!r}{hint}; sections are: {', '.join(SECTIONS)}",
                    unread=True,
                )
            elif value is None:
                continue
            elif not isinstance(value, list):
                self.problem(
                    where,
                    f"section {key!r} must be a list of records, not {kind_of(value)}",
                    unread=True,
                )
            else:
                sections[key] = value
        return sections

    def _validate(
        self,
        file_index: int,
        section: str,
        records: list[Any],
        positions: list[RecordPos],
    ) -> None:
        def where(i: int) -> Where:
            line, col = positions[i].pos if i < len(positions) else (1, 1)
            return Where(file_index, i, line, col)

        adapter = _adapter(section)
        register = self._register
        progress = self.progress
        # In parts, so that a progress callback hears of a big file as it goes.
        for first in range(0, len(records), PROGRESS_RECORDS):
            part = (
                records
                if len(records) <= PROGRESS_RECORDS
                else records[first : first + PROGRESS_RECORDS]
            )
            try:
                objects = adapter.validate_python(part)
                pairs: Iterable[tuple[int, Any]] = enumerate(objects, first)
            except ValidationError:
                pairs = self._validate_each(section, part, first, where)
            else:
                if section == "claims" and self._register_claims(objects, first, where):
                    pairs = ()
            for i, obj in pairs:
                register(section, obj, where(i))
            if progress is not None:
                done = (first + len(part)) / len(records)
                progress.within(PARSE_SHARE + (1 - PARSE_SHARE) * done)

    def _validate_each(
        self, section: str, records: list[Any], first: int, where: Any
    ) -> list[tuple[int, Any]]:
        """Slow path after a failure: keep the good records, report each bad one
        (``records`` are those from index ``first``)."""
        adapter = _record_adapter(section)
        good: list[tuple[int, Any]] = []
        for i, record in enumerate(records, first):
            try:
                good.append((i, adapter.validate_python(record)))
            except ValidationError as e:
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self.failed_ids.add(record["id"])
                for err in e.errors(include_url=False):
                    self._report_validation(section, where(i), record, err)
        return good

    def _report_validation(self, section: str, where: Where, record: Any, err: Any) -> None:
        field, at_key, message = validation_problem(section, where.record, record, err)
        self.problem(self.locate(where, section, field, at_key), message)

    def _register_claims(
        self, claims: list[Any], first: int, where: Callable[[int], Where]
    ) -> bool:
        """Register claims ``first`` on at once, if none repeats an id (else register
        nothing: :meth:`_register` reports the repeats)."""
        ids = [c.id for c in claims]
        store = self.store
        if len(set(ids)) != len(ids) or not store.where.keys().isdisjoint(ids):
            return False
        store.claims.update(zip(ids, claims, strict=True))
        store.where.update(zip(ids, map(where, range(first, first + len(ids))), strict=True))
        return True

    def _register(self, section: str, obj: Any, where: Where) -> None:
        store = self.store
        if section == "reviews":
            earlier = self.reviewed.setdefault(obj.finding, len(store.reviews))
            if earlier != len(store.reviews) and store.reviews[earlier].verdict != obj.verdict:
                self.problem(
                    store.at(where),
                    f"finding {obj.finding} is reviewed as {obj.verdict!r} here and as "
                    f"{store.reviews[earlier].verdict!r} at {store.review_location(earlier)}; "
                    "keep one verdict",
                )
                return
            store.reviews.append(obj)
            store.review_where.append(where)
            return
        record_id = obj.id
        previous = store.where.get(record_id)
        if previous is not None:
            other = store.what_is(record_id) or "record"
            self.problem(
                store.at(where),
                f"duplicate id {record_id!r}: already used by the {other} at {store.at(previous)}",
            )
            self.failed_ids.add(record_id)  # references to it are not "unknown" too
            return
        getattr(store, section)[record_id] = obj
        store.where[record_id] = where


@dataclass
class Parsed:
    """A file read and parsed, not yet validated."""

    data: bytes
    text: str
    #: Records by section (JSON Lines), or None when ``tree`` (YAML) is to be read.
    sections: dict[str, list[Any]] | None
    positions: dict[str, list[RecordPos]]
    tree: Any
    #: YAML: where each top-level key and its value are.
    keys: dict[str, tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def claims(self) -> Iterator[Any]:
        """The claim records, as parsed."""
        sections = self.sections or (self.tree if isinstance(self.tree, dict) else {})
        yield from sections.get("claims") or []

    def holds_nothing(self) -> bool:
        """Nothing but blank lines or comments: not even an empty section (``claims:``,
        ``claims: []``, written on purpose)."""
        if self.sections is None:
            return self.tree is None
        return not any(self.sections.values())


def _positioned(records: list[Any], positions: list[RecordPos]) -> list[Entry]:
    """Records with their index, line and column (what the cache keeps)."""
    return [
        (i, *(positions[i].pos if i < len(positions) else (1, 1)), rec)
        for i, rec in enumerate(records)
    ]
