"""Every rule's named pass and fail cases, from data files, plus its docstring examples.

Each file ``cases/CCnnn.yaml`` holds cases::

    - name: open-interval-is-no-conflict
      records: |            # YAML added to the example store (claimcheck/rules/examples.yaml)
        claims: ...
      findings: []          # the expected findings of this rule: each the sorted claim ids

Test ids contain the code, so ``pytest -k CC101`` selects one rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from claimcheck.config import Config
from claimcheck.engine import check
from claimcheck.rules import all_rules, get_rule
from claimcheck.store import load_store

CASES = Path(__file__).parent / "cases"
EXAMPLES = Path(__file__).resolve().parents[2] / "claimcheck" / "rules" / "examples.yaml"


def run_rule(tmp_path: Path, code: str, records: str) -> list[list[str]]:
    root = tmp_path / "store"
    root.mkdir(parents=True, exist_ok=True)
    (root / "base.yaml").write_text(EXAMPLES.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "case.yaml").write_text(records, encoding="utf-8")
    result = check(load_store(root), Config(select=[code]))
    return sorted(f.claims for f in result.findings if f.rule == code)


def _cases() -> list[Any]:
    out = []
    yaml = YAML(typ="safe")
    for path in sorted(CASES.glob("CC*.yaml")):
        code = path.stem
        for case in yaml.load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(code, case, id=f"{code}-{case['name']}"))
    return out


@pytest.mark.parametrize(("code", "case"), _cases())
def test_case(tmp_path: Path, code: str, case: dict[str, Any]) -> None:
    found = run_rule(tmp_path, code, case["records"])
    expected = sorted(sorted(f) for f in case["findings"])
    assert found == expected


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-docstring")
def test_docstring_examples(tmp_path: Path, rule: Any) -> None:
    examples = rule.examples()
    assert run_rule(tmp_path / "fails", rule.code, examples["fails"]), "the 'Fails' example passes"
    assert run_rule(tmp_path / "passes", rule.code, examples["passes"]) == [], (
        "the 'Passes' example fails"
    )


def test_every_rule_has_cases() -> None:
    have = {p.stem for p in CASES.glob("CC*.yaml")}
    assert {r.code for r in all_rules()} <= have


def test_lookup_by_code_or_name() -> None:
    assert get_rule("cc101") is get_rule("quantity-conflict")
    assert get_rule("nope") is None
