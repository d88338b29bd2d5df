"""Coreference of actors by rules: pronouns, pairs, groups and definite nominals.

Each rule reads the named mentions already linked (:func:`helpers.nlp.linking.link_names`)
and what the rules resolved before it, in one pass over the tokens:

1. he/him/his/she/her -> a person: first one named earlier in the same sentence (the
   subject first; never the subject of the pronoun's own clause for "him"/"her"), else
   the subject (else the last person) of the nearest earlier sentence naming a person.
2. they/them/their -> the actors of the last plural mention (a pair or a group) of the
   same or the previous two sentences; left unresolved otherwise.
3. "both leaders", "both sides", "the two leaders" -> the last pair of persons joined by
   "and", else the two persons named last; "both governments", "the two rival powers" ->
   the same with states. Actors in the subject of the nominal's own clause are skipped.
4. demonym + role noun ("Iraqi leaders", "senior Iranian officials", "a Kenyan official")
   -> a group actor ``<demonym>_<plural>`` (iraqi_leaders); "the French government" -> the state.
5. "the (Iraqi) politician", "the surgeon" -> the last person with that country and that
   word in a role, else the last person of that country; not when a name follows.

>>> from helpers.nlp.model import get_nlp
>>> from helpers.nlp.linking import link_names
>>> doc = get_nlp()("Ammar al-Hakim met Iraqi leaders. He left.")
>>> [(r[2], r[5]) for r in resolve(doc, link_names(doc))]
[('Iraqi leaders', 'iraqi_leaders'), ('He', 'ammar_al_hakim')]
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from helpers.files.resources import resource_rows
from helpers.nlp.kb import load_kb, slug
from helpers.nlp.linking import LinkedName, person_role

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass
class Ref:
    """Something a later mention may point back to."""

    start: int
    end: int
    actors: tuple[str, ...]
    type: str
    sent: int            # start offset of its sentence
    subject: bool


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, str]]:
    """Role nouns (singular and plural forms) -> (plural, class) from ``coref_role_nouns.csv``.

    >>> role_nouns()["officials"], role_nouns()["power"]
    (('officials', 'person'), ('powers', 'state'))
    """
    table: dict[str, tuple[str, str]] = {}
    for row in resource_rows("coref_role_nouns.csv", columns=("singular", "plural", "class")):
        for form in (row["singular"], row["plural"]):
            if form:
                table[form] = (row["plural"], row["class"])
    return table


def _is_subject(tok) -> bool:
    while tok.dep_ in {"conj", "appos", "compound"} and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _clause_subjects(tok) -> set[int]:
    """Token indices in the subject of the clause ``tok`` belongs to."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    return {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def _last_pair(history: list[Ref], pairs: list[Ref], kind: str, skip: set[str]) -> tuple[str, ...]:
    """The last "X and Y" pair of ``kind``, else the two actors of ``kind`` named last."""
    for ref in reversed(pairs):
        if ref.type == kind and not skip & set(ref.actors):
            return ref.actors
    found: list[str] = []
    for ref in reversed(history):
        actor = ref.actors[0]
        if ref.type == kind and len(ref.actors) == 1 and actor not in skip and actor not in found:
            found.append(actor)
            if len(found) == 2:
                return tuple(reversed(found))
    return ()


def _pronoun(tok, history: list[Ref], gender: dict[str, str]) -> tuple[str, ...]:
    """Rule 1: the person a singular personal pronoun refers to."""
    wanted = "m" if tok.lower_ in MASCULINE else "f"
    persons = [r for r in history if r.type == "person" and len(r.actors) == 1
               and gender.get(r.actors[0], wanted) == wanted]
    sent = tok.sent.start_char
    same = [r for r in persons if r.sent == sent]
    if tok.dep_ in {"dobj", "pobj", "dative"} and tok.lower_ in {"him", "her"}:
        blocked = _clause_subjects(tok)
        doc = tok.doc
        same = [r for r in same if not {t.i for t in doc.char_span(r.start, r.end, alignment_mode="expand")}
                & blocked]
    if same:
        return max(same, key=lambda r: (r.subject, r.start)).actors
    earlier = [r for r in persons if r.sent < sent]
    if not earlier:
        return ()
    last_sent = [r for r in earlier if r.sent == earlier[-1].sent]
    return max(last_sent, key=lambda r: (r.subject, r.start)).actors


def _skip_actors(head, history: list[Ref]) -> set[str]:
    """Actors named in the subject of the clause of ``head``, when ``head`` is not in it."""
    subject = _clause_subjects(head)
    if head.i in subject:
        return set()
    doc = head.doc
    chars = {(doc[i].idx, doc[i].idx + len(doc[i])) for i in subject}
    return {a for r in history for a in r.actors
            if any(r.start <= s and e <= r.end or s <= r.start < e for s, e in chars)}


def _plural_nominal(tok, history, pairs, emit, remember) -> set[int]:
    """Rule 3: "both leaders", "the two rival powers" -> a pair of persons or states."""
    doc, head = tok.doc, tok.head
    if head.tag_ != "NNS" or (tok.lower_ == "two" and (tok.i == 0 or doc[tok.i - 1].lower_ != "the")):
        return set()
    start = doc[tok.i - 1] if tok.lower_ == "two" else tok
    kind = role_nouns()[head.lower_][1]
    skip = _skip_actors(head, history)
    for wanted in (("person", "state") if kind == "person_or_state" else (kind,)):
        actors = _last_pair(history, pairs, wanted, skip)
        if len(actors) == 2:
            end = head.idx + len(head)
            emit(start.idx, end, "PERSON" if wanted == "person" else "GPE", "NOMINAL", actors,
                 "coref:pair")
            remember(start.idx, end, actors, wanted, head, _is_subject(head))
            return set(range(start.i, head.i + 1))
    return set()


def _demonym_before(tok, names: list[LinkedName]) -> LinkedName | None:
    """A demonym (NORP linked to a state) among the words in front of ``tok`` ("senior Iranian officials")."""
    left = tok.left_edge.idx
    for name in names:
        if name.label == "NORP" and name.type == "state" and left <= name.start and name.end <= tok.idx:
            return name
    return None


def _is_title_use(tok) -> bool:
    """A role noun used as a title of a named person ("Iraqi politician Ammar al-Hakim")."""
    doc = tok.doc
    if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
        return True
    return tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"


def _role_nominal(tok, names, countries, roles, history, emit, remember) -> None:
    """Rules 4 and 5: demonym groups, demonym governments, definite role nominals."""
    if _is_title_use(tok):
        return
    kb = load_kb()
    plural, kind = role_nouns()[tok.lower_]
    dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "predet"}]
    demonym = _demonym_before(tok, names)
    start = min([c.left_edge.idx for c in tok.children if c.i < tok.i and c.dep_ != "poss"]
                + [tok.idx])
    end = tok.idx + len(tok)
    owner = [r for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"
             for r in history if r.start == c.idx and r.type == "person"]
    if kind == "state" and tok.tag_ == "NN" and (demonym or owner):
        state = demonym.actor_id if demonym else \
            kb.state_of_country.get(_country(owner[-1].actors[0], countries), "")
        if state:
            emit(owner[-1].start if owner and not demonym else start, end, "GPE", "NOMINAL", [state],
                 "coref:demonym_state" if demonym else "coref:owner_state")
    elif demonym and kind != "state" and (tok.tag_ == "NNS" or {"a", "an"} & set(dets)):
        group = f"{slug(demonym.text)}_{plural}"
        emit(start, end, "NORP", "NOMINAL", [group], "coref:demonym_group")
        remember(start, end, [group], "group", tok, _is_subject(tok))
    elif "the" in dets and tok.tag_ == "NN" and kind == "person":
        country = kb.actors[demonym.actor_id].country if demonym else ""
        persons = [r.actors[0] for r in history if r.type == "person" and len(r.actors) == 1]
        fits = [a for a in persons if not country or _country(a, countries) == country]
        named = [a for a in fits if tok.lower_ in _roles(a, roles)]
        chosen = (named or (fits if demonym else []))[-1:]
        if chosen:
            emit(start, end, "PERSON", "NOMINAL", chosen, "coref:definite")
            remember(start, end, chosen, "person", tok, _is_subject(tok))


def _country(actor_id: str, countries: dict[str, str]) -> str:
    kb = load_kb()
    return kb.actors[actor_id].country if actor_id in kb.actors else countries.get(actor_id, "")


def _roles(actor_id: str, roles: dict[str, str]) -> str:
    kb = load_kb()
    return (kb.actors[actor_id].role.lower() if actor_id in kb.actors else "") + roles.get(actor_id, "")


def resolve(doc: Doc, names: list[LinkedName]) -> list[tuple]:
    """Nominal and pronoun mentions of actors as rows ``(start, end, text, label, kind, actor_id, method)``.

    ``names`` are the linked named mentions of ``doc``, in text order. Each rule's
    result is remembered, so later pronouns can refer back to a resolved one.
    """
    kb, nouns, text = load_kb(), role_nouns(), doc.text
    gender = {a: kb.actors[a].gender for a in kb.actors if kb.actors[a].gender}
    countries: dict[str, str] = {}
    roles: dict[str, str] = {}
    history: list[Ref] = []
    pairs: list[Ref] = []
    rows: list[tuple] = []
    pending = list(names)
    previous: LinkedName | None = None
    consumed: set[int] = set()
    sent_starts = [sent.start_char for sent in doc.sents]

    def remember(start, end, actors, kind, tok, subject=False):
        ref = Ref(start, end, tuple(actors), kind, tok.sent.start_char, subject)
        history.append(ref)
        if len(actors) > 1:
            pairs.append(ref)

    def emit(start, end, label, kind, actors, method):
        for actor in actors:
            rows.append((start, end, text[start:end], label, kind, actor, method))

    for tok in doc:
        while pending and pending[0].start <= tok.idx:
            name = pending.pop(0)
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            kind = "state" if name.type == "state" else name.type
            if name.actor_id and kind in {"person", "state", "organization", "group"}:
                remember(name.start, name.end, [name.actor_id], kind, span.root, _is_subject(span.root))
                if kind == "person" and name.actor_id not in kb.actors:
                    found_roles, country = person_role(span, kb=kb)
                    roles[name.actor_id] = (roles.get(name.actor_id, "") + " "
                                            + "; ".join(found_roles).lower())
                    countries.setdefault(name.actor_id, country)
                if previous and previous.type == name.type and previous.actor_id != name.actor_id \
                        and text[previous.end:name.start].strip() == "and":
                    pairs.append(Ref(previous.start, name.end, (previous.actor_id, name.actor_id),
                                     kind, span.root.sent.start_char, False))
                previous = name
        lower = tok.lower_
        if tok.tag_ in {"PRP", "PRP$"} and (lower in MASCULINE or lower in FEMININE):
            actors = _pronoun(tok, history, gender)
            if actors:
                emit(tok.idx, tok.idx + len(tok), "PERSON", "PRONOUN", actors, "coref:pronoun")
                remember(tok.idx, tok.idx + len(tok), actors, "person", tok, _is_subject(tok))
        elif tok.tag_ in {"PRP", "PRP$"} and lower in PLURAL:
            window = sent_starts[max(bisect_right(sent_starts, tok.idx) - 3, 0)]
            recent = [r for r in pairs if r.sent >= window and r.start < tok.idx]
            if recent:
                emit(tok.idx, tok.idx + len(tok), "PERSON" if recent[-1].type == "person" else "GPE",
                     "PRONOUN", recent[-1].actors, "coref:plural_pronoun")
        elif lower in {"both", "two"} and tok.head.i > tok.i and tok.head.lower_ in nouns:
            consumed |= _plural_nominal(tok, history, pairs, emit, remember)
        elif lower in nouns and tok.pos_ == "NOUN" and tok.i not in consumed:
            _role_nominal(tok, names, countries, roles, history, emit, remember)
    return rows
