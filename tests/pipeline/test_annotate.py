"""The composition of layers: one analysis, every contract file written from it."""
from __future__ import annotations

import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.files.articles import load_document
from helpers.files.contract import COLUMNS
from helpers.pipeline import annotate, outputs



@pytest.fixture(scope="module")
def analysis():
    return annotate.analyse(load_document("t04_seoul_talks_a", seeds_dir=ARTICLES))


def test_every_contract_file_is_written_by_default(analysis, tmp_path):
    written = outputs.write_contract(analysis, out_dir=tmp_path)
    assert sorted(written) == sorted(outputs.CONTRACT_FILES)
    assert {p.name for p in tmp_path.iterdir()} == \
        {f"{n}.csv" for n in COLUMNS} | {"t04_seoul_talks_a.ann", "t04_seoul_talks_a.txt"}


def test_only_the_named_files_are_written(analysis, tmp_path):
    written = outputs.write_contract(analysis, out_dir=tmp_path, names=("entities", "brat"))
    assert sorted(written) == ["brat", "entities"]
    assert {p.name for p in tmp_path.iterdir()} == \
        {"entities.csv", "t04_seoul_talks_a.ann", "t04_seoul_talks_a.txt"}


def test_an_unknown_file_name_is_refused(analysis, tmp_path):
    with pytest.raises(ValueError, match=r"not contract files: \['timeline'\]"):
        outputs.write_contract(analysis, out_dir=tmp_path, names=("timeline",))


def test_analyse_many_streams_the_same_analyses_as_analyse():
    docs = [load_document(d, seeds_dir=ARTICLES) for d in ("t01_kenya_border", "t07_weather_nothing")]
    streamed = list(annotate.analyse_many(iter(docs), batch_size=1))
    single = [annotate.analyse(d) for d in docs]
    assert [(a.doc_id, a.mentions, a.events, a.timexes) for a in streamed] == \
        [(a.doc_id, a.mentions, a.events, a.timexes) for a in single]


def test_one_stakeholder_table_alone_can_be_written(analysis, tmp_path):
    written = outputs.write_contract(analysis, out_dir=tmp_path, names=("relations",))
    assert sorted(written) == ["relations"]
    assert [p.name for p in tmp_path.iterdir()] == ["relations.csv"]
