"""Speech attributed through a speech noun ("a statement from X", "the statement said") and
denials of reported speech ("X clarified that no talks had been planned")."""
from __future__ import annotations

from helpers.stakeholders import positions
from helpers.stakeholders.tables import make_tables

from tests.stakeholders.fixture import one_sentence, sentence_rows

DELANE, ORSK = ("Omar Delane", "delane"), ("Orsk", "orsk")
PRESS = ("Norvela Press", "norvela_press")


def claims(tables) -> list[tuple]:
    table = positions.positions(tables)
    return [tuple(r) for r in table[["actor_id", "concept", "agreement"]].values.tolist()]


def talks(factuality: str = "negated") -> dict:
    return {"trigger": "talks", "lemma": "talk", "cameo_code": "040", "source_actor": "delane",
            "target_actor": "orsk", "factuality": factuality}


def article(text: str, mentions) -> object:
    """Tables of a text of several sentences; mentions as (text, actor_id), first match."""
    sentences = sentence_rows(text)
    rows = []
    for n, (needle, actor) in enumerate(mentions, 1):
        start = text.index(needle)
        sentence = next(s for s in sentences if s["start"] <= start < s["end"])
        rows.append({"mention_id": f"m{n}", "sentence_id": sentence["sentence_id"],
                     "start": start, "end": start + len(needle), "text": needle,
                     "actor_id": actor})
    return make_tables("d", text, sentences=sentences, mentions=rows)


def test_a_reported_clause_that_denies_a_coded_event_is_the_speakers_denial():
    text = "Omar Delane said that no talks with Orsk had taken place."
    assert claims(one_sentence(text, [DELANE, ORSK], [talks()])) == [("delane", "meeting", -1)]
    # must not fire: the event layer did not read the talks as denied
    assert claims(one_sentence(text.replace("no talks", "talks"), [DELANE, ORSK],
                               [talks("asserted")])) == []


def test_a_denied_intention_is_no_denial():
    text = "Omar Delane said that no talks with Orsk will take place."
    assert claims(one_sentence(text, [DELANE, ORSK], [talks()])) == []


def test_a_statement_from_a_person_is_his_not_the_agencys_that_released_it():
    text = ("Norvela Press released a statement from Omar Delane, clarifying that no talks "
            "with Orsk had been planned.")
    assert claims(one_sentence(text, [PRESS, DELANE, ORSK], [talks()])) == [
        ("delane", "meeting", -1)]
    # must not fire: a statement from no actor leaves the agency as the one who clarifies
    text = "Norvela Press released a statement, clarifying that no talks with Orsk had been planned."
    assert claims(one_sentence(text, [PRESS, ORSK], [talks()])) == [
        ("norvela_press", "meeting", -1)]


def test_a_statement_without_a_holder_speaks_for_the_last_speaker():
    text = "In a statement, Omar Delane said he would visit Orsk. The statement said the plan is unacceptable."
    assert ("delane", "plan", -1) in claims(article(text, [DELANE, ORSK]))
    # must not fire: no speaker named before
    assert claims(article("Orsk held elections. The statement said the plan is unacceptable.",
                          [ORSK])) == []


def test_what_another_actor_said_is_also_its_authors_statement():
    assert claims(one_sentence("Orsk rejected the statements made by Omar Delane.",
                               [ORSK, DELANE])) == [("delane", "statement", 1),
                                                    ("orsk", "statement", -1)]
    assert claims(one_sentence("Orsk criticised Omar Delane's remarks.", [ORSK, DELANE])) == [
        ("delane", "remark", 1), ("orsk", "remark", -1)]
    # must not fire: a statement no actor holds, or an object that is no speech
    assert claims(one_sentence("Orsk rejected the statements.", [ORSK])) == [
        ("orsk", "statement", -1)]
    assert claims(one_sentence("Orsk rejected the plan made by Omar Delane.",
                               [ORSK, DELANE])) == [("orsk", "plan", -1)]


def test_a_verb_that_judges_its_object_by_an_adjective_leaves_the_position_to_the_adjective():
    assert claims(one_sentence("Orsk called the remarks baseless.", [ORSK])) == [
        ("orsk", "remark", -1)]
    assert claims(one_sentence("Orsk called Omar Delane's remarks baseless.", [ORSK, DELANE])) == [
        ("delane", "remark", 1), ("orsk", "remark", -1)]
    # must not fire: an appeal is still an appeal
    assert claims(one_sentence("Orsk called for a ceasefire.", [ORSK])) == [
        ("orsk", "ceasefire", 1)]


def test_claims_and_accusations_are_what_their_author_said():
    assert claims(one_sentence("Orsk's rejection of Omar Delane's claims came on Monday.",
                               [ORSK, DELANE])) == [("delane", "claim", 1), ("orsk", "claim", -1)]
    assert claims(one_sentence("Omar Delane dismissed the accusations made by Orsk.",
                               [ORSK, DELANE])) == [("delane", "accusation", -1),
                                                    ("orsk", "accusation", 1)]
    # must not fire: a plan is no speech
    assert claims(one_sentence("Orsk's rejection of Omar Delane's plan came on Monday.",
                               [ORSK, DELANE])) == [("orsk", "plan", -1)]


def test_an_unnamed_source_inside_a_body_speaks_for_it():
    ministry = ("Orsk foreign ministry", "orsk_ministry")
    assert claims(one_sentence("A source in the Orsk foreign ministry said the plan was "
                               "unacceptable.", [ministry])) == [("orsk_ministry", "plan", -1)]
    assert claims(one_sentence("Officials at the Orsk foreign ministry rejected the plan.",
                               [ministry])) == [("orsk_ministry", "plan", -1)]
    # must not fire: an analyst speaks for himself, a source named nowhere for no one
    assert claims(one_sentence("An analyst at the Orsk foreign ministry said the plan was "
                               "unacceptable.", [ministry])) == []
    assert claims(one_sentence("A source said the plan was unacceptable.")) == []


def test_a_name_before_a_speech_noun_is_its_holder():
    norvela = ("Norvela", "norvela")
    assert claims(one_sentence("Norvela rejected the Orsk statement.", [norvela, ORSK])) == [
        ("norvela", "statement", -1), ("orsk", "statement", 1)]
    # must not fire: a common noun before it names no one
    assert claims(one_sentence("Norvela rejected the border statement.", [norvela])) == [
        ("norvela", "statement", -1)]


def test_the_author_of_a_judged_statement_does_not_speak_in_the_sentence():
    assert claims(one_sentence("Orsk rejected Omar Delane's statement, calling the plan "
                               "unacceptable.", [ORSK, DELANE])) == [
        ("delane", "statement", 1), ("orsk", "statement", -1), ("orsk", "plan", -1)]
    # must not fire: a statement no cue judges names its author as the speaker
    assert claims(one_sentence("A statement from Omar Delane said the plan is unacceptable.",
                               [DELANE])) == [("delane", "plan", -1)]
