"""The hand-annotated events and sourcing (``<reference_dir>/<doc_id>.events.csv``, ``.sourcing.csv``)
and the scores of the system against them.

Events are compared as tuples ``(sentence_id, source_actor, CAMEO root, target_actor)``
(one row per source-target pair, as the system writes them); trigger spans as
``(start, end)``; factuality per trigger span; sourcing per sentence. The scheme
is docs/annotation_guide_events.md.

>>> reference = frame([Event("e1", 2, "met", 0, 3, "meet", "040", 1.0, "a", "b", "asserted", "", "none")])
>>> evaluate_events(reference, reference).tuples.f1
1.0
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from helpers.events.cameo import root
from helpers.evaluation.scores import Scores, errors, scores, scores_by
from helpers.files.records import Event, frame

_STRINGS = {"cameo_code": str, "source_actor": str, "target_actor": str, "trigger": str,
            "attribution": str, "source_type": str, "factuality": str}


def _read(doc_id: str, kind: str, reference_dir: Path) -> pd.DataFrame:
    path = Path(reference_dir) / f"{doc_id}.{kind}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no {kind} reference for {doc_id!r}: {path.name} is missing")
    return pd.read_csv(path, dtype=_STRINGS, keep_default_na=False, encoding="utf-8")


def read_reference_events(doc_id: str, *, reference_dir: Path) -> pd.DataFrame:
    """The reference events of a document in ``reference_dir``, codes as strings, empty cells as '';
    raise FileNotFoundError naming the file when absent."""
    return _read(doc_id, "events", reference_dir)


def read_reference_sourcing(doc_id: str, *, reference_dir: Path) -> pd.DataFrame:
    """The reference attribution cue and source type of every sentence of a document in
    ``reference_dir``; raise FileNotFoundError naming the file when absent."""
    return _read(doc_id, "sourcing", reference_dir)


def _table(rows: pd.DataFrame | Iterable) -> pd.DataFrame:
    return rows if isinstance(rows, pd.DataFrame) else frame(rows, Event)


def event_tuples(rows: pd.DataFrame | Iterable) -> set[tuple]:
    """``(sentence_id, source_actor, root, target_actor)`` for every row.

    >>> event_tuples([Event("e1", 2, "met", 0, 3, "meet", "040", 1.0, "a", "b", "asserted", "", "none")])
    {(2, 'a', '04', 'b')}
    """
    table = _table(rows)
    return {(int(r.sentence_id), r.source_actor, root(r.cameo_code), r.target_actor)
            for r in table.itertuples(index=False)}


@dataclass(frozen=True)
class EventEvaluation:
    """Scores of system events against reference, with every disagreement listed."""

    by_root: pd.DataFrame          # P/R/F1 of the tuples per CAMEO root, plus ALL
    tuples: Scores
    triggers: Scores               # trigger spans (start, end)
    code_agreement: float           # full CAMEO code equal, over matched tuples
    factuality_agreement: float     # over trigger spans found by both
    errors: pd.DataFrame           # missed / spurious tuples
    factuality_errors: pd.DataFrame


def evaluate_events(reference: pd.DataFrame, events: pd.DataFrame | Iterable) -> EventEvaluation:
    """Compare system events with reference events of one document.

    >>> reference = frame([Event("e1", 2, "met", 0, 3, "meet", "040", 1.0, "a", "b", "asserted", "",
    ...                     "none")])
    >>> evaluate_events(reference, reference).factuality_agreement
    1.0
    """
    system = _table(events)
    reference_t, system_t = event_tuples(reference), event_tuples(system)
    key = (lambda item: item[2] or "uncoded")
    spans = lambda t: {(int(r.start), int(r.end)) for r in t.itertuples(index=False)}  # noqa: E731
    reference_codes = {(int(r.sentence_id), r.source_actor, root(r.cameo_code), r.target_actor):
                  r.cameo_code for r in reference.itertuples(index=False)}
    system_codes = {(int(r.sentence_id), r.source_actor, root(r.cameo_code), r.target_actor):
                    r.cameo_code for r in system.itertuples(index=False)}
    matched = reference_t & system_t
    same_code = sum(reference_codes[k] == system_codes[k] for k in matched)
    reference_fact = {(int(r.start), int(r.end)): (r.trigger, r.factuality)
                 for r in reference.itertuples(index=False)}
    system_fact = {(int(r.start), int(r.end)): r.factuality for r in system.itertuples(index=False)}
    both = sorted(set(reference_fact) & set(system_fact))
    wrong = [{"start": s, "end": e, "trigger": reference_fact[(s, e)][0], "reference": reference_fact[(s, e)][1],
              "system": system_fact[(s, e)]} for s, e in both
             if reference_fact[(s, e)][1] != system_fact[(s, e)]]
    return EventEvaluation(
        by_root=scores_by(reference_t, system_t, key=key), tuples=scores(reference_t, system_t),
        triggers=scores(spans(reference), spans(system)),
        code_agreement=round(same_code / len(matched), 3) if matched else 0.0,
        factuality_agreement=round(1 - len(wrong) / len(both), 3) if both else 0.0,
        errors=errors(reference_t, system_t),
        factuality_errors=pd.DataFrame(wrong, columns=["start", "end", "trigger", "reference", "system"]))


def evaluate_sourcing(reference: pd.DataFrame, system: pd.DataFrame | Iterable[dict]) -> dict:
    """Per-sentence agreement of the source type and of the cue text, with the disagreements.

    >>> g = pd.DataFrame({"sentence_id": [1], "attribution": ["Sources said"],
    ...                   "source_type": ["anonymous"]})
    >>> evaluate_sourcing(g, g)["type_agreement"]
    1.0
    """
    table = system if isinstance(system, pd.DataFrame) else pd.DataFrame(list(system))
    merged = reference.merge(table[["sentence_id", "attribution", "source_type"]], on="sentence_id",
                        how="left", suffixes=("_reference", "_system")).fillna("")
    type_ok = merged.source_type_reference == merged.source_type_system
    cue_ok = merged.attribution_reference == merged.attribution_system
    return {"sentences": len(merged),
            "type_agreement": round(float(type_ok.mean()), 3) if len(merged) else 0.0,
            "cue_agreement": round(float(cue_ok.mean()), 3) if len(merged) else 0.0,
            "errors": merged[~(type_ok & cue_ok)].reset_index(drop=True)}
