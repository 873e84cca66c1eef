"""Reviews on findings: a person's verdict attached to the finding it was recorded on,
or to the finding that continues it, and the reviews that match nothing any more.

A review names a finding by fingerprint, and a fingerprint names the rule, the group
and the values in dispute (:mod:`claimcheck.findings`), so new sources of a value leave
it as it was. One change of evidence changes the rule instead: a value resting on one
origin is CC201's, and once a second outlet relays it, CC203's ("looks multi-sourced"):
the same gap, seen with more relays. Rules declare such kin (:attr:`Rule.kin`), and a
review of one is carried to the other's finding on the same values (or some of them),
saying so. Anything else that matches no finding is a stale review, pointed, when it
lists its claims, at the findings now holding them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from claimcheck.findings import SEVERITY_RANK, Finding, ReviewMark, StaleReview, fingerprint
from claimcheck.model import Review
from claimcheck.rules import all_rules
from claimcheck.store import Store

__all__ = ["attach_reviews", "continues"]

#: A group whose kindred findings name more values than this is searched for the sets a
#: review can name (each finding's values, each value, all of them) rather than every
#: subset: 2**12 fingerprints a group at most.
ALL_SUBSETS_UP_TO = 12


def attach_reviews(store: Store, findings: list[Finding], complete: bool) -> list[StaleReview]:
    """Mark each finding with the review recorded on it, or on the kindred finding it
    continues; with ``complete`` (every rule ran), the reviews matching no finding."""
    by_fp = {f.fingerprint: f for f in findings}
    unmatched = [(i, r) for i, r in enumerate(store.reviews) if r.finding not in by_fp]
    carried = _kindred(findings, {r.finding for _, r in unmatched}) if unmatched else {}
    stale: list[StaleReview] = []
    for review in store.reviews:
        finding = by_fp.get(review.finding)
        if finding is not None:
            finding.review = _mark(store, finding, review)
    for i, review in unmatched:
        hit = carried.get(review.finding)
        if hit is not None:
            rule, continuing = hit
            for finding in continuing:
                if finding.review is None:  # (its own review comes first)
                    finding.review = _mark(store, finding, review, rule)
        elif complete:
            stale.append(
                StaleReview(
                    fingerprint=review.finding,
                    verdict=review.verdict,
                    note=review.note,
                    location=store.review_location(i),
                    successors=_successors(store, findings, review),
                    listed=bool(review.claims),
                )
            )
    return stale


def continues(finding: Finding, rule: str, values: Iterable[str]) -> bool:
    """Whether ``finding`` continues a finding of ``rule`` on ``values``: it is of a rule
    kindred to it (:attr:`Rule.kin`) and names some of those values and no other."""
    kin = next((r.kin for r in all_rules() if r.code == rule), frozenset())
    return finding.rule in kin and bool(finding.key) and set(values).issuperset(finding.key)


def _mark(store: Store, finding: Finding, review: Review, rule: str | None = None) -> ReviewMark:
    """The review as ``finding`` shows it; ``rule``: the kindred rule it was recorded on."""
    was = None
    if rule is not None:
        names = {r.code: r.name for r in all_rules()}
        was = {"rule": rule, "name": names[rule], "fingerprint": review.finding}
    return ReviewMark(
        verdict=review.verdict,
        note=review.note,
        by=review.by,
        on=review.on.isoformat() if review.on else None,
        new_claims=_added_since(store, finding, review),
        reviewed_as=was,
    )


def _kindred(findings: list[Finding], wanted: set[str]) -> dict[str, tuple[str, list[Finding]]]:
    """The reviewed fingerprints among ``wanted`` that a kindred rule's findings continue:
    each with the rule it was of and those findings — of that rule or its kin, in the
    same group, on values all among those it named. The fingerprint of every set of
    values a group's kindred findings name, under each of their rules, is tried."""
    kin = {r.code: r.kin for r in all_rules() if r.kin}
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.rule in kin and f.key:
            groups[(f.subject or "", f.property or "")].append(f)
    found: dict[str, tuple[str, list[Finding]]] = {}
    for (subject, prop), group in groups.items():
        codes = sorted({c for f in group for c in (f.rule, *kin[f.rule])})
        for values in _value_sets(group):
            for code in codes:
                fp = fingerprint(code, subject, prop, values)
                if fp not in wanted:
                    continue
                named = set(values)
                continuing = [
                    f
                    for f in group
                    if (f.rule == code and named.issuperset(f.key)) or continues(f, code, named)
                ]
                if continuing:
                    found[fp] = (code, continuing)
    return found


def _value_sets(group: list[Finding]) -> Iterator[tuple[str, ...]]:
    """The sets of values a review of this group's findings can have named."""
    values = sorted({v for f in group for v in f.key})
    if len(values) <= ALL_SUBSETS_UP_TO:
        for size in range(1, len(values) + 1):
            yield from combinations(values, size)
        return
    seen: set[tuple[str, ...]] = set()
    for chosen in [*((v,) for v in values), *(tuple(sorted(f.key)) for f in group)]:
        if chosen not in seen:
            seen.add(chosen)
            yield chosen
    yield tuple(values)


def _successors(store: Store, findings: list[Finding], review: Review) -> list[Finding]:
    """Findings holding claims a stale review lists: first those sharing claims of the
    most speakers (a dispute between the same parties, one of which revised its figure,
    before the revision itself), then the most severe, then the most claims in common."""
    if not review.claims:
        return []
    seen = set(review.claims)
    claims = store.claims

    def speakers(ids: Iterable[str]) -> int:
        return len({claims[c].speaker for c in ids if c in claims})

    ranked = []
    for f in findings:
        common = seen.intersection(f.claims)
        if common:
            key = (-speakers(common), -SEVERITY_RANK[f.severity], -len(common), f.rule)
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
