"""Quotes as relays are compared: the same words, however typed."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_QUOTE_MARKS: dict[int, str] = {
    **{ord(a): b for a, b in zip("’‘«»“”‐‑‒–—−", '\'\'""""------', strict=True)},
    ord("…"): "...",
}


@lru_cache(maxsize=65536)
def normalise_quote(text: str) -> str:
    """Quotes compared for relays: NFC, case-folded, one kind of quote mark, of dash
    (a copy desk's en dash for a hyphen: an analyst's trial) and of ellipsis, one
    space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_QUOTE_MARKS)
    return " ".join(text.split()).strip(" .\"'")
