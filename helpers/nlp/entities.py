"""The components the collection adds to the spaCy model, and the name lists they use.

``line_breaks`` starts a sentence after every line break before the parser runs, so a
headline or a dateline is never parsed into the next line. ``entity_fixes`` applies the OntoNotes span conventions by general rules (possessives
split off, titles stripped, a country prefix of an organisation split off, labels
corrected from the knowledge base, short names of persons found);
:func:`ruler_patterns` are the knowledge-base aliases for an EntityRuler that only adds
names the model missed. :func:`helpers.nlp.model.get_nlp` puts them in the pipeline.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Iraq’s National Wisdom Movement met.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Iraq', 'GPE'), ('National Wisdom Movement', 'ORG')]
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from helpers.files.resources import resource_rows
from helpers.nlp.kb import LABEL_OF_TYPE, load_kb, name_parts

#: Labels kept as mentions. Numeric and temporal labels (DATE, TIME, CARDINAL,
#: ORDINAL, MONEY, PERCENT, QUANTITY) are left to the time layer.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW", "LANGUAGE")
#: The name of the component :func:`entity_fixes` under which the pipeline holds it.
ENTITY_FIXES = "entity_fixes"
#: The name of the component :func:`line_breaks`.
LINE_BREAKS = "line_breaks"
_POSSESSIVE = {"’s", "'s", "’", "'"}
#: Determiners that never belong to a name ("a Fixture University" is the name "Fixture University").
_INDEFINITE = {"a", "an"}


def _trimmed(span: Span) -> Span:
    """``span`` without leading or trailing tokens that have no letter or digit (a bullet
    "•", an emoji, a dash) and without a leading indefinite article.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp().make_doc("• a Fixture University 🤝")
    >>> _trimmed(doc[0:5]).text
    'Fixture University'
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (not any(c.isalnum() for c in doc[start].text)
                           or doc[start].lower_ in _INDEFINITE):
        start += 1
    while end > start and not any(c.isalnum() for c in doc[end - 1].text):
        end -= 1
    return doc[start:end]


def _column(name: str, column: str) -> tuple[str, ...]:
    return tuple(row[column] for row in resource_rows(name, columns=(column,)) if row[column])


@lru_cache(maxsize=None)
def titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles and honorifics (``resources/entity_titles.csv``) as word tuples by first word, longest first.

    >>> titles()["Supreme"]
    (('Supreme', 'Leader'),)
    """
    found: dict[str, list[tuple[str, ...]]] = {}
    for title in _column("entity_titles.csv", "title"):
        words = tuple(title.split())
        found.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


def title_length(doc: Doc, i: int) -> int:
    """The number of tokens of the longest title starting at token ``i`` (0 if none).

    >>> from helpers.nlp.model import get_nlp
    >>> title_length(get_nlp().make_doc("Supreme Leader Ali Khamenei"), 0)
    2
    """
    for words in titles().get(doc[i].text, ()):
        if tuple(t.text for t in doc[i:i + len(words)]) == words:
            return len(words)
    return 0


@lru_cache(maxsize=None)
def institution_names() -> frozenset[str]:
    """Generic names of state institutions ("Parliament", "Foreign Ministry")."""
    return frozenset(_column("entity_institutions.csv", "name"))


def _kb_label(text: str) -> str:
    kb = load_kb()
    actor_id = kb.by_alias.get(text)
    if actor_id:
        return LABEL_OF_TYPE[kb.actors[actor_id].type]
    return "NORP" if text in kb.by_demonym else ""


def _state_prefix(span: Span) -> int:
    """Tokens at the start of an ORG span that name a state in the KB ("U.S." in "U.S. State Department")."""
    kb = load_kb()
    first = 1 if span[0].lower_ == "the" else 0
    for size in (3, 2, 1):
        if first + size < len(span):
            actor_id = kb.by_alias.get(span[first:first + size].text)
            if actor_id and kb.actors[actor_id].type == "state":
                return first + size
    return 0


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
            pieces.append((left, _kb_label(left.text) or "GPE" if tok.i + 1 < span.end else label,
                           "fix:possessive"))
            start, method = tok.i + 1, "fix:possessive"
    rest = doc[start:span.end]
    if label == "ORG" and len(rest) > 1 and (cut := _state_prefix(rest)):
        pieces.append((doc[rest.start + (1 if rest[0].lower_ == "the" else 0):rest.start + cut],
                       "GPE", "fix:state_prefix"))
        rest, method = doc[rest.start + cut:rest.end], "fix:state_prefix"
    lead = rest.start
    if title_length(doc, lead) >= len(rest):
        return [p for p in pieces if len(p[0])]
    while label == "PERSON" and lead < rest.end - 1 and \
            (size := title_length(doc, lead) or (doc[lead].lower_ == "the")) and lead + size < rest.end:
        lead += size
    if lead > rest.start:
        rest, method = doc[lead:rest.end], "fix:title"
    if rest.text in _POSSESSIVE or not len(rest):
        return [p for p in pieces if len(p[0])]
    pieces.append((rest, label, method))
    fixed = []
    for piece, piece_label, piece_method in pieces:
        if not len(piece):
            continue
        kb_label = _kb_label(piece.text)
        if kb_label and kb_label != piece_label and piece_label in NAME_LABELS:
            piece_label, piece_method = kb_label, "fix:kb_label"
        before = doc[piece.start - 1] if piece.start else None
        if before is not None and before.lower_ == "the" and not before.ent_type_ \
                and load_kb().by_alias.get("the " + piece.text):
            piece = doc[piece.start - 1:piece.end]
        fixed.append((piece, piece_label, piece_method))
    return fixed


@Language.component(ENTITY_FIXES)
def entity_fixes(doc: Doc) -> Doc:
    """Apply the span conventions to the model's entities and find short names of persons.

    The method of each changed span is kept in ``doc.user_data["entity_methods"]``.
    """
    methods: dict[tuple[int, int], str] = {}
    spans: list[Span] = []
    for ent in doc.ents:
        for piece, label, method in _pieces(ent):
            spans.append(Span(doc, piece.start, piece.end, label=label))
            if method != "model":
                methods[(spans[-1].start_char, spans[-1].end_char)] = method
    parts = {part for s in spans if s.label_ == "PERSON" and len(s) > 1 for part in name_parts(s.text)}
    covered = {i for s in spans for i in range(s.start, s.end)}
    for i, span in enumerate(spans):
        if len(span) == 1 and span.label_ != "PERSON" and span.text in parts \
                and span.label_ in NAME_LABELS and not _kb_label(span.text):
            spans[i] = Span(doc, span.start, span.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:name_part"
    for tok in doc:
        if tok.i not in covered and tok.text in parts and tok.is_title and tok.pos_ == "PROPN":
            spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            methods[(tok.idx, tok.idx + len(tok))] = "fix:name_part"
    doc.ents = filter_spans(spans)
    doc.user_data["entity_methods"] = methods
    return doc


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns from every KB alias and demonym, with the actor id as pattern id."""
    kb = load_kb()
    patterns = [{"label": LABEL_OF_TYPE[kb.actors[a].type], "pattern": alias, "id": a}
                for alias, a in sorted(kb.by_alias.items()) if len(alias) > 1]
    patterns += [{"label": "NORP", "pattern": d, "id": a} for d, a in sorted(kb.by_demonym.items())]
    return patterns


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs, so that a headline,
    a dateline or a paragraph is never parsed into the next one ('... hold bilateral
    talks\\nPresident X arrived': 'X' is no object of 'hold')."""
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array("IDX")
    for match in re.finditer(r"\n", text):
        i = int(np.searchsorted(starts, match.start(), side="right"))   # the token after it
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
