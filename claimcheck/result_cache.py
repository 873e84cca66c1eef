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
import math
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson

from claimcheck._version import __version__
from claimcheck.analysis.estimates import Estimate
from claimcheck.analysis.grades import Grade, shared_grade
from claimcheck.config import Config
from claimcheck.engine import Progress, check
from claimcheck.errors import Location
from claimcheck.findings import Finding, ReviewMark, StaleReview
from claimcheck.results import Result
from claimcheck.store import Store
from claimcheck.store.cache import CACHE_DIR, ForeignFolder, foreign_folder, own_folder
from claimcheck.store.cache.rows import files_digest_of

__all__ = ["RESULT_FILE", "check_kept", "result_key"]

#: The file, in claimcheck's folder beside the store.
RESULT_FILE = "check-result.json"

#: The layout of the file (a new one ignores an old file).
LAYOUT = 1


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
    if not _finite((data["estimates"], [row[-1] for row in data["findings"]])):
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


def _finite(data: Any) -> bool:
    """Whether every number in the data survives JSON (no infinity, no NaN)."""
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, dict):
        return all(_finite(v) for v in data.values())
    if isinstance(data, list | tuple):
        return all(_finite(v) for v in data)
    return True


# -- the result as data, and back ----------------------------------------------------------


def _finding_data(f: Finding) -> list[Any]:
    loc = f.location
    return [
        f.rule,
        f.name,
        f.severity,
        f.subject,
        f.property,
        f.claims,
        f.message,
        f.fingerprint,
        [loc.path, loc.line, loc.col],
        f.review.as_dict() if f.review is not None else None,
        [list(p) for p in f.pairs] if f.pairs is not None else None,
        f.details,
    ]


def _finding(row: list[Any]) -> Finding:
    rule, name, severity, subject, prop, claims, message, fp, loc, review, pairs, details = row
    return Finding(
        rule=rule,
        name=name,
        severity=severity,
        subject=subject,
        property=prop,
        claims=claims,
        message=message,
        fingerprint=fp,
        location=Location(*loc),
        review=ReviewMark(**review) if review is not None else None,
        pairs=[(a, b) for a, b in pairs] if pairs is not None else None,
        details=details,
    )


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
        "stale_reviews": [
            {
                "fingerprint": r.fingerprint,
                "verdict": r.verdict,
                "location": [r.location.path, r.location.line, r.location.col],
                "note": r.note,
                # (a stale review's successors are findings of the run: by position)
                "successors": [position[id(f)] for f in r.successors],
            }
            for r in result.stale_reviews
        ],
    }


def _result(store: Store, config: Config, kept: dict[str, Any]) -> Result:
    from claimcheck.analysis.provenance import Provenance

    findings = [_finding(row) for row in kept["findings"]]
    distinct = [shared_grade(*row) for row in kept["grades"]]
    grades: dict[str, Grade] = dict(
        zip(kept["graded"], (distinct[i] for i in kept["which"]), strict=True)
    )
    estimates = [Estimate(**e) for e in kept["estimates"]]
    stale = [
        StaleReview(
            fingerprint=r["fingerprint"],
            verdict=r["verdict"],
            location=Location(*r["location"]),
            note=r["note"],
            successors=[findings[i] for i in r["successors"]],
        )
        for r in kept["stale_reviews"]
    ]
    return Result(
        store,
        config,
        findings,
        grades,
        estimates,
        provenance=Provenance(store),
        stale_reviews=stale,
    )
