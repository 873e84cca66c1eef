"""`report`: the discrepancy report."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.base import FAIL_ON_CHOICE, check_all, cli, format_option, progress, usage
from claimcheck.cli.output import emit, tell


@cli.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file."
)
@format_option("markdown", "html", "json")
@click.option(
    "--title",
    help="The report's title (default: `title` in claimcheck.toml, else named after the "
    "subject that holds most of the claims).",
)
@click.option(
    "--fail-on",
    type=FAIL_ON_CHOICE,
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
    from claimcheck.report import report_output

    if title is not None:
        if not title.strip():  # as a blank `title` in claimcheck.toml is refused
            usage('--title must not be blank, like --title "Battle of Kidal (2023)"')
        title = title.strip()
    if fmt is None and output and output != "-":
        suffix = Path(output).suffix.lower()
        fmt = REPORT_SUFFIXES.get(suffix)
        if fmt is None:
            what = f"the suffix {suffix!r}" if suffix else "a name with no suffix"
            usage(
                f"-o {output}: cannot tell the report's format from {what}; "
                "name it .md, .html or .json, or give --format"
            )
    elif fmt is not None and output and output != "-":
        said = REPORT_SUFFIXES.get(Path(output).suffix.lower())
        if said is not None and said != fmt:
            tell(f"warning: writing {fmt} to {output}, whose suffix says {said}")
    result = check_all(ctx)
    progress("writing the report")
    emit(report_output(result, fmt or "markdown", title), output)
    ctx.exit(result.exit_code(fail_on))


#: The report's format for each suffix of ``-o`` (when ``--format`` is not given).
REPORT_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
