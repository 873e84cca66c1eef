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

from claimcheck.engine import check
from claimcheck.store import load_store

WORLD = """\
    outlets:
      - {id: meridian, name: Meridian Press, kind: wire}
      - {id: cf-site, name: Civic Front website, kind: party-channel, affiliation: civic-front}
      - {id: courier, name: Velmora Courier, kind: newspaper}
    documents:
      - {id: m-0412, outlet: meridian, published: 2031-04-12}
      - {id: cf-0413, outlet: cf-site, published: 2031-04-13}
      - {id: c-0415, outlet: courier, published: 2031-04-15}
    parties:
      - {id: police, name: Velmora Police, kind: state, side: government}
      - {id: civic-front, name: Civic Front, kind: ngo, side: opposition}
      - {id: crowdcount, name: CrowdCount, kind: ngo}
    subjects:
      - {id: march, label: March, date: 2031-04-12, sides: [government, opposition]}
    properties:
      - {id: crowd_size, type: quantity, unit: people}
    """

POLICE = "{id: police-8k, subject: march, property: crowd_size, value: 8000, source: m-0412, claimant: police}"
FIRM = "{id: firm-22k, subject: march, property: crowd_size, value: 22000, source: m-0412, claimant: crowdcount}"
ORGANISERS = "{id: org-50k, subject: march, property: crowd_size, value: 50000, source: m-0412, claimant: civic-front}"
REVISED = "{id: org-70k, subject: march, property: crowd_size, value: 70000, source: cf-0413}"


def _run(make_store: Callable[..., Path], *rows: str) -> dict[str, Any]:
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in rows)
    root = make_store({"world.yaml": WORLD, "claims.yaml": claims}, base=False)
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
    assert "said otherwise since" in grades["org-50k"]["reason"], grades["org-50k"]
    (dispute,) = [f for f in data["findings"] if f["rule"] == "CC101"]
    assert "50000" not in dispute["message"] and "70000" in dispute["message"], dispute
    (own,) = [f for f in data["findings"] if f["rule"] == "CC107"]
    assert own["claims"] == ["org-50k", "org-70k"], own
    assert "mark org-50k `status: superseded` if it was corrected" in own["message"], own


def test_an_old_word_quoted_again_later_is_no_later_word(
    make_store: Callable[..., Path],
) -> None:
    """The Courier on the 15th: "50,000 marched, the organisers said" — their word of
    the 12th, not a correction of their 70,000 back down."""
    quoted = (
        "{id: courier-50k, subject: march, property: crowd_size, value: 50000, "
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
