"""A running toll's revisions by one origin, up (CC105) or down (CC106): each origin's
steps from a figure to the next, dated when the figure was given, and the old figures
other outlets still print after it revised them."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.in_print import in_print
from claimcheck.analysis.latest_figures import raises_floor
from claimcheck.analysis.timing import earlier
from claimcheck.model import Claim
from claimcheck.rules.base import Draft
from claimcheck.rules.claim_order import said_order, step_order
from claimcheck.rules.keys import about, origin_key
from claimcheck.rules.naming import as_of_text, origin_name, stated
from claimcheck.rules.same_origin import restating, same_origin_disagreements
from claimcheck.values import Quantity, stated_numbers


def revisions(ev: GroupEvidence, upward: bool) -> Iterable[Draft]:
    """One origin's cumulative figure moving between two dated reports."""
    if not ev.cumulative:
        return
    found = []
    for origin_index, pairs in same_origin_disagreements(ev).items():
        steps = []
        for a, b in pairs:
            if a.stance != "asserts" or b.stance != "asserts":
                continue
            first, then = (
                (a, b) if earlier(ev, a, b) else (b, a) if earlier(ev, b, a) else (None, None)
            )
            if first is None or then is None:
                continue
            v1, v2 = first.parsed, then.parsed
            assert isinstance(v1, Quantity) and isinstance(v2, Quantity)
            if (v2.low >= v1.high or raises_floor(v1, v2)) == upward:
                steps.append((first, then))
        if steps:
            # A figure's step starts where the origin first gave it: the ministry's 45
            # of the 10th, not a wire's copy of it on the 11th.
            first_said = _first_said(ev, origin_index)
            steps = [(first_said.get(id(ev.statement_by_claim[x.id]), x), y) for x, y in steps]
            steps = _worded_once(ev, steps)
            steps.sort(key=lambda p: (step_order(p[0]), step_order(p[1])))
            found.append((origin_name(ev, ev.by_origin()[origin_index]), origin_index, steps))
    for origin, origin_index, steps in sorted(found, key=lambda f: f[0]):
        claims = restating(ev, origin_index, steps)
        # Each step once, however many claims repeat it; a long series in brief.
        shown = list(
            dict.fromkeys(
                f"{stated(x)} ({said_text(ev, x)}) → {stated(y)} ({said_text(ev, y)})"
                for x, y in steps
            )
        )
        text = "; ".join(shown if len(shown) <= 12 else [*shown[:6], "…", *shown[-5:]])
        if len(shown) > 12:
            text += f" ({len(shown)} steps)"
        change = "revised upward" if upward else "lowered"
        # (a figure in print again relays one of the origin's: the disagreement as before)
        key = [origin_key(ev, origin_index), *about(ev, claims)]
        again = in_print_again(ev, origin_index, lowered=not upward)
        if again:
            # (each figure and day once, with who printed it: three named at most)
            printed: dict[tuple[str, str], list[str]] = {}
            for c in again:
                who = printed.setdefault((stated(c), as_of_text(c)), [])
                if c.speaker not in who:
                    who.append(c.speaker)
            shown = [
                f"{value} ({', '.join(who[:3])}"
                f"{f' and {len(who) - 3} more' if len(who) > 3 else ''}, {day})"
                for (value, day), who in printed.items()
            ]
            more = f"; and {len(shown) - 5} more" if len(shown) > 5 else ""
            text += "; still in print after: " + "; ".join(shown[:5]) + more
            claims = sorted({c.id: c for c in (*claims, *again)}.values(), key=lambda c: c.id)
        yield Draft(
            claims,
            f"{origin} {change} {ev.property_id} of {ev.subject_id}: {text}",
            key=key,
            record=steps[0][1].id,  # the revising claim
        )


def _worded_once(ev: GroupEvidence, steps: list[tuple[Claim, Claim]]) -> list[tuple[Claim, Claim]]:
    """The steps less those starting from a quote dated back to a figure the origin gave
    that day in other words, where that figure's own step is there: the UN's "at least
    12" of the 2nd, quoted on the 4th as "12", is one step to its 19, not two (an
    analyst's trial: "at least 12 (2nd) → 19 (3rd); 12 (2nd) → 19 (3rd)")."""
    if len(steps) < 2:
        return steps

    def to(x: Claim, y: Claim) -> tuple[str, str, str]:
        return str(ev.said_on(x)), str(ev.said_on(y)), stated(y)

    own = {
        (*to(x, y), n)
        for x, y in steps
        if x.as_of == ev.said_on(x)
        for n in stated_numbers(x.parsed) or ()
    }
    return [
        (x, y)
        for x, y in steps
        if x.as_of == ev.said_on(x)
        or not any((*to(x, y), n) in own for n in stated_numbers(x.parsed) or ())
    ]


def said_text(ev: GroupEvidence, claim: Claim) -> str:
    """When a step's figure was given: a party's old figure quoted again later is dated
    when the party gave it (``more than 1300 (2025-03-23)``, a paper's rounding of the
    ministry's 1318 of that day, printed on 2 April), as the step's order has it."""
    said = ev.said_on(claim)
    return str(said) if said is not None else as_of_text(claim)


def in_print_again(ev: GroupEvidence, origin_index: int, lowered: bool) -> list[Claim]:
    """Other outlets' figures that state one the origin lowered (``lowered``) or raised,
    after it did (credited to it: :func:`~claimcheck.analysis.in_print.stale_in_print`),
    by date."""
    found = in_print(ev)
    if not found:
        return []
    by_origin: dict[tuple[int, bool], list[Claim]] | None = ev.memo.get("in_print_by_origin")  # type: ignore[assignment]
    if by_origin is None:  # (once a group: each origin's, by date)
        origin, claims = ev.origins_by_claim, ev.store.claims
        by_origin = {}
        for cid, seen in found.items():
            by_origin.setdefault((origin[seen.gave.id], seen.lowered), []).append(claims[cid])
        for printed in by_origin.values():
            printed.sort(key=lambda c: (step_order(c), c.id))
        ev.memo["in_print_by_origin"] = by_origin
    return by_origin.get((origin_index, lowered), [])


def _first_said(ev: GroupEvidence, origin_index: int) -> dict[int, Claim]:
    """The origin's earliest dated claim of each of its statements (by the statement's
    ``id``): one pass over the origin's claims, not one per step."""
    first: dict[int, Claim] = {}
    for c in ev.by_origin()[origin_index]:
        statement = ev.statement_by_claim.get(c.id)
        if statement is None or c.as_of is None or not c.as_of.known:
            continue
        key = id(statement)
        best = first.get(key)
        if best is None or (said_order(ev, c), c.id) < (said_order(ev, best), best.id):
            first[key] = c
    return first
