"""The data contract of ``data/processed/<doc_id>/``: file names, columns, reading and writing.

Every table the collection writes goes through :func:`write_table`, which
checks the columns against the contract and the offsets against the text, so a
file that breaks the contract is never written.

>>> COLUMNS["sentences"]
('sentence_id', 'start', 'end', 'text')
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .config import processed_dir

COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": ("sentence_id", "start", "end", "text"),
    "entities": ("mention_id", "sentence_id", "start", "end", "text", "label", "kind",
                 "actor_id", "method"),
    "actors": ("actor_id", "name", "type", "country", "role", "wikidata", "cameo_code",
               "mentions"),
    "timexes": ("timex_id", "sentence_id", "start", "end", "text", "type", "value",
                "earliest", "latest"),
    "events": ("event_id", "sentence_id", "trigger", "start", "end", "lemma", "cameo_code",
               "goldstein", "source_actor", "target_actor", "factuality", "attribution",
               "source_type", "timex_id", "earliest", "latest"),
    "relations": ("source_actor", "target_actor", "relation", "weight", "factuality",
                  "event_ids"),
    "stakeholders": ("actor_id", "name", "type", "country", "mentions", "degree",
                     "betweenness", "power", "interest", "stance", "evidence"),
}

#: Columns read as strings even when they look like numbers (codes keep leading zeros).
STRING_COLUMNS = {"cameo_code", "value", "earliest", "latest", "actor_id", "source_actor",
                  "target_actor", "timex_id", "event_ids", "wikidata", "country", "evidence"}


class ContractError(ValueError):
    """A table does not follow the data contract."""


def to_frame(name: str, rows: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Return ``rows`` as a DataFrame with exactly the contract's columns, in order.

    >>> to_frame("relations", []).columns.tolist()
    ['source_actor', 'target_actor', 'relation', 'weight', 'factuality', 'event_ids']
    """
    columns = list(COLUMNS[name])
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if frame.empty and not len(frame.columns):
        frame = pd.DataFrame(columns=columns)
    lacking = [c for c in columns if c not in frame.columns]
    if lacking:
        raise ContractError(f"{name}.csv: missing columns {lacking}")
    return frame[columns].reset_index(drop=True)


def check_offsets(name: str, frame: pd.DataFrame, text: str) -> None:
    """Raise :class:`ContractError` unless every row's offsets give its text.

    The span text is the ``text`` column, or ``trigger`` for events.
    """
    column = "text" if "text" in frame.columns else "trigger"
    if not {"start", "end", column} <= set(frame.columns):
        return
    for start, end, span in zip(frame["start"], frame["end"], frame[column]):
        if text[int(start):int(end)] != span:
            raise ContractError(
                f"{name}.csv: offsets {start}-{end} give "
                f"{text[int(start):int(end)]!r}, not {span!r}")


def write_table(doc_id: str, name: str, rows: Iterable[Mapping] | pd.DataFrame, *,
                text: str | None = None, out_dir: Path | None = None) -> Path:
    """Write ``data/processed/<doc_id>/<name>.csv`` per the contract and return its path.

    When ``text`` is given, every row's offsets are checked against it first.
    """
    frame = to_frame(name, rows)
    if text is not None:
        check_offsets(name, frame, text)
    directory = Path(out_dir) if out_dir is not None else processed_dir(doc_id)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.csv"
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def read_table(doc_id: str, name: str, *, out_dir: Path | None = None) -> pd.DataFrame:
    """Read a contract table back, with code-like columns as strings and empty cells as ''."""
    directory = Path(out_dir) if out_dir is not None else processed_dir(doc_id)
    path = directory / f"{name}.csv"
    if not path.is_file():
        raise ContractError(f"{doc_id}/{name}.csv: not written yet; run the notebook that "
                            f"writes it (make run)")
    dtypes = {c: str for c in COLUMNS[name] if c in STRING_COLUMNS or c == "text"}
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, encoding="utf-8")
    return to_frame(name, frame)
