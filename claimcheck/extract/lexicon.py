"""The words of casualty reporting, in English and French, grouped by what they mean.

A figure's context ("fourteen civilians", "ont été tués", "twenty kilometers") and a
property's own words (label, aliases, id, unit, description) are both read through
these tables into *concepts*; a figure goes to the property that shares its measure
(killed, wounded, distance...) and most of its people (civilians, soldiers...). One
table, data only: to teach extract a new word, add it here.
"""

from __future__ import annotations

import re
import unicodedata

#: What a figure measures. The first group are tolls; the others are units.
MEASURES: dict[str, frozenset[str]] = {
    "killed": frozenset(
        [
            "killed",
            "kill",
            "kills",
            "killing",
            "dead",
            "deaths",
            "death",
            "died",
            "die",
            "dies",
            "fatalities",
            "fatality",
            "toll",
            "lives",
            "losses",
            "casualties",
            "victims",
            "slain",
            "tués",
            "tué",
            "tuée",
            "tuées",
            "tuant",
            "tuer",
            "morts",
            "mort",
            "mortes",
            "décès",
            "décédés",
            "péri",
            "périt",
            "pertes",
            "victimes",
            "victime",
            "lost",
            "lose",
            "perdu",
            "perdus",
            "perdre",
        ]
    ),
    "wounded": frozenset(
        [
            "wounded",
            "wounding",
            "injured",
            "injuring",
            "injuries",
            "injury",
            "hurt",
            "blessés",
            "blessé",
            "blessée",
            "blessées",
            "blessant",
            "blessures",
            "blessure",
        ]
    ),
    "missing": frozenset(
        [
            "missing",
            "disappeared",
            "unaccounted",
            "disparus",
            "disparu",
            "disparues",
            "manquent",
            "manquant",
            "manquants",
        ]
    ),
    "captured": frozenset(
        [
            "captured",
            "capturing",
            "prisoners",
            "prisoner",
            "detained",
            "arrested",
            "hostages",
            "kidnapped",
            "abducted",
            "prisonniers",
            "prisonnier",
            "capturés",
            "capturé",
            "capturées",
            "détenus",
            "arrêtés",
            "otages",
            "enlevés",
        ]
    ),
    "displaced": frozenset(
        ["displaced", "fled", "refugees", "déplacés", "déplacées", "réfugiés", "fui"]
    ),
    "destroyed": frozenset(
        [
            "destroyed",
            "destroying",
            "détruits",
            "détruit",
            "détruites",
            "détruite",
            "shot",
            "downed",
            "abattu",
            "abattus",
            "abattue",
            "abattues",
        ]
    ),
    # Killed when it counts people, destroyed when it counts things: see NEUTRALISED.
    "neutralised": frozenset(
        [
            "neutralised",
            "neutralized",
            "neutralisés",
            "neutralisé",
            "neutralisées",
            "neutralisée",
            "neutralisant",
        ]
    ),
    "distance": frozenset(
        ["km", "kilometers", "kilometres", "kilometer", "kilometre", "kilomètres", "miles"]
    ),
    "duration": frozenset(["hours", "hour", "heures", "heure"]),
    "munitions": frozenset(
        [
            "bombs",
            "bomb",
            "missiles",
            "missile",
            "shells",
            "rockets",
            "munitions",
            "bombes",
            "bombe",
            "obus",
            "roquettes",
        ]
    ),
    "strength": frozenset(
        [
            "troops",
            "troop",
            "soldiers",
            "forces",
            "men",
            "fighters",
            "combatants",
            "strength",
            "soldats",
            "hommes",
            "combattants",
            "militaires",
            "éléments",
            "effectifs",
        ]
    ),
}
#: Measures that are tolls: a verb before the figure may carry them ("killing 14").
TOLLS = frozenset(
    {"killed", "wounded", "missing", "captured", "displaced", "destroyed", "neutralised"}
)
#: Things, not people: a figure counting them is never a toll of people.
THINGS = frozenset({"vehicles", "aircraft", "buildings"})

#: Whose people (or what things) are counted.
WHO: dict[str, frozenset[str]] = {
    "civilians": frozenset(
        [
            "civilians",
            "civilian",
            "civils",
            "civil",
            "residents",
            "inhabitants",
            "villagers",
            "habitants",
            "villageois",
        ]
    ),
    "children": frozenset(
        ["children", "child", "kids", "minors", "enfants", "enfant", "mineurs", "élèves"]
    ),
    "government": frozenset(
        [
            "soldiers",
            "soldier",
            "troops",
            "army",
            "military",
            "government",
            "governmental",
            "soldats",
            "militaires",
            "armée",
            "gouvernement",
            "gouvernementales",
            "gouvernementaux",
        ]
    ),
    "rebels": frozenset(
        [
            "rebels",
            "rebel",
            "fighters",
            "insurgents",
            "militants",
            "jihadists",
            "attackers",
            "assailants",
            "terrorists",
            "rebelles",
            "rebelle",
            "combattants",
            "jihadistes",
            "djihadistes",
            "assaillants",
            "terroristes",
            "insurgés",
        ]
    ),
    "peacekeepers": frozenset(["peacekeepers", "peacekeeper", "casques", "onu"]),
    "vehicles": frozenset(
        [
            "vehicles",
            "vehicle",
            "pickups",
            "pick-up",
            "pick-ups",
            "trucks",
            "tanks",
            "armoured",
            "véhicules",
            "véhicule",
            "blindés",
            "chars",
            "camions",
        ]
    ),
    "aircraft": frozenset(
        [
            "aircraft",
            "plane",
            "planes",
            "jet",
            "jets",
            "helicopter",
            "helicopters",
            "avion",
            "avions",
            "hélicoptère",
            "hélicoptères",
            "aéronef",
            "aéronefs",
        ]
    ),
    "buildings": frozenset(
        [
            "schools",
            "school",
            "houses",
            "homes",
            "buildings",
            "shops",
            "mosques",
            "churches",
            "écoles",
            "école",
            "maisons",
            "habitations",
            "bâtiments",
            "boutiques",
            "mosquées",
            "églises",
        ]
    ),
}
#: People in general: counted, but of no side.
PEOPLE = frozenset(
    ["people", "persons", "person", "individuals", "others", "personnes", "individus", "autres"]
)

#: A figure before one of these is no count: an age, a duration in years, money, a share.
NOT_COUNTS = frozenset(
    [
        "years",
        "year",
        "old",
        "ans",
        "an",
        "year-old",
        "years-old",
        "months",
        "mois",
        "weeks",
        "semaines",
        "days",
        "jours",
        "percent",
        "pourcent",
        "%",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "francs",
        "fcfa",
        "cfa",
        "usd",
        "eur",
        "pounds",
        "livres",
        "$",
        "€",
        "£",
    ]
)
#: A figure after one of these is no count: a unit number, a page, an age, money.
NOT_COUNTS_BEFORE = frozenset(
    [
        "no.",
        "n°",
        "number",
        "numéro",
        "unit",
        "battalion",
        "bataillon",
        "regiment",
        "régiment",
        "brigade",
        "page",
        "p.",
        "pp.",
        "article",
        "chapter",
        "chapitre",
        "resolution",
        "résolution",
        "aged",
        "age",
        "âgé",
        "âgée",
        "âgés",
        "$",
        "€",
        "£",
        "us$",
        "route",
        "highway",
        "flight",
        "vol",
    ]
)
#: Words that make a figure part of the previous one ("fourteen, including eight children").
PART_OF_PREVIOUS = frozenset(
    ["including", "among", "dont", "parmi", "lesquels", "lesquelles", "whom", "which", "of"]
)
#: A figure after these is a part of a toll named before it ("among the dead, 46
#: children", "parmi les victimes, 12 enfants"): a subset, never the total.
SUBSET = re.compile(
    r"(?:\b(?:including|among(?: them| whom| the \w+)?|of whom|of them|dont|parmi"
    r"(?: eux| elles| lesquels| lesquelles| les \w+| ces \w+)?)[\s,:]+"
    r"(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
#: "no prisoners", "aucun prisonnier", "no civilians were killed": a count of zero, when
#: a counted noun follows.
ZERO_WORDS = frozenset(["no", "aucun", "aucune", "zero", "zéro", "nul", "nulle"])
#: Counted nouns a zero word may count directly ("no casualties" but not "no toll").
ZERO_NOUNS = frozenset(
    [
        "prisoners",
        "prisoner",
        "prisonniers",
        "prisonnier",
        "casualties",
        "casualty",
        "deaths",
        "death",
        "fatalities",
        "victims",
        "victime",
        "victimes",
        "mort",
        "morts",
        "blessé",
        "blessés",
        "hostages",
        "otage",
        "otages",
    ]
)

_RE_TOKEN = re.compile(r"[\w$€£%°.'-]+")


def fold(text: str) -> str:
    """Lower case, NFC, plain apostrophes."""
    return unicodedata.normalize("NFC", text).replace("’", "'").lower()


def tokens(text: str) -> list[str]:
    """Words of ``text``, folded, without trailing dots or elided articles (``l'armée``)."""
    out = []
    for t in _RE_TOKEN.findall(fold(text)):
        if "'" in t:
            t = t.rsplit("'", 1)[-1]
        t = t.strip(".-'")
        if t:
            out.append(t)
    return out


def measures_of(words: list[str]) -> list[str]:
    """The measures named by ``words``, in order of first mention."""
    found: list[str] = []
    for w in words:
        for concept, vocabulary in MEASURES.items():
            if w in vocabulary and concept not in found:
                found.append(concept)
    return found


def who_of(words: list[str]) -> set[str]:
    """The people (or things) named by ``words``."""
    return {concept for w in words for concept, vocabulary in WHO.items() if w in vocabulary}
