"""Where every command's output goes: on a terminal, a hostile store's control characters
are shown, never acted on (whatever the command and format); down a pipe, the data is
byte for byte what ``-o FILE`` writes; GraphML stays XML whatever the store holds."""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.cli import progress as display

from support import BASE, REPO

#: What a terminal acts on, but the line feed and tab that lay out the output (and the
#: carriage return of a CSV line end).
RAW = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)

#: Set the window title and reset the terminal; C1 CSI; a right-to-left override.
HOSTILE = "A\x1b]0;pwned\x07\x1bcB\x9bC\u202eD\rE"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    text = json.dumps(HOSTILE)
    (root / "evil.yaml").write_text(
        f"outlets:\n  - {{id: evil, name: {text}, kind: newspaper, owner: {text}}}\n"
        f"documents:\n  - {{id: evil-doc, outlet: evil, published: 2023-11-12, title: {text}}}\n"
        f"parties:\n  - {{id: evil-party, name: {text}, kind: army}}\n"
        "claims:\n"
        f"  - {{id: c, subject: strike, property: deaths, value: 3, source: evil-doc,"
        f" claimant: evil-party, quote: {text}, note: {text}}}\n"
        "  - {id: d, subject: strike, property: deaths, value: 14, source: rfi-doc}\n",
        encoding="utf-8",
    )
    return root


COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "text"],
    ["claims", "--format", "json"],
    ["claims", "--format", "markdown"],
    ["sources"],
    ["sources", "--format", "json"],
    ["sources", "--format", "markdown"],
    ["sources", "evil", "--format", "json"],
    ["sources", "evil"],
    ["sources", "--parties", "--format", "json"],
    ["sources", "--party", "evil-party", "--format", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "graphml"],
    ["export", "--format", "claimreview", "--automated-ratings"],
    ["report", "--format", "json"],
    ["report", "--format", "markdown"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_nothing_raw_reaches_a_terminal(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    result = runner.invoke(cli, ["--store", str(hostile), "--color", "never", *args])
    assert result.exit_code in (0, 1), result.output
    if args[0] in ("sources", "export"):
        assert "pwned" in result.stdout  # the text is there...
    assert not RAW.search(result.stdout), repr(RAW.search(result.stdout))  # ...shown


def test_json_on_a_terminal_is_still_the_json(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    out = runner.invoke(cli, ["--store", str(hostile), "sources", "evil", "--format", "json"])
    assert json.loads(out.stdout)["outlet"]["name"] == HOSTILE


def test_a_terminal_keeps_the_colour_it_was_given(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    out = runner.invoke(cli, ["--store", str(hostile), "check", "--color", "always"]).stdout
    assert re.search(r"\x1b\[31merror\x1b\[0m", out)
    assert not RAW.search(ANSI.sub("", out))


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv"],
        ["export", "--format", "graphml"],
        ["report", "--format", "markdown"],
        ["report", "--format", "json"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_a_pipe_gets_exactly_what_a_file_gets(
    runner: CliRunner, hostile: Path, tmp_path: Path, args: list[str]
) -> None:
    piped = runner.invoke(cli, ["--store", str(hostile), *args])
    assert piped.exit_code in (0, 1), piped.output
    written = tmp_path / "out"
    to_file = runner.invoke(cli, ["--store", str(hostile), *args, "-o", str(written)])
    assert to_file.exit_code == piped.exit_code, to_file.output
    assert piped.stdout_bytes == written.read_bytes()
    if args[-1] == "csv":
        assert HOSTILE.encode() in piped.stdout_bytes  # escape codes kept: data


def test_graphml_of_a_store_with_control_characters_is_xml(
    runner: CliRunner, hostile: Path
) -> None:
    result = runner.invoke(cli, ["--store", str(hostile), "export", "--format", "graphml"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    ET.fromstring(result.stdout_bytes)  # well-formed
    graph = nx.parse_graphml(result.stdout)
    labels = {d.get("label") for _, d in graph.nodes(data=True)}
    assert "A\\x1b]0;pwned\\x07\\x1bcB\\x9bC\\u202eD\\rE" in labels


def test_graphml_leaves_out_what_xml_cannot_hold() -> None:
    from claimcheck.export.graphml import xml_text

    assert xml_text("a\udcffb\ufffec\x00") == "abc\\x00"


def _echo_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "echo"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "click"
    ]


def test_no_command_writes_to_stdout_but_through_echo() -> None:
    """Every command's stdout goes through ``claimcheck.cli.output.echo``: nothing else in
    the CLI writes there (click.echo only on stderr, no print, no sys.stdout)."""
    for path in sorted((REPO / "claimcheck" / "cli").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for call in _echo_calls(tree):
            err = [k for k in call.keywords if k.arg == "err"]
            assert err and isinstance(err[0].value, ast.Constant) and err[0].value.value is True, (
                f"{path.name}:{call.lineno}: click.echo to stdout"
            )
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "print", f"{path.name}:{node.lineno}: print"
        if path.name != "output.py":
            assert "sys.stdout.write" not in source and "stdout.buffer" not in source, path.name


@pytest.mark.parametrize(
    ("args", "to"),
    [(["check"], "pipe"), (["check"], "terminal")]
    + [(["report"], to) for to in ("pipe", "file", "terminal")],
    ids=lambda x: " ".join(x) if isinstance(x, list) else x,
)
def test_json_written_in_parts_is_the_json_of_the_result(
    runner: CliRunner,
    hostile: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    to: str,
) -> None:
    """A big JSON output goes out in parts (a million grades are never one text): with
    parts of one entry, the bytes are still exactly one JSON text of the result."""
    from claimcheck import check, load_store, render

    expected = render.json_bytes(check(load_store(hostile, cache=False)).as_dict(plain=False))
    monkeypatch.setattr(render, "JSON_PART", 1)
    if to == "terminal":
        monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    where = ["-o", str(tmp_path / "out.json")] if to == "file" else []
    out = runner.invoke(cli, ["--store", str(hostile), *args, "--format", "json", *where])
    assert out.exit_code == (1 if args == ["check"] else 0), out.output
    got = (tmp_path / "out.json").read_bytes() if to == "file" else out.stdout_bytes
    if to == "terminal":  # (its control characters shown as JSON escapes: the same data)
        assert json.loads(got) == json.loads(expected)
    else:
        assert got == expected + b"\n"
