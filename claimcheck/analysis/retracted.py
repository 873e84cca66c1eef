"""Relays of a retracted claim: a figure whose only source took it back.

A paper runs "30 civilians killed", then retracts the story; another paper's article,
citing the first, says "30, according to the paper". The second paper's 30 has no
source left: it is the retracted figure relayed, not a figure of its own. Left in, it
stood as an independent count, disputed the NGO's 19 and graded it doubtful.
:func:`relays_of_retracted` finds such claims; a group leaves them out of every
judgement, as it leaves out the retracted claim, and their grade says why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence

from claimcheck.model import Claim
from claimcheck.values import Quantity, reprints
from claimcheck.values.quotes import normalise_quote


def relays_of_retracted(
    active: Sequence[Claim],
    every: Sequence[Claim],
    cited: Callable[[str], Sequence[str]],
    printed: Callable[[str], dt.date | None] = lambda _: None,
    party_voice: Callable[[Claim], bool] = lambda _: False,
    origin: Callable[[Claim], str] | None = None,
) -> dict[str, Claim]:
    """Each claim of ``active`` whose document cites (``cited``: directly or through a
    chain) a document holding a retracted claim of ``every`` that states its figure, or
    that carries the retracted claim's quote word for word in another outlet's document
    printed that day or later (``printed``: a document's date; a suspected relay,
    CC206, of a story since taken back: a radio reading out the Daily Star's retracted
    sentence the next day — unless a third outlet printed the words before the story,
    which still stands; nor a party's own media in its own voice, ``party_voice``, nor
    a copy of words such media printed by its day: state television's words are the
    government's, which a paper printing them and retracting its copy does not take
    back): id -> the retracted claim (the first by id) — unless the figure still
    stands: an active claim of a cited document states it too, or, for a claim quoting
    someone, an active claim of that speaker's anywhere in the group. A figure is the
    one stated as a relay prints it: the same value, or the same number with a
    qualifier dropped or added that still holds with it ("at least 30" or "about 30"
    printed as 30). A voice is a claim's ``origin`` (its claimant's, by default): a
    minister's post on the minister's own account, in its own voice, is the minister's
    word, which a paper quoting the minister relays."""
    if origin is None:
        origin = _claimant
    retracted: dict[str, list[Claim]] = defaultdict(list)
    for c in every:
        if c.status == "retracted" and c.source is not None and c.parsed is not None:
            retracted[c.source].append(c)
    if not retracted:
        return {}
    by_document: dict[str, list[Claim]] = defaultdict(list)
    by_speaker: dict[str, list[Claim]] = defaultdict(list)  # (active claims quoting them)
    printed_by: dict[str, list[Claim]] = defaultdict(list)  # (active, by outlet)
    for c in active:
        if c.source is not None:
            by_document[c.source].append(c)
        if c.outlet is not None:
            printed_by[c.outlet].append(c)
        if c.claimant is not None and (c.quoting or party_voice(c)):
            by_speaker[origin(c)].append(c)
    quoted: dict[str, list[Claim]] = defaultdict(list)
    for rs in retracted.values():
        for r in rs:
            if r.quote:
                quoted[normalise_quote(r.quote)].append(r)
    active_quoted: dict[str, list[Claim]] = defaultdict(list)
    if quoted:
        for c in active:
            if c.quote:
                active_quoted[normalise_quote(c.quote)].append(c)

    by_outlet: dict[str, list[Claim]] = defaultdict(list)  # (retracted, by outlet)
    for rs in retracted.values():
        for r in rs:
            if r.outlet is not None:
                by_outlet[r.outlet].append(r)
    # The claims a retracted story's figure reaches, each with the figure's sources
    # still in print: the documents it cites, and the speaker it quotes (or the story
    # quoted) elsewhere in the group.
    reached: dict[str, tuple[Claim, list[Claim]]] = {}
    for c in active:
        if c.source is None:
            continue
        sources = cited(c.source)
        taken_back = [r for d in sources for r in retracted.get(d, ()) if _states(r, c, origin)]
        if not taken_back and c.quoting and c.claimant in by_outlet:
            # ("30, according to Paper A": the paper's report, which it took back)
            taken_back = [
                r
                for r in by_outlet[c.claimant]
                if _states(r, c, origin) and not _before(printed, c, r)
            ]
        if not taken_back and c.quote and quoted and not party_voice(c):
            words = normalise_quote(c.quote)
            taken_back = [
                r
                for r in quoted.get(words, ())
                if r.outlet != c.outlet and _states(r, c, origin) and not _before(printed, c, r)
            ]
            # (words another outlet printed before the retracted story still stand, and
            # a party's own media's words printed by the copy's day are the party's)
            if taken_back and any(
                s.outlet not in (c.outlet, taken_back[0].outlet)
                and _states(s, c, origin)
                and (
                    _before(printed, s, taken_back[0])
                    or (party_voice(s) and not _before(printed, c, s))
                )
                for s in active_quoted[words]
            ):
                continue
        if not taken_back:
            continue
        # (the speaker it quotes, or the retracted story quoted, may still give the
        # figure elsewhere: the story was taken back, not that speaker's word)
        speakers = (
            {origin(c)}
            if c.quoting
            else {origin(r) for r in taken_back if r.quoting or party_voice(r)}
        )
        still = [s for d in sources for s in by_document.get(d, ()) if s is not c]
        still += [s for who in speakers for s in by_speaker.get(who, ()) if s is not c]
        if c.quoting and c.claimant in by_outlet:  # (the paper named still prints it)
            still += printed_by[c.claimant]
        reached[c.id] = (
            min(taken_back, key=lambda r: r.id),
            [s for s in still if _states(s, c, origin)],
        )
    # A figure stands where a source of it does that the retraction did not reach too
    # (a paper's "30, per the hospital" citing the retracted story is no hospital's word
    # that keeps a third paper's copy of the story in print).
    # (those with such a source stand, and then whatever they keep in print: each
    # claim once, along the sources it leans on)
    found = {cid: first for cid, (first, _) in reached.items()}
    leaning: dict[str, list[str]] = defaultdict(list)
    standing: list[str] = []
    for cid, (_, still) in reached.items():
        if any(s.id not in reached for s in still):
            standing.append(cid)
        for s in still:
            if s.id in reached:
                leaning[s.id].append(cid)
    while standing:
        cid = standing.pop()
        if found.pop(cid, None) is not None:
            standing += [d for d in leaning[cid] if d in found]
    return found


def _before(printed: Callable[[str], dt.date | None], first: Claim, then: Claim) -> bool:
    """Whether ``first``'s document was printed on a day before ``then``'s."""
    a, b = printed(first.source or ""), printed(then.source or "")
    return a is not None and b is not None and a < b


def _claimant(c: Claim) -> str:
    return c.claimant or ""


def _states(source: Claim, relay: Claim, origin: Callable[[Claim], str]) -> bool:
    """Whether ``relay`` states ``source``'s figure as a relay prints it (its stance
    too) — in the same voice, when it quotes someone: the UN's 30 in an article citing a
    retracted story of the army's 30 is the UN's word, not the story's; the minister's
    30 citing the minister's deleted post is the post's."""
    if source.stance != relay.stance:
        return False
    if (
        relay.quoting
        and relay.claimant not in (source.claimant, source.outlet)
        and origin(relay) != origin(source)
    ):
        return False  # (another voice; "30, according to Paper A" is Paper A's story's)
    a, b = source.parsed, relay.parsed
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return reprints(a, b)
    return a == b
