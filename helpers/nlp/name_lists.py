"""The name lists and look-ups the entity corrections share: titles, institutions, news
words, the knowledge base's label of a name, the Phoenix dictionaries' persons and
organisations, and the doc's text built once.

>>> title_kinds()["Sheikh"], is_abbreviation("U.S."), is_abbreviation("United States")
('honorific or tribal title', True, False)
>>> is_media_name("Prensa Latina"), is_media_name("Times Square")
(True, False)
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

from helpers.files.resources import resource_rows
from helpers.nlp.kb import _PARTICLE, LABEL_OF_TYPE, load_kb, lookup
from helpers.nlp.phoenix import key, load_phoenix, lookup_actor

#: Kinds of title (``entity_titles.csv`` notes) a person carries, not an office.
PERSONAL_TITLES = ("honorific", "Shia clerical rank", "clerical title", "religious title", "rank")
#: The text and the words of each doc asked about, for as long as the doc lives.
_READ: WeakKeyDictionary[Doc, tuple[str, list[str]]] = WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, built once for each doc (kept while the doc lives), from the token
    array (``Doc.text`` makes a Token object of every token at each call).

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp().make_doc("Talks resumed. " + chr(10) + "  DORMAN – yes ")
    >>> text_of(doc) == doc.text
    True
    """
    return _read(doc)[0]


def words_of(doc: Doc) -> list[str]:
    """The text of each token of ``doc`` (``[t.text for t in doc]``), built once for each doc
    (kept while the doc lives), from the token array.

    >>> from helpers.nlp.model import get_nlp
    >>> words_of(get_nlp().make_doc("Talks resumed."))
    ['Talks', 'resumed', '.']
    """
    return _read(doc)[1]


def _read(doc: Doc) -> tuple[str, list[str]]:
    found = _READ.get(doc)
    if found is None:
        strings = doc.vocab.strings
        pairs = doc.to_array([ORTH, SPACY]).tolist() if len(doc) else []
        words = [strings[o] for o, _ in pairs]
        text = "".join(w + " " if space else w for w, (_, space) in zip(words, pairs))
        found = _READ[doc] = (text, words)
    return found


def line_starts(doc: Doc) -> list:
    """The first token of each line (after any spaces), found from the text's line breaks."""
    text = text_of(doc)
    if not len(doc):
        return []
    offsets = doc.to_array("IDX").tolist()
    starts, seen = [], set()
    for offset in [0] + [m.end() for m in re.finditer(r"\n\s*", text)]:
        i = bisect_left(offsets, offset)
        if i < len(doc) and i not in seen and (i == 0 or "\n" in doc[i - 1].text_with_ws
                                               or doc[i - 1].is_space):
            seen.add(i)
            starts.append(doc[i])
    return starts


def _column(name: str, column: str) -> tuple[str, ...]:
    return tuple(row[column] for row in resource_rows(name, columns=(column,)) if row[column])


@lru_cache(maxsize=None)
def title_kinds() -> dict[str, str]:
    """Title -> its note in ``entity_titles.csv`` ("Sheikh" -> honorific ..., "Speaker" -> office)."""
    return {r["title"]: r["note"] for r in resource_rows("entity_titles.csv", columns=("title", "note"))}


@lru_cache(maxsize=None)
def titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles and honorifics (``resources/entity_titles.csv``) as word tuples by first word, longest first.

    >>> titles()["Supreme"]
    (('Supreme', 'Leader'),)
    """
    found: dict[str, list[tuple[str, ...]]] = {}
    for title in _column("entity_titles.csv", "title"):
        words = tuple(title.split())
        found.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


def title_length(doc: Doc, i: int) -> int:
    """The number of tokens of the longest title starting at token ``i`` (0 if none).

    >>> from helpers.nlp.model import get_nlp
    >>> title_length(get_nlp().make_doc("Supreme Leader Ali Khamenei"), 0)
    2
    """
    for words in titles().get(doc[i].text, ()):
        if tuple(t.text for t in doc[i:i + len(words)]) == words:
            return len(words)
    return 0


@lru_cache(maxsize=None)
def title_last_words() -> frozenset[str]:
    """The last word of every title, also as split at a hyphen ("elect" of "President-elect")."""
    words = set()
    for title in title_kinds():
        last = title.split()[-1]
        words |= {last, last.rstrip("."), re.split(r"-", last)[-1]}
    return frozenset(words)


def personal_title_length(doc: Doc, i: int) -> int:
    """Tokens of a personal title (honorific, clerical, religious, rank) starting at ``i``."""
    kinds = title_kinds()
    if doc[i].text not in titles():
        return 0
    for size in (3, 2, 1):
        if i + size <= len(doc) and kinds.get(doc[i:i + size].text, "").startswith(PERSONAL_TITLES):
            return size
    return 0


@lru_cache(maxsize=None)
def institution_names() -> frozenset[str]:
    """Generic names of state institutions ("Parliament", "Foreign Ministry")."""
    return frozenset(r["name"] for r in resource_rows("entity_institutions.csv", columns=("name", "note"))
                     if r["note"] != "head")


@lru_cache(maxsize=None)
def body_heads() -> frozenset[str]:
    """Last words of the names of state bodies ("Ministry", "Parliament"): ``entity_institutions.csv``
    rows noted ``head``."""
    return frozenset(r["name"] for r in resource_rows("entity_institutions.csv", columns=("name", "note"))
                     if r["note"] == "head")


@lru_cache(maxsize=None)
def media_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words anywhere, words at the end) of the names of news outlets (``entity_media_words.csv``)."""
    rows = resource_rows("entity_media_words.csv", columns=("word", "where"))
    return (frozenset(r["word"] for r in rows if r["where"] == "any"),
            frozenset(r["word"] for r in rows if r["where"] == "end"))


@lru_cache(maxsize=65536)
def is_media_name(text: str) -> bool:
    """Whether a name is that of a news outlet: a news word in it, or a Phoenix media code."""
    words = text.split()
    anywhere, at_end = media_words()
    if any(w in anywhere for w in words) or (len(words) > 1 and words[-1] in at_end):
        return True
    entry, code = lookup_actor(text)
    return entry is not None and entry.kind == "international" and code.endswith("MED")


@lru_cache(maxsize=65536)
def is_abbreviation(text: str) -> bool:
    """A name written as an abbreviation: capitals (and full stops), no lower-case letter.
    OntoNotes and the model leave a "the" in front of one outside the name."""
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and " " not in text and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def kb_label(text: str) -> str:
    """The OntoNotes label the knowledge base gives a name ('' when it does not know it).

    >>> kb_label("Togo"), kb_label("Togolese"), kb_label("Norvela")
    ('GPE', 'NORP', '')
    """
    kb = load_kb()
    actor_id = kb.by_alias.get(text) or (lookup(kb, text) if text not in kb.by_demonym else "")
    if actor_id:
        return LABEL_OF_TYPE[kb.actors[actor_id].type]
    return "NORP" if text in kb.by_demonym else ""


@lru_cache(maxsize=None)
def phoenix_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names of persons, names of organisations) of the Phoenix dictionaries in key form.

    Persons are the country dictionary's entries with dated codes (office holders; the
    institutions there have undated ones), with every beginning of two words or more
    ("SHEIKH HASINA" of "SHEIKH HASINA WAJED")."""
    persons, orgs = set(), set()
    for name, entry in load_phoenix().actors.items():
        words = name.split()
        if entry.kind == "country" and len(words) > 1 and any(c.dated for c in entry.codes):
            persons.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
        elif entry.kind in {"international", "nonstate"} and len(name) > 3:
            orgs.add(name)
    return frozenset(persons), frozenset(orgs)


def is_known_person(text: str) -> bool:
    """Whether the Phoenix dictionaries list a name, title and all, as a person ("Sheikh
    Hasina"); never a name opening with a title of office ("President Vladimir Putin").

    >>> is_known_person("Sheikh Hasina"), is_known_person("Sheikh Omar Delane")
    (True, False)
    """
    first = text.split()[0] if text.split() else ""
    return title_kinds().get(first) != "office" and key(text) in phoenix_names()[0]


def initials(words: list[str]) -> str:
    """The capital initials of the content words of a name ("Southern African Development
    Community": SADC), a word after a particle counting by its own initial ("al-Sham": S).

    >>> initials("the Southern African Development Community".split()), initials("Hayat Tahrir al-Sham".split())
    ('SADC', 'HTS')
    """
    return "".join(w[0] for w in (_PARTICLE.sub("", w) for w in words) if w[:1].isupper())


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, str]]:
    """Role nouns (singular and plural forms) -> (plural, class) from ``coref_role_nouns.csv``.

    >>> role_nouns()["officials"], role_nouns()["power"]
    (('officials', 'person'), ('powers', 'state'))
    """
    table: dict[str, tuple[str, str]] = {}
    for row in resource_rows("coref_role_nouns.csv", columns=("singular", "plural", "class")):
        for form in (row["singular"], row["plural"]):
            if form:
                table[form] = (row["plural"], row["class"])
    return table


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """``(adjective, region, ISO codes of its states)`` of every row of
    ``helpers/resources/entity_regions.csv`` ("East African", "East Africa", {"KEN", ...}; the
    continents' rows list the states countryinfo places in them); a missing table or column
    raises :class:`helpers.files.resources.LexiconError`."""
    rows = resource_rows("entity_regions.csv", columns=("adjective", "region", "countries"))
    return tuple((r["adjective"], r["region"], frozenset(r["countries"].split("|"))) for r in rows)


@lru_cache(maxsize=1)
def region_names() -> dict[str, str]:
    """Region adjective -> the region ("East African" -> "East Africa", "African" -> "Africa")."""
    return {adjective: region for adjective, region, _ in regions()}
