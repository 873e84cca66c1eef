"""Reading JSON Lines store files: one record a line, for bulk data."""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

import orjson

from claimcheck.errors import FileProblem, Location, Problem
from claimcheck.model import SECTIONS
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.yamlfile import RecordPos


def section_of(path: PurePath) -> str:
    """The section a JSONL file holds: its name's first word, else ``claims``."""
    first = re.split(r"[-_.\s]", path.name, maxsplit=1)[0].lower()
    return first if first in SECTIONS else "claims"


def load(
    text: str, want_keys: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Any], list[RecordPos]]:
    """Parse every non-blank line; return the records and where each starts.

    Raises :class:`FileProblem` for a line that is not JSON, repeats a key, nests deeper
    or holds a longer string than the limits allow.
    """
    records: list[Any] = []
    positions: list[RecordPos] = []
    loads = orjson.loads
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = loads(line)
        except orjson.JSONDecodeError as e:
            raise FileProblem(
                Problem(Location("", number, e.colno or 1), f"invalid JSON: {e.msg}")
            ) from None
        if isinstance(record, dict):
            _check_record(record, line, number, limits)
        records.append(record)
        positions.append(RecordPos((number, 1), _key_columns(line, number) if want_keys else None))
    return records, positions


def _key_columns(line: str, number: int) -> dict[str, tuple[int, int]]:
    """Where each top-level key's value starts on the line (approximate, for errors)."""
    out: dict[str, tuple[int, int]] = {}
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:\s*', line):
        out.setdefault(m.group(1), (number, m.end() + 1))
    return out


def _check_record(record: dict[str, Any], line: str, number: int, limits: Limits) -> None:
    """Duplicate keys (orjson keeps the last silently), nesting and string length."""
    for key in record:
        # A key written twice shows twice in the line; confirm with the slower parser.
        if line.count(f'"{key}"') > 1 and _has_duplicate_keys(line):
            raise FileProblem(Problem(Location("", number, 1), "invalid JSON: duplicate key"))
    if len(line) > limits.max_string:
        for value in _strings(record):
            if len(value) > limits.max_string:
                raise FileProblem(
                    Problem(
                        Location("", number, 1),
                        f"a string of {len(value):,} characters, over the limit of "
                        f"{limits.max_string:,} (limit max-string)",
                    )
                )
    nested = [v for v in record.values() if isinstance(v, dict | list)]
    if nested:
        stack: list[tuple[Any, int]] = [(v, 4) for v in nested]  # a record is level 3
        while stack:
            value, depth = stack.pop()
            if depth > limits.max_depth:
                raise FileProblem(
                    Problem(
                        Location("", number, 1),
                        f"nesting deeper than {limits.max_depth} levels; refusing to read it "
                        "(limit max-depth)",
                    )
                )
            children = value.values() if isinstance(value, dict) else value
            stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))


def _has_duplicate_keys(line: str) -> bool:
    found = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal found
        keys = [k for k, _ in items]
        found = found or len(keys) != len(set(keys))
        return dict(items)

    json.loads(line, object_pairs_hook=pairs)
    return found


def _strings(value: Any) -> list[str]:
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out
