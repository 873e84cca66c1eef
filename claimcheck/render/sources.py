"""Rendering outlets' records (`claimcheck sources`)."""

from __future__ import annotations

from typing import Any

from claimcheck.render import count, escape_markdown, shorten, table, to_json
from claimcheck.sources import OutletRecord


def _track(r: OutletRecord) -> str:
    return f"{r.track_record:.0%}" if r.track_record is not None else "—"


def render_outlets(records: list[OutletRecord], fmt: str) -> str:
    if fmt == "json":
        return to_json({"outlets": [r.as_dict() for r in records]})
    headers = [
        "outlet",
        "owner",
        "docs",
        "claims",
        "as claimant",
        "corroborated",
        "contested",
        "single origin",
        "relayed",
        "track record",
    ]
    rows = [
        [
            r.id,
            r.owner,
            r.documents,
            r.claims,
            r.as_claimant,
            r.corroborated,
            r.contested,
            r.single_origin,
            r.relayed,
            _track(r),
        ]
        for r in records
    ]
    note = (
        "\ncorroborated, contested, single origin: of the claims it makes itself (as "
        "claimant); track record: of those, the share graded 1-2 among those graded 1-2 or "
        "4-5; relayed: documents citing or cited by another outlet's, and suspected relays"
    )
    return table(rows, headers, fmt) + ("\n" + note if fmt != "markdown" else "\n" + note.strip())


def render_outlet(record: OutletRecord, claims: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return to_json({"outlet": record.as_dict(), "claims": claims})
    head = (
        f"{record.name} ({record.id}, {record.kind}, owner {record.owner}): "
        f"{count(record.documents, 'document')}, {count(record.claims, 'claim')}; "
        f"{record.corroborated} corroborated, "
        f"{record.contested} contested, {record.single_origin} single origin; "
        f"track record {_track(record)}"
    )
    rows = [
        [
            c["id"],
            c["subject"],
            c["property"],
            shorten(c["value"], 30),
            c["claimant"],
            c["as_of"],
            c["grade"],
            ", ".join(c["findings"]),
            c["status"],
        ]
        for c in claims
    ]
    body = table(
        rows,
        [
            "claim",
            "subject",
            "property",
            "value",
            "claimant",
            "as of",
            "grade",
            "findings",
            "status",
        ],
        fmt,
    )
    if fmt == "markdown":
        head = escape_markdown(head)
    return f"{head}\n\n{body}"
