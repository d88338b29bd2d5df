"""Scoring entities, links and coreference against a hand-made gold standard.

Gold files are ``<gold_dir>/<doc_id>.entities.csv`` with columns start, end, text,
label, kind, actor_id (one row per actor of a mention), annotated by the guide in
``docs/annotation_guide.md``.

>>> gold = pd.DataFrame([(0, 4, "Iraq", "GPE", "NAME", "iraq")], columns=GOLD_COLUMNS)
>>> evaluate_entities(gold, [Mention("m1", 1, 0, 4, "Iraq", "GPE", "NAME", "iraq", "t")]).f1.tolist()
[1.0, 1.0]
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.evaluation.scores import errors, scores_by
from helpers.files.records import Mention

GOLD_COLUMNS = ["start", "end", "text", "label", "kind", "actor_id"]
#: The labels the named-entity score is computed on.
SCORED_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def read_gold_entities(doc_id: str, *, gold_dir: Path) -> pd.DataFrame:
    """The gold entity mentions of one document in ``gold_dir``, offsets as ints, empty cells
    as ''; raise FileNotFoundError naming the file when absent."""
    path = Path(gold_dir) / f"{doc_id}.entities.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no gold entities for {doc_id!r} ({path.name} is missing)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame[["start", "end"]] = frame[["start", "end"]].astype(int)
    return frame[GOLD_COLUMNS]


def _rows(gold: pd.DataFrame, mentions: list[Mention]) -> tuple[list[dict], list[dict]]:
    return gold.to_dict("records"), [m.__dict__ for m in mentions]


def _name_keys(rows: list[dict]) -> set[tuple]:
    return {(r["start"], r["end"], r["label"]) for r in rows
            if r["kind"] == "NAME" and r["label"] in SCORED_LABELS}


def evaluate_entities(gold: pd.DataFrame, mentions: list[Mention]) -> pd.DataFrame:
    """Precision, recall and F1 of named mentions (exact span and label), per label and ALL.

    >>> evaluate_entities(pd.DataFrame(columns=GOLD_COLUMNS), []).group.tolist()
    ['ALL']
    """
    gold_rows, system_rows = _rows(gold, mentions)
    return scores_by(_name_keys(gold_rows), _name_keys(system_rows), key=lambda t: t[2])


def entity_errors(gold: pd.DataFrame, mentions: list[Mention]) -> pd.DataFrame:
    """Every missed and spurious named mention, with its text."""
    gold_rows, system_rows = _rows(gold, mentions)
    return errors(_name_keys(gold_rows), _name_keys(system_rows))


def linking_errors(gold: pd.DataFrame, mentions: list[Mention], *, kinds=("NAME",)) -> pd.DataFrame:
    """Gold mentions (of ``kinds``) whose span the system found with other actors, or not at all.

    One row per gold span: the gold actors, the system actors ('' when the span was not
    found) and ``correct``. Spans are matched exactly, whatever the label.
    """
    gold_rows, system_rows = _rows(gold, mentions)
    wanted: dict[tuple, set] = {}
    for r in gold_rows:
        if r["kind"] in kinds:
            wanted.setdefault((r["start"], r["end"], r["text"]), set()).add(r["actor_id"])
    found: dict[tuple, set] = {}
    for r in system_rows:
        found.setdefault((r["start"], r["end"], r["text"]), set()).add(r["actor_id"])
    rows = [{"start": k[0], "end": k[1], "text": k[2], "gold": "|".join(sorted(v)),
             "system": "|".join(sorted(found.get(k, ()))), "correct": found.get(k) == v}
            for k, v in sorted(wanted.items())]
    return pd.DataFrame(rows, columns=["start", "end", "text", "gold", "system", "correct"])


def linking_accuracy(gold: pd.DataFrame, mentions: list[Mention], *, kinds=("NAME",),
                     labels: tuple[str, ...] | None = None) -> tuple[int, int]:
    """(correct, total) gold spans of ``kinds`` (and ``labels``) linked to exactly the gold actors."""
    table = linking_errors(gold, mentions, kinds=kinds)
    if labels is not None:
        spans = {(r.start, r.end) for r in gold.itertuples() if r.label in labels}
        table = table.loc[[(s, e) in spans for s, e in zip(table.start, table.end)]]
    return int(table.correct.sum()), len(table)
