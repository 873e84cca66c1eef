"""`sources`: each outlet's record, or each party's."""

from __future__ import annotations

import click

from claimcheck.cli.base import (
    check_all,
    cli,
    echo,
    format_option,
    usage,
)


@cli.command()
@click.argument("outlet", required=False)
@click.option("--parties", is_flag=True, help="Each party's record as a claimant.")
@click.option("--party", metavar="ID", help="One party's claims with their grades and findings.")
@click.option(
    "--with-parts",
    is_flag=True,
    help="Count the claims of a party's parts (part_of it) and media (affiliated) as its own.",
)
@format_option("table", "json", "markdown")
@click.pass_context
def sources(
    ctx: click.Context,
    outlet: str | None,
    parties: bool,
    party: str | None,
    with_parts: bool,
    fmt: str | None,
) -> None:
    """Each outlet's record, or one OUTLET's claims with their grades and findings.

    With --parties, each party's record as a claimant (a ministry, an army, a rebel
    group); with --party ID, the claims that party makes.
    """
    from claimcheck.errors import did_you_mean
    from claimcheck.values import nfc

    if outlet is not None and (parties or party is not None):
        usage("give an OUTLET, --parties or --party ID, not several")
    if parties and party is not None:
        usage("give --parties (every party) or --party ID (one), not both")
    if with_parts and not (parties or party is not None):
        usage("--with-parts goes with --parties or --party ID")
    fmt = fmt or "table"
    result = check_all(ctx)
    store = result.store
    if parties or party is not None:
        from claimcheck.render.sources import render_parties, render_party
        from claimcheck.sources import party_claims, party_records

        records = party_records(result, with_parts=with_parts)
        if party is None:
            echo(render_parties(records, fmt))
            return
        party = nfc(party)
        record = next((r for r in records if r.id == party), None)
        if record is None:
            if party in store.outlets:
                usage(f"no party {party!r}: it is an outlet; `claimcheck sources {party}`")
            usage(
                f"no party {party!r}{did_you_mean(party, store.parties)}; "
                "`claimcheck sources --parties` lists them"
            )
        claims = party_claims(result, party, with_parts=with_parts)
        echo(render_party(record, claims, fmt))
        return

    from claimcheck.render.sources import render_outlet, render_outlets
    from claimcheck.sources import outlet_claims, outlet_records

    records_ = outlet_records(result)
    if outlet is None:
        echo(render_outlets(records_, fmt))
        return
    outlet = nfc(outlet)
    record_ = next((r for r in records_ if r.id == outlet), None)
    if record_ is None:
        if outlet in store.parties:
            usage(f"no outlet {outlet!r}: it is a party; `claimcheck sources --party {outlet}`")
        known = ", ".join(r.id for r in records_)
        usage(f"no outlet {outlet!r}{did_you_mean(outlet, store.outlets)}; outlets: {known}")
    echo(render_outlet(record_, outlet_claims(result, outlet), fmt))
