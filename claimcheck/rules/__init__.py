"""The rule catalogue: one module per rule, registered in :mod:`claimcheck.rules.registry`.

What several rules share has a module of its own: :mod:`.naming` (claims named in
messages), :mod:`.claim_order` (the order they are named in), :mod:`.keys` (what a
fingerprint and a duplicate rest on), :mod:`.conflict_draft` (CC101-CC104's finding),
:mod:`.same_origin` (an origin at odds with itself), :mod:`.supported_values` (the values
the gap rules weigh) and :mod:`.revisions` (CC105 and CC106).
"""

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
