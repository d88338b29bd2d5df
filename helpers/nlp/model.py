"""The collection's spaCy pipeline: one factory, built once per process, never changed after.

:func:`get_nlp` loads the model named by one setting
(:func:`helpers.config.spacy_model_name`) and adds every component the collection
uses (``line_breaks`` before the parser; ``entity_fixes``, the knowledge-base
EntityRuler ``kb_ruler`` and ``kb_extend`` after the entity recogniser, see
:mod:`helpers.nlp.entities`) before anyone sees it. Every caller, tests included,
gets the pipeline from here, so what a caller gets never depends on what ran before.

>>> get_nlp() is get_nlp()
True
>>> get_nlp().pipe_names[-3:]
['entity_fixes', 'kb_ruler', 'kb_extend']
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from helpers.config import SPACY_MODEL_ENV, spacy_model_name
from helpers.nlp.entities import ENTITY_FIXES, KB_EXTEND, KB_RULER, LINE_BREAKS
from helpers.nlp.kb import ruler_patterns

#: The components the collection adds to the model, in pipeline order.
ADDED_PIPES = (LINE_BREAKS, ENTITY_FIXES, KB_RULER, KB_EXTEND)
#: The components that find and fix names (a parse that takes its names from elsewhere, such as
#: a headline line re-parsed for its verbs, runs without them).
NAME_PIPES = ("ner", ENTITY_FIXES, KB_RULER, KB_EXTEND)


class KBRuler(EntityRuler):
    """The knowledge-base EntityRuler: an EntityRuler whose matches of the doc it last
    annotated are given again, not searched again, when ``kb_extend`` asks for them next
    (the matches depend on the tokens alone, which the ruler does not change), that checks
    that it has patterns without counting them, and that leaves a doc's entities alone when
    it has none to add."""

    _last: tuple[Doc, list] | None = None

    def _require_patterns(self) -> None:
        """Warn when the ruler has no patterns, as the EntityRuler does, without counting every
        pattern at each doc (the EntityRuler's ``len`` sums over all of them)."""
        if not (self.token_patterns or self.phrase_patterns):
            super()._require_patterns()

    def set_annotations(self, doc: Doc, matches: list) -> None:
        """As the EntityRuler: the matches over tokens that no entity holds become entities
        (``overwrite_ents`` is off). When there is none, the entities are left as they are
        (the EntityRuler would read them and set them again unchanged)."""
        if self.overwrite or any(not any(t.ent_type for t in doc[start:end])
                                 for _, start, end in matches):
            super().set_annotations(doc, matches)

    def match(self, doc: Doc) -> list:
        """The ruler's matches in ``doc`` as ``(match_id, start, end)``, longest first."""
        last, self._last = self._last, None
        if last is not None and last[0] is doc:
            return last[1]
        matches = super().match(doc)
        self._last = (doc, matches)
        return matches


@Language.factory("kb_entity_ruler", default_config={"overwrite_ents": False})
def make_kb_ruler(nlp: Language, name: str, overwrite_ents: bool) -> KBRuler:
    """A :class:`KBRuler` (the EntityRuler's defaults otherwise)."""
    return KBRuler(nlp, name, overwrite_ents=overwrite_ents)


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def load_model(name: str) -> Language:
    """A fresh copy of the installed spaCy model ``name`` as shipped, without the collection's
    components (for a baseline such as the benchmark's raw ``nlp.pipe``; not cached).

    Raises :class:`ModelNotInstalledError` naming the setting when it is not installed.
    """
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed. Install the pinned requirements "
            f"(make venv) or set {SPACY_MODEL_ENV} to an installed pipeline such as "
            f"'en_core_web_sm'.") from exc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The collection's pipeline: the configured model with :data:`ADDED_PIPES` after ``ner``.

    Built on the first call; every later call returns the same object, which nothing
    changes after it is built.
    """
    nlp = load_model(spacy_model_name())
    # an em dash is a token of its own, also after a bracket or a quote ("(Jiji Press)—Japanese")
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"[)\]”’\"](?=—)", "—"]).finditer
    nlp.add_pipe(LINE_BREAKS, before="parser")
    # the patterns are parsed before the fixes join the pipeline (by the model alone)
    ruler = nlp.add_pipe("kb_entity_ruler", name=KB_RULER, after="ner",
                         config={"overwrite_ents": False})
    ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(ENTITY_FIXES, before=KB_RULER)
    nlp.add_pipe(KB_EXTEND, after=KB_RULER)
    return nlp
