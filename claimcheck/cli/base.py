"""The ``claimcheck`` group, its global options and what every command shares.

The commands live in the modules next to this one, one per job; see ``__init__``.

Each command parses its options, calls the library, formats the result and exits.
Heavy modules (pydantic, networkx, tabulate) are imported inside the commands that use
them, so that ``claimcheck --help`` starts at once. User mistakes arrive here as
:class:`~claimcheck.errors.ClaimcheckError` and leave as ``path:line:col: message`` on
stderr with exit code 2 — in :meth:`Group.invoke`, the one place that handles them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from claimcheck.cli.output import tell
from claimcheck.cli.settings import Settings, settings_of
from claimcheck.errors import ClaimcheckError, UsageError
from claimcheck.findings import FAIL_ON_LEVELS

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
#: Interrupted (Ctrl-C): the shells' convention, 128 + SIGINT.
EXIT_INTERRUPTED = 130

F = TypeVar("F", bound=Callable[..., Any])


class GlobalOption(click.Option):
    """An option of the group that every command accepts too, after its name:
    ``claimcheck check --store DIR`` is ``claimcheck --store DIR check``; given in both
    places, the one after the command wins."""


def global_options(*, command: bool) -> list[click.Parameter]:
    """The global options: the group's (with their defaults), or a command's (no default:
    only a value given after the command changes the group's, in :func:`_override`)."""

    def option(*decls: str, **attrs: Any) -> GlobalOption:
        if command:
            attrs.pop("default", None)
            attrs.pop("envvar", None)
            attrs.pop("show_default", None)
            attrs.update(expose_value=False, callback=_override)
        return GlobalOption(decls, **attrs)

    return [
        option(
            "--store",
            default="claims",
            envvar="CLAIMCHECK_STORE",
            type=click.Path(file_okay=False, path_type=Path),
            help="The store folder (env CLAIMCHECK_STORE; default: claims).",
        ),
        option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Configuration file (default: claimcheck.toml in the store, or "
            "[tool.claimcheck] in a pyproject.toml above it).",
        ),
        option(
            "--no-cache",
            is_flag=True,
            default=False,
            help="Read every file again; neither use nor update the cache.",
        ),
        option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            help="Processes for the rules (default: one per CPU from 10,000 claims, else 1).",
        ),
        option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour on stdout: auto is on a terminal unless NO_COLOR is set.",
        ),
        option(
            "-q",
            "--quiet",
            is_flag=True,
            default=False,
            help="No progress, notes or warnings on stderr (errors are still shown).",
        ),
    ]


#: How each global option given after the command changes the settings.
_SETTING = {
    "store": "store",
    "config_path": "config_path",
    "jobs": "jobs",
    "color": "color",
    "quiet": "quiet",
}


def _override(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is None or value is False or ctx.resilient_parsing:  # not given
        return
    settings = ctx.find_object(Settings)
    if settings is None:  # a command invoked on its own, outside the group
        return
    if param.name == "no_cache":
        settings.use_cache = False
    elif param.name in _SETTING:
        setattr(settings, _SETTING[param.name], value)


class Command(click.Command):
    """A command whose help lists the global options apart from its own."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        own: list[tuple[str, str]] = []
        shared: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                (shared if isinstance(param, GlobalOption) else own).append(record)
        if own:
            with formatter.section("Options"):
                formatter.write_dl(own)
        if shared:
            with formatter.section("Global options (before or after the command)"):
                formatter.write_dl(shared)


class Group(click.Group):
    """Turns every user mistake into ``path:line:col: message`` and exit 2, and gives
    every command the global options."""

    command_class = Command

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        names = {n for p in cmd.params for n in getattr(p, "opts", ())}
        cmd.params += [
            p
            for p in global_options(command=True)
            if not names.intersection(getattr(p, "opts", ()))
        ]
        super().add_command(cmd, name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args`` — or, for a word people reach for that
        names none ("explain CC105"), an error saying which command does it."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as e:
            meant = _SYNONYMS.get(args[0]) if args else None
            if meant is None:
                raise
            rest = " ".join(args[1:])
            raise click.UsageError(
                f"No such command {args[0]!r}: `claimcheck {meant}{' ' + rest if rest else ''}` "
                f"does that.",
                ctx,
            ) from e

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimcheckError as e:
            for problem in e.problems:
                tell(_hinted(str(problem)), always=True)
            ctx.exit(EXIT_BAD_INPUT)


#: Words for a command that name none, with the command that does it.
_SYNONYMS = {
    "explain": "rules",
    "rule": "rules",
    "describe": "rules",
    "lint": "check",
    "verify": "check",
    "outlets": "sources",
    "parties": "sources --parties",
}


def _hinted(problem: str) -> str:
    """A missing store folder, with what to do: most often claimcheck was run from inside
    the store (``cd claims; claimcheck check``), or before ``init``."""
    if not problem.endswith(": no such store folder"):
        return problem
    here = Path.cwd()
    try:
        inside = any(
            p.name in ("claimcheck.toml", "claimcheck.schema.json", ".claimcheck-cache")
            or (not p.name.startswith(".") and p.name.endswith((".yaml", ".yml", ".jsonl")))
            for p in here.iterdir()
        )
    except OSError:
        inside = False
    hint = "run from the folder above, or give --store ." if inside else "give --store DIR"
    return f"{problem} ({hint}; `claimcheck init` starts a new store)"


def format_option(*choices: str, piped: str | None = None) -> Callable[[F], F]:
    """``--format``: the first choice by default, or with ``piped``, the first on a
    terminal and ``piped`` otherwise (what :func:`~.output.tty_default` picks)."""
    default = f"{choices[0]} on a terminal, {piped} when piped" if piped else choices[0]
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=None,
        help=f"Output format (default: {default}).",
    )


@click.group(
    cls=Group,
    params=global_options(command=False),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="claimcheck")
@click.pass_context
def cli(
    ctx: click.Context,
    store: Path,
    config_path: Path | None,
    no_cache: bool,
    jobs: int | None,
    color: str,
    quiet: bool,
) -> None:
    """Claims tied to sources: flag conflicts and gaps in corroboration.

    Record every assertion as a claim tied to its source; claimcheck checks them
    against each other, writes the discrepancy report, checks new claims before they
    are added and reviews claims by outlet.

    The options listed below also work after the command (`claimcheck check --store
    DIR`).
    """
    ctx.obj = Settings(
        store=store,
        use_cache=not no_cache,
        config_path=config_path,
        jobs=jobs,
        color=color,
        quiet=quiet,
    )


def load(ctx: click.Context) -> Any:
    settings = settings_of(ctx)
    return load_with_progress(settings, settings.config().limits)


def warn_if_no_store_files(root: Any) -> None:
    """:func:`warn_if_empty` for a load that failed (a candidate's ids unknown to a
    folder holding no store file): say so before the errors."""
    from claimcheck.store.files import store_files

    try:
        files, _ = store_files(Path(root))
    except Exception:
        return
    if not files:
        _no_store_files(root)


def warn_if_empty(store: Any) -> None:
    """A store with no file at all is most likely the wrong --store: say so (on stderr).
    (Candidate files checked against it are not the store's.)"""

    start = store.candidate_start
    if not (store.files if start is None else store.files[:start]):
        _no_store_files(store.root)


def warn_if_candidates_hold_nothing(store: Any) -> None:
    """A candidate file with no record in it (``claims:`` alone, ``claims: []``) gives
    nothing to check: say so (on stderr), unless its load already warned it is empty."""
    from claimcheck.render import visible
    from claimcheck.store.file_reader import EMPTY

    start = store.candidate_start
    if start is None:
        return
    holding = {w.file for w in store.where.values()} | {w.file for w in store.review_where}
    told = {p.location.path for p in store.warnings if p.message == EMPTY}
    for index in range(start, len(store.files)):
        name = store.files[index]
        if index not in holding and name not in told:
            told.add(name)  # (a file given twice is told of once)
            tell(f"claimcheck: {visible(name)}: holds no records; nothing to check")


def _no_store_files(root: Any) -> None:
    from claimcheck.render import visible

    tell(
        f"claimcheck: {visible(str(root))}: no store files (*.yaml, *.yml, *.jsonl) "
        "in this folder; is --store right?"
    )


FAIL_ON_CHOICE = click.Choice(FAIL_ON_LEVELS)


def records_in_words(counts: dict[str, int]) -> str:
    """``1 claim, 2 outlets and 1 document``: claims first, then in the store's order."""
    from claimcheck.english import count, listed
    from claimcheck.model import SECTIONS, SINGULAR

    order = ["claims", *(s for s in SECTIONS if s != "claims")]
    parts = [count(counts[s], SINGULAR[s], s) for s in order if counts.get(s)]
    if not parts:
        return "nothing"
    return listed(parts)


def selected(config: Any, select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    """The configuration with --select/--ignore from the command line applied."""
    from claimcheck.config import unmatched

    def split(values: tuple[str, ...], option: str) -> list[str]:
        out = [v.strip() for value in values for v in value.split(",") if v.strip()]
        for selector in out:
            if (why := unmatched(selector)) is not None:
                usage(f"{option}: {why}")
        return out

    if select:
        config.select = split(select, "--select")
    if ignore:
        config.ignore = [*config.ignore, *split(ignore, "--ignore")]
    return config


def progress(message: str) -> None:
    """A further step of a run whose loading or checking showed its progress (a big
    store): ``claimcheck: writing the report…`` on stderr. Nothing for a quick run, off a
    terminal, or with --quiet."""
    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    if settings is not None and settings.slow and not settings.quiet:
        tell(f"claimcheck: {message}…")


def load_with_progress(
    settings: Settings, limits: Any, *, background: bool = False, empty_ok: bool = False
) -> Any:
    """The store, its loading shown on a terminal when it takes a while; with
    ``background``, what it changed in the cache is recorded meanwhile, by a process of
    its own, which the store waits for when it is closed (use it in a ``with``). A folder
    with no store file is bad input (exit 2) unless ``empty_ok`` (``extract``, which
    works without a store): then it is said on stderr."""
    from claimcheck.store import load_store

    options: dict[str, Any] = {"limits": limits, "cache": settings.use_cache}
    if background:
        options["background"] = True
    with settings.progress("loading", "bytes") as report:
        if report is not None:
            options["progress"] = report
        store = load_store(settings.store, **options)
    if not store.files and empty_ok:
        warn_if_empty(store)
    elif not store.files:
        # (a mistyped --store passed every check of a folder with nothing in it: a new
        # user's trial — it is bad input, as a folder that does not exist is)
        from claimcheck.errors import Location, Problem, UsageError, display_path

        raise UsageError(
            [
                Problem(
                    Location(display_path(store.root)),
                    "no store files (*.yaml, *.yml, *.jsonl) in this folder; is --store "
                    "right? (`claimcheck init` starts a store)",
                )
            ]
        )
    show_warnings(store, settings)
    return store


def show_warnings(store: Any, settings: Settings | None = None) -> None:
    """The store's warnings (an empty file...) on stderr, ``path:line:col: warning:
    message`` as compilers and linters write them; the exit code is unchanged.
    Nothing with --quiet."""

    if settings is not None and settings.quiet:
        return
    for w in getattr(store, "warnings", ()):
        tell(f"{w.location}: warning: {w.message}")


def load_for_check(settings: Settings, limits: Any) -> Any:
    """The whole store, to be checked while its cache is recorded: use it in a ``with``
    around the check (see :func:`load_with_progress`)."""
    return load_with_progress(settings, limits, background=True)


def run_rules(settings: Settings, store: Any, config: Any) -> Any:
    """:func:`claimcheck.engine.check`, its progress shown on a terminal when long; with
    the cache, the result kept for an unchanged store and settings when there is one
    (:mod:`claimcheck.result_cache`)."""
    from claimcheck.engine import check
    from claimcheck.result_cache import check_kept

    run = check_kept if settings.use_cache else check
    with settings.progress("checking", "groups") as report:
        return run(store, config, jobs=settings.jobs, progress=report)


def check_all(ctx: click.Context) -> Any:
    settings = settings_of(ctx)
    config = settings.config()
    with load_for_check(settings, config.limits) as store:
        return run_rules(settings, store, config)


def usage(message: str) -> NoReturn:

    raise UsageError(message)
