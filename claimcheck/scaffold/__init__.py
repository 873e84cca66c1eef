"""A new store to start from: ``claimcheck init``.

:func:`new_store` writes one commented YAML file per section, each with one worked
record of an invented example event (``properties.yaml``: the reusable
:data:`VOCABULARY` of contested events), the JSON Schema for editors, a
``claimcheck.toml`` with every default written out, and a ``.gitignore`` for the cache.
It never overwrites a store, and never leaves half of one: the files are written in a
hidden folder and moved into place, or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from claimcheck.english import listed
from claimcheck.errors import Location, Problem, UsageError, display_path
from claimcheck.scaffold.files import SCHEMA_NAME, gitignore
from claimcheck.scaffold.vocabulary import GROUPS, VOCABULARY, PropertyGroup

__all__ = ["GROUPS", "VOCABULARY", "NewStore", "PropertyGroup", "new_store", "store_texts"]

CONFIG_NAME = "claimcheck.toml"
GITIGNORE = ".gitignore"
#: Existing files named at most, when a folder already holds a store.
_MAX_NAMED = 2


@dataclass(frozen=True)
class NewStore:
    """What :func:`new_store` wrote."""

    folder: Path
    #: The files written, relative to the folder, in the order written.
    files: list[str]
    #: Whether an existing ``.gitignore`` was extended rather than a new one written
    #: (one that already ignores the cache is left alone, and is not in :attr:`files`).
    gitignore_extended: bool = False


def store_texts() -> dict[str, str]:
    """Every file of a new store but ``.gitignore``: ``{name: text}``."""
    from claimcheck.model import json_schema
    from claimcheck.scaffold.config_file import default_config_toml
    from claimcheck.scaffold.files import section_files

    texts = section_files()
    texts[CONFIG_NAME] = default_config_toml()
    texts[SCHEMA_NAME] = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    return texts


def new_store(folder: str | Path) -> NewStore:
    """Write a new store into ``folder`` (created if missing, or empty of store files).

    Raises :class:`~claimcheck.errors.UsageError` naming what is in the way when the
    folder already holds store files or a ``claimcheck.toml``, or lies inside a store
    (its example records' ids would collide with the store's).
    """
    root = Path(folder)
    _refuse_existing(root)
    _refuse_nested(root)
    texts = store_texts()
    ignore_text, extended = _gitignore_text(root)
    if ignore_text is not None:
        texts[GITIGNORE] = ignore_text
    _write_all(root, texts)
    return NewStore(root, list(texts), extended and ignore_text is not None)


#: What makes a folder a store, for a new one inside it: files only a store has (a
#: ``claimcheck.toml`` alone may configure the stores below it, from a repository's top).
_STORE_MARKS = (SCHEMA_NAME, ".claimcheck-cache")


def enclosing_store(root: Path) -> Path | None:
    """The store that a folder ``root`` lies inside, if any: the nearest folder above it
    that holds the schema ``init`` writes, claimcheck's cache, or a ``claimcheck.toml``
    beside store files; looked for up to the top of its git repository."""
    from claimcheck.store.files import is_store_file

    try:
        here = root.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in here.parents:
        try:
            if any((folder / mark).exists() for mark in _STORE_MARKS):
                return folder
            if (folder / CONFIG_NAME).is_file() and any(
                is_store_file(p.name) for p in folder.iterdir()
            ):
                return folder
            if (folder / ".git").exists():
                return None
        except OSError:  # a folder above that cannot be read: not known to be a store
            continue
    return None


def _refuse_nested(root: Path) -> None:
    outer = enclosing_store(root)
    if outer is None:
        return
    shown = display_path(outer)
    raise UsageError(
        [
            Problem(
                Location(display_path(root)),
                f"inside the store {shown}: a store inside another is read as part of it, "
                f"and its example records' ids would collide with that store's; choose a "
                f"folder outside {shown}",
            )
        ]
    )


def _refuse_existing(root: Path) -> None:
    shown = display_path(root)
    if root.exists() and not root.is_dir():
        raise UsageError([Problem(Location(shown), "exists and is not a folder")])
    if not root.exists():
        return
    found = _store_files(root)
    found += [root / name for name in (CONFIG_NAME, SCHEMA_NAME) if (root / name).exists()]
    if not found:
        return
    names = [p.relative_to(root).as_posix() for p in found]
    holding = (
        f"{', '.join(names[:_MAX_NAMED])} and {len(names) - _MAX_NAMED} more"
        if len(names) > _MAX_NAMED
        else listed(names)
    )
    raise UsageError(
        [
            Problem(
                Location(shown),
                f"already holds a store: {holding}; claimcheck init never overwrites a store: "
                "choose a new or empty folder",
            )
        ]
    )


def _store_files(root: Path) -> list[Path]:
    """Files under ``root`` a store would read (a folder it cannot list may hide some)."""
    from claimcheck.store.files import SKIPPED_DIRS, is_store_file

    def unreadable(e: OSError) -> None:
        where = display_path(e.filename or root)
        raise UsageError([Problem(Location(where), f"cannot read folder: {e.strerror or e}")])

    found = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        found += [Path(folder) / name for name in sorted(names) if is_store_file(name)]
    return found


def _gitignore_text(root: Path) -> tuple[str | None, bool]:
    """The ``.gitignore`` to write (None: the one there ignores the cache already), and
    whether it extends one already there."""
    path = root / GITIGNORE
    ours = gitignore()
    try:
        existing = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ours, False
    except (OSError, UnicodeDecodeError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise UsageError(
            [Problem(Location(display_path(path)), f"cannot read: {reason}")]
        ) from None
    entry = ours.strip().splitlines()[-1]
    if entry in (line.strip() for line in existing.splitlines()):
        return None, True
    sep = "" if not existing or existing.endswith("\n") else "\n"
    return existing + sep + ours, True


def _write_all(root: Path, texts: dict[str, str]) -> None:
    """Write every file, or none: into a hidden folder first, then moved into place."""
    shown = display_path(root)
    created = not root.exists()
    parent = root.parent if created else root
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".claimcheck-init-", dir=parent))
    except OSError as e:
        raise UsageError([Problem(Location(shown), f"cannot write: {e.strerror or e}")]) from None
    moved: list[Path] = []
    try:
        for name, text in texts.items():
            with open(staging / name, "w", encoding="utf-8", newline="") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        umask = _umask()  # mkdtemp made the folder private; the store is as any folder
        for name in texts:
            os.chmod(staging / name, 0o666 & ~umask)
        if created:
            # One rename: the whole store appears at once.
            os.chmod(staging, 0o777 & ~umask)
            os.rename(staging, root)
        else:
            # .gitignore, which may already be there, comes last: nothing after it fails.
            for name in texts:
                os.replace(staging / name, root / name)
                moved.append(root / name)
    except OSError as e:
        for path in moved:  # undo: no half store
            with contextlib.suppress(OSError):
                path.unlink()
        raise UsageError([Problem(Location(shown), f"cannot write: {e.strerror or e}")]) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask
