"""Actor profiles, evidence sentences, and stakeholders.csv.

An actor is a stakeholder of the article when at least one mention refers to it
and its type is one that the scoring rules score (person, organization, group,
state: the ``type`` rows of ``stakeholder_weights.csv``), or when it takes a
position in the text; a place named as a place (a city of type ``city``) is not.

Stances toward the central initiative are read in :mod:`helpers.stakeholders.positions`.

>>> from helpers.stakeholders.tables import make_tables
>>> profiles(make_tables("d", "")).empty
True
"""
from __future__ import annotations

import pandas as pd

from helpers.files.contract import COLUMNS
from helpers.stakeholders.tables import Tables, rows_of
from helpers.stakeholders.lexicon import rule_values

PROFILE_COLUMNS = ["actor_id", "name", "type", "country", "role", "cameo_code", "mentions",
                   "first_offset", "first_sentence", "sentence_ids"]


def sorted_ids(ids) -> tuple[int, ...]:
    """Sorted unique integer ids.

    >>> sorted_ids([3, 1, 3])
    (1, 3)
    """
    return tuple(sorted({int(i) for i in ids}))


def actor_sentences(tables: Tables) -> dict[str, list[int]]:
    """Actor id -> the sorted ids of the sentences that mention it."""
    found: dict[str, set[int]] = {}
    for actor_id, sentence_id in rows_of(tables.mentions, "actor_id", "sentence_id"):
        if actor_id:
            found.setdefault(actor_id, set()).add(int(sentence_id))
    return {actor: sorted(ids) for actor, ids in sorted(found.items())}


def profiles(tables: Tables, *, speaking: frozenset[str] = frozenset()) -> pd.DataFrame:
    """One row per mentioned actor, in order of first mention: name, type, country, role as
    the text gives it, mention count, first mention (offset and sentence) and sentence ids.

    An actor of ``speaking`` (one that takes a position in the text) is a stakeholder
    whatever type the actor layer gave it: what agrees, urges or rejects is no place.
    """
    own = _mentions_by_actor(tables.mentions)
    rows, types, seen = [], rule_values("type"), set()
    for actor_id, name, kind, country, role, code in rows_of(
            tables.actors, "actor_id", "name", "type", "country", "role", "cameo_code"):
        if actor_id in seen:
            continue
        seen.add(actor_id)
        found = own.get(actor_id)
        if not found or (kind not in types and actor_id not in speaking):
            continue
        _, _, first_sentence = min(found, key=lambda m: (m[0], m[1]))
        rows.append({"actor_id": actor_id, "name": name or actor_id, "type": kind,
                     "country": country, "role": role, "cameo_code": code,
                     "mentions": len(found),
                     "first_offset": int(min(m[0] for m in found)),
                     "first_sentence": int(first_sentence),
                     "sentence_ids": sorted_ids(m[2] for m in found)})
    rows.sort(key=lambda row: (row["first_offset"], row["actor_id"]))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def _mentions_by_actor(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    """Actor id -> its mentions as (start, end, sentence id), in table order."""
    own: dict[str, list[tuple[int, int, int]]] = {}
    for actor_id, start, end, sentence_id in rows_of(mentions, "actor_id", "start", "end",
                                                     "sentence_id"):
        if actor_id != "":
            own.setdefault(actor_id, []).append((start, end, sentence_id))
    return own


def evidence(tables: Tables, statements: pd.DataFrame) -> dict[str, tuple[int, ...]]:
    """Actor id -> evidence sentence ids: the sentences of its statements and events that
    also mention it, or, when there are none, every sentence that mentions it.
    """
    mentioned = actor_sentences(tables)
    used: dict[str, set[int]] = {}
    for actor_id, sentence_id in rows_of(statements, "actor_id", "sentence_id"):
        used.setdefault(actor_id, set()).add(int(sentence_id))
    for source, target, sentence_id in rows_of(tables.events, "source_actor", "target_actor",
                                               "sentence_id"):
        for actor in {source, target} - {""}:
            used.setdefault(actor, set()).add(int(sentence_id))
    found = {}
    for actor, sentence_ids in mentioned.items():
        both = used.get(actor, set()) & set(sentence_ids)
        found[actor] = sorted_ids(both or sentence_ids)
    return found


def stakeholders_table(profile: pd.DataFrame, measure: pd.DataFrame, grid: pd.DataFrame,
                       stance: pd.DataFrame, evidence_ids: dict[str, tuple[int, ...]]
                       ) -> pd.DataFrame:
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
    table["evidence"] = [evidence_ids.get(actor, ()) for actor in table["actor_id"]]
    table = table.sort_values("actor_id").reset_index(drop=True)
    return table[list(COLUMNS["stakeholders"])]
