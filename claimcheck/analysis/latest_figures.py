"""Each origin's latest figures: which of a group's figures still stand.

Of a property with one true value that is no running toll, an origin's later word
replaces an earlier one that cannot hold with it (:func:`said_since`). For a cumulative
toll, each origin's latest figure is its evidence (an earlier one is
superseded, unless the latest still implies it without raising its open floor:
:func:`raises_floor`), and a count of its day that a later, higher figure of another
origin overtakes (:mod:`.growth`) is left out of the figures that count. A relay speaks
as of its source.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.disputers import Disputers, not_by_disputers, not_past_held_counts
from claimcheck.analysis.growth import note_overtaken
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.analysis.timing import repeats_among, written_after
from claimcheck.model import Claim
from claimcheck.values import Quantity
from claimcheck.values.quantity import INF

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


class LatestFigures(NamedTuple):
    """Which figures of a group still stand (see :attr:`GroupEvidence.latest`)."""

    #: The claims that count for and against values (:attr:`GroupEvidence.counted`).
    counted: list[Claim]
    #: Figures their own origin has since revised: id → the origin's newest figure.
    superseded: dict[str, Claim]
    #: Figures older than their origin's latest, some still standing (implied by it).
    earlier: set[str]
    #: Interim figures another origin's later, higher figure overtook: id → that figure.
    overtaken: dict[str, Claim]
    #: Superseded figures their origin lowered at some later point (150, 142, then
    #: 160: the 150 was withdrawn, whatever the origin says now).
    lowered: frozenset[str] = frozenset()
    #: Superseded figures out of any dispute: lowered, or replaced by a figure no
    #: higher. (One its origin raised — a hospital's 40, then 45 — is still its count of
    #: its day: a count of 10 given that day disputes it, whatever the 45 overtakes.)
    withdrawn: frozenset[str] = frozenset()
    #: Overtaken figures of a side that only its rivals disputed, with figures no later
    #: count bears out (CC101 still names that dispute).
    disputed_by_rivals_only: frozenset[str] = frozenset()
    #: Standing figures a later figure outgrew that are judged in a dispute instead, on
    #: its lower side (the tallies set that growth aside: :mod:`.growth_aside`).
    outgrown_in_dispute: frozenset[str] = frozenset()
    #: Who disputed a figure when it was given, by origin (kept with ``disputes``).
    disputers: Disputers | None = None
    #: Who disputes a count and who bears a figure out, figure by figure
    #: (:class:`~.rival_disputes.Disputes`: in a small group with a count in a dispute).
    disputes: Any = None


#: :func:`~claimcheck.analysis.rival_disputes.disputed_counts` (passed in: it is built
#: on the latest figures' partners).
DisputedCounts = Callable[
    ["GroupEvidence", dict[str, Claim], frozenset[str], dict[str, Claim]],
    tuple[set[str], set[str], Any],
]


def find_latest_figures(
    group: GroupEvidence,
    disputed_counts: DisputedCounts,
) -> LatestFigures:
    """The claims that count for and against values, with the superseded, earlier and
    overtaken figures found on the way (``disputed_counts``: of the overtaken, those
    judged in a dispute instead, given the superseded figures and those of them out of
    any dispute — :func:`~claimcheck.analysis.rival_disputes.disputed_counts`)."""
    statement_of = group.statement_by_claim
    unsourced = group.unsourced
    cited = [c for c in group.claims if c.cited and c.id in statement_of and c.id not in unsourced]
    superseded: dict[str, Claim] = {}
    earlier: set[str] = set()
    overtaken: dict[str, Claim] = {}
    lowered: set[str] = set()
    released: set[str] = set()
    in_dispute: set[str] = set()
    disputers: Disputers | None = None
    disputes: Any = None
    if not group.cumulative:
        # (one true value: an origin's later word is its word, DESIGN §2 — CC107 still
        # names the two, a correction never recorded)
        superseded = said_since(group, cited)
        if not superseded:
            return LatestFigures(cited, superseded, earlier, overtaken)
        counted = [c for c in cited if c.id not in superseded]
        withdrawn = frozenset(superseded)
        return LatestFigures(counted, superseded, set(superseded), overtaken, withdrawn=withdrawn)
    if group.type != "quantity":
        return LatestFigures(cited, superseded, earlier, overtaken)
    # By the origin a figure is credited to: a relay of the army's figure is
    # superseded when the army revises it. (But an outlet's own figure credited to
    # another's only by a choice among equals — two papers citing one dispatch, one
    # credited to the other by claim id — is its own outlet's: revised when that
    # outlet revises, overtaken when another does, whichever id sorts first.)
    origin = group.credited
    if group.relay_reasons:
        origin = dict(origin)
        for c in cited:
            if relays_by_choice(group, c):
                origin[c.id] = group.origins_by_claim[c.id]
    # A relay speaks as of its source, a repeat of an old figure as of when it was
    # first given: neither is the origin's latest word.
    when = group.when_of(cited)
    dated: dict[int, list[Claim]] = defaultdict(list)
    for c in cited:
        as_of = when[c.id]
        if c.stance == "asserts" and as_of is not None and as_of.known:
            dated[origin[c.id]].append(c)
    # An outlet's follow-up of its own story, relaying another's figure in its own words
    # (credited to that other), is still the outlet's later word: its own earlier figure
    # is one it no longer gives (a paper's 53, then its correction "35, according to
    # the UN", citing the story and the UN's update).
    relaying = _own_relays(group, cited, origin)
    for o, claims in dated.items():
        words = relaying.get(o, ())
        if not words and len(claims) == 1 and when[claims[0].id].high >= when[claims[0].id].low:  # type: ignore[union-attr]
            continue  # (most origins: one figure, its own latest)
        last = max(when[c.id].low for c in claims)  # type: ignore[union-attr]
        now = [c for c in claims if when[c.id].high >= last]  # type: ignore[union-attr]
        if len(now) > 1:
            # (of one day's, those a later word of the same voice corrects: its document
            # cites theirs — not a relay citing its source)
            now = _uncorrected(group, now) or now
        said_now = {statement_of[c.id].index: statement_of[c.id] for c in now}
        newest = max(now, key=lambda c: (when[c.id].low, c.id))  # type: ignore[union-attr]
        kept = {c.id for c in now}
        for c in claims:
            st = statement_of[c.id]
            if c.id in kept and words:
                # (its own later words that cannot hold with it, or raise its floor, as
                # the outlet worded them: "about 228" after its 228 revises nothing)
                later = [r for r in words if follows_up(group, r, c) and words_revise(group, c, r)]
                if later:
                    earlier.add(c.id)
                    superseded[c.id] = max(later, key=_word_order)
                continue
            if c.id in kept or st.index in said_now:
                continue
            earlier.add(c.id)
            # A later figure that still implies it ("41" after "at least 30") leaves
            # it standing: revised is only what the origin no longer says — or a floor
            # it raised ("at least 20", then 30: CC105's revision).
            if not any(group.statement_supports(t, st) for t in said_now.values()) or any(
                raises_floor(st.value, t.value) for t in said_now.values()
            ):
                superseded[c.id] = newest
        # Which of them the origin lowered later on: below some later figure's limit.
        if group.type == "quantity" and superseded:
            by_day: dict[dt.date, list[Claim]] = defaultdict(list)
            for c in claims:
                by_day[when[c.id].low].append(c)  # type: ignore[union-attr]
            lowest: Bound | None = None  # (of the days after)
            for day in sorted(by_day, reverse=True):
                lowered.update(
                    c.id
                    for c in by_day[day]
                    if c.id in superseded
                    and lowest is not None
                    and lowest < group.limits(statement_of[c.id].value)[0]
                )
                his = [bounds(statement_of[c.id].value)[1] for c in by_day[day]]
                lowest = min(his) if lowest is None else min(lowest, *his)
    withdrawn = frozenset(
        x
        for x, newest in superseded.items()
        if x in lowered
        or not bounds(statement_of[newest.id].value)[0] > bounds(statement_of[x].value)[0]
    )
    counted = [c for c in cited if c.id not in superseded]
    if group.thresholds.cumulative_growth:
        # (A figure overtaken weighs in the tallies only as the floor it still sets
        # (tallies.unit_spans) even when CC101 names it in a dispute with a later, lower
        # figure: as itself it would count against every figure it merely grew into.
        # The estimate's basis names it. But the lower side of a dispute — below
        # another origin's count of its day or before, or passed steeply within days by
        # another stake — was no count of its day: it is judged in that dispute.)
        note_overtaken(group, counted, overtaken, when, origin)
        disputers = not_by_disputers(group, overtaken, cited, counted, when, origin)
        if overtaken:
            in_dispute, released, disputes = disputed_counts(
                group, superseded, withdrawn, overtaken
            )
            for x in in_dispute:
                del overtaken[x]
        not_past_held_counts(group, overtaken, counted, when, origin)
    counted = [c for c in counted if c.id not in overtaken]
    return LatestFigures(
        counted,
        superseded,
        earlier,
        overtaken,
        frozenset(lowered),
        withdrawn,
        frozenset(released.intersection(overtaken)),
        frozenset(in_dispute),
        disputers if disputes is not None else None,
        disputes,
    )


def said_since(group: GroupEvidence, cited: list[Claim]) -> dict[str, Claim]:
    """Of a property with one true value that is no running toll and does not vary:
    each claim whose own origin (the one its value is credited to) gave, on its latest
    day, only words that cannot hold with it: id -> the latest of those words (a word
    of that day bearing it out keeps it: its 70,000 and "at least 45,000" leave its
    50,000 standing). The
    organisers' 50,000 at the march, then 70,000 on their site the next day: their word
    is the 70,000 — graded and estimated as such (DESIGN §2: each origin's latest
    figure), not both "improbable" for an origin that "also says otherwise". ("More than
    50,000", then 70,000: the later bears the earlier out, nothing is replaced.) A relay
    speaks as of its source, and an old word quoted again later without a date of its
    own, as worded or more loosely, as of when its origin gave it
    (:func:`~claimcheck.analysis.timing.repeats_among`): neither is a later word. Only
    a voice replaces its own words (:func:`_voice`)."""
    if not group.single or (group.prop is not None and group.prop.varies):
        return {}  # (a value of its day: another day's is another value, not a word replaced)
    statement_of = group.statement_by_claim
    # (by the origin a word is credited to — but an outlet's own word credited to
    # another's only by a choice among equals is its outlet's, as for a running toll)
    credited = group.credited
    by_origin: dict[int, list[Claim]] = defaultdict(list)
    for c in cited:
        if c.stance == "asserts" and c.id in statement_of and c.as_of is not None:
            mine = c.id in group.relayed_from and relays_by_choice(group, c)
            by_origin[group.origins_by_claim[c.id] if mine else credited[c.id]].append(c)
    by_voice: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for origin, claims in by_origin.items():
        if len(claims) > 1 and len({statement_of[c.id].index for c in claims}) > 1:
            for c in claims:  # (most origins: one word, and nothing to replace)
                by_voice[(origin, _voice(group, c))].append(c)
    out: dict[str, Claim] = {}
    for claims in by_voice.values():
        if len(claims) < 2 or len({statement_of[c.id].index for c in claims}) < 2:
            continue
        when = group.when_of(claims)
        when.update(repeats_among(group, [c for c in claims if c.id not in group.relayed_from]))
        dated = [c for c in claims if (d := when[c.id]) is not None and d.known]
        if len(dated) < 2:
            continue
        last = max(when[c.id].low for c in dated)  # type: ignore[union-attr]
        now = [c for c in dated if when[c.id].high >= last]  # type: ignore[union-attr]
        said_now: dict[int, Claim] = {}
        for c in sorted(now, key=lambda c: (when[c.id].low, c.id)):  # type: ignore[union-attr]
            said_now[statement_of[c.id].index] = c  # (each word's latest claim)
        newest = max(said_now.values(), key=lambda d: (when[d.id].low, d.id))  # type: ignore[union-attr]
        holds = _Holding(group, list(said_now.values()))
        for c in dated:
            st = statement_of[c.id]
            if st.index not in said_now and not holds.with_any(st):
                out[c.id] = newest
    return out


class _Holding:
    """An origin's latest words, asked whether a word can hold with any of them: for
    figures and dates by their limits sorted once (a lookup per word, not a comparison
    with each of a day's words); for other types, each (a property's few values)."""

    def __init__(self, group: GroupEvidence, words: list[Claim]) -> None:
        self.group = group
        self.statements = [group.statement_by_claim[d.id] for d in words]
        self.intervals = group.type in ("quantity", "date")
        if self.intervals:
            limits = sorted(group.limits(t.value) for t in self.statements)
            self.below = [lo for lo, _ in limits]
            self.reach = list(accumulate((hi for _, hi in limits), max))

    def with_any(self, st: Statement) -> bool:
        if not self.intervals:
            return any(not self.group.statements_conflict(st, t) for t in self.statements)
        lo, hi = bounds(st.value)
        # (a word holds with ``st`` when its limits reach it from both sides: those
        # starting at or below its top, one of them reaching its bottom)
        at = bisect_right(self.below, hi)
        return bool(at) and self.reach[at - 1] >= lo


def _voice(group: GroupEvidence, claim: Claim) -> str:
    """Whose word a claim carries, as one voice that can correct itself: a party with
    its parts and its own media, or an outlet — not outlets of one owner, one origin as
    they are (two newsrooms: one's 30,000 replaces nothing of the other's 20,000). A
    relay carries its source's (not an outlet's own word credited to another's by a
    choice among equals: its outlet's)."""
    source = claim
    if claim.id in group.relayed_from and not relays_by_choice(group, claim):
        source = group.relayed_from[claim.id]
    prov, who = group.provenance, source.claimant
    if who in group.store.parties:
        return "party:" + prov.party_root(who)
    if who is not None and who != source.outlet and who in group.store.outlets:
        return f"outlet:{who}"  # (an outlet named for it: "40, according to Sahel Wire")
    party = prov.outlet_party(source.outlet) if source.outlet is not None else None
    return "party:" + party if party is not None else f"outlet:{source.outlet}"


def _own_relays(
    group: GroupEvidence, cited: list[Claim], origin: dict[str, int]
) -> dict[int, list[Claim]]:
    """Outlets' own figures credited to another origin (relays by citation) that may
    be their later word (:func:`_one_word`), by the outlet's own origin."""
    out: dict[int, list[Claim]] = defaultdict(list)
    if not group.relay_reasons:
        return out
    own = group.origins_by_claim
    for c in _one_word(group, [c for c in cited if origin[c.id] != own[c.id]]):
        out[own[c.id]].append(c)
    return out


def _one_word(group: GroupEvidence, relays: list[Claim]) -> list[Claim]:
    """Of outlets' own words relaying another's figure, those asserting, dated, and the
    one figure their document gives in the outlet's voice: a story giving the
    ministry's 30 and the Front's 60 is no word of the paper's on the toll (an
    adversarial trial: it made the paper "contradict itself" and retired its count)."""
    if not relays:
        return []
    own_reporting, statement_of = group.provenance.own_reporting, group.statement_by_claim
    said: dict[str, set[object]] | None = group.memo.get("own_words")  # type: ignore[assignment]
    if said is None:  # (each document's figures in its outlet's voice, once a group)
        found: dict[str, set[object]] = defaultdict(set)
        for d in group.claims:
            if d.source is not None and d.parsed is not None and own_reporting(d):
                found[d.source].add(d.parsed.key)
        said = group.memo["own_words"] = found
    return [
        r
        for r in relays
        if r.stance == "asserts"
        and r.as_of is not None
        and r.as_of.known
        and own_reporting(r)
        and r.id in statement_of
        and len(said[r.source or ""]) == 1
    ]


def follows_up(group: GroupEvidence, word: Claim, c: Claim) -> bool:
    """Whether the outlet's ``word`` follows up the story of its figure ``c``: its
    document cites ``c``'s (:func:`~.timing.written_after`) — a correction or an update.
    An unattributed relay of a party's figure in a new story is no withdrawal of the
    outlet's own count (an adversarial trial)."""
    return written_after(group, word, c)


def _uncorrected(group: GroupEvidence, claims: list[Claim]) -> list[Claim]:
    """Those of ``claims`` that no other of the same voice in the same outlet corrects:
    none's document cites theirs (:func:`~.timing.written_after`; each document's
    citations once)."""
    own, cited = group.origins_by_claim, group.provenance.cited
    citing: dict[tuple[int, str | None], set[str]] = defaultdict(set)
    for d in claims:
        if d.source is not None and d.outlet is not None:
            citing[(own[d.id], d.outlet)].update(cited(d.source))
    return [c for c in claims if c.source not in citing.get((own[c.id], c.outlet), ())]


def words_revise(group: GroupEvidence, c: Claim, word: Claim) -> bool:
    """Whether an outlet's later ``word`` revises its figure ``c``, as each is worded:
    the two cannot both hold, or the word raises an open floor."""
    a, b = c.parsed, word.parsed
    return a is not None and b is not None and (group.excludes(a, b) or raises_floor(a, b))


def _word_order(word: Claim) -> tuple[dt.date, Bound, Bound, str]:
    """The latest of an outlet's words, then the highest (ids decide only between two
    of one figure)."""
    assert word.as_of is not None and word.parsed is not None  # (_one_word)
    return (word.as_of.low, *bounds(word.parsed), word.id)


def later_own_relays(group: GroupEvidence, relays: list[Claim], own: list[Claim]) -> list[Claim]:
    """Of an outlet's own words relaying another origin's figure (``relays``), those
    following up the story of a figure of its own (``own``): its later word, a revision
    of its own figure (CC105, CC106) — not a relay printed before its own count, nor
    one in a story of its own."""
    if not own:
        return []
    return [r for r in _one_word(group, relays) if any(follows_up(group, r, c) for c in own)]


def raises_floor(first: object, then: object) -> bool:
    """Whether a later figure ``then`` raises an open floor ``first`` ("at least 23"
    then 31, or "at least 31"): a toll revised upward, though the two can both hold."""
    return (
        isinstance(first, Quantity)
        and isinstance(then, Quantity)
        and first.high == INF
        and then.low > first.low
    )
