"""The store cache (``.claimcheck-cache/``) never changes an answer and never crashes.

A warm run (records read from the cache) must say exactly what a cold run says: same
exit code, same findings, same messages at the same places. A cache that is corrupt,
foreign, unwritable or stale is bad input like any other: no traceback, and no wrong
answer. Files are given an mtime an hour old, so that the cache trusts their stat
(a file modified within a second of being cached is re-hashed instead).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

from support import BASE

CACHE = ".claimcheck-cache"
HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


def age(root: Path) -> None:
    """Make every file of the store an hour old: out of the cache's "racy" window."""
    for path in root.rglob("*"):
        if path.is_file() and CACHE not in path.parts:
            os.utime(path, ns=(HOUR_AGO_NS, HOUR_AGO_NS))


def run(root: Path, *args: str, cache: bool = True) -> tuple[int, str, str]:
    argv = ["--store", str(root), *([] if cache else ["--no-cache"]), *args]
    result = CliRunner().invoke(cli, argv)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:])
        pytest.fail(f"{args[0]}: unhandled {type(exc).__name__}: {exc}\n{tb}")
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "store"
        root.mkdir(exist_ok=True)
        (root / "base.yaml").write_text(BASE, encoding="utf-8")
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        age(root)
        return root

    return make


NFC = unicodedata.normalize("NFC", "café-raid")
NFD = unicodedata.normalize("NFD", NFC)


def claim(
    cid: str,
    value: object = 14,
    subject: str = "strike",
    source: str = "rfi-doc",
    prop: str = "deaths",
) -> str:
    return f"  - {{id: {cid}, subject: {subject}, property: {prop}, value: {value}, source: {source}}}\n"


STORES: dict[str, dict[str, str]] = {
    "plain": {"a.yaml": "claims:\n" + claim("c1") + claim("c2", 3, source="figaro-doc")},
    "text-nan": {"t.yaml": "claims:\n" + claim("t1", ".nan", prop="summary")},
    "text-infinity": {"t.yaml": "claims:\n" + claim("t1", ".inf", prop="summary")},
    "text-minus-infinity": {"t.yaml": "claims:\n" + claim("t1", "-.inf", prop="summary")},
    "text-negative-zero": {"t.yaml": "claims:\n" + claim("t1", "-0.0", prop="summary")},
    "text-huge-integer": {"t.yaml": "claims:\n" + claim("t1", "9" * 30, prop="summary")},
    "text-float-precision": {
        "t.yaml": "claims:\n" + claim("t1", "0.1000000000000000055511151231257827", prop="summary")
    },
    "decomposed-subject": {
        "s.yaml": f"subjects:\n  - {{id: {NFC}, label: Raid}}\nclaims:\n"
        + claim("c1", subject=NFD)
        + claim("c2", 3, subject=NFC, source="figaro-doc")
    },
    "jsonl": {
        "claims-bulk.jsonl": '{"id": "j1", "subject": "strike", "property": "deaths", "value": 14, "source": "rfi-doc"}\n'
        '{"id": "j2", "subject": "strike", "property": "deaths", "value": "une dizaine", "source": "figaro-doc"}\n'
    },
    "mapping-values-and-dates": {
        "m.yaml": "claims:\n"
        + claim("m1", "{min: 10, max: 14}")
        + claim("m2", "2023-11-10/2023-11-14", prop="date")
        + "  - {id: m3, subject: strike, property: deaths, value: 20, source: monde-doc, as_of: 2023-11}\n"
    },
    "error-in-a-second-file-about-a-first": {
        "a.yaml": "claims:\n" + claim("c1"),
        "b.yaml": "# refers to a.yaml\nclaims:\n" + claim("c1", source="monde-doc"),
    },
    "bad-value": {"a.yaml": "claims:\n" + claim("c1", "-3")},
}

COMMANDS = {
    "validate": ["validate"],
    "check": ["check", "--format", "json"],
    "report": ["report", "--format", "markdown"],
    "claims": ["claims", "--format", "json"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(STORES))
def test_a_warm_run_says_what_a_cold_run_says(
    store: Callable[[dict[str, str]], Path], name: str, command: str
) -> None:
    root = store(STORES[name])
    cold = run(root, *COMMANDS[command], cache=False)
    first = run(root, *COMMANDS[command])  # fills the cache
    second = run(root, *COMMANDS[command])  # reads it
    assert first == cold, "the first cached run differs from an uncached one"
    assert second == cold, (
        f"the warm run differs from a cold one:\ncold:  {cold[0]} {cold[2][:500]}\n"
        f"warm:  {second[0]} {second[2][:500]}"
    )


CANDIDATES: dict[str, tuple[dict[str, str], str]] = {
    # store, candidate
    "conflict": (
        {"a.yaml": "claims:\n" + claim("c1")},
        "claims:\n" + claim("n1", 3, source="figaro-doc"),
    ),
    "conflict-with-a-decomposed-subject": (
        {
            "s.yaml": f"subjects:\n  - {{id: {NFC}, label: Raid}}\nclaims:\n"
            + claim("c1", subject=NFD)
        },
        "claims:\n" + claim("n1", 3, subject=NFC, source="figaro-doc"),
    ),
    "conflict-from-a-decomposed-candidate": (
        {
            "s.yaml": f"subjects:\n  - {{id: {NFC}, label: Raid}}\nclaims:\n"
            + claim("c1", subject=NFC)
        },
        "claims:\n" + claim("n1", 3, subject=NFD, source="figaro-doc"),
    ),
    "duplicate-claim-id": (
        {"a.yaml": "claims:\n" + claim("c1")},
        "claims:\n" + claim("c1", source="monde-doc"),
    ),
    "duplicate-decomposed-claim-id": (
        {"a.yaml": "claims:\n" + claim(NFC)},
        "claims:\n" + claim(NFD, source="monde-doc"),
    ),
    "id-of-an-outlet": (
        {"a.yaml": "claims:\n" + claim("c1")},
        "claims:\n" + claim("rfi", source="monde-doc"),
    ),
    "corroboration": (
        {"a.yaml": "claims:\n" + claim("c1")},
        "claims:\n" + claim("n1", 14, source="monde-doc"),
    ),
    "duplicate-claim-rule": ({"a.yaml": "claims:\n" + claim("c1")}, "claims:\n" + claim("n1")),
}


@pytest.mark.parametrize("name", list(CANDIDATES))
def test_a_warm_candidate_check_says_what_a_cold_one_says(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, name: str
) -> None:
    files, cand_text = CANDIDATES[name]
    root = store(files)
    cand = tmp_path / "cand.yaml"
    cand.write_text(cand_text, encoding="utf-8")
    args = ["check", str(cand), "--format", "json"]
    cold = run(root, *args, cache=False)
    run(root, "validate")  # fills the cache
    warm = run(root, *args)  # partial: reads only the candidate's groups
    assert warm[0] == cold[0], f"exit {warm[0]} warm, {cold[0]} cold:\n{warm[2]}{cold[2]}"
    if cold[0] == 2:
        assert warm[2] == cold[2]
        return
    w, c = json.loads(warm[1]), json.loads(cold[1])
    assert [f["fingerprint"] for f in w["findings"]] == [f["fingerprint"] for f in c["findings"]]
    assert w["candidate"] == c["candidate"]
    assert w["summary"] == c["summary"]  # counts of the whole store, though few groups were read


# --- a warm candidate check reads few groups, and still sees the whole store --------------

#: A store of two files and two groups: candidates touch (strike, deaths), not the other.
TWO_GROUPS = {
    "a.yaml": "claims:\n" + claim("c1"),
    "b.yaml": "claims:\n" + claim("o1", "stalemate", subject="battle", prop="outcome"),
}

PROBLEMS_ELSEWHERE = {
    # what the store's second file becomes, once the cache holds the valid store
    "unknown-document": claim("o1", source="rfi-doc-deleted", subject="battle", prop="outcome"),
    "id-used-twice": claim("o2", "stalemate", subject="battle", prop="outcome"),
    "bad-value": claim("o1", "stalemat", subject="battle", prop="outcome"),
}


@pytest.mark.parametrize("name", list(PROBLEMS_ELSEWHERE))
def test_a_warm_candidate_check_sees_problems_outside_its_groups(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, name: str
) -> None:
    """The candidate touches (strike, deaths); the problem is in other files and groups."""
    root = store(
        {
            **TWO_GROUPS,
            "c.yaml": "claims:\n"
            + claim("o2", "stalemate", subject="battle", prop="outcome", source="monde-doc"),
        }
    )
    assert run(root, "check")[0] in (0, 1)  # the cache now holds the valid store
    (root / "b.yaml").write_text("claims:\n" + PROBLEMS_ELSEWHERE[name], encoding="utf-8")
    age(root)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    cold = run(root, "check", str(cand), cache=False)
    assert cold[0] == 2, cold
    for _ in range(2):  # the second run finds the changed file in the cache
        assert run(root, "check", str(cand)) == cold
    before = {p.name: p.read_bytes() for p in root.glob("*.yaml")}
    code, _, err = run(root, "add", str(cand), "--to", str(root / "a.yaml"))
    assert (code, err) == (2, cold[2])
    assert {p.name: p.read_bytes() for p in root.glob("*.yaml")} == before


def test_a_warm_candidate_check_reads_only_its_groups_while_the_store_is_unchanged(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    from claimcheck.candidates import check_candidates

    root = store(TWO_GROUPS)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 3, source="monde-doc"), encoding="utf-8")
    assert not check_candidates(root, [cand], cache=True).store.partial  # no clean load yet
    assert run(root, "validate")[0] == 0  # records one
    warm = check_candidates(root, [cand], cache=True)
    assert warm.store.partial and "o1" not in warm.store.claims
    assert warm.summary()["claims"] == 3
    # An edit anywhere: the whole store is read until a full run records a clean load again.
    (root / "b.yaml").write_text(
        "claims:\n" + claim("o1", "rebel-advantage", subject="battle", prop="outcome"),
        encoding="utf-8",
    )
    age(root)
    assert not check_candidates(root, [cand], cache=True).store.partial
    assert run(root, "check")[0] in (0, 1)
    assert check_candidates(root, [cand], cache=True).store.partial
    # `add` records the store it leaves as checked: the next candidate reads few groups.
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    code, _, err = run(root, "add", str(cand), "--to", str(root / "a.yaml"))
    assert code == 0 and "added 1 claim" in err, err
    age(root)
    cand.write_text("claims:\n" + claim("n2", 14, source="figaro-doc"), encoding="utf-8")
    after_add = check_candidates(root, [cand], cache=True)
    assert after_add.store.partial and after_add.summary()["claims"] == 4
    cold = run(root, "check", str(cand), "--format", "json", cache=False)
    warm = run(root, "check", str(cand), "--format", "json")
    assert warm == cold


def test_an_add_after_a_concurrent_edit_of_its_target_records_no_clean_load(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target changed between the check and the append: that edit was never checked."""
    import claimcheck.store.writer as writer
    from claimcheck.candidates import check_candidates
    from claimcheck.errors import StoreError

    root = store({"a.yaml": "claims:\n" + claim("c1")})
    assert run(root, "validate")[0] == 0
    real = writer.append_records

    def edited_first(
        root_: Path, target: Path, records: dict[str, list[object]], *args: Any, **kw: Any
    ) -> object:
        target.write_text(
            "claims:\n"
            + claim("c1")
            + claim("x1", "stalemate", subject="battle", prop="outcome", source="rfi-doc-unknown"),
            encoding="utf-8",
        )
        return real(root_, target, records, *args, **kw)

    monkeypatch.setattr(writer, "append_records", edited_first)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    run(root, "add", str(cand), "--to", str(root / "a.yaml"))
    monkeypatch.undo()
    age(root)
    cand.write_text("claims:\n" + claim("n2", 14, source="figaro-doc"), encoding="utf-8")
    for _ in range(2):  # the second run finds the edited target in the cache
        with pytest.raises(StoreError, match="rfi-doc-unknown"):
            check_candidates(root, [cand], cache=True)
    code, _, err = run(root, "check", str(cand))
    assert code == 2 and "rfi-doc-unknown" in err, err


@pytest.mark.parametrize("value", [".inf", ".nan", "9" * 30])
def test_ids_of_a_file_the_cache_can_no_longer_hold_do_not_linger(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, value: str
) -> None:
    """A file JSON cannot hold stays out of the cache, with what was recorded of it."""
    root = store(
        {
            "a.yaml": "claims:\n" + claim("c1"),
            "t.yaml": "claims:\n" + claim("t1", "calm", prop="summary"),
        }
    )
    assert run(root, "check")[0] in (0, 1)
    (root / "t.yaml").write_text(
        "claims:\n" + claim("t1-renamed", value, prop="summary"), encoding="utf-8"
    )
    age(root)
    assert run(root, "check")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("t1", "quiet", prop="summary"), encoding="utf-8")
    cold = run(root, "check", str(cand), "--format", "json", cache=False)
    assert cold[0] == 0, cold[2]
    assert run(root, "check", str(cand), "--format", "json") == cold


def test_lower_reading_limits_apply_to_cached_files(
    store: Callable[[dict[str, str]], Path],
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1", "calm " * 40, prop="summary")})
    assert run(root, "check")[0] in (0, 1)
    (root / "claimcheck.toml").write_text("[limits]\nmax-string = 100\n", encoding="utf-8")
    cold = run(root, "check", cache=False)
    assert cold[0] == 2 and "over the limit of 100" in cold[2], cold
    assert run(root, "check") == cold
    (root / "claimcheck.toml").unlink()
    assert run(root, "check")[0] in (0, 1)


# --- a stale cache: files changed, replaced, deleted ------------------------------------------


def test_a_same_size_rewrite_with_the_old_mtime_is_seen(
    store: Callable[[dict[str, str]], Path],
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1", 14)})
    assert run(root, "validate")[0] == 0
    path = root / "a.yaml"
    text = path.read_text(encoding="utf-8").replace("value: 14", "value: -4")
    path.write_text(text, encoding="utf-8")  # same size
    os.utime(path, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    code, _, err = run(root, "validate")
    assert code == 2 and "negative" in err, err


def test_a_file_replaced_by_another_is_seen(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1", 14)})
    assert run(root, "validate")[0] == 0
    new = tmp_path / "new.yaml"
    new.write_text(
        ("claims:\n" + claim("c1", 14)).replace("value: 14", "value: -4"), encoding="utf-8"
    )
    os.utime(new, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    os.replace(new, root / "a.yaml")
    code, _, err = run(root, "validate")
    assert code == 2 and "negative" in err, err


def test_a_quick_rewrite_in_the_racy_window_is_seen(tmp_path: Path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    path = root / "a.yaml"
    path.write_text("claims:\n" + claim("c1", 14), encoding="utf-8")
    assert run(root, "validate")[0] == 0
    st = path.stat()
    path.write_text(
        ("claims:\n" + claim("c1", 14)).replace("value: 14", "value: -4"), encoding="utf-8"
    )
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    code, _, err = run(root, "validate")
    assert code == 2 and "negative" in err, err


@pytest.mark.parametrize("how", ["deleted", "renamed-to-hidden", "id-removed"])
def test_ids_of_a_deleted_file_do_not_linger(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, how: str
) -> None:
    """The candidate reuses an id whose claim is gone from the store: no duplicate."""
    root = store(
        {
            "a.yaml": "claims:\n" + claim("c1"),
            "b.yaml": "claims:\n" + claim("c2", source="monde-doc"),
        }
    )
    assert run(root, "validate")[0] == 0
    if how == "deleted":
        (root / "a.yaml").unlink()
    elif how == "renamed-to-hidden":
        (root / "a.yaml").rename(root / ".a.yaml.bak")
    else:
        (root / "a.yaml").write_text("claims: []\n", encoding="utf-8")
        age(root)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("c1", source="figaro-doc"), encoding="utf-8")
    for _ in range(2):
        code, out, err = run(root, "check", str(cand), "--format", "text")
        assert code in (0, 1), f"exit {code}: {err}"
        assert "duplicate id" not in err + out


def test_a_deleted_file_is_not_read_from_the_cache(store: Callable[[dict[str, str]], Path]) -> None:
    root = store(
        {
            "a.yaml": "claims:\n" + claim("c1"),
            "b.yaml": "claims:\n" + claim("c2", 3, source="figaro-doc"),
        }
    )
    assert run(root, "check", "--format", "text")[0] == 1  # 14 against 3
    (root / "b.yaml").unlink()
    code, out, _ = run(root, "check", "--format", "json")
    assert code == 0, out[-1000:]
    data = json.loads(out)
    assert "c2" not in data["grades"]
    assert not any("c2" in f["claims"] for f in data["findings"])


# --- a corrupt, foreign or unusable cache ----------------------------------------------------


def _warm(root: Path) -> Path:
    assert run(root, "validate")[0] == 0
    db = root / CACHE / "store.sqlite"
    assert db.is_file(), "no cache was written"
    return db


def _sql(db: Path, statement: str, *params: object) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute(statement, params)
        con.commit()
    finally:
        con.close()


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "garbage-file": lambda db: db.write_bytes(b"this is not a database\x00" * 100),
    "truncated-file": lambda db: db.write_bytes(db.read_bytes()[:1000]),
    "zero-bytes": lambda db: db.write_bytes(b""),
    "sqlite-header-then-garbage": lambda db: db.write_bytes(
        b"SQLite format 3\x00" + b"\xff" * 8192
    ),
    "garbage-blob": lambda db: _sql(db, "UPDATE blobs SET data = ?", b"\x00not json"),
    "blob-of-the-wrong-shape": lambda db: _sql(db, "UPDATE blobs SET data = ?", b'{"a": 1}'),
    "blob-with-text-positions": lambda db: _sql(
        db, "UPDATE blobs SET data = ?", b'[["a", "b", "c", {}]]'
    ),
    "null-blob": lambda db: _sql(db, "UPDATE blobs SET data = NULL"),
    "table-dropped": lambda db: _sql(db, "DROP TABLE blobs"),
    "files-row-with-text-stat": lambda db: _sql(db, "UPDATE files SET size = 'x', mtime_ns = 'y'"),
    "foreign-root": lambda db: _sql(
        db, "UPDATE meta SET value = '/somewhere/else' WHERE key = 'root'"
    ),
    "other-schema": lambda db: _sql(
        db, "UPDATE meta SET value = 'claimcheck-cache 0' WHERE key = 'schema'"
    ),
    "cache-folder-is-a-file": lambda db: (shutil.rmtree(db.parent), db.parent.write_text("x")),
    "cache-database-is-a-folder": lambda db: (db.unlink(), db.mkdir()),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_a_corrupt_cache_is_never_fatal_nor_believed(
    store: Callable[[dict[str, str]], Path], name: str
) -> None:
    root = store(STORES["plain"])
    expected = run(root, "check", "--format", "json", cache=False)
    db = _warm(root)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    CORRUPTIONS[name](db)
    for _ in range(2):
        assert run(root, "validate")[0] == 0
        assert run(root, "check", "--format", "json") == expected


DAMAGES: dict[str, str] = {
    "blocks-deleted": "DELETE FROM blobs WHERE subject = 'strike' AND property = 'deaths'",
    "checksum-wrong": "UPDATE blobs SET crc = crc + 1 WHERE subject = 'strike'",
}


@pytest.mark.parametrize("recent", [False, True], ids=["old-files", "files-just-written"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_full_load_records_damaged_blocks_again(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, damage: str, recent: bool
) -> None:
    # A candidate check trusts the cached blocks of its groups: a full load that finds
    # them damaged must record them again, or the candidate misses what they hold —
    # also when the files were written just now, and their stat is not trusted.
    root = store(
        {
            "main.yaml": "claims:\n"
            + claim("a", 14, source="monde-doc")
            + claim("c", "rebel-advantage", subject="battle", prop="outcome")
        }
    )
    if recent:
        (root / "main.yaml").touch()
    db = _warm(root)
    _sql(db, DAMAGES[damage])
    for _ in range(2):
        assert run(root, "check", "--format", "json")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("z", 3, source="figaro-doc"), encoding="utf-8")
    cold = run(root, "check", str(cand), "--format", "json", cache=False)
    assert '"CC101"' in cold[1]
    assert run(root, "check", str(cand), "--format", "json") == cold


def test_a_copied_store_does_not_trust_the_copied_cache(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    root = store(STORES["plain"])
    _warm(root)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, copy_function=shutil.copy2)  # keeps mtimes
    (copy / "a.yaml").write_text(
        (root / "a.yaml").read_text(encoding="utf-8").replace("value: 14", "value: -4"),
        encoding="utf-8",
    )
    os.utime(copy / "a.yaml", ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    code, _, err = run(copy, "validate")
    assert code == 2 and "negative" in err, err


def test_no_cache_writes_nothing(store: Callable[[dict[str, str]], Path]) -> None:
    root = store(STORES["plain"])
    for args in (["validate"], ["check", "--format", "json"], ["report", "--format", "html"]):
        run(root, *args, cache=False)
    assert not (root / CACHE).exists()


def test_an_unwritable_store_folder_runs_without_a_cache(
    store: Callable[[dict[str, str]], Path],
) -> None:
    root = store(STORES["plain"])
    expected = run(root, "check", "--format", "json", cache=False)
    if os.geteuid() != 0:
        root.chmod(0o555)
        try:
            assert run(root, "check", "--format", "json") == expected
        finally:
            root.chmod(0o755)
        return
    if (
        not shutil.which("chattr")
        or subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode
    ):
        pytest.skip("as root, chattr +i is needed to make a folder unwritable")
    try:
        assert run(root, "check", "--format", "json") == expected
    finally:
        subprocess.run(["chattr", "-i", str(root)], capture_output=True)


def test_concurrent_cold_runs_share_the_cache(store: Callable[[dict[str, str]], Path]) -> None:
    """Eight processes filling one cold cache at once: same answer, no "database is locked"."""
    root = store({f"f{i}.yaml": "claims:\n" + claim(f"c{i}", 14) for i in range(20)})
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "--store", str(root), "check", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    outs = [p.communicate(timeout=90) for p in procs]
    codes = [p.returncode for p in procs]
    assert all("Traceback" not in o + e for o, e in outs), [e for _, e in outs if e][:1]
    assert codes == [codes[0]] * 8 and codes[0] in (0, 1), codes
    assert len({o for o, _ in outs}) == 1, "the concurrent runs disagree"
    assert run(root, "check", "--format", "json")[1] == outs[0][0]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_read_without_the_cache(
    store: Callable[[dict[str, str]], Path],
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1")})
    name = os.fsdecode(b"caf\xe9.yaml")
    (root / name).write_text("claims:\n" + claim("c2", 3, source="figaro-doc"), encoding="utf-8")
    age(root)
    cold = run(root, "check", "--format", "json", cache=False)
    assert cold[0] == 1 and "c2" in cold[1]
    for _ in range(2):
        assert run(root, "check", "--format", "json") == cold


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE files SET written_ns = NULL",
        "UPDATE files SET written_ns = 'x'",
        "UPDATE files SET size = 1.5",
        "DELETE FROM blobs WHERE section = 'claims'",
        "UPDATE blobs SET path = 'elsewhere.yaml'",
        "INSERT INTO blobs SELECT * FROM blobs WHERE section = 'claims'",
    ],
)
def test_cache_rows_of_the_wrong_kind_or_number_are_not_believed(
    store: Callable[[dict[str, str]], Path], damage: str
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1") + claim("c2", 3, source="figaro-doc")})
    cold = run(root, "check", "--format", "json", cache=False)
    assert run(root, "check", "--format", "json") == cold
    with sqlite3.connect(root / CACHE / "store.sqlite") as db:
        db.execute(damage)
    db.close()
    for _ in range(2):
        assert run(root, "check", "--format", "json") == cold


# --- found by attacking the clean load ----------------------------------------------------------

NFD_CAFE = unicodedata.normalize("NFD", "café")
NFC_CAFE = unicodedata.normalize("NFC", "café")


def test_cached_ids_are_compared_in_nfc(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """The store's `café` is decomposed, in a group the candidate does not touch."""
    root = store(
        {
            "a.yaml": "claims:\n" + claim("c1"),
            "b.yaml": "claims:\n" + claim(NFD_CAFE, "stalemate", subject="battle", prop="outcome"),
        }
    )
    assert run(root, "check")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim(NFC_CAFE, 14, source="monde-doc"), encoding="utf-8")
    cold = run(root, "check", str(cand), cache=False)
    assert cold[0] == 2 and "duplicate id" in cold[2], cold
    assert run(root, "check", str(cand)) == cold
    before = (root / "a.yaml").read_bytes()
    assert run(root, "add", str(cand), "--to", str(root / "a.yaml"))[0] == 2
    assert (root / "a.yaml").read_bytes() == before
    # An entity value naming the decomposed id is a known id, warm as cold.
    cand.write_text(
        "claims:\n" + claim("e1", NFC_CAFE, subject="battle", prop="commander"), encoding="utf-8"
    )
    cold = run(root, "check", str(cand), "--format", "json", cache=False)
    assert cold[0] != 2, cold[2]
    assert run(root, "check", str(cand), "--format", "json") == cold


def test_a_candidate_id_used_in_an_unread_group_is_dropped_as_when_all_are_read(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    root = store(TWO_GROUPS)
    assert run(root, "check")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    for wrong in (claim("o1", 14, source="no-such-doc"), claim("o1", "lots")):
        cand.write_text("claims:\n" + wrong, encoding="utf-8")
        cold = run(root, "check", str(cand), cache=False)
        assert cold[0] == 2 and "duplicate id 'o1'" in cold[2], cold
        assert run(root, "check", str(cand)) == cold


def test_a_clean_load_a_full_load_contradicts_is_dropped(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """Were a clean load ever recorded for a broken store, the next full run forgets it."""
    from claimcheck.store.cache import digest, record_clean_load
    from claimcheck.store.limits import DEFAULT_LIMITS

    root = store(
        {
            "a.yaml": "claims:\n" + claim("c1"),
            "b.yaml": "claims:\n"
            + claim("o1", "stalemate", subject="battle", prop="outcome", source="gone-doc"),
        }
    )
    assert run(root, "validate")[0] == 2
    files = sorted(p for p in root.glob("*.yaml"))
    record_clean_load(
        root, DEFAULT_LIMITS, {p.name: digest(p.read_bytes()) for p in files}, claims=2
    )
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    cold = run(root, "check", str(cand), cache=False)
    assert cold[0] == 2
    assert run(root, "validate")[0] == 2  # a full load: the false clean load goes
    assert run(root, "check", str(cand)) == cold


def test_add_appends_only_the_candidate_it_checked(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The candidate is replaced after the check, before the append: nothing is written."""
    import claimcheck.add as add

    root = store({"a.yaml": "claims:\n" + claim("c1")})
    assert run(root, "check")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    real = add.check_candidates

    def then_swapped(*args: Any, **kw: Any) -> Any:
        result = real(*args, **kw)
        cand.write_text("claims:\n" + claim("c1", 3, source="monde-doc"), encoding="utf-8")
        return result

    monkeypatch.setattr(add, "check_candidates", then_swapped)
    before = (root / "a.yaml").read_bytes()
    code, _, err = run(root, "add", str(cand), "--to", str(root / "a.yaml"))
    assert code == 2 and "the candidate changed while it was being checked" in err, err
    assert (root / "a.yaml").read_bytes() == before


def test_add_keeps_the_configured_file_size_limit(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    padding = "# " + "x" * len(BASE) + "\n"  # the biggest file of the store
    root = store({"a.yaml": padding + "claims:\n" + claim("c1")})
    size = (root / "a.yaml").stat().st_size
    (root / "claimcheck.toml").write_text(
        f"[limits]\nmax-file-bytes = {size + 60}\n", encoding="utf-8"
    )
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    before = (root / "a.yaml").read_bytes()
    code, _, err = run(root, "add", str(cand), "--to", str(root / "a.yaml"))
    assert code == 2 and "over the limit" in err and "max-file-bytes" in err, err
    assert (root / "a.yaml").read_bytes() == before
    assert run(root, "validate", cache=False)[0] == 0


@pytest.mark.parametrize("folder", ["node_modules", "__pycache__", ".hidden"])
def test_add_refuses_a_target_in_a_folder_the_store_skips(
    store: Callable[[dict[str, str]], Path], tmp_path: Path, folder: str
) -> None:
    root = store({"a.yaml": "claims:\n" + claim("c1")})
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    code, _, err = run(root, "add", str(cand), "--to", str(root / folder / "x.yaml"))
    assert code == 2 and "folder, which the store does not read" in err, err
    assert not (root / folder).exists()


def test_after_an_add_to_a_file_with_a_byte_order_mark_candidates_still_read_few_groups(
    store: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    from claimcheck.candidates import check_candidates

    root = store({"a.yaml": "claims:\n" + claim("c1")})
    target = root / "a.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    age(root)
    assert run(root, "check")[0] in (0, 1)
    cand = tmp_path / "cand.yaml"
    cand.write_text("claims:\n" + claim("n1", 14, source="monde-doc"), encoding="utf-8")
    assert run(root, "add", str(cand), "--to", str(target))[0] == 0
    age(root)
    cand.write_text("claims:\n" + claim("n2", 14, source="figaro-doc"), encoding="utf-8")
    assert check_candidates(root, [cand], cache=True).store.partial
