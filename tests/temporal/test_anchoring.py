"""Event anchoring, ordering and the timeline figure."""
from __future__ import annotations

import importlib
import io

import matplotlib
import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import SEEDS_DIR
from helpers.files.articles import load_document
from helpers.files.records import Event
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences
from helpers.temporal.anchoring import anchor_events, find_episodes
from helpers.temporal.ordering import dct_relation, event_order, find_milestones, order_events
from helpers.temporal.tagger import tag_timexes
from helpers.views.timeline_plot import plot_timeline, timeline_summary

SEED = "000_a1f3d825a8827267"


def _event(text, word, event_id, *, nth=0, factuality="asserted", source="", target=""):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Event(event_id, 0, word, start, start + len(word), word, "", None, source, target,
                 factuality, "", "none")


@pytest.fixture(scope="module")
def seed():
    document = load_document(SEED, seeds_dir=SEEDS_DIR)
    doc = get_nlp()(document.text)
    sents = sentences(doc)
    timexes = tag_timexes(doc, sents, document.meta)
    text = document.text
    events = [_event(text, "visit", "e1", nth=1, source="ammar_al_hakim", target="iran"),
              _event(text, "discussed", "e2", source="mohammad_bagher_ghalibaf",
                     target="ammar_al_hakim"),
              _event(text, "meet", "e3", nth=1, factuality="probable", source="ammar_al_hakim",
                     target="ali_khamenei"),
              _event(text, "urged", "e4", source="iranian_officials", target="iraqi_leaders"),
              _event(text, "stressed", "e5", source="ammar_al_hakim")]
    sid = {e.event_id: next(s.sentence_id for s in sents if s.start <= e.start < s.end)
           for e in events}
    events = [Event(**{**e.__dict__, "sentence_id": sid[e.event_id]}) for e in events]
    anchored = anchor_events(events, timexes, doc, sents, document.meta)
    return document, doc, timexes, {e.event_id: e for e in anchored}


@pytest.mark.parametrize("event_id,anchoring,earliest,latest", [
    ("e1", "timex:t3+starts:visit", "2025-09-06", "2025-09-09"),
    ("e2", "context:visit+tense:past", "2025-09-06", "2025-09-09"),
    ("e3", "anchor:visit+factuality:probable", "2025-09-06", "2025-09-11"),
    ("e4", "tense:past", "", "2025-09-09"),
    ("e5", "context:visit+tense:past", "2025-09-06", "2025-09-09"),
])
def test_seed_events_are_anchored_and_say_how(seed, event_id, anchoring, earliest, latest):
    event = seed[3][event_id]
    assert (event.anchoring, event.earliest, event.latest) == (anchoring, earliest, latest)


def test_only_the_visit_owns_a_timex_and_the_election_date_stays_a_milestone(seed):
    _, doc, timexes, events = seed
    assert {e.event_id: e.timex_id for e in events.values() if e.timex_id} == {"e1": "t3"}
    marks = find_milestones(timexes, list(events.values()), doc)
    assert [(m["label"], m["value"]) for m in marks] == [("parliamentary elections",
                                                          "2025-11-11")]


def test_a_three_day_visit_stretches_its_episode_by_two_days(seed):
    _, doc, timexes, events = seed
    episode = find_episodes(list(events.values()), timexes, doc)[0]
    assert (episode.name, episode.earliest, episode.latest) == ("visit", "2025-09-06",
                                                                "2025-09-11")


def test_visit_start_precedes_talks_precede_expected_meeting_precede_elections(seed):
    _, doc, timexes, events = seed
    marks = find_milestones(timexes, list(events.values()), doc)
    relations = {(r["source"], r["target"]): r["basis"]
                 for r in order_events(list(events.values()), milestones=marks, doc=doc)
                 if r["relation"] == "before"}
    assert relations[("e1", "e2")] == "episode start"
    assert relations[("e2", "e3")] == "dct"
    assert relations[("e3", "t4")] == "interval"
    order = [e.event_id for e in event_order(list(events.values()))]
    assert order.index("e1") < order.index("e2") < order.index("e3")


def test_the_pipeline_orders_the_seed_chain():
    from helpers.pipeline.annotate import analyse
    analysis = analyse(load_document(SEED))
    by_lemma = {}
    for e in event_order(analysis.events):
        by_lemma.setdefault((e.lemma, e.factuality), e)
    visit = next(e for e in analysis.events if e.anchoring.startswith("timex:")
                 and "starts:visit" in e.anchoring)
    talks, meeting = by_lemma[("discuss", "asserted")], by_lemma[("meet", "probable")]
    marks = find_milestones(analysis.timexes, analysis.events, analysis.doc)
    before = {(r["source"], r["target"]) for r in order_events(
        analysis.events, milestones=marks, doc=analysis.doc) if r["relation"] == "before"}
    elections = next(m["timex_id"] for m in marks if m["value"] == "2025-11-11")
    assert {(visit.event_id, talks.event_id), (talks.event_id, meeting.event_id),
            (meeting.event_id, elections)} <= before


@pytest.mark.parametrize("anchoring,relation", [
    ("tense:past", "before"), ("context:visit+tense:past", "before"),
    ("anchor:visit+factuality:probable", "after"), ("timex:t5+factuality:possible", "after"),
    ("tense:present", "around"), ("timex:t6", ""), ("none", ""), ("", ""),
])
def test_dct_relation_reads_the_anchoring(anchoring, relation):
    event = Event("e1", 1, "x", 0, 1, "x", "", None, "", "", "asserted", "", "none",
                  anchoring=anchoring)
    assert dct_relation(event) == relation


def test_an_ordering_word_between_two_events_orders_them():
    doc = get_nlp()("The envoy arrived in Nairobi. Then he met the minister.")
    events = [_event(doc.text, "arrived", "e1"), _event(doc.text, "met", "e2")]
    relations = order_events(events, doc=doc)
    assert relations == [{"source": "e1", "relation": "before", "target": "e2",
                          "basis": "cue:then"}]


def test_an_own_expression_of_next_month_dates_an_expected_return():
    document = load_document("t01_kenya_border", seeds_dir=ARTICLES)
    doc = get_nlp()(document.text)
    sents = sentences(doc)
    event = _event(document.text, "return", "e1", factuality="probable")
    event = Event(**{**event.__dict__, "sentence_id": next(
        s.sentence_id for s in sents if s.start <= event.start < s.end)})
    [anchored] = anchor_events([event], tag_timexes(doc, sents, document.meta), doc, sents,
                               document.meta)
    assert (anchored.anchoring, anchored.earliest, anchored.latest) == (
        "timex:t4+factuality:probable", "2026-04-01", "2026-04-30")


def test_an_article_without_metadata_keeps_tense_but_invents_no_date():
    document = load_document("t03_andes_trade", seeds_dir=ARTICLES)
    doc = get_nlp()(document.text)
    sents = sentences(doc)
    event = _event(document.text, "signed", "e1")
    event = Event(**{**event.__dict__, "sentence_id": 1})
    [anchored] = anchor_events([event], tag_timexes(doc, sents, document.meta), doc, sents,
                               document.meta)
    assert (anchored.timex_id, anchored.earliest, anchored.latest) == ("t1", "", "")
    assert timeline_summary([anchored], [], document.meta).startswith("No DCT")


def test_an_article_with_no_time_gives_an_empty_explained_timeline():
    document = load_document("t07_weather_nothing", seeds_dir=ARTICLES)
    doc = get_nlp()(document.text)
    sents = sentences(doc)
    timexes = tag_timexes(doc, sents, document.meta)
    assert timexes == [] and anchor_events([], timexes, doc, sents, document.meta) == []
    assert timeline_summary([], timexes, document.meta).endswith(
        "no event has an interval and no date is a milestone.")
    assert plot_timeline([], timexes, document.meta).axes


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def test_the_figure_is_deterministic_and_leaves_pyplot_alone(seed):
    import matplotlib.pyplot as plt
    document, _, timexes, events = seed
    before = len(plt.get_fignums())
    first = _png(plot_timeline(list(events.values()), timexes, document.meta))
    second = _png(plot_timeline(list(events.values()), timexes, document.meta))
    assert first == second and len(plt.get_fignums()) == before


def test_importing_the_plot_module_changes_no_matplotlib_setting():
    import helpers.views.timeline_plot as module

    settings = dict(matplotlib.rcParams)
    importlib.reload(module)
    assert dict(matplotlib.rcParams) == settings


def test_the_summary_lists_rows_in_order_with_their_anchoring(seed):
    document, _, timexes, events = seed
    summary = timeline_summary(list(events.values()), timexes, document.meta)
    lines = summary.splitlines()
    assert lines[0] == "DCT 2025-09-07 (window 2025-09-06 to 2025-09-09; weeks start on saturday)."
    rows = [line.split()[0] for line in lines if line.startswith("  ")]
    assert rows == ["e4", "e1", "e2", "e5", "e3"]
    assert lines[-1] == "Milestone t4: November 11 on 2025-11-11."


def test_a_date_in_an_infinitive_dates_the_infinitive_and_from_leaves_its_end_open():
    document = load_document("t03_andes_trade", seeds_dir=ARTICLES)
    doc = get_nlp()(document.text)
    sents = sentences(doc)
    events = [Event(**{**_event(document.text, word, f"e{i}", factuality=factuality).__dict__,
                       "sentence_id": 2})
              for i, (word, factuality) in enumerate([("agreed", "asserted"),
                                                      ("cut", "underspecified")], start=1)]
    agreed, cut = anchor_events(events, tag_timexes(doc, sents, document.meta), doc, sents,
                                document.meta)
    assert (agreed.timex_id, agreed.anchoring) == ("", "tense:past")
    assert (cut.timex_id, cut.earliest, cut.latest, cut.anchoring) == (
        "t2", "2026-01-01", "", "timex:t2+from")


def test_the_summary_names_actors_in_full_not_by_the_last_word_of_their_id():
    from helpers.files.articles import parse_metadata

    event = Event("e1", 1, "respond", 0, 7, "respond", "", None, "united_states", "iraqi_leaders",
                  "asserted", "", "none", "", "2026-01-01", "2026-01-02", "tense:past")
    meta = parse_metadata({"dct": "2026-01-03"}, doc_id="x", name="x")
    names = {"united_states": "the United States", "iraqi_leaders": "Iraqi leaders"}
    summary = timeline_summary([event], [], meta, milestones=[], names=names)
    assert "e1 respond (Iraqi leaders, the United States): 2026-01-01 to 2026-01-02" in summary
    # without the names, the ids are shown spelled out, never title-cased guesses
    summary = timeline_summary([event], [], meta, milestones=[])
    assert "e1 respond (iraqi leaders, united states): 2026-01-01 to 2026-01-02" in summary
