"""CAMEO table, Goldstein scores and the verb lexicon."""
import pytest

from helpers.events import cameo
from helpers.files.resources import LexiconError, resource_rows


def test_codes_are_strings_with_leading_zeros():
    codes = cameo.event_codes()
    assert codes["010"].description != codes["10"].description
    assert "01" in codes and "1" not in codes


def test_table_has_every_root_and_311_codes():
    codes = cameo.event_codes()
    assert len(codes) == 311
    assert {c for c in codes if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("code, score", [
    ("057", 8.0), ("042", 1.9), ("036", 4.0), ("045", 5.0), ("111", -2.0),
    ("", None), ("999", None), ("57", None),
])
def test_goldstein(code, score):
    assert cameo.goldstein(code) == score


@pytest.mark.parametrize("code, expected", [("0874", "08"), ("10", "10"), ("010", "01"), ("", "")])
def test_root(code, expected):
    assert cameo.root(code) == expected


def test_root_of_unknown_code_names_it():
    with pytest.raises(LexiconError, match="'777'"):
        cameo.root("777")


def test_describe_unknown_code_is_empty():
    assert cameo.describe("042") == "Make a visit"
    assert cameo.describe("") == ""
    assert cameo.describe("999") == ""


def test_every_lexicon_code_is_in_the_table():
    for entries in cameo.verb_lexicon().values():
        for entry in entries:
            assert entry.cameo_code == "" or entry.cameo_code in cameo.event_codes()


@pytest.mark.parametrize("lemma, patterns", [("hold", ["* {PRESS CONFERENCE}", "* {NEWS CONFERENCE}",
                                                       "* TALKS", "* MEETING", "* DISCUSSIONS", "*"]),
                                             ("deny", ["* RESPONSIBILITY", ""]),
                                             ("meet", [""])])
def test_patterned_rows_come_first_then_the_own_code_then_the_replacement(lemma, patterns):
    assert [e.pattern for e in cameo.verb_lexicon()[(lemma, "VERB")]] == patterns


def test_every_override_row_says_why():
    rows = [e for entries in cameo.verb_lexicon().values() for e in entries]
    assert rows and [e.line for e in rows if not e.note] == []


def test_missing_resource_is_named():
    with pytest.raises(LexiconError, match="nothing_here.csv"):
        resource_rows("nothing_here.csv")


def test_missing_column_of_a_resource_is_named(tmp_path):
    (tmp_path / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"'t\.csv': missing columns \['c'\]"):
        resource_rows("t.csv", columns=("a", "c"), resources_dir=tmp_path)


def test_resource_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "t.csv").write_bytes("a\nCaf\u00e9\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"'t\.csv' is not valid UTF-8: byte 0xe9"):
        resource_rows("t.csv", resources_dir=tmp_path)


def test_a_knowledge_base_folder_without_its_tables_names_the_missing_one(tmp_path):
    from helpers.nlp.kb import load_kb

    with pytest.raises(LexiconError, match="'entity_countries.csv' not found"):
        load_kb(tmp_path)


def test_event_table_has_roots():
    table = cameo.event_table()
    assert table.loc[table.code == "0231", "root"].item() == "02"
