"""Dates: day, month and year precision, ranges, and impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.values import BadValue, DateRange, parse_value
from claimcheck.values.dates import DateError, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("2023-11-14", D(2023, 11, 14), D(2023, 11, 14)),
        ("2023-11", D(2023, 11, 1), D(2023, 11, 30)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2023", D(2023, 1, 1), D(2023, 12, 31)),
        (2015, D(2015, 1, 1), D(2015, 12, 31)),
        ("2023-11-10/2023-11-14", D(2023, 11, 10), D(2023, 11, 14)),
        ("1959/1966", D(1959, 1, 1), D(1966, 12, 31)),
        ("2023-10/2023-11-02", D(2023, 10, 1), D(2023, 11, 2)),
        (D(2023, 11, 7), D(2023, 11, 7), D(2023, 11, 7)),
    ],
)
def test_accepted_dates(written: object, low: dt.date, high: dt.date) -> None:
    r = parse_date(written)
    assert (r.low, r.high) == (low, high)


@pytest.mark.parametrize(
    "written",
    [
        "2023-02-30",
        "2023-13",
        "2023-11-14/2023-11-10",
        "14/11/2023",
        "November 14",
        "",
        True,
        3.5,
        "0000-01-01",
        "2023-1-5",
    ],
)
def test_rejected_dates(written: object) -> None:
    with pytest.raises(DateError):
        parse_date(written)


def test_impossible_date_message_says_so() -> None:
    with pytest.raises(BadValue, match="not a real date"):
        parse_value("date", "2023-02-30")


def test_unknown_date_overlaps_everything() -> None:
    unknown = parse_date("unknown")
    assert not unknown.known
    assert unknown.overlaps(parse_date("2023-11-14"))


def test_canonical_text_round_trips() -> None:
    for text in ("2023-11-14", "2023-11", "2023", "2023-11-10/2023-11-14", "unknown"):
        r = parse_date(text)
        assert parse_date(r.canonical()).key == r.key
        assert isinstance(r, DateRange)


def test_overlap_with_tolerance_in_days() -> None:
    a, b = parse_date("2023-11-10"), parse_date("2023-11-12")
    assert not a.overlaps(b)
    assert a.overlaps(b, 2)
    assert a.before(b) and not b.before(a)


@pytest.mark.parametrize("written", ["14/11/2023x", "2023-11-10/14", "11/14"])
def test_a_range_that_cannot_be_read_is_named_whole(written: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(written)
    assert str(err.value).startswith(f"cannot read {written!r} as a date")


def test_an_empty_date_says_so() -> None:
    with pytest.raises(DateError, match=r"^an empty value is not a date"):
        parse_date(None)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2023-13-01", "month 13: months are 1 to 12"),
        ("2023-13", "month 13: months are 1 to 12"),
        ("2023-02-30", "day 30: that month has 28 days"),
        ("2024-02-30", "day 30: that month has 29 days"),
    ],
)
def test_an_impossible_date_says_what_is_wrong_with_it(written: str, why: str) -> None:
    with pytest.raises(DateError, match=f"^'{written}' is not a real date \\({why}\\)$"):
        parse_date(written)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2024-5-10", "'2024-5-10': write it YYYY-MM-DD (2024-05-10)"),
        ("2024/05/10", "'2024/05/10': write it YYYY-MM-DD (2024-05-10)"),
        ("14/11/2023", "'14/11/2023': write it YYYY-MM-DD (2023-11-14)"),
        ("11/14/2023", "'11/14/2023': write it YYYY-MM-DD (2023-11-14)"),
        (
            "10/05/2024",
            "'10/05/2024': write it YYYY-MM-DD (2024-05-10, or 2024-10-05 if the month "
            "comes first)",
        ),
        ("10.05.2024", "'10.05.2024': write it YYYY-MM-DD (2024-05-10, or 2024-10-05"),
        ("2024-5", "'2024-5': write it YYYY-MM (2024-05)"),
        ("12 August 2024", "'12 August 2024': write it YYYY-MM-DD (2024-08-12)"),
        ("August 12, 2024", "'August 12, 2024': write it YYYY-MM-DD (2024-08-12)"),
        ("1er août 2024", "'1er août 2024': write it YYYY-MM-DD (2024-08-01)"),
        ("Nov. 2023", "'Nov. 2023': write it YYYY-MM (2023-11)"),
        ("2024-05-10/2024-5-12", "'2024-5-12': write it YYYY-MM-DD (2024-05-12)"),
    ],
)
def test_a_real_date_in_another_form_says_how_to_write_it(written: str, message: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(written)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize("written", ["32/13/2024", "2024-13-1", "2023-2-30", "31 June 2024"])
def test_no_date_in_another_form_is_not_offered_one(written: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(written)
    assert "write it" not in str(err.value)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2024-8-15", "'2024-8-15': write it YYYY-MM-DD (2024-08-15)"),
        ("15/08/2024", "'15/08/2024': write it YYYY-MM-DD (2024-08-15)"),
        ("August 15, 2024", "'August 15, 2024': write it YYYY-MM-DD (2024-08-15)"),
        ("2024-08", "'2024-08': write the full date, YYYY-MM-DD"),
        ("Aug 2024", "'Aug 2024': write the full date, YYYY-MM-DD (a day of 2024-08)"),
        ("2024-02-30", "'2024-02-30' is not a real date (day 30: that month has 29 days)"),
        ("yesterday", "cannot read 'yesterday' as a date; write it YYYY-MM-DD"),
    ],
)
def test_a_document_date_says_how_to_write_it_as_a_claims_date_does(
    written: str, message: str
) -> None:
    """A document's `published` (one day) is told how to write a real date written
    otherwise, as a claim's `as_of` is — not that it is "not a real date"."""
    from claimcheck.model import Document

    with pytest.raises(ValueError) as err:
        Document(id="d", outlet="o", published=written)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("written", "low", "high", "canonical"),
    [
        ("2025-03-01/..", D(2025, 3, 1), dt.date.max, "2025-03-01/.."),
        ("2025-03/..", D(2025, 3, 1), dt.date.max, "2025-03-01/.."),
        ("../2025-03-10", dt.date.min, D(2025, 3, 10), "../2025-03-10"),
        (" 2025 / .. ", D(2025, 1, 1), dt.date.max, "2025-01-01/.."),
    ],
)
def test_a_subjects_extent_may_have_an_open_end(
    written: str, low: dt.date, high: dt.date, canonical: str
) -> None:
    """ISO 8601-2's open end: a siege still under way (DESIGN §2, growth "when the subject
    has an open end"), or an event whose start nobody gives."""
    r = parse_date(written, open_ends=True)
    assert (r.low, r.high, r.canonical(), str(r)) == (low, high, canonical, written.strip())
    assert r.known and r.open_ended is (high == dt.date.max)
    assert r.overlaps(parse_date("2031-01-01")) is (high == dt.date.max)


@pytest.mark.parametrize("written", ["2025-03-01/..", "../2025-03-10"])
def test_a_claims_date_has_no_open_end(written: str) -> None:
    """A claim's date is one day, perhaps uncertain; "still under way" is a subject's."""
    with pytest.raises(DateError, match=r"open end \(\.\.\) is for a subject's date"):
        parse_date(written)


@pytest.mark.parametrize("written", ["../..", "2025-13/..", "../2025-02-30", "soon/.."])
def test_an_open_end_needs_a_real_other_end(written: str) -> None:
    with pytest.raises(DateError):
        parse_date(written, open_ends=True)
