"""Claims as a flat CSV: every default resolved, grade included, safe in spreadsheets."""

from __future__ import annotations

import csv
import io

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


def claims_csv(result: Result) -> str:
    out = io.StringIO()
    # RFC 4180 line ends: the writer then quotes any cell holding a CR or LF.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    store = result.store
    for claim in store.claims.values():
        rec = claim_record(store, claim)
        interval = rec["interval"] or [None, None]
        grade = result.grades.get(claim.id)
        rec.update(
            {
                "value": rec["value"] if not isinstance(rec["value"], dict) else str(rec["value"]),
                "low": interval[0],
                "high": interval[1],
                "grade": grade.grade if grade else None,
                "grade_label": grade.label if grade else None,
            }
        )
        writer.writerow([safe_cell(rec.get(c)) for c in COLUMNS])
    return out.getvalue()
