"""Sharing CPU-bound work among forked processes, with the serial answer as the fallback.

A check's groups are independent, and a forked child sees the loaded store without
copying or re-reading it. :func:`map_shared` computes ``work`` on a list of items with
a :class:`~concurrent.futures.ProcessPoolExecutor` of ``jobs`` forked workers, each
taking the next item nobody has taken yet until none is left, so every process stays
busy to the end, however unequal the items or the processes' speed. Only the items'
indices go to the workers: ``work`` and the items reach them by the fork, not by
pickling; each answer comes back pickled as soon as it is computed. This process only
waits meanwhile: having it take items as well was measured no faster.

The result is always what ``[work(i) for i in items]`` gives, in that order: where
forking is not safe (not Linux, or other threads running) the items are computed here
one after another, and the item of a worker that fails for any reason is simply
computed here again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext

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


def fork_context() -> ForkContext:
    """:mod:`multiprocessing` with forked processes (see :func:`can_fork`)."""
    import multiprocessing

    return multiprocessing.get_context("fork")


def map_shared(
    work: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    answered: Callable[[int], None] | None = None,
) -> list[R]:
    """``[work(i) for i in items]``, computed by ``jobs`` workers.

    ``answered(i)``, if given, is called in this process when a worker's answer for item
    ``i`` arrives (an item computed here, after a worker failed, ``work`` can count as it
    goes).
    """
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [work(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor, as_completed

    done: dict[int, R] = {}
    pool = ProcessPoolExecutor(
        jobs, mp_context=fork_context(), initializer=_share, initargs=(work, items)
    )
    try:
        index_of = {pool.submit(_compute, i): i for i in range(len(items))}
        for future in as_completed(index_of):
            i = index_of[future]
            try:
                done[i] = future.result()
            except Exception:  # the worker failed, or died: its item is computed here
                done[i] = work(items[i])
                continue
            if answered is not None:
                answered(i)
    finally:
        # On an error here, the items not yet taken are dropped and the workers stop once
        # their current item is done.
        pool.shutdown(wait=True, cancel_futures=True)
    return [done[i] for i in range(len(items))]


# What a worker computes: set in each worker when it starts, from what it was forked with.
_work: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()


def _share(work: Callable[[Any], Any], items: Sequence[Any]) -> None:
    """A worker's start: take ``work`` and ``items`` (inherited, not pickled); leave
    Ctrl-C to this process, which stops the pool; and end with this process, were it
    killed (an idle worker would otherwise wait for items forever)."""
    import signal

    global _work, _items
    _work, _items = work, items
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()


def _compute(i: int) -> Any:
    assert _work is not None
    return _work(_items[i])


def _end_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (``PR_SET_PDEATHSIG``)."""
    import ctypes
    import signal

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)
