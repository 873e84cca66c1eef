"""schema.org ClaimReview JSON-LD: one item per reviewed or graded claim.

Fields follow schema.org and Google's fact-check markup: ``claimReviewed`` (the claim in
full: a shorter summary would drop the value itself), ``reviewRating`` with
``alternateName`` (the grade in words, and why) and, for grades 1 to 5, a numeric
``ratingValue`` on a scale where 5 is best (grade 1, confirmed) and 1 worst (grade 5,
improbable); ``itemReviewed`` as a ``Claim`` with its ``author``, ``datePublished`` and
``appearance`` (the document); the review's ``url`` (the page that publishes it, with
the claim's id as fragment), ``author`` and ``datePublished``, taken from a recorded
review's ``by`` and ``on`` where there is one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from claimcheck.engine import Result
from claimcheck.model import Claim
from claimcheck.values import Entity

#: The numeric scale: grade 1 (confirmed) is 5, grade 5 (improbable) is 1.
BEST, WORST = 5, 1


def claim_text(result: Result, claim: Claim) -> str:
    store = result.store
    subject = store.subjects.get(claim.subject)
    prop = store.properties.get(claim.property)
    what = (prop.label if prop and prop.label else claim.property.replace("_", " ")).lower()
    about = subject.label if subject else claim.subject
    value = claim.parsed if claim.parsed is not None else claim.value
    shown = store.name_of(str(value)) if isinstance(value, Entity) else str(value)
    negation = "not " if claim.stance == "denies" else ""
    return " ".join(f"{about}: {negation}{what} {shown}".split())


def _author(result: Result, claim: Claim) -> dict[str, Any]:
    store = result.store
    party = store.parties.get(claim.claimant or "")
    if party is not None:
        kind = "Person" if party.kind == "person" else "Organization"
        return {"@type": kind, "name": party.name}
    outlet = store.outlets.get(claim.claimant or "")
    return {
        "@type": "Organization",
        "name": outlet.name if outlet else (claim.claimant or "unknown"),
    }


def claimreview(
    result: Result,
    author: str = "claimcheck",
    date: dt.date | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview items for every claim with a grade from 1 to 5 or a reviewed finding.

    ``url``: the page publishing the reviews (each item's is ``url#claim-id``); ``date``:
    when they are published (default: today), unless a recorded review gives its own.
    """
    store = result.store
    reviewed = {cid: f.review for f in result.findings if f.review for cid in f.claims}
    published = (date or dt.date.today()).isoformat()
    items = []
    for claim in store.claims.values():
        grade = result.grades.get(claim.id)
        if grade is None or (grade.grade == 6 and claim.id not in reviewed):
            continue
        doc = store.documents.get(claim.source or "")
        outlet = store.outlets.get(doc.outlet or "") if doc else None
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if doc is not None:
            appearance["headline"] = doc.title or doc.id
            if doc.url:
                appearance["url"] = doc.url
            if doc.published:
                appearance["datePublished"] = doc.published.isoformat()
            if doc.language:
                appearance["inLanguage"] = doc.language
        if outlet is not None:
            appearance["publisher"] = {"@type": "Organization", "name": outlet.name}
        item_date = (
            claim.as_of.low.isoformat()
            if claim.as_of and claim.as_of.known
            else doc.published.isoformat()
            if doc and doc.published
            else None
        )
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim_text(result, claim),
            "reviewRating": {
                "@type": "Rating",
                "alternateName": f"{grade.label.capitalize()}: {grade.reason}",
                **(
                    {
                        "ratingValue": BEST + 1 - grade.grade,
                        "bestRating": BEST,
                        "worstRating": WORST,
                    }
                    if grade.grade <= 5
                    else {}
                ),
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": _author(result, claim),
                "appearance": [appearance],
                **({"datePublished": item_date} if item_date else {}),
                **({"text": claim.quote} if claim.quote else {}),
            },
            "author": {"@type": "Organization", "name": author},
            "datePublished": published,
            "identifier": claim.id,
        }
        if url:
            # the page, without a fragment of its own, and the claim's id as one
            item["url"] = f"{url.split('#', 1)[0]}#{quote(claim.id, safe='')}"
        review = reviewed.get(claim.id)
        if review is not None:
            if review.note:
                item["reviewBody"] = review.note
            if review.by:
                item["author"] = {"@type": "Person", "name": review.by}
            if review.on:
                item["datePublished"] = review.on
        items.append(item)
    return items
