"""A reusable vocabulary of properties for contested events: what claims are about.

``claimcheck init`` writes it into a new store's ``properties.yaml``; ``claimcheck
extract`` proposes properties from it. Each property has an English ``label`` and
``aliases`` in English and French, the words sources use for it (``tués``, ``blessés``),
for matching text to the store. Tolls that later reports revise upward are
``cumulative``: a higher figure given while the event is under way is growth, not a
conflict.
"""

from __future__ import annotations

from typing import NamedTuple

from claimcheck.model import Property


class PropertyGroup(NamedTuple):
    """Properties that belong together, under a heading in ``properties.yaml``."""

    heading: str
    properties: tuple[Property, ...]


def _toll(
    id: str, label: str, description: str, aliases: list[str], tolerance: str | None = None
) -> Property:
    return Property(
        id=id,
        type="quantity",
        unit="people",
        cumulative=True,
        label=label,
        description=description,
        aliases=aliases,
        tolerance=tolerance,
    )


GROUPS: tuple[PropertyGroup, ...] = (
    PropertyGroup(
        "tolls: running totals, revised upward as reports come in",
        (
            _toll(
                "killed",
                "Killed",
                "People killed, fighters and civilians alike. Counts 3% apart agree "
                "(347 and 355 do; 10 and 12 do not).",
                ["dead", "deaths", "fatalities", "death toll", "tués", "morts", "décès"],
                tolerance="3%",
            ),
            _toll(
                "civilians_killed",
                "Civilians killed",
                "Civilians among the people killed. Counts 3% apart agree.",
                ["civilian deaths", "civilian dead", "civils tués", "victimes civiles"],
                tolerance="3%",
            ),
            _toll(
                "wounded",
                "Wounded",
                "People injured. Counts are rougher: 5% apart agree.",
                ["injured", "hurt", "injuries", "blessés", "blessures"],
                tolerance="5%",
            ),
            _toll(
                "missing",
                "Missing",
                "People unaccounted for. The figure falls as people are found: "
                "CC106 flags a decrease for you to check.",
                ["unaccounted for", "disappeared", "disparus", "portés disparus"],
            ),
            _toll(
                "captured",
                "Captured",
                "People taken prisoner or detained.",
                ["prisoners", "detained", "taken prisoner", "prisonniers", "capturés", "détenus"],
            ),
            _toll(
                "displaced",
                "Displaced",
                "People forced to leave their homes. Counts are estimates: 10% apart agree.",
                ["displaced people", "fled", "refugees", "déplacés", "réfugiés", "ont fui"],
                tolerance="10%",
            ),
            Property(
                id="vehicles_destroyed",
                type="quantity",
                unit="vehicles",
                cumulative=True,
                label="Vehicles destroyed",
                description="Vehicles destroyed or put out of action.",
                aliases=["vehicles lost", "véhicules détruits", "véhicules neutralisés"],
            ),
        ),
    ),
    PropertyGroup(
        "when",
        (
            Property(
                id="date",
                type="date",
                label="Date",
                description="The day (or the span of uncertainty) of an event of one day.",
                aliases=["day", "jour"],
            ),
            Property(
                id="start",
                type="date",
                label="Start",
                description="The first day of an event that lasted several days.",
                aliases=["began", "started", "début", "a commencé"],
            ),
            Property(
                id="end",
                type="date",
                label="End",
                description="The last day of an event that lasted several days.",
                aliases=["ended", "finished", "fin", "a pris fin"],
            ),
        ),
    ),
    PropertyGroup(
        "who won, who did it, who holds what",
        (
            Property(
                id="outcome",
                type="category",
                label="Outcome",
                description="Who prevailed. Edit the values to fit your event "
                "(government-advantage, rebel-advantage...).",
                values=["attacker-victory", "defender-victory", "inconclusive", "ceasefire"],
                aliases=["result", "won", "victory", "issue", "résultat", "victoire"],
            ),
            Property(
                id="responsible",
                type="entity",
                label="Responsibility",
                description="The party that carried it out or is to blame: rival "
                "attributions conflict.",
                aliases=["carried out by", "blamed on", "perpetrator", "responsable", "auteur"],
            ),
            Property(
                id="controlled_by",
                type="entity",
                label="Control of a place",
                description="The party holding the place (the subject) at the end of the "
                "event: a change of hands over time is a subject of its own.",
                aliases=["held by", "in control", "seized", "contrôlé par", "aux mains de"],
            ),
        ),
    ),
)

#: Every property of the vocabulary, in the order ``properties.yaml`` lists them.
VOCABULARY: tuple[Property, ...] = tuple(p for group in GROUPS for p in group.properties)
