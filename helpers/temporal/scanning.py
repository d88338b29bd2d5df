"""Every rule's matches in a text, found in one scan of it.

``rule.pattern.finditer(text)`` for each of the :data:`~helpers.temporal.rules.RULES` scans
the text once a rule; most of that time goes on places where the rule cannot start. Every
rule opens with :data:`~helpers.temporal.rules.LEAD` (an expression starts a word or a
number), and its first character is one of a few (:func:`first_chars`, read from the
pattern's parse): :func:`scan` finds in one scan the places where some rule can start,
tries there only the rules that can, and keeps each rule's matches as ``finditer`` would.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre_constants   # the parse tree of a pattern, for first_chars
from re import _parser as sre_parser

from helpers.temporal.rules import LEAD, RULES, Rule


_CATEGORIES = {sre_constants.CATEGORY_DIGIT: r"\d", sre_constants.CATEGORY_WORD: r"\w",
               sre_constants.CATEGORY_SPACE: r"\s", sre_constants.CATEGORY_NOT_DIGIT: r"\D",
               sre_constants.CATEGORY_NOT_WORD: r"\W", sre_constants.CATEGORY_NOT_SPACE: r"\S"}
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)


class _Unread(Exception):
    """A construct :func:`first_chars` does not read (a back reference, a negated class ...)."""


def _char_class(items: list, flags: int) -> str:
    """A one-character regex for the items of a parsed character class (or one literal)."""
    out = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre_constants.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre_constants.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unread(op)
    return f"(?i:[{''.join(out)}])" if flags & re.IGNORECASE else f"[{''.join(out)}]"


def _firsts(items, flags: int) -> tuple[set[str], bool]:
    """The one-character regexes a match of the parsed sequence ``items`` can start with, and
    whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            return out | {_char_class([(op, av)], flags)}, False
        if op is sre_constants.IN:
            if any(o is sre_constants.NEGATE for o, _ in av):
                raise _Unread(op)
            return out | {_char_class(av, flags)}, False
        if op is sre_constants.BRANCH:
            found = [_firsts(branch, flags) for branch in av[1]]
            first, empty = set().union(*(f for f, _ in found)), any(e for _, e in found)
        elif op is sre_constants.SUBPATTERN:
            first, empty = _firsts(av[3], (flags | av[1]) & ~av[2])
        elif op in _REPEATS:
            first, empty = _firsts(av[2], flags)
            empty = empty or av[0] == 0
        elif op is sre_constants.ATOMIC_GROUP:
            first, empty = _firsts(av, flags)
        elif op in _ZERO_WIDTH:
            continue
        else:
            raise _Unread(op)
        out |= first
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: re.Pattern) -> str | None:
    """A regex of one character that every match of ``pattern`` starts with (it may allow
    more characters than the pattern does), or None when the pattern can match the empty
    string or holds a construct this does not read (a back reference, a negated class).

    >>> first_chars(re.compile(r"(?<!x)(?:(?i:ab)|[0-9]+c)"))
    '(?i:[a])|[0-9]'
    >>> first_chars(re.compile(r"a?")) is None
    True
    """
    tree = sre_parser.parse(pattern.pattern, pattern.flags)
    try:
        first, empty = _firsts(tree, tree.state.flags)
    except _Unread:
        return None
    return None if empty else "|".join(sorted(first))


class _Scanner:
    """Every rule's matches in a text, trying a rule only where its first character stands
    after :data:`LEAD` (one scan of the text finds those places, instead of one scan a rule)."""

    def __init__(self, rules: list[Rule]):
        firsts = [first_chars(rule.pattern) if rule.pattern.pattern.startswith(LEAD) else None
                  for rule in rules]
        self.rules = rules
        self.firsts = [re.compile(f) if f else None for f in firsts]
        self.everywhere = [i for i, f in enumerate(firsts) if f is None]
        self.starts = re.compile(f"{LEAD}(?=(?:{'|'.join(f for f in firsts if f)}))")
        self.by_char: dict[str, tuple[int, ...]] = {}

    def rules_at(self, char: str) -> tuple[int, ...]:
        """The indexes of the rules whose matches can start with ``char``."""
        found = self.by_char.get(char)
        if found is None:
            found = self.by_char[char] = tuple(
                i for i, first in enumerate(self.firsts) if first and first.match(char))
        return found

    def matches(self, text: str) -> list[list[re.Match]]:
        """For each rule, what ``rule.pattern.finditer(text)`` gives: its matches, left to right,
        each search starting where the last match ended (no rule matches the empty string)."""
        found: list[list[re.Match]] = [[] for _ in self.rules]
        ends = [0] * len(self.rules)
        for start in self.starts.finditer(text):
            at = start.start()
            for i in self.rules_at(text[at]):
                if at >= ends[i]:
                    match = self.rules[i].pattern.match(text, at)
                    if match is not None:
                        found[i].append(match)
                        ends[i] = match.end()
        for i in self.everywhere:
            found[i] = list(self.rules[i].pattern.finditer(text))
        return found


@lru_cache(maxsize=1)
def _scanner() -> _Scanner:
    return _Scanner(RULES)


def scan(text: str) -> Iterator[tuple[int, Rule, re.Match]]:
    """``(order, rule, match)`` for every match of every rule in ``text``: what
    ``rule.pattern.finditer(text)`` gives for each ``order, rule in enumerate(RULES)``, in that
    order, found in one scan of the text.

    >>> [(rule.name, match.group()) for _, rule, match in scan("on 3 May 2024, at noon")][:2]
    [('day_clock', '3 May 2024, at noon'), ('day_month', '3 May 2024')]
    """
    for order, (rule, found) in enumerate(zip(RULES, _scanner().matches(text))):
        for match in found:
            yield order, rule, match
