"""The store's clean-load record, kept outside a load: after ``add`` wrote records that
were checked against the store (see :meth:`~claimcheck.store.cache.database.Cache.clean_load`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from claimcheck.store.cache.database import Cache
from claimcheck.store.cache.rows import digest, files_digest_of, relative
from claimcheck.store.limits import Limits


def record_clean_load_after_write(
    root: Path,
    limits: Limits,
    digests: dict[str, str],
    claims: int,
    target: Path,
    before: bytes | None,
    after: str,
) -> None:
    """The store as a write left it is the store checked before it (its files'
    ``digests``, holding ``claims`` claims in all) with ``target`` now ``after`` (and
    ``before`` before, None if it did not exist): record that clean load, so that the next
    candidate check reads only its groups — unless the target had changed since the
    check read it."""
    if not digests:
        return
    rel = relative(root.resolve(), target.resolve())
    if digests.get(rel) != (digest(before) if before is not None else None):
        return
    record_clean_load(root, limits, {**digests, rel: digest(after.encode("utf-8"))}, claims)


def record_clean_load(root: Path, limits: Limits, digests: Mapping[str, str], claims: int) -> None:
    """Record that the store files with these contents load together without a problem
    and hold ``claims`` claims (see :meth:`Cache.clean_load`)."""
    cache = Cache(root, limits)
    if not cache.open():
        return
    try:
        cache.record_clean_load(files_digest_of(digests), claims)
    finally:
        cache.close()
