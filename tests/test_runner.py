"""The notebook runner: parameters are read and injected as papermill does."""
from __future__ import annotations

import nbformat
import pytest

from helpers import runner


def notebook(*sources_and_tags):
    nb = nbformat.v4.new_notebook()
    for source, tags in sources_and_tags:
        cell = nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    return nb


def test_default_parameters_are_read_from_the_tagged_cell():
    nb = notebook(("x = 1", []), ('DOC_ID = "abc"\nN = 3', ["parameters"]))
    assert runner.default_parameters(nb) == {"DOC_ID": "abc", "N": 3}


def test_injected_cell_follows_the_parameters_cell_and_replaces_an_earlier_one():
    nb = notebook(('DOC_ID = "abc"', ["parameters"]), ("print(DOC_ID)", []))
    once = runner.inject_parameters(nb, {"DOC_ID": "xyz"})
    twice = runner.inject_parameters(once, {"DOC_ID": "uvw"})
    assert [c.source for c in twice.cells] == [
        'DOC_ID = "abc"', "# Parameters injected for this run\nDOC_ID = 'uvw'", "print(DOC_ID)"]
    assert len(nb.cells) == 2  # the original is untouched


def test_a_notebook_without_parameters_cell_cannot_be_parameterised():
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        runner.inject_parameters(notebook(("x = 1", [])), {"DOC_ID": "a"})


def test_every_committed_notebook_is_numbered_and_parameterised_or_corpus_level():
    paths = runner.notebook_paths()
    assert [p.name[:2] for p in paths] == [f"{n:02d}" for n in range(1, len(paths) + 1)]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        assert runner.parameters_cell_index(nb) is not None, path.name
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
def test_papermill_parameterises_every_notebook_where_the_runner_does(path):
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = nbformat.read(path, as_version=4)
    name, value = next(iter(runner.default_parameters(nb).items()))
    ours = runner.inject_parameters(nb, {name: value})
    theirs = parameterize_notebook(load_notebook_node(str(path)), {name: value},
                                   kernel_name="python3", language="python")
    position = lambda book: [i for i, c in enumerate(book.cells)  # noqa: E731
                             if "injected-parameters" in c.metadata.get("tags", [])]
    assert position(ours) == position(theirs) == [runner.parameters_cell_index(nb) + 1]
    namespace: dict = {}
    exec(theirs.cells[position(theirs)[0]].source, namespace)
    assert namespace[name] == value
