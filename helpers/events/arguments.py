"""Arguments of a predicate: which actors a phrase names, who controls an infinitive.

Works on the dependency parse and an index from token to the actor ids of the
mentions covering it (several for a mention such as "both leaders").

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Kenya and Ethiopia met.")
>>> index = {0: ["kenya"], 2: ["ethiopia"]}
>>> phrase_actors(doc[0], index)
['kenya', 'ethiopia']
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from spacy.tokens import Doc, Token

from helpers.events.constructions import headline_infinitive, infinitival_relative
from helpers.files.records import Mention
from helpers.nlp.tree import children, sent_of

_RELATIVE = {"who", "whom", "which", "that"}
#: Prepositions of an addressee who controls the infinitive ('called on X to V').
_ADDRESSEE = {"on", "upon", "to"}
SUBJECTS = {"nsubj", "csubj"}
#: Adjectives of intention: what their subject 'is interested in', 'willing', 'ready', 'keen'
#: or 'committed' to do is coded as that subject's intent (03x) to do it.
INTENT_ADJECTIVES = {"interested", "willing", "ready", "keen", "eager", "determined",
                     "prepared", "committed"}
#: The note of a predicate intended through an adjective ('is willing to V').
INTENDED = "intended"
#: Prepositions whose verbal object is what an intent intends ("committed to achieving",
#: "interest in meeting").
INTENT_PREPS = {"to", "for", "on", "in"}

ActorIndex = dict[int, list[str]]


def actor_index(doc: Doc, mentions: Sequence[Mention]) -> ActorIndex:
    """Token index -> actor ids of the mentions covering that token (several for 'both leaders').

    >>> from helpers.nlp.model import get_nlp
    >>> actor_index(get_nlp()("Hi Iraq"), [Mention("m1", 1, 3, 7, "Iraq", "GPE", "NAME", "iraq", "t")])
    {1: ['iraq']}
    """
    index: ActorIndex = defaultdict(list)
    datelines = set(doc.user_data.get("datelines", ()))   # never an event's source or target
    for mention in mentions:
        if not mention.actor_id or (mention.start, mention.end) in datelines:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span if span is not None else ():
            if mention.actor_id not in index[token.i]:
                index[token.i].append(mention.actor_id)
    return dict(index)


def add(found: list[str], more: Sequence[str]) -> list[str]:
    """``found`` with the actors of ``more`` it does not hold yet appended, in order."""
    for actor in more:
        if actor not in found:
            found.append(actor)
    return found


def phrase_actors(token: Token, index: ActorIndex, *, depth: int = 0) -> list[str]:
    """The actors a noun phrase headed by ``token`` refers to, with its coordinated phrases.

    An apposition
    ("Speaker, Mohammad Ghalibaf,") or a national modifier ("the Kenyan
    government") stands in when the head itself names no actor, and a name in apposition
    to a common noun is the actor ("the Orskan capital, Velm": Velm, not Orsk); an appositive
    noun ("a Lebanese surgeon") and a relative pronoun refer to the phrase they
    modify ("who" to the actor named just before it when the parser left its clause loose); a dateline place ("NAIROBI, ...") is never the actor; a title the parser made
    the head of its holder's name ("Minister of Foreign Affairs Eisenhower Mkaka", "President
    of Uzbekistan Shavkat Mirziyoyev") is the person its "of" phrase names.
    """
    if depth > 6:
        return []
    found = [] if _dateline(token) else list(index.get(token.i, ()))
    if token.pos_ == "NOUN":            # 'his Philippine counterpart, Enrique Manalo': the name
        named = [a for c in children(token) if c.dep_ == "appos" and not _bracketed(c)
                 for a in phrase_actors(c, index, depth=depth + 1)]
        found = named or found
    if not found and token.dep_ == "appos":
        found = list(index.get(token.head.i, ()))
    if not found and token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        found = phrase_actors(token.head.head, index, depth=depth + 1)
    elif not found and token.lower_ in _WHO:      # a 'who' clause the parser did not attach
        found = _nearest_before(token, index)     # to its noun: the actor named just before
    for dep in ("appos", "compound", "amod", "nmod"):
        if found:
            break
        for child in children(token):
            if child.dep_ == dep and not _bracketed(child):
                add(found, phrase_actors(child, index, depth=depth + 1) if dep == "appos"
                     else index.get(child.i, ()))
    if not found:      # 'Minister of Foreign Affairs Eisenhower Mkaka': a title parsed as a head
        add(found, [a for prep in children(token) if prep.dep_ == "prep" and prep.lower_ == "of"
                    for obj in children(prep) if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON"
                    for a in phrase_actors(obj, index, depth=depth + 1)])
    for child in children(token):
        if child.dep_ == "conj":
            add(found, phrase_actors(child, index, depth=depth + 1))
        elif child.dep_ == "nmod" and any(c.dep_ == "cc" for c in child.subtree):
            # 'Prime Minister Keir Starmer and French President Emmanuel Macron': the first of
            # two titled names parsed as a modifier of the second
            add(found, [a for c in children(child) if c.dep_ == "appos"
                        for a in phrase_actors(c, index, depth=depth + 1)])
    return found


#: Relative pronouns of persons.
_WHO = {"who", "whom"}


def _nearest_before(token: Token, index: ActorIndex) -> list[str]:
    """The actors of the nearest token before ``token`` in its sentence that names any."""
    for i in range(token.i - 1, sent_of(token).start - 1, -1):
        if i in index:
            return list(index[i])
    return []


def subject_actors(token: Token, index: ActorIndex) -> list[str]:
    """The actors of a subject phrase; its possessor stands in when it names none ("its army
    attacked", "Russia's forces advanced": the state acts through them).

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Kenya's army attacked.")
    >>> subject_actors(doc[2], {0: ["kenya"]})
    ['kenya']
    """
    found = phrase_actors(token, index)
    if not found:
        for child in children(token):
            if child.dep_ == "poss":
                add(found, phrase_actors(child, index))
    return found


def _bracketed(token: Token) -> bool:
    """True for a phrase in brackets ('(Fixture Wire)'): an outlet or an aside, not an actor."""
    left = token.left_edge.i
    return left > 0 and token.doc[left - 1].text == "("


def _dateline(token: Token) -> bool:
    """True for a dateline place ('NAIROBI, March 4 --'): capitals at the start of a sentence."""
    return token.is_upper and len(token) > 2 and token.i == sent_of(token).start


def prep_actors_of(prep: Token, preps: Sequence[str], index: ActorIndex) -> list[str]:
    """The actors of a preposition's objects when it is one of ``preps``."""
    if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in preps:
        return []
    found: list[str] = []
    for obj in children(prep):
        if obj.dep_ == "pobj":
            add(found, phrase_actors(obj, index))
    return found


#: Nouns of the complex prepositions "in honour of", "in honor of": whom a dinner or a
#: reception is given for.
_HONOUR = {"honour", "honor"}


def honoured(token: Token, index: ActorIndex) -> list[str]:
    """The actors of "in honour of X" on ``token`` or on its object ("hosted a dinner in honour
    of the President of Orsk"): the guest, a target of hosting.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Kenya hosted a dinner in honour of Ethiopia.")
    >>> honoured(doc[1], {0: ["kenya"], 7: ["ethiopia"]})
    ['ethiopia']
    """
    found: list[str] = []
    heads = [token] + [c for c in children(token) if c.dep_ == "dobj"]
    for prep in (c for head in heads for c in children(head)):
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in children(prep):
            if noun.dep_ == "pobj" and noun.lower_ in _HONOUR:
                for of in children(noun):
                    add(found, prep_actors_of(of, ("of",), index))
    return found


def prep_actors(token: Token, preps: Sequence[str], index: ActorIndex) -> list[str]:
    found: list[str] = []
    for prep in children(token):
        add(found, prep_actors_of(prep, preps, index))
    return found


def dependents(verb: Token) -> list[Token]:
    """A verb's children, with the subject the parser hung from its auxiliary instead
    ("President X will, later that evening, host ...": X under 'will').

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("President Ost will, later that evening, host his counterpart.")
    >>> [t.text for t in dependents(doc[8]) if t.dep_ == "nsubj"]
    ['Ost']
    """
    own = children(verb)
    return [*own, *(g for c in own if c.dep_ in {"aux", "auxpass"}
                    for g in children(c) if g.dep_ in SUBJECTS | {"nsubjpass"})]


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in {"auxpass", "nsubjpass"} for child in children(verb))


def controller(verb: Token, index: ActorIndex, *, depth: int = 0) -> list[str]:
    """The actors of a verb's logical subject, inherited through xcomp and conj when it has none.

    Object control ("urged X to V", "called on X to V") gives X; subject control and raising
    ("X is expected to V", "X agreed to V") give the governor's subject.
    """
    found: list[str] = []
    for child in dependents(verb):
        if child.dep_ in SUBJECTS or child.dep_ == "nsubjpass":
            add(found, phrase_actors(child, index))
    if found or depth > 6 or verb.head is verb:
        return found
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in children(head) if c.dep_ in {"dobj", "dative"}]
        if objects:
            return phrase_actors(objects[0], index)
        addressed = [o for c in children(head) if c.dep_ == "prep" and c.lower_ in _ADDRESSEE
                     for o in children(c) if o.dep_ == "pobj"]
        if addressed:                    # 'called on X to V', 'appealed to X to V'
            return phrase_actors(addressed[0], index)
    if headline_infinitive(verb):        # 'Fidan to meet Putin': the headline's subject
        return phrase_actors(head, index)
    if infinitival_relative(verb):       # 'the first minister to visit X': the minister
        found = phrase_actors(head, index)
        if not found and head.dep_ == "attr":     # 'X was the first minister to visit'
            found = [a for c in children(head.head) if c.dep_ in SUBJECTS
                     for a in phrase_actors(c, index)]
        return found
    if verb.dep_ in {"xcomp", "conj"} or verb.dep_ == "acomp" and depth:
        # 'X is due to V', 'X is likely to V': through the adjective to the copula's subject
        return controller(head, index, depth=depth + 1)
    return found


def definite(token: Token) -> bool:
    """True for a noun with a definite determiner or a possessor ('the request', 'his visit')."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in children(token))


def as_well_as(verb: Token, index: ActorIndex) -> list[str]:
    """Actors the parse hangs on the verb after 'as well as' ("received by Ost, as well as his
    counterpart Pell"): coordinated with the argument before them."""
    cc = [c.i for c in children(verb) if c.dep_ == "cc" and c.lower_ == "as"]
    return [a for c in children(verb) if cc and c.i > cc[0] and c.dep_ in {"dep", "conj"}
            and c.pos_ in {"NOUN", "PROPN"} for a in phrase_actors(c, index)]


def intent_word(token: Token) -> Token | None:
    """The word a verb complements as what is intended: the head of an 'acl' or 'xcomp', or
    of the preposition ('to', 'in' ...) of a 'pcomp'; None for other verbs."""
    if token.dep_ in {"acl", "xcomp"}:
        return token.head
    if token.dep_ == "pcomp" and token.head.lower_ in INTENT_PREPS:
        return token.head.head
    return None
