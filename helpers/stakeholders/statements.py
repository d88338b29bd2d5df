"""Statements in the manner of discourse network analysis: who takes which position on what.

A statement is one (actor, concept, agreement) claim of a sentence (Leifeld 2016),
read from the dependency parse around a *cue*: a stance verb ("urged", "rejected",
"agreed"), a stance noun ("support for", "concerns over", "commitment to") or an
evaluative adjective ("baseless", "encouraging"), with the polarity of
``stakeholder_stances.csv``.

- **Actor**: the source the event layer found for the predicate the cue triggers, else
  a verb's subject (the agent of a passive; for an infinitive or a coordinated verb
  without one, its controller); a noun's possessor, its "from"/"among"/"by" phrase or, when it is
  the object of a verb ("expressed support"), that verb's subject; an adjective's
  speaker. When the cue's own subject is no actor ("the visit is encouraging"), the
  actor is the sentence's speaker: the subject of its reporting verb ("said"), the holder
  of a speech noun ("a statement from X"). An object that is what another actor said
  ("rejected the statements made by Y") is Y's statement too (+1).
- **Denials** in reported speech (:func:`denial_statements`): a reporting verb over a
  clause that denies a coded event ("clarifying that no talks had been planned") is the
  speaker's statement against it.
- **Concept** (:func:`concept_of`): what the position is about, the object of the cue
  (its direct object, its infinitive's object or the infinitive itself, the object of
  "for", "on", "to", "against", "over", ...), named by the Phoenix issue code when a
  phrase of the object is listed there, by an actor's id when the object is an actor
  (praise, criticism), else by the lemma of the object's head noun, variants merged
  (``stakeholder_concepts.csv``).
- **Agreement**: +1 / -1, the cue's polarity times the concept word's (a word naming
  the opposite, "instability") times -1 when the cue is negated ("will not tolerate").
- **Factuality** as for events (``helpers.events.factuality``): hedged statements
  ("may back") are kept as ``possible``; a stance the actor is only asked to take
  ("urged X to support ...": underspecified) is not X's statement.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from helpers.events.arguments import ActorIndex, is_passive, phrase_actors
from helpers.events.factuality import clause_verb, factuality_of
from helpers.stakeholders.concepts import LIGHT_VERBS, complement, concept_of
from helpers.stakeholders.cues import KEPT_FACTUALITY, cue_polarity, negated
from helpers.stakeholders.denials import denial_statements
from helpers.stakeholders.lexicon import concept_variants, is_speech_noun, stance_words
from helpers.stakeholders.speech import (HOLDER_PREPS, QUOTES, SUBJECT_DEPS, last_speaker,
                                         nearest_speakers, noun_holders, quoted_speaker,
                                         reporter, speakers, subject_holders, unnamed_speaker)
#: Prepositions whose object is what a cue is about ("in" and "with" only after a noun:
#: "interest in", not "offer support in areas").
OBJECT_PREPS = {"for", "on", "to", "against", "over", "about", "toward", "towards", "of"}
NOUN_PREPS = OBJECT_PREPS | {"in", "with"}
#: Modals by which a speaker demands what the clause says.
DEMAND_MODALS = {"must", "should"}


def holders(cue: Token, index: ActorIndex, speaking: list[str]) -> list[str]:
    """Who holds the position a cue expresses (see the module docstring)."""
    if cue.pos_ == "VERB":
        found, has_subject = subject_holders(cue, index)
        return found or speaking
    if cue.pos_ == "NOUN":
        for child in cue.children:
            if child.dep_ == "poss" or child.dep_ == "compound":
                found = phrase_actors(child, index)
                if found and not (cue.dep_ == "dobj" and subject_holders(cue.head, index)[0]):
                    return found
            if child.dep_ == "prep" and child.lower_ in HOLDER_PREPS:
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if objects:         # named there; unknown when the actor layer left it unlinked
                    return [a for obj in objects for a in phrase_actors(obj, index)]
        if cue.dep_ in {"dobj", "nsubj", "nsubjpass"} and cue.head.pos_ == "VERB":
            found, _ = subject_holders(cue.head, index)
            if found and cue.dep_ == "dobj":
                return found
    if cue.pos_ == "ADJ" and cue.dep_ == "oprd" and cue.head.pos_ == "VERB":
        verb = cue.head                 # "X called Y baseless", "X ..., calling Y baseless"
        return (subject_holders(verb, index)[0] or verb.dep_ == "advcl"
                and subject_holders(verb.head, index)[0] or speaking)
    return speaking


def _objects(cue: Token, index: ActorIndex) -> list[Token]:
    """The tokens that carry what a cue is about, in order (nouns, or verbs to be named).

    An actor addressed by an appeal ("urged X to ...") is no object, nor an actor in a
    prepositional phrase other than "against"; after an actor praised or criticised,
    the reason ("thanked X for ...") is no second object.
    """
    found: list[Token] = []
    children = list(cue.children)
    clause = any(c.dep_ in {"xcomp", "ccomp"} for c in children)
    person = False
    for child in children:
        if child.dep_ in {"dobj", "attr", "oprd"} and child.pos_ in {"NOUN", "PROPN", "PRON", "X"}:
            if index.get(child.i):
                if clause:
                    continue
                person = True
            found.append(child)
        elif child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            found.append(child)
        elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for"
                                           for c in child.children):
            found.append(child)
        elif child.dep_ == "nsubjpass" and cue.pos_ == "VERB" and not index.get(child.i):
            found.append(child)
        elif child.dep_ == "acl" and cue.pos_ == "NOUN" and child.pos_ == "VERB":
            found.append(child)
    for child in children:
        preps = NOUN_PREPS if cue.pos_ == "NOUN" else OBJECT_PREPS
        if child.dep_ == "prep" and child.lower_ in preps and cue.pos_ != "ADJ" and not person:
            found += [c for c in child.children if c.dep_ in {"pobj", "pcomp"}
                      and (not index.get(c.i) or child.lower_ == "against")]
    if (not found and cue.pos_ == "NOUN" and cue.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and cue.head.lemma_.lower() in LIGHT_VERBS):
        found += [o for p in cue.head.children if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS
                  for o in p.children if o.dep_ in {"pobj", "pcomp"} and not index.get(o.i)]
    if not found and is_passive(cue) and cue.dep_ == "conj" and not any(
            c.dep_ == "nsubjpass" for c in children):
        found += [c for c in cue.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                  and not index.get(c.i)]
    if not found and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                                 for c in children):
        found += [c for c in cue.head.children if c.dep_ == "dobj"]
    if cue.pos_ == "NOUN" and predicated(cue):      # "X is full of prejudice (against Y)": X
        found = predicated(cue)
    if cue.pos_ == "ADJ":
        if cue.dep_ == "amod":
            found.append(cue.head)
        elif cue.dep_ == "oprd":        # "called the remarks baseless": what the verb judges
            found += [c for c in cue.head.children if c.dep_ == "dobj"]
        elif cue.dep_ in {"acomp", "ccomp", "conj"}:
            first = cue
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            found += [c for c in first.head.children if c.dep_ in SUBJECT_DEPS]
            found += [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    return found


def predicated(cue: Token) -> list[Token]:
    """The subjects a stance noun is said of by a copula ("X is a mistake", "X and Y are
    full of prejudice"); [] for a noun in no such predicate."""
    if cue.dep_ == "attr":
        verb = cue.head
    elif cue.dep_ == "pobj" and cue.head.head.dep_ in {"acomp", "attr"}:
        verb = cue.head.head.head
    else:
        return []
    if verb.lemma_.lower() != "be":
        return []
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _concepts_of(target: Token, index: ActorIndex, *, depth: int = 0) -> list[tuple[str, int]]:
    """(concept, polarity) of one object token, and of its coordinated or appositive tokens
    (and of those of a container's complement: "claims of differences, the existence of
    armed groups, involvement in drug trafficking and monopoly of power")."""
    if depth > 4:
        return []
    found = concept_of(target, index)
    out = [found] if found else []
    inner = complement(target) if target.pos_ == "NOUN" else None
    for head in (target, inner) if inner is not None else (target,):
        for child in head.children:
            if (child.dep_ == "conj" or child.dep_ == "appos" and not index.get(child.i)) and \
                    child.pos_ == head.pos_ and not bare_verb(child):
                out += [c for c in _concepts_of(child, index, depth=depth + 1) if c not in out]
    return out


def bare_verb(verb: Token) -> bool:
    """True for a verb with no object, clause or prepositional phrase whose lemma names no
    concept ("and going forward"): a coordinated verb like it is no object of the cue."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in concept_variants() and not any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "prep", "nsubjpass"} for c in verb.children)


def embedded(cue: Token) -> bool:
    """True for a cue verb that is the complement of another cue verb ("I want Japan and
    Indonesia to advance cooperation"): the governor's statement holds it, with its object."""
    return (cue.pos_ == "VERB" and cue.dep_ in {"xcomp", "ccomp"}
            and cue.head.pos_ == "VERB" and cue_polarity(cue.head) is not None)


def statement_factuality(cue: Token) -> str:
    """The factuality of a statement: as for events, but a cue under "must" or "should" is
    the speaker's demand, asserted ("must be fully upheld")."""
    verb = clause_verb(cue)
    if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in verb.children):
        return "negated" if negated(verb) else "asserted"
    head = verb.head
    if verb.dep_ == "xcomp" and cue_polarity(head) is not None and not any(
            c.dep_ in {"dobj", "dative"} for c in head.children):
        return statement_factuality(head)
    return factuality_of(cue)


def cue_statements(cue: Token, index: ActorIndex, speaking: list[str],
                   sentence: Span | None = None, sources: dict[int, list[str]] | None = None
                   ) -> list[dict]:
    """Every (actor, concept, agreement, factuality) a cue gives, before sourcing; objects
    outside ``sentence`` (a parse running over a sentence break) are left out. An object
    that is what another actor said (a speech noun with a holder: "rejected the statements
    made by Y", "Y's remarks", "a letter from Y") is also its author's statement: the author
    stands by what he said (+1, whatever the cue)."""
    polarity = cue_polarity(cue)
    if polarity is None or embedded(cue):
        return []
    factuality = statement_factuality(cue)
    if factuality not in KEPT_FACTUALITY:
        return []
    sign = -1 if negated(cue) else 1
    own = cue.pos_ == "NOUN" and any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in
                                     HOLDER_PREPS for c in cue.children)
    actors = ((not own and reporter(cue, index, speaking)) or (sources or {}).get(cue.idx)
              or holders(cue, index, speaking))
    rows = []
    clause_polarity = stance_words("verb_clause").get(cue.lemma_.lower(), polarity)
    for target in _objects(cue, index):
        if sentence is not None and not sentence.start <= target.i < sentence.end:
            continue
        own = clause_polarity if target.dep_ == "ccomp" else polarity
        authors = [a for a in (noun_holders(target, index) if is_speech_noun(target) else [])
                   if a not in actors]
        for concept, concept_polarity in _concepts_of(target, index):
            for actor, agreement in [(a, own * concept_polarity * sign) for a in actors] + [
                    (a, concept_polarity) for a in authors]:
                if actor != concept:
                    rows.append({"actor_id": actor, "concept": concept, "agreement": agreement,
                                 "cue": cue.text, "start": cue.idx,
                                 "end": cue.idx + len(cue.text), "factuality": factuality})
    return rows


def doc_statements(doc: Doc, sentences: list[tuple[int, int, int]], index: ActorIndex,
                   sources: dict[int, list[str]] | None = None,
                   denied: set[int] | None = None) -> list[dict]:
    """The statements of every sentence ``(sentence_id, start, end)`` of a parsed text;
    ``sources`` (trigger offset -> source actors of the event layer's predicate there)
    name the holder of a verb cue where the event layer found one; ``denied`` (trigger
    offsets of the coded events read as negated) gives the denials of reported speech
    (:func:`denial_statements`)."""
    rows = []
    spans = [(sid, doc.char_span(start, end, alignment_mode="expand"))
             for sid, start, end in sentences]
    spans = [(sid, span) for sid, span in spans if span is not None]
    own = [speakers(span, index) for _, span in spans]
    for n, (sentence_id, span) in enumerate(spans):
        speaking = own[n] or (quoted_speaker(own, n) if any(t.text in QUOTES for t in span)
                              else last_speaker(own, n) if unnamed_speaker(span, index)
                              else [])
        for token in span:
            near = nearest_speakers(token, index) or speaking
            for row in (cue_statements(token, index, near, span, sources)
                        + denial_statements(token, index, near, sources, denied)):
                rows.append({"sentence_id": sentence_id, **row})
    return rows
