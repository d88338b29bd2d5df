"""Events placed in time: each gets an interval and says how; then they are ordered.

Anchoring, strongest first (``Event.anchoring`` records which):

1. ``timex:tN`` — a temporal expression in the event's own clause ("began his
   visit *earlier this week*"). Such an event defines an *episode* named by its
   trigger ("visit"); a duration on the trigger ("*three-day* visit") stretches
   the episode; ``starts:visit`` marks that the expression dates its beginning.
2. ``anchor:visit`` — the event happens *during* an episode ("during this
   visit", "During the first round of meetings") or is that episode named again
   ("his official visit").
3. ``context:visit`` — a later event sharing an actor with the episode, with no
   time of its own, is read as part of it (a weaker, narrative reading).
4. ``tense:past`` / ``tense:present`` / ``tense:future`` /
   ``factuality:probable`` — before, around or after the DCT, bounded by the
   DCT window.

A verbal event's tense or factuality also narrows 1-3 (``+tense:past``). How anchored
events are ordered is :mod:`helpers.temporal.ordering`.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Sequence

from spacy.tokens import Doc, Token

from helpers.files.articles import Metadata
from helpers.files.records import Event, Sentence, Timex
from helpers.nlp.tree import children
from helpers.temporal.context import clause_tense, is_finite, verb_tense
from helpers.temporal.lexicon import words

OPEN_AFTER = {"from", "since", "starting"}     # "from 2026-01-01": no end
OPEN_BEFORE = {"until", "till", "by", "before"}  # "by January 3": no start
DURATION_DAYS = re.compile(r"P(?:T(\d+)H|(\d+)([DW]))$")


@dataclass(frozen=True)
class Episode:
    """A stretch of time an event with its own date opens ("the visit")."""

    name: str
    event_id: str
    start: int
    earliest: str
    latest: str
    actors: frozenset[str]


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_verb(token: Token) -> Token:
    """The first finite verb at or above ``token`` (or the root)."""
    for _ in range(len(token.doc)):
        if token.pos_ in ("VERB", "AUX") and is_finite(token) or token.head.i == token.i:
            return token
        token = token.head
    return token


def owns(timex_root: Token, trigger: Token) -> bool:
    """True when a temporal expression belongs to the trigger's clause, not to a noun or an
    infinitive in it ("agreed to cut tariffs from 2026-01-01" does not date "agreed")."""
    token = timex_root.head
    for _ in range(len(token.doc)):
        if token.i == trigger.i:
            return True
        if token.pos_ in ("NOUN", "PROPN"):
            return False
        if token.pos_ in ("VERB", "AUX") and is_finite(token) or token.head is token:
            return _clause_verb(trigger).i == token.i
        if token.pos_ == "VERB":
            return False
        token = token.head
    return False


def _span_days(value: str) -> int:
    found = DURATION_DAYS.match(value)
    if not found:
        return 1
    hours, amount, unit = found.groups()
    return math.ceil(int(hours) / 24) if hours else int(amount) * (7 if unit == "W" else 1)


def _widen(latest: str, days: int) -> str:
    return (dt.date.fromisoformat(latest) + dt.timedelta(days=days - 1)).isoformat() \
        if latest else ""


def _class(lemma: str) -> str:
    return words()["episode_noun"].get(lemma.split()[0], lemma.split()[0])


def _during(trigger: Token) -> Token | None:
    """The episode noun of a "during ..." phrase on the trigger's clause, if any."""
    verb = _clause_verb(trigger)
    for head in {trigger.i: trigger, verb.i: verb}.values():
        for prep in children(head):
            if prep.lower_ in words()["during_prep"]:
                for noun in children(prep):
                    if noun.dep_ == "pobj":
                        return noun
    return None


def _constraint(event: Event, tense: str | None, window) -> tuple[str, str, str]:
    """How tense and factuality bound an event: (name, earliest, latest)."""
    first, last = (d.isoformat() for d in window) if window else ("", "")
    if event.factuality == "underspecified":
        return "", "", ""
    if event.factuality in ("probable", "possible"):
        return f"factuality:{event.factuality}", first, ""
    if tense == "future":
        return "tense:future", first, ""
    if tense == "past":
        return "tense:past", "", last
    if tense == "present" and event.factuality == "asserted":
        return "tense:present", first, last
    return "", "", ""


def _meet(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str] | None:
    low = max(x for x in (a[0], b[0], "")) if a[0] or b[0] else ""
    high = min(x for x in (a[1], b[1]) if x) if a[1] or b[1] else ""
    return None if low and high and low > high else (low, high)


def _event_tense(doc: Doc, event: Event, trigger: Token) -> str | None:
    if trigger.pos_ in ("VERB", "AUX") and is_finite(trigger):
        return verb_tense(trigger)
    return clause_tense(doc, event.start, event.end)


def find_episodes(events: Sequence[Event], timexes: Sequence[Timex], doc: Doc) -> list[Episode]:
    """Events dated by their own expression, as episodes other events can refer to."""
    found = []
    for event in events:
        trigger = _token(doc, event.start, event.end)
        own = [t for t in timexes if t.sentence_id == event.sentence_id and t.type == "DATE"
               and t.earliest and t.latest and owns(_token(doc, t.start, t.end), trigger)]
        if not own or _class(event.lemma) not in set(words()["episode_noun"].values()):
            continue
        days = max([_span_days(t.value) for t in timexes if t.type == "DURATION"
                    and _token(doc, t.start, t.end).head.i == trigger.i] or [1])
        found.append(Episode(_class(event.lemma), event.event_id, event.start, own[0].earliest,
                             _widen(own[0].latest, days),
                             frozenset(a for a in (event.source_actor, event.target_actor) if a)))
    return found


def anchor_events(events: Sequence[Event], timexes: Sequence[Timex], doc: Doc,
                  sents: Sequence[Sentence], meta: Metadata) -> list[Event]:
    """New events with ``timex_id``, ``earliest``, ``latest`` and ``anchoring`` filled."""
    episodes = find_episodes(events, timexes, doc)
    actors: dict[int, set[str]] = {}
    for event in events:
        actors.setdefault(event.start, set()).update({event.source_actor, event.target_actor})
    anchored = []
    for event in events:
        trigger = _token(doc, event.start, event.end)
        tense = _event_tense(doc, event, trigger)
        own = next((t for t in timexes if t.sentence_id == event.sentence_id
                    and t.type in ("DATE", "TIME") and owns(_token(doc, t.start, t.end), trigger)),
                   None)
        how, bounds, timex_id = "none", ("", ""), ""
        if own is not None:
            timex_id, bounds, how = own.timex_id, (own.earliest, own.latest), f"timex:{own.timex_id}"
            prep = _token(doc, own.start, own.end).head.lower_
            if prep in OPEN_AFTER or prep in OPEN_BEFORE:
                bounds = (bounds[0], "") if prep in OPEN_AFTER else ("", bounds[1])
                how += f"+{prep}"
            mine = next((ep for ep in episodes if ep.event_id == event.event_id), None)
            if mine:
                opens = _clause_verb(trigger).lemma_ in words()["start_lemma"]
                how += f"+{'starts' if opens else 'episode'}:{mine.name}"
        else:
            episode = _episode_for(event, trigger, episodes,
                                   actors[event.start] - {""} if tense == "past" else set())
            if episode is not None:
                kind, episode = episode
                how, bounds = f"{kind}:{episode.name}", (episode.earliest, episode.latest)
        if trigger.pos_ not in ("NOUN", "PROPN"):
            name, low, high = _constraint(event, tense, meta.window_dates)
            narrowed = _meet(bounds, (low, high)) if name else None
            if narrowed is not None:
                how = name if how == "none" else f"{how}+{name}"
                bounds = narrowed
        anchored.append(replace(event, timex_id=timex_id, earliest=bounds[0], latest=bounds[1],
                                anchoring=how))
    return anchored


def _episode_for(event: Event, trigger: Token, episodes: list[Episode], actors: set[str]):
    """("anchor" | "context", episode) the event belongs to, or None.

    "context" needs ``actors`` shared with an earlier episode (given for past events only).
    """
    if not episodes:
        return None
    noun = _during(trigger)
    if noun is None and trigger.lemma_ in words()["episode_noun"] and \
            any(c.dep_ in ("det", "poss") for c in children(trigger)):
        noun = trigger
    by_distance = sorted(episodes, key=lambda ep: (ep.start > event.start,
                                                   abs(ep.start - event.start)))
    if noun is not None:
        same = [ep for ep in by_distance if ep.name == _class(noun.lemma_)]
        return "anchor", (same or by_distance)[0]
    later = [ep for ep in by_distance if ep.start < event.start and ep.actors & actors]
    return ("context", later[0]) if later else None
