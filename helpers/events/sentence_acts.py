"""What a sentence's predicates do as speech acts and meetings, read before rows are made:
"I" or "we" in a quotation is the speaker, a statement not made is declined comment (011),
and attending a meeting is taking part in it. Each function changes the predicates of one
sentence in place (:mod:`helpers.events.extraction` calls them).
"""
from __future__ import annotations

from helpers.events.arguments import dependents
from helpers.events.dictionary import verb_dictionary
from helpers.events.factuality import factuality_of
from helpers.events.implicit import DESTINATION_CODES
from helpers.events.predicates import Found, SentencePredicates
from helpers.events.sourcing import is_reporting_verb
from helpers.nlp.tree import children


#: First-person subjects: in a quotation, the speaker ("'We are willing to work with X,' said
#: the minister").
_FIRST_PERSON = {"i", "we"}
#: Relations through which a verb shares its governor's subject (control, coordination).
_SHARED_SUBJECT = {"xcomp", "acomp", "conj"}


def _first_person_subject(token) -> bool:
    """True when the subject of ``token``'s clause, or of the clause controlling it, is 'I'
    or 'we'."""
    for _ in range(6):
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _FIRST_PERSON
               for c in children(token)):
            return True
        if token.dep_ not in _SHARED_SUBJECT or token.head is token:
            return False
        token = token.head
    return False


def quoted_first_person(found: list[Found]) -> None:
    """A predicate whose subject is 'I' or 'we' and names no actor takes as source the one
    speaker of the sentence's reporting verb ("'We are willing to work together with the
    Philippines,' said the Chinese minister": the minister), in place; with no reporting
    verb, or several speakers, nothing changes.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("'We will work with Orsk,' Delane said.")
    >>> work = Found(doc[3], None, "work", [], ["orsk"], code="050")
    >>> said = Found(doc[9], None, "say", ["delane"], [], code="010")
    >>> quoted_first_person([work, said]); work.sources
    ['delane']
    """
    speakers = {tuple(f.sources) for f in found if f.sources and is_reporting_verb(f.token)}
    if len(speakers) != 1:
        return
    speaker = list(next(iter(speakers)))
    for f in found:
        if not f.sources and f.token.pos_ == "VERB" and _first_person_subject(f.token):
            f.sources = [a for a in speaker if a not in f.targets]


def attended_meetings(found: list[Found], analyser: SentencePredicates) -> None:
    """Going to (attending) a meeting is taking part in it: a visit verb (042) whose object is
    a consultation noun ("attended the summit", "a meeting that was to have been attended
    by A and B") takes that noun's code, and all its actors are the meeting's sides, paired
    with each other (:func:`helpers.events.pairing.pairs`), in place; taking part in a
    meeting the clause describes has that meeting's factuality ("... was canceled").

    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.events.arguments import actor_index, dependents
    >>> doc = get_nlp()("Ost and Pell attended the summit.")
    >>> analyser = SentencePredicates(doc[:], {0: ["ost"], 2: ["pell"]}, {"originator": []})
    >>> f = analyser.analyse(doc[3]); f.code = f.coding.code
    >>> attended_meetings([f], analyser); (f.code, f.sources, f.targets)
    ('044', ['ost', 'pell'], [])
    """
    for f in found:
        if not f.code.startswith("042"):
            continue
        nouns = [c for c in dependents(f.token) if c.dep_ in {"dobj", "nsubjpass"}]
        clause = f.token
        while clause.dep_ in {"xcomp", "conj"} and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "relcl":           # 'a meeting that was to have been attended by'
            nouns.append(clause.head)
        meeting = next((n for n in nouns if (c := analyser.event_noun(n)) is not None
                        and c.code.startswith("04") and not c.code.startswith(DESTINATION_CODES)),
                       None)
        if meeting is not None:
            f.code = analyser.event_noun(meeting).code
            f.sources = f.sources + [t for t in f.targets if t not in f.sources]
            f.targets = []
            if meeting.i == clause.head.i and clause.dep_ == "relcl":   # its fate is the meeting's
                f.factuality = factuality_of(meeting)


def decline_comment(found: list[Found]) -> None:
    """A statement its speaker did not make ("did not comment on", "did not say anything
    about") is CAMEO 011, decline comment: an act that took place (asserted), in place.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Ost did not comment on the talks.")
    >>> f = Found(doc[3], None, "comment", ["ost"], [], code="010", factuality="negated")
    >>> decline_comment([f]); (f.code, f.factuality)
    ('011', 'asserted')
    """
    for f in found:
        if f.code == "010" and f.factuality == "negated" and f.sources and _speech(f.token):
            f.code, f.factuality = "011", "asserted"


#: Verb blocks of the PETRARCH2 dictionary whose 010 verbs are speech (not OBSERVE's 'see').
_SPEECH_BLOCKS = {"EXPLAIN_VERBAL", "CONFER", "EMPHASIZE", "REPEAT"}


def _speech(token) -> bool:
    """True for a verb of speaking: a reporting verb, or a member of a speech block of the
    dictionary ("comment", "speak", "stress")."""
    d = verb_dictionary()
    return is_reporting_verb(token) or any(
        d.block_name(e) in _SPEECH_BLOCKS for e in d.entries(token.lemma_.upper()))
