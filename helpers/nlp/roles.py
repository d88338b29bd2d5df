"""Role nouns: the coreference table's ("officials", "the two rival powers") and the sector
nouns of the Phoenix agents dictionary ("rebels", "militants"), and which office a role holds.

>>> role_nouns()["officials"], holds_role("prime minister", "minister")
(('officials', 'person'), False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from helpers.files.resources import resource_rows
from helpers.nlp.phoenix import agent_code

#: Sector codes of the Phoenix agents dictionary that make a demonym + noun a group actor
#: ("the Pakistani opposition"), and those that do so with "the" alone ("the rebels").
SECTORS = {"GOV", "OPP", "REB", "INS", "UAF", "SEP", "MIL", "COP", "LEG", "JUD", "PTY", "MED", "CVL"}
BARE_SECTORS = {"REB", "OPP", "INS", "UAF", "SEP"}


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, tuple[str, str]]:
    """Role nouns (singular and plural forms) -> (plural, class) from ``coref_role_nouns.csv``.

    >>> role_nouns()["officials"], role_nouns()["power"]
    (('officials', 'person'), ('powers', 'state'))
    """
    table: dict[str, tuple[str, str]] = {}
    for row in resource_rows("coref_role_nouns.csv", columns=("singular", "plural", "class")):
        for form in (row["singular"], row["plural"]):
            if form:
                table[form] = (row["plural"], row["class"])
    return table


def holds_role(roles: str, noun: str) -> bool:
    """Whether a person's roles hold ``noun`` as an office of its own: "Foreign Minister"
    holds "minister", "Prime Minister" and "Vice President" do not (other offices).

    >>> holds_role("kenyan foreign minister", "minister"), holds_role("prime minister", "minister")
    (True, False)
    """
    return re.search(rf"(?<!prime )(?<!vice )(?<!vice-)\b{re.escape(noun)}\b", roles.lower()) is not None


def sector_noun(tok) -> bool:
    """A plural role noun the coreference table does not list, that the Phoenix agents
    dictionary puts in a sector ("rebels", "militants", "troops")."""
    return tok.tag_ == "NNS" and tok.lower_ not in role_nouns() and agent_code(tok.lower_) in SECTORS
