"""The whole stakeholder analysis of one article, and its synthesis in prose.

:func:`analyse_stakeholders` runs every step on one article's annotation
tables; :func:`synthesis` writes sentences in which every claim cites the
sentence ids it rests on, as ``(s3)`` or ``(s3, s7)``.

>>> from helpers.stakeholders.tables import make_tables
>>> report = analyse_stakeholders(make_tables("empty", "It rained."))
>>> report.grid.reason.startswith("The text names no actor")
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import networkx as nx
import pandas as pd

from helpers.stakeholders import brokerage, network, positions, power_interest, profiles
from helpers.files.contract import write_table
from helpers.stakeholders.tables import Tables, rows_of


#: The list columns of the analysis's own tables (tuples; ``;``-joined only when shown).
LIST_COLUMNS = frozenset({"sentence_ids", "appears_in"})
#: List columns shown ``; ``-joined: the bridge checks' shortest paths (``a > x > b; a > y > b``).
SPACED_LIST_COLUMNS = frozenset({"paths"})
CHECK_COLUMNS = ["sentence_id", "broker", "a", "b", "direct_tie", "paths", "path_ties",
                 "via_broker", "via_affiliates", "verdict", "reason", "co_mention_verdict",
                 "co_mention_reason"]


@dataclass(frozen=True)
class StakeholderReport:
    """Every table and graph of the stakeholder analysis of one article."""

    tables: Tables
    profiles: pd.DataFrame
    graph: nx.MultiDiGraph
    measures: pd.DataFrame
    roles: pd.DataFrame
    relations: pd.DataFrame
    claims: pd.DataFrame
    checks: pd.DataFrame
    statements: pd.DataFrame
    matrix: pd.DataFrame
    discourse: pd.DataFrame
    initiative: str | None
    stances: pd.DataFrame
    components: pd.DataFrame
    grid: power_interest.Grid
    sensitivity: pd.DataFrame
    known_unknowns: pd.DataFrame
    stakeholders: pd.DataFrame


def known_unknowns(table: pd.DataFrame, tables: Tables, profile: pd.DataFrame) -> pd.DataFrame:
    """Actors whose position the text does not state (interest empty), with where they appear
    and what the events say of them (as target, or as source of an unasserted event)."""
    rows, mentioned = [], dict(zip(profile["actor_id"], profile["sentence_ids"]))
    events = sorted(rows_of(tables.events, "sentence_id", "start", "source_actor",
                            "target_actor", "trigger", "factuality"),
                    key=lambda e: (e[0], e[1]))
    unstated = table[table["interest"].isna()]
    for actor_id, name, stance in rows_of(unstated, "actor_id", "name", "stance"):
        said = [f"{'source' if source == actor_id else 'target'} of "
                f"'{trigger}' ({factuality or 'underspecified'}, s{sentence_id})"
                for sentence_id, _, source, target, trigger, factuality in events
                if actor_id in (source, target)]
        rows.append({"actor_id": actor_id, "name": name, "stance": stance,
                     "appears_in": mentioned[actor_id], "events": "; ".join(said)})
    return pd.DataFrame(rows, columns=["actor_id", "name", "stance", "appears_in", "events"])


def bridge_checks(graph: nx.MultiDiGraph, claims: pd.DataFrame) -> pd.DataFrame:
    """Each bridge claim checked against the rest of the text: on event and affiliation
    ties, then with co-mentions too, leaving out the ties of the claim's own sentence."""
    rows = []
    for sentence_id, broker, a, b in rows_of(claims, "sentence_id", "broker", "a", "b"):
        own = frozenset({int(sentence_id)})
        strong = brokerage.bridge_check(graph, broker=broker, between=(a, b),
                                        exclude_sentences=own)
        weak = brokerage.bridge_check(graph, broker=broker, between=(a, b),
                                      ties=(*network.STRONG_TIES, "co_mention"),
                                      exclude_sentences=own)
        rows.append({"sentence_id": sentence_id, **strong,
                     "co_mention_verdict": weak["verdict"], "co_mention_reason": weak["reason"]})
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def analyse_stakeholders(tables: Tables, *, with_sensitivity: bool = True) -> StakeholderReport:
    """Profiles, network, measures, claims, positions, stances, grid, sensitivity, table.

    ``with_sensitivity=False`` skips the weight-perturbation check (an empty table),
    which the contract files do not need and which costs most of the time.
    """
    statements = positions.positions(tables)
    profile = profiles.profiles(tables, speaking=frozenset(statements["actor_id"]))
    kept = tables.actors[tables.actors["actor_id"].isin(profile["actor_id"])]
    graph = network.build_network(kept, events=tables.events, mentions=tables.mentions)
    measure = brokerage.measures(graph)
    claims = brokerage.bridge_claims(tables)
    checks = bridge_checks(graph, claims)
    statements = statements[statements["actor_id"].isin(profile["actor_id"])].reset_index(drop=True)
    initiative, basis = positions.central_initiative(statements, tables)
    stance = positions.stances(basis, profile["actor_id"].tolist(), concept=initiative)
    matrix = positions.concept_matrix(statements, actors=profile["actor_id"].tolist())
    parts = power_interest.components(profile, measure, statements, tables.events,
                                      n_sentences=len(tables.sentences))
    grid = power_interest.grid(parts)
    table = profiles.stakeholders_table(profile, measure, grid.table, stance,
                                            profiles.evidence(tables, statements))
    return StakeholderReport(
        tables=tables, profiles=profile, graph=graph, measures=measure,
        roles=brokerage.brokerage_roles(graph), relations=network.relations_table(graph),
        claims=claims, checks=checks, statements=statements, matrix=matrix,
        discourse=positions.discourse_networks(matrix), initiative=initiative, stances=stance,
        components=parts, grid=grid,
        sensitivity=(power_interest.sensitivity(parts) if with_sensitivity and not grid.reason
                     else pd.DataFrame(columns=["weight", "factor", "actor_id", "baseline",
                                                "perturbed"])),
        known_unknowns=known_unknowns(table, tables, profile), stakeholders=table)


def write_outputs(report: StakeholderReport, *, out_dir: Path | None = None,
                  names: Sequence[str] = ("relations", "stakeholders", "statements")
                  ) -> dict[str, Path]:
    """Write relations.csv, stakeholders.csv and statements.csv (or those of ``names``) per
    the contract."""
    doc_id = report.tables.doc_id
    return {name: write_table(doc_id, name, table, out_dir=out_dir)
            for name, table in (("relations", report.relations),
                                ("stakeholders", report.stakeholders),
                                ("statements", report.statements)) if name in names}
