"""Low, best and high estimates for quantities whose sources disagree, UCDP style.

For a single-valued quantity group with more than one distinct value among cited,
active, asserted claims (leaving out those graded improbable):

* **low** — the lowest credible figure reported: the smallest of the figures the
  claims state (a range gives its two ends, "30+" gives 30, "une dizaine" gives 10);
* **high** — the highest credible figure reported, read the same way;
* **best** — the figure stated by a claim that has the most independent origins
  consistent with it; ties go to the more conservative (lower) figure.

Each estimate names the claims behind each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.evidence import GroupEvidence
from claimcheck.grades import Grade
from claimcheck.model import Claim
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF, tolerance_amount


@dataclass
class Estimate:
    subject: str
    property: str
    low: float
    best: float
    high: float
    unit: str | None = None
    claims: dict[str, list[str]] = field(default_factory=dict)
    #: How many independent origins are consistent with the best figure.
    best_origins: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "property": self.property,
            "low": _num(self.low),
            "best": _num(self.best),
            "high": _num(self.high),
            "unit": self.unit,
            "claims": self.claims,
            "best_origins": self.best_origins,
        }


def _num(x: float) -> float | int:
    return int(x) if x == int(x) else x


def _figures(q: Quantity) -> tuple[float, float]:
    """The lowest and highest figures a statement reports."""
    if q.form == "range":
        return (q.low, q.high)
    p = _point(q)
    return (p, p)


def _point(q: Quantity) -> float:
    """The figure a statement commits to."""
    if q.nominal is not None:
        return q.nominal
    return q.low if q.high == INF else (q.low + q.high) / 2


def estimate_group(ev: GroupEvidence, grades: dict[str, Grade]) -> Estimate | None:
    """The estimate for a quantity group whose cited values differ, else None."""
    if ev.type != "quantity" or not ev.single:
        return None
    claims: list[Claim] = [
        c
        for st in ev.statements
        if st.stance == "asserts"
        for c in st.claims
        if c.cited and (c.id not in grades or grades[c.id].grade != 5)
    ]
    qs = {c.id: c.parsed for c in claims if isinstance(c.parsed, Quantity)}
    figures = {cid: _figures(q) for cid, q in qs.items()}
    if len(set(figures.values())) < 2:
        return None  # every claim reports the same figure
    low = min(lo for lo, _ in figures.values())
    high = max(hi for _, hi in figures.values())
    candidates = sorted({_point(q) for q in qs.values()})
    # Claims stating one value share its parsed object: test each value once per figure.
    stating: dict[int, tuple[Quantity, list[Claim]]] = {}
    for c in claims:
        q = qs[c.id]
        stating.setdefault(id(q), (q, []))[1].append(c)
    best, best_n, best_claims = candidates[0], -1, []
    for figure in candidates:
        consistent = [c for q, cs in stating.values() if _contains(ev, q, figure) for c in cs]
        n = ev.origin_count(consistent)
        if n > best_n:
            best, best_n = figure, n
            best_claims = [c.id for c in claims if _point(qs[c.id]) == figure]
    return Estimate(
        subject=ev.subject_id,
        property=ev.property_id,
        low=low,
        best=best,
        high=high,
        unit=ev.prop.unit if ev.prop else None,
        claims={
            "low": sorted(c for c, (lo, _) in figures.items() if lo == low),
            "best": sorted(best_claims),
            "high": sorted(c for c, (_, hi) in figures.items() if hi == high),
        },
        best_origins=best_n,
    )


def _contains(ev: GroupEvidence, q: Quantity, figure: float) -> bool:
    slack_low = tolerance_amount(ev.tolerance, q.low, figure)
    slack_high = tolerance_amount(ev.tolerance, q.high if q.high != INF else figure, figure)
    return q.low - slack_low <= figure <= q.high + slack_high
