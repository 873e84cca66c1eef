"""How a file's records become rows of the cache, and come back.

Records are stored as JSON — never pickle: nothing in the cache can run code — in
blocks: one per (file, section), and for claims one per (file, subject, property), so
that a candidate check reads only the groups it touches. Each block carries a CRC-32,
checked on every read. Ids go to a table of their own, to find collisions.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from claimcheck.store.store import Entry  # what a file reader gives, as kept

#: A block's row: (file, section, subject, property, JSON of its entries, CRC-32).
Block = tuple[str, str, str | None, str | None, bytes, int]

#: An id's row: (id, file, line, column).
IdRow = tuple[str, str, int, int]

#: A file's stat as the cache compares it: (size, mtime_ns, ctime_ns, inode).
StatKey = tuple[int, int, int, int]


class CacheCorrupt(Exception):
    """A cached entry that is not what this package writes: read the file instead."""


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def files_digest_of(digests: Mapping[str, str]) -> str:
    """One digest of a store's files: their paths and the digests of their contents."""
    h = hashlib.blake2b(digest_size=16)
    for rel in sorted(digests):
        h.update(f"{rel}\0{digests[rel]}\n".encode())
    return h.hexdigest()


def stat_key(path: Path) -> StatKey:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.fspath(path)


def group_key(record: Any) -> tuple[str, str]:
    """A claim record's (subject, property), as the models will normalise them."""
    subject, prop = record.get("subject"), record.get("property")
    return (
        unicodedata.normalize("NFC", subject.strip()) if isinstance(subject, str) else str(subject),
        unicodedata.normalize("NFC", prop.strip()) if isinstance(prop, str) else str(prop),
    )


def rows_of_entries(
    rel: str, sections: dict[str, list[Entry]], *, finite: bool
) -> tuple[list[Block], list[IdRow]] | None:
    """The rows of one file's parsed records; None for a file JSON cannot hold (NaN or
    infinity, odd keys, huge numbers, a record that is not a mapping). ``finite``: known
    to hold no NaN or infinity (otherwise they are looked for)."""
    if not finite and has_non_finite(sections):
        return None
    blocks: list[Block] = []
    ids: list[IdRow] = []
    try:
        for section, entries in sections.items():
            if section == "claims":
                by_group: dict[tuple[str, str], list[Entry]] = {}
                for e in entries:
                    by_group.setdefault(group_key(e[3]), []).append(e)
                for (subject, prop), group in by_group.items():
                    blocks.append(_block(rel, section, subject, prop, orjson.dumps(group)))
            else:
                blocks.append(_block(rel, section, None, None, orjson.dumps(entries)))
            for _idx, line, col, rec in entries:
                if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                    # As the models compare ids: NFC ("café" typed either way is one).
                    ids.append((unicodedata.normalize("NFC", rec["id"]), rel, line, col))
    except (TypeError, AttributeError, orjson.JSONEncodeError):
        return None
    return blocks, ids


def rows_of_json_lines(
    rel: str, section: str, text: str
) -> tuple[list[Block], list[IdRow], int] | None:
    """:func:`rows_of_entries` for a JSON Lines file, from its text, and its number of
    records: the same rows, built line by line (each record's own text goes into its
    block, not a copy made from the parsed record), so that a million records are
    recorded without holding a million parsed ones. None for a file that is not one
    JSON mapping a line (its reader reports it)."""
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    keys: dict[tuple[Any, Any], tuple[str, str]] = {}
    ids: list[IdRow] = []
    loads, normalize = orjson.loads, unicodedata.normalize
    claims = section == "claims"
    index = 0
    try:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            rec = loads(line)
            if type(rec) is not dict:
                return None
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
        return None
    blocks = [
        _block(rel, section, subject, prop, f"[{','.join(parts)}]".encode())
        for (subject, prop), parts in groups.items()
    ]
    return blocks, ids, index


def entries_of(data: bytes) -> list[Entry]:
    """The entries of one block (its CRC already checked)."""
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


def intact(data: object, crc: object) -> bool:
    """Whether a block read back is what was written."""
    return isinstance(data, bytes) and zlib.crc32(data) == crc


def _block(rel: str, section: str, subject: str | None, prop: str | None, data: bytes) -> Block:
    return (rel, section, subject, prop, data, zlib.crc32(data))


def has_non_finite(value: Any) -> bool:
    """Whether the data holds a number JSON cannot (NaN, infinity), at any depth."""
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
