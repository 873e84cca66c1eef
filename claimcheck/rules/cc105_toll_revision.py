from __future__ import annotations

from collections.abc import Iterable

from claimcheck.analysis.group import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.registry import register
from claimcheck.rules.revisions import revisions


@register
class TollRevision(Rule):
    """One origin reports a cumulative quantity higher at a later `as_of`: a revision.

    Running tolls grow as bodies are counted. A later, higher figure from the same
    origin is recorded as a revision, for information, and is not a conflict; so is an
    open floor raised ("at least 23", then 31), though the two can both hold. Two
    figures from one origin with no usable `as_of` are a self-contradiction (CC107).

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: rfi-doc-2}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 10, source: rfi-doc-2}
    """

    code = "CC105"
    name = "toll-revision"
    severity = "info"
    category = "revision"
    applies_to = frozenset({"quantity"})

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        return revisions(ev, upward=True)
