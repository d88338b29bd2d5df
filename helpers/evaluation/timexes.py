"""Scoring temporal expressions against a hand-made reference standard (``<reference_dir>/<doc_id>.timexes.csv``).

Detection is scored twice, TempEval-style: exact spans, and spans that merely
overlap. Type, value and interval are then scored over the overlapping pairs:
``correct / system`` is the precision, ``correct / reference`` the recall and
``correct / matched`` the agreement.

>>> evaluate_timexes([], []).measure.tolist()[:2]
['detection (exact span)', 'detection (overlapping span)']
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from helpers.config import relative
from helpers.files.contract import COLUMNS
from helpers.files.records import Timex


def read_reference_timexes(doc_id: str, *, reference_dir: Path) -> list[Timex]:
    """The reference timexes of ``doc_id`` in ``reference_dir``; raise FileNotFoundError naming the file
    when absent, ValueError when its columns are not those of timexes.csv."""
    path = Path(reference_dir) / f"{doc_id}.timexes.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no reference timexes for {doc_id!r}: {path.name} not in "
                                f"{relative(path.parent)}")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and set(COLUMNS["timexes"]) - set(rows[0]):
        raise ValueError(f"{path.name}: columns must be {', '.join(COLUMNS['timexes'])}")
    return [Timex(r["timex_id"], int(r["sentence_id"]), int(r["start"]), int(r["end"]), r["text"],
                  r["type"], r["value"], r["earliest"], r["latest"], "reference") for r in rows]


def pairs(reference: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Reference and system timexes whose spans overlap, each used once, in text order."""
    matched, used = [], set()
    for g in sorted(reference, key=lambda t: t.start):
        for s in sorted(system, key=lambda t: t.start):
            if s.timex_id not in used and s.start < g.end and g.start < s.end:
                matched.append((g, s))
                used.add(s.timex_id)
                break
    return matched


def _row(measure: str, n_reference: int, n_system: int, correct: int, matched: int | None) -> dict:
    p = correct / n_system if n_system else 0.0
    r = correct / n_reference if n_reference else 0.0
    return {"measure": measure, "reference": n_reference, "system": n_system, "correct": correct,
            "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "agreement": round(correct / matched, 3) if matched else (None if matched is None
                                                                      else 0.0)}


def evaluate_timexes(reference: list[Timex], system: list[Timex]) -> pd.DataFrame:
    """Detection P/R/F1 (exact and overlapping span) and type, value, interval scores."""
    exact = {(t.start, t.end) for t in reference} & {(t.start, t.end) for t in system}
    matched = pairs(reference, system)
    rows = [_row("detection (exact span)", len(reference), len(system), len(exact), None),
            _row("detection (overlapping span)", len(reference), len(system), len(matched), None)]
    checks = {"type": lambda g, s: g.type == s.type,
              "value": lambda g, s: g.value == s.value,
              "interval": lambda g, s: (g.earliest, g.latest) == (s.earliest, s.latest)}
    for name, same in checks.items():
        rows.append(_row(name, len(reference), len(system), sum(same(g, s) for g, s in matched),
                         len(matched)))
    return pd.DataFrame(rows)


def timex_errors(reference: list[Timex], system: list[Timex]) -> pd.DataFrame:
    """Every disagreement: missed, spurious, span, type, value or interval, by offset."""
    matched = pairs(reference, system)
    rows = []
    for g, s in matched:
        for problem, bad in (("span", (g.start, g.end) != (s.start, s.end)),
                             ("type", g.type != s.type), ("value", g.value != s.value),
                             ("interval", (g.earliest, g.latest) != (s.earliest, s.latest))):
            if bad:
                rows.append({"start": g.start, "error": problem, "reference": _show(g),
                             "system": _show(s)})
    hit_g, hit_s = {g.timex_id for g, _ in matched}, {s.timex_id for _, s in matched}
    rows += [{"start": g.start, "error": "missed", "reference": _show(g), "system": ""}
             for g in reference if g.timex_id not in hit_g]
    rows += [{"start": s.start, "error": "spurious", "reference": "", "system": _show(s)}
             for s in system if s.timex_id not in hit_s]
    columns = ["start", "error", "reference", "system"]
    return pd.DataFrame(sorted(rows, key=lambda r: (r["start"], r["error"])), columns=columns)


def _show(t: Timex) -> str:
    return f"{t.text!r} {t.type} {t.value} [{t.earliest}..{t.latest}]"
