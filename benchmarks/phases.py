"""Where the time of one `check` goes: the phases of the run, and what the processes cost.

    python benchmarks/phases.py STORE              # one process per CPU, as `check` does
    python benchmarks/phases.py STORE --jobs 1     # for comparison

Runs what `claimcheck --store STORE --no-cache check --format json` runs, in this process
(with the collector off, as the command has it), timing each phase: reading the store,
the rules (shared among the processes, and the merge of their answers), building the
JSON shape and writing it. For the rules it also prints the CPU time of this process and
of its children, split into user and system time, and their minor page faults: a forked
child shares the loaded store, and each memory page either process writes to after the
fork (a reference count changes on every object touched) is copied on that first write.

Not a benchmark of targets (see run.py): a profile to read before optimising.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _usage(who: int) -> tuple[float, float, int]:
    r = resource.getrusage(who)
    return r.ru_utime, r.ru_stime, r.ru_minflt


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("store", type=Path, help="a store folder (e.g. one run.py generated)")
    parser.add_argument("--jobs", type=int, default=None, help="processes for the rules")
    args = parser.parse_args()

    gc.disable()
    from claimcheck.config import load_config
    from claimcheck.engine import check
    from claimcheck.render import json_parts
    from claimcheck.store import load_store

    rows: list[tuple[str, float]] = []
    start = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal start
        now = time.perf_counter()
        rows.append((name, now - start))
        start = now

    config = load_config(args.store)  # its [limits] too: a 10M-claim file is over 512 MiB
    lap("settings")
    store = load_store(args.store, cache=False, limits=config.limits)
    lap(f"read and validate {len(store.claims):,} claims")
    mine = _usage(resource.RUSAGE_SELF)
    children = _usage(resource.RUSAGE_CHILDREN)
    result = check(store, config, jobs=args.jobs)
    lap("rules, in all processes, and the merge")
    mine_after = _usage(resource.RUSAGE_SELF)
    children_after = _usage(resource.RUSAGE_CHILDREN)
    data = result.as_dict(plain=False)
    lap("the JSON shape")
    size = 0
    with open("/dev/null", "wb") as sink:
        for part in json_parts(data):
            sink.write(part)
            size += len(part)
    lap(f"JSON text, written in parts ({size / 1e6:.0f} MB)")

    total = sum(seconds for _, seconds in rows)
    for name, seconds in rows:
        print(f"{seconds:8.2f} s  {name}")
    print(f"{total:8.2f} s  in all")
    print()
    print("during the rules   user CPU   system CPU   minor page faults")
    for who, before, after in (
        ("this process", mine, mine_after),
        ("its children", children, children_after),
    ):
        print(
            f"{who:16} {after[0] - before[0]:8.2f} s {after[1] - before[1]:10.2f} s "
            f"{after[2] - before[2]:17,}"
        )


if __name__ == "__main__":
    main()
