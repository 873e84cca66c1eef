"""The engine: fingerprints, reviews, options, grades and estimates."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.config import Config, parse_config
from claimcheck.engine import check
from claimcheck.errors import Problem, StoreError
from claimcheck.render import JSON_VERSION
from claimcheck.store import load_store

from support import BASE, KIDAL


def claims_yaml(rows: list[str]) -> str:
    return "claims:\n" + "".join(f"  - {r}\n" for r in rows)


STRIKE = [
    "{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}",
    "{id: b, subject: strike, property: deaths, value: 10, source: figaro-doc, claimant: medical-sources}",
    "{id: c, subject: battle, property: outcome, value: government-advantage, source: monde-doc, claimant: fama}",
    "{id: d, subject: battle, property: outcome, value: rebel-advantage, source: rfi-doc-2, claimant: csp-psd}",
    "{id: e, subject: battle, property: date, value: 2023-11-12, source: rfi-doc}",
    "{id: f, subject: strike, property: date, value: 2023-11-07, source: wiki-doc}",
]


def write_store(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def fingerprints(root: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    result = check(load_store(root))
    return {f.fingerprint: (f.rule, tuple(f.claims)) for f in result.findings}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False), st.integers(1, 3))
def test_fingerprints_do_not_depend_on_file_order(
    tmp_path_factory: object, rnd: random.Random, n_files: int
) -> None:
    base = tmp_path_factory.mktemp("ordered")  # type: ignore[attr-defined]
    reference = fingerprints(write_store(base, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)}))
    rows = STRIKE[:]
    rnd.shuffle(rows)
    files = {"base.yaml": BASE}
    for i in range(n_files):
        part = rows[i::n_files]
        if part:
            files[f"z{rnd.randint(0, 999)}-{i}.yaml"] = claims_yaml(part)
    shuffled = fingerprints(write_store(tmp_path_factory.mktemp("shuffled"), files))  # type: ignore[attr-defined]
    assert shuffled == reference
    assert reference  # the store has findings to compare


def test_unrelated_claims_do_not_change_fingerprints(tmp_path: Path) -> None:
    before = fingerprints(
        write_store(tmp_path / "a", {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    )
    extra = [
        *STRIKE,
        "{id: z, subject: wagner-group, property: present_in, value: mali, source: monde-doc}",
    ]
    after = fingerprints(
        write_store(tmp_path / "b", {"base.yaml": BASE, "c.yaml": claims_yaml(extra)})
    )
    assert set(before) <= set(after)


AGREEING = st.sampled_from(
    ["14", "14+", "at least ten", "10-20", "~14", "une douzaine", "fourteen"]
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    AGREEING,
    st.sampled_from(["monde-doc", "figaro-doc", "f24-doc", "rfi-doc-2"]),
    st.sampled_from([None, "fama", "medical-sources"]),
)
def test_adding_an_agreeing_claim_never_adds_a_conflict(
    tmp_path_factory: object, value: str, source: str, claimant: str | None
) -> None:
    rows = [
        "{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}",
        "{id: b, subject: strike, property: deaths, value: '12-16', source: monde-doc}",
    ]
    root = write_store(
        tmp_path_factory.mktemp("s"), {"base.yaml": BASE, "c.yaml": claims_yaml(rows)}
    )  # type: ignore[attr-defined]
    conflicts = {"CC101", "CC102", "CC103", "CC104"}
    before = [f for f in check(load_store(root)).findings if f.rule in conflicts]
    extra = f"  - {{id: new, subject: strike, property: deaths, value: '{value}', source: {source}"
    extra += f", claimant: {claimant}}}\n" if claimant else "}\n"
    (root / "c.yaml").write_text(claims_yaml(rows) + extra, encoding="utf-8")
    after = [f for f in check(load_store(root)).findings if f.rule in conflicts]
    assert len(after) == len(before) == 0


def _findings_by_rule(root: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in check(load_store(root)).findings:
        out.setdefault(f.rule, set()).add(f.fingerprint)
    return out


REPEATS = {
    "the same origin again, at a later date": (
        "{id: a2, subject: strike, property: deaths, value: fourteen, source: rfi-doc-2, "
        "as_of: 2023-11-09}"
    ),
    "the same record entered twice": (
        "{id: a3, subject: strike, property: deaths, value: 14, source: rfi-doc}"
    ),
}


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(REPEATS)))
def test_a_claim_repeating_what_an_origin_said_keeps_the_fingerprints(
    tmp_path_factory: object, repeat: str
) -> None:
    # A reviewed conflict must stay reviewed when RFI repeats its own figure.
    before = _findings_by_rule(
        write_store(
            tmp_path_factory.mktemp("before"),  # type: ignore[attr-defined]
            {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)},
        )
    )
    after = _findings_by_rule(
        write_store(
            tmp_path_factory.mktemp("after"),  # type: ignore[attr-defined]
            {"base.yaml": BASE, "c.yaml": claims_yaml([*STRIKE, REPEATS[repeat]])},
        )
    )
    assert before["CC101"] and after["CC101"] == before["CC101"]
    for rule in ("CC101", "CC102", "CC201", "CC204"):
        assert after.get(rule, set()) >= before.get(rule, set()), rule


def test_a_new_origin_or_value_in_a_conflict_changes_its_fingerprint(tmp_path: Path) -> None:
    before = _findings_by_rule(
        write_store(tmp_path / "a", {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    )
    new_value = "{id: g, subject: strike, property: deaths, value: 30, source: monde-doc}"
    after = _findings_by_rule(
        write_store(
            tmp_path / "b", {"base.yaml": BASE, "c.yaml": claims_yaml([*STRIKE, new_value])}
        )
    )
    assert before["CC101"] and after["CC101"].isdisjoint(before["CC101"])


def test_a_review_marks_the_finding_and_stops_it_failing(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE[:2])})
    result = check(load_store(root))
    conflict = next(f for f in result.findings if f.rule == "CC101")
    assert result.exit_code() == 1
    (root / "reviews.yaml").write_text(
        textwrap.dedent(f"""\
        reviews:
          - finding: {conflict.fingerprint}
            verdict: explained
            note: medical sources counted only those taken to hospital
            by: desk
            on: 2023-11-20
        """),
        encoding="utf-8",
    )
    again = check(load_store(root))
    same = next(f for f in again.findings if f.fingerprint == conflict.fingerprint)
    assert same.review is not None and same.review.verdict == "explained"
    assert not [f for f in again.failing() if f.rule == "CC101"]
    assert again.exit_code() == 0


def test_a_review_of_a_vanished_finding_is_stale(tmp_path: Path) -> None:
    root = write_store(
        tmp_path,
        {
            "base.yaml": BASE,
            "reviews.yaml": "reviews:\n  - {finding: 0123456789abcdef, verdict: accepted}\n",
        },
    )
    result = check(load_store(root))
    assert [r.fingerprint for r in result.stale_reviews] == ["0123456789abcdef"]
    assert str(result.stale_reviews[0].location).endswith("reviews.yaml:2:5")
    assert result.exit_code("warning") == 1 and result.exit_code("error") == 0


def _conflict_reviewed_as(tmp_path: Path, written: Callable[[str], str]) -> tuple[Path, Any]:
    """A store with the 14-against-10 conflict, reviewed (``explained``) under its
    fingerprint as ``written`` turns it; the store and the conflict."""
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE[:2])})
    conflict = next(f for f in check(load_store(root)).findings if f.rule == "CC101")
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: '{written(conflict.fingerprint)}', verdict: explained}}\n",
        encoding="utf-8",
    )
    return root, conflict


def test_a_run_of_some_rules_calls_no_review_stale(tmp_path: Path) -> None:
    # A review of a CC101 finding, and a check of CC302 alone (a hook running a subset):
    # which rule a fingerprint is of is not known, so no review can be called stale.
    root, _ = _conflict_reviewed_as(tmp_path, lambda fp: fp)
    for config in (Config(select=["CC302"]), Config(ignore=["CC101"])):
        result = check(load_store(root), config)
        assert result.stale_reviews == []
        assert result.exit_code("warning") == 0
    assert check(load_store(root)).stale_reviews == []


def test_disputed_relay_counts_as_two_origins(tmp_path: Path) -> None:
    rows = [
        "{id: a, subject: strike, property: deaths, value: 14, source: monde-doc, quote: 'Quatorze morts.'}",
        "{id: b, subject: strike, property: deaths, value: 14, source: figaro-doc, quote: 'Quatorze morts.'}",
    ]
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)})
    result = check(load_store(root))
    relay = next(f for f in result.findings if f.rule == "CC206")
    assert result.grades["a"].grade == 3  # one origin: possibly true, not confirmed
    assert any(f.rule == "CC203" for f in result.findings)
    (root / "r.yaml").write_text(
        f"reviews:\n  - {{finding: {relay.fingerprint}, verdict: disputed}}\n", encoding="utf-8"
    )
    again = check(load_store(root))
    assert again.grades["a"].grade == 1
    assert not any(f.rule == "CC203" for f in again.findings)


def test_select_ignore_and_severity(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    store = load_store(root)
    only = check(store, Config(select=["CC1"]))
    assert {f.rule for f in only.findings} <= {f"CC1{i:02d}" for i in range(10)}
    config = parse_config(
        Path("claimcheck.toml"), {"ignore": ["CC101"], "rules": {"CC102": {"severity": "info"}}}
    )
    adjusted = check(store, config)
    assert not any(f.rule == "CC101" for f in adjusted.findings)
    assert all(f.severity == "info" for f in adjusted.findings if f.rule == "CC102")


def test_rule_options_change_results(tmp_path: Path) -> None:
    # A battle of 2023-11-10/14: a toll on its second day, another origin's higher one
    # on its last day (the toll growing while the battle went on).
    rows = [
        "{id: a, subject: battle, property: deaths, value: 3, source: monde-doc, as_of: 2023-11-11}",
        "{id: b, subject: battle, property: deaths, value: 14, source: figaro-doc, as_of: 2023-11-14}",
    ]
    store = load_store(write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)}))
    assert not [f for f in check(store).findings if f.rule == "CC101"]
    strict = parse_config(
        Path("claimcheck.toml"), {"rules": {"CC101": {"cumulative-growth": False}}}
    )
    assert [f.claims for f in check(store, strict).findings if f.rule == "CC101"] == [["a", "b"]]
    loose = parse_config(
        Path("claimcheck.toml"),
        {"rules": {"CC101": {"cumulative-growth": False, "default-tolerance": 20}}},
    )
    assert not [f for f in check(store, loose).findings if f.rule == "CC101"]


def test_grades(tmp_path: Path) -> None:
    rows = [
        "{id: confirmed-1, subject: strike, property: date, value: 2023-11-07, source: monde-doc}",
        "{id: confirmed-2, subject: strike, property: date, value: 2023-11-07, source: figaro-doc}",
        "{id: single, subject: battle, property: outcome, value: stalemate, source: monde-doc}",
        "{id: pair-1, subject: battle, property: commander, value: fama, source: rfi-doc}",
        "{id: pair-2, subject: battle, property: commander, value: fama, source: rfi-doc-2}",
        "{id: lone, subject: strike, property: deaths, value: 30, source: rfi-doc}",
        "{id: many-1, subject: strike, property: deaths, value: 10, source: monde-doc}",
        "{id: many-2, subject: strike, property: deaths, value: 10, source: figaro-doc}",
        "{id: text, subject: strike, property: summary, value: anything, source: monde-doc}",
        "{id: uncited, subject: wagner-group, property: present_in, value: mali, source: wiki-doc}",
    ]
    grades = check(
        load_store(write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)}))
    ).grades
    assert (
        grades["confirmed-1"].grade == 1 and "2 independent origins" in grades["confirmed-1"].reason
    )
    assert grades["single"].grade == 3
    assert grades["pair-1"].grade == 3  # one outlet twice: one origin (DESIGN §4)
    assert grades["lone"].grade == 5 and grades["lone"].contradicting_origins == 2
    assert grades["many-1"].grade == 2  # two origins for, one against
    assert grades["text"].grade == 6 and grades["uncited"].grade == 6


def test_estimates_low_best_high(tmp_path: Path) -> None:
    rows = [
        "{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}",
        "{id: b, subject: strike, property: deaths, value: 10, source: figaro-doc}",
        "{id: c, subject: strike, property: deaths, value: '10-12', source: monde-doc}",
        "{id: d, subject: strike, property: deaths, value: 30, source: wiki-doc}",
    ]
    result = check(
        load_store(write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)}))
    )
    (est,) = result.estimates
    # 14 is contradicted by two independent origins (improbable): not a credible high.
    assert result.grades["a"].grade == 5
    assert (est.low, est.best, est.high) == (10, 10, 12)
    # best 10: Le Monde's 10-12 (which Le Figaro's 10 supports) and Le Figaro's 10 itself
    assert est.claims["best"] == ["b", "c"] and est.claims["high"] == ["c"]
    assert est.best_origins == 2


def test_json_shape(tmp_path: Path, make_store: Callable[..., Path]) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    data = check(load_store(root)).as_dict()
    assert set(data) >= {"version", "summary", "findings", "estimates", "grades"}
    assert data["version"] == JSON_VERSION and next(iter(data)) == "version"
    f = data["findings"][0]
    assert set(f) >= {
        "rule",
        "name",
        "severity",
        "subject",
        "property",
        "claims",
        "message",
        "fingerprint",
    }
    assert f["claims"] == sorted(f["claims"])
    assert set(data["estimates"][0]) >= {"subject", "property", "low", "best", "high", "claims"}


def test_progress_of_a_small_check(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    store = load_store(root)
    calls: list[tuple[int, int]] = []
    check(store, progress=lambda done, total: calls.append((done, total)))
    n = len(store.groups)
    assert n and calls == [(d, n) for d in range(1, n + 1)]  # a small store: group by group


def test_grades_come_in_claim_id_order(tmp_path: Path) -> None:
    # Claims written out of id order, across two files: the result and its JSON list the
    # grades by claim id, and a result built with grades out of order is written sorted.
    rows = list(reversed(STRIKE))
    root = write_store(
        tmp_path,
        {"base.yaml": BASE, "a.yaml": claims_yaml(rows[:3]), "b.yaml": claims_yaml(rows[3:])},
    )
    result = check(load_store(root))
    ids = list(result.grades)
    assert ids == sorted(ids) == ["a", "b", "c", "d", "e", "f"]
    assert list(result.as_dict()["grades"]) == ids
    result.grades = dict(reversed(list(result.grades.items())))
    assert list(result.as_dict()["grades"]) == ids
    assert list(result.as_dict(plain=False)["grades"]) == ids


def test_summary_counts_the_grades(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    data = check(load_store(root)).as_dict()
    counted = {str(g): 0 for g in range(1, 7)}
    for grade in data["grades"].values():
        counted[str(grade["grade"])] += 1
    assert data["summary"]["grades"] == counted
    assert sum(counted.values()) == len(STRIKE)
    assert len([n for n in counted.values() if n]) >= 2  # not all claims share one grade


def test_a_repeated_revision_is_named_once_in_the_message(tmp_path: Path) -> None:
    rows = [
        "{id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}",
        "{id: a-again, subject: strike, property: deaths, value: 10, source: rfi-doc}",
        "{id: b, subject: strike, property: deaths, value: 14, source: rfi-doc-2}",
    ]
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)})
    (revision,) = [f for f in check(load_store(root)).findings if f.rule == "CC105"]
    assert revision.claims == ["a", "a-again", "b"]
    assert revision.message.count("→") == 1, revision.message


def test_a_claim_with_no_source_is_named_by_its_id_in_messages(tmp_path: Path) -> None:
    rows = [
        "{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}",
        "{id: ns, subject: strike, property: deaths, value: 30}",
    ]
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)})
    (conflict,) = [f for f in check(load_store(root)).findings if f.rule == "CC101"]
    assert "30 [ns, no source]" in conflict.message
    assert "unsourced:" not in conflict.message


def test_a_claim_whose_document_has_no_outlet_is_not_said_to_have_no_source(
    tmp_path: Path,
) -> None:
    """A new user's trial: a claim from a document recorded without its outlet was
    named "[nl, no source]" in a conflict — it has a source; its document has no
    outlet."""
    rows = [
        "{id: a, subject: strike, property: deaths, value: 14, source: rfi-doc}",
        "{id: nl, subject: strike, property: deaths, value: 30, source: leaflet}",
    ]
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)})
    (conflict,) = [f for f in check(load_store(root)).findings if f.rule == "CC101"]
    assert "30 [nl, document leaflet has no outlet]" in conflict.message, conflict.message


def test_uncited_says_whether_cited_claims_give_the_same_value(tmp_path: Path) -> None:
    rows = [
        "{id: w1, subject: strike, property: deaths, value: 14, source: wiki-doc}",
        "{id: r1, subject: strike, property: deaths, value: 14, source: rfi-doc}",
        "{id: w2, subject: battle, property: date, value: 2023-11-12, source: wiki-doc}",
    ]
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(rows)})
    uncited = {f.subject: f.message for f in check(load_store(root)).findings if f.rule == "CC204"}
    assert uncited["strike"].endswith("(cited claims give it: rfi)"), uncited
    assert uncited["battle"].endswith("; no cited claim gives it"), uncited


def test_a_review_may_write_the_fingerprint_in_upper_case(tmp_path: Path) -> None:
    root, conflict = _conflict_reviewed_as(tmp_path, str.upper)
    again = check(load_store(root))
    assert not again.stale_reviews
    same = next(f for f in again.findings if f.fingerprint == conflict.fingerprint)
    assert same.review is not None and same.review.verdict == "explained"


def _only_problem(tmp_path: Path, reviews: str) -> Problem:
    """The one problem loading the base store with ``reviews`` (a reviews.yaml) gives."""
    with pytest.raises(StoreError) as err:
        load_store(write_store(tmp_path, {"base.yaml": BASE, "r.yaml": reviews}))
    (problem,) = err.value.problems
    return problem


def test_two_verdicts_on_one_finding_are_refused_with_both_places(tmp_path: Path) -> None:
    problem = _only_problem(
        tmp_path,
        "reviews:\n  - {finding: 0123456789abcdef, verdict: disputed}\n"
        "  - {finding: 0123456789ABCDEF, verdict: explained}\n",
    )
    assert (problem.location.line, problem.location.col) == (3, 5)
    assert "reviewed as 'explained' here and as 'disputed' at" in problem.message
    assert problem.message.split(" at ")[1].endswith("r.yaml:2:5; keep one verdict")


def test_a_review_names_its_finding_by_a_fingerprint(tmp_path: Path) -> None:
    problem = _only_problem(
        tmp_path,
        'reviews:\n  - {finding: "8cec0caded358fbd\\nfake.yaml:1:1: [error] x",'
        " verdict: explained}\n",
    )
    assert (problem.location.line, problem.location.col) == (2, 15)  # at the value
    assert "is not a fingerprint: 16 hexadecimal digits" in problem.message


def test_a_fingerprint_of_digits_written_unquoted_is_asked_to_be_quoted(
    tmp_path: Path,
) -> None:
    """YAML reads 0000000000001234 as the number 1234: the fingerprint cannot be read
    back, and the message says to quote it rather than that a string was expected."""
    problem = _only_problem(
        tmp_path, "reviews:\n  - {finding: 0000000000001234, verdict: explained}\n"
    )
    assert (problem.location.line, problem.location.col) == (2, 15)
    assert "a fingerprint YAML reads as a number" in problem.message
    assert "must be quoted ('0000000000001234')" in problem.message  # the one to paste
    assert "valid string" not in problem.message


def test_a_stale_review_names_the_finding_that_holds_its_claims(tmp_path: Path) -> None:
    # The desk reviewed the 14-against-10 dispute listing its claims; a third figure
    # joins it, so the disagreement — and its fingerprint — changed. The stale review
    # says which finding to review again.
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE[:2])})
    conflict = next(f for f in check(load_store(root)).findings if f.rule == "CC101")
    ids = ", ".join(conflict.claims)
    (root / "reviews.yaml").write_text(
        f"reviews:\n  - {{finding: '{conflict.fingerprint}', verdict: explained, claims: [{ids}]}}\n",
        encoding="utf-8",
    )
    (root / "more.yaml").write_text(
        claims_yaml(["{id: z, subject: strike, property: deaths, value: 30, source: figaro-doc}"]),
        encoding="utf-8",
    )
    result = check(load_store(root))
    (stale,) = result.stale_reviews
    now = next(f for f in result.findings if f.rule == "CC101")
    assert now.fingerprint != conflict.fingerprint
    assert stale.as_dict()["successors"][0] == now.fingerprint  # most claims in common
    assert f"CC101 {now.fingerprint}" in stale.message() and "review that one" in stale.message()


def test_a_finding_points_at_its_record_by_path_line_and_column(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE[:2])})
    store = load_store(root)
    result = check(store)
    conflict = next(f for f in result.findings if f.rule == "CC101")
    # a: line 2 of c.yaml, b: line 3; the conflict points at one of its claims
    (claim,) = [c for c in conflict.claims if store.location(c) == conflict.location]
    record = store.where[claim]
    assert Path(conflict.location.path).name == "c.yaml"
    assert conflict.location.line == {"a": 2, "b": 3}[claim] == record.line
    assert store.files[record.file] == conflict.location.path
    assert conflict.as_dict()["location"] == (
        f"{conflict.location.path}:{record.line}:{record.col}"
    )


def test_one_check_builds_one_provenance_graph_for_its_report_and_export(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimcheck.analysis import provenance
    from claimcheck.export.graphml import graphml
    from claimcheck.report import render_report

    built: list[object] = []
    original = provenance.Provenance.__init__

    def counting(self: provenance.Provenance, store: Any) -> None:
        built.append(self)
        original(self, store)

    monkeypatch.setattr(provenance.Provenance, "__init__", counting)
    result = check(load_store(KIDAL, cache=False), jobs=1)
    render_report(result, "html")
    render_report(result, "markdown")
    graphml(result)
    assert built == [result.provenance]


def test_the_findings_by_claim_index_holds_every_finding_of_a_claim(tmp_path: Path) -> None:
    root = write_store(tmp_path, {"base.yaml": BASE, "c.yaml": claims_yaml(STRIKE)})
    result = check(load_store(root))
    for cid in result.store.claims:
        expected = [f for f in result.findings if cid in f.claims]
        assert result.findings_by_claim.get(cid, []) == expected
        assert result.rules_of(cid) == {f.rule for f in expected}
    assert any(result.findings_by_claim.values())


def test_a_stale_review_whose_listed_claims_no_finding_holds_says_to_delete_it(
    tmp_path: Path,
) -> None:
    """It lists its claims, and no finding holds them now: the disagreement is gone —
    not "list the claims to be pointed to a finding", which it already does."""
    from claimcheck import check, load_store

    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "claims:\n  - {id: a, subject: strike, property: deaths, value: 10, source: rfi-doc}\n"
        "  - {id: b, subject: strike, property: deaths, value: 10, source: monde-doc}\n"
        "reviews:\n  - {finding: 0123456789abcdef, verdict: explained, claims: [a]}\n",
        encoding="utf-8",
    )
    (stale,) = check(load_store(tmp_path, cache=False)).stale_reviews
    assert stale.message().endswith(
        "no finding holds the claims it lists, the disagreement is gone; delete it"
    )
