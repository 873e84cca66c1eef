"""`sources`: each outlet's record, or each party's."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from typing import Protocol, TypeVar

import click

from claimcheck.cli.base import check_all, cli, format_option, usage
from claimcheck.cli.output import echo
from claimcheck.errors import did_you_mean


class _Record(Protocol):
    id: str


R = TypeVar("R", bound=_Record)


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
        from claimcheck.render.track_records import render_parties, render_party
        from claimcheck.track_records import party_claims, party_records

        records = party_records(result, with_parts=with_parts)
        if party is None:
            echo(render_parties(records, fmt))
            return
        party = nfc(party)
        record = _one(
            records,
            party,
            kind="party",
            known=store.parties,
            other=(store.outlets, "an outlet", party),
            listed="`claimcheck sources --parties` lists them",
        )
        claims = party_claims(result, party, with_parts=with_parts)
        echo(render_party(record, claims, fmt))
        return

    from claimcheck.render.track_records import render_outlet, render_outlets
    from claimcheck.track_records import outlet_claims, outlet_records

    records_ = outlet_records(result)
    if outlet is None:
        echo(render_outlets(records_, fmt))
        return
    outlet = nfc(outlet)
    record_ = _one(
        records_,
        outlet,
        kind="outlet",
        known=store.outlets,
        other=(store.parties, "a party", f"--party {outlet}"),
        listed=f"outlets: {', '.join(r.id for r in records_)}",
    )
    echo(render_outlet(record_, outlet_claims(result, outlet), fmt))


def _one(
    records: Sequence[R],
    wanted: str,
    *,
    kind: str,
    known: Iterable[str],
    other: tuple[Container[str], str, str],
    listed: str,
) -> R:
    """The record with id ``wanted``, or a usage error: it is of the ``other`` kind (its
    ids, that kind in words, the arguments of the `sources` command showing it), or
    unknown (a close id suggested, then ``listed``)."""
    record = next((r for r in records if r.id == wanted), None)
    if record is None:
        others, other_kind, arguments = other
        if wanted in others:
            usage(f"no {kind} {wanted!r}: it is {other_kind}; `claimcheck sources {arguments}`")
        usage(f"no {kind} {wanted!r}{did_you_mean(wanted, known)}; {listed}")
    return record
