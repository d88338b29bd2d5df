"""The data contract: exact columns, offsets checked before writing, codes read as strings."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.files.contract import (COLUMNS, LIST_COLUMNS, ContractError, read_table, to_frame,
                                    write_table)


def test_written_table_has_exactly_the_contract_columns(tmp_path):
    rows = [{"text": "Iraq", "end": 4, "start": 0, "sentence_id": 1, "extra": "dropped"}]
    write_table("d", "sentences", rows, text="Iraq.", out_dir=tmp_path)
    assert (tmp_path / "sentences.csv").read_text(encoding="utf-8") == \
        "sentence_id,start,end,text\n1,0,4,Iraq\n"


def test_offsets_that_do_not_match_the_text_are_refused(tmp_path):
    rows = [{"sentence_id": 1, "start": 0, "end": 3, "text": "Iraq"}]
    with pytest.raises(ContractError, match="offsets 0-3 give 'Ira', not 'Iraq'"):
        write_table("d", "sentences", rows, text="Iraq.", out_dir=tmp_path)
    assert not (tmp_path / "sentences.csv").exists()


def test_missing_columns_are_named():
    with pytest.raises(ContractError,
                       match=r"relations.csv: missing columns \['weight', 'event_ids', 'factuality'\]"):
        to_frame("relations", [{"source_actor": "a", "target_actor": "b", "relation": "x"}])


def test_empty_table_is_written_with_its_header(tmp_path):
    write_table("d", "timexes", [], out_dir=tmp_path)
    assert (tmp_path / "timexes.csv").read_text(encoding="utf-8") == ",".join(COLUMNS["timexes"]) + "\n"


def test_codes_keep_leading_zeros_and_empty_cells_read_as_empty(tmp_path):
    row = {c: "" for c in COLUMNS["events"]}
    row.update(event_id="e1", sentence_id=1, start=0, end=4, trigger="meet", cameo_code="042",
               goldstein=1.9)
    write_table("d", "events", [row], out_dir=tmp_path)
    back = read_table("d", "events", out_dir=tmp_path)
    assert back.loc[0, "cameo_code"] == "042"
    assert back.loc[0, "timex_id"] == ""
    assert isinstance(back, pd.DataFrame) and list(back.columns) == list(COLUMNS["events"])


def test_reading_a_table_not_yet_written_names_it(tmp_path):
    with pytest.raises(ContractError, match=r"^d/actors.csv: not written yet"):
        read_table("d", "actors", out_dir=tmp_path)


def test_list_columns_are_tuples_in_the_program_and_joined_only_in_the_file(tmp_path):
    rows = [{"source_actor": "a", "target_actor": "b", "relation": "event:040", "weight": 2,
             "factuality": "asserted", "event_ids": ("e2", "e10")},
            {"source_actor": "a", "target_actor": "c", "relation": "co_mention", "weight": 1,
             "factuality": "", "event_ids": ()}]
    write_table("d", "relations", rows, out_dir=tmp_path)
    assert (tmp_path / "relations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "a,b,event:040,2,e2;e10,asserted", "a,c,co_mention,1,,"]
    assert read_table("d", "relations", out_dir=tmp_path)["event_ids"].tolist() == [
        ("e2", "e10"), ()]


def test_integer_list_columns_read_back_as_integers(tmp_path):
    row = {c: "" for c in COLUMNS["stakeholders"]}
    row.update(actor_id="iraq", mentions=3, degree=1, betweenness=0.0, evidence=(3, 12))
    write_table("d", "stakeholders", [row], out_dir=tmp_path)
    assert read_table("d", "stakeholders", out_dir=tmp_path).loc[0, "evidence"] == (3, 12)


def test_every_contract_table_has_a_record_and_list_columns_only_where_declared():
    assert set(COLUMNS) == {"sentences", "entities", "actors", "timexes", "events", "relations",
                            "stakeholders", "statements"}
    assert {name: sorted(cols) for name, cols in LIST_COLUMNS.items() if cols} == {
        "relations": ["event_ids"], "stakeholders": ["evidence"]}
    assert "rule" not in COLUMNS["timexes"] and "anchoring" not in COLUMNS["events"]
