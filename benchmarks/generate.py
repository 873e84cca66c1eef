"""Generate a synthetic claimcheck store of any size, shaped like real reporting.

Groups of about ten claims per (subject, property); a fraction of groups in conflict;
documents shared by many claims; outlets grouped by owner; named, anonymous and party
claimants; values as numbers, shorthand ("14+", "~800", "10-14"), vague words, dates
and categories. Claims go to JSON Lines (bulk) or YAML (hand-edited style).

    python benchmarks/generate.py OUT_DIR --claims 1000000 [--yaml] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

#: Ways of stating the same figure n: all consistent with each other.
VALUE_FORMS = ("{n}", "{n}", "{n}", "{n}+", "~{n}", "{lo}-{hi}", "at least {n}", "about {n}")
PROPERTIES = [
    {"id": "deaths", "type": "quantity", "cumulative": True, "unit": "people"},
    {"id": "injured", "type": "quantity", "cumulative": True, "unit": "people"},
    {"id": "strength", "type": "quantity", "tolerance": "10%", "unit": "troops"},
    {"id": "date", "type": "date"},
    {
        "id": "outcome",
        "type": "category",
        "values": ["government-victory", "rebel-victory", "stalemate"],
    },
]


def generate(
    out: Path,
    claims: int,
    yaml: bool = False,
    seed: int = 1,
    group_size: int = 10,
    conflict_share: float = 0.1,
) -> dict[str, int]:
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    n_groups = max(1, claims // group_size)
    n_subjects = max(1, n_groups // len(PROPERTIES))
    n_owners = max(2, claims // 20000)
    n_outlets = max(4, claims // 5000)
    n_docs = max(8, claims // 100)
    n_parties = max(6, claims // 2000)

    # Most outlets are independent; one in five belongs to a group that owns several.
    outlets = [
        {
            "id": f"o{i}",
            "name": f"Outlet {i}",
            "kind": "newspaper",
            **({"owner": f"owner-{i % n_owners}"} if i % 5 == 0 else {}),
        }
        for i in range(n_outlets)
    ]
    documents = [
        {
            "id": f"d{i}",
            "outlet": f"o{rnd.randrange(n_outlets)}",
            "published": f"2023-{rnd.randint(7, 12):02d}-{rnd.randint(1, 28):02d}",
            "retrieved": "2024-06-01",
            "language": "en",
            "title": f"Report {i}",
        }
        for i in range(n_docs)
    ]
    parties = [
        {
            "id": f"p{i}",
            "name": f"Party {i}",
            "kind": rnd.choice(["state", "armed-group", "journalist", "ngo"]),
            **({"side": f"side-{i % 3}"} if i % 2 == 0 else {}),
            **({"anonymous": True} if i % 7 == 0 else {}),
        }
        for i in range(n_parties)
    ]
    subjects = [
        {
            "id": f"s{i}",
            "label": f"Event {i}",
            "date": "2023-01-01/2023-12-31",
            "sides": [f"side-{i % 3}"],
        }
        for i in range(n_subjects)
    ]

    def value(prop: dict[str, object], base: int, conflicting: bool) -> object:
        if prop["type"] == "date":
            day = 1 + (base % 28) + (rnd.randint(1, 3) if conflicting else 0)
            return f"2023-06-{min(day, 28):02d}"
        if prop["type"] == "category":
            return rnd.choice(prop["values"]) if conflicting else prop["values"][base % 3]  # type: ignore[index]
        n = base * (rnd.choice([2, 3]) if conflicting else 1)
        form = rnd.choice(VALUE_FORMS)
        if form == "{n}" and rnd.random() < 0.5:
            return n
        return form.format(n=n, lo=max(0, n - 2), hi=n + 2)

    written = 0
    claim_path = out / ("claims-bulk.yaml" if yaml else "claims-bulk.jsonl")
    with claim_path.open("w", encoding="utf-8") as f:
        if yaml:
            f.write("claims:\n")
        group = 0
        while written < claims:
            subject = f"s{group % n_subjects}"
            prop = PROPERTIES[(group // n_subjects) % len(PROPERTIES)]
            conflicting = rnd.random() < conflict_share
            base = rnd.randint(5, 500)
            for _ in range(min(group_size, claims - written)):
                rec: dict[str, object] = {
                    "id": f"c{written}",
                    "subject": subject,
                    "property": prop["id"],
                    "value": value(prop, base, conflicting and rnd.random() < 0.4),
                    "source": f"d{rnd.randrange(n_docs)}",
                }
                r = rnd.random()
                if r < 0.3:
                    rec["claimant"] = f"p{rnd.randrange(n_parties)}"
                if rnd.random() < 0.2:
                    rec["quote"] = f"{rec['source']} reports {rec['value']} for {subject}."
                if yaml:
                    f.write("  - " + json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += 1
            group += 1
    for name, rows in (
        ("outlets", outlets),
        ("documents", documents),
        ("parties", parties),
        ("subjects", subjects),
        ("properties", PROPERTIES),
    ):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {
        "claims": written,
        "groups": group,
        "subjects": n_subjects,
        "documents": n_docs,
        "outlets": n_outlets,
        "parties": n_parties,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument(
        "--yaml", action="store_true", help="claims as one YAML file instead of JSON Lines"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.claims, args.yaml, args.seed))


if __name__ == "__main__":
    main()
