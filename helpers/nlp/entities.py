"""The components the collection adds to the spaCy model, and the span conventions they apply.

``line_breaks`` starts a sentence after every line break before the parser runs, so a
headline or a dateline is never parsed into the next line. ``entity_fixes`` applies the OntoNotes span conventions by general rules (possessives
split off, titles stripped, a state or demonym split off a state body, labels corrected
from the knowledge base, short names of persons found) and the document-level rules of
:mod:`helpers.nlp.entity_rules` and :mod:`helpers.nlp.entity_labels`; the knowledge-base
EntityRuler ``kb_ruler`` (:func:`helpers.nlp.kb.ruler_patterns`) adds names the model missed; ``kb_extend``
replaces the model's fragments of a longer known name and sets each name's leading "the".
:func:`helpers.nlp.model.get_nlp` puts all four in the pipeline.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Iraq’s National Wisdom Movement met.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Iraq', 'GPE'), ('National Wisdom Movement', 'ORG')]
"""
from __future__ import annotations

import re
from operator import attrgetter
from typing import Callable, Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from helpers.nlp import entity_labels as labels
from helpers.nlp import entity_rules as rules
from helpers.nlp.kb import load_kb, name_parts
from helpers.nlp.name_lists import (body_heads, institution_names, is_known_person, kb_label,
                                    text_of, title_length, words_of)
from helpers.nlp.nicknames import nicknames
from helpers.nlp.portfolios import portfolio_titles

#: Labels kept as mentions. Numeric and temporal labels (DATE, TIME, CARDINAL,
#: ORDINAL, MONEY, PERCENT, QUANTITY) are left to the time layer.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW", "LANGUAGE")
#: The names under which the pipeline holds :class:`EntityFixes`, the knowledge-base
#: EntityRuler and :class:`KBExtend`.
ENTITY_FIXES, KB_RULER, KB_EXTEND = "entity_fixes", "kb_ruler", "kb_extend"
#: The name of the component :func:`line_breaks`.
LINE_BREAKS = "line_breaks"
_ENT_KEY = attrgetter("start", "end", "label", "kb_id", "id")   # what doc.ents keeps of a span
_POSSESSIVE = {"’s", "'s", "’", "'"}
#: Determiners that never belong to a name ("a Fixture University" is the name "Fixture University").
_INDEFINITE = {"a", "an"}
_ALNUM = re.compile(r"[^\W_]")     # a letter or a digit (what str.isalnum accepts)


def _trimmed(span: Span) -> Span:
    """``span`` cut at its first line break, without leading or trailing tokens that have no
    letter or digit (a bullet "•", an emoji, a dash) and without a leading indefinite article.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp().make_doc("• a Fixture University 🤝")
    >>> _trimmed(doc[0:5]).text
    'Fixture University'
    """
    doc, start, end = span.doc, span.start, span.end
    if end - start > 1 and "\n" in text_of(doc)[span.start_char:doc[end - 1].idx]:
        end = next(t.i + 1 for t in span[:-1] if "\n" in t.whitespace_ or "\n" in t.text)
    while start < end and (not _ALNUM.search(doc[start].text) or doc[start].lower_ in _INDEFINITE):
        start += 1
    while end > start and not _ALNUM.search(doc[end - 1].text):
        end -= 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def is_state_body(span: Span) -> bool:
    """Whether a name is that of a body of a state: a generic institution or a name ending in
    one of :func:`body_heads` ("Foreign Ministry", "State Department", "Sejm").

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp().make_doc("Defence Contact Group and State Department")
    >>> is_state_body(doc[0:3]), is_state_body(doc[4:6])
    (False, True)
    """
    text = span.text.removeprefix("the ").removeprefix("The ")
    return text in institution_names() or span[-1].text in body_heads()


def _state_prefix(span: Span, label: str = "ORG") -> tuple[int, str]:
    """Tokens at the start of an ORG span naming a state ("U.S." in "U.S. State Department") or
    its demonym ("Turkish" in "the Turkish Foreign Ministry") before the name of a state body,
    or at the start of a PERSON span naming a state before a name of two words or more
    ("Turkmenistan Gurbanguly Berdimuhamedov"); with the label of that prefix; (0, '') when
    there is none."""
    kb = load_kb()
    first = 1 if span[0].lower_ == "the" else 0
    if label == "PERSON":
        actor_id = kb.by_alias.get(span[first].text) if first + 3 <= len(span) else None
        if actor_id and kb.actors[actor_id].type == "state" and all(t.is_title for t in span[first:]):
            return first + 1, "GPE"
        return 0, ""
    for size in (3, 2, 1):
        if first + size < len(span) and is_state_body(span[first + size:]):
            words = span[first:first + size].text
            actor_id = kb.by_alias.get(words)
            if actor_id and kb.actors[actor_id].type == "state":
                return first + size, "GPE"
            if words in kb.by_demonym:
                return first + size, "NORP"
    return 0, ""


def _pieces(span: Span) -> list[tuple[Span, str, str]]:
    """Split or trim one model entity into (span, label, method) pieces by the OntoNotes conventions."""
    doc, label = span.doc, span.label_
    if label not in NAME_LABELS:
        return [(span, label, "model")]
    trimmed = _trimmed(span)
    if not len(trimmed):
        return []
    method = "model" if len(trimmed) == len(span) else "fix:trim"
    span = trimmed
    pieces: list[tuple[Span, str, str]] = []
    start = span.start
    for tok in span:
        if tok.text in _POSSESSIVE and tok.i > start:
            left = doc[start:tok.i]
            pieces.append((left, kb_label(left.text) or "GPE" if tok.i + 1 < span.end else label,
                           "fix:possessive"))
            start, method = tok.i + 1, "fix:possessive"
    rest = doc[start:span.end]
    if label in {"ORG", "PERSON"} and len(rest) > 1 and (cut := _state_prefix(rest, label))[0]:
        pieces.append((doc[rest.start + (1 if rest[0].lower_ == "the" else 0):rest.start + cut[0]],
                       cut[1], "fix:state_prefix"))
        rest, method = doc[rest.start + cut[0]:rest.end], "fix:state_prefix"
        if rest.text.lower() == "government":     # "the PNG Government": the state alone
            return _with_kb_labels(pieces)
    if label == "ORG" and (state := _government_of(rest)) is not None:
        return _with_kb_labels(pieces + [(state, "GPE", "fix:government_of")])
    lead = rest.start
    if not len(rest) or title_length(doc, lead) >= len(rest):
        return _with_kb_labels(pieces)
    while label == "PERSON" and lead < rest.end - 1 and not is_known_person(rest.text) and \
            (size := title_length(doc, lead) or (doc[lead].lower_ == "the")) and lead + size < rest.end:
        lead += size
    if lead > rest.start:
        rest, method = doc[lead:rest.end], "fix:title"
    if rest.text in _POSSESSIVE or not len(rest):
        return _with_kb_labels(pieces)
    pieces.append((rest, label, method))
    return _with_kb_labels(pieces)


def _with_kb_labels(pieces: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """The non-empty pieces, each with the label the knowledge base gives its name."""
    fixed = []
    for piece, piece_label, piece_method in pieces:
        if not len(piece):
            continue
        known = kb_label(piece.text)
        if known and known != piece_label and piece_label in NAME_LABELS:
            piece_label, piece_method = known, "fix:kb_label"
        fixed.append((piece, piece_label, piece_method))
    return fixed


def _government_of(span: Span) -> Span | None:
    """The state of "the Government of Pakistan" (a state named as its government), else None."""
    words = [t.lower_ for t in span[:3]]
    first = 1 if words[:1] == ["the"] else 0
    if words[first:first + 2] != ["government", "of"] or len(span) <= first + 2:
        return None
    state = span[first + 2:]
    found = load_kb().by_alias.get(state.text)
    return state if found and load_kb().actors[found].type == "state" else None


@Language.factory(ENTITY_FIXES)
def make_entity_fixes(nlp: Language, name: str) -> "EntityFixes":
    """The ``entity_fixes`` component of ``nlp`` (which it uses to read headlines again)."""
    return EntityFixes(nlp)


class EntityFixes:
    """Apply the span conventions to the model's entities and find short names of persons.

    The method of each changed span is kept in ``doc.user_data["entity_methods"]``.
    """

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The docs fixed in turn, the lines in capitals of each batch read again in one
        ``nlp.pipe`` batch (as :meth:`__call__` reads them one by one)."""
        for batch in minibatch(docs, size=batch_size):
            lines = [cased for doc in batch for _, _, cased in rules.capitals_lines(doc)]
            ahead: dict[str, list[Doc]] = {}
            for line, parsed in zip(lines, self.nlp.pipe(lines)):
                ahead.setdefault(line, []).append(parsed)
            for doc in batch:
                yield self.fixed(doc, lambda text: ahead[text].pop(0) if ahead.get(text)
                                 else self.nlp(text))

    def __call__(self, doc: Doc) -> Doc:
        return self.fixed(doc, self.nlp)

    def fixed(self, doc: Doc, read: Callable[[str], Doc]) -> Doc:
        """``doc`` with its entities fixed, ``read(text)`` parsing its lines in capitals."""
        methods: dict[tuple[int, int], str] = {}
        spans: list[Span] = []
        for ent in doc.ents:
            for piece, label, method in _pieces(ent):
                spans.append(Span(doc, piece.start, piece.end, label=label))
                if method != "model":
                    methods[(spans[-1].start_char, spans[-1].end_char)] = method
        spans = rules.headline(doc, spans, methods, read)
        spans = rules.brackets(doc, spans, methods)
        spans = labels.honorific(doc, spans, methods)
        spans = nicknames(doc, spans, methods)
        spans = labels.media(doc, spans, methods)
        spans = labels.possessive_office(doc, spans, methods, kb_label, institution_names())
        spans = rules.dateline(doc, spans, methods, kb_label)
        parts = {p for s in spans if s.label_ == "PERSON" and len(s) > 1 for p in name_parts(s.text)}
        spans = labels.place_names(doc, spans, methods, {p.lower() for p in parts})
        spans = labels.coordinated_persons(doc, spans, methods, parts)
        for step in (labels.known_labels, labels.titled_names, labels.comma_places,
                     labels.roles_and_sites):
            spans = step(doc, spans, methods, kb_label)
        spans = portfolio_titles(doc, labels.persons_named_again(doc, spans, methods), methods, kb_label)
        parts = {p for s in spans if s.label_ == "PERSON" and len(s) > 1 for p in name_parts(s.text)}
        doc.ents = filter_spans(_name_parts(doc, spans, methods, parts))
        doc.user_data["entity_methods"] = methods
        return doc


def _name_parts(doc: Doc, spans: list[Span], methods: dict, parts: set[str]) -> list[Span]:
    """One-word parts of the full names of persons ("Hakim" after "Ammar al-Hakim") are
    PERSON, also in a line in capitals ("DELANE")."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    for i, span in enumerate(spans):
        if len(span) == 2 and span[0].lower_ == "the":   # "the Prabowo": the article is no part
            span = span[1:]
        if len(span) == 1 and span.label_ != "PERSON" and span.text in parts \
                and span.label_ in NAME_LABELS and not kb_label(span.text):
            spans[i] = Span(doc, span.start, span.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:name_part"
    for tok in (doc[i] for i, w in enumerate(words_of(doc)) if w in parts or w.title() in parts):
        if tok.i not in covered and (tok.is_title and tok.pos_ == "PROPN" and tok.text in parts
                                     or tok.is_upper and len(tok) > 2 and tok.text.title() in parts):
            spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            methods[(tok.idx, tok.idx + len(tok))] = "fix:name_part"
    return spans


@Language.factory(KB_EXTEND)
def make_kb_extend(nlp: Language, name: str) -> "KBExtend":
    """The ``kb_extend`` component of ``nlp``, which reads the matches of its ``kb_ruler``."""
    return KBExtend(nlp)


class KBExtend:
    """A knowledge-base name that holds the model's entities as fragments replaces them
    ("Cote" PERSON inside "Cote d’Ivoire"; "Qatar" inside "the State of Qatar"); then the
    leading "the" of every name follows the convention (:func:`helpers.nlp.entity_labels.article`)."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        ents = before = list(doc.ents)
        methods = doc.user_data.setdefault("entity_methods", {})
        matches = self.nlp.get_pipe(KB_RULER).match(doc)
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2] - m[1])):
            inside = [e for e in ents if e.start < end and start < e.end]
            label, _, actor_id = doc.vocab.strings[match_id].partition("||")
            if len(inside) == 1 and inside[0].start < start < inside[0].end < end \
                    and inside[0].label_ == label:   # "the Republic of Cote" + "Cote d’Ivoire"
                start = inside[0].start
            elif not inside or not all(start <= e.start and e.end <= end for e in inside) \
                    or any((e.start, e.end) == (start, end) for e in inside):
                continue
            span = Span(doc, start, end, label=label, span_id=actor_id)
            ents = [e for e in ents if e not in inside] + [span]
            methods[(span.start_char, span.end_char)] = "fix:kb_extend"
        fixed = filter_spans(labels.article(doc, filter_spans(ents), methods, kb_label))
        if sorted(map(_ENT_KEY, fixed)) != sorted(map(_ENT_KEY, before)):   # (setting them unchanged
            doc.ents = fixed                                          # costs as much as a change)
        return doc


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs, so that a headline,
    a dateline or a paragraph is never parsed into the next one ('... hold bilateral
    talks\\nPresident X arrived': 'X' is no object of 'hold')."""
    text = text_of(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    breaks = [match.start() for match in re.finditer(r"\n", text)]
    # the token after each break
    for i in np.searchsorted(doc.to_array("IDX"), breaks, side="right").tolist():
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
