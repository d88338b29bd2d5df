"""The views of notebook 02: escaped highlighted text, mention counts, per-sentence overview."""
from __future__ import annotations

import pytest

from helpers.files.records import Event, Mention
from helpers.views import annotation as report


def mention(start, end, text, kind="NAME", actor="x", label="PERSON"):
    return Mention("m", 1, start, end, text, label, kind, actor, "test")


def event(sentence_id, trigger, factuality, code="042"):
    return Event("e", sentence_id, trigger, 0, len(trigger), trigger, code, 1.9, "a", "b",
                 factuality, "", "none")


@pytest.mark.parametrize("markup, escaped", [
    ('<script>alert("x")</script>', "&lt;script&gt;alert("),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
])
def test_markup_in_the_article_is_escaped_in_the_highlighted_view(markup, escaped):
    text = f"{markup} Claire met Paris."
    start = text.index("Claire")
    html = report.highlighted_html(text, [mention(start, start + 6, "Claire")])
    assert markup not in html
    assert escaped in html


def test_overlapping_mentions_keep_the_first_longest():
    text = "Iraqi leaders met."
    html = report.highlighted_html(text, [mention(0, 5, "Iraqi", label="NORP", actor="iraq"),
                                          mention(0, 13, "Iraqi leaders", kind="NOMINAL",
                                                  actor="iraqi_leaders", label="NORP")])
    assert "NOMINAL:iraqi_leaders" in html and ">NORP<" not in html


def test_mentions_per_actor_counts_each_kind_and_sorts_by_total():
    counts = report.mentions_per_actor([mention(0, 1, "A", actor="a"),
                                        mention(2, 4, "he", kind="PRONOUN", actor="b"),
                                        mention(5, 6, "B", actor="b"),
                                        mention(7, 8, "it", kind="PRONOUN", actor="")])
    assert counts.to_dict("records") == [
        {"actor_id": "b", "NAME": 1, "NOMINAL": 0, "PRONOUN": 1, "total": 2},
        {"actor_id": "a", "NAME": 1, "NOMINAL": 0, "PRONOUN": 0, "total": 1}]


def test_sentence_overview_lists_each_events_factuality_once():
    rows = [{"sentence_id": 1, "attribution": "Sources said", "source_type": "anonymous",
             "text": "..."}, {"sentence_id": 2, "attribution": "", "source_type": "none",
                              "text": "..."}]
    overview = report.sentence_overview(rows, [event(1, "met", "asserted"),
                                               event(1, "met", "asserted"),
                                               event(1, "visit", "probable")])
    assert overview["events (factuality)"].tolist() == ["met: asserted; visit: probable", ""]


def test_events_table_describes_codes():
    table = report.events_table([event(1, "visit", "asserted"), event(1, "criticise", "negated",
                                                                      "111")])
    assert table.description.tolist() == ["Make a visit", "Criticize or denounce"]


def test_candidates_table_lists_uncoded_predicates_with_their_reason():
    from helpers.files.records import Candidate

    table = report.candidates_table([Candidate(3, "courted", 10, 17, "court", "kenya",
                                               "uganda", "not in the dictionary")])
    assert table.values.tolist() == [[3, "courted", "court", "kenya", "uganda",
                                      "not in the dictionary"]]


def test_source_type_counts_include_absent_types():
    assert report.source_type_counts([{"source_type": "observers"}]).to_dict() == {
        "named": 0, "anonymous": 0, "media_reports": 0, "observers": 1, "none": 0}
