"""Rendering outlets' and parties' track records (`claimcheck sources`).

Every piece of store text in a table or a heading goes through
:func:`~claimcheck.render.cell_text`, which shows control characters visibly: a hostile
store must not drive the reader's terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.render import (
    JSON_VERSION,
    cell_text,
    count,
    escape_markdown,
    shorten,
    table,
    to_json,
)
from claimcheck.track_records import OutletRecord, PartyRecord


def _table(rows: Sequence[Sequence[object]], headers: list[str], fmt: str) -> str:
    return table([[cell_text(c) for c in row] for row in rows], headers, fmt)


def _heading(text: str, fmt: str) -> str:
    text = cell_text(text)
    return escape_markdown(text) if fmt == "markdown" else text


def _note(text: str, fmt: str) -> str:
    return "\n" + text if fmt != "markdown" else "\n" + text.strip()


def track_record_text(share: float | None) -> str:
    """``67%``: a track record (the share of claims that held) as shown, ``—`` when
    there is none."""
    return f"{share:.0%}" if share is not None else "—"


def track_with_counts(r: OutletRecord | PartyRecord) -> str:
    """``50% (1 of 2)``: a track record with the claims it rests on, few as they often
    are (a 0% of one claim is not a 0% of twenty)."""
    if r.track_record is None:
        return "—"
    return f"{track_record_text(r.track_record)} ({r.held} of {r.held + r.failed})"


def _grades(r: PartyRecord) -> str:
    """``1:1 3:2 6:1``: how many of its claims have each grade (grades none has left out)."""
    return " ".join(f"{g}:{n}" for g, n in r.grades.items() if n) or "—"


# -- outlets ------------------------------------------------------------------------------


def render_outlets(records: list[OutletRecord], fmt: str) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, "outlets": [r.as_dict() for r in records]})
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
        "retracted",
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
            r.retracted,
            track_with_counts(r),
        ]
        for r in records
    ]
    note = (
        "\ncorroborated, contested, single origin: of the claims it makes itself (as "
        "claimant); track record: of those, the share graded 1-2 among those graded 1-2 or "
        "4-5; relayed: documents citing or cited by another outlet's, and suspected relays; "
        "retracted: claims in its documents recorded retracted"
    )
    return _table(rows, headers, fmt) + _note(note, fmt)


def render_outlet(record: OutletRecord, claims: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, "outlet": record.as_dict(), "claims": claims})
    head = (
        f"{record.name} ({record.id}, {record.kind}, owner {record.owner}): "
        f"{count(record.documents, 'document')}, {count(record.claims, 'claim')}; "
        f"{record.corroborated} corroborated, "
        f"{record.contested} contested, {record.single_origin} single origin"
        + (f", {record.revised} revised since (judged by its later word)" if record.revised else "")
        + f"; track record {track_with_counts(record)}"
    )
    rows = [
        [
            c["id"],
            c["subject"],
            c["property"],
            shorten(cell_text(c["value"]), 30),
            c["claimant"],
            c["as_of"],
            f"{c['grade']} {c['grade_label']}" if c["grade"] is not None else "",
            ", ".join(c["findings"]),
            c["status"],
        ]
        for c in claims
    ]
    headers = [
        "claim",
        "subject",
        "property",
        "value",
        "claimant",
        "as of",
        "grade",
        "findings",
        "status",
    ]
    return f"{_heading(head, fmt)}\n\n{_table(rows, headers, fmt)}"


# -- parties ------------------------------------------------------------------------------

_PARTIES_NOTE = (
    "\nclaims: the claims it makes as claimant{parts}; statements: what it said, each once "
    "however many outlets carried it (the figures after it count statements); corroborated: "
    "graded 1; contested: another origin contradicts it; single origin: nobody independent "
    "confirms it (CC201, or CC203: echoes of one origin); interested only: only its own side "
    "supports it (CC202); revised: "
    "its origin gave a later figure since, or it is recorded superseded;{retracted} "
    "relayed by: the outlets that carried its claims, its own media aside; grades: how many "
    "of its statements have each grade (1 confirmed ... 5 improbable, 6 cannot be judged); "
    "track record: the share graded 1-2 among those graded 1-2 or 4-5, with the counts"
)


def render_parties(records: list[PartyRecord], fmt: str) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, "parties": [r.as_dict() for r in records]})
    with_parts = any(r.with_parts for r in records)
    # A column for the parts' claims only where some party has parts that speak.
    parts_column = not with_parts and any(r.parts_claims for r in records)
    # ...and for claims attributed to it that their outlet retracted, where there are any.
    retracted_column = any(r.retracted for r in records)
    headers = [
        "party",
        "name",
        "kind",
        "side",
        "claims",
        "statements",
        *(["parts' claims"] if parts_column else []),
        "corroborated",
        "contested",
        "single origin",
        "interested only",
        "revised",
        *(["retracted"] if retracted_column else []),
        "relayed by",
        "grades",
        "track record",
    ]
    rows = [
        [
            r.id,
            shorten(cell_text(r.name), 28) if fmt == "table" else r.name,
            r.kind,
            r.side or "—",
            r.claims,
            r.statements,
            *([r.parts_claims] if parts_column else []),
            r.corroborated,
            r.contested,
            r.single_origin,
            r.interested_only,
            r.revised,
            *([r.retracted] if retracted_column else []),
            r.relayed_by,
            _grades(r),
            track_with_counts(r),
        ]
        for r in records
    ]
    if with_parts:
        parts = ", its parts' and its media's counted with it"
    elif parts_column:
        parts = " (parts' claims: those of the parties part_of it and its media; --with-parts "
        parts += "counts them with it)"
    else:
        parts = ""
    retracted = (
        " retracted: claims attributed to it that the outlet reporting them retracted "
        "(counted in no other figure);"
        if retracted_column
        else ""
    )
    note = _PARTIES_NOTE.format(parts=parts, retracted=retracted)
    return _table(rows, headers, fmt) + _note(note, fmt)


def _party_head(r: PartyRecord) -> list[str]:
    """The lines heading a party's claims (store text as it is: shown by the caller)."""
    what = ", ".join(
        [r.id, r.kind + (", anonymous" if r.anonymous else ""), f"side {r.side or 'none'}"]
    )
    lines = [
        f"{r.name} ({what}): {count(r.claims, 'claim')}"
        f"{' with its parts' if r.with_parts else ''} ({count(r.statements, 'statement')}), "
        "relayed by "
        f"{count(r.relayed_by, 'outlet')}; {r.corroborated} corroborated, "
        f"{r.contested} contested, {r.single_origin} single origin, "
        f"{r.interested_only} interested only, {r.revised} revised"
        f"{f', {r.retracted} retracted by their outlets' if r.retracted else ''}; "
        f"grades {_grades(r)}; "
        f"track record {track_with_counts(r)}"
    ]
    if r.part_of:
        lines.append(f"part of {r.part_of}: one origin with it")
    if r.parts:
        counted = "counted with it" if r.with_parts else "--with-parts counts them"
        lines.append(f"parts: {', '.join(r.parts)} ({count(r.parts_claims, 'claim')}; {counted})")
    return lines


def render_party(record: PartyRecord, claims: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, "party": record.as_dict(), "claims": claims})
    show_claimant = record.with_parts and record.parts_claims > 0
    headers = [
        "claim",
        *(["claimant"] if show_claimant else []),
        "subject",
        "property",
        "value",
        "as of",
        "outlets",
        "grade",
        "standing",
        "findings",
    ]
    rows = [
        [
            c["id"],
            *([c["claimant"]] if show_claimant else []),
            c["subject"],
            c["property"],
            shorten(cell_text(c["value"]), 30),
            c["as_of"],
            ", ".join(c["outlets"]),
            f"{c['grade']} {c['grade_label']}" if c["grade"] is not None else "",
            ", ".join(c["standing"]),
            ", ".join(c["findings"]),
        ]
        for c in claims
    ]
    # A Markdown line break is two spaces at the end of a line.
    head = ("  \n" if fmt == "markdown" else "\n").join(
        _heading(line, fmt) for line in _party_head(record)
    )
    return f"{head}\n\n{_table(rows, headers, fmt)}" if claims else f"{head}\n\nno claims"
