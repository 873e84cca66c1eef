"""`sources` and `export` through the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.export.csv import safe_cell

from support import BASE, KIDAL


def run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def example_store(tmp_path: Path, records: str) -> Path:
    """A store of the rules' example records (outlets, documents, parties) plus
    ``records``."""
    root = tmp_path / "s"
    root.mkdir()
    (root / "base.yaml").write_text(BASE)
    (root / "c.yaml").write_text(records)
    return root


def test_sources_json_shape_and_kidal_numbers(runner: CliRunner) -> None:
    code, out, _ = run(runner, KIDAL, "sources", "--format", "json")
    assert code == 0
    assert json.loads(out)["version"] == 1
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    for key in (
        "id",
        "documents",
        "claims",
        "corroborated",
        "contested",
        "single_origin",
        "relayed",
    ):
        assert key in outlets["rfi"]
    assert outlets["rfi"]["documents"] == 13
    assert outlets["rfi"]["owner"] == outlets["france24"]["owner"] == "France Médias Monde"
    # Of RFI's own claims, only the 14 dead on 7 November is contradicted by another origin
    # (the medical sources it quotes say 10); its two Alkit distances contradict each other.
    assert outlets["rfi"]["contested"] == 1
    assert outlets["france24"]["single_origin"] == 3  # the L-39 crash (2) and the ten vehicles
    assert outlets["le-figaro"]["corroborated"] >= 1 and outlets["le-figaro"]["track_record"] == 1.0
    assert sum(o["claims"] for o in outlets.values()) == len(
        json.loads(run(runner, KIDAL, "claims", "--format", "json")[1])["claims"]
    )


def test_sources_table_and_markdown(runner: CliRunner) -> None:
    _, table, _ = run(runner, KIDAL, "sources")
    assert table.splitlines()[0].split()[:3] == ["outlet", "owner", "docs"]
    assert re.search(r"^rfi\s+France Médias Monde\s+13\s+", table, re.M)
    _, md, _ = run(runner, KIDAL, "sources", "--format", "markdown")
    assert md.startswith("| outlet")


def test_one_outlets_claims(runner: CliRunner) -> None:
    code, out, _ = run(runner, KIDAL, "sources", "france24", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1 and data["outlet"]["id"] == "france24"
    ids = {c["id"]: c for c in data["claims"]}
    assert set(ids) == {"l39-crash-cause", "l39-crash-occurred", "flanking-1113-vehicles-destroyed"}
    assert ids["l39-crash-cause"]["grade"] == 3 and "CC201" in ids["l39-crash-cause"]["findings"]
    _, table, _ = run(runner, KIDAL, "sources", "france24")
    assert table.startswith("France 24 (france24, broadcaster, owner France Médias Monde)")


def test_unknown_outlet(runner: CliRunner) -> None:
    code, _, err = run(runner, KIDAL, "sources", "bbc")
    assert code == 2 and "no outlet 'bbc'" in err


def test_relays_are_counted(runner: CliRunner, tmp_path: Path) -> None:
    root = example_store(
        tmp_path,
        "documents:\n  - {id: relay, outlet: le-figaro, published: 2023-11-09, cites: [monde-doc]}\n"
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: relay}\n",
    )
    outlets = {
        o["id"]: o
        for o in json.loads(run(runner, root, "sources", "--format", "json")[1])["outlets"]
    }
    assert outlets["le-figaro"]["relayed_from"] == 1 and outlets["le-monde"]["relayed_to"] == 1


def test_an_origins_old_figure_in_print_is_not_the_outlets_word(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An analyst's trial: the ministry says 160, corrects it to 140 two days later; the
    next day a paper prints 160 as its own figure. The check credits that 160 to the
    ministry (its old word still in print), so the paper's record does not judge it as
    the paper's own claim (it read "track record 0% (0 of 1)")."""
    root = example_store(
        tmp_path,
        "subjects:\n"
        "  - {id: siege, label: Siege, date: 2023-11-01/2023-11-30, sides: [mali-government]}\n"
        "properties:\n  - {id: killed, type: quantity, cumulative: true}\n"
        "documents:\n"
        "  - {id: d1, outlet: rfi, published: 2023-11-08}\n"
        "  - {id: d2, outlet: rfi, published: 2023-11-10}\n"
        "  - {id: d3, outlet: le-figaro, published: 2023-11-11}\n"
        "claims:\n"
        "  - {id: gov-160, subject: siege, property: killed, value: 160, source: d1, claimant: fama}\n"
        "  - {id: gov-140, subject: siege, property: killed, value: 140, source: d2, claimant: fama}\n"
        "  - {id: paper-160, subject: siege, property: killed, value: 160, source: d3}\n",
    )
    _, out, _ = run(runner, root, "check", "--format", "json")
    grade = json.loads(out)["grades"]["paper-160"]
    assert grade["reason"].startswith("revised downward since by the origin it relays (fama)")
    outlets = {
        o["id"]: o
        for o in json.loads(run(runner, root, "sources", "--format", "json")[1])["outlets"]
    }
    assert outlets["le-figaro"]["as_claimant"] == 1
    assert outlets["le-figaro"]["track_record"] is None, outlets["le-figaro"]
    assert outlets["le-figaro"]["contested"] == 0


def test_graphml_reads_back_with_networkx(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "kidal.graphml"
    code, _, _ = run(runner, KIDAL, "export", "--format", "graphml", "-o", str(out))
    assert code == 0
    g = nx.read_graphml(out)
    kinds = nx.get_node_attributes(g, "kind")
    assert set(kinds.values()) == {"claimant", "document", "outlet", "owner"}
    assert g.has_edge("outlet:rfi", "owner:France Médias Monde")
    assert g.has_edge("outlet:france24", "owner:France Médias Monde")
    assert g.nodes["document:rfi-2023-11-09-teacher"]["published"] == "2023-11-09"
    edge = g.edges["claimant:medical-sources", "document:rfi-2023-11-09-teacher"]
    assert edge["relation"] == "speaks-in" and int(edge["claims"]) == 3


AUTOMATED = "Automated grade from claimcheck, not a person's verdict"


def test_claimreview_publishes_no_machine_grade_by_default(runner: CliRunner) -> None:
    # The demo store has no reviews: nobody has judged anything, so nothing is rated.
    code, out, err = run(runner, KIDAL, "export", "--format", "claimreview")
    assert code == 0
    assert json.loads(out) == []
    assert "no reviewed findings to publish; --automated-ratings publishes machine grades" in err
    assert "--url" not in err  # nothing to link to


def reviewed_kidal(
    runner: CliRunner, tmp_path: Path
) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """The demo store with two reviews sharing a claim: the civilian-deaths conflict
    (explained) and the anonymous-only finding on the medical sources' 10 (disputed)."""
    root = tmp_path / "claims"
    shutil.copytree(KIDAL, root, ignore=shutil.ignore_patterns(".claimcheck-cache"))
    findings = json.loads(run(runner, root, "check", "--format", "json")[1])["findings"]
    conflict = next(f for f in findings if f["rule"] == "CC101")
    anonymous = next(
        f for f in findings if f["rule"] == "CC205" and set(f["claims"]) < set(conflict["claims"])
    )
    (root / "reviews.yaml").write_text(
        "reviews:\n"
        f"  - {{finding: {conflict['fingerprint']}, verdict: explained, "
        "note: counted at different times, by: A. Desk, on: 2023-11-21}\n"
        f"  - {{finding: {anonymous['fingerprint']}, verdict: disputed, "
        "note: the hospital is named in the article}\n",
        encoding="utf-8",
    )
    return root, conflict, anonymous


def test_claimreview_publishes_a_reviewed_finding_on_its_own_claims(
    runner: CliRunner, tmp_path: Path
) -> None:
    root, conflict, anonymous = reviewed_kidal(runner, tmp_path)
    code, out, err = run(runner, root, "export", "--format", "claimreview")
    assert code == 0 and "no --url" in err and "no reviewed findings" not in err
    # published under claimcheck's name unless told whose: said, not done silently
    assert "no --author: the items name 'claimcheck'" in err
    _, _, err = run(runner, root, "export", "--format", "claimreview", "--author", "A. Desk")
    assert "no --author" not in err
    items = {i["identifier"]: i for i in json.loads(out)}
    # one item per reviewed finding, nothing for claims nobody judged
    assert set(items) == {conflict["fingerprint"], anonymous["fingerprint"]}
    assert "wagner-denies-presence" not in out

    item = items[conflict["fingerprint"]]
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert [c["identifier"] for c in item["itemReviewed"]] == conflict["claims"]
    assert all(c["@type"] == "Claim" and c["author"]["name"] for c in item["itemReviewed"])
    # the disputed statement: every value, with who gives it
    statement = item["claimReviewed"]
    assert statement.startswith("Drone strikes on Kidal, 7 November 2023")
    assert "civilians killed 10 (Medical sources" in statement
    assert "civilians killed 14 (RFI" in statement and "civilians killed 14+ (" in statement
    rating = item["reviewRating"]
    assert "ratingValue" not in rating  # a verdict on a disagreement rates no claim
    assert rating["alternateName"] == "Quantity conflict: explained"
    assert rating["ratingExplanation"].startswith(
        "A. Desk's verdict on claimcheck's finding CC101 (quantity-conflict): explained"
    )
    assert "does not rate any one claim" in rating["ratingExplanation"]
    assert rating["author"] == {"@type": "Person", "name": "A. Desk"}
    assert item["author"] == {"@type": "Organization", "name": "claimcheck"}
    assert item["datePublished"] == "2023-11-21"
    assert item["reviewBody"] == "counted at different times"
    assert "url" not in item

    # The medical sources' claim is in both findings; each item keeps its own verdict.
    other = items[anonymous["fingerprint"]]
    assert [c["identifier"] for c in other["itemReviewed"]] == anonymous["claims"]
    assert other["reviewRating"]["alternateName"] == "Anonymous only: disputed"
    assert other["reviewBody"] == "the hospital is named in the article"
    assert "author" not in other["reviewRating"]  # no reviewer named
    assert out.count("counted at different times") == 1


def test_claimreview_items_have_the_required_fields(runner: CliRunner, tmp_path: Path) -> None:
    root, _, _ = reviewed_kidal(runner, tmp_path)
    code, out, err = run(
        runner,
        root,
        "export",
        "--format",
        "claimreview",
        "--author",
        "Desk",
        "--url",
        "https://desk.example/kidal#top",
        "--date",
        "2023-11-20",
        "--automated-ratings",
    )
    assert code == 0 and "--url" not in err
    items = json.loads(out)
    assert len(items) > 2
    for item in items:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["claimReviewed"] and not item["claimReviewed"].endswith("…")
        assert item["reviewRating"]["@type"] == "Rating" and item["reviewRating"]["alternateName"]
        reviewed = item["itemReviewed"]
        for claim in reviewed if isinstance(reviewed, list) else [reviewed]:
            assert claim["@type"] == "Claim" and claim["author"]["name"]
            assert claim["appearance"] and claim["appearance"][0]["@type"] == "CreativeWork"
        assert item["author"] == {"@type": "Organization", "name": "Desk"}
        assert item["url"] == f"https://desk.example/kidal#{item['identifier']}"


def test_claimreview_automated_ratings_say_they_are_automated(
    runner: CliRunner, tmp_path: Path
) -> None:
    root, conflict, _ = reviewed_kidal(runner, tmp_path)
    code, out, _ = run(
        runner,
        root,
        "export",
        "--format",
        "claimreview",
        "--automated-ratings",
        "--date",
        "2023-11-20",
    )
    assert code == 0
    items = json.loads(out)
    graded = [i for i in items if "ratingValue" in i["reviewRating"]]
    assert graded and len(graded) == len(items) - 2  # the two reviewed findings: no number
    for item in graded:
        rating = item["reviewRating"]
        assert rating["ratingExplanation"].startswith(AUTOMATED)
        # sentences: the grade's reason starts with a capital after the full stop
        reason = rating["ratingExplanation"].split(". ", 1)[1]
        assert reason[:1].isupper() and reason.endswith("."), rating
        assert rating["alternateName"].endswith("(automated)")
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert 1 <= rating["ratingValue"] <= 5
        # not a person's review: no reviewer, no note, the publishing date
        assert "author" not in rating and "reviewBody" not in item
        assert item["author"] == {"@type": "Organization", "name": "claimcheck"}
        assert item["datePublished"] == "2023-11-20"
        assert item["itemReviewed"]["identifier"] == item["identifier"]
    by_claim = {i["identifier"]: i for i in graded}
    medical = by_claim["strike-1107-deaths-rfi-medical"]  # also in the reviewed conflict
    assert medical["claimReviewed"].endswith("civilians killed 10")
    assert medical["reviewRating"]["ratingValue"] == 2  # grade 4, doubtful
    assert medical["reviewRating"]["alternateName"] == "Doubtful (automated)"
    denial = by_claim["wagner-denies-presence"]
    assert denial["claimReviewed"] == "Wagner Group: not present in Mali"
    reviewed = next(i for i in items if i["identifier"] == conflict["fingerprint"])
    assert reviewed["reviewBody"] == "counted at different times"


def test_csv_has_every_claim_with_defaults_resolved(runner: CliRunner) -> None:
    code, out, _ = run(runner, KIDAL, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    by_id = {r["id"]: r for r in rows}
    row = by_id["capture-1114-no-losses-lemonde"]
    assert (
        row["claimant"] == "le-monde"
        and row["as_of"] == "2023-11-14"
        and row["outlet"] == "le-monde"
    )
    assert by_id["strike-1107-deaths-rfi-headline"]["low"] == "10"
    assert by_id["strike-1107-deaths-rfi-headline"]["high"] == ""
    # RFI's own 14 against the 10 of anonymous medical sources it quoted: a named origin
    # weighs more than an anonymous one, so 14 is not doubtful — but one origin, and
    # disputed, it is no more than possibly true.
    assert by_id["strike-1107-deaths-rfi"]["grade"] == "3"


def test_csv_says_whose_word_each_figure_is(runner: CliRunner, tmp_path: Path) -> None:
    """An analyst's trial: a paper's own "19", citing the wire that quoted local
    officials' "at least 19", read in the CSV as the paper's claim; a dataset counting
    sources would take it for an independent one. The CSV says what it relays and whose
    word it is; and an anonymous claimant says so (``claimant_named`` only says whether
    the record names one)."""
    root = example_store(
        tmp_path,
        "documents:\n"
        "  - {id: wire, outlet: rfi, published: 2023-11-07}\n"
        "  - {id: paper, outlet: le-figaro, published: 2023-11-09, cites: [wire]}\n"
        "claims:\n"
        "  - {id: officials, subject: strike, property: deaths, value: at least 19, "
        "source: wire, claimant: malian-officials}\n"
        "  - {id: paper-19, subject: strike, property: deaths, value: 19, source: paper}\n",
    )
    code, out, _ = run(runner, root, "export", "--format", "csv")
    assert code == 0
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    paper, officials = by_id["paper-19"], by_id["officials"]
    assert (paper["claimant"], paper["claimant_named"]) == ("le-figaro", "False")
    assert (paper["relays"], paper["credited_to"]) == ("officials", "malian-officials")
    assert officials["claimant_anonymous"] == "True" and officials["relays"] == ""
    assert officials["credited_to"] == "malian-officials"
    assert paper["claimant_anonymous"] == "False"
    # The report's tables say so too: the gaps' "who says it"...
    _, out, _ = run(runner, root, "report", "--format", "markdown")
    assert "Le Figaro, relaying Malian officials in paper" in out, out
    # ...and, once the army disputes it, the who-says-what table.
    (root / "d.yaml").write_text(
        "claims:\n  - {id: army-5, subject: strike, property: deaths, value: 5, "
        "source: rfi-doc, claimant: fama}\n"
    )
    _, out, _ = run(runner, root, "report", "--format", "markdown")
    (row,) = [line for line in out.splitlines() if line.startswith("| ") and "| 19 " in line]
    assert "Le Figaro (outlet), relaying Malian officials" in row, row


def test_two_papers_citing_one_dispatch_relay_neither_each_other(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A stranger's review: Le Monde and Le Figaro each cite one RFI dispatch and print
    its 14 in their own words. Each carries the dispatch's figure, not the other
    paper's: neither the CSV nor the report says one relays the other."""
    root = example_store(
        tmp_path,
        "documents:\n"
        "  - {id: dispatch, outlet: rfi, published: 2023-11-07}\n"
        "  - {id: monde-p, outlet: le-monde, published: 2023-11-08, cites: [dispatch]}\n"
        "  - {id: figaro-p, outlet: le-figaro, published: 2023-11-09, cites: [dispatch]}\n"
        "claims:\n"
        "  - {id: a-monde, subject: strike, property: deaths, value: 14, source: monde-p}\n"
        "  - {id: b-figaro, subject: strike, property: deaths, value: 14, source: figaro-p}\n"
        "  - {id: c-army, subject: strike, property: deaths, value: 2, source: rfi-doc, "
        "claimant: fama}\n",
    )
    by_id = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(run(runner, root, "export", "--format", "csv")[1]))
    }
    assert by_id["a-monde"]["relays"] == by_id["b-figaro"]["relays"] == ""
    _, out, _ = run(runner, root, "report", "--format", "markdown")
    assert "relaying" not in out, out


def test_csv_guards_against_formulas(runner: CliRunner, tmp_path: Path) -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("+1+2") == "'+1+2"
    assert safe_cell("-3") == "-3" and safe_cell("14") == "14"
    root = example_store(
        tmp_path,
        "claims:\n  - {id: a, subject: strike, property: summary, value: '=cmd|calc', source: rfi-doc, "
        "quote: '@SUM(1)', note: '+danger'}\n",
    )
    rows = list(csv.DictReader(io.StringIO(run(runner, root, "export", "--format", "csv")[1])))
    assert (
        rows[0]["value"] == "'=cmd|calc"
        and rows[0]["quote"] == "'@SUM(1)"
        and rows[0]["note"] == "'+danger"
    )


def test_an_outlet_is_judged_on_the_claims_it_makes_itself(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": (
                "claims:\n"
                # RFI contradicts itself: a self-contradiction, not a conflict between sources
                "  - {id: own-20, subject: strike, property: deaths, value: 20, source: rfi-doc}\n"
                "  - {id: own-5, subject: strike, property: deaths, value: 5, source: rfi-doc}\n"
                # RFI reports a party's claim, which Le Monde contradicts
                "  - {id: fama-says, subject: battle, property: outcome, value: government-advantage,"
                " source: rfi-doc, claimant: fama}\n"
                "  - {id: monde-says, subject: battle, property: outcome, value: rebel-advantage,"
                " source: monde-doc}\n"
            )
        }
    )
    code, out, _ = run(runner, root, "sources", "--format", "json")
    assert code == 0
    rfi = next(o for o in json.loads(out)["outlets"] if o["id"] == "rfi")
    assert (rfi["claims"], rfi["as_claimant"]) == (3, 2)
    assert rfi["contested"] == 0 and rfi["track_record"] is None
    _, out, _ = run(runner, root, "check", "--format", "json")
    grades = json.loads(out)["grades"]
    assert grades["own-20"]["grade"] == grades["own-5"]["grade"] == 3
    assert "it also says otherwise" in grades["own-20"]["reason"]
    assert grades["fama-says"]["grade"] == 4  # contradicted by Le Monde


def test_an_outlets_own_words_relaying_a_source_are_not_judged_as_its_own(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Le Figaro's own "10", in a report citing Le Monde's dispatch of the medical
    sources' 10, relays their figure; RFI says 14. The dispute is the medical sources',
    not Le Figaro's: its record counts the claim as its own words but does not judge it
    (no contest, no track record) — unless the report cites nothing that carries it."""
    claims = (
        "claims:\n"
        "  - {id: medics-10, subject: strike, property: deaths, value: 10, source: monde-doc,"
        " claimant: medical-sources, as_of: 2023-11-07}\n"
        "  - {id: figaro-10, subject: strike, property: deaths, value: 10, source: figaro-relay,"
        " as_of: 2023-11-07}\n"
        "  - {id: rfi-14, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    )
    relay_doc = (
        "documents:\n  - {id: figaro-relay, outlet: le-figaro, published: 2023-11-08{cites}}\n"
    )
    for cites, judged in ((", cites: [monde-doc]", False), ("", True)):
        root = make_store({"c.yaml": claims, "d.yaml": relay_doc.replace("{cites}", cites)})
        code, out, _ = run(runner, root, "sources", "--format", "json")
        assert code == 0
        figaro = next(o for o in json.loads(out)["outlets"] if o["id"] == "le-figaro")
        assert figaro["as_claimant"] == 1
        assert (figaro["contested"], figaro["track_record"] is not None) == (judged, judged)


def test_outlets_carrying_one_quote_are_judged_alike(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Le Monde and Le Figaro carry the same quote (a suspected relay, CC206: which copies
    which is a guess), which RFI's count contradicts: both are judged on it, whatever
    their claims' ids — neither is taken for the other's relay."""
    claims = (
        "claims:\n"
        "  - {id: a-monde, subject: strike, property: deaths, value: 40, source: monde-doc,"
        " quote: 'Forty people died in the strike.', as_of: 2023-11-07}\n"
        "  - {id: b-figaro, subject: strike, property: deaths, value: 40, source: figaro-doc,"
        " quote: 'Forty people died in the strike.', as_of: 2023-11-07}\n"
        "  - {id: rfi-10, subject: strike, property: deaths, value: 10, source: rfi-doc}\n"
    )
    root = make_store({"c.yaml": claims})
    _, out, _ = run(runner, root, "sources", "--format", "json")
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert outlets["le-monde"]["contested"] == outlets["le-figaro"]["contested"] == 1


def test_an_outlets_retractions_are_counted_apart_from_its_record(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A claim an outlet took back is no longer graded, so it would vanish from the
    outlet's record: the record says how many of its claims it retracted."""
    root = make_store(
        {
            "claims.yaml": """
            claims:
              - {id: a, subject: strike, property: deaths, value: 40, source: monde-doc,
                 status: retracted}
              - {id: b, subject: strike, property: deaths, value: 12, source: monde-doc}
              - {id: c, subject: strike, property: deaths, value: 12, source: figaro-doc}
              - {id: d, subject: strike, property: deaths, value: 30, source: rfi-doc,
                 claimant: fama, status: superseded}
            """
        }
    )
    code, out, err = run(runner, root, "sources", "--format", "json")
    assert code == 0, err
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert outlets["le-monde"]["retracted"] == 1 and outlets["le-monde"]["claims"] == 2
    # (superseded is a later word, not a retraction)
    assert outlets["rfi"]["retracted"] == outlets["le-figaro"]["retracted"] == 0
    _, md, _ = run(runner, root, "sources", "--format", "markdown")
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in md.splitlines()]
    monde = dict(zip(rows[0], next(r for r in rows if r[0] == "le-monde"), strict=True))
    assert monde["retracted"] == "1" and monde["track record"] == "100% (1 of 1)"


def test_a_channel_copying_a_communique_word_for_word_is_the_partys_word(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An analyst's trial: a channel ran the interior ministry's communiqué word for word
    in its own voice, citing nothing (a suspected relay, CC206). claimcheck credits the
    figure to the ministry for origins, yet the CSV said it was the channel's word, the
    channel's record counted it as its own claim, contested, with a track record of 0%,
    and the estimate left it out as "more than 20 (channel-nine)"."""
    quote = "quote: 'More than 20 people were killed in the cowardly attack.'"
    root = example_store(
        tmp_path,
        "outlets:\n"
        "  - {id: interior-web, name: Interior Ministry website, kind: state-media, "
        "affiliation: interior-ministry}\n"
        "  - {id: channel-nine, name: Channel Nine, kind: broadcaster}\n"
        "parties:\n"
        "  - {id: interior-ministry, name: Ministry of the Interior, kind: state, "
        "side: mali-government}\n"
        "documents:\n"
        "  - {id: communique, outlet: interior-web, published: 2023-11-07}\n"
        "  - {id: nine, outlet: channel-nine, published: 2023-11-07}\n"
        "  - {id: hospital-doc, outlet: rfi, published: 2023-11-08}\n"
        "claims:\n"
        "  - {id: ministry-20, subject: strike, property: deaths, value: more than 20, "
        f"source: communique, {quote}}}\n"
        "  - {id: nine-20, subject: strike, property: deaths, value: more than 20, "
        f"source: nine, {quote}}}\n"
        "  - {id: rfi-14, subject: strike, property: deaths, value: 14, "
        "source: hospital-doc}\n",
    )
    code, out, _ = run(runner, root, "export", "--format", "csv")
    assert code == 0
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (by_id["nine-20"]["relays"], by_id["nine-20"]["credited_to"]) == (
        "ministry-20",
        "interior-ministry",
    )
    sources = json.loads(run(runner, root, "sources", "--format", "json")[1])
    outlets = {o["id"]: o for o in sources["outlets"]}
    nine = outlets["channel-nine"]
    assert (nine["contested"], nine["track_record"]) == (0, None), nine
    data = json.loads(run(runner, root, "check", "--format", "json")[1])
    (est,) = data["estimates"]
    assert "more than 20 (interior-ministry)" in est["basis"], est["basis"]
    assert "channel-nine" not in est["basis"], est["basis"]


def test_a_ministry_websites_own_words_are_credited_to_the_ministry_not_its_government(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """The interior ministry's website speaks in its own voice; the ministry is part of
    the government. The CSV credits the figure to the ministry, as the findings name it
    — the party the site speaks for — not to the government above it (one origin with
    it for counting, but not who spoke)."""
    root = make_store(
        {
            "c.yaml": "parties:\n"
            "  - {id: government, name: Government, kind: state, side: mali-government}\n"
            "  - {id: interior-ministry, name: Interior ministry, kind: state, "
            "side: mali-government, part_of: government}\n"
            "outlets:\n"
            "  - {id: ministry-site, name: Ministry website, kind: party-channel, "
            "affiliation: interior-ministry}\n"
            "documents:\n"
            "  - {id: communique, outlet: ministry-site, published: 2023-11-07}\n"
            "claims:\n"
            "  - {id: site-12, subject: strike, property: deaths, value: 12, "
            "source: communique}\n"
        }
    )
    code, out, _ = run(runner, root, "export", "--format", "csv")
    assert code == 0
    (row,) = [r for r in csv.DictReader(io.StringIO(out)) if r["id"] == "site-12"]
    assert row["credited_to"] == "interior-ministry"


def test_an_echo_leaves_a_value_single_origin(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    # RFI's own 14 rests on RFI alone (CC201). France 24, RFI's sister channel, repeats it:
    # the value now looks sourced twice but traces to one origin (CC203). Neither record
    # improves: each outlet's claim is still single-origin (before, both counted 0).
    alone = "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    root = make_store({"c.yaml": alone})
    _, out, _ = run(runner, root, "sources", "--format", "json")
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert outlets["rfi"]["single_origin"] == 1
    echo = "  - {id: b, subject: strike, property: deaths, value: 14, source: f24-doc}\n"
    (root / "c.yaml").write_text(alone + echo, encoding="utf-8")
    _, out, _ = run(runner, root, "check", "--format", "json")
    assert [(f["rule"], f["details"]["origins"]) for f in json.loads(out)["findings"]] == [
        ("CC203", 1)
    ]
    _, out, _ = run(runner, root, "sources", "--format", "json")
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert outlets["rfi"]["single_origin"] == outlets["france24"]["single_origin"] == 1
    # A value three outlets carry from two origins is corroborated, not single-origin.
    third = "  - {id: c, subject: strike, property: deaths, value: 14, source: monde-doc}\n"
    (root / "c.yaml").write_text(alone + echo + third, encoding="utf-8")
    _, out, _ = run(runner, root, "sources", "--format", "json")
    outlets = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert [outlets[o]["single_origin"] for o in ("rfi", "france24", "le-monde")] == [0, 0, 0]


def test_claimreview_names_whose_word_an_outlets_relay_carries(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A fact-checker's trial: a paper's own "3" citing the dispatch where FAMa gives 3
    was published with the paper as the claim's author, while the CSV credited FAMa.
    The item names FAMa; a claim in the paper's own count keeps the paper."""
    root = example_store(
        tmp_path,
        "documents:\n"
        "  - {id: relay-doc, outlet: le-figaro, published: 2023-11-09, cites: [monde-doc]}\n"
        "claims:\n"
        "  - {id: fama-3, subject: strike, property: deaths, value: 3, source: monde-doc, "
        "claimant: fama}\n"
        "  - {id: figaro-3, subject: strike, property: deaths, value: 3, source: relay-doc}\n"
        "  - {id: rfi-10, subject: strike, property: deaths, value: 10, source: rfi-doc}\n",
    )
    code, out, _ = run(
        runner, root, "export", "--format", "claimreview", "--automated-ratings", "--author", "X"
    )
    assert code == 0, out
    authors = {
        i["itemReviewed"]["identifier"]: i["itemReviewed"]["author"]["name"]
        for i in json.loads(out)
    }
    assert authors["figaro-3"] == authors["fama-3"] == "FAMa", authors
    assert authors["rfi-10"] == "RFI", authors


def test_an_outlet_that_corrects_itself_is_judged_by_its_correction(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A fact-checker's trial: a paper printing 30, then correcting to 17 (which the
    rights group's count bears out), scored 0 % — as a paper that never corrected. Its earlier
    figure is counted as revised, and its record judges the correction."""
    records = (
        "parties:\n"
        "  - {id: watch, name: Sahel Watch, kind: ngo}\n"
        "documents:\n"
        "  - {id: figaro-2, outlet: le-figaro, published: 2023-11-10}\n"
        "claims:\n"
        "  - {id: figaro-30, subject: strike, property: deaths, value: 30, source: figaro-doc}\n"
        "  - {id: watch-17, subject: strike, property: deaths, value: 17, source: rfi-doc-2, "
        "claimant: watch}\n"
    )
    corrected = records + (
        "  - {id: figaro-17, subject: strike, property: deaths, value: 17, source: figaro-2}\n"
    )
    outlets = {}
    for name, text in (("never", records), ("corrected", corrected)):
        (tmp_path / name).mkdir()
        code, out, _ = run(
            runner, example_store(tmp_path / name, text), "sources", "--format", "json"
        )
        assert code == 0, out
        outlets[name] = {o["id"]: o for o in json.loads(out)["outlets"]}["le-figaro"]
    assert outlets["never"]["track_record"] == 0.0, outlets["never"]
    assert outlets["corrected"]["revised"] == 1, outlets["corrected"]
    assert outlets["corrected"]["track_record"] == 1.0, outlets["corrected"]


@pytest.mark.parametrize("how", ["same-day-citing-the-story", "citing-the-rights-group"])
def test_a_correction_citing_the_story_or_its_source_counts_as_revised(
    runner: CliRunner, tmp_path: Path, how: str
) -> None:
    """Analysts' trials: a paper corrects its 30 to 17 the same day, in a notice citing
    the story it corrects — or the next day, "17, according to Sahel Watch", citing its
    story and the rights group's report. Either way the 30 is one it revised, and its record says so
    (it said nothing of the kind: the same day's two figures were a self-contradiction,
    and a correction relaying the rights group's count left its own 30 standing)."""
    published, cites = (
        ("2023-11-09", "figaro-doc")
        if how == "same-day-citing-the-story"
        else ("2023-11-10", "figaro-doc, rfi-doc-2")
    )
    text = (
        "parties:\n"
        "  - {id: watch, name: Sahel Watch, kind: ngo}\n"
        "documents:\n"
        f"  - {{id: figaro-2, outlet: le-figaro, published: {published}, cites: [{cites}]}}\n"
        "claims:\n"
        "  - {id: figaro-30, subject: strike, property: deaths, value: 30, source: figaro-doc}\n"
        "  - {id: watch-17, subject: strike, property: deaths, value: 17, source: rfi-doc-2, "
        "claimant: watch}\n"
        "  - {id: figaro-17, subject: strike, property: deaths, value: 17, source: figaro-2}\n"
    )
    code, out, _ = run(runner, example_store(tmp_path, text), "sources", "--format", "json")
    assert code == 0, out
    figaro = {o["id"]: o for o in json.loads(out)["outlets"]}["le-figaro"]
    assert figaro["revised"] == 1, figaro
