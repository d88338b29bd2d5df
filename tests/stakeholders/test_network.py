"""The actor network: affiliation rules, ties, relations.csv, measures, brokerage, bridge checks."""
from __future__ import annotations

import matplotlib
import networkx as nx
import pandas as pd
import pytest

from helpers.files.contract import COLUMNS
from helpers.stakeholders import brokerage, network
from helpers.stakeholders.analysis import analyse_stakeholders
from helpers.stakeholders.tables import make_tables, normalise
from helpers.views.stakeholder_figures import draw_network, layout

from tests.stakeholders.fixture import seed_tables

matplotlib.use("Agg")


def actors(*rows) -> pd.DataFrame:
    return normalise("actors", [dict(zip(("actor_id", "name", "type", "country", "role"), r))
                                for r in rows])


def events(*rows) -> pd.DataFrame:
    keys = ("event_id", "sentence_id", "source_actor", "target_actor", "cameo_code",
            "factuality")
    return normalise("events", [dict(zip(keys, r)) for r in rows])


def graph_of(actor_rows, event_rows=(), mention_rows=()) -> nx.MultiDiGraph:
    return network.build_network(actors(*actor_rows), events=events(*event_rows),
                                 mentions=normalise("entities", list(mention_rows)))


ABC = [("a", "A", "person", "X", ""), ("b", "B", "person", "Y", ""), ("c", "C", "person", "Z", "")]


@pytest.fixture(scope="module")
def seed_report():
    return analyse_stakeholders(seed_tables())


@pytest.mark.parametrize("rows, expected", [
    ([], []),
    ([("h", "H", "person", "IRQ", "head of Iraq’s Wisdom Movement"),
      ("m", "Wisdom Movement", "organization", "IRQ", ""), ("q", "Iraq", "state", "IRQ", "")],
     [("h", "m"), ("m", "q")]),
    ([("g", "G", "person", "IRN", "Speaker"), ("i", "Iran", "state", "IRN", "")], [("g", "i")]),
    ([("g", "G", "person", "IRN", "Speaker"), ("q", "Iraq", "state", "IRQ", "")], []),
    ([("l", "Iraqi leaders", "group", "IRQ", ""), ("q", "Iraq", "state", "IRQ", "")],
     [("l", "q")]),
    ([("p", "P", "person", "", "head of nothing"), ("m", "Movement", "organization", "", "")],
     []),
])
def test_affiliations_follow_roles_and_countries(rows, expected):
    assert network.affiliations(actors(*rows)) == expected


def test_a_role_naming_a_body_by_the_text_s_name_for_it_is_an_affiliation():
    rows = actors(("g", "G", "person", "", "Speaker of Parliament"),
                  ("p", "Islamic Consultative Assembly", "organization", "", ""))
    assert network.affiliations(rows) == []
    assert network.affiliations(rows, aliases={"p": {"Parliament"}}) == [("g", "p")]


def test_an_event_gives_one_directed_edge_with_its_code_and_factuality():
    graph = graph_of(ABC, [("e1", 1, "a", "b", "036", "probable")])
    [(source, target, data)] = [e for e in graph.edges(data=True) if e[2]["tie"] == "event"]
    assert (source, target) == ("a", "b")
    assert (data["relation"], data["factuality"], data["event_ids"]) == \
        ("event:036", "probable", ("e1",))


@pytest.mark.parametrize("source, target", [("a", ""), ("", "b"), ("a", "a"), ("a", "zz")])
def test_events_without_two_known_distinct_actors_give_no_edge(source, target):
    graph = graph_of(ABC, [("e1", 1, source, target, "040", "asserted")])
    assert not [e for e in graph.edges(data=True) if e[2]["tie"] == "event"]


def test_co_mentions_pair_actors_of_one_sentence_only():
    mentions = pd.DataFrame({"sentence_id": [1, 1, 1, 2, 3], "actor_id": ["b", "a", "", "a", "c"]})
    assert network.co_mentions(mentions) == {("a", "b"): [1]}
    assert network.co_mentions(mentions.iloc[:0]) == {}


def test_relations_table_has_contract_columns_sorted_rows_and_event_ids_in_order():
    graph = graph_of(ABC, [("e10", 2, "a", "b", "040", "asserted"),
                           ("e2", 1, "a", "b", "040", "asserted"),
                           ("e3", 1, "b", "c", "", "possible")],
                     [{"sentence_id": 1, "actor_id": "a"}, {"sentence_id": 1, "actor_id": "c"}])
    table = network.relations_table(graph)
    assert tuple(table.columns) == COLUMNS["relations"]
    assert table.values.tolist() == [["a", "b", "event:040", 2, ("e2", "e10"), "asserted"],
                                     ["a", "c", "co_mention", 1, (), ""],
                                     ["b", "c", "event:uncoded", 1, ("e3",), "possible"]]


def test_a_relation_takes_the_strongest_factuality_of_its_events():
    graph = graph_of(ABC, [("e1", 1, "a", "b", "040", "negated"),
                           ("e2", 2, "a", "b", "040", "possible"),
                           ("e3", 3, "b", "c", "111", "negated")])
    table = network.relations_table(graph)
    assert table[["source_actor", "target_actor", "factuality"]].values.tolist() == [
        ["a", "b", "possible"], ["b", "c", "negated"]]


def test_a_negated_event_is_shown_but_adds_no_degree_and_no_betweenness():
    # a -> b asserted, b -> c denied: b brokers nothing, c is tied to no one
    graph = graph_of(ABC, [("e1", 1, "a", "b", "040", "asserted"),
                           ("e2", 2, "b", "c", "040", "negated")])
    table = brokerage.measures(graph).set_index("actor_id")
    assert (table.loc["b", "degree"], table.loc["b", "betweenness"]) == (1, 0.0)
    assert table.loc["c", "degree"] == 0
    shown = [(u, v, d["tie"], d["factuality"]) for u, v, d in graph.edges(data=True)
             if d["relation"].startswith("event")]
    assert ("b", "c", "unrealised", "negated") in shown


@pytest.mark.parametrize("factuality, tie", [("asserted", "event"), ("probable", "event"),
                                             ("possible", "event"), ("negated", "unrealised"),
                                             ("underspecified", "unrealised")])
def test_ties_follow_factuality(factuality, tie):
    graph = graph_of(ABC, [("e1", 1, "a", "b", "040", factuality)])
    assert [d["tie"] for _, _, d in graph.edges(data=True)] == [tie]


def test_measures_count_event_and_affiliation_ties_but_not_co_mentions():
    graph = graph_of(ABC, [("e1", 1, "a", "b", "040", "asserted"),
                           ("e2", 1, "b", "c", "040", "asserted")],
                     [{"sentence_id": 3, "actor_id": "a"}, {"sentence_id": 3, "actor_id": "c"}])
    table = brokerage.measures(graph).set_index("actor_id")
    assert table.loc["b", "degree"] == 2 and table.loc["b", "betweenness"] == 1.0
    assert table.loc["a", "degree"] == 1 and table.loc["a", "co_mention_degree"] == 1


@pytest.mark.parametrize("groups, role", [
    (("X", "X", "X"), "coordinator"), (("X", "Y", "X"), "itinerant"),
    (("X", "X", "Y"), "representative"), (("Y", "X", "X"), "gatekeeper"),
    (("X", "Y", "Z"), "liaison"),
])
def test_gould_fernandez_role_from_the_three_groups(groups, role):
    assert brokerage.gf_role(*groups) == role


def test_brokerage_counts_only_open_two_step_paths():
    open_path = graph_of(ABC, [("e1", 1, "a", "b", "", "asserted"), ("e2", 1, "b", "c", "", "asserted")])
    closed = graph_of(ABC, [("e1", 1, "a", "b", "", "asserted"), ("e2", 1, "b", "c", "", "asserted"),
                            ("e3", 1, "a", "c", "", "asserted")])
    assert brokerage.brokerage_roles(open_path).set_index("actor_id").loc["b", "liaison"] == 1
    assert brokerage.brokerage_roles(closed).set_index("actor_id").loc["b", "brokerage"] == 0


BROKER = [("a", "A", "state", "AAA", ""), ("b", "B", "state", "BBB", ""),
          ("x", "X", "state", "XXX", ""), ("y", "Y", "state", "YYY", ""),
          ("l", "X leaders", "group", "XXX", "")]


@pytest.mark.parametrize("event_pairs, verdict", [
    ([("a", "x"), ("x", "b")], "supported"),
    ([("a", "x"), ("x", "b"), ("a", "y"), ("y", "b")], "partly supported"),
    ([("a", "l"), ("l", "b")], "partly supported"),
    ([("a", "y"), ("y", "b")], "not supported"),
    ([("a", "x"), ("x", "b"), ("a", "b")], "not supported"),
    ([("a", "x")], "not testable"),
])
def test_bridge_check_verdicts(event_pairs, verdict):
    rows = [(f"e{i}", 1, s, t, "040", "asserted") for i, (s, t) in enumerate(event_pairs, 1)]
    check = brokerage.bridge_check(graph_of(BROKER, rows), broker="x", between=("a", "b"))
    assert check["verdict"] == verdict


def test_bridge_check_can_leave_out_the_claim_s_own_sentence():
    rows = [("e1", 1, "a", "x", "040", "asserted"), ("e2", 2, "x", "b", "040", "asserted")]
    graph = graph_of(BROKER, rows)
    kept = brokerage.bridge_check(graph, broker="x", between=("a", "b"))
    left_out = brokerage.bridge_check(graph, broker="x", between=("a", "b"),
                                      exclude_sentences=frozenset({2}))
    assert (kept["verdict"], left_out["verdict"]) == ("supported", "not testable")
    assert kept["paths"] == (("a", "x", "b"),) and kept["path_ties"] == "event (asserted)"
    assert [str(path) for path in kept["paths"]] == ["a > x > b"]


def test_bridge_check_of_an_actor_absent_from_the_network_is_not_testable():
    check = brokerage.bridge_check(graph_of(BROKER), broker="nobody", between=("a", "b"))
    assert check["verdict"] == "not testable" and "nobody" in check["reason"]


def test_bridge_claims_find_broker_and_both_ends():
    text = "Iraq’s potential as a bridge between Tehran and Washington grew."
    spans = [("Iraq", "iraq"), ("Tehran", "iran"), ("Washington", "united_states")]
    mentions = [{"mention_id": f"m{i}", "sentence_id": 1, "start": text.index(s),
                 "end": text.index(s) + len(s), "text": s, "actor_id": a}
                for i, (s, a) in enumerate(spans, 1)]
    tables = make_tables("d", text, sentences=[{"sentence_id": 1, "start": 0, "end": len(text),
                                                "text": text}], mentions=mentions)
    claims = brokerage.bridge_claims(tables)
    assert claims[["broker", "a", "b"]].values.tolist() == [["iraq", "iran", "united_states"]]


def test_seed_network_has_the_invitation_the_message_and_the_expected_meeting(seed_report):
    events = {(u, v, d["factuality"]) for u, v, d in seed_report.graph.edges(data=True)
              if d["tie"] == "event"}
    assert ("mohammad_bagher_ghalibaf", "ammar_al_hakim", "asserted") in events
    assert ("iranian_officials", "iraqi_leaders", "asserted") in events
    assert ("ammar_al_hakim", "ali_khamenei", "probable") in events


def test_seed_affiliations_chain_person_to_movement_to_state(seed_report):
    ties = {(u, v) for u, v, d in seed_report.graph.edges(data=True) if d["tie"] == "affiliation"}
    assert {("ammar_al_hakim", "national_wisdom_movement"), ("national_wisdom_movement", "iraq"),
            ("mohammad_bagher_ghalibaf", "iran")} <= ties
    assert ("ammar_al_hakim", "iraq") not in ties


def test_layout_is_deterministic_and_the_figure_has_two_panels(seed_report):
    assert layout(seed_report.graph) == layout(seed_report.graph)
    figure = draw_network(seed_report)
    assert len(figure.axes) == 2
    empty = draw_network(analyse_stakeholders(make_tables("d", "")))
    assert "No actors" in empty.axes[0].texts[0].get_text()


def test_a_network_of_two_actors_side_by_side_renders():
    import io

    text = "Egypt and Sudan signed a deal."
    spans = [("Egypt", "egypt"), ("Sudan", "sudan")]
    tables = make_tables(
        "d", text, sentences=[{"sentence_id": 1, "start": 0, "end": len(text), "text": text}],
        mentions=[{"mention_id": f"m{i}", "sentence_id": 1, "start": text.index(s),
                   "end": text.index(s) + len(s), "text": s, "actor_id": a, "kind": "NAME",
                   "label": "GPE"} for i, (s, a) in enumerate(spans, 1)],
        actors=[{"actor_id": a, "name": s, "type": "state", "mentions": 1} for s, a in spans],
        events=[{"event_id": "e1", "sentence_id": 1, "trigger": "signed", "start": 16, "end": 22,
                 "source_actor": "egypt", "target_actor": "sudan", "cameo_code": "057",
                 "factuality": "asserted"}])
    report = analyse_stakeholders(tables)
    assert len(report.graph) == 2
    figure = draw_network(report)
    figure.savefig(io.BytesIO(), format="png")     # used to fail: FT_Render_Glyph raster overflow
