"""Score `claimcheck extract` against the desk's independent gold corpus.

    python benchmarks/extract_desk.py               # table, field scores, every error
    python benchmarks/extract_desk.py --json        # the same, machine-readable
    python benchmarks/extract_desk.py 03 08         # only articles whose name starts so
    python benchmarks/extract_desk.py --brief       # tables and summary, no error lists

The corpus is tests/extract_desk/: twelve invented news articles (six English, six
French) about invented events in an invented country, a store that describes them
(tests/extract_desk/store) and, per article, a gold file of the claims a careful desk
editor would record, plus the figures in the text that must not be proposed
(tests/extract_desk/README.md states the conventions).

Only the command line is run (`python -m claimcheck extract ARTICLE --outlet O
--published D --store STORE --format json`); nothing of claimcheck is imported.

Matching. A proposed claim matches a gold claim when it quotes the same sentence (the
gold's `in` snippet lies inside the proposal's quote, or the other way round) and gives
the same figure (its number, or its vague word: "dozens", "une vingtaine"; "no",
"aucun" and "zero" are 0). Among several candidates, the pairing that agrees on most
fields wins. A matched claim is then judged field by field:

  value     right when its text is the gold's (case, spaces and quotes aside; a noun
            after the figure allowed), wrong when a qualifier was lost or added
  property  right / empty / wrong
  claimant  a null claimant with nothing left to fill is the outlet's own voice (the
            document's outlet); an id not in the store is a placeholder: empty
  subject   empty when null or not in the store
  as_of     a null as_of with nothing left to fill is the publication date (the
            default); right when equal to a gold date, or inside a gold month or year
  stance    judged only where gold or the proposal says `denies`

Where gold is null, an empty field is right ("honestly empty"). A whole claim is right
when every field is right. Gold claims marked `optional` (a headline repeating the lead,
a rhetorical denial) are neither required nor, when proposed, false.

To score another checkout of claimcheck (say HEAD, unpacked with `git archive`), put
it first on PYTHONPATH: the tool is run from the corpus folder, not the repository.

Exit status: 0 whatever the scores; 2 when `claimcheck extract` fails on an article
(non-zero exit or output that is not JSON).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extract_desk"
FIELDS = ("value", "property", "claimant", "subject", "as_of")

# --- text normalisation ---------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
    }
)


def norm(text: object) -> str:
    """Compare text: NFC, lower case, one kind of quote, single spaces."""
    s = unicodedata.normalize("NFC", str(text)).translate(_QUOTES).lower()
    return " ".join(s.split()).strip()


def norm_sentence(text: object) -> str:
    """For locating a sentence: no quote marks at all."""
    return " ".join(norm(text).replace('"', " ").split())


def norm_value(text: object) -> str:
    return norm(text).strip(" \"'.,;:")


_WORDS = {
    # English
    "zero": 0,
    "no": 0,
    "none": 0,
    "nil": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "thousand": 1000,
    # French
    "aucun": 0,
    "aucune": 0,
    "nul": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "mille": 1000,
}
_VAGUE = {
    "dozen": "dozen",
    "dozens": "dozens",
    "several": "several",
    "scores": "scores",
    "hundreds": "hundreds",
    "thousands": "thousands",
    "plusieurs": "several",
    "dizaine": "dizaine",
    "dizaines": "dizaines",
    "quinzaine": "quinzaine",
    "vingtaine": "vingtaine",
    "trentaine": "trentaine",
    "quarantaine": "quarantaine",
    "cinquantaine": "cinquantaine",
    "soixantaine": "soixantaine",
    "centaine": "centaine",
    "centaines": "centaines",
    "milliers": "thousands",
}
_NUMBER = re.compile(r"\d[\d\s,.]*\d|\d")
_SCALE = {"million": 1e6, "millions": 1e6, "billion": 1e9, "milliard": 1e9, "milliards": 1e9}


def core(value: object) -> str | None:
    """The figure a value states, as a comparable key (a number or a vague word)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _num_key(float(value))
    s = norm_value(value)
    m = _NUMBER.search(s)
    if m:
        raw = m.group(0)
        digits = re.sub(r"[\s,]", "", raw)
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):  # 1.200 (French thousands)
            digits = digits.replace(".", "")
        try:
            number = float(digits)
        except ValueError:
            return raw
        rest = s[m.end() :].split()
        if rest and rest[0] in _SCALE:
            number *= _SCALE[rest[0]]
        return _num_key(number)
    tokens = re.findall(r"[\w'-]+", s)
    for tok in tokens:
        if tok in _VAGUE:
            return _VAGUE[tok]
    for tok in tokens:
        tok = tok.split("'")[-1]
        if tok in _WORDS:
            return _num_key(float(_WORDS[tok]))
        compound = _compound(tok)
        if compound is not None:
            return _num_key(compound)
    return s or None


def _compound(token: str) -> float | None:
    """A hyphenated number word ("vingt-sept", "quatre-vingt-dix", "twenty-one")."""
    parts = [p for p in token.split("-") if p != "et"]
    if len(parts) < 2 or not all(p in _WORDS for p in parts):
        return None
    total = 0.0
    for part in parts:
        n = float(_WORDS[part])
        # "quatre-vingt": a smaller number before vingt or cent multiplies it.
        total = total * n if 0 < total < n and n in (20.0, 100.0) else total + n
    return total


def _num_key(x: float) -> str:
    return str(int(x)) if x == int(x) else repr(x)


# --- gold and store -------------------------------------------------------------------


def load_yaml(path: Path):
    return YAML(typ="safe", pure=False).load(path.read_text(encoding="utf-8"))


def store_ids(store: Path) -> dict[str, set[str]]:
    """The ids of the store's parties, outlets and subjects (read as plain YAML)."""
    ids: dict[str, set[str]] = {"parties": set(), "outlets": set(), "subjects": set()}
    for path in sorted(store.rglob("*.yaml")):
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            continue
        for section in ids:
            for rec in data.get(section) or []:
                if isinstance(rec, dict) and "id" in rec:
                    ids[section].add(unicodedata.normalize("NFC", str(rec["id"])))
    return ids


def as_list(x) -> list:
    if x is None:
        return [None]
    return [str(v) if v is not None else None for v in x] if isinstance(x, list) else [str(x)]


# --- running the tool -----------------------------------------------------------------


def run_extract(article: Path, outlet: str, published: str, store: Path) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "claimcheck",
        "extract",
        str(article),
        "--outlet",
        outlet,
        "--published",
        published,
        "--store",
        str(store),
        "--format",
        "json",
        "--quiet",
    ]
    # Run outside the repository so that PYTHONPATH can point at another checkout.
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=CORPUS, timeout=300)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-4:])
        return {"error": f"exit {proc.returncode}: {tail}"}
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return {"error": f"output is not JSON ({exc}): {proc.stdout[:500]}"}


# --- judging --------------------------------------------------------------------------


def same_sentence(snippet: str, quote: str) -> bool:
    a, b = norm_sentence(snippet), norm_sentence(quote)
    return bool(a) and bool(b) and (a in b or b in a)


def judge(gold: dict, prop: dict, doc: dict, ids: dict[str, set[str]]) -> dict[str, str]:
    """right / empty / wrong for each field of a matched pair."""
    verdict: dict[str, str] = {}
    gv, pv = norm_value(gold["value"]), norm_value(prop.get("value"))
    bare = all(t in _WORDS or t.replace(",", "").replace(" ", "").isdigit() for t in gv.split())
    same = pv == gv or pv.startswith(gv + " ")
    # a plain number for a plain figure ("no" -> 0, "five" -> 5) loses nothing
    same = same or (isinstance(prop.get("value"), (int, float)) and bare)
    verdict["value"] = "right" if same else "wrong"

    outlet, fill = doc["outlet"], prop.get("fill") or {}

    def field(name: str, got, known: set[str] | None) -> str:
        want = as_list(gold.get(name))
        if got is None or (known is not None and got not in known):
            return "right" if None in want else "empty"
        return "right" if got in want else "wrong"

    verdict["property"] = field("property", prop.get("property"), None)

    claimant = prop.get("claimant")
    if claimant is None and "claimant" not in fill:
        claimant = outlet  # the outlet's own voice: the default claimant
    known_claimants = ids["parties"] | ids["outlets"] | {outlet}
    verdict["claimant"] = field("claimant", claimant, known_claimants)
    verdict["subject"] = field("subject", prop.get("subject"), ids["subjects"])

    got = prop.get("as_of")
    if got is None and "as_of" not in fill:
        got = doc["published"]  # the default: the document's publication date
    want = [w for w in as_list(gold.get("as_of")) if w]
    if got is None:
        verdict["as_of"] = "empty" if want else "right"
    else:
        got = str(got)
        ok = any(got == w or (len(w) < 10 and got.startswith(w)) for w in want)
        verdict["as_of"] = "right" if ok else "wrong"

    gs, ps = gold.get("stance", "asserts"), prop.get("stance") or "asserts"
    if gs != "asserts" or ps != "asserts":
        verdict["stance"] = "right" if gs == ps else "wrong"
    return verdict


def score_article(gold_doc: dict, result: dict, ids: dict, text: str) -> dict:
    outlet, published = str(gold_doc["outlet"]), str(gold_doc["published"])
    golds = gold_doc.get("claims") or []
    nots = gold_doc.get("not_claims") or []
    props = result.get("claims") or []

    # gold sanity: every snippet must be in the article
    corpus_errors = [
        f"gold snippet not in the article: {g['in']!r}"
        for g in golds + nots
        if norm_sentence(g["in"]) not in norm_sentence(text)
    ]

    # candidate pairs (gold index, proposal index, agreement)
    pairs = []
    for gi, g in enumerate(golds):
        gk = core(g["value"])
        for pi, p in enumerate(props):
            if core(p.get("value")) != gk or not same_sentence(g["in"], p.get("quote") or ""):
                continue
            v = judge(g, p, {"outlet": outlet, "published": published}, ids)
            agree = sum(1 for x in v.values() if x == "right")
            pairs.append((-agree, g.get("optional", False), gi, pi, v))
    pairs.sort(key=lambda t: (t[0], t[1], t[2], t[3]))
    gold_used: dict[int, tuple[int, dict]] = {}
    prop_used: set[int] = set()
    for _, _, gi, pi, v in pairs:
        if gi in gold_used or pi in prop_used:
            continue
        gold_used[gi] = (pi, v)
        prop_used.add(pi)

    matched, misses, false = [], [], []
    for gi, g in enumerate(golds):
        if gi in gold_used:
            pi, v = gold_used[gi]
            p = props[pi]
            matched.append(
                {
                    "gold": _brief_gold(g),
                    "proposed": _brief_prop(p, outlet, published),
                    "fields": v,
                    "whole": all(x == "right" for x in v.values()),
                    "optional": bool(g.get("optional")),
                    "locator": p.get("locator"),
                }
            )
        elif not g.get("optional"):
            misses.append(_brief_gold(g))
    for pi, p in enumerate(props):
        if pi in prop_used:
            continue
        kind = "other"
        key, quote = core(p.get("value")), p.get("quote") or ""
        for n in nots:
            if core(n["value"]) == key and same_sentence(n["in"], quote):
                kind = "not_claim: " + str(n.get("why", ""))
                break
        else:
            if any(core(g["value"]) == key and same_sentence(g["in"], quote) for g in golds):
                kind = "duplicate of a matched figure"
        false.append(
            {**_brief_prop(p, outlet, published), "kind": kind, "locator": p.get("locator")}
        )

    return {
        "outlet": outlet,
        "published": str(gold_doc["published"]),
        "gold": sum(1 for g in golds if not g.get("optional")),
        "proposed": len(props),
        "matched": matched,
        "misses": misses,
        "false": false,
        "corpus_errors": corpus_errors,
        "skipped": result.get("skipped") or [],
    }


def _brief_gold(g: dict) -> dict:
    out = {k: g.get(k) for k in ("value", "in", "property", "claimant", "subject", "as_of")}
    if g.get("stance"):
        out["stance"] = g["stance"]
    if g.get("why"):
        out["why"] = g["why"]
    return out


def _brief_prop(p: dict, outlet: str, published: str) -> dict:
    """A proposal, its defaults shown in parentheses: (outlet), (published date)."""
    fill = p.get("fill") or {}
    claimant, as_of = p.get("claimant"), p.get("as_of")
    if claimant is None and "claimant" not in fill:
        claimant = f"({outlet})"
    if as_of is None and "as_of" not in fill:
        as_of = f"({published})"
    return {
        "value": p.get("value"),
        "property": p.get("property"),
        "claimant": claimant,
        "subject": p.get("subject"),
        "as_of": as_of,
        "stance": p.get("stance") or "asserts",
        "quote": p.get("quote"),
    }


# --- totals and printing --------------------------------------------------------------


def totals(articles: dict[str, dict]) -> dict:
    fields = {f: {"right": 0, "empty": 0, "wrong": 0} for f in (*FIELDS, "stance")}
    gold = matched_req = whole_req = proposed = scored = whole_scored = false_n = 0
    not_claim_n = optional_matched = safe_scored = 0
    crashed = 0
    for a in articles.values():
        gold += a["gold"]  # a crashed article's gold counts as missed
        if "error" in a:
            crashed += 1
            continue
        proposed += a["proposed"]
        false_n += len(a["false"])
        not_claim_n += sum(1 for f in a["false"] if f["kind"].startswith("not_claim"))
        for m in a["matched"]:
            for f, v in m["fields"].items():
                fields[f][v] += 1
            if m["optional"]:
                optional_matched += 1
                continue
            matched_req += 1
            whole_req += m["whole"]
        scored += a["proposed"] - sum(1 for m in a["matched"] if m["optional"])
        whole_scored += sum(1 for m in a["matched"] if m["whole"] and not m["optional"])
        safe_scored += sum(
            1 for m in a["matched"] if not m["optional"] and "wrong" not in m["fields"].values()
        )
    ratio = lambda n, d: round(n / d, 3) if d else None  # noqa: E731
    return {
        "crashed_articles": crashed,
        "gold_claims": gold,
        "proposed": proposed,
        "proposals_scored": scored,
        "matched_gold": matched_req,
        "matched_optional": optional_matched,
        "whole_right": whole_req,
        "false_proposals": false_n,
        "false_not_claims": not_claim_n,
        "recall_figures": ratio(matched_req, gold),
        "recall_whole": ratio(whole_req, gold),
        "precision_figures": ratio(matched_req, scored),
        "precision_whole": ratio(whole_scored, scored),
        # proposals with no wrong field: every field right or left empty for a person
        "precision_no_wrong_field": ratio(safe_scored, scored),
        "fields": fields,
    }


def print_report(articles: dict[str, dict], tot: dict, brief: bool) -> None:
    from tabulate import tabulate

    rows = []
    for name, a in articles.items():
        if "error" in a:
            rows.append([name, a["gold"], "CRASH", 0, 0, a["gold"], "", ""])
            continue
        req = [m for m in a["matched"] if not m["optional"]]
        rows.append(
            [
                name,
                a["gold"],
                a["proposed"],
                len(req),
                sum(m["whole"] for m in req),
                len(a["misses"]),
                len(a["false"]),
                sum(1 for f in a["false"] if f["kind"].startswith("not_claim")),
            ]
        )
    print(
        tabulate(
            rows,
            headers=[
                "article",
                "gold",
                "proposed",
                "found",
                "all right",
                "missed",
                "false",
                "of which not_claims",
            ],
        )
    )
    print()
    frows = []
    for f, c in tot["fields"].items():
        n = sum(c.values())
        if n:
            frows.append([f, c["right"], c["empty"], c["wrong"], f"{c['right'] / n:.0%}"])
    print("Fields of matched claims (required and optional):")
    print(tabulate(frows, headers=["field", "right", "empty", "wrong", "right %"]))

    if not brief:
        for name, a in articles.items():
            if "error" in a:
                print(f"\n== {name}: CRASH: {a['error']}")
                continue
            lines = []
            for e in a["corpus_errors"]:
                lines.append(f"  GOLD ERROR  {e}")
            for m in a["matched"]:
                if m["whole"]:
                    continue
                g, p = m["gold"], m["proposed"]
                bad = [
                    f"{f} {v}: got {p.get(f)!r}, want {g.get(f, 'asserts')!r}"
                    for f, v in m["fields"].items()
                    if v != "right"
                ]
                tag = " (optional)" if m["optional"] else ""
                lines.append(f"  FIELD  {g['value']!r}{tag} «{_short(g['in'])}»: " + "; ".join(bad))
            for g in a["misses"]:
                lines.append(
                    f"  MISSED {g['value']!r} {g['property']} by {g['claimant']} "
                    f"«{_short(g['in'])}»"
                )
            for f in a["false"]:
                lines.append(
                    f"  FALSE  {f['value']!r} {f['property']} by {f['claimant']} "
                    f"[{f['kind']}] «{_short(f['quote'] or '')}»"
                )
            if lines:
                print(f"\n== {name} ({a['outlet']}, {a['published']})")
                print("\n".join(lines))
    print()
    print(
        f"SUMMARY: {len(articles)} articles ({tot['crashed_articles']} crashed); "
        f"gold {tot['gold_claims']} claims; "
        f"proposed {tot['proposed']} ({tot['matched_optional']} matched optional gold); "
        f"recall of figures {tot['recall_figures']}, of whole claims {tot['recall_whole']}; "
        f"precision of figures {tot['precision_figures']}, of whole claims "
        f"{tot['precision_whole']} (no field wrong, empties allowed: "
        f"{tot['precision_no_wrong_field']}); false proposals {tot['false_proposals']} "
        f"({tot['false_not_claims']} on not_claims)"
    )


def _short(s: str, n: int = 70) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("only", nargs="*", help="article name prefixes (default: all)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--brief", action="store_true", help="no per-claim error lists")
    args = ap.parse_args(argv)
    # The tool runs from inside the corpus folder, so every path handed to it is absolute.
    args.corpus = args.corpus.resolve()

    store = args.corpus / "store"
    ids = store_ids(store)
    golds = sorted((args.corpus / "gold").glob("*.yaml"))
    if args.only:
        golds = [g for g in golds if any(g.stem.startswith(o) for o in args.only)]

    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for gpath in golds:
            try:
                doc = load_yaml(gpath)
            except Exception as exc:  # a broken gold file is the corpus's fault, not the tool's
                print(f"{gpath}: cannot read the gold file: {exc}", file=sys.stderr)
                return 2
            article = args.corpus / "articles" / doc["article"]
            fut = pool.submit(
                run_extract, article, str(doc["outlet"]), str(doc["published"]), store
            )
            jobs[gpath.stem] = (doc, article, fut)

        articles: dict[str, dict] = {}
        crashed = False
        for name, (doc, article, fut) in jobs.items():
            result = fut.result()
            if "error" in result:
                crashed = True
                n = sum(1 for g in doc.get("claims") or [] if not g.get("optional"))
                articles[name] = {"error": result["error"], "gold": n}
                continue
            text = article.read_text(encoding="utf-8")
            articles[name] = score_article(doc, result, ids, text)

    tot = totals(articles)
    if args.json:
        print(
            json.dumps(
                {"summary": tot, "articles": articles}, ensure_ascii=False, indent=2, default=str
            )
        )
    else:
        print_report(articles, tot, args.brief)
    return 2 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
