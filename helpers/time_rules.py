"""The grammar of temporal expressions: word lists (``resources/time_words.csv``) turned into rules.

Each :class:`Rule` is a named regular expression over the expression's words
plus a handler that turns its groups into a TIMEX3 type, value and interval
(and, where the text says so, a TIMEX3 ``mod`` and a note for the reader) for
one reference date. Some rules are compositions of others: a range ("May 3-5"),
a weekday with its date ("Thursday, March 13, 2025") and a clock time with its
day ("1500 hours on Thursday") are one expression, whose parts are normalised
by the rules of the parts (:func:`match`). ``helpers.time`` applies the rules to
text (tagging) and to single expressions (normalising).

>>> [r.name for r in RULES][:3]
['iso_date', 'numeric_date', 'weekday_date']
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import time_calendar as cal
from .cameo import resource_rows

#: (type, value, earliest, latest) and optionally a TIMEX3 mod and a note.
Result = tuple


class Ctx(NamedTuple):
    """What a rule needs to know about the outlet: its first day of the week and its date order."""

    week_start: str = "monday"
    date_order: str = ""    # DMY, MDY, YMD, or '' when unknown


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


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return int(words()["month"].get(name) or words()["month_abbr"][name])


def _month(g: dict) -> int:
    return _month_number(g["month"])


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


def _words(text: str | None) -> str:
    """Lower case, single spaces, no leading "the"."""
    return re.sub(r"^the\s+|\s+", " ", (text or "").lower()).strip()


def iso_date(g, ref, tense, cx) -> Result:
    return _date(int(g["y"]), int(g["mo"]), int(g["d"]))


def _readings(g: dict) -> dict[str, dt.date]:
    """The valid days of a numeric date ``a/b/yyyy``: day first (DMY) and month first (MDY)."""
    a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
    found = {}
    for order, (day, month) in (("DMY", (a, b)), ("MDY", (b, a))):
        try:
            found[order] = dt.date(year, month, day)
        except ValueError:
            continue
    return found


def numeric_date(g, ref, tense, cx) -> Result:
    """A day written in numbers, read by the outlet's date order.

    Where the order is unknown and both readings are days, the value is the
    day-first reading (the order outside the United States), the interval spans
    both, and the note says the date is ambiguous.
    """
    readings = _readings(g)
    order = "MDY" if cx.date_order == "MDY" else "DMY"
    if len(readings) == 1 or len(set(readings.values())) == 1:
        (found_order, day), = list(readings.items())[:1]
        note = "" if found_order == order or not cx.date_order else (
            f"not a valid date read {order}; read {found_order}")
        return "DATE", day.isoformat(), day, day, "", note
    day = readings[order]
    if cx.date_order:
        return "DATE", day.isoformat(), day, day
    first, last = sorted(readings.values())
    return ("DATE", day.isoformat(), first, last, "",
            "ambiguous: " + " or ".join(f"{d.day} {d:%B %Y} ({'day' if o == 'DMY' else 'month'} "
                                       "first)" for o, d in readings.items())
            + "; the outlet's date order is unknown")


def month_day(g, ref, tense, cx) -> Result:
    """ "Nov. 11", "the 11th of November", "last April 16": a year from the DCT and the tense
    (or the word before: "last" looks back, "next" ahead) unless the text gives one."""
    month, day = _month(g), int(g["d"])
    if g.get("y"):
        return _date(int(g["y"]), month, day)
    if ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None, None
    rel = _words(g.get("rel"))
    tense = "past" if rel in ("last", "past") else "future" if rel else tense
    found = cal.occurrence(month, day, ref, tense=tense)
    return "DATE", found.isoformat(), found, found


THIRDS = {"early": (1, 10), "beginning of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
          "late": (21, 31), "end of": (21, 31)}
#: TIMEX3 ``mod`` of the words that pick a part of a period.
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID",
        "middle of": "MID", "late": "END", "end of": "END"}


def month_only(g, ref, tense, cx) -> Result:
    month, rel = _month(g), (g.get("rel") or "").lower().split()
    if g.get("y"):
        year = int(g["y"])
    elif ref is None:
        return "DATE", f"XXXX-{month:02d}", None, None
    elif g.get("yrel"):                 # "May this year", "March of last year"
        year = ref.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
    elif rel and rel[-1] == "last":
        year = ref.year - (month >= ref.month)
    elif rel and rel[-1] in ("next", "coming"):
        year = ref.year + (month <= ref.month)
    elif rel:
        year = ref.year
    else:
        year = cal.occurrence(month, None, ref, tense=tense).year
    first, last = cal.month_bounds(year, month)
    mod = _words(g.get("mod"))
    if mod:
        low, high = THIRDS[mod]
        first, last = first.replace(day=low), last.replace(day=min(high, last.day))
    return "DATE", f"{year:04d}-{month:02d}", first, last, MODS.get(mod, "")


def year_only(g, ref, tense, cx) -> Result:
    year = int(g["y"])
    return "DATE", f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31)


#: The part of a year each modifier names (``helpers.time_calendar.YEAR_PARTS``).
YEAR_PART_OF = {"early": "START", "mid": "MID", "late": "END", "beginning of": "FIRST",
                "start of": "FIRST", "middle of": "MIDDLE", "end of": "LAST"}


def year_part(g, ref, tense, cx) -> Result:
    """ "the end of 2025" is 2025 with the last month as interval; "early 2025" January-April."""
    mod = _words(g["mod"])
    first, last = cal.year_part(int(g["y"]), YEAR_PART_OF[mod])
    return "DATE", g["y"], first, last, MODS[mod]


def decade(g, ref, tense, cx) -> Result:
    """ "the 1990s", "the '90s", "the early 2000s": value ``199``, the part of it as interval."""
    if g.get("dec"):
        start = int(g["dec"]) * 10
    else:
        start = 1900 + int(g["dd"]) * 10
        if ref is not None and start + 100 <= ref.year:
            start += 100
    mod = MODS.get(_words(g.get("mod")), "")
    low, high = cal.DECADE_PARTS.get(mod, (0, 9))
    return ("DATE", f"{start // 10:03d}", dt.date(start + low, 1, 1),
            dt.date(start + high, 12, 31), mod)


def weekday(g, ref, tense, cx) -> Result:
    number = int(words()["weekday"][g["wd"]])
    if ref is None:
        return "DATE", f"XXXX-WXX-{number}", None, None
    rel = (g.get("rel") or "").lower().split()
    relation = {"past": "last", "this coming": "coming"}.get(" ".join(rel), " ".join(rel))
    day = cal.weekday_date(number, ref, relation=relation, tense=tense, week_start=cx.week_start)
    return "DATE", day.isoformat(), day, day


def day_word(g, ref, tense, cx) -> Result:
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


def same_day(g, ref, tense, cx) -> Result:
    """ "later that day", "earlier in the day", "the same day": the day of the time last mentioned."""
    part = (g.get("part") or "day").lower()
    daypart = "" if part == "day" else f"T{words()['daypart'][part]}"
    if ref is None:
        return ("TIME" if daypart else "DATE"), "XXXX-XX-XX" + daypart, None, None
    return ("TIME" if daypart else "DATE"), ref.isoformat() + daypart, ref, ref


def _narrow(first: dt.date, last: dt.date, unit: str, mod: str) -> tuple[dt.date, dt.date]:
    """The part of a week, month or year that "early", "the end of" ... names."""
    if unit == "Y" and mod in YEAR_PART_OF:
        return cal.year_part(first.year, YEAR_PART_OF[mod])
    if unit == "M" and mod in THIRDS:
        low, high = THIRDS[mod]
        return first.replace(day=low), last.replace(day=min(high, last.day))
    span = (last - first).days + 1
    part = dt.timedelta(days=span // 3 - 1 if span > 3 else 0)
    if MODS.get(mod) == "START":
        return first, first + part
    if MODS.get(mod) == "END":
        return last - part, last
    middle = first + dt.timedelta(days=span // 2)
    return middle - dt.timedelta(days=1), middle + dt.timedelta(days=1)


def this_period(g, ref, tense, cx) -> Result:
    unit, rel = _unit(g["unit"]), g["rel"].lower().split()[-1]
    if ref is None:
        return "DATE", _unresolved(unit), None, None
    step = {"last": -1, "next": 1}.get(rel, 0)
    value, first, last = cal.period(cal.shift(ref, step, unit), unit, week_start=cx.week_start)
    mod = _words(g.get("mod"))
    if mod == "earlier":
        last = min(last, ref)
    elif mod == "later":
        first = max(first, ref)
    elif mod:
        first, last = _narrow(first, last, unit, mod)
    return "DATE", value, first, last, MODS.get(mod, "")


def weekend(g, ref, tense, cx) -> Result:
    """ "this weekend", "last weekend", "over the weekend": value ``2025-W37-WE``, Saturday-Sunday."""
    if ref is None:
        return "DATE", "XXXX-WXX-WE", None, None
    relation = {"the": "", "coming": "this", "past": "last"}.get(_words(g.get("rel")),
                                                                 _words(g.get("rel")))
    saturday, sunday = cal.weekend(ref, relation, tense=tense)
    year, week, _ = saturday.isocalendar()
    return "DATE", f"{year}-W{week:02d}-WE", saturday, sunday


ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


def quarter(g, ref, tense, cx) -> Result:
    """ "next quarter", "the third quarter of 2025", "Q1 2026": value ``2025-Q4``."""
    if g.get("rel"):
        if ref is None:
            return "DATE", "XXXX-QX", None, None
        step = {"last": -1, "previous": -1, "next": 1}.get(_words(g["rel"]), 0)
        year, month = cal.add_months(ref.year, ref.month, 3 * step)
        number = (month - 1) // 3 + 1
    else:
        number = int(g.get("q") or 0) or ORDINAL[g["ord"].lower()]
        if g.get("y") or g.get("yq"):
            year = int(g.get("y") or g["yq"])
        elif ref is None:
            return "DATE", f"XXXX-Q{number}", None, None
        else:
            year = ref.year + {"last": -1, "next": 1}.get(_words(g.get("yrel")), 0)
    first, last = cal.quarter_bounds(year, number)
    return "DATE", f"{year}-Q{number}", first, last


SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def season(g, ref, tense, cx) -> Result:
    """ "this summer", "last winter", "the summer of 2024": value ``2025-SU``, its months."""
    name = SEASON[g["season"].lower()]
    if g.get("y"):
        year = int(g["y"])
    elif ref is None:
        return "DATE", f"XXXX-{name}", None, None
    else:
        now = cal.season_of(ref)
        index = lambda ys: ys[0] * 4 + list(cal.SEASONS).index(ys[1])  # noqa: E731
        seen = [(y, name) for y in range(ref.year - 2, ref.year + 3)]
        rel = _words(g.get("rel"))
        pick = {"last": lambda i: i < index(now), "past": lambda i: i < index(now),
                "next": lambda i: i > index(now)}.get(rel)
        if pick is None and not rel and tense == "past":
            pick = lambda i: i <= index(now)  # noqa: E731
        if pick is None and not rel and tense == "future":
            pick = lambda i: i >= index(now)  # noqa: E731
        if pick is None:       # "this summer", "the coming summer", or no tense: this season's year
            year = now[0] if name == now[1] else ref.year
        else:
            chosen = [ys for ys in seen if pick(index(ys))]
            year = (max if rel in ("last", "past") or tense == "past" and not rel
                    else min)(chosen, key=index)[0]
    first, last = cal.season_bounds(year, name)
    return "DATE", f"{year}-{name}", first, last


def plural_ref(g, ref, tense, cx) -> Result:
    value = words()["ref_plural"][re.sub(r"\s+", " ", g["which"].lower())]
    return ref_bounds(value, ref)


def ref_word(g, ref, tense, cx) -> Result:
    key = re.sub(r"\s+", " ", (g.get("ref") or g.get("refp")).lower())
    value = words()["ref"].get(key) or words()["ref_phrase"][key]
    return ref_bounds(value, ref)


def ref_bounds(value: str, ref: dt.date | None) -> Result:
    """PAST_REF ends at ``ref``, FUTURE_REF starts there, PRESENT_REF is ``ref`` itself."""
    earliest = ref if value in ("FUTURE_REF", "PRESENT_REF") else None
    latest = ref if value in ("PAST_REF", "PRESENT_REF") else None
    return "DATE", value, earliest, latest


def shifted(g, ref, tense, cx) -> Result:
    unit = _unit(g.get("unit") or g["unit2"])
    amount = _number(g.get("num"))
    direction = (g.get("dir") or g.get("dir2") or "ago").lower()
    sign = -1 if direction in ("ago", "earlier", "previous", "preceding", "before") else 1
    if not amount.isdigit():
        return ref_bounds("PAST_REF" if sign < 0 else "FUTURE_REF", ref)
    if unit not in ("D", "W", "M", "Y"):
        raise ValueError(f"cannot place {g.get('num')} {unit} on the calendar by day")
    if ref is None:
        return "DATE", _unresolved(unit), None, None
    value, first, last = cal.period(cal.shift(ref, sign * int(amount), unit), unit,
                                    week_start=cx.week_start)
    return "DATE", value, first, last


def _period_value(amount: str, unit: str) -> str:
    """``P3D``, ``PT48H``, ``P2W`` for a fortnight: the TIMEX3 duration of ``amount`` units."""
    if unit[0].isdigit():
        amount, unit = (str(int(amount) * int(unit[0])) if amount.isdigit() else "X"), unit[1:]
    return f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"


def _approx(g: dict) -> str:
    """The TIMEX3 mod of "around", "nearly", "over" ... ('' when none)."""
    return words()["approx"][_words(g["approx"])] if g.get("approx") else ""


def duration(g, ref, tense, cx) -> Result:
    if g.get("all"):
        return "DURATION", "P1D", None, None     # "an all-day meeting"
    value = _period_value(_number(g.get("num")), _unit(g["unit"]))
    return "DURATION", value, None, None, _approx(g)


def vague_duration(g, ref, tense, cx) -> Result:
    """ "for years", "Hours after ...": a duration of an unsaid number of units (``PXY``)."""
    return "DURATION", _period_value("X", _unit(g.get("unit") or g["unit2"])), None, None


def duration_and(g, ref, tense, cx) -> Result:
    """ "two years and seven months": one duration, ``P2Y7M``; "4 hours and 40 minutes" ``PT4H40M``."""
    values = [_part(g[k], ref, tense, cx)[1][1] for k in ("first", "second")]
    dates = "".join(re.sub(r"^P|T.*$", "", v) for v in values)
    times = "".join(v.split("T", 1)[1] for v in values if "T" in v)
    if re.search(r"[A-Z]{2}", dates):      # decades, centuries: no combined TIMEX3 value
        raise ValueError(f"cannot combine {values} into one duration")
    return "DURATION", "P" + dates + (f"T{times}" if times else ""), None, None, _approx(g)


def set_expr(g, ref, tense, cx) -> Result:
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{words()['weekday'][g['wd']]}", None, None
    if g.get("adv"):
        return "SET", words()["set_adverb"][g["adv"].lower()], None, None
    return "SET", _period_value("1", _unit(g["unit"])), None, None


def _clock(hour: int, minute: int, ref: dt.date | None, mod: str = "") -> Result:
    day = ref.isoformat() if ref else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02d}:{minute:02d}", ref, ref, mod


def clock(g, ref, tense, cx) -> Result:
    """ "3 p.m.", "1500 hours", "15:00 GMT", "7 in the evening", "noon": on the day last
    mentioned (``ref``, the anchor), else on no day ('XXXX-XX-XX'); no day is invented."""
    if g.get("noon"):
        return _clock({"noon": 12, "midday": 12, "midnight": 24}[g["noon"].lower()], 0, ref,
                      _approx(g))
    hour = int(_number(g["h"]))
    if g.get("ap"):
        hour = hour % 12 + (12 if g["ap"].lower() == "p" else 0)
    part = (g.get("part") or g.get("night") or "").lower()
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif part == "morning":
        hour %= 12
    return _clock(hour, int(g.get("mi") or 0), ref, _approx(g))


def minutes_to(g, ref, tense, cx) -> Result:
    """ "ten minutes to 3 p.m.", "a few minutes past noon": the clock time moved by the minutes
    (an unsaid number of them leaves the clock as it is, with mod APPROX)."""
    kind, value, first, last, _, _ = full(clock_result(g["clock"], ref, tense, cx))
    amount = _number(g["num"])
    if not amount.isdigit():
        return kind, value, first, last, "APPROX"
    moment = dt.datetime.strptime(value[-5:], "%H:%M") + dt.timedelta(
        minutes=int(amount) * (-1 if g["dir"].lower() in ("to", "before") else 1))
    return kind, f"{value[:-5]}{moment:%H:%M}", first, last


def clock_result(text: str, ref, tense, cx) -> Result:
    """The result of a clock-time expression (raise ValueError when ``text`` is not one)."""
    name, result = _part(text, ref, tense, cx)
    if name != "clock":
        raise ValueError(f"not a clock time: {text!r}")
    return result


def match(expression: str) -> tuple[Rule, dict]:
    """The first rule whose pattern is the whole ``expression``, with its groups.

    >>> match("Nov. 11")[0].name
    'month_day'
    """
    text = expression.strip()
    for rule in RULES:
        found = rule.pattern.fullmatch(text)
        if found and rule.valid(found.groupdict()):
            return rule, found.groupdict()
    raise ValueError(f"not a temporal expression the rules cover: {expression!r}")


def _part(text: str, ref, tense, cx) -> tuple[str, tuple]:
    rule, groups = match(text)
    return rule.name, full(rule.handler(groups, ref, tense, cx))


def _pick(days: list[dt.date], ref: dt.date, tense: str | None) -> dt.date:
    """Of ``days``, the latest on or before ``ref`` (past), the first on or after (future), or the
    nearest."""
    past, future = [d for d in days if d <= ref], [d for d in days if d >= ref]
    if tense == "past" and past:
        return past[-1]
    if tense == "future" and future:
        return future[0]
    return min(days, key=lambda d: (abs((d - ref).days), d > ref))


def weekday_date(g, ref, tense, cx) -> Result:
    """ "Thursday, March 13, 2025": one day; a date without a year takes one whose weekday
    agrees, and a weekday that disagrees with the date is said in the note."""
    want = int(words()["weekday"][g["wdx"]])
    rule, parts = match(g.get("date") or g["date2"])
    kind, value, first, last, mod, note = full(_weekday_date(want, rule, parts, ref, tense, cx))
    if DAY_VALUE.fullmatch(value) and dt.date.fromisoformat(value).isoweekday() != want:
        actual = cal.WEEKDAYS[dt.date.fromisoformat(value).weekday()].capitalize()
        note = "; ".join(filter(None, [note, f"the text says {g['wdx']}, but {value} is a "
                                             f"{actual}"]))
    if g.get("part"):
        kind, value = "TIME", f"{value}T{words()['daypart'][g['part'].lower()]}"
    return kind, value, first, last, mod, note


def _weekday_date(want: int, rule: Rule, parts: dict, ref, tense, cx) -> Result:
    if rule.name == "numeric_date":
        fits = [o for o, d in _readings(parts).items() if d.isoweekday() == want]
        if len(fits) == 1:
            cx = cx._replace(date_order=fits[0])
    elif rule.name in ("month_day", "day_month") and not parts.get("y") and ref is not None:
        month, day = _month(parts), int(parts["d"])
        fits = []
        for year in range(ref.year - 1, ref.year + 2):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate.isoweekday() == want:
                fits.append(candidate)
        if fits:
            found = _pick(fits, ref, tense)
            return "DATE", found.isoformat(), found, found
    return rule.handler(parts, ref, tense, cx)


DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def clock_day(g, ref, tense, cx) -> Result:
    """A clock time with its day ("1500 hours on Thursday"): a TIME of that day."""
    _, (_, day_value, first, last, _, note) = _part(g["day"], ref, tense, cx)
    _, (_, clock_value, *_) = _part(g["clock"], ref, tense, cx)
    if "T" in day_value or not re.fullmatch(r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|WXX-\d)", day_value):
        raise ValueError(f"{g['day']!r} is not a day a clock time can be placed on")
    return "TIME", day_value + clock_value[len("XXXX-XX-XX"):], first, last, "", note


def day_part(g, ref, tense, cx) -> Result:
    """ "Saturday night", "next Tuesday morning": a TIME, the part of that day."""
    _, (_, value, first, last, _, _) = _part(g["day"], ref, tense, cx)
    return "TIME", f"{value}T{words()['daypart'][g['part'].lower()]}", first, last


def date_range(g, ref, tense, cx) -> Result:
    """ "Monday, July 3, 2017 – Wednesday, 5th July 2017": two whole dates, one interval."""
    ends = [_part(g[k], ref, tense, cx)[1] for k in ("first", "second")]
    if not all(DAY_VALUE.fullmatch(e[1]) for e in ends) or ends[1][1] <= ends[0][1]:
        raise ValueError(f"not a range of days: {g['first']!r} to {g['second']!r}")
    note = "; ".join(filter(None, (ends[0][5], ends[1][5])))
    return "DATE", f"{ends[0][1]}/{ends[1][1]}", ends[0][2], ends[1][3], "", note


def _end_year(start: dt.date, month: int, day: int | None, year: int | None) -> dt.date:
    """The end of a range: in ``year`` if given, else in the start's year or the next one."""
    day = day or cal.month_bounds(year or start.year, month)[1].day
    end = dt.date(year or start.year, month, day)
    return end if year or end >= start else dt.date(start.year + 1, month, min(
        day, cal.month_bounds(start.year + 1, month)[1].day))


def day_range(g, ref, tense, cx) -> Result:
    """ "May 3-5", "from April 1 to 3", "between 12 and 14 June": one interval, both ends in the
    same direction from the DCT."""
    m1 = _month_number(g.get("m1") or g["m2"])
    m2 = _month_number(g.get("m2") or g["m1"])
    d1, d2 = int(g["d1"]), int(g["d2"])
    y2 = int(g["y2"]) if g.get("y2") else None
    y1 = int(g["y1"]) if g.get("y1") else (y2 - (m1 > m2) if y2 else None)
    if y1 is None and ref is None:
        return "DATE", f"XXXX-{m1:02d}-{d1:02d}/XXXX-{m2:02d}-{d2:02d}", None, None
    start = dt.date(y1, m1, d1) if y1 else cal.occurrence(m1, d1, ref, tense=tense)
    end = _end_year(start, m2, d2, y2)
    if end <= start:
        raise ValueError(f"a range must end after it starts: {start} to {end}")
    return "DATE", f"{start}/{end}", start, end


def month_range(g, ref, tense, cx) -> Result:
    """ "from March to May 2025": value ``2025-03/2025-05``, March 1 to May 31."""
    m1, m2 = _month_number(g["m1"]), _month_number(g["m2"])
    y2 = int(g["y2"]) if g.get("y2") else None
    y1 = int(g["y1"]) if g.get("y1") else (y2 - (m1 > m2) if y2 else None)
    if y1 is None and ref is None:
        return "DATE", f"XXXX-{m1:02d}/XXXX-{m2:02d}", None, None
    start = dt.date(y1, m1, 1) if y1 else cal.occurrence(m1, None, ref, tense=tense)
    end = _end_year(start, m2, None, y2)
    if end <= start:
        raise ValueError(f"a range must end after it starts: {start} to {end}")
    return "DATE", f"{start:%Y-%m}/{end:%Y-%m}", start, end


def year_range(g, ref, tense, cx) -> Result:
    """ "from 2001 to 2009", "2019-20": value ``2001/2009``."""
    first = int(g["y1"])
    last = int(g["y2"]) if len(g["y2"]) == 4 else first // 100 * 100 + int(g["y2"])
    return "DATE", f"{first}/{last}", dt.date(first, 1, 1), dt.date(last, 12, 31)


def weekday_range(g, ref, tense, cx) -> Result:
    """ "from Monday to Wednesday": the first day in the clause's direction, the last after it."""
    w1, w2 = (int(words()["weekday"][g[k]]) for k in ("wd1", "wd2"))
    if ref is None:
        return "DATE", f"XXXX-WXX-{w1}/XXXX-WXX-{w2}", None, None
    start = cal.weekday_date(w1, ref, relation="", tense=tense, week_start=cx.week_start)
    end = start + dt.timedelta(days=(w2 - w1) % 7 or 7)
    return "DATE", f"{start}/{end}", start, end


def _increasing(g: dict) -> bool:
    """A day range within one month ends on a later day ("May 3-5", not "May 5-3")."""
    same_month = not (g.get("m1") and g.get("m2")) or _month_number(g["m1"]) == _month_number(
        g["m2"])
    return not same_month or int(g["d2"]) > int(g["d1"])


def _bare(pattern: str) -> str:
    """``pattern`` with its named groups made plain, to be embedded in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _build() -> list[Rule]:
    w = words()
    months = rf"(?:{_alt(w['month'])})(?![a-z])|(?:{_alt(w['month_abbr'])})\.?"
    month = rf"(?P<month>{months})"
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    wd = rf"(?P<wd>{_alt(w['weekday'])})"
    num = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{_alt(w['number'])}))"
    unit = r"(?P<unit>(?i:minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?)"
    hour_word = _alt([k for k, v in w["number"].items() if v.isdigit() and 1 <= int(v) <= 12
                      and k not in ("a", "an")])
    approx = rf"(?:(?P<approx>(?i:{_alt(w['approx'])}))\s+)?"
    mod = r"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
    to = r"\s*(?:[-–—]|\s(?i:to|until|till|through|thru|and)\s)\s*"
    prep = r"(?:(?P<prep>(?i:from|between))\s+)?"
    part = r"(?P<part>(?i:morning|afternoon|evening|night))"
    ctx = lambda *keys: (lambda g: not any(g.get(k) for k in keys))  # noqa: E731
    iso = (r"(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>1[0-2]|0?[1-9])(?P<sep2>[-/.])"
           r"(?P<d>3[01]|[12]\d|0?[1-9])")
    numeric = (r"(?P<a>3[01]|[12]\d|0?[1-9])(?P<sep>[/.-])(?P<b>3[01]|[12]\d|0?[1-9])"
               r"(?P<sep2>[/.-])(?P<y>(?:1[89]|20)\d\d)")
    md = (rf"(?:(?P<rel>(?i:last|next|this\s+coming|coming|past))\s+)?{month}\s+{day}"
          rf"(?:,?\s+{year})?")
    dm = (r"(?i:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:(?:st|nd|rd|th)\s*|\s+)(?i:of\s+)?"
          rf"{month}(?:,?\s+{year})?")
    date = "|".join(_bare(p) for p in (md, dm, numeric, iso))
    weekday_rel = rf"(?:(?P<rel>(?i:last|next|this\s+coming|this|coming|past))\s+)?{wd}"
    full_day = rf"(?:{_bare(wd)},?\s+)?(?:{date})"
    clocks = [
        rf"{approx}(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[aApP])\.?[mM]\.?"
        r"(?:\s+(?:GMT|UTC|(?i:local\s+time)))?",
        rf"{approx}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?i:hours|hrs|h)"
        r"(?:\s+(?:GMT|UTC|(?i:local\s+time)))?(?!\s+(?i:of|a|per|each|every)\b)",
        rf"{approx}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<sfx>(?i:hours|hrs|h|GMT|UTC|"
        r"local\s+time)))?",
        rf"{approx}(?P<h>1[0-2]|0?[1-9]|(?i:{hour_word}))(?:\s+o['’]clock)?\s+(?i:in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))",
        rf"{approx}(?P<noon>(?i:noon|midday|midnight))",
    ]
    clock_any = "|".join(f"(?:{_bare(c)})" for c in clocks)
    day_any = "|".join(f"(?:{_bare(p)})" for p in (
        full_day, weekday_rel, r"(?i:today|yesterday|tomorrow)"))
    rename = lambda p, n: re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>{n}>", p)  # noqa: E731
    count = rf"{_bare(num)}[\s-]+{_bare(unit)}"
    spec = [
        ("iso_date", iso, iso_date, "none", None),
        ("numeric_date", numeric, numeric_date, "none", None),
        ("weekday_date", rf"(?P<wdx>{_alt(w['weekday'])})(?:\s+{part})?(?:,?\s+(?P<date>"
                         rf"(?:{date}))|\s*\((?P<date2>(?:{date}))\))", weekday_date, "dct", None),
        ("clock_day", rf"(?P<clock>{clock_any})\s*,?\s+(?:(?i:on)\s+)?(?P<day>{day_any})",
         clock_day, "dct", None),
        ("day_clock", rf"(?P<day>{day_any}),?\s+(?:(?i:at|by|around|from)\s+)?(?P<clock>"
                      rf"{clock_any})", clock_day, "dct", None),
        ("day_part", rf"(?P<day>{weekday_rel})\s+{part}", day_part, "dct", None),
        ("day_range", rf"{prep}(?P<m1>{months})\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                      rf"(?:,?\s+(?P<y1>(?:1[89]|20)\d\d))?(?P<to>{to})(?:(?P<m2>{months})\s+)?"
                      r"(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+"
                      r"(?P<y2>(?:1[89]|20)\d\d))?", day_range, "dct", None),
        ("day_month_range", rf"{prep}(?i:the\s+)?(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                            rf"(?:\s+(?:of\s+)?(?P<m1>{months}))?(?:,?\s+(?P<y1>(?:1[89]|20)"
                            rf"\d\d))?(?P<to>{to})(?i:the\s+)?(?P<d2>3[01]|[12]\d|0?[1-9])"
                            rf"(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m2>{months})(?:,?\s+"
                            r"(?P<y2>(?:1[89]|20)\d\d))?", day_range, "dct", None),
        ("date_range", rf"(?P<first>{full_day}){to}(?P<second>{full_day})", date_range, "dct",
         None),
        ("month_range", rf"{prep}(?P<m1>{months})(?:\s+(?P<y1>(?:1[89]|20)\d\d))?(?P<to>{to})"
                        rf"(?P<m2>{months})(?:,?\s+(?P<y2>(?:1[89]|20)\d\d))?", month_range,
         "dct", None),
        ("year_range", rf"{prep}(?P<y1>(?:1[89]|20)\d\d)(?P<to>{to})(?P<y2>(?:1[89]|20)\d\d|\d\d)",
         year_range, "none", ctx("prep")),
        ("weekday_range", rf"{prep}{rename(wd, 1)}(?P<to>{to}){rename(wd, 2)}", weekday_range,
         "dct", None),
        ("month_day", md, month_day, "dct", None),
        ("day_month", dm, month_day, "dct", None),
        ("month", rf"(?:(?P<mod>(?i:early|mid|late|the\s+(?:beginning|middle|end)\s+of))[\s-]+"
                  rf"|(?P<rel>(?i:last|next|this(?:\s+coming)?|coming))\s+)?{month}"
                  rf"(?:,?\s+{year}|\s+(?i:of\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year))?",
         month_only, "dct", ctx("mod", "rel", "y", "yrel")),
        ("year_part", rf"(?P<mod>{mod})[\s-]+{year}", year_part, "none", None),
        ("year", year, year_only, "none", ctx()),
        ("decade", rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"
                   r"(?:(?P<dec>(?:1[89]|20)\d)0|(?P<ap>['’])?(?P<dd>\d)0)['’]?s", decade,
         "dct", None),
        ("weekday", weekday_rel, weekday, "dct", None),
        ("day_word", r"(?i:(?:(?P<mod>earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)"
                     r"|(?P<which>this|yesterday|tomorrow|last)\s+(?P<part>morning|afternoon|"
                     r"evening|night))", day_word, "dct", None),
        ("same_day", r"(?i:(?:(?:later|earlier)\s+(?:that|in\s+the|on\s+the\s+same)|the\s+same)\s+"
                     r"(?P<part>day|morning|afternoon|evening|night))", same_day, "anchor", None),
        ("this_period", r"(?i:(?:(?P<mod>earlier|later|early|late|(?:the\s+)?(?:end|beginning|"
                        r"start|middle)\s+of)\s+)?(?P<rel>this|last|next|the\s+current|the)\s+"
                        r"(?P<unit>week|month|year))", this_period, "dct", None),
        ("weekend", r"(?i:(?P<rel>this|last|next|past|the\s+coming|the\s+past|the)\s+weekend)",
         weekend, "dct", None),
        ("quarter_rel", r"(?i:(?P<rel>this|last|next|previous|the\s+current|the\s+coming|"
                        r"the\s+previous|the\s+next)\s+quarter)", quarter, "dct", None),
        ("quarter", rf"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last)\s+quarter"
                    rf"(?:\s+of\s+(?:{year}|(?P<yrel>this|next|last|the)\s+year))?)"
                    r"|Q(?P<q>[1-4])\s+(?P<yq>(?:1[89]|20)\d\d)", quarter, "dct", None),
        ("season", rf"(?:(?P<rel>(?i:this|last|next|past|the\s+coming|the\s+past))\s+|(?i:the)\s+)?"
                   rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?{year})?",
         season, "dct", ctx("rel", "y")),
        ("plural_ref", rf"(?i:(?:the\s+)?(?P<which>{_alt(w['ref_plural'])})\s+"
                       r"(?P<unit>minutes|hours|days|weeks|months|years|decades))",
         plural_ref, "dct", None),
        ("ref_word", rf"(?i:(?P<ref>{_alt(w['ref'])}))", ref_word, "dct", None),
        ("ref_phrase", rf"(?i:(?P<refp>{_alt(w['ref_phrase'])}))", ref_word, "dct", ctx()),
        ("ago", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>ago))", shifted, "dct", None),
        ("anchored", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>earlier|later))", shifted, "anchor", None),
        ("anchored_the", r"(?i:the\s+(?:(?P<dir>next|following|previous|preceding)\s+"
                         r"(?P<unit>day|week|month|year)|(?P<unit2>day|week|month|year)\s+"
                         r"(?P<dir2>before|after)))", shifted, "anchor", None),
        ("minutes_to", rf"(?P<num>(?i:a\s+few|several|some)|\d{{1,2}}|(?i:{_alt(w['number'])}))\s+"
                       rf"(?i:minutes?)\s+(?P<dir>(?i:to|before|past|after))\s+(?P<clock>"
                       rf"{clock_any})", minutes_to, "anchor", None),
        *[("clock", c, clock, "anchor", ctx("sfx") if "sfx" in c else None) for c in clocks],
        ("duration_and", rf"{approx}(?P<first>{count})(?:,\s*|,?\s+(?i:and)\s+)(?P<second>{count})",
         duration_and, "none", None),
        ("duration", rf"(?:(?P<the>(?i:the\s+(?:past|last|next|first)))\s+|{approx})"
                     rf"(?:{num}[\s-]+)?{unit}(?:-long)?|(?P<all>(?i:all))[\s-]+(?i:day)"
                     r"(?:[\s-]long)?", duration, "none", None),
        ("vague_duration", r"(?:(?<=\b[Ff]or\s)|(?<=\b[Aa]fter\s)|(?<=\b[Ff]or\smany\s)|"
                           r"(?<=\b[Ww]ithin\s))(?P<unit>minutes|hours|days|weeks|months|years|"
                           r"decades)|(?P<unit2>Minutes|Hours|Days|Weeks|Months|Years)(?=\s+"
                           r"(?:after|later|before|earlier)\b)", vague_duration, "none", None),
        ("set_every", rf"(?i:every|each)\s+(?:{wd}|{unit})", set_expr, "none", None),
        ("set_weekdays", rf"{wd}s", set_expr, "none", ctx()),
        ("set_adverb", r"(?P<adv>daily|weekly|monthly|annually|yearly)", set_expr, "none", None),
        ("set_once", r"(?i:once\s+a\s+(?P<unit>day|week|month|year))", set_expr, "none", None),
    ]
    same_sep = lambda g: g.get("sep") == g.get("sep2")  # noqa: E731
    coordinated = lambda g: "and" not in (g.get("to") or "").lower() or bool(  # noqa: E731
        g.get("prep") and g["prep"].lower() == "between")
    checks = {
        "duration": lambda g: bool(g.get("num") or g.get("the") or g.get("all")),
        "iso_date": same_sep, "numeric_date": lambda g: same_sep(g) and bool(_readings(g)),
        "day_range": lambda g: coordinated(g) and _increasing(g),
        "day_month_range": lambda g: coordinated(g) and _increasing(g),
        "month_range": coordinated,
        "weekday_range": coordinated,
        "year_range": lambda g: coordinated(g) and int(g["y2"][-2:]) != int(g["y1"][-2:]) and (
            len(g["y2"]) == 2 and int(g["y2"]) > int(g["y1"][-2:]) or int(g["y2"]) > int(g["y1"])),
        "decade": lambda g: bool(g.get("dec") or g.get("ap") or g.get("the")),
        "season": lambda g: g["season"].lower() != "fall" or bool(g.get("rel") or g.get("y")),
        "this_period": lambda g: g["rel"].lower() != "the" or bool(g.get("mod")),
    }
    # never part of a longer number: "5 hours" is not read out of "2.5 hours", nor "000 years"
    # out of "2,000 years"
    return [Rule(name, re.compile(rf"(?<![\w-])(?<!\d[.,])(?:{pattern})(?![\w])(?![.,]\d)"),
                 handler, relative,
                 needs or (lambda g: False), checks.get(name, lambda g: True))
            for name, pattern, handler, relative, needs in spec]


RULES: list[Rule] = _build()
CONTEXT = re.compile(rf"(?i:(?:\b(?:{_alt(words()['context_prep'])})|['’]s)\s+)$")
