"""Who first said each claim of a group, and whose value a relay carries: origins, credit.

A claim's origin is who first said it (:meth:`Provenance.origin_key`). Its value is
credited to that origin, or — for a relay: an outlet's own reporting in a document
citing one that carries the value, own reporting of one value in documents citing a
common document, a suspected relay (CC206), a figure its origin withdrew still in print
(:mod:`.in_print`) — to the origin it relays. Choices go by
claim id, never by file order. What a relay is then credited with (the statement a
declared relay carries; which relays are a choice among equals) is :mod:`.credit`'s, and
the units of corroboration these origins make are :mod:`.units`'s.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from claimcheck.analysis.credit import COMMON_CITATION, SUSPECTED, party_word
from claimcheck.analysis.in_print import stale_in_print
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.analysis.timing import before, misquotes, own_word
from claimcheck.model import Claim, Outlet
from claimcheck.model.fields import TERTIARY_KINDS
from claimcheck.values import (
    DateRange,
    Quantity,
    figure_kind,
    rounding_span,
    rounds,
    rounds_off,
    stated_numbers,
)

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


class _DocIndex:
    """The claims of a group in one document, by what they state: which of them, first
    by id, supports a statement (the claim a relay carries, in :func:`compute_origins`)
    — without trying each claim of the document for each relaying claim."""

    __slots__ = (
        "asserted",
        "claims",
        "degenerate",
        "denied",
        "ends",
        "first",
        "found",
        "his",
        "keyed",
        "numbers",
        "parts",
        "single_numbers",
        "singles",
    )

    def __init__(self, ev: GroupEvidence, positions: list[int]) -> None:
        claims = ev.claims
        statement_of = ev.statement_by_claim
        self.claims = claims
        first: dict[int, tuple[str, int, Statement]] = {}
        for j in positions:
            t = statement_of.get(claims[j].id)
            if t is not None:
                cid = claims[j].id
                if t.index not in first or cid < first[t.index][0]:
                    first[t.index] = (cid, j, t)
        self.first = first
        #: The answer for each statement asked about.
        self.found: dict[int, int | None] = {}
        #: (numbers stated, id, position) of the first claim of each asserted quantity:
        #: built when first asked (:meth:`_same_figure`).
        self.numbers: list[tuple[frozenset[float], str, int]] | None = None
        #: (stance, key) -> (id, position) of the first claim stating it.
        self.keyed = {(t.stance, t.value.key): (cid, j) for cid, j, t in first.values()}
        self.asserted: list[tuple[Bound, Bound, str, int]] = []
        self.denied: list[tuple[Bound, Bound, str, int]] = []
        self.degenerate = False
        if ev.interval:
            for cid, j, t in first.values():
                if t.stance == "asserts":
                    lo, hi = bounds(t.value)
                    self.asserted.append((lo, hi, cid, j))
                    self.degenerate = self.degenerate or lo > hi
                else:
                    self.denied.append((*ev.window(t.value), cid, j))
            self.asserted.sort(key=lambda a: a[1])
        self.his = [a[1] for a in self.asserted]
        #: For an entity: each value the asserted keys answer, with those keys (a
        #: brigade says what its army does); built when first asked.
        self.parts: dict[object, list[object]] | None = None
        #: (number, id, position, statement) of each asserted figure of one number, and
        #: the numbers: built when first asked (:meth:`rounded`).
        self.singles: list[tuple[float, str, int, Statement]] | None = None
        self.single_numbers: list[float] = []
        #: For a date: the claims of each short range, by its first and last day
        #: (:meth:`containing`); built when first asked.
        self.ends: defaultdict[dt.date, list[tuple[str, int, DateRange]]] | None = None

    def _parts(self, ev: GroupEvidence) -> dict[object, list[object]]:
        if self.parts is None:
            self.parts = ev.by_answer(k for stance, k in self.keyed if stance == "asserts")
        return self.parts

    def carrier(
        self, ev: GroupEvidence, st: Statement, accept: Callable[[object], bool] | None = None
    ) -> int | None:
        """The position of the first claim (by id) whose statement supports ``st`` (and
        whose value ``accept`` takes, if given: asked anew, not kept)."""
        if accept is not None:
            return self._carrier(ev, st, accept)
        if st.index not in self.found:
            self.found[st.index] = self._carrier(ev, st)
        return self.found[st.index]

    def _carrier(
        self, ev: GroupEvidence, st: Statement, accept: Callable[[object], bool] | None = None
    ) -> int | None:
        best: tuple[str, int] | None = None
        if ev.interval:
            if st.stance == "asserts":
                low, high = ev.window(st.value)
                # An interval within the window ends in it (unless some is empty).
                start = 0 if self.degenerate else bisect_left(self.his, low)
                candidates = self.asserted[start : bisect_right(self.his, high)]
                within = [(cid, j) for lo, _, cid, j in candidates if lo >= low]
                if accept is not None:
                    statement_of = ev.statement_by_claim
                    within = [(cid, j) for cid, j in within if accept(statement_of[cid].value)]
                if len(within) > 1 and ev.type == "quantity":
                    # (one that states the same number first: a lede's "at least 20"
                    # above the army's 20 and a hospital's 23 has the army's)
                    mine = set(stated_numbers(st.value) or ())
                    same = [
                        (cid, j)
                        for cid, j in within
                        if mine & set(stated_numbers(ev.statement_by_claim[cid].value) or ())
                    ]
                    within = same or within
                best = min(within) if within else None
                if best is None and ev.type == "quantity":
                    best = self._same_figure(ev, st)
                    if (
                        best is not None
                        and accept is not None
                        and not accept(ev.statement_by_claim[best[0]].value)
                    ):
                        best = None
            else:
                lo, hi = bounds(st.value)
                for low, high, cid, j in self.denied:
                    if lo >= low and hi <= high and (best is None or cid < best[0]):
                        best = (cid, j)
        else:
            key, part = st.value.key, ev.within
            best = self.keyed.get((st.stance, key))
            if ev.type == "entity":  # (a part says what its whole says: the brigade, the army)
                # (denying the army denies its brigade)
                parts = self._parts(ev).get(key, ()) if st.stance == "asserts" else ev.answers(key)
                said = [(st.stance, k) for k in parts]
                for found in (self.keyed[k] for k in said if k in self.keyed):
                    if best is None or found < best:
                        best = found
            if st.stance == "denies" and ev.single:
                for (stance, k), found in self.keyed.items():
                    if (
                        stance == "asserts"
                        and not part(k, key)
                        and not part(key, k)
                        and (best is None or found < best)
                    ):
                        best = found
        return None if best is None else best[1]

    def containing(self, ev: GroupEvidence, st: Statement) -> int | None:
        """For a date, the position of the first claim (by id) whose asserted range of at
        most :data:`NARROWED_FROM` days ``st``'s date starts or ends: an outlet's own
        "12 April" citing a radio's "the weekend of 12 and 13 April" narrows it — it has
        its date from there (DESIGN §2, dependence 3), no second witness against the
        army's 14th (an analyst's trial). Not a day within a month or a year the cited
        document gives: that day is the outlet's own (a reviewer's store lost a CC103
        to "2 March" citing "2031"), as a figure a cited quantity does not state is
        (:meth:`_same_figure`)."""
        if ev.type != "date" or st.stance != "asserts" or not isinstance(st.value, DateRange):
            return None
        if self.ends is None:
            self.ends = defaultdict(list)
            for t_cid, t_j, t in self.first.values():
                v = t.value
                if (
                    t.stance == "asserts"
                    and isinstance(v, DateRange)
                    and v.known
                    and (v.high - v.low).days < NARROWED_FROM
                ):
                    self.ends[v.low].append((t_cid, t_j, v))
                    self.ends[v.high].append((t_cid, t_j, v))
        day = st.value
        found = [
            (cid, j)
            for cid, j, v in (*self.ends.get(day.low, ()), *self.ends.get(day.high, ()))
            if v.low <= day.low and day.high <= v.high
        ]
        return min(found)[1] if found else None

    def rounded(self, ev: GroupEvidence, st: Statement) -> int | None:
        """The position of the claim of the nearest figure ``st`` states rounded
        (:func:`rounds_off`; none when figures of several voices lie as near): a paper's
        own "50" citing the wire's "47, the mayor said" has its figure from there,
        worded loosely (DESIGN §2, dependence 3; CC107 names the relay) — not a second
        count against the mayor's (an analyst's trial)."""
        span = rounding_span(st.value) if st.stance == "asserts" else None
        if span is None:  # (most figures: no round one)
            return None
        if self.singles is None:  # (each asserted figure of one number, by its number)
            self.singles = sorted(
                (min(numbers), cid, j, t)
                for cid, j, t in self.first.values()
                if t.stance == "asserts" and len(numbers := set(stated_numbers(t.value) or ())) == 1
            )
            self.single_numbers = [x for x, _, _, _ in self.singles]
        # (only the figures it may round are tried)
        near = self.single_numbers
        lo, hi = bisect_left(near, span[0]), bisect_right(near, span[1])
        # (which of several voices' figures lying as near it rounds is a guess)
        found = [
            (abs(x - span[2]), cid, j)
            for x, cid, j, t in self.singles[lo:hi]
            if rounds_off(t.value, st.value)
        ]
        if not found:
            return None
        nearest = min(found)
        ties = [j for d, _, j in found if d == nearest[0]]
        if len({ev.provenance.origin_key(self.claims[j]) for j in ties}) > 1:
            return None
        return nearest[2]

    def _same_figure(self, ev: GroupEvidence, st: Statement) -> tuple[str, int] | None:
        """The first claim (by id) stating a figure of ``st`` in another form: a relay's
        "23" citing "at least 23" or "more than 23" carries that figure, qualifier
        dropped. Not with another qualifier it cannot hold with ("more than 23" citing
        "fewer than 23"), nor a vague word's size ("dozens" states no 24)."""
        if self.numbers is None:
            self.numbers = [
                (frozenset(stated_numbers(t.value) or ()), cid, j)
                for cid, j, t in self.first.values()
                if t.stance == "asserts" and not _vague(t.value)
            ]
        mine = set(stated_numbers(st.value) or ()) if not _vague(st.value) else set()
        statement_of = ev.statement_by_claim
        found = [
            (cid, j)
            for numbers, cid, j in self.numbers
            if mine & numbers
            and (
                _plain(st.value)
                or _plain(statement_of[cid].value)
                or not ev.excludes(statement_of[cid].value, st.value)
            )
        ]
        return min(found) if found else None


#: A cited date range at most this many days long may be narrowed to one of its ends by
#: an outlet having its date from there ("the weekend of the 12th and 13th": the 12th).
NARROWED_FROM = 7


def _vague(value: object) -> bool:
    return isinstance(value, Quantity) and value.form == "vague"


def _plain(value: object) -> bool:
    """A figure with no qualifier: "23" (what a relay dropping "at least" writes)."""
    return isinstance(value, Quantity) and value.form == "exact"


def _quoted_by_sister_outlet(ev: GroupEvidence, relays: dict[int, tuple[int, str]]) -> None:
    """An outlet's own words giving the value that an outlet of the same owner printed,
    that day or before, as one party's word (a paper's "17, the government said" and its
    sister channel's unattributed "17 killed"): that party's value, as its own lede's
    would be — one newsroom, one source — not a neutral count confirming the government
    against the hospital (an analyst's trial; DESIGN §2: outlets of one owner are one
    origin). Not an outlet keeping a count of its own (several figures of its own), nor
    a value the sister attributes to several origins."""
    claims, store = ev.claims, ev.store
    outlets, published = store.outlets, ev.provenance.published
    shared = ev.provenance.shared_owners()
    if not shared:
        return  # (most stores: no two outlets of one owner)
    own_reporting, statement_of = ev.provenance.own_reporting, ev.statement_by_claim
    quoted: dict[tuple[str, int], list[int]] = defaultdict(list)
    mine: list[int] = []
    # (each owner's own figures: outlets of one owner are one origin, and one keeping a
    # count of its own across them — the paper's 10, the channel's 12 the next day — is
    # that count updated)
    counts: dict[str, set[int]] = defaultdict(set)
    for j, c in enumerate(claims):
        outlet = outlets.get(c.outlet or "")
        st = statement_of.get(c.id)
        if outlet is None or st is None or outlet.owner_key not in shared or c.stance != "asserts":
            continue
        if own_reporting(c):
            counts[outlet.owner_key].add(st.index)
            mine.append(j)
        elif c.claimant in store.parties:
            quoted[(outlet.owner_key, st.index)].append(j)
    if not quoted:
        return
    for i in mine:
        c = claims[i]
        owner = outlets[c.outlet or ""].owner_key
        if i in relays or len(counts[owner]) != 1:
            continue
        when = published(c.source or "")
        found = [
            j
            for j in quoted.get((owner, statement_of[c.id].index), ())
            if claims[j].outlet != c.outlet
            and (when is None or (day := published(claims[j].source or "")) is None or day <= when)
        ]
        if found and len({ev.provenance.origin_key(claims[j]) for j in found}) == 1:
            j = min(found, key=lambda j: claims[j].id)
            relays[i] = (
                j,
                f"an outlet of the same owner attributes it ({claims[j].source}: "
                f"{claims[j].speaker})",
            )


def _quoted_in_own_document(ev: GroupEvidence, relays: dict[int, tuple[int, str]]) -> None:
    """An outlet's own words repeating a value the same document attributes to a
    claimant (a lede's "at least 23 killed" above "at least 23, the hospital said"; a
    headline's "Rebels seize Tamsar" above "the rebels said they hold the town") carry
    that claimant's value: note each such claim in ``relays`` with the claim it carries.
    Whatever the outlet may know otherwise, the document gives no other ground for it
    (an analyst's trial: a headline alone made the rebels' claim "confirmed"). Not an
    outlet keeping a count of its own — other values of its own in the group: its 22
    after its 15 is its count updated, which must supersede its 15, even where the
    ministry gives 22 too."""
    claims = ev.claims
    own_reporting = ev.provenance.own_reporting
    statement_of = ev.statement_by_claim
    own: dict[str, list[int]] = defaultdict(list)
    quoted: dict[str, list[int]] = defaultdict(list)
    counts: dict[str | None, set[int]] = defaultdict(set)  # each outlet's own figures
    for j, c in enumerate(claims):
        if c.source is not None and c.stance == "asserts":
            (own if own_reporting(c) else quoted)[c.source].append(j)
            if own_reporting(c) and c.id in statement_of:
                counts[c.outlet].add(statement_of[c.id].index)
    for doc_id, all_positions in own.items():
        positions = [i for i in all_positions if len(counts[claims[i].outlet]) == 1]
        others = quoted.get(doc_id)
        if not others:
            continue  # (most documents: one voice for the group)
        index = _DocIndex(ev, others)
        for i in positions:
            st = statement_of.get(claims[i].id)
            at = index.carrier(ev, st, partial(rounds, st.value)) if st is not None else None
            if at is not None:
                relays[i] = (
                    at,
                    f"an attribution in the same document ({doc_id}: {claims[at].speaker})",
                )


def compute_origins(ev: GroupEvidence) -> tuple[dict[str, int], dict[str, int]]:
    """Each claim's origin and the origin its value is credited to (see
    :attr:`GroupEvidence.credited`), both as the position of the origin's first claim;
    fills in ``ev.relayed_from`` and ``ev.relay_reasons`` for the relays."""
    claims = ev.claims
    prov = ev.provenance
    first_of: dict[str, int] = {}
    origin: dict[str, int] = {}
    origin_key = prov.origin_key
    for i, c in enumerate(claims):
        origin[c.id] = first_of.setdefault(origin_key(c), i)
    # The group's claims by document, built when a claim cites a document (few do).
    by_document: dict[str, list[int]] | None = None
    # Relays: each relaying claim points at the claim it relays. Choices go by claim
    # id, never by file order.
    statement_of = ev.statement_by_claim
    relays: dict[int, tuple[int, str]] = {}
    relayed: dict[tuple[str, int], list[int]] = defaultdict(list)
    indexes: dict[str, _DocIndex] = {}
    own_reporting, cited_by = prov.own_reporting, prov.cited_sorted
    outlets = ev.store.outlets

    def tertiary(c: Claim) -> bool:
        outlet = outlets.get(c.outlet or "")
        return outlet is not None and outlet.kind in TERTIARY_KINDS

    #: Party's words that carry no word of theirs from what they cite (position, cited).
    attributing: list[tuple[int, list[str]]] = []
    _quoted_in_own_document(ev, relays)
    _quoted_by_sister_outlet(ev, relays)
    for i, c in enumerate(claims):
        if i in relays:
            continue
        st = statement_of.get(c.id)
        if st is None or c.source is None:
            continue
        # (a party's word in a document citing one where the party says it — a wire's
        # "about 350, the commission said", citing the commission's report of 347 — is
        # that statement relayed, as an outlet's own figure citing one is)
        quoted = not own_reporting(c)
        cited = cited_by(c.source)
        if not cited:
            continue
        carrier = None
        if by_document is None:
            by_document = defaultdict(list)
            for j, d in enumerate(claims):
                if d.source is not None:
                    by_document[d.source].append(j)
        # (an outlet named as the source — "40, according to Sahel Wire" — in a document
        # citing that outlet's: the wire's dispatch relayed, whoever speaks in it, as
        # the wire quoting the Front is the Front's word — a desk's trial: the wire
        # became a neutral origin "confirming" the Front)
        named = outlets.get(c.claimant or "") if quoted else None
        for doc_id in cited:
            if quoted:  # (among the document's claims in that party's voice, first by id)
                at = _carrier_of(ev, by_document.get(doc_id, []), c, st, origin)
                if at is None and named is not None and _published_by(ev, doc_id, named):
                    index = indexes.get(doc_id)
                    if index is None:
                        index = indexes[doc_id] = _DocIndex(ev, by_document.get(doc_id, []))
                    # (or one it narrows, as an outlet's own words citing it would: "35,
                    # according to Meridian", whose dispatch gives "30 to 40" — a reviewer)
                    at = index.carrier(ev, st)
                    if at is None:
                        at = index.containing(ev, st)
                    if at is None:  # (or one it can hold with: "35" of "more than 30")
                        holding = [
                            (cid, j)
                            for cid, j, t in index.first.values()
                            if t.stance == st.stance and not ev.excludes(t.value, st.value)
                        ]
                        at = min(holding)[1] if holding else None
            else:
                index = indexes.get(doc_id)
                if index is None:
                    index = indexes[doc_id] = _DocIndex(ev, by_document.get(doc_id, []))
                at = index.carrier(ev, st)
            if at is not None:
                carrier = (doc_id, at)
                break
        if carrier is None and not quoted:
            for doc_id in cited:  # (one that narrows what a cited document says)
                at = indexes[doc_id].containing(ev, st)
                if at is not None:
                    carrier = (doc_id, at)
                    break
        # (not an encyclopedia's: its figure is what its citations give, or uncited —
        # an infobox's 20 citing the agency's 19 is no relay of it: a fact-checker)
        if carrier is None and not quoted and ev.type == "quantity" and not tertiary(c):
            for doc_id in cited:  # (one whose figure it rounds: "50" citing the 47)
                at = indexes[doc_id].rounded(ev, st)
                if at is not None:
                    carrier = (doc_id, at)
                    break
        if carrier is None and quoted and c.claimant in ev.store.parties:
            attributing.append((i, cited))
        if carrier is not None:
            relays[i] = (carrier[1], f"a citation chain ({c.source} cites {carrier[0]})")
        elif not quoted:
            for doc_id in cited:
                relayed[(doc_id, st.index)].append(i)
    # A party's word citing a document that gives the same value in the outlet's own
    # voice: that outlet's figure is the party's, the citing document says (a wire's
    # "1,243, the minister said, Radio Ilmen reported", citing the radio's own "1,243
    # militants killed": one origin, the minister's — a fact-checker's trial) — unless
    # the outlet's figure carries another's already, the outlet counts for itself (a UN
    # office's or an NGO's own count: a paper naming the ministry for it is to be
    # checked, CC203), or the citing words name several voices for it.
    if attributing:
        _credit_attributed(ev, attributing, relays, origin, relayed)
        assert by_document is not None  # (built for the claims citing)
        # (a figure, not an answer: two voices naming the same culprit agree as often
        # as not — a reviewer's store)
        if ev.type == "quantity":
            _misattributed(ev, attributing, relays, origin, by_document)
    # Own reporting of one value in documents that cite a common document, directly
    # or through others of them (A and B cite X, B and C cite Y): one relay group —
    # and of figures that can both hold, or one rounding the other, there: one
    # dispatch relayed in different words ("23", "at least 23", "about 25").
    wordings = ev.type == "quantity" and len(relayed) > 1
    if wordings:
        _join_wordings(ev, relayed)
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    via: dict[int, str] = {}
    for (doc_id, _), group in sorted(relayed.items(), key=lambda kv: kv[0][0]):
        for j in group[1:]:
            a, b = root(group[0]), root(j)
            if a != b:
                parent[b] = a
                via.setdefault(j, doc_id)
                via.setdefault(group[0], doc_id)
    components: dict[int, list[int]] = defaultdict(list)
    for i in via:
        components[root(i)].append(i)
    if wordings:
        components = _wordings_holding(ev, components)
    # The figure is credited to a claim whose origin says nothing else in the group (a
    # paper that still stands by it), else to the first by id: not, by the ids' chance,
    # to a paper that has since revised it.
    said_else = Counter(origin[c.id] for c in claims) if components else Counter()
    for group in components.values():
        # (of different words, the most precise: the others relay it loosely)
        first = min(
            group,
            key=lambda j: (
                said_else[origin[claims[j].id]] > 1,
                _looseness(statement_of[claims[j].id].value) if wordings else (0.0, 0),
                claims[j].id,
            ),
        )
        for j in group:
            if j != first:
                relays[j] = (first, f"{COMMON_CITATION} ({via[j]})")
    _transposed_quotes(ev, origin, relays)
    stale_in_print(ev, origin, relays)
    suspected = ev.relays()
    if suspected:
        position = {c.id: i for i, c in enumerate(claims)}
        for relay in suspected:
            # (the same quote in a party's word — quoted, or its own media's — and in
            # outlets' own words: the outlets copied the party, not the party an
            # outlet; unless an outlet printed it first)
            head = _first_said(ev, relay)
            first = position[head.id]
            for c in relay:
                if c is not head:
                    relays.setdefault(position[c.id], (first, SUSPECTED))
    if not relays:  # (most groups: every value credited to its own origin)
        return origin, dict(origin)
    credit: dict[str, int] = {}
    for i, c in enumerate(claims):
        if i not in relays:
            credit[c.id] = origin[c.id]
            continue
        j, seen, path = i, {i}, list[str]()
        while j in relays and relays[j][0] not in seen:
            path.append(relays[j][1])
            j = relays[j][0]
            seen.add(j)
        credit[c.id] = origin[claims[j].id]
        if j != i:
            ev.relayed_from[c.id] = claims[j]
            ev.relay_reasons[c.id] = path
    return origin, credit


def _transposed_quotes(
    ev: GroupEvidence, origin: dict[str, int], relays: dict[int, tuple[int, str]]
) -> None:
    """A party's word quoted by an outlet, citing nothing, whose figure is the digits of
    a higher one the party gave first-hand (on its own media, or in its own statement)
    that day or before, in another order — "16, the government said" after the
    government's own "at least 61": the figure misquoted (CC107 names it), not the party
    lowering its toll (a desk's trial: the misquote became the government's latest word,
    and its own figure doubtful). Not a figure the party also gives first-hand (its 21
    after its 12 is its own), nor a higher one (a toll raised: 12, then 21). The
    first-hand figures are indexed by their digits: one look-up a quote."""
    if ev.type != "quantity" or not ev.cumulative:
        return
    claims, prov = ev.claims, ev.provenance
    statement_of = ev.statement_by_claim
    # (origin, sorted digits) -> {number: its first-hand claim said first (by day, then
    # id)}: one a figure, however often the party repeats it; (origin, number) given
    own: dict[tuple[int, str], dict[float, int]] = defaultdict(dict)
    given: set[tuple[int, float]] = set()
    quotes: list[tuple[int, float]] = []
    for i, c in enumerate(claims):
        if c.claimant not in ev.store.parties or c.source is None or c.id not in statement_of:
            continue
        numbers = set(stated_numbers(c.parsed) or ())
        if len(numbers) != 1:
            continue
        (n,) = numbers
        if n != int(n):
            continue
        if own_word(prov, c):
            figures = own[(origin[c.id], _digits(n))]
            first = figures.get(n)
            if first is None or _said_first(c, claims[first]):
                figures[n] = i
            given.add((origin[c.id], n))
        elif i not in relays and not prov.own_reporting(c) and not prov.cited_sorted(c.source):
            quotes.append((i, n))
    if not own:
        return
    for i, n in quotes:
        c = claims[i]
        if (origin[c.id], n) in given:
            continue
        found = [
            j
            for j in own.get((origin[c.id], _digits(n)), {}).values()
            if bounds(claims[j].parsed)[0] > bounds(c.parsed)[1]
            and not before(c.as_of, claims[j].as_of)
        ]
        if found:
            j = min(found, key=lambda j: claims[j].id)
            relays[i] = (j, f"its figure's digits in another order ({claims[j].source})")


def _digits(n: float) -> str:
    """A whole number's digits in order: 61 and 16 share "16"."""
    return "".join(sorted(str(int(n))))


def _said_first(a: Claim, b: Claim) -> bool:
    """Whether ``a`` was said before ``b`` (by its day, unknown days last, then id)."""

    def key(c: Claim) -> tuple[dt.date, str]:
        known = c.as_of is not None and c.as_of.known
        return (c.as_of.low if c.as_of is not None and known else dt.date.max, c.id)

    return key(a) < key(b)


#: Outlets that publish their own counts: a figure in their own voice is theirs, whoever
#: a paper citing them names for it.
_COUNTING_OUTLETS = frozenset({"un", "ngo"})


def _credit_attributed(
    ev: GroupEvidence,
    attributing: list[tuple[int, list[str]]],
    relays: dict[int, tuple[int, str]],
    origin: dict[str, int],
    relayed: dict[tuple[str, int], list[int]],
) -> None:
    """Credit each outlet's own figure that party's words citing it attribute to one
    origin (see :func:`compute_origins`), to the first such word by id: indexed by
    (document, statement), not each word against each claim of what it cites."""
    claims, statement_of, prov = ev.claims, ev.statement_by_claim, ev.provenance
    outlets = ev.store.outlets
    common = {j for group in relayed.values() for j in group}
    wanted = {
        (doc_id, statement_of[claims[i].id].index) for i, cited in attributing for doc_id in cited
    }
    own: dict[tuple[str, int], list[int]] = defaultdict(list)
    for j, d in enumerate(claims):
        st = statement_of.get(d.id)
        if (
            st is None
            or d.source is None
            or (d.source, st.index) not in wanted
            or j in relays
            or j in common
            or not prov.own_reporting(d)
            or prov.party_voice(d)
        ):
            continue
        outlet = outlets.get(d.outlet or "")
        if outlet is None or outlet.kind not in _COUNTING_OUTLETS:
            own[(d.source, st.index)].append(j)
    if not own:
        return
    naming: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for i, cited in attributing:
        index = statement_of[claims[i].id].index
        for doc_id in cited:
            for j in own.get((doc_id, index), ()):
                naming[j].append((claims[i].id, i, doc_id))
    for j, words in naming.items():
        if len({origin[cid] for cid, _, _ in words}) == 1:
            _, i, doc_id = min(words)
            relays[j] = (i, f"a citation chain ({claims[i].source} cites {doc_id})")


#: Distinct statements of own reporting citing one document, at most, whose words are
#: compared two by two (:func:`_join_wordings`): a dispatch relayed in a few wordings.
WORDINGS_COMPARED = 12
#: Days apart, at most, that papers relaying one dispatch in different words print it.
RELAY_DAYS = 2


def _join_wordings(ev: GroupEvidence, relayed: dict[tuple[str, int], list[int]]) -> None:
    """Merge, in ``relayed``, the own reporting of different figures in documents citing
    one document, printed within :data:`RELAY_DAYS` of each other, when every two of
    them can both hold ("23" and "at least 23", "about 25" and 23) or one rounds the
    other (50 and 47): that document's figure relayed in different words — one origin,
    not three neutral counts confirming one another and contradicting a party (an
    analyst's trial). Not "at least 10" joining 12 and 500 (a bound holding with both
    makes no one figure of two that cannot both hold), nor a count printed weeks later
    (a reviewer's stores). The wordings are taken most precise first, each joining the
    first group all of whose wordings it holds with, whatever the store's order; a
    document cited with more than :data:`WORDINGS_COMPARED` wordings (a dashboard, not
    one figure relayed) is left as it is."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for doc_id, index in relayed:
        by_document[doc_id].append(index)
    statements, claims, published = ev.statements, ev.claims, ev.provenance.published
    for doc_id, indices in by_document.items():
        asserted = [i for i in indices if statements[i].stance == "asserts"]
        if len(asserted) < 2 or len(asserted) > WORDINGS_COMPARED:
            continue
        # (each wording's first and last day of print, when any is known)
        days: dict[int, tuple[int, int] | None] = {}
        for i in asserted:
            printed = [
                d.toordinal()
                for j in relayed[(doc_id, i)]
                if (d := published(claims[j].source or "")) is not None
            ]
            days[i] = (min(printed), max(printed)) if printed else None

        groups: list[list[int]] = []
        for i in sorted(
            asserted, key=lambda i: (_looseness(statements[i].value), str(statements[i].value.key))
        ):
            group = next(
                (g for g in groups if all(_holds(ev, statements, days, i, k) for k in g)), None
            )
            if group is None:
                groups.append([i])
            else:
                group.append(i)
        for first, *rest in groups:
            for i in rest:
                relayed[(doc_id, first)].extend(relayed.pop((doc_id, i)))


def _wordings_holding(ev: GroupEvidence, components: dict[int, list[int]]) -> dict[int, list[int]]:
    """The relay groups, each split by statement where its wordings do not all hold
    together: documents citing two dispatches chain the wordings joined for each (a
    paper's "at least 10" citing both, beside a 12 citing one and a 500 the other) —
    every two of one group must hold together, as for one document
    (:func:`_join_wordings`; a reviewer's store)."""
    claims, statement_of = ev.claims, ev.statement_by_claim
    out: dict[int, list[int]] = {}
    for top, group in components.items():
        by_statement: dict[int, list[int]] = defaultdict(list)
        for j in group:
            by_statement[statement_of[claims[j].id].index].append(j)
        values = [statement_of[claims[g[0]].id].value for g in by_statement.values()]
        together = len(values) <= WORDINGS_COMPARED and all(
            not ev.excludes(x, y) or rounds_off(x, y) or rounds_off(y, x)
            for n, x in enumerate(values)
            for y in values[n + 1 :]
        )
        if together:
            out[top] = group
        else:
            for g in by_statement.values():
                if len(g) > 1:
                    out[g[0]] = g
    return out


def _holds(
    ev: GroupEvidence,
    statements: list[Statement],
    days: dict[int, tuple[int, int] | None],
    i: int,
    k: int,
) -> bool:
    """Whether statements ``i`` and ``k`` may be one figure relayed in two wordings: they
    can both hold or one rounds the other, and every paper printing either printed it
    within :data:`RELAY_DAYS` of every other (``days``: each one's first and last day of
    print, None when unknown) — not a paper's "at least 12" of the 6th joined to a 40 of
    the 30th through another "at least 12" of the 29th (a reviewer's store)."""
    x, y = statements[i].value, statements[k].value
    a, b = days[i], days[k]
    near = a is None or b is None or max(a[1], b[1]) - min(a[0], b[0]) <= RELAY_DAYS
    return near and (not ev.excludes(x, y) or rounds_off(x, y) or rounds_off(y, x))


def _looseness(value: object) -> tuple[float, int]:
    """How loosely a figure is worded, for choosing what relays of it carry: its width
    (an open bound's is infinite), then fewer significant digits (50 after 47)."""
    lo, hi = bounds(value)
    numbers = set(stated_numbers(value) or ())
    digits = len(str(int(min(numbers))).rstrip("0")) if len(numbers) == 1 else 0
    return hi[0] - lo[0], -digits


def _published_by(ev: GroupEvidence, doc_id: str, outlet: Outlet) -> bool:
    """Whether document ``doc_id`` is ``outlet``'s, or one of its owner's outlets'."""
    doc = ev.store.documents.get(doc_id)
    published = ev.store.outlets.get(doc.outlet or "") if doc is not None else None
    return published is not None and published.owner_key == outlet.owner_key


def _misattributed(
    ev: GroupEvidence,
    attributing: list[tuple[int, list[str]]],
    relays: dict[int, tuple[int, str]],
    origin: dict[str, int],
    by_document: dict[str, list[int]],
) -> None:
    """A party's word citing documents where it does not say it (nothing, or another
    figure), and it gives the value first-hand nowhere in the group, while one other
    voice gives that value there: the other's statement relayed under the wrong name (a
    paper's "at least 118 of our fighters, the rebels said", citing the wire's "at least
    118 rebels killed, the army said"; "23, the army said", citing the wire's army 10
    and Front 23). It counts as that voice's word — not the rebels conceding their
    losses, nor a second origin "confirming" the army, nor the army raising its toll
    (analysts' trials) — is graded as printed (cannot be judged), and CC203 asks to
    check the attribution. Several voices giving it there leave the quote its own
    (CC203 still asks); so does an article giving it in that other voice too, beside
    the quote (the Front's 23 from its communiqué and the army's confirmation, reached
    by the paper: two voices the article tells apart)."""
    claims, statement_of, outlets = ev.claims, ev.statement_by_claim, ev.store.outlets
    for i, cited in attributing:
        quote = claims[i]
        outlet = outlets.get(quote.outlet or "")
        if i in relays or (outlet is not None and outlet.kind == "encyclopedia"):
            continue  # (an encyclopedia's: its citations do not give it, CC204 says)
        st = statement_of[quote.id]
        if _elsewhere(ev, quote) or quote.as_of_given:
            continue  # (its own word elsewhere, or dated by the user: said then)
        # (every cited document's: which one sorts first by id decides nothing)
        others = [
            j
            for doc_id in cited
            for j in by_document.get(doc_id, ())
            if statement_of.get(claims[j].id) is st and (j not in relays or relays[j][0] != i)
        ]
        if not others:
            continue
        voices = {origin[claims[j].id] for j in others}
        beside = any(
            statement_of.get(claims[k].id) is st and origin[claims[k].id] in voices
            for k in by_document.get(quote.source or "", ())
        )
        if len(voices) == 1 and not beside:
            j = min(others, key=lambda j: claims[j].id)
            doc_id = claims[j].source or ""
            relays[i] = (
                j,
                f"an attribution to check ({quote.source} cites {doc_id}, where "
                f"{ev.provenance.speaker(claims[j])} gives it, not {quote.speaker})",
            )
            ev.misattributed[quote.id] = doc_id


def _carrier_of(
    ev: GroupEvidence, positions: list[int], quote: Claim, st: Statement, origin: dict[str, int]
) -> int | None:
    """The position of the first claim by id, among ``positions``, of the origin of
    ``quote`` (a party's quoted word, stating ``st``) whose statement supports ``st``: what
    the quote relays — or, none supporting it and the quote dated by none but its
    source (or as it is), one that states the same one number as ``st`` with another
    qualifier: a radio's "20,
    the ministry said", citing the communiqué of "more than 20", relays it worded
    otherwise (one of the two wordings is wrong: CC107 names the relays)."""
    claims, statement_of, voice = ev.claims, ev.statement_by_claim, origin[quote.id]
    mine = [
        (j, t)
        for j in positions
        if origin[claims[j].id] == voice and (t := statement_of.get(claims[j].id)) is not None
    ]
    # (of its own stance: the army's denial that it struck, citing the government's
    # communiqué naming the rebels, is its own denial, not that accusation relayed — a
    # desk's trial: the denial vanished from the findings)
    found = [j for j, t in mine if t.stance == st.stance and ev.statement_supports(t, st)]
    numbers = set(stated_numbers(st.value) or ())
    if not found and len(numbers) == 1:  # (one number: not a range, nor a vague word)
        found = [
            j
            for j, t in mine
            if t.stance == st.stance
            and (not quote.as_of_given or quote.as_of == claims[j].as_of)
            and set(stated_numbers(t.value) or ()) == numbers
        ]
    if not found and len(numbers) == 1 and not quote.as_of_given and not _elsewhere(ev, quote):
        found = [
            j
            for j, t in _misquoted(mine, st)
            if ev.excludes(t.value, st.value) and misquotes(claims[j], quote, ev.cumulative)
        ]
    if (
        not found
        and isinstance(st.value, Quantity)
        and st.value.form == "approx"
        and not quote.as_of_given
        and not _elsewhere(ev, quote)
    ):
        # (an approximation of the voice's floor — "some 20, the government said",
        # citing its "at least 17" — is that floor worded loosely, not the government's
        # toll raised: CC107 names the relays — an analyst's trial)
        found = [
            j
            for j, t in mine
            if t.stance == st.stance
            and isinstance(t.value, Quantity)
            and figure_kind(t.value) == "floor"
            and not ev.excludes(t.value, st.value)
        ]
    return min(found, key=lambda j: claims[j].id) if found else None


def _elsewhere(ev: GroupEvidence, quote: Claim) -> bool:
    """Whether ``quote``'s origin states its value first-hand elsewhere in the group (in a
    document citing none): then it is that origin's figure, no misquote of another (the
    ministry's 74 on its own channel, quoted citing its earlier communiqué of 47). A
    paper copying a misquote from the paper it cites is no such word (a reviewer's
    store: the copy made the misquote the ministry's revised figure)."""
    said: dict[tuple[str, int], int] | None = ev.memo.get("said_first_hand")  # type: ignore[assignment]
    if said is None:
        prov, statement_of = ev.provenance, ev.statement_by_claim
        said = ev.memo["said_first_hand"] = Counter(
            (prov.origin_key(c), statement_of[c.id].index)
            for c in ev.claims
            if c.id in statement_of and not prov.cited(c.source or "")
        )
    st = ev.statement_by_claim.get(quote.id)
    return st is not None and said[(ev.provenance.origin_key(quote), st.index)] > 0


def _misquoted(mine: list[tuple[int, Statement]], st: Statement) -> list[tuple[int, Statement]]:
    """The claims, among a cited document's claims of a quote's voice, of the one figure
    that voice gives there, when the quote (undated, stating ``st``) gives another: a
    paper's "74 killed, the ministry said", citing the communiqué of 47, misquotes it
    (CC107 names the relay); it is no new figure of the ministry's. (The caller keeps
    only a figure the quote cannot hold with: "25" of "more than 20" is a new figure.)
    None where the voice gives several figures there (which one it quotes is a guess),
    nor a range or a vague word (one number each: "between 10 and 20" quoting "more
    than 20" is another figure)."""
    same = [(j, t) for j, t in mine if t.stance == st.stance]
    if len({t.index for _, t in same}) != 1:
        return []
    if len(set(stated_numbers(same[0][1].value) or ())) != 1:
        return []
    return same


def _later_words(ev: GroupEvidence) -> dict[str, dt.date]:
    """Each outlet's latest day of its own words in the group (kept for the group)."""
    found = ev.memo.get("later_words")
    if found is None:
        latest: dict[str, dt.date] = {}
        own = ev.provenance.own_reporting
        for c in ev.claims:
            as_of = c.as_of
            if (
                c.outlet
                and own(c)
                and as_of is not None
                and as_of.known
                and (c.outlet not in latest or as_of.low > latest[c.outlet])
            ):
                latest[c.outlet] = as_of.low
        found = ev.memo["later_words"] = latest
    return found  # type: ignore[return-value]


def _first_said(ev: GroupEvidence, relay: list[Claim]) -> Claim:
    """Which of a suspected relay's claims said it first: a party's word (the first by
    id) — unless an outlet's own words are dated wholly before every party's word is
    (then the earliest of those); with no party's word, the one printed first (by its
    document's date: the Daily Star's sentence of the 5th that a radio read out on the
    6th is the Star's; of one day, an outlet that gave a figure of its own since, then
    the first by id; of no known day, the first by id)."""
    parties = [c for c in relay if party_word(ev, c)]
    if not parties:
        published = ev.provenance.published
        printed = [published(c.source or "") for c in relay]
        if all(d is None for d in printed):
            return relay[0]
        # (of those printed the same day, an outlet that gave a figure of its own since
        # — a correction — before one that did not: whichever copied, the words are one
        # origin, and the correction is that origin's)
        later = _later_words(ev)
        return min(
            zip(printed, relay, strict=True),
            key=lambda p: (
                p[0] is None,
                p[0] or dt.date.min,
                not (p[0] is not None and later.get(p[1].outlet or "", p[0]) > p[0]),
                p[1].id,
            ),
        )[1]
    dates = [c.as_of for c in parties]
    if all(d is not None and d.known for d in dates):
        first = min(d.low for d in dates)  # type: ignore[union-attr]
        before = [
            c for c in relay if c.as_of is not None and c.as_of.known and c.as_of.high < first
        ]
        if before:
            return min(before, key=lambda c: (c.as_of.high, c.id))  # type: ignore[union-attr]
    return min(parties, key=lambda c: c.id)
