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
  - {id: ortm, name: Office de Radiodiffusion Télévision du Mali, kind: broadcaster,
     aliases: [ORTM, la télévision nationale, state television, la radio nationale]}
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
  - {id: medical-sources, name: Medical sources, kind: medical,
     aliases: [medical sources, sources médicales, sources hospitalières, un médecin]}
  - {id: gao-hospital, name: Gao regional hospital, kind: medical}
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
  - {id: wounded, type: quantity, unit: people, cumulative: true, label: Wounded}
  - {id: displaced, type: quantity, unit: people, label: Displaced}
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


@pytest.fixture(scope="module")
def anonymous_store(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The store, with an anonymous party for unnamed security sources."""
    folder = tmp_path_factory.mktemp("anonymous")
    extra = (
        "\n  - {id: security-sources, name: Security sources (unnamed), kind: anonymous,"
        " side: mali-government, aliases: [sources sécuritaires]}"
    )
    text = STORE.replace("parties:", "parties:" + extra, 1)
    (folder / "store.yaml").write_text(text, "utf-8")
    return load_store(folder)


@pytest.mark.parametrize(
    "text",
    [
        # an unnamed person quoted is nobody's official word, not the speaker before
        'The army said 12 soldiers were killed. "Twenty people died here," one resident said.',
        "L'armée a annoncé 12 morts.\n\n« Vingt personnes sont mortes ici », a raconté un "
        "habitant.",
        # an anonymous source of an institution is not the institution's word
        "A military source, speaking on condition of anonymity, said 20 people were killed.",
        "Vingt personnes ont été tuées, a indiqué un officier sous couvert d'anonymat.",
        "An army officer who asked not to be named said 20 people were killed.",
    ],
)
def test_an_unnamed_speaker_is_left_to_fill(store: object, text: str) -> None:
    _, x = _run(store, "Title\n\n" + text)
    last = x.claims[-1]  # type: ignore[attr-defined]
    assert last.value in ("Twenty", "Vingt", 20) and last.claimant is None
    assert "unnamed" in last.fill["claimant"] and "unnamed" in " ".join(last.why)


@pytest.mark.parametrize(
    "text",
    [
        "A security source, speaking on condition of anonymity, said 20 people were killed.",
        "Vingt personnes ont été tuées, selon une source sécuritaire sous couvert d'anonymat.",
    ],
)
def test_an_anonymous_source_is_the_stores_anonymous_party(
    anonymous_store: object, text: str
) -> None:
    claims, _ = _run(anonymous_store, "Title\n\n" + text)
    assert [c[2] for c in claims] == ["security-sources"]


@pytest.mark.parametrize(
    "text",
    [
        "The army has not revised its own toll of 4 soldiers killed.",
        "L'armée maintient son bilan de quatre militaires tués.",
        "The army stands by its figure of 4 soldiers killed.",
    ],
)
def test_a_partys_own_toll_is_its_claim(store: object, text: str) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[1], c[2]) for c in claims] == [("soldiers_killed", "fama")]


@pytest.mark.parametrize(
    "text",
    [
        # "it added" points at a speaker, never at a party merely named
        "The rebels attacked the camp on Sunday. Twelve soldiers were killed, it added.",
        # after an unnamed speaker, "he" is that speaker, not the one named before
        'The army said 3 soldiers died. "It was awful," one resident said. Twelve soldiers '
        "were killed, he added.",
        "Les rebelles ont attaqué le camp dimanche. Douze soldats ont été tués, a-t-il ajouté.",
    ],
)
def test_a_pronoun_points_at_a_speaker_not_a_party_named(store: object, text: str) -> None:
    claims, x = _run(store, "Title\n\n" + text)
    assert claims[-1][2] is None and "claimant" in x.claims[-1].fill  # type: ignore[attr-defined]


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


def test_a_recalled_event_goes_on_to_the_end_of_its_paragraph(store: object) -> None:
    claims, _ = _run(
        store,
        "Léré, encore\n\nLe 22 juin 2019, des hommes armés avaient encerclé Léré. En moins de "
        "deux heures, 60 civils avaient été tués. Le gouvernement n'a reconnu que 24 morts.\n\n"
        "Dimanche, 5 soldats ont été tués dans l'attaque du camp de Léré.",
    )
    assert [(c[0], c[3]) for c in claims] == [
        (60, "lere-2019"),
        (24, "lere-2019"),
        (5, "lere-2023"),
    ]


def test_a_place_written_without_its_accents_is_the_same_place(store: object) -> None:
    claims, _ = _run(store, "Title\n\nOn 22 June 2019, 60 civilians were killed in Lere.")
    assert [(c[0], c[3]) for c in claims] == [(60, "lere-2019")]


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


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Monday that the toll of Sunday's attack on the Léré camp had risen "
        "to 17 dead, up from the 9 dead it reported on the day of the attack.",
        "L'armée malienne a indiqué lundi que l'attaque de dimanche contre le camp de Léré a "
        "fait 17 morts ; elle avait annoncé 9 morts le jour même de l'attaque.",
    ],
)
def test_a_figure_given_on_the_event_day_is_dated_so(store: object, text: str) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[0], c[3], c[4]) for c in claims] == [
        (17, "lere-2023", dt.date(2023, 9, 18)),
        (9, "lere-2023", dt.date(2023, 9, 17)),
    ]


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
        (
            "The rebels said in a statement posted on social media late on Monday that 30 "
            "soldiers died.",
            ["Monday"],
        ),
        ("Le gouverneur a dressé lundi devant la presse un bilan de 23 morts.", ["lundi"]),
        ("La veille, ces mêmes sources faisaient état de neuf morts.", ["La veille"]),
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


@pytest.mark.parametrize(
    ("text", "body", "credits"),
    [
        # people who wrote, reported or edited: out of the body, and no relay
        ("Ten dead.\n\n(Reporting by Ana Ruiz; Editing by Tom Hale)", ["Ten dead."], []),
        ("Ten dead.\n\nReporting by Ana Ruiz in Lima; Writing by Tom Hale", ["Ten dead."], []),
        ("Ten dead, police said. (Additional reporting by Ana Ruiz)", ["Ten dead, police said."], []),
        ("By Ana Ruiz\n\nTen dead.", ["Ten dead."], []),
        ("Par Paul Marchand, avec Awa Sy à Niamey\n\nDix morts.", ["Dix morts."], []),
        ("Propos recueillis par Awa Sy\n\nDix morts.", ["Dix morts."], []),
        # a byline naming an agency credits the agency
        ("Par Paul Marchand avec AFP\n\nDix morts.", ["Dix morts."], ["AFP"]),
        # a sentence opening with "by" is no byline
        ("By the time help came, ten were dead.", ["By the time help came, ten were dead."], []),
        ("By Monday, ten were dead.", ["By Monday, ten were dead."], []),
    ],
)  # fmt: skip
def test_credits_of_people_are_no_relay(text: str, body: list[str], credits: list[str]) -> None:
    article = parse_text("Title\n\n" + text)
    assert [s.text for s in article.sentences][1:] == body
    assert [c.name for c in article.credits] == credits


def test_a_relay_note_speaks_plainly(store: object) -> None:
    from claimcheck.extract import to_yaml

    _, x = _run(store, "Title\n\nBAMAKO (AFP) - Cinq morts.")
    assert "DESIGN" not in to_yaml(x)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        # a part of the dead goes to the property for that part, never to the total
        ("Forty people died in Menaka. Six of the dead were children, the UN said.",
         [("Forty", "killed"), ("Six", "children_killed")], None),
        ("Quarante morts à Menaka. Six des victimes étaient des enfants, selon l'ONU.",
         [("Quarante", "killed"), ("Six", "children_killed")], None),
        ("Six of the dead were soldiers, the UN said.", [("Six", "soldiers_killed")], None),
        # a part the store has no property for is skipped
        ("Six of the dead were women, the UN said.", [], "a part of a toll"),
        ("Quarante morts, dont six femmes, selon l'ONU.", [("Quarante", "killed")],
         "a part of a toll"),
        # the wounded who died since: an increment, not a toll
        ("Two of the wounded died overnight, the UN said.", [], "increment"),
        ("Deux blessés ont succombé à l'hôpital, selon l'ONU.", [], "increment"),
        ("Four injured people later died in hospital, the UN said.", [], "increment"),
        # households are no people
        ("300 families fled Menaka, the UN said.", [], "not people"),
        ("Trois cents familles ont fui Menaka, selon l'ONU.", [], "not people"),
        ("300 people fled Menaka, the UN said.", [(300, "displaced")], None),
    ],
)  # fmt: skip
def test_parts_increments_and_households_are_no_totals(
    store: object, text: str, expected: list[tuple[object, str]], note: str | None
) -> None:
    claims, x = _run(store, text)
    assert [(c[0], c[1]) for c in claims] == expected
    if note is not None:
        assert any(note in s.reason for s in x.skipped)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a toll verb between quotes is still the toll verb
        ('The army said 30 attackers had been "neutralised".', [("30", "killed")]),
        ("L'armée affirme que 30 assaillants ont été « neutralisés ».", [("30", "killed")]),
        # "the number of X killed ... has risen to N": N counts what the number names
        ("The number of civilians killed in the raid has risen to 31, doctors said.",
         [("31", "killed")]),
        ("Le nombre de blessés de l'attaque est passé à 41, selon des médecins.",
         [("41", "wounded")]),
        # lives taken: "coûté la vie à", "claimed the lives of"
        ("L'embuscade avait coûté la vie à 9 militaires.", [("9", "killed")]),
        ("The blast claimed the lives of 9 soldiers.", [("9", "killed")]),
    ],
)  # fmt: skip
def test_quoted_verbs_and_lives_taken(sentence: str, figures: list[tuple[str, str]]) -> None:
    found = find_figures(sentence, find_dates(sentence, PUBLISHED))
    assert [(f.match.text, f.measure) for f in found if not f.skipped] == figures


def test_a_recalled_event_that_cost_lives_is_its_own_subject(store: object) -> None:
    claims, _ = _run(
        store,
        "Title\n\nLe 22 juin 2019, le massacre de Léré avait coûté la vie à 160 civils.",
    )
    assert [(c[0], c[1], c[3]) for c in claims] == [(160, "civilian_deaths", "lere-2019")]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # a dateline's day is the day of statements that name none
        ("GAO, Sept. 18 (Reuters) - The army said 5 soldiers were killed.", dt.date(2023, 9, 18)),
        ("GAO, 18 septembre (AFP) - L'armée a annoncé 5 soldats tués.", dt.date(2023, 9, 18)),
        # the publication's own day changes nothing
        ("GAO, Sept. 19 (Reuters) - The army said 5 soldiers were killed.", None),
        # a statement's own day outranks the dateline's
        ("GAO, Sept. 18 (Reuters) - The army said on Sunday 5 soldiers were killed.",
         dt.date(2023, 9, 17)),
        # "a-t-on appris samedi de sources hospitalières": the day it was learnt
        ("Cinq soldats ont été tués, a-t-on appris lundi de sources médicales.",
         dt.date(2023, 9, 18)),
    ],
)  # fmt: skip
def test_the_day_of_a_statement(store: object, text: str, as_of: dt.date | None) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [c[4] for c in claims] == [as_of]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an army denying its own losses denies a figure of its soldiers
        ("The army denied losing 20 men.", [("soldiers_killed", "denies")]),
        ("L'armée dément avoir perdu 20 hommes.", [("soldiers_killed", "denies")]),
    ],
)
def test_a_party_denying_its_own_losses(
    store: object, text: str, expected: list[tuple[str, str]]
) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[1], c[5]) for c in claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'armée a annoncé la perte de 4 soldats, et 11 blessés ont été évacués.",
        "The army said it lost 4 soldiers and 11 wounded were evacuated.",
    ],
)
def test_an_armys_wounded_beside_its_dead_may_be_a_part(store: object, text: str) -> None:
    """The store has no property of soldiers wounded: the total's, with a warning."""
    claims, x = _run(store, "Title\n\n" + text)
    assert [(c[1], c[2]) for c in claims] == [("soldiers_killed", "fama"), ("wounded", "fama")]
    assert "may be a part" in " ".join(x.claims[1].why)  # type: ignore[attr-defined]


def test_an_armys_wounded_go_to_its_sides_property(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    extra = (
        "\n  - {id: soldiers_wounded, type: quantity, unit: people, cumulative: true, "
        "label: Soldiers wounded}"
    )
    (folder / "store.yaml").write_text(STORE.rstrip("\n") + extra + "\n", "utf-8")
    claims, _ = _run(
        load_store(folder),
        "Title\n\nL'armée a annoncé la perte de 4 soldats, et 11 blessés ont été évacués.",
    )
    assert [c[1] for c in claims] == ["soldiers_killed", "soldiers_wounded"]


# --- the desk's second trial: speakers out of the sentence, channels, words, lists -------


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an attribution after the figure, or one the text made a sentence before
        ("Cinq civils ont été tués, a-t-on appris de sources hospitalières.",
         ["medical-sources"]),
        ("Le bilan s'est alourdi à 17 morts, a-t-on appris lundi de sources hospitalières.",
         ["medical-sources"]),
        ("Cinq civils ont été tués, selon des sources médicale et sécuritaire.",
         ["medical-sources"]),
        ("L'armée malienne, qui avait annoncé dimanche la perte de 5 soldats, se tait.",
         ["fama"]),
        ("Five civilians were killed, medical sources said. The same sources said 3 soldiers "
         "were wounded.", ["medical-sources", "medical-sources"]),
        ("Selon des sources médicales, 5 civils ont été tués. Selon ces mêmes sources, "
         "8 personnes ont été blessées.", ["medical-sources", "medical-sources"]),
        ("L'armée malienne a publié lundi un communiqué. Le communiqué précise que 12 "
         "assaillants ont été tués.", ["fama"]),
        ("The army issued a statement on Monday. It added that 12 attackers were killed.",
         ["fama"]),
        ("L'état-major a publié un communiqué.\n\nLe bilan fait état de 12 assaillants tués.",
         ["fama"]),
        # a document credited to its author in its own phrase; a count named for whose
        ("Selon le rapport publié lundi par le CSP-PSD, 60 soldats ont été tués.",
         ["csp-psd"]),
        ("According to a report by the United Nations, 60 civilians were killed.", ["un"]),
        ("The Gao regional hospital's count stood at 19 dead.", ["gao-hospital"]),
        # "a source" is someone, not the statement named before
        ("The army issued a statement. A source close to the talks told AFP that 2 soldiers "
         "were killed.", ["source-close-to-the-talks"]),
        # an outlet that read a document is not its author
        ("The CSP-PSD claimed 9 soldiers killed, according to an audio message reviewed by "
         "Reuters.", ["csp-psd"]),
        ("Le bilan de l'armée malienne est de 12 morts.", ["fama"]),
        # a sentence naming nobody goes on with the report just before it, in its
        # paragraph only
        ("Hospital director Dr Amadou Keita said 9 people were killed. Another 34 people "
         "were being treated for wounds.", ["gao-hospital", "gao-hospital"]),
        ("The army said 4 soldiers were killed.\n\nAt least 12 civilians died in the market.",
         ["fama", None]),
        # the name just before an inverted verb speaks, not the one the clause opens with
        ("Fighters of the CSP-PSD killed at least 14 people on Sunday, medical sources said.",
         ["medical-sources"]),
        # "contre" in "une attaque contre le camp" sets nothing apart
        ("Au moins 9 personnes ont été tuées dans une attaque contre le camp de Léré, selon "
         "des sources médicales.", ["medical-sources"]),
        # a channel is where it was said, never who said it
        ("Dans un communiqué lu à la télévision nationale, l'état-major a annoncé 12 morts.",
         ["fama"]),
        ("In a statement read on state television, the army said 12 attackers were killed.",
         ["fama"]),
        ("The CSP-PSD said in a statement posted on Facebook that 9 soldiers were killed.",
         ["csp-psd"]),
        ("Le gouverneur a déclaré à l'antenne de la radio nationale que 4 civils ont été tués.",
         ["governor"]),
        # a pronoun or a generic noun is the party last named of its kind
        ("Le CSP-PSD a revendiqué l'attaque. Le mouvement dit avoir perdu 2 combattants.",
         ["csp-psd"]),
        ("The CSP-PSD claimed the attack. The group said it lost 2 fighters.", ["csp-psd"]),
        ("Le gouverneur a fait le point lundi. Selon lui, 40 personnes ont fui.", ["governor"]),
        ("Un porte-parole du CSP-PSD a parlé aux journalistes. Le groupe dit avoir perdu 4 "
         "combattants.", ["csp-psd"]),
        # a quotation going on from the speaker named just before it
        ("The governor's office spoke to the press. \u201cWe counted 14 bodies. Five of them "
         "were children.\u201d", ["governor", "governor"]),
        ("\u00ab Nous avons vu 6 corps \u00bb, a dit un médecin. \u00ab Quatre blessés sont "
         "arrivés ce matin. \u00bb", ["medical-sources", "medical-sources"]),
        # "a-t-il raconté": the pronoun between auxiliary and participle
        ("Le gouverneur a visité la ville. « J'ai compté 8 morts », a-t-il raconté.",
         ["governor"]),
        # the statement goes on: "le communiqué déplore", "the statement lists"
        ("L'armée malienne a publié un communiqué.\n\nLe communiqué déplore 4 soldats "
         "tombés. Deux soldats sont portés disparus.", ["fama", "fama"]),
        # a person the store lacks, named as a party's: that party
        ("Hospital director Dr Amadou Keita said 9 people were killed.", ["gao-hospital"]),
        ("Army spokesman Colonel Ali Diarra spoke to RFI. Diarra said 12 attackers were "
         "killed.", ["fama"]),
        # an adverb between auxiliary and participle is nobody
        ("Un officier joint par téléphone a toutefois indiqué que 3 soldats ont été tués.",
         [None]),
        # ... or nobody: empty, never an id made of the noun
        ("Le mouvement dit avoir perdu 2 combattants.", [None]),
        ("The same source said 4 soldiers were wounded.", [None]),
    ],
)  # fmt: skip
def test_who_speaks_beyond_the_sentence(
    store: object, text: str, claimants: list[str | None]
) -> None:
    claims, _ = _run(store, "Titre\n\n" + text)
    assert [c[2] for c in claims] == claimants


@pytest.mark.parametrize(
    "text",
    [
        "Attaque à Léré : 12 morts\n\n12 personnes ont été tuées, selon des sources médicales.",
        "Twelve killed in Léré attack\n\nTwelve people were killed, medical sources said.",
    ],
)
def test_a_headline_figure_is_proposed_once_where_the_text_credits_it(
    store: object, text: str
) -> None:
    claims, x = _run(store, text)
    assert [c[2] for c in claims] == ["medical-sources"]
    assert x.claims[0].locator == "paragraph 2, sentence 1"
    assert "headline" in " ".join(x.claims[0].why)


@pytest.mark.parametrize(
    "text",
    [
        # another figure, or another property: the headline's claim stands
        "Attaque à Léré : 15 morts\n\n12 personnes ont été tuées, selon des sources médicales.",
        "Twelve wounded in Léré attack\n\nTwelve people were killed, medical sources said.",
    ],
)
def test_a_headline_figure_the_body_does_not_repeat_is_kept(store: object, text: str) -> None:
    claims, x = _run(store, text)
    assert len(claims) == 2 and x.claims[0].locator == "paragraph 1, sentence 1"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("L'armée a reconnu cinq soldats tombés.", [("cinq", "killed")]),
        ("We lost two martyrs.", [("two", "killed")]),
        ("Nous avons reçu neuf corps.", [("neuf", "killed")]),
        ("The hospital received nine bodies.", [("nine", "killed")]),
        ("La riposte a permis de neutraliser 21 terroristes et de détruire 6 véhicules.",
         [("21", "killed"), ("6", "destroyed")]),
        ("Onze passagers ont été enlevés.", [("Onze", "captured")]),
        ("Gunmen kidnapped 11 passengers.", [("11", "captured")]),
        ("Quatre personnes ont perdu la vie.", [("Quatre", "killed")]),
        ("Four people lost their lives.", [("Four", "killed")]),
        # the wounded who died since are an increment, not a toll (see below)
        ("Two of the wounded later succumbed.", []),
        ("Les combats ont fait 4 victimes.", [("4", "killed")]),
        # a toll noun far before its figure; a predicate past an aside; "N of them"
        ("The death toll from Sunday's attack on the camp has risen to 17.", [("17", "killed")]),
        ("Le bilan de l'attaque de dimanche contre le camp s'est alourdi à 17.",
         [("17", "killed")]),
        ("37 villagers, among them 14 children, were killed.",
         [("37", "killed"), ("14", "killed")]),
        ("37 civils, dont 14 enfants, avaient été tués.", [("37", "killed"), ("14", "killed")]),
        ("We counted 14 bodies. Five of them were children.", [("14", "killed"), ("Five", "killed")]),
        # shells or kilometres are never a toll, whatever verb follows
        ("Deux obus sont tombés sur le marché.", [("Deux", "munitions")]),
        # a quotation opening after the figure is still its phrase
        ("It said 5 soldiers died and 12 \"terrorists neutralised\" as troops fought.",
         [("5", "killed"), ("12", "killed")]),
        # "libération" in a name is no release
        ("Le Front de libération du Macina a tué 5 soldats.", [("5", "killed")]),
        # suspects arrested are no people taken in the event
        ("The army said several suspects had been arrested.", []),
        ("Trois suspects ont été arrêtés.", []),
        # people never found are missing
        ("Au moins six personnes n’ont jamais été retrouvées.", [("Au moins six", "missing")]),
        ("At least six people have never been found.", [("At least six", "missing")]),
        # released or freed people are no people taken
        ("Three hostages were freed on Monday.", []),
        ("Trois otages ont été libérés lundi.", []),
        ("Three of the passengers abducted on Sunday have been freed.", []),
    ],
)  # fmt: skip
def test_the_words_of_tolls(sentence: str, figures: list[tuple[str, str]]) -> None:
    found = [f for f in find_figures(sentence, find_dates(sentence, PUBLISHED)) if not f.skipped]
    assert [(f.match.text, f.measure) for f in found] == figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker counting its own: "our men", "nos hommes", "its own losses"
        ("The army said: \u201cWe lost 5 of our men.\u201d", [(5, "soldiers_killed")]),
        ("Selon l'armée, 5 de nos hommes sont tombés.", [(5, "soldiers_killed")]),
        ("The CSP-PSD put its own losses at 2.", [(2, "killed")]),
        ("The army said it had killed 30 attackers and lost 4 men.",
         [(30, "killed"), (4, "soldiers_killed")]),
        ("L'armée malienne a reconnu la perte de 3 de ses propres hommes.",
         [(3, "soldiers_killed")]),
        # the party that lost them, whoever tells it
        ("A source told Reuters the army had in fact lost around 15 men.",
         [("around 15", "soldiers_killed")]),
    ],
)  # fmt: skip
def test_a_speaker_counting_its_own(
    store: object, text: str, expected: list[tuple[object, str]]
) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[0], c[1]) for c in claims] == expected


def test_the_event_a_sentence_names_without_a_figure_carries(store: object) -> None:
    claims, _ = _run(
        store,
        "Reportage\n\nTrois jours après l'attaque de dimanche contre le camp de Léré, la ville "
        "se relève.\n\nLe gouverneur a dressé mardi un bilan : 23 morts et 31 blessés.",
    )
    assert [(c[0], c[2], c[3], c[4]) for c in claims] == [
        (23, "governor", "lere-2023", None),
        (31, "governor", "lere-2023", None),
    ]


def test_the_article_event_carries_to_figures_that_name_none(store: object) -> None:
    claims, x = _run(
        store,
        "Attaque contre le camp de Léré\n\nL'armée a indiqué que 12 soldats ont été tués "
        "dimanche dans l'attaque du camp de Léré.\n\nLundi, le bilan s'est alourdi à 15 "
        "morts.\n\nEn 2019, une attaque à Léré avait fait 160 morts.",
    )
    assert [(c[0], c[3]) for c in claims] == [
        (12, "lere-2023"),
        (15, "lere-2023"),
        (160, "lere-2019"),
    ]
    assert claims[1][4] == dt.date(2023, 9, 18)  # the day after the event the text names
    assert "the article's event" in " ".join(x.claims[1].why)


@pytest.mark.parametrize(
    "text",
    [
        "The army denied losing 20 soldiers, saying only 3 soldiers were killed.",
        "L'armée a démenti avoir perdu 20 soldats, affirmant que seuls 3 soldats ont été tués.",
    ],
)
def test_a_denial_does_not_reach_the_counter_figure(store: object, text: str) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[0], c[2], c[5]) for c in claims] == [(20, "fama", "denies"), (3, "fama", "asserts")]


def test_a_denial_then_its_own_words_asserts_them(store: object) -> None:
    claims, _ = _run(
        store,
        "Titre\n\nL'armée malienne a démenti : « Aucun de nos soldats n'a été fait prisonnier. »",
    )
    assert [(c[0], c[1], c[2], c[5]) for c in claims] == [(0, "captured", "fama", "asserts")]


@pytest.mark.parametrize(
    "text",
    [
        "Le bilan est de 23 morts, dont 7 soldats et 9 civils.",
        "The toll stands at 23 dead, including 7 soldiers and 9 civilians.",
    ],
)
def test_every_part_of_a_list_is_a_subset(store: object, text: str) -> None:
    """Each part of "dont 7 soldats et 9 civils" is a part of the toll before it."""
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[0], c[1]) for c in claims] == [
        (23, "killed"),
        (7, "soldiers_killed"),
        (9, "civilian_deaths"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The dead included 9 civilians and 5 soldiers.",
        "Parmi les morts figurent 9 civils et 5 soldats.",
    ],
)
def test_the_parts_a_toll_included(store: object, text: str) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [(c[0], c[1]) for c in claims] == [(9, "civilian_deaths"), (5, "soldiers_killed")]


@pytest.mark.parametrize(
    "text",
    [
        "Les ravisseurs réclament une rançon de 5 millions de francs CFA.",
        "The kidnappers demanded 2 million dollars for 11 hostages.",
        # a part of the wounded in some state, for which the store has no property
        "Le bilan de l'attaque de Léré dimanche : plusieurs blessés sont dans un état grave.",
        "Several of the wounded are in critical condition after the Léré camp attack.",
        "The conflict has killed 5,000 people since 2012.",
        "Depuis 2012, l'insurrection a fait des milliers de morts.",
        "Since the start of the year, 112 civilians have been killed in the region.",
        "Le groupe a enlevé plus de 60 personnes l'an dernier, selon un décompte de l'AFP.",
        "The group kidnapped more than 60 people last year.",
    ],
)
def test_not_this_events_claims(store: object, text: str) -> None:
    claims, _ = _run(store, "Title\n\n" + text)
    assert [c[0] for c in claims if c[0] != 11] == []
