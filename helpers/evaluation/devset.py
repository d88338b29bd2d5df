"""The development set of real articles: its manifest, its texts, its gold annotations.

The texts are third-party and stay out of git (``data/dev/texts/``); the manifest
(``data/dev/manifest.csv``) identifies each by ``sha256`` and ``chars`` so that a
rebuilt text can be checked, and the gold (``data/dev/gold/``) is committed. How
texts are rebuilt and gold is written: ``docs/dev_set.md``.

The command line that checks the texts is :mod:`helpers.cli.devset`.

>>> [c for c in MANIFEST_COLUMNS][:3]
['doc_id', 'outlet', 'url']
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.config import DEV_DIR, relative
from helpers.files.articles import Document, Metadata, parse_metadata, read_text, with_text_dct
from helpers.files.records import Timex

MANIFEST: Path = DEV_DIR / "manifest.csv"
TEXTS_DIR: Path = DEV_DIR / "texts"
GOLD_DIR: Path = DEV_DIR / "gold"

MANIFEST_COLUMNS = ("doc_id", "outlet", "url", "published", "dct", "week_start", "country",
                    "event_group", "metadata", "cut", "sha256", "chars")
GOLD_COLUMNS = {
    "entities": ("start", "end", "text", "label", "kind", "actor_id"),
    "timexes": ("start", "end", "text", "type", "value", "earliest", "latest"),
    "events": ("start", "end", "trigger", "cameo_code", "source_actor", "target_actor",
               "factuality", "attribution", "source_type", "note"),
    "statements": ("start", "end", "cue", "actor_id", "concept", "agreement", "factuality", "note"),
    "stances": ("concept", "actor_id", "stance", "note"),
}
#: The text column whose offsets a gold file's ``start``/``end`` give.
SPAN_COLUMN = {"entities": "text", "timexes": "text", "events": "trigger", "statements": "cue"}


class DevSetError(ValueError):
    """The manifest or a gold file cannot be used; the message names the file."""


def read_manifest(path: Path = MANIFEST) -> pd.DataFrame:
    """The manifest, every cell a string ('' when empty), one row per article.

    Raises :class:`DevSetError` naming the file when it is missing, lacks a column
    or repeats a doc_id.
    """
    path = Path(path)
    if not path.is_file():
        raise DevSetError(f"{relative(path)}: the development-set manifest is missing")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in MANIFEST_COLUMNS if c not in table.columns]
    if missing:
        raise DevSetError(f"{relative(path)}: missing columns {missing}")
    repeated = sorted(table.doc_id[table.doc_id.duplicated()])
    if repeated:
        raise DevSetError(f"{relative(path)}: doc_id repeated: {repeated}")
    return table


def sha256_text(path: Path) -> tuple[str, int]:
    """(hex sha256 of the file's bytes, number of characters of its UTF-8 text)."""
    raw = Path(path).read_bytes()
    return hashlib.sha256(raw).hexdigest(), len(raw.decode("utf-8"))


@dataclass(frozen=True)
class TextCheck:
    """What was found for one manifest row: ``status`` is ok, missing or differs."""

    doc_id: str
    status: str
    detail: str = ""


def check_texts(manifest: pd.DataFrame, texts_dir: Path = TEXTS_DIR) -> list[TextCheck]:
    """Compare every manifest row with ``texts_dir/<doc_id>.txt`` (sha256 and length)."""
    results = []
    for row in manifest.itertuples(index=False):
        path = Path(texts_dir) / f"{row.doc_id}.txt"
        if not path.is_file():
            results.append(TextCheck(row.doc_id, "missing", f"{path.name} not found"))
            continue
        digest, chars = sha256_text(path)
        if digest != row.sha256:
            results.append(TextCheck(row.doc_id, "differs",
                                     f"sha256 {digest[:12]}… ({chars} chars), manifest "
                                     f"{row.sha256[:12]}… ({row.chars} chars)"))
        else:
            results.append(TextCheck(row.doc_id, "ok"))
    return results


def metadata_of(row: dict) -> Metadata:
    """The metadata the notebooks get for a manifest row (none at all when ``metadata`` is no).

    >>> metadata_of({"doc_id": "d", "metadata": "no"}).dct is None
    True
    >>> metadata_of({"doc_id": "d", "metadata": "yes", "published": "2024-01-30",
    ...              "dct": "2024-01-30", "outlet": "X", "url": "", "week_start": ""}).dct
    '2024-01-30'
    """
    name = f"{row['doc_id']} (data/dev/manifest.csv)"
    if row.get("metadata", "yes") == "no":
        return parse_metadata({}, doc_id=row["doc_id"], name=name)
    fields = {k: row.get(k) or None for k in ("outlet", "url", "published", "dct", "week_start")}
    return parse_metadata({k: v for k, v in fields.items() if v is not None},
                          doc_id=row["doc_id"], name=name)


def load_dev_document(row: dict, texts_dir: Path = TEXTS_DIR) -> Document:
    """The article of a manifest row, as the notebooks would load it from ``seeds/`` (a DCT the
    text states is used when the row gives none).

    Raises :class:`helpers.files.articles.CorpusError` (text unreadable) naming the file.
    """
    path = Path(texts_dir) / f"{row['doc_id']}.txt"
    text = read_text(path)
    return Document(doc_id=row["doc_id"], text=text, meta=with_text_dct(metadata_of(row), text),
                    path=path)


def has_gold(doc_id: str, kind: str, gold_dir: Path = GOLD_DIR) -> bool:
    """Whether ``<doc_id>.<kind>.csv`` exists (statements and stances exist for part of the set)."""
    return (Path(gold_dir) / f"{doc_id}.{kind}.csv").is_file()


def read_gold(doc_id: str, kind: str, *, text: str, gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """One gold file (a key of :data:`GOLD_COLUMNS`), offsets checked against ``text``.

    Offsets are ints, other cells strings. Raises :class:`DevSetError` naming the file
    when it is missing, lacks a column, or a row's offsets do not give its text.
    """
    path = Path(gold_dir) / f"{doc_id}.{kind}.csv"
    if not path.is_file():
        raise DevSetError(f"{relative(path)}: gold file missing")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in GOLD_COLUMNS[kind] if c not in table.columns]
    if missing:
        raise DevSetError(f"{relative(path)}: missing columns {missing}")
    if kind not in SPAN_COLUMN:
        return table
    table[["start", "end"]] = table[["start", "end"]].astype(int)
    shown = SPAN_COLUMN[kind]
    for row in table.itertuples(index=False):
        if text[row.start:row.end] != getattr(row, shown):
            raise DevSetError(f"{relative(path)}: offsets {row.start}-{row.end} give "
                              f"{text[row.start:row.end]!r}, not {getattr(row, shown)!r}")
    return table.sort_values(["start", "end"], kind="stable", ignore_index=True)


def gold_timexes(table: pd.DataFrame) -> list[Timex]:
    """Gold timex rows as :class:`helpers.files.records.Timex` records (ids g1, g2, ...)."""
    return [Timex(f"g{n}", 0, r.start, r.end, r.text, r.type, r.value, r.earliest, r.latest,
                  "gold") for n, r in enumerate(table.itertuples(index=False), 1)]
