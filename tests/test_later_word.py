"""A property with one true value that is no running toll: an origin's later word is its
word (DESIGN §2: "estimates and grades use each origin's latest figure"), and CC107 asks
for the correction to be recorded.

The event is invented, of the shape an analyst's trial met: a march in Velmora on
12 April. The wire quotes the police (8,000), a counting firm (22,000) and the
organisers ("more than 50,000" or 50,000); the next day the organisers' own site says
70,000. Before, the organisers' two figures were both "improbable" — supported only by
an origin "which also says otherwise" — and the estimate dropped them: 8,000 / 22,000 /
22,000, where an analyst publishes 8,000 / 22,000 / 70,000.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimcheck.engine import check
from claimcheck.store import load_store

from support import FIRM_22K, MARCH, POLICE_8K

WORLD = """\
outlets:
  - {id: cf-site, name: Civic Front website, kind: party-channel, affiliation: civic-front}
  - {id: courier, name: Velmora Courier, kind: newspaper}
documents:
  - {id: cf-0413, outlet: cf-site, published: 2031-04-13}
  - {id: c-0415, outlet: courier, published: 2031-04-15}
  - {id: c-0416, outlet: courier, published: 2031-04-16, cites: [m-0412]}
"""
POLICE, FIRM = POLICE_8K, FIRM_22K
ORGANISERS = (
    "{id: org-50k, subject: march, property: crowd_size, value: 50000, source: m-0412, "
    "claimant: civic-front}"
)
REVISED = "{id: org-70k, subject: march, property: crowd_size, value: 70000, source: cf-0413}"


def _run(make_store: Callable[..., Path], *rows: str) -> dict[str, Any]:
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in rows)
    root = make_store({"march.yaml": MARCH, "world.yaml": WORLD, "claims.yaml": claims}, base=False)
    return check(load_store(root)).as_dict()


def test_the_organisers_later_figure_is_their_word(make_store: Callable[..., Path]) -> None:
    data = _run(make_store, POLICE, FIRM, ORGANISERS, REVISED)
    (estimate,) = data["estimates"]
    assert (estimate["low"], estimate["best"], estimate["high"]) == (8000, 22000, 70000), estimate
    assert estimate["claims"]["high"] == ["org-70k"], estimate
    grades = data["grades"]
    # (contradicted by the neutral firm: doubtful, not improbable)
    assert grades["org-70k"]["grade"] == 4, grades["org-70k"]
    assert grades["org-50k"]["grade"] == 6, grades["org-50k"]
    assert "since said otherwise" in grades["org-50k"]["reason"], grades["org-50k"]
    (dispute,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert "50000" not in dispute["message"] and "70000" in dispute["message"], dispute
    (own,) = [f for f in data["findings"] if f["rule"] == "CC107"]
    assert own["claims"] == ["org-50k", "org-70k"], own
    assert "mark org-50k `status: superseded` if it was corrected" in own["message"], own


@pytest.mark.parametrize(
    "value",
    [
        # (the Courier on the 15th: "50,000 marched, the organisers said")
        "50000",
        # (an adversarial trial: "about 50,000, the organisers said" — worded loosely,
        # as a running toll's old figure quoted again)
        "about 50000",
    ],
)
def test_an_old_word_quoted_again_later_is_no_later_word(
    make_store: Callable[..., Path], value: str
) -> None:
    """The organisers' word of the 12th quoted on the 15th, not a correction of their
    70,000 back down."""
    quoted = (
        f"{{id: courier-50k, subject: march, property: crowd_size, value: {value}, "
        "source: c-0415, claimant: civic-front}"
    )
    data = _run(make_store, POLICE, FIRM, ORGANISERS, REVISED, quoted)
    (estimate,) = data["estimates"]
    assert estimate["high"] == 70000, estimate
    assert data["grades"]["org-70k"]["grade"] == 4, data["grades"]["org-70k"]
    assert data["grades"]["courier-50k"]["grade"] == 6, data["grades"]["courier-50k"]


def test_words_of_one_day_or_that_can_both_hold_replace_nothing(
    make_store: Callable[..., Path],
) -> None:
    # (two figures of one day: the origin contradicts itself, neither is its later word)
    same_day = REVISED.replace("source: cf-0413", "source: m-0412, claimant: civic-front")
    data = _run(make_store, POLICE, FIRM, ORGANISERS, same_day)
    assert data["grades"]["org-50k"]["grade"] == data["grades"]["org-70k"]["grade"] == 5
    (own,) = [f for f in data["findings"] if f["rule"] == "CC107"]
    assert "later word" not in own["message"], own
    # ("more than 50,000", then 70,000: the later bears the earlier out, both stand)
    floor = ORGANISERS.replace("value: 50000", 'value: "more than 50000"')
    data = _run(make_store, POLICE, FIRM, floor, REVISED)
    assert "CC107" not in {f["rule"] for f in data["findings"]}, data["findings"]
    assert data["grades"]["org-50k"]["grade"] != 6, data["grades"]["org-50k"]


def test_a_later_relay_of_the_old_figure_is_no_later_word(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the Courier on the 16th prints "50,000" in its own words,
    citing the wire of the 12th — the organisers' old word relayed (as of the wire's
    day), not their word of the 16th. It retired their 70,000 and told the user to mark
    the correction superseded."""
    relay = "{id: courier-50k, subject: march, property: crowd_size, value: 50000, source: c-0416}"
    data = _run(make_store, POLICE, FIRM, ORGANISERS, REVISED, relay)
    (estimate,) = data["estimates"]
    assert estimate["high"] == 70000, estimate
    assert data["grades"]["org-70k"]["grade"] == 4, data["grades"]["org-70k"]
    (own,) = [f for f in data["findings"] if f["rule"] == "CC107"]
    assert "mark org-50k" in own["message"] and "org-70k `status" not in own["message"], own


def test_one_owners_two_newsrooms_replace_no_word_of_each_other(
    make_store: Callable[..., Path],
) -> None:
    """An adversarial trial: the Harbor Times' own 20,000 and, the next day, its sister
    paper's own 30,000 — one origin by their owner, but the sister's figure is no
    correction of the Times' (it was graded 6, "said otherwise since")."""
    world = (
        "outlets:\n"
        "  - {id: harbor, name: Harbor Times, kind: newspaper, owner: Bay Media}\n"
        "  - {id: northgate, name: Northgate Post, kind: newspaper, owner: Bay Media}\n"
        "documents:\n"
        "  - {id: h-0412, outlet: harbor, published: 2031-04-12}\n"
        "  - {id: n-0413, outlet: northgate, published: 2031-04-13}\n"
    )
    rows = (
        "{id: harbor-20k, subject: march, property: crowd_size, value: 20000, source: h-0412}",
        "{id: north-30k, subject: march, property: crowd_size, value: 30000, source: n-0413}",
    )
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in (POLICE, FIRM, *rows))
    root = make_store(
        {"march.yaml": MARCH, "world.yaml": WORLD, "papers.yaml": world, "claims.yaml": claims},
        base=False,
    )
    data = check(load_store(root)).as_dict()
    assert data["grades"]["harbor-20k"]["grade"] != 6, data["grades"]["harbor-20k"]
    assert all("later word" not in f["message"] for f in data["findings"]), data["findings"]


def test_the_replaced_word_is_revised_in_the_organisers_record(
    make_store: Callable[..., Path],
) -> None:
    """An adversarial trial: their 50,000, graded 6 for their later word, was "revised
    0" in their record."""
    import json

    from click.testing import CliRunner

    from claimcheck.cli import cli

    claims = "claims:\n" + "".join(f"  - {r}\n" for r in (POLICE, FIRM, ORGANISERS, REVISED))
    root = make_store({"march.yaml": MARCH, "world.yaml": WORLD, "claims.yaml": claims}, base=False)
    result = CliRunner().invoke(
        cli, ["--store", str(root), "sources", "--parties", "--format", "json"]
    )
    (front,) = [p for p in json.loads(result.stdout)["parties"] if p["id"] == "civic-front"]
    assert front["revised"] == 1, front


def test_a_later_word_bearing_the_earlier_out_keeps_it(make_store: Callable[..., Path]) -> None:
    """A reviewer's store: on the 13th the organisers say 70,000 and "at least 45,000";
    the second bears their 50,000 out, which was graded 6 all the same."""
    floor = (
        "{id: org-45k, subject: march, property: crowd_size, value: at least 45000, "
        "source: cf-0413}"
    )
    data = _run(make_store, POLICE, FIRM, ORGANISERS, REVISED, floor)
    assert data["grades"]["org-50k"]["grade"] != 6, data["grades"]["org-50k"]
    assert all("later word" not in f["message"] for f in data["findings"]), data["findings"]
