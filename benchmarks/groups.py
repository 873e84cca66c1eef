"""Generate stores whose claims all fall in one big (subject, property) group.

DESIGN §4: a group's cost must grow with the group, not its square. Two shapes, written
as JSON Lines like ``generate.py`` (``outlets``, ``documents``, ``parties``,
``subjects``, ``properties`` and ``claims-group.jsonl``):

* ``one_group``: N claims on the death toll of one long conflict (one subject dated
  2011-03-15/2099-12-31, still under way; one single-valued cumulative quantity
  property), from about 40 outlets (some sharing an owner, state media affiliated to a
  side, wires that others cite) and about 30 parties (a government side and a rebel side
  with ministries and factions ``part_of`` their principal (left out when the installed
  model has no such field), neutral monitors, UN, medical sources, anonymous
  officials); a document every 3 claims, one in eight citing a recent one. The figures
  come from a few hundred statements (120 dates, each given a neutral, a government and
  a rebel version), the toll rising over 14 years; claims state them mostly as exact
  numbers, some as "at least N", "more than N", "N+", "~N", ranges "a-b", French forms
  and vague words ("tens of thousands"); slow relays give an older statement, a
  misprint of a statement is copied with it, and a few claims are denials, retracted
  or superseded. Quotes are the statements' words, so one statement relayed by several
  outlets carries one quote across them.
* ``daily_toll``: a running toll reported every day for D days by 4 outlets (two of one
  owner); two quote the same health ministry, one the UN, one reports in its own voice.
  Each claim has its day as ``as_of``; the toll grows by 0-60 a day, two outlets run a
  day behind, and there are small downward revisions (1%), spells of a count 8% higher
  (a few days, rarely) and "at least N" for 4% of the figures.

* ``many_voices``: the adversarial shape — N origins, each giving a figure of its own
  (no two alike): half outlets in their own voice, half parties (neutral and of two
  sides, some anonymous) quoted by a wire; mostly exact numbers, some ranges, open
  bounds and denials. Every figure contradicts almost every other, so anything that
  compares statements with origins pair by pair shows here. With ``--second-figures
  K``, K of the quoted parties give a second figure: origins of several figures.

    python benchmarks/groups.py OUT_DIR one-group --claims 50000 [--seed 1]
    python benchmarks/groups.py OUT_DIR daily --days 12500 [--outlets 4]
    python benchmarks/groups.py OUT_DIR many-voices --claims 50000 [--seed 1]
        [--second-figures 1000]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

SUBJECT_START = dt.date(2011, 3, 15)
#: The open-ish end: a conflict still under way, so later higher tolls are growth.
SUBJECT_END = "2099-12-31"


def _write(out: Path, sections: dict[str, list[dict[str, Any]]], claims: list[dict[str, Any]]):
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in sections.items():
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out / "claims-group.jsonl").open("w", encoding="utf-8") as f:
        for rec in claims:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def part_of_supported() -> bool:
    """Whether this checkout's model knows the parties' ``part_of`` field (DESIGN §2)."""
    try:
        from claimcheck.model import Party
    except ImportError:  # generating without claimcheck installed: write the field
        return True
    return "part_of" in getattr(Party, "__dataclass_fields__", {})


# --------------------------------------------------------------------------- one group

#: (id, name, kind, owner, affiliation, weight: how many documents it publishes)
OUTLETS: list[tuple[str, str, str, str | None, str | None, int]] = [
    ("afp", "Agence France-Presse", "news-agency", None, None, 12),
    ("reuters", "Reuters", "news-agency", None, None, 12),
    ("ap", "Associated Press", "news-agency", None, None, 10),
    ("dpa", "dpa", "news-agency", None, None, 4),
    ("anadolu", "Anadolu Agency", "news-agency", None, None, 5),
    ("bbc", "BBC News", "broadcaster", "bbc-group", None, 6),
    ("bbc-arabic", "BBC Arabic", "broadcaster", "bbc-group", None, 5),
    ("bbc-monitoring", "BBC Monitoring", "wire", "bbc-group", None, 3),
    ("france24", "France 24", "broadcaster", "france-medias-monde", None, 5),
    ("rfi", "RFI", "broadcaster", "france-medias-monde", None, 5),
    ("mcd", "Monte Carlo Doualiya", "broadcaster", "france-medias-monde", None, 2),
    ("aljazeera", "Al Jazeera", "broadcaster", "al-jazeera-network", None, 8),
    ("aj-mubasher", "Al Jazeera Mubasher", "video", "al-jazeera-network", None, 3),
    ("alarabiya", "Al Arabiya", "broadcaster", "mbc-group", None, 5),
    ("alhadath", "Al Hadath", "broadcaster", "mbc-group", None, 3),
    ("guardian", "The Guardian", "newspaper", None, None, 4),
    ("observer", "The Observer", "newspaper", "guardian-media", None, 1),
    ("nyt", "The New York Times", "newspaper", None, None, 4),
    ("wapo", "The Washington Post", "newspaper", None, None, 3),
    ("lemonde", "Le Monde", "newspaper", "groupe-le-monde", None, 3),
    ("courrier", "Courrier international", "magazine", "groupe-le-monde", None, 1),
    ("lefigaro", "Le Figaro", "newspaper", None, None, 2),
    ("spiegel", "Der Spiegel", "magazine", None, None, 2),
    ("economist", "The Economist", "magazine", None, None, 1),
    ("sana", "SANA", "state-media", None, "gov", 7),
    ("state-tv", "State Television", "state-media", None, "gov", 5),
    ("alwatan", "Al-Watan", "newspaper", None, "gov", 2),
    ("rt", "RT Arabic", "state-media", "russia-state", "ally-mod", 4),
    ("tass", "TASS", "news-agency", "russia-state", None, 3),
    ("orient", "Orient News", "broadcaster", None, "coalition", 4),
    ("enab", "Enab Baladi", "newspaper", None, None, 3),
    ("smart", "SMART News Agency", "news-agency", None, "coalition", 2),
    ("shaam", "Shaam Network", "social", None, "fsa", 3),
    ("unnews", "UN News", "un", None, None, 3),
    ("reliefweb", "ReliefWeb", "un", None, None, 3),
    ("hrw", "Human Rights Watch", "ngo", None, None, 2),
    ("amnesty", "Amnesty International", "ngo", None, None, 2),
    ("wikipedia", "Wikipedia", "encyclopedia", None, None, 2),
    ("x-posts", "Posts on X", "social", None, None, 3),
    ("telegram", "Telegram channels", "social", None, None, 2),
]

#: (id, name, kind, side, part_of, anonymous, how its figures lean, weight as claimant)
PARTIES: list[tuple[str, str, str, str | None, str | None, bool, str, int]] = [
    ("gov", "The government", "state", "gov", None, False, "gov", 3),
    ("gov-health", "Ministry of Health", "state", "gov", "gov", False, "gov", 5),
    ("gov-interior", "Ministry of the Interior", "state", "gov", "gov", False, "gov", 2),
    ("gov-army", "Government army", "army", "gov", "gov", False, "gov", 3),
    ("gov-army-spokesman", "Army spokesman", "army", "gov", "gov-army", False, "gov", 3),
    ("gov-militia", "Pro-government militia", "armed-group", "gov", None, False, "gov", 1),
    ("ally-mod", "Allied defence ministry", "state", "gov", None, False, "gov", 2),
    ("gov-officials", "Government officials", "anonymous", "gov", None, True, "gov", 2),
    ("coalition", "Opposition coalition", "armed-group", "rebels", None, False, "rebels", 3),
    ("coal-govt", "Interim government", "state", "rebels", "coalition", False, "rebels", 2),
    ("fsa", "Free Army", "armed-group", "rebels", "coalition", False, "rebels", 3),
    ("fsa-brigade", "Northern brigade", "armed-group", "rebels", "fsa", False, "rebels", 1),
    ("front", "Islamic Front", "armed-group", "rebels", None, False, "rebels", 2),
    (
        "lcc",
        "Local coordination committees",
        "armed-group",
        "rebels",
        "coalition",
        False,
        "rebels",
        3,
    ),
    ("activists", "Activists", "anonymous", "rebels", None, True, "rebels", 4),
    ("rebel-sources", "Rebel sources", "anonymous", "rebels", None, True, "rebels", 2),
    ("sohr", "Observatory for Human Rights", "ngo", None, None, False, "neutral", 8),
    ("snhr", "Network for Human Rights", "ngo", None, None, False, "rebels", 4),
    ("vdc", "Violations Documentation Center", "ngo", None, None, False, "neutral", 3),
    ("un-ohchr", "UN human rights office", "un", None, None, False, "neutral", 4),
    ("un-envoy", "UN special envoy", "un", None, "un-sg", False, "neutral", 2),
    ("un-sg", "UN Secretary-General", "un", None, None, False, "neutral", 1),
    ("unicef", "UNICEF", "un", None, None, False, "neutral", 1),
    ("icrc", "ICRC", "ngo", None, None, False, "neutral", 1),
    ("msf", "Médecins Sans Frontières", "medical", None, None, False, "neutral", 1),
    ("doctors", "Medical sources", "anonymous", None, None, True, "neutral", 3),
    ("hospital", "Hospital director", "medical", None, None, False, "neutral", 1),
    ("diplomats", "Western diplomats", "anonymous", None, None, True, "neutral", 1),
    ("analyst", "Conflict analyst", "person", None, None, False, "neutral", 1),
    ("journalist", "Local journalist", "journalist", None, None, False, "neutral", 1),
]

#: The side of each party, by id.
SIDE_OF = {p[0]: p[3] for p in PARTIES if p[3]}

#: How each camp's figures relate to the neutral count.
LEAN = {"neutral": 1.0, "gov": 0.55, "rebels": 1.35}

#: Vague words by the size of the figure they stand for.
VAGUE_BY_SIZE = (
    (10_000, ("thousands", "des milliers", "several thousand")),
    (100_000, ("tens of thousands", "des dizaines de milliers")),
    (1_000_000, ("hundreds of thousands", "des centaines de milliers")),
)


def _toll(day: int, days: int) -> int:
    """The neutral count ``day`` days into a war of ``days`` days: slow, then fast."""
    x = day / days
    return max(10, int(420_000 * (0.15 * x + 0.85 * x**1.3)))


def _round(n: int, rnd: random.Random) -> int:
    r = rnd.random()
    if r < 0.55:
        return n  # an exact count: 387,118
    if r < 0.85:
        return max(10, round(n, -2))
    return max(10, round(n, -3))


def _state(n: int, rnd: random.Random) -> object:
    """How one claim states the figure ``n``: mostly exact, sometimes a bound or a word."""
    r = rnd.random()
    if r < 0.45:
        return n
    if r < 0.62:
        return str(n)
    if r < 0.66:
        return f"{n:,}"
    if r < 0.73:
        return f"at least {n}"
    if r < 0.78:
        return f"more than {n}"
    if r < 0.80:
        return f"{n}+"
    if r < 0.82:
        return rnd.choice((f"au moins {n}", f"plus de {n}"))
    if r < 0.87:
        spread = max(10, int(round(n * (0.02, 0.05, 0.1)[n % 3], -1)))  # one per figure
        return f"{n - spread}-{n + spread}"
    if r < 0.92:
        return rnd.choice((f"~{n}", f"about {n}"))
    if r < 0.94:
        return {"min": n, "max": round(n * 1.1)}
    if r < 0.97:
        for limit, words in VAGUE_BY_SIZE:
            if n < limit:
                return rnd.choice(words)
    return n


def one_group(out: Path, claims: int, seed: int = 1, statements: int = 120) -> dict[str, int]:
    """Write a store of ``claims`` claims on one subject and one cumulative property."""
    rnd = random.Random(seed)
    with_part_of = part_of_supported()
    war_days = (dt.date(2024, 12, 31) - SUBJECT_START).days

    outlets = []
    for oid, name, kind, owner, affiliation, _ in OUTLETS:
        row: dict[str, Any] = {"id": oid, "name": name, "kind": kind}
        if owner:
            row["owner"] = owner
        if affiliation:
            row["affiliation"] = affiliation
        outlets.append(row)
    parties = []
    for pid, name, kind, side, part_of, anonymous, _, _ in PARTIES:
        row = {"id": pid, "name": name, "kind": kind}
        if side:
            row["side"] = side
        if part_of and with_part_of:
            row["part_of"] = part_of
        if anonymous and kind != "anonymous":
            row["anonymous"] = True
        parties.append(row)
    # A party whose side is not on the subject would be no help here: both sides are.
    subjects = [
        {
            "id": "war",
            "label": "The civil war",
            "kind": "event",
            "date": f"{SUBJECT_START.isoformat()}/{SUBJECT_END}",
            "sides": ["gov", "rebels"],
        }
    ]
    properties = [
        {
            "id": "deaths",
            "type": "quantity",
            "unit": "people",
            "cumulative": True,
            "label": "people killed since the war began",
        }
    ]

    # The statements: on 120 dates, a neutral count and each camp's version of it.
    days = sorted(rnd.sample(range(20, war_days), statements))
    figures: list[dict[str, int]] = []
    for day in days:
        base = _toll(day, war_days)
        figures.append(
            {
                lean: _round(int(base * factor * rnd.uniform(0.97, 1.03)), rnd)
                for lean, factor in LEAN.items()
            }
        )

    # Documents: one every few claims, spread over the war; some relay an earlier one.
    n_docs = max(60, claims // 3)
    weights = [o[5] for o in OUTLETS]
    doc_days = sorted(rnd.randrange(days[0], war_days) for _ in range(n_docs))
    documents: list[dict[str, Any]] = []
    doc_outlet: list[int] = []
    for i, day in enumerate(doc_days):
        o = rnd.choices(range(len(OUTLETS)), weights)[0]
        published = SUBJECT_START + dt.timedelta(days=day)
        doc: dict[str, Any] = {
            "id": f"doc{i}",
            "outlet": OUTLETS[o][0],
            "title": f"{OUTLETS[o][1]}: the toll of the war, day {day}",
            "published": published.isoformat(),
            "retrieved": (published + dt.timedelta(days=rnd.randint(0, 400))).isoformat(),
            "language": rnd.choice(("en", "en", "fr", "ar")),
            "kind": "article",
        }
        if i > 10 and rnd.random() < 0.12:
            cited = rnd.randrange(max(0, i - 50), i)  # a recent earlier report
            if doc_outlet[cited] != o:
                doc["cites"] = [f"doc{cited}"]
        documents.append(doc)
        doc_outlet.append(o)

    claimant_weights = [p[7] for p in PARTIES]
    records: list[dict[str, Any]] = []
    for i in range(claims):
        d = rnd.randrange(n_docs)
        day = doc_days[d]
        # the latest statement by then, or one a little older (slow relays)
        k = max(0, bisect.bisect_right(days, day) - 1 - (rnd.random() < 0.25) * rnd.randint(1, 3))
        rec: dict[str, Any] = {
            "id": f"c{i}",
            "subject": "war",
            "property": "deaths",
            "source": f"doc{d}",
        }
        if rnd.random() < 0.65:
            p = rnd.choices(range(len(PARTIES)), claimant_weights)[0]
            party = PARTIES[p]
            rec["claimant"] = party[0]
            lean = party[6]
        else:  # the outlet's own reporting, leaning like its affiliation
            lean = SIDE_OF.get(OUTLETS[doc_outlet[d]][4] or "", "neutral")
            if rnd.random() < 0.15:  # own reporting may pick another camp's figure
                lean = rnd.choice(tuple(LEAN))
        n = figures[k][lean]
        if rnd.random() < 0.02:  # a misprint of the statement, copied wherever it is copied
            n = round(n * (0.5, 0.8, 1.2, 2.0)[k % 4])
        value = _state(n, rnd)
        rec["value"] = value
        if days[k] < day and rnd.random() < 0.35:
            rec["as_of"] = (SUBJECT_START + dt.timedelta(days=days[k])).isoformat()
        if "claimant" in rec and rnd.random() < 0.3:
            # the statement's own words: one statement, one quote, whoever relays it
            rec["quote"] = (
                f"{PARTIES[p][1]}: {figures[k][lean]:,} people have been killed since "
                f"the war began ({SUBJECT_START + dt.timedelta(days=days[k])})"
            )
        if rnd.random() < 0.01:
            rec["stance"] = "denies"
        r = rnd.random()
        if r < 0.005:
            rec["status"] = "retracted"
        elif r < 0.015:
            rec["status"] = "superseded"
        records.append(rec)
    _write(
        out,
        {
            "outlets": outlets,
            "documents": documents,
            "parties": parties,
            "subjects": subjects,
            "properties": properties,
        },
        records,
    )
    distinct = {json.dumps(r["value"]) for r in records}
    return {
        "claims": claims,
        "groups": 1,
        "documents": n_docs,
        "outlets": len(outlets),
        "parties": len(parties),
        "statements": statements,
        "distinct_values": len(distinct),
        "part_of": int(with_part_of),
    }


# --------------------------------------------------------------------------- daily toll


def daily_toll(out: Path, days: int, outlets: int = 4, seed: int = 1) -> dict[str, int]:
    """Write ``outlets`` outlets' running tolls of one war, reported every day for ``days``."""
    rnd = random.Random(seed)
    with_part_of = part_of_supported()
    start = dt.date(1990, 1, 1)
    outlet_rows = [
        {"id": f"o{i}", "name": f"Daily {i}", "kind": "newspaper"}
        | ({"owner": "press-group"} if i in (0, 1) else {})
        for i in range(outlets)
    ]
    parties = [
        {"id": "gov", "name": "The government", "kind": "state", "side": "gov"},
        {"id": "health", "name": "Ministry of Health", "kind": "state", "side": "gov"}
        | ({"part_of": "gov"} if with_part_of else {}),
        {"id": "rebels", "name": "The rebels", "kind": "armed-group", "side": "rebels"},
        {"id": "ocha", "name": "UN OCHA", "kind": "un"},
    ]
    # who each outlet quotes: the ministry twice (one origin), the UN, its own voice
    voices = ["health", "ocha", None, "health"]
    subjects = [
        {
            "id": "siege",
            "label": "The long siege",
            "kind": "event",
            "date": f"{start.isoformat()}/{SUBJECT_END}",
            "sides": ["gov", "rebels"],
        }
    ]
    properties = [{"id": "deaths", "type": "quantity", "unit": "people", "cumulative": True}]

    true = 0
    truth: list[int] = []
    for _ in range(days):
        true += rnd.randint(0, 60)
        truth.append(true)
    documents: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    last = [0] * outlets
    disagree = [0] * outlets  # days left of an outlet's own higher count
    for day in range(days):
        date = start + dt.timedelta(days=day)
        for o in range(outlets):
            lag = o % 2  # two outlets run a day behind
            n = truth[max(0, day - lag)]
            if disagree[o]:
                disagree[o] -= 1
                n = round(n * 1.08)
            elif rnd.random() < 0.002:
                disagree[o] = rnd.randint(3, 20)
            if rnd.random() < 0.01 and last[o] > 20:
                n = last[o] - rnd.randint(1, 20)  # a downward revision
            else:
                n = max(n, last[o]) if rnd.random() < 0.98 else n
            last[o] = n
            doc_id = f"o{o}-{day}"
            published = date + dt.timedelta(days=rnd.choice((0, 0, 0, 1)))
            documents.append(
                {
                    "id": doc_id,
                    "outlet": f"o{o}",
                    "published": published.isoformat(),
                    "retrieved": (published + dt.timedelta(days=1)).isoformat(),
                    "title": f"Day {day + 1} of the siege",
                }
            )
            rec: dict[str, Any] = {
                "id": f"c{o}-{day}",
                "subject": "siege",
                "property": "deaths",
                "value": n if rnd.random() < 0.96 else f"at least {n}",
                "source": doc_id,
                "as_of": date.isoformat(),
            }
            voice = voices[o % len(voices)]
            if voice:
                rec["claimant"] = voice
            records.append(rec)
    _write(
        out,
        {
            "outlets": outlet_rows,
            "documents": documents,
            "parties": parties,
            "subjects": subjects,
            "properties": properties,
        },
        records,
    )
    return {
        "claims": len(records),
        "groups": 1,
        "days": days,
        "outlets": outlets,
        "documents": len(documents),
        "part_of": int(with_part_of),
    }


def many_voices(out: Path, claims: int, seed: int = 1, second: int = 0) -> dict[str, int]:
    """Write ``claims`` claims of one group, each from an origin of its own with a figure
    no other gives; then ``second`` of the quoted parties give a second figure, their
    first one's number plus 7 (or, for a range or a bound, one far from it)."""
    rnd = random.Random(seed)
    half = claims // 2
    outlets = [{"id": f"v{i}", "name": f"Voice {i}", "kind": "newspaper"} for i in range(half)]
    outlets.append({"id": "wire", "name": "The Wire", "kind": "wire"})
    sides = (None, None, "gov", "rebels")
    parties = [
        {"id": f"p{i}", "name": f"Party {i}", "kind": "ngo" if side is None else "state"}
        | ({"side": side} if side else {})
        | ({"anonymous": True} if i % 7 == 0 else {})
        for i in range(claims - half)
        for side in (sides[i % 4],)
    ]
    documents = [{"id": f"d{i}", "outlet": f"v{i}", "published": "2024-05-02"} for i in range(half)]
    documents.append({"id": "wire-doc", "outlet": "wire", "published": "2024-05-02"})
    rows: list[dict[str, Any]] = []
    for i in range(claims):
        n = 100 + 3 * i
        kind = rnd.random()
        value: object = n
        if kind < 0.1:
            value = f"{n}-{n + 2}"
        elif kind < 0.15:
            value = f"at least {n}"
        elif kind < 0.18:
            value = f"fewer than {n}"
        rec: dict[str, Any] = {"id": f"c{i}", "subject": "siege", "property": "killed"}
        rec["value"] = value
        if i < half:
            rec["source"] = f"d{i}"
        else:
            rec |= {"source": "wire-doc", "claimant": f"p{i - half}"}
        if kind > 0.98:
            rec["stance"] = "denies"
        rows.append(rec)
    quoted = [r for r in rows if "claimant" in r and r.get("stance") != "denies"]
    for k, rec in enumerate(rnd.sample(quoted, min(second, len(quoted)))):
        n = rec["value"] if isinstance(rec["value"], int) else 500 + k
        rows.append(rec | {"id": f"x{k}", "value": n + 7})
    sections = {
        "outlets": outlets,
        "documents": documents,
        "parties": parties,
        "subjects": [
            {
                "id": "siege",
                "label": "The siege",
                "date": "2024-04-01/2024-04-30",
                "sides": ["gov", "rebels"],
            }
        ],
        "properties": [{"id": "killed", "type": "quantity"}],
    }
    _write(out, sections, rows)
    return {"claims": len(rows), "origins": len(outlets) + len(parties)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("shape", choices=("one-group", "daily", "many-voices"))
    parser.add_argument("--claims", type=int, default=5_000, help="one-group: claims")
    parser.add_argument("--days", type=int, default=1_000, help="daily: days reported")
    parser.add_argument("--outlets", type=int, default=4, help="daily: outlets reporting")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--second-figures", type=int, default=0, help="many-voices: parties giving two figures"
    )
    args = parser.parse_args()
    if args.shape == "one-group":
        print(one_group(args.out, args.claims, args.seed))
    elif args.shape == "many-voices":
        print(many_voices(args.out, args.claims, args.seed, args.second_figures))
    else:
        print(daily_toll(args.out, args.days, args.outlets, args.seed))


if __name__ == "__main__":
    main()
