"""Execute the notebooks in order, in place, and build the site from them.

Run ``python -m helpers.runner`` (what ``make run`` does). Each notebook is
executed in a fresh kernel, top to bottom; volatile metadata (timings) is not
recorded, so a second run leaves the notebooks byte-identical. Then the site is
built from the executed notebooks (:mod:`helpers.cli.static_site`): ``reports/index.html``
lists every article by headline with its brief, and links every page.

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
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from papermill import inspect_notebook
from papermill.parameterize import parameterize_notebook
from papermill.utils import find_first_tagged_cell_index
from tqdm import tqdm

from helpers.cli.static_site import build_site, describe_article
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
    nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL, language="python")
    for cell in nb.cells:    # a fixed id: the copy is the same bytes on every run
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    return nb


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
    ``make venv`` under the environment's prefix) is looked up first. It talks to
    this process over IPC sockets in a temporary folder, not over TCP.
    """
    env_kernels = str(Path(sys.prefix) / "share" / "jupyter")
    if env_kernels not in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (env_kernels, os.environ.get("JUPYTER_PATH", "")) if p)
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        # IPC sockets in a private folder: nothing crosses TCP, so the kernel has no
        # plain-text transport to warn about.
        manager = KernelManager(kernel_name=KERNEL, transport="ipc",
                                ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(nb, km=manager, kernel_name=KERNEL, timeout=TIMEOUT_S,
                                record_timing=False, resources={"metadata": {"path": str(cwd)}})
        try:
            client.execute()
        finally:   # a kernel manager passed in is left running by nbclient: stop it here
            if manager.has_kernel:
                manager.shutdown_kernel()
    return _clean(nb)


def executed_notebooks(reports_dir: Path = REPORTS_DIR) -> dict[str, list[Path]]:
    """The executed notebooks on disk, by folder (a doc id, or ``corpus``), in order.

    The copies under ``reports/<folder>/``; in the committed setup the committed
    notebooks stand for their own document (and for the corpus), since a run executes
    them in place: a copy of the same name there would be older.
    """
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(Path(reports_dir).glob("*/[0-9][0-9]_*.ipynb")):
        found.setdefault(path.parent.name, {})[path.name] = path
    if OUTPUT_ROOT == ROOT and SEEDS_DIR == ROOT / "seeds":
        for path in notebook_paths():
            folder = str(default_parameters(path).get("DOC_ID") or CORPUS)
            if (SEEDS_DIR / f"{folder}.txt").exists() or folder == CORPUS:
                found.setdefault(folder, {})[path.name] = path
    return {folder: [paths[name] for name in sorted(paths)] for folder, paths in found.items()}


def render_site(problems: dict[str, str], out_dir: Path = REPORTS_DIR) -> Path:
    """Build the site (see :mod:`helpers.cli.static_site`) from the executed notebooks on disk;
    return its ``index.html``.

    ``problems`` maps what failed (a rejected article's id, or ``"<doc_id> <notebook>"``)
    to why; the index lists each, and an article named there gets no pages. An article
    whose brief cannot be written is listed there too, with the reason.
    """
    failed = {what.split(" ")[0] for what in problems}
    executed = executed_notebooks(out_dir)
    articles, rejected = [], dict(problems)
    for doc_id, notebooks in sorted(executed.items()):
        if doc_id == CORPUS or doc_id in failed:
            continue
        try:
            articles.append(describe_article(doc_id, notebooks))
        except (ValueError, OSError) as exc:
            rejected[doc_id] = f"no brief: {exc}"
    home = next((str(d) for d in (default_parameters(p).get("DOC_ID")
                                  for p in notebook_paths()) if d), None)
    return build_site(articles, out_dir, rejected=rejected,
                      corpus=[] if CORPUS in failed else executed.get(CORPUS, []),
                      home=home, work_dir=OUTPUT_ROOT / "build" / "site")


def remove_stale_outputs(keep: Iterable[str], *, figure_prefixes: Iterable[str],
                         corpus_failed: bool = False) -> list[Path]:
    """Remove what the collection wrote for articles not in ``keep``; return the paths, sorted.

    ``keep`` are the articles of ``seeds/`` that did not fail. For every other
    article, its ``data/processed/<doc_id>/`` (when it holds only contract files),
    ``reports/<doc_id>/`` (a folder holding ``NN_*`` pages or notebooks; the site's own
    folders, such as ``_static``, are not articles) and figures go. With ``corpus_failed`` the corpus tables
    (``data/corpus/*.csv``) and ``reports/corpus/`` go too, so nothing left on disk
    is older than the seeds it claims to show.
    """
    keep = set(keep)
    gone = {CORPUS} if corpus_failed else set()
    folders = [p for p in sorted(REPORTS_DIR.glob("*"))    # an article's folder has pages
               if p.is_dir() and any(p.glob("[0-9][0-9]_*"))  # NN_*; the site's own do not
               and (p.name not in keep | {CORPUS} or p.name in gone)]
    files = stale_figures(keep, figure_prefixes, FIGURES_DIR) + (
        sorted(CORPUS_DIR.glob("*.csv")) if corpus_failed else [])
    for folder in folders:
        shutil.rmtree(folder)
    for path in files:
        path.unlink()
    return sorted(remove_stale(PROCESSED_DIR, keep) + folders + files)


def run_notebook(path: Path, *, doc_id: str | None = None,
                 reports_dir: Path = REPORTS_DIR) -> tuple[str, Path]:
    """Execute one notebook; return (doc_id it ran for, the executed notebook's path).

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
        return doc_id, path
    if default is not None:
        nb = inject_parameters(nb, {"DOC_ID": doc_id})
    nb = execute(nb, cwd=path.parent)
    out = reports_dir / doc_id / path.name
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    return doc_id, out


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
    parser.add_argument("--no-html", action="store_true", help="do not build the site")
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
    executed = 0
    for path, doc_id, label in tqdm(jobs, desc="notebooks", unit="nb", file=sys.stderr):
        try:
            run_notebook(path, doc_id=doc_id, reports_dir=REPORTS_DIR)
            executed += 1
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            lines = ANSI.sub("", str(exc)).strip().splitlines()   # reported at the end;
            failed[(label, path.name)] = lines[-1] if lines else type(exc).__name__  # runs go on
    removed = remove_stale_outputs(
        set(seed_ids) - set(rejected) - {label for label, _ in failed},
        figure_prefixes=[p.name[:2] for p, default in defaults.items() if default is not None],
        corpus_failed=any(label == CORPUS for label, _ in failed))
    problems = {**rejected, **{f"{label} {name}": message
                               for (label, name), message in failed.items()}}
    print(f"executed {executed} notebook{'s' * (executed != 1)}")
    if not args.no_html:
        index = render_site(problems, REPORTS_DIR)
        print(f"built the site; open {relative(index)}")
    for path in removed:
        print(f"removed stale {relative(path)}")
    sys.stdout.flush()
    for what, message in sorted(problems.items()):
        print(f"failed {what}: {message}", file=sys.stderr)
    if problems:
        print(f"exit status 1: {len(rejected)} article(s) rejected, {len(failed)} notebook "
              "run(s) failed (listed above); everything else was written", file=sys.stderr)
    return 1 if problems else 0
