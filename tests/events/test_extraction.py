"""Coded events from the dependency parse, with hand-made mentions (the linker is tested elsewhere)."""
import re

import pytest

from helpers.events.extraction import extract_events
from helpers.files.records import Mention
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentence_of, sentences


def _analyse(text: str, actors: dict[str, str]):
    """Parse ``text`` and mark every whole-word occurrence of each phrase as a mention of its actor."""
    doc = get_nlp()(text)
    sents = sentences(doc)
    mentions = [Mention(f"m{n}", sentence_of(sents, m.start()), m.start(), m.end(), m.group(),
                        "PERSON", "NAME", actor, "test")
                for n, (phrase, actor) in enumerate(actors.items(), start=1)
                for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)]
    return extract_events(doc, sents, mentions)


def _rows(events):
    return [(e.trigger, e.cameo_code, e.source_actor, e.target_actor) for e in events]


@pytest.mark.parametrize("text, actors, expected", [
    ("Kenya invited Ethiopia.", {"Kenya": "kenya", "Ethiopia": "ethiopia"},
     [("invited", "036", "kenya", "ethiopia")]),
    ("Ethiopia was invited by Kenya.", {"Kenya": "kenya", "Ethiopia": "ethiopia"},
     [("invited", "036", "kenya", "ethiopia")]),
    ("Chile and Argentina signed a trade agreement.", {"Chile": "chile", "Argentina": "argentina"},
     [("signed", "057", "chile", "argentina"), ("signed", "057", "argentina", "chile")]),
    ("Japan and Korea held talks in Seoul.", {"Japan": "japan", "Korea": "korea"},
     [("held", "040", "japan", "korea"), ("held", "040", "korea", "japan")]),
    ("Hakim began his visit to Iran.", {"Hakim": "hakim", "his": "hakim", "Iran": "iran"},
     [("visit", "042", "hakim", "iran")]),
    ("Kenya offered to mediate between Ethiopia and Somalia.",
     {"Kenya": "kenya", "Ethiopia": "ethiopia", "Somalia": "somalia"},
     [("offered", "030", "kenya", ""), ("mediate", "045", "kenya", "ethiopia"),
      ("mediate", "045", "kenya", "somalia")]),
    ("Kenya met Ethiopia to discuss trade.", {"Kenya": "kenya", "Ethiopia": "ethiopia"},
     [("met", "040", "kenya", "ethiopia")]),
    ("Kenya faces pressure.", {"Kenya": "kenya"}, [("faces", "", "kenya", "")]),
    ("Tomás Fuentes met Lucía Barros in Bogotá.",
     {"Tomás Fuentes": "tomas_fuentes", "Lucía Barros": "lucia_barros"},
     [("met", "040", "tomas_fuentes", "lucia_barros")]),
    ("Iran’s Speaker of Parliament, Mohammad Ghalibaf, formally invited him.",
     {"Mohammad Ghalibaf": "ghalibaf", "him": "hakim"}, [("invited", "036", "ghalibaf", "hakim")]),
    ("It rained heavily all night.", {}, []),
    ("", {}, []),
])
def test_who_did_what_to_whom(text, actors, expected):
    assert _rows(_analyse(text, actors)) == expected


def test_object_controls_the_infinitive():
    events = _analyse("Kenya urged Ethiopia to reopen the route.",
                      {"Kenya": "kenya", "Ethiopia": "ethiopia"})
    assert _rows(events) == [("urged", "020", "kenya", "ethiopia"), ("reopen", "", "ethiopia", "")]
    assert events[1].factuality == "underspecified"


def test_unknown_verb_is_kept_without_code_or_score():
    event = _analyse("Kenya faces pressure.", {"Kenya": "kenya"})[0]
    assert (event.cameo_code, event.goldstein, event.lemma) == ("", None, "face")


def test_goldstein_comes_from_the_code():
    assert _analyse("Kenya invited Ethiopia.", {"Kenya": "k", "Ethiopia": "e"})[0].goldstein == 4.0


def test_ids_follow_text_order_and_offsets_match():
    text = "Kenya met Ethiopia. Later Ethiopia visited Somalia."
    events = _analyse(text, {"Kenya": "kenya", "Ethiopia": "ethiopia", "Somalia": "somalia"})
    assert [e.event_id for e in events] == ["e1", "e2"]
    assert [e.sentence_id for e in events] == [1, 2]
    assert all(text[e.start:e.end] == e.trigger for e in events)


def test_sentence_attribution_is_carried_by_its_events():
    event = _analyse("Sources said Kenya invited Ethiopia.", {"Kenya": "k", "Ethiopia": "e"})[0]
    assert (event.attribution, event.source_type) == ("Sources said", "anonymous")


def test_definite_message_subject_stands_for_its_originator():
    text = "Hakim carried a message from Iran. The message urged Iraq to stay calm."
    events = _analyse(text, {"Hakim": "hakim", "Iran": "iran", "Iraq": "iraq"})
    assert ("urged", "020", "iran", "iraq") in _rows(events)


def test_predicative_participle_is_no_event():
    events = _analyse("The surgeon is not related to Hakim.", {"Hakim": "hakim"})
    assert events == []


def test_arguments_come_from_the_triggers_own_line():
    # the parse runs the headline on into the dateline: 'ease' must not take China as target
    text = ("Flood relief reaches cut-off villages as rains ease\n\n"
            "WUHAN, China — Army helicopters reached dozens of villages on Saturday.")
    assert [e for e in _analyse(text, {"China": "china"}) if e.sentence_id == 1] == []


GOLD_DOCS = ["000_a1f3d825a8827267", "t01_kenya_border", "t02_beirut_hakim", "t03_andes_trade",
             "t04_seoul_talks_a", "t05_seoul_talks_b"]


def _pipeline_result(doc_id: str):
    from helpers.config import FIXTURES_DIR, EXPECTED_DIR, SEEDS_DIR
    from helpers.nlp.mentions import find_mentions
    from helpers.files.articles import load_document
    from helpers.evaluation.events import (evaluate_events, evaluate_sourcing, read_reference_events,
                                    read_reference_sourcing)
    from helpers.events.sourcing import sourcing_table

    folder = FIXTURES_DIR if doc_id.startswith("t") else SEEDS_DIR
    doc = get_nlp()(load_document(doc_id, seeds_dir=folder).text)
    sents = sentences(doc)
    mentions = find_mentions(doc, sents)
    return (evaluate_events(read_reference_events(doc_id, reference_dir=EXPECTED_DIR), extract_events(doc, sents, mentions)),
            evaluate_sourcing(read_reference_sourcing(doc_id, reference_dir=EXPECTED_DIR), sourcing_table(doc, sents, mentions)))


def test_seed_has_at_least_eight_correct_events():
    events, _ = _pipeline_result("000_a1f3d825a8827267")
    assert events.tuples.tp >= 8 and events.tuples.precision >= 0.8


@pytest.mark.parametrize("doc_id", GOLD_DOCS)
def test_events_against_expected(doc_id):
    events, sourcing = _pipeline_result(doc_id)
    assert events.tuples.f1 >= 0.8, events.errors
    assert events.factuality_agreement >= 0.9, events.factuality_errors
    assert sourcing["type_agreement"] >= 0.9, sourcing["errors"]
