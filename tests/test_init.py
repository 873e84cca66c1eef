"""``claimcheck init``: a new store that validates at once, shows the rules, and never
overwrites a store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.config import TOP_KEYS, load_config
from claimcheck.model import RECORD_TYPES, SECTIONS, json_schema
from claimcheck.rules import all_rules
from claimcheck.scaffold import VOCABULARY, new_store
from claimcheck.scaffold.files import EXAMPLE_REVIEWED_FINDING, FIELD_HELP
from claimcheck.store import load_store
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.yamlfile import load as load_yaml

SECTION_FILES = [f"{s}.yaml" for s in SECTIONS]
ALL_FILES = [*SECTION_FILES, "claimcheck.toml", "claimcheck.schema.json", ".gitignore"]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_a_store_that_validates(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("created the store claims/: outlets.yaml, documents.yaml")
    assert "Next: claimcheck check\n" in result.stdout
    assert sorted(os.listdir(in_tmp / "claims")) == sorted(ALL_FILES)
    validated = runner.invoke(cli, ["validate"])
    assert validated.exit_code == 0, validated.output
    assert "1 outlet, 1 document, 1 party, 1 subject" in validated.stdout
    assert validated.stdout.rstrip().endswith(": valid")


def test_check_on_a_new_store_shows_the_rules_at_work(runner: CliRunner, in_tmp: Path) -> None:
    runner.invoke(cli, ["init"])
    result = runner.invoke(cli, ["check", "--format", "json"])
    assert result.exit_code == 0, result.output  # warnings: below --fail-on error
    data = json.loads(result.stdout)
    rules = {f["rule"]: f for f in data["findings"]}
    assert set(rules) == {"CC201", "CC202"}
    # the example review acknowledges a finding the store really has, and none is stale
    assert rules["CC202"]["fingerprint"] == EXAMPLE_REVIEWED_FINDING
    assert rules["CC202"]["review"]["verdict"] == "accepted"
    assert rules["CC201"].get("review") is None
    assert not data.get("stale_reviews")


def test_init_takes_a_folder_or_the_store_option(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["init", "events/dorvala"])
    assert result.exit_code == 0, result.output
    assert "created the store events/dorvala/:" in result.stdout
    assert "Next: claimcheck --store events/dorvala check" in result.stdout
    assert (in_tmp / "events" / "dorvala" / "claims.yaml").is_file()
    for folder, args in (
        ("other", ["--store", "other", "init"]),
        ("after", ["init", "--store", "after"]),
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert f"Next: claimcheck --store {folder} check\n" in result.stdout
        assert (in_tmp / folder / "claims.yaml").is_file()
    assert not (in_tmp / "claims").exists()


def test_init_refuses_an_existing_store_and_names_what_is_there(
    runner: CliRunner, in_tmp: Path
) -> None:
    runner.invoke(cli, ["init"])
    claims = in_tmp / "claims" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (in_tmp / "claims").iterdir() if p.is_file()}
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 2
    assert result.stderr == (
        "claims: already holds a store: claims.yaml, documents.yaml and 7 more; "
        "claimcheck init never overwrites a store: choose a new or empty folder\n"
    )
    assert "Traceback" not in result.output
    after = {p.name: p.read_bytes() for p in (in_tmp / "claims").iterdir() if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    "existing", ["claimcheck.toml", "notes/old.yml", "bulk.jsonl", "claimcheck.schema.json"]
)
def test_any_store_file_or_configuration_is_in_the_way(
    runner: CliRunner, in_tmp: Path, existing: str
) -> None:
    path = in_tmp / "claims" / existing
    path.parent.mkdir(parents=True)
    path.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 2
    assert f"claims: already holds a store: {existing}; claimcheck init never" in result.stderr
    assert sorted(p.name for p in (in_tmp / "claims").iterdir()) == [Path(existing).parts[0]]


def test_an_empty_folder_or_one_of_other_files_is_fine(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    assert runner.invoke(cli, ["init", "empty"]).exit_code == 0
    notes = in_tmp / "notes"
    notes.mkdir()
    (notes / "README.md").write_text("my notes\n", encoding="utf-8")
    (notes / ".claimcheck-cache").mkdir()  # hidden and skipped folders are no store
    (notes / ".claimcheck-cache" / "x.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["init", "notes"])
    assert result.exit_code == 0, result.output
    assert (notes / "README.md").read_text(encoding="utf-8") == "my notes\n"
    assert runner.invoke(cli, ["--store", "notes", "validate"]).exit_code == 0


def test_an_existing_gitignore_is_extended_once(runner: CliRunner, in_tmp: Path) -> None:
    for name, text in (("a", "*.pdf"), ("b", "*.pdf\n.claimcheck-cache/\n")):
        (in_tmp / name).mkdir()
        (in_tmp / name / ".gitignore").write_text(text, encoding="utf-8")
        result = runner.invoke(cli, ["init", name])
        assert result.exit_code == 0, result.output
        # listed only when it changed: b's already ignores the cache
        assert (".gitignore (extended)" in result.stdout) is (name == "a")
        assert (".gitignore" in result.stdout) is (name == "a")
        lines = (in_tmp / name / ".gitignore").read_text(encoding="utf-8").splitlines()
        assert lines[0] == "*.pdf" and lines.count(".claimcheck-cache/") == 1
    fresh = runner.invoke(cli, ["init", "c"])
    assert "(extended)" not in fresh.stdout
    assert ".claimcheck-cache/" in (in_tmp / "c" / ".gitignore").read_text(encoding="utf-8")


def test_a_file_where_the_folder_should_be_is_an_error(runner: CliRunner, in_tmp: Path) -> None:
    from claimcheck.errors import UsageError

    (in_tmp / "events").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["init", "events"])
    assert result.exit_code == 2
    assert "'events' is a file" in result.stderr
    with pytest.raises(UsageError, match="events: exists and is not a folder"):
        new_store("events")


def test_a_failed_write_leaves_no_half_store(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.errors import UsageError

    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append(str(dst))
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    # into an existing folder: file by file, undone on failure
    (in_tmp / "existing").mkdir()
    (in_tmp / "existing" / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(UsageError, match="No space left on device"):
        new_store(in_tmp / "existing")
    assert sorted(os.listdir(in_tmp / "existing")) == ["notes.txt"]
    # a new folder appears whole or not at all
    monkeypatch.setattr(os, "rename", failing_replace)
    calls[:] = ["", ""]
    with pytest.raises(UsageError):
        new_store(in_tmp / "new")
    assert sorted(os.listdir(in_tmp)) == ["existing"]


def test_every_file_has_the_schema_line_and_fits_the_schema(in_tmp: Path) -> None:
    new_store("claims")
    schema = json.loads((in_tmp / "claims" / "claimcheck.schema.json").read_text("utf-8"))
    assert schema == json_schema()
    for name in SECTION_FILES:
        text = (in_tmp / "claims" / name).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=claimcheck.schema.json\n")
        data, _ = load_yaml(text, DEFAULT_LIMITS)
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_configuration_is_every_default(in_tmp: Path) -> None:
    new_store("claims")
    text = (in_tmp / "claims" / "claimcheck.toml").read_text(encoding="utf-8")
    config = load_config("claims")
    assert config.path is not None and config.path.endswith("claimcheck.toml")
    assert config.select is None and config.ignore == [] and config.fail_on == "error"
    assert config.title is None
    assert [type(r) for r in config.enabled()] == all_rules()
    for rule in all_rules():
        assert config.severity(rule) == rule.severity
        assert config.options.get(rule.code, rule.Options()) == rule.Options()
        assert f"[rules.{rule.code}]" in text
    assert config.limits == Limits()
    # every setting the configuration knows is written out (active or commented)
    for key in TOP_KEYS:
        assert f"\n{key} = " in text or f"\n# {key} = " in text or f"\n[{key}" in text, key


def test_the_vocabulary_is_what_properties_yaml_holds(in_tmp: Path) -> None:
    new_store("claims")
    store = load_store("claims")
    assert list(store.properties.values()) == list(VOCABULARY)
    ids = {p.id for p in VOCABULARY}
    assert {
        "killed",
        "wounded",
        "missing",
        "captured",
        "civilians_killed",
        "displaced",
        "vehicles_destroyed",
        "start",
        "end",
        "outcome",
        "responsible",
        "controlled_by",
    } <= ids
    for prop in VOCABULARY:
        assert prop.label and prop.aliases, prop.id
        if prop.type == "quantity":
            assert prop.unit and prop.cumulative, prop.id
    by_id = {p.id: p for p in VOCABULARY}
    assert "tués" in by_id["killed"].aliases and "blessés" in by_id["wounded"].aliases
    assert by_id["outcome"].type == "category" and by_id["responsible"].type == "entity"


def test_every_field_of_every_record_is_explained() -> None:
    import dataclasses

    for section, record_type in RECORD_TYPES.items():
        names = [f.name for f in dataclasses.fields(record_type) if f.init]
        assert list(FIELD_HELP[section]) == names, section


def test_init_inside_a_store_is_refused(runner: CliRunner, in_tmp: Path) -> None:
    assert runner.invoke(cli, ["init", "claims"]).exit_code == 0
    result = runner.invoke(cli, ["init", "claims/sub"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claims/sub: inside the store claims: ")
    assert "choose a folder outside claims" in result.stderr
    assert not (in_tmp / "claims" / "sub").exists()
    assert runner.invoke(cli, ["--store", "claims", "validate"]).exit_code == 0


@pytest.mark.parametrize("mark", [".claimcheck-cache", "claimcheck.schema.json", "toml+yaml"])
def test_any_mark_of_a_store_above_refuses(runner: CliRunner, in_tmp: Path, mark: str) -> None:
    outer = in_tmp / "outer"
    outer.mkdir()
    if mark == "toml+yaml":
        (outer / "claimcheck.toml").write_text("", encoding="utf-8")
        (outer / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    elif mark.startswith("."):
        (outer / mark).mkdir()
    else:
        (outer / mark).write_text("{}", encoding="utf-8")
    result = runner.invoke(cli, ["init", "outer/a/b"])
    assert result.exit_code == 2
    assert "outer/a/b: inside the store outer:" in result.stderr


def test_a_claimcheck_toml_configuring_the_stores_below_is_no_store(
    runner: CliRunner, in_tmp: Path
) -> None:
    (in_tmp / "claimcheck.toml").write_text('title = "Ours"\n', encoding="utf-8")
    result = runner.invoke(cli, ["init", "claims"])
    assert result.exit_code == 0, result.output


def test_the_next_command_quotes_a_folder_with_a_space(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["init", "my store"])
    assert result.exit_code == 0, result.output
    assert "Next: claimcheck --store 'my store' check\n" in result.stdout


def test_a_folder_name_with_control_characters_is_shown_not_acted_on(
    runner: CliRunner, in_tmp: Path
) -> None:
    result = runner.invoke(cli, ["init", "a\x1b]0;pwned\x07b"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "a\\x1b]0;pwned\\x07b/" in result.stdout


@pytest.mark.parametrize("args", [["--store", "xx", "init", "i4"], ["init", "i4", "--store", "xx"]])
def test_folder_and_store_option_together_is_an_error(
    runner: CliRunner, in_tmp: Path, args: list[str]
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "give the new store's folder as FOLDER or as --store, not both" in result.stderr
    assert not (in_tmp / "i4").exists() and not (in_tmp / "xx").exists()


def test_the_folder_wins_over_the_environment(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(cli, ["init", "i5"], env={"CLAIMCHECK_STORE": "zz"})
    assert result.exit_code == 0, result.output
    assert (in_tmp / "i5" / "claims.yaml").is_file() and not (in_tmp / "zz").exists()
