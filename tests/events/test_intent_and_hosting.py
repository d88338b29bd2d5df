"""Intentions, mutual commitments, hosting a visitor, nouns between parties, and the factuality
of what is intended, scheduled or denied with 'no' (invented sentences, hand-made mentions)."""
import pytest

from helpers.events.factuality import factuality_of
from helpers.nlp.model import get_nlp
from tests.events.test_extraction import _analyse, _rows

ACTORS = {"The minister": "delane", "President Pell": "pell", "Delane": "delane", "Ost": "ost", "Pell": "pell", "Orsk": "orsk", "Tarvia": "tarvia",
          "he": "delane"}


@pytest.mark.parametrize("text, expected", [
    # an intent named by a noun: the noun's complement codes it, toward the complement's target
    ("Delane expressed interest in meeting Ost.",
     [("expressed", "036", "delane", "ost"), ("meeting", "040", "delane", "ost")]),
    ("Orsk attached great importance to cooperating with Tarvia.",
     [("attached", "032", "orsk", "tarvia"), ("cooperating", "050", "orsk", "tarvia")]),
    # coordinated subjects of an intent commit to each other
    ("Delane and Ost pledged to work together.",
     [("pledged", "032", "delane", "ost"), ("pledged", "032", "ost", "delane"),
      ("work", "050", "delane", "ost"), ("work", "050", "ost", "delane")]),
    ("Orsk and Tarvia agreed to a prisoner exchange.",
     [("agreed", "030", "orsk", "tarvia"), ("agreed", "030", "tarvia", "orsk")]),
    # an intent toward the one it is told to; a hope that something happens is optimism (013)
    ("Delane told Ost he wished for closer ties.", [("wished", "030", "delane", "ost")]),
    ("Delane told Ost that he hoped the talks with Pell would succeed.",
     [("hoped", "013", "delane", "ost")]),
    # 'each other' pairs the subjects; greeting each other is a symbolic act
    ("Delane and Ost greeted each other.",
     [("greeted", "017", "delane", "ost"), ("greeted", "017", "ost", "delane")]),
    ("Delane and Ost had a friendly chat in Velm.",
     [("had", "040", "delane", "ost"), ("had", "040", "ost", "delane")]),
    ("Delane laid a wreath at the monument to Ost.", [("laid", "017", "delane", "ost")]),
    # welcoming a visitor named by title is hosting; wishing someone well is a friendly comment
    ("Delane welcomed Prime Minister Ost.", [("welcomed", "043", "delane", "ost")]),
    ("Delane wished Orsk well at the summit.", [("wished", "051", "delane", "orsk")]),
    # the parties of a noun are those it is 'between', not the subject of the verb around it
    ("Pell led the delegation in the negotiations held between Orsk and Tarvia.",
     [("negotiations", "046", "orsk", "tarvia"), ("negotiations", "046", "tarvia", "orsk")]),
    # the frame a visit is in reaches through 'the first day of'
    ("Delane met Pell on the first day of a working visit to Orsk.",
     [("met", "040", "delane", "pell"), ("visit", "042", "delane", "orsk")]),
    ("Delane filed a protest against Orsk.", [("filed", "114", "delane", "orsk")]),
    # agents after 'as well as' are agents too; wishes extended to X are a friendly comment
    ("Delane would be received by Ost, as well as his Orskan counterpart Jonas Pell, during "
     "the visit.",
     [("received", "043", "ost", "delane"), ("received", "043", "pell", "delane")]),
    ("Delane extended best wishes to Ost.", [("extended", "051", "delane", "ost")]),
    # 'A told B he wanted ...': the pronoun is the speaker, even when resolved to the addressee
    ("Delane told Ost he wanted closer ties.", [("wanted", "030", "delane", "ost")]),
    # what a subject is interested in, willing or ready to do is its intent to do it
    ("Orsk is interested in advancing its relationship with Tarvia, Delane said.",
     [("advancing", "030", "orsk", "tarvia")]),
    ("Orsk is ready to meet President Pell.", [("meet", "036", "orsk", "pell")]),
    # the one spoken to at a meeting is the other party of the meeting
    ("Delane told Ost at a meeting in Velm that ties were good.",
     [("meeting", "040", "delane", "ost")]),
])
def test_intent_hosting_and_parties(text, expected):
    actors = {**ACTORS, "he": "ost"} if "he wanted" in text else ACTORS
    assert _rows(_analyse(text, actors)) == expected


@pytest.mark.parametrize("text, not_expected", [
    # an intent of coordinated *targets* pairs nobody
    ("We wish Orsk and Tarvia success.", [("wish", "030", "orsk", "tarvia")]),
    ("Ost was invited to Orsk and Tarvia.", [("invited", "036", "orsk", "tarvia")]),
    # welcoming a decision is no hosting
    ("Delane welcomed the decision of Orsk.", [("welcomed", "043", "delane", "orsk")]),
    # a plan, an announced visit and a claim are no events of their own
    ("Delane planned to travel to Orsk.", [("planned", "036", "delane", "orsk")]),
    ("Orsk announced Delane's visit.", [("announced", "036", "orsk", "delane")]),
    ("Orsk claimed the islands of Tarvia.", [("claimed", "110", "orsk", "")]),
    # a hope with no one it is told to has no target
    ("Delane hoped for peace.", [("hoped", "030", "delane", "")]),
    # 'without providing details' is no complement of an intent
    ("Delane expressed interest in meeting Ost without providing details.",
     [("providing", "060", "delane", "ost")]),
    # the one who dismisses reports of a meeting is no party to it
    ("The minister dismissed reports of a meeting with Ost.",
     [("meeting", "040", "delane", "ost")]),
    # a named subject of what is told stays its subject
    ("Delane told Ost that Pell wanted closer ties.", [("wanted", "030", "delane", "ost")]),
    # an adjective that names no intention makes none
    ("Orsk is happy to meet President Pell.", [("meet", "036", "orsk", "pell")]),
    # a definite meeting is one already named: no new partner from the clause
    ("In the meeting, Delane congratulated Ost.", [("meeting", "040", "delane", "ost")]),
    # without 'as well as' nothing hangs on the verb
    ("Delane was received by Ost during the visit of Pell.",
     [("received", "043", "pell", "delane")]),
])
def test_intent_rules_do_not_fire_where_they_do_not_apply(text, not_expected):
    rows = _rows(_analyse(text, ACTORS))
    assert not set(not_expected) & set(rows), rows


def _token(sentence: str, word: str):
    return next(t for t in get_nlp()(sentence) if t.text == word)


@pytest.mark.parametrize("sentence, word, expected", [
    ("Delane expressed interest in meeting Ost.", "meeting", "underspecified"),
    ("Delane was to meet Ost on Monday.", "meet", "underspecified"),
    ("Delane was scheduled to meet Ost.", "meet", "underspecified"),
    ("Delane threatened to attack Orsk.", "attack", "underspecified"),
    ("The spokesman said no talks had been planned.", "talks", "negated"),
    ("The sides agreed to an exchange and to continue talks.", "continue", "underspecified"),
    # must not fire: a plain past, a coordinated clause with its own subject
    ("Delane met Ost and Pell praised Orsk.", "praised", "asserted"),
    ("Delane was in Orsk and met Ost.", "met", "asserted"),
])
def test_factuality_of_intended_scheduled_and_denied(sentence, word, expected):
    if word in {"meeting"}:
        events = _analyse(sentence, ACTORS)
        assert [e.factuality for e in events if e.trigger == word] == [expected]
    else:
        assert factuality_of(_token(sentence, word)) == expected
