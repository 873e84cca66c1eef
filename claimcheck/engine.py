"""The engine: run the rules over a store, stamp findings, attach reviews, grade claims.

:func:`check` runs every enabled rule on every (subject, property) group and the
store-level rules once; :func:`check_candidates` judges candidate files against a
store without writing anything, reporting only what involves them, what they would
corroborate and what they duplicate.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter, lt
from pathlib import Path
from typing import Any

from claimcheck.analysis.estimates import Estimate, estimate_group
from claimcheck.analysis.evidence import Evidence
from claimcheck.analysis.grades import Grade, grade_group
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Thresholds
from claimcheck.config import Config
from claimcheck.findings import (
    JSON_VERSION,
    SEVERITY_RANK,
    Finding,
    ReviewMark,
    StaleReview,
    fingerprint,
)
from claimcheck.forked import cpus, map_shared
from claimcheck.model import Review
from claimcheck.rules import Context, Draft, Rule, all_rules
from claimcheck.store import GroupKey, Store, gc_paused, load_store


@dataclass
class Corroboration:
    """A store claim whose grade a candidate would raise."""

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
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    #: Fingerprints of the findings shown that the store has without the candidates
    #: (a candidate repeating a value joins a conflict already there): not new.
    existing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "claims": self.claims,
            "corroborates": [c.as_dict() for c in self.corroborates],
            "duplicates": self.duplicates,
            "existing_findings": self.existing,
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
    stale_reviews: list[StaleReview] = field(default_factory=list)
    candidate: CandidateReport | None = None

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
        stale = bool(self.stale_reviews) and SEVERITY_RANK[level] <= SEVERITY_RANK["warning"]
        return 1 if self.failing(level) or stale else 0

    def summary(self) -> dict[str, Any]:
        by_severity = {s: 0 for s in ("error", "warning", "info")}
        by_rule: dict[str, int] = {}
        for f in self.findings:
            by_severity[f.severity] += 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        counts = Counter(g.grade for g in self.grades.values())
        grades = {str(g): counts[g] for g in range(1, 7)}
        store = self.store
        return {
            "store": str(store.root),
            "claims": len(store.claims) if store.total_claims is None else store.total_claims,
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
    (as :func:`check` leaves them; checking the order costs a tenth of building a copy)."""
    ids = list(grades)
    if all(map(lt, ids, islice(ids, 1, None))):
        return grades
    return dict(sorted(grades.items(), key=itemgetter(0)))


def thresholds(config: Config, reviews: Sequence[Review]) -> Thresholds:
    return Thresholds(
        default_tolerance=config.option("CC101", "default_tolerance", None),
        corroborated_at=config.option("CC201", "corroborated_at", 2),
        disputed_relays=frozenset(r.finding for r in reviews if r.verdict == "disputed"),
        cumulative_growth=config.option("CC101", "cumulative_growth", True),
    )


class _Runner:
    def __init__(self, store: Store, config: Config, focus: frozenset[str] | None = None) -> None:
        self.store = store
        self.config = config
        self.evidence = Evidence(store, thresholds(config, store.reviews))
        self.ctx = Context(store, self.evidence, focus)
        self.rules = config.enabled()

    def stamp(self, rule: Rule, draft: Draft, ev: GroupEvidence | None) -> Finding:
        claims = sorted(c.id for c in draft.claims)
        subject = draft.subject if draft.subject is not None else (ev.subject_id if ev else None)
        prop = draft.property if draft.property is not None else (ev.property_id if ev else None)
        focus = self.ctx.focus
        in_focus = [c for c in claims if c in focus] if focus is not None else None
        if in_focus:  # a candidate check points at the candidate
            record = draft.record if draft.record in focus else in_focus[0]  # type: ignore[operator]
        else:
            record = draft.record or next(iter(claims), None)
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.config.severity(type(rule)),
            subject=subject,
            property=prop,
            claims=claims,
            message=draft.message,
            fingerprint=fingerprint(
                rule.code, subject, prop, draft.key if draft.key is not None else claims
            ),
            location=self.store.location_text(record) if record else "",
            pairs=[tuple(p) for p in draft.pairs] if draft.pairs is not None else None,  # type: ignore[misc]
            details=draft.details,
        )

    def run(
        self, keys: Iterable[GroupKey]
    ) -> tuple[list[Finding], dict[str, Grade], list[Estimate]]:
        """The groups' findings, grades and estimates, then the store-level findings."""
        findings, grades, estimates = self.run_groups(keys)
        findings += self.store_findings()
        return findings, grades, estimates

    def run_groups(
        self, keys: Iterable[GroupKey]
    ) -> tuple[list[Finding], dict[str, Grade], list[Estimate]]:
        """The groups' findings, their grades (in claim id order) and their estimates.

        A forked process sends these back pickled: its grades pickle as references to the
        few distinct :class:`Grade` objects all claims share (see :func:`shared_grade`).
        """
        findings: list[Finding] = []
        grades: dict[str, Grade] = {}
        estimates: list[Estimate] = []
        by_type: dict[str, list[Rule]] = {}
        for key in keys:
            ev = self.evidence.group(key)
            rules = by_type.get(ev.type)
            if rules is None:
                rules = by_type[ev.type] = self.rules_for(ev)
            for rule in rules:
                for draft in rule.check_group(ev, self.ctx):
                    findings.append(self.stamp(rule, draft, ev))
            group_grades = grade_group(ev)
            grades.update(group_grades)
            estimate = estimate_group(ev, group_grades)
            if estimate is not None:
                estimates.append(estimate)
        # In claim id order, so that :func:`check` only merges the runs' sorted grades.
        return findings, dict(sorted(grades.items(), key=itemgetter(0))), estimates

    def rules_for(self, ev: GroupEvidence) -> list[Rule]:
        return [r for r in self.rules if r.applies_to is None or ev.type in r.applies_to]

    def group_findings(self, ev: GroupEvidence) -> list[Finding]:
        """One group's findings."""
        return [
            self.stamp(rule, draft, ev)
            for rule in self.rules_for(ev)
            for draft in rule.check_group(ev, self.ctx)
        ]

    def store_findings(self) -> list[Finding]:
        return [
            self.stamp(rule, d, None) for rule in self.rules for d in rule.check_store(self.ctx)
        ]


#: Below this many claims a check runs in one process: forking costs what it saves
#: (measured: no gain at 5,000 claims, 0.58 s to 0.50 s at 10,000 on two CPUs).
PARALLEL_FROM = 10_000


#: Groups are shared out in runs of consecutive groups, at most this many: a process
#: taking a run stays in its own part of memory (fewer pages copied after the fork).
RUN_OF_GROUPS = 256

#: ...and in at least this many runs per process, so that all finish within a short run
#: of each other.
RUNS_PER_JOB = 16


def _jobs(store: Store, jobs: int | None) -> int:
    if jobs is None:
        return cpus() if len(store.claims) >= PARALLEL_FROM else 1
    return max(1, jobs)


def _runs(keys: list[GroupKey], jobs: int) -> list[list[GroupKey]]:
    """The groups in runs of consecutive groups, to be shared among ``jobs`` processes."""
    if jobs == 1:
        return [keys]
    size = max(1, min(RUN_OF_GROUPS, len(keys) // (jobs * RUNS_PER_JOB)))
    return [keys[start : start + size] for start in range(0, len(keys), size)]


def _order(f: Finding) -> tuple[Any, ...]:
    """Worst first, then by rule and place; total, so that no run order shows through."""
    return (
        -SEVERITY_RANK[f.severity],
        f.rule,
        f.subject or "",
        f.property or "",
        f.claims,
        f.fingerprint,
        f.message,
    )


def _attach_reviews(store: Store, findings: list[Finding], complete: bool) -> list[StaleReview]:
    by_fp = {f.fingerprint: f for f in findings}
    stale: list[StaleReview] = []
    for i, review in enumerate(store.reviews):
        finding = by_fp.get(review.finding)
        if finding is not None:
            finding.review = ReviewMark(
                verdict=review.verdict,
                note=review.note,
                by=review.by,
                on=review.on.isoformat() if review.on else None,
                new_claims=_added_since(store, finding, review),
            )
        elif complete:
            stale.append(
                StaleReview(
                    fingerprint=review.finding,
                    verdict=review.verdict,
                    note=review.note,
                    location=str(store.review_location(i)),
                    successors=_successors(store, findings, review),
                )
            )
    return stale


def _successors(store: Store, findings: list[Finding], review: Review) -> list[Finding]:
    """Findings holding claims a stale review lists: first those sharing claims of the
    most origins (a dispute between the same parties, one of which revised its figure,
    before the revision itself), then the most severe, then the most claims in common."""
    if not review.claims:
        return []
    seen = set(review.claims)
    claims = store.claims

    def origins(ids: Iterable[str]) -> int:
        return len({claims[c].origin for c in ids if c in claims})

    ranked = []
    for f in findings:
        common = seen.intersection(f.claims)
        if common:
            key = (-origins(common), -SEVERITY_RANK[f.severity], -len(common), f.rule)
            ranked.append((key, f.fingerprint, f))
    return [f for _, _, f in sorted(ranked, key=lambda t: (t[0], t[1]))][:3]


def _added_since(store: Store, finding: Finding, review: Review) -> list[str]:
    """The claims a reviewed finding gained since its review: those the review does not
    list, or (when it lists none) those whose document was published after the review's
    date — which the reviewer cannot have seen. (A retrieval date says when someone read
    a document, not whether the reviewer did.)"""
    if review.claims is not None:
        seen = set(review.claims)
        return [c for c in finding.claims if c not in seen]
    if review.on is None:
        return []
    added = []
    for cid in finding.claims:
        claim = store.claims.get(cid)
        doc = store.documents.get(claim.source or "") if claim is not None else None
        if doc is not None and doc.published is not None and doc.published > review.on:
            added.append(cid)
    return added


#: A progress callback: ``(done, total)``.
Progress = Callable[[int, int], None]


class _Counted:
    """The work on each run of groups, telling ``progress`` how many groups are done, at
    most about a thousand times in all.

    Only this process reports (a forked child's calls would reach a copy of the caller's
    display). It takes runs in order from the queue the processes share, so when it
    starts run ``i`` every earlier run has been taken: the groups before it are counted
    as done, a fair estimate that only grows.
    """

    def __init__(self, runner: _Runner, runs: list[list[GroupKey]], progress: Progress) -> None:
        self.runner = runner
        self.progress = progress
        self.total = sum(map(len, runs))
        self.step = max(1, self.total // 1000)
        self.pid = os.getpid()
        self.reported = 0
        self.start: dict[int, int] = {}
        before = 0
        for run in runs:
            self.start[id(run)] = before
            before += len(run)

    def __call__(
        self, run: list[GroupKey]
    ) -> tuple[list[Finding], dict[str, Grade], list[Estimate]]:
        if os.getpid() != self.pid:
            return self.runner.run_groups(run)
        return self.runner.run_groups(self._counting(run, self.start[id(run)]))

    def _counting(self, run: list[GroupKey], done: int) -> Iterator[GroupKey]:
        for key in run:
            yield key
            done += 1
            if done >= self.reported + self.step:
                self.reported = done
                self.progress(done, self.total)

    def finish(self) -> None:
        """Every group is done: say so, unless that was the last word already."""
        if self.reported < self.total or not self.total:
            self.reported = self.total
            self.progress(self.total, self.total)


def check(
    store: Store,
    config: Config | None = None,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Result:
    """Run the enabled rules on the whole store.

    The groups are shared among ``jobs`` processes (default: one per CPU for a store of
    10,000 claims or more), each taking the next run of groups until none is left (see
    :mod:`claimcheck.forked`); the result is the same for any number: findings are
    sorted on a total order, grades by claim id.

    ``progress``, if given, is called as groups are checked with ``(groups done, groups
    total)``, in this process, the last time with both equal.
    """
    config = config or Config()
    runner = _Runner(store, config)
    findings: list[Finding] = []
    graded: list[tuple[str, Grade]] = []
    estimates: list[Estimate] = []
    with gc_paused():  # millions of long-lived objects, no cycles worth collecting
        jobs = _jobs(store, jobs)
        keys = list(store.groups)
        runs = _runs(keys, jobs)
        counted = None if progress is None else _Counted(runner, runs, progress)
        work = runner.run_groups if counted is None else counted
        for part_findings, part_grades, part_estimates in map_shared(work, runs, jobs):
            findings += part_findings
            graded += part_grades.items()
            estimates += part_estimates
        if counted is not None:
            counted.finish()
        findings += runner.store_findings()
        # In claim id order: every reader (the JSON, the reports) then takes them as they
        # are. Each run comes sorted (by the process that took it): this sort merges them.
        graded.sort(key=itemgetter(0))
        grades = dict(graded)
        del graded
    findings.sort(key=_order)
    # A review is stale when no finding has its fingerprint, which only a run of every
    # rule can tell: a fingerprint does not say which rule it is of.
    every_rule = len(runner.rules) == len(all_rules())
    stale = _attach_reviews(store, findings, complete=every_rule)
    estimates.sort(key=lambda e: (e.subject, e.property))
    return Result(store, config, findings, grades, estimates, stale)


def check_candidates(
    root: str | Path,
    candidates: Sequence[str | Path],
    config: Config | None = None,
    *,
    cache: bool = False,
) -> Result:
    """Judge candidate files against the store at ``root``, writing nothing to it.

    With ``cache``, only the groups the candidates touch are read from the store's cache.
    """
    config = config or Config()
    store = load_store(
        root, candidates=candidates, limits=config.limits, cache=cache, partial=cache
    )
    start = store.candidate_start or 0
    new_ids = frozenset(i for i, w in store.where.items() if w[0] >= start)
    new_claims = [c for c in store.claims.values() if c.id in new_ids]
    touched = sorted({(c.subject, c.property) for c in new_claims})
    runner = _Runner(store, config, focus=new_ids)
    findings, grades, estimates = runner.run(touched)
    findings = [
        f
        for f in findings
        if new_ids.intersection(f.claims)
        or any(f.location.startswith(p) for p in store.files[start:])
    ]
    findings.sort(key=_order)
    _attach_reviews(store, findings, complete=False)
    report = CandidateReport(files=store.files[start:], claims=sorted(c.id for c in new_claims))
    # The touched groups as the store has them, all in scope: their findings are not new.
    unfocused = _Runner(store, config)
    existing: set[str] = set()
    old_findings: list[Finding] = []
    for key in touched:
        old = [c for c in store.groups[key] if c.id not in new_ids]
        if not old:
            continue
        found = unfocused.group_findings(unfocused.evidence.group(key, old))
        old_findings += found
        existing |= {f.fingerprint for f in found}
        ev_old = runner.evidence.group(key, old)
        ev_old.evidence  # noqa: B018 - finds the figures revised or overtaken since
        before = grade_group(ev_old)
        # A grade the candidates raise by supporting the claim's value (not one raised
        # because a candidate revises a figure that contradicted it).
        whole = runner.evidence.group(key)
        statement_of = whole.statement_by_claim
        new_here = [c.id for c in store.groups[key] if c.id in new_ids and c.id in statement_of]
        for cid, was in sorted(before.items()):
            now = grades.get(cid)
            if now is None or was.grade == 6 or now.grade >= was.grade or cid not in statement_of:
                continue
            by = [
                n for n in new_here if whole.statement_supports(statement_of[n], statement_of[cid])
            ]
            if by:
                report.corroborates.append(Corroboration(cid, was, now, by))
        for c in store.groups[key]:
            if c.id not in new_ids:
                continue
            for o in old:
                if (
                    o.source == c.source
                    and o.claimant == c.claimant  # two claimants of one dispatch: two claims
                    and o.parsed is not None
                    and c.parsed is not None
                    and o.parsed.key == c.parsed.key
                    and o.stance == c.stance
                ):
                    report.duplicates.append(
                        {"candidate": c.id, "existing": o.id, "location": str(store.location(o.id))}
                    )
    existing |= _continuing(store, findings, old_findings, new_ids)
    report.existing = sorted(f.fingerprint for f in findings if f.fingerprint in existing)
    mine = {cid: g for cid, g in grades.items() if cid in new_ids}
    return Result(store, config, findings, mine, estimates, [], report)


def _continuing(
    store: Store, findings: list[Finding], old: list[Finding], new_ids: frozenset[str]
) -> set[str]:
    """Findings that continue one the store already has: the same rule on the same group,
    the candidates' claims all from origins already in it — a ministry revising its toll
    in a dispute with the army is the same dispute, not a new one."""
    claims = store.claims
    by_group: dict[tuple[str, str, str], list[set[str]]] = defaultdict(list)
    for g in old:
        by_group[(g.rule, g.subject or "", g.property or "")].append(
            {claims[c].origin for c in g.claims if c in claims}
        )
    out: set[str] = set()
    for f in findings:
        mine = {claims[c].origin for c in f.claims if c in new_ids and c in claims}
        before = by_group.get((f.rule, f.subject or "", f.property or ""), ())
        if mine and any(mine <= origins for origins in before):
            out.add(f.fingerprint)
    return out


@dataclass
class AddOutcome:
    """What ``add`` did: the candidate check, and whether the records were written."""

    result: Result
    written: bool
    target: str
    blocking: list[Finding]
    #: How many records of each section were appended (none when not written).
    added: dict[str, int] = field(default_factory=dict)


def add_candidate(
    root: str | Path,
    candidate: str | Path,
    target: str | Path,
    config: Config | None = None,
    *,
    force: bool = False,
    fail_on: str | None = None,
    cache: bool = False,
) -> AddOutcome:
    """Check a candidate file, then append its records to ``target`` unless that adds
    findings at or above ``fail_on`` (and ``force`` is not given).

    The check and the write happen under one lock on the store, so that concurrent
    ``add``s each see the others' records and all land.
    """
    from claimcheck.errors import Location, Problem, StoreError, display_path
    from claimcheck.store.cache import digest
    from claimcheck.store.writer import (
        append_records,
        check_target,
        checked_sections,
        read_candidate,
        read_once,
        store_lock,
    )

    config = config or Config()
    root = Path(root)
    destination = check_target(root, Path(target))
    with store_lock(root):
        # The check reads the candidate safely and within the limits; only a candidate that
        # loads is then read again with comments, to be appended.
        result = check_candidates(root, [candidate], config, cache=cache)
        assert result.candidate is not None
        blocking = [f for f in result.failing(fail_on) if result.candidate.is_new(f)]
        if blocking and not force:
            return AddOutcome(result, False, display_path(destination), blocking)
        # What is appended is what was checked: the candidate's bytes, read once more
        # and compared with those the check read (the file may have changed meanwhile).
        data = read_once(Path(candidate), config.limits)
        if result.store.candidate_digests != [digest(data)]:
            raise StoreError(
                [
                    Problem(
                        Location(display_path(Path(candidate))),
                        "the candidate changed while it was being checked; nothing was "
                        "written: run add again",
                    )
                ]
            )
        records = read_candidate(Path(candidate), config.limits, data)
        checked = checked_sections(Path(candidate), config.limits, data)
        before, after = append_records(root, destination, records, checked, limits=config.limits)
        if cache:
            _record_verdict_after_add(root, config, result.store, destination, before, after)
    added = {section: len(items) for section, items in records.items()}
    return AddOutcome(result, True, display_path(destination), blocking, added)


def _record_verdict_after_add(
    root: Path, config: Config, store: Store, target: Path, before: bytes | None, after: str
) -> None:
    """The store as ``add`` left it is the store the candidate was checked against, plus
    the candidate: record that verdict, so that the next candidate check reads only its
    groups — unless the target file had changed since that check read it."""
    from claimcheck.store.cache import digest, record_verdict, relative

    if not store.digests:
        return
    digests = dict(store.digests)
    rel = relative(root.resolve(), target.resolve())
    if digests.get(rel) != (digest(before) if before is not None else None):
        return
    digests[rel] = digest(after.encode("utf-8"))
    claims = len(store.claims) if store.total_claims is None else store.total_claims
    record_verdict(root, config.limits, digests, claims)
