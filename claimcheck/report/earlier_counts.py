"""An origin's earlier counts folded out of a who-says-what table
(:class:`~claimcheck.report.record.EarlierCounts`): a daily toll's figures its origin
revised since, shown apart under the origin's name, the table's clusters lettered again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from claimcheck.analysis.estimates import Estimate
from claimcheck.analysis.group import GroupEvidence
from claimcheck.english import listed
from claimcheck.findings import Finding
from claimcheck.model import Claim
from claimcheck.report.clusters import nth_letter
from claimcheck.report.record import EarlierCounts, Row
from claimcheck.rules.cc105_toll_revision import TollRevision

#: An origin's earlier counts are folded out of a who-says-what table from this many
#: figures on: one or two revisions read well as rows, a daily toll does not.
FOLD_FROM = 3


def fold_earlier(
    ev: GroupEvidence, rows: list[Row], findings: list[Finding], estimate: Estimate | None
) -> tuple[list[Row], list[EarlierCounts]]:
    """The rows a who-says-what table shows, and each origin's earlier counts folded out
    of it (:class:`EarlierCounts`): figures its origin has revised since, dated, that no
    finding names but the origin's revisions (CC105) and the estimate does not give,
    when they are :data:`FOLD_FROM` figures or more. An origin is the one a figure is
    credited to (a relay's: its source's), its counts in the order it gave them.

    A figure others' later counts overtook stays: it is still its origin's word."""
    named = {c for f in findings if f.rule != TollRevision.code for c in f.claims}
    if estimate is not None:
        named.update(c for ids in estimate.claims.values() for c in ids)
    superseded, credit = ev.superseded, ev.credited
    by_origin: dict[int, list[tuple[dt.date, Row]]] = {}
    for r in rows:
        cid = r.claim.id
        if cid in superseded and cid not in named:
            when = ev.when(r.claim)
            if when is not None and when.known:
                by_origin.setdefault(credit[cid], []).append((when.low, r))
    folded = {
        at: sorted(found, key=lambda dated: (dated[0], dated[1].claim.id))
        for at, found in by_origin.items()
        if len({r.stated for _, r in found}) >= FOLD_FROM
    }
    if not folded:
        return rows, []
    gone = {r.claim.id for found in folded.values() for _, r in found}
    earlier = [
        EarlierCounts(_origin_name(ev, ev.claims[at], [r for _, r in found]), found)
        for at, found in sorted(folded.items())
    ]
    shown = [r for r in rows if r.claim.id not in gone]
    # (the clusters left lettered again, A first: the table's letters run on)
    letters: dict[str, str] = {}
    for r in shown:
        for part in r.cluster.split(", "):
            if part != "-" and part not in letters:
                letters[part] = nth_letter(len(letters))
    return [
        replace(r, cluster=", ".join(letters.get(x, x) for x in r.cluster.split(", ")))
        for r in shown
    ], earlier


def _origin_name(ev: GroupEvidence, first: Claim, rows: list[Row]) -> str:
    """An origin as a reader knows it: the parties that gave the figures (a health
    ministry, not the rebel front it is part of; its spokesman too, where he spoke), or
    the party whose figures others relayed, or the outlets whose own reporting it is."""
    key = ev.provenance.origin_key(first)
    kind, _, who = key.partition(":")
    if kind == "party":
        parties = ev.store.parties
        speakers = sorted({r.claimant for r in rows if r.claim.claimant in parties})
        return listed(speakers) if speakers else ev.store.name_of(who)
    if kind == "outlet":
        outlets = sorted({r.outlet for r in rows})
        return f"{listed(outlets)} (own reporting)"
    return ev.store.name_of(first.source) if first.source else "—"
