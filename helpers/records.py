"""The records the annotation layers produce: small frozen dataclasses.

Their fields are the columns of the data contract (``helpers.contract.COLUMNS``),
sometimes followed by extra fields that explain a value (``anchoring``, ``note``)
and are not written to the contract files.

>>> Mention("m1", 1, 0, 4, "Iraq", "GPE", "NAME", "iraq", "model").actor_id
'iraq'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Iterable

import pandas as pd


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
    rule: str = ""      # which rule produced the value (not in the contract)


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
    anchoring: str = ""  # how earliest/latest were obtained (not in the contract)


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
