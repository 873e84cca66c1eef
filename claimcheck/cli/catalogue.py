"""`rules` and `schema`: what claimcheck knows, for people and editors."""

from __future__ import annotations

import click

from claimcheck.cli.base import (
    cli,
    emit,
    format_option,
    usage,
)


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
        usage(f"no rule {code!r}; `claimcheck rules` lists them")
    click.echo(render_rule(rule, fmt or "table"))


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of the file format (for editors' YAML validation)."""
    from claimcheck.model import json_schema
    from claimcheck.render import to_json

    emit(to_json(json_schema()), output)
