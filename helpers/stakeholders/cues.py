"""Stance cues: which token carries a position, with which polarity, and whether it is negated.

A cue is a stance verb, noun or adjective of ``stakeholder_stances.csv`` (its lemma, or a
regular stem of its form where the tagger's lemma is wrong); a ``verb_object`` word only
with a direct object ("continue the talks"); a verb that judges its object by an adjective
("called the remarks baseless") is none: the adjective is.
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.stakeholders.lexicon import stance_words

#: Factuality values that make a statement the actor's own.
KEPT_FACTUALITY = ("asserted", "probable", "possible", "negated")


def cue_polarity(token: Token) -> int | None:
    """The polarity of a token as a stance cue (+1, -1), None when it is not one; a
    ``verb_object`` word is a cue only with a direct object ("continue the talks", not
    "continues to be struck").

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Kenya rejected the plan.")
    >>> cue_polarity(doc[1]), cue_polarity(doc[3])
    (-1, None)
    """
    kind = {"VERB": "verb", "NOUN": "noun", "ADJ": "adj"}.get(token.pos_)
    if not kind or token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.pos_ == "PROPN":
        return None
    if token.pos_ == "VERB" and token.dep_ == "amod":     # "expanded access": a modifier
        return None
    if token.pos_ == "VERB" and assessed(token):   # "called the remarks baseless": the adjective
        return None
    words = dict(stance_words(kind))
    if kind == "verb" and any(c.dep_ == "dobj" for c in token.children):
        words.update(stance_words("verb_object"))       # "continue our friendship"
    for lemma in lemma_candidates(token):
        if lemma in words:
            return words[lemma]
    return None


def assessed(verb: Token) -> Token | None:
    """The adjective by which a verb judges its object ("called the remarks baseless",
    "deemed the plan unacceptable"): the verb is then no cue of its own; None otherwise."""
    return next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "ADJ"), None)


def lemma_candidates(token: Token) -> list[str]:
    """The token's lemma, then regular stems of its form, for the lemmas the tagger gets
    wrong ("hoped" read as "hop").

    >>> from helpers.nlp.model import get_nlp
    >>> lemma_candidates(get_nlp()("They hoped so.")[1])[:2]
    ['hop', 'hoped']
    """
    word = token.lower_
    found = [token.lemma_.lower(), word]
    for suffix, back in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""),
                         ("s", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            found.append(word[:-len(suffix)] + back)
    return list(dict.fromkeys(found))


def negated(token: Token) -> bool:
    """True when the cue or the clause it heads carries a negation word."""
    words = stance_words("negation")
    return any(c.dep_ in {"neg", "det"} and c.lower_ in words for c in token.children)
