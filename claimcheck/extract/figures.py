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
    CONDITION,
    COUNT_NOUNS,
    MEASURES,
    NOT_COUNTS,
    NOT_COUNTS_BEFORE,
    NOT_TOLLS,
    OUTRANKING,
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
#: Words between a figure and its unit: "5 millions de francs", "2 million dollars".
_SCALE = frozenset(
    ["de", "d", "of", "million", "millions", "milliard", "milliards", "billion", "m", "bn"]
)
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
#: "five of them", "trois d'entre eux": a part of the figure before.
_RE_PARTITIVE = re.compile(r"\s+(?:of (?:them|whom|those)|d'entre (?:eux|elles))\b", re.I)
_QUOTES = frozenset('«»“”"')
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
    r"(?:(?:other|autres?|more|further)\s+)?"
    # "aucun de nos soldats", "none of our men"
    r"(?:(?:de|of|d'entre)\s+(?:nos|leurs|ses|ces|les|our|their|its|the)\s+|des\s+)?"
    r"(?P<noun>[\w-]+)",
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
        unit = [w for w in after[:4] if w not in _SCALE]
        if q.text.endswith("%") or (unit and unit[0] in NOT_COUNTS):
            figure.skipped = f"not a count of people or things ({q.text} {unit[0] if unit else ''})"
            continue
        noun = own[:4]
        part = _RE_PART_OF_TOLL.match(sentence, q.end)
        if _RE_DIED_OF_WOUNDS.match(sentence, q.end):
            # "two of the wounded later died", "trois blessés ont succombé": the wounded
            # who died since, an increment of the toll, not a toll of its own.
            figure.skipped = "counts wounded who died since: an increment of the toll, not a toll"
            continue
        if noun and noun[0] in _HOUSEHOLDS:
            # "200 families fled": households, not people.
            figure.skipped = f"counts {noun[0]}, not people: no property counts them"
            continue
        if set(noun[:2]) & _SUSPECTS:
            # "several suspects were arrested": an arrest, not people taken in the event
            figure.skipped = f"counts {' '.join(noun[:2])}: an arrest is no toll of the event"
            continue
        figure.who = who_of(noun) | ({"people"} if set(noun) & PEOPLE else set())
        measures = [m for m in measures_of(own) if m in TOLLS]
        # "three hostages freed": the predicate's release outranks the noun's capture.
        rest = tokens(re.split(r"[,;:.]", sentence[q.end :])[0])[:16]
        measures = measures_of([w for w in rest if w in OUTRANKING]) + measures
        # "two shells fell", "30 km": a count of munitions or a distance is no toll.
        measures = [m for m in measures_of(noun[:2]) if m in NOT_TOLLS][:1] or measures
        figure.source = "own" if measures else ""
        head = sentence[max(0, q.start - 60) : q.start]
        subset = SUBSET.search(head)
        part_of = (
            bool(before)
            and before[-1] in PART_OF_PREVIOUS
            and previous is not None
            and not (before[-1] == "of" and len(before) > 1 and before[-2] in COUNT_NOUNS)
        )
        state = CONDITION.search(re.split(r"[,;:()«»]|\s(?:et|and)\s", sentence[q.end :])[0])
        if state:
            # "plusieurs blessés dans un état grave": a part of the wounded, not a toll.
            figure.subset = state[0]
        listed = _listed(sentence, previous, q.start, measures)
        partitive = _RE_PARTITIVE.match(sentence, q.end)
        if part is not None:
            # "five of the dead were children", "cinq des victimes": a part of the toll,
            # whatever it is said to be; never the total.
            figure.subset = part[0].strip()
            whole = [m for m in measures_of(tokens(part["whole"])) if m in TOLLS]
            measures = whole + [m for m in measures if m not in whole]
            figure.counted = " ".join(tokens(sentence[part.end() : own_end])) or part[0].strip()
        elif partitive and previous is not None and previous.measure in TOLLS and not measures:
            # "14 bodies. Five of them were children": a part of the toll before it.
            figure.subset, measures = partitive[0].strip(), [previous.measure or ""]
            figure.counted = f"part of the {previous.match.text} before it"
        elif listed is not None and previous is not None:
            # "dont 7 soldats et 9 civils": the second part of a list of parts is one too.
            figure.subset, whole = listed, [previous.measure or ""]
            figure.counted = f"part of the toll before it, listed with {previous.match.text}"
            measures = whole
        elif subset or part_of:
            figure.subset = (subset[0] if subset else before[-1]).strip(" ,:")
            whole = [m for m in measures_of(tokens(figure.subset)) if m in TOLLS]
            named_whole = part_of or not (whole or measures)  # "among them 14 children"
            if named_whole and previous is not None and previous.measure in TOLLS:
                whole = [previous.measure or ""]
                figure.counted = f"part of the {previous.match.text} before it"
            measures = whole + [m for m in measures if m not in whole]
        if not measures:
            clause = _clause_before(sentence, q.start, matches[n - 1].end if n else 0)
            back = _verb_before(tokens(clause))
            if back:
                measures, figure.source = [back], "verb"
        if not measures and _RE_NOT_FOUND.match(sentence, q.end):
            # "six personnes n'ont jamais été retrouvées", "have never been found"
            measures, figure.source = ["missing"], "verb"
        if not measures and _RE_COST_LIVES.search(sentence[: q.start]):
            # "avait coûté la vie à 17 militaires", "claimed the lives of 17 soldiers"
            measures, figure.source = ["killed"], "verb"
        toll_to = _RE_TOLL_TO.search(sentence[: q.start]) if not measures else None
        if toll_to is not None:
            # "the death toll from Friday's attack on X has risen to 17", "the number of
            # civilians killed in X has risen to 23": what the number counts, else killed
            counted = tokens(toll_to["counted"] or "")
            named = [m for m in measures_of(counted) if m in TOLLS]
            measures, figure.source = named[:1] or ["killed"], "verb"
            figure.who |= who_of(counted)
            figure.counted = toll_to["counted"] or toll_to[0].split()[0]
        if not measures and figure.who - THINGS:
            # "37 civils, dont 14 enfants, avaient été tués": the predicate after the part
            after_part = _predicate_after(sentence, own_end)
            if after_part:
                measures, figure.source = [after_part], "verb"
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


#: A toll noun and the verb that gives its figure: "the toll ... has risen to 17",
#: "le bilan ... s'est alourdi à 17".
_RE_TOLL_TO = re.compile(
    r"\b(?:death toll|toll|bilan|décompte|count|(?P<counted>(?:number|nombre)\s+(?:of|de|d')\s*"
    r"(?:[\w-]+\s+){0,2}?(?:dead|deaths|killed|victims|wounded|injured|morts|tués|victimes|"
    r"blessés|décès)))\b[^.;:]{0,80}?\b(?:rose|risen|rises|climbed|"
    r"reached|stood|stands|stand|s'est alourdi|s'alourdit|est passé|atteint|a atteint|"
    r"est monté|grimpé)\s+(?:to|at|à|de)?\s*$",
    re.IGNORECASE,
)
#: Lives lost, said of what took them: "a coûté la vie à", "claimed the lives of".
_RE_COST_LIVES = re.compile(
    r"\b(?:co[uû]t[ée]|co[uû]tant|co[uû]te|a\s+co[uû]t[ée])\s+la\s+vie\s+(?:à|a)\s*(?:au\s+moins\s+)?$"
    r"|\b(?:cost|claimed|took)\s+the\s+lives\s+of\s*(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
#: People not found: missing ("n'ont jamais été retrouvées", "have not been found").
_RE_NOT_FOUND = re.compile(
    r"[^,;.]{0,30}?\b(?:n['’](?:ont|a|avaient|avait)\s+(?:jamais|pas|toujours pas)\s+été\s+"
    r"retrouvé|(?:have|has|had)\s+(?:never|not|still not)\s+been\s+(?:found|located)|"
    r"restent introuvables|(?:are|were|remain) still unaccounted)",
    re.IGNORECASE,
)
#: "five of the dead", "cinq des victimes", "trois d'entre les blessés": a part of a
#: toll the figure does not give.
_RE_PART_OF_TOLL = re.compile(
    r"\s+(?:of\s+(?:the|those)|des|d['’]entre\s+les|parmi\s+les)\s+(?P<whole>"
    r"dead|killed|victims|bodies|casualties|wounded|injured|fatalities|"
    r"morts|tués|victimes|corps|blessés|décédés)\b",
    re.IGNORECASE,
)
#: The wounded who died since: "two of the wounded later died", "trois blessés ont
#: succombé (à leurs blessures)", "3 injured people died in hospital".
_RE_DIED_OF_WOUNDS = re.compile(
    r"\s+(?:(?:of\s+the|des|d['’]entre\s+les)\s+)?(?:(?:seriously|gravement|badly)\s+)?"
    r"(?:wounded|injured|blessés|blessées|blessés graves)(?:\s+(?:people|persons|personnes))?"
    r"[^,;.]{0,30}?\b(?:died|have died|had died|succumbed|passed away|"
    r"ont succombé|sont décédés|sont morts|sont décédées|sont mortes|ont succombé|"
    r"avaient succombé|sont depuis décédés|ont péri)\b",
    re.IGNORECASE,
)
#: Households counted, not people: "200 families fled", "300 ménages".
_HOUSEHOLDS = frozenset(
    ["families", "family", "familles", "famille", "households", "ménages", "foyers"]
)
_SUSPECTS = frozenset(["suspects", "suspect", "suspected", "présumés", "présumé"])
#: A part between commas after a figure: "37 civils, dont 14 enfants, ...".
_RE_ASIDE = re.compile(
    r"\s*,\s*(?:dont|including|among them|among whom|parmi (?:eux|elles|lesquels))\b[^,;.]*,",
    re.IGNORECASE,
)


def _predicate_after(sentence: str, own_end: int) -> str | None:
    """The toll of the predicate that follows a figure's phrase past an aside ("37
    villagers, among them 14 children, were killed"), if it follows at once."""
    aside = _RE_ASIDE.match(sentence, own_end)
    if aside is None:
        return None
    words = tokens(re.split(r"[,;:.]", sentence[aside.end() :])[0])[:4]
    return next((m for m in measures_of(words) if m in TOLLS), None)


def _listed(sentence: str, previous: Figure | None, start: int, measures: list[str]) -> str | None:
    """The subset words of a list's earlier part, when the figure at ``start`` is its next
    part ("including 7 soldiers and 9 civilians"): the previous figure is a subset and
    only its noun and a coordination stand between; the figure names no toll of its own."""
    if previous is None or previous.subset is None or previous.measure not in TOLLS or measures:
        return None
    m = _RE_NEXT_PART.fullmatch(sentence[previous.match.end : start])
    if m and len(m["noun"].split()) <= 3 and not set(measures_of(tokens(m["noun"]))) & TOLLS:
        return previous.subset
    return None


_RE_NEXT_PART = re.compile(r"(?P<noun>[^\d,;:.()«»]*?)\s*(?:,|,?\s+(?:et|and))\s*", re.I)


def _judge(figure: Figure, sentence: str) -> None:
    """What a figure's measure means given what it counts, and whether it is a count."""
    q = figure.match
    things = figure.who & THINGS
    if figure.measure == "neutralised":
        figure.measure = "destroyed" if things else "killed"
    elif figure.measure in ("killed", "wounded") and things and not figure.who - THINGS:
        # "perdu 3 véhicules", "3 avions abattus": things are destroyed, not killed.
        figure.measure = "destroyed"
    elif figure.measure == "released":
        figure.skipped = "counts people freed or released: not people taken, and no toll"
        return
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
        opening = sentence[m.end() : m.end() + 1].isalpha()
        if m[0] in _QUOTES and opening and len(sentence[start : m.start()].split()) <= 2:
            continue  # 12 "terrorists neutralised", 21 assailants "neutralised"
        quoted = tokens(sentence[m.end() :])[:1]
        if m[0] in _QUOTES and quoted and set(measures_of(quoted)):
            continue  # 27 assailants had been "neutralised": the quoted word is the verb
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
    coordination or the previous figure); a quotation mark is none ("tué « plus de
    trente militaires »")."""
    text = sentence[previous_end:start]
    cut = 0
    for m in _RE_BOUNDARY.finditer(text):
        if m[0] not in _QUOTES:
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
