"""Entity corrections where the article decides who a name is, on invented sentences (see
helpers/nlp/entities.py and helpers/nlp/entity_labels.py)."""
from spacy.tokens import Span

from helpers.nlp.entity_labels import persons_named_again


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ not in {"DATE", "CARDINAL", "TIME"}]


def test_an_em_dash_is_a_token_also_after_a_bracket(nlp):
    words = [t.text for t in nlp.tokenizer("Nairobi (Kenya News Agency)—Ugandan officials met.")]
    assert words[5:8] == [")", "—", "Ugandan"]
    # an en dash between years is left alone
    assert "2020–2021" in [t.text for t in nlp.tokenizer("in 2020–2021 talks")]


def test_a_model_name_cut_inside_a_known_name_takes_the_whole_name(nlp):
    found = ents(nlp, "The President of the Republic of Cote d’Ivoire will visit Ghana.")
    assert ("the Republic of Cote d’Ivoire", "GPE") in found
    # the known name alone stays as it is
    assert ("Cote d’Ivoire", "GPE") in ents(nlp, "He flew to Cote d’Ivoire.")


def test_a_person_named_again_where_the_model_tags_nothing(nlp):
    doc = nlp.make_doc("His Excellency Kofi Mensah will visit. President Mensah spoke.")
    for tok, tag in zip(doc, ["PRP$", "NNP", "NNP", "NNP", "MD", "VB", ".", "NNP", "NNP", "VBD", "."]):
        tok.tag_ = tag
        tok.pos_ = "PROPN" if tag == "NNP" else "X"
    methods = {}
    spans = persons_named_again(doc, [Span(doc, 8, 9, label="PERSON")], methods)
    found = sorted((s.text, s.label_) for s in spans)
    # the given names before it join it, the honorific and the title do not
    assert found == [("Kofi Mensah", "PERSON"), ("Mensah", "PERSON")]
    assert set(methods.values()) == {"fix:person_named"}


def test_no_person_named_again_without_a_person(nlp):
    doc = nlp.make_doc("Kofi Mensah will visit.")
    assert persons_named_again(doc, [], {}) == []


def _tagged(nlp, text):
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.pos_ = "PROPN" if tok.text[:1].isupper() else "X"
    return doc


def test_a_state_and_a_person_in_one_name_are_two_names(nlp):
    doc = _tagged(nlp, "President of Turkmenistan Aman Durdyev arrived. Aman Durdyev spoke.")
    spans = [Span(doc, 2, 5, label="ORG"), Span(doc, 7, 9, label="PERSON")]
    found = sorted((s.text, s.label_) for s in persons_named_again(doc, spans, {}))
    assert found == [("Aman Durdyev", "PERSON"), ("Aman Durdyev", "PERSON"), ("Turkmenistan", "GPE")]


def test_a_state_name_before_no_person_of_the_article_stays(nlp):
    doc = _tagged(nlp, "Kenya Airways flew. Aman Durdyev spoke.")
    spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    found = sorted((s.text, s.label_) for s in persons_named_again(doc, spans, {}))
    assert found == [("Aman Durdyev", "PERSON"), ("Kenya Airways", "ORG")]
