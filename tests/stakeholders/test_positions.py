"""Statements, concepts in the field's vocabulary, the matrix, the discourse networks, the
central initiative and stances, and power from the actor's sector: the right values of the
stakeholder issue, each correction with a case where it must not fire."""
from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.files.contract import COLUMNS, read_table
from helpers.nlp.model import get_nlp
from helpers.stakeholders import positions, power_interest
from helpers.stakeholders.analysis import analyse_stakeholders, write_outputs
from helpers.stakeholders.issues import IssueDictionaryError, issue_matches, read_issue_book, words
from helpers.stakeholders.lexicon import concept_families, concept_variants
from helpers.stakeholders.statements import speakers
from helpers.stakeholders.tables import make_tables
from helpers.views.stakeholder_figures import draw_matrix

from tests.stakeholders.fixture import one_sentence, seed_tables


def claims(text: str, mentions=(), events=()) -> list[tuple]:
    table = positions.positions(one_sentence(text, mentions, events))
    return [tuple(r) for r in table[["actor_id", "concept", "agreement"]].values.tolist()]


@pytest.mark.parametrize("text, mentions, expected", [
    ("France urged the council to back the sanctions.", [("France", "france"), ("council", "unsc")],
     [("france", "SANCTIONS", 1)]),
    ("Kenya rejected the proposal for early elections.", [("Kenya", "kenya")],
     [("kenya", "ELECTION", -1)]),
    ("Uganda supports a ceasefire.", [("Uganda", "uganda")], [("uganda", "ceasefire", 1)]),
    ("The minister criticised the report.", [("The minister", "minister")],
     [("minister", "report", -1)]),
    ("Kenya called for the border to reopen.", [("Kenya", "kenya")], [("kenya", "border", 1)]),
    ("Turkey praised Israel.", [("Turkey", "turkey"), ("Israel", "israel")],
     [("turkey", "israel", 1)]),
    ("Russia denied reports that Putin will meet Trump.",
     [("Russia", "russia"), ("Putin", "putin"), ("Trump", "trump")], [("russia", "meeting", -1)]),
    ("Ghana condemned the coup d'etat in Niger.", [("Ghana", "ghana"), ("Niger", "niger")],
     [("ghana", "COUP_DISCUSSION", -1)]),
    ("Japan expressed its support for the reconstruction of Syria.",
     [("Japan", "japan"), ("its", "japan"), ("Syria", "syria")], [("japan", "reconstruction", 1)]),
    ("Indonesia hopes to deepen the collaboration with Japan.",
     [("Indonesia", "indonesia"), ("Japan", "japan")], [("indonesia", "cooperation", 1)]),
])
def test_a_position_is_named_by_its_object_in_the_fields_vocabulary(text, mentions, expected):
    assert claims(text, mentions) == expected


@pytest.mark.parametrize("text, expected", [
    ("We will not tolerate any threat, Katz said.", [("katz", "threat", -1, "negated")]),
    ("Kenya did not reject the deal.", [("kenya", "deal", 1, "negated")]),
    ("Kenya may back the plan.", [("kenya", "plan", 1, "possible")]),
    ("Kenya backs the plan.", [("kenya", "plan", 1, "asserted")]),
])
def test_negation_flips_the_agreement_and_hedging_is_carried_through(text, expected):
    mentions = [(w, "katz" if w in ("We", "Katz") else "kenya") for w in ("We", "Katz", "Kenya")
                if w in text]
    table = positions.positions(one_sentence(text, mentions))
    assert [tuple(r) for r in table[["actor_id", "concept", "agreement", "factuality"]]
            .values.tolist()] == expected


def test_a_stance_the_addressee_is_only_urged_to_take_is_the_askers():
    found = claims("Officials urged Iraqi leaders to support regional stability.",
                   [("Officials", "officials"), ("Iraqi leaders", "leaders")])
    assert found == [("officials", "stability", 1)]


@pytest.mark.parametrize("text, mentions", [
    ("The roads were closed.", []),
    ("Kenya visited Paris and met officials.", [("Kenya", "kenya"), ("Paris", "paris")]),
    ("Kenya urged Uganda to act.", [("Kenya", "kenya"), ("Uganda", "uganda")]),
    ("It was agreed on Wednesday.", []),
])
def test_no_statement_without_a_stance_cue_an_actor_and_an_object(text, mentions):
    assert claims(text, mentions) == []


def test_a_date_is_never_a_concept_and_an_addressee_is_never_one():
    found = claims("Kenya and Uganda agreed on Wednesday to resume trade.",
                   [("Kenya", "kenya"), ("Uganda", "uganda")])
    assert found == [("kenya", "trade", 1), ("uganda", "trade", 1)]
    found = claims("Mexico urged Canada to join the talks.", [("Mexico", "mexico"),
                                                               ("Canada", "canada")])
    assert ("mexico", "canada", 1) not in found


def test_praise_and_criticism_events_are_statements_about_their_target():
    event = {"trigger": "accused", "lemma": "accuse", "cameo_code": "112", "source_actor": "army",
             "target_actor": "rsf", "factuality": "asserted"}
    found = claims("The army accused the RSF.", [("The army", "army"), ("RSF", "rsf")], [event])
    assert found == [("army", "rsf", -1)]
    meeting = {**event, "trigger": "met", "lemma": "meet", "cameo_code": "040"}
    assert claims("The army met the RSF.", [("The army", "army"), ("RSF", "rsf")], [meeting]) == []


def test_the_phoenix_issue_dictionary_expands_forms_and_honours_exclusions():
    assert issue_matches(words("sanctions and human rights")) == [(0, 1, "SANCTIONS"),
                                                                  (2, 4, "HUMAN_RIGHTS")]
    assert issue_matches(words("a head start")) == []
    assert issue_matches(words("the meeting")) == []


def test_a_missing_issue_dictionary_is_named(tmp_path):
    with pytest.raises(IssueDictionaryError, match="Phoenix.IssueCoding.txt not found"):
        read_issue_book(tmp_path / "Phoenix.IssueCoding.txt")
    bad = tmp_path / "issues.txt"
    bad.write_text('<ISSUE CATEGORY="X">\n [CODE]\n</ISSUE>\n', encoding="utf-8")
    with pytest.raises(IssueDictionaryError, match="issues.txt, line 2"):
        read_issue_book(bad)


def test_variants_merge_and_the_seeds_seven_families_stay():
    assert concept_variants()["collaboration"] == ("cooperation", 1)
    assert concept_variants()["instability"] == ("stability", -1)
    assert set(concept_families().values()) == {
        "de_escalation", "regional_stability", "mediation", "neutrality", "election_stability",
        "trade_flow", "cooperation"}
    assert "meeting" not in concept_families()


STATEMENTS = pd.DataFrame({
    "sentence_id": [1, 2, 3, 4, 5, 6],
    "actor_id": ["a", "b", "c", "c", "a", "b"],
    "concept": ["deal", "deal", "deal", "deal", "visit", "visit"],
    "agreement": [1, 1, 1, -1, 1, -1]})


def test_the_matrix_and_the_congruence_and_conflict_networks():
    matrix = positions.concept_matrix(STATEMENTS, actors=["a", "b", "c", "d"])
    assert matrix.columns.tolist() == ["deal", "visit"]
    assert matrix.loc["c", "deal"] == 0 and matrix.loc["b", "visit"] == -1
    assert matrix.loc["d"].abs().sum() == 0
    ties = positions.discourse_networks(matrix)
    assert ties[["actor_a", "actor_b", "tie", "concepts"]].values.tolist() == [
        ["a", "b", "congruence", "deal"], ["a", "b", "conflict", "visit"]]


def test_the_central_initiative_has_the_most_actors_and_stances_can_be_mixed():
    initiative, basis = positions.central_initiative(STATEMENTS)
    assert initiative == "deal"
    table = positions.stances(basis, ["a", "b", "c", "d"], concept=initiative)
    assert table["stance"].tolist() == ["support", "support", "mixed", "not_stated"]
    assert table.set_index("actor_id").loc["c", "sentence_ids"] == (3, 4)


def test_without_statements_the_initiative_is_the_most_coded_event():
    events = [{"trigger": "met", "lemma": "meet", "cameo_code": "040", "source_actor": "a",
               "target_actor": "b", "factuality": "asserted", "goldstein": 1.0}]
    tables = one_sentence("A met B.", [("A", "a"), ("B", "b")], events)
    initiative, basis = positions.central_initiative(positions.positions(tables), tables)
    assert initiative == "meeting"
    table = positions.stances(basis, ["a", "b"], concept=initiative)
    assert table["stance"].tolist() == ["support", "not_stated"]
    assert positions.central_initiative(positions.positions(one_sentence("It rained.")),
                                        one_sentence("It rained."))[0] is None


@pytest.mark.parametrize("code, kind, expected", [
    ("IRNGOV", "person", 0.9), ("IRNLEG", "person", 0.7), ("IGOAFRAU", "organization", 0.8),
    ("NGAREB", "group", 0.5), ("IRQ", "state", 1.0), ("", "person", 0.3), ("", "group", 0.5),
])
def test_power_reads_the_sector_of_the_cameo_code_else_the_type(code, kind, expected):
    assert power_interest.sector_score(code, kind) == expected


def test_statements_csv_follows_the_contract(tmp_path):
    report = analyse_stakeholders(seed_tables(), with_sensitivity=False)
    write_outputs(report, out_dir=tmp_path)
    table = read_table(report.tables.doc_id, "statements", out_dir=tmp_path)
    assert tuple(table.columns) == COLUMNS["statements"] == (
        "statement_id", "sentence_id", "actor_id", "concept", "agreement", "cue", "factuality",
        "attribution", "event_id")
    assert len(table) and set(table["agreement"]) <= {1, -1}
    assert set(table["actor_id"]) <= set(report.profiles["actor_id"])


def test_a_quotation_without_its_speaker_takes_the_speaker_of_the_sentence_before():
    text = "Katz said in a statement. “Strict measures will be strengthened.”"
    sentences = [{"sentence_id": 1, "start": 0, "end": 25, "text": text[:25]},
                 {"sentence_id": 2, "start": 26, "end": len(text), "text": text[26:]}]
    mentions = [{"mention_id": "m1", "sentence_id": 1, "start": 0, "end": 4, "text": "Katz",
                 "actor_id": "katz"}]
    table = positions.positions(make_tables("d", text, sentences=sentences, mentions=mentions))
    assert table[["sentence_id", "actor_id", "concept", "agreement"]].values.tolist() == [
        [2, "katz", "measure", 1]]
    unquoted = text.replace("“", "").replace("”", "")
    sentences[1] = {"sentence_id": 2, "start": 26, "end": len(unquoted), "text": unquoted[26:]}
    assert positions.positions(make_tables("d", unquoted, sentences=sentences,
                                           mentions=mentions)).empty


@pytest.mark.parametrize("text, expected", [
    ("Kenya stressed the importance of trade.", [("kenya", "trade", 1)]),
    ("Kenya stressed the importance.", []),
    ("Kenya welcomed the report.", [("kenya", "report", 1)]),
    ("Kenya hoped the talks would succeed.", [("kenya", "meeting", 1)]),
])
def test_an_empty_container_names_nothing_alone_a_full_one_names_itself(text, expected):
    assert claims(text, [("Kenya", "kenya")]) == expected


def test_an_actor_that_takes_a_position_is_a_stakeholder_whatever_its_type():
    tables = one_sentence("Hemedti rejected the plan near Darfur.",
                          [("Hemedti", "hemedti"), ("Darfur", "darfur")])
    tables = make_tables("d", tables.text, sentences=tables.sentences, mentions=tables.mentions,
                         actors=[{"actor_id": "hemedti", "name": "Hemedti", "type": "city"},
                                 {"actor_id": "darfur", "name": "Darfur", "type": "city"}])
    report = analyse_stakeholders(tables, with_sensitivity=False)
    assert report.profiles["actor_id"].tolist() == ["hemedti"]
    assert report.stances.set_index("actor_id").loc["hemedti", "stance"] == "oppose"


def test_each_conjunct_of_a_containers_complement_is_a_concept():
    assert claims("Kenya rejected claims of delays and losses.", [("Kenya", "kenya")]) == [
        ("kenya", "delay", -1), ("kenya", "loss", -1)]
    assert claims("Kenya rejected delays and Uganda welcomed them.",
                  [("Kenya", "kenya"), ("Uganda", "uganda")]) == [("kenya", "delay", -1)]


def test_the_one_quoted_is_the_speaker_not_the_outlet_that_quotes():
    doc = get_nlp()("AFP quoted Tarar as saying that the talks were useful.")
    assert speakers(doc[:], {0: ["afp"], 2: ["tarar"]}) == ["tarar"]
    doc = get_nlp()("Reuters said that the talks were useful.")
    assert speakers(doc[:], {0: ["reuters"]}) == ["reuters"]


def test_a_negated_preparation_is_a_position_against_what_it_prepares():
    found = claims("Peskov said no preparations are being made for any kind of meeting.",
                   [("Peskov", "peskov")])
    assert found == [("peskov", "meeting", -1)]
    assert claims("Preparations are being made for the summit.") == []


def test_a_stance_verb_on_an_actor_names_the_actor_an_action_on_it_names_the_action():
    assert claims("Arab states agreed to support Syria.", [("Arab states", "arabs"),
                                                           ("Syria", "syria")]) == [
        ("arabs", "syria", 1)]
    assert claims("Kenya agreed to visit Uganda.", [("Kenya", "kenya"), ("Uganda", "uganda")]) \
        == [("kenya", "visit", 1)]


def test_the_event_layers_source_holds_a_verb_cue_whose_subject_is_not_linked():
    event = {"trigger": "agreed", "lemma": "agree", "cameo_code": "", "source_actor": "kenya",
             "factuality": "asserted"}
    assert claims("They agreed to meet.", [], [event]) == [("kenya", "meeting", 1)]
    assert claims("They agreed to meet.") == []


def test_the_matrix_figure_marks_statements_both_ways_and_leaves_the_silent_out():
    report = analyse_stakeholders(seed_tables(), with_sensitivity=False)
    statements = pd.DataFrame({"actor_id": ["iran", "iran", "iraq"], "concept": ["deal"] * 3,
                               "agreement": [1, -1, 1], "sentence_id": [1, 2, 3]})
    matrix = positions.concept_matrix(statements, actors=report.profiles["actor_id"].tolist())
    fig = draw_matrix(dataclasses.replace(report, statements=statements, matrix=matrix))
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(labels) == ["+1", "±"]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Iran", "Iraq"]
    plt.close(fig)


def test_a_phrasal_predicate_is_named_by_its_word_that_names_a_concept():
    events = [{"trigger": "paid", "lemma": "pay visit", "cameo_code": "042", "source_actor": "a",
               "target_actor": "b", "factuality": "asserted", "goldstein": 1.9}]
    tables = one_sentence("A paid a visit to B.", [("A", "a"), ("B", "b")], events)
    assert positions.central_initiative(positions.positions(tables), tables)[0] == "visit"
    tables = one_sentence("A paid a visit to B.", [("A", "a"), ("B", "b")],
                          [{**events[0], "lemma": "hold", "cameo_code": "061"}])
    assert positions.central_initiative(positions.positions(tables), tables)[0] == "hold"


def _strikes() -> object:
    events = [{"trigger": "struck", "lemma": "strike", "cameo_code": "190", "source_actor": actor,
               "target_actor": "c", "factuality": "asserted", "goldstein": -10.0}
              for actor in ("a", "b")]
    return one_sentence("Avalonia and Borduria struck Carpathia.",
                        [("Avalonia", "a"), ("Borduria", "b"), ("Carpathia", "c")], events)


def _said(*rows: tuple[str, str, int]) -> pd.DataFrame:
    return pd.DataFrame({"sentence_id": [1] * len(rows), "actor_id": [r[0] for r in rows],
                         "concept": [r[1] for r in rows], "agreement": [r[2] for r in rows]})


def test_a_coded_event_with_more_actors_taking_a_side_is_the_initiative():
    initiative, basis = positions.central_initiative(_said(("a", "plan", 1)), _strikes())
    assert initiative == "strike"
    table = positions.stances(basis, ["a", "b", "c"], concept=initiative)
    assert table["stance"].tolist() == ["support", "support", "not_stated"]


def test_a_concept_with_as_many_actors_and_statements_wins_and_its_stances_are_statements():
    tables = _strikes()
    said = _said(("a", "plan", 1), ("c", "plan", -1))
    assert positions.central_initiative(said, tables)[0] == "plan"
    initiative, basis = positions.central_initiative(_said(("c", "strike", -1)), tables)
    assert initiative == "strike"
    table = positions.stances(basis, ["a", "b", "c"], concept=initiative)
    assert table["stance"].tolist() == ["not_stated", "not_stated", "oppose"]


def coded_event(trigger: str, code: str, source: str, target: str, goldstein: float = 1.0) -> dict:
    """An asserted coded event row, as events.csv holds it."""
    return {"trigger": trigger, "lemma": trigger, "cameo_code": code, "source_actor": source,
            "target_actor": target, "factuality": "asserted", "goldstein": goldstein}


def test_a_visit_made_and_a_visit_hosted_are_one_initiative_named_by_the_cameo_code():
    text = "Avalonia arrived and Borduria received Avalonia."
    mentions = [("Avalonia", "a"), ("Borduria", "b")]
    tables = one_sentence(text, mentions, [coded_event("arrived", "042", "a", "b", 1.9),
                                           coded_event("received", "043", "b", "a", 1.9)])
    initiative, basis = positions.central_initiative(positions.positions(tables), tables)
    assert initiative == "visit"
    assert positions.stances(basis, ["a", "b"], concept=initiative)["stance"].tolist() == [
        "support", "support"]
    tables = one_sentence(text, mentions, [coded_event("arrived", "041", "a", "b", 1.9),
                                           coded_event("received", "041", "b", "a", 1.9)])
    assert positions.central_initiative(positions.positions(tables), tables)[0] == "arrived"


def test_a_public_statement_is_no_event_initiative_a_meeting_is():
    text = "Avalonia and Borduria met, and both look forward to the fair."
    mentions = [("Avalonia", "a"), ("Borduria", "b")]
    events = [coded_event("met", "040", "a", "b"), coded_event("met", "040", "b", "a"),
              coded_event("look", "013", "a", ""), coded_event("look", "013", "b", "")]
    tables = one_sentence(text, mentions, events)
    assert positions.central_initiative(_said(), tables)[0] == "meeting"
    tables = one_sentence(text, mentions, [{**e, "cameo_code": "051"} for e in events[2:]]
                          + events[:1])
    assert positions.central_initiative(_said(), tables)[0] == "look"
