"""When a claim was said: the order of two claims' dates, a subject's last day, and a
party's old figure quoted again later with no date of its own — or reworded, a qualifier
dropped, by an outlet citing the report that carried it or not (it holds as of when the
party first gave it: :func:`find_repeats`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claimcheck.analysis.intervals import bounds
from claimcheck.model import Claim, Subject
from claimcheck.store import Store
from claimcheck.values import (
    DateRange,
    Quantity,
    agrees,
    rounds,
    rounds_off,
    stated_numbers,
    transposes,
)

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence
    from claimcheck.analysis.provenance import Provenance


def earlier(group: GroupEvidence, a: Claim, b: Claim) -> bool:
    """Whether ``a`` was said strictly before ``b`` (both dates known), as
    :meth:`GroupEvidence.said_on` dates them — or the same days, ``b``'s document citing
    ``a``'s (:func:`written_after`: a paper's correction of its own story, the same day)."""
    said_a, said_b = group.said_on(a), group.said_on(b)
    if said_a is None or said_b is None or not (said_a.known and said_b.known):
        return False  # (undated: no order, as the latest figures read them)
    return before(said_a, said_b) or (written_after(group, b, a) and not before(said_b, said_a))


def written_after(group: GroupEvidence, b: Claim, a: Claim) -> bool:
    """Whether ``b``'s document cites ``a``'s, directly or through a chain, both of one
    outlet: written knowing it (the outlet's correction or update of its own story,
    whatever the dates say — not a wire quoting a ministry, citing its communiqué)."""
    return (
        a.source is not None
        and b.source is not None
        and a.source != b.source
        and a.outlet is not None
        and a.outlet == b.outlet
        and a.source in group.provenance.cited(b.source)
    )


def find_repeats(group: GroupEvidence) -> dict[str, DateRange]:
    """A running toll's figures a party already gave, reported again later with no date
    of their own: each such claim's id -> the date the party first gave the figure.

    An outlet quoting the army's 12 on the 12th, when the army said 12 on the 10th and
    20 on the 11th, reports the army's old word, not a new one: it holds as of the 10th,
    so it neither lowers the army's toll nor displaces its 20. (Only a party's words
    relayed by an outlet, with ``as_of`` left to the publication date: an outlet's own
    figure is its own as of the day it publishes, and so is a party's in its own
    statement or interview, or on a channel affiliated with it — a correction back to 12
    is the army lowering its toll; a written ``as_of`` is the user's.)
    """
    if not group.cumulative:
        return {}
    out: dict[str, DateRange] = {}
    for claims in group.by_origin().values():
        if len(claims) > 1:
            out.update(repeats_among(group, claims))
    return out


def repeats_among(group: GroupEvidence, claims: list[Claim]) -> dict[str, DateRange]:
    """:func:`find_repeats` among the claims of one origin (or one voice): each old word
    quoted again, worded as it was or more loosely -> the date it was first given."""
    statement_of = group.statement_by_claim
    # (built once a group: asked for each of its origins)
    by_index = group.memo.get("statements_by_index")
    if by_index is None:
        by_index = group.memo["statements_by_index"] = {st.index: st for st in group.statements}

    def looser(k: object, j: object) -> bool:
        # (its own words' bounds, no tolerance: "about 2" words the 2 again, while a
        # figure within the tolerance of an earlier one — 150,000 after 135,000 — is a
        # new figure)
        a, b = by_index[k], by_index[j]  # type: ignore[index]
        if a.stance != b.stance or not isinstance(a.value, Quantity | DateRange):
            return group.statement_supports(a, b)
        if a.stance == "denies":  # (denying less denies more)
            a, b = b, a
        (lo, hi), (low, high) = bounds(a.value), bounds(b.value)
        # (and a ceiling rounding it: "fewer than 50" ten days after the army's 15 is a
        # new word, a cap, not the 15 worded loosely — an analyst's trial dated it back;
        # "at least 12" of it is the 15 said cautiously)
        return (
            lo >= low
            and hi <= high
            and (
                not isinstance(b.value, Quantity)
                or b.value.form not in ("at-most", "less-than")
                or rounds(b.value, a.value)
            )
        )

    return repeat_dates(
        group.provenance,
        [c for c in claims if c.id in statement_of],
        lambda c: statement_of[c.id].index,
        looser,
        group.excludes,
    )


#: How many of an origin's earlier figures a quote is tried against for a looser
#: wording of one of them ("~2" for its 2): the earliest, which a late quote repeats.
LOOSER_TRIED = 64


def repeat_dates(
    provenance: Provenance,
    claims: list[Claim],
    saying: Callable[[Claim], object],
    looser: Callable[[object, object], bool] | None = None,
    excludes: Callable[[Any, Any], bool] | None = None,
) -> dict[str, DateRange]:
    """:func:`find_repeats` among the claims of one origin, ``saying`` telling which say
    the same thing and ``looser(k, j)`` whether what ``k`` says implies what ``j`` says
    (a quote of the ministry's 2 as "about 2" repeats it too). A quote in a document
    citing one that carries the origin's earlier statement of the same number, worded
    otherwise (the wire's "more than 20, the ministry said", a paper citing it the next
    day: "20 were killed, the ministry said"), relays that statement too: a relay's
    dropped qualifier (CC107 names the relays), not the ministry lowering its toll; and
    so does one giving a figure that cannot hold with the origin's one figure there
    (``excludes``, within the property's tolerance; by the bounds alone if not given):
    a misquote, not a new figure."""
    first: dict[object, DateRange] = {}
    by_document: dict[str, list[Claim]] = {}
    for c in claims:
        as_of = c.as_of
        if as_of is not None and as_of.known:
            key = saying(c)
            if key not in first or as_of.high < first[key].high:
                first[key] = as_of
            if c.source is not None:
                by_document.setdefault(c.source, []).append(c)
    out: dict[str, DateRange] = {}
    # (how many claims say each thing first-hand: in a document citing none)
    first_hand: Counter[object] = Counter(
        saying(c) for c in claims if not provenance.cited(c.source or "")
    )
    earliest: list[tuple[object, DateRange]] | None = None  # (sorted when first needed)
    by_number: dict[tuple[str, float], list[tuple[dt.date, str, Claim]]] | None = None
    for c in claims:
        as_of = c.as_of
        if (
            c.as_of_given
            or not c.claimant_given
            or c.claimant == c.outlet
            or as_of is None
            or not as_of.known
            or own_word(provenance, c)
        ):
            continue
        said = saying(c)
        was = first[said]
        if was.high < as_of.low:
            out[c.id] = was
        elif looser is not None:
            if earliest is None:
                earliest = sorted(first.items(), key=lambda kv: kv[1].high)[:LOOSER_TRIED]
            for k, when in earliest:
                if when.high >= as_of.low:
                    break
                if k != said and looser(k, said):
                    out[c.id] = when
                    break
        if c.id not in out and c.source is not None and len(by_document) > 1:
            # (a figure the origin gives first-hand elsewhere — in a document citing
            # none — is its own, not a misquote of another; a copy of the quote is not)
            alone = first_hand[said] == (0 if provenance.cited(c.source or "") else 1)
            carried = _cited_statement(
                provenance, c, by_document, (excludes or _disjoint) if alone else None
            )
            if carried is None:  # (cited or not: the origin's number, worded otherwise)
                if by_number is None:
                    by_number = _by_number(claims)
                carried = _reworded(c, by_number)
            if carried is not None:
                out[c.id] = carried.as_of  # type: ignore[assignment]
    return out


def _by_number(claims: list[Claim]) -> dict[tuple[str, float], list[tuple[dt.date, str, Claim]]]:
    """An origin's dated claims stating one number, by stance and number, in date order."""
    found: dict[tuple[str, float], list[tuple[dt.date, str, Claim]]] = {}
    for k in claims:
        numbers = set(stated_numbers(k.parsed) or ())
        if k.as_of is not None and k.as_of.known and len(numbers) == 1:
            (number,) = numbers
            found.setdefault((k.stance, number), []).append((k.as_of.high, k.id, k))
    for entries in found.values():
        entries.sort(key=lambda e: (e[0], e[1]))
    return found


def _reworded(
    c: Claim, by_number: dict[tuple[str, float], list[tuple[dt.date, str, Claim]]]
) -> Claim | None:
    """The origin's latest claim before ``c`` whose qualifier ``c`` drops, stating its
    number bare: a radio's undated "30, local officials said" the day after a wire's
    "more than 30" (or "at least 30", "about 30"), local officials said, rewords that
    statement (citing it or not), it does not lower the officials' toll. (Not a qualifier
    added, "30" then "more than 30": a toll raised; nor one turned round.)"""
    numbers = set(stated_numbers(c.parsed) or ())
    if (
        len(numbers) != 1
        or c.as_of is None
        or not isinstance(c.parsed, Quantity)
        or c.parsed.form != "exact"
    ):
        return None
    (number,) = numbers
    entries = by_number.get((c.stance, number), [])
    k = bisect_left(entries, c.as_of.low, key=lambda e: e[0])
    # (the latest before it; one stating the same bare number dates it already, by
    # repeat_dates: the scan passes only such claims of one day)
    while k > 0:
        k -= 1
        earlier = entries[k][2]
        if isinstance(earlier.parsed, Quantity) and earlier.parsed.form in _QUALIFIED:
            return earlier
    return None


#: Wordings of a number a relay may drop the qualifier of ("more than 30" as 30).
_QUALIFIED = frozenset({"more-than", "at-least", "approx"})


def _cited_statement(
    provenance: Provenance,
    c: Claim,
    by_document: dict[str, list[Claim]],
    excludes: Callable[[Any, Any], bool] | None,
) -> Claim | None:
    """The origin's earlier claim, in a document ``c``'s document cites, that ``c``
    rewords: the same number, a qualifier dropped or added ("more than 20" quoted as
    20); the latest, if several."""
    numbers = set(stated_numbers(c.parsed) or ())
    if len(numbers) != 1:  # (one number: not a range, nor a word of no number)
        return None
    as_of = c.as_of
    assert as_of is not None
    found: Claim | None = None
    for doc in provenance.cited(c.source or ""):
        for k in by_document.get(doc, ()):
            when = k.as_of
            assert when is not None
            if (
                when.high < as_of.low
                and k.stance == c.stance
                and set(stated_numbers(k.parsed) or ()) == numbers
                and (found is None or (when.high, k.id) > (found.as_of.high, found.id))  # type: ignore[union-attr]
            ):
                found = k
    if found is not None or excludes is None:  # (None: no misquote asked after)
        return found
    return _misquoted(provenance, c, by_document, excludes)


def _disjoint(a: Any, b: Any) -> bool:
    """Whether two quantities leave no figure both hold (no tolerance)."""
    return isinstance(a, Quantity) and isinstance(b, Quantity) and not agrees(a, b)


def _misquoted(
    provenance: Provenance,
    c: Claim,
    by_document: dict[str, list[Claim]],
    excludes: Callable[[Any, Any], bool],
) -> Claim | None:
    """The origin's one earlier figure in the documents ``c``'s document cites, when
    ``c`` gives another: a paper's "74, the ministry said" the day after the communiqué
    of 47 it cites misquotes it, and holds as of when the ministry said it (see
    :func:`~.relay_sources._misquoted`). None where the origin gives several figures there, or
    a figure of not one number."""
    as_of = c.as_of
    assert as_of is not None
    said = [
        k
        for doc in provenance.cited(c.source or "")
        for k in by_document.get(doc, ())
        if k.stance == c.stance and k.as_of is not None and k.as_of.high < as_of.low
    ]
    if not said or len({k.parsed for k in said}) != 1:
        return None
    if len(set(stated_numbers(said[0].parsed) or ())) != 1:  # (a range, a vague word)
        return None
    carried = max(said, key=lambda k: (k.as_of.high, k.id))  # type: ignore[union-attr]
    if excludes(carried.parsed, c.parsed):
        return carried if misquotes(carried, c) else None
    (lo, hi), (low, high) = bounds(c.parsed), bounds(carried.parsed)
    # ("25" of "more than 20" is a new, closer figure; "some 60" of "more than 63" is
    # the communiqué worded loosely — an analyst's trial read it as the army's toll
    # lowered, its "more than 63" gone from the estimate)
    return None if low <= lo and hi <= high else carried


def misquotes(said: Claim, quote: Claim, cumulative: bool = True) -> bool:
    """Whether ``quote``, undated and citing the document where its voice gives the
    one figure ``said`` states, misquotes that figure when it gives one that cannot hold
    with it, rather than giving the voice's later word: on a property that is no
    running toll (there is no later word to give), quoted the day the voice said it,
    below it (a toll is not lowered by a quote of the communiqué that raised it), or
    with its digits in another order (74 for 47, 81 for 18), or rounded (50 for 47,
    1,200 for 1,243: :func:`~claimcheck.values.rounds_off`) (a trade-off — a toll of 23
    really raised to 32 days later, quoted citing the communiqué of 23, reads as a
    misquote, and CC107 asks the user to check it). A wire's "20, the
    ministry said" two days after the communiqué of 12 it cites is the ministry's toll
    raised — a wire cites the last communiqué it has (a reviewer's store: the CC105
    and the dispute with the medics' 18 were gone)."""
    if not cumulative:
        return True
    was, when = said.as_of, quote.as_of
    # (a date unknown cannot show the quote later: a misquote, as ever — a reviewer's
    # store read an undated "20" citing the communiqué of 12 as the ministry's new word)
    that_day = (
        not (was is not None and when is not None and was.known and when.known)
        or when.low <= was.high
    )
    return (
        that_day
        or bounds(quote.parsed)[1] < bounds(said.parsed)[0]
        or transposes(said.parsed, quote.parsed)
        # (or rounded: a paper's "50, the mayor said" the next day, citing the dispatch
        # of the mayor's 47 — a rounding, not the mayor's toll raised)
        or rounds_off(said.parsed, quote.parsed)
    )


def before(a: DateRange | None, b: DateRange | None) -> bool:
    """Whether ``a`` ends before ``b`` starts (both known)."""
    return a is not None and b is not None and a.known and b.known and a.high < b.low


def own_word(provenance: Provenance, c: Claim) -> bool:
    """Whether the party speaks in the document itself: on media that speak for it (or
    for the body it is part of), or in a statement or interview whose ``author`` is it
    — not the rebels' statement quoting what the army "itself admitted"."""
    store = provenance.store
    if c.claimant is None or c.claimant not in store.parties:
        return False
    party = provenance.party_root(c.claimant)
    if c.outlet is not None and provenance.outlet_party(c.outlet) == party:
        return True
    doc = store.documents.get(c.source or "")
    author = doc.author if doc is not None and doc.kind in ("statement", "interview") else None
    return author is not None and author in store.parties and provenance.party_root(author) == party


def subject_end(store: Store, subject: Subject | None) -> dt.date | None:
    """A subject's last day, or its nearest ``part_of``'s; None when none has a date."""
    if subject is None:
        return None
    for subject_id in store.part_of_chain(subject.id):
        date = store.subjects[subject_id].date
        if date is not None and date.known:
            return date.high
    return None
