"""One load of a store through its cache: which files come from it, which are recorded.

The loader (:mod:`claimcheck.store.loader`) reads and validates; this decides, file by
file, whether the records can be taken from the cache (the file's stat, or else its
content digest, unchanged), hands what was read afresh to be recorded — now, in a writer
started as soon as a big JSON Lines file is read, or after the load — and keeps the
store's clean-load record up to date.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from claimcheck.errors import Location, Problem, display_path
from claimcheck.store.cache.background import Writers, write_files
from claimcheck.store.cache.database import Cache, FileRecords
from claimcheck.store.cache.folder import CACHE_DIR, REFUSED, foreign_folder
from claimcheck.store.cache.rows import (
    CacheCorrupt,
    Entry,
    digest,
    files_digest_of,
    group_key,
    relative,
    stat_key,
)
from claimcheck.store.files import JSONL_SUFFIXES
from claimcheck.store.jsonlfile import section_of
from claimcheck.store.limits import Limits

#: With ``background``, the cache is recorded by a child process from this many records
#: to record (a million claims take over ten seconds to record; a few hundred, nothing);
#: a JSON Lines file of this many lines, by a child of its own while it is validated.
BACKGROUND_FROM = 10_000


class Reader(Protocol):
    """What the cache asks of the loader: read, parse and validate one file."""

    problems: list[Problem]

    def build(self, records: list[Any]) -> list[Any] | None:
        """The claims of these claim records, or None (see :meth:`Cache.entries`)."""

    def read(self, path: Path) -> tuple[bytes, str] | None: ...

    def parse_text(self, path: Path, data: bytes, text: str, build: bool = False) -> Any: ...

    def add_parsed(
        self, path: Path, parsed: Any, for_cache: bool = True
    ) -> dict[str, list[Entry]] | None: ...

    def add_records(self, path: Path, entries: dict[str, list[Entry]]) -> bool: ...

    def add_file(self, path: Path) -> None: ...

    def skip(self, path: Path) -> None: ...

    def recheck_empty(self, path: Path, data: bytes | None = None, text: str = "") -> None: ...


class CachedLoad:
    """The cache of one store, during one load. Every step degrades to reading the file."""

    def __init__(self, root: Path, limits: Limits, cache: Cache) -> None:
        self.root = root
        self.limits = limits
        self.cache = cache
        self.writers = Writers(root, limits)
        #: Files read afresh, to record.
        self.records: list[FileRecords] = []
        #: Store files whose records this load took from the cache (relative paths).
        self.from_cache: set[str] = set()
        #: The content digest of every store file, by relative path (None for a file
        #: that could not be read).
        self.digests: dict[str, str | None] = {}

    @classmethod
    def open(cls, root: Path, limits: Limits, warnings: list[Problem]) -> CachedLoad | None:
        """The cache of the store at ``root``, or None when it cannot be used (a folder
        that is not claimcheck's own is refused with a warning)."""
        if (why := foreign_folder(root)) is not None:
            warnings.append(
                Problem(
                    Location(display_path(root / CACHE_DIR)),
                    f"{why}: not used ({REFUSED}); running without the cache",
                )
            )
        cache = Cache(root, limits)
        return cls(root, limits, cache) if cache.open() else None

    def forget_missing(self, files: Sequence[Path]) -> None:
        """Drop the records of files that are no longer in the store."""
        self.cache.forget([relative(self.root, p) for p in files])

    def add_file(
        self,
        reader: Reader,
        path: Path,
        groups: set[tuple[str, str]] | None,
        early: bool,
    ) -> None:
        """Load one store file, from the cache if it is unchanged (only the claims of
        ``groups``, if given); else through ``reader``, to be recorded (``early``: a big
        JSON Lines file by a writer of its own, at once)."""
        cache = self.cache
        rel = relative(self.root, path)
        self.digests[rel] = None
        if not _storable(rel):  # a name that is not UTF-8 cannot be a key of the cache
            reader.add_file(path)
            return
        read_ns = time.time_ns()  # before the stat: a later write counts as a change
        try:
            key = stat_key(path)
        except OSError:
            reader.add_file(path)
            return
        if cache.fresh(rel, key):
            try:
                self._add_cached(reader, path, rel, groups)
                self.digests[rel] = cache.digest_of(rel)
                if cache.records_of(rel) == 0:
                    reader.recheck_empty(path)
                return
            except CacheCorrupt:
                pass  # read the file itself
        read = reader.read(path)
        if read is None:
            reader.skip(path)
            return
        data, text = read
        content = digest(data)
        if cache.same_content(rel, content):
            try:
                self._add_cached(reader, path, rel, groups)
                self.digests[rel] = content
                cache.touch(rel, key, content, read_ns)
                if cache.records_of(rel) == 0:
                    reader.recheck_empty(path, data, text)
                return
            except CacheCorrupt:
                pass  # parse it below, and record it again
        recording = (
            early
            and path.suffix in JSONL_SUFFIXES
            and text.count("\n") >= BACKGROUND_FROM
            and self.writers.record_json_lines(
                cache, rel, section_of(path), text, key, content, read_ns
            )
        )
        problems = len(reader.problems)
        # Recorded from the text by a writer of its own: its records need not be kept.
        parsed = reader.parse_text(path, data, text, build=bool(recording))
        if parsed is None:
            reader.skip(path)
        elif recording:
            reader.add_parsed(path, parsed, for_cache=False)
            self.digests[rel] = content
        if recording:
            self.writers.tell(rel, sound=parsed is not None and len(reader.problems) == problems)
            return
        if parsed is None:
            return
        entries = reader.add_parsed(path, parsed)
        self.digests[rel] = content
        if entries is not None:
            # orjson refuses NaN and infinities: JSON Lines records need no search for them.
            finite = path.suffix in JSONL_SUFFIXES
            self.records.append(FileRecords(rel, key, content, entries, finite, read_ns))

    def _add_cached(
        self, reader: Reader, path: Path, rel: str, groups: set[tuple[str, str]] | None
    ) -> None:
        # A cached record that does not validate was not written by us: read the file.
        entries = self.cache.entries(rel, groups, reader.build)
        if not reader.add_records(path, entries):
            raise CacheCorrupt
        self.from_cache.add(rel)

    def files_read(self, background: bool) -> None:
        """Every store file is loaded: wait for the JSON Lines writers, and record the
        other files now — unless there are many and ``background``: then they are
        recorded by :meth:`close`, by a child, while the caller goes on."""
        self.writers.wait()
        many = sum(len(e) for f in self.records for e in f.sections.values()) >= BACKGROUND_FROM
        if not (background and many):
            self.cache.record_files(self.records)
            self.records = []

    def verified(self) -> int | None:
        """The number of claims of the store, if its files are exactly those of its last
        clean load (they loaded together without a problem); else None."""
        recorded = self.cache.clean_load()
        if recorded is None or recorded[0] != self.files_digest():
            return None
        return recorded[1]

    def elsewhere(self, ids: Iterable[str]) -> dict[str, tuple[str, int, int]]:
        """Where records with these ids are in the files taken from the cache but not
        loaded (a partial load): ``id -> (file, line, col)``."""
        return self.cache.find_ids(ids, self.from_cache)

    def exists(self) -> Callable[[str], bool]:
        """Whether a record with an id is in the files taken from the cache."""
        return lambda record_id: bool(self.cache.find_ids([record_id], self.from_cache))

    def update_clean_load(self, problems: bool, candidates: bool, claims: int) -> None:
        """After a full load: record that the store's files load without a problem, or
        forget a clean load that a problem found now contradicts."""
        cache = self.cache
        recorded = cache.clean_load()
        if problems:
            if recorded is not None and not candidates:
                cache.drop_clean_load()
            return
        files_digest = self.files_digest()
        if not candidates and files_digest is not None and recorded != (files_digest, claims):
            cache.record_clean_load(files_digest, claims)

    def files_digest(self) -> str | None:
        """The digest of the store's files (see :func:`files_digest_of`); None if one is
        unknown."""
        known = self.known_digests()
        return None if known is None else files_digest_of(known)

    def known_digests(self) -> dict[str, str] | None:
        """The files' digests, if every one is known."""
        known = {rel: d for rel, d in self.digests.items() if d is not None}
        return known if len(known) == len(self.digests) else None

    def close(self) -> None:
        """Close the cache, once every JSON Lines writer is told and done."""
        self.writers.wait()  # on any way out: no writer is left waiting for a word
        self.cache.close()

    def record_rest(self, here: bool) -> None:
        """Record the files :meth:`files_read` left, once the cache is closed (its
        connection must not cross a fork): by a child, waited for by :meth:`wait`; or
        ``here``, and where no child can be started."""
        records, self.records = self.records, []
        if records and (here or not self.writers.record_files(records)):
            write_files(self.root, records, self.limits)

    def wait(self) -> None:
        """Wait for the child recording the files (see :meth:`close`)."""
        self.writers.wait()


def touched_groups(claims: Iterable[Any]) -> set[tuple[str, str]]:
    """The (subject, property) groups of these claim records, as parsed."""
    groups: set[tuple[str, str]] = set()
    for record in claims:
        if isinstance(record, dict):
            subject, prop = record.get("subject"), record.get("property")
            if isinstance(subject, str) and isinstance(prop, str):
                groups.add(group_key(record))
    return groups


def record_clean_load_after_write(
    root: Path,
    limits: Limits,
    digests: dict[str, str],
    claims: int,
    target: Path,
    before: bytes | None,
    after: str,
) -> None:
    """The store as a write left it is the store checked before it (its files'
    ``digests``, holding ``claims`` claims in all) with ``target`` now ``after`` (and
    ``before`` before, None if it did not exist): record that clean load, so that the next
    candidate check reads only its groups — unless the target had changed since the
    check read it."""
    if not digests:
        return
    rel = relative(root.resolve(), target.resolve())
    if digests.get(rel) != (digest(before) if before is not None else None):
        return
    record_clean_load(root, limits, {**digests, rel: digest(after.encode("utf-8"))}, claims)


def record_clean_load(root: Path, limits: Limits, digests: Mapping[str, str], claims: int) -> None:
    """Record that the store files with these contents load together without a problem
    and hold ``claims`` claims (see :meth:`Cache.clean_load`)."""
    cache = Cache(root, limits)
    if not cache.open():
        return
    try:
        cache.record_clean_load(files_digest_of(digests), claims)
    finally:
        cache.close()


def _storable(rel: str) -> bool:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
