"""The cache's SQLite file, ``store.sqlite`` in claimcheck's folder beside the store:
its schema, opening it, rebuilding it, and writing to it in transactions.

Other processes may use it at the same time (SQLite in WAL mode, every write one
transaction): a cache of another schema, another store or other limits is rebuilt in
place, one SQLite cannot read is deleted and rebuilt, and when the folder cannot be
written claimcheck runs without a cache. What the file holds, and how it is read and
written, is :class:`~claimcheck.store.cache.database.Cache`'s.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.store.cache.folder import CACHE_DIR, own_folder
from claimcheck.store.limits import DEFAULT_LIMITS, Limits

SCHEMA = "claimcheck-cache 4"
_SCHEMA_STATEMENTS = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, size INT, mtime_ns INT, ctime_ns INT, ino INT, "
    "digest TEXT, written_ns INT, records INT)",
    "CREATE TABLE blobs (path TEXT, section TEXT, subject TEXT, property TEXT, data BLOB, crc INT)",
    "CREATE INDEX blobs_path ON blobs (path)",
    "CREATE INDEX blobs_group ON blobs (subject, property)",
    "CREATE TABLE ids (id TEXT, path TEXT, line INT, col INT)",
    "CREATE INDEX ids_id ON ids (id)",
    "CREATE INDEX ids_path ON ids (path)",
)


class SQLiteFile:
    """The cache's SQLite file, open or not. Opening degrades to "no cache"; a write
    that fails is dropped (a cache that cannot be written is only a slower run)."""

    def __init__(self, root: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.root = root
        #: Records read under other limits are not these: the cache is kept per limits.
        self.limits = repr(limits)
        self.path = root / CACHE_DIR / "store.sqlite"
        self.db: sqlite3.Connection | None = None
        #: Each recorded file's row of ``files`` (stat key, digest, when, records), by path.
        self._files: dict[str, tuple[Any, ...]] = {}

    # -- opening -------------------------------------------------------------------------

    def open(self) -> bool:
        """Open (or create, or rebuild) the cache; False when it cannot be used."""
        for attempt in range(2):
            try:
                own_folder(self.root)
            except OSError:  # a link, a folder outside the store, one that cannot be made
                return False
            try:
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._prepare()
                rows = self.db.execute(
                    "SELECT path, size, mtime_ns, ctime_ns, ino, digest, written_ns, records "
                    "FROM files"
                )
                # A row of the wrong types was not written by us: that file is read.
                self._files = {row[0]: tuple(row[1:]) for row in rows if _well_formed(row)}
                return True
            except (sqlite3.Error, OSError):
                pass
            self.close()
            # Not a database at all: delete it (a readable one is rebuilt in place).
            if attempt == 0 and not self._reset():
                return False
        return False

    def _prepare(self) -> None:
        """Check the cache is ours and of this schema; else rebuild it, in one transaction.

        Other processes may use the cache at the same time: the file is never deleted
        here, and no one ever sees it half created.
        """
        assert self.db is not None
        if self._is_ours():
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if not self._is_ours():  # another process may have just built it
                for table in ("meta", "files", "blobs", "ids"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in _SCHEMA_STATEMENTS:
                    self.db.execute(statement)
                self.db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema", SCHEMA),
                        ("root", str(self.root.resolve())),
                        ("limits", self.limits),
                    ],
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _is_ours(self) -> bool:
        assert self.db is not None
        found = self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if {r[0] for r in found} != {"meta", "files", "blobs", "ids"}:
            return False
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        return (
            meta.get("schema") == SCHEMA
            and meta.get("root") == str(self.root.resolve())
            and meta.get("limits") == self.limits
        )

    def _reset(self) -> bool:
        """Delete a foreign or corrupt cache so that it is rebuilt."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            except OSError:
                return False
        return True

    def reopen(self) -> None:
        """Close and open again (a connection must not cross a fork: close it before one,
        then reopen); if it cannot be opened again, the rest of the run is uncached."""
        self.close()
        if not self.open():
            self.close()
            self._files = {}

    def close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None

    def _write(self, action: Any) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                action(self.db)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass  # a cache that cannot be written is only a slower run


def _well_formed(row: tuple[Any, ...]) -> bool:
    path, size, mtime, ctime, ino, content_digest, written, records = row
    return (
        isinstance(path, str)
        and all(type(n) is int for n in (size, mtime, ctime, ino, written, records))
        and isinstance(content_digest, str)
    )
