"""The predicates of a sentence and their arguments, read from the dependency parse.

A predicate is a verb, or an event noun (:func:`helpers.events.coding.code_noun`) with an
actor of its own. Its arguments:

- a verb's source is its subject (coordinated subjects give one each; a possessor
  stands in for a subject that names no actor: "its army"), the agent of a passive, or,
  without a subject, its controller ("urged X to mediate", "called on X to release");
  its targets are its object or addressee, the subject of a passive, the objects of its
  target prepositions, and what a thing it takes as object is "with/to/against/on";
  what several actors discuss together is a topic, not a target;
- an event noun's source is its possessor, "by X", "from X", "of X" for meetings, visits
  and statements, a national modifier ("Israeli strikes"), else the subject of the verb
  it is the object of or of the clause a "during/at/in" phrase holding it belongs to;
- :func:`helpers.events.pairing.pairs` makes one (source, target) pair per row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from helpers.events.arguments import (INTENDED, INTENT_ADJECTIVES, SUBJECTS, ActorIndex, add,
                                      as_well_as, controller, definite, dependents, honoured,
                                      intent_word, is_passive, phrase_actors, prep_actors,
                                      prep_actors_of, subject_actors)
from helpers.events.coding import Coding, code_noun, code_verb
from helpers.events.constructions import headline_infinitive, infinitival_relative
from helpers.events.factuality import clause_verb
from helpers.events.predicate_words import (misread_subject, misread_verb, nounlike,
                                            target_preps_of, verb_only_coding)
from helpers.nlp.tree import children

#: Verbs in these relations are not events of their own (modifiers, reduced relatives).
_NOT_TRIGGER = {"amod", "acomp", "compound", "prep", "acl", "aux", "auxpass", "agent", "case"}
#: Roots of acts that judge what they are about (praise, criticise, reject): praising
#: "Pakistan's hospitality" is praising Pakistan.
_EVALUATIVE_ROOTS = ("05", "11", "12")
#: Prepositions of a verb's object (a thing) whose objects are the verb's targets too.
_OBJECT_PREPS = ("with", "to", "against", "on")
#: Prepositions whose object event noun takes the governing verb's subject as its source.
_FRAME_PREPS = {"during", "at", "in", "after", "before", "following", "on", "upon"}
#: The code of making a visit, whose "with" names a companion, not whom is visited.
_VISIT = "042"
#: Roots of appeals and offers (invitations, requests): in a frame phrase of a clause
#: ("on the invitation of Y, X arrived") the clause's subject is whom they are made to.
_ASKED_ROOTS = ("02", "03")
#: Roots whose "of X" names the source ("the visit of the envoy"); for the others X is the target.
_OF_IS_SOURCE = ("01", "02", "03", "04", "05")


@dataclass
class Found:
    """One predicate with its arguments, before rows are made."""

    token: Token
    coding: Coding | None
    lemma: str
    sources: list[str]
    targets: list[str]
    code: str = ""
    factuality: str = ""
    note: str = ""
    extra: list[tuple[str, str, str]] = field(default_factory=list)   # (code, source, target)


class SentencePredicates:
    """The predicates of one sentence, with what they share: actors, codings, originators."""

    def __init__(self, span: Span, index: ActorIndex, state: dict):
        self.span = span
        self.index = index
        self.state = state           # shared across sentences: originator, recent rows
        self.codings: dict[int, Coding | None] = {}

    def coding(self, token: Token) -> Coding | None:
        if token.i not in self.codings:
            self.codings[token.i] = (code_verb(token) if token.pos_ == "VERB" or misread_verb(token)
                                     else code_noun(token) if nounlike(token) else None)
        return self.codings[token.i]

    # -- verbs --------------------------------------------------------------------------
    def intent_of(self, token: Token) -> Token | None:
        """The intent verb whose object noun ``token`` complements ("expressed hopes *to
        expand* ties", "attaches importance to *cooperating*"), None if there is none."""
        word = intent_word(token)
        if word is None:
            return None
        if word.pos_ == "ADJ":           # 'is interested in advancing', 'are willing to work'
            return clause_verb(word) if word.lemma_.lower() in INTENT_ADJECTIVES else None
        if token.dep_ == "xcomp":
            return None
        if word.pos_ == "VERB":          # 'committed to achieving', 'attached importance to V-ing'
            coding = self.coding(word)
            return word if coding is not None and coding.role == "intent" else None
        if word.pos_ != "NOUN" or word.dep_ != "dobj":
            return None
        coding = self.coding(word.head)
        return word.head if coding is not None and coding.role == "intent" \
            and word.i in coding.used else None

    def verb(self, token: Token) -> Found | None:
        if token.pos_ != "VERB" and not misread_verb(token):
            return None
        intender = self.intent_of(token)
        if intender is not None:
            coding = self.coding(token)
            sources, targets = self.verb_arguments(token, coding)
            return Found(token, coding, coding.lemma if coding else token.lemma_.lower(),
                         sources or controller(intender, self.index), targets,
                         note=INTENDED if intent_word(token).pos_ == "ADJ" else "")
        if token.dep_ in _NOT_TRIGGER and not headline_infinitive(token) \
                and not infinitival_relative(token):
            return None
        subject = any(c.dep_ in SUBJECTS for c in children(token))
        manner = token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
            c.dep_ in {"mark", "aux"} for c in children(token))     # '..., asserting that'
        if token.dep_ in {"advcl", "pcomp"} and not subject and not manner:
            return None                  # 'to promote', 'by delivering': an aim or a means
        coding = self.coding(token)
        role = coding.role if coding else "event"
        if role in {"skip", "cue"}:
            return None
        if role in {"aspectual", "light"} and (coding is None or not coding.code) and any(
                c.dep_ == "dobj" and self.event_noun(c) for c in children(token)):
            return None                  # 'began his visit', 'held a summit': the noun carries it
        sources, targets = self.verb_arguments(token, coding)
        lemma = coding.lemma if coding else token.lemma_.lower()
        return Found(token, coding, lemma, sources, targets)

    def verb_arguments(self, verb: Token, coding: Coding | None) -> tuple[list[str], list[str]]:
        index = self.index
        sources: list[str] = []
        targets: list[str] = []
        objects: list[Token] = []
        has_subject = False
        misread = misread_verb(verb)
        for child in dependents(verb):
            if child.dep_ in SUBJECTS or misread and misread_subject(child):
                has_subject = True
                actors = subject_actors(child, index)
                if not actors and coding is not None and coding.code and definite(child) \
                        and self.noun_role(child) == "message":
                    actors = self.state["originator"]     # 'The appeal urged ...': its originator
                add(sources, actors)
            elif child.dep_ == "nsubjpass":
                has_subject = True
                add(targets, phrase_actors(child, index))
            elif child.dep_ == "agent":
                add(sources, [a for obj in children(child) if obj.dep_ == "pobj"
                               for a in phrase_actors(obj, index)] + as_well_as(verb, index))
            elif child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ != "ADP" and not any(
                    c.dep_ == "case" for c in children(child)):   # "reinforce Iraq's stance"
                objects.append(child)
        if not has_subject and (verb.dep_ in {"xcomp", "conj", "advcl"} or headline_infinitive(verb)
                                or infinitival_relative(verb)):
            inherited = controller(verb, index)
            add(targets if is_passive(verb) else sources, inherited)
        reciprocal = coding is not None and coding.reciprocal and len(sources) > 1
        for child in objects:     # what several actors discuss together is a topic, no target
            if not reciprocal:
                add(targets, phrase_actors(child, index))
        preps = target_preps_of(coding)
        if coding is not None and coding.code.startswith(_VISIT):
            preps = tuple(p for p in preps if p != "with")   # 'visit X with Y': Y goes along
        add(targets, prep_actors(verb, preps, index))
        add(targets, honoured(verb, index))
        used = coding.used if coding else frozenset()
        for child in children(verb):
            if child.dep_ != "dobj" or phrase_actors(child, index):
                continue
            # a thing as object: its prepositions ('pledged cooperation with Japan'); the
            # possessor of what is judged ('hails Pakistan's hospitality') or of an event
            # noun the pattern used ('welcomed his visit': its visitor)
            add(targets, prep_actors(child, [p for p in preps if p in _OBJECT_PREPS], index))
            evaluates = coding is not None and coding.code[:2] in _EVALUATIVE_ROOTS
            event = child.i in used and self.event_noun(child) is not None
            if event or evaluates and child.i not in used:   # not 'his country's support'
                add(targets, [a for c in children(child) if c.dep_ == "poss"
                              for a in phrase_actors(c, index)])
            if evaluates and not targets:   # 'expressed support for Syria's reconstruction'
                add(targets, [a for p in children(child) if p.dep_ == "prep" and p.lower_ in preps
                              for o in children(p) if o.dep_ == "pobj"
                              for a in subject_actors(o, index)])
        if coding is not None and "from" in coding.target_preps:
            origin = prep_actors(verb, ("from",), index)
            for obj in children(verb):
                if obj.dep_ == "dobj":
                    add(origin, prep_actors(obj, ("from",), index))
            if coding.lemma.endswith("message"):
                self.state["originator"][:] = origin or self.state["originator"]
            elif origin:        # 'took a call from X': the caller is the source
                targets = [t for t in targets if t not in origin] + [
                    s for s in sources if s not in origin]
                sources = origin
        return sources, [t for t in targets if t not in sources or len(sources) > 1]

    # -- nouns ---------------------------------------------------------------------------
    def noun_role(self, token: Token) -> str:
        coding = self.coding(token) if nounlike(token) else None
        return coding.role if coding else ""

    def event_noun(self, token: Token) -> Coding | None:
        coding = self.coding(token) if nounlike(token) else None
        return coding if coding is not None and coding.code and coding.role == "event" else None

    def noun(self, token: Token) -> Found | None:
        coding = self.event_noun(token)
        if coding is None:
            return None
        index = self.index
        sources = [a for c in children(token) if c.dep_ == "poss" for a in phrase_actors(c, index)]
        add(sources, prep_actors(token, ("by",), index))
        head = token.head
        if head is not token and head.pos_ == "VERB" and token.dep_ == "dobj":
            governing = self.coding(head)
            same = governing is not None and governing.code and (
                token.i in governing.used or governing.code[:2] == coding.code[:2])
            if same and (governing.role == "light" or not sources):
                return None   # 'held talks', 'signed an agreement': the verb codes that event
        if not sources:          # 'Israeli strikes', 'the Russian invasion': a national agent
            add(sources, [a for c in children(token) if c.dep_ == "amod"
                          for a in index.get(c.i, ())])
        callers = prep_actors(token, ("from",), index)
        add(sources, callers)
        of = prep_actors(token, ("of",), index)
        targets: list[str] = []
        if coding.code[:2] in _OF_IS_SOURCE and not sources:
            add(sources, of)
        else:
            add(targets, of)
        add(targets, prep_actors(token, target_preps_of(coding), index))
        if token.dep_ == "dobj" and self.coding(head) is not None \
                and self.coding(head).role in {"aspectual", "light"}:
            # 'begin a visit ... to Ghana': the parser hung the noun's phrase on the verb
            add(targets, prep_actors(head, target_preps_of(coding), index))
        # 'negotiations held between A and B': the parties
        parties = prep_actors(token, ("between",), index) + [
            a for c in children(token) if c.dep_ == "acl"
            for a in prep_actors(c, ("between",), index)]
        add(targets, parties)
        governing_verb = self._governing_verb(token)
        if governing_verb is not None and sources and not targets and token.dep_ == "pobj" \
                and coding.code[:2] in _ASKED_ROOTS:
            # 'X arrived on the invitation of Y', 'at the request of Y, X ...': X is asked
            add(targets, [a for a in controller(governing_verb, index) if a not in sources])
        elif governing_verb is not None and (not sources or callers) and len(parties) < 2:
            subject = controller(governing_verb, index)
            if callers:
                add(targets, [s for s in subject if s not in sources])
            else:
                sources = subject
                if coding.reciprocal and not targets and token.dep_ == "pobj" \
                        and not definite(token):   # 'X told Y at a meeting': Y is the partner
                    add(targets, [a for c in children(governing_verb)
                                  if c.dep_ in {"dobj", "dative"} for a in phrase_actors(c, index)])
        targets = [t for t in targets if t not in sources or len(sources) > 1]
        return Found(token, coding, coding.lemma, sources, targets)

    def _governing_verb(self, token: Token) -> Token | None:
        """The verb whose subject is an event noun's agent: the verb it is the object of, the
        offer or appeal it is "to/for" ("agreed to a plan and a meeting with X"), or the clause
        verb of a frame phrase holding it ("at a meeting in Tokyo, A and B agreed": agreed)."""
        while token.dep_ == "conj" and token.head.pos_ == "NOUN":
            token = token.head
        head = token.head
        if token.dep_ == "dobj" and head.pos_ == "VERB":
            return head
        coding = self.coding(head.head) if head.lower_ in {"to", "for"} else None
        if token.dep_ == "pobj" and coding is not None and coding.code[:2] in {"02", "03"}:
            return head.head
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head        # 'on the first day of a visit': the frame is 'on'
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _FRAME_PREPS:
            verb = clause_verb(head.head)
            return verb if verb.pos_ in {"VERB", "AUX"} else None
        return None

    def analyse(self, token: Token) -> Found | None:
        pos = token.pos_
        if pos not in {"VERB", "NOUN", "PROPN"} or pos == "PROPN" and not nounlike(token):
            return None                 # a predicate is a verb, a noun or a nounlike proper noun
        coding = verb_only_coding(token)
        if coding is not None:
            targets = prep_actors(token, target_preps_of(coding), self.index)
            later = [c for c in children(token.head) if c.i > token.i]   # prepositions it lost
            add(targets, [a for c in later for a in prep_actors_of(c, target_preps_of(coding),
                                                                   self.index)])
            return Found(token, coding, coding.lemma, controller(clause_verb(token), self.index),
                          targets)
        if nounlike(token) and not misread_verb(token):
            return self.noun(token)
        return self.verb(token)
