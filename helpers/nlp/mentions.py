"""Mentions of actors in a parsed article (names, nominals, pronouns) and its actor table.

Names are linked to actors (:mod:`helpers.nlp.linking`), then nominals and pronouns
are resolved to them (:mod:`helpers.nlp.coref`).

>>> from helpers.nlp.model import get_nlp
>>> from helpers.nlp.text import sentences
>>> doc = get_nlp()("Ammar al-Hakim arrived. He spoke.")
>>> [(m.text, m.kind, m.actor_id) for m in find_mentions(doc, sentences(doc))]
[('Ammar al-Hakim', 'NAME', 'ammar_al_hakim'), ('He', 'PRONOUN', 'ammar_al_hakim')]
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc

from helpers.files.records import Actor, Mention, Sentence
from helpers.nlp.coref import resolve
from helpers.nlp.kb import load_kb, slug
from helpers.nlp.linking import link_names, person_role
from helpers.nlp.phoenix import agent_code


def sentence_index(sents: list[Sentence]):
    """A function from a character offset to its sentence id (the nearest one before it)."""
    starts = [s.start for s in sents]
    return lambda offset: sents[max(bisect_right(starts, offset) - 1, 0)].sentence_id if sents else 0


def number_mentions(rows: list[tuple], sents: list[Sentence]) -> list[Mention]:
    """Sort ``(start, end, text, label, kind, actor_id, method)`` rows and number them m1, m2, ..."""
    sentence_of = sentence_index(sents)
    rows = sorted(set(rows), key=lambda r: (r[0], r[1], r[5], r[4]))
    return [Mention(f"m{i}", sentence_of(r[0]), r[0], r[1], r[2], r[3], r[4], r[5], r[6])
            for i, r in enumerate(rows, start=1)]


def find_mentions(doc: Doc, sents: list[Sentence]) -> list[Mention]:
    """Every mention of an actor in a ``doc`` made by :func:`helpers.nlp.model.get_nlp`:
    names, nominals, pronouns.

    Sorted by (start, end, actor_id) and numbered m1.. in that order. A mention of two
    actors ("both leaders") is one row per actor.
    """
    names = link_names(doc)
    rows = [(n.start, n.end, n.text, n.label, "NAME", n.actor_id, n.method) for n in names]
    rows += resolve(doc, names)
    return number_mentions(rows, sents)


def contract_type(kind: str) -> str:
    """The actor type written to actors.csv: a city or a place is a ``location`` there.

    >>> contract_type("city"), contract_type("place"), contract_type("state")
    ('location', 'location', 'state')
    """
    return "location" if kind in ("city", "place") else kind


def _new_actor(actor_id: str, names: list[Mention], nominals: list[Mention]) -> tuple[str, str, str]:
    """Name, type and country of an actor the KB does not know, from its mentions."""
    kb = load_kb()
    if names:
        # the longest name, written as in running text rather than in a capitals dateline
        best = max(names, key=lambda m: (len(m.text.split()), not m.text.isupper(), -m.start))
        label = best.label
        kind = {"PERSON": "person", "ORG": "organization", "NORP": "group", "LOC": "place",
                "FAC": "place", "GPE": "city"}.get(label, "")
        state = actor_id.split("_")[0] if label == "ORG" else ""
        country = _country_of_state_prefix(actor_id) if state else ""
        name = "the " + best.text[4:] if best.text.startswith("The ") else best.text
        return name, kind, country
    text = nominals[0].text
    demonym = next((w for w in kb.by_demonym if w in text.split()), "")
    country = kb.actors[kb.by_demonym[demonym]].country if demonym else ""
    plural = actor_id[len(slug(demonym)) + 1:] if demonym else actor_id
    return f"{demonym} {plural}".strip(), "group", country


@lru_cache(maxsize=1)
def _states() -> dict[str, tuple[int, str]]:
    """Each KB state's id -> (its place among the KB's actors, its country)."""
    return {sid: (i, a.country) for i, (sid, a) in enumerate(load_kb().actors.items())
            if a.type == "state"}


def _country_of_state_prefix(actor_id: str) -> str:
    """The country of the first KB state (in KB order) whose id and "_" begin ``actor_id``
    ("kenya_foreign_office" -> KEN), '' if none."""
    parts = actor_id.split("_")
    found = [_states()[p] for p in ("_".join(parts[:k]) for k in range(1, len(parts)))
             if p in _states()]
    return min(found)[1] if found else ""


def build_actors(mentions: list[Mention], doc: Doc) -> list[Actor]:
    """One row per actor the mentions refer to, sorted by actor id.

    Name, type, country, Wikidata and CAMEO code come from the KB when it knows the
    actor; otherwise from the mentions (the longest name; the type from its label; the
    country from a demonym or state in a title). Roles are the titles and appositions
    the text gives (KB roles are not copied: the row says what this text says).

    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> doc = get_nlp()("Kenyan Foreign Minister Grace Wanjiru spoke.")
    >>> actors = build_actors(find_mentions(doc, sentences(doc)), doc)
    >>> [a.role for a in actors if a.actor_id == "grace_wanjiru"]
    ['Kenyan Foreign Minister']
    """
    kb = load_kb()
    sources = doc.user_data.get("actor_sources", {})
    by_actor: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor_id:
            by_actor.setdefault(mention.actor_id, []).append(mention)
    actors = []
    for actor_id in sorted(by_actor):
        found = by_actor[actor_id]
        names = [m for m in found if m.kind == "NAME"]
        roles, country = [], ""
        for m in names:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if m.label == "PERSON" and span is not None:
                found_roles, role_country = person_role(span, kb=kb)
                roles += [r for r in found_roles if r not in roles]
                country = country or role_country
        if actor_id in kb.actors:
            a = kb.actors[actor_id]
            actors.append(Actor(actor_id, a.name, contract_type(a.type), a.country, "; ".join(roles),
                                a.wikidata, a.cameo_code, len(found), a.source))
            continue
        name, kind, own_country = _new_actor(actor_id, names, [m for m in found if m.kind != "NAME"])
        source, code = sources.get(actor_id, ("article", ""))
        country = country or own_country or _country_of_code(code)
        if not code and kind == "group":
            code, source = group_code(actor_id, country)
        actors.append(Actor(actor_id, name, contract_type(kind), country, "; ".join(roles), "", code,
                            len(found), source))
    return actors


def _country_of_code(code: str) -> str:
    """The state a CAMEO actor code starts with ("IRQELI" -> IRQ), '' for IGO, NGO, ... codes."""
    return code[:3] if code[:3] in load_kb().state_of_country else ""


def group_code(actor_id: str, country: str) -> tuple[str, str]:
    """The CAMEO code and source of a group actor made of a demonym and a role noun
    (``pakistani_opposition`` -> PAKOPP; ``rebels`` -> REB): the state's code followed by
    the sector code the Phoenix agents dictionary gives the noun.

    >>> group_code("pakistani_opposition", "PAK"), group_code("rebels", "")
    (('PAKOPP', 'phoenix'), ('REB', 'phoenix'))
    >>> group_code("kenyan_analysts", "KEN")
    ('', 'article')
    """
    sector = agent_code(actor_id.rsplit("_", 1)[-1])
    if not sector:
        return "", "article"
    kb = load_kb()
    state = kb.state_of_country.get(country, "")
    return (kb.actors[state].cameo_code if state else "") + sector, "phoenix"
