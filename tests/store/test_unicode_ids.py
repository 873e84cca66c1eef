"""Ids and names are compared after Unicode NFC normalisation."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from claimcheck.store import load_store

COMPOSED = unicodedata.normalize("NFC", "Léré")
DECOMPOSED = unicodedata.normalize("NFD", "Léré")


def test_composed_and_decomposed_are_one_id(make_store: Callable[..., Path]) -> None:
    assert COMPOSED != DECOMPOSED
    root = make_store(
        {
            "a.yaml": f"subjects:\n  - {{id: {COMPOSED}, label: {DECOMPOSED}, kind: place}}\n",
            "b.yaml": (
                "claims:\n"
                f"  - {{id: c1, subject: {DECOMPOSED}, property: summary, value: x, source: rfi-doc}}\n"
            ),
        }
    )
    store = load_store(root)
    assert list(store.subjects) == [COMPOSED] or COMPOSED in store.subjects
    assert store.claims["c1"].subject == COMPOSED
    assert store.subjects[COMPOSED].label == COMPOSED


def test_two_spellings_collide_as_duplicates(make_store: Callable[..., Path]) -> None:
    import pytest

    from claimcheck.errors import StoreError

    root = make_store(
        {
            "a.yaml": f"subjects:\n  - {{id: {COMPOSED}, label: x}}\n  - {{id: {DECOMPOSED}, label: y}}\n",
        }
    )
    with pytest.raises(StoreError, match="duplicate id"):
        load_store(root)
