"""The YAML parser's complaints in plain words, placed where they arose, with what they
most often mean in a store file and how to mend it (a value quoted in part, a record's
missing dash, a line indented too deep)."""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from claimcheck.errors import Location, Problem

__all__ = ["yaml_problem"]


def yaml_problem(e: YAMLError, text: str) -> Problem:
    """The parser's complaint about ``text``, placed where it arose, in plain words."""
    if isinstance(e, ReaderError):  # a character YAML refuses: placed by its offset
        # (the C parser counts UTF-8 bytes, the pure one characters: whichever points
        # at the character refused)
        offset = len(text.encode()[: e.position].decode(errors="ignore"))
        if isinstance(e.character, int) and text[e.position : e.position + 1] == chr(e.character):
            offset = e.position
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        what = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        return Problem(
            Location("", line, col),
            f"invalid YAML: the character {what} is not allowed ({e.reason}); "
            "write it as an escape in a double-quoted string (\\e, \\x07) or remove it",
        )
    if not isinstance(e, MarkedYAMLError):
        return Problem(Location("", 1, 1), f"invalid YAML: {e}")
    mark = e.problem_mark or e.context_mark
    unclosed = (e.context or "").strip() == "while scanning a quoted scalar" and (
        "end of stream" in (e.problem or "")
    )
    if unclosed and e.context_mark is not None:  # placed where the quote opens
        mark = e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (e.problem or "invalid YAML").strip()
    if unclosed:
        return Problem(
            Location("", line, col),
            "invalid YAML: this quote is never closed: the file ends inside it; close it "
            "with the same quote mark",
        )
    at = text.splitlines()[line - 1][col - 1 : col] if line <= len(text.splitlines()) else ""
    if at == "\t" or "'\\t'" in problem:
        problem = "a tab character; YAML indents with spaces only"
    elif e.__class__.__name__ == "DuplicateKeyError":
        problem = problem.split(" with value")[0].replace("found duplicate key", "duplicate key")
        if e.context_mark is not None:
            problem += f" (the mapping starts at line {e.context_mark.line + 1})"
            if _record_field_repeated(problem, text, e.context_mark.line, e.context_mark.column):
                problem += (
                    "; if a new record begins here or just above, its '- ' is missing: "
                    "without it, its fields are read as more fields of the record above"
                )
    elif e.context:
        problem = f"{problem} ({e.context.strip()})"
    quoted = _quoted_in_part(text, line, col)
    if quoted is not None:
        return Problem(Location("", line, col), f"invalid YAML: {problem}; {quoted}")
    if "mapping values are not allowed" in problem and _misindented(text, line):
        return Problem(
            Location("", line, col),
            f"invalid YAML: {problem}; this line is indented differently from the one above it",
        )
    for cause, hint in _HINTS:
        if cause in problem:
            problem += f"; {hint}"
            break
    return Problem(Location("", line, col), f"invalid YAML: {problem}")


def _record_field_repeated(problem: str, text: str, line: int, col: int) -> bool:
    """Whether a duplicate key is a field of a record, in a mapping (starting at the
    0-based ``line`` and ``col``) that is an item of a list (``  - id: a``): most likely
    a record whose ``- `` is missing."""
    from claimcheck.model import RECORD_TYPES

    key = re.search(r'duplicate key "(.*?)"', problem)
    fields = {f for t in RECORD_TYPES.values() for f in t.__dataclass_fields__}  # type: ignore[attr-defined]
    lines = text.splitlines()
    if key is None or key.group(1) not in fields or line >= len(lines):
        return False
    return lines[line][:col].rstrip().endswith("-")


#: The start of a quoted scalar: after a key's ``: ``, a list's ``- ``, or inside a flow
#: collection.
_QUOTE_OPENS = re.compile(r"""(?:^|:\s+|-\s+|[{\[,]\s*)(['"])""")


def _quoted_in_part(text: str, line: int, col: int) -> str | None:
    """A hint when the parser stopped just after a quoted text that its line goes on after
    (``quote: 'Dozens' remain missing``): the quote marks were meant as part of the
    value, which must then be quoted as a whole. None otherwise."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    before = here[: col - 1].rstrip()
    if not before or before[-1] not in "'\"" or not here[col - 1 :].strip():
        return None
    for opening in _QUOTE_OPENS.finditer(here):
        start = opening.start(1)
        if _closing(here, start) != len(before) - 1:
            continue
        fix = "quote the whole value"
        key = re.match(r"( *(?:- )?)([^\s#:'\"{\[][^:#]*):\s+$", here[:start])
        if key is not None:  # (a block mapping's `key: value`, the value to the line's end)
            # (the value to the line's end or its comment: " #" after the quote)
            value = here[start:]
            comment = value.find(" #", len(before) - start)
            if comment != -1:
                value = value[:comment]
            fix += f" ({key.group(2)}: {_requoted(value.rstrip())})"
        else:
            fix += ", in double quotes if it starts with ' (in single quotes if with \")"
        return f"a value that starts with a quote mark ends where that quote closes: {fix}"
    return None


def _closing(line: str, start: int) -> int:
    """Where the quoted text opening at ``start`` closes on ``line`` (-1: not on it)."""
    mark = line[start]
    i = start + 1
    while i < len(line):
        if line.startswith("''" if mark == "'" else "\\", i):  # an escape ('' or \x)
            i += 2
        elif line[i] == mark:
            return i
        else:
            i += 1
    return -1


def _requoted(value: str) -> str:
    """``value`` quoted as a whole: in double quotes when it starts with ', else in single
    quotes (each ' inside doubled)."""
    if value.startswith("'"):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value.replace("'", "''") + "'"


def _misindented(text: str, line: int) -> bool:
    """Whether line ``line`` (1-based) is a ``key: value`` indented deeper than the
    ``key: value`` line above it (``    property: x`` then ``     value: 20``)."""
    lines = text.splitlines()
    if not 2 <= line <= len(lines):
        return False
    here, above = lines[line - 1], lines[line - 2]
    key = re.compile(r"( *)(- )?[\w-]+: \S")
    m, n = key.match(here), key.match(above)
    if m is None or n is None:
        return False
    depth = len(n.group(1)) + (2 if n.group(2) else 0)
    return len(m.group(1)) > depth


#: What the parser's terse messages most often mean in a store file.
_HINTS = (
    (
        "mapping values are not allowed",
        "a value holding ': ' must be quoted (note: \"Note: this is it\")",
    ),
    (
        "did not find expected '-' indicator",
        "a line is indented differently from the records around it",
    ),
    (
        "could not find expected ':'",
        "a key is missing its ':', or a text value runs over lines without quotes",
    ),
)
