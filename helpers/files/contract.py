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

from helpers.config import processed_dir
from helpers.files.records import RECORDS, contract_fields, fields_typed

#: The columns of each contract table, in order, from its record (``helpers.files.records``).
COLUMNS: dict[str, tuple[str, ...]] = {name: contract_fields(record)
                                       for name, record in RECORDS.items()}
#: List columns (tuples in the program, ``;``-joined in the file), by table.
LIST_COLUMNS: dict[str, frozenset[str]] = {name: fields_typed(record, "tuple")
                                           for name, record in RECORDS.items()}
LIST_SEPARATOR = ";"


class ContractError(ValueError):
    """A table does not follow the data contract."""


def to_frame(name: str, rows: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Return ``rows`` as a DataFrame with exactly the contract's columns, in order.

    >>> to_frame("relations", []).columns.tolist()
    ['source_actor', 'target_actor', 'relation', 'weight', 'event_ids', 'factuality']
    """
    columns = list(COLUMNS[name])
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    if frame.empty and not len(frame.columns):
        frame = pd.DataFrame(columns=columns)
    lacking = [c for c in columns if c not in frame.columns]
    if lacking:
        raise ContractError(f"{name}.csv: missing columns {lacking}")
    return frame[columns].reset_index(drop=True)


def cell_text(value: object, separator: str = LIST_SEPARATOR) -> object:
    """A cell as the contract file holds it: a tuple or list ``;``-joined, anything else as is.

    >>> cell_text((3, 7)), cell_text(()), cell_text("x")
    ('3;7', '', 'x')
    """
    if isinstance(value, (tuple, list)):
        return separator.join(str(item) for item in value)
    return value


def as_written(frame: pd.DataFrame, lists: Iterable[str], *,
               separator: str = LIST_SEPARATOR) -> pd.DataFrame:
    """``frame`` with the cells of its list columns named in ``lists`` joined by ``separator``
    (``;``, as a contract file writes them).

    >>> as_written(pd.DataFrame({"ids": [(1, 2)], "key": [(1, "a")]}), ["ids"]).values.tolist()
    [['1;2', (1, 'a')]]
    """
    joined = [c for c in frame.columns if c in set(lists)]
    return frame.assign(**{c: frame[c].map(lambda v: cell_text(v, separator))
                           for c in joined}) if joined else frame


def _parse_list(text: str, item: type) -> tuple:
    return tuple(item(part) for part in str(text).split(LIST_SEPARATOR) if part.strip())


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
    as_written(frame, LIST_COLUMNS[name]).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def read_table(doc_id: str, name: str, *, out_dir: Path | None = None) -> pd.DataFrame:
    """Read a contract table back: text columns as strings (empty cells as ''), list columns
    as tuples; raise :class:`ContractError` naming the file when it is not written yet."""
    directory = Path(out_dir) if out_dir is not None else processed_dir(doc_id)
    path = directory / f"{name}.csv"
    if not path.is_file():
        raise ContractError(f"{doc_id}/{name}.csv: not written yet; run the notebook that "
                            f"writes it (make run)")
    record = RECORDS[name]
    text_columns = fields_typed(record, "str") | LIST_COLUMNS[name]
    frame = pd.read_csv(path, dtype={c: str for c in text_columns}, keep_default_na=False,
                        encoding="utf-8")
    for column in LIST_COLUMNS[name]:
        item = int if "int" in str(record.__dataclass_fields__[column].type) else str
        frame[column] = [_parse_list(v, item) for v in frame[column]]
    return to_frame(name, frame)
