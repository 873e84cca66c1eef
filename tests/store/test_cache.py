"""The cache of the validated store is never wrong."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.cli import cli
from claimcheck.engine import check
from claimcheck.errors import StoreError
from claimcheck.store import load_store
from claimcheck.store.cache import CACHE_DIR

from support import BASE, KIDAL

CLAIMS = """\
claims:
  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
  - {id: b, subject: strike, property: deaths, value: 10, source: figaro-doc, claimant: medical-sources}
  - {id: c, subject: battle, property: outcome, value: stalemate, source: monde-doc}
"""


def make(tmp_path: Path, claims: str = CLAIMS) -> Path:
    root = tmp_path / "store"
    root.mkdir(exist_ok=True)
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "claims.yaml").write_text(claims, encoding="utf-8")
    return root


def summary(root: Path, cache: bool = True) -> dict[str, object]:
    result = check(load_store(root, cache=cache))
    return {
        "claims": sorted(result.store.claims),
        "findings": sorted((f.fingerprint, f.message, str(f.location)) for f in result.findings),
        "grades": {k: v.grade for k, v in result.grades.items()},
        "order": list(result.store.claims),
    }


def age(path: Path, seconds: float = 5) -> None:
    """Make a file look older, as if written before the cache recorded it."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_warm_run_reads_the_cache_and_agrees(tmp_path: Path) -> None:
    root = make(tmp_path)
    for p in root.glob("*.yaml"):
        age(p)
    cold = summary(root)
    assert (root / CACHE_DIR / "store.sqlite").exists()
    (root / "claims.yaml").chmod(0o000) if os.geteuid() != 0 else None
    try:
        warm = summary(root)
    finally:
        (root / "claims.yaml").chmod(0o644)
    assert warm == cold == summary(root, cache=False)


def test_edited_file_changes_the_result(tmp_path: Path) -> None:
    root = make(tmp_path)
    age(root / "claims.yaml")
    before = summary(root)
    (root / "claims.yaml").write_text(CLAIMS.replace("value: 10", "value: 14"), encoding="utf-8")
    after = summary(root)
    assert after != before and after == summary(root, cache=False)


def test_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path: Path) -> None:
    root = make(tmp_path)
    path = root / "claims.yaml"
    age(path)
    summary(root)
    st_before = path.stat()
    path.write_text(CLAIMS.replace("value: 10", "value: 11"), encoding="utf-8")  # same size
    os.utime(path, ns=(st_before.st_atime_ns, st_before.st_mtime_ns))
    assert summary(root) == summary(root, cache=False)  # ctime and inode still differ


def test_added_and_deleted_files(tmp_path: Path) -> None:
    root = make(tmp_path)
    summary(root)
    extra = root / "extra.yaml"
    extra.write_text(
        "claims:\n  - {id: z, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
    )
    assert "z" in summary(root)["claims"]  # type: ignore[operator]
    extra.unlink()
    assert "z" not in summary(root)["claims"]  # type: ignore[operator]
    assert summary(root) == summary(root, cache=False)


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    root = make(tmp_path)
    summary(root)
    db = root / CACHE_DIR / "store.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    assert summary(root) == summary(root, cache=False)
    sqlite3.connect(db).execute("SELECT count(*) FROM files").fetchone()  # rebuilt and readable


def test_foreign_cache_is_not_trusted(tmp_path: Path) -> None:
    """A cache copied from another store (or tampered with) is rebuilt, not believed."""
    root = make(tmp_path)
    age(root / "claims.yaml")
    summary(root)
    db = sqlite3.connect(root / CACHE_DIR / "store.sqlite")
    db.execute("UPDATE meta SET value = '/somewhere/else' WHERE key = 'root'")
    db.commit()
    db.close()
    assert summary(root) == summary(root, cache=False)


def test_tampered_records_are_validated_again(tmp_path: Path) -> None:
    root = make(tmp_path)
    age(root / "claims.yaml")
    summary(root)
    db = sqlite3.connect(root / CACHE_DIR / "store.sqlite")
    for rowid, data in db.execute(
        "SELECT rowid, data FROM blobs WHERE section='claims'"
    ).fetchall():
        entries = json.loads(data)
        for e in entries:
            e[3]["subjekt"] = e[3].pop("subject")
        new = json.dumps(entries).encode()
        # With a matching checksum: what the validation must catch.
        db.execute("UPDATE blobs SET data=?, crc=? WHERE rowid=?", (new, zlib.crc32(new), rowid))
    db.commit()
    db.close()
    # The tampered records fail validation: the file itself is read instead.
    result = CliRunner().invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 0, result.stderr
    assert summary(root) == summary(root, cache=False)


def test_records_damaged_on_disk_are_not_believed(tmp_path: Path) -> None:
    """A flipped digit still makes a valid record: the block's checksum catches it."""
    root = make(tmp_path)
    age(root / "claims.yaml")
    cold = summary(root, cache=False)
    summary(root)
    db = sqlite3.connect(root / CACHE_DIR / "store.sqlite")
    (damaged,) = db.execute(
        "SELECT count(*) FROM blobs WHERE instr(data, ?) > 0", (b'"value":14',)
    ).fetchone()
    assert damaged == 1
    db.execute("UPDATE blobs SET data = replace(data, ?, ?)", (b'"value":14', b'"value":19'))
    db.commit()
    db.close()
    assert summary(root) == cold


def test_a_file_modified_within_a_second_before_it_was_read_is_not_trusted(
    tmp_path: Path,
) -> None:
    """The racy window runs back from when the file was read, not from when its records
    were written (a background process may write them seconds later)."""
    from claimcheck.store.cache import Cache, digest
    from claimcheck.store.cache.database import RACY_NS
    from claimcheck.store.cache.rows import stat_key

    root = make(tmp_path)
    path = root / "claims.yaml"
    key = stat_key(path)
    for read_after_ns, trusted in ((RACY_NS // 2, False), (2 * RACY_NS, True)):
        cache = Cache(root)
        assert cache.open()
        cache.put_file(
            "claims.yaml",
            key,
            digest(path.read_bytes()),
            {},
            finite=True,
            read_ns=key[1] + read_after_ns,
        )
        cache.close()
        cache = Cache(root)
        assert cache.open()
        assert cache.fresh("claims.yaml", key) is trusted
        cache.close()


def test_no_cache_flag_neither_reads_nor_writes(tmp_path: Path) -> None:
    root = make(tmp_path)
    result = CliRunner().invoke(
        cli, ["--store", str(root), "--no-cache", "check", "--format", "text"]
    )
    assert result.exit_code in (0, 1)
    assert not (root / CACHE_DIR).exists()


def test_read_only_store_runs_without_a_cache(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        return  # root writes anywhere; nothing to test
    root = make(tmp_path)
    root.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["--store", str(root), "check", "--format", "text"])
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
    finally:
        root.chmod(0o755)


def test_candidate_check_from_the_cache_sees_collisions_and_conflicts(tmp_path: Path) -> None:
    root = make(tmp_path)
    for p in root.glob("*.yaml"):
        age(p)
    summary(root)
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        "claims:\n  - {id: a, subject: battle, property: outcome, value: stalemate, source: rfi-doc}\n"
    )
    result = CliRunner().invoke(cli, ["--store", str(root), "check", str(cand)])
    assert result.exit_code == 2 and "duplicate id 'a'" in result.stderr
    cand.write_text(
        # Le Monde: an origin of its own (France 24 would be one with RFI, same owner)
        "claims:\n  - {id: n, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
    )
    result = CliRunner().invoke(cli, ["--store", str(root), "check", str(cand), "--format", "json"])
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["CC101"]
    assert set(data["findings"][0]["claims"]) == {"a", "b", "n"}
    cold = CliRunner().invoke(
        cli, ["--store", str(root), "--no-cache", "check", str(cand), "--format", "json"]
    )
    assert json.loads(cold.stdout)["findings"] == data["findings"]


def test_two_processes_at_once(tmp_path: Path) -> None:
    import multiprocessing

    root = make(tmp_path)
    with multiprocessing.get_context("fork").Pool(4) as pool:
        results = pool.map(_summary_json, [str(root)] * 8)
    assert len(set(results)) == 1
    assert json.loads(results[0]) == json.loads(json.dumps(summary(root, cache=False)))


def _summary_json(root: str) -> str:
    return json.dumps(summary(Path(root)))


VALUES = st.sampled_from(["14", "10", "14+", "~12", "10-12", "une dizaine", "unknown", "3"])


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(VALUES, st.sampled_from(["rfi-doc", "monde-doc", "figaro-doc", "f24-doc"])),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.integers(0, 7), max_size=4),
)
def test_cold_and_warm_agree_on_generated_stores(
    tmp_path_factory: object, claims: list[tuple[str, str]], edits: list[int]
) -> None:
    root = tmp_path_factory.mktemp("s")  # type: ignore[attr-defined]
    (root / "base.yaml").write_text(BASE)

    def write(rows: list[tuple[str, str]]) -> None:
        for i, (value, source) in enumerate(rows):
            (root / f"c{i}.yaml").write_text(
                f"claims:\n  - {{id: c{i}, subject: strike, property: deaths, value: '{value}', source: {source}}}\n"
            )

    write(claims)
    assert summary(root) == summary(root, cache=False)
    for e in edits:  # edit some files and check again
        if e < len(claims):
            claims[e] = ("3", claims[e][1]) if claims[e][0] != "3" else ("14", claims[e][1])
    write(claims)
    assert summary(root) == summary(root, cache=False)


def _cached_paths(root: Path) -> set[str]:
    with sqlite3.connect(root / CACHE_DIR / "store.sqlite") as db:
        return {row[0] for row in db.execute("SELECT path FROM files")}


linux_only = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")


@linux_only
def test_many_records_are_recorded_by_a_background_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.store.cache.session as cache_load

    root = make(tmp_path)
    for p in root.glob("*.yaml"):
        age(p)
    monkeypatch.setattr(cache_load, "BACKGROUND_FROM", 5)  # the store has more records than that
    with load_store(root, cache=True, background=True) as store:
        assert len(multiprocessing.active_children()) == 1  # a child is recording them
    assert multiprocessing.active_children() == []  # waited for when the store is closed
    assert _cached_paths(root) == {"base.yaml", "claims.yaml"}
    warm = load_store(root, cache=True)
    assert list(warm.claims) == list(store.claims)
    assert summary(root) == summary(root, cache=False)


@linux_only
def test_few_records_are_recorded_at_once(tmp_path: Path) -> None:
    root = make(tmp_path)
    load_store(root, cache=True, background=True)
    assert multiprocessing.active_children() == []
    assert _cached_paths(root) == {"base.yaml", "claims.yaml"}


@linux_only
def test_a_store_with_problems_records_its_good_files_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.store.cache.session as cache_load

    root = make(tmp_path)
    (root / "bad.yaml").write_text("claims:\n  - {id: x, subject: strike}\n", encoding="utf-8")
    monkeypatch.setattr(cache_load, "BACKGROUND_FROM", 1)
    with pytest.raises(StoreError):
        load_store(root, cache=True, background=True)
    assert multiprocessing.active_children() == []
    assert _cached_paths(root) == {"base.yaml", "claims.yaml"}


@linux_only
def test_background_work_is_waited_for(tmp_path: Path) -> None:
    from claimcheck.store.cache.background import Writers
    from claimcheck.store.limits import DEFAULT_LIMITS

    done = tmp_path / "done"

    def work() -> None:
        time.sleep(0.3)
        done.write_text("yes")

    writers = Writers(tmp_path, DEFAULT_LIMITS)
    assert writers.start(work)
    assert not done.exists()
    writers.wait()
    assert done.read_text() == "yes"


@linux_only
def test_the_command_leaves_no_background_work_when_it_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The library waits for the child recording the cache: the command only exits."""
    import claimcheck.store.cache.session as cache_load
    from claimcheck import cli as cli_module
    from claimcheck.store.cache.background import Writers

    root = tmp_path / "claims"
    shutil.copytree(KIDAL, root, ignore=shutil.ignore_patterns(CACHE_DIR))
    events: list[str] = []

    class Exited(Exception):
        pass

    def exit_(code: int) -> None:
        events.append(f"exit {code}, {len(multiprocessing.active_children())} children")
        raise Exited

    real = Writers.record_files

    def spy(self: Writers, files: object) -> bool:
        started = real(self, files)  # type: ignore[arg-type]
        events.append(f"recording in a child: {started}")
        return started

    monkeypatch.setattr(cache_load, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(Writers, "record_files", spy)
    # The command's own exit only (a forked child leaves through os._exit too).
    monkeypatch.setattr(cli_module, "os", SimpleNamespace(_exit=exit_))
    monkeypatch.setattr(
        sys, "argv", ["claimcheck", "--store", str(root), "check", "--format", "json"]
    )
    with pytest.raises(Exited):
        cli_module.main()
    assert json.loads(capsys.readouterr().out)["summary"]["claims"] > 100
    assert events == ["recording in a child: True", "exit 1, 0 children"]
    assert _cached_paths(root)


BULK = "".join(
    f'{{"id": "bulk-{i}", "subject": "strike", "property": "deaths", "value": {10 + i % 5}, '
    f'"source": "{doc}"}}\n'
    for i, doc in enumerate(["rfi-doc", "monde-doc", "figaro-doc", "f24-doc"] * 3)
)


def _spy_on_early_writers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Lower the threshold below bulk.jsonl's 12 lines; record the files handed to an
    early writer, and whether one was started."""
    import claimcheck.store.cache.session as cache_load
    from claimcheck.store.cache.background import Writers

    monkeypatch.setattr(cache_load, "BACKGROUND_FROM", 10)
    handed: list[tuple[str, bool]] = []
    real = Writers.record_json_lines

    def spy(self: Writers, cache: object, rel: str, *rest: object) -> bool:
        handed.append((Path(rel).name, real(self, cache, rel, *rest)))  # type: ignore[arg-type]
        return handed[-1][1]

    monkeypatch.setattr(Writers, "record_json_lines", spy)
    return handed


def _bulk_store(tmp_path: Path, bulk: str) -> Path:
    root = make(tmp_path)
    (root / "bulk.jsonl").write_text(bulk, encoding="utf-8")
    for p in [*root.glob("*.yaml"), *root.glob("*.jsonl")]:
        age(p)
    return root


@linux_only
def test_a_bulk_json_lines_file_is_recorded_while_it_is_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = _spy_on_early_writers(monkeypatch)
    root = _bulk_store(tmp_path, BULK)
    with load_store(root, cache=True, background=True) as store:
        # Handed to a writer as soon as it was parsed (the other files are recorded after
        # the load, by the load or by another child).
        assert handed == [("bulk.jsonl", True)]
    assert _cached_paths(root) == {"base.yaml", "bulk.jsonl", "claims.yaml"}
    warm = load_store(root, cache=True)
    assert list(warm.claims) == list(store.claims)
    assert "bulk.jsonl" in {p.name for p in warm.paths}
    assert summary(root) == summary(root, cache=False)


@linux_only
def test_a_bulk_file_that_does_not_validate_is_not_kept_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = _spy_on_early_writers(monkeypatch)
    # A record missing its fields: refused by the models while the writer records the file.
    root = _bulk_store(tmp_path, BULK + '{"id": "bulk-bad", "subject": "strike"}\n')
    with pytest.raises(StoreError) as err:
        load_store(root, cache=True, background=True)
    assert handed == [("bulk.jsonl", True)]
    assert "bulk.jsonl:13:" in str(err.value.problems[0].location)
    assert multiprocessing.active_children() == []
    assert _cached_paths(root) == {"base.yaml", "claims.yaml"}
    # Fixed, it is recorded and read back.
    (root / "bulk.jsonl").write_text(BULK, encoding="utf-8")
    age(root / "bulk.jsonl")
    with load_store(root, cache=True, background=True):
        pass
    assert "bulk.jsonl" in _cached_paths(root)
    assert summary(root) == summary(root, cache=False)


@linux_only
def test_a_bulk_file_that_does_not_parse_is_reported_once_and_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = _spy_on_early_writers(monkeypatch)
    root = _bulk_store(tmp_path, BULK + '{"id": "bulk-bad",\n')
    with pytest.raises(StoreError) as err:
        load_store(root, cache=True, background=True)
    assert handed == [("bulk.jsonl", True)]
    assert [str(p.location).rsplit("/", 1)[-1] for p in err.value.problems] == ["bulk.jsonl:13:19"]
    assert "bulk.jsonl" not in _cached_paths(root)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["strike", "Léré", "Le\u0301re\u0301", " strike ", "battle"]),
            st.sampled_from(["deaths", "date", "outcome"]),
            st.one_of(st.integers(0, 10**6), st.text(max_size=8), st.none()),
            st.booleans(),
        ),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["claims", "documents"]),
)
def test_json_lines_recorded_from_text_read_back_as_parsed(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str, object, bool]],
    newline: str,
    section: str,
) -> None:
    from claimcheck.store import jsonlfile
    from claimcheck.store.cache import Cache
    from claimcheck.store.file_reader import _positioned

    lines = []
    for i, (subject, prop, value, blank_after) in enumerate(rows):
        lines.append(
            json.dumps(
                {"id": f"r{i}", "subject": subject, "property": prop, "value": value},
                ensure_ascii=i % 2 == 0,
            )
        )
        if blank_after:
            lines.append("  ")
    text = newline.join(lines) + newline
    records, positions = jsonlfile.load(text)
    expected_entries = {section: _positioned(records, positions)} if records else {}
    got = {}
    for how in ("parsed", "text"):
        root = tmp_path_factory.mktemp(how)
        cache = Cache(root)
        assert cache.open()
        if how == "parsed":
            cache.put_file("f.jsonl", (1, 2, 3, 4), "d", expected_entries, finite=True, read_ns=0)
        else:
            cache.put_json_lines("f.jsonl", (1, 2, 3, 4), "d", section, text, read_ns=0)
        cache.close()
        cache = Cache(root)
        assert cache.open()
        got[how] = (
            cache.entries("f.jsonl"),
            cache.digest_of("f.jsonl"),
            cache.find_ids([f"r{i}" for i in range(len(rows))], {"f.jsonl"}),
        )
        if section == "claims" and rows:
            got[how] += (
                cache.entries(
                    "f.jsonl", [("léré".replace("l", "L", 1), "deaths"), ("strike", "deaths")]
                ),
            )
        cache.close()
    assert got["text"] == got["parsed"]
    assert [list(e) for e in got["text"][0].get(section, [])] == [
        list(e) for e in expected_entries.get(section, [])
    ]


def test_pending_records_are_used_by_no_one_until_confirmed(tmp_path: Path) -> None:
    from claimcheck.store.cache import Cache
    from claimcheck.store.cache.background import write_json_lines
    from claimcheck.store.cache.rows import stat_key

    root = make(tmp_path)
    path = root / "bulk.jsonl"
    path.write_text(BULK, encoding="utf-8")
    age(path)
    key, content = stat_key(path), "d1"
    seen: list[tuple[bool, bool]] = []

    def look(answer: bool) -> Callable[[], bool]:
        def confirm() -> bool:
            other = Cache(root)  # another process's view, while the writer waits
            assert other.open()
            seen.append((other.fresh("bulk.jsonl", key), other.same_content("bulk.jsonl", content)))
            other.close()
            return answer

        return confirm

    now = time.time_ns()
    write_json_lines(root, "bulk.jsonl", key, content, "claims", BULK, now, confirm=look(False))
    assert "bulk.jsonl" not in _cached_paths(root)  # withdrawn
    write_json_lines(root, "bulk.jsonl", key, content, "claims", BULK, now, confirm=look(True))
    cache = Cache(root)
    assert (
        cache.open()
        and cache.fresh("bulk.jsonl", key)
        and cache.same_content("bulk.jsonl", content)
    )
    cache.close()
    assert seen == [(False, False), (False, False)]


_KILLED_BEFORE_THE_WORD = """
import os, sys
import claimcheck.store.cache.session as cache_load
from claimcheck.store import load_store
from claimcheck.store.cache.background import Writers
cache_load.BACKGROUND_FROM = 10
def killed(self, rel, sound):  # the reader dies once it has read the file, before a word
    os._exit(9)
Writers.confirm_or_withdraw = killed
load_store(sys.argv[1], cache=True, background=True)
"""


@linux_only
def test_a_reader_killed_before_its_word_leaves_nothing_usable(tmp_path: Path) -> None:
    # The last line repeats a key: only a reader parsing the file sees it.
    root = _bulk_store(tmp_path, BULK + '{"id": "dup", "id": "dup2", "subject": "strike"}\n')
    script = tmp_path / "killed.py"
    script.write_text(_KILLED_BEFORE_THE_WORD, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(root)], timeout=120, check=False)
    assert proc.returncode == 9
    deadline = time.time() + 30  # the writer withdraws once the pipe is closed
    while "bulk.jsonl" in _cached_paths(root) and time.time() < deadline:
        time.sleep(0.1)
    assert "bulk.jsonl" not in _cached_paths(root)
    with pytest.raises(StoreError) as err:
        load_store(root, cache=True)
    assert "duplicate key" in str(err.value)


def test_git_ignores_claimcheck_s_own_folder_in_any_repository(tmp_path: Path) -> None:
    root = make(tmp_path)
    load_store(root, cache=True)
    assert (root / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    if shutil.which("git") is None:
        return
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    status = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert CACHE_DIR not in status and "base.yaml" in status
