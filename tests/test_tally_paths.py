"""The sweep that tallies a big group at once gives what the exact walk gives.

:meth:`GroupEvidence.tally` counts the common units (neutral, one figure, no denial)
of a quantity or date group through sorted bounds, prefix sums and a segment tree, and
judges the others one by one; :attr:`GroupEvidence.exact_tallies` walks every unit for
every statement instead. On random groups — figures, ranges, open bounds, denials,
interested sides, anonymous parties, several figures of one origin, tolerances,
cumulative tolls, dates, categories — both give the same tallies, the same supporting
claims, and the same findings, grades and estimates.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.engine import check
from claimcheck.evidence import Evidence, GroupEvidence, Tally, Units
from claimcheck.render import to_json
from claimcheck.store import Store, load_store

WORLD = """\
outlets:
  - {id: o0, name: Tobrin Observer, kind: newspaper}
  - {id: o1, name: Velmar Gazette, kind: newspaper}
  - {id: o2, name: Southern Wire, kind: wire}
  - {id: o3, name: Channel Nine, kind: broadcaster, owner: Nine Group}
  - {id: o4, name: Channel Nine Radio, kind: broadcaster, owner: Nine Group}
  - {id: o5, name: Border Monitor, kind: magazine}
  - {id: o6, name: Lakeside Radio, kind: broadcaster}
  - {id: o7, name: Hill Post, kind: newspaper}
parties:
  - {id: army, name: Korvalian Army, kind: army, side: government}
  - {id: police, name: Korvalian Police, kind: state, side: government}
  - {id: vlf, name: Velmar Liberation Front, kind: armed-group, side: vlf}
  - {id: intel, name: Tessaly intelligence, kind: state, side: tessaly}
  - {id: ngo, name: Watchlight Rights, kind: ngo}
  - {id: ngo2, name: Open Count, kind: ngo}
  - {id: medics, name: Medical sources, kind: medical, anonymous: true}
  - {id: locals, name: Local sources, kind: person, anonymous: true}
subjects:
  - {id: raid, label: Raid on Tobrin, date: 2031-03-04/2031-03-09,
     sides: [government, vlf, tessaly]}
properties:
  - {id: wounded, type: quantity}
  - {id: killed, type: quantity, cumulative: true}
  - {id: distance, type: quantity, tolerance: 2}
  - {id: homes, type: quantity, tolerance: "10%"}
  - {id: sites, type: quantity, single: false}
  - {id: day, type: date}
  - {id: outcome, type: category, values: [won, lost, draw]}
"""

OUTLETS = [f"o{i}" for i in range(8)]
CLAIMANTS = [None, None, None, "army", "police", "vlf", "intel", "ngo", "ngo2", "medics", "locals"]
FIGURES = [
    "0",
    "3",
    "10",
    "12",
    "14",
    "15",
    "20",
    "30",
    "300",
    "12+",
    ">12",
    "<12",
    "<=5",
    "at least 8",
    "10-14",
    "12-15",
    "20-30",
    ">25",
    "about 20",
    "2-40",
]
DATES = ["2031-03-04", "2031-03-05", "2031-03-06", "2031-03-04/2031-03-07", "2031-03", "2031-03-20"]
OUTCOMES = ["won", "lost", "draw"]
PROPERTIES = {
    "wounded": FIGURES,
    "killed": FIGURES,
    "distance": FIGURES,
    "homes": FIGURES,
    "sites": FIGURES,
    "day": DATES,
    "outcome": OUTCOMES,
}
AS_OF = [None, None, "2031-03-05", "2031-03-07", "2031-03-09"]

claim = st.tuples(
    st.sampled_from(OUTLETS),
    st.sampled_from(CLAIMANTS),
    st.integers(0, 19),  # the value (modulo the property's list)
    st.booleans() | st.just(False),  # denies (rarer)
    st.sampled_from(AS_OF),
    st.integers(0, 9),  # the document: a few claims share one
    st.booleans() | st.just(True),  # cited
)
group = st.tuples(st.sampled_from(sorted(PROPERTIES)), st.lists(claim, min_size=1, max_size=40))

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def write(root: Path, prop: str, claims: list[tuple[Any, ...]]) -> Store:
    """A store with one group: each claim in one of a few documents per outlet, some
    documents citing another."""
    docs: dict[str, str] = {}
    rows = []
    values = PROPERTIES[prop]
    for i, (outlet, claimant, v, denies, as_of, doc, cited) in enumerate(claims):
        source = ""
        if cited:
            doc_id = f"d{doc}-{outlet}"
            cites = f", cites: [d{doc - 1}-o0]" if doc % 3 == 2 and outlet != "o0" else ""
            docs[doc_id] = f"  - {{id: {doc_id}, outlet: {outlet}{cites}}}\n"
            source = f", source: {doc_id}"
        who = f", claimant: {claimant}" if claimant else ""
        stance = ", stance: denies" if denies else ""
        when = f", as_of: {as_of}" if as_of else ""
        rows.append(
            f"  - {{id: c{i:02d}, subject: raid, property: {prop}, "
            f"value: '{values[v % len(values)]}'{source}{who}{stance}{when}}}\n"
        )
    # Every document a citation points at exists.
    for doc_id in list(docs):
        n = int(doc_id[1:].split("-")[0])
        if n % 3 == 2:
            docs.setdefault(f"d{n - 1}-o0", f"  - {{id: d{n - 1}-o0, outlet: o0}}\n")
    (root / "world.yaml").write_text(WORLD, encoding="utf-8")
    text = "documents:\n" + "".join(docs.values()) if docs else ""
    (root / "claims.yaml").write_text(text + "claims:\n" + "".join(rows), encoding="utf-8")
    return load_store(root)


def units(found: Units) -> tuple[object, ...]:
    return (found.named, found.anonymous, found.sides, [u.index for u in found])


def summary(tally: Tally) -> tuple[object, ...]:
    """A tally as the grades and rules read it (a case is counted, not listed: which
    of two equally strong sets of contradictors is kept does not matter)."""
    weight_for, (weight, count, sides) = tally.weighed()
    return (
        units(tally.support),
        units(tally.against),
        sorted((g.named, g.anonymous, len(g.sides)) for g in tally.against_groups),
        weight_for,
        (weight, count, len(sides)),
        tally.bracketed,
        tally.also_otherwise,
    )


def analyse(ev: GroupEvidence) -> list[tuple[object, ...]]:
    return [
        (summary(ev.tally(s)), [c.id for c in ev.support(s)], reference_support(ev, s))
        for s in ev.statements
    ]


def reference_support(ev: GroupEvidence, s: Any) -> list[str]:
    """The evidence claims supporting ``s`` by definition: of a unit supporting it, and
    stating what supports it — each claim tried."""
    supporting = {u.index for u in ev.tally(s).support}
    statement_of = ev.statement_by_claim
    return [
        c.id
        for c in ev.claims
        if c.id in {e.id for e in ev.evidence}
        and ev.unit_of(c).index in supporting
        and ev.statement_supports(statement_of[c.id], s)
    ]


@contextmanager
def path(exact: bool) -> Iterator[None]:
    """Every group tallied by the exact walk, or by the sweep (even the smallest)."""
    saved = GroupEvidence.exact_tallies, GroupEvidence.sweep_from
    GroupEvidence.exact_tallies, GroupEvidence.sweep_from = exact, 0
    try:
        yield
    finally:
        GroupEvidence.exact_tallies, GroupEvidence.sweep_from = saved


@SETTINGS
@given(group)
def test_the_sweep_and_the_walk_give_the_same_tallies(case: tuple[str, list[Any]]) -> None:
    prop, claims = case
    with tempfile.TemporaryDirectory() as tmp:
        store = write(Path(tmp), prop, claims)
        key = ("raid", prop)
        with path(exact=True):
            walked = analyse(Evidence(store).group(key))
        with path(exact=False):
            swept = analyse(Evidence(store).group(key))
    assert swept == walked
    for _, found, reference in swept:
        assert found == reference


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(group)
def test_the_sweep_and_the_walk_give_the_same_judgement(case: tuple[str, list[Any]]) -> None:
    prop, claims = case
    with tempfile.TemporaryDirectory() as tmp:
        store = write(Path(tmp), prop, claims)
        with path(exact=True):
            walked = to_json(check(store).as_dict())
        with path(exact=False):
            swept = to_json(check(store).as_dict())
    assert swept == walked
