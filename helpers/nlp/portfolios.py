"""A portfolio inside a title of office: "Philippine Foreign Affairs Secretary Enrique Manalo",
"US Treasury Secretary Scott Bessent".

The model tags the portfolio ("Philippine Foreign Affairs", "US Treasury") as an
organisation; by the annotation guide a title is outside names, so the portfolio is part of
the title, and only a state or demonym in front of it ("Philippine", "US") stays a name. A
name the knowledge base or the dictionaries know as an organisation keeps its tag ("UN
Secretary-General Antonio Guterres": the UN is an actor).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.nlp.name_lists import title_kinds


def portfolio_titles(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """ORG spans right before an office word and a PERSON name become the state or demonym
    they open with, or nothing (see the module doc)."""
    kinds = title_kinds()
    persons = {s.start for s in spans if s.label_ == "PERSON"}
    out = []
    for span in spans:
        after = span.end
        if span.label_ != "ORG" or after + 1 >= len(doc) or kinds.get(doc[after].text) != "office" \
                or after + 1 not in persons or kb_label(span.text):
            out.append(span)
            continue
        first = kb_label(span[0].text)
        if first in {"GPE", "NORP"} and len(span) > 1 and not kb_label(span[1:].text):
            kept = Span(doc, span.start, span.start + 1, label=first)
            out.append(kept)
            methods[(kept.start_char, kept.end_char)] = "fix:portfolio"
    return out
