"""The annotation tables the stakeholder analysis reads, in the shape of the data contract.

:class:`Tables` holds one article's text and its sentences, entities (mentions),
actors and events as DataFrames with the columns of sentences.csv,
entities.csv, actors.csv and events.csv. It is built from rows or DataFrames
(:func:`make_tables`): an annotation's records (``helpers.pipeline.outputs``) or
hand-made rows in tests.

>>> t = make_tables("d", "Iraq.", sentences=[{"sentence_id": 1, "start": 0, "end": 5, "text": "Iraq."}])
>>> t.actors.columns.tolist()[:3]
['actor_id', 'name', 'type']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd
from spacy.tokens import Doc

from helpers.files.contract import COLUMNS
from helpers.files.records import RECORDS, Mention, fields_typed, text_of
from helpers.nlp.model import get_nlp


@dataclass(frozen=True)
class Tables:
    """One article's annotations as contract-shaped DataFrames."""

    doc_id: str
    text: str
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    #: every predicate with an actor argument, coded or not (event-shaped rows); the
    #: events themselves when absent (tables read back from the contract files)
    predicates: pd.DataFrame | None = None
    doc: Doc | None = None      # the text's parse, when the annotation has it

    @property
    def stance_rows(self) -> pd.DataFrame:
        """The predicate rows (coded or not): the predicates, else the events."""
        return self.predicates if self.predicates is not None else self.events


def normalise(name: str, rows: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Rows as a DataFrame with at least the contract's columns of ``name`` (``entities``,
    ``actors``, ...), text cells as strings ('' for missing), ids and offsets as ints.

    >>> normalise("events", []).shape
    (0, 16)
    """
    table = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    for column in COLUMNS[name]:
        if column not in table.columns:
            table[column] = pd.Series(dtype=object)
    record = RECORDS[name]
    text_columns, int_columns = fields_typed(record, "str"), fields_typed(record, "int")
    for column in table.columns:
        if column in text_columns:
            table[column] = ([text_of(v) for v in table[column].tolist()] if len(table)
                             else table[column].map(text_of))
        elif column in int_columns and len(table):
            table[column] = pd.to_numeric(table[column], errors="coerce").fillna(0).astype(int)
    if name == "events" and len(table):
        table["goldstein"] = pd.to_numeric(table["goldstein"], errors="coerce")
    return table.reset_index(drop=True)


def rows_of(table: pd.DataFrame, *columns: str) -> list[tuple]:
    """The rows of ``table`` as tuples of the named columns' Python values, in table order.

    A fast stand-in for ``itertuples`` in per-row loops (values as ``itertuples`` gives them).

    >>> rows_of(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), "b", "a")
    [('x', 1), ('y', 2)]
    """
    return list(zip(*(table[column].tolist() for column in columns))) if len(table) else []


def make_tables(doc_id: str, text: str, *, sentences: Iterable[Mapping] | pd.DataFrame = (),
                mentions: Iterable[Mapping] | pd.DataFrame = (),
                actors: Iterable[Mapping] | pd.DataFrame = (),
                events: Iterable[Mapping] | pd.DataFrame = (),
                predicates: Iterable[Mapping] | pd.DataFrame | None = None,
                doc: Doc | None = None) -> Tables:
    """:class:`Tables` from rows or DataFrames with contract columns (missing ones left empty);
    ``doc`` is the text's spaCy parse when the caller has it (else it is parsed on demand)."""
    return Tables(doc_id=doc_id, text=text, sentences=normalise("sentences", sentences),
                  mentions=normalise("entities", mentions), actors=normalise("actors", actors),
                  events=normalise("events", events),
                  predicates=None if predicates is None else normalise("events", predicates),
                  doc=doc)


def parsed(tables: Tables) -> Doc:
    """The parse of the article's text: the annotation's own, else parsed now."""
    return tables.doc if tables.doc is not None else get_nlp()(tables.text)


def span_mentions(mentions: pd.DataFrame) -> list[Mention]:
    """The mention rows that refer to an actor, as :class:`Mention` records."""
    return [Mention(str(m), int(s), int(a), int(b), t, "", "", actor, "")
            for m, s, a, b, t, actor in rows_of(mentions, "mention_id", "sentence_id", "start",
                                                 "end", "text", "actor_id") if actor]
