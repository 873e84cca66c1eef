"""The orders in which findings name and place claims: by value (lowest first, as a
message lists them), by time (a revision's steps), and an origin's own word before a
relay of it on the same day. Never file order."""

from __future__ import annotations

import datetime as dt

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim
from claimcheck.values import DateRange, Quantity


def value_order(c: Claim) -> tuple[float, str, str]:
    """Claims as :func:`~claimcheck.rules.naming.listing` names them: lowest value first,
    then by text and id."""
    v = c.parsed
    if isinstance(v, Quantity):
        return (v.low, str(v), c.id)
    if isinstance(v, DateRange):
        return (float(v.low.toordinal()), str(v), c.id)
    return (0.0, str(v), c.id)


def step_order(c: Claim) -> tuple[object, ...]:
    """Claims in time order, then by value and id: messages never follow file order."""
    as_of = c.as_of
    when = (as_of.low, as_of.high) if as_of is not None and as_of.known else (dt.date.max,) * 2
    return (*when, *value_order(c))


def said_order(ev: GroupEvidence, c: Claim) -> tuple[object, ...]:
    """:func:`step_order`, an origin's own word before a relay of it on the same day (a
    finding is placed at the ministry's statement, not the wire's copy of it)."""
    order = step_order(c)
    return (*order[:2], c.id in ev.relayed_from, *order[2:])
