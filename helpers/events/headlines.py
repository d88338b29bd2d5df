"""A headline parsed on its own, in ordinary case, for the event layer only.

A headline or subheading is a line without closing punctuation; parsed with the article,
its verb may be read as a noun ("Jaishankar thanks Sharif"), and in capitals as a proper
noun ("MANELE MEETS ROSSO"). The event layer reads such a line, one in capitals or one the
article's parse finds no verb in, from a parse of the line alone,
a line in capitals put in sentence case (names in title case, short ones kept as acronyms); the offsets of the
events found there are those of the article (the parse keeps the line's offset in
``doc.user_data["offset"]``). Names, links and dates keep the article's parse: the line is
parsed without the components that find names (:data:`~helpers.nlp.model.NAME_PIPES`), and
takes the article's entities and datelines in the line.

The headline lines of several articles can be parsed ahead in one ``nlp.pipe`` batch
(:func:`parse_headlines`); :func:`headline_span` then takes those parses instead of
parsing each line on its own.

>>> headline_text("MANELE MEETS PNG DEPUTY", [(0, 6), (13, 16)])
'Manele meets PNG deputy'
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator, Sequence
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from helpers.events.sourcing import sentences_with_mentions
from helpers.files.records import Mention, Sentence
from helpers.nlp.model import NAME_PIPES, get_nlp
from helpers.nlp.name_lists import text_of
from helpers.nlp.tree import entities

#: Characters that close a sentence of running text (a line ending in one, before any closing
#: quotes, is no headline).
_CLOSING = ".!?;:"
_QUOTES = "\"'”’"
#: Words in capitals this short are kept as acronyms ("PNG", "UN", "US").
_ACRONYM = 3
#: The parses :func:`parse_headlines` made ahead for an article's headline lines
#: (``{text parsed: [Doc, ...]}``), until :func:`headline_span` takes them.
_AHEAD: WeakKeyDictionary[Doc, dict[str, list[Doc]]] = WeakKeyDictionary()


def is_headline(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a line of its own without closing punctuation.

    >>> is_headline("Orsk meets Tarvia\\nOrsk met Tarvia.", 0, 17)
    True
    >>> is_headline("Orsk met Tarvia.\\nMore.", 0, 16)
    False
    """
    line = text[start:end].strip().rstrip(_QUOTES)
    if not line or line[-1] in _CLOSING or "\n" in line:
        return False
    return (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end] == "\n")


def headline_text(line: str, names: Sequence[tuple[int, int]] = ()) -> str:
    """The line in sentence case when it is in capitals: the words of ``names`` (offsets in
    the line) in title case, short ones kept as acronyms, the rest in lower case, the first
    letter a capital; the length is unchanged. A line not in capitals is returned as it is."""
    if not _in_capitals(line):
        return line

    def case(m: re.Match) -> str:
        word = m.group()
        if any(s <= m.start() < e for s, e in names):
            return word if len(word) <= _ACRONYM else word.title()
        return word.lower()
    text = re.sub(r"[A-Z][A-Z'’-]*", case, line)
    return text[:1].upper() + text[1:]


def _in_capitals(line: str) -> bool:
    return line.upper() == line


def _alone_text(doc: Doc, span: Span, mentions: Sequence[Mention]) -> str | None:
    """The text :func:`headline_span` parses for the sentence ``span``, None when it is no
    headline line, or one in ordinary case that the article's parse reads with a verb."""
    start, end = span.start_char, span.end_char
    text = text_of(doc)
    if not is_headline(text, start, end):
        return None
    line = text[start:end]
    if not _in_capitals(line) and any(t.pos_ == "VERB" for t in span):
        return None
    return headline_text(line, [(m.start - start, m.end - start) for m in mentions])


def parse_headlines(articles: Iterable[tuple[Doc, Sequence[Sentence], Sequence[Mention]]]) -> None:
    """Parse the headline lines of the articles ``(doc, sentences, mentions)`` in one
    ``nlp.pipe`` batch, for :func:`headline_span` to take (each parse once, while the article's
    doc lives). The parses are those :func:`headline_span` would make line by line.
    """
    jobs = []
    for doc, sents, mentions in articles:
        for _, span, own in sentences_with_mentions(doc, sents, mentions):
            # a line without an actor is seldom read for events (then it is parsed there)
            alone = _alone_text(doc, span, own) if own else None
            if alone is not None:
                jobs.append((doc, alone))
    for (doc, alone), parsed in zip(jobs, _parse(alone for _, alone in jobs)):
        _AHEAD.setdefault(doc, {}).setdefault(alone, []).append(parsed)


def _parse(lines: Iterable[str]) -> Iterator[Doc]:
    """Tags, dependencies and lemmas of each line, without its names (see :func:`_names_of_article`)."""
    return get_nlp().pipe(lines, disable=NAME_PIPES)


def _names_of_article(alone: Doc, span: Span) -> None:
    """Give the parse ``alone`` of the line ``span`` the article's entities and datelines in that
    line, in the line's offsets (an entity that does not fall on the line parse's tokens is left
    out)."""
    start = span.start_char
    ents = (alone.char_span(e.start_char - start, e.end_char - start, label=e.label_, kb_id=e.kb_id_)
            for e in entities(span.doc) if span.start <= e.start and e.end <= span.end)
    alone.ents = filter_spans([e for e in ents if e is not None])
    alone.user_data["datelines"] = [(s - start, e - start)
                                    for s, e in span.doc.user_data.get("datelines", ())
                                    if s >= start and e <= span.end_char]


def headline_span(doc: Doc, span: Span, mentions: Sequence[Mention]
                  ) -> tuple[Span, list[Mention]]:
    """The span the event layer reads for one sentence, and its mentions in that span's offsets.

    A headline line (:func:`is_headline`) in capitals or without a verb in the article's
    parse is parsed alone (or its parse made ahead by :func:`parse_headlines` is taken); any
    other sentence is returned as it is, with its mentions.
    """
    text = _alone_text(doc, span, mentions)
    if text is None:
        return span, list(mentions)
    start, end = span.start_char, span.end_char
    ready = _AHEAD.get(doc, {}).get(text)
    alone = ready.pop(0) if ready else next(_parse([text]))
    alone.user_data["offset"] = start
    alone.user_data["line"] = text_of(doc)[start:end]
    _names_of_article(alone, span)
    shifted = [replace(m, start=m.start - start, end=m.end - start) for m in mentions
               if m.start >= start and m.end <= end]
    return alone[:], shifted
