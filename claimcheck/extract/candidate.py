"""The candidate file: extract's proposals written for a person to read, then `check`.

YAML with a comment above each claim saying what was guessed and why; a field that
could not be filled is left empty with a comment saying what to write, so that `check`
refuses the file at that line until someone does. The JSON form carries the same
records, each claim with its interval (``low``, ``high``: ``null`` for no upper bound),
its confidence and its reasons.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.model import Property

#: The outlet kinds a new outlet record may take, for its comment.
OUTLET_KINDS = (
    "news-agency, broadcaster, newspaper, magazine, video, wire, state-media, "
    "party-channel, ngo, un, encyclopedia, social"
)


@dataclass(slots=True)
class ProposedClaim:
    """One claim extract proposes, with what it guessed."""

    id: str
    value: str | int
    low: float
    high: float
    property: str
    subject: str | None
    #: None: the outlet speaks in its own voice (the store's default claimant).
    claimant: str | None
    as_of: dt.date | None
    quote: str
    locator: str
    confidence: str
    why: list[str] = field(default_factory=list)
    #: Fields left empty, each with what to write there.
    fill: dict[str, str] = field(default_factory=dict)
    #: ``denies`` when the claimant denies the figure ("dément l'armée").
    stance: str = "asserts"


@dataclass(slots=True)
class Skipped:
    """A figure of the text that is not proposed, and why."""

    locator: str
    text: str
    reason: str


@dataclass(slots=True)
class Extraction:
    """Everything extract proposes for one article."""

    article: str
    document: dict[str, Any]
    claims: list[ProposedClaim]
    #: A new outlet record, when the store has no outlet of the document's id.
    outlet: dict[str, Any] | None = None
    #: Properties proposed from the init vocabulary (the store has none that fits).
    properties: list[Property] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Notes about the whole document (no outlet given, no publication date...).
    notes: list[str] = field(default_factory=list)
    #: Wires or outlets the text relays (a dateline's or credit's agency), each as
    #: ``(outlet id or name, the credit as written)``: its dispatch is the document to
    #: list in ``cites``.
    relays: list[tuple[str, str]] = field(default_factory=list)
    #: The store already records this article as ``document['id']``: the claims cite
    #: it and no document record is written.
    recorded: bool = False


#: Fields a store fills in when they are left out or null (the claimant: the outlet's
#: own voice): left for a person, they are written ``""``, which `check` refuses.
_DEFAULTED = frozenset(["claimant"])

_RE_PLAIN = re.compile(r"^[a-z][a-z0-9_.-]*$")
#: Words YAML reads as something other than text.
_YAML_WORDS = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null"])


def _scalar(value: Any) -> str:
    """A YAML scalar: numbers and dates bare, text double-quoted (JSON's quoting is
    YAML's)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _RE_PLAIN.match(str(value)) and str(value).lower() not in _YAML_WORDS:
        return str(value)
    return str(json.dumps(str(value), ensure_ascii=False))


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def to_yaml(x: Extraction) -> str:
    """The candidate file, with its comments."""
    out = [
        f"# Candidate claims extracted by `claimcheck extract` from {x.article}.",
        "# Nothing here is in the store yet. Read each claim against its quote: the comment",
        "# above it says what was guessed and why. An empty field is for you to fill;",
        "# `claimcheck check` refuses the file until you do.",
        *(line for note in x.notes for line in _comment(note)),
        "",
    ]
    if x.outlet is not None:
        out += ["outlets:", "  # the store has no outlet of this id: check its name, fill its kind"]
        out += [f"  - id: {x.outlet['id']}", f"    name: {_scalar(x.outlet['name'])}"]
        out += [f"    kind:  # fill in: one of {OUTLET_KINDS}", ""]
    doc = x.document
    if x.recorded:
        out += _recorded(x)
    else:
        out += _document(x)
    if x.properties:
        out += [
            "properties:",
            "  # proposed from the init vocabulary: the store has no property for these figures",
        ]
        for p in x.properties:
            out += [f"  - id: {p.id}", f"    type: {p.type}"]
            for key in ("label", "unit", "description"):
                value = getattr(p, key)
                if value:
                    out.append(f"    {key}: {_scalar(value)}")
            if p.cumulative:
                out.append("    cumulative: true")
            if p.tolerance is not None:
                out.append(f"    tolerance: {_scalar(p.tolerance)}")
            if p.aliases:
                out.append(f"    aliases: [{', '.join(_scalar(a) for a in p.aliases)}]")
        out.append("")
    out.append("claims:" if x.claims else "claims: []  # no figure found that counts something")
    for c in x.claims:
        out += _comment(f"{c.locator}; confidence {c.confidence}", "  ")
        out += [line for why in c.why for line in _comment(why, "  ")]
        out.append(f"  - id: {c.id}")
        fields: list[tuple[str, Any]] = [
            ("subject", c.subject),
            ("property", c.property),
            ("value", c.value),
            ("source", doc["id"]),
            ("claimant", c.claimant),
            ("as_of", c.as_of),
            ("stance", c.stance if c.stance != "asserts" else None),
            ("quote", c.quote),
            ("locator", c.locator),
        ]
        for key, value in fields:
            if key in c.fill:
                # An empty claimant is the outlet's own voice: "" is refused instead.
                empty = ' ""' if key in _DEFAULTED else ""
                out.append(f"    {key}:{empty}  # fill in: {c.fill[key]}")
            elif value is not None:
                out.append(f"    {key}: {_scalar(value)}")
    if x.skipped:
        out += ["", "# Figures of the text not proposed:"]
        out += [f"#   {s.locator}: {s.text!r}: {s.reason}" for s in x.skipped]
    return "\n".join(out) + "\n"


def _recorded(x: Extraction) -> list[str]:
    """The comment in place of the document record the store already has."""
    return [
        f"# The store already records this article as document {x.document['id']}",
        "# (same address, or same outlet and title): the claims below cite it, and",
        "# `check` says which of them are already recorded (duplicates).",
        *(
            f"# It relays {wire} ({credit!r}): list {wire}'s dispatch in its `cites`."
            for wire, credit in x.relays
        ),
        "",
    ]


def _document(x: Extraction) -> list[str]:
    """The document record, with what is left to fill and the wires it relays."""
    doc = x.document
    out = ["documents:"]
    out.append(f"  - id: {doc['id']}")
    for key in ("outlet", "title", "published", "language", "url", "kind"):
        if doc.get(key) is not None:
            out.append(f"    {key}: {_scalar(doc[key])}")
        elif key in ("outlet", "published"):
            # Written empty, not left out: a document without them is valid, and
            # `check` must refuse this one until they are filled.
            what = "the id of the outlet that published it" if key == "outlet" else "YYYY-MM-DD"
            out.append(f'    {key}: ""  # fill in: {what}')
    for wire, credit in x.relays:
        out += [
            f"    # relays {wire} ({credit!r}): its figures are {wire}'s reporting, not only",
            f"    # this outlet's. Record {wire}'s dispatch as a document and list its id:",
            "    # cites: [DISPATCH-ID]",
        ]
    out.append("")
    return out


def to_json(x: Extraction, version: int) -> dict[str, Any]:
    """The JSON form: ``{"version", "document", "claims": [...]}`` and the rest."""
    return {
        "version": version,
        "document": _jsonable(x.document),
        "outlet": x.outlet,
        "properties": [
            {k: v for k, v in _property_fields(p).items() if v not in (None, [], False)}
            for p in x.properties
        ],
        "claims": [
            {
                "id": c.id,
                "value": c.value,
                "low": c.low,
                "high": None if math.isinf(c.high) else c.high,
                "property": c.property,
                "claimant": c.claimant,
                "subject": c.subject,
                "as_of": c.as_of.isoformat() if c.as_of else None,
                "quote": c.quote,
                "locator": c.locator,
                "confidence": c.confidence,
                "why": c.why,
                "fill": c.fill,
                "stance": c.stance,
            }
            for c in x.claims
        ],
        "skipped": [{"locator": s.locator, "text": s.text, "reason": s.reason} for s in x.skipped],
        "relays": [{"outlet": wire, "credit": credit} for wire, credit in x.relays],
        "notes": x.notes,
        # The store already records the document: the claims cite it, not a new one.
        "recorded": x.recorded,
    }


def _property_fields(p: Property) -> dict[str, Any]:
    return {
        "id": p.id,
        "type": p.type,
        "label": p.label,
        "unit": p.unit,
        "description": p.description,
        "cumulative": p.cumulative,
        "tolerance": p.tolerance,
        "aliases": list(p.aliases),
    }


def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in d.items()}
