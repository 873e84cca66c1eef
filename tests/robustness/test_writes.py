"""``add`` never loses or half-writes data: concurrency, kills, permissions, full disks, escapes.

Writers are real processes (``python -m claimcheck add``, or a small script calling
:func:`claimcheck.add.add_candidate`). After anything goes wrong, the target must
parse, keep its comments, and hold a whole number of complete records.
"""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from claimcheck.cli import cli

from support import BASE

TARGET_TEXT = textwrap.dedent("""\
    # yaml-language-server: $schema=claimcheck.schema.json
    # Claims about the strike. Keep this comment.
    claims:
      # RFI's first report
      - id: rfi-14
        subject: strike
        property: deaths
        value: 14  # as broadcast
        source: rfi-doc
      - {id: monde-14, subject: strike, property: deaths, value: 14, source: monde-doc}

    # trailing comment
    """)
COMMENTS = [line for line in TARGET_TEXT.splitlines() if line.lstrip().startswith("#")]
ORIGINAL_IDS = ["rfi-14", "monde-14"]
#: A second file of the same shape, with ids of its own.
OTHER_TEXT = TARGET_TEXT.replace("rfi-14", "rfi-14-bis").replace("monde-14", "monde-14-bis")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "claims.yaml").write_text(TARGET_TEXT, encoding="utf-8")
    return root


def candidate_text(i: int, value: Any = 14, source: str = "monde-doc") -> str:
    """One claim by a party of its own, agreeing with the store unless told otherwise."""
    return (
        f"parties:\n  - {{id: writer-{i}, name: Writer {i}, kind: journalist}}\n"
        f"claims:\n  - {{id: w{i}, subject: strike, property: deaths, value: {value}, "
        f'source: {source}, claimant: writer-{i}, quote: "writer {i} says so"}}\n'
    )


def expected_claim(i: int) -> dict[str, Any]:
    return {
        "id": f"w{i}",
        "subject": "strike",
        "property": "deaths",
        "value": 14,
        "source": "monde-doc",
        "claimant": f"writer-{i}",
        "quote": f"writer {i} says so",
    }


def safe_load(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:])
        pytest.fail(f"unhandled {type(exc).__name__}: {exc}\n{tb}")
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def validate(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--store", str(root), "validate"])
    return result.exit_code, result.stderr + result.stdout


def check_target(text: str, n_expected: int | None = None) -> list[int]:
    """The target parses, keeps every comment in order, and its claims are whole.

    Returns the writer numbers found, in file order.
    """
    data = safe_load(text)
    assert isinstance(data, dict), text[-500:]
    lines = iter(text.splitlines())
    for comment in COMMENTS:
        assert any(comment.strip() == line.strip() for line in lines), f"lost: {comment}\n{text}"
    claims = data["claims"]
    ids = [c["id"] for c in claims]
    assert ids[:2] == ORIGINAL_IDS, ids
    found = []
    for claim in claims[2:]:
        m = re.fullmatch(r"w(\d+)", claim["id"])
        assert m, claim
        i = int(m[1])
        assert claim == expected_claim(i), f"incomplete or altered record: {claim}"
        found.append(i)
    parties = {p["id"]: p for p in data.get("parties") or []}
    for i in found:
        assert parties.get(f"writer-{i}") == {
            "id": f"writer-{i}",
            "name": f"Writer {i}",
            "kind": "journalist",
        }, f"claim w{i} landed without its party"
    assert len(parties) == len(found), f"parties without claims: {sorted(parties)}"
    if n_expected is not None:
        assert len(found) == n_expected
    return found


def keeps_every_line(before: str, after: str) -> bool:
    """Every line of ``before`` is in ``after``, in order: nothing was lost or altered."""
    lines = iter(after.splitlines())
    return all(any(old == new for new in lines) for old in before.splitlines())


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CLAIMCHECK_STORE", None)
    return env


# --- (a) concurrent writers -----------------------------------------------------------------


N_WRITERS = 8


def spawn_adds(
    store: Path, jobs: list[tuple[Path, Path]], *extra: str
) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimcheck",
                "--store",
                str(store),
                "add",
                str(cand),
                "--to",
                str(target),
                "--format",
                "text",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=python_env(),
        )
        for cand, target in jobs
    ]


def wait_all(procs: list[subprocess.Popen[str]], timeout: float = 90) -> list[tuple[int, str]]:
    deadline = time.monotonic() + timeout
    out = []
    for p in procs:
        try:
            stdout, stderr = p.communicate(timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            for q in procs:
                q.kill()
            pytest.fail("concurrent writers did not finish: a deadlock?")
        out.append((p.returncode, stdout + stderr))
    return out


def test_eight_concurrent_writer_processes_all_land(store: Path, tmp_path: Path) -> None:
    target = store / "claims.yaml"
    jobs = []
    for i in range(N_WRITERS):
        cand = tmp_path / f"cand-{i}.yaml"
        cand.write_text(candidate_text(i), encoding="utf-8")
        jobs.append((cand, target))
    results = wait_all(spawn_adds(store, jobs))
    for code, output in results:
        assert code == 0 and "Traceback" not in output, output[-2000:]
    found = check_target(target.read_text(encoding="utf-8"), N_WRITERS)
    assert sorted(found) == list(range(N_WRITERS))
    code, output = validate(store)
    assert code == 0, output


def test_eight_concurrent_writers_creating_one_new_file(store: Path, tmp_path: Path) -> None:
    target = store / "new" / "incoming.yaml"
    jobs = []
    for i in range(N_WRITERS):
        cand = tmp_path / f"cand-{i}.yaml"
        cand.write_text(candidate_text(i), encoding="utf-8")
        jobs.append((cand, target))
    results = wait_all(spawn_adds(store, jobs))
    for code, output in results:
        assert code == 0 and "Traceback" not in output, output[-2000:]
    data = safe_load(target.read_text(encoding="utf-8"))
    assert sorted(c["id"] for c in data["claims"]) == sorted(f"w{i}" for i in range(N_WRITERS))
    assert len(data["parties"]) == N_WRITERS
    code, output = validate(store)
    assert code == 0, output


def test_concurrent_writers_each_see_the_others_under_the_lock(store: Path, tmp_path: Path) -> None:
    """Eight candidates that all contradict each other: the check and the write happen
    under one lock, so exactly one lands and the seven others are refused (exit 1)."""
    target = store / "claims.yaml"
    jobs = []
    for i in range(N_WRITERS):
        cand = tmp_path / f"cand-{i}.yaml"
        cand.write_text(
            f"outlets:\n  - {{id: outlet-{i}, name: Outlet {i}, kind: newspaper}}\n"
            f"documents:\n  - {{id: doc-{i}, outlet: outlet-{i}, published: 2023-11-15}}\n"
            f"claims:\n  - {{id: b{i}, subject: battle, property: deaths, "
            f"value: {100 * (i + 1)}, source: doc-{i}}}\n",
            encoding="utf-8",
        )
        jobs.append((cand, target))
    results = wait_all(spawn_adds(store, jobs))
    assert all("Traceback" not in output for _, output in results), results
    codes = sorted(code for code, _ in results)
    assert codes == [0] + [1] * (N_WRITERS - 1), results
    data = safe_load(target.read_text(encoding="utf-8"))
    assert len(data["claims"]) == 3  # the two already there, and the one that won
    assert len(data["outlets"]) == 1 and len(data["documents"]) == 1
    assert validate(store)[0] == 0


# --- (b) a writer killed at a random moment -----------------------------------------------------


@pytest.mark.slow
def test_add_killed_at_random_moments_never_leaves_half_a_file(store: Path, tmp_path: Path) -> None:
    target = store / "claims.yaml"
    rng = random.Random(20231107)
    # How long one add takes, start to finish, on this machine.
    cand = tmp_path / "cand-calibrate.yaml"
    cand.write_text(candidate_text(0), encoding="utf-8")
    start = time.perf_counter()
    (proc,) = spawn_adds(store, [(cand, target)], "--force")
    proc.communicate(timeout=60)
    duration = time.perf_counter() - start
    assert proc.returncode == 0
    landed = check_target(target.read_text(encoding="utf-8"))
    assert landed == [0]
    iterations = 12
    for i in range(1, iterations + 1):
        before = target.read_text(encoding="utf-8")
        cand = tmp_path / f"cand-{i}.yaml"
        cand.write_text(candidate_text(i), encoding="utf-8")
        (proc,) = spawn_adds(store, [(cand, target)], "--force")
        # Most kills land late, where the writing happens; some early, some never.
        delay = rng.uniform(0.5, 1.1) * duration if i % 3 else rng.uniform(0, 0.3)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        after = target.read_text(encoding="utf-8")
        found = check_target(after)
        assert keeps_every_line(before, after), f"lines were lost:\n{after}"
        if after == before:
            assert found == landed
        else:
            assert found == [*landed, i], (found, landed, i)
            landed = found
        code, output = validate(store)
        assert code == 0, f"after a kill at {delay * 1000:.0f} ms the store is invalid:\n{output}"


def _worker_loop(
    root: Path, target: Path, cands: Path, first: int, template: str, conn: Any
) -> None:
    """Add claims first, first+1, ... forever, reporting each one done (runs in a fork)."""
    from claimcheck.add import add_candidate

    conn.send("ready")
    i = first
    while True:
        cand = cands / f"cand-{i}.yaml"
        cand.write_text(template.replace("@", str(i)), encoding="utf-8")
        outcome = add_candidate(root, cand, target, force=True)
        if not outcome.written:
            conn.send("refused")
            return
        conn.send(i)
        i += 1


@pytest.mark.slow
def test_library_writer_killed_twenty_times_never_leaves_half_a_file(
    store: Path, tmp_path: Path
) -> None:
    """A loop of :func:`add_candidate` calls in a forked process (so that kills land
    anywhere in the write cycle), killed with SIGKILL at a random moment, twenty times."""
    import multiprocessing

    # Imported here so the forked worker starts at once.
    import claimcheck.add  # noqa: F401

    ctx = multiprocessing.get_context("fork")
    target = store / "claims.yaml"
    # A bigger file makes the write itself take longer: more kills land inside it.
    filler = "".join(
        f'  - {{id: filler-{k}, subject: strike, property: summary, value: "{"z" * 200}", '
        f"source: rfi-doc}}\n"
        for k in range(300)
    )
    text = TARGET_TEXT.replace(
        "\n# trailing comment", filler.rstrip("\n") + "\n\n# trailing comment"
    )
    target.write_text(text, encoding="utf-8")
    cands = tmp_path / "cands"
    cands.mkdir()
    template = candidate_text(0).replace("writer-0", "writer-@").replace("Writer 0", "Writer @")
    template = template.replace("id: w0", "id: w@").replace("writer 0 says", "writer @ says")
    rng = random.Random(42)
    landed: list[int] = []

    def load_ids(text: str) -> list[int]:
        data = safe_load(text)
        lines = iter(text.splitlines())
        for comment in COMMENTS:
            assert any(comment.strip() == line.strip() for line in lines), f"lost: {comment}"
        claims = data["claims"]
        assert [c["id"] for c in claims[:2]] == ORIGINAL_IDS
        assert sum(1 for c in claims if c["id"].startswith("filler-")) == 300
        out = []
        for c in claims:
            m = re.fullmatch(r"w(\d+)", c["id"])
            if m:
                assert c == expected_claim(int(m[1])), f"incomplete record {c}"
                out.append(int(m[1]))
        parties = {p["id"] for p in data.get("parties") or []}
        assert parties == {f"writer-{i}" for i in out}, "claims and their parties differ"
        return out

    kills = 20
    before_text = target.read_text(encoding="utf-8")
    one_more = 0
    for _ in range(kills):
        first = (landed[-1] + 1) if landed else 0
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker_loop, args=(store, target, cands, first, template, child))
        proc.start()
        child.close()
        assert parent.poll(30) and parent.recv() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(30)
        reported: list[Any] = []
        while parent.poll(0):
            try:
                reported.append(parent.recv())
            except EOFError:
                break
        parent.close()
        assert "refused" not in reported
        after_text = target.read_text(encoding="utf-8")
        assert keeps_every_line(before_text, after_text), "lines were lost"
        before_text = after_text
        after = load_ids(after_text)
        # Every add that finished is there; at most one more (killed after its rename).
        assert after[: len(landed)] == landed
        new = after[len(landed) :]
        assert new == list(range(first, first + len(new))), (new, first)
        assert len(new) in (len(reported), len(reported) + 1), (new, reported)
        one_more += len(new) - len(reported)
        landed = after
        code, output = validate(store)
        assert code == 0, output
    assert len(landed) > 0, "no add ever completed: the kills were too early to test anything"


# --- (c) read-only files and folders --------------------------------------------------------------

IS_ROOT = os.geteuid() == 0


def simple_candidate(tmp_path: Path) -> Path:
    cand = tmp_path / "cand.yaml"
    cand.write_text(candidate_text(1), encoding="utf-8")
    return cand


#: What claimcheck keeps beside the store for itself: not data, not compared.
OWN_FILES = {".claimcheck-cache"}


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file under ``folder`` and its bytes (claimcheck's lock and cache left out)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
        if not OWN_FILES & set(p.relative_to(folder).parts)
    }


@pytest.mark.skipif(
    IS_ROOT, reason="root ignores file permissions; see the chattr and patched tests"
)
def test_read_only_target_file_chmod(store: Path, tmp_path: Path, runner: CliRunner) -> None:
    target = store / "claims.yaml"
    target.chmod(0o444)
    before = target.read_bytes()
    try:
        code, _, err = invoke(
            runner,
            "--store",
            str(store),
            "add",
            str(simple_candidate(tmp_path)),
            "--to",
            str(target),
        )
    finally:
        target.chmod(0o644)
    assert code == 2, err
    assert "claims.yaml" in err and re.search(r"permission|read-only|cannot write", err, re.I), err
    assert target.read_bytes() == before


@pytest.mark.skipif(
    IS_ROOT, reason="root ignores file permissions; see the chattr and patched tests"
)
def test_read_only_folder_chmod(store: Path, tmp_path: Path, runner: CliRunner) -> None:
    sub = store / "sub"
    sub.mkdir()
    target = sub / "claims.yaml"
    target.write_text(OTHER_TEXT, encoding="utf-8")
    sub.chmod(0o555)
    before = snapshot(store)
    try:
        code, _, err = invoke(
            runner,
            "--store",
            str(store),
            "add",
            str(simple_candidate(tmp_path)),
            "--to",
            str(target),
        )
        code2, _, err2 = invoke(
            runner,
            "--store",
            str(store),
            "add",
            str(simple_candidate(tmp_path)),
            "--to",
            str(sub / "new.yaml"),
        )
    finally:
        sub.chmod(0o755)
    assert code == 2 and code2 == 2, err + err2
    assert re.search(r"permission|read-only|cannot write", err + err2, re.I), err + err2
    assert snapshot(store) == before


def _chattr(path: Path, flag: str) -> bool:
    try:
        return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture
def immutable() -> Any:
    """Mark paths immutable (chattr +i: refused even to root); undone afterwards."""
    marked: list[Path] = []

    def mark(path: Path) -> None:
        if not shutil.which("chattr") or not _chattr(path, "+i"):
            pytest.skip("chattr +i is not available here")
        marked.append(path)

    yield mark
    for path in reversed(marked):
        _chattr(path, "-i")


@pytest.mark.skipif(not IS_ROOT, reason="the chmod tests cover this for other users")
def test_immutable_target_file_as_root(
    store: Path, tmp_path: Path, runner: CliRunner, immutable: Any
) -> None:
    target = store / "claims.yaml"
    before = target.read_bytes()
    immutable(target)
    code, _, err = invoke(
        runner, "--store", str(store), "add", str(simple_candidate(tmp_path)), "--to", str(target)
    )
    assert code == 2, err
    assert "claims.yaml" in err and re.search(
        r"permission|not permitted|read-only|cannot write", err, re.I
    ), err
    assert target.read_bytes() == before
    assert not [p for p in store.iterdir() if p.name.endswith(".tmp")], "temporary file left"


@pytest.mark.skipif(not IS_ROOT, reason="the chmod tests cover this for other users")
def test_immutable_folder_as_root(
    store: Path, tmp_path: Path, runner: CliRunner, immutable: Any
) -> None:
    sub = store / "sub"
    sub.mkdir()
    target = sub / "claims.yaml"
    target.write_text(OTHER_TEXT, encoding="utf-8")
    before = snapshot(store)
    immutable(sub)
    for to in (target, sub / "new.yaml"):
        code, _, err = invoke(
            runner, "--store", str(store), "add", str(simple_candidate(tmp_path)), "--to", str(to)
        )
        assert code == 2, err
        assert re.search(r"permission|not permitted|read-only|cannot write", err, re.I), err
    assert snapshot(store) == before


def _permission_denied(*args: Any, **kwargs: Any) -> Any:
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize("where", ["mkstemp", "replace", "chmod"])
def test_permission_error_while_writing_is_clear_and_harmless(
    store: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = store / "claims.yaml"
    before = snapshot(store)
    if where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", _permission_denied)
    else:
        monkeypatch.setattr(os, where, _permission_denied)
    code, _, err = invoke(
        runner, "--store", str(store), "add", str(simple_candidate(tmp_path)), "--to", str(target)
    )
    monkeypatch.undo()
    assert code == 2, err
    assert re.search(r"(?:^|/)claims\.yaml(:\d+:\d+)?: .*permission", err, re.I | re.M), err
    assert snapshot(store) == before, (
        "the store changed (a temporary file left, or the target altered)"
    )


def test_permission_error_through_the_library(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.add import add_candidate
    from claimcheck.errors import ClaimcheckError

    target = store / "claims.yaml"
    before = target.read_bytes()
    monkeypatch.setattr(os, "replace", _permission_denied)
    with pytest.raises(ClaimcheckError) as info:
        add_candidate(store, simple_candidate(tmp_path), target, force=True)
    monkeypatch.undo()
    assert "claims.yaml" in str(info.value)
    assert target.read_bytes() == before


# --- (d) a full disk ------------------------------------------------------------------------------


def _no_space(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


class _HalfWriter:
    """A file whose write stores half the text, then fails as a full disk does."""

    def __init__(self, f: Any) -> None:
        self._f = f

    def write(self, text: str) -> int:
        self._f.write(text[: len(text) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._f, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self._f.close()


@pytest.mark.parametrize("where", ["fsync", "write", "mkdir-of-new-folder"])
def test_full_disk_is_clear_and_harmless(
    store: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = store / "claims.yaml"
    if where == "mkdir-of-new-folder":
        target = store / "new-folder" / "claims.yaml"
    before = snapshot(store)
    if where == "fsync":
        monkeypatch.setattr(os, "fsync", _no_space)
    elif where == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return _HalfWriter(real_fdopen(fd, *args, **kwargs))

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        real_mkdir = Path.mkdir

        def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
            if self.name == "new-folder":  # the target's new folder, not claimcheck's own
                _no_space()
            real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", mkdir)
    code, _, err = invoke(
        runner, "--store", str(store), "add", str(simple_candidate(tmp_path)), "--to", str(target)
    )
    monkeypatch.undo()
    assert code == 2, err
    assert re.search(r"(?:^|/)claims\.yaml(:\d+:\d+)?: .*(no space|disk|full)", err, re.I | re.M), (
        err
    )
    assert snapshot(store) == before, (
        "the store changed (a temporary file left, or the target altered)"
    )


# --- (e) --to outside the store -----------------------------------------------------------------


def _outside_target(store: Path, tmp_path: Path, case: str) -> Path:
    """The --to path of each case (creating only the links that case needs)."""
    outside = tmp_path / "elsewhere"
    outside.mkdir(exist_ok=True)
    (outside / "existing.yaml").write_text("claims: []\n", encoding="utf-8")
    (store / "sub").mkdir(exist_ok=True)
    if case == "symlinked-file":
        (store / "lnk.yaml").symlink_to(outside / "existing.yaml")
        return store / "lnk.yaml"
    if case.startswith("through-symlinked-folder"):
        (store / "lnkdir").symlink_to(outside)
        return store / "lnkdir" / ("existing.yaml" if case.endswith("existing") else "new.yaml")
    if case == "dangling-symlink":
        (store / "lnk.yaml").symlink_to(outside / "missing.yaml")
        return store / "lnk.yaml"
    return {
        "sibling-file": tmp_path / "sibling.yaml",
        "absolute-elsewhere": outside / "new.yaml",
        "dot-dot": Path(str(store) + "/sub/../../sibling.yaml"),
        "dot-dot-from-root": Path(str(store) + "/../sibling.yaml"),
        "dot-dot-through-missing-folder": Path(str(store) + "/missing/../../sibling.yaml"),
        "dot-dot-into-a-sibling-store": Path(str(store) + "/../store-evil/claims.yaml"),
        "relative-dot-dot": Path(os.path.relpath(tmp_path / "rel.yaml", Path.cwd())),
    }[case]


OUTSIDE_CASES = [
    "sibling-file",
    "absolute-elsewhere",
    "symlinked-file",
    "through-symlinked-folder-existing",
    "through-symlinked-folder-new",
    "dangling-symlink",
    "dot-dot",
    "dot-dot-from-root",
    "dot-dot-through-missing-folder",
    "dot-dot-into-a-sibling-store",
    "relative-dot-dot",
]


@pytest.mark.parametrize("case", OUTSIDE_CASES)
def test_add_to_outside_the_store_is_refused_and_writes_nothing(
    store: Path, tmp_path: Path, runner: CliRunner, case: str
) -> None:
    target = _outside_target(store, tmp_path, case)
    cand = simple_candidate(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = invoke(
        runner, "--store", str(store), "add", str(cand), "--to", str(target), "--force"
    )
    assert code == 2, f"exit {code}: {err}{out}"
    # A dangling link in the store also makes the store itself unreadable: either refusal
    # is right, as long as nothing is written.
    # (a link to outside the store is refused unread).
    words = (
        r"inside the store|outside the store|cannot read"
        if case == "dangling-symlink"
        else r"inside the store"
    )
    assert re.search(words, err, re.I), err
    assert snapshot(tmp_path) == before, "something was written"


@pytest.mark.parametrize(
    "case", ["hidden-folder", "not-yaml", "the-store-itself", "the-lock-file", "jsonl-file"]
)
def test_add_to_a_target_the_store_would_not_read_is_refused(
    store: Path, tmp_path: Path, runner: CliRunner, case: str
) -> None:
    target = {
        "hidden-folder": store / ".hidden" / "claims.yaml",
        "not-yaml": store / "claims.json",
        "the-store-itself": store,
        "the-lock-file": store / ".claimcheck-cache" / "lock",
        "jsonl-file": store / "claims-bulk.jsonl",
    }[case]
    cand = simple_candidate(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = invoke(
        runner, "--store", str(store), "add", str(cand), "--to", str(target), "--force"
    )
    assert code == 2, f"exit {code}: {err}{out}"
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", ["dot-dot-staying-inside", "store-through-a-symlink"])
def test_add_to_inside_the_store_by_a_roundabout_path_is_fine(
    store: Path, tmp_path: Path, runner: CliRunner, case: str
) -> None:
    (store / "sub").mkdir()
    if case == "dot-dot-staying-inside":
        root, target = store, Path(str(store) + "/sub/../claims.yaml")
    else:
        (tmp_path / "store-link").symlink_to(store)
        root, target = tmp_path / "store-link", store / "claims.yaml"
    code, _, err = invoke(
        runner, "--store", str(root), "add", str(simple_candidate(tmp_path)), "--to", str(target)
    )
    assert code == 0, err
    assert check_target((store / "claims.yaml").read_text(encoding="utf-8")) == [1]


def test_the_store_stays_valid_with_stray_temporary_files(store: Path) -> None:
    """What a killed writer leaves behind (``.NAME.XXXX.tmp``) is never read as data."""
    (store / ".claims.yaml.abc123.tmp").write_text("claims:\n  - {id: half", encoding="utf-8")
    (store / "sub").mkdir()
    (store / "sub" / ".x.yaml.def456.tmp").write_bytes(b"\x00\x01garbage")
    code, output = validate(store)
    assert code == 0, output


# --- add writes exactly what it checked -----------------------------------------------------------


def _add(store: Path, cand: Path, target: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--store", str(store), "add", str(cand), "--to", str(target)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def test_a_yaml_1_1_candidate_is_not_written_as_other_values(store: Path, tmp_path: Path) -> None:
    """The check reads `yes` and `1:20` as text (YAML 1.2); written through a YAML 1.1
    dumper they would become `true` and 80, and the store would no longer load."""
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        "%YAML 1.1\n---\nclaims:\n  - id: n1\n    subject: strike\n    property: deaths\n"
        "    value: 14\n    source: monde-doc\n    locator: 1:20\n    note: yes\n",
        encoding="utf-8",
    )
    target = store / "claims.yaml"
    before = target.read_bytes()
    code, err = _add(store, cand, target)
    if code == 0:  # written: then exactly as checked
        result = CliRunner().invoke(cli, ["--store", str(store), "claims", "--format", "json"])
        claim = next(
            c for c in __import__("json").loads(result.stdout)["claims"] if c["id"] == "n1"
        )
        assert (claim["locator"], claim["note"]) == ("1:20", "yes")
    else:
        assert code == 2 and "would not add exactly the records checked" in err, err
        assert target.read_bytes() == before


def test_a_quoted_line_that_looks_like_a_section_does_not_misplace_records(
    store: Path, tmp_path: Path
) -> None:
    target = store / "extra.yaml"
    target.write_text(
        'outlets:\n  - id: zine\n    name: "The\nclaims:\n  Zine"\n    kind: magazine\n',
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["--store", str(store), "validate"]).exit_code == 0
    before = target.read_bytes()
    cand = tmp_path / "cand.yaml"
    cand.write_text(candidate_text(1), encoding="utf-8")
    code, err = _add(store, cand, target)
    if code == 0:
        assert CliRunner().invoke(cli, ["--store", str(store), "validate"]).exit_code == 0
    else:
        assert code == 2 and "would not add exactly the records checked" in err, err
        assert target.read_bytes() == before


def test_a_byte_order_mark_and_crlf_line_ends_are_kept(store: Path, tmp_path: Path) -> None:
    target = store / "claims.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + TARGET_TEXT.replace("\n", "\r\n").encode())
    cand = tmp_path / "cand.yaml"
    cand.write_text(candidate_text(1), encoding="utf-8")
    code, err = _add(store, cand, target)
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + TARGET_TEXT.replace("\n", "\r\n").encode()[:40])
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF among CRLF line ends"
    assert b"id: w1" in data
    assert CliRunner().invoke(cli, ["--store", str(store), "validate"]).exit_code == 0
