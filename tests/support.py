"""Paths and texts shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KIDAL = REPO / "claims"

#: The example store of the rule docstrings: outlets, documents, parties, subjects,
#: properties; tests add claims to it.
BASE = (REPO / "claimcheck" / "rules" / "examples.yaml").read_text(encoding="utf-8")
