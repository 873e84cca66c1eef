"""The store: a folder of YAML and JSON Lines files, loaded, validated and cross-checked."""

from claimcheck.store.gc_pause import gc_paused
from claimcheck.store.limits import DEFAULT_LIMITS, Limits
from claimcheck.store.load import load_store
from claimcheck.store.store import GroupKey, Store

__all__ = ["DEFAULT_LIMITS", "GroupKey", "Limits", "Store", "gc_paused", "load_store"]
