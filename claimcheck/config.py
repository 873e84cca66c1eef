"""Configuration: which rules run, how severe they are, their options, reading limits.

Read from ``claimcheck.toml`` at the store's root, or from ``[tool.claimcheck]`` in a
``pyproject.toml`` at the store's root or any folder above it::

    title = "Battle of Kidal (2023)"  # the report's title (default: from the subjects)
    select = ["CC1", "CC2"]        # code prefixes or rule names (default: all)
    ignore = ["CC205"]
    fail-on = "warning"            # error (default), warning, info or none

    [rules.CC101]                  # or [rules.quantity-conflict]
    severity = "warning"
    default-tolerance = "5%"

    [limits]
    max-file-bytes = 100_000_000

An unknown key or a bad value is a :class:`~claimcheck.errors.ConfigError` naming the
file, line and key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck.errors import ConfigError, Location, Problem, did_you_mean, display_path
from claimcheck.findings import FAIL_ON_LEVELS, SEVERITIES, Severity
from claimcheck.rules import Rule, RuleOptions, all_rules, get_rule
from claimcheck.store.files import link_outside, links_outside
from claimcheck.store.limits import Limits

TOP_KEYS = {"title", "select", "ignore", "fail-on", "rules", "limits"}


@dataclass
class Config:
    """The settings of one run."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, RuleOptions] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    #: The report's title, when the store names it (``--title`` overrides it).
    title: str | None = None
    #: The file the settings came from, if any.
    path: str | None = None

    def enabled(self) -> list[Rule]:
        """Instances of the selected rules, with their options."""
        out = []
        for rule in all_rules():
            if self.select is not None and not any(matches(rule, s) for s in self.select):
                continue
            if any(matches(rule, s) for s in self.ignore):
                continue
            out.append(rule(self.options.get(rule.code)))
        return out

    def severity(self, rule: type[Rule]) -> Severity:
        return self.severities.get(rule.code, rule.severity)

    def options_of(self, rule: type[Rule]) -> RuleOptions:
        """A rule's options: as configured, else its defaults (one place for them)."""
        return self.options.get(rule.code) or rule.Options()


def matches(rule: type[Rule], selector: str) -> bool:
    """Whether a ``select``/``ignore`` entry names ``rule``: a code or its prefix
    (``CC1``, ``cc101``) or the rule's name (``quantity-conflict``)."""
    s = selector.strip()
    return rule.code.startswith(s.upper()) or rule.name == s.lower()


def unmatched(selector: str) -> str | None:
    """Why a ``select``/``ignore`` entry is refused (it names no rule), or None."""
    rules = all_rules()
    if any(matches(r, selector) for r in rules):
        return None
    hint = did_you_mean(selector.strip(), [n for r in rules for n in (r.name, r.code)])
    return f"{selector!r} matches no rule{hint}"


def find_config(store_root: Path) -> tuple[Path, dict[str, Any], str] | None:
    """The configuration file that applies to a store, its settings and its text."""
    candidate = store_root / "claimcheck.toml"
    if links_outside(candidate, store_root) and candidate.is_symlink():
        # read as a store's files are: an untrusted store must not have claimcheck
        # quote someone's credentials in its errors
        raise ConfigError.at(candidate, 0, 0, link_outside())
    if candidate.is_file():
        text, data = _read(candidate)
        return candidate, data, text
    folder = store_root.resolve()
    for directory in (folder, *folder.parents):
        for name in ("claimcheck.toml", "pyproject.toml"):
            path = directory / name
            if not path.is_file():
                continue
            text, data = _read(path)
            if name == "claimcheck.toml":
                return path, data, text
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "claimcheck" in tool:
                return path, _tool_table(path, tool["claimcheck"], text), text
        if (directory / ".git").exists():
            break
    return None


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError.at(path, 1, 1, "not UTF-8 text") from None
    except OSError as e:
        raise ConfigError.at(path, 0, 0, f"cannot read: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        line, col = (int(m[1]), int(m[2])) if m else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        raise ConfigError.at(path, line, col, f"invalid TOML: {message}") from None


def load_config(store_root: str | Path, path: str | Path | None = None) -> Config:
    """The configuration for a store: an explicit file, or the one :func:`find_config` finds."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError.at(p, 0, 0, "no such configuration file")
        text, data = _read(p)
        if p.name == "pyproject.toml":
            tool = data.get("tool", {})
            data = _tool_table(
                p, tool.get("claimcheck", {}) if isinstance(tool, dict) else {}, text
            )
        found: tuple[Path, dict[str, Any], str] | None = (p, data, text)
    else:
        found = find_config(Path(store_root))
    if found is None:
        return Config()
    return parse_config(*found)


def _tool_table(path: Path, value: Any, text: str) -> dict[str, Any]:
    """``[tool.claimcheck]`` of a pyproject.toml, which must be a table."""
    if not isinstance(value, dict):
        where = _key_location(display_path(path), text, "claimcheck")
        raise ConfigError(
            [Problem(where, "tool.claimcheck must be a table: [tool.claimcheck] with select = ...")]
        )
    return value


def parse_config(path: Path, data: dict[str, Any], text: str = "") -> Config:
    """Check and interpret the settings read from ``path``."""
    shown = display_path(path)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(_key_location(shown, text, key), message))

    config = Config(path=shown)
    for key in data:
        if key not in TOP_KEYS:
            problem(key, f"unknown key {key!r}; known keys: {', '.join(sorted(TOP_KEYS))}")
    if "title" in data:
        title = data["title"]
        if not isinstance(title, str) or not title.strip():
            problem(
                "title",
                'title must not be blank, like title = "Battle of Kidal (2023)"'
                if isinstance(title, str)
                else 'title must be text, like title = "Battle of Kidal (2023)"',
            )
        else:
            config.title = title.strip()
    for key in ("select", "ignore"):
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problem(key, f'{key} must be a list of rule codes or names, like ["CC1", "CC205"]')
                continue
            for selector in value:
                if (why := unmatched(selector)) is not None:
                    problem(key, f"{key}: {why}")
            setattr(config, key, list(value))
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON_LEVELS:
            problem(
                "fail-on",
                f"fail-on must be one of {', '.join(FAIL_ON_LEVELS)}, not {data['fail-on']!r}",
            )
        else:
            config.fail_on = data["fail-on"]
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        problem("rules", "rules must be a table of [rules.CODE] tables")
        rules = {}
    for name, settings in rules.items():
        rule = get_rule(name)
        if rule is None:
            problem(name, f"rules.{name}: no such rule")
            continue
        if not isinstance(settings, dict):
            problem(name, f"rules.{name} must be a table")
            continue
        settings = {k.replace("-", "_"): v for k, v in settings.items()}
        severity = settings.pop("severity", None)
        if severity is not None:
            if severity not in SEVERITIES:
                problem("severity", f"rules.{name}.severity must be one of {', '.join(SEVERITIES)}")
            else:
                config.severities[rule.code] = severity
        try:
            config.options[rule.code] = rule.Options(**settings)
        except ValidationError as e:
            for err in e.errors(include_url=False):
                key = str(err["loc"][0]) if err["loc"] else name
                msg = "unknown option" if err["type"] == "extra_forbidden" else _plain(err)
                problem(key.replace("_", "-"), f"rules.{name}.{key.replace('_', '-')}: {msg}")
    limits = data.get("limits", {})
    if not isinstance(limits, dict):
        problem("limits", "limits must be a table: [limits] with max-file-bytes = ..., ...")
        limits = {}
    if limits:
        known = {f.name for f in fields(Limits)}
        values: dict[str, int] = {}
        for key, value in limits.items() if isinstance(limits, dict) else []:
            attr = key.replace("-", "_")
            if attr not in known:
                names = ", ".join(sorted(k.replace("_", "-") for k in known))
                top = " (a top-level key such as fail-on goes above the first [table])"
                problem(
                    key,
                    f"limits.{key}: unknown limit; known: {names}"
                    + (top if key in TOP_KEYS else ""),
                )
            elif isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                problem(key, f"limits.{key} must be a positive whole number")
            else:
                values[attr] = value
        config.limits = Limits(**values)
    if problems:
        raise ConfigError(problems)
    return config


def _plain(err: Any) -> str:
    """A pydantic error as a user reads it: "must be 1 or more", not "Input should be
    greater than or equal to 1"; a validator's own words without "Value error, "."""
    ctx = err.get("ctx") or {}
    kind = err.get("type")
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    return str(err.get("msg", "")).removeprefix("Value error, ")


def _key_location(shown: str, text: str, key: str) -> Location:
    pattern = re.compile(rf"^\s*\[?[\w.\"-]*\b{re.escape(key)}\b", re.MULTILINE)
    m = pattern.search(text) if text else None
    if m is None:
        return Location(shown, 1, 1)
    line = text.count("\n", 0, m.start()) + 1
    col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return Location(shown, line, col)
