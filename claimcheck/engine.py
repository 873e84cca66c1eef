"""The engine: run the rules over a store, stamp findings, attach reviews, grade claims.

:func:`check` runs every enabled rule on every (subject, property) group and the
store-level rules once, and returns a :class:`~claimcheck.results.Result`. Judging
candidate files is :mod:`claimcheck.candidates`; adding them, :mod:`claimcheck.add`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from operator import itemgetter
from typing import Any, NamedTuple

from claimcheck.analysis.estimates import Estimate, estimate_group
from claimcheck.analysis.evidence import StoreEvidence, latest, several_voices, tells_gaps
from claimcheck.analysis.grades import Grade, grade_group
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.statements import Thresholds
from claimcheck.config import Config
from claimcheck.findings import NOWHERE, SEVERITY_RANK, Finding, fingerprint, of_day
from claimcheck.model import Claim, Review
from claimcheck.parallel import cpus, map_shared
from claimcheck.results import Result
from claimcheck.reviews import attach_reviews
from claimcheck.rules import Context, Draft, Rule, all_rules
from claimcheck.rules.cc101_quantity_conflict import QuantityConflict
from claimcheck.rules.cc201_single_origin import SingleOrigin
from claimcheck.store import GroupKey, Store, gc_paused

__all__ = [
    "PARALLEL_FROM",
    "Result",
    "Runner",
    "check",
    "finding_order",
    "thresholds",
]


def thresholds(config: Config, reviews: Sequence[Review]) -> Thresholds:
    """What the group analysis needs of the configuration: the rules' options that
    change agreement and corroboration, and the relays people disputed."""
    conflict = config.options_of(QuantityConflict)
    origin = config.options_of(SingleOrigin)
    assert isinstance(conflict, QuantityConflict.Options)
    assert isinstance(origin, SingleOrigin.Options)
    return Thresholds(
        default_tolerance=conflict.default_tolerance,
        corroborated_at=origin.corroborated_at,
        disputed_relays=frozenset(r.finding for r in reviews if r.verdict == "disputed"),
        cumulative_growth=conflict.cumulative_growth,
    )


class Answer(NamedTuple):
    """What the rules find in some groups."""

    findings: list[Finding]
    #: Each claim's grade, in claim id order.
    grades: dict[str, Grade]
    estimates: list[Estimate]
    #: The claims that relay another origin's value, each with the claim whose figure it
    #: carries, or None (see GroupEvidence.credited_relays).
    relays: dict[str, str | None]


class Runner:
    """Runs the enabled rules on groups of a store, and grades and estimates them."""

    def __init__(
        self,
        store: Store,
        config: Config,
        focus: frozenset[str] | None = None,
        provenance: Provenance | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.evidence = StoreEvidence(store, thresholds(config, store.reviews), provenance)
        self.ctx = Context(store, self.evidence, focus)
        self.rules = config.enabled()
        self._by_type: dict[str, list[Rule]] = {}

    def stamp(self, rule: Rule, draft: Draft, ev: GroupEvidence | None) -> Finding:
        claims = sorted(c.id for c in draft.claims)
        subject = draft.subject if draft.subject is not None else (ev.subject_id if ev else None)
        prop = draft.property if draft.property is not None else (ev.property_id if ev else None)
        focus = self.ctx.focus
        in_focus = [c for c in claims if c in focus] if focus is not None else None
        record: str | None
        if in_focus:  # a candidate check points at the candidate
            record = _bringing(draft.claims, in_focus, draft.record)
        else:
            record = draft.record or next(iter(claims), None)
        message, about, details = draft.message, prop, draft.details
        if ev is not None and ev.day is not None:  # (a value of one day: said, and kept apart)
            day = ev.day.canonical()
            named = f"{ev.property_id} of {ev.subject_id}"
            message = message.replace(named, f"{named} on {day}", 1)
            about, details = of_day(prop, day), {**details, "day": day}
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.config.severity(type(rule)),
            subject=subject,
            property=prop,
            claims=claims,
            message=message,
            fingerprint=fingerprint(
                rule.code, subject, about, draft.key if draft.key is not None else claims
            ),
            location=self.store.location(record) if record else NOWHERE,
            pairs=[tuple(p) for p in draft.pairs] if draft.pairs is not None else None,  # type: ignore[misc]
            details=details,
            kin_values=list(draft.key) if draft.kin_origins is not None and draft.key else [],
            kin_origins=list(draft.kin_origins or ()),
        )

    def run(self, keys: Iterable[GroupKey]) -> Answer:
        """The groups' answer, the store-level findings among its findings."""
        answer = self.run_groups(keys)
        answer.findings.extend(self.store_findings())
        return answer

    def run_groups(self, keys: Iterable[GroupKey]) -> Answer:
        """The groups' findings, their grades (in claim id order), their estimates and
        their relays.

        A forked process sends these back pickled: its grades pickle as references to the
        few distinct :class:`Grade` objects all claims share (see :func:`shared_grade`).
        """
        findings: list[Finding] = []
        grades: dict[str, Grade] = {}
        estimates: list[Estimate] = []
        relays: dict[str, str | None] = {}
        for key in keys:
            evs = self.evidence.groups(key)
            last, varied = latest(evs), several_voices(evs)
            for ev in evs:
                findings += self.group_findings(ev, gaps=tells_gaps(ev, last))
                group_grades = grade_group(ev)
                grades.update(group_grades)
                # (of a property that varies, the latest day's: what holds now)
                estimate = estimate_group(ev, group_grades, always=varied) if ev is last else None
                if estimate is not None:
                    estimates.append(dated(estimate, ev))
                if ev.relayed_from:
                    relays.update(ev.credited_relays())
        # In claim id order, so that :func:`check` only merges the runs' sorted grades.
        return Answer(findings, dict(sorted(grades.items(), key=itemgetter(0))), estimates, relays)

    def rules_for(self, ev: GroupEvidence) -> list[Rule]:
        """The enabled rules for a group of its property's type (worked out once a type)."""
        rules = self._by_type.get(ev.type)
        if rules is None:
            rules = self._by_type[ev.type] = [
                r for r in self.rules if r.applies_to is None or ev.type in r.applies_to
            ]
        return rules

    def group_findings(self, ev: GroupEvidence, gaps: bool = True) -> list[Finding]:
        """One group's findings (``gaps``: with those of the gap rules, CC201 … — without
        them, still the gap rules' findings on who said a value: :attr:`Draft.attribution`)."""
        return [
            self.stamp(rule, draft, ev)
            for rule in self.rules_for(ev)
            if gaps or rule.category != "gap" or rule.checks_attribution
            for draft in rule.check_group(ev, self.ctx)
            if gaps or rule.category != "gap" or draft.attribution
        ]

    def store_findings(self) -> list[Finding]:
        return [
            self.stamp(rule, d, None) for rule in self.rules for d in rule.check_store(self.ctx)
        ]


#: Below this many claims a check runs in one process: forking costs what it saves
#: (the measurements: benchmarks/RESULTS.md, "Why the constants").
PARALLEL_FROM = 10_000


#: Groups are shared out in runs of consecutive groups, at most this many: a process
#: taking a run stays in its own part of memory (fewer pages copied after the fork).
RUN_OF_GROUPS = 256

#: ...and in at least this many runs per process, so that all finish within a short run
#: of each other.
RUNS_PER_JOB = 16


def dated(estimate: Estimate, ev: GroupEvidence) -> Estimate:
    """``estimate`` of a day's values (a property that varies) says its day."""
    if ev.day is None:
        return estimate
    day = ev.day.canonical()
    return replace(estimate, as_of=day, basis=f"as of {day}: {estimate.basis}")


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


def finding_order(f: Finding) -> tuple[Any, ...]:
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


#: A progress callback: ``(done, total)``.
Progress = Callable[[int, int], None]


class _Counted:
    """The work on each run of groups, telling ``progress`` how many groups are done, at
    most about a thousand times in all.

    Only this process reports (a forked worker's calls would reach a copy of the
    caller's display): the groups it checks itself, one by one, and a worker's run of
    groups when its answer arrives (see :func:`~claimcheck.parallel.map_shared`), so
    that the count only grows.
    """

    def __init__(self, runner: Runner, runs: list[list[GroupKey]], progress: Progress) -> None:
        self.runner = runner
        self.runs = runs
        self.progress = progress
        self.total = sum(map(len, runs))
        self.step = max(1, self.total // 1000)
        self.pid = os.getpid()
        self.done = 0
        self.reported = 0

    def __call__(self, run: list[GroupKey]) -> Answer:
        if os.getpid() != self.pid:
            return self.runner.run_groups(run)
        return self.runner.run_groups(self._counting(run))

    def _counting(self, run: list[GroupKey]) -> Iterator[GroupKey]:
        for key in run:
            yield key
            self.add(1)

    def answered(self, index: int) -> None:
        """A worker's answer for ``runs[index]`` arrived."""
        self.add(len(self.runs[index]))

    def add(self, groups: int) -> None:
        self.done += groups
        if self.done >= self.reported + self.step:
            self.reported = self.done
            self.progress(self.done, self.total)

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
    :mod:`claimcheck.parallel`); the result is the same for any number: findings are
    sorted on a total order, grades by claim id.

    ``progress``, if given, is called as groups are checked with ``(groups done, groups
    total)``, in this process, the last time with both equal.
    """
    config = config or Config()
    runner = Runner(store, config)
    findings: list[Finding] = []
    graded: list[tuple[str, Grade]] = []
    estimates: list[Estimate] = []
    relays: dict[str, str | None] = {}
    with gc_paused():  # millions of long-lived objects, no cycles worth collecting
        jobs = _jobs(store, jobs)
        keys = list(store.groups)
        runs = _runs(keys, jobs)
        counted = None if progress is None else _Counted(runner, runs, progress)
        parts = (
            map_shared(runner.run_groups, runs, jobs)
            if counted is None
            else map_shared(counted, runs, jobs, counted.answered)
        )
        for part in parts:
            findings += part.findings
            graded += part.grades.items()
            estimates += part.estimates
            relays.update(part.relays)
        if counted is not None:
            counted.finish()
        findings += runner.store_findings()
        # In claim id order: every reader (the JSON, the reports) then takes them as they
        # are. Each run comes sorted (by the process that took it): this sort merges them.
        graded.sort(key=itemgetter(0))
        grades = dict(graded)
        del graded
    findings.sort(key=finding_order)
    # A review is stale when no finding has its fingerprint, which only a run of every
    # rule can tell: a fingerprint does not say which rule it is of.
    every_rule = len(runner.rules) == len(all_rules())
    stale = attach_reviews(store, findings, complete=every_rule)
    estimates.sort(key=lambda e: (e.subject, e.property))
    return Result(
        store,
        config,
        findings,
        grades,
        estimates,
        provenance=runner.evidence.provenance,
        stale_reviews=stale,
        relays=dict(sorted(relays.items())),
    )


def _bringing(claims: Sequence[Claim], in_focus: list[str], record: str | None) -> str:
    """The candidate claim a finding points at: the one its message names first
    (``record``) or else the first by id — among those that bring a value no claim of
    the store in it states, where some do: the new figure, not a relay of one already
    there (a CI trial: a new conflict was annotated on the candidate's relay)."""
    focus = set(in_focus)
    stored = {c.said for c in claims if c.id not in focus}
    bringing = [c.id for c in claims if c.id in focus and c.said not in stored]
    among = sorted(bringing) or in_focus
    return record if record in among else among[0]
