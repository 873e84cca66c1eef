"""Fuzzing the loader, the rules and the reports: whatever the input, no unhandled exception.

Every run must end with exit code 0, 1 or 2 and nothing escaping the CLI (a
``result.exception`` other than ``SystemExit``). Each example runs under an alarm, so a
hang fails with the example that caused it instead of stalling the suite.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import math
import shutil
import signal
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from claimcheck.cli import cli

from support import BASE

pytestmark = pytest.mark.slow

SECTIONS = ["outlets", "documents", "parties", "subjects", "properties", "claims", "reviews"]
FIELDS = [
    "id", "name", "kind", "owner", "outlet", "title", "published", "retrieved", "cites",
    "label", "date", "part_of", "sides", "type", "values", "unit", "single", "cumulative",
    "tolerance", "subject", "property", "value", "source", "claimant", "as_of", "stance",
    "quote", "status", "finding", "verdict", "note", "anonymous", "side", "url",
]  # fmt: skip

_base = YAML(typ="safe", pure=True).load(BASE)
SUBJECTS = [s["id"] for s in _base["subjects"]]
PROPERTIES = [p["id"] for p in _base["properties"]]
DOCUMENTS = [d["id"] for d in _base["documents"]]
CLAIMANTS = [p["id"] for p in _base["parties"]] + [o["id"] for o in _base["outlets"]]
CATEGORIES = next(p["values"] for p in _base["properties"] if p["type"] == "category")

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    # No example database (nothing written into the repository) and no shrinking: each
    # example runs the CLI several times, and shrinking one failure can take minutes.
    # Failures found by fuzzing are pinned as plain tests at the end of this file.
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EXAMPLE_SECONDS = 20


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail an example that runs too long (SIGALRM: the main thread only)."""

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"one example ran for more than {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_counter = itertools.count()


@contextlib.contextmanager
def fresh_store(tmp_path: Path, files: dict[str, bytes]) -> Iterator[Path]:
    root = tmp_path / f"store-{next(_counter)}"
    root.mkdir()
    try:
        (root / "base.yaml").write_text(BASE, encoding="utf-8")
        for name, data in files.items():
            (root / name).write_bytes(data)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_cli(root: Path, *args: str, codes: tuple[int, ...] = (0, 1, 2)) -> tuple[int, str, str]:
    runner = CliRunner()
    with time_limit(EXAMPLE_SECONDS):
        result = runner.invoke(cli, ["--store", str(root), *args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
        raise AssertionError(f"{' '.join(args)}: unhandled {type(exc).__name__}: {exc}\n{tb}")
    assert result.exit_code in codes, (args, result.exit_code, result.stderr[-1000:])
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        assert result.stderr.strip(), f"{args}: exit 2 with nothing on stderr"
    return result.exit_code, result.stdout, result.stderr


def run_all(root: Path) -> None:
    code, _, _ = run_cli(root, "validate", codes=(0, 2))
    code2, out, _ = run_cli(root, "check", "--format", "json")
    if code == 2:
        assert code2 == 2, "validate refused the store but check did not"
    if code2 in (0, 1):
        json.loads(out)


# --- strategies -----------------------------------------------------------------------------

WEIRD = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\u2028",
        "\u0085",
        "\ufeff",
        "\u200b",
        "\u202e",
        "é",
        "e\u0301",
        "ﬁ",
        "𝔘",
        "🙂",
        "\x7f",
        "\x1b[31m",
        "null",
        "~",
        "yes",
        "no",
        "on",
        "0x1F",
        "0o17",
        "1_000",
        ".nan",
        "-.inf",
        "2023-02-30",
        "2023-11-07T10:00:00Z",
        "*a",
        "&a",
        "!!str",
        "%",
        "@",
        "`",
        "|",
        ">",
        "#",
        "- ",
        ": ",
        "? ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "'",
        '"',
        "\\",
    ]
)
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    WEIRD,
    st.lists(WEIRD, max_size=4).map("".join),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.sampled_from(SUBJECTS + PROPERTIES + DOCUMENTS + CLAIMANTS + CATEGORIES),
)
KEYS = st.one_of(st.sampled_from(FIELDS), TEXT)
NESTED = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=12,
)
RECORD = st.one_of(st.dictionaries(st.sampled_from(FIELDS), NESTED, max_size=8), NESTED)
DOCUMENT = st.one_of(
    st.dictionaries(
        st.one_of(st.sampled_from(SECTIONS), TEXT),
        st.one_of(st.lists(RECORD, max_size=4), NESTED),
        max_size=4,
    ),
    NESTED,
)


def dump_yaml(data: Any) -> bytes | None:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False  # ruamel's flow style can write `a: b:c` that libyaml refuses
    try:
        yaml.dump(data, out)
    except Exception:  # ruamel cannot write every odd key: not what is under test
        return None
    return out.getvalue().encode("utf-8", "surrogatepass")


FRAGMENTS = st.sampled_from(
    [
        "claims:\n", "documents:\n", "parties:\n", "  - ", "    ", "id: c1\n", "subject: strike\n",
        "property: deaths\n", "value: 14\n", "source: rfi-doc\n", "{", "}", "[", "]", ", ", ": ",
        "\n", "\t", "---\n", "...\n", "&a ", "*a", "<<: *a\n", "? ", "!!python/object/apply:os.system ",
        "!!binary ", "!custom ", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "|\n", ">-\n", "'", '"',
        "#", "- - - ", "\ufeff", "\r\n", "\r", "\x85", "é", "\\", "{a: [b, {c: d}]}",
        "1e400", ".nan", "-3", "2023-02-30", "~", "null", "true", "0x10", "=cmd()", "\x00",
    ]
)  # fmt: skip
RAW_YAML = st.lists(st.one_of(FRAGMENTS, TEXT), max_size=40).map("".join)

VALID = (
    "# a store file\n"
    "documents:\n"
    '  - {id: d1, outlet: rfi, published: 2023-11-09, title: "Un titre", cites: [rfi-doc]}\n'
    "claims:\n"
    "  - id: c1\n"
    "    subject: strike\n"
    "    property: deaths\n"
    "    value: 14+\n"
    "    source: d1\n"
    '    quote: "au moins quatorze morts"\n'
    "  - {id: c2, subject: strike, property: deaths, value: {min: 10, max: 12}, source: monde-doc}\n"
    "  - {id: c3, subject: battle, property: outcome, value: stalemate, source: f24-doc, as_of: 2023-11-12}\n"
    "  - {id: c4, subject: wagner-group, property: present_in, value: mali, source: figaro-doc, stance: denies}\n"
    "reviews:\n"
    "  - {finding: 0123456789abcdef, verdict: explained, note: ok}\n"
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "insert", "swap-lines", "dup-line", "drop-line"]))
        lines = text.split("\n")
        if op == "delete" and text:
            i = draw(st.integers(0, len(text) - 1))
            n = draw(st.integers(1, 5))
            text = text[:i] + text[i + n :]
        elif op == "insert":
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.one_of(FRAGMENTS, TEXT)) + text[i:]
        elif op == "swap-lines" and len(lines) > 1:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "dup-line":
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif op == "drop-line" and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
    return text


# --- (a) random YAML ----------------------------------------------------------------------------


@SETTINGS
@given(data=DOCUMENT)
def test_random_yaml_documents_never_crash(tmp_path: Path, data: Any) -> None:
    text = dump_yaml(data)
    if text is None:
        return
    with fresh_store(tmp_path, {"fuzz.yaml": text}) as root:
        run_all(root)


@SETTINGS
@given(text=RAW_YAML)
def test_random_yaml_text_never_crashes(tmp_path: Path, text: str) -> None:
    with fresh_store(tmp_path, {"fuzz.yaml": text.encode("utf-8", "surrogatepass")}) as root:
        run_all(root)


@SETTINGS
@given(text=mutated())
def test_mutations_of_a_valid_file_never_crash(tmp_path: Path, text: str) -> None:
    with fresh_store(tmp_path, {"fuzz.yaml": text.encode("utf-8", "surrogatepass")}) as root:
        run_all(root)


def test_the_unmutated_file_is_valid(tmp_path: Path) -> None:
    with fresh_store(tmp_path, {"fuzz.yaml": VALID.encode()}) as root:
        assert run_cli(root, "validate")[0] == 0


@settings(SETTINGS, max_examples=40)
@given(text=st.one_of(mutated(), RAW_YAML))
def test_random_candidates_for_check_never_crash(tmp_path: Path, text: str) -> None:
    with fresh_store(tmp_path, {}) as root:
        cand = root.parent / f"cand-{next(_counter)}.yaml"
        cand.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            run_cli(root, "check", str(cand), "--format", "json")
        finally:
            cand.unlink()


@settings(SETTINGS, max_examples=40)
@given(text=st.one_of(mutated(), RAW_YAML))
def test_random_candidates_for_add_never_crash_or_corrupt(tmp_path: Path, text: str) -> None:
    original = (
        b"# keep\nclaims:\n"
        b"  - {id: k1, subject: strike, property: deaths, value: 14, source: rfi-doc}\n"
    )
    with fresh_store(tmp_path, {"claims.yaml": original}) as root:
        cand = root.parent / f"cand-{next(_counter)}.yaml"
        cand.write_bytes(text.encode("utf-8", "surrogatepass"))
        target = root / "claims.yaml"
        try:
            code, _, _ = run_cli(root, "add", str(cand), "--to", str(target), "--format", "json")
        finally:
            cand.unlink()
        if code == 0:
            # add never writes a file the store cannot read back
            assert run_cli(root, "validate", codes=(0, 2))[0] == 0
            assert target.read_bytes().startswith(original)
        else:
            assert target.read_bytes() == original


# --- (b) random JSON Lines --------------------------------------------------------------------


def _json_safe(data: Any) -> Any:
    if isinstance(data, float) and not math.isfinite(data):
        return str(data)
    if isinstance(data, dict):
        return {str(k): _json_safe(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_json_safe(v) for v in data]
    return data


JSON_LINE = st.one_of(
    NESTED.map(lambda d: json.dumps(_json_safe(d), ensure_ascii=False)),
    RECORD.map(lambda d: json.dumps(_json_safe(d))),
    st.builds(
        lambda d, n: json.dumps(_json_safe(d))[:n],
        st.dictionaries(st.sampled_from(FIELDS), SCALARS, max_size=6),
        st.integers(0, 60),
    ),
    TEXT,
    st.sampled_from(["", "   ", "[]", "{}", "null", "NaN", "1e400", '{"id": 1}', "\r", "\x00"]),
)


@SETTINGS
@given(
    lines=st.lists(JSON_LINE, max_size=8),
    name=st.sampled_from(["claims-fuzz.jsonl", "documents-fuzz.jsonl", "parties.jsonl", "x.jsonl"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_random_json_lines_never_crash(
    tmp_path: Path, lines: list[str], name: str, newline: str
) -> None:
    text = newline.join(lines)
    with fresh_store(tmp_path, {name: text.encode("utf-8", "surrogatepass")}) as root:
        run_all(root)


# --- (c) random valid-shaped claims: rules and reports ---------------------------------------------

QUANTITY_WORDS = [
    "14", "14+", ">30", "<5", ">=14", "<=5", "10-14", "~800", "1,200", "2.5", "fourteen",
    "quatre-vingt-dix", "at least ten", "over thirty", "fewer than 5", "between 10 and 14",
    "about 800", "nearly 800", "au moins une dizaine", "plus de trente", "moins de cinq",
    "environ 800", "entre dix et quatorze", "14 civilians", "une dizaine de morts", "a few",
    "several", "dozens", "hundreds", "des milliers", "une centaine", "un millier", "unknown",
    "0", "-0", "1e15", "1e16", "14-10", "10-10", "~0", ">0", "<0", "<1", "between 14 and 10",
]  # fmt: skip
DATE_WORDS = [
    "2023-11-07", "2023-11", "2023", "2023-11-10/2023-11-14", "2023-11-14/2023-11-10",
    "unknown", "0001-01-01", "9999-12-31", "2023-02-30", "2023-11-07/2023-11-07",
]  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=10**16),
    st.floats(min_value=-1, max_value=1e16),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, 5e-324, -0.0]),
)
VALUES = st.one_of(
    NUMBERS,
    st.sampled_from(QUANTITY_WORDS + DATE_WORDS + CATEGORIES + SUBJECTS + CLAIMANTS),
    TEXT,
    st.fixed_dictionaries({"min": NUMBERS, "max": NUMBERS}),
    st.dictionaries(
        st.sampled_from(
            ["at_least", "at_most", "more_than", "less_than", "approx", "exact", "min", "max"]
        ),
        NUMBERS,
        min_size=1,
        max_size=2,
    ),
    st.booleans(),
    st.none(),
)
IDS = st.from_regex(r"\A[a-z0-9][a-z0-9._:-]{0,12}\Z")


@st.composite
def claims(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(IDS, min_size=1, max_size=12, unique=True))
    out = []
    for cid in ids:
        record: dict[str, Any] = {
            "id": cid,
            "subject": draw(st.sampled_from(SUBJECTS)),
            "property": draw(st.sampled_from(PROPERTIES)),
            "value": draw(VALUES),
        }
        if draw(st.booleans()):
            record["source"] = draw(st.sampled_from(DOCUMENTS))
        if draw(st.booleans()):
            record["claimant"] = draw(st.sampled_from(CLAIMANTS))
        if draw(st.booleans()):
            record["as_of"] = draw(st.sampled_from(DATE_WORDS))
        if draw(st.booleans()):
            record["stance"] = draw(st.sampled_from(["asserts", "denies"]))
        if draw(st.booleans()):
            record["status"] = draw(st.sampled_from(["active", "retracted", "superseded"]))
        if draw(st.booleans()):
            record["quote"] = draw(TEXT)
        out.append(record)
    return out


@st.composite
def extra_records(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """A few more documents (citing each other), and reviews of random fingerprints."""
    docs = []
    for i in range(draw(st.integers(0, 3))):
        doc: dict[str, Any] = {
            "id": f"xd{i}",
            "outlet": draw(st.sampled_from(["rfi", "le-monde", "wikipedia"])),
        }
        if draw(st.booleans()):
            doc["published"] = draw(st.sampled_from(["2023-11-01", "2023-11-08", "2023-12-01"]))
        if draw(st.booleans()):
            doc["cites"] = draw(st.lists(st.sampled_from(DOCUMENTS), max_size=2, unique=True))
        if draw(st.booleans()):
            doc["title"] = draw(TEXT)
        docs.append(doc)
    reviews = [
        {
            "finding": draw(st.from_regex(r"\A[0-9a-f]{16}\Z")),
            "verdict": draw(st.sampled_from(["explained", "accepted", "disputed"])),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    return {"documents": docs, "reviews": reviews}


@settings(SETTINGS, max_examples=50)
@given(records=claims(), extra=extra_records(), as_jsonl=st.booleans())
def test_random_claims_through_rules_and_reports_never_crash(
    tmp_path: Path, records: list[dict[str, Any]], extra: dict[str, Any], as_jsonl: bool
) -> None:
    files: dict[str, bytes] = {}
    if as_jsonl:
        lines = [json.dumps(_json_safe(r), ensure_ascii=False) for r in records]
        files["claims-fuzz.jsonl"] = "\n".join(lines).encode("utf-8", "surrogatepass")
    else:
        text = dump_yaml({"claims": records})
        if text is None:
            return
        files["claims-fuzz.yaml"] = text
    extra_text = dump_yaml({k: v for k, v in extra.items() if v})
    if extra_text and extra_text.strip() != b"{}":
        files["extra.yaml"] = extra_text
    with fresh_store(tmp_path, files) as root:
        code, out, _ = run_cli(root, "check", "--format", "json")
        if code == 2:
            return
        json.loads(out)
        for fmt in ("html", "markdown", "json"):
            run_cli(root, "report", "--format", fmt, codes=(0,))
        for fmt in ("markdown", "table", "text"):
            run_cli(root, "check", "--format", fmt, codes=(0, 1))
        run_cli(root, "claims", "--format", "markdown", codes=(0,))
        run_cli(root, "sources", codes=(0,))
        run_cli(root, "export", "--format", "csv", codes=(0,))
        run_cli(root, "export", "--format", "claimreview", codes=(0,))
        run_cli(root, "export", "--format", "graphml", codes=(0,))


@pytest.mark.parametrize("value", ["14", "une dizaine", "{min: 10, max: 14}", "~800", "2023-11-07"])
def test_each_value_shape_reaches_the_reports(tmp_path: Path, value: str) -> None:
    """A sanity check of (c): ordinary values give a full report."""
    text = (
        "claims:\n"
        f"  - {{id: a, subject: strike, property: deaths, value: {value}, source: rfi-doc}}\n"
        "  - {id: b, subject: strike, property: deaths, value: 3, source: figaro-doc}\n"
    )
    with fresh_store(tmp_path, {"c.yaml": text.encode()}) as root:
        code, _, err = run_cli(root, "check", "--format", "json")
        if value == "2023-11-07":
            assert code == 2, "a date is not a quantity"
            return
        assert code in (0, 1), err
        assert run_cli(root, "report", "--format", "html")[0] == 0


@settings(SETTINGS, max_examples=40)
@given(records=claims(), as_jsonl=st.booleans())
def test_random_claims_give_the_same_answer_from_the_cache(
    tmp_path: Path, records: list[dict[str, Any]], as_jsonl: bool
) -> None:
    """A run reading the store's cache says exactly what a run without it says."""
    if as_jsonl:
        text = "\n".join(json.dumps(_json_safe(r), ensure_ascii=False) for r in records).encode(
            "utf-8", "surrogatepass"
        )
        files = {"claims-fuzz.jsonl": text}
    else:
        dumped = dump_yaml({"claims": records})
        if dumped is None:
            return
        files = {"claims-fuzz.yaml": dumped}
    with fresh_store(tmp_path, files) as root:
        cold = run_cli(root, "--no-cache", "check", "--format", "json")
        first = run_cli(root, "check", "--format", "json")
        second = run_cli(root, "check", "--format", "json")
        assert first == cold, "the run that fills the cache differs from one without it"
        assert second == cold, f"the cached run differs:\n{second[2][:800]}\nvs\n{cold[2][:800]}"


# --- found by fuzzing: pinned, so that each has a plain reproduction ---------------------------

EDGE_STORES = {
    "as-of-9999-12-31": "claims:\n  - {id: a, subject: strike, property: deaths, value: 0, source: rfi-doc, as_of: 9999-12-31}\n",
    "as-of-year-9999": (
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 3, source: rfi-doc, as_of: 9999}\n"
        "  - {id: b, subject: strike, property: deaths, value: 5, source: figaro-doc}\n"
    ),
    "published-9999-12-31": (
        "documents:\n  - {id: d9, outlet: le-monde, published: 9999-12-31}\n"
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 3, source: d9}\n"
        "  - {id: b, subject: strike, property: deaths, value: 5, source: figaro-doc}\n"
    ),
    "as-of-0001-01-01": (
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 0, source: rfi-doc, as_of: 0001-01-01}\n"
        "  - {id: b, subject: strike, property: deaths, value: 5, source: figaro-doc}\n"
    ),
    "date-values-at-both-ends": (
        "claims:\n  - {id: a, subject: battle, property: date, value: 9999-12-31, source: rfi-doc}\n"
        "  - {id: b, subject: battle, property: date, value: 0001-01-01, source: figaro-doc}\n"
    ),
    "date-tolerance-1e15-days": (
        "properties:\n  - {id: p9, type: date, tolerance: 1e15}\n"
        "claims:\n  - {id: a, subject: strike, property: p9, value: 2023-01-01, source: rfi-doc}\n"
        "  - {id: b, subject: strike, property: p9, value: 2024-01-01, source: figaro-doc}\n"
    ),
    "quantities-1e15-and-a-millionth": (
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 1e15, source: rfi-doc}\n"
        "  - {id: b, subject: strike, property: deaths, value: 0.000001, source: figaro-doc}\n"
    ),
    "text-value-nan-read-twice": "claims:\n  - {id: t, subject: strike, property: summary, value: .nan, source: rfi-doc}\n",
}
EDGE_COMMANDS = [
    ["check", "--format", "json"],
    ["report", "--format", "html"],
    ["report", "--format", "markdown"],
    ["sources"],
    ["export", "--format", "csv"],
]


@pytest.mark.parametrize("name", list(EDGE_STORES))
def test_edge_values_never_crash_any_command(tmp_path: Path, name: str) -> None:
    with fresh_store(tmp_path, {"edge.yaml": EDGE_STORES[name].encode()}) as root:
        codes = [run_cli(root, *args)[0] for args in EDGE_COMMANDS]
        # One store, one verdict: every command accepts it, or every command refuses it.
        assert len({c == 2 for c in codes}) == 1, dict(
            zip(map(" ".join, EDGE_COMMANDS), codes, strict=True)
        )
