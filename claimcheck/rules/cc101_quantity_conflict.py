from __future__ import annotations

from collections.abc import Iterable

from claimcheck.evidence import GroupEvidence
from claimcheck.model import Tolerance
from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.common import about, cross_origin_conflicts, listing
from claimcheck.rules.registry import register


class Options(RuleOptions):
    #: Tolerance for quantity properties that set none: a number or "10%".
    default_tolerance: Tolerance | None = None
    #: A running toll lower at an earlier date than another origin's is growth, not conflict.
    cumulative_growth: bool = True


@register
class QuantityConflict(Rule):
    """Two origins give figures for one single-valued quantity that cannot both be true.

    Each claim's value is an interval ("14+" is 14 or more, "une dizaine" is 8 to 12),
    widened by the property's tolerance. Two claims from different origins conflict
    when their intervals do not overlap. The same origin changing its figure is a
    revision or a self-contradiction (CC105-CC107), never a conflict between sources.
    For a cumulative property, a lower figure at an earlier date than another origin's
    higher one is the toll growing, not a conflict (option `cumulative-growth`).

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 10, source: monde-doc}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: "14+", source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 20, source: monde-doc}
    """

    code = "CC101"
    name = "quantity-conflict"
    severity = "error"
    applies_to = frozenset({"quantity"})
    Options = Options

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        if ev.type != "quantity" or not ev.single:
            return
        options = self.options
        assert isinstance(options, Options)
        pairs = [(s, t) for s, t in ev.conflicting_pairs() if s.stance == t.stance == "asserts"]
        claims = cross_origin_conflicts(ev, pairs, cumulative_growth=options.cumulative_growth)
        if claims:
            yield Draft(
                claims,
                f"{ev.property_id} of {ev.subject_id}: figures that cannot all be true: "
                f"{listing(claims)}",
                key=about(ev, claims),
                details={"tolerance": ev.tolerance},
            )
