from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.model import Tolerance
from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.conflict_draft import conflict_draft
from claimcheck.rules.registry import register


class Options(RuleOptions):
    #: Tolerance for quantity properties that set none: a number or "10%".
    default_tolerance: Tolerance | None = None
    #: A running toll overtaken by another origin's later, higher figure (while the
    #: subject was under way, or after it by a count of the same stake) is growth, not a
    #: conflict.
    cumulative_growth: bool = True


@register
class QuantityConflict(Rule):
    """Two origins give figures for one single-valued quantity that cannot both be true.

    Each claim's value is an interval ("14+" is 14 or more, "une dizaine" is 8 to 12),
    widened by the property's tolerance. Two claims from different origins conflict
    when their intervals do not overlap. The same origin changing its figure is a
    revision or a self-contradiction (CC105-CC107), never a conflict between sources.
    For a cumulative property, a lower figure given while the subject was still under
    way (its `as_of` not after the subject's last day, or the subject has no date) and
    a later, higher figure from another origin are the toll growing, not a conflict
    (option `cumulative-growth`) — unless the two origins have different stakes (a
    party and a neutral count, or two sides) and the later figure is more than twice
    the earlier within 7 days, or more than that rate allows over up to 14 days (2.2
    times 8 days on, 4 times 14 days on), or the earlier was given on the last day
    itself: the army's 40 dead of a siege and the rebels' 400 the next day, or a UN
    office's 400 eight days later, are a dispute, a hospital's 45 the next day or the
    UN's 600 three weeks on are growth. Once the
    subject has ended, only a count of the same stake grows (bodies are found, the
    wounded die, victims are named), and not steeply for the days between: a local radio's toll
    the day after a massacre and a rights group's longer list weeks on are growth, a
    paper's 3 the day after and another's 300 the next day a dispute, while the army's
    toll on the day
    of a one-day attack and the rebels' higher toll the next day are a dispute, and so
    are a neutral count after it and a side's higher one. A later, lower figure of
    another origin is always a dispute, and a figure in a dispute stays in it. A
    figure its own origin has since revised (CC105, CC106) is out of the dispute. The
    finding's `pairs` say who contradicts whom, and its message names each pair of
    values that cannot both hold.

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
    category = "conflict"
    applies_to = frozenset({"quantity"})
    Options = Options

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        if ev.type != "quantity" or not ev.single:
            return
        draft = conflict_draft(ev, ev.conflicts(), "figures that cannot all be true")
        if draft is not None:
            draft.details.setdefault("tolerance", ev.tolerance)
            yield draft
