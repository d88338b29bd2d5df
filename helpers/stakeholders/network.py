"""The interaction network of an article's actors, its measures and the relations table.

Three kinds of tie, kept apart (the ``tie`` attribute of each edge):

- ``event``: one directed edge per coded event the text asserts, expects or holds
  possible (factuality asserted, probable, possible), source actor -> target actor,
  carrying the CAMEO code, Goldstein score, factuality and event id;
- ``unrealised``: the same for an event the text denies, or leaves open (negated,
  underspecified: "did not meet", "urged to mediate"); shown, never counted as a tie;
- ``affiliation``: person -> organisation -> state, read from the actors' roles
  and countries (:func:`affiliations`);
- ``co_mention``: two actors named in the same sentence, a weaker tie, never
  counted in the measures.

Degree, betweenness and brokerage are measured on the *tie graph* (event and
affiliation ties, undirected, at most one edge per pair).

>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["a", "b"], "name": ["A", "B"], "type": ["person"] * 2,
...                        "country": ["", ""], "role": ["", ""]})
>>> graph = build_network(actors, events=pd.DataFrame(), mentions=pd.DataFrame())
>>> sorted(graph.nodes)
['a', 'b']
"""
from __future__ import annotations

import itertools
import re

import networkx as nx
import pandas as pd

from helpers.files.records import Relation, frame, id_order, text_of

STRONG_TIES = ("event", "affiliation")
#: Factuality values whose events tie two actors; the others ('negated', 'underspecified')
#: make ``unrealised`` edges that add no degree, betweenness or brokerage.
TIE_FACTUALITY = ("asserted", "probable", "possible")
#: Factuality from strongest to weakest: a relation row takes the strongest of its events.
FACTUALITY_ORDER = ("asserted", "probable", "possible", "underspecified", "negated")


def _text(value: object) -> str:
    """A table cell as a stripped string; missing values become ''."""
    return text_of(value).strip()


def affiliations(actors: pd.DataFrame, *, aliases: dict[str, set[str]] | None = None
                 ) -> list[tuple[str, str]]:
    """Affiliation ties (member, body), person -> organisation -> state, sorted.

    Rules: a person whose role names an organisation or group of the article
    (by its name or one of its ``aliases``, e.g. the names the text uses for it)
    belongs to it; any non-state actor with a country belongs to the state of
    that country, unless it already belongs to a body of the same country (the
    chain then runs through that body).

    >>> actors = pd.DataFrame({"actor_id": ["h", "m", "q"], "name": ["H", "Wisdom Movement", "Iraq"],
    ...     "type": ["person", "organization", "state"], "country": ["IRQ"] * 3,
    ...     "role": ["head of the Wisdom Movement", "", ""]})
    >>> affiliations(actors)
    [('h', 'm'), ('m', 'q')]
    """
    rows = [{key: _text(row.get(key)) for key in ("actor_id", "name", "type", "country", "role")}
            for row in actors.to_dict("records")] if len(actors) else []
    bodies = [r for r in rows if r["type"] in ("organization", "group") and r["name"]]
    states = {r["country"]: r["actor_id"] for r in sorted(rows, key=lambda r: r["actor_id"])
              if r["type"] == "state" and r["country"]}
    ties: set[tuple[str, str]] = set()
    for row in rows:
        if row["type"] != "person" or not row["role"]:
            continue
        for body in bodies:
            names = {body["name"], *(aliases or {}).get(body["actor_id"], set())} - {""}
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", row["role"], re.IGNORECASE)
                   for n in names):
                ties.add((row["actor_id"], body["actor_id"]))
    country_of = {r["actor_id"]: r["country"] for r in rows}
    for row in rows:
        state = states.get(row["country"])
        if row["type"] == "state" or not state or state == row["actor_id"]:
            continue
        via_body = any(m == row["actor_id"] and country_of.get(b) == row["country"]
                       for m, b in ties)
        if not via_body:
            ties.add((row["actor_id"], state))
    return sorted(ties)


def build_network(actors: pd.DataFrame, *, events: pd.DataFrame,
                  mentions: pd.DataFrame) -> nx.MultiDiGraph:
    """The article's actor network: one node per actor, one edge per tie.

    ``actors``, ``events`` and ``mentions`` have the columns of actors.csv,
    events.csv and entities.csv. Events without both actors, or with the same
    actor at both ends, give no edge.
    """
    graph = nx.MultiDiGraph()
    for row in actors.to_dict("records") if len(actors) else []:
        graph.add_node(_text(row["actor_id"]), name=_text(row.get("name")),
                       type=_text(row.get("type")), country=_text(row.get("country")))
    for row in events.to_dict("records") if len(events) else []:
        source, target = _text(row.get("source_actor")), _text(row.get("target_actor"))
        if not source or not target or source == target or not {source, target} <= set(graph):
            continue
        code, event_id = _text(row.get("cameo_code")), _text(row["event_id"])
        factuality = _text(row.get("factuality")) or "underspecified"
        graph.add_edge(source, target, relation=f"event:{code or 'uncoded'}",
                       tie="event" if factuality in TIE_FACTUALITY else "unrealised",
                       event_ids=(event_id,) if event_id else (), goldstein=row.get("goldstein"),
                       factuality=factuality, sentence_ids=(int(row["sentence_id"]),), weight=1)
    for member, body in affiliations(actors, aliases=names_used(mentions)):
        graph.add_edge(member, body, tie="affiliation", relation="affiliation", event_ids=(),
                       factuality="", sentence_ids=(), weight=1)
    for (a, b), sentence_ids in sorted(co_mentions(mentions, known=set(graph)).items()):
        graph.add_edge(a, b, tie="co_mention", relation="co_mention", event_ids=(),
                       factuality="", sentence_ids=tuple(sentence_ids), weight=len(sentence_ids))
    return graph


def names_used(mentions: pd.DataFrame) -> dict[str, set[str]]:
    """Actor id -> the names (NAME mentions) the text uses for it.

    >>> names_used(pd.DataFrame({"actor_id": ["p"], "kind": ["NAME"], "text": ["Parliament"]}))
    {'p': {'Parliament'}}
    """
    found: dict[str, set[str]] = {}
    for row in mentions.to_dict("records") if len(mentions) else []:
        if _text(row.get("actor_id")) and _text(row.get("kind")) == "NAME":
            found.setdefault(_text(row["actor_id"]), set()).add(_text(row.get("text")))
    return found


def co_mentions(mentions: pd.DataFrame, *, known: set[str] | None = None
                ) -> dict[tuple[str, str], list[int]]:
    """Pairs of actors named in the same sentence -> the sentence ids, pairs in id order.

    >>> m = pd.DataFrame({"sentence_id": [1, 1, 2], "actor_id": ["b", "a", "a"]})
    >>> co_mentions(m)
    {('a', 'b'): [1]}
    """
    by_sentence: dict[int, set[str]] = {}
    for row in mentions.to_dict("records") if len(mentions) else []:
        actor = _text(row.get("actor_id"))
        if actor and (known is None or actor in known):
            by_sentence.setdefault(int(row["sentence_id"]), set()).add(actor)
    pairs: dict[tuple[str, str], list[int]] = {}
    for sentence_id in sorted(by_sentence):
        for pair in itertools.combinations(sorted(by_sentence[sentence_id]), 2):
            pairs.setdefault(pair, []).append(sentence_id)
    return pairs


def tie_graph(graph: nx.MultiDiGraph, *, ties: tuple[str, ...] = STRONG_TIES,
              directed: bool = False, exclude_sentences: frozenset[int] = frozenset()
              ) -> nx.Graph:
    """A simple graph of the chosen tie kinds over every actor (isolated ones included).

    An event or co-mention tie is dropped when all its sentences are in ``exclude_sentences``.
    """
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        if data["tie"] not in ties:
            continue
        own = set(data["sentence_ids"])
        if own and own <= exclude_sentences:
            continue
        simple.add_edge(source, target)
        if directed and data["tie"] == "affiliation":
            simple.add_edge(target, source)
    return simple


def strongest(values) -> str:
    """The strongest factuality among ``values`` ('' for none).

    >>> strongest(["negated", "possible"]), strongest([])
    ('possible', '')
    """
    ranked = [v for v in FACTUALITY_ORDER if v in set(values)]
    return ranked[0] if ranked else ""


def relations_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """relations.csv: one row per (source, target, relation), weight = events, 1 or sentences.

    ``relation`` is ``event:<CAMEO code>`` (``event:uncoded`` without a code),
    ``affiliation`` or ``co_mention``; ``factuality`` is the strongest of the row's
    events (asserted > probable > possible > underspecified > negated; '' for the other
    relations), so a denied meeting reads ``negated``; ``event_ids`` is the tuple of its
    events.
    """
    rows: dict[tuple[str, str, str], tuple[int, list[str], list[str]]] = {}
    for source, target, data in graph.edges(data=True):
        weight, ids, values = rows.get((source, target, data["relation"]), (0, [], []))
        rows[(source, target, data["relation"])] = (
            weight + data["weight"], ids + list(data["event_ids"]),
            values + ([data["factuality"]] if data.get("factuality") else []))
    return frame([Relation(source, target, relation, weight,
                           tuple(sorted(ids, key=id_order)), strongest(values))
                  for (source, target, relation), (weight, ids, values) in sorted(rows.items())],
                 Relation)
