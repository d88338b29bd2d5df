"""The dependency tree and the sentences of a parsed doc, read once for each doc.

``Token.children`` walks the span of the token's whole subtree and makes a Token object
for every child at each call, and ``Token.sent`` scans the doc for the sentence's bounds
at each call; the rules of the annotation layers ask for the same tokens' children and
sentences many times. :func:`children` and :func:`sent_of` read them from tables
built once for each doc (kept while the doc lives; the parse is not changed after the
pipeline has run).

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Kenya and Ethiopia met. They signed a pact.")
>>> [t.text for t in children(doc[3])]
['Kenya', '.']
>>> all(children(t) == tuple(t.children) and sent_of(t) == t.sent for t in doc)
True
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

#: The children of each token of a doc, and the sentence of each token.
_CHILDREN: WeakKeyDictionary[Doc, list[tuple[Token, ...]]] = WeakKeyDictionary()
_SENTENCES: WeakKeyDictionary[Doc, list[Span]] = WeakKeyDictionary()


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``: the token's syntactic children in text order."""
    doc = token.doc
    found = _CHILDREN.get(doc)
    if found is None:
        found = _CHILDREN[doc] = _children(doc)
    return found[token.i]


def sent_of(token: Token) -> Span:
    """``token.sent``: the sentence that holds the token."""
    doc = token.doc
    found = _SENTENCES.get(doc)
    if found is None:
        found = _SENTENCES[doc] = _sentences(doc)
    return found[token.i]


def _children(doc: Doc) -> list[tuple[Token, ...]]:
    found: list[list[Token]] = [[] for _ in range(len(doc))]
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist() if len(doc) else ()):
        if offset:
            found[i + offset].append(doc[i])
    return [tuple(tokens) for tokens in found]


def _sentences(doc: Doc) -> list[Span]:
    found: list[Span] = []
    for sent in doc.sents:
        found += [sent] * len(sent)
    return found
