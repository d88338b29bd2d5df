"""Coded events: who did what to whom, read from the dependency parse, coded from the CAMEO dictionary.

A predicate is a verb, or an event noun ("talks", "a visit", "a phone call") that
has an actor of its own. Its code comes from the PETRARCH2 verb dictionary and the
project's override table (:mod:`helpers.event_coding`); **only coded predicates are
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
  to the one who rejects it.

Rules and reasons: docs/annotation_guide_events.md.

>>> from helpers.nlp import load_nlp
>>> from helpers.text import sentences
>>> doc = load_nlp()("Kenya invited Ethiopia.")
>>> ms = [Mention("m1", 1, 0, 5, "Kenya", "GPE", "NAME", "kenya", "test"),
...       Mention("m2", 1, 14, 22, "Ethiopia", "GPE", "NAME", "ethiopia", "test")]
>>> events = extract_events(doc, sentences(doc), ms)
>>> [(e.source_actor, e.cameo_code, e.target_actor) for e in events]
[('kenya', '036', 'ethiopia')]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from .cameo import goldstein, resource_rows, verb_lexicon
from .event_args import (SUBJECTS, ActorIndex, actor_index, add, controller, is_passive,
                         phrase_actors, prep_actors, prep_actors_of, subject_actors)
from .crossdoc import SYMMETRIC_CODES
from .event_coding import Coding, code_noun, code_verb
from .factuality import clause_verb, factuality_of, governed_by_modal
from .records import Candidate, Event, Mention
from .sourcing import event_attribution, is_reporting_verb, sentence_spans
from .text import Sentence
from .verb_dictionary import verb_dictionary

#: Prepositions that introduce a target when neither the table nor the pattern names one.
DEFAULT_TARGET_PREPS = ("with", "to", "between", "against", "on")
#: Verbs in these relations are not events of their own (modifiers, reduced relatives).
_NOT_TRIGGER = {"amod", "acomp", "compound", "prep", "acl", "aux", "auxpass", "agent", "case"}
#: Roots of acts that judge what they are about (praise, criticise, reject): praising
#: "Pakistan's hospitality" is praising Pakistan.
_EVALUATIVE_ROOTS = ("05", "11", "12")
#: Prepositions of a verb's object (a thing) whose objects are the verb's targets too.
_OBJECT_PREPS = ("with", "to", "against", "on")
#: Prepositions whose object event noun takes the governing verb's subject as its source.
_FRAME_PREPS = {"during", "at", "in", "after", "before", "following", "on"}
#: Roots whose "of X" names the source ("the visit of the envoy"); for the others X is the target.
_OF_IS_SOURCE = ("01", "02", "03", "04", "05")
#: The speech-act families whose verbal complement gives them a specific code.
_FAMILIES = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
#: Roots of verbal acts that are events without a target: statements, disapproval,
#: rejection, threats.
VERBAL_ROOTS = ("01", "11", "12", "13")
#: Modals under which a speaker offers what someone can do.
_OFFER_MODALS = {"can", "could"}
#: Roots of cooperative acts that can be offered (03x): consult, cooperate, aid, yield.
_OFFERABLE = ("04", "05", "06", "07", "08")


@dataclass
class _Found:
    """One predicate with its arguments, before rows are made."""

    token: Token
    coding: Coding | None
    lemma: str
    sources: list[str]
    targets: list[str]
    code: str = ""
    factuality: str = ""
    note: str = ""
    extra: list[tuple[str, str, str]] = field(default_factory=list)   # (code, source, target)


@lru_cache(maxsize=None)
def speech_act_codes() -> dict[str, dict[str, str]]:
    """Content code prefix -> {family: code}: CAMEO's parallel codes (``cameo_speech_acts.csv``).

    >>> speech_act_codes()["045"]["intent"]
    '039'
    """
    table: dict[str, dict[str, str]] = {}
    for row in resource_rows("cameo_speech_acts.csv",
                             columns=("content", "appeal", "intent", "demand", "reject",
                                      "threaten")):
        table[row["content"]] = {k: v for k, v in row.items() if k in _FAMILIES.values() and v}
    return table


def compose(family: str, content_code: str) -> str:
    """The code of a speech act of ``family`` about an act coded ``content_code``, '' if none.

    The longest prefix of the content code in the table decides.

    >>> compose("appeal", "0841"), compose("intent", "045"), compose("reject", "042")
    ('0253', '039', '125')
    """
    for size in range(len(content_code), 1, -1):
        row = speech_act_codes().get(content_code[:size])
        if row is not None:
            return row.get(family, "")
    return ""


def _family(coding: Coding | None) -> str:
    if coding is None:
        return ""
    if coding.role == "intent":
        return "intent"
    return _FAMILIES.get(coding.code[:2], "") if coding.code else ""


def _verb_only(token: Token) -> Coding | None:
    """A verb the tagger called a noun ('... and mediate between'): a word that is never a noun."""
    if token.pos_ != "NOUN":
        return None
    rows = verb_lexicon().get((token.lower_, "VERB"), ())
    if not any(r.verb_only for r in rows):
        return None
    row = next(r for r in rows if r.verb_only)
    return Coding(row.cameo_code, False, row.lemma, f"override line {row.line}", frozenset(),
                  frozenset(), row.reciprocal, row.role, row.target_preps)


def _definite(token: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in token.children)


def _target_preps(coding: Coding | None) -> tuple[str, ...]:
    if coding is None:
        return DEFAULT_TARGET_PREPS
    return tuple(dict.fromkeys((coding.target_preps or DEFAULT_TARGET_PREPS) + tuple(coding.preps)))


class _Sentence:
    """The predicates of one sentence, with what they share: actors, codings, originators."""

    def __init__(self, span: Span, index: ActorIndex, state: dict):
        self.span = span
        self.index = index
        self.state = state           # shared across sentences: originator, recent rows
        self.codings: dict[int, Coding | None] = {}

    def coding(self, token: Token) -> Coding | None:
        if token.i not in self.codings:
            self.codings[token.i] = (code_verb(token) if token.pos_ == "VERB"
                                     else code_noun(token) if token.pos_ == "NOUN" else None)
        return self.codings[token.i]

    # -- verbs --------------------------------------------------------------------------
    def verb(self, token: Token) -> _Found | None:
        if token.pos_ != "VERB" or token.dep_ in _NOT_TRIGGER:
            return None
        subject = any(c.dep_ in SUBJECTS for c in token.children)
        manner = token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
            c.dep_ in {"mark", "aux"} for c in token.children)     # '..., asserting that'
        if token.dep_ in {"advcl", "pcomp"} and not subject and not manner:
            return None                  # 'to promote', 'by delivering': an aim or a means
        coding = self.coding(token)
        role = coding.role if coding else "event"
        if role in {"skip", "cue"}:
            return None
        if role in {"aspectual", "light"} and (coding is None or not coding.code) and any(
                c.dep_ == "dobj" and self.event_noun(c) for c in token.children):
            return None                  # 'began his visit', 'held a summit': the noun carries it
        sources, targets = self.verb_arguments(token, coding)
        lemma = coding.lemma if coding else token.lemma_.lower()
        return _Found(token, coding, lemma, sources, targets)

    def verb_arguments(self, verb: Token, coding: Coding | None) -> tuple[list[str], list[str]]:
        index = self.index
        sources: list[str] = []
        targets: list[str] = []
        objects: list[Token] = []
        has_subject = False
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                has_subject = True
                actors = subject_actors(child, index)
                if not actors and coding is not None and coding.code and _definite(child) \
                        and self.noun_role(child) == "message":
                    actors = self.state["originator"]     # 'The appeal urged ...': its originator
                add(sources, actors)
            elif child.dep_ == "nsubjpass":
                has_subject = True
                add(targets, phrase_actors(child, index))
            elif child.dep_ == "agent":
                add(sources, [a for obj in child.children if obj.dep_ == "pobj"
                               for a in phrase_actors(obj, index)])
            elif child.dep_ in {"dobj", "dative", "iobj"} and child.pos_ != "ADP" and not any(
                    c.dep_ == "case" for c in child.children):   # "reinforce Iraq's stance"
                objects.append(child)
        if not has_subject and verb.dep_ in {"xcomp", "conj", "advcl"}:
            inherited = controller(verb, index)
            add(targets if is_passive(verb) else sources, inherited)
        reciprocal = coding is not None and coding.reciprocal and len(sources) > 1
        for child in objects:     # what several actors discuss together is a topic, no target
            if not reciprocal:
                add(targets, phrase_actors(child, index))
        preps = _target_preps(coding)
        add(targets, prep_actors(verb, preps, index))
        used = coding.used if coding else frozenset()
        for child in verb.children:
            if child.dep_ != "dobj" or phrase_actors(child, index):
                continue
            # a thing as object: its prepositions ('pledged cooperation with Japan'); the
            # possessor of what is judged ('hails Pakistan's hospitality') or of an event
            # noun the pattern used ('welcomed his visit': its visitor)
            add(targets, prep_actors(child, [p for p in preps if p in _OBJECT_PREPS], index))
            evaluates = coding is not None and coding.code[:2] in _EVALUATIVE_ROOTS
            if evaluates or child.i in used and self.event_noun(child) is not None:
                add(targets, [a for c in child.children if c.dep_ == "poss"
                              for a in phrase_actors(c, index)])
        if coding is not None and "from" in coding.target_preps:
            origin = prep_actors(verb, ("from",), index)
            for obj in verb.children:
                if obj.dep_ == "dobj":
                    add(origin, prep_actors(obj, ("from",), index))
            if coding.lemma.endswith("message"):
                self.state["originator"][:] = origin or self.state["originator"]
            elif origin:        # 'took a call from X': the caller is the source
                targets = [t for t in targets if t not in origin] + [
                    s for s in sources if s not in origin]
                sources = origin
        return sources, [t for t in targets if t not in sources or len(sources) > 1]

    # -- nouns ---------------------------------------------------------------------------
    def noun_role(self, token: Token) -> str:
        coding = self.coding(token) if token.pos_ == "NOUN" else None
        return coding.role if coding else ""

    def event_noun(self, token: Token) -> Coding | None:
        coding = self.coding(token) if token.pos_ == "NOUN" else None
        return coding if coding is not None and coding.code and coding.role == "event" else None

    def noun(self, token: Token) -> _Found | None:
        coding = self.event_noun(token)
        if coding is None:
            return None
        index = self.index
        sources = [a for c in token.children if c.dep_ == "poss" for a in phrase_actors(c, index)]
        add(sources, prep_actors(token, ("by",), index))
        head = token.head
        if head is not token and head.pos_ == "VERB" and token.dep_ == "dobj":
            governing = self.coding(head)
            same = governing is not None and governing.code and (
                token.i in governing.used or governing.code[:2] == coding.code[:2])
            if same and (governing.role == "light" or not sources):
                return None   # 'held talks', 'signed an agreement': the verb codes that event
        if not sources:          # 'Israeli strikes', 'the Russian invasion': a national agent
            add(sources, [a for c in token.children if c.dep_ == "amod"
                          for a in index.get(c.i, ())])
        callers = prep_actors(token, ("from",), index)
        add(sources, callers)
        of = prep_actors(token, ("of",), index)
        targets: list[str] = []
        if coding.code[:2] in _OF_IS_SOURCE and not sources:
            add(sources, of)
        else:
            add(targets, of)
        add(targets, prep_actors(token, _target_preps(coding), index))
        governing_verb = self._governing_verb(token)
        if governing_verb is not None and (not sources or callers):
            subject = controller(governing_verb, index)
            if callers:
                add(targets, [s for s in subject if s not in sources])
            else:
                sources = subject
        targets = [t for t in targets if t not in sources or len(sources) > 1]
        return _Found(token, coding, coding.lemma, sources, targets)

    @staticmethod
    def _governing_verb(token: Token) -> Token | None:
        """The verb whose subject is the agent of an event noun: the verb it is the object of,
        or the clause verb of a frame phrase holding it ("Kishida and Prabowo, at a meeting
        in Tokyo, agreed": agreed; "said this in remarks during the meeting": said)."""
        head = token.head
        if token.dep_ == "dobj" and head.pos_ == "VERB":
            return head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _FRAME_PREPS:
            verb = clause_verb(head.head)
            return verb if verb.pos_ in {"VERB", "AUX"} else None
        return None

    def analyse(self, token: Token) -> _Found | None:
        if token.pos_ not in {"VERB", "NOUN"}:
            return None
        coding = _verb_only(token)
        if coding is not None:
            targets = prep_actors(token, _target_preps(coding), self.index)
            later = [c for c in token.head.children if c.i > token.i]   # prepositions it lost
            add(targets, [a for c in later for a in prep_actors_of(c, _target_preps(coding),
                                                                   self.index)])
            return _Found(token, coding, coding.lemma, controller(clause_verb(token), self.index),
                          targets)
        if token.pos_ == "NOUN":
            return self.noun(token)
        return self.verb(token)


def _pairs(found: _Found) -> list[tuple[str, str]]:
    """One (source, target) pair per row; reciprocal predicates pair coordinated actors.

    Reciprocal: the override row or the dictionary's paired code says so, or the code is
    one whose two sides play the same part (consult, sign an agreement, cooperate
    materially: :data:`helpers.crossdoc.SYMMETRIC_CODES`, "Kenya and Rwanda will expand
    trade").
    """
    sources, targets = found.sources, found.targets
    reciprocal = found.coding is not None and found.coding.reciprocal \
        or found.code.startswith(SYMMETRIC_CODES)
    if reciprocal and not targets and len(sources) > 1:
        return [(s, o) for s in sources for o in sources if o != s]
    if reciprocal and not sources and len(targets) > 1:
        return [(s, o) for s in targets for o in targets if o != s]
    return [(s, t) for s in sources or [""] for t in targets or [""] if s != t or not s]


def _content(found: _Found, by_token: dict[int, _Found], *, clauses: bool = True) -> list[_Found]:
    """What a verb says, asks or offers: the predicates of its complement (an infinitive,
    "to/for V-ing", with ``clauses`` a that-clause; conjoined ones too), and event nouns it
    takes as object or after "to", "for", "on" ("agreed to a meeting", "demanded the
    release of X")."""
    out = []
    for child in found.token.children:
        heads = []
        if child.dep_ in {"xcomp", "dobj"} or child.dep_ == "ccomp" and clauses:
            heads = [child]
        elif child.dep_ == "prep" and child.lower_ in {"to", "for", "on"}:
            heads = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
        for head in heads:
            for item in [head] + [c for c in head.children if c.dep_ == "conj"]:
                if item.i in by_token and (item.pos_ == "VERB" or child.dep_ != "ccomp"):
                    out.append(by_token[item.i])
    return out


def _speech_acts(found: list[_Found], index: dict[int, _Found]) -> None:
    """Code appeals, offers, demands and rejections by their complement; reported offers;
    the addressee of a report as the target of what its speaker does by speaking."""
    for f in found:
        family = _family(f.coding)
        # 'agreed that ...', 'hopes that ...' state, they do not offer: only a demand or a
        # threat takes a that-clause as what it is about
        contents = _content(f, index, clauses=family in {"demand", "threaten"})
        if family and contents:
            object_control = any(c.dep_ in {"dobj", "dative"} for c in f.token.children)
            if family == "appeal" and not object_control and not f.targets:
                family = "intent"        # 'hopes to V': the subject's own intention
            generic = f.code.endswith("0") or f.coding.role == "intent"
            composed = [(compose(family, c.code), c) for c in contents if c.code]
            composed = [(code, c) for code, c in composed if code]
            if generic and (composed or f.coding.role == "intent"):
                f.code, content = composed[0] if composed else ("030", contents[0])
                if not f.targets:
                    f.targets = [t for t in content.targets if t not in f.sources]
        if is_reporting_verb(f.token):
            for content in _content(f, index):
                if set(content.sources) & set(f.sources) and not content.targets \
                        and (_family(content.coding) or content.code[:2] in {"01", "05"}):
                    content.targets = [t for t in f.targets if t not in content.sources]
            if f.code[:2] == "01":
                _reported(f, _content(f, index))


def _reported(speech: _Found, contents: list[_Found]) -> None:
    """What a speaker's report does: the dictionary's transformations, offers of what 'can' be."""
    d = verb_dictionary()
    speaker = speech.sources
    for content in contents:
        if not content.code:
            continue
        if governed_by_modal(content.token, _OFFER_MODALS) and content.code[:2] in _OFFERABLE:
            composed = compose("intent", content.code)
            if composed:
                content.code, content.factuality = composed, "asserted"
                content.sources = content.sources or list(speaker)
                continue
        for t in d.transformations:
            outer = d.code_of(t.outer_verb)
            inner = d.code_of(t.inner_verb) if t.inner_verb != "Q" else ""
            if outer[:2] != speech.code[:2] or (inner and inner[:2] != content.code[:2]):
                continue
            own = set(content.sources) & set(speaker)
            if (t.inner[0] == t.outer_source) != bool(own):
                continue
            code = content.code if t.result[2] == "Q" else t.result[2]
            if code == content.code and own:
                break                    # what the speaker says it does is that act: no extra row
            for source in speaker:
                for target in content.sources if t.result[1] == t.inner[0] else content.targets:
                    speech.extra.append((code, source, target))
            break


def _is_approach(noun: Token, coding: Coding | None) -> bool:
    """A definite noun naming an approach: a message, request, proposal, appeal or offer
    ('the request', 'the invitation'), an event noun coded 02 or 03."""
    return noun.pos_ == "NOUN" and _definite(noun) and coding is not None and (
        coding.role == "message" or coding.code[:2] in {"02", "03"})


def _responses(found: list[_Found], rows: list[Event], analyser: "_Sentence") -> None:
    """'rejected the request': the target is whoever last made an approach to the rejecter
    (earlier in the sentence, else in an earlier row)."""
    for n, f in enumerate(found):
        if f.targets or not f.code or not f.sources:
            continue
        if not any(c.dep_ == "dobj" and _is_approach(c, analyser.coding(c))
                   for c in f.token.children):
            continue
        approaches = [(g.sources, g.targets) for g in reversed(found[:n]) if g.code]
        approaches += [([r.source_actor], [r.target_actor]) for r in reversed(rows)]
        for sources, targets in approaches:
            callers = [s for s in sources if s and s not in f.sources]
            if set(targets) & set(f.sources) and callers:
                f.targets = callers[:1]
                break


@dataclass(frozen=True)
class EventLayer:
    """The events of a document, the predicates the dictionary could not code, and every
    predicate with an actor argument (what the stance analysis reads)."""

    events: list[Event]
    candidates: list[Candidate]
    predicates: list[Event]


def analyse_events(doc: Doc, sents: Sequence[Sentence], mentions: Sequence[Mention]) -> EventLayer:
    """Every coded event in text order (ids ``e1``..), one row per (source, target) pair;
    every uncoded predicate with an actor argument as a candidate for the lexicon; and
    every predicate with an actor argument, coded or not, event or not, as event-shaped
    rows whose ``event_id`` is that of the event the pair became ('' if none).

    Time fields stay empty: the timeline layer anchors events. Sources and targets are
    actors mentioned in the trigger's own sentence.
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence_id].append(mention)
    state: dict = {"originator": []}
    rows: list[Event] = []
    candidates: list[Candidate] = []
    predicates: list[Event] = []
    for sent, span in zip(sents, sentence_spans(doc, sents)):
        # arguments come from the sentence's own mentions: a parse that runs on across a
        # line break (a headline into a dateline) must not lend it the next line's actors
        own = by_sentence[sent.sentence_id]
        analyser = _Sentence(span, actor_index(doc, own), state)
        found = [f for f in (analyser.analyse(t) for t in span) if f is not None]
        for f in found:
            f.code = f.coding.code if f.coding else ""
            if f.sources or f.targets:          # no actor, no row: no factuality needed
                f.factuality = factuality_of(f.token)
        _speech_acts(found, {f.token.i: f for f in found})
        _responses(found, rows, analyser)
        for f in found:
            if not (f.sources or f.targets):
                continue
            attribution, source_type = event_attribution(f.token, span, own)
            reason = _not_an_event(f)
            made = [] if reason else _rows(f, sent.sentence_id, attribution, source_type,
                                           len(rows))
            if reason and not f.code:
                candidates += _candidates(f, sent.sentence_id, reason)
            for code, source, target in f.extra:
                if dyadic(code, source, target):
                    made.append(_event(len(rows) + len(made), sent.sentence_id, f, code, source,
                                       target, f.factuality, attribution, source_type))
            rows += made
            predicates += _predicates(f, sent.sentence_id, attribution, source_type, made)
    return EventLayer(rows, candidates, predicates)


def _predicates(f: _Found, sentence_id: int, attribution: str, source_type: str,
                made: list[Event]) -> list[Event]:
    """Every (source, target) pair of a predicate; a pair that is an event has its id."""
    ids = {(e.source_actor, e.target_actor): e.event_id for e in made}
    return [replace(_event(0, sentence_id, f, f.code, source, target, f.factuality,
                           attribution, source_type), event_id=ids.get((source, target), ""))
            for source, target in _pairs(f)]


def _not_an_event(f: _Found) -> str:
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


def _event(n: int, sentence_id: int, f: _Found, code: str, source: str, target: str,
           factuality: str, attribution: str, source_type: str) -> Event:
    token = f.token
    return Event(f"e{n + 1}", sentence_id, token.text, token.idx, token.idx + len(token.text),
                 f.lemma, code, goldstein(code), source, target, factuality, attribution,
                 source_type)


def dyadic(code: str, source: str, target: str) -> bool:
    """True when a row is an event: a source, and a target unless the act is verbal.

    As PETRARCH's ``require_dyad``: an event has a source and a target; statements,
    disapproval, rejections and threats (roots 01, 11, 12, 13) may be aimed at no one
    named ("Qatar denied the report").

    >>> dyadic("042", "a", ""), dyadic("120", "a", ""), dyadic("040", "", "b")
    (False, True, False)
    """
    return bool(source) and (bool(target) or code[:2] in VERBAL_ROOTS)


def _rows(f: _Found, sentence_id: int, attribution: str, source_type: str, n: int) -> list[Event]:
    out = []
    reverse = f.coding is not None and f.coding.reverse and f.code == f.coding.code
    for source, target in _pairs(f):
        if reverse:
            source, target = target, source
        if not dyadic(f.code, source, target):
            continue
        out.append(_event(n + len(out), sentence_id, f, f.code, source, target, f.factuality,
                          attribution, source_type))
    return out


def _candidates(f: _Found, sentence_id: int, reason: str) -> list[Candidate]:
    token = f.token
    return [Candidate(sentence_id, token.text, token.idx, token.idx + len(token.text), f.lemma,
                      ";".join(f.sources), ";".join(f.targets), reason)]


def extract_events(doc: Doc, sents: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Event]:
    """The coded events of :func:`analyse_events`."""
    return analyse_events(doc, sents, mentions).events
