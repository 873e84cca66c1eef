"""The ``claimcheck`` command: a thin layer over the library.

Each command parses its options, calls the library, formats the result and exits.
Heavy modules (pydantic, networkx, tabulate) are imported inside the commands that use
them, so that ``claimcheck --help`` starts at once. User mistakes arrive here as
:class:`~claimcheck.errors.ClaimcheckError` and leave as ``path:line:col: message`` on
stderr with exit code 2 — in :meth:`Group.invoke <claimcheck.cli.base.Group.invoke>`,
the one place that handles them.

One module per job: ``check`` (check, add), ``report``, ``sources``, ``export``,
``store`` (validate, claims), ``catalogue`` (rules, schema), ``init``; ``base`` holds
the group, its global options and the helpers they share, ``settings`` what those options
set, ``output`` where a command writes (stdout, a file, a note on stderr) and
``progress`` the progress line of a long step.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

import click

from claimcheck.cli import catalogue, check, export, extract, init, report, sources, store  # noqa: F401
from claimcheck.cli.base import EXIT_INTERRUPTED, EXIT_OK, cli

__all__ = ["cli", "main"]


class _Interrupted(BaseException):
    """Ctrl-C, raised past click (which would print "Aborted!" and exit 1, the code for
    findings; a script must tell them apart)."""


def main() -> None:
    """Console-script entry point."""
    # One run builds its objects and keeps them to the end; they form no cycles worth
    # collecting, and on a big store the collector's full passes over millions of live
    # objects cost more time than anything they free (the library pauses it only around
    # its own loops, so that long-lived callers keep their collector).
    gc.disable()
    interrupted = []

    def interrupt(signum: int, frame: object) -> None:
        interrupted.append(signum)
        raise _Interrupted

    # Every write is atomic: an interrupted run wrote nothing or all.
    signal.signal(signal.SIGINT, interrupt)
    try:
        cli(prog_name="claimcheck")
        code = EXIT_OK
    except SystemExit as e:
        if isinstance(e.code, str):
            from claimcheck.render import visible

            click.echo(visible(e.code), err=True)
        code = e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else 1
    except BrokenPipeError:  # a pipe that closes early (`| head`): no traceback
        code = EXIT_OK
    except (_Interrupted, KeyboardInterrupt):  # (a KeyboardInterrupt: outside click)
        interrupted.append(signal.SIGINT)
    if interrupted:
        click.echo("claimcheck: interrupted", err=True)
        code = EXIT_INTERRUPTED
    # Leave without freeing what the run built, object by object: every write is already
    # complete (files are renamed into place, the cache committed) and a million claims
    # take over a second to tear down.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
