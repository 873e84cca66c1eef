"""The JSON Schema of a check's result: ``check --format json`` and ``report --format
json`` (the same shape): the summary, findings with their reviews, estimates, grades,
stale reviews, and what candidate files would change."""

from __future__ import annotations

from typing import Any, get_args

from claimcheck.findings import FAIL_ON_LEVELS
from claimcheck.model.fields import Verdict
from claimcheck.render.schemas.shapes import (
    COUNT,
    IDS,
    NUMBER,
    SEVERITY,
    STRING,
    TEXT,
    VERSION,
    closed_object,
    document,
)

_VALUE_CHANGE = closed_object(
    {
        "value": {"type": "string", "description": "The value, as its claims state it."},
        "claims": IDS,
        "why": {
            "anyOf": [STRING, {"type": "null"}],
            "description": "Why it entered or left, where the store tells (retracted, "
            "superseded, revised since by a speaker, a speaker's revision).",
        },
    }
)

_REVIEW = closed_object(
    {
        "verdict": {"enum": list(get_args(Verdict))},
        "note": TEXT,
        "by": TEXT,
        "on": TEXT,
        "new_claims": IDS,
        "reviewed_as": {
            "anyOf": [
                closed_object({"rule": STRING, "name": STRING, "fingerprint": STRING}),
                {"type": "null"},
            ],
            "description": "The finding the review was recorded on, if another: a kindred "
            "rule's, or this rule's on more values.",
        },
        "left": {
            "type": "array",
            "items": _VALUE_CHANGE,
            "description": "The values the finding the review was recorded on had that "
            "this one has not (a dispute that lost a value is the dispute reviewed).",
        },
    }
)

_FINDING = closed_object(
    {
        "rule": {"type": "string", "pattern": "^CC[0-9]{3}$"},
        "name": STRING,
        "severity": SEVERITY,
        "subject": TEXT,
        "property": TEXT,
        "claims": IDS,
        "message": STRING,
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "location": {"type": "string", "description": "path:line:col of the record"},
        "review": {"anyOf": [_REVIEW, {"type": "null"}]},
        "details": {"type": "object", "description": "Rule-specific facts."},
        "pairs": {
            "type": "array",
            "description": "Conflicts: the pairs of claims that cannot both hold.",
            "items": {"type": "array", "items": STRING, "minItems": 2, "maxItems": 2},
        },
    },
    optional=("pairs",),
)

_ESTIMATE = closed_object(
    {
        "subject": STRING,
        "property": STRING,
        "low": NUMBER,
        "low_open": {"type": "boolean"},
        "low_ceiling": {"type": "boolean"},
        "best": NUMBER,
        "best_open": {"type": "boolean"},
        "best_ceiling": {"type": "boolean"},
        "high": {"type": ["number", "null"]},
        "high_open": {"type": "boolean"},
        "high_floor": {"type": ["number", "null"]},
        "high_floor_open": {"type": "boolean"},
        "unit": TEXT,
        "claims": closed_object({"low": IDS, "best": IDS, "high": IDS}),
        "best_origins": COUNT,
        "basis": STRING,
        "as_of": {
            "type": "string",
            "description": "For a property whose values vary: the day the figures hold.",
        },
    },
    optional=("as_of",),
)

_GRADE = closed_object(
    {
        "grade": {"type": "integer", "minimum": 1, "maximum": 6},
        "label": STRING,
        "reason": STRING,
        "supporting_origins": COUNT,
        "contradicting_origins": COUNT,
    }
)

_BY_SEVERITY = closed_object({"error": COUNT, "warning": COUNT, "info": COUNT})

_SUMMARY = closed_object(
    {
        "store": STRING,
        "claims": COUNT,
        "documents": COUNT,
        "outlets": COUNT,
        "findings": COUNT,
        "by_severity": _BY_SEVERITY,
        "by_rule": {
            "type": "object",
            "propertyNames": {"pattern": "^CC[0-9]{3}$"},
            "additionalProperties": COUNT,
        },
        "reviewed": COUNT,
        "stale_reviews": COUNT,
        "grades": closed_object({str(g): COUNT for g in range(1, 7)}),
        "fail_on": {"enum": list(FAIL_ON_LEVELS)},
        "failing": COUNT,
    }
)

_STALE_REVIEW = closed_object(
    {
        "fingerprint": STRING,
        "verdict": STRING,
        "note": TEXT,
        "location": STRING,
        "successors": IDS,
        "rule": {
            "anyOf": [STRING, {"type": "null"}],
            "description": "The rule of the finding it was recorded on, when its claims tell.",
        },
        "closed": {
            "type": "boolean",
            "description": "Whether it was recorded on a gap that its claims no longer have.",
        },
        "revised_by": {
            "anyOf": [STRING, {"type": "null"}],
            "description": "The revision (CC105, CC106) holding the claims of the gap it "
            "was recorded on: its figure was revised since by its own origin.",
        },
        "entered": {
            "type": "array",
            "items": _VALUE_CHANGE,
            "description": "The values that entered the dispute it was recorded on since.",
        },
        "left": {
            "type": "array",
            "items": _VALUE_CHANGE,
            "description": "The values that left the dispute it was recorded on since.",
        },
    }
)

#: Store claims whose grade candidates change, and why.
_GRADE_CHANGES = {
    "type": "array",
    "items": closed_object(
        {
            "claim": STRING,
            "before": _GRADE["properties"]["grade"],
            "after": _GRADE["properties"]["grade"],
            "by": IDS,
            "reason": STRING,
        }
    ),
}

_CANDIDATE = closed_object(
    {
        "files": IDS,
        "claims": IDS,
        "corroborates": _GRADE_CHANGES,
        "weakens": _GRADE_CHANGES,
        "duplicates": {
            "type": "array",
            "items": closed_object({"candidate": STRING, "existing": STRING, "location": STRING}),
        },
        "existing_findings": IDS,
        "resolves": {
            "type": "array",
            "items": closed_object(
                {
                    "rule": STRING,
                    "fingerprint": STRING,
                    "message": STRING,
                    "location": STRING,
                    "by": IDS,
                }
            ),
        },
        "reopened_findings": {
            "type": "array",
            "items": closed_object(
                {
                    "fingerprint": STRING,
                    "reviewed": STRING,
                    "entered": {"type": "array", "items": _VALUE_CHANGE},
                    "left": {"type": "array", "items": _VALUE_CHANGE},
                }
            ),
        },
        "reviews_made_stale": {
            "type": "array",
            "description": "The store's reviews the candidates would leave matching no "
            "finding once added (other than those of reopened findings).",
            "items": _STALE_REVIEW,
        },
        "estimates_moved": {
            "type": "array",
            "items": closed_object(
                {
                    "subject": STRING,
                    "property": STRING,
                    "before": {"anyOf": [_ESTIMATE, {"type": "null"}]},
                    "after": {"anyOf": [_ESTIMATE, {"type": "null"}]},
                }
            ),
        },
    }
)


def result_schema(title: str, description: str) -> dict[str, Any]:
    return document(
        title,
        description,
        closed_object(
            {
                "version": VERSION,
                "summary": _SUMMARY,
                "findings": {"type": "array", "items": _FINDING},
                "estimates": {"type": "array", "items": _ESTIMATE},
                "grades": {
                    "type": "object",
                    "description": "Each claim's grade, by claim id.",
                    "additionalProperties": _GRADE,
                },
                "stale_reviews": {"type": "array", "items": _STALE_REVIEW},
                "candidate": _CANDIDATE,
            },
            optional=("candidate",),
        ),
    )
