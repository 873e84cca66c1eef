"""Shared fixtures: tiny stores written to temporary folders."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
KIDAL = REPO / "claims"

#: The smallest complete store: one outlet, document, party, subject, property, claim.
BASE = """\
outlets:
  - {id: rfi, name: RFI, kind: broadcaster, owner: France Médias Monde}
  - {id: france24, name: France 24, kind: broadcaster, owner: France Médias Monde}
  - {id: le-monde, name: Le Monde, kind: newspaper}
  - {id: le-figaro, name: Le Figaro, kind: newspaper}
documents:
  - {id: rfi-doc, outlet: rfi, published: 2023-11-07}
  - {id: f24-doc, outlet: france24, published: 2023-11-08}
  - {id: monde-doc, outlet: le-monde, published: 2023-11-08}
  - {id: figaro-doc, outlet: le-figaro, published: 2023-11-09}
parties:
  - {id: medical-sources, name: Medical sources, kind: medical, anonymous: true}
  - {id: fama, name: FAMa, kind: army, side: mali-government}
  - {id: csp-psd, name: CSP-PSD, kind: armed-group, side: rebels}
subjects:
  - {id: strike, label: Drone strike, date: 2023-11-07, sides: [mali-government, rebels]}
properties:
  - {id: deaths, type: quantity, cumulative: true}
  - {id: outcome, type: category, values: [government-advantage, rebel-advantage, stalemate]}
  - {id: date, type: date}
  - {id: summary, type: text}
"""


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
