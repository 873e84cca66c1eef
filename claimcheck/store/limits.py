"""Bounds on what claimcheck will read, so that no file can exhaust time or memory."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Reading limits; set in ``claimcheck.toml`` under ``[limits]``."""

    #: Largest file read, in bytes (YAML or JSONL).
    max_file_bytes: int = 512 * 1024 * 1024
    #: Deepest nesting of mappings and sequences: a file's sections are level 1, a
    #: section's list 2, a record 3, a value mapping 4. (A JSON Lines record is level 3.)
    max_depth: int = 64
    #: Most nodes a YAML file may expand to once aliases are followed ("billion laughs").
    max_nodes: int = 50_000_000
    #: Longest single string (a quote, a note), in characters.
    max_string: int = 1_000_000


DEFAULT_LIMITS = Limits()
