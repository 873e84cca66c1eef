"""``validate``, ``claims`` and ``schema`` through the CLI, as a user runs them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.store import Store
from claimcheck.store.limits import DEFAULT_LIMITS
from claimcheck.store.yamlfile import load as load_yaml

from support import BASE, KIDAL


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(KIDAL), *args])
    return result.exit_code, result.stdout, result.stderr


def test_validate_counts_the_store(runner: CliRunner, kidal_store: Store) -> None:
    code, out, _ = invoke(runner, "validate")
    assert code == 0
    assert f"{len(kidal_store.claims)} claims" in out and "valid" in out


def test_claims_table_filters_by_subject_and_property(runner: CliRunner) -> None:
    code, out, _ = invoke(
        runner, "claims", "--subject", "drone-strike-2023-11-07", "--property", "civilian_deaths"
    )
    assert code == 0
    assert "strike-1107-deaths-rfi-medical" in out and "medical-sources" in out
    assert "4 claims" in out
    assert "alkit" not in out


def test_subject_filter_includes_its_parts(runner: CliRunner) -> None:
    _, out, _ = invoke(runner, "claims", "--subject", "battle-of-kidal-2023", "--format", "json")
    subjects = {c["subject"] for c in json.loads(out)["claims"]}
    assert {
        "battle-of-kidal-2023",
        "alkit-valley-clashes-2023-11-11",
        "l39-crash-2023-11-11",
    } <= subjects


def test_claims_json_resolves_defaults(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "claims", "--outlet", "le-monde", "--format", "json")
    assert code == 0
    claims = json.loads(out)["claims"]
    assert claims and all(c["outlet"] == "le-monde" for c in claims)
    no_losses = next(c for c in claims if c["id"] == "capture-1114-no-losses-lemonde")
    assert no_losses["claimant"] == "le-monde" and no_losses["claimant_named"] is False
    assert no_losses["as_of"] == "2023-11-14"
    assert (
        no_losses["location"].startswith("claims/kidal-2023/battle.yaml:")
        or "battle.yaml:" in no_losses["location"]
    )


def test_claims_by_claimant_markdown(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "claims", "--claimant", "medical-sources", "--format", "markdown")
    assert code == 0
    assert out.startswith("| id ")
    assert re.search(r"^\| strike-1107-deaths-rfi-medical +\|", out, re.M)


def test_unknown_filter_is_a_usage_error(runner: CliRunner) -> None:
    code, _out, err = invoke(runner, "claims", "--subject", "nowhere")
    assert code == 2 and "--subject: no subject 'nowhere' in the store" in err
    assert "Traceback" not in err


def test_a_misspelt_filter_suggests_the_id_meant(runner: CliRunner) -> None:
    code, _out, err = invoke(runner, "claims", "--outlet", "le-mond")
    assert code == 2 and "no outlet 'le-mond' in the store (did you mean 'le-monde'?)" in err


def test_a_filter_given_an_id_of_another_kind_says_what_it_is(runner: CliRunner) -> None:
    code, _out, err = invoke(runner, "claims", "--subject", "rfi")
    assert code == 2 and "no subject 'rfi' in the store (it is an outlet)" in err
    code, _out, err = invoke(runner, "claims", "--outlet", "medical-sources")
    assert code == 2 and "no outlet 'medical-sources' in the store (it is a party)" in err


def test_schema_is_the_shipped_file(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "schema")
    assert code == 0
    shipped = json.loads((KIDAL / "claimcheck.schema.json").read_text(encoding="utf-8"))
    assert json.loads(out) == shipped, (
        "claims/claimcheck.schema.json is stale: run `claimcheck schema -o claims/claimcheck.schema.json`"
    )


def test_shipped_files_validate_against_the_schema() -> None:
    schema = json.loads((KIDAL / "claimcheck.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(KIDAL.rglob("*.yaml")):
        data, _ = load_yaml(path.read_text(encoding="utf-8"), DEFAULT_LIMITS)
        errors = list(validator.iter_errors(data))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_accepts_a_section_with_nothing_under_it() -> None:
    """The README says to delete the example review and keep the `reviews:` line: the
    loader reads it as no reviews, and the schema editors use must not flag it."""
    schema = json.loads((KIDAL / "claimcheck.schema.json").read_text(encoding="utf-8"))
    data, _ = load_yaml("reviews:\n", DEFAULT_LIMITS)
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data))


def test_schema_rejects_an_unknown_field() -> None:
    schema = json.loads((KIDAL / "claimcheck.schema.json").read_text(encoding="utf-8"))
    bad = {"claims": [{"id": "x", "subjekt": "s", "property": "p", "value": 1}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_help_lists_the_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "claims", "schema"):
        assert command in result.output


def test_store_option_accepts_a_path(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(tmp_path), "validate"])
    assert result.exit_code == 0 and "0 claims" in result.output


def test_an_output_that_cannot_be_written_is_a_clear_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    for args in (
        ["report", "-o", str(missing / "r.html")],
        ["export", "--format", "csv", "-o", str(missing / "c.csv")],
        ["schema", "-o", str(missing / "s.json")],
    ):
        code, out, err = invoke(runner, *args)
        assert code == 2, (args, out, err)
        assert f"{missing}/" in err
        assert f"cannot write: the folder {missing} does not exist" in err
        assert "Traceback" not in out + err
    assert not missing.exists()


def test_a_written_output_is_said_and_a_format_against_its_suffix_is_warned_of(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Every command writing -o FILE says `wrote FILE` (schema and export had said
    nothing); HTML written to a `.md` name is warned of, and written as asked."""
    for args, name in (
        (["schema"], "s.json"),
        (["export", "--format", "csv"], "c.csv"),
        (["report"], "r.md"),
    ):
        path = tmp_path / name
        code, _out, err = invoke(runner, *args, "-o", str(path))
        assert code == 0 and f"wrote {path}" in err, (args, err)
    odd = tmp_path / "odd.md"
    code, _out, err = invoke(runner, "report", "--format", "html", "-o", str(odd))
    assert code == 0, err
    assert f"warning: writing html to {odd}, whose suffix says markdown" in err
    assert odd.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_filters_match_ids_typed_in_either_unicode_form(runner: CliRunner, tmp_path: Path) -> None:
    import unicodedata

    from support import BASE

    nfc_id = unicodedata.normalize("NFC", "raid-léré")
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        f"subjects:\n  - {{id: {nfc_id}, label: Raid}}\nclaims:\n"
        f"  - {{id: c1, subject: {nfc_id}, property: deaths, value: 3, source: rfi-doc}}\n",
        encoding="utf-8",
    )
    for typed in (nfc_id, unicodedata.normalize("NFD", nfc_id)):
        result = runner.invoke(
            cli, ["--store", str(tmp_path), "claims", "--subject", typed, "--format", "json"]
        )
        assert result.exit_code == 0, result.stderr
        assert [c["id"] for c in json.loads(result.stdout)["claims"]] == ["c1"]


def test_claims_json_gives_no_interval_for_a_value_stated_as_unknown(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": (
                "claims:\n"
                "  - {id: q, subject: strike, property: deaths, value: unknown, source: rfi-doc}\n"
                "  - {id: d, subject: strike, property: date, value: unknown, source: rfi-doc}\n"
                "  - {id: n, subject: strike, property: deaths, value: 14+, source: monde-doc}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "claims", "--format", "json"])
    assert result.exit_code == 0, result.output
    intervals = {c["id"]: c["interval"] for c in json.loads(result.stdout)["claims"]}
    assert intervals == {"q": None, "d": None, "n": [14.0, None]}


def test_validate_counts_in_the_singular_where_there_is_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 0
    assert ": 1 file, " in result.stdout and "0 claims" in result.stdout


def test_an_empty_store_folder_is_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    """A mistyped --store at an empty folder passed `check` in CI (exit 0, "0 findings"):
    it is bad input, as a folder that does not exist is (a new user's trial)."""
    empty = tmp_path / "claims"
    empty.mkdir()
    for command in (["validate"], ["check", "--format", "text"], ["report"], ["claims"]):
        result = runner.invoke(cli, ["--store", str(empty), *command])
        assert result.exit_code == 2, (command, result.output)
        assert "no store files (*.yaml, *.yml, *.jsonl) in this folder" in result.stderr
        assert "0 findings" not in result.stdout
    # extract works without a store: an empty folder is said, not refused
    article = tmp_path / "a.txt"
    article.write_text("Strike\n\nFive people were killed, the army said.\n", "utf-8")
    result = runner.invoke(cli, ["--store", str(empty), "extract", str(article)])
    assert result.exit_code == 0, result.output
    assert "no store files" in result.stderr


def test_a_candidate_against_an_empty_store_folder_says_why_its_ids_are_unknown(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "claims"
    empty.mkdir()
    candidate = tmp_path / "new.yaml"
    candidate.write_text(
        "claims:\n  - {id: c1, subject: raid, property: deaths, value: 3}\n", encoding="utf-8"
    )
    to = str(empty / "x.yaml")
    for command in (["check", str(candidate)], ["add", str(candidate), "--to", to]):
        result = runner.invoke(cli, ["--store", str(empty), *command])
        assert result.exit_code == 2, result.output
        assert "no store files (*.yaml, *.yml, *.jsonl) in this folder" in result.stderr
        assert "unknown subject 'raid'" in result.stderr
    # A store with files says nothing of the kind.
    (empty / "base.yaml").write_text(BASE, encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(empty), "check", str(candidate)])
    assert "no store files" not in result.stderr


def test_a_report_of_a_store_with_no_claims_is_never_titled_by_its_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No claims, so no subject to name: the plain title, never "claims", "." or the
    folder's name."""
    root = tmp_path / "kidal-desk"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    monkeypatch.chdir(root)
    result = runner.invoke(cli, ["--store", ".", "report"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Discrepancy report\n")
    assert "kidal-desk" not in result.stdout.splitlines()[0]
    assert "0 claims from 0 documents of 0 outlets" in result.stdout


def test_an_empty_store_file_is_a_warning_on_stderr_not_an_error(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A file with only comments holds nothing: said once, where it is, like a
    compiler's warning; the store is still valid and the exit code unchanged."""
    root = make_store({"notes.yaml": "# to fill in tomorrow\n"})
    for args in (["validate"], ["check", "--format", "text"]):
        result = runner.invoke(cli, ["--store", str(root), *args])
        assert result.exit_code == 0, result.output
        warning = [line for line in result.stderr.splitlines() if "warning: empty file" in line]
        assert len(warning) == 1 and warning[0].endswith(
            "notes.yaml:1:1: warning: empty file: no records, only blank lines or comments"
        ), result.stderr
    quiet = runner.invoke(cli, ["--store", str(root), "validate", "-q"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr


def test_a_subject_without_sides_that_parties_speak_about_is_warned_of(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Who holds Anefis, with no `sides` on the town: FAMa and Wagner (one side) would
    count as two independent neutral origins. A warning says so, at the subject, and
    names the sides to list; a subject inheriting sides through `part_of` has none."""
    root = make_store(
        {
            "town.yaml": (
                "subjects:\n"
                "  - {id: anefis, label: Anefis}\n"
                "  - {id: anefis-fight, label: Fight at Anefis, part_of: battle}\n"
                "properties:\n"
                "  - {id: held_by, type: entity}\n"
                "claims:\n"
                "  - {id: a, subject: anefis, property: held_by, value: fama, source: rfi-doc,"
                " claimant: fama}\n"
                "  - {id: b, subject: anefis, property: held_by, value: fama, source: monde-doc,"
                " claimant: wagner}\n"
                "  - {id: c, subject: anefis-fight, property: held_by, value: fama,"
                " source: monde-doc, claimant: wagner}\n"
            )
        }
    )
    for args in (["validate"], ["check", "--format", "text"]):
        result = runner.invoke(cli, ["--store", str(root), *args])
        warnings = [line for line in result.stderr.splitlines() if "warning: subject" in line]
        assert len(warnings) == 1, result.stderr
        assert "town.yaml:2:10: warning: subject 'anefis' has no `sides`" in warnings[0]
        assert "fama (mali-government), wagner (mali-government)" in warnings[0]
        assert warnings[0].endswith("(`sides: [mali-government]`)"), warnings[0]


def test_a_fighting_party_with_no_side_is_warned_of(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """An analyst's trial: a rights group blames the River Brigade, which has no side,
    and the Brigade denies it — its denial of its own part an independent neutral voice,
    the rights group's finding doubtful, and no warning named the Brigade. A fighting
    party without a side is warned of, once for the store; a party that does not fight
    is not."""
    root = make_store(
        {
            "dam.yaml": (
                "parties:\n"
                "  - {id: river-brigade, name: River Brigade, kind: armed-group}\n"
                "  - {id: watch, name: Watch, kind: ngo}\n"
                "subjects:\n"
                "  - {id: dam, label: Dam strike, sides: [mali-government, rebels]}\n"
                "properties:\n"
                "  - {id: blamed, type: entity}\n"
                "claims:\n"
                "  - {id: a, subject: dam, property: blamed, value: river-brigade,"
                " source: rfi-doc, claimant: watch}\n"
                "  - {id: b, subject: dam, property: blamed, value: river-brigade,"
                " source: monde-doc, claimant: river-brigade, stance: denies}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    warnings = [line for line in result.stderr.splitlines() if "has no `side`" in line]
    assert len(warnings) == 1, result.stderr
    assert "dam.yaml:2:10: warning: armed-group 'river-brigade' has no `side`" in warnings[0], (
        warnings[0]
    )
    assert "watch" not in warnings[0], warnings[0]


def test_a_fighting_party_of_a_side_a_subject_leaves_out_is_warned_of(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A strike whose sides are the government and the rebels, blamed on the rebels by a
    militia of a third side: the militia counts as neutral there, its accusation an
    independent voice. A warning says so, once for the store (an analyst's trial: one
    more partisan accusation turned a commission's finding doubtful, silently); a
    party that does not fight (a rights group) is neutral anyway, and warned of nowhere."""
    root = make_store(
        {
            "raid.yaml": (
                "parties:\n"
                "  - {id: south-brigades, name: Southern Brigades, kind: armed-group,"
                " side: south}\n"
                "  - {id: watch, name: Watch, kind: ngo, side: observers}\n"
                "subjects:\n"
                "  - {id: raid, label: Raid, sides: [mali-government, rebels]}\n"
                "  - {id: raid-2, label: Second raid, sides: [mali-government, rebels]}\n"
                "properties:\n"
                "  - {id: blamed, type: entity}\n"
                "claims:\n"
                "  - {id: a, subject: raid, property: blamed, value: csp-psd, source: rfi-doc,"
                " claimant: south-brigades}\n"
                "  - {id: b, subject: raid-2, property: blamed, value: csp-psd,"
                " source: monde-doc, claimant: south-brigades}\n"
                "  - {id: c, subject: raid, property: blamed, value: fama, source: monde-doc,"
                " claimant: watch}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    warnings = [line for line in result.stderr.splitlines() if "warning: subject" in line]
    assert len(warnings) == 1, result.stderr
    assert (
        "raid.yaml:5:10: warning: subject 'raid' has sides mali-government, rebels" in (warnings[0])
    ), warnings[0]
    assert "south-brigades (south)" in warnings[0] and "watch" not in warnings[0]
    assert warnings[0].endswith("(south) (and 1 more subject like it: raid-2)"), warnings[0]
    # A mistyped subject in the militia's claim is the error it always was (a
    # reviewer's store: the warning's look-up of the subject raised a traceback).
    text = (root / "raid.yaml").read_text(encoding="utf-8")
    (root / "raid.yaml").write_text(text.replace("subject: raid-2,", "subject: raid-3,"))
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 2, result.output
    assert "unknown subject 'raid-3' (did you mean 'raid-2'?)" in result.stderr, result.stderr


def test_every_record_type_takes_a_note(runner: CliRunner, make_store: Callable[..., Path]) -> None:
    root = make_store(
        {
            "n.yaml": (
                "outlets:\n  - {id: o9, name: O9, kind: newspaper, note: n}\n"
                "documents:\n  - {id: d9, outlet: o9, note: n}\n"
                "parties:\n  - {id: p9, name: P9, kind: person, note: n}\n"
                "subjects:\n  - {id: s9, label: S9, note: n}\n"
                "properties:\n  - {id: q9, type: quantity, note: n}\n"
                "claims:\n  - {id: c9, subject: s9, property: q9, value: 1, source: d9, note: n}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 0, result.stderr


def test_claims_of_a_claimant_with_its_parts(runner: CliRunner, tmp_path: Path) -> None:
    """A new user's trial: `claims --claimant` of a ministry found none of its
    spokeswoman's claims (she is `part_of` it); `--with-parts` lists them too."""
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "more.yaml").write_text(
        "parties:\n  - {id: fama-spokesman, name: FAMa spokesman, kind: person, "
        "part_of: fama, side: mali-government}\n"
        "claims:\n"
        "  - {id: by-fama, subject: strike, property: deaths, value: 3, source: rfi-doc, "
        "claimant: fama}\n"
        "  - {id: by-spokesman, subject: strike, property: deaths, value: 3, "
        "source: f24-doc, claimant: fama-spokesman}\n",
        encoding="utf-8",
    )
    args = ["--store", str(root), "claims", "--claimant", "fama", "--format", "json"]
    alone = json.loads(runner.invoke(cli, args).stdout)["claims"]
    assert [c["id"] for c in alone] == ["by-fama"]
    parts = json.loads(runner.invoke(cli, [*args, "--with-parts"]).stdout)["claims"]
    assert sorted(c["id"] for c in parts) == ["by-fama", "by-spokesman"]
    result = runner.invoke(cli, ["--store", str(root), "claims", "--with-parts"])
    assert result.exit_code == 2 and "--with-parts goes with --claimant" in result.stderr


def test_validate_json_says_what_loaded_or_where_it_failed(
    runner: CliRunner, kidal_store: Store, make_store: Callable[..., Path]
) -> None:
    """DESIGN §5: every command that prints data takes --format; a new user's CI could
    not parse `validate`. Valid: the counts; invalid: each problem located, exit 2."""
    code, out, _ = invoke(runner, "validate", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["valid"] is True and data["counts"]["claims"] == len(kidal_store.claims)
    root = make_store(
        {"bad.yaml": "claims:\n  - {id: x, subject: nowhere, property: deaths, value: 3}\n"}
    )
    result = runner.invoke(cli, ["--store", str(root), "validate", "--format", "json"])
    assert result.exit_code == 2
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["line"], problem["col"]) == (2, 22), problem
    assert problem["message"] == "unknown subject 'nowhere'", problem
    assert problem["location"] in result.stderr  # (stderr says it as ever)


def test_add_without_to_writes_the_stores_file_of_the_candidates_name(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """DESIGN §5: `add CANDIDATE [--to FILE]`; the tool required --to (a new user's
    trial). Without it, the candidate goes to the store's file of its name, its opening
    comments with it; a candidate inside the store, or read from stdin, must name one."""
    root = make_store()
    candidate = tmp_path / "day2.yaml"
    candidate.write_text(
        "# Day 2: the agency's update\n\nclaims:\n"
        "  - {id: day2-deaths, subject: strike, property: deaths, value: 14, source: rfi-doc}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["--store", str(root), "add", str(candidate), "--force"])
    assert result.exit_code == 0, result.output
    written = (root / "day2.yaml").read_text(encoding="utf-8")
    assert written.startswith("# Day 2: the agency's update\n\nclaims:\n"), written
    assert "day2-deaths" in written
    inside = runner.invoke(cli, ["--store", str(root), "add", str(root / "day2.yaml")])
    assert inside.exit_code == 2 and "name the store file to append to with --to" in (
        inside.stderr
    ), inside.output
    piped = runner.invoke(cli, ["--store", str(root), "add", "-"], input=candidate.read_text())
    assert piped.exit_code == 2 and "--to" in piped.stderr, piped.output
    # (a reviewer: a hidden name, or a folder of that name in the store, was blamed on a
    # --to nobody gave)
    hidden = tmp_path / ".day3.yaml"
    hidden.write_text(candidate.read_text(encoding="utf-8"), encoding="utf-8")
    refused = runner.invoke(cli, ["--store", str(root), "add", str(hidden)])
    assert refused.exit_code == 2 and "is a hidden file's" in refused.stderr, refused.output
    (root / "day4.yaml").mkdir()
    folder = tmp_path / "day4.yaml"
    folder.write_text(candidate.read_text(encoding="utf-8"), encoding="utf-8")
    refused = runner.invoke(cli, ["--store", str(root), "add", str(folder)])
    assert refused.exit_code == 2 and "has a folder named day4.yaml" in refused.stderr, refused
