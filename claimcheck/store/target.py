"""Where ``add`` may write: a YAML file inside the store, in a folder the store reads."""

from __future__ import annotations

from pathlib import Path

from claimcheck.errors import Location, Problem, UsageError, display_path
from claimcheck.store.files import SKIPPED_DIRS, YAML_SUFFIXES


def _folder(root: Path) -> str:
    """The store's folder as users should see it: ``./`` for the working directory."""
    shown = display_path(root)
    return "." if shown in ("", ".") else shown.rstrip("/")


def _example(root: Path) -> str:
    """A file of the store to name as an example: its first YAML file, or a new one."""
    try:
        first = min(root.glob("*.yaml"), default=None)
    except OSError:
        first = None
    return display_path(first) if first is not None else f"{_folder(root)}/claims.yaml"


def default_target(root: Path, candidate: str) -> Path:
    """Where ``add`` writes without ``--to``: the store's file of the candidate's name
    (``day2.yaml`` into ``claims/day2.yaml``, created if missing); refused when the
    candidate is that file, or inside the store (the store reads it already)."""
    path = Path(candidate)
    name = path.name if path.suffix in YAML_SUFFIXES else f"{path.stem or 'candidate'}.yaml"
    target = root / name
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        inside = False
    why = None
    if candidate == "-":
        why = "a candidate read from stdin has no file name"
    elif inside:
        why = "the candidate is inside the store, which reads it already"
    elif name.startswith("."):
        why = f"its name, {name}, is a hidden file's, which the store does not read"
    elif target.exists() and not target.is_file():
        why = f"the store has a folder named {name}"
    if why is not None:
        raise UsageError(
            [
                Problem(
                    Location(display_path(path)),
                    f"{why}: name the store file to append to with --to (such as {_example(root)})",
                )
            ]
        )
    return target


def check_target(root: Path, target: Path) -> Path:
    """The target file, if it is a YAML file inside the store (symlinks resolved)."""
    shown = display_path(target)
    try:
        resolved_root = root.resolve()
        resolved = target.resolve() if target.exists() else target.parent.resolve() / target.name
    except (OSError, RuntimeError) as e:  # a symlink loop
        raise UsageError([Problem(Location(shown), f"--to cannot be resolved: {e}")]) from None
    if not resolved.is_relative_to(resolved_root):
        raise UsageError(
            [
                Problem(
                    Location(shown),
                    f"--to must be a file inside the store ({_folder(root)}), "
                    f"such as {_example(root)}",
                )
            ]
        )
    if resolved.suffix not in YAML_SUFFIXES:
        raise UsageError([Problem(Location(shown), "--to must be a .yaml or .yml file")])
    if resolved.exists() and not resolved.is_file():
        raise UsageError([Problem(Location(shown), "--to is not a file")])
    parts = resolved.relative_to(resolved_root).parts
    if any(p.startswith(".") for p in parts) or any(p in SKIPPED_DIRS for p in parts[:-1]):
        raise UsageError(
            [
                Problem(
                    Location(shown),
                    "--to is in a hidden or skipped folder, which the store does not read",
                )
            ]
        )
    return resolved
