"""``add``: check a candidate file against the store, then append its records to the
store under the writers' lock (see :mod:`claimcheck.store.writer` and
:mod:`claimcheck.store.lock`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.candidates import check_candidates
from claimcheck.config import Config
from claimcheck.errors import Location, Problem, StoreError, display_path
from claimcheck.findings import Finding
from claimcheck.results import Result
from claimcheck.store import writer
from claimcheck.store.cache import digest, record_clean_load_after_write
from claimcheck.store.lock import store_lock
from claimcheck.store.target import check_target


@dataclass
class AddOutcome:
    """What ``add`` did: the candidate check, and whether the records were written."""

    result: Result
    written: bool
    target: str
    blocking: list[Finding]
    #: How many records of each section were appended (none when not written).
    added: dict[str, int] = field(default_factory=dict)


def add_candidate(
    root: str | Path,
    candidate: str | Path,
    target: str | Path,
    config: Config | None = None,
    *,
    force: bool = False,
    fail_on: str | None = None,
    cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> AddOutcome:
    """Check a candidate file, then append its records to ``target`` unless that adds
    findings at or above ``fail_on`` (and ``force`` is not given).

    The check and the write happen under one lock on the store, so that concurrent
    ``add``s each see the others' records and all land.
    """
    config = config or Config()
    root = Path(root)
    destination = check_target(root, Path(target))
    with store_lock(root):
        # The check reads the candidate safely and within the limits; only a candidate that
        # loads is then read again with comments, to be appended.
        result = check_candidates(root, [candidate], config, cache=cache, progress=progress)
        assert result.candidate is not None
        blocking = result.failing(fail_on)  # those the candidate brings
        refused = blocking or (result.stale_reviews and (fail_on or config.fail_on) != "none")
        if refused and not force:
            return AddOutcome(result, False, display_path(destination), blocking)
        # What is appended is what was checked: the candidate's bytes, read once more
        # and compared with those the check read (the file may have changed meanwhile).
        data = writer.read_once(Path(candidate), config.limits)
        if result.store.candidate_digests != [digest(data)]:
            raise StoreError(
                [
                    Problem(
                        Location(display_path(Path(candidate))),
                        "the candidate changed while it was being checked; nothing was "
                        "written: run add again",
                    )
                ]
            )
        records = writer.read_candidate(Path(candidate), config.limits, data)
        checked = writer.checked_sections(Path(candidate), config.limits, data)
        before, after = writer.append_records(
            root,
            destination,
            records,
            checked,
            limits=config.limits,
            header=writer.leading_comments(data),
        )
        if cache:
            # The store as it is now is the store checked, plus the candidate.
            store = result.store
            claims = store.claim_count
            record_clean_load_after_write(
                root, config.limits, store.digests, claims, destination, before, after
            )
    added = {section: len(items) for section, items in records.items()}
    return AddOutcome(result, True, display_path(destination), blocking, added)
