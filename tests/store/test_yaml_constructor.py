"""The fast YAML constructor gives exactly what ruamel.yaml's general one gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from claimcheck.store import yamlfile
from claimcheck.store.limits import Limits

from support import KIDAL


def _general(monkeypatch: pytest.MonkeyPatch, text: str) -> Any:
    def unusual(self: object, node: object, built: object) -> Any:
        raise yamlfile._Unusual

    with monkeypatch.context() as m:
        m.setattr(yamlfile._Constructor, "_build", unusual)
        return yamlfile.load(text, Limits())[0]


TRICKY = [
    "a: yes\nb: 0o17\nc: 1_000\nd: ~\ne: 2023-11-14\nf: !!str 12\ng: 1.5e3\nh: .inf\n",
    "g: &x [1, {k: v}]\nh: *x\ni: *x\n",  # aliases
    "<<: {a: 1}\nb: 2\n",  # a merge key: left to the general constructor
    "base: &b {a: 1}\nderived:\n  <<: *b\n  c: 3\n",
    "1: a\nnull: b\n",  # keys that are not strings
    "%YAML 1.1\n---\na: yes\nb: 017\n",
    "a: !!str 1\nb: !!int '2'\nc: !!float 3\nd: !!bool true\ne: !!null ''\n",
    "a: !!map {b: !!seq [1, !!timestamp 2023-11-14]}\n",
    "'quoted key': \"value with \\u00e9\"\nplain: caf\u00e9\n",
    "- [1, 2]\n- {a: [b, c]}\n- ''\n",
    "just a string\n",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert yamlfile.load(text, Limits())[0] == _general(monkeypatch, text)


@pytest.mark.parametrize(
    ("text", "tag", "col"),
    [
        ("id: !!binary aGVsbG8=\n", "!!binary", 5),
        ("a: !!set {x, y}\n", "!!set", 4),
        ("a: !!omap [{x: 1}, {y: 2}]\n", "!!omap", 4),
        ("a: !!pairs [{x: 1}]\n", "!!pairs", 4),
        ("a:\n  - !!python/object/apply:os.system [echo]\n", "!!python/object/apply:os.system", 5),
        ("a: !local x\n", "!local", 4),
        ("a: !<tag:example.com,2000:x> 1\n", "!<tag:example.com,2000:x>", 4),
        ("!!binary aGk=: 1\n", "!!binary", 1),
    ],
)
def test_tags_other_than_the_core_ones_are_refused_at_their_place(
    text: str, tag: str, col: int
) -> None:
    with pytest.raises(yamlfile.FileProblem) as raised:
        yamlfile.load(text, Limits())
    problem = raised.value.problem
    assert problem.message.startswith(f"the YAML tag {tag} is not allowed"), problem.message
    assert (problem.location.line, problem.location.col) == (
        text.count("\n", 0, text.index(tag)) + 1,
        col,
    )


def test_merge_keys_still_work() -> None:
    data = yamlfile.load("base: &b {a: 1}\nderived:\n  <<: *b\n  c: 3\n", Limits())[0]
    assert data["derived"] == {"a": 1, "c": 3}


def test_aliases_share_one_object() -> None:
    data = yamlfile.load("g: &x [1, 2]\nh: *x\n", Limits())[0]
    assert data["g"] is data["h"]


def test_the_kidal_files(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(Path(KIDAL).rglob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yamlfile.load(text, Limits())[0] == _general(monkeypatch, text), path


def test_a_duplicate_key_is_still_an_error_with_its_position() -> None:
    with pytest.raises(yamlfile.FileProblem) as raised:
        yamlfile.load("claims:\n  - id: a\n    id: b\n", Limits())
    problem = raised.value.problem
    assert "duplicate key" in problem.message
    assert (problem.location.line, problem.location.col) == (3, 5)


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_data)
def test_any_dumped_data_reads_back_the_same_both_ways(data: Any) -> None:
    import io

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump({"root": data}, out)
    text = out.getvalue()
    with pytest.MonkeyPatch.context() as monkeypatch:
        try:
            expected = _general(monkeypatch, text)
        except yamlfile.FileProblem as e:  # some dumped text the C parser refuses: both must
            with pytest.raises(yamlfile.FileProblem) as raised:
                yamlfile.load(text, Limits())
            assert str(raised.value) == str(e)
            return
    assert yamlfile.load(text, Limits())[0] == expected
