"""The cache during one load of the store: which files' records it holds, recording
those read afresh, and the store's clean-load record.

:func:`~claimcheck.store.load.load_store` asks, file by file, whether the cache holds
the file's records (its stat, or else its content digest, unchanged) and takes them;
what it reads afresh it hands back here to be recorded — now, by a writer started as
soon as a big JSON Lines file is read, or after the load. The cache never reads a file
itself, nor knows who reads them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from claimcheck.errors import Location, Problem, display_path
from claimcheck.store.cache.background import Writers, write_files
from claimcheck.store.cache.database import Build, Cache, FileRecords
from claimcheck.store.cache.folder import CACHE_DIR, REFUSED, foreign_folder
from claimcheck.store.cache.rows import (
    StatKey,
    files_digest_of,
    group_key,
    relative,
    stat_key,
)
from claimcheck.store.files import JSONL_SUFFIXES
from claimcheck.store.jsonlfile import section_of
from claimcheck.store.limits import Limits
from claimcheck.store.store import Entry

#: With ``background``, the cache is recorded by a child process from this many records
#: to record (a million claims take over ten seconds to record; a few hundred, nothing);
#: a JSON Lines file of this many lines, by a child of its own while it is validated.
BACKGROUND_FROM = 10_000


class CacheKey(NamedTuple):
    """A store file's key in the cache: its path relative to the store, its stat key,
    and when it was looked at (``time.time_ns()`` before its stat was taken)."""

    rel: str
    stat: StatKey
    read_ns: int


class CacheSession:
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
    def open(cls, root: Path, limits: Limits, warnings: list[Problem]) -> CacheSession | None:
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

    def begin_file(self, path: Path) -> CacheKey | None:
        """Start loading the store file at ``path``: how the cache knows it, or None when
        it cannot be cached (a name that is not UTF-8, a file whose stat fails)."""
        rel = relative(self.root, path)
        self.digests[rel] = None
        if not _storable(rel):  # a name that is not UTF-8 cannot be a key of the cache
            return None
        read_ns = time.time_ns()  # before the stat: a later write counts as a change
        try:
            key = stat_key(path)
        except OSError:
            return None
        return CacheKey(rel, key, read_ns)

    def fresh(self, file: CacheKey) -> bool:
        """Whether the cached records of ``file`` can be used without reading it."""
        return self.cache.fresh(file.rel, file.stat)

    def same_content(self, file: CacheKey, content: str) -> bool:
        """Whether the cached records of ``file`` are of this content (its digest)."""
        return self.cache.same_content(file.rel, content)

    def entries(
        self, file: CacheKey, groups: set[tuple[str, str]] | None, build: Build
    ) -> dict[str, list[Entry]]:
        """The cached records of ``file`` (only the claims of ``groups``, if given), claims
        built by ``build``; raises :class:`CacheCorrupt` for a block damaged on disk."""
        return self.cache.entries(file.rel, groups, build)

    def took_from_cache(self, file: CacheKey, content: str | None = None) -> None:
        """The records of ``file`` were taken from the cache (``content``: its digest,
        when the file was read to compare it; its new stat is recorded)."""
        self.from_cache.add(file.rel)
        if content is None:
            self.digests[file.rel] = self.cache.digest_of(file.rel)
        else:
            self.digests[file.rel] = content
            self.cache.touch(file.rel, file.stat, content, file.read_ns)

    def held_no_records(self, file: CacheKey) -> bool:
        """Whether ``file`` had no records when it was recorded."""
        return self.cache.records_of(file.rel) == 0

    def record_json_lines_now(self, path: Path, file: CacheKey, text: str, content: str) -> bool:
        """Have a big JSON Lines file recorded from its text by a writer of its own, at
        once, while it is validated; False (nothing started) for another file, or where
        no writer can be started. Its reader then says whether it is sound
        (:meth:`confirm_or_withdraw`)."""
        return (
            path.suffix in JSONL_SUFFIXES
            and text.count("\n") >= BACKGROUND_FROM
            and self.writers.record_json_lines(
                self.cache, file.rel, section_of(path), text, file.stat, content, file.read_ns
            )
        )

    def confirm_or_withdraw(self, file: CacheKey, sound: bool) -> None:
        """Tell the writer of ``file`` (see :meth:`record_json_lines_now`) whether the
        file is sound: its records become usable, or are withdrawn."""
        self.writers.confirm_or_withdraw(file.rel, sound=sound)

    def read_afresh(
        self, path: Path, file: CacheKey, content: str, entries: dict[str, list[Entry]] | None
    ) -> None:
        """``file`` was read and registered: record its ``entries`` (None: nothing to
        record — it had a problem, or its writer records it)."""
        self.digests[file.rel] = content
        if entries is not None:
            # orjson refuses NaN and infinities: JSON Lines records need no search for them.
            finite = path.suffix in JSONL_SUFFIXES
            self.records.append(
                FileRecords(file.rel, file.stat, content, entries, finite, file.read_ns)
            )

    def files_read(self, background: bool) -> None:
        """Every store file is loaded: wait for the JSON Lines writers, and record the
        other files now — unless there are many and ``background``: then they are
        recorded by :meth:`record_rest`, by a child, while the caller goes on."""
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
        """Wait for the child recording the files (see :meth:`record_rest`)."""
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


def _storable(rel: str) -> bool:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
