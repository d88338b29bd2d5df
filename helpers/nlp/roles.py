"""Sector nouns: plural role nouns the coreference table does not list that the Phoenix
agents dictionary puts in a sector ("rebels", "militants", "troops"), and the sectors that
make a group actor of them.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("The rebels and the analysts left.")
>>> sector_noun(doc[1]), sector_noun(doc[4])
(True, False)
"""
from __future__ import annotations

from helpers.nlp.phoenix import agent_code
from helpers.nlp.references import role_nouns

#: Sector codes of the Phoenix agents dictionary that make a demonym + noun a group actor
#: ("the Pakistani opposition"), and those that do so with "the" alone ("the rebels").
SECTORS = {"GOV", "OPP", "REB", "INS", "UAF", "SEP", "MIL", "COP", "LEG", "JUD", "PTY", "MED", "CVL"}
BARE_SECTORS = {"REB", "OPP", "INS", "UAF", "SEP"}


def sector_noun(tok) -> bool:
    """A plural role noun the coreference table does not list, that the Phoenix agents
    dictionary puts in a sector ("rebels", "militants", "troops")."""
    return tok.tag_ == "NNS" and tok.lower_ not in role_nouns() and agent_code(tok.lower_) in SECTORS
