"""Inline SVG pictures for the HTML report: no script, no external resource.

Each picture is :class:`~claimcheck.report.markup.Html`: every value formatted into it
is escaped (control characters shown as their escapes) unless it is markup itself, so a
quote holding `<script>` is drawn as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from claimcheck.report.markup import Html
from claimcheck.report.record import Group, Report, Row, number
from claimcheck.report.record import axis_top as _axis_top
from claimcheck.report.record import next_day as _next_day
from claimcheck.report.sections import CONFLICTS, DISPUTED
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

FONT = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px"
CONFLICT = "#c0392b"
CALM = "#2c6fbb"
MUTED = "#888"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def forest(group: Group) -> Html:
    """One line per claim from its low to its high bound; the estimate shaded behind."""
    rows = group.quantity_rows
    if not rows:
        return Html()
    top = _axis_top(rows)
    left, width, row_h = 300, 420, 24
    height = 40 + row_h * len(rows) + 30

    def x(v: float) -> float:
        return left + width * (min(v, top) / top)

    parts = [
        _svg(left + width + 40, height),
        Html("<title>{}: the intervals of the table and the estimate</title>").format(group.label),
    ]
    e = group.estimate
    if e is not None:
        parts.append(
            Html(
                '<rect x="{x:.1f}" y="20" width="{w:.1f}" height="{h}" fill="#f3d9a4" opacity="0.6"/>'
            ).format(
                x=x(e.low),
                w=max(x(top if e.high is None else e.high) - x(e.low), 2),
                h=row_h * len(rows) + 10,
            )
        )
        parts.append(
            Html(
                '<line x1="{x:.1f}" x2="{x:.1f}" y1="16" y2="{y2}" '
                'stroke="#b8860b" stroke-width="2" stroke-dasharray="4 3"/>'
            ).format(x=x(e.best), y2=30 + row_h * len(rows))
        )
        parts.append(
            Html('<text x="{x:.1f}" y="14" fill="#8a6508">best {best}</text>').format(
                x=x(e.best) + 4, best=e.best_text()
            )
        )
    for i, r in enumerate(rows):
        q = r.claim.parsed
        assert isinstance(q, Quantity)
        y = 36 + i * row_h
        color = CONFLICT if r.categories & DISPUTED else CALM
        who = _short(f"{r.stated} — {r.claimant}", 44)
        parts.append(
            Html('<text x="{x}" y="{y}" text-anchor="end">{who}</text>').format(
                x=left - 8, y=y + 4, who=who
            )
        )
        x1, x2 = x(q.low), x(q.high if q.high != INF else top)
        if x2 - x1 < 1:
            parts.append(
                Html('<circle cx="{x:.1f}" cy="{y}" r="5" fill="{color}"/>').format(
                    x=x1, y=y, color=color
                )
            )
        else:
            parts.append(
                Html(
                    '<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y}" y2="{y}" stroke="{color}" '
                    'stroke-width="5" stroke-linecap="round"/>'
                ).format(x1=x1, x2=x2, y=y, color=color)
            )
            if q.high == INF:
                parts.append(
                    Html('<path d="M{x:.1f},{y} l10,6 l-10,6 z" fill="{color}"/>').format(
                        x=x2, y=y - 6, color=color
                    )
                )
    axis_y = 30 + row_h * len(rows)
    parts.append(_axis(left, width, axis_y))
    for k in range(6):
        v = top * k / 5
        parts.append(_axis_label(f"{x(v):.1f}", axis_y + 16, "middle", number(round(v, 1))))
    if group.unit:
        parts.append(_axis_label(str(left + width), axis_y + 30, "end", group.unit))
    parts.append(Html("</svg>"))
    return Html().join(parts)


def _svg(width: float, height: float) -> Html:
    """The opening tag of a chart ``width`` by ``height`` pixels."""
    return Html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" style="{font}">'
    ).format(w=width, h=height, font=FONT)


def _axis(left: float, width: float, y: float) -> Html:
    return Html('<line x1="{x1}" x2="{x2}" y1="{y}" y2="{y}" stroke="{muted}"/>').format(
        x1=left, x2=left + width, y=y, muted=MUTED
    )


def _axis_label(x: str, y: float, anchor: str, text: str) -> Html:
    """A label under an axis, at ``x`` (as written in the picture)."""
    return Html('<text x="{x}" y="{y}" text-anchor="{anchor}" fill="{muted}">{text}</text>').format(
        x=x, y=y, anchor=anchor, muted=MUTED, text=text
    )


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


def timeline(report: Report) -> Html:
    """Claims by `as_of` (bars) and their documents' publication (diamonds), under a line
    naming their subject; each claim's line names its property, value and claimant."""
    rows: list[Row] = [
        r for r in report.timeline if r.claim.as_of is not None and r.claim.as_of.known
    ]
    if not rows:
        return Html()
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
        _svg(left + width + 30, height),
        Html("<title>Timeline of the claims in conflict</title>"),
    ]
    for i, line in enumerate(lines):
        y = 24 + i * row_h
        if isinstance(line, str):
            parts.append(
                Html('<text x="4" y="{y}" font-weight="bold">{subject}</text>').format(
                    y=y + 4, subject=_short(line, 110)
                )
            )
            continue
        r, a = line, line.claim.as_of
        assert a is not None
        color = CONFLICT if r.categories & CONFLICTS else CALM
        who = f"{r.property_label}: {r.stated} — {r.claimant}"
        parts.append(
            Html(
                '<text x="{x}" y="{y}" text-anchor="end">{short}<title>{who}</title></text>'
            ).format(x=left - 8, y=y + 4, short=_short(who, 44), who=who)
        )
        x1, x2 = x(a.low), x(_next_day(a.high))
        parts.append(
            Html(
                '<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="10" fill="{color}" rx="2"/>'
            ).format(x=x1, y=y - 5, w=max(x2 - x1, 3), color=color)
        )
        if r.document_date != "undated":
            parts.append(
                Html(
                    '<path d="M{x:.1f},{y} l5,7 l-5,7 l-5,-7 z" fill="none" stroke="#222"/>'
                ).format(x=x(dt.date.fromisoformat(r.document_date)), y=y - 7)
            )
    axis_y = 24 + row_h * len(lines)
    parts.append(_axis(left, width, axis_y))
    for d, anchor in _ticks(start, end, span, x):
        parts.append(_axis_label(f"{x(d):.1f}", axis_y + 16, anchor, d.isoformat()))
    parts.append(
        Html(
            '<text x="{x}" y="{y}" fill="{muted}">bars: as of · diamonds: document published</text>'
        ).format(x=left, y=axis_y + 34, muted=MUTED)
    )
    parts.append(Html("</svg>"))
    return Html().join(parts)


def _subject_of(line: Row | str) -> str | None:
    return line.claim.subject if isinstance(line, Row) else None


def provenance(report: Report) -> Html:
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
        _svg(col_w * 4, height),
        Html("<title>Provenance of the conflicting claims</title>"),
    ]
    fills = {"claimant": "#fde2c8", "document": "#e3eefc", "outlet": "#dff3e4", "owner": "#eee"}
    _order(by_kind, report.provenance_edges)
    for c, kind in enumerate(columns):
        parts.append(
            Html('<text x="{x}" y="16" font-weight="bold">{kind}s</text>').format(
                x=c * col_w + 10, kind=kind
            )
        )
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
            Html(
                '<path d="M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}" '
                'fill="none" stroke="#9aa" stroke-width="1.2"><title>{relation}</title></path>'
            ).format(x1=x1, y1=y1, x2=x2, y2=y2, mid=mid, relation=relation)
        )
    for key, kind, text in report.provenance_nodes:
        if key not in pos:
            continue
        px, py = pos[key]
        rx = 13 if kind == "claimant" else 3
        parts.append(
            Html(
                '<g><title>{text}</title><rect x="{x}" y="{y:.1f}" width="{w}" height="{h}" rx="{rx}" '
                'fill="{fill}" stroke="#667"/><text x="{tx}" y="{ty:.1f}">{short}</text></g>'
            ).format(
                text=text,
                x=px,
                y=py,
                w=node_w,
                h=node_h,
                rx=rx,
                fill=fills.get(kind, "#fff"),
                tx=px + 8,
                ty=py + 17,
                short=_short(text, 31),
            )
        )
    parts.append(Html("</svg>"))
    return Html().join(parts)


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
