"""Annotating a large corpus through Dask, with the same helpers as one article.

The article files of a directory are split into partitions (a ``dask.bag``);
each partition is streamed through :func:`helpers.pipeline.analyse_many` in
one worker, which loads the model once, and every article's contract files are
written there (``OUT_DIR/<doc_id>/``). Only a small summary per article (counts,
or the error) goes back to the caller, never the annotations themselves.

Runs on a local scheduler by default (``processes``, ``threads`` or ``sync``), or
on a Dask cluster when given its scheduler address; workers then need to see
SRC_DIR and OUT_DIR at the same paths (a shared file system).

    python -m helpers.distributed SRC_DIR OUT_DIR [--address tcp://HOST:8786]
        [--scheduler processes] [--workers N] [--partition-size N]
    python -m helpers.distributed bench [--n 5000] [--small 1000]

>>> summary_frame([]).columns.tolist()[:3]
['doc_id', 'status', 'sentences']
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import pandas as pd
from tqdm.std import tqdm

from .corpus import CorpusError, Document, load_document

if TYPE_CHECKING:
    from .pipeline import Analysis

COUNTS = ("sentences", "mentions", "actors", "timexes", "events")
SUMMARY_COLUMNS = ["doc_id", "status", *COUNTS, "error"]
SCHEDULERS = ("processes", "threads", "sync")


def article_paths(src_dir: Path) -> list[str]:
    """The article files (``*.txt``) of ``src_dir``, sorted, as strings for the workers."""
    return sorted(str(p) for p in Path(src_dir).glob("*.txt"))


def _summary(doc_id: str, analysis=None, *, error: str = "") -> dict:
    counts = {name: len(getattr(analysis, name)) if analysis is not None else 0
              for name in COUNTS}
    return {"doc_id": doc_id, "status": "error" if error else "ok", **counts, "error": error}


def _loaded(paths: Iterable[str], failed: dict[str, str]) -> Iterator[Document]:
    """Load articles one at a time; a file the loader rejects goes to ``failed`` with its message."""
    for path in map(Path, paths):
        try:
            yield load_document(path.stem, seeds_dir=path.parent)
        except CorpusError as exc:
            failed[path.stem] = str(exc)


def analyse_files(paths: Sequence[str], failed: dict[str, str], *,
                  batch_size: int = 64) -> Iterator[Analysis]:
    """Annotate the article files at ``paths``, in order, skipping and recording the bad ones.

    Yields one :class:`helpers.pipeline.Analysis` per article that could be used.
    A file the loader rejects (empty, binary, not UTF-8, broken metadata) is
    recorded in ``failed`` as ``{doc_id: the loader's message}``. The articles are
    streamed through ``analyse_many``; if an article breaks the stream, those not
    yet yielded are annotated one by one, and an article whose annotation raises
    is recorded as ``{doc_id: "ErrorType: message"}``. Nothing is raised for one
    bad article.
    """
    from .pipeline import analyse, analyse_many

    yielded: set[str] = set()
    try:
        for analysis in analyse_many(_loaded(paths, failed), batch_size=batch_size):
            yielded.add(analysis.doc_id)
            yield analysis
    except Exception:                                   # noqa: BLE001 - recovered below
        rest = [p for p in paths if Path(p).stem not in yielded and Path(p).stem not in failed]
        for document in _loaded(rest, failed):
            try:
                analysis = analyse(document)
            except Exception as exc:                    # noqa: BLE001 - reported per article
                failed[document.doc_id] = f"{type(exc).__name__}: {exc}"
                continue
            yield analysis


def _write(analysis, out_dir: Path, names: Sequence[str] | None) -> dict:
    from .pipeline import CONTRACT_FILES, write_contract

    write_contract(analysis, out_dir=out_dir / analysis.doc_id, names=names or CONTRACT_FILES)
    return _summary(analysis.doc_id, analysis)


def holds_only_contract_files(folder: Path) -> bool:
    """True when ``folder`` is a directory holding nothing but contract files of its article.

    The contract files of article ``x`` are the tables ``<name>.csv`` of
    ``helpers.contract.COLUMNS`` and the brat pair ``x.ann`` and ``x.txt``; an empty
    folder qualifies. Only such folders are ever removed as stale.
    """
    from .contract import COLUMNS

    folder = Path(folder)
    allowed = {f"{name}.csv" for name in COLUMNS} | {f"{folder.name}.ann", f"{folder.name}.txt"}
    return folder.is_dir() and all(p.is_file() and p.name in allowed for p in folder.iterdir())


def remove_outputs(folder: Path) -> bool:
    """Remove an article's output folder if it holds only contract files; True if removed."""
    if not holds_only_contract_files(folder):
        return False
    shutil.rmtree(folder)
    return True


def remove_stale(out_dir: Path, doc_ids: Iterable[str]) -> list[Path]:
    """Remove the folders ``out_dir/<x>/`` of articles not in ``doc_ids``; return them, sorted.

    Only folders holding nothing but contract files are removed (see
    :func:`holds_only_contract_files`); an absent ``out_dir`` has none.
    """
    keep = set(doc_ids)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    return [folder for folder in sorted(out_dir.iterdir())
            if folder.name not in keep and remove_outputs(folder)]


def annotate_partition(paths: Sequence[str], out_dir: str, *, batch_size: int = 64,
                       names: Sequence[str] | None = None) -> list[dict]:
    """Annotate the articles at ``paths``, write their contract files, return one summary each.

    ``names`` picks the contract files (default: every one, see
    ``helpers.pipeline.CONTRACT_FILES``). One summary dict per path, in order
    (``SUMMARY_COLUMNS``).

    One bad article never costs the others (see :func:`analyse_files`); its error
    is in its summary, and its folder ``out_dir/<doc_id>/`` is removed, so no
    output of an earlier run is left standing for it.
    """
    out = Path(out_dir)
    failed: dict[str, str] = {}
    done: dict[str, dict] = {}
    for analysis in analyse_files(paths, failed, batch_size=batch_size):
        try:
            done[analysis.doc_id] = _write(analysis, out, names)
        except Exception as exc:                        # noqa: BLE001 - reported per article
            failed[analysis.doc_id] = f"{type(exc).__name__}: {exc}"
    for doc_id, error in failed.items():
        done[doc_id] = _summary(doc_id, error=error)
        remove_outputs(out / doc_id)
    return [done[Path(p).stem] for p in paths]


def summary_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """The per-article summaries as a table sorted by doc_id."""
    return pd.DataFrame(list(rows), columns=SUMMARY_COLUMNS).sort_values(
        "doc_id", ignore_index=True)


class Progress(tqdm):
    """A tqdm bar; inside a notebook it is drawn in one display line that starts and ends as a label.

    A live reader sees the bar move; before and after, the line reads ``<desc>: <total> in all``,
    so the stored output is the same on every run (and nbval, which sees only the first
    version of a display, compares the same text).
    """

    def __init__(self, *args, **kwargs) -> None:
        total = kwargs.get("total")
        label = f"{kwargs.get('desc', '')}: {total} in all" if total is not None else "progress"
        self._label = label
        self._line = None if kwargs.get("disable") else _NotebookLine.create(label)
        kwargs["file"] = self._line or kwargs.get("file") or sys.stderr
        super().__init__(*args, **kwargs)

    def close(self) -> None:
        super().close()
        if self._line is not None:
            self._line.show(self._label)


class _NotebookLine:
    """A file-like target that shows the last line written in one updated notebook display."""

    def __init__(self, handle) -> None:
        self.handle = handle

    @classmethod
    def create(cls, first: str) -> "_NotebookLine | None":
        """A display showing ``first``, when running in a notebook kernel; else None."""
        try:
            from IPython import get_ipython
            from IPython.display import display
        except ImportError:
            return None
        shell = get_ipython()
        if shell is None or "IPKernelApp" not in shell.config:
            return None
        return cls(display({"text/plain": first}, raw=True, display_id=True))

    def show(self, line: str) -> None:
        self.handle.update({"text/plain": line}, raw=True)

    def write(self, text: str) -> None:
        if text.strip("\r\n"):
            self.show(text.strip("\r\n"))

    def flush(self) -> None:
        pass


def _local_callback(bar: tqdm, name: str):
    """A dask callback that advances ``bar`` by the articles of each partition ``name`` finished."""
    from dask.callbacks import Callback

    class _Articles(Callback):
        def _posttask(self, key, result, dsk, state, worker_id) -> None:
            if isinstance(key, tuple) and key[0] == name:
                bar.update(len(result))

    return _Articles()


def annotate_directory(src_dir: Path, out_dir: Path, *, scheduler: str = "processes",
                       client_address: str | None = None, workers: int | None = None,
                       partition_size: int = 100, batch_size: int = 64,
                       progress: bool = True, names: Sequence[str] | None = None
                       ) -> pd.DataFrame:
    """Annotate every article of ``src_dir`` into ``out_dir/<doc_id>/``; return the summaries.

    ``scheduler`` picks the local Dask scheduler; ``client_address`` (e.g.
    ``tcp://127.0.0.1:8786``) runs on that cluster instead. ``workers`` caps the
    local worker count (default: one per core). A bad article file is reported in
    its summary row (``status`` 'error' and the message) and the run goes on.
    ``names`` limits the contract files written (default: every one).
    """
    import dask.bag as db

    if scheduler not in SCHEDULERS:
        raise ValueError(f"scheduler must be one of {SCHEDULERS}, got {scheduler!r}")
    paths = article_paths(src_dir)
    if not paths:
        return summary_frame([])
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(paths, partition_size=partition_size).map_partitions(
        annotate_partition, str(Path(out_dir).resolve()), batch_size=batch_size, names=names)
    bar = Progress(total=len(paths), desc="articles", unit="article", disable=not progress)
    rows: list[dict] = []
    with bar:
        if client_address:
            from distributed import Client, as_completed

            with Client(client_address) as client:
                for future in as_completed(client.compute(bag.to_delayed())):
                    part = future.result()
                    rows.extend(part)
                    bar.update(len(part))
        else:
            with _local_callback(bar, bag.name):
                rows = bag.compute(scheduler=scheduler, num_workers=workers)
    return summary_frame(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: annotate a directory (exit status 1 if any article failed), or ``bench``.

    Output folders of articles no longer in SRC_DIR, or that failed, are removed,
    so OUT_DIR matches SRC_DIR; a failed article is listed with its error.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["bench"], ["bench-run"]):
        from .distributed_bench import main as bench_main

        return bench_main(argv)
    parser = argparse.ArgumentParser(prog="python -m helpers.distributed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src_dir", type=Path, help="directory of <doc_id>.txt (+ .meta.json)")
    parser.add_argument("out_dir", type=Path, help="contract files go to OUT_DIR/<doc_id>/")
    parser.add_argument("--address", help="Dask scheduler address, e.g. tcp://127.0.0.1:8786")
    parser.add_argument("--scheduler", choices=SCHEDULERS, default="processes",
                        help="local scheduler when no --address is given (default: processes)")
    parser.add_argument("--workers", type=int, help="local worker processes/threads")
    parser.add_argument("--partition-size", type=int, default=100, help="articles per task")
    parser.add_argument("--summary", type=Path, help="also write the summaries to this CSV")
    parser.add_argument("--annotation-only", action="store_true",
                        help="skip relations.csv and stakeholders.csv (about 3x faster)")
    args = parser.parse_args(argv)
    if not args.src_dir.is_dir():
        parser.error(f"{args.src_dir}: no such directory")
    from .pipeline import CONTRACT_FILES

    names = [n for n in CONTRACT_FILES if n not in ("relations", "stakeholders")] \
        if args.annotation_only else None
    summary = annotate_directory(args.src_dir, args.out_dir, scheduler=args.scheduler,
                                 client_address=args.address, workers=args.workers,
                                 partition_size=args.partition_size, names=names)
    if args.summary:
        summary.to_csv(args.summary, index=False, lineterminator="\n")
    failed = summary[summary["status"] == "error"]
    written = summary.loc[summary["status"] == "ok", "doc_id"]
    removed = remove_stale(args.out_dir, written) if len(summary) else []
    print(f"annotated {len(written)} of {len(summary)} articles into {args.out_dir}")
    for folder in removed:
        print(f"  removed {args.out_dir / folder.name}: no such article in {args.src_dir}")
    for doc_id, error in zip(failed["doc_id"], failed["error"]):
        print(f"  failed {doc_id}: {error}")
    if len(failed):
        print(f"exit status 1: {len(failed)} of {len(summary)} articles failed (listed above); "
              f"{len(written)} written")
    return 1 if len(failed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
