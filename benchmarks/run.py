"""Measure claimcheck against the targets of DESIGN §6, in one run, as ratios.

    pip install -e '.[bench]'            # adds DuckDB, for the yardstick only
    python benchmarks/run.py             # 100k and 1M claims: about 15 minutes
    python benchmarks/run.py --quick     # 10k claims: checks that the script works
    python benchmarks/run.py --groups    # only the big (subject, property) groups
    python benchmarks/run.py --scale     # only 1M against 10M claims in one process (~10 min)

Every figure is a wall-clock time of the `claimcheck` command in a fresh process (the
way users run it), the best of a few runs, with peak memory from the operating system.
Writes benchmarks/RESULTS.md (or --out) with the figures and the machine; `--groups`
rewrites only that file's section on big groups, `--scale` only its section on ten
million claims (a plain run keeps that section: measuring it takes 16 GB and minutes). Its
last sections, from "Why the
constants" on, are written by hand and kept as they are.

The big groups (DESIGN §4, last point): one (subject, property) group of 5,000 and of
50,000 claims, and a daily toll of 4 outlets over 1,000 and 12,500 days (see
benchmarks/groups.py). Each run has a time limit and a memory limit (address space, set
in the child), so that a check whose cost grows with the square of a group is reported as
"timed out" or "out of memory" instead of holding the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from groups import daily_toll, many_voices, one_group  # noqa: E402


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

    spec = importlib.util.find_spec("claimcheck")
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
            add(  # a yardstick, not a target since DESIGN §6's decision of 2026-12-04
                f"{n:,} claims: check ÷ DuckDB",
                f"{full.seconds / duck:.1f}×",
                "",
                None,
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


@dataclass
class Bounded:
    """One run under a time and a memory limit, and how it ended."""

    seconds: float
    peak_mb: float
    #: "ok", "timed out", "out of memory", "killed by signal N" or "crashed: …"
    outcome: str

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def figure(self, timeout: float) -> str:
        if self.ok:
            return f"{self.seconds:.2f} s"
        if self.outcome == "timed out":
            return f"timed out after {timeout:.0f} s"
        return f"{self.outcome} after {self.seconds:.1f} s"

    def memory(self) -> str:
        if self.ok:
            return f"{self.peak_mb:,.0f} MB"
        if self.outcome == "timed out":
            return f"{self.peak_mb:,.0f} MB when stopped"
        return f"{self.peak_mb:,.0f} MB ({self.outcome.split(':')[0]})"


def bounded_run(args: list[str], timeout: float, memory_bytes: int) -> Bounded:
    """``claimcheck ARGS`` in a fresh process, stopped after ``timeout`` seconds, its
    address space limited to ``memory_bytes`` (a process over it gets a MemoryError).

    Peak memory is the larger of the process's own peak resident size (exact, from
    ``wait4``) and the largest sum of proportional set sizes over it and any process it
    forks, sampled from /proc while it runs.
    """

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimcheck", *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limit,
            start_new_session=True,  # its own process group: a timeout stops its children too
        )
        ended: list[tuple[int, int, resource.struct_rusage]] = []
        finish: list[float] = []

        def reap() -> None:
            ended.append(os.wait4(proc.pid, 0))
            finish.append(time.perf_counter())

        waiter = threading.Thread(target=reap, daemon=True)
        waiter.start()
        sampled_kb = 0
        timed_out = False
        sample = Path("/proc/self/smaps_rollup").exists()
        while waiter.is_alive():
            if sample:
                sampled_kb = max(sampled_kb, sum(_pss_kb(pid) for pid in _tree(proc.pid)))
            waiter.join(0.25)
            if waiter.is_alive() and time.perf_counter() - start > timeout:
                timed_out = True
                _kill_group(proc.pid)  # not reaped yet: its group is still its own
                waiter.join()
        _, status, usage = ended[0]
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = finish[0] - start
        peak_mb = max(usage.ru_maxrss, sampled_kb) / 1024
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    code = proc.returncode
    if timed_out:
        outcome = "timed out"
    elif "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        outcome = "out of memory"
    elif code < 0:
        outcome = f"killed by signal {-code}"
    elif "Traceback (most recent call last)" in stderr or code not in (0, 1):
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit code {code}"
        outcome = f"crashed: {last[:120]}"
    else:
        outcome = "ok"
    if not (outcome == "ok" or timed_out):
        print(f"claimcheck {' '.join(args)}: {outcome}\n{stderr[-2000:]}", file=sys.stderr)
    return Bounded(seconds, peak_mb, outcome)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


#: Absolute targets for one group of this many claims (DESIGN §4; the issue's figures).
GROUP_TARGET_CLAIMS = 50_000
GROUP_TARGET_SECONDS = 10.0
GROUP_TARGET_MB = 1024.0
#: Growth of a group's check: at most this many times the growth in claims.
GROUP_GROWTH = 1.2


def _memory_met(r: Bounded) -> bool | None:
    """Whether a run stayed under the memory target; None when a stopped run does not say."""
    if r.peak_mb >= GROUP_TARGET_MB or r.outcome == "out of memory":
        return False
    return True if r.ok else None


def measure_groups(
    sizes: tuple[int, int],
    days: tuple[int, int],
    work: Path,
    repeat: int,
    timeout: float,
    memory_bytes: int,
) -> list[tuple[str, str, str, str]]:
    """One big (subject, property) group, two ways: many sources on one toll, and a
    daily toll over years. Each is checked at two sizes, ten or so times apart."""
    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, figure: str, target: str, ok: bool | None) -> None:
        mark = "—" if ok is None else ("met" if ok else "MISSED")
        rows.append((what, figure, target, mark))
        print(f"{what:58} {figure:28} {target:28} {mark}", flush=True)

    def timed(store: Path) -> Bounded:
        """The best of ``repeat`` runs; a slow or failed run is not repeated."""
        args = ["--store", str(store), "--no-cache", "check", "--format", "json"]
        best: Bounded | None = None
        for _ in range(repeat):
            r = bounded_run(args, timeout, memory_bytes)
            if best is None or (r.ok and r.seconds < best.seconds):
                best = Bounded(r.seconds, max(r.peak_mb, best.peak_mb if best else 0), r.outcome)
            if not r.ok or r.seconds > 20:
                break
        assert best is not None
        return best

    shapes = (
        (
            "one group",
            [
                (n, f"one group of {n:,} claims", f"group-one-{n}", partial(one_group, claims=n))
                for n in sizes
            ],
        ),
        (
            "many voices",
            [
                (
                    n,
                    f"many voices, {n:,} figures of {n:,} origins",
                    f"group-voices-{n}",
                    partial(many_voices, claims=n),
                )
                for n in sizes
            ],
        ),
        (
            # (origins of two figures: each is judged with a statement its figures straddle)
            "many voices, some of two figures",
            [
                (
                    n,
                    f"many voices, {n:,} origins, {n // 50:,} of them with a second figure",
                    f"group-voices2-{n}",
                    partial(many_voices, claims=n, second=n // 50),
                )
                for n in sizes
            ],
        ),
        (
            "daily toll",
            [
                (
                    4 * d,
                    f"daily toll, 4 outlets × {d:,} days",
                    f"group-daily-{d}",
                    partial(daily_toll, days=d),
                )
                for d in days
            ],
        ),
    )
    limits = f"limits: {timeout:.0f} s, {memory_bytes / 1024**3:.0f} GB of address space"
    print(f"\nbig (subject, property) groups ({limits})", flush=True)
    for shape, runs in shapes:
        done: list[tuple[int, Bounded]] = []
        for claims, label, name, make in runs:
            store = work / name
            if not (store / "claims-group.jsonl").exists():
                make(store)
            r = timed(store)
            done.append((claims, r))
            at_target = claims >= GROUP_TARGET_CLAIMS
            add(
                f"{label}: `check`, time",
                r.figure(timeout),
                f"< {GROUP_TARGET_SECONDS:.0f} s" if at_target else "",
                (r.ok and r.seconds < GROUP_TARGET_SECONDS) if at_target else None,
            )
            add(
                f"{label}: `check`, peak memory",
                r.memory(),
                f"< {GROUP_TARGET_MB:,.0f} MB" if at_target else "",
                _memory_met(r) if at_target else None,
            )
        (n0, small), (n1, big) = done
        factor = n1 / n0
        target = f"≤ {factor * GROUP_GROWTH:.0f}×"
        what = f"{shape}: growth of `check` from {n0:,} to {n1:,} claims"
        if small.ok and big.ok:
            growth = big.seconds / small.seconds
            add(
                what,
                f"{growth:.1f}× for {factor:.1f}× claims",
                target,
                growth <= factor * GROUP_GROWTH,
            )
        elif small.ok and big.outcome == "timed out":
            # it took longer than the limit: a lower bound, enough to say a target is missed
            floor = timeout / small.seconds
            missed = floor > factor * GROUP_GROWTH
            add(
                what,
                f"> {floor:.1f}× for {factor:.1f}× claims (timed out)",
                target,
                False if missed else None,
            )
        else:
            add(
                what,
                f"not measured ({small.outcome if not small.ok else big.outcome})",
                target,
                None,
            )
    return rows


GROUPS_HEADING = "## Big (subject, property) groups"

SCALE_HEADING = "## Ten million claims in one process"

#: DESIGN §6 and issue 20: 10M claims checked in one process within 16 GB, the time
#: growing at most 11× for 10× claims.
SCALE_MEMORY_MB = 16 * 1024
SCALE_GROWTH = 11.0


def timed_alone(args: list[str]) -> Run:
    """Wall time and peak resident memory of one ``claimcheck ARGS`` process, measured
    by a Python of its own (``ru_maxrss`` of children is a maximum over all of them)."""
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "p = subprocess.run([sys.executable, '-m', 'claimcheck', *sys.argv[1:]], "
        "stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
        "p.returncode); sys.stderr.write(p.stderr.decode()[-2000:])"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    seconds, peak_kb, returncode = out.stdout.split()
    if int(returncode) == 2:
        raise SystemExit(f"claimcheck {' '.join(args)} failed:\n{out.stderr}")
    return Run(float(seconds), int(peak_kb) / 1024, int(returncode))


def measure_scale(work: Path, big: int = 10_000_000) -> list[tuple[str, str, str, str]]:
    """A full check of ``big`` claims and of a tenth of them, each in one process
    (``--jobs 1``): time, peak memory, growth. One run each: the big one takes minutes."""
    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, figure: str, target: str, ok: bool | None) -> None:
        mark = "—" if ok is None else ("met" if ok else "MISSED")
        rows.append((what, figure, target, mark))
        print(f"{what:58} {figure:28} {target:28} {mark}", flush=True)

    runs: dict[int, Run] = {}
    for n in (big // 10, big):
        store = work / f"jsonl-{n}"
        if not store.exists():
            generate(store, n)
        # One JSON Lines file of 10M claims is over the default 512 MiB file limit.
        (store / "claimcheck.toml").write_text("[limits]\nmax-file-bytes = 4_000_000_000\n")
        args = ["--store", str(store), "--no-cache", "check", "--jobs", "1", "--format", "json"]
        runs[n] = r = timed_alone(args)
        add(f"{n:,} claims: full `check`, one process, time", f"{r.seconds:.1f} s", "", None)
        target = f"< {SCALE_MEMORY_MB:,} MB" if n == big else ""
        add(
            f"{n:,} claims: full `check`, one process, peak memory",
            f"{r.peak_mb:,.0f} MB",
            target,
            r.peak_mb < SCALE_MEMORY_MB if n == big else None,
        )
    growth = runs[big].seconds / runs[big // 10].seconds
    add(
        f"growth of a one-process `check` from {big // 10:,} to {big:,} claims",
        f"{growth:.2f}× for 10× claims",
        f"≤ {SCALE_GROWTH:.0f}×",
        growth <= SCALE_GROWTH,
    )
    return rows


def _scale_section(rows: list[tuple[str, str, str, str]]) -> list[str]:
    return [
        SCALE_HEADING,
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()}; reproduce: "
        "`python benchmarks/run.py --scale`. One run of each (`check --jobs 1 --format json`, "
        "no cache), peak resident memory of the one process.",
        "",
        *_table(rows),
        "",
    ]


def _split_scale(text: str) -> tuple[str, list[str]]:
    """``text`` without its ten-million section, and that section's lines."""
    before, heading, rest = text.partition(SCALE_HEADING)
    if not heading:
        return text, []
    section, next_heading, after = rest.partition("\n## ")
    kept = [heading + section.rstrip("\n"), ""]
    return before + (next_heading.lstrip("\n") and "\n## ") + after, kept


#: The first of the file's last sections, written by hand (the measurements behind the
#: code's constants, then measurements of past changes). A run keeps them as they are.
CONSTANTS_HEADING = "## Why the constants"


def _table(rows: list[tuple[str, str, str, str]]) -> list[str]:
    return [
        "| measure | figure | target | |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
    ]


def _groups_section(
    rows: list[tuple[str, str, str, str]], command: str, timeout: float, memory_gb: float
) -> list[str]:
    return [
        GROUPS_HEADING,
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()}; reproduce: `{command}`.",
        "",
        "`check --format json` of a store holding one group (benchmarks/groups.py): one "
        "subject and one cumulative toll, either from about 40 outlets and 30 parties "
        "quoting a few hundred figures, or 4 outlets reporting it every day. Each run is "
        f"stopped after {timeout:.0f} s or at {memory_gb:.0f} GB of address space; a growth "
        "marked '>' is a lower bound from a run that was stopped.",
        "",
        *_table(rows),
        "",
    ]


def write_results(
    rows: list[tuple[str, str, str, str]] | None,
    out: Path,
    command: str,
    repeat: int,
    group_rows: list[tuple[str, str, str, str]] | None = None,
    timeout: float = 0.0,
    memory_gb: float = 0.0,
    scale_rows: list[tuple[str, str, str, str]] | None = None,
) -> None:
    """Write the results; with ``rows`` None, replace only the big groups' section (or,
    with ``scale_rows``, only the ten-million section) of an existing file, or write a
    file holding only that section. The ten-million section is kept unless re-measured."""
    old = out.read_text(encoding="utf-8") if out.exists() else "# Benchmark results\n"
    old, constants_heading, constants = old.partition(CONSTANTS_HEADING)
    hand_written = [constants_heading + constants.rstrip("\n"), ""] if constants_heading else []
    old, scale = _split_scale(old)
    if scale_rows:
        scale = _scale_section(scale_rows)
    if group_rows:
        groups = _groups_section(group_rows, command, timeout, memory_gb)
    else:
        _, heading, after = old.partition(GROUPS_HEADING)
        groups = [heading + after.rstrip("\n"), ""] if heading else []
    if rows is None:
        kept = old.split(GROUPS_HEADING, 1)[0].rstrip("\n")
        out.write_text("\n".join([kept, "", *scale, *groups, *hand_written]), encoding="utf-8")
        return
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
        *_table(rows),
        "",
        *scale,
        *groups,
        *hand_written,
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=1_000_000, help="the big store (default 1M)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="10k and 1k claims, groups of 200 and 2,000: a smoke test",
    )
    parser.add_argument(
        "--groups", action="store_true", help="only the big (subject, property) groups"
    )
    parser.add_argument(
        "--scale",
        action="store_true",
        help="only 1M against 10M claims, each checked in one process (16 GB, ~10 minutes)",
    )
    parser.add_argument(
        "--group-timeout",
        type=float,
        default=120.0,
        help="seconds before a group's check is stopped (default 120)",
    )
    parser.add_argument(
        "--group-memory",
        type=float,
        default=4.0,
        help="GB of address space a group's check may use (default 4)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (best kept)")
    parser.add_argument(
        "--work", type=Path, help="where to keep generated stores (default: a temp dir)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    big = 10_000 if args.quick else args.claims
    small = big // 10
    yaml_claims = 1_000 if args.quick else 10_000
    group_sizes = (200, 2_000) if args.quick else (5_000, 50_000)
    group_days = (50, 500) if args.quick else (1_000, 12_500)
    work = args.work or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    repeat = 1 if args.quick else args.repeat
    if args.scale:
        compile_package()
        scale_rows = measure_scale(work, 100_000 if args.quick else 10_000_000)
        write_results(None, args.out, "python benchmarks/run.py --scale", 1, scale_rows=scale_rows)
        print(f"\nwrote {args.out}")
        return
    rows = None if args.groups else measure(big, small, yaml_claims, work, repeat)
    if args.groups:
        compile_package()
    group_rows = measure_groups(
        group_sizes,
        group_days,
        work,
        repeat,
        args.group_timeout,
        int(args.group_memory * 1024**3),
    )
    command = (
        "python benchmarks/run.py"
        + (" --quick" if args.quick else "")
        + (" --groups" if args.groups else "")
    )
    write_results(
        rows, args.out, command, repeat, group_rows, args.group_timeout, args.group_memory
    )
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
