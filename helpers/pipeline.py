"""Composing the layers: parse an article once, then annotate it layer by layer.

``analyse`` is what notebooks 02 to 04 call; ``analyse_many`` streams many
articles through ``nlp.pipe`` for corpora and benchmarks.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .corpus import Document


def parse(document: Document) -> Doc:
    """Parse an article's text with the collection's spaCy pipeline."""
    from .nlp import load_nlp

    return load_nlp()(document.text)
