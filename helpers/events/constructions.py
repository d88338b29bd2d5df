"""Constructions whose subject the parser leaves out or hangs elsewhere: a headline's "X to
V Y" and the infinitive of "the first X to V". Token tests only; the arguments they give
are read in :mod:`helpers.events.arguments`.
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.nlp.tree import children


def headline_infinitive(verb: Token) -> bool:
    """True for the verb of a headline's "X to V Y" ("Fidan to meet Putin", "Norvela's FM
    Delane to visit Orsk"): with no finite verb, the parser reads the line as the name X
    modified by an infinitive, while news style means X will V.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Fidan to meet Putin during visit to Moscow")
    >>> headline_infinitive(doc[2]), headline_infinitive(get_nlp()("The decision to meet Putin")[3])
    (True, False)
    >>> doc = get_nlp()("Morita to meet Santoso during two-day visit to Jakarta")
    >>> headline_infinitive(doc[2]), headline_infinitive(get_nlp()("Morita wants to meet Santoso")[3])
    (True, False)
    """
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb)):
        return False
    head = verb.head
    if verb.dep_ == "ROOT":          # the parser may also read X as the infinitive's subject
        return any(c.dep_ == "nsubj" for c in children(verb))
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "PROPN" and verb.i > head.i


def infinitival_relative(verb: Token) -> bool:
    """True for an infinitive that modifies a noun of a person or body as its subject ("the
    first foreign minister to have visited Pakistan", "the only leader to attend"): the
    noun's referent does what the infinitive says.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("He was the first minister to have visited Orsk.")
    >>> infinitival_relative(doc[7]), infinitival_relative(get_nlp()("Plans to visit Orsk.")[2])
    (True, False)
    """
    head = verb.head
    return verb.dep_ in {"acl", "relcl"} and verb.pos_ == "VERB" and head.pos_ == "NOUN" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb)) \
        and any(c.dep_ == "amod" and c.lower_ in _ORDINAL for c in children(head))


#: Modifiers of a noun that an infinitive relative follows ("the first X to V", "the only X to V").
_ORDINAL = {"first", "second", "third", "last", "only", "sole"}
