"""Helpers of the coreference tests (not tests themselves)."""
import re

from helpers.nlp.mentions import find_mentions
from helpers.nlp.text import sentences


def resolved(nlp, text, phrase, *, occurrence=0):
    """The actor ids of the non-name mention that starts at the n-th ``phrase`` of ``text``."""
    doc = nlp(text)
    at = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)][occurrence]
    return sorted(m.actor_id for m in find_mentions(doc, sentences(doc))
                  if m.start == at and m.text == phrase and m.kind != "NAME")
