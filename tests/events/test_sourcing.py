"""Attribution cues of sentences and the type of their source."""
import pytest

from helpers.events.sourcing import SOURCE_TYPES, sentence_sourcing, sourcing_table
from helpers.files.records import Mention
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences


@pytest.mark.parametrize("sentence, cue, kind", [
    ("According to informed sources, Hakim carried the message.",
     "According to informed sources", "anonymous"),
    ("Sources stated that the two men discussed trade.", "Sources stated", "anonymous"),
    ("Meanwhile, insiders revealed that he might stay.", "insiders revealed", "anonymous"),
    ("Furthermore, observers say the timing is crucial.", "observers say", "observers"),
    ("According to reports, Iran views Iraq as a partner.", "According to reports",
     "media_reports"),
    ("The talks ended, according to media reports.", "according to media reports",
     "media_reports"),
    ('"We will not accept it," Wanjiru told reporters.', "Wanjiru told reporters", "named"),
    ("Bekele said his government wanted the trucks moving.", "Bekele said", "named"),
    ("The clinic opened on Friday, her ministry said.", "her ministry said", "named"),
    ("Officials said the deal was signed.", "Officials said", "anonymous"),
    ("According to a senior Kenyan official, he will return.",
     "According to a senior Kenyan official", "anonymous"),
    ("Analysts in Bogotá said prices would rise.", "Analysts in Bogotá said", "observers"),
    ("He reportedly left the country.", "reportedly", "media_reports"),
    ("It rained heavily all night.", "", "none"),
    ("", "", "none"),
])
def test_sentence_sourcing(sentence, cue, kind):
    assert sentence_sourcing(get_nlp()(sentence)[:], []) == (cue, kind)


def test_cue_is_exactly_as_written():
    doc = get_nlp()("Hakim left. According to Informed Sources, he returned.")
    cue, _ = sentence_sourcing(list(doc.sents)[1], [])
    assert cue in doc.text and cue == "According to Informed Sources"


def test_named_person_mention_makes_a_named_source():
    doc = get_nlp()("According to Lucía Barros, the deal holds.")
    start = doc.text.index("Lucía")
    mention = Mention("m1", 1, start, start + 11, "Lucía Barros", "PERSON", "NAME",
                      "lucia_barros", "test")
    assert sentence_sourcing(doc[:], [mention])[1] == "named"


def test_table_has_one_row_per_sentence():
    doc = get_nlp()("Sources said it ended. It rained.")
    rows = sourcing_table(doc, sentences(doc))
    assert [r["sentence_id"] for r in rows] == [1, 2]
    assert [r["source_type"] for r in rows] == ["anonymous", "none"]
    assert all(r["source_type"] in SOURCE_TYPES for r in rows)


def test_cue_stays_inside_its_sentence():
    # the parse lends the subject a closing quote of the line before
    text = ('"The hard part starts now," Diallo said. "A signature does not feed anyone in '
            'Ménaka."\nMr. Ousmane Traoré, the chief negotiator, said his side had accepted.')
    doc = get_nlp()(text)
    rows = sourcing_table(doc, sentences(doc))
    assert rows[-1]["attribution"] == "Mr. Ousmane Traoré, the chief negotiator, said"
