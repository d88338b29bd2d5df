"""Composing the stages: parse an article once, then annotate it stage by stage.

``analyse`` is what notebooks 02 to 04 call; ``analyse_many`` streams many
articles through ``nlp.pipe`` for corpora and benchmarks.

Stages, in order (each a subpackage, each tested on its own):

1. ``nlp.mentions``: named, nominal and pronoun mentions linked to actors; the actor table;
2. ``events.extraction``: who did what to whom, with a CAMEO code, factuality and sourcing
   (coded predicates only; the uncoded ones are kept as candidates for the lexicon);
3. ``temporal.tagger``: temporal expressions normalised to TIMEX3 against the document
   creation time;
4. ``temporal.anchoring``: each event anchored to an interval, with how it was obtained.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence
from weakref import WeakKeyDictionary

from spacy.tokens import Doc
from spacy.util import minibatch

from helpers.events.extraction import analyse_events
from helpers.events.headlines import parse_headlines
from helpers.files.articles import CorpusError, Document, load_document
from helpers.files.records import Actor, Candidate, Event, Mention, Sentence, Timex
from helpers.nlp.mentions import build_actors, find_mentions
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences
from helpers.nlp.tree import tables_kept
from helpers.temporal.anchoring import anchor_events
from helpers.temporal.tagger import tag_timexes


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


def parse(document: Document) -> Doc:
    """Parse an article's text with the collection's spaCy pipeline."""
    return get_nlp()(document.text)


def annotate_parsed(document: Document, doc: Doc) -> Analysis:
    """Run every annotation stage over an already parsed article (its sentences, mentions and
    headline parses taken from :func:`analyse_many` when it found them ahead)."""
    staged = _STAGED.pop(doc, None)
    if staged is None:
        staged = _sentences_and_mentions(document, doc)
        parse_headlines([(doc, *staged)])
    sents, mentions = staged
    actors = build_actors(mentions, doc)
    layer = analyse_events(doc, sents, mentions, actors)
    timexes = tag_timexes(doc, sents, document.meta)
    anchored = anchor_events(layer.events, timexes, doc, sents, document.meta)
    return Analysis(document=document, doc=doc, sentences=sents, mentions=mentions,
                    actors=actors, timexes=timexes, events=anchored,
                    candidates=layer.candidates, predicates=layer.predicates)


#: The sentences and mentions :func:`analyse_many` found ahead for a doc of its batch.
_STAGED: WeakKeyDictionary[Doc, tuple[list[Sentence], list[Mention]]] = WeakKeyDictionary()


def _sentences_and_mentions(document: Document, doc: Doc) -> tuple[list[Sentence], list[Mention]]:
    sents = sentences(doc)
    doc.user_data["dct"] = document.meta.dct_date     # Phoenix codes are read against it
    return sents, find_mentions(doc, sents)


def analyse(document: Document) -> Analysis:
    """Parse and annotate one article.

    >>> from helpers.files.articles import load_document
    >>> analyse(load_document("000_a1f3d825a8827267")).sentences[0].sentence_id
    1
    """
    return annotate_parsed(document, parse(document))


def analyse_many(documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Analysis]:
    """Annotate articles as ``nlp.pipe`` parses them in batches of ``batch_size`` (streaming:
    one batch is held at a time). The names of a whole batch are found first, so that its
    headline lines are parsed in one batch; then each article is annotated in turn.

    While the articles stream, the objects alive when it starts (the pipeline, its lexicons,
    the caller's data) are kept out of the cyclic garbage collector (:func:`gc.freeze`; they
    are handed back when the stream ends): the many short-lived objects of the annotation set
    off full collections, and walking those long-lived objects at each of them cost about
    0.2 s of CPU per 300 articles. The tree, sentence and entity tables of a batch's docs
    (:mod:`helpers.nlp.tree`) are kept until the batch is done: each doc is read twice, once
    for its names and once for the rest."""
    with _long_lived_frozen(), tables_kept(2 * batch_size):
        pairs = ((document.text, document) for document in documents)
        parsed = get_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size)
        for batch in minibatch(parsed, size=batch_size):
            for doc, document in batch:
                _STAGED[doc] = _sentences_and_mentions(document, doc)
            parse_headlines((doc, *_STAGED[doc]) for doc, _ in batch)
            for doc, document in batch:
                yield annotate_parsed(document, doc)


#: How many streams of :func:`analyse_many` run (the objects are unfrozen when the last ends).
_STREAMS = [0]


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """The objects alive now kept out of the garbage collector's walks until the block ends."""
    if not _STREAMS[0]:
        gc.freeze()
    _STREAMS[0] += 1
    try:
        yield
    finally:
        _STREAMS[0] -= 1
        if not _STREAMS[0]:
            gc.unfreeze()


def _loaded(paths: Iterable[str], failed: dict[str, str]) -> Iterator[Document]:
    """Load articles one at a time; a file the loader rejects goes to ``failed`` with its message."""
    for path in map(Path, paths):
        try:
            yield load_document(path.stem, seeds_dir=path.parent)
        except CorpusError as exc:
            failed[path.stem] = str(exc)


def analyse_files(paths: Sequence[str], failed: dict[str, str], *,
                  batch_size: int = 64) -> Iterator[Analysis]:
    """Annotate the article files at ``paths``, in order, skipping and recording the bad ones.

    Yields one :class:`Analysis` per article that could be used. A file the loader
    rejects (empty, binary, not UTF-8, broken metadata) is recorded in ``failed`` as
    ``{doc_id: the loader's message}``. The articles are streamed through
    :func:`analyse_many`; if an article breaks the stream, those not yet yielded are
    annotated one by one, and an article whose annotation raises is recorded as
    ``{doc_id: "ErrorType: message"}``. Nothing is raised for one bad article.
    """
    yielded: set[str] = set()
    try:
        for analysis in analyse_many(_loaded(paths, failed), batch_size=batch_size):
            yielded.add(analysis.doc_id)
            yield analysis
    except Exception:                                   # noqa: BLE001 - recovered below
        rest = [p for p in paths if Path(p).stem not in yielded and Path(p).stem not in failed]
        for document in _loaded(rest, failed):
            try:
                analysis = analyse(document)
            except Exception as exc:                    # noqa: BLE001 - reported per article
                failed[document.doc_id] = f"{type(exc).__name__}: {exc}"
                continue
            yield analysis
