"""Every state of ISO 3166-1 with its names, demonyms, capital, CAMEO code and position, from the
field's data; and whether a demonym in a text names the people (:func:`is_people`).

Three sources, merged by ISO alpha-3 code:

- ``pycountry`` (the ISO 3166-1 list): the code, the short, common and official names;
- ``countryinfo``: the common English name, alternative spellings, demonym and capital;
- the Phoenix country dictionary (:mod:`helpers.phoenix`): the CAMEO code and the
  adjectives it lists for the country ("IRAQI", "AFGHAN").

Names that would catch ordinary words or other things are left out: two- and
three-letter ISO codes ("IN", "GAB"), names with commas ("Korea, Republic of"),
names not written in Latin letters. The project's own ``resources/entity_countries.csv``
adds its aliases, demonyms and capitals to the same state (its id wins).

>>> rows = {r.iso: r for r in state_rows()}
>>> rows["TGO"].name, rows["TGO"].demonyms[:2], rows["TGO"].capital, rows["TGO"].cameo_code
('Togo', ('Togolese',), 'Lomé', 'TGO')
>>> "Iranian" in rows["IRN"].demonyms and "Islamic Republic of Iran" in rows["IRN"].aliases
True
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import countryinfo
import pycountry

from helpers.nlp.phoenix import load_phoenix

#: Endings of a word that names the people of a country ("Iraqi", "Togolese").
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|i|ic|ot|ch|ss|ek|ai|er)$", re.IGNORECASE)


@dataclass(frozen=True)
class StateRow:
    """One state of the world as the country data gives it."""

    iso: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    cameo_code: str


def _latin(text: str) -> bool:
    return all(unicodedata.name(c, "").startswith(("LATIN", "SPACE", "HYPHEN", "APOSTROPHE",
                                                   "FULL STOP", "RIGHT SINGLE"))
               or c in "'-. ()" for c in text)


def _usable(name: str, codes: set[str]) -> bool:
    """A name the text may use for the state: Latin letters, no comma, not an ISO code."""
    return bool(name) and "," not in name and "(" not in name and name not in codes \
        and _latin(name) and len(name.replace(".", "")) > 2


def plural(demonym: str) -> str:
    """The plural of a demonym used as a noun ("Kenyan" -> "Kenyans"; "Swiss" stays).

    >>> plural("Kenyan"), plural("Togolese"), plural("Swiss"), plural("Iraqi")
    ('Kenyans', 'Togolese', 'Swiss', 'Iraqis')
    """
    if demonym.endswith(("ese", "sh", "ch", "ss")):
        return demonym
    return demonym + "s"


def _phoenix_demonyms(name: str, iso: str) -> list[str]:
    """The Phoenix country entry's synonyms that are adjectives of its name ("IRAQI" of Iraq)."""
    entry = load_phoenix().countries.get(iso)
    if entry is None:
        return []
    upper = name.upper()
    found = []
    for synonym in entry.synonyms:
        if " " not in synonym and len(synonym) > len(upper) \
                and synonym.startswith((upper, upper[:-1])) and _DEMONYM.search(synonym):
            found.append(synonym.title())
    return found


def _countryinfo_by_iso() -> dict[str, dict]:
    """countryinfo's records by ISO alpha-3, keeping a record only when its name is one of
    pycountry's names of that code (the package has a few records filed under the wrong code)."""
    found: dict[str, dict] = {}
    for record in countryinfo.all_countries():
        info = record.info()
        iso = (info.get("ISO") or {}).get("alpha3")
        country = pycountry.countries.get(alpha_3=iso) if iso else None
        if country is None or iso in found:
            continue
        names = {getattr(country, a, "") for a in ("name", "common_name", "official_name")}
        names |= set(info.get("altSpellings") or ())
        if info.get("name") in names or country.name in (info.get("altSpellings") or ()):
            found[iso] = info
    return found


@lru_cache(maxsize=None)
def state_rows() -> tuple[StateRow, ...]:
    """Every ISO 3166-1 country as a :class:`StateRow`, sorted by ISO code (built once)."""
    info = _countryinfo_by_iso()
    phoenix = load_phoenix().countries
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso = country.alpha_3
        codes = {country.alpha_2, iso}
        record = info.get(iso, {})
        names = [record.get("name", ""), getattr(country, "common_name", ""), country.name,
                 getattr(country, "official_name", ""), *(record.get("altSpellings") or ())]
        names = list(dict.fromkeys(n.strip() for n in names if _usable((n or "").strip(), codes)))
        if not names:
            continue
        name = names[0]
        demonyms = [d for d in [record.get("demonym") or "", *_phoenix_demonyms(name, iso)]
                    if d and d != name and _latin(d)]
        demonyms = list(dict.fromkeys(demonyms + [plural(d) for d in demonyms]))
        names = [n for n in names if n not in demonyms]
        capital = record.get("capital") or ""
        if capital == name or not _latin(capital):
            capital = ""
        rows.append(StateRow(iso, name, tuple(names[1:]),
                             tuple(demonyms), capital, iso if iso in phoenix else ""))
    return _one_state_per_demonym(rows)


def _shared_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _one_state_per_demonym(rows: list[StateRow]) -> tuple[StateRow, ...]:
    """A demonym several states claim ("French": France, French Guiana, ...) stays with the
    states whose name does not hold it as a word, of those the ones whose Phoenix entry
    lists it, and of those the ones whose name shares the longest beginning with it."""
    phoenix = load_phoenix().countries
    claims: dict[str, list[StateRow]] = {}
    for row in rows:
        for demonym in row.demonyms:
            claims.setdefault(demonym, []).append(row)
    keep = {}
    for demonym, claimants in claims.items():
        apart = [r for r in claimants if demonym not in r.name.split()]
        claimants = apart or claimants
        listed = [r for r in claimants if r.iso in phoenix
                  and demonym.upper() in (phoenix[r.iso].name,) + phoenix[r.iso].synonyms]
        claimants = listed or claimants
        best = max(_shared_prefix(demonym, r.name) for r in claimants)
        keep[demonym] = {r.iso for r in claimants if _shared_prefix(demonym, r.name) == best}
    return tuple(replace(r, demonyms=tuple(d for d in r.demonyms if r.iso in keep[d])) for r in rows)


@lru_cache(maxsize=None)
def geography() -> dict[str, tuple[float, float, tuple[str, ...]]]:
    """ISO alpha-3 -> (latitude, longitude, ISO codes of the states it borders by land), from
    countryinfo; a state countryinfo gives no position is left out.

    >>> geography()["JPN"][2], geography()["USA"][0] > geography()["VEN"][0]
    ((), True)
    """
    out = {}
    for iso, info in _countryinfo_by_iso().items():
        where = info.get("latlng") or []
        if len(where) == 2:
            out[iso] = (float(where[0]), float(where[1]), tuple(info.get("borders") or ()))
    return out


def is_people(ent) -> bool:
    """Whether a demonym names the people as a plural noun ("Palestinians said"), not the
    state: a plural noun (morphology Number=Plur) that modifies no other noun.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Palestinians and Iraqi officials met.")
    >>> is_people(doc.ents[0]), is_people(doc.ents[1])
    (True, False)
    """
    root = ent.root
    return "Plur" in root.morph.get("Number") and root.pos_ in {"NOUN", "PROPN"} \
        and root.dep_ not in {"amod", "compound", "nmod", "poss"}
