"""Quantities: every accepted form, in English and French, and the rejections."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values import BadValue, parse_value, rounds_off
from claimcheck.values.quantity import (
    INF,
    Quantity,
    QuantityError,
    parse_quantity,
)
from claimcheck.values.tolerance import disjoint, overlaps
from claimcheck.values.words import VAGUE

# (written, low, high, low_open, high_open)
ACCEPTED = [
    (14, 14, 14, False, False),
    (2.5, 2.5, 2.5, False, False),
    ("14", 14, 14, False, False),
    ("14+", 14, INF, False, False),
    ("14 +", 14, INF, False, False),
    (">30", 30, INF, True, False),
    (">=14", 14, INF, False, False),
    ("≥14", 14, INF, False, False),
    ("<5", 0, 5, False, True),
    ("<=5", 0, 5, False, False),
    ("10-14", 10, 14, False, False),
    ("10–14", 10, 14, False, False),
    ("10 to 14", 10, 14, False, False),
    ("~800", 720, 880, False, False),
    ("1,200", 1200, 1200, False, False),
    ("1 200", 1200, 1200, False, False),
    ("2,5", 2.5, 2.5, False, False),
    ("fourteen", 14, 14, False, False),
    # wire phrasings: a glued "k", an estimate, "close to", "200-plus"
    ("15k", 15000, 15000, False, False),
    ("15 k", 15000, 15000, False, False),
    ("1.5k", 1500, 1500, False, False),
    ("an estimated 15,000", 13500, 16500, False, False),
    ("estimated 300", 270, 330, False, False),
    ("close to 150", 135, 150, False, False),
    ("200-plus", 200, INF, False, False),
    ("200 plus", 200, INF, False, False),
    ("thirty-two", 32, 32, False, False),
    ("two hundred and fifty", 250, 250, False, False),
    ("at least ten", 10, INF, False, False),
    ("no fewer than 10", 10, INF, False, False),
    ("over thirty", 30, INF, True, False),
    ("more than 30", 30, INF, True, False),
    ("over thirty others", 30, INF, True, False),
    ("fewer than 5", 0, 5, False, True),
    ("up to 5", 0, 5, False, False),
    ("about 800", 720, 880, False, False),
    ("nearly 800", 720, 800, False, False),
    ("between 10 and 14", 10, 14, False, False),
    ("14 or more", 14, INF, False, False),
    ("dozens", 24, 99, False, False),
    ("a dozen", 10, 14, False, False),
    ("several", 3, 9, False, False),
    ("a few", 2, 6, False, False),
    ("hundreds", 200, 999, False, False),
    ("none", 0, 0, False, False),
    # nobody at all: not "no" plus "one"
    ("no one", 0, 0, False, False),
    ("No one killed", 0, 0, False, False),
    ("nobody", 0, 0, False, False),
    ("not one", 0, 0, False, False),
    ("personne", 0, 0, False, False),
    ("unknown", 0, INF, False, False),
    # French
    ("quatorze", 14, 14, False, False),
    ("vingt et un", 21, 21, False, False),
    ("soixante-dix-sept", 77, 77, False, False),
    ("quatre-vingt-dix", 90, 90, False, False),
    ("au moins une dizaine", 10, INF, False, False),
    ("au moins une dizaine de morts", 10, INF, False, False),
    ("plus de trente", 30, INF, True, False),
    ("plus d'une dizaine", 10, INF, True, False),
    ("plus d’une dizaine", 10, INF, True, False),
    ("moins de cinq", 0, 5, False, True),
    ("une dizaine", 8, 12, False, False),
    ("une centaine", 80, 120, False, False),
    ("une cinquantaine", 40, 60, False, False),
    ("des dizaines", 20, 99, False, False),
    ("environ 800", 720, 880, False, False),
    ("entre dix et quatorze", 10, 14, False, False),
    ("de 10 à 14", 10, 14, False, False),
    ("quelques kilomètres", 2, 6, False, False),
    ("inconnu", 0, INF, False, False),
    # explicit mappings
    ({"at_least": 14}, 14, INF, False, False),
    ({"at_most": 5}, 0, 5, False, False),
    ({"more_than": 30}, 30, INF, True, False),
    ({"less_than": 5}, 0, 5, False, True),
    ({"min": 10, "max": 14}, 10, 14, False, False),
    ({"min": 10}, 10, INF, False, False),
    ({"approx": 800}, 720, 880, False, False),
]


@pytest.mark.parametrize(
    ("written", "low", "high", "low_open", "high_open"), ACCEPTED, ids=[str(a[0]) for a in ACCEPTED]
)
def test_accepted_forms(
    written: object, low: float, high: float, low_open: bool, high_open: bool
) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high, q.low_open, q.high_open) == (low, high, low_open, high_open)


REJECTED = [
    "lots",
    "",
    "   ",
    "-3",
    "10-5",
    "fourteen-ish",
    "many",
    "no five",
    "zero one",
    True,
    None,
    [1, 2],
    {"min": 14, "max": 10},
    {"at_least": "x"},
    {"foo": 1},
    -1,
    float("nan"),
    float("inf"),
    1e400,
    1e16,
]


@pytest.mark.parametrize("written", REJECTED, ids=[repr(r) for r in REJECTED])
def test_rejected_forms_explain_what_is_accepted(written: object) -> None:
    with pytest.raises(QuantityError) as err:
        parse_quantity(written)
    message = str(err.value)
    assert message  # names the problem
    if isinstance(written, str) and written.strip() and written not in ("10-5",):
        assert "accepted forms" in message


def test_vague_words_are_intervals_around_their_nominal() -> None:
    for phrase, v in VAGUE.items():
        q = parse_quantity(phrase)
        assert q.low <= v.nominal <= q.high, phrase
        assert q.form == "vague"


def test_open_interval_does_not_conflict_with_a_larger_figure() -> None:
    assert overlaps(parse_quantity("14+"), parse_quantity(20))
    assert disjoint(parse_quantity("14+"), parse_quantity(10))


def test_strict_bounds_exclude_the_figure_itself() -> None:
    assert disjoint(parse_quantity(">30"), parse_quantity(30))
    assert overlaps(parse_quantity(">=30"), parse_quantity(30))
    assert disjoint(parse_quantity("<5"), parse_quantity(5))
    # ("0%" is no tolerance: open bounds stay open)
    assert disjoint(parse_quantity(">20"), parse_quantity(20), "0%")
    assert disjoint(parse_quantity(20), parse_quantity("<20"), "0%")


def test_tolerance_absolute_and_relative() -> None:
    assert disjoint(parse_quantity(10), parse_quantity(14))
    assert overlaps(parse_quantity(10), parse_quantity(14), 4)
    assert disjoint(parse_quantity(10), parse_quantity(14), 3)
    assert overlaps(parse_quantity(800), parse_quantity(850), "10%")
    assert disjoint(parse_quantity(10), parse_quantity(14), "10%")


def test_bad_value_through_parse_value() -> None:
    with pytest.raises(BadValue, match="accepted forms"):
        parse_value("quantity", "lots")


# --- properties -------------------------------------------------------------------------

numbers = st.integers(min_value=0, max_value=10**6)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    n = draw(numbers)
    m = draw(numbers)
    lo, hi = min(n, m), max(n, m)
    text = draw(
        st.sampled_from(
            [
                f"{n}",
                f"{n}+",
                f">{n}",
                f"<{n + 1}",
                f"<={n}",
                f"{lo}-{hi}",
                f"~{n}",
                f"at least {n}",
                f"over {n}",
                f"fewer than {n + 1}",
                f"between {lo} and {hi}",
                *VAGUE.keys(),
                "unknown",
            ]
        )
    )
    return parse_quantity(text)


@given(quantities())
def test_parse_print_parse_round_trip(q: Quantity) -> None:
    again = parse_quantity(q.canonical())
    assert again.key == q.key
    assert parse_quantity(again.canonical()).key == again.key


@given(
    quantities(),
    quantities(),
    st.one_of(st.none(), st.integers(0, 50), st.sampled_from(["5%", "10%"])),
)
def test_overlap_is_symmetric(a: Quantity, b: Quantity, tolerance: object) -> None:
    assert overlaps(a, b, tolerance) == overlaps(b, a, tolerance)  # type: ignore[arg-type]


@given(quantities())
def test_a_quantity_overlaps_itself(q: Quantity) -> None:
    assert overlaps(q, q)


@given(quantities(), quantities())
def test_widening_never_creates_a_conflict(a: Quantity, b: Quantity) -> None:
    if overlaps(a, b):
        assert overlaps(a, b, 10) and overlaps(a, b, "50%")


def test_no_nan_slips_through() -> None:
    for text in ("nan", "NaN", "inf"):
        with pytest.raises(QuantityError):
            parse_quantity(text)
    assert not math.isnan(parse_quantity("0").low)


HUGE = "1" + "0" * 309  # a float would make it infinity


@pytest.mark.parametrize(
    "written",
    [
        HUGE,
        HUGE + "+",
        f"1-{HUGE}",
        f"<{HUGE}",
        f"nearly {HUGE}",
        "2" + "0" * 16,
        " ".join(["hundred"] * 155),
    ],
    ids=["digits", "at-least", "range", "less-than", "nearly", "1e16-digits", "words"],
)
def test_numbers_too_big_to_count_are_out_of_range(written: str) -> None:
    """Never an infinite bound from overflow (a crash later, in the report): an error."""
    with pytest.raises(QuantityError, match=r"out of range \(at most 1e15\)"):
        parse_quantity(written)
    assert parse_quantity("1" + "0" * 15).high == 1e15


# A size word after a vague word or a figure multiplies it; it is never dropped as if it
# were a noun copied along ("several dozen" once read as "several": 3 to 9).
SIZES = [
    ("several dozen", 36, 108),
    ("a few dozen", 24, 72),
    ("several hundred", 300, 900),
    ("a few thousand", 2000, 6000),
    ("tens of thousands", 20000, 99999),
    ("tens of thousands of people", 20000, 99999),
    ("plusieurs dizaines", 30, 90),
    ("quelques dizaines", 20, 60),
    ("quelques centaines", 200, 600),
    ("plusieurs centaines de morts", 300, 900),
    ("des dizaines de milliers de déplacés", 20000, 99999),
    ("two dozen", 24, 24),
    ("2 dozen", 24, 24),
    ("1.5 million", 1_500_000, 1_500_000),
    ("deux millions de déplacés", 2_000_000, 2_000_000),
    ("two million three hundred thousand", 2_300_000, 2_300_000),
    ("over 2 million", 2_000_000, INF),
    # a size word after a figure scales all of it, not its last number only
    ("between 2 and 3 million", 2_000_000, 3_000_000),
    ("entre 2 et 3 millions", 2_000_000, 3_000_000),
    ("2-3 million", 2_000_000, 3_000_000),
    ("~1.5 million", 1_350_000, 1_650_000),
    ("10-12 dozen", 120, 144),
    ("several million", 3_000_000, 9_000_000),
    ("between 2 million and 3 million", 2_000_000, 3_000_000),
    # scales after scales
    ("one thousand million", 10**9, 10**9),
    ("one billion two million", 1_002_000_000, 1_002_000_000),
    ("un milliard deux millions", 1_002_000_000, 1_002_000_000),
    ("one billion five hundred million", 1_500_000_000, 1_500_000_000),
    ("two hundred thousand million", 2 * 10**11, 2 * 10**11),
    ("a million million", 10**12, 10**12),
    ("a thousand thousand", 10**6, 10**6),
    ("millions", 2_000_000, 9_999_999),
]


@pytest.mark.parametrize(("written", "low", "high"), SIZES, ids=[s[0] for s in SIZES])
def test_size_words_multiply(written: str, low: float, high: float) -> None:
    q = parse_quantity(written)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "written", ["plusieurs dizaines de milliers", "several hundreds", "a few score thousand"]
)
def test_an_unknown_phrase_ending_in_a_size_is_refused_not_shrunk(written: str) -> None:
    with pytest.raises(QuantityError, match="accepted forms"):
        parse_quantity(written)


def test_several_hundred_does_not_conflict_with_three_hundred() -> None:
    assert overlaps(parse_quantity("plusieurs centaines"), parse_quantity(300))
    assert disjoint(parse_quantity("several dozen"), parse_quantity(300))


def test_messages_show_the_value_as_written() -> None:
    with pytest.raises(QuantityError, match=r"\{min: 14, max: 10\} runs backwards"):
        parse_quantity({"min": 14, "max": 10})
    with pytest.raises(QuantityError, match=r"^an empty value is not a quantity"):
        parse_quantity(None)


@pytest.mark.parametrize("written", ["<0", "< 0", "fewer than 0", "moins de 0", "under 0"])
def test_fewer_than_nothing_allows_no_figure(written: str) -> None:
    # An empty interval: no count could make it true, and the rules would have nothing to
    # weigh it against (it once made CC201 crash).
    with pytest.raises(QuantityError, match=r"allows no figure.*write 0"):
        parse_quantity(written)
    assert parse_quantity("<1").high == 1  # fewer than one is none: a figure


@pytest.mark.parametrize(
    ("written", "alone"),
    [("none reported", "none"), ("aucun bilan", "aucun"), ("no one reported", "no one")],
)
def test_none_said_of_a_count_not_given_is_no_figure(written: str, alone: str) -> None:
    """ "Aucun bilan" is no toll given, not a toll of 0: refused, saying what to write."""
    with pytest.raises(QuantityError, match="gives no figure: write 0 if the source says"):
        parse_quantity(written)
    assert parse_quantity(alone).high == 0


@pytest.mark.parametrize(
    ("original", "printed", "rounded"),
    [
        (47, 50, True),  # the mayor's 47 printed "50"
        (47, "about 50", True),
        (1243, "1,200", True),
        (1243, "some 1,250", True),
        (188, 200, True),
        (1243, "1,000", False),  # a fifth off and more: another figure
        (4000, 5000, False),  # two round counts: another count
        (80, 100, False),
        (130, 150, False),
        (12000, 10000, False),  # a sixth off
        (95, 100, True),
        (53, "nearly 50", False),  # nearly is below
        (47, "nearly 50", True),
        (60, 100, False),
        (8, 10, False),  # small counts differ; they are not rounded
        (12, 20, False),
        (47, 74, False),  # transposed, not rounded
        (50, 50, False),  # the same figure
        (47, "at least 50", False),  # a bound is no rounding
        ("at least 47", 50, True),  # a floor's figure rounded (a desk's trial)
        ("between 40 and 60", 50, False),  # a range states two figures
    ],
)
def test_a_figure_rounded_is_recognised(original: object, printed: object, rounded: bool) -> None:
    assert rounds_off(parse_quantity(original), parse_quantity(printed)) is rounded
