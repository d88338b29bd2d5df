"""Metonymy of capitals: a capital named for its government ("Tehran said") or as a place
("He flew to Tehran"), decided from the parse.

The annotation guide (section "Capitals") gives the constructions; a capital that none of
them governs is the city. Government nouns come from the Phoenix agents dictionary (sector
``GOV``), so that "the government of Kabul" and "the ambassador to Manila" are read alike.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Tehran said it would send an envoy to the government of Kabul.")
>>> is_government_use(doc[0:1]), is_government_use(doc[-2:-1])
(True, True)
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.nlp.phoenix import agent_code
from helpers.nlp.tree import children

GOVERNMENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
GOVERNMENT_PREPS = {"between", "with", "against", "toward", "towards", "and"}


def is_government_use(span: Span) -> bool:
    """Whether a capital names its government ("Tehran said", "between Tehran and Washington").

    >>> from helpers.nlp.model import get_nlp
    >>> is_government_use(get_nlp()("He flew to Tehran.")[3:4])
    False
    """
    doc = span.doc
    if span.text.isupper() and (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws):
        return False  # dateline
    if (span.start_char, span.end_char) in doc.user_data.get("datelines", ()):
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in GOVERNMENT_DEPS or any(c.dep_ == "case" for c in children(tok)):
        return True     # a possessive also when the parser misses it ("amid Manila's deepening")
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in GOVERNMENT_PREPS or _governed_by_government(prep)


#: Adjectives of place: "close to Moscow" is where, not whom.
_SPATIAL = {"close", "closer", "closest", "near", "nearer", "nearest", "next", "adjacent",
            "nearby", "far", "south", "north", "east", "west", "outside", "inside"}


def _governed_by_government(prep: Token) -> bool:
    """A capital after a preposition names its government when what governs the preposition
    is a national government noun of the Phoenix agents dictionary (sector GOV, "the
    government of Kabul", "ambassador to Manila"; not a city's own "mayor" or "governor"), an
    attitude toward it ("grateful to Ankara", not "close to Moscow"), or a noun it is "for"
    ("support for Kyiv"; a verb's "left for Kabul" is a place)."""
    head, word = prep.head, prep.lower_
    if prep.dep_ != "prep" or head is prep:
        return False
    if head.pos_ in {"NOUN", "PROPN"} and word in {"of", "to"}:
        return agent_code(head.lower_) == "GOV" and head.lemma_.lower() not in _LOCAL_OFFICES
    if head.pos_ == "ADJ" and word in {"to", "toward", "towards"}:
        return head.lower_ not in _SPATIAL
    return word == "for" and head.pos_ == "NOUN"


#: Offices of a city itself: "the mayor of Kabul" is the city's.
_LOCAL_OFFICES = {"mayor", "governor", "municipality", "council", "councillor", "councilor"}
