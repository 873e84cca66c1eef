"""Claims built in bulk: the claim model's checks, done per column instead of per claim.

Nearly every claim of a bulk store is plain — ASCII ids, text where text goes, no field
the model does not know. :func:`build_claims` checks a list of records by columns (the
ids all at once, each distinct subject, property, source, claimant and date once) and
builds the :class:`~claimcheck.model.Claim` objects directly: about half the time of
validating each record with the model (see ``benchmarks/RESULTS.md``), and texts that
repeat are held once. It accepts only what the model would accept *unchanged*, and
builds exactly what the model would; for anything else (a problem, a non-ASCII id to
normalise, a record that is not a mapping) it returns None and the caller validates
those records with the model as before, which finds and places the problems. So
messages and results do not depend on which way a record went.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from claimcheck.model import Claim
from claimcheck.model.fields import DateSpan, Stance, Status

#: The fields a claim record must have; those it may have, in the model's order.
_REQUIRED = frozenset(("id", "subject", "property", "value"))
_OPTIONAL = ("source", "claimant", "as_of", "stance", "quote", "locator", "note", "status")
FIELDS = frozenset((*_REQUIRED, *_OPTIONAL))
_DEFAULTS: dict[str, Any] = dict.fromkeys(_OPTIONAL)
_DEFAULTS.update(stance="asserts", status="active")
_REFS = frozenset(("source", "claimant"))
_CHOICES = {
    "stance": frozenset(get_args(Stance)),
    "status": frozenset(get_args(Status)),
}
_TEXT = {str, type(None)}

#: An id the model keeps as it is: ASCII (NFC already), of the model's id pattern.
_ASCII_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]*"
_IDS = re.compile(rf"(?:{_ASCII_ID}\n)*")


def build_claims(records: Sequence[Any], pool: dict[Any, Any] | None = None) -> list[Claim] | None:
    """The claims the model would validate ``records`` into, or None when one of them is
    not plainly valid (let the model validate them, and report what it finds).

    Equal texts of the fields that repeat (subject, property, source, claimant, a value)
    become one string, kept in ``pool`` across calls: a million claims name a few
    hundred thousand records, and each copy costs 50 bytes.
    """
    if not records:
        return []
    if set(map(type, records)) != {dict}:
        return None
    present: set[str] = set().union(*records)
    if not present <= FIELDS or not present >= _REQUIRED:
        return None
    pool = {} if pool is None else pool
    share = pool.setdefault
    try:
        ids = [r["id"] for r in records]
        subjects = [r["subject"] for r in records]
        properties = [r["property"] for r in records]
        values = [r["value"] for r in records]
    except KeyError:  # a required field missing from some record
        return None
    if not _all_ids(ids) or not _refs(subjects, False) or not _refs(properties, False):
        return None
    subjects = list(map(share, subjects, subjects))
    properties = list(map(share, properties, properties))
    # Only strings: 1 and 1.0 are equal keys, and the value must keep its type.
    values = [share(v, v) if type(v) is str else v for v in values]
    columns: dict[str, Iterable[Any]] = {}
    for name in _OPTIONAL:
        if name not in present:
            columns[name] = repeat(_DEFAULTS[name])
            continue
        column = [r.get(name, _DEFAULTS[name]) for r in records]
        if name in _REFS:
            if not _refs(column, True):
                return None
            column = list(map(share, column, column))
        elif name in _CHOICES:
            if not _among(column, _CHOICES[name]):
                return None
        elif name == "as_of":
            dates = _dates(column)
            if dates is None:
                return None
            column = dates
        elif not set(map(type, column)) <= _TEXT:
            return None
        columns[name] = column
    new: Callable[[type[Claim]], Claim] = object.__new__
    claims: list[Claim] = []
    append = claims.append
    for cid, subject, prop, value, source, claimant, as_of, stance, q, loc, note, status in zip(
        ids,
        subjects,
        properties,
        values,
        *(columns[name] for name in _OPTIONAL),
        strict=False,  # an absent field's column repeats its default without end
    ):
        claim = new(Claim)
        claim.id = cid
        claim.subject = subject
        claim.property = prop
        claim.value = value
        claim.source = source
        claim.claimant = claimant
        claim.as_of = as_of
        claim.stance = stance
        claim.quote = q
        claim.locator = loc
        claim.note = note
        claim.status = status
        claim.parsed = None
        claim.outlet = None
        claim.claimant_given = True
        claim.as_of_given = True
        claim.cited = False
        append(claim)
    return claims


def _all_ids(ids: list[Any]) -> bool:
    """Every one a string the model keeps as it is (checked at once, as one text)."""
    if not ids:
        return True
    try:
        text = "\n".join(ids)
    except TypeError:  # not all strings
        return False
    # One line an id: an id holding a line break is no id.
    return text.count("\n") == len(ids) - 1 and _IDS.fullmatch(text + "\n") is not None


def _refs(column: list[Any], optional: bool) -> bool:
    """Each distinct value an id the model keeps as it is (or None, if ``optional``)."""
    try:
        distinct = set(column)
    except TypeError:  # a mapping or list: not an id
        return False
    if optional:
        distinct.discard(None)
    return _all_ids(list(distinct))


def _among(column: list[Any], allowed: frozenset[str]) -> bool:
    try:
        distinct = set(column)
    except TypeError:  # a mapping or list
        return False
    return distinct <= allowed and set(map(type, distinct)) == {str}


def _dates(column: list[Any]) -> list[Any] | None:
    """``as_of`` read as the model reads it, once per distinct value; None if one is not
    a date (or not a value to read once: a mapping, a list)."""
    read: dict[tuple[type, Any], Any] = {}
    as_of: TypeAdapter[Any] | None = None
    out: list[Any] = []
    append = out.append
    for raw in column:
        if raw is None:
            append(None)
            continue
        key = (type(raw), raw)
        try:
            found = read.get(key)
        except TypeError:
            return None
        if found is None:
            if as_of is None:
                as_of = TypeAdapter(DateSpan)
            try:
                found = read[key] = as_of.validate_python(raw)
            except ValidationError:
                return None
        append(found)
    return out
