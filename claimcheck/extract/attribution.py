"""Who says a figure: the attributions of a sentence, or the outlet's own voice.

"according to X", "X said", "said X", "selon X", "d'après X", "X a indiqué", "a
revendiqué X", "dément X"...: the claimant is the party or outlet of the store named in
subject position in the verb's clause (the first name there that is no object: "X told
Reuters" is X's, Reuters being where it was said), else just after a verb that follows
a comma or a quote ("…, a indiqué l'armée"). Bare nouns ("the army", "l'état-major")
are matched through the store's names and aliases (:func:`.match.find_mentions`). A
name the store does not know is kept as written, for the user to add as a party, when
it reads as a name (no verb, no figure).

"selon le communiqué", "according to the statement" name a document, not a party: the
attribution is marked :attr:`Attribution.document` and resolved by the caller to the
statement's author named earlier, or left empty. A statement being quoted ("dans un
communiqué", "in a statement", a verb and a colon) carries its claimant to the next
sentences that name none, through the next paragraph. A denial ("dément l'armée",
"the army denied") is an attribution with the stance ``denies``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimcheck.extract.lexicon import CONTRE, MEASURES, TOLLS, tokens, word_set
from claimcheck.extract.match import StoreIndex
from claimcheck.extract.names import (
    Mention,
    bare_generic,
    find_mentions,
    normalise,
    shared_noun,
)
from claimcheck.values.scan import find_quantities

_AFTER = (
    r"according to|selon|d'après|cited by|quoted by|cité par|citant|per|"
    r"(?:a-t-on |on a |ont |a )?appris(?: [\w']+){0,3}? (?:de|d'|auprès de|auprès d'|auprès des)|"
    r"learn[et] from"
)
_VERBS = (
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
_DENIALS = (
    r"denied|denies|deny|rejected|rejects|refuted|refutes|disputed|disputes|dismissed|"
    r"dément|démentent|a démenti|ont démenti|démenti|a rejeté|rejette|ont rejeté|"
    r"conteste|a contesté|contestent|réfute|a réfuté"
)
_RE_AFTER = re.compile(rf"(?<![\w'])(?:{_AFTER})\s+", re.IGNORECASE)
_RE_VERB = re.compile(rf"(?<![\w'])(?P<verb>{_DENIALS}|{_VERBS})(?![\w])", re.IGNORECASE)
_RE_DENIAL = re.compile(rf"^(?:{_DENIALS})$", re.IGNORECASE)
#: Verbs whose next name is who was told ("told Reuters"), not who spoke.
_RE_TOLD = re.compile(r"^(?:told|a confié|a dit|a déclaré|said|a indiqué)$", re.IGNORECASE)
_RE_STATEMENT = re.compile(
    r"communiqué|in a statement|in a press release|press release|statement|"
    r"conférence de presse|press conference|déclaration",
    re.IGNORECASE,
)
#: A document named in place of its author: "le communiqué", "the statement", "ce bilan".
_RE_DOCUMENT = re.compile(
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
_OBJECT_BEFORE = re.compile(
    r"(?:\bto|\bà|\bau|\bby|\bpar|\bwith|\bavec|\bfrom|\bagainst|\bcontre|\btold|"
    # a channel: "read on state television", "à l'antenne de la radio nationale"
    r"\bon|\bsur|\bat|\bvia|\bthrough|\bantenne de|\bantenne d')\s*$",
    re.IGNORECASE,
)
#: Words that point back to a speaker named before: "the same sources", "ces mêmes
#: sources", "ce dernier", "the latter".
_RE_BACK = re.compile(
    r"^(?:(?:the|these|those|this|that|ces|cette|ce|les|la|le|l')\s*)?(?:same|mêmes?)\s+\w+"
    r"|^(?:ce dernier|cette dernière|ces derniers|ces dernières|the latter|celui-ci|celle-ci)\b",
    re.IGNORECASE,
)
#: A generic noun for an armed group: the one last named, never a new id ("le
#: mouvement", "the group").
_RE_GROUP = re.compile(
    r"^(?:(?:the|this|that|le|la|l'|ce|cette)\s*(?:movement|mouvement|group|groupe|"
    r"organisation|organization|formation)|(?:(?:the|les|des)\s+)?(?:rebels?|rebelles?|"
    r"militants|insurgents|insurgés|jihadists|jihadistes|djihadistes))$",
    re.IGNORECASE,
)
#: The kind of party a generic noun points back to.
GROUP = "armed-group"
#: Clause marks a subject is not looked for across.
_RE_CLAUSE = re.compile(
    rf";|\s[-–—]\s|\b(?:while|whereas|but|tandis que|alors que|mais|{CONTRE})\b", re.IGNORECASE
)
#: Words that show a phrase is no name: verbs, auxiliaries, conjunctions.
_NOT_A_NAME = word_set(
    "was were is are been be had has have did do not that which who there it this these "
    "what when if a ont été est sont avait avaient que qui qu ne pas y ce il elle ils "
    "elles on nous we i they he she you vous je also aussi then puis and et lui eux "
    # adverbs between an auxiliary and its participle: "a toutefois indiqué"
    "toutefois également cependant pourtant ensuite enfin encore notamment however "
    "further later again still already déjà"
)
#: What ends the text before a verb whose speaker follows it ("…, a indiqué l'armée",
#: "ce que dément l'armée", "as the army said").
_RE_INVERTS = re.compile(
    r"(?:[,«»\"“”:]|\bce qu(?:e\s|')|\bas\s|\bcomme\s|\bwhich\s)\s*$", re.IGNORECASE
)
_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci"]
)
#: "…, a-t-il dit", "said he": a pronoun after the verb.
_RE_PRONOUN_AFTER = re.compile(r"^(?:-t-|-)?(?:il|elle|ils|elles|he|she|they)\b", re.IGNORECASE)
#: "a-t-il", "ont-ils", "avait-elle" just before a participle: a pronoun speaks.
_RE_AUX_PRONOUN = re.compile(
    r"(?:^|[\s,«»\"“”])(?:a|ont|avait|avaient)-(?:t-)?(?P<who>il|elle|ils|elles)\s*$", re.I
)
_LEADING = re.compile(r"^(?:(?:the|a|an|le|la|les|un|une|des)\s+|[ld]')", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence says is speaking, and where."""

    #: A store id when ``known``; else an id made from the words, for the user to add;
    #: empty when it names a document or several parties (see ``document``,
    #: ``candidates``).
    claimant: str
    known: bool
    #: The words of the text that name it.
    words: str
    how: str
    #: Whether a statement is being quoted: the claimant carries to what follows.
    carries: bool
    #: Where the attribution's cue stands in the sentence (its verb or "selon").
    start: int = 0
    end: int = 0
    stance: str = "asserts"
    #: "selon le communiqué": a document named for its author.
    document: bool = False
    #: "told Reuters": the outlet it was said to.
    venue: str | None = None
    #: A bare noun that fits several parties: their ids.
    candidates: tuple[str, ...] = ()
    #: "it said", "he said", "a-t-il dit", "the same sources": the speaker named before
    #: (resolved by the caller).
    pronoun: bool = False
    #: For a generic noun ("the group"): the kind of party it points back to.
    refers: str = ""
    #: An unnamed speaker ("one resident", "a military source, speaking on condition
    #: of anonymity") the store has no anonymous party for: nobody's official word.
    unnamed: bool = False


def attribution_of(
    index: StoreIndex, sentence: str, named: list[str] | None = None
) -> Attribution | None:
    """The first attribution a sentence makes, if any."""
    found = attributions_of(index, sentence, named)
    return found[0] if found else None


def attributions_of(
    index: StoreIndex, sentence: str, named: list[str] | None = None
) -> list[Attribution]:
    """Every attribution of a sentence, in order; ``named``: the party ids the article
    named before (for bare nouns)."""
    # "A military source, speaking on condition of anonymity, said": the aside blanked
    # (offsets kept), the speaker is read as an unnamed one.
    norm = normalise(sentence)
    unnamed = _RE_UNNAMED_ANONYMOUS if _RE_ANONYMITY.search(norm) else _RE_UNNAMED
    norm = _RE_ANONYMITY.sub(lambda m: " " * len(m[0]), norm)
    mentions = find_mentions(index, sentence, named)
    carries = bool(_RE_STATEMENT.search(norm)) or bool(re.search(rf"(?:{_VERBS})\s*:", norm))
    out: list[Attribution] = []
    for m in _RE_AFTER.finditer(norm):
        if m[0].strip().lower() == "per" and not re.match(r"\s*[A-Z]", norm[m.end() :]):
            continue
        after = [x for x in mentions if x.start >= m.end() and x.start - m.end() < 40]
        rest = norm[m.end() :]
        cue = f"{m[0].strip()!r}"
        back = _back(rest)
        if back is not None:
            out.append(_pointer(back, f"{cue} {back}", carries, m.start(), m.end()))
        elif _RE_DOCUMENT.match(rest) and not (after and after[0].start - m.end() < 3):
            words = _phrase(rest) or rest[:30]
            by = _author_of(norm, mentions, m.end())
            if by is not None:
                # "selon le rapport publié par la mission de l'ONU": the mission's
                how = f"{cue} {words} {by.name}"
                out.append(_known(by, how, carries, m.start(), m.end()))
            else:
                out.append(_document(words, f"{cue} {words}", carries, m.start(), m.end()))
        elif after:
            out.append(_known(after[0], f"{cue} {after[0].name}", carries, m.start(), m.end()))
        elif (shared := shared_noun(index, rest, named)) is not None:
            # "sources locales et sécuritaires": "sources sécuritaires" is a name
            how = f"{cue} {shared.name} (one of coordinated sources)"
            out.append(_known(shared, how, carries, m.start(), m.end()))
        else:
            name = _phrase(rest)
            if name:
                out.append(_unknown(name, f"{cue} {name}", carries, m.start(), m.end()))
    for x in mentions:
        # "the regional hospital's count", "le bilan de l'hôpital": its figures
        counted = (
            _RE_ITS_COUNT.match(norm, x.end)
            or _RE_COUNT_OF.search(norm, 0, x.start)
            or _RE_OWN_COUNT.match(norm, x.end)
        )
        if counted and not any(a.start <= x.start < a.end + 40 for a in out):
            out.append(_known(x, f"{x.name}'s count", carries, x.start, x.end))
    previous = 0
    for v in _RE_VERB.finditer(norm):
        stance = "denies" if _RE_DENIAL.match(v["verb"]) else "asserts"
        found = _speaker(index, named or [], norm, mentions, v, carries, stance, previous, unnamed)
        previous = v.end()
        if found is not None:
            out.append(found)
    out.sort(key=lambda a: a.start)
    return out


def _speaker(
    index: StoreIndex,
    named: list[str],
    norm: str,
    mentions: list[Mention],
    v: re.Match[str],
    carries: bool,
    stance: str,
    previous: int,
    unnamed: re.Pattern[str],
) -> Attribution | None:
    """The speaker of one verb: its subject in its clause (after the previous speech
    verb, whose subject is its own), else a name just after it."""
    verb = v["verb"]
    clause_start = previous
    for c in _RE_CLAUSE.finditer(norm, previous, v.start()):
        clause_start = c.end()
    venue = None
    after = [x for x in mentions if x.start >= v.end() and x.start - v.end() < 30]
    if after and _RE_TOLD.match(verb) and after[0].kind == "outlet":
        venue = after[0].id  # "told Reuters": Reuters is where it was said
        # "a déclaré à l'AFP un médecin": who speaks may follow where.
        after = [x for x in after[1:] if x.start - after[0].end < 4]
    before = [
        x
        for x in mentions
        if clause_start <= x.start
        and x.end <= v.start()
        and not _OBJECT_BEFORE.search(norm[clause_start : x.start])
    ]
    head = norm[clause_start : v.start()]
    inverted = bool(_RE_INVERTS.search(head)) or not head.strip()
    unnamed_after = unnamed.match(norm, v.end())
    if inverted and unnamed_after and not (after and after[0].start < unnamed_after.end()):
        # "…, a indiqué un officier (sous couvert d'anonymat)"
        return _unnamed(index, unnamed_after["who"], verb, carries, v, stance, venue)
    if inverted and after:
        chosen = after[0]
        if unnamed_after and not _anonymous_party(index, chosen.id):
            who = norm[v.end() : chosen.end].strip()
            return _unnamed(index, who, verb, carries, v, stance, venue)
        return _mention(chosen, f"{verb!r} {chosen.name}", carries, v, stance, venue)
    unnamed_before = unnamed.search(head)
    if unnamed_before and not head[unnamed_before.end() :].strip(" ,"):
        # "A military source said": not the army's word, though "military" names it
        who = unnamed_before["who"].strip()
        return _unnamed(index, who, verb, carries, v, stance, venue)
    if before:
        # "..., medical sources said": the name just before the verb speaks, else the
        # first of its clause ("The army, which lost 4 men, said")
        adjacent = [x for x in before if not norm[x.end : v.start()].strip()]
        chosen = (
            adjacent[-1]
            if adjacent and _RE_INVERTS.search(norm[: adjacent[-1].start])
            else before[0]
        )
        return _mention(chosen, f"{chosen.name} {verb!r}", carries, v, stance, venue)
    words = _phrase(head, last=True, pronouns=True)
    tail = re.search(r"[,«»\"“”:]\s*$", head)
    aux = _RE_AUX_PRONOUN.search(head)
    if aux and tail is None:
        # "», a-t-il raconté": the pronoun stands between the auxiliary and the verb.
        return Attribution(
            "", False, aux["who"], f"attributed: {aux[0].strip()} {verb!r}", carries,
            v.start(), v.end(), stance, venue=venue, pronoun=True,
        )  # fmt: skip
    if (words and words.lower() in _PRONOUNS) or (
        (tail or not head.strip()) and _RE_PRONOUN_AFTER.match(norm[v.end() :])
    ):
        said = words or norm[v.end() :].split()[0]
        return Attribution(
            "", False, said, f"attributed: {said} {verb!r}", carries, v.start(), v.end(), stance,
            venue=venue, pronoun=True,
        )  # fmt: skip
    if words and unnamed.fullmatch(words.strip()):
        # "one resident said", "a military source said": nobody's official word
        return _unnamed(index, words.strip(), verb, carries, v, stance, venue)
    back = _back(words or "")
    if back is not None:
        return _pointer(back, f"{back} {verb!r}", carries, v.start(), v.end(), stance)
    if words and _RE_DOCUMENT.match(words):
        return _document(words, f"{words} {verb!r}", carries, v.start(), v.end(), stance)
    if words and _is_name(words):
        # "hospital director Dr Mariam Sidibe", "army spokesman X": the one party of the
        # store of that kind speaks through them.
        kind = bare_generic(index, words, named)
        if kind is not None:
            how = f"{words} {verb!r}, {kind.how}"
            return Attribution(
                kind.id, True, kind.name, f"attributed: {how}", carries, v.start(), v.end(),
                stance, venue=venue,
            )  # fmt: skip
        return _unknown(words, f"{words} {verb!r}", carries, v.start(), v.end(), stance, venue)
    if after and not venue:
        chosen = after[0]
        return _mention(chosen, f"{verb!r} {chosen.name}", carries, v, stance, venue)
    return None


#: An aside that makes a speaker anonymous: "speaking on condition of anonymity",
#: "sous couvert d'anonymat", "who asked not to be named".
_RE_ANONYMITY = re.compile(
    r",?\s*(?:(?:who\s+was\s+|while\s+)?speaking\s+on\s+(?:the\s+)?condition\s+of\s+"
    r"anonymity|who\s+(?:asked|requested|declined)\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
    r"|(?:s'exprimant\s+|parlant\s+)?sous\s+(?:le\s+)?couvert\s+(?:de\s+l'|d')anonymat"
    r"|(?:qui\s+a\s+|ayant\s+)?(?:requis|demandé|souhaité\s+garder)\s+l'anonymat)\s*,?",
    re.IGNORECASE,
)


#: An unnamed speaker: "one resident", "a witness", "a military source", "un médecin",
#: "une source sécuritaire", "un habitant".
def _unnamed_pattern(nouns: str) -> re.Pattern[str]:
    return re.compile(
        r"\s*(?<![\w'’])(?P<who>(?:one|a|an|another|un|une|un\s+autre|une\s+autre)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})"
        r"(?:\s+[\w-]+){0,2}?)(?=\s*(?:$|[,.;:«»\"“”]|\s(?:said|told|says|added)\b))",
        re.IGNORECASE,
    )


#: People who speak only for themselves: never a party's word.
_PEOPLE = (
    r"resident|witness|villager|survivor|habitant|habitante|témoin|villageois|"
    r"rescapé|rescapée|survivant|survivante|commerçant|commerçante|trader|farmer|éleveur"
)
_RE_UNNAMED = _unnamed_pattern(_PEOPLE)
#: With an anonymity aside, an institution's people too ("a military source, speaking on
#: condition of anonymity", "un médecin sous couvert d'anonymat").
_RE_UNNAMED_ANONYMOUS = _unnamed_pattern(
    _PEOPLE + r"|source|official|officer|doctor|nurse|medic|soldier|responsable|officier|"
    r"médecin|infirmier|infirmière|soldat|militaire|élu|notable|diplomat|diplomate"
)
#: A party's own count: "the army has not revised its own toll of", "l'armée maintient
#: son bilan de".
_RE_OWN_COUNT = re.compile(
    r"[^,;.]{0,40}?\b(?:its|their|son|sa|leur|ses)\s+(?:own\s+|propre\s+|official\s+|"
    r"officiel\s+)?(?:toll|death toll|count|tally|figures?|bilan|décompte|chiffres?)\b",
    re.IGNORECASE,
)


def _anonymous_party(index: StoreIndex, party_id: str) -> bool:
    """Whether the store's party speaks unnamed (kind anonymous, or named as sources)."""
    party = index.parties.get(party_id)
    return party is not None and (party.is_anonymous or "source" in party.name.lower())


def _unnamed(
    index: StoreIndex,
    words: str,
    verb: str,
    carries: bool,
    v: re.Match[str],
    stance: str,
    venue: str | None,
) -> Attribution:
    """An unnamed speaker: the store's anonymous party whose names hold its words
    ("a military source": "Military sources"), else nobody, for the user to fill."""
    wanted = {w.rstrip("s") for w in tokens(words)} - _UNNAMED_STOP
    for party in index.parties.values():
        if not _anonymous_party(index, party.id):
            continue
        own = {w.rstrip("s") for n in (party.name, *party.aliases) for w in tokens(n)}
        if wanted and wanted <= own:
            how = f"attributed: {words} {verb!r}, unnamed: {party.name}, the store's party so named"
            return Attribution(
                party.id, True, party.name, how, carries, v.start(), v.end(), stance, venue=venue
            )
    how = f"attributed: {words} {verb!r}, an unnamed speaker, nobody's official word"
    return Attribution(
        "", False, words, how, carries, v.start(), v.end(), stance, venue=venue, unnamed=True
    )


_UNNAMED_STOP = frozenset(["one", "a", "an", "another", "un", "une", "autre"])


#: A count named for whose it is: "the hospital's count", "le bilan de l'armée".
_RE_ITS_COUNT = re.compile(
    r"'s?\s+(?:(?:own|latest|last|new|final|provisional|official)\s+)?(?:count|toll|tally|"
    r"figures?|estimate|death toll|casualty figures?)\b",
    re.IGNORECASE,
)
_RE_COUNT_OF = re.compile(
    r"\b(?:le|un|ce|selon le)\s+(?:dernier\s+|nouveau\s+)?bilan\s+(?:\w+\s+)?(?:de|du|des|d')\s*"
    r"(?:la\s+|l'|les\s+)?$",
    re.IGNORECASE,
)
#: Words that name a document's author after it: "de la MINUKO", "a report by the UN",
#: "publié lundi par X", "issued on Monday by X" (not "reviewed by Reuters": who read it).
_RE_BY = re.compile(
    r"^\s*(?:(?:\w+\s+){0,2}?(?:de|du|des|d'|of|by)|[^,;.]*?\b(?:publié|publiée|diffusé|"
    r"diffusée|signé|signée|rédigé|rédigée|établi|établie|issued|released|published|signed|"
    r"written|compiled)\b[^,;.]*?\b(?:par|by))\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$",
    re.IGNORECASE,
)


def _author_of(norm: str, mentions: list[Mention], start: int) -> Mention | None:
    """The author a document is credited to in its own phrase ("le rapport publié deux
    mois plus tard par la mission de l'ONU", "a report by UN investigators")."""
    end = min((i for i in (norm.find(c, start) for c in ",;.") if i >= 0), default=len(norm))
    for x in mentions:
        if start <= x.start < end and _RE_BY.match(norm[start : x.start]):
            return x
    return None


def _back(words: str) -> str | None:
    """The words of a phrase that points back to a speaker named before ("the same
    sources", "ce dernier", "selon lui", "le mouvement"), if it is one."""
    phrase = _phrase(words, pronouns=True) or ""
    if phrase.lower() in ("lui", "elle", "eux", "elles", "him", "her", "them"):
        return phrase
    m = _RE_BACK.match(words.strip())
    if m:
        return m[0]
    return phrase if _RE_GROUP.match(phrase.strip()) else None


def _pointer(
    words: str, how: str, carries: bool, start: int, end: int, stance: str = "asserts"
) -> Attribution:
    refers = GROUP if _RE_GROUP.match(words.strip()) else ""
    return Attribution(
        "", False, words, f"attributed: {how}", carries, start, end, stance, pronoun=True,
        refers=refers,
    )  # fmt: skip


def _mention(
    m: Mention, how: str, carries: bool, v: re.Match[str], stance: str, venue: str | None
) -> Attribution:
    if not m.id:
        return Attribution(
            "", False, m.name, f"attributed: {how}", carries, v.start(), v.end(), stance,
            venue=venue, candidates=m.candidates,
        )  # fmt: skip
    extra = f" ({m.how})" if m.how else ""
    return Attribution(
        m.id, True, m.name, f"attributed: {how}{extra}", carries, v.start(), v.end(), stance,
        venue=venue,
    )  # fmt: skip


def _known(mention: Mention, how: str, carries: bool, start: int, end: int) -> Attribution:
    if not mention.id:
        return Attribution(
            "", False, mention.name, f"attributed: {how}", carries, start, end,
            candidates=mention.candidates,
        )  # fmt: skip
    extra = f" ({mention.how})" if mention.how else ""
    return Attribution(
        mention.id, True, mention.name, f"attributed: {how}{extra}", carries, start, end
    )


def _document(
    words: str, how: str, carries: bool, start: int, end: int, stance: str = "asserts"
) -> Attribution:
    return Attribution("", False, words, f"attributed: {how}", carries, start, end, stance, True)


def _unknown(
    words: str,
    how: str,
    carries: bool,
    start: int,
    end: int,
    stance: str = "asserts",
    venue: str | None = None,
) -> Attribution:
    plain = unicodedata.normalize("NFKD", _LEADING.sub("", words)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.decode().lower()).strip("-") or "unnamed"
    return Attribution(
        slug, False, words, f"attributed: {how}", carries, start, end, stance, venue=venue
    )


def _is_name(words: str) -> bool:
    """Whether words before a verb read as who speaks: no verb, no figure, no toll."""
    ws = tokens(_LEADING.sub("", words.strip()))
    if not ws or set(ws) & _NOT_A_NAME:
        return False
    if find_quantities(_LEADING.sub("", words)):
        return False
    return not any(w in MEASURES[t] for w in ws for t in TOLLS)


def _phrase(text: str, last: bool = False, pronouns: bool = False) -> str | None:
    """A short name: the words up to punctuation (``last``: back to it), at most six,
    not a pronoun (unless ``pronouns``, and then the pronoun alone)."""
    parts = re.split(r"[,;:.()«»\"“”]", text)
    part = (parts[-1] if last else parts[0]).strip()
    words = part.split()
    if words and words[-1].lower() in _PRONOUNS and pronouns:
        return words[-1]
    if not words or len(words) > 6 or words[0].lower() in _PRONOUNS:
        return None
    if any(ch.isdigit() for ch in part):
        return None
    return part
