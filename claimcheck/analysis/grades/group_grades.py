"""Every claim of a group graded (:func:`grade_group`): statement by statement from its
tally, weighed (:mod:`.weighing`) with a side's figures of its own losses read as floors
(:mod:`.admitted_losses`); apart from it, claims that are inactive or unreadable, relays
that misquote, and figures revised since (:mod:`.revised_and_misquoted`)."""

from __future__ import annotations

from claimcheck.analysis.grades.admitted_losses import (
    admission,
    conceded,
    conceding_unit,
    counts_aside,
)
from claimcheck.analysis.grades.grade import Grade, shared_grade
from claimcheck.analysis.grades.revised_and_misquoted import (
    borne_out,
    misattribution_grade,
    misquote_grade,
    misquoting,
    revised_grade,
)
from claimcheck.analysis.grades.weighing import counts, judged
from claimcheck.analysis.group import GroupEvidence
from claimcheck.analysis.statements import Statement, Units
from claimcheck.analysis.tallies import judge, query, unit_spans


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
        if (st := statement_of.get(cid)) is not None and misquoting(ev, cid, st)
    }
    for st in ev.statements:
        graded: list[Grade | None] = [None, None]
        for claim in st.claims:
            if claim.id in misquotes:
                out[claim.id] = misquote_grade(ev, claim)
                continue
            if claim.id in ev.misattributed:
                out[claim.id] = misattribution_grade(ev, claim)
                continue
            if revised:
                # (a floor a later figure bears out — "at least 40", then 41 — is
                # corroborated by it, not merely a count of its day: graded by its tally)
                if claim.id in overtaken and not borne_out(ev, st, overtaken[claim.id]):
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
                    out[claim.id] = revised_grade(ev, claim, newer)
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


def _grade(ev: GroupEvidence, st: Statement, cited: bool) -> Grade:
    tally = ev.tally(st)
    if tally.against and ev.prop is not None and ev.prop.losses_of is not None:
        conceding = conceding_unit(ev)
        if conceding is not None:
            tally = counts_aside(ev, st, tally, conceding)
    waverers = wavering(ev, st) if tally.also_otherwise else None
    grade = judged(
        counts(tally.support),
        counts(tally.against),
        tuple(map(counts, tally.against_groups)),
        tally.also_otherwise,
        cited,
        ev.thresholds.corroborated_at,
        None if waverers is None else counts(waverers),
    )
    if ev.admitting is not None and st.index in conceded(ev):
        return shared_grade(
            grade.grade,
            f"{grade.reason}; {admission(ev.admitting)}",
            grade.supporting_origins,
            grade.contradicting_origins,
        )
    return grade
