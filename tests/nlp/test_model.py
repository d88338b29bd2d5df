"""One factory for the spaCy pipeline: built once with every component, never changed after."""
from __future__ import annotations

import warnings

import pytest
from spacy.lang.en import English

from helpers.config import spacy_model_name
from helpers.files.articles import load_document
from helpers.nlp import model
from helpers.nlp.model import KBRuler
from helpers.nlp.mentions import find_mentions
from helpers.nlp.text import sentences
from helpers.pipeline.annotate import analyse


def shape(nlp) -> tuple:
    """What a caller could see change: the components, their order, the ruler's patterns."""
    return (tuple(nlp.pipe_names), len(nlp.get_pipe("kb_ruler").patterns), nlp.meta["name"])


def test_two_calls_return_the_same_unmodified_pipeline():
    first = model.get_nlp()
    before = shape(first)
    analyse(load_document("000_a1f3d825a8827267"))      # every stage runs on it
    doc = first("Ammar al-Hakim met Iranian officials in Tehran.")
    find_mentions(doc, sentences(doc))
    second = model.get_nlp()
    assert second is first
    assert shape(second) == before


def test_the_pipeline_has_every_component_the_collection_adds_in_place():
    names = model.get_nlp().pipe_names
    assert [n for n in names if n in model.ADDED_PIPES] == list(model.ADDED_PIPES)
    assert names.index("line_breaks") < names.index("parser")
    assert names.index("ner") < names.index("entity_fixes") < names.index("kb_ruler") \
        < names.index("kb_extend")


def test_a_line_break_starts_a_sentence_for_the_parser():
    doc = model.get_nlp()("Kenya and Uganda hold talks\nPresident Ruto arrived in Kigali.")
    talks = next(t for t in doc if t.text == "hold")
    assert "Ruto" not in {t.text for t in talks.subtree}


def test_the_bare_model_is_a_fresh_copy_without_the_added_components():
    bare = model.load_model(spacy_model_name())
    assert bare is not model.get_nlp()
    assert not set(model.ADDED_PIPES) & set(bare.pipe_names)
    assert set(model.ADDED_PIPES) <= set(shape(model.get_nlp())[0])


def test_a_model_that_is_not_installed_names_the_setting():
    with pytest.raises(model.ModelNotInstalledError, match="NEWS_SPACY_MODEL"):
        model.load_model("no_such_spacy_model")


def test_the_kb_ruler_warns_only_when_it_has_no_patterns():
    empty = KBRuler(English(), "kb_ruler")
    with pytest.warns(UserWarning, match="W036"):
        empty.match(empty.nlp.make_doc("Kenya"))
    full = KBRuler(English(), "kb_ruler")
    full.add_patterns([{"label": "GPE", "pattern": "Kenya"}])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert full.match(full.nlp.make_doc("Kenya")) != []


@pytest.mark.parametrize("text, ents, expected", [
    # a match over tokens no entity holds becomes an entity, as with the EntityRuler
    ("Talks in Kenya", [], [("Kenya", "GPE", "kenya")]),
    ("Jonas met envoys in Kenya", [(0, 1, "PERSON")], [("Jonas", "PERSON", ""), ("Kenya", "GPE", "kenya")]),
    # a match over an entity's tokens adds nothing, and the entities are left as they are
    ("Talks in Kenya", [(2, 3, "LOC")], [("Kenya", "LOC", "")]),
])
def test_the_kb_ruler_adds_what_the_entity_ruler_adds(text, ents, expected):
    from spacy.pipeline import EntityRuler
    from spacy.tokens import Span
    results = []
    for ruler_class in (KBRuler, EntityRuler):
        ruler = ruler_class(English(), "kb_ruler")
        ruler.add_patterns([{"label": "GPE", "pattern": "Kenya", "id": "kenya"}])
        doc = ruler.nlp.make_doc(text)
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
        ruler.set_annotations(doc, ruler.match(doc))
        results.append([(e.text, e.label_, e.ent_id_) for e in doc.ents])
    assert results == [expected, expected]
