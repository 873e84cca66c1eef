"""One pass over an article's sentences: what carries from one to the next (the
statement being quoted, the last speaker, the event's day), and each figure proposed
with its property, subject, claimant and day, every guess written in its ``why``.

Three parts of a figure's claim are chosen in modules of their own, from what the pass
hands them: whose side it counts (:mod:`.own_side`), the article's event when the
sentence names none (:mod:`.article_event`), and its as_of (:mod:`.as_of`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.extract.article_event import EARLIER_DAYS, carried_event, title_subject
from claimcheck.extract.as_of import choose_as_of
from claimcheck.extract.attribution import Attribution, attributions_of
from claimcheck.extract.candidate import Extraction, ProposedClaim, Skipped
from claimcheck.extract.figures import ARTICLE, Figure, find_figures
from claimcheck.extract.match import (
    StoreIndex,
    choose_property,
    choose_subject,
    find_mentions,
    side_words,
)
from claimcheck.extract.own_side import own_men, own_side
from claimcheck.extract.scope import for_figure, period_total, recalled_date
from claimcheck.extract.speakers import Said, Speakers, claimant_of
from claimcheck.extract.text import Sentence, quoted_spans
from claimcheck.extract.when import DateMention, find_dates, statement_dates

#: Skips not worth listing: dates and years are no figures.
_NO_FIGURE = frozenset({"part of a date or a time", "a year", ARTICLE})


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``...: the first not in ``taken`` (then taken)."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


@dataclass
class Reading:
    """One pass over an article: what carries from sentence to sentence."""

    x: Extraction
    index: StoreIndex
    outlet: str | None
    published: dt.date | None
    year: int | None = None
    #: The statement being quoted, its day and where it was named, and for how long.
    carried: Attribution | None = None
    carried_day: dt.date | None = None
    carried_at: str = ""
    carried_left: int = 0
    #: The last statement's author ("selon le communiqué" is theirs).
    author: tuple[Attribution, str, dt.date | None] | None = None
    #: Where the sentence being read stands: (paragraph, position).
    where: tuple[int, int] = (0, 0)
    #: The day of today's event last named: a recalled event's day does not carry.
    day: tuple[dt.date, dt.date] | None = None
    #: The words of the figure being proposed, up to the next figure.
    figure_words: str = ""
    #: The day the text last named, of an event or a statement: "la veille" is before it.
    anchor: dt.date | None = None
    #: The day this sentence names for what it tells (not a statement's day), if any.
    own_day: tuple[dt.date, dt.date] | None = None
    #: An earlier event being recalled: its date, paragraph and the sentence naming it.
    recall: tuple[DateMention, int, str] | None = None
    #: The article's event and where it was named: carried to figures naming none.
    event: tuple[Any, str] | None = None
    #: The day the article's dateline names ("KESSARA, March 15 (Reuters) -"): when it
    #: is not the publication's, the day of statements that name none.
    dateline: dt.date | None = None
    speakers: Speakers = field(init=False)
    seen: list[str] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    proposed_properties: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.taken = set(self.index.claims)
        self.speakers = Speakers(self.index)
        self.seen = [self.x.document["title"] or ""]

    @property
    def recent(self) -> str:
        """The last sentences read (the title first): where a subject may be named."""
        return " ".join(self.seen[-12:])

    def sentence(self, sentence: Sentence, context: str, cited: tuple[str, str] | None) -> None:
        text = sentence.text
        dates = find_dates(text, self.published, self.year, self.anchor)
        # "la veille" counts from the day the text last named, a statement's day too
        days = [d.first for d in dates if d.first is not None and d.first == d.last]
        self.anchor = days[-1] if days else self.anchor
        said_on = statement_dates(text, dates)
        events = [d for i, d in enumerate(dates) if i not in said_on]
        earlier = [d for d in events if self._earlier(d)]
        if self.recall is not None and (
            self.recall[1] != self.where[0] or _day_of([d for d in events if d not in earlier])
        ):
            self.recall = None  # a new paragraph, or today's news named again
        named = _day_of([d for d in events if d not in earlier])
        if named is not None:
            self.day = named
        self.own_day = named
        # "Trois jours après l'attaque du 14 mars contre Doumbala", "died in Friday's
        # assault on Doumbala": the article's event, by any day the sentence names.
        for d in [d for d in events if d not in earlier] if self.index.events else []:
            if d.first is None or d.last is None or (d.last - d.first).days >= 31:
                continue
            span = (d.first, d.last)
            subject, _ = choose_subject(self.index, text, span, self.recent)
            if subject is not None:
                self.event = (subject, sentence.locator)
                break
        if self.published is None:
            self.year = last_year(dates, self.year)
        said_span = _day_of([d for i, d in enumerate(dates) if i in said_on])
        statement_day = said_span[0] if said_span and said_span[0] == said_span[1] else None
        self.speakers.next_sentence()
        said: list[Attribution] = []
        for found in attributions_of(self.index, text, self.speakers.named):
            # in order: "X a dressé un bilan ..., a-t-il ajouté": "il" is X
            a = self.speakers.resolve(found)
            said.append(a)
            self.speakers.heard(a, sentence.locator, self.where)
            if a.document and self.author is not None:
                # "le communiqué déplore...": the text keeps reporting the statement.
                self.carried, self.carried_left = self.author[0], 1
                self.carried_at = self.author[1]
                continue
            if a.carries and (a.known or a.claimant):
                self.carried, self.carried_left = a, 1
                self.carried_day, self.carried_at = statement_day, sentence.locator
                self.author = (a, sentence.locator, statement_day)
            elif not a.carries and not a.document:
                self.carried, self.carried_left = None, 0
        self.speakers.read(text, said)
        recall_context = " ".join([self.recall[2] if self.recall else "", text])
        self._recalling(text, earlier)
        figures = find_figures(text, dates)
        ends = [*(f.match.start for f in figures[1:]), len(text)][: len(figures)]
        for figure, until in zip(figures, ends, strict=True):
            q = figure.match
            # its words: up to the next figure ("17, up from the 9 it reported then")
            self.figure_words = text[q.start : until]
            if figure.skipped in _NO_FIGURE:
                continue
            if figure.skipped or figure.measure is None:
                self.skip(sentence, q.text, figure.skipped or "counts nothing known")
                continue
            period = period_total(text, q.start)
            if period is not None:
                reason = f"a total over a period or a whole conflict ({period!r}), no event's toll"
                self.skip(sentence, q.text, reason)
                continue
            recalled = recalled_date(text, q.start, q.end, earlier)
            if recalled is None and self.recall is not None:
                # "Le 22 juin 2019, ... En moins de deux heures, 37 civils avaient été
                # tués": the paragraph goes on telling the recalled event.
                recalled = self.recall[0]
            own = for_figure(said, text, q.start, recalled is not None)
            asserter = next((a for a in own if a.stance == "asserts"), None)
            deniers = [a for a in own if a.stance == "denies"]
            if asserter is not None or recalled is not None:
                who = Said(asserter, "sentence", statement_day)
            elif not deniers and self.carried is not None:
                who = Said(self.carried, "carried", self.carried_day, self.carried_at)
            elif any(a <= q.start < b for a, b in quoted_spans(text)):
                who = Said(None, "quoted")
                going_on = self.speakers.quote_goes_on(self.where)
                if going_on is not None:
                    # « ... Seven of our men fell. »: the quotation goes on.
                    who = Said(going_on[0], "quote-continued", statement_day, going_on[1])
            elif (
                not said
                and not self.speakers.named_last
                and (going_on := self.speakers.quote_goes_on(self.where)) is not None
            ):
                # "..., hospital director X said. Another 34 people were being treated":
                # a sentence naming nobody goes on with the report just before it.
                who = Said(going_on[0], "report-continued", statement_day, going_on[1])
                self.speakers.speaker_where = self.where
            else:
                who = Said(None, "cited" if cited else "none")
            if not deniers or asserter is not None:
                self.propose(
                    sentence,
                    figure,
                    who,
                    recalled,
                    recall_context if recalled is not None else context,
                    cited,
                    "asserts",
                )
            for denier in deniers:
                denial = Said(denier, "sentence", statement_day)
                self.propose(sentence, figure, denial, recalled, context, None, "denies")

    def _recalling(self, text: str, earlier: list[DateMention]) -> None:
        """An earlier event's date named by a sentence carries to the next ones of its
        paragraph that name no day of their own."""
        dated = [d for d in earlier if d.first is not None and d.last is not None]
        if dated:
            self.recall = (dated[-1], self.where[0], text)

    def _earlier(self, d: DateMention) -> bool:
        """A date well before the article's: its publication, or without one, the start
        of the event it has named (an article given without ``--published`` still
        recalls "In 2019 a similar flood killed 8" as another event)."""
        reference = self.published
        if reference is None and self.event is not None:
            date = getattr(self.event[0], "date", None)
            reference = date.low if date is not None and date.known else None
        return (
            reference is not None
            and d.last is not None
            and (reference - d.last).days > EARLIER_DAYS
        )

    def skip(self, sentence: Sentence, text: str, reason: str) -> None:
        self.x.skipped.append(Skipped(sentence.locator, text, reason))

    def propose(
        self,
        sentence: Sentence,
        figure: Figure,
        who: Said,
        recalled: DateMention | None,
        context: str,
        cited: tuple[str, str] | None,
        stance: str,
    ) -> None:
        x, index, q = self.x, self.index, figure.match
        why: list[str] = []
        sure = 0
        if recalled is not None:
            span = (recalled.first, recalled.last) if recalled.first and recalled.last else None
            subject, subject_why = choose_subject(index, context, span, self.recent)
            if subject is None:
                self.skip(
                    sentence,
                    q.text,
                    f"about an earlier event the article recalls ({recalled.text.strip()}), "
                    "not this article's news, and no subject of the store covers it",
                )
                return
            subject_why += f" (an earlier event the article recalls: {recalled.text.strip()})"
        else:
            subject, subject_why = choose_subject(index, context, self.day, self.recent)
            if subject is None and self.day is None and x.document["title"]:
                subject, title_why = title_subject(index, x.document["title"])
                subject_why = title_why if subject is not None else subject_why
            if subject is not None:
                self.event = (subject, sentence.locator)
            else:
                subject, subject_why = carried_event(self.event, self.own_day, subject_why)
        people = figure.who | side_words(index, find_mentions(index, figure.counted))
        claimant, claimant_why, empty = claimant_of(who, cited, self.author, self.outlet)
        named_people = set(people)
        own_sides = own_side(index, self.speakers.named, sentence.text, q.start, people, claimant)
        if own_sides:
            people |= own_sides
            why.append(
                f"people of {claimant}'s side ({', '.join(sorted(own_sides))}): the speaker "
                "counts its own"
            )
        choice = choose_property(
            index, figure.measure or "", people, subject.id if subject else None,
            subset=figure.subset is not None,
        )  # fmt: skip
        if choice is None:
            reason = "no property measures it"
            if figure.subset is not None:
                reason = (
                    f"a part of a toll ({figure.subset!r} {q.text} {figure.counted}), not "
                    "the total: the store has no property for that part"
                )
            self.skip(sentence, q.text, reason)
            return
        own_men_sides = own_men(index, sentence.text, figure, named_people, claimant)
        if own_men_sides:
            # "L'armée déplore la perte de 4 soldats, et 11 blessés ont été évacués": the
            # army's own wounded, most likely; a property of its side's, if the store has
            # one, else the total's, said to be maybe a part.
            ours = choose_property(
                index,
                figure.measure or "",
                people | own_men_sides,
                subject.id if subject else None,
            )
            if ours is not None and ours.id != choice.id and ours.proposed is None:
                choice = ours
                why.append(f"people of {claimant}'s side: its own men, counted beside them")
            else:
                why.append(
                    f"may be a part: {claimant} counts its own men in this sentence, so these "
                    "may be only its own, not the event's total"
                )
        if choice.proposed is not None:
            self.proposed_properties.setdefault(choice.id, choice.proposed)
        why.append(choice.why + f" (from {figure.counted!r})")
        if figure.subset is not None:
            why.append(f"a part of a toll ({figure.subset!r}), not the total")
        sure += choice.sure
        fill: dict[str, str] = {}
        if subject is None:
            fill["subject"] = (
                "the id of the event this figure is about (" + subject_why + ")"
                if index.has_store
                else "the id of the event this figure is about: there is no store to match it to"
            )
        else:
            why.append(subject_why)
            sure += self.day is not None
        why.append(claimant_why)
        if empty:
            fill["claimant"] = empty
        sure += who.attribution is not None and who.attribution.known
        as_of, as_of_why = choose_as_of(
            who,
            subject,
            self.figure_words,
            day=self.own_day,
            published=self.published,
            dateline=self.dateline,
        )
        why.append(as_of_why)
        value: str | int = int(q.text) if q.text.isdigit() else q.text
        if q.quantity.low == q.quantity.high == 0 and not q.text.isdigit():
            value = 0
            why.append(f"value 0: {q.text!r} {figure.counted} counts none")
        if stance == "denies":
            why.append("stance denies: the claimant denies this figure")
        prop_part = choice.id.replace("_", "-")
        x.claims.append(
            ProposedClaim(
                id=unique(f"{x.document['id']}-{prop_part}", self.taken),
                value=value,
                low=q.quantity.low,
                high=q.quantity.high,
                property=choice.id,
                subject=subject.id if subject else None,
                claimant=claimant,
                as_of=as_of,
                quote=sentence.text,
                locator=sentence.locator,
                confidence=("high", "medium", "low", "low")[3 - min(sure, 3)]
                if not fill
                else "low",
                why=why,
                fill=fill,
                stance=stance,
            )
        )


def _day_of(dates: list[DateMention]) -> tuple[dt.date, dt.date] | None:
    """The day a sentence is about: a date written with its day first ("dimanche 17
    septembre" before the "lundi" of the statement), else a day word."""
    for d in sorted(dates, key=lambda d: not any(c.isdigit() for c in d.text)):
        if d.first is not None and d.last is not None and (d.last - d.first).days < 31:
            return (d.first, d.last)
    return None


def last_year(dates: list[DateMention], year: int | None) -> int | None:
    for d in dates:
        if d.first is not None and re.search(r"\d{4}", d.text):
            year = d.first.year
    return year
