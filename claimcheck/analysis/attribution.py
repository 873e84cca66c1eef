"""Whose word a quote or an outlet's own figure is, when its words or its citations name
someone else: an owner's sister outlet's quote, a party's word citing an outlet's own
figure, a quote naming the wrong voice, an encyclopedia's range spanning voices, a
transposed figure (the relays
:func:`.origins.compute_origins` notes beside the ones a citation declares)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.timing import before, own_word
from claimcheck.model import Claim
from claimcheck.values import (
    stated_numbers,
)

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence
    from claimcheck.analysis.statements import Statement


def quoted_by_sister_outlet(ev: GroupEvidence, relays: dict[int, tuple[int, str]]) -> None:
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


def transposed_quotes(
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


def credit_attributed(
    ev: GroupEvidence,
    attributing: list[tuple[int, list[str]]],
    relays: dict[int, tuple[int, str]],
    origin: dict[str, int],
    relayed: dict[tuple[str, int], list[int]],
) -> None:
    """Credit each outlet's own figure that party's words citing it attribute to one
    origin (see :func:`.origins.compute_origins`), to the first such word by id: indexed by
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


def misattributed(
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
    claims, statement_of = ev.claims, ev.statement_by_claim
    for i, cited in attributing:
        quote = claims[i]
        if i in relays or ev.store.in_tertiary(quote):
            continue  # (an encyclopedia's: its citations do not give it, CC204 says)
        st = statement_of[quote.id]
        if said_elsewhere(ev, quote) or quote.as_of_given:
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


def said_elsewhere(ev: GroupEvidence, quote: Claim) -> bool:
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


def tertiary_source(
    ev: GroupEvidence,
    c: Claim,
    st: Statement,
    cited: list[str],
    by_document: dict[str, list[int]],
    origin: dict[str, int],
    carrier: tuple[str, int],
) -> tuple[str, int] | None:
    """What an encyclopedia's figure ``c`` (stating ``st``) relays (``carrier``: the
    first claim of its citations supporting it): the voice giving it as it is, where one
    does (OCHA's "at least 60", not the ministry's 72 that bears it out; the army's
    "9-30", not a rights group's 20 within it: a desk's and an adversarial trial) — or,
    for a range spanning figures its citations give in different voices ("between 9 and
    30", citing the army's 9 and the Front's 30), None: a summary of their dispute, the
    word of neither (it was the Front's relay, "confirmed" by both sides agreeing: an
    analyst's trial), noted in :attr:`~.group.GroupEvidence.summaries` (uncited)."""
    claims, statement_of = ev.claims, ev.statement_by_claim
    within = [
        (claims[j].id, doc_id, j, t)
        for doc_id in cited
        for j in by_document.get(doc_id, ())
        if (t := statement_of.get(claims[j].id)) is not None
        and t.stance == "asserts"
        and ev.statement_supports(t, st)
    ]
    exact = [(doc_id, j) for _, doc_id, j, t in within if t is st]
    if exact:
        # (of several, the first printed, by document, then voice: not by claim id — a
        # stranger's review renamed the claims and the copy changed voice)
        published, speaker = ev.provenance.published, ev.provenance.speaker
        return min(
            exact,
            key=lambda e: (
                published(e[0]) or dt.date.max,
                e[0],
                speaker(claims[e[1]]),
                claims[e[1]].id,
            ),
        )
    if len(set(stated_numbers(st.value) or ())) < 2 or len({origin[x[0]] for x in within}) < 2:
        return carrier
    ev.summaries[c.id] = sorted({claims[j].speaker for _, _, j, _ in within})
    return None
