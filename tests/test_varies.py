"""A property whose values rise and fall (``varies: true``): people held hostage,
displaced, detained; who holds a town. Each value holds on its day (``as_of``): only
values of one day can conflict, an origin's new count is no self-contradiction nor a
"lowered toll", the estimate is of the latest day, and the gaps in corroboration told
are those of what holds now.

The event is invented, of the shape two analysts' trials met: gunmen seize a bus near
Kolmar on 2 May; the wire counts 23 held; the mediator 19 on the 5th after four are
freed, 17 on the 10th; the kidnappers say 17 on the 8th; a radio on the 12th repeats the
kidnappers' count of the 8th, citing the wire's dispatch. Before, every later count
"contradicted" the earlier ones: the mediator's current 17 was doubtful, the wire's 23,
right on its day, improbable, and the mediator "contradicted itself".
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
from claimcheck.store import load_store

WORLD = textwrap.dedent("""\
    outlets:
      - {id: meridian, name: Meridian Wire, kind: wire}
      - {id: bridgeway-site, name: Bridgeway website, kind: ngo}
      - {id: coastline, name: Coastline Radio, kind: broadcaster}
    documents:
      - {id: m-0502, outlet: meridian, published: 2031-05-02}
      - {id: b-0505, outlet: bridgeway-site, published: 2031-05-05}
      - {id: m-0508, outlet: meridian, published: 2031-05-08}
      - {id: m-0510, outlet: meridian, published: 2031-05-10}
      - {id: c-0512, outlet: coastline, published: 2031-05-12, cites: [m-0508]}
    parties:
      - {id: mediator, name: Bridgeway mediators, kind: ngo}
      - {id: dunes, name: Sons of the Dunes, kind: armed-group, side: dunes}
      - {id: ministry, name: Interior ministry, kind: state, side: norland}
    subjects:
      - {id: abduction, label: Kolmar bus abduction, date: 2031-05-02/.., sides: [dunes, norland]}
    properties:
      - {id: held, type: quantity, unit: people, varies: true}
      - {id: holds_town, type: entity, varies: true}
    """)

COUNTS = [
    "{id: wire-23, subject: abduction, property: held, value: 23, source: m-0502}",
    "{id: med-19, subject: abduction, property: held, value: 19, source: b-0505, claimant: mediator}",
    "{id: dunes-17, subject: abduction, property: held, value: 17, source: m-0508, claimant: dunes}",
    "{id: med-17, subject: abduction, property: held, value: 17, source: m-0510, claimant: mediator}",
]


def _radio_citing(document: str, *documents: str) -> str:
    """The world with the radio's story of the 12th citing ``document`` (not the wire's
    dispatch of the 8th), and more ``documents``."""
    world = WORLD.replace(
        "{id: c-0512, outlet: coastline, published: 2031-05-12, cites: [m-0508]}",
        f"{{id: c-0512, outlet: coastline, published: 2031-05-12, cites: [{document}]}}"
        + "".join(f"\n  - {d}" for d in documents),
    )
    assert world != WORLD
    return world


def _store(make_store: Callable[..., Path], *rows: str, world: str = WORLD) -> Path:
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in rows)
    return make_store({"world.yaml": world, "claims.yaml": claims}, base=False)


def _run(root: Path) -> dict[str, Any]:
    return check(load_store(root)).as_dict()


def _check(runner: CliRunner, root: Path, tmp_path: Path, candidate: str) -> Any:
    """``check CANDIDATE --format json`` of ``candidate`` (YAML text) against ``root``."""
    path = tmp_path / "candidate.yaml"
    path.write_text(candidate, encoding="utf-8")
    return runner.invoke(cli, ["--store", str(root), "check", str(path), "--format", "json"])


def _count_of_day(doc: str, outlet: str, day: str, cid: str, value: int, claimant: str) -> str:
    """A candidate: one document of ``day`` and its claimant's count of people held."""
    return (
        f"documents:\n  - {{id: {doc}, outlet: {outlet}, published: {day}}}\n"
        f"claims:\n  - {{id: {cid}, subject: abduction, property: held, value: {value}, "
        f"source: {doc}, claimant: {claimant}}}\n"
    )


def _rules(data: dict[str, Any]) -> list[str]:
    return sorted(f["rule"] for f in data["findings"])


def test_counts_of_different_days_are_no_dispute(make_store: Callable[..., Path]) -> None:
    data = _run(_store(make_store, *COUNTS))
    assert not {"CC101", "CC106", "CC107"} & set(_rules(data)), data["findings"]
    grades = {c: g["grade"] for c, g in data["grades"].items()}
    # (each count of its day stands on its own: none doubtful for being older)
    assert grades["wire-23"] == grades["med-17"] == 3, data["grades"]
    assert all(g["contradicting_origins"] == 0 for g in data["grades"].values()), data["grades"]


def test_counts_of_one_day_conflict_and_say_their_day(make_store: Callable[..., Path]) -> None:
    """The kidnappers say 25 on the 10th, the mediator 17: a dispute of that day."""
    dunes_25 = (
        "{id: dunes-25, subject: abduction, property: held, value: 25, source: m-0510, "
        "claimant: dunes}"
    )
    data = _run(_store(make_store, *COUNTS, dunes_25))
    (dispute,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert dispute["message"].startswith("held of abduction on 2031-05-10: "), dispute
    assert dispute["claims"] == ["dunes-25", "med-17"]
    (estimate,) = data["estimates"]
    assert estimate["as_of"] == "2031-05-10"
    # (the kidnappers' 25, against the mediator's count of the day, left out)
    assert estimate["best"] == 17 and estimate["claims"]["best"] == ["med-17"], estimate
    assert estimate["basis"].startswith("as of 2031-05-10: "), estimate


def test_the_same_values_in_dispute_on_two_days_are_two_findings(
    make_store: Callable[..., Path],
) -> None:
    """Fingerprints name the day: a review of the 8th's dispute is not one of the
    10th's, which a person has not seen."""
    rows = [
        *COUNTS,
        "{id: med-25, subject: abduction, property: held, value: 25, source: m-0508, "
        "claimant: mediator}",
        "{id: dunes-25, subject: abduction, property: held, value: 25, source: m-0510, "
        "claimant: dunes}",
    ]
    disputes = [f for f in _run(_store(make_store, *rows))["findings"] if f["rule"] == "CC101"]
    assert len(disputes) == 2 and len({f["fingerprint"] for f in disputes}) == 2, disputes


def test_only_what_holds_now_is_a_gap_in_corroboration(make_store: Callable[..., Path]) -> None:
    """Every count rests on one origin; only the latest day's is told (an earlier day's
    count alone is no gap to fill)."""
    gaps = [f for f in _run(_store(make_store, *COUNTS))["findings"] if f["rule"] == "CC201"]
    assert [f["claims"] for f in gaps] == [["med-17"]], gaps
    assert "on 2031-05-10" in gaps[0]["message"]


def test_a_quote_citing_the_dispatch_of_a_count_gives_that_days_count(
    make_store: Callable[..., Path],
) -> None:
    """The radio on the 12th: "17 still held, the kidnappers said", citing the wire's
    dispatch of the 8th — the kidnappers' count of the 8th, not a count of the 12th
    (which would be what holds now, and its estimate)."""
    radio = (
        "{id: radio-17, subject: abduction, property: held, value: 17, source: c-0512, "
        "claimant: dunes}"
    )
    data = _run(_store(make_store, *COUNTS, radio))
    gaps = [f for f in data["findings"] if f["rule"] == "CC201"]
    assert [f["claims"] for f in gaps] == [["med-17"]], gaps


def test_who_holds_a_town_on_each_day(make_store: Callable[..., Path]) -> None:
    """An entity that varies: the army holds the town on the 2nd, the kidnappers on the
    5th — no dispute; both claiming it on the 5th is one (CC102)."""
    world = WORLD.replace(
        "parties:\n", "parties:\n  - {id: army, name: Army, kind: army, side: norland}\n"
    )
    assert "id: army," in world
    rows = [
        "{id: army-02, subject: abduction, property: holds_town, value: army, source: m-0502}",
        "{id: dunes-05, subject: abduction, property: holds_town, value: dunes, source: b-0505}",
    ]
    # (the latest day's holder resting on one origin is a gap, told; no dispute)
    assert _rules(_run(_store(make_store, *rows, world=world))) == ["CC201"]
    also = (
        "{id: army-05, subject: abduction, property: holds_town, value: army, source: b-0505, "
        "claimant: army}"
    )
    data = _run(_store(make_store, *rows, also, world=world))
    (dispute,) = [f for f in data["findings"] if f["rule"] == "CC102"]
    assert "on 2031-05-05" in dispute["message"] and dispute["claims"] == ["army-05", "dunes-05"]


def test_a_candidate_of_a_new_day_moves_the_estimate_to_its_day(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    dunes_25 = (
        "{id: dunes-25, subject: abduction, property: held, value: 25, source: m-0510, "
        "claimant: dunes}"
    )
    root = _store(make_store, *COUNTS, dunes_25)
    result = _check(
        runner,
        root,
        tmp_path,
        _count_of_day("b-0514", "bridgeway-site", "2031-05-14", "med-14", 14, "mediator"),
    )
    data = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert not [f for f in data["findings"] if f["rule"] in ("CC101", "CC106", "CC107")]
    (moved,) = data["candidate"]["estimates_moved"]
    assert moved["before"]["as_of"] == "2031-05-10", moved
    # (what holds now, though one voice gives it: an estimate never vanishes)
    after = moved["after"]
    assert after["as_of"] == "2031-05-14" and after["best"] == 14, moved


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        ("{id: held, type: quantity, varies: true, cumulative: true}", "not both"),
        ("{id: held, type: date, varies: true}", "not date"),
    ],
)
def test_a_property_that_varies_is_checked(
    runner: CliRunner, make_store: Callable[..., Path], declared: str, message: str
) -> None:
    world = WORLD.replace("{id: held, type: quantity, unit: people, varies: true}", declared)
    root = _store(make_store, world=world)
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 2, result.output
    assert "world.yaml:" in result.stderr and message in result.stderr, result.stderr


def test_an_outlet_reading_out_an_older_count_it_cites_gives_that_days_count(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: a radio on the 12th says "23 are held" in its own words,
    citing the wire's dispatch of the 2nd that gave 23. It was read as a count of the
    12th (the latest day: a CC201 on it, and the estimate of the 12th), not the wire's
    count of the 2nd."""
    world = _radio_citing("m-0502")
    radio = "{id: radio-23, subject: abduction, property: held, value: 23, source: c-0512}"
    data = _run(_store(make_store, *COUNTS, radio, world=world))
    (estimate,) = data["estimates"]
    assert estimate["as_of"] == "2031-05-10", estimate
    assert not [f for f in data["findings"] if "radio-23" in f["claims"]], data["findings"]


def test_a_candidate_reopens_the_review_of_its_own_days_dispute(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """An analyst's trial: disputes on the 8th and the 10th, both reviewed; a candidate
    adds a third figure on the 10th. It said it reopened the review of the 8th."""
    rows = [
        *COUNTS,
        "{id: med-25, subject: abduction, property: held, value: 25, source: m-0508, "
        "claimant: mediator}",
        "{id: dunes-25, subject: abduction, property: held, value: 25, source: m-0510, "
        "claimant: dunes}",
    ]
    root = _store(make_store, *rows)
    disputes = {
        f["details"]["day"]: f["fingerprint"]
        for f in _run(root)["findings"]
        if f["rule"] == "CC101"
    }
    (root / "reviews.yaml").write_text(
        "reviews:\n"
        + "".join(f"  - {{finding: '{fp}', verdict: explained}}\n" for fp in disputes.values()),
        encoding="utf-8",
    )
    result = _check(
        runner,
        root,
        tmp_path,
        "claims:\n  - {id: ministry-30, subject: abduction, property: held, value: 30, "
        "source: m-0510, claimant: ministry}\n",
    )
    (reopened,) = json.loads(result.stdout)["candidate"]["reopened_findings"]
    assert reopened["reviewed"] == disputes["2031-05-10"], (reopened, disputes)


def test_a_quote_of_one_count_of_a_bulletin_gives_that_counts_day(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: one mediator bulletin gives 19 (the 5th) and 17 (the 10th);
    a radio quoting its "19", citing it, was dated to the bulletin's latest count, the
    10th: a false CC107 ("relayed differently: 17 vs 19")."""
    world = _radio_citing("b-0505")
    rows = [
        "{id: med-19, subject: abduction, property: held, value: 19, source: b-0505, "
        "claimant: mediator, as_of: 2031-05-05}",
        "{id: med-17, subject: abduction, property: held, value: 17, source: b-0505, "
        "claimant: mediator, as_of: 2031-05-10}",
        "{id: radio-19, subject: abduction, property: held, value: 19, source: c-0512, "
        "claimant: mediator}",
    ]
    data = _run(_store(make_store, *rows, world=world))
    assert "CC107" not in _rules(data), data["findings"]


def test_a_quote_naming_the_wrong_voice_for_a_cited_count_is_that_counts_and_checked(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the radio on the 12th prints "19 still held, the ministry
    said", citing the mediator's bulletin of the 5th, where the mediator gives 19 and
    the ministry says nothing. It was the ministry's count of the 12th — what holds now,
    its estimate "best 19: the figure given by ministry" — and the check of its
    attribution, told for a group that does not vary, was never told."""
    world = _radio_citing("b-0505")
    radio = (
        "{id: radio-19, subject: abduction, property: held, value: 19, source: c-0512, "
        "claimant: ministry}"
    )
    data = _run(_store(make_store, *COUNTS, radio, world=world))
    (estimate,) = data["estimates"]
    assert estimate["as_of"] == "2031-05-10" and estimate["best"] == 17, estimate
    (check,) = [f for f in data["findings"] if f["rule"] == "CC203"]
    assert check["message"].startswith("held of abduction on 2031-05-05: 19 is quoted from "), check
    assert "check the attribution" in check["message"] and "radio-19" in check["claims"], check
    assert data["grades"]["radio-19"]["grade"] == 6, data["grades"]["radio-19"]
    # (the gaps of earlier days stay untold: only the latest day's count rests on one origin)
    assert [f["claims"] for f in data["findings"] if f["rule"] == "CC201"] == [["med-17"]]


def test_a_partys_first_hand_word_is_no_misattribution(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the ministry says 19 itself on the 12th; the radio that day,
    "19, the ministry said", cites the mediators' bulletin of the 5th, where only the
    mediators give 19. The radio relays the ministry's own word of the day, not the
    mediators' misattributed (it was graded 6 and CC203 asked to check it)."""
    world = _radio_citing("b-0505", "{id: min-0512, outlet: meridian, published: 2031-05-12}")
    rows = [
        *COUNTS,
        "{id: min-19, subject: abduction, property: held, value: 19, source: min-0512, "
        "claimant: ministry}",
        "{id: radio-19, subject: abduction, property: held, value: 19, source: c-0512, "
        "claimant: ministry}",
    ]
    data = _run(_store(make_store, *rows, world=world))
    assert "CC203" not in _rules(data) or all(
        "check the attribution" not in f["message"] for f in data["findings"]
    ), data["findings"]
    assert data["grades"]["radio-19"]["grade"] != 6, data["grades"]["radio-19"]


def test_a_quote_dated_to_an_earlier_day_replaces_no_word_of_it(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the mediators' bulletin of the 5th gives 19 and "at least
    15"; the radio on the 12th, citing it, "25, the mediators said" — dated to the 5th,
    but published later, it "replaced" their 19 (graded 6), as a later word replaces an
    earlier one of a value that does not vary."""
    world = _radio_citing("b-0505")
    rows = [
        *COUNTS,
        "{id: med-15, subject: abduction, property: held, value: at least 15, "
        "source: b-0505, claimant: mediator}",
        "{id: radio-25, subject: abduction, property: held, value: 25, source: c-0512, "
        "claimant: mediator}",
    ]
    data = _run(_store(make_store, *rows, world=world))
    assert data["grades"]["med-19"]["grade"] != 6, data["grades"]["med-19"]
    assert all("later word" not in f["message"] for f in data["findings"]), data["findings"]


def test_a_day_whose_counts_were_withdrawn_is_not_what_holds_now(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the latest day's only count was retracted — the estimate
    and the gaps of what holds now vanished; they are the day before's."""
    rows = [*COUNTS[:2], *(r.replace("}", ", status: retracted}") for r in COUNTS[3:])]
    rows.append(
        "{id: dunes-18, subject: abduction, property: held, value: 18, source: b-0505, "
        "claimant: dunes}"
    )
    data = _run(_store(make_store, *rows))
    (estimate,) = data["estimates"]
    assert estimate["as_of"] == "2031-05-05", estimate


def test_a_review_of_a_days_gap_follows_it_when_a_relay_arrives(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """A reviewer's store: the mediator's 17 of the 10th rests on one origin, reviewed;
    a paper relays it. The review was not carried to the CC203 (its fingerprint was
    rebuilt without the day): it went stale."""
    root = _store(make_store, *COUNTS)
    (gap,) = [f for f in _run(root)["findings"] if f["rule"] == "CC201"]
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: '{gap['fingerprint']}', verdict: accepted}}\n",
        encoding="utf-8",
    )
    result = _check(
        runner,
        root,
        tmp_path,
        _count_of_day("h-0510", "coastline", "2031-05-10", "relay-17", 17, "mediator"),
    )
    data = json.loads(result.stdout)
    (circular,) = [f for f in data["findings"] if f["rule"] == "CC203"]
    assert circular["review"], circular
    assert not data["candidate"]["reviews_made_stale"], data["candidate"]


def test_a_new_days_gap_is_news_not_the_old_days(
    runner: CliRunner, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    """A reviewer's store: a count of a new day resting on one origin was shown as
    "already in the store" because the day before's gap on the same value was."""
    root = _store(make_store, *COUNTS)
    result = _check(
        runner,
        root,
        tmp_path,
        _count_of_day("b-0514", "bridgeway-site", "2031-05-14", "med-17b", 17, "mediator"),
    )
    data = json.loads(result.stdout)
    (gap,) = [f for f in data["findings"] if f["rule"] == "CC201"]
    assert gap["fingerprint"] not in data["candidate"]["existing_findings"], data["candidate"]


@pytest.mark.parametrize("reverse", [False, True])
def test_a_partys_count_of_each_day_is_a_statement_of_its_own_in_its_record(
    runner: CliRunner, make_store: Callable[..., Path], reverse: bool
) -> None:
    """A reviewer's store: the kidnappers' 17 of the 8th, doubtful against the
    mediator's 19 that day, and their 17 of the 10th, which the mediator bears out, were
    one statement in their record — graded by whichever came first in the file."""
    rows = [
        "{id: med-19, subject: abduction, property: held, value: 19, source: m-0508, "
        "claimant: mediator}",
        "{id: dunes-17, subject: abduction, property: held, value: 17, source: m-0508, "
        "claimant: dunes}",
        "{id: dunes-17b, subject: abduction, property: held, value: 17, source: m-0510, "
        "claimant: dunes}",
        "{id: med-17, subject: abduction, property: held, value: 17, source: m-0510, "
        "claimant: mediator}",
    ]
    root = _store(make_store, *(reversed(rows) if reverse else rows))
    result = runner.invoke(cli, ["--store", str(root), "sources", "--parties", "--format", "json"])
    (dunes,) = [p for p in json.loads(result.stdout)["parties"] if p["id"] == "dunes"]
    assert dunes["statements"] == 2, dunes
    grades = {g: n for g, n in dunes["grades"].items() if n}
    assert grades == {"1": 1, "4": 1}, dunes
