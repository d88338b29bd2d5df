"""The PETRARCH2 CAMEO verb dictionary and a reader of its format.

The dictionary (``resources/petrarch2/CAMEO.2.0.txt``, MIT licence, see
``resources/REFERENCE.md``) is the field's public verb dictionary for CAMEO
coding. Its format (PETRARCH's ``docs/source/dictionaries.rst`` and chapter 5 of
the TABARI manual):

- **synonym sets**: ``&NAME`` followed by ``+WORD`` or ``+TWO_WORDS`` lines; plurals
  are made for every member unless the label or the member ends in ``_``;
- **verb blocks**: ``--- NAME [code] ---``, then member verbs, one a line
  (``SAY {SAYS SAID SAYING}``: irregular forms in braces, an optional own code in
  brackets; ``+MEET_WITH``, ``RE_+ARREST``: multi-word verbs, ``+`` marks the verb),
  then patterns ``- <before> * <after> [code] # note`` that select a code from the
  words around the verb: bare words are noun heads (or particles), ``{A B}`` a noun
  phrase whose head is the last word, ``(PREP NOUN ...)`` a prepositional phrase,
  ``&NAME`` a synonym set, ``$``/``+``/``^`` source, target and skip markers;
- **codes**: ``[042]``; ``[---]`` is the null code (no event); a paired code
  ``[042:043]`` adds the event seen from the other side (target to source), and
  ``[:173]`` has only that reversed event;
- **transformations**: ``~ a (b . ATTACK) SAY = a b 112``, what a speech verb makes
  of the event it reports (here: saying that someone attacked is an accusation).

>>> verb_dictionary().entries("visit")[0].code
'042'
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from helpers.config import RESOURCES_DIR
from helpers.events.verb_patterns import (DictionaryError, Pattern, Phrase, PrepPhrase, Slot,
                                          Transformation, VerbDictionary, VerbEntry, parse_code,
                                          plural, regular_forms)

DICTIONARY_PATH: Path = RESOURCES_DIR / "petrarch2" / "CAMEO.2.0.txt"
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_MARKERS = {"$", "+", "^", "%", "**"}


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    for mark in ("#", ";"):
        if mark in line:
            line = line[:line.index(mark)]
    return line.rstrip()


def _words(token: str) -> list[str]:
    return [w for w in token.lower().split("_") if w]


class _Reader:
    """The state of one pass over the dictionary file."""

    def __init__(self, name: str):
        self.name = name
        self.d = VerbDictionary()
        self.synset = ""            # label being filled
        self.block = 0              # line of the current block header
        self.note = ""              # the comment of the line being read

    def where(self, number: int) -> str:
        return f"{self.name} line {number}"

    # -- synonym sets -------------------------------------------------------------------------
    def add_synonym(self, text: str, number: int) -> None:
        words = _words(text.strip())
        if not words:
            raise DictionaryError(f"{self.where(number)}: empty synonym")
        no_plural = self.synset.endswith("_") or text.strip().endswith("_")
        head, modifiers = words[-1], tuple(frozenset({w}) for w in words[:-1])
        phrases = [Phrase(head, modifiers)]
        if not no_plural:
            phrases.append(Phrase(plural(head), modifiers))
        label = self.synset.rstrip("_")
        self.d.synsets[label] = self.d.synsets.get(label, ()) + tuple(phrases)

    # -- verbs -----------------------------------------------------------------------------
    def add_verb(self, text: str, number: int) -> None:
        code_match = _CODE.search(text)
        name, block_code, block_reverse = self.d.blocks[self.block]
        code, reverse = block_code, block_reverse
        if code_match:
            code, reverse = parse_code(code_match.group(1), self.where(number))
            text = text[:code_match.start()]
        braces = re.search(r"\{([^}]*)\}", text)
        irregular = braces.group(1).split() if braces else []
        head = (text[:braces.start()] if braces else text).split()
        if len(head) != 1:
            raise DictionaryError(f"{self.where(number)}: expected one verb before its forms, "
                                  f"got {' '.join(head) or 'nothing'!r}")
        prefix, lemma, particles = self._multiword(head[0], number)
        forms = {lemma}
        for form in irregular:
            forms.add(self._multiword(form, number)[1])
        if not braces:
            forms |= regular_forms(lemma)
        entry = VerbEntry(lemma, prefix, particles, frozenset(forms), code, reverse,
                          self.block, number)
        known = self.d.verbs.setdefault(lemma, [])
        if any((e.prefix, e.particles) == (prefix, particles) for e in known):
            return                              # the first entry of a verb wins, as in PETRARCH
        known.append(entry)
        known.sort(key=lambda e: -(len(e.prefix) + len(e.particles)))

    def _multiword(self, token: str, number: int) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """'+MEET_WITH' -> ((), 'meet', ('with',)); 'RE_+ARREST' -> (('re',), 'arrest', ())."""
        parts = token.split("_")
        marked = [i for i, p in enumerate(parts) if p.startswith("+")]
        if len(parts) == 1:
            return (), parts[0].lstrip("+").lower(), ()
        if len(marked) != 1:
            raise DictionaryError(f"{self.where(number)}: multi-word verb {token!r} must mark "
                                  "exactly one word with '+'")
        i = marked[0]
        return (tuple(p.lower() for p in parts[:i] if p), parts[i][1:].lower(),
                tuple(p.lower() for p in parts[i + 1:] if p))

    # -- patterns ----------------------------------------------------------------------------
    def slot(self, token: str, number: int) -> Slot | None:
        """The phrases one pattern word stands for; None for a synonym set not (yet) defined."""
        if token.startswith("&"):
            return self.d.synsets.get(token[1:].rstrip("_"))
        words = _words(token)
        return (Phrase(words[-1], tuple(frozenset({w}) for w in words[:-1])),) if words else ()

    def group(self, tokens: list[str], number: int) -> list[Slot] | None:
        """Slots of a run of pattern words, '{A B}' joined into one noun phrase."""
        slots: list[Slot] = []
        phrase: list[str] | None = None
        for token in tokens:
            if token in _MARKERS or not token.strip("{}"):
                continue
            if token.startswith("{") and phrase is None:
                phrase, token = [], token[1:]
            if phrase is not None:
                closing = token.endswith("}")
                phrase.append(token.rstrip("}"))
                if closing:
                    slot = self._noun_phrase(phrase, number)
                    if slot is None:
                        return None
                    slots.append(slot)
                    phrase = None
                continue
            slot = self.slot(token, number)
            if slot is None:
                return None
            if slot:
                slots.append(slot)
        if phrase is not None:
            raise DictionaryError(f"{self.where(number)}: unclosed '{{' in a pattern")
        return slots

    def _noun_phrase(self, words: list[str], number: int) -> Slot | None:
        heads = self.slot(words[-1], number)
        if heads is None:
            return None
        modifiers = []
        for word in words[:-1]:
            alternatives = self.slot(word, number)
            if alternatives is None:
                return None
            modifiers.append(frozenset(p.head for p in alternatives))
        return tuple(Phrase(h.head, tuple(modifiers) + h.modifiers) for h in heads)

    def split(self, side: str, number: int) -> tuple[list[Slot], list[PrepPhrase]] | None:
        """The noun slots and the prepositional phrases of one side of a pattern."""
        tokens = re.findall(r"\([^)]*\)|\S+", side)
        plain: list[str] = []
        preps: list[PrepPhrase] = []
        for token in tokens:
            if token.startswith("("):
                inner = token[1:-1].split()
                if not inner:
                    raise DictionaryError(f"{self.where(number)}: empty '()' in a pattern")
                objects = self.group(inner[1:], number)
                if objects is None:
                    return None
                preps.append(PrepPhrase(frozenset(inner[0].lower().split("/")), tuple(objects)))
            else:
                plain.append(token)
        slots = self.group(plain, number)
        return None if slots is None else (slots, preps)

    def add_pattern(self, text: str, number: int) -> None:
        if not self.block:
            raise DictionaryError(f"{self.where(number)}: pattern outside a verb block")
        code_match = _CODE.search(text)
        if not code_match:
            raise DictionaryError(f"{self.where(number)}: pattern without a [code]")
        code, reverse = parse_code(code_match.group(1), self.where(number))
        body = text[1:code_match.start()].replace("**", "*")
        note = re.findall(r"[A-Z_]+", raw_note) if (raw_note := self.note) else []
        if body.count("*") != 1:
            raise DictionaryError(f"{self.where(number)}: a pattern needs exactly one '*' "
                                  "for the verb")
        before_text, after_text = body.split("*")
        before = self.split(before_text, number)
        after = self.split(after_text, number)
        if before is None or after is None:
            return                                  # uses an undefined synonym set: skipped
        if not (before[0] or after[0] or before[1] or after[1]):
            return       # only markers ('- * + [111]'): the verb's own code says the same
        self.d.patterns.setdefault(self.block, []).append(
            Pattern(tuple(before[0]), tuple(after[0]), tuple(before[1] + after[1]), code,
                    reverse, number, note[0].lower() if note else ""))

    # -- transformations ------------------------------------------------------------------------
    def add_transformation(self, text: str, number: int) -> None:
        match = re.fullmatch(r"~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*"
                             r"(\S+)\s+(\S+)\s+(\S+)\s*", text)
        if not match:
            raise DictionaryError(f"{self.where(number)}: transformation not of the form "
                                  "'~ a (a b VERB) VERB = a b CODE'")
        a, s, t, inner, outer, rs, rt, rc = match.groups()
        self.d.transformations.append(Transformation(a, (s, t), inner, outer, (rs, rt, rc), number))

    # -- one line -----------------------------------------------------------------------------
    def line(self, raw: str, number: int) -> None:
        if raw.startswith("---"):
            # four headers close with ']---  ---': the code is still the one in brackets
            match = re.fullmatch(r"---\s*(\S+)\s*\[([^\]]*)\](\s*---)+\s*", _strip_comment(raw))
            if not match:
                raise DictionaryError(f"{self.where(number)}: block header not of the form "
                                      "'--- NAME [code] ---'")
            self.block, self.synset = number, ""
            self.d.blocks[number] = (match.group(1), *parse_code(match.group(2), self.where(number)))
            return
        text = _strip_comment(raw).strip()
        self.note = raw.split("#", 1)[1] if "#" in raw else ""
        if not text:
            if not raw.strip():
                self.synset = ""
            return
        if text.startswith("&"):
            self.synset = text[1:].split()[0]
        elif text.startswith("+") and self.synset:
            self.add_synonym(text[1:], number)
        elif text.startswith("~"):
            self.add_transformation(text, number)
        elif text.startswith("-"):
            self.add_pattern(text, number)
        elif self.block:
            self.add_verb(text, number)
        else:
            raise DictionaryError(f"{self.where(number)}: {text[:40]!r} is neither a synonym "
                                  "set, a verb block nor a transformation")


def read_verb_dictionary(path: Path = DICTIONARY_PATH) -> VerbDictionary:
    """Parse a dictionary in the PETRARCH2 verb format.

    Raises :class:`DictionaryError` naming the file and line of anything it cannot
    read (a block header without its code, a pattern without '*' or code, a code that
    is not digits, '---' or a pair) and ``FileNotFoundError`` / ``UnicodeDecodeError``
    naming the file. A pattern that uses an undefined synonym set is skipped, as
    PETRARCH does.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "v.txt"
    >>> _ = f.write_text("---  GREET [050] ---\\nGREET\\n- * (WITH FLOWERS) [051]\\n")
    >>> d = read_verb_dictionary(f)
    >>> d.entries("greeted"), d.entries("greet")[0].code, d.patterns[1][0].code
    ([], '050', '051')
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"verb dictionary {path.name} not found in {path.parent.name}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path.name}: not valid UTF-8 at byte {exc.start}") from exc
    reader = _Reader(path.name)
    for number, raw in enumerate(lines, start=1):
        reader.line(raw, number)
    return reader.d


@lru_cache(maxsize=None)
def verb_dictionary() -> VerbDictionary:
    """The vendored PETRARCH2 dictionary, read once."""
    return read_verb_dictionary(DICTIONARY_PATH)
