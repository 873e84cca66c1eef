"""Who says a figure: the attribution around it, or the outlet's own voice.

"according to X", "X said", "said X", "selon X", "d'après X", "X a indiqué", "a
revendiqué X"...: the claimant is the party or outlet of the store named in subject
position before the verb, else just after it ("a indiqué l'armée"). A name the store
does not know is kept as written, for the user to add as a party. A statement being
quoted ("dans un communiqué", "in a statement", a verb and a colon) carries its
claimant to the next sentences that name none, through the next paragraph: "L'armée a
indiqué dans un communiqué ... Le bilan est de 5 morts."
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimcheck.extract.match import Mention, StoreIndex, find_mentions, normalise

_AFTER = r"according to|selon|d'après|cited by|quoted by|cité par|citant"
_VERBS = (
    r"said|says|say|stated|states|claimed|claims|claim|announced|announces|reported|reports|"
    r"told|added|confirmed|confirms|declared|declares|estimated|estimates|indicated|"
    r"revealed|acknowledged|admitted|insisted|wrote|tweeted|posted|counted|"
    r"a indiqué|indique|ont indiqué|a déclaré|déclare|ont déclaré|a annoncé|annonce|"
    r"ont annoncé|a revendiqué|revendique|ont revendiqué|a affirmé|affirme|ont affirmé|"
    r"a précisé|précise|a assuré|assure|rapporte|a rapporté|a fait état|fait état|"
    r"a confirmé|confirme|a ajouté|ajoute|a estimé|estime|a reconnu|reconnaît|a dénombré|"
    r"a communiqué|a publié|a écrit|a dit|dit"
)
_RE_AFTER = re.compile(rf"(?<![\w'])(?:{_AFTER})\s+", re.IGNORECASE)
_RE_VERB = re.compile(rf"(?<![\w'])(?:{_VERBS})(?![\w])", re.IGNORECASE)
_RE_STATEMENT = re.compile(
    r"communiqué|in a statement|in a press release|press release|statement|"
    r"conférence de presse|press conference|déclaration",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "il", "elle", "ils", "elles", "on", "nous"])
_LEADING = re.compile(r"^(?:(?:the|a|an|le|la|les|un|une|des)\s+|[ld]')", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence says is speaking."""

    #: A store id when ``known``; else an id made from the words, for the user to add.
    claimant: str
    known: bool
    #: The words of the text that name it.
    words: str
    how: str
    #: Whether a statement is being quoted: the claimant carries to what follows.
    carries: bool


def attribution_of(index: StoreIndex, sentence: str) -> Attribution | None:
    """The attribution a sentence makes, if any."""
    norm = normalise(sentence)
    mentions = find_mentions(index, sentence)
    carries = bool(_RE_STATEMENT.search(norm)) or bool(re.search(rf"(?:{_VERBS})\s*:", norm))
    m = _RE_AFTER.search(norm)
    if m:
        after = [x for x in mentions if x.start >= m.end() and x.start - m.end() < 40]
        if after:
            return _known(after[0], f"{m[0].strip()!r} {after[0].name}", carries)
        words = _phrase(norm[m.end() :])
        if words:
            return _unknown(words, f"{m[0].strip()!r} {words}", carries)
    for v in _RE_VERB.finditer(norm):
        before = [x for x in mentions if x.end <= v.start()]
        if before:
            return _known(before[0], f"{before[0].name} {v[0]!r}", carries)
        after = [x for x in mentions if x.start >= v.end() and x.start - v.end() < 30]
        if after:
            return _known(after[0], f"{v[0]!r} {after[0].name}", carries)
        words = _phrase(norm[: v.start()], last=True)
        if words:
            return _unknown(words, f"{words} {v[0]!r}", carries)
    return None


def _known(mention: Mention, how: str, carries: bool) -> Attribution:
    return Attribution(mention.id, True, mention.name, f"attributed: {how}", carries)


def _unknown(words: str, how: str, carries: bool) -> Attribution:
    plain = unicodedata.normalize("NFKD", _LEADING.sub("", words)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.decode().lower()).strip("-") or "unnamed"
    return Attribution(slug, False, words, f"attributed: {how}", carries)


def _phrase(text: str, last: bool = False) -> str | None:
    """A short name: the words up to punctuation (``last``: back to it), at most six,
    not a pronoun."""
    parts = re.split(r"[,;:.()«»\"“”]", text)
    part = (parts[-1] if last else parts[0]).strip()
    words = part.split()
    if not words or len(words) > 6 or words[0].lower() in _PRONOUNS:
        return None
    if any(ch.isdigit() for ch in part):
        return None
    return part
