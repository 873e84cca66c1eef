"""The figures a sentence asserts, and what each counts.

Quantity phrases come from :func:`claimcheck.values.scan.find_quantities` (the store's
own reading); this module judges them. A figure inside a date or a time, a year, an
age, a unit or page number, money or a share is no count and is dropped. What a figure
counts is read in its own phrase — the words after it up to the next figure, a
coordination ("et", "and") or a clause mark — first ("fourteen civilians", "cinq
morts", "12 assaillants neutralisés"), else from a toll verb before it in its own clause
("killing fourteen", "a tué", "we lost"), else from the predicate two coordinated
figures share ("5 soldats et 3 civils ont été tués"). A word from a neighbouring
coordinated phrase never counts for it ("12 assaillants neutralisés et 3 véhicules
détruits": 12 killed, 3 destroyed).

The rules, each small:

- a figure after "including", "dont", "among the dead," is a **subset** of a toll, never
  the total (:attr:`Figure.subset`);
- "un"/"une" (and a bare "one" counting nothing killed, hurt or lost) is an indefinite
  article, not a count, unless counted ("un seul avion", "one plane was shot down");
- "neutralisés" counts killed of people and destroyed of things; a toll of things
  (vehicles, aircraft, buildings) is never one of people;
- "no prisoners", "aucun prisonnier", "no civilians were killed" is a figure of zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from claimcheck.extract.lexicon import (
    MEASURES,
    NOT_COUNTS,
    NOT_COUNTS_BEFORE,
    PART_OF_PREVIOUS,
    PEOPLE,
    SUBSET,
    THINGS,
    TOLLS,
    ZERO_NOUNS,
    ZERO_WORDS,
    measures_of,
    tokens,
    who_of,
)
from claimcheck.extract.when import DateMention
from claimcheck.values.quantity import parse_quantity_text
from claimcheck.values.scan import QuantityMatch, find_quantities

#: Words read after a figure for what it counts.
_OWN_WORDS = 8
_VERB_BACK = 6
_SKIP = frozenset(["of", "de", "des", "d'", "du", "the", "les"])
#: Why "one"/"une" before a thing is dropped: a determiner, not a count.
ARTICLE = "a determiner, not a count"
#: French indefinite articles: never a count unless "un seul", "une seule".
_INDEFINITE = frozenset({"un", "une"})
_ONE = frozenset({"one", "1"})
#: Where a figure's own phrase ends: a clause mark or a coordination.
_RE_BOUNDARY = re.compile(
    r"[,;:()«»“”\"]|[.!?](?=\s)|\s[-–—]\s|"
    r"\b(?:et|and|or|ou|but|mais|while|whereas|tandis|alors que|contre|against|versus|vs)\b",
    re.IGNORECASE,
)
_RE_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:et|and|ou|or)\s*$", re.IGNORECASE)
#: After a zero word's noun: no report, not a figure of zero.
_NOT_A_ZERO = frozenset(
    [
        "reported",
        "known",
        "immediately",
        "immediate",
        "confirmed",
        "available",
        "signalé",
        "signalée",
        "signalés",
        "signalées",
        "connu",
        "connue",
        "précisé",
        "communiqué",
        "yet",
        "encore",
    ]
)
_RE_SEUL = re.compile(r"^\s+seul(?:e)?\b", re.IGNORECASE)
_RE_ZERO = re.compile(
    r"(?<![\w'])(?P<zero>" + "|".join(sorted(ZERO_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?:(?:other|autres?|more|further)\s+)?(?P<noun>[\w-]+)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Figure:
    """A quantity phrase of a sentence, judged."""

    match: QuantityMatch
    measure: str | None = None
    who: set[str] = field(default_factory=set)
    #: The words that said what it counts.
    counted: str = ""
    #: Why it is not proposed, when it is not.
    skipped: str | None = None
    #: The words that make it a part of a toll ("among the dead", "dont"), if it is one.
    subset: str | None = None
    #: Where the measure came from: "own" phrase, "verb" before it, "shared" predicate.
    source: str = ""


def find_figures(sentence: str, dates: list[DateMention]) -> list[Figure]:
    """Every quantity phrase of ``sentence``: judged, with what it counts."""
    matches = sorted(find_quantities(sentence) + _zeros(sentence), key=lambda q: q.start)
    figures: list[Figure] = []
    previous: Figure | None = None
    for n, q in enumerate(matches):
        figure = Figure(q)
        figures.append(figure)
        if any(d.start <= q.start < d.end or q.start <= d.start < q.end for d in dates):
            figure.skipped = "part of a date or a time"
            continue
        following = matches[n + 1].start if n + 1 < len(matches) else len(sentence)
        own_end = _own_end(sentence, q.end, following)
        own = [w for w in tokens(sentence[q.end : own_end]) if w not in _SKIP][:_OWN_WORDS]
        before = tokens(sentence[max(0, q.start - 40) : q.start])
        after = tokens(sentence[q.end : q.end + 120])
        if q.text.isdigit() and 1000 <= int(q.text) <= 2100 and not _counted(after):
            figure.skipped = "a year"
            continue
        if before and (before[-1] in NOT_COUNTS_BEFORE or sentence[q.start - 1 : q.start] in "$€£"):
            figure.skipped = f"a number, not a count ({before[-1]} {q.text})"
            continue
        if q.text.endswith("%") or (after and after[0] in NOT_COUNTS):
            figure.skipped = (
                f"not a count of people or things ({q.text} {after[0] if after else ''})"
            )
            continue
        noun = own[:4]
        figure.who = who_of(noun) | ({"people"} if set(noun) & PEOPLE else set())
        measures = [m for m in measures_of(own) if m in TOLLS]
        figure.source = "own" if measures else ""
        head = sentence[max(0, q.start - 60) : q.start]
        subset = SUBSET.search(head)
        part_of = bool(before) and before[-1] in PART_OF_PREVIOUS and previous is not None
        if subset or part_of:
            figure.subset = (subset[0] if subset else before[-1]).strip(" ,:")
            whole = [m for m in measures_of(tokens(figure.subset)) if m in TOLLS]
            if part_of and previous is not None and previous.measure in TOLLS:
                whole = [previous.measure or ""]
                figure.counted = f"part of the {previous.match.text} before it"
            measures = whole + [m for m in measures if m not in whole]
        if not measures:
            clause = _clause_before(sentence, q.start, matches[n - 1].end if n else 0)
            back = _verb_before(tokens(clause))
            if back:
                measures, figure.source = [back], "verb"
        if not measures:
            others = measures_of(own)
            measures = others[:1]
        figure.measure = measures[0] if measures else None
        figure.counted = figure.counted or " ".join(noun)
        previous = figure
    _share_predicates(sentence, figures)
    for figure in figures:
        if figure.skipped is None:
            _judge(figure, sentence)
    return figures


def _judge(figure: Figure, sentence: str) -> None:
    """What a figure's measure means given what it counts, and whether it is a count."""
    q = figure.match
    things = figure.who & THINGS
    if figure.measure == "neutralised":
        figure.measure = "destroyed" if things else "killed"
    elif figure.measure in ("killed", "wounded") and things and not figure.who - THINGS:
        # "perdu 3 véhicules", "3 avions abattus": things are destroyed, not killed.
        figure.measure = "destroyed"
    elif figure.measure == "destroyed" and not things:
        shown = figure.counted or "nothing named"
        figure.skipped = f"counts {shown!r} destroyed: no vehicles or aircraft named"
        return
    if figure.measure == "strength" and figure.who - {"government", "rebels"}:
        figure.measure = None
    word = q.text.lower()
    if (word in _INDEFINITE and not _RE_SEUL.match(sentence[q.end :])) or (
        word in _ONE and figure.measure not in TOLLS
    ):
        figure.skipped = ARTICLE
    elif figure.measure is None:
        figure.skipped = f"counts {figure.counted or 'nothing named'}: no property measures it"


def _own_end(sentence: str, start: int, following: int) -> int:
    """Where a figure's own phrase ends: its clause mark, or a coordination that opens
    another count or predicate ("et 3 véhicules", "and captured"; not "Malian and
    Russian forces"), or the next figure."""
    for m in _RE_BOUNDARY.finditer(sentence, start, following):
        if not m[0].strip().isalpha():
            return m.start()
        ahead = sentence[m.end() : m.end() + 40]
        words = tokens(ahead)[:4]
        near = following < len(sentence) and following - m.end() <= len(" ".join(words)) + 2
        if near or set(measures_of(words)) & TOLLS or not words:
            return m.start()
    return following


def _clause_before(sentence: str, start: int, previous_end: int) -> str:
    """The words before a figure in its own clause (back to a clause mark, a
    coordination or the previous figure)."""
    text = sentence[previous_end:start]
    cut = 0
    for m in _RE_BOUNDARY.finditer(text):
        cut = m.end()
    return text[cut:]


def _share_predicates(sentence: str, figures: list[Figure]) -> None:
    """ "5 soldats et 3 civils ont été tués": a figure whose phrase names no toll, joined
    by "et"/"and" to the next figure of the same kind (people, or things) whose toll
    follows its noun, shares that toll."""
    for a, b in pairwise(figures):
        if a.skipped or b.skipped or a.measure in TOLLS or b.measure not in TOLLS:
            continue
        if b.source != "own" or not _RE_COORDINATION.match(
            _between(sentence, a.match.end, b.match.start, a.counted)
        ):
            continue
        if bool(a.who & THINGS) != bool(b.who & THINGS) or not (a.who or b.who):
            continue
        a.measure, a.source = b.measure, "shared"
        a.counted = f"{a.counted} (sharing {b.match.text} {b.counted!r})"


def _between(sentence: str, end: int, start: int, counted: str) -> str:
    """The words between two figures after the first one's noun."""
    text = sentence[end:start]
    words = counted.split()
    for w in words:
        i = text.lower().find(w)
        if i >= 0:
            text = text[i + len(w) :]
    return text


def _zeros(sentence: str) -> list[QuantityMatch]:
    """ "no prisoners", "aucun prisonnier", "no civilians were killed": zeros."""
    out = []
    for m in _RE_ZERO.finditer(sentence):
        noun = tokens(m["noun"])
        rest = tokens(sentence[m.end() : m.end() + 40])[:4]
        counted = set(noun) & ZERO_NOUNS or (
            who_of(noun) - THINGS and any(w in MEASURES[t] for w in rest for t in TOLLS)
        )
        # "No casualties were reported" tells of no report, not of no casualties.
        if counted and not set(rest) & _NOT_A_ZERO:
            out.append(
                QuantityMatch(m.start("zero"), m.end("zero"), m["zero"], parse_quantity_text("0"))
            )
    return out


def _counted(after: list[str]) -> bool:
    return bool(measures_of(after[:2]) or who_of(after[:2]) or set(after[:2]) & PEOPLE)


def _verb_before(before: list[str]) -> str | None:
    """A toll verb just before the figure ("killing", "a tué", "death toll ... to")."""
    for w in reversed(before[-_VERB_BACK:]):
        if find_quantities(w):
            return None
        for m in TOLLS:
            if w in MEASURES[m]:
                return m
    return None
