"""claimcheck's own folder beside the store, ``.claimcheck-cache/``: the cache and the
writers' lock live there, and nothing is written into one that is not a real folder
inside the store."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

CACHE_DIR = ".claimcheck-cache"

#: The writers' lock (:mod:`claimcheck.store.lock`).
LOCK_FILE = "lock"

#: A check's kept result (:mod:`claimcheck.result_cache`).
RESULT_FILE = "check-result.json"

#: The files claimcheck writes in its folder by name (the .gitignore is created only
#: where nothing is, never through a link).
_OWN_FILES = (
    "store.sqlite",
    "store.sqlite-wal",
    "store.sqlite-shm",
    "store.sqlite-journal",
    LOCK_FILE,
    RESULT_FILE,
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
