"""Coreference of actors by rules: pronouns, pairs, groups and definite nominals.

Each rule reads the named mentions already linked (:func:`helpers.nlp.linking.link_names`)
and what the rules resolved before it, in one pass over the tokens:

1. he/him/his/she/her -> a person: first one named earlier in the same sentence (the
   subject first; never the subject of the pronoun's own clause for "him"/"her"), else
   the subject (else the last person) of the nearest earlier sentence naming a person.
   A subject pronoun in what someone reports is that speaker ("Delane said that Ost called
   him, but that he refused": Delane); across sentences the main clause's subject comes
   before a reported one ("X said Y did not come. 'No,' he said": X).
   "its" -> the state, organisation or group last named as a subject in the same
   sentence, else in the sentence before.
   "the former" / "the latter" (as a noun: "during the latter's visit") -> the earlier / the
   later of the two persons named last in its own sentence or the one before.
2. they/them/their -> the plural subject of its own sentence, else the actors of the last plural mention (coordinated names of any
   number, "Chile, Peru and Bolivia", "X and his counterpart Y", a resolved plural nominal,
   or the two sides of a meeting, "X hosted Y", "X held talks with Y") of the same or the
   previous two sentences; else a person coordinated with a party of his or her own in its
   sentence or the one before ("Rosso and his delegation ... their swift act": Rosso); left
   unresolved otherwise.
3. "both leaders", "both sides", "the two leaders", and definite plurals of role nouns
   ("the ministers", "the sides", "the heads of state") -> the last group of persons
   (coordinated, else the two persons named last); "both governments", "the two rival
   powers" -> the same with states; "sides" and "parties" take whichever group was named
   last; "two"/"both" take a group of two only, and a group gives way to the two actors
   named last when both come after it and before the nominal's sentence. A definite plural without "two"/"both"
   looks back three sentences at most, and the same noun said again there is the group it
   went to ("The sides discussed ... According to the sides").
   Actors in the subject of the nominal's own clause are skipped.
4. demonym + role noun ("Iraqi leaders", "senior Iranian officials", "a Kenyan official")
   -> a group actor ``<demonym>_<plural>`` (iraqi_leaders); "the French government" -> the state.
   A plural with the name of a group or organisation in front, or several names ("the
   Taliban leaders", "the Arab countries", "Arab, Turkish and EU diplomats") -> a group of
   each name (taliban_leaders; never the pair of rule 3).
5. "the (Iraqi) politician", "the surgeon" -> the last person with that country and that
   word in a role (not as part of a longer role: a "Prime Minister" is not "the
   minister"), else the last person of that country, else the main subject of the
   sentence before when the text gives that person no role, else, for a subject described by
   coordinated roles ("The current defence minister and former army commander"), the person
   named most often before it; not when a name follows. A portfolio noun in front is part
   of the office ("the defence minister" is no foreign minister).
   "his Pakistani counterpart" -> the last person of that country but the owner. An office
   of a state with no name after it ("Jordan's foreign minister", "the President of X",
   "the Lebanese president") -> the person of that state the article gives that office,
   the last one before it, else the first one after it (a headline comes before the text).
   An office addressed ("Thank you Mr President," X said) -> the one holder of it (or
   counterpart of one) who is not the subject in its sentence or the next.
6. "the Government of X", "the interim government", "that country" -> a state
   (:mod:`helpers.nlp.state_nominals`); "the foreign ministers of X and Y" -> the holders
   of that office of X and of Y (a holder of no known country for a state that has none);
   "the foreign ministers", "the vice ministers" (an office of several words, no state) ->
   the article's holders of it and their counterparts, when two or more, tried before the
   groups of rule 3; "their countries" -> the states of the group "their" is.
A possessive in a phrase opening its sentence before the subject is that subject ("During
his visit, X said"); "on his ..." after a person addressed is that person ("X congratulated Y on his victory"),
but not after a meeting verb, where it is the visitor's ("X is to meet Y on his first trip
abroad": X).

>>> from helpers.nlp.model import get_nlp
>>> from helpers.nlp.linking import link_names
>>> doc = get_nlp()("Ammar al-Hakim met Iraqi leaders. He left.")
>>> [(r[2], r[5]) for r in resolve(doc, link_names(doc))]
[('Iraqi leaders', 'iraqi_leaders'), ('He', 'ammar_al_hakim')]
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.attrs import LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

from helpers.nlp.kb import load_kb
from helpers.nlp.linking import LinkedName, person_role
from helpers.nlp.name_lists import text_of
from helpers.nlp.nominals import article_people, definite_plural, plural_nominal, role_nominal, their_states
from helpers.nlp.references import (MEETING_VERBS, SUBJECT_DEPS, Ref, clause_subjects, coordinated,
                                    former_or_latter, person_with_party,
                                    is_main_subject, is_subject, meeting_pair, reciprocal_persons,
                                    role_nouns, role_word, speaker_of)
from helpers.nlp.roles import office_holders, sector_noun
from helpers.nlp.state_nominals import NOMINAL_HEADS, state_nominal
from helpers.nlp.tree import children, sent_of

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}
NEUTER = {"its"}
#: Every word a rule of :func:`resolve` starts from that is neither a noun nor a proper noun.
_CUE_WORDS = frozenset(MASCULINE | FEMININE | PLURAL | NEUTER | {"former", "latter", "both", "two", "the"})



@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """Actor id -> gender ('m'/'f') of the knowledge base's persons that have one."""
    kb = load_kb()
    return {a: kb.actors[a].gender for a in kb.actors if kb.actors[a].gender}


def _subject_after(tok, names: list[LinkedName]) -> tuple[str, ...]:
    """A possessive in a phrase that opens its sentence before the subject names the person
    the subject names ("During his visit, X said"; "In his reply, X said")."""
    root, path = sent_of(tok).root, tok
    while path.head.i != root.i and path.head.i != path.i:
        path = path.head
    subjects = [c for c in children(root) if c.dep_ in SUBJECT_DEPS and c.i > tok.i]
    if path.dep_ != "prep" or not subjects or path.i > subjects[0].i:
        return ()
    subject = subjects[0]
    chars = (subject.left_edge.idx, subject.idx + len(subject))
    return next(((n.actor_id,) for n in names if n.type == "person" and n.actor_id
                 and chars[0] <= n.start < chars[1]), ())


def _pronoun(tok, history: list[Ref], gender: dict[str, str], names: list[LinkedName]
             ) -> tuple[str, ...]:
    """Rule 1: the person a singular personal pronoun refers to."""
    wanted = "m" if tok.lower_ in MASCULINE else "f"
    persons = [r for r in history if r.type == "person" and len(r.actors) == 1
               and gender.get(r.actors[0], wanted) == wanted]
    sent = sent_of(tok).start_char
    same = [r for r in persons if r.sent == sent]
    if tok.tag_ == "PRP$" and (ahead := _subject_after(tok, names)) and gender.get(ahead[0], wanted) == wanted:
        return ahead
    objects = [r for r in same if not r.subject and r.start < tok.idx]
    if tok.tag_ == "PRP$" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in {"on", "upon"} \
            and tok.head.head.head.lemma_.lower() not in MEETING_VERBS and objects:
        return objects[-1].actors       # "X congratulated Y on his victory": the one addressed
    doc = tok.doc
    before = [r for r in same if r.start < tok.idx]
    if tok.tag_ == "PRP$" and before and (span := doc.char_span(before[-1].start, before[-1].end)) \
            and len(span) == 1 and span[0].lower_ == tok.lower_:
        return before[-1].actors        # "... on his victory and welcomed his visit": the same one
    if tok.dep_ in {"dobj", "pobj", "dative"} and tok.lower_ in {"him", "her"}:
        blocked = clause_subjects(tok)
        doc = tok.doc
        same = [r for r in same if not {t.i for t in doc.char_span(r.start, r.end, alignment_mode="expand")}
                & blocked]
    if same:
        speaker = speaker_of(tok)
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
    sent = sent_of(tok).start_char
    same = [r for r in bodies if r.sent == sent]
    if same:
        return same[-1].actors[0], same[-1].type
    earlier = [r for r in bodies if r.sent < sent]
    if earlier and earlier[-1].sent == max(r.sent for r in history if r.sent < sent):
        return earlier[-1].actors[0], earlier[-1].type
    return ()


@lru_cache(maxsize=1)
def _cue_ids() -> frozenset[int]:
    return frozenset(map(get_string_id, _CUE_WORDS))


def _cue_tokens(doc: Doc) -> list:
    """The tokens a rule of :func:`resolve` can start from, in text order: nouns, proper nouns,
    the words of :data:`_CUE_WORDS` and the first token of each sentence (no other token
    resolves anything or changes what the rules keep)."""
    cues = _cue_ids()
    return [doc[i] for i, (lower, pos, start) in enumerate(doc.to_array([LOWER, POS, SENT_START]).tolist())
            if pos == NOUN or pos == PROPN or start == 1 or lower in cues]


def resolve(doc: Doc, names: list[LinkedName]) -> list[tuple]:
    """Nominal and pronoun mentions of actors as rows ``(start, end, text, label, kind, actor_id, method)``.

    ``names`` are the linked named mentions of ``doc``, in text order. Each rule's
    result is remembered, so later pronouns can refer back to a resolved one.
    """
    kb, nouns, text = load_kb(), role_nouns(), text_of(doc)
    gender = _genders()
    countries: dict[str, str] = {}
    roles: dict[str, str] = {}
    history: list[Ref] = []
    pairs: list[Ref] = []
    rows: list[tuple] = []
    pending = list(names)
    groups = coordinated(doc, names)
    consumed: set[int] = set()
    seen: dict[str, str] = {}                   # words of state nominals -> their state
    said: dict[str, Ref] = {}                   # plural nouns of definite nominals -> their group
    people = article_people(doc, names)         # every named person, with country and roles
    sent_starts = [sent.start_char for sent in doc.sents]
    tags = doc.to_array(POS).tolist()           # each token's part of speech, read at once

    def remember(start, end, actors, kind, tok, subject=False):
        ref = Ref(start, end, tuple(actors), kind, sent_of(tok).start_char, subject,
                  subject and is_main_subject(tok))
        history.append(ref)
        if len(actors) > 1:
            pairs.append(ref)

    def emit(start, end, label, kind, actors, method):
        for actor in actors:
            rows.append((start, end, text[start:end], label, kind, actor, method))

    for tok in _cue_tokens(doc):
        if tok.is_sent_start and tok.i and (met := meeting_pair(sent_of(doc[tok.i - 1]), history)):
            pairs.append(met)
        while pending and pending[0].start <= tok.idx:
            name = pending.pop(0)
            if (group := groups.get(name.start)) is not None:   # whatever its last name is
                pairs.append(group)
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            kind = "state" if name.type == "state" else name.type
            if name.actor_id and kind in {"person", "state", "organization", "group"}:
                remember(name.start, name.end, [name.actor_id], kind, span.root, is_subject(span.root))
                if kind == "person" and name.actor_id not in kb.actors:
                    found_roles, country = person_role(span, kb=kb)
                    roles[name.actor_id] = (roles.get(name.actor_id, "") + "; "
                                            + "; ".join(found_roles).lower())
                    if country and not countries.get(name.actor_id):
                        countries[name.actor_id] = country
        lower = tok.lower_
        if (lower in MASCULINE or lower in FEMININE) and tok.tag_ in {"PRP", "PRP$"}:
            actors = _pronoun(tok, history, gender, names)
            if actors:
                emit(tok.idx, tok.idx + len(tok), "PERSON", "PRONOUN", actors, "coref:pronoun")
                remember(tok.idx, tok.idx + len(tok), actors, "person", tok, is_subject(tok))
        elif lower in {"former", "latter"} and (chosen := former_or_latter(tok, history, sent_starts)):
            start = tok.idx - len(doc[tok.i - 1].text_with_ws)
            emit(start, tok.idx + len(tok), "PERSON", "NOMINAL", chosen, "coref:former_latter")
            remember(start, tok.idx + len(tok), chosen, "person", tok, is_subject(tok))
        elif lower in NEUTER and tok.tag_ == "PRP$":
            actors = _neuter(tok, history)
            if actors:
                emit(tok.idx, tok.idx + len(tok), "GPE" if actors[1] == "state" else "ORG",
                     "PRONOUN", actors[:1], "coref:its")
        elif lower in PLURAL and tok.tag_ in {"PRP", "PRP$"}:
            window = sent_starts[max(bisect_right(sent_starts, tok.idx) - 3, 0)]
            recent = [r for r in pairs if r.sent >= window and r.start < tok.idx]
            # a plural subject of the pronoun's own sentence comes first ("The ministers of X
            # and Y committed to their cooperation": the ministers, not X and Y)
            recent += [r for r in recent if r.subject and r.sent == sent_of(tok).start_char]
            if recent:
                emit(tok.idx, tok.idx + len(tok), "PERSON" if recent[-1].type == "person" else "GPE",
                     "PRONOUN", recent[-1].actors, "coref:plural_pronoun")
                their_states(tok, recent[-1], countries, emit)
            elif persons := reciprocal_persons(tok, names, history):
                emit(tok.idx, tok.idx + len(tok), "PERSON", "PRONOUN", persons, "coref:reciprocal")
            elif persons := person_with_party(tok, names):
                emit(tok.idx, tok.idx + len(tok), "PERSON", "PRONOUN", persons, "coref:party")
        elif lower in {"both", "two"} and tok.head.i > tok.i and tok.head.lower_ in nouns:
            if office_holders(tok.head, names, people, history, pairs, emit, remember, size=2):
                consumed.add(tok.head.i)
            else:
                consumed |= plural_nominal(tok, history, pairs, emit, remember)
        elif lower == "the" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ != "two" \
                and definite_plural(tok, names):
            since = sent_starts[max(bisect_right(sent_starts, tok.idx) - 3, 0)]
            if office_holders(tok.head, names, people, history, pairs, emit, remember):
                consumed.add(tok.head.i)
            else:
                consumed |= plural_nominal(tok, history, pairs, emit, remember, since, said)
        elif tok.i in consumed:
            continue
        elif (role := role_word(tok) if tags[tok.i] in (NOUN, PROPN) else "") and office_holders(
                tok, names, people, history, pairs, emit, remember):    # (a role word is a noun)
            consumed.add(tok.i)
        elif role in NOMINAL_HEADS and state_nominal(tok, names, history, seen, emit, remember,
                                                     people):
            consumed.add(tok.i)
        elif role or tags[tok.i] == NOUN and sector_noun(tok):
            role_nominal(tok, names, countries, roles, history, emit, remember, people)
    return rows
