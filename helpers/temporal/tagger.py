"""Temporal expressions: find them in a parsed article and normalise them to TIMEX3.

The rules (``helpers.temporal.rules``) find expressions; spaCy's DATE and TIME
entities are only candidates: they vouch for a bare year or month the rules
would not take alone ("2019" after no preposition), and a model span that no
rule can normalise ("first", "all night") is left out. Relative expressions are
resolved against the document creation time (DCT) and the uncertainty of the
DCT (``published_window``) is carried into the interval: ``earliest`` is
computed from the window's first day and ``latest`` from its last.

Numeric dates ("12/05/2024") are read in the outlet's ``date_order``; where it
is unknown and both readings are days, the interval spans both and the
``note`` says the date is ambiguous.

>>> normalize("earlier this week", dct=dt.date(2025, 9, 7), week_start="saturday",
...           window=(dt.date(2025, 9, 6), dt.date(2025, 9, 9)))
Normalized(type='DATE', value='2025-W37', earliest='2025-09-06', latest='2025-09-09', rule='this_period', mod='', note='')
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
from typing import NamedTuple

from spacy.tokens import Doc, Span

from helpers.files.articles import Metadata
from helpers.files.records import Sentence, Timex
from helpers.nlp.name_lists import text_of
from helpers.nlp.tree import entities
from helpers.temporal.context import clause_tense, counts_something, modifies_a_noun, names_a_thing
from helpers.temporal.lexicon import Ctx, full, words
from helpers.temporal.rules import CONTEXT, Rule
from helpers.temporal.scanning import scan
from helpers.temporal.rules import match as match_rule

MODEL_LABELS = ("DATE", "TIME")
DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: Words between two expressions that coordinate them ("Tuesday or Wednesday", "Thursday, Friday").
COORDINATION = re.compile(r"\s*(?:,|,?\s+(?:and|or|and/or)|\s+to)\s+(?:(?:on|in)\s+)?", re.I)
YEAR_CONTEXT = re.compile(rf"(?i:\b(?:{'|'.join(words()['year_context'])})\s+)$")


class Normalized(NamedTuple):
    """A TIMEX3 type, value and interval (ISO dates, '' where unbounded), the rule used, the
    TIMEX3 ``mod`` (START, MID, END or '') and a note for the reader ('' when none)."""

    type: str
    value: str
    earliest: str
    latest: str
    rule: str
    mod: str = ""
    note: str = ""


def resolve(rule: Rule, groups: dict, *, dct: dt.date | None, week_start: str = "monday",
            tense: str | None = None, anchor: dt.date | None = None,
            window: tuple[dt.date, dt.date] | None = None,
            anchor_window: tuple[dt.date, dt.date] | None = None,
            date_order: str = "") -> Normalized:
    """Apply ``rule`` to its ``groups``: the value from the DCT (or, for "a day earlier", the
    anchor), the bounds from the first and last day of the DCT's (or the anchor's) window.

    Raises ValueError when the groups name no real date (a 31 April, a range that ends
    before it starts)."""
    tense = tense if tense in ("past", "future") else None
    ref, bounds = (anchor, anchor_window) if rule.relative == "anchor" else (dct, window)
    context = Ctx(week_start, date_order, match_rule)
    kind, value, earliest, latest, mod, note = full(rule.handler(groups, ref, tense, context))
    if rule.relative != "none" and ref is not None:
        first, last = bounds or (ref, ref)
        if first != ref:        # a bound from the reference date itself is the one found above
            earliest = rule.handler(groups, first, tense, context)[2]
        if last != ref:
            latest = rule.handler(groups, last, tense, context)[3]
    iso = lambda day: day.isoformat() if day else ""  # noqa: E731
    return Normalized(kind, value, iso(earliest), iso(latest), rule.name, mod, note)


def normalize(expression: str, *, dct: dt.date | None, week_start: str = "monday",
              tense: str | None = None, anchor: dt.date | None = None,
              window: tuple[dt.date, dt.date] | None = None,
              anchor_window: tuple[dt.date, dt.date] | None = None,
              date_order: str = "") -> Normalized:
    """Normalise one temporal expression to a TIMEX3 type, value and interval.

    ``tense`` ('past', 'future', 'present' or None) picks the year of a date
    named without one; ``anchor`` is the time last mentioned, for "a day
    earlier"; ``window`` the DCT's uncertainty (defaults to the DCT alone) and
    ``anchor_window`` the anchor's; ``date_order`` ('DMY', 'MDY' or '' when
    unknown) how a numeric date is read.
    Without a DCT a relative expression stays unresolved ('XXXX-XX-XX').
    Raises ValueError for an expression no rule covers.

    >>> normalize("November 11", dct=dt.date(2025, 9, 7), tense="future").value
    '2025-11-11'
    >>> normalize("yesterday", dct=None).value
    'XXXX-XX-XX'
    >>> normalize("12/05/2024", dct=None).note.split(":")[0]
    'ambiguous'
    """
    rule, groups = match_rule(expression)
    return resolve(rule, groups, dct=dct, week_start=week_start, tense=tense, anchor=anchor,
                   window=window, anchor_window=anchor_window, date_order=date_order)


def resolvable(rule: Rule, groups: dict) -> bool:
    """True when ``rule`` gives a value for ``groups`` (without a DCT): a range that ends before
    it starts, or a day that does not exist, is not an expression."""
    try:
        resolve(rule, groups, dct=None)
    except (ValueError, KeyError):
        return False
    return True


def candidates(text: str, model_spans: list[tuple[int, int]]) -> list[tuple[int, int, Rule, dict]]:
    """Non-overlapping rule matches in ``text``, longest first, then in rule order.

    A match that needs context (a bare year or month) is kept after a
    preposition (a year also after a determiner: "the 2018 accord") or where a
    model span covers it.
    """
    found = []
    for order, rule, match in scan(text):
        groups = match.groupdict()
        if not rule.valid(groups):
            continue
        start, end = match.span()
        if groups.get("prep"):         # "from"/"between" make the range, outside the span
            start = match.start() + len(re.match(r"\w+\s+", text[start:]).group(0))
        before = text[max(0, start - 16):start]
        if not resolvable(rule, groups):
            continue           # a longer shape that is no date leaves room for its parts
        if rule.needs_context(groups) and not (
                CONTEXT.search(before)
                or (rule.name == "year" and YEAR_CONTEXT.search(before))
                or any(s < end and start < e for s, e in model_spans)):
            continue
        found.append((start - end, start, order, end, rule, groups))
    kept: list[tuple[int, int, Rule, dict]] = []
    for _, start, _, end, rule, groups in sorted(found, key=lambda f: f[:3]):
        if all(end <= s or e <= start for s, e, _, _ in kept):
            kept.append((start, end, rule, groups))
    return sorted(kept, key=lambda k: k[0])


def tag_timexes(doc: Doc, sents: list[Sentence], meta: Metadata) -> list[Timex]:
    """Every temporal expression of a parsed article, normalised, ids t1.. in text order.

    Expressions coordinated with the one before ("on Tuesday or Wednesday") share its
    tense; numeric dates are read in the outlet's ``Metadata.date_order``. Until a
    day is named, the time last mentioned ("the day before", "at 3 p.m.") is the DCT.
    A day is one day throughout the article: a bare weekday named again is the day
    it was first resolved to, and a month and day without a year take the year the
    article states for that day elsewhere ("May 5" beside "May 5, 2017").

    >>> from helpers.files.articles import parse_metadata
    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> meta = parse_metadata({"dct": "2025-09-07", "week_start": "saturday"}, doc_id="x", name="x")
    >>> doc = get_nlp()("He arrived this week.")
    >>> [(t.text, t.value, t.earliest, t.latest) for t in tag_timexes(doc, sentences(doc), meta)]
    [('this week', '2025-W37', '2025-09-06', '2025-09-12')]
    """
    model = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ in MODEL_LABELS]
    starts = [s.start for s in sents]
    timexes: list[Timex] = []
    anchor, anchor_window = meta.dct_date, meta.window_dates
    previous: tuple[int, str | None] = (-1, None)       # end and tense of the last expression
    text = text_of(doc)
    found = candidates(text, model)
    stated = stated_days(found)
    weekdays: dict[str, Normalized] = {}
    for start, end, rule, groups in found:
        if rule.needs_context(groups) and counts_something(doc, start, end):
            continue
        if rule.name == "set_adverb" and names_a_thing(doc, start, end):
            continue
        if rule.name == "ref_word" and modifies_a_noun(doc, start, end):
            continue
        coordinated = previous[0] >= 0 and COORDINATION.fullmatch(text[previous[0]:start])
        tense = previous[1] if coordinated else clause_tense(doc, start, end)
        try:
            norm = resolve(rule, groups, dct=meta.dct_date, week_start=meta.week_start,
                           tense=tense, anchor=anchor, window=meta.window_dates,
                           anchor_window=anchor_window, date_order=meta.date_order)
        except (ValueError, KeyError):
            continue
        norm = same_day_again(norm, rule, groups, stated, weekdays)
        previous = (end, tense)
        index = bisect.bisect_right(starts, start) - 1
        sentence_id = sents[index].sentence_id if index >= 0 else 0
        timexes.append(Timex(f"t{len(timexes) + 1}", sentence_id, start, end,
                             text[start:end], *norm))
        if DAY.fullmatch(norm.value[:10]) and "/" not in norm.value and norm.earliest \
                and norm.latest:
            anchor = dt.date.fromisoformat(norm.value[:10])
            anchor_window = (dt.date.fromisoformat(norm.earliest),
                             dt.date.fromisoformat(norm.latest))
    return timexes


def stated_days(found: list[tuple[int, int, Rule, dict]]) -> dict[tuple[int, int], int]:
    """``{(month, day): year}`` of the dates an article writes with their year (one year each)."""
    years: dict[tuple[int, int], set[int]] = {}
    for _, _, rule, groups in found:
        try:
            value = resolve(rule, groups, dct=None).value     # without a DCT: stated years only
        except (ValueError, KeyError):
            continue
        for day in map(dt.date.fromisoformat, re.findall(r"\d{4}-\d\d-\d\d", value)):
            years.setdefault((day.month, day.day), set()).add(day.year)
    return {key: min(ys) for key, ys in years.items() if len(ys) == 1}


def same_day_again(norm: Normalized, rule: Rule, groups: dict,
                   stated: dict[tuple[int, int], int],
                   weekdays: dict[str, Normalized]) -> Normalized:
    """``norm``, or the day the article already gave the same words (see :func:`tag_timexes`)."""
    if rule.name == "weekday" and not groups.get("rel"):
        return weekdays.setdefault(groups["wd"].lower(), norm)._replace(rule=norm.rule)
    if rule.name in ("month_day", "day_month") and not groups.get("y") and not groups.get("rel") \
            and DAY.fullmatch(norm.value):
        day = dt.date.fromisoformat(norm.value)
        year = stated.get((day.month, day.day))
        if year and year != day.year:
            day = day.replace(year=year).isoformat()
            return norm._replace(value=day, earliest=day, latest=day)
    return norm


def model_comparison(doc: Doc, timexes: list[Timex]) -> list[dict]:
    """How the model's DATE/TIME spans and the tagger's expressions compare, in text order.

    ``verdict``: kept (same span), trimmed (the tagger took another span over
    it), rejected (no rule normalises it), added (found by the rules alone).
    """
    rows = []
    spans: list[Span | Timex] = [e for e in entities(doc) if e.label_ in MODEL_LABELS]
    for ent in spans:
        over = [t for t in timexes if t.start < ent.end_char and ent.start_char < t.end]
        verdict = "rejected" if not over else (
            "kept" if (over[0].start, over[0].end) == (ent.start_char, ent.end_char) else "trimmed")
        rows.append({"start": ent.start_char, "model_text": ent.text, "model_label": ent.label_,
                     "verdict": verdict, "timex_text": "; ".join(t.text for t in over)})
    for t in timexes:
        if not any(e.start_char < t.end and t.start < e.end_char for e in spans):
            rows.append({"start": t.start, "model_text": "", "model_label": "",
                         "verdict": "added", "timex_text": t.text})
    return sorted(rows, key=lambda r: (r["start"], r["verdict"]))
