"""The dependency tree, the sentences and the entities of a parsed doc, read once for each doc.

``Token.children`` walks the span of the token's whole subtree and makes a Token object
for every child at each call, ``Token.sent`` scans the doc for the sentence's bounds
at each call, and ``Doc.ents`` makes a new Span of every entity at each call; the rules of
the annotation layers ask for the same tokens' children, sentences and entities many times.
:func:`children`, :func:`sent_of` and :func:`entities` read them from tables built
once for each doc (the parse and the entities are not changed after the pipeline has run).
The tables of the last few docs asked about are kept (:data:`KEPT`, more while
:func:`tables_kept` asks for more): a table holds Token objects, which hold their doc, so
a table kept for every doc would keep every doc alive.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Kenya and Ethiopia met. They signed a pact.")
>>> [t.text for t in children(doc[3])]
['Kenya', '.']
>>> all(children(t) == tuple(t.children) and sent_of(t) == t.sent for t in doc)
True
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

#: How many docs' tables are kept (an article and the headline lines parsed apart from it).
KEPT = 16
#: How many are kept now: :data:`KEPT`, or more inside :func:`tables_kept`.
_LIMIT = [KEPT]
#: ``{id(doc): (doc, table)}`` for the docs asked about last, oldest first (an entry holds
#: its doc, so no other doc can take its id while it is kept).
_CHILDREN: dict[int, tuple[Doc, list[tuple[Token, ...]]]] = {}
_SENTENCES: dict[int, tuple[Doc, list[Span]]] = {}
_ENTITIES: dict[int, tuple[Doc, tuple[Span, ...]]] = {}


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``: the token's syntactic children in text order."""
    found = _CHILDREN.get(id(token.doc))
    if found is None:
        found = _kept(_CHILDREN, token.doc, _children(token.doc))
    return found[1][token.i]


def sent_of(token: Token) -> Span:
    """``token.sent``: the sentence that holds the token."""
    found = _SENTENCES.get(id(token.doc))
    if found is None:
        found = _kept(_SENTENCES, token.doc, _sentences(token.doc))
    return found[1][token.i]


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` of a doc the pipeline has finished (never of one a component is changing)."""
    found = _ENTITIES.get(id(doc))
    if found is None:
        found = _kept(_ENTITIES, doc, tuple(doc.ents))
    return found[1]


@contextmanager
def tables_kept(docs: int) -> Iterator[None]:
    """Keep the tables of the last ``docs`` docs (at least :data:`KEPT`) until the block ends:
    for a stream that reads every doc of a batch, then each again (see
    :func:`helpers.pipeline.annotate.analyse_many`), so that no table is built twice."""
    before = _LIMIT[0]
    _LIMIT[0] = max(before, docs)
    try:
        yield
    finally:
        _LIMIT[0] = before
        for tables in (_CHILDREN, _SENTENCES, _ENTITIES):
            _trim(tables)


def _kept(tables: dict[int, tuple[Doc, list]], doc: Doc, table) -> tuple[Doc, list]:
    """``table`` kept in ``tables`` for ``doc``, the oldest entries dropped beyond the limit."""
    tables[id(doc)] = found = (doc, table)
    _trim(tables)
    return found


def _trim(tables: dict) -> None:
    while len(tables) > _LIMIT[0]:
        del tables[next(iter(tables))]


def _children(doc: Doc) -> list[tuple[Token, ...]]:
    heads: dict[int, list[Token]] = {}
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist() if len(doc) else ()):
        if offset:
            heads.setdefault(i + offset, []).append(doc[i])
    found: list[tuple[Token, ...]] = [()] * len(doc)
    for head, tokens in heads.items():
        found[head] = tuple(tokens)
    return found


def _sentences(doc: Doc) -> list[Span]:
    found: list[Span] = []
    for sent in doc.sents:
        found += [sent] * len(sent)
    return found
