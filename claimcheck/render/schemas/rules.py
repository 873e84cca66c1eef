"""The JSON Schema of ``rules --format json``: the rule catalogue, or one rule."""

from __future__ import annotations

from typing import Any

from claimcheck.render.schemas.shapes import (
    SEVERITY,
    STRING,
    VERSION,
    closed_object,
    document,
)
from claimcheck.rules.base import RULE_CATEGORIES


def rules_schema() -> dict[str, Any]:
    rule = closed_object(
        {
            "code": {"type": "string", "pattern": "^CC[0-9]{3}$"},
            "name": STRING,
            "severity": SEVERITY,
            "category": {"enum": list(RULE_CATEGORIES)},
            "summary": STRING,
            "explanation": STRING,
            "options": {
                "type": "array",
                "items": closed_object({"name": STRING, "default": {}, "type": STRING}),
            },
            "examples": closed_object({"fails": STRING, "passes": STRING}),
        }
    )
    return document(
        "claimcheck rules",
        "`claimcheck rules --format json` (the catalogue), or `claimcheck rules CODE "
        "--format json` (one rule: its fields beside the version).",
        {
            "oneOf": [
                closed_object({"version": VERSION, "rules": {"type": "array", "items": rule}}),
                {
                    **rule,
                    "properties": {"version": VERSION, **rule["properties"]},
                    "required": ["version", *rule["required"]],
                },
            ]
        },
    )
