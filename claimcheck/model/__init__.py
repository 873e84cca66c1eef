"""The seven record types of a store, as pydantic models (DESIGN §2).

Each model forbids unknown fields (a typo like ``subjekt`` is an error, not a silent
omission), normalises ids and names to Unicode NFC, and reads dates as real dates.
Records are slotted pydantic dataclasses: a million claims must fit in memory and
validate in a few microseconds each. Cross-record checks (does this outlet exist?) are
the store's job, not the models'.
"""

from __future__ import annotations

import builtins
from dataclasses import field
from typing import Any

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema

from claimcheck.model.fields import (
    TERTIARY_KINDS,
    Date,
    DateSpan,
    DocumentKind,
    Extent,
    Fingerprint,
    Id,
    Name,
    OutletKind,
    PartyKind,
    PropertyType,
    RawValue,
    Ref,
    Reliability,
    Stance,
    Status,
    SubjectKind,
    Tolerance,
    Verdict,
)
from claimcheck.values import Value

__all__ = [
    "RECORD_TYPES",
    "SECTIONS",
    "SECTION_OF",
    "SINGULAR",
    "TERTIARY_KINDS",
    "Claim",
    "Document",
    "Outlet",
    "Party",
    "Property",
    "Review",
    "Subject",
    "Tolerance",
    "json_schema",
]

_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)
_CONFIG_NO_STRIP = ConfigDict(extra="forbid")


@dataclass(slots=True, config=_CONFIG)
class Outlet:
    """A publisher: a news agency, a broadcaster, a channel, an encyclopedia."""

    id: Id
    name: Name
    kind: OutletKind
    country: str | None = None
    #: Group key: outlets with one owner are not independent of each other.
    owner: Name | None = None
    #: Party id, for state or party media.
    affiliation: Ref | None = None
    #: Admiralty source-reliability letter, set by a person.
    reliability: Reliability | None = None
    url: str | None = None
    #: Other names it goes by, in any language (``tués``, ``FAMa``): for matching text
    #: to the store (``claimcheck extract``); never compared by the rules.
    aliases: list[Name] = field(default_factory=list)
    note: str | None = None

    @property
    def owner_key(self) -> str:
        return self.owner or self.id


@dataclass(slots=True, config=_CONFIG)
class Document:
    """One article, video, statement or post."""

    id: Id
    outlet: Ref | None = None
    title: Name | None = None
    published: Date | None = None
    retrieved: Date | None = None
    language: str | None = None
    url: str | None = None
    #: Ids of the documents this one relays.
    cites: list[Ref] = field(default_factory=list)
    kind: DocumentKind | None = None
    author: Name | None = None
    note: str | None = None


@dataclass(slots=True, config=_CONFIG)
class Party:
    """Someone who asserts things or takes part: a state, an army, a group, a person."""

    id: Id
    name: Name
    kind: PartyKind
    #: Allies share a side, e.g. FAMa and Wagner: ``mali-government``.
    side: Ref | None = None
    #: The party this one belongs to or speaks for (a ministry of its government, a
    #: group of its coalition): a party and its parts are one origin.
    part_of: Ref | None = None
    #: Unnamed ("officials", "medical sources"); defaults to ``kind == anonymous``.
    anonymous: bool | None = None
    #: Other names it goes by, in any language (``tués``, ``FAMa``): for matching text
    #: to the store (``claimcheck extract``); never compared by the rules.
    aliases: list[Name] = field(default_factory=list)
    note: str | None = None

    @property
    def is_anonymous(self) -> bool:
        return self.anonymous if self.anonymous is not None else self.kind == "anonymous"


@dataclass(slots=True, config=_CONFIG)
class Subject:
    """What claims are about: an event, a place, a person, a group."""

    id: Id
    label: Name
    kind: SubjectKind = "event"
    #: The subject's extent; ``2025-03-01/..`` for one still under way.
    date: Extent | None = None
    part_of: Ref | None = None
    #: Sides involved: their own claims about this subject are interested.
    sides: list[Ref] = field(default_factory=list)
    #: Other names it goes by, in any language (``tués``, ``FAMa``): for matching text
    #: to the store (``claimcheck extract``); never compared by the rules.
    aliases: list[Name] = field(default_factory=list)
    note: str | None = None


@dataclass(slots=True, config=_CONFIG)
class Property:
    """An attribute with its meaning and how its values compare."""

    id: Id
    type: PropertyType
    label: str | None = None
    description: str | None = None
    unit: str | None = None
    #: One true value per subject.
    single: bool = True
    #: The allowed values of a category property.
    values: list[Name] | None = None
    #: A running toll that may be revised upward over time.
    cumulative: bool = False
    #: A count or state that rises and falls (people held hostage, displaced, detained;
    #: who holds a town): each value holds on its day (``as_of``), and only values of one
    #: day can conflict.
    varies: bool = False
    #: Quantity: an absolute gap or a percentage ("10%"); date: days.
    tolerance: Tolerance | None = None
    #: Quantity: the side whose own losses it counts (``government_side_losses``: the
    #: government's side). That side giving a figure above every figure the other side
    #: gives speaks against its interest, and weighs as a neutral origin (DESIGN §4).
    losses_of: Name | None = None
    #: Other names it goes by, in any language (``tués``, ``FAMa``): for matching text
    #: to the store (``claimcheck extract``); never compared by the rules.
    aliases: list[Name] = field(default_factory=list)
    note: str | None = None

    def __post_init__(self) -> None:
        if self.type == "category" and not self.values:
            raise ValueError("a category property needs its list of 'values'")
        if self.type != "category" and self.values is not None:
            raise ValueError(f"'values' is only for category properties, not {self.type}")
        if self.cumulative and self.type != "quantity":
            raise ValueError("only a quantity property can be cumulative")
        if self.varies and self.cumulative:
            raise ValueError(
                "a property either grows ('cumulative': a toll) or rises and falls "
                "('varies': people held, displaced), not both"
            )
        if self.varies and self.type not in ("quantity", "category", "entity"):
            raise ValueError(
                f"only a quantity, category or entity property varies, not {self.type}"
            )
        if self.losses_of is not None and self.type != "quantity":
            raise ValueError("only a quantity property counts losses ('losses_of')")
        if self.tolerance is not None and self.type not in ("quantity", "date"):
            raise ValueError("'tolerance' is only for quantity and date properties")
        if self.type == "date" and isinstance(self.tolerance, str):
            raise ValueError("a date tolerance is a number of days, not a percentage")
        tolerance = self.tolerance
        if self.type == "date" and isinstance(tolerance, float) and tolerance > 36_500:
            raise ValueError("a date tolerance is at most 36500 days (a century)")
        if isinstance(tolerance, float) and tolerance > 1e15:
            raise ValueError("tolerance is out of range (at most 1e15)")


@dataclass(slots=True, config=_CONFIG_NO_STRIP)
class Claim:
    """One assertion from one source."""

    id: Id
    subject: Ref
    property: Ref
    value: RawValue
    #: Document id.
    source: Ref | None = None
    #: Party or outlet id; default: the document's outlet.
    claimant: Ref | None = None
    #: When the value holds; default: the document's publication date.
    as_of: DateSpan | None = None
    stance: Stance = "asserts"
    #: Verbatim, in the original language.
    quote: str | None = None
    locator: str | None = None
    note: str | None = None
    status: Status = "active"
    # Resolved by the store after loading; never read from a file.
    parsed: SkipJsonSchema[Value | None] = field(init=False, default=None, repr=False)
    outlet: SkipJsonSchema[str | None] = field(init=False, default=None, repr=False)
    claimant_given: SkipJsonSchema[bool] = field(init=False, default=True, repr=False)
    #: Whether ``as_of`` was written, not taken from the document's publication date.
    as_of_given: SkipJsonSchema[bool] = field(init=False, default=True, repr=False)
    #: Traces to a source (see :meth:`claimcheck.store.Store.is_cited`).
    cited: SkipJsonSchema[bool] = field(init=False, default=False, repr=False)

    @builtins.property
    def speaker(self) -> str:
        """Who speaks: the claimant, or the outlet when none is named. (Not an *origin*:
        several speakers — a party and its parts, outlets of one owner — may be one
        independent origin; :class:`~claimcheck.analysis.provenance.Provenance` says.)"""
        return self.claimant or self.outlet or f"unsourced:{self.id}"

    @builtins.property
    def active(self) -> bool:
        return self.status == "active"

    @builtins.property
    def quoting(self) -> bool:
        """Whether it quotes a claimant other than its outlet ("the ministry said")."""
        return self.claimant_given and self.claimant != self.outlet

    @builtins.property
    def value_text(self) -> str:
        """The value as read (``about 800``, ``2023-11-14``), or as written when the store
        has not read it (an unknown property)."""
        return str(self.parsed if self.parsed is not None else self.value)

    @builtins.property
    def stated(self) -> str:
        """:attr:`value_text`, with ``not`` before a denial: how findings, reports and
        reviews show what a claim says."""
        return ("not " if self.stance == "denies" else "") + self.value_text

    @builtins.property
    def said(self) -> str:
        """What the claim says, as finding fingerprints name it: its stance and its
        value's key (``asserts\x1e…``); two claims saying the same thing have the same."""
        value = self.parsed.key if self.parsed is not None else self.value
        return f"{self.stance}\x1e{value!r}"


@dataclass(slots=True, config=_CONFIG)
class Review:
    """A person's verdict on a finding, by fingerprint."""

    finding: Fingerprint
    verdict: Verdict
    note: str | None = None
    by: str | None = None
    on: Date | None = None
    #: The claims the finding had when it was reviewed: claims it gains later (new
    #: sources of a value in it) are shown as new, and the review still holds.
    claims: list[Ref] | None = None


#: The sections of a store, in order, each with the type of its records: the one list
#: the others are derived from.
RECORD_TYPES: dict[str, type] = {
    "outlets": Outlet,
    "documents": Document,
    "parties": Party,
    "subjects": Subject,
    "properties": Property,
    "claims": Claim,
    "reviews": Review,
}

SECTIONS = tuple(RECORD_TYPES)

#: One record of each section, in words (the record type's name: ``party``).
SINGULAR = {section: t.__name__.lower() for section, t in RECORD_TYPES.items()}

#: The section of a record named in the singular: ``party`` -> ``parties``.
SECTION_OF = {name: section for section, name in SINGULAR.items()}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a store file, for editors' YAML validation."""
    from pydantic import Field, TypeAdapter, create_model

    # Built here, not at import: only the schema needs it, and every check would pay.
    # (a section with nothing under it, ``reviews:`` once its example is deleted, is
    # empty: the loader reads it so, and editors should not flag it)
    sections: dict[str, Any] = {
        section: (list[record_type] | None, Field(default_factory=list))  # type: ignore[valid-type]
        for section, record_type in RECORD_TYPES.items()
    }
    store_file = create_model(
        "StoreFile",
        __config__=_CONFIG,
        __doc__="One YAML file of a store: any of the seven sections, each a list of records.",
        **sections,
    )

    schema = TypeAdapter(store_file).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "claimcheck store file"
    schema["description"] = (
        "A claimcheck store file (YAML): outlets, documents, parties, subjects, properties, "
        "claims and reviews. See the README for the format."
    )
    return schema
