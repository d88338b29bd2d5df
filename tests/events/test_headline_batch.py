"""Headline lines parsed ahead in one batch give the parse the event layer makes line by line."""
from helpers.events.headlines import _AHEAD, headline_span, parse_headlines
from helpers.events.sourcing import sentence_spans
from helpers.nlp.mentions import find_mentions
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences

TEXT = "RUTO MEETS MAHAMA IN ACCRA\nKenya hosts Ghana\nRuto met Mahama in Accra on Monday."


def _parse(alone):
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in alone]


def test_the_parses_made_ahead_are_those_made_line_by_line_and_each_is_taken_once():
    doc = get_nlp()(TEXT)
    sents = sentences(doc)
    mentions = find_mentions(doc, sents)
    spans = sentence_spans(doc, sents)
    own = [[m for m in mentions if m.sentence_id == s.sentence_id] for s in sents]
    alone = [headline_span(doc, span, ms) for span, ms in zip(spans, own)]
    parse_headlines([(doc, sents, mentions)])
    assert sum(map(len, _AHEAD[doc].values())) == 2      # the two headline lines
    ahead = [headline_span(doc, span, ms) for span, ms in zip(spans, own)]
    assert not any(_AHEAD[doc].values())                 # each taken once
    assert [_parse(a) for a, _ in ahead] == [_parse(a) for a, _ in alone]
    assert [a.doc is doc for a, _ in ahead] == [False, False, True]
    assert [m for _, m in ahead] == [m for _, m in alone]
    assert [a.doc.user_data["offset"] for a, _ in ahead[:2]] == [0, TEXT.index("Kenya")]


def test_a_headline_line_keeps_the_article_s_names_and_datelines_in_its_own_offsets():
    doc = get_nlp()("ORSK, 4 June —\nRUTO MEETS MAHAMA IN ACCRA\nRuto met Mahama in Accra on Monday.")
    sents = sentences(doc)
    mentions = find_mentions(doc, sents)
    spans = sentence_spans(doc, sents)
    line = next(s for s in spans if s.text.startswith("RUTO"))
    alone, _ = headline_span(doc, line, [m for m in mentions if line.start_char <= m.start < line.end_char])
    article = [(e.start_char - line.start_char, e.end_char - line.start_char, e.label_) for e in line.ents]
    assert article                                     # the article's parse names the line's people
    assert [(e.start_char, e.end_char, e.label_) for e in alone.doc.ents] == article
    assert alone.text.startswith("Ruto meets")         # the line parsed alone, in sentence case
    datelines = doc.user_data["datelines"]
    assert datelines and all(s < line.start_char for s, _ in datelines)
    assert alone.doc.user_data["datelines"] == []      # none of the article's datelines is on this line


def test_a_headline_in_ordinary_case_is_parsed_alone_only_when_the_article_s_parse_finds_no_verb():
    doc = get_nlp()("Ruto met Mahama in Accra on Monday\nTalks went well, officials said.")
    sents = sentences(doc)
    mentions = find_mentions(doc, sents)
    line = sentence_spans(doc, sents)[0]
    assert any(t.pos_ == "VERB" for t in line)
    alone, _ = headline_span(doc, line, [m for m in mentions if m.sentence_id == sents[0].sentence_id])
    assert alone.doc is doc                            # the article's parse is kept
    # a verb the article's parse read as a noun: the line is parsed alone
    doc = get_nlp()("Ruto thanks Mahama\nTalks went well, officials said.")
    sents = sentences(doc)
    line = sentence_spans(doc, sents)[0]
    assert not any(t.pos_ == "VERB" for t in line)
    alone, _ = headline_span(doc, line, find_mentions(doc, sents))
    assert alone.doc is not doc and alone.text == "Ruto thanks Mahama"
