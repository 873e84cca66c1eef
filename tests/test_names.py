"""Mistyped and other names of records: the hint names the record meant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli


def test_an_unknown_id_that_is_another_name_of_a_record_names_it(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """`civilian_deaths` is not the property's id but one of its aliases: say which id."""
    root = make_store(
        {
            "vocab.yaml": (
                "properties:\n"
                "  - {id: civilians_killed, type: quantity, aliases: [civilian deaths, morts civils]}\n"
                "claims:\n"
                "  - {id: x, subject: strike, property: civilian_deaths, value: 3, source: rfi-doc}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 2
    assert (
        "unknown property 'civilian_deaths' (did you mean 'civilians_killed'? "
        "'civilian deaths' is one of its names)"
    ) in result.stderr, result.stderr


def test_a_review_naming_a_claim_the_store_lacks_is_a_warning(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A typo in a review's `claims` would show the real claim as new since the review:
    say so where the review is, with the claim meant."""
    root = make_store(
        {
            "r.yaml": (
                "claims:\n"
                "  - {id: strike-deaths-rfi, subject: strike, property: deaths, value: 3, "
                "source: rfi-doc}\n"
                "reviews:\n"
                "  - {finding: 0123456789abcdef, verdict: explained, claims: [strike-deaths-rf]}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exit_code == 0, result.output
    assert (
        "warning: review of finding 0123456789abcdef: no claim 'strike-deaths-rf' in the "
        "store (did you mean 'strike-deaths-rfi'?)"
    ) in result.stderr, result.stderr
