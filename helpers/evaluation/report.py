"""The annotation of one article scored against whatever gold files it has.

Notebooks 02 and 03 show these scores; the gold folder is passed in
(``helpers.config.GOLD_DIR``), never assumed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from helpers.config import relative
from helpers.evaluation import entities
from helpers.evaluation import events as event_gold
from helpers.evaluation import timexes as timex_gold
from helpers.files.records import Event, Mention, Timex


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
                    sourcing_rows: list[dict], *, gold_dir: Path) -> GoldEvaluation:
    """Score entities, links, events and sourcing against the gold files of ``gold_dir``
    (``helpers.config.GOLD_DIR``) that exist for ``doc_id``."""
    have = {k: _gold_file(gold_dir, doc_id, k) for k in ("entities", "events", "sourcing")}
    missing = [k for k, ok in have.items() if not ok]
    note = (f"gold standard for {doc_id}: " + ", ".join(k for k, ok in have.items() if ok)
            if not missing else
            f"no gold {', '.join(missing)} for {doc_id}: "
            f"{'those layers are' if len(missing) > 1 else 'that layer is'} not evaluated")
    empty_links = pd.DataFrame(columns=["start", "end", "text", "gold", "system", "correct"])
    entity_scores, entity_errors, person_links, link_errors = None, pd.DataFrame(), None, empty_links
    if have["entities"]:
        gold = entities.read_gold_entities(doc_id, gold_dir=gold_dir)
        entity_scores = entities.evaluate_entities(gold, mentions)
        entity_errors = entities.entity_errors(gold, mentions)
        person_links = entities.linking_accuracy(gold, mentions, labels=("PERSON",))
        links = entities.linking_errors(gold, mentions, kinds=("NAME", "NOMINAL", "PRONOUN"))
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


def timex_evaluation(doc_id: str, found: Sequence[Timex], *, gold_dir: Path
                     ) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str]:
    """(scores, errors, note) against ``<gold_dir>/<doc_id>.timexes.csv``, or (None, None, why)."""
    if not _gold_file(gold_dir, doc_id, "timexes"):
        return None, None, (f"No gold timexes for {doc_id}: the tagger's output above is "
                            f"unchecked. Add {relative(gold_dir)}/<doc_id>.timexes.csv (see "
                            "docs/annotation_guide_time.md) to score it.")
    gold = timex_gold.read_gold_timexes(doc_id, gold_dir=gold_dir)
    note = (f"{len(gold)} gold and {len(found)} system expressions."
            if gold or found else "The gold file lists no expression and none was found: "
            "nothing to score, and nothing wrongly found.")
    return (timex_gold.evaluate_timexes(gold, list(found)),
            timex_gold.timex_errors(gold, list(found)), note)
