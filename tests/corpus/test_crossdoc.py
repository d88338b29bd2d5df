"""The cross-document view: actors merged by id, one timeline, and the growing picture."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import SEEDS_DIR
from helpers.corpus.crossdoc import cross_timeline, link_events, merge_actors, stakeholder_growth
from helpers.corpus.tables import corpus_tables, read_tables

SEOUL = ("t04_seoul_talks_a", "t05_seoul_talks_b")

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Outlet A", "Outlet B", ""]})


def event(doc_id: str, event_id: str = "e1", *, code: str = "040", source: str = "x",
          target: str = "y", earliest: str = "2026-02-09", latest: str = "2026-02-09",
          factuality: str = "asserted", attribution: str = "", sentence_id: int = 1) -> dict:
    return {"doc_id": doc_id, "event_id": event_id, "sentence_id": sentence_id,
            "trigger": "met", "cameo_code": code, "source_actor": source,
            "target_actor": target, "factuality": factuality, "attribution": attribution,
            "earliest": earliest, "latest": latest}


def timeline(*events: dict, documents: pd.DataFrame = DOCS) -> pd.DataFrame:
    return cross_timeline(pd.DataFrame(list(events)), documents)


def test_one_event_told_by_two_outlets_is_one_row_with_two_sources():
    rows = timeline(event("a", attribution="the two governments said"),
                    event("b", code="042", source="y", target="x", sentence_id=3))
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["corroboration"], row["articles"]) == (2, 2)
    assert row["sources"] == ("a s1 e1 (Outlet A; the two governments said) | "
                              "b s3 e1 (Outlet B; no attribution)")
    assert (row["earliest"], row["latest"]) == ("2026-02-09", "2026-02-09")


@pytest.mark.parametrize("second", [
    event("b", earliest="2026-02-11", latest="2026-02-12"),        # intervals apart
    event("b", code="112"),                                         # another CAMEO root (accuse)
    event("b", source="x", target="z"),                             # another actor pair
    event("b", target="", earliest="", latest=""),                  # no date and no target
    event("b", code=""),                                            # no CAMEO code
])
def test_events_that_differ_are_not_merged(second):
    assert len(timeline(event("a"), second)) == 2


def test_an_undated_event_joins_the_one_dated_event_of_its_pair_in_another_article():
    undated = event("b", earliest="", latest="")
    assert len(timeline(event("a"), undated)) == 1
    # not when two dated events of the pair could be the one, nor within its own article
    two = timeline(event("a"), event("c", earliest="2026-03-01", latest="2026-03-01"), undated)
    assert len(two) == 3
    assert len(timeline(event("a"), event("a", "e2", earliest="", latest=""))) == 2


def test_a_directed_code_keeps_its_direction_but_a_symmetric_one_does_not():
    accuse = timeline(event("a", code="112"), event("b", code="112", source="y", target="x"))
    meet = timeline(event("a", code="044"), event("b", code="044", source="y", target="x"))
    assert (len(accuse), len(meet)) == (2, 1)


def test_different_factuality_is_reported_not_averaged():
    row = timeline(event("a"), event("b", factuality="possible")).iloc[0]
    assert row["factuality"] == "asserted / possible"
    assert row["factuality_disagree"] == "a s1 e1: asserted | b s1 e1: possible"


def test_overlapping_but_different_dates_merge_and_show_each_source_interval():
    row = timeline(event("a", earliest="2026-02-09", latest="2026-02-10"),
                   event("b", earliest="2026-02-10", latest="2026-02-12")).iloc[0]
    assert (row["earliest"], row["latest"]) == ("2026-02-10", "2026-02-10")
    assert row["dates_disagree"] == ("a s1 e1: 2026-02-09..2026-02-10 | "
                                     "b s1 e1: 2026-02-10..2026-02-12")


def test_every_merged_event_is_listed_as_doc_and_event_id():
    merged = timeline(event("b", event_id="e12"), event("a", event_id="e3"),
                      event("a", event_id="e10"))
    assert merged["event_refs"].tolist() == ["a:e3;a:e10;b:e12"]


def test_an_event_merged_with_nothing_lists_itself_only():
    apart = timeline(event("a"), event("b", code="112"))
    assert sorted(apart["event_refs"]) == ["a:e1", "b:e1"]


def test_growth_counts_no_tie_for_a_denied_event():
    events = pd.DataFrame({"doc_id": ["a", "b"], "source_actor": ["x", "x"],
                           "target_actor": ["y", "z"], "factuality": ["negated", "asserted"]})
    actors = pd.DataFrame({"doc_id": ["a", "b", "b"], "actor_id": ["x", "y", "z"],
                           "mentions": [1, 1, 1]})
    assert stakeholder_growth(actors, events)["ties"].tolist() == [0, 1]


def test_agreeing_sources_show_no_disagreement():
    row = timeline(event("a"), event("b")).iloc[0]
    assert (row["dates_disagree"], row["factuality_disagree"]) == ("", "")


def test_every_source_of_a_merged_event_shares_a_day_even_when_chained():
    rows = timeline(event("a", earliest="2026-02-01", latest="2026-02-05"),
                    event("b", earliest="2026-02-05", latest="2026-02-09"),
                    event("c", earliest="2026-02-09", latest="2026-02-12"))
    assert rows["articles"].tolist() == [2, 1]


def test_an_open_interval_overlaps_what_lies_on_its_open_side():
    assert len(timeline(event("a", earliest="", latest="2026-02-10"), event("b"))) == 1


def test_two_articles_of_one_outlet_count_as_one_voice():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Same", "Same"]})
    row = timeline(event("a"), event("b"), documents=docs).iloc[0]
    assert (row["corroboration"], row["articles"]) == (1, 2)


def test_merged_ids_follow_time_then_are_stable_under_input_order():
    events = [event("b", "e2", earliest="2026-03-01", latest="2026-03-01"), event("a"),
              event("c", code="112")]
    forward = link_events(pd.DataFrame(events), DOCS)
    backward = link_events(pd.DataFrame(events[::-1]), DOCS)
    pd.testing.assert_frame_equal(forward, backward)
    assert forward["doc_id"].tolist() == ["a", "c", "b"]


def test_undated_events_come_last_and_open_ends_sort_by_their_bound():
    rows = timeline(event("a", "e1", target="z", earliest="", latest=""),
                    event("a", "e2", code="112", earliest="", latest="2026-02-10"),
                    event("b", "e1", earliest="2026-02-09", latest="2026-02-09"))
    assert rows["sources"].str.split(" (", regex=False).str[0].tolist() == ["b s1 e1", "a s1 e2", "a s1 e1"]
    assert rows["earliest"].tolist() == ["2026-02-09", "", ""]


@pytest.mark.parametrize(("code", "source", "target", "shown"), [
    ("044", "y", "x", "y ↔ x"), ("112", "y", "x", "y → x"), ("010", "x", "", "x")])
def test_the_actors_column_shows_direction_only_for_directed_codes(code, source, target, shown):
    rows = timeline(event("a", code=code, source=source, target=target))
    assert rows["actors"].tolist() == [shown]


def test_an_empty_event_table_gives_an_empty_timeline_with_its_columns():
    empty = pd.DataFrame(columns=list(event("a")))
    rows = cross_timeline(empty, DOCS)
    assert rows.empty and "corroboration" in rows.columns


def actor(doc_id: str, actor_id: str, mentions: int, name: str = "", **extra) -> dict:
    return {"doc_id": doc_id, "actor_id": actor_id, "name": name or actor_id, "type": "person",
            "country": "", "role": "", "wikidata": "", "cameo_code": "", "mentions": mentions,
            **extra}


def test_actors_merge_by_id_summing_mentions_and_keeping_every_name():
    actors = pd.DataFrame([actor("a", "kenji_morita", 3, "Kenji Morita"),
                           actor("b", "kenji_morita", 2, "Morita"),
                           actor("b", "park_min_ji", 4, "Park Min-ji"),
                           actor("b", "", 1, "both leaders")])
    merged = merge_actors(actors)
    assert merged[["actor_id", "articles", "mentions"]].values.tolist() == [
        ["kenji_morita", 2, 5], ["park_min_ji", 1, 4]]
    assert merged.loc[0, "names"] == "Kenji Morita; Morita"
    assert merged.loc[0, "mentions_by_article"] == "a: 3; b: 2"


def test_non_ascii_names_are_kept_as_written():
    merged = merge_actors(pd.DataFrame([actor("a", "sao_tome", 1, "São Tomé")]))
    assert merged.loc[0, "name"] == "São Tomé"


def test_the_picture_grows_article_by_article():
    actors = pd.DataFrame([actor("a", "x", 2), actor("a", "y", 1), actor("b", "y", 1),
                           actor("b", "z", 3)])
    events = pd.DataFrame([event("a"), event("b", source="z", target="y"),
                           event("b", "e2", source="y", target="x")])
    growth = stakeholder_growth(actors, events)
    assert growth[["doc_id", "actors", "new_actor_ids", "mentions", "ties"]].values.tolist() == [
        ["a", 2, "x, y", 3, 1], ["b", 3, "z", 7, 2]]
    assert growth["most_tied"].tolist() == ["x", "y"]


def test_an_article_with_no_actor_still_is_a_step():
    growth = stakeholder_growth(pd.DataFrame([actor("a", "x", 1)]),
                                pd.DataFrame(columns=list(event("a"))), order=["a", "b"])
    assert growth[["actors", "new_actors"]].values.tolist() == [[1, 1], [1, 0]]


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> dict[str, pd.DataFrame]:
    """The real pipeline over a seeds folder: the seed plus the two Seoul articles dropped in."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in [*SEEDS_DIR.glob("*"), *(p for d in SEOUL for p in ARTICLES.glob(f"{d}.*"))]:
        shutil.copy(path, folder / path.name)
    return corpus_tables(folder, progress=False)


def seoul_meeting(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = cross_timeline(tables["events"], tables["documents"])
    return rows[(rows["actors"] == "kenji_morita ↔ park_min_ji") & (rows["cameo_root"] == "04")]


def test_the_seoul_meeting_told_twice_is_one_row_with_both_articles_as_sources(grown):
    meeting = seoul_meeting(grown)
    assert len(meeting) == 1
    row = meeting.iloc[0]
    assert (row["earliest"], row["latest"], row["corroboration"], row["articles"]) == (
        "2026-02-09", "2026-02-09", 2, 2)
    assert {part.split()[0] for part in row["sources"].split(" | ")} == set(SEOUL)
    assert "Fixture Times" in row["sources"] and "Fixture Daily" in row["sources"]


def test_adding_two_articles_to_the_seeds_folder_needs_no_code_change(grown):
    seed_ids = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert grown["documents"]["doc_id"].tolist() == sorted([*seed_ids, *SEOUL])
    growth = stakeholder_growth(grown["actors"], grown["events"])
    assert growth["doc_id"].tolist() == sorted([*seed_ids, *SEOUL])
    assert growth["actors"].is_monotonic_increasing


def test_actors_of_both_seoul_articles_merge_by_id(grown):
    merged = merge_actors(grown["actors"]).set_index("actor_id")
    assert merged.loc["kenji_morita", "articles"] == 2
    assert merged.loc["park_min_ji", "mentions_by_article"].startswith(f"{SEOUL[0]}: ")


def test_tables_read_back_from_the_dask_path_give_the_same_timeline(grown, tmp_path):
    from helpers.corpus.distributed import annotate_directory

    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in (p for d in SEOUL for p in ARTICLES.glob(f"{d}.*")):
        shutil.copy(path, folder / path.name)
    annotate_directory(folder, tmp_path / "out", scheduler="sync", progress=False)
    tables = read_tables(list(SEOUL), processed_root=tmp_path / "out", seeds_dir=folder)
    assert seoul_meeting(tables).drop(columns="merged_id").to_dict("records") == \
        seoul_meeting(grown).drop(columns="merged_id").to_dict("records")


def test_an_announced_and_a_reported_meeting_merge_with_both_disagreements_shown():
    nairobi = ("cx_01_nairobi_expected", "cx_02_nairobi_met")
    tables = corpus_tables(ARTICLES, doc_ids=nairobi, progress=False)
    rows = cross_timeline(tables["events"], tables["documents"])
    row = rows[rows["actors"].str.contains("amina_juma ↔ otieno_kamau")].iloc[0]
    assert (row["articles"], row["earliest"], row["latest"]) == (2, "2026-03-05", "2026-03-05")
    assert row["factuality"] == "probable / asserted"
    assert row["dates_disagree"].count(" | ") == row["factuality_disagree"].count(" | ") == 1


def test_a_relative_folder_is_read_from_the_project_root_and_an_empty_article_gives_no_rows():
    tables = corpus_tables("tests/articles", doc_ids=["t07_weather_nothing"], progress=False)
    assert tables["documents"]["doc_id"].tolist() == ["t07_weather_nothing"]
    assert tables["actors"].empty and "actor_id" in tables["actors"].columns


def test_a_rejected_file_is_left_out_of_the_corpus_tables_and_named_with_the_reason(tmp_path):
    from helpers.files.articles import CorpusError, read_text

    for path in ARTICLES.glob(f"{SEOUL[1]}.*"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01 not text")
    tables = corpus_tables(tmp_path, progress=False)
    with pytest.raises(CorpusError) as raised:
        read_text(tmp_path / "a_binary.txt")
    assert tables["rejected"].values.tolist() == [["a_binary", str(raised.value)]]
    assert tables["documents"]["doc_id"].tolist() == [SEOUL[1]]
    assert set(tables["actors"]["doc_id"]) == {SEOUL[1]}
