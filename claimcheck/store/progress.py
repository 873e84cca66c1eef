"""Telling a caller how much of a store is loaded, a few times a second."""

from __future__ import annotations

import time
from collections.abc import Callable

_clock = time.monotonic
#: Seconds between two words to a progress callback, at least.
PROGRESS_EVERY = 0.25
#: Records validated between two words to a progress callback.
PROGRESS_RECORDS = 20_000
#: The share of a file's loading spent parsing it (the rest: validating its records).
PARSE_SHARE = 0.5


class LoadProgress:
    """Bytes of store files loaded so far, told to the caller's ``callback(done, total)``
    at most every :data:`PROGRESS_EVERY` seconds, and once at the end with ``done ==
    total``. A file counts as loaded as it is parsed and validated (in parts, for a big
    one) or taken from the cache. What is told never goes back, even when a load starts
    again (a partial load that must read the whole store)."""

    def __init__(self, callback: Callable[[int, int], None]) -> None:
        self.callback = callback
        self.total = 0
        self.done = 0  # files finished
        self.size = 0  # the file being loaded
        self.told = 0
        self.last = -PROGRESS_EVERY

    def start(self, total: int) -> None:
        self.total = max(total, self.told)
        self.done = self.size = 0
        self.tell(0)

    def file(self, size: int) -> None:
        """A file of ``size`` bytes is being loaded."""
        self.size = size

    def within(self, share: float) -> None:
        """The share of the file being loaded that is done."""
        self.tell(self.done + int(self.size * share))

    def file_done(self) -> None:
        self.done += self.size
        self.size = 0
        self.tell(self.done)

    def tell(self, done: int) -> None:
        now = _clock()
        if now - self.last >= PROGRESS_EVERY:
            self.last = now
            self.told = max(self.told, min(done, self.total))
            self.callback(self.told, self.total)

    def finish(self) -> None:
        self.told = self.total
        self.callback(self.total, self.total)
