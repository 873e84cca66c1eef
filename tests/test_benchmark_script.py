"""The benchmark script works (its timings are measured apart, never asserted here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import REPO


def test_quick_benchmark_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--quick",
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results")
    for measure in (
        "`claimcheck --help`",
        "load floor",
        "full `check`",
        "peak memory",
        "warm `check` of one candidate file",
        "YAML store: warm `check`",
    ):
        assert measure in text, measure


def test_generated_store_validates(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    from claimcheck.store import load_store

    counts = generate(tmp_path / "s", 2000)
    store = load_store(tmp_path / "s")
    assert len(store.claims) == counts["claims"] == 2000
    yaml_counts = generate(tmp_path / "y", 500, yaml=True)
    assert len(load_store(tmp_path / "y").claims) == yaml_counts["claims"]


def test_the_phase_profile_runs_on_a_generated_store(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(tmp_path / "s", 12_000)  # enough claims for the rules to be shared out
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "phases.py"), str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "read and validate 12,000 claims" in proc.stdout
    assert "rules, in all processes, and the merge" in proc.stdout
    children = next(line for line in proc.stdout.splitlines() if line.startswith("its children"))
    if sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1:
        # forked children did part of the rules, and their CPU time was counted
        assert float(children.split()[2]) > 0
