"""Independence of sources: shared owners, claimants and citation chains join origins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.store import load_store


def claim(cid: str, source: str, claimant: str | None = None, value: int = 10) -> str:
    extra = f", claimant: {claimant}" if claimant else ""
    return (
        f"  - {{id: {cid}, subject: strike, property: deaths, value: {value}, "
        f"source: {source}{extra}}}\n"
    )


def origins(make_store: Callable[..., Path], claims: str, extra: str = "") -> list[list[str]]:
    root = make_store({"c.yaml": extra + "claims:\n" + claims})
    store = load_store(root)
    ev = StoreEvidence(store).group(("strike", "deaths"))
    groups: dict[int, list[str]] = {}
    for c in ev.claims:
        groups.setdefault(ev.credited[c.id], []).append(c.id)
    return sorted(sorted(g) for g in groups.values())


def test_rfi_and_france24_share_an_owner(make_store: Callable[..., Path]) -> None:
    assert origins(make_store, claim("a", "rfi-doc") + claim("b", "f24-doc")) == [["a", "b"]]


def test_independent_outlets_are_two_origins(make_store: Callable[..., Path]) -> None:
    assert origins(make_store, claim("a", "monde-doc") + claim("b", "figaro-doc")) == [["a"], ["b"]]


def test_two_outlets_quoting_medical_sources_are_one_origin(
    make_store: Callable[..., Path],
) -> None:
    found = origins(
        make_store,
        claim("a", "monde-doc", "medical-sources") + claim("b", "figaro-doc", "medical-sources"),
    )
    assert found == [["a", "b"]]


def test_a_document_citing_another_joins_its_origin(make_store: Callable[..., Path]) -> None:
    extra = "documents:\n  - {id: relay, outlet: le-figaro, cites: [monde-doc]}\n"
    found = origins(make_store, claim("a", "monde-doc") + claim("b", "relay"), extra)
    assert found == [["a", "b"]]


def test_citation_chains_are_followed_transitively(make_store: Callable[..., Path]) -> None:
    extra = (
        "outlets:\n  - {id: blog, name: Blog, kind: social}\n"
        "documents:\n  - {id: relay1, outlet: le-figaro, cites: [monde-doc]}\n"
        "  - {id: relay2, outlet: blog, cites: [relay1]}\n"
    )
    found = origins(make_store, claim("a", "monde-doc") + claim("b", "relay2"), extra)
    assert found == [["a", "b"]]


def test_an_outlet_reporting_on_its_own_is_its_own_origin(make_store: Callable[..., Path]) -> None:
    # Two outlets, neither naming a claimant: they share no claimant node.
    found = origins(
        make_store, claim("a", "monde-doc") + claim("b", "figaro-doc") + claim("c", "monde-doc")
    )
    assert found == [["a", "c"], ["b"]]


def test_an_outlet_claimant_links_to_that_outlet(make_store: Callable[..., Path]) -> None:
    # Le Figaro relaying what RFI said joins RFI's own claims (and France 24's, same owner).
    found = origins(make_store, claim("a", "figaro-doc", "rfi") + claim("b", "f24-doc"))
    assert found == [["a", "b"]]


def test_claims_with_no_source_and_no_claimant_are_each_their_own_origin(
    make_store: Callable[..., Path],
) -> None:
    # Nothing ties them together: the library's origins must not merge them (they once
    # shared the first one's "unsourced" node, remembered for the next).
    bare = "".join(
        f"  - {{id: {cid}, subject: strike, property: deaths, value: 10}}\n" for cid in "abc"
    )
    assert origins(make_store, bare) == [["a"], ["b"], ["c"]]


def test_claims_of_one_claimant_without_a_source_are_one_origin(
    make_store: Callable[..., Path],
) -> None:
    bare = "".join(
        f"  - {{id: {cid}, subject: strike, property: deaths, value: 10, claimant: {who}}}\n"
        for cid, who in (("a", "medical-sources"), ("b", "medical-sources"), ("c", "rfi"))
    )
    assert origins(make_store, bare + claim("d", "f24-doc")) == [["a", "b"], ["c", "d"]]


def test_the_graph_holds_sources_not_claims(make_store: Callable[..., Path]) -> None:
    root = make_store(
        {"c.yaml": "claims:\n" + "".join(claim(f"c{i}", "rfi-doc") for i in range(50))}
    )
    g = Provenance(load_store(root)).graph
    kinds = {data["kind"] for _, data in g.nodes(data=True)}
    assert kinds <= {"claimant", "document", "outlet", "owner"}
    assert g.number_of_nodes() < 20
    assert g.has_edge("document:rfi-doc", "outlet:rfi")
    assert g.has_edge("outlet:rfi", "owner:France Médias Monde")


def test_kidal_rfi_medical_sources_and_france24_observers(kidal_store: object) -> None:
    from claimcheck.store import Store

    assert isinstance(kidal_store, Store)
    prov = Provenance(kidal_store)
    c = kidal_store.claims
    key = prov.origin_key
    # RFI's own report and the medical sources it quotes: two voices (DESIGN §2).
    assert key(c["strike-1107-deaths-rfi"]) != key(c["strike-1107-deaths-rfi-medical"])
    # France 24's Observers desk and Libération: independent.
    assert key(c["wagner-present-mali-observers"]) != key(c["wagner-present-mali-liberation"])
    # RFI and France 24 reporting in their own voice: one owner, one origin.
    assert key(c["capture-1114-by-fama-rfi-headline"]) == "outlet:France Médias Monde"
    assert prov.own_reporting(c["capture-1114-by-fama-rfi-headline"])
