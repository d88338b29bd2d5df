"""The actor knowledge base: actors, their aliases, surnames, demonyms and capitals, as data.

Every state of the world comes from the country data (:mod:`helpers.nlp.countries`:
pycountry, countryinfo and the Phoenix country dictionary) with its names,
demonyms, capital and CAMEO code; ``resources/entity_countries.csv`` adds the
project's own aliases, demonyms and capitals to them (its ids win), and
``resources/actors.csv`` (people, organisations, groups and cities newer than the
dictionaries or missing from them, hand-curated) wins over both for the same id.
Each actor keeps where it came from in ``source``: ``kb`` (the project's tables) or
``country_data``. The knowledge base corrects and links what the model finds; it
never replaces the model.

>>> kb = load_kb()
>>> kb.by_alias["Hikma"], kb.by_demonym["Iranian"], kb.capital_of["tehran"]
('national_wisdom_movement', 'iran', 'iran')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.config import RESOURCES_DIR
from helpers.files.resources import resource_rows
from helpers.nlp.countries import state_rows

#: Actor types. ``city`` and ``place`` are places named in the text, not actors
#: of politics; the stakeholder analysis keeps the first four.
TYPES = ("person", "organization", "state", "group", "city", "place")
#: The OntoNotes label a name of each type carries.
LABEL_OF_TYPE = {"person": "PERSON", "organization": "ORG", "state": "GPE", "group": "NORP",
                 "city": "GPE", "place": "LOC"}
#: Name particles that are not surnames on their own ("al-Hakim" -> "Hakim").
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|bin|bint|ibn|abu|van|von|de|del|da|di|du|la|le)[-‐]",
                       re.IGNORECASE)
#: Particles written as words of their own ("Ali bin Hamad", "Fatima Bint Khalid"), any case.
PARTICLE_WORDS = frozenset({"al", "el", "bin", "bint", "ibn", "ben", "binti", "bte", "b."})


@dataclass(frozen=True)
class KBActor:
    """One knowledge-base row."""

    actor_id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str
    role: str = ""
    wikidata: str = ""
    cameo_code: str = ""
    demonyms: tuple[str, ...] = ()
    capital_of: str = ""
    gender: str = ""
    source: str = "kb"


@dataclass(frozen=True)
class KB:
    """Actors by id and the look-up tables built from them (all keys case-sensitive)."""

    actors: dict[str, KBActor]
    by_alias: dict[str, str]
    by_surname: dict[str, tuple[str, ...]]
    by_demonym: dict[str, str]
    capital_of: dict[str, str]
    state_of_country: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """A snake_case ASCII id made from a name.

    >>> slug("Tomás Fuentes"), slug("Mohammad-Bagher  Ghalibaf"), slug("")
    ('tomas_fuentes', 'mohammad_bagher_ghalibaf', '')
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")


def name_parts(name: str) -> list[str]:
    """The parts of a person's name by which a short mention may refer to it.

    Particles such as "al-" are dropped from a part, and one-letter parts are left out.

    >>> name_parts("Ammar al-Hakim"), name_parts("Park Min-ji")
    (['Ammar', 'Hakim', 'al-Hakim'], ['Park', 'Min-ji'])
    """
    parts: list[str] = []
    for word in name.split():
        if word.lower() in PARTICLE_WORDS:
            continue
        bare = _PARTICLE.sub("", word)
        for part in (bare, word):
            if len(part.rstrip(".")) > 1 and part not in parts:
                parts.append(part)
    return parts


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


_COUNTRY_COLUMNS = ("actor_id", "name", "aliases", "country", "demonyms", "capital",
                    "capital_aliases", "cameo_code")
_ACTOR_COLUMNS = ("actor_id", "name", "aliases", "type", "country", "role", "wikidata",
                  "cameo_code", "demonyms", "capital_of", "gender")


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    return resource_rows(path.name, columns=columns, resources_dir=path.parent)


def _country_rows(path: Path) -> list[KBActor]:
    """States and their capitals: the project's country table merged into the country data
    by ISO code (the project's states first, so that their demonyms win)."""
    own = {r["country"]: r for r in _read(path, _COUNTRY_COLUMNS)}
    data = {s.iso: s for s in state_rows()}
    rows = []
    for iso in list(own) + [i for i in data if i not in own]:
        mine, state = own.get(iso), data.get(iso)
        source = "country_data" if state else "kb"
        name = mine["name"] if mine else state.name
        aliases = (_split(mine["aliases"]) if mine else ()) + (((state.name,) + state.aliases)
                                                              if state else ())
        demonyms = (_split(mine["demonyms"]) if mine else ()) + (state.demonyms if state else ())
        actor_id = mine["actor_id"] if mine else slug(re.sub(r"^the ", "", state.name))
        cameo = (mine["cameo_code"] if mine else "") or (state.cameo_code if state else "")
        rows.append(KBActor(actor_id, name, tuple(dict.fromkeys(a for a in aliases if a != name)),
                            "state", iso, cameo_code=cameo, demonyms=tuple(dict.fromkeys(demonyms)),
                            source=source))
        capital = (mine["capital"] if mine else "") or (state.capital if state else "")
        if capital:
            rows.append(KBActor(slug(capital), capital, _split(mine["capital_aliases"]) if mine else (),
                                "city", iso, role=f"capital of {name}", cameo_code=cameo,
                                capital_of=actor_id, source=source))
    return rows


def _region_rows(resources_dir: Path) -> list[KBActor]:
    """The world regions of the CAMEO codebook (``cameo_actor_codes.csv``, category ``region``)
    as places ("West Africa" LOC, code WAF); "Eastern Africa" is also "East Africa"."""
    rows = []
    for r in _read(Path(resources_dir) / "cameo_actor_codes.csv", ("code", "description", "category")):
        name = r["description"].strip('"')
        if r["category"] != "region" or not name[:1].isupper():
            continue
        aliases = (re.sub(r"^(East|West)ern ", r"\1 ", name),)
        rows.append(KBActor(slug(name), name, tuple(a for a in aliases if a != name), "place", "",
                            role="world region", cameo_code=r["code"]))
    return rows


def build_kb(actor_rows: list[KBActor]) -> KB:
    """Index actor rows; a later row with the same id replaces an earlier one."""
    actors = {a.actor_id: a for a in actor_rows}
    by_alias: dict[str, str] = {}
    surnames: dict[str, list[str]] = {}
    by_demonym: dict[str, str] = {}
    for actor in actors.values():
        if actor.type not in TYPES:
            raise ValueError(f"actor {actor.actor_id}: unknown type {actor.type!r}; use one of {TYPES}")
        names = (actor.name,) + actor.aliases
        for alias in names:
            by_alias.setdefault(alias, actor.actor_id)
            by_alias.setdefault(_plain(alias), actor.actor_id)
            if alias.lower().startswith("the "):
                by_alias.setdefault(alias[4:], actor.actor_id)
                by_alias.setdefault("The " + alias[4:], actor.actor_id)
        if actor.type == "person":
            for alias in names:
                for part in name_parts(alias)[1:]:
                    if actor.actor_id not in surnames.setdefault(part, []):
                        surnames[part].append(actor.actor_id)
        for demonym in actor.demonyms:
            by_demonym.setdefault(demonym, actor.actor_id)
    capital_of = {a.actor_id: a.capital_of for a in actors.values() if a.capital_of}
    state_of_country = {a.country: a.actor_id for a in actors.values() if a.type == "state"}
    return KB(actors, by_alias, {k: tuple(v) for k, v in surnames.items()}, by_demonym,
              capital_of, state_of_country)


@lru_cache(maxsize=None)
def load_kb(resources_dir: Path = RESOURCES_DIR) -> KB:
    """Load and index the knowledge base once per process.

    >>> load_kb().actors["iraq"].cameo_code
    'IRQ'
    """
    rows = _country_rows(Path(resources_dir) / "entity_countries.csv") + _region_rows(resources_dir)
    for r in _read(Path(resources_dir) / "actors.csv", _ACTOR_COLUMNS):
        rows.append(KBActor(r["actor_id"], r["name"], _split(r["aliases"]), r["type"], r["country"],
                            r["role"], r["wikidata"], r["cameo_code"], _split(r["demonyms"]),
                            r["capital_of"], r["gender"]))
    return build_kb(rows)


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()


def lookup(kb: KB, text: str) -> str:
    """The actor id a name refers to by alias or demonym, '' when the KB does not know it.

    A leading "the" the KB alias lacks is ignored ("the U.N. Security Council").

    >>> lookup(load_kb(), "the U.S."), lookup(load_kb(), "Iranian"), lookup(load_kb(), "Zed")
    ('united_states', 'iran', '')
    >>> lookup(load_kb(), "the U.N. Security Council")
    'un_security_council'
    """
    found = kb.by_alias.get(text) or kb.by_demonym.get(text)
    if not found and text[:4] in ("the ", "The "):
        found = kb.by_alias.get(text[4:])
    if not found and _plain(text) != text:
        found = lookup(kb, _plain(text))
    return found or ""


def surname_candidates(kb: KB, text: str) -> tuple[str, ...]:
    """The KB persons a short name (a surname or a single name part) may refer to.

    >>> surname_candidates(load_kb(), "Hakim")
    ('ammar_al_hakim',)
    """
    return kb.by_surname.get(text) or kb.by_surname.get(_PARTICLE.sub("", text)) or ()


def _variants(alias: str) -> list[str]:
    """An alias as written with either apostrophe and without accents ("Côte d'Ivoire",
    "Côte d’Ivoire", "Cote d'Ivoire", "Cote d’Ivoire")."""
    plain = unicodedata.normalize("NFKD", alias).encode("ascii", "ignore").decode()
    forms = [alias] + ([plain] if len(plain) == len(alias) else [])
    forms += [f.replace("'", "’") for f in forms if "'" in f]
    return list(dict.fromkeys(forms))


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns from every KB alias and demonym, with the actor id as pattern id."""
    kb = load_kb()
    patterns = [{"label": LABEL_OF_TYPE[kb.actors[a].type], "pattern": form, "id": a}
                for alias, a in sorted(kb.by_alias.items()) if len(alias) > 1
                for form in _variants(alias)]
    patterns += [{"label": "NORP", "pattern": d, "id": a} for d, a in sorted(kb.by_demonym.items())]
    return patterns
