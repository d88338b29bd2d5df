"""Annotating a large corpus through Dask, with the same helpers as one article.

The article files of a directory are split into partitions (a ``dask.bag``);
each partition is streamed through :func:`helpers.pipeline.annotate.analyse_many` in
one worker, which loads the model once, and every article's contract files are
written there (``OUT_DIR/<doc_id>/``). Only a small summary per article (counts,
or the error) goes back to the caller, never the annotations themselves.

Runs on a local scheduler by default (``processes``, ``threads`` or ``sync``), or
on a Dask cluster when given its scheduler address; workers then need to see
SRC_DIR and OUT_DIR at the same paths (a shared file system).

The command line is ``python -m helpers.distributed`` (:mod:`helpers.cli.distributed`).

>>> summary_frame([]).columns.tolist()[:3]
['doc_id', 'status', 'sentences']
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import dask.bag as db
import pandas as pd
from dask.callbacks import Callback
from distributed import Client, as_completed
from tqdm.std import tqdm

from helpers.corpus.progress import Progress
from helpers.files.stale import remove_outputs
from helpers.pipeline.annotate import Analysis, analyse_files
from helpers.pipeline.outputs import CONTRACT_FILES, write_contract

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


def _write(analysis: Analysis, out_dir: Path, names: Sequence[str] | None) -> dict:
    write_contract(analysis, out_dir=out_dir / analysis.doc_id, names=names or CONTRACT_FILES)
    return _summary(analysis.doc_id, analysis)


def annotate_partition(paths: Sequence[str], out_dir: str, *, batch_size: int = 64,
                       names: Sequence[str] | None = None) -> list[dict]:
    """Annotate the articles at ``paths``, write their contract files, return one summary each.

    ``names`` picks the contract files (default: every one, see
    ``helpers.pipeline.outputs.CONTRACT_FILES``). One summary dict per path, in order
    (``SUMMARY_COLUMNS``).

    One bad article never costs the others (see
    :func:`helpers.pipeline.annotate.analyse_files`); its error is in its summary, and
    its folder ``out_dir/<doc_id>/`` is removed, so no output of an earlier run is left
    standing for it.
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


def _local_callback(bar: tqdm, name: str):
    """A dask callback that advances ``bar`` by the articles of each partition ``name`` finished."""
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
            with Client(client_address) as client:
                for future in as_completed(client.compute(bag.to_delayed())):
                    part = future.result()
                    rows.extend(part)
                    bar.update(len(part))
        else:
            with _local_callback(bar, bag.name):
                rows = bag.compute(scheduler=scheduler, num_workers=workers)
    return summary_frame(rows)
