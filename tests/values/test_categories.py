"""Categories, entities and text: read by the property's type."""

from __future__ import annotations

import unicodedata

import pytest

from claimcheck.values import BadValue, Category, Entity, Text, agrees, parse_value


def test_category_must_be_one_of_the_values() -> None:
    cats = frozenset({"yes", "no"})
    assert parse_value("category", "yes", cats) == Category("yes")
    with pytest.raises(BadValue, match="not one of this property's values: no, yes"):
        parse_value("category", "maybe", cats)


def test_unknown_is_always_a_valid_category_and_agrees_with_anything() -> None:
    unknown = parse_value("category", "unknown", frozenset({"yes"}))
    assert agrees(unknown, Category("yes"))


def test_names_compare_after_nfc() -> None:
    composed = unicodedata.normalize("NFC", "Léré")
    decomposed = unicodedata.normalize("NFD", "Léré")
    assert composed != decomposed
    assert parse_value("entity", decomposed) == parse_value("entity", composed)
    assert parse_value("category", decomposed, frozenset({composed})) == Category(composed)


def test_text_is_never_compared() -> None:
    assert agrees(Text("a"), Text("b"))
    assert parse_value("text", "anything at all") == Text("anything at all")


def test_entity_requires_text() -> None:
    with pytest.raises(BadValue):
        parse_value("entity", 3)
    assert parse_value("entity", " fama ") == Entity("fama")
