"""Errors a user can cause, each pointing at a place in their files.

Every mistake in a store, a candidate file or a configuration file becomes a
:class:`Problem` (``path:line:col: message``). Loading a store
(:func:`claimcheck.store.load_store`) collects them and raises :class:`StoreError`; the
CLI prints them on stderr and exits 2. Nothing else in the package should let a user's
bad input surface as a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column (0 when unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return place(self.path, self.line, self.col)

    def shown(self) -> tuple[int, int]:
        """``(line, col)`` as :func:`place` writes them: column 1 on a known line that has
        none, ``(0, 0)`` when the line is unknown."""
        return (self.line, self.col or 1) if self.line else (0, 0)

    def __reduce__(self) -> tuple[type[Location], tuple[str, int, int]]:
        # Pickled as its fields, not through a frozen dataclass's state: each finding of a
        # forked check comes back with one (benchmarks/RESULTS.md, "Why the constants").
        return (Location, (self.path, self.line, self.col))


def place(path: str, line: int = 0, col: int = 0) -> str:
    """``path:line:col`` (a column 0 is 1); just ``path`` when the line is unknown."""
    if line:
        return f"{path}:{line}:{col or 1}"
    return path


@dataclass(frozen=True, slots=True)
class Problem:
    """One user mistake at one place.

    ``unread``: the mistake left a file, or a section of it, unread (invalid YAML, an
    unknown section): the errors its missing records cause elsewhere (an unknown party)
    follow from it, so it is listed before them."""

    location: Location
    message: str
    unread: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose for bad input or usage."""

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Location("claimcheck"), problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str | Path, line: int, col: int, message: str) -> ClaimcheckError:
        """One problem at ``path:line:col``."""
        return cls([Problem(Location(display_path(path), line, col), message)])


class FileProblem(Exception):
    """A file that cannot be read: its first problem, at one place (raised inside loaders),
    and ``more`` when a reader could go on and found others (JSON Lines: each bad line)."""

    def __init__(self, problem: Problem, more: Iterable[Problem] = ()) -> None:
        self.problem = problem
        self.more = list(more)
        super().__init__(str(problem))


class StoreError(ClaimcheckError):
    """The store (or a candidate file) does not load: malformed or inconsistent data."""


class ConfigError(ClaimcheckError):
    """A configuration file has an unknown key or a bad value."""


class UsageError(ClaimcheckError):
    """The command line asks for something impossible (a path outside the store, ...)."""


def display_path(path: str | Path) -> str:
    """A path as users should see it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        # The folder resolved, not the file: a symlinked file is named as the user has it
        # (a dangling ``dangling.yaml`` is not reported as the ``nowhere.yaml`` it names).
        if p.name in ("", ".", ".."):
            return str(p.resolve().relative_to(Path.cwd().resolve()))
        return str((p.parent.resolve() / p.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the cwd, or a symlink loop
        return str(p)


def an(noun: str) -> str:
    """``a party``, ``an outlet``, ``an empty value``: a noun with its article."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'israel'?)`` when a choice is close to ``word`` (or the same but
    for case: ``NLF`` for ``nlf``), else ``""``."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close is not None else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice close to ``word`` (:func:`did_you_mean`'s), if any: the same but for
    case, spelt alike, or another form of it (``quotation`` of ``quote``: see
    :func:`_same_stem`)."""
    import difflib  # only when something is misspelt

    choices = sorted(choices)
    folded = [c for c in choices if c.casefold() == word.casefold()]
    close = folded or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    stems = [(_same_stem(word, c), c) for c in choices]
    if not any(n for n, _ in stems):
        return None
    # the longest stem shared; of those, the choice spelt most alike
    return max(
        (c for n, c in stems if n),
        key=lambda c: (_same_stem(word, c), difflib.SequenceMatcher(None, word, c).ratio()),
    )


def _same_stem(word: str, choice: str) -> int:
    """The length of the beginning ``word`` and ``choice`` share when it is all of the
    shorter one but perhaps its last letter, and at least four letters (another form of
    one word: ``quotation`` and ``quote``, ``claimants`` and ``claimant``), else 0.
    Spelling alone (:mod:`difflib`) misses them: a long ending added weighs as much as
    a misspelling."""
    a, b = word.casefold(), choice.casefold()
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return shared if shared >= max(4, min(len(a), len(b)) - 1) else 0


def kind_of(value: object) -> str:
    """What a value read from a file is, in a user's words: ``a number``, ``an empty
    value``, ``a mapping`` (what record an id names is :meth:`Store.what_is
    <claimcheck.store.Store.what_is>`)."""
    name = {
        dict: "mapping",
        list: "list",
        str: "text",
        int: "number",
        float: "number",
        bool: "yes/no value",
        type(None): "empty value",
    }.get(type(value), type(value).__name__)
    return an(name)
