"""The Phoenix issue dictionary: phrases that name an issue, and the upper-case code of each.

``resources/petrarch2/Phoenix.IssueCoding.txt`` is an unmodified copy of the Open Event
Data Alliance's issue list (MIT licence, ``resources/petrarch2/LICENSE``; where it came
from: ``resources/REFERENCE.md``). Its format, as the PETRARCH coder reads it: one
``phrase [CODE]`` a line inside ``<ISSUE CATEGORY="...">`` blocks, ``#`` comments; in a
phrase ``n:word`` stands for the noun and its regular plural, ``v:word`` for the verb's
regular forms, ``+`` for a space or a hyphen; a line starting with ``~`` is an exclusion
phrase: where it occurs, its block codes nothing. A line without a code is not used.

Matching is on words: lower case, hyphens read as spaces, so "non-governmental" and
"non governmental" are the same phrase.

>>> issue_matches(words("the continuation of sanctions against Afghanistan"))
[(3, 4, 'SANCTIONS')]
>>> issue_matches(words("a head start for pupils"))
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from helpers.config import RESOURCES_DIR

ISSUE_FILE: Path = RESOURCES_DIR / "petrarch2" / "Phoenix.IssueCoding.txt"
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_BLOCK = re.compile(r'<ISSUE\s+CATEGORY="([^"]+)"')


class IssueDictionaryError(ValueError):
    """The issue dictionary is missing or holds a line that cannot be read; names the file."""


@dataclass(frozen=True)
class IssueBook:
    """The dictionary as word tuples: phrase -> (code, block), exclusion -> block."""

    phrases: dict[tuple[str, ...], tuple[str, str]]
    exclusions: dict[tuple[str, ...], str]
    longest: int


def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as the dictionary is matched: lower case, hyphens as spaces.

    >>> words("Non-Governmental organisations' rights")
    ('non', 'governmental', 'organisations', 'rights')
    """
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _verb_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def expand(phrase: str) -> list[tuple[str, ...]]:
    """Every word sequence a dictionary phrase stands for (``n:``, ``v:`` and ``+`` expanded).

    >>> expand("human n:right")
    [('human', 'right'), ('human', 'rights')]
    >>> expand("v:embargo")[:2]
    [('embargo',), ('embargos',)]
    """
    forms: list[list[str]] = [[]]
    for token in phrase.lower().replace("+", " ").split():
        if token.startswith("n:"):
            options = [token[2:], _plural(token[2:])]
        elif token.startswith("v:"):
            options = _verb_forms(token[2:])
        else:
            options = [token]
        forms = [form + [option] for form in forms for option in options]
    found: list[tuple[str, ...]] = []
    for form in forms:
        sequence = words(" ".join(form))
        if sequence and sequence not in found:
            found.append(sequence)
    return found


def read_issue_book(path: Path = ISSUE_FILE) -> IssueBook:
    """Read an issue dictionary; raise :class:`IssueDictionaryError` naming the file when it
    is missing or a coded line has no phrase."""
    if not Path(path).is_file():
        raise IssueDictionaryError(f"issue dictionary {Path(path).name} not found in "
                                   f"{Path(path).parent.name}/")
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    exclusions: dict[tuple[str, ...], str] = {}
    block = ""
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8", errors="replace")
                                 .splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        opened = _BLOCK.search(line)
        if opened:
            block = opened.group(1)
            continue
        if not line or line.startswith("<"):
            continue
        if line.startswith("~"):
            for form in expand(line.lstrip("~")):
                exclusions.setdefault(form, block)
            continue
        if "[" not in line:
            continue
        phrase, _, rest = line.partition("[")
        code = rest.split("]", 1)[0].strip()
        if not phrase.strip() or not code:
            raise IssueDictionaryError(f"{Path(path).name}, line {number}: "
                                       f"no phrase or no code in {raw.strip()!r}")
        for form in expand(phrase):
            phrases.setdefault(form, (code, block))
    longest = max((len(p) for p in phrases), default=0)
    return IssueBook(phrases=phrases, exclusions=exclusions, longest=longest)


@lru_cache(maxsize=None)
def issue_book() -> IssueBook:
    """The vendored dictionary, read once."""
    return read_issue_book()


def _scan(sequence: Sequence[str], table: dict, longest: int) -> list[tuple[int, int, object]]:
    """Longest matches of ``table``'s phrases in ``sequence``, left to right, not overlapping."""
    found, i = [], 0
    while i < len(sequence):
        for size in range(min(longest, len(sequence) - i), 0, -1):
            value = table.get(tuple(sequence[i:i + size]))
            if value is not None:
                found.append((i, i + size, value))
                i += size
                break
        else:
            i += 1
    return found


def issue_matches(sequence: Sequence[str], *, context: Sequence[str] = (),
                  book: IssueBook | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, CODE)`` word ranges of ``sequence`` that the dictionary codes.

    A block's phrases code nothing when one of its exclusion phrases occurs in
    ``sequence`` or in ``context`` (the rest of the sentence).
    """
    book = book or issue_book()
    excluded = {block for _, _, block in _scan(list(sequence) + ["|"] + list(context),
                                               book.exclusions, book.longest)}
    return [(start, end, code) for start, end, (code, block)
            in _scan(sequence, book.phrases, book.longest) if block not in excluded]
