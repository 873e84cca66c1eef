"""Where a command's output goes: stdout (:func:`echo`, the one way any command writes
there), a file (:func:`emit`), or a note on stderr (:func:`tell`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.settings import Settings
from claimcheck.errors import Location, Problem, UsageError, display_path

#: A command's output: text, UTF-8 bytes, or parts of UTF-8 bytes written one after the
#: other (a big JSON, never held whole: :func:`~claimcheck.render.json_parts`).
Output = str | bytes | Iterator[bytes]


def emit(data: Output, output: str | None = None, colours: Any = None, *, say: bool = True) -> None:
    """A command's output: written to ``output`` (``-`` is stdout) exactly as it would
    go down a pipe — saying ``wrote FILE`` unless not ``say`` (a command saying more) —
    or printed with :func:`echo`."""
    if output and output != "-":
        try:
            with open(output, "wb") as f:
                _write_bytes(f, data)
        except OSError as e:
            folder = Path(output).parent
            why = (
                f"the folder {display_path(folder)} does not exist"
                if not folder.exists()
                else (e.strerror or str(e))
            )
            raise UsageError(
                [Problem(Location(display_path(Path(output))), f"cannot write: {why}")]
            ) from None
        if say:
            tell(f"wrote {output}")
    else:
        echo(data, colours)


def echo(data: Output, colours: Any = None) -> None:
    """Print a command's output on stdout: the one way any command writes there.

    Down a pipe, the data as UTF-8, byte for byte what ``-o FILE`` writes (nothing
    stripped, nothing added but a final line end). On a terminal, every control
    character a store may hold (escape, bell, C1 controls, bidirectional overrides) is
    shown as an escape instead of being acted on — but for the colour codes of
    ``colours`` (the output's :class:`~claimcheck.render.Colours`), when on.
    """
    from claimcheck.cli.progress import is_terminal

    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    terminal = is_terminal(stream)
    try:
        if raw is None or terminal:
            whole = data if isinstance(data, str | bytes) else b"".join(data)
            if terminal:
                from claimcheck.render import for_terminal

                text = for_terminal(whole, colour=bool(colours is not None and colours.on))
            else:  # a stream of text only (an embedding's): the text as it is
                text = whole.decode("utf-8", "replace") if isinstance(whole, bytes) else whole
            stream.write(text if text.endswith("\n") else text + "\n")
            stream.flush()
            return
        stream.flush()
        _write_bytes(raw, data)
        raw.flush()
    except BrokenPipeError:  # `| head`: the rest is not wanted, the exit code still is
        reader_gone(stream)


def _write_bytes(stream: Any, data: Output) -> None:
    """Write the output as UTF-8, ending with a line end (what a name that is not UTF-8
    holds is written as its ``\\udcxx`` escape). The line end is written on its own:
    adding it to the data would copy a JSON output of hundreds of megabytes."""
    if isinstance(data, str):
        data = data.encode("utf-8", "backslashreplace")
    parts = (data,) if isinstance(data, bytes) else data
    last = b""
    for part in parts:
        stream.write(part)
        last = part or last
    if not last.endswith(b"\n"):
        stream.write(b"\n")


def tell(message: str, *, always: bool = False) -> None:
    """A note on stderr (``wrote report.md``, a warning), its user text shown visibly;
    nothing with --quiet, unless ``always`` (what explains an exit code)."""
    from claimcheck.render import visible

    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    if not always and settings is not None and settings.quiet:
        return
    to_stderr(visible(message))


def to_stderr(text: str) -> None:
    """A line on stderr — which may be a pipe closed early too (``2>&1 | head``): then
    nothing, and the command still ends with its exit code."""
    try:
        click.echo(text, err=True)
    except BrokenPipeError:
        reader_gone(sys.stderr)


def reader_gone(stream: Any) -> None:
    """The reader of ``stream`` went away (``| head``, ``| true``): what is still written
    there, and the flush of what is buffered, go nowhere instead of failing, so that the
    command carries on to its exit code (which says what it found, not that the reader
    stopped)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):  # (a stream with no file: nothing to do)
        pass


def tty_default(fmt: str | None, tty: str, pipe: str) -> str:
    if fmt:
        return fmt
    return tty if sys.stdout.isatty() else pipe
