from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.conflict_draft import conflict_draft
from claimcheck.rules.registry import register


@register
class DateConflict(Rule):
    """Two origins give dates for one single-valued date property that do not overlap.

    A date is an interval too: `2023-11` is any day of November, so it does not
    conflict with `2023-11-14`. A date property's `tolerance` is a number of days.

    Fails:

        claims:
          - {id: a, subject: strike, property: date, value: 2023-11-07, source: rfi-doc}
          - {id: b, subject: strike, property: date, value: 2023-11-08, source: monde-doc}

    Passes:

        claims:
          - {id: a, subject: strike, property: date, value: 2023-11-07, source: rfi-doc}
          - {id: b, subject: strike, property: date, value: 2023-11, source: monde-doc}
    """

    code = "CC103"
    name = "date-conflict"
    severity = "error"
    category = "conflict"
    applies_to = frozenset({"date"})

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        if ev.type != "date" or not ev.single:
            return
        draft = conflict_draft(ev, ev.conflicts(), "dates that cannot all be true")
        if draft is not None:
            yield draft
