"""Sentences and paragraphs of an article, with character offsets.

>>> paragraphs("One.\\n\\nTwo.")
[Paragraph(paragraph_id=1, start=0, end=4, text='One.'), Paragraph(paragraph_id=2, start=6, end=10, text='Two.')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc

from helpers.files.records import Sentence
from helpers.nlp.name_lists import text_of


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: a run of text between line breaks."""

    paragraph_id: int
    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` at line breaks into non-empty paragraphs, numbered from 1."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trimmed(text, match.start(), match.end())
        if start < end:
            found.append(Paragraph(len(found) + 1, start, end, text[start:end]))
    return found


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed ``doc``, whitespace trimmed, numbered from 1.

    A sentence never crosses a line break: a parse that joins two paragraphs is
    split at the break.
    """
    text = text_of(doc)
    found: list[Sentence] = []
    for sent in doc.sents:
        for match in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            start, end = _trimmed(text, sent.start_char + match.start(),
                                  sent.start_char + match.end())
            if start < end:
                found.append(Sentence(len(found) + 1, start, end, text[start:end]))
    return found


def sentence_of(sentences_: Iterable[Sentence], offset: int) -> int | None:
    """The id of the sentence containing character ``offset``, or None."""
    for sent in sentences_:
        if sent.start <= offset < sent.end:
            return sent.sentence_id
    return None
