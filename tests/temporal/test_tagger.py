"""Temporal expressions: TIMEX3 normalisation (a table written from the TimeML guidelines) and tagging."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.config import EXPECTED_DIR, SEEDS_DIR
from helpers.evaluation.timexes import evaluate_timexes, read_reference_timexes
from helpers.files.articles import load_document
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences
from helpers.temporal.tagger import clause_tense, normalize, tag_timexes

D = dt.date.fromisoformat
SEED = "000_a1f3d825a8827267"
SEED_WINDOW = (D("2025-09-06"), D("2025-09-09"))

# expression, DCT, options, type, value, earliest, latest
TABLE = [
    # absolute dates: independent of the DCT
    ("2025-11-11", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("11 November 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("Nov. 11, 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("November 11th, 2025", None, {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("February 29, 2024", None, {}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("2019", None, {}, "DATE", "2019", "2019-01-01", "2019-12-31"),
    ("March 2026", None, {}, "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("the 1990s", None, {}, "DATE", "199", "1990-01-01", "1999-12-31"),
    # a month and day without a year: the year from the DCT and the tense
    ("November 11", "2025-09-07", {"tense": "future"}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("November 11", "2025-09-07", {"tense": "past"}, "DATE", "2024-11-11", "2024-11-11", "2024-11-11"),
    ("November 11", "2025-09-07", {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("the 11th of November", "2025-09-07", {"tense": "future"}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
    ("Dec. 30", "2026-01-02", {}, "DATE", "2025-12-30", "2025-12-30", "2025-12-30"),
    ("Jan. 3", "2025-12-30", {"tense": "future"}, "DATE", "2026-01-03", "2026-01-03", "2026-01-03"),
    ("Jan. 3", "2025-12-30", {"tense": "past"}, "DATE", "2025-01-03", "2025-01-03", "2025-01-03"),
    ("March 4", "2026-03-04", {"tense": "past"}, "DATE", "2026-03-04", "2026-03-04", "2026-03-04"),
    ("Feb. 29", "2025-03-01", {"tense": "past"}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("November 11", None, {}, "DATE", "XXXX-11-11", "", ""),
    # months
    ("March", "2026-02-12", {"tense": "future"}, "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("March", "2026-02-12", {"tense": "past"}, "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    ("last March", "2026-02-12", {}, "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    ("next March", "2026-03-15", {}, "DATE", "2027-03", "2027-03-01", "2027-03-31"),
    ("early March", "2026-02-12", {"tense": "future"}, "DATE", "2026-03", "2026-03-01", "2026-03-10"),
    ("mid-November", "2025-09-07", {}, "DATE", "2025-11", "2025-11-11", "2025-11-20"),
    ("late February", "2024-03-05", {"tense": "past"}, "DATE", "2024-02", "2024-02-21", "2024-02-29"),
    # weekdays, including the DCT's own weekday and "next" said the day before
    ("Tuesday", "2026-03-04", {"tense": "past"}, "DATE", "2026-03-03", "2026-03-03", "2026-03-03"),
    ("Monday", "2026-02-10", {"tense": "past"}, "DATE", "2026-02-09", "2026-02-09", "2026-02-09"),
    ("Sunday", "2025-09-07", {"tense": "past"}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("Sunday", "2025-09-07", {"tense": "future"}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("Friday", "2026-03-04", {"tense": "future"}, "DATE", "2026-03-06", "2026-03-06", "2026-03-06"),
    ("last Tuesday", "2026-03-04", {}, "DATE", "2026-03-03", "2026-03-03", "2026-03-03"),
    ("last Wednesday", "2026-03-04", {}, "DATE", "2026-02-25", "2026-02-25", "2026-02-25"),
    ("next Tuesday", "2026-02-09", {}, "DATE", "2026-02-17", "2026-02-17", "2026-02-17"),
    ("next Tuesday", "2026-02-08", {}, "DATE", "2026-02-10", "2026-02-10", "2026-02-10"),
    ("this Tuesday", "2026-02-09", {}, "DATE", "2026-02-10", "2026-02-10", "2026-02-10"),
    ("this coming Tuesday", "2026-02-10", {}, "DATE", "2026-02-17", "2026-02-17", "2026-02-17"),
    ("next Sunday", "2025-09-07", {"week_start": "saturday"}, "DATE", "2025-09-14", "2025-09-14", "2025-09-14"),
    ("this Friday", "2025-09-07", {"week_start": "saturday"}, "DATE", "2025-09-12", "2025-09-12", "2025-09-12"),
    ("this Friday", "2025-09-07", {"week_start": "monday"}, "DATE", "2025-09-05", "2025-09-05", "2025-09-05"),
    ("Tuesday", None, {}, "DATE", "XXXX-WXX-2", "", ""),
    ("Thursday", "2025-09-07", {"tense": "past", "window": SEED_WINDOW}, "DATE", "2025-09-04", "2025-09-04", "2025-09-04"),
    ("Sunday", "2025-09-07", {"tense": "past", "window": SEED_WINDOW}, "DATE", "2025-09-07", "2025-08-31", "2025-09-07"),
    # today, yesterday, tomorrow, parts of the day
    ("today", "2025-09-07", {}, "DATE", "2025-09-07", "2025-09-07", "2025-09-07"),
    ("yesterday", "2025-01-01", {}, "DATE", "2024-12-31", "2024-12-31", "2024-12-31"),
    ("tomorrow", "2024-02-28", {}, "DATE", "2024-02-29", "2024-02-29", "2024-02-29"),
    ("tonight", "2025-09-07", {}, "TIME", "2025-09-07TNI", "2025-09-07", "2025-09-07"),
    ("yesterday morning", "2026-03-01", {}, "TIME", "2026-02-28TMO", "2026-02-28", "2026-02-28"),
    ("today", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "2025-09-07", "2025-09-06", "2025-09-09"),
    ("yesterday", None, {}, "DATE", "XXXX-XX-XX", "", ""),
    # this/last/next week, month, year; week boundaries and year boundaries
    ("this week", "2025-09-07", {"week_start": "saturday", "window": SEED_WINDOW}, "DATE", "2025-W37", "2025-09-06", "2025-09-12"),
    ("this week", "2025-09-07", {}, "DATE", "2025-W36", "2025-09-01", "2025-09-07"),
    ("this week", "2024-12-30", {}, "DATE", "2025-W01", "2024-12-30", "2025-01-05"),
    ("last week", "2025-01-02", {}, "DATE", "2024-W52", "2024-12-23", "2024-12-29"),
    ("next week", "2026-02-10", {}, "DATE", "2026-W08", "2026-02-16", "2026-02-22"),
    ("next week", "2025-09-05", {"week_start": "saturday"}, "DATE", "2025-W37", "2025-09-06", "2025-09-12"),
    ("last week", "2021-01-06", {}, "DATE", "2020-W53", "2020-12-28", "2021-01-03"),
    ("earlier this week", "2025-09-07", {"week_start": "saturday", "window": SEED_WINDOW}, "DATE", "2025-W37", "2025-09-06", "2025-09-09"),
    ("later this week", "2026-03-04", {}, "DATE", "2026-W10", "2026-03-04", "2026-03-08"),
    ("this month", "2025-09-07", {}, "DATE", "2025-09", "2025-09-01", "2025-09-30"),
    ("next month", "2025-12-15", {}, "DATE", "2026-01", "2026-01-01", "2026-01-31"),
    ("last month", "2025-01-10", {}, "DATE", "2024-12", "2024-12-01", "2024-12-31"),
    ("later this month", "2026-03-04", {}, "DATE", "2026-03", "2026-03-04", "2026-03-31"),
    ("earlier this year", "2025-09-07", {}, "DATE", "2025", "2025-01-01", "2025-09-07"),
    ("last year", "2025-11-13", {"window": (D("2025-11-12"), D("2025-11-14"))}, "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("next year", "2025-12-31", {"window": (D("2025-12-30"), D("2026-01-02"))}, "DATE", "2026", "2026-01-01", "2027-12-31"),
    ("this week", "2023-03-05", {"window": (D("2023-03-04"), D("2023-03-06"))}, "DATE", "2023-W09", "2023-02-27", "2023-03-12"),
    # past, present and future references
    ("soon", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "FUTURE_REF", "2025-09-06", ""),
    ("recently", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "PAST_REF", "", "2025-09-09"),
    ("now", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "PRESENT_REF", "2025-09-06", "2025-09-09"),
    ("the coming weeks", "2025-09-07", {"window": SEED_WINDOW}, "DATE", "FUTURE_REF", "2025-09-06", ""),
    ("recent weeks", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("the past few days", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("the near future", "2025-09-07", {}, "DATE", "FUTURE_REF", "2025-09-07", ""),
    ("soon", None, {}, "DATE", "FUTURE_REF", "", ""),
    # durations: no interval of their own
    ("three-day", "2025-09-07", {}, "DURATION", "P3D", "", ""),
    ("48 hours", None, {}, "DURATION", "PT48H", "", ""),
    ("two weeks", None, {}, "DURATION", "P2W", "", ""),
    ("two-hour", None, {}, "DURATION", "PT2H", "", ""),
    ("a fortnight", None, {}, "DURATION", "P2W", "", ""),
    ("several days", None, {}, "DURATION", "PXD", "", ""),
    ("the past two weeks", "2025-09-07", {}, "DURATION", "P2W", "", ""),
    ("30 minutes", None, {}, "DURATION", "PT30M", "", ""),
    ("a decade", None, {}, "DURATION", "P1DE", "", ""),
    ("10-year", None, {}, "DURATION", "P10Y", "", ""),
    ("1,000 years", None, {}, "DURATION", "P1000Y", "", ""),
    ("2.5 hours", None, {}, "DURATION", "PT2.5H", "", ""),
    # "ago" counts from the DCT, "later"/"earlier" from the time last mentioned
    ("three days ago", "2025-01-02", {}, "DATE", "2024-12-30", "2024-12-30", "2024-12-30"),
    ("two weeks ago", "2025-09-07", {}, "DATE", "2025-W34", "2025-08-18", "2025-08-24"),
    ("a year ago", "2025-09-07", {}, "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("a few days ago", "2025-09-07", {}, "DATE", "PAST_REF", "", "2025-09-07"),
    ("10,000 days ago", "2025-11-14", {}, "DATE", "1998-06-29", "1998-06-29", "1998-06-29"),
    ("1.5 years ago", "2025-11-14", {}, "DATE", "PAST_REF", "", "2025-11-14"),
    ("a day earlier", "2025-09-07", {"anchor": D("2025-03-01")}, "DATE", "2025-02-28", "2025-02-28", "2025-02-28"),
    ("two days later", None, {"anchor": D("2024-12-30")}, "DATE", "2025-01-01", "2025-01-01", "2025-01-01"),
    ("the next day", "2026-01-05", {"anchor": D("2025-12-31")}, "DATE", "2026-01-01", "2026-01-01", "2026-01-01"),
    ("a day earlier", "2025-09-07", {}, "DATE", "XXXX-XX-XX", "", ""),
    ("a month later", None, {"anchor": D("2025-01-31")}, "DATE", "2025-02", "2025-02-01", "2025-02-28"),
    # sets
    ("every Friday", None, {}, "SET", "XXXX-WXX-5", "", ""),
    ("daily", None, {}, "SET", "P1D", "", ""),
    ("every week", None, {}, "SET", "P1W", "", ""),
    ("once a month", None, {}, "SET", "P1M", "", ""),
    ("Fridays", None, {}, "SET", "XXXX-WXX-5", "", ""),
    # clock times: the day is not invented
    ("3 p.m.", "2025-09-07", {}, "TIME", "XXXX-XX-XXT15:00", "", ""),
    ("10:30 a.m.", None, {}, "TIME", "XXXX-XX-XXT10:30", "", ""),
    ("12 a.m.", None, {}, "TIME", "XXXX-XX-XXT00:00", "", ""),
    # non-ASCII whitespace inside an expression
    ("Nov.\u00a011", "2025-09-07", {}, "DATE", "2025-11-11", "2025-11-11", "2025-11-11"),
]


def test_the_table_has_at_least_sixty_expressions():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("expression,dct,options,kind,value,earliest,latest", TABLE,
                         ids=[f"{row[0]}@{row[1]}" for row in TABLE])
def test_normalize_gives_timeml_value_and_interval(expression, dct, options, kind, value,
                                                   earliest, latest):
    got = normalize(expression, dct=D(dct) if dct else None, **options)
    assert (got.type, got.value, got.earliest, got.latest) == (kind, value, earliest, latest)


@pytest.mark.parametrize("expression", ["", "first", "US-Iran", "all night", "the next phase",
                                        "11 Kasım 2025", "may"])
def test_normalize_refuses_what_is_not_a_covered_expression(expression):
    with pytest.raises(ValueError, match="not a temporal expression"):
        normalize(expression, dct=D("2025-09-07"))


@pytest.mark.parametrize("options", [{}, {"tense": "past"}, {"week_start": "saturday"},
                                     {"window": SEED_WINDOW}, {"anchor": D("2000-01-01")}])
def test_an_absolute_date_does_not_change_with_context(options):
    got = normalize("2025-11-11", dct=D("2025-09-07"), **options)
    assert (got.value, got.earliest, got.latest) == ("2025-11-11", "2025-11-11", "2025-11-11")


def test_an_unknown_week_start_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'someday'"):
        normalize("this week", dct=D("2025-09-07"), week_start="someday")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _tag(nlp, doc_id):
    document = load_document(doc_id, seeds_dir=SEEDS_DIR if doc_id == SEED else ARTICLES)
    doc = nlp(document.text)
    return document, tag_timexes(doc, sentences(doc), document.meta)


# every test article has expected timexes but the robustness fixtures (rb_*), which
# tests/test_robustness.py checks for contract and sanity instead
GOLD_DOCS = [SEED] + sorted(p.stem for p in ARTICLES.glob("*.txt") if not p.stem.startswith("rb_"))


@pytest.mark.parametrize("doc_id", GOLD_DOCS)
def test_tagger_finds_every_expected_expression_with_its_value_and_interval(nlp, doc_id):
    _, system = _tag(nlp, doc_id)
    expected = read_reference_timexes(doc_id, reference_dir=EXPECTED_DIR)
    strip = lambda ts: [(t.start, t.end, t.text, t.type, t.value, t.earliest, t.latest)  # noqa: E731
                        for t in ts]
    assert strip(system) == strip(expected)


@pytest.mark.parametrize("doc_id", GOLD_DOCS)
def test_timex_offsets_give_their_text_and_ids_run_in_order(nlp, doc_id):
    document, system = _tag(nlp, doc_id)
    assert all(document.text[t.start:t.end] == t.text for t in system)
    assert [t.timex_id for t in system] == [f"t{i}" for i in range(1, len(system) + 1)]


def test_an_article_without_metadata_leaves_relative_dates_unresolved(nlp):
    _, system = _tag(nlp, "t03_andes_trade")
    relative = [t for t in system if t.rule == "day_word"]
    assert relative and all(t.value == "XXXX-XX-XX" and not t.earliest for t in relative)


def test_model_spans_no_rule_normalises_are_left_out(nlp):
    _, system = _tag(nlp, "t07_weather_nothing")
    assert system == []


def test_an_ordinal_is_not_a_time(nlp):
    _, system = _tag(nlp, SEED)
    assert not any("first" in t.text for t in system)


@pytest.mark.parametrize("sentence,expected", [
    ("He counted 2019 votes.", []),
    ("The dispute began in 2019.", ["2019"]),
    ("They may meet in May.", ["May"]),
    ("The soldiers march in March.", ["March"]),
])
def test_bare_years_and_months_need_a_preposition(nlp, sentence, expected):
    from helpers.files.articles import Metadata
    doc = nlp(sentence)
    found = tag_timexes(doc, sentences(doc), Metadata(doc_id="x", dct="2026-01-10"))
    assert [t.text for t in found] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The city was founded 2,000 years ago.", [("2,000 years ago", "0025")]),
    ("It lasted 2.5 hours.", [("2.5 hours", "PT2.5H")]),
    ("The war lasted 1,5 years.", []),
])
def test_an_expression_is_never_read_out_of_a_longer_number(nlp, sentence, expected):
    from helpers.files.articles import Metadata
    doc = nlp(sentence)
    found = tag_timexes(doc, sentences(doc), Metadata(doc_id="x", dct="2025-11-14"))
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize("sentence,expression,tense", [
    ("He met the envoy on Tuesday.", "Tuesday", "past"),
    ("He will meet the envoy on Tuesday.", "Tuesday", "future"),
    ("She is expected to arrive on March 3.", "March 3", "future"),
    ("They stressed calm ahead of the elections on November 11.", "November 11", "future"),
    ("The talks on Tuesday were useful.", "Tuesday", None),
])
def test_clause_tense_reads_the_governing_verb_and_future_cues(nlp, sentence, expression, tense):
    doc = nlp(sentence)
    start = sentence.index(expression)
    assert clause_tense(doc, start, start + len(expression)) == tense


def test_evaluation_counts_a_wrong_value_as_detected_but_not_correct():
    from helpers.files.records import Timex
    expected = [Timex("t1", 1, 0, 9, "this week", "DATE", "2025-W37", "2025-09-06", "2025-09-12")]
    system = [Timex("t1", 1, 0, 9, "this week", "DATE", "2025-W36", "2025-09-01", "2025-09-07")]
    scores = evaluate_timexes(expected, system).set_index("measure")
    assert scores.loc["detection (exact span)", "f1"] == 1.0
    assert scores.loc["value", "agreement"] == 0.0
