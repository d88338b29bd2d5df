"""Sentences, paragraphs, the character inventory and keyword-in-context views keep offsets."""
from __future__ import annotations

import pytest

from helpers import firstlook, pipeline, text
from helpers import text as text_module
from helpers.corpus import load_document

from conftest import ARTICLES

SEED = "000_a1f3d825a8827267"


@pytest.fixture(scope="module")
def seed_doc():
    return pipeline.parse(load_document(SEED))


def test_every_seed_sentence_round_trips_its_offsets(seed_doc):
    sents = text.sentences(seed_doc)
    assert len(sents) == 23
    assert all(seed_doc.text[s.start:s.end] == s.text for s in sents)


def test_sentences_are_trimmed_and_numbered_from_one(seed_doc):
    sents = text.sentences(seed_doc)
    assert [s.sentence_id for s in sents] == list(range(1, len(sents) + 1))
    assert all(s.text == s.text.strip() for s in sents)


@pytest.mark.parametrize("raw", ["Heading without stop\nNext line here.", "A.\n\nB went home."])
def test_a_sentence_never_crosses_a_line_break(raw):
    doc = pipeline.parse(type("D", (), {"text": raw})())
    assert all("\n" not in s.text for s in text.sentences(doc))


@pytest.mark.parametrize("raw, expected", [
    ("", []),
    ("One.", [(1, 0, 4)]),
    ("  One.  \n\n Two.\n", [(1, 2, 6), (2, 11, 15)]),
    ("Überall.\r\nNext.", [(1, 0, 8), (2, 10, 15)]),
])
def test_paragraphs_are_split_at_line_breaks_and_trimmed(raw, expected):
    assert [(p.paragraph_id, p.start, p.end) for p in text.paragraphs(raw)] == expected


def test_non_ascii_inventory_counts_curly_quotes():
    rows = text.non_ascii_inventory("Iraq’s “calm” and Iran’s")
    assert [(r["codepoint"], r["count"]) for r in rows] == [("U+2019", 2), ("U+201C", 1), ("U+201D", 1)]


def test_plain_ascii_has_an_empty_inventory():
    assert text.non_ascii_inventory("plain text") == []


def test_keyword_in_context_matches_word_starts_only():
    raw = "They mediate. Intermediate steps. Mediation works."
    sents = [text.Sentence(1, 0, len(raw), raw)]
    rows = text.keyword_in_context(raw, sents, r"mediat\w*")
    assert [(r["keyword"], raw[r["start"]:r["end"]]) for r in rows] == [
        ("mediate", "mediate"), ("Mediation", "Mediation")]


def test_cue_hits_point_at_their_words_and_sentences(seed_doc):
    sents = text.sentences(seed_doc)
    hits = firstlook.cue_hits(seed_doc.text, sents)
    assert all(seed_doc.text[h["start"]:h["end"]] == h["match"] for h in hits)
    expected = {h["sentence_id"] for h in hits if h["cue"] == "might"}
    assert expected == {s.sentence_id for s in sents if " might " in s.text}


def test_cue_summary_of_no_cues_is_an_empty_table():
    assert firstlook.cue_summary([]).empty


def test_counts_of_a_test_article():
    doc = pipeline.parse(load_document("t07_weather_nothing", seeds_dir=ARTICLES))
    assert firstlook.counts(doc)["sentences"] == 2
    assert firstlook.counts(doc)["paragraphs"] == 1


def test_a_figure_is_shown_and_saved_with_the_same_bytes_every_time(tmp_path):
    from matplotlib.figure import Figure

    from helpers import rendering

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
    sents = [text_module.Sentence(1, 0, len(text), text)]
    rows = firstlook.key_term_contexts(text, sents, [term])
    assert rows.keyword.tolist() == found


def test_key_terms_absent_from_the_article_fall_back_to_its_own_key_terms():
    doc = pipeline.parse(load_document("t07_weather_nothing", seeds_dir=ARTICLES))
    assert firstlook.choose_key_terms(["calm", "mediat*"], doc) == \
        firstlook.article_key_terms(doc)
    assert firstlook.choose_key_terms(["road", "calm"], doc) == ["road"]
