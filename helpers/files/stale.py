"""Outputs of articles that are gone or failed, found and removed, so what is on disk always
matches the articles it claims to show.

Only a folder holding nothing but its article's contract files is ever removed.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable

from helpers.config import FIGURES_DIR
from helpers.files.contract import COLUMNS


def holds_only_contract_files(folder: Path) -> bool:
    """True when ``folder`` is a directory holding nothing but contract files of its article.

    The contract files of article ``x`` are the tables ``<name>.csv`` of
    ``helpers.files.contract.COLUMNS`` and the brat pair ``x.ann`` and ``x.txt``; an
    empty folder qualifies.
    """
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


def stale_figures(keep: Iterable[str], prefixes: Iterable[str],
                  figures_dir: Path = FIGURES_DIR) -> list[Path]:
    """Figures of articles not in ``keep``: ``NN_<name>_<doc_id>.png`` with ``NN`` in ``prefixes``.

    ``prefixes`` are the numbers of the per-document notebooks; a figure whose
    name ends in ``_<doc_id>`` for a kept article stays. Sorted.

    >>> stale_figures(["a_1"], ["01"], Path("no such folder"))
    []
    """
    suffixes = tuple(f"_{doc_id}" for doc_id in keep)
    return sorted(p for p in Path(figures_dir).glob("[0-9][0-9]_*.png")
                  if p.name[:2] in set(prefixes) and not p.stem.endswith(suffixes))
