"""Sharing CPU-bound work among forked processes, with the serial answer as the fallback.

A check's groups are independent, and a forked child sees the loaded store without
copying or re-reading it. :func:`map_shared` computes ``work`` on a list of items here
and in ``jobs - 1`` children. Each process takes the next item nobody has taken yet
until none is left, so every process stays busy to the end, however unequal the items
or the processes' speed (a child also pickles what it sends, and pays for the memory
pages it copies after the fork). A child pickles each answer as soon as it has it and
sends them all through a pipe when the items run out.

The result is always what ``[work(i) for i in items]`` gives, in that order: where
forking is not safe (not Linux, or other threads running) the items are computed here
one after another, and the items of a child that fails for any reason are simply
computed here again.

:func:`in_background` runs a side task (writing the cache) in a child while this
process goes on; :func:`wait_background` waits for it, as the command line does before
it exits (and the interpreter at exit).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is safe: Linux (macOS's system libraries are not fork-safe), one thread."""
    import threading

    return sys.platform == "linux" and threading.active_count() == 1


def map_shared(work: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[work(i) for i in items]``, computed by this process and ``jobs - 1`` children."""
    jobs = min(jobs, len(items))
    queue = _Queue.create() if jobs > 1 and can_fork() else None
    if queue is None:
        return [work(item) for item in items]
    done: dict[int, R] = {}
    children: list[_Child] = []
    try:
        for _ in range(jobs - 1):
            child = _spawn(work, items, queue)
            if child is not None:
                children.append(child)
        for i in queue.indices(len(items)):
            done[i] = work(items[i])
        for child in children:
            done.update(child.collect())
    except BaseException:
        for child in children:
            child.stop()
        raise
    finally:
        queue.close()
    # What a failed child had taken is computed here.
    return [done[i] if i in done else work(item) for i, item in enumerate(items)]


_background: list[tuple[int, Callable[[], object]]] = []


def in_background(work: Callable[[], object]) -> bool:
    """Run ``work`` in a forked child while this process goes on.

    False, with nothing run, where forking is not safe: the caller then does the work
    itself. ``work`` (and what it refers to) is kept here until the child is waited for,
    so that this process writes nothing to the memory the child is reading.
    """
    pid = _fork(work) if can_fork() else None
    if pid is None:
        return False
    if not _background:
        import atexit

        atexit.register(wait_background)
    _background.append((pid, work))
    return True


def wait_background() -> None:
    """Wait for every child started by :func:`in_background`."""
    while _background:
        pid, _ = _background.pop()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


class _Queue:
    """The index of the next item to take, kept in a file the processes share.

    Taking one reads and advances it under a POSIX record lock (``lockf``). Such locks
    belong to a process, so forked processes exclude each other; and the kernel releases
    the lock of a process that dies, so a child killed while holding it blocks no one.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd

    @classmethod
    def create(cls) -> _Queue | None:
        try:
            return cls(os.memfd_create("claimcheck-queue", os.MFD_CLOEXEC))
        except (AttributeError, OSError):  # no memfd: the items are computed here
            return None

    def take(self) -> int:
        import fcntl

        fcntl.lockf(self.fd, fcntl.LOCK_EX)
        try:
            n = int.from_bytes(os.pread(self.fd, 8, 0), "little")
            os.pwrite(self.fd, (n + 1).to_bytes(8, "little"), 0)
        finally:
            fcntl.lockf(self.fd, fcntl.LOCK_UN)
        return n

    def indices(self, count: int) -> Iterator[int]:
        """The indices this process takes, until every one of ``count`` is taken."""
        while (i := self.take()) < count:
            yield i

    def close(self) -> None:
        os.close(self.fd)


class _Child:
    def __init__(self, pid: int, read: int) -> None:
        self.pid = pid
        self.read = read
        self.done = False

    def collect(self) -> dict[int, Any]:
        """The child's answers by item index; none if it failed or sent a garbled answer."""
        import io
        import pickle

        try:
            with os.fdopen(self.read, "rb") as pipe:
                payload = pipe.read()
        finally:
            _, status = os.waitpid(self.pid, 0)
            self.done = True
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return {}
        answers: dict[int, Any] = {}
        buffer = io.BytesIO(payload)
        try:
            while buffer.tell() < len(payload):
                i, answer = pickle.load(buffer)
                answers[i] = answer
        except Exception:  # a truncated or garbled answer: its items are computed here
            return {}
        return answers

    def stop(self) -> None:
        """Kill the child and close its pipe, unless it was already collected."""
        if self.done:
            return
        self.done = True
        with contextlib.suppress(OSError):
            os.close(self.read)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)


def _fork(work: Callable[[], object]) -> int | None:
    """Fork a child that runs ``work`` and leaves without running any cleanup, exiting 0
    if ``work`` returned; its pid, or None if the system refused to fork."""
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


def _spawn(work: Callable[[T], R], items: Sequence[T], queue: _Queue) -> _Child | None:
    import pickle

    read, write = os.pipe()

    def compute_and_send() -> None:
        os.close(read)
        # Pickled as they come, so that the pickling is part of the work shared out.
        answers = [
            pickle.dumps((i, work(items[i])), protocol=pickle.HIGHEST_PROTOCOL)
            for i in queue.indices(len(items))
        ]
        with os.fdopen(write, "wb") as out:
            for answer in answers:
                out.write(answer)

    pid = _fork(compute_and_send)
    os.close(write)
    if pid is None:
        os.close(read)
        return None
    return _Child(pid, read)
