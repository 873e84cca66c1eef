"""The JSON Schema of ``claims --format json``: claims with their defaults resolved."""

from __future__ import annotations

from typing import Any, get_args

from claimcheck.model.fields import Stance
from claimcheck.render.schemas.shapes import (
    STATUS,
    STRING,
    TEXT,
    VERSION,
    closed_object,
    document,
)


def claims_schema() -> dict[str, Any]:
    bound = {"type": ["number", "string", "null"]}
    claim = closed_object(
        {
            "id": STRING,
            "subject": STRING,
            "property": STRING,
            "value": {"description": "The value as written in the store."},
            "value_text": STRING,
            "interval": {
                "description": "[low, high] of a quantity or date (null: an open end); "
                "null for other values.",
                "anyOf": [
                    {"type": "array", "items": bound, "minItems": 2, "maxItems": 2},
                    {"type": "null"},
                ],
            },
            "stance": {"enum": list(get_args(Stance))},
            "source": TEXT,
            "claimant": TEXT,
            "claimant_named": {"type": "boolean"},
            "outlet": TEXT,
            "as_of": TEXT,
            "quote": TEXT,
            "locator": TEXT,
            "note": TEXT,
            "status": STATUS,
            "location": STRING,
        }
    )
    return document(
        "claimcheck claims",
        "`claimcheck claims --format json`: claims with their defaults resolved.",
        closed_object({"version": VERSION, "claims": {"type": "array", "items": claim}}),
    )
