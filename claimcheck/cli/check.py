"""`check` and `add`: run the rules, judge candidates, append them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimcheck.cli.base import (
    EXIT_FINDINGS,
    EXIT_OK,
    FAIL_ON_CHOICE,
    cli,
    format_option,
    load_for_check,
    records_in_words,
    run_rules,
    selected,
    show_warnings,
    warn_if_candidates_hold_nothing,
    warn_if_empty,
    warn_if_no_store_files,
)
from claimcheck.cli.output import echo, tell, tty_default
from claimcheck.cli.settings import Settings, settings_of
from claimcheck.errors import StoreError

if TYPE_CHECKING:
    from claimcheck.config import Config
    from claimcheck.results import Result


@cli.command()
@click.argument("candidates", nargs=-1, type=click.Path(dir_okay=False))
@format_option("table", "json", "markdown", "text", "github", piped="text")
@click.option(
    "--fail-on",
    type=FAIL_ON_CHOICE,
    help="Exit 1 when unreviewed findings reach this severity "
    "(default: error, or the configuration's).",
)
@click.option(
    "--select",
    multiple=True,
    help="Only these rules (code prefix or name): comma-separated, or repeated.",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Skip these rules (code prefix or name): comma-separated, or repeated.",
)
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
    from claimcheck.render.findings import render_check

    settings = settings_of(ctx)
    config = selected(settings.config(), select, ignore)
    if fail_on:
        config.fail_on = fail_on
    try:
        result = _checked(settings, config, candidates)
    except StoreError as e:
        # (bad input as annotations too: a CI job shows them on the diff — a CI trial
        # found a typo'd id only on stderr; the exit stays 2)
        if fmt == "github" or (fmt in (None, "text") and _in_github_actions()):
            from claimcheck.render.findings import annotation

            echo("\n".join(annotation("error", p.location, p.message) for p in e.problems))
        raise
    fmt = tty_default(fmt, "table", "text")
    colours = settings.colours(fmt)
    echo(render_check(result, fmt, colours), colours)
    ctx.exit(result.exit_code())


def _in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _checked(settings: Settings, config: Config, candidates: tuple[str, ...]) -> Result:
    """The check's result: of the store, or of ``candidates`` against it."""
    from claimcheck.candidates import check_candidates

    if candidates:
        try:
            with settings.progress("loading", "bytes") as report:
                result = check_candidates(
                    settings.store, candidates, config, cache=settings.use_cache, progress=report
                )
        except StoreError:
            warn_if_no_store_files(settings.store)  # the likely cause of "unknown" ids
            raise
        warn_if_empty(result.store)
        warn_if_candidates_hold_nothing(result.store)
        show_warnings(result.store, settings)
    else:
        with load_for_check(settings, config.limits) as store:
            result = run_rules(settings, store, config)
    return result


@cli.command()
@click.argument("candidate", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML file of the store to append to, created if missing (default: the "
    "store's file of the candidate's name).",
)
@click.option("--force", is_flag=True, help="Add even if the candidate brings new findings.")
@click.option(
    "--fail-on",
    type=FAIL_ON_CHOICE,
    help="Refuse when new findings reach this severity (default: error, or the configuration's).",
)
@format_option("table", "json", "markdown", "text", "github", piped="text")
@click.pass_context
def add(
    ctx: click.Context,
    candidate: str,
    target: Path | None,
    force: bool,
    fail_on: str | None,
    fmt: str | None,
) -> None:
    """Check CANDIDATE, then append its records to the store.

    Refuses (exit 1, nothing written) when the candidate brings unreviewed findings at
    or above --fail-on, or a review whose fingerprint no finding has, unless --force.
    Keeps the target's comments and order; writes atomically under a lock, so
    concurrent adds all land.
    """
    from claimcheck.add import add_candidate
    from claimcheck.render.findings import render_check

    settings = settings_of(ctx)
    config = settings.config()
    if fail_on:
        config.fail_on = fail_on
    if target is None:
        from claimcheck.store.target import default_target

        target = default_target(settings.store, candidate)
    try:
        with settings.progress("loading", "bytes") as report:
            outcome = add_candidate(
                settings.store,
                candidate,
                target,
                config,
                force=force,
                cache=settings.use_cache,
                progress=report,
            )
    except StoreError:
        warn_if_no_store_files(settings.store)
        raise
    fmt = tty_default(fmt, "table", "text")
    colours = settings.colours(fmt)
    echo(render_check(outcome.result, fmt, colours), colours)
    if outcome.written and not any(outcome.added.values()):
        tell(f"nothing added: {candidate} holds no records; nothing was written")
        ctx.exit(EXIT_OK)
    if outcome.written:
        tell(
            f"added {records_in_words(outcome.added)} to {outcome.target}"
            + (" (forced)" if force and outcome.blocking else "")
        )
        ctx.exit(EXIT_OK)
    stale = outcome.result.stale_reviews
    reasons = (
        [
            f"{len(outcome.blocking)} new finding{'s' if len(outcome.blocking) != 1 else ''} "
            f"at or above --fail-on {config.fail_on}"
        ]
        if outcome.blocking
        else []
    )
    if stale:
        reasons.append(f"{len(stale)} review{'s' if len(stale) != 1 else ''} of no finding")
    tell(
        f"not added: {' and '.join(reasons)}; fix them, review them, or use --force",
        always=True,
    )
    ctx.exit(EXIT_FINDINGS)
