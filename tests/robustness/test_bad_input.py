"""Every class of bad input is answered: exit 2 and ``path:line:col: message``, never a traceback.

Each case writes one store file (next to the base store, ``support.BASE``) and runs
``validate`` and ``check --format text`` through the CLI. A bad case must exit 2 with a
line ``FILE:LINE:COL: message`` naming the problem in words, at the right line; a
harmless case (a BOM, CRLF, anchors, an empty file...) must exit 0.

Inputs that could crash the interpreter itself (deep nesting, alias bombs) run in a
subprocess with a timeout and, for the alias bomb, an address-space limit.
"""

from __future__ import annotations

import os
import random
import re
import resource
import stat
import subprocess
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import cli

from support import BASE

# Lines:   1       2          3                4                5          6
CLAIM = "claims:\n  - id: c1\n    subject: strike\n    property: deaths\n    value: 14\n    source: rfi-doc\n"


def claim_with(value: str) -> str:
    """CLAIM with its value (line 5, column 12) replaced."""
    return CLAIM.replace("value: 14", f"value: {value}")


def _unhandled(result: Result) -> str | None:
    """A description of an exception that escaped the CLI, if one did."""
    exc = result.exception
    if exc is None or isinstance(exc, SystemExit):
        return None
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:])
    return f"unhandled {type(exc).__name__}: {exc}\n{tb}"


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    problem = _unhandled(result)
    assert problem is None, problem
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err, out + err
    return result.exit_code, out, err


def where_regex(name: str, line: int | str, col: int | str | None = None) -> str:
    """``NAME:LINE:COL:`` at the start of a message (the path may have folders before it)."""
    col_re = r"\d+" if col is None else str(col)
    return rf"(?:^|/){re.escape(name)}:{line}:{col_re}: "


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes]
    #: None: harmless, exit 0. Otherwise ``(file name, line, col or None)``; line may be a
    #: regex alternation like ``"(2|3)"`` where several lines are right.
    where: tuple[str, int | str, int | None] | None = None
    #: A regex (case-insensitive) the message on that line must match.
    words: str = ""
    marks: list[pytest.MarkDecorator] = field(default_factory=list)


def bad(
    case_id: str,
    text: str | bytes,
    line: int | str,
    words: str,
    col: int | None = None,
    name: str = "bad.yaml",
) -> Case:
    return Case(case_id, {name: text}, (name, line, col), words)


def ok(case_id: str, files: dict[str, str | bytes] | str | bytes, name: str = "ok.yaml") -> Case:
    return Case(case_id, files if isinstance(files, dict) else {name: files})


NFC = unicodedata.normalize("NFC", "café-source")
NFD = unicodedata.normalize("NFD", "café-source")
assert NFC != NFD

JL = '{"id": "j1", "subject": "strike", "property": "deaths", "value": 3, "source": "rfi-doc"}'
JL2 = JL.replace('"j1"', '"j2"')

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d\xb4\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
_rng = random.Random(1234)
#: A NUL on line 1, column 3, then random bytes (more NULs among them).
RANDOM_WITH_NULS = b"\x01\x02\x00" + bytes(_rng.randrange(256) for _ in range(4096))
HIGH_BYTES = b"claims:\n" + bytes(range(0x80, 0x100))  # no NUL, not UTF-8: line 2, col 1

CASES: list[Case] = [
    # --- malformed YAML ---------------------------------------------------------------
    bad(
        "malformed-indentation",
        "claims:\n  - id: c1\n    subject: strike\n   property: deaths\n",
        4,
        r"invalid YAML",
    ),
    bad("two-documents", "---\nclaims: []\n---\nclaims: []\n", 3, r"document", col=1),
    bad("stray-colon-mapping", "claims:\n  - id: c1\n    subject: a: b\n", 3, r"invalid YAML"),
    # --- tabs ---------------------------------------------------------------------------
    bad("tab-indent", "claims:\n  - id: c1\n\tsubject: strike\n", 3, r"\btab\b", col=1),
    bad(
        "tab-after-spaces",
        "claims:\n  - id: c1\n    subject: strike\n  \tproperty: deaths\n",
        4,
        r"\btab\b",
    ),
    # --- duplicate keys -----------------------------------------------------------------
    bad(
        "duplicate-key-in-record",
        "claims:\n  - id: c1\n    subject: strike\n    subject: battle\n",
        4,
        r"duplicate",
    ),
    bad(
        "duplicate-section",
        CLAIM
        + "claims:\n  - {id: c2, subject: strike, property: deaths, value: 1, source: rfi-doc}\n",
        7,
        r"duplicate",
    ),
    bad(
        "duplicate-key-in-flow-mapping",
        "claims:\n  - {id: c1, subject: strike, id: c2}\n",
        2,
        r"duplicate",
    ),
    # --- the top level and sections -----------------------------------------------------
    bad("top-level-list", "- id: c1\n", 1, r"top level must be a mapping", col=1),
    bad("top-level-scalar", "just some words\n", 1, r"top level must be a mapping", col=1),
    bad("section-not-a-list", "# a comment\nparties: []\nclaims:\n  id: c1\n", 3, r"list"),
    bad("section-is-a-scalar", "# a comment\nclaims: 14\n", 2, r"list"),
    bad(
        "section-not-a-list-quoted-key",
        '# a comment\nparties: []\n"claims":\n  id: c1\n',
        3,
        r"list",
    ),
    bad("unknown-section", "# a comment\nclaimz: []\n", 2, r"unknown section 'claimz'"),
    bad(
        "record-not-a-mapping",
        "claims:\n  - {id: c0, subject: strike, property: deaths, value: 1, source: rfi-doc}\n"
        "  - just a string\n",
        3,
        r"mapping",
        col=5,
    ),
    # --- unknown fields -----------------------------------------------------------------
    bad(
        "unknown-field",
        CLAIM.replace("subject:", "subjekt:"),
        3,
        r"unknown field 'subjekt'",
    ),
    bad(
        "unknown-field-in-outlet",
        "outlets:\n  - id: bbc\n    name: BBC\n    kind: broadcaster\n    ownr: BBC\n",
        5,
        r"unknown field 'ownr'",
    ),
    # --- unknown and duplicate ids --------------------------------------------------------
    bad(
        "unknown-subject",
        CLAIM.replace("subject: strike", "subject: nope"),
        3,
        r"unknown subject 'nope'",
        col=14,
    ),
    bad(
        "unknown-document",
        CLAIM.replace("source: rfi-doc", "source: nope"),
        6,
        r"unknown document 'nope'",
        col=13,
    ),
    bad(
        "unknown-property",
        CLAIM.replace("property: deaths", "property: nope"),
        4,
        r"unknown property 'nope'",
        col=15,
    ),
    bad(
        "unknown-claimant",
        CLAIM + "    claimant: nobody\n",
        7,
        r"unknown party or outlet 'nobody'",
        col=15,
    ),
    bad(
        "unknown-cited-document",
        "documents:\n  - id: d9\n    outlet: rfi\n    cites: [rfi-doc, nope]\n",
        4,
        r"unknown document 'nope'",
    ),
    bad(
        "unknown-entity-value",
        "claims:\n  - id: c1\n    subject: strike\n    property: commander\n    value: nobody\n    source: rfi-doc\n",
        5,
        r"unknown entity 'nobody'",
    ),
    bad(
        "duplicate-id-same-file",
        CLAIM + "  - {id: c1, subject: strike, property: deaths, value: 3, source: rfi-doc}\n",
        7,
        r"duplicate id 'c1'",
    ),
    # Files are read in name order: the second place an id appears is the duplicate.
    Case(
        "duplicate-id-of-a-base-record",
        {"zz.yaml": "# a comment\nparties:\n  - {id: rfi, name: RFI staff, kind: journalist}\n"},
        ("zz.yaml", 3, None),
        r"duplicate id 'rfi'.*base\.yaml:4",
    ),
    Case(
        "duplicate-id-across-files",
        {"a.yaml": CLAIM, "b.yaml": "# b\n" + CLAIM},
        ("b.yaml", 3, None),
        r"duplicate id 'c1'.*a\.yaml:2",
    ),
    # --- wrong types ----------------------------------------------------------------------
    bad(
        "list-for-a-string",
        CLAIM.replace("source: rfi-doc", "source: [rfi-doc]"),
        6,
        r"string|text|list",
        col=13,
    ),
    bad("list-for-a-quote", CLAIM + "    quote: [a, b]\n", 7, r"string|text|list"),
    bad(
        "mapping-for-an-id",
        "parties:\n  - id: {a: 1}\n    name: A\n    kind: state\n",
        2,
        r"string|text|mapping",
    ),
    bad(
        "number-for-a-name",
        "parties:\n  - id: p1\n    name: 42\n    kind: state\n",
        3,
        r"string|text|number",
    ),
    bad(
        "string-for-a-list",
        "subjects:\n  - id: s1\n    label: S\n    sides: rebels\n",
        4,
        r"list",
    ),
    bad(
        "string-for-a-boolean",
        "parties:\n  - id: p1\n    name: P\n    kind: state\n    anonymous: sometimes\n",
        5,
        r"anonymous: expected true or false, got 'sometimes'",
    ),
    # (a new user's trial: pydantic's words, "Input should be a valid string", said
    # nothing of what to write)
    bad(
        "number-for-an-id",
        "claims:\n  - id: 123\n    subject: strike\n    property: deaths\n    value: 3\n",
        2,
        r"id: expected text, got a number \(123, as YAML reads it\): put it in quotes",
    ),
    bad(
        "list-of-claimants",
        "claims:\n  - id: c1\n    subject: strike\n    property: deaths\n    value: 3\n"
        "    claimant: [fama, medical-sources]\n",
        6,
        r"a claim has one claimant; record one claim for each",
    ),
    bad(
        "two-qualifiers-for-a-range",
        claim_with("{at_least: 5, at_most: 9}"),
        5,
        r"one qualifier a value, not 2 \(at_least, at_most\); a range is \{min: N, max: N\}",
    ),
    # --- numbers out of range ---------------------------------------------------------------
    bad("number-1e400", claim_with("1e400"), 5, r"finite|range|large|infinit", col=12),
    bad("negative-count", claim_with("-3"), 5, r"negative", col=12),
    bad("negative-in-a-range", claim_with("{min: -1, max: 3}"), 5, r"negative"),
    bad("nan", claim_with(".nan"), 5, r"finite|not a number|nan", col=12),
    bad("infinity", claim_with(".inf"), 5, r"finite|infinit", col=12),
    bad("minus-infinity", claim_with("-.inf"), 5, r"finite|infinit|negative", col=12),
    bad("nan-in-a-mapping", claim_with("{at_least: .nan}"), 5, r"finite|not a number|nan"),
    bad("boolean-for-a-count", claim_with("true"), 5, r"yes/no|boolean", col=12),
    bad("boolean-for-a-count-false", claim_with("false"), 5, r"yes/no|boolean", col=12),
    bad("forty-digit-integer", claim_with("1" * 40), 5, r"range|large", col=12),
    bad(
        "boolean-tolerance",
        "properties:\n  - id: p9\n    type: quantity\n    tolerance: true\n",
        4,
        r"tolerance",
    ),
    bad(
        "negative-tolerance",
        "properties:\n  - id: p9\n    type: quantity\n    tolerance: -1\n",
        4,
        r"tolerance",
    ),
    bad(
        "nan-tolerance",
        "properties:\n  - id: p9\n    type: quantity\n    tolerance: .nan\n",
        4,
        r"tolerance",
    ),
    bad("year-out-of-range", CLAIM + "    as_of: 123456\n", 7, r"date|year|range"),
    # --- impossible dates -------------------------------------------------------------------
    bad("february-30th", CLAIM + "    as_of: 2023-02-30\n", 7, r"not a real date", col=12),
    bad("month-13", CLAIM + "    as_of: 2023-13-01\n", 7, r"not a real date", col=12),
    bad("month-0", CLAIM + "    as_of: 2023-00-10\n", 7, r"not a real date", col=12),
    bad(
        "document-published-february-30th",
        "documents:\n  - id: d9\n    outlet: rfi\n    published: 2023-02-30\n",
        4,
        r"not a real date",
    ),
    bad(
        "document-retrieved-month-13",
        "documents:\n  - id: d9\n    outlet: rfi\n    retrieved: 2023-13-01\n",
        4,
        r"not a real date",
    ),
    bad(
        "subject-range-with-impossible-date",
        "subjects:\n  - id: s9\n    label: S\n    date: 2023-02-30/2023-03-01\n",
        4,
        r"not a real date",
    ),
    bad(
        "review-on-impossible-date",
        "reviews:\n  - finding: 0123456789abcdef\n    verdict: explained\n    on: 2023-02-30\n",
        4,
        r"not a real date",
    ),
    # --- categories outside their set ---------------------------------------------------------
    bad(
        "category-value-outside-the-property-values",
        "claims:\n  - id: c1\n    subject: battle\n    property: outcome\n    value: victory\n    source: rfi-doc\n",
        5,
        r"not one of this property's values",
        col=12,
    ),
    bad(
        "outlet-kind", "outlets:\n  - id: x\n    name: X\n    kind: blog\n", 4, r"kind|blog", col=11
    ),
    bad(
        "party-kind",
        "parties:\n  - id: x\n    name: X\n    kind: alien\n",
        4,
        r"kind|alien",
        col=11,
    ),
    bad(
        "document-kind",
        "documents:\n  - id: x\n    outlet: rfi\n    kind: scroll\n",
        4,
        r"kind|scroll",
    ),
    bad("claim-stance", CLAIM + "    stance: maybe\n", 7, r"stance|maybe"),
    bad("claim-status", CLAIM + "    status: deleted\n", 7, r"status|deleted"),
    bad("review-verdict", "reviews:\n  - finding: abc\n    verdict: wrong\n", 3, r"verdict|wrong"),
    bad(
        "outlet-reliability",
        "outlets:\n  - id: x\n    name: X\n    kind: wire\n    reliability: G\n",
        5,
        r"reliability|'G'",
    ),
    bad("property-type", "properties:\n  - id: p9\n    type: colour\n", 3, r"type|colour"),
    # --- cycles -----------------------------------------------------------------------------
    bad(
        "cites-2-cycle",
        "documents:\n  - {id: a, outlet: rfi, cites: [b]}\n  - {id: b, outlet: rfi, cites: [a]}\n",
        "(2|3)",
        r"cycle",
    ),
    bad(
        "cites-3-cycle",
        "documents:\n  - {id: a, outlet: rfi, cites: [b]}\n  - {id: b, outlet: rfi, cites: [c]}\n"
        "  - {id: c, outlet: rfi, cites: [a]}\n",
        "(2|3|4)",
        r"cycle: .*\ba\b.*\bb\b.*\bc\b|cycle: .*\bc\b.*\ba\b.*\bb\b|cycle: .*\bb\b.*\bc\b.*\ba\b",
    ),
    bad("self-cite", "documents:\n  - {id: a, outlet: rfi, cites: [a]}\n", 2, r"cycle"),
    bad(
        "part-of-cycle",
        "subjects:\n  - {id: s1, label: A, part_of: s2}\n  - {id: s2, label: B, part_of: s1}\n",
        "(2|3)",
        r"cycle",
    ),
    # --- empty and near-empty files (harmless) ----------------------------------------------
    ok("empty-file", b""),
    ok("only-document-marker", "---\n"),
    ok("document-marker-and-end", "---\n...\n"),
    ok("only-comments", "# nothing here yet\n"),
    ok("only-whitespace", "\n\n   \n"),
    ok("empty-jsonl-file", b"", name="claims-empty.jsonl"),
    # --- BOM and CRLF (harmless) ------------------------------------------------------------
    ok("utf8-bom", ("\ufeff" + CLAIM).encode("utf-8")),
    ok("crlf", CLAIM.replace("\n", "\r\n").encode("utf-8")),
    ok("bom-and-crlf", ("\ufeff" + CLAIM).replace("\n", "\r\n").encode("utf-8")),
    bad(
        "crlf-error-keeps-its-line",
        CLAIM.replace("property:", "propertee:").replace("\n", "\r\n").encode("utf-8"),
        4,
        r"unknown field 'propertee'",
    ),
    bad(
        "bom-error-keeps-its-column",
        ("\ufeff" + "claims:\n  - id: c1\n\tsubject: strike\n").encode("utf-8"),
        3,
        r"\btab\b",
        col=1,
    ),
    # --- bytes that are not UTF-8 -------------------------------------------------------------
    bad("not-utf8-in-an-id", b"claims:\n  - id: c\xff1\n", 2, r"not UTF-8", col=10),
    bad(
        "latin1-quote",
        CLAIM.encode() + b"    quote: caf\xe9 cr\xe8me\n",
        7,
        r"not UTF-8",
        col=15,
    ),
    bad("utf16-with-bom", CLAIM.encode("utf-16"), 1, r"UTF-16"),
    bad("utf16-without-bom", CLAIM.encode("utf-16-le"), 1, r"UTF-16|binary|NUL|not UTF-8"),
    bad("high-bytes-no-nul", HIGH_BYTES, 2, r"not UTF-8", col=1),
    # --- Unicode normalisation ------------------------------------------------------------------
    bad(
        "composed-and-decomposed-id-are-one-id",
        f"parties:\n  - {{id: {NFC}, name: A, kind: state}}\n  - {{id: {NFD}, name: B, kind: state}}\n",
        3,
        r"duplicate id",
    ),
    ok(
        "decomposed-reference-to-composed-id",
        f"parties:\n  - {{id: {NFC}, name: A, kind: state}}\n"
        f"claims:\n  - {{id: c1, subject: strike, property: deaths, value: 3, source: rfi-doc, claimant: {NFD}}}\n",
    ),
    ok(
        "composed-reference-to-decomposed-id",
        f"parties:\n  - {{id: {NFD}, name: A, kind: state}}\n"
        f"claims:\n  - {{id: c1, subject: strike, property: deaths, value: 3, source: rfi-doc, claimant: {NFC}}}\n",
    ),
    # --- very long strings ------------------------------------------------------------------------
    ok("quote-of-200-kB", CLAIM + '    quote: "' + "x" * 200_000 + '"\n'),
    bad(
        "quote-over-the-default-max-string",
        CLAIM + '    quote: "' + "x" * 1_000_001 + '"\n',
        7,
        r"max[-_]string",
    ),
    bad(
        "jsonl-quote-over-the-default-max-string",
        JL[:-1] + ', "quote": "' + "x" * 1_000_001 + '"}\n',
        1,
        r"max[-_]string",
        name="claims-long.jsonl",
    ),
    # --- binary files with a .yaml name ----------------------------------------------------------
    bad("png-bytes", PNG, 3, r"binary|NUL"),
    bad("random-bytes-with-nuls", RANDOM_WITH_NULS, 1, r"binary|NUL", col=3),
    # --- JSON Lines -----------------------------------------------------------------------------
    bad("jsonl-not-json", JL + "\n{not json}\n", 2, r"invalid JSON", name="claims-bulk.jsonl"),
    bad(
        "jsonl-truncated-line",
        JL + "\n" + JL2[:40] + "\n",
        2,
        r"invalid JSON",
        name="claims-bulk.jsonl",
    ),
    bad("jsonl-list-line", JL + "\n[1, 2]\n", 2, r"mapping|object", name="claims-bulk.jsonl"),
    bad("jsonl-string-line", JL + '\n"a string"\n', 2, r"mapping|object", name="claims-bulk.jsonl"),
    bad("jsonl-number-line", JL + "\n42\n", 2, r"mapping|object", name="claims-bulk.jsonl"),
    bad("jsonl-null-line", JL + "\nnull\n", 2, r"mapping|object", name="claims-bulk.jsonl"),
    bad(
        "jsonl-nan",
        JL.replace(": 3,", ": NaN,") + "\n",
        1,
        r"invalid JSON",
        name="claims-bulk.jsonl",
    ),
    bad(
        "jsonl-1e400",
        JL.replace(": 3,", ": 1e400,") + "\n",
        1,
        r"invalid JSON|finite|infinit|range",
        name="claims-bulk.jsonl",
    ),
    bad(
        "jsonl-deep-brackets",
        JL + "\n" + "[" * 100_000 + "]" * 100_000 + "\n",
        2,
        r"invalid JSON|nesting|deep|recursion",
        name="claims-bulk.jsonl",
    ),
    bad(
        "jsonl-duplicate-key",
        '{"id": "j1", "id": "j2", "subject": "strike", "property": "deaths", "value": 3, "source": "rfi-doc"}\n',
        1,
        r"duplicate",
        name="claims-bulk.jsonl",
    ),
    bad(
        "jsonl-unknown-field-on-line-3",
        JL + "\n" + JL2 + "\n" + JL.replace('"j1"', '"j3"').replace('"source"', '"sorce"') + "\n",
        3,
        r"unknown field 'sorce'",
        name="claims-bulk.jsonl",
    ),
    bad(
        "jsonl-document-line-not-object",
        '{"id": "d9", "outlet": "rfi"}\n["d10"]\n',
        2,
        r"mapping|object",
        name="documents-extra.jsonl",
    ),
    bad(
        "jsonl-crlf-error-keeps-its-line",
        JL + "\r\n{not json}\r\n",
        2,
        r"invalid JSON",
        name="claims-bulk.jsonl",
    ),
    ok("jsonl-empty-lines", {"claims-bulk.jsonl": JL + "\n\n   \n" + JL2 + "\n\n"}),
    ok("jsonl-crlf", {"claims-bulk.jsonl": (JL + "\r\n" + JL2 + "\r\n").encode()}),
    ok("jsonl-bom", {"claims-bulk.jsonl": ("\ufeff" + JL + "\n").encode()}),
    ok("jsonl-no-final-newline", {"claims-bulk.jsonl": JL + "\n" + JL2}),
    # --- anchors and aliases used normally (harmless) -------------------------------------------
    ok(
        "anchors-and-aliases",
        "documents:\n  - {id: d1, outlet: rfi, published: &day 2023-11-08}\n"
        "  - {id: d2, outlet: rfi, published: *day}\n"
        "subjects:\n  - {id: s1, label: S1, sides: &sides [mali-government, rebels]}\n"
        "  - {id: s2, label: S2, sides: *sides}\n",
    ),
    ok(
        "merge-key",
        "claims:\n  - &base {id: c1, subject: strike, property: deaths, value: 3, source: rfi-doc}\n"
        "  - <<: *base\n    id: c2\n    source: monde-doc\n",
    ),
]


def _params(cases: list[Case]) -> list[object]:
    return [pytest.param(c, id=c.id, marks=c.marks) for c in cases]


@pytest.fixture
def store_with(make_store: Callable[..., Path]) -> Callable[[dict[str, str | bytes]], Path]:
    def make(files: dict[str, str | bytes]) -> Path:
        # Write bytes exactly: make_store dedents str, which would change CRLF cases etc.
        return make_store(
            {name: t.encode("utf-8") if isinstance(t, str) else t for name, t in files.items()}
        )

    return make


COMMANDS = {"validate": ["validate"], "check": ["check", "--format", "text"]}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", _params(CASES))
def test_bad_input_is_answered_at_its_place(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    case: Case,
    command: str,
) -> None:
    root = store_with(case.files)
    code, out, err = invoke(runner, "--store", str(root), *COMMANDS[command])
    # Again, now that the store's cache has what it could keep: the same answer.
    again = invoke(runner, "--store", str(root), *COMMANDS[command])
    assert again == (code, out, err), (
        f"the second (cached) run differs:\n{again[2]}{again[1][-1000:]}"
    )
    if case.where is None:
        assert code == 0, f"a harmless input was refused (exit {code}):\n{err}{out}"
        return
    assert code == 2, f"expected exit 2, got {code}\nstderr:\n{err}\nstdout:\n{out[-2000:]}"
    name, line, col = case.where
    lines = err.strip().splitlines()
    assert lines, "no message on stderr"
    pattern = re.compile(where_regex(name, line, col) + r".*(?:" + case.words + ")", re.IGNORECASE)
    assert any(pattern.search(x) for x in lines), (
        f"no line matches {pattern.pattern!r}; stderr was:\n{err[:3000]}"
    )
    for x in lines:
        assert re.match(r"^\S+:\d+:\d+: \S", x), f"not path:line:col: message: {x[:300]}"


# --- Python object tags: never executed --------------------------------------------------------


PYTHON_TAGS = [
    ("object-apply-os-system", '!!python/object/apply:os.system ["echo pwned > {file}"]'),
    ("object-new-subprocess", "!!python/object/new:subprocess.check_call [[touch, {file}]]"),
    (
        "object-apply-builtins-exec",
        "!!python/object/apply:builtins.exec [\"open('{file}', 'w').write('pwned')\"]",
    ),
    ("name-os-system", "!!python/name:os.system"),
    ("module-os", "!!python/module:os"),
]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("name", "tag"), PYTHON_TAGS, ids=[t[0] for t in PYTHON_TAGS])
def test_python_object_tags_are_refused_and_never_run(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    tmp_path: Path,
    name: str,
    tag: str,
    command: str,
) -> None:
    pwned = tmp_path / "PWNED"
    text = "# a comment\nclaims: " + tag.format(file=pwned) + "\n"
    root = store_with({"evil.yaml": text})
    code, out, err = invoke(runner, "--store", str(root), *COMMANDS[command])
    assert not pwned.exists(), "a YAML tag ran code"
    assert code == 2, err + out
    assert re.search(where_regex("evil.yaml", 2) + r".*(tag|constructor)", err, re.I), err


# --- deep nesting and alias bombs: in a subprocess --------------------------------------------


def _deep_flow(depth: int) -> str:
    return (
        "claims:\n  - id: c1\n    subject: strike\n    property: deaths\n    source: rfi-doc\n"
        "    value: " + "[" * depth + "1" + "]" * depth + "\n"
    )


def _deep_flow_mapping(depth: int) -> str:
    return "claims:\n  - " + "{a: " * depth + "1" + "}" * depth + "\n"


def _deep_block_mapping(depth: int, step: int) -> str:
    lines = ["claims:", "  - id: c1", "    value:"]
    lines += [" " * (6 + i * step) + f"k{i}:" for i in range(depth)]
    lines[-1] += " 1"
    return "\n".join(lines) + "\n"


def _deep_compact_sequence(depth: int) -> str:
    return "claims:\n  - " + "- " * depth + "x\n"


def _mixed_block_and_flow(block: int, flow: int) -> str:
    lines = ["claims:", "  - id: c1", "    value:"]
    lines += ["  " * (3 + i) + f"k{i}:" for i in range(block)]
    lines[-1] += " " + "[" * flow + "1" + "]" * flow
    return "\n".join(lines) + "\n"


def _billion_laughs(levels: int = 9, width: int = 10) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    lines.append(f"claims: *a{levels}")
    return "\n".join(lines) + "\n"


def _billion_laughs_in_a_record(levels: int = 9, width: int = 10) -> str:
    # The bomb hides inside a claim's value, under a valid-looking record.
    defs = ["    note: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        defs.append(f"    locator: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    # keys must be unique: give each level its own record
    records = []
    for i, d in enumerate(defs):
        records.append(
            f"  - id: c{i}\n    subject: strike\n    property: deaths\n    value: 1\n    source: rfi-doc\n{d}"
        )
    records.append(
        f"  - id: cz\n    subject: strike\n    property: deaths\n    source: rfi-doc\n    value: *a{levels}"
    )
    return "claims:\n" + "\n".join(records) + "\n"


def _quadratic_blowup(size: int = 20_000) -> str:
    # One long list aliased many times: each alias is cheap to write, costly to expand.
    big = "[" + ", ".join(["x"] * size) + "]"
    aliases = ", ".join(["*big"] * size)
    return f"a: &big {big}\nclaims: [{aliases}]\n"


DEEP_CASES = [
    ("flow-sequence-10000-deep", _deep_flow(10_000), r"nesting|deep|max[-_]depth"),
    ("flow-mapping-10000-deep", _deep_flow_mapping(10_000), r"nesting|deep|max[-_]depth"),
    (
        "block-mapping-2000-deep-1-space",
        _deep_block_mapping(2_000, 1),
        r"nesting|deep|max[-_]depth",
    ),
    (
        "block-mapping-1000-deep-2-spaces",
        _deep_block_mapping(1_000, 2),
        r"nesting|deep|max[-_]depth",
    ),
    ("block-mapping-200-deep-1-space", _deep_block_mapping(200, 1), r"nesting|deep|max[-_]depth"),
    ("compact-sequence-10000-deep", _deep_compact_sequence(10_000), r"nesting|deep|max[-_]depth"),
    ("block-60-plus-flow-60", _mixed_block_and_flow(60, 60), r"nesting|deep|max[-_]depth"),
    ("billion-laughs", _billion_laughs(), r"alias|expand|max[-_]nodes"),
    ("billion-laughs-in-a-record", _billion_laughs_in_a_record(), r"alias|expand|max[-_]nodes"),
    ("quadratic-blowup", _quadratic_blowup(), r"alias|expand|max[-_]nodes"),
]

SUBPROCESS_TIMEOUT = 60
#: Address space for the subprocess: enough for Python and the libraries, not for a bomb.
ADDRESS_SPACE = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_claimcheck(
    *args: str, cwd: Path, limit_memory: bool = True, timeout: float = SUBPROCESS_TIMEOUT
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    env.pop("CLAIMCHECK_STORE", None)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=_limit_memory if limit_memory else None,
    )
    return proc, time.perf_counter() - start


@pytest.mark.parametrize(("name", "text", "words"), DEEP_CASES, ids=[c[0] for c in DEEP_CASES])
def test_deep_nesting_and_alias_bombs_are_refused_in_bounded_time(
    store_with: Callable[[dict[str, str | bytes]], Path], name: str, text: str, words: str
) -> None:
    root = store_with({"deep.yaml": text})
    try:
        proc, elapsed = run_claimcheck("--store", str(root), "validate", cwd=root.parent)
    except subprocess.TimeoutExpired:
        pytest.fail(f"validate did not finish within {SUBPROCESS_TIMEOUT} s")
    output = proc.stdout + proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output and "Fatal Python error" not in output, output[-3000:]
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{output[-3000:]}"
    assert re.search(r"(?:^|/)deep\.yaml:\d+:\d+: .*(?:" + words + ")", proc.stderr, re.I | re.M), (
        proc.stderr[-3000:]
    )
    assert elapsed < 30, f"took {elapsed:.1f} s"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flow-10000-deep", _deep_flow(10_000)),
        ("block-mapping-2000-deep", _deep_block_mapping(2_000, 1)),
        ("block-mapping-200-deep", _deep_block_mapping(200, 1)),
        ("billion-laughs", _billion_laughs()),
    ],
)
def test_deep_candidates_are_refused_by_check_and_add(
    store_with: Callable[[dict[str, str | bytes]], Path], tmp_path: Path, name: str, text: str
) -> None:
    root = store_with({"claims.yaml": CLAIM})
    cand = tmp_path / "deep.yaml"
    cand.write_text(text, encoding="utf-8")
    target = root / "claims.yaml"
    before = target.read_bytes()
    for args in (
        ["check", str(cand), "--format", "text"],
        ["add", str(cand), "--to", str(target), "--format", "text"],
    ):
        try:
            proc, _ = run_claimcheck("--store", str(root), *args, cwd=tmp_path)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{args[0]} did not finish within {SUBPROCESS_TIMEOUT} s")
        output = proc.stdout + proc.stderr
        assert proc.returncode >= 0, f"{args[0]}: killed by signal {-proc.returncode}"
        assert "Traceback" not in output, f"{args[0]}:\n{output[-2500:]}"
        assert proc.returncode == 2, f"{args[0]}: exit {proc.returncode}:\n{output[-2500:]}"
        assert re.search(r"(?:^|/)deep\.yaml:\d+:\d+: ", proc.stderr), (
            f"{args[0]}: {proc.stderr[-2000:]}"
        )
    assert target.read_bytes() == before


# --- bad candidate files: check and add -------------------------------------------------------


CANDIDATE_CASES = [
    (
        "malformed",
        "claims:\n  - id: n1\n    subject: strike\n   property: deaths\n",
        4,
        r"invalid YAML",
    ),
    ("tab", "claims:\n  - id: n1\n\tsubject: strike\n", 3, r"\btab\b"),
    (
        "duplicate-key",
        "claims:\n  - id: n1\n    subject: strike\n    subject: battle\n",
        4,
        r"duplicate",
    ),
    ("top-level-list", "- id: n1\n- id: n2\n", 1, r"top level must be a mapping"),
    ("top-level-scalar", "hello\n", 1, r"top level must be a mapping"),
    ("section-not-a-list", "claims:\n  id: n1\n", 1, r"list"),
    ("record-not-a-mapping", "claims:\n  - just words\n", 2, r"mapping"),
    ("unknown-section", "claimz:\n  - id: n1\n", 1, r"unknown section"),
    ("python-tag", 'claims: !!python/object/apply:os.system ["true"]\n', 1, r"tag|constructor"),
    ("not-utf8", b"claims:\n  - id: n\xff1\n", 2, r"not UTF-8"),
    ("binary", PNG, 3, r"binary|NUL"),
    ("two-documents", "---\nclaims: []\n---\nclaims: []\n", 3, r"document"),
    ("unknown-field", "claims:\n  - id: n1\n    subjekt: strike\n", 3, r"unknown field"),
    (
        "duplicate-id-with-store",
        "claims:\n  - {id: c1, subject: strike, property: deaths, value: 14, source: monde-doc}\n",
        2,
        r"duplicate id 'c1'",
    ),
    (
        "jsonl-list-line",
        '["not", "an", "object"]\n',
        1,
        r"mapping|object",
    ),
]


@pytest.mark.parametrize("command", ["check", "add"])
@pytest.mark.parametrize(
    ("name", "text", "line", "words"), CANDIDATE_CASES, ids=[c[0] for c in CANDIDATE_CASES]
)
def test_bad_candidate_is_answered_at_its_place(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    tmp_path: Path,
    name: str,
    text: str | bytes,
    line: int,
    words: str,
    command: str,
) -> None:
    root = store_with({"claims.yaml": "# keep me\n" + CLAIM})
    target = root / "claims.yaml"
    before = target.read_bytes()
    cand_name = "cand.jsonl" if name.startswith("jsonl") else "cand.yaml"
    cand = tmp_path / cand_name
    cand.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    args = ["check", str(cand), "--format", "text"]
    if command == "add":
        args = ["add", str(cand), "--to", str(target), "--format", "text"]
    code, out, err = invoke(runner, "--store", str(root), *args)
    assert code == 2, f"exit {code}\n{err}\n{out}"
    assert re.search(where_regex(cand_name, line) + r".*(?:" + words + ")", err, re.I), err
    assert target.read_bytes() == before


# --- symlinks -----------------------------------------------------------------------------------


def test_symlink_loop_file_in_the_store(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner
) -> None:
    root = store_with({})
    (root / "self.yaml").symlink_to("self.yaml")
    (root / "ping.yaml").symlink_to("pong.yaml")
    (root / "pong.yaml").symlink_to("ping.yaml")
    for command in COMMANDS.values():
        code, out, err = invoke(runner, "--store", str(root), *command)
        assert code == 2, err + out
        for name in ("self.yaml", "ping.yaml", "pong.yaml"):
            assert re.search(
                rf"(?:^|/){name}(:\d+:\d+)?: .*(symbolic link|symlink|loop)", err, re.I
            ), err


def test_dangling_symlink_in_the_store(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner
) -> None:
    root = store_with({})
    (root / "gone.yaml").symlink_to("nowhere.yaml")
    code, out, err = invoke(runner, "--store", str(root), "validate")
    assert code == 2, err + out
    assert re.search(r"(?:^|/)gone\.yaml(:\d+:\d+)?: ", err), err


def test_dangling_symlink_is_named_as_linked_inside_the_working_folder(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = store_with({})
    (root / "gone.yaml").symlink_to("nowhere.yaml")
    monkeypatch.chdir(root.parent)  # paths are then shown relative, as users type them
    code, out, err = invoke(runner, "--store", root.name, "validate")
    assert code == 2, err + out
    assert err.startswith(f"{root.name}/gone.yaml: cannot read file"), err
    assert "nowhere" not in err


def test_folder_symlink_loop_does_not_hang(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner
) -> None:
    root = store_with({"sub/ok.yaml": "# nothing\n"})
    (root / "sub" / "up").symlink_to("..")
    (root / "sub" / "me").symlink_to(".")
    start = time.perf_counter()
    code, out, err = invoke(runner, "--store", str(root), "validate")
    assert time.perf_counter() - start < 20
    assert code in (0, 2), err + out
    assert "duplicate id" not in err, "a folder was read twice through a symlink:\n" + err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipes_and_devices_named_like_store_files_are_refused_at_once(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner
) -> None:
    """Reading a pipe blocks forever and /dev/zero never ends: refuse them unread."""
    root = store_with({})
    os.mkfifo(root / "pipe.yaml")
    expected = {"pipe.yaml": "not a regular file: a FIFO (named pipe)"}
    try:  # a device node of the store's own (root only): what it is is said
        os.mknod(root / "zero.yaml", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        expected["zero.yaml"] = "not a regular file: a character device"
    except OSError:
        pass
    # Links to devices outside the store are refused as links, their targets unread.
    (root / "zero-link.yaml").symlink_to("/dev/zero")
    (root / "random.jsonl").symlink_to("/dev/urandom")
    expected["zero-link.yaml"] = expected["random.jsonl"] = "a symbolic link to a file outside"
    for cache in ([], ["--no-cache"]):
        start = time.perf_counter()
        code, out, err = invoke(runner, "--store", str(root), *cache, "validate")
        assert time.perf_counter() - start < 20
        assert code == 2, err + out
        for name, words in expected.items():
            assert re.search(rf"(?:^|/){re.escape(name)}: {re.escape(words)}", err), err


# --- the store and candidate paths ----------------------------------------------------------------


def test_store_path_that_is_a_file(tmp_path: Path, runner: CliRunner) -> None:
    store = tmp_path / "store.yaml"
    store.write_text(BASE, encoding="utf-8")
    for command in COMMANDS.values():
        code, out, err = invoke(runner, "--store", str(store), *command)
        assert code == 2, err + out
        assert "store.yaml" in err and re.search(r"file|folder|director", err, re.I), err


@pytest.mark.parametrize("kind", ["missing", "directory", "directory-with-yaml-name"])
def test_candidate_that_is_missing_or_a_directory(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    tmp_path: Path,
    kind: str,
) -> None:
    root = store_with({})
    cand = tmp_path / (
        "nope.yaml" if kind == "missing" else "cands" if kind == "directory" else "cand.yaml"
    )
    if kind != "missing":
        cand.mkdir()
    code, out, err = invoke(runner, "--store", str(root), "check", str(cand), "--format", "text")
    assert code == 2, err + out
    assert cand.name in err and re.search(r"no such|director|not a file", err, re.I), err


@pytest.mark.parametrize("how", ["same-path", "through-a-symlink"])
def test_a_candidate_that_is_a_store_file_is_named_as_such(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    tmp_path: Path,
    how: str,
) -> None:
    """Not "duplicate id 'c1' at a.yaml:2:5, already used at a.yaml:2:5"."""
    claims = (
        "claims:\n  - {id: c1, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    )
    root = store_with({"a.yaml": claims})
    cand = root / "a.yaml"
    if how == "through-a-symlink":
        cand = tmp_path / "cand.yaml"
        cand.symlink_to(root / "a.yaml")
    for cache in ([], ["--no-cache"]):
        for command in (["check", str(cand)], ["add", str(cand), "--to", str(root / "b.yaml")]):
            code, out, err = invoke(runner, "--store", str(root), *cache, *command)
            assert code == 2, err + out
            assert "this candidate is a file of the store already" in err, err
            assert "duplicate id" not in err, err
    assert not (root / "b.yaml").exists()


# --- configuration files ------------------------------------------------------------------------


CONFIG_CASES = [
    ("invalid-toml", 'select = ["CC1"]\nignore = []\nfail-on = \n', 3, r"invalid TOML"),
    (
        "invalid-toml-unclosed-table",
        '# rules\n[rules.CC101\nseverity = "warning"\n',
        2,
        r"invalid TOML",
    ),
    ("unknown-top-key", '# settings\nselekt = ["CC1"]\n', 2, r"unknown key 'selekt'"),
    ("unknown-limit", "# settings\n[limits]\nmax-depht = 3\n", 3, r"unknown limit"),
    ("limit-not-a-number", '[limits]\nmax-depth = "deep"\n', 2, r"max-depth"),
    ("limit-zero", "[limits]\nmax-nodes = 0\n", 2, r"max-nodes"),
    ("limit-boolean", "[limits]\nmax-string = true\n", 2, r"max-string"),
    ("limits-not-a-table", "# settings\nlimits = 3\n", 2, r"limits"),
    ("rules-not-a-table", "# settings\nrules = 3\n", 2, r"rules"),
    ("unknown-rule", "# settings\n[rules.CC999]\nseverity = 'warning'\n", 2, r"CC999"),
    (
        "unknown-rule-option",
        "[rules.CC101]\ndefault-tolerence = '5%'\n",
        2,
        r"unknown option|tolerence",
    ),
    ("bad-severity", "[rules.CC101]\nseverity = 'fatal'\n", 2, r"severity"),
    ("bad-fail-on", "# settings\nfail-on = 'sometimes'\n", 2, r"fail-on"),
    ("select-not-a-list", "# settings\nselect = 'CC1'\n", 2, r"select"),
    ("select-matches-nothing", "# settings\nselect = ['CC999']\n", 2, r"CC999"),
    ("not-utf8", b"# r\xe9glages\nselect = ['CC1']\n", 1, r"UTF-8"),
]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(
    ("name", "text", "line", "words"), CONFIG_CASES, ids=[c[0] for c in CONFIG_CASES]
)
def test_bad_configuration_is_answered_at_its_place(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    name: str,
    text: str | bytes,
    line: int,
    words: str,
    command: str,
) -> None:
    root = store_with({})
    (root / "claimcheck.toml").write_bytes(text if isinstance(text, bytes) else text.encode())
    code, out, err = invoke(runner, "--store", str(root), *COMMANDS[command])
    assert code == 2, f"exit {code}\n{err}{out}"
    assert re.search(where_regex("claimcheck.toml", line) + r".*(?:" + words + ")", err, re.I), err


def test_bad_tool_claimcheck_table_in_pyproject(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner
) -> None:
    root = store_with({})
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck]\nfail-on = "never"\n', encoding="utf-8"
    )
    code, out, err = invoke(runner, "--store", str(root), "validate")
    assert code == 2, err + out
    assert re.search(where_regex("pyproject.toml", 5) + r".*fail-on", err), err


def test_explicit_config_that_is_missing(
    store_with: Callable[[dict[str, str | bytes]], Path], runner: CliRunner, tmp_path: Path
) -> None:
    root = store_with({})
    code, out, err = invoke(
        runner, "--store", str(root), "--config", str(tmp_path / "nope.toml"), "validate"
    )
    assert code == 2, err + out
    assert "nope.toml" in err and "Traceback" not in err


# --- add --to a directory -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["folder", "folder.yaml"])
def test_add_to_a_directory(
    store_with: Callable[[dict[str, str | bytes]], Path],
    runner: CliRunner,
    tmp_path: Path,
    name: str,
) -> None:
    root = store_with({})
    (root / name).mkdir()
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        "claims:\n  - {id: n1, subject: strike, property: deaths, value: 14, source: monde-doc}\n"
    )
    code, out, err = invoke(
        runner, "--store", str(root), "add", str(cand), "--to", str(root / name)
    )
    assert code == 2, err + out
    assert name in err and re.search(r"director|folder|not a file|\.yaml", err, re.I), err
    assert list((root / name).iterdir()) == []


def test_every_case_has_a_unique_id() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
