"""Precision, recall and F1 of system annotations against a reference standard, with the errors.

Items are compared as hashable keys (for spans: ``(start, end, label)``), so the
same functions score entities, timexes and events.

>>> scores({(0, 4, "GPE"), (5, 9, "ORG")}, {(0, 4, "GPE"), (5, 8, "ORG")}).f1
0.5
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Scores:
    """Counts and the measures derived from them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def scores(reference: Iterable[Hashable], system: Iterable[Hashable]) -> Scores:
    """Score two sets of items: exact matches are true positives."""
    reference_set, system_set = set(reference), set(system)
    return Scores(tp=len(reference_set & system_set), fp=len(system_set - reference_set),
                  fn=len(reference_set - system_set))


def scores_by(reference: Iterable[tuple], system: Iterable[tuple], *,
              key: Callable[[tuple], str]) -> pd.DataFrame:
    """One row of precision, recall and F1 per group (``key(item)``), plus an ``ALL`` row.

    >>> scores_by([(0, 1, "A")], [(0, 1, "A"), (2, 3, "B")], key=lambda t: t[2]).f1.tolist()
    [1.0, 0.0, 0.667]
    """
    reference, system = set(reference), set(system)
    groups = sorted({key(item) for item in reference | system})
    rows = []
    for group in groups + ["ALL"]:
        g = {i for i in reference if group in ("ALL", key(i))}
        s = {i for i in system if group in ("ALL", key(i))}
        sc = scores(g, s)
        rows.append({"group": group, "reference": len(g), "system": len(s), "tp": sc.tp,
                     "fp": sc.fp, "fn": sc.fn, "precision": round(sc.precision, 3),
                     "recall": round(sc.recall, 3), "f1": round(sc.f1, 3)})
    return pd.DataFrame(rows)


def errors(reference: Iterable[tuple], system: Iterable[tuple]) -> pd.DataFrame:
    """Every disagreement: ``missed`` (reference only) and ``spurious`` (system only), sorted."""
    reference, system = set(reference), set(system)
    rows = [("missed", item) for item in reference - system] + \
           [("spurious", item) for item in system - reference]
    rows.sort(key=lambda r: (tuple(str(x) for x in r[1]), r[0]))
    return pd.DataFrame({"error": [r[0] for r in rows], "item": [r[1] for r in rows]})
