"""schema.org ClaimReview JSON-LD: a person's verdicts, and machine grades only on request.

A fact-checking desk publishes what its people judged, and only what they judged. In
claimcheck a person judges *findings*, not claims: a review (``explained``,
``accepted``, ``disputed``) of a conflict speaks about the disagreement between its
claims, a review of a single-origin finding about how one value is sourced. None of
these verdicts rates one of the claims true and another false, and a finding's note
explains the finding, not each claim. So (DESIGN §4, "Publishing"):

* **One ClaimReview per reviewed finding**, not one per claim: the verdict and its note
  stay with what they speak about, and no claim gets a rating nobody gave it. The item's
  ``claimReviewed`` is the statement the finding is about — for a dispute, every value
  in it with who gives it ("Drone strike: civilians killed 10 (Medical sources) vs
  civilians killed 14 (RFI)"), whichever claims the review lists: it judged the
  dispute, not the claim that prompted it (a fact-checker's trial: a review listing the
  volunteers' 45 was published as a verdict on the 45); ``itemReviewed`` lists all the
  finding's claims (each a ``Claim`` with its ``author``,
  ``appearance``, ``name`` and ``identifier``); ``reviewRating`` has no ``ratingValue``
  (a verdict on a finding is on no true/false scale), only the verdict in words
  (``alternateName``, "Quantity conflict: explained") and a ``ratingExplanation`` that
  names the finding, says what the verdict means and that it rates the finding, not any
  one claim. The review's ``note`` is the ``reviewBody``; its ``by`` is the rating's
  ``author`` (a ``Person``) and its ``on`` the item's ``datePublished``. The item's own
  ``author`` is the publishing organisation, as Google's fact-check markup asks; its
  ``identifier`` is the finding's fingerprint. Claims the finding gained after its
  review (new sources of a value it judged: the review holds for them) are named in the
  explanation: the reviewer did not see them. Findings about the store's own records
  (CC302 retrieved-before-published, CC303 duplicate-claim) say nothing about what a
  source said and are not published.
* **Machine grades only with** ``automated=True`` (``--automated-ratings``): one item
  per claim graded 1 to 5, with a numeric ``ratingValue`` on a scale where 5 is best
  (grade 1, confirmed) and 1 worst (grade 5, improbable). Its ``alternateName`` ends in
  "(automated)", its ``ratingExplanation`` starts by saying it is claimcheck's automated
  grade, not a person's verdict, and nothing of a review (reviewer, note, date) is
  carried onto it: its author is the publishing organisation, its ``identifier`` the
  claim's id. Grade 6 (cannot be judged) is no rating and is never published.

Every item's ``url`` is the publishing page with the item's ``identifier`` as fragment.
With no reviews and no ``automated``, the list is empty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from claimcheck.analysis.grades import Grade
from claimcheck.export.csv import credited_to
from claimcheck.findings import NAMED_SINCE, Finding, ReviewMark, left_text, named_claims
from claimcheck.model import Claim
from claimcheck.results import Result
from claimcheck.rules import codes_in
from claimcheck.rules.cc302_retrieved_before_published import RetrievedBeforePublished
from claimcheck.rules.cc303_duplicate_claim import DuplicateClaim
from claimcheck.values import Entity

#: The finding's message as an explanation quotes it: at most this many characters (a
#: dispute over a thousand relays names them all in `check`).
QUOTED_MESSAGE = 800

#: The numeric scale of automated ratings: grade 1 (confirmed) is 5, grade 5 is 1.
BEST, WORST = 5, 1

#: Rules whose findings concern the store's records, not what a source said.
RECORD_KEEPING = frozenset({RetrievedBeforePublished.code, DuplicateClaim.code})

#: What each verdict says about the finding, for ``ratingExplanation``.
VERDICT_MEANING = {
    "explained": "the reviewer holds that what it flags has an explanation",
    "accepted": "the reviewer accepts it: what it flags stands",
    "disputed": "the reviewer disputes it: what it flags does not hold",
}

#: How every automated rating's explanation begins.
AUTOMATED = "Automated grade from claimcheck, not a person's verdict"


def _parts(result: Result, claim: Claim) -> tuple[str, str]:
    """What a claim is about, and what it says of it ("not present in Mali")."""
    store = result.store
    subject = store.subjects.get(claim.subject)
    prop = store.properties.get(claim.property)
    what = (prop.label if prop and prop.label else claim.property.replace("_", " ")).lower()
    about = subject.label if subject else claim.subject
    value = claim.parsed if claim.parsed is not None else claim.value
    shown = store.name_of(str(value)) if isinstance(value, Entity) else str(value)
    negation = "not " if claim.stance == "denies" else ""
    return " ".join(about.split()), " ".join(f"{negation}{what} {shown}".split())


def claim_text(result: Result, claim: Claim) -> str:
    about, says = _parts(result, claim)
    return f"{about}: {says}"


def _author(result: Result, claim: Claim) -> dict[str, Any]:
    """Who said it: the named claimant — or, for an outlet's own words carrying another's
    figure (a paper's "Nobody died" citing the minister's channel), whose word it is, as
    the CSV's ``credited_to`` has it, not the paper (a fact-checker's trial)."""
    store = result.store
    if result.provenance.own_reporting(claim):
        relayed = store.claims.get(result.relays.get(claim.id) or "")
        who = credited_to(result, relayed or claim)
    else:
        who = claim.claimant or ""
    party = store.parties.get(who)
    if party is not None:
        kind = "Person" if party.kind == "person" else "Organization"
        return {"@type": kind, "name": party.name}
    outlet = store.outlets.get(who)
    return {
        "@type": "Organization",
        "name": outlet.name if outlet else (who or "unknown"),
    }


def _statement(result: Result, claims: list[Claim], dispute: bool = False) -> str:
    """The statement a finding is about: each value said, with who says it; for a
    ``dispute``, the values set against each other ("killed 23 (Coast Guard) vs killed 31
    (Orsa Hospital)")."""
    said: dict[tuple[str, str], list[str]] = {}
    for claim in claims:
        who = said.setdefault(_parts(result, claim), [])
        if (name := str(_author(result, claim)["name"])) not in who:
            who.append(name)
    abouts = {about for about, _ in said}
    shown = [
        f"{says} ({'; '.join(who)})" if len(abouts) == 1 else f"{about}: {says} ({'; '.join(who)})"
        for (about, says), who in said.items()
    ]
    joined = (" vs " if dispute else "; ").join(shown)
    return f"{next(iter(abouts))}: {joined}" if len(abouts) == 1 else joined


def _claim(result: Result, claim: Claim) -> dict[str, Any]:
    """A claim as the ``Claim`` a review is about: who said it, where and when."""
    store = result.store
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
    said_on = (
        claim.as_of.low.isoformat()
        if claim.as_of and claim.as_of.known
        else doc.published.isoformat()
        if doc and doc.published
        else None
    )
    return {
        "@type": "Claim",
        "identifier": claim.id,
        "name": claim_text(result, claim),
        "author": _author(result, claim),
        "appearance": [appearance],
        **({"datePublished": said_on} if said_on else {}),
        **({"text": claim.quote} if claim.quote else {}),
    }


def _item(
    claim_reviewed: str,
    rating: dict[str, Any],
    reviewed: Any,
    identifier: str,
    author: str,
    published: str,
    url: str | None,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed,
        "reviewRating": {"@type": "Rating", **rating},
        "itemReviewed": reviewed,
        "author": {"@type": "Organization", "name": author},
        "datePublished": published,
        "identifier": identifier,
    }
    if url:
        # the page, without a fragment of its own, and the item's identifier as one
        item["url"] = f"{url.split('#', 1)[0]}#{quote(identifier, safe='')}"
    return item


def _verdict(finding: Finding, review: ReviewMark) -> dict[str, Any]:
    """A person's verdict on a finding, in words: it rates the finding, not a claim; the
    claims recorded after the review named."""
    name = finding.name.replace("-", " ")
    reviewer = f"{review.by}'s" if review.by else "A reviewer's"
    meaning = VERDICT_MEANING.get(review.verdict, f"the reviewer's verdict: {review.verdict}")
    was = review.reviewed_as
    recorded = (
        f", recorded on the {was['rule']} ({was['name']}) finding it continues" if was else ""
    )
    rating: dict[str, Any] = {
        "alternateName": f"{name.capitalize()}: {review.verdict}",
        "ratingExplanation": (
            f"{reviewer} verdict on claimcheck's finding {finding.rule} ({finding.name})"
            f"{recorded}: "
            f"{review.verdict}; {meaning}. claimcheck flagged: {_quoted(finding.message)}. The "
            "verdict is on this finding; it does not rate any one claim as true or false."
            + (f" Since the review: {left_text(review.left)}." if review.left else "")
            + (
                " Recorded since the review, on values it judged (the reviewer did not see "
                f"them): {named_claims(review.new_claims, NAMED_SINCE)}."
                if review.new_claims
                else ""
            )
        ),
    }
    if review.by:
        rating["author"] = {"@type": "Person", "name": review.by}
    return rating


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, a full stop last."""
    text = text.rstrip(".")
    return f"{text[:1].upper()}{text[1:]}."


def _automated(grade: Grade) -> dict[str, Any]:
    return {
        "alternateName": f"{grade.label.capitalize()} (automated)",
        "ratingExplanation": (
            f"{AUTOMATED}: grade {grade.grade}, {grade.label}. {_sentence(grade.reason)}"
        ),
        "ratingValue": BEST + 1 - grade.grade,
        "bestRating": BEST,
        "worstRating": WORST,
    }


def claimreview(
    result: Result,
    author: str = "claimcheck",
    date: dt.date | None = None,
    url: str | None = None,
    *,
    automated: bool = False,
) -> list[dict[str, Any]]:
    """ClaimReview items: one per reviewed finding; with ``automated``, one per claim
    graded 1 to 5 as well (see the module's docstring).

    ``author``: the organisation publishing them; ``url``: the page publishing them
    (each item's is ``url#identifier``); ``date``: when they are published (default:
    today), unless a recorded review gives its own.
    """
    store = result.store
    published = (date or dt.date.today()).isoformat()
    items = []
    for finding in result.findings:
        review = finding.review
        if review is None or finding.rule in RECORD_KEEPING:
            continue
        # The verdict is on the finding, all of it: a review names the claims it saw to
        # tell the later ones, not what it judged (the dispute, every value in it).
        claims = [store.claims[cid] for cid in finding.claims if cid in store.claims]
        if not claims:
            continue
        item = _item(
            _statement(result, claims, dispute=finding.rule in codes_in("conflict")),
            _verdict(finding, review),
            [_claim(result, claim) for claim in claims],
            finding.fingerprint,
            author,
            review.on or published,
            url,
        )
        if review.note:
            item["reviewBody"] = review.note
        items.append(item)
    if automated:
        for claim in store.claims.values():
            grade = result.grades.get(claim.id)
            if grade is None or grade.grade > 5:
                continue
            items.append(
                _item(
                    claim_text(result, claim),
                    _automated(grade),
                    _claim(result, claim),
                    claim.id,
                    author,
                    published,
                    url,
                )
            )
    return items


def _quoted(message: str) -> str:
    """A finding's message as an explanation quotes it: cut at a word, with "…", past
    :data:`QUOTED_MESSAGE` characters."""
    if len(message) <= QUOTED_MESSAGE:
        return message
    return message[:QUOTED_MESSAGE].rsplit(" ", 1)[0] + " …"
