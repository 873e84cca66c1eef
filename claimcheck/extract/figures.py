"""The figures a sentence asserts, and what each counts.

Quantity phrases come from :func:`claimcheck.values.scan.find_quantities` (the store's
own reading); this module judges them. A figure inside a date or a time, a year, an
age, a unit or page number, money or a share is no count and is dropped. What a figure
counts is read from the words after it ("fourteen civilians", "cinq morts", "were
killed"), else from a toll verb before it ("killing fourteen", "a tué"); a figure
introduced by "including"/"dont" ("fourteen civilians including eight children") is a
part of the one before it and counts the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.extract.lexicon import (
    MEASURES,
    NOT_COUNTS,
    NOT_COUNTS_BEFORE,
    PART_OF_PREVIOUS,
    PEOPLE,
    TOLLS,
    measures_of,
    tokens,
    who_of,
)
from claimcheck.extract.when import DateMention
from claimcheck.values.scan import QuantityMatch, find_quantities

#: Words read after a figure for what it counts, and words of the predicate after them.
_NOUN_WORDS = 4
_PREDICATE_WORDS = 5
_VERB_BACK = 6
_SKIP = frozenset(["of", "de", "des", "d'", "du", "the", "les"])
#: Why "one"/"une" before a thing is dropped: a determiner, not a count.
ARTICLE = "a determiner, not a count"
_ONE = frozenset({"one", "un", "une", "1"})


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


def find_figures(sentence: str, dates: list[DateMention]) -> list[Figure]:
    """Every quantity phrase of ``sentence``: judged, with what it counts."""
    figures: list[Figure] = []
    previous: Figure | None = None
    for q in find_quantities(sentence):
        figure = Figure(q)
        figures.append(figure)
        if any(d.start <= q.start < d.end or q.start <= d.start < q.end for d in dates):
            figure.skipped = "part of a date or a time"
            continue
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
        noun = [w for w in after[: _NOUN_WORDS + 1] if w not in _SKIP][:_NOUN_WORDS]
        noun = _until_figure(noun)
        figure.who = who_of(noun) | ({"people"} if set(noun) & PEOPLE else set())
        measures = measures_of(noun)
        if not any(m in TOLLS for m in measures):
            back = _verb_before(before[-3:])  # "killing fourteen", "had killed dozens"
            if back:
                measures.insert(0, back)
        predicate = _until_figure(after[len(noun) : len(noun) + _PREDICATE_WORDS + 2])
        predicate = predicate[: predicate.index("and")] if "and" in predicate else predicate
        measures += [m for m in measures_of(predicate) if m in TOLLS and m not in measures]
        part_of = bool(before) and before[-1] in PART_OF_PREVIOUS
        if part_of and previous is not None and previous.measure in TOLLS:
            measures = [previous.measure or "", *measures]
            figure.counted = f"part of the {previous.match.text} before it"
        if not any(m in TOLLS for m in measures):
            back = _verb_before(before)
            if back:
                measures.insert(0, back)
        toll = [m for m in measures if m in TOLLS]
        figure.measure = toll[0] if toll else (measures[0] if measures else None)
        if figure.measure == "strength" and figure.who - {"government", "rebels"}:
            figure.measure = None
        if q.text.lower() in _ONE and not (figure.who or set(noun) & PEOPLE):
            figure.skipped = ARTICLE
        elif figure.measure is None:
            shown = " ".join(noun[:2]) or "nothing named"
            figure.skipped = f"counts {shown}: no property measures it"
        figure.counted = figure.counted or " ".join(noun)
        previous = figure
    return figures


def _counted(after: list[str]) -> bool:
    return bool(measures_of(after[:2]) or who_of(after[:2]) or set(after[:2]) & PEOPLE)


def _until_figure(words: list[str]) -> list[str]:
    """Words up to the next figure: what follows it is that figure's."""
    out = []
    for w in words:
        if find_quantities(w) and w not in _SKIP:
            break
        out.append(w)
    return out


def _verb_before(before: list[str]) -> str | None:
    """A toll verb just before the figure ("killing", "a tué", "death toll ... to")."""
    for w in reversed(before[-_VERB_BACK:]):
        if find_quantities(w):
            return None
        for m in TOLLS:
            if w in MEASURES[m]:
                return m
    return None
