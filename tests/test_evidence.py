"""A group's origins and units (DESIGN §2): who first said it, and who counts once.

The group analysis and an independent store-level grouping (:func:`origin_groups`, the
oracle) agree on any set of claims of one value; quoted claimants stay apart however they are relayed; allies
count once for corroboration but twice for conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.provenance import Provenance
from claimcheck.model import Claim
from claimcheck.store import load_store
from claimcheck.values import Quantity

SOURCES = ["rfi-doc", "rfi-doc-2", "f24-doc", "monde-doc", "figaro-doc", "relay", "leaflet"]
CLAIMANTS = [None, "medical-sources", "malian-officials", "fama", "le-monde", "rfi"]
RELAY = "documents:\n  - {id: relay, outlet: le-figaro, cites: [monde-doc]}\n"


def _group(
    make_store: Callable[..., Path],
    claims: list[tuple[str, str | None, str]],
    extra: str = RELAY,
    subject: str = "strike",
) -> tuple[GroupEvidence, StoreEvidence]:
    lines = []
    for i, (source, claimant, value) in enumerate(claims):
        who = f", claimant: {claimant}" if claimant else ""
        lines.append(
            f"  - {{id: c{i}, subject: {subject}, property: deaths, value: {value!r}, "
            f"source: {source}{who}}}"
        )
    root = make_store({"c.yaml": extra + "claims:\n" + "\n".join(lines) + "\n"})
    evidence = StoreEvidence(load_store(root))
    return evidence.group((subject, "deaths")), evidence


def _partition(groups: list[list[str]]) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


def _origins(ev: GroupEvidence) -> list[list[str]]:
    """The claims by the origin their value is credited to."""
    by: dict[int, list[str]] = {}
    for c in ev.claims:
        by.setdefault(ev.credited[c.id], []).append(c.id)
    return _partition(list(by.values()))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(SOURCES), st.sampled_from(CLAIMANTS)), min_size=1, max_size=9
    )
)
@example([("monde-doc", None), ("monde-doc", "medical-sources"), ("relay", "le-monde")])
@example([("monde-doc", "medical-sources"), ("monde-doc", None), ("relay", "le-monde")])
# (a quote naming the wrong voice; a quote naming the outlet whose document it cites)
@example([("monde-doc", "medical-sources"), ("relay", "malian-officials")])
@example([("monde-doc", "fama"), ("monde-doc", "medical-sources"), ("relay", "rfi")])
@example([("monde-doc", "fama"), ("relay", "le-monde")])
# (an outlet named for what the document it cites gives in another voice: misnamed too)
@example([("monde-doc", None), ("relay", "rfi")])
# (a side's word, then an outlet's own figure citing nothing: the side's, printed)
@example([("rfi-doc", "malian-officials"), ("rfi-doc-2", None)])
@example([("rfi-doc", "fama"), ("rfi-doc", "medical-sources"), ("monde-doc", None)])
# (an outlet's own figure printed before any side's: a neutral voice, no copy after it)
@example([("rfi-doc", None), ("f24-doc", "malian-officials"), ("monde-doc", None)])
def test_the_group_and_the_provenance_agree_on_one_value(
    make_store: Callable[..., Path], claims: list[tuple[str, str | None]]
) -> None:
    ev, evidence = _group(make_store, [(s, c, "10") for s, c in claims])
    listed = origin_groups(evidence.provenance, ev.claims)
    assert _origins(ev) == _partition([[c.id for c in g] for g in listed])


def test_claimants_quoted_in_one_document_are_two_origins(
    make_store: Callable[..., Path],
) -> None:
    # A dispatch quoting the army and the medical sources: two voices, not one document.
    ev, _ = _group(make_store, [("rfi-doc", "fama", "10"), ("rfi-doc", "medical-sources", "10")])
    assert _origins(ev) == [["c0"], ["c1"]]


def test_one_claimant_relayed_by_two_outlets_is_one_origin(
    make_store: Callable[..., Path],
) -> None:
    ev, _ = _group(
        make_store,
        [("monde-doc", "medical-sources", "10"), ("figaro-doc", "medical-sources", "10")],
    )
    assert _origins(ev) == [["c0", "c1"]]


def test_an_outlet_citing_a_document_has_its_figure_from_there(
    make_store: Callable[..., Path],
) -> None:
    # Le Figaro's relay of Le Monde states Le Monde's figure: one origin. A figure of its
    # own that the cited document does not give is Le Figaro's.
    same, _ = _group(make_store, [("monde-doc", None, "10"), ("relay", None, "10")])
    assert _origins(same) == [["c0", "c1"]]
    other, _ = _group(make_store, [("monde-doc", None, "10"), ("relay", None, "14")])
    assert _origins(other) == [["c0"], ["c1"]]


@pytest.mark.parametrize(
    ("cited", "relayed"),
    [("at least 23", "23"), ("more than 23", "23"), ("23", "about 23"), ("20-23", "23")],
)
def test_a_relay_that_rewords_the_figure_still_has_it_from_there(
    make_store: Callable[..., Path], cited: str, relayed: str
) -> None:
    """Le Figaro's own "23", citing Le Monde's "at least 23", is Le Monde's figure with
    its qualifier dropped (DESIGN §2: own reporting in a document citing one that carries
    the other): one origin — not an independent count confirming it. A figure the cited
    document does not state (29), or only a vague word's size, stays Le Figaro's."""
    ev, _ = _group(make_store, [("monde-doc", None, cited), ("relay", None, relayed)])
    assert _origins(ev) == [["c0", "c1"]]
    assert ev.relayed_from["c1"].id == "c0"
    other, _ = _group(make_store, [("monde-doc", None, "at least 23"), ("relay", None, "29")])
    assert _origins(other) == [["c0"], ["c1"]]
    vague, _ = _group(make_store, [("monde-doc", None, "dozens"), ("relay", None, "24")])
    assert _origins(vague) == [["c0"], ["c1"]]


@pytest.mark.parametrize(
    ("cited", "own"), [("fewer than 23", "more than 23"), ("nearly 50", "45"), ("10-14", "20")]
)
def test_a_relays_own_count_sharing_a_number_with_its_source_stays_its_own(
    make_store: Callable[..., Path], cited: str, own: str
) -> None:
    """A figure the cited document cannot hold with ("more than 23" against "fewer than
    23"), or a number only computed from its wording (the 45 "nearly 50" is read from),
    is the outlet's own: two origins."""
    ev, _ = _group(make_store, [("monde-doc", None, cited), ("relay", None, own)])
    assert _origins(ev) == [["c0"], ["c1"]]


def test_a_lede_rewording_the_figure_its_article_attributes_carries_it(
    make_store: Callable[..., Path],
) -> None:
    """RFI's own "23 killed" above "at least 23, the medical sources said", in one
    dispatch: the medical sources' figure, qualifier dropped, not RFI's own count."""
    ev, _ = _group(
        make_store, [("rfi-doc", "medical-sources", "at least 23"), ("rfi-doc", None, "23")]
    )
    assert _origins(ev) == [["c0", "c1"]]


@pytest.mark.parametrize(
    ("attributed", "own", "one"),
    [
        ("23", "more than 20", True),  # the lede rounds the hospital's figure
        ("41", "at least 40", True),
        ("1400", "more than 1000", True),
        ("18", "fewer than 20", True),
        ("41", "at least 25", False),  # the paper's own count, the medics' far beyond it
        ("23", "more than 10", False),
        ("12", "fewer than 30", False),
    ],
)
def test_a_ledes_open_bound_carries_the_figure_it_rounds_not_one_far_beyond_it(
    make_store: Callable[..., Path], attributed: str, own: str, one: bool
) -> None:
    """RFI's own "more than 20 killed" above "23, the medical sources said" rounds their
    figure: one origin. Its own "at least 25" above the medics' 41 is a count of its own
    (a new user's flood store, where a paper citing the article then relayed "25" as the
    medics' 41): two."""
    ev, _ = _group(make_store, [("rfi-doc", "medical-sources", attributed), ("rfi-doc", None, own)])
    assert _origins(ev) == ([["c0", "c1"]] if one else [["c0"], ["c1"]])


@pytest.mark.parametrize("medics_first", [True, False])
def test_a_ledes_open_bound_carries_the_figure_it_rounds_whatever_the_ids(
    make_store: Callable[..., Path], medics_first: bool
) -> None:
    """RFI's own "more than 20" above the medical sources' 41 and the officials' 23:
    it rounds the 23, whichever claim's id sorts first — not its own count when the
    41, which it does not round, happens to come first."""
    medics = ("rfi-doc", "medical-sources", "41")
    officials = ("rfi-doc", "malian-officials", "23")
    quoted = [medics, officials] if medics_first else [officials, medics]
    ev, _ = _group(make_store, [*quoted, ("rfi-doc", None, "more than 20")])
    officials_id = "c1" if medics_first else "c0"
    assert ev.relayed_from["c2"].id == officials_id
    assert sorted(["c2", officials_id]) in _origins(ev)


def test_a_relay_citing_an_article_has_the_number_it_states_not_a_quote_beyond_it(
    make_store: Callable[..., Path],
) -> None:
    """Le Monde's own "at least 25" and the medical sources' 41 in one article; Le
    Figaro's "25" citing it relays Le Monde's figure, qualifier dropped — not the medical
    sources' 41, and no claim that the 41 was relayed differently."""
    ev, _ = _group(
        make_store,
        [
            ("monde-doc", None, "at least 25"),
            ("monde-doc", "medical-sources", "41"),
            ("relay", None, "25"),
        ],
    )
    assert _origins(ev) == [["c0", "c2"], ["c1"]]
    assert ev.relayed_from["c2"].id == "c0"


def test_relaying_a_figure_does_not_make_an_outlet_one_with_its_source(
    make_store: Callable[..., Path],
) -> None:
    # Le Figaro's relay of Le Monde's 14 is credited to Le Monde; Le Figaro's own 10
    # elsewhere (a day later: no count grown) is still Le Figaro's, and conflicts with
    # Le Monde's 14 — as carried by Le Monde and by Le Figaro's relay.
    ev, _ = _group(
        make_store, [("monde-doc", None, "14"), ("relay", None, "14"), ("figaro-doc", None, "10")]
    )
    assert _origins(ev) == [["c0", "c1"], ["c2"]]
    assert ev.origin_of(ev.claims[1]) == ev.origin_of(ev.claims[2])  # both Le Figaro's
    assert [c.id for c in ev.conflicts().claims] == ["c0", "c1", "c2"]


def test_own_reporting_citing_one_wire_is_one_origin(make_store: Callable[..., Path]) -> None:
    wire = (
        "outlets:\n  - {id: wire, name: Wire, kind: wire}\n"
        "documents:\n  - {id: dispatch, outlet: wire}\n"
        "  - {id: m2, outlet: le-monde, cites: [dispatch]}\n"
        "  - {id: f2, outlet: le-figaro, cites: [dispatch]}\n"
    )
    ev, _ = _group(make_store, [("m2", None, "10"), ("f2", None, "10")], extra=wire)
    assert _origins(ev) == [["c0", "c1"]]


def test_a_party_and_its_parts_are_one_origin(make_store: Callable[..., Path]) -> None:
    parts = (
        "parties:\n  - {id: ministry, name: Ministry, kind: state, part_of: fama}\n"
        "  - {id: desk, name: Press desk, kind: state, part_of: ministry}\n"
    )
    ev, _ = _group(
        make_store,
        [("monde-doc", "desk", "10"), ("figaro-doc", "fama", "10"), ("rfi-doc", "wagner", "10")],
        extra=parts,
    )
    assert _origins(ev) == [["c0", "c1"], ["c2"]]


def test_allies_are_one_unit_for_corroboration_but_two_origins(
    make_store: Callable[..., Path],
) -> None:
    # FAMa and Wagner share a side of the strike: one voice for corroboration; the
    # medical sources are neutral and count on their own.
    ev, _ = _group(
        make_store,
        [
            ("monde-doc", "fama", "10"),
            ("figaro-doc", "wagner", "10"),
            ("rfi-doc", "medical-sources", "10"),
        ],
    )
    assert _origins(ev) == [["c0"], ["c1"], ["c2"]]
    assert len({ev.origin_of(c) for c in ev.claims}) == 3
    units = {c.id: ev.unit_of(c) for c in ev.claims}
    assert units["c0"] is units["c1"] and units["c0"].side == "mali-government"
    assert units["c2"].side is None and units["c2"].anonymous
    (statement,) = ev.statements
    assert len(ev.tally(statement).support) == 2


def test_support_respects_open_bounds(make_store: Callable[..., Path]) -> None:
    ev, _ = _group(
        make_store,
        # (">20" first: the 20 of the day after is no count it grew from)
        [("rfi-doc", None, ">20"), ("monde-doc", None, "20"), ("figaro-doc", None, "at least 20")],
    )
    by_value = {str(s.value): s for s in ev.statements}
    twenty, more, at_least = by_value["20"], by_value[">20"], by_value["at least 20"]
    assert not ev.statement_supports(twenty, more)
    assert ev.statements_conflict(twenty, more)
    assert ev.statement_supports(twenty, at_least) and ev.statement_supports(more, at_least)
    assert [c.id for c in ev.support(at_least)] == ["c0", "c1", "c2"]
    for s in ev.statements:
        for t in ev.statements:
            assert not (ev.statement_supports(s, t) and ev.statements_conflict(s, t))


def origin_groups(prov: Provenance, claims: Sequence[Claim]) -> list[list[Claim]]:
    """The oracle: claims grouped by the origin their value is credited to, largest first
    (equal sizes in the order of their first claim).

    A claim's origin is its :meth:`origin_key`; an outlet's own reporting in a
    document citing (through any chain) the document of another claim about the same
    subject and property with the same value is credited to that claim's origin, and so
    is its own figure that its own document attributes to a claimant; and so is a
    party's figure quoted in a document citing one where the same voice gives it, and
    an outlet's own figure that a party's word in a document citing it attributes to the
    party — and a party's word whose voice says nothing in what it cites, where one
    other voice gives its value (misnamed; so is a word naming an outlet none of whose
    documents it cites), and a word naming an outlet, in a document citing that
    outlet's where it is given in any voice — and an outlet's own figure citing
    nothing that one side's voice gave that day or before, and no neutral party (a
    side's figure printed without its name) —
    each relay followed to the origin at the end of the chain. The analysis of a
    (subject, property) group (:mod:`claimcheck.analysis.group`) refines this with what
    values imply and with suspected relays.
    """
    Where = tuple[str, str, str, object]
    #: The claims of a value in a document, in store order.
    in_document: dict[Where, list[Claim]] = defaultdict(list)
    #: Figures a document attributes to a claimant: the first such claim by id.
    quoted: dict[Where, Claim] = {}
    for claim in claims:
        if claim.source is not None and claim.parsed is not None:
            where = (claim.source, claim.subject, claim.property, (claim.stance, claim.parsed.key))
            in_document[where].append(claim)
            if (
                isinstance(claim.parsed, Quantity)
                and claim.stance == "asserts"
                and not prov.own_reporting(claim)
                and (where not in quoted or claim.id < quoted[where].id)
            ):
                quoted[where] = claim
    # An outlet keeping a count of its own (several figures of its own on one subject
    # and property) is not carrying the figures it quotes (as the group analysis has
    # it).
    counts: dict[tuple[str | None, str, str], set[object]] = defaultdict(set)
    for claim in claims:
        if prov.own_reporting(claim) and claim.parsed is not None and claim.stance == "asserts":
            counts[(claim.outlet, claim.subject, claim.property)].add(claim.parsed.key)

    def own_voice(claim: Claim) -> Claim | None:
        """For a quoted word: the same word where a document it cites gives it in the
        same voice — or, the word naming an outlet, in that outlet's document, in any."""
        assert claim.source is not None and claim.parsed is not None
        said = (claim.stance, claim.parsed.key)
        key = prov.origin_key(claim)
        named = prov.store.outlets.get(claim.claimant or "")
        for doc_id in sorted(prov.cited(claim.source)):
            same = in_document.get((doc_id, claim.subject, claim.property, said), [])
            voice = [c for c in same if prov.origin_key(c) == key]
            if voice:
                return voice[0]
            doc = prov.store.documents[doc_id]
            publisher = prov.store.outlets.get(doc.outlet or "")
            if (
                same
                and named is not None
                and publisher is not None
                and publisher.owner_key == named.owner_key
            ):
                return min(same, key=lambda c: c.id)
        return None

    def misnamed(claim: Claim) -> Claim | None:
        """A party's figure its voice does not give in what it cites, nor first-hand,
        where the documents it cites give it in one other voice that its own document
        does not name for it too: that voice's claim (first by id)."""
        assert claim.source is not None and claim.parsed is not None
        outlet = prov.store.outlets.get(claim.outlet or "")
        named = prov.store.outlets.get(claim.claimant or "")
        cited = sorted(prov.cited(claim.source))
        if (
            (
                claim.claimant not in prov.store.parties
                # (an outlet named, none of whose documents — nor its owner's outlets' — it
                # cites: as a party named)
                and (named is None or any(prov.published_by(d, named) for d in cited))
            )
            or (outlet is not None and outlet.kind == "encyclopedia")
            or not isinstance(claim.parsed, Quantity)
        ):
            return None
        said, key = (claim.stance, claim.parsed.key), prov.origin_key(claim)
        for c in claims:
            if (c.subject, c.property) != (claim.subject, claim.property):
                continue
            if (
                prov.origin_key(c) == key
                and c.parsed is not None
                and (c.stance, c.parsed.key) == said
                and not prov.cited(c.source or "")
            ):
                return None  # (its own word, first-hand)
        beside = in_document.get((claim.source, claim.subject, claim.property, said), [])
        others = [
            c
            for doc_id in cited
            for c in in_document.get((doc_id, claim.subject, claim.property, said), [])
            if not (prov.own_reporting(c) and relays(c) is claim)
        ]
        voices = {prov.origin_key(c) for c in others}
        if len(voices) == 1 and not any(prov.origin_key(c) in voices for c in beside):
            return min(others, key=lambda c: c.id)
        return None

    def sister_quote(claim: Claim, said: tuple[str, object]) -> Claim | None:
        store = prov.store
        outlet = store.outlets.get(claim.outlet or "")
        if outlet is None:
            return None
        when = prov.published(claim.source or "")
        found = [
            c
            for c in claims
            if c.source is not None
            and c.parsed is not None
            and c.claimant in store.parties
            and not prov.own_reporting(c)
            and c.outlet != claim.outlet
            and (c.subject, c.property) == (claim.subject, claim.property)
            and (c.stance, c.parsed.key) == said
            and (sister := store.outlets.get(c.outlet or "")) is not None
            and sister.owner_key == outlet.owner_key
            and (when is None or (day := prov.published(c.source)) is None or day <= when)
        ]
        if found and len({prov.origin_key(c) for c in found}) == 1:
            return min(found, key=lambda c: c.id)
        return None

    def relays(claim: Claim, quoted_only: bool = False) -> Claim | None:
        """The claim whose value ``claim`` carries, if it carries another's (for a
        quoted word, ``quoted_only``: only its own voice's word, not a misnamed one)."""
        if claim.source is None or claim.parsed is None:
            return None
        said = (claim.stance, claim.parsed.key)
        if not prov.own_reporting(claim):
            # A party's word in a document citing one where it says the same: relayed;
            # one where another voice, only, gives what it says and it says nothing:
            # that voice's word, misnamed.
            found = own_voice(claim)
            if found is None and not quoted_only:
                found = misnamed(claim)
            return found
        # The outlet's own figure that its own document attributes to a claimant.
        if len(counts[(claim.outlet, claim.subject, claim.property)]) == 1:
            attributed = quoted.get((claim.source, claim.subject, claim.property, said))
            if attributed is not None:
                return attributed
            # ... or that an outlet of its owner printed that day or before as one
            # party's word.
            sister = sister_quote(claim, said)
            if sister is not None:
                return sister
        # Its own figure in a document citing one that carries it: that one's first claim.
        for doc_id in sorted(prov.cited(claim.source)):
            same = in_document.get((doc_id, claim.subject, claim.property, said))
            if same:
                return same[0]
        # Its own figure that parties' words, in documents citing its document, say is
        # one party's (whose voice they find nowhere in what they cite): the first such
        # word by id — not an outlet counting for itself (a UN office, an NGO), nor a
        # figure the words give to several voices.
        outlet = prov.store.outlets.get(claim.outlet or "")
        if prov.party_voice(claim) or (outlet is not None and outlet.kind in ("un", "ngo")):
            return None
        naming = [
            quote
            for quote in claims
            if quote.source is not None
            and quote.parsed is not None
            and not prov.own_reporting(quote)
            and quote.claimant in prov.store.parties
            and (quote.subject, quote.property) == (claim.subject, claim.property)
            and (quote.stance, quote.parsed.key) == said
            and claim.source in prov.cited(quote.source)
            and relays(quote, quoted_only=True) is None
        ]
        if naming and len({prov.origin_key(q) for q in naming}) == 1:
            return min(naming, key=lambda q: q.id)
        return echoed(claim, said)

    def side(claim: Claim) -> str | None:
        subject = prov.store.subjects.get(claim.subject)
        found = prov.store.side_of(claim.claimant)
        return found if subject is not None and found in (subject.sides or ()) else None

    def counts_itself(claim: Claim) -> bool:
        """A UN office's or an NGO's own figure, or a party's media's: not a copy."""
        outlet = prov.store.outlets.get(claim.outlet or "")
        return prov.party_voice(claim) or (outlet is not None and outlet.kind in ("un", "ngo"))

    def figure(claim: Claim) -> bool:
        return isinstance(claim.parsed, Quantity) and claim.parsed.form != "vague"

    def echoed(claim: Claim, said: tuple[str, object]) -> Claim | None:
        """An outlet's own figure citing nothing that one side's voice gave as worded
        that day or before, and no neutral voice by then (a neutral party; a UN office,
        an NGO or a party's media in their own words; an outlet's own figure printed
        before any side gave it) — the outlet standing behind no figure of its own that
        no side gave by its day: the side's first such claim (by day, origin, id)."""
        day = prov.published(claim.source or "")
        if (
            day is None
            or side(claim) is not None
            or claim.stance != "asserts"
            or not figure(claim)
            or counts_itself(claim)
            or prov.cited(claim.source or "")
        ):
            return None

        def side_words(value: tuple[str, object], by: object) -> list[Claim]:
            return [
                c
                for c in claims
                if (c.subject, c.property) == (claim.subject, claim.property)
                and c.parsed is not None
                and (c.stance, c.parsed.key) == value
                and side(c) is not None
                and (when := prov.published(c.source or "")) is not None
                and when <= by  # type: ignore[operator]
            ]

        # (an outlet standing behind a figure no side gave by its day: its own count)
        for other in claims:
            if (
                other.outlet == claim.outlet
                and (other.subject, other.property) == (claim.subject, claim.property)
                and prov.own_reporting(other)
                and side(other) is None
                and other.stance == "asserts"
                and figure(other)
                and not prov.cited(other.source or "")
                and (when := prov.published(other.source or "")) is not None
                and not side_words((other.stance, other.parsed.key), when)  # type: ignore[union-attr]
            ):
                return None
        earlier = side_words(said, day)
        if not earlier or len({side(c) for c in earlier}) != 1:
            return None
        first_side = min(prov.published(c.source or "") for c in earlier)  # type: ignore[type-var]
        for c in claims:
            when = prov.published(c.source or "")
            if (
                (c.subject, c.property) != (claim.subject, claim.property)
                or c.parsed is None
                or (c.stance, c.parsed.key) != said
                or side(c) is not None
                or c.source is None
                or when is None
                or when > day
            ):
                continue
            if c.claimant in prov.store.parties or counts_itself(c):
                return None  # (a neutral voice gave it by then)
            if prov.own_reporting(c) and when < first_side:  # type: ignore[operator]
                return None  # (an outlet's own, printed before any side's)
        owner = prov.store.outlets[claim.outlet].owner_key if claim.outlet else None
        voices = [
            c
            for c in earlier
            if c.source != claim.source
            and (
                c.outlet == claim.outlet
                or c.outlet is None
                or prov.store.outlets[c.outlet].owner_key != owner
            )
            and prov.origin_key(c) != prov.origin_key(claim)
            and claim.source not in prov.cited(c.source or "")
        ]
        if not voices:
            return None
        return min(voices, key=lambda c: (prov.published(c.source or ""), prov.origin_key(c), c.id))

    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        at, seen = claim, {claim.id}
        while (carried := relays(at)) is not None and carried.id not in seen:
            at = carried
            seen.add(at.id)
        groups.setdefault(prov.origin_key(at), []).append(claim)
    found = list(groups.values())
    return sorted(found, key=len, reverse=True) if len(found) > 1 else found
