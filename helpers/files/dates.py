"""What an article and its outlet say about dates: the order of day and month in the outlet's
numeric dates, and a document creation time stated by the text itself.

**Date order.** Given, or taken from the outlet's country through the short date
format of the Unicode CLDR (Babel): month first for the United States and the
Philippines, day first elsewhere; the country is given, or read from the
country-code domain of the URL (``.pk``, ``.co.uk``; not the domains sold as
generic names, such as ``.io`` or ``.tv``).

**DCT from the text.** Only near the top of the text (the first :data:`HEAD_LINES`
lines), in this order:

1. a "published" line with a full date ("Published on 12 March 2025",
   "Posted: 2025-03-12");
2. a dateline with a month and day ("PORT LIRA, May 6 —", "Samarkand [Uzbekistan],
   April 13 :"), whose year is the one it states, else the one in the URL
   (``/2025/05/06/``), else that of a full date of the text with the same month
   and day, else the latest year the text states in a full date.

Dates are read with python-dateutil; the evidence is quoted for the reader.

>>> read_dct("Port talks resume\\nPORT LIRA, May 6 — Talks resumed on May 6, 2025.\\n")
(datetime.date(2025, 5, 6), "dateline 'PORT LIRA, May 6 —' with the same day with its year in the text ('May 6, 2025')")
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from dateutil import parser as dateparser

HEAD_LINES = 6
DATE_ORDERS = ("DMY", "MDY", "YMD")
#: Country-code domains sold as generic names: they say nothing of where an outlet is.
GENERIC_DOMAINS = {"ac", "ai", "cc", "co", "fm", "gg", "io", "ly", "me", "sh", "to", "tv", "ws"}
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
PUBLISHED = re.compile(r"^\s*(?i:(?:first\s+)?(?:published|posted|updated)(?:\s+on)?)\s*:?\s*"
                       r"(?P<date>[^|\n]{6,40}?)\s*(?:[|,;]|$|\s+(?:at|\d{1,2}:\d\d))", re.M)
DATELINE = re.compile(rf"^\s*(?P<place>[A-Z][\w.'’ -]{{1,40}}?(?:\s*[\[(][^\])\n]{{1,40}}[\])])?)"
                      rf"\s*,\s*(?P<date>{MONTH_WORD}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+"
                      rf"{MONTH_WORD}(?:\s+\d{{4}})?)\s*(?:\([\w ]+\)\s*)?(?:[—–:-]|\(|/)")
FULL_DATE = re.compile(rf"(?<![\w-])(?:{MONTH_WORD}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{MONTH_WORD},?\s+)"
                       r"(?:19|20)\d\d(?!\d)")
URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[/_-]?(\d\d)[/_-]?(\d\d))?(?!\d)")


def date_order(country: str) -> str:
    """The order of day, month and year in the short numeric dates of ``country`` (ISO 3166
    alpha-2 or alpha-3): 'MDY', 'DMY' or 'YMD' from the CLDR, '' for a code it does not know.

    >>> date_order("USA"), date_order("KE"), date_order("cn"), date_order("Narnia")
    ('MDY', 'DMY', 'YMD', '')
    """
    code = country.strip().upper()
    code = (get_global("territory_aliases").get(code) or [code])[0] if len(code) == 3 else code
    spoken = get_global("territory_languages").get(code, {})
    languages = ["en"] * ("en" in spoken) + [lang for lang, info in spoken.items()
                                           if info.get("official_status") and lang != "en"]
    for language in languages:
        try:
            pattern = Locale.parse(f"{language}_{code}").date_formats["short"].pattern
        except (UnknownLocaleError, ValueError):
            continue
        letters = [c for c in pattern.lower() if c in "dmy"]
        return "".join(dict.fromkeys(letters)).upper()
    return ""


def outlet_date_order(country: str | None, order: str | None,
                      url: str | None) -> tuple[str | None, str, str]:
    """(country, date order, what was assumed) for an outlet's metadata.

    ``order`` given wins; else the order of ``country``, else of the country of the URL's
    domain; else '' (unknown). Raises ValueError for an unknown country or order.

    >>> outlet_date_order(None, None, "https://news.example.co.uk/a")[:2]
    ('GB', 'DMY')
    """
    if country is not None and not date_order(country):
        raise ValueError(f"country {country!r} is not an ISO 3166 country code")
    if order is not None:
        if order.upper() not in DATE_ORDERS:
            raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, got {order!r}")
        return country, order.upper(), ""
    source = f"the outlet's country ({country})"
    if country is None:
        host = urlparse(url or "").hostname or ""
        domain = host.rsplit(".", 1)[-1] if "." in host else ""
        code = {"uk": "GB"}.get(domain, domain.upper())
        if len(domain) == 2 and domain not in GENERIC_DOMAINS and date_order(code):
            country, source = code, f"the country of the URL's domain .{domain} ({code})"
    if country is None:
        return None, "", ("date_order not given and no country known: a numeric date that reads "
                          "as two days (12/05/2024) is flagged as ambiguous")
    order = "MDY" if date_order(country) == "MDY" else "DMY"
    return country, order, f"date_order not given: {order} for {source}"


def parse_day(text: str, *, day_first: bool = True) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date written in ``text``, or None when it names no day.

    >>> parse_day("May 6"), parse_day("6 May 2025"), parse_day("Tuesday")
    ((None, 5, 6), (2025, 5, 6), None)
    """
    try:
        one = dateparser.parse(text, default=dt.datetime(2000, 1, 1), dayfirst=day_first)
        two = dateparser.parse(text, default=dt.datetime(2001, 2, 2), dayfirst=day_first)
    except (ValueError, OverflowError):
        return None
    if (one.month, one.day) != (two.month, two.day):
        return None
    return (one.year if one.year == two.year else None), one.month, one.day


def read_dct(text: str, url: str | None = None,
             date_order: str = "") -> tuple[dt.date, str] | None:
    """The DCT the text states near its top, with the evidence quoted, or None."""
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    return _published(head, date_order) or _dateline(head, text, url)


def _published(head: str, order: str) -> tuple[dt.date, str] | None:
    for found in PUBLISHED.finditer(head):
        day = parse_day(found.group("date"), day_first=order != "MDY")
        if day and day[0]:
            return dt.date(*day), f"the line '{found.group(0).strip().rstrip('|,;. ')}'"
    return None


def _dateline(head: str, text: str, url: str | None) -> tuple[dt.date, str] | None:
    for line in head.splitlines():
        found = DATELINE.match(line)
        day = parse_day(found.group("date")) if found else None
        if day is None:
            continue
        quoted = f"dateline '{line[:found.end()].strip()}'"
        if day[0]:
            return dt.date(*day), quoted
        year = _year_from_url(url, *day[1:]) or _year_from_text(text, *day[1:])
        if year is None:
            return None
        try:
            return dt.date(year[0], *day[1:]), f"{quoted} with {year[1]}"
        except ValueError:
            return None
    return None


def _year_from_url(url: str | None, month: int, day: int) -> tuple[int, str] | None:
    for found in URL_YEAR.finditer(url or ""):
        if found.group(2) and (int(found.group(2)), int(found.group(3))) != (month, day):
            continue
        return int(found.group(1)), f"the year {found.group(1)} in the URL ({url})"
    return None


def _year_from_text(text: str, month: int, day: int) -> tuple[int, str] | None:
    years: dict[int, str] = {}
    for found in FULL_DATE.finditer(text):
        stated = parse_day(found.group(0))
        if stated is None or stated[0] is None:
            continue
        if stated[1:] == (month, day):
            return stated[0], f"the same day with its year in the text ('{found.group(0)}')"
        years.setdefault(stated[0], found.group(0))
    if not years:
        return None
    latest = max(years)
    others = sorted(set(years) - {latest})
    return latest, (f"the latest year the text states in a date ('{years[latest]}'"
                    + (f"; it also states {', '.join(map(str, others))})" if others else ")"))
