"""Rule handlers for expressions made of parts or of numbers: numeric dates in the outlet's
order, a weekday with its date, clock times (alone, with their day, minutes to them), parts of
a named day, ranges of days, months, years and weekdays, and compound durations.

A handler of a longer expression normalises each part with ``cx.match`` (the rules'
matcher, :func:`helpers.temporal.rules.match`) and the part's own handler. A range that
ends before it starts, or parts that are not days, raise ValueError.

>>> numeric_date({"a": "30", "b": "1", "y": "2024"}, None, None, Ctx())[1]
'2024-01-30'
"""
from __future__ import annotations

import datetime as dt
import re

from helpers.temporal import periods as cal
from helpers.temporal.handlers import approx_mod
from helpers.temporal.lexicon import Ctx, Result, full, month_number, month_of, number_of, words


def numeric_readings(g: dict) -> dict[str, dt.date]:
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
    readings = numeric_readings(g)
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



def duration_and(g, ref, tense, cx) -> Result:
    """ "two years and seven months": one duration, ``P2Y7M``; "4 hours and 40 minutes" ``PT4H40M``."""
    values = [_part(g[k], ref, tense, cx)[1][1] for k in ("first", "second")]
    dates = "".join(re.sub(r"^P|T.*$", "", v) for v in values)
    times = "".join(v.split("T", 1)[1] for v in values if "T" in v)
    if re.search(r"[A-Z]{2}", dates):      # decades, centuries: no combined TIMEX3 value
        raise ValueError(f"cannot combine {values} into one duration")
    return "DURATION", "P" + dates + (f"T{times}" if times else ""), None, None, approx_mod(g)



def _clock(hour: int, minute: int, ref: dt.date | None, mod: str = "") -> Result:
    day = ref.isoformat() if ref else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02d}:{minute:02d}", ref, ref, mod



def clock(g, ref, tense, cx) -> Result:
    """ "3 p.m.", "1500 hours", "15:00 GMT", "7 in the evening", "noon": on the day last
    mentioned (``ref``, the anchor), else on no day ('XXXX-XX-XX'); no day is invented."""
    if g.get("noon"):
        return _clock({"noon": 12, "midday": 12, "midnight": 24}[g["noon"].lower()], 0, ref,
                      approx_mod(g))
    hour = int(number_of(g["h"]))
    if g.get("ap"):
        hour = hour % 12 + (12 if g["ap"].lower() == "p" else 0)
    part = (g.get("part") or g.get("night") or "").lower()
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif part == "morning":
        hour %= 12
    return _clock(hour, int(g.get("mi") or 0), ref, approx_mod(g))



def minutes_to(g, ref, tense, cx) -> Result:
    """ "ten minutes to 3 p.m.", "a few minutes past noon": the clock time moved by the minutes
    (an unsaid number of them leaves the clock as it is, with mod APPROX)."""
    kind, value, first, last, _, _ = full(clock_result(g["clock"], ref, tense, cx))
    amount = number_of(g["num"])
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



def _part(text: str, ref, tense, cx) -> tuple[str, tuple]:
    rule, groups = cx.match(text)
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



DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")



def weekday_date(g, ref, tense, cx) -> Result:
    """ "Thursday, March 13, 2025": one day; a date without a year takes one whose weekday
    agrees, and a weekday that disagrees with the date is said in the note."""
    want = int(words()["weekday"][g["wdx"]])
    rule, parts = cx.match(g.get("date") or g["date2"])
    kind, value, first, last, mod, note = full(_weekday_date(want, rule, parts, ref, tense, cx))
    if DAY_VALUE.fullmatch(value) and dt.date.fromisoformat(value).isoweekday() != want:
        actual = cal.WEEKDAYS[dt.date.fromisoformat(value).weekday()].capitalize()
        note = "; ".join(filter(None, [note, f"the text says {g['wdx']}, but {value} is a "
                                             f"{actual}"]))
    if g.get("part"):
        kind, value = "TIME", f"{value}T{words()['daypart'][g['part'].lower()]}"
    return kind, value, first, last, mod, note



def _weekday_date(want: int, rule, parts: dict, ref, tense, cx) -> Result:
    if rule.name == "numeric_date":
        fits = [o for o, d in numeric_readings(parts).items() if d.isoweekday() == want]
        if len(fits) == 1:
            cx = cx._replace(date_order=fits[0])
    elif rule.name in ("month_day", "day_month") and not parts.get("y") and ref is not None:
        month, day = month_of(parts), int(parts["d"])
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
    m1 = month_number(g.get("m1") or g["m2"])
    m2 = month_number(g.get("m2") or g["m1"])
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
    m1, m2 = month_number(g["m1"]), month_number(g["m2"])
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



def increasing(g: dict) -> bool:
    """A day range within one month ends on a later day ("May 3-5", not "May 5-3")."""
    same_month = not (g.get("m1") and g.get("m2")) or month_number(g["m1"]) == month_number(
        g["m2"])
    return not same_month or int(g["d2"]) > int(g["d1"])
