"""The Phoenix (PETRARCH2) actor and agent dictionaries: CAMEO actor codes as data.

The files in ``resources/petrarch2/`` are unmodified copies of the Open Event Data
Alliance's dictionaries (MIT licence, ``resources/petrarch2/LICENSE``; see
``resources/petrarch2/README.md`` for where they came from). This module reads their
TABARI format: an entry line ``NAME_WORDS_ [CODE]``, ``+SYNONYM`` lines after it,
code lines ``[CODE 20050803-20130803]`` with optional date ranges (``>YYMMDD``,
``<YYMMDD``, ``YYMMDD-YYMMDD``; six-digit years below 30 are 20xx), ``#`` comments.

- actors (``Countries``, ``International``, ``MilNonState``): a name in capitals with
  underscores for spaces becomes :func:`key` form ("HAMID KARZAI"); :func:`code_at`
  picks the code valid on a date;
- agents: role nouns ("rebel", "lawmaker", "police") to sector codes (``~REB``), with
  regular plurals and the ``!PERSON!``-style macros expanded.

>>> load_phoenix().actors["XINHUA"].codes[0].code
'MED'
>>> agent_code("rebels"), agent_code("officials"), agent_code("opposition")
('REB', 'GOV', 'OPP')
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from helpers.config import RESOURCES_DIR

PHOENIX_DIR = RESOURCES_DIR / "petrarch2"
#: The actor dictionaries, by the kind of actor each holds.
ACTOR_FILES = {"Phoenix.Countries.actors.txt": "country",
               "Phoenix.International.actors.txt": "international",
               "Phoenix.MilNonState.actors.txt": "nonstate"}
AGENT_FILE = "Phoenix.agents.txt"
_CODE = re.compile(r"\[([^\]]*)\]")


class PhoenixError(ValueError):
    """A dictionary file that is missing or cannot be read."""

@dataclass(frozen=True)
class Code:
    """One CAMEO code of an entry, valid from ``start`` to ``end`` (``None``: open)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Entry:
    """One actor entry: its name (key form), synonyms, codes and the file kind."""

    name: str
    synonyms: tuple[str, ...]
    codes: tuple[Code, ...]
    kind: str
    block: str = ""        # the country block the entry sits in (Countries file), as its code


@dataclass(frozen=True)
class Phoenix:
    """Entries by every name and synonym (key form), and agent nouns to codes."""

    actors: dict[str, Entry]
    agents: dict[str, str]
    countries: dict[str, Entry]     # ISO code -> the country's own entry


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A name in the dictionaries' form: capitals, words joined by one space, no full
    stops, hyphens as spaces, no leading "the".

    >>> key("Hamid_Karzai_"), key("the  Anadolu Agency"), key("Côte d’Ivoire"), key("U.N.")
    ('HAMID KARZAI', 'ANADOLU AGENCY', "COTE D'IVOIRE", 'UN')
    >>> key("Nuri al-Maliki")
    'NURI AL MALIKI'
    """
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    words = text.replace("_", " ").replace("-", " ").replace(".", "").upper().split()
    if words and words[0] == "THE" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _date(digits: str) -> date | None:
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            year = int(digits[:2])
            return date(2000 + year if year < 30 else 1900 + year, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def parse_code(text: str) -> Code:
    """One bracketed code with its optional date restriction.

    >>> parse_code("IRNGOV 20050803-20130803")
    Code(code='IRNGOV', start=datetime.date(2005, 8, 3), end=datetime.date(2013, 8, 3))
    >>> parse_code("AFGGOV >011222").start, parse_code("IRQ").dated
    (datetime.date(2001, 12, 22), False)
    """
    parts = text.split()
    code = parts[0].lstrip("~") if parts else ""
    if len(parts) < 2:
        return Code(code)
    span = parts[1]
    if span.startswith(">"):
        return Code(code, _date(span[1:]), None)
    if span.startswith("<"):
        return Code(code, None, _date(span[1:]))
    first, _, last = span.partition("-")
    return Code(code, _date(first), _date(last))


def code_at(codes: tuple[Code, ...], when: date | None) -> str:
    """The code valid on ``when``: the first dated one whose range holds it, else the
    first undated one, else '' (no code then). Without a date, the undated one.

    >>> karzai = (parse_code("AFGELI 750101-000101"), parse_code("AFGGOV >011222"), parse_code("AFGELI"))
    >>> code_at(karzai, date(2010, 1, 1)), code_at(karzai, date(1990, 1, 1)), code_at(karzai, None)
    ('AFGGOV', 'AFGELI', 'AFGELI')
    """
    if when is not None:
        for c in codes:
            if c.dated and (c.start is None or c.start <= when) and (c.end is None or when <= c.end):
                return c.code
    return next((c.code for c in codes if not c.dated), "")


def _read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise PhoenixError(f"Phoenix dictionary {path.name!r} not found in {path.parent.name}")
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def read_actor_file(path: Path, kind: str) -> list[Entry]:
    """The entries of one actor dictionary, in file order.

    Raises :class:`PhoenixError` when the file is missing.
    """
    entries: list[Entry] = []
    name, synonyms, codes, block = "", [], [], ""

    def close():
        nonlocal block
        if not name:
            return
        state = [c.code for c in codes if re.fullmatch(r"[A-Z]{3}", c.code)]
        if kind == "country" and state:
            block = state[0]
        entries.append(Entry(name, tuple(synonyms), tuple(codes), kind, block))

    for raw in _read_lines(path):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [parse_code(c) for c in _CODE.findall(line) if c.strip()]
        words = key(_CODE.sub(" ", line).strip().lstrip("+"))
        if line[0] in " \t":
            codes += found
        elif line[0] == "+":
            if words:
                synonyms.append(words)
            codes += found
        else:
            close()
            name, synonyms, codes = words, [], list(found)
    close()
    return entries


def _plurals(noun: str) -> tuple[str, ...]:
    if noun.endswith(("S", "SH", "CH", "X", "Z")):
        return (noun + "ES",)
    if noun.endswith("Y") and noun[-2:-1] not in "AEIOU":
        return (noun[:-1] + "IES",)
    return (noun + "S",)


def read_agents(path: Path) -> dict[str, str]:
    """Agent nouns (key form, singular and regular plural) to their code without "~".

    Raises :class:`PhoenixError` when the file is missing.
    """
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in _read_lines(path):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if re.match(r"^!\w+!\s*=", line):
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = parse_code(codes[0]).code
        head = _CODE.sub(" ", line)
        irregular = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", " ", head).strip()
        forms = [head]
        for macro, values in macros.items():
            forms = [f.replace(macro, v) for f in forms for v in (values if macro in f else [None])
                     if v is not None] + [f for f in forms if macro not in f]
        for form in forms:
            noun = key(form)
            if not noun or "!" in noun:
                continue
            agents.setdefault(noun, code)
            if irregular:
                for extra in irregular[0].split():
                    agents.setdefault(key(extra), code)
            elif not form.rstrip().endswith("_"):
                for plural in _plurals(noun):
                    agents.setdefault(plural, code)
    return agents


@lru_cache(maxsize=None)
def load_phoenix(folder: Path = PHOENIX_DIR) -> Phoenix:
    """Read every dictionary once per process (a later entry never replaces an earlier one).

    Raises :class:`PhoenixError` when a dictionary file is missing.
    """
    actors: dict[str, Entry] = {}
    countries: dict[str, Entry] = {}
    for name, kind in ACTOR_FILES.items():
        for entry in read_actor_file(Path(folder) / name, kind):
            for form in (entry.name,) + entry.synonyms if entry.codes else ():
                actors.setdefault(form, entry)
            if kind == "country" and entry.block in {c.code for c in entry.codes}:
                countries.setdefault(entry.block, entry)
    return Phoenix(actors, read_agents(Path(folder) / AGENT_FILE), countries)


@lru_cache(maxsize=4096)
def agent_code(noun: str, folder: Path = PHOENIX_DIR) -> str:
    """The sector code of a role noun ("rebels" -> REB), '' when the dictionary has none.

    A noun the dictionary lists only inside longer phrases ("opposition" in
    OPPOSITION_PARTY, "official" in GOVERNMENT_OFFICIAL) takes the code that at least
    five of those phrases, and at least 40% of them, carry: first those it starts, then
    those it ends ("expert" and "leader" have none).
    """
    agents = load_phoenix(folder).agents
    word = key(noun)
    if word in agents:
        return agents[word]
    singular = {word[:-3] + "Y", word[:-1], word[:-2]} if word.endswith("S") else set()
    for form in sorted(singular):
        if form in agents:
            return agents[form]
    for index in _phrase_codes(folder):
        for form in [word, *sorted(singular)]:
            counts = index.get(form)
            top = max(sorted(counts), key=counts.__getitem__) if counts else ""
            if top and counts[top] >= 5 and counts[top] >= 0.4 * sum(counts.values()):
                return top
    return ""


@lru_cache(maxsize=None)
def _phrase_codes(folder: Path = PHOENIX_DIR) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Codes of the agent phrases by their first word and by their last word, counted."""
    first: dict[str, Counter] = {}
    last: dict[str, Counter] = {}
    for phrase, code in load_phoenix(folder).agents.items():
        words = phrase.split()
        if len(words) > 1:
            first.setdefault(words[0], Counter())[code] += 1
            last.setdefault(words[-1], Counter())[code] += 1
    return first, last


def lookup_actor(text: str, when: date | None = None, *,
                 folder: Path = PHOENIX_DIR) -> tuple[Entry | None, str]:
    """The entry a name refers to and its code on ``when``; ``(None, '')`` if none.

    >>> entry, code = lookup_actor("Hamid Karzai", date(2010, 5, 1))
    >>> entry.name, code
    ('HAMID KARZAI', 'AFGGOV')
    """
    entry = load_phoenix(folder).actors.get(key(text))
    if entry is None:
        return None, ""
    return entry, code_at(entry.codes, when)
