"""Information-credibility grades in the Admiralty style, computed per claim (DESIGN §4).

Support and contradiction are counted in *units* (:mod:`claimcheck.analysis.group`): each
neutral origin is one (an anonymous one weighs half a named one), and all the
interested claimants of one side together are one. Where opposing sides agree — both
support a value, or both contradict it — their common ground weighs as a neutral origin.

1 confirmed: independent origins enough to count as corroborated support it, at least
  one of them neutral (or opposing sides agreeing) — a side's word is one origin
  however many of its claimants repeat it, and confirms nothing alone, but a neutral
  origin bearing it out makes two (the army says it holds the town, a reporter there
  sees its patrols) — and no neutral one contradicts it.
2 probably true: more neutral weight supports it than contradicts it.
3 possibly true: one origin, or only interested ones, uncontradicted by neutral ones — a
  figure contradicted only by the other side's is disputed, not improbable.
4 doubtful: contradicted by a neutral origin, or by as much as supports it.
5 improbable: contradicted by several independent neutral origins that agree among
  themselves (figures below and above a value bracket it), supported by no origin but
  its own.
6 cannot be judged: an unknown value, free text, a claim that is no longer active, or an
  uncited claim that nothing cited supports.

A cumulative toll is judged on each origin's latest figure. An earlier one its origin
revised upward since, and an earlier count that other origins' later ones overtook
(the toll growing while the subject was under way, or a count of one stake maturing
after it ended, not steeply within days), are possibly true as counts of their day (3);
an earlier one its origin lowered since is doubtful (4).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.intervals import Bound, bounds
from claimcheck.analysis.statements import Statement, Tally, Unit, Units
from claimcheck.analysis.tallies import judge, query, unit_spans, walk
from claimcheck.analysis.units import anonymous_source, concedes_losses
from claimcheck.english import count
from claimcheck.model import Claim
from claimcheck.values import Quantity, rounds_off, stated_numbers

LABELS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


@dataclass(frozen=True)
class Grade:
    """A claim's grade, the reason in words, and the origins counted.

    Its fields are its JSON shape (``label`` follows from ``grade``), so that orjson
    writes grades without a dict per claim; and without ``__slots__``, because orjson
    writes an instance's ``__dict__`` directly but reads slots one by one, about three
    times slower (benchmarks/RESULTS.md, "Why the constants"). Claims with the same
    grade for the same reason share one object (see :func:`shared_grade`).
    """

    grade: int
    label: str = field(init=False)
    reason: str
    supporting_origins: int = 0
    contradicting_origins: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", LABELS[self.grade])

    def as_dict(self) -> dict[str, object]:
        return {
            "grade": self.grade,
            "label": self.label,
            "reason": self.reason,
            "supporting_origins": self.supporting_origins,
            "contradicting_origins": self.contradicting_origins,
        }


@lru_cache(maxsize=4096)
def shared_grade(
    grade: int, reason: str, supporting_origins: int = 0, contradicting_origins: int = 0
) -> Grade:
    """The one :class:`Grade` object for these fields.

    A store has few distinct grades (the 100,000-claim benchmark store: 59), so claims
    share them: a million claims then hold dozens of grade objects, not hundreds of
    thousands, and a forked process sends each of its grades as a reference to one of
    them (see :mod:`claimcheck.engine`).
    """
    return Grade(grade, reason, supporting_origins, contradicting_origins)


def grade_group(ev: GroupEvidence) -> dict[str, Grade]:
    """The grade of every claim in a group."""
    overtaken, superseded = ev.overtaken, ev.superseded  # (see GroupEvidence.latest)
    out: dict[str, Grade] = {}
    if len(ev.all_claims) != len(ev.claims):  # some are inactive, or their value unread
        for claim in ev.all_claims:
            if not claim.active:
                out[claim.id] = shared_grade(6, f"cannot be judged: the claim is {claim.status}")
            elif claim.id in ev.relaying_retracted:
                gone = ev.relaying_retracted[claim.id]
                out[claim.id] = shared_grade(
                    6, f"cannot be judged: it relays {gone.id} ({gone.speaker}), retracted"
                )
            elif claim.parsed is None:
                out[claim.id] = shared_grade(6, "cannot be judged: the value could not be read")
    statement_of = ev.statement_by_claim
    if len(statement_of) != len(ev.claims):
        for claim in ev.claims:
            if claim.id not in statement_of:
                out[claim.id] = shared_grade(
                    6, "cannot be judged: the value is unknown or free text"
                )
    revised = bool(overtaken or superseded)
    # Statement by statement: its claims share a grade, one for the cited, one for the
    # uncited (the order of the claims in ``out`` does not matter: the engine sorts).
    # (relays printing a figure that cannot hold with the statement they carry: graded
    # as printed, not as the statement)
    misquotes = {
        cid
        for cid in ev.reworded
        if (st := statement_of.get(cid)) is not None and _misquoting(ev, cid, st)
    }
    for st in ev.statements:
        graded: list[Grade | None] = [None, None]
        for claim in st.claims:
            if claim.id in misquotes:
                out[claim.id] = _misquote_grade(ev, claim)
                continue
            if claim.id in ev.misattributed:
                out[claim.id] = _misattribution_grade(ev, claim)
                continue
            if revised:
                # (a floor a later figure bears out — "at least 40", then 41 — is
                # corroborated by it, not merely a count of its day: graded by its tally)
                if claim.id in overtaken and not _borne_out(ev, st, overtaken[claim.id]):
                    out[claim.id] = shared_grade(
                        3,
                        "an earlier count, overtaken by later, higher counts of other "
                        "origins: possibly true as a count of its day"
                        + (
                            " (disputed by the other side, whose figures no later count bears out)"
                            if claim.id in ev.latest.disputed_by_rivals_only
                            else ""
                        ),
                    )
                    continue
                newer = superseded.get(claim.id)
                if newer is not None:
                    out[claim.id] = _superseded(ev, claim, newer)
                    continue
            cited = claim.cited and claim.id not in ev.unsourced
            grade = graded[cited]
            if grade is None:
                grade = graded[cited] = _grade(ev, st, cited)
            out[claim.id] = grade
    return out


#: A group's units judged one by one for the supporters of its statements that also say
#: otherwise (:func:`wavering`), up to this many judgements in all: bounded in a big
#: group, where a grade then counts one supporter of each kind out instead.
WAVERING_BUDGET = 200_000


def wavering(group: GroupEvidence, st: Statement) -> Units | None:
    """The units supporting ``st`` that also say otherwise (a case against it too: the
    same medical sources giving 27 and 19 that day), found by judging each unit as
    :func:`walk` does — or None once the group's :data:`WAVERING_BUDGET` is spent."""
    entries = unit_spans(group)
    spent = int(group.memo.get("wavering", 0)) + len(entries)  # type: ignore[call-overload]
    if spent > WAVERING_BUDGET:
        return None
    group.memo["wavering"] = spent
    q = query(group, st)
    found = []
    for unit, spans, denials, _ in entries:
        pro, why = judge(group, q, spans, denials, unit.side is not None)
        if pro and why:
            found.append(unit)
    return Units.of(found, ordered=True)


def _borne_out(ev: GroupEvidence, st: Statement, later: Claim) -> bool:
    """Whether the later figure that overtook a claim (of statement ``st``) supports it:
    an open floor the later count lies within."""
    t = ev.statement_by_claim.get(later.id)
    return t is not None and t is not st and ev.statement_supports(t, st)


def _misquoting(ev: GroupEvidence, cid: str, st: Statement) -> bool:
    """Whether a relay carrying ``st`` prints a figure that cannot hold with it (a
    paper's "16, the government said" of its "at least 61"): the figure as printed is
    nobody's word, graded apart — not "confirmed" as the statement it misquotes is (a
    fact-checker's trial: an automated rating published it as the minister's)."""
    printed = ev.reworded[cid]
    if printed is st.value or not ev.excludes(printed, st.value):
        return False
    # (not the same number with a qualifier dropped or added — "20" of "more than 20"
    # — nor the figure rounded: the statement worded otherwise, graded as it is)
    mine, theirs = set(stated_numbers(printed) or ()), set(stated_numbers(st.value) or ())
    return not (mine & theirs) and not rounds_off(st.value, printed)


#: How a misquote's grade begins (:func:`_misquote_grade`).
MISQUOTED = "cannot be judged as printed"


def misquoted(grade: Grade) -> bool:
    """Whether ``grade`` is a misquote's, graded as printed — not its statement's."""
    return grade.reason.startswith(MISQUOTED)


def _misquote_grade(ev: GroupEvidence, claim: Claim) -> Grade:
    source = ev.relayed_from.get(claim.id)
    whose = (
        f"{source.id} ({ev.provenance.speaker(source)})" if source is not None else "a statement"
    )
    return shared_grade(
        6,
        f"{MISQUOTED}: it relays {whose} in a figure that cannot hold "
        "with it (CC107: check the original statement)",
    )


def _misattribution_grade(ev: GroupEvidence, claim: Claim) -> Grade:
    """A quote naming a voice for what the document it cites gives as another's: as
    printed — that voice said it — it cannot be judged (its figure weighs as the other's
    word, see :attr:`GroupEvidence.misattributed`)."""
    source = ev.relayed_from[claim.id]
    return shared_grade(
        6,
        f"{MISQUOTED}: it names {claim.speaker} for what {ev.misattributed[claim.id]}, "
        f"which it cites, gives as {ev.provenance.speaker(source)}'s ({source.id}) "
        "(CC203: check the attribution)",
    )


def _superseded(ev: GroupEvidence, claim: Claim, newer: Claim) -> Grade:
    """An earlier figure of a running toll its own origin has since revised: a count of
    its day when revised upward, doubtful when its origin lowered it (then, or at any
    step since: 150, 142, then 160 — the 150 was withdrawn)."""
    # (a relay carrying another's statement in its own words — a misquote's 81 of the
    # ministry's 18 — is revised as that statement: its figure is the statement's)
    carried = ev.statement_by_claim.get(claim.id) if claim.id in ev.reworded else None
    old, new = (carried.value if carried is not None else claim.parsed), newer.parsed
    lowered = claim.id in ev.latest.lowered or (
        isinstance(old, Quantity)
        and isinstance(new, Quantity)
        and ev.excludes(new, old)
        and new.low < old.low
    )
    # (a relay is revised by the origin whose figure it carries: a radio's copy of the
    # Daily Star's sentence, when the Star corrects its toll)
    whose = (
        f"the origin it relays ({ev.provenance.speaker(newer)})"
        if claim.id in ev.relayed_from and not relays_by_choice(ev, claim)
        else "its own origin"
    )
    if lowered:
        return shared_grade(
            4, f"revised downward since by {whose}: its later figure is lower", 0, 0
        )
    return shared_grade(
        3,
        f"an earlier count of a running toll, revised since by {whose}: possibly true "
        "as a count of its day",
        0,
        0,
    )


def _units(units: Units, common: bool) -> str:
    """``4 independent origins (2 neutral, 1 of them anonymous; sides gov, rebels,
    agreeing)``: each unit once, the sides' common ground said in words."""
    neutral, anonymous, sides = units.neutral, units.anonymous, units.sides
    parts = []
    if neutral:
        text = f"{neutral} neutral"
        if anonymous:
            # ("2 neutral, 1 anonymous" read as three origins)
            if anonymous == neutral:
                text += ", anonymous" if neutral == 1 else ", all anonymous"
            else:
                text += f", {anonymous} of them anonymous"
        parts.append(text)
    if sides:
        text = f"side{'s' if len(sides) > 1 else ''} {', '.join(sides)}"
        parts.append(text + (", agreeing" if common and len(sides) > 1 else ""))
    return f"{count(len(units), 'independent origin')} ({'; '.join(parts)})"


def _grade(ev: GroupEvidence, st: Statement, cited: bool) -> Grade:
    tally = ev.tally(st)
    if tally.against and ev.prop is not None and ev.prop.losses_of is not None:
        conceding = _conceding(ev)
        if conceding is not None:
            tally = _counts_aside(ev, st, tally, conceding)
    waverers = wavering(ev, st) if tally.also_otherwise else None
    grade = _judged(
        _counts(tally.support),
        _counts(tally.against),
        tuple(map(_counts, tally.against_groups)),
        tally.also_otherwise,
        cited,
        ev.thresholds.corroborated_at,
        None if waverers is None else _counts(waverers),
    )
    if ev.admitting is not None and st.index in _conceded(ev):
        return shared_grade(
            grade.grade,
            f"{grade.reason}; {admission(ev.admitting)}",
            grade.supporting_origins,
            grade.contradicting_origins,
        )
    return grade


def _conceding(ev: GroupEvidence) -> Unit | None:
    """The unit of the side whose losses the property counts (``losses_of``), when every
    figure its named voices give of them concedes some (:func:`~.units.concedes_losses`, as the
    estimate's floor reads them; worked out once a group)."""
    if "conceding" in ev.memo:
        return ev.memo["conceding"]  # type: ignore[return-value]
    side = ev.prop.losses_of if ev.prop is not None else None
    found: Unit | None = None
    if side is not None and side in ev.sides:
        units = ev.units
        # (an anonymous source of the side, "military sources", concedes nothing, nor
        # does it take back what the side's named voices concede: a reviewer's store)
        mine = [c for c in ev.counted if units[c.id].stake == side and not anonymous_source(ev, c)]
        if mine and all(concedes_losses(ev, c, side) for c in mine):
            found = units[mine[0].id]
    ev.memo["conceding"] = found
    return found


def _counts_aside(ev: GroupEvidence, st: Statement, tally: Tally, conceding: Unit) -> Tally:
    """``st``'s tally for its grade, where a side gives figures of its own losses
    (``conceding``: :func:`_conceding`), floors — what it admits died, at least: a
    neutral count wholly above the admission says more died than the side admits, which
    does not make the admission doubtful (README, "A side's own losses are a floor"),
    nor does the admission gainsay a figure above it (a rights group's 40 beside the
    army's 20). Where the side concedes more than the other side says (against its
    interest: :attr:`GroupEvidence.admitting`, DESIGN §4), a neutral count wholly below
    it is an undercount, not a contradiction, too — the army's 15 of its own soldiers
    killed against a paper's 12 (the estimate leaves the 12 out); otherwise two neutral
    counts below the side's figure still make it improbable."""
    if not isinstance(st.value, Quantity):
        return tally
    q = query(ev, st)
    below, above = q.below, q.above
    admitting = conceding is ev.admitting
    by_unit = _entries(ev)
    if any(ev.units[c.id] is conceding for c in st.claims):
        # (of the units its tally holds against it, each read once a group: no walk over
        # the group's units, nor over a unit's claims for each of the side's figures)
        reach = _reach(ev)
        apart = reach.above(above) + (reach.below(below) if admitting else [])
        # (the tally's units listed only when some unit lies apart: listing them costs)
        aside = {u.index for u in tally.against}.intersection(apart) if apart else set()
    else:  # (the admission is a floor: a higher neutral count does not gainsay it)
        if len(by_unit) * len(ev.statements) > _REJUDGED:
            return tally  # (a big group: judged as any figure is, its cost linear)
        if any(ev.units[c.id].side is not None for c in st.claims):
            # (the enemy's 200 is disputed by the army's 20, as CC101 says: a reviewer's
            # store had the army's 20 disputed by the Front's 200 and not the other way)
            return tally
        top = _admitted_top(ev, conceding)
        if top is None or not top < below:
            return tally
        aside = {conceding.index} if any(u is conceding for u in tally.against) else set()
    if not aside:
        return tally
    # (judged again by the units the tally weighed, less those: not one it set aside as
    # a running toll's growth; as many as the tally holds, not the group's)
    kept = {u.index for u in tally.support} | ({u.index for u in tally.against} - aside)
    return walk(ev, st, [by_unit[i][:3] for i in sorted(kept)])


#: Beyond this many (statement, unit) pairs, figures above a side's admission of its
#: own losses are judged with it against them, as any figure is: each would be judged
#: again (DESIGN §4: a group's cost grows with the group, not its square).
_REJUDGED = 20_000


class _Reach:
    """The neutral units asserting all they say, by their figures' lowest bound and by
    their highest: those wholly above a bound, or below one, are a slice of each
    (worked out once a group)."""

    def __init__(self, ev: GroupEvidence) -> None:
        statement_of = ev.statement_by_claim
        lows: list[tuple[Bound, int]] = []
        highs: list[tuple[Bound, int]] = []
        for unit, _, _, claims in unit_spans(ev):
            if unit.side is None and all(c.stance == "asserts" for c in claims):
                spans = [bounds(statement_of[c.id].value) for c in claims]
                lows.append((min(lo for lo, _ in spans), unit.index))
                highs.append((max(hi for _, hi in spans), unit.index))
        lows.sort()
        highs.sort()
        self._lows, self._by_low = [b for b, _ in lows], [i for _, i in lows]
        self._highs, self._by_high = [b for b, _ in highs], [i for _, i in highs]

    def above(self, bound: Bound) -> list[int]:
        """The units whose every figure lies wholly above ``bound``."""
        return self._by_low[bisect_right(self._lows, bound) :]

    def below(self, bound: Bound) -> list[int]:
        """The units whose every figure lies wholly below ``bound``."""
        return self._by_high[: bisect_left(self._highs, bound)]


def _reach(ev: GroupEvidence) -> _Reach:
    found = ev.memo.get("unit_reach")
    if found is None:
        found = ev.memo["unit_reach"] = _Reach(ev)
    return found  # type: ignore[return-value]


def _entries(ev: GroupEvidence) -> dict[int, tuple[Unit, Any, Any, list[Claim]]]:
    """:func:`~.tallies.unit_spans` by unit index (worked out once a group)."""
    found = ev.memo.get("unit_entries")
    if found is None:
        found = ev.memo["unit_entries"] = {entry[0].index: entry for entry in unit_spans(ev)}
    return found  # type: ignore[return-value]


def _admitted_top(ev: GroupEvidence, conceding: Unit) -> Bound | None:
    """The highest upper bound of the admitting side's asserted figures, if each is one
    (worked out once a group): a statement whose lower limit is above it is one the
    admission does not gainsay. None where a denial is among them."""
    if "admitted_top" in ev.memo:
        return ev.memo["admitted_top"]  # type: ignore[return-value]
    top: Bound | None = None
    statement_of = ev.statement_by_claim
    for unit, _, _, claims in unit_spans(ev):
        if unit is conceding:
            if all(c.stance == "asserts" for c in claims):
                top = max(bounds(statement_of[c.id].value)[1] for c in claims)
            break
    ev.memo["admitted_top"] = top
    return top


def _conceded(ev: GroupEvidence) -> set[int]:
    """The statements a side's concession bears on, by index: those its figures support
    or contradict (worked out once a group; a side concedes in one or two figures)."""
    found = ev.memo.get("conceded")
    if found is None:
        admitting, units, statement_of = ev.admitting, ev.units, ev.statement_by_claim
        assert admitting is not None
        conceding = {
            statement_of[c.id].index: statement_of[c.id]
            for c in ev.counted
            if units[c.id] is admitting
        }
        found = ev.memo["conceded"] = {
            st.index
            for st in ev.statements
            if any(
                ev.statement_supports(a, st) or ev.statements_conflict(a, st)
                for a in conceding.values()
            )
        }
    return found  # type: ignore[return-value]


def admission(unit: Unit) -> str:
    """Why a side's unit weighs as a neutral origin, in words."""
    return (
        f"side {unit.admits} gives its own losses above every figure of the other side: "
        "against its interest, it weighs as a neutral origin"
    )


#: The units of a tally as a grade reads them: counted (named, anonymous, sides).
Counts = tuple[int, int, tuple[str, ...]]


def _counts(units: Units) -> Counts:
    return (units.named, units.anonymous, units.sides)


# Big enough for the distinct shapes of tallies of a million-claim store (the
# measurements: benchmarks/RESULTS.md, "Why the constants").
@lru_cache(maxsize=16384)
def _also(waverers: Counts | None) -> str:
    """Who of a value's supporters also says otherwise, in words."""
    n = 1 if waverers is None else waverers[0] + waverers[1] + len(waverers[2])
    return "one of them also says" if n <= 1 else f"{n} of them also say"


def _confirms(units: Counts, needed: int) -> bool:
    """Whether these supporting units confirm a value (grade 1's support): ``needed``
    independent origins, a neutral one among them (or opposing sides agreeing), one on
    the record (named, or opposing sides agreeing), and where a side's word makes up
    the count, neutral support weighing as a named origin's."""
    w_for, n_for, sides = Units(*units).weighed()
    neutral = n_for - (1 if len(sides) >= 2 else 0)
    return (
        neutral + len(sides) >= needed
        and n_for >= 1
        and (neutral >= needed or w_for >= 1)
        and (units[0] >= 1 or len(sides) >= 2)
    )


def _judged(
    supporting: Counts,
    contradicting: Counts,
    against_groups: tuple[Counts, ...],
    also_otherwise: bool,
    cited: bool,
    needed: int,
    waverers: Counts | None = None,
) -> Grade:
    """The grade of a statement tallied so: a grade reads only how many units of each
    kind stand for and against it, so the few tallies' shapes of a store are graded once
    each (the units themselves are not listed here)."""
    tally = Tally(
        Units(*supporting),
        Units(*contradicting),
        [Units(*g) for g in against_groups],
        also_otherwise,
    )
    (w_for, n_for, sides_for), (w_against, n_against, _) = tally.weighed()
    units_for, units_against = len(tally.support), len(tally.against)
    against = ""  # (words only where someone is against)
    if units_against:
        against = _units(tally.against, not tally.bracketed)
        if tally.bracketed:
            against += ", not all agreeing among themselves"
    # "Several" neutral origins against: their weight, an anonymous one counting half
    # (a named hospital and anonymous residents are not yet several).
    several = w_against >= 2
    if not tally.support:
        if several:
            grade = 5
        elif units_against:
            grade = 4
        else:
            return shared_grade(6, "cannot be judged: uncited, and no cited claim supports it")
        why = "uncited" if not cited else "no origin's current figure supports it"
        return shared_grade(grade, f"{why}, and contradicted by {against}", 0, units_against)
    support = f"supported by {_units(tally.support, True)}"
    # Corroboration (DESIGN §4: "independent origins agree, at least one neutral"): the
    # neutral origins and each side (one origin, however many of its claimants), with
    # at least one neutral origin — or opposing sides agreeing, their common ground
    # counted once in ``n_for`` — among them: a side's own word confirms nothing alone.
    # Where a side's word is needed to make up the count, the neutral support must weigh
    # as a named origin does (anonymous "security sources" and the army are not two).
    # And a neutral origin on the record at least (a named one, or opposing sides
    # agreeing): two anonymous sources agreeing make a figure probable, not confirmed,
    # with a party's word or without (:func:`_confirms`).
    neutral = n_for - (1 if len(sides_for) >= 2 else 0)
    confirming = neutral + len(sides_for)
    # (the origins that also say otherwise count neither way: the others must confirm it
    # without them — or, where they are not known one by one, without one of each kind)
    wavers = tally.also_otherwise
    if not wavers:
        steady = supporting
    elif waverers is not None:
        steady = (
            supporting[0] - waverers[0],
            supporting[1] - waverers[1],
            tuple(x for x in supporting[2] if x not in waverers[2]),
        )
    else:
        steady = (max(supporting[0] - 1, 0), supporting[1], supporting[2])
    told_otherwise = False  # (the reason says so already)
    if w_against == 0:
        if _confirms(steady, needed):
            grade, why = 1, f"confirmed by {_units(tally.support, True)}"
        elif units_for >= 2 and n_for >= 1:
            anonymous_only = supporting[0] == 0 and not sides_for
            told_otherwise = wavers and confirming >= needed and not anonymous_only
            short = (
                "; not confirmed: none of them on the record"
                if confirming >= needed and anonymous_only
                else f"; not confirmed: {_also(waverers)} otherwise"
                if told_otherwise
                else ", not enough independent origins to confirm it"
            )
            grade, why = 2, f"{support}{short}"
        elif n_for == 0:
            grade, why = 3, f"{support} only, a party to the subject"
        else:
            # (an anonymous one — "security sources" — said so: it weighs half)
            grade, why = 3, "a single origin" + (", anonymous" if supporting[1] else "")
        if units_against:
            why += f"; disputed by {against}"
        elif wavers and not told_otherwise:
            # (a side, one party or allies: their word against it is CC101–CC104's)
            why += (
                f", contradicted by no other side (its own, {', '.join(waverers[2])}, also "
                "says otherwise)"
                if waverers and waverers[2]
                else ", contradicted by no other (it also says otherwise)"
            )
        elif grade == 3 and n_for:
            why += ", uncontradicted"
    elif w_for > w_against and units_for >= 2:
        grade, why = 2, f"{support}; contradicted by {against}"
    elif w_for > w_against:
        # One origin outweighing what contradicts it is no better for being contradicted
        # (an anonymous "10" against a named outlet's "14" does not make the 14 likelier).
        grade, why = 3, f"a single origin; contradicted by {against}, which weighs less"
    elif units_for <= 1 and several:
        grade, why = 5, f"contradicted by {against}; no other origin supports it"
    elif units_for == 1 and n_for == 0 and tally.also_otherwise and n_against >= 1:
        # A ministry's "no jet lost" that its own air-force official contradicts ("one
        # crashed"), and a neutral monitor too: the side's word is not even its own.
        grade, why = 5, f"contradicted by {against}; {support} only, which also says otherwise"
    else:
        grade, why = 4, f"contradicted by {against}; {support}"
    if not cited:
        why += " (the claim itself is uncited)"
    return shared_grade(grade, why, units_for, units_against)
