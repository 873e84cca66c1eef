"""The one findings record, and stable fingerprints.

A :class:`Finding` is serialised once (:meth:`Finding.as_dict`) and every output format
renders that record. Its ``fingerprint`` identifies the disagreement, not its evidence —
the rule, the subject and property, and the distinct values in dispute — never file
order, claim ids or unrelated claims, so that a ``reviews`` entry keeps acknowledging it
from run to run, and as new sources of a value in it arrive.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from claimcheck.errors import Location

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
SEVERITY_RANK = {"none": 99, "info": 0, "warning": 1, "error": 2}
#: What ``--fail-on`` and ``fail-on`` take, most severe first ("none": never fail).
FAIL_ON_LEVELS: tuple[str, ...] = (*reversed(SEVERITIES), "none")

#: Where a finding about no record points (shown as an empty place).
NOWHERE = Location("")

#: The version of every JSON output's shape (``"version"`` at its top level: check,
#: report, claims, rules, sources); raised when a key changes meaning or goes away, not
#: when one is added.
JSON_VERSION = 1


def of_day(prop: str | None, day: str | None) -> str | None:
    """What a fingerprint names as the property: the property, with the day for a
    property whose values vary (``held@2031-05-10``)."""
    return f"{prop}@{day}" if day else prop


def fingerprint(code: str, subject: str | None, prop: str | None, key: Iterable[str]) -> str:
    """A short stable hash of what a finding is about."""
    text = "\x1f".join([code, subject or "", prop or "", *sorted(key)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ValueChange(TypedDict):
    """A value that entered or left a finding since its review (JSON-ready): as the
    claims state it, the claims carrying it, and why, where the store tells
    ("retracted", "superseded", "revised since by coast-guard", "coast-guard's
    revision")."""

    value: str
    claims: list[str]
    why: str | None


#: At most this many claims of one value are named in a line of text (JSON has all).
NAMED_CLAIMS = 3
#: At most this many claims added since a review, or values that left its finding, are
#: named in a reader's line (a thousand relays are "… and 988 more"; JSON has all).
NAMED_SINCE = 12


def named_claims(claims: list[str], limit: int = NAMED_CLAIMS) -> str:
    """``a, b, c and 4 more``: the first ``limit`` claims named, the rest counted."""
    shown = ", ".join(claims[:limit])
    more = len(claims) - limit
    return f"{shown} and {more} more" if more > 0 else shown


def changes_text(entered: list[ValueChange], left: list[ValueChange]) -> str:
    """``38 entered (cg-38, coast-guard's revision); 23 left (cg-23, revised since by
    coast-guard)``: what changed in a finding's values since its review."""
    parts = [
        f"{c['value']} {verb} ({named_claims(c['claims'])}{', ' + c['why'] if c['why'] else ''})"
        for verb, changes in (("entered", entered), ("left", left))
        for c in changes
    ]
    return "; ".join(parts)


def left_text(left: list[ValueChange]) -> str:
    """``45 (ngo-45) retracted``: the values a reviewed finding lost since its review."""
    shown = [
        f"{c['value']} ({named_claims(c['claims'])}) {c['why'] or 'no longer in dispute'}"
        for c in left[:NAMED_SINCE]
    ]
    more = len(left) - NAMED_SINCE
    return ", ".join(shown) + (f" and {more} more values" if more > 0 else "")


@dataclass(slots=True)
class ReviewMark:
    """The verdict a person recorded on a finding."""

    verdict: str
    note: str | None = None
    by: str | None = None
    on: str | None = None
    #: Claims the finding gained since the review (new sources of a value in it).
    new_claims: list[str] = field(default_factory=list)
    #: A review recorded on a kindred rule's finding on the same values, which this one
    #: continues (a CC201 that relays made a CC203): ``{"rule", "name", "fingerprint"}``
    #: of the finding it was recorded on; None for a review of this finding itself.
    reviewed_as: dict[str, str] | None = None
    #: The values the finding it was recorded on (``reviewed_as``, of this finding's
    #: rule and group) had that this one has not: a dispute that lost a value since is
    #: the dispute reviewed (a value leaving is no new value).
    left: list[ValueChange] = field(default_factory=list)

    def since(self) -> str:
        """``2 claims added since: x, y`` (empty when none were)."""
        n = len(self.new_claims)
        if not n:
            return ""
        named = named_claims(self.new_claims, NAMED_SINCE)
        return f"{n} claim{'s' if n != 1 else ''} added since: {named}"

    def aside(self) -> str:
        """What a reader is told besides the verdict: the finding the review was
        recorded on, if another, and the claims added since (empty when neither)."""
        parts = []
        if self.left and self.reviewed_as is not None:
            parts.append(
                f"since the review of {self.reviewed_as['fingerprint']}: {left_text(self.left)}"
            )
        elif self.reviewed_as is not None:
            was = self.reviewed_as
            parts.append(
                f"recorded on {was['rule']} {was['name']} {was['fingerprint']}, "
                "which this finding continues"
            )
        if self.new_claims:
            parts.append(self.since())
        return "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "note": self.note,
            "by": self.by,
            "on": self.on,
            "new_claims": list(self.new_claims),
            "reviewed_as": dict(self.reviewed_as) if self.reviewed_as is not None else None,
            "left": [dict(c) for c in self.left],
        }


# Plain dataclasses, not pydantic models: findings are built from trusted parts only, a
# big store has hundreds of thousands of them, and a check should not pay for schemas.
@dataclass(slots=True)
class Finding:
    """One problem the rules found, with everything a reader needs to act on it."""

    rule: str
    name: str
    severity: Severity
    subject: str | None
    property: str | None
    claims: list[str]
    message: str
    fingerprint: str
    #: The record the finding points at (its first claim); JSON has it as
    #: ``path:line:col``.
    location: Location = NOWHERE
    review: ReviewMark | None = None
    #: Conflicts: the pairs of claim ids (each sorted, in order) that cannot both hold.
    pairs: list[tuple[str, str]] | None = None
    #: Rule-specific facts: the values in conflict, the shared sources, ...
    details: dict[str, Any] = field(default_factory=dict)
    #: What a review recorded on a finding this one continues, or continued by it, is
    #: matched on (see :mod:`claimcheck.reviews`): the values its fingerprint names and
    #: the origins they rest on; both empty for findings of other rules.
    kin_values: list[str] = field(default_factory=list)
    kin_origins: list[str] = field(default_factory=list)

    @builtins.property
    def rule_group(self) -> tuple[str, str, str, str]:
        """The rule and the (subject, property) group it found this in — and the day, for
        a property whose values vary (``details["day"]``): a conflict rule gives one
        finding a group (a day)."""
        return (self.rule, self.subject or "", self.property or "", self.day or "")

    @builtins.property
    def day(self) -> str | None:
        """The day whose values it is about, for a property whose values vary."""
        return self.details.get("day")

    @builtins.property
    def reviewed(self) -> bool:
        return self.review is not None

    def counts_at(self, fail_on: str) -> bool:
        """Whether this finding fails a run with ``--fail-on fail_on``."""
        return not self.reviewed and SEVERITY_RANK[self.severity] >= SEVERITY_RANK[fail_on]

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (DESIGN §5), fields in declaration order; a
        conflict's ``pairs`` last."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "subject": self.subject,
            "property": self.property,
            "claims": list(self.claims),
            "message": self.message,
            "fingerprint": self.fingerprint,
            "location": str(self.location),
            "review": self.review.as_dict() if self.review is not None else None,
            "details": self.details,
        }
        if self.pairs is not None:
            out["pairs"] = [list(p) for p in self.pairs]
        return out


@dataclass(slots=True)
class StaleReview:
    """A review whose finding no longer exists: fix or delete it so reviews do not rot."""

    fingerprint: str
    verdict: str
    location: Location
    note: str | None = None
    #: Findings holding claims the review lists (``claims:``), most in common first: a
    #: new value in a disagreement changes its fingerprint; review the one it became.
    successors: list[Finding] = field(default_factory=list)
    #: Whether the review lists the claims it reviewed.
    listed: bool = False
    #: The rule of the finding it was recorded on, when the claims it lists tell.
    rule: str | None = None
    #: Whether the first successor holds claims it lists (else: it is its rule's finding
    #: on the same speakers' figures, a figure of theirs revised since).
    holds: bool = True
    #: Whether it is a candidate's review (``check``/``add`` of a file): one naming no
    #: finding was never a review of anything, a fingerprint mistyped or copied wrong.
    new: bool = False
    #: Whether it was recorded on a gap (CC201 ...) that no finding of its rule holds
    #: any more: the claims it lists now have the support that gap lacked.
    closed: bool = False
    #: The revision (CC105, CC106) holding its claims, when it was recorded on a gap
    #: whose figure its origin revised since: the gap is gone with the figure.
    revision: Finding | None = None
    #: Whether it is a review in the store that candidates being checked would leave
    #: matching no finding once added (not a stale review yet).
    coming: bool = False
    #: The values that entered and those that left the dispute it was recorded on, when
    #: its first successor is that dispute and the store tells what it judged.
    entered: list[ValueChange] = field(default_factory=list)
    left: list[ValueChange] = field(default_factory=list)

    def message(self) -> str:
        """``stale review: no finding has fingerprint …; CC101 … holds its claims …``."""
        if self.new:
            text = f"review of no finding: no finding has fingerprint {self.fingerprint}"
        elif self.coming:
            text = (
                "the candidates make this review stale: no finding will have fingerprint "
                f"{self.fingerprint}"
            )
        else:
            text = f"stale review: no finding has fingerprint {self.fingerprint}"
        if self.new and not self.successors and not self.listed:
            text += " (mistyped, or copied from another store?): `check` shows fingerprints"
        elif self.revision is not None:
            f = self.revision
            text += (
                f"; the figure of the {self.rule} gap it reviewed was revised since by its "
                f"own origin ({f.rule} {f.fingerprint}, {f.property} of {f.subject}): the gap "
                "is gone with it; delete it"
            )
        elif self.closed:
            text += (
                f"; the {self.rule} gap it reviewed is closed (the claims it lists have the "
                "support it lacked): delete it"
            )
            if self.successors:
                f = self.successors[0]
                text += (
                    f"; {f.rule} {f.fingerprint} ({f.property} of {f.subject}), another "
                    "finding, holds them now"
                    + (" and has a review of its own" if f.review else ": review it if it matters")
                )
        elif self.successors:
            f = self.successors[0]
            text += f"; {f.rule} {f.fingerprint} ({f.property} of {f.subject}) "
            if self.entered or self.left:
                text += (
                    f"is the dispute it reviewed, since: {changes_text(self.entered, self.left)}: "
                )
            elif self.holds:
                # (a finding of its rule holding its claims is of their group: a
                # fingerprint of other values)
                text += "holds the claims it reviewed" + (
                    ", under a fingerprint of other values: " if f.rule == self.rule else ": "
                )
            else:
                text += (
                    f"is now the {self.rule} finding on figures of the speakers it reviewed "
                    "(a figure revised since?): "
                )
            text += "it has a review of its own: remove this one" if f.review else "review that one"
        elif self.listed:
            text += ": no finding holds the claims it lists, the disagreement is gone; delete it"
        else:
            text += (
                ": the disagreement it reviewed is gone, or took a new value (which changes "
                "a fingerprint); review what it became, or delete this review (one that "
                "lists its claims is pointed to the finding holding them)"
            )
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "verdict": self.verdict,
            "note": self.note,
            "location": str(self.location),
            "successors": [f.fingerprint for f in self.successors],
            "rule": self.rule,
            "closed": self.closed,
            "revised_by": self.revision.fingerprint if self.revision else None,
            "entered": [dict(c) for c in self.entered],
            "left": [dict(c) for c in self.left],
        }
