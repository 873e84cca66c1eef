"""`sources`: each outlet's record."""

from __future__ import annotations

import click

from claimcheck.cli.base import (
    check_all,
    cli,
    format_option,
    usage,
)


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

    result = check_all(ctx)
    records = outlet_records(result)
    if outlet is None:
        click.echo(render_outlets(records, fmt or "table"))
        return
    record = next((r for r in records if r.id == outlet), None)
    if record is None:
        known = ", ".join(r.id for r in records)
        usage(f"no outlet {outlet!r}; outlets: {known}")
    click.echo(render_outlet(record, outlet_claims(result, outlet), fmt or "table"))
