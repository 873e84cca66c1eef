"""From a news article to candidate claims: ``claimcheck extract``.

:func:`extract_file` reads an article (plain text, or HTML with the ``html`` extra),
finds the figures it asserts with who says them, about what and when, matches them to
a store's properties, parties, outlets and subjects, and returns an
:class:`Extraction` that :func:`to_yaml` writes as a candidate file for ``check`` and
``add``. The parts, in reading order: :mod:`.text` (bytes to sentences),
:mod:`.lexicon` (the words of casualty reporting), :mod:`.when` (days),
:mod:`.figures` (what is counted), :mod:`.names` (parties and outlets named),
:mod:`.attribution` (who says it; its words in :mod:`.attribution_words`, speakers
left unnamed in :mod:`.unnamed_speakers`), :mod:`.speakers` (who speaks beyond
the sentence), :mod:`.scope` (what a clause reaches), :mod:`.subjects` (which
event), :mod:`.match` (the store indexed, the property), :mod:`.own_side` (whose
people a figure counts), :mod:`.article_event` (the article's event),
:mod:`.as_of` (when it was said), :mod:`.propose` (the document), :mod:`.reading`
(one pass over the sentences), :mod:`.candidate` (the file). Nothing here touches
the network.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from claimcheck.extract.candidate import Extraction, ProposedClaim, Skipped, to_json, to_yaml
from claimcheck.extract.match import StoreIndex, index_store
from claimcheck.extract.propose import extract
from claimcheck.extract.text import Article, read_article, read_article_bytes

__all__ = [
    "Article",
    "Extraction",
    "ProposedClaim",
    "Skipped",
    "StoreIndex",
    "extract",
    "extract_bytes",
    "extract_file",
    "index_store",
    "read_article",
    "to_json",
    "to_yaml",
]


def extract_file(
    path: str | Path,
    store: Any | None = None,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> Extraction:
    """Read the article at ``path`` and propose its claims, matched to ``store`` (a
    loaded store, or None for the ``init`` vocabulary alone)."""
    article = read_article(path, encoding)
    return extract(
        article,
        index_store(store),
        outlet=outlet,
        published=published,
        title=title,
        url=url,
        language=language,
    )


def extract_bytes(
    data: bytes,
    store: Any | None = None,
    *,
    shown: str = "<stdin>",
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> Extraction:
    """As :func:`extract_file`, for an article's bytes (``extract -``: standard input);
    ``shown`` names it in errors and in the candidate."""
    article = read_article_bytes(data, shown, encoding)
    return extract(
        article,
        index_store(store),
        outlet=outlet,
        published=published,
        title=title,
        url=url,
        language=language,
    )
