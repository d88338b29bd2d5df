"""Sentences and paragraphs keep their offsets."""
from __future__ import annotations

import pytest

from helpers.files.articles import load_document
from helpers.nlp import text
from helpers.nlp.model import get_nlp

SEED = "000_a1f3d825a8827267"


@pytest.fixture(scope="module")
def seed_doc():
    return get_nlp()(load_document(SEED).text)


def test_every_seed_sentence_round_trips_its_offsets(seed_doc):
    sents = text.sentences(seed_doc)
    assert len(sents) == 23
    assert all(seed_doc.text[s.start:s.end] == s.text for s in sents)


def test_sentences_are_trimmed_and_numbered_from_one(seed_doc):
    sents = text.sentences(seed_doc)
    assert [s.sentence_id for s in sents] == list(range(1, len(sents) + 1))
    assert all(s.text == s.text.strip() for s in sents)


@pytest.mark.parametrize("raw", ["Heading without stop\nNext line here.", "A.\n\nB went home."])
def test_a_sentence_never_crosses_a_line_break(raw):
    doc = get_nlp()(raw)
    assert all("\n" not in s.text for s in text.sentences(doc))


@pytest.mark.parametrize("raw, expected", [
    ("", []),
    ("One.", [(1, 0, 4)]),
    ("  One.  \n\n Two.\n", [(1, 2, 6), (2, 11, 15)]),
    ("Überall.\r\nNext.", [(1, 0, 8), (2, 10, 15)]),
])
def test_paragraphs_are_split_at_line_breaks_and_trimmed(raw, expected):
    assert [(p.paragraph_id, p.start, p.end) for p in text.paragraphs(raw)] == expected
