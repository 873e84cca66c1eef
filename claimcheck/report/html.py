"""The discrepancy report as one self-contained HTML file: inline CSS and SVG, no script.

All user-supplied text (titles, quotes, names, messages) is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from claimcheck.render import count
from claimcheck.report import svg
from claimcheck.report.build import OUTLET_HEADERS, ROW_COLUMNS, Group, Report, outlet_rows

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1d232a; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #e6e9ee; }
h3 { margin-top: 1.8rem; } h4 { margin: 1.2rem 0 .4rem; color: #34495e; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .88rem; }
th, td { border-bottom: 1px solid #e3e6ea; padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
td.date { white-space: nowrap; overflow-wrap: normal; }
th { background: #f5f7f9; }
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
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """A link target only for web addresses: never `javascript:` or `data:` from user data."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


class _Date(str):
    """A cell holding a date: kept on one line."""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="date">{c}</td>' if isinstance(c, _Date) else f"<td>{c}</td>" for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


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
                f"{doc} <span class='muted'>({e(r.document_date)})</span>",
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
            f"high {e(est.high_text())}</b>{unit} — {e(est.basis)}.</p>"
        )
    if group.wants_forest:
        out.append(svg.forest(group))
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
            f"{e(f.message)}{review} <span class='fp'>{e(f.fingerprint)}</span></p>"
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
        f"of {count(s['outlets'], 'outlet')}, about {count(s['subjects'], 'subject')}, by "
        f"{count(s['parties'], 'party')}.</p>",
        '<div class="cards">',
        f'<div class="card"><b>{s["findings"]}</b>findings</div>',
        f'<div class="card sev-error"><b>{sev["error"]}</b>errors</div>',
        f'<div class="card sev-warning"><b>{sev["warning"]}</b>warnings</div>',
        f'<div class="card sev-info"><b>{sev["info"]}</b>info</div>',
        f'<div class="card"><b>{s["reviewed"]}</b>reviewed</div>',
        "</div>",
        "<h2>Summary</h2>",
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
        "<h2>Conflicts</h2>",
    ]
    if not report.conflicts:
        out.append("<p>No conflicts.</p>")
    for section in report.conflicts:
        date = f" <span class='muted'>{e(section.date)}</span>" if section.date else ""
        out.append(f'<h3 id="{e(section.subject)}">{e(section.label)}{date}</h3>')
        out.extend(_group(g) for g in section.groups)
    out.append("<h2>Corroboration gaps</h2>")
    out.append(
        _table(
            ["rule", "subject", "property", "finding", "who says it"],
            [
                [
                    f'<span class="sev-{e(g.finding.severity)}">{e(g.finding.rule)}</span>',
                    e(g.subject_label),
                    e(g.finding.property or ""),
                    e(g.finding.message),
                    e(g.sources),
                ]
                for g in report.gaps
            ],
        )
        if report.gaps
        else "<p>None.</p>"
    )
    if report.timeline:
        out += [
            "<h2>Timeline</h2>",
            svg.timeline(report),
            "<h2>Provenance of the conflicting claims</h2>",
            "<p class='muted'>Claimants speak in documents, published by outlets owned by groups. "
            "Claims that share a node share an origin.</p>",
            svg.provenance(report),
        ]
    out.append("<h2>Appendix: outlets</h2>")
    out.append(_table(OUTLET_HEADERS, [[e(c) for c in row] for row in outlet_rows(report)]))
    out.append("<h2>Appendix: documents</h2>")
    out.append(
        _table(
            ["id", "outlet", "title", "published", "retrieved", "language", "claims"],
            [
                [
                    e(d["id"]),
                    e(d["outlet"] or "—"),
                    f'<a href="{e(safe_url(d["url"]))}">{e(d["title"])}</a>'
                    if safe_url(d["url"])
                    else e(d["title"]),
                    e(d["published"]),
                    e(d["retrieved"]),
                    e(d["language"]),
                    str(d["claims"]),
                ]
                for d in report.documents
            ],
        )
    )
    out.append("<p class='muted'>Generated by claimcheck.</p></main></body></html>")
    return "\n".join(out)
