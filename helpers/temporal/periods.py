"""Calendar arithmetic for temporal normalisation: weeks with a settable first day, periods, years.

Weeks start on the outlet's ``week_start`` (ISO Monday by default). A TIMEX3
week value is always an ISO week number, so a week that starts on another day
is written as the ISO week holding its middle (fourth) day, which for Monday
weeks is the ISO rule itself (the week's Thursday). The value names the week;
the exact days are in the interval.

>>> week_bounds(dt.date(2025, 9, 7), week_start="saturday")
(datetime.date(2025, 9, 6), datetime.date(2025, 9, 12))
>>> week_value(dt.date(2025, 9, 7), week_start="saturday")
'2025-W37'
"""
from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from helpers.files.articles import WEEKDAYS

Interval = tuple[dt.date, dt.date]
#: dateutil's weekdays, Monday first (``WEEKDAY[0](-1)``: the last Monday on or before a day).
WEEKDAY = (MO, TU, WE, TH, FR, SA, SU)
#: The relativedelta argument of each unit.
_STEP = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}


def week_start_index(week_start: str) -> int:
    """Monday = 0 ... Sunday = 6 for a weekday name, or raise ValueError naming it.

    >>> week_start_index("Saturday")
    5
    """
    name = (week_start or "").strip().lower()
    if name not in WEEKDAYS:
        raise ValueError(f"week_start must be a weekday name such as 'monday', got {week_start!r}")
    return WEEKDAYS.index(name)


def week_bounds(day: dt.date, *, week_start: str = "monday") -> Interval:
    """First and last day of the week (by ``week_start``) that holds ``day``."""
    first = day + relativedelta(weekday=WEEKDAY[week_start_index(week_start)](-1))
    return first, first + relativedelta(days=6)


def week_value(day: dt.date, *, week_start: str = "monday") -> str:
    """TIMEX3 week value (``YYYY-Www``) of the week holding ``day``: the ISO week of its 4th day."""
    middle = week_bounds(day, week_start=week_start)[0] + relativedelta(days=3)
    year, week, _ = middle.isocalendar()
    return f"{year}-W{week:02d}"


def month_bounds(year: int, month: int) -> Interval:
    """First and last day of a month.

    >>> month_bounds(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    first = dt.date(year, month, 1)
    return first, first + relativedelta(day=31)


def period(day: dt.date, unit: str, *, week_start: str = "monday") -> tuple[str, dt.date, dt.date]:
    """TIMEX3 value and bounds of the day/week/month/year (``unit`` D, W, M, Y) holding ``day``.

    >>> period(dt.date(2024, 12, 30), "W")[0]
    '2025-W01'
    """
    if unit == "D":
        return day.isoformat(), day, day
    if unit == "W":
        first, last = week_bounds(day, week_start=week_start)
        return week_value(day, week_start=week_start), first, last
    if unit == "M":
        first, last = month_bounds(day.year, day.month)
        return f"{day.year:04d}-{day.month:02d}", first, last
    if unit == "Y":
        return f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    raise ValueError(f"unit must be one of D, W, M, Y, got {unit!r}")


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` days/weeks/months/years (the day clamped to the month's end).

    >>> shift(dt.date(2025, 3, 31), -1, "M")
    datetime.date(2025, 2, 28)
    """
    if unit not in _STEP:
        raise ValueError(f"unit must be one of D, W, M, Y, got {unit!r}")
    return day + relativedelta(**{_STEP[unit]: amount})


def occurrence(month: int, day: int | None, ref: dt.date, *, tense: str | None) -> dt.date:
    """The year-resolved date of a month (and day) named without a year.

    ``tense`` 'past' takes the latest occurrence on or before ``ref``, 'future'
    the first on or after it, anything else the nearest (ties go to the past).
    Without a day, the month's first day stands for the month, and the month of
    ``ref`` itself counts as both past and future.

    >>> occurrence(11, 11, dt.date(2025, 9, 7), tense="past")
    datetime.date(2024, 11, 11)
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        first, last = month_bounds(year, month)
        if day is None:
            candidates.append(first)
        elif day <= last.day:
            candidates.append(first.replace(day=day))
    pivot = ref.replace(day=1) if day is None else ref
    past = [c for c in candidates if c <= pivot]
    future = [c for c in candidates if c >= pivot]
    if tense == "past" and past:
        return past[-1]
    if tense == "future" and future:
        return future[0]
    return min(candidates, key=lambda c: (abs((c - pivot).days), c > pivot))


def weekday_date(weekday: int, ref: dt.date, *, relation: str, tense: str | None,
                 week_start: str = "monday") -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) relative to ``ref``.

    ``relation``: 'last' is the latest such day before ``ref``; 'next' is that
    day in the following week (by ``week_start``); 'this' that day in the
    current week; 'coming' the first such day after ``ref``; '' (a bare name)
    is ``ref`` itself on its own weekday, else the previous one for past or
    unknown tense and the following one for future tense.

    >>> weekday_date(2, dt.date(2026, 2, 9), relation="next", tense=None)
    datetime.date(2026, 2, 17)
    """
    named = WEEKDAY[weekday - 1]
    if relation == "last":
        return ref + relativedelta(days=-1, weekday=named(-1))
    if relation == "coming":
        return ref + relativedelta(days=1, weekday=named(+1))
    if relation in ("this", "next"):
        first = week_bounds(ref, week_start=week_start)[0]
        return first + relativedelta(weeks=1 if relation == "next" else 0, weekday=named(+1))
    return ref + relativedelta(weekday=named(+1 if tense == "future" else -1))
