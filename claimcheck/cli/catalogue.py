"""`rules` and `schema`: what claimcheck knows, for people and editors."""

from __future__ import annotations

import click

from claimcheck.cli.base import cli, format_option, usage
from claimcheck.cli.output import echo, emit
from claimcheck.cli.settings import settings_of


@cli.command()
@click.argument("code", required=False)
@format_option("table", "json", "markdown")
@click.pass_context
def rules(ctx: click.Context, code: str | None, fmt: str | None) -> None:
    """List the rule catalogue, or explain one rule (by code or name)."""
    from claimcheck.render.rules import render_rule, render_rules
    from claimcheck.rules import all_rules, get_rule

    if code is None:
        fmt = fmt or "table"
        colours = settings_of(ctx).colours(fmt)
        echo(render_rules(all_rules(), fmt, colours), colours)
        return
    rule = get_rule(code)
    if rule is None:
        usage(f"no rule {code!r}; `claimcheck rules` lists them")
    echo(render_rule(rule, fmt or "table"))


#: What ``claimcheck schema`` describes (see :mod:`claimcheck.render.schemas`).
SCHEMAS = ("store", "check", "report", "claims", "rules", "sources")


@cli.command()
@click.argument("of", metavar="[OUTPUT]", type=click.Choice(SCHEMAS), required=False)
@click.option(
    "-o",
    "--output",
    metavar="OUTPUT|PATH",
    help="The output whose schema to print (store, check, report, claims, rules, "
    "sources: `schema -o check`), or a file to write the schema to (./check for a file "
    "named like an output).",
)
def schema(of: str | None, output: str | None) -> None:
    """Print a JSON Schema: of the store's file format (default; for editors' YAML
    validation), or of the JSON output of a command: check, report, claims, rules,
    sources (`claimcheck schema check`, or `claimcheck schema -o check`).

    An output's schema is open: a later claimcheck may add keys to the output without
    raising its "version", and they validate.
    """
    from claimcheck.render import to_json
    from claimcheck.render.schemas import published_schema

    if output in SCHEMAS:  # a bare name: which output, not where (a file is ./check)
        if of is not None and of != output:
            usage(f"give the output once: {of} or {output}, not both")
        of, output = output, None
    try:
        data = published_schema(of or "store")
    except LookupError as e:
        usage(str(e))
    emit(to_json(data), output)
