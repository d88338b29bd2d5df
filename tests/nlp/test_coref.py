"""Coreference rules, one behaviour each (see helpers/coref.py and docs/annotation_guide.md)."""

from dataclasses import replace

import pytest
from spacy.tokens import Doc

from helpers.events.extraction import extract_events
from helpers.nlp.coref import role_nouns
from helpers.nlp.linking import LinkedName
from helpers.nlp.mentions import find_mentions
from helpers.nlp.references import coordinated
from helpers.nlp.text import sentences
from tests.nlp.support import resolved


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
    # "on his ..." is the one addressed, but after a meeting verb the visitor's
    ("Omar Delane will accompany Karl Ost on his trip.", "his", ["karl_ost"]),
    ("Omar Delane is due to meet Karl Ost in Orsk on Wednesday on his first trip abroad.", "his",
     ["omar_delane"]),
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
    # "their" before a noun of something done together: the persons named in its sentence
    ("In their call, Amani Otieno expressed regret to Joseph Okello that he could not travel.",
     "their", ["amani_otieno", "joseph_okello"]),
    # ... else the persons of the sentence before
    ("Amani Otieno phoned Joseph Okello on Monday. Their discussion touched on trade.",
     "Their", ["amani_otieno", "joseph_okello"]),
    # must not fire: a noun of something not done together
    ("Amani Otieno said the farmers lost their homes, Joseph Okello said.", "their", []),
    # the subject and the object of a meeting verb are a pair
    ("Omar Delane hosted Karl Ost in Orsk on Monday. They agreed to expand trade.",
     "They", ["karl_ost", "omar_delane"]),
    ("Omar Delane held talks with Karl Ost on Monday. Their talks covered trade and the border.",
     "Their", ["karl_ost", "omar_delane"]),
    # must not fire: a verb that is no meeting
    ("Omar Delane praised Karl Ost on Monday. They agreed to expand trade.", "They", []),
    # a role noun in a coordination stands for the name in apposition to it
    ("Kenyan President Omar Delane and his Ugandan counterpart Karl Ost met in Lusaka. They signed a pact.",
     "They", ["karl_ost", "omar_delane"]),
    # the plural subject of the pronoun's sentence comes before a group named after it ...
    ("Kenyan Vice Foreign Minister Omar Delane met Ugandan Vice Foreign Minister Karl Ost. The vice "
     "ministers of Kenya and Uganda committed to results in their cooperation.", "their",
     ["karl_ost", "omar_delane"]),
    # ... but not when it is no subject: the group named last
    ("Kenyan Vice Foreign Minister Omar Delane met Ugandan Vice Foreign Minister Karl Ost. Officials "
     "praised the vice ministers of Kenya and Uganda for their cooperation.", "their", ["kenya", "uganda"]),
    # the same plural noun said again is the same group ...
    ("Omar Delane met Karl Ost in Orsk. The sides discussed Kenya-Uganda trade and specified its "
     "priority areas. According to the sides, trade grew.", "the sides", ["karl_ost", "omar_delane"]),
    # ... but not beyond three sentences: the group named last
    ("Omar Delane met Karl Ost in Orsk. The sides discussed trade. Prices rose. Rain fell. Snow came. "
     "Kenya and Uganda signed a pact. According to the sides, trade grew.", "the sides", ["kenya", "uganda"]),
    # "the two ..." is no group of five: the two states named last
    ("Chile, Peru, Kenya, Uganda and Ghana joined the pact. Later Mali criticised Niger. "
     "The two countries traded barbs.", "The two countries", ["mali", "niger"]),
    # a pair named before a third state is still the pair ...
    ("Kenya and Uganda signed a pact. Chile praised it. The two countries will meet again.",
     "The two countries", ["kenya", "uganda"]),
    ("Iraq wants calm between Iran and the United States. Iran views Iraq as a partner. Iraq keeps "
     "its neutrality between the two rival powers.", "the two rival powers", ["iran", "united_states"]),
    # ... but two states named after it in an earlier sentence are taken over it
    ("Kenya and Uganda met in March. Later Ghana deepened ties with Mali. The two countries signed "
     "a pact.", "The two countries", ["ghana", "mali"]),
])
def test_plural_mentions_refer_to_pairs(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("The appeal urged Iraqi leaders to act.", "Iraqi leaders", ["iraqi_leaders"]),
    # a group of each name of a group, an organisation or a state in front of a plural
    ("Omar Delane met Karl Ost in Kabul. Later the Taliban leaders met in Kandahar.",
     "the Taliban leaders", ["taliban_leaders"]),
    ("Kenya and Uganda signed a pact. The Arab countries welcomed it.", "The Arab countries",
     ["arab_countries"]),
    ("Envoys met in Orsk, where top Arab, Turkish, EU, and U.S. diplomats called for calm.",
     "top Arab, Turkish, EU, and U.S. diplomats",
     ["arab_diplomats", "eu_diplomats", "turkish_diplomats", "us_diplomats"]),
    # ... not without a name: the pair named before
    ("Kenya and Uganda signed a pact. The two countries welcomed it.", "The two countries",
     ["kenya", "uganda"]),
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
     ["hassan_hakim"]),
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


@pytest.mark.parametrize("text, phrase, occurrence, expected", [
    # the speaker of a quote is the main subject before it, not the subject it reports
    ('Information Minister Omar Delane said Prime Minister Karl Ost did not meet the rebel '
     'leader. "No such meeting took place," he said.', "he", 0, ["omar_delane"]),
    ('Karl Ost said Omar Delane did not meet the rebel leader. "No such meeting took place," '
     'he said.', "he", 0, ["karl_ost"]),
    # a subject pronoun in what someone reports is that speaker; 'him' is never the
    # subject of its own clause
    ("Omar Delane said that Karl Ost had called him three times, but that he had rejected "
     "the request.", "him", 0, ["omar_delane"]),
    ("Omar Delane said that Karl Ost had called him three times, but that he had rejected "
     "the request.", "he", 0, ["omar_delane"]),
    ("Karl Ost called Omar Delane, and he refused.", "he", 0, ["karl_ost"]),
    # 'the minister': a Prime Minister is not 'the minister'; a named minister is
    ("Omar Delane met Prime Minister Karl Ost on Monday. The minister later criticised the "
     "opposition.", "The minister", 0, ["omar_delane"]),
    ("Omar Delane met Foreign Minister Karl Ost on Monday. The minister later criticised the "
     "opposition.", "The minister", 0, ["karl_ost"]),
])
def test_who_said_and_did_what(nlp, text, phrase, occurrence, expected):
    assert resolved(nlp, text, phrase, occurrence=occurrence) == expected


def test_they_are_every_coordinated_actor(nlp):
    text = "Chile, Peru and Bolivia met in Lima. They agreed to reopen the border."
    assert resolved(nlp, text, "They") == ["bolivia", "chile", "peru"]


def test_they_are_the_pair_when_two_are_coordinated(nlp):
    text = "Peru and Bolivia met Chile in Lima. They agreed to reopen the border."
    assert resolved(nlp, text, "They") == ["bolivia", "peru"]


def test_no_pair_of_two_of_three_coordinated_actors(nlp):
    text = "Chile, Peru and Bolivia met in Lima. They agreed to reopen the border."
    doc = nlp(text)
    sents = sentences(doc)
    rows = {(e.source_actor, e.target_actor) for e in extract_events(
        doc, sents, find_mentions(doc, sents)) if e.sentence_id == 2}
    assert rows == {(a, b) for a in ("chile", "peru", "bolivia")
                    for b in ("chile", "peru", "bolivia") if a != b}


@pytest.mark.parametrize("text, phrase, expected", [
    ("Kenya met Uganda in Nairobi. The two sides agreed to reopen the border.",
     "The two sides", ["kenya", "uganda"]),
    ("Omar Delane met Karl Ost in Lima. The ministers agreed to reopen the border.",
     "The ministers", ["karl_ost", "omar_delane"]),
    # a definite plural naming its own actors is not an earlier group
    ("Omar Delane met Karl Ost in Lima. The ministers of Chile and Peru left.",
     "The ministers", []),
    ("Ethiopian envoy Dawit Bekele met Kenyan Foreign Minister Grace Wanjiru. "
     "Later his Kenyan counterpart left.", "his Kenyan counterpart", ["grace_wanjiru"]),
    ("Tanzania denied that its army attacked Uganda.", "its", ["tanzania"]),
])
def test_plural_nominals_counterparts_and_its(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    # a possessive in an opening phrase before the subject is the subject named after it
    ("Amani Otieno met Joseph Okello in Kampala. During his visit, Joseph Okello praised the talks.",
     "his", ["joseph_okello"]),
    # "X congratulated Y on his victory": the one addressed
    ("Amani Otieno congratulated Joseph Okello on his victory in the election.", "his", ["joseph_okello"]),
    # elsewhere the subject of the sentence stays first
    ("Amani Otieno congratulated Joseph Okello during his visit to Kampala.", "his", ["amani_otieno"]),
])
def test_possessive_pronouns_by_position(nlp, text, phrase, expected):
    assert resolved(nlp, text, phrase) == expected


@pytest.mark.parametrize("text, phrase, occurrence, expected", [
    # a second "his" of the same sentence, with no person named between, is the first one's person
    ("Amani Otieno congratulated Joseph Okello on his victory and welcomed his visit to Nairobi.",
     "his", 1, ["joseph_okello"]),
    # must not fire: a person named between the two pronouns takes the second one
    ("Amani Otieno praised his team, and Joseph Okello thanked his hosts.", "his", 1,
     ["joseph_okello"]),
])
def test_possessive_continues_the_previous_possessive(nlp, text, phrase, occurrence, expected):
    assert resolved(nlp, text, phrase, occurrence=occurrence) == expected


def _listed_doc(nlp):
    """'as Omar Delane, Karl Ost, Lena Varg and Ari Mandel' parsed as a name with an apposition
    that has conjuncts (as the parser reads such lists), with its names linked."""
    words = ["as", "Omar", "Delane", ",", "Karl", "Ost", ",", "Lena", "Varg", "and", "Ari", "Mandel"]
    heads = [0, 2, 0, 2, 5, 2, 5, 8, 5, 8, 11, 8]
    deps = ["ROOT", "compound", "pobj", "punct", "compound", "appos", "punct", "compound", "conj",
            "cc", "compound", "conj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    spans = [(1, 3, "PERSON"), (4, 6, "PERSON"), (7, 9, "PERSON"), (10, 12, "PERSON")]
    names = [LinkedName(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), doc[a:b].text, label,
                        "_".join(w.lower() for w in words[a:b]), "model/new", "person")
             for a, b, label in spans]
    return doc, names


def test_persons_parsed_in_apposition_are_a_list(nlp):
    doc, names = _listed_doc(nlp)
    assert [g.actors for g in coordinated(doc, names).values()] == [
        ("omar_delane", "karl_ost", "lena_varg", "ari_mandel")]
    # must not fire: a name of another kind in apposition to a person's name
    doc, names = _listed_doc(nlp)
    names[1] = replace(names[1], label="ORG", type="organization")
    assert [g.actors for g in coordinated(doc, names).values()] == [
        ("karl_ost", "lena_varg", "ari_mandel")]
