"""Whose people a figure counts when it names no side: the speaker's own.

"we lost two", "seven of our men", "its own losses", "nos hommes", "the army had in fact
lost around fifteen men": the figure counts the speaker's (or the loser's) side, whose
people then choose its property. An army that counts its men ("soldats") in a sentence
counts its own wounded and missing there too.
"""

from __future__ import annotations

import re

from claimcheck.extract.figures import Figure
from claimcheck.extract.match import StoreIndex, find_mentions, side_words
from claimcheck.extract.names import Mention

#: People of a side: a figure naming one is not the speaker's own unless it says so.
_SIDES = frozenset({"government", "rebels", "civilians", "peacekeepers"})
#: An army's men named in a sentence: its other figures count its own.
_RE_MEN = re.compile(
    r"\b(?:soldiers|soldats?|militaires|troops|servicemen|hommes|men|éléments)\b", re.IGNORECASE
)
#: A party's own losses: "X had in fact lost", "X a perdu" just before the figure.
_RE_LOST = re.compile(
    r"^(?:\s+\w+){0,3}?\s+(?:had\s+|has\s+|have\s+)?(?:in fact\s+|also\s+)?(?:lost|"
    r"a perdu|ont perdu|avait perdu|avaient perdu|déplore la perte de|deplores? the loss of)"
    r"[\s«“\"]*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: Words by which a speaker counts its own: first person, or "its own".
_RE_OWN = re.compile(
    r"\b(?:we|our|us|nous|nos|notre|its own|their own|ses propres|leurs propres|its losses|"
    r"ses pertes|leurs pertes|their losses|own losses|"
    # the speaker is the subject: "the army said it had killed 30 and lost 4 men"
    r"(?:it|they|il|elle|ils|elles|and|et)\s+(?:had\s+|has\s+|have\s+|avait\s+|a\s+|ont\s+)?"
    r"(?:lost|perdu)|"
    # "the army denied losing 60 men", "l'armée dément avoir perdu 60 hommes"
    r"(?:denied|denies|deny|dément|démentent|a démenti|ont démenti|nie|a nié)\s+"
    r"(?:having\s+)?(?:lost|losing|avoir perdu))\b",
    re.IGNORECASE,
)


def own_men(
    index: StoreIndex, text: str, figure: Figure, people: set[str], claimant: str | None
) -> set[str]:
    """An army's side, for wounded or missing it gives naming no people, when the
    same sentence counts its men ("soldats", "soldiers") elsewhere."""
    party = index.parties.get(claimant or "")
    if party is None or party.kind != "army" or figure.measure not in ("wounded", "missing"):
        return set()
    if people & _SIDES or "people" in people or figure.subset is not None:
        return set()
    if not _RE_MEN.search(text[: figure.match.start]):
        return set()
    return _sides_of(index, party.id)


def own_side(
    index: StoreIndex,
    named: list[str],
    text: str,
    start: int,
    people: set[str],
    claimant: str | None,
) -> set[str]:
    """The claimant's own side when it counts its own ("we lost two", "seven of our
    men", "its own losses at two", "nos hommes"), for a figure naming no side."""
    if people & _SIDES:
        return set()
    # "the army had in fact lost around fifteen men": the party that lost them
    losers = [
        m
        for m in find_mentions(index, text[:start], named)
        if m.id and _RE_LOST.match(text[m.end : start])
    ]
    if losers:
        return side_words(index, losers[-1:]) & _SIDES
    if claimant is None or claimant not in index.parties:
        return set()
    near = text[max(0, start - 50) : start + 40]
    if not _RE_OWN.search(near):
        return set()
    return _sides_of(index, claimant)


def _sides_of(index: StoreIndex, party_id: str) -> set[str]:
    """The sides (government, rebels...) the store's party stands for."""
    return side_words(index, [Mention(0, 0, "party", party_id, party_id)]) & _SIDES
