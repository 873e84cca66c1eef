"""Claims as a flat CSV: every default resolved, grade included, safe in spreadsheets.

Whose word each figure is, for a dataset that counts sources: ``claimant_named`` says
whether the record names a claimant (else the outlet speaks: the claimant column holds
it), ``claimant_anonymous`` whether that claimant is an anonymous source ("local
officials"), ``relays`` the claim whose figure an outlet's own words carry (citing the
dispatch it has it from, or printing an origin's figure revised since) and
``credited_to`` who the figure is credited to: that claim's speaker, or the claim's own
(a party's own media speaking for it: the party).
"""

from __future__ import annotations

import csv
import io

from claimcheck.model import Claim
from claimcheck.results import Result
from claimcheck.store.query import claim_record

COLUMNS = [
    "id",
    "subject",
    "property",
    "value",
    "value_text",
    "low",
    "high",
    "stance",
    "source",
    "claimant",
    "claimant_named",
    "outlet",
    "as_of",
    "grade",
    "grade_label",
    "quote",
    "locator",
    "note",
    "status",
    "location",
    # (added later, so last: whose word a figure is)
    "claimant_anonymous",
    "relays",
    "credited_to",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a count of 14 is 14, not 14.0
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def credited_to(result: Result, claim: Claim) -> str:
    """Whose word a claim is: its speaker, or for party media speaking in its own voice
    (state television, no claimant named) the party it speaks for — the one its
    ``affiliation`` names (the interior ministry, as the findings name it, not the
    government it is part of), else that of its owner's affiliated media."""
    spoken = result.provenance.speaker(claim)
    if spoken != claim.speaker:
        return spoken
    if not claim.claimant_given and claim.outlet is not None:
        party = result.provenance.outlet_party(claim.outlet)
        if party is not None:
            return party
    return claim.speaker


def claims_csv(result: Result) -> str:
    out = io.StringIO()
    # RFC 4180 line ends: the writer then quotes any cell holding a CR or LF.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    store = result.store
    relays = result.relays
    for claim in store.claims.values():
        rec = claim_record(store, claim)
        party = store.parties.get(claim.claimant or "")
        relayed = store.claims.get(relays.get(claim.id) or "")
        interval = rec["interval"] or [None, None]
        grade = result.grades.get(claim.id)
        rec.update(
            {
                "value": rec["value"] if not isinstance(rec["value"], dict) else str(rec["value"]),
                "low": interval[0],
                "high": interval[1],
                "grade": grade.grade if grade else None,
                "grade_label": grade.label if grade else None,
                "claimant_anonymous": bool(party is not None and party.anonymous),
                "relays": relayed.id if relayed is not None else None,
                "credited_to": credited_to(result, relayed or claim),
            }
        )
        writer.writerow([safe_cell(rec.get(c)) for c in COLUMNS])
    return out.getvalue()
