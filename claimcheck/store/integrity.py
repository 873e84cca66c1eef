"""Cross-record checks: every id a record names exists, no cycles, values fit types.

Also resolves each claim's defaults: its outlet (through its document), its claimant
(the outlet when none is named), its ``as_of`` (the document's date) and its typed value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from claimcheck.errors import Location, Problem, an, closest, did_you_mean
from claimcheck.store.store import Store, Where
from claimcheck.values import BadValue, DateRange, Entity, Value, parse_value

AddProblem = Callable[[Location, str], None]
Locate = Callable[[Where, str, str | None], Location]


def check(
    store: Store,
    problem: AddProblem,
    locate: Locate,
    failed: set[str],
    exists: Callable[[str], bool] | None = None,
) -> None:
    """Report every dangling reference, cycle and ill-typed value; resolve defaults.

    ``exists`` answers for ids the store did not load (a partial load from the cache).
    """

    def missing(
        record_id: str, section: str, field: str, target: str, kind: str, table: Mapping[str, Any]
    ) -> None:
        if target in table or target in failed:
            return
        other = store.what_is(target)
        names = [*store.parties, *table] if kind == "party or outlet" else list(table)
        records = {**store.parties, **table} if kind == "party or outlet" else table
        hint = (
            f" ({target!r} is {an(other)})"
            if other
            else _named(target, records) or did_you_mean(target, names)
        )
        problem(locate(store.where[record_id], section, field), f"unknown {kind} {target!r}{hint}")

    for outlet in store.outlets.values():
        if outlet.affiliation:
            missing(outlet.id, "outlets", "affiliation", outlet.affiliation, "party", store.parties)
    for doc in store.documents.values():
        if doc.outlet:
            missing(doc.id, "documents", "outlet", doc.outlet, "outlet", store.outlets)
        for cited in doc.cites:
            missing(doc.id, "documents", "cites", cited, "document", store.documents)
    for party in store.parties.values():
        if party.part_of:
            missing(party.id, "parties", "part_of", party.part_of, "party", store.parties)
    sides = {p.side for p in store.parties.values() if p.side}

    def side_hint(side: str) -> str:
        """Did you mean …?; and when ``side`` is named again and again while that side
        is one no subject names, the party whose side it is: the typo is likely there
        (`side: sable-frnt`)."""
        close = closest(side, sides)
        if close is None or close in named or named[side] < 2:
            return did_you_mean(side, sides)
        holder = min(p.id for p in store.parties.values() if p.side == close)
        where = locate(store.where[holder], "parties", "side")
        return (
            f" (did you mean {close!r}? or is the typo in the side of party {holder!r}, "
            f"{close!r} at {where}, which no subject names?)"
        )

    # (how many records name each side: one spelling used again and again is the
    # right one, and the party's the typo)
    named = Counter(s for subject in store.subjects.values() for s in subject.sides)
    named.update(p.losses_of for p in store.properties.values() if p.losses_of)
    for prop in store.properties.values():
        if prop.losses_of and prop.losses_of not in sides:
            problem(
                locate(store.where[prop.id], "properties", "losses_of"),
                f"property {prop.id!r}: unknown side {prop.losses_of!r}: no party has it as "
                f"its `side`{side_hint(prop.losses_of)}",
            )
    for subject in store.subjects.values():
        if subject.part_of:
            missing(subject.id, "subjects", "part_of", subject.part_of, "subject", store.subjects)
        for side in subject.sides:
            if side not in sides:
                problem(
                    locate(store.where[subject.id], "subjects", "sides"),
                    f"subject {subject.id!r}: unknown side {side!r}: no party has it as its "
                    f"`side`{side_hint(side)}",
                )

    _cycles(
        store,
        problem,
        locate,
        "documents",
        "cites",
        {d.id: [c for c in d.cites if c in store.documents] for d in store.documents.values()},
    )
    _cycles(
        store,
        problem,
        locate,
        "parties",
        "part_of",
        {p.id: [p.part_of] if p.part_of in store.parties else [] for p in store.parties.values()},
    )
    _cycles(
        store,
        problem,
        locate,
        "subjects",
        "part_of",
        {s.id: [s.part_of] if s.part_of in store.subjects else [] for s in store.subjects.values()},
    )
    _claims(store, problem, locate, failed, missing, exists)
    _reviews(store, locate, failed, exists)
    _sideless(store, locate)
    _sides_left_out(store, locate)
    _fighting_without_side(store, locate)


def _reviews(
    store: Store, locate: Locate, failed: set[str], exists: Callable[[str], bool] | None
) -> None:
    """A review's ``claims`` naming no claim of the store: a warning (a typo there would
    show a claim as new since the review, which it is not)."""
    for i, review in enumerate(store.reviews):
        for cid in review.claims or ():
            if cid in store.claims or cid in failed or (exists is not None and exists(cid)):
                continue
            store.warnings.append(
                Problem(
                    locate(store.review_where[i], "reviews", "claims"),
                    f"review of finding {review.finding}: no claim {cid!r} in the store"
                    f"{did_you_mean(cid, store.claims)}",
                )
            )


#: Parties with a side named in a warning about one subject, at most.
_SIDELESS_SHOWN = 4


def _sideless(store: Store, locate: Locate) -> None:
    """A warning for a subject with no ``sides`` (nor any subject it is ``part_of``) that
    parties with a side make claims about: they count as neutral there — the army and
    its militia agreeing on who holds a town read as two independent confirmations."""
    if not any(p.side for p in store.parties.values()):
        return
    sideless = {
        sid
        for sid in store.subjects
        if not any(store.subjects[s].sides for s in store.part_of_chain(sid))
    }
    if not sideless:
        return  # (most stores: every subject's sides declared or inherited)
    speaking: dict[str, dict[str, str]] = {}
    for (subject, _), claims in store.groups.items():
        if subject in sideless:
            for c in claims:
                side = store.side_of(c.claimant)
                if side is not None and c.claimant is not None:
                    speaking.setdefault(subject, {})[c.claimant] = side
    for subject, parties in sorted(speaking.items()):
        named = [f"{p} ({side})" for p, side in sorted(parties.items())]
        more = len(named) - _SIDELESS_SHOWN
        listed = ", ".join(named[:_SIDELESS_SHOWN]) + (f" and {more} more" if more > 0 else "")
        involved = ", ".join(sorted(set(parties.values())))
        store.warnings.append(
            Problem(
                locate(store.where[subject], "subjects", "id"),
                f"subject {subject!r} has no `sides`, nor has what it is part of, but parties "
                f"with a side make claims about it: {listed}; they count as neutral there, "
                f"their agreeing claims as independent — list the sides involved "
                f"(`sides: [{involved}]`)",
            )
        )


#: The kinds of party that fight: one with a side, making claims about a subject whose
#: sides leave that side out, is warned of (it counts as neutral there).
_COMBATANTS = frozenset({"army", "armed-group", "mercenary"})


def _sides_left_out(store: Store, locate: Locate) -> None:
    """A warning for a subject with ``sides`` (its own or inherited) that a fighting
    party of another side makes claims about: it counts as neutral there — a militia
    blaming its enemy read as an independent voice (an analyst's trial: one more
    partisan accusation turned a commission's finding doubtful, silently)."""
    fighting = {
        pid: side
        for pid, p in store.parties.items()
        if p.kind in _COMBATANTS and (side := store.side_of(pid))
    }
    if not fighting:
        return
    sides_of: dict[str, frozenset[str]] = {}
    left: dict[str, dict[str, str]] = {}
    for (subject, _), claims in store.groups.items():
        if subject not in store.subjects:
            continue  # (an unknown subject: an error of its own)
        for c in claims:
            side = fighting.get(c.claimant or "")
            if side is None:
                continue
            sides = sides_of.get(subject)
            if sides is None:
                sides = sides_of[subject] = next(
                    (
                        frozenset(store.subjects[s].sides or ())
                        for s in store.part_of_chain(subject)
                        if s in store.subjects and store.subjects[s].sides
                    ),
                    frozenset(),
                )
            if sides and side not in sides:
                left.setdefault(subject, {})[c.claimant or ""] = side
    if not left:
        return
    # (one warning for the store: a generated store leaves sides out of thousands)
    subject, parties = min(left.items())
    named = [f"{p} ({side})" for p, side in sorted(parties.items())]
    more = len(named) - _SIDELESS_SHOWN
    listed = ", ".join(named[:_SIDELESS_SHOWN]) + (f" and {more} more" if more > 0 else "")
    missing = ", ".join(sorted(set(parties.values())))
    others = (
        f" (and {len(left) - 1} more subject{'s' if len(left) > 2 else ''} like it: "
        f"{', '.join(sorted(left)[1:4])}{', …' if len(left) > 4 else ''})"
        if len(left) > 1
        else ""
    )
    store.warnings.append(
        Problem(
            locate(store.where[subject], "subjects", "id"),
            f"subject {subject!r} has sides {', '.join(sorted(sides_of[subject]))}, but "
            f"fighting parties of another side make claims about it: {listed}; they count "
            f"as neutral there — add their side to `sides` if it takes part ({missing})"
            f"{others}",
        )
    )


def _fighting_without_side(store: Store, locate: Locate) -> None:
    """A warning for a fighting party with no side (nor one through ``part_of``) that
    makes claims: it counts as neutral — a militia denying its own part in a killing
    read as an independent voice against the rights group that blamed it (an analyst's
    trial). One warning for the store."""
    sideless = {
        pid
        for pid, p in store.parties.items()
        if p.kind in _COMBATANTS and store.side_of(pid) is None
    }
    if not sideless:
        return
    speaking: dict[str, str] = {}  # party -> the first subject it speaks of
    for (subject, _), claims in sorted(store.groups.items()):
        for c in claims:
            if c.claimant in sideless:
                speaking.setdefault(c.claimant, subject)
    if not speaking:
        return
    party = min(speaking)
    others = sorted(speaking)[1:]
    also = f" (and {', '.join(others[:3])}{', …' if len(others) > 3 else ''})" if others else ""
    store.warnings.append(
        Problem(
            locate(store.where[party], "parties", "id"),
            f"{store.parties[party].kind} {party!r} has no `side` but makes claims (about "
            f"{speaking[party]!r}){also}: it counts as neutral — its denial of its own part, "
            "its figures, as an independent voice; give it the `side` it fights on (or one "
            "of its own) and list that side in the subject's `sides`",
        )
    )


def _named(target: str, records: Mapping[str, Any]) -> str:
    """`` (did you mean 'civilians_killed'? 'civilian deaths' is one of its names)`` when
    ``target`` is another name of a record: its name, label or one of its aliases."""

    def norm(text: str) -> str:
        return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())

    wanted = norm(target)
    for rid, record in records.items():
        names = [getattr(record, "name", None), getattr(record, "label", None)]
        names += list(getattr(record, "aliases", None) or ())
        for name in names:
            if isinstance(name, str) and norm(name) == wanted:
                return f" (did you mean {rid!r}? {name!r} is one of its names)"
    return ""


def _claims(
    store: Store,
    problem: AddProblem,
    locate: Locate,
    failed: set[str],
    missing: Any,
    exists: Callable[[str], bool] | None,
) -> None:
    documents = store.documents
    properties = store.properties
    subjects = store.subjects
    parties = store.parties
    value_cache: dict[tuple[str, Any], Value] = {}
    categories = {p.id: frozenset(p.values) if p.values else None for p in properties.values()}
    #: What a claim takes from its document: its outlet, its default ``as_of``, and
    #: whether it traces to a source — the same for every claim of the document.
    by_source: dict[str, tuple[str | None, DateRange | None, bool]] = {}
    for claim in store.claims.values():
        if claim.subject not in subjects:
            missing(claim.id, "claims", "subject", claim.subject, "subject", subjects)
        claimant = claim.claimant
        if claimant is not None and claimant not in parties:
            missing(claim.id, "claims", "claimant", claimant, "party or outlet", store.outlets)
        source = claim.source
        known = None if source is None else by_source.get(source)
        if known is None:
            doc = None
            if source is not None:
                doc = documents.get(source)
                if doc is None:
                    missing(claim.id, "claims", "source", source, "document", documents)
            if doc is None:
                claim.claimant_given = claimant is not None
                claim.cited = store.is_cited(claim)
            else:
                claim.outlet = doc.outlet
                published = doc.published
                as_of = (
                    DateRange(published, published, published.isoformat()) if published else None
                )
                known = by_source[doc.id] = (doc.outlet, as_of, store.is_cited(claim))
        if known is not None:
            outlet, as_of, cited = known
            claim.outlet = outlet
            if claimant is None:
                claim.claimant = outlet
                claim.claimant_given = False
            if claim.as_of is None:
                claim.as_of = as_of
                claim.as_of_given = False
            claim.cited = cited
        prop = properties.get(claim.property)
        if prop is None:
            missing(claim.id, "claims", "property", claim.property, "property", properties)
            continue
        raw = claim.value
        key = (prop.id, raw) if isinstance(raw, str | int | float) else None
        try:
            if key is not None and key in value_cache:
                value = value_cache[key]
            else:
                value = parse_value(prop.type, raw, categories[prop.id])
                if key is not None:
                    value_cache[key] = value
        except BadValue as e:
            problem(
                locate(store.where[claim.id], "claims", "value"),
                f"claim {claim.id!r}: value does not fit property {prop.id!r} ({prop.type}): {e}",
            )
            continue
        claim.parsed = value
        if (
            isinstance(value, Entity)
            and value.value != "unknown"
            and value.value not in store.where
            and value.value not in failed
            and not (exists is not None and exists(value.value))
        ):
            problem(
                locate(store.where[claim.id], "claims", "value"),
                f"claim {claim.id!r}: unknown entity {value.value!r}"
                + (
                    did_you_mean(value.value, [*store.parties, *store.subjects, *store.outlets])
                    or " (an entity value is the id of a party, subject or outlet)"
                ),
            )


def _cycles(
    store: Store,
    problem: AddProblem,
    locate: Locate,
    section: str,
    field: str,
    edges: dict[str, list[str]],
) -> None:
    """Report each cycle once, at the record that closes it (iterative DFS)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in edges:
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        state[start] = 1
        while stack:
            node, i = stack[-1]
            targets = edges.get(node, [])
            if i < len(targets):
                stack[-1] = (node, i + 1)
                nxt = targets[i]
                if state.get(nxt) == 1:
                    cycle = [*path[path.index(nxt) :], nxt]
                    problem(
                        locate(store.where[node], section, field),
                        f"{field} cycle: {' -> '.join(cycle)}",
                    )
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, 0))
                    path.append(nxt)
            else:
                state[node] = 2
                stack.pop()
                path.pop()
