"""The rendered site, built offline from the executed notebooks: no broken internal link,
nothing loaded from outside, an index of every article with its brief, folded code."""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import nbformat
import pytest

from helpers.cli import runner
from helpers.cli import static_site as site
from helpers.cli.site_check import broken_links, external_references
from helpers.config import ROOT
from helpers.files.articles import load_document
from helpers.views import brief

SEED = runner.default_parameters(runner.notebook_paths()[0])["DOC_ID"]


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
    assert broken_links(tmp_path) == ["a.html: b.html#nowhere (no such anchor)",
                                           "a.html: c.html"]
    assert external_references(tmp_path) == ["a.html: https://example.org/x.png",
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
    assert broken_links(built_site) == []


def test_no_page_of_the_built_site_refers_to_anything_outside_it(built_site):
    assert external_references(built_site) == []
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
