"""Every rule's named pass and fail cases, from data files, plus its docstring examples.

Each file ``cases/CCnnn.yaml`` holds cases::

    - name: open-interval-is-no-conflict
      records: |            # YAML added to the example store (claimcheck/rules/examples.yaml)
        claims: ...
      findings:             # the expected findings of this rule, as a user reads them
        - claims: [a, b]    # sorted claim ids
          severity: error
          location: case.yaml:3:5   # relative to the case's store
          message: "deaths of strike: figures that cannot all be true: ..."

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


def findings_of(tmp_path: Path, code: str, records: str) -> list[dict[str, Any]]:
    """The findings of rule ``code`` on the example store plus ``records``, as the case
    files write them (location relative to the store)."""
    root = tmp_path / "store"
    root.mkdir(parents=True, exist_ok=True)
    (root / "base.yaml").write_text(EXAMPLES.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "case.yaml").write_text(records, encoding="utf-8")
    result = check(load_store(root), Config(select=[code]))
    found = [
        {
            "claims": sorted(f.claims),
            "severity": f.severity,
            "location": str(f.location).removeprefix(f"{root}/"),
            "message": f.message,
        }
        for f in result.findings
        if f.rule == code
    ]
    return sorted(found, key=lambda f: (f["claims"], f["message"]))


def run_rule(tmp_path: Path, code: str, records: str) -> list[list[str]]:
    return [f["claims"] for f in findings_of(tmp_path, code, records)]


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
    found = findings_of(tmp_path, code, case["records"])
    expected = sorted(
        ({**f, "claims": sorted(f["claims"])} for f in case["findings"]),
        key=lambda f: (f["claims"], f["message"]),
    )
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


def test_each_rule_declares_the_category_of_its_place_in_the_catalogue() -> None:
    """DESIGN §3: sources disagreeing (CC101-CC104), one origin changing its own figure
    (CC105-CC107), corroboration gaps (CC2xx), records that cannot be right (CC3xx)."""
    expected = {"CC10" + n: "conflict" for n in "1234"}
    expected |= {"CC10" + n: "revision" for n in "567"}
    expected |= {f"CC20{n}": "gap" for n in range(1, 7)}
    expected |= {f"CC30{n}": "integrity" for n in range(1, 4)}
    assert {r.code: r.category for r in all_rules()} == expected


def test_the_registry_refuses_a_rule_without_a_known_category() -> None:
    from claimcheck.rules import Rule, register
    from claimcheck.rules.registry import RegistryError

    class Uncategorised(Rule):
        """Flags nothing."""

        code = "CC999"
        name = "uncategorised"
        severity = "info"
        category = "opinion"  # type: ignore[assignment]

    with pytest.raises(RegistryError, match="category must be one of"):
        register(Uncategorised)
