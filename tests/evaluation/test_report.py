"""The agreement with the expected annotation the notebooks show: only layers that have one are compared."""
from __future__ import annotations

from helpers.config import FIXTURES_DIR, EXPECTED_DIR
from helpers.evaluation.report import expected_agreement, timex_agreement
from helpers.events.sourcing import sourcing_table
from helpers.files.articles import load_document
from helpers.pipeline.annotate import analyse


def test_an_article_without_expected_annotation_is_not_compared_and_says_so(tmp_path):
    evaluation = expected_agreement("new_article", [], [], [], reference_dir=tmp_path)
    assert evaluation.note == ("no expected annotation of entities, events, sourcing for "
                               "new_article: those layers are not compared")
    assert evaluation.entity_scores is None and evaluation.events is None
    assert evaluation.event_summary() == "no expected events: events not compared"


def test_expected_agreement_compares_the_layers_that_have_an_expected_annotation():
    analysis = analyse(load_document("t05_seoul_talks_b", seeds_dir=FIXTURES_DIR))
    rows = sourcing_table(analysis.doc, analysis.sentences, analysis.mentions)
    evaluation = expected_agreement(analysis.doc_id, analysis.mentions, analysis.events, rows,
                                    reference_dir=EXPECTED_DIR)
    assert evaluation.note == ("expected annotation (a regression check) for t05_seoul_talks_b: "
                               "entities, events, sourcing")
    assert evaluation.entity_scores.set_index("group").loc["ALL", "f1"] == 1.0
    assert evaluation.event_summary().startswith(
        "events with correct source, CAMEO root and target: ")
    assert evaluation.sourcing["type_agreement"] == 1.0


def test_timexes_without_expected_annotation_say_where_it_would_go(tmp_path):
    scores, errors, note = timex_agreement("new_article", [], reference_dir=tmp_path)
    assert scores is None and errors is None
    assert note.startswith("No expected timexes for new_article: ")
