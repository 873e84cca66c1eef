"""Claims built in bulk (claimcheck.store.bulk) are exactly the claims the model validates:
the same objects, the same `check` output byte for byte, the same messages for bad rows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from pydantic import TypeAdapter, ValidationError

from claimcheck.cli import cli
from claimcheck.model import Claim
from claimcheck.store import file_reader as loader
from claimcheck.store.bulk import build_claims

from support import REPO

PLAIN = {"id": "c1", "subject": "s0", "property": "deaths", "value": "94", "source": "d1"}

#: Records the model accepts, some of which it changes (then bulk must leave them to it).
ACCEPTED = [
    PLAIN,
    {**PLAIN, "value": 94},
    {**PLAIN, "value": {"at_least": 10}},
    {**PLAIN, "value": None},
    {**PLAIN, "claimant": "p1", "quote": "  spaced  ", "locator": "p. 3", "note": "n"},
    {**PLAIN, "as_of": "2023-11-14"},
    {**PLAIN, "as_of": 2015},
    {**PLAIN, "as_of": "2023-11/2023-12"},
    {**PLAIN, "stance": "denies", "status": "superseded"},
    {**PLAIN, "source": None, "claimant": None},
    {**PLAIN, "subject": "Kidal:2023.a_b-c"},
    # Not ASCII: the model normalises these to NFC; bulk leaves them to it.
    {**PLAIN, "id": "cé"},
    {**PLAIN, "id": "ce\u0301"},
    {**PLAIN, "claimant": "tués"},
]

#: Records the model refuses.
REFUSED = [
    {**PLAIN, "subjekt": "s0"},
    {k: v for k, v in PLAIN.items() if k != "value"},
    {**PLAIN, "id": 5},
    {**PLAIN, "id": "c 1"},
    {**PLAIN, "id": "_c1"},
    {**PLAIN, "id": "c\n1"},
    {**PLAIN, "subject": "s\n0"},
    {**PLAIN, "subject": ["s0"]},
    {**PLAIN, "source": 7},
    {**PLAIN, "quote": 3},
    {**PLAIN, "stance": "says"},
    {**PLAIN, "status": "gone"},
    {**PLAIN, "as_of": "14/11/2023"},
    {**PLAIN, "as_of": {"y": 1}},
    ["not", "a", "mapping"],
]

ADAPTER: TypeAdapter[Any] = TypeAdapter(list[Claim])


@pytest.mark.parametrize("record", ACCEPTED, ids=lambda r: repr(r)[:60])
def test_bulk_builds_what_the_model_validates_or_leaves_it_to_the_model(record: Any) -> None:
    expected = ADAPTER.validate_python([record])
    built = build_claims([PLAIN, record])
    if orjson.dumps(record).isascii():
        assert built is not None
        assert built[1:] == expected
        assert type(built[1].value) is type(expected[0].value)
    else:
        assert built is None


@pytest.mark.parametrize("record", REFUSED, ids=lambda r: repr(r)[:60])
def test_bulk_refuses_what_the_model_refuses(record: Any) -> None:
    with pytest.raises(ValidationError):
        ADAPTER.validate_python([record])
    assert build_claims([PLAIN, record]) is None


def test_equal_numbers_keep_their_type_when_texts_are_shared() -> None:
    built = build_claims([{**PLAIN, "value": 1}, {**PLAIN, "id": "c2", "value": 1.0}], {})
    assert built is not None
    assert [type(c.value) for c in built] == [int, float]


# --- the whole check, both ways ------------------------------------------------------------


def _extra_claims(subjects: int) -> list[dict[str, Any]]:
    """Claims the generator does not write: dates, denials, revisions, notes, an id to
    normalise."""
    out: list[dict[str, Any]] = []
    for i in range(0, subjects, 7):
        base = {"subject": f"s{i}", "property": "deaths", "source": f"d{i % 40}"}
        out += [
            {**base, "id": f"x{i}a", "value": "120", "as_of": "2023-11-14", "note": "later"},
            {**base, "id": f"x{i}b", "value": 80, "stance": "denies", "locator": "p. 2"},
            {**base, "id": f"x{i}c", "value": "~90", "status": "superseded", "as_of": 2023},
            {**base, "id": f"x{i}d", "value": "at least 70", "claimant": "p1"},
        ]
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    root = tmp_path_factory.mktemp("bulk") / "store"
    counts = generate(root, 5000)
    with (root / "claims-bulk.jsonl").open("ab") as f:
        for record in _extra_claims(counts["subjects"]):
            f.write(orjson.dumps(record) + b"\n")
    # An id the model normalises: this file's claims go through the model.
    unicode = {"subject": "s1", "property": "deaths", "source": "d1", "value": "95"}
    (root / "claims-unicode.jsonl").write_bytes(
        orjson.dumps({**unicode, "id": "x-e\u0301"})
        + b"\n"
        + orjson.dumps({**unicode, "id": "x-f"})
    )
    return root


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    got = CliRunner().invoke(cli, ["--store", str(root), *args])
    return got.exit_code, got.stdout, got.stderr


def _both_ways(
    monkeypatch: pytest.MonkeyPatch, root: Path, *args: str
) -> tuple[tuple[int, str, str], tuple[int, str, str], int]:
    """The command's answer with bulk building, without it, and how many claims were
    built in bulk."""
    built = 0

    def counting(records: Any, pool: Any = None) -> Any:
        nonlocal built
        claims = build_claims(records, pool)
        built += len(claims or ())
        return claims

    with monkeypatch.context() as m:
        m.setattr(loader, "build_claims", counting)
        bulk = _run(root, *args)
    with monkeypatch.context() as m:
        m.setattr(loader, "build_claims", lambda records, pool=None: None)
        model = _run(root, *args)
    return bulk, model, built


def test_check_json_is_the_same_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch, generated: Path
) -> None:
    bulk, model, built = _both_ways(
        monkeypatch, generated, "--no-cache", "check", "--format", "json"
    )
    assert built > 4000  # the bulk way was taken
    assert bulk[0] == 1, bulk[2]  # the generated store has conflicts
    assert bulk == model
    findings = orjson.loads(bulk[1])["findings"]
    assert any(c.startswith("x") for f in findings for c in f["claims"])
    assert any(c == "x-\u00e9" for f in findings for c in f["claims"])


def test_check_through_the_cache_is_the_same(
    monkeypatch: pytest.MonkeyPatch, generated: Path, tmp_path: Path
) -> None:
    import shutil

    root = tmp_path / "store"
    shutil.copytree(generated, root)
    cold, model, _ = _both_ways(monkeypatch, root, "check", "--format", "json")
    warm = _run(root, "check", "--format", "json")
    assert cold == model == warm


@pytest.mark.parametrize(
    "bad",
    [
        '{"id": "c0", "subject": "s0", "property": "deaths", "value": "1", "source": "d1"}',
        '{"id": "y1", "subjekt": "s0", "property": "deaths", "value": "1"}',
        '{"id": "y2", "subject": "s0", "property": "deaths", "value": "1", "source": 5}',
        '{"id": "y 3", "subject": "s0", "property": "deaths", "value": "1"}',
        '{"id": "y4", "subject": "s0", "property": "deaths", "value": "1", "stance": "says"}',
        '{"id": "y5", "subject": "s0", "property": "deaths", "value": "1", "as_of": "14/11/2023"}',
        '{"id": "y6", "subject": "nowhere", "property": "deaths", "value": "1"}',
        '{"id": "y7", "subject": "s0", "property": "deaths", "value": "many"}',
        '{"id": "y8", "subject": "s0", "property": "deaths", "value": "1", "value": "2"}',
        "[1, 2]",
        "{not json",
    ],
)
def test_bad_rows_give_the_same_located_messages(
    monkeypatch: pytest.MonkeyPatch, generated: Path, tmp_path: Path, bad: str
) -> None:
    import shutil

    root = tmp_path / "store"
    shutil.copytree(generated, root)
    path = root / "claims-bulk.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2500, bad)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bulk, model, _ = _both_ways(monkeypatch, root, "--no-cache", "validate")
    assert bulk[0] == 2
    assert "claims-bulk.jsonl:2501:" in bulk[2]
    assert bulk == model
