"""Reading JSON Lines store files: one record a line, for bulk data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

import orjson

from claimcheck.errors import FileProblem, Location, Problem
from claimcheck.model import SECTION_OF, SECTIONS
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.yamlfile import RecordPos


def section_of(path: PurePath) -> str:
    """The section a JSONL file holds: its name's first word (``outlets-2023.jsonl``, or
    in the singular, ``outlet.jsonl``), else ``claims``."""
    first = re.split(r"[-_.\s]", path.name, maxsplit=1)[0].lower()
    if first in SECTIONS:
        return first
    return SECTION_OF.get(first, "claims")


def load(
    text: str,
    want_keys: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[float], None] | None = None,
    build: Callable[[list[Any]], list[Any] | None] | None = None,
) -> tuple[list[Any], list[RecordPos]]:
    """Parse every non-blank line; return the records and where each starts.

    Raises :class:`FileProblem` for a line that is not JSON, repeats a key, nests deeper
    or holds a longer string than the limits allow. ``progress`` is told the share of
    the lines read, every few thousand lines. ``build``, if given, is handed the records
    of each few thousand lines as they are read, and may return what replaces them (the
    validated objects: a big file's parsed mappings are then never all held at once).
    """
    records: list[Any] = []
    positions: list[RecordPos] = []
    problems: list[Problem] = []
    loads = orjson.loads
    lines = text.split("\n")
    handed = 0  # records handed to ``build``
    # In blocks, so that telling the progress costs nothing per line.
    for first in range(0, len(lines), PROGRESS_LINES):
        if progress is not None and first:
            progress(first / len(lines))
        if build is not None and not problems:
            handed = _build(records, handed, build)
        for number, line in enumerate(lines[first : first + PROGRESS_LINES], start=first + 1):
            if not line.strip():
                continue
            try:
                record = loads(line)
                if isinstance(record, dict):
                    _check_record(record, line, number, limits)
            except orjson.JSONDecodeError as e:
                # Every line is a record of its own: the next ones are still read.
                problems.append(
                    Problem(Location("", number, e.colno or 1), f"invalid JSON: {e.msg}")
                )
            except FileProblem as e:
                problems.append(e.problem)
            else:
                records.append(record)
                positions.append(
                    _key_columns(line, number) if want_keys else RecordPos((number, 1))
                )
                continue
            if len(problems) >= MAX_LINE_PROBLEMS:
                break
        if len(problems) >= MAX_LINE_PROBLEMS:
            break
    if problems:
        raise FileProblem(problems[0], problems[1:])
    if build is not None:
        _build(records, handed, build)
    return records, positions


def _build(records: list[Any], start: int, build: Callable[[list[Any]], list[Any] | None]) -> int:
    """Hand the records from ``start`` on to ``build``, keep what it returns in their
    place; return how many records were handed so far."""
    if start < len(records):
        built = build(records[start:])
        if built is not None:
            records[start:] = built
    return len(records)


#: Lines read between two words to ``progress``.
PROGRESS_LINES = 20_000

#: A file this broken is reported by its first lines: enough to see what is wrong.
MAX_LINE_PROBLEMS = 200


def _key_columns(line: str, number: int) -> RecordPos:
    """Where each top-level key and its value start on the line (approximate, for errors)."""
    values: dict[str, tuple[int, int]] = {}
    names: dict[str, tuple[int, int]] = {}
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:\s*', line):
        values.setdefault(m.group(1), (number, m.end() + 1))
        names.setdefault(m.group(1), (number, m.start() + 1))
    return RecordPos((number, 1), values, names)


def _check_record(record: dict[str, Any], line: str, number: int, limits: Limits) -> None:
    """Duplicate keys (orjson keeps the last silently), nesting and string length."""
    # Every key and string of a line without escapes is a token of two quote marks: a
    # line with as many marks as the record has keys and strings (at every level) holds
    # nothing that orjson dropped. Otherwise, or on a line with escapes where a key
    # written twice shows twice, the slower parser decides.
    tokens = len(record)
    nested: list[tuple[Any, int]] = []
    for value in record.values():
        if type(value) is str:
            tokens += 1
        elif isinstance(value, dict | list):
            nested.append((value, 4))  # a record is level 3
    while nested:
        value, depth = nested.pop()
        if depth > limits.max_depth:
            raise FileProblem(
                Problem(
                    Location("", number, 1),
                    f"nesting deeper than {limits.max_depth} levels; refusing to read it "
                    "(limit max-depth)",
                )
            )
        if isinstance(value, dict):
            tokens += len(value)
            value = value.values()
        for child in value:
            if type(child) is str:
                tokens += 1
            elif isinstance(child, dict | list):
                nested.append((child, depth + 1))
    if "\\" in line:
        suspect = any(line.count(f'"{key}"') > 1 for key in record)
    else:
        suspect = line.count('"') != 2 * tokens
    repeated = _repeated_key(line) if suspect else None
    if repeated is not None:
        raise FileProblem(
            Problem(Location("", number, 1), f"invalid JSON: duplicate key {repeated!r}")
        )
    if len(line) > limits.max_string:
        for text in _strings(record):
            if len(text) > limits.max_string:
                raise FileProblem(
                    Problem(
                        Location("", number, 1),
                        f"a string of {len(text):,} characters, over the limit of "
                        f"{limits.max_string:,} (limit max-string)",
                    )
                )


def _repeated_key(line: str) -> str | None:
    """The first key a mapping of the line repeats, if any."""
    found: str | None = None

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal found
        seen: set[str] = set()
        for k, _ in items:
            if k in seen and found is None:
                found = k
            seen.add(k)
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
