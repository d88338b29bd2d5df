"""What an article and its outlet say about dates: a DCT read from the article itself (dateline,
"published" line) when its metadata has none, and the outlet's numeric date order."""
from __future__ import annotations

import json

import pytest

from helpers.files.articles import CorpusError, load_document, parse_metadata, with_text_dct
from helpers.views.rendering import dct_statement, metadata_table

NO_META = parse_metadata({}, doc_id="x", name="x.meta.json")


@pytest.mark.parametrize("text,meta,dct,evidence", [
    ("Port talks resume\nPORT LIRA, May 6 — Talks resumed. They first met on 2 March 2025.\n",
     {}, "2025-05-06", "dateline 'PORT LIRA, May 6 —' with the latest year the text states"),
    ("Port talks resume\nPORT LIRA, May 6 (Wire) - Talks resumed.\n",
     {"url": "https://news.example.org/2025/05/06/port-talks"}, "2025-05-06",
     "with the year 2025 in the URL"),
    ("Summit\nSamarkand [Uzbekistan], April 13 : Leaders met on April 13, 2024 and in 2023.\n",
     {}, "2024-04-13", "the same day with its year in the text ('April 13, 2024')"),
    ("Budget passed\nPublished on 12 March 2025 | 10:04\nThe budget passed on Tuesday.\n",
     {}, "2025-03-12", "the line 'Published on 12 March 2025'"),
    ("NAIROBI, 4 March 2026: Talks ended.\n", {}, "2026-03-04", "dateline 'NAIROBI, 4 March 2026:'"),
])
def test_a_dateline_or_published_line_gives_an_inferred_dct(text, meta, dct, evidence):
    found = with_text_dct(parse_metadata(meta, doc_id="x", name="x.meta.json"), text)
    assert (found.dct, found.published_window, found.dct_source) == (dct, (dct, dct), "text")
    assert evidence in found.dct_evidence
    assert any(a.startswith("dct inferred from the article's text") for a in found.assumptions)
    assert not any(a.startswith("no dct") for a in found.assumptions)


@pytest.mark.parametrize("text", [
    "Port talks resume\nPORT LIRA, May 6 — Talks resumed.\n",     # no year anywhere
    "ISTANBUL (AA) – Talks resumed on Tuesday.\n",                  # a dateline without a date
    "Talks resumed on May 6, 2025, in Port Lira.\n",               # a date, but not a dateline
    "Headline\nSecond line\nThird\nFourth\nFifth\nSixth\nPORT LIRA, May 6, 2025 — Late.\n",
])
def test_without_such_evidence_there_is_no_dct(text):
    assert with_text_dct(NO_META, text) is NO_META


def test_a_dct_from_the_metadata_is_never_replaced():
    meta = parse_metadata({"dct": "2025-05-08"}, doc_id="x", name="x.meta.json")
    assert with_text_dct(meta, "PORT LIRA, May 6, 2025 — Talks resumed.\n") is meta


def test_the_loader_and_the_notebook_header_show_the_inferred_dct(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\nPORT LIRA, May 6, 2025 — Talks resumed on Tuesday.\n",
                                    encoding="utf-8")
    meta = load_document("a", seeds_dir=tmp_path).meta
    assert (meta.dct, meta.dct_source) == ("2025-05-06", "text")
    table = metadata_table(meta)["value"]
    assert table["dct_source"] == "inferred from the article's text"
    assert table["dct_evidence"] == "dateline 'PORT LIRA, May 6, 2025 —'"
    assert "INFERRED from the article's text" in dct_statement(meta)


def test_metadata_dct_is_marked_as_from_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("PORT LIRA, May 6, 2025 — Talks.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"dct": "2025-05-07"}), encoding="utf-8")
    meta = load_document("a", seeds_dir=tmp_path).meta
    assert (meta.dct, meta.dct_source) == ("2025-05-07", "metadata")
    assert "INFERRED" not in dct_statement(meta)


@pytest.mark.parametrize("data,order,assumed", [
    ({"date_order": "mdy"}, "MDY", None),
    ({"country": "USA"}, "MDY", "date_order not given: MDY for the outlet's country (USA)"),
    ({"country": "KE"}, "DMY", "date_order not given: DMY for the outlet's country (KE)"),
    ({"url": "https://www.example.com.pk/news/1"}, "DMY", "the URL's domain .pk (PK)"),
    ({"url": "https://news.example.co.uk/a"}, "DMY", "the URL's domain .uk (GB)"),
    ({"url": "https://example.com/a"}, "", "flagged as ambiguous"),
    ({"url": "https://example.io/a"}, "", "flagged as ambiguous"),
])
def test_the_date_order_comes_from_metadata_country_or_domain(data, order, assumed):
    meta = parse_metadata(data, doc_id="x", name="x.meta.json")
    assert meta.date_order == order
    if assumed:
        assert any(assumed in a for a in meta.assumptions)


@pytest.mark.parametrize("data,message", [
    ({"country": "Narnia"}, "country 'Narnia' is not an ISO 3166 country code"),
    ({"date_order": "DDMM"}, "date_order must be one of DMY, MDY, YMD"),
])
def test_bad_country_or_date_order_is_an_error_naming_the_file(data, message):
    with pytest.raises(CorpusError, match=f"x.meta.json: {message}"):
        parse_metadata(data, doc_id="x", name="x.meta.json")
