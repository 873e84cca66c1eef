"""What a clause reaches: which of a sentence's attributions speak for a figure, and
whether an earlier date the sentence names makes the figure a recalled event's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from claimcheck.extract.attribution import Attribution
from claimcheck.extract.lexicon import CONTRE
from claimcheck.extract.when import DateMention


def recalled_date(
    text: str, start: int, end: int, earlier: list[DateMention]
) -> DateMention | None:
    """The earlier event's date a figure belongs to ("in 2019 a similar attack killed
    160"), if any: an earlier date with no clause mark nor comparison between them; a
    date after "since"/"depuis" claims only the figures after it up to a comma."""
    for d in earlier:
        lo, hi = (d.end, start) if d.end <= start else (end, d.start)
        between = text[lo:hi]
        if _RE_APART.search(between):
            continue
        anchor = _RE_SINCE.search(text[max(0, d.start - 25) : d.start])
        if anchor and (d.start > start or "," in between):
            continue
        return d
    return None


_RE_APART = re.compile(
    r";|\s[-–—]\s|\b(?:while|whereas|but|tandis que|alors que|mais|since|depuis|than|"
    rf"{CONTRE}|"
    r"compared|comparé|after|après|unlike|contrairement)\b",
    re.IGNORECASE,
)
_RE_SINCE = re.compile(r"\b(?:since|depuis|than in|qu'en|que lors)\b[^,;]*$", re.IGNORECASE)
_RE_CONTRAST = re.compile(
    rf";|\b(?:while|whereas|but|tandis que|alors que|mais|{CONTRE})\b", re.IGNORECASE
)


#: Where a denial's reach ends and the denier's own account begins: "denied losing 20,
#: saying only 3 were killed", "a démenti ..., affirmant que".
_RE_COUNTER = re.compile(
    r",\s*(?:saying|insisting|adding|arguing|stating|explaining|putting|affirmant|assurant|"
    r"précisant|ajoutant|estimant|indiquant|soulignant|expliquant|insistant|évoquant|"
    r"faisant état)\b|\b(?:but said|mais a (?:reconnu|admis|indiqué))\b|"
    # "L'état-major a démenti : « Aucun de nos soldats... »": its own words
    r"^\s*:\s*[«\"“]",
    re.IGNORECASE,
)


def for_figure(said: list[Attribution], text: str, start: int, strict: bool) -> list[Attribution]:
    """The attributions of a sentence that speak for a figure at ``start``: those of its
    own clause; else the nearest before it; else the nearest after it with no contrast
    between ("…, while the army put it at 8" speaks for the 8 only). ``strict``: own
    clause only (a recalled event's figure takes no attribution of today's)."""
    for a in said:
        if a.stance == "denies" and a.start < start:
            counter = _RE_COUNTER.search(text, a.end, start) or _RE_COUNTER.match(
                text[a.end : start]
            )
            if counter is not None:
                # "denied losing 20, saying only 3 were killed": the 3 is its own claim.
                how = f"{a.how}, then its own figure after {counter[0].strip(' ,')!r}"
                return [replace(a, stance="asserts", how=how)]
    bounds = [0, *(m.end() for m in _RE_CONTRAST.finditer(text)), len(text) + 1]
    clause = next((lo, hi) for lo, hi in pairwise(bounds) if start < hi)
    own = [a for a in said if clause[0] <= a.start < clause[1]]
    if own or strict:
        return _one_each(own, start)
    before = [a for a in said if a.start < start]
    if before:
        return _one_each(before[-1:], start)
    after = [a for a in said if a.start > start and not _RE_CONTRAST.search(text[start : a.start])]
    return _one_each(after[:1], start)


def _one_each(said: list[Attribution], start: int) -> list[Attribution]:
    """The nearest asserting attribution and the nearest denying one."""
    out = []
    for stance in ("asserts", "denies"):
        found = sorted((a for a in said if a.stance == stance), key=lambda a: abs(a.start - start))
        out += found[:1]
    return out


#: A count over a period, not one event: "since 2012", "depuis le début de l'année".
_RE_PERIOD = re.compile(
    r"\b(?:since|depuis)\s+(?:(?:le|la|l'|the)\s*)?(?:\d{4}\b|début|start|beginning|outset|"
    r"déclenchement)|\b(?:so far|depuis janvier)\s+(?:this|cette)?\s*(?:year|année)?|"
    r"\bthis year\b|\bcette année\b|"
    # a past year: its totals, or an event of it the store may not hold
    r"\bl['’](?:an|année) (?:dernier|dernière|passé|passée)\b|\blast year\b|"
    r"\bthe previous year\b|\bl['’]année précédente\b",
    re.IGNORECASE,
)
#: A whole conflict: its toll is no event's.
_RE_CONFLICT = re.compile(
    r"\b(?:insurgency|insurrection|conflict|conflit|war|guerre|crisis|crise|rebellion|"
    r"rébellion|jihadist violence|violences? jihadistes?)\b",
    re.IGNORECASE,
)
#: "the deadliest attack since 2012": a comparison, the figure is still the event's.
_RE_COMPARED = re.compile(
    r"\b(?:worst|deadliest|biggest|largest|first|pire|plus meurtri\w*|plus grave|premi\w+)\b"
    r"[^,;.]{0,40}$",
    re.IGNORECASE,
)


def period_total(text: str, start: int) -> str | None:
    """The words that make the figure at ``start`` a total over a period or a whole
    conflict ("the conflict has killed 5,000 since 2012", "depuis le début de l'année,
    112 civils"), not one event's toll; None when it is none."""
    bounds = [0, *(m.end() for m in _RE_CONTRAST.finditer(text)), len(text) + 1]
    lo, hi = next((lo, hi) for lo, hi in pairwise(bounds) if start < hi)
    clause = text[lo:hi]
    for m in _RE_PERIOD.finditer(clause):
        if not _RE_COMPARED.search(clause[: m.start()]):
            return m[0].strip()
    conflict = _RE_CONFLICT.search(text[:start])
    if conflict and re.search(r"\b(?:since|depuis|years|ans|decades?|décennies?)\b", text):
        return conflict[0]
    return None
