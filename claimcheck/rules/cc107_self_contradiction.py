from __future__ import annotations

from collections.abc import Iterable

from claimcheck.evidence import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.common import about, as_of_text, earlier, same_origin_disagreements, stated
from claimcheck.rules.registry import register


@register
class SelfContradiction(Rule):
    """One origin's claims disagree at the same `as_of`, or on a property that is not cumulative.

    The same origin speaking twice is not two opinions. When its figures differ and the
    difference is not a dated revision of a running toll (CC105, CC106), the origin
    contradicts itself: usually a correction that was never recorded. Mark the older
    claim `status: superseded`, or record why both stand.

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

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        for origin, pairs in sorted(same_origin_disagreements(ev).items()):
            clashes = [
                (a, b)
                for a, b in pairs
                if not (
                    ev.cumulative
                    and a.stance == b.stance == "asserts"
                    and (earlier(a, b) or earlier(b, a))
                )
            ]
            if not clashes:
                continue
            claims = sorted(
                {c.id: c for pair in clashes for c in pair}.values(), key=lambda c: c.id
            )
            # Each clash once, however many claims repeat it.
            text = "; ".join(
                dict.fromkeys(
                    f"{stated(a)} ({as_of_text(a)}) vs {stated(b)} ({as_of_text(b)})"
                    for a, b in clashes
                )
            )
            yield Draft(
                claims,
                f"{origin} contradicts itself on {ev.property_id} of {ev.subject_id}: {text}",
                key=[origin, *about(ev, claims)],
            )
