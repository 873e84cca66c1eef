"""`claimcheck extract`, `check`, `add`: from an article to the store in three commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli

from support import REPO

ARTICLES = REPO / "tests" / "data" / "articles"


def _store(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(ARTICLES / "store.yaml", folder / "store.yaml")
    return folder


def test_extract_check_add(tmp_path: Path, monkeypatch: object) -> None:
    store = _store(tmp_path)
    candidate = tmp_path / "candidate.yaml"
    runner = CliRunner()
    # The communiqué with no place nor camp named: its figures have a day (dimanche 17)
    # but nothing telling which event, and no event of the article to carry.
    text = (ARTICLES / "fr-communique.txt").read_text("utf-8")
    for words in (" près de Léré", " contre son camp de Léré", " de Léré"):
        text = text.replace(words, "")
    article = str(tmp_path / "communique.txt")
    Path(article).write_text(text, "utf-8")
    base = ["--store", str(store)]
    r = runner.invoke(
        cli,
        [*base, "extract", article, "--outlet", "rfi", "--published", "2023-09-19",
         "-o", str(candidate)],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    text = candidate.read_text("utf-8")
    assert "value: cinq" in text and "claimant: fama" in text
    # What was written, and that four subjects are left to fill, is said on stderr.
    assert r.stderr.startswith(f"wrote {candidate}: "), r.stderr
    assert "4 fields left for you to fill (check says where)" in r.stderr, r.stderr

    # Four claims have no subject: check refuses the file, pointing at what to fill.
    r = runner.invoke(cli, [*base, "check", str(candidate)])
    assert r.exit_code == 2
    lines = text.splitlines()
    empty = [i + 1 for i, line in enumerate(lines) if line.startswith("    subject:  # fill in")]
    assert len(empty) == 4
    for line in empty:
        assert f"candidate.yaml:{line}:" in r.output and "subject" in r.output

    # The user fills them in; now check judges the candidate and add appends it.
    candidate.write_text(
        text.replace("    subject:  # fill in", "    subject: lere-attack-2023-09-17  #"), "utf-8"
    )
    r = runner.invoke(cli, [*base, "check", str(candidate)])
    assert r.exit_code == 0, r.output
    target = store / "lere.yaml"
    r = runner.invoke(cli, [*base, "add", str(candidate), "--to", str(target)])
    assert r.exit_code == 0, r.output
    assert "added" in r.output
    r = runner.invoke(cli, [*base, "claims", "--format", "json"])
    ids = [c["id"] for c in json.loads(r.output)["claims"]]
    assert "rfi-2023-09-19-mali-l-armee-annonce-avoir-killed" in ids


def test_extract_reads_the_article_from_stdin(tmp_path: Path) -> None:
    """`extract -`: the article on standard input, its title from --title."""
    store = _store(tmp_path)
    text = (ARTICLES / "fr-communique.txt").read_bytes()
    r = CliRunner().invoke(
        cli,
        ["--store", str(store), "extract", "-", "--outlet", "rfi", "--published",
         "2023-09-19", "--title", "Attaque à Léré", "--url", "https://example.org/a"],
        input=text,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert 'title: "Attaque à Léré"' in r.output and "url: " in r.output
    assert "value: cinq" in r.output and "claimant: fama" in r.output
    assert "from <stdin>" in r.output


def test_empty_stdin_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "extract", "-"], input=b"")
    assert r.exit_code == 2
    assert "<stdin>" in r.output and "is empty" in r.output and "Traceback" not in r.output


def test_extract_json(tmp_path: Path) -> None:
    store = _store(tmp_path)
    r = CliRunner().invoke(
        cli,
        ["--store", str(store), "extract", str(ARTICLES / "en-two-sides.txt"),
         "--outlet", "rfi", "--published", "2023-09-19", "--format", "json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["version"] == 1
    assert data["document"]["published"] == "2023-09-19"
    first = data["claims"][0]
    assert {"value", "low", "high", "property", "claimant", "subject", "as_of", "quote",
            "locator", "confidence", "why"} <= set(first)  # fmt: skip
    assert (first["value"], first["low"], first["high"]) == ("dozens", 24, 99)
    assert first["claimant"] == "csp-psd"


def test_extract_then_check_at_once(tmp_path: Path) -> None:
    store = _store(tmp_path)
    out = tmp_path / "c.yaml"
    r = CliRunner().invoke(
        cli,
        ["--store", str(store), "extract", str(ARTICLES / "fr-wire-copy.txt"),
         "--outlet", "afp", "--published", "2023-09-17", "-o", str(out), "--check"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert out.exists()


def test_new_outlet_must_be_completed(tmp_path: Path) -> None:
    store = _store(tmp_path)
    out = tmp_path / "c.yaml"
    runner = CliRunner()
    r = runner.invoke(
        cli,
        ["--store", str(store), "extract", str(ARTICLES / "fr-wire-copy.txt"),
         "--outlet", "le-monde", "--published", "2023-09-17", "-o", str(out)],
    )  # fmt: skip
    assert r.exit_code == 0
    assert "outlets:\n" in out.read_text("utf-8")
    assert "1 new outlet" in r.stderr, r.stderr
    r = runner.invoke(cli, ["--store", str(store), "check", str(out)])
    assert r.exit_code == 2 and "kind" in r.output


def test_bad_article_exits_2_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "extract", str(empty)])
    assert r.exit_code == 2
    assert "empty.txt" in r.output and "is empty" in r.output
    assert "Traceback" not in r.output


def _lines(text: str, start: str) -> list[int]:
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith(start)]


def test_a_claimant_outlet_and_date_left_to_fill_make_check_refuse(tmp_path: Path) -> None:
    """An empty claimant would be the outlet's own voice, a document without outlet or
    date is valid: left for a person, they are written "" and check refuses them, at
    their line, saying what to write."""
    store = _store(tmp_path)
    article = tmp_path / "quote.txt"
    article.write_text(
        'Attack on Léré camp\n\n"Twelve people were killed in the attack on the camp," one '
        "resident said.\n",
        "utf-8",
    )
    candidate = tmp_path / "candidate.yaml"
    base = ["--store", str(store)]
    runner = CliRunner()
    r = runner.invoke(cli, [*base, "extract", str(article), "-o", str(candidate)])
    assert r.exit_code == 0, r.output
    assert "3 fields left for you to fill" in r.stderr, r.stderr
    text = candidate.read_text("utf-8")
    r = runner.invoke(cli, [*base, "check", str(candidate)])
    assert r.exit_code == 2, r.output
    for field, what in (
        ("claimant", "write the id of the party or outlet quoted"),
        ("outlet", "write the id of the outlet that published it"),
        ("published", "write its publication date"),
    ):
        (line,) = _lines(text, f'    {field}: ""  # fill in')
        assert f"candidate.yaml:{line}:" in r.output and f"{field} is empty: {what}" in r.output
    assert "Traceback" not in r.output


def test_an_article_the_store_records_is_cited_not_recorded_again(tmp_path: Path) -> None:
    """Extracted again (same url, or same outlet and title), an article is the store's
    document: no second record, and check shows the claims already recorded."""
    store = _store(tmp_path)
    runner = CliRunner()
    base = ["--store", str(store)]
    article = str(ARTICLES / "en-two-sides.txt")
    first = tmp_path / "first.yaml"
    r = runner.invoke(
        cli,
        [*base, "extract", article, "--outlet", "afp", "--published", "2023-09-18",
         "--url", "https://example.org/lere", "-o", str(first)],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    text = first.read_text("utf-8")
    # Tell it where the subjects are, as a user would, then add it.
    first.write_text(
        text.replace("    subject:  # fill in", "    subject: lere-attack-2023-09-17  #"), "utf-8"
    )
    r = runner.invoke(cli, [*base, "add", str(first), "--to", str(store / "lere.yaml"), "--force"])
    assert r.exit_code == 0, r.output
    (doc_id,) = [line.split()[-1] for line in text.splitlines() if line.startswith("  - id: ")][:1]
    for again in (
        ["--url", "https://example.org/lere/"],  # the same address
        ["--outlet", "afp", "--published", "2023-09-18"],  # the same outlet, title, day
    ):
        second = tmp_path / "second.yaml"
        r = runner.invoke(cli, [*base, "extract", article, *again, "-o", str(second)])
        assert r.exit_code == 0, r.output
        assert f"already records this article as document {doc_id}" in r.stderr, r.stderr
        text2 = second.read_text("utf-8")
        assert "documents:" not in text2 and f"source: {doc_id}" in text2
        second.write_text(
            text2.replace("    subject:  # fill in", "    subject: lere-attack-2023-09-17  #"),
            "utf-8",
        )
        r = runner.invoke(cli, [*base, "check", str(second), "--format", "text"])
        assert "duplicates" in r.output and "CC303" in r.output, r.output
    # Another outlet's article of the same title is another document.
    r = runner.invoke(
        cli, [*base, "extract", article, "--outlet", "rfi", "--published", "2023-09-18"]
    )
    assert "already records" not in r.stderr and "documents:" in r.output
