"""Speech coded by the verdict it states: a speaker who says that a report is baseless rejects
it (120), one who says that someone is grateful to X praises X (051).

A reporting verb ("said", "pointed out") or a verb of judging ("considered", "described")
whose complement clause has a predicate adjective of one of the families below is coded as
that act of its speaker, as CAMEO codes a statement by what it does (CAMEO 1.1b3 manual,
010: "statements not otherwise specified"; 051 praise; 120 reject):

- dismissal ("the report is baseless", "considered the claims unfounded"): 120, aimed at
  whoever the dismissed thing belongs to ("Tarvia's report", "the report of Tarvia",
  "accusations by Tarvia"), at no one when it names nobody;
- gratitude ("Orsk is grateful to Tarvia", "was thankful for Tarvia's help"): 051, aimed at
  those it is "to" or "for" (the possessor of what it is for).

>>> VERDICTS["baseless"], VERDICTS["grateful"]
('120', '051')
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.events.arguments import ActorIndex, add, phrase_actors, prep_actors
from helpers.events.predicates import Found
from helpers.events.sourcing import is_reporting_verb
from helpers.nlp.tree import children

#: Predicate adjectives of a verdict -> the code of stating it.
VERDICTS = {**{word: "120" for word in (
    "baseless", "unfounded", "groundless", "false", "untrue", "fabricated", "biased",
    "one-sided", "sided", "unbalanced", "misleading", "absurd")},
    **{word: "051" for word in ("grateful", "thankful", "appreciative")}}
#: Verbs of judging that state a verdict on their object ("considered the report baseless").
JUDGING_VERBS = {"consider", "deem", "describe", "call", "term", "find"}
#: Relations of a verb's complement clause or object predicate.
_CLAUSES = {"ccomp", "oprd", "xcomp"}
#: Relations of a copula's predicate adjective.
_PREDICATES = {"acomp", "attr"}


def _predicate_words(head: Token) -> list[Token]:
    """The predicate adjectives of a clause head, with their conjuncts ('one-sided and biased')."""
    words = [head] if head.pos_ == "ADJ" else []
    words += [c for c in children(head) if c.dep_ in _PREDICATES]
    for word in words:                     # grows while it is read: conjuncts of conjuncts
        words += [c for c in children(word) if c.dep_ == "conj" and c not in words]
    return words


def _owners(subject: Token, index: ActorIndex) -> list[str]:
    """Whose a dismissed thing is: its possessor, 'of X', 'by X'."""
    owners = [a for c in children(subject) if c.dep_ == "poss" for a in phrase_actors(c, index)]
    return add(owners, prep_actors(subject, ("of", "by"), index))


def verdict(clause: Token, index: ActorIndex) -> tuple[str, list[str]] | None:
    """(code, targets) of the verdict a complement clause states, None if it states none.

    ``clause`` is the head of the clause (a copula or the adjective itself).
    """
    for word in _predicate_words(clause):
        code = VERDICTS.get(word.lower_)
        if code is None:
            continue
        if code == "051":
            targets = prep_actors(word, ("to", "for"), index)
            for prep in (c for c in children(word) if c.dep_ == "prep" and c.lower_ == "for"):
                for obj in (c for c in children(prep) if c.dep_ == "pobj"):
                    add(targets, _owners(obj, index))
            return (code, targets) if targets else None
        subjects = [c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or any(index.get(s.i) for s in subjects):
            return None          # 'X is biased' judges an actor, not a report
        return code, [a for s in subjects for a in _owners(s, index)]
    return None


def code_verdicts(found: list[Found], index: ActorIndex) -> None:
    """Code each reporting or judging verb whose complement states a verdict as that act
    of its speaker (in place: ``code`` and ``targets`` of the verb's :class:`Found`)."""
    for f in found:
        token = f.token
        if not f.sources or not (is_reporting_verb(token)
                                 or token.lemma_.lower() in JUDGING_VERBS):
            continue
        if f.code and f.code[:2] not in {"01", "04"}:
            continue             # already coded by what it does
        for clause in (c for c in children(token) if c.dep_ in _CLAUSES):
            found_verdict = verdict(clause, index)
            if found_verdict is not None:
                f.code, targets = found_verdict
                f.targets = [t for t in targets if t not in f.sources]
                break


#: Roots of judging acts whose target may be named inside what they are about: comments and
#: concern (01), disapproval and criticism (11), rejection (12).
JUDGING_ROOTS = ("01", "11", "12")
#: Prepositions of what a judgement is about ("concern over", "fears about", "anger at").
_ABOUT = {"over", "about", "at", "against", "on", "regarding", "with"}
#: Codes of those roots that are aimed at no one by what they are about.
_NOT_AIMED = {"010", "011", "017"}


def judged(token: Token, index: ActorIndex, *, clauses: bool = False, objects: bool = True
           ) -> list[str]:
    """The actors named inside what a judging act is about, in text order: "over/about/at/
    against/on X" after it or (with ``objects``) its object, and with ``clauses`` its
    that-clause ("expressed
    fears over the addition of sites under the Philippine-US agreement": the Philippines and
    the United States;
    "denounced that the theories distract from the problems of the Colombian government":
    Colombia). The act judges what they did or hold, so they are its target, as CAMEO aims
    111 (criticize) and 012 (pessimistic comment) at the actor criticised.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Orsk expressed concern over the Tarvian buildup.")
    >>> judged(doc[1], {0: ["orsk"], 5: ["tarvia"]})
    ['tarvia']
    """
    things = [c for c in children(token) if c.dep_ == "dobj" and objects]
    preps = [p for head in [token] + things for p in children(head)
             if p.dep_ == "prep" and p.lower_ in _ABOUT]
    heads = [c for c in children(token) if c.dep_ == "ccomp" and clauses]
    heads += [o for p in preps for o in children(p) if o.dep_ in {"pobj", "pcomp"}]
    found: list[str] = []
    for head in heads:
        for word in head.subtree:
            add(found, index.get(word.i, ()))
    return found


def aim_judgements(found: list[Found], index: ActorIndex) -> None:
    """A judging act with a source and no target is aimed at the actors named in what it is
    about (:func:`judged`), other than its source; a criticism (11x) also at those of its
    that-clause ("denounced that X ..."), while what a denial or rejection (12x) denies is
    not whom: neither its clause nor what its object is about ("denied the reports about X")
    names its target.
    Bare statements (010), declined comment (011) and symbolic acts (017) are aimed at no
    one this way."""
    for f in found:
        if f.code[:2] in JUDGING_ROOTS and f.code not in _NOT_AIMED and f.sources \
                and not f.targets:
            f.targets = [a for a in judged(f.token, index, clauses=f.code[:2] == "11",
                                           objects=f.code[:2] != "12")
                         if a not in f.sources]
