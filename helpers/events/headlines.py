"""A headline parsed on its own, in ordinary case, for the event layer only.

A headline or subheading is a line without closing punctuation; parsed with the article,
it runs on into the next line, and in capitals its verb is read as a proper noun
("MANELE MEETS ROSSO"). The event layer reads such a line from a parse of the line alone,
a line in capitals put in sentence case (names in title case, short ones kept as acronyms); the offsets of the
events found there are those of the article (the parse keeps the line's offset in
``doc.user_data["offset"]``). Names, links and dates keep the article's parse.

>>> headline_text("MANELE MEETS PNG DEPUTY", [(0, 6), (13, 16)])
'Manele meets PNG deputy'
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from spacy.tokens import Doc, Span

from helpers.files.records import Mention
from helpers.nlp.model import get_nlp
from helpers.nlp.name_lists import text_of

#: Characters that close a sentence of running text (a line ending in one, before any closing
#: quotes, is no headline).
_CLOSING = ".!?;:"
_QUOTES = "\"'”’"
#: Words in capitals this short are kept as acronyms ("PNG", "UN", "US").
_ACRONYM = 3


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
    if line.upper() != line:
        return line

    def case(m: re.Match) -> str:
        word = m.group()
        if any(s <= m.start() < e for s, e in names):
            return word if len(word) <= _ACRONYM else word.title()
        return word.lower()
    text = re.sub(r"[A-Z][A-Z'’-]*", case, line)
    return text[:1].upper() + text[1:]


def headline_span(doc: Doc, span: Span, mentions: Sequence[Mention]
                  ) -> tuple[Span, list[Mention]]:
    """The span the event layer reads for one sentence, and its mentions in that span's offsets.

    A headline line (:func:`is_headline`) is parsed alone; any other sentence is returned
    as it is, with its mentions.
    """
    start, end = span.start_char, span.end_char
    text = text_of(doc)
    if not is_headline(text, start, end):
        return span, list(mentions)
    names = [(m.start - start, m.end - start) for m in mentions]
    alone = get_nlp()(headline_text(text[start:end], names))
    alone.user_data["offset"] = start
    alone.user_data["line"] = text[start:end]
    shifted = [replace(m, start=m.start - start, end=m.end - start) for m in mentions
               if m.start >= start and m.end <= end]
    return alone[:], shifted
