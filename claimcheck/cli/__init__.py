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
from claimcheck.cli.output import reader_gone, to_stderr

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
    # Not click's standalone mode: it exits 1 when a write meets a closed pipe, and an
    # error it shows on a closed stderr lost its code. A command's own output knows the
    # pipe may close (cli.output); here, what click writes itself.
    try:
        returned = cli.main(prog_name="claimcheck", standalone_mode=False)
        # (the code of ctx.exit, or what a command returned: None)
        code = returned if isinstance(returned, int) else EXIT_OK
    except click.ClickException as e:  # a usage error: exit 2
        code = e.exit_code
        try:
            e.show()
        except BrokenPipeError:
            reader_gone(sys.stderr)
    except click.Abort:  # (end of input at a prompt)
        to_stderr("Aborted!")
        code = 1
    except SystemExit as e:
        if isinstance(e.code, str):
            from claimcheck.render import visible

            to_stderr(visible(e.code))
        code = e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else 1
    except BrokenPipeError:  # click's help or version, cut off (`--help | head`)
        reader_gone(sys.stdout)
        code = EXIT_OK
    except (_Interrupted, KeyboardInterrupt):  # (a KeyboardInterrupt: outside click)
        interrupted.append(signal.SIGINT)
    if interrupted:
        to_stderr("claimcheck: interrupted")
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
