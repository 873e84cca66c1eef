"""What the cache's database holds, and how it is read and written: each store file's
stat and content digest, its records in blocks per (subject, property) group, an index
of record ids, and the store's clean-load record.

Opening the SQLite file, its schema and its transactions are
:class:`~claimcheck.store.cache.sqlite.SQLiteFile`'s. Every method degrades to "not
cached" on any error.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Container, Iterable, Sequence
from typing import Any, NamedTuple

from claimcheck.store.cache.rows import (
    Block,
    CacheCorrupt,
    IdRow,
    StatKey,
    entries_of,
    intact,
    rows_of_entries,
    rows_of_json_lines,
)
from claimcheck.store.cache.sqlite import SQLiteFile
from claimcheck.store.store import Entry

#: A file modified this close to its recording is re-hashed rather than trusted.
RACY_NS = 1_000_000_000

#: A file's row while its records wait to be confirmed: a stat key no file has, and a
#: digest no content has (see :meth:`Cache.confirm`).
_PENDING_KEY: StatKey = (-1, -1, -1, -1)
_PENDING = "pending "


class FileRecords(NamedTuple):
    """One file's records to record in the cache (see :meth:`Cache.put_file`)."""

    rel: str
    key: StatKey
    digest: str
    sections: dict[str, list[Entry]]
    finite: bool
    #: When the file was looked at (``time.time_ns()`` before its stat was taken).
    read_ns: int


class Cache(SQLiteFile):
    """The cache of one store. Every method degrades to "not cached" on any error."""

    # -- files -----------------------------------------------------------------------------

    def fresh(self, rel: str, key: StatKey) -> bool:
        """Whether the cached records of ``rel`` can be used without reading the file."""
        entry = self._files.get(rel)
        return entry is not None and entry[:4] == key and key[1] < entry[5] - RACY_NS

    def same_content(self, rel: str, content_digest: str) -> bool:
        entry = self._files.get(rel)
        return entry is not None and entry[4] == content_digest

    def records_of(self, rel: str) -> int | None:
        """How many records ``rel`` held when it was recorded (None: not recorded)."""
        entry = self._files.get(rel)
        return None if entry is None else int(entry[6])

    def digest_of(self, rel: str) -> str | None:
        """The content digest recorded for ``rel``."""
        entry = self._files.get(rel)
        return None if entry is None else str(entry[4])

    def touch(self, rel: str, key: StatKey, content_digest: str, read_ns: int) -> None:
        """Record a new stat for a file whose content is unchanged."""
        self._write(
            lambda db: db.execute(
                "UPDATE files SET size=?, mtime_ns=?, ctime_ns=?, ino=?, written_ns=? "
                "WHERE path=? AND digest=?",
                (*key, read_ns, rel, content_digest),
            )
        )

    # -- the store's clean load -----------------------------------------------------------

    def clean_load(self) -> tuple[str, int] | None:
        """The last clean load recorded: the files' digest (:func:`files_digest_of`) and the
        number of claims they hold, or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='valid'").fetchone()
        except sqlite3.Error as e:
            raise CacheCorrupt from e
        if row is None or not isinstance(row[0], str):
            return None
        files_digest, _, claims = row[0].partition(" ")
        return (files_digest, int(claims)) if claims.isdigit() else None

    def record_clean_load(self, files_digest: str, claims: int) -> None:
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('valid', ?)", (f"{files_digest} {claims}",)
            )
        )

    def drop_clean_load(self) -> None:
        """Forget the clean load (a full load found a problem: the store is not valid)."""
        self._write(lambda db: db.execute("DELETE FROM meta WHERE key='valid'"))

    def entries(
        self,
        rel: str,
        groups: Iterable[tuple[str, str]] | None = None,
        build: Build | None = None,
    ) -> dict[str, list[Entry]]:
        """A cached file's records by section, in file order; claims only of ``groups``.

        ``build``, if given, is handed the claim records a few thousand at a time as they
        are read, and may return what replaces them in the entries (the claims, built:
        the records of a big file are then never all held at once).
        """
        try:
            return self._entries(rel, groups, build)
        except sqlite3.Error as e:
            raise CacheCorrupt from e

    def _entries(
        self, rel: str, groups: Iterable[tuple[str, str]] | None, build: Build | None
    ) -> dict[str, list[Entry]]:
        assert self.db is not None
        out: dict[str, list[Entry]] = {}
        rows: Iterable[tuple[str, bytes, int]]
        if groups is None:
            rows = self.db.execute("SELECT section, data, crc FROM blobs WHERE path=?", (rel,))
        else:
            wanted = list(groups)
            rows = list(
                self.db.execute(
                    "SELECT section, data, crc FROM blobs WHERE path=? AND section != 'claims'",
                    (rel,),
                )
            )
            for subject, prop in wanted:
                rows.extend(
                    self.db.execute(
                        "SELECT section, data, crc FROM blobs "
                        "WHERE path=? AND subject=? AND property=?",
                        (rel, subject, prop),
                    )
                )
        built = 0  # claims handed to ``build``
        for section, data, crc in rows:
            if not intact(data, crc):
                raise CacheCorrupt  # damaged on disk: read the file itself
            entries = out.setdefault(section, [])
            entries.extend(entries_of(data))
            if build is not None and section == "claims" and len(entries) - built >= BUILD_BATCH:
                built = _build(entries, built, build)
        if build is not None and "claims" in out:
            _build(out["claims"], built, build)
        if groups is None and sum(map(len, out.values())) != self._files[rel][6]:
            raise CacheCorrupt  # blocks missing (or more than were written)
        for entries in out.values():
            entries.sort(key=lambda e: e[0])
        return out

    def put_file(
        self,
        rel: str,
        key: StatKey,
        content_digest: str,
        sections: dict[str, list[Entry]],
        *,
        finite: bool = False,
        read_ns: int | None = None,
    ) -> None:
        """Replace the cached records of one file (``finite``: known to hold no NaN or
        infinity, which JSON cannot; otherwise they are looked for). ``read_ns``: when
        the file was looked at, before it was read (default: now).

        A file JSON cannot hold is kept out of the cache: what was recorded of it before
        is dropped, so that no id of its old content is found by a candidate check.
        """
        rows = rows_of_entries(rel, sections, finite=finite)
        if rows is None:
            self.forget_files([rel])
            return
        count = sum(map(len, sections.values()))
        self._put(rel, key, content_digest, *rows, count, read_ns)

    def put_json_lines(
        self,
        rel: str,
        key: StatKey,
        content_digest: str,
        section: str,
        text: str,
        read_ns: int | None = None,
        *,
        pending: bool = False,
    ) -> bool:
        """:meth:`put_file` for a JSON Lines file, from its text (see
        :func:`~claimcheck.store.cache.rows.rows_of_json_lines`). Nothing is recorded of a
        file that is not one JSON mapping a line (its reader reports it): False.
        ``pending``: see :meth:`confirm`."""
        rows = rows_of_json_lines(rel, section, text)
        if rows is None:
            return False
        if pending:  # a row that matches no file, and no content: used by no one yet
            key, content_digest = _PENDING_KEY, _PENDING + content_digest
        self._put(rel, key, content_digest, *rows, read_ns)
        return True

    def confirm(self, rel: str, key: StatKey, content_digest: str) -> None:
        """Make the pending records of ``rel`` usable: give its row the file's stat key and
        content digest."""
        self._write(
            lambda db: db.execute(
                "UPDATE files SET size=?, mtime_ns=?, ctime_ns=?, ino=?, digest=? "
                "WHERE path=? AND digest=?",
                (*key, content_digest, rel, _PENDING + content_digest),
            )
        )

    def withdraw(self, rel: str, content_digest: str) -> None:
        """Drop the pending records of ``rel`` (its reader found a problem in the file)."""

        def write(db: sqlite3.Connection) -> None:
            row = db.execute("SELECT digest FROM files WHERE path=?", (rel,)).fetchone()
            if row is not None and row[0] == _PENDING + content_digest:
                for table in ("blobs", "ids", "files"):
                    db.execute(f"DELETE FROM {table} WHERE path=?", (rel,))

        self._write(write)

    def _put(
        self,
        rel: str,
        key: StatKey,
        content_digest: str,
        blobs: list[Block],
        ids: list[IdRow],
        count: int,
        read_ns: int | None,
    ) -> None:
        written = time.time_ns() if read_ns is None else read_ns

        def write(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM blobs WHERE path=?", (rel,))
            db.execute("DELETE FROM ids WHERE path=?", (rel,))
            db.executemany("INSERT INTO blobs VALUES (?, ?, ?, ?, ?, ?)", blobs)
            db.executemany("INSERT INTO ids VALUES (?, ?, ?, ?)", ids)
            db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (rel, *key, content_digest, written, count),
            )

        self._write(write)

    def record_files(self, files: Iterable[FileRecords]) -> None:
        for f in files:
            self.put_file(f.rel, f.key, f.digest, f.sections, finite=f.finite, read_ns=f.read_ns)

    def forget(self, present: Sequence[str]) -> None:
        """Drop the records of files that no longer exist."""
        kept = set(present)
        self.forget_files([rel for rel in self._files if rel not in kept])

    def forget_files(self, gone: Sequence[str]) -> None:
        """Drop what was recorded of these files."""
        if not gone:
            return
        for rel in gone:
            self._files.pop(rel, None)

        def write(db: sqlite3.Connection) -> None:
            for rel in gone:
                db.execute("DELETE FROM blobs WHERE path=?", (rel,))
                db.execute("DELETE FROM ids WHERE path=?", (rel,))
                db.execute("DELETE FROM files WHERE path=?", (rel,))

        self._write(write)

    def find_ids(
        self, ids: Iterable[str], within: Container[str]
    ) -> dict[str, tuple[str, int, int]]:
        """Where cached records with these ids are, in the files ``within`` (those whose
        records this run took from the cache): ``id -> (file, line, col)``."""
        assert self.db is not None
        out: dict[str, tuple[str, int, int]] = {}
        wanted = list(dict.fromkeys(ids))
        try:
            self._find(wanted, within, out)
        except sqlite3.Error as e:
            raise CacheCorrupt from e
        return out

    def _find(
        self, wanted: list[str], within: Container[str], out: dict[str, tuple[str, int, int]]
    ) -> None:
        assert self.db is not None
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, rel, line, col in self.db.execute(
                f"SELECT id, path, line, col FROM ids WHERE id IN ({marks})", chunk
            ):
                if rel in within:
                    out.setdefault(rid, (rel, line, col))


#: What turns claim records into claims (None: leave them as they are).
Build = Callable[[list[Any]], list[Any] | None]

#: Claim records handed to a ``build`` at a time.
BUILD_BATCH = 20_000


def _build(entries: list[Entry], start: int, build: Build) -> int:
    """Hand the records of the entries from ``start`` on to ``build``; keep what it
    returns in their place. Returns how many entries were handed so far."""
    built = build([e[3] for e in entries[start:]])
    if built is not None:
        entries[start:] = [
            (e[0], e[1], e[2], c) for e, c in zip(entries[start:], built, strict=True)
        ]
    return len(entries)
