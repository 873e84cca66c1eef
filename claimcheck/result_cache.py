"""A check's result kept beside the store: a warm `check` of an unchanged store reads it.

The rules phase of a big store costs several times its (cached) load, so a run whose
inputs are all unchanged takes the findings, grades, estimates and stale reviews the
last run found instead of running the rules again. They are kept in
``.claimcheck-cache/check-result.json`` under a key of everything that decides them:

* the content digest of every store file (the record cache's, trusted exactly as it
  trusts them: size, times and inode, or the content itself when recent) — reviews too;
* the settings of the run (``claimcheck.toml``, ``--select``/``--ignore``, severities,
  rule options, limits), ``--fail-on`` aside (it decides the exit code, which is
  computed afresh from the findings);
* the store's files as shown (the locations name them), the working directory;
* claimcheck's version and its code (each module's path, size and modification time),
  and Python's version.

Nothing else goes in: ``--jobs`` does not change a result. A store read without the
cache, partly, or with candidates is checked as usual and nothing is kept. The file is
JSON (never pickle: nothing in the cache runs code) with a digest of its content;
anything unreadable, of another key or damaged is ignored and replaced.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import orjson

from claimcheck._version import __version__
from claimcheck.analysis.estimates import Estimate
from claimcheck.analysis.grades.grade import Grade, shared_grade
from claimcheck.config import Config
from claimcheck.engine import Progress, check
from claimcheck.errors import Location
from claimcheck.findings import Finding, ReviewMark, StaleReview
from claimcheck.results import Result
from claimcheck.store import Store
from claimcheck.store.cache import (
    CACHE_DIR,
    RESULT_FILE,
    ForeignFolder,
    files_digest_of,
    foreign_folder,
    has_non_finite,
    own_folder,
)

__all__ = ["check_kept", "result_key"]

#: The layout of the file (a new one ignores an old file).
LAYOUT = 4


def check_kept(
    store: Store,
    config: Config,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Result:
    """:func:`~claimcheck.engine.check`, or the result kept for these very inputs."""
    key = result_key(store, config)
    if key is None:
        return check(store, config, jobs=jobs, progress=progress)
    path = store.root / CACHE_DIR / RESULT_FILE
    kept = _read(path, key) if foreign_folder(store.root) is None else None
    if kept is not None:
        try:
            result = _result(store, config, kept)
        except (KeyError, IndexError, TypeError, ValueError):
            pass  # a file of the right key that does not hold a result: checked anew
        else:
            if progress is not None:  # every group is done, as a check would end
                progress(len(store.groups), len(store.groups))
            return result
    result = check(store, config, jobs=jobs, progress=progress)
    _write(store.root, path, key, result)
    return result


def result_key(store: Store, config: Config) -> str | None:
    """The key of everything a check's result depends on, or None when it cannot be
    known (the store was not read through the cache, or only partly, or with
    candidates)."""
    if not store.digests or store.partial or store.candidate_digests:
        return None
    settings = repr(replace(config, fail_on="error"))
    if " at 0x" in settings:  # an object shown by address: not a stable key
        return None
    h = hashlib.blake2b(digest_size=16)
    for part in (
        f"layout {LAYOUT}",
        __version__,
        sys.version,
        _code_stamp(),
        files_digest_of(store.digests),
        settings,
        str(store.root),
        os.getcwd(),
        *store.files,
    ):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def _code_stamp() -> str:
    """claimcheck's modules by path, size and modification time: a changed module (a
    development checkout) gives another key."""
    package = Path(__file__).parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _read(path: Path, key: str) -> dict[str, Any] | None:
    """The kept result of this key, if the file holds one intact."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    if not sep:
        return None
    try:
        stamp = orjson.loads(head)
        if stamp != {"key": key, "digest": hashlib.blake2b(body, digest_size=16).hexdigest()}:
            return None
        kept = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    return kept if isinstance(kept, dict) else None


def _write(root: Path, path: Path, key: str, result: Result) -> None:
    """Keep the result (atomically: a reader sees the old file or the new one); a folder
    that cannot be written keeps nothing."""
    data = _as_data(result)
    if has_non_finite((data["estimates"], data["findings"])):
        return  # JSON has no infinity: such a result is not kept
    body = orjson.dumps(data)
    head = orjson.dumps({"key": key, "digest": hashlib.blake2b(body, digest_size=16).hexdigest()})
    try:
        own_folder(root)
    except (ForeignFolder, OSError):
        return
    tmp = path.with_name(f"{RESULT_FILE}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(head + b"\n" + body)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


# -- the result as data, and back ----------------------------------------------------------
#
# A finding is kept as a row of its fields in declaration order, a stale review likewise
# (its successors by position among the run's findings). Only the fields whose value is
# not plain JSON have converters: every other field is carried as it is, so that a
# plain-JSON field added to the dataclass is kept without a change here (a field holding
# tuples or records needs a converter, or it comes back as lists or dicts).

_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_STALE_FIELDS = tuple(f.name for f in fields(StaleReview))


def _location_data(loc: Location) -> list[Any]:
    return [loc.path, loc.line, loc.col]


#: Finding field -> (to JSON data, from JSON data), for the fields that need one.
_FINDING_CONVERTERS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "location": (_location_data, lambda data: Location(*data)),
    "review": (
        lambda review: review.as_dict() if review is not None else None,
        lambda data: ReviewMark(**data) if data is not None else None,
    ),
    "pairs": (
        lambda pairs: [list(p) for p in pairs] if pairs is not None else None,
        lambda data: [(a, b) for a, b in data] if data is not None else None,
    ),
}


def _finding_data(f: Finding) -> list[Any]:
    row: list[Any] = []
    for name in _FINDING_FIELDS:
        value = getattr(f, name)
        convert = _FINDING_CONVERTERS.get(name)
        row.append(convert[0](value) if convert is not None else value)
    return row


def _finding(row: list[Any]) -> Finding:
    values = dict(zip(_FINDING_FIELDS, row, strict=True))
    for name, (_, back) in _FINDING_CONVERTERS.items():
        values[name] = back(values[name])
    return Finding(**values)


def _stale_data(r: StaleReview, position: dict[int, int]) -> list[Any]:
    row: list[Any] = []
    for name in _STALE_FIELDS:
        value = getattr(r, name)
        if name == "location":
            value = _location_data(value)
        elif name == "successors":  # findings of the run: by position
            value = [position[id(f)] for f in value]
        elif name == "revision" and value is not None:  # (one of them)
            value = position[id(value)]
        row.append(value)
    return row


def _stale(row: list[Any], findings: list[Finding]) -> StaleReview:
    values = dict(zip(_STALE_FIELDS, row, strict=True))
    values["location"] = Location(*values["location"])
    values["successors"] = [findings[i] for i in values["successors"]]
    if values["revision"] is not None:
        values["revision"] = findings[values["revision"]]
    return StaleReview(**values)


def _as_data(result: Result) -> dict[str, Any]:
    # Grades as the few distinct ones and, for each claim in id order, which one.
    distinct: dict[int, int] = {}
    grades: list[list[Any]] = []
    which: list[int] = []
    for g in result.grades.values():
        i = distinct.get(id(g))
        if i is None:
            i = distinct[id(g)] = len(grades)
            grades.append([g.grade, g.reason, g.supporting_origins, g.contradicting_origins])
        which.append(i)
    position = {id(f): i for i, f in enumerate(result.findings)}
    return {
        "findings": [_finding_data(f) for f in result.findings],
        "grades": grades,
        "graded": list(result.grades),
        "which": which,
        "estimates": [vars(e) for e in result.estimates],
        "stale_reviews": [_stale_data(r, position) for r in result.stale_reviews],
        "relays": dict(sorted(result.relays.items())),
    }


def _result(store: Store, config: Config, kept: dict[str, Any]) -> Result:
    from claimcheck.analysis.provenance import Provenance

    findings = [_finding(row) for row in kept["findings"]]
    distinct = [shared_grade(*row) for row in kept["grades"]]
    grades: dict[str, Grade] = dict(
        zip(kept["graded"], (distinct[i] for i in kept["which"]), strict=True)
    )
    estimates = [Estimate(**e) for e in kept["estimates"]]
    stale = [_stale(row, findings) for row in kept["stale_reviews"]]
    return Result(
        store,
        config,
        findings,
        grades,
        estimates,
        provenance=Provenance(store),
        stale_reviews=stale,
        relays=dict(kept["relays"]),
    )
