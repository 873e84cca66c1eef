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

from claimcheck.extract.lexicon import THINGS, TOLLS, WHO, measures_of, tokens, who_of
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


#: Bare nouns that name a party without its name ("the army", "l'état-major", "the
#: ministry"): each matches the store's parties whose name or aliases hold one of its
#: words, when that is one party (or one the article has named already).
GENERIC_NOUNS: dict[str, tuple[str, ...]] = {
    "army": ("army", "armée", "armed forces", "forces armées", "military", "militaire"),
    "staff": ("état-major", "etat-major", "general staff", "chief of staff", "chefs d'état-major"),
    "ministry": ("ministry", "ministère", "minister", "ministre"),
    "government": ("government", "gouvernement", "authorities", "autorités", "junta", "junte"),
    "presidency": ("presidency", "présidence", "president", "président"),
    "police": ("police", "gendarmerie", "gendarmes"),
    "governor": ("governor", "gouverneur", "governorate", "gouvernorat"),
    "rebels": ("rebels", "rebelles", "rebellion", "rébellion", "coalition"),
    "mission": ("mission", "peacekeepers", "casques bleus", "un mission"),
}
_RE_GENERIC = re.compile(
    r"(?<![\w-])(?:the|this|that|le|la|les|l'|ce|cette|its|his|their|son|sa|ses|leur)\s*"
    r"(?P<noun>"
    + "|".join(
        sorted((re.escape(w) for ws in GENERIC_NOUNS.values() for w in ws), key=len, reverse=True)
    )
    + r")s?(?![\w-])",
    re.IGNORECASE,
)
#: Words of an event's label that name no place ("Attack on the Léré camp": Léré).
_EVENT_WORDS = frozenset(
    [
        *("attack", "attacks", "attaque", "attaques", "strike", "strikes", "frappe", "frappes"),
        *("drone", "drones", "battle", "bataille", "clashes", "clash", "combats", "fighting"),
        *("ambush", "embuscade", "camp", "camps", "capture", "seizure", "prise", "offensive"),
        *("withdrawal", "retrait", "crash", "advance", "bombing", "raid", "massacre", "siege"),
        *("night", "nuit", "city", "ville", "town", "region", "région", "base", "bases"),
        *("malian", "malien", "malienne", "french", "russian", "forces", "army", "armée"),
        *("control", "takeover", "founding", "declaration", "school", "hit"),
    ]
)


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
    #: How it was found, when not by name: a bare noun ("the army") and what it matched.
    how: str = ""
    #: For a bare noun that fits several parties: their ids (``id`` is then empty).
    candidates: tuple[str, ...] = ()


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
class _Event:
    """An event subject and the words that name it: its places (capitalised words of
    its label and aliases that are no event word nor party name), the rest of its words."""

    subject: Subject
    places: set[str]
    words: set[str]


@dataclass(slots=True)
class StoreIndex:
    """What extract needs of a store, derived once: names, properties, subjects."""

    profiles: list[_Profile]
    vocabulary: list[_Profile]
    names: list[tuple[re.Pattern[str], str, str, str]]
    subjects: list[Subject]
    #: Bare-noun kinds (``"army"``) → the parties whose names or aliases hold them.
    generic: dict[str, list[str]] = field(default_factory=dict)
    events: list[_Event] = field(default_factory=list)
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
    events = [s for s in store.subjects.values() if s.kind == "event"]
    # A party's one-word names ("CSP-PSD", "FAMa") say who, never which event.
    party_words = {
        tokens(v)[0] for record in (*store.parties.values(), *store.outlets.values())
        for v in _variants(record.id, record.name, record.aliases) if len(tokens(v)) == 1
    }  # fmt: skip
    return StoreIndex(
        profiles,
        vocabulary,
        names,
        events,
        _generic(store.parties.values()),
        [_event(s, party_words) for s in events],
        dict(claimed),
        dict(store.outlets),
        dict(store.parties),
        {p.id: p.side for p in store.parties.values()},
        set(store.documents),
        set(store.claims),
        True,
    )


def _generic(parties: Any) -> dict[str, list[str]]:
    """Which parties each bare noun may name: those whose name or aliases hold it."""
    out: dict[str, list[str]] = {}
    for kind, words in GENERIC_NOUNS.items():
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")s?(?![\w-])", re.IGNORECASE
        )
        out[kind] = [
            p.id
            for p in parties
            if any(pattern.search(normalise(v)) for v in (p.name, *p.aliases))
            or (kind == "army" and p.kind == "army")
        ]
    return out


def _event(subject: Subject, party_words: set[str]) -> _Event:
    from claimcheck.extract.when import MONTHS

    text = normalise(" ".join([subject.label, *subject.aliases]))
    capitals = {w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", text) if w[0].isupper()} | {
        tokens(a)[0] for a in subject.aliases if tokens(a) and len(tokens(a)) == 1
    }
    words = {w for w in tokens(text) if len(w) > 2 and not w.isdigit()} - _STOP - party_words
    places = {w for w in words & capitals if w not in _EVENT_WORDS and w not in MONTHS}
    return _Event(subject, places, words - places - set(MONTHS))


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


def find_mentions(
    index: StoreIndex, sentence: str, named: list[str] | None = None
) -> list[Mention]:
    """Parties and outlets named in ``sentence``, longest name first where they overlap;
    bare nouns ("the army") too, resolved through the store's names and aliases and
    ``named`` (the ids the article named before, latest last)."""
    named = named or []
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
    generic = [g for g in _generic_mentions(index, norm, named) if not _overlaps(g, kept)]
    return sorted(kept + generic, key=lambda x: x.start)


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(m.start < o.end and o.start < m.end for o in others)


def _generic_mentions(index: StoreIndex, norm: str, named: list[str]) -> list[Mention]:
    """ "the army", "l'état-major", "le ministère": the one party of the store so named,
    or the one of them the article named before; else a mention with its candidates."""
    out: list[Mention] = []
    if not index.generic:
        return out
    for hit in _RE_GENERIC.finditer(norm):
        noun = hit["noun"].lower()
        kind = next(k for k, ws in GENERIC_NOUNS.items() if noun in ws)
        fits = index.generic.get(kind, [])
        known = [p for p in fits if p in named]
        if len(fits) == 1:
            chosen, how = fits[0], f"{hit[0]!r}: the one party of the store so named"
        elif len(set(known)) == 1:
            chosen, how = known[0], f"{hit[0]!r}: of {', '.join(fits)}, the one named before"
        elif fits:
            out.append(Mention(hit.start(), hit.end(), "party", "", hit[0], "", tuple(fits)))
            continue
        else:
            continue
        party = index.parties.get(chosen)
        out.append(
            Mention(hit.start(), hit.end(), "party", chosen, getattr(party, "name", chosen), how)
        )
    return out


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


def choose_subject(
    index: StoreIndex,
    words: str,
    day: tuple[dt.date, dt.date] | None,
    article: str = "",
) -> tuple[Subject | None, str]:
    """The event subject that ``words`` (a sentence and its neighbours) speak of, the
    event being on ``day``; ``article``: the title and what was read before, whose place
    names back a date match.

    An event matches on its date (it covers the event's day; the narrowest wins) and
    its place (a place of its label or aliases named nearby, else in the article), then
    the other words of its label; a party's name ("CSP-PSD") is no match. With a day, an
    event needs its date and some place or word; without one, a place and a word of its
    label nearby, or two words. Two events as good: none, and the why names both.
    """
    said = set(tokens(normalise(words))) - _STOP
    around = set(tokens(normalise(article))) - _STOP
    scored: list[tuple[float, Subject, str]] = []
    for event in index.events:
        subject = event.subject
        places, others = event.places & said, event.words & said
        far = (event.places & around) - places
        score = 2.0 * len(places) + 0.5 * len(others) + (1.0 if far else 0.0)
        reasons = []
        if day is not None and subject.date is not None and subject.date.known:
            first, last = subject.date.low, subject.date.high
            if not (first <= day[1] and day[0] <= last):
                continue
            if not (places or others or far):
                continue  # a day alone is no match: other events happen that day
            score += 4 + 1 / ((last - first).days + 1)  # the narrowest event covering it
            reasons.append(f"covers {day[0].isoformat()}")
        elif day is not None and subject.date is not None:
            continue
        elif not ((places and others) or len(others) >= 2):
            continue  # no day: a place alone ("near Kidal") does not tell which event
        if places:
            reasons.append(f"names {', '.join(sorted(places))}")
        elif far:
            reasons.append(f"the article names {', '.join(sorted(far))}")
        if others:
            reasons.append(f"its label shares {', '.join(sorted(others))}")
        scored.append((score, subject, " and ".join(reasons)))
    if not scored:
        return None, "no subject of the store matched its place, day and words" + (
            f" (the event's day: {day[0]})" if day else ""
        )
    scored.sort(key=lambda x: -x[0])
    best = scored[0]
    rivals = [s for s in scored[1:] if best[0] - s[0] < 0.5 and not _nested(best[1], s[1])]
    if rivals:
        names = ", ".join(s.id for _, s, _ in [best, *rivals])
        return None, f"several subjects fit as well: {names}"
    return best[1], f"subject {best[1].id}: {best[2]} ({best[1].label!r})"


def _nested(a: Subject, b: Subject) -> bool:
    return a.part_of == b.id or b.part_of == a.id


def who_words() -> frozenset[str]:
    """Every word the lexicon reads as people."""
    return frozenset(w for ws in WHO.values() for w in ws)
