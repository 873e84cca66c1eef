"""The discrepancy report: one record (:mod:`.record`, filled by :mod:`.build`), drawn as
Markdown or HTML."""

from __future__ import annotations

from claimcheck.engine import Result
from claimcheck.render import to_json

#: The report's formats.
FORMATS = ("markdown", "html", "json")


def render_report(result: Result, fmt: str, title: str | None = None) -> str:
    """The report of ``result`` in ``fmt`` (markdown, html or json); ``ValueError``
    for another format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt == "json":
        return to_json(result.as_dict(plain=False))
    from claimcheck.report.build import build

    report = build(result, title)
    if fmt == "html":
        from claimcheck.report.html import render

        return render(report)
    from claimcheck.report.markdown import render as render_markdown

    return render_markdown(report)
