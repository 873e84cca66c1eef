"""The benchmark script works (its timings are measured apart, never asserted here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO

pytestmark = pytest.mark.slow


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
        "## Big (subject, property) groups",
        "one group of 2,000 claims: `check`, time",
        "one group of 2,000 claims: `check`, peak memory",
        "one group: growth of `check` from 200 to 2,000 claims",
        "daily toll, 4 outlets × 500 days: `check`, time",
        "daily toll: growth of `check` from 200 to 2,000 claims",
    ):
        assert measure in text, measure
    groups = text.split("## Big (subject, property) groups", 1)[1]
    for failure in ("crashed", "out of memory", "killed", "timed out", "not measured"):
        assert failure not in groups, groups


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


def test_groups_alone_replace_only_their_section(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text(
        "# Benchmark results\n\n| measure | figure | target | |\n|---|---|---|---|\n"
        "| kept | 1 s |  | — |\n\n## Big (subject, property) groups\n\n| old | row |\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--quick",
            "--groups",
            "--repeat",
            "1",
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
    assert "| kept | 1 s |  | — |" in text
    assert "| old | row |" not in text
    assert text.count("## Big (subject, property) groups") == 1
    assert "one group: growth of `check` from 200 to 2,000 claims" in text
    assert "load floor" not in text  # the other measures were not run
    assert "one group: growth" in proc.stdout


def test_group_stores_validate(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from groups import daily_toll, one_group

    from claimcheck.store import load_store

    counts = one_group(tmp_path / "one", 3000)
    store = load_store(tmp_path / "one")
    assert len(store.claims) == counts["claims"] == 3000
    assert {(c.subject, c.property) for c in store.claims.values()} == {("war", "deaths")}
    assert len(store.outlets) == 40 and len(store.parties) == 30
    assert len({c.source for c in store.claims.values()}) > 500
    assert any(d.cites for d in store.documents.values())
    daily = daily_toll(tmp_path / "daily", 300)
    store = load_store(tmp_path / "daily")
    assert len(store.claims) == daily["claims"] == 4 * 300
    assert len({str(c.as_of) for c in store.claims.values()}) == 300


def test_a_group_check_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from groups import daily_toll
    from run import bounded_run

    daily_toll(tmp_path / "daily", 5000)  # 20,000 claims: more than a quarter second to load
    args = ["--store", str(tmp_path / "daily"), "--no-cache", "check", "--format", "json"]
    r = bounded_run(args, timeout=0.0, memory_bytes=4 * 1024**3)
    assert r.outcome == "timed out"
    assert r.seconds < 10


def test_a_rewrite_keeps_the_hand_written_constants_section(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from run import write_results

    out = tmp_path / "RESULTS.md"
    why = "## Why the constants\n\n- **`PARALLEL_FROM`**: 0.58 s to 0.50 s.\n"
    out.write_text(f"# Benchmark results\n\n| old | row |\n\n{why}", encoding="utf-8")
    write_results([("new", "1 s", "", "—")], out, "run.py", 3)
    text = out.read_text(encoding="utf-8")
    assert "| old | row |" not in text and "| new | 1 s |  | — |" in text
    assert text.rstrip("\n").endswith(why.rstrip("\n"))
    groups = [("group", "2 s", "", "—")]
    write_results(None, out, "run.py --groups", 1, groups, 120.0, 4.0)
    text = out.read_text(encoding="utf-8")
    assert "| new | 1 s |  | — |" in text and "| group | 2 s |  | — |" in text
    assert text.count("## Why the constants") == 1
    assert text.rstrip("\n").endswith(why.rstrip("\n"))


def test_the_ten_million_section_is_kept_until_measured_again(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from run import write_results

    out = tmp_path / "RESULTS.md"
    why = "## Why the constants\n\n- **`PARALLEL_FROM`**: 0.58 s to 0.50 s.\n"
    out.write_text(f"# Benchmark results\n\n| old | row |\n\n{why}", encoding="utf-8")
    write_results(None, out, "run.py --scale", 1, scale_rows=[("10M", "300 s", "", "—")])
    write_results([("new", "1 s", "", "—")], out, "run.py", 3, [("group", "2 s", "", "—")])
    text = out.read_text(encoding="utf-8")
    assert "| 10M | 300 s |  | — |" in text and "| new | 1 s |  | — |" in text
    assert text.index("| new |") < text.index("## Ten million") < text.index("## Big")
    write_results(None, out, "run.py --scale", 1, scale_rows=[("10M", "200 s", "", "—")])
    text = out.read_text(encoding="utf-8")
    assert "| 10M | 200 s |" in text and "300 s" not in text
    assert "| new | 1 s |" in text and "| group | 2 s |" in text
    assert text.count("## Ten million") == 1 and text.count("## Why the constants") == 1
    assert text.rstrip("\n").endswith(why.rstrip("\n"))
