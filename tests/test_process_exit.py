"""The command leaves without tearing its objects down: its output must still be whole,
its exit code right, and a reader that stops early must not cause a traceback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

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
