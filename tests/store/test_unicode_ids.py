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


def test_references_checked_once_per_spelling_keep_every_rule() -> None:
    import pytest
    from pydantic import TypeAdapter, ValidationError

    from claimcheck.model import Claim

    adapter = TypeAdapter(Claim)

    def claim(subject: str) -> Claim:
        return adapter.validate_python(
            {"id": "c", "subject": subject, "property": "deaths", "value": 1}
        )

    for _ in range(2):  # the second time from the memo of spellings already checked
        assert claim(DECOMPOSED).subject == COMPOSED
        assert claim(COMPOSED).subject == COMPOSED
        with pytest.raises(ValidationError, match="not a valid id"):
            claim("two words")
