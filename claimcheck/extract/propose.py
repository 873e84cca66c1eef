"""From an article to proposed claims: one pass over its sentences.

For each sentence: the days it names (:mod:`.when`), who speaks (:mod:`.attribution`,
or a statement quoted earlier, or the reference its marker cites, or the outlet's own
voice), the figures it asserts (:mod:`.figures`), and for each figure its property and
subject (:mod:`.match`). Every guess is written down in the claim's ``why``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

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
from claimcheck.extract.text import Article, Sentence, quoted_spans
from claimcheck.extract.when import DateMention, find_dates, statement_dates

#: A figure about a day this long before publication is about an earlier event.
EARLIER_DAYS = 60

#: Skips not worth listing: dates and years are no figures.
_NO_FIGURE = frozenset({"part of a date or a time", "a year", ARTICLE})
_FR = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "est",
        "une",
        "dans",
        "selon",
        "du",
        "au",
        "aux",
        "qui",
        "ont",
        "été",
    ]
)
_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "in",
        "to",
        "was",
        "were",
        "that",
        "with",
        "by",
        "from",
        "have",
        "has",
    ]
)


def detect_language(text: str) -> str:
    """``fr`` or ``en``, by the commoner function words."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", text.lower()[:20000])
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    return "fr" if fr > en else "en"


def _slug(text: str, words: int = 5) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = [w for w in re.split(r"[^a-z0-9]+", plain) if w][:words]
    return "-".join(parts) or "article"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def extract(
    article: Article,
    index: StoreIndex,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Propose a document and its claims for ``article``, matched to ``index``'s store."""
    if published is None and article.published:
        try:
            published = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    title = title or article.title
    notes: list[str] = []
    if outlet is None:
        notes.append("No outlet was given (--outlet): the document's outlet is for you to fill.")
    if published is None:
        notes.append(
            "No publication date was given (--published): day words could not be placed "
            "and no claim has an as_of."
        )
    taken_docs = set(index.documents)
    doc_id = _unique(
        "-".join(
            filter(None, [outlet, published.isoformat() if published else None, _slug(title or "")])
        ),
        taken_docs,
    )
    document: dict[str, Any] = {
        "id": doc_id,
        "outlet": outlet,
        "title": title,
        "published": published,
        "language": language or detect_language(article.text),
        "url": url or article.url,
        "kind": "article",
    }
    new_outlet = None
    if outlet is not None and outlet not in index.outlets:
        new_outlet = {"id": outlet, "name": outlet}
    x = Extraction(article.path, document, [], new_outlet, notes=notes)
    x.relays = _relays(article, index, outlet)
    for wire, credit in x.relays:
        notes.append(
            f"The text relays {wire} ({credit!r}): record {wire}'s dispatch as a document "
            "and list it in this document's `cites` (DESIGN: a relayed wire is one origin)."
        )
    _claims(x, article, index, outlet, published)
    return x


def _relays(article: Article, index: StoreIndex, outlet: str | None) -> list[tuple[str, str]]:
    """The agencies a dateline or credit names ("BAMAKO (AFP) -", "avec AFP"), other
    than the document's own outlet: the store's outlet id when it has one."""
    out: list[tuple[str, str]] = []
    for credit in article.credits:
        name = re.sub(r"^(?:avec|with|source\s*:?|par|by)\s+", "", credit.name, flags=re.I)
        found = [m.id for m in find_mentions(index, name) if m.kind == "outlet"]
        wire = found[0] if found else name
        if wire == outlet or _slug(wire) == outlet or any(w == wire for w, _ in out):
            continue
        out.append((wire, credit.text))
    return out


def _claims(
    x: Extraction,
    article: Article,
    index: StoreIndex,
    outlet: str | None,
    published: dt.date | None,
) -> None:
    reading = _Reading(x, index, outlet, published)
    # A day without its year takes the publication's, else the last year the article
    # (its title first) named.
    reading.year = (
        published.year if published else _last_year(find_dates(x.document["title"] or ""), None)
    )
    for paragraph in article.paragraphs:
        reading.carried_left -= 1
        if reading.carried_left < 0:
            reading.carried = None
        markers = [m for s in paragraph for m in s.markers]
        for position, sentence in enumerate(paragraph):
            context = " ".join(s.text for s in paragraph[max(0, position - 1) : position + 1])
            cited = _cited(sentence, paragraph[position:], markers, article, index)
            reading.sentence(sentence, context, cited)
            reading.seen.append(sentence.text)
    x.properties = list(reading.proposed_properties.values())


@dataclass
class _Said:
    """Who says one figure, and on what day they said it."""

    attribution: Attribution | None
    #: Where it comes from: "sentence", "carried" (a statement quoted before), "cited".
    origin: str
    day: dt.date | None = None
    #: The locator of the sentence a carried statement was named in.
    at: str = ""


@dataclass
class _Reading:
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
    #: The last speaker named, where, and for how many sentences more ("it said").
    speaker: tuple[Attribution, str] | None = None
    speaker_left: int = 0
    #: The day of today's event last named: a recalled event's day does not carry.
    day: tuple[dt.date, dt.date] | None = None
    named: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    proposed_properties: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.taken = set(self.index.claims)
        self.seen = [self.x.document["title"] or ""]

    def sentence(self, sentence: Sentence, context: str, cited: tuple[str, str] | None) -> None:
        text = sentence.text
        anchor = self.day[0] if self.day else None
        dates = find_dates(text, self.published, self.year, anchor)
        said_on = statement_dates(text, dates)
        events = [d for i, d in enumerate(dates) if i not in said_on]
        earlier = [d for d in events if self._earlier(d)]
        named = _day_of([d for d in events if d not in earlier])
        if named is not None:
            self.day = named
        if self.published is None:
            self.year = _last_year(dates, self.year)
        said_span = _day_of([d for i, d in enumerate(dates) if i in said_on])
        statement_day = said_span[0] if said_span and said_span[0] == said_span[1] else None
        said = [self._resolve(a, sentence) for a in attributions_of(self.index, text, self.named)]
        self.speaker_left -= 1
        for a in said:
            if a.claimant and not a.document:
                self.speaker, self.speaker_left = (a, sentence.locator), 3
            if a.document and self.author is not None:
                continue
            if a.carries and (a.known or a.claimant):
                self.carried, self.carried_left = a, 1
                self.carried_day, self.carried_at = statement_day, sentence.locator
                self.author = (a, sentence.locator, statement_day)
            elif not a.carries and not a.document:
                self.carried, self.carried_left = None, 0
        self.named += [m.id for m in find_mentions(self.index, text, self.named) if m.id]
        for figure in find_figures(text, dates):
            q = figure.match
            if figure.skipped in _NO_FIGURE:
                continue
            if figure.skipped or figure.measure is None:
                self.skip(sentence, q.text, figure.skipped or "counts nothing known")
                continue
            recalled = _recalled(text, q.start, q.end, earlier)
            own = _for_figure(said, text, q.start, recalled is not None)
            asserter = next((a for a in own if a.stance == "asserts"), None)
            deniers = [a for a in own if a.stance == "denies"]
            if asserter is not None or recalled is not None:
                who = _Said(asserter, "sentence", statement_day)
            elif not deniers and self.carried is not None:
                who = _Said(self.carried, "carried", self.carried_day, self.carried_at)
            elif any(a <= q.start < b for a, b in quoted_spans(text)):
                who = _Said(None, "quoted")
            else:
                who = _Said(None, "cited" if cited else "none")
            if not deniers or asserter is not None:
                self.propose(sentence, figure, who, recalled, context, cited, "asserts")
            for denier in deniers:
                d = _Said(denier, "sentence", statement_day)
                self.propose(sentence, figure, d, recalled, context, None, "denies")

    def _resolve(self, a: Attribution, sentence: Sentence) -> Attribution:
        """A pronoun ("it said", "a-t-il dit") is the speaker named in the last few
        sentences; with none, it stays empty."""
        if not a.pronoun:
            return a
        if self.speaker is None or self.speaker_left <= 0:
            return replace(a, how=f"{a.how}, and no speaker was named just before")
        named, at = self.speaker
        return replace(
            named,
            start=a.start,
            end=a.end,
            stance=a.stance,
            carries=a.carries,
            venue=a.venue or named.venue,
            how=f"{a.how}: {a.words!r} is {named.words}, the speaker named at {at}",
        )

    def _earlier(self, d: DateMention) -> bool:
        return (
            self.published is not None
            and d.last is not None
            and (self.published - d.last).days > EARLIER_DAYS
        )

    def skip(self, sentence: Sentence, text: str, reason: str) -> None:
        self.x.skipped.append(Skipped(sentence.locator, text, reason))

    def propose(
        self,
        sentence: Sentence,
        figure: Figure,
        who: _Said,
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
            subject, subject_why = choose_subject(index, sentence.text, span)
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
            subject, subject_why = choose_subject(
                index, context, self.day, " ".join(self.seen[-12:])
            )
            if subject is None and self.day is None and x.document["title"]:
                subject, title_why = _title_subject(index, x.document["title"])
                subject_why = title_why if subject is not None else subject_why
        people = figure.who | side_words(index, find_mentions(index, figure.counted))
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
        claimant, claimant_why, empty = self.claimant(who, cited)
        why.append(claimant_why)
        if empty:
            fill["claimant"] = empty
        sure += who.attribution is not None and who.attribution.known
        as_of, as_of_why = self.as_of(who)
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
                id=_unique(f"{x.document['id']}-{prop_part}", self.taken),
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

    def claimant(self, who: _Said, cited: tuple[str, str] | None) -> tuple[str | None, str, str]:
        """The claimant, the why, and what to fill when it is left empty."""
        a = who.attribution
        if a is not None and a.document:
            if self.author is not None:
                author, at, _ = self.author
                return (
                    author.claimant,
                    f"claimant {author.claimant}: {a.how}, the statement of "
                    f"{author.words} named at {at}",
                    "",
                )
            return (
                None,
                f"claimant left empty: {a.how}, whose author the text does not name",
                ("who issued the statement the text cites (it names no author)"),
            )
        if a is not None and a.pronoun:
            return (
                None,
                f"claimant left empty: {a.how}",
                f"who speaks (the text says only {a.words!r})",
            )
        if a is not None and a.candidates:
            names = ", ".join(a.candidates)
            return (
                None,
                f"claimant left empty: {a.how}, which fits several parties ({names})",
                (f"which party spoke: one of {names}"),
            )
        if a is not None:
            how = a.how
            if who.origin == "carried":
                how = f"carried from the statement named at {who.at}: {a.how}"
            if a.venue:
                how += f"; said to {a.venue}, which is where it was said, not who said it"
            if a.known:
                return a.claimant, f"claimant {a.claimant}: {how}", ""
            return (
                a.claimant,
                (
                    f"claimant {a.claimant} (guessed from the words {a.words!r}): {how}; the "
                    "store has no party of that name: add one with this id, or write the id "
                    "of the party it is"
                ),
                "",
            )
        if who.origin == "quoted":
            return (
                None,
                "claimant left empty: the figure is in a quotation whose speaker the "
                "text does not name here",
                "who is quoted (the text names no speaker here)",
            )
        if cited is not None and cited[0] != self.outlet:
            return cited[0], f"claimant {cited[0]}: the article cites {cited[1]!r} for it", ""
        return (
            None,
            (
                "no claimant: no attribution in the sentence nor a statement quoted just before "
                "it, so the outlet's own voice (the default claimant); write one if someone "
                "else said it"
            ),
            "",
        )

    def as_of(self, who: _Said) -> tuple[dt.date | None, str]:
        """When the figure was stated: the statement's day, else the publication's."""
        if who.day is not None and who.day != self.published:
            return who.day, f"as_of {who.day}: the day the statement was made"
        return None, (
            "as_of: the document's publication date (the default)"
            + ("" if who.day else "; the text names no day for the statement")
        )


def _recalled(text: str, start: int, end: int, earlier: list[DateMention]) -> DateMention | None:
    """The earlier event's date a figure belongs to ("in 2019 a similar attack killed
    160"), if any: an earlier date with no clause mark nor comparison between them; a
    date after "since"/"depuis" claims only the figures after it up to a comma."""
    for d in earlier:
        lo, hi = (d.end, start) if d.end <= start else (end, d.start)
        between = text[lo:hi]
        if _RE_APART.search(between):
            continue
        anchor = _RE_SINCE.search(text[max(0, d.start - 25) : d.start])
        if anchor and (d.start > start or "," in between):
            continue
        return d
    return None


_RE_APART = re.compile(
    r";|\s[-–—]\s|\b(?:while|whereas|but|tandis que|alors que|mais|contre|since|depuis|than|"
    r"compared|comparé|after|après|unlike|contrairement)\b",
    re.IGNORECASE,
)
_RE_SINCE = re.compile(r"\b(?:since|depuis|than in|qu'en|que lors)\b[^,;]*$", re.IGNORECASE)
_RE_CONTRAST = re.compile(
    r";|\b(?:while|whereas|but|tandis que|alors que|mais|contre)\b", re.IGNORECASE
)


def _for_figure(said: list[Attribution], text: str, start: int, strict: bool) -> list[Attribution]:
    """The attributions of a sentence that speak for a figure at ``start``: those of its
    own clause; else the nearest before it; else the nearest after it with no contrast
    between ("…, while the army put it at 8" speaks for the 8 only). ``strict``: own
    clause only (a recalled event's figure takes no attribution of today's)."""
    bounds = [0, *(m.end() for m in _RE_CONTRAST.finditer(text)), len(text) + 1]
    clause = next((lo, hi) for lo, hi in pairwise(bounds) if start < hi)
    own = [a for a in said if clause[0] <= a.start < clause[1]]
    if own or strict:
        return _one_each(own, start)
    before = [a for a in said if a.start < start]
    if before:
        return _one_each(before[-1:], start)
    after = [a for a in said if a.start > start and not _RE_CONTRAST.search(text[start : a.start])]
    return _one_each(after[:1], start)


def _one_each(said: list[Attribution], start: int) -> list[Attribution]:
    """The nearest asserting attribution and the nearest denying one."""
    out = []
    for stance in ("asserts", "denies"):
        found = sorted((a for a in said if a.stance == stance), key=lambda a: abs(a.start - start))
        out += found[:1]
    return out


def _title_subject(index: StoreIndex, title: str) -> tuple[Any, str]:
    """The subject the article's title names, for figures with no day of their own."""
    years = [d for d in find_dates(title) if d.first is not None and d.last is not None]
    span = (years[0].first, years[0].last) if years and years[0].first and years[0].last else None
    subject, why = choose_subject(index, title, span)
    if subject is None:
        return None, why
    return subject, f"subject {subject.id}: the article's title names it (no day in the text)"


def _day_of(dates: list[DateMention]) -> tuple[dt.date, dt.date] | None:
    """The day a sentence is about: a date written with its day first ("dimanche 17
    septembre" before the "lundi" of the statement), else a day word."""
    for d in sorted(dates, key=lambda d: not any(c.isdigit() for c in d.text)):
        if d.first is not None and d.last is not None and (d.last - d.first).days < 31:
            return (d.first, d.last)
    return None


def _last_year(dates: list[DateMention], year: int | None) -> int | None:
    for d in dates:
        if d.first is not None and re.search(r"\d{4}", d.text):
            year = d.first.year
    return year


def _cited(
    sentence: Sentence,
    rest: list[Sentence],
    markers: list[str],
    article: Article,
    index: StoreIndex,
) -> tuple[str, str] | None:
    """The outlet of the reference a sentence's marker cites (its own, else the next in
    its paragraph, as on Wikipedia), as ``(outlet id, reference text)``."""
    for s in rest:
        for marker in s.markers:
            reference = article.references.get(marker)
            if reference is None:
                continue
            outlets = [m for m in find_mentions(index, reference) if m.kind == "outlet"]
            if outlets:
                return (outlets[0].id, f"[{marker}] {reference[:80]}")
        if s.markers:
            return None
    return None
