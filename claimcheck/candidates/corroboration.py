"""What candidates do to one group's claims and findings in the store: the claims whose
grades they raise (``corroborates``) or lower (``weakens``), and the findings they end (a
gap they close, a dispute they dissolve) — each found through the candidates' statements
that support a statement of the group (:class:`_Supporters`)."""

from __future__ import annotations

from claimcheck.analysis.grades import Grade
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Spans, bounds
from claimcheck.analysis.statements import Statement
from claimcheck.engine import Runner
from claimcheck.findings import Finding
from claimcheck.results import CandidateReport, Corroboration
from claimcheck.reviews import continues
from claimcheck.rules import codes_in


def judged_day(
    judged: CandidateReport,
    grades: dict[str, Grade],
    new_ids: frozenset[str],
    before: dict[str, Grade],
    found: list[Finding],
    unfocused: Runner,
    whole: GroupEvidence,
) -> None:
    """Note in ``judged`` the store's claims of one group (of one day, for a property
    that varies: ``whole``, with the candidates) whose grades the candidates raise or
    lower, and the findings of it (``found``, without them) they end."""
    statement_of = whole.statement_by_claim
    new_here = [c.id for c in whole.all_claims if c.id in new_ids and c.id in statement_of]
    supporters = _Supporters(whole, new_here)
    for cid in sorted(c.id for c in whole.all_claims if c.id in before):
        was, now = before[cid], grades.get(cid)
        if now is None or was.grade == 6 or now.grade == 6 or cid not in statement_of:
            continue
        if now.grade > was.grade:  # (told before `add`, as a raise is)
            # Not a figure its own origin revises (a superseded count: CC105/CC106
            # say so); by the candidates that contradict it, where any do.
            if cid not in whole.superseded:
                st = statement_of[cid]
                against = [n for n in new_here if whole.statements_conflict(statement_of[n], st)]
                judged.weakens.append(Corroboration(cid, was, now, against or new_here))
            continue
        if now.grade == was.grade:
            continue
        by = supporters.claims_for(statement_of[cid])
        if by:
            judged.corroborates.append(Corroboration(cid, was, now, by))
    _resolved(judged, found, unfocused, whole, supporters)


class _Supporters:
    """Which of the candidates' statements support a statement of the group: asserted
    intervals found through :class:`Spans` (not by trying each), the rest one by one;
    each asked-for statement once."""

    def __init__(self, whole: GroupEvidence, claims: list[str]) -> None:
        self.whole = whole
        #: The candidates' claims in the group with a statement, in store order.
        self.claims = claims
        statement_of = whole.statement_by_claim
        first: dict[int, str] = {}  # a statement's id -> its first claim among ``claims``
        for n in claims:
            first.setdefault(id(statement_of[n]), n)
        indexed = [n for n in first.values() if self._indexed(statement_of[n])]
        self.spans = (
            Spans([(*bounds(statement_of[n].value), whole.store.claims[n]) for n in indexed])
            if indexed
            else None
        )
        on_spans = set(indexed)
        self.rest = [statement_of[n] for n in first.values() if n not in on_spans]
        self.found: dict[int, frozenset[int]] = {}

    def _indexed(self, s: Statement) -> bool:
        return self.whole.interval and s.stance == "asserts"

    def of(self, t: Statement) -> frozenset[int]:
        found = self.found.get(id(t))
        if found is None:
            whole, spans = self.whole, self.spans
            ids = {id(s) for s in self.rest if whole.statement_supports(s, t)}
            if spans is not None and self._indexed(t):  # asserted within t's window
                statement_of = whole.statement_by_claim
                ids.update(id(statement_of[c.id]) for c in spans.within(*whole.window(t.value)))
            elif spans is not None:
                statement_of = whole.statement_by_claim
                ids.update(
                    id(statement_of[c.id])
                    for c in spans.claims
                    if whole.statement_supports(statement_of[c.id], t)
                )
            found = self.found[id(t)] = frozenset(ids)
        return found

    def claims_for(self, *statements: Statement) -> list[str]:
        """The candidates' claims whose statement supports any of ``statements``, in
        store order."""
        support = set().union(*(self.of(t) for t in statements))
        statement_of = self.whole.statement_by_claim
        return [n for n in self.claims if id(statement_of[n]) in support]


def _resolved(
    judged: CandidateReport,
    found: list[Finding],
    runner: Runner,
    whole: GroupEvidence,
    supporters: _Supporters,
) -> None:
    """Note in ``judged`` the store's findings on ``whole``'s group that the candidates
    end: a corroboration gap they close (a value resting on one origin that a
    candidate's value supports, gone once the candidates are in; not a gap that goes
    because a candidate contradicts or revises its value), ``by`` the candidates
    supporting it; and a dispute they dissolve (the group has no finding of its rule
    once they are in: a revision, or counts carrying a toll past a steep rise), ``by``
    the group's candidates — a desk adding them should know an error goes away."""
    gaps, conflicts = codes_in("gap"), codes_in("conflict")
    statement_of = whole.statement_by_claim
    backing: dict[str, list[str]] = {}
    for f in found:
        if f.rule in conflicts and supporters.claims:
            backing[f.fingerprint] = list(supporters.claims)
        if f.rule not in gaps:
            continue
        said = {id(statement_of[c]): statement_of[c] for c in f.claims if c in statement_of}
        by = supporters.claims_for(*said.values())
        if by:
            backing[f.fingerprint] = by
    if not backing:
        return  # (most candidates: no extra pass over the group)
    after = runner.group_findings(whole)  # (analysed already)
    now = {g.fingerprint for g in after}
    rules_now = {g.rule for g in after}
    for f in found:
        by = backing.get(f.fingerprint, [])
        if not by or f.fingerprint in now:
            continue
        if f.rule in conflicts and f.rule in rules_now:
            continue  # (the dispute goes on, with other values: not dissolved)
        # (a gap a kindred rule's finding continues is not closed: a relay made the
        # single origin look multi-sourced)
        if f.rule in gaps and any(continues(g, f) for g in after):
            continue
        judged.resolves.append(
            {
                "rule": f.rule,
                "fingerprint": f.fingerprint,
                "message": f.message,
                "location": str(f.location),
                "by": by,
            }
        )
