"""The small shapes every output's JSON Schema is built of: the draft it follows,
strings, counts, ids, severities, statuses, rule codes, the output's version, and
closed objects (every property required but the optional ones, no others)."""

from __future__ import annotations

from typing import Any, get_args

from claimcheck.findings import JSON_VERSION, SEVERITIES
from claimcheck.model.fields import Status

DRAFT = "https://json-schema.org/draft/2020-12/schema"

STRING = {"type": "string"}
TEXT = {"type": ["string", "null"]}
COUNT = {"type": "integer", "minimum": 0}
NUMBER = {"type": "number"}
IDS = {"type": "array", "items": STRING}
SEVERITY = {"enum": list(reversed(SEVERITIES))}
STATUS = {"enum": list(get_args(Status))}
CODES = {"type": "array", "items": {"type": "string", "pattern": "^CC[0-9]{3}$"}}
VERSION = {"const": JSON_VERSION, "description": "The version of this output's shape."}


def closed_object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A closed object: every property required but the ``optional`` ones, no others."""
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


def document(title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "description": description, **body}
