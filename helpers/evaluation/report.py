"""Agreement of one article's annotation with the expected annotation written for it.

The expected annotations of the seed and of the invented test articles
(``helpers.config.EXPECTED_DIR``, passed in, never assumed) are regression checks,
written together with the code they check: notebooks 02 and 03 show the agreement
with them, never as accuracy. Accuracy is measured on the development set of real
articles (``make eval``, ``helpers.cli.dev_eval``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from helpers.config import relative
from helpers.evaluation import entities
from helpers.evaluation import events as event_reference
from helpers.evaluation import timexes as timex_reference
from helpers.files.records import Event, Mention, Timex


@dataclass(frozen=True)
class Agreement:
    """The annotation of one article scored against whatever reference files it has.

    A layer without a reference file has ``None`` (or an empty table) and is named in ``note``.
    """

    note: str
    entity_scores: pd.DataFrame | None
    entity_errors: pd.DataFrame
    person_links: tuple[int, int] | None
    link_errors: pd.DataFrame
    events: event_reference.EventEvaluation | None
    sourcing: dict | None

    def event_summary(self) -> str:
        """One line: events right on source, CAMEO root and target, and code and factuality agreement."""
        if self.events is None:
            return "no expected events: events not compared"
        t = self.events.tuples
        return (f"events with correct source, CAMEO root and target: {t.tp} of {t.tp + t.fn} "
                f"expected ({t.fp} more found); full-code agreement {self.events.code_agreement}, "
                f"factuality agreement {self.events.factuality_agreement}")


def _reference_file(reference_dir: Path, doc_id: str, kind: str) -> bool:
    return (Path(reference_dir) / f"{doc_id}.{kind}.csv").is_file()


def expected_agreement(doc_id: str, mentions: list[Mention], events: list[Event],
                    sourcing_rows: list[dict], *, reference_dir: Path) -> Agreement:
    """Compare entities, links, events and sourcing with the expected annotation files of
    ``reference_dir`` (``helpers.config.EXPECTED_DIR``) that exist for ``doc_id``."""
    have = {k: _reference_file(reference_dir, doc_id, k) for k in ("entities", "events", "sourcing")}
    missing = [k for k, ok in have.items() if not ok]
    note = (f"expected annotation (a regression check) for {doc_id}: "
            + ", ".join(k for k, ok in have.items() if ok) if not missing else
            f"no expected annotation of {', '.join(missing)} for {doc_id}: "
            f"{'those layers are' if len(missing) > 1 else 'that layer is'} not compared")
    empty_links = pd.DataFrame(columns=["start", "end", "text", "reference", "system", "correct"])
    entity_scores, entity_errors, person_links, link_errors = None, pd.DataFrame(), None, empty_links
    if have["entities"]:
        reference = entities.read_reference_entities(doc_id, reference_dir=reference_dir)
        entity_scores = entities.evaluate_entities(reference, mentions)
        entity_errors = entities.entity_errors(reference, mentions)
        person_links = entities.linking_agreement(reference, mentions, labels=("PERSON",))
        links = entities.linking_errors(reference, mentions, kinds=("NAME", "NOMINAL", "PRONOUN"))
        link_errors = links[~links.correct.astype(bool)].reset_index(drop=True)
    scored_events = (event_reference.evaluate_events(
        event_reference.read_reference_events(doc_id, reference_dir=reference_dir), events)
        if have["events"] else None)
    sourcing = (event_reference.evaluate_sourcing(
        event_reference.read_reference_sourcing(doc_id, reference_dir=reference_dir), sourcing_rows)
        if have["sourcing"] else None)
    return Agreement(note=note, entity_scores=entity_scores, entity_errors=entity_errors,
                          person_links=person_links, link_errors=link_errors,
                          events=scored_events, sourcing=sourcing)


def timex_agreement(doc_id: str, found: Sequence[Timex], *, reference_dir: Path
                     ) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str]:
    """(scores, errors, note) against ``<reference_dir>/<doc_id>.timexes.csv``, or (None, None, why)."""
    if not _reference_file(reference_dir, doc_id, "timexes"):
        return None, None, (f"No expected timexes for {doc_id}: the tagger's output above is "
                            f"unchecked. Add {relative(reference_dir)}/<doc_id>.timexes.csv (see "
                            "docs/annotation_guide_time.md) to score it.")
    reference = timex_reference.read_reference_timexes(doc_id, reference_dir=reference_dir)
    note = (f"{len(reference)} expected and {len(found)} found expressions."
            if reference or found else "The expected annotation lists no expression and none was found: "
            "nothing to score, and nothing wrongly found.")
    return (timex_reference.evaluate_timexes(reference, list(found)),
            timex_reference.timex_errors(reference, list(found)), note)
