"""claimcheck: claims tied to sources; conflicts and gaps in corroboration.

The library is the product; the ``claimcheck`` command is one of its users::

    from claimcheck import check, load_store, render_report

    store = load_store("claims")              # files → a validated Store
    result = check(store)                     # the rules → a Result: findings, grades, estimates
    for finding in result.findings:
        print(finding.location, finding.rule, finding.message)
    markdown = render_report(result, "markdown")   # the discrepancy report
    data = result.as_dict()                   # what ``check --format json`` prints

The path of a claim: ``store/`` (files parsed, validated, cross-checked; see
:mod:`claimcheck.store.load`) → ``engine.check`` (each (subject, property) group
analysed by ``analysis/`` and judged by ``rules/``) → ``results.Result`` → ``report/``
(the discrepancy report) or ``render/`` (the command's outputs).
"""

from typing import TYPE_CHECKING, Any

from claimcheck._version import __version__

if TYPE_CHECKING:
    from claimcheck.analysis.provenance import Provenance
    from claimcheck.config import Config
    from claimcheck.engine import check
    from claimcheck.errors import (
        ClaimcheckError,
        ConfigError,
        Location,
        Problem,
        StoreError,
        UsageError,
    )
    from claimcheck.findings import Finding
    from claimcheck.model import (
        Claim,
        Document,
        Outlet,
        Party,
        Property,
        Review,
        Subject,
        json_schema,
    )
    from claimcheck.report import render_report
    from claimcheck.results import Result
    from claimcheck.store import Limits, Store, load_store
    from claimcheck.store.query import claim_record, query_claims
    from claimcheck.values import Category, DateRange, Entity, Quantity, Text, parse_value

# Public names, imported on first use: `claimcheck --help` must not pay for pydantic.
_WHERE = {
    "ClaimcheckError": "claimcheck.errors",
    "ConfigError": "claimcheck.errors",
    "Location": "claimcheck.errors",
    "Problem": "claimcheck.errors",
    "StoreError": "claimcheck.errors",
    "UsageError": "claimcheck.errors",
    "Claim": "claimcheck.model",
    "Document": "claimcheck.model",
    "Outlet": "claimcheck.model",
    "Party": "claimcheck.model",
    "Property": "claimcheck.model",
    "Review": "claimcheck.model",
    "Subject": "claimcheck.model",
    "json_schema": "claimcheck.model",
    "Provenance": "claimcheck.analysis.provenance",
    "Config": "claimcheck.config",
    "check": "claimcheck.engine",
    "Finding": "claimcheck.findings",
    "render_report": "claimcheck.report",
    "Result": "claimcheck.results",
    "Limits": "claimcheck.store",
    "Store": "claimcheck.store",
    "load_store": "claimcheck.store",
    "claim_record": "claimcheck.store.query",
    "query_claims": "claimcheck.store.query",
    "Category": "claimcheck.values",
    "DateRange": "claimcheck.values",
    "Entity": "claimcheck.values",
    "Quantity": "claimcheck.values",
    "Text": "claimcheck.values",
    "parse_value": "claimcheck.values",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "Category",
    "Claim",
    "ClaimcheckError",
    "Config",
    "ConfigError",
    "DateRange",
    "Document",
    "Entity",
    "Finding",
    "Limits",
    "Location",
    "Outlet",
    "Party",
    "Problem",
    "Property",
    "Provenance",
    "Quantity",
    "Result",
    "Review",
    "Store",
    "StoreError",
    "Subject",
    "Text",
    "UsageError",
    "__version__",
    "check",
    "claim_record",
    "json_schema",
    "load_store",
    "parse_value",
    "query_claims",
    "render_report",
]
