"""From an article to proposed claims: one pass over its sentences.

For each sentence: the days it names (:mod:`.when`), who speaks (:mod:`.attribution`,
or a statement quoted earlier, or the reference its marker cites, or the outlet's own
voice), the figures it asserts (:mod:`.figures`), and for each figure its property and
subject (:mod:`.match`): :mod:`.reading` does the pass. Every guess is written down in
the claim's ``why``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimcheck.extract.candidate import Extraction
from claimcheck.extract.lexicon import slug
from claimcheck.extract.match import StoreIndex, choose_subject, find_mentions
from claimcheck.extract.reading import Reading, last_year, unique
from claimcheck.extract.text import Article, Sentence
from claimcheck.extract.when import find_dates

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


def _slug(text: str) -> str:
    """The id part made of a title or an outlet's name: its first five words."""
    return slug(text, 5) or "article"


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
    url = url or article.url
    recorded = _recorded(index, outlet, published, title, url)
    if recorded is not None:
        # The store's record is the article's: its outlet and day (said in _recorded).
        outlet = recorded.outlet or outlet
        published = recorded.published or published
        notes.clear()
    taken_docs = set(index.documents)
    doc_id = unique(
        "-".join(
            filter(None, [outlet, published.isoformat() if published else None, _slug(title or "")])
        ),
        taken_docs,
    )
    if recorded is not None:
        doc_id = recorded.id
    document: dict[str, Any] = {
        "id": doc_id,
        "outlet": outlet,
        "title": title,
        "published": published,
        "language": language or detect_language(article.text),
        "url": url,
        "kind": "article",
    }
    new_outlet = None
    if outlet is not None and outlet not in index.outlets and recorded is None:
        new_outlet = {"id": outlet, "name": outlet}
    x = Extraction(article.path, document, [], new_outlet, notes=notes)
    x.recorded = recorded is not None
    x.relays = _relays(article, index, outlet)
    for wire, credit in x.relays if recorded is None else ():
        notes.append(
            f"The text relays {wire} ({credit!r}): record {wire}'s dispatch as a document "
            "and list it in this document's `cites` (what it relays and the wire's own "
            "report count as one source, not two)."
        )
    _claims(x, article, index, outlet, published)
    return x


def _same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).casefold().split()) == " ".join(
        str(b).casefold().split()
    )


def _address(url: str | None) -> str:
    """An address compared without its scheme, ``www.`` or final ``/``."""
    plain = re.sub(r"^[a-z]+://(?:www\.)?", "", (url or "").strip().casefold())
    return plain.rstrip("/")


def _recorded(
    index: StoreIndex,
    outlet: str | None,
    published: dt.date | None,
    title: str | None,
    url: str | None,
) -> Any | None:
    """The store's document for this article, if it has one: the same address, or the
    same title from the same outlet (and the same day, when both are known)."""
    for doc in index.document_records.values():
        if url and doc.url and _address(url) == _address(doc.url):
            return doc
        if not _same_text(title, doc.title):
            continue
        if outlet is not None and doc.outlet is not None and outlet != doc.outlet:
            continue
        if published is not None and doc.published is not None and published != doc.published:
            continue
        # A title alone is not enough: the outlet or the day must agree as well.
        if (outlet is not None and outlet == doc.outlet) or (
            published is not None and published == doc.published
        ):
            return doc
    return None


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
    reading = Reading(x, index, outlet, published)
    reading.dateline = _dateline_day(article, published)
    # A day without its year takes the publication's, else the last year the article
    # (its title first) named.
    reading.year = (
        published.year if published else last_year(find_dates(x.document["title"] or ""), None)
    )
    opening = " ".join([x.document["title"] or "", *(s.text for s in article.sentences[:3])])
    subject, _ = choose_subject(index, opening, None)
    if subject is not None:
        reading.event = (subject, "the title and lede")
    for number, paragraph in enumerate(article.paragraphs):
        reading.carried_left -= 1
        if reading.carried_left < 0:
            reading.carried = None
        markers = [m for s in paragraph for m in s.markers]
        for position, sentence in enumerate(paragraph):
            reading.where = (number, position)
            context = " ".join(s.text for s in paragraph[max(0, position - 1) : position + 1])
            cited = _cited(sentence, paragraph[position:], markers, article, index)
            reading.sentence(sentence, context, cited)
            reading.seen.append(sentence.text)
    x.properties = list(reading.proposed_properties.values())
    _headline_figures_once(x)


def _dateline_day(article: Article, published: dt.date | None) -> dt.date | None:
    """The one day a dateline opening the text names ("KESSARA, March 15 (Reuters) -",
    "BAMAKO, 19 sept. (AFP) —"), placed by the publication date; None with no
    publication date, or a day after it (a misread)."""
    if published is None:
        return None
    for credit in article.credits:
        if credit.paragraph > 2:
            break
        for d in find_dates(credit.text, published, published.year):
            if d.first is not None and d.first == d.last and d.first <= published:
                return d.first
    return None


def _headline_figures_once(x: Extraction) -> None:
    """A headline repeats a figure of the text in the outlet's words: the figure is
    proposed once, at the body's sentence that credits it (the first later claim of the
    same property and interval), its why noting the headline."""
    title = x.document["title"]
    kept = []
    for claim in x.claims:
        if claim.quote != title or claim.stance != "asserts":
            kept.append(claim)
            continue
        same = [
            c
            for c in x.claims
            if c.quote != title
            and c.stance == "asserts"
            and (c.property, c.low, c.high) == (claim.property, claim.low, claim.high)
        ]
        body = next((c for c in same if c.claimant is not None), same[0] if same else None)
        if body is None:
            kept.append(claim)
            continue
        body.why.append(f"also the headline's figure ({title!r}): proposed once, here")
    x.claims = kept


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
