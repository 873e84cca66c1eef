"""Progress of a long step on stderr: one line, rewritten in place, cleared at the end.

``claimcheck: checking 61% (30,512 of 50,000 groups)``. Shown only on a terminal, never
with ``--quiet``, and only once a step has run for :data:`DELAY` seconds, so that a small
store prints nothing at all.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Seconds a step runs before its progress shows.
DELAY = 0.5

#: Seconds between two redrawings of the line.
INTERVAL = 0.1


def is_terminal(stream: TextIO) -> bool:
    """Whether a person is watching ``stream`` (a seam for the tests)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


class ProgressLine:
    """A callable ``(done, total)`` that draws ``claimcheck: VERB N% (DETAIL)``."""

    def __init__(
        self,
        verb: str,
        detail: Callable[[int, int], str],
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        dumb: bool | None = None,
    ) -> None:
        self.verb = verb
        self.detail = detail
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.drawn = ""
        #: A terminal that knows no escape codes (TERM=dumb): lines erased with spaces.
        self.dumb = os.environ.get("TERM") == "dumb" if dumb is None else dumb

    @property
    def shown(self) -> bool:
        return self.drawn_at is not None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < DELAY:
            return
        if self.drawn_at is not None and now - self.drawn_at < INTERVAL and done < total:
            return
        percent = min(100, done * 100 // total) if total > 0 else 100
        text = f"claimcheck: {self.verb} {percent}% ({self.detail(done, total)})"
        if text != self.drawn:
            if self.dumb:  # spaces over what is left of the longer line drawn before
                self._write(f"\r{text}" + " " * (len(self.drawn) - len(text)))
            else:
                self._write(f"\r{text}\x1b[K")
            self.drawn = text
        self.drawn_at = now

    def clear(self) -> None:
        """Erase the line, if it was drawn."""
        if self.drawn_at is not None:
            self._write(f"\r{' ' * len(self.drawn)}\r" if self.dumb else "\r\x1b[K")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # stderr closed under us: progress is not worth an error
            pass


def in_bytes(done: int, total: int) -> str:
    """``120 MB of 250 MB``."""
    return f"{_size(done, total)} of {_size(total, total)}"


def in_groups(done: int, total: int) -> str:
    """``30,512 of 50,000 groups``."""
    return f"{done:,} of {total:,} group{'s' if total != 1 else ''}"


def _size(n: int, scale: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if scale >= size:
            value = n / size
            return f"{value:.1f} {unit}" if value < 10 and unit != "kB" else f"{value:.0f} {unit}"
    return f"{n} bytes"


def stderr() -> TextIO:
    return sys.stderr
