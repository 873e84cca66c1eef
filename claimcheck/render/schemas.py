"""JSON Schemas (draft 2020-12) of claimcheck's JSON outputs, written as data.

``claimcheck schema OUTPUT`` prints them: ``check`` (``check --format json``),
``report`` (``report --format json``, the same shape), ``claims``, ``rules``,
``sources`` and ``store``, the file format (:func:`claimcheck.model.json_schema`).

Two forms of each output's schema. :func:`output_schema` is *closed* where a shape is
(required keys, no others), so that a test holding it against real output catches
drift; rule-specific ``details`` stay open. :func:`published_schema`, what the command
prints, is the same *opened* (no ``additionalProperties: false``): a key may be added to
an output without raising :data:`~claimcheck.render.JSON_VERSION`, and a consumer
validating against the published schema must not break on it. The store's schema stays
closed: a field the store does not know is an error in the file.
"""

from __future__ import annotations

from typing import Any, get_args

from claimcheck.findings import FAIL_ON_LEVELS, JSON_VERSION, SEVERITIES
from claimcheck.model.fields import Stance, Status, Verdict
from claimcheck.rules.base import RULE_CATEGORIES
from claimcheck.track_records import STANDING

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The outputs ``claimcheck schema`` knows, in the order its help lists them.
OUTPUTS = ("store", "check", "report", "claims", "rules", "sources")

_STRING = {"type": "string"}
_TEXT = {"type": ["string", "null"]}
_COUNT = {"type": "integer", "minimum": 0}
_NUMBER = {"type": "number"}
_IDS = {"type": "array", "items": _STRING}
_SEVERITY = {"enum": list(reversed(SEVERITIES))}
_STATUS = {"enum": list(get_args(Status))}
_CODES = {"type": "array", "items": {"type": "string", "pattern": "^CC[0-9]{3}$"}}
_VERSION = {"const": JSON_VERSION, "description": "The version of this output's shape."}


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A closed object: every property required but the ``optional`` ones, no others."""
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


def _document(title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "description": description, **body}


_VALUE_CHANGE = _object(
    {
        "value": {"type": "string", "description": "The value, as its claims state it."},
        "claims": _IDS,
        "why": {
            "anyOf": [_STRING, {"type": "null"}],
            "description": "Why it entered or left, where the store tells (retracted, "
            "superseded, revised since by a speaker, a speaker's revision).",
        },
    }
)

_REVIEW = _object(
    {
        "verdict": {"enum": list(get_args(Verdict))},
        "note": _TEXT,
        "by": _TEXT,
        "on": _TEXT,
        "new_claims": _IDS,
        "reviewed_as": {
            "anyOf": [
                _object({"rule": _STRING, "name": _STRING, "fingerprint": _STRING}),
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

_FINDING = _object(
    {
        "rule": {"type": "string", "pattern": "^CC[0-9]{3}$"},
        "name": _STRING,
        "severity": _SEVERITY,
        "subject": _TEXT,
        "property": _TEXT,
        "claims": _IDS,
        "message": _STRING,
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "location": {"type": "string", "description": "path:line:col of the record"},
        "review": {"anyOf": [_REVIEW, {"type": "null"}]},
        "details": {"type": "object", "description": "Rule-specific facts."},
        "pairs": {
            "type": "array",
            "description": "Conflicts: the pairs of claims that cannot both hold.",
            "items": {"type": "array", "items": _STRING, "minItems": 2, "maxItems": 2},
        },
    },
    optional=("pairs",),
)

_ESTIMATE = _object(
    {
        "subject": _STRING,
        "property": _STRING,
        "low": _NUMBER,
        "low_open": {"type": "boolean"},
        "low_ceiling": {"type": "boolean"},
        "best": _NUMBER,
        "best_open": {"type": "boolean"},
        "best_ceiling": {"type": "boolean"},
        "high": {"type": ["number", "null"]},
        "high_open": {"type": "boolean"},
        "high_floor": {"type": ["number", "null"]},
        "high_floor_open": {"type": "boolean"},
        "unit": _TEXT,
        "claims": _object({"low": _IDS, "best": _IDS, "high": _IDS}),
        "best_origins": _COUNT,
        "basis": _STRING,
        "as_of": {
            "type": "string",
            "description": "For a property whose values vary: the day the figures hold.",
        },
    },
    optional=("as_of",),
)

_GRADE = _object(
    {
        "grade": {"type": "integer", "minimum": 1, "maximum": 6},
        "label": _STRING,
        "reason": _STRING,
        "supporting_origins": _COUNT,
        "contradicting_origins": _COUNT,
    }
)

_BY_SEVERITY = _object({"error": _COUNT, "warning": _COUNT, "info": _COUNT})

_SUMMARY = _object(
    {
        "store": _STRING,
        "claims": _COUNT,
        "documents": _COUNT,
        "outlets": _COUNT,
        "findings": _COUNT,
        "by_severity": _BY_SEVERITY,
        "by_rule": {
            "type": "object",
            "propertyNames": {"pattern": "^CC[0-9]{3}$"},
            "additionalProperties": _COUNT,
        },
        "reviewed": _COUNT,
        "stale_reviews": _COUNT,
        "grades": _object({str(g): _COUNT for g in range(1, 7)}),
        "fail_on": {"enum": list(FAIL_ON_LEVELS)},
        "failing": _COUNT,
    }
)

_STALE_REVIEW = _object(
    {
        "fingerprint": _STRING,
        "verdict": _STRING,
        "note": _TEXT,
        "location": _STRING,
        "successors": _IDS,
        "rule": {
            "anyOf": [_STRING, {"type": "null"}],
            "description": "The rule of the finding it was recorded on, when its claims tell.",
        },
        "closed": {
            "type": "boolean",
            "description": "Whether it was recorded on a gap that its claims no longer have.",
        },
        "revised_by": {
            "anyOf": [_STRING, {"type": "null"}],
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
    "items": _object(
        {
            "claim": _STRING,
            "before": _GRADE["properties"]["grade"],
            "after": _GRADE["properties"]["grade"],
            "by": _IDS,
            "reason": _STRING,
        }
    ),
}

_CANDIDATE = _object(
    {
        "files": _IDS,
        "claims": _IDS,
        "corroborates": _GRADE_CHANGES,
        "weakens": _GRADE_CHANGES,
        "duplicates": {
            "type": "array",
            "items": _object({"candidate": _STRING, "existing": _STRING, "location": _STRING}),
        },
        "existing_findings": _IDS,
        "resolves": {
            "type": "array",
            "items": _object(
                {
                    "rule": _STRING,
                    "fingerprint": _STRING,
                    "message": _STRING,
                    "location": _STRING,
                    "by": _IDS,
                }
            ),
        },
        "reopened_findings": {
            "type": "array",
            "items": _object(
                {
                    "fingerprint": _STRING,
                    "reviewed": _STRING,
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
            "items": _object(
                {
                    "subject": _STRING,
                    "property": _STRING,
                    "before": {"anyOf": [_ESTIMATE, {"type": "null"}]},
                    "after": {"anyOf": [_ESTIMATE, {"type": "null"}]},
                }
            ),
        },
    }
)


def _result(title: str, description: str) -> dict[str, Any]:
    return _document(
        title,
        description,
        _object(
            {
                "version": _VERSION,
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


def _claims() -> dict[str, Any]:
    bound = {"type": ["number", "string", "null"]}
    claim = _object(
        {
            "id": _STRING,
            "subject": _STRING,
            "property": _STRING,
            "value": {"description": "The value as written in the store."},
            "value_text": _STRING,
            "interval": {
                "description": "[low, high] of a quantity or date (null: an open end); "
                "null for other values.",
                "anyOf": [
                    {"type": "array", "items": bound, "minItems": 2, "maxItems": 2},
                    {"type": "null"},
                ],
            },
            "stance": {"enum": list(get_args(Stance))},
            "source": _TEXT,
            "claimant": _TEXT,
            "claimant_named": {"type": "boolean"},
            "outlet": _TEXT,
            "as_of": _TEXT,
            "quote": _TEXT,
            "locator": _TEXT,
            "note": _TEXT,
            "status": _STATUS,
            "location": _STRING,
        }
    )
    return _document(
        "claimcheck claims",
        "`claimcheck claims --format json`: claims with their defaults resolved.",
        _object({"version": _VERSION, "claims": {"type": "array", "items": claim}}),
    )


def _rules() -> dict[str, Any]:
    rule = _object(
        {
            "code": {"type": "string", "pattern": "^CC[0-9]{3}$"},
            "name": _STRING,
            "severity": _SEVERITY,
            "category": {"enum": list(RULE_CATEGORIES)},
            "summary": _STRING,
            "explanation": _STRING,
            "options": {
                "type": "array",
                "items": _object({"name": _STRING, "default": {}, "type": _STRING}),
            },
            "examples": _object({"fails": _STRING, "passes": _STRING}),
        }
    )
    return _document(
        "claimcheck rules",
        "`claimcheck rules --format json` (the catalogue), or `claimcheck rules CODE "
        "--format json` (one rule: its fields beside the version).",
        {
            "oneOf": [
                _object({"version": _VERSION, "rules": {"type": "array", "items": rule}}),
                {
                    **rule,
                    "properties": {"version": _VERSION, **rule["properties"]},
                    "required": ["version", *rule["required"]],
                },
            ]
        },
    )


def _sources() -> dict[str, Any]:
    """``claimcheck sources --format json``: the outlets' table, one outlet's claims, the
    parties' table, or one party's claims."""
    grade = {"type": ["integer", "null"], "minimum": 1, "maximum": 6}
    track = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
    outlet = _object(
        {
            "id": _STRING,
            "name": _STRING,
            "kind": _STRING,
            "owner": _STRING,
            "documents": _COUNT,
            "claims": _COUNT,
            "as_claimant": _COUNT,
            "corroborated": _COUNT,
            "contested": _COUNT,
            "single_origin": _COUNT,
            "revised": _COUNT,
            "relayed": _COUNT,
            "relayed_from": _COUNT,
            "relayed_to": _COUNT,
            "suspected_relays": _COUNT,
            "retracted": _COUNT,
            "track_record": track,
        }
    )
    outlet_claim = _object(
        {
            "id": _STRING,
            "subject": _TEXT,
            "property": _TEXT,
            "value": _STRING,
            "claimant": _TEXT,
            "source": _TEXT,
            "as_of": _TEXT,
            "grade": grade,
            "grade_label": _TEXT,
            "grade_reason": _TEXT,
            "findings": _CODES,
            "status": _STATUS,
        }
    )
    party = _object(
        {
            "id": _STRING,
            "name": _STRING,
            "kind": _STRING,
            "side": _TEXT,
            "part_of": _TEXT,
            "anonymous": {"type": "boolean"},
            "parts": _IDS,
            "with_parts": {"type": "boolean"},
            "claims": _COUNT,
            "statements": _COUNT,
            "parts_claims": _COUNT,
            "corroborated": _COUNT,
            "contested": _COUNT,
            "single_origin": _COUNT,
            "interested_only": _COUNT,
            "revised": _COUNT,
            "retracted": _COUNT,
            "relayed_by": _COUNT,
            "outlets": _IDS,
            "grades": _object({str(g): _COUNT for g in range(1, 7)}),
            "findings": {
                "type": "object",
                "propertyNames": {"pattern": "^CC[0-9]{3}$"},
                "additionalProperties": _COUNT,
            },
            "track_record": track,
        }
    )
    party_claim = _object(
        {
            "id": _STRING,
            "claimant": _STRING,
            "subject": _TEXT,
            "property": _TEXT,
            "value": _STRING,
            "as_of": _TEXT,
            "source": _TEXT,
            "outlets": _IDS,
            "grade": grade,
            "grade_label": _TEXT,
            "grade_reason": _TEXT,
            "findings": _CODES,
            "standing": {"type": "array", "items": {"enum": list(STANDING)}},
            "status": _STATUS,
        }
    )
    # (this output's version has no description: its schema is published as it was)
    version = {"const": JSON_VERSION}
    return {
        "$schema": DRAFT,
        "title": "claimcheck sources --format json",
        "oneOf": [
            _object({"version": version, "outlets": {"type": "array", "items": outlet}}),
            _object(
                {
                    "version": version,
                    "outlet": outlet,
                    "claims": {"type": "array", "items": outlet_claim},
                }
            ),
            _object({"version": version, "parties": {"type": "array", "items": party}}),
            _object(
                {
                    "version": version,
                    "party": party,
                    "claims": {"type": "array", "items": party_claim},
                }
            ),
        ],
    }


def published_schema(output: str) -> dict[str, Any]:
    """The JSON Schema of ``output`` as ``claimcheck schema`` publishes it: an output's
    opened (see :func:`opened`), the store's as it is."""
    schema = output_schema(output)
    return schema if output == "store" else opened(schema)


def opened(schema: Any) -> Any:
    """``schema`` with every ``additionalProperties: false`` left out, at any depth:
    keys a later version adds are then valid (a schema given for them is kept). Its
    ``oneOf`` become ``anyOf``: open shapes told apart by their keys today might both
    match an output with a key added."""
    if isinstance(schema, dict):
        return {
            "anyOf" if k == "oneOf" else k: opened(v)
            for k, v in schema.items()
            if not (k == "additionalProperties" and v is False)
        }
    if isinstance(schema, list):
        return [opened(v) for v in schema]
    return schema


def output_schema(output: str) -> dict[str, Any]:
    """The closed JSON Schema of ``output`` (one of :data:`OUTPUTS`): what a test holds
    real output against (:func:`published_schema` is what users get)."""
    if output == "store":
        from claimcheck.model import json_schema

        return dict(json_schema())
    if output == "check":
        return _result(
            "claimcheck check",
            "`claimcheck check --format json`: the findings, estimates and grades of a run; "
            "with candidate files, what they would change.",
        )
    if output == "report":
        return _result(
            "claimcheck report",
            "`claimcheck report --format json`: the findings, estimates and grades the "
            "discrepancy report shows.",
        )
    if output == "claims":
        return _claims()
    if output == "rules":
        return _rules()
    if output == "sources":
        return _sources()
    raise ValueError(f"no output {output!r}; outputs: {', '.join(OUTPUTS)}")
