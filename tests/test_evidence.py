"""A group's origins and units (DESIGN §2): who first said it, and who counts once.

The group analysis and the store-level grouping of :class:`Provenance` agree on any set
of claims of one value; quoted claimants stay apart however they are relayed; allies
count once for corroboration but twice for conflicts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.analysis.group import GroupEvidence
from claimcheck.store import load_store

SOURCES = ["rfi-doc", "rfi-doc-2", "f24-doc", "monde-doc", "figaro-doc", "relay", "leaflet"]
CLAIMANTS = [None, "medical-sources", "malian-officials", "fama", "le-monde", "rfi"]
RELAY = "documents:\n  - {id: relay, outlet: le-figaro, cites: [monde-doc]}\n"


def _group(
    make_store: Callable[..., Path],
    claims: list[tuple[str, str | None, str]],
    extra: str = RELAY,
    subject: str = "strike",
) -> tuple[GroupEvidence, StoreEvidence]:
    lines = []
    for i, (source, claimant, value) in enumerate(claims):
        who = f", claimant: {claimant}" if claimant else ""
        lines.append(
            f"  - {{id: c{i}, subject: {subject}, property: deaths, value: {value!r}, "
            f"source: {source}{who}}}"
        )
    root = make_store({"c.yaml": extra + "claims:\n" + "\n".join(lines) + "\n"})
    evidence = StoreEvidence(load_store(root))
    return evidence.group((subject, "deaths")), evidence


def _partition(groups: list[list[str]]) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


def _origins(ev: GroupEvidence) -> list[list[str]]:
    """The claims by the origin their value is credited to."""
    by: dict[int, list[str]] = {}
    for c in ev.claims:
        by.setdefault(ev.credited[c.id], []).append(c.id)
    return _partition(list(by.values()))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(SOURCES), st.sampled_from(CLAIMANTS)), min_size=1, max_size=9
    )
)
def test_the_group_and_the_provenance_agree_on_one_value(
    make_store: Callable[..., Path], claims: list[tuple[str, str | None]]
) -> None:
    ev, evidence = _group(make_store, [(s, c, "10") for s, c in claims])
    listed = evidence.provenance.origin_groups(ev.claims)
    assert _origins(ev) == _partition([[c.id for c in g] for g in listed])


def test_claimants_quoted_in_one_document_are_two_origins(
    make_store: Callable[..., Path],
) -> None:
    # A dispatch quoting the army and the medical sources: two voices, not one document.
    ev, _ = _group(make_store, [("rfi-doc", "fama", "10"), ("rfi-doc", "medical-sources", "10")])
    assert _origins(ev) == [["c0"], ["c1"]]


def test_one_claimant_relayed_by_two_outlets_is_one_origin(
    make_store: Callable[..., Path],
) -> None:
    ev, _ = _group(
        make_store,
        [("monde-doc", "medical-sources", "10"), ("figaro-doc", "medical-sources", "10")],
    )
    assert _origins(ev) == [["c0", "c1"]]


def test_an_outlet_citing_a_document_has_its_figure_from_there(
    make_store: Callable[..., Path],
) -> None:
    # Le Figaro's relay of Le Monde states Le Monde's figure: one origin. A figure of its
    # own that the cited document does not give is Le Figaro's.
    same, _ = _group(make_store, [("monde-doc", None, "10"), ("relay", None, "10")])
    assert _origins(same) == [["c0", "c1"]]
    other, _ = _group(make_store, [("monde-doc", None, "10"), ("relay", None, "14")])
    assert _origins(other) == [["c0"], ["c1"]]


def test_relaying_a_figure_does_not_make_an_outlet_one_with_its_source(
    make_store: Callable[..., Path],
) -> None:
    # Le Figaro's relay of Le Monde's 10 is credited to Le Monde; Le Figaro's own 14
    # elsewhere is still Le Figaro's, and conflicts with Le Monde's 10.
    ev, _ = _group(
        make_store, [("monde-doc", None, "10"), ("relay", None, "10"), ("figaro-doc", None, "14")]
    )
    assert _origins(ev) == [["c0", "c1"], ["c2"]]
    assert ev.origin_of(ev.claims[1]) == ev.origin_of(ev.claims[2])  # both Le Figaro's
    assert [c.id for c in ev.conflicts().claims] == ["c0", "c2"]


def test_own_reporting_citing_one_wire_is_one_origin(make_store: Callable[..., Path]) -> None:
    wire = (
        "outlets:\n  - {id: wire, name: Wire, kind: wire}\n"
        "documents:\n  - {id: dispatch, outlet: wire}\n"
        "  - {id: m2, outlet: le-monde, cites: [dispatch]}\n"
        "  - {id: f2, outlet: le-figaro, cites: [dispatch]}\n"
    )
    ev, _ = _group(make_store, [("m2", None, "10"), ("f2", None, "10")], extra=wire)
    assert _origins(ev) == [["c0", "c1"]]


def test_a_party_and_its_parts_are_one_origin(make_store: Callable[..., Path]) -> None:
    parts = (
        "parties:\n  - {id: ministry, name: Ministry, kind: state, part_of: fama}\n"
        "  - {id: desk, name: Press desk, kind: state, part_of: ministry}\n"
    )
    ev, _ = _group(
        make_store,
        [("monde-doc", "desk", "10"), ("figaro-doc", "fama", "10"), ("rfi-doc", "wagner", "10")],
        extra=parts,
    )
    assert _origins(ev) == [["c0", "c1"], ["c2"]]


def test_allies_are_one_unit_for_corroboration_but_two_origins(
    make_store: Callable[..., Path],
) -> None:
    # FAMa and Wagner share a side of the strike: one voice for corroboration; the
    # medical sources are neutral and count on their own.
    ev, _ = _group(
        make_store,
        [
            ("monde-doc", "fama", "10"),
            ("figaro-doc", "wagner", "10"),
            ("rfi-doc", "medical-sources", "10"),
        ],
    )
    assert _origins(ev) == [["c0"], ["c1"], ["c2"]]
    assert len({ev.origin_of(c) for c in ev.claims}) == 3
    units = {c.id: ev.unit_of(c) for c in ev.claims}
    assert units["c0"] is units["c1"] and units["c0"].side == "mali-government"
    assert units["c2"].side is None and units["c2"].anonymous
    (statement,) = ev.statements
    assert len(ev.tally(statement).support) == 2


def test_support_respects_open_bounds(make_store: Callable[..., Path]) -> None:
    ev, _ = _group(
        make_store,
        [("monde-doc", None, "20"), ("figaro-doc", None, ">20"), ("rfi-doc", None, "at least 20")],
    )
    by_value = {str(s.value): s for s in ev.statements}
    twenty, more, at_least = by_value["20"], by_value[">20"], by_value["at least 20"]
    assert not ev.statement_supports(twenty, more)
    assert ev.statements_conflict(twenty, more)
    assert ev.statement_supports(twenty, at_least) and ev.statement_supports(more, at_least)
    assert [c.id for c in ev.support(at_least)] == ["c0", "c1", "c2"]
    for s in ev.statements:
        for t in ev.statements:
            assert not (ev.statement_supports(s, t) and ev.statements_conflict(s, t))
