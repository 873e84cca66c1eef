"""What the discrepancy report says, independent of how it is drawn.

:func:`build` turns a check :class:`~claimcheck.engine.Result` into a
:class:`~claimcheck.report.record.Report`:
the summary, a heading per subject with conflicts (who says what, the estimate, the
findings and their reviews), the corroboration gaps of the other subjects, the claims
of the timeline, the provenance graph of the conflicting claims, and the appendix of
outlets and documents. The Markdown and HTML renderers draw the same record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimcheck.analysis.evidence import StoreEvidence, latest
from claimcheck.analysis.in_print import in_print
from claimcheck.engine import Result, thresholds
from claimcheck.errors import Location
from claimcheck.findings import SEVERITY_RANK, Finding
from claimcheck.model import Claim
from claimcheck.report.clusters import cluster_letters
from claimcheck.report.earlier_counts import fold_earlier
from claimcheck.report.record import (
    ConflictSubject,
    Gap,
    Group,
    Report,
    Row,
)
from claimcheck.report.sections import CONFLICTS
from claimcheck.report.title import default_title
from claimcheck.rules import all_rules
from claimcheck.store import Store
from claimcheck.track_records import outlet_records
from claimcheck.values import DateRange, Quantity


def _row_notes(ev: Any) -> dict[str, str]:
    """The note on each row of a conflict group whose figure no longer stands: revised
    since by its origin (a later figure of the origin's that does not imply it), or
    overtaken by another origin's later count — found by the group's analysis; and on a
    party's old figure quoted again, when the party gave it. Not the
    track records' "revised" (:func:`claimcheck.track_records.revisions.earlier_steps`), which
    judges an origin by its revision findings (CC105, CC106): whether it moved its
    figure, not whether the figure still stands."""
    out = {cid: f"revised since: {newer.parsed}" for cid, newer in ev.superseded.items()}
    # (a figure its origin withdrew, still in print: counted as that origin's old word)
    for cid, (gave, day, lowered) in in_print(ev).items():
        note = f"{gave.speaker}'s figure, {'withdrawn' if lowered else 'revised'} on {day}"
        out[cid] = f"{note}; {out[cid]}" if cid in out else note
    for cid, later in ev.overtaken.items():
        out.setdefault(cid, f"overtaken by {later.parsed}")
    # A party's old figure quoted again later: say when the party gave it.
    for c in ev.claims:
        said = ev.said_on(c)
        if said is not c.as_of and said is not None:
            note = f"quoted again: given {said}"
            out[c.id] = f"{note}; {out[c.id]}" if c.id in out else note
    return out


def build(result: Result, title: str | None = None) -> Report:
    store = result.store
    by_group: dict[tuple[str, str], list[Finding]] = {}
    for f in result.findings:
        if f.subject and f.property:
            by_group.setdefault((f.subject, f.property), []).append(f)
    estimates = {(e.subject, e.property): e for e in result.estimates}
    evidence = StoreEvidence(store, thresholds(result.config, store.reviews), result.provenance)
    rules = all_rules()
    category = {r.code: r.category for r in rules}
    by_claim = result.findings_by_claim

    def row(c: Claim) -> Row:
        doc = store.documents.get(c.source or "")
        v = c.parsed
        interval = (
            v.interval_text()
            if isinstance(v, Quantity)
            else (
                f"{v.low} – {v.high}"
                if isinstance(v, DateRange) and v.known and v.low != v.high
                else ""
            )
        )
        return Row(
            claim=c,
            stated=c.stated,
            interval=interval,
            claimant=store.name_of(c.claimant) if c.claimant else "—",
            claimant_named=c.claimant_given,
            outlet=store.name_of(c.outlet) if c.outlet else "—",
            document=c.source or "—",
            document_title=(doc.title or doc.id) if doc else "no source",
            document_date=doc.published.isoformat() if doc and doc.published else "undated",
            url=doc.url if doc else None,
            as_of=str(c.as_of) if c.as_of else "—",
            grade=result.grades.get(c.id),
            categories=frozenset(category[f.rule] for f in by_claim.get(c.id, ())),
            subject_label=store.name_of(c.subject),
            property_label=_property_label(store, c.property),
            relaying=_relaying(store, result, c),
        )

    in_conflict: dict[str, ConflictSubject] = {}
    gaps: list[Gap] = []
    for (subject_id, prop_id), findings in sorted(by_group.items()):
        subject = store.subjects.get(subject_id)
        label = store.name_of(subject_id)
        if any(category[f.rule] in CONFLICTS for f in findings):
            prop = store.properties.get(prop_id)
            claims = [c for c in store.groups.get((subject_id, prop_id), []) if c.active]
            evs = evidence.groups((subject_id, prop_id))
            ev = latest(evs)
            cluster: dict[str, str] = {}
            revised: dict[str, str] = {}
            for day in evs:  # (a property that varies: the clusters of each day apart)
                said = f"{day.day.canonical()}: " if day.day is not None else ""
                cluster.update({c: said + label for c, label in cluster_letters(day).items()})
                revised.update(_row_notes(day))
            claims.sort(
                key=lambda c: (
                    len(cluster.get(c.id, "~~~")),
                    cluster.get(c.id, "~"),
                    _sort_value(c),
                    c.id,
                )
            )
            heading = in_conflict.setdefault(
                subject_id,
                ConflictSubject(
                    subject_id, label, str(subject.date) if subject and subject.date else "", []
                ),
            )
            rows = [
                replace(row(c), cluster=cluster.get(c.id, "-"), revised=revised.get(c.id, ""))
                for c in claims
            ]
            estimate = estimates.get((subject_id, prop_id))
            shown, earlier = fold_earlier(ev, rows, findings, estimate)
            heading.groups.append(
                Group(
                    prop_id,
                    _property_label(store, prop_id),
                    prop.unit if prop else None,
                    prop.type if prop else "text",
                    shown,
                    sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.rule)),
                    estimate,
                    earlier,
                )
            )
        else:
            for f in findings:
                claims = [store.claims[c] for c in f.claims if c in store.claims]
                sources = "; ".join(sorted({_who_in(store, result, c) for c in claims}))
                gaps.append(Gap(f, label, sources, _property_label(store, prop_id)))
    conflicts = sorted(in_conflict.values(), key=lambda s: (-s.worst, s.date or "9999", s.label))
    # (each subject's claims by date: a timeline, not the tables' order by value)
    timeline = [
        r
        for s in conflicts
        for r in sorted(
            (r for g in s.groups for r in (*g.rows, *(r for e in g.earlier for r in e.rows))),
            key=_as_of,
        )
    ]
    nodes, edges = _provenance(result, [r.claim for r in timeline])
    documents = [
        {
            "id": d.id,
            "outlet": d.outlet,
            "title": d.title or d.id,
            "url": d.url,
            "published": d.published.isoformat() if d.published else "",
            "retrieved": d.retrieved.isoformat() if d.retrieved else "",
            "language": d.language or "",
            "claims": 0,
        }
        for d in sorted(store.documents.values(), key=lambda d: (d.published or dt.date.max, d.id))
    ]
    counts: dict[str, int] = {}
    for c in store.claims.values():
        counts[c.source or ""] = counts.get(c.source or "", 0) + 1
    for d in documents:
        d["claims"] = counts.get(str(d["id"]), 0)
    return Report(
        title=title or result.config.title or default_title(store),
        summary=result.summary() | {"scope": _scope(store)},
        conflicts=conflicts,
        gaps=sorted(
            gaps, key=lambda g: (g.finding.rule, g.subject_label, g.finding.property or "")
        ),
        timeline=timeline,
        provenance_nodes=nodes,
        provenance_edges=edges,
        outlets=outlet_records(result),
        documents=documents,
        gaps_with_conflicts=sum(
            category[f.rule] == "gap" for s in conflicts for g in s.groups for f in g.findings
        ),
        rule_names={r.code: r.name for r in rules},
        rule_descriptions={r.code: f"{r.summary()}." for r in rules},
        withdrawn=_withdrawn(store, evidence, row),
        stale=[f"{_in_store(store, r.location)}: {r.message()}" for r in result.stale_reviews],
    )


def _withdrawn(store: Store, evidence: StoreEvidence, row: Callable[[Claim], Row]) -> list[Row]:
    """The claims no rule weighs: those retracted or superseded, and those relaying a
    retracted one (found in the groups holding one)."""
    out = [row(c) for c in store.claims.values() if not c.active]
    for key in sorted(
        {(c.subject, c.property) for c in store.claims.values() if c.status == "retracted"}
    ):
        for cid, gone in evidence.group(key).relaying_retracted.items():
            r = row(store.claims[cid])
            r.withdrawn = f"relays {gone.id}, retracted"
            out.append(r)
    return sorted(out, key=lambda r: (r.claim.subject, r.claim.property, r.claim.id))


def _relaying(store: Store, result: Result, c: Claim) -> str:
    """Whose figure a claim's words carry (an outlet's own words citing the dispatch it
    has it from), by name; empty when it is its speaker's own, or a choice among equals
    (two papers citing one dispatch: neither relays the other)."""
    relayed = store.claims.get(result.relays.get(c.id) or "")
    if relayed is None or relayed.speaker == c.speaker:
        return ""
    return store.name_of(relayed.speaker)


def _who_in(store: Store, result: Result, c: Claim) -> str:
    """``Le Figaro, relaying Malian officials in paper-0309``: who says a claim where
    (an outlet's own words carrying another's figure say whose)."""
    relaying = _relaying(store, result, c)
    return f"{store.name_of(c.claimant)}{', relaying ' + relaying if relaying else ''} in " + (
        c.source or "no source"
    )


def _in_store(store: Store, where: Location) -> Location:
    """A place named from the store's folder (``kidal/reviews.yaml:3:5``), as the
    report reads the same wherever it was written from."""
    try:
        path = Path(where.path).resolve().relative_to(store.root.resolve())
    except ValueError:
        return where
    return Location(path.as_posix(), where.line, where.col)


def _as_of(row: Row) -> tuple[dt.date, dt.date]:
    """A row's claim's date, for the timeline (undated ones last)."""
    as_of = row.claim.as_of
    if as_of is None or not as_of.known:
        return (dt.date.max, dt.date.max)
    return (as_of.low, as_of.high)


def _property_label(store: Store, prop_id: str) -> str:
    prop = store.properties.get(prop_id)
    return prop.label if prop and prop.label else prop_id


def _sort_value(c: Claim) -> tuple[float, float]:
    v = c.parsed
    if isinstance(v, Quantity):
        return (v.low, v.high)
    return (0.0, 0.0)


def _provenance(
    result: Result, claims: list[Claim]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The part of the provenance graph behind ``claims``."""
    graph = result.provenance.graph
    keep: set[str] = set()
    for c in claims:
        if not c.source:
            continue
        doc = f"document:{c.source}"
        keep.add(doc)
        if c.claimant and c.claimant != c.outlet:
            kind = "outlet" if c.claimant in result.store.outlets else "claimant"
            keep.add(f"{kind}:{c.claimant}")
    frontier = list(keep)
    while frontier:
        n = frontier.pop()
        if n not in graph:
            continue
        for succ in graph.successors(n):
            if succ not in keep:
                keep.add(succ)
                frontier.append(succ)
    nodes = sorted(
        (n, graph.nodes[n].get("kind", ""), str(graph.nodes[n].get("label", n)))
        for n in keep
        if n in graph
    )
    edges = sorted(
        (u, v, d.get("relation", ""))
        for u, v, d in graph.edges(data=True)
        if u in keep and v in keep
    )
    return nodes, edges


def _scope(store: Store) -> dict[str, int]:
    """What the claims draw on: the documents they cite, those documents' outlets, the
    subjects they are about and the parties speaking in them (not every record the
    store declares: a shared file of outlets lists more than an event's reporting)."""
    claims = store.claims.values()
    documents = {c.source for c in claims if c.source in store.documents}
    outlets = {store.documents[d].outlet for d in documents} - {None}
    return {
        "claims": store.claim_count,
        "documents": len(documents),
        "outlets": len(outlets),
        "subjects": len({c.subject for c in claims}),
        "parties": len({c.claimant for c in claims if c.claimant in store.parties}),
    }
