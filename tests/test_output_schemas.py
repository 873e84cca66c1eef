"""Every JSON output carries its version and matches the schema `claimcheck schema OUTPUT`
prints: on the Kidal store and on small stores that reach the rarer keys."""

from __future__ import annotations

import copy
import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.render import JSON_VERSION
from claimcheck.render.schemas import OUTPUTS, output_schema, published_schema

from support import KIDAL


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


def validate(output: str, data: Any) -> None:
    jsonschema.Draft202012Validator(output_schema(output)).validate(data)


@pytest.mark.parametrize("output", OUTPUTS)
def test_each_schema_is_a_valid_draft_2020_12_schema(output: str) -> None:
    jsonschema.Draft202012Validator.check_schema(output_schema(output))


@pytest.mark.parametrize("output", OUTPUTS)
def test_the_schema_command_prints_it(runner: CliRunner, output: str) -> None:
    assert run(runner, "schema", output) == json.loads(json.dumps(published_schema(output)))
    jsonschema.Draft202012Validator.check_schema(published_schema(output))


@pytest.mark.parametrize("output", OUTPUTS)
def test_schema_output_option_names_the_output(
    runner: CliRunner, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(runner, "schema", "--output", output) == run(runner, "schema", output)
    assert run(runner, "schema", "-o", output) == run(runner, "schema", output)
    assert list(tmp_path.iterdir()) == []  # no file named like the output


def test_schema_output_option_still_writes_a_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["schema", "check", "-o", "./check"])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads((tmp_path / "check").read_text()) == run(runner, "schema", "check")
    result = runner.invoke(cli, ["schema", "-o", "store.json"])
    assert json.loads((tmp_path / "store.json").read_text()) == run(runner, "schema")


def test_schema_given_two_outputs_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "claims", "-o", "check"])
    assert result.exit_code == 2 and "give the output once" in result.stderr


def _closed_anywhere(schema: Any) -> bool:
    if isinstance(schema, dict):
        return schema.get("additionalProperties") is False or any(
            _closed_anywhere(v) for v in schema.values()
        )
    return isinstance(schema, list) and any(_closed_anywhere(v) for v in schema)


@pytest.mark.parametrize("output", [o for o in OUTPUTS if o != "store"])
def test_published_output_schemas_accept_an_added_key(runner: CliRunner, output: str) -> None:
    """The versioning promise: keys may be added without raising the version, so the
    published schema accepts them, while the closed one (the tests') catches drift."""
    assert _closed_anywhere(output_schema(output))
    assert not _closed_anywhere(published_schema(output))
    args = {"check": ["check"], "report": ["report"], "claims": ["claims"]}
    args |= {"rules": ["rules"], "sources": ["sources"]}
    data = run(runner, "--store", str(KIDAL), *args[output], "--format", "json")
    data["added_later"] = True
    first = next(iter(v for v in data.values() if isinstance(v, list) and v))
    if isinstance(first[0], dict):
        first[0]["added_later"] = 1
    jsonschema.Draft202012Validator(published_schema(output)).validate(data)
    with pytest.raises(jsonschema.ValidationError):
        validate(output, data)


def test_the_store_schema_stays_closed(runner: CliRunner) -> None:
    assert published_schema("store") == output_schema("store")


def test_schema_alone_is_the_store_s(runner: CliRunner) -> None:
    assert run(runner, "schema") == run(runner, "schema", "store")


def test_an_unknown_output_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "findings"])
    assert result.exit_code == 2 and "findings" in result.stderr


# --- against real output ------------------------------------------------------------------


def test_check_on_kidal(runner: CliRunner) -> None:
    data = run(runner, "--store", str(KIDAL), "check", "--format", "json")
    assert data["version"] == JSON_VERSION
    assert any("pairs" in f for f in data["findings"]) and data["estimates"]
    validate("check", data)


def test_report_on_kidal(runner: CliRunner) -> None:
    data = run(runner, "--store", str(KIDAL), "report", "--format", "json")
    assert data["version"] == JSON_VERSION
    validate("report", data)


def test_claims_on_kidal(runner: CliRunner) -> None:
    data = run(runner, "--store", str(KIDAL), "claims", "--format", "json")
    assert data["version"] == JSON_VERSION and len(data["claims"]) > 100
    validate("claims", data)


def test_rules_and_one_rule(runner: CliRunner) -> None:
    every = run(runner, "rules", "--format", "json")
    one = run(runner, "rules", "CC101", "--format", "json")
    assert every["version"] == one["version"] == JSON_VERSION
    validate("rules", every)
    validate("rules", one)


def test_sources_on_kidal(runner: CliRunner) -> None:
    every = run(runner, "--store", str(KIDAL), "sources", "--format", "json")
    one = run(runner, "--store", str(KIDAL), "sources", "rfi", "--format", "json")
    validate("sources", every)
    validate("sources", one)


REVIEWED = """\
    claims:
      - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
      - {id: b, subject: strike, property: deaths, value: "at least 3", source: monde-doc,
         claimant: medical-sources}
      - {id: c, subject: strike, property: deaths, value: {min: 2, max: 4}, source: figaro-doc}
      - {id: d, subject: battle, property: outcome, value: stalemate, source: rfi-doc-2,
         stance: denies, quote: "«\\u202eni vainqueur\\x1b[2J»"}
      - {id: e, subject: battle, property: date, value: 2023-11, source: wiki-doc}
      - {id: f, subject: strike, property: deaths, value: 20, source: leaflet, status: retracted}
    reviews:
      - {finding: 0123456789abcdef, verdict: explained, note: gone, claims: [a]}
    """


def test_check_and_claims_on_a_store_with_every_kind_of_value(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store({"c.yaml": REVIEWED})
    check = run(runner, "--store", str(root), "check", "--format", "json")
    assert check["stale_reviews"] and check["estimates"]
    validate("check", check)
    claims = run(runner, "--store", str(root), "claims", "--format", "json")
    assert {type(c["value"]) for c in claims["claims"]} >= {int, str, dict}
    validate("claims", claims)


def test_a_reviewed_finding(runner: CliRunner, make_store: Callable[..., Path]) -> None:
    root = make_store({"c.yaml": REVIEWED})
    first = run(runner, "--store", str(root), "check", "--format", "json")
    conflict = next(f for f in first["findings"] if f["rule"] == "CC101")
    (root / "r.yaml").write_text(
        f"reviews:\n  - {{finding: {conflict['fingerprint']}, verdict: disputed, by: desk, "
        "on: 2023-11-01}\n",
        encoding="utf-8",
    )
    data = run(runner, "--store", str(root), "check", "--format", "json")
    assert any(f["review"] for f in data["findings"])
    validate("check", data)


def test_a_candidate_check(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_store(
        {
            "c.yaml": "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, "
            "source: rfi-doc}\n"
        }
    )
    candidate = tmp_path / "new.yaml"
    candidate.write_text(
        textwrap.dedent("""\
        claims:
          - {id: n1, subject: strike, property: deaths, value: 14, source: monde-doc}
          - {id: n2, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: n3, subject: strike, property: deaths, value: 2, source: figaro-doc}
        """),
        encoding="utf-8",
    )
    data = run(runner, "--store", str(root), "check", str(candidate), "--format", "json")
    assert data["candidate"]["corroborates"] and data["candidate"]["duplicates"]
    validate("check", data)


# --- strict enough to catch drift ---------------------------------------------------------


def test_the_check_schema_catches_drift(runner: CliRunner) -> None:
    data = run(runner, "--store", str(KIDAL), "check", "--format", "json")
    validator = jsonschema.Draft202012Validator(output_schema("check"))
    changes: list[Callable[[dict[str, Any]], object]] = [
        lambda d: d.pop("version"),
        lambda d: d.update(version=JSON_VERSION + 1),
        lambda d: d["findings"][0].update(severity="fatal"),
        lambda d: d["findings"][0].update(extra=1),
        lambda d: d["findings"][0].pop("fingerprint"),
        lambda d: d["summary"].update(claims="161"),
        lambda d: d["estimates"][0].pop("basis"),
        lambda d: next(iter(d["grades"].values())).update(grade=7),
        lambda d: d.update(unknown=[]),
    ]
    for i, change in enumerate(changes):
        drifted = copy.deepcopy(data)
        change(drifted)
        assert list(validator.iter_errors(drifted)), i


def test_the_claims_schema_catches_drift(runner: CliRunner) -> None:
    data = run(runner, "--store", str(KIDAL), "claims", "--format", "json")
    validator = jsonschema.Draft202012Validator(output_schema("claims"))
    drifted = copy.deepcopy(data)
    drifted["claims"][0]["outlet_name"] = "RFI"
    assert list(validator.iter_errors(drifted))
    drifted = copy.deepcopy(data)
    del drifted["claims"][0]["as_of"]
    assert list(validator.iter_errors(drifted))
