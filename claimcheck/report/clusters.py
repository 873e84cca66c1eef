"""The clusters of agreeing claims in a who-says-what table, lettered ``A``, ``B``, ...:
a claim that can hold with every claim of several clusters gets all their letters, and
clusters whose claims all hold with each other's are one."""

from __future__ import annotations

from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim

#: Groups of at most this many claims say of a claim that fits several clusters which
#: ones (each asked of every cluster's claims: a big group keeps one letter a claim).
FITS_ASKED = 400


def cluster_letters(ev: GroupEvidence) -> dict[str, str]:
    """Each claim's cluster of agreeing claims, lettered in order: ``A``, ``B``, ... — or,
    for an assertion that can hold with every claim of several clusters, all their
    letters: a radio's "between 10 and 20" beside the army's 12 and the rebels' 18 is
    ``A, B``, taking neither side."""
    clusters = ev.clusters()
    small = len(clusters) > 1 and len(ev.claims) <= FITS_ASKED and ev.single
    statement_of = ev.statement_by_claim
    if small:
        clusters = _merged(ev, clusters)
    out: dict[str, str] = {}
    for i, claims in enumerate(clusters):
        letter = nth_letter(i)
        for c in claims:
            out[c.id] = letter
    if not small or len(clusters) < 2:
        return out
    members = [[statement_of[c.id] for c in claims if c.id in statement_of] for claims in clusters]
    for st in ev.statements:
        if st.stance != "asserts":
            continue
        fits = [
            nth_letter(i)
            for i, sts in enumerate(members)
            if sts
            and all(t.stance == "asserts" for t in sts)
            and not any(ev.excludes(st.value, t.value) for t in sts)
        ]
        if len(fits) > 1:
            for c in st.claims:
                out[c.id] = ", ".join(fits)
    return out


def _merged(ev: GroupEvidence, clusters: list[list[Claim]]) -> list[list[Claim]]:
    """``clusters`` with those whose claims all hold with each other's made one: "the
    army's 4th drone squadron" and "the army" (the squadron is part of it) are one
    answer, not two clusters every claim of which fits both (an analyst's trial: both
    rows "B, C", none "B" or "C")."""
    statement_of = ev.statement_by_claim

    def asserted(claims: list[Claim]) -> list[Statement] | None:
        sts = [statement_of[c.id] for c in claims if c.id in statement_of]
        return sts if sts and all(t.stance == "asserts" for t in sts) else None

    members = [asserted(claims) for claims in clusters]
    merged: list[list[Claim]] = []
    into: list[list[Statement] | None] = []
    for claims, sts in zip(clusters, members, strict=True):
        for k, (kept, ksts) in enumerate(zip(merged, into, strict=True)):
            if (
                sts is not None
                and ksts is not None
                and not any(ev.excludes(a.value, b.value) for a in sts for b in ksts)
            ):
                merged[k] = kept + claims
                into[k] = ksts + sts
                break
        else:
            merged.append(list(claims))
            into.append(sts)
    return merged


def nth_letter(i: int) -> str:
    """``A`` … ``Z``, then ``AA``, ``AB``…"""
    return nth_letter(i // 26 - 1) + chr(65 + i % 26) if i >= 26 else chr(65 + i)
