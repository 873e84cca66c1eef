"""`claimcheck extract`, rule by rule: table-driven over invented sentences of the shapes
a desk trial found wrong (recalled events, datelines and credits, "selon le communiqué",
"told Reuters", coordinated figures, subsets, zeros, statement days, quotes), in English
and French, against a small invented store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import extract_bytes
from claimcheck.extract.figures import find_figures
from claimcheck.extract.text import parse_text, split_sentences
from claimcheck.extract.when import find_dates, statement_dates
from claimcheck.store import load_store

PUBLISHED = dt.date(2023, 9, 19)  # a Tuesday
STORE = """
outlets:
  - {id: rfi, name: RFI (Radio France Internationale), kind: broadcaster}
  - {id: afp, name: Agence France-Presse, kind: news-agency, aliases: [AFP]}
  - {id: reuters, name: Reuters, kind: news-agency}
parties:
  - id: fama
    name: Malian Armed Forces (FAMa)
    kind: army
    side: mali-government
    aliases: ["armée malienne", "état-major", "ministère de la Défense"]
  - {id: governor, name: Office of the governor of Menaka, kind: state, side: mali-government,
     aliases: ["governor's office"]}
  - {id: csp-psd, name: CSP-PSD, kind: armed-group, side: rebels, aliases: [rebelles, rebels]}
  - {id: un, name: United Nations, kind: un}
subjects:
  - {id: lere-2023, label: Attack on the Léré camp, date: 2023-09-17, sides: [mali-government, rebels]}
  - {id: menaka-2023, label: Attack near Menaka, date: 2023-09-17}
  - {id: lere-2019, label: Massacre at Léré, date: 2019-06-22}
properties:
  - {id: killed, type: quantity, unit: people, cumulative: true, label: Killed}
  - {id: civilian_deaths, type: quantity, unit: people, cumulative: true, label: Civilians killed}
  - {id: soldiers_killed, type: quantity, unit: people, cumulative: true, label: Soldiers killed}
  - {id: children_killed, type: quantity, unit: people, label: Children killed}
  - {id: vehicles_destroyed, type: quantity, unit: vehicles, label: Vehicles destroyed}
  - {id: missing, type: quantity, unit: people, label: Missing}
  - {id: captured, type: quantity, unit: people, label: Captured, aliases: [prisoners]}
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> object:
    folder = tmp_path_factory.mktemp("desk")
    (folder / "store.yaml").write_text(STORE, "utf-8")
    return load_store(folder)


def _run(store: object, text: str, outlet: str = "rfi") -> tuple[list[tuple[object, ...]], object]:
    x = extract_bytes(text.encode(), store, outlet=outlet, published=PUBLISHED)
    return [(c.value, c.property, c.claimant, c.subject, c.as_of, c.stance) for c in x.claims], x


# --- 5, 6, 9: what a figure counts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # each figure takes the noun or verb of its own coordinated phrase
        ("12 assaillants neutralisés et 3 véhicules détruits.", [("12", "killed"), ("3", "destroyed")]),
        ("12 attackers neutralised and 3 vehicles destroyed.", [("12", "killed"), ("3", "destroyed")]),
        ("The rebels killed 12 soldiers and captured 5 others.", [("12", "killed"), ("5", "captured")]),
        ("Les rebelles ont tué 12 soldats et capturé 5 autres.", [("12", "killed"), ("5", "captured")]),
        ("5 soldats et 3 civils ont été tués.", [("5", "killed"), ("3", "killed")]),
        ("a column of 800 Malian and Russian forces", [("800", "strength")]),
        # own losses
        ("We lost 5 soldiers.", [("5", "killed")]),
        ("Nous avons perdu cinq soldats.", [("cinq", "killed")]),
        # an indefinite article is no count; a counted one is
        ("Un avion a été abattu.", []),
        ("Un seul avion a été abattu.", [("Un", "destroyed")]),
        ("One plane was shot down.", [("One", "destroyed")]),
        ("A plane was shot down.", []),
        # things that are no vehicles are no vehicles
        ("3 schools were destroyed.", [("3", "destroyed")]),
        # missing and zeros
        ("Dix soldats manquent à l'appel.", [("Dix", "missing")]),
        ("Ten soldiers are unaccounted for.", [("Ten", "missing")]),
        ("There were no prisoners.", [("no", "captured")]),
        ("Aucun prisonnier n'a été fait.", [("Aucun", "captured")]),
        ("No casualties were reported.", []),
    ],
)  # fmt: skip
def test_what_each_figure_counts(sentence: str, figures: list[tuple[str, str]]) -> None:
    found = find_figures(sentence, find_dates(sentence, PUBLISHED))
    assert [(f.match.text, f.measure) for f in found if not f.skipped] == figures


@pytest.mark.parametrize(
    ("sentence", "subset"),
    [
        ("Among the dead, 46 children.", "Among the dead"),
        ("Parmi les morts, 46 enfants.", "Parmi les morts"),
        ("Trente morts, dont 12 enfants.", "dont"),
        ("30 people were killed, including 12 children.", "including"),
    ],
)
def test_a_part_of_a_toll_is_a_subset(sentence: str, subset: str) -> None:
    (*_, figure) = [f for f in find_figures(sentence, []) if not f.skipped]
    assert figure.subset == subset


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subset goes to its own property, never to the total
        ("Le bilan de l'attaque de Léré dimanche : parmi les morts, 4 enfants.",
         [(4, "children_killed")]),
        ("The Léré camp attack on Sunday: among the dead, 6 civilians.",
         [(6, "civilian_deaths")]),
        # soldiers are no civilians; schools are no vehicles
        ("The army said on Monday it lost 5 soldiers in the Léré camp attack.",
         [(5, "soldiers_killed")]),
        ("3 schools were destroyed in the Léré camp attack on Sunday.", []),
    ],
)  # fmt: skip
def test_properties(store: object, text: str, expected: list[tuple[object, str]]) -> None:
    claims, _ = _run(store, "Titre\n\n" + text)
    assert [(c[0], c[1]) for c in claims] == expected


def test_a_subset_with_no_property_is_skipped_with_a_note(tmp_path: Path) -> None:
    without = "\n".join(line for line in STORE.splitlines() if "children" not in line)
    (tmp_path / "store.yaml").write_text(without, "utf-8")
    x = extract_bytes(b"Titre\n\nParmi les morts, 4 enfants.", load_store(tmp_path))
    assert not x.claims
    assert "a part of a toll" in x.skipped[0].reason


# --- 2, 3, 4, 11, 13: who says it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a dateline or credit is where the text comes from, never the speaker
        ("BAMAKO (AFP) - Le ministère de la Défense a indiqué que 5 soldats ont été tués.", "fama"),
        ("(Example Wire) — The governor's office said 14 soldiers were killed.", "governor"),
        ("(Le Courrier du Nord) L'état-major a annoncé 12 morts.", "fama"),
        # bare nouns through the store's names and aliases
        ("The army said 9 attackers were killed.", "fama"),
        ("Selon l'armée, 9 assaillants ont été tués.", "fama"),
        # "X told Reuters": X speaks; Reuters is where
        ("A local official told Reuters that 5 soldiers were killed.", "local-official"),
        ("Le colonel a déclaré à RFI que 5 soldats ont été tués.", "colonel"),
        ("The governor's office told Reuters 5 soldiers were killed.", "governor"),
        # an inverted denial names its own speaker
        ("Des rebelles affirment avoir tué une vingtaine de militaires, ce que dément l'armée.",
         "csp-psd"),
    ],
)  # fmt: skip
def test_claimants(store: object, text: str, claimant: str) -> None:
    claims, _ = _run(store, "Titre\n\n" + text)
    assert claims and claims[0][2] == claimant


@pytest.mark.parametrize(
    "text",
    [
        "L'armée malienne a publié un communiqué lundi. Selon le communiqué, 12 assaillants "
        "ont été tués.",
        "The army issued a statement on Monday. According to the statement, 12 attackers "
        "were killed.",
    ],
)
def test_the_statement_is_its_author(store: object, text: str) -> None:
    claims, x = _run(store, "Title\n\n" + text)
    assert [c[2] for c in claims] == ["fama"]
    assert "the statement of" in " ".join(x.claims[0].why)


@pytest.mark.parametrize(
    "text",
    ["Selon le communiqué, 12 assaillants ont été tués.",
     "According to the statement, 12 attackers were killed."],
)  # fmt: skip
def test_a_statement_with_no_author_leaves_the_claimant_to_fill(store: object, text: str) -> None:
    claims, x = _run(store, "Title\n\n" + text)
    assert claims[0][2] is None
    assert "claimant" in x.claims[0].fill  # check refuses it, saying what to fill
    assert "communique" not in str(claims)


def test_a_denial_is_a_claim_with_the_stance_denies(store: object) -> None:
    claims, _ = _run(store, "Titre\n\nUne vingtaine de militaires tués, dément l'armée.")
    assert [(c[0], c[2], c[5]) for c in claims] == [("Une vingtaine", "fama", "denies")]


def test_a_quote_with_no_speaker_named_is_left_to_fill(store: object) -> None:
    claims, x = _run(store, "Titre\n\n« Nous avons perdu cinq soldats. » Il pleuvait.")
    assert claims[0][2] is None and "claimant" in x.claims[0].fill


def test_a_pronoun_is_the_speaker_named_just_before(store: object) -> None:
    claims, x = _run(
        store, "Title\n\nThe army issued a toll. Eight soldiers were wounded, it said."
    )
    assert claims[0][2] == "fama"
    assert "'it' is" in " ".join(x.claims[0].why)


@pytest.mark.parametrize(
    ("text", "relays"),
    [
        ("BAMAKO (AFP) - Cinq morts.", ["afp"]),
        ("Cinq morts.\n\n(avec AFP)", ["afp"]),
        ("Five dead.\n\nWith Reuters", ["reuters"]),
        ("BAMAKO (Reuters) - Five dead.", ["reuters"]),
    ],
)
def test_a_relayed_wire_is_noted_for_cites(store: object, text: str, relays: list[str]) -> None:
    from claimcheck.extract import to_yaml

    _, x = _run(store, "Title\n\n" + text)
    assert [w for w, _ in x.relays] == relays  # type: ignore[attr-defined]
    assert "# cites: [DISPATCH-ID]" in to_yaml(x)  # type: ignore[arg-type]


# --- 1, 7, 8: about what, and when ---------------------------------------------------------


def test_a_recalled_event_is_kept_apart(store: object) -> None:
    claims, _ = _run(
        store,
        "Attaque à Léré\n\nL'armée a indiqué lundi que 12 soldats ont été tués dimanche à Léré. "
        "En 2019, une attaque similaire à Léré avait fait 160 morts, selon les Nations unies.\n\n"
        "Le bilan de dimanche est de 14 morts, selon l'armée.",
    )
    assert claims == [
        (12, "soldiers_killed", "fama", "lere-2023", dt.date(2023, 9, 18), "asserts"),
        # its own clause's claimant (a name the store lacks, kept for the user to add)
        (160, "killed", "nations-unies", "lere-2019", None, "asserts"),
        (14, "killed", "fama", "lere-2023", None, "asserts"),
    ]


def test_a_recalled_event_with_no_subject_is_skipped(store: object) -> None:
    claims, x = _run(store, "Title\n\nIn 2012, a similar attack in Menaka killed 80 people.")
    assert not claims and "earlier event" in x.skipped[0].reason


@pytest.mark.parametrize(
    ("text", "subject", "as_of"),
    [
        # the statement's day is the as_of; the attack's day picks the subject
        ("Lundi, l'armée a indiqué que l'attaque de dimanche contre le camp de Léré a fait "
         "5 morts.", "lere-2023", dt.date(2023, 9, 18)),
        ("On Monday, the army said 5 soldiers died in Sunday's attack near Menaka.",
         "menaka-2023", dt.date(2023, 9, 18)),
        # no day of the statement: the publication's (the default)
        ("5 soldiers died in Sunday's attack near Menaka, the army said.", "menaka-2023", None),
    ],
)  # fmt: skip
def test_subject_and_as_of(store: object, text: str, subject: str, as_of: object) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert (claims[0][3], claims[0][4]) == (subject, as_of)


def test_a_place_alone_or_two_events_leave_the_subject_empty(store: object) -> None:
    """Two events on Sunday, nothing telling which: empty, naming both; an acronym of a
    party shared with a label is no match."""
    claims, _ = _run(store, "Title\n\nOn Sunday, 5 soldiers were killed, the army said.")
    assert claims[0][3] is None
    claims, _ = _run(store, "Title\n\nThe CSP-PSD said 5 soldiers were killed.")
    assert claims[0][3] is None


@pytest.mark.parametrize(
    ("sentence", "anchor", "day"),
    [
        ("la veille", dt.date(2023, 9, 17), dt.date(2023, 9, 16)),
        ("the day before", dt.date(2023, 9, 17), dt.date(2023, 9, 16)),
        ("le lendemain", dt.date(2023, 9, 17), dt.date(2023, 9, 18)),
        ("la veille", None, dt.date(2023, 9, 18)),  # no day named: the publication's eve
        ("yesterday", dt.date(2023, 9, 10), dt.date(2023, 9, 18)),  # always publication's
    ],
)
def test_narrative_days(sentence: str, anchor: dt.date | None, day: dt.date) -> None:
    assert [d.first for d in find_dates(sentence, PUBLISHED, anchor=anchor)] == [day]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("L'armée a indiqué lundi que l'attaque de dimanche a fait 5 morts.", ["lundi"]),
        ("Dans un communiqué publié lundi, l'armée évoque l'attaque de dimanche.", ["lundi"]),
        ("On Monday, the army said 12 soldiers died on Sunday.", ["Monday"]),
        ("The governor said on Monday that 12 were killed.", ["Monday"]),
        ("On Sunday, 12 soldiers were killed, the army said.", []),
    ],
)
def test_statement_days(sentence: str, said: list[str]) -> None:
    dates = find_dates(sentence, PUBLISHED)
    assert [dates[i].text for i in sorted(statement_dates(sentence, dates))] == said


# --- 12, 14: sentences and stdin -----------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "sentences"),
    [
        ("Il a déclaré : « Nous avons perdu cinq soldats. » Le ministre a ajouté ceci.",
         ["Il a déclaré : « Nous avons perdu cinq soldats. »", "Le ministre a ajouté ceci."]),
        ("« Nous avons perdu cinq soldats. Les autres sont blessés », a dit le colonel. Puis.",
         ["« Nous avons perdu cinq soldats. Les autres sont blessés », a dit le colonel.",
          "Puis."]),
        ("“We lost five soldiers.” The minister said more.",
         ["“We lost five soldiers.”", "The minister said more."]),
        ('He said: "We lost five. Then more." Next one.',
         ['He said: "We lost five. Then more."', "Next one."]),
    ],
)  # fmt: skip
def test_sentences_and_quotes(block: str, sentences: list[str]) -> None:
    assert split_sentences(block) == sentences


def test_datelines_and_credits_leave_the_body() -> None:
    article = parse_text(
        "Title\n\nBAMAKO (AFP) - Cinq morts.\n\n(Le Courrier du Nord) — Six morts.\n\n"
        "Sept morts. (avec AFP)\n\nWith Reuters"
    )
    assert [s.text for s in article.sentences] == [
        "Title",
        "Cinq morts.",
        "Six morts.",
        "Sept morts.",
    ]
    assert [c.name for c in article.credits] == ["AFP", "Le Courrier du Nord", "AFP", "Reuters"]
