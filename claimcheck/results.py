"""What a check found: :class:`Result`, and for a candidate check what the candidates
would change (:class:`CandidateReport`) — the records every report and format reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice
from operator import itemgetter, lt
from typing import Any

from claimcheck.analysis.estimates import Estimate
from claimcheck.analysis.grades import Grade
from claimcheck.analysis.provenance import Provenance
from claimcheck.config import Config
from claimcheck.findings import (
    JSON_VERSION,
    SEVERITIES,
    SEVERITY_RANK,
    Finding,
    StaleReview,
    ValueChange,
)
from claimcheck.rules import codes_in
from claimcheck.rules.cc201_single_origin import SingleOrigin
from claimcheck.rules.cc203_circular_corroboration import CircularCorroboration
from claimcheck.store import Store


@cache
def _conflict_rules() -> frozenset[str]:
    """The rules whose findings say that claims cannot both hold."""
    return codes_in("conflict")


@dataclass
class Corroboration:
    """A store claim whose grade candidates would change: raise (supporting its value)
    or lower (contradicting it, or revising it as its own origin's newer figure)."""

    claim: str
    before: Grade
    after: Grade
    by: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "before": self.before.grade,
            "after": self.after.grade,
            "by": self.by,
            "reason": self.after.reason,
        }


@dataclass
class CandidateReport:
    """What candidate files would change."""

    files: list[str]
    claims: list[str]
    corroborates: list[Corroboration] = field(default_factory=list)
    #: Store claims whose grade the candidates would lower.
    weakens: list[Corroboration] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    #: Fingerprints of the findings shown that the store has without the candidates
    #: (a candidate repeating a value joins a conflict already there): not new.
    existing: list[str] = field(default_factory=list)
    #: Findings that continue a dispute the store has and a person reviewed, but under a
    #: new fingerprint (a value joins it), so that the review no longer applies: the
    #: shown finding's fingerprint -> the reviewed one's. New: the dispute is reopened.
    reopened: dict[str, str] = field(default_factory=dict)
    #: What changed in each reopened dispute, where the store tells: the values that
    #: entered it and those that left, by the shown finding's fingerprint.
    reopened_changes: dict[str, tuple[list[ValueChange], list[ValueChange]]] = field(
        default_factory=dict
    )
    #: The store's other reviews the candidates would leave matching no finding once
    #: added (a gap whose figure was revised, a dispute that took a new value):
    #: :func:`~claimcheck.reviews.reviews_made_stale`.
    staled: list[StaleReview] = field(default_factory=list)
    #: The store's corroboration gaps the candidates close (a CC201 on a value a new
    #: origin confirms): rule, fingerprint, message, location, and the candidates' claims
    #: in the group.
    resolves: list[dict[str, Any]] = field(default_factory=list)
    #: The estimates the candidates move: each touched group's before (None: the store
    #: had none) and after (None: it has none with them), where the two differ.
    moves: list[tuple[Estimate | None, Estimate | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "claims": self.claims,
            "corroborates": [c.as_dict() for c in self.corroborates],
            "weakens": [c.as_dict() for c in self.weakens],
            "duplicates": self.duplicates,
            "existing_findings": self.existing,
            "resolves": self.resolves,
            "reopened_findings": [
                {
                    "fingerprint": fp,
                    "reviewed": was,
                    "entered": [dict(c) for c in self.reopened_changes.get(fp, ([], []))[0]],
                    "left": [dict(c) for c in self.reopened_changes.get(fp, ([], []))[1]],
                }
                for fp, was in sorted(self.reopened.items())
            ],
            "reviews_made_stale": [r.as_dict() for r in self.staled],
            "estimates_moved": [
                {
                    "subject": (before or after).subject,  # type: ignore[union-attr]
                    "property": (before or after).property,  # type: ignore[union-attr]
                    "before": before.as_dict() if before is not None else None,
                    "after": after.as_dict() if after is not None else None,
                }
                for before, after in self.moves
            ],
        }

    def is_new(self, finding: Finding) -> bool:
        return finding.fingerprint not in self.existing


@dataclass
class Result:
    """Everything a run found."""

    store: Store
    config: Config
    findings: list[Finding]
    #: Each claim's grade, by claim id (in id order, as :func:`check` leaves them).
    grades: dict[str, Grade]
    estimates: list[Estimate]
    #: The store's provenance graph, as the rules saw it: the reports and exports read
    #: this one rather than build their own.
    provenance: Provenance
    stale_reviews: list[StaleReview] = field(default_factory=list)
    candidate: CandidateReport | None = None
    #: The claims that relay another origin's value (an outlet's own words citing the
    #: dispatch it has them from, or printing an origin's figure it has revised since),
    #: each with the claim whose figure it carries (None when it is credited to one by a
    #: choice among equals: two papers citing one dispatch): not that outlet's word (see
    #: track_records), and the CSV export and the report say whose it is.
    relays: Mapping[str, str | None] = field(default_factory=dict)

    @cached_property
    def findings_by_claim(self) -> dict[str, list[Finding]]:
        """The findings involving each claim, by claim id, in finding order."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            for cid in f.claims:
                out.setdefault(cid, []).append(f)
        return out

    def rules_of(self, claim_id: str) -> set[str]:
        """The codes of the rules whose findings involve a claim."""
        return {f.rule for f in self.findings_by_claim.get(claim_id, ())}

    def contested(self, claim_id: str) -> bool:
        """Whether another origin contradicts a claim: its grade counts one against it,
        or a conflict finding names it (a count of its day that a later figure overtook
        weighs nothing against it in the grades, but the dispute still names it)."""
        grade = self.grades.get(claim_id)
        if grade is not None and grade.contradicting_origins > 0:
            return True
        conflicts = _conflict_rules()
        return any(f.rule in conflicts for f in self.findings_by_claim.get(claim_id, ()))

    def single_origin(self, claim_id: str) -> bool:
        """Whether a gap finding says a claim's value is short of corroboration: a
        single-origin finding (CC201), or a circular one tracing it to too few origins
        however many outlets carried it (CC203, continuing such a CC201) — an echo does
        not make a value better sourced."""
        return any(
            f.rule == SingleOrigin.code or (f.rule == CircularCorroboration.code and f.kin_origins)
            for f in self.findings_by_claim.get(claim_id, ())
        )

    def failing(self, fail_on: str | None = None) -> list[Finding]:
        """Unreviewed findings at or above ``fail_on`` (default: the configured level);
        for a candidate check, only those the candidates bring (what ``add`` refuses)."""
        level = fail_on or self.config.fail_on
        candidate = self.candidate
        return [
            f
            for f in self.findings
            if f.counts_at(level) and (candidate is None or candidate.is_new(f))
        ]

    def exit_code(self, fail_on: str | None = None) -> int:
        level = fail_on or self.config.fail_on
        # (a candidate's review naming no finding is refused as a new finding is)
        stale = bool(self.stale_reviews) and (
            (self.candidate is not None and level != "none")
            or SEVERITY_RANK[level] <= SEVERITY_RANK["warning"]
        )
        return 1 if self.failing(level) or stale else 0

    def summary(self) -> dict[str, Any]:
        by_severity = dict.fromkeys(reversed(SEVERITIES), 0)
        by_rule: dict[str, int] = {}
        for f in self.findings:
            by_severity[f.severity] += 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        counts = Counter(g.grade for g in self.grades.values())
        grades = {str(g): counts[g] for g in range(1, 7)}
        store = self.store
        return {
            "store": str(store.root),
            "claims": store.claim_count,
            "documents": len(store.documents),
            "outlets": len(store.outlets),
            "findings": len(self.findings),
            "by_severity": by_severity,
            "by_rule": dict(sorted(by_rule.items())),
            "reviewed": sum(1 for f in self.findings if f.reviewed),
            "stale_reviews": len(self.stale_reviews),
            "grades": grades,
            "fail_on": self.config.fail_on,
            "failing": len(self.failing()),
        }

    def as_dict(self, *, plain: bool = True) -> dict[str, Any]:
        """The JSON shape of DESIGN §5, as plain data; with ``plain=False`` the grades stay
        :class:`Grade` records (whose fields are their JSON), for orjson to write."""
        grades = by_id(self.grades)
        out: dict[str, Any] = {
            "version": JSON_VERSION,
            "summary": self.summary(),
            "findings": [f.as_dict() for f in self.findings],
            "estimates": [e.as_dict() for e in self.estimates],
            "grades": {cid: g.as_dict() for cid, g in grades.items()} if plain else grades,
            "stale_reviews": [r.as_dict() for r in self.stale_reviews],
        }
        if self.candidate is not None:
            out["candidate"] = self.candidate.as_dict()
        return out


def by_id(grades: Mapping[str, Grade]) -> Mapping[str, Grade]:
    """The grades in the order of their claim ids: ``grades`` itself if it already is
    (as :func:`check` leaves them; checking the order costs far less than a copy:
    benchmarks/RESULTS.md, "Why the constants")."""
    ids = list(grades)
    if all(map(lt, ids, islice(ids, 1, None))):
        return grades
    return dict(sorted(grades.items(), key=itemgetter(0)))
