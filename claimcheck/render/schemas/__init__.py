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

Its parts, one module per output: :mod:`.result` (``check`` and ``report``),
:mod:`.claims`, :mod:`.rules` and :mod:`.sources`, built of the small shapes of
:mod:`.shapes`.
"""

from __future__ import annotations

from typing import Any

from claimcheck.render.schemas.claims import claims_schema
from claimcheck.render.schemas.result import result_schema
from claimcheck.render.schemas.rules import rules_schema
from claimcheck.render.schemas.sources import sources_schema

#: The outputs ``claimcheck schema`` knows, in the order its help lists them.
OUTPUTS = ("store", "check", "report", "claims", "rules", "sources")


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
        return result_schema(
            "claimcheck check",
            "`claimcheck check --format json`: the findings, estimates and grades of a run; "
            "with candidate files, what they would change.",
        )
    if output == "report":
        return result_schema(
            "claimcheck report",
            "`claimcheck report --format json`: the findings, estimates and grades the "
            "discrepancy report shows.",
        )
    if output == "claims":
        return claims_schema()
    if output == "rules":
        return rules_schema()
    if output == "sources":
        return sources_schema()
    raise ValueError(f"no output {output!r}; outputs: {', '.join(OUTPUTS)}")
