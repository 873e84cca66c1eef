"""Relays of a retracted claim: a figure whose only source took it back.

A paper runs "30 civilians killed", then retracts the story; another paper's article,
citing the first, says "30, according to the paper". The second paper's 30 has no
source left: it is the retracted figure relayed, not a figure of its own. Left in, it
stood as an independent count, disputed the NGO's 19 and graded it doubtful.
:func:`relays_of_retracted` finds such claims; a group leaves them out of every
judgement, as it leaves out the retracted claim, and their grade says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from claimcheck.model import Claim
from claimcheck.values import Quantity, stated_numbers


def relays_of_retracted(
    active: Sequence[Claim],
    every: Sequence[Claim],
    cited: Callable[[str], Sequence[str]],
) -> dict[str, Claim]:
    """Each claim of ``active`` whose document cites (``cited``: directly or through a
    chain) a document holding a retracted claim of ``every`` that states its figure,
    when no active claim of that document states it too: id -> the retracted claim (the
    first by id). A figure is the one stated when it states the same number, with or
    without its qualifier ("at least 30" relaying 30), or, for other values, the same
    value; and a claim quoting someone states only that speaker's figure."""
    retracted: dict[str, list[Claim]] = defaultdict(list)
    for c in every:
        if c.status == "retracted" and c.source is not None and c.parsed is not None:
            retracted[c.source].append(c)
    if not retracted:
        return {}
    standing: dict[str, list[Claim]] = defaultdict(list)
    for c in active:
        if c.source in retracted:
            standing[c.source].append(c)
    found: dict[str, Claim] = {}
    for c in active:
        if c.source is None or c.source in retracted:
            continue
        for doc_id in cited(c.source):
            taken_back = [r for r in retracted.get(doc_id, ()) if _states(r, c)]
            if taken_back and not any(_states(s, c) for s in standing.get(doc_id, ())):
                found[c.id] = min(taken_back, key=lambda r: r.id)
                break
    return found


def _states(source: Claim, relay: Claim) -> bool:
    """Whether ``relay`` states ``source``'s figure (its stance too) — in the same
    voice, when it quotes someone: the UN's 30 in an article citing a retracted story of
    the army's 30 is the UN's word, not the story's."""
    if source.stance != relay.stance:
        return False
    quoting = relay.claimant_given and relay.claimant != relay.outlet
    if quoting and source.claimant != relay.claimant:
        return False
    a, b = source.parsed, relay.parsed
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return bool(set(stated_numbers(a) or ()) & set(stated_numbers(b) or ()))
    return a == b
