"""claimcheck's folder beside the store (`.claimcheck-cache`) is written only when it is
a real folder inside the store: a link to a folder elsewhere (someone else's files, or
database) is never written through."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.store import load_store
from claimcheck.store.cache import Cache

from support import BASE

CACHE = ".claimcheck-cache"
CLAIMS = "claims:\n  - {id: c1, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"


def make_store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE + CLAIMS, encoding="utf-8")
    return root


def linked_cache(tmp_path: Path) -> tuple[Path, Path]:
    """A store whose cache folder is a link to a folder outside it holding a database."""
    root = make_store(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with sqlite3.connect(elsewhere / "store.sqlite") as db:
        db.execute("CREATE TABLE precious (x INT)")
    (root / CACHE).symlink_to(elsewhere, target_is_directory=True)
    return root, elsewhere


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", [["check"], ["validate"], ["report", "--format", "json"]])
def test_a_linked_cache_folder_is_not_written_through(tmp_path: Path, command: list[str]) -> None:
    root, elsewhere = linked_cache(tmp_path)
    before = contents(elsewhere)
    result = CliRunner().invoke(cli, ["--store", str(root), *command])
    assert result.exit_code == 0, result.output
    assert contents(elsewhere) == before  # no .gitignore, no tables
    assert result.stderr.count("warning:") == 1
    assert f"{CACHE}: warning: a symbolic link" in result.stderr
    assert "running without the cache" in result.stderr


def test_no_warning_without_the_cache(tmp_path: Path) -> None:
    root, _ = linked_cache(tmp_path)
    result = CliRunner().invoke(cli, ["--store", str(root), "--no-cache", "check"])
    assert result.exit_code == 0
    assert "warning" not in result.stderr


def test_a_link_to_a_folder_inside_the_store_is_refused_too(tmp_path: Path) -> None:
    root = make_store(tmp_path)
    (root / "sub").mkdir()
    (root / CACHE).symlink_to(root / "sub", target_is_directory=True)
    store = load_store(root, cache=True)
    assert [w.message.split(":")[0] for w in store.warnings] == ["a symbolic link"]
    assert list((root / "sub").iterdir()) == []
    assert not Cache(root).open()


def test_a_linked_database_in_a_real_cache_folder_is_not_opened(tmp_path: Path) -> None:
    root = make_store(tmp_path)
    (root / CACHE).mkdir()
    victim = tmp_path / "victim.sqlite"
    with sqlite3.connect(victim) as db:
        db.execute("CREATE TABLE precious (x INT)")
    before = victim.read_bytes()
    (root / CACHE / "store.sqlite").symlink_to(victim)
    load_store(root, cache=True)
    assert victim.read_bytes() == before


def test_a_dangling_gitignore_link_is_not_followed(tmp_path: Path) -> None:
    root = make_store(tmp_path)
    (root / CACHE).mkdir()
    target = tmp_path / "planted"
    (root / CACHE / ".gitignore").symlink_to(target)
    load_store(root, cache=True)
    assert not target.exists()


def test_add_refuses_a_linked_lock_folder(tmp_path: Path) -> None:
    root, elsewhere = linked_cache(tmp_path)
    before = contents(elsewhere)
    candidate = tmp_path / "new.yaml"
    candidate.write_text(
        "claims:\n  - {id: c2, subject: strike, property: deaths, value: 14, source: monde-doc}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["--store", str(root), "add", str(candidate), "--to", str(root / "base.yaml")]
    )
    assert result.exit_code == 2
    assert f"{CACHE}: cannot lock the store: a symbolic link" in result.stderr
    assert "Traceback" not in result.output
    assert contents(elsewhere) == before
    assert "c2" not in (root / "base.yaml").read_text(encoding="utf-8")
