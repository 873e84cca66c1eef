"""The command leaves without tearing its objects down: its output must still be whole,
its exit code right, and a reader that stops early must not cause a traceback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import KIDAL


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "--store", str(KIDAL), "--no-cache", *args]


def test_output_is_complete_and_the_exit_code_kept() -> None:
    proc = subprocess.run(
        _command("check", "--format", "json"), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1, proc.stderr  # the Kidal store has errors
    data = json.loads(proc.stdout)
    assert data["summary"]["claims"] == len(data["grades"]) > 100
    assert proc.stderr == ""


def test_usage_errors_still_exit_2() -> None:
    proc = subprocess.run(
        _command("check", "--fail-on", "sometimes"), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "sometimes" in proc.stderr


def test_a_reader_that_stops_early() -> None:
    proc = subprocess.Popen(
        _command("claims", "--format", "json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(10).startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err


def test_an_interrupted_command_exits_130_not_as_with_findings() -> None:
    """Ctrl-C exited 1, the code for findings, so a script could not tell an interruption
    from findings (a new user's trial). ``extract -`` waits on its input: interrupted
    there, the command says so and exits 130, with no traceback."""
    proc = subprocess.Popen(
        _command("extract", "-"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)  # (started, and waiting on its input)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"claimcheck: interrupted" in err and b"Traceback" not in err
    assert b"Aborted!" not in err  # (click's own word for it, before ours)


def _cut_off(args: list[str], *, stderr_too: bool = False) -> tuple[int, str]:
    """The exit code of a command whose reader closes the pipe before anything is read
    (`| true`; with ``stderr_too``, `2>&1 | true`), and what it wrote on stderr."""
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if stderr_too else subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    err = b"" if proc.stderr is None else proc.stderr.read()
    return proc.wait(timeout=120), err.decode()


@pytest.mark.parametrize("fmt", ["text", "json", "table"])
def test_a_reader_gone_at_once_leaves_the_exit_code_of_the_findings(fmt: str) -> None:
    """`check | true` exited 0 when the Kidal store has errors (a new user's trial): the
    code says what was found, whether or not the output was read."""
    code, err = _cut_off(_command("check", "--format", fmt))
    assert code == 1, err
    assert err == ""  # no traceback, no "Exception ignored"


def test_a_bad_store_exits_2_when_its_errors_go_down_a_closed_pipe(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("claims:\n  - id: x\n    subjekt: y\n", encoding="utf-8")
    command = [sys.executable, "-m", "claimcheck", "--store", str(tmp_path), "--no-cache"]
    assert _cut_off([*command, "validate"], stderr_too=True)[0] == 2
    assert _cut_off([*command, "validate", "--format", "json"])[0] == 2
    # a usage error, shown by click on the closed pipe
    assert _cut_off([*command, "check", "--fail-on", "sometimes"], stderr_too=True)[0] == 2
