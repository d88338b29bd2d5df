"""A document creation time read from the article itself, when its metadata gives none.

Two kinds of evidence are used, in this order, and only near the top of the text
(the first :data:`HEAD_LINES` lines):

1. a "published" line with a full date ("Published on 12 March 2025",
   "Posted: 2025-03-12");
2. a dateline with a month and day ("PORT LIRA, May 6 —", "Samarkand [Uzbekistan],
   April 13 :"), whose year is the one it states, else the one in the metadata's
   URL (``/2025/05/06/``), else a full date of the text with the same month and day,
   else the latest year the text states in a date.

The result is marked ``dct_source="text"`` with the evidence quoted in
``dct_evidence``; without such evidence the metadata is returned unchanged, and
relative dates stay unresolved.

>>> from helpers.corpus import parse_metadata
>>> meta = parse_metadata({}, doc_id="x", name="x")
>>> found = infer_dct("Port talks resume\\nPORT LIRA, May 6 — Talks resumed on May 6, 2025.\\n", meta)
>>> found.dct, found.dct_source
('2025-05-06', 'text')
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from .corpus import Metadata
from .time_rules import Ctx, match

HEAD_LINES = 6
DAY = re.compile(r"\d{4}-\d\d-\d\d")
PUBLISHED = re.compile(r"^\s*(?i:(?:first\s+)?(?:published|posted|updated)(?:\s+on)?)\s*:?\s*"
                       r"(?P<date>[^|\n]{6,40}?)\s*(?:[|,;.]|$|\s+(?:at|\d{1,2}:\d\d))", re.M)
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][\w.'’ -]{1,40}?(?:\s*[\[(][^\])\n]{1,40}[\])])?)"
                      r"\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+"
                      r"[A-Z][a-z]{2,8}(?:\s+\d{4})?)\s*(?:\([\w ]+\)\s*)?(?P<mark>[—–:-]|\(|/)")
URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[/_-]?(\d\d)[/_-]?(\d\d))?(?!\d)")


def _day(text: str) -> str:
    """The value of a date expression without a DCT: 2025-05-06, XXXX-05-06, or ''."""
    try:
        rule, groups = match(text)
        value = rule.handler(groups, None, None, Ctx())[1]
    except (ValueError, KeyError):
        return ""
    return value if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", value) else ""


def _year_from_url(url: str | None, month: int, day: int) -> tuple[int, str] | None:
    for found in URL_YEAR.finditer(url or ""):
        year = int(found.group(1))
        if found.group(2) and (int(found.group(2)), int(found.group(3))) != (month, day):
            continue
        return year, f"the year {year} in the URL ({url})"
    return None


def _year_from_text(text: str, month: int, day: int) -> tuple[int, str] | None:
    years: dict[int, str] = {}
    for found in re.finditer(r"(?<![\w-])(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+"
                             r"[A-Z][a-z]{2,8},?\s+)(?:19|20)\d\d(?!\d)", text):
        value = _day(found.group(0))
        if value and value[:4] != "XXXX":
            stated = dt.date.fromisoformat(value)
            if (stated.month, stated.day) == (month, day):
                return stated.year, f"the same day with its year in the text ('{found.group(0)}')"
            years.setdefault(stated.year, found.group(0))
    if not years:
        return None
    latest = max(years)
    return latest, (f"the latest year the text states in a date ('{years[latest]}'"
                    + (f"; it also states {', '.join(map(str, sorted(set(years) - {latest})))})"
                       if len(years) > 1 else ")"))


def infer_dct(text: str, meta: Metadata) -> Metadata:
    """``meta`` with a DCT read from ``text`` when it has none and the text gives one, else ``meta``.

    The DCT's window is that day alone; ``dct_evidence`` quotes what it was read from and
    ``assumptions`` says it was inferred.
    """
    if meta.dct is not None:
        return meta
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    found = _published(head) or _dateline(head, text, meta.url)
    if found is None:
        return meta
    day, evidence = found
    assumptions = tuple(a for a in meta.assumptions if not a.startswith("no dct"))
    return dataclasses.replace(
        meta, dct=day.isoformat(), published_window=(day.isoformat(), day.isoformat()),
        dct_evidence=evidence, dct_source="text",
        assumptions=assumptions + (f"dct inferred from the article's text: {evidence}",))


def _published(head: str) -> tuple[dt.date, str] | None:
    for found in PUBLISHED.finditer(head):
        value = _day(found.group("date").strip())
        if DAY.fullmatch(value):
            return dt.date.fromisoformat(value), f"the line '{found.group(0).strip().rstrip('|,;. ')}'"
    return None


def _dateline(head: str, text: str, url: str | None) -> tuple[dt.date, str] | None:
    for line in head.splitlines():
        found = DATELINE.match(line)
        if not found:
            continue
        value = _day(found.group("date"))
        if not value:
            continue
        quoted = f"dateline '{line[:found.end()].strip()}'"
        if DAY.fullmatch(value):
            return dt.date.fromisoformat(value), quoted
        month, day = int(value[5:7]), int(value[8:10])
        year = _year_from_url(url, month, day) or _year_from_text(text, month, day)
        if year is None:
            return None
        try:
            return dt.date(year[0], month, day), f"{quoted} with {year[1]}"
        except ValueError:
            return None
    return None
