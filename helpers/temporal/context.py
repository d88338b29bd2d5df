"""What the sentence around a temporal expression says about it: the tense that governs it
(and so the direction of a date named without its year), and whether a number counts or names
something, a frequency word is a noun, or an adverb only modifies a noun.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("He will meet the envoy on Tuesday.")
>>> clause_tense(doc, 26, 33)
'future'
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from helpers.nlp.tree import children
from helpers.temporal.lexicon import words
from helpers.temporal.rules import match as match_rule

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}


def is_finite(token: Token) -> bool:
    return token.tag_ in FINITE_TAGS or token.dep_ == "ROOT" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in children(token))


def verb_tense(verb: Token) -> str:
    """'past', 'future' or 'present': a perfect is past ("would have met"), "will" and the
    modals of possibility and obligation ("could resume", "must leave") look ahead."""
    auxes = [c for c in children(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes) and any(a.tag_ == "MD" for a in auxes):
        return "past"
    if any(a.lower_ in FUTURE_AUX or a.lower_ in words()["future_modal"] for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense that governs the span ``start:end``: 'past', 'future', 'present' or None.

    Walks from the span up the parse. A future cue on the way ("ahead of",
    "upcoming", "is expected to", "will") makes it 'future'; otherwise the first
    finite verb decides, unless the span hangs on a noun ("the elections on
    November 11"), whose time the verb does not tell (None), or the noun is what
    a verb of reaction answers ("thanked Orsk for its help of March 2": the help
    came first, 'past').
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    reactions = words()["retro_verb"]
    token, through_noun = span.root, follows_event_noun(doc, span.start)
    for _ in range(len(doc)):
        if not span.start <= token.i < span.end:
            if is_future_cue(token) or any(c.dep_ in ("amod", "aux", "advmod") and is_future_cue(c)
                                           for c in children(token)):
                return "future"
            if through_noun and token.pos_ == "VERB" and token.lemma_.lower() in reactions:
                return "past"
            if token.pos_ in ("VERB", "AUX") and is_finite(token):
                return None if through_noun else verb_tense(token)
            through_noun = through_noun or token.pos_ in ("NOUN", "PROPN")
        if token.head.i == token.i:     # the root (a Token is a new object at each access)
            break
        token = token.head
    return None


def follows_event_noun(doc: Doc, index: int) -> bool:
    """True when the date right after a preposition follows a noun of a dated event or an
    episode ("the elections on November 11", "the summit in May"), which it dates
    whatever verb the parse hangs it on."""
    if index < 2 or doc[index - 1].pos_ != "ADP":
        return False
    noun = doc[index - 2]
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in words()["dated_noun"]
                                    or noun.lemma_.lower() in words()["episode_noun"])


def is_future_cue(token: Token) -> bool:
    """True for a word that puts what follows ahead: "will", "upcoming", "plans", "is set to"."""
    table, lower = words(), token.lower_
    if lower in table["future_cue"] or token.lemma_.lower() in table["future_cue"]:
        return True
    return lower in table["future_cue_to"] and token.i + 1 < len(token.doc) \
        and token.nbor().lower_ in ("to", "for")


def counts_something(doc: Doc, start: int, end: int) -> bool:
    """True when the span is a number that counts or names something, not a year or month:
    it counts a plural noun with no determiner before it ("2019 protesters", "1800 trucks"), or
    follows a capitalised noun it numbers ("Resolution 2231")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start else None
    if (before is not None and before.is_title and before.pos_ in ("NOUN", "PROPN")
            and not match_any(before.text)):
        return True
    determined = before is not None and (before.dep_ in ("det", "poss") or before.tag_ in (
        "POS", "PRP$", "DT"))
    root = span.root
    return root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NNPS") and not determined


def match_any(text: str) -> bool:
    """True when ``text`` alone is a temporal expression ("March", "Monday")."""
    try:
        match_rule(text)
    except ValueError:
        return False
    return True


def names_a_thing(doc: Doc, start: int, end: int) -> bool:
    """True when a frequency word is a noun ("The Vista, a monthly, reported"; "the Daily Star")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    determined = token.i > 0 and doc[token.i - 1].lower_ in ("a", "an", "the")
    return token.pos_ in ("NOUN", "PROPN") or (determined and (after is None or after.is_punct))


def modifies_a_noun(doc: Doc, start: int, end: int) -> bool:
    """True for an adverb inside a noun's modifier ("the previously reached agreements")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "advmod" and span.root.head.dep_ == "amod"
