"""Judging candidate files against a store before they are added: the findings they
bring, the store's claims they would corroborate, and those they duplicate.

:func:`check_candidates` runs the touched groups with and without the candidates and
notes what differs, with the estimates they move; its parts: :mod:`.corroboration` (the
store's claims whose grades they raise or lower, and the findings they end) and
:mod:`.continued_disputes` (a conflict of theirs that continues or grows out of one the
store has).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.analysis.estimates import Estimate, estimate_group
from claimcheck.analysis.evidence import latest, several_voices, tells_gaps
from claimcheck.analysis.grades import Grade, grade_group
from claimcheck.analysis.group import GroupEvidence
from claimcheck.candidates.continued_disputes import continuing, grown
from claimcheck.candidates.corroboration import judged_day
from claimcheck.config import Config
from claimcheck.engine import Runner, dated, finding_order
from claimcheck.findings import Finding
from claimcheck.result_cache import check_kept
from claimcheck.results import CandidateReport, Result
from claimcheck.reviews import (
    attach_reviews,
    continues,
    reopened_changes,
    reviews_made_stale,
    reviews_of_nothing,
)
from claimcheck.rules import codes_in
from claimcheck.rules.keys import duplicate_key
from claimcheck.store import load_store


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
            judged_day(judged, grades, new_ids, before, found_day, unfocused, whole)
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
    continued = continuing(findings, old_findings, new_ids, runner.evidence.group)
    for fp, before_fps in continued.items():
        done = sorted(reviewed.intersection(before_fps))
        if done and fp not in reviewed:
            judged.reopened[fp] = done[0]
        else:
            existing.add(fp)
    # A new dispute grown out of a reviewed one (a new party's figure joins it) is news,
    # and it reopens that review too: the reviewed fingerprint is gone.
    for fp, before_fps in grown(findings, old_findings).items():
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
