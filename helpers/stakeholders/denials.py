"""Denials in reported speech: a reporting verb over a clause that denies a coded event.

"PAP released a statement from X, clarifying that no talks had been planned": X speaks
(the holder of the speech noun the verb says through), and the clause denies the talks
the event layer coded as negated, so X's statement is against a meeting (-1). A clause
with a modal is an intention ("said he will not visit"), no denial; a clause with a stance
cue of its own is read from that cue (:mod:`helpers.stakeholders.statements`).
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.events.arguments import ActorIndex
from helpers.events.factuality import factuality_of
from helpers.stakeholders.concepts import concept_of
from helpers.stakeholders.cues import KEPT_FACTUALITY, cue_polarity, negated
from helpers.stakeholders.lexicon import is_speech_noun, stance_words
from helpers.stakeholders.speech import SUBJECT_DEPS, noun_holders, subject_holders

#: Arguments of a clause that can carry the event it denies ("no talks had been planned").
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}


def report_holders(verb: Token, index: ActorIndex, speaking: list[str],
                   sources: dict[int, list[str]] | None = None) -> list[str]:
    """Who speaks through a reporting verb: the holder of the speech noun it says through
    ("released a statement from X, clarifying that ...": X; "X's statement said"), else its
    subject (of a participle clause without one, its governor's: "X released a statement,
    clarifying that ..."), else the event layer's source, else the sentence's speakers."""
    around = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ in {"advcl", "conj", "acl"} and not around:
        around = [c for c in verb.head.children if c.dep_ == "dobj"] + (
            [verb.head] if verb.dep_ == "acl" else [])
    for noun in around:
        if is_speech_noun(noun) and noun_holders(noun, index):
            return noun_holders(noun, index)
    found = subject_holders(verb, index)[0]
    if not found and verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        found = subject_holders(verb.head, index)[0]    # "X released ..., clarifying that"
    return found or (sources or {}).get(verb.idx, []) or speaking


def denied_event(clause: Token, denied: set[int]) -> Token | None:
    """The token of a clause that triggers a coded event the event layer read as negated
    (``denied``: trigger offsets): its verb ("did not meet") or an argument ("no talks had
    been planned"); None when there is none, when the clause is an intention (a modal: "will
    not visit" announces, it denies nothing) or holds a stance cue (read as such)."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return None
    candidates = [clause] + [c for c in clause.children if c.dep_ in ARGUMENT_DEPS]
    if any(cue_polarity(t) is not None for t in candidates):
        return None
    return next((t for t in candidates if t.idx in denied), None)


def denial_statements(verb: Token, index: ActorIndex, speaking: list[str],
                      sources: dict[int, list[str]] | None = None,
                      denied: set[int] | None = None) -> list[dict]:
    """A reporting verb over a clause that denies a coded event is a denial of that event
    ("X clarified that no talks had been planned": X against a meeting, -1), the concept
    named as for any object (:func:`concept_of`); one row per holder (:func:`report_holders`),
    the reporting verb as cue; [] for any other token (see :func:`denied_event`)."""
    if not denied or verb.pos_ != "VERB" or verb.lemma_.lower() not in stance_words("report"):
        return []
    factuality = factuality_of(verb)
    if factuality not in KEPT_FACTUALITY or negated(verb):
        return []
    rows = []
    for clause in verb.children:
        event = denied_event(clause, denied) if clause.dep_ == "ccomp" else None
        found = concept_of(event, index) if event is not None else None
        if found is None:
            continue
        for actor in report_holders(verb, index, speaking, sources):
            if actor != found[0]:
                rows.append({"actor_id": actor, "concept": found[0], "agreement": -found[1],
                             "cue": verb.text, "start": verb.idx, "end": verb.idx + len(verb.text),
                             "factuality": factuality})
    return rows
