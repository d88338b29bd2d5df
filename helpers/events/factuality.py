"""Factuality of an event: how firmly the text commits to it, from modal and hedging cues.

Five values, in the spirit of FactBank / TimeML (see docs/annotation_guide_events.md):
``asserted`` (happened, happens, or will happen as plainly stated), ``probable``
("is expected to", "will likely"), ``possible`` ("might", "could", "may"),
``negated`` ("not", "never", "refused to"), ``underspecified`` (the text does not
commit: "whether ... succeeds", "urged X to ...", "must").

The cues are data (``resources/factuality_cues.csv``); the rules only say where
to look: the event's own auxiliaries, negation and adverbs, then the clause
that governs it. A negation belongs to its own clause: a coordinated clause with
a subject of its own does not share it ("Kenya did not condemn X, and Tanzania
criticised Y": the criticism is asserted). What a denial's clause reports is
negated ("denied that its army attacked"); a question's clause is not asserted.
An event noun takes the value of the predicate it is an argument of when that
predicate is a cue ("the visit ... has been postponed": underspecified;
"cancelled his trip": negated; "dismissed reports of a meeting": negated), or of
a participle modifying it ("the postponed visit"), else that of its clause.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["He", "might", "go"],
...           heads=[2, 2, 2], deps=["nsubj", "aux", "ROOT"])
>>> factuality_of(doc[2])
'possible'
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from helpers.events.constructions import headline_infinitive
from helpers.files.resources import resource_rows
from helpers.nlp.tree import children, sent_of

VALUES = ("asserted", "probable", "possible", "negated", "underspecified")

#: Dependency labels through which a clause inherits the commitment of its governor.
_INHERIT = {"conj", "xcomp"}
#: Dependency labels of complement clauses whose governor may mark them as uncommitted.
_EMBEDDED = {"ccomp", "pcomp", "csubj", "advcl", "xcomp", "conj", "relcl"}


@lru_cache(maxsize=None)
def cues() -> dict[str, dict[str, str]]:
    """The factuality cues by kind: ``{"aux": {"might": "possible", ...}, ...}``.

    >>> cues()["governor"]["expect"]
    'probable'
    """
    table: dict[str, dict[str, str]] = {}
    for row in resource_rows("factuality_cues.csv", columns=("cue", "kind", "value")):
        if row["value"] not in VALUES:
            raise ValueError(f"factuality_cues.csv: {row['cue']!r} has value {row['value']!r}, "
                             f"not one of {VALUES}")
        table.setdefault(row["kind"], {})[row["cue"]] = row["value"]
    return table


def clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to: itself for a verb, the nearest verb above a noun.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["began", "visit"], heads=[0, 0],
    ...           deps=["ROOT", "dobj"], pos=["VERB", "NOUN"])
    >>> clause_verb(doc[1]).text
    'began'
    """
    current, steps = token, 0
    while current.pos_ not in {"VERB", "AUX"} and current.head is not current and steps < 12:
        current, steps = current.head, steps + 1
    return current if current.pos_ in {"VERB", "AUX"} else token


def _own(verb: Token) -> str:
    """The value the verb's own children give, '' when they give none."""
    table = cues()
    read = [(child.dep_, child.lower_, child) for child in children(verb)]   # read once
    words = {lower for _, lower, _ in read}
    lemmas = {child.lemma_.lower() for dep, _, child in read if dep == "neg"}
    negated = any(dep == "neg" for dep, _, _ in read) and bool(
        (words | lemmas) & set(table.get("neg", {})))
    modals = [table["aux"][lower] for dep, lower, _ in read
              if dep == "aux" and lower in table.get("aux", {})]
    adverbs = [table["advmod"][lower] for dep, lower, _ in read
               if dep == "advmod" and lower in table.get("advmod", {})]
    if negated:
        # 'might not' leaves it open; 'did not', 'could not', 'will not' deny it.
        return "possible" if {"might", "may"} & words else "negated"
    for value in ("possible", "probable", "underspecified"):
        if value in modals or value in adverbs:
            return value
    return ""


def _marked(verb: Token) -> bool:
    """True when the clause is introduced by a conditional or question word."""
    marks = cues().get("mark", {})
    return any(child.dep_ in {"mark", "advmod"} and child.lower_ in marks
               for child in children(verb))


def _predicate_key(verb: Token) -> str:
    """The lemma of a predicate with its particle ('call off')."""
    particles = [c.lower_ for c in children(verb) if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


def _noun_cue(noun: Token) -> str:
    """The value a cue gives an event noun: its determiner 'no', a participle on it, or the
    predicate it is an argument of ('postponed', 'cancelled', 'dismissed reports of'), ''
    when none does."""
    table = cues()
    kinds = ("noun", "denial", "governor")
    if any(c.dep_ == "det" and c.lower_ in table.get("neg", {}) for c in children(noun)):
        return "negated"                # 'no talks had been planned', 'no meeting took place'
    for child in children(noun):
        if child.dep_ in {"amod", "acl"}:
            for kind in kinds:
                value = table.get(kind, {}).get(child.lemma_.lower())
                if value:
                    return value
    current, steps = noun, 0
    while current.dep_ == "pobj" and current.head.lower_ in {"of", "for", "about", "on"} \
            and current.head.head.pos_ in {"NOUN", "PROPN"} and steps < 4:
        current, steps = current.head.head, steps + 1
    head = current.head
    if current.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        value = table.get("governor", {}).get(_predicate_key(head.head))   # 'called for talks'
        if value:
            return value
    if current.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"}:
        key = _predicate_key(head)
        for kind in kinds:
            value = table.get(kind, {}).get(key)
            if value:
                return "possible" if value == "probable" and _own(head) == "negated" else value
    return ""


def _infinitive(verb: Token) -> bool:
    """True for a 'to' infinitive."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))


def governed_by_modal(token: Token, modals: set[str]) -> bool:
    """True when the token's clause has one of ``modals`` as an auxiliary ('can mediate').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["X", "can", "mediate"],
    ...           heads=[2, 2, 2], deps=["nsubj", "aux", "ROOT"])
    >>> governed_by_modal(doc[2], {"can"})
    True
    """
    verb = clause_verb(token)
    return any(c.dep_ == "aux" and c.lower_ in modals for c in children(verb))


def _question(verb: Token) -> bool:
    """True for the main clause of a sentence that ends with a question mark."""
    return verb.dep_ == "ROOT" and any(t.text == "?" for t in sent_of(verb)[-2:])


def factuality_of(token: Token, *, _depth: int = 0) -> str:
    """The factuality of the event a token (verb or event noun) denotes.

    Look first at the clause's own cues (negation, modals, hedging adverbs), then
    at conditional or question marks, then at the governing predicate: "expected
    to V" is probable, "urged to V" underspecified, "refused to V" negated, what a
    denial reports is negated, and a coordinated clause without a subject of its
    own or an infinitive otherwise shares its governor's value. An event noun first
    takes the value of a cue it is an argument of.
    """
    if token.pos_ in {"NOUN", "PROPN"}:
        value = _noun_cue(token)
        if value:
            return value
    verb = clause_verb(token)
    own = _own(verb)
    if own:
        return own
    if _marked(verb) or _question(verb):
        return "underspecified"
    if headline_infinitive(verb):       # 'Fidan to meet Putin': what is scheduled
        return "probable"
    head = verb.head
    if head is verb or _depth > 10 or verb.dep_ not in _EMBEDDED:
        return "asserted"
    if verb.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(verb)):
        return "asserted"               # a clause of its own: its governor's 'not' is not its
    if verb.dep_ == "conj" and _infinitive(verb) and not _infinitive(head):
        governed = cues().get("governor", {}).get(head.lemma_.lower())
        if governed:                    # 'agreeing to an exchange and to continue talks'
            return governed
    if verb.dep_ == "ccomp" and cues().get("denial", {}).get(_predicate_key(head)):
        return cues()["denial"][_predicate_key(head)]
    if head.lemma_.lower() in cues().get("ancestor", {}):
        return "underspecified"
    if verb.dep_ in {"xcomp", "ccomp"}:
        governed = cues().get("governor", {}).get(head.lemma_.lower())
        if governed and (verb.dep_ == "xcomp" or head.lemma_.lower() in {"refuse", "fail"}):
            return "possible" if governed == "probable" and _own(head) == "negated" else governed
    if verb.dep_ in _INHERIT or verb.dep_ in {"pcomp", "csubj"}:
        return factuality_of(head, _depth=_depth + 1)
    return "asserted"
