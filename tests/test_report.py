"""The discrepancy report: every format, escaping, the shipped reports, a real browser."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

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
    assert "figures that cannot all be true: 10" in section and "14 \\[rfi\\]" in section
    assert "Medical sources in Kidal" in section
    assert "Mali: au moins une dizaine de morts" in section  # RFI, 7 November ([12])
    assert "Mali: tué par un drone à Kidal" in section  # RFI, 9 November ([13])
    # RFI's own 14 outweighs the 10 of anonymous medical sources: best 14 (DESIGN §4)
    assert "Estimate: **low 10, best 14, high 14**" in section
    # the who-says-what table in clusters that agree: 10 (and 'at least ten') apart from 14
    assert re.search(r"^\| A +\| 10 ", section, re.M) and re.search(r"^\| B +\| 14 ", section, re.M)
    assert "```mermaid\ngantt" in section


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
