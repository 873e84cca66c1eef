"""Outlets' track records: what each published, how much of it others confirm or
dispute (`claimcheck sources`).

For an outlet, *its claims* are the claims recorded against its documents, whoever
makes them; *as claimant*, the claims it makes itself (its own voice: the claims whose
origin it is, in its documents or quoted in others'). Of those it makes itself:

* **corroborated** — graded 1: confirmed by independent origins;
* **contested** — contradicted by at least one other origin;
* **single origin** — in a single-origin finding (CC201), or in a circular one that
  traces its value to one origin (CC203): nobody independent confirms it.

Reporting what a party or an anonymous source says is not asserting it: an outlet is
judged on its own claims. **Relayed** counts its documents that cite another outlet's
(from) or that another outlet's documents cite (to), plus its claims in a suspected
relay (CC206); **retracted**, the claims in its documents recorded retracted (what it
took back, which grades no longer judge). The **track record** is the share of its own
claims that hold up (graded 1 confirmed or 2 probably true) among those judged either
way (also graded 4 doubtful or 5 improbable); a claim only it makes, uncontradicted
(3), is not judged either way, nor is an uncited one (an encyclopedia article citing
nothing says nothing of its own), nor one it revised or corrected since (**revised**:
its later word is judged instead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimcheck.analysis.grades import Grade
from claimcheck.model import Claim
from claimcheck.results import Result
from claimcheck.rules.cc206_suspected_relay import SuspectedRelay
from claimcheck.track_records.revisions import earlier_steps


def track_record(held: int, failed: int) -> float | None:
    """The share of judged claims that hold up (``held`` of ``held + failed``), to three
    places; None when none was judged either way."""
    judged = held + failed
    return round(held / judged, 3) if judged else None


class HoldsUp:
    """A record's track record, from its ``held`` and ``failed`` counts."""

    held: int
    failed: int

    @property
    def track_record(self) -> float | None:
        return track_record(self.held, self.failed)

    def weigh(self, claim: Claim, grade: Grade) -> None:
        """Count one of its claims for the track record: graded 1–2 it holds up, 4–5 it
        does not (an uncited claim — an encyclopedia citing nothing — is no word of its
        own to hold up or fail)."""
        self.held += claim.cited and grade.grade in (1, 2)
        self.failed += claim.cited and grade.grade in (4, 5)


@dataclass
class OutletRecord(HoldsUp):
    id: str
    name: str
    kind: str
    owner: str
    documents: int = 0
    claims: int = 0
    as_claimant: int = 0
    corroborated: int = 0
    contested: int = 0
    single_origin: int = 0
    #: Own claims it gave a later figure for since (revised or corrected): judged by
    #: that later word, not counted in the track record.
    revised: int = 0
    #: Own claims graded 1–2 (they hold up) and 4–5 (they do not): the track record.
    held: int = 0
    failed: int = 0
    relayed_from: int = 0
    relayed_to: int = 0
    suspected_relays: int = 0
    #: Claims in its documents recorded ``retracted``: what it took back.
    retracted: int = 0
    claim_ids: list[str] = field(default_factory=list)

    @property
    def relayed(self) -> int:
        return self.relayed_from + self.relayed_to + self.suspected_relays

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "owner": self.owner,
            "documents": self.documents,
            "claims": self.claims,
            "as_claimant": self.as_claimant,
            "corroborated": self.corroborated,
            "contested": self.contested,
            "single_origin": self.single_origin,
            "revised": self.revised,
            "relayed": self.relayed,
            "relayed_from": self.relayed_from,
            "relayed_to": self.relayed_to,
            "suspected_relays": self.suspected_relays,
            "retracted": self.retracted,
            "track_record": self.track_record,
        }


def outlet_records(result: Result) -> list[OutletRecord]:
    """One record per outlet, by id."""
    store = result.store
    records = {
        o.id: OutletRecord(o.id, o.name, o.kind, o.owner_key) for o in store.outlets.values()
    }
    doc_outlet = {d.id: d.outlet for d in store.documents.values()}
    for doc in store.documents.values():
        rec = records.get(doc.outlet or "")
        if rec is None:
            continue
        rec.documents += 1
        cited_outlets = {doc_outlet.get(c) for c in doc.cites} - {doc.outlet, None}
        if cited_outlets:
            rec.relayed_from += 1
        for cited in cited_outlets:
            if cited in records:
                records[cited].relayed_to += 1
    relays = result.relays
    revised = earlier_steps(result)
    speaker = record_speaker(result)
    for claim in store.claims.values():
        own = records.get(speaker(claim))
        if own is not None:
            own.as_claimant += 1
            grade = result.grades.get(claim.id)
            # (its own words relaying another origin's value are that origin's word,
            # judged in its record: a wire repeating a UN figure is not contested for it)
            if grade is not None and claim.id not in relays:
                own.corroborated += grade.grade == 1
                own.contested += result.contested(claim.id)
                # (a figure it corrected since is judged by its later word, not held
                # against it: a paper that corrects itself scored as one that never
                # did — a fact-checker's trial)
                if claim.id in revised or claim.status == "superseded":
                    own.revised += 1
                else:
                    own.weigh(claim, grade)
            own.single_origin += result.single_origin(claim.id) and claim.id not in relays
        rec = records.get(claim.outlet or "")
        if rec is None:
            continue
        rec.claims += 1
        rec.retracted += claim.status == "retracted"
        rec.claim_ids.append(claim.id)
        # (not one a person reviewed `disputed`: they are independent after all)
        rec.suspected_relays += any(
            f.rule == SuspectedRelay.code and (f.review is None or f.review.verdict != "disputed")
            for f in result.findings_by_claim.get(claim.id, ())
        )
    return sorted(records.values(), key=lambda r: r.id)


def outlet_claims(result: Result, outlet: str) -> list[dict[str, Any]]:
    """One outlet's claims with grade, findings and status."""
    rows = []
    claims: list[Claim] = [c for c in result.store.claims.values() if c.outlet == outlet]
    for c in claims:
        grade = result.grades.get(c.id)
        rows.append(
            {
                "id": c.id,
                "subject": c.subject,
                "property": c.property,
                "value": c.stated,
                "claimant": c.claimant,
                "source": c.source,
                "as_of": str(c.as_of) if c.as_of else None,
                "grade": grade.grade if grade else None,
                "grade_label": grade.label if grade else None,
                "grade_reason": grade.reason if grade else None,
                "findings": sorted(result.rules_of(c.id)),
                "status": c.status,
            }
        )
    return rows


def record_speaker(result: Result) -> Callable[[Claim], str]:
    """Whose record each claim counts in: its speaker's — state or party media in their
    own voice being their party, claimant typed or not (an analyst's trial scored a
    party's channel 0 % for its party's word only where no claimant was typed:
    :meth:`~claimcheck.analysis.provenance.Provenance.speaker`), but not in their own
    words relaying another's figure (state TV's 23 citing the wire's 23 is the wire's
    word, not the government's: an adversarial trial)."""
    speaker, relays = result.provenance.speaker, result.relays

    def of(claim: Claim) -> str:
        return claim.speaker if claim.id in relays else speaker(claim)

    return of
