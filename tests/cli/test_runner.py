"""The notebook runner: parameters are read and injected as papermill does."""
from __future__ import annotations

import nbformat
import pytest

from helpers.cli import runner


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


def test_an_article_that_cannot_be_loaded_is_named_and_the_run_fails(capsys):
    status = runner.main(["--doc", "no_such_article", "--notebook", "01", "--no-html"])
    assert status == 1
    assert "failed no_such_article: seeds/no_such_article.txt: article text file not found" in \
        capsys.readouterr().err


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
