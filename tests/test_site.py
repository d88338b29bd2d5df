"""The rendered site: briefs, tables, figures' alt text, and a built site checked offline
(no broken internal link, nothing loaded from outside)."""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

matplotlib.use("Agg")

from helpers import brief, firstlook, pipeline, rendering, runner, site  # noqa: E402
from helpers.config import ROOT  # noqa: E402
from helpers.corpus import load_document  # noqa: E402
from helpers.synthesis import cited_ids  # noqa: E402

from conftest import ARTICLES  # noqa: E402

SEED = runner.default_parameters(nbformat.read(runner.notebook_paths()[0], as_version=4))["DOC_ID"]


@pytest.fixture(scope="module")
def invented_tables(tmp_path_factory) -> tuple[str, Path]:
    """The contract tables of an invented test article, written to a temporary folder."""
    folder = tmp_path_factory.mktemp("processed")
    analysis = pipeline.analyse(load_document("t01_kenya_border", seeds_dir=ARTICLES))
    pipeline.write_contract(analysis, out_dir=folder)
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
    silent = stake[(stake["stance"] == "not_stated") & (stake["interest"] == "")]["name"]
    spoken = stake[stake["interest"] != ""]["name"]
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
    from matplotlib.figure import Figure

    fig = Figure()
    fig.subplots().plot([1, 2])
    image = rendering.figure_image(fig, alt="A line  rising.")
    data, metadata = image._repr_png_()
    assert metadata["alt"] == "A line rising."
    with pytest.raises(ValueError, match="alt text"):
        rendering.figure_image(fig, alt=" ")


def test_key_terms_come_from_the_article_when_none_are_given():
    for doc_id in ("t01_kenya_border", "t07_weather_nothing"):
        doc = pipeline.parse(load_document(doc_id, seeds_dir=ARTICLES))
        terms = firstlook.choose_key_terms([], doc)
        assert terms == firstlook.article_key_terms(doc) and terms
        for term in terms:   # every term is found in the article it came from
            assert re.search(rf"\b{firstlook.term_pattern(term)}\b", doc.text, re.IGNORECASE)
    # must not fire: terms that occur are kept as given
    doc = pipeline.parse(load_document("t07_weather_nothing", seeds_dir=ARTICLES))
    assert firstlook.choose_key_terms(["road", "calm"], doc) == ["road"]


def test_injected_parameters_have_a_fixed_cell_id_so_report_copies_repeat():
    nb = nbformat.read(runner.notebook_paths()[1], as_version=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = nbformat.writes(runner.inject_parameters(nb, {"DOC_ID": "x"}))
        second = nbformat.writes(runner.inject_parameters(nb, {"DOC_ID": "x"}))
        nbformat.validate(nbformat.reads(first, as_version=4))
    assert first == second
    assert '"id": "injected-parameters"' in first


def test_make_lab_allows_root_only_when_run_as_root():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlab:")[1].split("\n\n")[0]
    assert '[ "$$(id -u)" = 0 ] && echo --allow-root' in recipe


def test_site_notebook_folds_code_moves_alt_text_and_relinks():
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("fig")
    code.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "AAAA"},
                                           metadata={"image/png": {"alt": "what it shows"}})]
    text = nbformat.v4.new_markdown_cell(
        "See [02](02_annotation.ipynb), [05](05_corpus.ipynb#top) and [gone](09_gone.ipynb).")
    nb.cells = [code, text]
    targets = {"02_annotation.ipynb": "doc/02_annotation.ipynb",
               "05_corpus.ipynb": "corpus/05_corpus.ipynb"}
    out = site.site_notebook(nb, "doc", targets)
    assert "hide-input" in out.cells[0].metadata["tags"]
    assert out.cells[0].metadata["mystnb"]["image"]["alt"] == "what it shows"
    assert out.cells[1].source == ("See [02](02_annotation.ipynb), "
                                   "[05](../corpus/05_corpus.ipynb#top) and gone.")
    nb.cells[1].source = "[05_corpus.ipynb](05_corpus.ipynb)"
    assert site.site_notebook(nb, "doc", targets).cells[1].source == \
        "[05 corpus](../corpus/05_corpus.ipynb)"
    assert "tags" not in nb.cells[0].metadata          # the notebook itself is unchanged


def test_the_checkers_find_a_broken_link_and_an_outside_reference(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#here">b</a><a href="b.html#nowhere">x</a><a href="c.html">c</a>'
        '<img src="https://example.org/x.png" alt="x"><a href="#top" id="top">t</a>',
        encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="here">b</h1>', encoding="utf-8")
    (tmp_path / "s.css").write_text("@import url(//cdn.example.org/f.css);", encoding="utf-8")
    assert site.broken_links(tmp_path) == ["a.html: b.html#nowhere (no such anchor)",
                                           "a.html: c.html"]
    assert site.external_references(tmp_path) == ["a.html: https://example.org/x.png",
                                                   "s.css: //cdn.example.org/f.css"]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """The site built from the committed (executed) notebooks, with one rejected file."""
    out = tmp_path_factory.mktemp("site")
    runner.render_site({"bad_article": "seeds/bad_article.txt: empty file"},
                       out_dir=out / "reports")
    return out / "reports"


def test_the_built_site_has_no_broken_internal_link(built_site):
    assert (built_site / "index.html").exists()
    assert site.broken_links(built_site) == []


def test_no_page_of_the_built_site_refers_to_anything_outside_it(built_site):
    assert site.external_references(built_site) == []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "mathjax" not in text.lower() and "require.js" not in text, page


def test_the_index_lists_each_article_with_headline_outlet_date_brief_and_the_rejected(
        built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    document = load_document(SEED)
    first = brief.read_tables(SEED).sentences["text"].iloc[0]
    headline = site.headline_of(document.meta.title, first)
    assert headline.split()[0] in index and f'href="{SEED}/index.html"' in index
    assert document.meta.outlet in index and str(document.meta.dct) in index
    assert "Named but silent" in index
    assert "bad_article" in index and "empty file" in index
    assert 'href="search.html"' in index or "search" in index.lower()


def test_article_pages_fold_code_link_each_other_and_describe_every_figure(built_site):
    folder = built_site / SEED
    landing = (folder / "index.html").read_text(encoding="utf-8")
    assert "Brief" in landing and 'href="01_raw_text.html"' in landing
    assert 'class="article-brief' in landing and ":::" not in landing and "```" not in landing
    for page in sorted(folder.glob("0*.html")):
        text = page.read_text(encoding="utf-8")
        assert "hide-input" in text, page.name
        assert not re.search(r'href="[^"]*\.ipynb', text), page.name
        images = re.findall(r"<img [^>]*>", text)
        assert all(re.search(r'alt="[^"]{20,}"', tag) for tag in images), page.name
    assert 'href="../docs/stakeholder_method.html"' in \
        (folder / "04_stakeholders.html").read_text(encoding="utf-8")
    corpus = (built_site / "corpus" / "05_corpus.html").read_text(encoding="utf-8")
    assert f'href="../{SEED}/04_stakeholders.html"' in corpus


def test_the_site_sources_are_the_same_bytes_on_every_build(tmp_path):
    paths = runner.notebook_paths()[:1]
    article = site.Article(SEED, "Headline", "Outlet", "2025-01-01", ["One (s1)."], paths)
    first = site.write_sources([article], tmp_path / "a")
    second = site.write_sources([article], tmp_path / "b")
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix()
                           for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    json.loads((first / SEED / paths[0].name).read_text(encoding="utf-8"))


def _event(event_id: str, earliest: str, latest: str, source: str = "ammar_al_hakim"):
    from helpers.records import Event

    return Event(event_id, 1, "met", 0, 3, "meet", "040", 1.0, source, "", "asserted", "",
                 "none", "", earliest, latest, "timex:t1")


def test_the_timeline_breaks_its_axis_for_a_far_milestone_and_zooms_on_the_rest():
    from helpers.corpus import Metadata
    from helpers.timeline_plot import plot_timeline

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
    from helpers.stakeholder_figures import draw_network
    from helpers.stakeholder_report import stakeholders_of

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
    from helpers.corpus import Metadata
    from helpers.timeline_plot import plot_timeline

    meta = Metadata(doc_id="x", dct="2025-11-13", published_window=("2025-11-12", "2025-11-14"))
    events = [_event("e1", "2024-01-01", "2024-12-31"), _event("e2", "2025-11-11", "2025-11-11")]
    fig = plot_timeline(events, [], meta, milestones=[])
    assert len(fig.axes) == 2
    far, near = fig.axes               # the article's own days: the panel holding the DCT
    assert near.get_xlim()[1] - near.get_xlim()[0] < 15
    assert near.get_position().width > 3 * far.get_position().width
