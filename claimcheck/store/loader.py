"""Loading a store: find its files, parse them, validate every record, cross-check.

Every problem found is collected with its ``path:line:col`` and raised together as one
:class:`~claimcheck.errors.StoreError`, so that a user fixes all of them in one pass.
"""

from __future__ import annotations

import gc
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from claimcheck.errors import (
    FileProblem,
    Location,
    Problem,
    StoreError,
    did_you_mean,
    display_path,
    kind_of,
)
from claimcheck.forked import in_background, wait_background
from claimcheck.model import RECORD_TYPES, SECTIONS, SINGULAR, Claim
from claimcheck.store import integrity, jsonlfile, yamlfile
from claimcheck.store.cache import (
    CACHE_DIR,
    REFUSED,
    Cache,
    CacheCorrupt,
    Entry,
    FileRecords,
    digest,
    foreign_folder,
    group_key,
    relative,
    stat_key,
    verdict_of,
    write_files,
    write_json_lines,
)
from claimcheck.store.files import (
    JSONL_SUFFIXES,
    decode,
    file_kind,
    read_bytes,
    read_text,
    store_files,
)
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.store import Store, Where
from claimcheck.store.yamlfile import RecordPos

#: Stop collecting after this many problems: the first ones are what a user fixes first.
MAX_PROBLEMS = 200

#: With ``background``, the cache is written by a child process from this many records
#: to record (a million claims take over ten seconds to record; a few hundred, nothing).
BACKGROUND_FROM = 10_000


@dataclass
class _Early:
    """JSON Lines files recorded in the cache by a child of their own, from their text.

    A big bulk file is handed over as soon as it is read: the child records it from its
    text, line by line (about 7 s for a million claims), on the second CPU, idle during
    the load, while this process parses and validates it; the two share only the text,
    so neither copies the other's memory. The child writes the records *pending*,
    usable by no one, and makes them usable only when this process, having read the
    file, says it is sound (through a pipe); if it says otherwise, or ends without a
    word, the child withdraws them. Once the load is done, this process waits for the
    writers (by then done, or nearly).
    """

    root: Path
    limits: Limits
    #: The files handed to a writer, by relative path.
    files: list[str] = field(default_factory=list)
    #: The write end of the pipe to each writer still waiting for a word, by file.
    waiting: dict[str, int] = field(default_factory=dict)

    def start(
        self,
        cache: Cache,
        path: Path,
        text: str,
        key: tuple[int, int, int, int],
        content: str,
        read_ns: int,
    ) -> bool:
        """Record ``path`` in a child; False (nothing started) where forking is not safe.
        The cache's connection is closed across the fork."""
        import os

        rel = relative(self.root, path)
        root, limits, section = self.root, self.limits, jsonlfile.section_of(path)
        try:
            read, write = os.pipe()
        except OSError:  # no descriptor left: the file is recorded after the load instead
            return False
        others = list(self.waiting.values())

        def record() -> None:
            for fd in (write, *others):  # only this process's word may reach the child
                os.close(fd)

            def sound() -> bool:
                with os.fdopen(read, "rb") as word:
                    return word.read(1) == b"1"

            write_json_lines(root, rel, key, content, section, text, read_ns, limits, sound)

        cache.close()
        started = in_background(record)
        cache.reopen()
        os.close(read)
        if not started:
            os.close(write)
            return False
        self.files.append(rel)
        self.waiting[rel] = write
        return True

    def settle(self, rel: str, sound: bool) -> None:
        """Tell the writer of ``rel`` whether the file read without a problem."""
        import os

        fd = self.waiting.pop(rel, None)
        if fd is None:
            return
        try:
            os.write(fd, b"1" if sound else b"0")
        except OSError:
            pass  # the writer has ended (it found the file unreadable): nothing to tell
        finally:
            os.close(fd)

    def finish(self) -> None:
        """Wait for the writers (any not yet told withdraws its records)."""
        for rel in list(self.waiting):
            self.settle(rel, False)
        if self.files:
            wait_background()


class _Progress:
    """Bytes of store files loaded so far, told to the caller's ``report(done, total)``
    at most every :data:`PROGRESS_EVERY` seconds, and once at the end with ``done ==
    total``. A file counts as loaded as it is parsed and validated (in parts, for a big
    one) or taken from the cache. What is told never goes back, even when a load starts
    again (a partial load that must read the whole store)."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self.report = report
        self.total = 0
        self.done = 0  # files finished
        self.size = 0  # the file being loaded
        self.told = 0
        self.last = -PROGRESS_EVERY

    def start(self, total: int) -> None:
        self.total = max(total, self.told)
        self.done = self.size = 0
        self.tell(0)

    def file(self, size: int) -> None:
        """A file of ``size`` bytes is being loaded."""
        self.size = size

    def within(self, share: float) -> None:
        """The share of the file being loaded that is done."""
        self.tell(self.done + int(self.size * share))

    def file_done(self) -> None:
        self.done += self.size
        self.size = 0
        self.tell(self.done)

    def tell(self, done: int) -> None:
        now = _clock()
        if now - self.last >= PROGRESS_EVERY:
            self.last = now
            self.told = max(self.told, min(done, self.total))
            self.report(self.told, self.total)

    def finish(self) -> None:
        self.told = self.total
        self.report(self.total, self.total)


_clock = time.monotonic
#: Seconds between two words to a progress callback, at least.
PROGRESS_EVERY = 0.25
#: Records validated between two words to a progress callback.
PROGRESS_RECORDS = 20_000
#: The share of a file's loading spent parsing it (the rest: validating its records).
PARSE_SHARE = 0.5


@cache
def _adapter(section: str) -> TypeAdapter[Any]:
    return TypeAdapter(list[RECORD_TYPES[section]])  # type: ignore[valid-type]


@cache
def _record_adapter(section: str) -> TypeAdapter[Any]:
    return TypeAdapter(RECORD_TYPES[section])


@contextmanager
def gc_paused() -> Any:
    """Loading builds millions of objects and frees none: the collector only costs time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: What to write in a required field left empty.
_EMPTY_HINTS = {
    "id": "write an id for this record (letters, digits, '-', '_')",
    "subject": "write the id of one of the store's subjects",
    "property": "write the id of one of the store's properties",
    "value": "write the value as the source states it",
    "name": "write its name",
    "label": "write a short label",
    "finding": "write the fingerprint of the finding reviewed",
}


class _Loader:
    def __init__(self, root: Path, limits: Limits, progress: _Progress | None = None) -> None:
        self.store = Store(root=root)
        self.limits = limits
        self.progress = progress
        self.problems: list[Problem] = []
        self.paths: list[Path] = []
        self.failed_ids: set[str] = set()
        #: The first review of each finding (by fingerprint): its index in the store's.
        self.reviewed: dict[str, int] = {}
        self._key_positions: dict[int, dict[str, list[RecordPos]]] = {}
        #: Store files whose records this run took from the cache (relative paths).
        self.from_cache: set[str] = set()
        #: The content digest of every store file read with the cache, by relative path
        #: (None for a file that could not be read).
        self.digests: dict[str, str | None] = {}

    # -- problems and positions ------------------------------------------------------

    def problem(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

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
            path = self.paths[file_index]
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

    def _new_file(self, path: Path) -> int:
        file_index = len(self.store.files)
        self.store.files.append(display_path(path))
        self.store.paths.append(path)
        self.paths.append(path)
        return file_index

    def parse(self, path: Path) -> Parsed | None:
        """Read and parse one file; None (with the problem reported) when it cannot be."""
        read = self.read(path)
        return None if read is None else self.parse_text(path, *read)

    def read(self, path: Path) -> tuple[bytes, str] | None:
        """One file's bytes and text; None (with the problem reported) when it cannot be
        read."""
        shown = display_path(path)
        try:
            data = read_bytes(path, shown, self.limits)
            return data, decode(data, shown)
        except FileProblem as e:
            loc = e.problem.location
            self.problem(Location(shown, loc.line, loc.col), e.problem.message)
            return None

    def parse_text(self, path: Path, data: bytes, text: str) -> Parsed | None:
        """Parse a file read with :meth:`read`; None (with the problem reported) when it
        cannot be."""
        try:
            if path.suffix in JSONL_SUFFIXES:
                progress = self.progress
                told = (
                    None if progress is None else lambda share: progress.within(share * PARSE_SHARE)
                )
                records, positions = jsonlfile.load(text, limits=self.limits, progress=told)
                section = jsonlfile.section_of(path)
                return Parsed(data, text, {section: records}, {section: positions}, None)
            tree, all_positions, keys = yamlfile.load_with_sections(text, self.limits)
            return Parsed(data, text, None, all_positions, tree, keys)
        except FileProblem as e:
            shown = display_path(path)
            for problem in (e.problem, *e.more):
                loc = problem.location
                self.problem(Location(shown, loc.line, loc.col), problem.message)
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
                entries[section] = _cache_entries(records, positions)
        return entries if for_cache and len(self.problems) == before else None

    def warn_empty(self, file_index: int) -> None:
        """A file with nothing in it: most likely not what its author meant to commit."""
        self.store.warnings.append(
            Problem(
                Location(self.store.files[file_index], 1, 1),
                "empty file: no records, only blank lines or comments",
            )
        )

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
        parsed = self.parse(path)
        if parsed is None:
            self._new_file(path)
            return
        self.add_parsed(path, parsed, for_cache=False)

    def add_cached(self, path: Path, entries: dict[str, list[Entry]]) -> None:
        """Register records read from the cache, validated again like parsed ones.

        A cached record that does not validate was not written by us: raise
        :class:`CacheCorrupt` (before registering anything) so that the file is read.
        """
        validated = []
        progress = self.progress
        count = sum(map(len, entries.values()))
        checked = 0
        for section, items in entries.items():
            objects: list[Any] = []
            for first in range(0, len(items), PROGRESS_RECORDS):
                part = items[first : first + PROGRESS_RECORDS]
                try:
                    objects.extend(_adapter(section).validate_python([e[3] for e in part]))
                except (ValidationError, KeyError) as e:
                    raise CacheCorrupt from e
                checked += len(part)
                if progress is not None:
                    progress.within(checked / count)
            validated.append((section, items, objects))
        file_index = self._new_file(path)
        register = self._register
        for section, items, objects in validated:
            for (idx, line, col, _), obj in zip(items, objects, strict=True):
                register(section, obj, (file_index, idx, line, col))

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
            )
            return {}
        sections: dict[str, Any] = {}
        for key, value in data.items():
            key_pos, _ = keys.get(str(key), ((1, 1), (1, 1)))
            where = Location(shown, *key_pos)
            if key not in SECTIONS:
                hint = did_you_mean(str(key), SECTIONS)
                self.problem(
                    where, f"unknown section {key!r}{hint}; sections are: {', '.join(SECTIONS)}"
                )
            elif value is None:
                continue
            elif not isinstance(value, list):
                self.problem(
                    where, f"section {key!r} must be a list of records, not {kind_of(value)}"
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
        indices: list[int] | None = None,
    ) -> None:
        def where(i: int) -> Where:
            line, col = positions[i].pos if i < len(positions) else (1, 1)
            return (file_index, indices[i] if indices is not None else i, line, col)

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
                pairs: Iterable[tuple[int, Any]] = enumerate(adapter.validate_python(part), first)
            except ValidationError:
                pairs = self._validate_each(section, part, first, where)
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
        loc = err["loc"]
        field = str(loc[0]) if loc else None
        kind = err["type"]
        label = _record_label(section, where[1], record)
        model = RECORD_TYPES[section]
        fields = list(model.__dataclass_fields__)  # type: ignore[attr-defined]
        if kind in ("dataclass_type", "dataclass_exact_type", "dict_type", "model_type"):
            self.problem(
                self.locate(where, section, None),
                f"{label}: a record must be a mapping of fields, not {kind_of(record)}",
            )
            return
        if kind == "unexpected_keyword_argument":
            hint = did_you_mean(field or "", [f for f in fields if f not in _RESOLVED])
            self.problem(
                self.locate(where, section, field, at_key=True),
                f"{label}: unknown field {field!r}{hint}",
            )
            return
        elif kind == "missing":
            message = f"{label}: missing required field {field!r}"
            field = None
        elif len(loc) == 1 and "input" in err and err["input"] is None:
            # A field left empty (`subject:`), as `extract` leaves what it could not fill:
            # say what to write there.
            if kind == "literal_error":
                hint = f"write one of {err.get('ctx', {}).get('expected', 'its values')}"
            else:
                hint = _EMPTY_HINTS.get(field or "", f"write its {field}")
            message = f"{label}: {field} is empty: {hint}"
        else:
            detail = str(err["msg"]).removeprefix("Value error, ")
            path = ".".join(str(p) for p in loc) if loc else "record"
            if kind.endswith("_type") or kind in ("literal_error", "enum"):
                detail = f"{detail}, got {_short(err.get('input'))}"
            message = f"{label}: {path}: {detail}" if loc else f"{label}: {detail}"
        self.problem(self.locate(where, section, field), message)

    def _register(self, section: str, obj: Any, where: Where) -> None:
        store = self.store
        if section == "reviews":
            earlier = self.reviewed.setdefault(obj.finding, len(store.reviews))
            if earlier != len(store.reviews) and store.reviews[earlier].verdict != obj.verdict:
                self.problem(
                    Location(store.files[where[0]], where[2], where[3]),
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
            other = store.kind_of(record_id) or "record"
            first = Location(store.files[previous[0]], previous[2], previous[3])
            self.problem(
                Location(store.files[where[0]], where[2], where[3]),
                f"duplicate id {record_id!r}: already used by the {other} at {first}",
            )
            self.failed_ids.add(record_id)  # references to it are not "unknown" too
            return
        getattr(store, section)[record_id] = obj
        store.where[record_id] = where


_RESOLVED = {"parsed", "outlet", "claimant_given", "cited"}
_SECTION_OF = {name: section for section, name in SINGULAR.items()}


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

    def holds_nothing(self) -> bool:
        """Nothing but blank lines or comments: not even an empty section (``claims:``,
        ``claims: []``, written on purpose)."""
        if self.sections is None:
            return self.tree is None
        return not any(self.sections.values())


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _record_label(section: str, index: int, record: Any) -> str:
    name = SINGULAR[section]
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        return f"{name} {record['id']!r}"
    return f"{name} #{index + 1} of {section}"


def load_store(
    root: str | Path,
    *,
    candidates: Sequence[str | Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    cache: bool = False,
    partial: bool = False,
    background: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Store:
    """Load and check the store at ``root`` (plus ``candidates``, if any).

    With ``cache``, unchanged files are read from the store's cache and changed ones
    recorded in it (see :mod:`claimcheck.store.cache`). With ``partial`` as well, only
    the claims of the (subject, property) groups the candidates touch are loaded: what
    a candidate check needs, in time independent of the store's size. With
    ``background``, many records to record are recorded by a forked process while the
    caller goes on (checking them); :func:`claimcheck.forked.wait_background` waits
    for it, as the command line does before it exits.

    ``progress``, if given, is called as ``progress(done, total)``: bytes of the store's
    files loaded so far and in all (candidates not counted), a few times a second at most
    and once at the end with ``done == total`` (also when the load finds problems).

    Problems that do not stop the load (an empty file) are on :attr:`Store.warnings`.
    Raises :class:`~claimcheck.errors.StoreError` listing every problem found.
    """
    root = Path(root)
    if not root.is_dir():
        raise StoreError([Problem(Location(display_path(root)), "no such store folder")])
    tracker = None if progress is None else _Progress(progress)
    if not cache:
        return _load(root, candidates, limits, False, False, progress=tracker)
    try:
        try:
            return _load(root, candidates, limits, True, partial, background, tracker)
        except _Unverified:
            # The store's files are not those of its last verdict: a few groups cannot
            # tell whether it holds a problem elsewhere, so read it all (most of it from
            # the cache).
            return _load(root, candidates, limits, True, False, False, tracker)
    except CacheCorrupt:
        # The cache failed under us (another process rebuilt it, the disk...): read it all.
        return _load(root, candidates, limits, False, False, progress=tracker)


class _Unverified(Exception):
    """A partial load of a store whose files are not those of its recorded verdict."""


def _load(
    root: Path,
    candidates: Sequence[str | Path],
    limits: Limits,
    cache: bool,
    partial: bool,
    background: bool = False,
    progress: _Progress | None = None,
) -> Store:
    loader = _Loader(root, limits, progress)
    store_cache = Cache(root, limits) if cache else None
    if cache and (why := foreign_folder(root)) is not None:
        loader.store.warnings.append(
            Problem(
                Location(display_path(root / CACHE_DIR)),
                f"{why}: not used ({REFUSED}); running without the cache",
            )
        )
    if store_cache is not None and not store_cache.open():
        store_cache = None
    records: list[FileRecords] = []  # to record in the cache
    early = _Early(root, limits) if background and store_cache is not None else None
    try:
        with gc_paused():
            files, walk_problems = store_files(root)
            loader.problems.extend(walk_problems)
            in_store = {_resolved(p) for p in files} if candidates else set()
            pending: list[tuple[Path, Parsed | None]] = []
            for candidate in candidates:
                path = Path(candidate)
                unfit = _not_a_candidate(path)
                if unfit is not None:
                    loader.problem(Location(display_path(path)), unfit)
                    continue
                if _resolved(path) in in_store:
                    loader.problem(
                        Location(display_path(path)),
                        "this candidate is a file of the store already: a candidate is a file "
                        "not yet in the store (check the store itself with `check`)",
                    )
                    continue
                pending.append((path, loader.parse(path)))
            groups = _touched(pending) if partial and store_cache is not None else None
            if store_cache is not None:
                store_cache.forget([relative(root, p) for p in files])
            if progress is not None:
                sizes = [_size_of(p) for p in files]
                progress.start(sum(sizes))
            for i, path in enumerate(files):
                if progress is not None:
                    progress.file(sizes[i])
                _load_store_file(
                    loader, path, store_cache, groups, records, early if groups is None else None
                )
                if progress is not None:
                    progress.file_done()
            if early is not None:
                early.finish()
            # Recorded now unless there are many: what follows reads the ids recorded.
            later = (
                background
                and groups is None
                and sum(len(e) for f in records for e in f.sections.values()) >= BACKGROUND_FROM
            )
            if store_cache is not None and not later:
                store_cache.record_files(records)
                records = []
            verdict = store_cache.verdict() if groups is not None and store_cache else None
            if groups is not None and (
                verdict is None or verdict[0] != _files_digest(loader.digests)
            ):
                raise _Unverified
            stored_claims = len(loader.store.claims)
            loader.store.candidate_start = len(loader.store.files)
            for path, parsed in pending:
                if parsed is None:
                    loader._new_file(path)
                else:
                    loader.store.candidate_digests.append(digest(parsed.data))
                    loader.add_parsed(path, parsed, for_cache=False)
            if groups is not None and store_cache is not None:
                _collisions(loader, store_cache)
            integrity.check(
                loader.store,
                loader.problem,
                loader.locate,
                loader.failed_ids,
                exists=_exists_in(store_cache, loader.from_cache) if groups is not None else None,
            )
            if store_cache is not None and groups is None:
                _update_verdict(store_cache, loader, bool(candidates), stored_claims)
    finally:
        if early is not None:  # on any way out: no writer is left waiting for a word
            early.finish()
        if store_cache is not None:
            store_cache.close()
    # Forked once the cache is closed (a connection must not cross a fork); a failed
    # load, which ends at once, or one that cannot fork records them here.
    if records and (
        loader.problems or not in_background(lambda: write_files(root, records, limits))
    ):
        write_files(root, records, limits)
    if progress is not None:
        progress.finish()
    if loader.problems:
        raise StoreError(sorted(loader.problems, key=_problem_order)[:MAX_PROBLEMS])
    store = loader.store
    store.warnings.sort(key=_problem_order)
    store.partial = groups is not None
    if store.partial:
        # The store's claims, as its verdict counted them, and the candidates'.
        assert verdict is not None
        start = store.candidate_start or 0
        where = store.where
        store.total_claims = verdict[1] + sum(1 for c in store.claims if where[c][0] >= start)
    if store_cache is not None:
        store.digests = _known(loader.digests) or {}
    return store


def _update_verdict(cache: Cache, loader: _Loader, candidates: bool, claims: int) -> None:
    """After a full load: record that the store's files load without a problem, or
    forget a verdict that a problem found now contradicts."""
    recorded = cache.verdict()
    if loader.problems:
        if recorded is not None and not candidates:
            cache.drop_verdict()
        return
    files_digest = _files_digest(loader.digests)
    if not candidates and files_digest is not None and recorded != (files_digest, claims):
        cache.record_verdict(files_digest, claims)


def _known(digests: dict[str, str | None]) -> dict[str, str] | None:
    """The files' digests, if every one is known."""
    known = {rel: d for rel, d in digests.items() if d is not None}
    return known if len(known) == len(digests) else None


def _files_digest(digests: dict[str, str | None]) -> str | None:
    """The digest of the store's files (see :func:`verdict_of`); None if one is unknown."""
    known = _known(digests)
    return None if known is None else verdict_of(known)


def _load_store_file(
    loader: _Loader,
    path: Path,
    cache: Cache | None,
    groups: set[tuple[str, str]] | None,
    records: list[FileRecords],
    early: _Early | None = None,
) -> None:
    if cache is None:
        loader.add_file(path)
        return
    rel = relative(loader.store.root, path)
    loader.digests[rel] = None
    if not _storable(rel):  # a name that is not UTF-8 cannot be a key of the cache
        loader.add_file(path)
        return
    read_ns = time.time_ns()  # before the stat: a later write counts as a change
    try:
        key = stat_key(path)
    except OSError:
        loader.add_file(path)
        return
    if cache.fresh(rel, key):
        try:
            loader.add_cached(path, cache.entries(rel, groups))
            loader.from_cache.add(rel)
            loader.digests[rel] = cache.digest_of(rel)
            if cache.records_of(rel) == 0:
                loader.recheck_empty(path)
            return
        except CacheCorrupt:
            pass  # read the file itself
    read = loader.read(path)
    if read is None:
        loader._new_file(path)
        return
    data, text = read
    content = digest(data)
    if cache.same_content(rel, content):
        try:
            loader.add_cached(path, cache.entries(rel, groups))
            loader.from_cache.add(rel)
            loader.digests[rel] = content
            cache.touch(rel, key, content, read_ns)
            if cache.records_of(rel) == 0:
                loader.recheck_empty(path, data, text)
            return
        except CacheCorrupt:
            pass  # parse it below, and record it again
    handed = (
        early is not None
        and path.suffix in JSONL_SUFFIXES
        and text.count("\n") >= BACKGROUND_FROM
        and early.start(cache, path, text, key, content, read_ns)
    )
    problems = len(loader.problems)
    parsed = loader.parse_text(path, data, text)
    if parsed is None:
        loader._new_file(path)
    elif handed:
        loader.add_parsed(path, parsed, for_cache=False)
        loader.digests[rel] = content
    if handed:
        assert early is not None
        early.settle(rel, sound=parsed is not None and len(loader.problems) == problems)
        return
    if parsed is None:
        return
    entries = loader.add_parsed(path, parsed)
    loader.digests[rel] = content
    if entries is not None:
        # orjson refuses NaN and infinities: JSON Lines records need no search for them.
        finite = path.suffix in JSONL_SUFFIXES
        records.append(FileRecords(rel, key, content, entries, finite, read_ns))


def _cache_entries(records: list[Any], positions: list[RecordPos]) -> list[Entry]:
    return [
        (i, *(positions[i].pos if i < len(positions) else (1, 1)), rec)
        for i, rec in enumerate(records)
    ]


def _not_a_candidate(path: Path) -> str | None:
    """Why ``path`` cannot be read as a candidate file, or None. A candidate is named by
    the user: a link is followed wherever it goes (unlike a store's files). Nothing is
    opened here (opening a FIFO could block)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such candidate file"
    except OSError as e:
        return f"cannot read candidate file: {e.strerror or e}"
    if not stat.S_ISREG(mode):
        return f"not a regular file: {file_kind(mode)}; a candidate is a YAML or JSON Lines file"
    return None


def _size_of(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reported when the file is read
        return path


def _storable(rel: str) -> bool:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _touched(pending: list[tuple[Path, Parsed | None]]) -> set[tuple[str, str]]:
    """The (subject, property) groups the candidates' claims belong to."""
    groups: set[tuple[str, str]] = set()
    for _, parsed in pending:
        if parsed is None:
            continue
        sections = parsed.sections or (parsed.tree if isinstance(parsed.tree, dict) else {})
        for record in sections.get("claims") or []:
            if isinstance(record, dict):
                subject, prop = record.get("subject"), record.get("property")
                if isinstance(subject, str) and isinstance(prop, str):
                    groups.add(group_key(record))
    return groups


def _collisions(loader: _Loader, cache: Cache) -> None:
    """Candidate ids that a claim of the store, not loaded, already uses."""
    store = loader.store
    start = store.candidate_start or 0
    candidate_ids = [i for i, w in store.where.items() if w[0] >= start]
    for record_id, (rel, line, col) in cache.find_ids(candidate_ids, loader.from_cache).items():
        w = store.where.pop(record_id)
        other = store.kind_of(record_id)
        first = Location(display_path(store.root / rel), line, col)
        loader.problem(
            Location(store.files[w[0]], w[2], w[3]),
            f"duplicate id {record_id!r}: already used by the claim at {first}",
        )
        # As when both are loaded: the second record is dropped, references to it are
        # not "unknown" (see ``_Loader._register``).
        if other is not None:
            getattr(store, _SECTION_OF[other]).pop(record_id, None)
        loader.failed_ids.add(record_id)


def _exists_in(cache: Cache | None, within: set[str]) -> Callable[[str], bool] | None:
    if cache is None:
        return None
    return lambda record_id: bool(cache.find_ids([record_id], within))


def _problem_order(p: Problem) -> tuple[str, int, int]:
    return (p.location.path, p.location.line, p.location.col)


__all__ = ["Claim", "load_store"]
