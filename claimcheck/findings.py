"""The one findings record, and stable fingerprints.

A :class:`Finding` is serialised once (``model_dump``) and every output format renders
that record. Its ``fingerprint`` depends only on what the finding is about — the rule,
the subject and property, and the ids involved — never on file order or unrelated
claims, so that a ``reviews`` entry keeps acknowledging it from run to run.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
SEVERITY_RANK = {"none": 99, "info": 0, "warning": 1, "error": 2}


def fingerprint(code: str, subject: str | None, prop: str | None, key: Iterable[str]) -> str:
    """A short stable hash of what a finding is about."""
    text = "\x1f".join([code, subject or "", prop or "", *sorted(key)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ReviewMark(BaseModel):
    """The verdict a person recorded on a finding."""

    verdict: str
    note: str | None = None
    by: str | None = None
    on: str | None = None


class Finding(BaseModel):
    """One problem the rules found, with everything a reader needs to act on it."""

    model_config = ConfigDict(frozen=False)

    rule: str
    name: str
    severity: Severity
    subject: str | None
    property: str | None
    claims: list[str]
    message: str
    fingerprint: str
    #: ``path:line:col`` of the record the finding points at (its first claim).
    location: str = ""
    review: ReviewMark | None = None
    #: Rule-specific facts: the values in conflict, the shared sources, ...
    details: dict[str, Any] = Field(default_factory=dict)

    @builtins.property
    def reviewed(self) -> bool:
        return self.review is not None

    def counts_at(self, fail_on: str) -> bool:
        """Whether this finding fails a run with ``--fail-on fail_on``."""
        return not self.reviewed and SEVERITY_RANK[self.severity] >= SEVERITY_RANK[fail_on]


class StaleReview(BaseModel):
    """A review whose finding no longer exists: fix or delete it so reviews do not rot."""

    fingerprint: str
    verdict: str
    note: str | None = None
    location: str
