"""An estimate: its low, best and high, the claims behind each and its basis in words;
and how its figures read ("20", "more than 20", "open (50 or more)")."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Estimate:
    """The low, best and high of one (subject, property) group, and what they rest on."""

    subject: str
    property: str
    low: float
    best: float
    high: float | None
    high_open: bool = False
    #: Whether every claim at the low excludes it ("more than 20": not 20 itself).
    low_open: bool = False
    #: Whether the best is a bound every claim behind it excludes (only "more than 20"
    #: is left to give the best: more than 20, not 20).
    best_open: bool = False
    #: Whether the low is a ceiling the claims at it state ("fewer than 10", with
    #: ``low_open``, or "at most 10"): they allow anything under it, and state no lower
    #: figure.
    low_ceiling: bool = False
    #: Whether the best is such a ceiling (only ceilings are left to give it).
    best_ceiling: bool = False
    #: With an open high: the highest bound the open claims state ("at least 50": 50).
    high_floor: float | None = None
    #: Whether every open claim at that bound excludes it ("more than 50": not 50 itself).
    high_floor_open: bool = False
    unit: str | None = None
    claims: dict[str, list[str]] = field(default_factory=dict)
    #: How many independent units support the best figure.
    best_origins: int = 0
    basis: str = ""
    #: For a property whose values vary (``varies``), the day the figures hold: its
    #: latest with figures.
    as_of: str | None = None

    def best_text(self) -> str:
        """``20``, ``more than 20`` when the claims behind the best exclude it, or a
        ceiling: ``fewer than 20``, ``at most 20``."""
        return bound_text(self.best, self.best_open, ceiling=self.best_ceiling)

    def low_text(self) -> str:
        """``20``, ``more than 20`` when the claims at the low exclude it, or a ceiling:
        ``fewer than 20``, ``at most 20``."""
        return bound_text(self.low, self.low_open, ceiling=self.low_ceiling)

    def high_text(self) -> str:
        """``14``, or ``open (50 or more)`` when a credible claim leaves it open."""
        if self.high is not None:
            return figure_text(self.high)
        if self.high_floor is not None:
            if self.high_floor_open:
                return f"open (more than {figure_text(self.high_floor)})"
            return f"open ({figure_text(self.high_floor)} or more)"
        return "open (no upper end)"

    def as_dict(self) -> dict[str, object]:
        dated = {"as_of": self.as_of} if self.as_of is not None else {}
        return {
            "subject": self.subject,
            "property": self.property,
            "low": _num(self.low),
            "low_open": self.low_open,
            "low_ceiling": self.low_ceiling,
            "best": _num(self.best),
            "best_open": self.best_open,
            "best_ceiling": self.best_ceiling,
            "high": None if self.high is None else _num(self.high),
            "high_open": self.high_open,
            "high_floor": None if self.high_floor is None else _num(self.high_floor),
            "high_floor_open": self.high_floor_open,
            "unit": self.unit,
            "claims": self.claims,
            "best_origins": self.best_origins,
            "basis": self.basis,
            **dated,
        }


def bound_text(x: float, excluded: bool, *, ceiling: bool = False) -> str:
    """``20``, or ``more than 20`` when the bound is ``excluded``; a ``ceiling``:
    ``fewer than 20`` (excluded), ``at most 20``."""
    if ceiling:
        return f"{'fewer than' if excluded else 'at most'} {figure_text(x)}"
    return f"more than {figure_text(x)}" if excluded else figure_text(x)


def _num(x: float) -> float | int:
    return int(x) if x == int(x) else x


def figure_text(x: float) -> str:
    """A figure in words' company: ``120,000``, ``12``, ``2.5``."""
    return f"{_num(x):,}"
