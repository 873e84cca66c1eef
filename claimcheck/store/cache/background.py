"""Recording the cache in child processes while the load, and then the check, go on.

Two kinds of writers, both forked (the child sees what this process has read without
copying it) with :mod:`multiprocessing`:

* a big JSON Lines file is handed to a writer as soon as it is read: the child records
  it from its text, line by line (see :func:`~claimcheck.store.cache.rows.rows_of_json_lines`),
  on the second CPU, idle during the load, while this process parses and validates it;
  the two share only the text, so neither copies the other's memory. The child writes
  the records *pending*, usable by no one, and makes them usable only when this process,
  having read the file, tells it the file is sound
  (:meth:`Writers.confirm_or_withdraw`); if it is told otherwise, or this process ends
  without telling, the child withdraws them. The load
  waits for these writers before it returns.
* the records of the other files, when there are many, are recorded after the load by
  one child while the caller goes on (checking them): see :func:`load_store
  <claimcheck.store.load.load_store>`'s ``background``.

Where forking is not safe (see :func:`claimcheck.parallel.can_fork`) nothing is started
and the caller records the files itself.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.parallel import can_fork, fork_context
from claimcheck.store.cache.database import Cache, FileRecords
from claimcheck.store.cache.rows import StatKey
from claimcheck.store.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess


class Writers:
    """The child processes that record files in the cache of one store."""

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root = root
        self.limits = limits
        #: Each child, with its work (kept here: see :meth:`start`).
        self.processes: list[tuple[BaseProcess, Callable[[], object]]] = []
        #: The end of the pipe to each writer of a JSON Lines file still waiting to be
        #: told whether its file is sound, by file.
        self.waiting: dict[str, Connection] = {}

    def record_json_lines(
        self,
        cache: Cache,
        rel: str,
        section: str,
        text: str,
        key: StatKey,
        content: str,
        read_ns: int,
    ) -> bool:
        """Record one JSON Lines file in a child, pending until
        :meth:`confirm_or_withdraw`; False (nothing started) where forking is not safe.
        ``cache``'s connection is closed across the fork (a connection must not cross
        one)."""
        if not can_fork():
            return False
        try:
            told, tell = fork_context().Pipe(duplex=False)
        except OSError:  # no descriptor left: the file is recorded after the load instead
            return False
        others = list(self.waiting.values())
        root, limits = self.root, self.limits

        def record() -> None:
            for end in (tell, *others):  # only this process's word may reach the child
                end.close()

            def sound() -> bool:
                try:
                    return told.recv_bytes() == b"1"
                except (EOFError, OSError):  # ended without a word
                    return False

            write_json_lines(root, rel, key, content, section, text, read_ns, limits, sound)

        cache.close()
        started = self.start(record)
        cache.reopen()
        told.close()
        if not started:
            tell.close()
            return False
        self.waiting[rel] = tell
        return True

    def confirm_or_withdraw(self, rel: str, sound: bool) -> None:
        """Tell the writer of ``rel`` whether the file read without a problem."""
        end = self.waiting.pop(rel, None)
        if end is None:
            return
        try:
            end.send_bytes(b"1" if sound else b"0")
        except OSError:
            pass  # the writer has ended (it found the file unreadable): nothing to tell
        finally:
            end.close()

    def record_files(self, files: Sequence[FileRecords]) -> bool:
        """Record files in a child; False (nothing started) where forking is not safe."""
        root, limits = self.root, self.limits
        return self.start(lambda: write_files(root, files, limits))

    def start(self, work: Callable[[], object]) -> bool:
        """Run ``work`` in a forked child. ``work`` (and what it refers to) is kept until
        the child is waited for, so that this process writes nothing to the memory the
        child is reading."""
        if not can_fork():
            return False
        for stream in (sys.stdout, sys.stderr):  # else the child would write them again
            with contextlib.suppress(Exception):
                stream.flush()
        process = fork_context().Process(target=_quietly, args=(work,), daemon=False)
        try:
            process.start()
        except OSError:
            return False
        self.processes.append((process, work))
        return True

    def wait(self) -> None:
        """Wait for every writer (one not yet told withdraws its records)."""
        for rel in list(self.waiting):
            self.confirm_or_withdraw(rel, False)
        while self.processes:
            process, _ = self.processes.pop()
            process.join()


def _quietly(work: Callable[[], object]) -> None:
    """A writer's life: the cache only saves time, so one that fails says nothing (it
    exits 1)."""
    try:
        work()
    except BaseException:
        sys.exit(1)


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
    key: StatKey,
    content_digest: str,
    section: str,
    text: str,
    read_ns: int,
    limits: Limits = DEFAULT_LIMITS,
    confirm: Callable[[], bool] | None = None,
) -> None:
    """Record one JSON Lines file from its text (see :meth:`Cache.put_json_lines`), from
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
        if not cache.put_json_lines(
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


__all__ = ["Writers", "write_files", "write_json_lines"]
