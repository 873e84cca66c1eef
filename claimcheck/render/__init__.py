"""Turning records into text: tables (tabulate), Markdown, JSON.

Every command produces plain records (dicts) once; these small renderers format them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

# The version of every JSON output's shape, kept with the records it versions.
from claimcheck.english import count as count
from claimcheck.findings import JSON_VERSION as JSON_VERSION

#: Everything a Markdown renderer may take for the end of a line, and the tab: a space
#: in a Markdown table cell.
_LINE_BREAKS = re.compile("[\t\r\n\v\f\x85\u2028\u2029]")

#: Characters a terminal acts on rather than shows: C0 controls (escape, bell, carriage
#: return, newline...), DEL, C1 controls, bidirectional overrides and isolates ("Trojan
#: Source"), and the Unicode line and paragraph separators.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def visible(text: str) -> str:
    """User text made safe to print: each control character shown as its escape.

    A store may come from an untrusted pull request; a quote holding ``ESC[2J`` must not
    clear the reader's screen, nor a newline forge a finding line. ``"a\x1b[2Jb"`` becomes
    ``"a\\x1b[2Jb"``; text without control characters is returned unchanged.
    """
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(_escape_control, text)


def _escape_control(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Select Graphic Rendition codes of each style a terminal may show.
_SGR = {"error": "31", "warning": "33", "info": "36", "code": "1", "location": "1"}


class Colours:
    """Styles for a terminal: each method returns its text wrapped in SGR codes, or as it
    is when colour is off (``Colours(False)``, the default of every renderer).

    Applied to text already made :func:`visible`, after a table measured its cells: the
    codes take no column.
    """

    def __init__(self, on: bool = False) -> None:
        self.on = on

    def paint(self, text: str, style: str) -> str:
        if not self.on or not text or style not in _SGR:
            return text
        return f"\x1b[{_SGR[style]}m{text}\x1b[0m"

    def severity(self, text: str) -> str:
        """``error`` in red, ``warning`` in yellow, ``info`` in cyan."""
        return self.paint(text, text)

    def code(self, text: str) -> str:
        """A rule code (``CC101``), in bold."""
        return self.paint(text, "code")

    def location(self, text: str) -> str:
        """A place in a file (``path:line:col``), in bold."""
        return self.paint(text, "location")


#: No colour: what files, pipes and every format but ``table`` and ``text`` get.
PLAIN = Colours(False)


def json_bytes(data: Any) -> bytes:
    """Pretty, stable JSON as UTF-8 (keys in the order given); dataclasses as their fields.

    Bytes, so that a big result goes to its file without being decoded and encoded again.
    """
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=str)
    except TypeError:  # what orjson cannot write (integers over 64 bits, a file name that
        # is not UTF-8): the standard library, written as orjson writes the rest, so that
        # :func:`json_parts` gives the same bytes part by part as whole
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_plain)
        return _SURROGATE.sub(_escaped, text).encode("utf-8")


#: A lone surrogate (what a file name that is not UTF-8 decodes to): not UTF-8 itself.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


#: A mapping or list of more entries than this, in :func:`json_parts`, is written in parts
#: of this many: a million claims' grades are never one text of hundreds of megabytes.
JSON_PART = 20_000


def json_parts(data: Mapping[str, Any]) -> Iterator[bytes]:
    """:func:`json_bytes` of a mapping, in parts whose concatenation is exactly it: each
    entry on its own, and a big mapping or list among them in parts of :data:`JSON_PART`
    entries (JSON holds no raw line end but between its elements, so each part is
    indented as nested by inserting the spaces after each line end)."""
    if not data:
        yield json_bytes(data)
        return
    for n, (key, value) in enumerate(data.items()):
        yield (b",\n  " if n else b"{\n  ") + json_bytes(str(key)) + b": "
        big = isinstance(value, Mapping | list) and len(value) > JSON_PART
        if not big:
            yield _nested(json_bytes(value))
            continue
        mapping = isinstance(value, Mapping)
        entries = iter(value.items() if mapping else value)
        first = True
        while part := list(islice(entries, JSON_PART)):
            text = json_bytes(dict(part) if mapping else part)
            # ("{\n  x,\n  y\n}": its entries, one level deeper)
            yield (b"{\n    " if mapping else b"[\n    ") if first else b",\n    "
            yield _nested(text[4:-2])
            first = False
        yield b"\n  }" if mapping else b"\n  ]"
    yield b"\n}"


def _nested(text: bytes) -> bytes:
    """JSON text one level deeper: two more spaces after each line end."""
    return text.replace(b"\n", b"\n  ")


#: What a terminal would act on in any output (JSON and CSV included): the C0 controls
#: but the tab and the line feed (a carriage return only before a line feed: a CSV line
#: end), DEL, and what JSON leaves raw: C1 controls, bidirectional marks, overrides and
#: isolates, line and paragraph separators. Colour codes first, to be told apart.
_RAW_ON_TERMINAL = re.compile(
    "(\x1b\\[[0-9;]*m)"
    "|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
    "|\r(?!\n)"
)


def for_terminal(text: str | bytes, colour: bool = False) -> str:
    """Output made safe to show on a terminal: every control character it would act on
    shown as an escape (C0 ones as :func:`visible` shows them, ``\\x1b``; the others as
    JSON writes them, ``\\u009b``, so that JSON stays JSON). With ``colour``, the
    colour codes the output was painted with are kept (text rendered here holds no
    other: its user text was made :func:`visible`).

    For a terminal only: data written to a file or a pipe stays as it is (a scan of a
    million claims' JSON costs seconds).
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if _RAW_ON_TERMINAL.search(text) is None:
        return text

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        if match.group(1) is not None:
            return ch if colour else visible(ch)
        return visible(ch) if ord(ch) < 0x80 else f"\\u{ord(ch):04x}"

    return _RAW_ON_TERMINAL.sub(escape, text)


def to_json(data: Any) -> str:
    """:func:`json_bytes` as text."""
    return json_bytes(data).decode("utf-8")


def _plain(value: Any) -> Any:
    """What orjson writes for a value the standard library cannot: a dataclass as its
    ``__dict__`` (in its order, as orjson reads it), else its text."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dict(vars(value)) if hasattr(value, "__dict__") else dataclasses.asdict(value)
    return str(value)


class Raw(str):
    """Markdown already made safe (a link built from escaped parts): not escaped again."""


def escape_markdown(text: str) -> str:
    """Make user text inert inside a Markdown table cell (control characters shown)."""
    out = (
        visible(_LINE_BREAKS.sub(" ", str(text)))
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )
    for ch in "`*[]":
        out = out.replace(ch, "\\" + ch)
    return out


def table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    fmt: str = "table",
    wrap: Sequence[int | None] | None = None,
    styles: Sequence[Callable[[str], str] | None] | None = None,
) -> str:
    """A table for a terminal (``table``: tabulate's ``simple``) or a Markdown document
    (``markdown``: its ``github``), drawn by tabulate.

    Every cell shows its control characters visibly (:func:`visible`). ``wrap`` gives,
    per column, the width at which a terminal table wraps its text; ``styles``, per
    column, the :class:`Colours` method a terminal table paints its cells with (tabulate
    measures cells without their colour codes, and wide characters with wcwidth).
    """
    if fmt == "markdown":
        cells = [
            [c if isinstance(c, Raw) else escape_markdown("" if c is None else str(c)) for c in row]
            for row in rows
        ]
        return _tabulate(cells, list(headers), "github")
    texts = [[cell_text(c) for c in row] for row in rows]
    for row in texts:
        for i, width in enumerate(list(wrap or ())[: len(row)]):
            if width is not None:
                row[i] = wrapped(row[i], width)
    return _tabulate(_styled(texts, styles) if styles else texts, list(headers), "simple")


def _styled(
    cells: list[list[str]], styles: Sequence[Callable[[str], str] | None]
) -> list[list[str]]:
    """The cells painted, line by line (tabulate measures them without their codes)."""
    return [
        [
            "\n".join(map(style, c.split("\n"))) if style is not None and c else c
            for c, style in zip(row, [*styles, *[None] * (len(row) - len(styles))], strict=False)
        ]
        for row in cells
    ]


def _tabulate(cells: list[list[str]], headers: list[str], fmt: str) -> str:
    from tabulate import tabulate

    return str(tabulate(cells, headers=headers, tablefmt=fmt, disable_numparse=True))


def wrapped(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters, broken between words.

    What tabulate's ``maxcolwidths`` gives for plain text (blank lines dropped), at a
    fraction of its cost: it measures every piece of every line for colour codes
    (benchmarks/RESULTS.md, "Why the constants").
    """
    if len(text) <= width and text.isprintable():  # no tab or line break to expand
        return text
    wrapper = _wrapper(width)
    return "\n".join("\n".join(wrapper.wrap(line)) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=8)
def _wrapper(width: int) -> Any:
    """A :class:`textwrap.TextWrapper` that cuts a word too long for a line at the
    width, as tabulate's does (the standard one cuts after a hyphen, when it can)."""
    import textwrap

    class Wrapper(textwrap.TextWrapper):
        def _handle_long_word(
            self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
        ) -> None:
            space_left = 1 if width < 1 else width - cur_len
            if self.break_long_words and space_left > 0:
                chunk = reversed_chunks[-1]
                cur_line.append(chunk[:space_left])
                reversed_chunks[-1] = chunk[space_left:]
            elif not cur_line:
                cur_line.append(reversed_chunks.pop())

    return Wrapper(width)


def cell_text(value: object) -> str:
    """A cell or a heading as printed: store text with its control characters shown
    (None as nothing)."""
    return "" if value is None else visible(str(value))


def shorten(text: str | None, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
