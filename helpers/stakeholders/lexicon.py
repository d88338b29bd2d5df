"""The stakeholder analysis's word lists and scoring rules, read once from ``helpers/resources``.

- ``stakeholder_concepts.csv``: word, concept, polarity, family: the variants of one
  concept (a lemma, a spelling, the verb of a noun, a synonym) merged under one name,
  +1 or -1 when the word names the concept's opposite ("instability" is stability
  -1); ``family`` groups concepts under the seed's seven families;
- ``stakeholder_stances.csv``: the cues of a position (``verb``, ``noun``, ``adj``
  lemmas with their polarity), ``negation`` words, ``report`` verbs (their subject
  speaks), ``container`` nouns whose complement names the concept ("the issue of
  X") and ``empty`` ones that name nothing without it ("the importance of X"), and
  ``verb_clause`` polarities of a cue before a that-clause ("warned that X would ...");
- ``stakeholder_event_concepts.csv``: the concept of the events of a CAMEO code;
- ``stakeholder_weights.csv``: the power-interest scoring rules (weights, sector and
  office scores, thresholds, the sensitivity step).

>>> concept_variants()["collaboration"]
('cooperation', 1)
>>> stance_words("verb")["fear"]
-1
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.events.cameo import verb_lexicon
from helpers.events.dictionary import verb_dictionary
from helpers.files.resources import resource_rows


def _read(name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    rows = resource_rows(name, columns=columns)
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(columns), dtype=str)


CONCEPT_COLUMNS = ("word", "concept", "polarity", "family")


@lru_cache(maxsize=None)
def concept_variants() -> dict[str, tuple[str, int]]:
    """Word (lower case, or an issue code) -> (the concept it names, +1 or -1)."""
    table = _read("stakeholder_concepts.csv", CONCEPT_COLUMNS)
    return {(w if w.isupper() else w.lower()): (c, int(p))
            for w, c, p in zip(table["word"], table["concept"], table["polarity"])}


@lru_cache(maxsize=None)
def event_concepts() -> dict[str, str]:
    """CAMEO event code -> the concept its events are about, from
    ``stakeholder_event_concepts.csv`` (a visit made and a visit hosted are one visit).

    >>> event_concepts()["043"]
    'visit'
    """
    table = _read("stakeholder_event_concepts.csv", ("code", "concept"))
    return dict(zip(table["code"].astype(str).str.zfill(3), table["concept"]))


@lru_cache(maxsize=None)
def concept_families() -> dict[str, str]:
    """Concept -> the seed family it belongs to (only concepts that have one).

    >>> concept_families()["stability"]
    'regional_stability'
    """
    table = _read("stakeholder_concepts.csv", CONCEPT_COLUMNS)
    return {c: f for c, f in zip(table["concept"], table["family"]) if f}


@lru_cache(maxsize=None)
def variant_pattern(concept: str) -> re.Pattern:
    """A regex matching the words of ``concept``'s variants and their inflections, whole words.

    >>> [m.group() for m in variant_pattern("mediation").finditer("a bridge, mediators")]
    ['bridge', 'mediators']
    """
    found = sorted((w for w, (c, _) in concept_variants().items() if c == concept),
                   key=len, reverse=True) or [concept]
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in found)
                      + r")\w*(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def stance_words(kind: str) -> dict[str, int]:
    """Words of one kind (``verb``, ``noun``, ``negation``) -> polarity."""
    table = _read("stakeholder_stances.csv", ("word", "kind", "polarity"))
    if kind not in set(table["kind"]):
        raise ValueError(f"stakeholder_stances.csv has no words of kind {kind!r}")
    return {row.word.lower(): int(row.polarity)
            for row in table.itertuples(index=False) if row.kind == kind}


#: Verbs whose blocks of the PETRARCH2 dictionary hold the verbs of saying and alleging
#: (EXPLAIN_VERBAL, CAMEO 010; ALLEGE, 110).
SAYING = ("say", "allege")
#: CAMEO roots of the event nouns that are speech: statements (01), accusations (11).
SPEECH_ROOTS = ("01", "11")
#: Verbs of saying whose noun names something else ("their state", "the details").
OTHER_NOUNS = frozenset({"state", "detail", "say"})


@lru_cache(maxsize=None)
def speech_nouns() -> frozenset[str]:
    """Lemmas of the nouns that name what someone said: the communication nouns of the event
    layer's lexicon (``verb_lexicon.csv`` role ``message``: statement, message, letter, ...;
    or coded as a statement or an accusation, CAMEO 01x and 11x: accusation) and the verbs of
    saying and alleging of the PETRARCH2 dictionary (the blocks of SAY, CAMEO 010, and ALLEGE,
    110) that are nouns as well ("remark", "comment", "claim"; not those whose noun names
    something else: "their state").

    >>> sorted({"statement", "remark", "comment"} & speech_nouns())
    ['comment', 'remark', 'statement']
    >>> "meeting" in speech_nouns()
    False
    """
    found = {lemma for (lemma, pos), entries in verb_lexicon().items() if pos == "NOUN" and any(
        e.role == "message" or e.cameo_code[:2] in SPEECH_ROOTS for e in entries)}
    dictionary = verb_dictionary()
    blocks = {e.block for verb in SAYING for e in dictionary.entries(verb)}
    found |= {lemma for lemma, entries in dictionary.verbs.items() if any(
        e.block in blocks and e.code == dictionary.blocks[e.block][1]
        and not e.particles and not e.prefix for e in entries)}
    return frozenset(found - OTHER_NOUNS)


#: Kinds of source (``sourcing_cues.csv``) that speak for the body they are in.
BODY_SOURCES = ("anonymous", "named")


@lru_cache(maxsize=None)
def source_heads() -> frozenset[str]:
    """Nouns that name a source speaking from inside a body ("a source in the ministry",
    "officials at X", "a spokesman for X"): the anonymous and named ``head`` words of the event
    layer's ``sourcing_cues.csv`` (not observers or media, who speak for themselves).

    >>> sorted({"source", "official", "analyst"} & source_heads())
    ['official', 'source']
    """
    rows = resource_rows("sourcing_cues.csv", columns=("cue", "kind", "value"))
    return frozenset(r["cue"].lower() for r in rows
                     if r["kind"] == "head" and r["value"] in BODY_SOURCES)


def is_speech_noun(token) -> bool:
    """True for a noun token that names what someone said ("the statement", "his remarks");
    a name ("the State of Qatar") is none.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("His remarks drew a statement at the meeting.")
    >>> [t.text for t in doc if is_speech_noun(t)]
    ['remarks', 'statement']
    """
    return token.pos_ == "NOUN" and not token.ent_type_ and (
        token.lemma_.lower() in speech_nouns()
                                     or token.lower_ in speech_nouns())


@lru_cache(maxsize=None)
def scoring_rules() -> pd.DataFrame:
    """``stakeholder_weights.csv`` with ``value`` as float."""
    table = _read("stakeholder_weights.csv", ("rule", "key", "value"))
    return table.assign(value=table["value"].astype(float))


@lru_cache(maxsize=None)
def _rule_items(rule: str) -> tuple[tuple[str, float], ...]:
    """The ``(key, value)`` rows of one rule, in file order (parsed once per rule)."""
    table = scoring_rules()
    rows = table[table["rule"] == rule]
    if rows.empty:
        raise ValueError(f"stakeholder_weights.csv has no rows for rule {rule!r}")
    return tuple(zip(rows["key"], rows["value"]))


def rule_values(rule: str) -> dict[str, float]:
    """The ``key -> value`` rows of one rule (``weight``, ``type``, ``office``, ``threshold``).

    A fresh dict on every call (the parsed rows are cached), so callers may change it.

    >>> rule_values("threshold")["power"]
    0.5
    """
    return dict(_rule_items(rule))
