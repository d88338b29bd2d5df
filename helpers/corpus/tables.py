"""Gathering the tables of many articles for the cross-document view (``helpers.corpus.crossdoc``).

The I/O side: annotate a seeds folder as a stream (:func:`corpus_tables`), or read
the contract files a corpus run wrote (:func:`read_tables`); write corpus tables
(:func:`write_tables`). Every table has ``doc_id`` as its first column.

>>> documents_table([]).columns.tolist()
['doc_id', 'outlet', 'dct']
"""
from __future__ import annotations

from pathlib import Path
from dataclasses import asdict, fields
from typing import Iterable, Sequence

import pandas as pd

from helpers.config import CORPUS_DIR, PROCESSED_DIR, ROOT, SEEDS_DIR
from helpers.corpus.progress import Progress
from helpers.files.articles import list_doc_ids, read_metadata
from helpers.files.contract import COLUMNS, read_table
from helpers.files.records import RECORDS
from helpers.pipeline.annotate import analyse_files



def documents_table(metas: Iterable) -> pd.DataFrame:
    """One row per article's metadata: ``doc_id``, ``outlet``, ``dct`` ('' when unknown)."""
    rows = [{"doc_id": m.doc_id, "outlet": m.outlet or "", "dct": m.dct or ""} for m in metas]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "dct"]).sort_values(
        "doc_id", ignore_index=True)


def tables_from_analyses(analyses: Iterable) -> dict[str, pd.DataFrame]:
    """Stack the records of pipeline analyses into tables whose first column is ``doc_id``.

    Consumes the analyses one at a time, so a stream (``pipeline.analyse_many``)
    is never held in memory as a whole. Keys: documents, actors, entities, events, timexes.
    """
    kinds = {name: (attribute, RECORDS[name]) for name, attribute in (
        ("actors", "actors"), ("entities", "mentions"), ("events", "events"),
        ("timexes", "timexes"))}
    rows: dict[str, list[dict]] = {name: [] for name in kinds}
    metas = []
    for analysis in analyses:
        metas.append(analysis.document.meta)
        for name, (attribute, _) in kinds.items():
            rows[name].extend({"doc_id": analysis.doc_id, **asdict(r)}
                              for r in getattr(analysis, attribute))
    tables = {name: pd.DataFrame(rows[name], columns=["doc_id", *(f.name for f in fields(kind))])
              for name, (_, kind) in kinds.items()}
    return {"documents": documents_table(metas), **tables}


def rejected_table(failed: dict[str, str]) -> pd.DataFrame:
    """The articles left out: ``doc_id`` and ``reason`` (the message naming the file), sorted.

    >>> rejected_table({"b": "seeds/b.txt: empty"}).values.tolist()
    [['b', 'seeds/b.txt: empty']]
    """
    return pd.DataFrame(sorted(failed.items()), columns=["doc_id", "reason"])


def corpus_tables(seeds_dir: Path | str | None = None, *, doc_ids: Sequence[str] | None = None,
                  progress: bool = True) -> dict[str, pd.DataFrame]:
    """Annotate the articles of ``seeds_dir`` (all, or ``doc_ids``) as a stream; stack their tables.

    ``seeds_dir`` None is the configured seeds folder (``seeds/`` or ``NEWS_SEEDS_DIR``);
    a relative path is taken from the project root. A progress bar counts the
    articles; adding articles to the folder needs no change.

    Keys: those of :func:`tables_from_analyses`, and ``rejected``: one row per
    article left out (the loader rejected the file, or annotation failed) with the
    reason (:func:`rejected_table`). A bad article never stops the others.
    """
    seeds_dir = SEEDS_DIR if seeds_dir is None else ROOT / seeds_dir
    doc_ids = sorted(doc_ids) if doc_ids is not None else list_doc_ids(seeds_dir)
    failed: dict[str, str] = {}
    analyses = analyse_files([str(Path(seeds_dir) / f"{d}.txt") for d in doc_ids], failed)
    with Progress(analyses, total=len(doc_ids), desc="annotating articles", unit="article",
                  disable=not progress) as bar:
        return {**tables_from_analyses(bar), "rejected": rejected_table(failed)}


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path = CORPUS_DIR) -> list[Path]:
    """Write each table as ``out_dir/<name>.csv`` (UTF-8, no index); return the paths, sorted."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in sorted(tables.items()):
        paths.append(Path(out_dir) / f"{name}.csv")
        table.to_csv(paths[-1], index=False, encoding="utf-8", lineterminator="\n")
    return paths


def read_tables(doc_ids: Sequence[str], *, processed_root: Path = PROCESSED_DIR,
                seeds_dir: Path = SEEDS_DIR) -> dict[str, pd.DataFrame]:
    """Read the contract tables of ``doc_ids`` from ``processed_root/<doc_id>/``, stacked.

    For a corpus annotated by ``helpers.distributed``; outlets and DCTs come from
    the metadata in ``seeds_dir``.
    """
    tables = {name: pd.concat([pd.DataFrame(columns=["doc_id", *COLUMNS[name]])] + [
        read_table(d, name, out_dir=Path(processed_root) / d).assign(doc_id=d) for d in doc_ids],
        ignore_index=True)[["doc_id", *COLUMNS[name]]] for name in ("actors", "events")}
    metas = (read_metadata(Path(seeds_dir) / f"{d}.meta.json", doc_id=d) for d in doc_ids)
    return {"documents": documents_table(metas), **tables}
