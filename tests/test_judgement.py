"""The judgement model (DESIGN §2 "Provenance and independence", §4; issue 17): grades,
estimates, who contradicts whom, fingerprints that follow the disagreement, reviews,
and the store checks the model leans on.

Every store here is an invented war, shaped like real reporting: Korvalia's government
and army against the Velmar Liberation Front (VLF); a wire dispatch quoting two foreign
intelligence services; a ministry contradicting them; an army communiqué relayed by
five outlets; NGOs, medics and anonymous "medical sources".
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.cli import cli
from claimcheck.engine import check
from claimcheck.report import render_report
from claimcheck.store import load_store

from support import KIDAL

WORLD = textwrap.dedent("""\
    # Korvalia, spring 2031 (invented): who publishes, who speaks, what happened.
    outlets:
      - {id: meridian, name: Meridian Press Agency, kind: news-agency}
      - {id: lantern-wire, name: Lantern Wire, kind: wire}
      - {id: harbor-times, name: The Harbor Times, kind: newspaper}
      - {id: coastline-radio, name: Coastline Radio, kind: broadcaster, owner: Coastline Media Group}
      - {id: coastline-tv, name: Coastline TV, kind: broadcaster, owner: Coastline Media Group}
      - {id: northgate-daily, name: Northgate Daily, kind: newspaper}
      - {id: eastwind-tv, name: Eastwind TV, kind: broadcaster}
      - {id: valley-courier, name: Valley Courier, kind: newspaper}
      - {id: pinecrest-post, name: Pinecrest Post, kind: newspaper}
      - {id: korvalia-tv, name: Korvalia State Television, kind: state-media, affiliation: korvalia-government}
    documents:
      - {id: lantern-0305, outlet: lantern-wire, published: 2031-03-05, title: "Two intelligence services put the build-up at 12,000"}
      - {id: lantern-0306, outlet: lantern-wire, published: 2031-03-06}
      - {id: korvalia-tv-0305, outlet: korvalia-tv, published: 2031-03-05, title: "Ministry: 4,000 troops, on exercise"}
      - {id: meridian-0302, outlet: meridian, published: 2031-03-02}
      - {id: meridian-0305, outlet: meridian, published: 2031-03-05}
      - {id: meridian-0306, outlet: meridian, published: 2031-03-06}
      - {id: harbor-0305, outlet: harbor-times, published: 2031-03-05, title: "Dresk market: army and rebels trade blame"}
      - {id: harbor-0306, outlet: harbor-times, published: 2031-03-06}
      - {id: coastline-radio-0305, outlet: coastline-radio, published: 2031-03-05}
      - {id: coastline-tv-0305, outlet: coastline-tv, published: 2031-03-05}
      - {id: northgate-0305, outlet: northgate-daily, published: 2031-03-05}
      - {id: northgate-0306, outlet: northgate-daily, published: 2031-03-06}
      - {id: eastwind-0305, outlet: eastwind-tv, published: 2031-03-05}
      - {id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06}
      - {id: valley-0305, outlet: valley-courier, published: 2031-03-05}
      - {id: pinecrest-0305, outlet: pinecrest-post, published: 2031-03-05}
    parties:
      - {id: korvalia-government, name: Government of Korvalia, kind: state, side: korvalia-government}
      - {id: korvalian-army, name: Korvalian Army, kind: army, side: korvalia-government, part_of: korvalia-government}
      - {id: defence-ministry, name: Korvalian Ministry of Defence, kind: state, side: korvalia-government, part_of: korvalia-government}
      - {id: iron-hills-militia, name: Iron Hills Militia, kind: armed-group, side: korvalia-government}
      - {id: vlf, name: Velmar Liberation Front, kind: armed-group, side: vlf}
      - {id: watchlight, name: Watchlight Rights, kind: ngo}
      - {id: open-ward, name: Open Ward Medics, kind: medical}
      - {id: dresk-medical-sources, name: Medical sources in Dresk, kind: medical, anonymous: true}
      - {id: tessaly-intelligence, name: Tessaly's intelligence service, kind: state, side: tessaly}
      - {id: brannmark-intelligence, name: Brannmark's intelligence service, kind: state, side: brannmark}
    subjects:
      - {id: border-buildup, label: Korvalian troop build-up on the Velmar border, date: 2031-02-15/2031-03-01, sides: [korvalia-government, vlf]}
      - {id: dresk-shelling, label: Shelling of Dresk market, date: 2031-03-04, sides: [korvalia-government, vlf]}
      - {id: saltmarsh-clashes, label: Clashes at Saltmarsh, date: 2031-03-02/2031-03-04, sides: [korvalia-government, vlf]}
      - {id: ferry-hostages, label: Release of the Saltmarsh ferry hostages, date: 2031-03-05, sides: [korvalia-government, vlf]}
    properties:
      - {id: civilian_deaths, type: quantity, cumulative: true}
      - {id: troops_massed, type: quantity}
      - {id: hostages_released, type: quantity}
      - {id: buildings_destroyed, type: quantity}
    """)


# --- helpers ------------------------------------------------------------------------------


#: The world with Coastline Radio's dispatch citing Meridian's of the same day.
RADIO_CITES_MERIDIAN = WORLD.replace(
    "{id: coastline-radio-0305, outlet: coastline-radio, published: 2031-03-05}",
    "{id: coastline-radio-0305, outlet: coastline-radio, published: 2031-03-05, "
    "cites: [meridian-0305]}",
)
assert RADIO_CITES_MERIDIAN != WORLD


def claims_yaml(*rows: str) -> str:
    return "claims:\n" + "".join(f"  - {r}\n" for r in rows)


def world(make_store: Callable[..., Path], *rows: str, **files: str) -> Path:
    """The invented world with ``rows`` as claims.yaml, plus other ``files``."""
    return make_store({"world.yaml": WORLD, "claims.yaml": claims_yaml(*rows), **files}, base=False)


def judged(make_store: Callable[..., Path], world_text: str, *rows: str) -> dict[str, Any]:
    """``check --format json`` of ``rows`` as the claims of the world ``world_text``."""
    return run(
        make_store({"world.yaml": world_text, "claims.yaml": claims_yaml(*rows)}, base=False)
    )


def run(root: Path) -> dict[str, Any]:
    """``check --format json`` through the library."""
    return check(load_store(root)).as_dict()


def grade(data: dict[str, Any], claim: str) -> int:
    return int(data["grades"][claim]["grade"])


def findings(data: dict[str, Any], rule: str, subject: str | None = None) -> list[dict[str, Any]]:
    return [
        f
        for f in data["findings"]
        if f["rule"] == rule and (subject is None or f["subject"] == subject)
    ]


def estimate(data: dict[str, Any], subject: str, prop: str) -> dict[str, Any] | None:
    found = [e for e in data["estimates"] if (e["subject"], e["property"]) == (subject, prop)]
    assert len(found) <= 1, found
    return found[0] if found else None


def estimated_groups(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["subject"], e["property"]) for e in data["estimates"]}


def line_of(path: Path, claim: str) -> int:
    """The line (1-based) where claim ``claim`` is written."""
    pattern = re.compile(rf"\bid: {re.escape(claim)}[,}}\s]")
    lines = path.read_text(encoding="utf-8").splitlines()
    (found,) = [n for n, text in enumerate(lines, 1) if pattern.search(text)]
    return found


def located(location: str) -> tuple[str, int, int]:
    """``path:line:col`` as (file name, line, column)."""
    path, line, col = location.rsplit(":", 2)
    return Path(path).name, int(line), int(col)


def cli_run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--store", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- grades -------------------------------------------------------------------------------

#: One wire dispatch quotes two foreign intelligence services; Korvalia's own defence
#: ministry, a party to the conflict, gives a third of their figure on state television.
BUILDUP = (
    "{id: tessaly-12000, subject: border-buildup, property: troops_massed, value: 12000, "
    "source: lantern-0305, claimant: tessaly-intelligence}",
    "{id: brannmark-12000, subject: border-buildup, property: troops_massed, value: 12000, "
    "source: lantern-0305, claimant: brannmark-intelligence}",
    "{id: ministry-4000, subject: border-buildup, property: troops_massed, value: 4000, "
    "source: korvalia-tv-0305, claimant: defence-ministry}",
)


def test_independent_estimates_contradicted_only_by_an_interested_ministry_are_not_improbable(
    make_store: Callable[..., Path],
) -> None:
    """Two governments' intelligence services, quoted in one wire dispatch, are two
    neutral origins; the interested ministry alone cannot make their figure doubtful,
    let alone improbable: confirmed (no neutral origin against)."""
    data = run(world(make_store, *BUILDUP))
    for claim in ("tessaly-12000", "brannmark-12000"):
        assert grade(data, claim) <= 3, data["grades"][claim]
        assert grade(data, claim) == 1, data["grades"][claim]


def test_the_interested_ministrys_figure_against_two_neutral_origins_is_improbable(
    make_store: Callable[..., Path],
) -> None:
    """The ministry's figure is supported by no neutral origin and contradicted by two
    independent neutral ones (the relaying wire does not merge them): improbable."""
    data = run(world(make_store, *BUILDUP))
    assert grade(data, "ministry-4000") == 5, data["grades"]["ministry-4000"]


#: One Harbor Times article quotes the army and the rebels on the shelling of Dresk.
ARMY_AND_REBELS = (
    "{id: army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
    "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
    "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
    "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
)


def test_the_armys_figure_contradicted_only_by_the_rebels_is_disputed_not_improbable(
    make_store: Callable[..., Path],
) -> None:
    """A figure contradicted only by the other side's claim is disputed (3), not
    improbable: the other side is no neutral witness. So is the other side's."""
    data = run(world(make_store, *ARMY_AND_REBELS))
    army = data["grades"]["army-2"]
    assert army["grade"] == 3, army
    assert "disputed" in army["reason"].lower(), army
    assert grade(data, "vlf-40") == 3, data["grades"]["vlf-40"]


def test_allies_repeating_one_figure_do_not_make_the_other_sides_figure_improbable(
    make_store: Callable[..., Path],
) -> None:
    """The army, its ministry, the government and an allied militia all say 2: one
    side, one unit of corroboration. The rebels' 40 is still only disputed (3), and the
    allies' chorus does not confirm their own figure either."""
    data = run(
        world(
            make_store,
            *ARMY_AND_REBELS,
            "{id: ministry-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: korvalia-tv-0305, claimant: defence-ministry, as_of: 2031-03-04}",
            "{id: government-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: valley-0305, claimant: korvalia-government, as_of: 2031-03-04}",
            "{id: militia-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: northgate-0305, claimant: iron-hills-militia, as_of: 2031-03-04}",
        )
    )
    assert grade(data, "vlf-40") == 3, data["grades"]["vlf-40"]
    for claim in ("army-2", "ministry-2", "government-2", "militia-2"):
        assert grade(data, claim) == 3, (claim, data["grades"][claim])


def test_a_named_neutral_source_outweighs_an_anonymous_one(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight, named, says 15; unnamed "medical sources in Dresk" say 25. Anonymous
    testimony weighs less: the named figure stays possibly true (3), as it was alone —
    being contradicted, even by less, never makes a figure likelier — and the anonymous
    one is doubtful (4)."""
    watchlight = (
        "{id: watchlight-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
        "source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}"
    )
    alone = run(world(make_store, watchlight))
    data = run(
        world(
            make_store,
            watchlight,
            "{id: medical-25, subject: dresk-shelling, property: civilian_deaths, value: 25, "
            "source: coastline-radio-0305, claimant: dresk-medical-sources, as_of: 2031-03-04}",
        )
    )
    assert grade(alone, "watchlight-15") == 3
    assert grade(data, "watchlight-15") == 3, data["grades"]["watchlight-15"]
    assert "contradicted by" in data["grades"]["watchlight-15"]["reason"]
    assert grade(data, "medical-25") == 4, data["grades"]["medical-25"]


#: Both sides say nine hostages were released from the Saltmarsh ferry.
HOSTAGES = (
    "{id: army-9, subject: ferry-hostages, property: hostages_released, value: 9, "
    "source: harbor-0305, claimant: korvalian-army}",
    "{id: vlf-9, subject: ferry-hostages, property: hostages_released, value: 9, "
    "source: meridian-0305, claimant: vlf}",
)


def test_opposing_sides_agreeing_confirm_a_value(make_store: Callable[..., Path]) -> None:
    """When enemies agree, their common ground weighs as a neutral origin: confirmed."""
    data = run(world(make_store, *HOSTAGES))
    assert grade(data, "army-9") == 1, data["grades"]["army-9"]
    assert grade(data, "vlf-9") == 1, data["grades"]["vlf-9"]


def test_opposing_sides_agreeing_is_not_interested_only(make_store: Callable[..., Path]) -> None:
    """A value both warring sides give is not "claimed only by a party to it" (CC202)."""
    data = run(world(make_store, *HOSTAGES))
    assert findings(data, "CC202", "ferry-hostages") == []


def test_a_figure_both_sides_contradict_is_doubtful(make_store: Callable[..., Path]) -> None:
    """A lone outlet says 14 hostages; both sides, agreeing, say 9. Their common ground
    contradicts it as a neutral origin would: doubtful (4), not merely possible (3)."""
    data = run(
        world(
            make_store,
            *HOSTAGES,
            "{id: pinecrest-14, subject: ferry-hostages, property: hostages_released, "
            "value: 14, source: pinecrest-0305}",
        )
    )
    assert grade(data, "pinecrest-14") == 4, data["grades"]["pinecrest-14"]


def test_neutral_counts_close_to_each_other_and_far_below_a_figure_make_it_improbable(
    make_store: Callable[..., Path],
) -> None:
    """The ministry says 300 buildings; three newspapers counted 10, 12 and 15. They do
    not agree on one figure, but all three say it is far lower: the ministry's figure is
    improbable (5), and it is not the estimate's high. The 15, close to the others, is
    only doubtful (4)."""
    rows = [
        "{id: ministry-300, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 300, source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: northgate-10, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 10, source: northgate-0305}",
        "{id: eastwind-12, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 12, source: eastwind-0305}",
        "{id: valley-15, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 15, source: valley-0305}",
    ]
    data = run(world(make_store, *rows))
    assert grade(data, "ministry-300") == 5, data["grades"]["ministry-300"]
    assert grade(data, "valley-15") == 4, data["grades"]["valley-15"]
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None and est["high"] == 15, est


def test_an_outlets_own_words_repeating_a_figure_it_quotes_are_that_source(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times' lede says "at least 23 killed" in its own voice; further down
    the same article, Open Ward Medics give "at least 23". One origin, not two: the
    medics' figure is possibly true (3), a single origin — not confirmed by its own
    echo. A figure of the paper's own that the article attributes to no one stays its
    own."""
    data = run(
        world(
            make_store,
            "{id: harbor-lede, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 23, source: harbor-0305, as_of: 2031-03-04}",
            "{id: open-ward-23, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 23, source: harbor-0305, claimant: open-ward, as_of: 2031-03-04}",
        )
    )
    assert grade(data, "open-ward-23") == 3, data["grades"]["open-ward-23"]
    assert data["grades"]["open-ward-23"]["supporting_origins"] == 1
    other = run(
        world(
            make_store,
            "{id: harbor-lede, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 23, source: harbor-0305, as_of: 2031-03-04}",
            "{id: open-ward-23, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 23, source: meridian-0305, claimant: open-ward, as_of: 2031-03-04}",
        )
    )
    assert other["grades"]["open-ward-23"]["supporting_origins"] == 2


def test_a_relay_worded_otherwise_counts_as_what_it_relays(
    make_store: Callable[..., Path],
) -> None:
    """Meridian's dispatch quotes the army's "at least 23"; Coastline Radio, citing it,
    says "23" in its own voice; the medics later count 31. The radio's "23" is the
    army's "at least 23" in other words: no dispute with the medics' 31 (which the army's
    floor allows), the radio graded as the army's figure, and the estimate names the
    army's floor as the count the medics' overtook — not a "23" given by the radio, nor
    the radio as a party's figure."""
    rows = (
        "{id: meridian-army, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 23, source: meridian-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: radio-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: coastline-radio-0305, as_of: 2031-03-04}",
        "{id: open-ward-31, subject: dresk-shelling, property: civilian_deaths, value: 31, "
        "source: harbor-0306, claimant: open-ward, as_of: 2031-03-06}",
    )
    cites = RADIO_CITES_MERIDIAN
    root = make_store({"world.yaml": cites, "claims.yaml": claims_yaml(*rows)}, base=False)
    data = run(root)
    assert findings(data, "CC101") == []
    assert data["grades"]["radio-23"] == data["grades"]["meridian-army"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    # (the army's floor of the day, which the medics' later count passed: the toll grown)
    assert (est["low"], est["best"], est["high"]) == (31, 31, 31), est
    assert "overtook: at least 23 (korvalian-army)" in est["basis"], est["basis"]
    assert "radio" not in est["basis"], est["basis"]
    # Without the citation the radio's 23 is a count of its own, the toll's of its day,
    # which the medics' count overtook too.
    alone = run(world(make_store, *rows))
    basis = estimate(alone, "dresk-shelling", "civilian_deaths")["basis"]  # type: ignore[index]
    assert "at least 23 (korvalian-army), 23 (coastline-radio)" in basis, basis


@pytest.mark.parametrize("quoting", [False, True])
def test_a_quote_citing_the_statement_it_misquotes_is_its_relay(
    make_store: Callable[..., Path], quoting: bool
) -> None:
    """Meridian quotes the army's "more than 20"; Coastline Radio, citing Meridian, says
    "20" — in its own voice, or as the army's word. Either way it is the army's
    statement relayed with "more than" dropped: CC107 names the relays, not the army
    contradicting itself; no "20" joins the dispute with the medics' 17; the army's
    floor is not "improbable" for a side that "also says otherwise"; and its record
    counts one statement. (Quoted, it was all of those.)"""
    claimant = ", claimant: korvalian-army" if quoting else ""
    rows = (
        "{id: meridian-army, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 20, source: meridian-0305, claimant: korvalian-army}",
        "{id: radio-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        f"source: coastline-radio-0305{claimant}}}",
        "{id: medics-17, subject: dresk-shelling, property: civilian_deaths, value: 17, "
        "source: harbor-0305, claimant: dresk-medical-sources}",
    )
    root = make_store(
        {"world.yaml": RADIO_CITES_MERIDIAN, "claims.yaml": claims_yaml(*rows)}, base=False
    )
    data = run(root)
    (cc107,) = findings(data, "CC107")
    assert (
        "is relayed differently: more than 20 in meridian vs 20 in coastline-radio"
        in cc107["message"]
    ), cc107
    (cc101,) = findings(data, "CC101")
    assert "; 20 [" not in cc101["message"], cc101["message"]
    assert grade(data, "meridian-army") == grade(data, "radio-20") == 4
    party = CliRunner().invoke(
        cli, ["--store", str(root), "sources", "--party", "korvalian-army", "--format", "json"]
    )
    record = json.loads(party.stdout)["party"]
    assert record["statements"] == 1, record


def test_a_quote_of_another_range_citing_a_statement_is_no_relay_of_it(
    make_store: Callable[..., Path],
) -> None:
    """Meridian quotes the army's "more than 20"; Coastline Radio, citing it, quotes the
    army's "between 10 and 20": another figure, not the same number reworded. It stays
    the army's own word, in the dispute with Watchlight's 40 (a reviewer's store: it
    was folded into the "more than 20" and graded confirmed)."""
    rows = (
        "{id: meridian-army, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 20, source: meridian-0305, claimant: korvalian-army}",
        "{id: radio-range, subject: dresk-shelling, property: civilian_deaths, "
        "value: between 10 and 20, source: coastline-radio-0305, claimant: korvalian-army}",
        "{id: watchlight-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0305, claimant: watchlight}",
    )
    root = make_store(
        {"world.yaml": RADIO_CITES_MERIDIAN, "claims.yaml": claims_yaml(*rows)}, base=False
    )
    data = run(root)
    (cc101,) = findings(data, "CC101")
    assert "radio-range" in cc101["claims"], cc101
    assert grade(data, "radio-range") >= 4, data["grades"]["radio-range"]


def _entity_store(
    make_store: Callable[..., Path],
    world: str,
    rows: tuple[str, ...] | list[str],
    prop: str = "{id: responsible, type: entity}",
) -> Path:
    """The invented ``world``, an entity property and ``rows`` as its claims."""
    return make_store(
        {
            "world.yaml": world,
            "props.yaml": f"properties:\n  - {prop}\n",
            "claims.yaml": claims_yaml(*rows),
        },
        base=False,
    )


def test_a_unit_named_responsible_is_its_army_named_responsible(
    make_store: Callable[..., Path],
) -> None:
    """Who shelled Dresk market: Watchlight says the Korvalian army, Meridian (its own
    voice) the government the army is part of, the army blames the VLF, and the
    ministry denies that the government did it. The army's strike is the government's:
    Meridian and Watchlight agree (no CC102 pair between them, each supports the other),
    and Watchlight's finding contradicts the ministry's denial (an analyst's trial: a
    UN panel naming "the army's 3rd Brigade" was counted as backing the army's denial,
    and as a rival answer to "the army")."""
    rows = (
        "{id: watch-army, subject: dresk-shelling, property: responsible, "
        "value: korvalian-army, source: meridian-0305, claimant: watchlight}",
        "{id: meridian-gov, subject: dresk-shelling, property: responsible, "
        "value: korvalia-government, source: meridian-0306}",
        "{id: army-vlf, subject: dresk-shelling, property: responsible, value: vlf, "
        "source: korvalia-tv-0305, claimant: korvalian-army}",
        "{id: mod-deny, subject: dresk-shelling, property: responsible, "
        "value: korvalia-government, stance: denies, source: harbor-0306, "
        "claimant: defence-ministry}",
    )
    root = _entity_store(make_store, WORLD, rows)
    data = run(root)
    (cc102,) = findings(data, "CC102")
    assert ["meridian-gov", "watch-army"] not in cc102["pairs"], cc102["pairs"]
    assert ["army-vlf", "watch-army"] in cc102["pairs"]
    (cc104,) = findings(data, "CC104")
    assert ["mod-deny", "watch-army"] in cc104["pairs"], cc104["pairs"]
    assert data["grades"]["meridian-gov"]["supporting_origins"] == 2, data["grades"]
    assert data["grades"]["watch-army"]["contradicting_origins"] == 1  # (the army's own)
    # Naming the army and the government, Watchlight and Meridian agree against the VLF.
    army_vlf = data["grades"]["army-vlf"]
    assert army_vlf["contradicting_origins"] == 2, army_vlf
    assert "not all agreeing" not in army_vlf["reason"], army_vlf


BRIGADES = WORLD.replace(
    "parties:\n",
    "parties:\n"
    "  - {id: brigade-3, name: 3rd Brigade, kind: army, part_of: korvalian-army}\n"
    "  - {id: brigade-5, name: 5th Brigade, kind: army, part_of: korvalian-army}\n",
    1,
)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0)])
def test_two_units_of_one_army_conflict_whatever_the_order(
    make_store: Callable[..., Path], order: tuple[int, ...]
) -> None:
    """Watchlight names the government, the army and the 3rd Brigade (all one answer,
    nested); Open Ward the 5th Brigade: the two brigades conflict, whichever of
    Watchlight's claims comes first (a reviewer's store: no CC102 when the brigade was
    Watchlight's third value)."""
    said = ["korvalia-government", "korvalian-army", "brigade-3"]
    rows = [
        f"{{id: w{i}, subject: dresk-shelling, property: responsible, value: {said[i]}, "
        "source: meridian-0305, claimant: watchlight}"
        for i in order
    ]
    rows.append(
        "{id: ward-5, subject: dresk-shelling, property: responsible, value: brigade-5, "
        "source: harbor-0305, claimant: open-ward}"
    )
    root = _entity_store(make_store, BRIGADES, rows)
    (cc102,) = findings(run(root), "CC102")
    assert cc102["pairs"] == [["w2", "ward-5"]], cc102


def test_a_headline_repeating_a_claim_its_article_attributes_is_that_claim(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Meridian's article gives the VLF's claim that it holds
    Saltmarsh and the army's that it does; its headline says in its own voice "Rebels
    seize Saltmarsh". The headline is the VLF's claim relayed, not a second, neutral
    origin: the VLF's claim was graded 1, confirmed, and Meridian's record scored it."""
    rows = (
        "{id: vlf-holds, subject: saltmarsh-clashes, property: held_by, value: vlf, "
        "source: meridian-0305, claimant: vlf}",
        "{id: army-holds, subject: saltmarsh-clashes, property: held_by, "
        "value: korvalian-army, source: meridian-0305, claimant: korvalian-army}",
        "{id: headline, subject: saltmarsh-clashes, property: held_by, value: vlf, "
        "source: meridian-0305}",
    )
    data = run(_entity_store(make_store, WORLD, rows, "{id: held_by, type: entity}"))
    assert grade(data, "vlf-holds") == 3, data["grades"]["vlf-holds"]
    assert grade(data, "headline") == 3, data["grades"]["headline"]
    messages = [f["message"] for f in findings(data, "CC202")]
    assert (
        "held_by of saltmarsh-clashes: vlf is claimed only by vlf (side vlf), a party to it, "
        "relayed by meridian" in messages
    ), messages


def test_one_voice_naming_many_answers_hides_no_conflict_whatever_the_order(
    make_store: Callable[..., Path],
) -> None:
    """Tessaly's intelligence names eight answers, the army among them; Harbor names the
    government the army is part of, Meridian the VLF. Every one of Tessaly's answers but
    the army conflicts with Harbor's, and all of them with Meridian's: the conflict holds
    them all, with one fingerprint, whichever claims come first in the file (a
    reviewer's store: with Tessaly's first, its army and ministry had no partner, left
    the finding, and a review of it went stale on a reordering)."""
    named = [
        "korvalian-army",
        "iron-hills-militia",
        "watchlight",
        "open-ward",
        "dresk-medical-sources",
        "brannmark-intelligence",
        "border-buildup",
        "defence-ministry",
    ]
    many = [
        f"{{id: a{n}-tess, subject: dresk-shelling, property: responsible, value: {v}, "
        "source: lantern-0305, claimant: tessaly-intelligence}"
        for n, v in enumerate(named)
    ]
    others = [
        "{id: m-harbor-gov, subject: dresk-shelling, property: responsible, "
        "value: korvalia-government, source: harbor-0305}",
        "{id: z-meridian-vlf, subject: dresk-shelling, property: responsible, value: vlf, "
        "source: meridian-0305}",
    ]
    found = []
    for rows in (many + others, others + many):
        (cc102,) = findings(run(_entity_store(make_store, WORLD, rows)), "CC102")
        found.append(cc102)
        assert cc102["claims"] == sorted(
            [f"a{n}-tess" for n in range(8)] + ["m-harbor-gov", "z-meridian-vlf"]
        ), cc102
        assert ["a0-tess", "z-meridian-vlf"] in cc102["pairs"], cc102["pairs"]
        assert ["a0-tess", "m-harbor-gov"] not in cc102["pairs"], cc102["pairs"]
    assert found[0]["fingerprint"] == found[1]["fingerprint"], found


def test_an_outlets_denial_citing_a_brigades_naming_is_no_relay_of_it(
    make_store: Callable[..., Path],
) -> None:
    """Meridian quotes Watchlight naming the 3rd Brigade; Coastline Radio, citing it,
    says in its own voice that the army did not do it: a denial of what Meridian's
    report says, not a relay of it (a reviewer's store: credited to Watchlight, no
    CC104)."""
    rows = (
        "{id: watch-b3, subject: dresk-shelling, property: responsible, value: brigade-3, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: radio-deny, subject: dresk-shelling, property: responsible, "
        "value: korvalian-army, stance: denies, source: coastline-radio-0305}",
    )
    world = BRIGADES.replace(
        "{id: coastline-radio-0305, outlet: coastline-radio, published: 2031-03-05}",
        "{id: coastline-radio-0305, outlet: coastline-radio, published: 2031-03-05, "
        "cites: [meridian-0305]}",
    )
    root = _entity_store(make_store, world, rows)
    (cc104,) = findings(run(root), "CC104")
    assert cc104["pairs"] == [["radio-deny", "watch-b3"]], cc104


def test_a_place_part_of_another_supports_presence_there(
    make_store: Callable[..., Path],
) -> None:
    """Where something is present (several places at once, `single: false`), the
    values subjects one part of the other: Watchlight names the Dresk market shelling,
    Meridian the Saltmarsh clashes it is part of. Presence at the part is presence at
    the whole: the whole's support counts both origins (it counted one)."""
    world = WORLD.replace(
        "{id: dresk-shelling, label: Shelling of Dresk market, date: 2031-03-04,",
        "{id: dresk-shelling, label: Shelling of Dresk market, date: 2031-03-04, "
        "part_of: saltmarsh-clashes,",
    )
    assert world != WORLD
    rows = (
        "{id: watch-dresk, subject: ferry-hostages, property: present_in, "
        "value: dresk-shelling, source: meridian-0305, claimant: watchlight}",
        "{id: meridian-saltmarsh, subject: ferry-hostages, property: present_in, "
        "value: saltmarsh-clashes, source: meridian-0306}",
    )
    root = _entity_store(make_store, world, rows, "{id: present_in, type: entity, single: false}")
    data = run(root)
    assert data["grades"]["meridian-saltmarsh"]["supporting_origins"] == 2, data["grades"]
    assert data["grades"]["watch-dresk"]["supporting_origins"] == 1


LOSSES = WORLD.replace(
    "  - {id: buildings_destroyed, type: quantity}\n",
    "  - {id: buildings_destroyed, type: quantity}\n"
    "  - {id: army_losses, type: quantity, cumulative: true, losses_of: korvalia-government}\n"
    "  - {id: soldiers_killed, type: quantity, cumulative: true}\n",
)
assert LOSSES != WORLD


def _wiki_losses(make_store: Callable[..., Path], wiki: str, rows: list[str]) -> Path:
    """The world with the army's losses (:data:`LOSSES`), an encyclopedia's records
    ``wiki`` and ``rows`` as claims."""
    return make_store(
        {"world.yaml": LOSSES, "wiki.yaml": wiki, "claims.yaml": claims_yaml(*rows)}, base=False
    )


def _losses_group(root: Path) -> Any:
    """The army's losses of the Saltmarsh clashes, as the analysis has them."""
    return StoreEvidence(load_store(root)).group(("saltmarsh-clashes", "army_losses"))


def _losses(make_store: Callable[..., Path], prop: str, army: str, rebels: str) -> dict[str, Any]:
    rows = (
        f"{{id: army-says, subject: saltmarsh-clashes, property: {prop}, value: {army}, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        f"{{id: vlf-says, subject: saltmarsh-clashes, property: {prop}, value: {rebels}, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
    )
    return judged(make_store, LOSSES, *rows)


def test_a_sides_denial_of_its_own_losses_as_the_best_says_so(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the army says none of its soldiers were killed, the rebels
    say 30; the best is the army's 0 (the conservative figure of two sides'), and the
    basis said nothing of its being the army's own count of its losses."""
    data = _losses(make_store, "army_losses", "0", "30")
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None and est["best"] == 0, est
    assert "own count of its losses, which it has reason to keep low" in est["basis"], est
    # (and where a paper prints the army's 0 as its own: the army's word still)
    printed = (
        "{id: eastwind-0, subject: saltmarsh-clashes, property: army_losses, value: 0, "
        "source: eastwind-0306}"
    )
    rows = (
        "{id: army-says, subject: saltmarsh-clashes, property: army_losses, value: 0, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: vlf-says, subject: saltmarsh-clashes, property: army_losses, value: 30, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
        printed,
    )
    est = estimate(judged(make_store, LOSSES, *rows), "saltmarsh-clashes", "army_losses")
    assert est is not None and "reason to keep low" in est["basis"], est
    # (the rebels' higher figure as the best, or the army's own conceded above it: no word)
    conceding = _losses(make_store, "army_losses", "40", "30")
    est = estimate(conceding, "saltmarsh-clashes", "army_losses")
    assert est is not None and "reason to keep low" not in est["basis"], est


@pytest.mark.parametrize("medics", [None, "12"])
def test_higher_neutral_counts_neither_gainsay_a_sides_admission_nor_lose_to_it(
    make_store: Callable[..., Path], medics: str | None
) -> None:
    """The army admits 20 of its soldiers killed, the rebels say 5; Watchlight counts
    40, the Valley Courier 45 (and, in one case, Open Ward's medics 12). The admission is
    a floor: the higher counts say more died than the army admits, not that it lied
    (README, "A side's own losses are a floor"). A reviewer's store graded the army's 20
    improbable and dropped it, so the low fell to the rebels' 5 (or the best to the
    medics' 12); and the army's 20, weighing as a neutral origin, was the best over the
    two neutral counts above it. Now 20 / 40 / 45."""
    rows = [
        "{id: army-20, subject: saltmarsh-clashes, property: army_losses, value: 20, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: vlf-5, subject: saltmarsh-clashes, property: army_losses, value: 5, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
        "{id: watch-40, subject: saltmarsh-clashes, property: army_losses, value: 40, "
        "source: eastwind-0305, claimant: watchlight, as_of: 2031-03-04}",
        "{id: valley-45, subject: saltmarsh-clashes, property: army_losses, value: 45, "
        "source: valley-0305, as_of: 2031-03-04}",
    ]
    if medics:
        rows.append(
            f"{{id: medics, subject: saltmarsh-clashes, property: army_losses, value: {medics}, "
            "source: pinecrest-0305, claimant: open-ward, as_of: 2031-03-04}"
        )
    data = judged(make_store, LOSSES, *rows)
    assert grade(data, "army-20") == 3, data["grades"]["army-20"]
    assert data["grades"]["army-20"]["contradicting_origins"] == 1  # (the rebels alone)
    assert grade(data, "watch-40") == 4, data["grades"]["watch-40"]  # (the 45 against it)
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (20, 40, 45), est
    assert est["claims"]["low"] == ["army-20"] and est["claims"]["best"] == ["watch-40"]


def test_a_neutral_count_above_an_armys_own_losses_does_not_make_them_doubtful(
    make_store: Callable[..., Path],
) -> None:
    """The army says 7 of its soldiers were killed, a hospital received 30 bodies (an
    analyst's trial: the army's 7 was graded doubtful, contrary to the README, while the
    estimate took it as its low). Both stand: 7 is what the army admits, at least."""
    rows = (
        "{id: army-7, subject: saltmarsh-clashes, property: army_losses, value: 7, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: ward-30, subject: saltmarsh-clashes, property: army_losses, value: 30, "
        "source: harbor-0305, claimant: open-ward, as_of: 2031-03-04}",
    )
    data = judged(make_store, LOSSES, *rows)
    assert grade(data, "army-7") == 3, data["grades"]["army-7"]
    assert data["grades"]["ward-30"]["contradicting_origins"] == 0, data["grades"]["ward-30"]
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (7, 30, 30), est
    # A property that does not say whose losses it counts: the army's 7 is contradicted.
    data = run(
        make_store(
            {
                "world.yaml": LOSSES,
                "claims.yaml": claims_yaml(
                    *(r.replace("army_losses", "soldiers_killed") for r in rows)
                ),
            },
            base=False,
        )
    )
    assert grade(data, "army-7") == 4, data["grades"]["army-7"]


def test_a_sides_admission_stands_beside_a_lower_figure_of_its_ally(
    make_store: Callable[..., Path],
) -> None:
    """The army admits 14 of its soldiers killed; its allied militia (its side, not part
    of it) says 9; the rebels 11. The army's admission is a floor whatever lower figure
    its ally gave: 14 / 14 / 14, the rebels' 11 left out (an analyst's trial: the floor
    was the side's lowest figure, 9, and the estimate 9 / 9 / 14)."""
    rows = (
        "{id: army-says, subject: saltmarsh-clashes, property: army_losses, value: 14, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: militia-says, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: harbor-0305, claimant: iron-hills-militia, as_of: 2031-03-04}",
        "{id: vlf-says, subject: saltmarsh-clashes, property: army_losses, value: 11, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
    )
    data = judged(make_store, LOSSES, *rows)
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (14, 14, 14), est
    assert "11 (vlf)" in est["basis"], est["basis"]


def test_a_sides_admission_is_not_made_doubtful_by_a_lower_neutral_count(
    make_store: Callable[..., Path],
) -> None:
    """The army admits 15 of its soldiers killed, the rebels claim 8, the Harbor Times
    counts 12. The paper's count below the army's own admission is an undercount, not a
    contradiction of it: the admission is not doubtful (it was graded 4 while the
    estimate stood on it: 15 / 15 / 15)."""
    rows = (
        "{id: army-says, subject: saltmarsh-clashes, property: army_losses, value: 15, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: vlf-says, subject: saltmarsh-clashes, property: army_losses, value: 8, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
        "{id: harbor-12, subject: saltmarsh-clashes, property: army_losses, value: 12, "
        "source: harbor-0306, as_of: 2031-03-04}",
    )
    data = judged(make_store, LOSSES, *rows)
    army = data["grades"]["army-says"]
    assert army["grade"] == 3, army
    assert "against its interest" in army["reason"], army
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None and (est["low"], est["best"]) == (15, 15), est


def test_a_side_conceding_more_of_its_own_losses_than_its_enemy_claims_weighs_as_neutral(
    make_store: Callable[..., Path],
) -> None:
    """DESIGN §4: a party's statement against its own interest weighs as a neutral
    origin. In one article the army says 15 of its soldiers were killed, the rebels
    that they killed 10: the army's concession is the better figure — the rebels' 10
    contradicted by it is doubtful, and the estimate's best is 15."""
    data = _losses(make_store, "army_losses", "15", "10")
    assert grade(data, "army-says") == 3
    assert "against its interest" in data["grades"]["army-says"]["reason"]
    assert grade(data, "vlf-says") == 4, data["grades"]["vlf-says"]
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None and est["best"] == 15, est
    assert "against its interest" in est["basis"]
    # The rebels' figure is still only theirs; the army's concession is no interested claim.
    assert [f["claims"] for f in findings(data, "CC202")] == [["vlf-says"]]


def test_a_concession_reads_each_origins_latest_figure_and_keeps_its_anonymity(
    make_store: Callable[..., Path],
) -> None:
    """The army said 5 of its soldiers died, then 15 two days later; the rebels claim 10.
    The army's latest word concedes more than the rebels say (its revised 5 aside).
    Given by anonymous officials instead, the concession weighs as an anonymous neutral
    origin: half a named one."""
    rows = [
        "{id: army-5, subject: saltmarsh-clashes, property: army_losses, value: 5, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-03}",
        "{id: army-15, subject: saltmarsh-clashes, property: army_losses, value: 15, "
        "source: harbor-0306, claimant: korvalian-army, as_of: 2031-03-05}",
        "{id: vlf-10, subject: saltmarsh-clashes, property: army_losses, value: 10, "
        "source: northgate-0305, claimant: vlf, as_of: 2031-03-04}",
    ]
    data = judged(make_store, LOSSES, *rows)
    assert "against its interest" in data["grades"]["army-15"]["reason"]
    assert grade(data, "vlf-10") == 4, data["grades"]["vlf-10"]
    officials = LOSSES.replace(
        "  - {id: watchlight, name: Watchlight Rights, kind: ngo}\n",
        "  - {id: watchlight, name: Watchlight Rights, kind: ngo}\n"
        "  - {id: officials, name: Korvalian officials, kind: state, anonymous: true, "
        "side: korvalia-government}\n",
    )
    assert officials != LOSSES
    rows = [r.replace("claimant: korvalian-army", "claimant: officials") for r in rows]
    data = judged(make_store, officials, *rows)
    reason = data["grades"]["vlf-10"]["reason"]
    assert "contradicted by 1 independent origin (1 neutral, anonymous)" in reason, reason


def test_a_concession_stands_when_an_outlet_later_quotes_the_sides_old_figure(
    make_store: Callable[..., Path],
) -> None:
    """The army said 5 of its soldiers died, then 20; the rebels claim 15. Two days on,
    Eastwind TV quotes the army's old 5 with no date of its own: the army's old word,
    not a new one — its latest, 20, still concedes more than the rebels say."""
    rows = [
        "{id: army-5, subject: saltmarsh-clashes, property: army_losses, value: 5, "
        "source: korvalia-tv-0305, claimant: korvalian-army, as_of: 2031-03-02}",
        "{id: army-20, subject: saltmarsh-clashes, property: army_losses, value: 20, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: vlf-15, subject: saltmarsh-clashes, property: army_losses, value: 15, "
        "source: northgate-0305, claimant: vlf, as_of: 2031-03-03}",
        "{id: eastwind-army-5, subject: saltmarsh-clashes, property: army_losses, value: 5, "
        "source: eastwind-0306, claimant: korvalian-army}",
    ]
    data = judged(make_store, LOSSES, *rows)
    assert "against its interest" in data["grades"]["army-20"]["reason"], data["grades"]


def test_a_looser_relay_gives_its_sources_figure_to_the_estimate(
    make_store: Callable[..., Path],
) -> None:
    """Meridian carries Watchlight's 25; Coastline Radio, citing it, says "more than 20";
    Open Ward counted 30 the same day. The radio's words are Watchlight's figure, loosely
    put: the estimate's low is the 25 a source gave, not "more than 20"."""
    cites = RADIO_CITES_MERIDIAN
    rows = (
        "{id: watchlight-25, subject: dresk-shelling, property: civilian_deaths, value: 25, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: radio-over-20, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 20, source: coastline-radio-0305}",
        "{id: open-ward-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: harbor-0306, claimant: open-ward, as_of: 2031-03-05}",
    )
    data = judged(make_store, cites, *rows)
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["low_open"], est["claims"]["low"]) == (25, False, ["watchlight-25"])
    # Open Ward's 30 the next day is the count grown: Watchlight's 25 is overtaken, and
    # the radio's words with it — they are no figure of their own.
    data = run(
        make_store(
            {"claims.yaml": claims_yaml(*rows).replace(", as_of: 2031-03-05", "")}, base=False
        )
    )
    assert data["grades"]["watchlight-25"]["grade"] == 3
    assert "overtaken" in data["grades"]["watchlight-25"]["reason"]
    # The figures differed between origins: the estimate is the toll grown, and says
    # what it overtook (DESIGN §4: an estimate never vanishes).
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"], est["claims"]["best"]) == (
        30,
        30,
        30,
        ["open-ward-30"],
    ), est
    assert est["basis"].endswith(
        "earlier counts that later, higher figures overtook: 25 (watchlight)"
    ), est["basis"]


@pytest.mark.parametrize(
    ("prop", "army", "rebels"),
    [
        ("army_losses", "6", "25"),  # the army gives fewer of its dead: its interest
        ("army_losses", "at least 10", "10"),  # not above the rebels' figure
        ("soldiers_killed", "15", "10"),  # whose losses the property counts is not said
    ],
)
def test_a_sides_figure_is_its_interest_unless_it_concedes_more_than_its_enemy_says(
    make_store: Callable[..., Path], prop: str, army: str, rebels: str
) -> None:
    data = _losses(make_store, prop, army, rebels)
    for claim in ("army-says", "vlf-says"):
        assert "against its interest" not in data["grades"][claim]["reason"]
    assert grade(data, "vlf-says") == 3, data["grades"]["vlf-says"]


@pytest.mark.parametrize(
    ("prop", "medics", "expected"),
    [
        # the medics' 8 lies below what the army concedes of its own dead: low 12
        ("army_losses", "8", (12, 12, 60)),
        # their 15 lies above it: the army's 12 is a floor, the medics' the best figure
        # (the rebels' 60 the medics contradict: doubtful, still in the range)
        ("army_losses", "15", (12, 15, 60)),
        # a property that does not say whose losses it counts: no concession, no floor
        ("soldiers_killed", "8", (8, 8, 60)),
        # a range reaching below the concession gives no low under it
        ("army_losses", "8-20", (12, 12, 60)),
    ],
)
def test_a_sides_own_losses_are_a_floor_for_the_estimate(
    make_store: Callable[..., Path], prop: str, medics: str, expected: tuple[int, ...]
) -> None:
    """The army says 12 of its soldiers were killed, the rebels 60, and Open Ward's
    medics give their own count. An army admitting 12 of its dead says at least 12 died
    (against its interest, DESIGN §4): a count below that is no credible low, and a
    count above it does not make the army's 12 a partisan figure to leave out."""
    rows = (
        f"{{id: army-12, subject: saltmarsh-clashes, property: {prop}, value: 12, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        f"{{id: vlf-60, subject: saltmarsh-clashes, property: {prop}, value: 60, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
        f"{{id: medics, subject: saltmarsh-clashes, property: {prop}, value: {medics}, "
        "source: eastwind-0305, claimant: open-ward, as_of: 2031-03-04}",
    )
    data = judged(make_store, LOSSES, *rows)
    est = estimate(data, "saltmarsh-clashes", prop)
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == expected, est
    conceded = "that side korvalia-government concedes of its own losses (korvalian-army)"
    assert (f"below the 12 {conceded}: 8 (open-ward)" in est["basis"]) is (
        prop == "army_losses" and medics == "8"
    ), est["basis"]
    assert (f"low raised from 8-20 (open-ward) to the 12 {conceded}" in est["basis"]) is (
        medics == "8-20"
    ), est["basis"]
    if expected[0] == 12:
        assert est["claims"]["low"] == ["army-12"], est
    # the rebels' 60 the medics contradict is the high, never the best
    assert est["claims"]["high"] == ["vlf-60"], est
    assert "vlf-60" not in est["claims"]["best"], est


@pytest.mark.parametrize(
    ("army", "claimant"),
    [
        ("des dizaines", "korvalian-army"),
        ("12", "dresk-medical-sources"),
        ("at most 12", "korvalian-army"),
    ],
)
def test_a_vague_anonymous_or_ceiling_concession_is_no_floor(
    make_store: Callable[..., Path], army: str, claimant: str
) -> None:
    """A side's "des dizaines" of its dead, a ceiling ("at most 12"), or its figure from
    anonymous sources weighs too little to overrule Open Ward's count of 8: no floor."""
    world_ = LOSSES.replace(
        "{id: dresk-medical-sources, name: Medical sources in Dresk, kind: medical, anonymous: true}",
        "{id: dresk-medical-sources, name: Military sources, kind: army, anonymous: true, "
        "side: korvalia-government}",
    )
    assert world_ != LOSSES
    rows = (
        f"{{id: side-says, subject: saltmarsh-clashes, property: army_losses, value: {army}, "
        f"source: harbor-0305, claimant: {claimant}, as_of: 2031-03-04}}",
        "{id: medics, subject: saltmarsh-clashes, property: army_losses, value: 8, "
        "source: eastwind-0305, claimant: open-ward, as_of: 2031-03-04}",
    )
    data = judged(make_store, world_, *rows)
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None
    assert est["low"] <= 8 and "concedes" not in est["basis"], est


@pytest.mark.parametrize("army_id", ["a-army", "z-army"])
def test_a_ledes_figure_is_credited_to_the_source_stating_its_number_whatever_the_ids(
    make_store: Callable[..., Path], army_id: str
) -> None:
    """The Harbor Times' lede says "at least 20 killed" above the army's 20 and Open Ward
    Medics' 23 in the same article. The lede has its number from the army: credited to
    it whatever the claims' ids, and, looser than the army's 20, it keeps its own words
    (no 20 against the medics' 23)."""
    data = run(
        world(
            make_store,
            f"{{id: {army_id}, subject: dresk-shelling, property: civilian_deaths, value: 20, "
            "source: harbor-0305, claimant: korvalian-army}",
            "{id: m-open-ward, subject: dresk-shelling, property: civilian_deaths, value: 23, "
            "source: harbor-0305, claimant: open-ward}",
            "{id: lede, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 20, source: harbor-0305}",
        )
    )
    (dispute,) = findings(data, "CC101")
    assert "lede" not in dispute["claims"], dispute
    reason = data["grades"]["lede"]["reason"]
    assert reason.startswith("confirmed by 2 independent origins (1 neutral; side"), reason


@pytest.mark.parametrize(
    ("army", "radio"),
    [
        ("at least 23", "23"),
        ("23", "about 23"),
        ("23", "about 23, claimant: korvalian-army"),
    ],
    ids=["stricter", "looser", "looser-quoting-the-army"],
)
def test_a_relay_joining_a_dispute_keeps_its_fingerprint(
    make_store: Callable[..., Path], army: str, radio: str
) -> None:
    """The army's "at least 23" against Open Ward's "fewer than 10", reviewed; then
    Coastline Radio's "23", citing the dispatch that carries the army's figure: a relay
    of a value already in dispute, not a new value — the finding keeps its fingerprint
    (DESIGN §4), so the review holds. So does a looser relay ("about 23" of a 23), in
    the radio's own voice or quoting the army ("about 23, the army said")."""
    rows = [
        "{id: meridian-army, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {army}, source: meridian-0305, claimant: korvalian-army}}",
        "{id: open-ward-under-10, subject: dresk-shelling, property: civilian_deaths, "
        "value: fewer than 10, source: harbor-0305, claimant: open-ward}",
    ]
    cites = RADIO_CITES_MERIDIAN
    before = findings(
        judged(make_store, cites, *rows),
        "CC101",
    )
    rows.append(
        f"{{id: radio-23, subject: dresk-shelling, property: civilian_deaths, value: {radio}, "
        "source: coastline-radio-0305}"
    )
    after = findings(
        judged(make_store, cites, *rows),
        "CC101",
    )
    assert [f["fingerprint"] for f in after] == [f["fingerprint"] for f in before]
    assert "radio-23" in after[0]["claims"]


def test_an_outlets_own_count_updated_to_the_figure_it_quotes_stays_its_count(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times counts 9 dead on the 5th; on the 6th its own count is 22, in the
    article where the defence ministry gives 22 too. The paper keeps a count of its own:
    its 22 updates its 9 (CC105), it is not the ministry's figure leaving the paper's 9
    standing against it."""
    data = run(
        world(
            make_store,
            "{id: harbor-9, subject: dresk-shelling, property: civilian_deaths, value: 9, "
            "source: harbor-0305}",
            "{id: harbor-22, subject: dresk-shelling, property: civilian_deaths, value: 22, "
            "source: harbor-0306}",
            "{id: ministry-22, subject: dresk-shelling, property: civilian_deaths, value: 22, "
            "source: harbor-0306, claimant: defence-ministry}",
        )
    )
    assert not findings(data, "CC101"), data["findings"]
    (revision,) = findings(data, "CC105")
    assert "9 (2031-03-05) → 22 (2031-03-06)" in revision["message"], revision
    assert data["grades"]["harbor-22"]["supporting_origins"] == 2, data["grades"]["harbor-22"]


# --- estimates ----------------------------------------------------------------------------

#: Three newspapers, three counts of the buildings destroyed in Dresk: each contested.
BUILDINGS = (
    "{id: northgate-10, subject: dresk-shelling, property: buildings_destroyed, value: 10, "
    "source: northgate-0305}",
    "{id: eastwind-20, subject: dresk-shelling, property: buildings_destroyed, value: 20, "
    "source: eastwind-0305}",
    "{id: valley-30, subject: dresk-shelling, property: buildings_destroyed, value: 30, "
    "source: valley-0305}",
)


def test_an_estimate_is_given_when_every_figure_is_contested(
    make_store: Callable[..., Path],
) -> None:
    """Every count is contradicted by the two others and supported by no other origin:
    an estimate never vanishes. It spans all the figures (low 10, high 30; best the
    most conservative of equally supported ones) and, every figure being contested
    (graded 4 or 5), says its basis is weak."""
    data = run(world(make_store, *BUILDINGS))
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None, data["estimates"]
    assert (est["low"], est["best"], est["high"]) == (10, 10, 30), est
    assert est["high_open"] is False
    assert est["claims"]["low"] == ["northgate-10"] and est["claims"]["high"] == ["valley-30"]
    grades = {grade(data, c) for c in ("northgate-10", "eastwind-20", "valley-30")}
    assert grades <= {4, 5}, data["grades"]  # contested, every one
    assert "weak" in est["basis"].lower(), est


def test_removing_a_claim_never_makes_an_estimate_appear(
    make_store: Callable[..., Path],
) -> None:
    """An analyst who deletes one claim must not find a new estimate where the fuller
    store had none: estimates depend on figures differing, not on how contested they
    are."""
    rows = [*BUILDINGS, *BUILDUP, *ARMY_AND_REBELS, *HOSTAGES]
    root = world(make_store, *rows)
    full = estimated_groups(run(root))
    assert ("dresk-shelling", "buildings_destroyed") in full
    for i, removed in enumerate(rows):
        (root / "claims.yaml").write_text(claims_yaml(*rows[:i], *rows[i + 1 :]), encoding="utf-8")
        fewer = estimated_groups(run(root))
        assert fewer <= full, (removed, fewer - full)


def test_best_is_a_reported_figure_not_the_midpoint_of_a_range(
    make_store: Callable[..., Path],
) -> None:
    """Two outlets say "10-20" buildings, one says 25. Nobody said 15: best is a figure
    someone gave; a range offers its low end (spec), here the best supported one."""
    data = run(
        world(
            make_store,
            "{id: northgate-10-20, subject: dresk-shelling, property: buildings_destroyed, "
            "value: '10-20', source: northgate-0305}",
            "{id: eastwind-10-20, subject: dresk-shelling, property: buildings_destroyed, "
            "value: '10-20', source: eastwind-0305}",
            "{id: valley-25, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 25, source: valley-0305}",
        )
    )
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None, data["estimates"]
    assert est["best"] != 15, est
    assert est["best"] in (10, 20, 25), est
    assert est["best"] == 10, est
    assert set(est["claims"]["best"]) <= {"northgate-10-20", "eastwind-10-20"}, est


@pytest.mark.parametrize("reverse", [False, True], ids=["file-order", "reversed"])
def test_an_estimate_reads_each_claims_own_form_whatever_the_file_order(
    make_store: Callable[..., Path], reverse: bool
) -> None:
    """ "nearly 100" and "90-100" are one interval, but one states a point and the other
    a range: low comes from the range, best from the point, in any file order."""
    rows = [
        "{id: northgate-nearly-100, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 'nearly 100', source: northgate-0305}",
        "{id: eastwind-90-100, subject: dresk-shelling, property: buildings_destroyed, "
        "value: '90-100', source: eastwind-0305}",
        "{id: valley-40, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 40, source: valley-0305}",
    ]
    data = run(world(make_store, *(rows[::-1] if reverse else rows)))
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None, data["estimates"]
    assert (est["low"], est["best"], est["high"]) == (90, 100, 100), est
    assert est["claims"]["low"] == ["eastwind-90-100"], est


def test_an_estimate_resting_only_on_the_warring_sides_says_its_basis_is_weak(
    make_store: Callable[..., Path],
) -> None:
    """The ministry says 4,000 troops, the front 12,000; no one else counts them. Each
    figure is only disputed (grade 3), yet a careful desk would not publish either as
    the best estimate without saying that only the sides speak."""
    data = run(
        world(
            make_store,
            "{id: ministry-4000, subject: border-buildup, property: troops_massed, "
            "value: 4000, source: harbor-0305, claimant: defence-ministry}",
            "{id: vlf-12000, subject: border-buildup, property: troops_massed, "
            "value: 12000, source: harbor-0305, claimant: vlf}",
        )
    )
    assert grade(data, "ministry-4000") == 3 and grade(data, "vlf-12000") == 3
    est = estimate(data, "border-buildup", "troops_massed")
    assert est is not None, data["estimates"]
    assert "a side with a stake" in est["basis"] and "weak" in est["basis"], est


ARMY_0 = (
    "{id: army-0, subject: dresk-shelling, property: civilian_deaths, value: 0, "
    "source: korvalia-tv-0305, claimant: korvalian-army}"
)
WATCHLIGHT_30 = (
    "{id: watchlight-30, subject: dresk-shelling, property: civilian_deaths, "
    "value: 'at least 30', source: meridian-0305, claimant: watchlight}"
)


@pytest.mark.parametrize(
    ("rebels", "high", "why"),
    [
        (
            True,
            45,
            # the rebels' 45 bears the rights group's floor out (confirmed, DESIGN §4)
            "left out as below the floor of at least 30 that independent origins confirm "
            "(watchlight, borne out by vlf): 0 (korvalian-army)",
        ),
        (
            False,
            None,
            # nobody bears the floor out: the army's 0 is doubtful, not improbable
            "in the range but not the best, as a party's figure a neutral origin "
            "contradicts: 0 (korvalian-army)",
        ),
    ],
)
def test_a_partys_figure_a_neutral_origin_contradicts_is_not_the_best(
    make_store: Callable[..., Path], rebels: bool, high: int | None, why: str
) -> None:
    """The army says its shelling killed no civilian; a rights group counted at least 30;
    the rebels say 45. The army's 0 is contradicted by the neutral origin: a desk would
    not publish "best 0" — and the basis says why (``why``). Nor would it publish the rebels' 45 as its best figure, a number only a party
    with a stake gives: the best is the neutral "at least 30", the rebels' 45 the high.
    Below a floor independent origins confirm the army's 0 is no credible low; against
    one neutral origin alone it is doubtful, and DESIGN §4 leaves out only the
    improbable: the low."""
    rows = [ARMY_0, WATCHLIGHT_30]
    if rebels:
        rows.append(
            "{id: vlf-45, subject: dresk-shelling, property: civilian_deaths, value: 45, "
            "source: harbor-0305, claimant: vlf}"
        )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (30 if rebels else 0, 30, high), est
    assert est["high_open"] is (high is None), est
    assert est["claims"]["best"] == ["watchlight-30"], est
    assert ("army-0" in est["claims"]["low"]) is not rebels, est
    assert est["basis"].endswith(why), (est["basis"], why)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a hospital's 48 and the rebels' 50: the rebels' is doubtful, not improbable
        ((("open-ward", "48"), ("vlf", "50")), (48, 48, 50)),
        # the police's 2,000, the organisers' "more than 20,000", an independent count
        # "between 6,000 and 8,000": the estimate spans the claims in dispute
        (
            (
                ("korvalian-army", "2000"),
                ("vlf", "more than 20000"),
                ("watchlight", "between 6000 and 8000"),
            ),
            (2000, 6000, None),
        ),
    ],
)
def test_a_partys_figure_one_neutral_origin_contradicts_stays_in_the_range(
    make_store: Callable[..., Path],
    rows: tuple[tuple[str, str], ...],
    expected: tuple[int, int, int | None],
) -> None:
    """An event coder's trial: a party's figure contradicted by one neutral origin was
    left out of low and high — a hospital's 48 beside the rebels' 50 gave 48 / 48 / 48,
    a zero-width estimate hiding the dispute. Graded doubtful, not improbable, it is a
    credible figure (DESIGN §4): in the range, never the best."""
    data = run(
        world(
            make_store,
            *(
                f"{{id: {who}-says, subject: dresk-shelling, property: civilian_deaths, "
                f"value: '{value}', source: harbor-0305, claimant: {who}}}"
                for who, value in rows
            ),
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert (est["low"], est["best"], est["high"]) == expected, est
    assert not {"korvalian-army-says", "vlf-says"} & set(est["claims"]["best"]), est
    assert "improbable" not in est["basis"], est["basis"]


def test_a_partys_figure_stays_when_every_other_figure_is_contradicted_too(
    make_store: Callable[..., Path],
) -> None:
    """The army says 2 civilians died, Watchlight 40, Open Ward Medics "fewer than 10":
    the army's 2 is contradicted by a neutral origin, but so is each neutral figure by
    the other — no figure stands uncontradicted, so the army's is not left out: the
    estimate spans 2 to 40 (a desk publishes the range of the claims in dispute)."""
    data = run(
        world(
            make_store,
            "{id: army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            "{id: watchlight-40, subject: dresk-shelling, property: civilian_deaths, "
            "value: 40, source: meridian-0305, claimant: watchlight}",
            "{id: open-ward-under-10, subject: dresk-shelling, property: civilian_deaths, "
            "value: fewer than 10, source: harbor-0305, claimant: open-ward}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert (est["low"], est["high"]) == (2, 40), est
    assert "a party's figure" not in est["basis"], est


@pytest.mark.parametrize(
    ("rows", "expected", "best"),
    [
        # Watchlight says 30-45, Open Ward Medics "about 40", the army "at least 30". The
        # range has the most support, but nobody reported 30 as the count: the best is
        # the medics' 40, inside the range.
        (
            [
                "{id: watchlight-range, subject: dresk-shelling, property: civilian_deaths, "
                "value: 30-45, source: meridian-0305, claimant: watchlight}",
                "{id: open-ward-40, subject: dresk-shelling, property: civilian_deaths, "
                "value: about 40, source: harbor-0305, claimant: open-ward}",
                "{id: army-30, subject: dresk-shelling, property: civilian_deaths, "
                "value: at least 30, source: korvalia-tv-0305, claimant: korvalian-army}",
            ],
            (30, 40, 45),
            "open-ward-40",
        ),
        # Watchlight says 40-60, the Meridian agency "nearly 50" in its own voice, Open
        # Ward Medics counted 47. "Nearly 50" wins on support only because the medics'
        # 47 lies within it — but nobody counted 50: the best is the medics' 47.
        (
            [
                "{id: watchlight-range, subject: dresk-shelling, property: civilian_deaths, "
                "value: between 40 and 60, source: harbor-0305, claimant: watchlight}",
                "{id: meridian-50, subject: dresk-shelling, property: civilian_deaths, "
                "value: nearly 50, source: meridian-0305}",
                "{id: open-ward-47, subject: dresk-shelling, property: civilian_deaths, "
                "value: 47, source: northgate-0305, claimant: open-ward}",
            ],
            (40, 47, 60),
            "open-ward-47",
        ),
    ],
    ids=["a-number-within-the-winning-range", "an-exact-count-within-a-rough-figure"],
)
def test_best_is_a_figure_someone_stated_within_the_winner(
    make_store: Callable[..., Path], rows: list[str], expected: tuple[int, ...], best: str
) -> None:
    """The best is a figure someone reported: not a range's lower end nor a rough
    figure's round number, when a number stated within it is what the winner rests on."""
    data = run(world(make_store, *rows))
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == expected, est
    assert est["claims"]["best"] == [best], est


@pytest.mark.parametrize(("insider", "expected"), [(True, 5), (False, 4)])
def test_a_sides_figure_its_own_insider_contradicts_is_improbable(
    make_store: Callable[..., Path], insider: bool, expected: int
) -> None:
    """The defence ministry says no building was destroyed; Watchlight counts 3, the
    rebels claim 10. When the government's own Iron Hills militia also says 3, the
    ministry's 0 rests on a side that says otherwise itself: improbable (5), not merely
    doubtful (4) as it is without the militia's word."""
    rows = [
        "{id: ministry-0, subject: dresk-shelling, property: buildings_destroyed, value: 0, "
        "source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: watchlight-3, subject: dresk-shelling, property: buildings_destroyed, value: 3, "
        "source: harbor-0305, claimant: watchlight}",
        "{id: vlf-10, subject: dresk-shelling, property: buildings_destroyed, value: 10, "
        "source: northgate-0305, claimant: vlf}",
    ]
    if insider:
        rows.append(
            "{id: militia-3, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 3, source: meridian-0305, claimant: iron-hills-militia}"
        )
    data = run(world(make_store, *rows))
    assert grade(data, "ministry-0") == expected, data["grades"]["ministry-0"]
    assert ("also says otherwise" in data["grades"]["ministry-0"]["reason"]) is insider
    assert grade(data, "vlf-10") == 4, data["grades"]["vlf-10"]


def test_a_rough_figure_many_origins_give_is_not_displaced_by_one_count(
    make_store: Callable[..., Path],
) -> None:
    """Four outlets say "about 40" in their own voice; Open Ward Medics counted 38. The
    rough figure leads on four origins of its own, not on the medics' count: the best is
    40."""
    rows = [
        f"{{id: {o}-40, subject: dresk-shelling, property: civilian_deaths, "
        f"value: about 40, source: {o}-0305}}"
        for o in ("meridian", "northgate", "eastwind", "valley")
    ]
    rows.append(
        "{id: open-ward-38, subject: dresk-shelling, property: civilian_deaths, "
        "value: 38, source: harbor-0305, claimant: open-ward}"
    )
    rows.append(
        "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
        "source: korvalia-tv-0305, claimant: korvalian-army}"
    )
    data = run(world(make_store, *rows))
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert est["best"] == 40 and "open-ward-38" not in est["claims"]["best"], est


@pytest.mark.parametrize(
    ("counter", "best"),
    [("dresk-medical-sources", 10), ("open-ward", 11)],
    ids=["an-anonymous-count", "a-named-count"],
)
def test_an_anonymous_count_does_not_displace_a_named_rough_figure(
    make_store: Callable[..., Path], counter: str, best: int
) -> None:
    """Watchlight says "about 10"; a count of 11 lies within it. Given by anonymous
    medical sources, it weighs half a named origin and the rough figure owes it little:
    the best stays Watchlight's 10 (named before anonymous). Given by Open Ward Medics,
    named, the rough figure owes it half its support: the count is the best."""
    data = run(
        world(
            make_store,
            "{id: watchlight-10, subject: dresk-shelling, property: civilian_deaths, "
            "value: about 10, source: meridian-0305, claimant: watchlight}",
            "{id: count-11, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 11, source: harbor-0305, claimant: {counter}}}",
            "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
            "source: northgate-0305, claimant: vlf}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == best, est


def test_a_partys_exact_figure_does_not_displace_a_neutral_rough_one(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight says "about 50"; the rebels say 48, within it. A desk publishes the
    neutral "about 50" as 50, not the party's own count, which only the party gives."""
    data = run(
        world(
            make_store,
            "{id: watchlight-50, subject: dresk-shelling, property: civilian_deaths, "
            "value: about 50, source: harbor-0305, claimant: watchlight}",
            "{id: vlf-48, subject: dresk-shelling, property: civilian_deaths, "
            "value: 48, source: northgate-0305, claimant: vlf}",
            "{id: army-10, subject: dresk-shelling, property: civilian_deaths, "
            "value: 10, source: korvalia-tv-0305, claimant: korvalian-army}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert est["best"] == 50 and est["claims"]["best"] == ["watchlight-50"], est


def test_a_left_out_party_figure_is_named_once_by_its_party(
    make_store: Callable[..., Path],
) -> None:
    """The defence ministry's 2 dead, on state television in its own voice and quoted by
    the Harbor Times, is one origin that Watchlight's "at least 30" contradicts (a floor
    the rebels' 45 bears out: confirmed, DESIGN §4): the basis leaves out "2
    (defence-ministry)" once, not once per voice carrying it."""
    data = run(
        world(
            make_store,
            "{id: tv-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: korvalia-tv-0305}",
            "{id: ministry-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: harbor-0305, claimant: defence-ministry}",
            "{id: watchlight-30, subject: dresk-shelling, property: civilian_deaths, "
            "value: 'at least 30', source: meridian-0305, claimant: watchlight}",
            "{id: vlf-45, subject: dresk-shelling, property: civilian_deaths, value: 45, "
            "source: pinecrest-0305, claimant: vlf}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert est["basis"].endswith(
        "left out as below the floor of at least 30 that independent origins confirm "
        "(watchlight, borne out by vlf): 2 (defence-ministry)"
    ), est["basis"]


def test_best_is_never_a_vague_words_nominal_when_a_number_is_stated(
    make_store: Callable[..., Path],
) -> None:
    """Two outlets write "des dizaines" of buildings, two others count 150. "Des
    dizaines" is no count: its nominal 20 is nobody's figure, and a stated number
    exists."""
    data = run(
        world(
            make_store,
            "{id: northgate-dizaines, subject: dresk-shelling, property: buildings_destroyed, "
            "value: des dizaines, source: northgate-0305}",
            "{id: eastwind-dizaines, subject: dresk-shelling, property: buildings_destroyed, "
            "value: des dizaines, source: eastwind-0305}",
            "{id: valley-150, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 150, source: valley-0305}",
            "{id: pinecrest-150, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 150, source: pinecrest-0305}",
        )
    )
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None, data["estimates"]
    assert est["best"] != 20, est
    assert est["best"] == 150, est
    assert est["claims"]["best"] == ["pinecrest-150", "valley-150"], est
    # The words left out of the range are named, not silently dropped.
    assert est["basis"].endswith(
        "vague words left out where figures are stated: "
        "'des dizaines' (eastwind-tv, northgate-daily)"
    ), est["basis"]


@pytest.mark.parametrize(("against", "expected"), [("watchlight", 5), ("dresk-medical-sources", 4)])
def test_several_neutral_origins_against_weigh_anonymous_ones_half(
    make_store: Callable[..., Path], against: str, expected: int
) -> None:
    """The Harbor Times' own 12 against Valley's 30 and a second 30: from Watchlight
    (named), improbable; from anonymous medical sources, who weigh half, a named origin
    and an anonymous one are not yet "several" — doubtful (DESIGN §4)."""
    data = run(
        world(
            make_store,
            "{id: harbor-12, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 12, source: harbor-0305}",
            "{id: valley-30, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 30, source: valley-0305}",
            "{id: other-30, subject: dresk-shelling, property: buildings_destroyed, "
            f"value: 30, source: meridian-0305, claimant: {against}}}",
        )
    )
    assert grade(data, "harbor-12") == expected, data["grades"]["harbor-12"]


def test_a_vague_word_left_alone_gives_its_size_not_its_low_end(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight says "une vingtaine"; the army says 6, the rebels 40, each a party's
    figure the neutral word contradicts: the range, not the best. The best is "about
    twenty": 20, what it says — not 16, the low end of its interval, which nobody said
    — and the basis does not claim that nobody stated a figure."""
    data = run(
        world(
            make_store,
            "{id: watchlight-vingtaine, subject: dresk-shelling, property: civilian_deaths, "
            "value: une vingtaine, source: harbor-0305, claimant: watchlight}",
            "{id: army-6, subject: dresk-shelling, property: civilian_deaths, "
            "value: 6, source: korvalia-tv-0305, claimant: korvalian-army}",
            "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, "
            "value: 40, source: northgate-0305, claimant: vlf}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert est["best"] == 20 and est["claims"]["best"] == ["watchlight-vingtaine"], est
    assert (est["low"], est["high"]) == (6, 40), est
    assert "no claim states a figure" not in est["basis"], est["basis"]
    assert (
        "not the best, as a party's figure a neutral origin contradicts: 40 (vlf), "
        "6 (korvalian-army)" in est["basis"]
    ), est["basis"]


def test_figures_all_improbable_leave_a_vague_word_its_size_and_say_so(
    make_store: Callable[..., Path],
) -> None:
    """Three outlets count 12, 23 and 41 buildings destroyed, each contradicted by the
    two others (improbable, all three); a fourth writes "dozens", which the 41 supports.
    Improbable figures are left out while any other remains (DESIGN §4): what remains is
    "dozens", whose size is the best — and the basis says so, not that no claim states
    a figure."""
    data = run(
        world(
            make_store,
            "{id: northgate-dozens, subject: dresk-shelling, property: buildings_destroyed, "
            "value: dozens, source: northgate-0305}",
            "{id: valley-41, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 41, source: valley-0305}",
            "{id: pinecrest-23, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 23, source: pinecrest-0305}",
            "{id: eastwind-12, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 12, source: eastwind-0305}",
        )
    )
    assert [grade(data, c) for c in ("valley-41", "pinecrest-23", "eastwind-12")] == [5, 5, 5]
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None, data["estimates"]
    assert est["claims"]["best"] == ["northgate-dozens"], est
    assert est["best"] == 24, est  # the size the vague words table gives "dozens"
    assert "left out as improbable: 12, 23, 41" in est["basis"], est["basis"]
    assert "the size of 'dozens'" in est["basis"], est["basis"]
    assert "no claim states a figure" not in est["basis"], est["basis"]


def test_an_open_bound_above_every_figure_leaves_the_high_open(
    make_store: Callable[..., Path],
) -> None:
    """Two outlets count 200 dead at Saltmarsh, two count 300; two NGOs say "at least
    500". That credible claim has no upper end, so neither has the estimate: high is
    null, high_open true. The open bound is no best; low is the lowest figure."""
    data = run(
        world(
            make_store,
            "{id: northgate-200, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 200, source: northgate-0305, as_of: 2031-03-04}",
            "{id: valley-200, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 200, source: valley-0305, as_of: 2031-03-04}",
            "{id: eastwind-300, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 300, source: eastwind-0305, as_of: 2031-03-04}",
            "{id: pinecrest-300, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 300, source: pinecrest-0305, as_of: 2031-03-04}",
            "{id: watchlight-500plus, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: at least 500, source: meridian-0305, claimant: watchlight, "
            "as_of: 2031-03-04}",
            "{id: open-ward-500plus, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: at least 500, source: harbor-0305, claimant: open-ward, "
            "as_of: 2031-03-04}",
        )
    )
    for claim in ("watchlight-500plus", "open-ward-500plus"):
        assert grade(data, claim) != 5, data["grades"][claim]  # credible: in the estimate
    est = estimate(data, "saltmarsh-clashes", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert est["high"] is None and est["high_open"] is True, est
    assert est["low"] == 200 and est["claims"]["low"] == ["northgate-200", "valley-200"], est
    assert est["best"] in (200, 300), est
    assert est["best"] == 200, est  # equal support: the more conservative


@pytest.mark.parametrize(
    ("bound", "floor_open", "said"),
    [
        ("at least 500", False, "open (500 or more)"),
        ("more than 500", True, "open (more than 500)"),
    ],
)
def test_an_open_high_is_worded_as_its_claims_word_it(
    make_store: Callable[..., Path], bound: str, floor_open: bool, said: str
) -> None:
    """ "More than 500" does not allow 500 itself: the estimate's open high says "more
    than 500", not "500 or more" (JSON `high_floor_open`), as "at least 500" says the
    other."""
    root = world(
        make_store,
        "{id: northgate-200, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: 200, source: northgate-0305, as_of: 2031-03-04}",
        "{id: valley-200, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: 200, source: valley-0305, as_of: 2031-03-04}",
        f"{{id: watchlight-500, subject: saltmarsh-clashes, property: civilian_deaths, "
        f"value: {bound}, source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}}",
        f"{{id: open-ward-500, subject: saltmarsh-clashes, property: civilian_deaths, "
        f"value: {bound}, source: harbor-0305, claimant: open-ward, as_of: 2031-03-04}}",
    )
    est = estimate(run(root), "saltmarsh-clashes", "civilian_deaths")
    assert est is not None
    assert est["high_floor"] == 500 and est["high_floor_open"] is floor_open, est
    result = CliRunner().invoke(cli, ["--store", str(root), "report", "--format", "markdown"])
    assert f"high {said}" in result.stdout, result.stdout


def test_an_open_lower_bound_is_a_floor_for_low_but_not_the_best(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight's "at least 500" beside counts of 600 and 800: low is the floor a
    source stated (500), the best a count someone gave, the high the highest count."""
    data = run(
        world(
            make_store,
            "{id: watchlight-500plus, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: at least 500, source: meridian-0305, claimant: watchlight, "
            "as_of: 2031-03-04}",
            "{id: northgate-600, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 600, source: northgate-0305, as_of: 2031-03-04}",
            "{id: eastwind-800, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 800, source: eastwind-0305, as_of: 2031-03-04}",
        )
    )
    est = estimate(data, "saltmarsh-clashes", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert est["low"] == 500 and est["claims"]["low"] == ["watchlight-500plus"], est
    assert (est["high"], est["high_open"]) == (800, False), est
    assert est["best"] in (600, 800), est
    assert est["best"] == 600, est
    assert est["low_open"] is False, est


@pytest.mark.parametrize(
    ("floor", "low_open", "said"),
    [("more than 500", True, "low more than 500"), ("at least 500", False, "low 500")],
)
def test_a_low_from_an_exclusive_bound_stays_open(
    make_store: Callable[..., Path], floor: str, low_open: bool, said: str
) -> None:
    """Watchlight's "more than 500" allows no 500: the low is 500 excluded (JSON
    `low_open`), and the report says "low more than 500", not a figure nobody allows."""
    root = world(
        make_store,
        "{id: watchlight-floor, subject: saltmarsh-clashes, property: civilian_deaths, "
        f"value: {floor}, source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}}",
        "{id: northgate-600, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: 600, source: northgate-0305, as_of: 2031-03-04}",
        "{id: eastwind-800, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: 800, source: eastwind-0305, as_of: 2031-03-04}",
    )
    result = check(load_store(root))
    est = estimate(result.as_dict(), "saltmarsh-clashes", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["low_open"]) == (500, low_open), est
    assert f"Estimate: **{said}, best 600, high 800**" in render_report(result, "markdown")


def test_a_best_from_exclusive_bounds_alone_is_said_open(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight says "more than 20", Open Ward Medics "more than 30", the army 5 (left
    out: both contradict it). Only bounds remain, and both exclude their number: the
    best is "more than 30" (JSON `best_open`), never a 30 nobody allows — and not "more
    than 20", which says less than Open Ward's uncontradicted floor."""
    data = run(
        world(
            make_store,
            "{id: watchlight-over-20, subject: dresk-shelling, property: civilian_deaths, "
            "value: more than 20, source: meridian-0305, claimant: watchlight}",
            "{id: open-ward-over-30, subject: dresk-shelling, property: civilian_deaths, "
            "value: more than 30, source: harbor-0305, claimant: open-ward}",
            "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["best"], est["best_open"]) == (30, True), est
    assert (est["low"], est["low_open"]) == (30, True), est
    assert est["basis"].startswith("best more than 30: the bound given by open-ward"), est


def test_a_superseded_figure_is_not_used_for_low(make_store: Callable[..., Path]) -> None:
    """Watchlight said 8 dead on the first day of the clashes, then 20 when they ended;
    Open Ward says 25. Watchlight's 8 is superseded by its own later figure: the low is
    20, not 8."""
    data = run(
        world(
            make_store,
            "{id: watchlight-8, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 8, source: meridian-0302, claimant: watchlight, as_of: 2031-03-02}",
            "{id: watchlight-20, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 20, source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}",
            "{id: open-ward-25, subject: saltmarsh-clashes, property: civilian_deaths, "
            "value: 25, source: eastwind-0305, claimant: open-ward, as_of: 2031-03-04}",
        )
    )
    est = estimate(data, "saltmarsh-clashes", "civilian_deaths")
    assert est is not None, data["estimates"]
    assert est["low"] == 20, est
    assert est["claims"]["low"] == ["watchlight-20"], est
    assert all("watchlight-8" not in ids for ids in est["claims"].values()), est


@pytest.mark.parametrize("earlier", [False, True])
def test_a_floor_under_a_count_already_given_is_overtaken_all_the_same(
    make_store: Callable[..., Path], earlier: bool
) -> None:
    """A siege under way: Watchlight counts 60 on 3 March, Open Ward Medics say "at
    least 50" on the 5th, Watchlight 130 on the 7th. The floor is a count of its day
    that the 130 overtook, whether or not Watchlight's 60 came before it: a higher
    figure bears a floor out, it does not dispute it. (With the 60, the floor was read
    as disputed by Watchlight when it was given, and came back as the low: 50 / 130 /
    130.)"""
    siege = (
        "subjects:\n  - {id: dresk-siege, label: Siege of Dresk, date: 2031-03-01/..,"
        " sides: [korvalia-government, vlf]}\n"
    )
    rows = [
        "{id: watchlight-130, subject: dresk-siege, property: civilian_deaths, value: 130, "
        "source: meridian-0305, claimant: watchlight, as_of: 2031-03-07}",
        "{id: open-ward-50, subject: dresk-siege, property: civilian_deaths, "
        "value: at least 50, source: eastwind-0305, claimant: open-ward}",
    ]
    if earlier:
        rows.append(
            "{id: watchlight-60, subject: dresk-siege, property: civilian_deaths, value: 60, "
            "source: meridian-0302, claimant: watchlight, as_of: 2031-03-03}"
        )
    root = make_store(
        {
            "world.yaml": WORLD.replace(
                "documents:",
                "documents:\n  - {id: late, outlet: meridian, published: 2031-03-08}",
                1,
            ),
            "siege.yaml": siege,
            "claims.yaml": claims_yaml(*(r.replace("meridian-0305", "late") for r in rows)),
        },
        base=False,
    )
    est = estimate(run(root), "dresk-siege", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (130, 130, 130), est
    assert "overtook: at least 50 (open-ward)" in est["basis"], est["basis"]


def test_estimates_name_real_claims_and_give_their_basis_in_words(
    make_store: Callable[..., Path],
) -> None:
    """Each estimate says in a sentence what it rests on, and names only claims the
    store has, for low, best and (when it has one) high."""
    root = world(make_store, *BUILDINGS, *BUILDUP, *ARMY_AND_REBELS)
    data = run(root)
    ids = set(load_store(root).claims)
    assert len(data["estimates"]) == 3, data["estimates"]
    for est in data["estimates"]:
        assert set(est) >= {
            "subject",
            "property",
            "low",
            "best",
            "high",
            "high_open",
            "unit",
            "claims",
            "best_origins",
            "basis",
        }, est
        basis = est["basis"]
        assert isinstance(basis, str) and len(basis.split()) >= 3, est
        assert est["claims"]["low"] and est["claims"]["best"], est
        if est["high"] is not None:
            assert est["claims"]["high"], est
            assert est["low"] <= est["best"] <= est["high"], est
        for which in ("low", "best", "high"):
            assert set(est["claims"].get(which, [])) <= ids, (which, est)


# --- findings -----------------------------------------------------------------------------


def test_a_conflict_lists_who_contradicts_whom(make_store: Callable[..., Path]) -> None:
    """The army says 2 (relayed twice), the rebels 40, Watchlight "10-50": the rebels and
    Watchlight can both be right; the army can be right with neither. `pairs` says so."""
    data = run(
        world(
            make_store,
            *ARMY_AND_REBELS,
            "{id: army-2-relay, subject: dresk-shelling, property: civilian_deaths, value: 2, "
            "source: coastline-radio-0305, claimant: korvalian-army, as_of: 2031-03-04}",
            "{id: watchlight-10-50, subject: dresk-shelling, property: civilian_deaths, "
            "value: '10-50', source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}",
        )
    )
    (conflict,) = findings(data, "CC101", "dresk-shelling")
    assert conflict["claims"] == ["army-2", "army-2-relay", "vlf-40", "watchlight-10-50"]
    assert conflict["pairs"] == [
        ["army-2", "vlf-40"],
        ["army-2", "watchlight-10-50"],
        ["army-2-relay", "vlf-40"],
        ["army-2-relay", "watchlight-10-50"],
    ]


def test_a_conflicts_location_is_the_claim_its_message_names_first(
    make_store: Callable[..., Path],
) -> None:
    """The message lists figures lowest first, so it names the army's 2 first; the
    finding points there, not at the claim written first or with the first id."""
    root = world(
        make_store,
        "{id: a-vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-04}",
        "{id: m-watchlight-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
        "source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}",
        "{id: z-army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
    )
    (conflict,) = findings(run(root), "CC101", "dresk-shelling")
    name, line, _ = located(conflict["location"])
    assert (name, line) == ("claims.yaml", line_of(root / "claims.yaml", "z-army-2")), conflict


def test_interested_only_points_at_a_claim_of_the_figure_it_talks_about(
    make_store: Callable[..., Path],
) -> None:
    """The army says "at least 5" buildings, its ministry 12: both figures come only from
    one side. The finding about "at least 5" (which the ministry's 12 also supports)
    points at the army's claim, the one that states it."""
    root = world(
        make_store,
        "{id: a-ministry-12, subject: dresk-shelling, property: buildings_destroyed, "
        "value: 12, source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: b-army-5plus, subject: dresk-shelling, property: buildings_destroyed, "
        "value: at least 5, source: harbor-0305, claimant: korvalian-army}",
    )
    found = findings(run(root), "CC202", "dresk-shelling")
    about_5 = [f for f in found if "b-army-5plus" in f["claims"]]
    assert len(about_5) == 1, found
    name, line, _ = located(about_5[0]["location"])
    assert (name, line) == ("claims.yaml", line_of(root / "claims.yaml", "b-army-5plus"))
    for f in found:
        if f["claims"] == ["a-ministry-12"]:
            assert located(f["location"])[1] == line_of(root / "claims.yaml", "a-ministry-12")


# --- fingerprints and reviews -------------------------------------------------------------

#: The army's communiqué (2 civilians killed at Dresk), relayed by five outlets, against
#: five independent origins saying 15.
COMMUNIQUE = (
    *(
        f"{{id: communique-{outlet}, subject: dresk-shelling, property: civilian_deaths, "
        f"value: 2, source: {outlet}-0305, claimant: korvalian-army, as_of: 2031-03-04}}"
        for outlet in ("harbor", "coastline-radio", "northgate", "valley", "pinecrest")
    ),
    "{id: watchlight-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
    "source: meridian-0306, claimant: watchlight, as_of: 2031-03-04}",
    "{id: open-ward-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
    "source: eastwind-0306, claimant: open-ward, as_of: 2031-03-04}",
    "{id: northgate-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
    "source: northgate-0306, as_of: 2031-03-04}",
    "{id: lantern-15, subject: dresk-shelling, property: civilian_deaths, value: fifteen, "
    "source: lantern-0306, as_of: 2031-03-04}",
    "{id: medical-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
    "source: harbor-0306, claimant: dresk-medical-sources, as_of: 2031-03-04}",
)

#: A sixth independent origin for 15, published after the review.
SIXTH = textwrap.dedent("""\
    outlets:
      - {id: riverbend-herald, name: Riverbend Herald, kind: newspaper}
    documents:
      - {id: riverbend-0312, outlet: riverbend-herald, published: 2031-03-12}
    claims:
      - {id: riverbend-15, subject: dresk-shelling, property: civilian_deaths, value: 15, source: riverbend-0312, as_of: 2031-03-04}
    """)

#: ...or one more outlet relaying the army's communiqué, after the review.
RELAY = textwrap.dedent("""\
    outlets:
      - {id: riverbend-herald, name: Riverbend Herald, kind: newspaper}
    documents:
      - {id: riverbend-0312, outlet: riverbend-herald, published: 2031-03-12}
    claims:
      - {id: communique-riverbend, subject: dresk-shelling, property: civilian_deaths, value: 2, source: riverbend-0312, claimant: korvalian-army, as_of: 2031-03-04}
    """)

#: ...or a new figure, 60, from that new origin.
NEW_VALUE = SIXTH.replace("riverbend-15", "riverbend-60").replace("value: 15", "value: 60")


def _reviewed_communique(make_store: Callable[..., Path]) -> tuple[Path, str]:
    """The communiqué store with its conflict reviewed (explained, on 2031-03-10)."""
    root = world(make_store, *COMMUNIQUE)
    result = check(load_store(root))
    (conflict,) = [f for f in result.findings if f.rule == "CC101"]
    assert result.exit_code() == 1
    (root / "reviews.yaml").write_text(
        "reviews:\n"
        f"  - {{finding: {conflict.fingerprint}, verdict: explained, by: desk, on: 2031-03-10,\n"
        "     note: the army counts only bodies taken to its own morgue}\n",
        encoding="utf-8",
    )
    return root, conflict.fingerprint


@pytest.mark.parametrize(
    ("added", "new_claim"),
    [(SIXTH, "riverbend-15"), (RELAY, "communique-riverbend")],
    ids=["a-sixth-independent-source", "one-more-relay"],
)
def test_a_review_survives_new_evidence_for_a_value_already_in_dispute(
    make_store: Callable[..., Path], added: str, new_claim: str
) -> None:
    """A desk reviewed "2 against 15"; then a sixth independent outlet reports 15, or
    one more outlet relays the army's 2. The disagreement is the same: the review stands
    (not stale, the finding still reviewed, the check passes), and it says which claims
    were added since (their documents came out after the review's date)."""
    root, reviewed = _reviewed_communique(make_store)
    before = check(load_store(root))
    (conflict,) = [f for f in before.as_dict()["findings"] if f["rule"] == "CC101"]
    assert conflict["fingerprint"] == reviewed and conflict["review"]["verdict"] == "explained"
    assert not conflict["review"].get("new_claims"), conflict["review"]
    assert before.exit_code() == 0

    (root / "added.yaml").write_text(added, encoding="utf-8")
    after = check(load_store(root))
    data = after.as_dict()
    (conflict,) = findings(data, "CC101")
    assert new_claim in conflict["claims"]
    assert conflict["fingerprint"] == reviewed, "new evidence changed the fingerprint"
    assert data["stale_reviews"] == []
    assert conflict["review"] is not None and conflict["review"]["verdict"] == "explained"
    assert conflict["review"]["new_claims"] == [new_claim], conflict["review"]
    assert after.exit_code() == 0


def test_a_review_that_lists_the_claims_it_saw_names_the_ones_added_since(
    make_store: Callable[..., Path],
) -> None:
    """A review may record the claims it saw (`claims`). A claim it does not list is new
    to it when its document came out after the review; one whose document is older than
    the review is not new since it (a fact-checker's trial: a desk lists the claim that
    prompted its review, not every one it read)."""
    root = world(make_store, *COMMUNIQUE)
    (conflict,) = findings(run(root), "CC101")
    seen = ", ".join(conflict["claims"])
    (root / "added.yaml").write_text(SIXTH, encoding="utf-8")  # published 2031-03-12
    for on, new in (("2031-03-10", ["riverbend-15"]), ("2031-03-20", [])):
        (root / "reviews.yaml").write_text(
            f"reviews:\n  - {{finding: {conflict['fingerprint']}, verdict: accepted, "
            f"on: {on}, claims: [{seen}]}}\n",
            encoding="utf-8",
        )
        data = run(root)
        (now,) = findings(data, "CC101")
        assert now["fingerprint"] == conflict["fingerprint"] and data["stale_reviews"] == []
        assert now["review"]["verdict"] == "accepted"
        assert now["review"]["new_claims"] == new, (on, now["review"])


def test_a_new_value_in_a_reviewed_conflict_makes_the_review_stale(
    make_store: Callable[..., Path],
) -> None:
    """A new figure (60) is a new disagreement: a new fingerprint, unreviewed, failing
    the check; the old review no longer matches anything."""
    root, reviewed = _reviewed_communique(make_store)
    (root / "sixth.yaml").write_text(NEW_VALUE, encoding="utf-8")
    result = check(load_store(root))
    (conflict,) = [f for f in result.findings if f.rule == "CC101"]
    assert conflict.fingerprint != reviewed
    assert conflict.review is None
    assert [r.fingerprint for r in result.stale_reviews] == [reviewed]
    assert result.exit_code() == 1


#: The store a candidate is checked against: an unreviewed "2 against 15".
DISPUTE = (
    "{id: army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
    "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
    "{id: watchlight-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
    "source: meridian-0305, claimant: watchlight, as_of: 2031-03-04}",
)


def test_check_candidate_and_add_agree_that_a_new_source_for_a_disputed_value_is_not_new(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """A candidate that only brings one more source for 15 adds no new disagreement:
    `check CANDIDATE` passes (default --fail-on error) and `add` writes it; the
    conflict keeps its fingerprint."""
    root = world(make_store, *DISPUTE)
    code, out, _ = cli_run(runner, root, "check", "--format", "json")
    assert code == 1  # the store's own, unreviewed conflict
    (old,) = findings(json.loads(out), "CC101")
    candidate = tmp_path / "riverbend.yaml"
    candidate.write_text(SIXTH, encoding="utf-8")

    code, out, err = cli_run(runner, root, "check", str(candidate), "--format", "json")
    assert code == 0, (out, err)
    data = json.loads(out)
    for f in findings(data, "CC101"):
        assert f["fingerprint"] == old["fingerprint"]
        assert f["fingerprint"] in data["candidate"]["existing_findings"]

    target = root / "claims.yaml"
    code, _, err = cli_run(runner, root, "add", str(candidate), "--to", str(target))
    assert code == 0, err
    assert "riverbend-15" in target.read_text(encoding="utf-8")
    code, out, _ = cli_run(runner, root, "check", "--format", "json")
    (now,) = findings(json.loads(out), "CC101")
    assert now["fingerprint"] == old["fingerprint"] and "riverbend-15" in now["claims"]


def test_check_candidate_and_add_agree_that_a_new_value_is_new(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """A candidate with a new figure (60) is a new disagreement: `check CANDIDATE`
    fails and `add` refuses, leaving the file as it was."""
    root = world(make_store, *DISPUTE)
    candidate = tmp_path / "riverbend.yaml"
    candidate.write_text(NEW_VALUE, encoding="utf-8")
    code, _, _ = cli_run(runner, root, "check", str(candidate), "--format", "json")
    assert code == 1
    target = root / "claims.yaml"
    before = target.read_bytes()
    code, _, err = cli_run(runner, root, "add", str(candidate), "--to", str(target))
    assert code == 1 and "not added" in err
    assert target.read_bytes() == before


# --- store validation ---------------------------------------------------------------------


def test_a_misspelt_side_is_an_error_that_suggests_the_right_one(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A subject's side nobody has (a typo) would silently switch off CC202: it is a
    validation error at its place, with the side the user meant."""
    root = make_store(
        {
            "world.yaml": """\
                parties:
                  - {id: israeli-army, name: Israeli army, kind: army, side: israel}
                  - {id: border-villagers, name: Border villagers, kind: person}
                subjects:
                  - {id: border-incident, label: Border incident, date: 2031-01-01, sides: [isreal]}
                """
        },
        base=False,
    )
    for command in ("validate", "check"):
        code, _, err = cli_run(runner, root, command)
        assert code == 2, err
        assert "Traceback" not in err
        match = re.search(r"(\S+):(\d+):(\d+): (.*)", err)
        assert match, err
        assert Path(match[1]).name == "world.yaml" and int(match[2]) == 5, err
        assert "did you mean 'israel'" in match[4], err


def test_a_party_part_of_an_unknown_party_is_an_error(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """`part_of` merges origins: naming a party that does not exist is an error, with
    its place, never a silent second origin."""
    root = make_store(
        {
            "world.yaml": """\
                parties:
                  - {id: korvalia-government, name: Government of Korvalia, kind: state}
                  - {id: defence-ministry, name: Ministry of Defence, kind: state, part_of: korvalia-govt}
                """
        },
        base=False,
    )
    code, _, err = cli_run(runner, root, "validate")
    assert code == 2 and "Traceback" not in err, err
    match = re.search(r"(\S+):(\d+):(\d+): (.*korvalia-govt.*)", err)
    assert match, err
    assert Path(match[1]).name == "world.yaml" and int(match[2]) == 3, err


def test_parties_part_of_each_other_in_a_cycle_are_an_error(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A party cannot belong, through others, to itself."""
    root = make_store(
        {
            "world.yaml": """\
                parties:
                  - {id: front-a, name: Front A, kind: armed-group, part_of: front-b}
                  - {id: front-b, name: Front B, kind: armed-group, part_of: front-a}
                """
        },
        base=False,
    )
    code, _, err = cli_run(runner, root, "validate")
    assert code == 2 and "Traceback" not in err, err
    assert re.search(r"world\.yaml:\d+:\d+: ", err), err


# --- ClaimReview --------------------------------------------------------------------------


def test_claimreview_publishes_no_machine_grade_without_a_persons_review(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A fact-check desk publishes its own verdicts. With no reviews recorded, the
    ClaimReview export rates nothing: claimcheck's grades are not verdicts."""
    root = world(make_store, *BUILDUP, *HOSTAGES, *ARMY_AND_REBELS)
    assert {g["grade"] for g in run(root)["grades"].values()} & {1, 5}  # graded, not reviewed
    code, out, err = cli_run(
        runner, root, "export", "--format", "claimreview", "--url", "https://example.org/checks"
    )
    assert code == 0, err
    items = json.loads(out)
    assert not [i for i in items if "reviewRating" in i], items
    assert items == []


def test_claimreview_publishes_automated_grades_only_on_request_and_says_so(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """With the explicit option, machine grades are published as ratings, each saying
    in its explanation that it is automated."""
    root = world(make_store, *BUILDUP, *HOSTAGES)
    code, out, err = cli_run(
        runner,
        root,
        "export",
        "--format",
        "claimreview",
        "--automated-ratings",
        "--url",
        "https://example.org/checks",
    )
    assert code == 0, err
    items = json.loads(out)
    rated = [i for i in items if "reviewRating" in i]
    assert rated, items
    for item in rated:
        assert "automated" in item["reviewRating"]["ratingExplanation"].lower(), item


# --- an old figure quoted again -----------------------------------------------------------


def test_an_outlet_quoting_a_partys_old_toll_later_is_not_the_party_lowering_it(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """The defence ministry gives 2 dead on the 5th (state TV) and 9 on the 6th (Harbor
    Times); the VLF says 40. On the 6th Eastwind TV still quotes the ministry's 2, with no
    date of its own: the ministry's old word, not a new one. The ministry revised its
    toll upward (CC105) and did not lower it (no CC106); its latest figure, 9, is the
    one in dispute with the VLF and the one the estimate reads."""
    root = world(
        make_store,
        "{id: ministry-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
        "source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: ministry-9, subject: dresk-shelling, property: civilian_deaths, value: 9, "
        "source: harbor-0306, claimant: defence-ministry}",
        "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0305, claimant: vlf}",
        "{id: ministry-2-eastwind, subject: dresk-shelling, property: civilian_deaths, "
        "value: 2, source: eastwind-0306, claimant: defence-ministry}",
    )
    data = run(root)
    assert not findings(data, "CC106"), data["findings"]
    (revision,) = findings(data, "CC105")
    assert "2 (2031-03-05) → 9 (2031-03-06)" in revision["message"], revision
    (dispute,) = findings(data, "CC101")
    assert set(dispute["claims"]) == {"ministry-9", "vlf-40"}, dispute
    (estimate,) = data["estimates"]
    assert estimate["low"] == 9 and "ministry-2-eastwind" not in estimate["claims"]["low"]
    # The ministry's record: its 9 stands (not "revised" by the old quote), the 2s do not.
    code, out, _ = cli_run(
        runner, root, "sources", "--party", "defence-ministry", "--format", "json"
    )
    assert code == 0
    standing = {c["id"]: c["standing"] for c in json.loads(out)["claims"]}
    assert "revised" not in standing["ministry-9"], standing
    assert "revised" in standing["ministry-2"] and "revised" in standing["ministry-2-eastwind"]
    # The report says when the ministry gave the figure Eastwind quotes.
    _, out, _ = cli_run(runner, root, "report", "--format", "markdown")
    notes = [line for line in out.splitlines() if "quoted again" in line]
    assert len(notes) == 1 and "Eastwind" in notes[0], notes
    assert "quoted again: given 2031-03-05; revised since: 9" in notes[0], notes

    # Dated by the user, the same quote is the ministry's word of the 6th, beside its 9
    # of the same day: a contradiction of its own.
    dated = root / "claims.yaml"
    dated.write_text(
        dated.read_text(encoding="utf-8").replace(
            "source: eastwind-0306, claimant: defence-ministry}",
            "source: eastwind-0306, claimant: defence-ministry, as_of: 2031-03-06}",
        ),
        encoding="utf-8",
    )
    (clash,) = findings(run(root), "CC107")
    assert {"ministry-2-eastwind", "ministry-9"} <= set(clash["claims"]), clash


def test_a_partys_new_figure_within_the_tolerance_of_its_old_one_is_not_quoted_again(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight's 135,000 displaced on the 2nd, relayed by Meridian; the Harbor Times
    quotes Watchlight's 150,000 on the 6th. With a 10% tolerance the two figures agree,
    but 150,000 is a new figure, the word of the 6th — not the old 135,000 quoted again
    and dated back (a looser wording of it, "about 135,000", would be)."""
    displaced = WORLD.replace(
        "  - {id: buildings_destroyed, type: quantity}\n",
        "  - {id: buildings_destroyed, type: quantity}\n"
        "  - {id: displaced, type: quantity, cumulative: true, tolerance: 10%}\n",
    )
    rows = [
        "{id: watchlight-135k, subject: border-buildup, property: displaced, value: 135000, "
        "source: meridian-0302, claimant: watchlight}",
        "{id: watchlight-later, subject: border-buildup, property: displaced, value: 150000, "
        "source: harbor-0306, claimant: watchlight}",
    ]
    files = {"world.yaml": displaced, "claims.yaml": claims_yaml(*rows)}
    store = load_store(make_store(files, base=False))
    ev = StoreEvidence(store).group(("border-buildup", "displaced"))
    later = store.claims["watchlight-later"]
    assert str(ev.when(later)) == "2031-03-06"
    rows[1] = rows[1].replace("value: 150000", "value: about 135000")
    files = {"world.yaml": displaced, "claims.yaml": claims_yaml(*rows)}
    store = load_store(make_store(files, base=False))
    ev = StoreEvidence(store).group(("border-buildup", "displaced"))
    assert str(ev.when(store.claims["watchlight-later"])) == "2031-03-02"


# --- a dispute that goes on -----------------------------------------------------------------


#: The army's 2 on state television against the VLF's 40 in the Harbor Times.
TV_AND_HARBOR = (
    "{id: army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
    "source: korvalia-tv-0305, claimant: korvalian-army}",
    "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
    "source: harbor-0305, claimant: vlf}",
)

#: The next day the VLF raises its toll to 45 (a candidate file).
VLF_RAISES_TO_45 = (
    "claims:\n  - {id: vlf-45, subject: dresk-shelling, property: civilian_deaths, "
    "value: 45, source: harbor-0306, claimant: vlf}\n"
)


def test_a_party_revising_its_toll_in_a_dispute_continues_it(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """The army says 2 civilians died in Dresk, the VLF 40 (a dispute, CC101). The next
    day the VLF raises its toll to 45: the same parties, the same dispute — not a new
    finding that blocks `add`."""
    root = world(make_store, *TV_AND_HARBOR)
    candidate = tmp_path / "revision.yaml"
    candidate.write_text(VLF_RAISES_TO_45, encoding="utf-8")
    code, out, _ = cli_run(runner, root, "check", str(candidate), "--format", "text")
    assert code == 0, out
    assert "CC101" in out and "(already in the store)" in out, out
    code, _, err = cli_run(runner, root, "add", str(candidate), "--to", str(root / "claims.yaml"))
    assert code == 0 and "added 1 claim" in err, err


def test_a_party_revising_its_toll_in_a_reviewed_dispute_reopens_it(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """The same revision after the desk reviewed the dispute: its values change (2 vs 45,
    no longer 2 vs 40), so the review no longer applies. `check` says which reviewed
    finding it reopens and fails, `add` refuses — as the store's own check would fail
    after the add; with a review of the dispute as it now stands in the candidate, `add`
    goes through, and the old review, stale, points at its successor (the dispute), not
    at the VLF's own revision (CC105)."""
    root = world(make_store, *TV_AND_HARBOR)
    (dispute,) = findings(run(root), "CC101")
    with (root / "claims.yaml").open("a", encoding="utf-8") as f:
        f.write(
            f"reviews:\n  - {{finding: {dispute['fingerprint']}, verdict: explained, "
            "claims: [army-2, vlf-40]}\n"
        )
    candidate = tmp_path / "revision.yaml"
    claim = VLF_RAISES_TO_45
    candidate.write_text(claim, encoding="utf-8")
    code, out, _ = cli_run(runner, root, "check", str(candidate), "--format", "text")
    assert code == 1, out
    assert f"(reopens reviewed finding {dispute['fingerprint']}" in out, out
    code, _, err = cli_run(runner, root, "add", str(candidate), "--to", str(root / "claims.yaml"))
    assert code == 1 and "not added" in err, err

    code, out, _ = cli_run(runner, root, "check", str(candidate), "--format", "json")
    (successor,) = [f for f in json.loads(out)["findings"] if f["rule"] == "CC101"]
    candidate.write_text(
        claim + f"reviews:\n  - {{finding: {successor['fingerprint']}, verdict: explained}}\n",
        encoding="utf-8",
    )
    code, out, _ = cli_run(runner, root, "check", str(candidate), "--format", "text")
    assert code == 0, out
    (line,) = [x for x in out.splitlines() if "] CC101" in x]
    assert "(reopens reviewed finding" in line and "(reviewed: explained)" in line, line
    # (and the old review, which the add leaves stale, is named so now)
    assert (
        f"the candidates make this review stale: no finding will have fingerprint {dispute['fingerprint']}"
        in out
    ), out
    assert "already in the store" not in line, line  # the review is the candidate's
    code, _, err = cli_run(runner, root, "add", str(candidate), "--to", str(root / "claims.yaml"))
    assert code == 0 and "added 1 claim" in err, err
    data = run(root)
    (stale,) = data["stale_reviews"]
    rule_of = {f["fingerprint"]: f["rule"] for f in data["findings"]}
    assert rule_of[stale["successors"][0]] == "CC101", stale
    assert stale["successors"][0] == successor["fingerprint"]
    # The old review is left over, not a call to review the dispute again.
    _, out, _ = cli_run(runner, root, "check", "--format", "text")
    (left,) = [x for x in out.splitlines() if "stale review" in x and dispute["fingerprint"] in x]
    assert left.endswith("it has a review of its own: remove this one"), left


def test_a_candidate_check_reads_the_grades_before_it_as_the_full_check_does(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """The ministry's toll of 10, since revised to 20, is graded 3 in the store (a count
    of its day). A candidate repeating another origin's 10 must not claim to raise it
    from a grade the store never gave it (the "before" grade was read before the revision
    was found)."""
    root = world(
        make_store,
        "{id: ministry-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: korvalia-tv-0305, claimant: defence-ministry, as_of: 2031-03-04}",
        "{id: ministry-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        "source: harbor-0306, claimant: defence-ministry, as_of: 2031-03-06}",
    )
    before = grade(run(root), "ministry-10")
    assert before == 3
    candidate = tmp_path / "c.yaml"
    candidate.write_text(
        "claims:\n  - {id: watchlight-10, subject: dresk-shelling, property: civilian_deaths, "
        "value: 10, source: korvalia-tv-0305, claimant: watchlight, as_of: 2031-03-04}\n",
        encoding="utf-8",
    )
    _, out, _ = cli_run(runner, root, "check", str(candidate), "--format", "json")
    corroborated = {c["claim"]: c["before"] for c in json.loads(out)["candidate"]["corroborates"]}
    assert corroborated.get("ministry-10", before) == before, corroborated
    # Another claimant of the same dispatch saying the same figure is not a duplicate.
    assert json.loads(out)["candidate"]["duplicates"] == [], out


def test_a_revision_starts_where_its_origin_first_gave_the_figure(
    make_store: Callable[..., Path],
) -> None:
    """The ministry said 10 on the 4th; a newspaper quoted its 10 on the 5th; the ministry
    said 20 on the 6th. The revision is 10 (the 4th) → 20 (the 6th), not from the copy."""
    data = run(
        world(
            make_store,
            "{id: ministry-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
            "source: korvalia-tv-0305, claimant: defence-ministry, as_of: 2031-03-04}",
            "{id: harbor-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
            "source: harbor-0305, claimant: defence-ministry, as_of: 2031-03-05}",
            "{id: ministry-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
            "source: northgate-0306, claimant: defence-ministry, as_of: 2031-03-06}",
        )
    )
    (revision,) = findings(data, "CC105")
    assert "10 (2031-03-04) → 20 (2031-03-06)" in revision["message"], revision


def test_a_new_figure_from_a_party_already_in_a_finding_is_a_new_gap(
    make_store: Callable[..., Path], runner: CliRunner, tmp_path: Path
) -> None:
    """The army already stands alone behind 2 (CC202). A candidate in which the army now
    says 3 continues the dispute with Watchlight (the same CC101 origins), but "3 is
    claimed only by the army" is a new finding: a reader has not seen it yet."""
    root = world(make_store, *DISPUTE)
    _, out, _ = cli_run(runner, root, "check", "--format", "json")
    assert findings(json.loads(out), "CC202")  # the army's 2, the army's alone
    candidate = tmp_path / "army-3.yaml"
    candidate.write_text(
        "claims:\n  - {id: army-3, subject: dresk-shelling, property: civilian_deaths, "
        "value: 3, source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}\n",
        encoding="utf-8",
    )
    _, out, err = cli_run(runner, root, "check", str(candidate), "--format", "json")
    data = json.loads(out)
    existing = set(data["candidate"]["existing_findings"])
    gaps = [f for f in findings(data, "CC202") if "army-3" in f["claims"]]
    assert gaps, (out, err)
    assert all(f["fingerprint"] not in existing for f in gaps)


def test_a_concession_in_rough_words_gives_its_figure_as_the_best(
    make_store: Callable[..., Path],
) -> None:
    """The army concedes "about 350" of its soldiers killed; Watchlight says "more than
    150". The low is what the army's words reach down to, but the best is a figure
    someone gave — 350 — not the 315 the "about" allows (DESIGN §4)."""
    rows = (
        "{id: army-about-350, subject: saltmarsh-clashes, property: army_losses, "
        "value: about 350, source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-04}",
        "{id: watchlight-150, subject: saltmarsh-clashes, property: army_losses, "
        "value: more than 150, source: eastwind-0305, claimant: watchlight, as_of: 2031-03-04}",
    )
    est = estimate(
        judged(make_store, LOSSES, *rows),
        "saltmarsh-clashes",
        "army_losses",
    )
    assert est is not None and (est["low"], est["best"], est["high"]) == (315, 350, 350), est
    assert est["claims"]["best"] == ["army-about-350"], est
    assert "(korvalian-army, as 'about 350')" in est["basis"], est["basis"]


@pytest.mark.parametrize("commission", ["a-commission", "z-commission"])
def test_a_quoted_figure_relays_its_partys_statement_whatever_the_ids(
    make_store: Callable[..., Path], commission: str
) -> None:
    """Meridian's dispatch carries Watchlight's 25 and Open Ward's 25; Coastline Radio,
    citing it, says "about 25, Watchlight said". The radio relays Watchlight's statement
    (not Open Ward's, whichever id sorts first): the army's 60 is in dispute with the 25
    alone, and the finding's fingerprint is the same either way."""
    cites = RADIO_CITES_MERIDIAN
    rows = (
        f"{{id: {commission}, subject: dresk-shelling, property: civilian_deaths, value: 25, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: m-open-ward, subject: dresk-shelling, property: civilian_deaths, value: 25, "
        "source: meridian-0305, claimant: open-ward}",
        "{id: radio, subject: dresk-shelling, property: civilian_deaths, value: about 25, "
        "source: coastline-radio-0305, claimant: watchlight}",
        "{id: army, subject: dresk-shelling, property: civilian_deaths, value: 60, "
        "source: korvalia-tv-0305, claimant: korvalian-army}",
    )
    data = judged(make_store, cites, *rows)
    (dispute,) = findings(data, "CC101")
    assert "about 25" not in dispute["message"], dispute["message"]
    reference = run(
        make_store(
            {
                "world.yaml": cites,
                "claims.yaml": claims_yaml(*[r for r in rows if "radio" not in r]),
            },
            base=False,
        )
    )
    assert dispute["fingerprint"] == findings(reference, "CC101")[0]["fingerprint"]


# --- a withdrawn figure still in print ------------------------------------------------------

#: Open Ward Medics count 47 dead the day after the shelling, then 38: nine victims had
#: been registered twice.
CORRECTED = (
    "{id: ward-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
    "source: meridian-0305, claimant: open-ward, as_of: 2031-03-05}",
    "{id: ward-38, subject: dresk-shelling, property: civilian_deaths, value: 38, "
    "source: meridian-0306, claimant: open-ward, as_of: 2031-03-06, "
    "quote: revised down to 38 after nine victims were registered twice}",
)
LATER_PAPERS = {
    "later.yaml": "documents:\n"
    + "".join(
        f"  - {{id: {paper}-{day}, outlet: {outlet}, published: 2031-03-{day[2:]}}}\n"
        for paper, outlet in (("harbor", "harbor-times"), ("northgate", "northgate-daily"))
        for day in ("0307", "0309", "0326")
    )
}


def _paper(paper: str, day: str, value: str, *more: str) -> str:
    return (
        f"{{id: {paper}-{day}-{value}, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {value}, source: {paper}-{day}{''.join(more)}}}"
    )


def _corrected(make_store: Callable[..., Path], *rows: str) -> dict[str, Any]:
    return run(world(make_store, *CORRECTED, *rows, **LATER_PAPERS))


def test_a_withdrawn_figure_still_in_print_is_the_old_word_not_the_toll_grown(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times runs 47 three days after the medics corrected it to 38: the
    withdrawn figure still in print, not the toll grown past the correction. It is the
    medics' old word, revised since — the 38 stands, and CC106 says where the 47 lives on;
    a second paper doing the same does not outvote the correction."""
    data = _corrected(make_store, _paper("harbor", "0309", "47"))
    assert findings(data, "CC101") == []
    (lowered,) = findings(data, "CC106")
    assert lowered["message"].endswith("still in print after: 47 (harbor-times, 2031-03-09)")
    assert "harbor-0309-47" in lowered["claims"]
    assert "revised" in data["grades"]["harbor-0309-47"]["reason"]
    assert "count of its day" not in data["grades"]["ward-38"]["reason"]
    twice = _corrected(
        make_store, _paper("harbor", "0309", "47"), _paper("northgate", "0309", "47")
    )
    assert twice["grades"]["ward-38"]["grade"] == 3, twice["grades"]["ward-38"]
    assert findings(twice, "CC101") == []


def test_a_correction_still_grows_into_later_counts(make_store: Callable[..., Path]) -> None:
    """Other figures, the same figure weeks later, or after the medics came back up to
    it, are the toll grown past the correction, as before: nothing is in print again."""
    for rows in (
        (_paper("harbor", "0309", "40"),),  # more victims died
        (_paper("harbor", "0326", "47"),),  # three weeks on
        (  # the medics said 47 again on the 7th
            "{id: ward-47-again, subject: dresk-shelling, property: civilian_deaths, "
            "value: 47, source: harbor-0307, claimant: open-ward, as_of: 2031-03-07}",
            _paper("northgate", "0309", "47"),
        ),
    ):
        data = _corrected(make_store, *rows)
        assert not any("in print" in f["message"] for f in data["findings"]), rows
        assert all("revised" not in g["reason"] for c, g in data["grades"].items() if "-03" in c)


def test_a_paper_quoting_the_old_figure_then_running_it_as_its_own(
    make_store: Callable[..., Path],
) -> None:
    """Northgate quotes the medics' 47 on the 7th (their old word, dated when they gave
    it) and runs it in its own voice on the 9th: both are the withdrawn figure."""
    data = _corrected(
        make_store,
        _paper("northgate", "0307", "47", ", claimant: open-ward"),
        _paper("northgate", "0309", "47"),
    )
    (lowered,) = findings(data, "CC106")
    assert "still in print after: 47 (northgate-daily, 2031-03-09)" in lowered["message"]
    assert findings(data, "CC101") == []


#: The defence ministry's "at least 30" of the 5th, raised to 47 on the 6th.
RAISED = (
    "{id: mod-30, subject: dresk-shelling, property: civilian_deaths, value: at least 30, "
    "source: meridian-0305, claimant: defence-ministry}",
    "{id: mod-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
    "source: meridian-0306, claimant: defence-ministry}",
)
#: Harbor Times's dispatch of the 5th, relaying Meridian's.
HARBOR_CITING = {
    "cites.yaml": "documents:\n  - {id: harbor-0305c, outlet: harbor-times, "
    "published: 2031-03-05, cites: [meridian-0305]}\n"
}


def _raised(make_store: Callable[..., Path], *rows: str) -> dict[str, Any]:
    return run(world(make_store, *RAISED, *rows, **LATER_PAPERS, **HARBOR_CITING))


def test_an_old_figure_in_print_after_its_origin_raised_it_is_no_count_below_it(
    make_store: Callable[..., Path],
) -> None:
    """The ministry raised its "at least 30" to 47; three days later the Harbor Times
    runs "30 victims buried" in its own voice, without saying where it has the figure.
    That is the ministry's old word still in print (a paper that relayed it citing the
    wire on the 5th, all the more), not a neutral count disputing the 47: no conflict,
    the 30 is graded as revised since, CC105 says where it lives on, and its fingerprint
    is the revision's, with or without the paper."""
    alone = _raised(make_store)
    (revision,) = findings(alone, "CC105")
    for rows in (
        (_paper("harbor", "0309", "30"),),
        (
            "{id: harbor-relay, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 30, source: harbor-0305c}",
            _paper("harbor", "0309", "30"),
        ),
    ):
        data = _raised(make_store, *rows)
        assert findings(data, "CC101") == [], rows
        (raised,) = findings(data, "CC105")
        assert raised["message"].endswith("still in print after: 30 (harbor-times, 2031-03-09)")
        assert "harbor-0309-30" in raised["claims"]
        assert raised["fingerprint"] == revision["fingerprint"]
        assert "revised" in data["grades"]["harbor-0309-30"]["reason"], rows
        assert not any(e["low"] == 30 or e["best"] == 30 for e in data["estimates"])
    # In a dispute's table (the rebels' 200), the paper's row says whose figure it is.
    disputed = check(
        load_store(
            world(
                make_store,
                *RAISED,
                _paper("harbor", "0309", "30"),
                "{id: vlf-200, subject: dresk-shelling, property: civilian_deaths, value: 200, "
                "source: northgate-0307, claimant: vlf}",
                **LATER_PAPERS,
            )
        )
    )
    assert "defence-ministry's figure, revised on 2031-03-06" in render_report(disputed, "markdown")


def test_a_paper_below_a_raised_figure_is_a_dispute_where_the_figures_say_so(
    make_store: Callable[..., Path],
) -> None:
    """Not the ministry's old word: the paper's 30 three weeks after the rise (a count of
    its own, disputing the 47 after the shelling), nor when Watchlight gave 30 as its
    own count before the paper printed it."""
    late = _raised(make_store, _paper("harbor", "0326", "30"))
    assert any("30 [harbor-times" in f["message"] for f in findings(late, "CC101"))
    watch = _raised(
        make_store,
        "{id: watchlight-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: northgate-0307, claimant: watchlight}",
        _paper("harbor", "0309", "30"),
    )
    for data in (late, watch):
        assert not any("in print" in f["message"] for f in data["findings"])
        paper = data["grades"]["harbor-0326-30" if data is late else "harbor-0309-30"]
        assert "revised" not in paper["reason"], paper


def test_a_daily_bulletin_has_the_gaps_of_its_latest_figure_not_one_a_day(
    make_store: Callable[..., Path],
) -> None:
    """The defence ministry's daily toll, 1,596, 1,610 and 1,628 (within the property's
    3%: each still implies the earlier): one single-origin and one interested-only
    warning, on the latest figure and placed at it — not a warning a day."""
    rows = [
        f"{{id: mod-{day}, subject: dresk-shelling, property: deaths_3pct, value: {n}, "
        f"source: meridian-03{day}, claimant: defence-ministry, as_of: 2031-03-{day}}}"
        for day, n in (("02", 1596), ("05", 1610), ("06", 1628))
    ]
    prop = "properties:\n  - {id: deaths_3pct, type: quantity, cumulative: true, tolerance: 3%}\n"
    root = world(make_store, *rows, **{"prop.yaml": prop})
    data = run(root)
    for rule in ("CC201", "CC202"):
        (gap,) = findings(data, rule)
        assert "1628" in gap["message"] and "1596" not in gap["message"], gap["message"]
        assert located(gap["location"])[1] == line_of(root / "claims.yaml", "mod-06")


def test_a_rounded_old_figure_quoted_again_is_dated_when_it_was_given(
    make_store: Callable[..., Path],
) -> None:
    """Harbor Times quotes the ministry's "more than 1,300" on the 9th: its rounding of
    the 1,318 of the 5th, not a figure of the 9th. The revision reads in time order."""
    rows = (
        "{id: mod-1318, subject: dresk-shelling, property: civilian_deaths, value: 1318, "
        "source: meridian-0305, claimant: defence-ministry, as_of: 2031-03-05}",
        "{id: mod-1487, subject: dresk-shelling, property: civilian_deaths, value: 1487, "
        "source: meridian-0306, claimant: defence-ministry, as_of: 2031-03-06}",
        "{id: harbor-1300, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 1300, source: harbor-0309, claimant: defence-ministry}",
    )
    (raised,) = findings(run(world(make_store, *rows, **LATER_PAPERS)), "CC105")
    assert "more than 1300 (2031-03-05) → 1487 (2031-03-06)" in raised["message"]
    assert "2031-03-09" not in raised["message"]


def test_a_revision_from_a_figure_quoted_again_in_other_words_is_one_step(
    make_store: Callable[..., Path],
) -> None:
    """The ministry's "at least 12" of the 4th, quoted by Harbor Times on the 7th as
    "12, the ministry said", and its 19 of the 5th: one revision, "at least 12 → 19",
    not that and "12 → 19" as if the ministry had given two figures that day (an
    analyst's trial)."""
    rows = (
        "{id: mod-12, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 12, source: meridian-0305, claimant: defence-ministry, "
        "as_of: 2031-03-04}",
        "{id: mod-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
        "source: meridian-0306, claimant: defence-ministry, as_of: 2031-03-05}",
        "{id: harbor-12, subject: dresk-shelling, property: civilian_deaths, value: 12, "
        "source: harbor-0307, claimant: defence-ministry}",
    )
    (raised,) = findings(run(world(make_store, *rows, **LATER_PAPERS)), "CC105")
    assert raised["message"].endswith(
        "revised upward civilian_deaths of dresk-shelling: at least 12 (2031-03-04) → 19 "
        "(2031-03-05)"
    ), raised["message"]


def test_a_new_bound_quoted_later_is_no_old_figure_worded_loosely(
    make_store: Callable[..., Path],
) -> None:
    """The army said 15 on the 5th; Harbor Times quotes it on the 9th: "fewer than 50
    civilians died". The bound holds the 15, but it is a new word of the 9th, not the 15
    worded loosely (an analyst's trial showed it "as of" the 5th and graded it "quoted
    again")."""
    rows = (
        "{id: army-15, subject: dresk-shelling, property: civilian_deaths, value: 15, "
        "source: meridian-0305, claimant: korvalian-army, as_of: 2031-03-05}",
        "{id: army-lt50, subject: dresk-shelling, property: civilian_deaths, "
        "value: fewer than 50, source: harbor-0309, claimant: korvalian-army}",
        "{id: ward-80, subject: dresk-shelling, property: civilian_deaths, value: 80, "
        "source: harbor-0309, claimant: open-ward}",
    )
    data = run(world(make_store, *rows, **LATER_PAPERS))
    (cc101,) = findings(data, "CC101")
    assert "as of 2031-03-05" not in cc101["message"], cc101["message"]
    assert cc101["claims"] == ["army-lt50", "ward-80"], cc101  # (the 15 superseded by it)
    assert "quoted again" not in data["grades"]["army-lt50"]["reason"]
    # A floor under the 15 is the 15 said cautiously, quoted again: it supersedes nothing,
    # and the 15 stays in its dispute with the VLF's 40 (a reviewer's store: it vanished).
    rows = (
        rows[0],
        rows[1].replace("value: fewer than 50", "value: at least 12"),
        "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: meridian-0305, claimant: vlf, as_of: 2031-03-05}",
    )
    (cc101,) = findings(run(world(make_store, *rows, **LATER_PAPERS)), "CC101")
    assert "army-15" in cc101["claims"], cc101


def test_a_figure_in_print_again_is_not_guessed_where_the_figures_say_otherwise(
    make_store: Callable[..., Path],
) -> None:
    """No figure is taken for the medics' withdrawn 47 when the paper keeps a count of
    its own (its 30, then its 47: its revision, CC105), when Watchlight gives 47 itself
    the day before the paper (two origins' count, not a withdrawn one), or when the
    medics came back up to 47 before the paper printed it. (Watchlight's 47 weeks
    later, or the medics' after the paper's print, do not make it the paper's own.)"""
    own = _corrected(make_store, _paper("harbor", "0307", "30"), _paper("harbor", "0309", "47"))
    assert any("harbor-times revised upward" in f["message"] for f in findings(own, "CC105"))

    def ward_or_watch(who: str, day: str, doc: str) -> str:
        return (
            f"{{id: {who}-{day}, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 47, source: {doc}, claimant: {who}, as_of: 2031-03-{day}}}"
        )

    other = _corrected(
        make_store,
        ward_or_watch("watchlight", "08", "northgate-0307"),
        _paper("harbor", "0309", "47"),
    )
    before = _corrected(
        make_store,
        ward_or_watch("open-ward", "07", "northgate-0307"),
        _paper("harbor", "0309", "47"),
    )
    for data in (own, other, before):
        assert not any("in print" in f["message"] for f in data["findings"])
    assert other["grades"]["harbor-0309-47"]["grade"] == 1, other["grades"]["harbor-0309-47"]
    for later in (
        ward_or_watch("watchlight", "26", "northgate-0326"),
        ward_or_watch("open-ward", "12", "northgate-0326"),
    ):
        data = _corrected(make_store, later, _paper("harbor", "0309", "47"))
        assert any("in print" in f["message"] for f in data["findings"]), later


#: Northgate's article of the 6th, citing Meridian's dispatch of the 5th.
NORTHGATE_CITING_MERIDIAN = {
    "cites.yaml": "documents:\n  - {id: northgate-0306m, outlet: northgate-daily, "
    "published: 2031-03-06, cites: [meridian-0305]}\n"
}


@pytest.mark.parametrize("voice", ["", "claimant: open-ward, "])
def test_a_figure_rounded_from_a_cited_dispatch_is_that_figure_relayed(
    make_store: Callable[..., Path], voice: str
) -> None:
    """An analyst's trial: Meridian carries the medics' 47; Northgate's article the next
    day, citing it, prints "50" — in its own words, or as the medics' ("50, the medics
    said"). Its figure is the medics' rounded (DESIGN §2, dependence 3): no second
    count disputing theirs (CC101, both doubtful), no estimate of Northgate's 50 as a
    later count that overtook the 47, no toll the medics raised (CC105) — the medics'
    statement relayed differently (CC107)."""
    data = run(
        world(
            make_store,
            "{id: medics-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
            "source: meridian-0305, claimant: open-ward}",
            "{id: northgate-50, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 50, {voice}source: northgate-0306m}}",
            **NORTHGATE_CITING_MERIDIAN,
        )
    )
    assert findings(data, "CC101") == [] and findings(data, "CC105") == [], data["findings"]
    (cc107,) = findings(data, "CC107")
    assert "relayed differently: 47 in meridian vs 50 in northgate-daily" in cc107["message"], cc107
    assert grade(data, "medics-47") == 3, data["grades"]["medics-47"]
    assert estimate(data, "dresk-shelling", "civilian_deaths") is None, data["estimates"]


def test_a_floor_rounded_from_a_cited_dispatch_is_that_floor_relayed(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: Meridian carries the government's "at least 47"; Northgate's "50"
    the next day, citing it, is that floor rounded — the government's word, not a
    neutral count that made the government's figure probable, the army's 19 improbable
    and the estimate 50 / 50 / 50."""
    data = run(
        world(
            make_store,
            "{id: gov-47, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 47, source: meridian-0305, claimant: korvalia-government}",
            "{id: army-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
            "source: meridian-0305, claimant: vlf}",
            "{id: northgate-50, subject: dresk-shelling, property: civilian_deaths, "
            "value: 50, source: northgate-0306m}",
            **NORTHGATE_CITING_MERIDIAN,
        )
    )
    for claim in ("gov-47", "northgate-50", "army-19"):
        assert grade(data, claim) in (3, 4), data["grades"][claim]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["low"] == 19, est


def test_an_outlets_own_figure_a_citing_quote_attributes_to_a_party_is_the_partys(
    make_store: Callable[..., Path],
) -> None:
    """A fact-checker's trial: Meridian reports "1,243 killed" in its own words; Northgate,
    citing that dispatch, writes "1,243, the army said, Meridian reported". The agency's
    figure is the army's (who first said it): one origin, a party's — not an
    independent outlet confirming the army."""
    data = run(
        world(
            make_store,
            "{id: meridian-own, subject: dresk-shelling, property: civilian_deaths, "
            "value: 1243, source: meridian-0305}",
            "{id: northgate-army, subject: dresk-shelling, property: civilian_deaths, "
            "value: 1243, source: northgate-0306m, claimant: korvalian-army}",
            **NORTHGATE_CITING_MERIDIAN,
        )
    )
    for claim in ("meridian-own", "northgate-army"):
        assert grade(data, claim) == 3, data["grades"][claim]
        assert data["grades"][claim]["supporting_origins"] == 1, data["grades"][claim]
    assert findings(data, "CC202"), data["findings"]


def test_an_army_toll_a_later_neutral_count_disputes_stays_the_low(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: a one-day shelling, the army's 10 on the day, Watchlight's 100
    two days on — a dispute (CC101), the army's figure doubtful: the estimate's low, not
    dropped as a count the 100 "overtook"."""
    data = run(
        world(
            make_store,
            "{id: army-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
            "source: korvalia-tv-0305, claimant: korvalian-army, as_of: 2031-03-04}",
            "{id: wl-100, subject: dresk-shelling, property: civilian_deaths, value: 100, "
            "source: harbor-0306, claimant: watchlight}",
        )
    )
    assert findings(data, "CC101"), data["findings"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and (est["low"], est["best"], est["high"]) == (10, 100, 100), est


OCHA = {
    "ocha.yaml": "outlets:\n  - {id: un-ocha, name: UN OCHA, kind: un}\n"
    "documents:\n  - {id: ocha-0305, outlet: un-ocha, published: 2031-03-05}\n"
    "  - {id: ng-0306, outlet: northgate-daily, published: 2031-03-06, cites: [ocha-0305]}\n"
    "  - {id: ew-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [ocha-0305]}\n"
}


def test_a_un_offices_own_count_a_paper_credits_to_a_ministry_stays_the_uns(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: OCHA's own 1,243, and Northgate citing it with "1,243, the
    ministry said": OCHA counts for itself — its figure is not made the ministry's (one
    party's word, weak basis); the attribution is named for a check (CC203). The quote
    is OCHA's figure under the wrong name, no second origin (two analysts' trials: such a
    quote "confirmed" what it copied), and is graded as printed."""
    data = run(
        world(
            make_store,
            "{id: ocha-own, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
            "source: ocha-0305}",
            "{id: ng-ministry, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
            "source: ng-0306, claimant: defence-ministry}",
            **OCHA,
        )
    )
    assert data["grades"]["ocha-own"]["supporting_origins"] == 1, data["grades"]["ocha-own"]
    assert grade(data, "ng-ministry") == 6, data["grades"]["ng-ministry"]
    (cc203,) = findings(data, "CC203")
    assert "where un-ocha gives it and defence-ministry does not" in cc203["message"], cc203


def test_an_outlets_figure_two_papers_give_to_two_voices_is_nobodys_but_its_own(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: two papers cite one outlet's own 1,243, one naming the
    ministry for it, the other Watchlight. Which is right is not for the file order to
    decide: the outlet's figure stays its own, and both attributions are named (CC203),
    whatever order the claims are written in."""
    rows = [
        "{id: own, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
        "source: coastline-radio-0305}",
        "{id: q-ministry, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
        "source: ng-0306c, claimant: defence-ministry}",
        "{id: q-watchlight, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
        "source: ew-0306c, claimant: watchlight}",
    ]
    cites = {
        "cites.yaml": "documents:\n"
        "  - {id: ng-0306c, outlet: northgate-daily, published: 2031-03-06, "
        "cites: [coastline-radio-0305]}\n"
        "  - {id: ew-0306c, outlet: eastwind-tv, published: 2031-03-06, "
        "cites: [coastline-radio-0305]}\n"
    }
    seen = []
    for order in (rows, rows[::-1]):
        data = run(world(make_store, *order, **cites))
        (cc203,) = findings(data, "CC203")
        assert "defence-ministry in ng-0306c" in cc203["message"], cc203
        assert "watchlight in ew-0306c" in cc203["message"], cc203
        seen.append((cc203["message"], data["grades"]))
    assert seen[0] == seen[1]


@pytest.mark.parametrize(
    ("who", "lantern", "best"),
    [("dresk-medical-sources", False, 60), ("open-ward", False, 72), ("open-ward", True, 70)],
)
def test_a_number_inside_a_neutral_range_is_the_best_when_a_named_origin_gives_it(
    make_store: Callable[..., Path], who: str, lantern: bool, best: int
) -> None:
    """A desk's trial: anonymous medics' 72 inside Watchlight's "between 60 and 80" was
    the best — an unnamed source displacing a named, confirmed range. A named count
    inside it still is, and a second one does not send the best to the range's lower
    end (a reviewer's store: Lantern's own 70 beside the medics' 72 gave 60)."""
    rows = [
        f"{{id: inside, subject: dresk-shelling, property: civilian_deaths, value: 72, "
        f"source: harbor-0305, claimant: {who}}}",
        "{id: range, subject: dresk-shelling, property: civilian_deaths, "
        "value: between 60 and 80, source: meridian-0306, claimant: watchlight}",
    ]
    if lantern:
        rows.append(
            "{id: lantern-70, subject: dresk-shelling, property: civilian_deaths, value: 70, "
            "source: lantern-0306}"
        )
    data = run(world(make_store, *rows))
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and (est["low"], est["best"], est["high"]) == (60, best, 80), est


def test_a_quote_transposing_a_partys_own_figure_is_a_misquote_not_its_new_word(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: state television gives the government's "at least 61"; three days
    later a paper, citing nothing, writes "16, the government said". The digits in
    another order are the figure misquoted (CC107), not the government lowering its
    toll (CC106) and making its own word doubtful."""
    data = run(
        world(
            make_store,
            "{id: gov-61, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 61, source: korvalia-tv-0305, claimant: korvalia-government}",
            "{id: paper-16, subject: dresk-shelling, property: civilian_deaths, value: 16, "
            "source: northgate-0306, claimant: korvalia-government}",
        )
    )
    assert findings(data, "CC106") == [], data["findings"]
    (cc107,) = findings(data, "CC107")
    assert "relayed differently" in cc107["message"], cc107
    assert grade(data, "gov-61") == 3, data["grades"]["gov-61"]


@pytest.mark.parametrize("own_21", [True, False])
def test_a_quote_of_digits_in_another_order_that_raises_or_repeats_a_figure_is_no_misquote(
    make_store: Callable[..., Path], own_21: bool
) -> None:
    """A reviewer's stores: the government's own 12, then "21, the government said"
    during the clashes — the toll raised (CC105), not 12 misquoted; and where the
    government gives 21 on its own channel too, the paper quotes that 21."""
    rows = [
        "{id: gov-12, subject: saltmarsh-clashes, property: civilian_deaths, value: 12, "
        "source: korvalia-tv-0305, claimant: korvalia-government, as_of: 2031-03-02}",
        "{id: paper-21, subject: saltmarsh-clashes, property: civilian_deaths, value: 21, "
        "source: northgate-0306, claimant: korvalia-government, as_of: 2031-03-04}",
    ]
    files = {}
    if own_21:
        rows.append(
            "{id: gov-21, subject: saltmarsh-clashes, property: civilian_deaths, value: 21, "
            "source: korvalia-tv-0306, claimant: korvalia-government, as_of: 2031-03-04}"
        )
        files["tv.yaml"] = (
            "documents:\n  - {id: korvalia-tv-0306, outlet: korvalia-tv, published: 2031-03-06}\n"
        )
    data = run(world(make_store, *rows, **files))
    assert findings(data, "CC107") == [], data["findings"]
    assert findings(data, "CC105"), data["findings"]


@pytest.mark.parametrize("ids", [("a-wl", "b-gov"), ("b-wl", "a-gov")])
def test_a_rounded_figure_relays_the_nearest_figure_whatever_the_ids(
    make_store: Callable[..., Path], ids: tuple[str, str]
) -> None:
    """A reviewer's store: Meridian carries Watchlight's 52 and the government's 47;
    Northgate's own "50", citing it, rounds the nearer, Watchlight's 52 — not whichever
    claim id sorts first."""
    wl, gov = ids
    data = run(
        world(
            make_store,
            f"{{id: {wl}, subject: dresk-shelling, property: civilian_deaths, value: 52, "
            "source: meridian-0305, claimant: watchlight}",
            f"{{id: {gov}, subject: dresk-shelling, property: civilian_deaths, value: 47, "
            "source: meridian-0305, claimant: korvalia-government}",
            "{id: northgate-50, subject: dresk-shelling, property: civilian_deaths, "
            "value: 50, source: northgate-0306m}",
            **NORTHGATE_CITING_MERIDIAN,
        )
    )
    (cc107,) = findings(data, "CC107")
    assert cc107["message"].startswith("watchlight's statement"), cc107


def test_an_infobox_figure_its_citation_does_not_give_confirms_nothing(
    make_store: Callable[..., Path],
) -> None:
    """An OSINT analyst's trial: Watchlight's verified list says at least 12 buildings,
    the rebels 40, the army none; an encyclopedia's infobox says 40, citing Watchlight's
    list. Its 40 is no neutral origin: its citation does not give it (uncited, CC204) —
    the rebels' 40 stays a party's word, and the best is Watchlight's floor."""
    data = run(
        world(
            make_store,
            "{id: wl-12, subject: dresk-shelling, property: buildings_destroyed, "
            "value: at least 12, source: meridian-0305, claimant: watchlight}",
            "{id: vlf-40, subject: dresk-shelling, property: buildings_destroyed, value: 40, "
            "source: harbor-0305, claimant: vlf}",
            "{id: army-0, subject: dresk-shelling, property: buildings_destroyed, value: 0, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            "{id: infobox-40, subject: dresk-shelling, property: buildings_destroyed, "
            "value: 40, source: wiki-dresk}",
            **{
                "wiki.yaml": "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
                "documents:\n  - {id: wiki-dresk, outlet: openpedia, cites: [meridian-0305]}\n"
            },
        )
    )
    assert grade(data, "vlf-40") == 3, data["grades"]["vlf-40"]
    assert "uncited" in data["grades"]["infobox-40"]["reason"], data["grades"]["infobox-40"]
    (cc204,) = findings(data, "CC204")
    assert "cites meridian-0305, which do not give it" in cc204["message"], cc204
    est = estimate(data, "dresk-shelling", "buildings_destroyed")
    assert est is not None and est["best"] == 12, est


def test_a_misquote_is_graded_as_printed_not_as_the_statement_it_misquotes(
    make_store: Callable[..., Path],
) -> None:
    """A fact-checker's trial: "some 1,000, the minister said", citing the dispatch of
    the minister's 1,243, was graded like the 1,243 — and an automated rating published
    "some 1,000" as the minister's word, possibly true. It is the statement misquoted
    (CC107): graded apart, as printed (6); the statement keeps its own grade."""
    data = run(
        world(
            make_store,
            "{id: mod-1243, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
            "source: meridian-0305, claimant: defence-ministry}",
            "{id: paper-1000, subject: dresk-shelling, property: civilian_deaths, "
            "value: some 1000, source: northgate-0306m, claimant: defence-ministry}",
            **NORTHGATE_CITING_MERIDIAN,
        )
    )
    assert findings(data, "CC107"), data["findings"]
    paper = data["grades"]["paper-1000"]
    assert paper["grade"] == 6 and "relays mod-1243" in paper["reason"], paper
    assert grade(data, "mod-1243") == 3, data["grades"]["mod-1243"]


def test_a_partys_record_grades_its_statement_not_a_misquote_of_it_in_any_order(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the ministry's 1,243 and a paper's "some 1,000" misquoting it;
    the ministry's record graded its one statement by whichever claim the files listed
    first — 3, or the misquote's 6."""
    rows = [
        "{id: mod-1243, subject: dresk-shelling, property: civilian_deaths, value: 1243, "
        "source: meridian-0305, claimant: defence-ministry}",
        "{id: paper-1000, subject: dresk-shelling, property: civilian_deaths, "
        "value: some 1000, source: northgate-0306m, claimant: defence-ministry}",
    ]
    seen = []
    for order in (rows, rows[::-1]):
        root = world(make_store, *order, **NORTHGATE_CITING_MERIDIAN)
        out = CliRunner().invoke(
            cli, ["--store", str(root), "sources", "--parties", "--format", "json"]
        )
        (ministry,) = [
            p for p in json.loads(out.stdout)["parties"] if p["id"] == "defence-ministry"
        ]
        seen.append(ministry["grades"])
    assert seen[0] == seen[1] and seen[0]["3"] == 1 and seen[0]["6"] == 0, seen


#: Who shelled Dresk market: an entity property.
PERPETRATOR = {
    "perpetrator.yaml": "properties:\n  - {id: perpetrator, type: entity}\n",
}


def _blames(make_store: Callable[..., Path], *rows: tuple[str, str, str, str]) -> dict[str, Any]:
    """The check of claims (id, claimant, culprit, document) on who shelled Dresk."""
    return run(
        world(
            make_store,
            *(
                f"{{id: {cid}, subject: dresk-shelling, property: perpetrator, value: {culprit}, "
                f"source: {doc}, claimant: {who}}}"
                for cid, who, culprit, doc in rows
            ),
            **PERPETRATOR,
        )
    )


def test_neutral_origins_naming_different_culprits_agree_it_was_not_the_third(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the army blames the rebels; the medics blame the Iron Hills
    militia, Watchlight the army. Asserting X supports "not Y" for every other Y (DESIGN
    §2): both neutral origins say the rebels did not do it — contradicted by several
    independent neutral origins, supported by none, the army's word is improbable, not
    merely doubtful (it was "not all agreeing among themselves")."""
    data = _blames(
        make_store,
        ("army-blames-vlf", "korvalian-army", "vlf", "korvalia-tv-0305"),
        ("medics-blame-militia", "open-ward", "iron-hills-militia", "harbor-0305"),
        ("watchlight-blames-army", "watchlight", "korvalian-army", "meridian-0305"),
    )
    army = data["grades"]["army-blames-vlf"]
    assert army["grade"] == 5, army
    assert "not all agreeing" not in army["reason"], army


def test_opposing_sides_each_naming_its_own_answer_are_no_common_ground(
    make_store: Callable[..., Path],
) -> None:
    """The army says the rebels did it, the rebels say the army did, Watchlight says the
    militia: the sides agree on nothing against the militia (each names the other), so
    Watchlight's word is disputed by the sides, not doubtful as if a neutral origin
    contradicted it."""
    data = _blames(
        make_store,
        ("army-blames-vlf", "korvalian-army", "vlf", "korvalia-tv-0305"),
        ("vlf-blames-army", "vlf", "korvalian-army", "harbor-0305"),
        ("watchlight-blames-militia", "watchlight", "iron-hills-militia", "meridian-0305"),
    )
    watchlight = data["grades"]["watchlight-blames-militia"]
    assert watchlight["grade"] == 3, watchlight
    assert "not all agreeing among themselves" in watchlight["reason"], watchlight


# --- a relay of a retracted claim -----------------------------------------------------------

#: Northgate's dispatch of the 6th, citing the Harbor Times story of the 5th.
NORTHGATE_CITING = {
    "cites.yaml": "documents:\n  - {id: northgate-0306c, outlet: northgate-daily, "
    "published: 2031-03-06, cites: [harbor-0305]}\n"
}


def _retraction(make_store: Callable[..., Path], status: str, relayed: str) -> dict[str, Any]:
    return run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: harbor-0305, status: {status}}}",
            "{id: northgate-relay, subject: dresk-shelling, property: civilian_deaths, "
            f"value: {relayed}, source: northgate-0306c, "
            "quote: '30 civilians were killed, according to the Harbor Times'}",
            "{id: watchlight-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
            "source: meridian-0306, claimant: watchlight}",
            **NORTHGATE_CITING,
        )
    )


def test_a_relay_of_a_retracted_story_is_no_source_of_its_own(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times retracts its "30 civilians killed"; Northgate's article citing it
    still says 30 "according to the Harbor Times". That 30 has no source left: it
    disputes nobody (Watchlight's 19 stands uncontradicted), and its grade says what it
    relays. Before the retraction, or for a figure of Northgate's own, it stands."""
    data = _retraction(make_store, "retracted", "30")
    assert findings(data, "CC101") == []
    relay = data["grades"]["northgate-relay"]
    assert relay["grade"] == 6 and "relays harbor-30 (harbor-times), retracted" in relay["reason"]
    assert grade(data, "watchlight-19") == 3, data["grades"]["watchlight-19"]
    for status, relayed in (("active", "30"), ("retracted", "25")):
        standing = _retraction(make_store, status, relayed)
        assert findings(standing, "CC101"), (status, relayed)
        assert standing["grades"]["northgate-relay"]["grade"] != 6, (status, relayed)


def test_a_figure_quoted_from_someone_else_is_not_the_retracted_storys(
    make_store: Callable[..., Path],
) -> None:
    """Northgate's article cites the retracted Harbor Times story but quotes Watchlight's
    own 30: Watchlight's word, not the story's — it stands."""
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            "source: harbor-0305, status: retracted}",
            "{id: northgate-watchlight, subject: dresk-shelling, property: civilian_deaths, "
            "value: 30, source: northgate-0306c, claimant: watchlight}",
            "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            **NORTHGATE_CITING,
        )
    )
    assert data["grades"]["northgate-watchlight"]["grade"] != 6
    assert findings(data, "CC101"), data["findings"]


def test_a_party_quoted_from_its_own_deleted_post_is_the_post_withdrawn(
    make_store: Callable[..., Path],
) -> None:
    """State television posts "more than 40" in its own voice — the government's word —
    then deletes it (retracted). Northgate, citing the post, writes "more than 40, the
    government said": the deleted post relayed, not a word of the government's that
    stands against Watchlight's 19 or revises the army's 12 of the day before."""
    data = run(
        world(
            make_store,
            "{id: army-12, subject: dresk-shelling, property: civilian_deaths, value: 12, "
            "source: harbor-0305, claimant: korvalian-army}",
            "{id: tv-post, subject: dresk-shelling, property: civilian_deaths, "
            "value: more than 40, source: korvalia-tv-0305, status: retracted}",
            "{id: northgate-gov, subject: dresk-shelling, property: civilian_deaths, "
            "value: more than 40, source: northgate-0306c, claimant: korvalia-government}",
            "{id: watchlight-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
            "source: meridian-0306, claimant: watchlight}",
            **{
                "cites.yaml": "documents:\n  - {id: northgate-0306c, outlet: northgate-daily, "
                "published: 2031-03-06, cites: [korvalia-tv-0305]}\n"
            },
        )
    )
    relay = data["grades"]["northgate-gov"]
    assert relay["grade"] == 6 and "relays tv-post" in relay["reason"], relay
    assert findings(data, "CC105") == [], data["findings"]
    (dispute,) = findings(data, "CC101")
    assert "northgate-gov" not in dispute["claims"], dispute


@pytest.mark.parametrize("cites", [False, True])
def test_a_paper_named_as_the_source_of_its_retracted_figure_takes_it_back(
    make_store: Callable[..., Path], cites: bool
) -> None:
    """The Harbor Times quotes Open Ward's 30, then retracts the story. Northgate writes
    "30, according to the Harbor Times" (recorded with the paper as claimant), citing the
    story or not: the paper's report, taken back — not the paper's own word that stands
    against the army's 5."""
    citing = NORTHGATE_CITING if cites else {}
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            "source: harbor-0305, claimant: open-ward, status: retracted}",
            "{id: northgate-per-harbor, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 30, source: {'northgate-0306c' if cites else 'northgate-0306'}, "
            "claimant: harbor-times}",
            "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            **citing,
        )
    )
    relay = data["grades"]["northgate-per-harbor"]
    assert relay["grade"] == 6 and "relays harbor-30 (open-ward), retracted" in relay["reason"]
    assert findings(data, "CC101") == [], data["findings"]


def test_a_copy_of_a_retracted_story_stays_withdrawn_beside_another_relay_of_it(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times' retracted story quotes Open Ward's 30. Eastwind prints the same
    sentence the next day, citing nothing (a copy: withdrawn with the story). Northgate
    then writes "30, per Open Ward", citing the story: that relay of the retracted story
    is no word of Open Ward's that keeps Eastwind's copy in print."""
    sentence = "quote: 'Thirty bodies were brought in, the director of Open Ward said.'"
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: harbor-0305, claimant: open-ward, status: retracted, {sentence}}}",
            "{id: eastwind-copy, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 30, source: eastwind-0306, {sentence}}}",
            "{id: northgate-per-ward, subject: dresk-shelling, property: civilian_deaths, "
            "value: 30, source: northgate-0306c, claimant: open-ward}",
            "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            **NORTHGATE_CITING,
        )
    )
    for cid in ("eastwind-copy", "northgate-per-ward"):
        assert data["grades"][cid]["grade"] == 6, (cid, data["grades"][cid])
    assert estimate(data, "dresk-shelling", "civilian_deaths") is None, data["estimates"]


# --- a floor independent origins confirm ----------------------------------------------------


def _deaths(*figures: tuple[str, str, str], prop: str = "civilian_deaths") -> list[str]:
    """Claims on a Dresk toll: (id, value, claimant), all in one dispatch."""
    return [
        f"{{id: {cid}, subject: dresk-shelling, property: {prop}, "
        f"value: '{value}', source: meridian-0305, claimant: {who}}}"
        for cid, value, who in figures
    ]


#: The army's own losses: what it says of them concedes a floor.
SOLDIERS = {
    "prop.yaml": "properties:\n  - {id: soldiers_killed, type: quantity, cumulative: true, "
    "losses_of: korvalia-government}\n"
}


def test_a_figure_below_a_confirmed_floor_is_no_credible_low(
    make_store: Callable[..., Path],
) -> None:
    """The army concedes 15 of its soldiers killed; the hospital counted at least 31,
    which the medical sources' "about 40" bears out (graded confirmed). A desk would
    not publish "15-40", repeating the army's understatement: the low is the confirmed
    floor, and the basis says what was left out. With the floor unconfirmed (the
    hospital alone), the army's 15 is the low as before."""
    rows = _deaths(
        ("army-15", "15", "korvalian-army"),
        ("ward-31", "at least 31", "open-ward"),
        ("medics-40", "about 40", "dresk-medical-sources"),
        prop="soldiers_killed",
    )
    data = run(world(make_store, *rows, **SOLDIERS))
    assert grade(data, "ward-31") == 1, data["grades"]["ward-31"]
    est = estimate(data, "dresk-shelling", "soldiers_killed")
    assert est is not None and est["low"] == 31 and est["claims"]["low"] == ["ward-31"], est
    assert (
        "left out as below the floor of at least 31 that independent origins confirm "
        "(open-ward, borne out by dresk-medical-sources): 15 (korvalian-army)" in est["basis"]
    ), est["basis"]
    alone = run(world(make_store, *rows[:2], **SOLDIERS))
    est = estimate(alone, "dresk-shelling", "soldiers_killed")
    assert est is not None and est["low"] == 15, est


def test_a_lower_floor_is_not_the_low_under_a_confirmed_higher_one(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight's "at least 20" and Open Ward's "at least 40" (borne out by the medical
    sources' 45) both hold: the toll is at least 40, so 20 is not the low."""
    rows = _deaths(
        ("watchlight-20", "at least 20", "watchlight"),
        ("ward-40", "at least 40", "open-ward"),
        ("medics-45", "45", "dresk-medical-sources"),
    )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None and (est["low"], est["best"]) == (40, 45), est


def _ward(value: str, day: str, doc: str) -> str:
    return (
        f"{{id: ward-{value}-{day}, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {value}, source: {doc}, claimant: open-ward, as_of: 2031-03-{day}}}"
    )


def test_a_figure_in_print_after_a_rise_and_a_correction_is_still_the_old_word(
    make_store: Callable[..., Path],
) -> None:
    """The medics' 47, their 50 the next day, then 38: the Harbor Times's 47 on the 9th
    is their withdrawn figure still in print (a review's case), withdrawn on the 7th. A
    range or "more than 47" is not how a relay prints 47: those stay the paper's own."""
    rows = (
        _ward("47", "05", "meridian-0305"),
        _ward("50", "06", "meridian-0306"),
        _ward("38", "07", "northgate-0307"),
    )
    data = run(world(make_store, *rows, _paper("harbor", "0309", "47"), **LATER_PAPERS))
    (lowered,) = findings(data, "CC106")
    assert lowered["message"].endswith("still in print after: 47 (harbor-times, 2031-03-09)")
    for printed in ("40-47", "more than 47"):
        paper = (
            "{id: harbor-print, subject: dresk-shelling, property: civilian_deaths, "
            f"value: '{printed}', source: harbor-0309}}"
        )
        data = run(world(make_store, *rows, paper, **LATER_PAPERS))
        assert not any("in print" in f["message"] for f in data["findings"]), printed


def test_two_outlets_counting_below_a_raised_figure_are_a_count_not_a_reprint(
    make_store: Callable[..., Path],
) -> None:
    """The ministry raised its "at least 30" to 47; the Harbor Times and the Northgate
    Daily each give 30 of their own on the 7th and the 9th. Two outlets agreeing below a
    party's raised toll are what a dispute looks like: neither is taken for the
    ministry's old word (a review's case)."""
    data = _raised(make_store, _paper("harbor", "0307", "30"), _paper("northgate", "0309", "30"))
    assert not any("in print" in f["message"] for f in data["findings"])
    assert any("30 [" in f["message"] for f in findings(data, "CC101")), data["findings"]


def test_a_retracted_storys_relay_is_withdrawn_unless_its_figure_still_stands(
    make_store: Callable[..., Path],
) -> None:
    """Northgate's 30 relaying the retracted Harbor Times story is withdrawn even when
    its own article also holds a claim it retracted; it stands when another document it
    cites still gives 30, or when it says "more than 30" (not how a relay prints 30). A
    withdrawn relay is still checked for the store's integrity: dated after its own
    article, it is an anachronism (CC301). (A review's cases.)"""
    base = (
        "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: harbor-0305, status: retracted}"
    )

    def relay(value: str, more: str = "") -> str:
        return (
            "{id: northgate-relay, subject: dresk-shelling, property: civilian_deaths, "
            f"value: '{value}', source: northgate-0306c{more}}}"
        )

    own_retraction = (
        "{id: northgate-12, subject: dresk-shelling, property: civilian_deaths, value: 12, "
        "source: northgate-0306c, status: retracted}"
    )
    data = run(world(make_store, base, relay("30"), own_retraction, **NORTHGATE_CITING))
    assert grade(data, "northgate-relay") == 6, data["grades"]["northgate-relay"]
    live = {
        "cites.yaml": NORTHGATE_CITING["cites.yaml"].replace(
            "cites: [harbor-0305]", "cites: [harbor-0305, meridian-0306]"
        )
    }
    watch = (
        "{id: watchlight-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: meridian-0306, claimant: watchlight}"
    )
    for rows, files in (((relay("30"), watch), live), ((relay("more than 30"),), NORTHGATE_CITING)):
        data = run(world(make_store, base, *rows, **files))
        assert grade(data, "northgate-relay") != 6, rows
    late = run(world(make_store, base, relay("30", ", as_of: 2031-03-20"), **NORTHGATE_CITING))
    assert grade(late, "northgate-relay") == 6
    assert any("northgate-relay" in f["claims"] for f in findings(late, "CC301")), late["findings"]


def test_a_relay_of_an_undated_statement_holds_as_of_its_own_day(
    make_store: Callable[..., Path],
) -> None:
    """The VLF's statement carries no date; the Lantern wire relays its 70 on the 6th.
    The relay's figure holds as of the 6th (the latest it can have been said), not
    "undated": the dispute with the medics' 31 of the 5th names both days."""
    docs = {
        "docs.yaml": "documents:\n"
        "  - {id: vlf-statement, outlet: pinecrest-post}\n"
        "  - {id: lantern-relay, outlet: lantern-wire, published: 2031-03-06, "
        "cites: [vlf-statement]}\n"
    }
    rows = (
        "{id: vlf-70, subject: dresk-shelling, property: civilian_deaths, value: 70, "
        "source: vlf-statement, claimant: vlf}",
        "{id: wire-70, subject: dresk-shelling, property: civilian_deaths, value: 70, "
        "source: lantern-relay, claimant: vlf}",
        "{id: ward-31, subject: dresk-shelling, property: civilian_deaths, value: 31, "
        "source: meridian-0305, claimant: open-ward}",
    )
    (dispute,) = findings(run(world(make_store, *rows, **docs)), "CC101")
    assert "31 [open-ward via meridian as of 2031-03-05]" in dispute["message"], dispute["message"]
    assert "vlf via lantern-wire as of 2031-03-06" in dispute["message"], dispute["message"]


def test_a_confirmed_floor_still_binds_once_the_count_moves_on(
    make_store: Callable[..., Path],
) -> None:
    """The hospital's "at least 31" of the 2nd, borne out by the medics' "about 40", is
    raised to "at least 45" on the 4th, the day the army concedes 15: the toll only
    grows, so the floor confirmed on the 2nd still binds — more evidence does not let
    the army's understatement back in as the low (a review's case)."""
    soldiers = {
        "prop.yaml": "properties:\n  - {id: soldiers, type: quantity, cumulative: true, "
        "losses_of: korvalia-government}\n"
    }

    def row(cid: str, value: str, who: str, day: str) -> str:
        return (
            f"{{id: {cid}, subject: saltmarsh-clashes, property: soldiers, value: '{value}', "
            f"source: meridian-0305, claimant: {who}, as_of: 2031-03-{day}}}"
        )

    rows = (
        row("ward-31", "at least 31", "open-ward", "02"),
        row("medics-40", "about 40", "dresk-medical-sources", "02"),
        row("ward-45", "at least 45", "open-ward", "04"),
        row("army-15", "15", "korvalian-army", "04"),
    )
    est = estimate(run(world(make_store, *rows, **soldiers)), "saltmarsh-clashes", "soldiers")
    assert est is not None and est["low"] >= 31, est
    assert "army-15" not in {c for ids in est["claims"].values() for c in ids}, est


def test_a_best_among_floors_counts_its_own_support(make_store: Callable[..., Path]) -> None:
    """Only floors: the hospital's confirmed "at least 31", the medics' "more than 35",
    Watchlight's "at least 20" (which says less than the 31). The best is the 31 with
    its own support, not the 20's (a review's case)."""
    rows = _deaths(
        ("ward-31", "at least 31", "open-ward"),
        ("medics-35", "more than 35", "dresk-medical-sources"),
        ("watchlight-20", "at least 20", "watchlight"),
    )
    data = run(world(make_store, *rows))
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 31, est
    assert est["best_origins"] == data["grades"]["ward-31"]["supporting_origins"], est


@pytest.mark.parametrize("paper", ["a-harbor", "z-harbor"])
def test_a_paper_copying_a_communique_is_credited_to_the_party_whatever_the_ids(
    make_store: Callable[..., Path], paper: str
) -> None:
    """The defence ministry's communiqué, quoted by Meridian, and the Harbor Times running
    the same words in its own voice, citing nobody: a suspected relay of the ministry's
    statement — credited to the ministry, never the ministry's word to the paper (an
    analyst's trial: the basis named "au moins 34 (daily-star)")."""
    quote = "quote: 'At least 30 civilians were killed in the market, the ministry said.'"
    rows = (
        "{id: mod-30, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 30, source: meridian-0305, claimant: defence-ministry, {quote}}}",
        f"{{id: {paper}, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 30, source: harbor-0305, {quote}}}",
    )
    store = load_store(world(make_store, *rows))
    ev = StoreEvidence(store).group(("dresk-shelling", "civilian_deaths"))
    ministry = ev.origins_by_claim["mod-30"]
    assert ev.credited["mod-30"] == ministry and ev.credited[paper] == ministry
    assert "mod-30" not in ev.relayed_from and ev.relayed_from[paper].id == "mod-30"


def test_a_paper_copying_a_communique_is_revised_with_the_party(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times runs the ministry's "at least 30" word for word, citing nobody;
    the next day the ministry says 42. The paper's copy is the ministry's old word,
    revised with it: no longer a figure in the dispute with the rebels' 5 (an analyst's
    trial: a television's copy of a ministry's revised "at least 12" still stood in the
    dispute under the television's name)."""
    quote = "quote: 'At least 30 civilians were killed in the market, the ministry said.'"
    rows = (
        "{id: mod-30, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 30, source: meridian-0305, claimant: defence-ministry, {quote}}}",
        "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 30, source: harbor-0305, {quote}}}",
        "{id: mod-42, subject: dresk-shelling, property: civilian_deaths, "
        "value: 42, source: meridian-0306, claimant: defence-ministry}",
        "{id: vlf-5, subject: dresk-shelling, property: civilian_deaths, "
        "value: 5, source: lantern-0306, claimant: vlf}",
    )
    data = run(world(make_store, *rows))
    (dispute,) = findings(data, "CC101", "dresk-shelling")
    assert "at least 30" not in dispute["message"], dispute["message"]
    assert set(dispute["claims"]) == {"mod-42", "vlf-5"}, dispute
    assert data["grades"]["harbor-30"]["reason"].startswith("an earlier count"), data["grades"]
    # The copy is still the suspected relay it was (CC206), until a person reviews it.
    assert [f["claims"] for f in findings(data, "CC206")] == [["harbor-30", "mod-30"]]


def test_a_count_below_one_of_its_day_stays_in_dispute_when_that_one_grows(
    make_store: Callable[..., Path],
) -> None:
    """On the 5th Open Ward counts 10 dead and Watchlight 18; on the 6th Watchlight
    says 19. The 19 overtakes the 10 (a toll grows, modestly, the next day), but the 10
    was disputed by a count of its own day: Watchlight's routine update does not
    dissolve that dispute (before, the check said nothing but CC105)."""
    rows = (
        "{id: ward-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: open-ward}",
        "{id: watch-18, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: harbor-0305, claimant: watchlight}",
        "{id: watch-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
        "source: harbor-0306, claimant: watchlight}",
    )
    data = run(world(make_store, *rows))
    (dispute,) = findings(data, "CC101", "dresk-shelling")
    assert set(dispute["claims"]) == {"ward-10", "watch-18"}, dispute
    # The message says which count is of the 5th and what Watchlight says now.
    assert (
        "10 [open-ward via meridian as of 2031-03-05]; 18 [watchlight via harbor-times as of "
        "2031-03-05, since raised to 19 (2031-03-06)]" in dispute["message"]
    ), dispute
    # The 10 is the lower side of that dispute, judged in it as it was before the
    # update (not an earlier count the 19 overtook): the same grade and estimate.
    before = run(world(make_store, rows[0], rows[1]))
    assert data["grades"]["ward-10"] == before["grades"]["ward-10"], data["grades"]
    assert "overtook" not in data["grades"]["ward-10"]["reason"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    est_before = estimate(before, "dresk-shelling", "civilian_deaths")
    assert est is not None and est_before is not None
    assert (est["low"], est["high"]) == (est_before["low"], 19), (est, est_before)
    # Without Watchlight's count of the 5th there was no dispute to keep.
    quiet = run(world(make_store, rows[0], rows[2]))
    assert not findings(quiet, "CC101"), quiet["findings"]


def test_a_toll_moving_within_a_day_is_no_dispute_when_one_count_is_raised(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight's daily toll, 100, 112, 125 on the 5th, 6th and 7th (Meridian); the
    Harbor Times counts 95 on the 5th and says no more. The 95 is under Watchlight's
    100 of its day by less than Watchlight's toll rose in a day: the toll moving within
    the day, not a dispute kept after Watchlight's next figure (an analyst's review:
    same-day gaps in a daily toll became permanent errors)."""
    rows = [
        "{id: harbor-95, subject: dresk-shelling, property: civilian_deaths, value: 95, "
        "source: harbor-0305}",
    ]
    days = [("0305", "2031-03-05", 100), ("0306", "2031-03-06", 112)]
    rows += [
        f"{{id: watch-{n}, subject: dresk-shelling, property: civilian_deaths, value: {n}, "
        f"source: meridian-{doc}, claimant: watchlight}}"
        for doc, _, n in days
    ]
    rows.append(
        "{id: watch-125, subject: dresk-shelling, property: civilian_deaths, value: 125, "
        "source: meridian-0306, claimant: watchlight, as_of: 2031-03-07}"
    )
    data = run(world(make_store, *rows))
    assert not findings(data, "CC101"), [f["message"] for f in findings(data, "CC101")]
    # A gap wider than a day's rise is a dispute: the Harbor Times's 80 that day.
    rows[0] = rows[0].replace("value: 95", "value: 80").replace("harbor-95", "harbor-80")
    (dispute,) = findings(run(world(make_store, *rows)), "CC101", "dresk-shelling")
    assert set(dispute["claims"]) == {"harbor-80", "watch-100"}, dispute


def test_a_copy_of_party_media_is_revised_with_the_party(
    make_store: Callable[..., Path],
) -> None:
    """Korvalia State Television (the government's own media) says "At least 12 killed"
    in its own voice; the Harbor Times runs the same words; the next day the ministry
    says 20. The paper's copy is the government's word, revised with it (an analyst's
    review: the copy of a party's own channel stayed in the dispute as the paper's)."""
    quote = "quote: 'At least 12 people were killed in the market.'"
    rows = (
        "{id: tv-12, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 12, source: korvalia-tv-0305, {quote}}}",
        "{id: harbor-12, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 12, source: harbor-0305, {quote}}}",
        "{id: mod-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        "source: meridian-0306, claimant: defence-ministry}",
        "{id: vlf-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
        "source: lantern-0306, claimant: vlf}",
    )
    data = run(world(make_store, *rows))
    (dispute,) = findings(data, "CC101", "dresk-shelling")
    assert set(dispute["claims"]) == {"mod-20", "vlf-2"}, dispute
    assert data["grades"]["harbor-12"]["reason"].startswith("an earlier count"), data["grades"]


def test_an_outlet_that_printed_the_words_first_keeps_its_count(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times writes "At least 9 bodies were brought to the hospital" on the
    5th; on the 6th Meridian quotes the defence ministry in the same words, and the
    ministry says 30 later that day. The paper printed it first: its count is its own,
    not the ministry's word revised with it (an analyst's review)."""
    quote = "quote: 'At least 9 bodies were brought to the hospital.'"
    rows = (
        "{id: harbor-9, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 9, source: harbor-0305, {quote}}}",
        "{id: mod-9, subject: dresk-shelling, property: civilian_deaths, "
        f"value: at least 9, source: meridian-0306, claimant: defence-ministry, {quote}}}",
        "{id: mod-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: lantern-0306, claimant: defence-ministry}",
    )
    data = run(world(make_store, *rows))
    assert "earlier count" not in data["grades"]["harbor-9"]["reason"], data["grades"]
    store = load_store(world(make_store, *rows))
    ev = StoreEvidence(store).group(("dresk-shelling", "civilian_deaths"))
    assert "harbor-9" not in ev.superseded and ev.relayed_from["mod-9"].id == "harbor-9"


def test_an_estimate_stays_when_an_origin_revises_its_figure_to_agree(
    make_store: Callable[..., Path],
) -> None:
    """Open Ward counts 10 on the 5th, Watchlight 18; on the 6th Open Ward says 18 too.
    The origins differed, so the toll is still estimated — 18, from both, with the 10
    named as revised — instead of the estimate vanishing as evidence came in (DESIGN
    §4: an estimate never vanishes; an analyst's trial)."""
    rows = [
        "{id: ward-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: open-ward}",
        "{id: watch-18, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: harbor-0305, claimant: watchlight}",
    ]
    before = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert before is not None
    rows.append(
        "{id: ward-18, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: meridian-0306, claimant: open-ward}"
    )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"], est["best_origins"]) == (18, 18, 18, 2), est
    assert est["basis"].endswith("a figure its origin revised since: 10 (open-ward)"), est
    # One origin revising itself, with nobody else, is a revision (CC105), no estimate.
    alone = run(world(make_store, rows[0], rows[2]))
    assert estimate(alone, "dresk-shelling", "civilian_deaths") is None


def test_a_best_at_a_ranges_lower_end_says_the_support_is_the_ranges(
    make_store: Callable[..., Path],
) -> None:
    """Open Ward counts 10, Watchlight 18, and the Harbor Times writes "between 10 and
    18": the range has the most support (both counts lie within it), and the best is
    its lower end, 10. The basis says the support is the range's, not the 10's —
    Watchlight's 18 does not back the 10 (an analyst's trial: "best 10: the figure
    given by open-ward, harbor-times, supported by 3 independent origins")."""
    rows = (
        "{id: ward-10, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: open-ward}",
        "{id: watch-18, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: lantern-0305, claimant: watchlight}",
        "{id: harbor-range, subject: dresk-shelling, property: civilian_deaths, "
        "value: between 10 and 18, source: harbor-0305}",
    )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 10, est
    assert est["basis"].startswith(
        "best 10: the figure given by open-ward, and the lower end of the range between 10 "
        "and 18 given by harbor-times, the range supported by 3 independent origins"
    ), est


def test_a_best_from_a_floor_is_called_a_bound(make_store: Callable[..., Path]) -> None:
    """Open Ward's "at least 30" against the army's 0: the best, 30, is the bound Open
    Ward gave, not a figure (an analyst's trial: "best 30: the figure given by
    hospital" for an "at least 30")."""
    rows = (
        "{id: ward-30, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 30, source: meridian-0305, claimant: open-ward}",
        "{id: army-0, subject: dresk-shelling, property: civilian_deaths, value: 0, "
        "source: lantern-0305, claimant: korvalian-army}",
    )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 30, est
    assert est["basis"].startswith("best 30: the bound given by open-ward"), est


def test_an_estimate_resting_on_one_anonymous_source_says_its_basis_is_weak(
    make_store: Callable[..., Path],
) -> None:
    """ "Medical sources in Dresk" (anonymous) say 40; the army says 3, left out as a
    party's figure a neutral origin contradicts. The estimate rests on one anonymous
    source and says so (an analyst's trial: 40/40/40 with no word of its weakness);
    with Open Ward's named 40 beside it, it does not."""
    rows = [
        "{id: medics-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: meridian-0305, claimant: dresk-medical-sources}",
        "{id: army-3, subject: dresk-shelling, property: civilian_deaths, value: 3, "
        "source: lantern-0305, claimant: korvalian-army}",
    ]
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 40, est
    assert est["basis"].endswith("its best rests on one anonymous source, so the basis is weak")
    rows.append(
        "{id: ward-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0305, claimant: open-ward}"
    )
    est = estimate(run(world(make_store, *rows)), "dresk-shelling", "civilian_deaths")
    assert est is not None and "weak" not in est["basis"], est


def test_a_partys_count_raised_weeks_later_stays_in_the_dispute_of_its_day(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: during the clashes, anonymous medics say "at least 175"; the
    next day the ministry says 158 and the VLF "fewer than 50"; three weeks on, after
    mass graves are found, the ministry says 520. The finding named only the VLF against
    the anonymous medics: the ministry's 158, raised since, is its count of that day and
    as much in the dispute with the VLF's figure."""
    late = "  - {id: meridian-0326, outlet: meridian, published: 2031-03-26}\n"
    rows = (
        "{id: med-175, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: at least 175, source: meridian-0302, claimant: dresk-medical-sources}",
        "{id: mod-158, subject: saltmarsh-clashes, property: civilian_deaths, value: 158, "
        "source: harbor-0305, claimant: defence-ministry, as_of: 2031-03-03}",
        "{id: vlf-50, subject: saltmarsh-clashes, property: civilian_deaths, "
        "value: fewer than 50, source: lantern-0305, claimant: vlf, as_of: 2031-03-03}",
        "{id: mod-520, subject: saltmarsh-clashes, property: civilian_deaths, value: 520, "
        "source: meridian-0326, claimant: defence-ministry}",
    )
    root = world(make_store, *rows, **{"late.yaml": "documents:\n" + late})
    data = run(root)
    (dispute,) = findings(data, "CC101", "saltmarsh-clashes")
    assert {"mod-158", "vlf-50"} <= set(dispute["claims"]), dispute
    assert (
        "158 [defence-ministry via harbor-times as of 2031-03-03, since raised to 520"
        in (dispute["message"])
    )
    assert ["mod-158", "vlf-50"] in dispute["pairs"]


def test_a_grade_counts_its_origins_as_its_words_add_up() -> None:
    """ "confirmed by 2 independent origins (2 neutral, 1 anonymous)" read as three
    origins (an analyst's trial): the anonymous ones are among the neutral ones, and
    the neutral ones and the sides named add up to the count given."""
    result = check(load_store(KIDAL)).as_dict()
    said = [g["reason"] for g in result["grades"].values()]
    counted = re.compile(r"(\d+) independent origins? \(([^)]*)\)")
    seen = 0
    for reason in said:
        for total, parts in counted.findall(reason):
            neutral = re.match(r"(\d+) neutral", parts)
            sides = re.search(r"sides? ([^;]*?)(?:, agreeing)?$", parts)
            named_sides = len(sides.group(1).split(", ")) if sides else 0
            assert (int(neutral.group(1)) if neutral else 0) + named_sides == int(total), reason
            assert not re.search(r"neutral, \d+ anonymous", parts), reason
            seen += "of them anonymous" in parts
    assert seen, "the Kidal store has a count with anonymous origins among the neutral"


@pytest.mark.parametrize(
    ("witness", "grade", "why"),
    [
        (
            "source: meridian-0305, claimant: meridian-reporter",
            1,
            "the army and a reporter's own account: independent origins agree, one "
            "neutral (DESIGN §4), confirmed",
        ),
        (
            "source: meridian-0305",
            3,
            "the paper's own 40, unattributed, the day the army said 40: probably the "
            "army's word printed without its name (CC206), until a person reviews it",
        ),
        (
            "source: meridian-0305, claimant: dresk-medical-sources",
            2,
            "an anonymous source and the army: the neutral support weighs half a named "
            "origin's, not enough to confirm",
        ),
        (
            "source: harbor-0305, claimant: iron-hills-militia",
            3,
            "the army's ally: one side, however many of its claimants, confirms nothing",
        ),
    ],
)
def test_a_sides_word_borne_out_by_a_named_neutral_origin_is_confirmed(
    make_store: Callable[..., Path], witness: str, grade: int, why: str
) -> None:
    """A new user's report: the army says 40 hostages were released; a reporter's own
    account of the release says 40 too. DESIGN §4 grades 1 "independent origins agree,
    at least one neutral, no neutral origin against"; claimcheck graded it 2 ("not
    enough neutral origins"), asking for two neutral origins."""
    data = run(
        world(
            make_store,
            "{id: army-40, subject: ferry-hostages, property: hostages_released, value: 40, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
            f"{{id: witness-40, subject: ferry-hostages, property: hostages_released, "
            f"value: 40, {witness}}}",
            # (the reporter at the port, on the record: a voice of its own)
            **{
                "reporter.yaml": "parties:\n  - {id: meridian-reporter, "
                "name: Meridian's reporter, kind: journalist}\n"
            },
        )
    )
    army = data["grades"]["army-40"]
    assert army["grade"] == grade, (why, army)
    assert data["grades"]["witness-40"]["grade"] == grade, why


#: The world with the Harbor Times of 6 March citing Meridian's dispatch of the 5th.
HARBOR_CITES_MERIDIAN = WORLD.replace(
    "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06}",
    "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, cites: [meridian-0305]}",
)
assert HARBOR_CITES_MERIDIAN != WORLD


def harbor_citing_meridian(make_store: Callable[..., Path], *rows: str) -> dict[str, Any]:
    """The check of ``rows`` in the world where the Harbor Times' dispatch of the 6th
    cites Meridian's of the 5th."""
    return run(
        make_store(
            {"world.yaml": HARBOR_CITES_MERIDIAN, "claims.yaml": claims_yaml(*rows)}, base=False
        )
    )


@pytest.mark.parametrize(
    ("quoted", "rule", "why"),
    [
        ("20", "CC107", "the dispatch's number, its qualifier dropped: a relay's slip"),
        ("25", "CC105", "another number the dispatch allows: the ministry's new figure"),
        ("12", "CC107", "a number the dispatch's cannot hold with: a misquote of it"),
        ("12, as_of: 2031-03-06", "CC106", "a date the user wrote: the ministry's word of it"),
        ("20, as_of: 2031-03-06", "CC106", "a date the user wrote: the ministry's word of it"),
    ],
)
def test_a_paper_citing_the_wire_a_day_later_relays_the_ministrys_statement(
    make_store: Callable[..., Path], quoted: str, rule: str, why: str
) -> None:
    """A newsroom desk's trial: Meridian reports "more than 20 killed, the ministry said"
    on the day of the shelling; the next day the Harbor Times, citing Meridian, writes "20 were killed, the ministry
    said" (no date of its own); a hospital counts 23. claimcheck read the ministry as
    lowering its toll (CC106), put the paper's 20 in a dispute with the hospital (CC101,
    an error) and graded the ministry's communiqué doubtful. DESIGN §3, CC107: "when the
    difference lies between outlets relaying one statement (one drops 'more than'), the
    message says so and names the relays"."""
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 20, source: meridian-0305, claimant: defence-ministry, "
        "as_of: 2031-03-04}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {quoted}, source: harbor-0306, claimant: defence-ministry}}",
        "{id: hospital-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    rules = {f["rule"] for f in data["findings"]}
    assert rule in rules, (why, data["findings"])
    if rule == "CC107":
        assert not rules & {"CC101", "CC105", "CC106"}, (why, data["findings"])
        (cc107,) = findings(data, "CC107")
        relays = cc107["message"].partition("relayed differently: ")[2].partition(";")[0]
        assert sorted(re.findall(r" in ([a-z-]+)", relays)) == ["harbor-times", "meridian"], cc107
        assert data["grades"]["mod-meridian"]["grade"] != 4, data["grades"]["mod-meridian"]
        # (a misquote is no figure of the ministry's: the estimate does not weigh it)
        (estimate,) = data["estimates"]
        assert "12" not in estimate["basis"], estimate


def test_a_paper_misquoting_the_dispatch_it_cites_gives_the_ministry_no_new_figure(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Meridian reports the ministry's 47 dead; the next day the
    Harbor Times, citing Meridian, writes "74 were killed, the ministry said" (digits
    swapped); a hospital counts 31. claimcheck read the ministry as raising its toll to
    74 (CC105), set 74 against the hospital and left the ministry's 47 out of the
    dispute and the estimate: the desk would have printed a figure the ministry never
    gave. The 74 is a misquote of the 47 (CC107 names the relay); the 47 stands."""
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, "
        "value: 47, source: meridian-0305, claimant: defence-ministry}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, "
        "value: 74, source: harbor-0306, claimant: defence-ministry}",
        "{id: hospital-31, subject: dresk-shelling, property: civilian_deaths, value: 31, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    rules = {f["rule"] for f in data["findings"]}
    assert "CC105" not in rules, data["findings"]
    (cc107,) = findings(data, "CC107")
    assert "47 in meridian vs 74 in harbor-times" in cc107["message"], cc107
    (cc101,) = findings(data, "CC101")
    assert "47 [" in cc101["message"] and "74" not in cc101["message"], cc101
    (estimate,) = data["estimates"]
    assert "47" in estimate["basis"] and "74" not in estimate["basis"], estimate
    # When the ministry raises its 47 to 52, the misquote is revised with the 47 it
    # carries — not "revised downward" because its own words said 74.
    raised = (
        *rows,
        "{id: mod-52, subject: dresk-shelling, property: civilian_deaths, value: 52, "
        "source: eastwind-0306, claimant: defence-ministry}",
    )
    data = harbor_citing_meridian(make_store, *raised)
    # (and the misquote's own figure is graded as printed: nobody's word — not the
    # ministry's count of its day, nor "revised downward")
    harbor, meridian = data["grades"]["mod-harbor"], data["grades"]["mod-meridian"]
    assert meridian["grade"] == 3 and "downward" not in meridian["reason"], meridian
    assert harbor["grade"] == 6 and "cannot be judged as printed" in harbor["reason"], harbor
    assert "downward" not in harbor["reason"], harbor


def test_a_quote_of_a_figure_its_voice_gives_elsewhere_is_no_misquote(
    make_store: Callable[..., Path],
) -> None:
    """The ministry's 47 in a dispatch of the 5th, its 74 on its own channel on the 6th;
    the Harbor Times of the 6th, citing the dispatch, quotes "74, the ministry said". The
    74 is the ministry's figure, given where the paper may have heard it: no misquote
    of the 47 (a reviewer's store: CC107 "relayed differently", and the paper's 74
    dated back to the 5th)."""
    rows = (
        "{id: mod-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
        "source: meridian-0305, claimant: defence-ministry}",
        "{id: mod-74, subject: dresk-shelling, property: civilian_deaths, value: 74, "
        "source: korvalia-tv-0306, claimant: defence-ministry}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, value: 74, "
        "source: harbor-0306, claimant: defence-ministry}",
    )
    world = HARBOR_CITES_MERIDIAN.replace(
        "documents:\n",
        "documents:\n  - {id: korvalia-tv-0306, outlet: korvalia-tv, published: 2031-03-06}\n",
        1,
    )
    data = judged(make_store, world, *rows)
    rules = {f["rule"] for f in data["findings"]}
    assert "CC107" not in rules and "CC105" in rules, data["findings"]
    assert "revised since" not in data["grades"]["mod-harbor"]["reason"], data["grades"]
    # A second paper copying the misquote from the first (citing it) is no word of the
    # ministry's: with no 74 of its own, the 74 stays a misquote (a reviewer's store: the
    # copy made it the ministry's revised figure).
    world = HARBOR_CITES_MERIDIAN.replace(
        "documents:\n",
        "documents:\n  - {id: eastwind-0307, outlet: eastwind-tv, published: 2031-03-07, "
        "cites: [harbor-0306]}\n",
        1,
    )
    copied = (
        rows[0],
        rows[2],
        "{id: mod-eastwind, subject: dresk-shelling, property: civilian_deaths, value: 74, "
        "source: eastwind-0307, claimant: defence-ministry}",
    )
    data = run(make_store({"world.yaml": world, "claims.yaml": claims_yaml(*copied)}, base=False))
    rules = {f["rule"] for f in data["findings"]}
    assert "CC107" in rules and "CC105" not in rules, data["findings"]


def test_a_paper_rewording_the_ministrys_statement_a_day_later_without_citing_it(
    make_store: Callable[..., Path],
) -> None:
    """As above, with no `cites`: the Harbor Times' undated "20, the ministry said" the
    day after Meridian's "more than 20, the ministry said" is that statement reworded,
    not the ministry lowering its toll (it was CC106, and every "more than 20" graded
    "revised downward since")."""
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 20, source: meridian-0305, claimant: defence-ministry}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        "source: harbor-0306, claimant: defence-ministry}",
        "{id: hospital-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = run(world(make_store, *rows))
    rules = {f["rule"] for f in data["findings"]}
    assert "CC106" not in rules, data["findings"]
    (cc107,) = findings(data, "CC107")
    relays = cc107["message"].partition("relayed differently: ")[2].partition(";")[0]
    assert sorted(re.findall(r" in ([a-z-]+)", relays)) == ["harbor-times", "meridian"], cc107
    assert "revised downward" not in data["grades"]["mod-meridian"]["reason"]


def test_a_qualifier_added_the_next_day_is_a_raise_not_a_rewording(
    make_store: Callable[..., Path],
) -> None:
    """Meridian quotes the ministry's 30; the next day the Harbor Times, citing nothing,
    quotes its "more than 30": the ministry raised its toll (CC105), which a rewording
    of the 30 would hide (a reviewer's store: it became CC107, "a relay dropped or added
    a qualifier")."""
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, "
        "value: 30, source: meridian-0305, claimant: defence-ministry}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 30, source: harbor-0306, claimant: defence-ministry}",
    )
    data = run(world(make_store, *rows))
    assert {f["rule"] for f in data["findings"]} >= {"CC105"}, data["findings"]
    assert findings(data, "CC107") == [], data["findings"]


@pytest.mark.parametrize(
    ("neutral", "challenged", "why"),
    [
        ("open-ward", True, "a named neutral count challenges the rebels' 45"),
        ("dresk-medical-sources", False, "one anonymous source weighs half: not"),
    ],
)
def test_one_anonymous_source_does_not_challenge_a_partys_figure(
    make_store: Callable[..., Path], neutral: str, challenged: bool, why: str
) -> None:
    """A conflict researcher's trial: the army's claim of 130 rebels killed was left out
    of the estimate (60/60/60) because one anonymous source ("security sources") gave
    60 — a figure of half a named origin's weight deciding the high alone. A party's
    figure a neutral origin contradicts is doubtful, not improbable: it stays in the
    range (DESIGN §4), and the basis says it is a party's figure a neutral origin
    contradicts only when that origin weighs as much as a named one."""
    data = run(
        world(
            make_store,
            "{id: vlf-45, subject: dresk-shelling, property: civilian_deaths, value: 45, "
            "source: harbor-0305, claimant: vlf}",
            "{id: neutral-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
            f"source: meridian-0305, claimant: {neutral}}}",
        )
    )
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None
    assert (est["low"], est["best"], est["high"]) == (20, 20, 45), (why, est)
    assert ("a party's figure a neutral origin contradicts: 45" in est["basis"]) is (challenged), (
        why,
        est["basis"],
    )


#: The Harbor Times' sentence, as a radio reads it out word for word.
HARBOR_SENTENCE = "quote: 'Thirty civilians were killed when the shells hit the market.'"
EASTWIND_0304 = {
    "early.yaml": "documents:\n  - {id: eastwind-0304, outlet: eastwind-tv, "
    "published: 2031-03-04}\n"
}


@pytest.mark.parametrize(
    ("read_out", "first", "withdrawn"),
    [
        ("eastwind-0306", False, True),
        ("eastwind-0305", False, True),
        ("eastwind-0304", False, False),
        ("eastwind-0306", True, False),
    ],
)
def test_a_retracted_storys_words_read_out_elsewhere_are_withdrawn_with_it(
    make_store: Callable[..., Path], read_out: str, first: bool, withdrawn: bool
) -> None:
    """Eastwind TV reads out the Harbor Times' sentence word for word, citing nobody,
    the day after (or the day) the Times printed it; the Times retracts the story.
    Eastwind's 30 is the retracted figure copied (a suspected relay: one sentence, one
    origin), not a count of its own: it disputes nobody, graded 6. Said the day before
    the Times printed it, it is Eastwind's own words (the Times may have copied them):
    it stands, and disputes Watchlight's 19 — as it does when the Pinecrest Post
    printed the words the day before the Times, and still stands by them."""
    pinecrest = (
        "{id: pinecrest-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        f"source: pinecrest-0304, {HARBOR_SENTENCE}}}"
    )
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: harbor-0305, status: retracted, {HARBOR_SENTENCE}}}",
            "{id: eastwind-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: {read_out}, {HARBOR_SENTENCE}}}",
            "{id: watchlight-19, subject: dresk-shelling, property: civilian_deaths, value: 19, "
            "source: meridian-0306, claimant: watchlight}",
            *([pinecrest] if first else []),
            **{
                "early.yaml": EASTWIND_0304["early.yaml"]
                + "  - {id: pinecrest-0304, outlet: pinecrest-post, published: 2031-03-04}\n"
            },
        )
    )
    copied = data["grades"]["eastwind-30"]
    if withdrawn:
        assert findings(data, "CC101") == []
        assert copied["grade"] == 6
        assert "relays harbor-30 (harbor-times), retracted" in copied["reason"]
    else:
        assert findings(data, "CC101"), data["findings"]
        assert copied["grade"] != 6


def test_a_sentence_read_out_the_next_day_is_the_papers_and_corrected_with_it(
    make_store: Callable[..., Path],
) -> None:
    """The Harbor Times prints "thirty killed" on the 5th; Eastwind TV reads out the
    same sentence on the 6th (a suspected relay, whatever the ids); the Times corrects
    its toll to 13 on the 6th, as Meridian's medical sources give it. Eastwind's 30 is
    the Times' figure, who printed it first, withdrawn with its correction — not a
    dispute of Eastwind's own against the 13, nor the Times' words credited to
    Eastwind."""
    data = run(
        world(
            make_store,
            "{id: a-eastwind-30, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 30, source: eastwind-0306, {HARBOR_SENTENCE}}}",
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: harbor-0305, {HARBOR_SENTENCE}}}",
            "{id: harbor-13, subject: dresk-shelling, property: civilian_deaths, value: 13, "
            "source: harbor-0306}",
            "{id: meridian-13, subject: dresk-shelling, property: civilian_deaths, value: 13, "
            "source: meridian-0306, claimant: dresk-medical-sources}",
        )
    )
    assert findings(data, "CC101") == [], data["findings"]
    (relay,) = findings(data, "CC206")
    assert (
        "eastwind-tv, harbor-times" in relay["message"]
        or "harbor-times, eastwind-tv" in (relay["message"])
    )
    assert grade(data, "a-eastwind-30") == grade(data, "harbor-30")
    assert (
        "revised downward since by the origin it relays (harbor-times)"
        in (data["grades"]["a-eastwind-30"]["reason"])
    )


ANONYMOUS_OFFICIAL = {
    "official.yaml": "parties:\n  - {id: dresk-official, name: A Dresk official (unnamed), "
    "kind: anonymous, anonymous: true}\n"
}


def _dresk(make_store: Callable[..., Path], *rows: tuple[str, str, str, str]) -> dict[str, Any]:
    """The Dresk shelling's civilian deaths: (id, value, source, claimant or '')."""
    return run(
        world(
            make_store,
            *(
                f"{{id: {cid}, subject: dresk-shelling, property: civilian_deaths, "
                f"value: {value}, source: {source}" + (f", claimant: {who}}}" if who else "}")
                for cid, value, source, who in rows
            ),
            **ANONYMOUS_OFFICIAL,
        )
    )


def test_two_anonymous_sources_agreeing_make_a_figure_probable_not_confirmed(
    make_store: Callable[..., Path],
) -> None:
    """Medical sources tell Meridian 27, an official who asked not to be named tells the
    Harbor Times 27: two independent origins, neither on the record — probably true (2),
    saying why. Watchlight's 27 on the record confirms it (1)."""
    rows = [
        ("meridian-27", "27", "meridian-0305", "dresk-medical-sources"),
        ("harbor-27", "27", "harbor-0305", "dresk-official"),
    ]
    data = _dresk(make_store, *rows)
    for cid in ("meridian-27", "harbor-27"):
        assert grade(data, cid) == 2, data["grades"][cid]
        assert "not confirmed: none of them on the record" in data["grades"][cid]["reason"]
    named = _dresk(make_store, *rows, ("watchlight-27", "27", "northgate-0305", "watchlight"))
    assert grade(named, "meridian-27") == 1, named["grades"]["meridian-27"]


def test_an_origin_giving_two_figures_that_day_confirms_neither(
    make_store: Callable[..., Path],
) -> None:
    """The same anonymous medical sources give Meridian 27 and Eastwind 19 on the day,
    and an official tells the Harbor Times 27: the medical sources stand against the 27
    as much as for it, and the official alone does not confirm it — probably true (2),
    not confirmed (DESIGN §4: no neutral origin against). With Northgate's own 27, the
    others confirm it without the medical sources (a named origin and an anonymous one,
    as two sources agreeing do)."""
    rows = [
        ("meridian-27", "27", "meridian-0305", "dresk-medical-sources"),
        ("eastwind-19", "19", "eastwind-0305", "dresk-medical-sources"),
        ("harbor-27", "27", "harbor-0305", "dresk-official"),
    ]
    data = _dresk(make_store, *rows)
    assert grade(data, "harbor-27") == 2, data["grades"]["harbor-27"]
    assert "also says otherwise" in data["grades"]["harbor-27"]["reason"]
    more = _dresk(make_store, *rows, ("northgate-27", "27", "northgate-0306", ""))
    assert grade(more, "harbor-27") == 1, more["grades"]["harbor-27"]


@pytest.mark.parametrize("steady", [False, True])
def test_two_origins_each_giving_two_figures_leave_the_third_to_confirm_alone(
    make_store: Callable[..., Path], steady: bool
) -> None:
    """Watchlight and Open Ward each give 27 and 19 on the day; only the Valley Courier
    gives 27 alone: one steady origin confirms nothing (2, "2 of them also say
    otherwise"). With Northgate's 27 too, two steady origins confirm it."""
    rows = [
        ("w-27", "27", "meridian-0305", "watchlight"),
        ("w-19", "19", "eastwind-0305", "watchlight"),
        ("o-27", "27", "harbor-0305", "open-ward"),
        ("o-19", "19", "northgate-0305", "open-ward"),
        ("v-27", "27", "valley-0305", ""),
    ]
    if steady:
        rows.append(("n-27", "27", "northgate-0306", ""))
    data = _dresk(make_store, *rows)
    assert grade(data, "v-27") == (1 if steady else 2), data["grades"]["v-27"]
    if not steady:
        assert "2 of them also say otherwise" in data["grades"]["v-27"]["reason"]


def test_an_estimate_resting_on_what_the_two_sides_agree_on_says_so(
    make_store: Callable[..., Path],
) -> None:
    """State television gives 12 dead in its own voice; the Harbor Times quotes the
    government's "at least 12" and the rebels' 30. The two sides agree on at least 12
    (common ground, weighing as a neutral origin), which the best rests on: the basis
    says the 12 is the government's figure and the bound the one two origins support,
    that every figure comes from a side, so the basis is weak — and the findings name
    the government, whose word state television speaks, not the channel."""
    data = run(
        world(
            make_store,
            "{id: tv-12, subject: dresk-shelling, property: civilian_deaths, value: 12, "
            "source: korvalia-tv-0305}",
            "{id: harbor-gov, subject: dresk-shelling, property: civilian_deaths, "
            "value: at least 12, source: harbor-0305, claimant: korvalia-government}",
            "{id: harbor-vlf, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            "source: harbor-0305, claimant: vlf}",
        )
    )
    found = estimate(data, "dresk-shelling", "civilian_deaths")
    assert found is not None
    assert (found["low"], found["best"], found["high"]) == (12, 12, 30)
    basis = found["basis"]
    assert "the figure given by korvalia-government, and the bound at least 12" in basis
    assert "the bound supported by 2 independent origins" in basis
    assert basis.endswith("so the basis is weak"), basis
    assert "every figure comes from a side with a stake in it" in basis
    (conflict,) = findings(data, "CC101")
    assert "12 [korvalia-government via korvalia-tv]" in conflict["message"]
    only = [f["message"] for f in findings(data, "CC202")]
    assert any("12 is claimed only by korvalia-government" in m for m in only), only


def test_a_count_of_the_day_held_again_the_next_day_is_not_outgrown_by_a_disputed_toll(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight counts 17 dead on the day of the Dresk shelling; Open Ward Medics
    still count 17 the day after; the rebels' health office gives 26 a week on. The
    26 disputes Open Ward's count (given after the shelling ended, by another stake),
    so it is no toll Watchlight's 17 grew into either: the two 17s stand together, two
    named neutral origins, and the estimate's best is 17 on both — not Watchlight's 17
    "overtaken" while the 26 is left out as contradicted."""
    data = run(
        world(
            make_store,
            "{id: watchlight-17, subject: dresk-shelling, property: civilian_deaths, "
            "value: 17, source: meridian-0306, claimant: watchlight, as_of: 2031-03-04}",
            "{id: openward-17, subject: dresk-shelling, property: civilian_deaths, value: 17, "
            "source: harbor-0305, claimant: open-ward}",
            "{id: vlf-26, subject: dresk-shelling, property: civilian_deaths, value: 26, "
            "source: eastwind-0312, claimant: vlf}",
            **{
                "later.yaml": "documents:\n  - {id: eastwind-0312, outlet: eastwind-tv, "
                "published: 2031-03-12}\n"
            },
        )
    )
    for cid in ("watchlight-17", "openward-17"):
        assert grade(data, cid) == 1, data["grades"][cid]
    found = estimate(data, "dresk-shelling", "civilian_deaths")
    assert found is not None
    assert found["best"] == 17 and found["best_origins"] == 2, found
    assert sorted(found["claims"]["best"]) == ["openward-17", "watchlight-17"]
    assert "overtook" not in found["basis"], found["basis"]


@pytest.mark.parametrize(("counter", "best"), [("dresk-official", 40), ("open-ward", 38)])
@pytest.mark.parametrize("lower_floor", [False, True])
def test_a_named_floor_is_the_best_over_an_anonymous_figure_below_it(
    make_store: Callable[..., Path], counter: str, best: int, lower_floor: bool
) -> None:
    """Watchlight documents "at least 40" dead; an official speaking anonymously gives
    38, which the named floor contradicts: a desk publishes "at least 40", the 38 still
    the low. Had Open Ward Medics, a named origin, given the 38, the figure would be the
    best (an open bound is a floor, not the best, while a stated figure stands). A
    lower floor beside them (Northgate's "at least 10") is the low: a floor of its own
    origin's, not one owing its support to Watchlight's."""
    rows = [
        ("watchlight-40", "at least 40", "meridian-0305", "watchlight"),
        ("counted-38", "38", "harbor-0305", counter),
    ]
    if lower_floor:
        rows.append(("northgate-10", "at least 10", "northgate-0305", ""))
    found = estimate(_dresk(make_store, *rows), "dresk-shelling", "civilian_deaths")
    assert found is not None
    assert (found["low"], found["best"]) == (10 if lower_floor else 38, best), found
    assert found["claims"]["best"] == (["watchlight-40"] if best == 40 else ["counted-38"])


@pytest.mark.parametrize("copy_id", ["a-eastwind-30", "z-eastwind-30"])
def test_a_sentence_two_outlets_print_the_same_day_is_one_origin_corrected_together(
    make_store: Callable[..., Path], copy_id: str
) -> None:
    """The Harbor Times and Eastwind TV print the same sentence, "thirty killed", the
    same day, citing nobody (which copied which is a guess: CC206 counts them one
    origin); the Times corrects its toll to 13 the next day. One sentence, one origin,
    revised by the correction: no dispute of 13 against Eastwind's 30, whatever the
    claim ids."""
    data = run(
        world(
            make_store,
            f"{{id: {copy_id}, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 30, source: eastwind-0305, {HARBOR_SENTENCE}}}",
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            f"source: harbor-0305, {HARBOR_SENTENCE}}}",
            "{id: harbor-13, subject: dresk-shelling, property: civilian_deaths, value: 13, "
            "source: harbor-0306}",
        )
    )
    assert findings(data, "CC101") == [], data["findings"]
    assert findings(data, "CC206")
    assert [f["rule"] for f in data["findings"] if f["rule"] == "CC106"] == ["CC106"]


def test_an_anonymous_number_above_a_named_floor_is_the_best_not_one_below_it(
    make_store: Callable[..., Path],
) -> None:
    """Watchlight's "at least 40", an unnamed official's 38 (which the floor
    contradicts) and the medical sources' 45 (which bears it out): more evidence for
    the floor does not send the best down to the 38 it contradicts — the best is 45."""
    data = _dresk(
        make_store,
        ("watchlight-40", "at least 40", "meridian-0305", "watchlight"),
        ("official-38", "38", "harbor-0305", "dresk-official"),
        ("medics-45", "45", "northgate-0305", "dresk-medical-sources"),
    )
    found = estimate(data, "dresk-shelling", "civilian_deaths")
    assert found is not None
    assert (found["low"], found["best"]) == (38, 45), found
    assert found["claims"]["best"] == ["medics-45"]


@pytest.mark.parametrize("hospital_day", ["meridian-0305", "meridian-0306"])
def test_a_floor_a_later_count_bears_out_is_confirmed_whatever_the_day(
    make_store: Callable[..., Path], hospital_day: str
) -> None:
    """Watchlight's "at least 40" on the 5th; Open Ward's 41 the same day or the next:
    the 41 bears the floor out, so the floor is confirmed (two named neutral origins)
    either way — not "an earlier count, overtaken" when the 41 comes a day later."""
    data = _dresk(
        make_store,
        ("watchlight-40", "at least 40", "harbor-0305", "watchlight"),
        ("openward-41", "41", hospital_day, "open-ward"),
    )
    assert grade(data, "watchlight-40") == 1, data["grades"]["watchlight-40"]


@pytest.mark.parametrize("copy_day", ["harbor-0305", "eastwind-0306"])
def test_a_papers_retracted_copy_of_state_media_does_not_take_back_the_partys_word(
    make_store: Callable[..., Path], copy_day: str
) -> None:
    """Korvalia State Television says, in its own voice, "The shelling killed 23
    civilians." on the 5th; Meridian prints the same sentence that day, then retracts
    its story; the Harbor Times (that day) or Eastwind TV (the next) prints it
    too. The words are the government's: Meridian's retraction takes back its copy,
    not the government's statement nor the other papers' copies of it, which dispute
    Watchlight's later 35 as the government's 23."""
    sentence = 'quote: "The shelling killed 23 civilians."'
    data = run(
        world(
            make_store,
            "{id: ktv-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
            f"source: korvalia-tv-0305, {sentence}}}",
            "{id: meridian-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
            f"source: meridian-0305, status: retracted, {sentence}}}",
            "{id: copy-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
            f"source: {copy_day}, {sentence}}}",
            "{id: watchlight-35, subject: dresk-shelling, property: civilian_deaths, value: 35, "
            "source: northgate-0306, claimant: watchlight}",
        )
    )
    (cc101,) = findings(data, "CC101")
    assert "korvalia-government via korvalia-tv" in cc101["message"], cc101["message"]
    for claim in ("ktv-23", "copy-23"):
        assert data["grades"][claim]["grade"] == 4, (claim, data["grades"][claim])


@pytest.mark.parametrize("claimant", ["", ", claimant: harbor-times"])
def test_a_papers_own_reprint_after_its_retraction_is_its_word(
    make_store: Callable[..., Path], claimant: str
) -> None:
    """The Harbor Times retracts its story quoting Open Ward's 30, then prints 30 in its
    own voice the next day: its own word, which stands against the army's 5 (a
    reviewer's store: it was withdrawn as a relay of its own retracted story)."""
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            "source: harbor-0305, claimant: open-ward, status: retracted}",
            "{id: harbor-own-30, subject: dresk-shelling, property: civilian_deaths, "
            f"value: 30, source: harbor-0306{claimant}}}",
            "{id: army-5, subject: dresk-shelling, property: civilian_deaths, value: 5, "
            "source: korvalia-tv-0305, claimant: korvalian-army}",
        )
    )
    assert data["grades"]["harbor-own-30"]["grade"] == 3, data["grades"]["harbor-own-30"]
    assert findings(data, "CC101"), data["findings"]


def test_a_paper_named_as_a_source_that_still_prints_the_figure_stands_behind_it(
    make_store: Callable[..., Path],
) -> None:
    """As above, but the Harbor Times prints Open Ward's 30 again the next day: the
    figure "according to the Harbor Times" still stands."""
    data = run(
        world(
            make_store,
            "{id: harbor-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
            "source: harbor-0305, claimant: open-ward, status: retracted}",
            "{id: harbor-30-again, subject: dresk-shelling, property: civilian_deaths, "
            "value: 30, source: harbor-0306, claimant: open-ward}",
            "{id: northgate-per-harbor, subject: dresk-shelling, property: civilian_deaths, "
            "value: 30, source: northgate-0306, claimant: harbor-times}",
        )
    )
    assert data["grades"]["northgate-per-harbor"]["grade"] != 6, data["grades"]


@pytest.mark.parametrize(
    ("communique", "quoted", "rule", "why"),
    [
        ("12", "20", "CC105", "higher, two days on: the ministry's toll raised"),
        ("12", "8", "CC107", "lower: a toll is not lowered by a quote of the communiqué"),
        ("47", "74", "CC107", "the digits swapped: a misquote, however much higher"),
        ("more than 63", "some 60", None, "the communiqué worded loosely: no new word"),
    ],
)
def test_a_wire_citing_an_older_communique_gives_a_revision_or_the_communique(
    make_store: Callable[..., Path], communique: str, quoted: str, rule: str | None, why: str
) -> None:
    """A reviewer's store: the ministry's communiqué (Meridian, 4 March) puts the toll
    at 12; two days later Harbor Times, citing it, writes "20, the ministry said"; the
    medics count 18. Any figure that could not hold with the communiqué's was read as a
    misquote (CC107), so the ministry's revision (CC105) and its dispute with the medics
    were gone. A wire cites the last communiqué it has: a higher figure later is the
    toll raised. An analyst's trial, the other way: "some 60" citing "more than 63"
    was read as the army's new, lower word, its "more than 63" gone from the estimate
    and its communiqué graded "revised since" by a revision no rule named."""
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {communique}, source: meridian-0305, claimant: defence-ministry, "
        "as_of: 2031-03-04}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {quoted}, source: harbor-0306, claimant: defence-ministry}}",
        "{id: medics, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    rules = {f["rule"] for f in data["findings"]}
    revisions = rules & {"CC105", "CC106", "CC107"}
    assert revisions == ({rule} if rule else set()), (why, data["findings"])
    if rule == "CC105":
        (dispute,) = findings(data, "CC101")
        assert "mod-harbor" in dispute["claims"] and "medics" in dispute["claims"], dispute
    if rule is None:
        assert "revised since" not in data["grades"]["mod-meridian"]["reason"], why
        (dispute,) = findings(data, "CC101")
        assert "more than 63 [defence-ministry" in dispute["message"], dispute


def test_an_anonymous_source_repeating_a_sides_admission_changes_nothing(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the army admits 20 of its soldiers killed, the Front says 5,
    Watchlight counts 40 (grades 3 / 4 / 3, estimate 20 / 40 / 40). Unnamed "military
    sources" repeating the army's 20 made the admission no floor in the grades (the
    anonymous word "concedes nothing", so not every figure of the side conceded): the
    army's 20 and Watchlight's 40 fell to doubtful, and the best to the anonymous 20."""
    world_ = _soldiers_world().replace(
        "subjects:\n",
        "  - {id: army-sources, name: Military sources, kind: army, "
        "side: korvalia-government, anonymous: true}\nsubjects:\n",
    )
    assert world_.count("army-sources") == 1
    rows = [
        "{id: army-20, subject: dresk-shelling, property: soldiers, value: 20, "
        "source: korvalia-tv-0305, claimant: korvalian-army}",
        "{id: vlf-5, subject: dresk-shelling, property: soldiers, value: 5, "
        "source: lantern-0305, claimant: vlf}",
        "{id: watch-40, subject: dresk-shelling, property: soldiers, value: 40, "
        "source: meridian-0305, claimant: watchlight}",
    ]
    anon = (
        "{id: anon-20, subject: dresk-shelling, property: soldiers, value: 20, "
        "source: harbor-0305, claimant: army-sources}"
    )
    results = []
    for claims in (rows, [*rows, anon]):
        data = run(
            make_store({"world.yaml": world_, "claims.yaml": claims_yaml(*claims)}, base=False)
        )
        (est,) = data["estimates"]
        results.append(
            (
                {c: grade(data, c) for c in ("army-20", "vlf-5", "watch-40")},
                (est["low"], est["best"], est["high"]),
            )
        )
    assert results[0] == ({"army-20": 3, "vlf-5": 4, "watch-40": 3}, (20, 40, 40)), results
    assert results[1] == results[0], results


def _soldiers_world() -> str:
    """The world with the army's own losses as a property (``losses_of``)."""
    found = WORLD.replace(
        "  - {id: buildings_destroyed, type: quantity}\n",
        "  - {id: buildings_destroyed, type: quantity}\n"
        "  - {id: soldiers, type: quantity, cumulative: true, "
        "losses_of: korvalia-government}\n",
    )
    assert "soldiers" in found
    return found


def test_the_enemys_count_of_a_sides_losses_is_disputed_by_the_sides_admission(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the army admits 20 soldiers killed, the Front claims 200.
    The admission is a floor for neutral counts above it (a rights group's 40 says more
    died than the army admits, no contradiction) — but the Front's 200 is the other
    side's claim, and the army's 20 disputes it, as CC101 says: the 200 was graded
    with no one against it while the 20 was "disputed by side vlf"."""
    rows = [
        "{id: army-20, subject: dresk-shelling, property: soldiers, value: 20, "
        "source: korvalia-tv-0305, claimant: korvalian-army}",
        "{id: vlf-200, subject: dresk-shelling, property: soldiers, value: 200, "
        "source: lantern-0305, claimant: vlf}",
    ]
    data = run(
        make_store({"world.yaml": _soldiers_world(), "claims.yaml": claims_yaml(*rows)}, base=False)
    )
    assert findings(data, "CC101")
    assert data["grades"]["vlf-200"]["contradicting_origins"] == 1, data["grades"]["vlf-200"]
    assert (
        "disputed by 1 independent origin (side korvalia-government)"
        in (data["grades"]["vlf-200"]["reason"])
    )


def test_vague_words_alone_from_neutral_voices_are_no_sides_only_basis(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: Watchlight's "une dizaine" and the medics' "a dozen", no
    party in it. The basis said "every figure comes from a side with a stake in it, so
    the basis is weak" — no side said anything."""
    rows = [
        "{id: watch-a, subject: dresk-shelling, property: civilian_deaths, "
        "value: une dizaine, source: meridian-0305, claimant: watchlight}",
        "{id: ward-b, subject: dresk-shelling, property: civilian_deaths, "
        "value: a dozen, source: harbor-0305, claimant: open-ward}",
    ]
    (est,) = run(world(make_store, *rows))["estimates"]
    assert "no claim states a figure" in est["basis"], est
    assert "stake" not in est["basis"], est


def test_a_date_narrowed_from_a_cited_range_is_no_second_witness(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the army says the town fell on the 14th, the Front the 12th,
    a radio "the weekend of 12 and 13"; an encyclopedia, citing the radio, writes "12".
    The encyclopedia only narrowed its source's range (DESIGN §2, dependence 3: own
    reporting citing a document carrying the other), yet it counted as a second neutral
    origin: the army's 14th fell from doubtful to improbable ("contradicted by 3
    independent origins (2 neutral)") and the Front's 12th was confirmed."""
    world_ = _fell_on_world()
    rows = [
        "{id: army-3, subject: saltmarsh-clashes, property: fell_on, value: 2031-03-04, "
        "source: korvalia-tv-0305, claimant: korvalian-army}",
        "{id: vlf-1, subject: saltmarsh-clashes, property: fell_on, value: 2031-03-02, "
        "source: lantern-0305, claimant: vlf}",
        "{id: radio, subject: saltmarsh-clashes, property: fell_on, "
        "value: 2031-03-02/2031-03-03, source: coastline-radio-0305}",
    ]
    enc = (
        "{id: enc, subject: saltmarsh-clashes, property: fell_on, value: 2031-03-02, source: enc-1}"
    )
    before = judged(make_store, world_, *rows)
    after = run(
        make_store({"world.yaml": world_, "claims.yaml": claims_yaml(*rows, enc)}, base=False)
    )
    for claim in ("army-3", "vlf-1"):
        assert after["grades"][claim] == before["grades"][claim], claim
    assert grade(after, "army-3") == 4, after["grades"]["army-3"]
    (dispute,) = findings(after, "CC103")
    assert "coastline-radio via open-enc" in dispute["message"], dispute


def _fell_on_world() -> str:
    """The world with a date property and an encyclopedia citing Coastline Radio."""
    world_ = (
        WORLD.replace(
            "  - {id: buildings_destroyed, type: quantity}\n",
            "  - {id: buildings_destroyed, type: quantity}\n  - {id: fell_on, type: date}\n",
        )
        .replace(
            "  - {id: pinecrest-post, name: Pinecrest Post, kind: newspaper}\n",
            "  - {id: pinecrest-post, name: Pinecrest Post, kind: newspaper}\n"
            "  - {id: open-enc, name: Open Encyclopedia, kind: encyclopedia}\n",
        )
        .replace(
            "  - {id: pinecrest-0305, outlet: pinecrest-post, published: 2031-03-05}\n",
            "  - {id: pinecrest-0305, outlet: pinecrest-post, published: 2031-03-05}\n"
            "  - {id: enc-1, outlet: open-enc, published: 2031-03-20, "
            "cites: [coastline-radio-0305]}\n",
        )
    )
    assert world_.count("fell_on") == 1 and world_.count("enc-1") == 1
    return world_


def test_a_day_within_a_cited_year_is_the_outlets_own_date(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the radio says the town fell "in 2031"; the encyclopedia,
    citing it, says 2 March, Meridian 4 March. The 2nd is no end of a short range the
    radio gave: it is the encyclopedia's own date, and disputes Meridian's (a CC103
    was lost, the 2nd "confirmed by 2 origins")."""
    rows = [
        "{id: radio, subject: saltmarsh-clashes, property: fell_on, value: 2031, "
        "source: coastline-radio-0305}",
        "{id: enc, subject: saltmarsh-clashes, property: fell_on, value: 2031-03-02, "
        "source: enc-1}",
        "{id: meridian-4, subject: saltmarsh-clashes, property: fell_on, value: 2031-03-04, "
        "source: meridian-0305}",
    ]
    data = run(
        make_store({"world.yaml": _fell_on_world(), "claims.yaml": claims_yaml(*rows)}, base=False)
    )
    (dispute,) = findings(data, "CC103")
    assert sorted(dispute["claims"]) == ["enc", "meridian-4"], dispute


def test_an_allys_word_carried_on_a_partys_channel_is_no_part_of_it(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the Front's channel says 40 soldiers were killed; its ally the
    Brigade repeats it on its own channel, citing the Front's post; the Front's channel
    then quotes the Brigade "confirming" 40, citing the Brigade's post. CC203 said they
    "share claimant free-hills-front (hills-brigade part of it …)" — the Brigade is no
    part of the Front (no `part_of`): the posts share a citation chain."""
    store = textwrap.dedent("""\
        outlets:
          - {id: fhf-tg, name: Front channel, kind: party-channel, affiliation: front}
          - {id: hb-tg, name: Brigade channel, kind: party-channel, affiliation: brigade}
        documents:
          - {id: fhf-1, outlet: fhf-tg, published: 2031-10-03}
          - {id: hb-1, outlet: hb-tg, published: 2031-10-03, cites: [fhf-1]}
          - {id: fhf-2, outlet: fhf-tg, published: 2031-10-04, cites: [hb-1]}
        parties:
          - {id: front, name: Free Hills Front, kind: armed-group, side: hills}
          - {id: brigade, name: Hills Brigade, kind: armed-group, side: hills}
        subjects:
          - {id: pass, label: Attack on the pass, date: 2031-10-02}
        properties:
          - {id: soldiers_killed, type: quantity}
        claims:
          - {id: fhf-40, subject: pass, property: soldiers_killed, value: 40, source: fhf-1}
          - {id: hb-40, subject: pass, property: soldiers_killed, value: 40, source: hb-1}
          - {id: fhf-40-again, subject: pass, property: soldiers_killed, value: 40, source: fhf-2, claimant: brigade}
        """)
    data = run(make_store({"world.yaml": store}, base=False))
    (circular,) = findings(data, "CC203")
    assert "part of it" not in circular["message"], circular["message"]
    assert "a citation chain (fhf-2 cites hb-1; hb-1 cites fhf-1)" in circular["message"], circular


def test_an_undated_quote_of_another_figure_is_still_a_misquote(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the paper quoting "20, the ministry said", citing the
    communiqué of 12, has no publication date. Nothing shows the quote is later, so it
    is the communiqué misquoted (CC107), not the ministry's new word disputing the
    medics' 18 (a CC101 error)."""
    world_ = HARBOR_CITES_MERIDIAN.replace(
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, cites: [meridian-0305]}",
        "{id: harbor-0306, outlet: harbor-times, cites: [meridian-0305]}",
    )
    assert world_ != HARBOR_CITES_MERIDIAN
    rows = (
        "{id: mod-meridian, subject: dresk-shelling, property: civilian_deaths, value: 12, "
        "source: meridian-0305, claimant: defence-ministry, as_of: 2031-03-04}",
        "{id: mod-harbor, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        "source: harbor-0306, claimant: defence-ministry}",
        "{id: medics, subject: dresk-shelling, property: civilian_deaths, value: 18, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = judged(make_store, world_, *rows)
    assert "CC101" not in {f["rule"] for f in data["findings"]}, data["findings"]
    (cc107,) = findings(data, "CC107")
    assert "relayed differently" in cc107["message"], cc107


def test_a_statement_relayed_differently_names_only_the_relays_that_differ(
    make_store: Callable[..., Path],
) -> None:
    """The army's "more than 20", carried as said by Meridian, Northgate and Eastwind and
    as "20" by Harbor Times: CC107 named all four outlets as relaying it "differently",
    sending the desk to three faithful relays; it names the two whose wordings differ."""
    rows = [
        "{id: harbor-20, subject: dresk-shelling, property: civilian_deaths, value: 20, "
        "source: harbor-0305, claimant: korvalian-army}",
        *(
            f"{{id: {outlet}-army, subject: dresk-shelling, property: civilian_deaths, "
            f"value: more than 20, source: {outlet}-0305, claimant: korvalian-army}}"
            for outlet in ("meridian", "northgate", "eastwind")
        ),
    ]
    data = run(world(make_store, *rows))
    (cc107,) = findings(data, "CC107")
    assert (
        "is relayed differently by eastwind-tv, harbor-times, meridian, northgate-daily"
        not in (cc107["message"])
    )
    assert (
        "relayed differently: 20 in harbor-times vs more than 20 in eastwind-tv, meridian, "
        "northgate-daily;" in cc107["message"]
    ), cc107["message"]


#: The VLF's own losses, as a property: what a side concedes of its own is a floor.
VLF_LOSSES = "properties:\n  - {id: vlf_losses, type: quantity, cumulative: true, losses_of: vlf}\n"


def test_a_quote_naming_the_wrong_voice_is_the_right_ones_word_not_a_concession(
    make_store: Callable[..., Path],
) -> None:
    """Two analysts' trials: the army says "at least 118" VLF fighters were killed
    (Meridian); the Harbor Times, citing Meridian, prints it as the VLF's own word, and
    Watchlight counts 45. The quote was a second origin — the VLF "conceding" 118 of its
    own, a floor that left Watchlight's 45 out of the estimate as "below what that side
    concedes", and both sides "agreeing" on it. It is the army's figure under the wrong
    name: one origin, the army's, graded as printed, and CC203 asks to check it."""
    rows = (
        "{id: army-118, subject: dresk-shelling, property: vlf_losses, value: at least 118, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: harbor-vlf, subject: dresk-shelling, property: vlf_losses, value: at least 118, "
        "source: harbor-0306, claimant: vlf}",
        "{id: watch-45, subject: dresk-shelling, property: vlf_losses, value: 45, "
        "source: eastwind-0306, claimant: watchlight}",
    )
    data = run(
        make_store(
            {
                "world.yaml": HARBOR_CITES_MERIDIAN,
                "losses.yaml": VLF_LOSSES,
                "claims.yaml": claims_yaml(*rows),
            },
            base=False,
        )
    )
    est = estimate(data, "dresk-shelling", "vlf_losses")
    assert est is not None and est["low"] == 45 and est["best"] == 45, est
    army = data["grades"]["army-118"]
    assert army["grade"] == 4 and army["supporting_origins"] == 1, army
    assert "agreeing" not in army["reason"], army
    misattributed = data["grades"]["harbor-vlf"]
    assert misattributed["grade"] == 6, misattributed
    assert "names vlf for what meridian-0305" in misattributed["reason"], misattributed
    (cc203,) = findings(data, "CC203")
    assert (
        "is quoted from vlf in harbor-0306, which cites meridian-0305, where korvalian-army "
        "gives it and vlf does not: check the attribution" in cc203["message"]
    ), cc203
    (cc202,) = findings(data, "CC202")
    assert cc202["message"].endswith(
        "is claimed only by korvalian-army (side korvalia-government), a party to it"
    ), cc202


def test_a_quote_naming_a_neutral_voice_for_a_partys_word_confirms_nothing(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: the VLF's channel says 40; a broadcaster citing the post names
    Watchlight for it. Watchlight "confirmed" the VLF (grade 1, best 40, and a 100 %
    track record for a group that said nothing). One origin: the VLF's, still
    interested only (CC202), and Watchlight's record holds no graded claim."""
    world_ = WORLD.replace(
        "{id: eastwind-0305, outlet: eastwind-tv, published: 2031-03-05}",
        "{id: eastwind-0305, outlet: eastwind-tv, published: 2031-03-05, cites: [vlf-post]}\n"
        "  - {id: vlf-post, outlet: vlf-channel, published: 2031-03-05}",
    ).replace(
        "  - {id: korvalia-tv,",
        "  - {id: vlf-channel, name: VLF channel, kind: party-channel, affiliation: vlf}\n"
        "  - {id: korvalia-tv,",
    )
    assert world_.count("vlf-") >= 3, world_
    rows = (
        "{id: vlf-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: vlf-post}",
        "{id: ew-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: eastwind-0305, claimant: watchlight}",
    )
    data = judged(make_store, world_, *rows)
    assert grade(data, "vlf-40") == 3, data["grades"]["vlf-40"]
    assert grade(data, "ew-40") == 6, data["grades"]["ew-40"]
    (cc202,) = findings(data, "CC202")
    assert "40 is claimed only by vlf (side vlf), a party to it" in cc202["message"], cc202
    assert "watchlight" not in cc202["message"], cc202
    (cc203,) = findings(data, "CC203")
    assert "quoted from watchlight in eastwind-0305" in cc203["message"], cc203


def test_a_quote_naming_the_agency_it_cites_relays_what_the_agency_carries(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: Meridian's dispatch quotes the VLF's 40; the Harbor Times, citing
    it, prints "40, according to Meridian" (claimant: the agency). The agency became a
    neutral origin "confirming" the VLF (grade 1 for every 40). The agency's dispatch is
    relayed, whoever speaks in it: one origin, the VLF's, interested only."""
    rows = (
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: meridian-0305, claimant: vlf}",
        "{id: harbor-mer, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0306, claimant: meridian}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    for claim in ("mer-vlf", "harbor-mer"):
        assert grade(data, claim) == 3, data["grades"][claim]
        assert data["grades"][claim]["supporting_origins"] == 1, data["grades"][claim]
    (cc202,) = findings(data, "CC202")
    assert "40 is claimed only by vlf (side vlf), a party to it" in cc202["message"], cc202


def test_the_other_sides_later_figure_of_a_sides_losses_is_a_dispute_not_growth(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: during the clashes the army says 9 of its soldiers were killed
    (the 2nd); the VLF says 17 the next day. The VLF's figure "overtook" the army's as
    the toll grown: no dispute, and the estimate 17 / 17 / 17 on the enemy's claim
    alone. It is a dispute (CC101) and the army's own count stays: 9 / 9 / 17. The
    army's own higher count the next day is still its toll raised (CC105)."""
    rows = [
        "{id: army-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-02}",
        "{id: vlf-17, subject: saltmarsh-clashes, property: army_losses, value: 17, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-03}",
    ]
    data = judged(make_store, LOSSES, *rows)
    (cc101,) = findings(data, "CC101")
    assert cc101["pairs"] == [["army-9", "vlf-17"]], cc101
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None and (est["low"], est["best"], est["high"]) == (9, 9, 17), est
    # (the other way round, the side conceding more than the enemy claimed: the toll
    # grown, no dispute)
    rows = [
        "{id: vlf-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-02}",
        "{id: army-17, subject: saltmarsh-clashes, property: army_losses, value: 17, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-03}",
    ]
    data = judged(make_store, LOSSES, *rows)
    assert not findings(data, "CC101"), data["findings"]


def test_the_enemys_later_figure_of_a_sides_losses_is_no_growth_of_a_neutral_count(
    make_store: Callable[..., Path],
) -> None:
    """An earlier session's note, left alone then: during the clashes the army says 9
    of its soldiers were killed (the 2nd), Watchlight counts 12 (the 3rd), the VLF
    claims 17 (the 4th). The VLF's 17 "overtook" the rights group's 12 as the toll
    grown, and the estimate was 12 / 17 / 17 — the best the enemy's claim, over a
    neutral count. The enemy's figure of a side's losses is its claim against a neutral
    count as against the side's own: a dispute (12 / 12 / 17). The rights group's
    count still outgrows the army's 9; and weeks later the VLF's is the toll grown."""
    rows = [
        "{id: army-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: harbor-0305, claimant: korvalian-army, as_of: 2031-03-02}",
        "{id: watch-12, subject: saltmarsh-clashes, property: army_losses, value: 12, "
        "source: meridian-0305, claimant: watchlight, as_of: 2031-03-03}",
        "{id: vlf-17, subject: saltmarsh-clashes, property: army_losses, value: 17, "
        "source: lantern-0305, claimant: vlf, as_of: 2031-03-04}",
    ]
    data = judged(make_store, LOSSES, *rows)
    (cc101,) = findings(data, "CC101")
    assert ["vlf-17", "watch-12"] in cc101["pairs"], cc101
    est = estimate(data, "saltmarsh-clashes", "army_losses")
    assert est is not None and (est["low"], est["best"], est["high"]) == (12, 12, 17), est
    assert est["claims"]["best"] == ["watch-12"], est
    assert data["grades"]["watch-12"]["grade"] == 3, data["grades"]["watch-12"]
    # (without the enemy's claim, the rights group's 12 is the army's 9 grown: no dispute)
    data = judged(make_store, LOSSES, *rows[:2])
    assert not findings(data, "CC101"), data["findings"]
    # (the VLF's figure weeks later: the toll grown)
    late = rows[2].replace("as_of: 2031-03-04", "as_of: 2031-03-30").replace("lantern-0305", "late")
    root = make_store(
        {
            "world.yaml": LOSSES,
            "late.yaml": "documents:\n  - {id: late, outlet: lantern-wire, published: 2031-03-30}\n",
            "claims.yaml": claims_yaml(*rows[:2], late),
        },
        base=False,
    )
    data = run(root)
    assert not [f for f in findings(data, "CC101") if "watch-12" in f["claims"]], data["findings"]


@pytest.mark.parametrize("revised", [12, 14, 25])
def test_a_stale_review_points_at_the_revised_figures_gap_not_the_partys_denial(
    make_store: Callable[..., Path], revised: int
) -> None:
    """A desk's trial: the army's 9 (its dead) was reviewed as claimed only by the army
    (CC202); the army also denies the VLF's higher figure — a gap of that rule on the
    same speaker's word. The army revised its figure. The stale notice named whichever
    gap's fingerprint sorted first: the denial's, for most figures. It names the
    revised figure's (the figures: some whose gap sorted first before, some not)."""
    claimed = 60
    rows = [
        f"{{id: vlf-says, subject: saltmarsh-clashes, property: army_losses, value: {claimed}, "
        "source: harbor-0305, claimant: vlf, as_of: 2031-03-03}",
        "{id: army-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: meridian-0305, claimant: korvalian-army, as_of: 2031-03-03}",
        f"{{id: army-denial, subject: saltmarsh-clashes, property: army_losses, value: {claimed}, "
        "source: meridian-0305, claimant: korvalian-army, stance: denies, as_of: 2031-03-03}",
    ]
    root = make_store({"world.yaml": LOSSES, "claims.yaml": claims_yaml(*rows)}, base=False)
    (gap,) = [f for f in findings(run(root), "CC202") if f["claims"] == ["army-9"]]
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: {gap['fingerprint']}, verdict: accepted, claims: [army-9]}}\n",
        encoding="utf-8",
    )
    (root / "more.yaml").write_text(
        claims_yaml(
            f"{{id: army-14, subject: saltmarsh-clashes, property: army_losses, value: {revised}, "
            "source: meridian-0306, claimant: korvalian-army, as_of: 2031-03-05}"
        ),
        encoding="utf-8",
    )
    data = run(root)
    (now,) = [f for f in findings(data, "CC202") if f["claims"] == ["army-14"]]
    (stale,) = data["stale_reviews"]
    assert stale["successors"][0] == now["fingerprint"], (stale, data["findings"])


#: Three papers' dispatches of the 6th citing Lantern Wire's of the 6th, which the
#: store does not record a figure of.
CITING_LANTERN = (
    WORLD.replace(
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06}",
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, cites: [lantern-0306]}",
    )
    .replace(
        "{id: northgate-0306, outlet: northgate-daily, published: 2031-03-06}",
        "{id: northgate-0306, outlet: northgate-daily, published: 2031-03-06, "
        "cites: [lantern-0306]}",
    )
    .replace(
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06}",
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [lantern-0306]}",
    )
)
assert CITING_LANTERN.count("cites: [lantern-0306]") == 3


def _papers(make_store: Callable[..., Path], *figures: str) -> dict[str, Any]:
    """The papers' own figures (Harbor, Northgate, Eastwind, in order), all citing the
    wire, beside the army's 6."""
    rows = [
        "{id: army-6, subject: dresk-shelling, property: civilian_deaths, value: 6, "
        "source: korvalia-tv-0305, claimant: korvalian-army}"
    ]
    for paper, figure in zip(("harbor", "northgate", "eastwind"), figures, strict=False):
        rows.append(
            f"{{id: {paper}-own, subject: dresk-shelling, property: civilian_deaths, "
            f"value: {figure}, source: {paper}-0306}}"
        )
    return run(
        make_store({"world.yaml": CITING_LANTERN, "claims.yaml": claims_yaml(*rows)}, base=False)
    )


def test_papers_citing_one_dispatch_in_different_words_are_one_origin(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: three papers citing one wire dispatch print "about 25", "23"
    and "at least 23" — the dispatch's figure rounded, its "at least" dropped. They were
    three neutral origins: the army's 6 "contradicted by 3" (improbable, left out of the
    estimate) and the papers "confirmed by 2". One origin, as when all three print 23:
    the army's figure doubtful and in the range, the papers' a single origin."""
    data = _papers(make_store, "about 25", "23", "at least 23")
    army = data["grades"]["army-6"]
    assert army["grade"] == 4 and army["contradicting_origins"] == 1, army
    for paper in ("harbor-own", "northgate-own", "eastwind-own"):
        assert data["grades"][paper]["supporting_origins"] == 1, data["grades"][paper]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and (est["low"], est["best"]) == (6, 23), est
    # (figures that cannot both hold are two counts, whatever they cite: 10 and 14)
    apart = _papers(make_store, "10", "14")
    assert apart["grades"]["harbor-own"]["contradicting_origins"] == 2, apart["grades"]


def test_papers_citing_one_dispatch_one_rounding_the_others_figure_relay_it(
    make_store: Callable[..., Path],
) -> None:
    """Two papers citing one dispatch print 47 and "50": the 50 is the 47 rounded, one
    origin — its words differ from the figure it relays (CC107), not a second count."""
    data = _papers(make_store, "50", "47")
    assert data["grades"]["northgate-own"]["supporting_origins"] == 1, data["grades"]
    (cc107,) = findings(data, "CC107")
    assert (
        "relayed differently: 47 in northgate-daily vs 50 in harbor-times" in (cc107["message"])
    ), cc107


def test_an_article_naming_both_voices_for_a_figure_keeps_both(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the Harbor Times cites the VLF's figure from Meridian and, in
    the same article, the army confirming it to the paper. The army's word was taken for
    the VLF's misattributed (graded 6, the sides' agreement erased): an article that
    gives the figure in both voices tells them apart."""
    rows = (
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: meridian-0305, claimant: vlf}",
        "{id: harbor-vlf, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: harbor-0306, claimant: vlf}",
        "{id: harbor-army, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: harbor-0306, claimant: korvalian-army}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    army = data["grades"]["harbor-army"]
    assert army["grade"] == 1 and "agreeing" in army["reason"], army
    assert not findings(data, "CC203"), data["findings"]


def test_a_quote_of_another_voices_figure_is_misattributed_though_its_voice_speaks_there(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Meridian carries the army's 10 and the VLF's 23; the Harbor
    Times, citing it, prints "23, the army said". That was the army raising its toll
    (CC105) and "agreeing" with the VLF (grade 1). It is the VLF's figure under the
    army's name: graded 6, CC203 asks, and the army's 10 stands."""
    rows = (
        "{id: mer-army, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: meridian-0305, claimant: vlf}",
        "{id: harbor-army, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: harbor-0306, claimant: korvalian-army}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    assert grade(data, "harbor-army") == 6, data["grades"]["harbor-army"]
    assert not findings(data, "CC105"), data["findings"]
    (cc203,) = findings(data, "CC203")
    assert "where vlf gives it and korvalian-army does not" in cc203["message"], cc203


def test_an_agencys_name_for_a_figure_its_dispatch_does_not_give_is_uncited(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Meridian's dispatch gives the VLF's 30 and the army's 8; the
    Harbor Times, citing it, prints "35, according to Meridian". The 35 was the agency's
    own neutral count and the best estimate; no source stands behind it (CC204)."""
    rows = (
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: meridian-0305, claimant: vlf}",
        "{id: mer-army, subject: dresk-shelling, property: civilian_deaths, value: 8, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: harbor-mer, subject: dresk-shelling, property: civilian_deaths, value: 35, "
        "source: harbor-0306, claimant: meridian}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    (cc204,) = findings(data, "CC204")
    assert (
        "harbor-0306 names meridian for it, citing meridian-0305, which does not give it"
        in (cc204["message"])
    ), cc204
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] != 35 and est["high"] == 30, est


def test_a_bound_holding_with_two_counts_does_not_make_them_one_figure(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: three papers citing one wire print "at least 10", 12 and 500.
    The bound holds with both counts, and joining by pairs made 12 and 500 one figure
    "relayed differently", the 500 gone from the estimate. The 12 and the bound are one
    wording of the wire; the 500 is a count of its own."""
    data = _papers(make_store, "at least 10", "12", "500")
    assert not findings(data, "CC107"), data["findings"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["high"] == 500, est
    assert data["grades"]["eastwind-own"]["grade"] != 6, data["grades"]["eastwind-own"]


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_wordings_of_one_dispatch_are_joined_whatever_the_stores_order(
    make_store: Callable[..., Path], order: str
) -> None:
    """A reviewer's store: which wordings were compared, and so joined, followed the
    store's order. Reversing the file changes nothing."""
    figures = ["at least 20", "23", "about 25"]
    data = _papers(make_store, *(figures if order == "forward" else figures[::-1]))
    origins = {data["grades"][p]["supporting_origins"] for p in ("harbor-own", "northgate-own")}
    assert origins == {1}, data["grades"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 23, est


def test_a_count_printed_weeks_after_a_dispatch_it_cites_is_no_wording_of_it(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the Harbor Times' "at least 12" of the 6th and a paper's 40 of
    the 30th both cite the wire of the 6th. They were joined as one wording of it, the
    Harbor credited with a 40 it never printed. Weeks apart, the 40 is a count of its
    own."""
    world_ = CITING_LANTERN.replace(
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [lantern-0306]}",
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-30, cites: [lantern-0306]}",
    )
    assert world_ != CITING_LANTERN
    rows = (
        "{id: harbor-own, subject: dresk-shelling, property: civilian_deaths, "
        "value: at least 12, source: harbor-0306}",
        "{id: eastwind-own, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: eastwind-0306}",
    )
    data = judged(make_store, world_, *rows)
    assert data["grades"]["harbor-own"]["supporting_origins"] == 2, data["grades"]["harbor-own"]
    assert not findings(data, "CC203"), data["findings"]


@pytest.mark.parametrize("first", ["meridian-0305", "lantern-0305"])
def test_a_quote_whose_cited_documents_give_its_figure_in_two_voices_keeps_its_own(
    make_store: Callable[..., Path], first: str
) -> None:
    """A reviewer's store: the Harbor Times cites two dispatches, one with the army's 40,
    the other with the medics' 40, and quotes Watchlight's 40. Which dispatch's id
    sorted first decided whose word the quote was. Two voices there: it keeps its own
    (CC203 still asks to check)."""
    cited = ", ".join(sorted({first, "meridian-0305", "lantern-0305"}, key=lambda d: d != first))
    world_ = WORLD.replace(
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06}",
        f"{{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, cites: [{cited}]}}",
    )
    rows = (
        "{id: mer-army, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: lan-medics, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: lantern-0305, claimant: open-ward}",
        "{id: harbor-watch, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: harbor-0306, claimant: watchlight}",
    )
    data = judged(make_store, world_, *rows)
    assert grade(data, "harbor-watch") != 6, data["grades"]["harbor-watch"]
    assert findings(data, "CC203"), data["findings"]


def test_an_infobox_rounding_its_citations_figure_is_uncited_not_a_relay(
    make_store: Callable[..., Path],
) -> None:
    """A fact-checker's trial: the wire gives the ministry's 47; an encyclopedia's
    infobox says 50, citing it. As a paper's rounding it was the ministry's figure
    relayed — and the report said the ministry "revised since: 50", a figure it never
    gave. An encyclopedia's figure is what its citations give, or uncited (CC204)."""
    data = run(
        world(
            make_store,
            "{id: mod-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
            "source: meridian-0305, claimant: defence-ministry}",
            "{id: infobox-50, subject: dresk-shelling, property: civilian_deaths, value: 50, "
            "source: wiki-dresk}",
            **{
                "wiki.yaml": "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
                "documents:\n  - {id: wiki-dresk, outlet: openpedia, cites: [meridian-0305]}\n"
            },
        )
    )
    (cc204,) = findings(data, "CC204")
    assert "cites meridian-0305, which do not give it" in cc204["message"], cc204
    assert "uncited" in data["grades"]["infobox-50"]["reason"], data["grades"]["infobox-50"]


def test_a_partys_denial_citing_its_governments_accusation_stays_a_denial(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: the government names the VLF for the shelling (Meridian); the
    army, part of it, denies it did it, in a dispatch citing Meridian. The denial was
    read as the accusation relayed (asserting the VLF implies "not the army"): it
    vanished from the findings, shown as the government's "vlf". It stays a denial."""
    rows = (
        "{id: gov-vlf, subject: dresk-shelling, property: responsible, value: vlf, "
        "source: meridian-0305, claimant: korvalia-government}",
        "{id: army-denies, subject: dresk-shelling, property: responsible, "
        "value: korvalian-army, stance: denies, source: harbor-0306, claimant: korvalian-army}",
        "{id: watch-army, subject: dresk-shelling, property: responsible, value: korvalian-army, "
        "source: eastwind-0306, claimant: watchlight}",
    )
    root = make_store(
        {
            "world.yaml": HARBOR_CITES_MERIDIAN,
            "entity.yaml": "properties:\n  - {id: responsible, type: entity}\n",
            "claims.yaml": claims_yaml(*rows),
        },
        base=False,
    )
    data = run(root)
    (cc104,) = findings(data, "CC104")
    assert "not korvalian-army [korvalian-army via harbor-times" in cc104["message"], cc104


def test_an_approximation_of_a_partys_floor_is_that_floor_relayed_not_its_toll_raised(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Meridian carries the ministry's "at least 17"; the Harbor
    Times, citing it the next day, prints "some 20, the ministry said". That was the
    ministry raising its toll (CC105) and disputing the medics' 31 (CC101). It is the
    ministry's floor worded loosely: no revision, no dispute."""
    rows = (
        "{id: mod-17, subject: dresk-shelling, property: civilian_deaths, value: at least 17, "
        "source: meridian-0305, claimant: defence-ministry}",
        "{id: mod-some-20, subject: dresk-shelling, property: civilian_deaths, "
        "value: some 20, source: harbor-0306, claimant: defence-ministry}",
        "{id: medics-31, subject: dresk-shelling, property: civilian_deaths, value: 31, "
        "source: eastwind-0306, claimant: open-ward}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    rules = {f["rule"] for f in data["findings"]}
    assert not rules & {"CC101", "CC105"}, data["findings"]


def test_a_sister_channels_unattributed_echo_of_its_papers_quote_is_that_partys_word(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Coastline Radio prints "17, the army said"; Coastline TV, of
    the same owner, says "17 killed" in its own voice the same day. The TV's 17 was a
    neutral count confirming the army against the medics' 27 (the best estimate
    flipped to 17). One newsroom, one source: the army's word."""
    rows = (
        "{id: radio-army, subject: dresk-shelling, property: civilian_deaths, value: 17, "
        "source: coastline-radio-0305, claimant: korvalian-army}",
        "{id: tv-own, subject: dresk-shelling, property: civilian_deaths, value: 17, "
        "source: coastline-tv-0305}",
        "{id: medics-27, subject: dresk-shelling, property: civilian_deaths, value: 27, "
        "source: harbor-0306, claimant: open-ward}",
    )
    data = run(world(make_store, *rows))
    army = data["grades"]["radio-army"]
    assert army["supporting_origins"] == 1, army
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["best"] == 27, est


def test_wordings_joined_for_two_dispatches_do_not_chain_counts_that_cannot_both_hold(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: the Harbor Times' "at least 10" cites two dispatches; the
    Northgate Daily's 12 cites one, the Eastwind's 500 the other. Joined for each
    dispatch, the wordings chained 12 and 500 into one figure "relayed differently"
    (the 500 gone from the estimate)."""
    world_ = CITING_LANTERN.replace(
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, cites: [lantern-0306]}",
        "{id: harbor-0306, outlet: harbor-times, published: 2031-03-06, "
        "cites: [lantern-0306, meridian-0306]}",
    ).replace(
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [lantern-0306]}",
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [meridian-0306]}",
    )
    assert world_.count("meridian-0306]") == 2, world_
    rows = [
        f"{{id: {paper}-own, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {figure}, source: {paper}-0306}}"
        for paper, figure in (("harbor", "at least 10"), ("northgate", "12"), ("eastwind", "500"))
    ]
    data = judged(make_store, world_, *rows)
    assert not findings(data, "CC107"), data["findings"]
    assert grade(data, "eastwind-own") != 6, data["grades"]["eastwind-own"]


def test_a_wording_printed_weeks_apart_by_two_papers_joins_no_later_count(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: "at least 12" in the Harbor Times of the 6th and again in a
    paper of the 29th, a 40 of the 30th, all citing one wire. Days were weighed by
    wording, so the late "at least 12" carried the Harbor's into the 40's origin. Every
    paper of two joined wordings must print within two days of every other."""
    world_ = CITING_LANTERN.replace(
        "{id: northgate-0306, outlet: northgate-daily, published: 2031-03-06, "
        "cites: [lantern-0306]}",
        "{id: northgate-0306, outlet: northgate-daily, published: 2031-03-29, "
        "cites: [lantern-0306]}",
    ).replace(
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-06, cites: [lantern-0306]}",
        "{id: eastwind-0306, outlet: eastwind-tv, published: 2031-03-30, cites: [lantern-0306]}",
    )
    assert world_.count("2031-03-29") == 1 and world_.count("2031-03-30") == 1, world_
    rows = [
        f"{{id: {paper}-own, subject: dresk-shelling, property: civilian_deaths, "
        f"value: {figure}, source: {paper}-0306}}"
        for paper, figure in (
            ("harbor", "at least 12"),
            ("northgate", "at least 12"),
            ("eastwind", "40"),
        )
    ]
    data = judged(make_store, world_, *rows)
    assert not [f for f in findings(data, "CC203") if "40 appears" in f["message"]], data
    assert data["grades"]["eastwind-own"]["supporting_origins"] == 1, data["grades"]


def test_a_quote_the_user_dated_is_its_voices_word_of_that_day(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: "23, the army said", recorded with `as_of` the day after the
    wire's army 10 and VLF 23 it cites. A date the user wrote says when the army said it:
    its own word then (CC105, CC203 asking to check), not the VLF's misattributed — as
    a dated quote is never read as a misquote."""
    rows = (
        "{id: mer-army, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: meridian-0305, claimant: vlf}",
        "{id: harbor-army, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: harbor-0306, claimant: korvalian-army, as_of: 2031-03-06}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    assert grade(data, "harbor-army") != 6, data["grades"]["harbor-army"]
    assert findings(data, "CC203"), data["findings"]


def test_an_agencys_name_for_a_figure_its_dispatch_bounds_is_that_dispatch_relayed(
    make_store: Callable[..., Path],
) -> None:
    """A reviewer's store: "35, according to Meridian", citing Meridian's own "more than
    30". A paper's own 35 citing it would be that dispatch relayed; naming the agency
    made it uncited (CC204) — and Meridian "revised" its toll to it (CC105)."""
    rows = (
        "{id: mer-own, subject: dresk-shelling, property: civilian_deaths, "
        "value: more than 30, source: meridian-0305}",
        "{id: harbor-mer, subject: dresk-shelling, property: civilian_deaths, value: 35, "
        "source: harbor-0306, claimant: meridian}",
    )
    data = harbor_citing_meridian(make_store, *rows)
    rules = {f["rule"] for f in data["findings"]}
    assert not rules & {"CC204", "CC105"}, data["findings"]


def test_the_reports_chart_names_whose_word_a_misattributed_quote_is(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the report's chart labelled a paper's "23, the army said" —
    the VLF's 23 under the army's name — as the army's, while its table said whose."""
    rows = (
        "{id: mer-army, subject: dresk-shelling, property: civilian_deaths, value: 10, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: mer-vlf, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: meridian-0305, claimant: vlf}",
        "{id: harbor-army, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: harbor-0306, claimant: korvalian-army}",
    )
    root = make_store(
        {"world.yaml": HARBOR_CITES_MERIDIAN, "claims.yaml": claims_yaml(*rows)}, base=False
    )
    chart = render_report(check(load_store(root)), "markdown").split("```mermaid")[1]
    labels = [line.strip().split(" : ")[0] for line in chart.splitlines() if " : " in line]
    assert labels.count("23 - Velmar Liberation Front") == 2, labels
    assert "23 - Korvalian Army" not in labels, labels


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_a_unit_of_two_figures_reaching_as_high_weighs_alike_whatever_the_order(
    make_store: Callable[..., Path], order: str
) -> None:
    """A reviewer's fuzzed store: Eastwind's own "20-30" and the Lantern Wire's 30 in one
    Eastwind bulletin are one origin, with two figures reaching 30. Which of them stood
    for it below the army's 40 followed the file's order — and with it whether the
    Eastwind and the Pinecrest Post's 23 agreed against the 40: the 40 was "doubtful"
    (4) one way and "improbable" (5) the other, and its estimate's high 40 or 30. Now
    the narrower figure stands for the unit (as the nearer figure above does), whatever
    the order."""
    docs = textwrap.dedent("""\
        documents:
          - {id: d3, outlet: pinecrest-post, published: 2031-03-20}
          - {id: d4, outlet: northgate-daily, published: 2031-03-20}
          - {id: d6, outlet: eastwind-tv, cites: [d4]}
        """)
    rows = [
        "{id: c00, subject: dresk-shelling, property: civilian_deaths, value: '20-30', "
        "source: d6, as_of: '2031-03-04/2031-03-06'}",
        "{id: c03, subject: dresk-shelling, property: civilian_deaths, value: '23', source: d3}",
        "{id: c04, subject: dresk-shelling, property: civilian_deaths, value: '40', source: d3, "
        "claimant: korvalian-army, as_of: '2031-03-06'}",
        "{id: c06, subject: dresk-shelling, property: civilian_deaths, value: '30', source: d6, "
        "claimant: lantern-wire, as_of: '2031-03-04/2031-03-06'}",
    ]
    data = run(
        world(make_store, *(rows if order == "forward" else rows[::-1]), **{"docs.yaml": docs})
    )
    army = data["grades"]["c04"]
    assert (army["grade"], army["reason"]) == (
        4,
        "contradicted by 2 independent origins (2 neutral), not all agreeing among "
        "themselves; supported by 1 independent origin (side korvalia-government)",
    ), army
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and (est["low"], est["best"], est["high"]) == (23, 23, 40), est


@pytest.mark.parametrize("how", ["same-day-citing-the-story", "next-day-citing-the-rights-group"])
def test_a_papers_correction_takes_its_old_figure_out_of_every_dispute(
    make_store: Callable[..., Path], how: str
) -> None:
    """Analysts' trials: the Harbor Times prints 53 killed; its correction says 42 —
    the same day, in a notice citing the story (the paper "contradicted itself", CC107,
    and its 53 stayed in the dispute and the estimate's high), or the next day as
    "42, according to Watchlight", citing its story and the rights group's report on
    the wire (the paper's 42 was Watchlight's word, so its own 53 stood). Either way it
    is the paper's later word: the 53 is lowered (CC106), in no dispute, out of the
    estimate."""
    if how == "same-day-citing-the-story":
        correction = (
            "{id: harbor-fix, outlet: harbor-times, published: 2031-03-05, cites: [harbor-0305]}"
        )
    else:
        correction = (
            "{id: harbor-fix, outlet: harbor-times, published: 2031-03-06, "
            "cites: [harbor-0305, meridian-0305]}"
        )
    rows = [
        "{id: harbor-53, subject: dresk-shelling, property: civilian_deaths, value: 53, "
        "source: harbor-0305}",
        "{id: harbor-42, subject: dresk-shelling, property: civilian_deaths, value: 42, "
        "source: harbor-fix}",
        "{id: watch-42, subject: dresk-shelling, property: civilian_deaths, value: 42, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: ward-40, subject: dresk-shelling, property: civilian_deaths, value: 40, "
        "source: northgate-0305, claimant: open-ward}",
    ]
    data = run(world(make_store, *rows, **{"fix.yaml": f"documents:\n  - {correction}\n"}))
    assert not findings(data, "CC107"), data["findings"]
    (lowered,) = findings(data, "CC106")
    assert "harbor-times lowered" in lowered["message"] and "53" in lowered["message"], lowered
    assert not [f for f in findings(data, "CC101") if "harbor-53" in f["claims"]], data["findings"]
    est = estimate(data, "dresk-shelling", "civilian_deaths")
    assert est is not None and est["high"] == 42, est
    assert data["grades"]["harbor-53"]["reason"].startswith("revised downward since"), data[
        "grades"
    ]["harbor-53"]


def test_a_papers_relay_printed_before_its_own_count_revises_nothing(
    make_store: Callable[..., Path],
) -> None:
    """The other way round: the paper prints the rights group's 42 (citing its report),
    then its own count of 53 at the morgue the next day. The 42 was Watchlight's word,
    no figure of the paper's own that the 53 revises: no CC105, and Watchlight's 42
    stands."""
    rows = [
        "{id: harbor-42, subject: dresk-shelling, property: civilian_deaths, value: 42, "
        "source: harbor-fix}",
        "{id: watch-42, subject: dresk-shelling, property: civilian_deaths, value: 42, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: harbor-53, subject: dresk-shelling, property: civilian_deaths, value: 53, "
        "source: harbor-0306}",
    ]
    docs = "documents:\n  - {id: harbor-fix, outlet: harbor-times, published: 2031-03-05, cites: [meridian-0305]}\n"
    data = run(world(make_store, *rows, **{"fix.yaml": docs}))
    assert not findings(data, "CC105") and not findings(data, "CC106"), data["findings"]
    assert not data["grades"]["watch-42"]["reason"].startswith("revised"), data["grades"]


def test_a_side_blaming_one_party_of_a_side_does_not_clear_its_ally(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Watchlight and the Harbor Times blame the Iron Hills Militia
    (an ally of the army) for the shelling, the militia denies it, and the VLF blames
    the army. "The army did it" was read as the VLF's word that the militia did not:
    the militia's denial "supported by sides korvalia-government, vlf, agreeing" —
    common ground weighing as a neutral origin — doubtful (4), and its interested-only
    gap (CC202) gone. The VLF blamed the government's side either way: the denial rests
    on the militia's word alone, improbable against two neutral origins (5), CC202
    stands — as without the VLF's claim. A neutral voice naming another answer still
    clears the one it does not name."""
    rows = [
        "{id: watch, subject: dresk-shelling, property: responsible, value: iron-hills-militia, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: harbor, subject: dresk-shelling, property: responsible, value: iron-hills-militia, "
        "source: harbor-0305}",
        "{id: militia-denies, subject: dresk-shelling, property: responsible, "
        "value: iron-hills-militia, stance: denies, source: lantern-0305, "
        "claimant: iron-hills-militia}",
        "{id: vlf-blames-army, subject: dresk-shelling, property: responsible, "
        "value: korvalian-army, source: northgate-0305, claimant: vlf}",
    ]
    for shown in (rows, rows[:3]):
        data = run(_entity_store(make_store, WORLD, shown))
        denial = data["grades"]["militia-denies"]
        assert denial["grade"] == 5, (len(shown), denial)
        assert any(f["claims"] == ["militia-denies"] for f in findings(data, "CC202")), data[
            "findings"
        ]
    # (a neutral voice blaming the army clears the militia: it supports the denial)
    neutral = rows[3].replace("claimant: vlf", "claimant: open-ward")
    data = run(_entity_store(make_store, WORLD, [*rows[:3], neutral]))
    assert data["grades"]["militia-denies"]["supporting_origins"] == 2, data["grades"]


def test_allies_giving_two_dates_are_a_conflict_and_their_grades_say_whose(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: the army says the hostages were freed on the 5th, its allied
    militia the 4th. The conflict (CC103) names both; CC201 also said "2031-03-04,
    2031-03-05 rests on one origin", and each grade "contradicted by no other (it also
    says otherwise)" — as if one voice had said both. Now no CC201, and the grades say
    that their own side also says otherwise."""
    rows = [
        "{id: army, subject: ferry-hostages, property: freed_on, value: 2031-03-05, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: militia, subject: ferry-hostages, property: freed_on, value: 2031-03-04, "
        "source: harbor-0305, claimant: iron-hills-militia}",
    ]
    data = run(_entity_store(make_store, WORLD, rows, "{id: freed_on, type: date}"))
    assert findings(data, "CC103") and not findings(data, "CC201"), data["findings"]
    assert (
        "contradicted by no other side (its own, korvalia-government, also says otherwise)"
        in data["grades"]["army"]["reason"]
    ), data["grades"]["army"]


def test_an_encyclopedias_range_spanning_two_voices_is_the_word_of_neither(
    make_store: Callable[..., Path],
) -> None:
    """An analyst's trial: Openpedia's "between 9 and 30 soldiers were killed", citing
    the army's 9 and the VLF's 30, was credited to the VLF (the first carrier by id):
    the report said Openpedia relayed the VLF, and the VLF's record counted it. A range
    spanning figures its citations give in different voices summarises their dispute:
    the word of neither, so uncited (CC204) — its citations give only its ends."""
    wiki = (
        "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
        "documents:\n  - {id: wiki, outlet: openpedia, cites: [meridian-0305, lantern-0305]}\n"
    )
    rows = [
        "{id: army-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: vlf-30, subject: saltmarsh-clashes, property: army_losses, value: 30, "
        "source: lantern-0305, claimant: vlf}",
        "{id: wiki-range, subject: saltmarsh-clashes, property: army_losses, value: 9-30, "
        "source: wiki}",
    ]
    root = _wiki_losses(make_store, wiki, rows)
    data = run(root)
    (uncited,) = findings(data, "CC204")
    assert uncited["claims"] == ["wiki-range"], uncited
    assert (
        "korvalian-army, vlf give figures within it: a summary of their dispute"
        in (uncited["message"])
    ), uncited["message"]
    ev = _losses_group(root)
    assert "wiki-range" not in ev.relayed_from, ev.relayed_from
    # (the army giving the range itself, a rights group's 20 within it: the army's range
    # relayed — it was uncited, and credited to the rights group: an adversarial trial)
    exact = [rows[0].replace("value: 9,", "value: 9-30,"), rows[1], rows[2]]
    exact[1] = (
        exact[1].replace("value: 30", "value: 20").replace("claimant: vlf", "claimant: watchlight")
    )
    root = _wiki_losses(make_store, wiki, exact)
    assert not findings(run(root), "CC204")
    ev = _losses_group(root)
    assert ev.relayed_from["wiki-range"].id == "army-9", ev.relayed_from
    # (one voice's range, cited: its relay as ever)
    data = run(_wiki_losses(make_store, wiki, [rows[0], rows[2].replace("9-30", "5-10")]))
    assert not findings(data, "CC204"), data["findings"]


def test_a_wire_quoting_a_ministry_citing_its_communique_corrects_nothing(
    make_store: Callable[..., Path],
) -> None:
    """A first cut of the same-day correction read a wire's "at least 23, the ministry
    said", citing the ministry's communiqué of 23 that day, as the ministry correcting
    itself: its 23 "revised since by its own origin". A correction is an outlet's later
    story citing its own: the wire relays the communiqué."""
    docs = (
        "documents:\n  - {id: wire-0305, outlet: lantern-wire, published: 2031-03-05, "
        "cites: [korvalia-tv-0305]}\n"
    )
    rows = [
        "{id: ministry-23, subject: dresk-shelling, property: civilian_deaths, value: 23, "
        "source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: wire-23, subject: dresk-shelling, property: civilian_deaths, value: at least 23, "
        "source: wire-0305, claimant: defence-ministry}",
    ]
    data = run(world(make_store, *rows, **{"wire.yaml": docs}))
    assert "revised" not in data["grades"]["ministry-23"]["reason"], data["grades"]
    assert not findings(data, "CC106") and not findings(data, "CC105"), data["findings"]


@pytest.mark.parametrize("figures", [["30"], ["30", "60"]])
def test_a_new_story_relaying_other_figures_does_not_retire_a_papers_count(
    make_store: Callable[..., Path], figures: list[str]
) -> None:
    """An adversarial trial of the corrections' first cut: the Harbor Times counts 53
    bodies; the next day, a new story (citing state TV and the wire, not its own story)
    gives the ministry's 30 in its own words — or the ministry's 30 and the Front's 60.
    That retired the paper's count ("revised downward since", out of the dispute: the
    estimate's best became the ministry's 30), made the paper "contradict itself" (30
    vs 60), and which figure retired it followed the claims' ids. Relaying a party in a
    new story withdraws nothing: the 53 stands, no CC106, no CC107."""
    docs = (
        "documents:\n  - {id: harbor-0307, outlet: harbor-times, published: 2031-03-07, "
        "cites: [korvalia-tv-0305, lantern-0306]}\n"
    )
    rows = [
        "{id: harbor-53, subject: dresk-shelling, property: civilian_deaths, value: 53, "
        "source: harbor-0305}",
        "{id: ministry-30, subject: dresk-shelling, property: civilian_deaths, value: 30, "
        "source: korvalia-tv-0305, claimant: defence-ministry}",
        "{id: vlf-60, subject: dresk-shelling, property: civilian_deaths, value: 60, "
        "source: lantern-0306, claimant: vlf}",
        *(
            f"{{id: harbor-{f}, subject: dresk-shelling, property: civilian_deaths, value: {f}, "
            "source: harbor-0307}"
            for f in figures
        ),
    ]
    data = run(world(make_store, *rows, **{"story.yaml": docs}))
    assert not findings(data, "CC106") and not findings(data, "CC107"), data["findings"]
    assert not data["grades"]["harbor-53"]["reason"].startswith("revised"), data["grades"]
    assert any("harbor-53" in f["claims"] for f in findings(data, "CC101")), data["findings"]


def test_an_undated_correction_is_no_revision_but_a_self_contradiction(
    make_store: Callable[..., Path],
) -> None:
    """A stranger's review: two undated stories of one paper, the second citing the
    first, were read as a revision (CC106, "53 (undated) → 35 (undated)") while the
    grades kept both as current figures. Undated, they have no order: the paper
    contradicts itself (CC107), which asks to mark the old figure superseded."""
    docs = (
        "documents:\n  - {id: p1, outlet: harbor-times}\n"
        "  - {id: p2, outlet: harbor-times, cites: [p1]}\n"
    )
    rows = [
        "{id: p-53, subject: dresk-shelling, property: civilian_deaths, value: 53, source: p1}",
        "{id: p-35, subject: dresk-shelling, property: civilian_deaths, value: 35, source: p2}",
    ]
    data = run(world(make_store, *rows, **{"docs.yaml": docs}))
    assert findings(data, "CC107") and not findings(data, "CC106"), data["findings"]


def test_an_encyclopedias_summary_stays_uncited_whatever_else_it_cites_and_a_copy_relays_its_voice(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: Openpedia's "between 9 and 30" spanning the army's and the VLF's
    figures was uncited — until it also cited an unrelated document the store records
    nothing of: then it was a neutral origin of its own, graded 2 with a 100 % record.
    And its "at least 20", which Watchlight gives as it is and the army's 25 bears out,
    was credited to the army (the first cited document): a copy relays the voice that
    gives it as it is."""
    wiki = (
        "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
        "documents:\n  - {id: wiki, outlet: openpedia, "
        "cites: [harbor-0305, meridian-0305, lantern-0305, unrelated]}\n"
        "  - {id: unrelated, outlet: valley-courier, published: 2031-03-05}\n"
    )
    rows = [
        "{id: army-9, subject: saltmarsh-clashes, property: army_losses, value: 9, "
        "source: meridian-0305, claimant: korvalian-army}",
        "{id: vlf-30, subject: saltmarsh-clashes, property: army_losses, value: 30, "
        "source: lantern-0305, claimant: vlf}",
        "{id: wiki-range, subject: saltmarsh-clashes, property: army_losses, value: 9-30, "
        "source: wiki}",
    ]
    data = run(_wiki_losses(make_store, wiki, rows))
    assert [f["claims"] for f in findings(data, "CC204")] == [["wiki-range"]], data["findings"]
    rows = [
        "{id: army-25, subject: saltmarsh-clashes, property: army_losses, value: 25, "
        "source: harbor-0305, claimant: korvalian-army}",
        "{id: watch-20, subject: saltmarsh-clashes, property: army_losses, value: at least 20, "
        "source: meridian-0305, claimant: watchlight}",
        "{id: wiki-20, subject: saltmarsh-clashes, property: army_losses, value: at least 20, "
        "source: wiki}",
    ]
    root = _wiki_losses(make_store, wiki, rows)
    ev = _losses_group(root)
    assert ev.relayed_from["wiki-20"].id == "watch-20", ev.relayed_from


def test_an_encyclopedia_naming_a_voice_rewrites_no_papers_own_word(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: Openpedia's "the ministry blamed the VLF", citing the Harbor
    Times' own witness-based report, turned the paper's report into the ministry's word
    (credited to it, the paper's record emptied, a CC202 on the ministry). A summary
    naming a voice rewrites no one's word: the paper keeps its own."""
    wiki = (
        "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
        "documents:\n  - {id: wiki, outlet: openpedia, cites: [harbor-0305]}\n"
    )
    rows = [
        "{id: harbor-vlf, subject: dresk-shelling, property: responsible, value: vlf, "
        "source: harbor-0305}",
        "{id: wiki-vlf, subject: dresk-shelling, property: responsible, value: vlf, "
        "source: wiki, claimant: defence-ministry}",
        "{id: watch-army, subject: dresk-shelling, property: responsible, "
        "value: korvalian-army, source: meridian-0305, claimant: watchlight}",
    ]
    root = make_store(
        {
            "world.yaml": WORLD,
            "props.yaml": "properties:\n  - {id: responsible, type: entity}\n",
            "wiki.yaml": wiki,
            "claims.yaml": claims_yaml(*rows),
        },
        base=False,
    )
    ev = StoreEvidence(load_store(root)).group(("dresk-shelling", "responsible"))
    assert "harbor-vlf" not in ev.relayed_from, ev.relayed_from


def test_a_un_office_recorded_as_an_outlet_named_for_anothers_figure_is_a_misattribution(
    make_store: Callable[..., Path],
) -> None:
    """A desk's trial: "47, according to the UN", citing the wire's "47, the ministry
    said", with the UN office recorded as an outlet (kind un) and its own count 19: the
    quote was the UN's own word — "ocha revised upward 19 → 47", the ministry's 47
    "confirmed" by the UN. As with a party named for it, the figure is the ministry's
    word misattributed: CC203 asks to check it, the ministry's 47 rests on its side."""
    extra = (
        "outlets:\n  - {id: ocha, name: UN OCHA, kind: un}\n"
        "documents:\n  - {id: ocha-0305, outlet: ocha, published: 2031-03-05}\n"
        "  - {id: harbor-fix, outlet: harbor-times, published: 2031-03-06, "
        "cites: [lantern-0305]}\n"
    )
    rows = [
        "{id: ocha-19, subject: dresk-shelling, property: civilian_deaths, value: at least 19, "
        "source: ocha-0305}",
        "{id: ministry-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
        "source: lantern-0305, claimant: defence-ministry}",
        "{id: harbor-un-47, subject: dresk-shelling, property: civilian_deaths, value: 47, "
        "source: harbor-fix, claimant: ocha}",
    ]
    data = run(world(make_store, *rows, **{"ocha.yaml": extra}))
    assert not findings(data, "CC105"), data["findings"]
    assert any("harbor-un-47" in f["claims"] for f in findings(data, "CC203")), data["findings"]
    assert data["grades"]["harbor-un-47"]["grade"] == 6, data["grades"]["harbor-un-47"]
    assert any("ministry-47" in f["claims"] for f in findings(data, "CC202")), data["findings"]


@pytest.mark.parametrize("names", [("a-army", "b-watch"), ("z-army", "b-watch")])
def test_an_encyclopedias_copy_of_a_figure_two_voices_give_is_credited_whatever_the_ids(
    make_store: Callable[..., Path], names: tuple[str, str]
) -> None:
    """A stranger's review: Openpedia's "at least 20", citing the army's and Watchlight's
    identical "at least 20", was credited to whichever claim id sorted first. It goes to
    the voice of the document printed first (then by document id), whatever the ids."""
    wiki = (
        "outlets:\n  - {id: openpedia, name: Openpedia, kind: encyclopedia}\n"
        "documents:\n  - {id: wiki, outlet: openpedia, cites: [meridian-0306, harbor-0305]}\n"
    )
    army, watch = names
    rows = [
        f"{{id: {army}, subject: saltmarsh-clashes, property: army_losses, value: at least 20, "
        "source: harbor-0305, claimant: korvalian-army}",
        f"{{id: {watch}, subject: saltmarsh-clashes, property: army_losses, value: at least 20, "
        "source: meridian-0306, claimant: watchlight}",
        "{id: wiki-20, subject: saltmarsh-clashes, property: army_losses, value: at least 20, "
        "source: wiki}",
    ]
    root = _wiki_losses(make_store, wiki, rows)
    ev = _losses_group(root)
    assert ev.relayed_from["wiki-20"].claimant == "korvalian-army", ev.relayed_from


def test_a_partys_outlying_figure_keeps_no_neutral_dispute_out_of_the_finding(
    make_store: Callable[..., Path],
) -> None:
    """An ACLED-style trial: Watchlight's "at least 7" on the day, raised to 8 three
    days later; the hospital's and two papers' 6; a party's 2. Without the 2, CC101 named
    the 6s against Watchlight's 7+ (its count of the day); with it, only "2 vs 6; 2 vs
    8" — the 6s had a partner below, so the dispute above them left the finding while
    the grades still counted it. A figure below settles nothing above: the finding
    names both disputes."""
    rows = [
        "{id: watch-7, subject: dresk-shelling, property: civilian_deaths, value: at least 7, "
        "source: harbor-0305, claimant: watchlight, as_of: 2031-03-04}",
        "{id: ward-6, subject: dresk-shelling, property: civilian_deaths, value: 6, "
        "source: meridian-0305, claimant: open-ward, as_of: 2031-03-04}",
        "{id: northgate-6, subject: dresk-shelling, property: civilian_deaths, value: 6, "
        "source: northgate-0305}",
        "{id: watch-8, subject: dresk-shelling, property: civilian_deaths, value: 8, "
        "source: late, claimant: watchlight}",
    ]
    party = (
        "{id: army-2, subject: dresk-shelling, property: civilian_deaths, value: 2, "
        "source: korvalia-tv-0305, claimant: korvalian-army, as_of: 2031-03-04}"
    )
    late = "documents:\n  - {id: late, outlet: valley-courier, published: 2031-03-07}\n"
    for shown in (rows, [*rows, party]):
        data = run(world(make_store, *shown, **{"late.yaml": late}))
        (dispute,) = findings(data, "CC101")
        assert ["northgate-6", "watch-7"] in dispute["pairs"], (len(shown), dispute)
