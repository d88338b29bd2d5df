"""Tables and views that notebook 02 shows: highlighted text, mentions per actor,
sourcing and factuality per sentence, events with their code descriptions, and
the evaluation against the gold standard.

>>> mentions_per_actor([]).columns.tolist()
['actor_id', 'NAME', 'NOMINAL', 'PRONOUN', 'total']
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd
from spacy import displacy

from . import entity_evaluation, event_gold
from .cameo import describe
from .records import Candidate, Event, Mention
from .rendering import escape_text

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


@dataclass(frozen=True)
class GoldEvaluation:
    """The annotation of one article scored against whatever gold files it has.

    A layer without a gold file has ``None`` (or an empty table) and is named in ``note``.
    """

    note: str
    entity_scores: pd.DataFrame | None
    entity_errors: pd.DataFrame
    person_links: tuple[int, int] | None
    link_errors: pd.DataFrame
    events: event_gold.EventEvaluation | None
    sourcing: dict | None

    def event_summary(self) -> str:
        """One line: events right on source, CAMEO root and target, and code/factuality accuracy."""
        if self.events is None:
            return "no event gold: events not evaluated"
        t = self.events.tuples
        return (f"events with correct source, CAMEO root and target: {t.tp} of {t.tp + t.fn} "
                f"gold ({t.fp} spurious); full-code accuracy {self.events.code_accuracy}, "
                f"factuality accuracy {self.events.factuality_accuracy}")


def _gold_file(gold_dir: Path, doc_id: str, kind: str) -> bool:
    return (Path(gold_dir) / f"{doc_id}.{kind}.csv").is_file()


def gold_evaluation(doc_id: str, mentions: list[Mention], events: list[Event],
                    sourcing_rows: list[dict], *,
                    gold_dir: Path = entity_evaluation.GOLD_DIR) -> GoldEvaluation:
    """Score entities, links, events and sourcing against the gold files that exist."""
    have = {k: _gold_file(gold_dir, doc_id, k) for k in ("entities", "events", "sourcing")}
    missing = [k for k, ok in have.items() if not ok]
    note = (f"gold standard for {doc_id}: " + ", ".join(k for k, ok in have.items() if ok)
            if not missing else
            f"no gold {', '.join(missing)} for {doc_id}: "
            f"{'those layers are' if len(missing) > 1 else 'that layer is'} not evaluated")
    empty_links = pd.DataFrame(columns=["start", "end", "text", "gold", "system", "correct"])
    entity_scores, entity_errors, person_links, link_errors = None, pd.DataFrame(), None, empty_links
    if have["entities"]:
        gold = entity_evaluation.read_gold_entities(doc_id, gold_dir=gold_dir)
        entity_scores = entity_evaluation.evaluate_entities(gold, mentions)
        entity_errors = entity_evaluation.entity_errors(gold, mentions)
        person_links = entity_evaluation.linking_accuracy(gold, mentions, labels=("PERSON",))
        links = entity_evaluation.linking_errors(gold, mentions,
                                                 kinds=("NAME", "NOMINAL", "PRONOUN"))
        link_errors = links[~links.correct.astype(bool)].reset_index(drop=True)
    scored_events = (event_gold.evaluate_events(
        event_gold.read_gold_events(doc_id, gold_dir=gold_dir), events)
        if have["events"] else None)
    sourcing = (event_gold.evaluate_sourcing(
        event_gold.read_gold_sourcing(doc_id, gold_dir=gold_dir), sourcing_rows)
        if have["sourcing"] else None)
    return GoldEvaluation(note=note, entity_scores=entity_scores, entity_errors=entity_errors,
                          person_links=person_links, link_errors=link_errors,
                          events=scored_events, sourcing=sourcing)
