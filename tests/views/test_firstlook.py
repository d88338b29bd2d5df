"""The first look at an article (character inventory, keywords in context, cue words) and
figures shown and saved with the same bytes."""
from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.files.articles import load_document
from helpers.files.records import Sentence
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences
from helpers.views import firstlook, rendering

SEED = "000_a1f3d825a8827267"


@pytest.fixture(scope="module")
def seed_doc():
    return get_nlp()(load_document(SEED).text)


def test_non_ascii_inventory_counts_curly_quotes():
    rows = firstlook.non_ascii_inventory("Iraq’s “calm” and Iran’s")
    assert [(r["codepoint"], r["count"]) for r in rows] == [("U+2019", 2), ("U+201C", 1), ("U+201D", 1)]


def test_plain_ascii_has_an_empty_inventory():
    assert firstlook.non_ascii_inventory("plain text") == []


def test_keyword_in_context_matches_word_starts_only():
    raw = "They mediate. Intermediate steps. Mediation works."
    sents = [Sentence(1, 0, len(raw), raw)]
    rows = firstlook.keyword_in_context(raw, sents, r"mediat\w*")
    assert [(r["keyword"], raw[r["start"]:r["end"]]) for r in rows] == [
        ("mediate", "mediate"), ("Mediation", "Mediation")]


def test_cue_hits_point_at_their_words_and_sentences(seed_doc):
    sents = sentences(seed_doc)
    hits = firstlook.cue_hits(seed_doc.text, sents)
    assert all(seed_doc.text[h["start"]:h["end"]] == h["match"] for h in hits)
    expected = {h["sentence_id"] for h in hits if h["cue"] == "might"}
    assert expected == {s.sentence_id for s in sents if " might " in s.text}


def test_cue_summary_of_no_cues_is_an_empty_table():
    assert firstlook.cue_summary([]).empty


def test_counts_of_a_test_article():
    doc = get_nlp()(load_document("t07_weather_nothing", seeds_dir=ARTICLES).text)
    assert firstlook.counts(doc)["sentences"] == 2
    assert firstlook.counts(doc)["paragraphs"] == 1


def test_a_figure_is_shown_and_saved_with_the_same_bytes_every_time(tmp_path):
    fig = Figure()
    fig.add_subplot().plot([1, 2], [3, 4])
    first = rendering.figure_image(fig, alt="A line.").data
    second = rendering.figure_image(fig, alt="A line.").data
    assert first == second and first.startswith(b"\x89PNG")
    rendering.save_figure(fig, "x", figures_dir=tmp_path)
    assert (tmp_path / "x.png").read_bytes() == first


@pytest.mark.parametrize("term, text, found", [
    ("mediat*", "Iraq mediates; mediation helps.", ["mediates", "mediation"]),
    ("election", "The elections and the election.", ["elections", "election"]),
    ("calm", "Calmer heads; calm.", ["calm"]),
    ("stab*", "Stability, stabilizing, unstable.", ["Stability", "stabilizing"]),
])
def test_key_terms_match_their_word_family(term, text, found):
    sents = [Sentence(1, 0, len(text), text)]
    rows = firstlook.key_term_contexts(text, sents, [term])
    assert rows.keyword.tolist() == found


def test_key_terms_absent_from_the_article_fall_back_to_its_own_key_terms():
    doc = get_nlp()(load_document("t07_weather_nothing", seeds_dir=ARTICLES).text)
    assert firstlook.choose_key_terms(["calm", "mediat*"], doc) == \
        firstlook.article_key_terms(doc)
    assert firstlook.choose_key_terms(["road", "calm"], doc) == ["road"]
