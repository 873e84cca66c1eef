"""A candidate checked against a store that already holds a dispute (DESIGN §5 `check
CANDIDATE`, `add`): what only continues the dispute passes as "already in the store";
what widens it is news, even from a speaker already in it.

The event is invented, shaped like real reporting: an army communiqué of 12 dead relayed
by three outlets, the rebels' 30, and a newspaper's own 15, all of the same day — a
dispute the store already records (CC101). An outcome disputed the same way (CC102).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

STORE = textwrap.dedent("""\
    outlets:
      - {id: daily-a, name: Daily A, kind: newspaper}
      - {id: radio-b, name: Radio B, kind: broadcaster}
      - {id: wire-c, name: Wire C, kind: news-agency}
      - {id: paper-d, name: Paper D, kind: newspaper}
      - {id: monitor-e, name: Monitor E, kind: newspaper}
    documents:
      - {id: a-0510, outlet: daily-a, published: 2032-05-10}
      - {id: b-0510, outlet: radio-b, published: 2032-05-10}
      - {id: c-0510, outlet: wire-c, published: 2032-05-10}
      - {id: c-0511, outlet: wire-c, published: 2032-05-11}
      - {id: d-0510, outlet: paper-d, published: 2032-05-10}
      - {id: d-0510-late, outlet: paper-d, published: 2032-05-10}
      - {id: d-0511, outlet: paper-d, published: 2032-05-11}
      - {id: e-0510, outlet: monitor-e, published: 2032-05-10}
    parties:
      - {id: army, name: Army of Ostria, kind: army, side: ostria}
      - {id: rebels, name: Northern Front, kind: armed-group, side: front}
      - {id: rights-watch, name: Rights Watch, kind: ngo}
    subjects:
      - {id: raid, label: Raid on Velka, date: 2032-05-09, sides: [ostria, front]}
    properties:
      - {id: deaths, type: quantity, cumulative: true}
      - {id: outcome, type: category, values: [repelled, captured, withdrew]}
    claims:
      - {id: army-a, subject: raid, property: deaths, value: 12, source: a-0510, claimant: army}
      - {id: army-b, subject: raid, property: deaths, value: 12, source: b-0510, claimant: army}
      - {id: army-c, subject: raid, property: deaths, value: 12, source: c-0510, claimant: army}
      - {id: rebels-d, subject: raid, property: deaths, value: 30, source: d-0510, claimant: rebels}
      - {id: paper-d-15, subject: raid, property: deaths, value: 15, source: d-0510}
      - {id: army-out, subject: raid, property: outcome, value: repelled, source: a-0510, claimant: army}
      - {id: rebels-out, subject: raid, property: outcome, value: captured, source: d-0510, claimant: rebels}
    """)


@pytest.fixture
def store(make_store: Callable[..., Path]) -> Path:
    return make_store({"raid.yaml": STORE}, base=False)


def check_candidate(
    runner: CliRunner, store: Path, tmp_path: Path, *rows: str
) -> tuple[int, dict[str, Any], str]:
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text("claims:\n" + "".join(f"  - {r}\n" for r in rows), encoding="utf-8")
    result = runner.invoke(
        cli, ["--store", str(store), "check", str(candidate), "--format", "json"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def new_findings(data: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    existing = set(data["candidate"]["existing_findings"])
    return [f for f in data["findings"] if f["rule"] == rule and f["fingerprint"] not in existing]


def old_findings(data: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    existing = set(data["candidate"]["existing_findings"])
    return [f for f in data["findings"] if f["rule"] == rule and f["fingerprint"] in existing]


def paper_d_also_says(figure: str) -> str:
    """Paper D, which said 15, giving another figure the same day."""
    return (
        f"{{id: paper-d-new, subject: raid, property: deaths, value: {figure}, "
        "source: d-0510-late}"
    )


def candidate_output(runner: CliRunner, store: Path, tmp_path: Path, fmt: str) -> str:
    """``check`` of the candidate last written, in ``fmt``."""
    candidate = str(tmp_path / "candidate.yaml")
    return runner.invoke(cli, ["--store", str(store), "check", candidate, "--format", fmt]).stdout


def add_candidate(runner: CliRunner, store: Path, tmp_path: Path, to: Path) -> Any:
    """``add`` of the candidate last written to ``to``."""
    candidate = str(tmp_path / "candidate.yaml")
    return runner.invoke(cli, ["--store", str(store), "add", candidate, "--to", str(to)])


def assert_news(
    runner: CliRunner, store: Path, tmp_path: Path, row: str, rule: str, news: bool
) -> dict[str, Any]:
    """Check ``row`` as a candidate: a new ``rule`` finding and exit 1 exactly when it is
    ``news``, nothing new and exit 0 otherwise."""
    code, data, err = check_candidate(runner, store, tmp_path, row)
    assert bool(new_findings(data, rule)) is news, data["findings"]
    assert code == (1 if news else 0), err
    return data


def test_the_store_holds_the_dispute(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(cli, ["--store", str(store), "check", "--format", "json"])
    data = json.loads(result.stdout)
    (toll,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert {"army-a", "rebels-d", "paper-d-15"} <= set(toll["claims"])
    assert [f for f in data["findings"] if f["rule"] == "CC102"]


@pytest.mark.parametrize("figure", ["3", "'<1'", "45"])
def test_a_speaker_in_the_dispute_giving_a_figure_beyond_it_widens_it(
    runner: CliRunner, store: Path, tmp_path: Path, figure: str
) -> None:
    """Paper D, which said 15, now also says 3 (or fewer than one, or 45) the same day:
    its 15 still stands, and the dispute reaches a figure no one had given. That is
    news to the desk: `check` fails on it and `add` refuses."""
    code, data, err = check_candidate(runner, store, tmp_path, paper_d_also_says(figure))
    (conflict,) = new_findings(data, "CC101")
    assert "paper-d-new" in conflict["claims"], conflict
    assert code == 1, err
    added = add_candidate(runner, store, tmp_path, store / "raid.yaml")
    assert added.exit_code == 1 and "not added" in added.stderr, added.stderr
    assert "paper-d-new" not in (store / "raid.yaml").read_text(encoding="utf-8")


def test_a_speaker_in_the_dispute_giving_a_figure_within_it_continues_it(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """Paper D also says 20, between the army's 12 and the rebels' 30: the figures in
    dispute already span it — the same dispute, `check` passes."""
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: paper-d-20, subject: raid, property: deaths, value: 20, source: d-0510-late}",
    )
    assert not new_findings(data, "CC101"), data["findings"]
    (conflict,) = old_findings(data, "CC101")
    assert "paper-d-20" in conflict["claims"]
    assert code == 0, err


def test_a_speaker_revising_its_figure_where_it_stood_continues_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """The next day Paper D raises its toll to 25: its 15 is revised out of the dispute
    and 25 takes its place, still between the army's 12 and the rebels' 30 — the same
    speakers in the same dispute. (The revision itself is news, a finding of its own.)"""
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: paper-d-25, subject: raid, property: deaths, value: 25, source: d-0511, "
        "as_of: 2032-05-11}",
    )
    (conflict,) = old_findings(data, "CC101")
    assert "paper-d-25" in conflict["claims"] and "paper-d-15" not in conflict["claims"]
    assert not new_findings(data, "CC101")
    assert new_findings(data, "CC105"), data["findings"]
    assert code == 0, err


@pytest.mark.parametrize(
    ("row", "news"),
    [
        # Paper D's 15 raised to 40, past the rebels' 30.
        ("{id: r, subject: raid, property: deaths, value: 40, source: d-0511}", True),
        # The army's 12 raised to 500, past everyone's: the army now says the most.
        (
            "{id: r, subject: raid, property: deaths, value: 500, source: c-0511, claimant: army}",
            True,
        ),
        # The rebels' 30 raised to 45: still the highest figure, the same dispute.
        (
            "{id: r, subject: raid, property: deaths, value: 45, source: c-0511, claimant: rebels}",
            False,
        ),
    ],
)
def test_a_revision_past_another_speakers_figure_changes_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path, row: str, news: bool
) -> None:
    """A revision that changes who says more than whom is another dispute: news to the
    desk, which `add` refuses until reviewed."""
    data = assert_news(runner, store, tmp_path, row, "CC101", news)
    assert new_findings(data, "CC105"), data["findings"]  # the revision, either way


def test_a_relay_of_the_communique_continues_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: army-e, subject: raid, property: deaths, value: 12, source: e-0510, claimant: army}",
    )
    assert old_findings(data, "CC101") and not new_findings(data, "CC101"), data["findings"]
    assert code == 0, err
    # ...and, adding no independent origin, it closes no corroboration gap.
    assert data["candidate"]["resolves"] == []


def test_a_new_speaker_within_the_dispute_is_news(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """Rights Watch counts 20: within the span, but a new voice in the dispute."""
    code, data, _ = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: watch-20, subject: raid, property: deaths, value: 20, source: e-0510, "
        "claimant: rights-watch}",
    )
    assert new_findings(data, "CC101"), data["findings"]
    assert code == 1


def test_a_side_naming_an_outcome_no_one_gave_widens_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """The rebels, who said they captured the town, also say the army withdrew — an
    outcome beside theirs that no one had given — while repeating "captured" does not."""
    code, data, _ = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: rebels-withdrew, subject: raid, property: outcome, value: withdrew, "
        "source: d-0510-late, claimant: rebels}",
    )
    assert new_findings(data, "CC102"), data["findings"]
    assert code == 1
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: rebels-again, subject: raid, property: outcome, value: captured, "
        "source: e-0510, claimant: rebels}",
    )
    assert old_findings(data, "CC102") and not new_findings(data, "CC102"), data["findings"]
    assert code == 0, err


@pytest.mark.parametrize("text", ["claims:\n", "claims: []\n", "outlets: []\nclaims: []\n"])
def test_a_candidate_with_no_records_says_there_is_nothing_to_check(
    runner: CliRunner, store: Path, tmp_path: Path, text: str
) -> None:
    candidate = tmp_path / "nothing.yaml"
    candidate.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(store), "check", str(candidate)])
    assert result.exit_code == 0
    assert "nothing.yaml: holds no records; nothing to check" in result.stderr, result.stderr


def test_an_empty_candidate_file_is_warned_of_once(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    candidate = tmp_path / "nothing.yaml"
    candidate.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(store), "check", str(candidate)])
    assert "empty file" in result.stderr
    assert "nothing to check" not in result.stderr, result.stderr


def test_a_candidate_with_no_records_given_twice_is_told_of_once(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    candidate = tmp_path / "template.yaml"
    candidate.write_text("claims: []\n", encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(store), "check", str(candidate), str(candidate)])
    assert result.stderr.count("holds no records; nothing to check") == 1, result.stderr


@pytest.mark.parametrize("figure", ["about 12", "'~12'", "10-14", "'12+'"])
def test_a_relay_worded_more_loosely_continues_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path, figure: str
) -> None:
    """Monitor E relays the army's toll as "about 12" (or "10-14", "12+"): a looser
    wording of a figure already in dispute says nothing new — whatever contradicts it
    contradicts the 12 too."""
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        f"{{id: army-e, subject: raid, property: deaths, value: {figure}, source: e-0510, "
        "claimant: army}",
    )
    assert not new_findings(data, "CC101"), data["findings"]
    assert code == 0, err


@pytest.mark.parametrize(("figure", "news"), [("'10000'", True), ("25", False)])
def test_an_open_ended_figure_does_not_stretch_the_dispute_to_infinity(
    runner: CliRunner,
    make_store: Callable[..., Path],
    tmp_path: Path,
    figure: str,
    news: bool,
) -> None:
    """The rebels say "30+": the figures in dispute are 12, 15 and 30, not everything
    above 12. Paper D's 10,000 beside its own 15 widens the dispute; its 25 does not."""
    store = make_store(
        {"raid.yaml": STORE.replace("value: 30, source", "value: 30+, source")}, base=False
    )
    assert_news(runner, store, tmp_path, paper_d_also_says(figure), "CC101", news)


@pytest.mark.parametrize(("figure", "news"), [("32", False), ("40", True)])
def test_a_figure_within_the_propertys_tolerance_of_the_dispute_continues_it(
    runner: CliRunner,
    make_store: Callable[..., Path],
    tmp_path: Path,
    figure: str,
    news: bool,
) -> None:
    """With a 10% tolerance on the toll, Paper D's 32 beside its 15 is within a tenth of
    the rebels' 30 — the same dispute; its 40 is not."""
    store = make_store(
        {"raid.yaml": STORE.replace("cumulative: true}", "cumulative: true, tolerance: 10%}")},
        base=False,
    )
    assert_news(runner, store, tmp_path, paper_d_also_says(figure), "CC101", news)


DATES = STORE.replace(
    "  - {id: outcome,",
    "  - {id: began, type: date}\n  - {id: outcome,",
) + textwrap.indent(
    textwrap.dedent("""\
      - {id: army-began, subject: raid, property: began, value: 2032-05-06, source: a-0510, claimant: army}
      - {id: rebels-began, subject: raid, property: began, value: 2032-05-08, source: d-0510, claimant: rebels}
    """),
    "  ",
)


@pytest.mark.parametrize(("day", "news"), [("2032-05-06/2032-05-07", False), ("2032-05-02", True)])
def test_a_day_range_holding_a_disputed_day_continues_the_dispute(
    runner: CliRunner,
    make_store: Callable[..., Path],
    tmp_path: Path,
    day: str,
    news: bool,
) -> None:
    """The army said the raid began on the 6th, the rebels the 8th. A relay of the army
    as "the 6th or 7th" continues that dispute; the army also naming the 2nd widens it."""
    store = make_store({"raid.yaml": DATES}, base=False)
    row = (
        f"{{id: army-began-e, subject: raid, property: began, value: '{day}', "
        "source: e-0510, claimant: army}"
    )
    assert_news(runner, store, tmp_path, row, "CC103", news)


def reviewed_toll(runner: CliRunner, make_store: Callable[..., Path]) -> tuple[Path, Any]:
    """The raid store with its toll dispute (CC101) reviewed by the desk."""
    store = make_store({"raid.yaml": STORE}, base=False)
    result = runner.invoke(cli, ["--store", str(store), "check", "--format", "json"])
    (toll,) = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CC101"]
    (store / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {toll['fingerprint']}, verdict: explained, by: desk}}\n",
        encoding="utf-8",
    )
    return store, toll


def reopened(checked: tuple[int, Any, str], toll: Any) -> Any:
    """The candidate check's one CC101, which reopens the reviewed ``toll`` as news
    (exit 1): not among the findings the store already has."""
    code, data, err = checked
    (conflict,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert [
        {"fingerprint": r["fingerprint"], "reviewed": r["reviewed"]}
        for r in data["candidate"]["reopened_findings"]
    ] == [{"fingerprint": conflict["fingerprint"], "reviewed": toll["fingerprint"]}]
    assert conflict["fingerprint"] not in data["candidate"]["existing_findings"]
    assert code == 1, err
    return conflict


def test_a_value_joining_a_reviewed_dispute_reopens_it(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """The desk reviewed the toll dispute. Monitor E's "about 12" from the army continues
    it, but as a value the dispute did not hold: the dispute's fingerprint changes and the
    review no longer applies. `check` says the reviewed finding is reopened and fails,
    `add` refuses — as the store's own check would fail after the add."""
    store, toll = reviewed_toll(runner, make_store)
    row = (
        "{id: army-e, subject: raid, property: deaths, value: about 12, source: e-0510, "
        "claimant: army}"
    )
    reopened(check_candidate(runner, store, tmp_path, row), toll)
    text = candidate_output(runner, store, tmp_path, "text")
    assert f"reopens reviewed finding {toll['fingerprint']}" in text, text
    assert "1 reviewed finding reopened" in text

    # A relay of the army's 12 as written keeps the fingerprint, and the review with it.
    same = row.replace("about 12", "12")
    code, data, err = check_candidate(runner, store, tmp_path, same)
    assert not data["candidate"]["reopened_findings"]
    (conflict,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert conflict["fingerprint"] == toll["fingerprint"] and conflict["review"], conflict
    assert code == 0, err


def test_a_new_party_joining_a_reviewed_dispute_reopens_it_as_news(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """Rights Watch, in the store for nothing yet, puts the toll at 20: a new voice in
    the reviewed dispute, so a new finding — and the reviewed one it grew out of is
    named, since its review will no longer apply once the figure is added."""
    store, toll = reviewed_toll(runner, make_store)
    row = (
        "{id: watch-e, subject: raid, property: deaths, value: 20, source: e-0510, "
        "claimant: rights-watch}"
    )
    conflict = reopened(check_candidate(runner, store, tmp_path, row), toll)
    assert "20 [rights-watch via monitor-e]" in conflict["message"], conflict["message"]


def test_a_revision_beside_a_party_speaking_on_its_own_channel_still_reopens(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """The army revises its 12 to 14 the next day — it continues the reviewed dispute,
    with other values, so the review is reopened — while the Front's own channel repeats
    its 30 in the same candidate. The channel speaks for the Front: no new voice in the
    dispute, and the reopening is still said (an analyst's trial: with the relay beside
    the revision, the reviewed finding came back as plain news, its review silently
    gone)."""
    store, toll = reviewed_toll(runner, make_store)
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(
        "outlets:\n"
        "  - {id: front-tv, name: Front TV, kind: party-channel, affiliation: rebels}\n"
        "documents:\n"
        "  - {id: ftv-0511, outlet: front-tv, published: 2032-05-11}\n"
        "claims:\n"
        "  - {id: army-14, subject: raid, property: deaths, value: 14, source: c-0511, "
        "claimant: army}\n"
        "  - {id: front-30, subject: raid, property: deaths, value: 30, source: ftv-0511}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["--store", str(store), "check", str(candidate), "--format", "json"]
    )
    conflict = reopened((result.exit_code, json.loads(result.stdout), result.stderr), toll)
    assert {"army-14", "front-30"} <= set(conflict["claims"]), conflict


def test_a_candidate_check_says_how_it_moves_the_estimate(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """A desk adding the day's figures wants to know what it would publish after them
    (an analyst's trial: the estimate's move from 200 / 200 / 999 to 240 / 240 / 240
    was nowhere in the candidate check). Rights Watch's 20 moves the raid's estimate;
    a fourth outlet relaying the army's 12 moves nothing."""
    _, data, _ = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: watch-20, subject: raid, property: deaths, value: 20, source: e-0510, "
        "claimant: rights-watch}",
    )
    (moved,) = data["candidate"]["estimates_moved"]
    assert (moved["subject"], moved["property"]) == ("raid", "deaths")
    before, after = moved["before"], moved["after"]
    assert (before["low"], before["best"], before["high"]) != (
        after["low"],
        after["best"],
        after["high"],
    ), moved
    assert after == next(e for e in data["estimates"] if e["subject"] == "raid"), after
    text = candidate_output(runner, store, tmp_path, "text")
    said = f"{before['low']} / {before['best']} / {before['high']} → {after['low']} / "
    assert f"moves the estimate of deaths of raid: {said}" in text, text
    # (as a GitHub annotation on the candidate's file, with no line: GitHub's lines start
    # at 1 — a CI trial found line=0,col=0)
    github = candidate_output(runner, store, tmp_path, "github")
    (note,) = [x for x in github.splitlines() if "moves the estimate" in x]
    assert re.match(r"^::notice file=[^,:]*candidate\.yaml::moves the estimate", note), note
    _, data, _ = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: army-e, subject: raid, property: deaths, value: 12, source: e-0510, claimant: army}",
    )
    assert data["candidate"]["estimates_moved"] == [], data["candidate"]


def test_a_relay_that_raises_no_grade_says_so_not_that_it_corroborates_nothing(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """A fourth outlet relaying the army's communiqué adds no independent origin: no
    grade rises, and the candidate summary says exactly that."""
    check_candidate(
        runner,
        store,
        tmp_path,
        "{id: army-e, subject: raid, property: deaths, value: 12, source: e-0510, claimant: army}",
    )
    text = candidate_output(runner, store, tmp_path, "table")
    assert "raises the grade of no claim already recorded; duplicates nothing" in text
    assert "corroborates nothing" not in text


@pytest.mark.parametrize(
    ("figure", "news"),
    [("more than 30", True), ("'30+'", False), ("fewer than 12", True), ("'<=12'", False)],
)
def test_an_open_bound_at_the_edge_of_the_dispute(
    runner: CliRunner, store: Path, tmp_path: Path, figure: str, news: bool
) -> None:
    """Paper D, beside its 15, says "more than 30": every figure it allows is beyond the
    rebels' 30 — a wider dispute. "30+" allows the 30 already in dispute."""
    assert_news(runner, store, tmp_path, paper_d_also_says(figure), "CC101", news)


def test_a_candidate_confirming_a_single_origin_value_says_which_gap_it_closes(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """RFI alone gives 14 dead (CC201 in the store). Le Monde's own 14 is a second,
    independent origin: the candidate check says it closes that gap (and nothing is left
    of it after the add)."""
    root = make_store(
        {
            "c.yaml": "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
        }
    )
    before = json.loads(
        runner.invoke(cli, ["--store", str(root), "check", "--format", "json"]).stdout
    )
    (gap,) = [f for f in before["findings"] if f["rule"] == "CC201"]
    code, data, err = check_candidate(
        runner,
        root,
        tmp_path,
        "{id: b, subject: strike, property: deaths, value: 14, source: monde-doc}",
    )
    assert code == 0, err
    assert data["candidate"]["resolves"] == [
        {
            "rule": "CC201",
            "fingerprint": gap["fingerprint"],
            "message": gap["message"],
            "location": gap["location"],
            "by": ["b"],
        }
    ]
    text = candidate_output(runner, root, tmp_path, "text")
    assert f"resolves CC201 {gap['fingerprint']}" in text, text
    added = add_candidate(runner, root, tmp_path, root / "c.yaml")
    assert added.exit_code == 0, added.stderr
    after = json.loads(
        runner.invoke(cli, ["--store", str(root), "check", "--format", "json"]).stdout
    )
    assert gap["fingerprint"] not in {f["fingerprint"] for f in after["findings"]}


def test_a_candidate_contradicting_a_single_origin_value_closes_no_gap(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """Le Monde's 10 against RFI's lone 14 makes the 14 disputed, not confirmed: the
    single-origin gap goes from the findings, but the candidate closes nothing."""
    root = make_store(
        {
            "c.yaml": "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
        }
    )
    _, data, _ = check_candidate(
        runner,
        root,
        tmp_path,
        "{id: b, subject: strike, property: deaths, value: 10, source: monde-doc}",
    )
    assert data["candidate"]["resolves"] == [], data["candidate"]


def test_a_revision_to_an_open_bound_past_another_speakers_figure_is_news(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """The army's 12 against the rebels' 30 (Paper D's 15 left out); the army revises to
    "more than 30" the next day: beyond the rebels' 30, a new dispute."""
    store = make_store(
        {
            "raid.yaml": STORE.replace(
                "  - {id: paper-d-15, subject: raid, property: deaths, value: 15, source: d-0510}\n",
                "",
            )
        },
        base=False,
    )
    assert "paper-d-15" not in (store / "raid.yaml").read_text(encoding="utf-8")
    code, data, err = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: r, subject: raid, property: deaths, value: more than 30, source: c-0511, "
        "claimant: army}",
    )
    assert new_findings(data, "CC101"), data["findings"]
    assert code == 1, err


def test_a_candidate_only_echoing_a_single_origin_value_brings_no_new_gap(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """RFI alone gives 14 dead (CC201 in the store). France 24, RFI's sister channel,
    repeats it: the gap is now CC203 ("2 outlets, 1 origin"), the same gap seen with one
    more relay — already in the store, so `check --fail-on warning` passes and `add`
    would not refuse a pure relay (an analyst's trial: it was reported as new, exit 1)."""
    root = make_store(
        {
            "c.yaml": "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
        }
    )
    candidate = tmp_path / "cand.yaml"
    candidate.write_text(
        "claims:\n  - {id: b, subject: strike, property: deaths, value: 14, source: f24-doc}\n",
        encoding="utf-8",
    )
    args = ["--store", str(root), "check", str(candidate), "--fail-on", "warning"]
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    (gap,) = data["findings"]
    assert gap["rule"] == "CC203"
    assert data["candidate"]["existing_findings"] == [gap["fingerprint"]]
    # A candidate giving another figure is news, as ever.
    candidate.write_text(
        "claims:\n  - {id: b, subject: strike, property: deaths, value: 15, source: f24-doc}\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, args).exit_code == 1


def test_a_revision_past_another_speakers_figure_reopens_the_reviewed_dispute(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """An analyst's trial: the desk reviewed the toll dispute; the army then raises its
    12 to 40, past the Front's 30. The dispute is a new one (the army's 12 left it), the
    review will be stale once the figure is added — and the candidate check said
    nothing of it, as if no review were touched."""
    store, toll = reviewed_toll(runner, make_store)
    row = (
        "{id: army-40, subject: raid, property: deaths, value: 40, source: c-0511, claimant: army}"
    )
    conflict = reopened(check_candidate(runner, store, tmp_path, row), toll)
    assert "army-40" in conflict["claims"] and "army-a" not in conflict["claims"], conflict


def test_a_candidates_new_figure_not_its_relay_is_where_the_finding_points(
    runner: CliRunner, store: Path, tmp_path: Path
) -> None:
    """A CI trial: a candidate with a relay of the army's 12 listed first and a new
    figure, 45, after it — the dispute the 45 joins was annotated at the relay (the
    first candidate claim by id). It points at the claim that brings the new value."""
    _, data, _ = check_candidate(
        runner,
        store,
        tmp_path,
        "{id: a-relay, subject: raid, property: deaths, value: 12, source: e-0510, claimant: army}",
        "{id: b-new, subject: raid, property: deaths, value: 45, source: e-0510}",
    )
    (dispute,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert dispute["location"].endswith("candidate.yaml:3:5"), dispute["location"]
