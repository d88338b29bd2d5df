"""Every rule's matches in a text, found in one scan of it.

``rule.pattern.finditer(text)`` for each of the :data:`~helpers.temporal.rules.RULES` scans
the text once a rule; most of that time goes on places where the rule cannot start. Every
rule opens with :data:`~helpers.temporal.rules.LEAD` (an expression starts a word or a
number), and its first characters are of a few kinds (:func:`starts`, read from the
pattern's parse): :func:`scan` finds in one scan the places where some rule can start,
tries there only the rules whose matches can start as the text does, and keeps each rule's
matches as ``finditer`` would.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre_constants   # the parse tree of a pattern, for starts
from re import _parser as sre_parser

from helpers.temporal.rules import LEAD, RULES, Rule


_CATEGORIES = {sre_constants.CATEGORY_DIGIT: r"\d", sre_constants.CATEGORY_WORD: r"\w",
               sre_constants.CATEGORY_SPACE: r"\s", sre_constants.CATEGORY_NOT_DIGIT: r"\D",
               sre_constants.CATEGORY_NOT_WORD: r"\W", sre_constants.CATEGORY_NOT_SPACE: r"\S"}
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)


#: How many characters of a place :func:`scan` looks at to choose the rules it tries there.
PREFIX = 4

#: A start of a match: one one-character regex a character, and whether the match may end there
#: (False once :data:`PREFIX` characters are read: what follows is not looked at).
Start = tuple[tuple[str, ...], bool]


class _Unread(Exception):
    """A construct :func:`starts` does not read (a back reference, a negated class ...)."""


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


def _then(left: set[Start], right: set[Start], k: int) -> set[Start]:
    """The starts of a match of one thing followed by another."""
    out = set()
    for chars, open_ in left:
        if not open_:
            out.add((chars, False))
            continue
        for more, ends in right:
            joined = chars + more
            out.add((joined[:k], False) if len(joined) >= k else (joined, ends))
    return out


_EMPTY: set[Start] = {((), True)}


def _starts(items, flags: int, k: int) -> set[Start]:
    """The starts (up to ``k`` characters) of the matches of the parsed sequence ``items``."""
    found = _EMPTY
    for op, av in items:
        if not any(open_ for _, open_ in found):
            break
        if op in (sre_constants.LITERAL, sre_constants.IN):
            if op is sre_constants.IN and any(o is sre_constants.NEGATE for o, _ in av):
                raise _Unread(op)
            one = _char_class([(op, av)] if op is sre_constants.LITERAL else av, flags)
            item = {((one,), k > 1)}
        elif op is sre_constants.BRANCH:
            item = set().union(*(_starts(branch, flags, k) for branch in av[1]))
        elif op is sre_constants.SUBPATTERN:
            item = _starts(av[3], (flags | av[1]) & ~av[2], k)
        elif op is sre_constants.ATOMIC_GROUP:
            item = _starts(av, flags, k)
        elif op in _REPEATS:
            body, copies, item = _starts(av[2], flags, k), _EMPTY, set()
            for n in range(min(av[1], av[0] + k) + 1):
                if n >= av[0]:
                    item |= copies
                copies = _then(copies, body, k)
        elif op in _ZERO_WIDTH:
            continue
        else:
            raise _Unread(op)
        found = _then(found, item, k)
    return found


def starts(pattern: re.Pattern, k: int = PREFIX) -> list[tuple[str, ...]] | None:
    """What the first ``k`` characters of a match of ``pattern`` can be: tuples of one-character
    regexes, one a character (a shorter tuple: a match that ends sooner). Every match starts
    with one of them (they may allow more than the pattern does: lookarounds are not read).
    None when the pattern can match the empty string or holds a construct this does not read
    (a back reference, a negated class).

    >>> starts(re.compile(r"(?<!x)(?:(?i:ab)|[0-9]+)"), 2)
    [('(?i:[a])', '(?i:[b])'), ('[0-9]',), ('[0-9]', '[0-9]')]
    >>> starts(re.compile(r"a?")) is None
    True
    """
    tree = sre_parser.parse(pattern.pattern, pattern.flags)
    try:
        found = _starts(tree, tree.state.flags, k)
    except _Unread:
        return None
    return None if ((), True) in found else sorted(chars for chars, _ in found)


def _prefix_regex(chars: tuple[str, ...]) -> str:
    """A regex for a text that starts as ``chars`` says, or stops before its end."""
    return chars[0] if len(chars) == 1 else f"{chars[0]}(?:{_prefix_regex(chars[1:])}|\\Z)"


class _Scanner:
    """Every rule's matches in a text, trying a rule only where the text after :data:`LEAD`
    starts as one of the rule's matches can (one scan of the text finds those places, instead
    of one scan a rule)."""

    def __init__(self, rules: list[Rule]):
        found = [starts(rule.pattern) if rule.pattern.pattern.startswith(LEAD) else None
                 for rule in rules]
        self.rules = rules
        self.prefixes = [re.compile("|".join(map(_prefix_regex, s))) if s else None for s in found]
        self.starting = tuple(i for i, rx in enumerate(self.prefixes) if rx is not None)
        self.everywhere = [i for i, s in enumerate(found) if s is None]
        firsts = sorted({chars[0] for s in found if s for chars in s})
        self.places = re.compile(f"{LEAD}(?=(?:{'|'.join(firsts)}))")
        self.by_prefix: dict[str, tuple[int, ...]] = {}

    def rules_at(self, prefix: str) -> tuple[int, ...]:
        """The indexes of the rules whose matches can start with the text ``prefix``: among
        those that can start with ``prefix`` less its last character (a rule's prefix regex
        matches every start of a text it matches), so that a text new to the scanner costs
        few tests of a rule's prefix regex, not one of every rule at every new place."""
        found = self.by_prefix.get(prefix)
        if found is None:
            shorter = self.rules_at(prefix[:-1]) if len(prefix) > 1 else self.starting
            found = self.by_prefix[prefix] = tuple(i for i in shorter if self.prefixes[i].match(prefix))
        return found

    def matches(self, text: str) -> list[list[re.Match]]:
        """For each rule, what ``rule.pattern.finditer(text)`` gives: its matches, left to right,
        each search starting where the last match ended (no rule matches the empty string)."""
        found: list[list[re.Match]] = [[] for _ in self.rules]
        ends = [0] * len(self.rules)
        for place in self.places.finditer(text):
            at = place.start()
            for i in self.rules_at(text[at:at + PREFIX]):
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
