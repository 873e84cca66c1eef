"""The title of a store's discrepancy report when none is given: named after what the
store is about (the subject holding most of its claims), never after its folder."""

from __future__ import annotations

from collections import Counter

from claimcheck.store import Store


def default_title(store: Store) -> str:
    """The title of a store's report when neither ``--title`` nor the configuration gives
    one: named after what the store is about, never after its folder.

    That is the narrowest subject that, with the subjects ``part_of`` it, holds more than
    half of the claims (for the Kidal store, the Kidal offensive) while no subject apart
    from it (neither part of it nor what it is part of) holds over half as many claims as
    it does (a war's two battles of 55 and 45 claims: the war); when no subject does,
    the top-level subjects with the most claims: ``A``, ``A and B``, ``A, B and 3 more``.
    """
    own = Counter(c.subject for c in store.claims.values() if c.active)
    total = sum(own.values())
    if not total:
        return "Discrepancy report"
    held: Counter[str] = Counter()
    for subject_id, n in own.items():
        for s in store.part_of_chain(subject_id):
            held[s] += n
    chains = {s: store.part_of_chain(s) for s in held}
    label = store.name_of

    # (the subjects holding a majority are nested: the narrowest first; one stands when
    # nothing apart from it holds over half as many claims as it does — a war's two
    # battles of 55 and 45 claims, or two campaigns', make a report on the war)
    biggest = held.most_common()
    for about in sorted(
        (s for s, n in held.items() if 2 * n > total), key=lambda s: -len(chains[s])
    ):
        apart = next(
            (n for s, n in biggest if s not in chains[about] and about not in chains[s]), 0
        )
        if 2 * apart <= held[about]:
            return f"Discrepancy report: {label(about)}"
    tops = sorted(
        (s for s in held if chains[s][-1] == s),
        key=lambda s: (-held[s], label(s).lower()),
    )
    names = [label(s) for s in tops[:2]]
    if len(tops) == 1:
        about = names[0]
    elif len(tops) == 2:
        about = f"{names[0]} and {names[1]}"
    else:
        about = f"{names[0]}, {names[1]} and {len(tops) - 2} more"
    return f"Discrepancy report: {about}"
