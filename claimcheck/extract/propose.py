"""From an article to proposed claims: one pass over its sentences.

For each sentence: the days it names (:mod:`.when`), who speaks (:mod:`.attribution`,
or a statement quoted earlier, or the reference its marker cites, or the outlet's own
voice), the figures it asserts (:mod:`.figures`), and for each figure its property and
subject (:mod:`.match`). Every guess is written down in the claim's ``why``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimcheck.extract.attribution import Attribution, attribution_of
from claimcheck.extract.candidate import Extraction, ProposedClaim, Skipped
from claimcheck.extract.figures import ARTICLE, find_figures
from claimcheck.extract.match import (
    StoreIndex,
    choose_property,
    choose_subject,
    find_mentions,
    side_words,
)
from claimcheck.extract.text import Article, Sentence
from claimcheck.extract.when import DateMention, find_dates

#: A figure about a day this long before publication is about an earlier event.
EARLIER_DAYS = 60

_RE_NEXT_DAY = re.compile(
    r"\b(?:the next day|the following day|le lendemain|the day after)\b", re.IGNORECASE
)
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
    _claims(x, article, index, outlet, published)
    return x


def _claims(
    x: Extraction,
    article: Article,
    index: StoreIndex,
    outlet: str | None,
    published: dt.date | None,
) -> None:
    taken = set(index.claims)
    proposed_properties: dict[str, Any] = {}
    # A day without its year takes the publication's, else the last year the article
    # (its title first) named.
    year: int | None = (
        published.year if published else _last_year(find_dates(x.document["title"] or ""), None)
    )
    carried: Attribution | None = None
    carried_left = 0
    doc_id = x.document["id"]
    # The day last named carries on: an article tells of one event until it names another.
    day: tuple[dt.date, dt.date] | None = None
    for paragraph in article.paragraphs:
        carried_left -= 1
        if carried_left < 0:
            carried = None
        markers = [m for s in paragraph for m in s.markers]
        for position, sentence in enumerate(paragraph):
            dates = find_dates(sentence.text, published, year)
            named = _day_of(dates)
            if named is not None:
                day = named
            elif day is not None and _RE_NEXT_DAY.search(sentence.text):
                day = (day[0] + dt.timedelta(days=1), day[1] + dt.timedelta(days=1))
            year = _last_year(dates, year) if published is None else year
            said = attribution_of(index, sentence.text)
            if said is not None:
                carried, carried_left = (said, 1) if said.carries else (None, 0)
            speaker = said or carried
            context = " ".join(s.text for s in paragraph[max(0, position - 1) : position + 1])
            cited = _cited(sentence, paragraph[position:], markers, article, index)
            for figure in find_figures(sentence.text, dates):
                q = figure.match
                if figure.skipped in _NO_FIGURE:
                    continue
                if figure.skipped or figure.measure is None:
                    x.skipped.append(
                        Skipped(sentence.locator, q.text, figure.skipped or "counts nothing known")
                    )
                    continue
                why: list[str] = []
                sure = 0
                subject, subject_why = choose_subject(index, context, day)
                if subject is None and day is None and x.document["title"]:
                    subject, subject_why = _title_subject(index, x.document["title"])
                earlier = (
                    published is not None
                    and any(
                        d.last is not None and (published - d.last).days > EARLIER_DAYS
                        for d in dates
                    )
                ) or (
                    published is not None
                    and day is not None
                    and (published - day[1]).days > EARLIER_DAYS
                )
                if earlier and subject is None:
                    x.skipped.append(
                        Skipped(
                            sentence.locator,
                            q.text,
                            "about an earlier event the article recalls, "
                            "not this article's news, and no subject of the store covers it",
                        )
                    )
                    continue
                who = figure.who | side_words(index, find_mentions(index, figure.counted))
                choice = choose_property(
                    index, figure.measure, who, subject.id if subject else None
                )
                if choice is None:
                    x.skipped.append(Skipped(sentence.locator, q.text, "no property measures it"))
                    continue
                if choice.proposed is not None:
                    proposed_properties.setdefault(choice.id, choice.proposed)
                why.append(choice.why + f" (from {figure.counted!r})")
                sure += choice.sure
                fill: dict[str, str] = {}
                if subject is None:
                    fill["subject"] = (
                        "the id of the event this figure is about (" + subject_why + ")"
                        if index.has_store
                        else "the id of the event this figure is about: there is no store "
                        "to match it to"
                    )
                else:
                    why.append(
                        subject_why + (" (an earlier event the article recalls)" if earlier else "")
                    )
                    sure += day is not None
                claimant, claimant_why = _claimant(speaker, said, cited, outlet)
                why.append(claimant_why)
                sure += (speaker is not None and speaker.known) or cited is not None
                as_of = None
                if published is not None and day is not None and day[0] == day[1] != published:
                    as_of = day[0]
                    why.append(f"as_of {as_of}: the day the text names")
                value: str | int = int(q.text) if q.text.isdigit() else q.text
                prop_part = choice.id.replace("_", "-")
                x.claims.append(
                    ProposedClaim(
                        id=_unique(f"{doc_id}-{prop_part}", taken),
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
                    )
                )
    x.properties = list(proposed_properties.values())


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


def _claimant(
    speaker: Attribution | None,
    said: Attribution | None,
    cited: tuple[str, str] | None,
    outlet: str | None,
) -> tuple[str | None, str]:
    if speaker is not None:
        how = speaker.how if speaker is said else f"carried from a statement: {speaker.how}"
        if speaker.known:
            return speaker.claimant, f"claimant {speaker.claimant}: {how}"
        return speaker.claimant, (
            f"claimant {speaker.claimant}: {how}; the store has no party of that name: add "
            "one with this id, or write the id of the party it is"
        )
    if cited is not None and cited[0] != outlet:
        return cited[0], f"claimant {cited[0]}: the article cites {cited[1]!r} for it"
    return None, "no claimant named: the outlet's own voice (the default claimant)"
