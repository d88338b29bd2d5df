"""Words of a predicate as the tagger and the override table see them: verbs tagged as
nouns, capitalised event nouns outside names, and the prepositions that introduce a target
(used by :mod:`helpers.events.predicates`).
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.events.cameo import verb_lexicon
from helpers.events.coding import Coding
from helpers.nlp.tree import children

#: Prepositions that introduce a target when neither the table nor the pattern names one.
DEFAULT_TARGET_PREPS = ("with", "to", "between", "against", "on")


def verb_only_coding(token: Token) -> Coding | None:
    """A verb the tagger called a noun ('... and mediate between'): a word that is never a noun."""
    if token.pos_ != "NOUN":
        return None
    rows = verb_lexicon().get((token.lower_, "VERB"), ())
    if not any(r.verb_only for r in rows):
        return None
    row = next(r for r in rows if r.verb_only)
    return Coding(row.cameo_code, False, row.lemma, f"override line {row.line}", frozenset(),
                  frozenset(), row.reciprocal, row.role, row.target_preps)


#: Entity labels of names: a capitalised word inside one is a name, not an event noun.
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "LAW"}


def nounlike(token: Token) -> bool:
    """True for a common noun, or a capitalised one the tagger called a proper noun outside
    any name ("begin a 2-day Official Visit to Ghana", "a State Visit").

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("He will begin a 2-day Official Visit to Ghana.")
    >>> [t.text for t in doc if nounlike(t)]
    ['day', 'Visit']
    """
    pos = token.pos_
    if pos == "NOUN":
        return True
    return pos == "PROPN" and token.is_title and token.ent_type_ not in _NAME_LABELS \
        and token.dep_ not in {"compound", "appos", "nsubj"}


def misread_verb(token: Token) -> bool:
    """True for a verb tagged a plural noun heading a clause ('X thanks Y', 'X sides with Y')."""
    return token.tag_ == "NNS" and token.dep_ in {"ROOT", "ccomp", "conj"} and any(
        misread_subject(c) for c in children(token)) and any(
        c.dep_ in {"dobj", "prep"} for c in children(token))


def misread_subject(child: Token) -> bool:
    """The subject of a misread verb: its nsubj, or a proper noun before it read as its compound."""
    return child.dep_ == "nsubj" or child.dep_ == "compound" and child.tag_ == "NNP" \
        and child.i < child.head.i


def target_preps_of(coding: Coding | None) -> tuple[str, ...]:
    if coding is None:
        return DEFAULT_TARGET_PREPS
    return tuple(dict.fromkeys((coding.target_preps or DEFAULT_TARGET_PREPS) + tuple(coding.preps)))
