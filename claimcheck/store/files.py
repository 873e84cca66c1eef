"""Finding a store's files and reading them as text, with clear errors for bad bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.errors import FileProblem, Location, Problem, display_path
from claimcheck.store.limits import Limits

YAML_SUFFIXES = (".yaml", ".yml")
JSONL_SUFFIXES = (".jsonl",)
#: Folder names never read as part of a store.
SKIPPED_DIRS = {".claimcheck-cache", ".git", "__pycache__", "node_modules"}


def is_store_file(name: str) -> bool:
    """Whether a file of this name is one the store reads: YAML or JSON Lines, not hidden."""
    return not name.startswith(".") and name.endswith(YAML_SUFFIXES + JSONL_SUFFIXES)


def store_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every ``*.yaml``, ``*.yml`` and ``*.jsonl`` under ``root``, sorted (hidden ones
    and :data:`SKIPPED_DIRS` left out), and the problems of the walk.

    Nothing the store holds is left out silently: a folder that cannot be listed is a
    problem. A symbolic link is followed only to a place inside the store (its real
    path, the store's own resolved): one to a file or folder outside is a problem naming
    the link, and the file is never opened (a store from an untrusted source could link
    ``/etc/shadow`` and have its lines quoted in errors). A link to a file the store
    reads anyway is left out, so that no file is read twice; a link to a folder is not
    followed (what it holds inside the store is read where it is).
    """
    real_root = os.path.realpath(root)
    inside = real_root.rstrip(os.sep) + os.sep
    found: list[Path] = []
    links: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    folders = [os.fspath(root)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as e:
            problems.append(
                Problem(
                    Location(display_path(folder)),
                    f"cannot read folder: {e.strerror or e}; its files would be left out",
                    unread=True,
                )
            )
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            link = entry.is_symlink()
            try:
                folder_like = entry.is_dir()  # follows a link; a stat, never an open
            except OSError:  # a link loop: read as a file, to be reported as such
                folder_like = False
            if not folder_like and not is_store_file(name):
                continue
            if folder_like and name in SKIPPED_DIRS:
                continue
            if link:
                real = os.path.realpath(entry.path)
                if real != real_root and not real.startswith(inside):
                    what = "folder" if folder_like else "file"
                    problems.append(
                        Problem(Location(display_path(entry.path)), link_outside(what), unread=True)
                    )
                elif not folder_like:
                    links.append((Path(entry.path), real))
            elif folder_like:
                folders.append(entry.path)
            else:
                found.append(Path(entry.path))
    # A link to a file read anyway (or already linked) would load its records twice.
    read = {os.path.join(real_root, os.path.relpath(p, root)) for p in found}
    for path, real in sorted(links):
        if real not in read:
            read.add(real)
            found.append(path)
    return sorted(found), problems


def link_outside(what: str = "file") -> str:
    """What a symbolic link from the store to a ``what`` outside it is told (the link is
    named, never its target, which is never opened)."""
    return (
        f"a symbolic link to a {what} outside the store; refusing to read it "
        "(a store's files must be inside its folder)"
    )


def links_outside(path: Path, root: Path) -> bool:
    """Whether ``path`` is a symbolic link (or lies in a linked folder) whose real path
    is outside the store at ``root``."""
    real = os.path.realpath(path)
    real_root = os.path.realpath(root)
    return real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in a user's words (from its mode)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: Path, shown: str, limits: Limits) -> bytes:
    """The bytes of a regular file, refusing files over the size limit.

    A pipe, a device or a socket named like a store file (``/dev/zero`` linked as
    ``zero.yaml``) is refused before a byte is read: reading it could block forever or
    never end. The file is opened without blocking, so that opening a pipe cannot hang.
    """
    limit = limits.max_file_bytes
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as e:
        raise _unreadable(shown, e) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(
                Problem(
                    Location(shown),
                    f"not a regular file: {file_kind(st.st_mode)}; refusing to read it",
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
        raise _unreadable(shown, e) from None
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
