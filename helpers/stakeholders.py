"""Actor profiles, stances toward the article's central initiative, and stakeholders.csv.

An actor is a stakeholder of the article when at least one mention refers to it
and its type is one that the scoring rules score (person, organization, group,
state: the ``type`` rows of ``stakeholder_weights.csv``); a place named as a
place (a city of type ``city``) is not.

Stance rule: the central initiative is the concept the article cues most
(:func:`helpers.positions.central_initiative`); an actor *supports* it when the
sum of its coded statements on that concept is positive, *opposes* it when
negative, and otherwise its stance is *not_stated* (including when the article
has no central initiative).

>>> from helpers.stakeholder_data import make_tables
>>> profiles(make_tables("d", "")).empty
True
"""
from __future__ import annotations

import pandas as pd

from .contract import COLUMNS
from .stakeholder_data import Tables
from .stakeholder_lexicon import rule_values

PROFILE_COLUMNS = ["actor_id", "name", "type", "country", "role", "mentions", "first_offset",
                   "first_sentence", "sentence_ids"]
STANCE_COLUMNS = ["actor_id", "stance", "concept", "score", "sentence_ids"]


def join_ids(ids) -> str:
    """Sorted unique integer ids, ';'-joined.

    >>> join_ids([3, 1, 3])
    '1;3'
    """
    return ";".join(str(i) for i in sorted({int(i) for i in ids}))


def split_ids(text: str) -> list[int]:
    """The inverse of :func:`join_ids`: ``'1;3'`` -> ``[1, 3]``, ``''`` -> ``[]``."""
    return [int(part) for part in str(text).split(";") if part.strip()]


def actor_sentences(tables: Tables) -> dict[str, list[int]]:
    """Actor id -> the sorted ids of the sentences that mention it."""
    found: dict[str, set[int]] = {}
    for m in tables.mentions.itertuples(index=False):
        if m.actor_id:
            found.setdefault(m.actor_id, set()).add(int(m.sentence_id))
    return {actor: sorted(ids) for actor, ids in sorted(found.items())}


def profiles(tables: Tables) -> pd.DataFrame:
    """One row per mentioned actor, in order of first mention: name, type, country, role as
    the text gives it, mention count, first mention (offset and sentence) and sentence ids.
    """
    mentions = tables.mentions[tables.mentions["actor_id"] != ""]
    rows, types = [], rule_values("type")
    for actor in tables.actors.drop_duplicates("actor_id").itertuples(index=False):
        own = mentions[mentions["actor_id"] == actor.actor_id].sort_values(["start", "end"])
        if own.empty or actor.type not in types:
            continue
        rows.append({"actor_id": actor.actor_id, "name": actor.name or actor.actor_id,
                     "type": actor.type, "country": actor.country, "role": actor.role,
                     "mentions": len(own), "first_offset": int(own["start"].iloc[0]),
                     "first_sentence": int(own["sentence_id"].iloc[0]),
                     "sentence_ids": join_ids(own["sentence_id"])})
    table = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return table.sort_values(["first_offset", "actor_id"]).reset_index(drop=True)


def stances(statements: pd.DataFrame, actor_ids: list[str], *,
            concept: str | None) -> pd.DataFrame:
    """Each actor's stance toward ``concept`` (support / oppose / not_stated) and its basis.

    >>> s = pd.DataFrame({"actor_id": ["a"], "sentence_id": [2], "concepts": ["mediation:+1"]})
    >>> stances(s, ["a", "b"], concept="mediation").stance.tolist()
    ['support', 'not_stated']
    """
    rows = []
    for actor in sorted(actor_ids):
        score, sentence_ids = 0, []
        own = statements[statements["actor_id"] == actor] if concept else statements.iloc[:0]
        for row in own.itertuples(index=False):
            for item in filter(None, row.concepts.split(";")):
                name, value = item.rsplit(":", 1)
                if name == concept:
                    score += int(value)
                    sentence_ids.append(row.sentence_id)
        stance = "support" if score > 0 else "oppose" if score < 0 else "not_stated"
        rows.append({"actor_id": actor, "stance": stance, "concept": concept or "",
                     "score": score, "sentence_ids": join_ids(sentence_ids)})
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def evidence(tables: Tables, statements: pd.DataFrame) -> dict[str, str]:
    """Actor id -> evidence sentence ids: the sentences of its statements and events that
    also mention it, or, when there are none, every sentence that mentions it.
    """
    mentioned = actor_sentences(tables)
    used: dict[str, set[int]] = {}
    for row in statements.itertuples(index=False):
        used.setdefault(row.actor_id, set()).add(int(row.sentence_id))
    for ev in tables.events.itertuples(index=False):
        for actor in {ev.source_actor, ev.target_actor} - {""}:
            used.setdefault(actor, set()).add(int(ev.sentence_id))
    found = {}
    for actor, sentence_ids in mentioned.items():
        both = used.get(actor, set()) & set(sentence_ids)
        found[actor] = join_ids(both or sentence_ids)
    return found


def stakeholders_table(profile: pd.DataFrame, measure: pd.DataFrame, grid: pd.DataFrame,
                       stance: pd.DataFrame, evidence_ids: dict[str, str]) -> pd.DataFrame:
    """stakeholders.csv: exactly the contract's columns, one row per profiled actor, sorted
    by actor id. ``interest`` is empty (NaN) for actors whose position is not stated.
    """
    table = (profile[["actor_id", "name", "type", "country", "mentions"]]
             .merge(measure[["actor_id", "degree", "betweenness"]], on="actor_id", how="left")
             .merge(grid[["actor_id", "power", "interest"]], on="actor_id", how="left")
             .merge(stance[["actor_id", "stance"]], on="actor_id", how="left"))
    table["stance"] = table["stance"].fillna("not_stated")
    table["degree"] = table["degree"].fillna(0).astype(int)
    table["betweenness"] = table["betweenness"].fillna(0.0)
    table["evidence"] = table["actor_id"].map(evidence_ids).fillna("")
    table = table.sort_values("actor_id").reset_index(drop=True)
    return table[list(COLUMNS["stakeholders"])]
