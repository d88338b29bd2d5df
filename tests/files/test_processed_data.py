"""The committed derived data follows the contract: exact columns, offsets that give the text."""
from __future__ import annotations

import pytest

from helpers.config import PROCESSED_DIR, SEEDS_DIR
from helpers.files.articles import list_doc_ids, load_document
from helpers.files.contract import COLUMNS, read_table

DOC_IDS = list_doc_ids(SEEDS_DIR)


def test_every_seed_has_its_processed_folder():
    assert DOC_IDS and all((PROCESSED_DIR / doc_id).is_dir() for doc_id in DOC_IDS)


@pytest.mark.parametrize("doc_id", DOC_IDS)
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_row_with_offsets_gives_its_text(doc_id, name):
    text = load_document(doc_id).text
    header = (PROCESSED_DIR / doc_id / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(COLUMNS[name])
    table = read_table(doc_id, name)
    column = "text" if "text" in table.columns else "trigger"
    if "start" in table.columns:
        spans = [text[int(s):int(e)] for s, e in zip(table.start, table.end)]
        assert spans == table[column].tolist()


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_sentence_ids_cited_anywhere_exist(doc_id):
    sentence_ids = set(read_table(doc_id, "sentences").sentence_id)
    for name in ("entities", "timexes", "events"):
        assert set(read_table(doc_id, name).sentence_id) <= sentence_ids, name
    for evidence in read_table(doc_id, "stakeholders").evidence:
        assert set(evidence) <= sentence_ids


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_the_brat_copy_of_the_text_is_byte_identical_to_the_seed(doc_id):
    assert (PROCESSED_DIR / doc_id / f"{doc_id}.txt").read_bytes() == \
        (SEEDS_DIR / f"{doc_id}.txt").read_bytes()


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_actor_ids_are_consistent_across_tables(doc_id):
    actors = set(read_table(doc_id, "actors").actor_id)
    mentioned = {a for a in read_table(doc_id, "entities").actor_id if a}
    events = read_table(doc_id, "events")
    assert mentioned == actors
    assert {a for a in set(events.source_actor) | set(events.target_actor) if a} <= actors
