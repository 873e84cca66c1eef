"""Whether a conflict the candidates bring is one the store already has: continued (the
same speakers saying what the dispute already spans, or revising within it) or grown out
of it (holding all its claims and more). A dispute of the store is read once
(:class:`_Dispute`) for all the candidates weighed against it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Spans, bounds
from claimcheck.findings import Finding
from claimcheck.model import Claim
from claimcheck.rules import codes_in
from claimcheck.values import DateRange, Quantity, stated_numbers


def continuing(
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


def grown(findings: list[Finding], old: list[Finding]) -> dict[str, list[str]]:
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
