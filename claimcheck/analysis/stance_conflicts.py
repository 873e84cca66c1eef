"""Assertions of one origin against another origin's denial of what they state (CC104):
for each denial, the assertions within its window (for an entity, of its parts too),
counted by origin — one origin asserting and denying is CC107's, not a conflict.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from claimcheck.analysis.conflicts import MAX_PAIRS
from claimcheck.analysis.intervals import bounds
from claimcheck.analysis.statements import Conflicts, Statement
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.analysis.group import GroupEvidence


def find_stance_conflicts(group: GroupEvidence) -> Conflicts:
    """Assertions of one origin against denials of another (CC104): for each denial, the
    assertions within its window, counted by origin."""
    denials = [st for st in group.statements if st.stance == "denies"]
    if not denials:
        return Conflicts([], [], 0)
    origin = group.credited
    superseded = group.superseded
    asserted = [st for st in group.statements if st.stance == "asserts"]
    if group.interval:
        asserted.sort(key=lambda st: bounds(st.value)[0])
        lows = [bounds(st.value)[0] for st in asserted]
        # An interval within a window starts in it (unless some is empty).
        empty = any(lo > hi for lo, hi in map(bounds, (st.value for st in asserted)))
    by_key = {st.value.key: st for st in asserted}
    parts_of: dict[object, list[Statement]] | None = None  # (each whole: its parts' statements)
    counts = {
        st.index: Counter(origin[a.id] for a in st.claims if a.id not in superseded)
        for st in asserted
    }
    live = {i for i, n in counts.items() if n}
    involved: dict[str, Claim] = {}
    done: set[int] = set()  # statements whose claims are all involved already
    pairs: set[tuple[str, str]] = set()
    total = 0
    for t in denials:
        if group.interval:
            low, high = group.window(t.value)
            end = len(asserted) if empty else bisect_right(lows, high)
            found = [
                s for s in asserted[bisect_left(lows, low) : end] if bounds(s.value)[1] <= high
            ]
        elif group.type == "entity":  # (asserting the brigade did it asserts the army did)
            if parts_of is None:
                parts_of = defaultdict(list)
                for k, s in by_key.items():
                    for whole in group.answers(k):
                        parts_of[whole].append(s)
            found = parts_of.get(t.value.key, [])
        else:
            found = [by_key[t.value.key]] if t.value.key in by_key else []
        if not found:
            continue
        per_t = Counter(origin[b.id] for b in t.claims)
        per_s: Counter[int] = Counter()
        found = [s for s in found if s.index in live]
        for s in found:
            per_s.update(counts[s.index])
        n_s = sum(per_s.values())
        cross = n_s * len(t.claims) - sum(n * per_s[o] for o, n in per_t.items())
        if not cross:
            continue  # one origin asserting and denying: CC107's
        total += cross
        for s in found:
            if s.index in done:
                continue
            if len(per_t) >= 2:
                done.add(s.index)
            involved.update(
                (a.id, a)
                for a in s.claims
                if a.id not in superseded and (len(per_t) >= 2 or origin[a.id] not in per_t)
            )
        involved.update((b.id, b) for b in t.claims if len(per_s) >= 2 or origin[b.id] not in per_s)
        for s in found:
            for a in s.claims:
                if len(pairs) >= MAX_PAIRS or a.id in superseded:
                    continue
                for b in t.claims:
                    if origin[a.id] != origin[b.id]:
                        pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
                        if len(pairs) >= MAX_PAIRS:
                            break
    return Conflicts(sorted(involved.values(), key=lambda c: c.id), sorted(pairs), total)
