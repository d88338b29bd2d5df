"""Factuality of an event from its modal, negation and governing cues."""
import pytest

from helpers.events.factuality import VALUES, cues, factuality_of
from helpers.nlp.model import get_nlp


def _token(sentence: str, word: str):
    doc = get_nlp()(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word, expected", [
    ("He met the minister.", "met", "asserted"),
    ("He will visit Paris next week.", "visit", "asserted"),
    ("Hakim is expected to meet the Supreme Leader.", "meet", "probable"),
    ("That meeting will likely shape the next phase.", "shape", "probable"),
    ("He is likely to visit Rome.", "visit", "probable"),
    ("He might visit Paris.", "visit", "possible"),
    ("He could visit other capitals soon.", "visit", "possible"),
    ("The union may send observers.", "send", "possible"),
    ("He did not visit Paris.", "visit", "negated"),
    ("He never visited Paris.", "visited", "negated"),
    ("Park and Morita could not agree on quotas.", "agree", "negated"),
    ("He refused to meet the envoy.", "meet", "negated"),
    ("They might not agree.", "agree", "possible"),
    ("The appeal urged leaders to mediate.", "mediate", "underspecified"),
    ("Whether this succeeds depends on how both Washington and Tehran respond.", "respond",
     "underspecified"),
    ("Iraq must help prevent escalation.", "help", "underspecified"),
    ("Tomás agreed to cut tariffs.", "cut", "underspecified"),
    ("Lucía met Tomás in Bogotá.", "met", "asserted"),
])
def test_factuality(sentence, word, expected):
    assert factuality_of(_token(sentence, word)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("He began his visit to Iran.", "asserted"),
    ("He might begin his visit to Iran.", "possible"),
])
def test_event_noun_takes_the_value_of_its_verb(sentence, expected):
    assert factuality_of(_token(sentence, "visit")) == expected


def test_every_cue_has_a_known_value():
    assert {v for kind in cues().values() for v in kind.values()} <= set(VALUES)


@pytest.mark.parametrize("sentence, word, expected", [
    # what a denial reports is negated; what is merely said is not
    ("Tanzania denied that its army attacked Uganda.", "attacked", "negated"),
    ("Tanzania said that its army attacked Uganda.", "attacked", "asserted"),
    # an event noun named by a dismissed report; a confirmed one stands
    ("The minister dismissed reports of a meeting between Ost and Brandt.", "meeting", "negated"),
    ("The minister confirmed reports of a meeting between Ost and Brandt.", "meeting", "asserted"),
    # postponed: not asserted; cancelled: negated; begun: asserted
    ("The visit of the envoy to Orsk has been postponed.", "visit", "underspecified"),
    ("The visit of the envoy to Orsk has been cancelled.", "visit", "negated"),
    ("Biden called off his trip to Angola.", "trip", "negated"),
    ("The visit of the envoy to Orsk has begun.", "visit", "asserted"),
    ("The postponed visit worried Orsk.", "visit", "underspecified"),
    # an appeal is asserted, what it asks for is not
    ("The opposition called on Ost to release the detainees.", "called", "asserted"),
    ("The opposition called on Ost to release the detainees.", "release", "underspecified"),
    ("Ost released the detainees.", "released", "asserted"),
    ("The opposition called for talks with Ost.", "talks", "underspecified"),
    # obligations, conditions and questions are not asserted; a plain future is
    ("Kenya must first sign the deal.", "sign", "underspecified"),
    ("If Kenya signs the deal, trade will grow.", "signs", "underspecified"),
    ("Will Kenya sign the deal?", "sign", "underspecified"),
    ("Kenya will sign the deal.", "sign", "asserted"),
    # a 'not' belongs to its own clause only
    ("Kenya did not condemn the rebels, and Tanzania criticised Uganda.", "condemn", "negated"),
    ("Kenya did not condemn the rebels, and Tanzania criticised Uganda.", "criticised",
     "asserted"),
    ("Kenya condemned the rebels, and Tanzania did not criticise Uganda.", "condemned",
     "asserted"),
    ("Kenya did not condemn or criticise Uganda.", "criticise", "negated"),
])
def test_factuality_covers_the_right_words(sentence, word, expected):
    assert factuality_of(_token(sentence, word)) == expected
