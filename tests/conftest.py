"""Shared fixtures: tiny stores written to temporary folders."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import BASE, KIDAL, REPO  # noqa: F401


@pytest.fixture
def make_store(tmp_path: Path) -> Callable[..., Path]:
    """Write ``files`` (name -> YAML text) into a fresh store folder; return it."""

    def make(files: dict[str, str] | None = None, base: bool = True) -> Path:
        root = tmp_path / "store"
        root.mkdir(exist_ok=True)
        if base:
            (root / "base.yaml").write_text(BASE, encoding="utf-8")
        for name, text in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def kidal_store() -> object:
    """The shipped Kidal store, loaded once."""
    from claimcheck.store import load_store

    return load_store(KIDAL)
