"""The records of the data contract: one small frozen dataclass per contract table.

Their fields are the columns of the contract files, in order (``helpers.files.contract``
derives its column lists from them), sometimes followed by extra fields that explain a
value (``rule``, ``anchoring``), marked ``contract=False`` and not written to the files.
A field typed ``tuple[...]`` is a list column: a tuple inside the program, ``;``-joined
only in the CSV file.

>>> Mention("m1", 1, 0, 4, "Iraq", "GPE", "NAME", "iraq", "model").actor_id
'iraq'
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Iterable

import pandas as pd

#: Field metadata of a field that explains a value and is not a contract column.
EXTRA = {"contract": False}


@dataclass(frozen=True)
class Sentence:
    """A sentence (sentences.csv): ``text == source[start:end]``, without surrounding whitespace."""

    sentence_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span that names or refers to an entity (entities.csv)."""

    mention_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    label: str          # OntoNotes label: PERSON, ORG, GPE, NORP, LOC, FAC, ...
    kind: str           # NAME, NOMINAL, PRONOUN
    actor_id: str       # '' when it refers to no actor
    method: str         # how it was found and linked, e.g. 'model', 'kb_ruler', 'coref:pronoun'


@dataclass(frozen=True)
class Actor:
    """A canonical actor of one document (actors.csv)."""

    actor_id: str
    name: str
    type: str           # person, organization, state, group
    country: str        # ISO 3166-1 alpha-3, '' when unknown
    role: str           # titles and appositions as the text gives them, '; '-joined
    wikidata: str       # QID or ''
    cameo_code: str     # CAMEO actor code or ''
    mentions: int
    source: str = field(default="article", metadata=EXTRA)  # kb, phoenix, country_data or article (not a contract column)


@dataclass(frozen=True)
class Timex:
    """A temporal expression, normalised in the manner of TimeML TIMEX3 (timexes.csv)."""

    timex_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    type: str           # DATE, TIME, DURATION, SET
    value: str          # TIMEX3 value: 2025-11-11, 2025-W36, P3D, FUTURE_REF, ...
    earliest: str       # ISO date or '' when unbounded / unresolved
    latest: str
    rule: str = field(default="", metadata=EXTRA)   # which rule produced the value
    mod: str = field(default="", metadata=EXTRA)    # TIMEX3 mod: START, MID, END, APPROX, ...
    note: str = field(default="", metadata=EXTRA)   # an ambiguous or inconsistent date, said


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when, how sure, on whose word (events.csv)."""

    event_id: str
    sentence_id: int
    trigger: str
    start: int
    end: int
    lemma: str
    cameo_code: str     # '' when the verb is not in the lexicon
    goldstein: float | None
    source_actor: str
    target_actor: str
    factuality: str     # asserted, probable, possible, negated, underspecified
    attribution: str    # the source cue as written, '' if none
    source_type: str    # named, anonymous, media_reports, observers, none
    timex_id: str = ""
    earliest: str = ""
    latest: str = ""
    anchoring: str = field(default="", metadata=EXTRA)  # how earliest/latest were obtained


@dataclass(frozen=True)
class Relation:
    """A tie between two actors of one article (relations.csv)."""

    source_actor: str
    target_actor: str
    relation: str       # event:<CAMEO code>, event:uncoded, affiliation, co_mention
    weight: int
    event_ids: tuple[str, ...]
    factuality: str     # the strongest of its events' factuality ('' for other relations)


@dataclass(frozen=True)
class Stakeholder:
    """An actor of one article as a stakeholder (stakeholders.csv)."""

    actor_id: str
    name: str
    type: str
    country: str
    mentions: int
    degree: int
    betweenness: float
    power: float | None
    interest: float | None  # empty when the text states no position of the actor
    stance: str
    evidence: tuple[int, ...]


@dataclass(frozen=True)
class Statement:
    """One position of an actor on a concept in one sentence (statements.csv), in the manner
    of discourse network analysis: the flat table DNA-style tools open."""

    statement_id: str
    sentence_id: int
    actor_id: str
    concept: str        # Phoenix issue code (upper case), an actor id, or a noun lemma
    agreement: int      # +1 support, -1 opposition
    cue: str            # the word that carries the position ("urged", "support", "baseless")
    factuality: str     # asserted, probable, possible, negated
    attribution: str    # the source cue as written, '' if none
    event_id: str       # the coded event the cue triggers, '' if none


#: The record of each contract table, by table name.
RECORDS: dict[str, type] = {"sentences": Sentence, "entities": Mention, "actors": Actor,
                            "timexes": Timex, "events": Event, "relations": Relation,
                            "stakeholders": Stakeholder, "statements": Statement}


@dataclass(frozen=True)
class Candidate:
    """A predicate with an actor argument that the verb dictionary could not code.

    Not an event (no row in events.csv, the timeline or the network): notebook 02 lists
    it as a candidate for the override table.
    """

    sentence_id: int
    trigger: str
    start: int
    end: int
    lemma: str
    sources: str        # actor ids, ';'-joined
    targets: str
    reason: str         # 'not in the dictionary', 'null code (dictionary line N)', ...


def contract_fields(record_type: type) -> tuple[str, ...]:
    """The names of a record's contract columns, in order (extra fields left out).

    >>> contract_fields(Timex)[-2:]
    ('earliest', 'latest')
    """
    return tuple(f.name for f in fields(record_type) if f.metadata.get("contract", True))


def fields_typed(record_type: type, kind: str) -> frozenset[str]:
    """The names of a record's fields whose type is ``kind`` (``str``, ``int``, ``tuple``).

    >>> sorted(fields_typed(Relation, "tuple"))
    ['event_ids']
    """
    return frozenset(f.name for f in fields(record_type)
                     if str(f.type) == kind or str(f.type).startswith(f"{kind}["))


def text_of(value: object) -> str:
    """A table cell as a string: '' for a missing one (None or NaN).

    >>> text_of(None), text_of(float("nan")), text_of(3)
    ('', '', '3')
    """
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def id_order(item_id: str) -> tuple[int, str]:
    """Sort key of an id such as ``e10``: its number first, so e2 comes before e10.

    >>> sorted(["e10", "e2"], key=id_order)
    ['e2', 'e10']
    """
    digits = re.sub(r"\D", "", item_id)
    return (int(digits) if digits else 0, item_id)


def frame(records: Iterable, record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame of dataclass records (or dicts), with the record's columns even when empty.

    >>> frame([], Mention).columns[:3].tolist()
    ['mention_id', 'sentence_id', 'start']
    """
    rows = [asdict(r) if is_dataclass(r) else dict(r) for r in records]
    if rows:
        return pd.DataFrame(rows)
    if record_type is None:
        return pd.DataFrame()
    return pd.DataFrame(columns=[f.name for f in fields(record_type)])
