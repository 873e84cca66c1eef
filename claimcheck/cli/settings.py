"""What the global options set for a run (:class:`Settings`): the store, the
configuration, the processes, colour, quiet, and how a long step shows its progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click


@dataclass
class Settings:
    store: Path
    use_cache: bool
    config_path: Path | None = None
    #: Processes a check may use; None: one per CPU on a big store.
    jobs: int | None = None
    #: ``auto`` (on a terminal, unless NO_COLOR), ``always`` or ``never``.
    color: str = "auto"
    #: No progress, notes or warnings on stderr (errors are always shown).
    quiet: bool = False
    #: Whether a step's progress was shown: the run is long enough to say what follows.
    slow: bool = False

    def config(self) -> Any:
        from claimcheck.config import load_config

        return load_config(self.store, self.config_path)

    def colours(self, fmt: str) -> Any:
        """The :class:`~claimcheck.render.Colours` for output in ``fmt`` to stdout: none
        but for the ``table`` and ``text`` formats (never in JSON, Markdown or GitHub
        annotations, nor in files)."""
        from claimcheck.render import Colours

        return Colours(fmt in COLOURED and colour_wanted(self.color, sys.stdout))

    @contextmanager
    def progress(self, verb: str, unit: str) -> Iterator[Callable[[int, int], None] | None]:
        """A ``(done, total)`` callback drawing the step's progress on stderr (``unit``:
        ``bytes`` or ``groups``), cleared when the step ends; None when nobody would see
        it (stderr not a terminal, or --quiet), so that the library skips the counting."""
        from claimcheck.cli import progress as display

        stream = display.stderr()
        if self.quiet or not display.is_terminal(stream):
            yield None
            return
        detail = display.in_bytes if unit == "bytes" else display.in_groups
        line = display.ProgressLine(verb, detail, stream)
        try:
            yield line
        finally:
            line.clear()
            self.slow = self.slow or line.shown


#: The formats that take colour on a terminal.
COLOURED = frozenset({"table", "text"})


def colour_wanted(choice: str, stream: Any) -> bool:
    """Whether to colour ``stream``: ``--color always`` or ``never`` decides; otherwise
    no colour when NO_COLOR is set (https://no-color.org), colour when FORCE_COLOR is
    (below NO_COLOR, as pytest has it), else colour on a terminal that is not ``dumb``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    from claimcheck.cli.progress import is_terminal

    return is_terminal(stream) and os.environ.get("TERM") != "dumb"


def settings_of(ctx: click.Context) -> Settings:
    obj = ctx.find_object(Settings)
    assert obj is not None
    return obj
