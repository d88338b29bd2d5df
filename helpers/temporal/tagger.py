"""Temporal expressions: find them in a parsed article and normalise them to TIMEX3.

The rules (``helpers.temporal.rules``) find expressions; spaCy's DATE and TIME
entities are only candidates: they vouch for a bare year or month the rules
would not take alone ("2019" after no preposition), and a model span that no
rule can normalise ("first", "all night") is left out. Relative expressions are
resolved against the document creation time (DCT) and the uncertainty of the
DCT (``published_window``) is carried into the interval: ``earliest`` is
computed from the window's first day and ``latest`` from its last.

>>> normalize("earlier this week", dct=dt.date(2025, 9, 7), week_start="saturday",
...           window=(dt.date(2025, 9, 6), dt.date(2025, 9, 9)))
Normalized(type='DATE', value='2025-W37', earliest='2025-09-06', latest='2025-09-09', rule='this_period')
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from helpers.files.articles import Metadata
from helpers.files.records import Sentence, Timex
from helpers.temporal.rules import CONTEXT, RULES, Rule, words

MODEL_LABELS = ("DATE", "TIME")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
DAY = re.compile(r"\d{4}-\d\d-\d\d")


class Normalized(NamedTuple):
    """A TIMEX3 type, value and interval (ISO dates, '' where unbounded), and the rule used."""

    type: str
    value: str
    earliest: str
    latest: str
    rule: str


def match_rule(expression: str) -> tuple[Rule, dict]:
    """The first rule whose pattern is the whole ``expression``, with its groups.

    >>> match_rule("Nov. 11")[0].name
    'month_day'
    """
    text = expression.strip()
    for rule in RULES:
        found = rule.pattern.fullmatch(text)
        if found and rule.valid(found.groupdict()):
            return rule, found.groupdict()
    raise ValueError(f"not a temporal expression the rules cover: {expression!r}")


def resolve(rule: Rule, groups: dict, *, dct: dt.date | None, week_start: str = "monday",
            tense: str | None = None, anchor: dt.date | None = None,
            window: tuple[dt.date, dt.date] | None = None,
            anchor_window: tuple[dt.date, dt.date] | None = None) -> Normalized:
    """Apply ``rule`` to its ``groups``: the value from the DCT (or, for "a day earlier", the
    anchor), the bounds from the first and last day of the DCT's (or the anchor's) window."""
    tense = tense if tense in ("past", "future") else None
    ref, bounds = (anchor, anchor_window) if rule.relative == "anchor" else (dct, window)
    kind, value, earliest, latest = rule.handler(groups, ref, tense, week_start)
    if rule.relative != "none" and ref is not None:
        first, last = bounds or (ref, ref)
        earliest = rule.handler(groups, first, tense, week_start)[2]
        latest = rule.handler(groups, last, tense, week_start)[3]
    iso = lambda day: day.isoformat() if day else ""  # noqa: E731
    return Normalized(kind, value, iso(earliest), iso(latest), rule.name)


def normalize(expression: str, *, dct: dt.date | None, week_start: str = "monday",
              tense: str | None = None, anchor: dt.date | None = None,
              window: tuple[dt.date, dt.date] | None = None,
              anchor_window: tuple[dt.date, dt.date] | None = None) -> Normalized:
    """Normalise one temporal expression to a TIMEX3 type, value and interval.

    ``tense`` ('past', 'future', 'present' or None) picks the year of a date
    named without one; ``anchor`` is the time last mentioned, for "a day
    earlier"; ``window`` the DCT's uncertainty (defaults to the DCT alone) and
    ``anchor_window`` the anchor's.
    Without a DCT a relative expression stays unresolved ('XXXX-XX-XX').

    >>> normalize("November 11", dct=dt.date(2025, 9, 7), tense="future").value
    '2025-11-11'
    >>> normalize("yesterday", dct=None).value
    'XXXX-XX-XX'
    """
    rule, groups = match_rule(expression)
    return resolve(rule, groups, dct=dct, week_start=week_start, tense=tense, anchor=anchor,
                   window=window, anchor_window=anchor_window)


def is_finite(token: Token) -> bool:
    return token.tag_ in FINITE_TAGS or token.dep_ == "ROOT" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in token.children)


def verb_tense(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense that governs the span ``start:end``: 'past', 'future', 'present' or None.

    Walks from the span up the parse. A future cue on the way ("ahead of",
    "upcoming", "is expected to", "will") makes it 'future'; otherwise the first
    finite verb decides, unless the span hangs on a noun ("the elections on
    November 11"), whose time the verb does not tell (None).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cues = words()["future_cue"]
    token, through_noun = span.root, False
    for _ in range(len(doc)):
        if not span.start <= token.i < span.end:
            if token.lower_ in cues or any(c.lower_ in cues and c.dep_ in ("amod", "aux", "advmod")
                                           for c in token.children):
                return "future"
            if token.pos_ in ("VERB", "AUX") and is_finite(token):
                return None if through_noun else verb_tense(token)
            through_noun = through_noun or token.pos_ in ("NOUN", "PROPN")
        if token.head is token:
            break
        token = token.head
    return None


def counts_something(doc: Doc, start: int, end: int) -> bool:
    """True when the span is a number counting a noun ("2019 votes"), not a year or month."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nummod"


def candidates(text: str, model_spans: list[tuple[int, int]]) -> list[tuple[int, int, Rule, dict]]:
    """Non-overlapping rule matches in ``text``, longest first, then in rule order.

    A match that needs context (a bare year or month) is kept after a
    preposition or where a model span covers it.
    """
    found = []
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            groups = match.groupdict()
            if not rule.valid(groups):
                continue
            start, end = match.span()
            if rule.needs_context(groups) and not (
                    CONTEXT.search(text[max(0, start - 16):start])
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

    >>> from helpers.files.articles import parse_metadata
    >>> from helpers.nlp.model import get_nlp
    >>> from helpers.nlp.text import sentences
    >>> meta = parse_metadata({"dct": "2025-09-07", "week_start": "saturday"}, doc_id="x", name="x")
    >>> doc = get_nlp()("He arrived this week.")
    >>> [(t.text, t.value, t.earliest, t.latest) for t in tag_timexes(doc, sentences(doc), meta)]
    [('this week', '2025-W37', '2025-09-06', '2025-09-12')]
    """
    model = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in MODEL_LABELS]
    starts = [s.start for s in sents]
    timexes: list[Timex] = []
    anchor: dt.date | None = None
    anchor_window: tuple[dt.date, dt.date] | None = None
    for start, end, rule, groups in candidates(doc.text, model):
        if rule.needs_context(groups) and counts_something(doc, start, end):
            continue
        try:
            norm = resolve(rule, groups, dct=meta.dct_date, week_start=meta.week_start,
                           tense=clause_tense(doc, start, end), anchor=anchor,
                           window=meta.window_dates, anchor_window=anchor_window)
        except (ValueError, KeyError):
            continue
        index = bisect.bisect_right(starts, start) - 1
        sentence_id = sents[index].sentence_id if index >= 0 else 0
        timexes.append(Timex(f"t{len(timexes) + 1}", sentence_id, start, end,
                             doc.text[start:end], *norm))
        if norm.type == "DATE" and DAY.fullmatch(norm.value) and norm.earliest and norm.latest:
            anchor = dt.date.fromisoformat(norm.value)
            anchor_window = (dt.date.fromisoformat(norm.earliest),
                             dt.date.fromisoformat(norm.latest))
    return timexes


def model_comparison(doc: Doc, timexes: list[Timex]) -> list[dict]:
    """How the model's DATE/TIME spans and the tagger's expressions compare, in text order.

    ``verdict``: kept (same span), trimmed (the tagger took another span over
    it), rejected (no rule normalises it), added (found by the rules alone).
    """
    rows = []
    spans: list[Span | Timex] = [e for e in doc.ents if e.label_ in MODEL_LABELS]
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
