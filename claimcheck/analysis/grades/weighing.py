"""The grade a statement's tally earns, from how many units of each kind stand for and
against it (named, anonymous, sides): confirmed, probably or possibly true, doubtful or
improbable, with the reason in words — worked out once for each shape of tally."""

from __future__ import annotations

from functools import lru_cache

from claimcheck.analysis.grades.grade import Grade, shared_grade
from claimcheck.analysis.statements import Tally, Units
from claimcheck.english import count


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


#: The units of a tally as a grade reads them: counted (named, anonymous, sides).
Counts = tuple[int, int, tuple[str, ...]]


def counts(units: Units) -> Counts:
    return (units.named, units.anonymous, units.sides)


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


# Big enough for the distinct shapes of tallies of a million-claim store (the
# measurements: benchmarks/RESULTS.md, "Why the constants").
@lru_cache(maxsize=16384)
def judged(
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
