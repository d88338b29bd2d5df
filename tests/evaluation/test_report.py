"""The per-article evaluation the notebooks show: only the layers that have gold are scored."""
from __future__ import annotations

from helpers.config import FIXTURES_DIR, GOLD_DIR
from helpers.evaluation.report import gold_evaluation, timex_evaluation
from helpers.events.sourcing import sourcing_table
from helpers.files.articles import load_document
from helpers.pipeline.annotate import analyse


def test_an_article_without_gold_is_not_evaluated_and_says_so(tmp_path):
    evaluation = gold_evaluation("new_article", [], [], [], gold_dir=tmp_path)
    assert evaluation.note == ("no gold entities, events, sourcing for new_article: "
                               "those layers are not evaluated")
    assert evaluation.entity_scores is None and evaluation.events is None
    assert evaluation.event_summary() == "no event gold: events not evaluated"


def test_gold_evaluation_scores_the_layers_that_have_gold():
    analysis = analyse(load_document("t05_seoul_talks_b", seeds_dir=FIXTURES_DIR))
    rows = sourcing_table(analysis.doc, analysis.sentences, analysis.mentions)
    evaluation = gold_evaluation(analysis.doc_id, analysis.mentions, analysis.events, rows,
                                 gold_dir=GOLD_DIR)
    assert evaluation.note == "gold standard for t05_seoul_talks_b: entities, events, sourcing"
    assert evaluation.entity_scores.set_index("group").loc["ALL", "f1"] == 1.0
    assert evaluation.event_summary().startswith(
        "events with correct source, CAMEO root and target: ")
    assert evaluation.sourcing["type_accuracy"] == 1.0


def test_timexes_without_gold_say_where_the_gold_would_go(tmp_path):
    scores, errors, note = timex_evaluation("new_article", [], gold_dir=tmp_path)
    assert scores is None and errors is None
    assert note.startswith("No gold timexes for new_article: ")
