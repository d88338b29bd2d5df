"""Who a person's name is: the article's own full names first, then the knowledge base's
surnames, then the Phoenix dictionaries' office holders, else a new id that leaves out
titles, honorifics and particles (one person, one id across articles).

>>> person_id("Seyyed Karim Tavassoli"), person_id("Karim al-Tavassoli"), part_key("Al-Hakim")
('karim_tavassoli', 'karim_tavassoli', 'hakim')
"""
from __future__ import annotations

from spacy.tokens import Doc

from helpers.nlp.kb import _PARTICLE, KB, PARTICLE_WORDS, lookup, slug, surname_candidates
from helpers.nlp.name_lists import is_known_person, title_kinds
from helpers.nlp.nicknames import without_nickname
from helpers.nlp.phoenix import lookup_actor
from helpers.nlp.tree import entities

def phoenix_actor(text: str, label: str, when) -> tuple[str, str]:
    """The id and CAMEO code the Phoenix dictionaries give a name on ``when`` ('' if none).

    Persons come from the country dictionary (office holders), organisations from the
    international and non-state dictionaries; a place or a state is never taken from here.
    """
    entry, code = lookup_actor(text, when)
    if entry is None or not code:
        return "", ""
    if label == "PERSON" and (entry.kind != "country" or len(entry.name.split()) < 2
                              or code == entry.block):
        return "", ""
    if label in {"ORG", "NORP"} and entry.kind == "country" and code == entry.block:
        return "", ""
    return slug(entry.name), code


def part_key(word: str) -> str:
    """A name part as compared within a document: lower case, without a particle.

    >>> part_key("al-Hakim"), part_key("Al-Hakim"), part_key("HAKIM")
    ('hakim', 'hakim', 'hakim')
    """
    return _PARTICLE.sub("", word).lower()


def person_id(text: str) -> str:
    """The id of a person the knowledge base does not know: the name without titles,
    honorifics and particles, so that one person keeps one id across articles.

    >>> person_id("Seyyed Karim Tavassoli"), person_id("Karim al-Tavassoli"), person_id("Ali bin Hamad")
    ('karim_tavassoli', 'karim_tavassoli', 'ali_hamad')
    """
    words = without_nickname(text).split()
    kinds = title_kinds()
    while len(words) > 1 and not is_known_person(" ".join(words)) and (words[0] in kinds or words[0].rstrip(".") + "." in kinds):
        words = words[1:]
    kept = [_PARTICLE.sub("", w) for w in words if w.lower() not in PARTICLE_WORDS]
    return slug(" ".join(w for w in kept if w)) or slug(text)


def full_names(doc: Doc, kb: KB, when) -> list[tuple[int, str, str]]:
    """``(offset, actor_id, text)`` of every person the article names with two words or more."""
    out = []
    for ent in entities(doc):
        if ent.label_ == "PERSON" and len(ent.text.split()) > 1:
            actor_id = lookup(kb, ent.text)
            if not actor_id or kb.actors[actor_id].type != "person":
                actor_id = phoenix_actor(ent.text, "PERSON", when)[0] or person_id(ent.text)
            out.append((ent.start_char, actor_id, ent.text))
    return out


def _bearers(text: str, names: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The article's full names that hold the one-word name ``text`` as a part."""
    wanted = part_key(text)
    return [f for f in names if wanted in {part_key(p) for p in f[2].split()}]


def namesake(text: str, actor_id: str, names: list[tuple[int, str, str]]) -> bool:
    """Whether a one-word name the knowledge base gives to ``actor_id`` also belongs to
    another person the article names in full (so the article decides)."""
    if len(text.split()) > 1:
        return False
    return any(a != actor_id for _, a, _ in _bearers(text, names))


def link_person(kb: KB, text: str, persons: list[tuple[str, str]],
                names: list[tuple[int, str, str]], offset: int, when) -> tuple[str, str]:
    """A person not named by a KB alias (or named by one the article gives to another
    bearer): an earlier full name (or its last words, "Al Nuaimi" after "Khalid bin Hamad
    Al Nuaimi"), then a later one (a surname in a headline), then the KB surname, then
    Phoenix, then a new id."""
    words = text.split()
    if len(words) > 1:
        for actor_id, name in reversed(persons):
            full = name.split()
            if len(full) > len(words) and [part_key(w) for w in full[-len(words):]] == \
                    [part_key(w) for w in words]:
                return actor_id, "short_name"
    if len(words) == 1:
        bearers = _bearers(text, names)
        earlier = [b for b in bearers if b[0] < offset]
        later = [b for b in bearers if b[0] > offset]
        if earlier:
            return earlier[-1][1], "short_name"
        if later:
            return later[0][1], "short_name_after"
        candidates = surname_candidates(kb, text) or surname_candidates(kb, text.title())
        if candidates:
            return candidates[0], "kb_surname"
    known = phoenix_actor(text, "PERSON", when)[0]
    if known:
        return known, "phoenix"
    return person_id(text), "new"
