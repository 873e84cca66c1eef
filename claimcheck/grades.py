"""Information-credibility grades in the Admiralty style, computed per claim.

1 confirmed: independent origins enough to count as corroborated support it and no
  origin contradicts it.
2 probably true: consistent and supported by other claims, not independently confirmed;
  or contested, but more independent origins support it than contradict it.
3 possibly true: a single origin, uncontradicted.
4 doubtful: contradicted, by one independent origin at least as many as support it.
5 improbable: contradicted by several independent origins, at least as many as support it.
6 cannot be judged: an unknown value, free text, a claim that is no longer active, or an
  uncited claim that nothing cited supports.

Support and contradiction count *cited* claims only, by independent origin
(:mod:`claimcheck.evidence`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.evidence import GroupEvidence
from claimcheck.model import Claim

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
    writes an instance's ``__dict__`` directly but reads slots one by one (a million
    grades: 0.4 s against 1.1 s). Claims with the same grade for the same reason share
    one object (see :func:`shared_grade`).
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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _verb(n: int, verb: str) -> str:
    return verb + ("s" if n == 1 else "")


def grade_group(ev: GroupEvidence) -> dict[str, Grade]:
    """The grade of every claim in a group."""
    out: dict[str, Grade] = {}
    statement_of = ev.statement_by_claim
    cache: dict[int, Grade] = {}
    if len(ev.all_claims) != len(ev.claims):  # some are inactive, or their value unread
        for claim in ev.all_claims:
            if not claim.active:
                out[claim.id] = shared_grade(6, f"cannot be judged: the claim is {claim.status}")
            elif claim.parsed is None:
                out[claim.id] = shared_grade(6, "cannot be judged: the value could not be read")
    for claim in ev.claims:
        st = statement_of.get(claim.id)
        if st is None:
            out[claim.id] = shared_grade(6, "cannot be judged: the value is unknown or free text")
            continue
        cited = claim.cited
        memo = (id(st) << 1) | cited
        if memo not in cache:
            cache[memo] = _grade(ev, claim, st, cited)
        out[claim.id] = cache[memo]
    return out


def _grade(ev: GroupEvidence, claim: Claim, st: object, cited: bool) -> Grade:
    from claimcheck.evidence import Statement

    assert isinstance(st, Statement)
    support = ev.support(st)
    n_for = ev.support_origin_count(st)
    n_against = ev.contradicting_origin_count(st)
    others = len(support) - (1 if cited else 0)
    needed = ev.thresholds.corroborated_at
    if not support:
        if n_against:
            grade = 5 if n_against >= 2 else 4
            return shared_grade(
                grade, f"uncited and contradicted by {_plural(n_against, 'origin')}", 0, n_against
            )
        return shared_grade(6, "cannot be judged: uncited, and no cited claim supports it")
    if n_against == 0:
        # Contradicted only by an origin that also supports it (CC107): no other origin.
        also = "; an origin of it also says otherwise" if ev.contradictors(st) else ""
        if n_for >= needed:
            return shared_grade(
                1, f"confirmed by {_plural(n_for, 'independent origin')}{also}", n_for, 0
            )
        if others > 0 or not cited:
            return shared_grade(
                2,
                f"supported by {_plural(len(support), 'claim')} from "
                f"{_plural(n_for, 'origin')}, not independently confirmed{also}",
                n_for,
                0,
            )
        if also:
            return shared_grade(
                3, "a single origin, contradicted by no other (it also says otherwise)", n_for, 0
            )
        return shared_grade(3, "a single origin, uncontradicted", n_for, 0)
    if n_for > n_against:
        return shared_grade(
            2,
            f"{_plural(n_for, 'origin')} {_verb(n_for, 'support')} it, "
            f"{_plural(n_against, 'origin')} {_verb(n_against, 'contradict')} it",
            n_for,
            n_against,
        )
    if n_against >= 2:
        return shared_grade(
            5,
            f"contradicted by {_plural(n_against, 'independent origin')}, supported by {n_for}",
            n_for,
            n_against,
        )
    return shared_grade(
        4, f"contradicted by {_plural(n_against, 'origin')}, supported by {n_for}", n_for, n_against
    )
