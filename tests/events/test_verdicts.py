"""Speech coded by the verdict it states: dismissing a report (120), gratitude (051); the subject
of "is due to V" as the source of V; an event noun agreed to (invented sentences, hand-made
mentions)."""
import pytest

from tests.events.test_extraction import _analyse, _rows

ACTORS = {"Delane": "delane", "Orsk": "orsk", "Tarvia": "tarvia"}


@pytest.mark.parametrize("text, expected", [
    ("Delane considered Tarvia's report baseless and biased.",
     [("considered", "120", "delane", "tarvia")]),
    ("Delane said that the report of Tarvia is one-sided, unbalanced and far from the facts.",
     [("said", "120", "delane", "tarvia")]),
    ("Delane said that the report is baseless.", [("said", "120", "delane", "")]),
    ("Orsk is grateful to Tarvia for its help, Delane said.", [("said", "051", "delane", "tarvia")]),
    ("Delane said Orsk was thankful to Tarvia.", [("said", "051", "delane", "tarvia")]),
    # a judgement is aimed at whom what it judges names; a denial's object is not whom
    ("Delane expressed concern over the Tarvian troop buildup.",
     [("expressed", "012", "delane", "tarvia")]),
    ("Delane denounced that the claims distract from the failures of the Tarvian government.",
     [("denounced", "111", "delane", "tarvia")]),
    ("Delane denied the reports about Tarvia.", [("denied", "120", "delane", "")]),
])
def test_a_stated_verdict_codes_the_speech(text, expected):
    assert _rows(_analyse(text, {**ACTORS, "Tarvian": "tarvia"})) == expected


@pytest.mark.parametrize("text", [
    "Delane said the road to Orsk was long.",      # no verdict
    "Delane said Tarvia was biased.",              # an actor judged, not a report dismissed
    "Delane considered Tarvia a friend.",
    "Delane said Orsk was grateful.",              # gratitude to no one named
])
def test_no_verdict_no_event(text):
    assert _rows(_analyse(text, ACTORS)) == []


@pytest.mark.parametrize("text, expected", [
    ("Delane is due to meet Orsk on Monday.", [("meet", "040", "delane", "orsk")]),
    ("Orsk is due to sign a deal with Tarvia.", [("sign", "057", "orsk", "tarvia")]),
    # must not fire: a subject that is no actor lends none
    ("The talks with Orsk are due to resume.", []),
])
def test_the_subject_of_due_or_likely_controls_its_infinitive(text, expected):
    assert _rows(_analyse(text, ACTORS)) == expected


@pytest.mark.parametrize("text, expected", [
    # what is agreed to stays an event of its own, with the one who agreed as its source
    ("Delane also agreed to the proposal and a meeting with Orsk.",
     [("agreed", "036", "delane", "orsk"), ("meeting", "040", "delane", "orsk")]),
    # must not fire: objecting to talks is no party to them
    ("Delane objected to the talks with Orsk.", [("objected", "125", "delane", "orsk")]),
])
def test_an_event_noun_agreed_to_takes_the_subject_of_the_agreement(text, expected):
    assert _rows(_analyse(text, ACTORS)) == expected
