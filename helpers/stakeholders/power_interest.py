"""The power-interest grid (Mendelow) from simple, inspectable rules, and its sensitivity.

Every component is a number in [0, 1]; power and interest are weighted means of
their components, with the weights, type scores, office keywords and thresholds
of ``helpers/resources/stakeholder_weights.csv`` (see docs/stakeholder_method.md).

- power: sector score (the sector of the actor's CAMEO code, GOV, MIL, LEG, IGO, ...,
  from the ``sector`` rows; an actor without a sector code has its type's score), office
  score (strongest office word in its name and role; a state has the ``office,state``
  score), degree and betweenness relative to the article's largest;
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
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.stakeholders.tables import rows_of
from helpers.stakeholders.lexicon import rule_values
from helpers.stakeholders.network import TIE_FACTUALITY

QUADRANTS = ("Manage closely", "Keep satisfied", "Keep informed", "Monitor")
NOT_PLACED = "not placed"
STATED_FACTUALITY = ("asserted", "probable")


@dataclass(frozen=True)
class Grid:
    """The grid's rows (actor_id, power, interest, quadrant) and why it is empty, if it is."""

    table: pd.DataFrame
    reason: str = ""


def sectors(cameo_code: str) -> list[str]:
    """The sector codes of a CAMEO actor code: its three-letter parts after the country
    (an intergovernmental organisation's code starts with its sector, ``IGO``).

    >>> sectors("IRNLEG"), sectors("USAGOVMIL"), sectors("IGOUNO"), sectors("IRQ")
    (['LEG'], ['GOV', 'MIL'], ['IGO'], [])
    """
    code = (cameo_code or "").upper()
    parts = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    known = rule_values("sector")
    if parts and parts[0] in known:
        return [parts[0]]
    return [p for p in parts[1:] if p in known]


def sector_score(cameo_code: str, actor_type: str) -> float:
    """The strongest sector score of a CAMEO code; the type's score when it has no sector.

    >>> sector_score("IRNLEG", "person"), sector_score("", "state"), sector_score("", "person")
    (0.7, 1.0, 0.3)
    """
    scores = rule_values("sector")
    found = [scores[s] for s in sectors(cameo_code)]
    return max(found) if found else rule_values("type").get(actor_type, 0.0)


def office_score(text: str, *, actor_type: str = "") -> float:
    """The strongest office keyword score in ``text`` (an actor's name and role).

    >>> office_score("Iran's Speaker of Parliament")
    0.8
    """
    state, keywords = _office_patterns()
    best = state if actor_type == "state" else 0.0
    for pattern, value in keywords:
        if pattern.search(text):
            best = max(best, value)
    return best


@lru_cache(maxsize=None)
def _office_patterns() -> tuple[float, tuple[tuple[re.Pattern, float], ...]]:
    """The ``office,state`` score and each other office keyword compiled, in file order."""
    offices = rule_values("office")
    return offices["state"], tuple(
        (re.compile(rf"\b(?:{keyword})\b", re.IGNORECASE), value)
        for keyword, value in offices.items() if keyword != "state")


def _relative(values: pd.Series) -> pd.Series:
    top = values.max() if len(values) else 0
    return (values / top) if top else values * 0.0


def _counts(keys) -> dict[str, int]:
    """Key -> how many times it occurs."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts


def components(profile: pd.DataFrame, measure: pd.DataFrame, statements: pd.DataFrame,
               events: pd.DataFrame, *, n_sentences: int) -> pd.DataFrame:
    """One row per profiled actor with every scoring component and ``stated``."""
    actors = rows_of(profile, "actor_id", "name", "type", "role", "mentions")
    codes = dict(rows_of(profile, "actor_id", "cameo_code")) if "cameo_code" in profile else {}
    tie = {a: (d, b) for a, d, b in rows_of(measure, "actor_id", "degree", "betweenness")}
    engaged: dict[str, set] = {}
    for event_id, source, target, factuality in rows_of(events, "event_id", "source_actor",
                                                        "target_actor", "factuality"):
        if factuality not in TIE_FACTUALITY:
            continue             # a denied or open event engages no one
        for actor in (source, target):
            if actor != "":
                engaged.setdefault(actor, set()).add(event_id)
    acting = _counts(source for source, factuality in rows_of(events, "source_actor", "factuality")
                     if factuality in STATED_FACTUALITY)
    stating = _counts(statements["actor_id"].tolist())

    def column(values: list) -> pd.Series:
        return _relative(pd.Series(values, dtype=float))

    out = pd.DataFrame({"actor_id": profile["actor_id"].reset_index(drop=True)})
    out["power.sector"] = pd.Series([sector_score(codes.get(a, ""), t) for a, _, t, _, _ in actors],
                                    dtype=float)
    out["power.office"] = [office_score(f"{n} {r}", actor_type=t) for _, n, t, r, _ in actors]
    out["power.degree"] = column([tie.get(a, (0, 0.0))[0] for a, *_ in actors])
    out["power.betweenness"] = column([tie.get(a, (0, 0.0))[1] for a, *_ in actors])
    out["interest.mentions"] = column([m for *_, m in actors])
    out["interest.sentences"] = profile["sentence_ids"].reset_index(drop=True).map(
        lambda ids: len(ids) / n_sentences if ids and n_sentences else 0.0)
    out["interest.engagement"] = column([len(engaged.get(a, ())) for a, *_ in actors])
    out["interest.positions"] = column([stating.get(a, 0) for a, *_ in actors])
    out["stated"] = np.array([stating.get(a, 0) + acting.get(a, 0) > 0 for a, *_ in actors],
                             dtype=bool)
    return out.round(3)


def quadrant(power: float, interest: float, *, thresholds: dict[str, float] | None = None) -> str:
    """The Mendelow quadrant of a (power, interest) pair; ``not placed`` without interest."""
    limits = thresholds or rule_values("threshold")
    if interest is None or (isinstance(interest, float) and math.isnan(interest)):
        return NOT_PLACED
    high_power, high_interest = power >= limits["power"], interest >= limits["interest"]
    return QUADRANTS[(0 if high_interest else 1) if high_power else (2 if high_interest else 3)]


def _weighted(parts, weights: dict[str, float], prefix: str):
    """The weighted mean of the ``prefix`` components: a Series of a table's columns, or an
    array of a dict's arrays (the same arithmetic, in the same order)."""
    keys = [k for k in weights if k.startswith(prefix)]
    total = sum(weights[k] for k in keys)
    return sum(parts[k] * weights[k] for k in keys) / total


def _quadrants(columns: dict[str, np.ndarray], stated: np.ndarray, weights: dict[str, float],
               limits: dict[str, float]) -> list[str]:
    """Each actor's quadrant under ``weights``, computed as :func:`grid` does, without tables."""
    power = np.round(_weighted(columns, weights, "power."), 3)
    interest = np.where(stated, np.round(_weighted(columns, weights, "interest."), 3), np.nan)
    return [quadrant(p, i, thresholds=limits) for p, i in zip(power.tolist(), interest.tolist())]


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
    rows = []
    if len(parts) >= 2:
        baseline = dict(rows_of(grid(parts).table, "actor_id", "quadrant"))
        actors = parts["actor_id"].tolist()
        values = {k: parts[k].to_numpy() for k in base_weights}
        stated = parts["stated"].astype(bool).to_numpy()
        limits = rule_values("threshold")
        for key in sorted(base_weights):
            for factor in (round(1 - step, 3), round(1 + step, 3)):
                moved = _quadrants(values, stated,
                                   {**base_weights, key: base_weights[key] * factor}, limits)
                rows.extend({"weight": key, "factor": factor, "actor_id": actor,
                             "baseline": baseline[actor], "perturbed": found}
                            for actor, found in zip(actors, moved) if found != baseline[actor])
    return pd.DataFrame(rows, columns=columns).sort_values(columns).reset_index(drop=True)
