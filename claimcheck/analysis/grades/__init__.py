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

:func:`grade_group` grades a group's claims with these modules, each over the ones after it:

* :mod:`.group_grades` — every claim of a group graded: statement by statement from its
  tally, or apart from it;
* :mod:`.weighing` — the grade a tally earns from the units for and against, and its
  reason in words; :mod:`.admitted_losses` — a side's figures of its own losses read as
  floors, and an admission against interest; :mod:`.revised_and_misquoted` — figures
  revised since, and relays that misquote or name the wrong voice;
* :mod:`.grade` — :class:`Grade`, the record, one object for each distinct grade.
"""

from claimcheck.analysis.grades.grade import Grade
from claimcheck.analysis.grades.group_grades import grade_group

__all__ = ["Grade", "grade_group"]
