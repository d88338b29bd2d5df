"""Coded events: who did what to whom, read from the dependency parse.

A trigger is a verb, or an event noun ("visit", "talks") that has an actor of
its own or is the object of an aspectual verb ("began his visit"). Its source
is the subject (coordinated subjects give one row each), the agent of a
passive, or, for an infinitive or coordinated verb without a subject, the
controller ("urged Iraqi leaders to mediate": the leaders). Its target is the
direct object, the addressee, or the object of a target preposition ("with",
"to", "between X and Y"). The CAMEO code comes from the verb lexicon; a verb
the lexicon lacks is kept with an empty code when it has an actor argument.
Rules and their reasons: docs/annotation_guide_events.md.

>>> from helpers.nlp.model import get_nlp
>>> from helpers.nlp.text import sentences
>>> doc = get_nlp()("Kenya invited Ethiopia.")
>>> ms = [Mention("m1", 1, 0, 5, "Kenya", "GPE", "NAME", "kenya", "test"),
...       Mention("m2", 1, 14, 22, "Ethiopia", "GPE", "NAME", "ethiopia", "test")]
>>> [(e.source_actor, e.cameo_code, e.target_actor) for e in extract_events(doc, sentences(doc), ms)]
[('kenya', '036', 'ethiopia')]
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from spacy.tokens import Doc, Token

from helpers.events.cameo import LexiconEntry, goldstein, verb_lexicon
from helpers.events.arguments import (SUBJECTS, ActorIndex, actor_index, add, controller, is_passive,
                         phrase_actors, prep_actors, prep_actors_of)
from helpers.events.factuality import clause_verb, factuality_of
from helpers.files.records import Event, Mention, Sentence
from helpers.events.sourcing import sentence_sourcing, sentence_spans

#: Prepositions that introduce a target when the lexicon names none.
DEFAULT_TARGET_PREPS = ("with", "to", "between", "against")
#: Verbs in these relations are not events of their own (modifiers, purpose clauses).
_NOT_TRIGGER = {"amod", "acomp", "compound", "prep", "acl", "aux", "auxpass", "agent", "case"}


def _entry(token: Token, pos: str) -> LexiconEntry | None:
    """The lexicon entry whose pattern the token's children match, patterned entries first."""
    for entry in verb_lexicon().get((token.lemma_.lower(), pos), ()):
        kind, _, value = entry.pattern.partition(":")
        children = list(token.children)
        if (not kind
                or kind == "obj" and any(c.dep_ == "dobj" and c.lemma_.lower().rstrip("s") == value
                                         for c in children)
                or kind == "prt" and any(c.dep_ in {"prt", "prep"} and c.lower_ == value
                                         for c in children)
                or kind == "prep" and any(c.dep_ == "prep" and c.lower_ == value for c in children)
                or kind == "xcomp" and any(c.dep_ == "xcomp" for c in children)):
            return entry
    return None


def _role(token: Token, pos: str) -> str:
    entries = verb_lexicon().get((token.lemma_.lower(), pos), ())
    return entries[0].role if entries else "event"


def _verb_only(token: Token) -> bool:
    """A verb the tagger called a noun ('... and mediate between'): a word that is never a noun."""
    return token.pos_ == "NOUN" and any(
        e.verb_only for e in verb_lexicon().get((token.lower_, "VERB"), ()))


def _definite(token: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in token.children)


def _event_noun(token: Token) -> LexiconEntry | None:
    entry = _entry(token, "NOUN")
    return entry if entry is not None and entry.cameo_code else None


def _light_object(noun: Token) -> bool:
    """True when the noun is the object of a light verb that carries the event ('held talks')."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    entry = _entry(noun.head, "VERB")
    return entry is not None and entry.pattern.startswith("obj:")


def _verb_arguments(verb: Token, entry: LexiconEntry | None, index: ActorIndex,
                    originator: list[str]) -> tuple[list[str], list[str]]:
    sources: list[str] = []
    targets: list[str] = []
    has_subject = False
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            has_subject = True
            actors = phrase_actors(child, index)
            if not actors and entry is not None and entry.cameo_code and _definite(child) \
                    and _role(child, "NOUN") == "message":
                actors = originator      # 'The appeal urged ...': its originator
            add(sources, actors)
        elif child.dep_ == "nsubjpass":
            has_subject = True
            add(targets, phrase_actors(child, index))
        elif child.dep_ == "agent":
            add(sources, [a for obj in child.children if obj.dep_ == "pobj"
                           for a in phrase_actors(obj, index)])
        elif child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ != "ADP" and not any(
                c.dep_ == "case" for c in child.children):   # "reinforce Iraq's stance"
            add(targets, phrase_actors(child, index))
    if not has_subject and verb.dep_ in {"xcomp", "conj"}:
        inherited = controller(verb, index)
        add(targets if is_passive(verb) else sources, inherited)
    preps = entry.target_preps if entry is not None and entry.target_preps else DEFAULT_TARGET_PREPS
    add(targets, prep_actors(verb, preps, index))
    return sources, [t for t in targets if t not in sources or len(sources) > 1]


def _analyse(token: Token, index: ActorIndex, originator: list[str]):
    """(entry, lemma, sources, targets) when ``token`` triggers an event, else None."""
    if _verb_only(token):
        entry = verb_lexicon()[(token.lower_, "VERB")][0]
        preps = entry.target_preps or DEFAULT_TARGET_PREPS
        targets = prep_actors(token, preps, index)
        # its prepositions may hang on the noun it was coordinated with: take those after it
        later = [c for c in token.head.children if c.i > token.i]
        add(targets, [a for c in later for a in prep_actors_of(c, preps, index)])
        return entry, entry.lemma, controller(clause_verb(token), index), targets
    if token.pos_ == "NOUN":
        entry = _event_noun(token)
        if entry is None or _light_object(token):
            return None
        sources = [a for c in token.children if c.dep_ == "poss" for a in phrase_actors(c, index)]
        add(sources, prep_actors(token, ("by", "of"), index))
        if not sources and token.dep_ == "dobj" and _role(token.head, "VERB") == "aspectual":
            sources = controller(token.head, index)
        return entry, token.lemma_.lower(), sources, \
            prep_actors(token, entry.target_preps or DEFAULT_TARGET_PREPS, index)
    if token.pos_ != "VERB" or token.dep_ in _NOT_TRIGGER:
        return None
    if token.dep_ in {"advcl", "pcomp"} and not any(c.dep_ in SUBJECTS for c in token.children):
        return None                      # 'to promote', 'by delivering': an aim or a means
    role = _role(token, "VERB")
    if role in {"skip", "cue"}:
        return None
    if role == "aspectual" and any(c.dep_ == "dobj" and _event_noun(c) for c in token.children):
        return None                      # 'began his visit': the noun carries the event
    entry = _entry(token, "VERB")
    sources, targets = _verb_arguments(token, entry, index, originator)
    lemma = token.lemma_.lower()
    if entry is not None and entry.pattern.startswith("obj:"):
        lemma = f"{lemma} {entry.pattern[4:]}"
        if "from" in entry.target_preps:
            origin = prep_actors(token, ("from",), index)
            for obj in token.children:
                if obj.dep_ == "dobj":
                    add(origin, prep_actors(obj, ("from",), index))
            originator[:] = origin or originator
    return entry, lemma, sources, targets


def _pairs(entry: LexiconEntry | None, sources: list[str],
           targets: list[str]) -> list[tuple[str, str]]:
    """One (source, target) pair per row; reciprocal predicates pair coordinated sources."""
    if entry is not None and entry.reciprocal and not targets and len(sources) > 1:
        return [(s, o) for s in sources for o in sources if o != s]
    return [(s, t) for s in sources or [""] for t in targets or [""] if s != t or not s]


def extract_events(doc: Doc, sents: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Event]:
    """Every event of the document in text order, ids ``e1``.., one row per (source, target) pair.

    Time fields stay empty: the timeline layer anchors events. Sources and targets are
    actors mentioned in the trigger's own sentence.
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence_id].append(mention)
    originator: list[str] = []
    rows: list[Event] = []
    for sent, span in zip(sents, sentence_spans(doc, sents)):
        # arguments come from the sentence's own mentions: a parse that runs on across a
        # line break (a headline into a dateline) must not lend it the next line's actors
        index = actor_index(doc, by_sentence[sent.sentence_id])
        attribution, source_type = sentence_sourcing(span, by_sentence[sent.sentence_id])
        for token in span:
            found = _analyse(token, index, originator)
            if found is None or not (found[2] or found[3]):
                continue
            entry, lemma, sources, targets = found
            code = entry.cameo_code if entry is not None else ""
            factuality = factuality_of(token)
            for source, target in _pairs(entry, sources, targets):
                rows.append(Event(f"e{len(rows) + 1}", sent.sentence_id, token.text, token.idx,
                                  token.idx + len(token.text), lemma, code, goldstein(code),
                                  source, target, factuality, attribution, source_type))
    return rows

