"""`check`, `add` and `rules` through the CLI: exit codes and what a user sees."""

from __future__ import annotations

import json
import multiprocessing
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

from support import BASE, KIDAL


def run(
    runner: CliRunner, root: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(root), *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "claims.yaml").write_text(
        textwrap.dedent("""\
        # yaml-language-server: $schema=claimcheck.schema.json
        # Claims about the strike. Keep this comment.
        claims:
          # RFI's first report
          - id: rfi-14
            subject: strike
            property: deaths
            value: 14  # as broadcast
            source: rfi-doc
          - {id: monde-14, subject: strike, property: deaths, value: 14, source: monde-doc}

        # trailing comment
        """),
        encoding="utf-8",
    )
    return root


def candidate(tmp_path: Path, text: str, name: str = "candidate.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


CONFLICTING = """\
    documents:
      - {id: new-doc, outlet: le-figaro, published: 2023-11-09}
    claims:
      - {id: figaro-3, subject: strike, property: deaths, value: 3, source: new-doc}
    """
AGREEING = """\
    outlets:
      - {id: aj, name: Al Jazeera, kind: broadcaster}
    documents:
      - {id: aj-doc, outlet: aj, published: 2023-11-08}
    claims:
      - {id: aj-14, subject: strike, property: deaths, value: "fourteen", source: aj-doc}
    """


# --- check --------------------------------------------------------------------------------


def test_check_kidal_flags_what_the_article_disputes(runner: CliRunner) -> None:
    code, out, _ = run(runner, KIDAL, "check", "--format", "json")
    assert code == 1
    data = json.loads(out)
    found = {(f["rule"], f["subject"], f["property"]): f for f in data["findings"]}
    strike = found[("CC101", "drone-strike-2023-11-07", "civilian_deaths")]
    assert {"strike-1107-deaths-rfi", "strike-1107-deaths-rfi-medical"} <= set(strike["claims"])
    alkit = found[("CC102", "alkit-valley-clashes-2023-11-11", "outcome")]
    assert set(alkit["claims"]) == {"alkit-1111-outcome-officials", "alkit-1111-outcome-rebels"}
    assert ("CC201", "l39-crash-2023-11-11", "cause") in found
    assert ("CC201", "southern-flanking-2023-11-13", "rebel_side_vehicles_destroyed") in found
    uncited = found[("CC204", "drone-strike-2023-11-07", "civilian_deaths")]
    assert uncited["claims"] == ["infobox-strike-civilian-deaths"]
    assert ("CC204", "battle-of-kidal-2023", "outcome") in found  # the infobox result
    flag = found[("CC301", "wagner-flag-replaced-2023-11-26", "date")]
    assert "rfi-2023-11-22-wagner-flag" in flag["message"] and "2023-11-26" in flag["message"]
    assert data["summary"]["claims"] == len(data["grades"])
    est = next(e for e in data["estimates"] if e["property"] == "civilian_deaths")
    assert (est["low"], est["high"]) == (10, 14)


def test_check_is_stable_between_runs(runner: CliRunner) -> None:
    first = json.loads(run(runner, KIDAL, "check", "--format", "json")[1])
    second = json.loads(run(runner, KIDAL, "check", "--format", "json")[1])
    assert [f["fingerprint"] for f in first["findings"]] == [
        f["fingerprint"] for f in second["findings"]
    ]


def test_text_lines_are_parsable(runner: CliRunner) -> None:
    _code, out, _ = run(runner, KIDAL, "check", "--format", "text")
    lines = out.strip().splitlines()
    pattern = re.compile(
        r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): \[(error|warning|info)\] CC\d{3} .+$"
    )
    assert all(pattern.match(line) for line in lines[:-1]), lines[:3]
    first = pattern.match(lines[0])
    assert first is not None
    path = Path(first["path"])
    text = path.read_text(encoding="utf-8").splitlines()[int(first["line"]) - 1]
    assert "id:" in text  # points at the claim's node
    assert lines[-1].startswith(f"{len(lines) - 1} findings")


def test_default_format_off_a_terminal_is_text(runner: CliRunner) -> None:
    _, out, _ = run(runner, KIDAL, "check")
    assert re.match(r"^\S+:\d+:\d+: \[", out)


def test_github_annotations(runner: CliRunner) -> None:
    _, out, _ = run(runner, KIDAL, "check", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert re.search(
        r"^::error file=\S+,line=\d+,col=\d+,title=CC101 quantity-conflict::", out, re.M
    )
    assert re.search(r"^::notice file=", out, re.M)  # info findings


def test_github_annotations_escape_the_file_and_cover_stale_reviews(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "a,b:c.yaml": (
                "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
                "  - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
                "reviews:\n  - {finding: 0123456789abcdef, verdict: explained}\n"
            )
        }
    )
    _, out, _ = run(runner, root, "check", "--format", "github")
    lines = out.splitlines()
    assert any(
        # at the claim the message names first: the lower figure, 3, on line 3
        re.match(r"^::error file=\S*a%2Cb%3Ac\.yaml,line=3,col=5,title=CC101 ", x)
        for x in lines
    ), out
    assert any(
        re.match(r"^::warning file=\S*a%2Cb%3Ac\.yaml,line=5,col=5::stale review: ", x)
        for x in lines
    ), out


def test_text_keeps_one_line_per_finding_when_a_value_has_a_line_break(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": (
                "properties:\n"
                '  - {id: mood, type: category, values: ["calm", "line\\nbreak"]}\n'
                "claims:\n"
                "  - {id: a, subject: battle, property: mood, value: calm, source: rfi-doc}\n"
                '  - {id: b, subject: battle, property: mood, value: "line\\nbreak", source: monde-doc}\n'
            )
        }
    )
    code, out, err = run(runner, root, "check", "--format", "text")
    assert code == 1, err
    lines = out.splitlines()
    assert any("CC102" in x and "line\\nbreak" in x for x in lines), out
    assert all(re.match(r"^\S+:\d+:\d+: \[", x) for x in lines[:-1]), out


def test_markdown_and_table(runner: CliRunner) -> None:
    _, md, _ = run(runner, KIDAL, "check", "--format", "markdown")
    assert md.startswith("## claimcheck:") and "| CC101 " in md
    _, tab, _ = run(runner, KIDAL, "check", "--format", "table")
    assert "quantity-conflict" not in tab.splitlines()[0] and "CC101" in tab


def test_fail_on_levels(runner: CliRunner, store: Path) -> None:
    # Two independent outlets agree: nothing to report at any level.
    assert run(runner, store, "check", "--fail-on", "info", "--format", "text")[0] == 0
    (store / "more.yaml").write_text(
        "claims:\n  - {id: lone, subject: strike, property: commander, value: fama, source: monde-doc}\n"
    )
    assert run(runner, store, "check", "--format", "text")[0] == 0  # a warning (CC201)
    assert run(runner, store, "check", "--fail-on", "warning", "--format", "text")[0] == 1
    (store / "more.yaml").write_text(
        "claims:\n  - {id: lone, subject: strike, property: deaths, value: 3, source: figaro-doc}\n"
    )
    assert run(runner, store, "check", "--format", "text")[0] == 1  # an error (CC101)
    code, out, _ = run(runner, store, "check", "--fail-on", "none", "--format", "text")
    assert code == 0
    assert out.splitlines()[-1].endswith("; --fail-on none: nothing fails the check"), out


def test_select_from_the_command_line(runner: CliRunner) -> None:
    _, out, _ = run(runner, KIDAL, "check", "--select", "CC301", "--format", "text")
    assert {line.split()[2] for line in out.strip().splitlines()[:-1]} == {"CC301"}
    code, _, err = run(runner, KIDAL, "check", "--select", "CC999")
    assert code == 2 and "matches no rule" in err


@pytest.mark.parametrize(
    ("option", "typed", "meant"),
    [("--select", "quantity-conflit", "quantity-conflict"), ("--ignore", "CC1O1", "CC101")],
)
def test_a_mistyped_rule_is_told_the_nearest_rule(
    runner: CliRunner, option: str, typed: str, meant: str
) -> None:
    """`--select quantity-conflit` said only that it matches no rule (a new user's trial)."""
    code, _, err = run(runner, KIDAL, "check", option, typed)
    assert code == 2
    assert f"{option}: {typed!r} matches no rule (did you mean {meant!r}?)" in err


def test_candidate_check_shows_only_its_findings_and_writes_nothing(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    def snapshot() -> dict[Path, bytes]:  # the store's files; its cache may be refreshed
        return {
            p: p.read_bytes()
            for p in store.rglob("*")
            if p.is_file() and ".claimcheck-cache" not in p.parts
        }

    before = snapshot()
    code, out, _ = run(
        runner, store, "check", str(candidate(tmp_path, CONFLICTING)), "--format", "json"
    )
    assert code == 1
    data = json.loads(out)
    assert [f["rule"] for f in data["findings"]] == ["CC101"]
    assert data["findings"][0]["location"].endswith("candidate.yaml:4:5")
    assert data["candidate"]["claims"] == ["figaro-3"]
    assert snapshot() == before


def test_candidate_reports_what_it_corroborates(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    (store / "claims.yaml").write_text(
        "claims:\n  - {id: rfi-14, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    )
    code, out, _ = run(
        runner, store, "check", str(candidate(tmp_path, AGREEING)), "--format", "json"
    )
    assert code == 0
    data = json.loads(out)["candidate"]
    assert data["corroborates"] == [
        {
            "claim": "rfi-14",
            "before": 3,
            "after": 1,
            "by": ["aj-14"],
            "reason": "confirmed by 2 independent origins (2 neutral)",
        }
    ]
    _, table, _ = run(runner, store, "check", str(tmp_path / "candidate.yaml"), "--format", "table")
    assert "corroborates rfi-14: grade 3 → 1" in table


def test_candidate_reports_the_grades_it_lowers(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """Le Monde's 10 against RFI's 14, of the strike's day; a candidate of 14 from Al
    Jazeera the same day: it raises RFI's grade and lowers Le Monde's — both said before
    anything is added."""
    (store / "claims.yaml").write_text(
        "claims:\n"
        "  - {id: rfi-14, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
        "  - {id: monde-10, subject: strike, property: deaths, value: 10, source: monde-doc,"
        " as_of: 2023-11-07}\n"
    )
    same_day = AGREEING.replace("published: 2023-11-08", "published: 2023-11-07")
    code, out, _ = run(
        runner, store, "check", str(candidate(tmp_path, same_day)), "--format", "json"
    )
    assert code == 0  # (the dispute is the store's already)
    data = json.loads(out)["candidate"]
    assert [(c["claim"], c["before"], c["after"]) for c in data["weakens"]] == [("monde-10", 4, 5)]
    assert data["weakens"][0]["by"] == ["aj-14"]
    _, table, _ = run(runner, store, "check", str(tmp_path / "candidate.yaml"), "--format", "table")
    assert "weakens monde-10: grade 4 → 5" in table


def test_a_candidate_revising_its_origins_figure_weakens_nothing(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """The medical sources' 10 of the 7th, then their 14 of the 8th as a candidate: their
    own toll revised (CC105), not a claim weakened; and a candidate that does not
    contradict a lowered claim is not named as lowering it."""
    (store / "claims.yaml").write_text(
        "claims:\n"
        "  - {id: medics-10, subject: strike, property: deaths, value: 10, source: rfi-doc,"
        " claimant: medical-sources, as_of: 2023-11-07}\n"
        "  - {id: fama-2, subject: strike, property: deaths, value: 2, source: rfi-doc,"
        " claimant: fama, as_of: 2023-11-07}\n"
    )
    revision = (
        "documents:\n  - {id: monde-0508, outlet: le-monde, published: 2023-11-08}\n"
        "claims:\n  - {id: medics-14, subject: strike, property: deaths, value: 14,"
        " source: monde-0508, claimant: medical-sources}\n"
    )
    _, out, _ = run(runner, store, "check", str(candidate(tmp_path, revision)), "--format", "json")
    assert "medics-10" not in {w["claim"] for w in json.loads(out)["candidate"]["weakens"]}
    (store / "claims.yaml").write_text(
        "claims:\n"
        "  - {id: rfi-10, subject: strike, property: deaths, value: 10, source: rfi-doc}\n"
        "  - {id: fama-2, subject: strike, property: deaths, value: 2, source: rfi-doc,"
        " claimant: fama}\n"
    )
    two = (
        "documents:\n  - {id: monde-0507, outlet: le-monde, published: 2023-11-07}\n"
        "  - {id: figaro-0507, outlet: le-figaro, published: 2023-11-07}\n"
        "claims:\n"
        "  - {id: monde-10, subject: strike, property: deaths, value: 10, source: monde-0507}\n"
        "  - {id: figaro-range, subject: strike, property: deaths, value: 2-10,"
        " source: figaro-0507}\n"
    )
    _, out, _ = run(runner, store, "check", str(candidate(tmp_path, two)), "--format", "json")
    weakens = {w["claim"]: w["by"] for w in json.loads(out)["candidate"]["weakens"]}
    assert weakens.get("fama-2") == ["monde-10"], weakens


def test_candidate_duplicates(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    dup = candidate(
        tmp_path,
        "claims:\n  - {id: again, subject: strike, property: deaths, value: 14, source: rfi-doc}\n",
    )
    _, out, _ = run(runner, store, "check", str(dup), "--format", "json")
    data = json.loads(out)
    assert data["candidate"]["duplicates"][0]["existing"] == "rfi-14"
    assert any(f["rule"] == "CC303" and "again" in f["claims"] for f in data["findings"])


def test_candidate_duplicates_are_those_cc303_flags(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """The candidate's list of duplicates and rule CC303 say the same: a value written
    another way is the same value; another claimant of the same document is not."""
    dup = candidate(
        tmp_path,
        "claims:\n"
        '  - {id: written-as-text, subject: strike, property: deaths, value: "14", source: rfi-doc}\n'
        "  - {id: other-speaker, subject: strike, property: deaths, value: 14, source: rfi-doc,"
        " claimant: medical-sources}\n",
    )
    _, out, _ = run(runner, store, "check", str(dup), "--format", "json")
    data = json.loads(out)
    listed = {d["candidate"] for d in data["candidate"]["duplicates"]}
    flagged = {c for f in data["findings"] if f["rule"] == "CC303" for c in f["claims"]}
    assert listed == {"written-as-text"}
    assert listed == flagged - {"rfi-14"}


def test_candidate_with_an_id_already_in_the_store(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    clash = candidate(
        tmp_path,
        "claims:\n  - {id: rfi-14, subject: strike, property: deaths, value: 3, source: rfi-doc}\n",
    )
    code, _, err = run(runner, store, "check", str(clash))
    assert code == 2 and "duplicate id 'rfi-14'" in err and "Traceback" not in err


def test_missing_candidate_file(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    code, _, err = run(runner, store, "check", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such candidate file" in err


# --- add ----------------------------------------------------------------------------------


def test_add_appends_and_keeps_comments(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    target = store / "claims.yaml"
    old = target.read_text(encoding="utf-8")
    code, _, err = run(
        runner, store, "add", str(candidate(tmp_path, AGREEING)), "--to", str(target)
    )
    assert code == 0, err
    new = target.read_text(encoding="utf-8")
    assert "added 1 claim, 1 outlet and 1 document to " in err
    # every original line is still there, in order
    lines = iter(new.splitlines())
    assert all(any(line == n for n in lines) for line in old.splitlines())
    assert "Keep this comment." in new and "# as broadcast" in new and "# trailing comment" in new
    assert new.index("aj-14") > new.index("monde-14") and new.index("aj-14") < new.index(
        "# trailing"
    )
    assert "outlets:" in new and "documents:" in new
    assert run(runner, store, "validate")[0] == 0


def test_add_refuses_new_errors_and_leaves_the_file_byte_identical(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    target = store / "claims.yaml"
    before = target.read_bytes()
    code, out, err = run(
        runner,
        store,
        "add",
        str(candidate(tmp_path, CONFLICTING)),
        "--to",
        str(target),
        "--format",
        "text",
    )
    assert code == 1
    assert "not added: 1 new finding" in err and "CC101" in out
    assert target.read_bytes() == before
    code, _, err = run(
        runner, store, "add", str(tmp_path / "candidate.yaml"), "--to", str(target), "--force"
    )
    assert code == 0 and "(forced)" in err
    assert "figaro-3" in target.read_text(encoding="utf-8")


def test_add_creates_a_missing_file(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    target = store / "new" / "aj.yaml"
    code, _, err = run(
        runner, store, "add", str(candidate(tmp_path, AGREEING)), "--to", str(target)
    )
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("outlets:")
    assert run(runner, store, "validate")[0] == 0


def test_add_writes_out_what_the_candidate_aliased(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    # An anchor in one section, its alias in another, and a merge key: each section is
    # appended on its own, so the records must not lean on anchors (they once made the
    # target unreadable, and add refused).
    aliased = """\
        outlets:
          - {id: aj, name: Al Jazeera, kind: broadcaster}
        documents:
          - id: aj-doc  # the report
            outlet: &outlet aj
            published: 2023-11-08
        claims:
          - &base
            id: aj-14
            subject: strike
            property: deaths
            value: 14
            source: aj-doc
            claimant: *outlet
          - <<: *base
            id: aj-14-again  # the same, an hour later
            locator: update
        """
    target = store / "claims.yaml"
    code, _, err = run(runner, store, "add", str(candidate(tmp_path, aliased)), "--to", str(target))
    assert code == 0, err
    new = target.read_text(encoding="utf-8")
    assert not re.search(r"[&*]outlet|[&*]base|<<", new)
    assert "# the report" in new and "# the same, an hour later" in new
    code, out, _ = run(runner, store, "claims", "--subject", "strike", "--format", "json")
    rows = {c["id"]: c for c in json.loads(out)["claims"]}
    assert rows["aj-14"]["claimant"] == "aj" and rows["aj-14"]["source"] == "aj-doc"
    again = rows["aj-14-again"]
    assert (again["value"], again["claimant"], again["locator"]) == (14, "aj", "update")


def test_add_drops_anchors_on_keys_and_keeps_merged_records_in_place(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    target = store / "claims.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# &k is the target's own\n")
    text = """\
        claims:
          - &a
            id: aj-1
            subject: strike
            property: deaths
            value: 14
            source: rfi-doc
            &k note: first
          - <<: *a
            id: aj-2
            *k : second
          # --- the next one is about the strike's date ---
          - {id: aj-3, subject: strike, property: deaths, value: 14, source: monde-doc}  # flow
        """
    code, _, err = run(runner, store, "add", str(candidate(tmp_path, text)), "--to", str(target))
    assert code == 0, err
    new = target.read_text(encoding="utf-8")
    assert not re.search(r"&k note|\*k|&a|<<", new)
    # The merged record's keys sit where "<<" was; the comment after it stays before aj-3.
    assert new.index("id: aj-2") < new.index("# --- the next one") < new.index("id: aj-3")
    assert "# flow" in new
    _, out, _ = run(runner, store, "claims", "--subject", "strike", "--format", "json")
    notes = {c["id"]: c["note"] for c in json.loads(out)["claims"]}
    assert (notes["aj-1"], notes["aj-2"]) == ("first", "second")


def test_add_refuses_a_candidate_whose_aliases_would_swell_the_target(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    long = "a long note " * 20_000
    records = [
        f"  - {{id: n-0, subject: strike, property: deaths, value: 14, source: rfi-doc, "
        f'note: &n "{long}"}}'
    ]
    records += [
        f"  - {{id: n-{i}, subject: strike, property: deaths, value: 14, source: rfi-doc, "
        "note: *n}"
        for i in range(1, 40)
    ]
    cand = candidate(tmp_path, "claims:\n" + "\n".join(records) + "\n")
    target = store / "claims.yaml"
    before = target.read_bytes()
    code, _, err = run(runner, store, "add", str(cand), "--to", str(target), "--force")
    assert code == 2
    assert f"{cand.name}: its aliases written out in full" in err and "10 times" in err
    assert target.read_bytes() == before


def test_add_of_a_crlf_candidate_to_an_lf_file_writes_no_carriage_return(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(
        b"claims:\r\n  # from the wire\r\n  - {id: w-1, subject: strike, property: deaths,"
        b" value: 14, source: monde-doc}  # as filed\r\n"
    )
    target = store / "claims.yaml"
    code, _, err = run(runner, store, "add", str(path), "--to", str(target))
    assert code == 0, err
    new = target.read_bytes()
    assert b"\r" not in new and b"# from the wire" in new and b"# as filed" in new


def test_add_to_outside_the_store_is_refused(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    cand = candidate(tmp_path, AGREEING)
    code, _, err = run(runner, store, "add", str(cand), "--to", str(tmp_path / "elsewhere.yaml"))
    assert code == 2 and f"--to must be a file inside the store ({store}), such as" in err, err
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims: []\n")
    (store / "link.yaml").symlink_to(outside)
    code, _, err = run(runner, store, "add", str(cand), "--to", str(store / "link.yaml"))
    assert code == 2 and "inside the store" in err
    assert outside.read_text() == "claims: []\n"


def _add_one(args: tuple[str, str, str]) -> int:
    root, cand, target = args
    result = CliRunner().invoke(
        cli, ["--store", root, "add", cand, "--to", target, "--format", "text"]
    )
    return result.exit_code


def test_eight_concurrent_writers_all_land(store: Path, tmp_path: Path) -> None:
    target = store / "claims.yaml"
    jobs = []
    for i in range(8):
        path = candidate(
            tmp_path,
            f"claims:\n  - {{id: w{i}, subject: strike, property: deaths, value: 14, source: monde-doc, claimant: c{i}}}\n"
            f"parties:\n  - {{id: c{i}, name: Writer {i}, kind: journalist}}\n",
            f"c{i}.yaml",
        )
        jobs.append((str(store), str(path), str(target)))
    with multiprocessing.get_context("fork").Pool(8) as pool:
        codes = pool.map(_add_one, jobs)
    assert codes == [0] * 8
    text = target.read_text(encoding="utf-8")
    assert all(f"id: w{i}" in text for i in range(8))
    assert "Keep this comment." in text
    assert CliRunner().invoke(cli, ["--store", str(store), "validate"]).exit_code == 0


# --- rules --------------------------------------------------------------------------------


def test_rules_lists_sixteen(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "--format", "json"])
    codes = [r["code"] for r in json.loads(result.output)["rules"]]
    assert len(codes) == 16 and codes[0] == "CC101" and codes[-1] == "CC303"


def test_rules_explains_one(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "quantity-conflict"])
    assert result.exit_code == 0
    assert result.output.startswith("CC101 quantity-conflict (default severity: error)")
    assert "default-tolerance" in result.output and "fails:" in result.output
    bad = runner.invoke(cli, ["rules", "CC999"])
    assert bad.exit_code == 2 and "no rule 'CC999'" in bad.stderr


def test_copy_of_kidal_store_checks_the_same(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "claims"
    shutil.copytree(KIDAL, copy)
    a = json.loads(run(runner, KIDAL, "check", "--format", "json")[1])
    b = json.loads(run(runner, copy, "check", "--format", "json")[1])
    assert [f["fingerprint"] for f in a["findings"]] == [f["fingerprint"] for f in b["findings"]]


def test_add_accepts_a_claim_that_only_joins_a_conflict_already_in_the_store(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    # The store already has an (unreviewed) conflict: RFI and Le Monde say 14, a third says 3.
    (store / "more.yaml").write_text(
        "claims:\n  - {id: figaro-3, subject: strike, property: deaths, value: 3, "
        "source: figaro-doc}\n",
        encoding="utf-8",
    )
    assert run(runner, store, "check", "--format", "text")[0] == 1
    # RFI repeats its own figure: the conflict is the one already there, with its fingerprint.
    repeat = candidate(
        tmp_path,
        """\
        claims:
          - {id: rfi-14-again, subject: strike, property: deaths, value: fourteen, source: rfi-doc}
        """,
    )
    code, out, _ = run(runner, store, "check", str(repeat), "--format", "text")
    assert "CC101" in out and "(already in the store)" in out
    assert "(1 already in the store)" in out.splitlines()[-1]
    code, out, err = run(
        runner, store, "add", str(repeat), "--to", str(store / "more.yaml"), "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    conflict = next(f for f in data["findings"] if f["rule"] == "CC101")
    assert conflict["fingerprint"] in data["candidate"]["existing_findings"]
    # A new figure from a new origin is a new finding: refused. (Not France 24's own 30:
    # it shares RFI's owner, one origin revising its 14 — the same dispute.)
    new_value = candidate(
        tmp_path,
        """\
        claims:
          - {id: medics-30, subject: strike, property: deaths, value: 30, source: f24-doc,
             claimant: medical-sources}
        """,
        name="new.yaml",
    )
    code, _, err = run(runner, store, "add", str(new_value), "--to", str(store / "more.yaml"))
    assert code == 1 and "not added: 1 new finding" in err


def test_text_output_of_a_candidate_check_says_what_it_corroborates(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    (store / "more.yaml").write_text(
        "claims:\n  - {id: rfi-date, subject: strike, property: date, value: 2023-11-07, "
        "source: rfi-doc}\n",
        encoding="utf-8",
    )
    agreeing = candidate(
        tmp_path,
        """\
        claims:
          - {id: monde-date, subject: strike, property: date, value: 2023-11-07, source: monde-doc}
        """,
    )
    code, out, _ = run(runner, store, "check", str(agreeing), "--format", "text")
    assert code == 0
    lines = [line for line in out.splitlines() if "corroborates" in line]
    assert lines, out
    for line in lines:
        assert re.match(r"^\S+candidate\.yaml:2:5: \[info\] corroborates rfi-date: ", line), out


def test_add_fills_an_empty_section_written_as_a_template(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    target = store / "new.yaml"
    target.write_text("# starter\nclaims: [ ]  # fill me\n", encoding="utf-8")
    code, _, err = run(
        runner, store, "add", str(candidate(tmp_path, AGREEING)), "--to", str(target)
    )
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# starter\n") and "claims:  # fill me\n  - " in text
    assert run(runner, store, "validate")[0] == 0


def test_add_to_a_section_written_inline_names_its_place(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    target = store / "new.yaml"
    target.write_text(
        "# starter\nclaims: [{id: x1, subject: strike, property: deaths, value: 14, "
        "source: rfi-doc}]\n",
        encoding="utf-8",
    )
    before = target.read_bytes()
    code, _, err = run(
        runner, store, "add", str(candidate(tmp_path, AGREEING)), "--to", str(target), "--force"
    )
    assert code == 2
    assert re.search(r"new\.yaml:2:9: section 'claims' is written inline", err), err
    assert target.read_bytes() == before


def test_add_keeps_a_comment_inside_the_last_record_in_it(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    target = store / "claims.yaml"
    text = target.read_text(encoding="utf-8").replace(
        "source: monde-doc}\n",
        "source: monde-doc}\n  - id: monde-15\n    subject: strike\n    property: deaths\n"
        "    value: 14\n    source: monde-doc\n    # checked against the print edition\n"
        "  # more to come\n",
    )
    target.write_text(text, encoding="utf-8")
    code, _, err = run(
        runner, store, "add", str(candidate(tmp_path, AGREEING)), "--to", str(target)
    )
    assert code == 0, err
    new = target.read_text(encoding="utf-8")
    record = new.index("  - id: monde-15")
    assert new.index("    # checked against the print edition") < new.index("aj-14")
    assert record < new.index("    # checked against the print edition")
    # a comment at the dashes' level is the section's: the new record goes before it
    assert new.index("aj-14") < new.index("  # more to come")


def test_a_reviewed_finding_says_which_claims_came_since(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    # The desk reviewed the 14-against-3 dispute as it stood; a third outlet then gave
    # 14 too: the same disagreement, still reviewed, and the text and the report say so.
    claims = (
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
        "  - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
    )
    root = make_store({"c.yaml": claims})
    _, out, _ = run(runner, root, "check", "--format", "json")
    (conflict,) = [f for f in json.loads(out)["findings"] if f["rule"] == "CC101"]
    (root / "r.yaml").write_text(
        f"reviews:\n  - {{finding: {conflict['fingerprint']}, verdict: explained, claims: [a, b]}}\n"
        "claims:\n  - {id: c, subject: strike, property: deaths, value: 14, source: figaro-doc,"
        " as_of: 2023-11-07}\n",
        encoding="utf-8",
    )
    code, out, _ = run(runner, root, "check", "--format", "text")
    assert code == 0
    assert "(reviewed: explained; 1 claim added since: c)" in out
    _, md, _ = run(runner, root, "report", "--format", "markdown")
    assert "1 claim added since: c" in md


def test_a_value_allowing_no_figure_is_refused_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "world.yaml").write_text(
        "outlets:\n  - {id: o0, name: Tobrin Observer, kind: newspaper}\n"
        "subjects:\n  - {id: raid, label: Raid}\n"
        "properties:\n  - {id: wounded, type: quantity}\n"
        "documents:\n  - {id: d0, outlet: o0}\n"
        "claims:\n  - {id: c00, subject: raid, property: wounded, value: '<0', source: d0}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--store", str(tmp_path), "--no-cache", "check"])
    assert result.exit_code == 2
    assert "world.yaml:10:" in result.output and "'<0' allows no figure" in result.output
    assert "Traceback" not in result.output


def test_github_annotations_carry_bad_input_too(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A CI trial: a candidate's typo'd subject id gave no annotation (`--format github`
    printed nothing; the error was on stderr only), so the pull request showed no line.
    Bad input is an `::error` at its place too, and the exit stays 2."""
    root = make_store({})
    candidate = root.parent / "candidate.yaml"
    candidate.write_text(
        "claims:\n  - {id: x, subject: strik, property: deaths, value: 3, source: rfi-doc}\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, root, "check", str(candidate), "--format", "github")
    assert code == 2, (out, err)
    assert re.match(
        r"^::error file=\S*candidate\.yaml,line=2,col=\d+::unknown subject 'strik'", out
    ), out
    assert "unknown subject 'strik'" in err, err
