"""Coded events: who did what to whom, read from the dependency parse, coded from the CAMEO dictionary.

A predicate is a verb, or an event noun ("talks", "a visit", "a phone call") that
has an actor of its own. Its code comes from the PETRARCH2 verb dictionary and the
project's override table (:mod:`helpers.events.coding`); **only coded predicates are
events**: the others are kept as candidates for the lexicon (notebook 02), and go
on to neither the timeline nor the network.

Arguments come from the parse:

- a verb's source is its subject (coordinated subjects give one row each), the
  agent of a passive ("was attacked by X"), or, for an infinitive or coordinated
  verb without a subject, its controller ("urged X to mediate": X); its target is
  the direct object or addressee, the subject of a passive, or the object of a
  target preposition ("with", "to", "between", "against", "on", and those of its
  dictionary pattern);
- an event noun's source is its possessor, "by X" or "from X" ("a call from X"),
  "of X" for a meeting, visit or statement ("the visit of the envoy"), else the
  subject of the verb it is the object of, or of the verb a "during"/"at"/"in"
  phrase holding it depends on ("Delane warned, at a meeting with Ost"); a caller
  ("from X") makes that subject the target ("took a call from X");
- reciprocal predicates (meet, talks, sign ...) pair their coordinated actors in
  both directions ("Uganda and Kenya signed a pact"; "a meeting between A and B").

Speech is coded by what it does:

- a bare reporting verb ("said", "told", "added") is the sentence's attribution,
  not an event, and a statement (010) with no target is none either;
- an appeal, offer, demand, rejection or threat with a verbal complement takes
  the code of its family for that complement (CAMEO's parallel codes, table
  ``cameo_speech_acts.csv``): "called on X to release" is 0253, "offered to
  mediate" 039; "hopes to", "agreed to" with the subject's own intention are
  offers (03x);
- what a speaker says is coded as the speaker's own act where the dictionary's
  transformations say so ("A said B attacked": A accuses B, 112), and a
  cooperative act a speaker says someone *can* or *could* do is an offer of it
  (03x: "Delane said Norvela can mediate" is 039);
- rejecting "the request" or "the offer" targets whoever made the last approach
  to the one who rejects it;
- a judgement with no target is aimed at the actors named in what it is about; a
  statement not made is 011 (:mod:`helpers.events.sentence_acts`).

Across sentences (:mod:`helpers.events.implicit`): a contact event named with one side
("his trip", "the talks") takes the other from another mention of the same event; a visit
read as to the visitor's own state goes to the state named before; no row joins a state
and its own official.

Rules and reasons: docs/annotation_guide_events.md.

>>> from helpers.nlp.model import get_nlp
>>> from helpers.nlp.text import sentences
>>> doc = get_nlp()("Kenya invited Ethiopia.")
>>> ms = [Mention("m1", 1, 0, 5, "Kenya", "GPE", "NAME", "kenya", "test"),
...       Mention("m2", 1, 14, 22, "Ethiopia", "GPE", "NAME", "ethiopia", "test")]
>>> events = extract_events(doc, sentences(doc), ms)
>>> [(e.source_actor, e.cameo_code, e.target_actor) for e in events]
[('kenya', '036', 'ethiopia')]
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from spacy.tokens import Doc

from helpers.events.arguments import actor_index
from helpers.events.cameo import goldstein
from helpers.events.factuality import factuality_of
from helpers.events.headlines import headline_span
from helpers.events.implicit import abroad, implicit_contact_arguments
from helpers.events.pairing import pairs
from helpers.events.predicates import Found, SentencePredicates
from helpers.events.sentence_acts import attended_meetings, decline_comment, quoted_first_person
from helpers.events.sourcing import SentenceSourcing, is_reporting_verb, sentences_with_mentions
from helpers.events.speech import aim_responses, code_speech_acts
from helpers.events.verdicts import aim_judgements, code_verdicts
from helpers.files.records import Actor, Candidate, Event, Mention, Sentence

#: Roots of verbal acts that are events without a target: statements, disapproval,
#: rejection, threats.
VERBAL_ROOTS = ("01", "11", "12", "13")


@dataclass(frozen=True)
class EventLayer:
    """The events of a document, the predicates the dictionary could not code, and every
    predicate with an actor argument (what the stance analysis reads)."""

    events: list[Event]
    candidates: list[Candidate]
    predicates: list[Event]


def analyse_events(doc: Doc, sents: Sequence[Sentence], mentions: Sequence[Mention],
                   actors: Sequence[Actor] = ()) -> EventLayer:
    """Every coded event in text order (ids ``e1``..), one row per (source, target) pair;
    every uncoded predicate with an actor argument as a candidate for the lexicon; and
    every predicate with an actor argument, coded or not, event or not, as event-shaped
    rows whose ``event_id`` is that of the event the pair became ('' if none).

    Time fields stay empty: the timeline layer anchors events. Sources and targets are
    actors mentioned in the trigger's own sentence, except the implicit side of a contact
    event and the destination of a visit read as the visitor's own state
    (:mod:`helpers.events.implicit`; ``actors`` give the states and countries it needs), and
    the originator of the last message for 'the appeal urged ...'. So a sentence that
    mentions no actor is not read while no message has an originator.
    """
    state: dict = {"originator": []}
    rows: list[Event] = []
    candidates: list[Candidate] = []
    predicates: list[Event] = []
    coded: list[tuple] = []   # (sentence, predicate, attribution, type, first pair, made rows)
    for sent, span, own in sentences_with_mentions(doc, sents, mentions):
        if not own and not state["originator"]:
            continue     # no actor to take: no row, candidate or predicate
        # arguments come from the sentence's own mentions: a parse that runs on across a
        # line break (a headline into a dateline) must not lend it the next line's actors
        span, own = headline_span(doc, span, own)
        analyser = SentencePredicates(span, actor_index(span.doc, own), state)
        sourcing = SentenceSourcing(span, own)
        found = [f for f in map(analyser.analyse, span) if f is not None]
        for f in found:
            f.code = f.coding.code if f.coding else ""
        quoted_first_person(found)              # before factuality: it gives sources
        for f in found:
            if f.sources or f.targets:          # no actor, no row: no factuality needed
                f.factuality = factuality_of(f.token)
        attended_meetings(found, analyser)
        code_speech_acts(found, {f.token.i: f for f in found})
        code_verdicts(found, analyser.index)
        decline_comment(found)
        aim_judgements(found, analyser.index)
        aim_responses(found, rows, analyser)
        for f in found:
            if not (f.sources or f.targets):
                continue
            attribution, source_type = sourcing.of(f.token)
            reason = _not_an_event(f)
            made = [] if reason else _rows(f, sent.sentence_id, attribution, source_type,
                                           len(rows))
            if reason and not f.code:
                candidates += _candidates(f, sent.sentence_id, reason)
            for code, source, target in f.extra:
                if dyadic(code, source, target):
                    made.append(_event(f"e{len(rows) + len(made) + 1}", sent.sentence_id, f, code,
                                       source, target, f.factuality, attribution, source_type))
            rows += made
            if f.code:
                coded.append((sent.sentence_id, f, attribution, source_type, len(predicates),
                              bool(made)))
            predicates += _predicates(f, sent.sentence_id, attribution, source_type, made)
    _add_implicit(coded, rows, predicates)
    if actors:
        abroad(rows, predicates, mentions, actors)
    _renumber(rows, predicates)
    return EventLayer(rows, candidates, predicates)


def _renumber(rows: list[Event], predicates: list[Event]) -> None:
    """Rows in text order numbered ``e1``.., predicates with their rows' new ids, in place."""
    rows.sort(key=lambda e: (e.sentence_id, e.start))
    number = {e.event_id: f"e{i + 1}" for i, e in enumerate(rows)}
    rows[:] = [_numbered(e, number) for e in rows]
    predicates[:] = [_numbered(p, number) for p in predicates]


def _numbered(e: Event, number: dict[str, str]) -> Event:
    """``e`` with its new id (itself when the id stays: a copy of a frozen row costs more)."""
    new = number.get(e.event_id, "")
    return e if new == e.event_id else replace(e, event_id=new)


def _add_implicit(coded: list[tuple[int, Found, str, str, int, bool]], rows: list[Event],
                  predicates: list[Event]) -> None:
    """Rows of the contact predicates whose missing side another mention of the event names
    (:mod:`helpers.events.implicit`), in place (numbered later by :func:`_renumber`).

    ``coded`` is ``(sentence_id, predicate, attribution, source type, index of its first
    pair in predicates, whether it made rows)`` for every coded predicate.
    """
    where = {id(f): (sentence_id, attribution, source_type, at)
             for sentence_id, f, attribution, source_type, at, _ in coded}
    replaced: dict[int, tuple[int, list[Event]]] = {}   # first pair -> (pairs replaced, new pairs)
    found = [(sentence_id, f, not made) for sentence_id, f, *_, made in coded]
    for f, sources, targets in implicit_contact_arguments(found):
        sentence_id, attribution, source_type, at = where[id(f)]
        if _not_an_event(f):
            continue
        before = len(pairs(f))
        f.sources, f.targets = sources, targets
        made = [replace(e, event_id=f"i{len(rows) + n}") for n, e in
                enumerate(_rows(f, sentence_id, attribution, source_type, 0))]
        rows += made
        replaced[at] = (before, _predicates(f, sentence_id, attribution, source_type, made))
    kept: list[Event] = []
    n = 0
    while n < len(predicates):
        if n in replaced:
            kept += replaced[n][1]
            n += replaced[n][0]
        else:
            kept.append(predicates[n])
            n += 1
    predicates[:] = kept


def _predicates(f: Found, sentence_id: int, attribution: str, source_type: str,
                made: list[Event]) -> list[Event]:
    """Every (source, target) pair of a predicate; a pair that is an event has its id."""
    ids = {(e.source_actor, e.target_actor): e.event_id for e in made}
    return [_event(ids.get((source, target), ""), sentence_id, f, f.code, source, target,
                   f.factuality, attribution, source_type) for source, target in pairs(f)]


def _not_an_event(f: Found) -> str:
    """Why a predicate gives no row ('' when it does)."""
    if not f.code:
        if f.coding is not None:
            return f"null code ({f.coding.origin})"
        return "not in the dictionary"
    if is_reporting_verb(f.token) and f.code == "010":
        return "reporting verb: the sentence's attribution"
    if f.code == "010" and not f.targets:
        return "a statement without target or codable content"
    return ""


def _event(event_id: str, sentence_id: int, f: Found, code: str, source: str, target: str,
           factuality: str, attribution: str, source_type: str) -> Event:
    token = f.token
    start = _start(token)
    return Event(event_id, sentence_id, _text(token), start, start + len(token.text),
                 f.lemma, code, goldstein(code), source, target, factuality, attribution,
                 source_type)


def _start(token) -> int:
    """A token's offset in the article (a headline parsed alone keeps the line's offset)."""
    return token.idx + token.doc.user_data.get("offset", 0)


def _text(token) -> str:
    """A token's text as the article writes it (a headline is parsed in title case)."""
    line = token.doc.user_data.get("line")
    return line[token.idx:token.idx + len(token.text)] if line else token.text


def dyadic(code: str, source: str, target: str) -> bool:
    """True when a row is an event: a source, and a target unless the act is verbal.

    As PETRARCH's ``require_dyad``: an event has a source and a target; statements,
    disapproval, rejections and threats (roots 01, 11, 12, 13) may be aimed at no one
    named ("Qatar denied the report").

    >>> dyadic("042", "a", ""), dyadic("120", "a", ""), dyadic("040", "", "b")
    (False, True, False)
    """
    return bool(source) and (bool(target) or code[:2] in VERBAL_ROOTS)


def _rows(f: Found, sentence_id: int, attribution: str, source_type: str, n: int) -> list[Event]:
    out = []
    reverse = f.coding is not None and f.coding.reverse and f.code == f.coding.code
    for source, target in pairs(f):
        if reverse:
            source, target = target, source
        if not dyadic(f.code, source, target):
            continue
        out.append(_event(f"e{n + len(out) + 1}", sentence_id, f, f.code, source, target,
                          f.factuality, attribution, source_type))
    return out


def _candidates(f: Found, sentence_id: int, reason: str) -> list[Candidate]:
    token = f.token
    return [Candidate(sentence_id, _text(token), _start(token), _start(token) + len(token.text),
                      f.lemma,
                      ";".join(f.sources), ";".join(f.targets), reason)]


def extract_events(doc: Doc, sents: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Event]:
    """The coded events of :func:`analyse_events`."""
    return analyse_events(doc, sents, mentions).events
