"""Every class of bad input: exit 2, ``path:line:col: message``, never a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

CLAIM = """\
claims:
  - id: c1
    subject: strike
    property: deaths
    value: 14
    source: rfi-doc
"""


def run_validate(runner: CliRunner, root: Path) -> tuple[int, str]:
    result = runner.invoke(cli, ["--store", str(root), "validate"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr if result.stderr else result.output


CASES: list[tuple[str, str | bytes, str, str]] = [
    # (name, file text, expected "file:line" prefix, expected words in message)
    # A required field left empty (as `extract` leaves what it could not fill) says what
    # to write there.
    (
        "empty-subject",
        CLAIM.replace("subject: strike", "subject:"),
        "bad.yaml:",
        "subject is empty: write the id of one of the store's subjects",
    ),
    (
        "empty-outlet-kind",
        "outlets:\n  - {id: new-outlet, name: New Outlet, kind: }\n",
        "bad.yaml:2:",
        "kind is empty: write one of 'news-agency', 'broadcaster'",
    ),
    ("malformed", "claims:\n  - id: c1\n    value: [1, 2\n", "bad.yaml:4", "invalid YAML"),
    ("tab", "claims:\n  - id: c1\n\tsubject: strike\n", "bad.yaml:3:1", "tab character"),
    # A quote never closed: where it opens, not at the end of the file.
    (
        "unclosed-quote",
        'claims:\n  - id: c1\n    quote: "unterminated\n    value: 2\n',
        "bad.yaml:3:12",
        "this quote is never closed",
    ),
    # A raw control character (a terminal colour code pasted into a quote): at its place,
    # not at 1:1 with the parser's "in <unicode string>, position N".
    (
        "control-character",
        CLAIM + '    quote: "evil \x1b[31m red"\n',
        "bad.yaml:7:18",
        "the character U+001B is not allowed",
    ),
    # ...after accented text: placed by characters, not by the parser's UTF-8 bytes
    (
        "control-character-after-accents",
        CLAIM + '    note: "déjà vu, Gaïa, Kidal 🙂"\n    quote: "évité \x1b[31m"\n',
        "bad.yaml:8:19",
        "the character U+001B is not allowed",
    ),
    ("duplicate-key", "claims:\n  - id: c1\n    id: c2\n", "bad.yaml:3", "duplicate key"),
    # What the parser's complaint most likely means, with what to write (a new user's
    # trial): a record whose '- ' is missing repeats the fields of the record above ...
    (
        "record-missing-its-dash",
        CLAIM + CLAIM.removeprefix("claims:\n").replace("  - id: c1", "    id: c2"),
        "bad.yaml:7:5",
        'duplicate key "id" (the mapping starts at line 2); if a new record begins here '
        "or just above, its '- ' is missing",
    ),
    # ... and a value that starts with a quote mark ends where it closes.
    (
        "value-quoted-in-part",
        CLAIM + "    quote: 'Dozens' remain missing, the wire's reporter said.\n",
        "bad.yaml:7:21",
        "a value that starts with a quote mark ends where that quote closes: quote the whole "
        "value (quote: \"'Dozens' remain missing, the wire's reporter said.\")",
    ),
    # (the line's comment is no part of the value to quote: a stranger's review)
    (
        "value-quoted-in-part-before-a-comment",
        CLAIM + "    quote: 'Dozens' remain missing  # the wire, 3 June\n",
        "bad.yaml:7:21",
        "quote the whole value (quote: \"'Dozens' remain missing\")",
    ),
    (
        "value-double-quoted-in-part",
        CLAIM.replace("value: 14", 'value: "dozens" missing'),
        "bad.yaml:5:21",
        "quote the whole value (value: '\"dozens\" missing')",
    ),
    (
        "unknown-field",
        CLAIM.replace("subject:", "subjekt:"),
        "bad.yaml:3:5",  # at the key, not its value
        "unknown field 'subjekt' (did you mean 'subject'?)",
    ),
    # Another form of the field's word, which spelling alone misses (a new user's trial)
    (
        "another-form-of-a-field-s-word",
        CLAIM + "    quotation: dozens remain missing\n",
        "bad.yaml:7:5",
        "unknown field 'quotation' (did you mean 'quote'?)",
    ),
    (
        "another-name-for-a-field",
        CLAIM + "    date: 2023-11-07\n",
        "bad.yaml:7:5",
        "unknown field 'date' (did you mean 'as_of'? a claim's date is its as_of)",
    ),
    (
        "a-value-not-allowed",
        CLAIM + "    stance: deny\n",
        "bad.yaml:7:13",
        "stance: 'deny' is not one of 'asserts' or 'denies' (did you mean 'denies'?)",
    ),
    (
        "a-kind-written-with-a-space",
        "parties:\n  - {id: flk, name: FLK, kind: armed group}\n",
        "bad.yaml:2:32",
        "kind: 'armed group' is not one of 'state', 'army', 'armed-group', 'mercenary', "
        "'un', 'ngo', 'medical', 'journalist', 'anonymous', 'person', 'political-party' or "
        "'other' (did you mean "
        "'armed-group'?)",
    ),
    (
        "another-word-for-a-kind",
        "parties:\n  - {id: h, name: Hospital, kind: Hôpital}\n",
        "bad.yaml:2:35",
        "kind: 'Hôpital' is not one of 'state', 'army', 'armed-group', 'mercenary', "
        "'un', 'ngo', 'medical', 'journalist', 'anonymous', 'person', 'political-party' or "
        "'other' (did you mean "
        "'medical'? 'Hôpital' is 'medical' here)",
    ),
    (
        "a-word-for-a-kind-before-a-near-spelling",
        "outlets:\n  - {id: c, name: Channel 4, kind: channel}\n",
        "bad.yaml:2:36",
        "'encyclopedia' or 'social' (did you mean 'broadcaster'? 'channel' is 'broadcaster' here)",
    ),
    (
        "another-word-for-a-kind-not-allowed-there",
        "outlets:\n  - {id: h, name: Hospital, kind: hospital}\n",
        "bad.yaml:2:35",
        "kind: 'hospital' is not one of 'news-agency', 'broadcaster', 'newspaper', "
        "'magazine', 'video', 'wire', 'state-media', 'party-channel', 'ngo', 'un', "
        "'encyclopedia' or 'social'",
    ),
    (
        "losses-of-an-unknown-side",
        "parties:\n  - {id: fama, name: FAMa, kind: army, side: mali-government}\n"
        "properties:\n  - {id: army_losses, type: quantity, losses_of: mali-governmnt}\n",
        "bad.yaml:4:50",
        "property 'army_losses': unknown side 'mali-governmnt': no party has it as its "
        "`side` (did you mean 'mali-government'?)",
    ),
    (
        # the subjects agree on "sable-front"; the party's own side is the odd one out
        "a-partys-side-misspelt-is-named-as-the-likely-typo",
        "parties:\n  - {id: sable-front, name: Sable Front, kind: armed-group, side: sable-frnt}\n"
        "subjects:\n  - {id: camp, label: Camp attack, sides: [sable-front]}\n"
        "  - {id: ridge, label: Ridge fighting, sides: [sable-front]}\n",
        "bad.yaml:4:43",
        "subject 'camp': unknown side 'sable-front': no party has it as its `side` (did you "
        "mean 'sable-frnt'? or is the typo in the side of party 'sable-front', 'sable-frnt' "
        "at ",
    ),
    (
        "losses-of-on-a-category",
        "properties:\n  - {id: winner, type: category, values: [a, b], losses_of: x}\n",
        "bad.yaml:2:5",
        "only a quantity property counts losses ('losses_of')",
    ),
    (
        "missing-field",
        CLAIM.replace("    property: deaths\n", ""),
        "bad.yaml:2:5",
        "missing required field 'property'",
    ),
    (
        "unknown-subject",
        CLAIM.replace("subject: strike", "subject: strik"),
        "bad.yaml:3:14",
        "unknown subject 'strik'",
    ),
    (
        "unknown-document",
        CLAIM.replace("source: rfi-doc", "source: nope"),
        "bad.yaml:6:13",
        "unknown document 'nope'",
    ),
    (
        "unknown-claimant",
        CLAIM + "    claimant: nobody\n",
        "bad.yaml:7:15",
        "unknown party or outlet 'nobody'",
    ),
    (
        "wrong-type",
        CLAIM.replace("source: rfi-doc", "source: [rfi-doc]"),
        "bad.yaml:6:13",
        "source",
    ),
    (
        "unquoted-colon",
        CLAIM + "    note: Note: this is it\n",
        "bad.yaml:7:15",
        "a value holding ': ' must be quoted",
    ),
    (
        "indented-one-space-deeper",
        CLAIM.replace("    value: 14", "     value: 14"),
        "bad.yaml:5:11",
        "this line is indented differently from the one above it",
    ),
    (
        "bad-indent",
        CLAIM.replace("    property: deaths", "   property: deaths"),
        "bad.yaml:4",
        "indented differently from the records around it",
    ),
    (
        "entity-in-other-case",
        "claims:\n  - {id: c1, subject: strike, property: commander, value: FAMA, source: rfi-doc}\n",
        "bad.yaml:2",
        "unknown entity 'FAMA' (did you mean 'fama'?)",
    ),
    (
        "category-outside-set",
        "claims:\n  - {id: c1, subject: strike, property: outcome, value: victory, source: rfi-doc}\n",
        "bad.yaml:2",
        "not one of this property's values",
    ),
    (
        "unparseable-quantity",
        CLAIM.replace("value: 14", "value: lots of them"),
        "bad.yaml:5:12",
        "accepted forms",
    ),
    (
        "impossible-date",
        CLAIM + "    as_of: 2023-02-30\n",
        "bad.yaml:7:12",
        "'2023-02-30' is not a real date",
    ),
    ("not-utf8", b"claims:\n  - id: c\xff1\n", "bad.yaml:2:10", "not UTF-8"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bad.yaml:3:1", "binary"),
    ("top-level-list", "- id: c1\n", "bad.yaml:1:1", "top level must be a mapping"),
    ("section-not-list", "claims:\n  id: c1\n", "bad.yaml:1:1", "must be a list of records"),
    ("unknown-section", "claimz: []\n", "bad.yaml:1:1", "unknown section 'claimz'"),
    ("record-not-mapping", "claims:\n  - just a string\n", "bad.yaml:2:5", "must be a mapping"),
    ("bad-id", CLAIM.replace("id: c1", "id: c 1"), "bad.yaml:2:9", "not a valid id"),
    (
        "id-ending-in-line-break",
        CLAIM.replace("id: c1", 'id: "c1\\n"'),
        "bad.yaml:2:9",
        "not a valid id",
    ),
    ("negative-count", CLAIM.replace("value: 14", "value: -3"), "bad.yaml:5:12", "negative"),
    ("boolean-quantity", CLAIM.replace("value: 14", "value: true"), "bad.yaml:5:12", "yes/no"),
    ("huge-number", CLAIM.replace("value: 14", "value: 1e400"), "bad.yaml:5:12", "finite"),
    (
        "cites-cycle",
        "documents:\n  - {id: a, outlet: rfi, cites: [b]}\n  - {id: b, outlet: rfi, cites: [a]}\n",
        "bad.yaml:3",
        "cites cycle: a -> b -> a",
    ),
    (
        "unknown-outlet",
        "documents:\n  - id: d\n    outlet: bbc\n",
        "bad.yaml:3:13",
        "unknown outlet 'bbc'",
    ),
    ("bad-kind", "outlets:\n  - id: x\n    name: X\n    kind: blog\n", "bad.yaml:4:11", "kind"),
    (
        "bad-tolerance",
        "properties:\n  - {id: p, type: quantity, tolerance: ten}\n",
        "bad.yaml:2",
        "tolerance",
    ),
    (
        "category-without-values",
        "properties:\n  - {id: p, type: category}\n",
        "bad.yaml:2:5",
        "needs its list of 'values'",
    ),
]


@pytest.mark.parametrize(("name", "text", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_place(
    make_store: Callable[..., Path],
    runner: CliRunner,
    name: str,
    text: str | bytes,
    where: str,
    words: str,
) -> None:
    root = make_store({"bad.yaml": text})
    code, err = run_validate(runner, root)
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert any(where in line and words in line for line in lines), err
    # Every line has the path:line:col: message shape.
    for line in lines:
        assert re.match(r"^\S+:\d+:\d+: \S", line), line


def test_duplicate_id_across_two_files_names_both_places(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = make_store({"a.yaml": CLAIM, "sub/b.yaml": CLAIM})
    code, err = run_validate(runner, root)
    assert code == 2
    assert "sub/b.yaml:2:5: duplicate id 'c1': already used by the claim at" in err
    assert "a.yaml:2:5" in err


def _at(text: str, token: str) -> str:
    """``line:col`` of the last ``token`` in ``text``."""
    offset = text.rindex(token)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


@pytest.mark.parametrize(
    "text",
    [
        # block items, with a comment holding a star between the record and its repeat
        CLAIM.replace("  - id: c1", "  - &r\n    id: c1") + "  # see *note\n  -   *r\n",
        # the repeat after another record, in a flow sequence
        "claims: [&r {id: c1, subject: strike, property: deaths, value: 14, "
        "source: rfi-doc},\n  {id: c2, subject: strike, property: deaths, value: 14, "
        "source: rfi-doc}, *r]\n",
    ],
    ids=["block", "flow"],
)
def test_a_record_repeated_by_an_alias_is_named_where_the_alias_is(
    make_store: Callable[..., Path], runner: CliRunner, text: str
) -> None:
    root = make_store({"a.yaml": text})
    code, err = run_validate(runner, root)
    assert code == 2
    # The repeat is named at its alias, the first at the anchored record.
    assert f"a.yaml:{_at(text, '*r')}: duplicate id 'c1': already used by the claim at " in err
    assert err.strip().endswith(f"a.yaml:{_at(text, '&r')}"), err


def test_an_id_is_global_across_sections(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = make_store({"z.yaml": "parties:\n  - {id: rfi, name: RFI staff, kind: journalist}\n"})
    code, err = run_validate(runner, root)
    assert code == 2 and "duplicate id 'rfi': already used by the outlet" in err


def test_every_problem_is_reported_not_only_the_first(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    text = (
        CLAIM
        + "  - {id: c2, subject: nope, property: deaths, value: 1, source: rfi-doc}\n"
        + "  - {id: c3, subject: strike, property: deaths, value: lots, source: rfi-doc}\n"
    )
    root = make_store({"a.yaml": text})
    code, err = run_validate(runner, root)
    assert code == 2
    assert "unknown subject 'nope'" in err and "cannot read 'lots'" in err


def test_jsonl_line_that_is_not_json(make_store: Callable[..., Path], runner: CliRunner) -> None:
    good = (
        '{"id": "j1", "subject": "strike", "property": "deaths", "value": 3, "source": "rfi-doc"}'
    )
    root = make_store({"claims-bulk.jsonl": good + "\n{not json}\n"})
    code, err = run_validate(runner, root)
    assert code == 2 and "claims-bulk.jsonl:2:2: invalid JSON" in err


def test_jsonl_validation_error_points_at_the_line_and_key(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    lines = [
        '{"id": "j1", "subject": "strike", "property": "deaths", "value": 3, "source": "rfi-doc"}',
        '{"id": "j2", "subject": "strike", "property": "deaths", "value": 3, "sorce": "rfi-doc"}',
    ]
    root = make_store({"bulk.jsonl": "\n".join(lines) + "\n"})
    code, err = run_validate(runner, root)
    assert code == 2 and "bulk.jsonl:2:" in err and "unknown field 'sorce'" in err


def test_jsonl_sections_come_from_the_file_name(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = make_store(
        {
            "documents-extra.jsonl": '{"id": "d9", "outlet": "rfi", "published": "2023-11-10"}\n',
            "2024-bulk.jsonl": '{"id": "j1", "subject": "strike", "property": "deaths", "value": "10-12", "source": "d9"}\n',
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "claims", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"outlet": "rfi"' in result.output and '"as_of": "2023-11-10"' in result.output


def test_missing_store_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--store", str(tmp_path / "nope"), "validate"])
    assert result.exit_code == 2 and "no such store folder" in result.stderr


def test_empty_and_comment_only_files_are_fine(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    root = make_store(
        {"empty.yaml": "", "comments.yaml": "# nothing yet\n", "nulls.yaml": "claims:\n"}
    )
    code, out = run_validate(runner, root)
    assert code == 0, out


def test_bom_and_crlf_are_accepted(make_store: Callable[..., Path], runner: CliRunner) -> None:
    text = ("\ufeff" + CLAIM).replace("\n", "\r\n").encode("utf-8")
    root = make_store({"windows.yaml": text})
    code, out = run_validate(runner, root)
    assert code == 0, out


def test_another_word_for_a_kind_is_suggested_only_where_its_kind_is_allowed(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """An outlet of kind 'hospital' gets no hint: 'medical' is a kind of party only."""
    root = make_store({"bad.yaml": "outlets:\n  - {id: h, name: Hospital, kind: hospital}\n"})
    code, err = run_validate(runner, root)
    assert code == 2
    assert err.rstrip().endswith("'encyclopedia' or 'social'"), err


@pytest.mark.parametrize(
    "mistake",
    [
        "actors:\n  - {id: coast-guard, name: Coast guard, kind: state}\n",  # unknown section
        "parties:\n  - {id: coast-guard, name: Coast guard, kind: [state}\n",  # invalid YAML
    ],
    ids=["unknown-section", "invalid-yaml"],
)
def test_what_left_a_file_unread_comes_before_the_unknown_ids_it_causes(
    make_store: Callable[..., Path], runner: CliRunner, mistake: str
) -> None:
    """A section name mistyped (`actors:` for `parties:`) was listed after the seven
    "unknown party" errors its unread records caused (a new user's trial): the cause
    first, then the rest in path:line:col order."""
    claims = "claims:\n" + "".join(
        f"  - {{id: c{i}, subject: strike, property: deaths, value: {i}, source: rfi-doc,"
        " claimant: coast-guard}\n"
        for i in (1, 2)
    )
    root = make_store({"a-claims.yaml": claims, "z-parties.yaml": mistake, "m.yaml": "claims: 3\n"})
    code, err = run_validate(runner, root)
    assert code == 2
    lines = [line.removeprefix(f"{root}/") for line in err.strip().splitlines()]
    assert [line.split(":")[0] for line in lines] == [
        "m.yaml",  # (not a list: its section is unread too)
        "z-parties.yaml",
        "a-claims.yaml",
        "a-claims.yaml",
    ], err
    assert "unknown party or outlet 'coast-guard'" in lines[2]
    assert lines[2].startswith("a-claims.yaml:2:") and lines[3].startswith("a-claims.yaml:3:")


def test_no_hint_where_the_mistake_is_not_the_one_hinted(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A section given twice is no record missing its '- '; a quoted value followed by a
    comment is whole."""
    root = make_store({"bad.yaml": CLAIM + CLAIM})
    code, err = run_validate(runner, root)
    assert code == 2 and 'duplicate key "claims"' in err and "'- '" not in err
    root = make_store({"bad.yaml": CLAIM + "    quote: 'Dozens' # remain\n", "x.yaml": "[\n"})
    code, err = run_validate(runner, root)
    assert code == 2 and "bad.yaml" not in err and "quote mark" not in err
