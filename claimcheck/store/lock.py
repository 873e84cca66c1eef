"""The writers' lock on a store: concurrent ``add``s take turns, so that all land."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from claimcheck.errors import Location, Problem, UsageError, display_path


@contextlib.contextmanager
def store_lock(root: Path) -> Iterator[None]:
    """An exclusive lock on the store, held across check-then-write: a second writer
    waits for the first. A lock file in claimcheck's folder beside the store, locked with
    :mod:`filelock` (``flock`` on POSIX, ``msvcrt`` on Windows; the operating system
    releases the lock of a writer that dies)."""
    from filelock import FileLock

    from claimcheck.store.cache import CACHE_DIR, LOCK_FILE, REFUSED, ForeignFolder, own_folder

    path = root / CACHE_DIR / LOCK_FILE
    try:
        own_folder(root)
        lock = FileLock(path, mode=0o644)
        lock.acquire()
    except ForeignFolder as e:
        raise UsageError(
            [
                Problem(
                    Location(display_path(root / CACHE_DIR)),
                    f"cannot lock the store: {e}; {REFUSED} (delete it, and claimcheck "
                    "makes its own)",
                )
            ]
        ) from None
    except OSError as e:
        raise UsageError(
            [Problem(Location(display_path(path)), f"cannot lock the store: {e.strerror or e}")]
        ) from None
    try:
        yield
    finally:
        lock.release()
