"""Interests and positions: what the text says each actor wants or holds, coded as concepts.

A *position statement* is either

- a ``verb`` statement: an asserted, probable or negated predicate (an event, or a
  predicate the CAMEO dictionary does not code, "fear") whose source is
  the actor and whose lemma is a stance verb (urge, want, aim, stress, fear,
  agree, view, ...), read from the trigger to the end of the sentence (a stance
  the actor is only urged to take, "urged leaders to support", is not theirs);
  or
- a ``noun`` statement: the actor named in the possessive before a stance noun
  ("Iraq's declared stance of ...", "its role as a mediator"), read from the
  noun to the end of the sentence.

Each concept cue found in that span ("regional stability", "mediate",
"instability") is coded as in discourse network analysis: agreement +1 or
disagreement -1, the product of the verb's polarity (fear -1), the cue's
(instability -1) and a negation between them.

>>> concept_hits("They fear instability.")
[('regional_stability', -1, 10, 21)]
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers.stakeholders.tables import Tables, rows_of
from helpers.stakeholders.lexicon import concept_cues, negation_pattern, rule_values, stance_words

STANCE_FACTUALITY = ("asserted", "probable", "negated")
POSITION_COLUMNS = ["actor_id", "sentence_id", "kind", "cue", "polarity", "concepts",
                    "attribution", "source_type", "factuality", "event_id"]
POSSESSIVE = re.compile(r"['’]s?\s+((?:[\w-]+\s+){0,2}[\w-]+)")
AFTER_PRONOUN = re.compile(r"\s+((?:[\w-]+\s+){0,2}[\w-]+)")
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
WORD = re.compile(r"[\w-]+")


class Coded(NamedTuple):
    """One concept a statement codes, agreement +1 or disagreement -1; shown as ``concept:+1``.

    >>> str(Coded("mediation", -1))
    'mediation:-1'
    """

    concept: str
    value: int

    def __str__(self) -> str:
        return f"{self.concept}:{'+1' if self.value > 0 else '-1'}"


def concept_hits(text: str) -> list[tuple[str, int, int, int]]:
    """(concept, cue polarity, start, end) of every concept cue in ``text``, in text order.

    Within a concept, a cue overlapping an earlier or longer one is dropped, so
    "prevent further escalation" counts once, not also as "escalation".
    """
    hits = []
    for concept, cues in concept_cues().items():
        found = sorted(((m.start(), -m.end(), polarity) for pattern, polarity in cues
                        for m in pattern.finditer(text)))
        last_end = -1
        for start, neg_end, polarity in found:
            if start >= last_end:
                hits.append((concept, polarity, start, -neg_end))
                last_end = -neg_end
    return sorted(hits, key=lambda h: (h[2], h[0]))


def coded_concepts(span: str, *, polarity: int) -> dict[str, int]:
    """Concept -> +1 / -1 for the concepts cued in ``span`` (the text after a stance cue).

    >>> coded_concepts(" to support regional stability and avoid escalation", polarity=1)
    {'de_escalation': 1, 'regional_stability': 1}
    """
    sums: dict[str, int] = {}
    negations = [m.start() for m in negation_pattern().finditer(span)]
    for concept, cue_polarity, start, _ in concept_hits(span):
        flip = -1 if sum(1 for n in negations if n < start) % 2 else 1
        sums[concept] = sums.get(concept, 0) + polarity * cue_polarity * flip
    return {c: (1 if v > 0 else -1) for c, v in sorted(sums.items()) if v}


def _sourcing(events: pd.DataFrame) -> dict[int, tuple[str, str]]:
    """Sentence id -> (attribution, source_type) of its first event that has one."""
    sourcing: dict[int, tuple[str, str]] = {}
    rows = sorted(rows_of(events, "sentence_id", "start", "attribution", "source_type"),
                  key=lambda row: (row[0], row[1]))
    for sentence_id, _, attribution, source_type in rows:
        if sentence_id not in sourcing or (attribution and not sourcing[sentence_id][0]):
            sourcing[sentence_id] = (attribution, source_type or "none")
    return sourcing


def _stance_noun_end(text: str, start: int, end: int, limit: int,
                     nouns: dict[str, int]) -> int | None:
    """End offset of a stance noun within three words after a possessive mention, or None."""
    pattern = AFTER_PRONOUN if text[start:end].lower() in POSSESSIVE_PRONOUNS else POSSESSIVE
    match = pattern.match(text, end, limit)
    if not match:
        return None
    for word in WORD.finditer(match.group(1)):
        if word.group().lower() in nouns:
            return match.start(1) + word.end()
    return None


def _coded(concepts: dict[str, int]) -> tuple[Coded, ...]:
    return tuple(Coded(concept, value) for concept, value in concepts.items())


def positions(tables: Tables) -> pd.DataFrame:
    """Every position statement of every actor, sorted by sentence, actor and cue.

    ``concepts`` is a tuple of :class:`Coded` (empty when the statement cues no concept).
    """
    ends = dict(zip(tables.sentences["sentence_id"], tables.sentences["end"]))
    sourcing = _sourcing(tables.stance_rows)
    verbs, nouns = stance_words("verb"), stance_words("noun")
    rows = []
    for (source, sentence_id, end, lemma, trigger, factuality, attribution, source_type,
         event_id) in rows_of(tables.stance_rows, "source_actor", "sentence_id", "end", "lemma",
                              "trigger", "factuality", "attribution", "source_type", "event_id"):
        polarity = verbs.get(lemma.lower().split(" ")[0])
        if (not source or polarity is None or sentence_id not in ends
                or factuality not in STANCE_FACTUALITY):
            continue
        sign = -1 if factuality == "negated" else 1
        span = tables.text[end:ends[sentence_id]]
        rows.append({"actor_id": source, "sentence_id": sentence_id, "kind": "verb",
                     "cue": trigger, "polarity": polarity * sign,
                     "concepts": _coded(coded_concepts(span, polarity=polarity * sign)),
                     "attribution": attribution, "source_type": source_type or "none",
                     "factuality": factuality, "event_id": event_id})
    for actor_id, sentence_id, start, end in rows_of(tables.mentions, "actor_id", "sentence_id",
                                                     "start", "end"):
        if not actor_id or sentence_id not in ends:
            continue
        noun_end = _stance_noun_end(tables.text, start, end, ends[sentence_id], nouns)
        if noun_end is None:
            continue
        polarity = nouns[WORD.findall(tables.text[:noun_end])[-1].lower()]
        attribution, source_type = sourcing.get(sentence_id, ("", "none"))
        rows.append({"actor_id": actor_id, "sentence_id": sentence_id, "kind": "noun",
                     "cue": tables.text[start:noun_end], "polarity": polarity,
                     "concepts": _coded(coded_concepts(
                         tables.text[noun_end:ends[sentence_id]], polarity=polarity)),
                     "attribution": attribution, "source_type": source_type,
                     "factuality": "asserted", "event_id": ""})
    table = pd.DataFrame(rows, columns=POSITION_COLUMNS).drop_duplicates(
        ["actor_id", "sentence_id", "kind", "cue"])
    return table.sort_values(["sentence_id", "actor_id", "kind", "cue"]).reset_index(drop=True)


def concept_matrix(statements: pd.DataFrame, *, actors: list[str] | None = None) -> pd.DataFrame:
    """Actor x concept agreement: +1 agree, -1 disagree, 0 not stated (sign of the sum).

    Rows are ``actors`` (default: those with statements), columns every concept of
    the lexicon, in file order.
    """
    concepts = list(concept_cues())
    ids = sorted(set(actors) if actors is not None else set(statements["actor_id"]))
    row_of, column_of = {a: i for i, a in enumerate(ids)}, {c: j for j, c in enumerate(concepts)}
    sums = np.zeros((len(ids), len(concepts)), dtype=np.int64)
    for actor_id, coded in rows_of(statements, "actor_id", "concepts"):
        for concept, value in coded:
            if actor_id in row_of:
                sums[row_of[actor_id], column_of[concept]] += value
    matrix = pd.DataFrame(sums, index=pd.Index(ids, name="actor_id"), columns=concepts)
    return matrix.clip(-1, 1).astype(int)


def central_initiative(text: str) -> tuple[str | None, dict[str, int]]:
    """The concept the article is most about (most cue matches; ties: the earlier), or None
    when no concept has at least the ``initiative,min_cues`` number of matches.

    >>> central_initiative("Calm. Calm returns. Trade.")[0]
    'regional_stability'
    """
    hits = concept_hits(text)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for concept, _, start, _ in hits:
        counts[concept] = counts.get(concept, 0) + 1
        first.setdefault(concept, start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    enough = ranked and counts[ranked[0]] >= rule_values("initiative")["min_cues"]
    return (ranked[0] if enough else None), {c: counts[c] for c in ranked}
