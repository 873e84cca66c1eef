"""`extract`: from a news article to a candidate file of claims."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.base import cli
from claimcheck.cli.output import emit, tell
from claimcheck.cli.settings import settings_of


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@cli.command()
@click.argument("article", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--outlet", help="The id of the outlet that published it (in the store, or new).")
@click.option("--published", callback=_date, help="Its publication date, YYYY-MM-DD.")
@click.option("--title", help="Its title (default: the first line, or the page's).")
@click.option("--url", help="Its address.")
@click.option("--language", type=click.Choice(["en", "fr"]), help="Default: told from the text.")
@click.option("--encoding", help="The file's encoding (default: UTF-8, UTF-16 or Windows-1252).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", help="Default: yaml."
)
@click.option("--check", "then_check", is_flag=True, help="Then check the candidate at once.")
@click.pass_context
def extract(
    ctx: click.Context,
    article: str,
    outlet: str | None,
    published: dt.date | None,
    title: str | None,
    url: str | None,
    language: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str,
    then_check: bool,
) -> None:
    """Propose candidate claims from a news ARTICLE (plain text, or HTML with the
    `html` extra), in English or French; `-` reads it from standard input (give its
    --title and --url).

    Writes a document record and one claim per figure the article asserts, with its
    claimant, subject and as_of matched to the store, each under a comment saying what
    was guessed. Fields it could not fill are left empty for you: `check` refuses the
    file until they are filled. Then: claimcheck check FILE; claimcheck add FILE --to
    STORE-FILE.
    """
    import json

    from claimcheck.extract import extract_bytes, extract_file, to_json, to_yaml
    from claimcheck.render import JSON_VERSION

    settings = settings_of(ctx)
    store = None
    if Path(settings.store).is_dir():
        from claimcheck.cli.base import load_with_progress

        store = load_with_progress(settings, settings.config().limits, empty_ok=True)
    options: dict[str, Any] = dict(
        outlet=outlet, published=published, title=title, url=url, language=language,
        encoding=encoding,
    )  # fmt: skip
    if article == "-":
        from claimcheck.extract.text import MAX_BYTES

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        found = extract_bytes(data, store, **options)
    else:
        found = extract_file(article, store, **options)
    text = to_yaml(found)
    if then_check:
        if not output or output == "-":
            raise click.UsageError(
                "--check needs -o FILE: the candidate is checked where you edit it"
            )
        emit(text, output, say=False)
        _summary(found, output)
        _check(ctx, output)
        return
    if fmt == "json":
        text = json.dumps(to_json(found, JSON_VERSION), ensure_ascii=False, indent=2)
    emit(text, output, say=False)
    if output and output != "-":
        _summary(found, output)


def _summary(found: Any, output: str) -> None:
    """What was written, on stderr: the claims, the new records, what is left to fill."""
    from claimcheck.render import count

    parts = [count(len(found.claims), "claim")]
    if found.outlet:
        parts.append("1 new outlet")
    if found.properties:
        parts.append(count(len(found.properties), "property", "properties") + " proposed")
    # A new outlet's kind is always left for you (see extract.candidate).
    to_fill = sum(len(c.fill) for c in found.claims) + (1 if found.outlet else 0)
    if not found.recorded:
        to_fill += sum(found.document.get(key) is None for key in ("outlet", "published"))
    tail = (
        f"; {count(to_fill, 'field')} left for you to fill (check says where)"
        if to_fill
        else "; read it before you check it"
    )
    tell(f"wrote {output}: {', '.join(parts)}{tail}")
    if found.recorded:
        tell(
            f"the store already records this article as document {found.document['id']}: "
            "the claims cite it; `check` shows those already recorded (duplicates)"
        )


def _check(ctx: click.Context, path: str) -> None:
    """Check the candidate written at ``path``, as `check CANDIDATE` does."""
    from claimcheck.candidates import check_candidates
    from claimcheck.cli.output import echo, tty_default
    from claimcheck.render.findings import render_check

    settings = settings_of(ctx)
    result = check_candidates(settings.store, [path], settings.config(), cache=settings.use_cache)
    fmt = tty_default(None, "table", "text")
    colours = settings.colours(fmt)
    echo(render_check(result, fmt, colours), colours)
    ctx.exit(result.exit_code())
