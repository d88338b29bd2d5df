"""Rule handlers for single expressions: calendar dates, months, years, decades, weekdays, days,
periods relative to the DCT (weeks, weekends, quarters, seasons), vague references, durations
and repetitions.

Each handler takes the rule's groups, the reference day (the DCT, or the time last
mentioned; None when unknown), the tense and the :class:`~helpers.temporal.lexicon.Ctx`,
and returns a TIMEX3 type, value and interval, optionally a ``mod`` and a note
(:func:`helpers.temporal.lexicon.full`). A day that does not exist raises ValueError.

>>> decade({"dec": "199", "mod": "early"}, None, None, Ctx())
('DATE', '199', datetime.date(1990, 1, 1), datetime.date(1993, 12, 31), 'START')
"""
from __future__ import annotations

import datetime as dt
import re

from helpers.temporal import periods as cal
from helpers.temporal.lexicon import (Ctx, Result, day_result, month_of, number_of, plain, unit_of,
                           unresolved, words)


def iso_date(g, ref, tense, cx) -> Result:
    return day_result(int(g["y"]), int(g["mo"]), int(g["d"]))



def month_day(g, ref, tense, cx) -> Result:
    """ "Nov. 11", "the 11th of November", "last April 16": a year from the DCT and the tense
    (or the word before: "last" looks back, "next" ahead) unless the text gives one."""
    month, day = month_of(g), int(g["d"])
    if g.get("y"):
        return day_result(int(g["y"]), month, day)
    if ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None, None
    rel = plain(g.get("rel"))
    tense = "past" if rel in ("last", "past") else "future" if rel else tense
    found = cal.occurrence(month, day, ref, tense=tense)
    return "DATE", found.isoformat(), found, found



THIRDS = {"early": (1, 10), "beginning of": (1, 10), "mid": (11, 20), "middle of": (11, 20),
          "late": (21, 31), "end of": (21, 31)}



#: TIMEX3 ``mod`` of the words that pick a part of a period.
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID",
        "middle of": "MID", "late": "END", "end of": "END"}



def month_only(g, ref, tense, cx) -> Result:
    month, rel = month_of(g), (g.get("rel") or "").lower().split()
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
    mod = plain(g.get("mod"))
    if mod:
        low, high = THIRDS[mod]
        first, last = first.replace(day=low), last.replace(day=min(high, last.day))
    return "DATE", f"{year:04d}-{month:02d}", first, last, MODS.get(mod, "")



def year_only(g, ref, tense, cx) -> Result:
    year = int(g["y"])
    return "DATE", f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31)



def decade(g, ref, tense, cx) -> Result:
    """ "the 1990s", "the '90s", "the early 2000s": value ``199``, the part of it as interval."""
    if g.get("dec"):
        start = int(g["dec"]) * 10
    else:
        start = 1900 + int(g["dd"]) * 10
        if ref is not None and start + 100 <= ref.year:
            start += 100
    mod = MODS.get(plain(g.get("mod")), "")
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
    unit = unit_of(g.get("unit") or g["unit2"])
    amount = number_of(g.get("num"))
    direction = (g.get("dir") or g.get("dir2") or "ago").lower()
    sign = -1 if direction in ("ago", "earlier", "previous", "preceding", "before") else 1
    if not amount.isdigit():
        return ref_bounds("PAST_REF" if sign < 0 else "FUTURE_REF", ref)
    if unit not in ("D", "W", "M", "Y"):
        raise ValueError(f"cannot place {g.get('num')} {unit} on the calendar by day")
    if ref is None:
        return "DATE", unresolved(unit), None, None
    value, first, last = cal.period(cal.shift(ref, sign * int(amount), unit), unit,
                                    week_start=cx.week_start)
    return "DATE", value, first, last



def period_value(amount: str, unit: str) -> str:
    """``P3D``, ``PT48H``, ``P2W`` for a fortnight: the TIMEX3 duration of ``amount`` units."""
    if unit[0].isdigit():
        amount, unit = (str(int(amount) * int(unit[0])) if amount.isdigit() else "X"), unit[1:]
    return f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"



def approx_mod(g: dict) -> str:
    """The TIMEX3 mod of "around", "nearly", "over" ... ('' when none)."""
    return words()["approx"][plain(g["approx"])] if g.get("approx") else ""



def duration(g, ref, tense, cx) -> Result:
    if g.get("all"):
        return "DURATION", "P1D", None, None     # "an all-day meeting"
    value = period_value(number_of(g.get("num")), unit_of(g["unit"]))
    return "DURATION", value, None, None, approx_mod(g)



def vague_duration(g, ref, tense, cx) -> Result:
    """ "for years", "Hours after ...": a duration of an unsaid number of units (``PXY``)."""
    return "DURATION", period_value("X", unit_of(g.get("unit") or g["unit2"])), None, None



def set_expr(g, ref, tense, cx) -> Result:
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{words()['weekday'][g['wd']]}", None, None
    if g.get("adv"):
        return "SET", words()["set_adverb"][g["adv"].lower()], None, None
    return "SET", period_value("1", unit_of(g["unit"])), None, None
