"""Ordering anchored events: a deterministic sort and before/overlap relations the text supports.

A relation is given only with its ``basis``: ``interval`` (one interval ends
before the other begins), ``episode start`` (an event that opens an episode
precedes what happens in it), ``during`` (an event inside the episode another
event spans), ``dct`` (reported as past vs. expected after the DCT: both are
relative to the same, if uncertain, DCT), or ``cue:then`` (an ordering word
between two consecutive events).

>>> dct_relation(Event("e1", 1, "met", 0, 3, "meet", "", None, "", "", "asserted", "", "none",
...                    anchoring="tense:past"))
'before'
"""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc

from helpers.files.records import Event, Timex
from helpers.nlp.name_lists import text_of
from helpers.nlp.tree import children
from helpers.temporal.lexicon import words
from helpers.temporal.tagger import DAY

AFTER_DCT = ("tense:future", "factuality:probable", "factuality:possible")


def dct_relation(event: Event) -> str:
    """'before', 'after' or 'around' the DCT as the anchoring says, else ''."""
    how = event.anchoring
    if any(mark in how for mark in AFTER_DCT):
        return "after"
    return "before" if "tense:past" in how else ("around" if "tense:present" in how else "")


def _key(event: Event) -> tuple:
    return (not (event.earliest or event.latest), event.earliest or "",
            0 if "+starts:" in event.anchoring else 1,
            event.latest or "9999-12-31", event.sentence_id, event.start, event.event_id)


def event_order(events: Sequence[Event]) -> list[Event]:
    """Events by earliest start (open starts first), episode openers first, then latest end,
    then text order; events with no interval at all come last. A total, deterministic order."""
    return sorted(events, key=_key)


def _episode(how: str, kind: str) -> str:
    found = re.search(rf"{kind}:(\w+)", how)
    return found.group(1) if found else ""


def _relation(a: Event, b: Event) -> tuple[str, str] | None:
    """(relation, basis) of ``a`` to ``b``: 'before' or 'overlap', or None."""
    if a.latest and b.earliest and a.latest < b.earliest:
        return "before", "interval"
    opened = _episode(a.anchoring, r"\+starts")
    if opened and opened in (_episode(b.anchoring, "anchor"), _episode(b.anchoring, "context")):
        return "before", "episode start"
    spanned = _episode(a.anchoring, r"timex:t\d+\+episode")
    if spanned and spanned == _episode(b.anchoring, "anchor"):
        return "overlap", "during"
    if dct_relation(a) == "before" and dct_relation(b) == "after":
        return "before", "dct"
    return None


def _cue_pairs(events: list[Event], doc: Doc) -> set[tuple[str, str]]:
    cues = re.compile(rf"\b(?:{'|'.join(words()['order_cue'])})\b", re.IGNORECASE)
    by_text = sorted(events, key=lambda e: (e.start, e.event_id))
    pairs, text = set(), text_of(doc)
    for a, b in zip(by_text, by_text[1:]):
        if a.end <= b.start and cues.search(text[a.end:b.start]):
            pairs.add((a.event_id, b.event_id))
    return pairs


def order_events(events: Sequence[Event], *, milestones: Sequence[dict | Timex] = (),
                 doc: Doc | None = None) -> list[dict]:
    """Relations between events (and milestones, by timex id), source always first in time.

    Events sharing a trigger (one event per actor pair) are not related to each other.
    """
    ordered = event_order(events)
    rank = {e.event_id: i for i, e in enumerate(ordered)}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if (a.start, a.end) == (b.start, b.end):
                continue
            relation = _relation(a, b) or _relation(b, a)
            if relation:
                pair = (a.event_id, b.event_id) if _relation(a, b) else (b.event_id, a.event_id)
                found[pair] = relation
    for a_id, b_id in sorted(_cue_pairs(ordered, doc) if doc is not None else ()):
        found.setdefault((a_id, b_id), ("before", "cue:then"))
    for m in milestones:
        get = m.get if isinstance(m, dict) else lambda k, m=m: getattr(m, k)
        for e in ordered:
            if e.latest and get("earliest") and e.latest < get("earliest"):
                found[(e.event_id, get("timex_id"))] = ("before", "interval")
            elif e.earliest and get("latest") and get("latest") < e.earliest:
                found[(get("timex_id"), e.event_id)] = ("before", "interval")
    rows = [{"source": s, "relation": r, "target": t, "basis": b}
            for (s, t), (r, b) in found.items()]
    return sorted(rows, key=lambda r: (rank.get(r["source"], len(rank)),
                                       rank.get(r["target"], len(rank)), r["source"], r["target"]))


def _label_of(doc: Doc | None, timex: Timex) -> str:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand") if doc else None
    token = span.root.head if span is not None and len(span) else None
    if token is not None and token.pos_ == "ADP" and token.i and doc[token.i - 1].pos_ == "NOUN":
        token = doc[token.i - 1]
    for _ in range(len(doc) if token is not None else 0):
        if token.pos_ in ("NOUN", "PROPN"):
            words = [c for c in children(token) if c.dep_ in ("amod", "compound") and c.i < token.i]
            return " ".join([w.text for w in words] + [token.text])
        if token.head.i == token.i or token.pos_ == "VERB":
            break
        token = token.head
    return timex.text


def find_milestones(timexes: Sequence[Timex], events: Sequence[Event],
               doc: Doc | None = None) -> list[dict]:
    """Expressions naming one calendar day that no event owns, labelled by
    the noun they date ("parliamentary elections") when the parse is given."""
    owned = {e.timex_id for e in events}
    return [{"timex_id": t.timex_id, "label": _label_of(doc, t), "text": t.text,
             "value": t.value, "earliest": t.earliest, "latest": t.latest}
            for t in timexes if t.type == "DATE" and DAY.fullmatch(t.value)
            and t.timex_id not in owned]
