"""The explicit registry of rules: codes are unique and well formed."""

from __future__ import annotations

import re

from claimcheck.findings import SEVERITIES
from claimcheck.rules.base import RULE_CATEGORIES, Rule

_RE_CODE = re.compile(r"^CC\d{3}$")
_RE_NAME = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

_RULES: dict[str, type[Rule]] = {}


class RegistryError(Exception):
    """A rule that cannot be registered: a programming error, caught by the tests."""


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry, after checking its shape."""
    code = getattr(rule, "code", "")
    if not _RE_CODE.match(code):
        raise RegistryError(f"{rule.__name__}: code {code!r} is not of the form CC123")
    if code in _RULES:
        raise RegistryError(f"{rule.__name__}: code {code} is already {_RULES[code].__name__}")
    name = getattr(rule, "name", "")
    if not _RE_NAME.match(name):
        raise RegistryError(f"{rule.__name__}: name {name!r} is not kebab-case")
    if any(r.name == name for r in _RULES.values()):
        raise RegistryError(f"{rule.__name__}: name {name!r} is already taken")
    if getattr(rule, "severity", None) not in SEVERITIES:
        raise RegistryError(f"{rule.__name__}: severity must be one of {SEVERITIES}")
    if getattr(rule, "category", None) not in RULE_CATEGORIES:
        raise RegistryError(f"{rule.__name__}: category must be one of {RULE_CATEGORIES}")
    if not rule.summary():
        raise RegistryError(
            f"{rule.__name__}: needs a docstring whose first line says what it flags"
        )
    examples = rule.examples()
    if set(examples) != {"fails", "passes"}:
        raise RegistryError(f"{rule.__name__}: docstring needs a 'Fails:' and a 'Passes:' example")
    _RULES[code] = rule
    return rule


def all_rules() -> list[type[Rule]]:
    """Every registered rule, by code."""
    from claimcheck.rules import catalogue  # noqa: F401  (registers the rules)

    return [_RULES[c] for c in sorted(_RULES)]


def get_rule(code_or_name: str) -> type[Rule] | None:
    """A rule by code (``CC101``) or name (``quantity-conflict``)."""
    all_rules()
    key = code_or_name.strip()
    if key.upper() in _RULES:
        return _RULES[key.upper()]
    return next((r for r in _RULES.values() if r.name == key.lower()), None)


def codes_in(category: str) -> frozenset[str]:
    """The codes of the rules of one category (``conflict``, ``revision``, ``gap``,
    ``integrity``)."""
    return frozenset(r.code for r in all_rules() if r.category == category)
