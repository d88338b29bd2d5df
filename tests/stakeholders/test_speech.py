"""Who holds a position: reported speech, a coordinated reporting verb, a possessor that
controls an infinitive; and what a position is about when the object is a pronoun or a
report resting on rumours; coded events that are no position (an agreement signed)."""
from __future__ import annotations

import pytest

from helpers.stakeholders import positions

from tests.stakeholders.fixture import one_sentence

LOPEZ, RUIZ = ("Maria Lopez", "lopez"), ("Pedro Ruiz", "ruiz")
CHILE, PERU = ("Chile", "chile"), ("Peru", "peru")


def claims(text: str, mentions=(), events=()) -> list[tuple]:
    table = positions.positions(one_sentence(text, mentions, events))
    return [tuple(r) for r in table[["actor_id", "concept", "agreement"]].values.tolist()]


@pytest.mark.parametrize("text, mentions, expected", [
    ("Maria Lopez told reporters that Chile will back the plan.", [LOPEZ, CHILE],
     [("lopez", "plan", 1)]),
    ("Maria Lopez told Pedro Ruiz he wanted closer cooperation.",
     [LOPEZ, RUIZ, ("he", "ruiz")], [("lopez", "cooperation", 1)]),
    # must not fire: a person reported on holds the position himself
    ("Maria Lopez said that Pedro Ruiz had rejected the plan.", [LOPEZ, RUIZ],
     [("ruiz", "plan", -1)]),
    # must not fire: a state speaking of a state
    ("Chile said that Peru will back the plan.", [CHILE, PERU], [("peru", "plan", 1)]),
])
def test_the_speaker_holds_what_he_reports_of_himself_or_his_state(text, mentions, expected):
    assert claims(text, mentions) == expected


def test_a_coordinated_reporting_verb_speaks_with_its_first_conjuncts_subject():
    assert claims("Maria Lopez released a statement and said that the plan is one-sided and "
                  "unbalanced.", [LOPEZ]) == [("lopez", "plan", -1)]
    assert claims("The plan is one-sided and unbalanced.") == []


def test_a_possessor_holds_what_the_infinitive_of_its_noun_offers():
    assert claims("The summit showed Chile's readiness to offer support to Peru.",
                  [CHILE, PERU]) == [("chile", "support", 1)]
    assert claims("The summit showed the readiness to offer support to Peru.", [PERU]) == []


def test_an_action_on_a_pronoun_names_nothing_an_action_on_a_noun_names_its_object():
    assert claims("Chile wants to strengthen that.", [CHILE]) == []
    assert claims("Chile wants to strengthen the partnership.", [CHILE]) == [
        ("chile", "partnership", 1)]


def test_a_report_resting_on_rumours_is_about_what_the_rumours_say():
    assert claims("Chile denied reports based on rumours that Peru had sent a letter.",
                  [CHILE, PERU]) == [("chile", "letter", -1)]
    assert claims("Chile denied the reports.", [CHILE]) == [("chile", "report", -1)]


def test_praise_is_a_position_on_its_target_an_agreement_signed_is_not():
    def event(trigger: str, code: str) -> dict:
        return {"trigger": trigger, "lemma": trigger, "cameo_code": code, "source_actor": "chile",
                "target_actor": "peru", "factuality": "asserted", "goldstein": 3.0}
    assert claims("Chile lauded Peru.", [CHILE, PERU], [event("lauded", "051")]) == [
        ("chile", "peru", 1)]
    assert claims("Chile inked a deal with Peru.", [CHILE, PERU], [event("inked", "057")]) == []


def test_a_hyphenated_object_is_named_whole():
    assert claims("Chile supports a policy of non-alignment.", [CHILE]) == [
        ("chile", "non-alignment", 1)]
    assert claims("Chile supports a policy of neutrality.", [CHILE]) == [
        ("chile", "neutrality", 1)]


def test_a_role_noun_that_belongs_to_an_actor_is_that_actor():
    assert claims("Maria Lopez thanked the Government of Peru.", [LOPEZ, PERU]) == [
        ("lopez", "peru", 1)]
    assert claims("Maria Lopez thanked the government.", [LOPEZ]) == []


def test_a_coordinated_verb_without_object_is_no_object_of_the_cue():
    assert claims("Chile wants to build ties and to go ahead.", [CHILE]) == [("chile", "tie", 1)]
    assert claims("Chile wants to build ties and to meet.", [CHILE]) == [
        ("chile", "meeting", 1), ("chile", "tie", 1)]


def test_a_participle_modifying_a_noun_is_no_cue():
    assert claims("Chile will expand access to the ports.", [CHILE]) == [("chile", "access", 1)]
    assert claims("Chile called for the expanded access.", [CHILE]) == [("chile", "access", 1)]


def test_a_holder_named_but_not_linked_is_not_replaced_by_the_speaker():
    assert claims("Chile welcomed a commitment from the warring factions to the truce.",
                  [CHILE]) == [("chile", "commitment", 1)]
    assert claims("Chile welcomed a commitment from Peru to the truce.", [CHILE, PERU]) == [
        ("chile", "commitment", 1), ("peru", "ceasefire", 1)]


def test_a_stance_noun_said_of_a_subject_by_a_copula_is_about_that_subject():
    text = "According to Maria Lopez, the continuation of sanctions is full of prejudice."
    assert claims(text, [LOPEZ]) == [("lopez", "SANCTIONS", -1)]
    assert claims("Maria Lopez voiced prejudice against the plan.", [LOPEZ]) == [
        ("lopez", "plan", -1)]


def test_an_unnamed_spokesperson_is_the_speaker_named_before():
    text = ("Maria Lopez said talks were held. The spokesperson also pointed out that the plan "
            "is baseless.")
    tables = one_sentence(text, [LOPEZ])
    tables.sentences.loc[0, "end"] = text.index(" The")
    tables.sentences.loc[1] = {"sentence_id": 2, "start": text.index("The"), "end": len(text),
                               "text": text[text.index("The"):]}
    found = positions.positions(tables).query("sentence_id == 2")
    assert found[["sentence_id", "actor_id", "concept", "agreement"]].values.tolist() == [
        [2, "lopez", "plan", -1]]


def test_an_unnamed_speaker_is_no_speaker_without_one_named_before():
    assert claims("The spokesperson pointed out that the plan is baseless.") == []


def test_an_actors_name_is_no_issue_and_appositive_objects_are_objects():
    assert claims("Maria Lopez rejected claims of differences between the Taliban leaders, the "
                  "existence of terrorist groups.", [LOPEZ, ("Taliban", "taliban")]) == [
        ("lopez", "TERROR", -1), ("lopez", "difference", -1)]


def test_continue_is_a_cue_only_with_a_direct_object():
    assert claims("Chile will continue the talks with Peru.", [CHILE, PERU]) == [
        ("chile", "meeting", 1)]
    assert claims("Chile continues to be struck by storms.", [CHILE]) == []


def test_joining_an_actor_is_a_meeting_joining_an_alliance_is_the_alliance():
    assert claims("Maria Lopez urged Pedro Ruiz to join her.",
                  [LOPEZ, RUIZ, ("her", "lopez")]) == [("lopez", "meeting", 1)]
    assert claims("Maria Lopez urged Pedro Ruiz to join the alliance.", [LOPEZ, RUIZ]) == [
        ("lopez", "alliance", 1)]


def test_an_action_done_to_an_actor_is_named_by_its_with_object():
    assert claims("Chile agreed to supply Peru with patrol ships.", [CHILE, PERU]) == [
        ("chile", "ship", 1)]
    assert claims("Chile agreed to supply patrol ships.", [CHILE]) == [("chile", "ship", 1)]
    assert claims("Chile agreed to supply it.", [CHILE]) == []


def test_the_nearest_reporting_verb_above_a_cue_names_its_speaker():
    ministry = ("Orsk ministry", "orsk_ministry")
    delane = ("Omar Delane", "delane")
    assert claims("Omar Delane told reporters that the visit was encouraging, the Orsk ministry "
                  "said.", [delane, ministry]) == [("delane", "visit", 1)]
    # must not fire: an inner reporting verb that names no one leaves the outer speaker
    assert claims("Reporters were told that the visit was encouraging, the Orsk ministry said.",
                  [ministry]) == [("orsk_ministry", "visit", 1)]


def test_praise_of_a_possessed_thing_is_about_the_thing_not_its_possessor():
    def praise(trigger: str) -> dict:
        return {"trigger": trigger, "lemma": "hail", "cameo_code": "051", "source_actor": "chile",
                "target_actor": "peru", "factuality": "asserted", "goldstein": 3.4}
    assert claims("Chile hailed Peru's hospitality.", [CHILE, PERU], [praise("hailed")]) == [
        ("chile", "hospitality", 1)]
    # must not fire: praise of the actor itself stays a position on the actor
    assert claims("Chile hailed Peru.", [CHILE, PERU], [praise("hailed")]) == [
        ("chile", "peru", 1)]
