"""The JSON Schema of ``sources --format json``: the outlets' and parties' tables, and
one outlet's or one party's claims, with their track records."""

from __future__ import annotations

from typing import Any

from claimcheck.findings import JSON_VERSION
from claimcheck.render.schemas.shapes import (
    CODES,
    COUNT,
    DRAFT,
    IDS,
    STATUS,
    STRING,
    TEXT,
    closed_object,
)
from claimcheck.track_records import STANDING


def sources_schema() -> dict[str, Any]:
    """``claimcheck sources --format json``: the outlets' table, one outlet's claims, the
    parties' table, or one party's claims."""
    grade = {"type": ["integer", "null"], "minimum": 1, "maximum": 6}
    track = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
    outlet = closed_object(
        {
            "id": STRING,
            "name": STRING,
            "kind": STRING,
            "owner": STRING,
            "documents": COUNT,
            "claims": COUNT,
            "as_claimant": COUNT,
            "corroborated": COUNT,
            "contested": COUNT,
            "single_origin": COUNT,
            "revised": COUNT,
            "relayed": COUNT,
            "relayed_from": COUNT,
            "relayed_to": COUNT,
            "suspected_relays": COUNT,
            "retracted": COUNT,
            "track_record": track,
        }
    )
    outlet_claim = closed_object(
        {
            "id": STRING,
            "subject": TEXT,
            "property": TEXT,
            "value": STRING,
            "claimant": TEXT,
            "source": TEXT,
            "as_of": TEXT,
            "grade": grade,
            "grade_label": TEXT,
            "grade_reason": TEXT,
            "findings": CODES,
            "status": STATUS,
        }
    )
    party = closed_object(
        {
            "id": STRING,
            "name": STRING,
            "kind": STRING,
            "side": TEXT,
            "part_of": TEXT,
            "anonymous": {"type": "boolean"},
            "parts": IDS,
            "with_parts": {"type": "boolean"},
            "claims": COUNT,
            "statements": COUNT,
            "parts_claims": COUNT,
            "corroborated": COUNT,
            "contested": COUNT,
            "single_origin": COUNT,
            "interested_only": COUNT,
            "revised": COUNT,
            "retracted": COUNT,
            "relayed_by": COUNT,
            "outlets": IDS,
            "grades": closed_object({str(g): COUNT for g in range(1, 7)}),
            "findings": {
                "type": "object",
                "propertyNames": {"pattern": "^CC[0-9]{3}$"},
                "additionalProperties": COUNT,
            },
            "track_record": track,
        }
    )
    party_claim = closed_object(
        {
            "id": STRING,
            "claimant": STRING,
            "subject": TEXT,
            "property": TEXT,
            "value": STRING,
            "as_of": TEXT,
            "source": TEXT,
            "outlets": IDS,
            "grade": grade,
            "grade_label": TEXT,
            "grade_reason": TEXT,
            "findings": CODES,
            "standing": {"type": "array", "items": {"enum": list(STANDING)}},
            "status": STATUS,
        }
    )
    # (this output's version has no description: its schema is published as it was)
    version = {"const": JSON_VERSION}
    return {
        "$schema": DRAFT,
        "title": "claimcheck sources --format json",
        "oneOf": [
            closed_object({"version": version, "outlets": {"type": "array", "items": outlet}}),
            closed_object(
                {
                    "version": version,
                    "outlet": outlet,
                    "claims": {"type": "array", "items": outlet_claim},
                }
            ),
            closed_object({"version": version, "parties": {"type": "array", "items": party}}),
            closed_object(
                {
                    "version": version,
                    "party": party,
                    "claims": {"type": "array", "items": party_claim},
                }
            ),
        ],
    }
