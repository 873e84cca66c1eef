"""Reviews on findings: a person's verdict attached to the finding it was recorded on,
or to the finding that continues it, and the reviews that match nothing any more.

A review names a finding by fingerprint, and a fingerprint names the rule, the group
and the values in dispute (:mod:`claimcheck.findings`), so new sources of a value leave
it as it was. One change of evidence changes the rule instead: a value resting on one
origin is CC201's, and once a second outlet relays it, CC203's ("looks multi-sourced"):
the same gap, seen with more relays. A rule says which findings its own continue
(:attr:`~claimcheck.rules.Rule.continues`) and its drafts the origins their values rest
on (a CC203 whose value is corroborated after all continues nothing). A review of a
finding is carried to the findings continuing it on the same values, or some of them
(a review of "14" and "at least 10" resting on one origin follows both when only the 14
is relayed), resting on the same origins; back the other way (a relay withdrawn) only
when the review lists claims that cover the finding's: a fingerprint does not say how
many origins the reviewed finding had. Anything else matching no finding is a stale
review, pointed, when it lists its claims, at the findings now holding them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cache

from claimcheck.findings import (
    SEVERITY_RANK,
    Finding,
    ReviewMark,
    StaleReview,
    ValueChange,
    fingerprint,
    of_day,
)
from claimcheck.model import Review
from claimcheck.reviews.disputes import Disputes
from claimcheck.rules import all_rules, codes_in
from claimcheck.rules.cc105_toll_revision import TollRevision
from claimcheck.rules.cc106_toll_decrease import TollDecrease
from claimcheck.store import Store
from claimcheck.values import DateRange

__all__ = ["attach_reviews", "continues", "gap_revision", "reopened_changes"]


def attach_reviews(store: Store, findings: list[Finding], complete: bool) -> list[StaleReview]:
    """Mark each finding with the review recorded on it, or on the finding it continues;
    with ``complete`` (every rule ran), return the reviews matching no finding."""
    by_fp = {f.fingerprint: f for f in findings}
    for review in store.reviews:
        finding = by_fp.get(review.finding)
        if finding is not None:
            finding.review = _mark(store, finding, review)
    unmatched = [(i, r) for i, r in enumerate(store.reviews) if r.finding not in by_fp]
    carried = _carried(findings, {r.finding: r for _, r in unmatched}) if unmatched else {}
    names = {r.code: r.name for r in all_rules()}
    disputes = Disputes(store, findings) if unmatched else None
    stale: list[StaleReview] = []
    for i, review in unmatched:
        hit = carried.get(review.finding)
        if hit is not None:
            code, continuing = hit
            was = {"rule": code, "name": names[code], "fingerprint": review.finding}
            for finding in continuing:
                if finding.review is None:  # (its own review, or an earlier one, first)
                    finding.review = _mark(store, finding, review, was)
            continue
        assert disputes is not None
        shrunk = disputes.shrunk(review)
        if shrunk is not None:
            finding, lost = shrunk
            was = {"rule": finding.rule, "name": finding.name, "fingerprint": review.finding}
            finding.review = replace(_mark(store, finding, review, was), left=lost)
        elif complete:
            rule = _rule_of(store, review)
            changed = disputes.changed(review)
            if rule is None and changed is not None:
                rule = changed[0].rule
            successors, holds = _successors(store, findings, review, rule)
            entered: list[ValueChange] = []
            left: list[ValueChange] = []  # (of the dispute it judged)
            if changed is not None:  # (the dispute it judged, its values changed, first)
                dispute, entered, left = changed
                successors = [dispute, *(f for f in successors if f is not dispute)][:3]
                holds = True
            stale.append(
                StaleReview(
                    fingerprint=review.finding,
                    verdict=review.verdict,
                    note=review.note,
                    location=store.review_location(i),
                    successors=successors,
                    listed=bool(review.claims),
                    rule=rule,
                    holds=holds,
                    closed=_closed(store, review, rule, successors),
                    revision=gap_revision(store, rule, successors, review.claims or ()),
                    entered=entered,
                    left=left,
                )
            )
    return stale


def reopened_changes(
    store: Store, findings: list[Finding], before: list[Finding], reopened: Mapping[str, str]
) -> dict[str, tuple[list[ValueChange], list[ValueChange]]]:
    """What changed in each dispute a candidate check reopens (``reopened``: its
    fingerprint -> the reviewed one's), from the reviewed dispute as the store has it
    (``before``) or as the review and the store tell: the values that entered it and
    those that left, by fingerprint (none where neither tells)."""
    disputes = Disputes(store, findings)
    was_by_fp = {f.fingerprint: f for f in before}
    reviews = {r.finding: r for r in store.reviews}
    by_fp = {f.fingerprint: f for f in findings}
    out: dict[str, tuple[list[ValueChange], list[ValueChange]]] = {}
    for fp, was in reopened.items():
        f, review = by_fp.get(fp), reviews.get(was)
        if f is None or review is None:
            continue
        old = was_by_fp.get(was)
        values = (
            frozenset(held)
            if old is not None and (held := disputes.values(old)) is not None
            else disputes.reviewed(review, f)
        )
        now = disputes.values(f)
        if values is not None and now is not None:
            out[fp] = disputes.entered_left(review, f, values)
    return out


def continues(finding: Finding, was: Finding) -> bool:
    """Whether ``finding`` continues ``was`` (the same gap, seen with more relays): of
    ``was``'s rule or one continuing it, on some of its values and none other, resting
    on one of its origins."""
    return (
        bool(finding.kin_values)
        and finding.day == was.day
        and _follows(finding.rule, was.rule)
        and set(was.kin_values).issuperset(finding.kin_values)
        and not set(was.kin_origins).isdisjoint(finding.kin_origins)
    )


@cache
def _continued() -> Mapping[str, frozenset[str]]:
    """Each rule's code -> the codes of the rules its findings continue (those that
    continue any)."""
    return {r.code: r.continues for r in all_rules() if r.continues}


def _closed(store: Store, review: Review, rule: str | None, successors: list[Finding]) -> bool:
    """Whether a stale review's gap (CC201 ...; the rule its listed claims tell) is
    closed: its claims still stand, and no finding holding them is of its rule or
    continues it (a CC203 whose value has enough origins does not), nor says another
    origin contradicts them (a value contested is no gap closed)."""
    conflicts = codes_in("conflict")
    return (
        rule is not None
        and rule in codes_in("gap")
        and all(c in store.claims and store.claims[c].active for c in review.claims or ())
        and not any(f.rule in conflicts for f in successors)
        and gap_revision(store, rule, successors, review.claims or ()) is None
        and not any(
            f.rule == rule or (_follows(f.rule, rule) and f.kin_origins) for f in successors
        )
    )


def gap_revision(
    store: Store, rule: str | None, successors: list[Finding], reviewed: Iterable[str]
) -> Finding | None:
    """The revision (CC105, CC106) holding a gap's claims (``reviewed``, of the findings
    ``successors`` lists) as its earlier figure — a figure of it dated after all of
    them — when no finding of the gap's rule follows it: the figure, revised since by
    its own origin, no longer stands to rest on one origin (and the revised figure stands
    on more, or on other speakers' words: a gap on it is the one to review). Not a
    revision to the reviewed figure, nor a misquote (CC107: a reviewer's store)."""
    if (
        rule is None
        or rule not in codes_in("gap")
        or any(_follows(f.rule, rule) for f in successors)
    ):
        return None
    seen = set(reviewed)
    days = [d.high for c in seen if (d := _day(store, c)) is not None]
    if not days:
        return None
    last = max(days)
    for f in successors:
        if f.rule in _TOLL_REVISIONS and any(
            (d := _day(store, c)) is not None and d.low > last for c in f.claims if c not in seen
        ):
            return f
    return None


#: The rules of an origin's toll revised (not CC107: a figure said two ways at once).
_TOLL_REVISIONS = frozenset({TollRevision.code, TollDecrease.code})


def _day(store: Store, claim_id: str) -> DateRange | None:
    c = store.claims.get(claim_id)
    return c.as_of if c is not None and c.as_of is not None and c.as_of.known else None


def _follows(rule: str, was: str) -> bool:
    """Whether a finding of ``rule`` may continue one of ``was``: the same rule, or one
    that continues it (:attr:`~claimcheck.rules.Rule.continues`)."""
    return rule == was or was in _continued().get(rule, ())


def _mark(
    store: Store, finding: Finding, review: Review, was: dict[str, str] | None = None
) -> ReviewMark:
    """The review as ``finding`` shows it; ``was``: the finding it was recorded on, if
    another (``rule``, ``name``, ``fingerprint``)."""
    return ReviewMark(
        verdict=review.verdict,
        note=review.note,
        by=review.by,
        on=review.on.isoformat() if review.on else None,
        new_claims=_added_since(store, finding, review),
        reviewed_as=was,
    )


def _carried(
    findings: list[Finding], wanted: dict[str, Review]
) -> dict[str, tuple[str, list[Finding]]]:
    """The reviews among ``wanted`` (by fingerprint) whose finding is gone but continued:
    each with the rule it was recorded on and the findings it is carried to.

    A gone finding's fingerprint is found by trying, under each rule involved, the
    fingerprints of the value sets it can have named: among the findings of one group
    resting on shared origins, each value, each finding's values, all of them, and all
    of those not reviewed themselves. Linear in the findings: no subset is enumerated.
    """
    continued = _continued()
    kindred = {c for code, codes in continued.items() for c in (code, *codes)}
    none: frozenset[str] = frozenset()
    reviewed = {f.fingerprint for f in findings if f.review is not None}
    groups: dict[tuple[str, str | None], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.rule in kindred and f.kin_values:
            groups[(f.subject or "", of_day(f.property or "", f.day))].append(f)
    found: dict[str, tuple[str, list[Finding]]] = {}
    for (subject, prop), group in groups.items():
        for part in _sharing_origins(group):
            codes = sorted(
                {f.rule for f in part}
                | {c for f in part for c in continued.get(f.rule, none)}
                | {code for code, codes in continued.items() if codes & {f.rule for f in part}}
            )
            for values in _value_sets(part, reviewed):
                for code in codes:
                    fp = fingerprint(code, subject, prop, values)
                    review = wanted.get(fp)
                    if review is None or fp in found:
                        continue
                    named = set(values)
                    to = [
                        f
                        for f in part
                        if named.issuperset(f.kin_values) and _carries(code, f, review)
                    ]
                    if to:
                        found[fp] = (code, to)
    return found


def _carries(rule: str, finding: Finding, review: Review) -> bool:
    """Whether a review recorded on a finding of ``rule``, on values including all of
    ``finding``'s, holds for ``finding``: of that rule (the rest of its values moved on),
    or continuing it; or continued by it (a relay withdrawn) when the review lists claims
    covering ``finding``'s — the reviewer saw all of its evidence."""
    if _follows(finding.rule, rule):
        return True
    if _follows(rule, finding.rule):
        return review.claims is not None and set(review.claims).issuperset(finding.claims)
    return False


def _sharing_origins(group: list[Finding]) -> list[list[Finding]]:
    """``group``'s findings in sets linked by the origins they rest on."""
    from networkx.utils import UnionFind  # (only when a review matched no finding)

    sets = UnionFind(range(len(group)))
    first: dict[str, int] = {}
    for i, f in enumerate(group):
        for origin in f.kin_origins:
            sets.union(i, first.setdefault(origin, i))
    parts = sorted(sorted(part) for part in sets.to_sets())  # (in the findings' order)
    return [[group[i] for i in part] for part in parts]


def _value_sets(part: list[Finding], reviewed: set[str]) -> Iterator[tuple[str, ...]]:
    """The value sets a gone finding continued by ``part`` can have named (each once)."""
    candidates: list[Iterable[str]] = [(v,) for f in part for v in f.kin_values]
    candidates += [f.kin_values for f in part]
    candidates.append([v for f in part for v in f.kin_values])
    candidates.append([v for f in part if f.fingerprint not in reviewed for v in f.kin_values])
    seen: set[tuple[str, ...]] = set()
    for values in candidates:
        chosen = tuple(sorted(set(values)))
        if chosen and chosen not in seen:
            seen.add(chosen)
            yield chosen


def _successors(
    store: Store, findings: list[Finding], review: Review, rule: str | None
) -> tuple[list[Finding], bool]:
    """Findings a stale review may have become, from the claims it lists, and whether the
    first holds some of them: findings holding them, and those of the ``rule`` it was
    recorded on (:func:`_rule_of`) in their group on figures of their speakers (the rebels'
    30 reviewed as resting on one origin, revised to 25: the CC201 on the 25, before the
    CC106 holding the 30). First the same rule, then those sharing claims of the most
    speakers (a dispute between the same parties, one of which revised its figure, before
    the revision itself), then the most severe, then the most claims in common."""
    if not review.claims:
        return [], True
    seen = set(review.claims)
    claims = store.claims
    listed = [claims[c] for c in review.claims if c in claims]
    groups = {(c.subject, c.property) for c in listed}
    speaking = {c.speaker for c in listed}

    def speakers(ids: Iterable[str]) -> int:
        return len({claims[c].speaker for c in ids if c in claims})

    def of_rule(f: Finding) -> bool:
        return (
            f.rule == rule
            and (f.subject, f.property) in groups
            and any(claims[c].speaker in speaking for c in f.claims if c in claims)
        )

    # (each listed claim's speaker and stance, with the day it was said: a finding on a
    # later word of theirs holds the figure they revised to — the army's 14 after the
    # 9 reviewed, not its denial of the rebels' 40 — a desk's trial)
    said: dict[tuple[str, str], dt.date] = {}
    for c in listed:
        day = c.as_of.low if c.as_of is not None and c.as_of.known else dt.date.min
        spoken = (c.speaker, c.stance)
        said[spoken] = min(day, said.get(spoken, dt.date.max))

    def revising(f: Finding) -> int:
        return sum(
            1
            for cid in f.claims
            if cid not in seen
            and cid in claims
            and (c := claims[cid]).as_of is not None
            and c.as_of.known
            and c.as_of.low > said.get((c.speaker, c.stance), dt.date.max)
        )

    ranked = []
    for f in findings:
        common = seen.intersection(f.claims)
        same = of_rule(f)
        if common or same:
            key = (
                not same,
                -speakers(common),
                -revising(f),
                -SEVERITY_RANK[f.severity],
                -len(common),
                f.rule,
            )
            ranked.append((key, f.fingerprint, f))
    found = [f for _, _, f in sorted(ranked, key=lambda t: (t[0], t[1]))][:3]
    return found, not found or not seen.isdisjoint(found[0].claims)


def _rule_of(store: Store, review: Review) -> str | None:
    """The rule of the finding a stale review was recorded on, when the claims it lists
    tell: the one whose fingerprint of their group and values is the review's."""
    listed = [store.claims[c] for c in review.claims or () if c in store.claims]
    groups = {(c.subject, c.property) for c in listed}
    if len(groups) != 1:
        return None
    ((subject, prop),) = groups
    values = sorted({c.said for c in listed})
    # (of a property that varies, the fingerprint names the day: tried as the claims
    # say it)
    named = [prop, *sorted({f"{prop}@{c.as_of.canonical()}" for c in listed if c.as_of})]
    for r in all_rules():
        if any(fingerprint(r.code, subject, p, values) == review.finding for p in named):
            return r.code
    return None


def _added_since(store: Store, finding: Finding, review: Review) -> list[str]:
    """The claims a reviewed finding gained since its review: those whose document was
    published after the review's date — which the reviewer cannot have seen — and that
    the claims it lists (if it lists any) do not name. A claim it does not list whose
    document came out on or before that date is not new since the review: a desk lists
    the claim that prompted its review, not every one it read (a fact-checker's trial).
    With a list and no date, the list alone tells; a claim it does not list whose
    document has no date is new; with neither, none is. (A retrieval date says when
    someone read a document, not whether the reviewer did.)"""
    listed = set(review.claims) if review.claims is not None else None
    if review.on is None:
        return [c for c in finding.claims if c not in listed] if listed is not None else []
    added = []
    for cid in finding.claims:
        if listed is not None and cid in listed:
            continue
        claim = store.claims.get(cid)
        doc = store.documents.get(claim.source or "") if claim is not None else None
        published = doc.published if doc is not None else None
        if (published is None and listed is not None) or (
            published is not None and published > review.on
        ):
            added.append(cid)
    return added
