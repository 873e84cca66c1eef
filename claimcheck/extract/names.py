"""Parties and outlets named in a sentence: by name, the parts of their name ("RFI" and
"Radio France Internationale" in "RFI (Radio France Internationale)"), id and
``aliases``; bare nouns ("the army", "l'état-major") through the store's names and the
parties the article named before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.extract.lexicon import tokens, who_of

if TYPE_CHECKING:
    from claimcheck.extract.match import StoreIndex

#: Words that make no name on their own.
STOP_WORDS = frozenset(
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
    # (not "town hall", "mairie", "prefecture": places as often as speakers)
    "mayor": ("mayor", "maire"),
    "prefect": ("prefect", "préfet"),
    "rebels": ("rebels", "rebelles", "rebellion", "rébellion", "coalition"),
    "mission": ("mission", "peacekeepers", "casques bleus", "un mission"),
    "hospital": ("hospital", "hôpital", "clinic", "clinique", "health centre", "centre de santé"),
}
#: One of the generic nouns, longest first, as group ``noun`` (a plural "s" allowed).
_GENERIC_NOUN = (
    r"(?P<noun>"
    + "|".join(
        sorted((re.escape(w) for ws in GENERIC_NOUNS.values() for w in ws), key=len, reverse=True)
    )
    + r")s?(?![\w-])"
)
_RE_GENERIC = re.compile(
    r"(?<![\w-])(?:the|this|that|le|la|les|l'|ce|cette|its|his|their|son|sa|ses|leur)\s*"
    # up to two words between: "the town's regional hospital", "the Malian army"
    r"(?:[^\W\d][\w'-]*\s+){0,2}?" + _GENERIC_NOUN,
    re.IGNORECASE,
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


def generic_parties(parties: Any) -> dict[str, list[str]]:
    """Which parties each bare noun may name: those whose name holds it, else those
    whose aliases do."""
    out: dict[str, list[str]] = {}
    for kind, words in GENERIC_NOUNS.items():
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")s?(?![\w-])", re.IGNORECASE
        )
        # By name first ("Doumbala regional hospital"), by aliases only when no name has
        # it ("hospital source" is an alias of medical sources, not a hospital).
        by_name = [p.id for p in parties if pattern.search(normalise(p.name))]
        out[kind] = by_name or [
            p.id
            for p in parties
            if any(pattern.search(normalise(v)) for v in (p.name, *p.aliases))
            or (kind == "army" and p.kind == "army")
        ]
    return out


def name_variants(id_: str, name: str, aliases: list[str]) -> set[str]:
    out = {id_, name, *aliases}
    head, _, inside = name.partition("(")
    out.add(head.strip())
    for part in inside.rstrip(")").split(","):
        part = part.strip()
        if part and part.lower() not in ("unnamed",) and not part.startswith(("speaking",)):
            out.add(part)
    words = head.split()
    # "Medical sources in Kidal" is also "medical sources"; "RFI journalists" the same.
    if len(words) > 2 and not {w.lower() for w in words[:2]} & STOP_WORDS:
        out.add(" ".join(words[:2]))
    return {v for v in out if len(v) >= 2 and v.lower() not in STOP_WORDS}


def name_pattern(variant: str) -> re.Pattern[str]:
    body = _RE_SAME.sub(lambda m: "\0", normalise(variant))
    # "sources médicale et sécuritaire" is "sources médicales": a word's plural is it.
    body = " ".join(
        re.escape(w.removesuffix("s")) + "s?" if len(w) > 3 and w[-1:].isalpha() else re.escape(w)
        for w in body.split(" ")
    ).replace(" ", r"\ ")
    body = body.replace("\0", _ANY_SAME)
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


_RE_BARE = re.compile(r"(?<![\w-])" + _GENERIC_NOUN, re.IGNORECASE)


def bare_generic(index: StoreIndex, words: str, named: list[str]) -> Mention | None:
    """The party a name phrase the store does not hold speaks for, by the bare noun in
    it ("hospital director Dr X", "army spokesman Y"): the one party of that kind (or
    the one named before); None when none or several fit."""
    for hit in _RE_BARE.finditer(normalise(words)):
        noun = hit["noun"].lower()
        kind = next(k for k, ws in GENERIC_NOUNS.items() if noun in ws)
        fits = index.generic.get(kind, [])
        known = sorted({p for p in fits if p in named})
        chosen = fits if len(fits) == 1 else known if len(known) == 1 else []
        if chosen:
            party = index.parties.get(chosen[0])
            how = f"{hit[0]!r} in it: the one party of the store so named"
            return Mention(0, 0, "party", chosen[0], getattr(party, "name", chosen[0]), how)
    return None


_RE_SHARED = re.compile(
    r"^\s*(?:(?:des|les|de|d')\s+)?(?P<noun>sources?|milieux)\s+(?P<a>[\w-]+)\s+(?:et|and)\s+"
    r"(?P<b>[\w-]+)",
    re.IGNORECASE,
)


def shared_noun(index: StoreIndex, rest: str, named: list[str] | None) -> Mention | None:
    """ "sources médicales et sécuritaires": each adjective with the shared noun, the
    first the store names."""
    m = _RE_SHARED.match(rest)
    if m is None:
        return None
    for adjective in (m["a"], m["b"]):
        found = [x for x in find_mentions(index, f"{m['noun']} {adjective}", named) if x.id]
        if found:
            return found[0]
    return None


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
