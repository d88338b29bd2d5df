"""Execute the notebooks in order, in place, and render them to HTML.

Run ``python -m helpers.runner`` (what ``make run`` does). Each notebook is
executed in a fresh kernel, top to bottom; volatile metadata (timings) is not
recorded, so a second run leaves the notebooks byte-identical. Every notebook
is also rendered to ``reports/<doc_id>/<name>.html``, with ``reports/index.html``
linking them.

The committed notebooks are executed for the document named in their
``parameters`` cell. Other documents in ``seeds/`` are executed from copies with
their id injected after that cell by papermill into ``reports/<doc_id>/``.
"""
from __future__ import annotations

import argparse
import ast
import copy
import html
import os
import re
import sys
from pathlib import Path
from typing import Sequence

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from papermill import inspect_notebook
from papermill.parameterize import parameterize_notebook
from papermill.utils import find_first_tagged_cell_index
from tqdm import tqdm

from helpers.config import NOTEBOOKS_DIR, OUTPUT_ROOT, REPORTS_DIR, ROOT, SEEDS_DIR, relative
from helpers.files.articles import CorpusError, list_doc_ids, load_document

KERNEL = "python3"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT_S = 900


def notebook_paths(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN_topic.ipynb``), in order."""
    return sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))


def default_parameters(path: Path) -> dict[str, object]:
    """The values assigned in a notebook's ``parameters`` cell, as papermill reads them
    (:func:`papermill.inspect_notebook`); ``{}`` when it has no such cell."""
    return {name: ast.literal_eval(parameter["default"])
            for name, parameter in inspect_notebook(Path(path)).items()}


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict[str, object]
                      ) -> nbformat.NotebookNode:
    """A copy of ``nb`` with papermill's cell assigning ``parameters`` injected after the
    ``parameters`` cell (:func:`papermill.parameterize_notebook`), replacing an earlier one.

    Raises ValueError when the notebook has no cell tagged ``parameters``.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
    if find_first_tagged_cell_index(nb, "parameters") < 0:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    nb.metadata.setdefault("papermill", {})
    return parameterize_notebook(nb, parameters, kernel_name=KERNEL, language="python")


def _clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop timings and join split stream outputs, so a re-run stores the same bytes.

    A kernel may deliver one ``print`` as one or several stream messages; joining
    consecutive messages of the same stream makes the stored output independent of that.
    """
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    nb.metadata.pop("papermill", None)
    return nb


def execute(nb: nbformat.NotebookNode, *, cwd: Path) -> nbformat.NotebookNode:
    """Execute ``nb`` in a fresh kernel with ``cwd`` as working directory.

    The kernel is this environment's own: its kernel spec (installed by
    ``make venv`` under the environment's prefix) is looked up first.
    """
    env_kernels = str(Path(sys.prefix) / "share" / "jupyter")
    if env_kernels not in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (env_kernels, os.environ.get("JUPYTER_PATH", "")) if p)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT_S, record_timing=False,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return _clean(nb)


def render_html(nb: nbformat.NotebookNode, out_path: Path) -> Path:
    """Render an executed notebook to a standalone HTML page."""
    body, _ = HTMLExporter().from_notebook_node(nb)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(body, encoding="utf-8")
    return out_path


def write_index(pages: dict[str, list[Path]], out_dir: Path = REPORTS_DIR) -> Path:
    """Write ``reports/index.html`` linking every rendered page, by document."""
    items = []
    for doc_id, paths in sorted(pages.items()):
        links = "".join(
            f'<li><a href="{html.escape(p.relative_to(out_dir).as_posix())}">'
            f"{html.escape(p.stem)}</a></li>" for p in paths)
        items.append(f"<h2>{html.escape(doc_id)}</h2><ul>{links}</ul>")
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Rendered notebooks</title>"
            "</head><body><h1>Rendered notebooks</h1>" + "".join(items) + "</body></html>\n")
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def run_notebook(path: Path, *, doc_id: str | None = None, html_out: bool = True,
                 reports_dir: Path = REPORTS_DIR) -> tuple[str, Path | None]:
    """Execute one notebook; return (doc_id it ran for, HTML page or None).

    Without ``doc_id`` (or with the notebook's own default) the notebook is
    executed in place, as committed. With another ``doc_id``, or when the seeds
    or output folders are moved by their settings, it runs from a copy stored
    under ``reports/<doc_id>/`` (``reports/corpus/`` for a corpus-level
    notebook) and the committed notebook is left alone.
    """
    nb = nbformat.read(path, as_version=4)
    default = default_parameters(path).get("DOC_ID")
    committed_setup = OUTPUT_ROOT == ROOT and SEEDS_DIR == ROOT / "seeds"
    if doc_id is None:
        doc_id = str(default) if default is not None else "corpus"
    if committed_setup and doc_id in (default, "corpus"):
        nb = execute(nb, cwd=path.parent)
        nbformat.write(nb, path)
    else:
        if default is not None:
            nb = inject_parameters(nb, {"DOC_ID": doc_id})
        nb = execute(nb, cwd=path.parent)
        out = reports_dir / doc_id / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out)
    page = render_html(nb, reports_dir / doc_id / f"{path.stem}.html") if html_out else None
    return doc_id, page


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: execute and render every notebook for every document."""
    parser = argparse.ArgumentParser(prog="python -m helpers.runner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", action="append", help="only this document id (repeatable)")
    parser.add_argument("--notebook", action="append",
                        help="only notebooks whose name starts with this (e.g. 03)")
    parser.add_argument("--no-html", action="store_true", help="do not render HTML pages")
    args = parser.parse_args(argv)

    notebooks = [p for p in notebook_paths()
                 if not args.notebook or any(p.name.startswith(n) for n in args.notebook)]
    doc_ids = args.doc or list_doc_ids(SEEDS_DIR)
    problems: dict[str, str] = {}
    for doc_id in doc_ids:             # a bad article is named before any kernel starts
        try:
            load_document(doc_id)
        except CorpusError as exc:
            problems[doc_id] = str(exc)
    jobs: list[tuple[Path, str | None, str]] = []   # (notebook, doc_id to inject, label)
    for path in notebooks:
        default = default_parameters(path).get("DOC_ID")
        if default is None:            # a corpus-level notebook: once
            jobs.append((path, None, "corpus"))
            continue
        for doc_id in doc_ids:
            if doc_id not in problems:
                jobs.append((path, None if doc_id == default else doc_id, doc_id))
    pages: dict[str, list[Path]] = {}
    for path, doc_id, label in tqdm(jobs, desc="notebooks", unit="nb", file=sys.stderr):
        try:
            ran_for, page = run_notebook(path, doc_id=doc_id, html_out=not args.no_html)
        except CellExecutionError as exc:     # reported at the end; the other runs go on
            lines = ANSI.sub("", str(exc)).strip().splitlines()
            problems[f"{label} {path.name}"] = lines[-1] if lines else "cell failed"
            continue
        if page is not None:
            pages.setdefault(ran_for, []).append(page)
    if pages:
        index = write_index(pages)
        print(f"rendered {sum(map(len, pages.values()))} pages; open {relative(index)}")
    for what, message in sorted(problems.items()):
        print(f"failed {what}: {message}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
