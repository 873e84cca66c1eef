"""A store's evidence: the analysis of its (subject, property) groups, one at a time.

"Evidence" names one idea at two scales: :class:`StoreEvidence` (here) makes each
group's :class:`~claimcheck.analysis.group.GroupEvidence` — who said what, origins,
statements, tallies, conflicts — and :attr:`GroupEvidence.counted` are the claims of a
group that count for and against its values. Every rule, the grades and the estimates
work on groups, never on all pairs of a store.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.statements import Thresholds
from claimcheck.model import Claim
from claimcheck.store import Store
from claimcheck.values import DateRange, Quantity


class StoreEvidence:
    """The evidence of a store's groups, each a :class:`GroupEvidence` built on demand
    (and not kept: a check visits each group once)."""

    def __init__(
        self,
        store: Store,
        thresholds: Thresholds = Thresholds(),
        provenance: Provenance | None = None,
    ) -> None:
        self.store = store
        self.thresholds = thresholds
        self.provenance = provenance or Provenance(store)
        # Keyed by id(): valid while the store, which holds every parsed value, lives.
        self._value_keys: dict[int, object] = {}

    def group(self, key: tuple[str, str], claims: Sequence[Claim] | None = None) -> GroupEvidence:
        if claims is None:
            # Not kept: a store's groups are visited once.
            claims = self.store.groups.get(key, [])
        return GroupEvidence(
            self.store, self.provenance, key, claims, self.thresholds, self._value_keys
        )

    def groups(
        self, key: tuple[str, str], claims: Sequence[Claim] | None = None
    ) -> list[GroupEvidence]:
        """The group's evidence as the rules judge it: one :class:`GroupEvidence` — or,
        for a property whose values rise and fall (``varies``: people held, displaced),
        one a day, in day order (claims of no known day last): only values of one day
        can conflict, and each origin's figure of a day is its word of that day."""
        if claims is None:
            claims = self.store.groups.get(key, [])
        prop = self.store.properties.get(key[1])
        if prop is None or not prop.varies:
            return [self.group(key, claims)]
        days: dict[tuple[object, ...], tuple[DateRange | None, list[Claim]]] = {}
        for c, day in zip(claims, days_of(self.provenance, claims), strict=True):
            at = (0, day.low, day.high) if day is not None else (1,)
            days.setdefault(at, (day, []))[1].append(c)
        return [
            GroupEvidence(
                self.store,
                self.provenance,
                key,
                day_claims,
                self.thresholds,
                self._value_keys,
                day,
            )
            for _, (day, day_claims) in sorted(days.items())
        ]


def latest(evs: list[GroupEvidence]) -> GroupEvidence:
    """Of a group's evidence by day (:meth:`StoreEvidence.groups`), the latest day's:
    the last dated one, else the one group. What holds now: its estimate is the
    group's, and its gaps in corroboration the only ones told."""
    # (a day whose every value was withdrawn says nothing of what holds now)
    dated = [ev for ev in evs if ev.day is not None and ev.claims]
    return dated[-1] if dated else evs[-1]


def several_voices(evs: list[GroupEvidence]) -> bool:
    """Whether a group split by day has several days and several voices: its latest
    day's estimate is then given however many figures that day has ("an estimate never
    vanishes")."""
    return len(evs) > 1 and len({c.speaker for ev in evs for c in ev.claims}) > 1


def tells_gaps(ev: GroupEvidence, last: GroupEvidence) -> bool:
    """Whether the gap rules (CC201 …) speak of ``ev``: any group's, but of a property
    that varies only the latest day's (``last``) and its undated values — an earlier
    day's count resting on one origin is no gap to fill."""
    return ev.day is None or ev.day == last.day


def days_of(provenance: Provenance, claims: Sequence[Claim]) -> list[DateRange | None]:
    """Each claim's day, for a property whose values vary: its ``as_of`` — or, for a
    claim with no date of its own in a document citing one where the same value was
    given (a party's word: where that party gave a value of this group; or, for a
    figure the party gives first-hand nowhere, where another voice gives it), that
    value's day: a radio repeating on the 14th the wire's count of the 8th, citing the
    wire's dispatch, gives the count of the 8th, not a count of the 14th (an analyst's
    trial read it as a dispute with the mediator's count of the 14th)."""
    # (each document's dated values, by who said them and by what they say, in day
    # order: a claim is dated by a lookup, not by a walk over the documents it cites)
    said: dict[tuple[str, object], list[DateRange]] = {}
    # (each voice's words given first-hand, in a document citing nothing: a party with
    # its parts, as for the quotes CC203 checks)
    first_hand: set[tuple[str, object]] = set()
    for d in claims:
        if d.source is not None and d.as_of is not None and d.as_of.known:
            said.setdefault((d.source, ("party", d.claimant)), []).append(d.as_of)
            said.setdefault((d.source, ("party", d.claimant, _said(d))), []).append(d.as_of)
            said.setdefault((d.source, ("value", _said(d))), []).append(d.as_of)
            if not provenance.cited(d.source):
                first_hand.add((provenance.origin_key(d), _said(d)))
    for days in said.values():
        days.sort(key=lambda d: (d.high, d.low))
    out: list[DateRange | None] = []
    for c in claims:
        day = c.as_of if c.as_of is not None and c.as_of.known else None
        if day is not None and not c.as_of_given and c.source is not None:
            # (a party's word: the day it gave that value there — a bulletin of 19 on
            # the 5th and 17 on the 10th quoted "19" is the 5th's — else its latest;
            # and a figure the party gives first-hand nowhere, given there in another
            # voice: the figure it cites, of that day — "48,000, the government said",
            # citing the UN's update of the 15th, is the UN's count of the 15th
            # misattributed, CC203, not the government's count of its own day. Not a
            # category or entity: the same answer in a cited background article is as
            # likely the party's own word of its day.)
            what = _said(c)
            asked: list[object] = [("value", what)]
            if c.quoting:
                asked = [("party", c.claimant, what), ("party", c.claimant)]
                voice = provenance.origin_key(c)
                if isinstance(c.parsed, Quantity) and (voice, what) not in first_hand:
                    asked.append(("value", what))
            earlier = []
            for key in asked:
                for doc in provenance.cited(c.source):
                    days = said.get((doc, key), [])
                    at = bisect_right(days, day.low, key=lambda d: d.high)
                    if at:
                        earlier.append(days[at - 1])
                if earlier:
                    break
            if earlier:
                day = max(earlier, key=lambda d: (d.high, d.low))
        out.append(day)
    return out


def _said(c: Claim) -> object:
    """What a claim states, as read: its stance and value's key."""
    return (c.stance, getattr(c.parsed, "key", c.parsed))
