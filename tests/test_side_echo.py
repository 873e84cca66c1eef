"""A side's figure printed as an outlet's own (CC206's second kind): an outlet's figure
in its own words, citing nothing, that one side's voice gave that day or before and no
neutral party, is probably the side's word without its name — counted as the side's
until a person records otherwise.

The event is invented, of the shape two trials met (an analyst's and a desk's): a march
in Velmora on 12 April; the wire quotes the police (8,000), a counting firm (22,000) and
the organisers (70,000); the Evening Post prints "8,000 marched" with no attribution.
Counted as an independent neutral count, the Post's line confirmed the police's figure,
made the firm's count doubtful and the organisers' improbable: 8,000 / 8,000 / 22,000,
where an analyst publishes 8,000 / 22,000 / 70,000.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.engine import check
from claimcheck.store import load_store

from support import FIRM_22K, MARCH, POLICE_8K

WORLD = """\
outlets:
  - {id: post, name: Evening Post, kind: newspaper}
documents:
  - {id: post-0412, outlet: post, published: 2031-04-12}
  - {id: post-0411, outlet: post, published: 2031-04-11}
"""
POLICE, FIRM = POLICE_8K, FIRM_22K
FRONT = "{id: front-70k, subject: march, property: crowd_size, value: 70000, source: m-0412, claimant: civic-front}"
POST = "{id: post-8k, subject: march, property: crowd_size, value: 8000, source: post-0412}"


def _run(make_store: Callable[..., Path], *rows: str, extra: str = "") -> dict[str, Any]:
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in rows)
    root = make_store(
        {"march.yaml": MARCH, "world.yaml": WORLD, "claims.yaml": claims + extra}, base=False
    )
    return check(load_store(root)).as_dict()


def _echoes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in data["findings"] if f["rule"] == "CC206"]


def _range(data: dict[str, Any]) -> tuple[Any, Any, Any]:
    (estimate,) = data["estimates"]
    return estimate["low"], estimate["best"], estimate["high"]


def test_an_unattributed_copy_of_the_polices_figure_is_the_polices_word(
    make_store: Callable[..., Path],
) -> None:
    data = _run(make_store, POLICE, FIRM, FRONT, POST)
    assert _range(data) == (8000, 22000, 70000), data["estimates"]
    grades = data["grades"]
    assert grades["post-8k"] == grades["police-8k"], grades
    assert grades["firm-22k"]["grade"] == 3, grades["firm-22k"]  # (not doubtful)
    (echo,) = _echoes(data)
    assert echo["claims"] == ["police-8k", "post-8k"], echo
    assert "8000 in post's own words (post-0412), citing nothing" in echo["message"], echo
    assert "police gave that day or before (police-8k)" in echo["message"], echo
    assert any(
        f["rule"] == "CC202" and "8000 is claimed only by police" in f["message"]
        for f in data["findings"]
    ), data["findings"]


def test_a_review_disputed_makes_it_the_outlets_own_count_again(
    make_store: Callable[..., Path],
) -> None:
    (echo,) = _echoes(_run(make_store, POLICE, FIRM, FRONT, POST))
    review = (
        f"reviews:\n  - {{finding: {echo['fingerprint']}, verdict: disputed, "
        "note: 'The Post counted the march itself.', by: desk, on: 2031-04-13}\n"
    )
    data = _run(make_store, POLICE, FIRM, FRONT, POST, extra=review)
    assert _range(data) == (8000, 8000, 22000), data["estimates"]
    (echo,) = _echoes(data)
    assert echo["review"]["verdict"] == "disputed", echo


def test_what_is_no_sides_figure_printed(make_store: Callable[..., Path]) -> None:
    # (the police's figure published after the Post's: the Post had it first)
    later = POLICE.replace("m-0412", "m-0413")
    world_later = "documents:\n  - {id: m-0413, outlet: meridian, published: 2031-04-13}\n"
    assert not _echoes(_run(make_store, later, FIRM, FRONT, POST, extra=world_later))
    # (a neutral party gave it that day: the Post may have it from there)
    neutral = "{id: firm-8k, subject: march, property: crowd_size, value: 8000, source: m-0412, claimant: crowdcount}"
    assert not _echoes(_run(make_store, POLICE, neutral, FRONT, POST))
    # (both sides gave it: common ground, no one side's word)
    front_8k = FRONT.replace("70000", "8000")
    assert not _echoes(_run(make_store, POLICE, FIRM, front_8k, POST))
    # (an outlet keeping a count of its own: its 8,000 of the 12th after its 6,000)
    earlier_own = (
        "{id: post-6k, subject: march, property: crowd_size, value: 6000, source: post-0411}"
    )
    data = _run(make_store, POLICE, FIRM, FRONT, POST, earlier_own)
    assert not _echoes(data)
    # (...and so an independent neutral count bearing the police out, as before)
    assert _range(data) == (8000, 8000, 22000), data["estimates"]


def test_the_outlets_own_quote_the_day_before_is_the_side_it_echoes(
    make_store: Callable[..., Path],
) -> None:
    """The Post quotes the police's 8,000 on the 11th, then prints "8,000" as its own on
    the 12th: the police's word again."""
    quote = "{id: post-police, subject: march, property: crowd_size, value: 8000, source: post-0411, claimant: police}"
    data = _run(make_store, quote, FIRM, FRONT, POST)
    (echo,) = _echoes(data)
    assert echo["claims"] == ["post-8k", "post-police"], echo


def test_the_order_of_the_file_and_the_ids_do_not_matter(make_store: Callable[..., Path]) -> None:
    rows = [POLICE, FIRM, FRONT, POST]
    one = _run(make_store, *rows)
    # (reversed, each id renamed so that their order turns round too)
    renamed = [r.replace("{id: ", "{id: z-" if "post-8k" in r else "{id: a-") for r in rows]
    other = _run(make_store, *reversed(renamed))
    assert sorted(g["grade"] for g in one["grades"].values()) == sorted(
        g["grade"] for g in other["grades"].values()
    )
    assert _range(one) == _range(other)
    assert [f["fingerprint"] for f in _echoes(one)] == [f["fingerprint"] for f in _echoes(other)]


def test_one_outlets_stories_printing_the_figure_are_one_finding(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the Post prints 8,000 in two stories — two findings with one
    fingerprint, which a review could not tell apart."""
    again = "{id: post-8k-b, subject: march, property: crowd_size, value: 8000, source: post-0412b}"
    extra = "documents:\n  - {id: post-0412b, outlet: post, published: 2031-04-12}\n"
    (echo,) = _echoes(_run(make_store, POLICE, FIRM, FRONT, POST, again, extra=extra))
    assert echo["claims"] == ["police-8k", "post-8k", "post-8k-b"], echo
    assert "(post-0412, post-0412b)" in echo["message"], echo


def test_a_sides_word_citing_the_outlets_figure_is_its_misattribution(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the rights group's site prints 8,000 in its own words; the
    wire, citing it, writes "8,000, the police said". The police's word is the group's
    figure misattributed (CC203), not the group's figure a copy of the police's: the
    two were credited to each other, and the check of the attribution was lost."""
    world = (
        "outlets:\n  - {id: watch, name: Rights Watch, kind: ngo}\n"
        "documents:\n  - {id: watch-0412, outlet: watch, published: 2031-04-12}\n"
        "  - {id: m-0412b, outlet: meridian, published: 2031-04-12, cites: [watch-0412]}\n"
    )
    rows = [
        "{id: watch-8k, subject: march, property: crowd_size, value: 8000, source: watch-0412}",
        "{id: police-8k, subject: march, property: crowd_size, value: 8000, source: m-0412b, "
        "claimant: police}",
        FIRM,
    ]
    data = _run(make_store, *rows, extra=world)
    assert not _echoes(data), _echoes(data)
    assert any(
        f["rule"] == "CC203" and "check the attribution" in f["message"] for f in data["findings"]
    ), data["findings"]


def test_what_does_not_make_an_outlets_count_its_own(make_store: Callable[..., Path]) -> None:
    """An adversarial trial: any second figure of the outlet's switched the suspicion off
    — a later story relaying the Front's 70,000, citing the wire — and brought back
    8,000 / 8,000 / 22,000. Only a figure it stands behind, one no side gave by its day,
    is a count of its own."""
    extra = (
        "documents:\n  - {id: post-0420, outlet: post, published: 2031-04-20, cites: [m-0412]}\n"
    )
    relay = "{id: post-70k, subject: march, property: crowd_size, value: 70000, source: post-0420}"
    data = _run(make_store, POLICE, FIRM, FRONT, POST, relay, extra=extra)
    assert _range(data) == (8000, 22000, 70000), data["estimates"]
    assert [f["claims"] for f in _echoes(data)] == [["police-8k", "post-8k"]]


def test_a_paper_copying_each_of_the_polices_updates_counts_for_nothing(
    make_store: Callable[..., Path],
) -> None:
    """The police say 8,000 on the 11th and 10,000 on the 12th; the Post prints each the
    same day. It was its own count — and so the police's 10,000 "confirmed"."""
    rows = [
        POLICE.replace("id: police-8k", "id: police-8k-0411").replace("m-0412", "m-0411"),
        POLICE.replace("id: police-8k", "id: police-10k").replace("8000", "10000"),
        FIRM,
        FRONT,
        POST.replace("id: post-8k", "id: post-8k-0411").replace("post-0412", "post-0411"),
        POST.replace("id: post-8k", "id: post-10k").replace("8000", "10000"),
    ]
    extra = "documents:\n  - {id: m-0411, outlet: meridian, published: 2031-04-11}\n"
    data = _run(make_store, *rows, extra=extra)
    assert len(_echoes(data)) == 2, _echoes(data)
    assert data["grades"]["police-10k"]["grade"] != 1, data["grades"]["police-10k"]


def test_two_papers_printing_one_sentence_are_the_sides_word_still(
    make_store: Callable[..., Path],
) -> None:
    """An adversarial trial: the Herald and the Post print the same sentence with the
    police's figure — suspected of copying each other, and so one neutral origin that
    confirmed the police, where one paper alone was the police's word."""
    sentence = ", quote: 'Some 8,000 people marched through Velmora on Saturday.'}"
    extra = (
        "outlets:\n  - {id: herald, name: Herald, kind: newspaper}\n"
        "documents:\n  - {id: herald-0412, outlet: herald, published: 2031-04-12}\n"
    )
    herald = (
        "{id: herald-8k, subject: march, property: crowd_size, value: 8000, source: herald-0412"
    )
    data = _run(
        make_store, POLICE, FIRM, FRONT, POST[:-1] + sentence, herald + sentence, extra=extra
    )
    assert _range(data) == (8000, 22000, 70000), data["estimates"]


def test_neutral_bodies_and_vague_words_are_no_sides_figure_printed(
    make_store: Callable[..., Path],
) -> None:
    """An adversarial trial: a rights group's own report of 8,000 the day after the
    police was made the police's word; two voices saying "thousands" were a copy."""
    extra = (
        "outlets:\n  - {id: watch, name: Rights Watch, kind: ngo}\n"
        "documents:\n  - {id: watch-0413, outlet: watch, published: 2031-04-13}\n"
    )
    watch = "{id: watch-8k, subject: march, property: crowd_size, value: 8000, source: watch-0413}"
    data = _run(make_store, POLICE, FIRM, FRONT, watch, extra=extra)
    assert not _echoes(data), _echoes(data)
    vague = [r.replace("value: 8000", "value: thousands") for r in (POLICE, POST)]
    assert not _echoes(_run(make_store, *vague, FIRM, FRONT))


def test_a_review_disputed_takes_the_outlet_out_of_the_suspected_relays(
    make_store: Callable[..., Path],
) -> None:
    """A new user's trial: the Post's record still counted a suspected relay after the
    finding was reviewed `disputed` (the outlets are independent after all)."""
    import json

    from click.testing import CliRunner

    from claimcheck.cli import cli

    (echo,) = _echoes(_run(make_store, POLICE, FIRM, FRONT, POST))
    review = (
        f"reviews:\n  - {{finding: {echo['fingerprint']}, verdict: disputed, "
        "note: 'The Post counted the march itself.', by: desk, on: 2031-04-13}\n"
    )
    claims = "claims:\n" + "".join(f"  - {r}\n" for r in (POLICE, FIRM, FRONT, POST))
    files = {"march.yaml": MARCH, "world.yaml": WORLD, "claims.yaml": claims + review}
    root = make_store(files, base=False)
    result = CliRunner().invoke(cli, ["--store", str(root), "sources", "--format", "json"])
    (post,) = [o for o in json.loads(result.stdout)["outlets"] if o["id"] == "post"]
    assert post["suspected_relays"] == 0, post


def test_the_finding_names_the_party_a_channel_speaks_for(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: state television's 8,000 in its own words, copied by the Post,
    was named "the figure atv gave" — it is the government's word."""
    extra = (
        "outlets:\n  - {id: police-tv, name: Police TV, kind: party-channel, affiliation: police}\n"
        "documents:\n  - {id: tv-0412, outlet: police-tv, published: 2031-04-12}\n"
    )
    tv = "{id: tv-8k, subject: march, property: crowd_size, value: 8000, source: tv-0412}"
    (echo,) = _echoes(_run(make_store, tv, FIRM, FRONT, POST, extra=extra))
    assert "is the figure police gave that day or before (tv-8k)" in echo["message"], echo


def test_of_one_origins_words_of_the_day_the_first_by_document_not_by_id(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's permutation: the police (part of the government) in the wire and the
    government's television in its own words give 8,000 the same day; which of them the
    Post's copy was credited to, and named, followed the claims' ids."""
    extra = (
        "outlets:\n  - {id: gov-tv, name: State TV, kind: state-media, affiliation: government}\n"
        "parties:\n  - {id: government, name: Government, kind: state, side: government}\n"
        "documents:\n  - {id: tv-0412, outlet: gov-tv, published: 2031-04-12}\n"
    )
    world = MARCH.replace(
        "kind: state, side: government}", "kind: state, side: government, part_of: government}"
    )
    messages = []
    for tv_id in ("a-tv", "z-tv"):
        tv = f"{{id: {tv_id}, subject: march, property: crowd_size, value: 8000, source: tv-0412}}"
        claims = "claims:\n" + "".join(f"  - {r}\n" for r in (POLICE, tv, FIRM, FRONT, POST))
        files = {"march.yaml": world, "world.yaml": WORLD, "claims.yaml": claims + extra}
        data = check(load_store(make_store(files, base=False))).as_dict()
        (echo,) = _echoes(data)
        messages.append(echo["message"].split(" gave ")[0])
    assert messages[0] == messages[1], messages
