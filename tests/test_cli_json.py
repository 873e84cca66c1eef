"""Every command's ``--format json`` carries ``"version"`` at its top level, as the
README promises: found by asking each command which formats it takes, so that a new
command with a JSON output is held to it too."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.render import JSON_VERSION

from support import KIDAL, REPO

CANDIDATE = """\
claims:
  - {id: new-toll, subject: drone-strike-2023-11-07, property: civilian_deaths, value: 14,
     source: rfi-2023-11-07-drone-strikes}
"""

#: The arguments of each command with a JSON output (beyond --store and --format),
#: several ways where its JSON takes several shapes; "{candidate}" is a candidate file.
RUNS: dict[str, list[list[str]]] = {
    "validate": [[]],
    "check": [[], ["{candidate}"]],
    "add": [["{candidate}", "--to", "{store}/added.yaml"]],
    "report": [[]],
    "sources": [[], ["rfi"], ["--parties"], ["--party", "fama"]],
    "claims": [[]],
    "rules": [[], ["CC101"]],
    "extract": [
        [
            str(REPO / "tests" / "data" / "articles" / "en-two-sides.txt"),
            "--outlet",
            "rfi",
            "--published",
            "2023-09-19",
        ]
    ],
}


def _with_json() -> set[str]:
    return {
        name
        for name, command in cli.commands.items()
        for param in command.params
        if param.name == "fmt"
        and isinstance(param.type, click.Choice)
        and "json" in param.type.choices
    }


def test_every_command_with_a_json_output_is_run_here() -> None:
    assert _with_json() == set(RUNS)


@pytest.mark.parametrize(
    ("command", "args"),
    [(c, a) for c, runs in RUNS.items() for a in runs],
    ids=lambda x: x if isinstance(x, str) else " ".join(x),
)
def test_every_json_output_carries_its_version(
    runner: CliRunner, tmp_path: Path, command: str, args: list[str]
) -> None:
    store = tmp_path / "store"
    store.mkdir()
    for path in KIDAL.rglob("*.yaml"):  # (add writes: a copy of the Kidal store)
        (store / path.relative_to(KIDAL)).parent.mkdir(parents=True, exist_ok=True)
        (store / path.relative_to(KIDAL)).write_bytes(path.read_bytes())
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(CANDIDATE, encoding="utf-8")
    args = [a.format(candidate=candidate, store=store) for a in args]
    result = runner.invoke(
        cli, ["--store", str(store), "--no-cache", command, *args, "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output + result.stderr
    assert json.loads(result.stdout)["version"] == JSON_VERSION


def test_the_json_of_a_store_that_does_not_load_carries_its_version(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store({"bad.yaml": "claims:\n  - {id: x, subjekt: y}\n"})
    result = runner.invoke(cli, ["--store", str(root), "validate", "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["version"] == JSON_VERSION and data["valid"] is False
