"""The data contract: exact columns, offsets checked before writing, codes read as strings."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.contract import COLUMNS, ContractError, read_table, to_frame, write_table


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
                       match=r"relations.csv: missing columns \['weight', 'factuality', 'event_ids'\]"):
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
