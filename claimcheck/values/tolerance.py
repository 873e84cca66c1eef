"""How two values compare within a tolerance (an absolute amount, days for dates, or a
share of the larger figure: ``"10%"``) — one law for the library's :func:`disjoint` and
the rules' comparisons (:meth:`~claimcheck.analysis.value_relations.ValueRelations.limits`).

A value is read as its bounds (:func:`bounds`): a lower and an upper :data:`Bound`,
each a figure and which way it is open, so that "more than 20" lies wholly above 20
and "fewer than 30" wholly below 30. :func:`window` widens a value's bounds by the
tolerance (where the values supporting it may lie); :func:`limits` says where a value
stops holding with it.
"""

from __future__ import annotations

from claimcheck.values.dates import DateRange
from claimcheck.values.quantity import INF, Quantity

#: A bound as compared: the figure, and for a lower bound 1 when it is excluded ("more
#: than 20"), for an upper bound -1 ("fewer than 30"); 0 when included.
Bound = tuple[float, int]

#: Percentage tolerances ("10%") as shares, read once each.
_SHARES: dict[str, float] = {}


def share(tolerance: float | str | None) -> float | None:
    """A percentage tolerance as a share of the larger figure ("10%": 0.1), else None."""
    if not isinstance(tolerance, str):
        return None
    found = _SHARES.get(tolerance)
    if found is None:
        found = _SHARES[tolerance] = float(tolerance.rstrip("%")) / 100.0
    return found


def _none(tolerance: float | str | None) -> bool:
    """No tolerance at all: none, 0 or "0%" (open bounds stay open)."""
    return not tolerance or share(tolerance) == 0


def bounds(value: object) -> tuple[Bound, Bound]:
    """A quantity's or date's lower and upper bound, as compared."""
    if isinstance(value, Quantity):
        return (value.low, 1 if value.low_open else 0), (value.high, -1 if value.high_open else 0)
    assert isinstance(value, DateRange)
    return (float(value.low.toordinal()), 0), (float(value.high.toordinal()), 0)


def window(
    lo: Bound, hi: Bound, tolerance: float | str | None, days: bool = False
) -> tuple[Bound, Bound]:
    """The bounds within which a value's support lies: its own, widened by the tolerance
    (whole days for dates)."""
    if tolerance is None or _none(tolerance):
        return lo, hi
    part = share(tolerance)
    if part is not None:
        high = hi[0] / (1 - part) if part < 1 and hi[0] != INF else INF
        return (lo[0] * (1 - part), 0), (high, 0)
    t = float(int(float(tolerance))) if days else float(tolerance)
    return (lo[0] - t, 0), (hi[0] + t if hi[0] != INF else INF, 0)


def limits(
    lo: Bound, hi: Bound, tolerance: float | str | None, days: bool = False
) -> tuple[Bound, Bound]:
    """``(below, above)``: an interval whose upper bound is under ``below``, or whose lower
    bound is over ``above``, cannot hold with the value of bounds ``lo`` and ``hi`` —
    within the tolerance (whole days for dates) of it."""
    if tolerance is None or _none(tolerance):
        return lo, hi
    part = share(tolerance)
    if part is not None:
        above = hi[0] / (1 - part) if part < 1 and hi[0] != INF else INF
        return (lo[0] * (1 - part), -1), (above, 1)
    if days:
        t = float(int(float(tolerance)))
        return (lo[0] - t, 0), (hi[0] + t, 0)
    t = float(tolerance)
    return (lo[0] - t, -1), (hi[0] + t, 1)


def disjoint(a: Quantity, b: Quantity, tolerance: float | str | None = None) -> bool:
    """Whether no single number satisfies both ``a`` and ``b`` (within ``tolerance``)."""
    lo, hi = bounds(a)
    below, above = limits(*bounds(b), tolerance)
    return hi < below or lo > above


def overlaps(a: Quantity, b: Quantity, tolerance: float | str | None = None) -> bool:
    """Whether some number satisfies both ``a`` and ``b`` (within ``tolerance``)."""
    return not disjoint(a, b, tolerance)
