"""Loading the spaCy pipeline, once per process.

The pipeline name comes from one setting (:func:`helpers.config.spacy_model_name`).
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .config import SPACY_MODEL_ENV, spacy_model_name


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@lru_cache(maxsize=None)
def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed. Install the pinned requirements "
            f"(make venv) or set {SPACY_MODEL_ENV} to an installed pipeline such as "
            f"'en_core_web_sm'."
        ) from exc


def load_nlp(name: str | None = None) -> Language:
    """Return the spaCy pipeline, loading it on first use only.

    >>> load_nlp() is load_nlp()
    True
    """
    return _load(name or spacy_model_name())
