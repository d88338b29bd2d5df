"""What coreference rules refer back to: remembered mentions, groups of coordinated actors,
role nouns, and the subjects of clauses.

>>> role_nouns()["officials"]
('officials', 'person')
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from helpers.files.resources import resource_rows
from helpers.nlp.linking import LinkedName
from helpers.nlp.name_lists import role_nouns
from helpers.nlp.tree import children, sent_of

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
#: Nouns of something two parties do together ("their call", "their talks").
RECIPROCAL_NOUNS = {"call", "calls", "talks", "meeting", "meetings", "discussion", "discussions",
                    "conversation", "summit", "encounter", "exchange", "dialogue"}


#: Verbs whose subject and object meet ("X hosted Y", "X met Y", "X received Y").
MEETING_VERBS = {"meet", "host", "receive"}


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


def role_word(tok) -> str:
    """The role noun of the table a noun token stands for, '' if none: its own word, or a
    hyphenated word it ends ("president-elect" is parsed as "president", "-", "elect"). A
    capitalised role noun counts ("the President said") unless it is part of a name.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("The president-elect met the President and Minister Ali.")
    >>> [role_word(t) for t in doc if t.pos_ in {"NOUN", "PROPN"}]
    ['president', 'president-elect', 'president', 'minister', '']
    """
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_:
        return ""
    doc, table = tok.doc, role_nouns()
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and f"{doc[tok.i - 2].lower_}-{tok.lower_}" in table:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lower_ if tok.lower_ in table else ""


def noun_number(tok) -> str:
    """'NN' for a singular noun, 'NNS' for a plural one, proper or common; else its tag."""
    return {"NNP": "NN", "NNPS": "NNS"}.get(tok.tag_, tok.tag_)


@lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    """The reporting verbs of ``sourcing_cues.csv`` (say, tell, deny, ...)."""
    return frozenset(r["cue"] for r in resource_rows("sourcing_cues.csv", columns=("cue", "kind"))
                     if r["kind"] == "verb")


def is_subject(tok) -> bool:
    while tok.dep_ in {"conj", "appos", "compound"} and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def is_main_subject(tok) -> bool:
    """True for the subject of the sentence's main verb ("X said Y did": X, not Y)."""
    while tok.dep_ in {"conj", "appos", "compound"} and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def speaker_of(tok) -> set[int]:
    """Token indices of the subject of the reporting verb whose clause holds ``tok``
    ("Delane said that Ost called him, but that he refused": the 'he' is in Delane's clause)."""
    current, steps = tok, 0
    while current.head is not current and steps < 10:
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in reporting_verbs():
            return {t.i for c in children(current.head) if c.dep_ in SUBJECT_DEPS
                    for t in c.subtree}
        current, steps = current.head, steps + 1
    return set()


def clause_subjects(tok) -> set[int]:
    """Token indices in the subject of the clause ``tok`` belongs to."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in children(verb)):
        verb = verb.head
    return {t.i for c in children(verb) if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def last_pair(history: list[Ref], pairs: list[Ref], kind: str, skip: set[str],
               since: int = -1, size: int = 0, own: int = -1) -> tuple[tuple[str, ...], int]:
    """The last group ("X and Y", "X, Y and Z") of ``kind`` and where it ends, else the two
    actors of ``kind`` named last; only groups whose sentence starts at ``since`` or later and,
    with ``size``, of that many actors ("the two sides" is no group of five). Two actors named
    after the group, both before the sentence of the nominal (which starts at ``own``), are
    taken over it ("X and Y met. ... Z's ties with W. The two sides signed": Z and W)."""
    group = next((ref for ref in reversed(pairs) if ref.type == kind and not skip & set(ref.actors)
                  and ref.sent >= since and (not size or len(ref.actors) == size)), None)
    two = _last_two(history, kind, skip, since)
    if group is not None and not (len(two) == 2 and two[1].end > group.end and two[0].sent < own):
        return group.actors, group.end
    return (tuple(r.actors[0] for r in reversed(two)), two[1].end) if len(two) == 2 else ((), -1)


def _last_two(history: list[Ref], kind: str, skip: set[str], since: int) -> list[Ref]:
    """The mentions of the two distinct actors of ``kind`` named last, the later first."""
    found: list[Ref] = []
    for ref in reversed(history):
        actor = ref.actors[0]
        if ref.type == kind and len(ref.actors) == 1 and actor not in skip \
                and actor not in {r.actors[0] for r in found} and ref.sent >= since:
            found.append(ref)
            if len(found) == 2:
                break
    return found


def skip_actors(head, history: list[Ref]) -> set[str]:
    """Actors named in the subject of the clause of ``head``, when ``head`` is not in it."""
    subject = clause_subjects(head)
    if head.i in subject:
        return set()
    doc = head.doc
    chars = {(doc[i].idx, doc[i].idx + len(doc[i])) for i in subject}
    return {a for r in history for a in r.actors
            if any(r.start <= s and e <= r.end or s <= r.start < e for s, e in chars)}


def coordinated(doc: Doc, names: list[LinkedName]) -> dict[int, Ref]:
    """Groups of coordinated names ("X and Y", "Chile, Peru and Bolivia"; a role noun with a
    name in apposition stands for that name, "X and his counterpart Y"; persons' names parsed
    in apposition to each other are a list), keyed by the start of their last name (where the
    group is complete)."""
    by_root: dict[int, LinkedName] = {}
    for name in names:
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None and name.actor_id:
            by_root.setdefault(span.root.i, name)
    def listed(tok) -> bool:
        """A person's name parsed in apposition to another person's name: a list ("as X, Y,
        Z and W"), for no name is another person's apposition."""
        return tok.dep_ == "appos" and tok.head.i in by_root and tok.i in by_root \
            and by_root[tok.i].label == by_root[tok.head.i].label == "PERSON"

    groups: dict[int, Ref] = {}
    for i, name in by_root.items():
        tok = doc[i]
        if tok.dep_ == "conj" or listed(tok):
            continue
        chain, stack = [], [tok]
        while stack:
            current = stack.pop()
            if current.i in by_root:
                chain.append(by_root[current.i])
            elif current is not tok:    # "X and his Rwandan counterpart Y": the name in apposition
                chain += [by_root[c.i] for c in children(current) if c.dep_ == "appos" and c.i in by_root][:1]
            stack += [c for c in children(current) if c.dep_ == "conj" or listed(c)]
        chain.sort(key=lambda n: n.start)
        actors = tuple(dict.fromkeys(n.actor_id for n in chain))
        if len(actors) >= 2:
            kind = "state" if chain[0].type == "state" else chain[0].type
            groups[chain[-1].start] = Ref(chain[0].start, chain[-1].end, actors, kind,
                                          sent_of(tok).start_char, False)
    return groups


def reciprocal_persons(tok, names: list[LinkedName], history: list[Ref]) -> tuple[str, ...]:
    """'their' before a noun of something done together ("In their call, X told Y") -> the
    persons named in its own sentence when there are two or more, else those of the sentence
    before (``history`` in text order); () when there are fewer than two or another noun
    follows. A possessive of a reciprocal noun needs two parties, so the persons in reach are
    the likeliest ones (the salience of Lappin and Leass 1994, restricted to persons)."""
    if tok.tag_ != "PRP$" or tok.head.lower_ not in RECIPROCAL_NOUNS:
        return ()
    sent = sent_of(tok)
    own = list(dict.fromkeys(n.actor_id for n in names if n.type == "person" and n.actor_id
                             and sent.start_char <= n.start < sent.end_char))
    if len(own) >= 2:
        return tuple(own)
    before = [r for r in history if r.sent < sent.start_char and r.type == "person"]
    last = [a for r in before if r.sent == before[-1].sent for a in r.actors] if before else []
    last = list(dict.fromkeys(last))
    return tuple(last) if len(last) >= 2 else ()


def person_with_party(tok, names: list[LinkedName]) -> tuple[str, ...]:
    """they/them/their with no group in reach -> a person named in its own sentence (before it)
    or the one before, coordinated with a party of his or her own ("Rosso and his delegation",
    "X and her team"): the person speaks for the party; () when there is none or several."""
    doc, sent = tok.doc, tok.sent
    start = doc[sent.start - 1].sent.start_char if sent.start else sent.start_char
    found = []
    for name in names:
        if name.type != "person" or not name.actor_id or not start <= name.start < tok.idx:
            continue
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if any(c.dep_ == "conj" and c.pos_ == "NOUN" and any(g.dep_ == "poss" and g.lower_ in
                                                              {"his", "her"} for g in children(c))
               for c in children(span.root)):
            found.append(name.actor_id)
    found = list(dict.fromkeys(found))
    return tuple(found) if len(found) == 1 else ()


def _refs_in(tokens: set[int], doc, refs: list[Ref]) -> list[Ref]:
    """The refs whose first character lies in one of the token indices ``tokens``."""
    chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in tokens]
    return [r for r in refs if any(a <= r.start < b for a, b in chars)]


def meeting_pair(sent, history: list[Ref]) -> Ref | None:
    """The actors who meet in ``sent``: the subject of a meeting verb ("X met Y", "X hosted Y",
    "X received Y") with its object, or the subject of a verb whose object is a noun of
    something done together with the 'with' phrase of either ("X held talks with Y", "X met
    with Y"); one person or state as subject and objects of the same type, all resolved in
    ``history``. None when the sentence has no such verb. A pair of the same sentence's
    verb and arguments is what the plural nominals after it refer to ("The two leaders",
    "They"), as a coordinated pair is."""
    doc, start, end = sent.doc, sent.start_char, sent.end_char
    refs = [r for r in history if start <= r.start < end and len(r.actors) == 1]
    if not refs:              # no subject to resolve
        return None
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        kids = children(verb)
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        if not subjects:
            continue
        meets = verb.lemma_.lower() in MEETING_VERBS
        dobjs = [c for c in kids if c.dep_ == "dobj"]
        objects = dobjs if meets else []
        joint = [o for o in dobjs if o.lower_ in RECIPROCAL_NOUNS]      # 'held talks with Y'
        withs = [c for c in kids if c.dep_ == "prep" and c.lower_ == "with"] if meets or joint else []
        withs += [p for o in joint for p in children(o) if p.dep_ == "prep" and p.lower_ == "with"]
        if not objects + withs:
            continue
        subject = [r for r in _refs_in({t.i for t in subjects[0].subtree}, doc, refs) if r.type in {"person", "state"}]
        if len({r.actors[0] for r in subject}) != 1:
            continue
        inside = {t.i for o in objects for t in o.subtree} | {t.i for w in withs for t in w.subtree}
        found = [r.actors[0] for r in _refs_in(inside, doc, refs)
                 if r.type == subject[0].type and r.actors[0] != subject[0].actors[0]]
        if found:
            actors = tuple(dict.fromkeys([subject[0].actors[0], *found]))
            last = max(r.end for r in refs if r.actors[0] in actors)
            return Ref(subject[0].start, last, actors, subject[0].type, sent.start_char, False)
    return None


def former_or_latter(tok, history: list[Ref], sent_starts: list[int]) -> tuple[str, ...]:
    """"the former" / "the latter" used as a noun (no noun after it: "the latter's visit",
    "the former said") -> the earlier / the later of the two persons named last in its own
    sentence or the one before; () otherwise ("the former president" is a title)."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].lower_ != "the" or (
            tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}):
        return ()
    since = sent_starts[max(bisect_right(sent_starts, tok.idx) - 2, 0)]
    two = _last_two([r for r in history if r.start < tok.idx], "person", set(), since)
    if len(two) != 2:
        return ()
    return two[1].actors if tok.lower_ == "former" else two[0].actors

