"""Smaller things a new user meets: tables of wide text, a blank --title, progress on a
dumb terminal, the help's wording, an empty candidate, claimcheck run from inside the
store, and -q."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.cli import progress as display
from claimcheck.render import table

from support import BASE, KIDAL


def columns(line: str, text: str) -> int:
    """The column ``text`` starts at in ``line``, as a terminal shows it."""
    from wcwidth import wcswidth

    return int(wcswidth(line[: line.index(text)]))


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_wide_and_combining_text_keeps_the_columns(fmt: str) -> None:
    out = table(
        [["基达尔战役", "first"], ["Kidal", "second"], ["e\u0301te\u0301", "third"]],
        ["name", "next"],
        fmt,
    ).splitlines()
    starts = {
        columns(line, word)
        for line, word in zip(out[-3:], ["first", "second", "third"], strict=True)
    }
    assert len(starts) == 1, out


def test_a_blank_title_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--store", str(KIDAL), "report", "--title", "   "])
    assert result.exit_code == 2
    assert "--title must not be blank" in result.stderr
    assert result.stdout == ""


def test_a_title_is_trimmed(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--store", str(KIDAL), "report", "--title", "  Kidal  "])
    assert result.stdout.startswith("# Kidal\n")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_progress_on_a_dumb_terminal_has_no_escape_codes() -> None:
    stream = io.StringIO()
    line = display.ProgressLine("loading", display.in_groups, stream, Clock(), dumb=True)
    line(5, 1000)
    line(1000, 1000)
    line.clear()
    out = stream.getvalue()
    assert "\x1b" not in out
    drawn = out.split("\r")
    assert drawn[1] == "claimcheck: loading 0% (5 of 1,000 groups)"
    assert drawn[2].startswith("claimcheck: loading 100% (1,000 of 1,000 groups)")
    assert drawn[-2] == " " * len(drawn[2])  # cleared with spaces
    assert out.endswith("\r")


def test_term_dumb_is_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert display.ProgressLine("x", display.in_groups, io.StringIO()).dumb
    monkeypatch.setenv("TERM", "xterm-256color")
    assert not display.ProgressLine("x", display.in_groups, io.StringIO()).dumb


def test_the_help_says_where_the_options_are(runner: CliRunner) -> None:
    out = runner.invoke(cli, ["--help"]).stdout
    said = out.index("also work after the command")
    assert "listed below" in out[said - 40 : said] and out.index("Options:") > said


@pytest.mark.parametrize("text", ["claims: []\n", "# nothing yet\n", ""])
def test_adding_an_empty_candidate_writes_nothing(
    runner: CliRunner, tmp_path: Path, text: str
) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    candidate = tmp_path / "empty.yaml"
    candidate.write_text(text, encoding="utf-8")
    for target in (root / "new.yaml", root / "base.yaml"):
        result = runner.invoke(
            cli, ["--store", str(root), "add", str(candidate), "--to", str(target)]
        )
        assert result.exit_code == 0, result.output
        assert "nothing added: " in result.stderr and "holds no records" in result.stderr
        assert "added nothing" not in result.stderr
    assert not (root / "new.yaml").exists()
    assert (root / "base.yaml").read_text(encoding="utf-8") == BASE


def test_run_from_inside_the_store_says_what_to_do(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "claims"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("CLAIMCHECK_STORE", raising=False)
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 2
    assert result.stderr == (
        "claims: no such store folder (run from the folder above, or give --store .; "
        "`claimcheck init` starts a new store)\n"
    )
    monkeypatch.chdir(tmp_path / "..")
    elsewhere = runner.invoke(cli, ["--store", "nowhere", "validate"])
    assert elsewhere.exit_code == 2
    assert "nowhere: no such store folder (give --store DIR; `claimcheck init`" in (
        elsewhere.stderr
    )


def test_quiet_silences_notes_but_not_errors_nor_data(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    loud = runner.invoke(cli, ["--store", str(KIDAL), "report", "-o", str(out)])
    assert loud.stderr == f"wrote {out}\n"
    quiet = runner.invoke(cli, ["--store", str(KIDAL), "-q", "report", "-o", str(out)])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    quiet = runner.invoke(cli, ["--store", str(KIDAL), "report", "-o", str(out), "-q"])
    assert quiet.stderr == ""
    data = runner.invoke(cli, ["--store", str(KIDAL), "-q", "claims", "--format", "json"])
    assert data.stdout.startswith("{")
    error = runner.invoke(cli, ["--store", str(tmp_path / "none"), "-q", "check"])
    assert error.exit_code == 2 and "no such store folder" in error.stderr


def test_quiet_silences_export_notes(runner: CliRunner) -> None:
    loud = runner.invoke(cli, ["--store", str(KIDAL), "export", "--format", "claimreview"])
    assert re.search("no --url|no reviewed findings", loud.stderr)
    quiet = runner.invoke(cli, ["--store", str(KIDAL), "-q", "export", "--format", "claimreview"])
    assert quiet.stderr == ""


def test_a_word_for_a_command_that_names_none_says_which_does_it(runner: CliRunner) -> None:
    """A new user types `claimcheck explain CC105` (an analyst's trial: "No such command
    'explain'", with no word of `rules`)."""
    result = runner.invoke(cli, ["explain", "CC105"])
    assert result.exit_code == 2
    assert "No such command 'explain': `claimcheck rules CC105` does that." in result.stderr
    result = runner.invoke(cli, ["chek"])
    assert result.exit_code == 2 and "Did you mean" in result.stderr
