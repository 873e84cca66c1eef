"""`validate` and `claims`: load the store, query its claims."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from claimcheck.cli.base import cli, format_option, load, usage
from claimcheck.cli.output import echo
from claimcheck.cli.settings import settings_of

if TYPE_CHECKING:
    from claimcheck.errors import Problem


@cli.command()
@format_option("text", "json")
@click.pass_context
def validate(ctx: click.Context, fmt: str | None) -> None:
    """Load and check the store; report problems, nothing else.

    With --format json, prints {"version", "valid": true, "files", "counts",
    "warnings"}, or on a store that does not load {"version", "valid": false,
    "problems": [...]} (each with its path, line, column and message, as stderr gives
    them) and exits 2.
    """
    from claimcheck.errors import StoreError
    from claimcheck.model import SECTIONS, SINGULAR
    from claimcheck.render import JSON_VERSION, count, visible

    where = visible(str(settings_of(ctx).store))
    try:
        store = load(ctx)
    except StoreError as e:
        if fmt == "json":
            echo(
                _json(
                    {
                        "version": JSON_VERSION,
                        "store": where,
                        "valid": False,
                        "problems": _problems(e.problems),
                    }
                )
            )
        raise
    files = len(store.files)
    if fmt == "json":
        echo(
            _json(
                {
                    "version": JSON_VERSION,
                    "store": where,
                    "valid": True,
                    "files": files,
                    "counts": {s: len(getattr(store, s)) for s in SECTIONS},
                    "warnings": _problems(getattr(store, "warnings", ())),
                }
            )
        )
        return
    counts = ", ".join(count(len(getattr(store, s)), SINGULAR[s], s) for s in SECTIONS)
    echo(f"{where}: {count(files, 'file')}, {counts}: valid")


def _problems(problems: Iterable[Problem]) -> list[dict[str, object]]:
    """Problems as JSON: ``path:line:col`` and its parts, and the message."""
    return [
        {
            "location": str(p.location),
            "path": p.location.path,
            "line": p.location.shown()[0],
            "col": p.location.shown()[1],
            "message": p.message,
        }
        for p in problems
    ]


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


@cli.command()
@click.option(
    "--subject", metavar="SUBJECT", help="Only claims about this subject (and its parts)."
)
@click.option("--property", "property_", metavar="PROPERTY", help="Only claims on this property.")
@click.option(
    "--outlet", metavar="OUTLET", help="Only claims whose document this outlet published."
)
@click.option("--claimant", metavar="ID", help="Only claims made by this party or outlet.")
@click.option(
    "--with-parts",
    is_flag=True,
    help="With --claimant: also the parties part_of it (its spokespeople, its units).",
)
@format_option("table", "json", "markdown")
@click.pass_context
def claims(
    ctx: click.Context,
    subject: str | None,
    property_: str | None,
    outlet: str | None,
    claimant: str | None,
    with_parts: bool,
    fmt: str | None,
) -> None:
    """Query claims, with their defaults resolved."""
    from claimcheck.errors import an, did_you_mean
    from claimcheck.render.claims import render_claims
    from claimcheck.store.query import query_claims
    from claimcheck.values import nfc

    # Ids are compared in NFC, as the store holds them ("Léré" typed either way).
    subject, property_, outlet, claimant = (
        None if v is None else nfc(v) for v in (subject, property_, outlet, claimant)
    )
    store = load(ctx)
    for option, value, kind, known in (
        ("--subject", subject, "subject", store.subjects),
        ("--property", property_, "property", store.properties),
        ("--outlet", outlet, "outlet", store.outlets),
        ("--claimant", claimant, "party or outlet", {**store.parties, **store.outlets}),
    ):
        if value is not None and value not in known:
            other = store.what_is(value)
            usage(
                f"{option}: no {kind} {value!r} in the store"
                + (f" (it is {an(other)})" if other else did_you_mean(value, known))
            )
    if with_parts and claimant is None:
        usage("--with-parts goes with --claimant ID")
    found = query_claims(
        store,
        subject=subject,
        property=property_,
        outlet=outlet,
        claimant=claimant,
        with_parts=with_parts,
    )
    echo(render_claims(store, found, fmt or "table"))
