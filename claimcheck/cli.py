"""The ``claimcheck`` command: a thin layer over the library.

Each command parses its options, calls the library, formats the result and exits.
Heavy modules (pydantic, networkx, tabulate) are imported inside the commands that use
them, so that ``claimcheck --help`` starts at once. User mistakes arrive here as
:class:`~claimcheck.errors.ClaimcheckError` and leave as ``path:line:col: message`` on
stderr with exit code 2 — in :meth:`Group.invoke`, the one place that handles them.
"""

from __future__ import annotations

import gc
import os
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


def _settings(ctx: click.Context) -> Settings:
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


def _load(ctx: click.Context) -> Any:
    from claimcheck.store import load_store

    settings = _settings(ctx)
    store = load_store(settings.store, limits=settings.config().limits, cache=settings.use_cache)
    _warn_if_empty(store)
    return store


def _warn_if_empty(store: Any) -> None:
    """A store with no file at all is most likely the wrong --store: say so (on stderr)."""
    if not store.files:
        click.echo(
            f"claimcheck: {store.root}: no store files (*.yaml, *.yml, *.jsonl) in this folder; "
            "is --store right?",
            err=True,
        )


FAIL_ON = click.Choice(["error", "warning", "info", "none"])


def _records_in_words(counts: dict[str, int]) -> str:
    """``1 claim, 2 outlets and 1 document``: claims first, then in the store's order."""
    from claimcheck.model import SECTIONS, SINGULAR

    order = ["claims", *(s for s in SECTIONS if s != "claims")]
    parts = [f"{counts[s]} {SINGULAR[s] if counts[s] == 1 else s}" for s in order if counts.get(s)]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _tty_default(fmt: str | None, tty: str, pipe: str) -> str:
    if fmt:
        return fmt
    return tty if sys.stdout.isatty() else pipe


def _selected(config: Any, select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    """The configuration with --select/--ignore from the command line applied."""
    from claimcheck.rules import all_rules

    def split(values: tuple[str, ...], option: str) -> list[str]:
        out = [v.strip() for value in values for v in value.split(",") if v.strip()]
        for selector in out:
            if not any(
                r.code.startswith(selector.upper()) or r.name == selector.lower()
                for r in all_rules()
            ):
                _usage(f"{option}: {selector!r} matches no rule")
        return out

    if select:
        config.select = split(select, "--select")
    if ignore:
        config.ignore = [*config.ignore, *split(ignore, "--ignore")]
    return config


@cli.command()
@click.argument("candidates", nargs=-1, type=click.Path(dir_okay=False))
@format_option("table", "json", "markdown", "text", "github")
@click.option(
    "--fail-on",
    type=FAIL_ON,
    help="Exit 1 when unreviewed findings reach this severity "
    "(default: error, or the configuration's).",
)
@click.option("--select", multiple=True, help="Only these rules (code prefix or name); repeatable.")
@click.option("--ignore", multiple=True, help="Skip these rules (code prefix or name); repeatable.")
@click.pass_context
def check(
    ctx: click.Context,
    candidates: tuple[str, ...],
    fmt: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Run the rules on the store, or judge CANDIDATES against it without writing.

    With candidate files, shows only the findings that involve them, plus which
    recorded claims they would corroborate and which they duplicate. The default
    format is a table on a terminal and one `path:line:col: [severity] CODE message`
    line per finding otherwise.
    """
    from claimcheck.engine import check as run_check
    from claimcheck.engine import check_candidates
    from claimcheck.render.findings import render_check

    settings = _settings(ctx)
    config = _selected(settings.config(), select, ignore)
    if fail_on:
        config.fail_on = fail_on
    if candidates:
        result = check_candidates(settings.store, candidates, config, cache=settings.use_cache)
    else:
        store = _load_for_check(settings, config.limits)
        result = run_check(store, config, jobs=settings.jobs)
    click.echo(render_check(result, _tty_default(fmt, "table", "text")))
    ctx.exit(result.exit_code())


@cli.command()
@click.argument("candidate", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML file of the store to append to (created if missing).",
)
@click.option("--force", is_flag=True, help="Add even if the candidate brings new findings.")
@click.option(
    "--fail-on", type=FAIL_ON, help="Refuse when new findings reach this severity (default: error)."
)
@format_option("table", "json", "markdown", "text", "github")
@click.pass_context
def add(
    ctx: click.Context,
    candidate: str,
    target: Path,
    force: bool,
    fail_on: str | None,
    fmt: str | None,
) -> None:
    """Check CANDIDATE, then append its records to the store.

    Refuses (exit 1, nothing written) when the candidate brings unreviewed findings at
    or above --fail-on, unless --force. Keeps the target's comments and order; writes
    atomically under a lock, so concurrent adds all land.
    """
    from claimcheck.engine import add_candidate
    from claimcheck.render.findings import render_check

    settings = _settings(ctx)
    config = settings.config()
    if fail_on:
        config.fail_on = fail_on
    outcome = add_candidate(
        settings.store, candidate, target, config, force=force, cache=settings.use_cache
    )
    click.echo(render_check(outcome.result, _tty_default(fmt, "table", "text")))
    if outcome.written:
        click.echo(
            f"added {_records_in_words(outcome.added)} to {outcome.target}"
            + (" (forced)" if force and outcome.blocking else ""),
            err=True,
        )
        ctx.exit(EXIT_OK)
    click.echo(
        f"not added: {len(outcome.blocking)} new finding"
        f"{'s' if len(outcome.blocking) != 1 else ''} at or above --fail-on "
        f"{config.fail_on}; fix them, review them, or use --force",
        err=True,
    )
    ctx.exit(EXIT_FINDINGS)


def _progress(message: str) -> None:
    """A step of a long run, on stderr, only when a person is watching."""
    if sys.stderr.isatty():
        click.echo(f"claimcheck: {message}…", err=True)


def _load_for_check(settings: Settings, limits: Any) -> Any:
    """The whole store; what it changed in the cache is recorded meanwhile, by a process
    of its own (waited for before the command exits)."""
    from claimcheck.store import load_store

    store = load_store(settings.store, limits=limits, cache=settings.use_cache, background=True)
    _warn_if_empty(store)
    return store


def _check_all(ctx: click.Context) -> Any:
    from claimcheck.engine import check as run_check

    settings = _settings(ctx)
    config = settings.config()
    _progress(f"loading {settings.store}")
    store = _load_for_check(settings, config.limits)
    _progress(f"checking {len(store.claims)} claims")
    return run_check(store, config, jobs=settings.jobs)


@cli.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file."
)
@format_option("markdown", "html", "json")
@click.option("--title", help="The report's title (default: from the store's folder name).")
@click.option(
    "--fail-on",
    type=FAIL_ON,
    default="none",
    show_default=True,
    help="Exit 1 when unreviewed findings reach this severity.",
)
@click.pass_context
def report(
    ctx: click.Context, output: str | None, fmt: str | None, title: str | None, fail_on: str
) -> None:
    """The discrepancy report: who says what, how sure we can be, and why.

    Markdown (default; Mermaid diagrams for GitHub and GitLab), one self-contained HTML
    file (inline SVG, no script), or JSON. The format follows -o's suffix when not given.
    """
    from claimcheck.report import render_report

    if fmt is None and output and output != "-":
        suffix = Path(output).suffix.lower()
        fmt = REPORT_SUFFIXES.get(suffix)
        if fmt is None:
            what = f"the suffix {suffix!r}" if suffix else "a name with no suffix"
            _usage(
                f"-o {output}: cannot tell the report's format from {what}; "
                "name it .md, .html or .json, or give --format"
            )
    result = _check_all(ctx)
    _progress("writing the report")
    emit(render_report(result, fmt or "markdown", title), output)
    if output and output != "-":
        click.echo(f"wrote {output}", err=True)
    ctx.exit(result.exit_code(fail_on))


#: The report's format for each suffix of ``-o`` (when ``--format`` is not given).
REPORT_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


@cli.command()
@click.argument("outlet", required=False)
@format_option("table", "json", "markdown")
@click.pass_context
def sources(ctx: click.Context, outlet: str | None, fmt: str | None) -> None:
    """Each outlet's record, or one OUTLET's claims with their grades and findings."""
    from claimcheck.render.sources import render_outlet, render_outlets
    from claimcheck.sources import outlet_claims, outlet_records
    from claimcheck.values import nfc

    outlet = None if outlet is None else nfc(outlet)

    result = _check_all(ctx)
    records = outlet_records(result)
    if outlet is None:
        click.echo(render_outlets(records, fmt or "table"))
        return
    record = next((r for r in records if r.id == outlet), None)
    if record is None:
        known = ", ".join(r.id for r in records)
        _usage(f"no outlet {outlet!r}; outlets: {known}")
    click.echo(render_outlet(record, outlet_claims(result, outlet), fmt or "table"))


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["graphml", "claimreview", "csv"]),
    help="graphml: the provenance graph (Gephi); claimreview: schema.org JSON-LD; "
    "csv: every claim, defaults resolved.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--author",
    default="claimcheck",
    show_default=True,
    help="ClaimReview: the organisation publishing the reviews.",
)
@click.option(
    "--url",
    help="ClaimReview: the page publishing the reviews (each item links to URL#ID: a "
    "finding's fingerprint, or an automated rating's claim id); Google requires one.",
)
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="ClaimReview: the reviews' publication date, YYYY-MM-DD (default: today).",
)
@click.option(
    "--automated-ratings",
    is_flag=True,
    help="ClaimReview: also publish claimcheck's machine grades (1-5) as ratings, each "
    "labelled automated; by default only a person's verdicts (reviews) are published.",
)
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: str | None,
    author: str,
    url: str | None,
    published: Any,
    automated_ratings: bool,
) -> None:
    """Export the provenance graph, ClaimReview JSON-LD, or a CSV of claims."""
    from claimcheck.export import claimreview, claims_csv, graphml
    from claimcheck.render import to_json

    result = _check_all(ctx)
    if fmt == "graphml":
        text = graphml(result)
    elif fmt == "csv":
        text = claims_csv(result)
    else:
        day = published.date() if published is not None else None
        items = claimreview(result, author, day, url, automated=automated_ratings)
        text = to_json(items)
        if not items:
            click.echo(
                "claimcheck: no reviewed findings to publish; --automated-ratings "
                "publishes machine grades"
                if not automated_ratings
                else "claimcheck: nothing to publish: no reviewed finding, no claim graded 1-5",
                err=True,
            )
        elif not url:
            click.echo(
                "claimcheck: no --url: the items have none, and Google's fact-check markup "
                "needs the URL of the page publishing each review",
                err=True,
            )
    emit(text, output)


@cli.command()
@click.argument("code", required=False)
@format_option("table", "json", "markdown")
def rules(code: str | None, fmt: str | None) -> None:
    """List the rule catalogue, or explain one rule (by code or name)."""
    from claimcheck.render.rules import render_rule, render_rules
    from claimcheck.rules import all_rules, get_rule

    if code is None:
        click.echo(render_rules(all_rules(), fmt or "table"))
        return
    rule = get_rule(code)
    if rule is None:
        _usage(f"no rule {code!r}; `claimcheck rules` lists them")
    click.echo(render_rule(rule, fmt or "table"))


@cli.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Load and check the store; report problems, nothing else."""
    store = _load(ctx)
    from claimcheck.model import SINGULAR

    def count(n: int, name: str) -> str:
        return f"{n} {name if n != 1 else SINGULAR[name]}"

    counts = ", ".join(
        count(len(getattr(store, name)), name)
        for name in (
            "outlets",
            "documents",
            "parties",
            "subjects",
            "properties",
            "claims",
            "reviews",
        )
    )
    files = len(store.files)
    click.echo(f"{_settings(ctx).store}: {files} file{'s' if files != 1 else ''}, {counts}: valid")


@cli.command()
@click.option("--subject", help="Only claims about this subject (and its parts).")
@click.option("--property", "property_", metavar="PROPERTY", help="Only claims on this property.")
@click.option("--outlet", help="Only claims whose document this outlet published.")
@click.option("--claimant", help="Only claims made by this party or outlet.")
@format_option("table", "json", "markdown")
@click.pass_context
def claims(
    ctx: click.Context,
    subject: str | None,
    property_: str | None,
    outlet: str | None,
    claimant: str | None,
    fmt: str | None,
) -> None:
    """Query claims, with their defaults resolved."""
    from claimcheck.errors import an
    from claimcheck.render.claims import render_claims
    from claimcheck.store.query import query_claims
    from claimcheck.values import nfc

    # Ids are compared in NFC, as the store holds them ("Léré" typed either way).
    subject, property_, outlet, claimant = (
        None if v is None else nfc(v) for v in (subject, property_, outlet, claimant)
    )
    store = _load(ctx)
    for option, value, kind, known in (
        ("--subject", subject, "subject", store.subjects),
        ("--property", property_, "property", store.properties),
        ("--outlet", outlet, "outlet", store.outlets),
        ("--claimant", claimant, "party or outlet", {**store.parties, **store.outlets}),
    ):
        if value is not None and value not in known:
            other = store.kind_of(value)
            _usage(
                f"{option}: no {kind} {value!r} in the store"
                + (f" (it is {an(other)})" if other else "")
            )
    found = query_claims(
        store, subject=subject, property=property_, outlet=outlet, claimant=claimant
    )
    click.echo(render_claims(store, found, fmt or "table"))


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of the file format (for editors' YAML validation)."""
    from claimcheck.model import json_schema
    from claimcheck.render import to_json

    emit(to_json(json_schema()), output)


def _usage(message: str) -> NoReturn:
    from claimcheck.errors import UsageError

    raise UsageError(message)


def main() -> None:
    """Console-script entry point."""
    # One run builds its objects and keeps them to the end; they form no cycles worth
    # collecting, and on a big store the collector's full passes over millions of live
    # objects cost more time than anything they free (the library pauses it only around
    # its own loops, so that long-lived callers keep their collector).
    gc.disable()
    try:
        cli(prog_name="claimcheck")
        code = EXIT_OK
    except SystemExit as e:
        if isinstance(e.code, str):
            click.echo(e.code, err=True)
        code = e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else 1
    except BrokenPipeError:  # a pipe that closes early (`| head`): no traceback
        code = EXIT_OK
    # Leave without freeing what the run built, object by object: every write is already
    # complete (files are renamed into place, the cache committed) and a million claims
    # take over a second to tear down.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    from claimcheck.forked import wait_background

    wait_background()  # the cache, being recorded by a child process
    os._exit(code)


if __name__ == "__main__":
    main()
