"""Reviews follow a finding when more relays change its rule (DESIGN §4: "a relay of a
claim already in it leaves the fingerprint — and a review of it — as it was").

An invented bridge blast: Watchlight, an NGO, counts 14 dead; Lantern Wire carries the
count. A desk reviews the gap ("rests on one origin") and publishes with that caveat.
Then the Harbor Herald relays the same count: the value now looks multi-sourced, which
is CC203's finding, not CC201's — the same gap, seen with one more relay. The desk's
review must hold for it, not go stale and fail the check.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.engine import check
from claimcheck.rules import all_rules
from claimcheck.store import load_store

WORLD = textwrap.dedent("""\
    outlets:
      - {id: wire, name: Lantern Wire, kind: wire}
      - {id: herald, name: Harbor Herald, kind: newspaper}
      - {id: radio, name: Coast Radio, kind: broadcaster}
    documents:
      - {id: wire-1, outlet: wire, published: 2031-03-05}
      - {id: herald-1, outlet: herald, published: 2031-03-06, cites: [wire-1]}
      - {id: radio-1, outlet: radio, published: 2031-03-06}
    parties:
      - {id: watchlight, name: Watchlight Rights, kind: ngo}
      - {id: open-ward, name: Open Ward Medics, kind: medical}
    subjects:
      - {id: bridge-blast, label: Blast on the Sarn bridge, date: 2031-03-04}
    properties:
      - {id: deaths, type: quantity}
    """)

#: The NGO's count, carried by the wire: one origin.
WIRE = "  - {id: wire-14, subject: bridge-blast, property: deaths, value: 14, source: wire-1, claimant: watchlight, quote: '14 people died'}\n"
#: The same count relayed by the Herald, citing the wire.
HERALD = "  - {id: herald-14, subject: bridge-blast, property: deaths, value: 14, source: herald-1, claimant: watchlight, quote: '14 people died'}\n"
#: The NGO's floor in the same dispatch: resting on the same origin as its 14.
FLOOR = "  - {id: wire-floor, subject: bridge-blast, property: deaths, value: at least 10, source: wire-1, claimant: watchlight}\n"
#: Medics, an independent origin, confirming 14.
MEDICS = "  - {id: radio-14, subject: bridge-blast, property: deaths, value: 14, source: radio-1, claimant: open-ward}\n"


def _store(make_store: Callable[..., Path], *claims: str) -> Path:
    return make_store({"world.yaml": WORLD + "claims:\n" + "".join(claims)}, base=False)


def _run(root: Path) -> dict[str, Any]:
    return check(load_store(root)).as_dict()


def _review(root: Path, finding: dict[str, Any], on: str = "2031-03-05") -> None:
    (root / "reviews.yaml").write_text(
        "reviews:\n"
        f"  - {{finding: {finding['fingerprint']}, verdict: accepted, by: desk, on: {on},\n"
        "     note: only Watchlight counted; we say so}\n",
        encoding="utf-8",
    )


def _add(root: Path, *claims: str) -> None:
    (root / "more.yaml").write_text("claims:\n" + "".join(claims), encoding="utf-8")


def _gaps(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["rule"]: f for f in data["findings"] if f["rule"] in ("CC201", "CC203")}


def test_a_relay_turning_a_reviewed_single_origin_into_circular_keeps_the_review(
    make_store: Callable[..., Path],
) -> None:
    root = _store(make_store, WIRE)
    (single,) = _gaps(_run(root)).values()
    assert single["rule"] == "CC201"
    _review(root, single)
    _add(root, HERALD)

    result = check(load_store(root))
    data = result.as_dict()
    gaps = _gaps(data)
    assert set(gaps) == {"CC203"}, "the relay makes the value look multi-sourced"
    review = gaps["CC203"]["review"]
    assert review is not None and review["verdict"] == "accepted"
    assert review["reviewed_as"] == {
        "rule": "CC201",
        "name": "single-origin",
        "fingerprint": single["fingerprint"],
    }
    assert review["new_claims"] == ["herald-14"], "the relay came after the review"
    assert data["stale_reviews"] == []
    assert result.exit_code("warning") == 0


def test_the_carried_review_says_where_it_was_recorded(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = _store(make_store, WIRE)
    (single,) = _gaps(_run(root)).values()
    _review(root, single)
    _add(root, HERALD)
    out = runner.invoke(cli, ["--store", str(root), "check", "--fail-on", "warning"])
    assert out.exit_code == 0, out.output
    (line,) = [x for x in out.output.splitlines() if "CC203" in x]
    assert (
        f"(reviewed: accepted; recorded on CC201 single-origin {single['fingerprint']}, "
        "which this finding continues; 1 claim added since: herald-14)"
    ) in line
    assert "stale review" not in out.output

    md = runner.invoke(cli, ["--store", str(root), "report", "--format", "markdown"])
    assert md.exit_code == 0, md.output
    assert f"recorded on CC201 single-origin {single['fingerprint']}" in md.output

    published = runner.invoke(
        cli, ["--store", str(root), "export", "--format", "claimreview", "--author", "Desk"]
    )
    (item,) = json.loads(published.stdout)
    assert (
        "recorded on the CC201 (single-origin) finding it continues"
        in (item["reviewRating"]["ratingExplanation"])
    )


def test_a_reviewed_circular_finding_whose_relay_is_withdrawn_keeps_a_review_listing_its_claims(
    make_store: Callable[..., Path],
) -> None:
    """The other way: the Herald's copy is removed from the store (it was a mistake):
    the value rests on one origin again, CC201's. A review of the CC203 that lists the
    claims it saw holds (the desk saw all the CC201 rests on); one that does not is
    stale, since a fingerprint does not say how many origins the CC203 had."""
    root = _store(make_store, WIRE)
    _add(root, HERALD)
    circular = _gaps(_run(root))["CC203"]
    _review(root, circular, on="2031-03-07")
    (root / "more.yaml").unlink()
    data = _run(root)
    assert set(_gaps(data)) == {"CC201"}
    assert _gaps(data)["CC201"]["review"] is None
    assert [r["fingerprint"] for r in data["stale_reviews"]] == [circular["fingerprint"]]

    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {circular['fingerprint']}, verdict: accepted, "
        "claims: [herald-14, wire-14]}\n",
        encoding="utf-8",
    )
    data = _run(root)
    gaps = _gaps(data)
    assert gaps["CC201"]["review"]["reviewed_as"]["fingerprint"] == circular["fingerprint"]
    assert gaps["CC201"]["review"]["new_claims"] == []
    assert data["stale_reviews"] == []


def test_a_relayed_value_confirmed_by_an_independent_source_is_not_carried_over(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """A relay and medics confirming the 14: CC203 still flags three outlets behind two
    origins, but that is no longer the single-origin gap the desk reviewed (the value is
    corroborated): the review goes stale, and a candidate bringing both resolves it."""
    root = _store(make_store, WIRE)
    (single,) = _gaps(_run(root)).values()
    _review(root, single)
    _add(root, HERALD, MEDICS)
    result = check(load_store(root))
    gaps = _gaps(result.as_dict())
    assert set(gaps) == {"CC203"} and gaps["CC203"]["details"]["origins"] == 2
    assert gaps["CC203"]["review"] is None
    assert [r.fingerprint for r in result.stale_reviews] == [single["fingerprint"]]

    (root / "more.yaml").unlink()
    (root / "reviews.yaml").unlink()
    both = tmp_path / "both.yaml"
    both.write_text("claims:\n" + HERALD + MEDICS, encoding="utf-8")
    out = runner.invoke(cli, ["--store", str(root), "check", str(both), "--format", "json"])
    (resolved,) = json.loads(out.output)["candidate"]["resolves"]
    assert resolved["fingerprint"] == single["fingerprint"]


def test_other_origins_values_in_the_group_do_not_change_what_is_carried(
    make_store: Callable[..., Path],
) -> None:
    """Twenty bystanders each give a figure of their own, relayed, in the same group (a
    property of several true values, so that none contradicts another): the review of
    the NGO's two values still follows them when its 14 is relayed."""
    bystanders = "".join(
        f"  - {{id: by-{n}, name: Bystander {n}, kind: person}}\n" for n in range(20)
    )
    world = WORLD.replace("parties:\n", "parties:\n" + bystanders).replace(
        "{id: deaths, type: quantity}", "{id: deaths, type: quantity, single: false}"
    )
    about = FLOOR.replace("wire-floor", "wire-about").replace("at least 10", "about 14")
    others = "".join(
        f"  - {{id: {doc}-by{n}, subject: bridge-blast, property: deaths, value: {100 + n}, "
        f"source: {doc}-1, claimant: by-{n}}}\n"
        for n in range(20)
        for doc in ("wire", "herald")
    )
    root = make_store({"world.yaml": world + "claims:\n" + WIRE + about}, base=False)
    (single,) = [f for f in _run(root)["findings"] if f["rule"] == "CC201"]
    assert set(single["claims"]) == {"wire-14", "wire-about"}, single
    _review(root, single)
    _add(root, HERALD, others)
    data = _run(root)
    mine = [f for f in data["findings"] if {"wire-14", "wire-about"} & set(f["claims"])]
    assert sorted(f["rule"] for f in mine) == ["CC201", "CC203"], mine
    for f in mine:
        assert f["review"] is not None and f["review"]["reviewed_as"] is not None, f
    assert len([f for f in data["findings"] if f["rule"] == "CC203"]) == 21
    assert data["stale_reviews"] == []


def test_a_review_of_two_values_on_one_origin_follows_both_when_one_is_relayed(
    make_store: Callable[..., Path],
) -> None:
    """The NGO's "14" and its "at least 10" rest on one origin, one CC201 finding. The
    Herald relays the 14 only: CC203 for it, CC201 for the floor — both continue the
    reviewed finding."""
    root = _store(make_store, WIRE, FLOOR)
    (single,) = _gaps(_run(root)).values()
    assert single["rule"] == "CC201" and set(single["claims"]) == {"wire-14", "wire-floor"}
    _review(root, single)
    _add(root, HERALD)

    data = _run(root)
    gaps = _gaps(data)
    assert set(gaps) == {"CC201", "CC203"}, gaps
    assert gaps["CC201"]["fingerprint"] != single["fingerprint"], "it names the floor alone now"
    for f in gaps.values():
        assert f["review"] is not None, f
        assert f["review"]["reviewed_as"]["fingerprint"] == single["fingerprint"]
    assert data["stale_reviews"] == []


def test_a_kindred_finding_with_a_value_the_review_did_not_name_is_not_covered(
    make_store: Callable[..., Path],
) -> None:
    """A review of the relayed 14 (CC203) does not cover a CC201 that names a value it
    never saw: the Herald's copy is withdrawn, and the NGO's floor joins the 14 on one
    origin. A new value is a new finding (DESIGN §4): unreviewed, the review stale."""
    root = _store(make_store, WIRE)
    _add(root, HERALD)
    circular = _gaps(_run(root))["CC203"]
    _review(root, circular, on="2031-03-07")
    (root / "more.yaml").write_text("claims:\n" + FLOOR, encoding="utf-8")

    result = check(load_store(root))
    gaps = _gaps(result.as_dict())
    assert set(gaps) == {"CC201"}
    assert gaps["CC201"]["review"] is None
    assert [r.fingerprint for r in result.stale_reviews] == [circular["fingerprint"]]
    assert result.exit_code("warning") == 1


def test_independent_confirmation_is_not_carried_over(make_store: Callable[..., Path]) -> None:
    """Medics confirming the 14 close the gap: no finding left to carry the review to
    (a stale review, pointing out the gap is gone)."""
    root = _store(make_store, WIRE)
    (single,) = _gaps(_run(root)).values()
    _review(root, single)
    _add(root, MEDICS)
    result = check(load_store(root))
    assert _gaps(result.as_dict()) == {}
    assert [r.fingerprint for r in result.stale_reviews] == [single["fingerprint"]]


def test_a_candidate_relay_does_not_resolve_the_single_origin_gap(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """Checked as a candidate, the Herald's relay is no independent confirmation: the
    check does not say it resolves the CC201 (it continues it, as CC203). An independent
    source does resolve it."""
    root = _store(make_store, WIRE)
    relay = tmp_path / "relay.yaml"
    relay.write_text("claims:\n" + HERALD, encoding="utf-8")
    medics = tmp_path / "medics.yaml"
    medics.write_text("claims:\n" + MEDICS, encoding="utf-8")

    out = runner.invoke(cli, ["--store", str(root), "check", str(relay), "--format", "json"])
    assert out.exit_code == 0, out.output
    judged = json.loads(out.output)
    assert [f["rule"] for f in judged["findings"]] == ["CC203"]
    assert judged["candidate"]["resolves"] == [], judged["candidate"]

    out = runner.invoke(cli, ["--store", str(root), "check", str(medics), "--format", "json"])
    assert out.exit_code == 0, out.output
    (resolved,) = json.loads(out.output)["candidate"]["resolves"]
    assert resolved["rule"] == "CC201" and resolved["by"] == ["radio-14"]


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.continues], ids=lambda r: r.code)
def test_a_rule_continues_only_rules_of_its_category(rule: Any) -> None:
    """A gap's review never becomes a conflict's."""
    codes = {r.code: r for r in all_rules()}
    for code in rule.continues:
        assert code in codes, code
        assert codes[code].category == rule.category


def test_a_stale_review_points_at_its_rules_finding_on_the_revised_figure(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the NGO says 14, then revises to 16. The desk had reviewed
    the CC201 on the 14, listing it. The stale notice pointed at the CC105 revision
    (the only finding holding the 14), so the desk reviewed that and missed the gap on
    the 16. It points at the CC201 on the 16 first, saying why."""
    sixteen = (
        "  - {id: wire-16, subject: bridge-blast, property: deaths, value: 16, "
        "source: radio-1, claimant: watchlight, as_of: 2031-03-06}\n"
    )
    world = WORLD.replace(
        "{id: deaths, type: quantity}", "{id: deaths, type: quantity, cumulative: true}"
    )
    root = make_store({"world.yaml": world + "claims:\n" + WIRE}, base=False)
    (single,) = _gaps(_run(root)).values()
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {single['fingerprint']}, verdict: accepted, claims: [wire-14]}}\n",
        encoding="utf-8",
    )
    _add(root, sixteen)
    result = check(load_store(root))
    data = result.as_dict()
    now = _gaps(data)["CC201"]
    assert now["claims"] == ["wire-16"]
    (stale,) = data["stale_reviews"]
    assert stale["rule"] == "CC201"
    assert stale["successors"][0] == now["fingerprint"], stale
    assert "CC105" in {f["rule"] for f in data["findings"]}
    assert (
        f"CC201 {now['fingerprint']} (deaths of bridge-blast) is now the CC201 finding on "
        "figures of the speakers it reviewed (a figure revised since?): review that one"
    ) in result.stale_reviews[0].message()


def test_a_candidate_review_of_no_finding_is_refused_not_added(
    make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """A desk copies a fingerprint with a typo into a candidate holding only a review:
    `check` of it says the review names no finding (exit 1), and `add` refuses it,
    writing nothing — not "added 1 review" and a stale review at the next full check.
    The right fingerprint, of a finding in a group the candidate does not touch, is
    added."""
    root = _store(make_store, WIRE)
    (gap,) = [f for f in _run(root)["findings"] if f["rule"] == "CC201"]
    runner = CliRunner()
    typo = tmp_path / "typo.yaml"
    wrong = gap["fingerprint"][:-1] + ("0" if gap["fingerprint"][-1] != "0" else "1")
    typo.write_text(f"reviews:\n  - {{finding: {wrong}, verdict: accepted}}\n", encoding="utf-8")
    checked = runner.invoke(cli, ["--store", str(root), "check", str(typo), "--format", "text"])
    assert checked.exit_code == 1, checked.output
    assert f"review of no finding: no finding has fingerprint {wrong}" in checked.output
    # (the summary says why it exits 1 with nothing at --fail-on: a new user's trial)
    assert "(a review of no finding fails the check, as a new finding does)" in checked.output
    assert f"{typo}:2:5" in checked.output
    target = root / "reviews.yaml"
    refused = runner.invoke(cli, ["--store", str(root), "add", str(typo), "--to", str(target)])
    assert refused.exit_code == 1
    assert "not added: 1 review of no finding" in refused.output
    assert not target.exists()
    right = tmp_path / "right.yaml"
    right.write_text(
        f"reviews:\n  - {{finding: {gap['fingerprint']}, verdict: accepted}}\n", encoding="utf-8"
    )
    added = runner.invoke(cli, ["--store", str(root), "add", str(right), "--to", str(target)])
    assert added.exit_code == 0, added.output
    assert "added 1 review" in added.output
    assert _run(root)["summary"]["stale_reviews"] == 0


def test_a_candidate_review_of_the_finding_the_candidate_changes_points_to_what_it_becomes(
    make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """The desk copies the fingerprint of the store's dispute (Watchlight's 14 against
    the medics' 9) and, in the same candidate, adds a third figure, which changes the
    dispute's fingerprint: the review would name no finding once added. `check` says so
    and names the finding it becomes; `--fail-on none` lets it pass, as it says."""
    nine = "  - {id: radio-9, subject: bridge-blast, property: deaths, value: 9, source: radio-1, claimant: open-ward}\n"
    root = _store(make_store, WIRE, nine)
    (dispute,) = [f for f in _run(root)["findings"] if f["rule"] == "CC101"]
    candidate = tmp_path / "both.yaml"
    candidate.write_text(
        "claims:\n  - {id: herald-30, subject: bridge-blast, property: deaths, value: 30, "
        "source: herald-1}\n"
        f"reviews:\n  - {{finding: {dispute['fingerprint']}, verdict: accepted}}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    out = runner.invoke(cli, ["--store", str(root), "check", str(candidate), "--format", "text"])
    assert out.exit_code == 1
    assert f"review of no finding: no finding has fingerprint {dispute['fingerprint']}; CC101" in (
        out.output
    )
    assert "holds the claims it reviewed" in out.output
    passed = runner.invoke(
        cli, ["--store", str(root), "check", str(candidate), "--fail-on", "none"]
    )
    assert passed.exit_code == 0, passed.output


def test_a_review_of_a_gap_since_closed_says_so(make_store: Callable[..., Path]) -> None:
    """An analyst's trial: the desk accepted the CC201 on the wire's 14 (listing it);
    the Herald relays it and Open Ward's medics confirm it. No CC201 is left: the gap is
    closed. The CC203 now holding the claims ("3 outlets, 2 origins") does not continue
    it. The notice said the CC203 "holds the claims it reviewed (its values changed?)";
    it says the gap is closed and the review can go."""
    root = make_store({"world.yaml": WORLD + "claims:\n" + WIRE}, base=False)
    (single,) = _gaps(_run(root)).values()
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {single['fingerprint']}, verdict: accepted, claims: [wire-14]}}\n",
        encoding="utf-8",
    )
    _add(root, HERALD, MEDICS)
    result = check(load_store(root))
    assert "CC201" not in _gaps(result.as_dict())
    (stale,) = result.stale_reviews
    message = stale.message()
    assert "the CC201 gap it reviewed is closed" in message, message
    assert "delete it" in message and "values changed" not in message, message
    assert result.as_dict()["stale_reviews"][0]["closed"] is True


def test_a_review_of_a_gap_closed_with_no_finding_left_says_so(
    make_store: Callable[..., Path],
) -> None:
    """The CC201 on the wire's 14 accepted (listing it); Open Ward's medics confirm the
    14 and no finding is left: the gap is closed (`closed` in JSON), not a "disagreement
    gone" (a reviewer's store)."""
    root = make_store({"world.yaml": WORLD + "claims:\n" + WIRE}, base=False)
    (single,) = _gaps(_run(root)).values()
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {single['fingerprint']}, verdict: accepted, claims: [wire-14]}}\n",
        encoding="utf-8",
    )
    _add(root, MEDICS)
    result = check(load_store(root))
    (stale,) = result.stale_reviews
    assert not stale.successors
    assert "the CC201 gap it reviewed is closed" in stale.message(), stale.message()
    assert result.as_dict()["stale_reviews"][0]["closed"] is True


def test_a_review_whose_claim_was_retracted_is_no_gap_closed(
    make_store: Callable[..., Path],
) -> None:
    """The CC201 on the wire's 14 accepted (listing it); the wire then retracts the 14:
    nothing confirmed it, the claim is gone — no "gap closed" (a reviewer's store)."""
    root = make_store({"world.yaml": WORLD + "claims:\n" + WIRE}, base=False)
    (single,) = _gaps(_run(root)).values()
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {single['fingerprint']}, verdict: accepted, claims: [wire-14]}}\n",
        encoding="utf-8",
    )
    world = WORLD + "claims:\n" + WIRE.replace("quote:", "status: retracted, quote:")
    (root / "world.yaml").write_text(world, encoding="utf-8")
    result = check(load_store(root))
    (stale,) = result.stale_reviews
    assert not stale.closed
    assert "closed" not in stale.message(), stale.message()


def test_a_candidate_check_names_the_reviewed_gap_a_revision_closes(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """An analyst's trial: the desk reviewed "14 rests on Watchlight alone" (CC201,
    listing the claim). Watchlight then revises its count to 16, which the medics
    confirm: no gap on the 16, the 14 is an earlier count. The candidate check named no
    review it touched, and the check after the add said the gap was closed because the
    14 "has the support it lacked" — it has none; it was revised. Both now say the
    figure was revised by its own origin, pointing at the revision."""
    root = make_store(
        {
            "world.yaml": WORLD.replace(
                "{id: deaths, type: quantity}", "{id: deaths, type: quantity, cumulative: true}"
            )
            + "claims:\n"
            + WIRE
        },
        base=False,
    )
    (gap,) = _gaps(_run(root)).values()
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {gap['fingerprint']}, verdict: accepted, claims: [wire-14]}}\n",
        encoding="utf-8",
    )
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(
        "claims:\n"
        "  - {id: wire-16, subject: bridge-blast, property: deaths, value: 16, "
        "source: radio-1, claimant: watchlight, as_of: 2031-03-06}\n"
        "  - {id: medics-16, subject: bridge-blast, property: deaths, value: 16, "
        "source: radio-1, claimant: open-ward}\n",
        encoding="utf-8",
    )
    args = ["--store", str(root), "check", str(candidate)]
    result = runner.invoke(cli, [*args, "--format", "json"])
    data = json.loads(result.stdout)
    (revision,) = [f for f in data["findings"] if f["rule"] == "CC105"]
    (staled,) = data["candidate"]["reviews_made_stale"]
    assert staled["fingerprint"] == gap["fingerprint"]
    assert staled["revised_by"] == revision["fingerprint"]
    assert not data["stale_reviews"] and result.exit_code == 0, result.output
    text = runner.invoke(cli, args).output
    assert (
        f"the candidates make this review stale: no finding will have fingerprint "
        f"{gap['fingerprint']}; the figure of the CC201 gap it reviewed was revised since "
        f"by its own origin (CC105 {revision['fingerprint']}, deaths of bridge-blast)"
    ) in text, text
    assert "1 review made stale" in text

    result = runner.invoke(
        cli, ["--store", str(root), "add", str(candidate), "--to", str(root / "more.yaml")]
    )
    assert result.exit_code == 0, result.output
    (stale,) = _run(root)["stale_reviews"]
    assert stale["revised_by"] == revision["fingerprint"] and not stale["closed"], stale


#: The NGO's 10, then its 20 a day later, on the wire.
REVISED_TO_20 = (
    "  - {id: wl-10, subject: bridge-blast, property: deaths, value: 10, source: wire-1, "
    "claimant: watchlight, as_of: 2031-03-04}\n"
    "  - {id: wl-20, subject: bridge-blast, property: deaths, value: 20, source: wire-2, "
    "claimant: watchlight, as_of: 2031-03-05}\n"
)


@pytest.mark.parametrize(
    ("cumulative", "claims", "listed", "candidate", "closed", "successor"),
    [
        # The gap on the NGO's revised 20, which the medics confirm: closed, not "revised
        # since" (the revision is to the reviewed figure, not from it).
        (
            True,
            REVISED_TO_20,
            "wl-20",
            "{id: medics-20, value: 20, claimant: open-ward}",
            True,
            "CC105",
        ),
        # The gap on the 14, revised to an unconfirmed 16: the gap on the 16 is the one
        # to review — no dispute "reopened" (a gap is no dispute).
        (
            True,
            WIRE,
            "wire-14",
            "{id: wire-16, value: 16, claimant: watchlight, as_of: 2031-03-06}",
            False,
            "CC201",
        ),
        # The review of the 14's CC201 carried to the CC203 its relay made: the medics'
        # 14 corroborates it, and the review goes stale — named before the add.
        (
            False,
            WIRE,
            "wire-14",
            "{id: medics-14, value: 14, claimant: open-ward}",
            True,
            "CC203",
        ),
    ],
    ids=["revised-to-it", "revised-from-it", "carried"],
)
def test_a_candidate_check_names_what_becomes_of_a_reviewed_gap(
    runner: CliRunner,
    make_store: Callable[..., Path],
    tmp_path: Path,
    cumulative: bool,
    claims: str,
    listed: str,
    candidate: str,
    closed: bool,
    successor: str,
) -> None:
    """A reviewer's stores: the candidate check called a gap whose figure a revision
    reached "revised since by its own origin", said a gap revised to a new figure
    "reopens reviewed finding" (a dispute's word), and said nothing of a review carried
    to the CC203 a relay had made of the CC201 it was recorded on."""
    world = WORLD.replace(
        "{id: deaths, type: quantity}",
        f"{{id: deaths, type: quantity, cumulative: {str(cumulative).lower()}}}",
    ).replace(
        "  - {id: radio-1, outlet: radio, published: 2031-03-06}\n",
        "  - {id: radio-1, outlet: radio, published: 2031-03-06}\n"
        "  - {id: wire-2, outlet: wire, published: 2031-03-05}\n",
    )
    root = make_store({"world.yaml": world + "claims:\n" + claims}, base=False)
    data = _run(root)
    (gap,) = [f for f in data["findings"] if f["rule"] in ("CC201", "CC203")]
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {gap['fingerprint']}, verdict: accepted, claims: [{listed}]}}\n",
        encoding="utf-8",
    )
    if successor == "CC203":  # (the Herald relays the 14: the review is carried to it)
        _add(root, HERALD)
        (carried,) = [f for f in _run(root)["findings"] if f["rule"] == "CC203"]
        assert carried["review"], carried
    row = candidate.replace("{", "{subject: bridge-blast, property: deaths, source: radio-1, ", 1)
    (tmp_path / "cand.yaml").write_text(f"claims:\n  - {row}\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["--store", str(root), "check", str(tmp_path / "cand.yaml"), "--format", "json"]
    )
    got = json.loads(result.stdout)["candidate"]
    assert not got["reopened_findings"], got
    (staled,) = got["reviews_made_stale"]
    assert staled["closed"] is closed and staled["revised_by"] is None, staled
    assert successor in staled_message(runner, root, tmp_path / "cand.yaml"), staled


def staled_message(runner: CliRunner, root: Path, candidate: Path) -> str:
    """The candidate check's line on the review it makes stale."""
    text = runner.invoke(cli, ["--store", str(root), "check", str(candidate)]).output
    (line,) = [x for x in text.splitlines() if "the candidates make this review stale" in x]
    return line


def test_a_reopened_dispute_the_candidates_review_anew_names_the_old_review_stale(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A desk's trial: the desk reviewed the army's 12 against the rebels' 30; the
    rebels' 40 arrives with the desk's review of the dispute it makes. The candidate
    check said the old review was reopened and named nothing stale — after the add,
    `check` called it stale ("it has a review of its own: remove this one")."""
    root = tmp_path / "store"
    root.mkdir()
    (root / "store.yaml").write_text(
        "outlets: [{id: acp, name: ACP, kind: news-agency}]\n"
        "parties: [{id: army, name: Army, kind: army, side: gov}, "
        "{id: vlf, name: VLF, kind: armed-group, side: rebels}]\n"
        "subjects: [{id: strike, label: Strike, date: 2031-05-14, sides: [gov, rebels]}]\n"
        "properties: [{id: killed, type: quantity, cumulative: true}]\n"
        "documents: [{id: acp-1, outlet: acp, title: T, published: 2031-05-14}, "
        "{id: acp-2, outlet: acp, title: T, published: 2031-05-15}]\n"
        "claims:\n"
        "  - {id: army-12, subject: strike, property: killed, value: 12, source: acp-1, claimant: army}\n"
        "  - {id: vlf-30, subject: strike, property: killed, value: 30, source: acp-1, claimant: vlf}\n",
        encoding="utf-8",
    )

    def dispute(args: list[str]) -> dict[str, Any]:
        data = json.loads(runner.invoke(cli, [*args, "--format", "json"]).stdout)
        (found,) = [f for f in data["findings"] if f["rule"] == "CC101"]
        return found

    old = dispute(["--store", str(root), "check"])["fingerprint"]
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: '{old}', verdict: accepted, claims: [army-12, vlf-30]}}\n",
        encoding="utf-8",
    )
    candidate = tmp_path / "candidate.yaml"
    claim = (
        "claims:\n  - {id: vlf-40, subject: strike, property: killed, value: 40, "
        "source: acp-2, claimant: vlf}\n"
    )
    candidate.write_text(claim, encoding="utf-8")
    new = dispute(["--store", str(root), "check", str(candidate)])["fingerprint"]
    assert new != old
    candidate.write_text(
        claim + f"reviews:\n  - {{finding: '{new}', verdict: accepted}}\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["--store", str(root), "check", str(candidate), "--format", "json"])
    staled = json.loads(result.stdout)["candidate"]["reviews_made_stale"]
    assert [s["fingerprint"] for s in staled] == [old], result.stdout
    runner.invoke(
        cli, ["--store", str(root), "add", str(candidate), "--to", str(root / "more.yaml")]
    )
    after = json.loads(
        runner.invoke(cli, ["--store", str(root), "check", "--format", "json"]).stdout
    )
    assert [s["fingerprint"] for s in after["stale_reviews"]] == [old]
