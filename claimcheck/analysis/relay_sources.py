"""Which claim a relay carries, among the claims of the documents it cites: its source.

An outlet's own words citing a document carry the first claim there (by id) whose
statement supports theirs (:class:`DocumentIndex`) — or whose short date range they
narrow, or whose figure they round; a party's quoted word carries that party's claim
there, worded otherwise or misquoted as it may be (:func:`carrier_of`). What is done with
what is found — the origin a value is credited to — is :mod:`.origins`'.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from claimcheck.analysis.attribution import said_elsewhere
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.analysis.timing import misquotes
from claimcheck.model import Claim
from claimcheck.values import (
    DateRange,
    Quantity,
    figure_kind,
    rounding_span,
    rounds_off,
    stated_numbers,
)

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


class DocumentIndex:
    """The claims of a group in one document, by what they state: which of them, first
    by id, supports a statement (the claim a relay carries, in
    :func:`~.origins.compute_origins`) — without trying each claim of the document for
    each relaying claim."""

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


def carrier_of(
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
    if not found and len(numbers) == 1 and not quote.as_of_given and not said_elsewhere(ev, quote):
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
        and not said_elsewhere(ev, quote)
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
