"""Who speaks in a sentence, and who holds a position a verb or a reported clause expresses.

- the speakers of a sentence: the subjects of its reporting verbs (``report`` words of
  ``stakeholder_stances.csv``), the one quoted, "according to X", or the holder of a
  speech noun ("a statement from X", "X's remarks"); a speaker named by a role noun the
  actor layer left unlinked ("the spokesperson also said") or by a speech noun without a
  holder ("the statement said") is the last one named before;
- the holder of a verb's position: its subject (an unnamed source inside a body, "a
  source in the ministry", is that body), the agent of a passive, the controller
  of an infinitive or a coordinated verb, the possessor of a noun an infinitive modifies;
- reported speech (docs/dev_set.md section 4.4: "the speaker of reported speech holds the
  position"): the speaker holds what he reports of himself or of his state.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.events.arguments import ActorIndex, controller, is_passive, phrase_actors
from helpers.nlp.coref import role_nouns
from helpers.stakeholders.cues import cue_polarity
from helpers.stakeholders.lexicon import is_speech_noun, source_heads, stance_words

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Quotation marks: a sentence with one may continue the quotation of a neighbour.
QUOTES = {'"', "“", "”"}
#: Entity types of a state (its name or its demonym) and relative pronouns.
STATE_TYPES = {"GPE", "NORP"}
RELATIVES = {"who", "whom", "which", "that"}
#: Prepositions whose object holds a speech or stance noun ("a statement from X").
HOLDER_PREPS = {"from", "among", "by"}


#: Prepositions that place a source inside a body ("a source in the ministry").
BODY_PREPS = {"in", "at", "from", "within", "for", "inside"}


def speaker_actors(phrase: Token, index: ActorIndex) -> list[str]:
    """The actors a speaker's noun phrase names: its own (:func:`phrase_actors`), else, for an
    unnamed source inside a body ("a source in the ministry", "officials at X", "a spokesman
    for X"), that body.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("A source in the Orsk ministry said so.")
    >>> speaker_actors(doc[1], {5: ["orsk_ministry"]}), speaker_actors(doc[1], {})
    (['orsk_ministry'], [])
    """
    found = phrase_actors(phrase, index)
    if found or phrase.lemma_.lower() not in source_heads() and phrase.lower_ not in source_heads():
        return found
    return [a for c in phrase.children if c.dep_ == "prep" and c.lower_ in BODY_PREPS
            for obj in c.children if obj.dep_ == "pobj" for a in phrase_actors(obj, index)]


def noun_holders(noun: Token, index: ActorIndex) -> list[str]:
    """The actors who hold what a noun says: its possessor ("X's remarks") or a name before it
    ("an Orsk statement"), its "from",
    "among" or "by" phrase ("a statement from X"), or the agent of a participle that
    modifies it ("the statements made by X"); [] when none is an actor.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Orsk rejected the statements made by Norvela.")
    >>> noun_holders(doc[3], {0: ["orsk"], 6: ["norvela"]}), noun_holders(doc[3], {})
    (['norvela'], [])
    """
    found: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            found += [a for a in phrase_actors(child, index) if a not in found]
        elif child.dep_ == "prep" and child.lower_ in HOLDER_PREPS:
            found += [a for obj in child.children if obj.dep_ == "pobj"
                      for a in phrase_actors(obj, index) if a not in found]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [a for agent in child.children if agent.dep_ == "agent"
                      for obj in agent.children for a in phrase_actors(obj, index)
                      if a not in found]
    return found


def speakers(sentence: Span, index: ActorIndex) -> list[str]:
    """The actors who speak in a sentence: subjects of its reporting verbs (of a coordinated
    one without a subject, that of the verb it is coordinated with: "released a statement
    and said"), the one quoted ("AFP quoted the minister as saying", "he was quoted as
    saying"), "according to X" (an unnamed source inside a body speaks for it: "a source in
    the ministry said"), or the holder of a speech noun (:func:`noun_holders`: "PAP
    released a statement from Omar Delane": Delane, not the agency that released it) that
    no cue judges (:func:`judged`: not "rejected Y's statement")."""
    reporting, found = stance_words("report"), []
    for token in sentence:
        if is_speech_noun(token) and not judged(token):
            found += [a for a in noun_holders(token, index) if a not in found]
        if token.pos_ == "VERB" and token.lemma_.lower() in reporting:
            quoted = token.lemma_.lower() == "quote" and not is_passive(token)
            for child in token.children:
                if child.dep_ in ({"dobj"} if quoted else SUBJECT_DEPS):
                    found += [a for a in speaker_actors(child, index) if a not in found]
            if not quoted and token.dep_ == "conj" and not any(
                    c.dep_ in SUBJECT_DEPS for c in token.children):
                found += [a for a in controller(token, index) if a not in found]
        if token.lower_ == "according" and token.nbor(1).lower_ == "to" if token.i + 1 < len(
                token.doc) else False:
            for obj in token.nbor(1).children:
                found += [a for a in speaker_actors(obj, index) if a not in found]
    return found


def judged(noun: Token) -> bool:
    """True for a speech noun that is the object of a stance cue ("rejected Y's statement",
    "the rejection of Y's claims"): what Y said is judged there, Y does not speak in it."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head is not noun and cue_polarity(head) is not None


def nearest_speakers(token: Token, index: ActorIndex) -> list[str]:
    """The speakers of the nearest reporting verb above a token in the parse ("Kishida told
    Prabowo that Japan wanted ..., the ministry said": Kishida for what he told, not the
    ministry that reports it); [] when no reporting verb above it names an actor."""
    reporting, current, steps = stance_words("report"), token, 0
    while current.head is not current and steps < 12:
        current, steps = current.head, steps + 1
        if current.pos_ == "VERB" and current.lemma_.lower() in reporting \
                and current.lemma_.lower() != "quote":
            found = [a for c in current.children if c.dep_ in SUBJECT_DEPS
                     for a in speaker_actors(c, index)]
            if found:
                return found
    return []


def quoted_speaker(speaking: list[list[str]], n: int) -> list[str]:
    """The speaker of a quotation that runs over sentences: that of the sentence before,
    else of the sentence after (a quotation closed by '..., he said.')."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(speaking) and speaking[m]:
            return speaking[m]
    return []


def unnamed_speaker(sentence: Span, index: ActorIndex) -> bool:
    """True when a reporting verb of the sentence has for subject a role noun the actor layer
    left unlinked ("The spokesperson of the government also pointed out that ...") or a
    speech noun without a holder ("The statement said ..."): the speaker named before."""
    reporting = stance_words("report")
    return any(t.pos_ == "VERB" and t.lemma_.lower() in reporting and any(
        c.dep_ in SUBJECT_DEPS and (c.lemma_.lower() in role_nouns() or is_speech_noun(c))
        and not speaker_actors(c, index) and not noun_holders(c, index)
        for c in t.children) for t in sentence)


def last_speaker(speaking: list[list[str]], n: int) -> list[str]:
    """The speakers of the nearest sentence before sentence ``n`` that has some."""
    return next((found for found in reversed(speaking[:n]) if found), [])


def subject_holders(verb: Token, index: ActorIndex) -> tuple[list[str], bool]:
    """(actors, has a subject) of a verb: the agent of a passive first, else its controller;
    of an infinitive after a possessed noun, the possessor ("Japan's readiness to offer")."""
    for child in verb.children:
        if child.dep_ == "agent":
            agents = [a for obj in child.children for a in phrase_actors(obj, index)]
            if agents:
                return agents, True
    if is_passive(verb):
        return [], True
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return [a for s in subjects for a in speaker_actors(s, index)], True
    if verb.dep_ == "advcl" and verb.head is not verb and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return subject_holders(verb.head, index)[0], False
    owners = [c for c in verb.head.children if c.dep_ == "poss"] if verb.dep_ == "acl" else []
    if owners and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return [a for o in owners for a in phrase_actors(o, index)], False
    return controller(verb, index), False


def reporter(cue: Token, index: ActorIndex, speaking: list[str]) -> list[str]:
    """The speaker who holds a position he reports of himself or of his state: the cue's
    clause is what a reporting verb says ("Kishida told Prabowo that Japan will give a
    push", "he said he wanted ..."), its subject a pronoun or a state (a GPE or NORP) and
    the speaker no state; [] otherwise (a person reported on holds the position:
    "X said Y had agreed to visit"). A reporting verb without a subject of its own ("he was
    quoted as saying") gives the sentence's ``speaking``."""
    verb = cue if cue.pos_ in {"VERB", "AUX"} else cue.head
    while verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in stance_words("report"):
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or not all(t.ent_type_ in STATE_TYPES or t.pos_ == "PRON"
                               and t.lower_ not in RELATIVES for t in subjects):
        return []
    spoken = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if any(t.ent_type_ in STATE_TYPES for t in spoken):
        return []
    return subject_holders(verb.head, index)[0] or speaking
