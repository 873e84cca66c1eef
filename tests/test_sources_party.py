"""`sources --parties` and `sources --party ID`: a claimant's record, as an analyst
auditing an army or a rebel coalition reads it; and the JSON Schema of `sources`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.render.schemas import output_schema

from support import KIDAL


def run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def as_json(runner: CliRunner, root: Path, *args: str) -> Any:
    code, out, err = run(runner, root, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


# -- the Kidal store ------------------------------------------------------------------------


def test_every_party_has_a_record_with_kidal_numbers(runner: CliRunner) -> None:
    data = as_json(runner, KIDAL, "sources", "--parties")
    assert data["version"] == 1
    parties = {p["id"]: p for p in data["parties"]}
    # Every party is listed, those that say nothing too.
    assert {"fama", "csp-psd", "wagner", "minusma", "malian-government"} <= set(parties)
    assert parties["minusma"]["claims"] == 0 and parties["minusma"]["track_record"] is None

    fama = parties["fama"]
    assert (fama["name"], fama["kind"], fama["side"]) == (
        "Malian Armed Forces (FAMa)",
        "army",
        "mali-government",
    )
    # Four claims: the capture of Kidal (confirmed by neutral outlets), its win in the
    # Alkit valley on 12 November (contradicted by RFI's journalists and the rebels:
    # doubtful), a 15 km flanking distance nobody else gives, and free text.
    assert fama["claims"] == 4
    assert fama["grades"] == {"1": 1, "2": 0, "3": 1, "4": 1, "5": 0, "6": 1}
    assert (fama["corroborated"], fama["contested"], fama["single_origin"]) == (1, 1, 1)
    assert fama["interested_only"] == 2 and fama["revised"] == 0
    assert fama["outlets"] == ["le-figaro", "rfi"] and fama["relayed_by"] == 2
    assert fama["track_record"] == 0.5
    assert fama["findings"] == {"CC102": 1, "CC201": 1, "CC202": 2}

    rebels = parties["csp-psd"]
    assert rebels["claims"] == 5 and rebels["corroborated"] == 0 and rebels["contested"] == 2
    assert rebels["track_record"] == 0.0  # its one judged claim is doubtful
    assert rebels["grades"]["4"] == 1 and rebels["grades"]["3"] == 2

    # Wagner denying its presence in Mali: contradicted by two neutral origins.
    assert parties["wagner"]["grades"]["5"] == 1 and parties["wagner"]["track_record"] == 0.0

    # Every claim with a party claimant is counted once, for that party.
    claims = as_json(runner, KIDAL, "claims")["claims"]
    by_party = [c for c in claims if c["claimant"] in parties]
    assert sum(p["claims"] for p in parties.values()) == len(by_party)
    assert sum(g for p in parties.values() for g in p["grades"].values()) == len(by_party)


def test_parties_table_and_markdown(runner: CliRunner) -> None:
    code, table, _ = run(runner, KIDAL, "sources", "--parties")
    assert code == 0
    assert table.splitlines()[0].split()[:5] == ["party", "name", "kind", "side", "claims"]
    assert re.search(
        r"^fama\s+Malian Armed Forces \(FAMa\)\s+army\s+mali-government\s+4\s+4\s+1\s+1\s+1\s+2\s+0"
        r"\s+2\s+1:1 3:1 4:1 6:1\s+50% \(1 of 2\)$",
        table,
        re.M,
    )
    assert re.search(r"^minusma\s.*\s0\s+—\s+—$", table, re.M)
    assert "parts' claims" not in table  # no party of the demo has parts
    assert "interested only: only its own side supports it (CC202)" in table
    code, md, _ = run(runner, KIDAL, "sources", "--parties", "--format", "markdown")
    assert code == 0 and md.startswith("| party")
    assert "| CSP-PSD (Permanent Strategic Framework for Peace, Security, and Development) |" in md


def test_one_partys_claims(runner: CliRunner) -> None:
    data = as_json(runner, KIDAL, "sources", "--party", "fama")
    assert data["version"] == 1 and data["party"]["id"] == "fama"
    claims = {c["id"]: c for c in data["claims"]}
    assert set(claims) == {
        "alkit-1112-outcome-fama",
        "flanking-1113-distance-fama",
        "flanking-1113-ambushes-fama",
        "capture-1114-by-fama-figaro-headline",
    }
    alkit = claims["alkit-1112-outcome-fama"]
    assert (alkit["grade"], alkit["grade_label"]) == (4, "doubtful")
    assert alkit["standing"] == ["contested", "interested only"]
    assert alkit["findings"] == ["CC102", "CC202"] and alkit["outlets"] == ["rfi"]
    assert "contradicted by 2 independent origins" in alkit["grade_reason"]
    capture = claims["capture-1114-by-fama-figaro-headline"]
    assert capture["standing"] == ["corroborated"] and capture["outlets"] == ["le-figaro"]
    assert claims["flanking-1113-distance-fama"]["standing"] == ["single origin", "interested only"]

    code, table, _ = run(runner, KIDAL, "sources", "--party", "fama")
    assert code == 0
    assert table.startswith(
        "Malian Armed Forces (FAMa) (fama, army, side mali-government): 4 claims "
        "(4 statements), relayed by "
        "2 outlets; 1 corroborated, 1 contested, 1 single origin, 2 interested only, "
        "0 revised; grades 1:1 3:1 4:1 6:1; track record 50% (1 of 2)\n"
    )
    assert re.search(
        r"^alkit-1112-outcome-fama\s+alkit-valley-clashes-2023-11-12\s+outcome\s+"
        r"government-advantage\s+2023-11-12\s+rfi\s+4 doubtful\s+contested, interested only"
        r"\s+CC102, CC202$",
        table,
        re.M,
    )
    code, md, _ = run(runner, KIDAL, "sources", "--party", "csp-psd", "--format", "markdown")
    assert code == 0
    assert md.startswith("CSP-PSD (Permanent Strategic Framework")
    assert "| withdrawal-1114-confirmed-csp-psd |" in md


def test_an_anonymous_party_says_so(runner: CliRunner) -> None:
    code, table, _ = run(runner, KIDAL, "sources", "--party", "malian-officials")
    assert code == 0
    assert table.startswith("Malian officials (unnamed) (malian-officials, state, anonymous, ")


# -- mistakes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--party", "famma"), "no party 'famma' (did you mean 'fama'?); `claimcheck sources"),
        (("--party", "rfi"), "no party 'rfi': it is an outlet; `claimcheck sources rfi`"),
        (("fama",), "no outlet 'fama': it is a party; `claimcheck sources --party fama`"),
        (("rif",), "no outlet 'rif' (did you mean 'rfi'?); outlets: ecofin, "),
        (("rfi", "--parties"), "give an OUTLET, --parties or --party ID, not several"),
        (("--parties", "--party", "fama"), "give --parties (every party) or --party ID"),
        (("--with-parts",), "--with-parts goes with --parties or --party ID"),
    ],
)
def test_usage_mistakes(runner: CliRunner, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(runner, KIDAL, "sources", *args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


# -- parts, revisions, relays ---------------------------------------------------------------

PARTS = """
outlets:
  - {id: ortm, name: ORTM, kind: state-media, affiliation: malian-government}
documents:
  - {id: ortm-doc, outlet: ortm, published: 2023-11-09}
  - {id: figaro-relay, outlet: le-figaro, published: 2023-11-11, cites: [rfi-doc-2]}
parties:
  - {id: malian-government, name: Government of Mali, kind: state, side: mali-government}
  - {id: defence-ministry, name: Ministry of Defence, kind: state, side: mali-government,
     part_of: malian-government}
  - {id: army-spokesman, name: Army spokesman, kind: army, side: mali-government,
     part_of: defence-ministry}
claims:
  - {id: gov-outcome, subject: battle, property: outcome, value: government-advantage,
     source: rfi-doc, claimant: malian-government}
  - {id: ministry-deaths-1, subject: strike, property: deaths, value: 10, source: rfi-doc,
     claimant: defence-ministry}
  - {id: ministry-deaths-2, subject: strike, property: deaths, value: 14, source: rfi-doc-2,
     claimant: defence-ministry}
  - {id: spokesman-distance, subject: battle, property: distance, value: 15, source: monde-doc,
     claimant: army-spokesman}
  - {id: ortm-outcome, subject: battle, property: outcome, value: government-advantage,
     source: ortm-doc}
  - {id: old-commander, subject: battle, property: commander, value: fama, source: rfi-doc,
     claimant: malian-government, status: superseded}
"""


def test_parts_are_counted_apart_unless_asked(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store({"parts.yaml": PARTS})
    parties = {p["id"]: p for p in as_json(runner, root, "sources", "--parties")["parties"]}
    gov = parties["malian-government"]
    # Its own two claims and ORTM's own one (state media in its own voice is its party
    # speaking, as if the claimant were typed: an analyst's trial found the records of
    # one store differ by whether it was); the ministry's two and the spokesman's one are
    # its parts' (a ministry of a government, a spokesman of the ministry).
    assert gov["parts"] == ["army-spokesman", "defence-ministry", "ortm"]
    assert (gov["claims"], gov["parts_claims"], gov["with_parts"]) == (3, 3, False)
    assert parties["defence-ministry"]["part_of"] == "malian-government"
    assert (parties["defence-ministry"]["claims"], parties["defence-ministry"]["parts_claims"]) == (
        2,
        1,
    )
    _, table, _ = run(runner, root, "sources", "--parties")
    assert "parts' claims" in table and "--with-parts counts them with it" in table
    assert re.search(
        r"^malian-government\s+Government of Mali\s+state\s+mali-government\s+3\s+2\s+3\s",
        table,
        re.M,
    )

    parties = {
        p["id"]: p for p in as_json(runner, root, "sources", "--parties", "--with-parts")["parties"]
    }
    gov = parties["malian-government"]
    assert (gov["claims"], gov["parts_claims"], gov["with_parts"]) == (6, 3, True)
    assert gov["outlets"] == ["le-figaro", "le-monde", "ortm", "rfi"]
    _, table, _ = run(runner, root, "sources", "--parties", "--with-parts")
    assert "parts' claims" not in table and "its parts' and its media's counted with it" in table

    data = as_json(runner, root, "sources", "--party", "malian-government")
    assert [c["id"] for c in data["claims"]] == ["gov-outcome", "ortm-outcome", "old-commander"]
    data = as_json(runner, root, "sources", "--party", "malian-government", "--with-parts")
    assert {c["id"]: c["claimant"] for c in data["claims"]} == {
        "gov-outcome": "malian-government",
        "ministry-deaths-1": "defence-ministry",
        "ministry-deaths-2": "defence-ministry",
        "spokesman-distance": "army-spokesman",
        "ortm-outcome": "ortm",
        "old-commander": "malian-government",
    }
    _, table, _ = run(runner, root, "sources", "--party", "malian-government", "--with-parts")
    assert table.splitlines()[0].startswith(
        # the state broadcaster repeating the government's outcome is one statement, and
        # its own media do not count as outlets relaying it
        "Government of Mali (malian-government, state, side mali-government): 6 claims with "
        "its parts (5 statements), relayed by 3 outlets;"
    )
    assert table.splitlines()[1] == (
        "parts: army-spokesman, defence-ministry, ortm (3 claims; counted with it)"
    )
    assert table.splitlines()[3].split()[:2] == ["claim", "claimant"]
    _, table, _ = run(runner, root, "sources", "--party", "defence-ministry")
    assert "\npart of malian-government: one origin with it\n" in table


def test_revisions_and_relays(runner: CliRunner, make_store: Callable[..., Path]) -> None:
    root = make_store({"parts.yaml": PARTS})
    data = as_json(runner, root, "sources", "--party", "defence-ministry")
    claims = {c["id"]: c for c in data["claims"]}
    # The ministry's 10 dead on 7 November, raised to 14 on 10 November (CC105): its
    # first figure is revised, its last is its word.
    assert "revised" in claims["ministry-deaths-1"]["standing"]
    assert "revised" not in claims["ministry-deaths-2"]["standing"]
    assert "CC105" in claims["ministry-deaths-1"]["findings"]
    # Le Figaro's document cites the one carrying the 14: both outlets carried it.
    assert claims["ministry-deaths-2"]["outlets"] == ["le-figaro", "rfi"]
    assert claims["ministry-deaths-1"]["outlets"] == ["rfi"]
    assert data["party"]["revised"] == 1 and data["party"]["relayed_by"] == 2
    # A claim recorded as superseded is revised too.
    gov = as_json(runner, root, "sources", "--party", "malian-government")["claims"]
    assert next(c for c in gov if c["id"] == "old-commander")["standing"] == ["revised"]


def test_a_retracted_misattribution_is_the_outlets_not_the_partys(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Le Figaro reported that FAMa acknowledged 30 dead, then retracted the story: the
    army never said it. Its record counts the claim apart, as retracted by the outlet —
    not as a figure the army revised, nor a statement graded against it."""
    root = make_store(
        {
            "c.yaml": "claims:\n"
            "  - {id: said, subject: strike, property: deaths, value: 3, source: f24-doc, "
            "claimant: fama}\n"
            "  - {id: put, subject: strike, property: deaths, value: 30, source: figaro-doc, "
            "claimant: fama, status: retracted}\n"
        }
    )
    data = as_json(runner, root, "sources", "--party", "fama")
    party = data["party"]
    assert (party["claims"], party["statements"], party["retracted"], party["revised"]) == (
        2,
        1,
        1,
        0,
    )
    put = next(c for c in data["claims"] if c["id"] == "put")
    assert "revised" not in put["standing"] and put["status"] == "retracted"
    code, table, _ = run(runner, root, "sources", "--parties", "--format", "markdown")
    assert code == 0 and "| retracted " in table
    assert "retracted: claims attributed to it that the outlet reporting them retracted" in table
    code, head, _ = run(runner, root, "sources", "--party", "fama", "--format", "markdown")
    assert "1 retracted by their outlets" in head


def test_a_party_with_no_claims(runner: CliRunner) -> None:
    code, out, _ = run(runner, KIDAL, "sources", "--party", "minusma")
    assert code == 0
    assert ": 0 claims (0 statements), relayed by 0 outlets;" in out and out.rstrip().endswith(
        "no claims"
    )


# -- a hostile store --------------------------------------------------------------------------

HOSTILE = r"""
outlets:
  - {id: evil, name: "Evil\e[2J News\e c", kind: newspaper}
documents:
  - {id: evil-doc, outlet: evil, published: 2023-11-08}
parties:
  - {id: evil-party, name: "Party\e[2J\a", kind: armed-group, side: rebels}
claims:
  - {id: calm, subject: strike, property: summary, value: "calm\e[2Jnow", source: evil-doc,
     quote: "a\e[2Jb"}
  - {id: said, subject: strike, property: summary, value: "\e]0;title\a", source: evil-doc,
     claimant: evil-party}
"""


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_control_characters_are_shown_not_obeyed(
    runner: CliRunner, make_store: Callable[..., Path], fmt: str
) -> None:
    root = make_store({"hostile.yaml": HOSTILE})
    outputs = [
        run(runner, root, "sources", *args, "--format", fmt)
        for args in (("evil",), (), ("--parties",), ("--party", "evil-party"))
    ]
    for code, out, _ in outputs:
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out
    # ESC shown as \x1b; Markdown escapes the backslash and the brackets too.
    esc, left, right = ("\\x1b", "[", "]") if fmt == "table" else ("\\\\x1b", "\\[", "\\]")
    outlet, _, parties, party = (out for _, out, _ in outputs)
    assert f"Evil{esc}{left}2J News{esc} c (evil, newspaper" in outlet
    assert f"calm{esc}{left}2Jnow" in outlet
    assert f"Party{esc}{left}2J" in parties
    assert f"Party{esc}{left}2J" in party and f"{esc}{right}0;title" in party


def test_json_keeps_store_text_as_it_is(runner: CliRunner, make_store: Callable[..., Path]) -> None:
    root = make_store({"hostile.yaml": HOSTILE})
    data = as_json(runner, root, "sources", "evil")
    assert data["outlet"]["name"] == "Evil\x1b[2J News\x1b c"  # JSON escapes it itself


# -- the JSON Schema ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("rfi",),
        ("--parties",),
        ("--party", "csp-psd"),
        ("--parties", "--with-parts"),
        ("--party", "wagner", "--with-parts"),
    ],
)
def test_the_schema_holds_for_real_output(runner: CliRunner, args: tuple[str, ...]) -> None:
    schema = output_schema("sources")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(as_json(runner, KIDAL, "sources", *args))


def test_the_schema_catches_drift(runner: CliRunner) -> None:
    validator = jsonschema.Draft202012Validator(output_schema("sources"))
    data = as_json(runner, KIDAL, "sources", "--party", "fama")
    assert validator.is_valid(data)
    for broken in (
        {k: v for k, v in data.items() if k != "version"},
        {**data, "version": 2},
        {**data, "party": {**data["party"], "renamed": 1}},
        {**data, "party": {k: v for k, v in data["party"].items() if k != "relayed_by"}},
        {**data, "claims": [{**data["claims"][0], "standing": ["confirmed"]}]},
        {**data, "claims": [{**data["claims"][0], "grade": 7}]},
        {**data, "outlets": []},
    ):
        assert not validator.is_valid(broken)
    outlets = as_json(runner, KIDAL, "sources")
    assert not validator.is_valid({**outlets, "outlets": [{**outlets["outlets"][0], "claims": -1}]})


def test_a_count_overtaken_in_a_dispute_is_contested(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """An analyst's trial: the hospital's 14, the day after the army said no civilian
    died, is named by the CC101 (the army's 0 and the 14 cannot both hold); a rights
    group's "at least 20" later overtook it, so its grade counts nothing against it. Its
    record said "contested 0" beside the error naming it: the dispute counts."""
    root = make_store(
        {
            "raid.yaml": """\
            parties:
              - {id: hospital, name: District Hospital, kind: medical}
              - {id: watch, name: Rights Watch, kind: ngo}
            subjects:
              - {id: raid, label: Raid on Korrin, date: 2023-11-06, sides: [mali-government, rebels]}
            properties:
              - {id: killed, type: quantity, cumulative: true}
            claims:
              - {id: army-0, subject: raid, property: killed, value: 0, source: rfi-doc, claimant: fama}
              - {id: hosp-14, subject: raid, property: killed, value: 14, source: monde-doc, claimant: hospital}
              - {id: watch-20, subject: raid, property: killed, value: at least 20, source: figaro-doc, claimant: watch}
            """
        }
    )
    code, out, _ = run(runner, root, "check", "--format", "json")
    checked = json.loads(out)
    assert code == 1
    (dispute,) = [f for f in checked["findings"] if f["rule"] == "CC101"]
    assert "hosp-14" in dispute["claims"]
    assert checked["grades"]["hosp-14"]["contradicting_origins"] == 0
    record = as_json(runner, root, "sources", "--party", "hospital")
    assert record["party"]["contested"] == 1
    (claim,) = record["claims"]
    assert "contested" in claim["standing"]


def test_a_paper_citing_an_article_for_one_figure_did_not_carry_its_others(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Le Figaro's article cites Le Monde's for the death toll and records its own
    figure; it never reported the officials' "dozens missing" that Le Monde also
    printed: that claim was carried by Le Monde alone. Le Figaro quoting the officials'
    figure itself would have carried it."""
    base = (
        "properties:\n  - {id: missing, type: quantity}\n"
        "documents:\n"
        "  - {id: figaro-cites, outlet: le-figaro, published: 2023-11-09, cites: [monde-doc]}\n"
        "claims:\n"
        "  - {id: officials-missing, subject: strike, property: missing, value: dozens, source: monde-doc,"
        " claimant: malian-officials}\n"
        "  - {id: toll, subject: strike, property: deaths, value: 30, source: monde-doc}\n"
        "  - {id: figaro-toll, subject: strike, property: deaths, value: 30,"
        " source: figaro-cites}\n"
    )
    alone = as_json(runner, make_store({"c.yaml": base}), "sources", "--party", "malian-officials")
    assert alone["claims"][0]["outlets"] == ["le-monde"]
    assert alone["party"]["relayed_by"] == 1
    quoted = base + (
        "  - {id: figaro-missing, subject: strike, property: missing, value: dozens,"
        " source: figaro-cites, claimant: malian-officials}\n"
    )
    both = as_json(runner, make_store({"c.yaml": quoted}), "sources", "--party", "malian-officials")
    first = next(c for c in both["claims"] if c["id"] == "officials-missing")
    assert first["outlets"] == ["le-figaro", "le-monde"]


def test_a_partys_value_echoed_by_two_outlets_is_still_single_origin(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    # Medical sources' 12, quoted by Le Monde (CC201), then by Le Figaro too (CC203: two
    # outlets, one origin): the party's record keeps it single-origin.
    one = (
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 12, source: monde-doc,"
        " claimant: medical-sources}\n"
    )
    two = (
        "  - {id: b, subject: strike, property: deaths, value: 12, source: figaro-doc,"
        " claimant: medical-sources}\n"
    )
    for records, rules in ((one, "CC201"), (one + two, "CC203")):
        root = make_store({"c.yaml": records})
        data = as_json(runner, root, "sources", "--party", "medical-sources")
        assert data["party"]["single_origin"] == 1
        assert all("single origin" in c["standing"] for c in data["claims"])
        assert all(rules in c["findings"] for c in data["claims"])


def test_a_party_with_no_side_of_its_own_shows_the_side_it_speaks_for(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A spokesman `part_of` a ministry speaks for the ministry's side, as the rules take
    it; `sources --parties` showed "—" (a new user's trial)."""
    root = make_store(
        {"parts.yaml": PARTS.replace("kind: army, side: mali-government,", "kind: army,")}
    )
    parties = {p["id"]: p for p in as_json(runner, root, "sources", "--parties")["parties"]}
    assert parties["army-spokesman"]["side"] == "mali-government"
    assert parties["army-spokesman"]["part_of"] == "defence-ministry"
    assert parties["medical-sources"]["side"] is None  # (no side, nothing above it)
    code, out, _ = run(runner, root, "sources", "--parties", "--format", "markdown")
    assert code == 0
    (row,) = [line for line in out.splitlines() if line.startswith("| army-spokesman ")]
    assert "| mali-government |" in row
    code, out, _ = run(runner, root, "sources", "--party", "army-spokesman")
    assert code == 0 and "side mali-government" in out


@pytest.mark.parametrize("typed", [False, True])
def test_a_party_channels_own_words_are_its_partys_claimant_typed_or_not(
    runner: CliRunner, make_store: Callable[..., Path], typed: bool
) -> None:
    """An analyst's trial: the CSP-PSD's channel blaming Wagner in its own voice made the
    channel a claimant with a 0 % record, and left the party's record empty — typed
    `claimant: csp-psd`, the same words were the party's. The channel speaks for its
    party (DESIGN §2, `affiliation`): the same records either way."""
    claimant = ", claimant: csp-psd" if typed else ""
    root = make_store(
        {
            "channel.yaml": (
                "outlets:\n"
                "  - {id: csp-channel, name: CSP channel, kind: party-channel, "
                "affiliation: csp-psd}\n"
                "documents:\n  - {id: csp-post, outlet: csp-channel, published: 2023-11-12}\n"
                "claims:\n"
                "  - {id: csp-says, subject: battle, property: commander, value: wagner, "
                f"source: csp-post{claimant}}}\n"
                "  - {id: rfi-says, subject: battle, property: commander, value: fama, "
                "source: rfi-doc}\n"
            )
        }
    )
    outlets = {o["id"]: o for o in as_json(runner, root, "sources")["outlets"]}
    assert outlets["csp-channel"]["as_claimant"] == 0, outlets["csp-channel"]
    party = as_json(runner, root, "sources", "--party", "csp-psd")
    assert [c["id"] for c in party["claims"]] == ["csp-says"], party


def test_state_medias_own_words_relaying_a_wire_are_not_their_partys_claim(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """An adversarial trial: state TV's own "14 killed", citing RFI's 14, was scored as
    the government's own claim (contested, 0 %) once state media's own words counted as
    their party's. It relays the wire: no word of the government's, as an outlet's
    relay is no assertion of its own."""
    root = make_store(
        {
            "ortm.yaml": (
                "outlets:\n"
                "  - {id: ortm, name: ORTM, kind: state-media, affiliation: malian-government}\n"
                "documents:\n  - {id: ortm-doc, outlet: ortm, published: 2023-11-10, "
                "cites: [rfi-doc]}\n"
                "parties:\n  - {id: malian-government, name: Government of Mali, kind: state, "
                "side: mali-government}\n"
                "claims:\n"
                "  - {id: rfi-14, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
                "  - {id: ortm-14, subject: strike, property: deaths, value: 14, "
                "source: ortm-doc}\n"
                "  - {id: monde-10, subject: strike, property: deaths, value: 10, "
                "source: monde-doc}\n"
            )
        }
    )
    party = as_json(runner, root, "sources", "--party", "malian-government")
    assert party["claims"] == [], party


def test_a_partys_statement_is_corroborated_as_it_is_graded(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """An analyst's trial: the ministry's 23, and a wire's "at least 23, the ministry
    said" citing it — one statement, graded 3 — gave the ministry "1 corroborated"
    beside "grades 3:1": the wire's wording, graded 1 as worded, counted for the
    statement. The statement is corroborated as it is graded."""
    root = make_store(
        {
            "ministry.yaml": (
                "documents:\n  - {id: wire, outlet: le-monde, published: 2023-11-10, "
                "cites: [rfi-doc]}\n"
                "claims:\n"
                "  - {id: fama-23, subject: strike, property: deaths, value: 23, "
                "source: rfi-doc, claimant: fama}\n"
                "  - {id: wire-23, subject: strike, property: deaths, value: at least 23, "
                "source: wire, claimant: fama}\n"
                "  - {id: figaro-31, subject: strike, property: deaths, value: 31, "
                "source: figaro-doc}\n"
                "  - {id: f24-35, subject: strike, property: deaths, value: at least 35, "
                "source: f24-doc}\n"
            )
        }
    )
    fama = {p["id"]: p for p in as_json(runner, root, "sources", "--parties")["parties"]}["fama"]
    corroborated = sum(n for g, n in fama["grades"].items() if g == "1")
    assert fama["corroborated"] == corroborated, fama


def test_a_figure_a_relay_cites_is_not_revised(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A desk's trial: FAMa's 58, then its 61 the next day, which a paper quotes citing
    FAMa's post. The 61 was counted "revised" (a document of the revision cited it),
    so the party's record said "2 revised" of its 2 statements. A story citing a figure
    corrects it only when it is the same outlet's and gives another figure."""
    root = make_store(
        {
            "fama.yaml": (
                "outlets:\n  - {id: fama-channel, name: FAMa channel, kind: party-channel, "
                "affiliation: fama}\n"
                "documents:\n"
                "  - {id: post-1, outlet: fama-channel, published: 2023-11-08}\n"
                "  - {id: post-2, outlet: fama-channel, published: 2023-11-09}\n"
                "  - {id: paper, outlet: le-monde, published: 2023-11-09, cites: [post-2]}\n"
                "claims:\n"
                "  - {id: fama-58, subject: strike, property: deaths, value: 58, source: post-1}\n"
                "  - {id: fama-61, subject: strike, property: deaths, value: 61, source: post-2}\n"
                "  - {id: paper-61, subject: strike, property: deaths, value: 61, "
                "source: paper, claimant: fama}\n"
            )
        }
    )
    fama = {p["id"]: p for p in as_json(runner, root, "sources", "--parties")["parties"]}["fama"]
    assert fama["revised"] == 1, fama
