"""The report's sections, in order, and which findings each one shows: one list for
every format (the HTML and Markdown renderers both draw it). Not the store's sections
(``outlets:``, ``claims:``...: :data:`claimcheck.model.SECTIONS`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.rules import RuleCategory

#: The report's sections: their anchors and headings, in the order they are drawn.
REPORT_SECTIONS = {
    "summary": "Summary",
    "conflicts": "Conflicts",
    "gaps": "Corroboration gaps",
    "timeline": "Timeline",
    "provenance": "Provenance of the conflicting claims",
    "outlets": "Appendix: outlets",
    "documents": "Appendix: documents",
}

#: The sections drawn only when some subject is in conflict: they show its claims.
CONFLICT_ONLY = ("timeline", "provenance")

#: Rule categories whose findings put a subject under "Conflicts", its claims drawn in
#: the conflict colour on the timeline; the findings of the others are corroboration gaps.
CONFLICTS: frozenset[RuleCategory] = frozenset({"conflict", "revision", "integrity"})

#: Rule categories whose findings put a claim's figure in dispute: drawn in the conflict
#: colour on a group's chart of figures.
DISPUTED: frozenset[RuleCategory] = frozenset({"conflict", "revision"})
