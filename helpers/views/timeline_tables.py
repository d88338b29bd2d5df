"""Tables for notebook 03: expressions, events in order, their neighbours.

Each function takes the records of one article and returns a sorted DataFrame,
so the notebook's cells stay a line or two long.

>>> timex_table([]).columns.tolist()[:3]
['timex_id', 'sentence_id', 'text']
"""
from __future__ import annotations

from typing import Sequence

import networkx as nx
import pandas as pd

from helpers.files.records import Event, Timex, frame
from helpers.temporal.ordering import event_order

TIMEX_COLUMNS = ["timex_id", "sentence_id", "text", "type", "value", "earliest", "latest", "mod",
                 "rule", "note"]
EVENT_COLUMNS = ["event_id", "sentence_id", "trigger", "source_actor", "target_actor",
                 "factuality", "attribution", "source_type", "timex_id", "earliest", "latest",
                 "anchoring"]


def timex_table(timexes: Sequence[Timex]) -> pd.DataFrame:
    """The expressions in text order, with value, interval and the rule that gave them."""
    table = frame(timexes, Timex)
    return table.sort_values("start", kind="stable")[TIMEX_COLUMNS].reset_index(drop=True)


def event_table(events: Sequence[Event]) -> pd.DataFrame:
    """The events in timeline order (:func:`event_order`), with interval, factuality, sourcing."""
    return frame(event_order(events), Event)[EVENT_COLUMNS].reset_index(drop=True)


def relation_counts(relations: Sequence[dict]) -> pd.DataFrame:
    """How many before/after/overlap relations rest on each basis, sorted.

    >>> relation_counts([{"source": "e1", "relation": "before", "target": "e2", "basis": "dct"}])
      relation basis  relations
    0   before   dct          1
    """
    frame = pd.DataFrame(list(relations), columns=["source", "relation", "target", "basis"])
    return (frame.groupby(["relation", "basis"]).size().rename("relations").reset_index())


def neighbours(events: Sequence[Event], relations: Sequence[dict],
               milestones: Sequence[dict] = ()) -> pd.DataFrame:
    """For each event trigger (and milestone): what comes just before and just after it.

    The 'before' relations are reduced transitively, so only immediate neighbours show.
    """
    first_of = {}
    for e in event_order(events):
        first_of.setdefault((e.start, e.end), e)
    keep = {e.event_id: f"{e.event_id} {e.trigger}" for e in first_of.values()}
    keep.update({m["timex_id"]: f"{m['timex_id']} {m['label']}" for m in milestones})
    graph = nx.DiGraph()
    graph.add_nodes_from(keep)
    graph.add_edges_from((r["source"], r["target"]) for r in relations
                         if r["relation"] == "before" and r["source"] in keep
                         and r["target"] in keep)
    reduced = nx.transitive_reduction(graph) if nx.is_directed_acyclic_graph(graph) else graph
    order = list(keep)
    rows = [{"node": keep[n],
             "just after": ", ".join(keep[p] for p in sorted(reduced.predecessors(n), key=order.index)),
             "just before": ", ".join(keep[s] for s in sorted(reduced.successors(n), key=order.index))}
            for n in order if reduced.degree(n)]
    return pd.DataFrame(rows, columns=["node", "just after", "just before"])
