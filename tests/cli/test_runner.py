"""The notebook runner: parameters are read and injected as papermill does."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.cli import runner
from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import OUTPUT_ENV, ROOT, SEEDS_ENV
from helpers.files.stale import stale_figures


def notebook(*sources_and_tags):
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "language": "python", "display_name": "Python 3"}
    for source, tags in sources_and_tags:
        cell = nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    return nb


def test_default_parameters_are_read_from_the_tagged_cell(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook(("x = 1", []), ('DOC_ID = "abc"\nN = 3', ["parameters"])), path)
    assert runner.default_parameters(path) == {"DOC_ID": "abc", "N": 3}


def test_a_notebook_without_parameters_has_no_defaults(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook(("x = 1", [])), path)
    assert runner.default_parameters(path) == {}


def test_injected_cell_follows_the_parameters_cell_and_replaces_an_earlier_one():
    nb = notebook(('DOC_ID = "abc"', ["parameters"]), ("print(DOC_ID)", []))
    once = runner.inject_parameters(nb, {"DOC_ID": "xyz"})
    twice = runner.inject_parameters(once, {"DOC_ID": "uvw"})
    assert [c.source.strip() for c in twice.cells] == [
        'DOC_ID = "abc"', '# Parameters\nDOC_ID = "uvw"', "print(DOC_ID)"]
    assert twice.cells[1].metadata.tags == ["injected-parameters"]
    assert len(nb.cells) == 2  # the original is untouched


def test_a_notebook_without_parameters_cell_cannot_be_parameterised():
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        runner.inject_parameters(notebook(("x = 1", [])), {"DOC_ID": "a"})


def test_every_committed_notebook_is_numbered_and_parameterised_or_corpus_level():
    paths = runner.notebook_paths()
    assert [p.name[:2] for p in paths] == [f"{n:02d}" for n in range(1, len(paths) + 1)]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        assert runner.default_parameters(path), path.name
        assert nb.cells[0].source.startswith("# "), path.name


def test_split_stream_outputs_are_joined_so_reruns_store_the_same_bytes():
    nb = notebook(("print('a\\nb')", []))
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\nb"),
                           nbformat.v4.new_output("stream", name="stdout", text="\n")]
    nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    cleaned = runner._clean(nb)
    assert [o.text for o in cleaned.cells[0].outputs] == ["a\nb\n"]
    assert "execution" not in cleaned.cells[0].metadata


@pytest.fixture
def outputs(tmp_path, monkeypatch) -> Path:
    """The runner's output folders moved under a temporary root (the seeds stay)."""
    for name, relative in (("PROCESSED_DIR", "data/processed"), ("REPORTS_DIR", "reports"),
                           ("FIGURES_DIR", "figures")):
        monkeypatch.setattr(runner, name, tmp_path / relative)
    monkeypatch.setattr(runner, "CORPUS_DIR", tmp_path / "data" / "corpus")
    return tmp_path


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_article_that_cannot_be_loaded_is_named_and_the_run_fails(outputs, capsys):
    status = runner.main(["--doc", "no_such_article", "--notebook", "01", "--no-html"])
    message = "no_such_article: seeds/no_such_article.txt: article text file not found"
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert f"failed {message}" in err
    assert err[-1].startswith("exit status 1: 1 article(s) rejected, 0 notebook run(s) failed")
    assert not (outputs / "reports" / "index.html").exists()     # --no-html: no site


def index_text(reports: Path) -> str:
    """The words of ``reports/index.html``, markup removed and entities decoded."""
    page = (reports / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_the_site_index_names_each_failure_and_every_article_on_disk(outputs):
    rejected = {"c": "seeds/c.txt: <empty>", "bad 02_annotation.ipynb": "ValueError: x"}
    runner.render_site(rejected, outputs / "reports")
    words = index_text(outputs / "reports")
    assert "Not analysed" in words
    assert "c seeds/c.txt: <empty>" in " ".join(words.split())
    assert "bad 02_annotation.ipynb ValueError: x" in " ".join(words.split())
    page = (outputs / "reports" / "index.html").read_text(encoding="utf-8")
    seed = runner.default_parameters(runner.notebook_paths()[0])
    assert f'href="{seed["DOC_ID"]}/index.html"' in page and 'href="corpus/05_corpus.html"' in page
    runner.render_site({}, outputs / "reports")                  # must not fire: no failure
    assert "Not analysed" not in index_text(outputs / "reports")


def test_figures_of_other_articles_are_stale_but_not_those_of_corpus_notebooks(tmp_path):
    names = ["01_cues_a_b.png", "01_cues_b.png", "04_grid_b.png", "05_growth_b.png",
             "notes_b.png"]
    for name in names:
        touch(tmp_path / name)
    assert [p.name for p in stale_figures(["a_b"], ["01", "04"], tmp_path)] == [
        "01_cues_b.png", "04_grid_b.png"]
    assert len(stale_figures([], ["01", "04"], tmp_path)) == 3


def contract_folder(root: Path, doc_id: str) -> Path:
    touch(root / doc_id / "sentences.csv")
    touch(root / doc_id / f"{doc_id}.ann")
    return root / doc_id


def test_outputs_of_articles_not_kept_are_removed_and_the_rest_left_alone(outputs):
    processed = outputs / "data" / "processed"
    kept = [contract_folder(processed, "keep"), touch(outputs / "reports/keep/01_raw_text.html"),
            touch(outputs / "figures/01_cues_keep.png"), touch(outputs / "reports/corpus/x.html"),
            touch(outputs / "data/corpus/actors.csv"),
            touch(processed / "foreign" / "notes.txt")]         # not contract files: kept
    gone = [contract_folder(processed, "gone"), touch(outputs / "reports/gone/01_raw_text.html"),
            touch(outputs / "figures/01_cues_gone.png")]
    removed = runner.remove_stale_outputs({"keep"}, figure_prefixes=["01"])
    assert removed == sorted([gone[0], gone[1].parent, gone[2]])
    assert all(path.exists() for path in kept) and not any(path.exists() for path in gone)


def test_when_the_corpus_notebook_fails_its_tables_and_page_are_removed(outputs):
    tables = touch(outputs / "data/corpus/actors.csv")
    page = touch(outputs / "reports/corpus/05_corpus.html")
    removed = runner.remove_stale_outputs({"keep"}, figure_prefixes=[], corpus_failed=True)
    assert removed == sorted([tables, page.parent])
    assert not tables.exists() and not page.parent.exists()


@pytest.mark.parametrize("path", runner.notebook_paths(), ids=lambda p: p.name)
def test_each_notebook_gets_its_value_right_after_its_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    name, value = next(iter(runner.default_parameters(path).items()))
    injected = runner.inject_parameters(nb, {name: "another value"})
    tags = [c.metadata.get("tags", []) for c in injected.cells]
    position = tags.index(["injected-parameters"])
    assert "parameters" in tags[position - 1] and len(injected.cells) == len(nb.cells) + 1
    namespace: dict = {}
    exec(nb.cells[position - 1].source, namespace)
    assert namespace[name] == value
    exec(injected.cells[position].source, namespace)
    assert namespace[name] == "another value"


# The main command end to end, over a seeds folder of test articles (in a child process, as
# `make run`, with the seeds and output folders moved by their settings).
GOOD = ("t04_seoul_talks_a", "t05_seoul_talks_b")
# An article with no expected annotations at all, as a researcher's next article is: every
# notebook must run on it (the agreement tables are left out, not failed on).
UNREFERENCED = "rb_01_ceasefire_talks"
EMPTY_MESSAGE = "seeds/zz_empty.txt: the article text is empty or whitespace only"


def run_collection(seeds: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, SEEDS_ENV: str(seeds), OUTPUT_ENV: str(out)}
    return subprocess.run([sys.executable, "-m", "helpers.runner"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)


def outputs_named(out: Path, doc_id: str) -> list[str]:
    """Every file or folder under ``out`` whose name, or a line of whose text, has ``doc_id``."""
    found = [p.relative_to(out).as_posix() for p in sorted(out.rglob("*")) if doc_id in p.name]
    for path in [*(out / "data" / "corpus").glob("*.csv"), out / "reports" / "index.html"]:
        if doc_id in path.read_text(encoding="utf-8"):
            found.append(path.relative_to(out).as_posix())
    return found


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """Two good articles, one without expected annotations, and an empty file in seeds/; one run
    of the main command."""
    root = tmp_path_factory.mktemp("first")
    seeds, out = root / "seeds", root / "out"
    seeds.mkdir()
    for path in (p for doc_id in (*GOOD, UNREFERENCED) for p in ARTICLES.glob(f"{doc_id}.*")):
        shutil.copy(path, seeds / path.name)
    (seeds / "zz_empty.txt").write_bytes(b"")
    return seeds, out, run_collection(seeds, out)


def test_an_empty_file_spoils_no_other_article_and_the_corpus_names_it(first_run):
    _, out, done = first_run
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("exit status 1: 1 article(s) rejected")
    for doc_id in (*GOOD, UNREFERENCED):
        for name in ("01_raw_text", "02_annotation", "03_timeline", "04_stakeholders"):
            assert (out / "reports" / doc_id / f"{name}.html").is_file(), (doc_id, name)
        assert (out / "data" / "processed" / doc_id / "events.csv").is_file()
    corpus_page = (out / "reports" / "corpus" / "05_corpus.html").read_text(encoding="utf-8")
    growth = (out / "data" / "corpus" / "growth.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split(",")[1] for line in growth[1:]) == sorted((*GOOD, UNREFERENCED))
    assert EMPTY_MESSAGE in corpus_page and "articles analysed: 3, left out: 1" in corpus_page
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert f"zz_empty {EMPTY_MESSAGE}" in " ".join(index_text(out / "reports").split())
    assert 'href="corpus/05_corpus.html"' in index
    for doc_id in GOOD:
        assert f'href="{doc_id}/index.html"' in index
    assert outputs_named(out, "zz_empty") == ["reports/index.html"]


def test_a_rerun_leaves_no_output_of_a_removed_article_nor_of_one_that_turned_bad(
        first_run, tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(first_run[0], seeds)
    shutil.copytree(first_run[1], out)
    removed, turned_bad = GOOD
    assert outputs_named(out, removed) and outputs_named(out, turned_bad)
    for path in seeds.glob(f"{removed}.*"):
        path.unlink()
    (seeds / f"{turned_bad}.meta.json").write_text('{"dct": "9 Feb"}', encoding="utf-8")
    done = run_collection(seeds, out)
    assert done.returncode == 1
    assert outputs_named(out, removed) == []
    assert outputs_named(out, turned_bad) == ["reports/index.html"]       # named as failed
    message = f"seeds/{turned_bad}.meta.json: dct '9 Feb' is not an ISO date (YYYY-MM-DD)"
    assert message in " ".join(index_text(out / "reports").split())
    assert (out / "reports" / "corpus" / "05_corpus.html").is_file()


def test_a_run_is_quiet_no_kernel_transport_nor_missing_cell_id_warning(first_run):
    _, out, done = first_run
    assert "Kernel is running over TCP" not in done.stderr
    assert "MissingIDFieldWarning" not in done.stderr and "missing an id" not in done.stderr
    assert "Parent appears to have exited" not in done.stderr
    copy = nbformat.read(out / "reports" / GOOD[0] / "02_annotation.ipynb", as_version=4)
    assert [c.id for c in copy.cells if "injected-parameters" in c.metadata.get("tags", [])] \
        == ["injected-parameters"]


def test_the_site_takes_the_committed_notebooks_for_their_own_article_not_older_copies(tmp_path):
    seed = runner.default_parameters(runner.notebook_paths()[0])
    stale = touch(tmp_path / seed["DOC_ID"] / "01_raw_text.ipynb")
    other = touch(tmp_path / "other_article" / "01_raw_text.ipynb")
    found = runner.executed_notebooks(tmp_path)
    assert stale not in found[seed["DOC_ID"]]
    assert runner.notebook_paths()[0] in found[seed["DOC_ID"]]
    assert found["other_article"] == [other]          # must not fire: other articles' copies
    assert [p.name for p in found["corpus"]] == [
        p.name for p in runner.notebook_paths()
        if runner.default_parameters(p).get("DOC_ID") is None]
