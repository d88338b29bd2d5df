"""Temporal expressions: TIMEX3 normalisation (a table written from the TimeML guidelines) and tagging."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import EXPECTED_DIR, SEEDS_DIR
from helpers.evaluation.timexes import evaluate_timexes, read_reference_timexes
from helpers.files.articles import load_document
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences
from helpers.temporal.tagger import clause_tense, normalize, tag_timexes

D = dt.date.fromisoformat
SEED = "000_a1f3d825a8827267"
SEED_WINDOW = (D("2025-09-06"), D("2025-09-09"))

# expression, DCT, options, type, value, earliest, latest
TABLE = [
    # absolute dates: independent of the DCT
    ("2025-11-11", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("11 November 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("Nov. 11, 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("November 11th, 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("February 29, 2024", None, {}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("2019", None, {}, "DATE", "2019", "2019-01-01", "2019-12-31"),
    ("March 2026", None, {}, "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("the 1990s", None, {}, "DATE", "199", "1990-01-01", "1999-12-31"),
    # a month and day without a year: the year from the DCT and the tense
    ("November 11", "2025-09-07", {"tense": "future"}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("November 11", "2025-09-07", {"tense": "past"}, "DATE", "2024-11-11", "2024-11-11", "2024-11-11"),
    ("November 11", "2025-09-07", {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("the 11th of November", "2025-09-07", {"tense": "future"}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("Dec. 30", "2026-01-02", {}, "DATE", "2025-12-30", "2025-12-30", "2025-12-30"),
    ("Jan. 3", "2025-12-30", {"tense": "future"}, "DATE", "2026-01-03", "2026-01-03", "2026-01-03"),
    ("Jan. 3", "2025-12-30", {"tense": "past"}, "DATE", "2025-01-03", "2025-01-03", "2025-01-03"),
    ("March 4", "2026-03-04", {"tense": "past"}, "DATE", "2026-03-04", "2026-03-04", "2026-03-04"),
    ("Feb. 29", "2025-03-01", {"tense": "past"}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("November 11", None, {}, "DATE", "XXXX-11-11", "", ""),
    # months
    ("March", "2026-02-12", {"tense": "future"}, "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("March", "2026-02-12", {"tense": "past"}, "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    ("last March", "2026-02-12", {}, "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    ("next March", "2026-03-15", {}, "DATE", "2027-03", "2027-03-01", "2027-03-31"),
    ("early March", "2026-02-12", {"tense": "future"}, "DATE", "2026-03", "2026-03-01", "2026-03-10"),
    ("mid-November", "2025-09-07", {}, "DATE", "2025-11", "2025-11-11", "2025-11-20"),
    ("late February", "2024-03-05", {"tense": "past"}, "DATE", "2024-02", "2024-02-21", "2024-02-29"),
    # weekdays, including the DCT's own weekday and "next" said the day before
    ("Tuesday", "2026-03-04", {"tense": "past"}, "DATE", "2026-03-03", "2026-03-03", "2026-03-03"),
    ("Monday", "2026-02-10", {"tense": "past"}, "DATE", "2026-02-09", "2026-02-09", "2026-02-09"),
    ("Sunday", "2025-09-07", {"tense": "past"}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("Sunday", "2025-09-07", {"tense": "future"}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("Friday", "2026-03-04", {"tense": "future"}, "DATE", "2026-03-06", "2026-03-06", "2026-03-06"),
    ("last Tuesday", "2026-03-04", {}, "DATE", "2026-03-03", "2026-03-03", "2026-03-03"),
    ("last Wednesday", "2026-03-04", {}, "DATE", "2026-02-25", "2026-02-25", "2026-02-25"),
    ("next Tuesday", "2026-02-09", {}, "DATE", "2026-02-17", "2026-02-17", "2026-02-17"),
    ("next Tuesday", "2026-02-08", {}, "DATE", "2026-02-10", "2026-02-10", "2026-02-10"),
    ("this Tuesday", "2026-02-09", {}, "DATE", "2026-02-10", "2026-02-10", "2026-02-10"),
    ("this coming Tuesday", "2026-02-10", {}, "DATE", "2026-02-17", "2026-02-17", "2026-02-17"),
    ("next Sunday", "2025-09-07", {"week_start": "saturday"}, "DATE", "2025-09-14", "2025-09-14", "2025-09-14"),
    ("this Friday", "2025-09-07", {"week_start": "saturday"}, "DATE", "2025-09-12", "2025-09-12", "2025-09-12"),
    ("this Friday", "2025-09-07", {"week_start": "monday"}, "DATE", "2025-09-05", "2025-09-05", "2025-09-05"),
    ("Tuesday", None, {}, "DATE", "XXXX-WXX-2", "", ""),
    ("Thursday", "2025-09-07", {"tense": "past", "window": SEED_WINDOW}, "DATE", "2025-09-04", "2025-09-04", "2025-09-04"),
    ("Sunday", "2025-09-07", {"tense": "past", "window": SEED_WINDOW}, "DATE", "2025-09-07", "2025-08-31", "2025-09-07"),
    # today, yesterday, tomorrow, parts of the day
    ("today", "2025-09-07", {}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("yesterday", "2025-01-01", {}, "DATE", "2024-12-31", "2024-12-31", "2024-12-31"),
    ("tomorrow", "2024-02-28", {}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("tonight", "2025-09-07", {}, "TIME", "2025-09-07TNI", "2025-09-07", "2025-09-07"),
    ("yesterday morning", "2026-03-01", {}, "TIME", "2026-02-28TMO", "2026-02-28", "2026-02-28"),
    ("today", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "2025-09-07", "2025-09-06", "2025-09-09"),
    ("yesterday", None, {}, "DATE", "XXXX-XX-XX", "", ""),
    # this/last/next week, month, year; week boundaries and year boundaries
    ("this week", "2025-09-07", {"week_start": "saturday", "window": SEED_WINDOW}, "DATE", "2025-W37", "2025-09-06", "2025-09-12"),
    ("this week", "2025-09-07", {}, "DATE", "2025-W36", "2025-09-01", "2025-09-07"),
    ("this week", "2024-12-30", {}, "DATE", "2025-W01", "2024-12-30", "2025-01-05"),
    ("last week", "2025-01-02", {}, "DATE", "2024-W52", "2024-12-23", "2024-12-29"),
    ("next week", "2026-02-10", {}, "DATE", "2026-W08", "2026-02-16", "2026-02-22"),
    ("next week", "2025-09-05", {"week_start": "saturday"}, "DATE", "2025-W37", "2025-09-06", "2025-09-12"),
    ("last week", "2021-01-06", {}, "DATE", "2020-W53", "2020-12-28", "2021-01-03"),
    ("earlier this week", "2025-09-07", {"week_start": "saturday", "window": SEED_WINDOW}, "DATE", "2025-W37", "2025-09-06", "2025-09-09"),
    ("later this week", "2026-03-04", {}, "DATE", "2026-W10", "2026-03-04", "2026-03-08"),
    ("this month", "2025-09-07", {}, "DATE", "2025-09", "2025-09-01", "2025-09-30"),
    ("next month", "2025-12-15", {}, "DATE", "2026-01", "2026-01-01", "2026-01-31"),
    ("last month", "2025-01-10", {}, "DATE", "2024-12", "2024-12-01", "2024-12-31"),
    ("later this month", "2026-03-04", {}, "DATE", "2026-03", "2026-03-04", "2026-03-31"),
    ("earlier this year", "2025-09-07", {}, "DATE", "2025", "2025-01-01", "2025-09-07"),
    ("last year", "2025-11-13", {"window": (D("2025-11-12"), D("2025-11-14"))}, "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("next year", "2025-12-31", {"window": (D("2025-12-30"), D("2026-01-02"))}, "DATE", "2026", "2026-01-01", "2027-12-31"),
    ("this week", "2023-03-05", {"window": (D("2023-03-04"), D("2023-03-06"))}, "DATE", "2023-W09", "2023-02-27", "2023-03-12"),
    # past, present and future references
    ("soon", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "FUTURE_REF", "2025-09-06", ""),
    ("recently", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "PAST_REF", "", "2025-09-09"),
    ("now", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "PRESENT_REF", "2025-09-06", "2025-09-09"),
    ("the coming weeks", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "FUTURE_REF", "2025-09-06", ""),
    ("recent weeks", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("the past few days", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("the near future", "2025-09-07", {}, "DATE", "FUTURE_REF", "2025-09-07", ""),
    ("soon", None, {}, "DATE", "FUTURE_REF", "", ""),
    # durations: no interval of their own
    ("three-day", "2025-09-07", {}, "DURATION", "P3D", "", ""),
    ("48 hours", None, {}, "DURATION", "PT48H", "", ""),
    ("two weeks", None, {}, "DURATION", "P2W", "", ""),
    ("two-hour", None, {}, "DURATION", "PT2H", "", ""),
    ("a fortnight", None, {}, "DURATION", "P2W", "", ""),
    ("several days", None, {}, "DURATION", "PXD", "", ""),
    ("the past two weeks", "2025-09-07", {}, "DURATION", "P2W", "", ""),
    ("30 minutes", None, {}, "DURATION", "PT30M", "", ""),
    ("a decade", None, {}, "DURATION", "P1DE", "", ""),
    ("10-year", None, {}, "DURATION", "P10Y", "", ""),
    ("1,000 years", None, {}, "DURATION", "P1000Y", "", ""),
    ("2.5 hours", None, {}, "DURATION", "PT2.5H", "", ""),
    # "ago" counts from the DCT, "later"/"earlier" from the time last mentioned
    ("three days ago", "2025-01-02", {}, "DATE", "2024-12-30", "2024-12-30", "2024-12-30"),
    ("two weeks ago", "2025-09-07", {}, "DATE", "2025-W34", "2025-08-18", "2025-08-24"),
    ("a year ago", "2025-09-07", {}, "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("a few days ago", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("10,000 days ago", "2025-11-14", {}, "DATE", "1998-06-29", "1998-06-29", "1998-06-29"),
    ("1.5 years ago", "2025-11-14", {}, "DATE", "PAST_REF", "", "2025-11-14"),
    ("a day earlier", "2025-09-07", {"anchor": D("2025-03-01")}, "DATE", "2025-02-28", "2025-02-28", "2025-02-28"),
    ("two days later", None, {"anchor": D("2024-12-30")}, "DATE", "2025-01-01", "2025-01-01", "2025-01-01"),
    ("the next day", "2026-01-05", {"anchor": D("2025-12-31")}, "DATE", "2026-01-01", "2026-01-01", "2026-01-01"),
    ("a day earlier", "2025-09-07", {}, "DATE", "XXXX-XX-XX", "", ""),
    ("a month later", None, {"anchor": D("2025-01-31")}, "DATE", "2025-02", "2025-02-01", "2025-02-28"),
    # sets
    ("every Friday", None, {}, "SET", "XXXX-WXX-5", "", ""),
    ("daily", None, {}, "SET", "P1D", "", ""),
    ("every week", None, {}, "SET", "P1W", "", ""),
    ("once a month", None, {}, "SET", "P1M", "", ""),
    ("Fridays", None, {}, "SET", "XXXX-WXX-5", "", ""),
    # clock times: the day is not invented
    ("3 p.m.", "2025-09-07", {}, "TIME", "XXXX-XX-XXT15:00", "", ""),
    ("10:30 a.m.", None, {}, "TIME", "XXXX-XX-XXT10:30", "", ""),
    ("12 a.m.", None, {}, "TIME", "XXXX-XX-XXT00:00", "", ""),
    # non-ASCII whitespace inside an expression
    ("Nov.\u00a011", "2025-09-07", {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
]

# Shapes of real articles (issue 13): ranges, numeric dates, a weekday with its date, decades,
# clock times with their day, parts of days, periods of a year, vague and compound durations.
SHAPES = [
    # a range is one expression with the whole interval, both ends in one direction
    ("May 3-5", "2025-04-20", {}, "DATE", "2025-05-03/2025-05-05", "2025-05-03", "2025-05-05"),
    ("from April 1 to 3", "2025-04-20", {}, "DATE", "2025-04-01/2025-04-03", "2025-04-01", "2025-04-03"),
    ("Sept 26-27", "2025-09-10", {}, "DATE", "2025-09-26/2025-09-27", "2025-09-26", "2025-09-27"),
    ("between 12 and 14 June", "2025-06-01", {}, "DATE", "2025-06-12/2025-06-14", "2025-06-12", "2025-06-14"),
    ("Dec. 30-Jan. 2", "2025-12-01", {"tense": "future"}, "DATE", "2025-12-30/2026-01-02", "2025-12-30", "2026-01-02"),
    ("3-5 May 2024", None, {}, "DATE", "2024-05-03/2024-05-05", "2024-05-03", "2024-05-05"),
    ("June 2 to June 4, 2019", None, {}, "DATE", "2019-06-02/2019-06-04", "2019-06-02", "2019-06-04"),
    ("Friday, 2 May 2025 – Sunday, 4th May 2025", None, {}, "DATE", "2025-05-02/2025-05-04", "2025-05-02", "2025-05-04"),
    ("from March to May 2025", None, {}, "DATE", "2025-03/2025-05", "2025-03-01", "2025-05-31"),
    ("from 2001 to 2009", None, {}, "DATE", "2001/2009", "2001-01-01", "2009-12-31"),
    ("2019-20", None, {}, "DATE", "2019/2020", "2019-01-01", "2020-12-31"),
    ("from Monday to Wednesday", "2025-06-05", {"tense": "past"}, "DATE", "2025-06-02/2025-06-04", "2025-06-02", "2025-06-04"),
    ("this weekend", "2025-09-10", {}, "DATE", "2025-W37-WE", "2025-09-13", "2025-09-14"),
    ("last weekend", "2025-09-10", {}, "DATE", "2025-W36-WE", "2025-09-06", "2025-09-07"),
    ("the weekend", "2025-09-15", {}, "DATE", "2025-W37-WE", "2025-09-13", "2025-09-14"),
    ("the weekend", "2025-09-11", {"tense": "future"}, "DATE", "2025-W37-WE", "2025-09-13", "2025-09-14"),
    ("next quarter", "2025-09-10", {}, "DATE", "2025-Q4", "2025-10-01", "2025-12-31"),
    ("the first quarter of 2026", None, {}, "DATE", "2026-Q1", "2026-01-01", "2026-03-31"),
    ("the end of 2025", None, {}, "DATE", "2025", "2025-12-01", "2025-12-31"),
    ("early 2024", None, {}, "DATE", "2024", "2024-01-01", "2024-04-30"),
    ("the end of the year", "2025-09-10", {}, "DATE", "2025", "2025-12-01", "2025-12-31"),
    ("the end of this month", "2025-02-10", {}, "DATE", "2025-02", "2025-02-21", "2025-02-28"),
    ("this summer", "2025-05-10", {}, "DATE", "2025-SU", "2025-06-01", "2025-08-31"),
    ("last winter", "2025-05-10", {}, "DATE", "2024-WI", "2024-12-01", "2025-02-28"),
    ("this winter", "2026-01-15", {}, "DATE", "2025-WI", "2025-12-01", "2026-02-28"),
    ("the summer of 2019", None, {}, "DATE", "2019-SU", "2019-06-01", "2019-08-31"),
    # numeric dates: a day, read by the outlet's date order; both readings when it is unknown
    ("30/1/2024", None, {}, "DATE", "2024-01-30", "2024-01-30", "2024-01-30"),
    ("15.03.2026", None, {}, "DATE", "2026-03-15", "2026-03-15", "2026-03-15"),
    ("2024-05-12", None, {}, "DATE", "2024-05-12", "2024-05-12", "2024-05-12"),
    ("2024/5/12", None, {}, "DATE", "2024-05-12", "2024-05-12", "2024-05-12"),
    ("12/05/2024", None, {"date_order": "DMY"}, "DATE", "2024-05-12", "2024-05-12", "2024-05-12"),
    ("12/05/2024", None, {"date_order": "MDY"}, "DATE", "2024-12-05", "2024-12-05", "2024-12-05"),
    ("12/05/2024", None, {}, "DATE", "2024-05-12", "2024-05-12", "2024-12-05"),
    ("1/30/2024", None, {"date_order": "DMY"}, "DATE", "2024-01-30", "2024-01-30", "2024-01-30"),
    # a weekday with its date is one expression of that date
    ("Thursday, March 13, 2025", None, {}, "DATE", "2025-03-13", "2025-03-13", "2025-03-13"),
    ("Tuesday 30/1/2024", None, {}, "DATE", "2024-01-30", "2024-01-30", "2024-01-30"),
    ("Thursday, March 13", "2025-06-01", {}, "DATE", "2025-03-13", "2025-03-13", "2025-03-13"),
    ("Tuesday 4/3/2025", None, {}, "DATE", "2025-03-04", "2025-03-04", "2025-03-04"),
    ("Friday evening (March 14)", "2025-03-20", {}, "TIME", "2025-03-14TEV", "2025-03-14", "2025-03-14"),
    # a bare date whose direction the meaning decides ("thanked ... for its help of March 2")
    ("March 2", "2025-02-20", {"tense": "past"}, "DATE", "2024-03-02", "2024-03-02", "2024-03-02"),
    ("last April 16", "2025-04-22", {}, "DATE", "2025-04-16", "2025-04-16", "2025-04-16"),
    ("March this year", "2025-09-10", {}, "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    # decades and their parts
    ("the '90s", None, {}, "DATE", "199", "1990-01-01", "1999-12-31"),
    ("the 70's", None, {}, "DATE", "197", "1970-01-01", "1979-12-31"),
    ("the early 2000s", None, {}, "DATE", "200", "2000-01-01", "2003-12-31"),
    ("the late 1990s", None, {}, "DATE", "199", "1997-01-01", "1999-12-31"),
    ("the mid-1960s", None, {}, "DATE", "196", "1964-01-01", "1966-12-31"),
    ("the '20s", "2025-06-01", {}, "DATE", "202", "2020-01-01", "2029-12-31"),
    # clock times, with their day a TIME of that day; parts of a day
    ("1500 hours on Thursday", "2025-06-03", {"tense": "future"}, "TIME", "2025-06-05T15:00", "2025-06-05", "2025-06-05"),
    ("0600 hours", None, {}, "TIME", "XXXX-XX-XXT06:00", "", ""),
    ("7 in the evening on Friday", "2025-06-03", {"tense": "future"}, "TIME", "2025-06-06T19:00", "2025-06-06", "2025-06-06"),
    ("Monday at 9:15 a.m.", "2025-06-03", {"tense": "past"}, "TIME", "2025-06-02T09:15", "2025-06-02", "2025-06-02"),
    ("around 11:45 p.m. Friday", "2025-06-08", {"tense": "past"}, "TIME", "2025-06-06T23:45", "2025-06-06", "2025-06-06"),
    ("8:30 am local time on Sunday", "2025-06-08", {}, "TIME", "2025-06-08T08:30", "2025-06-08", "2025-06-08"),
    ("3 p.m.", None, {"anchor": D("2025-06-02")}, "TIME", "2025-06-02T15:00", "2025-06-02", "2025-06-02"),
    ("ten minutes to noon", None, {"anchor": D("2025-06-02")}, "TIME", "2025-06-02T11:50", "2025-06-02", "2025-06-02"),
    ("a few minutes past 4pm", None, {}, "TIME", "XXXX-XX-XXT16:00", "", ""),
    ("Tuesday night", "2025-06-04", {"tense": "past"}, "TIME", "2025-06-03TNI", "2025-06-03", "2025-06-03"),
    ("later that day", "2025-06-03", {"anchor": D("2025-06-01")}, "DATE", "2025-06-01", "2025-06-01", "2025-06-01"),
    ("earlier in the day", "2025-06-03", {"anchor": D("2025-05-30")}, "DATE", "2025-05-30", "2025-05-30", "2025-05-30"),
    ("later that evening", None, {"anchor": D("2025-05-30")}, "TIME", "2025-05-30TEV", "2025-05-30", "2025-05-30"),
    ("the same day", None, {"anchor": D("2025-05-30")}, "DATE", "2025-05-30", "2025-05-30", "2025-05-30"),
    ("later that day", "2025-06-03", {}, "DATE", "XXXX-XX-XX", "", ""),    # no day named: none
    ("the day before", None, {"anchor": D("2025-03-01")}, "DATE", "2025-02-28", "2025-02-28", "2025-02-28"),
    ("earlier today", "2025-06-03", {}, "DATE", "2025-06-03", "2025-06-03", "2025-06-03"),
    ("nowadays", "2025-06-03", {}, "DATE", "PRESENT_REF", "2025-06-03", "2025-06-03"),
    ("so far", "2025-06-03", {}, "DATE", "PAST_REF", "", "2025-06-03"),
    ("going forward", "2025-06-03", {}, "DATE", "FUTURE_REF", "2025-06-03", ""),
    ("as soon as possible", "2025-06-03", {}, "DATE", "FUTURE_REF", "2025-06-03", ""),
    # durations: all-day, approximate, compound, an unsaid number of units
    ("all-day", None, {}, "DURATION", "P1D", "", ""),
    ("nearly 40 years", None, {}, "DURATION", "P40Y", "", ""),
    ("about three weeks", None, {}, "DURATION", "P3W", "", ""),
    ("two years and seven months", None, {}, "DURATION", "P2Y7M", "", ""),
    ("around 4 hours and 40 minutes", None, {}, "DURATION", "PT4H40M", "", ""),
    ("one year, three months", None, {}, "DURATION", "P1Y3M", "", ""),
]


def test_the_table_has_at_least_sixty_expressions():
    assert len(TABLE) >= 60 and len(TABLE + SHAPES) >= 170


@pytest.mark.parametrize("expression,mod", [
    ("the early 2000s", "START"), ("the mid-1960s", "MID"), ("the late 1990s", "END"),
    ("the 1990s", ""), ("the end of 2025", "END"), ("early March", "START"),
    ("nearly 40 years", "LESS_THAN"), ("about three weeks", "APPROX"), ("over two years", "MORE_THAN"),
    ("two years", ""),
])
def test_modifiers_give_the_timex3_mod(expression, mod):
    assert normalize(expression, dct=D("2025-06-01")).mod == mod


def test_an_ambiguous_numeric_date_is_flagged_and_a_known_order_is_not():
    unknown = normalize("12/05/2024", dct=None)
    assert unknown.note.startswith("ambiguous: 12 May 2024 (day first) or 5 December 2024")
    assert normalize("12/05/2024", dct=None, date_order="DMY").note == ""
    assert normalize("30/1/2024", dct=None).note == ""        # one reading only: not ambiguous


def test_a_weekday_that_disagrees_with_its_date_is_said():
    got = normalize("Wednesday, March 13, 2025", dct=None)
    assert (got.value, got.note) == ("2025-03-13", "the text says Wednesday, but 2025-03-13 "
                                                   "is a Thursday")
    assert normalize("Thursday, March 13, 2025", dct=None).note == ""


@pytest.mark.parametrize("expression", [
    "May 3 and 5",          # "and" makes a range only after "between"
    "May 5-3",              # a range ends after it starts
    "3/4",                  # a fraction, not a date
    "31/04/2024",           # no such day in either order
    "12.05/2024",           # separators must agree
    "1500-2000",            # not years
    "the 747s",
    "fall",                 # a season word alone is a noun ("a fall in prices")
    "the first",
])
def test_shapes_that_are_not_expressions_are_refused(expression):
    with pytest.raises(ValueError, match="not a temporal expression|must end after"):
        normalize(expression, dct=D("2025-06-01"))


@pytest.mark.parametrize("expression,dct,options,kind,value,earliest,latest", TABLE + SHAPES,
                         ids=[f"{row[0]}@{row[1]}" for row in TABLE + SHAPES])
def test_normalize_gives_timeml_value_and_interval(expression, dct, options, kind, value,
                                                   earliest, latest):
    got = normalize(expression, dct=D(dct) if dct else None, **options)
    assert (got.type, got.value, got.earliest, got.latest) == (kind, value, earliest, latest)


@pytest.mark.parametrize("expression", ["", "first", "US-Iran", "all night", "the next phase",
                                        "11 Kasım 2025", "may"])
def test_normalize_refuses_what_is_not_a_covered_expression(expression):
    with pytest.raises(ValueError, match="not a temporal expression"):
        normalize(expression, dct=D("2025-09-07"))


@pytest.mark.parametrize("options", [{}, {"tense": "past"}, {"week_start": "saturday"},
                                     {"window": SEED_WINDOW}, {"anchor": D("2000-01-01")}])
def test_an_absolute_date_does_not_change_with_context(options):
    got = normalize("2025-11-11", dct=D("2025-09-07"), **options)
    assert (got.value, got.earliest, got.latest) == ("2025-11-11", "2025-11-11", "2025-11-11")


def test_an_unknown_week_start_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'someday'"):
        normalize("this week", dct=D("2025-09-07"), week_start="someday")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _tag(nlp, doc_id):
    document = load_document(doc_id, seeds_dir=SEEDS_DIR if doc_id == SEED else ARTICLES)
    doc = nlp(document.text)
    return document, tag_timexes(doc, sentences(doc), document.meta)


# every test article has expected timexes but the robustness fixtures (rb_*), which
# tests/test_robustness.py checks for contract and sanity instead
GOLD_DOCS = [SEED] + sorted(p.stem for p in ARTICLES.glob("*.txt") if not p.stem.startswith("rb_"))


@pytest.mark.parametrize("doc_id", GOLD_DOCS)
def test_tagger_finds_every_expected_expression_with_its_value_and_interval(nlp, doc_id):
    _, system = _tag(nlp, doc_id)
    expected = read_reference_timexes(doc_id, reference_dir=EXPECTED_DIR)
    strip = lambda ts: [(t.start, t.end, t.text, t.type, t.value, t.earliest, t.latest)  # noqa: E731
                        for t in ts]
    assert strip(system) == strip(expected)


@pytest.mark.parametrize("doc_id", GOLD_DOCS)
def test_timex_offsets_give_their_text_and_ids_run_in_order(nlp, doc_id):
    document, system = _tag(nlp, doc_id)
    assert all(document.text[t.start:t.end] == t.text for t in system)
    assert [t.timex_id for t in system] == [f"t{i}" for i in range(1, len(system) + 1)]


def test_an_article_without_metadata_leaves_relative_dates_unresolved(nlp):
    _, system = _tag(nlp, "t03_andes_trade")
    relative = [t for t in system if t.rule == "day_word"]
    assert relative and all(t.value == "XXXX-XX-XX" and not t.earliest for t in relative)


def test_model_spans_no_rule_normalises_are_left_out(nlp):
    _, system = _tag(nlp, "t07_weather_nothing")
    assert system == []


def test_an_ordinal_is_not_a_time(nlp):
    _, system = _tag(nlp, SEED)
    assert not any("first" in t.text for t in system)


@pytest.mark.parametrize("sentence,expected", [
    ("He counted 2019 votes.", []),
    ("The dispute began in 2019.", ["2019"]),
    ("They may meet in May.", ["May"]),
    ("The soldiers march in March.", ["March"]),
])
def test_bare_years_and_months_need_a_preposition(nlp, sentence, expected):
    from helpers.files.articles import Metadata
    doc = nlp(sentence)
    found = tag_timexes(doc, sentences(doc), Metadata(doc_id="x", dct="2026-01-10"))
    assert [t.text for t in found] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The city was founded 2,000 years ago.", [("2,000 years ago", "0025")]),
    ("It lasted 2.5 hours.", [("2.5 hours", "PT2.5H")]),
    ("The war lasted 1,5 years.", []),
])
def test_an_expression_is_never_read_out_of_a_longer_number(nlp, sentence, expected):
    from helpers.files.articles import Metadata
    doc = nlp(sentence)
    found = tag_timexes(doc, sentences(doc), Metadata(doc_id="x", dct="2025-11-14"))
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize("sentence,expression,tense", [
    ("He met the envoy on Tuesday.", "Tuesday", "past"),
    ("He will meet the envoy on Tuesday.", "Tuesday", "future"),
    ("She is expected to arrive on March 3.", "March 3", "future"),
    ("They stressed calm ahead of the elections on November 11.", "November 11", "future"),
    ("The talks on Tuesday were useful.", "Tuesday", None),
])
def test_clause_tense_reads_the_governing_verb_and_future_cues(nlp, sentence, expression, tense):
    doc = nlp(sentence)
    start = sentence.index(expression)
    assert clause_tense(doc, start, start + len(expression)) == tense


def test_evaluation_counts_a_wrong_value_as_detected_but_not_correct():
    from helpers.files.records import Timex
    expected = [Timex("t1", 1, 0, 9, "this week", "DATE", "2025-W37", "2025-09-06", "2025-09-12")]
    system = [Timex("t1", 1, 0, 9, "this week", "DATE", "2025-W36", "2025-09-01", "2025-09-07")]
    scores = evaluate_timexes(expected, system).set_index("measure")
    assert scores.loc["detection (exact span)", "f1"] == 1.0
    assert scores.loc["value", "agreement"] == 0.0


def _tag_sentence(nlp, sentence, dct, **meta):
    from helpers.files.articles import Metadata
    doc = nlp(sentence)
    found = tag_timexes(doc, sentences(doc), Metadata(doc_id="x", dct=dct, **meta))
    return [(t.text, t.value) for t in found]


# sentence, DCT, the expressions found with their values: what only the context decides
IN_CONTEXT = [
    # coordinated days share one direction
    ("They said on Sunday they would meet again on Tuesday or Wednesday.", "2025-03-16",
     [("Sunday", "2025-03-16"), ("Tuesday", "2025-03-18"), ("Wednesday", "2025-03-19")]),
    ("Talks could resume on Thursday, Friday or Saturday.", "2025-03-16",
     [("Thursday", "2025-03-20"), ("Friday", "2025-03-21"), ("Saturday", "2025-03-22")]),
    # tense and meaning decide the direction of a bare date
    ("Delane thanked Orsk for its help of March 2.", "2025-02-20", [("March 2", "2024-03-02")]),
    ("The commission discussed the elections on November 11.", "2025-09-10",
     [("November 11", "2025-11-11")]),
    ("Lopez plans to return home on Thursday.", "2020-07-07", [("Thursday", "2020-07-09")]),
    ("The minister is set to take office in October.", "2024-04-03", [("October", "2024-10")]),
    # a clock time with its day; a part of a day with its weekday
    ("Troops must leave the town by 1500 hours on Thursday.", "2025-06-03",
     [("1500 hours on Thursday", "2025-06-05T15:00")]),
    ("They will meet at 7 in the evening on Friday.", "2025-06-03",
     [("7 in the evening on Friday", "2025-06-06T19:00")]),
    ("Shelling resumed on Saturday night.", "2025-06-03", [("Saturday night", "2025-05-31TNI")]),
    # the day last mentioned; until one is named, the DCT
    ("The envoy arrived on Monday. Later that day he met the minister.", "2025-06-04",
     [("Monday", "2025-06-02"), ("Later that day", "2025-06-02")]),
    ("He held talks with the envoy, who had arrived the day before.", "2025-06-04",
     [("the day before", "2025-06-03")]),
    ("The convoy left on Tuesday. It reached the border at 3 p.m.", "2025-06-04",
     [("Tuesday", "2025-06-03"), ("3 p.m.", "2025-06-03T15:00")]),
    # a year as a modifier; numbers that count or name something are not years
    ("Both sides signed the 2018 border accord.", "2025-06-04", [("2018", "2018")]),
    ("Some 2019 protesters were detained.", "2025-06-04", []),
    ("The council invoked Resolution 2231.", "2025-06-04", []),
    ("Aid came on 1500 trucks.", "2025-06-04", []),
    ("Workers logged 1500 hours of overtime.", "2025-06-04", [("1500 hours", "PT1500H")]),
    # nouns that look like frequencies
    ("The Vista, a monthly, reported the talks.", "2025-06-04", []),
    ("Officials meet monthly.", "2025-06-04", [("monthly", "P1M")]),
    # the same day named again is the same day
    ("The summit opened on Saturday. Leaders hope Saturday will bring a deal.", "2025-06-04",
     [("Saturday", "2025-05-31"), ("Saturday", "2025-05-31")]),
    ("On May 5 the envoy left. The visit ran from May 5, 2017 to May 7, 2017.", "2017-10-16",
     [("May 5", "2017-05-05"), ("May 5, 2017 to May 7, 2017", "2017-05-05/2017-05-07")]),
    # a range leaves "from" and "between" outside its span
    ("The fair runs from April 1 to 3.", "2025-03-20",
     [("April 1 to 3", "2025-04-01/2025-04-03")]),
    # not shared: coordination only joins expressions side by side
    ("They met on Sunday and will meet again on Tuesday.", "2025-03-19",
     [("Sunday", "2025-03-16"), ("Tuesday", "2025-03-25")]),
    # not a reaction verb: the nearest occurrence
    ("He announced elections on March 2.", "2025-02-20", [("March 2", "2025-03-02")]),
    # "On Thursday, 13 people died": a weekday, then a count
    ("On Thursday, 13 people died.", "2025-06-04", [("Thursday", "2025-05-29")]),
    ("Many people in their 70s voted.", "2025-06-04", []),
    ("The previously reached agreements hold.", "2025-06-04", []),
    ("No talks have been held so far.", "2025-06-04", [("so far", "PAST_REF")]),
    ("He went so far as to deny it.", "2025-06-04", []),
    # a range that ends before it starts is no range: its days remain
    ("It ran Monday, May 5, 2025 – Sunday, May 4, 2025.", "2025-06-04",
     [("Monday, May 5, 2025", "2025-05-05"), ("Sunday, May 4, 2025", "2025-05-04")]),
]


@pytest.mark.parametrize("sentence,dct,expected", IN_CONTEXT, ids=[r[0][:40] for r in IN_CONTEXT])
def test_expressions_in_context(nlp, sentence, dct, expected):
    assert _tag_sentence(nlp, sentence, dct) == expected


@pytest.mark.parametrize("meta,value", [
    ({"date_order": "MDY"}, "2024-12-05"),
    ({"date_order": "DMY"}, "2024-05-12"),
    ({}, "2024-05-12"),
])
def test_numeric_dates_follow_the_outlet_date_order(nlp, meta, value):
    from helpers.files.articles import parse_metadata
    doc = nlp("The accord was signed on 12/05/2024.")
    parsed = parse_metadata({"dct": "2025-01-10", **meta}, doc_id="x", name="x.meta.json")
    found = tag_timexes(doc, sentences(doc), parsed)
    assert [(t.value, bool(t.note)) for t in found] == [(value, not meta)]
