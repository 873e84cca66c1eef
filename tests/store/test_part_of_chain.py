"""``Store.part_of_chain``: the one walk up a subject's or a party's ``part_of``."""

from __future__ import annotations

from pathlib import Path

from claimcheck.model import Party, Subject
from claimcheck.store import Store


def _store() -> Store:
    store = Store(root=Path("."))
    for s in (
        Subject(id="strike", label="Strike", part_of="battle"),
        Subject(id="battle", label="Battle", part_of="war"),
        Subject(id="war", label="War"),
        # A loop a hand-built store may hold (a loaded one is refused with an error).
        Subject(id="loop-a", label="A", part_of="loop-b"),
        Subject(id="loop-b", label="B", part_of="loop-a"),
    ):
        store.subjects[s.id] = s
    for p in (
        Party(id="ministry", name="Ministry", kind="state", part_of="government"),
        Party(id="government", name="Government", kind="state", side="gov"),
        Party(id="cell", name="Cell", kind="armed-group", part_of="nowhere"),
    ):
        store.parties[p.id] = p
    return store


def test_a_subject_walks_up_to_its_top_nearest_first() -> None:
    assert _store().part_of_chain("strike") == ["strike", "battle", "war"]
    assert _store().part_of_chain("war") == ["war"]


def test_a_party_walks_up_its_parties_and_speaks_for_their_side() -> None:
    store = _store()
    assert store.part_of_chain("ministry") == ["ministry", "government"]
    assert store.side_of("ministry") == "gov"


def test_a_loop_stops_where_it_comes_back_and_a_missing_parent_ends_the_walk() -> None:
    store = _store()
    assert store.part_of_chain("loop-a") == ["loop-a", "loop-b"]
    assert store.part_of_chain("cell") == ["cell"]
    assert store.side_of("cell") is None
