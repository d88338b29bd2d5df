"""The grammar of temporal expressions: word lists (``resources/time_words.csv``) turned into rules.

Each :class:`Rule` is a named regular expression over the expression's words
plus a handler that turns its groups into a TIMEX3 type, value and interval
(and, where the text says so, a TIMEX3 ``mod`` and a note for the reader) for
one reference date. Some rules are compositions of others: a range ("May 3-5"),
a weekday with its date ("Thursday, March 13, 2025") and a clock time with its
day ("1500 hours on Thursday") are one expression, whose parts are normalised
by the rules of the parts (:func:`match`). ``helpers.temporal.tagger`` applies the rules to
text (tagging) and to single expressions (normalising).

>>> [r.name for r in RULES][:3]
['iso_date', 'numeric_date', 'weekday_date']
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from helpers.temporal.handlers import (day_word, decade, duration, iso_date, month_day, month_only,
                            plural_ref, ref_word, same_day, set_expr, shifted, vague_duration,
                            weekday, year_only)
from helpers.temporal.lexicon import Result, alternation, words
from helpers.temporal.spans import quarter, season, this_period, weekend, year_part
from helpers.temporal.shapes import (clock, clock_day, date_range, day_part, day_range, duration_and,
                          increasing, minutes_to, month_range, numeric_date, numeric_readings,
                          weekday_date, weekday_range, year_range)


@dataclass(frozen=True)
class Rule:
    """A named expression pattern, its handler and what it is resolved against."""

    name: str
    pattern: re.Pattern
    handler: Callable[..., Result]
    relative: str = "none"           # none (absolute), dct, anchor
    needs_context: Callable[[dict], bool] = lambda g: False
    valid: Callable[[dict], bool] = lambda g: True



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



def _bare(pattern: str) -> str:
    """``pattern`` with its named groups made plain, to be embedded in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)



#: What every rule's pattern opens with: an expression never starts inside a word or a number
#: (not after a letter, a digit or a hyphen, nor after "2." or "2,").
LEAD = r"(?<![\w-])(?<!\d[.,])"


def _build() -> list[Rule]:
    w = words()
    months = rf"(?:{alternation(w['month'])})(?![a-z])|(?:{alternation(w['month_abbr'])})\.?"
    month = rf"(?P<month>{months})"
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    wd = rf"(?P<wd>{alternation(w['weekday'])})"
    num = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{alternation(w['number'])}))"
    unit = r"(?P<unit>(?i:minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?)"
    hour_word = alternation([k for k, v in w["number"].items() if v.isdigit() and 1 <= int(v) <= 12
                      and k not in ("a", "an")])
    approx = rf"(?:(?P<approx>(?i:{alternation(w['approx'])}))\s+)?"
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
        ("weekday_date", rf"(?P<wdx>{alternation(w['weekday'])})(?:\s+{part})?(?:,?\s+(?P<date>"
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
        ("plural_ref", rf"(?i:(?:the\s+)?(?P<which>{alternation(w['ref_plural'])})\s+"
                       r"(?P<unit>minutes|hours|days|weeks|months|years|decades))",
         plural_ref, "dct", None),
        ("ref_word", rf"(?i:(?P<ref>{alternation(w['ref'])}))(?!(?<=far)\s+(?i:as|from|away|off|"
                     r"ahead|behind)\b)", ref_word, "dct", None),
        ("ref_phrase", rf"(?i:(?P<refp>{alternation(w['ref_phrase'])}))", ref_word, "dct", ctx()),
        ("ago", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>ago))", shifted, "dct", None),
        ("anchored", rf"{num}[\s-]+{unit}\s+(?i:(?P<dir>earlier|later))", shifted, "anchor", None),
        ("anchored_the", r"(?i:the\s+(?:(?P<dir>next|following|previous|preceding)\s+"
                         r"(?P<unit>day|week|month|year)|(?P<unit2>day|week|month|year)\s+"
                         r"(?P<dir2>before|after)))", shifted, "anchor", None),
        ("minutes_to", rf"(?P<num>(?i:a\s+few|several|some)|\d{{1,2}}|(?i:{alternation(w['number'])}))\s+"
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
        "iso_date": same_sep, "numeric_date": lambda g: same_sep(g) and bool(numeric_readings(g)),
        "day_range": lambda g: coordinated(g) and increasing(g),
        "day_month_range": lambda g: coordinated(g) and increasing(g),
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
    return [Rule(name, re.compile(rf"{LEAD}(?:{pattern})(?![\w])(?![.,]\d)"),
                 handler, relative,
                 needs or (lambda g: False), checks.get(name, lambda g: True))
            for name, pattern, handler, relative, needs in spec]



RULES: list[Rule] = _build()



CONTEXT = re.compile(rf"(?i:(?:\b(?:{alternation(words()['context_prep'])})|['’]s)\s+)$")
