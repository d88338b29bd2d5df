"""The actor knowledge base: data integrity and look-ups by alias, surname, demonym, capital."""
import csv

import pytest

from helpers.config import RESOURCES_DIR
from helpers.nlp.kb import load_kb, lookup, name_parts, slug, surname_candidates



@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("name, expected", [
    ("Tomás Fuentes", "tomas_fuentes"),
    ("Mohammad Bagher Ghalibaf", "mohammad_bagher_ghalibaf"),
    ("Ammar al-Hakim", "ammar_al_hakim"),
    ("Park Min-ji", "park_min_ji"),
    ("", ""),
    ("iraq", "iraq"),
])
def test_slug_makes_snake_case_ascii_ids(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize("alias, actor_id", [
    ("Hikma", "national_wisdom_movement"),
    ("the United States", "united_states"),
    ("The United States", "united_states"),
    ("U.S.", "united_states"),
    ("US", "united_states"),
    ("Ayatollah", ""),
    ("Ali Khamenei", "ali_khamenei"),
    ("Mohammed Shia al-Sudani", "mohammed_shia_al_sudani"),
    ("Masoud Pezeshkian", "masoud_pezeshkian"),
    ("Donald Trump", "donald_trump"),
    ("Majlis", "iran_parliament"),
    ("Türkiye", "turkey"),
    ("the U.N. Security Council", "un_security_council"),
    ("The U.N. Security Council", "un_security_council"),
    ("the IMF", "imf"),
    ("World Bank", "world_bank"),
    ("International Criminal Court", "international_criminal_court"),
    ("WHO", ""),
    ("the Ayatollah", ""),
    ("", ""),
])
def test_lookup_by_alias(kb, alias, actor_id):
    assert lookup(kb, alias) == actor_id


@pytest.mark.parametrize("demonym, state", [
    ("Iranian", "iran"), ("Iraqi", "iraq"), ("American", "united_states"), ("Kenyan", "kenya"),
    ("South Korean", "south_korea"), ("Lebanese", "lebanon"),
])
def test_demonym_links_to_its_state(kb, demonym, state):
    assert kb.by_demonym[demonym] == state


@pytest.mark.parametrize("city, state", [
    ("tehran", "iran"), ("baghdad", "iraq"), ("washington", "united_states"), ("nairobi", "kenya"),
])
def test_capital_knows_its_state(kb, city, state):
    assert kb.capital_of[city] == state
    assert kb.actors[city].type == "city"


def test_a_city_that_is_no_capital_has_no_state(kb):
    assert "erbil" not in kb.capital_of


@pytest.mark.parametrize("short, expected", [
    ("Hakim", ("ammar_al_hakim",)),
    ("al-Hakim", ("ammar_al_hakim",)),
    ("Ghalibaf", ("mohammad_bagher_ghalibaf",)),
    ("Wanjiru", ()),
])
def test_surname_candidates(kb, short, expected):
    assert surname_candidates(kb, short) == expected


@pytest.mark.parametrize("name, parts", [
    ("Ammar al-Hakim", ["Ammar", "Hakim", "al-Hakim"]),
    ("Lucía Barros", ["Lucía", "Barros"]),
    ("Dr. J. Smith", ["Dr.", "Smith"]),
    ("", []),
])
def test_name_parts_drop_particles_and_initials(name, parts):
    assert name_parts(name) == parts


def test_every_actor_row_is_well_formed(kb):
    for actor in kb.actors.values():
        assert actor.actor_id == slug(actor.actor_id), actor.actor_id
        assert actor.country == "" or len(actor.country) == 3, actor.actor_id
        assert actor.wikidata == "" or actor.wikidata.startswith("Q"), actor.actor_id


def test_actor_ids_in_actors_csv_are_unique():
    with open(RESOURCES_DIR / "actors.csv", encoding="utf-8", newline="") as handle:
        ids = [row["actor_id"] for row in csv.DictReader(handle)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("actor_id, cameo", [
    ("iraq", "IRQ"), ("iran_parliament", "IRNLEG"), ("united_states", "USA"), ("hezbollah", "LBNREBHEZ"),
])
def test_cameo_codes(kb, actor_id, cameo):
    assert kb.actors[actor_id].cameo_code == cameo


def test_the_region_leaders_of_2025_are_known(kb):
    for actor_id in ("mohammed_shia_al_sudani", "masoud_pezeshkian", "donald_trump", "ali_khamenei",
                     "mohammad_bagher_ghalibaf", "ammar_al_hakim", "national_wisdom_movement"):
        assert kb.actors[actor_id].name


@pytest.mark.parametrize("table", ["actors.csv", "entity_countries.csv"])
def test_every_cameo_actor_code_is_built_from_codes_of_the_cameo_codebook(table):
    import csv

    from helpers.config import RESOURCES_DIR

    with open(RESOURCES_DIR / "cameo_actor_codes.csv", encoding="utf-8", newline="") as handle:
        known = {row["code"] for row in csv.DictReader(handle)}
    with open(RESOURCES_DIR / table, encoding="utf-8", newline="") as handle:
        used = {row["cameo_code"] for row in csv.DictReader(handle) if row["cameo_code"]}
    assert used
    assert not {code for code in used if code not in known and not all(
        code[i:i + 3] in known for i in range(0, len(code), 3))}
