"""A check split over forked processes gives exactly the serial answer."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.config import Config
from claimcheck.engine import GradeTable, check
from claimcheck.forked import map_forked
from claimcheck.grades import Grade
from claimcheck.store import load_store

from support import REPO

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    root = tmp_path_factory.mktemp("parallel") / "store"
    generate(root, 6000)
    return root


def _json(result: object) -> bytes:
    return orjson.dumps(result.as_dict())  # type: ignore[attr-defined]


@linux_only
def test_any_number_of_processes_gives_the_serial_result(generated: Path) -> None:
    store = load_store(generated, cache=False)
    serial = check(store, Config(), jobs=1)
    assert serial.findings and len(serial.grades) == 6000
    for jobs in (2, 3, 7):
        assert _json(check(store, Config(), jobs=jobs)) == _json(serial), jobs


@linux_only
def test_cli_jobs_option(generated: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        got = CliRunner().invoke(
            cli,
            ["--store", str(generated), "--no-cache", "--jobs", jobs, "check", "--format", "json"],
        )
        assert got.exit_code == 1, got.output  # the generated store has conflicts
        outputs.append(orjson.loads(got.output))
    assert outputs[0] == outputs[1]
    bad = CliRunner().invoke(cli, ["--store", str(generated), "--jobs", "0", "check"])
    assert bad.exit_code == 2


def _where(part: int) -> tuple[int, int]:
    return part, os.getpid()


@linux_only
def test_parts_after_the_first_run_in_children() -> None:
    got = map_forked(_where, [1, 2, 3])
    assert [part for part, _ in got] == [1, 2, 3]
    assert got[0][1] == os.getpid()
    assert {pid for _, pid in got[1:]}.isdisjoint({os.getpid()})


def _dies_in_children(part: int) -> int:
    if part == 2 and os.environ.get("CLAIMCHECK_TEST_PARENT") != str(os.getpid()):
        os._exit(3)
    return part * 10


def _raises_in_children(part: int) -> int:
    if os.environ.get("CLAIMCHECK_TEST_PARENT") != str(os.getpid()):
        raise MemoryError("out of memory in the child")
    return part * 10


@linux_only
def test_a_failing_child_is_computed_again_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_TEST_PARENT", str(os.getpid()))
    assert map_forked(_dies_in_children, [1, 2, 3]) == [10, 20, 30]
    assert map_forked(_raises_in_children, [1, 2]) == [10, 20]


def test_with_other_threads_running_nothing_is_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        got = map_forked(_where, [1, 2])
    finally:
        stop.set()
        thread.join()
    assert [pid for _, pid in got] == [os.getpid(), os.getpid()]


def test_a_grade_table_pickles_as_columns_and_comes_back_equal() -> None:
    table = GradeTable(
        {"a": Grade(1, "confirmed by 2 independent origins", 2, 0), "b": Grade(6, "unknown")}
    )
    back = pickle.loads(pickle.dumps(table))
    assert isinstance(back, GradeTable)
    assert back == table


@linux_only
def test_the_kidal_store_in_small_runs_with_reviews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import claimcheck.engine

    root = tmp_path / "claims"
    shutil.copytree(REPO / "claims", root, ignore=shutil.ignore_patterns(".claimcheck-cache"))
    serial = check(load_store(root, cache=False), Config(), jobs=1)
    conflict = next(f for f in serial.findings if f.rule == "CC101")
    (root / "reviews.yaml").write_text(
        "reviews:\n"
        f"  - {{finding: {conflict.fingerprint}, verdict: explained, note: tolls grew}}\n"
        "  - {finding: 0123456789abcdef, verdict: accepted}\n",
        encoding="utf-8",
    )
    store = load_store(root, cache=False)
    monkeypatch.setattr(claimcheck.engine, "RUN_OF_GROUPS", 4)  # the Kidal store is small
    one = check(store, Config(), jobs=1)
    assert one.stale_reviews and any(f.reviewed for f in one.findings)
    for jobs in (2, 3):
        assert _json(check(store, Config(), jobs=jobs)) == _json(one), jobs
