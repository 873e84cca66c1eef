"""Number words, vague sizes and the phrases that set a figure's form, in English and
French.

This is the one table of what vague words mean. The README reproduces it and a test
keeps the two in step. A vague word is an interval plus a *nominal* value: the number it
rounds to, used when a modifier applies to it ("au moins une dizaine" = at least 10).
"""

from __future__ import annotations

import math
from typing import NamedTuple


class Vague(NamedTuple):
    low: float
    high: float
    nominal: float
    meaning: str


#: Vague sizes: phrase -> interval. Keys are lower-case, NFC, single-spaced.
VAGUE: dict[str, Vague] = {
    # English
    "a few": Vague(2, 6, 3, "a small number"),
    "several": Vague(3, 9, 5, "more than a few, fewer than a dozen"),
    "a dozen": Vague(10, 14, 12, "about twelve"),
    "about a dozen": Vague(10, 14, 12, "about twelve"),
    "dozens": Vague(24, 99, 24, "two dozen or more, under a hundred"),
    "tens": Vague(20, 99, 20, "two tens or more, under a hundred"),
    "scores": Vague(40, 99, 40, "two score or more, under a hundred"),
    "hundreds": Vague(200, 999, 200, "two hundred or more, under a thousand"),
    "thousands": Vague(2000, 9999, 2000, "two thousand or more, under ten thousand"),
    # French collective numerals: about N, give or take a fifth
    "quelques": Vague(2, 6, 3, "a few"),
    "plusieurs": Vague(3, 9, 5, "several"),
    "une dizaine": Vague(8, 12, 10, "about ten"),
    "une douzaine": Vague(10, 14, 12, "about twelve"),
    "une quinzaine": Vague(12, 18, 15, "about fifteen"),
    "une vingtaine": Vague(16, 24, 20, "about twenty"),
    "une trentaine": Vague(24, 36, 30, "about thirty"),
    "une quarantaine": Vague(32, 48, 40, "about forty"),
    "une cinquantaine": Vague(40, 60, 50, "about fifty"),
    "une soixantaine": Vague(48, 72, 60, "about sixty"),
    "une centaine": Vague(80, 120, 100, "about a hundred"),
    "un millier": Vague(800, 1200, 1000, "about a thousand"),
    "des dizaines": Vague(20, 99, 20, "tens: twenty or more, under a hundred"),
    "des centaines": Vague(200, 999, 200, "hundreds"),
    "des milliers": Vague(2000, 9999, 2000, "thousands"),
    "millions": Vague(2000000, 9999999, 2000000, "two million or more, under ten million"),
    "des millions": Vague(2000000, 9999999, 2000000, "millions"),
    # A few or several of a size: the size times 2–6 or 3–9
    "a few dozen": Vague(24, 72, 36, "a few times twelve"),
    "several dozen": Vague(36, 108, 60, "several times twelve"),
    "a few hundred": Vague(200, 600, 300, "a few times a hundred"),
    "several hundred": Vague(300, 900, 500, "several times a hundred"),
    "a few thousand": Vague(2000, 6000, 3000, "a few times a thousand"),
    "several thousand": Vague(3000, 9000, 5000, "several times a thousand"),
    "tens of thousands": Vague(20000, 99999, 20000, "twenty thousand or more, under 100,000"),
    "hundreds of thousands": Vague(
        200000, 999999, 200000, "two hundred thousand or more, under a million"
    ),
    "quelques dizaines": Vague(20, 60, 30, "a few tens"),
    "plusieurs dizaines": Vague(30, 90, 50, "several tens"),
    "quelques centaines": Vague(200, 600, 300, "a few hundred"),
    "plusieurs centaines": Vague(300, 900, 500, "several hundred"),
    "quelques milliers": Vague(2000, 6000, 3000, "a few thousand"),
    "plusieurs milliers": Vague(3000, 9000, 5000, "several thousand"),
    "des dizaines de milliers": Vague(20000, 99999, 20000, "tens of thousands"),
    "des centaines de milliers": Vague(200000, 999999, 200000, "hundreds of thousands"),
}

#: Words that give a figure its size: never a noun copied along after it ("several
#: hundred" is not "several" hundreds of something). A phrase ending in one of these
#: that is not in :data:`VAGUE` and not a number is refused, not shrunk.
SIZE_WORDS = frozenset(
    {
        *("dozen", "dozens", "score", "scores", "tens"),
        *("hundred", "hundreds", "thousand", "thousands", "million", "millions"),
        *("billion", "billions", "cent", "cents", "mille", "milliard", "milliards"),
        *("dizaine", "dizaines", "douzaine", "douzaines", "quinzaine", "quinzaines"),
        *("vingtaine", "vingtaines", "trentaine", "trentaines", "quarantaine"),
        *("quarantaines", "cinquantaine", "cinquantaines", "soixantaine", "soixantaines"),
        *("centaine", "centaines", "millier", "milliers"),
    }
)

#: Fraction either side of the stated figure for "~800", "about 800", "environ 800".
APPROX_MARGIN = 0.10

UNITS_EN = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
UNITS_FR = {
    "zéro": 0,
    "aucun": 0,
    "aucune": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
UNITS = {**UNITS_EN, **UNITS_FR}
HUNDREDS = {"hundred": 100, "cent": 100, "cents": 100}
THOUSANDS = {"thousand": 1000, "mille": 1000}
#: Above a thousand: "two million", "deux millions", "1.5 million".
MILLIONS = {
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "milliard": 10**9,
    "milliards": 10**9,
}
#: What a figure written in digits may be followed by: "2 dozen", "3 000", "1.5 million".
MULTIPLIERS = {"dozen": 12, **HUNDREDS, **THOUSANDS, **MILLIONS, "k": 1000}
#: Words that only join number words: "two hundred and five", "vingt et un".
JOINERS = {"and", "et"}


#: Phrases before a figure that set its form ("at least 10": at-least).
PREFIXES: tuple[tuple[str, str], ...] = (
    ("no fewer than", "at-least"),
    ("no less than", "at-least"),
    ("not less than", "at-least"),
    ("at least", "at-least"),
    ("au moins", "at-least"),
    ("au minimum", "at-least"),
    ("pas moins de", "at-least"),
    ("pas moins d'", "at-least"),
    ("minimum", "at-least"),
    ("more than", "more-than"),
    ("upwards of", "more-than"),
    ("over", "more-than"),
    ("above", "more-than"),
    ("plus de", "more-than"),
    ("plus d'", "more-than"),
    ("au-delà de", "more-than"),
    ("au delà de", "more-than"),
    ("no more than", "at-most"),
    ("not more than", "at-most"),
    ("at most", "at-most"),
    ("up to", "at-most"),
    ("au plus", "at-most"),
    ("au maximum", "at-most"),
    ("jusqu'à", "at-most"),
    ("maximum", "at-most"),
    ("fewer than", "less-than"),
    ("less than", "less-than"),
    ("under", "less-than"),
    ("below", "less-than"),
    ("moins de", "less-than"),
    ("moins d'", "less-than"),
    ("approximately", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("circa", "approx"),
    ("c.", "approx"),
    ("environ", "approx"),
    ("approximativement", "approx"),
    ("quelque", "approx"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("près de", "nearly"),
    ("presque", "nearly"),
    ("près d'", "nearly"),
)
#: Phrases after a figure that set its form ("10 or more": at-least).
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("or more", "at-least"),
    ("and more", "at-least"),
    ("ou plus", "at-least"),
    ("et plus", "at-least"),
    ("or fewer", "at-most"),
    ("or less", "at-most"),
    ("ou moins", "at-most"),
)
#: The prefixes as they are tried, longest first ("au moins" before "moins").
PREFIXES_LONGEST_FIRST = sorted(PREFIXES, key=lambda p: -len(p[0]))
#: What a source writes when it does not know.
UNKNOWN_WORDS = {"unknown", "inconnu", "inconnue", "non connu", "?", "n/a"}

#: Words after "none" or "aucun" that say no figure was given, not that there were
#: none: "none reported", "aucun bilan" are no count at all.
NO_FIGURE = frozenset(
    {
        *("reported", "confirmed", "known", "given", "available", "announced", "released"),
        *("toll", "figure", "figures", "count", "tally", "estimate", "number"),
        *("bilan", "chiffre", "chiffres", "décompte", "annoncé", "confirmé", "connu"),
        *("communiqué", "disponible", "officiel"),
    }
)

#: Ways of saying nobody at all: 0 ("no one" is not "no" and "one").
NOBODY = frozenset(
    {"no one", "no-one", "nobody", "not one", "not a single one", "personne", "pas un", "pas une"}
)

#: Symbols before a figure that set its form (">30": more-than).
SYMBOLS = {
    ">=": "at-least",
    "≥": "at-least",
    "+": "at-least",
    ">": "more-than",
    "<=": "at-most",
    "≤": "at-most",
    "<": "less-than",
    "~": "approx",
    "≈": "approx",
}


def number_from_words(text: str) -> float | None:
    """The number spelled by ``text`` ("thirty-two", "quatre-vingt-dix"), or None."""
    tokens = [t for t in text.replace("-", " ").split() if t not in JOINERS]
    if not tokens:
        return None
    total = 0
    current = 0
    last_scale = 0
    seen = False
    previous = ""
    for token in tokens:
        if token in UNITS:
            value = UNITS[token]
            if token in ("vingt", "vingts") and previous == "quatre" and current % 100 == 4:
                current += 80 - 4  # quatre-vingt(s) = 4 x 20
            else:
                current += value
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in HUNDREDS:
            current = (current or 1) * 100
        elif token in THOUSANDS or token in MILLIONS:
            scale = THOUSANDS.get(token) or MILLIONS[token]
            if total and not current and scale >= last_scale:
                total *= scale  # "one thousand million", "deux cent mille millions"
            else:
                total += (current or 1) * scale
            last_scale = scale
            current = 0
        else:
            return None
        seen = True
        previous = token
    if not seen:
        return None
    # "a"/"an" alone is not a number ("a few" is handled as a vague size); nor is a word
    # for none beside others ("no one" is :data:`NOBODY`'s, "no five" nothing).
    if tokens in (["a"], ["an"]) or (len(tokens) > 1 and any(UNITS.get(t) == 0 for t in tokens)):
        return None
    n = total + current
    # Too big for a float ("hundred" said a hundred and fifty times): the caller refuses
    # anything above 1e15 anyway.
    return float(n) if n < 10**300 else math.inf
