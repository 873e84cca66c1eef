"""The discrepancy report as a record: what every renderer draws.

:class:`Report` holds the summary, a :class:`ConflictSubject` per subject with conflicts (each
a :class:`Group` of who-says-what :class:`Row` s, the estimate and the findings), the
corroboration :class:`Gap` s, the timeline, the provenance graph of the conflicting
claims and the appendix of outlets and documents. :func:`~claimcheck.report.build.build`
fills it from a check; the Markdown and HTML renderers draw it, with the helpers here
for what they share (cells, axes, days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from claimcheck.analysis.estimates import Estimate
from claimcheck.analysis.grades import Grade
from claimcheck.english import listed
from claimcheck.findings import SEVERITY_RANK, Finding
from claimcheck.model import Claim
from claimcheck.render import count, visible
from claimcheck.render.track_records import track_with_counts
from claimcheck.rules import RuleCategory
from claimcheck.rules.cc101_quantity_conflict import QuantityConflict
from claimcheck.track_records import OutletRecord
from claimcheck.values import Quantity


@dataclass
class Row:
    """One claim in a who-says-what table."""

    claim: Claim
    stated: str
    interval: str
    claimant: str
    claimant_named: bool
    outlet: str
    document: str
    document_title: str
    document_date: str
    url: str | None
    as_of: str
    grade: Grade | None
    #: The categories of the rules whose findings name the claim.
    categories: frozenset[RuleCategory]
    #: The cluster of claims that agree it belongs to: ``A``, ``B``... (values in one
    #: cluster can all hold together; ``-`` for a value that says nothing comparable).
    cluster: str = "-"
    subject_label: str = ""
    property_label: str = ""
    #: A figure its own origin has revised since, or later figures overtook: ``revised
    #: since: 52``, ``overtaken by 60`` — so that three copies of an old toll do not read
    #: as three outlets giving it now.
    revised: str = ""
    #: Why a claim is withdrawn, in its list: its status, or what it relays that is
    #: (``relays paper-30, retracted``).
    withdrawn: str = ""
    #: Whose figure an outlet's own words carry (citing the dispatch it has it from, or
    #: printing an origin's figure revised since): that speaker's name, else empty.
    relaying: str = ""


#: What precedes the list of origins' earlier counts under a table, in every format.
EARLIER = (
    "Earlier counts, revised since by the origin that gave them (each in the timeline; "
    "no finding names them but the toll revisions)"
)

#: The heading of the list of withdrawn claims, in every format.
WITHDRAWN = (
    "Claims withdrawn (retracted or superseded, or relaying a retracted claim: kept, "
    "weighed by no rule)"
)
STALE = "Stale reviews (no finding has their fingerprint any more)"

#: The columns of a group's who-says-what table, in every format.
ROW_COLUMNS = ["cluster", "value", "interval", "claimant", "outlet", "document", "as of", "grade"]


@dataclass
class EarlierCounts:
    """One origin's earlier counts of a running toll, folded out of a who-says-what
    table: figures it has revised since, named by no finding but its revisions (a
    ministry's daily toll gives a row a day per outlet relaying it)."""

    #: Who gave them: the party, or the outlets whose own reporting they are.
    origin: str
    #: The claims, each with the day its figure was given, in that order.
    dated: list[tuple[dt.date, Row]]

    @property
    def rows(self) -> list[Row]:
        return [r for _, r in self.dated]

    def words(self) -> str:
        """``18 figures in 36 claims, from 40 (2025-03-01) to 968 (2025-03-19), via
        Wire-A and Wire-B`` (user text made :func:`readable`; the renderer escapes)."""
        (first_day, first), (last_day, last) = self.dated[0], self.dated[-1]
        figures = len({r.stated for _, r in self.dated})
        outlets = sorted({r.outlet for _, r in self.dated})
        return (
            f"{count(figures, 'figure')} in {count(len(self.dated), 'claim')}, from "
            f"{readable(first.stated)} ({first_day}) to {readable(last.stated)} "
            f"({last_day}), via {readable(listed(outlets))}"
        )


@dataclass
class Group:
    """A (subject, property) group with findings: its table, estimate and findings."""

    property_id: str
    label: str
    unit: str | None
    type: str
    rows: list[Row]
    findings: list[Finding]
    estimate: Estimate | None
    #: Origins' earlier counts folded out of ``rows`` (see :class:`EarlierCounts`).
    earlier: list[EarlierCounts] = field(default_factory=list)

    @property
    def quantity_rows(self) -> list[Row]:
        return [r for r in self.rows if isinstance(r.claim.parsed, Quantity)]

    @property
    def wants_forest(self) -> bool:
        """Whether the group's figures are drawn: an estimate, or a quantity conflict."""
        return bool(self.quantity_rows) and (
            self.estimate is not None or any(f.rule == QuantityConflict.code for f in self.findings)
        )


@dataclass
class ConflictSubject:
    """A subject with conflicts: its heading under "Conflicts", and its groups."""

    subject: str
    label: str
    date: str
    groups: list[Group]

    @property
    def worst(self) -> int:
        return max((SEVERITY_RANK[f.severity] for g in self.groups for f in g.findings), default=0)


@dataclass
class Gap:
    finding: Finding
    subject_label: str
    #: Who says it (the column "who says it"): each claimant in its document.
    who_says: str
    property_label: str = ""


@dataclass
class GapGroup:
    """The corroboration gaps one rule found: drawn as one collapsible block."""

    rule: str
    name: str
    #: What the rule flags (the first line of its docstring).
    description: str
    gaps: list[Gap]

    @property
    def open(self) -> bool:
        """Whether the block is drawn open: a few lines are read at once, a long list is
        opened by the reader who wants it (Kidal has 60 single-origin values)."""
        return len(self.gaps) <= GAPS_SHOWN_OPEN


#: A rule's corroboration gaps are shown open up to this many, collapsed above it.
GAPS_SHOWN_OPEN = 5


@dataclass
class Report:
    title: str
    summary: dict[str, Any]
    conflicts: list[ConflictSubject]
    gaps: list[Gap]
    timeline: list[Row]
    provenance_nodes: list[tuple[str, str, str]]  # (node key, kind, label)
    provenance_edges: list[tuple[str, str, str]]  # (from, to, relation)
    outlets: list[OutletRecord]
    documents: list[dict[str, Any]]
    rule_names: dict[str, str] = field(default_factory=dict)
    rule_descriptions: dict[str, str] = field(default_factory=dict)
    #: Claims retracted or superseded: kept in the store, weighed by no rule.
    withdrawn: list[Row] = field(default_factory=list)
    #: Reviews no finding answers to: what each says, to act on it.
    stale: list[str] = field(default_factory=list)
    #: Gap findings listed with the subjects in conflict, not among the gaps.
    gaps_with_conflicts: int = 0

    def no_gaps(self) -> str:
        """What the gaps section says when it lists none: that there are none, or that
        those there are stand with the subjects in conflict."""
        n = self.gaps_with_conflicts
        if not n:
            return "None."
        which = "the gap finding" if n == 1 else f"the {n} gap findings"
        return f"None besides {which} listed with the subjects in conflict above."

    def gap_groups(self) -> list[GapGroup]:
        """The corroboration gaps by rule, in the order of the rules' codes."""
        by_rule: dict[str, list[Gap]] = {}
        for g in self.gaps:
            by_rule.setdefault(g.finding.rule, []).append(g)
        return [
            GapGroup(
                code,
                self.rule_names.get(code, ""),
                self.rule_descriptions.get(code, ""),
                gaps,
            )
            for code, gaps in sorted(by_rule.items())
        ]

    def scope(self) -> str:
        """What the report covers, in words: ``12 claims from 3 documents of 2 outlets, on
        4 subjects, quoting 5 parties`` — what the claims draw on, not every record declared
        (numbers only: no format escapes it)."""
        s = self.summary["scope"]
        return (
            f"{count(s['claims'], 'claim')} from {count(s['documents'], 'document')} of "
            f"{count(s['outlets'], 'outlet')}, on {count(s['subjects'], 'subject')}, quoting "
            f"{count(s['parties'], 'party')}"
        )


def readable(text: object) -> str:
    """User text as a report shows it: on one line, each control character shown as its
    escape (:func:`claimcheck.render.visible`), so that a report printed to a terminal
    cannot drive it. A line break or tab a writer typed is a space."""
    return visible(str(text).replace("\n", " ").replace("\t", " "))


def number(x: float) -> str:
    """A figure as the report writes it: ``12``, not ``12.0``."""
    return str(int(x)) if x == int(x) else f"{x:g}"


def web_address(url: str | None) -> str | None:
    """A link target only for a web address of printable characters: never
    ``javascript:`` or ``data:`` from user data, nor an address hiding a control
    character."""
    target = (url or "").strip()
    if target.lower().startswith(("http://", "https://")) and readable(target) == target:
        return target
    return None


def axis_top(rows: list[Row]) -> float:
    """Where a chart's axis ends: a quarter past the largest finite bound."""
    bounds = [
        float(b)
        for r in rows
        if isinstance(r.claim.parsed, Quantity)
        for b in (r.claim.parsed.low, r.claim.parsed.high)
        if b != float("inf")
    ]
    return max([*bounds, 1.0]) * 1.25


def next_day(d: dt.date) -> dt.date:
    """The day after ``d`` (the last representable day stays itself)."""
    return d if d == dt.date.max else d + dt.timedelta(days=1)


#: The columns of each table of the report, for every format (Markdown and HTML draw the
#: same ones): a conflict group's claims (:data:`ROW_COLUMNS`), the summary's findings by
#: rule, a rule's corroboration gaps, and the appendices of outlets and documents.
RULE_COLUMNS = ["rule", "name", "findings"]
GAP_COLUMNS = ["subject", "property", "finding", "who says it"]
DOCUMENT_COLUMNS = ["id", "outlet", "title", "published", "retrieved", "language", "claims"]
OUTLET_COLUMNS = [
    "id",
    "name",
    "kind",
    "owner",
    "documents",
    "claims",
    "corroborated",
    "contested",
    "single origin",
    "retracted",
    "track record",
]


def outlet_rows(report: Report) -> list[list[str]]:
    """The appendix of outlets, as plain text cells (each renderer escapes them)."""
    return [
        [
            o.id,
            o.name,
            o.kind,
            o.owner,
            str(o.documents),
            str(o.claims),
            str(o.corroborated),
            str(o.contested),
            str(o.single_origin),
            str(o.retracted),
            track_with_counts(o),
        ]
        for o in report.outlets
    ]
