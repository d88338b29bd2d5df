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
