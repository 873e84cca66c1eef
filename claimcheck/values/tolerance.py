"""How two quantities compare: whether some number satisfies both, within a tolerance
(an absolute amount, or a share of the larger figure: ``"10%"``).
"""

from __future__ import annotations

from claimcheck.values.quantity import INF, Quantity

#: Percentage tolerances ("10%") as shares, read once each.
_SHARES: dict[str, float] = {}


def tolerance_amount(tolerance: float | str | None, a: float, b: float) -> float:
    """The allowed gap between two facing bounds ``a`` and ``b``."""
    if tolerance is None:
        return 0.0
    if isinstance(tolerance, str):
        share = _SHARES.get(tolerance)
        if share is None:
            share = _SHARES[tolerance] = float(tolerance.rstrip("%")) / 100.0
        return share * max(abs(a), abs(b) if b != INF else 0.0)
    return float(tolerance)


def _above(x: Quantity, y: Quantity, tolerance: float | str | None) -> bool:
    """True when every value ``x`` allows is above every value ``y`` allows, beyond tolerance."""
    if y.high == INF:
        return False
    gap = x.low - y.high
    allowed = tolerance_amount(tolerance, x.low, y.high)
    if gap > allowed:
        return True
    return gap == 0 and allowed == 0 and (x.low_open or y.high_open)


def disjoint(a: Quantity, b: Quantity, tolerance: float | str | None = None) -> bool:
    """Whether no single number satisfies both ``a`` and ``b`` (within ``tolerance``)."""
    return _above(a, b, tolerance) or _above(b, a, tolerance)


def overlaps(a: Quantity, b: Quantity, tolerance: float | str | None = None) -> bool:
    """Whether some number satisfies both ``a`` and ``b`` (within ``tolerance``)."""
    return not disjoint(a, b, tolerance)
