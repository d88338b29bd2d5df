"""Linking named mentions to actors: knowledge base, short names, demonyms, capitals, roles.

Rules, in the order tried for each name (the annotation guide says why):

- PERSON: a KB alias; else a short name (one word such as "Hakim") links to the most
  recent preceding person of the document whose name has that part, then to the KB
  surname; else a new id made from the name.
- GPE: a KB state or city; a capital used for its government (subject, possessor,
  "between/with/against ...", or coordinated with one of those) links to its state.
  A capital in a dateline or after "in/to/from/visit" stays the city.
- NORP: a demonym links to its state, but a plural demonym noun to the people as a group
  ("Palestinians said": ``palestinians``); another NORP becomes a group.
- ORG: a KB alias; a generic institution ("Parliament") links to ``<state>_<name>``
  of the state last named in its sentence or before; else a new id.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Ammar al-Hakim met Iranian officials. Hakim left.")
>>> [(l.text, l.actor_id) for l in link_names(doc)]
[('Ammar al-Hakim', 'ammar_al_hakim'), ('Iranian', 'iran'), ('Hakim', 'ammar_al_hakim')]
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from helpers.nlp.aliases import (acronym_ids, defined_acronym, kb_id, known_as_ids, resolve,
                                 short_institution_ids, variant_ids)
from helpers.nlp.countries import is_people
from helpers.nlp.entities import NAME_LABELS, institution_names
from helpers.nlp.kb import KB, load_kb, lookup, slug
from helpers.nlp.name_lists import is_abbreviation, region_names, role_nouns, text_of
from helpers.nlp.metonymy import is_government_use
from helpers.nlp.persons import full_names, link_person, namesake, phoenix_actor
from helpers.nlp.tree import children, entities

_ACRONYM_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP"}
_ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group",
                 "LOC": "place", "FAC": "place"}


@dataclass(frozen=True)
class LinkedName:
    """A named mention with the actor it refers to."""

    start: int
    end: int
    text: str
    label: str
    actor_id: str
    method: str
    type: str = ""


def _alias_ids(doc: Doc, kb: KB, when) -> dict[tuple[int, int], str]:
    """One actor id for both names of each bracket alias pair of ``doc.user_data["aliases"]``:
    a knowledge-base id of either, else a Phoenix id of either, else the id of the name that
    is not an abbreviation (the first when neither is)."""
    out = {}
    for first, second in doc.user_data.get("aliases", ()):
        texts = [text_of(doc)[a:b] for a, b in (first, second)]
        known = [lookup(kb, t) for t in texts]
        phoenix = [phoenix_actor(t, "ORG", when)[0] for t in texts]
        plain = [t for t in texts if not is_abbreviation(t)] or texts
        actor_id = next((k for k in known + phoenix if k), "") or \
            slug(plain[0].removeprefix("the ").removeprefix("The "))
        out[first] = out[second] = actor_id
    return out


def link_names(doc: Doc, *, kb: KB | None = None) -> list[LinkedName]:
    """Link every named entity of a processed ``doc`` (in text order) to an actor id.

    The document decides first: a short name goes to a person the article names in
    full (before it, else after it, as in a headline), and only then to the knowledge
    base's bearer of that surname. A name neither the article's full names nor the
    knowledge base knows is looked up in the Phoenix dictionaries (its CAMEO code read
    against ``doc.user_data["dct"]``). The code and the source of each actor go to
    ``doc.user_data["actor_sources"]`` as ``actor_id -> (source, cameo_code)``.
    """
    kb = kb or load_kb()
    when = doc.user_data.get("dct")
    methods = doc.user_data.get("entity_methods", {})
    sources: dict[str, tuple[str, str]] = doc.user_data.setdefault("actor_sources", {})
    aliases = _alias_ids(doc, kb, when)
    names = full_names(doc, kb, when)
    persons: list[tuple[str, str]] = []       # (actor_id, full name) in text order
    states: list[tuple[int, str]] = []        # (offset, state id) in text order
    acronyms: dict[str, str] = {}             # "WFP" -> the actor of "World Food Programme (WFP)"
    linked: list[LinkedName] = []
    for ent in entities(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        text, label = ent.text, ent.label_
        found = "kb_ruler" if ent.ent_id_ else methods.get((ent.start_char, ent.end_char), "model")
        actor_id, how = kb_id(kb, text), "kb"
        kb_type = kb.actors[actor_id].type if actor_id else ""
        if (ent.start_char, ent.end_char) in aliases:
            actor_id, how = aliases[(ent.start_char, ent.end_char)], "alias"
            kb_type = kb.actors[actor_id].type if actor_id in kb.actors else ""
            if label != "PERSON" and is_abbreviation(text):
                acronyms.setdefault(text, actor_id)
        elif not actor_id and text in acronyms:
            actor_id, how = acronyms[text], "acronym"
            kb_type = kb.actors[actor_id].type if actor_id in kb.actors else ""
        if how in {"acronym", "alias"}:
            pass
        elif label == "NORP" and kb_type == "state" and is_people(ent):
            actor_id, how, kb_type = slug(text), "people", "group"   # "Palestinians": the people
        elif label == "PERSON" and (kb_type != "person" or namesake(text, actor_id, names)):
            actor_id, how = link_person(kb, text, persons, names, ent.start_char, when)
            persons.append((actor_id, text))
            if how == "phoenix":
                sources.setdefault(actor_id, ("phoenix", phoenix_actor(text, label, when)[1]))
        elif label == "PERSON":
            persons.append((actor_id, text))
        elif kb_type == "city" and kb.actors[actor_id].capital_of and is_government_use(ent):
            actor_id, how = kb.actors[actor_id].capital_of, "capital_as_government"
        elif not actor_id and label == "ORG" and text.removeprefix("the ") in institution_names():
            state = states[-1][1] if states else ""   # the state named last before it
            bare = slug(text.removeprefix("the ").removeprefix("The "))   # ids never keep "the"
            actor_id, how = (f"{state}_{bare}", "institution") if state else (bare, "new")
        elif not actor_id and label in {"ORG", "NORP"} and (known := phoenix_actor(text, label, when))[0]:
            actor_id, how = known[0], "phoenix"
            sources.setdefault(actor_id, ("phoenix", known[1]))
        elif not actor_id and label == "NORP" and text in region_names():
            actor_id, how = slug(region_names()[text]), "region"   # "African": Africa
        elif not actor_id and label in _ACTOR_LABELS:
            actor_id, how = slug(text.removeprefix("the ").removeprefix("The ")), "new"
        if how == "alias" and actor_id not in kb.actors and actor_id not in sources:
            codes = [phoenix_actor(text_of(doc)[a:b], "ORG", when) for (a, b), i in aliases.items()
                     if i == actor_id]
            code = next((c for i, c in codes if i == actor_id and c), "") or \
                next((c for _, c in codes if c), "")
            if code:
                sources[actor_id] = ("phoenix", code)
        if actor_id and actor_id in kb.actors and kb.actors[actor_id].type == "state":
            states.append((ent.start_char, actor_id))
        if actor_id and label != "PERSON" and (acronym := defined_acronym(ent)):
            acronyms.setdefault(acronym, actor_id)
        kind = kb.actors[actor_id].type if actor_id in kb.actors else _ACTOR_LABELS.get(label, "")
        if how == "new" and label == "GPE":
            kind = "city"
        elif how == "region":
            kind = "place"
        linked.append(LinkedName(ent.start_char, ent.end_char, text, label, actor_id,
                                 f"{found}/{how}" if actor_id else found, kind))
    return _one_id_per_actor(doc, linked, sources)


def _one_id_per_actor(doc: Doc, linked: list[LinkedName], sources: dict) -> list[LinkedName]:
    """The names an article gives one actor in several forms take one id
    (:mod:`helpers.nlp.aliases`): acronyms of its long forms (an acronym the article
    defines in brackets means that everywhere in it), "known as" names, variant spellings
    of a person's full name, an institution's head noun alone ("the Assembly")."""
    def is_open(n: LinkedName) -> bool:
        return n.method.endswith("/new") and n.label != "PERSON" and is_abbreviation(n.text)
    mapping = acronym_ids([(n.start, n.text, n.actor_id, is_open(n)) for n in linked
                           if n.actor_id and n.label in _ACRONYM_LABELS])
    defined = {n.text: n.actor_id for n in linked if n.method.endswith(("/alias", "/acronym"))}
    mapping.update({n.actor_id: defined[n.text] for n in linked  # one acronym, one actor
                    if n.text in defined and n.actor_id != defined[n.text] and is_abbreviation(n.text)})
    mapping.update(known_as_ids(text_of(doc), [(n.start, n.end, n.actor_id) for n in linked
                                               if n.actor_id]))
    mapping.update(variant_ids([(n.text, n.actor_id, not n.method.endswith("/new"))
                                for n in linked if n.label == "PERSON" and n.actor_id]))
    mapping.update(short_institution_ids([(n.text, n.actor_id, n.method.endswith("/new"))
                                          for n in linked if n.label == "ORG" and n.actor_id]))
    if not mapping:
        return linked
    kinds = {}
    for n in linked:
        kinds.setdefault(n.actor_id, n.type)     # the type of an id's first name
    out = []
    for n in linked:
        kept = resolve(mapping, n.actor_id)
        if kept != n.actor_id:
            if n.actor_id in sources:
                sources.setdefault(kept, sources[n.actor_id])
            n = replace(n, actor_id=kept, method=f"{n.method.split('/')[0]}/same_actor",
                        type=kinds.get(kept, n.type))
        out.append(n)
    return out


_ROLE_DEPS = {"compound", "amod", "nmod", "poss", "case"}
_SKIP_CHILD = {"relcl", "acl", "det", "punct", "cc", "conj", "appos"}
_SKIP_INNER = {"relcl", "acl", "punct", "appos"}


def _join(tokens: list) -> str:
    """Tokens back into text, as written (with their own spacing)."""
    return "".join(t.text_with_ws for t in tokens).strip(" ,")


def _phrase(head, *, top: bool = True) -> list:
    """A noun phrase without relative clauses, determiners, coordination, appositions,
    nor (at its top) a possessor ("Iran’s", "his")."""
    tokens = [head]
    for child in children(head):
        if child.dep_ not in (_SKIP_CHILD | {"poss"} if top else _SKIP_INNER):
            tokens += _phrase(child, top=False)
    return sorted(tokens, key=lambda t: t.i)


def _is_title_head(tok) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"} and tok.ent_type_ in {"", "ORG"}


def role_tokens(span: Span) -> list[list]:
    """The titles and appositions around a person's name, as lists of tokens.

    Three places: words before the name in its noun phrase ("Iraqi politician Ammar
    al-Hakim"), an apposition after it ("Hakim, head of ..."), and the noun the name is
    in apposition to ("Iran’s Speaker of Parliament, Mohammad Bagher Ghalibaf").
    """
    doc, root = span.doc, span.root
    roles: list[list] = []
    before = [t for t in _phrase(root) if t.i < span.start]
    # a title never runs back over a verb or another person's name (a headline parsed as one
    # phrase: "PRIME MINISTER MANELE MEETS PNG DEPUTY PRIME MINISTER JOHN ROSSO")
    cut = max((k for k, t in enumerate(before) if t.pos_ in {"VERB", "AUX"}
               or t.ent_type_ == "PERSON"), default=-1)
    before = before[cut + 1:]
    if before:
        roles.append(before)
    for child in children(root):
        if child.dep_ == "appos" and child.i >= span.end and _is_title_head(child):
            roles.append(_phrase(child))
    if root.dep_ == "appos" and root.head.i < span.start and _is_title_head(root.head):
        roles.append(_phrase(root.head))
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < span.start \
            and _is_title_head(root.head.head) and root.head.head.tag_ in {"NN", "NNP"}:
        # "President of Uzbekistan Shavkat Mirziyoyev" parsed as the object of "of"
        roles.append([t for t in _phrase(root.head.head) if t.i < span.start])
    elif span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in role_nouns() \
            and doc[span.start - 2].pos_ == "NOUN" and doc[span.start - 2].head.i < span.start:
        roles.append(_phrase(doc[span.start - 2]))   # an apposition the parser missed
    elif not before and span.start >= 1 and doc[span.start - 1].lower_ in role_nouns() \
            and doc[span.start - 1].pos_ == "NOUN" and not span.start <= doc[span.start - 1].head.i < span.end:
        # a title the parser cut from its name ("his Ukrainian counterpart Andrii Sybiha")
        roles.append([t for t in _phrase(doc[span.start - 1]) if t.i < span.start])
    return [tokens for tokens in roles if any(t.text[0].isalpha() for t in tokens)]


#: The roles of the persons of each doc asked about (:func:`person_role`), while the doc lives:
#: a stream finds the mentions of a whole batch before it builds the actors of each doc.
_ROLES: WeakKeyDictionary[Doc, dict] = WeakKeyDictionary()


def person_role(span: Span, *, kb: KB | None = None) -> tuple[tuple[str, ...], str]:
    """The roles (titles and appositions, as written) and the country (ISO alpha-3) the
    text gives a person.

    The country comes from the first demonym or state named in a role or its possessor,
    in the role's own sentence ("... and Qatar. Algerian Foreign Minister X": Algeria), else
    from a state in an "of" phrase after a titled name ("President X of Kenya").

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Kenyan Foreign Minister Grace Wanjiru spoke.")
    >>> person_role(doc[3:5])
    (('Kenyan Foreign Minister',), 'KEN')
    """
    doc, default = span.doc, load_kb()
    cache = _ROLES.setdefault(doc, {}) if kb is None or kb is default else {}   # once a span
    if (span.start, span.end) not in cache:
        cache[(span.start, span.end)] = _person_role(span, kb or default)
    return cache[(span.start, span.end)]


def _person_role(span: Span, kb: KB) -> tuple[tuple[str, ...], str]:
    roles, country = [], ""
    doc = span.doc
    for tokens in role_tokens(span):
        roles.append(_join(tokens))
        first, last = tokens[0].i, tokens[-1].i
        for ent in entities(doc):
            if not country and first - 3 <= ent.start and ent.end <= last + 1 \
                    and ent.sent.start == tokens[0].sent.start \
                    and "\n" not in text_of(doc)[ent.start_char:tokens[0].idx]:
                found = lookup(kb, ent.text)
                if found and kb.actors[found].type == "state":
                    country = kb.actors[found].country
    if roles and not country:   # "President William Ruto of Kenya": the state of an "of" after the name
        for prep in (c for c in children(span.root) if c.dep_ == "prep" and c.lower_ == "of"):
            found = next((lookup(kb, e.text) for e in entities(doc) if e.start > prep.i
                          and e.end <= prep.right_edge.i + 1), "")
            if found and kb.actors[found].type == "state":
                country = kb.actors[found].country
    return tuple(dict.fromkeys(r for r in roles if r)), country
