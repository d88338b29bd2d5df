"""The resource tables of ``helpers/resources``: word lists, lexicons and rules kept as data."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from helpers.config import RESOURCES_DIR


class LexiconError(ValueError):
    """A resource table holds a row the code cannot use; the message names it."""


def resource_rows(name: str, *, columns: Sequence[str] = (),
                  resources_dir: Path = RESOURCES_DIR) -> list[dict[str, str]]:
    """The rows of ``helpers/resources/<name>`` as dicts of strings (no type guessing).

    Every resource table is read here, so that a missing file, a missing column of
    ``columns`` or bytes that are not UTF-8 stop with a :class:`LexiconError` naming the
    table, not a bare ``FileNotFoundError`` or ``KeyError`` from deep inside the caller.

    >>> resource_rows("cameo_event_codes.csv", columns=("code", "goldstein"))[0]["code"]
    '01'
    """
    folder = Path(resources_dir)
    path = folder / name
    where = "helpers/resources" if folder == RESOURCES_DIR else folder.name
    if not path.is_file():
        raise LexiconError(f"resource table {name!r} not found in {where}")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or ())]
            if missing:
                raise LexiconError(f"resource table {name!r}: missing columns {missing}")
            return [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    except UnicodeDecodeError as exc:
        raise LexiconError(f"resource table {name!r} is not valid UTF-8: byte "
                           f"{exc.object[exc.start]:#04x} at byte offset {exc.start}") from exc
