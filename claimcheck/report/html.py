"""The discrepancy report as one self-contained HTML file: inline CSS and SVG, no script.

All user-supplied text (titles, quotes, names, messages) is HTML-escaped, with its
control characters shown as their escapes (``\\x1b``), as in every other format.
"""

from __future__ import annotations

import re
from html import escape

from claimcheck.render import count
from claimcheck.report import svg
from claimcheck.report.build import (
    OUTLET_HEADERS,
    ROW_COLUMNS,
    GapGroup,
    Group,
    Report,
    outlet_rows,
    readable,
)

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1d232a; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 60px; }
nav.toc { background: #f5f7f9; border-radius: 8px; padding: 8px 18px; margin: 1rem 0; }
nav.toc h2 { margin: .4rem 0; border: 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.4rem; } nav.toc li { margin: .15rem 0; }
nav.toc a { color: #1f5fa8; text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #e6e9ee; }
h3 { margin-top: 1.8rem; } h4 { margin: 1.2rem 0 .4rem; color: #34495e; }
.table { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border-bottom: 1px solid #e3e6ea; padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
td.date, .nowrap { white-space: nowrap; }
th { background: #f5f7f9; white-space: nowrap; }
details { border: 1px solid #e3e6ea; border-radius: 8px; padding: 2px 12px; margin: .6rem 0; }
details > summary { cursor: pointer; padding: 6px 0; }
details[open] > summary { border-bottom: 1px solid #e3e6ea; margin-bottom: .3rem; }
.figure { overflow-x: auto; }
.sev-error { color: #b03a2e; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
.sev-info { color: #2c6fbb; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid #e3e6ea; border-radius: 8px; padding: 10px 14px; min-width: 120px; }
.card b { display: block; font-size: 1.5rem; }
.finding { margin: .3rem 0; } .fp { color: #8a939c; font-family: ui-monospace, monospace; font-size: .8rem; }
.review { background: #eef8ee; border-left: 3px solid #4caf50; padding: 2px 8px; }
.estimate { background: #fff6e5; border-left: 3px solid #e0a200; padding: 4px 10px; }
.chart { max-width: 100%; height: auto; } .muted { color: #6b7580; }
.grade-1, .grade-2 { color: #1e7d32; } .grade-4, .grade-5 { color: #b03a2e; }
@media (max-width: 700px) {
  main { padding: 12px 14px 40px; }
  h1 { font-size: 1.4rem; }
  .cards { gap: 8px; } .card { min-width: 0; flex: 1 1 25%; padding: 6px 10px; }
  .card b { font-size: 1.2rem; }
  /* a phone: each row of a wide table is a card, each cell under its column's name */
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
                      clip: rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; }
  table.stack tr { border-bottom: 1px solid #cfd5db; padding: 6px 0; }
  table.stack td { border: 0; padding: 1px 0 1px 6.5rem; position: relative; min-height: 1.2em; }
  table.stack td::before { content: attr(data-label); position: absolute; left: 0;
                           width: 6rem; color: #6b7580; font-size: .8rem; }
  table.stack td:empty { display: none; }
  /* charts keep their size, legible, and scroll sideways */
  .figure .chart { max-width: none; }
}
"""


def e(text: object) -> str:
    """User text as HTML: escaped, and its control characters shown as escapes."""
    return escape(readable(text), quote=True)


#: A date (``2023-11-07``, ``2023-11``) or a range of them, in a text.
_DATES = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2}(?:-\d{2})?)?")


def prose(text: object) -> str:
    """User text as HTML (:func:`e`), its dates kept whole on a line: a narrow column
    breaks ``2023-11-07`` at its hyphens otherwise."""
    return _DATES.sub(lambda m: f'<span class="nowrap">{m[0]}</span>', e(text))


def safe_url(url: str | None) -> str | None:
    """A link target only for web addresses: never `javascript:` or `data:` from user data."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


class _Date(str):
    """A cell holding a date: kept on one line."""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table of HTML cells; on a phone, one with more than three columns becomes a
    card per row, each cell labelled with its column's name."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    labels = [f' data-label="{e(h)}"' for h in headers]
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="date"{label}>{c}</td>' if isinstance(c, _Date) else f"<td{label}>{c}</td>"
            for c, label in zip(row, labels, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    stack = ' class="stack"' if len(headers) > 3 else ""
    return (
        f'<div class="table"><table{stack}><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _figure(picture: str) -> str:
    return f'<div class="figure">{picture}</div>' if picture else ""


def _summary(group: GapGroup) -> str:
    description = re.sub(r"`([^`]*)`", r"<code>\1</code>", e(group.description))
    return (
        f'<summary><b class="sev-{e(group.gaps[0].finding.severity)}">{e(group.rule)} '
        f"{e(group.name)}</b>: {count(len(group.gaps), 'finding')} — {description}</summary>"
    )


def _gaps(report: Report) -> str:
    if not report.gaps:
        return "<p>None.</p>"
    out = []
    for group in report.gap_groups():
        rows = [
            [
                prose(g.subject_label),
                e(g.property_label),
                prose(g.finding.message),
                prose(g.sources),
            ]
            for g in group.gaps
        ]
        out.append(
            f'<details id="{e(group.rule)}"{" open" if group.open else ""}>{_summary(group)}'
            + _table(["subject", "property", "finding", "who says it"], rows)
            + "</details>"
        )
    return "\n".join(out)


#: The report's sections: their anchors and headings.
SECTIONS = {
    "summary": "Summary",
    "conflicts": "Conflicts",
    "gaps": "Corroboration gaps",
    "timeline": "Timeline",
    "provenance": "Provenance of the conflicting claims",
    "outlets": "Appendix: outlets",
    "documents": "Appendix: documents",
}


def _h2(anchor: str) -> str:
    return f'<h2 id="{anchor}">{SECTIONS[anchor]}</h2>'


def _subject_anchor(subject: str) -> str:
    # prefixed: a subject with the id "summary" must not take the section's anchor
    return e(f"subject-{subject}")


def _contents(report: Report) -> str:
    """The table of contents: the sections, and under Conflicts each subject in conflict."""
    items = []
    for anchor, heading in SECTIONS.items():
        if anchor in ("timeline", "provenance") and not report.timeline:
            continue
        extra, sub = "", ""
        if anchor == "conflicts" and report.conflicts:
            extra = f" <span class='muted'>({count(len(report.conflicts), 'subject')})</span>"
            sub = (
                "<ol>"
                + "".join(
                    f'<li><a href="#{_subject_anchor(s.subject)}">{e(s.label)}</a></li>'
                    for s in report.conflicts
                )
                + "</ol>"
            )
        elif anchor == "gaps" and report.gaps:
            extra = f" <span class='muted'>({count(len(report.gaps), 'finding')})</span>"
        items.append(f'<li><a href="#{anchor}">{heading}</a>{extra}{sub}</li>')
    return f'<nav class="toc"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _group(group: Group) -> str:
    out = [f"<h4>{e(group.label)}</h4>"]
    rows = []
    for r in group.rows:
        # <bdi>: a title in Arabic or Hebrew does not turn the date after it around
        doc = f"<bdi>{e(r.document_title)}</bdi>"
        if safe_url(r.url):
            doc = f'<a href="{e(safe_url(r.url))}">{doc}</a>'
        grade = (
            (
                f'<span class="grade-{r.grade.grade}" title="{e(r.grade.reason)}">{r.grade.grade} '
                f"{e(r.grade.label)}</span>"
            )
            if r.grade
            else ""
        )
        if r.revised:
            grade += f'<div class="muted">{e(r.revised)}</div>'
        quote = f'<div class="muted">“{e(r.claim.quote)}”</div>' if r.claim.quote else ""
        rows.append(
            [
                e(r.cluster),
                f"<b><bdi>{e(r.stated)}</bdi></b>{quote}",
                e(r.interval),
                f"<bdi>{e(r.claimant)}</bdi>"
                if r.claimant_named
                else '<span class="muted">the outlet</span>',
                f"<bdi>{e(r.outlet)}</bdi>",
                f"{doc} <span class='muted nowrap'>({e(r.document_date)})</span>",
                _Date(e(r.as_of)),
                grade,
            ]
        )
    out.append(_table(ROW_COLUMNS, rows))
    if group.estimate is not None:
        est = group.estimate
        unit = f" {e(group.unit)}" if group.unit else ""
        out.append(
            f'<p class="estimate">Estimate: <b>low {_num(est.low)}, best {_num(est.best)}, '
            f"high {e(est.high_text())}</b>{unit} — {prose(est.basis)}.</p>"
        )
    if group.wants_forest:
        out.append(_figure(svg.forest(group)))
    for f in group.findings:
        review = ""
        if f.review:
            who = "".join(
                part
                for part in (
                    f" by {e(f.review.by)}" if f.review.by else "",
                    f" on {e(f.review.on)}" if f.review.on else "",
                )
            )
            note = f": {e(f.review.note)}" if f.review.note else ""
            note += f" ({e(f.review.since())})" if f.review.since() else ""
            review = f' <span class="review">reviewed{who} — {e(f.review.verdict)}{note}</span>'
        out.append(
            f'<p class="finding"><span class="sev-{e(f.severity)}">{e(f.rule)} {e(f.name)}</span> '
            f"{prose(f.message)}{review} <span class='fp'>{e(f.fingerprint)}</span></p>"
        )
    return "\n".join(out)


def render(report: Report) -> str:
    s = report.summary
    sev = s["by_severity"]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{e(report.title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{e(report.title)}</h1>",
        f"<p class='muted'>{count(s['claims'], 'claim')} from {count(s['documents'], 'document')} "
        f"of {count(s['outlets'], 'outlet')}, on {count(s['subjects'], 'subject')}, by "
        f"{count(s['parties'], 'party')}.</p>",
        '<div class="cards">',
        f'<div class="card"><b>{s["findings"]}</b>findings</div>',
        f'<div class="card sev-error"><b>{sev["error"]}</b>errors</div>',
        f'<div class="card sev-warning"><b>{sev["warning"]}</b>warnings</div>',
        f'<div class="card sev-info"><b>{sev["info"]}</b>info</div>',
        f'<div class="card"><b>{s["reviewed"]}</b>reviewed</div>',
        "</div>",
        _contents(report),
        _h2("summary"),
        _table(
            ["rule", "name", "findings"],
            [
                [e(code), e(report.rule_names.get(code, "")), str(n)]
                for code, n in s["by_rule"].items()
            ],
        ),
        "<p>Grades of the claims: "
        + ", ".join(f"{g}: {n}" for g, n in s["grades"].items())
        + " <span class='muted'>(1 confirmed … 5 improbable, 6 cannot be judged)</span></p>",
        _h2("conflicts"),
    ]
    if not report.conflicts:
        out.append("<p>No conflicts.</p>")
    for section in report.conflicts:
        date = f" <span class='muted nowrap'>{e(section.date)}</span>" if section.date else ""
        out.append(f'<h3 id="{_subject_anchor(section.subject)}">{e(section.label)}{date}</h3>')
        out.extend(_group(g) for g in section.groups)
    out += [_h2("gaps"), _gaps(report)]
    if report.timeline:
        out += [
            _h2("timeline"),
            _figure(svg.timeline(report)),
            _h2("provenance"),
            "<p class='muted'>Claimants speak in documents, published by outlets owned by groups. "
            "Claims that share a node share an origin.</p>",
            _figure(svg.provenance(report)),
        ]
    out.append(_h2("outlets"))
    out.append(_table(OUTLET_HEADERS, [[e(c) for c in row] for row in outlet_rows(report)]))
    out.append(_h2("documents"))
    out.append(
        _table(
            ["id", "outlet", "title", "published", "retrieved", "language", "claims"],
            [
                [
                    prose(d["id"]),
                    e(d["outlet"] or "—"),
                    f'<a href="{e(safe_url(d["url"]))}">{prose(d["title"])}</a>'
                    if safe_url(d["url"])
                    else prose(d["title"]),
                    _Date(e(d["published"])),
                    _Date(e(d["retrieved"])),
                    e(d["language"]),
                    str(d["claims"]),
                ]
                for d in report.documents
            ],
        )
    )
    out.append("<p class='muted'>Generated by claimcheck.</p></main></body></html>")
    return "\n".join(out)
