"""The grammar of temporal expressions: word lists (``resources/time_words.csv``) turned into rules.

Each :class:`Rule` is a named regular expression over the expression's words
plus a handler that turns its groups into a TIMEX3 type, value and interval
for one reference date. ``helpers.temporal.tagger`` applies the rules to text (tagging)
and to single expressions (normalising).

>>> [r.name for r in RULES][:3]
['iso_date', 'month_day', 'day_month']
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from helpers.temporal import periods as cal
from helpers.files.resources import resource_rows

Result = tuple[str, str, "dt.date | None", "dt.date | None"]


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """``{kind: {word: value}}`` from ``resources/time_words.csv``, read once."""
    table: dict[str, dict[str, str]] = {}
    for row in resource_rows("time_words.csv", columns=("kind", "word", "value")):
        table.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return table


def _alt(items, *, spaces: bool = True) -> str:
    """A regex alternation of ``items``, longest first, spaces matching any whitespace."""
    escaped = [re.escape(i) for i in sorted(items, key=lambda s: (-len(s), s))]
    return "|".join(e.replace(r"\ ", r"\s+") if spaces else e for e in escaped)


@dataclass(frozen=True)
class Rule:
    """A named expression pattern, its handler and what it is resolved against."""

    name: str
    pattern: re.Pattern
    handler: Callable[..., Result]
    relative: str = "none"           # none (absolute), dct, anchor
    needs_context: Callable[[dict], bool] = lambda g: False
    valid: Callable[[dict], bool] = lambda g: True


def _month(g: dict) -> int:
    name = g["month"].rstrip(".")
    return int(words()["month"].get(name) or words()["month_abbr"][name])


def _number(text: str | None) -> str:
    if not text:
        return "1"
    text = re.sub(r"\s+", " ", text.lower())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return text.replace(",", "")          # "2,000"
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return text                           # "48", "1.5" (a fraction: no calendar shift)
    return words()["number"][text]


def _unit(text: str) -> str:
    return words()["unit"][re.sub(r"(ie)?s$", lambda m: "y" if m.group(1) else "", text.lower())]


def _unresolved(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]


def _date(y: int, m: int, d: int) -> Result:
    day = dt.date(y, m, d)
    return "DATE", day.isoformat(), day, day


def iso_date(g, ref, tense, ws) -> Result:
    return _date(int(g["y"]), int(g["mo"]), int(g["d"]))


def month_day(g, ref, tense, ws) -> Result:
    month, day = _month(g), int(g["d"])
    if g.get("y"):
        return _date(int(g["y"]), month, day)
    if ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None, None
    found = cal.occurrence(month, day, ref, tense=tense)
    return "DATE", found.isoformat(), found, found


THIRDS = {"early": (1, 10), "beginning of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
          "late": (21, 31), "end of": (21, 31)}


def month_only(g, ref, tense, ws) -> Result:
    month, rel = _month(g), (g.get("rel") or "").lower().split()
    if g.get("y"):
        year = int(g["y"])
    elif ref is None:
        return "DATE", f"XXXX-{month:02d}", None, None
    elif rel and rel[-1] == "last":
        year = ref.year - (month >= ref.month)
    elif rel and rel[-1] in ("next", "coming"):
        year = ref.year + (month <= ref.month)
    elif rel:
        year = ref.year
    else:
        year = cal.occurrence(month, None, ref, tense=tense).year
    first, last = cal.month_bounds(year, month)
    mod = re.sub(r"^the\s+|\s+", " ", (g.get("mod") or "").lower()).strip()
    if mod:
        low, high = THIRDS[mod]
        first, last = first.replace(day=low), last.replace(day=min(high, last.day))
    return "DATE", f"{year:04d}-{month:02d}", first, last


def year_only(g, ref, tense, ws) -> Result:
    year = int(g["y"])
    return "DATE", f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31)


def decade(g, ref, tense, ws) -> Result:
    start = int(g["dec"]) * 10
    return "DATE", g["dec"], dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def weekday(g, ref, tense, ws) -> Result:
    number = int(words()["weekday"][g["wd"]])
    if ref is None:
        return "DATE", f"XXXX-WXX-{number}", None, None
    rel = (g.get("rel") or "").lower().split()
    relation = {"past": "last", "this coming": "coming"}.get(" ".join(rel), " ".join(rel))
    day = cal.weekday_date(number, ref, relation=relation, tense=tense, week_start=ws)
    return "DATE", day.isoformat(), day, day


def day_word(g, ref, tense, ws) -> Result:
    word = (g.get("word") or g.get("which") or "").lower()
    part = (g.get("part") or ("night" if word == "tonight" else "")).lower()
    offset = {"tonight": 0, "this": 0, "last": -1}.get(word, None)
    offset = int(words()["day_word"][word]) if offset is None else offset
    if ref is None:
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + (
            f"T{words()['daypart'][part]}" if part else ""), None, None
    day = ref + dt.timedelta(days=offset)
    if part:
        return "TIME", f"{day.isoformat()}T{words()['daypart'][part]}", day, day
    return "DATE", day.isoformat(), day, day


def this_period(g, ref, tense, ws) -> Result:
    unit, rel = _unit(g["unit"]), g["rel"].lower().split()[-1]
    if ref is None:
        return "DATE", _unresolved(unit), None, None
    step = {"last": -1, "next": 1}.get(rel, 0)
    value, first, last = cal.period(cal.shift(ref, step, unit), unit, week_start=ws)
    mod = (g.get("mod") or "").lower()
    span = (last - first).days + 1
    if mod == "earlier":
        last = min(last, ref)
    elif mod == "later":
        first = max(first, ref)
    elif mod == "early":
        last = first + dt.timedelta(days=span // 3 - 1 if span > 3 else 0)
    elif mod == "late":
        first = last - dt.timedelta(days=span // 3 - 1 if span > 3 else 0)
    return "DATE", value, first, last


def plural_ref(g, ref, tense, ws) -> Result:
    value = words()["ref_plural"][re.sub(r"\s+", " ", g["which"].lower())]
    return ref_bounds(value, ref)


def ref_word(g, ref, tense, ws) -> Result:
    key = re.sub(r"\s+", " ", (g.get("ref") or g.get("refp")).lower())
    value = words()["ref"].get(key) or words()["ref_phrase"][key]
    return ref_bounds(value, ref)


def ref_bounds(value: str, ref: dt.date | None) -> Result:
    """PAST_REF ends at ``ref``, FUTURE_REF starts there, PRESENT_REF is ``ref`` itself."""
    earliest = ref if value in ("FUTURE_REF", "PRESENT_REF") else None
    latest = ref if value in ("PAST_REF", "PRESENT_REF") else None
    return "DATE", value, earliest, latest


def shifted(g, ref, tense, ws) -> Result:
    unit = _unit(g["unit"])
    amount = _number(g.get("num"))
    sign = -1 if (g.get("dir") or "ago").lower() in ("ago", "earlier", "previous", "preceding") \
        else 1
    if not amount.isdigit():
        return ref_bounds("PAST_REF" if sign < 0 else "FUTURE_REF", ref)
    if unit not in ("D", "W", "M", "Y"):
        raise ValueError(f"cannot place {g.get('num')} {g['unit']} on the calendar by day")
    if ref is None:
        return "DATE", _unresolved(unit), None, None
    value, first, last = cal.period(cal.shift(ref, sign * int(amount), unit), unit, week_start=ws)
    return "DATE", value, first, last


def _period_value(amount: str, unit: str) -> str:
    """``P3D``, ``PT48H``, ``P2W`` for a fortnight: the TIMEX3 duration of ``amount`` units."""
    if unit[0].isdigit():
        amount, unit = (str(int(amount) * int(unit[0])) if amount.isdigit() else "X"), unit[1:]
    return f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"


def duration(g, ref, tense, ws) -> Result:
    return "DURATION", _period_value(_number(g.get("num")), _unit(g["unit"])), None, None


def set_expr(g, ref, tense, ws) -> Result:
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{words()['weekday'][g['wd']]}", None, None
    if g.get("adv"):
        return "SET", words()["set_adverb"][g["adv"].lower()], None, None
    return "SET", _period_value("1", _unit(g["unit"])), None, None


def clock(g, ref, tense, ws) -> Result:
    hour = int(g["h"]) % 12 + (12 if g["ap"].lower() == "p" else 0)
    return "TIME", f"XXXX-XX-XXT{hour:02d}:{int(g.get('mi') or 0):02d}", None, None


def _build() -> list[Rule]:
    w = words()
    month = (rf"(?P<month>(?:{_alt(w['month'])})(?![a-z])|(?:{_alt(w['month_abbr'])})\.?)")
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    wd = rf"(?P<wd>{_alt(w['weekday'])})"
    num = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{_alt(w['number'])}))"
    unit = r"(?P<unit>(?i:minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?)"
    ctx = lambda *keys: (lambda g: not any(g.get(k) for k in keys))  # noqa: E731
    spec = [
        ("iso_date", r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)", iso_date, "none", None),
        ("month_day", rf"{month}\s+{day}(?:,?\s+{year})?", month_day, "dct", None),
        ("day_month", rf"(?i:the\s+)?{day}(?:\s+of)?\s+{month}(?:,?\s+{year})?", month_day,
         "dct", None),
        ("month", rf"(?:(?P<mod>(?i:early|mid|late|the\s+(?:beginning|middle|end)\s+of))[\s-]+"
                  rf"|(?P<rel>(?i:last|next|this(?:\s+coming)?|coming))\s+)?{month}"
                  rf"(?:,?\s+{year})?", month_only, "dct", ctx("mod", "rel", "y")),
        ("year", year, year_only, "none", ctx()),
        ("decade", r"(?i:the\s+)?(?P<dec>(?:1[89]|20)\d)0s", decade, "none", None),
        ("weekday", rf"(?:(?P<rel>(?i:last|next|this\s+coming|this|coming|past))\s+)?{wd}",
         weekday, "dct", None),
        ("day_word", r"(?i:(?P<word>today|yesterday|tomorrow|tonight)|(?P<which>this|yesterday|"
                     r"tomorrow|last)\s+(?P<part>morning|afternoon|evening|night))", day_word,
         "dct", None),
        ("this_period", r"(?i:(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|"
                        r"the\s+current)\s+(?P<unit>week|month|year))", this_period, "dct", None),
        ("plural_ref", rf"(?i:(?:the\s+)?(?P<which>{_alt(w['ref_plural'])})\s+"
                       r"(?P<unit>minutes|hours|days|weeks|months|years|decades))",
         plural_ref, "dct", None),
        ("ref_word", rf"(?i:(?P<ref>{_alt(w['ref'])}))", ref_word, "dct", None),
        ("ref_phrase", rf"(?i:(?P<refp>{_alt(w['ref_phrase'])}))", ref_word, "dct", ctx()),
        ("ago", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>ago))", shifted, "dct", None),
        ("anchored", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>earlier|later))", shifted, "anchor", None),
        ("anchored_the", r"(?i:the\s+(?P<dir>next|following|previous|preceding)\s+"
                         r"(?P<unit>day|week|month|year))", shifted, "anchor", None),
        ("duration", rf"(?:(?P<the>(?i:the\s+(?:past|last|next|first)))\s+)?(?:{num}[\s-]+)?"
                     rf"{unit}(?:-long)?", duration, "none", None),
        ("set_every", rf"(?i:every|each)\s+(?:{wd}|{unit})", set_expr, "none", None),
        ("set_weekdays", rf"{wd}s", set_expr, "none", ctx()),
        ("set_adverb", r"(?P<adv>daily|weekly|monthly|annually|yearly)", set_expr, "none", None),
        ("set_once", r"(?i:once\s+a\s+(?P<unit>day|week|month|year))", set_expr, "none", None),
        ("clock", r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[aApP])\.?[mM]\.?",
         clock, "none", None),
    ]
    checks = {"duration": lambda g: bool(g.get("num") or g.get("the"))}
    # never part of a longer number: "5 hours" is not read out of "2.5 hours", nor "000 years"
    # out of "2,000 years"
    return [Rule(name, re.compile(rf"(?<![\w-])(?<!\d[.,])(?:{pattern})(?![\w])(?![.,]\d)"),
                 handler, relative,
                 needs or (lambda g: False), checks.get(name, lambda g: True))
            for name, pattern, handler, relative, needs in spec]


RULES: list[Rule] = _build()
CONTEXT = re.compile(rf"(?i:\b(?:{_alt(words()['context_prep'])})\s+)$")
