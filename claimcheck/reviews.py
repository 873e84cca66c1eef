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
from collections.abc import Callable, Iterable, Iterator, Mapping
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
from claimcheck.model import Claim, Review
from claimcheck.results import Result
from claimcheck.rules import all_rules, codes_in
from claimcheck.rules.cc105_toll_revision import TollRevision
from claimcheck.rules.cc106_toll_decrease import TollDecrease
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity

__all__ = ["attach_reviews", "continues", "reviews_made_stale", "reviews_of_nothing"]


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
    disputes = _Disputes(store, findings) if unmatched else None
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
                    revision=_revision(store, rule, successors, review.claims or ()),
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
    disputes = _Disputes(store, findings)
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


class _Disputes:
    """The store's disputes (conflict findings) as a review recorded on one of them may
    find it after its values changed: the values each is on, and the values a review
    judged, told by the claims it lists and the store, checked against its fingerprint.

    A fingerprint names the values in dispute, so a value leaving a dispute (retracted,
    superseded, revised by its speaker) changes it as a value entering does; but the
    dispute that lost a value is the dispute reviewed, its review still holds (DESIGN
    §4: a *new* value changes the finding). The reviewed values are found by trying the
    fingerprints of the value sets the review can have seen — the values of the claims
    it lists; a dispute's values now, with those; without the values none of whose
    claims it can have seen (listed none of them, published after its date); and each of
    these with one value of the group not in the dispute now, or with every value of the
    group's withdrawn claims — each set checked against the review's fingerprint, never
    guessed. Linear in the group: no subset is enumerated.
    """

    def __init__(self, store: Store, findings: list[Finding]) -> None:
        self.store = store
        conflicts = codes_in("conflict")
        self.by_group: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for f in findings:
            if f.rule in conflicts and f.subject is not None and f.property is not None:
                self.by_group[(f.subject, f.property)].append(f)
        self._values: dict[str, dict[str, list[str]] | None] = {}
        self._unlisted: dict[str, tuple[Finding, frozenset[str]]] | None = None

    def values(self, f: Finding) -> dict[str, list[str]] | None:
        """The values ``f``'s fingerprint names, each with its claims (None when the
        claims' own values do not give its fingerprint: a relay worded otherwise)."""
        if f.fingerprint not in self._values:
            held = _said(self.store, f.claims)
            named = fingerprint(f.rule, f.subject, of_day(f.property, f.day), held)
            self._values[f.fingerprint] = held if named == f.fingerprint else None
        return self._values[f.fingerprint]

    def reviewed(self, review: Review, f: Finding) -> frozenset[str] | None:
        """The values of the finding ``review`` was recorded on, when it was of ``f``'s
        rule and group and the store tells them (see the class)."""
        now = self.values(f)
        if now is None:
            return None
        store = self.store
        group = store.groups.get((f.subject or "", f.property or ""), [])
        listed_ids = set(review.claims or ())
        listed = {c.said for c in group if c.id in listed_ids}
        unseen = {
            v
            for v, ids in now.items()
            if not any(c in listed_ids or not _after(store, c, review) for c in ids)
        }
        seen = (set(now) - unseen) | listed
        bases = [frozenset(listed), frozenset(set(now) | listed), frozenset(seen)]
        pool = sorted({c.said for c in group} - set(now) - listed)
        withdrawn = frozenset(c.said for c in group if not c.active)
        tries = [
            *bases,
            *(base | withdrawn for base in bases[1:]),
            *(base | {v} for base in bases[1:] for v in pool),
        ]
        prop = of_day(f.property, f.day)
        for values in tries:
            if values and fingerprint(f.rule, f.subject, prop, values) == review.finding:
                return values
        return None

    def candidates(self, review: Review) -> list[Finding]:
        """The disputes a review may have been recorded on: those of the groups of the
        claims it lists."""
        claims = self.store.claims
        groups = sorted(
            {(c.subject, c.property) for cid in review.claims or () if (c := claims.get(cid))}
        )
        return [f for key in groups for f in self.by_group.get(key, ())]

    def shrunk(self, review: Review) -> tuple[Finding, list[ValueChange]] | None:
        """The unreviewed dispute ``review`` holds for, its values some of those it
        judged, and the values that left it since; None if none."""
        if review.claims:
            for f in self.candidates(review):
                values = self.reviewed(review, f)
                now = self.values(f)
                if (
                    f.review is None
                    and values is not None
                    and now is not None
                    and values > set(now)
                ):
                    return f, self.changes(review, f, values - set(now), entering=False)
            return None
        hit = self.unlisted().get(review.finding)
        if hit is None or hit[0].review is not None:
            return None
        f, values = hit
        return f, self.changes(review, f, values - set(self.values(f) or ()), entering=False)

    def unlisted(self) -> dict[str, tuple[Finding, frozenset[str]]]:
        """For reviews listing no claims: the fingerprints each dispute had with one
        more value of its group, or with its group's withdrawn claims' values — each
        with the dispute and those values (worked out once a run, when asked)."""
        if self._unlisted is None:
            found: dict[str, tuple[Finding, frozenset[str]]] = {}
            for (subject, prop), group_findings in self.by_group.items():
                group = self.store.groups.get((subject, prop), [])
                for f in group_findings:
                    now = self.values(f)
                    if now is None:
                        continue
                    base = frozenset(now)
                    withdrawn = frozenset(c.said for c in group if not c.active)
                    pool = sorted({c.said for c in group} - base)
                    about = of_day(f.property, f.day)
                    for values in (base | withdrawn, *(base | {v} for v in pool)):
                        if values != base:
                            found.setdefault(
                                fingerprint(f.rule, subject, about, values), (f, values)
                            )
            self._unlisted = found
        return self._unlisted

    def changed(
        self, review: Review
    ) -> tuple[Finding, list[ValueChange], list[ValueChange]] | None:
        """The dispute of the groups of the claims ``review`` lists whose values it judged
        are told, and the values that entered it and left it since; None if none."""
        for f in self.candidates(review):
            values = self.reviewed(review, f)
            if values is not None:
                return (f, *self.entered_left(review, f, values))
        return None

    def entered_left(
        self, review: Review, f: Finding, values: frozenset[str]
    ) -> tuple[list[ValueChange], list[ValueChange]]:
        """The values that entered ``f`` and those that left it since ``review`` (which
        judged ``values``)."""
        now = set(self.values(f) or ())
        return (
            self.changes(review, f, now - values, entering=True),
            self.changes(review, f, values - now, entering=False),
        )

    def changes(
        self, review: Review, f: Finding, values: Iterable[str], *, entering: bool
    ) -> list[ValueChange]:
        """The values that entered ``f`` (``entering``, its claims of them) or left it
        since ``review`` (the group's claims of them, those it lists first), each with
        why, where the store tells."""
        store = self.store
        group = store.groups.get((f.subject or "", f.property or ""), [])
        listed = set(review.claims or ())
        now = self.values(f) or {}
        out = []
        for v in values:
            if entering:
                holding = [store.claims[c] for c in now.get(v, ()) if c in store.claims]
            else:
                holding = [c for c in group if c.said == v]
                holding = [c for c in holding if c.id in listed] or holding
            if not holding:
                continue
            holding.sort(key=lambda c: c.id)
            why = _revision_of(holding, group) if entering else _why_left(holding, group, now)
            out.append(
                ValueChange(value=holding[0].stated, claims=[c.id for c in holding], why=why)
            )
        out.sort(key=lambda c: _value_order(store.claims[c["claims"][0]]))
        return out


def _said(store: Store, ids: Iterable[str]) -> dict[str, list[str]]:
    """The values the claims ``ids`` state, as fingerprints name them, each with its
    claims (in the order given)."""
    out: dict[str, list[str]] = {}
    for cid in ids:
        claim = store.claims.get(cid)
        if claim is not None:
            out.setdefault(claim.said, []).append(cid)
    return out


def _after(store: Store, claim_id: str, review: Review) -> bool:
    """Whether a claim's document came out after ``review`` (or undated, or the review
    has no date): the reviewer cannot be shown to have seen it."""
    claim = store.claims.get(claim_id)
    doc = store.documents.get(claim.source or "") if claim is not None else None
    published = doc.published if doc is not None else None
    return review.on is None or published is None or published > review.on


def _why_left(holding: list[Claim], group: list[Claim], now: Mapping[str, list[str]]) -> str | None:
    """Why a value's claims are out of a dispute: each withdrawn (its status), or its
    speaker's later figure in the dispute stands for it."""
    if all(not c.active for c in holding):
        return " / ".join(sorted({c.status for c in holding}))
    in_dispute = {cid for ids in now.values() for cid in ids}
    last = _days(
        (c for c in group if c.id in in_dispute), lambda d: d.low, max, default=dt.date.min
    )
    revisers = sorted(
        {
            c.speaker
            for c in holding
            if c.as_of is not None
            and c.as_of.known
            and last.get(c.speaker, dt.date.min) > c.as_of.high
        }
    )
    return f"revised since by {', '.join(revisers)}" if revisers else None


def _revision_of(holding: list[Claim], group: list[Claim]) -> str | None:
    """Whose revision a value entering a dispute is: a speaker's later figure than one
    of theirs of another value (``coast-guard's revision``)."""
    mine = {c.id for c in holding}
    first = _days((c for c in group if c.id not in mine), lambda d: d.high, min, dt.date.max)
    revisers = sorted(
        {
            c.speaker
            for c in holding
            if c.as_of is not None
            and c.as_of.known
            and c.as_of.low > first.get(c.speaker, dt.date.max)
        }
    )
    return f"{' and '.join(revisers)}'s revision" if revisers else None


def _days(
    claims: Iterable[Claim],
    end: Callable[[DateRange], dt.date],
    pick: Callable[[dt.date, dt.date], dt.date],
    default: dt.date,
) -> dict[str, dt.date]:
    """Each speaker's ``pick`` (earliest, latest) of an ``end`` of its claims' days."""
    out: dict[str, dt.date] = {}
    for c in claims:
        if c.as_of is not None and c.as_of.known:
            out[c.speaker] = pick(end(c.as_of), out.get(c.speaker, default))
    return out


def _value_order(c: Claim) -> tuple[float, str]:
    v = c.parsed
    if isinstance(v, Quantity):
        return (v.low, c.stated)
    if isinstance(v, DateRange):
        return (float(v.low.toordinal()), c.stated)
    return (0.0, c.stated)


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
        and _revision(store, rule, successors, review.claims or ()) is None
        and not any(
            f.rule == rule or (_follows(f.rule, rule) and f.kin_origins) for f in successors
        )
    )


def _revision(
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
    revision = _revision(store, changed.rule, kin, changed.claims)
    return replace(r, successors=kin, holds=True, rule=changed.rule, revision=revision)
