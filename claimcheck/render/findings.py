"""Rendering a check: findings as a table, Markdown, JSON, or one line per finding.

``text`` lines are ``path:line:col: [severity] CODE message`` — what editors and CI
parse; ``github`` is GitHub Actions' annotation form of the same lines. Every format but
JSON shows a store's control characters visibly (a hostile quote cannot clear the screen
or forge a line): tables and Markdown through their cells, lines through
:func:`_text_line` and :func:`annotation`. Only ``table`` and ``text`` take colour.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from claimcheck.analysis.estimates import Estimate
from claimcheck.errors import Location
from claimcheck.findings import SEVERITY_RANK, Finding, changes_text
from claimcheck.render import (
    PLAIN,
    Colours,
    Raw,
    count,
    escape_markdown,
    json_parts,
    table,
    visible,
)
from claimcheck.results import Corroboration, Result

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_check(result: Result, fmt: str, colours: Colours = PLAIN) -> str | Iterator[bytes]:
    """The check in ``fmt``; JSON comes as parts of UTF-8 bytes, ready to write one after
    the other (:func:`~claimcheck.render.json_parts`). ``colours`` paint the ``table``
    and ``text`` formats (severities, rule codes, places)."""
    if fmt == "json":
        return json_parts(result.as_dict(plain=False))
    if fmt == "text" and os.environ.get("GITHUB_ACTIONS") == "true":
        fmt = "github"
    if fmt == "github":
        return _github_lines(result)
    if fmt == "text":
        known = _known(result)
        lines = [_line(f, known, colours) for f in result.findings]
        lines += [
            _text_line(r.location, "warning", r.message(), colours) for r in result.stale_reviews
        ]
        lines += [
            _text_line(where, "info", text, colours) for where, text in _candidate_notes(result)
        ]
        lines.append(_summary_line(result, colours))
        return "\n".join(lines)
    if fmt == "markdown":
        return _markdown(result)
    return _table(result, colours)


def _github_lines(result: Result) -> str:
    known = _known(result)
    lines = [_github(f, known) for f in result.findings]
    lines += [annotation("warning", r.location, r.message()) for r in result.stale_reviews]
    lines += [annotation("notice", where, text) for where, text in _candidate_notes(result)]
    lines.append(_summary_line(result))
    return "\n".join(lines)


def _known(result: Result) -> dict[str, str]:
    """What a candidate check says of a finding the store already has, by fingerprint."""
    if result.candidate is None:
        return {}
    known = dict.fromkeys(result.candidate.existing, " (already in the store)")
    changes = result.candidate.reopened_changes
    for fp, was in result.candidate.reopened.items():
        entered, left = changes.get(fp, ([], []))
        what = changes_text(entered, left) if entered or left else "the values in dispute changed"
        known[fp] = f" (reopens reviewed finding {was}: {what})"
    return known


def _reviewed(
    f: Finding, known: Mapping[str, str] | None = None, fingerprint: str | None = " "
) -> str:
    """What a message is followed by: what a candidate check says of the finding, and
    its review — or, unreviewed, the fingerprint a review of it quotes (a fact-checker's
    trial: a reopened finding's new fingerprint showed only in JSON), after ``fingerprint``
    (a space; None: not shown)."""
    mark = known.get(f.fingerprint, "") if known else ""
    if not f.review:
        return f"{mark} [fingerprint{fingerprint}{f.fingerprint}]" if fingerprint else mark
    aside = f.review.aside()
    return mark + f" (reviewed: {f.review.verdict}{'; ' + aside if aside else ''})"


def _line(f: Finding, known: Mapping[str, str], colours: Colours) -> str:
    return _text_line(f.location, f.severity, f.message + _reviewed(f, known), colours, code=f.rule)


def _text_line(
    where: Location, severity: str, text: str, colours: Colours = PLAIN, code: str | None = None
) -> str:
    """``path:line:col: [severity] CODE text``: one line whatever a value holds (a line
    break, an escape code or a bell in it is written out, as ``\\n``, ``\\x1b``, ``\\x07``)."""
    rule = f"{colours.code(code)} " if code else ""
    return (
        f"{colours.location(visible(str(where)))}: [{colours.severity(severity)}] "
        f"{rule}{visible(text)}"
    )


def _github(f: Finding, known: Mapping[str, str] | None = None) -> str:
    level = "notice" if f.review else _GITHUB_LEVEL[f.severity]
    title = f"{f.rule} {f.name}"
    return annotation(level, f.location, f.message + _reviewed(f, known), title)


def annotation(level: str, where: Location, message: str, title: str | None = None) -> str:
    """A GitHub Actions workflow command: ``::level file=…,line=…,col=…::message``, its
    properties and message escaped as the runner reads them."""
    line, col = where.shown()
    props = f"file={_property(visible(where.path))}"
    if line:  # (a note on a whole file — an estimate a candidate moves — has no line:
        # GitHub's lines start at 1, a CI trial found line=0)
        props += f",line={line},col={col}"
    if title is not None:
        props += f",title={_property(visible(title))}"
    text = visible(message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} {props}::{text}"


def _property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _summary_line(result: Result, colours: Colours = PLAIN) -> str:
    s = result.summary()
    sev = s["by_severity"]

    def tally(level: str, text: str) -> str:
        return colours.paint(text, level) if sev[level] else text

    parts = [
        count(s["findings"], "finding"),
        tally("error", count(sev["error"], "error")),
        tally("warning", count(sev["warning"], "warning")),
        tally("info", f"{sev['info']} info"),
    ]
    text = ": ".join([parts[0], ", ".join(parts[1:])])
    notes = []
    if s["reviewed"]:
        notes.append(f"{s['reviewed']} reviewed")
    if result.candidate is not None and result.candidate.existing:
        notes.append(f"{len(result.candidate.existing)} already in the store")
    if result.candidate is not None and result.candidate.reopened:
        notes.append(f"{count(len(result.candidate.reopened), 'reviewed finding')} reopened")
    if result.candidate is not None and result.candidate.staled:
        staled = len(result.candidate.staled)
        notes.append(f"{count(staled, 'review')} made stale")
    if notes:
        text += f" ({', '.join(notes)})"
    if s["stale_reviews"]:
        text += "; " + (
            count(s["stale_reviews"], "review of no finding", "reviews of no finding")
            if result.candidate is not None
            else count(s["stale_reviews"], "stale review")
        )
    if s["fail_on"] == "none":
        text += "; --fail-on none: nothing fails the check"
    else:
        text += f"; {s['failing']} at or above --fail-on {s['fail_on']}"
    if s["stale_reviews"] and result.candidate is not None and s["fail_on"] != "none":
        # (the exit is 1 though nothing is at the level: say why — a new user's trial)
        text += " (a review of no finding fails the check, as a new finding does)"
    elif s["stale_reviews"] and SEVERITY_RANK[s["fail_on"]] <= SEVERITY_RANK["warning"]:
        text += " (stale reviews fail the check at this level too)"
    return text


def _rows(result: Result) -> list[list[Any]]:
    known = _known(result)
    return [
        # (a space no wrapping breaks: the fingerprint stays on the line of its label)
        [f.severity, f.rule, f.message + _reviewed(f, known, "\u00a0"), str(f.location)]
        for f in result.findings
    ]


def _table(result: Result, colours: Colours) -> str:
    out = []
    if result.findings:
        out.append(
            table(
                _rows(result),
                ["severity", "rule", "message", "where"],
                wrap=[None, None, 88, None],
                styles=[colours.severity, colours.code, None, colours.location]
                if colours.on
                else None,
            )
        )
    for r in result.stale_reviews:
        out.append(f"{colours.location(visible(str(r.location)))}: {visible(r.message())}")
    out.append(_candidate_text(result))
    out.append(_summary_line(result, colours))
    return "\n\n".join(x for x in out if x)


def _candidate_notes(result: Result) -> list[tuple[Location, str]]:
    """What a candidate would corroborate or duplicate, each at the candidate claim's
    place."""
    c = result.candidate
    if c is None:
        return []
    store = result.store
    notes = [
        (store.location(item.by[0]) if item.by else Location(c.files[0]), _changed(verb, item))
        for verb, items in (("corroborates", c.corroborates), ("weakens", c.weakens))
        for item in items
    ]
    notes += [(store.location(d["candidate"]), _duplicates(d)) for d in c.duplicates]
    notes += [(store.location(r["by"][0]), _resolves(r)) for r in c.resolves]
    notes += [(Location(c.files[0]), _moves(before, after)) for before, after in c.moves]
    notes += [(r.location, r.message()) for r in c.staled]
    return notes


def _resolves(r: dict[str, Any]) -> str:
    return f"resolves {r['rule']} {r['fingerprint']} ({r['location']}): {r['message']}"


def _changed(verb: str, item: Corroboration) -> str:
    """A store claim's grade the candidates raise (``corroborates``) or lower."""
    return (
        f"{verb} {item.claim}: grade {item.before.grade} → {item.after.grade} "
        f"({item.after.reason}) by {', '.join(item.by)}"
    )


def _moves(before: Estimate | None, after: Estimate | None) -> str:
    """An estimate the candidates move, in words: "moves the estimate of deaths of raid:
    12 / 12 / 30 → 14 / 14 / 30 (low / best / high)"."""
    either = before or after
    assert either is not None

    def figures(e: Estimate | None) -> str:
        return "none" if e is None else f"{e.low_text()} / {e.best_text()} / {e.high_text()}"

    return (
        f"moves the estimate of {either.property} of {either.subject}: "
        f"{figures(before)} → {figures(after)} (low / best / high)"
    )


def _duplicates(d: dict[str, Any]) -> str:
    return f"duplicates {d['existing']} ({d['location']}): {d['candidate']}"


def _candidate_text(result: Result) -> str:
    c = result.candidate
    if c is None:
        return ""
    lines = [f"candidate claims: {len(c.claims)} in {', '.join(c.files)}"]
    lines += [f"  {_changed('corroborates', item)}" for item in c.corroborates]
    lines += [f"  {_changed('weakens', item)}" for item in c.weakens]
    lines += [f"  {_duplicates(d)}" for d in c.duplicates]
    lines += [f"  {_resolves(r)}" for r in c.resolves]
    lines += [f"  {_moves(before, after)}" for before, after in c.moves]
    lines += [f"  {r.location}: {r.message()}" for r in c.staled]
    if not c.corroborates and not c.duplicates:
        lines.append("  raises the grade of no claim already recorded; duplicates nothing")
    return "\n".join(map(visible, lines))


def _markdown(result: Result) -> str:
    s = result.summary()
    out = [
        f"## claimcheck: {count(s['findings'], 'finding')}",
        "",
        f"{count(s['by_severity']['error'], 'error')}, "
        f"{count(s['by_severity']['warning'], 'warning')}, "
        f"{s['by_severity']['info']} info; {s['reviewed']} reviewed; "
        f"{count(s['claims'], 'claim')} from {count(s['documents'], 'document')}.",
        "",
    ]
    if result.findings:
        known = _known(result)
        rows = [
            [
                f.rule,
                f.severity,
                f.subject or "",
                f.message + _reviewed(f, known, fingerprint=None),
                str(f.location),
                Raw(f"`{f.fingerprint}`") if f.review is None else "",
            ]
            for f in result.findings
        ]
        out.append(
            table(
                rows,
                ["rule", "severity", "subject", "message", "where", "fingerprint"],
                "markdown",
            )
        )
    if result.candidate is not None:
        out += ["", "```", _candidate_text(result), "```"]
    for r in result.stale_reviews:
        out.append(f"\n- `{escape_markdown(str(r.location))}`: {escape_markdown(r.message())}")
    return "\n".join(out)
