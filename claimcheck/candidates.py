"""Judging candidate files against a store before they are added: the findings they
bring, the store's claims they would corroborate, and those they duplicate."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.analysis.estimates import Estimate, estimate_group
from claimcheck.analysis.evidence import latest, several_voices, tells_gaps
from claimcheck.analysis.grades import Grade, grade_group
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Spans, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.config import Config
from claimcheck.engine import Runner, dated, finding_order
from claimcheck.findings import Finding
from claimcheck.model import Claim
from claimcheck.result_cache import check_kept
from claimcheck.results import CandidateReport, Corroboration, Result
from claimcheck.reviews import (
    attach_reviews,
    continues,
    reopened_changes,
    reviews_made_stale,
    reviews_of_nothing,
)
from claimcheck.rules import codes_in
from claimcheck.rules.common import duplicate_key
from claimcheck.store import load_store
from claimcheck.values import DateRange, Quantity, stated_numbers


def check_candidates(
    root: str | Path,
    candidates: Sequence[str | Path],
    config: Config | None = None,
    *,
    cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Judge candidate files against the store at ``root``, writing nothing to it.

    With ``cache``, only the groups the candidates touch are read from the store's cache.
    ``progress``, if given, hears of the load as :func:`~claimcheck.store.load_store`
    tells it: ``(bytes done, bytes in all)``.
    """
    config = config or Config()
    store = load_store(
        root,
        candidates=candidates,
        limits=config.limits,
        cache=cache,
        partial=cache,
        progress=progress,
    )
    start = store.candidate_start or 0
    new_ids = frozenset(store.candidate_ids())
    new_claims = [c for c in store.claims.values() if c.id in new_ids]
    touched = sorted({(c.subject, c.property) for c in new_claims})
    runner = Runner(store, config, focus=new_ids)
    findings, grades, estimates, relays = runner.run(touched)
    touched_now = findings  # (every finding of the touched groups, with the candidates)
    candidate_files = frozenset(store.files[start:])
    findings = [
        f for f in findings if new_ids.intersection(f.claims) or f.location.path in candidate_files
    ]
    findings.sort(key=finding_order)
    attach_reviews(store, findings, complete=False)
    judged = CandidateReport(files=store.files[start:], claims=sorted(c.id for c in new_claims))
    # The touched groups as the store has them, all in scope: their findings are not new.
    unfocused = Runner(store, config, provenance=runner.evidence.provenance)
    after_estimates = {(e.subject, e.property): e for e in estimates}
    existing: set[str] = set()
    old_findings: list[Finding] = []
    for key in touched:
        old = [c for c in store.groups[key] if c.id not in new_ids]
        if not old:
            continue
        # (by day, for a property whose values vary: each day as the engine reads it)
        old_days = runner.evidence.groups(key, old)
        was_latest = latest(old_days)
        found_days = [
            unfocused.group_findings(ev, gaps=tells_gaps(ev, was_latest))
            for ev in unfocused.evidence.groups(key, old)
        ]
        found = [f for day in found_days for f in day]
        old_findings += found
        existing |= {f.fingerprint for f in found}
        before: dict[str, Grade] = {}
        for ev in old_days:
            before.update(grade_group(ev))
        _moved(
            judged,
            _dated(estimate_group(was_latest, before, always=several_voices(old_days)), was_latest),
            after_estimates.get(key),
        )
        by_day = {ev.day: found_day for ev, found_day in zip(old_days, found_days, strict=True)}
        for whole in runner.evidence.groups(key):
            found_day = by_day.get(whole.day, [])
            _judged_day(judged, grades, new_ids, before, found_day, unfocused, whole)
        by_key: dict[tuple[object, ...], str] = {}
        for o in old:
            old_key = duplicate_key(o)
            if old_key is not None:
                by_key.setdefault(old_key, o.id)
        for c in store.groups[key]:
            dup_key = duplicate_key(c) if c.id in new_ids else None
            if dup_key is not None and dup_key in by_key:
                existing_id = by_key[dup_key]
                judged.duplicates.append(
                    {
                        "candidate": c.id,
                        "existing": existing_id,
                        "location": str(store.location(existing_id)),
                    }
                )
    # A dispute continued under a new fingerprint (a value joins it) keeps no review: if
    # the one it continues was reviewed, the reviewer has a dispute to look at again (a
    # review of it in the candidates is that look: the finding is new, and reviewed).
    reviewed = {
        r.finding for r, w in zip(store.reviews, store.review_where, strict=True) if w.file < start
    }
    # (a dispute that only lost values keeps its review: attach_reviews carried it)
    reviewed |= {f.fingerprint for f in findings if f.review and f.review.left}
    continued = _continuing(findings, old_findings, new_ids, runner.evidence.group)
    for fp, before_fps in continued.items():
        done = sorted(reviewed.intersection(before_fps))
        if done and fp not in reviewed:
            judged.reopened[fp] = done[0]
        else:
            existing.add(fp)
    # A new dispute grown out of a reviewed one (a new party's figure joins it) is news,
    # and it reopens that review too: the reviewed fingerprint is gone.
    for fp, before_fps in _grown(findings, old_findings).items():
        done = sorted(reviewed.intersection(before_fps))
        if done and fp not in reviewed and fp not in continued:
            judged.reopened[fp] = done[0]
    # Any other review of the store the candidates leave matching no finding: a dispute
    # that took a new value where it no longer holds the claims it had (a figure of it
    # revised since) is reopened as well; the rest (a gap whose figure its origin
    # revised, or that a new origin closed) is named, to be dealt with before the add.
    shown, disputes = {f.fingerprint for f in findings}, codes_in("conflict")
    for r in reviews_made_stale(
        store, start, touched_now, old_findings, set(judged.reopened.values())
    ):
        became = next((f for f in r.successors if f.rule == r.rule and f.rule in disputes), None)
        if (
            became is not None
            and became.fingerprint in shown
            and became.fingerprint not in reviewed
            and became.fingerprint not in judged.reopened
        ):
            judged.reopened[became.fingerprint] = r.fingerprint
        else:
            judged.staled.append(r)
    judged.reopened_changes = reopened_changes(store, findings, old_findings, judged.reopened)
    # A gap the store has, seen with more relays (a relay of a value resting on one
    # origin turns its CC201 into a CC203, "2 outlets, 1 origin"): not news.
    for f in findings:
        if f.fingerprint not in existing and any(continues(f, was) for was in old_findings):
            existing.add(f.fingerprint)
    judged.existing = sorted(f.fingerprint for f in findings if f.fingerprint in existing)
    mine = {cid: g for cid, g in grades.items() if cid in new_ids}
    return Result(
        store,
        config,
        findings,
        mine,
        estimates,
        provenance=runner.evidence.provenance,
        candidate=judged,
        relays=relays,
        stale_reviews=reviews_of_nothing(
            store,
            start,
            touched_now,
            old_findings,
            lambda: check_kept(load_store(root, limits=config.limits, cache=cache), config),
        ),
    )


def _judged_day(
    judged: CandidateReport,
    grades: dict[str, Grade],
    new_ids: frozenset[str],
    before: dict[str, Grade],
    found: list[Finding],
    unfocused: Runner,
    whole: GroupEvidence,
) -> None:
    """Note in ``judged`` the store's claims of one group (of one day, for a property
    that varies: ``whole``, with the candidates) whose grades the candidates raise or
    lower, and the findings of it (``found``, without them) they end."""
    statement_of = whole.statement_by_claim
    new_here = [c.id for c in whole.all_claims if c.id in new_ids and c.id in statement_of]
    supporters = _Supporters(whole, new_here)
    for cid in sorted(c.id for c in whole.all_claims if c.id in before):
        was, now = before[cid], grades.get(cid)
        if now is None or was.grade == 6 or now.grade == 6 or cid not in statement_of:
            continue
        if now.grade > was.grade:  # (told before `add`, as a raise is)
            # Not a figure its own origin revises (a superseded count: CC105/CC106
            # say so); by the candidates that contradict it, where any do.
            if cid not in whole.superseded:
                st = statement_of[cid]
                against = [n for n in new_here if whole.statements_conflict(statement_of[n], st)]
                judged.weakens.append(Corroboration(cid, was, now, against or new_here))
            continue
        if now.grade == was.grade:
            continue
        by = supporters.claims_for(statement_of[cid])
        if by:
            judged.corroborates.append(Corroboration(cid, was, now, by))
    _resolved(judged, found, unfocused, whole, supporters)


def _dated(estimate: Estimate | None, ev: GroupEvidence) -> Estimate | None:
    return dated(estimate, ev) if estimate is not None else None


def _moved(judged: CandidateReport, before: Estimate | None, after: Estimate | None) -> None:
    """Note in ``judged`` an estimate the candidates move (its figures as they read:
    low, best, high), or make, or leave none of."""
    if before is None and after is None:
        return
    if before is not None and after is not None and _figures(before) == _figures(after):
        return
    judged.moves.append((before, after))


def _figures(e: Estimate) -> tuple[str, str, str]:
    return e.low_text(), e.best_text(), e.high_text()


class _Supporters:
    """Which of the candidates' statements support a statement of the group: asserted
    intervals found through :class:`Spans` (not by trying each), the rest one by one;
    each asked-for statement once."""

    def __init__(self, whole: GroupEvidence, claims: list[str]) -> None:
        self.whole = whole
        #: The candidates' claims in the group with a statement, in store order.
        self.claims = claims
        statement_of = whole.statement_by_claim
        first: dict[int, str] = {}  # a statement's id -> its first claim among ``claims``
        for n in claims:
            first.setdefault(id(statement_of[n]), n)
        indexed = [n for n in first.values() if self._indexed(statement_of[n])]
        self.spans = (
            Spans([(*bounds(statement_of[n].value), whole.store.claims[n]) for n in indexed])
            if indexed
            else None
        )
        on_spans = set(indexed)
        self.rest = [statement_of[n] for n in first.values() if n not in on_spans]
        self.found: dict[int, frozenset[int]] = {}

    def _indexed(self, s: Statement) -> bool:
        return self.whole.interval and s.stance == "asserts"

    def of(self, t: Statement) -> frozenset[int]:
        found = self.found.get(id(t))
        if found is None:
            whole, spans = self.whole, self.spans
            ids = {id(s) for s in self.rest if whole.statement_supports(s, t)}
            if spans is not None and self._indexed(t):  # asserted within t's window
                statement_of = whole.statement_by_claim
                ids.update(id(statement_of[c.id]) for c in spans.within(*whole.window(t.value)))
            elif spans is not None:
                statement_of = whole.statement_by_claim
                ids.update(
                    id(statement_of[c.id])
                    for c in spans.claims
                    if whole.statement_supports(statement_of[c.id], t)
                )
            found = self.found[id(t)] = frozenset(ids)
        return found

    def claims_for(self, *statements: Statement) -> list[str]:
        """The candidates' claims whose statement supports any of ``statements``, in
        store order."""
        support = set().union(*(self.of(t) for t in statements))
        statement_of = self.whole.statement_by_claim
        return [n for n in self.claims if id(statement_of[n]) in support]


def _resolved(
    judged: CandidateReport,
    found: list[Finding],
    runner: Runner,
    whole: GroupEvidence,
    supporters: _Supporters,
) -> None:
    """Note in ``judged`` the store's findings on ``whole``'s group that the candidates
    end: a corroboration gap they close (a value resting on one origin that a
    candidate's value supports, gone once the candidates are in; not a gap that goes
    because a candidate contradicts or revises its value), ``by`` the candidates
    supporting it; and a dispute they dissolve (the group has no finding of its rule
    once they are in: a revision, or counts carrying a toll past a steep rise), ``by``
    the group's candidates — a desk adding them should know an error goes away."""
    gaps, conflicts = codes_in("gap"), codes_in("conflict")
    statement_of = whole.statement_by_claim
    backing: dict[str, list[str]] = {}
    for f in found:
        if f.rule in conflicts and supporters.claims:
            backing[f.fingerprint] = list(supporters.claims)
        if f.rule not in gaps:
            continue
        said = {id(statement_of[c]): statement_of[c] for c in f.claims if c in statement_of}
        by = supporters.claims_for(*said.values())
        if by:
            backing[f.fingerprint] = by
    if not backing:
        return  # (most candidates: no extra pass over the group)
    after = runner.group_findings(whole)  # (analysed already)
    now = {g.fingerprint for g in after}
    rules_now = {g.rule for g in after}
    for f in found:
        by = backing.get(f.fingerprint, [])
        if not by or f.fingerprint in now:
            continue
        if f.rule in conflicts and f.rule in rules_now:
            continue  # (the dispute goes on, with other values: not dissolved)
        # (a gap a kindred rule's finding continues is not closed: a relay made the
        # single origin look multi-sourced)
        if f.rule in gaps and any(continues(g, f) for g in after):
            continue
        judged.resolves.append(
            {
                "rule": f.rule,
                "fingerprint": f.fingerprint,
                "message": f.message,
                "location": str(f.location),
                "by": by,
            }
        )


def _continuing(
    findings: list[Finding],
    old: list[Finding],
    new_ids: frozenset[str],
    evidence_of: Callable[[tuple[str, str]], GroupEvidence],
) -> dict[str, list[str]]:
    """Conflicts that continue one the store already has: the same rule on the same group,
    each of the candidates' claims from a speaker already in it, saying what the dispute
    already spans — a ministry revising its toll in a dispute with the army, or an outlet
    repeating its figure, is the same dispute, not a new one. A candidate's figure that
    widens the dispute is news, even from a speaker already in it: a value beyond the
    figures already in conflict (for a category, one not among them) while that
    speaker's earlier figure still stands beside it, or a revision that takes the
    speaker past another speaker's figure. (Only conflicts: a gap or a revision
    about a new figure is news to a reader, whoever gave it.) Each continuing finding's
    fingerprint, with those of the store's findings it continues."""
    conflict_rules = codes_in("conflict")
    by_group: dict[tuple[str, str, str, str], list[Finding]] = defaultdict(list)
    for g in old:
        if g.rule in conflict_rules:
            by_group[g.rule_group].append(g)
    groups: dict[tuple[str, str], GroupEvidence] = {}
    group_claims: dict[tuple[str, str], dict[str, Claim]] = {}
    disputes: dict[str, _Dispute] = {}
    out: dict[str, list[str]] = {}
    for f in findings:
        before = by_group.get(f.rule_group, ())
        if not before:
            continue
        key = (f.subject or "", f.property or "")
        group = groups.get(key) or groups.setdefault(key, evidence_of(key))
        claims = group_claims.get(key) or group_claims.setdefault(
            key, {c.id: c for c in group.all_claims}
        )
        mine = [claims[c] for c in f.claims if c in new_ids and c in claims]
        was = []
        for g in before:
            dispute = disputes.get(g.fingerprint)
            if dispute is None:
                dispute = disputes[g.fingerprint] = _Dispute(g, group)
            if mine and _within(mine, dispute, f, group):
                was.append(g.fingerprint)
        if was:
            out[f.fingerprint] = was
    return out


def _grown(findings: list[Finding], old: list[Finding]) -> dict[str, list[str]]:
    """Conflicts holding every claim of a conflict the store has, on the same rule and
    group, whose fingerprint none of ``findings`` (those the candidates touch) has: the
    store's finding grew into one of them (a conflict rule gives one finding a group, so
    it is gone, not merely untouched). Each such finding's fingerprint, with those of
    the store's findings it grew out of."""
    conflict_rules = codes_in("conflict")
    now = {f.fingerprint for f in findings}
    by_group: dict[tuple[str, str, str, str], list[Finding]] = defaultdict(list)
    for g in old:
        if g.rule in conflict_rules and g.fingerprint not in now:
            by_group[g.rule_group].append(g)
    out: dict[str, list[str]] = {}
    for f in findings:
        holds = set(f.claims)
        was = [g.fingerprint for g in by_group.get(f.rule_group, ()) if holds.issuperset(g.claims)]
        if was:
            out[f.fingerprint] = was
    return out


class _Dispute:
    """A dispute the store holds, read once for all the candidates weighed against it:
    its claims by speaker, its distinct values, and what they state, sorted — so that a
    candidate is weighed against a few lookups, not against every value in dispute."""

    def __init__(self, old: Finding, group: GroupEvidence) -> None:
        in_old = frozenset(old.claims)
        was = [c for c in group.all_claims if c.id in in_old]
        #: Who speaks, as one origin: a party however quoted (its own channel, a wire
        #: quoting it), an outlet with those of its owner.
        self.who = group.provenance.origin_key
        self.by_speaker: dict[str, list[Claim]] = defaultdict(list)
        for c in was:
            self.by_speaker[self.who(c)].append(c)
        # Each distinct value once, however many claims state it.
        self.values = list({(c.stance, c.said): c for c in was if c.parsed is not None}.values())
        self.said = {(c.stance, c.said) for c in self.values}
        #: Its asserted intervals: does one of them imply a candidate's value?
        asserted = [
            (*bounds(c.parsed), c)
            for c in self.values
            if c.stance == "asserts" and isinstance(c.parsed, Quantity | DateRange)
        ]
        self.asserted = Spans(asserted) if asserted else None
        self.denied = [c for c in self.values if c.stance == "denies"]
        #: Every figure stated, with who states it, in order (revisions passing them).
        self.figures = sorted(
            (x, self.who(c)) for c in self.values for x in (stated_numbers(c.parsed) or ())
        )
        self.xs = [x for x, _ in self.figures]
        #: The lowest and highest figure it states.
        self.span = (self.xs[0], self.xs[-1]) if self.xs else None

    def implied(self, c: Claim, group: GroupEvidence) -> bool:
        """Whether one of the dispute's values implies ``c``'s: ``c`` says it again, in
        the same words or looser ones."""
        v = c.parsed
        assert v is not None
        if (c.stance, c.said) in self.said:
            return True
        if c.stance == "asserts" and isinstance(v, Quantity | DateRange):
            return self.asserted is not None and self.asserted.supports(*group.window(v))
        return any(
            o.parsed is not None and o.stance == c.stance and group.implies(o.parsed, v)
            for o in self.denied
        )

    def others_between(
        self, speaker: str, start: float, end: float, with_start: bool, with_end: bool
    ) -> bool:
        """Whether a speaker other than ``speaker`` states a figure between ``start`` and
        ``end`` (each included only if said so)."""
        xs = self.xs
        i = bisect_left(xs, start) if with_start else bisect_right(xs, start)
        stop = bisect_right(xs, end) if with_end else bisect_left(xs, end)
        return any(self.figures[j][1] != speaker for j in range(i, stop))


def _within(mine: list[Claim], dispute: _Dispute, new: Finding, group: GroupEvidence) -> bool:
    """Whether every candidate claim stays inside the dispute: its speaker is one of the
    dispute's, and either its value says nothing the dispute does not already say
    (beside the speaker's standing figure), or it revises the speaker's figure (revised,
    so out of ``new``) without passing another speaker's — the rebels raising 40 to 45
    against the army's 2 is the same dispute; the army raising 12 to 500 against the
    rebels' 30 is another."""
    still = frozenset(new.claims)
    for c in mine:
        earlier = dispute.by_speaker.get(dispute.who(c))
        if earlier is None:
            return False  # a new speaker in the dispute
        if any(e.id in still for e in earlier):
            if not _inside(c, dispute, group):
                return False  # a new figure beside the speaker's own, beyond the dispute
        elif _passes(c, earlier, dispute):
            return False  # a revision that changes who says more than whom
    return True


def _passes(c: Claim, earlier: list[Claim], dispute: _Dispute) -> bool:
    """Whether ``c``, revising the figures ``earlier`` of its speaker, moves past a figure
    another speaker gives in the dispute (from below it to above it, or back) — or, for
    a category, to one the dispute does not hold."""
    now = stated_numbers(c.parsed)
    before = [x for e in earlier for x in (stated_numbers(e.parsed) or ())]
    if not now or not before:
        return (c.stance, c.said) not in dispute.said
    # An open bound at a figure is past it: ">30" allows only what is above 30.
    v = c.parsed
    above = isinstance(v, Quantity) and v.form == "more-than"
    below = isinstance(v, Quantity) and v.form == "less-than"
    up = max(before) < max(now) and dispute.others_between(
        dispute.who(c), max(before), max(now), False, above
    )
    down = min(now) < min(before) and dispute.others_between(
        dispute.who(c), min(now), min(before), below, False
    )
    return up or down


def _inside(c: Claim, dispute: _Dispute, group: GroupEvidence) -> bool:
    """Whether ``c``'s value says nothing the dispute's values do not already say: a
    looser wording of one of them ("about 12", "10-14" or "12+" beside a 12, a
    day range holding its day), figures within the lowest and highest they state
    (widened by the property's tolerance) — "more than 30" is beyond a dispute that
    reaches 30 — or a category (with its stance) among them."""
    v = c.parsed
    if v is None:
        return True
    if dispute.implied(c, group):
        return True  # whatever excludes c's value excludes that figure too
    figures, span = stated_numbers(c.parsed), dispute.span
    if figures is None or span is None:
        return False
    (low, _), (high, _) = group.window(_between(span, v))
    if isinstance(v, Quantity) and (
        (v.form == "more-than" and v.low >= high) or (v.form == "less-than" and v.high <= low)
    ):
        return False  # an open bound at the dispute's edge allows only what is beyond it
    return all(low <= x <= high for x in figures)


def _between(span: tuple[float, float], like: object) -> Quantity | DateRange:
    """The interval ``span`` as a value of ``like``'s kind (dates are day ordinals)."""
    if isinstance(like, DateRange):
        return DateRange(dt.date.fromordinal(int(span[0])), dt.date.fromordinal(int(span[1])))
    return Quantity(span[0], span[1], form="range")
