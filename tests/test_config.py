"""Configuration files: claimcheck.toml and [tool.claimcheck]; bad keys are errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli

from support import BASE

CLAIMS = """\
claims:
  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
  - {id: b, subject: strike, property: deaths, value: 10, source: figaro-doc}
"""


def make(tmp_path: Path) -> Path:
    root = tmp_path / "repo" / "claims"
    root.mkdir(parents=True)
    (root / "base.yaml").write_text(BASE)
    (root / "c.yaml").write_text(CLAIMS)
    return root


def rules_found(runner: CliRunner, root: Path) -> tuple[int, set[str], str]:
    result = runner.invoke(cli, ["--store", str(root), "check", "--format", "json"])
    if result.exit_code == 2:
        return 2, set(), result.stderr
    return (
        result.exit_code,
        {f["rule"] for f in json.loads(result.stdout)["findings"]},
        result.stderr,
    )


def test_claimcheck_toml_at_the_store_root(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    assert "CC101" in rules_found(runner, root)[1]
    (root / "claimcheck.toml").write_text('ignore = ["CC101"]\n')
    code, rules, _ = rules_found(runner, root)
    assert "CC101" not in rules and code == 0
    (root / "claimcheck.toml").write_text('fail-on = "none"\n')
    code, rules, _ = rules_found(runner, root)
    assert "CC101" in rules and code == 0


def test_tool_claimcheck_in_pyproject_above_the_store(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck]\nselect = ["CC1"]\n\n[tool.claimcheck.rules.CC101]\nseverity = "warning"\n'
    )
    code, rules, _ = rules_found(runner, root)
    assert rules == {"CC101"} and code == 0


def test_unknown_key_is_an_error_with_its_line(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text('select = ["CC1"]\nfial-on = "error"\n')
    code, _, err = rules_found(runner, root)
    assert code == 2 and "claimcheck.toml:2:1: unknown key 'fial-on'" in err


def test_bad_values_are_errors(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text(
        'fail-on = "sometimes"\n[rules.CC101]\nseverity = "fatal"\ndefault-tolerance = [1]\nbogus = 1\n'
        "[rules.CC777]\n[limits]\nmax-depth = -1\n"
    )
    code, _, err = rules_found(runner, root)
    assert code == 2
    for words in (
        "fail-on must be one of",
        "severity must be one of",
        "rules.CC101.default-tolerance",
        "rules.CC101.bogus: unknown option",
        "rules.CC777: no such rule",
        "limits.max-depth",
    ):
        assert words in err, words
    assert "Traceback" not in err


def test_invalid_toml(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text('select = ["CC1"\n')
    code, _, err = rules_found(runner, root)
    assert code == 2 and "claimcheck.toml:" in err and "invalid TOML" in err


def test_explicit_config_option(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    cfg = tmp_path / "strict.toml"
    cfg.write_text('select = ["CC301"]\n')
    result = runner.invoke(
        cli, ["--store", str(root), "--config", str(cfg), "check", "--format", "json"]
    )
    assert json.loads(result.stdout)["findings"] == []


def test_limits_apply(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text("[limits]\nmax-file-bytes = 100\n")
    code, _, err = rules_found(runner, root)
    assert code == 2 and "over the limit of 100" in err


def test_values_that_would_fail_later_are_refused_up_front(
    tmp_path: Path, runner: CliRunner
) -> None:
    """Accepted here, a bad default tolerance used to crash `check`."""
    root = make(tmp_path)
    for text, words in (
        ('[rules.CC101]\ndefault-tolerance = "ten"\n', "rules.CC101.default-tolerance"),
        ('[rules.CC101]\ndefault-tolerance = "x%"\n', "rules.CC101.default-tolerance"),
        ("[rules.CC101]\ndefault-tolerance = -2\n", "rules.CC101.default-tolerance"),
    ):
        (root / "claimcheck.toml").write_text(text)
        for command in ("validate", "check"):
            result = runner.invoke(cli, ["--store", str(root), command])
            assert result.exit_code == 2, (text, command, result.output)
            assert "claimcheck.toml:" in result.stderr and words in result.stderr, result.stderr
    (root / "claimcheck.toml").write_text('[rules.CC101]\ndefault-tolerance = "10%"\n')
    assert rules_found(runner, root)[0] == 1


def test_tool_claimcheck_that_is_not_a_table(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    for value in ('"strict"', "5", '["a"]'):
        pyproject = root.parent / "pyproject.toml"
        pyproject.write_text(f'[project]\nname = "x"\n\n[tool]\nclaimcheck = {value}\n')
        for extra in ([], ["--config", str(pyproject)]):
            result = runner.invoke(cli, ["--store", str(root), *extra, "check"])
            assert result.exit_code == 2, result.output
            assert "pyproject.toml:5:1: tool.claimcheck must be a table" in result.stderr
    (root.parent / "pyproject.toml").write_text("tool = 1\n")
    result = runner.invoke(
        cli, ["--store", str(root), "--config", str(root.parent / "pyproject.toml"), "check"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output  # no settings: defaults


def test_a_huge_max_depth_is_no_limit_at_all(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text("[limits]\nmax-depth = 5000000000\n")
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 0, result.output


def test_option_values_of_the_wrong_kind_are_refused(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    for toml, words in (
        ("[rules.CC201]\ncorroborated-at = 0\n", "rules.CC201.corroborated-at"),
        ("[rules.CC201]\ncorroborated-at = -1\n", "corroborated-at: must be 1 or more"),
        ('[rules.CC201]\ncorroborated-at = "2"\n', "corroborated-at: must be a whole number"),
        ('[rules.CC101]\ncumulative-growth = "yes"\n', "growth: must be true or false"),
        ("[limits]\nbogus = 2\n", "known: max-depth, max-file-bytes, max-nodes, max-string"),
        # (a top-level key written at the end of the file lands in the last table)
        ('[limits]\nfail-on = "warning"\n', "a top-level key such as fail-on goes above"),
    ):
        (root / "claimcheck.toml").write_text(toml)
        code, _, err = rules_found(runner, root)
        assert code == 2, toml
        assert "claimcheck.toml:2:1: " in err and words in err, (toml, err)
    (root / "claimcheck.toml").write_text("[rules.CC201]\ncorroborated-at = 3\n")
    assert rules_found(runner, root)[0] in (0, 1)


def test_rules_shows_options_as_they_are_written(runner: CliRunner) -> None:
    out = runner.invoke(cli, ["rules", "CC101"]).stdout
    assert "  # default-tolerance = (not set by default)\n" in out
    assert "  cumulative-growth = true\n" in out
    assert "cumulative_growth" not in out and "None" not in out


def test_title_names_the_report_and_must_be_text(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (root / "claimcheck.toml").write_text('fail-on = "none"\ntitle = "Kidal: the strikes"\n')
    result = runner.invoke(cli, ["--store", str(root), "report"])
    assert result.exit_code == 0 and result.stdout.startswith("# Kidal: the strikes\n")
    for value, words in (("3", "be text"), ('""', "not be blank"), ('["a"]', "be text")):
        (root / "claimcheck.toml").write_text(f'select = ["CC1"]\ntitle = {value}\n')
        result = runner.invoke(cli, ["--store", str(root), "report"])
        assert result.exit_code == 2, value
        assert f"claimcheck.toml:2:1: title must {words}" in result.stderr, result.stderr


def test_a_claimcheck_toml_linking_outside_the_store_is_refused_unread(
    tmp_path: Path, runner: CliRunner
) -> None:
    root = make(tmp_path)
    secret = tmp_path / "credentials"
    secret.write_text("[default]\naws_secret_access_key = hunter2\n")
    (root / "claimcheck.toml").symlink_to(secret)
    code, _, err = rules_found(runner, root)
    assert code == 2
    assert err.strip() == (
        f"{root / 'claimcheck.toml'}: a symbolic link to a file outside the store; "
        "refusing to read it (a store's files must be inside its folder)"
    )
    assert "default" not in err and "hunter2" not in err


def test_a_claimcheck_toml_linking_inside_the_store_is_read(
    tmp_path: Path, runner: CliRunner
) -> None:
    root = make(tmp_path)
    (root / "settings").mkdir()
    (root / "settings" / "claimcheck.toml").write_text('ignore = ["CC101"]\n')
    (root / "claimcheck.toml").symlink_to(root / "settings" / "claimcheck.toml")
    code, rules, _ = rules_found(runner, root)
    assert code == 0 and "CC101" not in rules


def test_a_pyproject_above_the_store_is_read(tmp_path: Path, runner: CliRunner) -> None:
    root = make(tmp_path)
    (tmp_path / "repo" / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["CC101"]\n')
    code, rules, _ = rules_found(runner, root)
    assert code == 0 and "CC101" not in rules
