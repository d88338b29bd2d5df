"""Matching the verb dictionary's patterns against the spaCy parse of a predicate.

The words around a predicate (:func:`context`): the head (and modifiers) of its subject
for the slots before the verb; of its objects, particles, adverbs and infinitive for the
slots after it; its prepositional phrases and those of its object for ``(PREP ...)``.
:func:`best_pattern` returns the most specific pattern whose every slot is filled.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("The Marland Union imposed new sanctions on Tarvia.")
>>> sorted(t.text for t in context(doc[3]).after)
['sanctions']
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Sequence

from spacy.tokens import Token

from helpers.events.dictionary import verb_dictionary
from helpers.events.verb_patterns import Pattern, Phrase, PrepPhrase, Slot
from helpers.nlp.tree import children

#: Dependents whose words fill the slots after the verb: its objects, particles, adverbs and
#: infinitive ('asked X to intervene'); not a reported clause (what is said is coded as its
#: own event, and the dictionary's transformations say what the saying makes of it).
AFTER_DEPS = {"dobj", "dative", "attr", "oprd", "acomp", "prt", "advmod", "xcomp", "npadvmod",
              "neg"}
#: Dependents whose words fill the slots before the verb: its subject. Not its auxiliaries:
#: the dictionary's two patterns on 'will' ('- WILL * [036]': "will host" as an intent to
#: meet) read the future as another act, where the collection reads it as factuality.
BEFORE_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Modifiers that may carry a pattern's noun-phrase words ("new sanctions", "arms shipment").
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod"}


def words_of(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def head_words(token: Token) -> set[str]:
    """The words a phrase's head answers to: its own, and for a name the title compounded
    before it ("Prime Minister Ost" is a minister to '- * &LEADER').

    >>> from helpers.nlp.model import get_nlp
    >>> sorted(head_words(get_nlp()("They met President Ost.")[3]))
    ['ost', 'president']
    """
    words = words_of(token)
    if token.pos_ == "PROPN":
        for child in children(token):
            if child.dep_ == "compound" and child.i < token.i and child.is_title:
                words |= words_of(child)
    return words


def _with_conj(token: Token) -> list[Token]:
    found = [token]
    for child in children(token):
        if child.dep_ == "conj":
            found += _with_conj(child)
    return found


def _fills(phrase: Phrase, token: Token) -> bool:
    if phrase.head not in head_words(token):
        return False
    modifiers = [words_of(c) for c in children(token) if c.dep_ in MODIFIER_DEPS]
    return all(any(alternatives & words for words in modifiers)
               for alternatives in phrase.modifiers)


def _slot_token(slot: Slot, candidates: Sequence[Token]) -> Token | None:
    for token in candidates:
        if any(_fills(phrase, token) for phrase in slot):
            return token
    return None


class _Context:
    """The phrases around a predicate: ``before`` (its subject), ``after`` (its objects,
    particles, adverbs, infinitive) and ``preps`` (``(prep, objects, prep token)``), read from
    the parse when a pattern first asks for them (most predicates have none to match)."""

    def __init__(self, token: Token | None, given: tuple | None = None):
        self.token = token
        if given is not None:           # (before, after, preps) given, not read from a parse
            self.__dict__.update(zip(("before", "after", "preps"), given))

    @cached_property
    def before(self) -> tuple[Token, ...]:
        self._read()
        return self.before

    @cached_property
    def after(self) -> tuple[Token, ...]:
        self._read()
        return self.after

    @cached_property
    def preps(self) -> tuple[tuple[str, tuple[Token, ...], Token], ...]:
        self._read()
        return self.preps

    @cached_property
    def words(self) -> set[str]:
        """The head words of the phrases around the predicate (read once)."""
        words = {w for t in self.before + self.after for w in head_words(t)}
        words |= {w for _, objects, _ in self.preps for t in objects for w in head_words(t)}
        return words

    def _read(self) -> None:
        token = self.token
        before: list[Token] = []
        after: list[Token] = []
        preps: list[tuple[str, tuple[Token, ...], Token]] = []
        holders = [token]
        for child in children(token):
            dep = child.dep_
            if dep in BEFORE_DEPS:
                before += _with_conj(child)
            elif dep in AFTER_DEPS:
                after += _with_conj(child) if dep in {"dobj", "dative", "attr", "oprd"} else [child]
                if dep in {"dobj", "attr", "oprd"}:
                    holders.append(child)
            elif token.pos_ == "NOUN" and dep in MODIFIER_DEPS:
                before.append(child)
        for holder in holders:
            for child in children(holder):
                if child.dep_ in {"prep", "agent", "dative"} and child.pos_ == "ADP":
                    objects = tuple(o for c in children(child) if c.dep_ in {"pobj", "pcomp"}
                                    for o in _with_conj(c))
                    preps.append((child.lower_, objects, child))
        self.__dict__.update(before=tuple(before), after=tuple(after), preps=tuple(preps))


def context(token: Token) -> _Context:
    """The words around a predicate that its patterns are matched against."""
    return _Context(token)


def match(pattern: Pattern, ctx: _Context) -> frozenset[int] | None:
    """The tokens a pattern uses when it matches the context, else None."""
    used: set[int] = set()
    for slots, candidates in ((pattern.before, ctx.before), (pattern.after, ctx.after)):
        for slot in slots:
            found = _slot_token(slot, candidates)
            if found is None:
                return None
            used.add(found.i)
    for phrase in pattern.preps:
        if not _prep_matches(phrase, ctx, used):
            return None
    return frozenset(used)


def _prep_matches(phrase: PrepPhrase, ctx: _Context, used: set[int]) -> bool:
    for prep, objects, _ in ctx.preps:
        if prep not in phrase.preps:
            continue
        hits = [_slot_token(slot, objects) for slot in phrase.objects]
        if all(h is not None for h in hits):
            used.update(h.i for h in hits if h is not None)
            return True
    return False


def _ranked(patterns: Sequence[Pattern]) -> list[Pattern]:
    """Patterns from the most specific down; among equals, in file order."""
    return sorted(patterns, key=lambda p: (-p.specificity, p.line))


def best_pattern(patterns: Sequence[Pattern], ctx: _Context
                 ) -> tuple[Pattern, frozenset[int]] | None:
    """The most specific matching pattern (the first in file order among equals) and the
    tokens it uses, None when none matches."""
    return _first_match(patterns, ctx, ctx.words) if patterns else None


def best_block_pattern(block: int, ctx: _Context) -> tuple[Pattern, frozenset[int]] | None:
    """:func:`best_pattern` over the patterns of a block (:func:`block_patterns`), tried only
    where the words around the predicate can fill their first slot."""
    patterns = block_patterns(block)
    if not patterns:
        return None
    by_word, free = _block_index(block)
    words = ctx.words
    positions = set(free)
    for word in words:
        positions.update(by_word.get(word, ()))
    return _first_match([patterns[i] for i in sorted(positions)], ctx, words)


def _first_match(patterns: Sequence[Pattern], ctx: _Context, words: set[str]
                 ) -> tuple[Pattern, frozenset[int]] | None:
    preps = {prep for prep, _, _ in ctx.preps}
    for pattern in patterns:
        heads, needed = pattern.needs
        if any(map(words.isdisjoint, heads)) or any(map(preps.isdisjoint, needed)):
            continue
        used = match(pattern, ctx)
        if used is not None:
            return pattern, used
    return None


@lru_cache(maxsize=None)
def _block_index(block: int) -> tuple[dict[str, list[int]], tuple[int, ...]]:
    """Where in :func:`block_patterns` each word may fill a pattern's first slot, and where
    the patterns without a slot are."""
    by_word: dict[str, list[int]] = {}
    free: list[int] = []
    for i, pattern in enumerate(block_patterns(block)):
        heads, _ = pattern.needs
        if not heads:
            free.append(i)
        for word in heads[0] if heads else ():
            by_word.setdefault(word, []).append(i)
    return by_word, tuple(free)


@lru_cache(maxsize=None)
def block_patterns(block: int) -> tuple[Pattern, ...]:
    """The dictionary's patterns of a block, most specific first."""
    return tuple(_ranked(verb_dictionary().patterns.get(block, [])))
