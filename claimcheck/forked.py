"""Splitting CPU-bound work over forked processes, with the serial answer as the fallback.

A check's groups are independent, and a forked child sees the loaded store without
copying or re-reading it. :func:`map_forked` runs ``work`` on the first part here and on
every other part in a child, which sends its result back pickled through a pipe. The
result is always what ``[work(p) for p in parts]`` would give: where forking is not
safe (not Linux, or other threads running) the parts run here one after another, and a
part whose child fails for any reason is simply run here again.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

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


def map_forked(work: Callable[[T], R], parts: Sequence[T]) -> list[R]:
    """``[work(p) for p in parts]``, all parts but the first in forked children."""
    if len(parts) < 2 or not can_fork():
        return [work(p) for p in parts]
    children = [_spawn(work, part) for part in parts[1:]]
    try:
        results = [work(parts[0])]
    except BaseException:
        for child in children:
            if child is not None:
                _stop(child)
        raise
    for part, child in zip(parts[1:], children, strict=True):
        got = _collect(child) if child is not None else _FAILED
        results.append(work(part) if got is _FAILED else got)  # type: ignore[arg-type]
    return results


_FAILED = object()


def _spawn(work: Callable[[T], R], part: T) -> tuple[int, int] | None:
    import pickle

    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: compute, send, and leave without running any cleanup
        code = 1
        try:
            os.close(read)
            payload = pickle.dumps(work(part), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _stop(child: tuple[int, int]) -> None:
    pid, read = child
    os.close(read)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


def _collect(child: tuple[int, int]) -> object:
    import pickle

    pid, read = child
    try:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return _FAILED
    try:
        return pickle.loads(payload)
    except Exception:  # a truncated or garbled answer: the part is computed again here
        return _FAILED
