"""A store from an untrusted source: links out of it, folders that cannot be read, odd
YAML tags, candidates that are not files; and errors, warnings and progress at the right
place. Each case fails on a claimcheck that reads what it should refuse."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.errors import StoreError
from claimcheck.store import load_store
from claimcheck.store import progress as progress_module

from support import BASE

CLAIM = "claims:\n  - {id: c1, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
SECRET = "root:$6$SECRET-HASH-LINE:19000:0:99999:7:::\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err, out + err
    return result.exit_code, out, err


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    return root


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the store that must never be read (as /etc/shadow would be)."""
    path = tmp_path / "elsewhere" / "shadow.yaml"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The real paths of the files claimcheck opens."""
    seen: list[str] = []
    real_open = os.open

    def spy(path: Any, *args: Any, **kwargs: Any) -> int:
        seen.append(os.path.realpath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return seen


# --- links out of the store ------------------------------------------------------------------


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
@pytest.mark.parametrize("command", [["validate"], ["check", "--format", "github"], ["claims"]])
def test_a_file_linked_from_outside_the_store_is_refused_unread(
    store: Path,
    secret: Path,
    runner: CliRunner,
    opened: list[str],
    cache: list[str],
    command: list[str],
) -> None:
    (store / "shadow.yaml").symlink_to(secret)
    code, out, err = invoke(runner, "--store", str(store), *cache, *command)
    assert code == 2, err + out
    assert re.search(
        r"(?:^|/)shadow\.yaml: a symbolic link to a file outside the store; refusing to read it",
        err,
        re.M,
    ), err
    assert "SECRET" not in out + err and str(secret.parent) not in out + err
    assert str(secret.resolve()) not in opened, "the linked file was opened"


def test_a_folder_linked_from_outside_the_store_is_refused_unread(
    store: Path, secret: Path, runner: CliRunner, opened: list[str]
) -> None:
    (store / "more").symlink_to(secret.parent, target_is_directory=True)
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 2, err + out
    assert re.search(r"(?:^|/)more: a symbolic link to a folder outside the store", err), err
    assert "SECRET" not in out + err
    assert str(secret.resolve()) not in opened


def test_a_dangling_link_to_outside_the_store_is_refused_as_a_link(
    store: Path, tmp_path: Path, runner: CliRunner
) -> None:
    (store / "gone.yaml").symlink_to(tmp_path / "nowhere" / "x.yaml")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 2, err + out
    assert re.search(r"(?:^|/)gone\.yaml: a symbolic link to a file outside the store", err), err
    assert "nowhere" not in err


def test_links_inside_the_store_are_read_once(store: Path, runner: CliRunner) -> None:
    """A link to a store file would load its records twice: it is left out. A link to a
    file inside the store that the store would not read otherwise is read through it."""
    (store / "sub").mkdir()
    (store / "sub" / "a.yaml").write_text(CLAIM, encoding="utf-8")
    (store / "latest.yaml").symlink_to(Path("sub") / "a.yaml")
    (store / "also-latest.yaml").symlink_to(store / "sub" / "a.yaml")  # absolute
    (store / ".drafts").mkdir()
    (store / ".drafts" / "b.yaml").write_text(CLAIM.replace("c1", "c2"), encoding="utf-8")
    (store / "drafts.yaml").symlink_to(Path(".drafts") / "b.yaml")
    (store / "again.yaml").symlink_to(Path(".drafts") / "b.yaml")
    (store / "sub-again").symlink_to("sub", target_is_directory=True)
    for cache in ([], ["--no-cache"]):
        code, out, err = invoke(runner, "--store", str(store), *cache, "validate")
        assert code == 0, err + out
    loaded = load_store(store)
    assert sorted(loaded.claims) == ["c1", "c2"]
    assert [Path(f).name for f in loaded.files].count("a.yaml") == 1
    assert sum(Path(f).name in ("drafts.yaml", "again.yaml") for f in loaded.files) == 1


def test_a_store_folder_that_is_itself_a_link_is_read(
    store: Path, tmp_path: Path, runner: CliRunner
) -> None:
    (store / "a.yaml").write_text(CLAIM, encoding="utf-8")
    (store / "a-link.yaml").symlink_to("a.yaml")
    link = tmp_path / "desk"
    link.symlink_to(store, target_is_directory=True)
    code, out, err = invoke(runner, "--store", str(link), "validate")
    assert code == 0, err + out
    assert sorted(load_store(link).claims) == ["c1"]


def test_a_candidate_linked_from_anywhere_is_read(
    store: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """The user names a candidate on the command line: where it links is their choice."""
    real = tmp_path / "elsewhere" / "cand.yaml"
    real.parent.mkdir()
    real.write_text(CLAIM, encoding="utf-8")
    link = tmp_path / "cand.yaml"
    link.symlink_to(real)
    code, out, err = invoke(runner, "--store", str(store), "check", str(link), "--format", "json")
    assert code in (0, 1), err + out
    assert "c1" in out


# --- what cannot be read is an error, not nothing ----------------------------------------------


def _refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``os.scandir`` of ``folder`` fails as it does for a user without the right (root
    reads any folder, so ``chmod 000`` proves nothing in a test run as root)."""
    real_scandir = os.scandir
    blocked = os.path.realpath(folder)

    def scandir(path: Any = ".") -> Any:
        if os.path.realpath(path) == blocked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_folder_that_cannot_be_read_is_an_error(
    store: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, cache: list[str]
) -> None:
    """The hidden folder held a duplicate id: "valid" would be a lie."""
    (store / "a.yaml").write_text(CLAIM, encoding="utf-8")
    (store / "locked").mkdir()
    (store / "locked" / "b.yaml").write_text(CLAIM, encoding="utf-8")
    _refuse_listing(monkeypatch, store / "locked")
    code, out, err = invoke(runner, "--store", str(store), *cache, "validate")
    monkeypatch.undo()
    assert code == 2, err + out
    assert re.search(r"(?:^|/)locked: cannot read folder: Permission denied", err), err


def test_a_store_folder_that_cannot_be_read_is_an_error(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_listing(monkeypatch, store)
    with pytest.raises(StoreError) as raised:
        load_store(store)
    assert "cannot read folder: Permission denied" in str(raised.value)


@pytest.mark.skipif(IS_ROOT, reason="root reads any folder; the patched test covers this")
def test_a_folder_without_permissions_is_an_error(store: Path, runner: CliRunner) -> None:
    locked = store / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text(CLAIM, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = invoke(runner, "--store", str(store), "validate")
    finally:
        locked.chmod(0o755)
    assert code == 2 and "cannot read folder" in err, err + out


def test_a_file_that_cannot_be_read_is_an_error(
    store: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = store / "a.yaml"
    target.write_text(CLAIM, encoding="utf-8")
    blocked = os.path.realpath(target)
    real_open = os.open

    def refusing_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.path.realpath(path) == blocked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    code, out, err = invoke(runner, "--store", str(store), "--no-cache", "validate")
    monkeypatch.undo()
    assert code == 2, err + out
    assert re.search(r"(?:^|/)a\.yaml: cannot read file: Permission denied", err), err


# --- YAML tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!binary YzE=", "!!binary"),
        ("!!set {c1}", "!!set"),
        ("!!omap [{c: 1}]", "!!omap"),
        ("!custom c1", "!custom"),
    ],
)
def test_an_id_with_a_tag_outside_the_core_schema_is_refused_at_its_place(
    store: Path, runner: CliRunner, value: str, tag: str
) -> None:
    text = "claims:\n  - subject: strike\n    property: deaths\n    value: 14\n"
    text += f"    source: rfi-doc\n    id: {value}\n"
    (store / "a.yaml").write_text(text, encoding="utf-8")
    for cache in ([], ["--no-cache"]):
        code, out, err = invoke(runner, "--store", str(store), *cache, "validate")
        assert code == 2, err + out
        assert re.search(rf"(?:^|/)a\.yaml:6:9: the YAML tag {re.escape(tag)} is not allowed", err)


def test_core_tags_are_accepted(store: Path, runner: CliRunner) -> None:
    text = (
        "claims: !!seq\n  - !!map {id: !!str c1, subject: strike, property: deaths, "
        "value: !!int '14', source: rfi-doc, as_of: !!timestamp 2023-11-14}\n"
    )
    (store / "a.yaml").write_text(text, encoding="utf-8")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 0, err + out


# --- candidates that are not files ------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "add"])
def test_a_candidate_that_is_a_device_or_a_fifo_says_what_it_is(
    store: Path, tmp_path: Path, runner: CliRunner, command: str
) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it to read would block until a writer comes: never done
    cases = {"/dev/zero": "a character device", str(fifo): "a FIFO (named pipe)"}
    for path, kind in cases.items():
        args = [command, path] + (["--to", str(store / "new.yaml")] if command == "add" else [])
        code, out, err = invoke(runner, "--store", str(store), *args)
        assert code == 2, err + out
        assert f"not a regular file: {kind}" in err, err
        assert "no such candidate file" not in err
    assert not (store / "new.yaml").exists()


def test_candidates_that_are_not_files_through_the_library(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cands.yaml"
    folder.mkdir()
    missing = tmp_path / "missing.yaml"
    with pytest.raises(StoreError) as raised:
        load_store(store, candidates=[folder, missing, "/dev/null"])
    text = str(raised.value)
    assert "cands.yaml: not a regular file: a folder" in text
    assert "missing.yaml: no such candidate file" in text
    assert "/dev/null: not a regular file: a character device" in text


# --- errors and warnings at the right place ----------------------------------------------------


def test_an_unknown_field_is_named_at_its_key_in_json_lines(store: Path, runner: CliRunner) -> None:
    line = '{"id": "j1", "subject": "strike", "property": "deaths", "value": 3, "sorce": "x"}'
    (store / "claims-bulk.jsonl").write_text(line + "\n", encoding="utf-8")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 2, err + out
    col = line.index('"sorce"') + 1
    assert f"claims-bulk.jsonl:1:{col}: claim 'j1': unknown field 'sorce'" in err, err


def test_an_unknown_field_is_named_at_its_key_in_yaml(store: Path, runner: CliRunner) -> None:
    text = CLAIM + "  - id: c2\n    subject: strike\n    property: deaths\n"
    text += "    value:   3\n    source: rfi-doc\n    colour:    red\n"
    (store / "a.yaml").write_text(text, encoding="utf-8")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 2, err + out
    assert re.search(r"(?:^|/)a\.yaml:8:5: claim 'c2': unknown field 'colour'", err), err


def test_a_duplicate_id_is_named_at_its_second_place_with_the_first(
    store: Path, runner: CliRunner
) -> None:
    (store / "a.yaml").write_text(CLAIM, encoding="utf-8")
    (store / "b.yaml").write_text("\n" + CLAIM, encoding="utf-8")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 2, err + out
    first, second = store / "a.yaml", store / "b.yaml"
    assert f"{second}:3:5: duplicate id 'c1': already used by the claim at {first}:2:5" in err


@pytest.mark.parametrize("cache", [False, True])
def test_empty_and_comment_only_files_give_warnings(store: Path, cache: bool) -> None:
    files = {
        "empty.yaml": "",
        "comments.yaml": "# to do: the strike's claims\n\n# more later\n",
        "marker.yaml": "---\n# nothing\n",
        "claims-none.jsonl": "\n\n",
        # Written on purpose: not warned of.
        "stub.yaml": "# claims go here\nclaims:\n",
        "list.yaml": "claims: []\n",
        "a.yaml": CLAIM,
    }
    for name, text in files.items():
        (store / name).write_text(text, encoding="utf-8")
    for _ in range(2 if cache else 1):  # the second load takes them from the cache
        loaded = load_store(store, cache=cache)
        warned = [(Path(w.location.path).name, w.location.line) for w in loaded.warnings]
        assert warned == [
            ("claims-none.jsonl", 1),
            ("comments.yaml", 1),
            ("empty.yaml", 1),
            ("marker.yaml", 1),
        ]
        assert all("empty file" in w.message for w in loaded.warnings)
        assert str(loaded.warnings[0]).endswith(
            ":1:1: empty file: no records, only blank lines or comments"
        )
        assert sorted(loaded.claims) == ["c1"]


def test_an_empty_file_is_still_valid(store: Path, runner: CliRunner) -> None:
    (store / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    code, out, err = invoke(runner, "--store", str(store), "validate")
    assert code == 0, err + out


# --- progress -------------------------------------------------------------------------------


def _bulk_store(store: Path, claims: int) -> int:
    """A JSON Lines file of ``claims`` claims beside the base; the store's size in bytes."""
    with (store / "claims-bulk.jsonl").open("w", encoding="utf-8") as f:
        for i in range(claims):
            record = {
                "id": f"b{i}",
                "subject": "strike",
                "property": "deaths",
                "value": 10 + i % 5,
                "source": "rfi-doc",
            }
            f.write(json.dumps(record) + "\n")
    (store / "notes.yaml").write_text("# nothing yet\n", encoding="utf-8")
    return sum(p.stat().st_size for p in store.iterdir() if p.is_file())


class Clock:
    """``time.monotonic`` for the loader: each call moves it on by ``step`` seconds."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.parametrize(("cache", "background"), [(False, False), (True, False), (True, True)])
def test_progress_counts_bytes_up_to_the_total(
    store: Path, monkeypatch: pytest.MonkeyPatch, cache: bool, background: bool
) -> None:
    total = _bulk_store(store, 45_000)
    monkeypatch.setattr(progress_module, "_clock", Clock(1.0))  # every word is told
    calls: list[tuple[int, int]] = []
    for run in ("cold", "warm") if cache else ("cold",):
        calls.clear()
        with load_store(
            store,
            cache=cache,
            background=background,
            progress=lambda done, whole: calls.append((done, whole)),
        ) as loaded:
            assert len(loaded.claims) == 45_000
        assert {whole for _, whole in calls} == {total}, run
        assert calls[-1] == (total, total), run
        dones = [done for done, _ in calls]
        assert dones == sorted(dones), f"{run}: progress went back: {dones}"
        # A big file is told of as it goes, not only once read.
        assert any(0 < done < total * 0.9 for done in dones), f"{run}: {dones}"


def test_a_candidate_check_and_add_tell_progress_of_the_store_they_load(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.add import add_candidate
    from claimcheck.candidates import check_candidates

    total = _bulk_store(store, 20_000)
    monkeypatch.setattr(progress_module, "_clock", Clock(1.0))  # every word is told
    candidate = tmp_path / "new.yaml"
    candidate.write_text(
        "claims:\n  - {id: n1, subject: strike, property: deaths, value: 12, source: rfi-doc}\n",
        encoding="utf-8",
    )
    calls: list[tuple[int, int]] = []
    result = check_candidates(store, [candidate], progress=lambda *c: calls.append(c))
    assert result.candidate is not None and result.candidate.claims == ["n1"]
    # The store's bytes, told as they load; the last word is the end.
    assert calls and calls[-1] == (total, total)
    assert any(0 < done < total for done, _ in calls)
    calls.clear()
    add_candidate(store, candidate, store / "new.yaml", progress=lambda *c: calls.append(c))
    assert calls and calls[-1] == (total, total)


def test_progress_is_told_a_few_times_a_second_at_most(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = _bulk_store(store, 45_000)
    # A clock that stands still: after the first word, only the last one.
    monkeypatch.setattr(progress_module, "_clock", Clock(0.0))
    calls: list[tuple[int, int]] = []
    load_store(store, progress=lambda done, whole: calls.append((done, whole)))
    assert calls == [(0, total), (total, total)]
    # A clock moving a tenth of a second a word: at most one in three is told.
    clock = Clock(0.1)
    monkeypatch.setattr(progress_module, "_clock", clock)
    calls.clear()
    load_store(store, progress=lambda done, whole: calls.append((done, whole)))
    ticks = round((clock.now - 1000.0) / 0.1)
    assert 2 < len(calls) <= ticks // 2 + 2


def test_progress_is_told_the_end_when_the_store_has_problems(store: Path) -> None:
    (store / "a.yaml").write_text(CLAIM.replace("strike", "strik"), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    with pytest.raises(StoreError):
        load_store(store, progress=lambda done, whole: calls.append((done, whole)))
    total = sum(p.stat().st_size for p in store.iterdir())
    assert calls[-1] == (total, total)


def test_every_refusal_here_has_a_path_and_a_message(
    store: Path, secret: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All of them at once, each on a line of its own: ``path[:line:col]: message``."""
    (store / "shadow.yaml").symlink_to(secret)
    (store / "locked").mkdir()
    (store / "tagged.yaml").write_text("claims:\n  - id: !!binary YzE=\n", encoding="utf-8")
    _refuse_listing(monkeypatch, store / "locked")
    code, _, err = invoke(runner, "--store", str(store), "validate")
    monkeypatch.undo()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3, err
    for line in lines:
        assert re.match(r"^\S+?(:\d+:\d+)?: \S", line), line
