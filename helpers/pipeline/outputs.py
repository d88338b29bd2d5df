"""What one annotated article gives beyond its annotations: its stakeholder analysis and
every file of ``data/processed/<doc_id>/``.

``write_contract`` writes the contract files (tables checked against the contract as
they are written, brat, the stakeholder tables); ``stakeholders_of`` is what notebook
04 calls.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from helpers.config import SEEDS_DIR
from helpers.events.cameo import describe
from helpers.files import brat
from helpers.files.articles import load_document
from helpers.files.contract import write_table
from helpers.files.records import Actor, Event, Mention, Sentence, Timex, frame
from helpers.pipeline.annotate import Analysis, analyse
from helpers.stakeholders.analysis import StakeholderReport, analyse_stakeholders, write_outputs
from helpers.stakeholders.tables import Tables, make_tables


def stakeholder_tables(analysis: Analysis) -> Tables:
    """The stakeholder analysis's :class:`~helpers.stakeholders.tables.Tables` of an analysis."""
    return make_tables(analysis.doc_id, analysis.text, sentences=frame(analysis.sentences),
                       mentions=frame(analysis.mentions), actors=frame(analysis.actors),
                       events=frame(analysis.events),
                       predicates=frame(analysis.predicates, Event), doc=analysis.doc)


def stakeholders_of(doc_id: str, *, seeds_dir: Path = SEEDS_DIR) -> StakeholderReport:
    """Load one article from ``seeds_dir``, annotate it and analyse its stakeholders.

    Raises :class:`helpers.files.articles.CorpusError` naming the file when the article
    cannot be read.
    """
    return analyse_stakeholders(stakeholder_tables(analyse(load_document(doc_id,
                                                                        seeds_dir=seeds_dir))))


#: Every per-document contract file, in the order the notebooks write them.
CONTRACT_FILES = ("sentences", "entities", "actors", "timexes", "events", "brat",
                  "relations", "stakeholders", "statements")


def write_contract(analysis: Analysis, *, out_dir: Path | None = None,
                   names: Iterable[str] = CONTRACT_FILES) -> dict[str, Path]:
    """Write the article's contract files named in ``names`` (default: every one).

    Tables are checked against the contract (columns, offsets) as they are written;
    ``relations``, ``stakeholders`` and ``statements`` come from the stakeholder analysis of
    the same annotations.
    """
    names = tuple(names)
    unknown = sorted(set(names) - set(CONTRACT_FILES))
    if unknown:
        raise ValueError(f"not contract files: {unknown}; choose from {list(CONTRACT_FILES)}")
    tables = {"sentences": (analysis.sentences, Sentence), "entities": (analysis.mentions, Mention),
              "actors": (analysis.actors, Actor), "timexes": (analysis.timexes, Timex),
              "events": (analysis.events, Event)}
    written = {name: write_table(analysis.doc_id, name, frame(*tables[name]),
                                 text=analysis.text, out_dir=out_dir)
               for name in CONTRACT_FILES if name in names and name in tables}
    if "brat" in names:
        ann = brat.to_brat(analysis.text, analysis.mentions, analysis.events, analysis.timexes,
                           describe=describe)
        written["brat"] = brat.write_brat(analysis.doc_id, analysis.text, ann, out_dir)
    if {"relations", "stakeholders", "statements"} & set(names):
        report = analyse_stakeholders(stakeholder_tables(analysis), with_sensitivity=False)
        written.update(write_outputs(report, out_dir=out_dir, names=names))
    return written
