"""Rendering a list of claims: a table, Markdown or the JSON shape of DESIGN §5."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.model import Claim
from claimcheck.render import JSON_VERSION, count, shorten, table, to_json
from claimcheck.store import Store
from claimcheck.store.query import claim_record


def render_claims(store: Store, claims: Sequence[Claim], fmt: str) -> str:
    if fmt == "json":
        return to_json(
            {"version": JSON_VERSION, "claims": [claim_record(store, c) for c in claims]}
        )
    headers = ["id", "subject", "property", "value", "claimant", "outlet", "as of", "source"]
    # A terminal table keeps values short; Markdown, meant to be pasted, keeps them whole.
    width = None if fmt == "markdown" else 30
    rows = [
        [
            c.id,
            c.subject,
            c.property,
            (shorten(c.stated, width) if width else c.stated)
            + ("" if c.active else f" [{c.status}]"),
            c.claimant if c.claimant_given else f"({c.claimant or '—'})",
            c.outlet,
            c.as_of,
            c.source or "—",
        ]
        for c in claims
    ]
    footer = f"\n{count(len(claims), 'claim')}"
    if fmt == "markdown":
        return table(rows, headers, "markdown") + "\n" + footer
    return table(rows, headers) + footer
