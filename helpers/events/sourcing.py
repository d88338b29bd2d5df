"""Sourcing: the attribution cue of each sentence and the kind of source it names.

A cue is "According to <source>", a reporting verb with its subject ("Sources
stated", "Wanjiru told reporters", "observers say") or an adverb ("reportedly").
The source is classified as ``named`` (a person or body the reader can identify),
``anonymous`` (sources, insiders, unnamed officials), ``media_reports``,
``observers`` (analysts, experts, observers) or ``none``. Word lists live in
``resources/sourcing_cues.csv``; the scheme is in docs/annotation_guide_events.md.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Meanwhile, insiders revealed that he might resign.")
>>> sentence_sourcing(doc[:], [])
('insiders revealed', 'anonymous')
"""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from helpers.files.resources import resource_rows
from helpers.files.records import Mention, Sentence
from helpers.nlp.tree import children, sent_of

SOURCE_TYPES = ("named", "anonymous", "media_reports", "observers", "none")
_QUOTES = {'"', "“", "”", "«", "»"}
_SUBJECTS = {"nsubj", "nsubjpass"}


@lru_cache(maxsize=None)
def _cues() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for row in resource_rows("sourcing_cues.csv", columns=("cue", "kind", "value")):
        table[row["kind"]][row["cue"]] = row["value"]
    return dict(table)


def sentence_spans(doc: Doc, sents: Sequence[Sentence]) -> list[Span]:
    """The spaCy span of each sentence (by its character offsets), in order.

    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> doc = get_nlp()("One. Two.")
    >>> [s.text for s in sentence_spans(doc, sentences(doc))]
    ['One.', 'Two.']
    """
    spans = []
    for sent in sents:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            raise ValueError(f"sentence {sent.sentence_id} ({sent.start}-{sent.end}) does not "
                             "align with the tokens of the parsed document")
        spans.append(span)
    return spans


def sentences_with_mentions(doc: Doc, sents: Sequence[Sentence], mentions: Iterable[Mention]
                            ) -> list[tuple[Sentence, Span, list[Mention]]]:
    """``(sentence, its spaCy span, its mentions in text order)`` for each sentence, in order
    (an empty list for a sentence that mentions nothing).

    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> doc = get_nlp()("One. Two.")
    >>> [(span.text, own) for _, span, own in sentences_with_mentions(doc, sentences(doc), [])]
    [('One.', []), ('Two.', [])]
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence_id].append(mention)
    return [(sent, span, by_sentence[sent.sentence_id])
            for sent, span in zip(sents, sentence_spans(doc, sents))]


def classify_source(phrase: Span, mentions: Iterable[Mention] = ()) -> str:
    """The source type of the noun phrase that names a source.

    >>> from helpers.nlp.model import get_nlp
    >>> classify_source(get_nlp()("informed sources")[:])
    'anonymous'
    """
    heads = _cues()["head"]
    head = phrase.root
    lemma = head.lemma_.lower()
    if head.ent_type_ == "PERSON" or any(
            m.kind == "NAME" and m.label == "PERSON" and phrase.start_char <= m.start < phrase.end_char
            for m in mentions):
        return "named"
    if lemma in heads:
        return heads[lemma]
    if head.pos_ in {"PROPN", "PRON"} or any(
            m.actor_id and phrase.start_char <= m.start < phrase.end_char for m in mentions):
        return "named"
    definite = any(t.dep_ in {"det", "poss"} and t.lower_ not in {"a", "an", "some"}
                   for t in children(head))
    return "named" if definite else "anonymous"


def _according(token: Token) -> Span | None:
    """The span 'According to X' when ``token`` starts one."""
    if token.lower_ != "according":
        return None
    for prep in children(token):
        if prep.lower_ == "to":
            objects = [c for c in children(prep) if c.dep_ == "pobj"]
            if objects:
                return token.doc[token.i:objects[0].right_edge.i + 1]
    return None


def is_reporting_verb(token: Token) -> bool:
    """True for a verb of the reporting-verb list (say, tell, deny, ...).

    >>> from helpers.nlp.model import get_nlp
    >>> [is_reporting_verb(t) for t in get_nlp()("Kenya said it left.")][:2]
    [False, True]
    """
    return token.pos_ == "VERB" and token.lemma_.lower() in _cues()["verb"]


def _reporting(token: Token, sent: Span) -> tuple[Span, Span] | None:
    """(cue span, source phrase) when ``token`` is a reporting verb with a subject and a
    clause or a quotation."""
    if not is_reporting_verb(token):
        return None
    subjects = [c for c in children(token) if c.dep_ in _SUBJECTS]
    if not subjects or not (any(c.dep_ in {"ccomp", "parataxis"} for c in children(token))
                            or any(t.text in _QUOTES for t in sent)):
        return None
    subject = subjects[0]
    end = token.i + 1
    audience = _cues()["audience"]
    for child in children(token):
        if child.dep_ in {"dobj", "dative"} and child.i == end and child.lemma_.lower() in audience:
            end = child.right_edge.i + 1
    doc = token.doc
    return doc[subject.left_edge.i:end], doc[subject.left_edge.i:subject.right_edge.i + 1]


def _within(cue: Span, sent: Span) -> Span:
    """The part of a cue inside its sentence (a parse may run a subject on across a line
    break, '"\\nMr. X said': the cue is 'Mr. X said'), without leading quotes or punctuation."""
    start, end = max(cue.start, sent.start), min(cue.end, sent.end)
    while start < end and (cue.doc[start].is_punct or cue.doc[start].is_space):
        start += 1
    return cue.doc[start:end]


def sentence_sourcing(sent: Span, mentions_in_sentence: Iterable[Mention] = ()) -> tuple[str, str]:
    """The attribution cue of a sentence exactly as written and its source type.

    The first cue in text order wins; a sentence without one gives ``('', 'none')``.
    """
    mentions = list(mentions_in_sentence)
    adverbs = _cues()["adverb"]
    for token in sent:      # (the cheap tests first: most words are no cue)
        lower = token.lower_
        if lower == "according" and (according := _according(token)) is not None:
            source = according[2:] if len(according) > 2 else according
            return _within(according, sent).text, classify_source(source, mentions)
        if token.pos_ == "VERB" and (reported := _reporting(token, sent)) is not None:
            return _within(reported[0], sent).text, classify_source(reported[1], mentions)
        if lower in adverbs and token.dep_ == "advmod":
            return token.text, adverbs[lower]
    return "", "none"


def event_attribution(token: Token, sent: Span,
                      mentions_in_sentence: Iterable[Mention] = ()) -> tuple[str, str]:
    """The attribution of the event a token denotes: the reporting verb whose clause holds it
    ("Tanzania denied that its army attacked": 'Tanzania denied'), else the sentence's cue.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Kenya met Uganda, and Tanzania denied that its army attacked Rwanda.")
    >>> event_attribution(doc[10], doc[:], [])
    ('Tanzania denied', 'named')
    """
    return SentenceSourcing(sent, mentions_in_sentence).of(token)


class SentenceSourcing:
    """:func:`event_attribution` for the events of one sentence, which reads the sentence's
    own cue (:func:`sentence_sourcing`) once, when the first event without a reporting verb
    of its own asks for it."""

    def __init__(self, sent: Span, mentions_in_sentence: Iterable[Mention] = ()):
        self.sent = sent
        self.mentions = list(mentions_in_sentence)

    @cached_property
    def _spacy_sentence(self) -> Span:
        """The sentence of the parse that holds this one (``Span.sent``)."""
        return self.sent.sent

    @cached_property
    def _own_cue(self) -> tuple[str, str]:
        """The sentence's own cue (:func:`sentence_sourcing`)."""
        return sentence_sourcing(self.sent, self.mentions)

    def of(self, token: Token) -> tuple[str, str]:
        """The attribution of the event ``token`` denotes."""
        sent, mentions = self.sent, self.mentions
        current, steps = token, 0
        while current.head is not current and steps < 12:
            head, dep = current.head, current.dep_
            if dep in {"ccomp", "parataxis"} and sent_of(head) == self._spacy_sentence:
                reported = _reporting(head, sent)
                if reported is not None:
                    return _within(reported[0], sent).text, classify_source(reported[1], mentions)
            if dep in {"ccomp", "xcomp", "conj", "advcl", "dobj", "pobj", "prep", "nsubj",
                       "nsubjpass", "relcl", "acl", "parataxis", "compound", "amod"}:
                current, steps = head, steps + 1
                continue
            break
        return self._own_cue


def sourcing_table(doc: Doc, sents: Sequence[Sentence],
                   mentions: Iterable[Mention] = ()) -> list[dict]:
    """One row per sentence: sentence_id, attribution, source_type, text.

    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> doc = get_nlp()("According to reports, it rained.")
    >>> sourcing_table(doc, sentences(doc))[0]["source_type"]
    'media_reports'
    """
    rows = []
    for sent, span, own in sentences_with_mentions(doc, sents, mentions):
        cue, kind = sentence_sourcing(span, own)
        rows.append({"sentence_id": sent.sentence_id, "attribution": cue,
                     "source_type": kind, "text": sent.text})
    return rows
