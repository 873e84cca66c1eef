"""Why claims are not loaded through DuckDB: what each way of reading them costs.

    python benchmarks/columnar.py STORE/claims-bulk.jsonl     # needs the bench extra

The rules are Python over claim objects, so every way ends with a million of them. This
times, on one JSON Lines file of claims:

1. orjson, a line at a time, and the claims built from its mappings per column
   (claimcheck's way; the line checks for repeated keys and limits not included);
2. DuckDB reading the file and checking it in SQL (types, unknown fields, repeated keys,
   ids), returning one row of counts: the validation alone;
3. DuckDB reading the columns and handing them to Python as rows (without NumPy or
   Arrow, which claimcheck does not depend on): the transfer alone.

Not a benchmark of targets (see run.py): the measurement behind a choice.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FIELDS = ["id", "subject", "property", "value", "source", "claimant", "as_of", "stance"]
FIELDS += ["quote", "locator", "note", "status"]

VALIDATE = """
SELECT count(*) FILTER (WHERE bad) AS bad, count(*) AS records FROM (
    SELECT json_type(j) <> 'OBJECT'
        OR NOT list_has_all({fields}, json_keys(j))
        OR len(json_keys(j)) <> len(list_distinct(json_keys(j)))
        OR json_type(j, 'id') IS DISTINCT FROM 'VARCHAR'
        OR json_type(j, 'subject') IS DISTINCT FROM 'VARCHAR'
        OR json_type(j, 'property') IS DISTINCT FROM 'VARCHAR'
        OR NOT regexp_full_match(j->>'id', '[A-Za-z0-9][A-Za-z0-9_.:-]*')
        AS bad
    FROM read_json_objects('{path}', format = 'newline_delimited') t(j))
"""

FETCH = """
SELECT id, subject, property, CAST(value AS VARCHAR), source, claimant, quote
FROM read_json('{path}', format = 'newline_delimited',
    columns = {{id: 'VARCHAR', subject: 'VARCHAR', property: 'VARCHAR', value: 'JSON',
                source: 'VARCHAR', claimant: 'VARCHAR', quote: 'VARCHAR'}})
"""


def main() -> None:
    path = Path(sys.argv[1])
    gc.disable()
    import orjson

    from claimcheck.store.bulk import build_claims

    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    records = [orjson.loads(line) for line in text.split("\n") if line.strip()]
    parsed = time.perf_counter()
    claims = [
        c
        for i in range(0, len(records), 20_000)
        for c in build_claims(records[i : i + 20_000]) or ()
    ]
    built = time.perf_counter()
    print(f"{parsed - start:6.2f} s  orjson, {len(records):,} records")
    print(f"{built - parsed:6.2f} s  claims built per column ({len(claims):,})")
    del records, claims, text

    import duckdb

    con = duckdb.connect()
    start = time.perf_counter()
    bad, n = con.execute(VALIDATE.format(path=path, fields=FIELDS)).fetchone()  # type: ignore[misc]
    print(
        f"{time.perf_counter() - start:6.2f} s  DuckDB reads and checks {n:,} records ({bad} bad)"
    )
    start = time.perf_counter()
    rows = con.execute(FETCH.format(path=path)).fetchall()
    print(f"{time.perf_counter() - start:6.2f} s  DuckDB hands {len(rows):,} rows to Python")


if __name__ == "__main__":
    main()
