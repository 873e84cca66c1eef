"""Helpers shared by several rules: naming claims in messages, conflicts by origin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimcheck.evidence import GroupEvidence, Statement
from claimcheck.model import Claim
from claimcheck.values import Quantity


def who(claim: Claim) -> str:
    """``medical-sources via rfi``: the origin, and the outlet when it differs."""
    if not claim.claimant and not claim.outlet:
        return f"{claim.id}, no source"
    origin = claim.origin
    if claim.outlet and claim.outlet != origin:
        return f"{origin} via {claim.outlet}"
    return origin


def about(ev: GroupEvidence, claims: Iterable[Claim]) -> list[str]:
    """What a finding on these claims is about, for its fingerprint: each distinct origin
    with what it says (stance and value, as the value reads, not as it is written).

    A claim that only repeats one of them (the same origin saying the same again at
    another date, or the same record entered twice) leaves the fingerprint, and so a
    review of the finding, as it was; a new origin or a new value changes it.
    """
    by_claim = ev.statement_by_claim
    found: set[str] = set()
    for c in claims:
        st = by_claim.get(c.id)
        if st is not None and st.said is not None:
            said = st.said
        else:
            # (a claim outside every statement states nothing comparable: text, unknown)
            said = f"{c.stance}\x1e{c.parsed.key if c.parsed is not None else c.value!r}"
            if st is not None:
                st.said = said  # the same for every claim of the statement
        found.add(f"{c.origin}\x1e{said}")
    return sorted(found)


def stated(claim: Claim) -> str:
    prefix = "not " if claim.stance == "denies" else ""
    return prefix + str(claim.parsed if claim.parsed is not None else claim.value)


def listing(claims: Iterable[Claim]) -> str:
    """``10 [medical-sources via rfi]; 14 [rfi]``, lowest value first for quantities."""
    parts: dict[str, list[str]] = {}
    for c in sorted(claims, key=_order):
        parts.setdefault(stated(c), [])
        if who(c) not in parts[stated(c)]:
            parts[stated(c)].append(who(c))
    return "; ".join(f"{value} [{', '.join(origins)}]" for value, origins in parts.items())


def _order(c: Claim) -> tuple[float, str]:
    v = c.parsed
    return (v.low if isinstance(v, Quantity) else 0.0, str(v))


def earlier(a: Claim, b: Claim) -> bool:
    """Whether ``a`` holds strictly before ``b`` (both ``as_of`` known)."""
    return (
        a.as_of is not None
        and b.as_of is not None
        and a.as_of.known
        and b.as_of.known
        and a.as_of.high < b.as_of.low
    )


def cross_origin_conflicts(
    ev: GroupEvidence, pairs: Iterable[tuple[Statement, Statement]], *, cumulative_growth: bool
) -> list[Claim]:
    """Claims in a conflicting pair with a claim of another origin.

    With ``cumulative_growth``, a running toll that is lower at an earlier ``as_of``
    than another origin's later figure is growth, not a conflict.
    """
    involved: dict[str, Claim] = {}
    for s, t in pairs:
        for a in s.claims:
            for b in t.claims:
                if a.origin == b.origin:
                    continue
                if cumulative_growth and ev.cumulative and _is_growth(a, b):
                    continue
                involved[a.id] = a
                involved[b.id] = b
    return sorted(involved.values(), key=lambda c: c.id)


def _is_growth(a: Claim, b: Claim) -> bool:
    va, vb = a.parsed, b.parsed
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity)):
        return False
    low, high = (a, b) if va.high <= vb.low else (b, a)
    return earlier(low, high)


def by_origin(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.origin, []).append(c)
    return out


def same_origin_disagreements(ev: GroupEvidence) -> dict[str, list[tuple[Claim, Claim]]]:
    """For each origin, the pairs of its own claims in the group that cannot both hold."""
    found = ev.memo.get("same_origin_disagreements")
    if found is None:
        found = ev.memo["same_origin_disagreements"] = _same_origin_disagreements(ev)
    return found  # type: ignore[return-value]


def _same_origin_disagreements(ev: GroupEvidence) -> dict[str, list[tuple[Claim, Claim]]]:
    if not any(row[j] for row in ev.conflict_matrix() for j in range(len(row))):
        return {}
    statement_of = ev.statement_by_claim
    out: dict[str, list[tuple[Claim, Claim]]] = {}
    for origin, claims in by_origin([c for st in ev.statements for c in st.claims]).items():
        if len(claims) < 2:
            continue
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                sa, sb = statement_of[a.id], statement_of[b.id]
                if sa is not sb and ev.statements_conflict(sa, sb):
                    out.setdefault(origin, []).append((a, b))
    return out


def as_of_text(claim: Claim) -> str:
    return str(claim.as_of) if claim.as_of is not None else "undated"


def sides_of(ev: GroupEvidence) -> set[str]:
    """The sides involved in the group's subject, inherited from what it is part of."""
    store = ev.store
    subject = ev.subject
    seen: set[str] = set()
    while subject is not None and subject.id not in seen:
        if subject.sides:
            return set(subject.sides)
        seen.add(subject.id)
        subject = store.subjects.get(subject.part_of or "")
    return set()


def supported_values(ev: GroupEvidence) -> list[tuple[Statement, list[Claim]]]:
    """Each stated value with its cited support, when it has any (worked out once per
    group: four rules read it)."""
    found = ev.memo.get("supported_values")
    if found is None:
        support = ev.support
        found = ev.memo["supported_values"] = [
            (st, s) for st in ev.statements if (s := support(st))
        ]
    return found  # type: ignore[return-value]


def shared_nodes(ev: GroupEvidence, claims: Sequence[Claim]) -> set[str]:
    """Provenance nodes that claims of different outlets have in common."""
    by_outlet: dict[str | None, set[str]] = {}
    for c in claims:
        by_outlet.setdefault(c.outlet, set()).update(ev.provenance.nodes_of(c))
    seen: set[str] = set()
    shared: set[str] = set()
    for nodes in by_outlet.values():
        shared |= seen & nodes
        seen |= nodes
    return shared
