"""JSON Lines: a key written twice is refused (orjson alone would keep the last)."""

from __future__ import annotations

import pytest

from claimcheck.errors import FileProblem
from claimcheck.store.jsonlfile import load

GOOD = [
    '{"id": "c1", "subject": "s", "property": "deaths", "value": 3}',
    # a value spelt like a key
    '{"id": "c1", "subject": "id", "property": "source", "value": "subject", "source": "d"}',
    # quote marks inside strings, escaped
    '{"id": "c1", "subject": "s", "property": "p", "value": "x", "quote": "he said \\"14\\""}',
    '{"id": "c1", "subject": "s", "property": "p", "value": "\\u0022id\\u0022"}',
    # nested values, with strings and keys
    '{"id": "c1", "subject": "s", "property": "p", "value": {"low": "1", "high": [2, "3"]}}',
    '{"id": "c1", "subject": "s", "property": "p", "value": "x", "quote": "L\\u00e9r\\u00e9"}',
]

DUPLICATED = [
    '{"id": "c1", "id": "c2", "subject": "s", "property": "p", "value": 3}',
    '{"id":"c1","subject":"s","property":"p","value":3,"value":4}',
    '{"id": "c1", "subject": "s", "property": "p", "value": {"low": 1, "low": 2}}',
    '{"id": "c1", "subject": "s", "property": "p", "value": [{"a": "x", "a": "y"}]}',
    # escapes on the line: the slower check
    '{"id": "c1", "quote": "he said \\"14\\"", "id": "c2"}',
    '{"a": 1, "a": "\\u0022\\u0022"}',
]


@pytest.mark.parametrize("line", GOOD)
def test_lines_without_a_repeated_key_are_read(line: str) -> None:
    records, _ = load(line + "\n")
    assert len(records) == 1


@pytest.mark.parametrize("line", DUPLICATED)
def test_a_key_written_twice_is_refused(line: str) -> None:
    with pytest.raises(FileProblem, match="duplicate key"):
        load('{"id": "c0"}\n' + line + "\n")


def test_every_bad_line_is_reported_not_only_the_first() -> None:
    text = (
        '{"id": "a", "value": 1}\n'
        "not json\n"
        '{"id": "b", "id": "c"}\n'
        '{"id": "d", "value": 2}\n'
        '{"id": "e"\n'
    )
    with pytest.raises(FileProblem) as err:
        load(text)
    problems = [err.value.problem, *err.value.more]
    assert [(p.location.line, p.message.split(":")[0]) for p in problems] == [
        (2, "invalid JSON"),
        (3, "invalid JSON"),
        (5, "invalid JSON"),
    ]
    assert problems[1].message == "invalid JSON: duplicate key 'id'"


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("outlets-2023.jsonl", "outlets"),
        ("outlet.jsonl", "outlets"),
        ("party_x.jsonl", "parties"),
        ("Property.jsonl", "properties"),
        ("claims-bulk.jsonl", "claims"),
        ("kidal.jsonl", "claims"),
    ],
)
def test_a_file_holds_the_section_its_name_starts_with(name: str, section: str) -> None:
    from pathlib import PurePath

    from claimcheck.store.jsonlfile import section_of

    assert section_of(PurePath(name)) == section
