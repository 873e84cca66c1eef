"""Estimates from ceilings and vague words (DESIGN §4): a ceiling ("fewer than 50") says
only how high a toll may be — it is read as stated at the low or the best, never as a
figure, and a vague word comes before it — and a vague word that is the only neutral
voice beside parties' figures counts (an analyst's trial: "moins de cinquante" and "une
dizaine" gave 50 / 50 / 50; a rights group's "several dozen" was dropped and the
rebels' "more than 100" became the estimate)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_judgement import estimate, world

from claimcheck import check, load_store
from claimcheck.report import render_report


def shelling(make_store: Callable[..., Path], **said: str) -> tuple[dict[str, Any], Path]:
    """The Dresk shelling's civilian deaths as ``said`` by each claimant (the Harbor
    Times quoting the parties, each NGO on its own document)."""
    docs = {"korvalian-army": "harbor-0305", "vlf": "harbor-0305"}
    docs |= {"watchlight": "valley-0305", "open-ward": "pinecrest-0305"}
    docs |= {"dresk-medical-sources": "northgate-0305"}
    rows = [
        f"{{id: by-{who}, subject: dresk-shelling, property: civilian_deaths, value: '{value}', "
        f"source: {docs[who]}, claimant: {who}}}"
        for who, value in said.items()
    ]
    root = world(make_store, *rows)
    data = check(load_store(root)).as_dict()
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None, data["estimates"]
    return est, root


def test_ceilings_alone_read_as_stated(make_store: Callable[..., Path]) -> None:
    # Watchlight's "fewer than 20" and Open Ward's "fewer than 50": nobody said 20.
    est, root = shelling(make_store, watchlight="fewer than 20", **{"open-ward": "fewer than 50"})
    assert (est["low"], est["low_ceiling"], est["low_open"]) == (20, True, True)
    assert (est["best"], est["best_ceiling"], est["best_open"]) == (20, True, True)
    assert (est["high"], est["high_open"]) == (50, False)
    assert est["basis"].startswith("best fewer than 20: the bound given by watchlight")
    (found,) = check(load_store(root)).estimates
    assert (found.low_text(), found.best_text(), found.high_text()) == (
        "fewer than 20",
        "fewer than 20",
        "50",
    )


def test_at_most_reads_as_at_most(make_store: Callable[..., Path]) -> None:
    est, root = shelling(make_store, watchlight="at most 20", **{"open-ward": "fewer than 50"})
    assert (est["low"], est["low_ceiling"], est["low_open"]) == (20, True, False)
    (found,) = check(load_store(root)).estimates
    assert found.low_text() == "at most 20"


def test_a_vague_word_comes_before_a_ceiling(make_store: Callable[..., Path]) -> None:
    # Open Ward's "moins de cinquante" and Watchlight's "une dizaine" (about ten: 8-12):
    # the estimate was 50 / 50 / 50, a figure the only claim behind it excludes.
    est, _ = shelling(make_store, watchlight="une dizaine", **{"open-ward": "moins de cinquante"})
    assert (est["low"], est["best"], est["high"]) == (8, 10, 50)
    assert not est["low_ceiling"] and not est["best_ceiling"]
    assert est["claims"] == {
        "low": ["by-watchlight"],
        "best": ["by-watchlight"],
        "high": ["by-open-ward"],
    }
    assert est["basis"].startswith("best 10: the size of 'une dizaine', given by watchlight")


def test_a_ceiling_at_the_low_beside_a_floor(make_store: Callable[..., Path]) -> None:
    # The army's "fewer than 10" against the rebels' "more than 40": the low is the
    # army's ceiling as stated, not a count of 10.
    est, root = shelling(make_store, **{"korvalian-army": "fewer than 10", "vlf": "more than 40"})
    assert (est["low"], est["low_ceiling"], est["low_open"]) == (10, True, True)
    assert (est["best"], est["best_open"], est["best_ceiling"]) == (40, True, False)
    assert est["high"] is None and est["high_open"]
    # The report reads it so, in words and in its chart.
    report = render_report(check(load_store(root)), "markdown")
    assert "Estimate: **low fewer than 10, best more than 40, high open" in report, report
    assert "best more than 40 : milestone, 40, 0s" in report


def test_the_only_neutral_voice_is_not_dropped_for_being_vague(
    make_store: Callable[..., Path],
) -> None:
    # The army's 4, the rebels' "more than 100", Watchlight's "several dozen" (36-108):
    # the 4 is a party's figure the neutral origin contradicts (the low, not the best);
    # the vague word was once dropped too, and the rebels' figure alone became the
    # estimate (more than 100 / more than 100 / open).
    est, _ = shelling(
        make_store,
        **{"korvalian-army": "4", "vlf": "more than 100", "watchlight": "several dozen"},
    )
    assert (est["low"], est["best"], est["high"]) == (4, 60, 108)
    assert est["claims"]["best"] == ["by-watchlight"]
    assert (
        "in the range but not the best, as a party's figure a neutral origin contradicts: "
        "4 (korvalian-army)" in (est["basis"])
    )
    assert est["basis"].endswith(
        "vague words counted, the only neutral voice beside parties' figures: "
        "'several dozen' (watchlight)"
    ), est["basis"]


def test_a_vague_word_beside_a_neutral_number_is_still_left_out(
    make_store: Callable[..., Path],
) -> None:
    est, _ = shelling(
        make_store, **{"korvalian-army": "4", "watchlight": "several dozen", "open-ward": "40"}
    )
    assert (est["low"], est["best"]) == (40, 40)
    assert est["basis"].endswith(
        "vague words left out where figures are stated: 'several dozen' (watchlight)"
    ), est["basis"]


def test_a_lower_floor_says_less_than_a_neutral_one(make_store: Callable[..., Path]) -> None:
    # Open Ward's "at least 10" and Watchlight's "more than 50", neither contradicted:
    # the 50 bears the 10 out, so the weaker floor had the most support and was the
    # best (10 / 10 / open). It says less than the other: the low and best are more
    # than 50.
    est, _ = shelling(make_store, watchlight="more than 50", **{"open-ward": "at least 10"})
    assert (est["low"], est["low_open"], est["best"], est["best_open"]) == (50, True, 50, True)
    assert est["claims"]["best"] == ["by-watchlight"]
    # A party's higher floor does not push a neutral one aside.
    est, _ = shelling(make_store, vlf="more than 50", **{"open-ward": "at least 10"})
    assert (est["low"], est["best"], est["best_open"]) == (10, 10, False)
    # Nor when a neutral count bears the party's floor out: the VLF's "more than 50"
    # beside Watchlight's 60 is no named neutral floor (a reviewer's store: the low was
    # the VLF's "more than 50", Open Ward's confirmed floor gone without a word).
    est, _ = shelling(
        make_store, vlf="more than 50", watchlight="60", **{"open-ward": "at least 10"}
    )
    assert (est["low"], est["low_open"], est["best"]) == (10, False, 60), est
    assert est["claims"]["low"] == ["by-open-ward"], est


def test_a_neutral_floor_rules_out_a_rough_figure_as_the_best(
    make_store: Callable[..., Path],
) -> None:
    # Watchlight's and Open Ward's "more than 30" (confirmed) beside unnamed medical
    # sources' "about 30": the best was 30, which both floors exclude.
    est, _ = shelling(
        make_store,
        watchlight="more than 30",
        **{"open-ward": "more than 30", "dresk-medical-sources": "about 30"},
    )
    assert (est["best"], est["best_open"]) == (30, True), est
    assert est["claims"]["best"] == ["by-open-ward", "by-watchlight"]
    # The same beside the army's "about 30": the best was "30: the figure given by
    # korvalian-army, and the bound more than 30" — a number the bound rules out.
    est, _ = shelling(
        make_store,
        watchlight="more than 30",
        **{"open-ward": "more than 30", "korvalian-army": "about 30"},
    )
    assert (est["best"], est["best_open"]) == (30, True), est
    assert est["claims"]["best"] == ["by-open-ward", "by-watchlight"]
    assert est["basis"].startswith("best more than 30: the bound given by open-ward, watchlight")
    # A floor under the rough figure leaves it the best: "about 40" and "at least 38".
    est, _ = shelling(make_store, watchlight="at least 38", **{"open-ward": "about 40"})
    assert (est["best"], est["best_open"]) == (40, False), est


def test_a_floor_several_origins_give_stands_under_one_higher_floor(
    make_store: Callable[..., Path],
) -> None:
    # Open Ward and the Harbor Times (in its own voice) each say "at least 10";
    # Watchlight alone says "more than 50". The lower floor does not owe its support to
    # Watchlight's: it stands, as the low and the best (a generated store's "324+" of
    # eight origins under one "at least 972" became a best of 972).
    rows = [
        "{id: ward-10, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 10, source: pinecrest-0305, claimant: open-ward}",
        "{id: harbor-10, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 10, source: harbor-0305}",
        "{id: watch-50, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 50, source: valley-0305, claimant: watchlight}",
    ]
    data = check(load_store(world(make_store, *rows))).as_dict()
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["low_open"], est["best"], est["best_open"]) == (10, False, 10, False)


def test_a_vague_word_a_neutral_ceiling_rules_out_is_left_out(
    make_store: Callable[..., Path],
) -> None:
    # Watchlight's "moins de vingt" and Open Ward's "une vingtaine" (16-24, size 20),
    # neither contradicted: the vague word's size is a figure the ceiling excludes (a
    # reviewer's store gave 16 / 20 / 24).
    est, _ = shelling(make_store, watchlight="moins de vingt", **{"open-ward": "une vingtaine"})
    assert (est["best"], est["best_ceiling"], est["high"]) == (20, True, 20), est
    assert "vague words left out, their size over a stated ceiling: 'une vingtaine'" in est["basis"]
    # A ceiling a neutral count contradicts caps nothing: both stand in the estimate.
    est, _ = shelling(make_store, watchlight="fewer than 10", **{"open-ward": "dozens"})
    assert (est["low"], est["low_ceiling"], est["best"], est["high"]) == (10, True, 24, 99), est


def test_the_best_ceiling_is_a_neutral_origins_before_a_partys(
    make_store: Callable[..., Path],
) -> None:
    # The army's "fewer than 30", Watchlight's "fewer than 50": the tighter bound is a
    # party's; the best is the neutral one (the low stays the army's, as stated).
    est, _ = shelling(make_store, watchlight="fewer than 50", **{"korvalian-army": "fewer than 30"})
    assert (est["best"], est["best_ceiling"]) == (50, True), est
    assert est["claims"]["best"] == ["by-watchlight"]
    assert (est["low"], est["low_ceiling"]) == (30, True)


def test_both_sides_inside_a_neutral_range_rule_out_its_lower_end(
    make_store: Callable[..., Path],
) -> None:
    # The army says 12, the rebels 18, Watchlight "between 10 and 20": both sides rule
    # out the range's lower end (their common ground weighs as a neutral origin), so the
    # best is the lowest figure they give (an analyst's trial: best 10). One side alone
    # inside the range leaves its lower end.
    est, _ = shelling(
        make_store,
        watchlight="between 10 and 20",
        **{"korvalian-army": "12", "vlf": "18"},
    )
    assert (est["low"], est["best"], est["high"]) == (10, 12, 20), est
    est, _ = shelling(make_store, watchlight="between 10 and 20", vlf="18")
    assert est["best"] == 10, est


def test_a_vague_word_reaches_no_higher_than_a_neutral_ceiling(
    make_store: Callable[..., Path],
) -> None:
    # Watchlight's "fewer than 30" and Open Ward's "dozens" (24-99): the high is the
    # ceiling's 30, not the 99 the word's interval reaches (a reviewer's store).
    est, _ = shelling(make_store, watchlight="fewer than 30", **{"open-ward": "dozens"})
    assert (est["best"], est["high"]) == (24, 30), est


def test_a_vague_word_is_no_neutral_voice_over_a_neutral_count_the_latest_overtook(
    make_store: Callable[..., Path],
) -> None:
    # Unnamed medics' "more than 200" on the 4th; on the 5th the army's 226 and
    # Watchlight's "hundreds". The medics' floor, overtaken by the army's count, is the
    # neutral voice: the vague word's size was the best and its interval the high (an
    # analyst's trial: 200 / 200 / 999, a best below a floor graded confirmed).
    rows = [
        "{id: medics, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 200, source: northgate-0305, claimant: dresk-medical-sources, "
        "as_of: 2031-03-04}",
        "{id: army-226, subject: dresk-shelling, property: civilian_deaths, value: 226, "
        "source: harbor-0306, claimant: korvalian-army}",
        "{id: watch-hundreds, subject: dresk-shelling, property: civilian_deaths, "
        "value: hundreds, source: valley-0305, claimant: watchlight, as_of: 2031-03-05}",
    ]
    data = check(load_store(world(make_store, *rows))).as_dict()
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["low_open"], est["best"], est["high"]) == (200, True, 226, 226), est
    assert est["claims"]["low"] == ["medics"], est
    assert "vague words left out where figures are stated: 'hundreds'" in est["basis"], est


def test_an_unnamed_sources_vague_word_is_no_neutral_voice_beside_parties_figures(
    make_store: Callable[..., Path],
) -> None:
    # The army's 4, the VLF's "more than 100", and unnamed medical sources' "several
    # dozen" (a named rights group's counts: see above). An unnamed word is too little to
    # set the range: it gave the word's size as the best and its interval's end as the
    # high (an analyst's trial: 7 / 24 / 99 from residents' "dozens").
    est, _ = shelling(
        make_store,
        **{
            "korvalian-army": "4",
            "vlf": "more than 100",
            "dresk-medical-sources": "several dozen",
        },
    )
    assert est["claims"]["best"] != ["by-dresk-medical-sources"], est
    assert "every figure comes from a side with a stake in it" in est["basis"], est["basis"]
    assert est["basis"].endswith(
        "vague words left out where figures are stated: 'several dozen' (dresk-medical-sources)"
    ), est["basis"]
