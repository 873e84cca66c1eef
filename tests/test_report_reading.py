"""The report as a reader opens it: its title, contents, grouped gaps, timeline, safe text,
and how it lays out in a real browser on a desktop and on a phone."""

from __future__ import annotations

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

from support import KIDAL

KIDAL_TITLE = "Discrepancy report: Kidal offensive (October-November 2023)"


def report(runner: CliRunner, root: Path, *args: str) -> str:
    result = runner.invoke(cli, ["--store", str(root), "report", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def kidal_md() -> str:
    return report(CliRunner(), KIDAL)


@pytest.fixture(scope="module")
def kidal_html() -> str:
    return report(CliRunner(), KIDAL, "--format", "html")


# --- the title --------------------------------------------------------------------------


def test_the_title_names_what_the_store_is_about_never_its_folder(
    kidal_md: str, kidal_html: str
) -> None:
    # the Kidal offensive holds most of the store's claims (its battle, strikes, captures)
    assert kidal_md.startswith(f"# {KIDAL_TITLE}\n")
    assert f"<title>{KIDAL_TITLE}</title>" in kidal_html
    assert f"<h1>{KIDAL_TITLE}</h1>" in kidal_html
    assert "Discrepancy report: claims" not in kidal_md + kidal_html


def test_the_title_from_the_configuration_and_from_the_command_line(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store({"c.yaml": CLAIMS})
    (root / "claimcheck.toml").write_text('title = "Kidal strikes: what we know"\n')
    assert report(runner, root).startswith("# Kidal strikes: what we know\n")
    html = report(runner, root, "--format", "html")
    assert "<h1>Kidal strikes: what we know</h1>" in html
    # --title wins over the configuration
    assert report(runner, root, "--title", "Desk copy").startswith("# Desk copy\n")


def test_unrelated_subjects_make_a_title_of_the_first_two_and_how_many_more(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    claims = "claims:\n" + "".join(
        f"  - {{id: c{i}, subject: {s}, property: date, value: 2023-11-0{i + 1}, source: rfi-doc}}\n"
        for i, s in enumerate(["strike", "strike", "battle", "wagner-group", "mali"])
    )
    root = make_store({"c.yaml": claims})
    # no subject holds more than half of the claims: the one with most, then by name
    assert report(runner, root).startswith(
        "# Discrepancy report: Drone strike, Battle and 2 more\n"
    )
    (root / "c.yaml").write_text(claims.replace("subject: mali", "subject: strike"))
    assert report(runner, root).startswith("# Discrepancy report: Drone strike\n")


def test_a_subject_part_of_another_gives_its_claims_to_it(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "s.yaml": "subjects:\n"
            "  - {id: offensive, label: The offensive}\n"
            "  - {id: day-1, label: Day one, part_of: offensive}\n"
            "  - {id: day-2, label: Day two, part_of: offensive}\n",
            "c.yaml": "claims:\n"
            "  - {id: a, subject: day-1, property: date, value: 2023-11-01, source: rfi-doc}\n"
            "  - {id: b, subject: day-2, property: date, value: 2023-11-02, source: rfi-doc}\n"
            "  - {id: c, subject: mali, property: date, value: 2023-11-02, source: rfi-doc}\n",
        }
    )
    assert report(runner, root).startswith("# Discrepancy report: The offensive\n")


@pytest.mark.parametrize(
    ("in_b", "campaigns", "title"),
    [(2, False, "The war"), (1, False, "Battle A"), (2, True, "The war"), (1, True, "Battle A")],
)
def test_a_war_of_two_battles_is_titled_by_the_war_unless_one_holds_nearly_all(
    runner: CliRunner, make_store: Callable[..., Path], in_b: int, campaigns: bool, title: str
) -> None:
    """Three claims on one battle and two on another are a report on the war they are
    part of, though the first holds more than half — also when each battle is part of a
    campaign of its own; three against one, on the first."""
    claims = "".join(
        f"  - {{id: {b}{i}, subject: battle-{b}, property: date, value: 2023-11-0{i + 1}, "
        "source: rfi-doc}\n"
        for b, n in (("a", 3), ("b", in_b))
        for i in range(n)
    )
    root = make_store(
        {
            "s.yaml": "subjects:\n"
            "  - {id: war, label: The war}\n"
            "  - {id: campaign-a, label: Campaign A, part_of: war}\n"
            "  - {id: campaign-b, label: Campaign B, part_of: war}\n"
            f"  - {{id: battle-a, label: Battle A, part_of: {'campaign-a' if campaigns else 'war'}}}\n"
            f"  - {{id: battle-b, label: Battle B, part_of: {'campaign-b' if campaigns else 'war'}}}\n",
            "c.yaml": "claims:\n" + claims,
        }
    )
    assert report(runner, root).startswith(f"# Discrepancy report: {title}\n")


# --- contents, counts, gaps ---------------------------------------------------------------


def test_html_has_contents_whose_links_all_land(kidal_html: str) -> None:
    nav = kidal_html[kidal_html.index('<nav class="toc">') :]
    nav = nav[: nav.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert {"summary", "conflicts", "gaps", "timeline", "outlets", "documents"} <= set(targets)
    assert "subject-drone-strike-2023-11-07" in targets
    ids = set(re.findall(r' id="([^"]+)"', kidal_html))
    assert set(targets) <= ids, set(targets) - ids
    assert ">Drone strikes on Kidal, 7 November 2023 (school hit)</a>" in nav
    assert "Conflicts</a> <span class='muted'>(7 subjects)</span>" in nav


def test_markdown_has_contents_linking_github_anchors(kidal_md: str) -> None:
    toc = kidal_md[kidal_md.index("**Contents**") : kidal_md.index("## Summary")]
    assert "- [Corroboration gaps](#corroboration-gaps) (102 findings)" in toc
    assert "- [Appendix: outlets](#appendix-outlets)" in toc
    link = (
        "  - [Drone strikes on Kidal, 7 November 2023 (school hit)]"
        "(#drone-strikes-on-kidal-7-november-2023-school-hit)"
    )
    assert link in toc
    assert "\n### Drone strikes on Kidal, 7 November 2023 (school hit)\n" in kidal_md
    # a heading repeated gets GitHub's -1, -2... (no subject here repeats one)
    assert (
        "\n  - [Clashes in Léré (17 September 2023)](#clashes-in-léré-17-september-2023)\n" in toc
    )


def test_counts_say_how_many_not_about(kidal_md: str, kidal_html: str) -> None:
    for text in (kidal_md, kidal_html):
        assert "on 47 subjects" in text and "about 47 subjects" not in text


def test_gaps_are_grouped_by_rule_and_long_groups_collapsed(kidal_md: str, kidal_html: str) -> None:
    html = kidal_html[kidal_html.index('<h2 id="gaps">') : kidal_html.index('<h2 id="timeline">')]
    blocks = re.findall(r"<details([^>]*)><summary>(.*?)</summary>", html)
    codes = [re.search(r"CC\d+", s)[0] for _, s in blocks]  # type: ignore[index]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 3
    by_code = {re.search(r"CC\d+", s)[0]: (" open" in o, s) for o, s in blocks}  # type: ignore[index]
    opened, single = by_code["CC201"]
    assert not opened and "single-origin</b>: 58 findings — A value whose support" in single
    assert by_code["CC202"][0]  # four findings: shown open
    md = kidal_md[kidal_md.index("## Corroboration gaps") : kidal_md.index("## Timeline")]
    assert "<details>\n<summary><b>CC201 single-origin</b>: 58 findings — " in md
    assert "<details open>\n<summary><b>CC202 interested-only</b>: 4 findings" in md
    # a blank line after <summary>: GitHub draws the table inside as a table
    assert re.search(r"</summary>\n\n\| subject +\| property +\| finding", md)
    assert md.count("<details") == md.count("</details>")


def test_no_gaps_of_their_own_says_where_the_gaps_are(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    """Every gap stands with a subject in conflict: the gaps section does not say "None."
    under a summary counting warnings, but where they are."""
    root = make_store(
        {
            "c.yaml": """
            claims:
              - {id: a, subject: strike, property: deaths, value: 14, source: monde-doc}
              - {id: b, subject: strike, property: deaths, value: 3, source: figaro-doc,
                 claimant: fama}
            """
        }
    )
    md = report(runner, root)
    gaps = md[md.index("## Corroboration gaps") :]
    assert "CC202" in md[: md.index("## Corroboration gaps")]  # (the army's 3, its own only)
    said = "None besides the gap finding listed with the subjects in conflict above."
    assert gaps.split("\n")[2] == said
    assert f"<p>{said}</p>" in report(runner, root, "--format", "html")
    # and where there is no gap at all, none
    (root / "c.yaml").write_text(
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 14, source: monde-doc}\n"
        "  - {id: b, subject: strike, property: deaths, value: 14, source: figaro-doc}\n",
        encoding="utf-8",
    )
    md = report(runner, root)
    assert md[md.index("## Corroboration gaps") :].split("\n")[2] == "None."


def test_timeline_rows_name_property_value_and_claimant(kidal_md: str, kidal_html: str) -> None:
    svg = kidal_html[kidal_html.index("<title>Timeline") :]
    svg = svg[: svg.index("</svg>")]
    assert (
        "<title>Civilians killed: 10 — Medical sources in Kidal (unnamed, speaking to RFI)</title>"
        in svg
    )
    assert (
        '<text x="4" y="' in svg and ">Drone strikes on Kidal, 7 November 2023 (school hit)<" in svg
    )
    gantt = kidal_md[kidal_md.index("## Timeline") :]
    gantt = gantt[: gantt.index("```\n")]
    assert "    section Drone strikes on Kidal, 7 November 2023" in gantt
    assert "    Civilians killed, 10 - Medical sources in Kidal" in gantt


def test_a_long_timeline_labels_its_axis_by_year(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    root = make_store(
        {
            "c.yaml": "claims:\n"
            "  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc, as_of: 2012-03-01}\n"
            "  - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}\n"
        }
    )
    md = report(runner, root)
    assert "    axisFormat %Y\n    tickInterval 24month\n" in md
    short = make_store({"c.yaml": CLAIMS})
    assert "    axisFormat %d %b\n    tickInterval 1day\n" in report(runner, short)


# --- hostile text -------------------------------------------------------------------------

CONTROL = "ok\x1b[2J\x1bc\x07\u202eevil"


def test_control_characters_are_shown_in_every_format(
    runner: CliRunner, make_store: Callable[..., Path]
) -> None:
    quote = json.dumps(CONTROL)  # a YAML double-quoted string: \e, \a, \u202e
    root = make_store(
        {
            "c.yaml": "documents:\n"
            f"  - {{id: evil, outlet: le-figaro, published: 2023-11-09, title: {quote}}}\n"
            "parties:\n"
            f"  - {{id: evil-party, name: {quote}, kind: journalist}}\n"
            "claims:\n"
            f"  - {{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc, quote: {quote}}}\n"
            f"  - {{id: b, subject: strike, property: deaths, value: 3, source: evil, claimant: evil-party, quote: {quote}}}\n",
        }
    )
    (root / "claimcheck.toml").write_text(f"title = {quote}\n")
    shown = "ok\\x1b[2J\\x1bc\\x07\\u202eevil"
    for fmt in ("markdown", "html"):
        out = report(runner, root, "--format", fmt)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), fmt
        if fmt == "html":
            assert f"<h1>{shown}</h1>" in out and f"“{shown}”" in out
        else:
            # shown, then Markdown-escaped (a backslash doubled, a bracket escaped)
            assert out.startswith("# " + shown.replace("\\", "\\\\").replace("[", "\\[") + "\n")
            assert shown.replace("\\", "\\\\").replace("[", "\\[") in out.split("## Conflicts")[1]


# --- a real browser: a desktop and a phone -----------------------------------------------

#: Measures the page it is added to: every word (or date) split over two lines, and whether the
#: page is wider than the window (only a table or a chart may scroll sideways).
PROBE = """<script>
document.querySelectorAll('details').forEach(d => { d.open = true; });
const split = [];
const words = /\\d{4}-\\d{2}-\\d{2}|[\\p{L}\\p{N}]{2,}/gu;  // a date is one word
const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const node = walk.currentNode;
  if (node.parentElement.closest('svg')) continue;
  for (const m of node.data.matchAll(words)) {
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                         .map(r => Math.round(r.top)));
    if (tops.size > 1) split.push(m[0]);
  }
}
document.body.dataset.split = JSON.stringify(split.slice(0, 20));
document.body.dataset.wide = String(document.documentElement.scrollWidth > innerWidth + 1);
</script>"""


def _browser_or_skip() -> str:
    browser = (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium: .ci/run installs Debian's chromium")
        pytest.skip("Chromium not installed: `apt-get install chromium` (Debian) to run this test")
    return browser


def _headless(
    browser: str, profile: Path, width: int, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},2000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("width", [1400, 400])
def test_no_word_is_broken_and_nothing_overflows_the_page(
    kidal_html: str, tmp_path: Path, width: int
) -> None:
    browser = _browser_or_skip()
    # the probe needs a script, which the report's own policy forbids: a copy without it
    page = tmp_path / "probe.html"
    probed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", kidal_html)
    page.write_text(probed.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    proc = _headless(browser, tmp_path / "profile", width, "--dump-dom", page.as_uri())
    m = re.search(r'<body data-split="([^"]*)" data-wide="(\w+)"', proc.stdout)
    assert m, proc.stderr[-2000:]
    split = json.loads(m[1].replace("&quot;", '"'))
    assert split == [], f"words broken across lines at {width} px: {split}"
    assert m[2] == "false", f"the page is wider than a {width} px window"


CLAIMS = """\
claims:
  - {id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}
  - {id: b, subject: strike, property: deaths, value: 3, source: monde-doc}
"""


def test_a_figure_revised_since_by_its_origin_says_so_in_the_table(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """The ministry said 10, then 20; the army says 2. In the who-says-what table the 10
    reads as a figure revised since, not as a ministry figure standing beside the 20."""
    root = make_store(
        {
            "toll.yaml": (
                "parties:\n"
                "  - {id: ministry, name: Ministry of Health, kind: state, side: rebels}\n"
                "claims:\n"
                "  - {id: m10, subject: battle, property: deaths, value: 10, source: rfi-doc, "
                "claimant: ministry, as_of: 2023-11-11}\n"
                "  - {id: m20, subject: battle, property: deaths, value: 20, source: rfi-doc-2, "
                "claimant: ministry, as_of: 2023-11-14}\n"
                "  - {id: f2, subject: battle, property: deaths, value: 2, source: f24-doc, "
                "claimant: fama, as_of: 2023-11-14}\n"
            )
        }
    )
    md = report(runner, root)
    (m10,) = [line for line in md.splitlines() if line.startswith("|") and "| 10 " in line]
    assert "(revised since: 20)" in m10, m10
    html = report(runner, root, "--format", "html")
    assert "revised since: 20" in html


def daily_toll(counts: dict[int, int], *more: str) -> str:
    """A ministry's toll of the battle on each day (day of November 2023 -> count), in
    RFI's dispatch of the day; the army's 2 on the last day; then ``more`` claims."""
    return (
        "documents:\n"
        + "".join(f"  - {{id: day-{d}, outlet: rfi, published: 2023-11-{d}}}\n" for d in counts)
        + "  - {id: army-14, outlet: le-monde, published: 2023-11-14}\n"
        "parties:\n"
        "  - {id: ministry, name: Ministry of Health, kind: state, side: rebels}\n"
        "claims:\n"
        + "".join(
            f"  - {{id: m{d}, subject: battle, property: deaths, value: {n}, source: day-{d}, "
            f"claimant: ministry, as_of: 2023-11-{d}}}\n"
            for d, n in counts.items()
        )
        + "  - {id: f2, subject: battle, property: deaths, value: 2, source: army-14, "
        "claimant: fama, as_of: 2023-11-14}\n" + "".join(more)
    )


def _table(md: str) -> list[list[str]]:
    """The cells of the first who-says-what table's rows."""
    lines = md.split("#### ", 1)[1].splitlines()[2:]
    rows = lines[2 : next(i for i, line in enumerate(lines) if not line.startswith("|"))]
    return [[cell.strip() for cell in line.split("|")[1:-1]] for line in rows]


def test_a_daily_toll_folds_its_earlier_counts_out_of_the_table(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """A ministry gives its toll every day (10, 18, 25, then 31); the army's 2 disputes
    it. The table shows what stands — the ministry's 31 and the army's 2 — and one line
    says the ministry's three earlier counts, the first and the last; the timeline still
    has every count."""
    toll = daily_toll({11: 10, 12: 18, 13: 25, 14: 31})
    md = report(runner, make_store({"toll.yaml": toll}))
    assert [(row[0], row[1]) for row in _table(md)] == [("A", "2"), ("B", "31")]
    (line,) = [line for line in md.splitlines() if line.startswith("- **Ministry of Health**")]
    assert "3 figures in 3 claims, from 10 (2023-11-11) to 25 (2023-11-13), via RFI" in line
    timeline = md.split("## Timeline", 1)[1].split("## ", 1)[0]
    assert all(f"{n} - " in timeline or f"{n} " in timeline for n in (10, 18, 25, 31))
    html = report(runner, make_store({"toll.yaml": toll}), "--format", "html")
    assert "3 figures in 3 claims, from 10 (2023-11-11) to 25 (2023-11-13), via RFI" in html


def test_two_earlier_counts_or_one_a_finding_names_stay_in_the_table(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """Folding is for running tolls: two earlier counts still read as rows, and an
    earlier count a conflict names (the army's 40 the day after the ministry's 25 is a
    dispute) stays where the reader can see it."""
    md = report(runner, make_store({"toll.yaml": daily_toll({11: 10, 12: 18, 14: 31})}))
    assert "Earlier counts folded" not in md
    assert [row[1] for row in _table(md)] == ["2", "10", "18", "31"]
    relayed = (
        "  - {id: m12-monde, subject: battle, property: deaths, value: 20, source: monde-12, "
        "claimant: ministry, as_of: 2023-11-12}\n"
    )
    toll = daily_toll({10: 5, 11: 10, 12: 18, 13: 25, 14: 31}, relayed)
    monde = "documents:\n  - {id: monde-12, outlet: le-monde, published: 2023-11-12}\n"
    md = report(runner, make_store({"toll.yaml": toll, "monde.yaml": monde}))
    assert "CC107" in md
    assert [row[1] for row in _table(md)] == ["2", "18", "20", "31"]
    (line,) = [line for line in md.splitlines() if line.startswith("- **Ministry of Health**")]
    assert "3 figures in 3 claims, from 5 (2023-11-10) to 25 (2023-11-13)" in line


def test_what_stands_is_never_folded_and_a_relayed_figure_is_one_figure(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """Only figures their own origin revised since fold, three figures or more, whoever
    relays them: the ministry's 10 carried by RFI and Le Monde is one figure, so 10 and
    18 before its 31 stay rows; the figure the estimate gives stays too."""
    again = (
        "  - {id: m11-monde, subject: battle, property: deaths, value: 10, source: monde-11, "
        "claimant: ministry, as_of: 2023-11-11}\n"
    )
    monde = "documents:\n  - {id: monde-11, outlet: le-monde, published: 2023-11-11}\n"
    toll = daily_toll({11: 10, 12: 18, 14: 31}, again)
    md = report(runner, make_store({"toll.yaml": toll, "monde.yaml": monde}))
    assert "Earlier counts" not in md
    assert sorted(row[1] for row in _table(md)) == ["10", "10", "18", "2", "31"]


def test_relays_fold_under_the_origin_they_relay_dated_when_it_spoke(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """Le Monde's own figures, each in an article citing the ministry's dispatch of the
    day, are the ministry's counts: they fold under the ministry with its own, and the
    ministry's 10 quoted again on the 14th without a date is still its count of the 11th."""
    cites = "".join(
        f"  - {{id: monde-{d}, outlet: le-monde, published: 2023-11-{d}, cites: [day-{d}]}}\n"
        for d in (11, 12, 13)
    )
    relays = "".join(
        f"  - {{id: lm{d}, subject: battle, property: deaths, value: {n}, source: monde-{d}}}\n"
        for d, n in ((11, 10), (12, 18), (13, 25))
    ) + (
        "  - {id: m11-again, subject: battle, property: deaths, value: 10, source: army-14, "
        "claimant: ministry}\n"
    )
    toll = daily_toll({11: 10, 12: 18, 13: 25, 14: 31}, relays)
    md = report(runner, make_store({"toll.yaml": toll, "monde.yaml": "documents:\n" + cites}))
    (line,) = [line for line in md.splitlines() if line.startswith("- **Ministry")]
    assert line.startswith("- **Ministry of Health**: 3 figures in 7 claims, from 10 (2023-11-11)")
    assert line.endswith("to 25 (2023-11-13), via Le Monde and RFI"), line
    assert sorted(row[1] for row in _table(md)) == ["2", "31"]


def test_folded_counts_are_named_after_who_gave_them_not_the_body_above(
    make_store: Callable[..., Path], runner: CliRunner
) -> None:
    """The ministry is part of the CSP-PSD (one origin with it), but its daily counts are
    the ministry's: the folded line names the ministry, as the table's rows do."""
    toll = daily_toll({11: 10, 12: 18, 13: 25, 14: 31}).replace(
        "side: rebels}", "side: rebels, part_of: csp-psd}"
    )
    md = report(runner, make_store({"toll.yaml": toll}))
    assert "- **Ministry of Health**: 3 figures in 3 claims" in md, md[md.find("Earlier") :][:400]
    assert "- **CSP-PSD**" not in md
