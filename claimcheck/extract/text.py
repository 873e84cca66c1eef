"""Reading an article: bytes to text, text to paragraphs and sentences with locators.

Plain text is read as UTF-8 (a byte-order mark tells UTF-16), else as Windows-1252 when
that gives readable text; HTML goes through trafilatura (the ``html`` extra), which
drops the page's menus, adverts and comments and gives the title, date and address it
finds. The body stops at a closing section ("References", "See also", "Lire aussi"):
what follows is not the article's own text, though its numbered references are kept,
for the figures whose sentence carries a marker like ``[12]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, NoReturn

from claimcheck.errors import UsageError, display_path

#: An article larger than this is refused: no news article is, and a mistaken path to a
#: dump or a video must not take the machine.
MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body, with its place: paragraph and sentence, both from 1."""

    text: str
    paragraph: int
    index: int
    #: Reference markers that end it (``[12]`` → ``"12"``), in order.
    markers: tuple[str, ...] = ()

    @property
    def locator(self) -> str:
        return f"paragraph {self.paragraph}, sentence {self.index}"


class Credit(NamedTuple):
    """A dateline or credit: the outlet or agency the text comes from ("BAMAKO (AFP) -",
    "(avec AFP)", "With Reuters"), never the speaker of a figure."""

    name: str
    #: As written, for the candidate's note.
    text: str
    paragraph: int


@dataclass(slots=True)
class Article:
    """An article's body and what the page says about itself."""

    path: str
    paragraphs: list[list[Sentence]]
    title: str | None = None
    published: str | None = None
    url: str | None = None
    #: Numbered references after the body (``"12"`` → the reference's text).
    references: dict[str, str] = field(default_factory=dict)
    #: Datelines and credits, taken out of the body text.
    credits: list[Credit] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(s.text for s in p) for p in self.paragraphs)


def read_article(path: str | Path, encoding: str | None = None) -> Article:
    """Read a plain-text or HTML article. Raises :class:`UsageError` for what cannot be."""
    p = Path(path)
    shown = display_path(p)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            _too_big(shown, size)
        data = p.read_bytes()
    except IsADirectoryError:
        _fail(shown, "is a folder, not an article")
    except OSError as e:
        _fail(shown, f"cannot read: {e.strerror or e}")
    return read_article_bytes(data, shown, encoding, p.suffix)


def read_article_bytes(
    data: bytes, shown: str = "<stdin>", encoding: str | None = None, suffix: str = ""
) -> Article:
    """An article from its bytes (``extract -`` reads them from standard input);
    ``shown`` names it in errors, ``suffix`` (``.html``) tells a web page."""
    if len(data) > MAX_BYTES:
        _too_big(shown, len(data))
    if not data.strip():
        _fail(shown, "is empty: there is no article to read")
    text = decode(data, shown, encoding)
    if is_html(Path(f"article{suffix}"), text):
        return _from_html(text, shown)
    return parse_text(text, shown)


def _too_big(shown: str, size: int) -> NoReturn:
    _fail(shown, f"is {size / 1e6:.0f} MB: an article is at most {MAX_BYTES // 10**6} MB")


def decode(data: bytes, shown: str, encoding: str | None = None) -> str:
    """The text of ``data``: ``encoding`` if given, else UTF-8/UTF-16/Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            _fail(shown, f"unknown encoding {encoding!r}")
        except UnicodeDecodeError as e:
            _fail(shown, f"is not {encoding} text (byte {e.start})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"), shown)
    if b"\x00" in data[:8192]:
        _fail(shown, "is a binary file, not an article: give a text or HTML file")
    try:
        return _checked(data.decode("utf-8-sig"), shown)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or _controls(text) > 0.01 * len(text):
        _fail(
            shown,
            "cannot tell its encoding (not UTF-8, nor Windows-1252): save it as UTF-8 "
            "or name the encoding with --encoding",
        )
    return _checked(text, shown)


def _controls(text: str) -> int:
    return sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")


def _checked(text: str, shown: str) -> str:
    if _controls(text) > 0.01 * len(text):
        _fail(shown, "is a binary file, not an article: give a text or HTML file")
    return text


def is_html(path: Path, text: str) -> bool:
    """An ``.html``/``.htm`` file, or text that starts like a web page."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower()


def _from_html(html: str, shown: str) -> Article:
    try:
        import trafilatura
    except ImportError:
        _fail(
            shown,
            "is a web page: reading HTML needs trafilatura, installed with "
            "pip install 'claimcheck[html]' (or save the article as plain text)",
        )
    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(found, "text", None) if found is not None else None
    # A menu or a cookie notice left alone is no article.
    if not isinstance(body, str) or len(body.split()) < _MIN_WORDS:
        _fail(shown, "is a web page with no article text that could be found")
    article = parse_text(body.replace("\n", "\n\n"), shown)
    article.title = getattr(found, "title", None) or article.title
    article.published = getattr(found, "date", None)
    article.url = getattr(found, "url", None)
    return article


#: Fewer words than this on a page is no article text.
_MIN_WORDS = 8


def _fail(shown: str, message: str) -> NoReturn:
    raise UsageError.at(shown, 0, 0, message)


# --- paragraphs and sentences ------------------------------------------------------------

#: Headings after which the text is no longer the article's own.
_CLOSING = re.compile(
    r"^(?:references|notes|notes and references|sources|see also|external links|"
    r"further reading|related (?:research )?articles|read more|read also|"
    r"références|notes et références|voir aussi|liens externes|lire aussi|"
    r"à lire aussi|sur le même sujet)\s*:?\s*$",
    re.IGNORECASE,
)
_RE_REFERENCE = re.compile(r"^\s*(\d{1,4})\s*[.)]\s+(.+)$")
_RE_MARKER = re.compile(r"\s*\[(\d{1,4}|[a-z])\]")
#: Ends of sentences: ., ! or ? (and closing quotes, French-spaced « … . » included,
#: or a marker), then a capital.
_RE_SENTENCE_END = re.compile(
    r"""(?<=[.!?…])(?:\s*["»”’)\]]|\s*\[\d{1,4}\])*\s+(?=["«“(]?[A-ZÀ-ÖØ-Þ0-9])"""
)
_CLOSES = {"«": "»", "“": "”"}
#: A dateline opening a paragraph: "BAMAKO (AFP) -", "Bamako, 19 sept. (Reuters) —",
#: "(Example Wire) —".
_RE_DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\- ]{1,40}(?:,[^()\n]{1,30})?\s*"
    r"\((?P<credit>[^()]{2,50})\)\s*[-–—:]\s*"
    r"|\((?P<alone>[A-ZÀ-ÖØ-Þ][^()]{1,49})\)\s*(?:[-–—:]\s*|$|(?=[A-ZÀ-ÖØ-Þ«“\"])))"
)
#: A credit line or a credit ending a paragraph: "(avec AFP)", "With Reuters",
#: "— AFP", "(Le Courrier du Nord)", "Source : AFP".
_RE_CREDIT = re.compile(
    r"(?:^|(?<=[.!?»”\"]))\s*(?:[-–—]\s*)?(?:"
    r"\(\s*(?:(?:avec|with|source|sources|par|by)\s*:?\s+)?(?P<paren>[^()]{2,50}?)\s*\)"
    r"|(?:avec|with|source|sources)\s*:?\s+(?P<word>[A-Z][^()\n.]{1,40}?)"
    r")\s*\.?\s*$",
    re.IGNORECASE,
)
#: A credit of people, not of an outlet: the journalists who wrote, reported or edited
#: ("Reporting by X; Editing by Y", "(Additional reporting by X)", "By X",
#: "Par X, avec Y à Z", "Propos recueillis par X"). Never a relay.
_RE_BYLINE = re.compile(
    r"^\(?\s*(?:"
    r"(?:additional\s+)?(?:reporting|writing|editing|research|compiled|written|reported"
    r"|edited|translated|graphics)\s+by\b"
    r"|(?:propos\s+recueillis|r[ée]dig[ée]|traduit)\s+par\b"
    r"|(?:by|par|de\s+notre\s+(?:envoy[ée]e?\s+sp[ée]cial[e]?|correspondante?))\s+"
    r"(?!(?:l[ae]s?|the|une?|a)\s)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)+"
    r")",
    re.IGNORECASE,
)
#: An agency named in a byline ("Par X, avec AFP"): the relay it credits.
_RE_BYLINE_AGENCY = re.compile(
    r"\b(?:avec|with)\s+(?P<agency>[A-Z]{2,6})\b(?!\s+(?:à|a|in|au|en)\s)"
)
#: Words ending in a dot that do not end a sentence.
_ABBREVIATIONS = {
    *("mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "col.", "lt.", "maj.", "sgt.", "capt."),
    *("no.", "vs.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.n."),
    *("m.", "mme.", "mgr.", "p.", "pp.", "c.", "approx.", "env.", "n°."),
}


def parse_text(text: str, path: str = "<text>") -> Article:
    """Split plain text into paragraphs (blank lines; single lines in a list-like page)
    and sentences; the first short line is the title."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[str] = []
    current: list[str] = []
    references: dict[str, str] = {}
    closing = False
    for line in lines:
        stripped = line.strip()
        if _CLOSING.match(stripped):
            closing = True
            continue
        if closing:
            m = _RE_REFERENCE.match(stripped)
            if m:
                references[m[1]] = m[2]
            continue
        if not stripped:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(stripped)
        # A line with no sentence end is a paragraph of its own (headings, infobox rows).
        if not stripped.endswith((".", "!", "?", ":", ",", ";", "»", '"', "”", "]")):
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    title = blocks[0] if blocks and len(blocks[0]) <= 200 else None
    paragraphs: list[list[Sentence]] = []
    credits: list[Credit] = []
    for n, block in enumerate(blocks):
        if n > 0 or title is None:
            block = _take_credits(block, len(paragraphs) + 1, credits)
            if not block:
                continue
        number = len(paragraphs) + 1
        sentences = [
            Sentence(_RE_MARKER.sub("", s).strip(), number, i + 1, tuple(_RE_MARKER.findall(s)))
            for i, s in enumerate(split_sentences(block))
        ]
        if sentences:
            paragraphs.append(sentences)
    return Article(path, paragraphs, title=title, references=references, credits=credits)


def _take_credits(block: str, paragraph: int, credits: list[Credit]) -> str:
    """``block`` without its dateline and closing credit, each noted in ``credits``;
    a byline (people, not an outlet) is taken out and noted only for the agency it
    names."""
    if _is_byline(block):
        for agency in _RE_BYLINE_AGENCY.finditer(block):
            credits.append(Credit(agency["agency"], block, paragraph))
        return ""
    m = _RE_DATELINE.match(block)
    if m and len(m[0].split()) <= 8 and not re.search(r"\d", m["credit"] or m["alone"]):
        credits.append(Credit((m["credit"] or m["alone"]).strip(), m[0].strip(), paragraph))
        block = block[m.end() :].strip()
    m = _RE_BYLINE_END.search(block)
    if m and _is_byline(m["byline"]):
        block = block[: m.start()].strip()
    m = _RE_CREDIT.search(block)
    # A credit is short: a name, not a parenthesis of the sentence ("(14 civilians)").
    if m and len((m["paren"] or m["word"]).split()) <= 5 and not re.search(r"\d", m[0]):
        credits.append(Credit((m["paren"] or m["word"]).strip(), m[0].strip(), paragraph))
        block = block[: m.start()].strip()
    return block


#: A parenthesis ending a paragraph, for a byline there ("… (Additional reporting by X)").
_RE_BYLINE_END = re.compile(r"(?:^|(?<=[.!?»”\"]))\s*(?P<byline>\([^()]{4,200}\))\s*\.?\s*$")


def _is_byline(block: str) -> bool:
    """Whether ``block`` is a credit of people: short, and opening as a byline does."""
    return (
        len(block.split()) <= 30
        and not re.search(r"[.!?]\s+\S", block.rstrip(".)"))
        and bool(_RE_BYLINE.match(block))
    )


def split_sentences(block: str) -> list[str]:
    """Sentences of one paragraph, verbatim (reference markers kept on their sentence)."""
    out: list[str] = []
    start = 0
    quoted = quoted_spans(block)
    for m in _RE_SENTENCE_END.finditer(block):
        # Inside « … » or “ … ”: the quoted speech is one sentence with its frame.
        if any(a < m.start() and m.end() <= b for a, b in quoted):
            continue
        before = block[start : m.start()].rsplit(None, 1)
        last = before[-1].lower() if before else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.){1,3}", last):
            continue
        out.append(block[start : m.end()].strip())
        start = m.end()
    tail = block[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def quoted_spans(block: str) -> list[tuple[int, int]]:
    """Spans of the quotations closed within ``block`` (outermost): « … », “ … ”, and
    straight "…" when they pair up."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(block):
        if ch in _CLOSES:
            stack.append((ch, i))
        elif stack and ch == _CLOSES[stack[-1][0]]:
            opened = stack.pop()[1]
            if not stack:
                spans.append((opened, i))
    straight = [i for i, ch in enumerate(block) if ch == '"']
    if len(straight) % 2 == 0:
        spans += list(zip(straight[::2], straight[1::2], strict=True))
    return spans
