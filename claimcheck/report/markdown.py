"""The discrepancy report as Markdown, with Mermaid diagrams, for pull requests."""

from __future__ import annotations

from claimcheck.render import count, markdown_link, table
from claimcheck.render import escape_markdown as esc
from claimcheck.report import mermaid
from claimcheck.report.build import (
    OUTLET_HEADERS,
    ROW_COLUMNS,
    Group,
    Report,
    Row,
    outlet_rows,
)


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _grade(r: Row) -> str:
    return f"{r.grade.grade} {r.grade.label}" if r.grade else ""


def _group(group: Group) -> list[str]:
    out = [f"#### {esc(group.label)}", ""]
    rows = [
        [
            r.cluster,
            r.stated,
            r.interval,
            r.claimant + ("" if r.claimant_named else " (outlet)"),
            r.outlet,
            markdown_link(f"{r.document_title} ({r.document_date})", r.url),
            r.as_of,
            _grade(r),
        ]
        for r in group.rows
    ]
    out.append(
        table(
            rows,
            ROW_COLUMNS,
            "markdown",
        )
    )
    out.append("")
    if group.estimate is not None:
        e = group.estimate
        unit = f" {group.unit}" if group.unit else ""
        out.append(
            f"Estimate: **low {_num(e.low)}, best {_num(e.best)}, high {e.high_text()}**"
            f"{esc(unit)} ({esc(e.basis)}; low from {', '.join(e.claims['low'])}, "
            f"best from {', '.join(e.claims['best'])}, high from {', '.join(e.claims['high'])})."
        )
        out.append("")
    if group.wants_forest:
        out += [mermaid.forest(group), ""]
    for f in group.findings:
        line = f"- **{f.rule} {f.name}** ({f.severity}): {esc(f.message)}"
        if f.review:
            who = (f" by {esc(f.review.by)}" if f.review.by else "") + (
                f" on {f.review.on}" if f.review.on else ""
            )
            line += f" — *reviewed{who}: {esc(f.review.verdict)}*" + (
                f", {esc(f.review.note)}" if f.review.note else ""
            )
            if f.review.since():
                line += f" ({esc(f.review.since())})"
        out.append(line + f" `{f.fingerprint}`")
    out.append("")
    return out


def render(report: Report) -> str:
    s = report.summary
    sev = s["by_severity"]
    out = [f"# {esc(report.title)}", ""]
    out.append(
        f"{count(s['claims'], 'claim')} from {count(s['documents'], 'document')} of "
        f"{count(s['outlets'], 'outlet')}, about {count(s['subjects'], 'subject')}, by "
        f"{count(s['parties'], 'party')}. The rules found **{count(s['findings'], 'finding')}**: "
        f"{count(sev['error'], 'error')}, {count(sev['warning'], 'warning')}, {sev['info']} info; "
        f"{s['reviewed']} reviewed, {count(s['stale_reviews'], 'stale review')}."
    )
    out += ["", "## Summary", ""]
    rows = [[code, report.rule_names.get(code, ""), str(n)] for code, n in s["by_rule"].items()]
    out += [table(rows, ["rule", "name", "findings"], "markdown"), ""]
    grades = s["grades"]
    out.append(
        "Grades of the claims: "
        + ", ".join(f"{g}: {grades[g]}" for g in grades)
        + " (1 confirmed … 5 improbable, 6 cannot be judged)."
    )
    out += ["", "## Conflicts", ""]
    if not report.conflicts:
        out += ["No conflicts.", ""]
    for section in report.conflicts:
        date = f", {section.date}" if section.date else ""
        out += [f"### {esc(section.label)} (`{section.subject}`{date})", ""]
        for group in section.groups:
            out += _group(group)
    out += ["## Corroboration gaps", ""]
    if report.gaps:
        rows = [
            [
                g.finding.rule,
                g.subject_label,
                g.finding.property or "",
                g.finding.message,
                g.sources,
            ]
            for g in report.gaps
        ]
        out += [
            table(rows, ["rule", "subject", "property", "finding", "who says it"], "markdown"),
            "",
        ]
    else:
        out += ["None.", ""]
    if report.timeline:
        out += ["## Timeline", "", mermaid.timeline(report), ""]
        out += [
            "## Provenance of the conflicting claims",
            "",
            "Claimants (rounded) speak in documents (boxes), published by outlets (double boxes) "
            "owned by groups (cylinders). Claims that share a node share an origin.",
            "",
            mermaid.provenance(report),
            "",
        ]
    out += ["## Appendix: outlets", ""]
    out += [table(outlet_rows(report), OUTLET_HEADERS, "markdown"), ""]
    out += ["## Appendix: documents", ""]
    rows = [
        [
            d["id"],
            d["outlet"] or "—",
            markdown_link(d["title"], d["url"]),
            d["published"],
            d["retrieved"],
            d["language"],
            str(d["claims"]),
        ]
        for d in report.documents
    ]
    out += [
        table(
            rows,
            ["id", "outlet", "title", "published", "retrieved", "language", "claims"],
            "markdown",
        ),
        "",
    ]
    return "\n".join(out)
