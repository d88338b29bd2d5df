"""A brief of one article in plain words, generated from its contract tables.

The brief is 5 to 10 sentences, in reading order: what the article is and who it
names most, who acted on whom, what is only expected, how sure the text is and on
whose word, and who is named but silent. Every sentence cites the sentence ids it
rests on, written ``(s3)`` or ``(s3, s7)``; a sentence that says something is
absent cites the sentences it was checked against (``(s1-s23)``). Nothing in it is
written for one article: it reads ``sentences.csv``, ``actors.csv``,
``events.csv`` and ``stakeholders.csv`` of ``data/processed/<doc_id>/``.

>>> brief_sentences(BriefTables("x", pd.DataFrame(), pd.DataFrame(), pd.DataFrame(),
...                             pd.DataFrame()))[0]
'The article has no sentence, so there is nothing to brief.'
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.config import processed_dir
from helpers.files.contract import ContractError, read_table
from helpers.views.synthesis import cite

#: Factuality values in the order they are reported, most certain first.
FACTUALITY_ORDER = ("asserted", "probable", "possible", "negated", "underspecified")
#: Source types (``events.csv``) in words.
SOURCE_WORDS = {"named": "named sources", "anonymous": "anonymous sources",
                "media_reports": "media reports", "observers": "observers"}
#: Most events listed in one sentence of the brief.
MAX_LISTED = 3


@dataclass
class BriefTables:
    """The contract tables a brief is written from (any may be empty)."""

    doc_id: str
    sentences: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    stakeholders: pd.DataFrame


def read_tables(doc_id: str, folder: Path | None = None) -> BriefTables:
    """Read the tables of ``doc_id`` from ``folder`` (default ``data/processed/<doc_id>/``)
    as the data contract types them (:func:`helpers.files.contract.read_table`).

    A missing table is read as empty (the brief then says what it cannot tell);
    a table that is not valid CSV raises ``ValueError`` naming the file.
    """
    folder = Path(folder) if folder is not None else processed_dir(doc_id)
    frames = {}
    for name in ("sentences", "actors", "events", "stakeholders"):
        try:
            frames[name] = read_table(doc_id, name, out_dir=folder)
        except ContractError:
            frames[name] = pd.DataFrame()
        except (pd.errors.ParserError, UnicodeDecodeError, ValueError, KeyError) as exc:
            raise ValueError(f"{name}.csv of {doc_id}: not a readable contract table "
                             f"({exc})") from exc
    return BriefTables(doc_id, **frames)


def _span(tables: BriefTables) -> str:
    ids = sorted(int(i) for i in tables.sentences["sentence_id"])
    return f"(s{ids[0]}-s{ids[-1]})" if len(ids) > 1 else f"(s{ids[0]})"


def _names(tables: BriefTables) -> dict[str, str]:
    if tables.actors.empty:
        return {}
    return dict(zip(tables.actors["actor_id"], tables.actors["name"]))


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series([""] * len(frame), dtype=str)


def _cast(tables: BriefTables) -> list[str]:
    n = len(tables.sentences)
    if tables.actors.empty:
        return [f"The article has {n} sentences and names no actor {_span(tables)}."]
    actors = tables.actors.assign(n=tables.actors["mentions"].astype(int))
    lead = actors.sort_values(["n", "actor_id"], ascending=[False, True]).iloc[0]
    where = []
    if not tables.stakeholders.empty:
        row = tables.stakeholders[tables.stakeholders["actor_id"] == lead["actor_id"]]
        where = list(row["evidence"].iloc[0]) if len(row) else []
    cited = cite(where) if where else _span(tables)
    return [f"The article has {n} sentences and names {len(actors)} actors; "
            f"{lead['name']} is named most often, {lead['n']} times {cited}."]


def _event_phrase(ev, names: dict[str, str]) -> str:
    who = names.get(ev.source_actor, "")
    whom = names.get(ev.target_actor, "")
    phrase = f"{who}: “{ev.trigger}”" if who else f"“{ev.trigger}” (no source actor named)"
    return phrase + (f", towards {whom}" if whom and whom != who else "") \
        + f" {cite([ev.sentence_id])}"


def _distinct(events: pd.DataFrame) -> pd.DataFrame:
    """One row per trigger (a trigger with several actor pairs is listed once per pair)."""
    events = events.assign(_sid=events["sentence_id"].astype(int),
                           _start=events["start"].astype(int))
    return events.sort_values(["_sid", "_start", "event_id"]).drop_duplicates(
        ["start", "source_actor", "target_actor"])


def _listed(rows: pd.DataFrame, names: dict[str, str]) -> str:
    phrases = [_event_phrase(ev, names) for ev in rows.head(MAX_LISTED).itertuples(index=False)]
    more = len(rows) - len(phrases)
    return "; ".join(phrases) + (f"; and {more} more" if more > 0 else "")


def _acts(tables: BriefTables) -> list[str]:
    names = _names(tables)
    if tables.events.empty:
        return [f"The text reports no event with a verb the system reads as an action "
                f"{_span(tables)}."]
    events = _distinct(tables.events)
    done = events[(events["factuality"] == "asserted")
                  & events["source_actor"].isin(names.keys())]
    if done.empty:
        return [f"No action of a named actor is asserted as done {_span(tables)}."]
    coded = done[(done["cameo_code"] != "") & done["target_actor"].isin(names.keys())]
    if len(coded):            # who acted on whom first, then the rest
        done = pd.concat([coded, done.drop(coded.index)])
    return [f"Reported as done: {_listed(done, names)}."]


def _expected(tables: BriefTables) -> list[str]:
    if tables.events.empty:
        return []
    names = _names(tables)
    events = _distinct(tables.events)
    ahead = events[events["factuality"].isin(("probable", "possible"))]
    if ahead.empty:
        return [f"Nothing is reported as only expected or possible {_span(tables)}."]
    return [f"Expected or possible, not yet done: {_listed(ahead, names)}."]


def _certainty(tables: BriefTables) -> list[str]:
    if tables.events.empty:
        return []
    events = tables.events
    counts = events["factuality"].value_counts()
    hedged = events[events["factuality"] != "asserted"]
    if hedged.empty:
        return [f"How sure the text is: all {len(events)} event readings are asserted as fact "
                f"{cite(events['sentence_id'])}."]
    parts = [f"{counts[f]} {f}" for f in FACTUALITY_ORDER if counts.get(f, 0)]
    return [f"How sure the text is: of {len(events)} event readings, {', '.join(parts)}; "
            f"the ones not asserted are in {cite(hedged['sentence_id'])}."]


def _sourcing(tables: BriefTables) -> list[str]:
    if tables.events.empty:
        return []
    events = tables.events
    attributed = events[_column(events, "source_type").isin(("named", "anonymous",
                                                             "media_reports", "observers"))]
    if attributed.empty:
        return [f"On whose word: every event is the outlet's own assertion, none is "
                f"attributed to a source {_span(tables)}."]
    by_type = []
    for kind, rows in attributed.groupby("source_type", sort=True):
        cues = sorted({c for c in rows["attribution"] if c})
        more = len(cues) - 1
        cue = (f" (“{cues[0]}”" + (f" and {more} more cue{'s' * (more > 1)}" if more else "")
               + ")") if cues else ""
        by_type.append(f"{SOURCE_WORDS.get(kind, kind)}{cue} {cite(rows['sentence_id'])}")
    own = len(events) - len(attributed)
    return [f"On whose word: {len(attributed)} event readings rest on "
            f"{'; '.join(by_type)}, {own} on the outlet's own word."]


def _silent(tables: BriefTables) -> list[str]:
    table = tables.stakeholders
    if table.empty:
        return []
    unscored = pd.to_numeric(table["interest"], errors="coerce").isna()   # '' or NaN
    silent = table[(table["stance"] == "not_stated") & unscored]
    if silent.empty:
        return [f"Every actor named is given a position or an action of its own "
                f"{_span(tables)}."]
    who = ", ".join(f"{r.name} {cite(r.evidence)}"
                    for r in silent.sort_values("actor_id").head(6).itertuples(index=False))
    more = len(silent) - min(len(silent), 6)
    return [f"Named but silent (no position and no action of their own): {who}"
            + (f", and {more} more" if more else "") + "."]


def _weight(tables: BriefTables) -> list[str]:
    table = tables.stakeholders
    if table.empty or "power" not in table:
        return []
    out = []
    for column, word in (("power", "the most power"), ("interest", "the most at stake")):
        values = pd.to_numeric(table[column], errors="coerce")
        if values.notna().any():
            row = table.loc[values.sort_values(ascending=False, kind="stable").index[0]]
            out.append(f"{row['name']} {cite(row['evidence'])} has {word} "
                       f"as the text shows it ({column} {float(row[column]):.2f})")
    return ["In the stakeholder scores, " + "; ".join(out) + "."] if out else []


def brief_sentences(tables: BriefTables) -> list[str]:
    """The brief: 5 to 10 sentences, each citing sentence ids (one sentence when the
    article has no sentence at all)."""
    if tables.sentences.empty:
        return ["The article has no sentence, so there is nothing to brief."]
    out = (_cast(tables) + _acts(tables) + _expected(tables) + _certainty(tables)
           + _sourcing(tables) + _silent(tables) + _weight(tables))
    if len(out) < 5:
        out.append(f"The tables behind this brief are those of the pages that follow "
                   f"{_span(tables)}.")
    return out[:10]


def article_brief(doc_id: str, folder: Path | None = None) -> list[str]:
    """The brief of ``doc_id`` from its tables in ``folder`` (see :func:`read_tables`)."""
    return brief_sentences(read_tables(doc_id, folder))
