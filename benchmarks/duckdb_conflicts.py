"""The quantity-conflict rule (CC101) as one DuckDB query over the same JSON Lines.

The yardstick for claimcheck's speed: DuckDB reads the claims and documents, turns the
value forms the generator writes (``14``, ``14+``, ``~14``, ``10-14``, ``at least 14``,
``about 14``) into intervals, and finds the pairs of claims from different origins on one
subject and single-valued quantity property whose intervals, widened by the property's
tolerance, do not overlap. It does less than claimcheck's CC101 (no open bounds, no
cumulative-growth exception, no other value forms), so it is a lower bound.
"""

from __future__ import annotations

from pathlib import Path

QUERY = r"""
WITH claims AS (
    SELECT id, subject, property, CAST(value AS VARCHAR) AS raw, source, claimant
    FROM read_json('{claims}', format = 'newline_delimited',
        columns = {{id: 'VARCHAR', subject: 'VARCHAR', property: 'VARCHAR', value: 'JSON',
                    source: 'VARCHAR', claimant: 'VARCHAR', quote: 'VARCHAR'}})
),
documents AS (
    SELECT id, outlet FROM read_json('{documents}', format = 'newline_delimited',
        columns = {{id: 'VARCHAR', outlet: 'VARCHAR', published: 'VARCHAR', retrieved: 'VARCHAR',
                    language: 'VARCHAR', title: 'VARCHAR'}})
),
properties AS (
    SELECT id, type, coalesce(single, true) AS single, tolerance
    FROM read_json('{properties}', format = 'newline_delimited',
        columns = {{id: 'VARCHAR', type: 'VARCHAR', single: 'BOOLEAN', tolerance: 'VARCHAR',
                    cumulative: 'BOOLEAN', unit: 'VARCHAR', "values": 'VARCHAR[]'}})
),
quantities AS (
    SELECT c.id, c.subject, c.property, coalesce(c.claimant, d.outlet) AS origin,
           trim(c.raw, '"') AS v, p.tolerance
    FROM claims c JOIN documents d ON c.source = d.id JOIN properties p ON c.property = p.id
    WHERE p.type = 'quantity' AND p.single
),
intervals AS (
    SELECT id, subject, property, origin,
        CASE
            WHEN regexp_full_match(v, '\d+') THEN CAST(v AS DOUBLE)
            WHEN regexp_full_match(v, '\d+\+') THEN CAST(rtrim(v, '+') AS DOUBLE)
            WHEN regexp_full_match(v, '~\d+') THEN CAST(ltrim(v, '~') AS DOUBLE) * 0.9
            WHEN regexp_full_match(v, 'about \d+') THEN CAST(v[7:] AS DOUBLE) * 0.9
            WHEN regexp_full_match(v, 'at least \d+') THEN CAST(v[10:] AS DOUBLE)
            WHEN regexp_full_match(v, '\d+-\d+') THEN CAST(split_part(v, '-', 1) AS DOUBLE)
        END AS lo,
        CASE
            WHEN regexp_full_match(v, '\d+') THEN CAST(v AS DOUBLE)
            WHEN regexp_full_match(v, '\d+\+') THEN 'inf'::DOUBLE
            WHEN regexp_full_match(v, '~\d+') THEN CAST(ltrim(v, '~') AS DOUBLE) * 1.1
            WHEN regexp_full_match(v, 'about \d+') THEN CAST(v[7:] AS DOUBLE) * 1.1
            WHEN regexp_full_match(v, 'at least \d+') THEN 'inf'::DOUBLE
            WHEN regexp_full_match(v, '\d+-\d+') THEN CAST(split_part(v, '-', 2) AS DOUBLE)
        END AS hi,
        CASE WHEN tolerance LIKE '%\%%' ESCAPE '\'
             THEN CAST(rtrim(tolerance, '%') AS DOUBLE) / 100 ELSE 0 END AS tol_share,
        CASE WHEN tolerance IS NOT NULL AND tolerance NOT LIKE '%\%%' ESCAPE '\'
             THEN CAST(tolerance AS DOUBLE) ELSE 0 END AS tol_abs
    FROM quantities
),
conflicts AS (
    SELECT a.subject, a.property, a.id AS a, b.id AS b
    FROM intervals a JOIN intervals b
      ON a.subject = b.subject AND a.property = b.property AND a.id < b.id AND a.origin <> b.origin
    WHERE b.lo - a.hi > greatest(a.tol_abs, b.lo * a.tol_share)
       OR a.lo - b.hi > greatest(a.tol_abs, a.lo * a.tol_share)
)
SELECT count(*) AS pairs, count(DISTINCT (subject, property)) AS groups FROM conflicts
"""


def conflicts(store: Path) -> tuple[int, int]:
    """(conflicting pairs, groups in conflict) for a generated store."""
    import duckdb

    sql = QUERY.format(
        claims=store / "claims-bulk.jsonl",
        documents=store / "documents.jsonl",
        properties=store / "properties.jsonl",
    )
    con = duckdb.connect()
    pairs, groups = con.execute(sql).fetchone()  # type: ignore[misc]
    return int(pairs), int(groups)


if __name__ == "__main__":
    import sys
    import time

    t = time.perf_counter()
    print(conflicts(Path(sys.argv[1])), f"{time.perf_counter() - t:.2f} s")
