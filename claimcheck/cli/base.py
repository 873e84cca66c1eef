"""The ``claimcheck`` group, its global options and what every command shares.

The commands live in the modules next to this one, one per job; see ``__init__``.

Each command parses its options, calls the library, formats the result and exits.
Heavy modules (pydantic, networkx, tabulate) are imported inside the commands that use
them, so that ``claimcheck --help`` starts at once. User mistakes arrive here as
:class:`~claimcheck.errors.ClaimcheckError` and leave as ``path:line:col: message`` on
stderr with exit code 2 — in :meth:`Group.invoke`, the one place that handles them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from claimcheck.errors import ClaimcheckError, Location, Problem, UsageError, display_path

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Settings:
    store: Path
    use_cache: bool
    config_path: Path | None = None
    #: Processes a check may use; None: one per CPU on a big store.
    jobs: int | None = None

    def config(self) -> Any:
        from claimcheck.config import load_config

        return load_config(self.store, self.config_path)


class Group(click.Group):
    """Turns every user mistake into ``path:line:col: message`` and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimcheckError as e:
            for problem in e.problems:
                click.echo(str(problem), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except BrokenPipeError:  # `claimcheck claims | head`
            sys.stderr.close()
            ctx.exit(EXIT_OK)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help=f"Output format (default: {choices[0]}).",
    )


def emit(text: str, output: str | None = None) -> None:
    """Print ``text``, or write it to ``output`` (``-`` is stdout)."""
    if output and output != "-":
        try:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text if text.endswith("\n") else text + "\n")
        except OSError as e:
            raise UsageError(
                [Problem(Location(display_path(Path(output))), f"cannot write: {e.strerror or e}")]
            ) from None
    else:
        click.echo(text)


def settings_of(ctx: click.Context) -> Settings:
    obj = ctx.find_object(Settings)
    assert obj is not None
    return obj


@click.group(
    cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.option(
    "--store",
    default="claims",
    show_default=True,
    envvar="CLAIMCHECK_STORE",
    type=click.Path(file_okay=False, path_type=Path),
    help="The store folder (env CLAIMCHECK_STORE).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: claimcheck.toml in the store, or "
    "[tool.claimcheck] in a pyproject.toml above it).",
)
@click.option(
    "--no-cache", is_flag=True, help="Read every file again; neither use nor update the cache."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes for the rules (default: one per CPU from 10,000 claims, else 1).",
)
@click.version_option(package_name="claimcheck")
@click.pass_context
def cli(
    ctx: click.Context, store: Path, config_path: Path | None, no_cache: bool, jobs: int | None
) -> None:
    """Claims tied to sources: flag conflicts and gaps in corroboration.

    Record every assertion as a claim tied to its source; claimcheck checks them
    against each other, writes the discrepancy report, checks new claims before they
    are added and reviews claims by outlet.
    """
    ctx.obj = Settings(store=store, use_cache=not no_cache, config_path=config_path, jobs=jobs)


def load(ctx: click.Context) -> Any:
    from claimcheck.store import load_store

    settings = settings_of(ctx)
    store = load_store(settings.store, limits=settings.config().limits, cache=settings.use_cache)
    warn_if_empty(store)
    return store


def warn_if_empty(store: Any) -> None:
    """A store with no file at all is most likely the wrong --store: say so (on stderr)."""
    if not store.files:
        click.echo(
            f"claimcheck: {store.root}: no store files (*.yaml, *.yml, *.jsonl) in this folder; "
            "is --store right?",
            err=True,
        )


FAIL_ON = click.Choice(["error", "warning", "info", "none"])


def records_in_words(counts: dict[str, int]) -> str:
    """``1 claim, 2 outlets and 1 document``: claims first, then in the store's order."""
    from claimcheck.model import SECTIONS, SINGULAR

    order = ["claims", *(s for s in SECTIONS if s != "claims")]
    parts = [f"{counts[s]} {SINGULAR[s] if counts[s] == 1 else s}" for s in order if counts.get(s)]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def tty_default(fmt: str | None, tty: str, pipe: str) -> str:
    if fmt:
        return fmt
    return tty if sys.stdout.isatty() else pipe


def selected(config: Any, select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    """The configuration with --select/--ignore from the command line applied."""
    from claimcheck.rules import all_rules

    def split(values: tuple[str, ...], option: str) -> list[str]:
        out = [v.strip() for value in values for v in value.split(",") if v.strip()]
        for selector in out:
            if not any(
                r.code.startswith(selector.upper()) or r.name == selector.lower()
                for r in all_rules()
            ):
                usage(f"{option}: {selector!r} matches no rule")
        return out

    if select:
        config.select = split(select, "--select")
    if ignore:
        config.ignore = [*config.ignore, *split(ignore, "--ignore")]
    return config


def progress(message: str) -> None:
    """A step of a long run, on stderr, only when a person is watching."""
    if sys.stderr.isatty():
        click.echo(f"claimcheck: {message}…", err=True)


def load_for_check(settings: Settings, limits: Any) -> Any:
    """The whole store; what it changed in the cache is recorded meanwhile, by a process
    of its own (waited for before the command exits)."""
    from claimcheck.store import load_store

    store = load_store(settings.store, limits=limits, cache=settings.use_cache, background=True)
    warn_if_empty(store)
    return store


def check_all(ctx: click.Context) -> Any:
    from claimcheck.engine import check as run_check

    settings = settings_of(ctx)
    config = settings.config()
    progress(f"loading {settings.store}")
    store = load_for_check(settings, config.limits)
    progress(f"checking {len(store.claims)} claims")
    return run_check(store, config, jobs=settings.jobs)


def usage(message: str) -> NoReturn:
    from claimcheck.errors import UsageError

    raise UsageError(message)
