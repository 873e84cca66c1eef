"""The discrepancy report as one self-contained HTML file: inline CSS and SVG, no script.

The page is a Jinja template (``templates/report.html.j2``) with autoescaping: every
value it prints goes through :func:`claimcheck.report.markup.escape` — user text is
shown with its control characters as their escapes (``\\x1b``), as in every other
format, then HTML-escaped — so no call site has to remember to escape. Markup is made
in three places only, each named: :func:`prose` and :func:`code_spans` (filters that
add a tag around text they have escaped) and the SVG charts (:mod:`.svg`).
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup

from claimcheck.render import count
from claimcheck.report import svg
from claimcheck.report.markup import escape
from claimcheck.report.record import (
    DOCUMENT_COLUMNS,
    EARLIER,
    GAP_COLUMNS,
    OUTLET_COLUMNS,
    ROW_COLUMNS,
    RULE_COLUMNS,
    STALE,
    WITHDRAWN,
    Report,
    number,
    outlet_rows,
    web_address,
)
from claimcheck.report.sections import CONFLICT_ONLY, REPORT_SECTIONS

#: A date (``2023-11-07``, ``2023-11``) or a range of them, in a text.
_DATES = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2}(?:-\d{2})?)?")

#: The columns holding dates, kept on one line.
DATE_COLUMNS = frozenset({"as of", "published", "retrieved"})


def prose(text: object) -> Markup:
    """User text as HTML (:func:`~claimcheck.report.markup.escape`), its dates kept whole
    on a line: a narrow column breaks ``2023-11-07`` at its hyphens otherwise."""
    return Markup(_DATES.sub(lambda m: f'<span class="nowrap">{m[0]}</span>', escape(text)))


def code_spans(text: object) -> Markup:
    """Text of ours (a rule's description) with its `backquoted` words as ``<code>``."""
    return Markup(re.sub(r"`([^`]*)`", r"<code>\1</code>", escape(text)))


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.report", "templates"),
        autoescape=True,
        finalize=escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(prose=prose, code_spans=code_spans, safe_url=web_address, num=number)
    env.globals.update(
        count=count,
        charts=svg,
        sections=REPORT_SECTIONS,
        conflict_only=CONFLICT_ONLY,
        date_columns=DATE_COLUMNS,
        row_columns=ROW_COLUMNS,
        rule_columns=RULE_COLUMNS,
        gap_columns=GAP_COLUMNS,
        outlet_columns=OUTLET_COLUMNS,
        document_columns=DOCUMENT_COLUMNS,
        withdrawn_heading=WITHDRAWN,
        earlier_heading=EARLIER,
        stale_heading=STALE,
    )
    return env


def render(report: Report) -> str:
    """The report as an HTML page."""
    template = _environment().get_template("report.html.j2")
    return template.render(report=report, outlet_rows=outlet_rows(report))
