"""Quotes as relays are compared: the same words, however typed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTE_MARKS: dict[int, str] = {
    **{ord(a): b for a, b in zip("’‘«»“”‐‑", '\'\'""""--', strict=True)},
    # (a dash between words, spaced or not — house styles differ: "market—fourteen",
    # "market – fourteen", "market - fourteen" — as one spaced mark; a hyphen within a
    # word stays)
    **{ord(dash): " - " for dash in "‒–—−"},
    ord("…"): " ... ",
}
#: An ellipsis typed as dots, spaced or not (". . .", "...").
_DOTS = re.compile(r"\s*\.(?:\s*\.){2}\s*")
#: A dash between numbers: a range ("10–14", "10 - 14"), read as a hyphen.
_RANGE = re.compile(r"(\d)\s*-\s*(?=\d)")


@lru_cache(maxsize=65536)
def normalise_quote(text: str) -> str:
    """Quotes compared for relays: NFC, case-folded, one kind of quote mark, of dash
    between words and of ellipsis, spaced or not (a copy desk's en dash for a spaced
    hyphen: an analyst's trial; an em dash spaced or not: an adversarial one), one
    space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_QUOTE_MARKS)
    if ".." in text or ". ." in text:
        text = _DOTS.sub(" ... ", text)
    if "-" in text:
        text = _RANGE.sub(r"\1-", text)
    return " ".join(text.split()).strip(" .\"'")
