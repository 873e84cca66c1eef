"""Which event a figure is about: the store's event subjects by the day they cover, the
places of their label and ``aliases`` and the other words of their label.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.extract.lexicon import tokens
from claimcheck.extract.names import STOP_WORDS, normalise
from claimcheck.model import Subject

if TYPE_CHECKING:
    from claimcheck.extract.match import StoreIndex

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


@dataclass(slots=True)
class Event:
    """An event subject and the words that name it: its places (capitalised words of
    its label and aliases that are no event word nor party name), the rest of its words."""

    subject: Subject
    places: set[str]
    words: set[str]


def event_of(subject: Subject, party_words: set[str]) -> Event:
    from claimcheck.extract.when import MONTHS

    text = normalise(" ".join([subject.label, *subject.aliases]))
    capitals = {w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", text) if w[0].isupper()} | {
        tokens(a)[0] for a in subject.aliases if tokens(a) and len(tokens(a)) == 1
    }
    words = {w for w in tokens(text) if len(w) > 2 and not w.isdigit()} - STOP_WORDS - party_words
    places = {w for w in words & capitals if w not in _EVENT_WORDS and w not in MONTHS}
    return Event(subject, _plain(places), _plain(words - places - set(MONTHS)))


def _plain(words: set[str]) -> set[str]:
    """Words without their accents: English copy writes "Tiguene" for "Tiguéné"."""
    return {unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() or w for w in words}


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
    said = _plain(set(tokens(normalise(words))) - STOP_WORDS)
    around = _plain(set(tokens(normalise(article))) - STOP_WORDS)
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
