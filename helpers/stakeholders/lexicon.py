"""The stakeholder analysis's word lists and scoring rules, read once from ``helpers/resources``.

- ``stakeholder_concepts.csv``: concept, cue (a regex, matched as whole words,
  case-insensitive), polarity (+1 the cue favours the concept, -1 it names its
  opposite: "instability" for regional_stability);
- ``stakeholder_stances.csv``: stance verbs (lemmas), stance nouns ("X's stance
  of ..."), negation words, each with a polarity;
- ``stakeholder_weights.csv``: the power-interest scoring rules (weights, type and
  office scores, thresholds, the sensitivity step).

>>> sorted(concept_cues())[:2]
['cooperation', 'de_escalation']
>>> stance_words("verb")["fear"]
-1
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.files.resources import resource_rows


def _read(name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    rows = resource_rows(name, columns=columns)
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(columns), dtype=str)


@lru_cache(maxsize=None)
def concept_cues() -> dict[str, tuple[tuple[re.Pattern, int], ...]]:
    """Concept -> its compiled cues with their polarity, in file order."""
    cues: dict[str, list[tuple[re.Pattern, int]]] = {}
    for row in _read("stakeholder_concepts.csv", ("concept", "cue", "polarity")).itertuples(index=False):
        pattern = re.compile(rf"(?<![\w-])(?:{row.cue})(?![\w-])", re.IGNORECASE)
        cues.setdefault(row.concept, []).append((pattern, int(row.polarity)))
    return {concept: tuple(found) for concept, found in cues.items()}


@lru_cache(maxsize=None)
def stance_words(kind: str) -> dict[str, int]:
    """Words of one kind (``verb``, ``noun``, ``negation``) -> polarity."""
    table = _read("stakeholder_stances.csv", ("word", "kind", "polarity"))
    if kind not in set(table["kind"]):
        raise ValueError(f"stakeholder_stances.csv has no words of kind {kind!r}")
    return {row.word.lower(): int(row.polarity)
            for row in table.itertuples(index=False) if row.kind == kind}


@lru_cache(maxsize=None)
def negation_pattern() -> re.Pattern:
    """A regex matching any negation word of ``stakeholder_stances.csv``.

    A word with an apostrophe ("n't") is a clitic and may follow a letter ("won't").
    """
    words = sorted(stance_words("negation"), key=len, reverse=True)
    parts = [re.escape(w).replace("'", "['’]") if "'" in w else rf"\b{re.escape(w)}"
             for w in words]
    return re.compile(r"(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def scoring_rules() -> pd.DataFrame:
    """``stakeholder_weights.csv`` with ``value`` as float."""
    table = _read("stakeholder_weights.csv", ("rule", "key", "value"))
    return table.assign(value=table["value"].astype(float))


@lru_cache(maxsize=None)
def _rule_items(rule: str) -> tuple[tuple[str, float], ...]:
    """The ``(key, value)`` rows of one rule, in file order (parsed once per rule)."""
    table = scoring_rules()
    rows = table[table["rule"] == rule]
    if rows.empty:
        raise ValueError(f"stakeholder_weights.csv has no rows for rule {rule!r}")
    return tuple(zip(rows["key"], rows["value"]))


def rule_values(rule: str) -> dict[str, float]:
    """The ``key -> value`` rows of one rule (``weight``, ``type``, ``office``, ``threshold``).

    A fresh dict on every call (the parsed rows are cached), so callers may change it.

    >>> rule_values("threshold")["power"]
    0.5
    """
    return dict(_rule_items(rule))
