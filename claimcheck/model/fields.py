"""The typed fields of a store's records: ids and references, names, dates and date
ranges, tolerances, fingerprints, raw values, and the vocabularies of kinds.

Each field type carries its validator (a message in a user's words) and its JSON Schema;
:mod:`claimcheck.model` builds the seven record types from them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from claimcheck.values import (
    ACCEPTED_DATE_FORMS,
    ACCEPTED_FORMS,
    DateError,
    DateRange,
    nfc,
)
from claimcheck.values.dates import OPEN_END_FORMS, day_error, parse_date

OutletKind = Literal[
    "news-agency",
    "broadcaster",
    "newspaper",
    "magazine",
    "video",
    "wire",
    "state-media",
    "party-channel",
    "ngo",
    "un",
    "encyclopedia",
    "social",
]
DocumentKind = Literal[
    "article",
    "video",
    "audio",
    "statement",
    "post",
    "report",
    "interview",
    "dataset",
    "encyclopedia-article",
    "other",
]
PartyKind = Literal[
    "state",
    "army",
    "armed-group",
    "mercenary",
    "un",
    "ngo",
    "medical",
    "journalist",
    "anonymous",
    "person",
    "political-party",
    "other",
]
SubjectKind = Literal["event", "place", "person", "group", "organisation", "agreement", "other"]
PropertyType = Literal["quantity", "date", "category", "entity", "text"]
Stance = Literal["asserts", "denies"]
Status = Literal["active", "retracted", "superseded"]
Verdict = Literal["explained", "accepted", "disputed"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]

#: Outlet kinds that are tertiary: they summarise others and are no source on their own.
TERTIARY_KINDS = frozenset({"encyclopedia"})

_RE_ID = re.compile(r"^[^\W_][\w.:-]*$")


def _check_id(value: str) -> str:
    value = nfc(value)
    if not _RE_ID.fullmatch(value):  # not .match: "$" also matches before a final "\n"
        raise ValueError(
            f"{value!r} is not a valid id: use letters, digits, '-', '_', '.' or ':', "
            "starting with a letter or digit, no spaces"
        )
    return value


#: References already found valid, by how they were written: a million claims name a few
#: hundred thousand records, so each spelling is checked once (bounded, for callers that
#: live long).
_VALID_REFS: dict[str, str] = {}
_MAX_VALID_REFS = 200_000


def _check_ref(value: str) -> str:
    """An id naming another record: :func:`_check_id`, once for each spelling."""
    known = _VALID_REFS.get(value)
    if known is not None:
        return known
    checked = _check_id(value)
    if len(_VALID_REFS) >= _MAX_VALID_REFS:
        _VALID_REFS.clear()
    _VALID_REFS[value] = checked
    return checked


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # (as a claim's `as_of` is read)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(day_error(text))


def _date_range(value: Any) -> DateRange:
    if isinstance(value, DateRange):
        return value
    try:
        return parse_date(value)
    except DateError as e:
        raise ValueError(str(e)) from None


def _extent(value: Any) -> DateRange:
    """A subject's extent: a date range that may have an open end."""
    if isinstance(value, DateRange):
        return value
    try:
        return parse_date(value, open_ends=True)
    except DateError as e:
        raise ValueError(str(e)) from None


def _tolerance(value: Any) -> float | str:
    if isinstance(value, bool):
        raise ValueError("tolerance must be a number or a percentage like '10%'")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError("tolerance must be a finite number, zero or more")
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?%", value.strip()):
        return value.strip()
    raise ValueError(f"tolerance {value!r}: use a number or a percentage like '10%'")


Id = Annotated[
    str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": _RE_ID.pattern})
]
#: The id of another record: the same rules, checked once for each spelling.
Ref = Annotated[
    str, AfterValidator(_check_ref), WithJsonSchema({"type": "string", "pattern": _RE_ID.pattern})
]
Name = Annotated[str, AfterValidator(nfc)]


def _fingerprint(value: str) -> str:
    text = value.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{16}", text):
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise ValueError(
            f"{shown!r} is not a fingerprint: 16 hexadecimal digits, as `check` prints them"
        )
    return text


def _written_as_text(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        quoted = (
            f"'{value:016d}'"  # (its digits, the leading zeros YAML dropped put back)
            if isinstance(value, int) and 0 <= value < 10**16
            else "in quotes, as `check` printed it"
        )
        raise ValueError(
            "a fingerprint YAML reads as a number (digits only, or digits and an e) must "
            f"be quoted ({quoted}): unquoted, YAML drops any leading zeros"
        )
    return value


#: A finding's fingerprint: 16 hexadecimal digits, compared in lower case.
Fingerprint = Annotated[
    str,
    BeforeValidator(_written_as_text),
    AfterValidator(_fingerprint),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-fA-F]{16}$"}),
]
Date = Annotated[
    dt.date,
    PlainValidator(_iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
_DAY = r"\d{4}(-\d{2}(-\d{2})?)?"


def _date_schema(pattern: str, description: str) -> WithJsonSchema:
    """A date value's JSON Schema: text matching ``pattern``, or a bare year."""
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": pattern},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": description,
        }
    )


DateSpan = Annotated[
    DateRange,
    PlainValidator(_date_range),
    PlainSerializer(lambda d: str(d), return_type=str),
    _date_schema(rf"^({_DAY}(/{_DAY})?|unknown)$", f"a date or range: {ACCEPTED_DATE_FORMS}"),
]
#: A subject's extent: a date or range, whose end (or start) may be open.
Extent = Annotated[
    DateRange,
    PlainValidator(_extent),
    PlainSerializer(lambda d: str(d), return_type=str),
    _date_schema(
        rf"^({_DAY}(/({_DAY}|\.\.))?|\.\./{_DAY}|unknown)$",
        f"a date or range: {ACCEPTED_DATE_FORMS}; or {OPEN_END_FORMS}",
    ),
]
Tolerance = Annotated[
    float | str,
    PlainValidator(_tolerance),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": r"^\d+(\.\d+)?%$"},
            ]
        }
    ),
]
RawValue = Annotated[
    Any,
    WithJsonSchema(
        {
            "description": f"read by the property's type; quantities accept {ACCEPTED_FORMS}",
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        k: {"type": "number", "minimum": 0}
                        for k in (
                            "at_least",
                            "at_most",
                            "more_than",
                            "less_than",
                            "min",
                            "max",
                            "approx",
                            "exact",
                        )
                    },
                    "additionalProperties": False,
                },
            ],
        }
    ),
]
