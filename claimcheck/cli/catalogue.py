"""`rules` and `schema`: what claimcheck knows, for people and editors."""

from __future__ import annotations

import click

from claimcheck.cli.base import (
    cli,
    echo,
    emit,
    format_option,
    settings_of,
    usage,
)


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
@click.argument("of", metavar="[OUTPUT]", type=click.Choice(SCHEMAS), default="store")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
def schema(of: str, output: str | None) -> None:
    """Print a JSON Schema: of the store's file format (default; for editors' YAML
    validation), or of the JSON output of a command: check, report, claims, rules,
    sources."""
    from claimcheck.render import to_json
    from claimcheck.render.schemas import output_schema

    try:
        data = output_schema(of)
    except LookupError as e:
        usage(str(e))
    emit(to_json(data), output)
