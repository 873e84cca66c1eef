"""One dispatch relayed in different words: papers' own figures, citing one document,
that can both hold or round one another ("23", "at least 23", "about 25") are one
relay group (:func:`join_wordings`, :func:`wordings_holding`), credited to the most
precise wording (:func:`looseness`); see :func:`.origins.compute_origins`."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.statements import Statement
from claimcheck.values import Value, rounds_off, stated_numbers

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


#: Distinct statements of own reporting citing one document, at most, whose words are
#: compared two by two (:func:`join_wordings`): a dispatch relayed in a few wordings.
WORDINGS_COMPARED = 12


#: Days apart, at most, that papers relaying one dispatch in different words print it.
RELAY_DAYS = 2


def join_wordings(ev: GroupEvidence, relayed: dict[tuple[str, int], list[int]]) -> None:
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
            asserted, key=lambda i: (looseness(statements[i].value), str(statements[i].value.key))
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


def wordings_holding(ev: GroupEvidence, components: dict[int, list[int]]) -> dict[int, list[int]]:
    """The relay groups, each split by statement where its wordings do not all hold
    together: documents citing two dispatches chain the wordings joined for each (a
    paper's "at least 10" citing both, beside a 12 citing one and a 500 the other) —
    every two of one group must hold together, as for one document
    (:func:`join_wordings`; a reviewer's store)."""
    claims, statement_of = ev.claims, ev.statement_by_claim
    out: dict[int, list[int]] = {}
    for top, group in components.items():
        by_statement: dict[int, list[int]] = defaultdict(list)
        for j in group:
            by_statement[statement_of[claims[j].id].index].append(j)
        values = [statement_of[claims[g[0]].id].value for g in by_statement.values()]
        together = len(values) <= WORDINGS_COMPARED and all(
            one_figure(ev, x, y) for n, x in enumerate(values) for y in values[n + 1 :]
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
    return near and one_figure(ev, x, y)


def one_figure(ev: GroupEvidence, x: Value, y: Value) -> bool:
    """Whether two wordings may state one figure: they can both hold, or one rounds the
    other."""
    return not ev.excludes(x, y) or rounds_off(x, y) or rounds_off(y, x)


def looseness(value: object) -> tuple[float, int]:
    """How loosely a figure is worded, for choosing what relays of it carry: its width
    (an open bound's is infinite), then fewer significant digits (50 after 47)."""
    lo, hi = bounds(value)
    numbers = set(stated_numbers(value) or ())
    digits = len(str(int(min(numbers))).rstrip("0")) if len(numbers) == 1 else 0
    return hi[0] - lo[0], -digits
