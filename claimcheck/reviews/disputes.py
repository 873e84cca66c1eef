"""The disputes a review was recorded on, after their values changed: which values a
review judged (told by the claims it lists and the store, checked against its
fingerprint), and which entered the dispute or left it since, and why.

A fingerprint names the values in dispute, so a value leaving a dispute (retracted,
superseded, revised by its speaker) changes it as a value entering does; but the
dispute that lost a value is the dispute reviewed (DESIGN §4: a *new* value changes the
finding), and a notice of one that gained a value says which.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import chain

from claimcheck.analysis.evidence import days_of
from claimcheck.analysis.provenance import Provenance
from claimcheck.findings import Finding, ValueChange, fingerprint, of_day
from claimcheck.model import Claim, Review
from claimcheck.rules import codes_in
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity

__all__ = ["Disputes"]


class Disputes:
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
    guessed: each dispute's values once per value of its group (of its day, for a
    property whose values vary) — no subset is enumerated.
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
        self._reviewed: dict[tuple[str, str], frozenset[str] | None] = {}
        self._claims: dict[tuple[str, str, str | None], list[Claim]] = {}
        self.provenance = Provenance(store)

    def claims_of(self, f: Finding) -> list[Claim]:
        """The claims of ``f``'s group — of its day, for a property whose values vary:
        the values another of its days gives are no values of its dispute."""
        key = (f.subject or "", f.property or "", f.day)
        found = self._claims.get(key)
        if found is None:
            group = self.store.groups.get(key[:2], [])
            if f.day is None:
                found = self._claims[key] = group
            else:  # (each day's claims of the group, indexed once, dated as the rules
                # date them: an undated relay by the value it cites)
                for c, day in zip(group, days_of(self.provenance, group), strict=True):
                    self._claims.setdefault((*key[:2], day.canonical() if day else ""), []).append(
                        c
                    )
                found = self._claims.setdefault(key, [])
        return found

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
        rule and group and the store tells them (see the class; asked once a pair)."""
        key = (review.finding, f.fingerprint)
        if key not in self._reviewed:
            self._reviewed[key] = self._told(review, f)
        return self._reviewed[key]

    def _told(self, review: Review, f: Finding) -> frozenset[str] | None:
        now = self.values(f)
        if now is None:
            return None
        store = self.store
        group = self.claims_of(f)
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
        tries = chain(
            bases,
            (base | withdrawn for base in bases[1:]),
            (base | {v} for base in bases[1:] for v in pool),
        )
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
        f, left = hit
        return f, self.changes(review, f, left, entering=False)

    def unlisted(self) -> dict[str, tuple[Finding, frozenset[str]]]:
        """For reviews listing no claims: the fingerprints each dispute had with one
        more value of its group (of its day), or with its group's withdrawn claims'
        values — each with the dispute and the values it has lost (worked out once a
        run, when asked: each dispute's values once per value of its group)."""
        if self._unlisted is None:
            found: dict[str, tuple[Finding, frozenset[str]]] = {}
            for (subject, _), group_findings in self.by_group.items():
                for f in group_findings:
                    now = self.values(f)
                    if now is None:
                        continue
                    group = self.claims_of(f)
                    base = frozenset(now)
                    withdrawn = frozenset(c.said for c in group if not c.active) - base
                    pool = sorted({c.said for c in group} - base)
                    about = of_day(f.property, f.day)
                    for left in (withdrawn, *(frozenset({v}) for v in pool)):
                        if left:
                            found.setdefault(
                                fingerprint(f.rule, subject, about, base | left), (f, left)
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
        group = self.claims_of(f)
        listed = set(review.claims or ())
        now = self.values(f) or {}
        # (each value's claims, and each speaker's days, once: linear in the group)
        by_value: dict[str, list[Claim]] = defaultdict(list)
        for c in group:
            by_value[c.said].append(c)
        if entering:
            firsts = _firsts(group)
        else:
            in_dispute = {cid for ids in now.values() for cid in ids}
            last = _days(
                (c for c in group if c.id in in_dispute), lambda d: d.low, max, dt.date.min
            )
        out = []
        for v in values:
            if entering:
                holding = [store.claims[c] for c in now.get(v, ()) if c in store.claims]
            else:
                holding = [c for c in by_value.get(v, ()) if c.id in listed] or by_value.get(v, [])
            if not holding:
                continue
            holding = sorted(holding, key=lambda c: c.id)
            why = _revision_of(holding, v, firsts) if entering else _why_left(holding, last)
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


def _why_left(holding: list[Claim], last: Mapping[str, dt.date]) -> str | None:
    """Why a value's claims are out of a dispute: each withdrawn (its status), or its
    speaker's later figure in the dispute stands for it (``last``: each speaker's latest
    day in the dispute)."""
    if all(not c.active for c in holding):
        return " / ".join(sorted({c.status for c in holding}))
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


#: A speaker's earliest day of a value: (the day, the value).
First = tuple[dt.date, str]


def _firsts(group: list[Claim]) -> dict[str, list[First]]:
    """Each speaker's earliest days of its two values given first (enough to find its
    earliest day of any value but one)."""
    days: dict[str, dict[str, dt.date]] = defaultdict(dict)
    for c in group:
        if c.as_of is not None and c.as_of.known:
            mine = days[c.speaker]
            mine[c.said] = min(c.as_of.high, mine.get(c.said, dt.date.max))
    return {s: sorted((d, v) for v, d in said.items())[:2] for s, said in days.items()}


def _revision_of(holding: list[Claim], value: str, firsts: Mapping[str, list[First]]) -> str | None:
    """Whose revision a value entering a dispute is: a speaker's later figure than one
    of theirs of another value (``coast-guard's revision``)."""
    revisers = sorted(
        {
            c.speaker
            for c in holding
            if c.as_of is not None
            and c.as_of.known
            and c.as_of.low
            > next((d for d, v in firsts.get(c.speaker, ()) if v != value), dt.date.max)
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
