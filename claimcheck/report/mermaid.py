"""Mermaid diagrams for the Markdown report: GitHub and GitLab draw them.

Every label is reduced to characters that cannot end a label or start Mermaid syntax,
so that a quote holding `"]`, `:`, `%%` or `<script>` stays text.
"""

from __future__ import annotations

import datetime as dt
import re

from claimcheck.analysis.estimates import Estimate
from claimcheck.report.record import Group, Report, readable
from claimcheck.report.record import next_day as _next_day
from claimcheck.report.sections import DISPUTED
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

_UNSAFE = re.compile(r"[^\w .,()+~≥≤/'’\-–]", re.UNICODE)


#: Words that begin a Mermaid statement; a label must never start with one.
_KEYWORDS = {
    "click",
    "call",
    "href",
    "callback",
    "section",
    "title",
    "dateformat",
    "axisformat",
    "tickinterval",
    "todaymarker",
    "excludes",
    "includes",
    "weekday",
    "style",
    "classdef",
    "class",
    "linkstyle",
    "subgraph",
    "end",
    "direction",
    "accdescr",
    "acctitle",
    "gantt",
    "flowchart",
    "graph",
}


def label(text: str, limit: int = 60) -> str:
    """Text safe inside a Mermaid label or task name (control characters shown first, as
    everywhere in the report, then every character that could be syntax made a space)."""
    text = _UNSAFE.sub(" ", " ".join(readable(text).split()))
    text = re.sub(r"\s+", " ", text).strip()
    if text.split(" ", 1)[0].lower() in _KEYWORDS:
        text = "· " + text
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def forest(group: Group) -> str:
    """Every claim's interval on one axis, with the estimate: a Gantt chart over numbers."""
    rows = group.quantity_rows
    finite = [
        v
        for r in rows
        if isinstance(r.claim.parsed, Quantity)
        for v in (r.claim.parsed.low, r.claim.parsed.high)
        if v != INF
    ]
    top = max([*finite, 1.0]) * 1.25
    lines = [
        "```mermaid",
        "gantt",
        f"    title {label(group.label)}{' (' + label(group.unit) + ')' if group.unit else ''}",
        "    dateFormat X",
        "    axisFormat %s",
        "    section Claims",
    ]
    for r in rows:
        q = r.claim.parsed
        assert isinstance(q, Quantity)
        low, high = q.low, (q.high if q.high != INF else top)
        # (whose word it is: a relay's source, not the voice it names — a paper's
        # "34, the army said" of the insurgents' 34 is theirs: an analyst's trial)
        name = label(f"{r.stated} - {r.relaying or r.claimant}", 50)
        tag = "crit, " if r.categories & DISPUTED else ""
        if high <= low:
            lines.append(f"    {name} : {tag}milestone, {_n(low)}, 0s")
        else:
            lines.append(f"    {name} : {tag}{_n(low)}, {_n(high)}")
    if group.estimate is not None:
        e: Estimate = group.estimate
        lines.append("    section Estimate")
        if e.high is not None and e.high > e.low:
            lines.append(
                f"    low {_bound(e.low, e.low_open, e.low_ceiling)} to high {_n(e.high)} : "
                f"active, {_n(e.low)}, {_n(e.high)}"
            )
        # (the words as the estimate reads: "more than 20", "fewer than 50")
        lines.append(
            f"    best {_bound(e.best, e.best_open, e.best_ceiling)} : milestone, {_n(e.best)}, 0s"
        )
    lines.append("```")
    return "\n".join(lines)


def _n(x: float) -> str:
    return str(round(x)) if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


#: Tick intervals Mermaid knows (``tickInterval``), with the axis format that suits each.
_TICKS = (
    (1, "1day", "%d %b"),
    (2, "2day", "%d %b"),
    (7, "1week", "%d %b"),
    (14, "2week", "%d %b"),
    (31, "1month", "%b %Y"),
    (92, "3month", "%b %Y"),
    (183, "6month", "%b %Y"),
    (366, "12month", "%Y"),
)

#: At most this many ticks on a timeline's axis: their labels never touch on a page.
MAX_TICKS = 8


def axis(start: dt.date, end: dt.date) -> tuple[str, str]:
    """The tick interval and date format of a timeline from ``start`` to ``end``: the
    finest with at most :data:`MAX_TICKS` ticks, and years (``%Y``) when none is."""
    span = max((end - start).days, 1)
    for days, interval, fmt in _TICKS:
        if span / days <= MAX_TICKS:
            return interval, fmt
    years = -(-span // (366 * MAX_TICKS))
    return f"{12 * years}month", "%Y"


def timeline(report: Report) -> str:
    """Claims of the conflicts by `as_of`, and when their documents were published."""
    lines = [
        "```mermaid",
        "gantt",
        "    title Claims in conflict: as of, and publication",
        "    dateFormat YYYY-MM-DD",
    ]
    dates: list[dt.date] = []
    by_subject: dict[str, list[str]] = {}
    for r in report.timeline:
        c = r.claim
        if c.as_of is None or not c.as_of.known:
            continue
        start, end = c.as_of.low, _next_day(c.as_of.high)
        dates += [start, end]
        if r.document_date not in ("undated", ""):
            dates.append(dt.date.fromisoformat(r.document_date))
        entries = by_subject.setdefault(r.subject_label or c.subject, [])
        entries.append(
            f"    {label(f'{r.property_label}, {r.stated} - {r.claimant}', 50)} : "
            f"{start.isoformat()}, {end.isoformat()}"
        )
        if r.document_date not in ("undated", ""):
            entries.append(
                f"    published {label(r.document, 40)} : milestone, {r.document_date}, 0d"
            )
    if dates:
        interval, fmt = axis(min(dates), max(dates))
        lines += [f"    axisFormat {fmt}", f"    tickInterval {interval}"]
    for subject, entries in by_subject.items():
        lines.append(f"    section {label(subject, 40)}")
        lines.extend(dict.fromkeys(entries))
    lines.append("```")
    return "\n".join(lines)


def provenance(report: Report) -> str:
    """Claimants → documents → outlets → owners behind the conflicting claims."""
    ids = {key: f"n{i}" for i, (key, _, _) in enumerate(report.provenance_nodes)}
    shape = {
        "claimant": ('(["', '"])'),
        "document": ('["', '"]'),
        "outlet": ('[["', '"]]'),
        "owner": ('[("', '")]'),
    }
    lines = ["```mermaid", "flowchart LR"]
    for key, kind, text in report.provenance_nodes:
        left, right = shape.get(kind, ('["', '"]'))
        lines.append(f"    {ids[key]}{left}{label(text, 50)}{right}")
    for u, v, relation in report.provenance_edges:
        lines.append(f"    {ids[u]} -->|{label(relation, 20)}| {ids[v]}")
    lines.append("```")
    return "\n".join(lines)


def _bound(x: float, excluded: bool, ceiling: bool) -> str:
    """An estimate's bound in a chart's words: ``20``, ``more than 20``, ``fewer than
    20``, ``at most 20`` (no thousands separator: the chart's syntax)."""
    if ceiling:
        return f"{'fewer than' if excluded else 'at most'} {_n(x)}"
    return f"more than {_n(x)}" if excluded else _n(x)
