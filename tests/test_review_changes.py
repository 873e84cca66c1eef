"""What becomes of a review when the values of the dispute it judged change (a
fact-checker's trial of four days on a ferry sinking).

The coast guard says 23 died, the hospital 31, rescue volunteers 45. DESIGN §4: "a new
value changes [the fingerprint]" — a value leaving is not a new value, so a review of a
dispute that shrinks holds for what is left of it; a value entering reopens it, and the
notice says which values entered and which left.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

WORLD = """\
outlets:
  - {id: meridian, name: Meridian Press, kind: wire}
  - {id: varen-daily, name: Varen Daily, kind: newspaper}
  - {id: continental, name: Continental News Agency, kind: news-agency}
documents:
  - {id: m-0611, outlet: meridian, title: CG says 23, published: 2025-06-11}
  - {id: v-0611, outlet: varen-daily, title: Hospital says 31, published: 2025-06-11}
  - {id: c-0612, outlet: continental, title: Volunteers say 45, published: 2025-06-12}
  - {id: m-0613, outlet: meridian, title: CG raises toll to 38, published: 2025-06-13}
  - {id: c-0613, outlet: continental, title: Red Cross says 60, published: 2025-06-13}
parties:
  - {id: coast-guard, name: Coast Guard, kind: state, side: gov}
  - {id: orsa-hospital, name: Orsa Hospital, kind: medical}
  - {id: lake-rescue, name: Lake Rescue Volunteers, kind: ngo}
  - {id: red-cross, name: Red Cross, kind: ngo}
subjects:
  - {id: ferry, label: Ferry sinking, kind: event, date: 2025-06-10, sides: [gov]}
properties:
  - {id: killed, type: quantity, cumulative: true, tolerance: 3%}
"""

CG_23 = "  - {id: cg-23, subject: ferry, property: killed, value: 23, source: m-0611, claimant: coast-guard}\n"
HOSP_31 = "  - {id: hosp-31, subject: ferry, property: killed, value: 31, source: v-0611, claimant: orsa-hospital}\n"
NGO_45 = "  - {id: ngo-45, subject: ferry, property: killed, value: 45, source: c-0612, claimant: lake-rescue}\n"
CG_38 = "  - {id: cg-38, subject: ferry, property: killed, value: 38, source: m-0613, claimant: coast-guard}\n"
RC_60 = "  - {id: rc-60, subject: ferry, property: killed, value: 60, source: c-0613, claimant: red-cross}\n"


def _store(tmp_path: Path, *claims: str) -> Path:
    root = tmp_path / "store"
    root.mkdir(exist_ok=True)
    (root / "world.yaml").write_text(WORLD + "claims:\n" + "".join(claims), encoding="utf-8")
    return root


def _check(runner: CliRunner, root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(cli, ["--store", str(root), "check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def _dispute(data: dict[str, Any]) -> dict[str, Any]:
    (found,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    return found


def _review(root: Path, *lines: str) -> None:
    (root / "reviews.yaml").write_text("reviews:\n" + "".join(lines), encoding="utf-8")


def _retracted_45(root: Path, *more: str) -> None:
    """The store's world with the volunteers' 45 retracted, and ``more`` claims."""
    status = NGO_45.replace("}\n", ", status: retracted}\n")
    (root / "world.yaml").write_text(
        WORLD + "claims:\n" + CG_23 + HOSP_31 + status + "".join(more), encoding="utf-8"
    )


def _candidate(tmp_path: Path, *claims: str) -> Path:
    path = tmp_path / "candidate.yaml"
    path.write_text("claims:\n" + "".join(claims), encoding="utf-8")
    return path


def test_a_review_reopened_by_a_candidate_is_counted_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The trial's r3-double: the volunteers' 45 joins a reviewed dispute of 23 against
    31 whose 23 has a reviewed gap (only a party to it gives it). The candidate check
    said "1 reviewed finding reopened, 1 review made stale" of the one review."""
    root = _store(tmp_path, CG_23, HOSP_31)
    _, data = _check(runner, root)
    gap = next(f for f in data["findings"] if f["rule"] == "CC202")
    _review(
        root,
        f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: accepted, on: 2025-06-11, "
        "claims: [cg-23, hosp-31]}\n",
        f"  - {{finding: '{gap['fingerprint']}', verdict: accepted, on: 2025-06-11}}\n",
    )
    code, data = _check(runner, root, str(_candidate(tmp_path, NGO_45)))
    got = data["candidate"]
    assert code == 1
    assert [r["fingerprint"] for r in got["reopened_findings"]] == [_dispute(data)["fingerprint"]]
    assert got["reviews_made_stale"] == [], got
    text = runner.invoke(cli, ["--store", str(root), "check", str(tmp_path / "candidate.yaml")])
    assert "(1 reviewed finding reopened)" in text.output, text.output
    assert "made stale" not in text.output, text.output


#: The hospital's 31 again, in a paper of the day after the review.
HOSP_31_LATER = "  - {id: hosp-31-later, subject: ferry, property: killed, value: 31, source: c-0613, claimant: orsa-hospital}\n"


def test_claims_published_before_the_review_are_not_added_since(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The trial's r1-export: a review listing only the claim that prompted it
    (`claims: [ngo-45]`, on 2025-06-12) called the coast guard's and the hospital's
    claims of 11 June "added since"; only a claim whose document came out after the
    review is."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45, HOSP_31_LATER)
    _, data = _check(runner, root)
    _review(
        root,
        f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: accepted, by: J. Okafor, "
        "on: 2025-06-12, claims: [ngo-45]}\n",
    )
    code, data = _check(runner, root)
    assert code == 0
    assert _dispute(data)["review"]["new_claims"] == ["hosp-31-later"]


def test_claimreview_publishes_the_dispute_a_review_judged_not_the_claim_it_lists(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The trial's r1-export: a review of the dispute 23 vs 31 vs 45 listing the
    volunteers' claim was published as `claimReviewed: "Ferry sinking: killed 45 (Lake
    Rescue Volunteers)"`, `itemReviewed: [ngo-45]` — "accepted" read as endorsing the 45.
    The item is the dispute: every value with who gives it, and every claim of it."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45, HOSP_31_LATER)
    _, data = _check(runner, root)
    dispute = _dispute(data)
    _review(
        root,
        f"  - {{finding: '{dispute['fingerprint']}', verdict: accepted, by: J. Okafor, "
        "on: 2025-06-12, claims: [ngo-45]}\n",
    )
    result = runner.invoke(
        cli, ["--store", str(root), "export", "--format", "claimreview", "--author", "Desk"]
    )
    (item,) = json.loads(result.stdout)
    assert [c["identifier"] for c in item["itemReviewed"]] == dispute["claims"]
    statement = item["claimReviewed"]
    assert statement.startswith("Ferry sinking"), statement
    for said in ("23 (Coast Guard)", "31 (Orsa Hospital)", "45 (Lake Rescue Volunteers)"):
        assert said in statement, statement
    assert statement.count("Orsa Hospital") == 1, statement
    explanation = item["reviewRating"]["ratingExplanation"]
    assert "hosp-31-later" in explanation and "cg-23" not in explanation, explanation


#: The coast guard's count raised to the hospital's, two days on.
CG_31 = "  - {id: cg-31, subject: ferry, property: killed, value: 31, source: m-0613, claimant: coast-guard}\n"


@pytest.mark.parametrize("listed", ["cg-23, hosp-31, ngo-45", "ngo-45", None])
@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("retracted", "45 (ngo-45) retracted"),
        ("superseded", "45 (ngo-45) superseded"),
        ("revised", "23 (cg-23) revised since by coast-guard"),
    ],
)
def test_a_dispute_that_loses_a_value_is_the_dispute_reviewed(
    runner: CliRunner, tmp_path: Path, listed: str | None, change: str, why: str
) -> None:
    """The trial's r2-whatchanged: a review of 23 vs 31 vs 45 went stale, and the check
    failed, when the volunteers retracted their 45 ("its values changed?"). A value
    leaving is no new value: the review holds for what is left of the dispute, which
    says what left — whatever the review lists of the claims it saw."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    claims = f", claims: [{listed}]" if listed is not None else ""
    _review(root, f"  - {{finding: '{reviewed}', verdict: accepted, on: 2025-06-12{claims}}}\n")
    if change == "revised":
        (root / "world.yaml").write_text(
            WORLD + "claims:\n" + CG_23 + HOSP_31 + NGO_45 + CG_31, encoding="utf-8"
        )
    else:
        status = NGO_45.replace("}\n", f", status: {change}}}\n")
        (root / "world.yaml").write_text(
            WORLD + "claims:\n" + CG_23 + HOSP_31 + status, encoding="utf-8"
        )
    code, data = _check(runner, root)
    dispute = _dispute(data)
    assert dispute["fingerprint"] != reviewed
    assert data["stale_reviews"] == [], data["stale_reviews"]
    assert code == 0
    review = dispute["review"]
    assert review["verdict"] == "accepted"
    assert review["reviewed_as"]["fingerprint"] == reviewed
    (left,) = review["left"]
    text = runner.invoke(cli, ["--store", str(root), "check", "--format", "text"]).output
    assert f"(reviewed: accepted; since the review of {reviewed}: {why}" in text, text
    assert left["why"] in why


def test_a_dispute_that_lost_one_value_and_gained_another_is_reopened(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Only a new value reopens: the volunteers' 45 retracted and the Red Cross's 60 in
    its place is a dispute nobody reviewed."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    _review(
        root,
        f"  - {{finding: '{reviewed}', verdict: accepted, claims: [cg-23, hosp-31, ngo-45]}}\n",
    )
    _retracted_45(root, RC_60)
    code, data = _check(runner, root)
    assert code == 1 and _dispute(data)["review"] is None
    assert [r["fingerprint"] for r in data["stale_reviews"]] == [reviewed]


def test_a_candidate_that_takes_a_value_out_of_a_reviewed_dispute_does_not_reopen_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The coast guard's 31 replaces its 23: the dispute is 31 against the volunteers'
    45, values the desk reviewed; the candidate check does not call it reopened, nor
    new, and passes."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    _review(
        root,
        f"  - {{finding: '{reviewed}', verdict: accepted, on: 2025-06-12, "
        "claims: [cg-23, hosp-31, ngo-45]}\n",
    )
    code, data = _check(runner, root, str(_candidate(tmp_path, CG_31)))
    dispute = _dispute(data)
    assert dispute["review"]["reviewed_as"]["fingerprint"] == reviewed
    assert data["candidate"]["reopened_findings"] == [], data["candidate"]
    assert data["candidate"]["reviews_made_stale"] == [], data["candidate"]
    assert code == 0


def test_claimreview_of_a_dispute_that_lost_a_value_says_what_left(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The verdict published on what is left of the dispute says what left it."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    _review(
        root,
        f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: accepted, "
        "claims: [cg-23, hosp-31, ngo-45]}\n",
    )
    _retracted_45(root)
    result = runner.invoke(cli, ["--store", str(root), "export", "--format", "claimreview"])
    (item,) = json.loads(result.stdout)
    assert [c["identifier"] for c in item["itemReviewed"]] == ["cg-23", "hosp-31"]
    assert "Since the review: 45 (ngo-45) retracted." in item["reviewRating"]["ratingExplanation"]


def test_a_reopened_dispute_says_which_values_entered_and_left(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The trial's r2-whatchanged: the coast guard's 38 in place of its 23 reopened the
    review "(…: the values in dispute changed)"; it says what changed."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    _review(
        root,
        f"  - {{finding: '{reviewed}', verdict: accepted, on: 2025-06-12, claims: [ngo-45]}}\n",
    )
    candidate = str(_candidate(tmp_path, CG_38))
    code, data = _check(runner, root, candidate)
    assert code == 1
    (reopened,) = data["candidate"]["reopened_findings"]
    assert reopened["reviewed"] == reviewed
    assert [(c["value"], c["claims"]) for c in reopened["entered"]] == [("38", ["cg-38"])]
    assert [(c["value"], c["claims"]) for c in reopened["left"]] == [("23", ["cg-23"])]
    text = runner.invoke(cli, ["--store", str(root), "check", candidate]).output
    assert (
        f"(reopens reviewed finding {reviewed}: 38 entered (cg-38, coast-guard's revision); "
        "23 left (cg-23, revised since by coast-guard))"
    ) in text, text


def test_a_stale_review_names_the_values_that_entered_and_left_its_dispute(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The volunteers retract their 45 and the Red Cross gives 60: the review of 23 vs
    31 vs 45 is stale, and says so of the dispute it became — not "(its values
    changed?)", nor "the disagreement is gone" (its only listed claim retracted)."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    _review(
        root,
        f"  - {{finding: '{reviewed}', verdict: accepted, on: 2025-06-12, claims: [ngo-45]}}\n",
    )
    _retracted_45(root, RC_60)
    code, data = _check(runner, root)
    assert code == 1
    (stale,) = data["stale_reviews"]
    assert stale["successors"] == [_dispute(data)["fingerprint"]]
    assert [c["value"] for c in stale["entered"]] == ["60"]
    assert [c["value"] for c in stale["left"]] == ["45"]
    text = runner.invoke(cli, ["--store", str(root), "check"]).output
    assert (
        "is the dispute it reviewed, since: 60 entered (rc-60); 45 left (ngo-45, retracted)"
    ) in text, text
    assert "?" not in text, text


@pytest.mark.parametrize("fmt", ["text", "table", "markdown", "github"])
def test_every_format_shows_the_fingerprint_a_review_of_a_finding_quotes(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    """A fact-checker's trial: a reopened finding's new fingerprint, needed to review
    it, showed only in JSON, though a notice said "`check` shows fingerprints". Each
    unreviewed finding shows it, in the store's check and a candidate's; a reviewed one
    needs none."""
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45)
    _, data = _check(runner, root)
    reviewed = _dispute(data)["fingerprint"]
    (gap,) = [f["fingerprint"] for f in data["findings"] if f["rule"] == "CC202"]
    _review(root, f"  - {{finding: '{reviewed}', verdict: accepted}}\n")
    out = runner.invoke(cli, ["--store", str(root), "check", "--format", fmt]).output
    assert gap in out and reviewed not in out, out
    candidate = str(_candidate(tmp_path, RC_60))
    out = runner.invoke(cli, ["--store", str(root), "check", candidate, "--format", fmt]).output
    _, data = _check(runner, root, candidate)
    assert _dispute(data)["fingerprint"] in out, out


def test_claimreview_names_a_dozen_claims_recorded_since_and_counts_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A stranger's review: every claim recorded since a review was named in the
    published explanation — a thousand relays, a thousand ids. A dozen are named, the
    rest counted."""
    relays = [
        f"  - {{id: relay-{n:02d}, subject: ferry, property: killed, value: 31, "
        f"source: c-0613, claimant: orsa-hospital}}\n"
        for n in range(20)
    ]
    root = _store(tmp_path, CG_23, HOSP_31, NGO_45, *relays)
    _, data = _check(runner, root)
    _review(
        root,
        f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: accepted, "
        "on: 2025-06-12, claims: [cg-23, hosp-31, ngo-45]}\n",
    )
    result = runner.invoke(cli, ["--store", str(root), "export", "--format", "claimreview"])
    (item,) = json.loads(result.stdout)
    explanation = item["reviewRating"]["ratingExplanation"]
    assert "relay-11" in explanation and "relay-12" not in explanation, explanation
    assert "and 8 more" in explanation, explanation


def test_a_value_that_left_a_days_dispute_names_its_relays_dated_by_that_day(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A stranger's review: a count that varies, the 8th's dispute (17, 25, 40) reviewed,
    then the 40 retracted — and the radio's undated relay of it on the 12th, citing the
    wire of the 8th, is of the 8th as the rules date it. What left names both."""
    root = tmp_path / "store"
    root.mkdir()
    (root / "world.yaml").write_text(
        "outlets:\n  - {id: meridian, name: Meridian Wire, kind: wire}\n"
        "  - {id: coastline, name: Coastline Radio, kind: broadcaster}\n"
        "documents:\n  - {id: m-0508, outlet: meridian, published: 2031-05-08}\n"
        "  - {id: c-0512, outlet: coastline, published: 2031-05-12, cites: [m-0508]}\n"
        "parties:\n  - {id: dunes, name: Sons of the Dunes, kind: armed-group, side: dunes}\n"
        "  - {id: ministry, name: Interior ministry, kind: state, side: norland}\n"
        "  - {id: watchlight, name: Watchlight, kind: ngo}\n"
        "subjects:\n  - {id: abduction, label: Kolmar bus abduction, date: 2031-05-02/.., "
        "sides: [dunes, norland]}\n"
        "properties:\n  - {id: held, type: quantity, unit: people, varies: true}\n",
        encoding="utf-8",
    )
    claims = (
        "claims:\n"
        "  - {id: dunes-17, subject: abduction, property: held, value: 17, source: m-0508, "
        "claimant: dunes}\n"
        "  - {id: min-25, subject: abduction, property: held, value: 25, source: m-0508, "
        "claimant: ministry}\n"
        "  - {id: watch-40, subject: abduction, property: held, value: 40, source: m-0508, "
        "claimant: watchlight}\n"
        "  - {id: radio-40, subject: abduction, property: held, value: 40, source: c-0512}\n"
    )
    (root / "claims.yaml").write_text(claims, encoding="utf-8")
    _, data = _check(runner, root)
    _review(root, f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: explained}}\n")
    retracted = claims.replace(
        "source: m-0508, claimant: watchlight}",
        "source: m-0508, claimant: watchlight, status: retracted}",
    )
    retracted = retracted.replace("source: c-0512}", "source: c-0512, status: retracted}")
    (root / "claims.yaml").write_text(retracted, encoding="utf-8")
    _, data = _check(runner, root)
    (left,) = _dispute(data)["review"]["left"]
    assert left["claims"] == ["radio-40", "watch-40"], left


def test_a_reviews_published_explanation_stays_readable_however_big_the_dispute(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A stranger's review: the published explanation quoted the finding's whole message
    (a thousand relays named) and every value that left the dispute. It quotes the
    message cut at a word, and names a dozen values that left, counting the rest."""
    volunteers = [
        f"  - {{id: v-{n:02d}, subject: ferry, property: killed, value: {50 + n}, "
        f"source: c-0612, claimant: lake-rescue}}\n"
        for n in range(30)
    ]
    root = _store(tmp_path, CG_23, HOSP_31, *volunteers)
    _, data = _check(runner, root)
    _review(root, f"  - {{finding: '{_dispute(data)['fingerprint']}', verdict: accepted}}\n")
    (root / "world.yaml").write_text(
        WORLD
        + "claims:\n"
        + CG_23
        + HOSP_31
        + "".join(v.replace("}\n", ", status: retracted}\n") for v in volunteers),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["--store", str(root), "export", "--format", "claimreview"])
    (item,) = json.loads(result.stdout)
    explanation = item["reviewRating"]["ratingExplanation"]
    assert "and 18 more values" in explanation, explanation
    assert len(explanation) < 2000, len(explanation)
