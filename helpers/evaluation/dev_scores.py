"""Scores of the development set: names, linking (B-cubed), coded events, cross-document merge.

Pure functions over gold tables (``helpers.devset.read_gold``) and system records;
``helpers.dev_eval`` runs them over every article. Timexes are scored by
``helpers.evaluation.timexes``.

- Names: exact span and label, and overlapping span with the same label
  (MUC-style partial match), on the actor labels PERSON, ORG, GPE, NORP, LOC, FAC.
- Linking: B-cubed (Bagga and Baldwin 1998, "Algorithms for scoring coreference
  chains") over the gold mentions that refer to an actor, within each document and
  across documents (the same actor id in two articles is one entity).
- Events: ``(sentence, source, CAMEO root, target)`` tuples after the system's actor
  ids are mapped to gold ids through the mentions they share; the pair is unordered
  for the symmetric codes of :data:`helpers.corpus.crossdoc.SYMMETRIC_CODES`.

>>> b_cubed({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 2, "c": 2})
(0.667, 0.667, 0.667)
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

import pandas as pd

from helpers.corpus.crossdoc import SYMMETRIC_CODES, link_events
from helpers.evaluation.scores import Scores

#: The entity labels names are scored on (the ones that carry actors).
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def name_spans(rows: Iterable[dict]) -> set[tuple[int, int, str]]:
    """``(start, end, label)`` of the NAME rows with an actor label (``kind`` absent = NAME)."""
    return {(int(r["start"]), int(r["end"]), r["label"]) for r in rows
            if r.get("kind", "NAME") == "NAME" and r["label"] in ACTOR_LABELS}


def overlap_scores(gold: set[tuple], system: set[tuple]) -> Scores:
    """Spans that overlap one of the other side's spans with the same label count as found.

    >>> overlap_scores({(0, 10, "ORG")}, {(4, 10, "ORG"), (20, 22, "GPE")})
    Scores(tp=1, fp=1, fn=0)
    """
    def hit(item, others):
        return any(o[2] == item[2] and o[0] < item[1] and item[0] < o[1] for o in others)
    found = sum(hit(s, gold) for s in system)
    recalled = sum(hit(g, system) for g in gold)
    return Scores(tp=recalled, fp=len(system) - found, fn=len(gold) - recalled)


def b_cubed(gold: dict, system: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of two clusterings of the same items.

    ``gold`` and ``system`` map each item to its cluster id; an item absent from
    ``system`` is a singleton there. Rounded to three places.
    """
    if not gold:
        return 0.0, 0.0, 0.0
    system = {item: system.get(item, ("singleton", item)) for item in gold}
    members_g, members_s = defaultdict(set), defaultdict(set)
    for item in gold:
        members_g[gold[item]].add(item)
        members_s[system[item]].add(item)
    p = r = 0.0
    for item in gold:
        g, s = members_g[gold[item]], members_s[system[item]]
        common = len(g & s)
        p += common / len(s)
        r += common / len(g)
    p, r = p / len(gold), r / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def link_items(doc_id: str, gold: pd.DataFrame, mentions: Iterable[dict],
               id_map: dict[str, str] | None = None) -> tuple[dict, dict]:
    """Gold and system cluster ids of every gold mention that refers to an actor.

    Items are ``(doc_id, start, end, n)`` (``n`` numbers the actors of a mention
    that refers to several). A gold mention takes the actors of the system mention
    with the same span, else of the first system mention overlapping it; unmatched
    items are left out of the system mapping (singletons). Within a mention that
    refers to several actors, gold and system actors are paired by ``id_map``
    (system id -> the gold id it stands for, :func:`actor_map`) before the rest are
    paired in order (:func:`pair_actors`), so that the pairing never depends on how
    the two sides happen to spell their ids.
    """
    system_at: dict[tuple, list[str]] = defaultdict(list)
    for m in mentions:
        if m["actor_id"]:
            system_at[(int(m["start"]), int(m["end"]))].append(m["actor_id"])
    spans = sorted(system_at)
    gold_map, system_map = {}, {}
    by_span: dict[tuple, list[str]] = defaultdict(list)
    for r in gold.itertuples(index=False):
        if r.actor_id:
            by_span[(r.start, r.end)].append(r.actor_id)
    for span, actors in sorted(by_span.items()):
        found = system_at.get(span) or next((system_at[s] for s in spans if _overlaps(s, span)), [])
        for n, (gold_id, system_id) in enumerate(pair_actors(actors, found, id_map or {})):
            item = (doc_id, *span, n)
            gold_map[item] = gold_id
            if system_id is not None:
                system_map[item] = system_id
    return gold_map, system_map


def pair_actors(gold_ids: Iterable[str], system_ids: Iterable[str], id_map: dict[str, str]
                ) -> list[tuple[str, str | None]]:
    """``(gold id, system id or None)`` for each gold actor of one mention: a system actor goes
    with the gold actor ``id_map`` says it stands for, the others pair in sorted order.

    >>> pair_actors(["cote_d_ivoire", "ghana"], ["ghana", "ivory_coast"],
    ...             {"ivory_coast": "cote_d_ivoire", "ghana": "ghana"})
    [('cote_d_ivoire', 'ivory_coast'), ('ghana', 'ghana')]
    >>> pair_actors(["a", "b"], ["x"], {})
    [('a', 'x'), ('b', None)]
    """
    gold_left, system_left, pairs = sorted(gold_ids), [], []
    for system_id in sorted(system_ids):
        stands_for = id_map.get(system_id, system_id)
        if stands_for in gold_left:
            gold_left.remove(stands_for)
            pairs.append((stands_for, system_id))
        else:
            system_left.append(system_id)
    pairs += zip(gold_left, system_left + [None] * len(gold_left))
    return sorted(pairs, key=lambda p: p[0])


def actor_map(gold: pd.DataFrame, mentions: Iterable[dict]) -> dict[str, str]:
    """Each system actor id -> the gold actor id its mentions most often share a span with.

    >>> g = pd.DataFrame({"start": [0], "end": [4], "actor_id": ["iraq"]})
    >>> actor_map(g, [{"start": 0, "end": 4, "actor_id": "irq"}])
    {'irq': 'iraq'}
    """
    gold_spans = [((int(r.start), int(r.end)), r.actor_id)
                  for r in gold.itertuples(index=False) if r.actor_id]
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if not m["actor_id"]:
            continue
        span = (int(m["start"]), int(m["end"]))
        exact = [a for s, a in gold_spans if s == span]
        for a in exact or [a for s, a in gold_spans if _overlaps(s, span)]:
            votes[m["actor_id"]][a] += 1
    return {sys_id: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            for sys_id, c in votes.items()}


def event_key(sentence_id: int, code: str, source: str, target: str) -> tuple:
    """``(sentence, root, actor, actor)``; the pair sorted for symmetric codes.

    >>> event_key(3, "040", "b", "a") == event_key(3, "042", "a", "b")
    True
    """
    if code.startswith(SYMMETRIC_CODES):
        source, target = sorted((source, target))
    return sentence_id, code[:2], source, target


def event_keys(rows: Iterable[dict], *, sentence_of, id_map: dict[str, str] | None = None
               ) -> dict[tuple, dict]:
    """Key -> first row of every coded event; system ids translated through ``id_map``.

    ``sentence_of(offset)`` gives the sentence id of a trigger offset, so gold
    (which has no sentence ids) and system rows are placed by the same sentences.
    """
    id_map = id_map or {}
    keyed: dict[tuple, dict] = {}
    for r in rows:
        if not r["cameo_code"]:
            continue
        key = event_key(sentence_of(int(r["start"])), r["cameo_code"],
                        id_map.get(r["source_actor"], r["source_actor"]),
                        id_map.get(r["target_actor"], r["target_actor"]))
        keyed.setdefault(key, r)
    return keyed


def gold_same_event_pairs(gold_keys: dict[str, dict[tuple, dict]], groups: dict[str, str]
                          ) -> set[tuple]:
    """Pairs of gold events in different articles of one ``event_group`` with the same root and actors.

    ``gold_keys`` maps doc_id to its keyed events; a pair is
    ``((doc_a, key_a), (doc_b, key_b))`` with ``doc_a < doc_b``.
    """
    pairs = set()
    docs = sorted(d for d in gold_keys if groups.get(d))
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if groups[a] != groups[b]:
                continue
            for ka in gold_keys[a]:
                for kb in gold_keys[b]:
                    if ka[1:] == kb[1:]:
                        pairs.add(((a, ka), (b, kb)))
    return pairs


def statement_keys(rows: Iterable[dict], *, sentence_of=None, id_map: dict[str, str] | None = None
                   ) -> set[tuple]:
    """``(sentence, actor, concept, agreement)`` of every claim, concepts compared in lower case.

    Gold rows carry ``start`` (placed by ``sentence_of``); system rows carry
    ``sentence_id`` (one row per statement, as in statements.csv). System actor ids are
    translated through ``id_map``, in the actor column and where a concept is an actor
    (praise or criticism of a person or a state).

    >>> sorted(statement_keys([{"sentence_id": 2, "actor_id": "a", "concept": "b",
    ...                         "agreement": -1}], id_map={"a": "x", "b": "y"}))
    [(2, 'x', 'y', -1)]
    """
    id_map = id_map or {}
    keys = set()
    for r in rows:
        sentence = int(r["sentence_id"]) if "sentence_id" in r else sentence_of(int(r["start"]))
        keys.add((sentence, id_map.get(r["actor_id"], r["actor_id"]),
                  id_map.get(r["concept"], r["concept"]).strip().lower(), int(r["agreement"])))
    return keys


def combined_stance(stances: Iterable[str]) -> str:
    """The stance of one gold actor that several system actors stand for (an actor the linker
    split): their stances taken together, as if their statements were one actor's.

    >>> combined_stance(["support", "not_stated"]), combined_stance(["support", "oppose"])
    ('support', 'mixed')
    """
    stated = set(stances) - {"not_stated"}
    if not stated:
        return "not_stated"
    return stated.pop() if len(stated) == 1 else "mixed"


def stance_hits(gold: pd.DataFrame, system: dict[str, str], id_map: dict[str, str]) -> tuple[int, int]:
    """(right, total) gold stances toward the central initiative.

    ``system`` maps system actor ids to their stance; the system actors that stand for
    one gold actor are taken together (:func:`combined_stance`), and a gold actor no
    system actor stands for counts as ``not_stated`` on the system side.
    """
    by_gold: dict[str, list[str]] = defaultdict(list)
    for actor, stance in system.items():
        by_gold[id_map.get(actor, actor)].append(stance)
    right = 0
    for r in gold.itertuples(index=False):
        right += combined_stance(by_gold.get(r.actor_id, ())) == r.stance
    return right, len(gold)


def merge_scores(results: list[dict], groups: dict[str, str]) -> tuple[int, int, int, int]:
    """(gold same-event pairs, of them merged, merged rows across articles, of them wrong)."""
    gold_pairs = gold_same_event_pairs({r["doc_id"]: r["gold_keys"] for r in results}, groups)
    events = pd.DataFrame([{"doc_id": r["doc_id"], **e} for r in results for e in r["events"]
                           if e["cameo_code"]])
    documents = pd.DataFrame({"doc_id": [r["doc_id"] for r in results],
                              "outlet": [r["outlet"] for r in results]})
    if events.empty:
        return len(gold_pairs), 0, 0, 0
    linked = link_events(events, documents)
    merged_of = dict(zip(zip(linked.doc_id, linked.event_id), linked.merged_id))
    key_of = {}   # (doc_id, event_id) -> gold-space key
    for r in results:
        for key, row in r["system_keys"].items():
            key_of[(r["doc_id"], row["event_id"])] = key
    located = {(r["doc_id"], k): merged_of.get((r["doc_id"], row["event_id"]))
               for r in results for k, row in r["system_keys"].items()}
    found = sum(located.get(a) is not None and located.get(a) == located.get(b)
                for a, b in gold_pairs)
    rows = wrong = 0
    for _, cluster in linked.groupby("merged_id"):
        if cluster.doc_id.nunique() < 2:
            continue
        rows += 1
        members = [(d, key_of.get((d, e))) for d, e in zip(cluster.doc_id, cluster.event_id)]
        wrong += any(a[0] < b[0] and (a, b) not in gold_pairs for a in members for b in members)
    return len(gold_pairs), found, rows, wrong


def initiative_covered(initiative: str | None, stances: pd.DataFrame, events: int, *,
                       least_events: int = 3, least_stated: int = 2) -> bool | None:
    """Whether an article's stance analysis says something: None when the article has fewer
    than ``least_events`` coded events (not counted), else True when a central initiative is
    named and at least ``least_stated`` actors have a stance other than ``not_stated``
    (the "Must show" of the stakeholder analysis).

    >>> s = pd.DataFrame({"actor_id": ["a", "b"], "stance": ["support", "not_stated"]})
    >>> initiative_covered("x", s, 4), initiative_covered("x", s, 2), initiative_covered(None, s, 5)
    (False, None, False)
    """
    if events < least_events:
        return None
    return bool(initiative) and int((stances["stance"] != "not_stated").sum()) >= least_stated
