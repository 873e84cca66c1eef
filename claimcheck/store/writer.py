"""Writing to a store without ever losing data.

:func:`append_records` adds records to a YAML file: the new records are inserted as text
after the last record of their section, so every byte already in the file — comments,
order, quoting, spacing — stays as it was. The new file is written to a temporary file
in the same folder, flushed to disk and renamed over the old one: a writer killed at
any moment leaves the old file or the new one, never half of one. The writers' lock
(:func:`claimcheck.store.lock.store_lock`) serialises writers, so that concurrent
``add``s all land.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from claimcheck.errors import FileProblem, Location, Problem, StoreError, display_path
from claimcheck.model import SECTIONS
from claimcheck.store.files import (
    JSONL_SUFFIXES,
    decode,
    read_bytes,
    read_text,
)
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.yaml_errors import yaml_problem
from claimcheck.store.yamlfile import load as load_safe


def _round_trip() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def read_candidate(
    path: Path, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None
) -> dict[str, list[Any]]:
    """A candidate file's records by section, keeping comments (round-trip); from
    ``data`` (its bytes, read once) when given.

    Call it on a candidate that has already loaded (see :func:`claimcheck.add.add_candidate`): the
    safe loader has checked its size, nesting and syntax first.
    """
    shown = display_path(path)
    text = _candidate_text(path, shown, limits, data)
    if path.suffix in JSONL_SUFFIXES:
        from claimcheck.store import jsonlfile

        records, _ = jsonlfile.load(text)
        return {jsonlfile.section_of(path): records}
    # Comments keep no carriage return: the target's line ends are applied on insertion.
    lf = text.replace("\r\n", "\n")
    try:
        data = _round_trip().load(lf)
    except YAMLError as e:
        found = yaml_problem(e, lf)
        where = Location(shown, found.location.line, found.location.col)
        raise StoreError([Problem(where, found.message)]) from None
    except (RecursionError, ValueError) as e:
        raise StoreError([Problem(Location(shown, 1, 1), f"invalid YAML: {e}")]) from None
    if not isinstance(data, dict):
        return {}
    size = len(text.encode("utf-8"))
    budget = _Budget(shown, size, limits.max_file_bytes)
    return {  # the section's own list: it holds the comments on its "- " lines
        k: _block(_standalone(v, budget))
        for k, v in data.items()
        if k in SECTIONS and isinstance(v, list) and v
    }


#: Written out, a candidate's aliases may make this many times its size (and at least
#: a megabyte) before ``add`` refuses: a few aliased ids and dates cost nothing, a long
#: text aliased a thousand times would turn a small file into a huge one.
ALIAS_GROWTH = 10


class _Budget:
    """The characters a candidate's records may take once its aliases are written out."""

    def __init__(self, shown: str, size: int, max_file_bytes: int) -> None:
        self.shown, self.size, self.max_file_bytes = shown, size, max_file_bytes
        self.limit = min(max(ALIAS_GROWTH * size, 1 << 20), max_file_bytes)
        self.left = self.limit

    def spend(self, value: Any) -> None:
        self.left -= len(value) if isinstance(value, str) else 8
        if self.left >= 0:
            return
        if self.limit == self.max_file_bytes:
            why = f"over {self.max_file_bytes:,} bytes (limit max-file-bytes)"
        else:
            why = (
                f"over {self.limit:,} bytes from a file of {self.size:,}: more than "
                f"{ALIAS_GROWTH} times its size"
            )
        raise StoreError(
            [
                Problem(
                    Location(self.shown),
                    f"its aliases written out in full, the candidate's records would take {why}; "
                    "nothing was written (write the repeated values fewer times)",
                )
            ]
        )


def _block(items: Any) -> Any:
    """A section's list, written as a block (as the target's sections are)."""
    if hasattr(items, "fa"):
        items.fa.set_block_style()
    return items


def _standalone(value: Any, budget: _Budget) -> Any:
    """``value`` without anchors, its merge keys (``<<: *base``) written out: appended
    wherever its section goes, a record must not lean on an anchor elsewhere, nor bring
    a second ``&name`` into the target. Comments stay. Each occurrence of an alias is
    counted against ``budget``."""
    anchor = getattr(value, "anchor", None)
    if anchor is not None and getattr(anchor, "value", None) is not None:
        anchor.value = None
        anchor.always_dump = False
    if isinstance(value, CommentedMap):
        for key in value:  # a key may carry an anchor too (``&k note: x``)
            _standalone(key, budget)
        if value.merge:
            # The merged keys where the ``<<`` was: the record reads as the candidate
            # does, and a comment after its last key stays before the next record.
            own = [k for k, _ in value.non_merged_items()]
            at = max(0, getattr(value.merge, "merge_pos", 0))
            merged = [k for k in value if k not in own]
            plain = CommentedMap()
            for key in own[:at] + merged + own[at:]:
                plain[key] = _standalone(value[key], budget)
            for key, comment in value.ca.items.items():
                if key in plain:
                    plain.ca.items[key] = comment
            return plain
        for key in value:
            item = value[key]
            if (new := _standalone(item, budget)) is not item:
                value[key] = new
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if (new := _standalone(item, budget)) is not item:
                value[i] = new
    else:
        budget.spend(value)
    return value


def _indent_of(text: str, section: str) -> int:
    """The column at which the section's sequence dashes sit (its offset)."""
    m = re.search(rf"^{re.escape(section)}\s*:\s*\n(?:\s*#.*\n|\s*\n)*( *)- ", text, re.MULTILINE)
    return len(m.group(1)) if m else 2


def _dump_items(section: str, items: list[Any], offset: int) -> str:
    yaml = _round_trip()
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    # A value the candidate wrote once and aliased (see :func:`_standalone`) is written
    # out each time, not as a new anchor.
    yaml.representer.ignore_aliases = lambda data: True
    out = io.StringIO()
    yaml.dump({section: items}, out)
    return out.getvalue().split("\n", 1)[1]


class _Inline(Exception):
    """A section written in flow style (``claims: [...]``): not appended to as text."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def _insert(text: str, section: str, items: list[Any], newline: str = "\n") -> str:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    header = re.compile(rf"^{re.escape(section)}\s*:(.*)$")
    start = next((i for i, line in enumerate(lines) if header.match(line.rstrip("\r\n"))), None)
    if start is None:
        block = _dump_items(section, items, _indent_of(text, "claims") if "- " in text else 2)
        sep = "" if not lines or lines[-1].strip() == "" else newline
        return "".join(lines) + sep + f"{section}:{newline}" + block.replace("\n", newline)
    rest = header.match(lines[start].rstrip("\r\n"))
    inline = rest.group(1).split("#", 1)[0].strip() if rest else ""
    if inline.replace(" ", "").replace("\t", "") == "[]":  # an empty template: a block
        comment = rest.group(1)[rest.group(1).index("]") + 1 :].strip() if rest else ""
        ending = lines[start][len(lines[start].rstrip("\r\n")) :] or newline
        lines[start] = f"{section}:" + (f"  {comment}" if comment else "") + ending
        inline = ""
    if inline:
        raise _Inline(
            start + 1,
            len(section) + 2 + len(rest.group(1)) - len(rest.group(1).lstrip()) if rest else 1,
            f"section {section!r} is written inline ({inline[:20]}); append to it by hand, "
            "write it as a block list, or --to another file",
        )
    dash = _indent_of(text, section)
    last = start
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            # indented past the dashes: a comment inside the last record, which stays in it
            if len(line) - len(line.lstrip(" ")) > dash and last > start:
                last = j
            continue
        if line[0] not in " \t-" or line.startswith(("---", "...")):
            break
        last = j
    block = _dump_items(section, items, dash).replace("\n", newline)
    return "".join(lines[: last + 1]) + block + "".join(lines[last + 1 :])


def new_file_header(root: Path, target: Path) -> str:
    schema = root / "claimcheck.schema.json"
    if not schema.exists():
        return ""
    rel = os.path.relpath(schema.resolve(), target.parent)
    return f"# yaml-language-server: $schema={rel}\n\n"


def leading_comments(data: bytes) -> str:
    """The comment lines a candidate file opens with (its own schema line aside), for a
    new file ``add`` creates from it: "# Day 3: the army's update" is kept."""
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    kept: list[str] = []
    for line in text.split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        if "yaml-language-server:" not in line:
            kept.append(line.rstrip())
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept) + "\n\n" if kept else ""


def append_records(
    root: Path,
    target: Path,
    records: dict[str, list[Any]],
    checked: dict[str, list[Any]] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    header: str = "",
) -> tuple[bytes | None, str]:
    """Append ``records`` (section -> list) to ``target``; return what the file held
    before (None: it did not exist) and the text written.

    ``checked``: the same records as the check read them (:func:`checked_sections`). The
    new text is then read back and must hold exactly the file's old records plus these,
    or nothing is written — so that ``add`` never writes other than what it checked (a
    ``%YAML 1.1`` candidate reads ``yes`` as a string here but would be dumped as
    ``true``; a quoted string holding a line like ``claims:`` would mislead the text
    insertion). A byte-order mark and CRLF line ends are kept. The new text must load
    within ``limits``, as the store's own files must.

    ``header``: text that a new file opens with, after its schema line (the candidate's
    opening comments, :func:`leading_comments`).

    The caller holds :func:`store_lock`. Raises StoreError if the result would not load.
    With no record to append, nothing is written (nor a new file created): the text
    returned is then what the file holds, or would hold, unchanged.
    """
    shown = display_path(target)
    before: bytes | None = None
    nothing = not any(records.get(section) for section in SECTIONS)
    if nothing and not target.exists():
        return None, ""
    if target.exists():
        try:
            before = read_bytes(target, shown, limits)
            old = decode(before, shown)
        except FileProblem as e:
            raise StoreError([e.problem]) from None
    else:
        old = new_file_header(root, target) + header
    if nothing:
        return before, old
    first_end = old.find("\n")
    newline = "\r\n" if first_end > 0 and old[first_end - 1] == "\r" else "\n"
    new = old
    for section in SECTIONS:
        if records.get(section):
            try:
                new = _insert(new, section, records[section], newline)
            except _Inline as e:
                raise StoreError([Problem(Location(shown, e.line, e.col), e.message)]) from None
    if before is not None and before.startswith(b"\xef\xbb\xbf"):
        new = "\ufeff" + new
    size = len(new.encode("utf-8"))
    if size > limits.max_file_bytes:
        raise StoreError(
            [
                Problem(
                    Location(shown),
                    f"appending would make the file {size:,} bytes, over the limit of "
                    f"{limits.max_file_bytes:,} (limit max-file-bytes); nothing was written",
                )
            ]
        )
    try:
        written, _ = load_safe(new.removeprefix("\ufeff"), limits)
    except FileProblem as e:  # never write a file we could not read back
        raise StoreError(
            [
                Problem(
                    Location(shown, e.problem.location.line, e.problem.location.col),
                    f"appending would break the file: {e.problem.message}",
                )
            ]
        ) from None
    if checked is not None:
        expected = _known_sections(load_safe(old, limits)[0] if old.strip() else None)
        for section, items in checked.items():
            expected[section] = expected.get(section, []) + list(items)
        if not _same(_known_sections(written), expected):
            raise StoreError(
                [
                    Problem(
                        Location(shown),
                        "appending here would not add exactly the records checked (the file "
                        "or the candidate reads differently once rewritten: a %YAML 1.1 "
                        "directive, or a quoted string holding a line like 'claims:'); "
                        "nothing was written — add them by hand, or --to another file",
                    )
                ]
            )
    try:
        atomic_write(target, new)
    except OSError as e:
        raise StoreError(
            [Problem(Location(shown), f"cannot write: {e.strerror or e}; the file is unchanged")]
        ) from None
    return before, new


def checked_sections(
    path: Path, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None
) -> dict[str, list[Any]]:
    """A candidate's records by section as the check reads them (plain data); from
    ``data`` (its bytes, read once) when given."""
    shown = display_path(path)
    text = _candidate_text(path, shown, limits, data)
    try:
        if path.suffix in JSONL_SUFFIXES:
            from claimcheck.store import jsonlfile

            records, _ = jsonlfile.load(text, limits=limits)
            return {jsonlfile.section_of(path): records} if records else {}
        data, _ = load_safe(text, limits)
    except FileProblem as e:
        raise StoreError([e.problem]) from None
    return _known_sections(data)


def read_once(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A candidate's bytes, within the limits (StoreError if they cannot be read)."""
    try:
        return read_bytes(path, display_path(path), limits)
    except FileProblem as e:
        raise StoreError([e.problem]) from None


def _candidate_text(path: Path, shown: str, limits: Limits, data: bytes | None) -> str:
    try:
        return read_text(path, shown, limits) if data is None else decode(data, shown)
    except FileProblem as e:
        raise StoreError([e.problem]) from None


def _known_sections(data: Any) -> dict[str, list[Any]]:
    """The store sections of parsed data that hold records (others are left out)."""
    if not isinstance(data, dict):
        return {}
    return {k: list(v) for k, v in data.items() if k in SECTIONS and isinstance(v, list) and v}


def _same(a: Any, b: Any) -> bool:
    """Equal data, a NaN equal to a NaN (a text value may be ``.nan``)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return type(a) is type(b) and bool(a == b)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: temporary file, fsync, rename, fsync the folder."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
