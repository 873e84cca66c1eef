"""A cache of the parsed store, beside it in `.claimcheck-cache/` (ignored by git).

Parsing YAML costs about 0.15 ms a claim; a warm run reads the records of unchanged
files from here instead. The cache is never trusted blindly:

* a file is taken from the cache only when its size, modification time, change time
  and inode match what was recorded, and it was not modified within a second before
  it was read (a "racy" entry is checked against a BLAKE2 hash of its content);
* records are stored as JSON — never pickle, nothing in the cache can run code — with a
  CRC-32 of each stored block, checked on every read (a block damaged on disk is read
  from its file instead), and are checked again on every load, exactly like freshly
  parsed ones (claims per column, see :mod:`claimcheck.store.bulk`; the models validate
  any record those checks do not plainly accept);
* a cache of another schema, another store, or one SQLite cannot read is deleted and
  rebuilt; when the folder cannot be written, claimcheck runs without a cache.

Claims are stored per (file, subject, property), so that checking a candidate reads
only the groups it touches; an index of claim ids finds id collisions. Reading only a
few groups cannot see a problem elsewhere in the store (a reference to a document
deleted since, an id used twice), so the cache also keeps the store's *clean-load record*: a
digest of the content of every store file, recorded when all of them were loaded
together without a problem (or after ``add`` wrote records that were checked against
them). A candidate check reads only its groups when the store's files are still
exactly those; otherwise it reads the whole store, as an uncached check does.

The cache is kept per set of reading limits (``[limits]`` in ``claimcheck.toml``): a
file recorded under other limits is read again, so that a lower limit is never skipped.

The parts: :mod:`.folder` (claimcheck's own folder), :mod:`.rows` (records as rows),
:mod:`.sqlite` (the SQLite file: schema, opening, transactions), :mod:`.database` (what
it holds), :mod:`.background` (the child processes that record it while a load and a
check go on), :mod:`.session` (the cache during one load: what
:func:`~claimcheck.store.load.load_store` asks of it) and :mod:`.clean_load` (recording
a clean load after a write).
"""

from claimcheck.store.cache.clean_load import record_clean_load, record_clean_load_after_write
from claimcheck.store.cache.database import Cache
from claimcheck.store.cache.folder import (
    CACHE_DIR,
    LOCK_FILE,
    REFUSED,
    RESULT_FILE,
    ForeignFolder,
    foreign_folder,
    own_folder,
)
from claimcheck.store.cache.rows import (
    CacheCorrupt,
    digest,
    files_digest_of,
    has_non_finite,
)
from claimcheck.store.cache.session import CacheKey, CacheSession, touched_groups
from claimcheck.store.store import Entry

__all__ = [
    "CACHE_DIR",
    "LOCK_FILE",
    "REFUSED",
    "RESULT_FILE",
    "Cache",
    "CacheCorrupt",
    "CacheKey",
    "CacheSession",
    "Entry",
    "ForeignFolder",
    "digest",
    "files_digest_of",
    "foreign_folder",
    "has_non_finite",
    "own_folder",
    "record_clean_load",
    "record_clean_load_after_write",
    "touched_groups",
]
