"""Grades of claims that their statement's tally does not grade: an earlier figure of a
running toll its own origin revised since (a count of its day, or doubtful when lowered)
or a word its origin's later word replaced (not judged),
and a relay printing a figure that cannot hold with the statement it carries, or naming a
voice for another's word (graded as printed: cannot be judged)."""

from __future__ import annotations

from claimcheck.analysis.credit import relays_by_choice
from claimcheck.analysis.grades.grade import Grade, shared_grade
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement
from claimcheck.model import Claim
from claimcheck.values import Quantity, rounds_off, stated_numbers


def borne_out(ev: GroupEvidence, st: Statement, later: Claim) -> bool:
    """Whether the later figure that overtook a claim (of statement ``st``) supports it:
    an open floor the later count lies within."""
    t = ev.statement_by_claim.get(later.id)
    return t is not None and t is not st and ev.statement_supports(t, st)


def misquoting(ev: GroupEvidence, cid: str, st: Statement) -> bool:
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


#: How a misquote's grade begins (:func:`misquote_grade`).
MISQUOTED = "cannot be judged as printed"


def misquoted(grade: Grade) -> bool:
    """Whether ``grade`` is a misquote's, graded as printed — not its statement's."""
    return grade.reason.startswith(MISQUOTED)


def misquote_grade(ev: GroupEvidence, claim: Claim) -> Grade:
    source = ev.relayed_from.get(claim.id)
    whose = (
        f"{source.id} ({ev.provenance.speaker(source)})" if source is not None else "a statement"
    )
    return shared_grade(
        6,
        f"{MISQUOTED}: it relays {whose} in a figure that cannot hold "
        "with it (CC107: check the original statement)",
    )


def misattribution_grade(ev: GroupEvidence, claim: Claim) -> Grade:
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


def revised_grade(ev: GroupEvidence, claim: Claim, newer: Claim) -> Grade:
    """An earlier figure of a running toll its own origin has since revised: a count of
    its day when revised upward, doubtful when its origin lowered it (then, or at any
    step since: 150, 142, then 160 — the 150 was withdrawn). Of a property that is no
    running toll, a word its origin has replaced: not judged, as one marked superseded."""
    if not ev.cumulative:
        # (one true value: the origin's later word replaces it, as a correction would —
        # a claim marked superseded cannot be judged either)
        # (in words shared by every such claim: one grade object for them all; the
        # CC107 finding names the two words)
        return shared_grade(
            6,
            "cannot be judged: its origin has since said otherwise (CC107: mark it "
            "superseded, or say why both stand)",
        )
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
