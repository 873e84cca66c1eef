"""Measure claimcheck against the targets of DESIGN §6, in one run, as ratios.

    pip install -e '.[bench]'            # adds DuckDB, for the yardstick only
    python benchmarks/run.py             # 100k and 1M claims: about 15 minutes
    python benchmarks/run.py --quick     # 10k claims: checks that the script works

Every figure is a wall-clock time of the `claimcheck` command in a fresh process (the
way users run it), the best of a few runs, with peak memory from the operating system.
Writes benchmarks/RESULTS.md (or --out) with the figures and the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


def run(args: list[str], repeat: int = 1, cwd: Path | None = None) -> Run:
    """Best wall time of ``claimcheck ARGS`` over ``repeat`` fresh processes."""
    best: Run | None = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if proc.returncode == 2:
            raise SystemExit(f"claimcheck {' '.join(args)} failed:\n{proc.stderr.decode()[-2000:]}")
        # ru_maxrss of children is the maximum over all children so far: only a lower bound
        # after the first; the first run of each measurement below is the one that counts.
        r = Run(seconds, max(peak, before) / 1024, proc.returncode)
        if best is None or r.seconds < best.seconds:
            best = Run(r.seconds, r.peak_mb if best is None else best.peak_mb, r.code)
    assert best is not None
    return best


def seconds_of(args: list[str], cwd: Path | None = None) -> float:
    return run(args, cwd=cwd).seconds


def side_by_side(
    first: Callable[[], float], second: Callable[[], float], repeat: int
) -> tuple[float, float]:
    """The best times of two measurements taken in turn, so that both meet the machine in
    the same state (on a shared machine its speed drifts from minute to minute)."""
    a = b = float("inf")
    for _ in range(repeat):
        a = min(a, first())
        b = min(b, second())
    return a, b


def peak_of(args: list[str]) -> float:
    """Peak memory (MB) of one ``claimcheck ARGS`` run with every process it forks.

    The sum of the processes' proportional set sizes (shared pages split between the
    processes sharing them: what the run really holds), sampled from /proc; where /proc
    is missing, the largest single process's peak resident size.
    """
    if not Path("/proc/self/smaps_rollup").exists():
        code = (
            "import resource, subprocess, sys; "
            "subprocess.run([sys.executable, '-m', 'claimcheck', *sys.argv[1:]], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip()) / 1024
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak_kb = 0
    while proc.poll() is None:
        peak_kb = max(peak_kb, sum(_pss_kb(pid) for pid in _tree(proc.pid)))
        time.sleep(0.1)
    return peak_kb / 1024


def _tree(root: int) -> list[int]:
    """``root`` and its descendants."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parent[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(child for child, ppid in parent.items() if ppid == pid)
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


#: What `check` on a small store cannot avoid: its libraries, and defining a pydantic model
#: (pydantic imports most of itself on the first model; DESIGN §6 counts it that way).
BASELINE = (
    "import pydantic, click, ruamel.yaml, orjson, sqlite3\n"
    "class M(pydantic.BaseModel):\n    x: int\n"
    "M(x=1)\n"
)


def baseline_time() -> float:
    """Wall time of a fresh Python running BASELINE, measured like a command."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", BASELINE], check=True)
    return time.perf_counter() - start


def compile_package() -> None:
    """Write claimcheck's bytecode, as ``pip install`` does: an editable checkout under
    PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run."""
    import importlib.util

    spec = importlib.util.find_spec("claimcheck.cli")
    assert spec is not None and spec.origin is not None, "claimcheck is not installed"
    package = Path(spec.origin).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def duckdb_time(store: Path, repeat: int = 3) -> float | None:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return None
    from duckdb_conflicts import conflicts

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        conflicts(store)
        best = min(best, time.perf_counter() - start)
    return best


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def measure(
    big: int, small: int, yaml_claims: int, work: Path, repeat: int
) -> list[tuple[str, str, str, str]]:
    from claimcheck.engine import PARALLEL_FROM

    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, figure: str, target: str, ok: bool | None) -> None:
        mark = "—" if ok is None else ("met" if ok else "MISSED")
        rows.append((what, figure, target, mark))
        print(f"{what:58} {figure:28} {target:28} {mark}", flush=True)

    # Start-up and the demo store
    compile_package()
    helps = run(["--help"], repeat=5)
    add("`claimcheck --help`", f"{helps.seconds:.3f} s", "< 0.2 s", helps.seconds < 0.2)
    demo_args = ["--store", str(REPO / "claims"), "--no-cache", "check", "--format", "json"]
    libs, demo_seconds = side_by_side(baseline_time, partial(seconds_of, demo_args, REPO), repeat=5)
    add(
        "`check` of the Kidal store, cold (no cache)",
        f"{demo_seconds:.3f} s",
        "< 1 s",
        demo_seconds < 1,
    )
    add(
        "… against a fresh Python importing its libraries and defining a model",
        f"{demo_seconds / libs:.2f}× ({libs:.3f} s)",
        "≤ 1.5×",
        demo_seconds / libs <= 1.5,
    )

    # JSON Lines stores: load floor, full check, DuckDB, growth, memory
    results: dict[int, tuple[float, float]] = {}
    for n in (small, big):
        store = work / f"jsonl-{n}"
        if not store.exists():
            generate(store, n)
        shutil.rmtree(store / ".claimcheck-cache", ignore_errors=True)
        floor_seconds, full_seconds = side_by_side(
            partial(seconds_of, ["--store", str(store), "--no-cache", "validate"]),
            partial(seconds_of, ["--store", str(store), "--no-cache", "check", "--format", "json"]),
            repeat,
        )
        floor = Run(floor_seconds, 0.0, 0)
        full = Run(full_seconds, 0.0, 0)
        results[n] = (floor.seconds, full.seconds)
        serial = None
        if n == big:
            serial = run(
                ["--store", str(store), "--no-cache", "--jobs", "1", "check", "--format", "json"]
            )
        add(
            f"{n:,} claims: load floor (parse + validate, `validate`)",
            f"{floor.seconds:.2f} s",
            "",
            None,
        )
        processes = "one process per CPU" if n >= PARALLEL_FROM else "one process"
        add(
            f"{n:,} claims: full `check` ({processes})",
            f"{full.seconds:.2f} s",
            "",
            None,
        )
        if serial is not None:
            add(
                f"{n:,} claims: full `check` in one process (`--jobs 1`), for comparison",
                f"{serial.seconds:.2f} s ({serial.seconds / floor.seconds:.2f}× the floor)",
                "",
                None,
            )
        add(
            f"{n:,} claims: check ÷ load floor",
            f"{full.seconds / floor.seconds:.2f}×",
            "≤ 2×",
            full.seconds / floor.seconds <= 2,
        )
        duck = duckdb_time(store)
        if duck is None:
            add(f"{n:,} claims: DuckDB quantity-conflict query", "not installed", "", None)
        else:
            add(
                f"{n:,} claims: DuckDB quantity-conflict query, load included",
                f"{duck:.2f} s",
                "",
                None,
            )
            add(
                f"{n:,} claims: check ÷ DuckDB",
                f"{full.seconds / duck:.1f}×",
                "≤ 6×",
                full.seconds / duck <= 6,
            )
            add(
                f"{n:,} claims: … the load floor alone ÷ DuckDB (no check is faster than it)",
                f"{floor.seconds / duck:.1f}×",
                "",
                None,
            )
    memory = peak_of(
        ["--store", str(work / f"jsonl-{big}"), "--no-cache", "check", "--format", "json"]
    )
    add(
        f"{big:,} claims: peak memory of `check`, all its processes",
        f"{memory:,.0f} MB",
        "< 4096 MB",
        memory < 4096,
    )
    growth = results[big][1] / results[small][1]
    factor = big / small
    add(
        f"growth of `check` from {small:,} to {big:,} claims",
        f"{growth:.2f}× for {factor:.0f}× claims",
        f"≤ {factor * 1.1:.0f}×",
        growth <= factor * 1.1,
    )

    # The cache: first run builds it, then a warm candidate check
    store = work / f"jsonl-{big}"
    shutil.rmtree(store / ".claimcheck-cache", ignore_errors=True)
    first = run(["--store", str(store), "check", "--format", "json"])
    add(f"{big:,} claims: first `check` (builds the cache)", f"{first.seconds:.2f} s", "", None)
    # Its records are recorded by a process of its own while the rules run: all processes.
    shutil.rmtree(store / ".claimcheck-cache", ignore_errors=True)
    first_memory = peak_of(["--store", str(store), "check", "--format", "json"])
    add(
        f"{big:,} claims: peak memory of the first `check`, all its processes",
        f"{first_memory:,.0f} MB",
        "< 4096 MB",
        first_memory < 4096,
    )
    warm = run(["--store", str(store), "check", "--format", "json"], repeat=repeat)
    add(f"{big:,} claims: warm `check`", f"{warm.seconds:.2f} s", "", None)
    candidate = work / "candidate.yaml"
    candidate.write_text(
        "claims:\n  - {id: candidate-1, subject: s7, property: deaths, value: 40, source: d3}\n"
        "  - {id: candidate-2, subject: s8, property: outcome, value: stalemate, source: d4}\n",
        encoding="utf-8",
    )
    cand = run(["--store", str(store), "check", str(candidate), "--format", "json"], repeat=repeat)
    add(
        f"{big:,} claims: warm `check` of one candidate file",
        f"{cand.seconds:.2f} s",
        "< 1 s",
        cand.seconds < 1,
    )

    # A hand-edited YAML store
    ystore = work / f"yaml-{yaml_claims}"
    if not ystore.exists():
        generate(ystore, yaml_claims, yaml=True)
    shutil.rmtree(ystore / ".claimcheck-cache", ignore_errors=True)
    cold = run(["--store", str(ystore), "check", "--format", "json"])
    warm_yaml = run(["--store", str(ystore), "check", "--format", "json"], repeat=repeat)
    add(
        f"{yaml_claims:,}-claim YAML store: cold `check` (builds the cache)",
        f"{cold.seconds:.2f} s",
        "",
        None,
    )
    add(
        f"{yaml_claims:,}-claim YAML store: warm `check`",
        f"{warm_yaml.seconds:.2f} s",
        "< 1.5 s",
        warm_yaml.seconds < 1.5,
    )
    return rows


def write_results(
    rows: list[tuple[str, str, str, str]], out: Path, command: str, repeat: int
) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()}.",
        "",
        f"Reproduce: `{command}` (needs `pip install -e '.[bench]'` for DuckDB).",
        "",
        f"Times are the best of {repeat} fresh processes (start-up figures: of 5), except the "
        "one-process check, the first check that builds the cache, and memory, measured "
        "once. On a shared virtual machine the same figure can differ by a tenth from one "
        "run to the next, so a ratio near its target may land on either side.",
        "",
        "| measure | figure | target | |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=1_000_000, help="the big store (default 1M)")
    parser.add_argument("--quick", action="store_true", help="10k and 1k claims: a smoke test")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (best kept)")
    parser.add_argument(
        "--work", type=Path, help="where to keep generated stores (default: a temp dir)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    big = 10_000 if args.quick else args.claims
    small = big // 10
    yaml_claims = 1_000 if args.quick else 10_000
    work = args.work or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    repeat = 1 if args.quick else args.repeat
    rows = measure(big, small, yaml_claims, work, repeat)
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    write_results(rows, args.out, command, repeat)
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
