"""A candidate check's reviews that would match nothing once the candidates are added:
the candidates' own (a mistyped fingerprint, a finding they change) and the store's
(a finding the candidates change), each pointed at what its finding becomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from claimcheck.findings import Finding, StaleReview
from claimcheck.results import Result
from claimcheck.reviews.attach import attach_reviews, gap_revision
from claimcheck.store import Store

__all__ = ["reviews_made_stale", "reviews_of_nothing"]


def reviews_of_nothing(
    store: Store,
    start: int,
    now: list[Finding],
    before: list[Finding],
    stored: Callable[[], Result],
) -> list[StaleReview]:
    """The candidates' reviews whose fingerprint no finding will have once they are
    added (a mistyped fingerprint, or one of a finding the candidates themselves
    change): known are the findings of the groups they touch, with them (``now``), and
    those of the rest of the store — asked, only when some review is of none of the
    former nor of a finding the candidates change (``before``: the touched groups'
    findings without them), of the store's check (``stored``: its kept result when the
    store was checked before, as `check` keeps it)."""
    now_fps = {f.fingerprint for f in now}
    before_fps = {f.fingerprint for f in before}
    mine = [
        r
        for r, w in zip(store.reviews, store.review_where, strict=True)
        if w.file >= start and r.finding not in now_fps
    ]
    if not mine:
        return []
    found = list(now)
    if any(r.finding not in before_fps for r in mine):
        # (the rest of the store: its findings outside the touched groups)
        found += [f for f in stored().findings if f.fingerprint not in before_fps]
    candidate_files = frozenset(store.files[start:])
    stale = attach_reviews(store, [replace(f, review=None) for f in found], complete=True)
    was = {f.fingerprint: f for f in before}
    return [
        replace(_pointed(store, r, was.get(r.fingerprint), now), new=True)
        for r in stale
        if r.location.path in candidate_files
    ]


def reviews_made_stale(
    store: Store, start: int, now: list[Finding], before: list[Finding], reopened: set[str]
) -> list[StaleReview]:
    """The store's reviews the candidates would leave matching no finding: each of a
    finding of the groups they touch (``before``: those groups' findings without them)
    that no finding of those groups continues once they are added (``now``) — a dispute
    that took a new value, a gap whose figure its origin revised or that a new origin
    closed. Not those of ``reopened`` (the candidate check names them on the dispute
    that continues them) — unless the candidates review that dispute anew."""
    # (each review holding on one of them: its own, or carried to it — a CC201's review
    # on the CC203 a relay made of it — and the finding it holds on)
    marked = [replace(f, review=None) for f in before]
    attach_reviews(store, marked, complete=False)
    held = {
        (f.review.reviewed_as or {}).get("fingerprint", f.fingerprint): f
        for f in marked
        if f.review is not None
    }
    now_fps = {f.fingerprint for f in now}
    if not any(
        w.file < start and r.finding in held and r.finding not in now_fps
        for r, w in zip(store.reviews, store.review_where, strict=True)
    ):
        return []
    stale = attach_reviews(store, [replace(f, review=None) for f in now], complete=True)
    candidate_files = frozenset(store.files[start:])
    out = []
    for r in stale:
        if r.fingerprint not in held or r.location.path in candidate_files:
            continue
        was = held[r.fingerprint]
        pointed = replace(_pointed(store, r, was, now), coming=True)
        # (a reopened dispute the candidates review anew leaves the old review stale:
        # "it has a review of its own: remove this one", after the add — a desk's trial;
        # the dispute's own review, not that of a gap sharing a claim with it, which
        # counted one review as reopened and made stale — a fact-checker's trial)
        if r.fingerprint in reopened and not any(
            f.review for f in pointed.successors if f.rule_group == was.rule_group
        ):
            continue
        out.append(pointed)
    return out


def _pointed(
    store: Store, r: StaleReview, changed: Finding | None, now: list[Finding]
) -> StaleReview:
    """``r`` pointed at what its finding (``changed``, one the candidates change)
    becomes: the findings holding its claims, most in common first (when it lists
    none)."""
    if changed is None or r.successors:
        return r
    held = set(changed.claims)
    kin = [f for f in now if held.intersection(f.claims)]
    kin.sort(key=lambda f: -len(held.intersection(f.claims)))
    revision = gap_revision(store, changed.rule, kin, changed.claims)
    return replace(r, successors=kin, holds=True, rule=changed.rule, revision=revision)
