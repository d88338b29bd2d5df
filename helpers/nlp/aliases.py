"""Names an article gives one actor in several forms: acronyms of a long form it names,
"known as" names, and variant spellings of one person's full name.

Each rule returns ``{id to replace: id kept}`` for the names of one document, read by
:func:`helpers.nlp.linking.link_names` after every name has an id of its own:

- an acronym that neither the knowledge base nor the dictionaries know ("IGAD") joins the
  organisation or place of the article whose name it abbreviates ("Intergovernmental
  Authority on Development"), matched as Schwartz and Hearst (2003, "A simple algorithm
  for identifying abbreviation definitions in biomedical text") match a short form to its
  long form, the nearest such name before it first, then after it;
- "X, (also / widely / better / commonly / popularly) known as Y", "X, nicknamed Y" and
  "X, dubbed Y": Y is X ("Mohamed Hamdan Dagalo, widely known as Hemedti");
- two full names of persons that share their last name and the number of their parts, and
  whose other parts are close spellings of each other (``difflib`` ratio at least
  :data:`SPELLING_RATIO`: "Mohamed Bazoum" and "Muhammed Bazoum"), are one person; "Hassan
  al-Hakim" and "Ammar al-Hakim" stay two;
- an institution's head noun alone ("The Assembly") is the organisation named last before
  it with that head ("the Assembly of the African Union").

Two look-ups of the same kind live here too: a state's formal name (:func:`kb_id`) and an
acronym a name defines in brackets after it (:func:`defined_acronym`).

>>> spells("IGAD", "Intergovernmental Authority on Development"), spells("AU", "Arab League")
(True, False)
>>> same_person("Mohamed Bazoum", "Muhammed BAZOUM"), same_person("Hassan al-Hakim", "Ammar al-Hakim")
(True, False)
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc, Span

from helpers.nlp.kb import _PARTICLE, KB, PARTICLE_WORDS, lookup
from helpers.nlp.name_lists import text_of

#: How close two spellings of one given name must be (``difflib.SequenceMatcher`` ratio).
SPELLING_RATIO = 0.75

_KNOWN_AS = re.compile(r"^\s*,?\s*(?:(?:also|widely|better|commonly|popularly|locally)\s+)?"
                       r"(?:known\s+as|nicknamed|dubbed)\s+[\"“‘']?$", re.IGNORECASE)


def spells(short: str, long: str) -> bool:
    """Whether ``short`` (an acronym) abbreviates ``long``. As Schwartz and Hearst (2003) read
    a short form, its letters are found in order in ``long``, the first at the start of its
    first word, and ``long`` has at most ``min(len(short) + 5, 2 * len(short))`` words; and,
    stricter, every capitalised word of ``long`` gives the acronym its first letter (then
    perhaps more of its letters: "IGAD" from "InterGovernmental Authority on Development"),
    while a small word ("of", "the") may give its first letter or nothing.

    >>> spells("OPMC", "Office of the Prime Minister and Cabinet"), spells("UN", "Ukraine")
    (True, False)
    """
    letters = "".join(c.lower() for c in short if c.isalnum())
    words = [w for w in re.split(r"[\s\-]+", long.removeprefix("the ").removeprefix("The "))
             if any(c.isalnum() for c in w)]
    if len(letters) < 2 or len(words) < 2 or len(words) > min(len(letters) + 5, 2 * len(letters)):
        return False
    return _consume(letters, words)


def _consume(letters: str, words: list[str]) -> bool:
    """Whether ``words`` give exactly ``letters`` (see :func:`spells`)."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    needed = word[:1].isupper()
    if not needed and _consume(letters, rest):
        return True
    if not letters or word[:1].lower() != letters[0]:
        return False
    inner = word[1:].lower()
    # the word's first letter, then any further letters of the acronym found in it in order
    for taken in range(1, len(letters) + 1):
        if _consume(letters[taken:], rest):
            return True
        if taken == len(letters) or letters[taken] not in inner:
            return False
        inner = inner[inner.index(letters[taken]) + 1:]
    return False


@lru_cache(maxsize=4096)
def _given_parts(name: str) -> tuple[str, ...]:
    return tuple(_PARTICLE.sub("", w).lower() for w in name.split() if w.lower() not in PARTICLE_WORDS)


def same_person(first: str, second: str) -> bool:
    """Whether two full names are spellings of one person's name (see the module doc)."""
    a, b = _given_parts(first), _given_parts(second)
    if len(a) < 2 or len(a) != len(b) or a[-1] != b[-1] or a == b:
        return False
    return all(x == y or SequenceMatcher(None, x, y).ratio() >= SPELLING_RATIO
               for x, y in zip(a[:-1], b[:-1]))


def acronym_ids(names: list[tuple[int, str, str, bool]]) -> dict[str, str]:
    """``{acronym id: long form id}`` for ``names`` as ``(offset, text, actor_id, open)`` in
    text order, ``open`` True for an acronym no source knows (its id is the article's own)."""
    out: dict[str, str] = {}
    for offset, text, actor_id, is_open in names:
        if not is_open or actor_id in out:
            continue
        longs = [(o, i) for o, t, i, _ in names if i != actor_id and " " in t.strip()
                 and spells(text, t)]
        before = [x for x in longs if x[0] < offset]
        found = before[-1] if before else (longs[0] if longs else None)
        if found:
            out[actor_id] = found[1]
    return out


def known_as_ids(text: str, names: list[tuple[int, int, str]]) -> dict[str, str]:
    """``{id of Y: id of X}`` for "X, known as Y" between consecutive ``names`` given as
    ``(start, end, actor_id)`` character spans of ``text`` in text order."""
    out: dict[str, str] = {}
    for (_, end, first), (start, _, second) in zip(names, names[1:]):
        if first != second and start - end < 40 and _KNOWN_AS.match(text[end:start]):
            out.setdefault(second, first)
    return out


def variant_ids(persons: list[tuple[str, str, bool]]) -> dict[str, str]:
    """``{id: id kept}`` for full names of persons given as ``(text, actor_id, known)`` in
    text order (``known``: the id comes from the knowledge base or a dictionary) that
    :func:`same_person` calls one: a known id is kept, else the spelling the article uses for
    more of its names, else the first.

    >>> variant_ids([("Muhammed Bazoum", "muhammed_bazoum", False),
    ...              ("Mohamed Bazoum", "mohamed_bazoum", False), ("Bazoum", "mohamed_bazoum", False)])
    {'muhammed_bazoum': 'mohamed_bazoum'}
    """
    uses = Counter(actor_id for _, actor_id, _ in persons)
    full = list(dict.fromkeys((text, actor_id, known) for text, actor_id, known in persons
                              if len(_given_parts(text)) > 1))   # each full name once
    out: dict[str, str] = {}
    for n, (text, actor_id, known) in enumerate(full):
        for other, other_id, other_known in full[:n]:
            if other_id != actor_id and actor_id not in out and other_id not in out \
                    and same_person(other, text):
                rank = {other_id: (other_known, uses[other_id], 1), actor_id: (known, uses[actor_id], 0)}
                keep = max(rank, key=rank.get)
                drop = actor_id if keep == other_id else other_id
                out[drop] = keep
                break
    return out


def short_institution_ids(names: list[tuple[str, str, bool]]) -> dict[str, str]:
    """``{id: id kept}`` for organisations given as ``(text, actor_id, open)`` in text order:
    one capitalised word with or without "the" ("The Assembly", ``open``: no source knows it)
    is the organisation named last before it whose head is that word ("the Assembly of the
    African Union": the word before "of"; "the African Union Commission": its last word).

    >>> short_institution_ids([("the Assembly of the African Union", "a", True),
    ...                        ("The Assembly", "assembly", True), ("the Council", "council", True)])
    {'assembly': 'a'}
    """
    out: dict[str, str] = {}
    for n, (text, actor_id, is_open) in enumerate(names):
        word = text.removeprefix("the ").removeprefix("The ")
        if not is_open or " " in word or not word[:1].isupper() or actor_id in out:
            continue
        for other, other_id, _ in reversed(names[:n]):
            words = other.removeprefix("the ").removeprefix("The ").split()
            head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
            if other_id != actor_id and len(words) > 1 and head == word:
                out[actor_id] = other_id
                break
    return out


def resolve(mapping: dict[str, str], actor_id: str) -> str:
    """Follow ``mapping`` from ``actor_id`` to the id it ends at (cycles stop where they close).

    >>> resolve({"a": "b", "b": "c"}, "a"), resolve({"a": "b", "b": "a"}, "a")
    ('c', 'b')
    """
    seen = {actor_id}
    while actor_id in mapping and mapping[actor_id] not in seen:
        actor_id = mapping[actor_id]
        seen.add(actor_id)
    return actor_id


#: A state's formal name: "the Federal Republic of Ethiopia", "the Kingdom of Bahrain", "State
#: of Qatar" (but not "Islamic State of Iraq": "State" takes no word in front).
_FORMAL = re.compile(r"^(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’-]*\s+){0,3}(?:Republic|Kingdom|Sultanate|"
                     r"Emirate|Principality|Commonwealth|Federation|Confederation)|State)\s+of\s+"
                     r"(?:the\s+)?(?P<state>[A-Z].*)$")


def kb_id(kb: KB, text: str) -> str:
    """A KB look-up that also tries an all-caps name in title case ("NAIROBI"), and a
    state's formal name the KB does not list by the state it names ("the Federal Republic
    of Ethiopia" -> ``ethiopia``)."""
    found = lookup(kb, text)
    if not found and text.isupper() and len(text) > 3:
        found = lookup(kb, text.title())
    if not found and (formal := _FORMAL.match(text)):
        state = lookup(kb, formal["state"])
        found = state if state and kb.actors[state].type == "state" else ""
    return found


def defined_acronym(ent: Span) -> str:
    """The acronym a name defines in brackets right after it ("World Food Programme (WFP)"),
    or ''. It must be in capitals and start with the name's first letter.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("The World Food Programme (WFP) said so. WFP left.")
    >>> defined_acronym(doc.ents[0]), defined_acronym(doc.ents[-1])
    ('WFP', '')
    """
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return ""
    acronym = doc[ent.end + 1].text
    first = next((t.text for t in ent if t.lower_ != "the"), "")
    if not (2 <= len(acronym.replace(".", "")) <= 8 and acronym.replace(".", "").isalpha()
            and acronym.isupper() and first[:1].upper() == acronym[:1]):
        return ""
    return acronym


def split_at_acronym(name: Span, acronym: str) -> tuple[Span, Span] | None:
    """A name before a bracketed acronym that abbreviates only its part after an "of" is two
    organisations: "The Authority of Heads of State and Government of the Economic Community
    of West African States (ECOWAS)" -> "The Authority of Heads of State and Government" and
    "the Economic Community of West African States" (ECOWAS's long form); None when the
    acronym spells the whole name, or no such part.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("The Council of Ministers of the Norvela Trade Union (NTU) met.")
    >>> [p.text for p in split_at_acronym(doc[0:9], "NTU")]
    ['The Council of Ministers', 'the Norvela Trade Union']
    """
    doc = name.doc
    if not acronym.isupper() or " " in acronym or spells(acronym, name.text):
        return None
    for k in range(name.end - 2, name.start, -1):
        if doc[k].lower_ == "of" and spells(acronym, doc[k + 1:name.end].text):
            return (Span(doc, name.start, k, label=name.label_),
                    Span(doc, k + 1, name.end, label=name.label_))
    return None


def later_acronyms(doc: Doc, spans: list[Span], methods: dict, aliases: list) -> list[Span]:
    """Every later use of an acronym the article defines in brackets is an ORG too."""
    text = text_of(doc)
    defined = {text[a:b] for pair in aliases for a, b in pair}
    defined = {t for t in defined if t.isupper() and t.isalpha() and 2 <= len(t) <= 8}
    if not defined:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    for match in re.finditer("|".join(rf"\b{re.escape(t)}\b" for t in sorted(defined)), text):
        tok = doc.char_span(match.start(), match.end())
        tok = tok[0] if tok is not None and len(tok) == 1 else None
        if tok is not None and tok.i not in covered:
            span = Span(doc, tok.i, tok.i + 1, label="ORG")
            spans.append(span)
            methods[(span.start_char, span.end_char)] = "fix:acronym"
    return spans
