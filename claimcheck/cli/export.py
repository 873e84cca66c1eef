"""`export`: GraphML, ClaimReview JSON-LD, CSV."""

from __future__ import annotations

from typing import Any

import click

from claimcheck.cli.base import check_all, cli
from claimcheck.cli.output import emit, tell


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
    help=(
        "ClaimReview: the publication date, YYYY-MM-DD, of reviews that give none in"
        " their `on`, and of automated ratings (default: today)."
    ),
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

    result = check_all(ctx)
    if fmt == "graphml":
        text = graphml(result)
    elif fmt == "csv":
        text = claims_csv(result)
    else:
        day = published.date() if published is not None else None
        items = claimreview(result, author, day, url, automated=automated_ratings)
        text = to_json(items)
        if not items:
            tell(
                "claimcheck: no reviewed findings to publish; --automated-ratings "
                "publishes machine grades"
                if not automated_ratings
                else "claimcheck: nothing to publish: no reviewed finding, no claim graded 1-5"
            )
        else:
            if ctx.get_parameter_source("author") == click.core.ParameterSource.DEFAULT:
                tell(
                    f"claimcheck: no --author: the items name {author!r} as the "
                    "organisation publishing them; give yours"
                )
            if not url:
                tell(
                    "claimcheck: no --url: the items have none, and Google's fact-check "
                    "markup needs the URL of the page publishing each review"
                )
    emit(text, output)
