"""Inline SVG pictures for the HTML report: no script, no external resource.

Every piece of user text goes through :func:`esc` (XML escaping, control characters
shown as their escapes), so a quote holding `<script>` is drawn as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from claimcheck.report.build import Group, Report, Row, readable
from claimcheck.report.build import axis_top as _axis_top
from claimcheck.report.build import next_day as _next_day
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

FONT = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px"
CONFLICT = "#c0392b"
CALM = "#2c6fbb"
MUTED = "#888"


def esc(text: object) -> str:
    return escape(readable(text), quote=True)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def forest(group: Group) -> str:
    """One line per claim from its low to its high bound; the estimate shaded behind."""
    rows = group.quantity_rows
    if not rows:
        return ""
    top = _axis_top(rows)
    left, width, row_h = 300, 420, 24
    height = 40 + row_h * len(rows) + 30

    def x(v: float) -> float:
        return left + width * (min(v, top) / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {left + width + 40} {height}" '
        f'width="{left + width + 40}" height="{height}" style="{FONT}">',
        f"<title>{esc(group.label)}: every claim's interval and the estimate</title>",
    ]
    e = group.estimate
    if e is not None:
        parts.append(
            f'<rect x="{x(e.low):.1f}" y="20" '
            f'width="{max(x(top if e.high is None else e.high) - x(e.low), 2):.1f}" '
            f'height="{row_h * len(rows) + 10}" fill="#f3d9a4" opacity="0.6"/>'
        )
        parts.append(
            f'<line x1="{x(e.best):.1f}" x2="{x(e.best):.1f}" y1="16" y2="{30 + row_h * len(rows)}" '
            f'stroke="#b8860b" stroke-width="2" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{x(e.best) + 4:.1f}" y="14" fill="#8a6508">best {esc(_num(e.best))}</text>'
        )
    for i, r in enumerate(rows):
        q = r.claim.parsed
        assert isinstance(q, Quantity)
        y = 36 + i * row_h
        color = CONFLICT if any(c.startswith("CC1") for c in r.in_findings) else CALM
        who = _short(f"{r.stated} — {r.claimant}", 44)
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{esc(who)}</text>')
        x1, x2 = x(q.low), x(q.high if q.high != INF else top)
        if x2 - x1 < 1:
            parts.append(f'<circle cx="{x1:.1f}" cy="{y}" r="5" fill="{color}"/>')
        else:
            parts.append(
                f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y}" y2="{y}" stroke="{color}" stroke-width="5" '
                f'stroke-linecap="round"/>'
            )
            if q.high == INF:
                parts.append(f'<path d="M{x2:.1f},{y - 6} l10,6 l-10,6 z" fill="{color}"/>')
    axis_y = 30 + row_h * len(rows)
    parts.append(
        f'<line x1="{left}" x2="{left + width}" y1="{axis_y}" y2="{axis_y}" stroke="{MUTED}"/>'
    )
    for k in range(6):
        v = top * k / 5
        parts.append(
            f'<text x="{x(v):.1f}" y="{axis_y + 16}" text-anchor="middle" fill="{MUTED}">{esc(_num(round(v, 1)))}</text>'
        )
    if group.unit:
        parts.append(
            f'<text x="{left + width}" y="{axis_y + 30}" text-anchor="end" fill="{MUTED}">{esc(group.unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


#: The width of a date label on the axis (10 characters of the chart's font), and the
#: least gap between two.
LABEL_WIDTH, LABEL_GAP = 64, 8


def _ticks(
    start: dt.date, end: dt.date, span: int, x: Callable[[dt.date], float]
) -> list[tuple[dt.date, str]]:
    """Up to five evenly spaced dates along the axis, each once, none overlapping another's
    label: the first anchored at its start, the last at its end, those between at their
    middle (five labels fit the axis's width)."""
    n = min(4, span)
    days = sorted({start + dt.timedelta(days=round(span * k / n)) for k in range(n + 1)})
    last = end - dt.timedelta(days=1) if end > start else start
    days = [d for d in days if d <= last] or [start]
    if days[-1] != last:
        days.append(last)

    def extent(d: dt.date, anchor: str) -> tuple[float, float]:
        px = x(d)
        if anchor == "start":
            return px, px + LABEL_WIDTH
        if anchor == "end":
            return px - LABEL_WIDTH, px
        return px - LABEL_WIDTH / 2, px + LABEL_WIDTH / 2

    first = (days[0], "start")
    final = [(days[-1], "end")] if len(days) > 1 else []
    kept = [first]
    right = extent(*first)[1]
    stop = extent(*final[0])[0] if final else float("inf")
    for d in days[1:-1]:
        lo, hi = extent(d, "middle")
        if lo >= right + LABEL_GAP and hi + LABEL_GAP <= stop:
            kept.append((d, "middle"))
            right = hi
    if final and extent(*final[0])[0] >= extent(*kept[-1])[1] + LABEL_GAP:
        kept += final
    return kept


def timeline(report: Report) -> str:
    """Claims by `as_of` (bars) and their documents' publication (diamonds), under a line
    naming their subject; each claim's line names its property, value and claimant."""
    rows: list[Row] = [
        r for r in report.timeline if r.claim.as_of is not None and r.claim.as_of.known
    ]
    if not rows:
        return ""
    dates = [d for r in rows for d in (r.claim.as_of.low, r.claim.as_of.high)]  # type: ignore[union-attr]
    dates += [dt.date.fromisoformat(r.document_date) for r in rows if r.document_date != "undated"]
    start, end = min(dates), _next_day(max(dates))
    span = max((end - start).days, 1)
    # each subject's label on a line of its own, above its claims
    lines: list[Row | str] = []
    for r in rows:
        if not lines or r.claim.subject != _subject_of(lines[-1]):
            lines.append(r.subject_label or r.claim.subject)
        lines.append(r)
    left, width, row_h = 340, 600, 20
    height = 30 + row_h * len(lines) + 40

    def x(d: dt.date) -> float:
        return left + width * (d - start).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {left + width + 30} {height}" '
        f'width="{left + width + 30}" height="{height}" style="{FONT}">',
        "<title>Timeline of the claims in conflict</title>",
    ]
    for i, line in enumerate(lines):
        y = 24 + i * row_h
        if isinstance(line, str):
            parts.append(
                f'<text x="4" y="{y + 4}" font-weight="bold">{esc(_short(line, 110))}</text>'
            )
            continue
        r, a = line, line.claim.as_of
        assert a is not None
        color = CONFLICT if any(c.startswith(("CC1", "CC3")) for c in r.in_findings) else CALM
        who = f"{r.property_label}: {r.stated} — {r.claimant}"
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{esc(_short(who, 44))}'
            f"<title>{esc(who)}</title></text>"
        )
        x1, x2 = x(a.low), x(_next_day(a.high))
        parts.append(
            f'<rect x="{x1:.1f}" y="{y - 5}" width="{max(x2 - x1, 3):.1f}" height="10" fill="{color}" rx="2"/>'
        )
        if r.document_date != "undated":
            px = x(dt.date.fromisoformat(r.document_date))
            parts.append(
                f'<path d="M{px:.1f},{y - 7} l5,7 l-5,7 l-5,-7 z" fill="none" stroke="#222"/>'
            )
    axis_y = 24 + row_h * len(lines)
    parts.append(
        f'<line x1="{left}" x2="{left + width}" y1="{axis_y}" y2="{axis_y}" stroke="{MUTED}"/>'
    )
    for d, anchor in _ticks(start, end, span, x):
        parts.append(
            f'<text x="{x(d):.1f}" y="{axis_y + 16}" text-anchor="{anchor}" fill="{MUTED}">{esc(d.isoformat())}</text>'
        )
    parts.append(
        f'<text x="{left}" y="{axis_y + 34}" fill="{MUTED}">bars: as of · diamonds: document published</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _subject_of(line: Row | str) -> str | None:
    return line.claim.subject if isinstance(line, Row) else None


def provenance(report: Report) -> str:
    """Claimants, documents, outlets and owners in four columns; shared nodes join origins."""
    columns = ["claimant", "document", "outlet", "owner"]
    by_kind: dict[str, list[tuple[str, str]]] = {k: [] for k in columns}
    for key, kind, text in report.provenance_nodes:
        by_kind.setdefault(kind, []).append((key, text))
    col_w, node_w, node_h, gap = 250, 225, 26, 8
    rows = max((len(v) for v in by_kind.values()), default=1)
    height = 40 + rows * (node_h + gap)
    pos: dict[str, tuple[float, float]] = {}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {col_w * 4} {height}" '
        f'width="{col_w * 4}" height="{height}" style="{FONT}">',
        "<title>Provenance of the conflicting claims</title>",
    ]
    fills = {"claimant": "#fde2c8", "document": "#e3eefc", "outlet": "#dff3e4", "owner": "#eee"}
    _order(by_kind, report.provenance_edges)
    for c, kind in enumerate(columns):
        parts.append(f'<text x="{c * col_w + 10}" y="16" font-weight="bold">{kind}s</text>')
        items = by_kind.get(kind, [])
        offset = (rows - len(items)) * (node_h + gap) / 2
        for i, (key, _text) in enumerate(items):
            pos[key] = (c * col_w + 10, 28 + offset + i * (node_h + gap))
    for u, v, relation in report.provenance_edges:
        if u not in pos or v not in pos:
            continue
        (ux, uy), (vx, vy) = pos[u], pos[v]
        x1, y1 = ux + node_w, uy + node_h / 2
        x2, y2 = vx, vy + node_h / 2
        if relation == "cites":
            x1, x2 = ux + node_w / 2, vx + node_w / 2
        mid = (x1 + x2) / 2
        parts.append(
            f'<path d="M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}" '
            f'fill="none" stroke="#9aa" stroke-width="1.2"><title>{esc(relation)}</title></path>'
        )
    for key, kind, text in report.provenance_nodes:
        if key not in pos:
            continue
        px, py = pos[key]
        rx = 13 if kind == "claimant" else 3
        parts.append(
            f'<g><title>{esc(text)}</title><rect x="{px}" y="{py:.1f}" width="{node_w}" height="{node_h}" rx="{rx}" '
            f'fill="{fills.get(kind, "#fff")}" stroke="#667"/>'
            f'<text x="{px + 8}" y="{py + 17:.1f}">{esc(_short(text, 31))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _order(by_kind: dict[str, list[tuple[str, str]]], edges: list[tuple[str, str, str]]) -> None:
    """Order each column near its neighbours (one barycentre pass) to untangle the edges."""
    owners = by_kind.get("owner", [])
    owners.sort(key=lambda n: n[1].lower())
    rank = {key: i for i, (key, _) in enumerate(owners)}
    for kind, via in (("outlet", "owned-by"), ("document", "published-by")):
        out: dict[str, list[int]] = {}
        for u, v, relation in edges:
            if relation == via and v in rank:
                out.setdefault(u, []).append(rank[v])
        items = by_kind.get(kind, [])
        items.sort(key=lambda n: (sum(out.get(n[0], [0])) / len(out.get(n[0], [0])), n[1].lower()))
        rank = {key: i for i, (key, _) in enumerate(items)}
    back: dict[str, list[int]] = {}
    for u, v, relation in edges:
        if relation == "speaks-in" and v in rank:
            back.setdefault(u, []).append(rank[v])
    claimants = by_kind.get("claimant", [])
    claimants.sort(
        key=lambda n: (sum(back.get(n[0], [0])) / len(back.get(n[0], [0])), n[1].lower())
    )
