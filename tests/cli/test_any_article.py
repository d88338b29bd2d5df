"""Every notebook runs unchanged on articles it has never seen, dropped into a seeds folder.

The runner is started as a user would start it, with the seeds and output folders moved by
their settings, on three invented test articles: one without any metadata (so no DCT), one
whose text holds HTML markup, and one with no named entity and no temporal expression.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import OUTPUT_ENV, ROOT, SEEDS_ENV
from helpers.files.contract import COLUMNS


DOCS = ("t03_andes_trade", "t06_lyon_markup", "t07_weather_nothing")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    out = tmp_path_factory.mktemp("out")
    for doc_id in DOCS:
        for path in ARTICLES.glob(f"{doc_id}.*"):
            shutil.copy(path, seeds / path.name)
    env = {**os.environ, SEEDS_ENV: str(seeds), OUTPUT_ENV: str(out)}
    done = subprocess.run([sys.executable, "-m", "helpers.runner"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    return done, out


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_the_runner_succeeds_on_new_articles(run):
    done, _ = run
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_per_document_notebook_ran_without_error(run, doc_id):
    _, out = run
    executed = sorted((out / "reports" / doc_id).glob("*.ipynb"))
    assert [p.name[:2] for p in executed] == ["01", "02", "03", "04"]
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        assert not [o for c in nb.cells for o in c.get("outputs", [])
                    if o.get("output_type") == "error"], path.name
        assert (out / "reports" / doc_id / f"{path.stem}.html").is_file()


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_contract_file_is_written_for_a_new_article(run, doc_id):
    _, out = run
    folder = out / "data" / "processed" / doc_id
    for name, columns in COLUMNS.items():
        header = (folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(columns), name
    assert (folder / f"{doc_id}.ann").is_file()


def test_a_missing_dct_is_reported_and_relative_dates_are_left_unresolved(run):
    _, out = run
    nb = nbformat.read(out / "reports" / "t03_andes_trade" / "01_raw_text.ipynb", as_version=4)
    assert "no dct: relative dates" in outputs_text(nb)
    timexes = (out / "data" / "processed" / "t03_andes_trade" / "timexes.csv").read_text(
        encoding="utf-8")
    yesterday = [line for line in timexes.splitlines() if ",yesterday," in line]
    assert yesterday and yesterday[0].endswith(",,")  # no earliest, no latest: not invented


def test_an_article_with_nothing_to_annotate_gets_empty_tables(run):
    _, out = run
    folder = out / "data" / "processed" / "t07_weather_nothing"
    for name in ("entities", "actors", "timexes", "events", "stakeholders"):
        assert len((folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()) == 1, name


def test_the_repository_notebooks_seeds_and_data_are_untouched(run):
    _, out = run
    assert not (ROOT / "data" / "processed" / "t03_andes_trade").exists()
    assert (out / "reports" / "index.html").is_file()
    corpus = nbformat.read(out / "reports" / "corpus" / "05_corpus.ipynb", as_version=4)
    assert "t07_weather_nothing" in outputs_text(corpus)
    committed = nbformat.read(ROOT / "notebooks" / "05_corpus.ipynb", as_version=4)
    assert "t07_weather_nothing" not in outputs_text(committed)


def test_markup_in_an_article_is_shown_escaped_never_run(run):
    _, out = run
    for name in ("01_raw_text", "02_annotation"):
        nb = nbformat.read(out / "reports" / "t06_lyon_markup" / f"{name}.ipynb", as_version=4)
        html = "\n".join(o.get("data", {}).get("text/html", "") for c in nb.cells
                         for o in c.get("outputs", []))
        assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html, name
        assert "<script>alert" not in html and "<img src=x" not in html, name
        page = (out / "reports" / "t06_lyon_markup" / f"{name}.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<img src=x onerror" not in page, name
