"""Execute the notebooks in order, in place, and render them to HTML.

Run ``python -m helpers.runner`` (what ``make run`` does). Each notebook is
executed in a fresh kernel, top to bottom; volatile metadata (timings) is not
recorded, so a second run leaves the notebooks byte-identical. Every notebook
is also rendered to ``reports/<doc_id>/<name>.html``, with ``reports/index.html``
linking them.

The committed notebooks are executed for the document named in their
``parameters`` cell. Other documents in ``seeds/`` are executed from copies with
their id injected after that cell by papermill into ``reports/<doc_id>/``.

One bad article never spoils the rest: an article the loader rejects (empty,
binary, not UTF-8, broken metadata) or whose notebook fails is named with the
reason at the end and in ``reports/index.html``, every other article and the
corpus notebook still run, and the command exits with status 1. The outputs of
such an article, and of an article no longer in ``seeds/``, are removed in the
same run, so what is on disk always matches ``seeds/``.
"""
from __future__ import annotations

import argparse
import ast
import copy
import html
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Iterable, Sequence

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from papermill import inspect_notebook
from papermill.parameterize import parameterize_notebook
from papermill.utils import find_first_tagged_cell_index
from tqdm import tqdm

from helpers.config import (CORPUS_DIR, FIGURES_DIR, NOTEBOOKS_DIR, OUTPUT_ROOT, PROCESSED_DIR,
                            REPORTS_DIR, ROOT, SEEDS_DIR, relative)
from helpers.files.articles import CorpusError, list_doc_ids, load_document
from helpers.files.stale import remove_stale, stale_figures

KERNEL = "python3"
#: The label of the corpus-level notebook's runs and pages (``reports/corpus/``).
CORPUS = "corpus"
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


def write_index(problems: dict[str, str] | None = None, out_dir: Path = REPORTS_DIR) -> Path:
    """Write ``reports/index.html``: what failed and why, then every page under ``out_dir``.

    Pages are the rendered notebooks on disk (``out_dir/<doc_id>/NN_*.html``), the
    corpus first, then one heading per document. ``problems`` maps what failed (a
    rejected article's id, or ``"<doc_id> <notebook>"``) to the message saying why;
    each is listed in a "Failed" section at the top, so no failure is silent.
    """
    out_dir = Path(out_dir)
    pages: dict[str, list[Path]] = {}
    for page in sorted(out_dir.glob("*/[0-9][0-9]_*.html")):
        pages.setdefault(page.parent.name, []).append(page)
    items = []
    if problems:
        failed = "".join(f"<li><b>{html.escape(what)}</b>: {html.escape(message)}</li>"
                         for what, message in sorted(problems.items()))
        items.append(f"<h2>Failed</h2><ul>{failed}</ul>")
    for doc_id, paths in sorted(pages.items(), key=lambda item: (item[0] != CORPUS, item[0])):
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


def remove_stale_outputs(keep: Iterable[str], *, figure_prefixes: Iterable[str],
                         corpus_failed: bool = False) -> list[Path]:
    """Remove what the collection wrote for articles not in ``keep``; return the paths, sorted.

    ``keep`` are the articles of ``seeds/`` that did not fail. For every other
    article, its ``data/processed/<doc_id>/`` (when it holds only contract files),
    ``reports/<doc_id>/`` and figures go. With ``corpus_failed`` the corpus tables
    (``data/corpus/*.csv``) and ``reports/corpus/`` go too, so nothing left on disk
    is older than the seeds it claims to show.
    """
    keep = set(keep)
    gone = {CORPUS} if corpus_failed else set()
    folders = [p for p in sorted(REPORTS_DIR.glob("*"))
               if p.is_dir() and (p.name not in keep | {CORPUS} or p.name in gone)]
    files = stale_figures(keep, figure_prefixes, FIGURES_DIR) + (
        sorted(CORPUS_DIR.glob("*.csv")) if corpus_failed else [])
    for folder in folders:
        shutil.rmtree(folder)
    for path in files:
        path.unlink()
    return sorted(remove_stale(PROCESSED_DIR, keep) + folders + files)


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
        doc_id = str(default) if default is not None else CORPUS
    if committed_setup and doc_id in (default, CORPUS):
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
    """Command line: execute and render every notebook for every document.

    An article the loader rejects, or whose notebook fails, is named with the reason
    at the end and in ``reports/index.html``; everything else is still executed and
    rendered, and the outputs of failed articles and of articles no longer in
    ``seeds/`` are removed. Returns 1 (and says so in the last line) if anything
    failed, else 0.
    """
    parser = argparse.ArgumentParser(prog="python -m helpers.runner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", action="append", help="only this document id (repeatable)")
    parser.add_argument("--notebook", action="append",
                        help="only notebooks whose name starts with this (e.g. 03)")
    parser.add_argument("--no-html", action="store_true", help="do not render HTML pages")
    args = parser.parse_args(argv)

    defaults = {p: default_parameters(p).get("DOC_ID") for p in notebook_paths()}
    notebooks = [p for p in defaults
                 if not args.notebook or any(p.name.startswith(n) for n in args.notebook)]
    seed_ids = list_doc_ids(SEEDS_DIR)
    doc_ids = args.doc or seed_ids
    rejected: dict[str, str] = {}
    for doc_id in doc_ids:             # a bad article is named before any kernel starts
        try:
            load_document(doc_id)
        except CorpusError as exc:
            rejected[doc_id] = str(exc)
    jobs: list[tuple[Path, str | None, str]] = []   # (notebook, doc_id to inject, label)
    for path in notebooks:
        default = defaults[path]
        if default is None:            # a corpus-level notebook: once, over the good articles
            jobs.append((path, None, CORPUS))
            continue
        for doc_id in doc_ids:
            if doc_id not in rejected:
                jobs.append((path, None if doc_id == default else doc_id, doc_id))
    failed: dict[tuple[str, str], str] = {}        # (label, notebook) -> the error's last line
    rendered = 0
    for path, doc_id, label in tqdm(jobs, desc="notebooks", unit="nb", file=sys.stderr):
        try:
            page = run_notebook(path, doc_id=doc_id, html_out=not args.no_html,
                                reports_dir=REPORTS_DIR)[1]
            rendered += page is not None
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            lines = ANSI.sub("", str(exc)).strip().splitlines()   # reported at the end;
            failed[(label, path.name)] = lines[-1] if lines else type(exc).__name__  # runs go on
    removed = remove_stale_outputs(
        set(seed_ids) - set(rejected) - {label for label, _ in failed},
        figure_prefixes=[p.name[:2] for p, default in defaults.items() if default is not None],
        corpus_failed=any(label == CORPUS for label, _ in failed))
    problems = {**rejected, **{f"{label} {name}": message
                               for (label, name), message in failed.items()}}
    index = write_index(problems, REPORTS_DIR)
    print(f"rendered {rendered} page{'s' * (rendered != 1)}; open {relative(index)}")
    for path in removed:
        print(f"removed stale {relative(path)}")
    sys.stdout.flush()
    for what, message in sorted(problems.items()):
        print(f"failed {what}: {message}", file=sys.stderr)
    if problems:
        print(f"exit status 1: {len(rejected)} article(s) rejected, {len(failed)} notebook "
              "run(s) failed (listed above); everything else was written", file=sys.stderr)
    return 1 if problems else 0
