from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from claimcheck.evidence import GroupEvidence
from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.common import about, stated, supported_values, who
from claimcheck.rules.registry import register


class Options(RuleOptions):
    #: Independent origins a value needs to count as corroborated (also used by grades).
    corroborated_at: int = Field(default=2, ge=1)


@register
class SingleOrigin(Rule):
    """A value whose support traces to fewer independent origins than corroboration needs.

    Support is every cited claim whose value implies this one; origins are counted in
    the provenance graph, so two articles of one outlet, or an outlet and the medical
    sources it quotes, are one origin. Values another origin contradicts are left to the
    conflict rules; values that only look multi-sourced are CC203's. A group's values
    resting on the same origin are reported together.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: rfi-doc-2, claimant: medical-sources}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: monde-doc}
    """

    code = "CC201"
    name = "single-origin"
    severity = "warning"
    Options = Options

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        options = self.options
        assert isinstance(options, Options)
        buckets: dict[frozenset[str], tuple[list[str], dict[str, object]]] = {}
        for st, support in supported_values(ev):
            if ev.contradictors(st):
                continue
            outlets = {c.outlet for c in support}
            origins = ev.support_origin_count(st)
            if origins >= options.corroborated_at or (len(outlets) > 1 and origins < len(outlets)):
                continue
            docs = frozenset(c.source or "" for c in support)
            values, claims = buckets.setdefault(docs, ([], {}))
            values.append(stated(st.claims[0]))
            claims.update({c.id: c for c in support})
        for values, claims in buckets.values():
            found = sorted(claims.values(), key=lambda c: c.id)  # type: ignore[attr-defined]
            origin = ", ".join(sorted({who(c) for c in found}))  # type: ignore[arg-type]
            yield Draft(
                found,  # type: ignore[arg-type]
                f"{ev.property_id} of {ev.subject_id}: {', '.join(values)} rests on one origin "
                f"({origin}); no independent source confirms it",
                key=about(ev, found),  # type: ignore[arg-type]
            )
