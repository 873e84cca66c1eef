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


def word_set(text: str) -> frozenset[str]:
    """The words of a table, written as one string: each is one word."""
    return frozenset(text.split())


#: What a figure measures. The first group are tolls; the others are units.
MEASURES: dict[str, frozenset[str]] = {
    "killed": word_set(
        "killed kill kills killing dead deaths death died die dies fatalities fatality toll lives "
        "losses casualties victims slain tués tué tuée tuées tuant tuer morts mort mortes décès "
        "décédés péri périt pertes perte victimes victime lost lose losing perdant perdu perdus "
        "perdre tombés tombé tombée tombées fell fallen martyrs martyr corps bodies body "
        "succumbed succombé succombés succombée succombées succomber"
    ),
    "wounded": word_set(
        "wounded wounding injured injuring injuries injury hurt blessés blessé blessée blessées "
        "blessant blessures wounds blessure"
    ),
    "missing": word_set(
        "missing disappeared unaccounted disparus disparu disparues manquent manquant manquants"
    ),
    "captured": word_set(
        "captured capturing prisoners prisoner detained arrested hostages kidnapped abducted "
        "prisonniers prisonnier capturés capturé capturées détenus arrêtés otages enlevés enlevé "
        "enlevée enlevées enlever enlevant enlèvement kidnap kidnapping abduction abducting "
        "seized"
    ),
    "displaced": frozenset(
        ["displaced", "fled", "refugees", "déplacés", "déplacées", "réfugiés", "fui"]
    ),
    "destroyed": word_set(
        "destroyed destroying détruits détruit détruites détruite shot downed abattu abattus "
        "abattue abattues détruire destroy"
    ),
    # Killed when it counts people, destroyed when it counts things: see NEUTRALISED.
    "neutralised": word_set(
        "neutralised neutralized neutralisés neutralisé neutralisées neutralisée neutralisant "
        "neutraliser neutralise neutralize"
    ),
    # Freed or released people are no people taken: a figure of them is no toll the
    # store keeps (see OUTRANKING).
    "released": word_set(
        "freed released libérés libéré libérée libérées relâchés relâché relâchée relâchées"
    ),
    "distance": frozenset(
        ["km", "kilometers", "kilometres", "kilometer", "kilometre", "kilomètres", "miles"]
    ),
    "duration": frozenset(["hours", "hour", "heures", "heure"]),
    "munitions": word_set(
        "bombs bomb missiles missile shells rockets munitions bombes bombe obus roquettes"
    ),
    "strength": word_set(
        "troops troop soldiers forces men fighters combatants strength soldats hommes combattants "
        "militaires éléments effectifs"
    ),
}
#: Measures that are tolls: a verb before the figure may carry them ("killing 14").
TOLLS = frozenset(
    {
        "killed",
        "wounded",
        "missing",
        "captured",
        "displaced",
        "destroyed",
        "neutralised",
        "released",
    }
)
#: Words whose measure outranks the others named with them: "three hostages freed"
#: counts people released, not people taken; "two of the wounded succumbed", the dead.
OUTRANKING = MEASURES["released"] | frozenset(
    ["succumbed", "succombé", "succombés", "succombée", "succombées", "succomber"]
)
#: Measures of things that are never a toll, whatever verb follows ("two shells fell").
NOT_TOLLS = frozenset({"munitions", "distance", "duration"})
#: A state that makes a figure a part of a toll ("12 in serious condition", "plusieurs
#: blessés graves"): the store rarely has a property for it.
CONDITION = re.compile(
    r"\b(?:(?:dans un|en) état (?:grave|critique|sérieux)|in (?:a )?(?:serious|critical|"
    r"stable) condition|grièvement|seriously|critically|blessés graves|badly)\b",
    re.IGNORECASE,
)
#: Things, not people: a figure counting them is never a toll of people.
THINGS = frozenset({"vehicles", "aircraft", "buildings"})

#: Whose people (or what things) are counted.
WHO: dict[str, frozenset[str]] = {
    "civilians": word_set(
        "civilians civilian civils civil civile civiles residents inhabitants villagers habitants "
        "villageois"
    ),
    "children": frozenset(
        ["children", "child", "kids", "minors", "enfants", "enfant", "mineurs", "élèves"]
    ),
    "government": word_set(
        "soldiers soldier troops army military government governmental soldats militaires armée "
        "gouvernement gouvernementales gouvernementaux"
    ),
    "rebels": word_set(
        "rebels rebel fighters insurgents militants jihadists attackers assailants terrorists "
        "rebelles rebelle combattants jihadistes djihadistes assaillants terroristes insurgés"
    ),
    "peacekeepers": frozenset(["peacekeepers", "peacekeeper", "casques", "onu"]),
    "vehicles": word_set(
        "vehicles vehicle pickups pick-up pick-ups trucks tanks armoured véhicules véhicule "
        "blindés chars camions"
    ),
    "aircraft": word_set(
        "aircraft plane planes jet jets helicopter helicopters avion avions hélicoptère "
        "hélicoptères aéronef aéronefs"
    ),
    "buildings": word_set(
        "schools school houses homes buildings shops mosques churches écoles école maisons "
        "habitations bâtiments boutiques mosquées églises"
    ),
}
#: People in general: counted, but of no side.
PEOPLE = frozenset(
    ["people", "persons", "person", "individuals", "others", "personnes", "individus", "autres"]
)

#: A figure before one of these is no count: an age, a duration in years, money, a share.
NOT_COUNTS = word_set(
    "years year old ans an year-old years-old months mois weeks semaines days jours percent "
    "pourcent % dollars dollar euros euro francs fcfa cfa usd eur pounds livres $ € £"
)
#: A figure after one of these is no count: a unit number, a page, an age, money.
NOT_COUNTS_BEFORE = word_set(
    "no. n° number numéro unit battalion bataillon regiment régiment brigade page p. pp. article "
    "chapter chapitre resolution résolution aged age âgé âgée âgés $ € £ us$ route highway flight "
    "vol"
)
#: Words that make a figure part of the previous one ("fourteen, including eight children").
PART_OF_PREVIOUS = frozenset(
    ["including", "among", "dont", "parmi", "lesquels", "lesquelles", "whom", "which", "of"]
)
#: ...unless "of" follows a count's own noun: "the toll of 19" states a toll, whole.
COUNT_NOUNS = frozenset(["toll", "tolls", "count", "tally"])
#: A figure after these is a part of a toll named before it ("among the dead, 46
#: children", "parmi les victimes, 12 enfants"): a subset, never the total.
SUBSET = re.compile(
    r"(?:\b(?:including|included|include|includes|among(?: them| whom| the \w+)?|of whom|"
    r"of them|dont|figurent|comprennent|comptent|parmi"
    r"(?: eux| elles| lesquels| lesquelles| les \w+| ces \w+)?)[\s,:]+"
    r"(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
#: "no prisoners", "aucun prisonnier", "no civilians were killed": a count of zero, when
#: a counted noun follows.
ZERO_WORDS = frozenset(["no", "aucun", "aucune", "zero", "zéro", "nul", "nulle"])
#: Counted nouns a zero word may count directly ("no casualties" but not "no toll").
ZERO_NOUNS = word_set(
    "prisoners prisoner prisonniers prisonnier casualties casualty deaths death fatalities "
    "victims victime victimes mort morts blessé blessés hostages otage otages"
)

#: "contre" sets figures apart only before one ("17 morts contre 9 la veille"), not in
#: "une attaque contre le camp".
CONTRE = (
    r"contre(?=\s+(?:[^\W\d]+\s+)?(?:\d|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"onze|douze|une? \w+aine)\b)"
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


def slug(text: str, words: int | None = None) -> str:
    """An id made of ``text``'s words (its first ``words``): ASCII, lower case, joined by
    hyphens; empty when it has none."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join([w for w in re.split(r"[^a-z0-9]+", plain) if w][:words])


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
