"""Reading YAML store files: fast, safe, and able to say where anything is.

The fast path uses ruamel.yaml's safe loader with its C parser and records only where
each record starts (a line and column per record). When something is wrong, the file is
read again with key positions (:func:`positions`) so that the error can point at the
offending field. Nothing in a data file can run code: only the safe constructor is used,
dates stay text until the models read them, and nesting and alias expansion are bounded
(:class:`~claimcheck.store.limits.Limits`) before the C parser sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from claimcheck.errors import FileProblem, Location, Problem
from claimcheck.store.limits import Limits
from claimcheck.store.yaml_errors import yaml_problem

#: (line, column), both 1-based.
Pos = tuple[int, int]


@dataclass(slots=True)
class RecordPos:
    """Where a record starts and, when asked for, where each of its keys' values is
    (``keys``) and each key itself (``names``: an unknown field is named there)."""

    pos: Pos
    keys: dict[str, Pos] | None = None
    names: dict[str, Pos] | None = None


def _mark(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _mark_of(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


class _Constructor(SafeConstructor):
    """The safe constructor, plus record positions and an alias-expansion budget."""

    want_keys = False
    limits = Limits()

    def construct_document(self, node: Node) -> Any:
        self.record_positions: dict[str, list[RecordPos]] = {}
        #: Where each top-level key and its value are: key -> (key position, value position).
        self.section_positions: dict[str, tuple[Pos, Pos]] = {}
        #: Records written as an alias (``- *r``): section, index, and the positions
        #: between which the alias is (the parser gives only the anchored node's).
        self.aliased_records: list[tuple[str, int, Pos, Pos]] = []
        _check_tree(node, self.limits)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                self.section_positions.setdefault(str(key.value), (_mark(key), _mark(value)))
                if isinstance(value, SequenceNode) and isinstance(key.value, str):
                    after = value.start_mark
                    for i, item in enumerate(value.value):
                        if item.start_mark.index < after.index:  # a node written earlier
                            self.aliased_records.append(
                                (key.value, i, _mark_of(after), _mark_of(value.end_mark))
                            )
                        else:
                            after = item.end_mark
                    self.record_positions[key.value] = (
                        [_record_pos(item) for item in value.value]
                        if self.want_keys
                        else [RecordPos(_mark(item)) for item in value.value]
                    )
        try:
            return self._build(node, {})
        except _Unusual:  # the general constructor, with its errors and rarer features
            return super().construct_document(node)

    def _build(self, node: Node, built: dict[int, Any]) -> Any:
        """The data of plain YAML (strings, numbers, lists, string-keyed mappings) in one
        walk, three times faster than the general constructor; aliases share one object
        as there. Anything else (merge keys, other tags, a repeated or non-string key, a
        recursive alias) raises :class:`_Unusual`."""
        key = id(node)
        if key in built:
            value = built[key]
            if value is _IN_PROGRESS:
                raise _Unusual
            return value
        cls = node.__class__
        tag = node.tag
        if cls is ScalarNode:
            if tag == _STR:
                value = node.value
            elif tag in _SIMPLE:
                value = self.yaml_constructors[tag](self, node)
            else:
                raise _Unusual
        elif cls is SequenceNode and tag == _SEQ:
            built[key] = _IN_PROGRESS
            value = [self._build(item, built) for item in node.value]
        elif cls is MappingNode and tag == _MAP:
            built[key] = _IN_PROGRESS
            value = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not ScalarNode or key_node.tag != _STR:
                    raise _Unusual
                name = key_node.value
                if name in value:
                    raise _Unusual
                value[name] = self._build(value_node, built)
        else:
            raise _Unusual
        built[key] = value
        return value


def _record_pos(item: Node) -> RecordPos:
    if not isinstance(item, MappingNode):
        return RecordPos(_mark(item))
    return RecordPos(
        _mark(item),
        {str(k.value): _mark(v) for k, v in item.value},
        {str(k.value): _mark(k) for k, v in item.value},
    )


class _Unusual(Exception):
    """YAML the fast constructor leaves to the general one."""


def _resolver_table_once(self: Any) -> Any:
    """The resolver's table for this document's YAML version, looked up once.

    ruamel.yaml mixes the constructor and the resolver into one loader object per
    document, and looks the version up again for every scalar (a third of the loading
    time); a document's ``%YAML`` directive precedes its first node.
    """
    table = getattr(self, "_resolver_table", None)
    if table is None:
        table = self._resolver_table = _VERSIONED.fget(self)  # type: ignore[union-attr]
    return table


# Only over the ruamel.yaml this was written against: another keeps its own lookup.
_VERSIONED = getattr(VersionedResolver, "versioned_resolver", None)
if isinstance(_VERSIONED, property) and _VERSIONED.fget is not None:
    _Constructor.versioned_resolver = property(_resolver_table_once)  # type: ignore[attr-defined]


_IN_PROGRESS = object()
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_SIMPLE = frozenset(f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp"))


# Dates stay text: the models read them, so that 2023-02-30 is an error with a position.
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)

#: The tags a store may use: YAML's core schema (and dates, which stay text).
CORE_TAGS = ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")


def _refuse_tag(constructor: SafeConstructor, node: Node) -> Any:
    """Any other tag: ``!!binary`` would make bytes of an id, ``!!set`` a set of a list,
    ``!!python/...`` would run code; none of them is data a store holds."""
    tag = str(node.tag)
    if tag.startswith(_YAML_TAG):
        shown = "!!" + tag.removeprefix(_YAML_TAG)
    else:
        shown = tag if tag.startswith("!") else f"!<{tag}>"
    raise FileProblem(
        Problem(
            Location("", *_mark(node)),
            f"the YAML tag {shown} is not allowed; write a plain value "
            f"(allowed tags: {', '.join('!!' + t for t in CORE_TAGS)})",
        )
    )


_YAML_TAG = "tag:yaml.org,2002:"
for _tag in ("binary", "set", "omap", "pairs"):
    _Constructor.add_constructor(_YAML_TAG + _tag, _refuse_tag)
_Constructor.add_constructor(None, _refuse_tag)


class _KeyConstructor(_Constructor):
    want_keys = True


def _check_tree(root: Node, limits: Limits) -> None:
    """Refuse a document deeper than ``max_depth``, holding a string longer than
    ``max_string``, or whose aliases expand to more than ``max_nodes`` nodes.

    One walk over the composed nodes, without recursion; an alias is visited once.
    """
    budget, max_depth, max_string = limits.max_nodes, limits.max_depth, limits.max_string
    sizes: dict[int, int] = {}
    # Each entry: a node, whether its children are done, its depth, and the node holding
    # the first alias on the path to it, if any (an alias names a node written earlier:
    # a child that starts before its parent is one).
    stack: list[tuple[Node, bool, int, Node | None]] = [(root, False, 1, None)]
    while stack:
        node, done, depth, via = stack.pop()
        if id(node) in sizes:
            continue
        children: list[Node] = []
        if isinstance(node, MappingNode):
            for k, v in node.value:
                children.extend((k, v))
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node.value, str) and len(node.value) > max_string:
            raise FileProblem(
                Problem(
                    Location("", *_mark(node)),
                    f"a string of {len(node.value):,} characters, over the limit of {max_string:,} "
                    "(limit max-string)",
                )
            )
        if children and depth > max_depth:
            raise FileProblem(
                Problem(
                    Location("", *_mark(node if via is None else via)),
                    f"nesting deeper than {max_depth} levels"
                    + (" once its aliases are followed" if via is not None else "")
                    + "; refusing to read it (limit max-depth)",
                )
            )
        if done or not children:
            size = 1 + sum(sizes[id(c)] for c in children)
            if size > budget:
                raise FileProblem(
                    Problem(
                        Location("", *_mark(node)),
                        f"this document expands to more than {budget:,} nodes once its "
                        "aliases are followed; refusing to read it (limit max-nodes)",
                    )
                )
            sizes[id(node)] = size
        else:
            stack.append((node, True, depth, via))
            start = node.start_mark.index
            stack.extend(
                (c, False, depth + 1, node if via is None and c.start_mark.index < start else via)
                for c in children
                if id(c) not in sizes
            )


def _loader(constructor: type[_Constructor], limits: Limits) -> YAML:
    yaml = YAML(typ="safe", pure=False)
    # One class per limits value keeps them without global state.
    yaml.Constructor = type("Constructor", (constructor,), {"limits": limits})
    return yaml


_RE_FLOW = re.compile(r"[\[\]{}]")
_RE_COMPACT = re.compile(r"(?:[-?][ \t]+){%d,}")
_RE_INDENT = re.compile(r"^[ ]+", re.MULTILINE)


def prescan(text: str, limits: Limits) -> Problem | None:
    """Find nesting deeper than the limit without recursion (the C parser would crash)."""
    depth = limits.max_depth
    if text.count("[") + text.count("{") > depth:
        level = 0
        for m in _RE_FLOW.finditer(text):
            level = level + 1 if m.group() in "[{" else max(0, level - 1)
            if level > depth:
                return _deep(text, m.start(), depth)
    # Each level of "- - - x" takes two characters at least: no need (and, past 2**32
    # repetitions, no way) to search a text too short to hold that many.
    compact = re.search(_RE_COMPACT.pattern % depth, text) if 2 * depth <= len(text) else None
    if compact:
        return _deep(text, compact.start(), depth)
    # Block nesting needs indentation: more than 4 columns a level is generous.
    for indent in _RE_INDENT.finditer(text):
        if len(indent.group()) > depth * 4:
            return _deep(text, indent.start(), depth)
    return None


def _deep(text: str, offset: int, depth: int) -> Problem:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(
        Location("", line, col),
        f"nesting deeper than {depth} levels; refusing to read it (limit max-depth)",
    )


def load(
    text: str, limits: Limits, want_keys: bool = False
) -> tuple[Any, dict[str, list[RecordPos]]]:
    """Parse ``text``; return the data and each section's record positions.

    Raises :class:`FileProblem` for malformed YAML, with the parser's position.
    """
    data, records, _ = load_with_sections(text, limits, want_keys)
    return data, records


def load_with_sections(
    text: str, limits: Limits, want_keys: bool = False
) -> tuple[Any, dict[str, list[RecordPos]], dict[str, tuple[Pos, Pos]]]:
    """:func:`load`, plus where each top-level key and its value are."""
    problem = prescan(text, limits)
    if problem is not None:
        raise FileProblem(problem)
    yaml = _loader(_KeyConstructor if want_keys else _Constructor, limits)
    try:
        data = yaml.load(text)
    except FileProblem:
        raise
    except YAMLError as e:
        raise FileProblem(yaml_problem(e, text)) from None
    except (ValueError, TypeError, RecursionError) as e:  # a constructor refusing a scalar
        raise FileProblem(Problem(Location("", 1, 1), f"invalid YAML: {e}")) from None
    constructor = getattr(yaml, "_scanner", None)
    positions = getattr(constructor, "record_positions", {}) or {}
    sections = getattr(constructor, "section_positions", {}) or {}
    aliased = getattr(constructor, "aliased_records", None)
    if aliased:
        _place_aliases(text, positions, aliased)
    return data, positions, sections


#: What may stand between a sequence's previous item and an alias item: blanks, comments,
#: a block item's dash, a flow sequence's bracket or comma; then the alias.
_RE_ALIAS = re.compile(r"(?:\s+|#[^\n]*|-(?=\s)|[,\[])*(\*[^\s,\[\]{}]+)")


def _place_aliases(
    text: str, positions: dict[str, list[RecordPos]], aliased: list[tuple[str, int, Pos, Pos]]
) -> None:
    """Give each record written as an alias (``- *r``) the alias's own position, found in
    the text after the item before it; its fields keep the anchored record's positions,
    which is where their values are written. Left at the anchor if not found."""
    from bisect import bisect_right

    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(pos: Pos) -> int:
        line, col = pos
        return starts[line - 1] + col - 1 if line <= len(starts) else len(text)

    # Consecutive aliases: each search starts where the one before ended.
    resume: dict[tuple[str, Pos], int] = {}
    for section, i, after, end in aliased:
        start = resume.get((section, after), offset(after))
        found = _RE_ALIAS.match(text, start, offset(end))
        if found is None:
            continue
        resume[(section, after)] = found.end()
        line = bisect_right(starts, found.start(1))
        col = found.start(1) - starts[line - 1] + 1
        old = positions[section][i]
        positions[section][i] = RecordPos((line, col), old.keys, old.names)
