"""Speakers the article does not name: "one resident", "a witness", "a military source,
speaking on condition of anonymity", "un médecin sous couvert d'anonymat".

A resident or a witness speaks only for themselves; with an anonymity aside, an
institution's people too ("a military source"). Such a speaker is the store's anonymous
party whose names hold its words ("Military sources"), else nobody's official word:
:mod:`.attribution` leaves its claimant for the user to fill.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.lexicon import tokens
from claimcheck.extract.match import StoreIndex

#: An aside that makes a speaker anonymous: "speaking on condition of anonymity",
#: "sous couvert d'anonymat", "who asked not to be named".
_RE_ANONYMITY = re.compile(
    r",?\s*(?:(?:who\s+was\s+|while\s+)?speaking\s+on\s+(?:the\s+)?condition\s+of\s+"
    r"anonymity|who\s+(?:asked|requested|declined)\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
    r"|(?:s'exprimant\s+|parlant\s+)?sous\s+(?:le\s+)?couvert\s+(?:de\s+l'|d')anonymat"
    r"|(?:qui\s+a\s+|ayant\s+)?(?:requis|demandé|souhaité\s+garder)\s+l'anonymat)\s*,?",
    re.IGNORECASE,
)


#: An unnamed speaker: "one resident", "a witness", "a military source", "un médecin",
#: "une source sécuritaire", "un habitant".
def _unnamed_pattern(nouns: str) -> re.Pattern[str]:
    return re.compile(
        r"\s*(?<![\w'’])(?P<who>(?:one|a|an|another|un|une|un\s+autre|une\s+autre)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})"
        r"(?:\s+[\w-]+){0,2}?)(?=\s*(?:$|[,.;:«»\"“”]|\s(?:said|told|says|added)\b))",
        re.IGNORECASE,
    )


#: People who speak only for themselves: never a party's word.
_PEOPLE = (
    r"resident|witness|villager|survivor|habitant|habitante|témoin|villageois|"
    r"rescapé|rescapée|survivant|survivante|commerçant|commerçante|trader|farmer|éleveur"
)
_RE_UNNAMED = _unnamed_pattern(_PEOPLE)
#: With an anonymity aside, an institution's people too ("a military source, speaking on
#: condition of anonymity", "un médecin sous couvert d'anonymat").
_RE_UNNAMED_ANONYMOUS = _unnamed_pattern(
    _PEOPLE + r"|source|official|officer|doctor|nurse|medic|soldier|responsable|officier|"
    r"médecin|infirmier|infirmière|soldat|militaire|élu|notable|diplomat|diplomate"
)
_UNNAMED_STOP = frozenset(["one", "a", "an", "another", "un", "une", "autre"])


def without_anonymity_aside(text: str) -> tuple[str, re.Pattern[str]]:
    """``text`` with its anonymity aside blanked (offsets kept), and the pattern of the
    unnamed speakers it may have: an institution's people too when it had one."""
    unnamed = _RE_UNNAMED_ANONYMOUS if _RE_ANONYMITY.search(text) else _RE_UNNAMED
    return _RE_ANONYMITY.sub(lambda m: " " * len(m[0]), text), unnamed


def speaks_unnamed(index: StoreIndex, party_id: str) -> bool:
    """Whether the store's party speaks unnamed (kind anonymous, or named as sources)."""
    party = index.parties.get(party_id)
    return party is not None and (party.is_anonymous or "source" in party.name.lower())


def anonymous_party(index: StoreIndex, words: str) -> Any | None:
    """The store's anonymous party whose names hold the words of an unnamed speaker ("a
    military source": "Military sources"), if any."""
    wanted = {w.rstrip("s") for w in tokens(words)} - _UNNAMED_STOP
    for party in index.parties.values():
        if not speaks_unnamed(index, party.id):
            continue
        own = {w.rstrip("s") for n in (party.name, *party.aliases) for w in tokens(n)}
        if wanted and wanted <= own:
            return party
    return None
