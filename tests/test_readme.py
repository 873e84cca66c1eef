"""The README tells the truth: its example outputs are what the commands print."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.values.words import VAGUE

from support import KIDAL, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")

#: The walkthrough of a new store: its commands run in order, in a folder of their own.
OWN_EVENT = "## Your own event in ten minutes\n"
#: From an article to candidate claims: run in a copy of the Kidal store.
EXTRACT = "## From an article to candidate claims\n"


def section(heading: str) -> str:
    start = README.index(heading)
    end = README.find("\n## ", start + len(heading))
    return README[start : end if end != -1 else len(README)]


def own_event_section() -> str:
    return section(OWN_EVENT)


def console_blocks() -> list[tuple[str, str]]:
    out = []
    kidal = README.replace(own_event_section(), "").replace(section(EXTRACT), "")
    for block in re.findall(r"```console\n(.*?)```", kidal, re.DOTALL):
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


def own_event_steps() -> list[tuple[str, str]]:
    """The walkthrough's blocks in order: ``("console", block)`` or ``("yaml", block)``."""
    return re.findall(r"```(console|yaml)\n(.*?)```", own_event_section(), re.DOTALL)


def test_readme_own_event_walkthrough_is_real(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command prints what the README shows (both streams, as on a terminal); each
    YAML block is written where its first line says: a new file, or at the end of one."""
    monkeypatch.chdir(tmp_path)
    steps = own_event_steps()
    assert [kind for kind, _ in steps].count("console") >= 5
    for kind, block in steps:
        first, _, rest = block.partition("\n")
        if kind == "yaml":
            m = re.fullmatch(r"# (at the end of )?(\S+)", first)
            assert m, f"a YAML block of the walkthrough says where it goes: {first!r}"
            path = tmp_path / m[2]
            if m[1]:
                assert path.is_file(), m[2]
                with path.open("a", encoding="utf-8") as f:
                    f.write(rest)
            else:
                path.write_text(block, encoding="utf-8")
            continue
        assert first.startswith("$ claimcheck ")
        result = runner.invoke(cli, shlex.split(first[2:])[1:])
        assert result.output == rest, first
    assert (tmp_path / "report.html").is_file()


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


def test_readme_extract_example_is_real(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article's paragraph is the seed article's own; extracting it in a copy of the
    Kidal store writes the claims the README shows, and checking them prints what it
    shows."""
    import shutil

    text = section(EXTRACT)
    ((name, paragraph),) = re.findall(r"```text (\S+)\n(.*?)```", text, re.DOTALL)
    seed = (REPO / "tests" / "data" / "battle-of-kidal-2023.txt").read_text(encoding="utf-8")
    assert paragraph.rstrip("\n") in seed.splitlines()
    shutil.copytree(KIDAL, tmp_path / "claims")
    (tmp_path / name).write_text(paragraph, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    consoles = re.findall(r"```console\n(.*?)```", text, re.DOTALL)
    assert len(consoles) == 2
    for block in consoles:
        first, _, rest = block.partition("\n")
        assert first.startswith("$ claimcheck ")
        result = runner.invoke(cli, shlex.split(first[2:])[1:])
        assert result.output == rest, first
    (excerpt,) = re.findall(r"```yaml\n# candidate.yaml \(an excerpt\)\n(.*?)```", text, re.DOTALL)
    assert excerpt in (tmp_path / "candidate.yaml").read_text(encoding="utf-8")


def test_readme_file_format_example_is_a_valid_store(tmp_path: Path) -> None:
    """The brief's example, pasted into a store as the README says, loads: every side a
    subject names is some party's, every reference resolves."""
    block = section("The file format in brief").split("```yaml\n", 1)[1].split("```", 1)[0]
    store = tmp_path / "claims"
    store.mkdir()
    (store / "all.yaml").write_text(block, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store), "validate"])
    assert result.exit_code == 0, result.output
    assert "1 claim" in result.output, result.output


def test_the_command_table_lists_each_command_s_formats() -> None:
    """The command table gives every command's `--format` choices as the command takes
    them (a new user's trial: those of `sources`, `claims` and `rules` were missing)."""
    import click

    table = README[README.index("| command | does |") :].split("\n\n")[0]
    rows = table.splitlines()
    for name, command in cli.commands.items():
        for param in command.params:
            if param.name != "fmt" or not isinstance(param.type, click.Choice):
                continue
            (row,) = [r for r in rows if r.startswith((f"| `{name} ", f"| `{name}`"))]
            formats = "\\|".join(str(c) for c in param.type.choices)
            assert f"--format {formats}" in row, f"{name}: --format {formats}"


def test_the_words_read_as_unknown_are_the_readme_s() -> None:
    from claimcheck.values.words import UNKNOWN_WORDS

    said = section("### Values").split("\n\n")[1]
    said = " ".join(said.split())
    for word in UNKNOWN_WORDS:
        assert f"`{word}`" in said, word
