"""Network measures of the actors, Gould–Fernandez brokerage, and checks of "bridge" claims.

All measures use the tie graph of :mod:`helpers.stakeholders.network` (event and
affiliation ties; co-mention is reported beside them, never inside them).

Brokerage (Gould and Fernandez 1989): actor *b* brokers when it lies on a
directed two-step path a -> b -> c whose ends have no direct tie a -> c.
Affiliation ties count in both directions (membership is mutual), event ties
in their own direction. Each brokered path gets a role from the groups
(countries; an actor without one is a group of its own): coordinator (a, b, c
one group), itinerant (a and c share a group, b is outside), representative
(a and b share one, c is outside), gatekeeper (b and c share one, a is
outside), liaison (three groups).

>>> gf_role("IRQ", "IRQ", "IRN")
'representative'
"""
from __future__ import annotations

import re

import networkx as nx
import pandas as pd

from helpers.stakeholders.network import STRONG_TIES, tie_graph
from helpers.stakeholders.lexicon import variant_pattern
from helpers.stakeholders.tables import Tables, rows_of

BETWEEN = re.compile(r"\s+between\s+", re.IGNORECASE)


class Chain(tuple):
    """A path of actor ids through the network, shown as ``a > x > b``.

    >>> str(Chain(("a", "x", "b")))
    'a > x > b'
    """

    def __str__(self) -> str:
        return " > ".join(self)
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def gf_role(group_a: str, group_b: str, group_c: str) -> str:
    """The Gould–Fernandez role of broker b on the path a -> b -> c, from the three groups."""
    if group_a == group_b == group_c:
        return "coordinator"
    if group_a == group_c:
        return "itinerant"
    if group_a == group_b:
        return "representative"
    if group_b == group_c:
        return "gatekeeper"
    return "liaison"


def brokerage_roles(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per actor: the count of each Gould–Fernandez role and their ``brokerage`` total."""
    directed = tie_graph(graph, directed=True)
    group = {n: graph.nodes[n].get("country") or n for n in graph.nodes}
    rows = []
    for broker in sorted(directed.nodes):
        counts = dict.fromkeys(ROLES, 0)
        for a in directed.predecessors(broker):
            for c in directed.successors(broker):
                if a != c and not directed.has_edge(a, c):
                    counts[gf_role(group[a], group[broker], group[c])] += 1
        rows.append({"actor_id": broker, **counts, "brokerage": sum(counts.values())})
    return pd.DataFrame(rows, columns=["actor_id", *ROLES, "brokerage"])


def measures(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Per actor: degree and normalised betweenness in the tie graph, co-mention degree,
    and brokerage, sorted by actor id, floats rounded to 3 places.

    >>> measures(nx.MultiDiGraph()).columns.tolist()[:3]
    ['actor_id', 'degree', 'betweenness']
    """
    ties = tie_graph(graph)
    co = tie_graph(graph, ties=("co_mention",))
    between = nx.betweenness_centrality(ties, normalized=True) if len(ties) else {}
    rows = [{"actor_id": n, "degree": ties.degree(n), "betweenness": round(between[n], 3),
             "co_mention_degree": co.degree(n)} for n in sorted(ties.nodes)]
    table = pd.DataFrame(rows, columns=["actor_id", "degree", "betweenness",
                                        "co_mention_degree"])
    roles = brokerage_roles(graph)[["actor_id", "brokerage"]]
    return table.merge(roles, on="actor_id", how="left")


def affiliates(graph: nx.MultiDiGraph, actor_id: str) -> set[str]:
    """The actor and everyone tied to it through affiliation ties, directly or in a chain."""
    if actor_id not in graph:
        return set()
    return nx.node_connected_component(tie_graph(graph, ties=("affiliation",)), actor_id)


def _path_ties(graph: nx.MultiDiGraph, paths: list[list[str]], ties: tuple[str, ...],
               exclude: frozenset[int]) -> list[str]:
    """The kinds of tie the shortest paths use: ``affiliation``, ``event (<factuality>)``."""
    steps = {frozenset(pair) for p in paths for pair in zip(p, p[1:])}
    kinds = set()
    for u, v, data in graph.edges(data=True):
        own = set(data["sentence_ids"])
        if frozenset((u, v)) in steps and data["tie"] in ties and not (own and own <= exclude):
            kinds.add(f"event ({data['factuality']})" if data["tie"] == "event" else data["tie"])
    return sorted(kinds)


def bridge_check(graph: nx.MultiDiGraph, *, broker: str, between: tuple[str, str],
                 ties: tuple[str, ...] = STRONG_TIES,
                 exclude_sentences: frozenset[int] = frozenset()) -> dict:
    """Test the claim "``broker`` is a bridge between the two actors" on the tie graph.

    Verdicts: ``supported`` (no direct tie, every shortest path passes through the
    broker), ``partly supported`` (some do, or all pass through the broker's
    affiliates: its people, bodies or state), ``not supported`` (a direct tie, or
    a shortest path that avoids the broker's side), ``not testable`` (an actor
    missing from the article's network, or no path at all between the two).
    ``ties`` chooses the tie kinds (add ``co_mention`` for the weaker reading);
    co-mentions only in ``exclude_sentences`` (the claims' own sentences) are not ties.
    ``paths`` holds the shortest paths as :class:`Chain` tuples (empty when untested).
    """
    a, b = between
    name = {n: graph.nodes[n].get("name") or n for n in graph.nodes}
    result = {"broker": broker, "a": a, "b": b, "direct_tie": False, "paths": (),
              "path_ties": "", "via_broker": 0.0, "via_affiliates": 0.0}
    tied = tie_graph(graph, ties=ties, exclude_sentences=exclude_sentences)
    missing = [n for n in (broker, a, b) if n not in tied]
    if missing:
        return {**result, "verdict": "not testable",
                "reason": f"not in the article's network: {', '.join(missing)}"}
    if not nx.has_path(tied, a, b):
        return {**result, "verdict": "not testable",
                "reason": f"no chain of ties links {name[a]} and {name[b]}"}
    paths = sorted(nx.all_shortest_paths(tied, a, b))
    side = affiliates(graph, broker) - {a, b}
    via = sum(broker in p[1:-1] for p in paths) / len(paths)
    via_side = sum(bool(side & set(p[1:-1])) for p in paths) / len(paths)
    result.update(direct_tie=tied.has_edge(a, b), paths=tuple(Chain(p) for p in paths),
                  path_ties=", ".join(_path_ties(graph, paths, ties, exclude_sentences)),
                  via_broker=round(via, 3), via_affiliates=round(via_side, 3))
    if result["direct_tie"]:
        shared = sorted({i for u, v, d in graph.edges(data=True) if {u, v} == {a, b}
                         and d["tie"] in ties for i in d["sentence_ids"]} - exclude_sentences)
        where = f" in {', '.join(f's{i}' for i in shared)}" if shared else ""
        verdict, reason = "not supported", f"{name[a]} and {name[b]} are tied directly{where}"
    elif via == 1:
        verdict, reason = "supported", f"every shortest path runs through {name[broker]}"
    elif via > 0 or via_side == 1:
        verdict = "partly supported"
        reason = (f"{via:.0%} of shortest paths run through {name[broker]}, "
                  f"{via_side:.0%} through {name[broker]} or its affiliates")
    else:
        verdict = "not supported"
        reason = f"the shortest paths avoid {name[broker]} and its affiliates"
    return {**result, "verdict": verdict, "reason": reason}


def bridge_claims(tables: Tables, *, concept: str = "mediation") -> pd.DataFrame:
    """Claims in the text that an actor bridges or mediates between two others.

    A claim is a cue of ``concept`` ("bridge", "mediate", "mediator") followed by
    "between A and B" where A and B are actor mentions; the broker is the nearest
    other actor mentioned before the cue in the same sentence ("Iraq's potential
    as a bridge between Tehran and Washington": Iraq; Tehran; Washington).
    """
    columns = ["sentence_id", "broker", "a", "b", "cue"]
    rows = []
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for sentence_id, start, end, actor_id in sorted(
            rows_of(tables.mentions, "sentence_id", "start", "end", "actor_id"),
            key=lambda m: (m[1], m[2])):
        if actor_id != "":
            by_sentence.setdefault(sentence_id, []).append((start, end, actor_id))
    for sentence_id, sent_start, text in rows_of(tables.sentences, "sentence_id", "start", "text"):
        own = by_sentence.get(sentence_id, [])
        if not BETWEEN.search(text):
            continue
        for hit in variant_pattern(concept).finditer(text):
            start, end = hit.start(), hit.end()
            after = BETWEEN.match(text, end)
            if not after:
                continue
            cut = sent_start + after.end()
            ends = list(dict.fromkeys(a for s, _, a in own if s >= cut))[:2]
            before = [a for _, e, a in own if e <= sent_start + start]
            brokers = [a for a in reversed(before) if a not in ends]
            if len(ends) == 2 and brokers:
                rows.append({"sentence_id": int(sentence_id), "broker": brokers[0],
                             "a": ends[0], "b": ends[1], "cue": text[start:after.end()]})
    return pd.DataFrame(rows, columns=columns)
