"""Parties' track records: the review of :mod:`.outlets` for a claimant — a ministry or
an army is often the one to audit.

Its claims are those it makes (its ``claimant`` id); its **parts** — the parties
``part_of`` it, at any depth, and its state or party media (outlets with an
``affiliation``) — are one origin with it, and their claims are counted apart
(``parts_claims``) unless asked for with it (``with_parts``). Each claim's **standing**:
corroborated (graded 1), contested (another origin contradicts it), single origin
(CC201, or CC203 tracing its value to one origin), interested only (CC202: only its own
side supports it), revised (its origin gave a later figure since, CC105/CC106, or it is
recorded superseded). A claim attributed to it that its outlet retracted is counted
apart (``retracted``): the outlet took back its report, which may have put words in the
party's mouth.
**Relayed by** counts the outlets that carried its claims: each claim's document's, and
those of documents citing it that carry it (quoting it, or relaying its figure; a citing
document with no claims recorded carries all it cites), and of copies of its words.
The track record is as for outlets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimcheck.analysis.grades import Grade
from claimcheck.analysis.grades.revised_and_misquoted import misquoted
from claimcheck.model import Claim
from claimcheck.results import Result
from claimcheck.rules.cc202_interested_only import InterestedOnly
from claimcheck.track_records.outlets import HoldsUp, record_speaker
from claimcheck.track_records.revisions import earlier_steps

#: The rules whose findings step a cumulative figure from one report to the next (not
#: every "revision" rule: a self-contradiction, CC107, moves nothing forward in time).


# -- parties ------------------------------------------------------------------------------

#: The words of a claim's standing, in the order they are shown.
STANDING = ("corroborated", "contested", "single origin", "interested only", "revised")


@dataclass
class PartyRecord(HoldsUp):
    """A party's record as a claimant: what it says, and how it holds up."""

    id: str
    name: str
    kind: str
    #: The side it speaks for, as the rules take it: its own, or else that of what it is
    #: ``part_of`` (a ministry's spokeswoman is the government's).
    side: str | None
    part_of: str | None
    anonymous: bool
    #: Who speaks in its name: the parties ``part_of`` it at any depth, and the outlets
    #: affiliated with it or them (its state or party media).
    parts: list[str]
    #: Whether its parts' claims are counted as its own below.
    with_parts: bool = False
    claims: int = 0
    #: What it said, each once however many outlets carried it: the claims' distinct
    #: (subject, property, stance, value). The standing and grades below count these.
    statements: int = 0
    #: Claims its parts make (counted in the other figures only ``with_parts``).
    parts_claims: int = 0
    corroborated: int = 0
    contested: int = 0
    single_origin: int = 0
    interested_only: int = 0
    revised: int = 0
    #: Claims attributed to it that the outlet reporting them retracted: no word of its
    #: own to judge it by (a paper's misattribution), counted in no figure but ``claims``.
    retracted: int = 0
    held: int = 0
    failed: int = 0
    grades: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 7), 0))
    #: Its claims in each rule's findings, by rule code.
    findings: dict[str, int] = field(default_factory=dict)
    outlets: set[str] = field(default_factory=set)
    _said: dict[tuple[object, ...], set[str]] = field(default_factory=dict, repr=False)
    _graded: set[tuple[object, ...]] = field(default_factory=set, repr=False)

    @property
    def relayed_by(self) -> int:
        """How many outlets carried its claims, its own media (its parts) aside."""
        return len(self.outlets.difference(self.parts))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "side": self.side,
            "part_of": self.part_of,
            "anonymous": self.anonymous,
            "parts": self.parts,
            "with_parts": self.with_parts,
            "claims": self.claims,
            "statements": self.statements,
            "parts_claims": self.parts_claims,
            "corroborated": self.corroborated,
            "contested": self.contested,
            "single_origin": self.single_origin,
            "interested_only": self.interested_only,
            "revised": self.revised,
            "retracted": self.retracted,
            "relayed_by": self.relayed_by,
            "outlets": sorted(self.outlets),
            "grades": {str(g): n for g, n in self.grades.items()},
            "findings": dict(sorted(self.findings.items())),
            "track_record": self.track_record,
        }

    def add(self, facts: ClaimFacts) -> None:
        """Count one claim it makes (or one of its parts makes, ``with_parts``): each
        statement once, however many outlets relayed it."""
        self.claims += 1
        if facts.claim.status == "retracted":
            self.retracted += 1
            return
        for rule in facts.rules:
            self.findings[rule] = self.findings.get(rule, 0) + 1
        self.outlets.update(facts.outlets)
        c = facts.claim
        key = (c.subject, c.property, facts.said or c.said)
        seen = self._said.get(key)
        if seen is None:
            seen = self._said[key] = set()
            self.statements += 1
        grade = facts.grade
        # (each statement graded once, by a claim that states it: not by a misquote of
        # it, graded as printed — whichever the files list first)
        grading = grade is not None and key not in self._graded and not misquoted(grade)
        if grading:
            assert grade is not None
            self._graded.add(key)
            self.grades[grade.grade] += 1
            self.weigh(c, grade)
        for label in facts.standing:
            # (corroborated as the statement is graded: a wire's "at least 23" of the
            # ministry's 23, graded 1 as worded, made "1 corroborated" beside "grades
            # 3:1" — an analyst's trial)
            if label == "corroborated" and not grading:
                continue
            if label not in seen:
                seen.add(label)
                self.corroborated += label == "corroborated"
                self.contested += label == "contested"
                self.single_origin += label == "single origin"
                self.interested_only += label == "interested only"
                self.revised += label == "revised"


@dataclass
class ClaimFacts:
    """What the run says about one claim, as a party's record counts it."""

    claim: Claim
    grade: Grade | None
    rules: list[str]
    standing: list[str]
    #: The outlets that carried it: its document's, those of documents citing that
    #: document (directly or through a chain) that carry it, and of its relays.
    outlets: list[str]
    #: The words of the statement it is: its own, or for a relay, its source's (a
    #: radio's "20, the ministry said", citing the communiqué of "more than 20"); with
    #: its day, for a property whose values vary.
    said: str = ""

    def as_dict(self) -> dict[str, Any]:
        c, grade = self.claim, self.grade
        return {
            "id": c.id,
            "claimant": c.speaker,
            "subject": c.subject,
            "property": c.property,
            "value": c.stated,
            "as_of": str(c.as_of) if c.as_of else None,
            "source": c.source,
            "outlets": self.outlets,
            "grade": grade.grade if grade else None,
            "grade_label": grade.label if grade else None,
            "grade_reason": grade.reason if grade else None,
            "findings": self.rules,
            "standing": self.standing,
            "status": c.status,
        }


class _PartyIndex:
    """Who speaks for whom, and the facts of a run's claims, computed once per call."""

    def __init__(self, result: Result) -> None:
        self.result = result
        store = result.store
        self.revised = earlier_steps(result)
        #: Each speaker's parties above it: a party's ``part_of`` chain, or for state or
        #: party media, the party it is affiliated with and that party's chain.
        self.above: dict[str, list[str]] = {}
        for p in store.parties.values():
            self.above[p.id] = self._chain(p.part_of)
        for outlet in store.outlets.values():
            if outlet.affiliation in store.parties:
                self.above[outlet.id] = self._chain(outlet.affiliation)
        self.parts: dict[str, list[str]] = {p: [] for p in store.parties}
        for speaker, chain in self.above.items():
            for party_id in chain:
                self.parts[party_id].append(speaker)
        self._cited_by: dict[str, list[str]] | None = None
        self._by_document: dict[str, list[Claim]] = {}
        self._relays_of: dict[str, list[Claim]] = {}
        self._carried_memo: dict[str, Carried] = {}

    def _chain(self, party_id: str | None) -> list[str]:
        store = self.result.store
        return store.part_of_chain(party_id) if party_id in store.parties else []

    def facts(self, claim: Claim) -> ClaimFacts:
        grade = self.result.grades.get(claim.id)
        rules = sorted(self.result.rules_of(claim.id))
        standing = []
        if grade is not None and grade.grade == 1:
            standing.append("corroborated")
        if grade is not None and self.result.contested(claim.id):
            standing.append("contested")
        if self.result.single_origin(claim.id):
            standing.append("single origin")
        if InterestedOnly.code in rules:
            standing.append("interested only")
        if claim.id in self.revised or claim.status == "superseded":
            standing.append("revised")
        carried = self.result.relays.get(claim.id)
        source = self.result.store.claims[carried] if carried else claim
        said = source.said
        prop = self.result.store.properties.get(claim.property)
        if prop is not None and prop.varies and source.as_of is not None:
            # (a count of each day is a statement of its own: a party's 17 of the 8th,
            # doubtful, and its 17 of the 10th, confirmed — one, by file order, before)
            said = f"{said} on {source.as_of.canonical()}"
        return ClaimFacts(claim, grade, rules, standing, self.outlets_of(claim), said)

    def outlets_of(self, claim: Claim) -> list[str]:
        """The outlets that carried a claim: its document's, those of documents citing
        it (directly or through a chain) that carry it — quoting the same speaker on the
        same subject and property, or relaying its figure in their own words; a citing
        document recorded with no claims of its own carries all it cites — and those of
        claims credited as its relays elsewhere (a copy of its words). (A paper citing
        the article for its toll did not carry its "dozens missing".)"""
        store = self.result.store
        documents = store.documents
        if self._cited_by is None:
            self._cited_by = {}
            for doc in documents.values():
                for cited in doc.cites:
                    self._cited_by.setdefault(cited, []).append(doc.id)
            self._by_document = {}
            for c in store.claims.values():
                if c.source is not None:
                    self._by_document.setdefault(c.source, []).append(c)
            self._relays_of = {}
            for relay_id, carried in self.result.relays.items():
                if carried is not None:
                    self._relays_of.setdefault(carried, []).append(store.claims[relay_id])
        outlets: set[str] = {claim.outlet} if claim.outlet else set()
        outlets.update(r.outlet for r in self._relays_of.get(claim.id, ()) if r.outlet)
        if claim.source is not None:
            bare, quoting = self._carried(claim.source)
            outlets |= bare
            outlets |= quoting.get((claim.subject, claim.property, claim.speaker), frozenset())
        return sorted(outlets)

    def _carried(self, document_id: str) -> Carried:
        """What the documents citing ``document_id`` (directly or through a chain)
        carry: the outlets of those recorded with no claims (bare relays), and by
        (subject, property, speaker) the outlets quoting someone on it — each document's
        worked out once, from those citing it (a chain of daily reports is walked once,
        not once per claim)."""
        memo = self._carried_memo
        found = memo.get(document_id)
        if found is not None:
            return found
        documents = self.result.store.documents
        cited_by = self._cited_by or {}
        # Depth first, each document after those citing it (a cycle is cut where it
        # closes: the document being worked out carries nothing more to itself).
        stack = [(document_id, False)]
        busy: set[str] = set()
        while stack:
            doc_id, ready = stack.pop()
            if doc_id in memo:
                continue
            citers = cited_by.get(doc_id, ())
            if not ready:
                busy.add(doc_id)
                stack.append((doc_id, True))
                stack.extend((c, False) for c in citers if c not in memo and c not in busy)
                continue
            bare: set[str] = set()
            quoting: dict[tuple[str, str, str], set[str]] = {}
            for c in citers:
                if c in busy and c not in memo:
                    continue
                c_bare, c_quoting = memo[c]
                bare |= c_bare
                for key, outs in c_quoting.items():
                    quoting.setdefault(key, set()).update(outs)
                held = self._by_document.get(c, ())
                citing = documents.get(c)
                if not held and citing is not None and citing.outlet:
                    bare.add(citing.outlet)  # (recorded as a relay only: it carries it all)
                for q in held:
                    if q.outlet and q.claimant is not None and q.quoting:
                        quoting.setdefault((q.subject, q.property, q.speaker), set()).add(q.outlet)
            memo[doc_id] = (
                frozenset(bare),
                {key: frozenset(outs) for key, outs in quoting.items()},
            )
            busy.discard(doc_id)
        return memo[document_id]


#: What the documents citing one carry: bare relays' outlets, and quoting outlets by
#: (subject, property, speaker).
Carried = tuple[frozenset[str], dict[tuple[str, str, str], frozenset[str]]]


def party_records(result: Result, *, with_parts: bool = False) -> list[PartyRecord]:
    """One record per party, by id: the claims it makes (its parts' too, ``with_parts``)."""
    store = result.store
    index = _PartyIndex(result)
    records = {
        p.id: PartyRecord(
            p.id,
            p.name,
            p.kind,
            store.side_of(p.id),
            p.part_of,
            p.is_anonymous,
            sorted(index.parts[p.id]),
            with_parts,
        )
        for p in store.parties.values()
    }
    speaker_of = record_speaker(result)
    for claim in store.claims.values():
        speaker = speaker_of(claim)
        own = records.get(speaker)
        above = index.above.get(speaker, ())
        if own is None and not above:
            continue
        facts = index.facts(claim)
        if own is not None:
            own.add(facts)
        for party in above:
            rec = records[party]
            rec.parts_claims += 1
            if with_parts:
                rec.add(facts)
    return sorted(records.values(), key=lambda r: r.id)


def party_claims(result: Result, party: str, *, with_parts: bool = False) -> list[dict[str, Any]]:
    """The claims a party makes (its parts' too, ``with_parts``), each with its grade,
    findings, standing and the outlets that carried it, in the store's order."""
    index = _PartyIndex(result)
    speakers = {party, *index.parts.get(party, ())} if with_parts else {party}
    speaker_of = record_speaker(result)
    return [
        index.facts(c).as_dict() for c in result.store.claims.values() if speaker_of(c) in speakers
    ]
