"""What a rule is: a code, a name, a default severity, a category, typed options and a docstring.

A rule looks at one (subject, property) group at a time (:meth:`Rule.check_group`) or,
for checks on documents, at the store's records (:meth:`Rule.check_store`), and yields
:class:`Draft` findings. It declares a category (:data:`RuleCategory`), which a report
reads to place its findings. The engine — not the rule — stamps the code, the configured
severity, the fingerprint, the location and any review.

A rule's docstring starts with one line saying what it flags, then a paragraph, then
a ``Fails:`` and a ``Passes:`` example: YAML claims (and records) added to the example
store in ``claimcheck/rules/examples.yaml``. A test runs every example through its rule.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.analysis.group import GroupEvidence
from claimcheck.findings import Severity
from claimcheck.model import Claim
from claimcheck.store import Store

#: What a rule's findings are about, which decides where a report shows them: origins
#: that contradict one another (``conflict``), one origin changing or contradicting its
#: own figure (``revision``), a value short of independent support (``gap``), records
#: that cannot all be right as written (``integrity``).
RuleCategory = Literal["conflict", "revision", "gap", "integrity"]
RULE_CATEGORIES: tuple[RuleCategory, ...] = get_args(RuleCategory)


class RuleOptions(BaseModel):
    """Options every rule accepts (none by default); subclasses add typed fields."""

    # strict: a TOML "2" or "yes" is not silently taken for a number or a yes/no
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


@dataclass
class Draft:
    """A finding as a rule reports it, before the engine stamps it."""

    claims: Sequence[Claim]
    message: str
    #: What the finding is about, for its fingerprint (default: the claim ids).
    key: Sequence[str] | None = None
    subject: str | None = None
    property: str | None = None
    #: The id of the record the finding points at (default: its first claim).
    record: str | None = None
    #: For conflicts: the pairs of claim ids that cannot both hold.
    pairs: Sequence[tuple[str, str]] | None = None
    details: dict[str, Any] = field(default_factory=dict)
    #: Of a rule continued by another, or continuing one (:attr:`Rule.continues`): the
    #: origins (:func:`~claimcheck.rules.keys.origin_key`) its values rest on, which
    #: a review carried from one to the other must share; None for a finding no review
    #: is carried to or from (a CC203 whose value is corroborated after all).
    kin_origins: Sequence[str] | None = None
    #: A finding on who said a value, not on its corroboration (a quote naming the wrong
    #: voice): of a gap rule, told on every day of a property that varies, not only the
    #: latest day's (see :attr:`Rule.checks_attribution`).
    attribution: bool = False


@dataclass
class Context:
    """What a rule may read: the store, the evidence, and which records are in scope."""

    store: Store
    evidence: StoreEvidence
    #: When checking candidates: the ids of candidate records (None: everything).
    focus: frozenset[str] | None = None

    def in_focus(self, *ids: str | None) -> bool:
        return self.focus is None or any(i in self.focus for i in ids if i)


class Rule:
    """Base class of every rule. Subclasses set the class variables and one hook."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    category: ClassVar[RuleCategory]
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    #: The property types whose groups the rule looks at (None: every type).
    applies_to: ClassVar[frozenset[str] | None] = None
    #: Rules whose finding this rule's finding continues when more relays of its values
    #: arrive (a value resting on one origin is CC201's until a second outlet relays it,
    #: then CC203's): a review of theirs holds for it (see :mod:`claimcheck.reviews`).
    #: Its drafts say which findings continue one (:attr:`Draft.kin_origins`).
    continues: ClassVar[frozenset[str]] = frozenset()
    #: A gap rule some of whose drafts are about attribution (:attr:`Draft.attribution`):
    #: it runs on every day of a property that varies, where only those drafts are told.
    checks_attribution: ClassVar[bool] = False

    def __init__(self, options: RuleOptions | None = None) -> None:
        self.options = options if options is not None else self.Options()

    def check_group(self, ev: GroupEvidence, ctx: Context) -> Iterable[Draft]:
        """Findings in one (subject, property) group."""
        return ()

    def check_store(self, ctx: Context) -> Iterable[Draft]:
        """Findings about records other than groups (documents)."""
        return ()

    # -- documentation ---------------------------------------------------------------------

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first line: what the rule flags."""
        return cls.doc().splitlines()[0].rstrip(".") if cls.doc() else ""

    @classmethod
    def explanation(cls) -> str:
        """The docstring's text before the examples."""
        body = cls.doc().split("\nFails:", 1)[0]
        return body.strip()

    @classmethod
    def examples(cls) -> dict[str, str]:
        """``{"fails": yaml, "passes": yaml}`` from the docstring."""
        doc = cls.doc()
        out: dict[str, str] = {}
        for label in ("Fails", "Passes"):
            m = re.search(rf"^{label}:\n\n((?:    .*\n|\n)+)", doc + "\n", re.MULTILINE)
            if m:
                out[label.lower()] = textwrap.dedent(m.group(1)).strip() + "\n"
        return out
