"""Sentences, paragraphs and first-look text statistics, all with character offsets.

>>> paragraphs("One.\\n\\nTwo.")
[Paragraph(paragraph_id=1, start=0, end=4, text='One.'), Paragraph(paragraph_id=2, start=6, end=10, text='Two.')]
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == source[start:end]``, without surrounding whitespace."""

    sentence_id: int
    start: int
    end: int
    text: str


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
    text = doc.text
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


def non_ascii_inventory(text: str) -> list[dict]:
    """Every non-ASCII character of ``text`` with its Unicode name and count, by code point.

    >>> non_ascii_inventory("it’s “ok”")[0]["name"]
    'RIGHT SINGLE QUOTATION MARK'
    """
    counts = Counter(ch for ch in text if ord(ch) > 127)
    return [{"char": ch, "codepoint": f"U+{ord(ch):04X}",
             "name": unicodedata.name(ch, "UNKNOWN"), "count": n}
            for ch, n in sorted(counts.items(), key=lambda item: ord(item[0]))]


def content_lemmas(doc: Doc, *, top: int = 15) -> list[tuple[str, int]]:
    """The most frequent lemmas of content words (nouns, verbs, adjectives, proper nouns).

    Ties are broken alphabetically so the order is stable.
    """
    counts = Counter(tok.lemma_.lower() for tok in doc
                     if tok.pos_ in {"NOUN", "VERB", "ADJ", "PROPN"} and not tok.is_stop
                     and tok.is_alpha)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def keyword_in_context(text: str, sentences_: Iterable[Sentence], pattern: str, *,
                       width: int = 35) -> list[dict]:
    """Keyword-in-context rows for a regex ``pattern`` (case-insensitive, whole words).

    Each row keeps the sentence id and the offsets of the match.

    >>> keyword_in_context("We mediate.", [Sentence(1, 0, 11, "We mediate.")], r"mediat\\w*")[0]["keyword"]
    'mediate'
    """
    sents = list(sentences_)
    rows = []
    for match in re.finditer(rf"\b(?:{pattern})\b", text, flags=re.IGNORECASE):
        start, end = match.span()
        left = text[max(0, start - width):start].replace("\n", " ")
        right = text[end:end + width].replace("\n", " ")
        rows.append({"sentence_id": sentence_of(sents, start), "start": start, "end": end,
                     "left": left.rjust(width), "keyword": match.group(0),
                     "right": right.ljust(width)})
    return rows
