"""Properties of the judgement model (DESIGN §2 "Support, conflict, growth", §4), on
random groups of claims about one invented event: the raid on Tobrin, in which
Korvalia's army and the Velmar Liberation Front accuse each other.

Each origin says one figure (relayed by one or two outlets), so that no origin
contradicts itself and every disagreement is between origins.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from claimcheck.analysis.evidence import StoreEvidence
from claimcheck.analysis.in_print import REVISED_IN_PRINT, WITHDRAWN_IN_PRINT
from claimcheck.engine import check
from claimcheck.store import load_store

WORLD = """\
outlets:
  - {id: o0, name: Tobrin Observer, kind: newspaper}
  - {id: o1, name: Velmar Gazette, kind: newspaper}
  - {id: o2, name: Southern Wire, kind: wire}
  - {id: o3, name: Channel Nine Korvalia, kind: broadcaster}
  - {id: o4, name: Border Monitor, kind: magazine}
  - {id: o5, name: Lakeside Radio, kind: broadcaster}
  - {id: r0, name: Relay Daily, kind: newspaper}
  - {id: r1, name: Relay Radio, kind: broadcaster}
  - {id: fresh, name: Fresh Eyes Weekly, kind: newspaper}
documents:
  - {id: fresh-doc, outlet: fresh, published: 2031-03-06}
parties:
  - {id: army, name: Korvalian Army, kind: army, side: korvalia-government}
  - {id: vlf, name: Velmar Liberation Front, kind: armed-group, side: vlf}
  - {id: ngo, name: Watchlight Rights, kind: ngo}
  - {id: medics, name: Medical sources in Tobrin, kind: medical, anonymous: true}
  - {id: intel, name: Tessaly's intelligence service, kind: state, side: tessaly}
subjects:
  - {id: raid, label: Raid on Tobrin, date: 2031-03-04, sides: [korvalia-government, vlf]}
properties:
  - {id: wounded, type: quantity}
  - {id: killed, type: quantity, cumulative: true}
"""

#: Who may speak: outlets in their own voice, and parties quoted by relaying outlets.
ORIGINS = (
    *(f"own:o{i}" for i in range(6)),
    *("army", "vlf", "ngo", "medics", "intel"),
)

#: Figures as sources write them, each reading differently from the others.
FIGURES = (
    "3",
    "12",
    "20",
    "40",
    "12+",
    ">12",
    "<12",
    "<=5",
    "at least 8",
    "10-14",
    "20-30",
    ">25",
)

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def claim_rows(said: list[tuple[str, str, int]]) -> tuple[list[str], list[str]]:
    """Documents and claims for (origin, figure, relays) triples: one document each."""
    docs: list[str] = []
    rows: list[str] = []
    for i, (origin, figure, relays) in enumerate(said):
        for k in range(relays):
            cid = f"c{i}-{k}"
            if origin.startswith("own:"):
                outlet, claimant = origin[4:], ""
            else:
                outlet, claimant = f"r{k}", f", claimant: {origin}"
            docs.append(f"  - {{id: d-{cid}, outlet: {outlet}, published: 2031-03-05}}\n")
            rows.append(
                f"  - {{id: {cid}, subject: raid, property: wounded, value: '{figure}', "
                f"source: d-{cid}{claimant}}}\n"
            )
    return docs, rows


def write(root: Path, docs: list[str], rows: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "world.yaml").write_text(WORLD, encoding="utf-8")
    text = "documents:\n" + "".join(docs) if docs else ""
    text += "claims:\n" + "".join(rows)
    (root / "claims.yaml").write_text(text, encoding="utf-8")
    return root


def judge(root: Path) -> dict[str, Any]:
    return check(load_store(root)).as_dict()


def cc101(data: dict[str, Any]) -> set[str]:
    return {f["fingerprint"] for f in data["findings"] if f["rule"] == "CC101"}


def the_estimate(data: dict[str, Any]) -> dict[str, Any] | None:
    found = [e for e in data["estimates"] if (e["subject"], e["property"]) == ("raid", "wounded")]
    return found[0] if found else None


said_strategy = st.lists(
    st.tuples(st.sampled_from(ORIGINS), st.sampled_from(FIGURES), st.integers(1, 2)),
    min_size=2,
    max_size=5,
    unique_by=lambda t: t[0],
)


# --- new support keeps the conflicts as they were -----------------------------------------


@SETTINGS
@given(said=said_strategy, pick=st.integers(0, 4))
def test_a_new_outlet_repeating_a_figure_leaves_the_conflict_fingerprints(
    tmp_path_factory: Any, said: list[tuple[str, str, int]], pick: int
) -> None:
    """A new, independent outlet giving a figure already reported adds evidence, not a
    disagreement: every conflict keeps its fingerprint, so every review of one stands."""
    docs, rows = claim_rows(said)
    root = write(tmp_path_factory.mktemp("agree"), docs, rows)
    before = cc101(judge(root))
    figure = said[pick % len(said)][1]
    rows.append(
        f"  - {{id: fresh-claim, subject: raid, property: wounded, value: '{figure}', "
        "source: fresh-doc}\n"
    )
    write(root, docs, rows)
    assert cc101(judge(root)) == before


# --- support is consistent with conflict ---------------------------------------------------

#: An interval of the real line: (low, low open, high, high open).
Interval = tuple[float, bool, float, bool]


def interval(figure: str) -> Interval:
    if m := re.fullmatch(r"(\d+)", figure):
        n = float(m[1])
        return (n, False, n, False)
    if m := re.fullmatch(r"(\d+)\+", figure):
        return (float(m[1]), False, math.inf, True)
    if m := re.fullmatch(r">(\d+)", figure):
        return (float(m[1]), True, math.inf, True)
    if m := re.fullmatch(r"<(\d+)", figure):
        return (0.0, False, float(m[1]), True)
    if m := re.fullmatch(r"(\d+)-(\d+)", figure):
        return (float(m[1]), False, float(m[2]), False)
    raise AssertionError(figure)


def meet(a: Interval, b: Interval) -> Interval:
    (al, alo, ah, aho), (bl, blo, bh, bho) = a, b
    low, low_open = max((al, alo), (bl, blo))
    high, high_open = min((ah, not aho), (bh, not bho))
    return (low, low_open, high, not high_open)


def real_points(i: Interval) -> bool:
    low, low_open, high, high_open = i
    return low < high or (low == high and not low_open and not high_open)


def whole_points(i: Interval) -> bool:
    low, low_open, high, high_open = i
    first = math.floor(low) + 1 if low_open else math.ceil(low)
    if high == math.inf:
        return True
    last = math.ceil(high) - 1 if high_open else math.floor(high)
    return first <= last


def within(a: Interval, b: Interval) -> bool:
    """Whether every value ``a`` allows ``b`` allows too: ``a`` supports ``b``."""
    (al, alo, ah, aho), (bl, blo, bh, bho) = a, b
    low_ok = al > bl or (al == bl and (alo or not blo))
    high_ok = ah < bh or (ah == bh and (aho or not bho))
    return low_ok and high_ok


def figure_strategy() -> st.SearchStrategy[str]:
    n = st.integers(0, 30)
    return st.one_of(
        n.map(str),
        n.map(lambda x: f"{x}+"),
        n.map(lambda x: f">{x}"),
        st.integers(1, 30).map(lambda x: f"<{x}"),
        st.tuples(n, n).filter(lambda t: t[0] < t[1]).map(lambda t: f"{t[0]}-{t[1]}"),
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(a=figure_strategy(), b=figure_strategy())
def test_figures_that_support_each_other_never_conflict(
    tmp_path_factory: Any, a: str, b: str
) -> None:
    """Two outlets, each in its own voice. Their figures conflict (CC101) exactly when
    no number satisfies both; when one implies the other (20 implies "at least 10";
    20 does not imply "more than 20"), the implied one is confirmed, never in conflict.
    Counts are whole numbers: pairs that only a fraction could satisfy are left out."""
    ia, ib = interval(a), interval(b)
    both = meet(ia, ib)
    assume(real_points(both) == whole_points(both))
    docs, rows = claim_rows([("own:o0", a, 1), ("own:o1", b, 1)])
    data = judge(write(tmp_path_factory.mktemp("pair"), docs, rows))
    flagged = any(
        {"c0-0", "c1-0"} <= set(f["claims"]) for f in data["findings"] if f["rule"] == "CC101"
    )
    disjoint = not real_points(both)
    assert flagged == disjoint, (a, b, data["findings"])
    grades = {cid: data["grades"][cid]["grade"] for cid in ("c0-0", "c1-0")}
    a_in_b, b_in_a = within(ia, ib), within(ib, ia)
    if disjoint:
        assert grades == {"c0-0": 4, "c1-0": 4}, (a, b, data["grades"])
    if a_in_b:
        assert grades["c1-0"] == 1, (a, b, data["grades"])  # a's outlet corroborates b
    if b_in_a:
        assert grades["c0-0"] == 1, (a, b, data["grades"])
    if a_in_b and not b_in_a:
        assert grades["c0-0"] == 3, (a, b, data["grades"])  # b does not imply a
    if b_in_a and not a_in_b:
        assert grades["c1-0"] == 3, (a, b, data["grades"])
    if not disjoint and not a_in_b and not b_in_a:
        assert grades == {"c0-0": 3, "c1-0": 3}, (a, b, data["grades"])


# --- estimates ----------------------------------------------------------------------------


def stated_numbers(figure: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+", figure)}


@SETTINGS
@given(said=said_strategy)
def test_figures_that_differ_always_get_an_estimate_whose_best_someone_gave(
    tmp_path_factory: Any, said: list[tuple[str, str, int]]
) -> None:
    """Whenever origins give different figures there is an estimate, however contested
    they are, and its best is a number some source stated; it names only real claims."""
    docs, rows = claim_rows(said)
    root = write(tmp_path_factory.mktemp("est"), docs, rows)
    data = judge(root)
    figures = {figure for _, figure, _ in said}
    est = the_estimate(data)
    if len(figures) < 2:
        return
    assert est is not None, (said, data["estimates"], data["grades"])
    numbers = set().union(*(stated_numbers(f) for f in figures))
    assert est["best"] in numbers, (said, est)
    assert (est["high"] is None) == est["high_open"], est
    ids = set(data["grades"])
    for which in ("low", "best", "high"):
        assert set(est["claims"].get(which, [])) <= ids, (which, est)
    assert est["claims"]["best"], est
    if all(re.fullmatch(r"\d+(-\d+)?", f) for f in figures):  # points and ranges only
        assert est["high"] is not None and est["low"] <= est["best"] <= est["high"], (said, est)


@SETTINGS
@given(said=said_strategy, drop=st.integers(0, 9))
def test_removing_a_claim_never_makes_an_estimate_appear(
    tmp_path_factory: Any, said: list[tuple[str, str, int]], drop: int
) -> None:
    """Fewer claims never give an estimate the fuller group did not have."""
    docs, rows = claim_rows(said)
    root = write(tmp_path_factory.mktemp("drop"), docs, rows)
    had = the_estimate(judge(root)) is not None
    i = drop % len(rows)
    write(root, docs, rows[:i] + rows[i + 1 :])
    has = the_estimate(judge(root)) is not None
    assert had or not has, (said, rows[i])


#: A running toll's figures, and the days they are given on (the raid was on the 4th).
TOLLS = ("10", "12", "18", "19", "30", "at least 12", "10-18", "about 20")
DAYS = ("2031-03-05", "2031-03-06", "2031-03-09")

#: An origin's figure of a running toll on a day: several a origin, revised or not.
toll_strategy = st.lists(
    st.tuples(st.sampled_from(ORIGINS), st.sampled_from(TOLLS), st.sampled_from(DAYS)),
    min_size=2,
    max_size=8,
)


def toll_rows(said: list[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """Documents and claims of the toll: each claim in a document of its day."""
    docs: list[str] = []
    rows: list[str] = []
    for i, (origin, figure, day) in enumerate(said):
        if origin.startswith("own:"):
            outlet, claimant = origin[4:], ""
        else:
            outlet, claimant = "r0", f", claimant: {origin}"
        docs.append(f"  - {{id: t{i}, outlet: {outlet}, published: {day}}}\n")
        rows.append(
            f"  - {{id: k{i}, subject: raid, property: killed, value: '{figure}', "
            f"source: t{i}{claimant}}}\n"
        )
    return docs, rows


def toll_estimate(data: dict[str, Any]) -> dict[str, Any] | None:
    found = [e for e in data["estimates"] if (e["subject"], e["property"]) == ("raid", "killed")]
    return found[0] if found else None


@SETTINGS
@given(said=toll_strategy, drop=st.integers(0, 9))
# (a hospital's "10-18", then 10 as a paper says: narrowed to agree)
@example(
    said=[
        ("own:o1", "10", "2031-03-06"),
        ("own:o1", "10-18", "2031-03-05"),
        ("own:o0", "10", "2031-03-05"),
    ],
    drop=0,
)
# (a hospital's 10, then "10-18" as an NGO says: made a range to agree)
@example(
    said=[
        ("own:o1", "10-18", "2031-03-06"),
        ("own:o0", "10-18", "2031-03-05"),
        ("own:o1", "10", "2031-03-05"),
    ],
    drop=0,
)
# (a paper's 18 three days after the medics corrected their 18 to 10: their old word)
@example(
    said=[
        ("own:o0", "18", "2031-03-09"),
        ("own:o1", "18", "2031-03-05"),
        ("own:o1", "10", "2031-03-06"),
    ],
    drop=1,
)
def test_a_running_toll_never_loses_its_estimate_as_evidence_comes_in(
    tmp_path_factory: Any, said: list[tuple[str, str, str]], drop: int
) -> None:
    """Of a running toll whose origins revise their figures, fewer claims never give an
    estimate the fuller group did not have: an origin revising its figure to agree with
    another's does not make the estimate vanish (DESIGN §4). (Except where the fuller
    group reads another outlet's figure as the origin's old word, in print after the
    origin withdrew it — the medics' 18, corrected to 10, and a paper's 18 three days
    on: then all is one origin's revised toll, with no estimate, by design.)"""
    docs, rows = toll_rows(said)
    root = write(tmp_path_factory.mktemp("toll"), docs, rows)
    had = toll_estimate(judge(root)) is not None
    reasons = StoreEvidence(load_store(root)).group(("raid", "killed")).relay_reasons
    assume(
        had
        or not any(
            r.startswith((WITHDRAWN_IN_PRINT, REVISED_IN_PRINT))
            for found in reasons.values()
            for r in found
        )
    )
    i = drop % len(rows)
    write(root, docs[:i] + docs[i + 1 :], rows[:i] + rows[i + 1 :])
    has = toll_estimate(judge(root)) is not None
    assert had or not has, (said, rows[i])


# --- the order of the files changes nothing -------------------------------------------------

#: Pairs of figures that read as one interval, written differently.
SAME_INTERVAL = ("12+", "at least 12", "10-14", "between 10 and 14", "40", "about 40")


def verdicts(data: dict[str, Any]) -> tuple[Any, ...]:
    """What a user reads, less where the claims sit in the file (their lines move)."""
    findings = sorted(
        (f["rule"], f["fingerprint"], f["message"], tuple(sorted(f["claims"])))
        for f in data["findings"]
    )
    grades = sorted((cid, g["grade"], g.get("reason")) for cid, g in data["grades"].items())
    estimates = sorted(
        (e["subject"], e["property"], e["low"], e["best"], e["high"], e["basis"], str(e["claims"]))
        for e in data["estimates"]
    )
    return (findings, grades, estimates)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    said=st.lists(
        st.tuples(
            st.sampled_from(ORIGINS),
            st.sampled_from(FIGURES + SAME_INTERVAL),
            st.integers(1, 2),
        ),
        min_size=2,
        max_size=6,
    ),
    order=st.randoms(use_true_random=False),
)
def test_findings_grades_and_estimates_do_not_depend_on_file_order(
    tmp_path_factory: Any, said: list[tuple[str, str, int]], order: Any
) -> None:
    """The same claims written in another order give the same findings, messages,
    grades and estimates: a desk's report must not change when someone sorts a file."""
    docs, rows = claim_rows(said)
    reference = verdicts(judge(write(tmp_path_factory.mktemp("order"), docs, rows)))
    shuffled = list(rows)
    order.shuffle(shuffled)
    assert verdicts(judge(write(tmp_path_factory.mktemp("shuffled"), docs, shuffled))) == reference


@SETTINGS
@given(said=said_strategy)
def test_an_estimate_with_a_sides_concession_stays_well_formed(
    tmp_path_factory: Any, said: list[tuple[str, str, int]]
) -> None:
    """The wounded counted as the army's own losses (`losses_of`): its figures are
    floors for the estimate (DESIGN §4, a statement against interest). Whatever the
    figures, low ≤ best ≤ high, the best is a number some source stated, and each end
    names claims that state it or a bound under it."""
    docs, rows = claim_rows(said)
    root = tmp_path_factory.mktemp("conceded")
    write(root, docs, rows)
    world = WORLD.replace(
        "  - {id: wounded, type: quantity}",
        "  - {id: wounded, type: quantity, losses_of: korvalia-government}",
    )
    assert world != WORLD
    (root / "world.yaml").write_text(world, encoding="utf-8")
    data = judge(root)
    est = the_estimate(data)
    if est is None:
        return
    numbers = set().union(*(stated_numbers(f) for _, f, _ in said))
    assert est["best"] in numbers and est["low"] in numbers | {0}, (said, est)
    assert est["low"] <= est["best"], (said, est)
    if est["high"] is not None:
        assert est["best"] <= est["high"], (said, est)
    for which in ("low", "best", "high"):
        assert est["claims"][which], (which, said, est)
