"""Loading a store, the one way in: find its files, take each one's records from the
cache or read it, add the candidates, cross-check, and raise every problem found together.

A claim's path from file to :class:`Store`, in one direction, each step called from here:

1. :func:`~claimcheck.store.files.store_files` lists the store's files;
2. for each, the cache (:class:`~claimcheck.store.cache.CacheSession`, when asked for)
   says whether it holds the file's records unchanged, and hands them over;
3. otherwise :class:`~claimcheck.store.file_reader.FileReader` reads, parses and
   validates the file, and what it read is handed back to the cache to be recorded;
4. :func:`~claimcheck.store.integrity.check` cross-checks the store (references, ids).

Neither the cache nor the file reader calls the other.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.errors import Location, Problem, StoreError, display_path
from claimcheck.model import SECTION_OF
from claimcheck.store import integrity
from claimcheck.store.cache import (
    CacheCorrupt,
    CacheKey,
    CacheSession,
    digest,
    touched_groups,
)
from claimcheck.store.file_reader import FileReader, Parsed
from claimcheck.store.files import file_kind, store_files
from claimcheck.store.gc_pause import gc_paused
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.progress import LoadProgress
from claimcheck.store.store import Store

#: Stop collecting after this many problems: the first ones are what a user fixes first.
MAX_PROBLEMS = 200


def load_store(
    root: str | Path,
    *,
    candidates: Sequence[str | Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    cache: bool = False,
    partial: bool = False,
    background: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Store:
    """Load and check the store at ``root`` (plus ``candidates``, if any).

    With ``cache``, unchanged files are read from the store's cache and changed ones
    recorded in it (see :mod:`claimcheck.store.cache`). With ``partial`` as well, only
    the claims of the (subject, property) groups the candidates touch are loaded: what
    a candidate check needs, in time independent of the store's size.

    With ``background``, many records to record are recorded by a forked process while
    the caller goes on (checking them): the store returned owns that process, and waits
    for it when it is closed — use it as a context manager::

        with load_store("claims", cache=True, background=True) as store:
            result = check(store)

    (a store never closed is waited for when the interpreter exits). Without
    ``background``, nothing this starts outlives the call.

    ``progress``, if given, is called as ``progress(done, total)``: bytes of the store's
    files loaded so far and in all (candidates not counted), a few times a second at most
    and once at the end with ``done == total`` (also when the load finds problems).

    Problems that do not stop the load (an empty file) are on :attr:`Store.warnings`.
    Raises :class:`~claimcheck.errors.StoreError` listing every problem found.
    """
    root = Path(root)
    if not root.is_dir():
        raise StoreError([Problem(Location(display_path(root)), "no such store folder")])
    tracker = None if progress is None else LoadProgress(progress)
    if not cache:
        return _load(root, candidates, limits, progress=tracker)
    try:
        try:
            return _load(
                root,
                candidates,
                limits,
                cache=True,
                partial=partial,
                background=background,
                progress=tracker,
            )
        except _Unverified:
            # The store's files are not those of its last clean load: a few groups cannot
            # tell whether it holds a problem elsewhere, so read it all (most of it from
            # the cache).
            return _load(root, candidates, limits, cache=True, progress=tracker)
    except CacheCorrupt:
        # The cache failed under us (another process rebuilt it, the disk...): read it all.
        return _load(root, candidates, limits, progress=tracker)


class _Unverified(Exception):
    """A partial load of a store whose files are not those of its recorded clean load."""


def _load(
    root: Path,
    candidates: Sequence[str | Path],
    limits: Limits,
    *,
    cache: bool = False,
    partial: bool = False,
    background: bool = False,
    progress: LoadProgress | None = None,
) -> Store:
    reader = FileReader(root, limits, progress)
    cached = CacheSession.open(root, limits, reader.store.warnings) if cache else None
    groups: set[tuple[str, str]] | None = None
    stored: int | None = None  # the store's claims, as its clean load counted them
    try:
        with gc_paused():
            files, walk_problems = store_files(root)
            reader.problems.extend(walk_problems)
            pending = _candidates(reader, candidates, files)
            if partial and cached is not None:
                groups = touched_groups(
                    r for _, parsed in pending if parsed is not None for r in parsed.claims()
                )
            if cached is not None:
                cached.forget_missing(files)
            sizes = [_size_of(p) for p in files] if progress is not None else []
            if progress is not None:
                progress.start(sum(sizes))
            for i, path in enumerate(files):
                if progress is not None:
                    progress.file(sizes[i])
                if cached is None:
                    reader.add_file(path)
                else:
                    _add_file(reader, cached, path, groups, early=background and groups is None)
                if progress is not None:
                    progress.file_done()
            if cached is not None:
                cached.files_read(background and groups is None)
            if groups is not None:
                assert cached is not None
                stored = cached.verified()
                if stored is None:
                    raise _Unverified
            claims = len(reader.store.claims)
            reader.store.candidate_start = len(reader.store.files)
            for path, parsed in pending:
                if parsed is None:
                    reader.skip(path)
                else:
                    reader.store.candidate_digests.append(digest(parsed.data))
                    reader.add_parsed(path, parsed, for_cache=False)
            if groups is not None:
                assert cached is not None
                _collisions(reader, cached)
            integrity.check(
                reader.store,
                reader.problem,
                reader.locate,
                reader.failed_ids,
                exists=cached.exists() if cached is not None and groups is not None else None,
            )
            if cached is not None and groups is None:
                cached.update_clean_load(bool(reader.problems), bool(candidates), claims)
    finally:
        if cached is not None:
            cached.close()
    if cached is not None:
        # What is left to record, by a child while the caller goes on; here when the load
        # failed, which ends at once.
        cached.record_rest(here=bool(reader.problems))
    if progress is not None:
        progress.finish()
    if reader.problems:
        raise StoreError(sorted(reader.problems, key=_problem_order)[:MAX_PROBLEMS])
    store = reader.store
    store.warnings.sort(key=_problem_order)
    store.partial = groups is not None
    if stored is not None:
        # The store's claims, as its clean load counted them, and the candidates'.
        store.total_claims = stored + sum(1 for c in store.candidate_ids() if c in store.claims)
    if cached is not None:
        store.digests = cached.known_digests() or {}
        store.waits_for(cached.wait)
    return store


def _add_file(
    reader: FileReader,
    cached: CacheSession,
    path: Path,
    groups: set[tuple[str, str]] | None,
    early: bool,
) -> None:
    """Load one store file: from the cache if it is unchanged (only the claims of
    ``groups``, if given); else read by ``reader`` and handed to the cache to record
    (``early``: a big JSON Lines file by a writer of its own, at once)."""
    file = cached.begin_file(path)
    if file is None:
        reader.add_file(path)
        return
    if cached.fresh(file) and _from_cache(reader, cached, path, file, groups):
        if cached.held_no_records(file):
            reader.recheck_empty(path)
        return
    read = reader.read(path)
    if read is None:
        reader.skip(path)
        return
    data, text = read
    content = digest(data)
    if cached.same_content(file, content) and _from_cache(
        reader, cached, path, file, groups, content
    ):
        if cached.held_no_records(file):
            reader.recheck_empty(path, data, text)
        return
    recording = early and cached.record_json_lines_now(path, file, text, content)
    problems = len(reader.problems)
    parsed = reader.parse_text(path, data, text, build=recording)
    if parsed is None:
        reader.skip(path)
        if recording:
            cached.confirm_or_withdraw(file, sound=False)
        return
    # Recorded from its text by a writer of its own: its records need not be kept.
    entries = reader.add_parsed(path, parsed, for_cache=not recording)
    cached.read_afresh(path, file, content, entries)
    if recording:
        cached.confirm_or_withdraw(file, sound=len(reader.problems) == problems)


def _from_cache(
    reader: FileReader,
    cached: CacheSession,
    path: Path,
    file: CacheKey,
    groups: set[tuple[str, str]] | None,
    content: str | None = None,
) -> bool:
    """Register the cached records of ``file``; False, with nothing registered, when
    they cannot be used (a block damaged on disk, a record that does not validate: not
    written by us) and the file is to be read itself."""
    try:
        entries = cached.entries(file, groups, reader.build)
    except CacheCorrupt:
        return False
    if not reader.add_records(path, entries):
        return False
    cached.took_from_cache(file, content)
    return True


def _candidates(
    reader: FileReader, candidates: Sequence[str | Path], files: list[Path]
) -> list[tuple[Path, Parsed | None]]:
    """The candidate files, parsed (None: one that could not be, with its problem)."""
    in_store = {_resolved(p) for p in files} if candidates else set()
    pending: list[tuple[Path, Parsed | None]] = []
    for candidate in candidates:
        path = Path(candidate)
        unfit = _not_a_candidate(path)
        if unfit is not None:
            reader.problem(Location(display_path(path)), unfit)
            continue
        if _resolved(path) in in_store:
            reader.problem(
                Location(display_path(path)),
                "this candidate is a file of the store already: a candidate is a file "
                "not yet in the store (check the store itself with `check`)",
            )
            continue
        pending.append((path, reader.parse(path)))
    return pending


def _not_a_candidate(path: Path) -> str | None:
    """Why ``path`` cannot be read as a candidate file, or None. A candidate is named by
    the user: a link is followed wherever it goes (unlike a store's files). Nothing is
    opened here (opening a FIFO could block)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such candidate file"
    except OSError as e:
        return f"cannot read candidate file: {e.strerror or e}"
    if not stat.S_ISREG(mode):
        return f"not a regular file: {file_kind(mode)}; a candidate is a YAML or JSON Lines file"
    return None


def _size_of(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reported when the file is read
        return path


def _collisions(reader: FileReader, cached: CacheSession) -> None:
    """Candidate ids that a claim of the store, not loaded, already uses."""
    store = reader.store
    for record_id, (rel, line, col) in cached.elsewhere(store.candidate_ids()).items():
        w = store.where.pop(record_id)
        other = store.what_is(record_id)
        first = Location(display_path(store.root / rel), line, col)
        reader.problem(
            store.at(w),
            f"duplicate id {record_id!r}: already used by the claim at {first}",
        )
        # As when both are loaded: the second record is dropped, references to it are
        # not "unknown" (see ``FileReader._register``).
        if other is not None:
            getattr(store, SECTION_OF[other]).pop(record_id, None)
        reader.failed_ids.add(record_id)


def _problem_order(p: Problem) -> tuple[bool, str, int, int]:
    """In ``path:line:col`` order, but for what left records unread first: the unknown
    ids their absence causes, in other files or earlier lines, come after their cause."""
    return (not p.unread, p.location.path, p.location.line, p.location.col)


__all__ = ["load_store"]
