"""The per-doc tables of :mod:`helpers.nlp.tree` give what spaCy gives, and are kept as long as asked."""
from helpers.nlp import tree
from helpers.nlp.tree import children, entities, sent_of, tables_kept


def test_the_tables_give_what_spacy_gives(nlp):
    doc = nlp("Kenya and Ethiopia met in Nairobi. They signed a pact with Somalia.")
    assert all(children(t) == tuple(t.children) and sent_of(t) == t.sent for t in doc)
    assert entities(doc) == tuple(doc.ents)
    assert [e.text for e in entities(doc)] == ["Kenya", "Ethiopia", "Nairobi", "Somalia"]


def test_a_table_is_built_once_for_each_doc_kept(nlp):
    docs = [nlp(f"Kenya met Ethiopia on day {i}.") for i in range(tree.KEPT + 4)]
    with tables_kept(len(docs)):
        first = [entities(d) for d in docs]
        assert all(entities(d) is e for d, e in zip(docs, first))     # none was built again
    assert len(tree._ENTITIES) <= tree.KEPT                           # trimmed when the block ends
    assert entities(docs[0]) is not first[0]                          # dropped: built anew
