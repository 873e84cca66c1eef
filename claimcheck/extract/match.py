"""A store indexed for extract, and the property a figure is given.

:func:`index_store` derives once what extract needs of a store: its names
(:mod:`.names`), its events (:mod:`.subjects`) and its properties. A property is read
into concepts (:mod:`claimcheck.extract.lexicon`) from its label, ``aliases``, id, unit
and description; a figure goes to the property sharing its measure and most of its
people. With no store, or no property that fits, the ``init``
vocabulary (:data:`claimcheck.scaffold.VOCABULARY`) is proposed instead, and said so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimcheck.extract.lexicon import THINGS, TOLLS, WHO, measures_of, tokens, who_of
from claimcheck.extract.names import (
    GENERIC_NOUNS,
    Mention,
    find_mentions,
    generic_parties,
    name_pattern,
    name_variants,
    normalise,
    side_words,
)
from claimcheck.extract.subjects import Event, choose_subject, event_of
from claimcheck.model import Property, Subject
from claimcheck.scaffold import VOCABULARY

__all__ = [
    "GENERIC_NOUNS",
    "Mention",
    "PropertyChoice",
    "StoreIndex",
    "choose_property",
    "choose_subject",
    "find_mentions",
    "index_store",
    "normalise",
    "side_words",
    "who_words",
]


@dataclass(frozen=True, slots=True)
class PropertyChoice:
    """The property a figure is given, and why."""

    id: str
    #: The vocabulary's record when the store has no such property (to be added).
    proposed: Property | None
    why: str
    sure: bool


@dataclass(slots=True)
class _Profile:
    property: Property
    measures: set[str]
    who: set[str]
    from_store: bool


@dataclass(slots=True)
class StoreIndex:
    """What extract needs of a store, derived once: names, properties, subjects."""

    profiles: list[_Profile]
    vocabulary: list[_Profile]
    names: list[tuple[re.Pattern[str], str, str, str]]
    subjects: list[Subject]
    #: Bare-noun kinds (``"army"``) → the parties whose names or aliases hold them.
    generic: dict[str, list[str]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    #: Properties already claimed of each subject, for choosing between equals.
    claimed: dict[str, set[str]] = field(default_factory=dict)
    outlets: dict[str, Any] = field(default_factory=dict)
    parties: dict[str, Any] = field(default_factory=dict)
    sides: dict[str, str | None] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    has_store: bool = False
    #: The store's document records by id, to find an article already recorded.
    document_records: dict[str, Any] = field(default_factory=dict)
    #: A party's name or alias as a set of words (of several words), in any order:
    #: "Interior Ministry spokeswoman Ilse Varga" is "Ilse Varga, Interior Ministry
    #: spokeswoman" — the party's id (None: several parties have those words).
    word_sets: dict[frozenset[str], str | None] = field(default_factory=dict)


def index_store(store: Any | None) -> StoreIndex:
    """Index ``store`` (a loaded :class:`~claimcheck.store.Store`, or None: no store)."""
    vocabulary = [_profile(p, False) for p in VOCABULARY if p.type == "quantity"]
    if store is None:
        return StoreIndex([], vocabulary, [], [])
    profiles = [_profile(p, True) for p in store.properties.values() if p.type == "quantity"]
    names: list[tuple[re.Pattern[str], str, str, str]] = []
    for kind, records in (("party", store.parties), ("outlet", store.outlets)):
        for record in records.values():
            for variant in name_variants(record.id, record.name, record.aliases):
                names.append((name_pattern(variant), kind, record.id, record.name))
    claimed: dict[str, set[str]] = defaultdict(set)
    for claim in store.claims.values():
        claimed[claim.subject].add(claim.property)
    events = [s for s in store.subjects.values() if s.kind == "event"]
    # A party's one-word names ("CSP-PSD", "FAMa") say who, never which event.
    party_words = {
        tokens(v)[0] for record in (*store.parties.values(), *store.outlets.values())
        for v in name_variants(record.id, record.name, record.aliases) if len(tokens(v)) == 1
    }  # fmt: skip
    word_sets: dict[frozenset[str], str | None] = {}
    for record in store.parties.values():
        for variant in {record.name, *record.aliases}:
            words = frozenset(tokens(variant))
            if len(words) >= 2:
                found = word_sets.setdefault(words, record.id)
                if found != record.id:
                    word_sets[words] = None
    return StoreIndex(
        profiles,
        vocabulary,
        names,
        events,
        generic_parties(store.parties.values()),
        [event_of(s, party_words) for s in events],
        dict(claimed),
        dict(store.outlets),
        dict(store.parties),
        {p.id: p.side for p in store.parties.values()},
        set(store.documents),
        set(store.claims),
        True,
        dict(store.documents),
        word_sets,
    )


def _profile(p: Property, from_store: bool) -> _Profile:
    text = " ".join(
        [p.label or "", p.id.replace("_", " "), p.unit or "", p.description or "", *p.aliases]
    )
    if p.aliases:  # a description is only read when no alias says what it is
        text = " ".join([p.label or "", p.id.replace("_", " "), p.unit or "", *p.aliases])
    words = tokens(normalise(text))
    measures = set(measures_of(words))
    # "Killed among the rebel coalition's fighters" measures a toll, not a strength.
    if measures & TOLLS:
        measures.discard("strength")
    return _Profile(p, measures, who_of(words), from_store)


def _fits(p: _Profile, measure: str, who: set[str], subset: bool) -> bool:
    """Whether a property may hold a figure: same measure; people never filed under
    other people (soldiers are no civilians), things only under the same things; a part
    of a toll ("among the dead, 46 children") only under a property of that part."""
    if measure not in p.measures:
        return False
    named = who - {"people"}
    if (named & THINGS or p.who & THINGS) and not (p.who & named & THINGS):
        return False
    if named and p.who and not (p.who & named):
        return False
    return not subset or bool(p.who & named)


def choose_property(
    index: StoreIndex, measure: str, who: set[str], subject: str | None, subset: bool = False
) -> PropertyChoice | None:
    """The property for a figure measuring ``measure`` of ``who``: the store's first,
    then the vocabulary's. None when nothing measures it."""
    # A part of a toll goes under the store's property for that part, or nowhere.
    sources = [(index.profiles, True)]
    if not (subset and index.has_store):
        sources.append((index.vocabulary, False))
    for profiles, from_store in sources:
        fits = [p for p in profiles if _fits(p, measure, who, subset)]
        if not fits:
            continue
        scored = sorted(
            fits,
            key=lambda p: (
                -(2 * len(p.who & who) - len(p.who - who)),
                subject is None or p.property.id not in index.claimed.get(subject, set()),
            ),
        )
        best = scored[0]
        score = 2 * len(best.who & who) - len(best.who - who)
        equals = [p for p in scored[1:] if 2 * len(p.who & who) - len(p.who - who) == score]
        said = f"{measure}" + (f" of {', '.join(sorted(who))}" if who else "")
        if from_store:
            why = f"property {best.property.id}: the figure counts {said}"
            if equals:
                tied = ", ".join(p.property.id for p in equals)
                why += f"; as close: {tied}"
                if subject and best.property.id in index.claimed.get(subject, set()):
                    why += " (chosen: the store already has it for this subject)"
            return PropertyChoice(best.property.id, None, why, not equals)
        why = (
            f"property {best.property.id} proposed from the init vocabulary: the figure "
            f"counts {said} and "
            + ("the store has no property for it" if index.has_store else "there is no store")
            + "; its record is in this file: check it, or use a property of your store"
        )
        return PropertyChoice(best.property.id, best.property, why, False)
    return None


def who_words() -> frozenset[str]:
    """Every word the lexicon reads as people."""
    return frozenset(w for ws in WHO.values() for w in ws)
