"""The rule catalogue: one module per rule, registered in :mod:`claimcheck.rules.registry`."""

from claimcheck.rules.base import RULE_CATEGORIES, Context, Draft, Rule, RuleCategory, RuleOptions
from claimcheck.rules.registry import all_rules, codes_in, get_rule, register

__all__ = [
    "RULE_CATEGORIES",
    "Context",
    "Draft",
    "Rule",
    "RuleCategory",
    "RuleOptions",
    "all_rules",
    "codes_in",
    "get_rule",
    "register",
]
