"""HTML and SVG in which user text is escaped by construction (markupsafe).

One rule for every value a page shows: markup (anything with ``__html__``: a
:class:`~markupsafe.Markup`, a rendered template block, a chart) is kept as it is;
anything else is text from the store, shown as every format shows it — on one line, its
control characters as their escapes (:func:`~claimcheck.report.record.readable`) — then
HTML-escaped. The HTML templates apply it to each ``{{ value }}`` (Jinja's ``finalize``
with ``autoescape``); the SVG charts, built in Python, apply it to each value formatted
or joined into an :class:`Html` string.
"""

from __future__ import annotations

from typing import Any, Self

from markupsafe import Markup

from claimcheck.report.record import readable


def escape(value: object) -> Markup:
    """``value`` as HTML: markup as it is, anything else as readable, escaped text."""
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup.escape(readable(value))


class Html(Markup):
    """Markup into which :meth:`format`, ``+`` and :meth:`join` put values through
    :func:`escape`: ``Html('<text>{}</text>').format(quote)`` cannot inject a tag."""

    @classmethod
    def escape(cls, s: Any, /) -> Self:
        return cls(escape(s))
