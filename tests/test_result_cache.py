"""A warm `check` of an unchanged store reuses the last result, and only then."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import claimcheck.result_cache as result_cache
from claimcheck.cli import cli
from claimcheck.errors import Location
from claimcheck.findings import Finding, ReviewMark, StaleReview
from claimcheck.store.cache import CACHE_DIR, RESULT_FILE

from support import BASE

#: 14 against 10: a quantity conflict (CC101), and values resting on one origin (CC201).
CLAIMS = """\
claims:
  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
  - {id: b, subject: strike, property: deaths, value: 10, source: figaro-doc, claimant: medical-sources}
  - {id: c, subject: battle, property: outcome, value: stalemate, source: monde-doc}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    for p in root.glob("*.yaml"):  # written "long ago", as a user's files are
        t = time.time() - 5
        os.utime(p, (t, t))
    return root


@pytest.fixture
def rule_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the checks that really ran the rules."""
    runs: list[int] = []
    real = result_cache.check

    def counted(*args: object, **kwargs: object) -> object:
        runs.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(result_cache, "check", counted)
    return runs


def check(root: Path, *args: str, cache: bool = True) -> tuple[int, str]:
    options = ["--store", str(root)] + ([] if cache else ["--no-cache"])
    result = CliRunner().invoke(cli, [*options, "check", "--format", "json", *args])
    return result.exit_code, result.output


def test_warm_check_reuses_the_result_and_agrees(root: Path, rule_runs: list[int]) -> None:
    cold = check(root)
    assert (root / CACHE_DIR / RESULT_FILE).exists()
    assert len(rule_runs) == 1
    warm = check(root)
    assert len(rule_runs) == 1  # the rules did not run again
    assert warm == cold == check(root, cache=False)
    assert '"CC101"' in cold[1] and cold[0] == 1
    for fmt in ("text", "markdown", "github"):
        fresh = CliRunner().invoke(cli, ["--store", str(root), "--no-cache", "check", "-f", fmt])
        kept = CliRunner().invoke(cli, ["--store", str(root), "check", "-f", fmt])
        assert (kept.exit_code, kept.output) == (fresh.exit_code, fresh.output)


def test_no_cache_keeps_nothing(root: Path) -> None:
    check(root, cache=False)
    assert not (root / CACHE_DIR / RESULT_FILE).exists()


def test_an_edited_store_file_is_checked_again(root: Path, rule_runs: list[int]) -> None:
    before = check(root)
    (root / "claims.yaml").write_text(CLAIMS.replace("value: 10", "value: 14"), encoding="utf-8")
    after = check(root)
    assert len(rule_runs) == 2
    assert after == check(root, cache=False)
    assert '"CC101"' in before[1] and '"CC101"' not in after[1]


def test_a_review_added_is_checked_again(root: Path, rule_runs: list[int]) -> None:
    before = json.loads(check(root)[1])
    conflict = next(f for f in before["findings"] if f["rule"] == "CC101")
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {conflict['fingerprint']}, verdict: accepted}}\n",
        encoding="utf-8",
    )
    code, out = check(root)
    assert len(rule_runs) == 2
    after = json.loads(out)
    assert next(f for f in after["findings"] if f["rule"] == "CC101")["review"] is not None
    assert (code, out) == check(root, cache=False)


def test_settings_that_change_findings_are_checked_again(root: Path, rule_runs: list[int]) -> None:
    check(root)
    ignored = check(root, "--ignore", "CC101")
    assert len(rule_runs) == 2
    assert ignored == check(root, "--ignore", "CC101", cache=False)
    assert '"CC101"' not in ignored[1]
    (root / "claimcheck.toml").write_text('[rules.CC101]\nseverity = "warning"\n')
    softened = check(root)
    assert len(rule_runs) == 3
    assert softened == check(root, cache=False)
    conflict = next(f for f in json.loads(softened[1])["findings"] if f["rule"] == "CC101")
    assert conflict["severity"] == "warning"


def test_fail_on_reuses_the_result_and_changes_only_the_exit_code(
    root: Path, rule_runs: list[int]
) -> None:
    assert check(root)[0] == 1
    lenient = check(root, "--fail-on", "none")
    assert len(rule_runs) == 1
    assert lenient[0] == 0
    assert lenient == check(root, "--fail-on", "none", cache=False)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data.replace(b"CC101", b"CC102"),  # changed: its digest no longer holds
        lambda data: b"not json\n{}",
        lambda data: b"",
    ],
    ids=["truncated", "altered", "garbage", "empty"],
)
def test_a_damaged_result_is_ignored_and_replaced(
    root: Path, rule_runs: list[int], damage: object
) -> None:
    cold = check(root)
    kept = root / CACHE_DIR / RESULT_FILE
    kept.write_bytes(damage(kept.read_bytes()))  # type: ignore[operator]
    assert check(root) == cold
    assert len(rule_runs) == 2
    assert check(root) == cold
    assert len(rule_runs) == 2  # replaced by a good one


def test_a_linked_result_file_is_never_read(
    root: Path, rule_runs: list[int], tmp_path: Path
) -> None:
    cold = check(root)
    kept = root / CACHE_DIR / RESULT_FILE
    outside = tmp_path / "planted.json"
    outside.write_bytes(kept.read_bytes())
    kept.unlink()
    kept.symlink_to(outside)
    code, out = check(root)
    assert "check-result.json is a symbolic link" in out  # the whole cache is refused
    assert (code, out.endswith(cold[1])) == (cold[0], True)
    assert len(rule_runs) == 2


def test_the_key_follows_the_code_and_not_the_processes(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.config import Config
    from claimcheck.store import load_store

    with load_store(root, cache=True, background=True) as store:
        key = result_cache.result_key(store, Config())
        assert key is not None
        assert result_cache.result_key(store, Config(fail_on="none")) == key
        assert result_cache.result_key(store, Config(ignore=["CC201"])) != key
        monkeypatch.setattr(result_cache, "__version__", "99.0")
        assert result_cache.result_key(store, Config()) != key
    # Read without the cache, the store's content is not known: nothing is kept.
    assert result_cache.result_key(load_store(root, cache=False), Config()) is None


def test_any_number_of_processes_reuses_the_result(root: Path, rule_runs: list[int]) -> None:
    cold = check(root, "--jobs", "1")
    assert check(root, "--jobs", "3") == cold
    assert len(rule_runs) == 1


def _every_field_set() -> Finding:
    """A finding none of whose fields holds its default: a field added to
    :class:`Finding` must be set here too (the test below says so)."""
    return Finding(
        rule="CC101",
        name="quantity-conflict",
        severity="error",
        subject="strike",
        property="deaths",
        claims=["a", "b"],
        message="figures that cannot all be true",
        fingerprint="0123456789abcdef",
        location=Location("claims.yaml", 3, 5),
        review=ReviewMark(
            "confirmed",
            note="n",
            by="me",
            on="2024-01-01",
            new_claims=["c"],
            reviewed_as={"rule": "CC201", "name": "single-origin", "fingerprint": "fedcba98"},
            left=[{"value": "45", "claims": ["ngo-45"], "why": "retracted"}],
        ),
        pairs=[("a", "b")],
        details={"values": ["10", "14"], "share": 0.5},
        kin_values=["asserts\x1e10", "asserts\x1e14"],
        kin_origins=["party:ngo"],
    )


def test_every_field_of_a_finding_is_kept() -> None:
    finding = _every_field_set()
    for field in dataclasses.fields(Finding):
        default = (
            field.default_factory()
            if field.default_factory is not dataclasses.MISSING
            else field.default
        )
        assert getattr(finding, field.name) != default, f"set {field.name} in the test"
    row = orjson.loads(orjson.dumps(result_cache._finding_data(finding)))
    assert result_cache._finding(row) == finding


def test_every_field_of_a_stale_review_is_kept() -> None:
    finding = _every_field_set()
    stale = StaleReview(
        fingerprint="fedcba9876543210",
        verdict="disputed",
        location=Location("reviews.yaml", 7, 3),
        note="look again",
        successors=[finding],
        listed=True,
        rule="CC201",
        holds=False,
        new=True,
        closed=True,
        revision=finding,
        coming=True,
        entered=[{"value": "38", "claims": ["cg-38"], "why": "coast-guard's revision"}],
        left=[{"value": "23", "claims": ["cg-23"], "why": None}],
    )
    for field in dataclasses.fields(StaleReview):
        if field.default is not dataclasses.MISSING:
            assert getattr(stale, field.name) != field.default, f"set {field.name} in the test"
        elif field.default_factory is not dataclasses.MISSING:
            assert getattr(stale, field.name) != field.default_factory(), field.name
    row = orjson.loads(orjson.dumps(result_cache._stale_data(stale, {id(finding): 0})))
    assert result_cache._stale(row, [finding]) == stale
