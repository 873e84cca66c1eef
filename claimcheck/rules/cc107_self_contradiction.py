from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.claim_order import step_order
from claimcheck.rules.keys import about, origin_key
from claimcheck.rules.naming import as_of_text, origin_name, stated
from claimcheck.rules.registry import register
from claimcheck.rules.same_origin import restating, reworded_relays, self_contradictions
from claimcheck.values import stated_numbers


@register
class SelfContradiction(Rule):
    """One origin's claims disagree at the same `as_of`, or on a property that is not cumulative.

    The same origin speaking twice is not two opinions. When its figures differ and the
    difference is not a dated revision of a running toll (CC105, CC106), the origin
    contradicts itself: usually a correction that was never recorded. Mark the older
    claim `status: superseded`, or record why both stand. Until then, of claims of
    different days, the later is taken as the origin's word in grades and estimates
    (DESIGN §2: each origin's latest figure) and the earlier is judged no more: the
    organisers' 50,000 at the march, then 70,000 on their site the next day, are their
    70,000, not two figures "improbable" for an origin that also says otherwise. When
    the differing claims are
    one claimant's statement carried by different outlets (one dropped "plus de"), or an
    outlet's own words relaying it (its document cites the one carrying it: "23" for
    "more than 23"), the message says the relays differ and names each wording with the
    outlets carrying it: the claimant may not be at fault.

    Fails:

        claims:
          - {id: a, subject: battle, property: distance, value: 20, source: rfi-doc}
          - {id: b, subject: battle, property: distance, value: "quelques kilomètres", source: rfi-doc}

    Passes:

        claims:
          - {id: a, subject: battle, property: distance, value: 20, source: rfi-doc}
          - {id: b, subject: battle, property: distance, value: 21, source: rfi-doc}
    """

    code = "CC107"
    name = "self-contradiction"
    severity = "warning"
    category = "revision"

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        found = []
        by_origin = dict(self_contradictions(ev))
        reworded = reworded_relays(ev)
        for origin_index, pairs in reworded.items():
            by_origin[origin_index] = by_origin.get(origin_index, []) + pairs
        relayed = {(a.id, b.id) for pairs in reworded.values() for a, b in pairs}
        for origin_index, pairs in by_origin.items():
            clashes = sorted(pairs, key=lambda p: (step_order(p[0]), step_order(p[1])))
            found.append((origin_name(ev, ev.by_origin()[origin_index]), origin_index, clashes))
        for origin, origin_index, clashes in sorted(found, key=lambda f: f[0]):
            claims = restating(ev, origin_index, clashes)
            # Each clash once, however many claims repeat it.
            replaced: list[str] = []
            if all((a.id, b.id) in relayed or _relayed(ev, a, b) for a, b in clashes):
                # Each wording once, with the outlets carrying it: a faithful relay is
                # named beside its wording, not as one that differs.
                outlets: dict[str, set[str]] = {}
                for a, b in clashes:
                    outlets.setdefault(stated(a), set())
                    outlets.setdefault(stated(b), set())
                for c in claims:
                    if stated(c) in outlets:
                        outlets[stated(c)].add(c.outlet or "")
                text = " vs ".join(
                    f"{wording} in {', '.join(sorted(names))}" for wording, names in outlets.items()
                )
                why = (
                    'one relay probably dropped or added a qualifier ("more than", "about")'
                    if all(_one_number(a, b) for a, b in clashes)
                    else "they give different figures"
                )
                message = (
                    f"{origin}'s statement on {ev.property_id} of {ev.subject_id} is relayed "
                    f"differently: {text}; {why}: check the original statement"
                )
            else:
                text = "; ".join(
                    dict.fromkeys(
                        f"{stated(a)} ({_said_by(a, b)}) vs {stated(b)} ({_said_by(b, a)})"
                        for a, b in clashes
                    )
                )
                message = (
                    f"{origin} contradicts itself on {ev.property_id} of {ev.subject_id}: {text}"
                )
                if not ev.cumulative:
                    replaced = sorted(
                        {c.id for pair in clashes for c in pair} & ev.superseded.keys()
                    )
                if replaced:
                    message += (
                        f"; its later word is taken: mark {', '.join(replaced)} "
                        "`status: superseded` if it was corrected, or say why both stand"
                    )
            yield Draft(
                claims,
                message,
                key=[
                    origin_key(ev, origin_index),
                    # (a relay's own words, though it counts as what it relays)
                    *sorted({*about(ev, claims), *(c.said for c in claims if c.id in ev.reworded)}),
                ],
                record=clashes[0][0].id,
                # (the words its later word replaced: revised, in its track record)
                details={"replaced": replaced} if replaced else {},
            )


def _one_number(a: Claim, b: Claim) -> bool:
    """Whether two wordings state a number in common ("more than 23" and "23"): a
    qualifier dropped or added, not another figure (19 and 27)."""
    return bool(set(stated_numbers(a.parsed) or ()) & set(stated_numbers(b.parsed) or ()))


def _said_by(c: Claim, other: Claim) -> str:
    """When ``c`` was said, and by whom when the other claim's speaker differs (a
    ministry's spokesman's 195 against its deputy minister's 210, the same day)."""
    when = as_of_text(c)
    return when if c.speaker == other.speaker else f"{when}, {c.speaker}"


def _relayed(ev: GroupEvidence, a: Claim, b: Claim) -> bool:
    """Two claims of one quoted claimant, at one date, carried by different outlets (a
    quote dated by the statement it relays: a paper citing the wire the next day,
    :func:`~claimcheck.analysis.timing.find_repeats`)."""
    return (
        a.claimant is not None
        and a.claimant == b.claimant
        and a.claimant not in (a.outlet, b.outlet)
        and a.outlet != b.outlet
        and ev.said_on(a) == ev.said_on(b)
    )
