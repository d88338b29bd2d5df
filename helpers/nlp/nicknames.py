"""A nickname in quotation marks inside a person's name: "Ferdinand “Bongbong” Marcos Jr.".

The model splits such a name in three (a first name, the nickname as some other entity, the
rest); the whole is one PERSON span, as OntoNotes draws a name, and the nickname is left out
of the person's id (:func:`without_nickname`), so the same person keeps one id in an article
that does not give it.

>>> without_nickname("Ferdinand “Bongbong” Marcos Jr."), without_nickname('Joseph "Jojo" Ejercito')
('Ferdinand Marcos Jr.', 'Joseph Ejercito')
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

OPENING, CLOSING = {"“", '"', "‘", "'"}, {"”", '"', "’", "'"}
_QUOTED = re.compile(r"\s*[“\"‘'][^“”\"‘’']{1,30}[”\"’']\s*")


def without_nickname(name: str) -> str:
    """``name`` without a nickname in quotation marks between its words."""
    return " ".join(_QUOTED.sub(" ", name).split())


def nicknames(doc: Doc, spans: list[Span], methods: dict) -> list[Span]:
    """A PERSON span, a quoted nickname of one to three capitalised words, and a PERSON span
    (or capitalised proper nouns) right after it are one PERSON span."""
    persons = {s.start: s for s in spans if s.label_ == "PERSON"}
    out, drop = list(spans), set()
    for span in (s for s in spans if s.label_ == "PERSON"):
        i = span.end
        if i >= len(doc) or doc[i].text not in OPENING:
            continue
        close = next((k for k in range(i + 1, min(i + 5, len(doc))) if doc[k].text in CLOSING), None)
        if close is None or close == i + 1 or not all(t.is_title for t in doc[i + 1:close]):
            continue
        end = persons[close + 1].end if close + 1 in persons else close + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end == close + 1:
            continue
        whole = Span(doc, span.start, end, label="PERSON")
        drop |= {(s.start, s.end) for s in spans if span.start <= s.start and s.end <= end}
        out.append(whole)
        methods[(whole.start_char, whole.end_char)] = "fix:nickname"
    return [s for s in out if (s.start, s.end) not in drop]
