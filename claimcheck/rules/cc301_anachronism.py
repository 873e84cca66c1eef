from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.registry import register
from claimcheck.values import DateRange


class Options(RuleOptions):
    #: Also flag a date value (an event's date) later than the document reporting it.
    date_values: bool = True


@register
class Anachronism(Rule):
    """A document that reports a value `as_of` after its own publication, or a claim `as_of` before its subject began.

    A document cannot report what had not happened when it was published: a claim
    whose `as_of` — or, with option `date-values`, whose date value — is later than
    its document's publication date is miscited, or the page was updated later. A claim
    `as_of` a day before its subject's `date` began (by default the document's
    publication date) reports on an event that had not started. Claims of a group are
    reported per document.

    Fails:

        claims:
          - {id: a, subject: battle, property: date, value: 2023-11-12, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 3, source: rfi-doc, as_of: 2023-11-09}

    Passes:

        documents:
          - {id: later, outlet: le-figaro, published: 2023-11-15}
        claims:
          - {id: a, subject: battle, property: date, value: 2023-11-12, source: later}
          - {id: b, subject: strike, property: deaths, value: 3, source: rfi-doc}
    """

    code = "CC301"
    name = "anachronism"
    severity = "error"
    category = "integrity"
    Options = Options

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        options = self.options
        assert isinstance(options, Options)
        by_doc: dict[str, list[tuple[Claim, str]]] = {}
        subject_date = ev.subject.date if ev.subject is not None else None
        if subject_date is not None and not subject_date.known:
            subject_date = None
        documents = ev.store.documents
        date_values = options.date_values
        for claim in ev.recorded:
            doc = documents.get(claim.source) if claim.source is not None else None
            published = doc.published if doc is not None else None
            if published is None and subject_date is None:
                continue  # nothing to compare its dates with
            why = self._why(ev, claim, published, subject_date, date_values)
            if why:
                by_doc.setdefault(claim.source or "", []).append((claim, why))
        for doc_id, found in sorted(by_doc.items()):
            claims = sorted((c for c, _ in found), key=lambda c: c.id)
            reasons = "; ".join(sorted({w for _, w in found}))
            yield Draft(
                claims,
                f"{ev.property_id} of {ev.subject_id}: {doc_id} {reasons}",
                key=[doc_id, *(c.id for c in claims)],
            )

    @staticmethod
    def _why(
        ev: GroupEvidence,
        claim: Claim,
        published: dt.date | None,
        subject_date: DateRange | None,
        date_values: bool,
    ) -> str | None:
        """Why the claim is out of time, if it is (``subject_date`` is known or None)."""
        as_of = claim.as_of if claim.as_of is not None and claim.as_of.known else None
        if published is not None:
            if as_of is not None and as_of.low > published:
                return f"(published {published}) reports it as of {as_of}, after publication"
            value = claim.parsed
            if (
                date_values
                and isinstance(value, DateRange)
                and value.known
                and value.low > published
            ):
                return f"(published {published}) reports the date {value}, after publication"
        if as_of is not None and subject_date is not None and as_of.high < subject_date.low:
            return f"reports it as of {as_of}, before {ev.subject_id} began ({subject_date})"
        return None
