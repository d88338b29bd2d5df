"""The records of the PETRARCH2 verb dictionary: phrases, patterns, verb entries, transformations.

Read by :mod:`helpers.events.dictionary`, matched by :mod:`helpers.events.matching`.

>>> Phrase("sanctions", (frozenset({"new"}),)).head
'sanctions'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


class DictionaryError(ValueError):
    """A line of the verb dictionary the reader cannot use; the message names file and line."""


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of a pattern: its head word and the words that must modify it."""

    head: str
    modifiers: tuple[frozenset[str], ...] = ()


#: One slot of a pattern: the phrases any of which fills it (a synonym set gives many).
Slot = tuple[Phrase, ...]


@dataclass(frozen=True)
class PrepPhrase:
    """``(PREP NOUN ...)``: a preposition (alternatives split on '/') and the nouns it governs."""

    preps: frozenset[str]
    objects: tuple[Slot, ...]


@dataclass(frozen=True)
class Pattern:
    """One pattern line of a verb block."""

    before: tuple[Slot, ...]
    after: tuple[Slot, ...]
    preps: tuple[PrepPhrase, ...]
    code: str           # '' for the null code '---'
    reverse: str        # the paired code (target -> source), '' if none
    line: int
    verb: str = ""      # the verb its note says it was written for ('# HOLD'), '' if none

    @cached_property
    def needs(self) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
        """The head words each slot may take and the prepositions each phrase needs: a
        pattern whose words are not all around the verb cannot match (a quick test)."""
        slots = list(self.before) + list(self.after) + [o for p in self.preps for o in p.objects]
        return (tuple(frozenset(phrase.head for phrase in slot) for slot in slots),
                tuple(p.preps for p in self.preps))

    @cached_property
    def specificity(self) -> int:
        """How much context the pattern asks for: one point per slot, preposition and modifier.

        >>> Pattern((), ((Phrase("aid", (frozenset({"food"}),)),),), (), "073", "", 1).specificity
        2
        """
        slots = list(self.before) + list(self.after) + [o for p in self.preps for o in p.objects]
        return (len(slots) + len(self.preps)
                + sum(min(len(phrase.modifiers) for phrase in slot) for slot in slots if slot))


@dataclass(frozen=True)
class VerbEntry:
    """A member verb of a block: its base form, the words of a multi-word verb, its code."""

    lemma: str                      # lower case base form: 'meet'
    prefix: tuple[str, ...]         # words before the verb ('re' in RE_+ARREST)
    particles: tuple[str, ...]      # words after it ('with' in +MEET_WITH)
    forms: frozenset[str]
    code: str                       # its own code, else the block's ('' = null)
    reverse: str
    block: int                      # the line of its block header
    line: int


@dataclass(frozen=True)
class Transformation:
    """``~ a (b . ATTACK) SAY = a b 112``: a speech verb over a reported event, and the result.

    ``outer_source`` is the speaker's variable; ``inner`` the reported event's source and
    target variables ('.' any actor, '_' none); ``inner_verb``/``outer_verb`` name verbs
    whose codes' roots the events must have ('Q' any); ``result`` is (source, target,
    code) where the code may be 'Q' (the reported event's code).
    """

    outer_source: str
    inner: tuple[str, str]
    inner_verb: str
    outer_verb: str
    result: tuple[str, str, str]
    line: int


@dataclass
class VerbDictionary:
    """The parsed dictionary: synonym sets, verbs by lemma, block patterns, transformations."""

    synsets: dict[str, Slot] = field(default_factory=dict)
    #: header line -> (name, code, reverse)
    blocks: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    patterns: dict[int, list[Pattern]] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    transformations: list[Transformation] = field(default_factory=list)

    def entries(self, lemma: str) -> list[VerbEntry]:
        """The member verbs with this base form (multi-word ones first), [] if none."""
        return self.verbs.get(lemma.lower(), [])

    def block_name(self, entry: VerbEntry) -> str:
        return self.blocks[entry.block][0]

    def code_of(self, verb: str) -> str:
        """The code of a verb used alone (its own code or its block's), '' when it has none.

        >>> from helpers.events.dictionary import verb_dictionary
        >>> verb_dictionary().code_of("ATTACK")
        '190'
        """
        single = [e for e in self.entries(verb) if not e.particles and not e.prefix]
        return single[0].code if single else ""


def plural(word: str) -> str:
    """The regular plural the dictionary generates for a synonym.

    >>> plural("army"), plural("boss"), plural("tank"), plural("day")
    ('armies', 'bosses', 'tanks', 'days')
    """
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def parse_code(text: str, where: str) -> tuple[str, str]:
    """'042' -> ('042', ''); '042:043' -> ('042', '043'); ':173' -> ('', '173'); '---': ('', '')."""
    text = text.strip()
    main, _, reverse = text.rstrip("!").partition(":")     # one line flags its code with '!'

    main = "" if main.strip() in {"---", ""} else main.strip()
    reverse = "" if reverse.strip() in {"---", ""} else reverse.strip()
    for part in (main, reverse):
        if part and not part.isdigit():
            raise DictionaryError(f"{where}: code [{text}] is not a CAMEO code, '---' or a pair")
    return main, reverse


def regular_forms(stem: str) -> set[str]:
    """-s, -ed and -ing forms of a regular verb, as PETRARCH generates them."""
    forms = {plural(stem), stem + "d" if stem.endswith("e") else stem + "ed"}
    silent_e = stem.endswith("e") and stem[-2:-1] not in "aeiou"
    forms.add(stem[:-1] + "ing" if silent_e else stem + "ing")
    return forms
