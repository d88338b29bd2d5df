"""CAMEO coding of a predicate: the PETRARCH2 verb dictionary matched against the spaCy parse.

A verb is looked up by its lemma (a multi-word verb by its particle: "call off",
"meet with"); the patterns of its block are matched against the words around it
in the parse: the head (and modifiers) of its subject for the words before the
verb, of its objects, particles, adverbs and clausal complements for the words
after it, and its prepositional phrases (and those of its object) for ``(PREP
...)``. The most specific pattern that matches gives the code; without one the
verb's own code applies. The null code ``[---]`` means: no event.

The project's override table (``resources/verb_lexicon.csv``) comes first: a row
without a pattern replaces the dictionary's entry for that lemma (a verb the
dictionary lacks or files under a wrong block), a row with a pattern is tried
before the dictionary's patterns. Its ``role`` column marks words that are no
events of their own (report, aspectual, cue, skip, message) and light verbs
(``light``) whose object nouns are event nouns ("hold talks", "pay a visit").

Event nouns are coded by the override table, else by what a light verb of the
table with that noun as its object is coded in the dictionary ("a summit": *hold a
summit*, 040; "an attack": *stage an attack*, 190).

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("The Marland Union imposed new sanctions on Tarvia.")
>>> c = code_token(doc[3])
>>> c.code, c.lemma
('163', 'impose sanction')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Token

from helpers.events.cameo import LexiconEntry, event_codes, verb_lexicon
from helpers.events.dictionary import _Reader, verb_dictionary
from helpers.events.matching import _Context, _with_conj, best_block_pattern, best_pattern, context
from helpers.events.verb_patterns import Pattern, VerbEntry
from helpers.nlp.references import role_nouns
from helpers.nlp.tree import children

#: Roots of what a light verb and its object noun code that make the noun an event of its
#: own: meetings, protests, coercion (detention), assaults, fights. 'make peace' (050),
#: 'take part' (030) or 'pay dollars' (061) make no event nouns of 'peace', 'part', 'dollars'.
EVENT_NOUN_ROOTS = ("04", "14", "17", "18", "19", "20")


@dataclass(frozen=True)
class Coding:
    """What the dictionary (or the override table) makes of one predicate."""

    code: str                   # '' when the matched entry has the null code
    reverse: bool               # the code applies from target to source ('[:173]')
    lemma: str                  # 'meet', 'hold talk', 'call off'
    origin: str                 # 'dictionary line N' or 'override line N'
    used: frozenset[int]        # tokens a pattern used (an object noun is then no event itself)
    preps: frozenset[str]       # prepositions of the matched pattern (their objects are targets)
    reciprocal: bool            # 'A and B met': each source is the other's target
    role: str                   # the override table's role of the lemma ('event' by default)
    target_preps: tuple[str, ...]   # the override table's target prepositions, () for defaults


@lru_cache(maxsize=None)
def override_patterns() -> dict[tuple[str, str], tuple[tuple[Pattern, LexiconEntry], ...]]:
    """The override table's patterned rows compiled with the dictionary's synonym sets."""
    reader = _Reader("verb_lexicon.csv")
    reader.d.synsets = verb_dictionary().synsets
    reader.block = 1
    compiled: dict[tuple[str, str], list[tuple[Pattern, LexiconEntry]]] = {}
    for key, entries in verb_lexicon().items():
        for entry in entries:
            if entry.pattern not in {"", "*"}:
                reader.d.patterns = {}
                reader.add_pattern(f"- {entry.pattern} [{entry.cameo_code or '---'}]", entry.line)
                for pattern in reader.d.patterns.get(1, []):
                    compiled.setdefault(key, []).append((pattern, entry))
    return {k: tuple(sorted(v, key=lambda pe: (-pe[0].specificity, pe[0].line)))
            for k, v in compiled.items()}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _multiword(entry: VerbEntry, token: Token) -> bool:
    """True when the particles and prefix of a multi-word verb are there."""
    doc = token.doc
    if entry.prefix and tuple(t.lower_ for t in doc[max(token.i - len(entry.prefix), 0):token.i]
                              ) != entry.prefix:
        return False
    if not entry.particles:
        return True
    first = entry.particles[0]
    return any(c.lower_ == first and c.dep_ in {"prt", "prep", "advmod", "dobj", "agent"}
               for c in children(token))


def _rows(token: Token, pos: str) -> tuple[LexiconEntry, ...]:
    return verb_lexicon().get((_lemma(token), pos), ())


def _coding(code: str, reverse: str, lemma: str, origin: str, rows: Sequence[LexiconEntry],
            row: LexiconEntry | None = None, used: frozenset[int] = frozenset(),
            pattern: Pattern | None = None) -> Coding:
    """A Coding, with the roles and target prepositions of the lemma's override rows.

    A code the CAMEO table lacks (the dictionary's 1213, 176, 1952, later additions to
    CAMEO) becomes its longest prefix in the table.
    """
    row = row or next((r for r in rows if r.pattern in {"*", ""}), None)
    code, reverse = known_code(code), known_code(reverse)
    preps = frozenset(p for pp in pattern.preps for p in pp.preps) if pattern else frozenset()
    return Coding(code or reverse, not code and bool(reverse), lemma, origin, used, preps,
                  bool(row and row.reciprocal) or bool(code and code == reverse),
                  row.role if row else "event", row.target_preps if row else ())


def known_code(code: str) -> str:
    """``code`` if the CAMEO table has it, else its longest prefix that it has ('' for '').

    >>> known_code("1952"), known_code("176"), known_code("042")
    ('195', '17', '042')
    """
    codes = event_codes()
    while code and code not in codes:
        code = code[:-1]
    return code


def _object_words(token: Token, used: frozenset[int]) -> list[str]:
    doc = token.doc
    return [doc[i].lemma_.lower() for i in sorted(used) if doc[i].dep_ in {"dobj", "attr", "prt"}]


def _patterned(token: Token, pos: str, ctx: _Context, rows) -> Coding | None:
    """The override table's best matching patterned row, None if none matches."""
    compiled = override_patterns().get((_lemma(token), pos), ())
    best = best_pattern([p for p, _ in compiled], ctx)
    if best is None:
        return None
    pattern, used = best
    row = next(r for p, r in compiled if p is pattern)
    lemma = " ".join([_lemma(token)] + _object_words(token, used))
    return _coding(pattern.code, pattern.reverse, lemma, f"override line {row.line}", rows, row,
                   used, pattern)


def code_verb(token: Token) -> Coding | None:
    """The coding of a verb token, None when neither the table nor the dictionary knows it.

    Order: the override table's patterned rows; its row without a pattern (which
    replaces the dictionary's entry); the dictionary's patterns of the verb's block;
    the override's '*' row (the verb's own code); the dictionary's own code.
    """
    ctx = context(token)
    rows = _rows(token, "VERB")
    found = _patterned(token, "VERB", ctx, rows)
    if found is not None:
        return found
    replace = next((r for r in rows if r.pattern == ""), None)
    if replace is not None:
        return _coding(replace.cameo_code, "", replace.lemma, f"override line {replace.line}",
                       rows, replace)
    own = next((r for r in rows if r.pattern == "*"), None)
    d = verb_dictionary()
    for entry in d.entries(_lemma(token)) or d.entries(token.lower_):
        if not _multiword(entry, token):
            continue
        lemma = " ".join([entry.lemma, *entry.particles])
        best = best_block_pattern(entry.block, ctx)
        if best is not None:
            pattern, used = best
            return _coding(pattern.code, pattern.reverse,
                           " ".join([lemma] + _object_words(token, used)),
                           f"dictionary line {pattern.line}", rows, None, used, pattern)
        if own is not None and not entry.particles:
            break
        return _coding(entry.code, entry.reverse, lemma, f"dictionary line {entry.line}", rows)
    if own is not None:
        return _coding(own.cameo_code, "", own.lemma, f"override line {own.line}", rows, own)
    return None


@lru_cache(maxsize=None)
def light_nouns() -> dict[str, tuple[str, str]]:
    """Noun -> (code, origin): what a light verb of the override table makes of it as its object,
    for the roots of :data:`EVENT_NOUN_ROOTS`.

    >>> light_nouns()["talks"][0]
    '040'
    """
    found: dict[str, tuple[str, str]] = {}
    d = verb_dictionary()
    for (lemma, pos), entries in verb_lexicon().items():
        if pos != "VERB" or not any(e.role == "light" for e in entries):
            continue
        own = [(p, f"override line {e.line}") for p, e in override_patterns().get((lemma, pos), ())]
        blocks = [e.block for e in d.entries(lemma) if not e.particles and not e.prefix][:1]
        # only the patterns written for this verb: a block also holds its synonyms' patterns
        theirs = [(p, f"dictionary line {p.line}") for b in blocks for p in d.patterns.get(b, ())
                  if p.verb == lemma]
        for pattern, origin in own + theirs:
            if pattern.before or pattern.preps or len(pattern.after) != 1 \
                    or len(pattern.after[0]) != 1 or pattern.code[:2] not in EVENT_NOUN_ROOTS:
                continue         # one plain word: a synonym set ('&HOSTAGE') names things too
            for phrase in pattern.after[0]:
                if not phrase.modifiers:
                    found.setdefault(phrase.head, (pattern.code, origin))
    return found


def code_noun(token: Token) -> Coding | None:
    """The coding of an event noun ("talks", "visit", "a phone call"), None if it is none.

    Order: the override table (patterned rows, whose words before '*' are the noun's
    modifiers: "PHONE *"), then the code a light verb of the table gives the noun as
    its object in the dictionary ("hold a summit", "stage an attack"). A role noun
    ("minister", "envoy") is never an event noun.
    """
    lemma = _lemma(token)
    if lemma in role_nouns() or token.lower_ in role_nouns():
        return None
    if not ((lemma, "NOUN") in verb_lexicon() or lemma in light_nouns()
            or token.lower_ in light_nouns()):
        return nominalized(token)
    ctx = context(token)
    rows = _rows(token, "NOUN")
    found = _patterned(token, "NOUN", ctx, rows)
    if found is not None:
        return found
    bare = next((r for r in rows if r.pattern in {"", "*"}), None)
    if bare is not None:
        return _coding(bare.cameo_code, "", bare.lemma, f"override line {bare.line}", rows, bare)
    for word in (token.lower_, _lemma(token)):
        if word in light_nouns():
            code, origin = light_nouns()[word]
            return _coding(code, "", _lemma(token), origin, rows)
    return None


def nominalized(token: Token) -> Coding | None:
    """The coding of a noun that is its verb's nominalisation with the verb's object after
    "of" ("an exchange of prisoners" as "exchange prisoners", 0841), None if none.

    The noun's lemma must be a verb of the dictionary (zero derivation), and a pattern of
    that verb's block written for it must match with its object slot filled by the "of"
    phrase, as NomBank reads the "of" argument of a deverbal noun as the verb's object
    (Meyers et al. 2004, "The NomBank Project"); a noun alone, or a pattern without an
    object, codes nothing (a "report" or a "plan" is no event).

    >>> from helpers.nlp.model import get_nlp
    >>> nominalized(get_nlp()("They agreed to an exchange of prisoners.")[4]).code
    '0841'
    >>> nominalized(get_nlp()("They agreed to an exchange.")[4]) is None
    True
    """
    of = [c for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"]
    objects = tuple(o for p in of for c in children(p) if c.dep_ == "pobj" for o in _with_conj(c))
    if not objects:
        return None
    d = verb_dictionary()
    ctx = _Context(None, ((), objects, ()))
    for entry in d.entries(_lemma(token)):
        if entry.particles or entry.prefix:
            continue
        best = best_pattern(_object_patterns(entry.block, entry.lemma), ctx)
        if best is not None:
            pattern, used = best
            return _coding(pattern.code, pattern.reverse, entry.lemma.lower(),
                           f"dictionary line {pattern.line} (nominalised)", (), None, used,
                           pattern)
    return None


@lru_cache(maxsize=None)
def _object_patterns(block: int, verb: str) -> tuple[Pattern, ...]:
    """The patterns of a dictionary block written for ``verb`` that are an object alone."""
    return tuple(p for p in verb_dictionary().patterns.get(block, ())
                 if p.verb == verb and p.after and not p.before and not p.preps)


def code_token(token: Token) -> Coding | None:
    """The coding of a verb or noun token (see :func:`code_verb`, :func:`code_noun`)."""
    if token.pos_ == "VERB":
        return code_verb(token)
    if token.pos_ == "NOUN":
        return code_noun(token)
    return None
