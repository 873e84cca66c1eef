"""Reading JSON Lines store files: one record a line, for bulk data."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

import orjson

from claimcheck.errors import FileProblem, Location, Problem
from claimcheck.model import SECTIONS
from claimcheck.store.yamlfile import RecordPos


def section_of(path: PurePath) -> str:
    """The section a JSONL file holds: its name's first word, else ``claims``."""
    first = re.split(r"[-_.\s]", path.name, maxsplit=1)[0].lower()
    return first if first in SECTIONS else "claims"


def load(text: str, want_keys: bool = False) -> tuple[list[Any], list[RecordPos]]:
    """Parse every non-blank line; return the records and where each starts."""
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
        records.append(record)
        positions.append(RecordPos((number, 1), _key_columns(line, number) if want_keys else None))
    return records, positions


def _key_columns(line: str, number: int) -> dict[str, tuple[int, int]]:
    """Where each top-level key's value starts on the line (approximate, for errors)."""
    out: dict[str, tuple[int, int]] = {}
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:\s*', line):
        out.setdefault(m.group(1), (number, m.end() + 1))
    return out
