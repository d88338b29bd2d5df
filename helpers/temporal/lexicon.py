"""The words of temporal expressions (``resources/time_words.csv``) and what every rule shares.

:func:`words` reads the word lists once; the helpers here turn matched words into
numbers (months, counts, units); :class:`Ctx` is what a rule knows about the outlet
(and how to normalise a part of a longer expression), and :func:`full` pads a
rule's result with its TIMEX3 ``mod`` and note.

>>> month_number("Sept."), number_of("2,000"), unit_of("fortnights")
(9, '2000', '2W')
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from helpers.files.resources import resource_rows


#: (type, value, earliest, latest) and optionally a TIMEX3 mod and a note.
Result = tuple



class Ctx(NamedTuple):
    """What a rule knows: the outlet's first day of the week and date order, and the matcher."""

    week_start: str = "monday"
    date_order: str = ""    # DMY, MDY, YMD, or '' when unknown
    match: Callable | None = None   # the rules' matcher, for the parts of a longer expression



def full(result: Result) -> tuple[str, str, "dt.date | None", "dt.date | None", str, str]:
    """A handler's result with its ``mod`` and ``note`` ('' when the handler gave none)."""
    return (*result, "", "")[:6]



@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """``{kind: {word: value}}`` from ``resources/time_words.csv``, read once."""
    table: dict[str, dict[str, str]] = {}
    for row in resource_rows("time_words.csv", columns=("kind", "word", "value")):
        table.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return table



def alternation(items, *, spaces: bool = True) -> str:
    """A regex alternation of ``items``, longest first, spaces matching any whitespace."""
    escaped = [re.escape(i) for i in sorted(items, key=lambda s: (-len(s), s))]
    return "|".join(e.replace(r"\ ", r"\s+") if spaces else e for e in escaped)



def month_number(name: str) -> int:
    name = name.rstrip(".")
    return int(words()["month"].get(name) or words()["month_abbr"][name])



def month_of(g: dict) -> int:
    return month_number(g["month"])



def number_of(text: str | None) -> str:
    if not text:
        return "1"
    text = re.sub(r"\s+", " ", text.lower())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return text.replace(",", "")          # "2,000"
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return text                           # "48", "1.5" (a fraction: no calendar shift)
    return words()["number"][text]



def unit_of(text: str) -> str:
    return words()["unit"][re.sub(r"(ie)?s$", lambda m: "y" if m.group(1) else "", text.lower())]



def unresolved(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]



def day_result(y: int, m: int, d: int) -> Result:
    day = dt.date(y, m, d)
    return "DATE", day.isoformat(), day, day



def plain(text: str | None) -> str:
    """Lower case, single spaces, no leading "the"."""
    return re.sub(r"^the\s+|\s+", " ", (text or "").lower()).strip()
