"""A check split over forked processes gives exactly the serial answer."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from claimcheck.analysis.grades import Grade
from claimcheck.cli import cli
from claimcheck.config import Config
from claimcheck.engine import RUN_OF_GROUPS, RUNS_PER_JOB, Runner, _runs, check
from claimcheck.parallel import map_shared
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
@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_counts_the_groups_up_to_all(generated: Path, jobs: int) -> None:
    store = load_store(generated, cache=False)
    calls: list[tuple[int, int]] = []
    pid = os.getpid()

    def progress(done: int, total: int) -> None:
        assert os.getpid() == pid  # reported here, not from a forked child
        calls.append((done, total))

    with_progress = check(store, Config(), jobs=jobs, progress=progress)
    groups = len(store.groups)
    assert calls[-1] == (groups, groups)
    assert {total for _, total in calls} == {groups}
    done = [d for d, _ in calls]
    assert done == sorted(set(done)) and done[0] < groups  # growing, each said once
    assert 20 < len(calls) <= 1001  # often enough to show, never once a group
    assert _json(with_progress) == _json(check(store, Config(), jobs=jobs))


@linux_only
def test_cli_jobs_option(generated: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        got = CliRunner().invoke(
            cli,
            ["--store", str(generated), "--no-cache", "--jobs", jobs, "check", "--format", "json"],
        )
        assert got.exit_code == 1, got.output  # the generated store has conflicts
        outputs.append(orjson.loads(got.stdout))
    assert outputs[0] == outputs[1]
    bad = CliRunner().invoke(cli, ["--store", str(generated), "--jobs", "0", "check"])
    assert bad.exit_code == 2


def _where(item: int) -> tuple[int, int]:
    return item, os.getpid()


def _slow_where(item: float) -> tuple[float, int]:
    time.sleep(item)
    return item, os.getpid()


@linux_only
def test_items_are_shared_by_the_workers_and_come_back_in_order() -> None:
    items = [0.01] * 30
    got = map_shared(_slow_where, items, 2)
    assert [item for item, _ in got] == items
    assert len({pid for _, pid in got}) == 2
    assert os.getpid() not in {pid for _, pid in got}  # two workers; this process waits


@linux_only
def test_a_process_busy_with_a_long_item_leaves_the_rest_to_the_other() -> None:
    # Taken on demand: whichever process takes the long item, the other does most of the
    # short ones meanwhile (an even split would give each process ten).
    got = map_shared(_slow_where, [0.6] + [0.005] * 20, 2)
    slow_pid = got[0][1]
    assert sum(1 for _, pid in got[1:] if pid == slow_pid) <= 5


def _dies_in_children(item: int) -> int:
    time.sleep(0.01)
    if os.environ.get("CLAIMCHECK_TEST_PARENT") != str(os.getpid()):
        os._exit(3)
    return item * 10


def _raises_in_children(item: int) -> int:
    time.sleep(0.01)
    if os.environ.get("CLAIMCHECK_TEST_PARENT") != str(os.getpid()):
        raise MemoryError("out of memory in the child")
    return item * 10


@linux_only
def test_what_a_failing_child_took_is_computed_again_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_TEST_PARENT", str(os.getpid()))
    items = list(range(20))
    assert map_shared(_dies_in_children, items, 3) == [i * 10 for i in items]
    assert map_shared(_raises_in_children, items, 2) == [i * 10 for i in items]


def _fails_here(item: int) -> int:
    if item == 0:
        raise ValueError("a bug in a rule")
    time.sleep(0.01)
    return item


@linux_only
def test_an_error_here_stops_the_children_and_is_raised() -> None:
    before = _children_of(os.getpid())
    with pytest.raises(ValueError, match="a bug in a rule"):
        # The parent computes item 0 unless the child took it first: then it is raised
        # when the parent computes it again.
        map_shared(_fails_here, list(range(50)), 2)
    assert _children_of(os.getpid()) == before


def _children_of(pid: int) -> set[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return set(path.read_text().split()) if path.exists() else set()


def test_with_other_threads_running_nothing_is_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        got = map_shared(_where, [1, 2], 2)
    finally:
        stop.set()
        thread.join()
    assert [pid for _, pid in got] == [os.getpid(), os.getpid()]


def test_claims_with_one_grade_share_one_object_and_are_sent_as_references(
    generated: Path,
) -> None:
    store = load_store(generated, cache=False)
    runner = Runner(store, Config())
    _, grades, *_ = runner.run_groups(list(store.groups))
    assert len(grades) == len(store.claims)
    distinct = {id(g) for g in grades.values()}
    assert len(distinct) < 200  # a few dozen (grade, reason, counts), not one per claim
    assert len(distinct) == len(
        {
            (g.grade, g.reason, g.supporting_origins, g.contradicting_origins)
            for g in grades.values()
        }
    )
    # What a forked process sends back: each grade object once, then references to it.
    back = pickle.loads(pickle.dumps(grades))
    assert back == grades
    assert list(back) == sorted(grades)
    assert len({id(g) for g in back.values()}) == len(distinct)
    assert len(pickle.dumps(grades)) < 30 * len(grades)


def test_a_shared_grade_cannot_be_changed() -> None:
    import dataclasses

    grade = Grade(1, "confirmed by 2 independent origins", 2, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        grade.grade = 5  # type: ignore[misc]
    assert grade.label == "confirmed"


@linux_only
def test_the_kidal_store_in_small_runs_with_reviews(tmp_path: Path) -> None:
    import shutil

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
    assert len(_runs(list(store.groups), 2)) >= 2 * RUNS_PER_JOB  # short runs, shared out
    one = check(store, Config(), jobs=1)
    assert one.stale_reviews and any(f.reviewed for f in one.findings)
    for jobs in (2, 3):
        assert _json(check(store, Config(), jobs=jobs)) == _json(one), jobs


def test_groups_are_shared_out_in_runs_small_enough_to_finish_together() -> None:
    keys = [(f"s{i}", "deaths") for i in range(10_000)]
    for jobs in (2, 3):
        runs = _runs(keys, jobs)
        assert [k for run in runs for k in run] == keys
        assert len(runs) >= jobs * RUNS_PER_JOB
        assert max(map(len, runs)) <= RUN_OF_GROUPS
    assert _runs(keys, 1) == [keys]
    assert _runs(keys[:3], 2) == [[k] for k in keys[:3]]
