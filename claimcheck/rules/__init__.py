"""The rule catalogue: one module per rule, registered in :mod:`claimcheck.rules.registry`."""

from claimcheck.rules.base import Context, Draft, Rule, RuleOptions
from claimcheck.rules.registry import all_rules, get_rule, register

__all__ = ["Context", "Draft", "Rule", "RuleOptions", "all_rules", "get_rule", "register"]
