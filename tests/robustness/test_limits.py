"""The reading limits (claimcheck/store/limits.py), set in ``claimcheck.toml`` under ``[limits]``.

Each limit, lowered at the store's root, refuses an input just above it (exit 2, a
message naming the limit, no traceback) and accepts one at or just below it. Refusing a
huge file must not read it all.

Depth is counted as the number of mappings and sequences on the deepest path from the
top of the document, the top-level mapping included: ``claims: [{value: {min: 1}}]`` is
4 deep (top mapping, the claims list, the record, the value mapping).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from claimcheck.cli import cli

from support import BASE

CLAIM_FIELDS = "subject: strike, property: deaths, source: rfi-doc"


def invoke(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(root), *args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:])
        pytest.fail(f"unhandled {type(exc).__name__}: {exc}\n{tb}")
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def limited_store(tmp_path: Path) -> Callable[..., Path]:
    """A store with the base records, ``[limits]`` set, and ``files`` written as bytes."""

    def make(limits: dict[str, int], files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "store"
        root.mkdir(exist_ok=True)
        (root / "base.yaml").write_text(BASE, encoding="utf-8")
        toml = "[limits]\n" + "".join(f"{k} = {v}\n" for k, v in limits.items())
        (root / "claimcheck.toml").write_text(toml, encoding="utf-8")
        for name, text in files.items():
            (root / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return root

    return make


def assert_refused(code: int, err: str, limit: str, name: str) -> None:
    assert code == 2, f"expected exit 2 (refused by {limit}), got {code}:\n{err[:2000]}"
    words = limit.replace("-", "[-_ ]")
    assert re.search(rf"(?:^|/){re.escape(name)}(:\d+:\d+)?: .*{words}", err, re.I | re.M), (
        f"no message at {name} naming the limit {limit}:\n{err[:2000]}"
    )


def assert_accepted(code: int, err: str) -> None:
    assert code == 0, f"an input within the limits was refused (exit {code}):\n{err[:2000]}"


# --- max-file-bytes -----------------------------------------------------------------------------


def padded(text: str, size: int) -> str:
    """``text`` followed by a comment that brings it to exactly ``size`` bytes."""
    missing = size - len(text.encode("utf-8"))
    assert missing >= 3
    return text + "#" + "x" * (missing - 2) + "\n"


CLAIM = f"claims:\n  - {{id: c1, {CLAIM_FIELDS}, value: 14}}\n"
JSONL = '{"id": "j1", "subject": "strike", "property": "deaths", "value": 3, "source": "rfi-doc"}\n'
LIMIT_BYTES = 10_000


@pytest.mark.parametrize("size", [LIMIT_BYTES - 1, LIMIT_BYTES], ids=["below", "at"])
def test_max_file_bytes_accepts_a_file_within_it(
    limited_store: Callable[..., Path], runner: CliRunner, size: int
) -> None:
    root = limited_store({"max-file-bytes": LIMIT_BYTES}, {"big.yaml": padded(CLAIM, size)})
    assert (root / "big.yaml").stat().st_size == size
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)


@pytest.mark.parametrize("name", ["big.yaml", "claims-big.jsonl"])
def test_max_file_bytes_refuses_one_byte_over(
    limited_store: Callable[..., Path], runner: CliRunner, name: str
) -> None:
    if name.endswith(".jsonl"):
        text = JSONL + " " * (LIMIT_BYTES + 1 - len(JSONL) - 1) + "\n"
    else:
        text = padded(CLAIM, LIMIT_BYTES + 1)
    root = limited_store({"max-file-bytes": LIMIT_BYTES}, {name: text})
    assert (root / name).stat().st_size == LIMIT_BYTES + 1
    for command in (["validate"], ["check", "--format", "text"]):
        code, _, err = invoke(runner, root, *command)
        assert_refused(code, err, "max-file-bytes", name)


def test_max_file_bytes_applies_to_candidates_of_check_and_add(
    limited_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    root = limited_store({"max-file-bytes": LIMIT_BYTES}, {"claims.yaml": "# keep\n" + CLAIM})
    target = root / "claims.yaml"
    before = target.read_bytes()
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        padded(f"claims:\n  - {{id: n1, {CLAIM_FIELDS}, value: 14}}\n", LIMIT_BYTES + 1),
        encoding="utf-8",
    )
    code, _, err = invoke(runner, root, "check", str(cand), "--format", "text")
    assert_refused(code, err, "max-file-bytes", "cand.yaml")
    code, _, err = invoke(runner, root, "add", str(cand), "--to", str(target), "--format", "text")
    assert_refused(code, err, "max-file-bytes", "cand.yaml")
    assert target.read_bytes() == before


def test_max_file_bytes_applies_to_the_target_of_add(
    limited_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """A target file over the limit is not read (and not rewritten) by ``add``."""
    root = limited_store({"max-file-bytes": LIMIT_BYTES}, {})
    target = root / "claims.yaml"
    target.write_text(padded(CLAIM, LIMIT_BYTES + 1), encoding="utf-8")
    before = target.read_bytes()
    cand = tmp_path / "cand.yaml"
    cand.write_text(f"claims:\n  - {{id: n1, {CLAIM_FIELDS}, value: 14}}\n", encoding="utf-8")
    code, _, err = invoke(runner, root, "add", str(cand), "--to", str(target), "--format", "text")
    assert_refused(code, err, "max-file-bytes", "claims.yaml")
    assert target.read_bytes() == before


HUGE_BYTES = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def huge_yaml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50 MB YAML file of claims: slow to parse, quick to refuse by its size."""
    path = tmp_path_factory.mktemp("huge") / "huge.yaml"
    line = "  - {id: c%08d, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    n = HUGE_BYTES // len(line % 0) + 1
    with path.open("w", encoding="utf-8") as f:
        f.write("claims:\n")
        chunk = 50_000
        for start in range(0, n, chunk):
            f.write("".join(line % i for i in range(start, min(n, start + chunk))))
    assert path.stat().st_size > HUGE_BYTES
    return path


def run_subprocess(args: list[str], cwd: Path, timeout: float) -> tuple[int | None, str, float]:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, "", time.perf_counter() - start
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - start


@pytest.mark.parametrize("command", ["validate", "check-candidate", "add-candidate"])
def test_refusing_a_50_mb_file_does_not_read_it(
    huge_yaml: Path, tmp_path: Path, command: str
) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "claimcheck.toml").write_text("[limits]\nmax-file-bytes = 1_000_000\n")
    target = root / "claims.yaml"
    target.write_text("# keep\n" + CLAIM, encoding="utf-8")
    before = target.read_bytes()
    if command == "validate":
        os.link(huge_yaml, root / "huge.yaml")  # a hard link: no 50 MB copy
        args = ["--store", str(root), "validate"]
    elif command == "check-candidate":
        args = ["--store", str(root), "check", str(huge_yaml), "--format", "text"]
    else:
        args = [
            "--store",
            str(root),
            "add",
            str(huge_yaml),
            "--to",
            str(target),
            "--format",
            "text",
        ]
    # The subprocess starts Python and imports the libraries too: measure that part alone.
    _, _, startup = run_subprocess(["--store", str(root), "rules", "CC101"], tmp_path, 30)
    limit = startup + 10
    code, output, elapsed = run_subprocess(args, tmp_path, timeout=limit)
    assert code is not None, f"{command}: still running after {limit:.0f} s: the file is being read"
    assert "Traceback" not in output, output[-2000:]
    assert_refused(code, output, "max-file-bytes", "huge.yaml")
    assert elapsed - startup < 5, f"{command}: refusing took {elapsed - startup:.1f} s"
    assert target.read_bytes() == before


def test_default_max_file_bytes_refuses_a_sparse_file_over_512_mib(
    tmp_path: Path, runner: CliRunner
) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    with (root / "sparse.yaml").open("wb") as f:
        f.truncate(512 * 1024 * 1024 + 1)
    start = time.perf_counter()
    code, _, err = invoke(runner, root, "validate")
    assert time.perf_counter() - start < 5
    assert_refused(code, err, "max-file-bytes", "sparse.yaml")


# --- max-depth ----------------------------------------------------------------------------------

DEPTH = 4


def nested_lists(k: int) -> str:
    return "[" * k + "1" + "]" * k


DEPTH_ACCEPTED = {
    # 4 deep: top mapping > claims list > record > value mapping
    "block": (
        "claims:\n  - id: c1\n    subject: strike\n    property: deaths\n    source: rfi-doc\n"
        "    value:\n      min: 10\n      max: 14\n"
    ),
    "flow": f"claims: [{{id: c1, {CLAIM_FIELDS}, value: {{min: 10, max: 14}}}}]\n",
    "flow-in-block": f"claims:\n  - {{id: c1, {CLAIM_FIELDS}, value: {{min: 10, max: 14}}}}\n",
}

DEPTH_JUST_ABOVE = {
    # 5 deep: one more level, a list inside the value mapping
    "block": (
        "claims:\n  - id: c1\n    subject: strike\n    property: deaths\n    source: rfi-doc\n"
        "    value:\n      min:\n        - 10\n      max: 14\n"
    ),
    "flow": f"claims: [{{id: c1, {CLAIM_FIELDS}, value: {{min: [10], max: 14}}}}]\n",
    "flow-in-block": f"claims:\n  - {{id: c1, {CLAIM_FIELDS}, value: {{min: [10], max: 14}}}}\n",
    "compact-sequences": "claims:\n  - - - - x\n",  # top > claims > list > list > list
}

DEPTH_FAR_ABOVE = {
    # well past the limit, however the levels are counted
    "flow-3x": f"claims:\n  - {{id: c1, {CLAIM_FIELDS}, value: {nested_lists(3 * DEPTH)}}}\n",
    "block-3x-2-space": "claims:\n  - id: c1\n    value:\n"
    + "".join("  " * (3 + i) + f"k{i}:\n" for i in range(3 * DEPTH)).rstrip("\n")
    + " 1\n",
    "block-3x-1-space": "claims:\n  - id: c1\n    value:\n"
    + "".join(" " * (6 + i) + f"k{i}:\n" for i in range(3 * DEPTH)).rstrip("\n")
    + " 1\n",
    "compact-3x": "claims:\n  - " + "- " * (3 * DEPTH) + "x\n",
}


@pytest.mark.parametrize("style", list(DEPTH_ACCEPTED))
def test_max_depth_accepts_a_file_at_it(
    limited_store: Callable[..., Path], runner: CliRunner, style: str
) -> None:
    root = limited_store({"max-depth": DEPTH}, {"nest.yaml": DEPTH_ACCEPTED[style]})
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)


@pytest.mark.parametrize("style", list(DEPTH_JUST_ABOVE))
def test_max_depth_refuses_one_level_over(
    limited_store: Callable[..., Path], runner: CliRunner, style: str
) -> None:
    root = limited_store({"max-depth": DEPTH}, {"nest.yaml": DEPTH_JUST_ABOVE[style]})
    code, _, err = invoke(runner, root, "validate")
    assert_refused(code, err, "max-depth", "nest.yaml")


@pytest.mark.parametrize("style", list(DEPTH_FAR_ABOVE))
def test_max_depth_refuses_three_times_over(
    limited_store: Callable[..., Path], runner: CliRunner, style: str
) -> None:
    root = limited_store({"max-depth": DEPTH}, {"nest.yaml": DEPTH_FAR_ABOVE[style]})
    code, _, err = invoke(runner, root, "validate")
    assert_refused(code, err, "max-depth", "nest.yaml")


def merge_chain(links: int) -> str:
    """Claim records each merging the one before (``<<: *c0``, ``<<: *c1``...): flat once
    merged, but every link is one level deeper in the document as the parser composes it."""
    lines = ["claims:", f"  - &c0 {{id: c0, {CLAIM_FIELDS}, value: 1}}"]
    for i in range(1, links + 1):
        lines += [f"  - &c{i}", f"    <<: *c{i - 1}", f"    id: c{i}"]
    return "\n".join(lines) + "\n"


def test_max_depth_says_a_merge_chain_is_deep_once_its_aliases_are_followed(
    limited_store: Callable[..., Path], runner: CliRunner
) -> None:
    # c0..c2 nest 3 + 2 = 5 deep (top > claims > c2 > c1 > c0): one level over
    root = limited_store({"max-depth": DEPTH}, {"chain.yaml": merge_chain(2)})
    code, _, err = invoke(runner, root, "validate")
    assert_refused(code, err, "max-depth", "chain.yaml")
    assert "once its aliases are followed" in err
    # The place named is the record holding the alias that starts the too-deep chain
    # (c2, lines 5-7), not a record somewhere inside it.
    line = int(re.search(r"chain\.yaml:(\d+):\d+:", err).group(1))  # type: ignore[union-attr]
    assert 5 <= line <= 7, err


def test_max_depth_accepts_a_merge_chain_at_it(
    limited_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = limited_store({"max-depth": DEPTH}, {"chain.yaml": merge_chain(1)})
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)


def test_max_depth_names_plain_nesting_without_aliases(
    limited_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = limited_store({"max-depth": DEPTH}, {"nest.yaml": DEPTH_JUST_ABOVE["block"]})
    code, _, err = invoke(runner, root, "validate")
    assert_refused(code, err, "max-depth", "nest.yaml")
    assert "aliases" not in err


# --- max-nodes ----------------------------------------------------------------------------------


def count_nodes(data: Any) -> int:
    """Nodes once aliases are followed: every mapping, sequence, key and scalar."""
    if isinstance(data, dict):
        return 1 + sum(count_nodes(k) + count_nodes(v) for k, v in data.items())
    if isinstance(data, list):
        return 1 + sum(count_nodes(v) for v in data)
    return 1


def aliased_subjects(n: int = 40, sides: int = 50) -> str:
    # Sides must be some party's side: the example store's two, repeated.
    names = ", ".join(("mali-government", "rebels")[i % 2] for i in range(sides))
    lines = ["subjects:", f"  - {{id: s0, label: S, sides: &sides [{names}]}}"]
    lines += [f"  - {{id: s{i}, label: S, sides: *sides}}" for i in range(1, n)]
    return "\n".join(lines) + "\n"


def plain_claims(n: int = 200) -> str:
    return "claims:\n" + "".join(f"  - {{id: c{i}, {CLAIM_FIELDS}, value: 14}}\n" for i in range(n))


@pytest.mark.parametrize("kind", ["aliases", "no-aliases"])
def test_max_nodes_accepts_at_and_refuses_one_over(
    limited_store: Callable[..., Path], runner: CliRunner, kind: str
) -> None:
    text = aliased_subjects() if kind == "aliases" else plain_claims()
    nodes = count_nodes(YAML(typ="safe", pure=True).load(text))
    assert nodes > count_nodes(YAML(typ="safe", pure=True).load(BASE)) + 100
    root = limited_store({"max-nodes": nodes}, {"many.yaml": text})
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)
    (root / "claimcheck.toml").write_text(f"[limits]\nmax-nodes = {nodes - 1}\n")
    code, _, err = invoke(runner, root, "validate")
    assert_refused(code, err, "max-nodes", "many.yaml")


def test_max_nodes_refuses_an_alias_bomb_quickly(
    limited_store: Callable[..., Path], runner: CliRunner
) -> None:
    lines = ["a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 7)]
    lines.append("claims: *a6")  # 10 million nodes once expanded
    root = limited_store({"max-nodes": 1000}, {"bomb.yaml": "\n".join(lines) + "\n"})
    start = time.perf_counter()
    code, _, err = invoke(runner, root, "validate")
    assert time.perf_counter() - start < 5
    assert_refused(code, err, "max-nodes", "bomb.yaml")


# --- max-string ---------------------------------------------------------------------------------

MAX_STRING = 1000


def long_quote_yaml(n: int, char: str = "x") -> str:
    return f'claims:\n  - {{id: c1, {CLAIM_FIELDS}, value: 14, quote: "{char * n}"}}\n'


def long_note_jsonl(n: int) -> str:
    return JSONL[:-2] + f', "note": "{"y" * n}"}}\n'


def long_name_yaml(n: int) -> str:
    return f"parties:\n  - {{id: p1, name: {'n' * n}, kind: state}}\n"


STRING_FILES: dict[str, tuple[str, Callable[[int], str]]] = {
    "yaml-quote": ("long.yaml", long_quote_yaml),
    "yaml-quote-2-byte-chars": ("long.yaml", lambda n: long_quote_yaml(n, "é")),
    "yaml-plain-name": ("long.yaml", long_name_yaml),
    "jsonl-note": ("claims-long.jsonl", long_note_jsonl),
}


@pytest.mark.parametrize("kind", list(STRING_FILES))
def test_max_string_accepts_a_string_at_it(
    limited_store: Callable[..., Path], runner: CliRunner, kind: str
) -> None:
    name, make = STRING_FILES[kind]
    root = limited_store({"max-string": MAX_STRING}, {name: make(MAX_STRING)})
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)


@pytest.mark.parametrize("kind", list(STRING_FILES))
def test_max_string_refuses_one_character_over(
    limited_store: Callable[..., Path], runner: CliRunner, kind: str
) -> None:
    name, make = STRING_FILES[kind]
    root = limited_store({"max-string": MAX_STRING}, {name: make(MAX_STRING + 1)})
    for command in (["validate"], ["check", "--format", "text"]):
        code, _, err = invoke(runner, root, *command)
        assert_refused(code, err, "max-string", name)


def test_max_string_applies_to_candidates(
    limited_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    root = limited_store({"max-string": MAX_STRING}, {"claims.yaml": "# keep\n" + CLAIM})
    target = root / "claims.yaml"
    before = target.read_bytes()
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        f'claims:\n  - {{id: n1, {CLAIM_FIELDS}, value: 14, quote: "{"q" * (MAX_STRING + 1)}"}}\n',
        encoding="utf-8",
    )
    code, _, err = invoke(runner, root, "check", str(cand), "--format", "text")
    assert_refused(code, err, "max-string", "cand.yaml")
    code, _, err = invoke(runner, root, "add", str(cand), "--to", str(target), "--format", "text")
    assert_refused(code, err, "max-string", "cand.yaml")
    assert target.read_bytes() == before


# --- the limits table itself ----------------------------------------------------------------------


def test_every_documented_limit_is_settable(
    limited_store: Callable[..., Path], runner: CliRunner
) -> None:
    from dataclasses import fields

    from claimcheck.store.limits import Limits

    names = [f.name.replace("_", "-") for f in fields(Limits)]
    assert set(names) == {"max-file-bytes", "max-depth", "max-nodes", "max-string"}
    root = limited_store({n: 10**9 for n in names}, {})
    code, _, err = invoke(runner, root, "validate")
    assert_accepted(code, err)
