"""Execute the notebooks in order, in place, and render them to HTML.

Run ``python -m helpers.runner`` (what ``make run`` does). Each notebook is
executed in a fresh kernel, top to bottom; volatile metadata (timings) is not
recorded, so a second run leaves the notebooks byte-identical. Every notebook
is also rendered to ``reports/<doc_id>/<name>.html``, with ``reports/index.html``
linking them.

The committed notebooks are executed for the document named in their
``parameters`` cell. Other documents in ``seeds/`` are executed from copies with
their id injected after that cell (as papermill does) into ``reports/<doc_id>/``.
"""
from __future__ import annotations

import argparse
import copy
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Sequence

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

from .config import NOTEBOOKS_DIR, OUTPUT_ROOT, REPORTS_DIR, ROOT, SEEDS_DIR, relative

KERNEL = "python3"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT_S = 900


def notebook_paths(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN_topic.ipynb``), in order."""
    return sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))


def parameters_cell_index(nb: nbformat.NotebookNode) -> int | None:
    """The index of the cell tagged ``parameters``, or None."""
    for index, cell in enumerate(nb.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return index
    return None


def default_parameters(nb: nbformat.NotebookNode) -> dict[str, object]:
    """The values assigned in the notebook's ``parameters`` cell (simple literals only)."""
    import ast

    index = parameters_cell_index(nb)
    if index is None:
        return {}
    values: dict[str, object] = {}
    for node in ast.parse(nb.cells[index].source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict[str, object]
                      ) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a cell assigning ``parameters`` right after the parameters cell."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells
                if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    index = parameters_cell_index(nb)
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "# Parameters injected for this run\n" + "\n".join(
        f"{name} = {value!r}" for name, value in sorted(parameters.items()))
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell.id = "injected-parameters"   # a fixed id: the copy is the same bytes on every run
    nb.cells.insert(index + 1, cell)
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
    default = default_parameters(nb).get("DOC_ID")
    committed_setup = OUTPUT_ROOT == ROOT and SEEDS_DIR == ROOT / "seeds"
    if doc_id is None:
        doc_id = str(default) if default is not None else "corpus"
    if committed_setup and doc_id in (default, "corpus"):
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


def render_site(executed: dict[str, list[Path]], problems: dict[str, str],
                out_dir: Path = REPORTS_DIR) -> Path:
    """Build the site (see :mod:`helpers.site`) from the executed notebooks, by folder
    (``corpus`` for corpus-level notebooks); ``problems`` (what failed, and why) is
    listed on the index. An article whose brief cannot be written is listed there too."""
    from .site import build_site, describe_article

    articles, rejected = [], dict(problems)
    home = default_parameters(nbformat.read(notebook_paths()[0], as_version=4)).get("DOC_ID")
    for doc_id, notebooks in sorted(executed.items()):
        if doc_id == "corpus":
            continue
        try:
            articles.append(describe_article(doc_id, notebooks))
        except (ValueError, OSError) as exc:
            rejected[doc_id] = f"no brief: {exc}"
    return build_site(articles, out_dir, rejected=rejected, corpus=executed.get("corpus", []),
                      home=str(home) if home else None, work_dir=OUTPUT_ROOT / "build" / "site")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: execute and render every notebook for every document."""
    from tqdm import tqdm

    from .corpus import CorpusError, list_doc_ids, load_document

    parser = argparse.ArgumentParser(prog="python -m helpers.runner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", action="append", help="only this document id (repeatable)")
    parser.add_argument("--notebook", action="append",
                        help="only notebooks whose name starts with this (e.g. 03)")
    parser.add_argument("--no-html", action="store_true", help="do not build the site")
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
        nb = nbformat.read(path, as_version=4)
        default = default_parameters(nb).get("DOC_ID")
        if default is None:            # a corpus-level notebook: once
            jobs.append((path, None, "corpus"))
            continue
        for doc_id in doc_ids:
            if doc_id not in problems:
                jobs.append((path, None if doc_id == default else doc_id, doc_id))
    executed: dict[str, list[Path]] = {}
    for path, doc_id, label in tqdm(jobs, desc="notebooks", unit="nb", file=sys.stderr):
        try:
            ran_for, notebook = run_notebook(path, doc_id=doc_id)
        except CellExecutionError as exc:     # reported at the end; the other runs go on
            lines = ANSI.sub("", str(exc)).strip().splitlines()
            problems[f"{label} {path.name}"] = lines[-1] if lines else "cell failed"
            continue
        executed.setdefault(ran_for, []).append(notebook)
    if executed and not args.no_html:
        index = render_site(executed, problems)
        print(f"built the site of {len(executed)} folder(s); open {relative(index)}")
    for what, message in sorted(problems.items()):
        print(f"failed {what}: {message}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
