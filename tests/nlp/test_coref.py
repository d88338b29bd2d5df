"""Coreference rules, one behaviour each (see helpers/coref.py and docs/annotation_guide.md)."""
import pytest

from helpers.nlp.coref import role_nouns
from helpers.nlp.mentions import find_mentions
from helpers.nlp.model import get_nlp
from helpers.nlp.text import sentences


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def resolved(nlp, text, phrase, *, occurrence=0):
    """The actor ids the non-name mention starting at the n-th ``phrase`` resolves to."""
    doc = nlp(text)
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    return sorted(m.actor_id for m in find_mentions(doc, sentences(doc))
                  if m.start == at and m.text == phrase and m.kind != "NAME")


@pytest.mark.parametrize("text, phrase, expected", [
    # he/his -> the subject of the same sentence
    ("Ammar al-Hakim carried the message during his visit.", "his", ["ammar_al_hakim"]),
    # "him" is never the subject of its own clause: the subject of the sentence before
    ("Ammar al-Hakim began a visit. Mohammad Bagher Ghalibaf invited him.", "him", ["ammar_al_hakim"]),
    # "He" opening a sentence -> the subject of the last sentence naming a person
    ("Insiders said Ammar al-Hakim might travel. He could visit Cairo.", "He", ["ammar_al_hakim"]),
    # "her" -> a person not known to be male
    ("Health Minister Rania Haddad opened a clinic, her ministry said.", "her", ["rania_haddad"]),
    # no person before: unresolved, nothing emitted
    ("He left early.", "He", []),
])
def test_singular_pronouns(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("Ghalibaf met Ammar al-Hakim. Both leaders agreed.",
     "Both leaders", ["ammar_al_hakim", "mohammad_bagher_ghalibaf"]),
    ("Mohammad Bagher Ghalibaf and Ammar al-Hakim met. Both leaders agreed. They also stressed calm.",
     "They", ["ammar_al_hakim", "mohammad_bagher_ghalibaf"]),
    ("Mohammad Bagher Ghalibaf invited Ammar al-Hakim. Then both sides talked.",
     "both sides", ["ammar_al_hakim", "mohammad_bagher_ghalibaf"]),
    ("Iraq wants calm between Iran and the United States. Iraq stays between the two rival powers.",
     "the two rival powers", ["iran", "united_states"]),
    ("Kenyan and Ethiopian envoys met. The U.S. State Department urged both governments to talk.",
     "both governments", ["ethiopia", "kenya"]),
    ("It rained. They stayed home.", "They", []),
])
def test_plural_mentions_refer_to_pairs(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("The appeal urged Iraqi leaders to act.", "Iraqi leaders", ["iraqi_leaders"]),
    ("He carried a message from senior Iranian officials.", "senior Iranian officials",
     ["iranian_officials"]),
    ("According to a senior Kenyan official, talks resume.", "a senior Kenyan official",
     ["kenyan_officials"]),
    ("Claire Dubois criticised the French government.", "the French government", ["france"]),
    ("He met Iraqi politician Ammar al-Hakim.", "Iraqi politician", []),
])
def test_demonym_nominals(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("Dr. Hassan al-Hakim, a Lebanese surgeon, spoke. The surgeon smiled.", "The surgeon",
     ["hassan_al_hakim"]),
    ("Iraqi politician Ammar al-Hakim met Grace Wanjiru. The Iraqi politician left.",
     "The Iraqi politician", ["ammar_al_hakim"]),
    ("The surgeon smiled.", "The surgeon", []),
    ("The mayor of Lyon, Claire Dubois, spoke.", "The mayor", []),
])
def test_definite_nominals(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


def test_possessive_government_is_the_state_of_its_owner(nlp):
    text = "Ethiopian envoy Dawit Bekele arrived. Bekele said his government wanted trade."
    assert resolved(nlp, text, "his government") == ["ethiopia"]


def test_role_nouns_know_singular_and_plural():
    assert role_nouns()["leader"] == ("leaders", "person")
    assert role_nouns()["authorities"] == ("authorities", "person")
