"""The text of a new store's files: one commented YAML file per section.

Each file starts with the schema line for editors, says what its section holds and
what each field means (the closed lists of values read from the model, so that they
cannot drift from it), then gives one worked record of an invented example event for
the user to replace. ``properties.yaml`` holds the vocabulary instead.
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
import typing
from typing import Any

from claimcheck import model
from claimcheck.model import SECTIONS, SINGULAR, Property
from claimcheck.scaffold.vocabulary import GROUPS

#: The JSON Schema of the file format, beside the store files (as in the shipped store).
SCHEMA_NAME = "claimcheck.schema.json"

EXAMPLE_NOTE = """\
EXAMPLE, to replace: the record below belongs to an invented event, the shelling of
the market of Dorvala, Norland, on 2 March 2024 (no such place, army or agency exists),
so that `claimcheck check` has something to show. Replace it with your own."""

#: What each section holds, in a sentence or two.
SECTION_HELP = {
    "outlets": "Outlets: the publishers your documents come from.",
    "documents": "Documents: one article, video, statement or post each, from an outlet.",
    "parties": "Parties: those who assert things or take part (a state, an army, an\n"
    "armed group, a hospital, anonymous officials). A claim's claimant is a party or an\n"
    "outlet.",
    "subjects": "Subjects: what claims are about: an event, a place, a person, a group.",
    "properties": "Properties: what a claim can say about a subject, and how values compare.\n"
    "A reusable vocabulary for contested events: keep what you need, add your own.",
    "claims": "Claims: one assertion from one source each: a subject, a property, a value.",
    "reviews": "Reviews: a person's verdict on a finding of `claimcheck check`, by its\n"
    "fingerprint. The finding is still reported, marked, and no longer fails the check.",
}

#: What each field means. A test holds this to the model: every field is described.
FIELD_HELP: dict[str, dict[str, str]] = {
    "outlets": {
        "id": "how claims and documents name it",
        "name": "its name",
        "kind": "",
        "country": "where it is based (e.g. FR)",
        "owner": "outlets with one owner are one origin, not independent",
        "affiliation": "a party id, for state or party media",
        "reliability": "Admiralty letter, set by a person",
        "url": "its home page",
        "aliases": "other names it goes by, any language",
        "note": "anything worth knowing",
    },
    "documents": {
        "id": "how claims cite it as their source",
        "outlet": "the outlet that published it",
        "title": "as published, in its language",
        "published": "date YYYY-MM-DD: a claim's as_of defaults to it",
        "retrieved": "when you read it",
        "language": "e.g. en, fr",
        "url": "where it is",
        "cites": "ids of the documents it relays (a wire dispatch it reprints)",
        "kind": "",
        "author": "who wrote it",
        "note": "anything worth knowing",
    },
    "parties": {
        "id": "how claims name it as claimant",
        "name": "its name",
        "kind": "",
        "side": "allies share a side; a side involved in a subject is interested in it",
        "part_of": "the party it belongs to or speaks for: one origin with it",
        "anonymous": "unnamed ('officials'); default: kind is anonymous",
        "aliases": "other names it goes by, any language",
        "note": "anything worth knowing",
    },
    "subjects": {
        "id": "how claims name it",
        "label": "its name, for people",
        "kind": "",
        "date": "its extent: 2024-03-02, or 2024-03-02/2024-03-05",
        "part_of": "a larger subject (a strike, part of a battle)",
        "sides": "sides involved (each some party's side): their claims are interested",
        "aliases": "other names it goes by, any language",
        "note": "anything worth knowing",
    },
    "properties": {
        "id": "how claims name it",
        "type": "",
        "label": "its name, for people",
        "description": "what it means",
        "unit": "people, vehicles, km...",
        "single": "one true value per subject (default true): different values conflict",
        "values": "the allowed values of a category",
        "cumulative": "a running toll later reports may revise upward",
        "varies": "a count or state that rises and falls (people held, displaced; who"
        " holds a town): values of different days do not conflict",
        "tolerance": "quantity: a gap (3) or a share ('10%') within which figures agree;"
        " date: days",
        "losses_of": "quantity: the side whose own losses it counts (its figure above the"
        " other side's is against its interest)",
        "aliases": "the words sources use for it, English and French",
        "note": "anything worth knowing",
    },
    "claims": {
        "id": "unique in the store",
        "subject": "what it is about",
        "property": "what it says about it",
        "value": "14, '14+', 'at least ten', 'une dizaine', 2024-03-02, a category...",
        "source": "the document it is from",
        "claimant": "who says it, a party or outlet; default: the document's outlet",
        "as_of": "when the value holds; default: the document's date",
        "stance": "",
        "quote": "verbatim, in the original language",
        "locator": "where in the document (paragraph, timestamp)",
        "note": "anything worth knowing",
        "status": "",
    },
    "reviews": {
        "finding": "the fingerprint `claimcheck check --format json` gives",
        "verdict": "",
        "note": "why",
        "by": "who reviewed it",
        "on": "when",
        "claims": "the claims it had: later ones show as new",
    },
}

#: One worked record of the example event per section (properties: the vocabulary).
EXAMPLE: dict[str, str] = {
    "outlets": """\
outlets:
  - id: example-wire
    name: Example Wire
    kind: news-agency
    owner: Example Media Group
    url: https://example.org/wire
""",
    "documents": """\
documents:
  - id: example-wire-2024-03-03-dorvala
    outlet: example-wire
    title: "Norland: shells hit Dorvala market, army says four civilians dead"
    published: 2024-03-03
    retrieved: 2024-03-04
    language: en
    url: https://example.org/wire/2024/03/03/dorvala-market
    kind: article
""",
    "parties": """\
parties:
  - id: norland-army
    name: Norland Armed Forces
    kind: army
    side: norland-government
""",
    "subjects": """\
subjects:
  - id: dorvala-shelling
    label: Shelling of Dorvala market
    kind: event
    date: 2024-03-02
    sides: [norland-government]
""",
    "claims": """\
claims:
  - id: dorvala-civilians-killed-army
    subject: dorvala-shelling
    property: civilians_killed
    value: 4
    source: example-wire-2024-03-03-dorvala
    claimant: norland-army
    quote: >-
      Four civilians were killed when rebel shells hit the market,
      an army spokesman said.
""",
    "reviews": """\
reviews:
  - finding: {fingerprint}
    verdict: accepted
    note: The army's own figure, and no one else's yet; kept until another source gives one.
    by: Example Desk
    on: 2024-03-04
    claims: [dorvala-civilians-killed-army]
""",
}

#: The finding the example review acknowledges: CC202 (interested-only) on the army's 4.
#: A test checks that `claimcheck check` on a new store gives it, and no stale review.
EXAMPLE_REVIEWED_FINDING = "afa875f6613c07d7"


def section_files() -> dict[str, str]:
    """``{"outlets.yaml": text, ...}``: one file per section, in the store's order."""
    files = {}
    for section in SECTIONS:
        body = (
            _vocabulary()
            if section == "properties"
            else EXAMPLE[section].replace("{fingerprint}", EXAMPLE_REVIEWED_FINDING)
        )
        files[f"{section}.yaml"] = _header(section) + "\n" + body
    return files


def gitignore() -> str:
    from claimcheck.store.cache import CACHE_DIR

    return (
        "# claimcheck's cache of the parsed store and its writers' lock: rebuilt when missing\n"
        f"{CACHE_DIR}/\n"
    )


def _header(section: str) -> str:
    lines = [f"# yaml-language-server: $schema={SCHEMA_NAME}", "#"]
    lines += [f"# {line}" for line in SECTION_HELP[section].splitlines()]
    lines.append("#")
    if section != "properties":
        lines += [f"# {line}" for line in EXAMPLE_NOTE.splitlines()]
        lines.append("#")
    lines.append(f"# Fields of a{'n' if section == 'outlets' else ''} {SINGULAR[section]}:")
    lines += _field_lines(section)
    return "\n".join(lines) + "\n"


def _field_lines(section: str) -> list[str]:
    record_type = model.RECORD_TYPES[section]
    hints = typing.get_type_hints(record_type, include_extras=True)
    fields = [f for f in dataclasses.fields(record_type) if f.init]
    required = {f.name for f in fields if _required(f)}
    width = max(len(f.name) for f in fields) + 1
    out = []
    for f in fields:
        text = FIELD_HELP[section][f.name]
        choices = _choices(hints[f.name])
        if choices:
            text = (text + ": " if text else "") + " | ".join(choices)
        mark = "*" if f.name in required else " "
        lead = f"#  {mark}{f.name:<{width}} "
        wrapped = textwrap.wrap(text, _WIDTH - len(lead), break_on_hyphens=False) or [""]
        out.append((lead + wrapped[0]).rstrip())
        out += ["#" + " " * (len(lead) - 1) + line for line in wrapped[1:]]
    out.append("#   (* required; every other field is optional)")
    return out


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _choices(hint: Any) -> list[str]:
    """The values of a ``Literal`` field (also inside ``Optional`` or ``Annotated``)."""
    if typing.get_origin(hint) is typing.Literal:
        return [str(v) for v in typing.get_args(hint)]
    for arg in typing.get_args(hint):
        found = _choices(arg)
        if found:
            return found
    return []


def _vocabulary() -> str:
    lines = ["properties:"]
    for n, group in enumerate(GROUPS):
        if n:
            lines.append("")
        lines.append(f"  # --- {group.heading} ".ljust(88, "-"))
        for prop in group.properties:
            lines += property_lines(prop)
    return "\n".join(lines) + "\n"


def property_lines(prop: Property) -> list[str]:
    """One property as a YAML list item, with the fields that differ from the defaults."""
    lines: list[str] = []
    defaults = Property(id=prop.id, type="text")
    for f in dataclasses.fields(Property):
        value = getattr(prop, f.name)
        if f.name not in ("id", "type") and value == getattr(defaults, f.name):
            continue
        lead = "  - " if not lines else "    "
        line = f"{lead}{f.name}: {_yaml(value, flow=False)}"
        if len(line) > _WIDTH and isinstance(value, str):
            # folded: the lines read back joined by spaces
            lines.append(f"{lead}{f.name}: >-")
            lines += textwrap.wrap(
                value,
                _WIDTH,
                initial_indent=" " * 6,
                subsequent_indent=" " * 6,
                break_on_hyphens=False,
                break_long_words=False,
            )
        else:
            lines.append(line)
    return lines


_WIDTH = 88


#: Plain words a YAML reader could take for something else (YAML 1.1 booleans, null).
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN = re.compile(r"[^\W\d_][\w'-]*(?: [\w'-]+)*")


def _yaml(value: Any, flow: bool = True) -> str:
    """A value as YAML text: plain where that reads back the same, quoted otherwise.

    In a flow list (``[a, b]``) only words are left plain; a field's own value may be a
    sentence, as long as a YAML reader takes it back as it was.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    text = str(value)
    if text.lower() not in _RESERVED and (
        _PLAIN.fullmatch(text) or (not flow and _reads_back(text))
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    from claimcheck.errors import FileProblem
    from claimcheck.store.limits import DEFAULT_LIMITS
    from claimcheck.store.yamlfile import load

    try:
        data, _ = load(f"k: {text}\n", DEFAULT_LIMITS)
    except FileProblem:
        return False
    return isinstance(data, dict) and data.get("k") == text
