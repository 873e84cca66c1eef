"""Finding a store's files and reading them as text, with clear errors for bad bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.errors import FileProblem, Location, Problem
from claimcheck.store.limits import Limits

YAML_SUFFIXES = (".yaml", ".yml")
JSONL_SUFFIXES = (".jsonl",)
#: Folder names never read as part of a store.
SKIPPED_DIRS = {".claimcheck-cache", ".git", "__pycache__", "node_modules"}


def store_files(root: Path) -> list[Path]:
    """Every ``*.yaml``, ``*.yml`` and ``*.jsonl`` under ``root``, sorted; hidden ones skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            if name.endswith(YAML_SUFFIXES + JSONL_SUFFIXES):
                found.append(Path(dirpath) / name)
    return sorted(found)


def read_bytes(path: Path, shown: str, limits: Limits) -> bytes:
    """The bytes of a regular file, refusing files over the size limit.

    A pipe, a device or a socket named like a store file (``/dev/zero`` linked as
    ``zero.yaml``) is refused before a byte is read: reading it could block forever or
    never end. The file is opened without blocking, so that opening a pipe cannot hang.
    """
    limit = limits.max_file_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise FileProblem(
            Problem(Location(shown), f"cannot read file: {e.strerror or e}")
        ) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(
                Problem(
                    Location(shown),
                    "not a regular file (a pipe, a device or a socket); refusing to read it",
                )
            )
        if st.st_size > limit:
            raise _too_big(shown, st.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)  # the file may have grown since
        if len(data) > limit:
            raise _too_big(shown, len(data), limit)
        return data
    except OSError as e:
        raise FileProblem(
            Problem(Location(shown), f"cannot read file: {e.strerror or e}")
        ) from None
    finally:
        os.close(fd)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _unreadable(shown: str, e: OSError) -> FileProblem:
    return FileProblem(Problem(Location(shown), f"cannot read file: {e.strerror or e}"))


def _too_big(shown: str, size: int, limit: int) -> FileProblem:
    return FileProblem(
        Problem(
            Location(shown),
            f"file is {size:,} bytes, over the limit of {limit:,} (limit max-file-bytes)",
        )
    )


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text (a leading BOM is dropped); FileProblem for binary or other encodings."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(Problem(Location(shown, 1, 1), "file is UTF-16; save it as UTF-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul != -1:
        line, col = _line_col(data, nul)
        raise FileProblem(
            Problem(Location(shown, line, col), "binary data (a NUL byte): not a text file")
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        bad = data[e.start : e.start + 1].hex()
        raise FileProblem(
            Problem(
                Location(shown, line, col), f"byte 0x{bad} is not UTF-8; save the file as UTF-8"
            )
        ) from None


def read_text(path: Path, shown: str, limits: Limits) -> str:
    """The file's text, decoded as UTF-8. Raises :class:`FileProblem`."""
    return decode(read_bytes(path, shown, limits), shown)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, col
