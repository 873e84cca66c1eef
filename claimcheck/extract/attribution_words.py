"""The words by which an article says who speaks, in English and French.

Speech verbs ("said", "a indiqué") and denials ("denied", "dément"); "according to",
"selon"; a document named for its author ("le communiqué", "the statement") and the
words that credit its author ("publié par"); a count named for whose it is ("the
hospital's count", "le bilan de l'armée"); pronouns and phrases that point back to a
speaker named before ("a-t-il dit", "the same sources", "le mouvement"); the words
that make a name an object ("told Reuters") or no name at all. Patterns only:
:mod:`.attribution` reads a sentence with them.
"""

from __future__ import annotations

import re

from claimcheck.extract.lexicon import CONTRE, word_set

_ACCORDING_TO_WORDS = (
    r"according to|selon|d'après|cited by|quoted by|cité par|citant|per|"
    r"(?:a-t-on |on a |ont |a )?appris(?: [\w']+){0,3}? (?:de|d'|auprès de|auprès d'|auprès des)|"
    r"learn[et] from"
)
_SPEECH_VERB_WORDS = (
    r"said|says|say|stated|states|claimed|claims|claim|announced|announces|reported|reports|"
    r"told|added|confirmed|confirms|declared|declares|estimated|estimates|indicated|"
    r"revealed|acknowledged|admitted|insisted|wrote|tweeted|posted|counted|put the toll|"
    r"issued|released|"
    r"a indiqué|indique|ont indiqué|a déclaré|déclare|ont déclaré|a annoncé|annonce|"
    r"ont annoncé|a revendiqué|revendique|ont revendiqué|a affirmé|affirme|ont affirmé|"
    r"affirment|a précisé|précise|a assuré|assure|rapporte|a rapporté|a fait état|fait état|"
    r"font état|a confirmé|confirme|a ajouté|ajoute|a estimé|estime|a reconnu|reconnaît|"
    r"a dénombré|a communiqué|a publié|a écrit|a dit|dit|a confié|a souligné|souligne|"
    r"a expliqué|explique|a raconté|raconte|a signalé|signale|annoncent|indiquent|assurent|"
    r"ont publié|a publié|publie|published|déplore|déplorent|a déploré|évoque|évoquent|"
    r"a évoqué|avance|avancent|a avancé|a dressé|dresse|faisait état|faisaient état|"
    r"avait fait état|avaient fait état|put|puts|gave|gives|a livré|livre|a recensé|recense|"
    r"spoke|a parlé|s'est exprimé|prétend|prétendent|a prétendu|a décrit|décrit|described|"
    r"describes|a fait le point|"
    r"raconté|ajouté|précisé|expliqué|souligné|confié|assuré|affirmé|indiqué|déclaré|estimé|"
    r"annoncé|revendiqué|reconnu|confirmé|rapporté|signalé"
)
_DENIAL_WORDS = (
    r"denied|denies|deny|rejected|rejects|refuted|refutes|disputed|disputes|dismissed|"
    r"dément|démentent|a démenti|ont démenti|démenti|a rejeté|rejette|ont rejeté|"
    r"conteste|a contesté|contestent|réfute|a réfuté"
)
#: "according to", "selon", "d'après", "appris auprès de": who speaks follows.
ACCORDING_TO = re.compile(rf"(?<![\w'])(?:{_ACCORDING_TO_WORDS})\s+", re.IGNORECASE)
#: A speech verb or a denial, as group ``verb``.
SPEECH_VERB = re.compile(
    rf"(?<![\w'])(?P<verb>{_DENIAL_WORDS}|{_SPEECH_VERB_WORDS})(?![\w])", re.IGNORECASE
)
#: The whole of a denial verb: its speaker's stance is ``denies``.
DENIAL = re.compile(rf"^(?:{_DENIAL_WORDS})$", re.IGNORECASE)
#: Verbs whose next name is who was told ("told Reuters"), not who spoke.
TOLD = re.compile(r"^(?:told|a confié|a dit|a déclaré|said|a indiqué)$", re.IGNORECASE)
_STATEMENT = re.compile(
    r"communiqué|in a statement|in a press release|press release|statement|"
    r"conférence de presse|press conference|déclaration",
    re.IGNORECASE,
)
_VERB_AND_COLON = re.compile(rf"(?:{_SPEECH_VERB_WORDS})\s*:")


def quotes_statement(text: str) -> bool:
    """Whether a sentence quotes a statement ("dans un communiqué", "in a statement", a
    verb and a colon): its claimant carries to the sentences that follow."""
    return bool(_STATEMENT.search(text)) or bool(_VERB_AND_COLON.search(text))


#: A document named in place of its author: "le communiqué", "the statement", "ce bilan".
DOCUMENT = re.compile(
    r"^(?:(?:the|this|that|its|le|la|l'|ce|cette|son|sa|leur|même|same|\s)*"
    r"(?:same\s+|même\s+)?(?:communiqué|statement|press release|report|rapport|document|"
    r"bilan|déclaration|text|texte|note|message|source|sources? officielles?)|"
    # "an audio message", "une vidéo": a document, but "a source" is someone
    r"(?:an?|une?)\s+(?:audio\s+|video\s+|new\s+|nouveau\s+|nouvelle\s+)?(?:communiqué|"
    r"statement|press release|report|rapport|message|recording|enregistrement|video|"
    r"vidéo|déclaration))\b",
    re.IGNORECASE,
)
#: Words before a name that make it an object ("told Reuters", "à RFI", "by the army").
OBJECT_BEFORE = re.compile(
    r"(?:\bto|\bà|\bau|\bby|\bpar|\bwith|\bavec|\bfrom|\bagainst|\bcontre|\btold|"
    # a channel: "read on state television", "à l'antenne de la radio nationale"
    r"\bon|\bsur|\bat|\bvia|\bthrough|\bantenne de|\bantenne d')\s*$",
    re.IGNORECASE,
)
#: Words that point back to a speaker named before: "the same sources", "ces mêmes
#: sources", "ce dernier", "the latter".
POINTS_BACK = re.compile(
    r"^(?:(?:the|these|those|this|that|ces|cette|ce|les|la|le|l')\s*)?(?:same|mêmes?)\s+\w+"
    r"|^(?:ce dernier|cette dernière|ces derniers|ces dernières|the latter|celui-ci|celle-ci)\b",
    re.IGNORECASE,
)
#: A generic noun for an armed group: the one last named, never a new id ("le
#: mouvement", "the group").
GENERIC_GROUP = re.compile(
    r"^(?:(?:the|this|that|le|la|l'|ce|cette)\s*(?:movement|mouvement|group|groupe|"
    r"organisation|organization|formation)|(?:(?:the|les|des)\s+)?(?:rebels?|rebelles?|"
    r"militants|insurgents|insurgés|jihadists|jihadistes|djihadistes))$",
    re.IGNORECASE,
)
#: The kind of party a generic noun points back to.
GROUP = "armed-group"
#: Clause marks a subject is not looked for across.
CLAUSE_BREAK = re.compile(
    rf";|\s[-–—]\s|\b(?:while|whereas|but|tandis que|alors que|mais|{CONTRE})\b", re.IGNORECASE
)
#: Words that show a phrase is no name: verbs, auxiliaries, conjunctions.
NOT_A_NAME = word_set(
    "was were is are been be had has have did do not that which who there it this these "
    "what when if a ont été est sont avait avaient que qui qu ne pas y ce il elle ils "
    "elles on nous we i they he she you vous je also aussi then puis and et lui eux "
    # adverbs between an auxiliary and its participle: "a toutefois indiqué"
    "toutefois également cependant pourtant ensuite enfin encore notamment however "
    "further later again still already déjà"
)
#: What ends the text before a verb whose speaker follows it ("…, a indiqué l'armée",
#: "ce que dément l'armée", "as the army said").
SPEAKER_FOLLOWS = re.compile(
    r"(?:[,«»\"“”:]|\bce qu(?:e\s|')|\bas\s|\bcomme\s|\bwhich\s)\s*$", re.IGNORECASE
)
#: Pronouns that speak for a speaker named before ("he said", "a-t-il dit").
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci"]
)
#: "…, a-t-il dit", "said he": a pronoun after the verb.
PRONOUN_AFTER = re.compile(r"^(?:-t-|-)?(?:il|elle|ils|elles|he|she|they)\b", re.IGNORECASE)
#: "a-t-il", "ont-ils", "avait-elle" just before a participle: a pronoun speaks.
AUXILIARY_PRONOUN = re.compile(
    r"(?:^|[\s,«»\"“”])(?:a|ont|avait|avaient)-(?:t-)?(?P<who>il|elle|ils|elles)\s*$", re.I
)
#: An article before a name: "the", "l'", "des"...
LEADING_ARTICLE = re.compile(r"^(?:(?:the|a|an|le|la|les|un|une|des)\s+|[ld]')", re.IGNORECASE)

#: A party's own count: "the army has not revised its own toll of", "l'armée maintient
#: son bilan de".
OWN_COUNT = re.compile(
    r"[^,;.]{0,40}?\b(?:its|their|son|sa|leur|ses)\s+(?:own\s+|propre\s+|official\s+|"
    r"officiel\s+)?(?:toll|death toll|count|tally|figures?|bilan|décompte|chiffres?)\b",
    re.IGNORECASE,
)
#: A count named for whose it is: "the hospital's count", "le bilan de l'armée".
POSSESSIVE_COUNT = re.compile(
    r"'s?\s+(?:(?:own|latest|last|new|final|provisional|official)\s+)?(?:count|toll|tally|"
    r"figures?|estimate|death toll|casualty figures?)\b",
    re.IGNORECASE,
)
COUNT_OF = re.compile(
    r"\b(?:le|un|ce|selon le)\s+(?:dernier\s+|nouveau\s+)?bilan\s+(?:\w+\s+)?(?:de|du|des|d')\s*"
    r"(?:la\s+|l'|les\s+)?$",
    re.IGNORECASE,
)
#: Words that name a document's author after it: "de la MINUKO", "a report by the UN",
#: "publié lundi par X", "issued on Monday by X" (not "reviewed by Reuters": who read it).
AUTHORED_BY = re.compile(
    r"^\s*(?:(?:\w+\s+){0,2}?(?:de|du|des|d'|of|by)|[^,;.]*?\b(?:publié|publiée|diffusé|"
    r"diffusée|signé|signée|rédigé|rédigée|établi|établie|issued|released|published|signed|"
    r"written|compiled)\b[^,;.]*?\b(?:par|by))\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$",
    re.IGNORECASE,
)


#: A figure put forward by someone named just after: "the toll of 19 given by the
#: mayor", "un bilan avancé par la mairie" (ends where the name starts).
PUT_FORWARD_BY = re.compile(
    # (not "claimed by", "reported by": an attack claimed by a group, a story first
    # reported by a paper — whose the figure is, they do not say)
    r"\b(?:given|announced|released|issued|provided|put forward|"
    r"donné|donnée|annoncé|annoncée|avancé|avancée|fourni|fournie|communiqué|"
    r"communiquée)\s+(?:by|par)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?$",
    re.IGNORECASE,
)
#: Someone putting a count at a figure, right after their name: "mayor keeps toll at
#: 19", "the ministry put the death toll at 12", "le maire maintient son bilan à 19".
PUTS_COUNT_AT = re.compile(
    # (not "raises": an attack raises a toll as often as a speaker does)
    r"\s+(?:keeps|kept|puts|put|places|placed|sets|set|lowers|lowered|"
    r"revises|revised|maintains|maintained|maintient|fixe|établit|a fixé)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|le\s+|son\s+|leur\s+)?"
    r"(?:death\s+|casualty\s+|official\s+)?(?:toll|count|tally|figure|estimate|bilan)\s+"
    r"(?:at|to|à)\b",
    re.IGNORECASE,
)
