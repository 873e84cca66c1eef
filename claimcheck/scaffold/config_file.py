"""A new store's ``claimcheck.toml``: every setting at its default, written out and explained.

Generated from the code's own defaults — the rules' registry, their options models,
:class:`~claimcheck.store.limits.Limits` — so that it cannot drift from them. An option
with no default (``default-tolerance``) is shown commented out.
"""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from dataclasses import fields
from typing import Any

from claimcheck.findings import FAIL_ON_LEVELS, SEVERITIES
from claimcheck.rules import all_rules
from claimcheck.store.limits import Limits

HEADER = """\
# claimcheck's settings for this store. Every value below is the default, written out
# so that you can see it and change it; delete a line to follow claimcheck's default.
# `claimcheck rules CODE` explains a rule and its options.
"""


def default_config_toml() -> str:
    """The text of ``claimcheck.toml`` with every default."""
    out = [
        HEADER,
        "# The discrepancy report's title (`claimcheck report --title` overrides it).",
        "# Default: from the labels of the store's subjects.",
        '# title = "Shelling of Dorvala market, March 2024"',
        "",
        "# Rules to run: code prefixes or rule names. Default: every rule.",
        '# select = ["CC1", "CC2", "CC3"]',
        "",
        "# Rules to leave out (applied after select).",
        "ignore = []",
        "",
        "# `claimcheck check` exits 1 when unreviewed findings reach this severity:",
        f"# {', '.join(FAIL_ON_LEVELS)}.",
        'fail-on = "error"',
    ]
    for rule in all_rules():
        title = f"{rule.code} {rule.name}: {rule.summary()}."
        out += ["", *(f"# {line}" for line in textwrap.wrap(title, 86))]
        out.append(f"[rules.{rule.code}]")
        out.append(f"severity = {_toml(rule.severity)}  # {' | '.join(SEVERITIES)}")
        comments = _field_comments(rule.Options)
        defaults = rule.Options()
        for name in type(defaults).model_fields:
            out += _setting(name, getattr(defaults, name), comments.get(name, ""))
    out += ["", "# Bounds on what claimcheck reads, so that no file exhausts time or memory."]
    out.append("[limits]")
    comments = _field_comments(Limits)
    limits = Limits()
    for f in fields(Limits):
        out += _setting(f.name, getattr(limits, f.name), comments.get(f.name, ""))
    return "\n".join(out) + "\n"


def _setting(name: str, value: Any, comment: str) -> list[str]:
    key = name.replace("_", "-")
    lines = [f"# {line}" for line in comment.splitlines()]
    if value is None:
        lines.append(f"# {key} =  (not set by default)")
    else:
        lines.append(f"{key} = {_toml(value)}")
    return lines


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if value >= 10_000 else str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


_FIELD = re.compile(r"^\s+(\w+)\s*:")


def _field_comments(cls: type) -> dict[str, str]:
    """The ``#:`` comments above each field of a class, as autodoc reads them."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # no source shipped: settings without their comments
        return {}
    comments: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        m = _FIELD.match(line)
        if m and pending:
            comments[m.group(1)] = "\n".join(pending)
        pending = []
    return comments
