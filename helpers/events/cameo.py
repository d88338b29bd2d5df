"""CAMEO event codes, their Goldstein scores, and the project's verb lexicon.

The code table is GDELT's CAMEO lookup joined with its Goldstein scale
(``resources/cameo_event_codes.csv``, see ``resources/REFERENCE.md``). Codes are
strings and keep their leading zeros: ``"01"`` is a root, ``"010"`` its child,
``"10"`` another root (DEMAND).

The verb lexicon (``resources/verb_lexicon.csv``) is the project's override table
over the PETRARCH2 verb dictionary (``helpers.events.dictionary``): a row maps a lemma,
optionally with a pattern in the dictionary's syntax ("* TALKS", "* (IN)"), to a
CAMEO code for what the dictionary lacks or codes wrongly, each with a note; it
also says which prepositions introduce the target, whether the predicate is
reciprocal, and which words are no events of their own (roles).

>>> goldstein("057"), root("0231"), describe("042")
(8.0, '02', 'Make a visit')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers.files.resources import LexiconError, resource_rows


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO event-code table."""

    code: str
    description: str
    goldstein: float


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the override table (see ``docs/annotation_guide_events.md``)."""

    lemma: str
    pos: str                    # VERB or NOUN
    pattern: str                # '' replaces the dictionary's entry; '*' its own code only;
                                # '* TALKS', '* (IN)': a pattern tried before the dictionary's
    cameo_code: str             # '' for no event (null code)
    reciprocal: bool            # 'A and B met': each source is the other's target
    target_preps: tuple[str, ...]
    role: str                   # event, intent, light, message, aspectual, cue, skip
    verb_only: bool             # never a noun: a NOUN tag on it is a tagging error
    line: int = 0               # line of the row in verb_lexicon.csv
    note: str = ""

#: CAMEO codes (by prefix) whose source and target play the same part, so the pair is
#: unordered: 04 consult (meet, negotiate, host/visit), 057 sign a formal agreement, 06
#: engage in material cooperation.
SYMMETRIC_CODES: tuple[str, ...] = ("04", "057", "06")
#: The roles of the override table.
ROLES = ("event", "intent", "light", "message", "aspectual", "cue", "skip")


@lru_cache(maxsize=None)
def event_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code (311), keyed by its string code, read once.

    >>> len(event_codes()), event_codes()["010"].goldstein
    (311, 0.0)
    """
    return {r["code"]: CameoCode(r["code"], r["description"], float(r["goldstein"]))
            for r in resource_rows("cameo_event_codes.csv",
                                    columns=("code", "description", "goldstein"))}


def event_table() -> pd.DataFrame:
    """The CAMEO event codes as a DataFrame with a ``root`` column, for display.

    >>> event_table().query("code == '045'").root.item()
    '04'
    """
    rows = [{"code": c.code, "root": root(c.code), "description": c.description,
             "goldstein": c.goldstein} for c in event_codes().values()]
    return pd.DataFrame(rows)


def goldstein(code: str) -> float | None:
    """The Goldstein score of a CAMEO code, None for '' or an unknown code.

    >>> goldstein("036"), goldstein(""), goldstein("999")
    (4.0, None, None)
    """
    entry = event_codes().get(str(code or ""))
    return entry.goldstein if entry else None


def describe(code: str) -> str:
    """The description of a CAMEO code, '' for '' or an unknown code.

    >>> describe("045")
    'Mediate'
    """
    entry = event_codes().get(str(code or ""))
    return entry.description if entry else ""


def root(code: str) -> str:
    """The two-digit root of a CAMEO code ('' for ''); raise on a code not in the table.

    >>> root("0874"), root("10"), root("")
    ('08', '10', '')
    """
    code = str(code or "")
    if not code:
        return ""
    if code not in event_codes():
        raise LexiconError(f"{code!r} is not a CAMEO event code")
    return code[:2]


@lru_cache(maxsize=None)
def verb_lexicon() -> dict[tuple[str, str], tuple[LexiconEntry, ...]]:
    """The override table keyed by ``(lemma, pos)``; patterned rows first, then '*', then ''.

    Every code must be in the CAMEO table and every role known, so a typo fails on
    load with a :class:`LexiconError` naming the line.

    >>> [e.cameo_code for e in verb_lexicon()[("meet", "VERB")]]
    ['040']
    """
    found: dict[tuple[str, str], list[LexiconEntry]] = {}
    for number, row in enumerate(resource_rows("verb_lexicon.csv", columns=(
            "lemma", "pos", "pattern", "cameo_code", "reciprocal", "target_preps", "role",
            "verb_only", "note")), start=2):
        code = row["cameo_code"]
        if code and code not in event_codes():
            raise LexiconError(f"verb_lexicon.csv line {number}: unknown CAMEO code {code!r}")
        if row["pos"] not in {"VERB", "NOUN"}:
            raise LexiconError(f"verb_lexicon.csv line {number}: pos must be VERB or NOUN")
        if (row["role"] or "event") not in ROLES:
            raise LexiconError(f"verb_lexicon.csv line {number}: role {row['role']!r} is not "
                               f"one of {ROLES}")
        entry = LexiconEntry(row["lemma"], row["pos"], row["pattern"], code,
                             row["reciprocal"] == "1",
                             tuple(p for p in row["target_preps"].split(";") if p),
                             row["role"] or "event", row["verb_only"] == "1", number, row["note"])
        found.setdefault((entry.lemma, entry.pos), []).append(entry)
    order = {"": 2, "*": 1}
    return {key: tuple(sorted(entries, key=lambda e: order.get(e.pattern, 0)))
            for key, entries in found.items()}
