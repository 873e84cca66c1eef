"""The library's front door: what ``from claimcheck import ...`` offers, as its
docstring shows it, and that ``claimcheck --help`` does not pay for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import claimcheck

REPO = Path(__file__).resolve().parent.parent


def test_every_public_name_resolves() -> None:
    missing = [name for name in claimcheck.__all__ if not hasattr(claimcheck, name)]
    assert missing == []


def test_from_file_to_report_through_the_public_names() -> None:
    from claimcheck import Finding, Result, check, load_store, render_report

    store = load_store(REPO / "claims")
    result = check(store)
    assert isinstance(result, Result)
    assert result.findings and all(isinstance(f, Finding) for f in result.findings)
    first = result.findings[0]
    assert str(first.location).startswith("claims/") or "claims" in str(first.location)
    markdown = render_report(result, "markdown")
    assert first.message.split(":")[0] in markdown
    data = result.as_dict()
    assert data["summary"]["claims"] == len(store.claims)
    assert {f["fingerprint"] for f in data["findings"]} == {f.fingerprint for f in result.findings}


def test_help_imports_neither_pydantic_nor_the_engine() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimcheck", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines()}
    assert "claimcheck" in imported  # the measure works
    assert not imported & {"pydantic", "claimcheck.engine", "claimcheck.report"}


def test_an_unknown_report_format_is_refused_not_rendered_as_markdown() -> None:
    import pytest

    from claimcheck import check, load_store, render_report

    result = check(load_store(REPO / "claims"))
    with pytest.raises(ValueError, match="unknown report format 'pdf': use markdown, html, json"):
        render_report(result, "pdf")
