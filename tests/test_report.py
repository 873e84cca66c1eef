"""The discrepancy report: every format, escaping, the shipped reports, a real browser."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.engine import check
from claimcheck.report.build import build
from claimcheck.store import load_store

from png import ink
from support import BASE, KIDAL, REPO

TITLE = "Battle of Kidal (2023): discrepancy report"


def report(runner: CliRunner, root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["--store", str(root), "report", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def test_markdown_names_the_14_versus_10_conflict_with_both_sources(runner: CliRunner) -> None:
    code, md = report(runner, KIDAL)
    assert code == 0
    section = md[md.index("### Drone strikes on Kidal, 7 November 2023") :]
    section = section[: section.index("\n### ")]
    assert "figures that cannot all be true: 10" in section
    assert "14 \\[rfi as of 2023-11-07\\]" in section  # the day each figure holds
    assert "Medical sources in Kidal" in section
    assert "Mali: au moins une dizaine de morts" in section  # RFI, 7 November ([12])
    assert "Mali: tué par un drone à Kidal" in section  # RFI, 9 November ([13])
    # RFI's own 14 outweighs the 10 of anonymous medical sources: best 14 (DESIGN §4)
    assert "Estimate: **low 10, best 14, high 14**" in section
    # the who-says-what table in clusters that agree: 10 apart from 14, and RFI's "at
    # least ten", which fits both, in both (it takes neither side)
    assert re.search(r"^\| A +\| 10 ", section, re.M) and re.search(r"^\| B +\| 14 ", section, re.M)
    assert re.search(r"^\| A, B +\| au moins une dizaine ", section, re.M)
    assert "```mermaid\ngantt" in section


def test_answers_one_part_of_another_are_one_cluster(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Who struck: a commission names the army's 4th squadron, the rebels the army, the
    army the rebels. The squadron and the army are one answer: one cluster, not two
    that every claim of theirs fits (an analyst's trial: both rows "B, C", none "B")."""
    root = make_store(
        {
            "who.yaml": (
                "parties:\n"
                "  - {id: squadron, name: 4th Squadron, kind: army, part_of: fama}\n"
                "properties:\n  - {id: struck_by, type: entity}\n"
                "claims:\n"
                "  - {id: a, subject: strike, property: struck_by, value: squadron,"
                " source: monde-doc}\n"
                "  - {id: b, subject: strike, property: struck_by, value: fama,"
                " source: rfi-doc, claimant: csp-psd}\n"
                "  - {id: c, subject: strike, property: struck_by, value: csp-psd,"
                " source: figaro-doc, claimant: fama}\n"
            )
        }
    )
    _, md = report(runner, root)
    section = md[md.index("#### struck_by") :]
    rows = re.findall(r"^\| ([A-Z, ]+?) +\| (\S+) ", section, re.M)
    assert sorted(rows) == [("A", "csp-psd"), ("B", "fama"), ("B", "squadron")] or sorted(rows) == [
        ("A", "fama"),
        ("A", "squadron"),
        ("B", "csp-psd"),
    ], rows


def test_markdown_has_every_part(runner: CliRunner) -> None:
    _, md = report(runner, KIDAL, "--title", TITLE)
    for heading in (
        "# " + TITLE,
        "## Summary",
        "## Conflicts",
        "## Corroboration gaps",
        "## Timeline",
        "## Provenance of the conflicting claims",
        "## Appendix: outlets",
        "## Appendix: documents",
    ):
        assert f"\n{heading}\n" in "\n" + md, heading
    assert md.count("```mermaid") >= 3
    assert "flowchart LR" in md


def test_html_is_one_self_contained_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "kidal.html"
    code, _ = report(runner, KIDAL, "-o", str(out))
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert html.count("<svg") >= 3
    assert "<script" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html.split("<h2>Appendix: documents</h2>")[0])
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_json_report_has_the_design_shape(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    report(runner, KIDAL, "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"summary", "findings", "estimates", "grades"}


def test_fail_on_for_report(runner: CliRunner) -> None:
    assert report(runner, KIDAL)[0] == 0
    assert report(runner, KIDAL, "--fail-on", "error")[0] == 1


HOSTILE = '<script>alert(1)</script> "]; click n0 call alert() %% `x` :done, 1, 2'


def test_user_text_is_escaped(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "base.yaml").write_text(BASE, encoding="utf-8")
    quote = HOSTILE.replace('"', '\\"')
    (root / "c.yaml").write_text(
        "documents:\n"
        f'  - {{id: evil, outlet: le-figaro, published: 2023-11-09, title: "{quote}", url: "javascript:alert(2)"}}\n'
        "parties:\n"
        f'  - {{id: evil-party, name: "{quote}", kind: journalist}}\n'
        "claims:\n"
        f'  - {{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc, quote: "{quote}"}}\n'
        f'  - {{id: b, subject: strike, property: deaths, value: 3, source: evil, claimant: evil-party, quote: "{quote}"}}\n',
        encoding="utf-8",
    )
    _, html = report(runner, root, "--format", "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        "javascript:" not in html.split("<body>")[1].replace("javascript:alert(2)", "")
        or 'href="javascript:' not in html
    )
    assert 'href="javascript:' not in html
    _, md = report(runner, root, "--format", "markdown")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "](javascript:" not in md
    blocks = re.findall(r"```mermaid\n(.*?)```", md, re.DOTALL)
    assert blocks
    for block in blocks:
        for line in block.splitlines():
            assert not line.strip().startswith("click"), line
            assert "%%" not in line and "<" not in line and "`" not in line, line
            # a label never closes its own shape early
            assert line.count('"') in (0, 2), line


#: Text that would run or load something if it reached the page as markup.
PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)>\x1b[2J\u202e'


def _hostile_store(make_store: Callable[..., Path]) -> Path:
    """A store with ``PAYLOAD`` in every field of user text the report shows: names,
    owners, titles, labels, units, category values, text values, quotes, reviews, the
    report's title; links to `javascript:` and `data:`, and one breaking out of `href`."""
    p = PAYLOAD
    records = {
        "outlets": [
            {"id": "evil-news", "name": f"Evil {p}", "kind": "newspaper", "owner": f"Owner {p}"},
            {"id": "good-news", "name": "Good news", "kind": "newspaper"},
        ],
        "documents": [
            {
                "id": "evil-doc",
                "outlet": "evil-news",
                "title": f"Title {p}",
                "published": "2023-11-09",
                "url": "javascript:alert(3)",
                "language": p,
            },
            {
                "id": "data-doc",
                "outlet": "good-news",
                "title": f"Data {p}",
                "published": "2023-11-08",
                "url": " data:text/html,<script>alert(4)</script>",
            },
            {
                "id": "web-doc",
                "outlet": "good-news",
                "title": "Web",
                "published": "2023-11-10",
                "url": 'https://example.org/a"><script>alert(5)</script>',
            },
        ],
        "parties": [
            {"id": "evil-party", "name": f"Party {p}", "kind": "journalist", "side": "evil-side"},
            {"id": "other-party", "name": f"Other {p}", "kind": "state", "side": "other-side"},
        ],
        "subjects": [
            {"id": "quiet-subject", "label": f"Quiet {p}"},
            {
                "id": "evil-subject",
                "label": f"Subject {p}",
                "date": "2023-11-07",
                "sides": ["evil-side", "other-side"],
            },
        ],
        "properties": [
            {"id": "toll", "type": "quantity", "label": f"Toll {p}", "unit": f"units {p}"},
            {"id": "said", "type": "text", "label": f"Said {p}"},
            {"id": "leader", "type": "entity", "label": f"Leader {p}"},
            {
                "id": "side-taken",
                "type": "category",
                "label": f"Side {p}",
                "values": [f"a{p}", f"b{p}"],
            },
        ],
        "claims": [
            {
                "id": "t1",
                "subject": "evil-subject",
                "property": "toll",
                "value": 14,
                "source": "evil-doc",
                "claimant": "evil-party",
                "quote": f"Quote {p}",
                "as_of": "2023-11-08",
            },
            {
                "id": "t2",
                "subject": "evil-subject",
                "property": "toll",
                "value": 3,
                "source": "data-doc",
                "claimant": "other-party",
                "quote": f"Quote {p}",
            },
            {
                "id": "t3",
                "subject": "evil-subject",
                "property": "toll",
                "value": 40,
                "source": "web-doc",
            },
            {
                "id": "q1",
                "subject": "quiet-subject",
                "property": "toll",
                "value": 7,
                "source": "evil-doc",
                "claimant": "evil-party",
                "quote": p,
            },
            {
                "id": "x1",
                "subject": "evil-subject",
                "property": "said",
                "value": f"Said {p}",
                "source": "web-doc",
            },
            {
                "id": "l1",
                "subject": "evil-subject",
                "property": "leader",
                "value": "evil-party",
                "source": "evil-doc",
            },
            {
                "id": "l2",
                "subject": "evil-subject",
                "property": "leader",
                "value": "other-party",
                "source": "web-doc",
            },
            {
                "id": "s1",
                "subject": "evil-subject",
                "property": "side-taken",
                "value": f"a{p}",
                "source": "evil-doc",
            },
            {
                "id": "s2",
                "subject": "evil-subject",
                "property": "side-taken",
                "value": f"b{p}",
                "source": "data-doc",
            },
        ],
    }
    root = make_store({"hostile.yaml": json.dumps(records)})  # JSON is YAML
    (root / "claimcheck.toml").write_text(f"title = {json.dumps('Title ' + p)}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(root), "check", "--format", "json"])
    conflict = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CC101")
    review = {
        "finding": conflict["fingerprint"],
        "verdict": "explained",
        "note": f"Note {p}",
        "by": f"By {p}",
        "on": "2023-11-20",
    }
    (root / "reviews.yaml").write_text(json.dumps({"reviews": [review]}), encoding="utf-8")
    return root


class _Elements(HTMLParser):
    """Every element of a page with its attributes, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_every_field_of_user_text_stays_text_in_html(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = _hostile_store(make_store)
    code, html = report(runner, root, "--format", "html")
    assert code == 0
    assert "<script" not in html.lower() and "<img" not in html.lower()
    page = _Elements()
    page.feed(html)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base"}, tags
    attributes = [(tag, name, value or "") for tag, attrs in page.elements for name, value in attrs]
    assert not [a for a in attributes if a[1].startswith("on")], "an event handler reached the page"
    links = [value for _, name, value in attributes if name in ("href", "src", "xlink:href")]
    assert links and all(v.startswith(("#", "https://", "http://")) for v in links), links
    # the payload is drawn as text, in every place: the report shows what the store says
    text = "".join(page.text)
    shown = PAYLOAD.replace("\x1b", "\\x1b").replace("\u202e", "\\u202e")
    for field in (
        "Title",
        "Evil",
        "Owner",
        "Party",
        "Subject",
        "Quiet",
        "Toll",
        "Quote",
        "Note",
        "By",
        "Data",
        "units",
    ):
        assert f"{field} {shown}" in text, field
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", html)


def test_shipped_reports_are_current(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """reports/ must match claims/: regenerate with the commands in reports/README.md."""
    monkeypatch.chdir(REPO)
    for name, fmt in (("kidal.md", "markdown"), ("kidal.html", "html")):
        _, fresh = report(runner, Path("claims"), "--format", fmt, "--title", TITLE)
        shipped = (REPO / "reports" / name).read_text(encoding="utf-8")
        assert fresh.rstrip("\n") == shipped.rstrip("\n"), (
            f"reports/{name} is stale: run claimcheck report -o reports/{name} --title '{TITLE}'"
        )


# --- the HTML report in a real browser ----------------------------------------------------


def _chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


@pytest.mark.slow
def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium: .ci/run installs Debian's chromium")
        pytest.skip("Chromium not installed: `apt-get install chromium` (Debian) to run this test")
    page = REPO / "reports" / "kidal.html"
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
    assert "Refused to" not in proc.stderr
    share = ink(shot.read_bytes())
    assert share > 0.02, f"the page looks blank ({share:.1%} of pixels have ink)"


def test_an_output_name_of_no_known_format_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = runner.invoke(cli, ["--store", str(KIDAL), "report", "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot tell the report's format from the suffix '.pdf'" in result.stderr
    assert not out.exists()
    # --format decides when given; .md is Markdown
    assert report(runner, KIDAL, "-o", str(out), "--format", "markdown")[0] == 0
    md = tmp_path / "r.md"
    assert report(runner, KIDAL, "-o", str(md))[0] == 0
    assert md.read_text(encoding="utf-8").startswith("# ")


def test_html_isolates_user_text_and_names_who_reviewed(
    runner: CliRunner, tmp_path: Path, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": (
                "documents:\n"
                "  - {id: ar-doc, outlet: rfi, published: 2023-11-11, title: 'مالي: الجيش يقترب من كيدال'}\n"
                "claims:\n"
                "  - {id: a, subject: strike, property: deaths, value: 3, source: ar-doc}\n"
                "  - {id: b, subject: strike, property: deaths, value: 14, source: monde-doc}\n"
            )
        }
    )
    result = runner.invoke(cli, ["--store", str(root), "check", "--format", "json"])
    conflict = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "CC101")
    (root / "r.yaml").write_text(
        f"reviews:\n  - {{finding: {conflict['fingerprint']}, verdict: explained, "
        "note: different dates, by: A. Desk, on: 2023-11-21}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    assert report(runner, root, "-o", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    # the title isolated from the date after it, which would otherwise read right to left
    assert (
        "<bdi>مالي: الجيش يقترب من كيدال</bdi> <span class='muted nowrap'>(2023-11-11)</span>"
        in html
    )
    # long text wraps between words, never inside one (tests/test_report_reading.py)
    assert "overflow-wrap: anywhere" not in html and "break-all" not in html
    assert "reviewed by A. Desk on 2023-11-21 — explained: different dates" in html
    md = report(runner, root)[1]
    assert "*reviewed by A. Desk on 2023-11-21: explained*, different dates" in md


def test_timeline_axis_labels_neither_repeat_nor_overlap(runner: CliRunner) -> None:
    out = report(runner, KIDAL, "--format", "html")[1]
    svg = out[out.index("<title>Timeline") :]
    svg = svg[: svg.index("</svg>")]
    labels = re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)" fill="[^"]+">(\d{4}-\d{2}-\d{2})</text>',
        svg,
    )
    assert len(labels) >= 3
    dates = [d for _, _, d in labels]
    assert len(set(dates)) == len(dates) and dates == sorted(dates)
    spans = []
    for x, anchor, _ in labels:
        px = float(x)
        lo = {"start": px, "end": px - 64, "middle": px - 32}[anchor]
        spans.append((lo, lo + 64))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), labels


def test_a_retracted_claim_is_listed_as_withdrawn_not_dropped(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A retraction is provenance: the report lists the claims retracted or superseded
    (weighed by no rule), in both formats, and `claims` marks them."""
    root = make_store(
        {
            "c.yaml": """\
            claims:
              - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
              - {id: b, subject: strike, property: deaths, value: 70, source: monde-doc, status: retracted}
            """
        }
    )
    _, md = report(runner, root, "--format", "markdown")
    (line,) = [x for x in md.splitlines() if x.startswith("- `b`")]
    assert "70 (Le Monde, 2023-11-08): **retracted**" in line, line
    assert "Claims withdrawn" in md and "- `a`" not in md
    _, html = report(runner, root, "--format", "html")
    assert "<code>b</code>" in html and "<b>retracted</b>" in html
    listed = runner.invoke(cli, ["--store", str(root), "claims", "--format", "table"])
    (row,) = [x for x in listed.stdout.splitlines() if x.startswith("b ")]
    assert "70 [retracted]" in row, row


def test_a_report_without_withdrawn_claims_has_no_such_list(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": "claims:\n  - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}\n"
        }
    )
    _, md = report(runner, root, "--format", "markdown")
    assert "Claims withdrawn" not in md
    assert "Stale reviews" not in md


def test_a_stale_review_is_in_the_report_saying_what_to_do(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A review whose finding is gone was only counted in the report's first line (and
    left out of the HTML): a desk reading the report could not act on it. Both formats
    list it, where it is and what to do."""
    root = make_store(
        {
            "c.yaml": """\
            claims:
              - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
            reviews:
              - {finding: 80d6555fa3eb4809, verdict: explained, note: checked}
            """
        }
    )
    _, md = report(runner, root, "--format", "markdown")
    (line,) = [x for x in md.splitlines() if "80d6555fa3eb4809" in x]
    assert line.startswith("- c.yaml:4:5: stale review"), line  # (named from the store)
    assert "review what it became, or delete this review" in line, line
    _, html = report(runner, root, "--format", "html")
    assert 'class="stale"' in html and "80d6555fa3eb4809" in html


def test_the_timeline_runs_by_date_within_each_subject(runner: CliRunner) -> None:
    """The timeline lists each subject's claims in conflict by their date, not in the
    who-says-what tables' order by value (Kidal's drone strike: the 7 November figures
    before the medical sources' 10 of the 9th)."""
    built = build(check(load_store(KIDAL)))
    seen: dict[str, list[object]] = {}
    for r in built.timeline:
        as_of = r.claim.as_of
        if as_of is not None and as_of.known:
            seen.setdefault(r.claim.subject, []).append((as_of.low, as_of.high))
    assert seen and any(len(days) > 1 for days in seen.values())
    for days in seen.values():
        assert days == sorted(days), days


def test_a_relay_of_a_retracted_claim_is_listed_as_withdrawn(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A claim whose document cites the retracted one, stating its figure, is withdrawn
    with it: listed under the withdrawn claims, saying what it relays."""
    root = make_store(
        {
            "c.yaml": """\
            documents:
              - {id: relay-doc, outlet: le-figaro, published: 2023-11-09, cites: [monde-doc]}
            claims:
              - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}
              - {id: b, subject: strike, property: deaths, value: 70, source: monde-doc, status: retracted}
              - {id: c, subject: strike, property: deaths, value: 70, source: relay-doc}
            """
        }
    )
    for fmt, marked in (
        ("markdown", "**relays b, retracted**"),
        ("html", "<b>relays b, retracted</b>"),
    ):
        _, out = report(runner, root, "--format", fmt)
        assert marked in out, fmt


def test_the_reports_scope_counts_what_the_claims_draw_on(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """A desk keeps one shared file of outlets and parties for every event it covers;
    the report on one event's two claims says what they draw on — one document of one
    outlet, one subject, one party speaking — not every record the store declares."""
    root = make_store(
        {
            "c.yaml": "claims:\n"
            "  - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc, "
            "claimant: fama}\n"
            "  - {id: b, subject: strike, property: deaths, value: 12, source: rfi-doc}\n"
        }
    )
    code, out = report(runner, root)
    assert code == 0
    assert "2 claims from 1 document of 1 outlet, on 1 subject, quoting 1 party." in out
