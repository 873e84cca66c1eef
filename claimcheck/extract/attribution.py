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

The words read here (speech verbs, "selon", documents, pronouns) are in
:mod:`.attribution_words`; speakers left unnamed ("one resident", "a source speaking
on condition of anonymity") are matched in :mod:`.unnamed_speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.attribution_words import (
    ACCORDING_TO,
    AUTHORED_BY,
    AUXILIARY_PRONOUN,
    CLAUSE_BREAK,
    COUNT_OF,
    DENIAL,
    DOCUMENT,
    GENERIC_GROUP,
    GROUP,
    LEADING_ARTICLE,
    NOT_A_NAME,
    OBJECT_BEFORE,
    OWN_COUNT,
    POINTS_BACK,
    POSSESSIVE_COUNT,
    PRONOUN_AFTER,
    PRONOUNS,
    PUT_FORWARD_BY,
    PUTS_COUNT_AT,
    SPEAKER_FOLLOWS,
    SPEECH_VERB,
    TOLD,
    quotes_statement,
)
from claimcheck.extract.lexicon import MEASURES, TOLLS, slug, tokens
from claimcheck.extract.match import StoreIndex
from claimcheck.extract.names import (
    Mention,
    bare_generic,
    find_mentions,
    normalise,
    shared_noun,
)
from claimcheck.extract.unnamed_speakers import (
    anonymous_party,
    speaks_unnamed,
    without_anonymity_aside,
)
from claimcheck.values.scan import find_quantities


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


def attributions_of(
    index: StoreIndex, sentence: str, named: list[str] | None = None
) -> list[Attribution]:
    """Every attribution of a sentence, in order; ``named``: the party ids the article
    named before (for bare nouns)."""
    # "A military source, speaking on condition of anonymity, said": the aside blanked
    # (offsets kept), the speaker is read as an unnamed one.
    norm, unnamed = without_anonymity_aside(normalise(sentence))
    mentions = find_mentions(index, sentence, named)
    carries = quotes_statement(norm)
    out: list[Attribution] = []
    for m in ACCORDING_TO.finditer(norm):
        if m[0].strip().lower() == "per" and not re.match(r"\s*[A-Z]", norm[m.end() :]):
            continue
        after = [x for x in mentions if x.start >= m.end() and x.start - m.end() < 40]
        rest = norm[m.end() :]
        cue = f"{m[0].strip()!r}"
        back = _back(rest)
        if back is not None:
            out.append(_pointer(back, f"{cue} {back}", carries, m.start(), m.end()))
        elif DOCUMENT.match(rest) and not (after and after[0].start - m.end() < 3):
            words = _phrase(rest) or rest[:30]
            by = _author_of(norm, mentions, m.end())
            if by is not None:
                # "selon le rapport publié par la mission de l'ONU": the mission's
                how = f"{cue} {words} {by.name}"
                out.append(_named(by, how, carries, m.start(), m.end()))
            else:
                out.append(_document(words, f"{cue} {words}", carries, m.start(), m.end()))
        elif after:
            out.append(_named(after[0], f"{cue} {after[0].name}", carries, m.start(), m.end()))
        elif (shared := shared_noun(index, rest, named)) is not None:
            # "sources locales et sécuritaires": "sources sécuritaires" is a name
            how = f"{cue} {shared.name} (one of coordinated sources)"
            out.append(_named(shared, how, carries, m.start(), m.end()))
        else:
            name = _phrase(rest)
            if name and SOURCES.fullmatch(name.strip()):
                # "selon des sources hospitalières": unnamed, no party to add by that name
                out.append(_unnamed(index, name.strip(), m[0].strip(), carries, m, "asserts", None))
            elif name:
                out.append(_unknown(name, f"{cue} {name}", carries, m.start(), m.end()))
    for x in mentions:
        # "the regional hospital's count", "le bilan de l'hôpital": its figures
        counted = (
            POSSESSIVE_COUNT.match(norm, x.end)
            or COUNT_OF.search(norm, 0, x.start)
            or OWN_COUNT.match(norm, x.end)
        )
        if counted and not any(a.start <= x.start < a.end + 40 for a in out):
            out.append(_named(x, f"{x.name}'s count", carries, x.start, x.end))
        # "the toll of 19 given by the mayor": the 19 is the mayor's (the cue stands by
        # the figure, so that the figure nearest it takes it); "mayor keeps toll at 19".
        agent = PUT_FORWARD_BY.search(norm, max(0, x.start - 40), x.start)
        if agent is not None:
            how = f"{agent[0].strip()!r} {x.name}"
            out.append(_named(x, how, carries, agent.start(), agent.end()))
        elif (puts := PUTS_COUNT_AT.match(norm, x.end)) is not None and not OBJECT_BEFORE.search(
            norm[max(0, x.start - 12) : x.start]
        ):  # (not "an attack on the army put the toll at 30")
            how = f"{x.name} {puts[0].strip()!r}"
            out.append(_named(x, how, carries, x.start, puts.end()))
    for puts in PUTS_COUNT_AT.finditer(norm):
        # a headline's bare noun just before, no article: "hospital says 34 dead as mayor
        # keeps toll at 19"
        if any(x.end == puts.start() for x in mentions):
            continue
        word = (norm[: puts.start()].split() or [""])[-1]
        bare = bare_generic(index, word, named or [])
        if bare is not None:
            how = f"{word} {puts[0].strip()!r}"
            out.append(_named(bare, how, carries, puts.start() - len(word), puts.end()))
    previous = 0
    for v in SPEECH_VERB.finditer(norm):
        stance = "denies" if DENIAL.match(v["verb"]) else "asserts"
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
    for c in CLAUSE_BREAK.finditer(norm, previous, v.start()):
        clause_start = c.end()
    venue = None
    after = [x for x in mentions if x.start >= v.end() and x.start - v.end() < 30]
    if after and TOLD.match(verb) and after[0].kind == "outlet":
        venue = after[0].id  # "told Reuters": Reuters is where it was said
        # "a déclaré à l'AFP un médecin": who speaks may follow where.
        after = [x for x in after[1:] if x.start - after[0].end < 4]
    before = [
        x
        for x in mentions
        if clause_start <= x.start
        and x.end <= v.start()
        and not OBJECT_BEFORE.search(norm[clause_start : x.start])
    ]
    head = norm[clause_start : v.start()]
    inverted = bool(SPEAKER_FOLLOWS.search(head)) or not head.strip()
    unnamed_after = unnamed.match(norm, v.end())
    if inverted and unnamed_after and not (after and after[0].start < unnamed_after.end()):
        # "…, a indiqué un officier (sous couvert d'anonymat)"
        return _unnamed(index, unnamed_after["who"], verb, carries, v, stance, venue)
    if inverted and after:
        chosen = after[0]
        if unnamed_after and not speaks_unnamed(index, chosen.id):
            who = norm[v.end() : chosen.end].strip()
            return _unnamed(index, who, verb, carries, v, stance, venue)
        return _named(chosen, f"{verb!r} {chosen.name}", carries, v.start(), v.end(), stance, venue)
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
            if adjacent and SPEAKER_FOLLOWS.search(norm[: adjacent[-1].start])
            else before[0]
        )
        return _named(chosen, f"{chosen.name} {verb!r}", carries, v.start(), v.end(), stance, venue)
    words = _phrase(head, last=True, pronouns=True)
    tail = re.search(r"[,«»\"“”:]\s*$", head)
    aux = AUXILIARY_PRONOUN.search(head)
    if aux and tail is None:
        # "», a-t-il raconté": the pronoun stands between the auxiliary and the verb.
        return Attribution(
            "", False, aux["who"], f"attributed: {aux[0].strip()} {verb!r}", carries,
            v.start(), v.end(), stance, venue=venue, pronoun=True,
        )  # fmt: skip
    if (words and words.lower() in PRONOUNS) or (
        (tail or not head.strip()) and PRONOUN_AFTER.match(norm[v.end() :])
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
    if words and DOCUMENT.match(words):
        return _document(words, f"{words} {verb!r}", carries, v.start(), v.end(), stance)
    if words and _is_name(words):
        # A party's name in another order: "Interior Ministry spokeswoman Ilse Varga"
        # for "Ilse Varga, Interior Ministry spokeswoman" (a new user's trial: one
        # person proposed as a party to add).
        same = index.word_sets.get(frozenset(tokens(LEADING_ARTICLE.sub("", words))))
        if same is not None:
            party = index.parties[same]
            how = f"{words} {verb!r}, the words of {party.name} in another order"
            return Attribution(
                party.id, True, party.name, f"attributed: {how}", carries, v.start(), v.end(),
                stance, venue=venue,
            )  # fmt: skip
        # "hospital director Dr Mariam Sidibe", "army spokesman X": the one party of the
        # store of that kind speaks through them.
        kind = bare_generic(index, words, named)
        if kind is not None:
            how = f"{words} {verb!r}, {kind.how}"
            return Attribution(
                kind.id, True, kind.name, f"attributed: {how}", carries, v.start(), v.end(),
                stance, venue=venue,
            )  # fmt: skip
        if SOURCES.fullmatch(words.strip()):
            # "medical sources said", "des sources sécuritaires ont indiqué": unnamed
            return _unnamed(index, words.strip(), verb, carries, v, stance, venue)
        return _unknown(words, f"{words} {verb!r}", carries, v.start(), v.end(), stance, venue)
    if after and not venue:
        chosen = after[0]
        return _named(chosen, f"{verb!r} {chosen.name}", carries, v.start(), v.end(), stance, venue)
    return None


#: Sources the text does not name, in the plural: "medical sources", "security sources
#: close to the army", "des sources hospitalières", "de sources sécuritaires".
SOURCES = re.compile(
    r"(?:(?:des|de|les|d'|some|several|plusieurs)\s*)?(?:[\w-]+\s+){0,2}?sources"
    r"(?:\s+[\w-]+){0,3}",
    re.IGNORECASE,
)


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
    party = anonymous_party(index, words)
    if party is not None:
        how = f"attributed: {words} {verb!r}, unnamed: {party.name}, the store's party so named"
        return Attribution(
            party.id, True, party.name, how, carries, v.start(), v.end(), stance, venue=venue
        )
    how = f"attributed: {words} {verb!r}, an unnamed speaker, nobody's official word"
    return Attribution(
        "", False, words, how, carries, v.start(), v.end(), stance, venue=venue, unnamed=True
    )


def _author_of(norm: str, mentions: list[Mention], start: int) -> Mention | None:
    """The author a document is credited to in its own phrase ("le rapport publié deux
    mois plus tard par la mission de l'ONU", "a report by UN investigators")."""
    end = min((i for i in (norm.find(c, start) for c in ",;.") if i >= 0), default=len(norm))
    for x in mentions:
        if start <= x.start < end and AUTHORED_BY.match(norm[start : x.start]):
            return x
    return None


def _back(words: str) -> str | None:
    """The words of a phrase that points back to a speaker named before ("the same
    sources", "ce dernier", "selon lui", "le mouvement"), if it is one."""
    phrase = _phrase(words, pronouns=True) or ""
    if phrase.lower() in ("lui", "elle", "eux", "elles", "him", "her", "them"):
        return phrase
    m = POINTS_BACK.match(words.strip())
    if m:
        return m[0]
    return phrase if GENERIC_GROUP.match(phrase.strip()) else None


def _pointer(
    words: str, how: str, carries: bool, start: int, end: int, stance: str = "asserts"
) -> Attribution:
    refers = GROUP if GENERIC_GROUP.match(words.strip()) else ""
    return Attribution(
        "", False, words, f"attributed: {how}", carries, start, end, stance, pronoun=True,
        refers=refers,
    )  # fmt: skip


def _named(
    mention: Mention,
    how: str,
    carries: bool,
    start: int,
    end: int,
    stance: str = "asserts",
    venue: str | None = None,
) -> Attribution:
    """A party or outlet the sentence names; a bare noun that fits several: their ids."""
    if not mention.id:
        return Attribution(
            "", False, mention.name, f"attributed: {how}", carries, start, end, stance,
            venue=venue, candidates=mention.candidates,
        )  # fmt: skip
    extra = f" ({mention.how})" if mention.how else ""
    return Attribution(
        mention.id, True, mention.name, f"attributed: {how}{extra}", carries, start, end, stance,
        venue=venue,
    )  # fmt: skip


def _document(
    words: str, how: str, carries: bool, start: int, end: int, stance: str = "asserts"
) -> Attribution:
    """A document named for its author ("selon le communiqué"): resolved by the caller."""
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
    """A name the store does not hold: an id made of its words, for the user to add."""
    claimant = slug(LEADING_ARTICLE.sub("", words)) or "unnamed"
    return Attribution(
        claimant, False, words, f"attributed: {how}", carries, start, end, stance, venue=venue
    )


def _is_name(words: str) -> bool:
    """Whether words before a verb read as who speaks: no verb, no figure, no toll."""
    ws = tokens(LEADING_ARTICLE.sub("", words.strip()))
    if not ws or set(ws) & NOT_A_NAME:
        return False
    if find_quantities(LEADING_ARTICLE.sub("", words)):
        return False
    return not any(w in MEASURES[t] for w in ws for t in TOLLS)


def _phrase(text: str, last: bool = False, pronouns: bool = False) -> str | None:
    """A short name: the words up to punctuation (``last``: back to it), at most six,
    not a pronoun (unless ``pronouns``, and then the pronoun alone)."""
    parts = re.split(r"[,;:.()«»\"“”]", text)
    part = (parts[-1] if last else parts[0]).strip()
    words = part.split()
    if words and words[-1].lower() in PRONOUNS and pronouns:
        return words[-1]
    if not words or len(words) > 6 or words[0].lower() in PRONOUNS:
        return None
    if any(ch.isdigit() for ch in part):
        return None
    return part
