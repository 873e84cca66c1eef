"""Matching an article's words to a store's records: properties, parties, outlets, subjects.

A property is read into concepts (:mod:`claimcheck.extract.lexicon`) from its label,
``aliases``, id, unit and description; a figure goes to the property sharing its
measure and most of its people. Parties and outlets are found in a sentence by name,
the parts of their name ("RFI" and "Radio France Internationale" in "RFI (Radio France
Internationale)"), id and ``aliases``. Subjects by the day they cover and the words of
their label and ``aliases``. With no store, or no property that fits, the ``init``
vocabulary (:data:`claimcheck.scaffold.VOCABULARY`) is proposed instead, and said so.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimcheck.extract.lexicon import TOLLS, WHO, measures_of, tokens, who_of
from claimcheck.model import Property, Subject
from claimcheck.scaffold import VOCABULARY

#: Words that make no name on their own.
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "for",
        "by",
        "with",
        "from",
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "et",
        "en",
        "au",
        "aux",
        "un",
        "une",
        "pour",
        "par",
        "sur",
        "dans",
    ]
)
#: Words names and text write several ways ("Malian Armed Forces", "the Malian army",
#: "l'armée"): a name matches text written with any of them.
_SAME = ("armed forces", "forces armées", "army", "armée", "military")
_RE_SAME = re.compile("|".join(re.escape(w) for w in _SAME), re.IGNORECASE)
_ANY_SAME = "(?:" + "|".join(re.escape(w) for w in _SAME) + ")"


def normalise(text: str) -> str:
    """NFC text with plain apostrophes: the same length, so positions hold."""
    return unicodedata.normalize("NFC", text).replace("’", "'")


@dataclass(frozen=True, slots=True)
class Mention:
    """A party or outlet named in a sentence (positions in its normalised text)."""

    start: int
    end: int
    kind: str  # "party" or "outlet"
    id: str
    name: str


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
    #: Properties already claimed of each subject, for choosing between equals.
    claimed: dict[str, set[str]] = field(default_factory=dict)
    outlets: dict[str, Any] = field(default_factory=dict)
    parties: dict[str, Any] = field(default_factory=dict)
    sides: dict[str, str | None] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    has_store: bool = False


def index_store(store: Any | None) -> StoreIndex:
    """Index ``store`` (a loaded :class:`~claimcheck.store.Store`, or None: no store)."""
    vocabulary = [_profile(p, False) for p in VOCABULARY if p.type == "quantity"]
    if store is None:
        return StoreIndex([], vocabulary, [], [])
    profiles = [_profile(p, True) for p in store.properties.values() if p.type == "quantity"]
    names: list[tuple[re.Pattern[str], str, str, str]] = []
    for kind, records in (("party", store.parties), ("outlet", store.outlets)):
        for record in records.values():
            for variant in _variants(record.id, record.name, record.aliases):
                names.append((_name_pattern(variant), kind, record.id, record.name))
    claimed: dict[str, set[str]] = defaultdict(set)
    for claim in store.claims.values():
        claimed[claim.subject].add(claim.property)
    return StoreIndex(
        profiles,
        vocabulary,
        names,
        [s for s in store.subjects.values() if s.kind == "event"],
        dict(claimed),
        dict(store.outlets),
        dict(store.parties),
        {p.id: p.side for p in store.parties.values()},
        set(store.documents),
        set(store.claims),
        True,
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


def _variants(id_: str, name: str, aliases: list[str]) -> set[str]:
    out = {id_, name, *aliases}
    head, _, inside = name.partition("(")
    out.add(head.strip())
    for part in inside.rstrip(")").split(","):
        part = part.strip()
        if part and part.lower() not in ("unnamed",) and not part.startswith(("speaking",)):
            out.add(part)
    words = head.split()
    # "Medical sources in Kidal" is also "medical sources"; "RFI journalists" the same.
    if len(words) > 2 and not {w.lower() for w in words[:2]} & _STOP:
        out.add(" ".join(words[:2]))
    return {v for v in out if len(v) >= 2 and v.lower() not in _STOP}


def _name_pattern(variant: str) -> re.Pattern[str]:
    body = _RE_SAME.sub(lambda m: "\0", normalise(variant))
    body = re.escape(body).replace("\0", _ANY_SAME)
    # Short all-capital names ("CMA", "RFI") must be written so: "cma" is a word too.
    if len(variant) <= 4 and variant.isupper():
        return re.compile(rf"(?<![\w-]){body}(?![\w-])")
    return re.compile(rf"(?<![\w-]){body}s?(?![\w-])", re.IGNORECASE)


def find_mentions(index: StoreIndex, sentence: str) -> list[Mention]:
    """Parties and outlets named in ``sentence``, longest name first where they overlap."""
    norm = normalise(sentence)
    found: list[Mention] = []
    for pattern, kind, id_, name in index.names:
        for hit in pattern.finditer(norm):
            found.append(Mention(hit.start(), hit.end(), kind, id_, name))
    found.sort(key=lambda x: (x.start, x.start - x.end))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def side_words(index: StoreIndex, mentions: list[Mention]) -> set[str]:
    """The people concepts of the parties named ("CSP-PSD vehicles": a rebel side)."""
    out: set[str] = set()
    for m in mentions:
        side = index.sides.get(m.id) if m.kind == "party" else None
        party = index.parties.get(m.id)
        words = tokens(" ".join(filter(None, [side, getattr(party, "kind", None)])))
        words = [w for part in words for w in part.split("-")]
        out |= who_of(words) | ({"government"} if "army" in words or "state" in words else set())
        if "armed-group" in (getattr(party, "kind", "") or ""):
            out.add("rebels")
    return out


def choose_property(
    index: StoreIndex, measure: str, who: set[str], subject: str | None
) -> PropertyChoice | None:
    """The property for a figure measuring ``measure`` of ``who``: the store's first,
    then the vocabulary's. None when nothing measures it."""
    for profiles, from_store in ((index.profiles, True), (index.vocabulary, False)):
        fits = [p for p in profiles if measure in p.measures]
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


def choose_subject(
    index: StoreIndex, words: str, day: tuple[dt.date, dt.date] | None
) -> tuple[Subject | None, str]:
    """The event subject ``words`` (a sentence and its neighbours) speak of on ``day``."""
    said = set(tokens(normalise(words))) - _STOP
    best: tuple[float, Subject] | None = None
    for subject in index.subjects:
        label_words = set(tokens(normalise(" ".join([subject.label, *subject.aliases])))) - _STOP
        label_words = {w for w in label_words if len(w) > 2 and not w.isdigit()}
        overlap = len(said & label_words)
        if overlap == 0:  # a day alone is no match: other events happen that day
            continue
        score = float(overlap)
        if day is not None and subject.date is not None and subject.date.known:
            first, last = subject.date.low, subject.date.high
            if not (first <= day[1] and day[0] <= last):
                continue
            span = (last - first).days + 1
            score += 3 + 1 / span  # the narrowest event covering the day
        elif day is not None and subject.date is not None:
            continue
        if score >= 1 and (best is None or score > best[0]):
            best = (score, subject)
    if best is None:
        return None, "no subject of the store matched its words" + (
            f" and its day ({day[0]})" if day else ""
        )
    subject = best[1]
    reasons = []
    if day is not None and subject.date is not None:
        reasons.append(f"covers {day[0].isoformat()}")
    reasons.append(f"its label shares words with the text ({subject.label!r})")
    return subject, f"subject {subject.id}: " + " and ".join(reasons)


def who_words() -> frozenset[str]:
    """Every word the lexicon reads as people."""
    return frozenset(w for ws in WHO.values() for w in ws)
