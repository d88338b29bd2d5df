"""Coreference of actors by rules: pronouns, pairs, groups and definite nominals.

Each rule reads the named mentions already linked (:func:`helpers.linking.link_names`)
and what the rules resolved before it, in one pass over the tokens:

1. he/him/his/she/her -> a person: first one named earlier in the same sentence (the
   subject first; never the subject of the pronoun's own clause for "him"/"her"), else
   the subject (else the last person) of the nearest earlier sentence naming a person.
   A subject pronoun in what someone reports is that speaker ("Delane said that Ost called
   him, but that he refused": Delane); across sentences the main clause's subject comes
   before a reported one ("X said Y did not come. 'No,' he said": X).
   "its" -> the state, organisation or group last named as a subject in the same
   sentence, else in the sentence before.
2. they/them/their -> the actors of the last plural mention (coordinated names of any
   number, "Chile, Peru and Bolivia", or a resolved plural nominal) of the same or the
   previous two sentences; left unresolved otherwise.
3. "both leaders", "both sides", "the two leaders", and definite plurals of role nouns
   ("the ministers", "the sides", "the heads of state") -> the last group of persons
   (coordinated, else the two persons named last); "both governments", "the two rival
   powers" -> the same with states; "sides" and "parties" take whichever group was named
   last. A definite plural without "two"/"both" looks back three sentences at most.
   Actors in the subject of the nominal's own clause are skipped.
4. demonym + role noun ("Iraqi leaders", "senior Iranian officials", "a Kenyan official")
   -> a group actor ``<demonym>_<plural>`` (iraqi_leaders); "the French government" -> the state.
5. "the (Iraqi) politician", "the surgeon" -> the last person with that country and that
   word in a role (not as part of a longer role: a "Prime Minister" is not "the
   minister"), else the last person of that country, else the main subject of the
   sentence before when the text gives that person no role; not when a name follows.
   "his Pakistani counterpart" -> the last person of that country but the owner.

>>> from helpers.annotation import get_pipeline
>>> from helpers.linking import link_names
>>> doc = get_pipeline()("Ammar al-Hakim met Iraqi leaders. He left.")
>>> [(r[2], r[5]) for r in resolve(doc, link_names(doc))]
[('Iraqi leaders', 'iraqi_leaders'), ('He', 'ammar_al_hakim')]
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .cameo import resource_rows
from .kb import load_kb, slug
from .linking import LinkedName, person_role

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}
NEUTER = {"its"}
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
    main: bool = False   # the subject of its sentence's main clause (not of a reported clause)


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


def _is_main_subject(tok) -> bool:
    """True for the subject of the sentence's main verb ("X said Y did": X, not Y)."""
    while tok.dep_ in {"conj", "appos", "compound"} and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _speaker_of(tok) -> set[int]:
    """Token indices of the subject of the reporting verb whose clause holds ``tok``
    ("Delane said that Ost called him, but that he refused": the 'he' is in Delane's clause)."""
    from .sourcing import is_reporting_verb

    current, steps = tok, 0
    while current.head is not current and steps < 10:
        if current.dep_ == "ccomp" and is_reporting_verb(current.head):
            return {t.i for c in current.head.children if c.dep_ in SUBJECT_DEPS
                    for t in c.subtree}
        current, steps = current.head, steps + 1
    return set()


def _clause_subjects(tok) -> set[int]:
    """Token indices in the subject of the clause ``tok`` belongs to."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    return {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def _last_pair(history: list[Ref], pairs: list[Ref], kind: str, skip: set[str],
               since: int = -1) -> tuple[tuple[str, ...], int]:
    """The last group ("X and Y", "X, Y and Z") of ``kind`` and where it ends, else the two
    actors of ``kind`` named last; only groups whose sentence starts at ``since`` or later."""
    for ref in reversed(pairs):
        if ref.type == kind and not skip & set(ref.actors) and ref.sent >= since:
            return ref.actors, ref.end
    found: list[str] = []
    for ref in reversed(history):
        actor = ref.actors[0]
        if ref.type == kind and len(ref.actors) == 1 and actor not in skip and actor not in found \
                and ref.sent >= since:
            found.append(actor)
            if len(found) == 2:
                return tuple(reversed(found)), ref.end
    return (), -1


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
        speaker = _speaker_of(tok)
        doc = tok.doc
        spoken = [r for r in same if speaker and {t.i for t in doc.char_span(
            r.start, r.end, alignment_mode="expand")} & speaker]
        if spoken and tok.lower_ in {"he", "she"}:
            return spoken[-1].actors      # a pronoun subject in what X says is X
        return max(same, key=lambda r: (r.subject, r.start)).actors
    earlier = [r for r in persons if r.sent < sent]
    if not earlier:
        return ()
    last_sent = [r for r in earlier if r.sent == earlier[-1].sent]
    return max(last_sent, key=lambda r: (r.subject, r.main, r.start)).actors


def _neuter(tok, history: list[Ref]) -> tuple[str, str]:
    """Rule 1b: 'its' -> (actor, type) of the state, organisation or group last named as a
    subject in the same sentence, else in the sentence before ('Tanzania denied that its
    army attacked': Tanzania)."""
    bodies = [r for r in history if r.type in {"state", "organization", "group"}
              and len(r.actors) == 1 and r.subject]
    sent = tok.sent.start_char
    same = [r for r in bodies if r.sent == sent]
    if same:
        return same[-1].actors[0], same[-1].type
    earlier = [r for r in bodies if r.sent < sent]
    if earlier and earlier[-1].sent == max(r.sent for r in history if r.sent < sent):
        return earlier[-1].actors[0], earlier[-1].type
    return ()


def _nominal_end(tok) -> int:
    """Index after the head noun of a nominal starting at ``tok`` ("both leaders", "the two rival powers")."""
    head = tok.head if tok.head.i > tok.i else tok
    return head.i + 1


def _skip_actors(head, history: list[Ref]) -> set[str]:
    """Actors named in the subject of the clause of ``head``, when ``head`` is not in it."""
    subject = _clause_subjects(head)
    if head.i in subject:
        return set()
    doc = head.doc
    chars = {(doc[i].idx, doc[i].idx + len(doc[i])) for i in subject}
    return {a for r in history for a in r.actors
            if any(r.start <= s and e <= r.end or s <= r.start < e for s, e in chars)}


def _plural_nominal(tok, history, pairs, emit, remember, since: int = -1) -> set[int]:
    """Rule 3: "both leaders", "the two rival powers", "the ministers" -> a group of persons
    or states (for "sides", "parties": whichever group was named last)."""
    doc, head = tok.doc, tok.head
    if head.tag_ not in {"NNS", "NNPS"} or (
            tok.lower_ == "two" and (tok.i == 0 or doc[tok.i - 1].lower_ != "the")):
        return set()
    start = doc[tok.i - 1] if tok.lower_ == "two" else tok
    kind = role_nouns()[head.lower_][1]
    skip = _skip_actors(head, history)
    found = [(*_last_pair(history, pairs, wanted, skip, since), wanted)
             for wanted in (("person", "state") if kind == "person_or_state" else (kind,))]
    found = [f for f in found if len(f[0]) >= 2]
    if not found:
        return set()
    actors, _, wanted = max(found, key=lambda f: f[1])
    end = head.idx + len(head)
    emit(start.idx, end, "PERSON" if wanted == "person" else "GPE", "NOMINAL", actors, "coref:pair")
    remember(start.idx, end, actors, wanted, head, _is_subject(head))
    return set(range(start.i, head.i + 1))


def _definite_plural(tok, names) -> bool:
    """'the ministers', 'The sides', 'the Presidents of the two countries': a definite plural
    role noun that names no one of its own (no demonym, no actor after 'of')."""
    head = tok.head
    if tok.dep_ != "det" or head.i <= tok.i or head.lower_ not in role_nouns() \
            or head.tag_ not in {"NNS", "NNPS"} or _demonym_before(head, names):
        return False
    named = {n.start for n in names}
    return not any(t.idx in named for t in head.subtree if t.i > head.i)


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
    elif demonym and kind == "person" and tok.tag_ == "NN" and owner:
        # 'his Pakistani counterpart': the last person of that country but the owner
        country = kb.actors[demonym.actor_id].country
        mine = {a for r in owner for a in r.actors}
        fits = [r.actors[0] for r in history if r.type == "person" and len(r.actors) == 1
                and r.actors[0] not in mine and _country(r.actors[0], countries) == country]
        if fits:
            emit(start, end, "PERSON", "NOMINAL", fits[-1:], "coref:counterpart")
            remember(start, end, fits[-1:], "person", tok, _is_subject(tok))
    elif "the" in dets and tok.tag_ == "NN" and kind == "person":
        country = kb.actors[demonym.actor_id].country if demonym else ""
        persons = [r.actors[0] for r in history if r.type == "person" and len(r.actors) == 1]
        fits = [a for a in persons if not country or _country(a, countries) == country]
        named = [a for a in fits if _holds_role(tok.lower_, _roles(a, roles))]
        chosen = (named or (fits if demonym else []))[-1:] or _salient(tok, history, roles)
        if chosen:
            emit(start, end, "PERSON", "NOMINAL", chosen, "coref:definite")
            remember(start, end, chosen, "person", tok, _is_subject(tok))


def _holds_role(noun: str, role_text: str) -> bool:
    """True when ``noun`` is a role the text gives: a word of it, unless it ends a longer
    role noun of the table ('minister' is not a 'Prime Minister')."""
    words = role_text.split()
    for i, word in enumerate(words):
        if word.strip(",;") == noun and not (i and f"{words[i - 1]} {noun}" in role_nouns()):
            return True
    return False


def _salient(tok, history: list[Ref], roles: dict[str, str]) -> list[str]:
    """A definite role nominal no named role fits ('The minister later said'): the main
    subject of the sentence before, if that person has no role in the text."""
    sent = tok.sent.start_char
    earlier = [r for r in history if r.type == "person" and len(r.actors) == 1 and r.sent < sent]
    if not earlier:
        return []
    last = [r for r in earlier if r.sent == earlier[-1].sent and r.main]
    kb = load_kb()
    return [r.actors[0] for r in last[:1]
            if not roles.get(r.actors[0], "").strip()
            and not (r.actors[0] in kb.actors and kb.actors[r.actors[0]].role)]


def _country(actor_id: str, countries: dict[str, str]) -> str:
    kb = load_kb()
    return kb.actors[actor_id].country if actor_id in kb.actors else countries.get(actor_id, "")


def _roles(actor_id: str, roles: dict[str, str]) -> str:
    kb = load_kb()
    return (kb.actors[actor_id].role.lower() if actor_id in kb.actors else "") + roles.get(actor_id, "")


def _coordinated(doc: Doc, names: list[LinkedName]) -> dict[int, Ref]:
    """Groups of coordinated names ("X and Y", "Chile, Peru and Bolivia"), keyed by the start
    of their last name (where the group is complete)."""
    by_root: dict[int, LinkedName] = {}
    for name in names:
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None and name.actor_id:
            by_root.setdefault(span.root.i, name)
    groups: dict[int, Ref] = {}
    for i, name in by_root.items():
        tok = doc[i]
        if tok.dep_ == "conj":
            continue
        chain, stack = [], [tok]
        while stack:
            current = stack.pop()
            if current.i in by_root:
                chain.append(by_root[current.i])
            stack += [c for c in current.children if c.dep_ == "conj"]
        chain.sort(key=lambda n: n.start)
        actors = tuple(dict.fromkeys(n.actor_id for n in chain))
        if len(actors) >= 2:
            kind = "state" if chain[0].type == "state" else chain[0].type
            groups[chain[-1].start] = Ref(chain[0].start, chain[-1].end, actors, kind,
                                          tok.sent.start_char, False)
    return groups


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
    groups = _coordinated(doc, names)
    consumed: set[int] = set()
    sent_starts = [sent.start_char for sent in doc.sents]

    def remember(start, end, actors, kind, tok, subject=False):
        ref = Ref(start, end, tuple(actors), kind, tok.sent.start_char, subject,
                  subject and _is_main_subject(tok))
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
                    role, country = person_role(span, kb=kb)
                    roles[name.actor_id] = roles.get(name.actor_id, "") + " " + role.lower()
                    countries.setdefault(name.actor_id, country)
                group = groups.get(name.start)
                if group is not None:
                    pairs.append(group)
        lower = tok.lower_
        if tok.tag_ in {"PRP", "PRP$"} and (lower in MASCULINE or lower in FEMININE):
            actors = _pronoun(tok, history, gender)
            if actors:
                emit(tok.idx, tok.idx + len(tok), "PERSON", "PRONOUN", actors, "coref:pronoun")
                remember(tok.idx, tok.idx + len(tok), actors, "person", tok, _is_subject(tok))
        elif tok.tag_ == "PRP$" and lower in NEUTER:
            actors = _neuter(tok, history)
            if actors:
                emit(tok.idx, tok.idx + len(tok), "GPE" if actors[1] == "state" else "ORG",
                     "PRONOUN", actors[:1], "coref:its")
        elif tok.tag_ in {"PRP", "PRP$"} and lower in PLURAL:
            window = sent_starts[max(bisect_right(sent_starts, tok.idx) - 3, 0)]
            recent = [r for r in pairs if r.sent >= window and r.start < tok.idx]
            if recent:
                emit(tok.idx, tok.idx + len(tok), "PERSON" if recent[-1].type == "person" else "GPE",
                     "PRONOUN", recent[-1].actors, "coref:plural_pronoun")
        elif lower in {"both", "two"} and tok.head.i > tok.i and tok.head.lower_ in nouns:
            consumed |= _plural_nominal(tok, history, pairs, emit, remember)
        elif lower == "the" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ != "two" \
                and _definite_plural(tok, names):
            since = sent_starts[max(bisect_right(sent_starts, tok.idx) - 3, 0)]
            consumed |= _plural_nominal(tok, history, pairs, emit, remember, since)
        elif lower in nouns and tok.pos_ == "NOUN" and tok.i not in consumed:
            _role_nominal(tok, names, countries, roles, history, emit, remember)
    return rows
