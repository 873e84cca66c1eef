"""GroupEvidence: what the claims of one (subject, property) group say about each other.

Every rule, the grades and the estimates work on groups, never on all pairs of a store.
For a group this module finds the distinct *statements* (one value, asserted or
denied), the *origins* behind its claims, the *units* that count for corroboration, and
which units stand for or against each statement — the analyst's model of DESIGN §2:

* A claim's **origin** is who first said it (:meth:`Provenance.origin_key`): its
  claimant, with the parties it is ``part_of``; or an outlet's own reporting, one with
  the outlets of its owner. A relaying outlet never merges the claimants it quotes. An
  outlet's own reporting in a document citing another that carries the same value is
  that value's origin; own reporting of one value in documents citing a common document
  is one origin; so are suspected relays (CC206) until a person disputes them.
* A **unit** counts once for corroboration: a neutral origin, or every interested
  claimant of one side together (allies repeating each other corroborate nothing).
  Conflicts count every origin.
* A claim **supports** a value when its own value implies it, open bounds included (20
  does not support "more than 20"); for a single-valued category or entity, asserting X
  supports "not Y". Two asserted values **conflict** when no single truth satisfies both;
  an assertion conflicts with a denial of what it implies.
* For a cumulative toll, each origin's **latest** figure is its evidence (an earlier one
  is superseded), and a count that a later, higher figure of another origin overtakes
  is **growth**, not a dispute: while the subject was under way (between stakes, only a
  modest or a late rise), and after it ended by a count of the same stake (see
  :func:`.growth.outgrows`).
* Only **cited** claims count as evidence; unknown values and text say nothing.

Nothing here compares all pairs of a group: statements are compared with the few units
(or, for conflicts, the extreme claims of other origins), through sorted bounds. How two
values or statements relate (implies, excludes, supports, conflicts) is
:mod:`.value_relations`'; the claims no source stands behind are :mod:`.unsourced`'s.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from claimcheck.analysis.conflicts import find_clusters, find_conflicts, statements_agree
from claimcheck.analysis.credit import (
    carry_relays,
    credited_relays,
    declared_relays,
    looser_relays,
)
from claimcheck.analysis.growth import outgrows
from claimcheck.analysis.growth_aside import over_time_once
from claimcheck.analysis.latest_figures import LatestFigures, find_latest_figures
from claimcheck.analysis.origins import compute_origins
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.relays import (
    cites_components,
    find_relays,
    unattributed_side_figures,
    undisputed_relays,
)
from claimcheck.analysis.retracted import relays_of_retracted
from claimcheck.analysis.rival_disputes import disputed_counts
from claimcheck.analysis.stance_conflicts import find_stance_conflicts
from claimcheck.analysis.statements import (
    Conflicts,
    Statement,
    Tally,
    Thresholds,
    Unit,
    find_statements,
    tolerance_of,
)
from claimcheck.analysis.supporting import supporting_claims
from claimcheck.analysis.tallies import tally_statement
from claimcheck.analysis.timing import before, find_repeats, subject_end
from claimcheck.analysis.units import compute_units, interested_side, link_reasons, subject_sides
from claimcheck.analysis.unsourced import unsourced
from claimcheck.analysis.value_relations import ValueRelations
from claimcheck.model import Claim, Property, Subject
from claimcheck.store import Store
from claimcheck.values import DateRange, Value

_MISSING = object()


class GroupEvidence(ValueRelations):
    """The claims of one (subject, property) group and how they bear on each other.

    Computed on first use and kept: statements, origins, units, each statement's tally,
    the conflicts — so that the rules, the grades and the estimates share one analysis.
    """

    def __init__(
        self,
        store: Store,
        provenance: Provenance,
        key: tuple[str, str],
        claims: Sequence[Claim],
        thresholds: Thresholds = Thresholds(),
        value_keys: dict[int, object] | None = None,
        day: DateRange | None = None,
    ) -> None:
        self.store = store
        #: For a property that varies (``varies``), the day whose values these are: the
        #: group holds that day's claims (:meth:`StoreEvidence.groups`).
        self.day = day
        #: A statement key per parsed value object, shared by the groups of one store.
        self.value_keys: dict[int, object] = value_keys if value_keys is not None else {}
        self.statement_by_claim: dict[str, Statement] = {}
        self.provenance = provenance
        self.subject_id, self.property_id = key
        self.prop: Property | None = store.properties.get(self.property_id)
        self.subject: Subject | None = store.subjects.get(self.subject_id)
        prop = self.prop
        #: What the property says of its values (read on every comparison: kept as is).
        self.single: bool = prop is None or prop.single
        self.type: str = prop.type if prop else "text"
        self.cumulative: bool = bool(prop and prop.cumulative)
        #: Values are intervals (quantities, dates), compared through their bounds.
        self.interval: bool = self.type in ("quantity", "date")
        self.thresholds = thresholds
        #: Every claim given, and the active ones with a readable value, in store order.
        self.all_claims: list[Claim] = list(claims)
        #: The active ones with a readable value: what the store's integrity rules read.
        self.recorded: list[Claim] = [c for c in claims if c.active and c.parsed is not None]
        #: Those judged: all but the claims relaying a retracted one, left out of every
        #: judgement like it (id -> the retracted claim: see
        #: :func:`~claimcheck.analysis.retracted.relays_of_retracted`).
        self.claims = self.recorded
        self.relaying_retracted: dict[str, Claim] = {}
        if len(self.recorded) != len(self.all_claims):
            found = relays_of_retracted(
                self.recorded,
                self.all_claims,
                provenance.cited_sorted,
                provenance.published,
                provenance.party_voice,
                provenance.origin_key,
            )
            if found:
                self.relaying_retracted = found
                self.claims = [c for c in self.recorded if c.id not in found]
        self.tolerance = tolerance_of(self.prop, self.thresholds)
        self.statements: list[Statement]
        self.statements, self._quoted = find_statements(
            self.claims, self.value_keys, self.statement_by_claim
        )
        self._relays: list[list[Claim]] | None = None
        self._relay_candidates: list[list[Claim]] | None = None
        self._units: dict[str, Unit] | None = None
        self._admitting: Unit | None = None
        self._latest: LatestFigures | None = None
        self._repeats: dict[str, DateRange] | None = None
        #: A relay's source: the claim whose value it carries (see :attr:`credited`).
        self.relayed_from: dict[str, Claim] = {}
        #: Why a relay is credited to its source, in words.
        self.relay_reasons: dict[str, list[str]] = {}
        #: Quotes naming a voice for what the document they cite gives as another's:
        #: id → that document (see :func:`~claimcheck.analysis.origins.compute_origins`).
        self.misattributed: dict[str, str] = {}
        #: Encyclopedias' ranges spanning figures their citations give in different
        #: voices: id -> those voices (:func:`~.attribution.tertiary_source`; uncited).
        self.summaries: dict[str, list[str]] = {}
        self._unit_spans: list[tuple[Unit, Any, Any, list[Claim]]] | None = None
        self._sides: set[str] | None = None
        self._end: dt.date | object | None = _MISSING
        #: Relays that count as a statement their own words do not state (a "23"
        #: relaying "at least 23"): id → the value of their own words (see
        #: :func:`~claimcheck.analysis.credit.carry_relays`).
        self.reworded: dict[str, Value] = {}
        #: Scratch space for rules sharing work within the group (see rules.common).
        self.memo: dict[str, object] = {}
        # Origins first: a relay counts as what it relays for everything that weighs the
        # statements (see carry_relays), so they are settled before any is read.
        self._origin, self._credit = compute_origins(self)
        if self.relayed_from:
            carry_relays(self)
        #: Claims citing something that stands behind nothing: an encyclopedia's figure
        #: its citations do not give, and a relay of a figure resting on an encyclopedia
        #: alone — judged as uncited (see :func:`~.unsourced.unsourced`).
        self.unsourced: frozenset[str] = unsourced(self)

    # -- origins and units ------------------------------------------------------------------

    @property
    def origins_by_claim(self) -> dict[str, int]:
        """Each claim's origin (who said it), as an index; claims of one origin share it."""
        return self._origin

    @property
    def credited(self) -> dict[str, int]:
        """The origin each claim's value is credited to: its own, or — for a relay (an
        outlet's own reporting in a document citing one that carries the value; own
        reporting of one value in documents citing one document; a suspected relay) —
        the origin it relays. Local to the value: relaying a figure does not make the
        relaying outlet one with its source on anything else."""
        return self._credit

    def voice(self, claim: Claim) -> str:
        """Who speaks in ``claim``, in words (:meth:`Provenance.speaker`) — for a quote
        naming a voice for another's word (:attr:`misattributed`), that other."""
        if claim.id in self.misattributed:
            claim = self.relayed_from[claim.id]
        return self.provenance.speaker(claim)

    def origin_of(self, claim: Claim) -> int:
        return self.origins_by_claim[claim.id]

    def declared_relays(self) -> list[str]:
        """The relays the store's records make (citations, attributions in one article),
        not the suspected ones (a shared quote: which carries which is a guess)."""
        return declared_relays(self)

    def credited_relays(self) -> dict[str, str | None]:
        """The claims whose figure is another origin's word, as an outlet's record reads
        them: the declared relays, and an origin's old figure still in print after it
        revised it (not the suspected relays); each with the claim it carries, or None
        where that is a choice among equals."""
        return credited_relays(self)

    def looser_relays(self) -> dict[str, Claim]:
        """Declared relays that keep their own, looser words ("about 40" citing a 41,
        see carry_relays): id → the claim whose figure they relay."""
        return looser_relays(self)

    def link_reasons(self, claims: Sequence[Claim]) -> set[str]:
        """Why these claims of different outlets are credited to fewer origins, in words
        (CC203): the relays among them, and origins spanning several outlets."""
        return link_reasons(self, claims)

    @property
    def sides(self) -> set[str]:
        """The sides involved in the subject, inherited from what it is part of."""
        if self._sides is None:
            self._sides = subject_sides(self.store, self.subject)
        return self._sides

    def interested_side(self, claim: Claim) -> str | None:
        """The involved side a claim's claimant speaks for, or None (a neutral claimant)."""
        return interested_side(self, claim)

    @property
    def units(self) -> dict[str, Unit]:
        """Each claim's unit for corroboration: its origin, or its origin's side."""
        if self._units is None:
            self._units, self._admitting = compute_units(self)
        return self._units

    @property
    def admitting(self) -> Unit | None:
        """The unit of a side speaking against its interest, if any (found with the
        units: see :func:`~claimcheck.analysis.units.compute_units`)."""
        self.units  # noqa: B018 (computes it)
        return self._admitting

    def unit_of(self, claim: Claim) -> Unit:
        return self.units[claim.id]

    # -- evidence: latest figures, growth ---------------------------------------------------

    @property
    def end(self) -> dt.date | None:
        """The subject's last day (or its nearest ``part_of``'s); None when open."""
        if self._end is _MISSING:
            self._end = subject_end(self.store, self.subject)
        return self._end  # type: ignore[return-value]

    def when(self, claim: Claim) -> DateRange | None:
        """When a figure holds: as :meth:`said_on` dates it, or for a relay as its
        source — Le Monde repeating on the 9th the agency's toll of the 8th speaks as of
        the 8th; a relay of an undated source, as the relay is dated."""
        if self._repeats is None:
            self._repeats = find_repeats(self)
        return _held(claim, self.relayed_from, self._repeats)

    def when_of(self, claims: Iterable[Claim]) -> dict[str, DateRange | None]:
        """:meth:`when` for each of ``claims``, by id (at once: asked of every figure of
        a running toll)."""
        if self._repeats is None:
            self._repeats = find_repeats(self)
        relayed, repeats = self.relayed_from, self._repeats
        return {c.id: _held(c, relayed, repeats) for c in claims}

    def said_on(self, claim: Claim) -> DateRange | None:
        """When a claim's speaker said it: its ``as_of``, or for a party's old figure
        quoted again later without a date, when the party first gave it (see
        :func:`~claimcheck.analysis.timing.find_repeats`)."""
        if self._repeats is None:
            self._repeats = find_repeats(self)
        return self._repeats.get(claim.id, claim.as_of)

    def provisional(self, claim: Claim) -> bool:
        """A count of its day, that a later, higher figure may overtake: a dated one (its
        ``as_of``, or its source's for a relay). Given while the subject was under way,
        a later figure of any stake may overtake it; given on the last day or after the
        subject ended, fewer do (see :func:`~claimcheck.analysis.growth.outgrows`)."""
        as_of = self.when(claim)
        return as_of is not None and as_of.known

    def growth(self, first: Claim, later: Claim) -> bool:
        """Whether ``later`` (higher) only overtakes ``first``: a running toll growing
        (see :func:`~claimcheck.analysis.growth.outgrows`)."""
        return (
            self.cumulative
            and self.thresholds.cumulative_growth
            and self.provisional(first)
            and before(self.when(first), self.when(later))
            and outgrows(self, first, later)
        )

    @property
    def latest(self) -> LatestFigures:
        """Which figures still stand: worked out once, when first asked."""
        if self._latest is None:
            self._latest = find_latest_figures(self, disputed_counts)
        return self._latest

    @property
    def counted(self) -> list[Claim]:
        """The claims that count for and against values: cited, each origin's latest
        word (:func:`~.latest_figures.said_since`), and for a cumulative toll each
        origin's latest figure, less interim figures later ones overtook."""
        return self.latest.counted

    @property
    def superseded(self) -> dict[str, Claim]:
        """Figures of a running toll their own origin has since revised, and words its
        later word replaced (a property with one true value): id → the newer."""
        return self.latest.superseded

    @property
    def earlier(self) -> set[str]:
        """Figures of a running toll older than their origin's latest (some still stand,
        implied by the latest: "at least 12" before "17"), and words replaced by a later
        one; estimates leave them out."""
        return self.latest.earlier

    @property
    def overtaken(self) -> dict[str, Claim]:
        """Interim figures another origin's later, higher figure overtook: id → that one."""
        return self.latest.overtaken

    # -- tallies --------------------------------------------------------------------------------

    #: Tallies by the exact walk — each statement against every unit — instead of the
    #: sweep over sorted bounds: the reference the property tests hold the sweep to.
    exact_tallies = False
    #: The sweep pays from this many (statement, unit) pairs on: smaller groups walk.
    sweep_from = 256

    def tally(self, st: Statement) -> Tally:
        """The units of evidence supporting and contradicting a statement: by the sweep
        for a big group of quantities or dates, all at once where nobody can be against
        anyone (:func:`~.tallies.uncontested_tallies`), else by the walk."""
        if st.tally is None:
            tally_statement(self, st)
        return over_time_once(self, st)

    def support(self, st: Statement) -> list[Claim]:
        """The evidence claims whose own statement supports this one, in store order."""
        return supporting_claims(self, st)

    # -- conflicts ------------------------------------------------------------------------------

    def conflicts(self) -> Conflicts:
        """Asserted values of different origins that cannot both hold (CC101–CC103)."""
        found = self.memo.get("conflicts")
        if found is None:
            found = self.memo["conflicts"] = find_conflicts(self)
        return found  # type: ignore[return-value]

    @property
    def agreeing(self) -> bool:
        """Whether no two statements of the group can conflict: every asserted value
        allows some common truth and nothing is denied (most groups). Checked once, from
        the highest lower bound and the lowest upper bound."""
        found = self.memo.get("agreeing")
        if found is None:
            found = self.memo["agreeing"] = statements_agree(self)
        return found  # type: ignore[return-value]

    def stance_conflicts(self) -> Conflicts:
        """Assertions of one origin against denials of another (CC104)."""
        return find_stance_conflicts(self)

    def clusters(self) -> list[list[Claim]]:
        """The group's claims in clusters that agree: within a cluster every value can
        hold with every other; each denial stands alone, after the assertions."""
        return find_clusters(self)

    def by_origin(self) -> dict[int, list[Claim]]:
        """The group's informative claims by origin, in store order."""
        found = self.memo.get("by_origin")
        if found is None:
            origin = self.origins_by_claim
            out: dict[int, list[Claim]] = defaultdict(list)
            for c in self.claims:
                if c.id in self.statement_by_claim:
                    out[origin[c.id]].append(c)
            found = self.memo["by_origin"] = dict(out)
        return found  # type: ignore[return-value]

    # -- suspected relays (CC206) -----------------------------------------------------------------

    def relay_candidates(self) -> list[list[Claim]]:
        """Claims of different outlets carrying one quote for one value, in documents that
        neither cite one another nor a common document."""
        if self._relay_candidates is None:
            self._relay_candidates = find_relays(self)
        return self._relay_candidates

    def unattributed_side_figures(self) -> dict[str, Claim]:
        """Outlets' own figures that are probably a side's word printed without its
        name, disputed or not: id -> the side's claim
        (:func:`.relays.unattributed_side_figures`)."""
        found = self.memo.get("unattributed_side_figures")
        if found is None:
            found = self.memo["unattributed_side_figures"] = unattributed_side_figures(self)
        return found  # type: ignore[return-value]

    def relays(self) -> list[list[Claim]]:
        """Suspected relays still counted as one origin (not marked ``disputed``)."""
        if self._relays is None:
            self._relays = undisputed_relays(self)
        return self._relays

    def cites_components(self, docs: Iterable[str]) -> list[list[str]]:
        """Documents in groups ``cites`` joins (:func:`~.relays.cites_components`)."""
        return cites_components(self.provenance, docs)


def _held(
    claim: Claim, relayed: dict[str, Claim], repeats: dict[str, DateRange]
) -> DateRange | None:
    """:meth:`GroupEvidence.when` of a claim, from the relays' sources and the dates of
    old figures quoted again (:func:`~claimcheck.analysis.timing.find_repeats`)."""
    source = relayed.get(claim.id)
    if source is not None:
        said = repeats.get(source.id, source.as_of)
        if said is not None and said.known:
            return said
    return repeats.get(claim.id, claim.as_of)
