"""The README tells the truth: its example outputs are what the commands print."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.values.words import VAGUE

from support import KIDAL, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def console_blocks() -> list[tuple[str, str]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        command, _, output = block.partition("\n")
        assert command.startswith("$ claimcheck ")
        out.append((command[2:], output))
    return out


@pytest.mark.parametrize(
    ("command", "expected"), console_blocks(), ids=lambda x: x[:40] if isinstance(x, str) else ""
)
def test_readme_example_output_is_real(
    command: str, expected: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    pipeline = command.split(" | ")
    args = shlex.split(pipeline[0])[1:]
    result = runner.invoke(cli, ["--store", str(KIDAL.relative_to(REPO)), *args])
    output = result.stdout
    for stage in pipeline[1:]:
        assert stage.startswith("tail -")
        n = int(stage.split("-")[1])
        output = "\n".join(output.rstrip("\n").splitlines()[-n:]) + "\n"
    assert output == expected


def test_readme_vague_table_matches_the_code() -> None:
    rows = re.findall(
        r"^\| ([a-zé ]+) \| (\d+)–(\d+) \| (\d+) \| ([^|]+) \|$", README, re.MULTILINE
    )
    table = {
        phrase: (int(lo), int(hi), int(nom), meaning.strip())
        for phrase, lo, hi, nom, meaning in rows
    }
    assert table == {
        k: (int(v.low), int(v.high), int(v.nominal), v.meaning) for k, v in VAGUE.items()
    }


def test_readme_rule_table_matches_the_registry() -> None:
    from claimcheck.rules import all_rules

    rows = re.findall(r"^\| (CC\d{3}) \| ([a-z-]+) \| (\w+) \| (.+) \|$", README, re.MULTILINE)
    assert [(c, n, s) for c, n, s, _ in rows] == [(r.code, r.name, r.severity) for r in all_rules()]
    for (_, _, _, text), rule in zip(rows, all_rules(), strict=True):
        assert text[0].lower() + text[1:] == rule.summary()[0].lower() + rule.summary()[1:]
