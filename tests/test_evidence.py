"""A group's independent origins: the count the grades and rules read agrees with the
origins listed, and with the provenance graph's own grouping, for any group."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.evidence import Evidence
from claimcheck.store import load_store

SOURCES = ["rfi-doc", "rfi-doc-2", "f24-doc", "monde-doc", "figaro-doc", "relay", "leaflet"]
CLAIMANTS = [None, "medical-sources", "malian-officials", "fama", "le-monde", "rfi"]
RELAY = "documents:\n  - {id: relay, outlet: le-figaro, cites: [monde-doc]}\n"


def _store(make_store: Callable[..., Path], claims: list[tuple[str, str | None]]) -> Evidence:
    lines = []
    for i, (source, claimant) in enumerate(claims):
        who = f", claimant: {claimant}" if claimant else ""
        lines.append(
            f"  - {{id: c{i}, subject: strike, property: deaths, value: 10, source: {source}{who}}}"
        )
    root = make_store({"c.yaml": RELAY + "claims:\n" + "\n".join(lines) + "\n"})
    return Evidence(load_store(root))


def _count_and_lists(ev: Evidence, subset: list[int]) -> tuple[int, int, int]:
    group = ev.group(("strike", "deaths"))
    chosen = [group.claims[i] for i in subset]
    return (
        group.origin_count(chosen),
        len(group.origins(chosen)),
        len(ev.provenance.origin_groups(chosen)),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(SOURCES), st.sampled_from(CLAIMANTS)), min_size=1, max_size=9
    ),
    st.data(),
)
def test_the_count_of_origins_is_the_number_listed(
    make_store: Callable[..., Path], claims: list[tuple[str, str | None]], data: st.DataObject
) -> None:
    ev = _store(make_store, claims)
    subset = data.draw(st.lists(st.integers(0, len(claims) - 1), unique=True))
    count, listed, graph = _count_and_lists(ev, subset)
    assert count == listed == graph


def test_a_chain_of_shared_provenance_that_is_no_clique(make_store: Callable[..., Path]) -> None:
    # c0 and c1 share a claimant, c1 and c2 an outlet; c0 and c2 share nothing: together
    # they are one origin, but c0 and c2 alone are two.
    ev = _store(make_store, [("monde-doc", "fama"), ("figaro-doc", "fama"), ("figaro-doc", None)])
    assert _count_and_lists(ev, [0, 1, 2]) == (1, 1, 1)
    assert _count_and_lists(ev, [0, 2]) == (2, 2, 2)
    group = ev.group(("strike", "deaths"))
    group.origin_count(group.claims)
    assert group._cliques is None  # counted by listing the origins


@pytest.mark.parametrize("subset", [[], [0], [0, 1], [0, 1, 2]])
def test_cliques_of_shared_provenance(make_store: Callable[..., Path], subset: list[int]) -> None:
    # RFI and France 24 share an owner; Le Monde stands alone.
    ev = _store(make_store, [("rfi-doc", None), ("f24-doc", None), ("monde-doc", None)])
    expected = {0: 0, 1: 1, 2: 1, 3: 2}[len(subset)]
    assert _count_and_lists(ev, subset) == (expected, expected, expected)
    group = ev.group(("strike", "deaths"))
    group.origin_count(group.claims)
    assert group._cliques is not None  # counted from the cliques
