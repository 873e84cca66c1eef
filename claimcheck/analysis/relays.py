"""Suspected relays (CC206): one quote for one value in outlets that cite no common source,
and a side's figure printed as an outlet's own.

Claims of different outlets carrying the same quote for the same value, in documents
that neither cite one another nor a common document, are suspected of relaying one
source: counted as one origin until a person marks the relay ``disputed`` (its
fingerprint in :attr:`Thresholds.disputed_relays`). So is an outlet's own figure,
citing nothing, that one side's voice gave that day or before and no neutral party's:
the side's word, printed without its name (:func:`unattributed_side_figures`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from claimcheck.analysis.provenance import Provenance
from claimcheck.findings import fingerprint, of_day
from claimcheck.model import Claim
from claimcheck.values import Quantity, stated_numbers
from claimcheck.values.quotes import normalise_quote

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence

RELAY_CODE = "CC206"


def find_relays(group: GroupEvidence) -> list[list[Claim]]:
    """The group's suspected relays, disputed or not (:meth:`GroupEvidence.relay_candidates`):
    each statement's quoted claims by quote, kept where ``cites`` does not join them."""
    if group._quoted < 2:
        return []
    out: list[list[Claim]] = []
    for st in group.statements:
        quoted = [c for c in st.claims if c.quote and c.outlet]
        if len(quoted) < 2 or len({c.outlet for c in quoted}) < 2:
            continue
        by_quote: dict[str, list[Claim]] = defaultdict(list)
        for c in quoted:
            by_quote[normalise_quote(c.quote or "")].append(c)
        for claims in by_quote.values():
            if len(claims) < 2 or len({c.outlet for c in claims}) < 2:
                continue
            if _declared_relays(group.provenance, {c.source for c in claims if c.source}):
                continue
            out.append(sorted(claims, key=lambda c: c.id))
    return out


def undisputed_relays(group: GroupEvidence) -> list[list[Claim]]:
    """The suspected relays whose fingerprint no review marks ``disputed``."""
    return [
        r
        for r in group.relay_candidates()
        if relay_fingerprint(group.subject_id, _fingerprint_property(group), r)
        not in group.thresholds.disputed_relays
    ]


def _fingerprint_property(group: GroupEvidence) -> str:
    """What a group's findings are fingerprinted on: its property, of its day for a
    value that varies (as the engine stamps them)."""
    if group.day is None:
        return group.property_id
    return of_day(group.property_id, group.day.canonical()) or group.property_id


def _declared_relays(provenance: Provenance, docs: set[str]) -> bool:
    """Whether ``cites`` already joins these documents: one cites another, or they
    cite a common document (directly or through a chain)."""
    return len(cites_components(provenance, docs)) == 1


def cites_components(provenance: Provenance, docs: Iterable[str]) -> list[list[str]]:
    """Documents in groups ``cites`` joins (one cites another, or both cite a common
    document), each sorted, groups in order of their first document."""
    ordered = sorted(set(docs))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Documents reaching a common one are joined: each reached once, not each group
    # compared with each document.
    reached: dict[str, int] = {}
    for i, d in enumerate(ordered):
        for r in (d, *provenance.cited(d)):
            j = reached.setdefault(r, i)
            if j != i:
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, d in enumerate(ordered):
        groups[root(i)].append(d)
    return sorted(groups.values(), key=lambda g: g[0])


def relay_key(claims: Sequence[Claim]) -> list[str]:
    """What a suspected relay is about: the value and the quote its claims carry — not
    their ids, so that one more relay of the same quote keeps its fingerprint (and a
    review saying the outlets are independent)."""
    first = claims[0]
    # Not Claim.said: an unread value is written here as it is, not as its repr, and
    # recorded reviews name these fingerprints, so the form stays.
    value = first.parsed.key if first.parsed is not None else first.value
    return [f"{first.stance}\x1e{value}", normalise_quote(first.quote or "")]


def relay_fingerprint(subject: str, prop: str, claims: Sequence[Claim]) -> str:
    return fingerprint(RELAY_CODE, subject, prop, relay_key(claims))


class _SideWord(NamedTuple):
    """A side's voice giving a figure: the day its document came out, who (its origin's
    key, for the order of words of one day), its claim and its side."""

    day: dt.date
    who: str
    id: str
    claim: Claim
    side: str


#: How many of a figure's side words an unattributed figure is tried against for the
#: first it may copy (most pass the first; a copy of words excluded by the hundred is
#: left as the outlet's own).
SIDE_WORDS_TRIED = 64

#: Outlets that count for themselves: a UN office's or an NGO's own figure is its own
#: (as a party's word naming them is checked, not credited: :mod:`.credit`).
_COUNTING = frozenset({"un", "ngo"})


def _figure(value: object) -> float | None:
    """The one number a figure states (not a vague word's, not a range's two)."""
    if not isinstance(value, Quantity) or value.form == "vague":
        return None
    numbers = stated_numbers(value)
    return numbers[0] if numbers and len(set(numbers)) == 1 else None


def unattributed_side_figures(group: GroupEvidence) -> dict[str, Claim]:
    """Outlets' own figures that are probably a side's word printed without its name:
    an outlet's figure in its own words, in a document citing nothing, that a voice of
    one involved side gave as worded in a document published that day or before, and no
    neutral voice by then — a neutral party; a UN office's, an NGO's or a neutral
    party's media's own figure; an outlet's own printed before any side gave it — the
    Evening Post's "8,000 marched" the day the wire quotes the police's 8,000 (or its
    own quote of them the day before): id -> the side's claim (the first given, then by
    who gave it). Disputed ones too (:func:`undisputed_side_figures`).

    Not an outlet that stands behind a figure of its own (one no side gave by its day:
    it keeps a count of its own), nor a figure worded otherwise (the police's "at least
    30" raised to 47, and two papers' 30: what a dispute looks like), nor a vague word
    ("dozens" is no sign of a copy), nor a side's word given in its own document or by
    an outlet of its owner (whose quote it carries already), nor one origin with it, nor
    one whose document cites the outlet's (the side's word is the outlet's figure,
    misattributed: CC203).

    Counted as an independent neutral count, it confirmed the police's figure and made
    a counting firm's 22,000 doubtful (an analyst's and a desk's trials). A figure only,
    not a category: two voices naming the same culprit agree as often as not."""
    if group.type != "quantity" or not group.sides:
        return {}
    prov, statement_of, outlets = group.provenance, group.statement_by_claim, group.store.outlets
    own: list[tuple[dt.date, float, Claim]] = []
    # Side words by the number they state, then by statement; the days a neutral voice
    # first gave each number.
    words: dict[float, dict[int, list[_SideWord]]] = defaultdict(lambda: defaultdict(list))
    neutral: dict[float, dt.date] = {}
    for c in group.claims:
        st = statement_of.get(c.id)
        if st is None or c.stance != "asserts" or c.source is None:
            continue
        day, number = prov.published(c.source), _figure(st.value)
        if day is None or number is None:
            continue
        side = group.interested_side(c)
        outlet = outlets.get(c.outlet or "")
        if side is not None:
            words[number][st.index].append(_SideWord(day, prov.origin_key(c), c.id, c, side))
        elif prov.own_reporting(c) and not (
            prov.party_voice(c) or (outlet is not None and outlet.kind in _COUNTING)
        ):
            if not prov.cited(c.source):
                own.append((day, number, c))
        elif (c.claimant in group.store.parties or prov.own_reporting(c)) and (
            number not in neutral or day < neutral[number]
        ):
            neutral[number] = day
    if not words:
        return {}
    # Each number's side words in day order, and the day a second side first gave it.
    second: dict[float, dt.date] = {}
    for number, by_statement in words.items():
        sides = sorted((w.day, w.side) for ws in by_statement.values() for w in ws)
        other = next((when for when, side in sides if side != sides[0][1]), None)
        if other is not None:
            second[number] = other
        for ws in by_statement.values():
            # (one day's words of one origin by document, then claim id: by what they
            # are, not by the ids' chance where a document holds one of them)
            ws.sort(key=lambda w: (w.day, w.who, w.claim.source or "", w.claim.speaker, w.id))
    # The side's words each own figure may copy (as worded); the outlets that stand
    # behind a figure no side gave by its day; own figures printed before any side gave
    # theirs (neutral voices).
    copies: list[tuple[dt.date, float, Claim, list[_SideWord]]] = []
    standing: set[str | None] = set()
    for day, number, c in own:
        copied = words.get(number, {}).get(statement_of[c.id].index)
        if copied and copied[0].day <= day:
            copies.append((day, number, c, copied))
            continue
        standing.add(c.outlet)
        first = min((ws[0].day for ws in words.get(number, {}).values()), default=None)
        if first is not None and day < first and (number not in neutral or day < neutral[number]):
            neutral[number] = day
    out: dict[str, Claim] = {}
    for day, number, c, copied in copies:
        if c.outlet in standing or (number in second and second[number] <= day):
            continue  # (a count of its own; or both sides gave it by then)
        if number in neutral and neutral[number] <= day:
            continue  # (a neutral voice gave it by then: it may be from there)
        key = prov.origin_key(c)
        owner = outlets[c.outlet].owner_key if c.outlet in outlets else None
        for w in copied[:SIDE_WORDS_TRIED]:
            source = w.claim
            if w.day > day:
                break
            if (
                source.source != c.source
                and (
                    source.outlet == c.outlet
                    or source.outlet not in outlets
                    or outlets[source.outlet].owner_key != owner
                )
                and w.who != key
                and c.source not in prov.cited(source.source or "")
            ):
                out[c.id] = source
                break
    return out


def unattributed_key(claim: Claim) -> list[str]:
    """What a side's figure printed as an outlet's own is about: its value and the
    outlet — the outlet's stories printing it are one finding; another outlet's, a
    finding of its own, reviewed on its own."""
    value = claim.parsed.key if claim.parsed is not None else claim.value
    return [f"{claim.stance}\x1e{value}", f"unattributed in {claim.outlet}"]


def unattributed_fingerprint(subject: str, prop: str, claim: Claim) -> str:
    return fingerprint(RELAY_CODE, subject, prop, unattributed_key(claim))


def undisputed_side_figures(group: GroupEvidence) -> dict[str, Claim]:
    """:func:`unattributed_side_figures` that no review marks ``disputed``."""
    found = group.unattributed_side_figures()
    disputed = group.thresholds.disputed_relays
    if not found or not disputed:
        return found
    by_id = {c.id: c for c in group.claims}
    return {
        cid: source
        for cid, source in found.items()
        if unattributed_fingerprint(group.subject_id, _fingerprint_property(group), by_id[cid])
        not in disputed
    }
