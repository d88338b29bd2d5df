"""Composing the layers: parse an article once, then annotate it layer by layer.

``analyse`` is what notebooks 02 to 04 call; ``analyse_many`` streams many
articles through ``nlp.pipe`` for corpora and benchmarks; ``write_contract``
writes every file of ``data/processed/<doc_id>/``.

Layers, in order (each a helper module, each tested on its own):

1. ``annotation``: named, nominal and pronoun mentions linked to actors; the actor table;
2. ``events``: who did what to whom, with a CAMEO code, factuality and sourcing (coded
   predicates only; the uncoded ones are kept as candidates for the lexicon);
3. ``time``: temporal expressions normalised to TIMEX3 against the document creation time;
4. ``timeline``: each event anchored to an interval, with how it was obtained.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc

from .corpus import Document
from .records import Actor, Candidate, Event, Mention, Timex
from .text import Sentence, sentences


@dataclass(frozen=True)
class Analysis:
    """Everything the annotation layers found in one article."""

    document: Document
    doc: Doc
    sentences: list[Sentence]
    mentions: list[Mention]
    actors: list[Actor]
    timexes: list[Timex]
    events: list[Event]
    candidates: list[Candidate] = field(default_factory=list)   # predicates left uncoded
    predicates: list[Event] = field(default_factory=list)       # every predicate with an actor

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text


def nlp():
    """The collection's spaCy pipeline (the model plus the knowledge-base entity rules)."""
    from .annotation import get_pipeline

    return get_pipeline()


def parse(document: Document) -> Doc:
    """Parse an article's text with the collection's spaCy pipeline."""
    return nlp()(document.text)


def annotate_parsed(document: Document, doc: Doc) -> Analysis:
    """Run every annotation layer over an already parsed article."""
    from . import annotation, events, time, timeline

    sents = sentences(doc)
    mentions = annotation.find_mentions(doc, sents)
    actors = annotation.build_actors(mentions, doc)
    layer = events.analyse_events(doc, sents, mentions)
    timexes = time.tag_timexes(doc, sents, document.meta)
    anchored = timeline.anchor_events(layer.events, timexes, doc, sents, document.meta)
    return Analysis(document=document, doc=doc, sentences=sents, mentions=mentions,
                    actors=actors, timexes=timexes, events=anchored,
                    candidates=layer.candidates, predicates=layer.predicates)


def analyse(document: Document) -> Analysis:
    """Parse and annotate one article.

    >>> from helpers.corpus import load_document
    >>> analyse(load_document("000_a1f3d825a8827267")).sentences[0].sentence_id
    1
    """
    return annotate_parsed(document, parse(document))


def analyse_many(documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Analysis]:
    """Annotate articles one at a time as ``nlp.pipe`` parses them in batches (streaming)."""
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp().pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield annotate_parsed(document, doc)


#: Every per-document contract file, in the order the notebooks write them.
CONTRACT_FILES = ("sentences", "entities", "actors", "timexes", "events", "brat",
                  "relations", "stakeholders")


def write_contract(analysis: Analysis, *, out_dir: Path | None = None,
                   names: Iterable[str] = CONTRACT_FILES) -> dict[str, Path]:
    """Write the article's contract files named in ``names`` (default: every one).

    Tables are checked against the contract (columns, offsets) as they are written;
    ``relations`` and ``stakeholders`` come from the stakeholder analysis of the same
    annotations.
    """
    from . import brat
    from .contract import write_table
    from .records import frame

    names = tuple(names)
    unknown = sorted(set(names) - set(CONTRACT_FILES))
    if unknown:
        raise ValueError(f"not contract files: {unknown}; choose from {list(CONTRACT_FILES)}")
    tables = {"sentences": (analysis.sentences, Sentence), "entities": (analysis.mentions, Mention),
              "actors": (analysis.actors, Actor), "timexes": (analysis.timexes, Timex),
              "events": (analysis.events, Event)}
    written = {name: write_table(analysis.doc_id, name, frame(*tables[name]),
                                 text=analysis.text, out_dir=out_dir)
               for name in CONTRACT_FILES if name in names and name in tables}
    if "brat" in names:
        ann = brat.to_brat(analysis.text, analysis.mentions, analysis.events, analysis.timexes)
        written["brat"] = brat.write_brat(analysis.doc_id, analysis.text, ann, out_dir)
    if {"relations", "stakeholders"} & set(names):
        from .stakeholder_data import from_analysis
        from .stakeholder_report import analyse_stakeholders, write_outputs

        report = analyse_stakeholders(from_analysis(analysis), with_sensitivity=False)
        written.update(write_outputs(report, out_dir=out_dir, names=names))
    return written
