"""The shipped Kidal store: complete, sourced, and quoted verbatim from the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.store import Store
from claimcheck.values import Quantity

SEED = Path(__file__).parent / "data" / "battle-of-kidal-2023.txt"
WIKI = "wikipedia-battle-of-kidal-2023"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@pytest.fixture(scope="module")
def seed() -> str:
    return _norm(SEED.read_text(encoding="utf-8"))


def find(
    store: Store, subject: str, prop: str, source: str | None = None, claimant: str | None = None
) -> list[object]:
    return [
        c
        for c in store.claims.values()
        if c.subject == subject
        and c.property == prop
        and (source is None or c.source == source)
        and (claimant is None or c.claimant == claimant)
    ]


def test_every_claim_has_source_claimant_and_a_verbatim_quote(
    kidal_store: Store, seed: str
) -> None:
    for c in kidal_store.claims.values():
        assert c.source, c.id
        assert c.claimant, c.id
        assert c.quote, c.id
        quote = _norm(c.quote).removeprefix("... ")
        assert quote in seed, f"{c.id}: quote not found verbatim in the seed article: {quote!r}"


def test_the_25_references_and_the_article_are_documents(kidal_store: Store, seed: str) -> None:
    docs = kidal_store.documents
    assert len(docs) == 26
    assert docs[WIKI].outlet == "wikipedia"
    for doc in docs.values():
        assert doc.title and _norm(doc.title) in seed, doc.id
        assert doc.language in ("fr", "en"), doc.id
        if doc.id != WIKI:
            assert doc.retrieved is not None, doc.id


def test_france_medias_monde_owns_rfi_france24_and_the_observers(kidal_store: Store) -> None:
    owners = {o.id: o.owner_key for o in kidal_store.outlets.values()}
    assert owners["rfi"] == owners["france24"] == owners["france24-observers"]
    assert len({owners["rfi"], owners["le-monde"], owners["le-figaro"], owners["liberation"]}) == 4


def test_the_parties_the_issue_names(kidal_store: Store) -> None:
    for pid in (
        "fama",
        "malian-junta",
        "wagner",
        "csp-psd",
        "cma",
        "platform",
        "gatia",
        "mnla",
        "hcua",
        "maa",
        "ansar-dine",
        "aqim",
        "minusma",
        "french-forces",
        "medical-sources",
        "rfi-journalists",
        "malian-officials",
        "assimi-goita",
    ):
        assert pid in kidal_store.parties, pid
    assert kidal_store.parties["fama"].side == kidal_store.parties["wagner"].side


def test_strike_of_7_november(kidal_store: Store) -> None:
    s = "drone-strike-2023-11-07"
    (rfi14,) = [
        c
        for c in find(kidal_store, s, "civilian_deaths", "rfi-2023-11-07-drone-strikes")
        if c.value == 14
    ]
    assert rfi14.claimant == "rfi"
    (headline,) = [
        c
        for c in find(kidal_store, s, "civilian_deaths", "rfi-2023-11-07-drone-strikes")
        if c.value != 14
    ]
    assert isinstance(headline.parsed, Quantity) and headline.parsed.low == 10
    assert headline.parsed.high == float("inf")
    (medical,) = find(
        kidal_store, s, "civilian_deaths", "rfi-2023-11-09-teacher", "medical-sources"
    )
    assert medical.value == 10
    (infobox,) = find(kidal_store, s, "civilian_deaths", WIKI)
    assert infobox.value == "14+"
    (injured,) = find(kidal_store, s, "civilian_injuries", WIKI)
    assert injured.value == "30+"
    assert find(kidal_store, s, "civilian_injuries", "rfi-2023-11-07-drone-strikes")


def test_alkit_valley_rival_claims(kidal_store: Store) -> None:
    eleven = "alkit-valley-clashes-2023-11-11"
    (officials,) = find(
        kidal_store, eleven, "outcome", "jeuneafrique-army-nears-kidal", "malian-officials"
    )
    (rebels,) = find(kidal_store, eleven, "outcome", "rfi-2023-11-10-kidal-on-alert", "csp-psd")
    assert officials.value != rebels.value
    (rfi,) = find(
        kidal_store,
        "alkit-valley-clashes-2023-11-12",
        "outcome",
        "rfi-2023-11-13-offensive-resumes",
        "rfi-journalists",
    )
    assert rfi.value == "stalemate"


def test_battle_claims(kidal_store: Store) -> None:
    f24 = "france24-2023-11-13-battle-continues"
    assert find(kidal_store, "l39-crash-2023-11-11", "cause", f24)
    (vehicles,) = find(
        kidal_store, "southern-flanking-2023-11-13", "rebel_side_vehicles_destroyed", f24
    )
    assert vehicles.value == 10
    capture = "kidal-capture-2023-11-14"
    for doc in (
        "lefigaro-2023-11-14-army-takes-position",
        "rfi-2023-11-14-army-takes-kidal",
        "lemonde-2023-11-14-kidal-retaken",
    ):
        assert find(kidal_store, capture, "captured_by", doc), doc
    (decisive,) = find(kidal_store, capture, "decisive_force", "rfi-2023-11-14-army-takes-kidal")
    assert decisive.value == "wagner"
    (losses,) = find(kidal_store, capture, "losses_reported", "lemonde-2023-11-14-kidal-retaken")
    assert losses.value == "none"
    assert find(kidal_store, capture, "captured_by", claimant="assimi-goita")


def test_aftermath_flag_and_governor(kidal_store: Store) -> None:
    doc = kidal_store.documents["rfi-2023-11-22-wagner-flag"]
    assert str(doc.published) == "2023-11-22"
    (raised,) = find(kidal_store, "wagner-flag-raising-2023-11-22", "date", doc.id)
    (replaced,) = find(kidal_store, "wagner-flag-replaced-2023-11-26", "date", doc.id)
    assert str(raised.parsed) == "2023-11-22" and str(replaced.parsed) == "2023-11-26"
    (gov,) = find(kidal_store, "kidal-region", "governor", "rfi-2023-11-22-gamou-governor")
    assert gov.value == "el-hadj-ag-gamou"


def test_prelude_claims(kidal_store: Store) -> None:
    ja = "jeuneafrique-goita-stakes-kidal"
    (column,) = find(kidal_store, "kidal-offensive-2023", "troop_strength", ja)
    assert column.value == 800
    (anefis,) = find(kidal_store, "anefis-capture-2023", "date", ja)
    assert str(anefis.parsed) == "2023-10-07"
    assert find(
        kidal_store, "minusma-kidal-withdrawal-2023", "end", "rfi-2023-10-31-minusma-withdrawal"
    )
    assert find(kidal_store, "drone-strike-2023-11-03", "losses_reported")
    assert find(kidal_store, "drone-strikes-2023-11-09", "losses_reported")


def test_infobox_result_and_commanders(kidal_store: Store) -> None:
    battle = "battle-of-kidal-2023"
    (result,) = find(kidal_store, battle, "outcome", WIKI)
    assert result.value == "government-victory"
    (gamou,) = find(kidal_store, battle, "government_commander", WIKI)
    assert gamou.value == "el-hadj-ag-gamou"
    (unknown,) = find(kidal_store, battle, "rebel_commander", WIKI)
    assert unknown.value == "unknown"


def test_files_reference_the_schema(kidal_store: Store) -> None:
    for path in kidal_store.paths:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file(), path
