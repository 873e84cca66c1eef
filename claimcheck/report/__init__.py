"""The discrepancy report: one record (:mod:`.record`, filled by :mod:`.build`, with the
table's lettered clusters from :mod:`.clusters`, an origin's earlier counts folded by
:mod:`.earlier_counts` and the default title from :mod:`.title`), drawn as Markdown or
HTML."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.engine import Result

#: The report's formats.
FORMATS = ("markdown", "html", "json")


def render_report(result: Result, fmt: str, title: str | None = None) -> str:
    """The report of ``result`` in ``fmt`` (markdown, html or json); ``ValueError``
    for another format."""
    out = report_output(result, fmt, title)
    return out if isinstance(out, str) else b"".join(out).decode("utf-8")


def report_output(result: Result, fmt: str, title: str | None = None) -> str | Iterator[bytes]:
    """:func:`render_report`, but JSON as parts of UTF-8 bytes to write one after the
    other (:func:`~claimcheck.render.json_parts`): a big store's is never held whole."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt == "json":
        from claimcheck.render import json_parts

        return json_parts(result.as_dict(plain=False))
    from claimcheck.report.build import build

    report = build(result, title)
    if fmt == "html":
        from claimcheck.report.html import render

        return render(report)
    from claimcheck.report.markdown import render as render_markdown

    return render_markdown(report)
