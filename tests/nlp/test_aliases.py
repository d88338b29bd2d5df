"""One actor, several names in one article: acronyms, "known as" names, variant spellings."""
import pytest

from helpers.nlp.aliases import kb_id, same_person, spells
from helpers.nlp.kb import load_kb
from helpers.nlp.linking import link_names
from helpers.nlp.model import get_nlp


def ids(text: str) -> dict[str, str]:
    return {n.text: n.actor_id for n in link_names(get_nlp()(text))}


@pytest.mark.parametrize("short, long, expected", [
    ("IGAD", "Intergovernmental Authority on Development", True),
    ("ECOWAS", "Economic Community of West African States", True),
    ("OPMC", "the Office of the Prime Minister and Cabinet", True),
    ("ACFTA", "Africa Continental Free Trade area", True),
    # must not fire: a capitalised word that gives no letter, a single word, letters missing
    ("AU", "Arab League", False),
    ("UN", "Ukraine", False),
    ("US", "Security Council", False),
])
def test_an_acronym_spells_its_long_form(short, long, expected):
    assert spells(short, long) is expected


def test_an_acronym_no_source_knows_joins_the_long_form_the_article_names():
    found = ids("The Norvela Mining Corporation said on Monday it would appeal. "
                "NMC officials later met the minister.")
    assert found["NMC"] == found["The Norvela Mining Corporation"] == "norvela_mining_corporation"


def test_an_acronym_of_another_name_stays_its_own():
    found = ids("The Arab League met on Monday. Later, AU officials met the minister.")
    assert found["AU"] != found["The Arab League"]


def test_a_name_known_as_another_is_one_person():
    found = ids("Rebel commander Karim Tavassoli, widely known as Kato, agreed to a truce. "
                "Kato later met the envoy.")
    assert found["Kato"] == found["Karim Tavassoli"] == "karim_tavassoli"


def test_known_for_is_no_alias():
    found = ids("Rebel commander Karim Tavassoli, known for his speeches, met Omar Delane.")
    assert found["Omar Delane"] == "omar_delane"


@pytest.mark.parametrize("first, second, expected", [
    ("Mohamed Bazoum", "Muhammed BAZOUM", True),
    ("Dmitry Peskov", "Dimitry Peskov", True),
    # must not fire: another given name, another surname, a shorter name
    ("Hassan al-Hakim", "Ammar al-Hakim", False),
    ("Mohamed Delane", "Mohamed Tavassoli", False),
    ("Mohamed Delane", "Delane", False),
])
def test_variant_spellings_of_a_full_name(first, second, expected):
    assert same_person(first, second) is expected


def test_variant_spellings_in_one_article_are_one_person_and_namesakes_stay_two():
    found = ids("President Mohamed Delane arrived on Monday. Muhammed Delane then met the press. "
                "Hassan Delane, a trade official, met Ammar Delane on Tuesday.")
    assert found["Muhammed Delane"] == found["Mohamed Delane"] == "mohamed_delane"
    assert len({found["Hassan Delane"], found["Ammar Delane"], found["Mohamed Delane"]}) == 3


@pytest.mark.parametrize("name, expected", [
    ("the Federal Republic of Ethiopia", "ethiopia"),
    ("Kingdom of Bahrain", "bahrain"),
    ("State of Qatar", "qatar"),
    # must not fire: a group named after a state, an office, a polity that is no state
    ("Islamic State of Iraq", ""),
    ("Secretary of State of Ohio", ""),
    ("the Republic of Srpska", ""),
])
def test_a_formal_name_of_a_state_links_to_the_state(name, expected):
    assert kb_id(load_kb(), name) == expected


@pytest.mark.parametrize("text", [
    "The summit was opened by the Assembly of the Norvelan League on Monday. The Assembly later "
    "adopted a resolution.",
    "The summit was opened by the Norvelan League Assembly on Monday. The Assembly later adopted "
    "a resolution.",
])
def test_an_institution_s_head_noun_alone_is_the_institution_named_before(text):
    found = ids(text)
    long = next(name for name in found if name.lower() not in {"the assembly"})
    assert found["The Assembly"] == found[long]


def test_a_head_noun_no_institution_of_the_article_has_stays_its_own():
    found = ids("The summit was opened by the Norvelan League Assembly on Monday. The Council "
                "met too.")
    assert found["The Council"] != found["the Norvelan League Assembly"]


@pytest.mark.parametrize("text, name, actor_id", [
    ("African mediators met the envoy.", "African", "africa"),
    ("Trade with East African states grew.", "East African", "east_africa"),
    # must not fire: a demonym of a state stays the state
    ("Kenyan officials met the envoy.", "Kenyan", "kenya"),
])
def test_a_region_adjective_links_to_the_region(text, name, actor_id):
    assert ids(text)[name] == actor_id


def test_a_name_whose_part_after_of_is_what_the_acronym_abbreviates_is_two_organisations():
    found = ids("The Council of Ministers of the Norvela Trade Union (NTU) met on Monday. "
                "NTU officials left.")
    assert found["The Council of Ministers"] == "council_of_ministers"
    assert found["NTU"] == found["the Norvela Trade Union"] == "norvela_trade_union"


def test_an_acronym_of_the_whole_name_keeps_it_whole():
    found = ids("The Southern Norvela Trade Union (SNTU) met on Monday.")
    assert found["SNTU"] == found["The Southern Norvela Trade Union"]
