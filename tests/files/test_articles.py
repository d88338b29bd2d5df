"""The corpus loader: the text exactly as on disk, and a clear error for every bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.config import SEEDS_DIR
from helpers.files.articles import (MAX_CHARS, CorpusError, list_doc_ids, load_corpus, load_document,
                            parse_metadata)

SEED = "000_a1f3d825a8827267"


def write(folder: Path, doc_id: str, text: str | bytes, meta: object | str | None = None) -> None:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (folder / f"{doc_id}.txt").write_bytes(data)
    if meta is not None:
        raw = meta if isinstance(meta, str) else json.dumps(meta)
        (folder / f"{doc_id}.meta.json").write_text(raw, encoding="utf-8")


def test_seed_text_is_read_byte_for_byte():
    doc = load_document(SEED)
    assert doc.text.encode("utf-8") == (SEEDS_DIR / f"{SEED}.txt").read_bytes()


def test_seed_metadata_is_validated_and_kept():
    meta = load_document(SEED).meta
    assert (meta.dct, meta.published_window, meta.week_start) == (
        "2025-09-07", ("2025-09-06", "2025-09-09"), "saturday")
    assert meta.missing == ("title", "published", "country", "date_order")


def test_crlf_line_ends_are_kept_so_offsets_match_the_file(seeds):
    write(seeds, "a", "One.\r\nTwo.")
    assert load_document("a", seeds_dir=seeds).text == "One.\r\nTwo."


@pytest.mark.parametrize("doc_id, content, message", [
    ("empty", "", "empty or whitespace only"),
    ("blank", " \n\t\n", "empty or whitespace only"),
    ("binary", b"GIF89a\x00\x01\x02", "NUL bytes (first at byte 6)"),
    ("latin1", "Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8: byte 0xe9 at byte offset 3 (line 1)"),
    ("bom", "\ufeffText".encode("utf-8"), "byte-order mark"),
    ("huge", "a" * (MAX_CHARS + 1), "more than the limit"),
])
def test_bad_text_gets_an_error_naming_file_and_problem(seeds, doc_id, content, message):
    write(seeds, doc_id, content)
    with pytest.raises(CorpusError) as error:
        load_document(doc_id, seeds_dir=seeds)
    assert f"{doc_id}.txt" in str(error.value)
    assert message in str(error.value)


def test_missing_text_file_is_named(seeds):
    with pytest.raises(CorpusError, match=r"nothere\.txt: article text file not found"):
        load_document("nothere", seeds_dir=seeds)


@pytest.mark.parametrize("meta, message", [
    ("{not json", "metadata is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
    ("[1, 2]", "metadata must be a JSON object, got list"),
    ({"dct": "7 September 2025"}, "dct '7 September 2025' is not an ISO date"),
    ({"dct": 20250907}, "dct must be an ISO date string"),
    ({"dct": "2025-09-12", "published_window": ["2025-09-06", "2025-09-09"]},
     "dct 2025-09-12 falls outside published_window ['2025-09-06', '2025-09-09']"),
    ({"published_window": ["2025-09-09", "2025-09-06"]}, "ends before it starts"),
    ({"published_window": "2025-09-06"}, "published_window must be a list of two ISO dates"),
    ({"published": "2025-09-07", "dct": "2025-09-08"}, "dct 2025-09-08 differs from published 2025-09-07"),
    ({"week_start": "funday"}, "week_start must be a weekday name"),
    ({"doc_id": "other"}, "doc_id 'other' does not match the file name ('a')"),
    ({"outlet": 5}, "outlet must be a string or null"),
])
def test_broken_metadata_gets_an_error_naming_file_and_problem(seeds, meta, message):
    write(seeds, "a", "Some text.", meta)
    with pytest.raises(CorpusError) as error:
        load_document("a", seeds_dir=seeds)
    assert str(error.value).startswith("a.meta.json: ")
    assert message in str(error.value)


def test_metadata_not_utf8_is_named(seeds):
    write(seeds, "a", "Some text.")
    (seeds / "a.meta.json").write_bytes(b'{"outlet": "Caf\xe9"}')
    with pytest.raises(CorpusError, match=r"a\.meta\.json: metadata is not valid UTF-8"):
        load_document("a", seeds_dir=seeds)


def test_absent_metadata_says_what_is_missing_and_assumed(seeds):
    write(seeds, "a", "Some text.")
    meta = load_document("a", seeds_dir=seeds).meta
    assert meta.dct is None and meta.week_start == "monday"
    assert "dct" in meta.missing and "outlet" in meta.missing
    assert any("no metadata file" in a for a in meta.assumptions)
    assert any("left unresolved" in a for a in meta.assumptions)


def test_published_date_becomes_the_dct_and_a_one_day_window():
    meta = parse_metadata({"published": "2026-03-04"}, doc_id="x", name="x.meta.json")
    assert (meta.dct, meta.published_window) == ("2026-03-04", ("2026-03-04", "2026-03-04"))


def test_week_start_is_case_insensitive():
    assert parse_metadata({"week_start": "Saturday"}, doc_id="x", name="x").week_start == "saturday"


def test_corpus_lists_text_files_sorted_and_loads_them(seeds):
    write(seeds, "b", "Second.")
    write(seeds, "a", "First.")
    (seeds / "notes.md").write_text("ignored", encoding="utf-8")
    assert list_doc_ids(seeds) == ["a", "b"]
    assert [d.text for d in load_corpus(seeds)] == ["First.", "Second."]
