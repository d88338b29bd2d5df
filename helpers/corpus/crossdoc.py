"""Across articles: actors merged by id, one timeline of events, and how the picture grows.

Pure functions: each takes per-document contract tables stacked into one
DataFrame with a ``doc_id`` column (``helpers.crossdoc_tables`` gathers them,
from pipeline results or from contract files) and returns a new DataFrame in a
deterministic order.

Two event rows are *the same event* when they share the CAMEO root, the
source and target actors (in either order for symmetric codes such as 04
consult/meet) and at least one day of their ``[earliest, latest]`` intervals.
A merged row keeps every source; where sources disagree (dates, factuality)
the disagreement is spelled out, never averaged.

>>> events = pd.DataFrame({"doc_id": ["a", "b"], "event_id": ["e1", "e1"],
...     "sentence_id": [1, 2], "trigger": ["met", "held talks"], "cameo_code": ["042", "040"],
...     "source_actor": ["x", "y"], "target_actor": ["y", "x"],
...     "factuality": ["asserted"] * 2, "attribution": ["", ""],
...     "earliest": ["2026-02-09"] * 2, "latest": ["2026-02-09"] * 2})
>>> cross_timeline(events, pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]}))[
...     ["merged_id", "corroboration", "articles"]].values.tolist()
[['x1', 2, 2]]
"""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from helpers.events.cameo import SYMMETRIC_CODES
from helpers.files.records import id_order, text_of
from helpers.stakeholders.network import TIE_FACTUALITY
_LOW, _HIGH = "0000-00-00", "9999-99-99"   # open interval ends, sort like ISO dates


def merge_actors(actors: pd.DataFrame) -> pd.DataFrame:
    """Actors merged across articles by ``actor_id``: total mentions, articles, names used.

    Attributes are taken from the first article (in doc_id order) that gives them;
    ``names`` lists every distinct name in that order. Most-cited actors first.

    >>> rows = pd.DataFrame({"doc_id": ["a", "b"], "actor_id": ["x", "x"], "name": ["X", "Mr X"],
    ...                      "type": ["person"] * 2, "country": ["", ""], "mentions": [2, 1]})
    >>> merge_actors(rows)[["articles", "mentions", "names"]].values.tolist()
    [[2, 3, 'X; Mr X']]
    """
    columns = ["actor_id", "name", "type", "country", "articles", "mentions",
               "mentions_by_article", "names"]
    known = actors[actors["actor_id"].map(text_of) != ""] if len(actors) else actors
    rows = []
    for actor_id, group in known.sort_values(["actor_id", "doc_id"]).groupby("actor_id"):
        first = {c: next((v for v in map(text_of, group[c]) if v), "")
                 for c in ("name", "type", "country")}
        per_doc = group.groupby("doc_id", sort=True)["mentions"].sum()
        rows.append({"actor_id": actor_id, **first, "articles": len(per_doc),
                     "mentions": int(per_doc.sum()),
                     "mentions_by_article": "; ".join(f"{d}: {int(n)}" for d, n in per_doc.items()),
                     "names": "; ".join(dict.fromkeys(v for v in map(text_of, group["name"]) if v))})
    merged = pd.DataFrame(rows, columns=columns)
    return merged.sort_values(["articles", "mentions", "actor_id"], ascending=[False, False, True],
                              ignore_index=True)


def _pair(code: str, source: str, target: str, symmetric: Sequence[str]) -> tuple[str, str, bool]:
    """(first actor, second actor, directed) for matching; symmetric codes sort the pair."""
    if code.startswith(tuple(symmetric)):
        return (*sorted((source, target)), False)
    return source, target, True


def _placed(cluster: list[dict]) -> tuple:
    """Sort key of a merged event: by its days, open ends by the bound they have, undated last."""
    lo, hi = max(r["lo"] for r in cluster), min(r["hi"] for r in cluster)
    return (lo == _LOW and hi == _HIGH, hi if lo == _LOW else lo, hi, cluster[0]["key"],
            cluster[0]["doc_id"], id_order(cluster[0]["event_id"]))


def _attach_undated(clusters: list[list[dict]]) -> list[list[dict]]:
    """An undated event with a source and a target joins the one dated event of its root and
    actor pair from another article, when there is exactly one: nothing says it is another."""
    dated: dict[tuple, list[list[dict]]] = {}
    for cluster in clusters:
        if cluster[0]["key"][0]:
            dated.setdefault(cluster[0]["key"], []).append(cluster)
    kept = []
    for cluster in clusters:
        row = cluster[0]
        candidates = dated.get(row["pair"], []) if not row["key"][0] and row["pair"] else []
        if len(candidates) == 1 and row["doc_id"] not in {r["doc_id"] for r in candidates[0]}:
            candidates[0].append(row)
        else:
            kept.append(cluster)
    return kept


def link_events(events: pd.DataFrame, documents: pd.DataFrame, *,
                symmetric_codes: Sequence[str] = SYMMETRIC_CODES) -> pd.DataFrame:
    """Every event of every article, one row each, with the ``merged_id`` of its event.

    Events sharing the CAMEO root and actor pair are merged while their intervals
    have at least one day in common (all of them, not just neighbours). An event
    with no CAMEO code or no actor is never merged with another; one with no date at all
    joins the one dated event of its root and pair from another article when there is
    exactly one (:func:`_attach_undated`).
    """
    outlets = dict(zip(documents["doc_id"], documents["outlet"].map(text_of)))
    rows = []
    for record in events.to_dict("records"):
        row = {k: text_of(record.get(k)) for k in ("doc_id", "event_id", "trigger", "cameo_code",
                                                  "source_actor", "target_actor", "factuality",
                                                  "attribution", "earliest", "latest")}
        first, second, directed = _pair(row["cameo_code"], row["source_actor"],
                                        row["target_actor"], symmetric_codes)
        mergeable = bool(row["cameo_code"] and (first or second)
                         and (row["earliest"] or row["latest"]))
        coded = bool(row["cameo_code"] and first and second)
        rows.append({**row, "sentence_id": int(record["sentence_id"]),
                     "outlet": outlets.get(row["doc_id"], ""), "cameo_root": row["cameo_code"][:2],
                     "actor_1": first, "actor_2": second, "directed": directed,
                     "lo": row["earliest"] or _LOW, "hi": row["latest"] or _HIGH,
                     "pair": (row["cameo_code"][:2], first, second) if coded else None,
                     "key": (row["cameo_code"][:2], first, second) if mergeable
                     else ("", row["doc_id"], row["event_id"])})
    rows.sort(key=lambda r: (r["key"], r["lo"], r["hi"], r["doc_id"], id_order(r["event_id"])))
    clusters: list[list[dict]] = []
    hi = ""                     # the cluster's common days end at hi; rows come by start day
    for row in rows:
        if clusters and row["key"] == clusters[-1][0]["key"] and row["key"][0] \
                and row["lo"] <= hi:
            clusters[-1].append(row)
            hi = min(hi, row["hi"])
        else:
            clusters.append([row])
            hi = row["hi"]
    clusters = _attach_undated(clusters)
    clusters.sort(key=_placed)
    linked = [{"merged_id": f"x{n}", **{k: v for k, v in row.items() if k not in {"key", "pair"}}}
              for n, cluster in enumerate(clusters, 1) for row in cluster]
    columns = ["merged_id", "doc_id", "outlet", "sentence_id", "event_id", "trigger",
               "cameo_code", "cameo_root", "source_actor", "target_actor", "actor_1", "actor_2",
               "directed", "factuality", "attribution", "earliest", "latest"]
    return pd.DataFrame(linked, columns=columns)


def _disagreement(group: pd.DataFrame, values: pd.Series) -> str:
    """'' when every source agrees, else each source's value: 'doc s1 e1: value | ...'."""
    if values.nunique() <= 1:
        return ""
    return " | ".join(f"{d} s{s} {e}: {v}" for d, s, e, v in
                      zip(group["doc_id"], group["sentence_id"], group["event_id"], values))


def _sources(group: pd.DataFrame) -> str:
    """Each (article, sentence) of a merged event: 'doc sN e1 e2 (outlet; attribution)'."""
    parts = []
    for (doc_id, sentence_id), rows in group.groupby(["doc_id", "sentence_id"], sort=True):
        cue = "; ".join(dict.fromkeys(a for a in rows["attribution"] if a)) or "no attribution"
        parts.append(f"{doc_id} s{sentence_id} {' '.join(sorted(rows['event_id'], key=id_order))} "
                     f"({rows['outlet'].iloc[0] or 'outlet unknown'}; {cue})")
    return " | ".join(parts)


def cross_timeline(events: pd.DataFrame, documents: pd.DataFrame, *,
                   symmetric_codes: Sequence[str] = SYMMETRIC_CODES) -> pd.DataFrame:
    """One row per event across articles, every source listed, disagreements explicit.

    ``earliest``/``latest`` is the interval every source allows (their common
    days); ``dates_disagree`` and ``factuality_disagree`` give each source's own
    value when they differ. ``corroboration`` counts distinct outlets (an article
    without an outlet counts as its own). ``event_refs`` lists every merged event as
    ``doc_id:event_id``.
    """
    linked = link_events(events, documents, symmetric_codes=symmetric_codes)
    rows = []
    for merged_id, group in linked.groupby("merged_id", sort=False):
        first = group.iloc[0]
        intervals = group["earliest"] + ".." + group["latest"]
        voices = {o or d for o, d in zip(group["outlet"], group["doc_id"])}
        rows.append({
            "merged_id": merged_id,
            "earliest": group["earliest"].max(),          # '' sorts first: open ends drop out
            "latest": group["latest"].replace("", _HIGH).min().replace(_HIGH, ""),
            "cameo_root": first["cameo_root"],
            "cameo_codes": "; ".join(dict.fromkeys(group["cameo_code"])),
            "actors": (" → " if first["directed"] else " ↔ ").join(
                a for a in (first["source_actor"], first["target_actor"]) if a),
            "triggers": "; ".join(dict.fromkeys(group["trigger"])),
            "corroboration": len(voices), "articles": group["doc_id"].nunique(),
            "sources": _sources(group),
            "factuality": " / ".join(dict.fromkeys(group["factuality"])),
            "dates_disagree": _disagreement(group, intervals),
            "factuality_disagree": _disagreement(group, group["factuality"]),
            "event_refs": event_refs(group)})
    return pd.DataFrame(rows, columns=[
        "merged_id", "earliest", "latest", "cameo_root", "cameo_codes", "actors", "triggers",
        "corroboration", "articles", "sources", "factuality", "dates_disagree",
        "factuality_disagree", "event_refs"])


def event_refs(group: pd.DataFrame) -> str:
    """Every event merged into one row as ``doc_id:event_id``, ';'-joined, in article and
    event order, so the merge can be checked row by row.

    >>> event_refs(pd.DataFrame({"doc_id": ["b", "a", "a"], "event_id": ["e2", "e10", "e9"]}))
    'a:e9;a:e10;b:e2'
    """
    pairs = sorted(zip(group["doc_id"], group["event_id"]), key=lambda p: (p[0], id_order(p[1])))
    return ";".join(f"{d}:{e}" for d, e in pairs)


def _ties(events: pd.DataFrame) -> pd.DataFrame:
    """Distinct unordered actor pairs tied by an event, with the article that first gives them.

    As in the network of one article, a negated or underspecified event is no tie.
    """
    if not len(events):
        return pd.DataFrame(columns=["doc_id", "a", "b"])
    pairs = events.assign(source=events["source_actor"].map(text_of),
                          target=events["target_actor"].map(text_of))
    pairs = pairs[(pairs["source"] != "") & (pairs["target"] != "")
                  & (pairs["source"] != pairs["target"])]
    if "factuality" in pairs.columns:
        pairs = pairs[pairs["factuality"].map(text_of).isin(TIE_FACTUALITY + ("",))]
    ends = [sorted(p) for p in zip(pairs["source"], pairs["target"])]
    return pd.DataFrame({"doc_id": pairs["doc_id"].tolist(), "a": [e[0] for e in ends],
                         "b": [e[1] for e in ends]}).sort_values(["doc_id", "a", "b"])


def stakeholder_growth(actors: pd.DataFrame, events: pd.DataFrame, *,
                       order: Sequence[str] | None = None) -> pd.DataFrame:
    """How the picture changes as articles are added one by one (doc_id order by default).

    Per step: the article added, the actors known so far and which are new,
    cumulative mentions, event ties between actors (distinct pairs), and the
    actor with most ties so far (ties broken by mentions, then id).

    >>> actors = pd.DataFrame({"doc_id": ["a", "b"], "actor_id": ["x", "y"], "mentions": [1, 1]})
    >>> events = pd.DataFrame({"doc_id": ["b"], "source_actor": ["y"], "target_actor": ["x"]})
    >>> stakeholder_growth(actors, events)[["doc_id", "actors", "ties"]].values.tolist()
    [['a', 1, 0], ['b', 2, 1]]
    """
    order = list(order) if order is not None else sorted(set(actors["doc_id"]) | set(
        events["doc_id"] if len(events) else []))
    known = actors[actors["actor_id"].map(text_of) != ""] if len(actors) else actors
    ties = _ties(events)
    seen: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    mentions: dict[str, int] = {}
    rows = []
    for step, doc_id in enumerate(order, 1):
        here = known[known["doc_id"] == doc_id] if len(known) else known
        new = sorted(set(here["actor_id"]) - seen) if len(here) else []
        seen |= set(new)
        for actor_id, n in zip(here.get("actor_id", []), here.get("mentions", [])):
            mentions[actor_id] = mentions.get(actor_id, 0) + int(n)
        pairs |= set(zip(*(ties.loc[ties["doc_id"] == doc_id, c] for c in ("a", "b"))))
        degree = {a: 0 for a in seen}
        for a, b in pairs:
            degree[a] = degree.get(a, 0) + 1
            degree[b] = degree.get(b, 0) + 1
        top = min(degree, key=lambda a: (-degree[a], -mentions.get(a, 0), a)) if degree else ""
        rows.append({"step": step, "doc_id": doc_id, "actors": len(seen), "new_actors": len(new),
                     "new_actor_ids": ", ".join(new), "mentions": sum(mentions.values()),
                     "ties": len(pairs), "most_tied": top,
                     "most_tied_degree": degree.get(top, 0)})
    return pd.DataFrame(rows, columns=["step", "doc_id", "actors", "new_actors", "new_actor_ids",
                                       "mentions", "ties", "most_tied", "most_tied_degree"])
