"""A cache of the parsed store, beside it in `.claimcheck-cache/` (ignored by git).

Parsing YAML costs about 0.15 ms a claim; a warm run reads the records of unchanged
files from here instead. The cache is never trusted blindly:

* a file is taken from the cache only when its size, modification time, change time
  and inode match what was recorded, and it was not modified within a second before
  it was read (a "racy" entry is checked against a BLAKE2 hash of its content);
* records are stored as JSON — never pickle, nothing in the cache can run code — with a
  CRC-32 of each stored block, checked on every read (a block damaged on disk is read
  from its file instead), and are validated by the models again on every load, exactly
  like freshly parsed ones;
* a cache of another schema, another store, or one SQLite cannot read is deleted and
  rebuilt; when the folder cannot be written, claimcheck runs without a cache.

Claims are stored per (file, subject, property), so that checking a candidate reads
only the groups it touches; an index of claim ids finds id collisions. Reading only a
few groups cannot see a problem elsewhere in the store (a reference to a document
deleted since, an id used twice), so the cache also keeps the store's *verdict*: a
digest of the content of every store file, recorded when all of them were loaded
together without a problem (or after ``add`` wrote records that were checked against
them). A candidate check reads only its groups when the store's files are still
exactly those; otherwise it reads the whole store, as an uncached check does.

The cache is kept per set of reading limits (``[limits]`` in ``claimcheck.toml``): a
file recorded under other limits is read again, so that a lower limit is never skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
import unicodedata
import zlib
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from claimcheck.store.limits import DEFAULT_LIMITS, Limits

CACHE_DIR = ".claimcheck-cache"
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
#: A file modified this close to its recording is re-hashed rather than trusted.
RACY_NS = 1_000_000_000

#: A file's row while its records wait to be confirmed: a stat key no file has, and a
#: digest no content has (see :meth:`Cache.confirm`).
_PENDING_KEY = (-1, -1, -1, -1)
_PENDING = "pending "

#: One record as cached: (index in its section, line, column, the record as parsed).
Entry = tuple[int, int, int, Any]


class FileRecords(NamedTuple):
    """One file's records to record in the cache (see :meth:`Cache.store_file`)."""

    rel: str
    key: tuple[int, int, int, int]
    digest: str
    sections: dict[str, list[Entry]]
    finite: bool
    #: When the file was looked at (``time.time_ns()`` before its stat was taken).
    read_ns: int


def write_files(root: Path, files: Sequence[FileRecords], limits: Limits = DEFAULT_LIMITS) -> None:
    """Record files in the cache of the store at ``root`` (from a process of its own)."""
    cache = Cache(root, limits)
    if not cache.open():
        return
    try:
        cache.record_files(files)
    finally:
        cache.close()


def write_json_lines(
    root: Path,
    rel: str,
    key: tuple[int, int, int, int],
    content_digest: str,
    section: str,
    text: str,
    read_ns: int,
    limits: Limits = DEFAULT_LIMITS,
    confirm: Callable[[], bool] | None = None,
) -> None:
    """Record one JSON Lines file from its text (see :meth:`Cache.store_json_lines`), from
    a process of its own.

    With ``confirm``, the records are written *pending* — present, but usable by no one:
    their file's row matches no file — and made usable only if ``confirm()`` (which may
    wait for the reader of the file to find it sound) returns True; otherwise they are
    withdrawn. A reader killed meanwhile leaves nothing usable behind.
    """
    cache = Cache(root, limits)
    if not cache.open():
        return
    try:
        if not cache.store_json_lines(
            rel, key, content_digest, section, text, read_ns, pending=confirm is not None
        ):
            return
        if confirm is not None:
            if confirm():
                cache.confirm(rel, key, content_digest)
            else:
                cache.withdraw(rel, content_digest)
    finally:
        cache.close()


#: The files claimcheck writes in its folder by name (the .gitignore is created only
#: where nothing is, never through a link).
_OWN_FILES = (
    "store.sqlite",
    "store.sqlite-wal",
    "store.sqlite-shm",
    "store.sqlite-journal",
    "lock",
)

#: What a refused folder is told with (after :func:`foreign_folder`'s reason).
REFUSED = "claimcheck writes only into a real folder inside the store"


class ForeignFolder(OSError):
    """claimcheck's folder beside the store is a symbolic link, or lies outside the store:
    nothing is written there (it may be anyone's folder, or anyone's database)."""


def foreign_folder(root: Path) -> str | None:
    """Why claimcheck's folder in ``root`` must not be used, or None when it may be (it
    does not exist yet, or it is a real folder inside the store): a symbolic link, even to
    a folder inside the store, is refused, as are the files in it that are links."""
    folder = root / CACHE_DIR
    try:
        if folder.is_symlink():
            return "a symbolic link"
        if not folder.exists():
            return None
        real, store = folder.resolve(), root.resolve()
    except (OSError, RuntimeError):
        return "cannot be read"
    if not real.is_relative_to(store) or real == store:
        return "outside the store"
    for name in _OWN_FILES:
        if (folder / name).is_symlink():
            return f"its {name} is a symbolic link"
    return None


def own_folder(root: Path) -> Path:
    """claimcheck's folder beside the store (the cache, the writers' lock), created if need
    be with a ``.gitignore`` of ``*`` in it, so that git ignores it in any repository.

    Raises :class:`ForeignFolder` when it is a symbolic link or lies outside the store
    (see :func:`foreign_folder`), writing nothing."""
    folder = root / CACHE_DIR
    if (why := foreign_folder(root)) is not None:
        raise ForeignFolder(why)
    folder.mkdir(exist_ok=True)
    if (why := foreign_folder(root)) is not None:  # replaced by a link meanwhile
        raise ForeignFolder(why)
    ignore = folder / ".gitignore"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with contextlib.suppress(OSError):  # there already (or unwritable): left as it is
        fd = os.open(ignore, flags, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# written by claimcheck: nothing here is data\n*\n")
    return folder


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def verdict_of(digests: Mapping[str, str]) -> str:
    """One digest of a store's files: their paths and the digests of their contents."""
    h = hashlib.blake2b(digest_size=16)
    for rel in sorted(digests):
        h.update(f"{rel}\0{digests[rel]}\n".encode())
    return h.hexdigest()


def record_verdict(root: Path, limits: Limits, digests: Mapping[str, str], claims: int) -> None:
    """Record that the store files with these contents load together without a problem
    and hold ``claims`` claims (see :meth:`Cache.verdict`)."""
    cache = Cache(root, limits)
    if not cache.open():
        return
    try:
        cache.record_verdict(verdict_of(digests), claims)
    finally:
        cache.close()


def stat_key(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class Cache:
    """The cache of one store. Every method degrades to "not cached" on any error."""

    def __init__(self, root: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.root = root
        #: Records read under other limits are not these: the cache is kept per limits.
        self.limits = repr(limits)
        self.path = root / CACHE_DIR / "store.sqlite"
        self.db: sqlite3.Connection | None = None
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

    # -- files -----------------------------------------------------------------------------

    def fresh(self, rel: str, key: tuple[int, int, int, int]) -> bool:
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

    def touch(
        self, rel: str, key: tuple[int, int, int, int], content_digest: str, read_ns: int
    ) -> None:
        """Record a new stat for a file whose content is unchanged."""
        self._write(
            lambda db: db.execute(
                "UPDATE files SET size=?, mtime_ns=?, ctime_ns=?, ino=?, written_ns=? "
                "WHERE path=? AND digest=?",
                (*key, read_ns, rel, content_digest),
            )
        )

    # -- the store's verdict -------------------------------------------------------------

    def verdict(self) -> tuple[str, int] | None:
        """The last verdict recorded: the files' digest (:func:`verdict_of`) and the
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

    def record_verdict(self, files_digest: str, claims: int) -> None:
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('valid', ?)", (f"{files_digest} {claims}",)
            )
        )

    def drop_verdict(self) -> None:
        """Forget the verdict (a full load found a problem: the store is not valid)."""
        self._write(lambda db: db.execute("DELETE FROM meta WHERE key='valid'"))

    def entries(
        self, rel: str, groups: Iterable[tuple[str, str]] | None = None
    ) -> dict[str, list[Entry]]:
        """A cached file's records by section, in file order; claims only of ``groups``."""
        try:
            return self._entries(rel, groups)
        except sqlite3.Error as e:
            raise CacheCorrupt from e

    def _entries(
        self, rel: str, groups: Iterable[tuple[str, str]] | None
    ) -> dict[str, list[Entry]]:
        assert self.db is not None
        out: dict[str, list[Entry]] = {}
        rows: list[tuple[str, bytes, int]]
        if groups is None:
            rows = list(
                self.db.execute("SELECT section, data, crc FROM blobs WHERE path=?", (rel,))
            )
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
        for section, data, crc in rows:
            if not isinstance(data, bytes) or zlib.crc32(data) != crc:
                raise CacheCorrupt  # damaged on disk: read the file itself
            out.setdefault(section, []).extend(_entries(data))
        if groups is None and sum(map(len, out.values())) != self._files[rel][6]:
            raise CacheCorrupt  # blocks missing (or more than were written)
        for entries in out.values():
            entries.sort(key=lambda e: e[0])
        return out

    def store_file(
        self,
        rel: str,
        key: tuple[int, int, int, int],
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
        blobs: list[tuple[str, str, str | None, str | None, bytes, int]] = []
        ids: list[tuple[str, str, int, int]] = []
        if not finite and _has_non_finite(sections):
            self.forget_files([rel])  # JSON cannot hold NaN or infinity
            return
        try:
            for section, entries in sections.items():
                if section == "claims":
                    by_group: dict[tuple[str, str], list[Entry]] = {}
                    for e in entries:
                        rec = e[3]
                        by_group.setdefault(group_key(rec), []).append(e)
                    for (subject, prop), group in by_group.items():
                        data = orjson.dumps(group)
                        blobs.append((rel, section, subject, prop, data, zlib.crc32(data)))
                else:
                    data = orjson.dumps(entries)
                    blobs.append((rel, section, None, None, data, zlib.crc32(data)))
                for _idx, line, col, rec in entries:
                    if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                        # As the models compare ids: NFC ("café" typed either way is one).
                        ids.append((unicodedata.normalize("NFC", rec["id"]), rel, line, col))
        except (TypeError, AttributeError, orjson.JSONEncodeError):
            # a record JSON cannot hold (odd keys, huge numbers), or not a mapping
            self.forget_files([rel])
            return
        count = sum(map(len, sections.values()))
        self._store(rel, key, content_digest, blobs, ids, count, read_ns)

    def store_json_lines(
        self,
        rel: str,
        key: tuple[int, int, int, int],
        content_digest: str,
        section: str,
        text: str,
        read_ns: int | None = None,
        *,
        pending: bool = False,
    ) -> bool:
        """:meth:`store_file` for a JSON Lines file, from its text: the same rows, built
        line by line (each record's own text goes into its block, not a copy made from
        the parsed record), so that a million records are recorded without holding a
        million parsed ones. Nothing is recorded of a file that is not one JSON mapping
        a line (its reader reports it): False. ``pending``: see :meth:`confirm`."""
        groups: dict[tuple[str | None, str | None], list[str]] = {}
        keys: dict[tuple[Any, Any], tuple[str, str]] = {}
        ids: list[tuple[str, str, int, int]] = []
        loads, normalize = orjson.loads, unicodedata.normalize
        claims = section == "claims"
        index = 0
        try:
            for number, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                rec = loads(line)
                if type(rec) is not dict:
                    return False
                group: tuple[str | None, str | None] = (None, None)
                if claims:
                    raw = (rec.get("subject"), rec.get("property"))
                    found = keys.get(raw) if type(raw[0]) is type(raw[1]) is str else None
                    group = found or group_key(rec)
                    if found is None and type(raw[0]) is type(raw[1]) is str:
                        keys[raw] = group
                parts = groups.get(group)
                if parts is None:
                    parts = groups[group] = []
                parts.append(f"[{index},{number},1,{line}]")
                record_id = rec.get("id")
                if type(record_id) is str:
                    ids.append((normalize("NFC", record_id), rel, number, 1))
                index += 1
        except (orjson.JSONDecodeError, TypeError):
            return False
        blobs = []
        for (subject, prop), parts in groups.items():
            data = f"[{','.join(parts)}]".encode()
            blobs.append((rel, section, subject, prop, data, zlib.crc32(data)))
        if pending:  # a row that matches no file, and no content: used by no one yet
            key, content_digest = _PENDING_KEY, _PENDING + content_digest
        self._store(rel, key, content_digest, blobs, ids, index, read_ns)
        return True

    def confirm(self, rel: str, key: tuple[int, int, int, int], content_digest: str) -> None:
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

    def _store(
        self,
        rel: str,
        key: tuple[int, int, int, int],
        content_digest: str,
        blobs: list[tuple[str, str, str | None, str | None, bytes, int]],
        ids: list[tuple[str, str, int, int]],
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
            self.store_file(f.rel, f.key, f.digest, f.sections, finite=f.finite, read_ns=f.read_ns)

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


def relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.fspath(path)


class CacheCorrupt(Exception):
    """A cached entry that is not what this module writes: read the file instead."""


def _entries(data: bytes) -> list[Entry]:
    try:
        items = orjson.loads(data)
        out = []
        for e in items:
            idx, line, col, rec = e
            if not (isinstance(idx, int) and isinstance(line, int) and isinstance(col, int)):
                raise CacheCorrupt
            out.append((idx, line, col, rec))
        return out
    except (orjson.JSONDecodeError, TypeError, ValueError) as e:
        raise CacheCorrupt from e


def _well_formed(row: tuple[Any, ...]) -> bool:
    path, size, mtime, ctime, ino, content_digest, written, records = row
    return (
        isinstance(path, str)
        and all(type(n) is int for n in (size, mtime, ctime, ino, written, records))
        and isinstance(content_digest, str)
    )


def group_key(record: Any) -> tuple[str, str]:
    """A claim record's (subject, property), as the models will normalise them."""
    subject, prop = record.get("subject"), record.get("property")
    return (
        unicodedata.normalize("NFC", subject.strip()) if isinstance(subject, str) else str(subject),
        unicodedata.normalize("NFC", prop.strip()) if isinstance(prop, str) else str(prop),
    )


def _has_non_finite(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False
