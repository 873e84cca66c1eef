"""A claim's grade as a record: its number and label, its reason in words and the origins
counted — one shared object for each distinct grade (:func:`shared_grade`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

LABELS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


@dataclass(frozen=True)
class Grade:
    """A claim's grade, the reason in words, and the origins counted.

    Its fields are its JSON shape (``label`` follows from ``grade``), so that orjson
    writes grades without a dict per claim; and without ``__slots__``, because orjson
    writes an instance's ``__dict__`` directly but reads slots one by one, about three
    times slower (benchmarks/RESULTS.md, "Why the constants"). Claims with the same
    grade for the same reason share one object (see :func:`shared_grade`).
    """

    grade: int
    label: str = field(init=False)
    reason: str
    supporting_origins: int = 0
    contradicting_origins: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", LABELS[self.grade])

    def as_dict(self) -> dict[str, object]:
        return {
            "grade": self.grade,
            "label": self.label,
            "reason": self.reason,
            "supporting_origins": self.supporting_origins,
            "contradicting_origins": self.contradicting_origins,
        }


@lru_cache(maxsize=4096)
def shared_grade(
    grade: int, reason: str, supporting_origins: int = 0, contradicting_origins: int = 0
) -> Grade:
    """The one :class:`Grade` object for these fields.

    A store has few distinct grades (the 100,000-claim benchmark store: 59), so claims
    share them: a million claims then hold dozens of grade objects, not hundreds of
    thousands, and a forked process sends each of its grades as a reference to one of
    them (see :mod:`claimcheck.engine`).
    """
    return Grade(grade, reason, supporting_origins, contradicting_origins)
