"""The views a reader sees: the brief of an article, tables that fit, figures with alt text
and readable axes, key terms from the article itself."""
from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.cli.runner import default_parameters, notebook_paths
from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.files.articles import Metadata, load_document
from helpers.files.records import Event
from helpers.pipeline import annotate, outputs
from helpers.pipeline.outputs import stakeholders_of
from helpers.views import brief, firstlook, rendering
from helpers.views.stakeholder_figures import draw_network
from helpers.views.synthesis import cited_ids
from helpers.views.timeline_plot import plot_timeline

matplotlib.use("Agg")

SEED = default_parameters(notebook_paths()[0])["DOC_ID"]


@pytest.fixture(scope="module")
def invented_tables(tmp_path_factory) -> tuple[str, Path]:
    """The contract tables of an invented test article, written to a temporary folder."""
    folder = tmp_path_factory.mktemp("processed")
    analysis = annotate.analyse(load_document("t01_kenya_border", seeds_dir=ARTICLES))
    outputs.write_contract(analysis, out_dir=folder)
    return "t01_kenya_border", folder


def _check_brief(sentences: list[str], tables: brief.BriefTables) -> None:
    assert 5 <= len(sentences) <= 10
    known = {int(i) for i in tables.sentences["sentence_id"]}
    for sentence in sentences:
        cited = cited_ids(sentence) or [int(i) for i in re.findall(r"s(\d+)-s\d+", sentence)]
        assert cited, sentence
        assert set(cited) <= known, sentence


def test_the_seed_brief_cites_its_sentences_and_names_the_silent_actors():
    tables = brief.read_tables(SEED)
    sentences = brief.article_brief(SEED)
    _check_brief(sentences, tables)
    stake = tables.stakeholders
    unscored = pd.to_numeric(stake["interest"], errors="coerce").isna()
    silent = stake[(stake["stance"] == "not_stated") & unscored]["name"]
    spoken = stake[~unscored]["name"]
    assert len(silent) and len(spoken)
    line = next(s for s in sentences if s.startswith("Named but silent"))
    assert all(name in line for name in silent)
    # must not fire: an actor the text gives a position or action is not called silent
    assert not any(re.search(rf"(?<![\w-]){re.escape(n)} \(s", line) for n in spoken)


def test_a_brief_is_written_from_the_article_own_tables(invented_tables):
    doc_id, folder = invented_tables
    tables = brief.read_tables(doc_id, folder)
    sentences = brief.article_brief(doc_id, folder)
    _check_brief(sentences, tables)
    text = " ".join(sentences)
    lead = tables.actors.assign(n=tables.actors["mentions"].astype(int)).sort_values(
        ["n", "actor_id"], ascending=[False, True]).iloc[0]["name"]
    assert lead in sentences[0]
    # nothing of the seed leaks into another article's brief
    seed_names = set(brief.read_tables(SEED).actors["name"]) - set(tables.actors["name"])
    assert not any(name in text for name in seed_names)


def test_an_expected_event_is_listed_as_expected_and_not_as_done(invented_tables):
    doc_id, folder = invented_tables
    tables = brief.read_tables(doc_id, folder)
    events = tables.events.copy()
    events.loc[:, "factuality"] = "asserted"
    events.loc[events.index[0], "factuality"] = "probable"
    tables.events = events
    sentences = brief.brief_sentences(tables)
    trigger = events.iloc[0]["trigger"]
    expected = next(s for s in sentences if s.startswith("Expected"))
    assert f"“{trigger}”" in expected
    done = next(s for s in sentences if s.startswith("Reported as done"))
    assert f"(s{events.iloc[0]['sentence_id']})" not in done or \
        (events["sentence_id"] == events.iloc[0]["sentence_id"]).sum() > 1


def test_a_brief_of_an_article_without_events_still_has_five_sentences(invented_tables):
    doc_id, folder = invented_tables
    tables = brief.read_tables(doc_id, folder)
    tables.events = tables.events.iloc[0:0]
    sentences = brief.brief_sentences(tables)
    _check_brief(sentences, tables)
    assert any("no event" in s for s in sentences)


def test_a_table_that_is_not_csv_is_named(tmp_path):
    (tmp_path / "actors.csv").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ValueError, match="actors.csv of x"):
        brief.read_tables("x", tmp_path)


def test_long_tables_fold_and_long_text_columns_get_a_readable_width():
    frame = pd.DataFrame({"id": range(30), "text": ["word " * 20] * 30})
    page = rendering.wide_text(frame)._repr_html_()
    assert page.count("<details>") == 1 and "30 rows, 2 columns" in page
    assert page.count('class="nb-long"') == 30          # the text column only
    assert "<th></th>" not in page                        # no 0-based index
    short = rendering.wide_text(frame.head(3).assign(text="a"))._repr_html_()
    assert "<details>" not in short and "nb-long" not in short   # must not fire


def test_a_figure_needs_alt_text_and_carries_it():

    fig = Figure()
    fig.subplots().plot([1, 2])
    image = rendering.figure_image(fig, alt="A line  rising.")
    data, metadata = image._repr_png_()
    assert metadata["alt"] == "A line rising."
    with pytest.raises(ValueError, match="alt text"):
        rendering.figure_image(fig, alt=" ")


def test_key_terms_come_from_the_article_when_none_are_given():
    for doc_id in ("t01_kenya_border", "t07_weather_nothing"):
        doc = annotate.parse(load_document(doc_id, seeds_dir=ARTICLES))
        terms = firstlook.choose_key_terms([], doc)
        assert terms == firstlook.article_key_terms(doc) and terms
        for term in terms:   # every term is found in the article it came from
            assert re.search(rf"\b{firstlook.term_pattern(term)}\b", doc.text, re.IGNORECASE)
    # must not fire: terms that occur are kept as given
    doc = annotate.parse(load_document("t07_weather_nothing", seeds_dir=ARTICLES))
    assert firstlook.choose_key_terms(["road", "calm"], doc) == ["road"]


def _event(event_id: str, earliest: str, latest: str, source: str = "ammar_al_hakim"):

    return Event(event_id, 1, "met", 0, 3, "meet", "040", 1.0, source, "", "asserted", "",
                 "none", "", earliest, latest, "timex:t1")


def test_the_timeline_breaks_its_axis_for_a_far_milestone_and_zooms_on_the_rest():

    meta = Metadata(doc_id="x", dct="2025-09-07", published_window=("2025-09-06", "2025-09-09"))
    events = [_event("e1", "2025-09-06", "2025-09-07"), _event("e2", "2025-09-08", "2025-09-09")]
    far = {"timex_id": "t9", "label": "elections", "text": "11 November", "value": "2025-11-11",
           "earliest": "2025-11-11", "latest": "2025-11-11"}
    fig = plot_timeline(events, [], meta, milestones=[far],
                        names={"ammar_al_hakim": "Ammar al-Hakim"})
    near_axis = fig.axes[0]
    assert len(fig.axes) == 2
    low, high = near_axis.get_xlim()
    assert high - low < 15            # the near panel spans days, not two months
    labels = [t.get_text() for t in near_axis.get_yticklabels()]
    assert any("Ammar al-Hakim" in label for label in labels)
    assert not any("Ammar Al Hakim" in label for label in labels)
    # must not fire: a milestone close to the events keeps one axis
    near = dict(far, value="2025-09-12", earliest="2025-09-12", latest="2025-09-12")
    assert len(plot_timeline(events, [], meta, milestones=[near]).axes) == 1


def test_network_labels_sit_above_every_edge():

    fig = draw_network(stakeholders_of(SEED))
    left = fig.axes[0]
    top_edge = max((p.get_zorder() for p in left.patches + left.collections), default=0)
    labels = [t for t in left.texts if t.get_text()]
    assert labels and min(t.get_zorder() for t in labels) > top_edge
    assert all(t.get_bbox_patch().get_alpha() == 1.0 for t in labels)


def test_the_certainty_sentence_says_all_asserted_only_when_none_is_hedged(invented_tables):
    doc_id, folder = invented_tables
    tables = brief.read_tables(doc_id, folder)
    tables.events = tables.events.assign(factuality="asserted")
    line = next(s for s in brief.brief_sentences(tables) if s.startswith("How sure"))
    assert f"all {len(tables.events)} event readings are asserted" in line
    assert "not asserted" not in line
    tables.events.loc[tables.events.index[0], "factuality"] = "possible"   # must not fire
    line = next(s for s in brief.brief_sentences(tables) if s.startswith("How sure"))
    assert "1 possible" in line and "all " not in line
    assert f"(s{tables.events.iloc[0]['sentence_id']})" in line


def test_a_year_long_interval_goes_to_its_own_panel_and_the_article_days_are_zoomed():

    meta = Metadata(doc_id="x", dct="2025-11-13", published_window=("2025-11-12", "2025-11-14"))
    events = [_event("e1", "2024-01-01", "2024-12-31"), _event("e2", "2025-11-11", "2025-11-11")]
    fig = plot_timeline(events, [], meta, milestones=[])
    assert len(fig.axes) == 2
    far, near = fig.axes               # the article's own days: the panel holding the DCT
    assert near.get_xlim()[1] - near.get_xlim()[0] < 15
    assert near.get_position().width > 3 * far.get_position().width
