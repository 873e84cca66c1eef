"""schema.org ClaimReview JSON-LD: one item per reviewed or graded claim.

Fields follow schema.org and what fact-check search tools require: ``claimReviewed``
(under 75 characters), ``reviewRating`` with ``ratingValue``, ``bestRating``,
``worstRating`` and ``alternateName`` (the grade in words), ``itemReviewed`` as a
``Claim`` with its ``author``, ``datePublished`` and ``appearance`` (the document),
and the review's ``author`` and ``datePublished``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimcheck.engine import Result
from claimcheck.model import Claim
from claimcheck.values import Entity

MAX_CLAIM_REVIEWED = 74


def _short(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_text(result: Result, claim: Claim) -> str:
    store = result.store
    subject = store.subjects.get(claim.subject)
    prop = store.properties.get(claim.property)
    what = (prop.label if prop and prop.label else claim.property.replace("_", " ")).lower()
    about = subject.label if subject else claim.subject
    value = claim.parsed if claim.parsed is not None else claim.value
    shown = store.name_of(str(value)) if isinstance(value, Entity) else str(value)
    negation = "not " if claim.stance == "denies" else ""
    return _short(f"{about}: {what} {negation}{shown}")


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
    result: Result, author: str = "claimcheck", date: dt.date | None = None
) -> list[dict[str, Any]]:
    """ClaimReview items for every claim with a grade from 1 to 5 or a reviewed finding."""
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
                "ratingValue": grade.grade,
                "bestRating": 1,
                "worstRating": 6,
                "alternateName": f"{grade.label.capitalize()}: {grade.reason}",
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
        review = reviewed.get(claim.id)
        if review is not None and review.note:
            item["reviewBody"] = review.note
        items.append(item)
    return items
