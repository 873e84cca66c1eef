"""The discrepancy report as Markdown, with Mermaid diagrams, for pull requests.

Every piece of user text goes through :func:`esc`: control characters shown as their
escapes (a report printed to a terminal cannot drive it), then Markdown-escaped.
"""

from __future__ import annotations

import re
from html import escape

from claimcheck.findings import Finding
from claimcheck.render import Raw, count, escape_markdown, table
from claimcheck.report import mermaid
from claimcheck.report.record import (
    DOCUMENT_COLUMNS,
    EARLIER,
    GAP_COLUMNS,
    OUTLET_COLUMNS,
    ROW_COLUMNS,
    RULE_COLUMNS,
    STALE,
    WITHDRAWN,
    GapGroup,
    Group,
    Report,
    Row,
    outlet_rows,
    readable,
    web_address,
)
from claimcheck.report.sections import REPORT_SECTIONS


def esc(text: object) -> str:
    """User text made inert in Markdown and visible on a terminal."""
    return escape_markdown(readable(text))


def _cells(row: list[str]) -> list[str]:
    """A table row of user text: each cell shown as :func:`esc` shows it (links are
    already made safe by :func:`_link`)."""
    return [c if isinstance(c, Raw) else Raw(esc(c)) for c in row]


def _link(text: str, url: str | None) -> str:
    """``[text](url)`` for web addresses that hold nothing but printable characters."""
    label = esc(text)
    target = web_address(url)
    if target is not None:
        target = target.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
        return Raw(f"[{label}]({target})")
    return Raw(label)


def _grade(r: Row) -> str:
    text = f"{r.grade.grade} {r.grade.label}" if r.grade else ""
    return f"{text} ({r.revised})" if r.revised else text


def _group(group: Group) -> list[str]:
    out = [f"#### {esc(group.label)}", ""]
    rows = [
        _cells(
            [
                r.cluster,
                r.stated,
                r.interval,
                r.claimant
                + ("" if r.claimant_named else " (outlet)")
                + (f", relaying {r.relaying}" if r.relaying else ""),
                r.outlet,
                _link(f"{r.document_title} ({r.document_date})", r.url),
                r.as_of,
                _grade(r),
            ]
        )
        for r in group.rows
    ]
    out.append(table(rows, ROW_COLUMNS, "markdown"))
    out.append("")
    if group.earlier:
        out += [f"{EARLIER}:", ""]
        out += [f"- **{esc(e.origin)}**: {esc(e.words())}" for e in group.earlier]
        out.append("")
    if group.estimate is not None:
        e = group.estimate
        unit = f" {group.unit}" if group.unit else ""
        picks = "; ".join(
            f"{bound} from {', '.join(esc(c) for c in e.claims[bound])}"
            for bound in ("low", "best", "high")
        )
        out.append(
            f"Estimate: **low {esc(e.low_text())}, best {esc(e.best_text())}, "
            f"high {esc(e.high_text())}**"
            f"{esc(unit)} ({esc(e.basis)}; {picks})."
        )
        out.append("")
    if group.wants_forest:
        out += [mermaid.forest(group), ""]
    for f in group.findings:
        line = f"- **{f.rule} {f.name}** ({f.severity}): {esc(f.message)}{_review(f)}"
        out.append(line + f" `{esc(f.fingerprint)}`")
    out.append("")
    return out


def _review(f: Finding) -> str:
    """`` — *reviewed by desk on 2031-03-10: explained*, its note (…)``, or nothing."""
    r = f.review
    if r is None:
        return ""
    who = (f" by {esc(r.by)}" if r.by else "") + (f" on {esc(r.on)}" if r.on else "")
    text = f" — *reviewed{who}: {esc(r.verdict)}*" + (f", {esc(r.note)}" if r.note else "")
    return text + (f" ({esc(r.aside())})" if r.aside() else "")


def summary_html(group: GapGroup) -> str:
    """The line of a collapsible block of gaps: its rule, how many, what the rule flags.

    HTML, as ``<summary>`` needs on GitHub and GitLab (the text is ours, not the store's).
    """
    description = re.sub(r"`([^`]*)`", r"<code>\1</code>", escape(group.description))
    return (
        f"<summary><b>{escape(group.rule)} {escape(group.name)}</b>: "
        f"{count(len(group.gaps), 'finding')} — {description}</summary>"
    )


def _gaps(report: Report) -> list[str]:
    if not report.gaps:
        return [report.no_gaps(), ""]
    out: list[str] = []
    for group in report.gap_groups():
        rows = [
            _cells(
                [
                    g.subject_label,
                    g.property_label,
                    Raw(esc(g.finding.message) + _review(g.finding)),
                    g.who_says,
                ],
            )
            for g in group.gaps
        ]
        out += [
            "<details open>" if group.open else "<details>",
            summary_html(group),
            "",
            table(rows, GAP_COLUMNS, "markdown"),
            "",
            "</details>",
            "",
        ]
    return out


def render(report: Report) -> str:
    s = report.summary
    sev = s["by_severity"]
    head = [f"# {esc(report.title)}", ""]
    head.append(
        f"{report.scope()}. The rules found **{count(s['findings'], 'finding')}**: "
        f"{count(sev['error'], 'error')}, {count(sev['warning'], 'warning')}, {sev['info']} info; "
        f"{s['reviewed']} reviewed, {count(s['stale_reviews'], 'stale review')}."
    )
    head.append("")
    out = [_h2("summary"), ""]
    rows = [[code, report.rule_names.get(code, ""), str(n)] for code, n in s["by_rule"].items()]
    out += [table(rows, RULE_COLUMNS, "markdown"), ""]
    grades = s["grades"]
    out.append(
        "Grades of the claims: "
        + ", ".join(f"{g}: {grades[g]}" for g in grades)
        + " (1 confirmed … 5 improbable, 6 cannot be judged)."
    )
    if report.withdrawn:
        out += ["", f"{WITHDRAWN}:", ""]
        out += [
            f"- `{esc(r.claim.id)}`: {esc(r.property_label)} of {esc(r.subject_label)}, "
            f"{esc(r.stated)} ({esc(r.claimant) + ' in ' if r.claimant_named else ''}"
            f"{esc(r.outlet)}, {esc(r.document_date)}): "
            f"**{esc(r.withdrawn or r.claim.status)}**"
            for r in report.withdrawn
        ]
    if report.stale:
        out += ["", f"{STALE}:", ""]
        out += [f"- {esc(text)}" for text in report.stale]
    out += ["", _h2("conflicts"), ""]
    if not report.conflicts:
        out += ["No conflicts.", ""]
    for subject in report.conflicts:
        date = f" · {esc(subject.date)}" if subject.date else ""
        out += [f"### {esc(subject.label)}", "", f"Subject `{esc(subject.subject)}`{date}", ""]
        for group in subject.groups:
            out += _group(group)
    out += [_h2("gaps"), ""]
    out += _gaps(report)
    if report.timeline:
        out += [_h2("timeline"), "", mermaid.timeline(report), ""]
        out += [
            _h2("provenance"),
            "",
            "Claimants (rounded) speak in documents (boxes), published by outlets (double boxes) "
            "owned by groups (cylinders). Claims that share a node share an origin.",
            "",
            mermaid.provenance(report),
            "",
        ]
    out += [_h2("outlets"), ""]
    out += [table([_cells(r) for r in outlet_rows(report)], OUTLET_COLUMNS, "markdown"), ""]
    out += [_h2("documents"), ""]
    rows = [
        _cells(
            [
                d["id"],
                d["outlet"] or "—",
                _link(d["title"], d["url"]),
                d["published"],
                d["retrieved"],
                d["language"],
                str(d["claims"]),
            ]
        )
        for d in report.documents
    ]
    out += [table(rows, DOCUMENT_COLUMNS, "markdown"), ""]
    return "\n".join(head + _contents(out, report) + out)


def _h2(section: str) -> str:
    return f"## {REPORT_SECTIONS[section]}"


def _contents(lines: list[str], report: Report) -> list[str]:
    """The table of contents of the report's ``lines``: its sections, and the subjects
    in conflict under "Conflicts", linked as GitHub and GitLab name headings' anchors."""
    slugs = _anchors(lines)
    toc = ["**Contents**", ""]
    subjects = iter(report.conflicts)
    for level, text, slug in slugs:
        if level == 2:
            extra = ""
            if text == REPORT_SECTIONS["conflicts"] and report.conflicts:
                extra = f" ({count(len(report.conflicts), 'subject')})"
            elif text == REPORT_SECTIONS["gaps"] and report.gaps:
                extra = f" ({count(len(report.gaps), 'finding')})"
            toc.append(f"- [{text}](#{slug}){extra}")
        elif level == 3:
            subject = next(subjects, None)
            label = esc(subject.label) if subject else text
            toc.append(f"  - [{label}](#{slug})")
    return [*toc, ""]


def _anchors(lines: list[str]) -> list[tuple[int, str, str]]:
    """Each heading of ``lines`` (outside code blocks) up to level 3: its level, its
    Markdown text and the anchor GitHub gives it (lower case, punctuation dropped, spaces
    as hyphens, ``-1``, ``-2``… after a repeat)."""
    seen: dict[str, int] = {}
    out: list[tuple[int, str, str]] = []
    fenced = False
    for block in lines:
        for line in block.split("\n"):
            if line.startswith("```"):
                fenced = not fenced
                continue
            m = re.match(r"(#{1,6}) (.*)$", line)
            if fenced or m is None:
                continue
            text = m[2].strip()
            shown = re.sub(r"\\(.)", r"\1", text.replace("`", ""))
            shown = shown.replace("&lt;", "<").replace("&gt;", ">")
            slug = re.sub(r"[^\w\- ]", "", shown.lower()).replace(" ", "-")
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            if len(m[1]) <= 3:
                out.append((len(m[1]), text, f"{slug}-{n}" if n else slug))
    return out
