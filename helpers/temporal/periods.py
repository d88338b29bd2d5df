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


#: Months of each meteorological season of the northern hemisphere (winter runs into the next year).
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season_bounds(year: int, season: str) -> Interval:
    """First and last day of a season (``SP``, ``SU``, ``FA``, ``WI``) of ``year``.

    Winter ``year`` runs from December of ``year`` to the end of February after it.

    >>> season_bounds(2025, "WI")
    (datetime.date(2025, 12, 1), datetime.date(2026, 2, 28))
    """
    first, last = SEASONS[season]
    return month_bounds(year, first)[0], month_bounds(year + (last < first), last)[1]


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season) holding ``day``; January and February belong to the previous year's winter.

    >>> season_of(dt.date(2026, 1, 15))
    (2025, 'WI')
    """
    for name, (first, last) in SEASONS.items():
        if first <= day.month <= last:
            return day.year, name
    return day.year - (day.month <= 2), "WI"


def shift_season(year: int, season: str, steps: int) -> tuple[int, str]:
    """The season ``steps`` seasons after (negative: before) ``season`` of ``year``.

    >>> shift_season(2025, "WI", 1)
    (2026, 'SP')
    """
    names = list(SEASONS)
    index = year * 4 + names.index(season) + steps
    return index // 4, names[index % 4]


def quarter_bounds(year: int, quarter: int) -> Interval:
    """First and last day of calendar quarter ``quarter`` (1-4) of ``year``.

    >>> quarter_bounds(2025, 4)
    (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
    """
    if not 1 <= quarter <= 4:
        raise ValueError(f"a quarter is 1 to 4, got {quarter!r}")
    return month_bounds(year, 3 * quarter - 2)[0], month_bounds(year, 3 * quarter)[1]


def weekend(ref: dt.date, relation: str, *, tense: str | None = None) -> Interval:
    """The Saturday and Sunday meant by "this", "last", "next" or "the" weekend, said on ``ref``.

    "this weekend" is the weekend holding ``ref`` or, on a weekday, the coming one;
    "last" the one before that, "next" the one after; "the weekend" (no relation) is
    the latest one on or before ``ref`` in the past tense, the coming one in the
    future tense, and otherwise the nearer one (Monday to Wednesday: the one just past).

    >>> weekend(dt.date(2025, 9, 10), "this")
    (datetime.date(2025, 9, 13), datetime.date(2025, 9, 14))
    """
    saturday = ref + dt.timedelta(days=(5 - ref.weekday()) % 7 - 7 * (ref.weekday() == 6))
    looks_back = tense == "past" or (tense is None and ref.weekday() < 3)
    if relation in ("last", "past") or (relation == "" and looks_back and ref.weekday() < 5):
        saturday -= dt.timedelta(days=7)
    elif relation == "next":
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1)


#: Parts of a decade (years from its start), of a year (months) and of a month (days).
DECADE_PARTS = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}
YEAR_PARTS = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "FIRST": (1, 1), "LAST": (12, 12),
              "MIDDLE": (6, 7)}
MONTH_PARTS = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}


def year_part(year: int, part: str) -> Interval:
    """The months of ``year`` a part names: START (January-April), MID, END, FIRST or LAST month.

    >>> year_part(2025, "LAST")
    (datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
    """
    first, last = YEAR_PARTS[part]
    return month_bounds(year, first)[0], month_bounds(year, last)[1]

