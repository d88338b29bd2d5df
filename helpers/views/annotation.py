"""Tables and views that notebook 02 shows: highlighted text, mentions per actor,
sourcing and factuality per sentence, events with their code descriptions.

>>> mentions_per_actor([]).columns.tolist()
['actor_id', 'NAME', 'NOMINAL', 'PRONOUN', 'total']
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import pandas as pd
from spacy import displacy

from helpers.events.cameo import describe
from helpers.files.records import Candidate, Event, Mention
from helpers.views.rendering import escape_text

KINDS = ("NAME", "NOMINAL", "PRONOUN")
ENTITY_COLORS = {"PERSON": "#f4c7a1", "ORG": "#b9d7f0", "GPE": "#c8e6b5", "NORP": "#e8d1f2",
                 "LOC": "#d9e7c4", "FAC": "#eee1b4", "NOMINAL": "#eeeeee", "PRONOUN": "#f6f6f6"}


def highlighted_html(text: str, mentions: Iterable[Mention], *, kinds: tuple[str, ...] = KINDS,
                     title: str | None = None) -> str:
    """The text with mentions highlighted by displaCy (which HTML-escapes the text).

    Nominal and pronoun mentions are labelled by kind and actor; overlapping mentions keep the
    first and longest, since displaCy draws one layer.
    """
    spans, last_end = [], -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.actor_id)):
        if m.kind not in kinds or m.start < last_end:
            continue
        label = m.label if m.kind == "NAME" else f"{m.kind}:{m.actor_id or '?'}"
        spans.append({"start": m.start, "end": m.end, "label": label})
        last_end = m.end
    colors = {s["label"]: ENTITY_COLORS.get(s["label"].split(":")[0], "#dddddd") for s in spans}
    data = {"text": text, "ents": spans, "title": escape_text(title) if title else None}
    return displacy.render(data, style="ent", manual=True, jupyter=False,
                           options={"colors": colors})


def mentions_per_actor(mentions: Iterable[Mention]) -> pd.DataFrame:
    """How often each actor is referred to, by kind of mention, most mentioned first."""
    counts = Counter((m.actor_id, m.kind) for m in mentions if m.actor_id)
    actors = sorted({a for a, _ in counts})
    rows = [{"actor_id": a, **{k: counts[(a, k)] for k in KINDS}} for a in actors]
    frame = pd.DataFrame(rows, columns=["actor_id", *KINDS])
    frame["total"] = frame[list(KINDS)].sum(axis=1).astype(int)
    return frame.sort_values(["total", "actor_id"], ascending=[False, True], ignore_index=True)


def sentence_overview(sourcing_rows: Iterable[dict], events: Iterable[Event]) -> pd.DataFrame:
    """Per sentence: its sourcing cue and type, and the factuality of each event in it."""
    by_sentence: dict[int, list[str]] = {}
    for e in events:
        by_sentence.setdefault(e.sentence_id, []).append(f"{e.trigger}: {e.factuality}")
    rows = [{"sentence_id": r["sentence_id"], "source_type": r["source_type"],
             "attribution": r["attribution"],
             "events (factuality)": "; ".join(dict.fromkeys(by_sentence.get(r["sentence_id"], []))),
             "text": r["text"]} for r in sourcing_rows]
    return pd.DataFrame(rows, columns=["sentence_id", "source_type", "attribution",
                                       "events (factuality)", "text"])


def events_table(events: Iterable[Event]) -> pd.DataFrame:
    """The events with the CAMEO description of each code, in text order."""
    rows = [{"event_id": e.event_id, "sentence_id": e.sentence_id,
             "source_actor": e.source_actor, "trigger": e.trigger,
             "target_actor": e.target_actor, "cameo_code": e.cameo_code,
             "description": describe(e.cameo_code),
             "goldstein": e.goldstein, "factuality": e.factuality,
             "source_type": e.source_type} for e in events]
    return pd.DataFrame(rows, columns=["event_id", "sentence_id", "source_actor", "trigger",
                                       "target_actor", "cameo_code", "description", "goldstein",
                                       "factuality", "source_type"])


def candidates_table(candidates: Iterable[Candidate]) -> pd.DataFrame:
    """Predicates with an actor argument that the CAMEO dictionary could not code: candidates
    for the override table (``resources/verb_lexicon.csv``), with why each is left uncoded.

    >>> candidates_table([Candidate(2, "courted", 6, 13, "court", "kenya", "uganda",
    ...                             "not in the dictionary")]).lemma.tolist()
    ['court']
    """
    rows = [{"sentence_id": c.sentence_id, "trigger": c.trigger, "lemma": c.lemma,
             "sources": c.sources, "targets": c.targets, "reason": c.reason} for c in candidates]
    return pd.DataFrame(rows, columns=["sentence_id", "trigger", "lemma", "sources", "targets",
                                       "reason"])


def source_type_counts(sourcing_rows: Iterable[dict]) -> pd.Series:
    """Sentences per source type, in a fixed order of the types."""
    order = ["named", "anonymous", "media_reports", "observers", "none"]
    counts = Counter(r["source_type"] for r in sourcing_rows)
    return pd.Series({t: counts.get(t, 0) for t in order}, name="sentences")
