"""A first look at an article before annotation: counts, cue words, keywords in context.

>>> cue_hits("Sources said it might rain.", [])[0]["cue"]
'sources'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import pandas as pd
from spacy.tokens import Doc

from .cameo import resource_rows
from .text import Sentence, keyword_in_context, paragraphs, sentence_of, sentences

#: Key terms of a first reading and the patterns that find their word families.
KEY_TERMS = {"calm": r"calm\w*", "stability": r"stab\w*", "mediat*": r"mediat\w*",
             "election": r"election\w*", "tension": r"tension\w*"}


@lru_cache(maxsize=1)
def cue_table() -> tuple[tuple[str, str, re.Pattern], ...]:
    """The cue words (``resources/first_look_cues.csv``): (cue, family, compiled pattern)."""
    rows = resource_rows("first_look_cues.csv", columns=("cue", "family", "pattern"))
    return tuple((row["cue"], row["family"], re.compile(rf"\b{row['pattern']}\b", re.IGNORECASE))
                 for row in rows)


def cue_hits(text: str, sents: Iterable[Sentence]) -> list[dict]:
    """Every occurrence of a sourcing or hedging cue word, with offsets and sentence id."""
    sents = list(sents)
    hits = []
    for cue, family, pattern in cue_table():
        for match in pattern.finditer(text):
            hits.append({"family": family, "cue": cue, "match": match.group(0),
                         "sentence_id": sentence_of(sents, match.start()),
                         "start": match.start(), "end": match.end()})
    return sorted(hits, key=lambda h: (h["start"], h["cue"]))


def cue_summary(hits: list[dict]) -> pd.DataFrame:
    """Cue counts per family and cue, with the sentences they occur in."""
    columns = ["family", "cue", "count", "sentence_ids"]
    if not hits:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(hits)
    return (frame.groupby(["family", "cue"], sort=True)
            .agg(count=("start", "size"),
                 sentence_ids=("sentence_id", lambda s: ", ".join(map(str, sorted(set(s))))))
            .reset_index()[columns])


def counts(doc: Doc) -> dict[str, int]:
    """Paragraph, sentence, token and word counts of a parsed article."""
    return {"characters": len(doc.text), "paragraphs": len(paragraphs(doc.text)),
            "sentences": len(sentences(doc)), "tokens": sum(not t.is_space for t in doc),
            "words": sum(t.is_alpha for t in doc)}


def key_term_contexts(text: str, sents: Iterable[Sentence], *, width: int = 35,
                      terms: dict[str, str] = KEY_TERMS) -> pd.DataFrame:
    """Keyword-in-context rows for every key term, in text order."""
    sents = list(sents)
    rows = [{"term": term, **row} for term, pattern in terms.items()
            for row in keyword_in_context(text, sents, pattern, width=width)]
    columns = ["term", "sentence_id", "start", "end", "left", "keyword", "right"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "term"], ignore_index=True)


def cues_per_sentence(hits: list[dict], n_sentences: int) -> pd.DataFrame:
    """A sentence x family count table (every sentence present, zeros included)."""
    table = pd.DataFrame(0, index=pd.RangeIndex(1, n_sentences + 1, name="sentence_id"),
                         columns=["sourcing", "hedging"])
    for hit in hits:
        if hit["sentence_id"] is not None:
            table.loc[hit["sentence_id"], hit["family"]] += 1
    return table
