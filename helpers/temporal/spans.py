"""Rule handlers for periods of the calendar: this, last or next week, month or year and
their parts ("the end of the year", "early 2024"), weekends, quarters and seasons.

Handlers as in :mod:`helpers.temporal.handlers`: groups, reference day, tense and context
in; TIMEX3 type, value, interval and ``mod`` out.

>>> quarter({"rel": "next"}, dt.date(2025, 9, 10), None, Ctx())
('DATE', '2025-Q4', datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
"""
from __future__ import annotations

import datetime as dt

from helpers.temporal import periods as cal
from helpers.temporal.handlers import MODS, THIRDS
from helpers.temporal.lexicon import Ctx, Result, plain, unit_of, unresolved


#: The part of a year each modifier names (``helpers.temporal.periods.YEAR_PARTS``).
YEAR_PART_OF = {"early": "START", "mid": "MID", "late": "END", "beginning of": "FIRST",
                "start of": "FIRST", "middle of": "MIDDLE", "end of": "LAST"}



def year_part(g, ref, tense, cx) -> Result:
    """ "the end of 2025" is 2025 with the last month as interval; "early 2025" January-April."""
    mod = plain(g["mod"])
    first, last = cal.year_part(int(g["y"]), YEAR_PART_OF[mod])
    return "DATE", g["y"], first, last, MODS[mod]



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
    unit, rel = unit_of(g["unit"]), g["rel"].lower().split()[-1]
    if ref is None:
        return "DATE", unresolved(unit), None, None
    step = {"last": -1, "next": 1}.get(rel, 0)
    value, first, last = cal.period(cal.shift(ref, step, unit), unit, week_start=cx.week_start)
    mod = plain(g.get("mod"))
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
    relation = {"the": "", "coming": "this", "past": "last"}.get(plain(g.get("rel")),
                                                                 plain(g.get("rel")))
    saturday, sunday = cal.weekend(ref, relation, tense=tense)
    year, week, _ = saturday.isocalendar()
    return "DATE", f"{year}-W{week:02d}-WE", saturday, sunday



ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}



def quarter(g, ref, tense, cx) -> Result:
    """ "next quarter", "the third quarter of 2025", "Q1 2026": value ``2025-Q4``."""
    if g.get("rel"):
        if ref is None:
            return "DATE", "XXXX-QX", None, None
        step = {"last": -1, "previous": -1, "next": 1}.get(plain(g["rel"]), 0)
        day = cal.shift(ref, 3 * step, "M")
        year, number = day.year, (day.month - 1) // 3 + 1
    else:
        number = int(g.get("q") or 0) or ORDINAL[g["ord"].lower()]
        if g.get("y") or g.get("yq"):
            year = int(g.get("y") or g["yq"])
        elif ref is None:
            return "DATE", f"XXXX-Q{number}", None, None
        else:
            year = ref.year + {"last": -1, "next": 1}.get(plain(g.get("yrel")), 0)
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
        rel = plain(g.get("rel"))
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
