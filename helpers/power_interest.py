"""The power-interest grid (Mendelow) from simple, inspectable rules, and its sensitivity.

Every component is a number in [0, 1]; power and interest are weighted means of
their components, with the weights, type scores, office keywords and thresholds
of ``helpers/resources/stakeholder_weights.csv`` (see docs/stakeholder_method.md).

- power: type score, office score (strongest office keyword in name and role;
  a state has the ``office,state`` score), degree and betweenness relative to
  the article's largest;
- interest: mentions relative to the largest, share of sentences, events the
  actor is source or target of and position statements it makes, relative to
  the largest.

Interest is only scored for an actor whose position or action the text states
(a position statement, or an asserted or probable event it is the source of).
For the others it stays empty: their quadrant is ``not placed``.

>>> quadrant(0.8, 0.2)
'Keep satisfied'
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from .stakeholder_lexicon import rule_values

QUADRANTS = ("Manage closely", "Keep satisfied", "Keep informed", "Monitor")
NOT_PLACED = "not placed"
STATED_FACTUALITY = ("asserted", "probable")


@dataclass(frozen=True)
class Grid:
    """The grid's rows (actor_id, power, interest, quadrant) and why it is empty, if it is."""

    table: pd.DataFrame
    reason: str = ""


def office_score(text: str, *, actor_type: str = "") -> float:
    """The strongest office keyword score in ``text`` (an actor's name and role).

    >>> office_score("Iran's Speaker of Parliament")
    0.8
    """
    offices = rule_values("office")
    best = offices["state"] if actor_type == "state" else 0.0
    for keyword, value in offices.items():
        if keyword != "state" and re.search(rf"\b(?:{keyword})\b", text, re.IGNORECASE):
            best = max(best, value)
    return best


def _relative(values: pd.Series) -> pd.Series:
    top = values.max() if len(values) else 0
    return (values / top) if top else values * 0.0


def components(profile: pd.DataFrame, measure: pd.DataFrame, statements: pd.DataFrame,
               events: pd.DataFrame, *, n_sentences: int) -> pd.DataFrame:
    """One row per profiled actor with every scoring component and ``stated``."""
    types = rule_values("type")
    table = profile[["actor_id", "name", "type", "role", "mentions", "sentence_ids"]].merge(
        measure[["actor_id", "degree", "betweenness"]], on="actor_id", how="left").fillna(
        {"degree": 0, "betweenness": 0.0})
    involved = pd.concat([events[["event_id", "source_actor"]].rename(columns={"source_actor": "a"}),
                          events[["event_id", "target_actor"]].rename(columns={"target_actor": "a"})])
    engaged = involved[involved["a"] != ""].drop_duplicates().groupby("a").size()
    acting = events[events["factuality"].isin(STATED_FACTUALITY)].groupby("source_actor").size()
    stating = statements.groupby("actor_id").size()
    out = pd.DataFrame({"actor_id": table["actor_id"]})
    out["power.type"] = table["type"].map(types).fillna(0.0)
    out["power.office"] = [office_score(f"{n} {r}", actor_type=t)
                           for n, r, t in zip(table["name"], table["role"], table["type"])]
    out["power.degree"] = _relative(table["degree"].astype(float))
    out["power.betweenness"] = _relative(table["betweenness"].astype(float))
    out["interest.mentions"] = _relative(table["mentions"].astype(float))
    out["interest.sentences"] = table["sentence_ids"].map(
        lambda ids: len(ids.split(";")) / n_sentences if ids and n_sentences else 0.0)
    out["interest.engagement"] = _relative(table["actor_id"].map(engaged).fillna(0).astype(float))
    out["interest.positions"] = _relative(table["actor_id"].map(stating).fillna(0).astype(float))
    out["stated"] = (table["actor_id"].map(stating).fillna(0) + table["actor_id"].map(acting)
                     .fillna(0)).gt(0).to_numpy()
    return out.round(3)


def quadrant(power: float, interest: float, *, thresholds: dict[str, float] | None = None) -> str:
    """The Mendelow quadrant of a (power, interest) pair; ``not placed`` without interest."""
    limits = thresholds or rule_values("threshold")
    if interest is None or (isinstance(interest, float) and math.isnan(interest)):
        return NOT_PLACED
    high_power, high_interest = power >= limits["power"], interest >= limits["interest"]
    return QUADRANTS[(0 if high_interest else 1) if high_power else (2 if high_interest else 3)]


def _weighted(parts: pd.DataFrame, weights: dict[str, float], prefix: str) -> pd.Series:
    keys = [k for k in weights if k.startswith(prefix)]
    total = sum(weights[k] for k in keys)
    return sum(parts[k] * weights[k] for k in keys) / total


def grid(parts: pd.DataFrame, *, weights: dict[str, float] | None = None) -> Grid:
    """Power, interest and quadrant per actor; an explained empty grid below two actors."""
    columns = ["actor_id", "power", "interest", "quadrant"]
    if len(parts) < 2:
        found = "no actor" if parts.empty else f"one actor only ({parts['actor_id'].iloc[0]})"
        return Grid(pd.DataFrame(columns=columns),
                    f"The text names {found}: a power-interest grid compares stakeholders, "
                    "so there is nothing to place.")
    weights = weights or rule_values("weight")
    table = pd.DataFrame({"actor_id": parts["actor_id"],
                          "power": _weighted(parts, weights, "power.").round(3),
                          "interest": _weighted(parts, weights, "interest.").round(3)})
    table.loc[~parts["stated"].astype(bool).to_numpy(), "interest"] = float("nan")
    table["quadrant"] = [quadrant(p, i) for p, i in zip(table["power"], table["interest"])]
    return Grid(table.sort_values("actor_id").reset_index(drop=True))


def sensitivity(parts: pd.DataFrame, *, step: float | None = None) -> pd.DataFrame:
    """Every weight times (1 - step) and (1 + step) in turn: who crosses a quadrant.

    One row per (weight, factor, actor) whose quadrant differs from the baseline,
    sorted; an empty table means no reasonable change of weights moves anyone.
    """
    columns = ["weight", "factor", "actor_id", "baseline", "perturbed"]
    base_weights = rule_values("weight")
    step = rule_values("sensitivity")["step"] if step is None else step
    baseline = grid(parts).table.set_index("actor_id")["quadrant"]
    rows = []
    for key in sorted(base_weights):
        for factor in (round(1 - step, 3), round(1 + step, 3)):
            moved = grid(parts, weights={**base_weights, key: base_weights[key] * factor}).table
            for row in moved.itertuples(index=False):
                if row.quadrant != baseline[row.actor_id]:
                    rows.append({"weight": key, "factor": factor, "actor_id": row.actor_id,
                                 "baseline": baseline[row.actor_id], "perturbed": row.quadrant})
    return pd.DataFrame(rows, columns=columns).sort_values(columns).reset_index(drop=True)
