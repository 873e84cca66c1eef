"""Rendering the rule catalogue, generated from the registry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.render import JSON_VERSION, PLAIN, Colours, table, to_json
from claimcheck.rules import Rule


def _options(rule: type[Rule]) -> list[dict[str, Any]]:
    out = []
    for name, f in rule.Options.model_fields.items():
        out.append(
            {
                "name": name.replace("_", "-"),
                "default": f.default,
                "type": getattr(f.annotation, "__name__", str(f.annotation)),
            }
        )
    return out


def _toml(value: Any) -> str:
    """A default as it would be written in claimcheck.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def _option_line(option: dict[str, Any]) -> str:
    if option["default"] is None:
        return f"# {option['name']} = (not set by default)"
    return f"{option['name']} = {_toml(option['default'])}"


def rule_record(rule: type[Rule]) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "category": rule.category,
        "summary": rule.summary(),
        "explanation": rule.explanation(),
        "options": _options(rule),
        "examples": rule.examples(),
    }


def render_rules(rules: Sequence[type[Rule]], fmt: str, colours: Colours = PLAIN) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, "rules": [rule_record(r) for r in rules]})
    rows = [[r.code, r.name, r.severity, r.summary()] for r in rules]
    styles = [colours.code, None, colours.severity, None] if colours.on else None
    return table(rows, ["code", "name", "severity", "flags"], fmt, styles=styles)


def render_rule(rule: type[Rule], fmt: str) -> str:
    if fmt == "json":
        return to_json({"version": JSON_VERSION, **rule_record(rule)})
    examples = rule.examples()
    options = _options(rule)
    if fmt == "markdown":
        out = [f"### {rule.code} {rule.name} ({rule.severity})", "", rule.explanation(), ""]
        if options:
            out.append("Options: " + ", ".join(f"`{_option_line(o)}`" for o in options))
            out.append("")
        for label in ("fails", "passes"):
            out += [f"{label.capitalize()}:", "", "```yaml", examples[label].rstrip(), "```", ""]
        return "\n".join(out)
    out = [
        f"{rule.code} {rule.name} (default severity: {rule.severity})",
        "",
        rule.explanation(),
        "",
    ]
    if options:
        out.append("Options (in claimcheck.toml, [rules." + rule.code + "]):")
        out += [f"  {_option_line(o)}" for o in options]
        out.append("")
    out.append("Examples, added to the example store (claimcheck/rules/examples.yaml):")
    for label in ("fails", "passes"):
        out += ["", f"{label}:", *("  " + line for line in examples[label].rstrip().splitlines())]
    return "\n".join(out)
