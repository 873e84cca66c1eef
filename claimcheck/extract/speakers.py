"""Who speaks beyond the sentence: the speaker named a few sentences back ("it said",
"a-t-il ajouté", "the same sources"), the armed group last named ("the group", "le
mouvement"), the party a person the store does not hold was named as speaking for
("army spokesman Colonel X" then "X said"), and a quotation going on from its speaker.
A pronoun or a generic noun that points at nobody stays empty: never an id made of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from claimcheck.extract.attribution import Attribution
from claimcheck.extract.match import StoreIndex, find_mentions

_RE_CAPITAL = re.compile(r"\b[A-ZÀ-Ý][\w'-]{2,}")
#: For how many sentences a speaker named stays "it", "il", "the same sources".
SPEAKER_SENTENCES = 3


@dataclass
class Said:
    """Who says one figure, and on what day they said it."""

    attribution: Attribution | None
    #: Where it comes from: "sentence", "carried" (a statement quoted before), "cited".
    origin: str
    day: dt.date | None = None
    #: The locator of the sentence a carried statement was named in.
    at: str = ""


@dataclass
class Speakers:
    """The article's speakers so far, as one pass reads it."""

    index: StoreIndex
    #: The last speaker named, where, and for how many sentences more ("it said").
    speaker: tuple[Attribution, str] | None = None
    speaker_left: int = 0
    #: Where the last speaker was named: (paragraph, position).
    speaker_where: tuple[int, int] = (-1, -1)
    #: Every party id named so far, latest last; those of the sentence before.
    named: list[str] = field(default_factory=list)
    named_last: list[str] = field(default_factory=list)
    #: People the store does not hold, by a capitalised word of their name → the party
    #: they were named as speaking for.
    people: dict[str, str] = field(default_factory=dict)
    #: Speakers the store does not hold, by a word of the name they end with ("Ilse
    #: Varga" of "spokeswoman Ilse Varga") → the id guessed for them: "Varga told" later
    #: is them, not a second person to add.
    guessed: dict[str, Attribution | None] = field(default_factory=dict)  # (None: several)

    def next_sentence(self) -> None:
        self.speaker_left -= 1

    def heard(self, a: Attribution, locator: str, where: tuple[int, int]) -> None:
        """``a`` speaks in the sentence at ``where``: the speaker a pronoun points to."""
        if a.claimant and not a.document:
            self.speaker, self.speaker_left = (a, locator), SPEAKER_SENTENCES
            self.speaker_where = where
        elif a.unnamed:
            # "one resident said … He added": he is the resident, nobody's word
            self.speaker, self.speaker_left = None, 0

    def read(self, text: str, said: list[Attribution]) -> None:
        """After a sentence: the parties it named and the people it tied to them."""
        self._remember_people(text, said)
        self.named_last = [m.id for m in find_mentions(self.index, text, self.named) if m.id]
        self.named += self.named_last

    def quote_goes_on(self, where: tuple[int, int]) -> tuple[Attribution, str] | None:
        """The speaker of the sentence just before ``where`` in its paragraph, if any: a
        quotation with no speaker of its own goes on from theirs."""
        paragraph, position = where
        if self.speaker is not None and self.speaker_where == (paragraph, position - 1):
            return self.speaker
        return None

    def resolve(self, a: Attribution) -> Attribution:
        """A pronoun ("it said", "a-t-il dit", "the same sources") is the speaker named in
        the last few sentences, else the party named in the sentence before; a generic
        noun ("the group", "le mouvement") the armed group last named. With none, it
        stays empty: never an id made of the pronoun or the noun."""
        if not a.pronoun:
            return self._person(a)
        if a.refers:
            groups = [i for i in reversed(self.named) if self._kind_of(i) == a.refers]
            if not groups:
                return replace(a, how=f"{a.how}, and no {a.refers} was named before")
            party = self.index.parties[groups[0]]
            how = f"{a.how}: {a.words!r} is {party.name}, the {a.refers} last named"
            return Attribution(party.id, True, party.name, how, a.carries, a.start, a.end, a.stance)
        if self.speaker is not None and self.speaker_left > 0:
            named, at = self.speaker
            return replace(
                named,
                start=a.start,
                end=a.end,
                stance=a.stance,
                carries=a.carries,
                venue=a.venue or named.venue,
                how=f"{a.how}: {a.words!r} is {named.words}, the speaker named at {at}",
            )
        # A party merely named before ("the rebels attacked") is no speaker: "it added"
        # points at nobody then.
        return replace(a, how=f"{a.how}, and no speaker was named just before")

    def _person(self, a: Attribution) -> Attribution:
        """A person the store does not hold, named before as a party's ("army spokesman
        Colonel Sékou Fofana told..."; later "Fofana said"): that party."""
        if a.known or not a.claimant or a.document or a.candidates:
            return a
        for word in _RE_CAPITAL.findall(a.words):
            party_id = self.people.get(word.lower())
            if party_id is not None and party_id in self.index.parties:
                party = self.index.parties[party_id]
                how = (
                    f"{a.how}: {word} is {party.name}, named before"
                    if self._kind_of(party.id) == "person"
                    else f"{a.how}: {word} was named before as {party.name}'s"
                )
                return replace(a, claimant=party.id, known=True, words=party.name, how=how)
        names = _RE_CAPITAL.findall(a.words)
        for word in names:
            before = self.guessed.get(word.lower())
            if before is None or before.claimant == a.claimant:
                continue
            # (every name word of it in the earlier name: "Varga", "Ilse Varga" — not
            # "Governor Ivo Helm" after "Mayor Tomas Helm", another person)
            theirs = {w.lower() for w in _RE_CAPITAL.findall(before.words)}
            if all(w.lower() in theirs for w in names) and len(a.words.split()) <= 2:
                how = f"{a.how}: {word} is {before.words!r}, named before"
                return replace(a, claimant=before.claimant, words=before.words, how=how)
        return a

    def _remember_people(self, text: str, said: list[Attribution]) -> None:
        """The capitalised names standing just before a party's speech verb, after its
        name: "army spokesman Colonel Sékou Fofana told" makes Fofana the army's."""
        norm = text.replace("’", "'")
        for a in said:
            if not a.known and a.claimant and not (a.document or a.candidates or a.pronoun):
                tail = re.search(r"(?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*\s*$", a.words)
                for word in _RE_CAPITAL.findall(tail[0] if tail else ""):
                    key = word.lower()
                    if key not in self.guessed:
                        self.guessed[key] = a
                    elif (known := self.guessed[key]) is not None and known.claimant != a.claimant:
                        self.guessed[key] = None  # (two people of that name: neither)
                continue
            if not a.known or a.claimant not in self.index.parties:
                continue
            head = re.split(r"[,;:«»\"“”()]", norm[max(0, a.start - 70) : a.start])[-1]
            party_words = {w.lower() for w in _RE_CAPITAL.findall(a.words)}
            for word in (
                _RE_CAPITAL.findall(head)[1:] if head[:1].isupper() else _RE_CAPITAL.findall(head)
            ):
                if word.lower() not in party_words:
                    self.people.setdefault(word.lower(), a.claimant)
            if self._kind_of(a.claimant) == "person":
                # A person of the store named in full ("spokeswoman Ilse Varga said"):
                # the name's last words are that person later ("Varga told reporters").
                tail = re.search(r"(?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*\s*$", head)
                for word in _RE_CAPITAL.findall(tail[0] if tail else ""):
                    self.people.setdefault(word.lower(), a.claimant)

    def _kind_of(self, party_id: str) -> str:
        party = self.index.parties.get(party_id)
        side = (self.index.sides.get(party_id) or "").lower()
        if party is not None and (
            party.kind == "armed-group" or ("rebel" in side and party.kind != "person")
        ):
            return "armed-group"
        return getattr(party, "kind", "") or ""


def claimant_of(
    who: Said,
    cited: tuple[str, str] | None,
    statement: tuple[Attribution, str, dt.date | None] | None,
    outlet: str | None,
) -> tuple[str | None, str, str]:
    """The claimant, the why, and what to fill when it is left empty; ``statement``:
    the last statement's author, where and when ("selon le communiqué" is theirs)."""
    a = who.attribution
    if a is not None and a.document:
        if statement is not None:
            author, at, _ = statement
            return (
                author.claimant,
                f"claimant {author.claimant}: {a.how}, the statement of "
                f"{author.words} named at {at}",
                "",
            )
        return (
            None,
            f"claimant left empty: {a.how}, whose author the text does not name",
            ("who issued the statement the text cites (it names no author)"),
        )
    if a is not None and a.unnamed:
        return (
            None,
            f"claimant left empty: {a.how}; the store has no anonymous party for it",
            f"who is quoted: {a.words!r}, unnamed (an anonymous party's id; add one, "
            "kind anonymous)",
        )
    if a is not None and a.pronoun:
        return (
            None,
            f"claimant left empty: {a.how}",
            f"who speaks (the text says only {a.words!r})",
        )
    if a is not None and a.candidates:
        names = ", ".join(a.candidates)
        return (
            None,
            f"claimant left empty: {a.how}, which fits several parties ({names})",
            (f"which party spoke: one of {names}"),
        )
    if a is not None:
        how = a.how
        if who.origin == "carried":
            how = f"carried from the statement named at {who.at}: {a.how}"
        elif who.origin == "quote-continued":
            how = f"a quotation going on from the words of the speaker named at {who.at}"
        if a.venue:
            how += f"; said to {a.venue}, which is where it was said, not who said it"
        if a.known:
            return a.claimant, f"claimant {a.claimant}: {how}", ""
        return (
            a.claimant,
            (
                f"claimant {a.claimant} (guessed from the words {a.words!r}): {how}; the "
                "store has no party of that name: add one with this id, or write the id "
                "of the party it is"
            ),
            "",
        )
    if who.origin == "quoted":
        return (
            None,
            "claimant left empty: the figure is in a quotation whose speaker the "
            "text does not name here",
            "who is quoted (the text names no speaker here)",
        )
    if cited is not None and cited[0] != outlet:
        return cited[0], f"claimant {cited[0]}: the article cites {cited[1]!r} for it", ""
    return (
        None,
        (
            "no claimant: no attribution in the sentence nor a statement quoted just before "
            "it, so the outlet's own voice (the default claimant); write one if someone "
            "else said it"
        ),
        "",
    )
