"""Naming a concept: what a position is about, in the field's vocabulary.

The rules of docs/dev_set.md §4.4, in order, for the head of an object phrase:

1. an actor (a person or a state praised, criticised, recognised) is named by its
   actor id; a role noun the actor layer left unlinked ("the leaders", "officials",
   ``coref_role_nouns.csv``) names no concept, unless it belongs to an actor ("the
   Government of Pakistan", "Syria's leaders": that actor);
2. a *container* noun ("the issue of X", "reports that X", "the proposal for X") hands
   over to its complement; an *empty* one ("the importance of X", "efforts to X") names
   nothing without one;
3. a phrase of the object listed in the Phoenix issue dictionary
   (:mod:`helpers.stakeholders.issues`) gives that issue's upper-case code
   ("the continuation of sanctions" -> ``SANCTIONS``);
4. otherwise the lemma of the head noun, in lower case;

and variants of one concept are merged through ``stakeholder_concepts.csv`` (the verb
of a noun, a spelling, a synonym: "collaboration" -> cooperation; a word naming the
opposite gives -1: "instability" -> stability, -1). A verb standing for an action
("agreed to visit") is named by its noun.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("They rejected the proposal for early elections.")
>>> concept_of(doc[3], {})
('ELECTION', 1)
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.events.arguments import ActorIndex, is_passive
from helpers.nlp.coref import role_nouns
from helpers.stakeholders.issues import issue_matches, words
from helpers.stakeholders.lexicon import concept_variants, stance_words

#: Children whose words are not part of the object phrase matched against the issues.
_OUTSIDE = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct"}
#: Verbs that name no action of their own; their subject or object carries the concept.
LIGHT_VERBS = {"be", "have", "make", "take", "give", "do", "get", "hold", "become"}
#: Verbs that only lead to the action or aim they name ("work together to resolve X").
PASS_VERBS = {"work", "try", "strive", "seek", "continue", "move", "act", "help", "need"}
#: Parts of speech of a head noun (the tagger calls some borrowed words X: "coup d'etat").
NOUNS = {"NOUN", "PROPN", "X"}
#: Entity types that never name a concept (dates, times, amounts).
NO_CONCEPT_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_COMPLEMENT_PREPS = {"of", "for", "on", "about", "over"}
#: Tags of a participle modifying a noun ("reports based on rumours", "statements made by").
PARTICIPLES = {"VBN", "VBG"}


def named(word: str) -> tuple[str, int]:
    """A word or issue code under its concept's name, with +1 or -1 (variants merged).

    >>> named("collaboration"), named("instability"), named("bridges")
    (('cooperation', 1), ('stability', -1), ('bridges', 1))
    """
    key = word if word.isupper() else word.lower()
    return concept_variants().get(key, (key, 1))


def _phrase_words(head: Token) -> list[Token]:
    """The tokens of the object phrase headed by ``head``, clauses and conjuncts left out."""
    kept, stack = [], [head]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack += [c for c in token.children if c.dep_ not in _OUTSIDE]
    return sorted(kept, key=lambda t: t.i)


def issue_code(head: Token, index: ActorIndex | None = None) -> str:
    """The Phoenix issue code of the object phrase headed by ``head``, '' when none; words of
    an actor's name (``index``) are no issue ("differences between the Taliban leaders" is
    no NAMED_TERROR_GROUP: the Taliban are an actor)."""
    index = index or {}
    tokens = [t for t in _phrase_words(head) if not index.get(t.i)]
    sequence = [w for t in tokens for w in words(t.text)]
    context = [w for t in head.sent for w in words(t.text)]
    found = issue_matches(sequence, context=context)
    return found[0][2] if found else ""


def hyphenated(token: Token) -> str:
    """The hyphenated word a token is part of ("non-alignment" split by the tokeniser into
    "non", "-", "alignment"), lower case; '' for a token that is part of none.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("a policy of non-alignment and of peace")
    >>> hyphenated(doc[3]), hyphenated(doc[5]), hyphenated(doc[8])
    ('non-alignment', 'non-alignment', '')
    """
    doc, start, end = token.doc, token.i, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ \
            and not doc[end + 1].whitespace_:
        end += 2
    return doc[start:end + 1].text.lower() if end > start else ""


def noun_lemma(head: Token) -> str:
    """A noun's lemma in lower case (its form when singular: the lemmatiser mangles some);
    a hyphenated word whole ("non-alignment")."""
    return hyphenated(head) or (head.lower_ if head.tag_ in {"NN", "NNP"}
                                else head.lemma_.lower())


def complement(head: Token) -> Token | None:
    """The complement a container noun hands over to: its of/for phrase, its clause, or the
    noun before it ("the ceasefire proposal") or an adjective that is a variant of a concept
    ("the cooperative relationship"); a participle modifying it hands over to the container
    it leads to ("reports based on rumours that X": the rumours' X) and otherwise names
    nothing; None for a noun that is no container or stance noun."""
    lemma = noun_lemma(head)
    if not any(lemma in stance_words(kind) for kind in ("container", "empty", "noun")):
        return None
    for child in head.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            return child
        if child.dep_ == "amod" and child.lower_ in concept_variants():
            return child
        if child.dep_ in {"acl", "ccomp", "relcl"} and child.pos_ in {"VERB", "AUX"} and any(
                c.lower_ == "that" for c in child.children if c.dep_ == "mark") or (
                child.dep_ in {"acl", "ccomp"} and child.pos_ == "VERB"
                and child.tag_ not in PARTICIPLES):
            return child
        if child.dep_ == "acl" and child.tag_ in PARTICIPLES:
            inner = [o for p in child.children if p.dep_ == "prep" for o in p.children
                     if o.dep_ == "pobj" and complement(o) is not None]
            if inner:
                return inner[0]
        if child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    return obj
    return None


def _aim(verb: Token) -> Token | None:
    """What a verb that only leads to an aim leads to: its "to" clause or its for/on object."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" or child.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "on", "toward", "towards"}:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    return obj
    return None


def verb_concept(verb: Token, index: ActorIndex | None = None, *, depth: int = 0
                 ) -> tuple[str, int] | None:
    """The concept of an action: the concept of its object ("supply patrol ships" -> ship;
    past an actor it is done to, the "with" object: "supply Indonesia with ships"),
    else the verb named by its noun ("meet" -> meeting, "strike Beirut" -> strike); a verb
    that only leads to an aim ("work to resolve X") hands over to it; a stance verb with an
    actor as object ("agree to support Syria") names that actor; a light verb
    ("would be successful") to the noun its subject names; None for none of these, and for
    an action on a pronoun ("strengthen that", "drive it out"): what it stands for is
    named where it was said (a pronoun that refers to an actor is that actor: "join him").

    >>> from helpers.nlp.model import get_nlp
    >>> verb_concept(get_nlp()("They agreed to meet.")[3])
    ('meeting', 1)
    """
    index = index or {}
    lemma = verb.lemma_.lower()
    polarity = stance_words("verb").get(lemma)
    people = [index[c.i][0] for c in verb.children if c.dep_ == "dobj" and index.get(c.i)]
    if polarity is not None and people:
        return people[0], polarity
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
               and c.pos_ in NOUNS and not index.get(c.i)]
    objects += [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                and not index.get(c.i)]
    if not objects and any(c.dep_ == "dobj" for c in verb.children):    # "supply X with Y"
        objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                   for o in c.children if o.dep_ == "pobj" and not index.get(o.i)]
    if not objects and any(c.dep_ == "dobj" and c.pos_ == "PRON" and not index.get(c.i)
                           for c in verb.children):
        return None
    if not objects and is_passive(verb):
        objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"into", "to"}
                   for o in c.children if o.dep_ == "pobj" and not index.get(o.i)]
    found = next((f for f in (concept_of(o, index, depth=depth + 1) for o in objects) if f),
                 None)
    if found and lemma not in LIGHT_VERBS:
        against = stance_words("verb").get(lemma, 1) < 0 and depth > 0
        return (found[0], -found[1]) if against else found
    if lemma in PASS_VERBS and depth < 4:
        aim = _aim(verb)
        return concept_of(aim, index, depth=depth + 1) if aim is not None else None
    if lemma not in LIGHT_VERBS:
        return named(verb.lower_ if verb.lower_ in concept_variants() else lemma)
    return found


def concept_of(head: Token, index: ActorIndex, *, depth: int = 0) -> tuple[str, int] | None:
    """(concept, +1/-1) of the object phrase headed by ``head``; None for a word that names
    nothing (a pronoun that refers to no actor)."""
    actors = index.get(head.i, ())
    if actors:
        return actors[0], 1
    if depth > 6:
        return None
    if head.pos_ in {"VERB", "AUX"}:
        return verb_concept(head, index, depth=depth)
    if (head.pos_ == "PRON" or head.is_punct or head.like_num or head.text.startswith("@")
            or head.ent_type_ in NO_CONCEPT_TYPES):
        return None
    lemma = noun_lemma(head)
    if head.lower_ in role_nouns() or lemma in role_nouns():
        owners = [o for c in head.children if c.dep_ == "poss" or c.dep_ == "prep"
                  and c.lower_ == "of" for o in ([c] if c.dep_ == "poss" else c.children)
                  if index.get(o.i)]
        return (index[owners[0].i][0], 1) if owners else None
    empty = lemma in stance_words("empty")
    if empty or lemma in stance_words("container") or lemma in stance_words("noun"):
        inner = complement(head)
        found = concept_of(inner, index, depth=depth + 1) if inner is not None else None
        if found or empty:
            return found
    code = issue_code(head, index)
    return named(code) if code else named(lemma)
