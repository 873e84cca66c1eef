from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Unit
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.claim_order import value_order
from claimcheck.rules.keys import about, origin_key
from claimcheck.rules.naming import stated, who, wording
from claimcheck.rules.registry import register
from claimcheck.rules.same_origin import self_contradictions
from claimcheck.rules.supported_values import supported_values


class Options(RuleOptions):
    #: Independent origins a value needs to count as corroborated (also used by grades).
    corroborated_at: int = Field(default=2, ge=1)


@register
class SingleOrigin(Rule):
    """A value whose support traces to fewer independent origins than corroboration needs.

    Support is every cited claim whose value implies this one; origins are counted as
    the README's "Provenance and independence" has it: two articles of one outlet, two outlets quoting the same "medical
    sources", or a party and the parties that are `part_of` it are one origin, and the
    interested claimants of one side (allies repeating each other) count once. Values another origin contradicts are left to the
    conflict rules; values that only look multi-sourced are CC203's. A group's values
    resting on the same origin are reported together.

    Fails:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: rfi-doc-2}

    Passes:

        claims:
          - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
          - {id: b, subject: strike, property: deaths, value: 14, source: monde-doc}
    """

    code = "CC201"
    name = "single-origin"
    severity = "warning"
    category = "gap"
    Options = Options

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        options = self.options
        assert isinstance(options, Options)
        buckets: dict[
            frozenset[int],
            tuple[
                list[Claim],
                dict[str, Claim],
                dict[int, tuple[Unit, set[str], set[str]]],
                list[Claim],
            ],
        ] = {}
        origin = ev.credited
        # A value its own origin also contradicts is CC107's (a toll it revised is not).
        statement_of = ev.statement_by_claim
        disputed = {
            statement_of[c.id].index
            for pairs in self_contradictions(ev).values()
            for pair in pairs
            for c in pair
        }
        # (and one an ally contradicts: one origin for corroboration, two for conflicts
        # — the conflict names them, DESIGN §2 — an analyst's trial: allies' two dates
        # "rested on one origin" beside the CC103 between them)
        in_conflict: set[str] | None = None
        for st, tally in supported_values(ev):
            if tally.against or len(tally.support) >= options.corroborated_at:
                continue
            if st.index in disputed:
                continue
            if tally.also_otherwise:
                if in_conflict is None:
                    in_conflict = {c.id for c in ev.conflicts().claims}
                if any(c.id in in_conflict for c in st.claims):
                    continue
            support = ev.support(st)
            # A value stated in several outlets of one origin looks multi-sourced: CC203's
            # (which reads the value's own claims, as a reader sees them).
            own = [c for c in st.claims if c.cited]
            outlets = {c.outlet for c in own}
            if len(outlets) > 1 and len({origin[c.id] for c in own}) < len(outlets):
                continue
            # Values resting on the same origin are reported together.
            units = frozenset(u.index for u in tally.support)
            values, claims, names, stating = buckets.setdefault(units, ([], {}, {}, []))
            values.append(wording(ev, st))
            stating.extend(c for c in support if statement_of[c.id] is st)
            claims.update({c.id: c for c in support})
            for u in tally.support:
                _, speakers, relays = names.setdefault(u.index, (u, set(), set()))
                for c in support:
                    if ev.unit_of(c) is u:
                        if c.id in ev.relayed_from:
                            relays.add(c.outlet or "")
                        else:
                            speakers.add(who(c))
        for values, claims, names, stating in buckets.values():
            found = sorted(claims.values(), key=lambda c: c.id)
            values.sort(key=value_order)
            named = sorted(
                f"{u.name}: {_voices(w, r)}" if u.side or u.admits else _voices(w, r)
                for u, w, r in names.values()
            )
            yield Draft(
                found,
                f"{ev.property_id} of {ev.subject_id}: {', '.join(map(stated, values))} rests on "
                f"one origin "
                f"({'; '.join(named)}); no independent source confirms it",
                key=about(ev, values),
                # (at a claim stating one of the values: not a daily figure supporting it)
                record=min(stating or found, key=lambda c: c.id).id,
                kin_origins=sorted({origin_key(ev, origin[c.id]) for c in stating or found}),
            )


def _voices(speakers: set[str], relays: set[str]) -> str:
    """A unit's voices in words: who speaks, then the outlets relaying them ("ministry
    via wire, relayed by radio") — a relaying outlet is no voice of a side."""
    carrying = {w.rpartition(" via ")[2] for w in speakers}  # (an outlet named already)
    others = sorted(relays - carrying)
    if not speakers:
        return ", ".join(sorted(relays))
    return ", ".join(sorted(speakers)) + (f", relayed by {', '.join(others)}" if others else "")
