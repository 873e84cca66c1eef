"""The shared table helpers: drawing tables and wrapping cells as tabulate does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from claimcheck.render import Colours, table, visible, wrapped

WORDS = st.sampled_from(
    [
        "14",
        "civilians",
        "killed",
        "per",
        "RFI",
        "Léré",
        "self-contradiction",
        "a",
        "",
        "\n",
        "au-moins-une-dizaine-de-morts-selon-les-sources-médicales",
        "14-" + "é" * 30,
        "a-b-c-d-e-f",
        "  ",
        "[o1,",
        "o11];",
        "\t",
        "\r\n",
        "\xa0",
        "\u2028",
        "\x0b",
    ]
)
# With a letter: tabulate's own wrapping fails on a cell of blanks and leaves numbers be.
TEXTS = st.lists(WORDS, max_size=40).map(" ".join).filter(lambda t: any(map(str.isalpha, t)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=4), st.integers(5, 40))
def test_a_wrapped_table_is_what_tabulate_would_wrap(
    rows: list[tuple[str, str]], width: int
) -> None:
    # table() shows control characters (a tab, a line break) as escapes, then wraps.
    expected = tabulate(
        [[visible(c) for c in r] for r in rows],
        headers=["a", "b"],
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[None, width],
    )
    assert table(rows, ["a", "b"], wrap=[None, width]) == expected


def test_short_text_is_left_alone_and_long_text_breaks_between_words() -> None:
    assert wrapped("14 killed", 20) == "14 killed"
    assert wrapped("fourteen civilians killed per RFI", 15) == "fourteen\ncivilians\nkilled per RFI"
    assert wrapped("one\n\ntwo", 20) == "one\ntwo"
    # A word longer than a line is cut at the width, as tabulate cuts it, not after a hyphen.
    assert wrapped("14-" + "é" * 30, 30) == "14-" + "é" * 27 + "\n" + "é" * 3


def test_a_terminal_table_wraps_messages_at_88_columns() -> None:
    message = " ".join(["word"] * 60)
    out = table([["error", message]], ["severity", "message"], wrap=[None, 88])
    lines = out.splitlines()
    assert len(lines) > 3
    assert all(len(line.rstrip()) <= len("severity") + 2 + 88 for line in lines)


def test_markdown_cells_are_escaped_and_padded() -> None:
    out = table([["a|b", "[x]"]], ["one", "two"], "markdown")
    assert out.splitlines() == [
        "| one   | two   |",
        "|-------|-------|",
        "| a\\|b  | \\[x\\] |",
    ]


def test_an_escape_code_in_a_cell_is_shown_and_wrapped_as_text() -> None:
    # A store's escape code is text to show, not a colour: it takes its columns.
    message = "\x1b[1m" + " ".join(["rebel-advantage"] * 8) + "\x1b[0m"
    out = table([["error", message]], ["severity", "message"], wrap=[None, 40])
    assert "\x1b" not in out
    assert out.splitlines()[2].startswith("error       \\x1b[1mrebel-advantage rebel-advantage")
    assert all(len(line) <= len("severity") + 2 + 40 for line in out.splitlines())


def test_styles_paint_cells_without_moving_columns() -> None:
    rows = [["error", "CC101", "14 killed", "a.yaml:3:5"], ["info", "CC205", "x", "b:1:1"]]
    headers = ["severity", "rule", "message", "where"]
    c = Colours(True)
    painted = table(rows, headers, styles=[c.severity, c.code, None, c.location])
    assert "\x1b[31merror\x1b[0m" in painted and "\x1b[36minfo\x1b[0m" in painted
    assert "\x1b[1mCC101\x1b[0m" in painted and "\x1b[1ma.yaml:3:5\x1b[0m" in painted
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == table(rows, headers)
    off = Colours(False)
    assert table(rows, headers, styles=[off.severity, off.code, None, off.location]) == table(
        rows, headers
    )


def test_control_characters_are_shown_in_every_kind_of_cell() -> None:
    hostile = "a\x1b[2Jb\x07c\x9bd\u202ee\nf"
    for fmt in ("table", "markdown"):
        out = table([[hostile, 1]], ["value", "n"], fmt)
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", out), (fmt, out)
        assert "x1b" in out and "2Jb" in out and "u202e" in out
    assert visible(hostile) == "a\\x1b[2Jb\\x07c\\x9bd\\u202ee\\nf"


def _grade(n: int) -> object:
    from claimcheck.analysis.grades.grade import shared_grade

    return shared_grade(n, "a reason", n, 0)


#: Text with lone surrogates too (what a file name that is not UTF-8 decodes to).
_TEXT = st.text(st.characters(codec=None, categories=None), max_size=5)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)  # (over 64 bits: orjson cannot, the fallback writes them)
    # (figures as the store holds them: between 0.001 and the 1e15 a value may reach;
    # orjson and the standard library write tinier ones in different notations)
    | st.floats(min_value=1e-3, max_value=1e15).map(lambda x: round(x, 3))
    | _TEXT
    | st.integers(1, 6).map(_grade),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_TEXT, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=4), _JSON, max_size=6), st.integers(1, 4))
def test_json_in_parts_is_exactly_the_json(data: dict[str, object], part: int) -> None:
    """Whatever orjson cannot write goes through the fallback part by part: the bytes are
    still those of the whole, and valid UTF-8 JSON."""
    import json

    from claimcheck import render

    original = render.JSON_PART
    render.JSON_PART = part
    try:
        whole = render.json_bytes(data)
        assert b"".join(render.json_parts(data)) == whole
        json.loads(whole.decode("utf-8"))
    finally:
        render.JSON_PART = original
