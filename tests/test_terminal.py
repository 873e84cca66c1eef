"""What reaches a terminal: a hostile store's control characters shown, never acted on;
colour; global options after the command; progress on stderr."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.cli import progress as display

from support import BASE, KIDAL

#: Everything a terminal would act on, but the line feed that lays out the output.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

#: Clear the screen, reset the terminal, ring the bell, C1 CSI, right-to-left override,
#: and a line break (a forged finding line).
HOSTILE = "A\x1b[2JB\x1bcC\x07D\x9bE\u202eF\n/etc/x:1:1: [error] CC999 forged"


def invoke(
    runner: CliRunner, *args: str, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A store from an untrusted pull request: control characters in a category value,
    a quote, a note, an outlet's name, a document's title and a file's name."""
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    text = json.dumps(HOSTILE)
    (root / "evil\x1b[2J.yaml").write_text(
        f"outlets:\n  - {{id: evil, name: {text}, kind: newspaper}}\n"
        f"documents:\n  - {{id: evil-doc, outlet: evil, published: 2023-11-12, title: {text}}}\n"
        f"properties:\n  - {{id: mood, type: category, values: [calm, {text}]}}\n"
        "claims:\n"
        "  - {id: a, subject: battle, property: mood, value: calm, source: rfi-doc-2}\n"
        f"  - {{id: b, subject: battle, property: mood, value: {text}, source: evil-doc,"
        f" quote: {text}, note: {text}}}\n"
        f"  - {{id: c, subject: strike, property: deaths, value: 3, source: evil-doc,"
        f" quote: {text}}}\n"
        "  - {id: d, subject: strike, property: deaths, value: 14, source: rfi-doc}\n",
        encoding="utf-8",
    )
    return root


def assert_shown_not_acted_on(out: str) -> None:
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))
    assert "x1b" in out  # the escape is there, visibly
    assert not re.search(r"^\S*:1:1: \[error\] CC999", out, re.M)  # no forged line


@pytest.mark.parametrize("fmt", ["table", "text", "github", "markdown"])
def test_check_shows_a_hostile_store_s_control_characters(
    runner: CliRunner, hostile: Path, fmt: str
) -> None:
    code, out, err = invoke(runner, "--store", str(hostile), "check", "--format", fmt)
    assert code == 1, err
    assert "CC102" in out
    assert_shown_not_acted_on(out)
    if fmt != "markdown":  # Markdown writes a backslash as two
        assert "A\\x1b[2JB\\x1bcC\\x07D\\x9bE\\u202eF" in out


def test_text_check_keeps_one_line_per_finding(runner: CliRunner, hostile: Path) -> None:
    _, out, _ = invoke(runner, "--store", str(hostile), "check", "--format", "text")
    lines = out.splitlines()
    assert all(re.match(r"^\S+:\d+:\d+: \[(error|warning|info)\] CC\d{3} ", x) for x in lines[:-1])
    assert any(x.startswith("store/evil\\x1b[2J.yaml:") or "evil\\x1b[2J.yaml:" in x for x in lines)


@pytest.mark.parametrize("terminal", [False, True])
def test_check_json_keeps_the_text_exact(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: terminal)
    _, out, _ = invoke(runner, "--store", str(hostile), "check", "--format", "json")
    if terminal:  # JSON escapes C0 controls; on a terminal, C1 and bidi ones are too
        assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))
    data = json.loads(out)
    cc102 = next(f for f in data["findings"] if f["rule"] == "CC102")
    assert HOSTILE in cc102["message"]  # the text, exactly


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_claims_shows_a_hostile_value(runner: CliRunner, hostile: Path, fmt: str) -> None:
    code, out, err = invoke(runner, "--store", str(hostile), "claims", "--format", fmt)
    assert code == 0, err
    assert_shown_not_acted_on(out)


def test_claims_json_keeps_the_quote_exact(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    _, out, _ = invoke(runner, "--store", str(hostile), "claims", "--format", "json")
    assert not RAW_CONTROL.search(out)
    claims = {c["id"]: c for c in json.loads(out)["claims"]}
    assert claims["b"]["quote"] == HOSTILE and claims["b"]["value"] == HOSTILE


def test_an_error_about_a_hostile_file_is_shown_not_acted_on(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "\x1b]0;owned\x07.yaml").write_text("claims: [{id: a}\n", encoding="utf-8")
    code, _, err = invoke(runner, "--store", str(root), "validate")
    assert code == 2
    assert not RAW_CONTROL.search(err), repr(err)
    assert "\\x1b]0;owned\\x07.yaml" in err


# --- colour -------------------------------------------------------------------------------


def test_colour_always_paints_severities_codes_and_places(runner: CliRunner) -> None:
    _, out, _ = invoke(
        runner, "--store", str(KIDAL), "check", "--format", "text", "--color", "always"
    )
    first = out.splitlines()[0]
    assert re.match(
        r"^\x1b\[1m\S+:\d+:\d+\x1b\[0m: \[\x1b\[31merror\x1b\[0m\] \x1b\[1mCC\d{3}\x1b\[0m ", first
    )
    assert "\x1b[33mwarning\x1b[0m" in out


def test_colour_never_moves_a_column(runner: CliRunner) -> None:
    for args in (["check", "--format", "table"], ["rules"]):
        _, plain, _ = invoke(runner, "--store", str(KIDAL), *args, "--color", "never")
        _, painted, _ = invoke(runner, "--store", str(KIDAL), *args, "--color", "always")
        assert ANSI.search(painted) and not ANSI.search(plain)
        assert ANSI.sub("", painted) == plain


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json"],
        ["check", "--format", "markdown"],
        ["check", "--format", "github"],
        ["claims", "--format", "json"],
        ["rules", "--format", "markdown"],
    ],
)
def test_no_colour_in_data_formats(runner: CliRunner, args: list[str]) -> None:
    _, out, _ = invoke(runner, "--store", str(KIDAL), *args, "--color", "always")
    assert "\x1b" not in out


def test_no_colour_in_a_report_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    invoke(runner, "--store", str(KIDAL), "--color", "always", "report", "-o", str(target))
    assert "\x1b" not in target.read_text(encoding="utf-8")


@pytest.fixture
def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "is_terminal", lambda stream: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)


@pytest.mark.parametrize(
    ("env", "option", "coloured"),
    [
        ({}, [], True),
        ({"NO_COLOR": "1"}, [], False),
        ({"NO_COLOR": ""}, [], True),  # set but empty: not set (no-color.org)
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
        ({}, ["--color", "never"], False),
        ({"TERM": "dumb"}, [], False),
    ],
)
def test_colour_on_a_terminal(
    runner: CliRunner,
    on_a_terminal: None,
    env: dict[str, str],
    option: list[str],
    coloured: bool,
) -> None:
    _, out, _ = invoke(runner, "--store", str(KIDAL), "check", *option, env=env)
    assert bool(ANSI.search(out)) is coloured


def test_no_colour_when_piped_unless_forced(runner: CliRunner) -> None:
    _, piped, _ = invoke(runner, "--store", str(KIDAL), "check", env={"FORCE_COLOR": ""})
    assert "\x1b" not in piped
    _, forced, _ = invoke(runner, "--store", str(KIDAL), "check", env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced)
    _, both, _ = invoke(
        runner, "--store", str(KIDAL), "check", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert "\x1b" not in both


# --- global options after the command -----------------------------------------------------


def test_store_after_the_command(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "validate", "--store", str(KIDAL))
    assert code == 0, err
    assert out.startswith(f"{KIDAL}: ")
    # After the command wins over before it, and over the environment.
    code, out, _ = invoke(
        runner,
        "--store",
        str(tmp_path / "nowhere"),
        "validate",
        "--store",
        str(KIDAL),
        env={"CLAIMCHECK_STORE": str(tmp_path / "elsewhere")},
    )
    assert code == 0 and out.startswith(f"{KIDAL}: ")
    code, _, err = invoke(
        runner, "--store", str(KIDAL), "validate", "--store", str(tmp_path / "nowhere")
    )
    assert code == 2 and "nowhere" in err


def test_environment_and_option_before_still_work(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "validate", env={"CLAIMCHECK_STORE": str(KIDAL)})
    assert code == 0 and out.startswith(f"{KIDAL}: ")
    code, out, _ = invoke(runner, "--store", str(KIDAL), "validate")
    assert code == 0 and out.startswith(f"{KIDAL}: ")


def test_config_jobs_and_no_cache_after_the_command(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_store(
        {
            "c.yaml": "claims:\n"
            "  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
            "  - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
        }
    )
    config = tmp_path / "quiet.toml"
    config.write_text('ignore = ["CC101"]\n', encoding="utf-8")
    cache = root / ".claimcheck-cache"
    code, out, err = invoke(
        runner, "check", "--store", str(root), "--config", str(config), "-j", "1", "--no-cache"
    )
    assert code == 0, err
    assert "CC101" not in out
    assert not cache.exists()
    code, out, _ = invoke(runner, "check", "--store", str(root))
    assert code == 1 and "CC101" in out
    assert cache.exists()  # what --no-cache prevented
    code, _, err = invoke(runner, "check", "--store", str(root), "--jobs", "0")
    assert code == 2 and "--jobs" in err


def test_help_lists_the_global_options_apart(runner: CliRunner) -> None:
    _, out, _ = invoke(runner, "check", "--help")
    own, _, shared = out.partition("Global options (before or after the command):")
    assert "--fail-on" in own and "--store" not in own
    for option in ("--store", "--config", "--no-cache", "--jobs", "--color", "--quiet"):
        assert option in shared


# --- progress -----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_waits_then_rewrites_one_line_then_clears() -> None:
    stream, clock = io.StringIO(), Clock()
    line = display.ProgressLine("checking", display.in_groups, stream, clock)
    line(10, 50_000)
    assert stream.getvalue() == ""  # a quick step prints nothing
    clock.now += 0.6
    line(30_512, 50_000)
    assert stream.getvalue() == "\rclaimcheck: checking 61% (30,512 of 50,000 groups)\x1b[K"
    clock.now += 0.01
    line(30_600, 50_000)  # too soon to draw again
    assert stream.getvalue().count("\r") == 1
    line(50_000, 50_000)  # the end is always drawn
    assert "100% (50,000 of 50,000 groups)" in stream.getvalue()
    line.clear()
    assert stream.getvalue().endswith("\r\x1b[K") and "\n" not in stream.getvalue()


def test_progress_in_bytes() -> None:
    assert display.in_bytes(120 << 20, 250 << 20) == "120 MB of 250 MB"
    assert display.in_bytes(512 << 10, 3 << 20) == "0.5 MB of 3.0 MB"
    assert display.in_bytes(10, 800) == "10 bytes of 800 bytes"


def test_nothing_drawn_is_nothing_cleared() -> None:
    stream = io.StringIO()
    line = display.ProgressLine("loading", display.in_bytes, stream, Clock())
    line(1, 2)
    line.clear()
    assert stream.getvalue() == ""


@pytest.fixture
def progress_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "DELAY", 0.0)


def test_check_shows_progress_on_a_terminal(
    runner: CliRunner, on_a_terminal: None, progress_at_once: None
) -> None:
    code, out, err = invoke(runner, "--store", str(KIDAL), "check", "--format", "json")
    assert code == 1
    assert json.loads(out)["findings"]  # stdout untouched
    assert re.search(r"\rclaimcheck: checking 100% \([\d,]+ of [\d,]+ groups\)\x1b\[K", err), err
    assert err.endswith("\r\x1b[K")  # cleared at the end: no line left behind


@pytest.mark.parametrize("quiet", [["-q"], ["--quiet"]])
def test_quiet_shows_no_progress(
    runner: CliRunner, on_a_terminal: None, progress_at_once: None, quiet: list[str]
) -> None:
    _, _, err = invoke(runner, "--store", str(KIDAL), "check", *quiet)
    assert err == ""
    _, _, err = invoke(runner, "--store", str(KIDAL), *quiet, "check")
    assert err == ""


def test_no_progress_when_stderr_is_piped(runner: CliRunner, progress_at_once: None) -> None:
    _, _, err = invoke(runner, "--store", str(KIDAL), "check")
    assert err == ""


def test_shell_completion_as_the_readme_documents_it() -> None:
    """The README's `_CLAIMCHECK_COMPLETE=bash_source` line gives a bash function, and
    completing `claimcheck ch` and `claimcheck check --st` offers the command and the
    global option given after it."""
    runner = CliRunner()
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "_CLAIMCHECK_COMPLETE=bash_source claimcheck" in readme
    script = runner.invoke(
        cli, [], prog_name="claimcheck", env={"_CLAIMCHECK_COMPLETE": "bash_source"}
    )
    assert "_claimcheck_completion()" in script.output
    for words, cword, expected in (
        ("claimcheck ch", "1", "plain,check"),
        ("claimcheck check --st", "2", "plain,--store"),
    ):
        done = runner.invoke(
            cli,
            [],
            prog_name="claimcheck",
            env={"_CLAIMCHECK_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword},
        )
        assert expected in done.output.splitlines(), done.output
