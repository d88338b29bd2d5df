"""A first look at an article before annotation: counts, cue words, keywords in context.

>>> cue_hits("Sources said it might rain.", [])[0]["cue"]
'sources'
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd
from spacy.tokens import Doc

from helpers.files.records import Sentence
from helpers.files.resources import resource_rows
from helpers.nlp.text import paragraphs, sentence_of, sentences


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


def term_pattern(term: str) -> str:
    r"""A regex for a key term: ``*`` matches the rest of a word, and a plural ``s`` is allowed.

    >>> print(term_pattern("mediat*"), term_pattern("election"))
    mediat\w* election(?:s|es)?
    """
    if term.endswith("*"):
        return re.escape(term[:-1]) + r"\w*"
    return re.escape(term) + r"(?:s|es)?"


def article_key_terms(doc: Doc, *, top: int = 5) -> list[str]:
    """The article's own key terms: its most frequent common nouns, verbs and adjectives
    (names are left to the actor tables), each as a word family (``elect*``) that covers
    every form the article uses, or as the word itself when it has one form (or forms
    too unlike to share a stem: then its most frequent form, "said" for "say").

    Ties are broken alphabetically, so the choice is the same on every run.
    """
    forms: dict[str, set[str]] = {}
    for tok in doc:
        if tok.pos_ in {"NOUN", "VERB", "ADJ"} and not tok.is_stop and tok.is_alpha \
                and len(tok.text) > 2:
            forms.setdefault(tok.lemma_.lower(), set()).add(tok.text.lower())
    ranked = sorted(forms, key=lambda lemma: (-sum(
        1 for tok in doc if tok.lemma_.lower() == lemma and tok.pos_ in {"NOUN", "VERB", "ADJ"}),
        lemma))
    terms = []
    for lemma in ranked[:top]:
        words = sorted(forms[lemma])          # the forms as written, not the lemma
        stem = os.path.commonprefix(words)
        terms.append(words[0] if len(words) == 1 else f"{stem}*" if len(stem) >= 3 else
                     max(words, key=lambda w: (sum(t.text.lower() == w for t in doc), w)))
    return terms


def choose_key_terms(terms: Sequence[str], doc: Doc, *, fallback: int = 5) -> list[str]:
    """The ``terms`` that occur in the article; with none given, or none present, the
    article's own key terms (:func:`article_key_terms`).

    So a notebook run on any article shows the words that article is about.
    """
    present = [t for t in terms
               if re.search(rf"\b{term_pattern(t)}\b", doc.text, flags=re.IGNORECASE)]
    return present or article_key_terms(doc, top=fallback)


def key_term_contexts(text: str, sents: Iterable[Sentence], terms: Sequence[str], *,
                      width: int = 35) -> pd.DataFrame:
    """Keyword-in-context rows for every key term (``*`` wildcards allowed), in text order."""
    sents = list(sents)
    rows = [{"term": term, **row} for term in terms
            for row in keyword_in_context(text, sents, term_pattern(term), width=width)]
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


def cues_alt(table: pd.DataFrame) -> str:
    """Alt text of the cues-per-sentence bar chart (``table`` from :func:`cues_per_sentence`).

    >>> cues_alt(cues_per_sentence([{"sentence_id": 2, "family": "hedging"}], 3))
    'Bar chart of sourcing and hedging cues in each of 3 sentences: 0 sourcing cues; 1 hedging cue in s2.'
    """
    parts = []
    for family in table.columns:
        hits = table[table[family] > 0][family]
        total = int(hits.sum())
        word = "cue" if total == 1 else "cues"
        parts.append(f"{total} {family} {word}" + (
            " in " + ", ".join(f"s{i}" for i in hits.index) if total else ""))
    return (f"Bar chart of sourcing and hedging cues in each of {len(table)} sentences: "
            + "; ".join(parts) + ".")


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
