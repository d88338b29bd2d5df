"""Scoring entities, links and coreference against a hand-made reference standard.

Reference files are ``<reference_dir>/<doc_id>.entities.csv`` with columns start, end, text,
label, kind, actor_id (one row per actor of a mention), annotated by the guide in
``docs/annotation_guide.md``.

>>> reference = pd.DataFrame([(0, 4, "Iraq", "GPE", "NAME", "iraq")], columns=REFERENCE_COLUMNS)
>>> evaluate_entities(reference, [Mention("m1", 1, 0, 4, "Iraq", "GPE", "NAME", "iraq", "t")]).f1.tolist()
[1.0, 1.0]
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.evaluation.scores import errors, scores_by
from helpers.files.records import Mention

REFERENCE_COLUMNS = ["start", "end", "text", "label", "kind", "actor_id"]
#: The labels the named-entity score is computed on.
SCORED_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def read_reference_entities(doc_id: str, *, reference_dir: Path) -> pd.DataFrame:
    """The reference entity mentions of one document in ``reference_dir``, offsets as ints, empty cells
    as ''; raise FileNotFoundError naming the file when absent."""
    path = Path(reference_dir) / f"{doc_id}.entities.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no reference entities for {doc_id!r} ({path.name} is missing)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame[REFERENCE_COLUMNS]


def _rows(reference: pd.DataFrame, mentions: list[Mention]) -> tuple[list[dict], list[dict]]:
    return reference.to_dict("records"), [m.__dict__ for m in mentions]


def _name_keys(rows: list[dict]) -> set[tuple]:
    return {(r["start"], r["end"], r["label"]) for r in rows
            if r["kind"] == "NAME" and r["label"] in SCORED_LABELS}


def evaluate_entities(reference: pd.DataFrame, mentions: list[Mention]) -> pd.DataFrame:
    """Precision, recall and F1 of named mentions (exact span and label), per label and ALL.

    >>> evaluate_entities(pd.DataFrame(columns=REFERENCE_COLUMNS), []).group.tolist()
    ['ALL']
    """
    reference_rows, system_rows = _rows(reference, mentions)
    return scores_by(_name_keys(reference_rows), _name_keys(system_rows), key=lambda t: t[2])


def entity_errors(reference: pd.DataFrame, mentions: list[Mention]) -> pd.DataFrame:
    """Every missed and spurious named mention, with its text."""
    reference_rows, system_rows = _rows(reference, mentions)
    return errors(_name_keys(reference_rows), _name_keys(system_rows))


def linking_errors(reference: pd.DataFrame, mentions: list[Mention], *, kinds=("NAME",)) -> pd.DataFrame:
    """Reference mentions (of ``kinds``) whose span the system found with other actors, or not at all.

    One row per reference span: the reference actors, the system actors ('' when the span was not
    found) and ``correct``. Spans are matched exactly, whatever the label.
    """
    reference_rows, system_rows = _rows(reference, mentions)
    wanted: dict[tuple, set] = {}
    for r in reference_rows:
        if r["kind"] in kinds:
            wanted.setdefault((r["start"], r["end"], r["text"]), set()).add(r["actor_id"])
    found: dict[tuple, set] = {}
    for r in system_rows:
        found.setdefault((r["start"], r["end"], r["text"]), set()).add(r["actor_id"])
    rows = [{"start": k[0], "end": k[1], "text": k[2], "reference": "|".join(sorted(v)),
             "system": "|".join(sorted(found.get(k, ()))), "correct": found.get(k) == v}
            for k, v in sorted(wanted.items())]
    return pd.DataFrame(rows, columns=["start", "end", "text", "reference", "system", "correct"])


def linking_agreement(reference: pd.DataFrame, mentions: list[Mention], *, kinds=("NAME",),
                     labels: tuple[str, ...] | None = None) -> tuple[int, int]:
    """(correct, total) reference spans of ``kinds`` (and ``labels``) linked to exactly the reference actors."""
    table = linking_errors(reference, mentions, kinds=kinds)
    if labels is not None:
        spans = {(r.start, r.end) for r in reference.itertuples() if r.label in labels}
        table = table.loc[[(s, e) in spans for s, e in zip(table.start, table.end)]]
    return int(table.correct.sum()), len(table)
