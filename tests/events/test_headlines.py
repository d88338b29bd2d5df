"""Headlines parsed alone in sentence case, and verbs the tagger read as plural nouns
(invented sentences, hand-made mentions)."""
import pytest

from helpers.events.headlines import headline_text, is_headline
from tests.events.test_extraction import _analyse

ACTORS = {"RUTO": "ruto", "MAHAMA": "mahama", "Ruto": "ruto", "Mahama": "mahama",
          "Kenya": "kenya", "Ghana": "ghana"}


def _rows(text):
    return [(text[e.start:e.end], e.trigger, e.cameo_code, e.source_actor, e.target_actor)
            for e in _analyse(text, ACTORS)]


def test_a_headline_in_capitals_is_read_in_sentence_case_at_the_article_offsets():
    rows = _rows("RUTO MEETS MAHAMA IN ACCRA\nRuto met Mahama.")
    assert rows == [("MEETS", "MEETS", "040", "ruto", "mahama"),
                    ("met", "met", "040", "ruto", "mahama")]


@pytest.mark.parametrize("text, expected", [
    ("Kenya sides with Ghana, Ruto said.", [("sides", "sides", "050", "kenya", "ghana")]),
    # must not fire: a plural noun with no subject of its own
    ("Trade talks with Ghana", []),
])
def test_a_plural_noun_heading_a_clause_with_a_subject_is_a_verb(text, expected):
    assert _rows(text) == expected


def test_headline_text_and_lines():
    assert headline_text("RUTO MEETS PNG CHIEF", [(0, 4), (11, 14)]) == "Ruto meets PNG chief"
    assert headline_text("Ruto meets Mahama") == "Ruto meets Mahama"      # not in capitals
    assert is_headline("Ruto thanks Mahama for \"help\"\nMore.", 0, 29)
    # must not fire: a sentence of running text, a sentence inside a line
    assert not is_headline("Ruto met Mahama.\nMore.", 0, 16)
    assert not is_headline("Ruto met Mahama and Kenya\nMore.", 0, 15)
