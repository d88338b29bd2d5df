"""Profiles, positions, the concept matrix, stances, the power-interest grid, the table, the synthesis."""
from __future__ import annotations

import math

import pandas as pd
import matplotlib.pyplot as plt
import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.files.contract import COLUMNS, read_table
from helpers.pipeline.outputs import stakeholders_of
from helpers.stakeholders import power_interest
from helpers.stakeholders import profiles as stakeholders
from helpers.stakeholders.analysis import analyse_stakeholders, write_outputs
from helpers.stakeholders.tables import make_tables
from helpers.views.stakeholder_figures import draw_grid, draw_network
from helpers.views.synthesis import cited_ids, grid_summary, network_summary, synthesis

from tests.stakeholders.fixture import SEED, one_sentence, seed_tables


@pytest.fixture(scope="module")
def seed_report():
    return analyse_stakeholders(seed_tables())


def test_places_are_not_stakeholders():
    tables = one_sentence("Hakim reached Baghdad.", mentions=[("Hakim", "h"), ("Baghdad", "b")])
    actors = pd.DataFrame({"actor_id": ["h", "b"], "name": ["Hakim", "Baghdad"],
                           "type": ["person", "city"]})
    tables = make_tables("d", tables.text, sentences=tables.sentences, mentions=tables.mentions,
                         actors=actors)
    assert stakeholders.profiles(tables)["actor_id"].tolist() == ["h"]


def test_profiles_give_first_mention_and_sentences_and_drop_unmentioned_actors(seed_report):
    table = seed_report.profiles.set_index("actor_id")
    assert table.loc["ali_khamenei", "first_sentence"] == 10
    assert table.loc["ammar_al_hakim", "first_offset"] == seed_tables().text.index("Ammar")
    assert stakeholders.profiles(one_sentence("Nobody.")).empty
    tables = one_sentence("Iraq waited.", mentions=[("Iraq", "iraq")])
    actors = pd.DataFrame({"actor_id": ["iraq", "iran"], "name": ["Iraq", "Iran"],
                           "type": ["state", "state"]})
    tables = make_tables("d", tables.text, sentences=tables.sentences, mentions=tables.mentions,
                         actors=actors)
    assert stakeholders.profiles(tables)["actor_id"].tolist() == ["iraq"]


@pytest.mark.parametrize("text, actor_type, expected", [
    ("", "", 0.0), ("Iran’s Supreme Leader", "person", 1.0), ("Iraqi leaders", "group", 0.6),
    ("Iran", "state", 1.0), ("a surgeon", "person", 0.0),
])
def test_office_score_is_the_strongest_office_word(text, actor_type, expected):
    assert power_interest.office_score(text, actor_type=actor_type) == expected


@pytest.mark.parametrize("power, interest, expected", [
    (0.9, 0.9, "Manage closely"), (0.9, 0.1, "Keep satisfied"), (0.1, 0.9, "Keep informed"),
    (0.1, 0.1, "Monitor"), (0.5, 0.5, "Manage closely"), (0.9, float("nan"), "not placed"),
])
def test_quadrant_names_follow_mendelow(power, interest, expected):
    assert power_interest.quadrant(power, interest) == expected


@pytest.mark.parametrize("text, mentions", [
    ("It rained.", []), ("Iraq waited.", [("Iraq", "iraq")]),
])
def test_fewer_than_two_actors_give_an_explained_empty_grid(text, mentions):
    tables = one_sentence(text, mentions=mentions)
    tables.actors.loc[0] = {c: "" for c in tables.actors.columns} | {"actor_id": "iraq"}
    report = analyse_stakeholders(tables)
    assert report.grid.table.empty and "nothing to place" in report.grid.reason
    assert report.sensitivity.empty


def test_sensitivity_reports_who_crosses_when_a_weight_moves():
    parts = pd.DataFrame({"actor_id": ["a", "b"], "power.sector": [1.0, 0.0],
                          "power.office": [0.4, 0.0], "power.degree": [0.0, 0.0],
                          "power.betweenness": [0.0, 0.0], "interest.mentions": [1.0, 0.0],
                          "interest.sentences": [1.0, 0.0], "interest.engagement": [1.0, 0.0],
                          "interest.positions": [1.0, 0.0], "stated": [True, True]})
    assert power_interest.grid(parts).table["quadrant"].tolist() == ["Keep informed", "Monitor"]
    moved = power_interest.sensitivity(parts)
    assert moved[["weight", "factor", "actor_id", "perturbed"]].values.tolist() == \
        [["power.betweenness", 0.75, "a", "Manage closely"],
         ["power.degree", 0.75, "a", "Manage closely"],
         ["power.sector", 1.25, "a", "Manage closely"]]
    assert power_interest.sensitivity(parts, step=0.0).empty


def test_seed_actors_have_the_right_types_and_countries(seed_report):
    table = seed_report.stakeholders.set_index("actor_id")
    expected = {"ammar_al_hakim": ("person", "IRQ"), "mohammad_bagher_ghalibaf": ("person", "IRN"),
                "ali_khamenei": ("person", "IRN"), "iran": ("state", "IRN"),
                "iraq": ("state", "IRQ"), "united_states": ("state", "USA"),
                "national_wisdom_movement": ("organization", "IRQ"),
                "iraqi_leaders": ("group", "IRQ")}
    assert {a: (table.loc[a, "type"], table.loc[a, "country"]) for a in expected} == expected


def test_the_united_states_is_a_known_unknown_not_scored_on_interest(seed_report):
    row = seed_report.stakeholders.set_index("actor_id").loc["united_states"]
    assert row["stance"] == "not_stated" and math.isnan(row["interest"])
    assert "united_states" in set(seed_report.known_unknowns["actor_id"])


def test_stakeholders_table_has_exactly_the_contract_columns(seed_report):
    assert tuple(seed_report.stakeholders.columns) == COLUMNS["stakeholders"]
    assert seed_report.stakeholders["actor_id"].is_monotonic_increasing


def test_every_evidence_sentence_exists_and_mentions_the_actor(seed_report):
    mentioned = stakeholders.actor_sentences(seed_report.tables)
    ids = set(seed_report.tables.sentences["sentence_id"])
    for row in seed_report.stakeholders.itertuples(index=False):
        cited = row.evidence
        assert cited and set(cited) <= ids and set(cited) <= set(mentioned[row.actor_id])


def test_every_synthesis_sentence_cites_existing_sentences(seed_report):
    sentences = synthesis(seed_report)
    ids = set(seed_report.tables.sentences["sentence_id"])
    assert sentences and all(cited_ids(s) and set(cited_ids(s)) <= ids for s in sentences)
    assert any("United States" in s and "unscored" in s for s in sentences)


ARTICLE_IDS = sorted(p.stem for p in ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def real_reports():
    """The notebook's flow (annotate, then analyse) on every test article and on the seed."""
    reports = {doc_id: stakeholders_of(doc_id, seeds_dir=ARTICLES) for doc_id in ARTICLE_IDS}
    reports[SEED] = stakeholders_of(SEED)
    return reports


@pytest.mark.parametrize("doc_id", ARTICLE_IDS + [SEED])
def test_the_notebook_flow_runs_and_writes_valid_tables_for_every_article(doc_id, real_reports,
                                                                          tmp_path):
    report = real_reports[doc_id]
    write_outputs(report, out_dir=tmp_path)
    table = read_table(doc_id, "stakeholders", out_dir=tmp_path)
    assert tuple(read_table(doc_id, "relations", out_dir=tmp_path).columns) == \
        COLUMNS["relations"]
    mentioned = stakeholders.actor_sentences(report.tables)
    for row in table.itertuples(index=False):
        assert set(row.evidence) <= set(mentioned[row.actor_id])
    assert bool(report.grid.reason) == (len(report.profiles) < 2)
    assert all(cited_ids(s) for s in synthesis(report)) or report.profiles.empty
    grid, network = draw_grid(report), draw_network(report)
    assert len(grid.axes) == 1 and len(network.axes) == 2
    plt.close(grid)
    plt.close(network)
    assert network_summary(report) and grid_summary(report)


def test_the_seed_through_the_pipeline_shows_the_issue_s_must_show(real_reports):
    report = real_reports[SEED]
    table = report.stakeholders.set_index("actor_id")
    assert {"ammar_al_hakim", "mohammad_bagher_ghalibaf", "ali_khamenei", "iran", "iraq",
            "united_states", "national_wisdom_movement", "iraqi_leaders"} <= set(table.index)
    assert table.loc["iraqi_leaders", "type"] == "group"
    events = {(u, v, d["factuality"]) for u, v, d in report.graph.edges(data=True)
              if d["tie"] == "event"}
    assert ("mohammad_bagher_ghalibaf", "ammar_al_hakim", "asserted") in events
    assert ("iranian_officials", "iraqi_leaders", "asserted") in events
    assert ("ammar_al_hakim", "ali_khamenei", "probable") in events
    assert table.loc["united_states", "stance"] == "not_stated"
    assert math.isnan(table.loc["united_states", "interest"])
