"""Positions: the statement table, the actor x concept matrix, the congruence and conflict
networks, the central initiative and each actor's stance toward it.

The statements come from :mod:`helpers.stakeholders.statements` (read from the parse),
joined to the coded events whose trigger is the cue (event id, attribution), and from
coded events of praise (CAMEO 05x) and criticism or accusation (11x) of an actor, whose
concept is that actor. One row per (sentence, actor, concept, agreement), in the
manner of discourse network analysis (Leifeld 2016).

- matrix: +1 / -1 the sign of an actor's agreements on a concept, 0 not stated;
- congruence network: two actors tied by the concepts they take the same side on,
  conflict network: by the concepts they take opposite sides on (weights = concepts);
- central initiative: the concept of the statements or of the coded events (the trigger
  named as a concept: "met" -> meeting) with the most actors taking a side on it, then
  the most statements, then the most rows, then the earliest.
- stance: support (agreements on it all +1), oppose (all -1), mixed (both), not_stated.

>>> concept_order(pd.DataFrame({"actor_id": ["a", "b", "a"], "concept": ["x", "y", "y"],
...                               "sentence_id": [1, 2, 3]}))
['y', 'x']
"""
from __future__ import annotations

from itertools import combinations
import pandas as pd

from helpers.events.arguments import actor_index
from helpers.stakeholders.concepts import named
from helpers.stakeholders.lexicon import concept_variants, event_concepts, stance_words
from helpers.stakeholders.statements import doc_statements
from helpers.stakeholders.tables import Tables, parsed, rows_of, span_mentions

#: CAMEO root of public statements: their content is read as statements, not as an event.
STATEMENT_ROOT = "01"
STATEMENT_COLUMNS = ["statement_id", "sentence_id", "actor_id", "concept", "agreement", "cue",
                     "factuality", "attribution", "event_id", "start", "end", "source_type"]
NETWORK_COLUMNS = ["actor_a", "actor_b", "tie", "weight", "concepts"]
STANCE_COLUMNS = ["actor_id", "stance", "concept", "score", "sentence_ids"]
#: Event codes whose target is what the source takes a position on, with its sign: praise,
#: verbal defence, rallying support, recognition (051-054; not an agreement signed, 057),
#: and disapproval (11x).
EVENT_POSITIONS = {"051": 1, "052": 1, "053": 1, "054": 1, "11": -1}


def _sourcing(events: pd.DataFrame) -> dict[int, tuple[str, str]]:
    """Sentence id -> (attribution, source_type) of its first event that has one."""
    sourcing: dict[int, tuple[str, str]] = {}
    for sentence_id, _, attribution, source_type in sorted(
            rows_of(events, "sentence_id", "start", "attribution", "source_type"),
            key=lambda row: (row[0], row[1])):
        if sentence_id not in sourcing or (attribution and not sourcing[sentence_id][0]):
            sourcing[sentence_id] = (attribution, source_type or "none")
    return sourcing


def _event_rows(tables: Tables) -> list[dict]:
    """Statements of coded praise and criticism: the source for or against its target."""
    rows = []
    for (event_id, sentence_id, trigger, start, end, code, source, target, factuality,
         attribution, source_type) in rows_of(
            tables.events, "event_id", "sentence_id", "trigger", "start", "end", "cameo_code",
            "source_actor", "target_actor", "factuality", "attribution", "source_type"):
        sign = EVENT_POSITIONS.get(code[:3]) or EVENT_POSITIONS.get(code[:2])
        if sign and source and target and source != target and factuality != "underspecified":
            rows.append({"sentence_id": sentence_id, "actor_id": source, "concept": target,
                         "agreement": sign * (-1 if factuality == "negated" else 1),
                         "cue": trigger, "start": start, "end": end, "factuality": factuality,
                         "attribution": attribution, "event_id": event_id,
                         "source_type": source_type or "none"})
    return rows


def positions(tables: Tables) -> pd.DataFrame:
    """Every statement of the article, one row per (sentence, actor, concept, agreement),
    sorted by sentence, cue offset, actor and concept, numbered ``st1``, ``st2``, ...

    A coded event of praise or criticism gives no statement on its target where the parse
    already read the cue's object as a thing, not an actor ("hails Pakistan's hospitality":
    hospitality, not Pakistan).

    Columns: those of statements.csv (statement_id, sentence_id, actor_id, concept,
    agreement, cue, factuality, attribution, event_id), then start, end (the cue's
    offsets) and source_type.
    """
    doc = parsed(tables)
    index = actor_index(doc, span_mentions(tables.mentions))
    sentences = rows_of(tables.sentences, "sentence_id", "start", "end")
    sourcing = _sourcing(tables.stance_rows)
    events = {(start, source): (event_id, attribution, source_type or "none")
              for event_id, start, source, attribution, source_type in rows_of(
                  tables.events, "event_id", "start", "source_actor", "attribution",
                  "source_type")}
    rows = []
    sources: dict[int, list[str]] = {}
    for start, source in rows_of(tables.stance_rows, "start", "source_actor"):
        if source and source not in sources.setdefault(int(start), []):
            sources[int(start)].append(source)
    denied = {int(start) for start, code, factuality in rows_of(
        tables.events, "start", "cameo_code", "factuality") if code and factuality == "negated"}
    for row in doc_statements(doc, sentences, index, sources, denied):
        event_id, attribution, source_type = events.get(
            (row["start"], row["actor_id"]), ("", *sourcing.get(row["sentence_id"], ("", "none"))))
        rows.append({**row, "event_id": event_id, "attribution": attribution,
                     "source_type": source_type})
    actors = set(tables.mentions["actor_id"]) - {""}
    judged = {(row["start"], row["actor_id"]) for row in rows if row["concept"] not in actors}
    table = pd.DataFrame(rows + [r for r in _event_rows(tables)
                                 if (r["start"], r["actor_id"]) not in judged],
                         columns=[c for c in STATEMENT_COLUMNS if c != "statement_id"])
    table = (table.sort_values(["sentence_id", "start", "actor_id", "concept", "agreement"])
             .drop_duplicates(["sentence_id", "actor_id", "concept", "agreement"])
             .reset_index(drop=True))
    table.insert(0, "statement_id", [f"st{i}" for i in range(1, len(table) + 1)])
    return table.astype({"sentence_id": int, "agreement": int, "start": int, "end": int})


def concept_order(statements: pd.DataFrame) -> list[str]:
    """The concepts of the statements, most actors first, then most statements, then earliest."""
    if statements.empty:
        return []
    grouped = statements.groupby("concept").agg(actors=("actor_id", "nunique"),
                                                n=("actor_id", "size"),
                                                first=("sentence_id", "min"))
    ranked = grouped.reset_index().sort_values(["actors", "n", "first", "concept"],
                                               ascending=[False, False, True, True])
    return ranked["concept"].tolist()


def concept_matrix(statements: pd.DataFrame, *, actors: list[str] | None = None) -> pd.DataFrame:
    """Actor x concept: the sign of the actor's summed agreements (+1, -1; 0 not stated).

    Rows are ``actors`` (default: those with statements), sorted; columns the concepts
    of the statements, in :func:`concept_order`.
    """
    ids = sorted(set(actors) if actors is not None else set(statements["actor_id"]))
    concepts = concept_order(statements)
    matrix = pd.DataFrame(0, index=pd.Index(ids, name="actor_id"), columns=concepts, dtype=int)
    for actor_id, concept, agreement in rows_of(statements, "actor_id", "concept", "agreement"):
        if actor_id in matrix.index:
            matrix.loc[actor_id, concept] += int(agreement)
    return matrix.clip(-1, 1).astype(int)


def discourse_networks(matrix: pd.DataFrame) -> pd.DataFrame:
    """The congruence and conflict networks of the actor x concept matrix: one row per pair
    of actors and tie (``congruence``: same side, ``conflict``: opposite sides), with the
    number of such concepts as weight and the concepts ';'-joined."""
    rows = []
    for a, b in combinations(matrix.index, 2):
        for tie, same in (("congruence", True), ("conflict", False)):
            shared = [c for c in matrix.columns if matrix.loc[a, c] and matrix.loc[b, c]
                      and (matrix.loc[a, c] == matrix.loc[b, c]) == same]
            if shared:
                rows.append({"actor_a": a, "actor_b": b, "tie": tie, "weight": len(shared),
                             "concepts": ";".join(shared)})
    return pd.DataFrame(rows, columns=NETWORK_COLUMNS)


def event_statements(tables: Tables) -> pd.DataFrame:
    """Coded events as (sentence, actor, concept, agreement) of their participants, the
    concept named by the CAMEO code where ``stakeholder_event_concepts.csv`` names one
    (042 and 043: a visit), else by the trigger ("met" -> meeting; of a phrasal predicate,
    its word that names a concept: "pay visit" -> visit); agreement +1 for the source (it
    does it), -1 when the event is negated (it does not), 0 for the target. A reporting
    verb ("said") names no concept, nor a stance verb ("agreed", "praised"), nor a public
    statement (CAMEO 01x: "look forward", "acknowledged"): its position is a statement
    already."""
    rows, reporting, cues = [], stance_words("report"), stance_words("verb")
    for sentence_id, lemma, trigger, code, source, target, factuality in rows_of(
            tables.events, "sentence_id", "lemma", "trigger", "cameo_code", "source_actor",
            "target_actor", "factuality"):
        lemma = (lemma or trigger).lower()
        if (not code or code.startswith(STATEMENT_ROOT) or not lemma
                or factuality == "underspecified" or lemma in reporting or lemma in cues):
            continue
        words = lemma.split()
        concept = event_concepts().get(code) or named(
            next((w for w in words if w in concept_variants()), words[0]))[0]
        sign = -1 if factuality == "negated" else 1
        for actor, role in ((source, "source"), (target, "target")):
            if actor:
                rows.append({"sentence_id": sentence_id, "actor_id": actor, "concept": concept,
                             "agreement": sign if role == "source" else 0})
    return pd.DataFrame(rows, columns=["sentence_id", "actor_id", "concept", "agreement"])


def central_initiative(statements: pd.DataFrame, tables: Tables | None = None
                       ) -> tuple[str | None, pd.DataFrame]:
    """The central initiative and the rows its stances are read from.

    The concept or coded event (:func:`event_statements`) with the most actors that take a
    side on it (statement holders, sources of its events), then the most statements, then
    the most rows of both, then the earliest. Its rows are its statements; only when it has
    none, its events (the source does it; a target counts as an actor with no stance):
    taking part in a meeting is no position on it. (None, empty) when there is neither.

    >>> s = pd.DataFrame({"sentence_id": [1, 2], "actor_id": ["a", "b"],
    ...                   "concept": ["deal", "deal"], "agreement": [1, -1]})
    >>> central_initiative(s)[0]
    'deal'
    """
    columns = ["sentence_id", "actor_id", "concept", "agreement"]
    events = (event_statements(tables) if tables is not None
              else pd.DataFrame(columns=columns))
    rows = pd.concat([statements[columns].assign(statement=1), events.assign(statement=0)],
                     ignore_index=True)
    if rows.empty:
        return None, statements.iloc[0:0]
    rows = rows.astype({"agreement": int, "statement": int, "sentence_id": int})
    sided = rows[rows["agreement"] != 0]
    grouped = rows.groupby("concept").agg(n=("statement", "sum"), rows=("actor_id", "size"),
                                          first=("sentence_id", "min"))
    grouped["actors"] = sided.groupby("concept")["actor_id"].nunique()
    ranked = grouped.fillna({"actors": 0}).reset_index().sort_values(
        ["actors", "n", "rows", "first", "concept"], ascending=[False, False, False, True, True])
    initiative = ranked["concept"].iloc[0]
    basis = rows[rows["concept"] == initiative]
    if basis["statement"].any():
        basis = basis[basis["statement"] == 1]
    return initiative, basis.drop(columns="statement")


def stances(rows: pd.DataFrame, actor_ids: list[str], *, concept: str | None) -> pd.DataFrame:
    """Each actor's stance toward ``concept``: support, oppose, mixed or not_stated, with the
    sum of its agreements and the sentences they rest on.

    >>> s = pd.DataFrame({"actor_id": ["a", "b", "b"], "sentence_id": [2, 3, 4],
    ...                   "concept": ["x", "x", "x"], "agreement": [1, 1, -1]})
    >>> stances(s, ["a", "b", "c"], concept="x").stance.tolist()
    ['support', 'mixed', 'not_stated']
    """
    found = []
    mine_all = rows[rows["concept"] == concept] if concept is not None and len(rows) else rows.iloc[0:0]
    for actor in sorted(actor_ids):
        mine = rows_of(mine_all[mine_all["actor_id"] == actor], "sentence_id", "agreement")
        signs = {int(a) for _, a in mine if a}
        stance = ("mixed" if signs == {1, -1} else "support" if signs == {1}
                  else "oppose" if signs == {-1} else "not_stated")
        found.append({"actor_id": actor, "stance": stance, "concept": concept or "",
                      "score": sum(int(a) for _, a in mine),
                      "sentence_ids": tuple(sorted({int(s) for s, a in mine if a}))})
    return pd.DataFrame(found, columns=STANCE_COLUMNS)
