"""Roles and offices: sector nouns (plural role nouns the coreference table does not list that
the Phoenix agents dictionary puts in a sector, "rebels", "militants", "troops", and the
sectors that make a group actor of them), and the holders of offices the text names ("the
foreign ministers of X and Y", "the Kenyan president", "Mr President"; rules 3b and 5 of
:mod:`helpers.nlp.coref`).

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("The rebels and the analysts left.")
>>> sector_noun(doc[1]), sector_noun(doc[4])
(True, False)
"""
from __future__ import annotations

from helpers.nlp.kb import load_kb
from helpers.nlp.linking import LinkedName
from helpers.nlp.phoenix import agent_code
from helpers.nlp.references import is_subject, last_pair, noun_number, role_nouns, role_word
from helpers.nlp.tree import children, sent_of

#: Sector codes of the Phoenix agents dictionary that make a demonym + noun a group actor
#: ("the Pakistani opposition"), and those that do so with "the" alone ("the rebels").
SECTORS = {"GOV", "OPP", "REB", "INS", "UAF", "SEP", "MIL", "COP", "LEG", "JUD", "PTY", "MED", "CVL"}
BARE_SECTORS = {"REB", "OPP", "INS", "UAF", "SEP"}


def sector_noun(tok) -> bool:
    """A plural role noun the coreference table does not list, that the Phoenix agents
    dictionary puts in a sector ("rebels", "militants", "troops")."""
    return tok.tag_ == "NNS" and tok.lower_ not in role_nouns() and agent_code(tok.lower_) in SECTORS


#: Offices another word also names: an abbreviation or synonym, or a word for any of several
#: offices ("the Kenya leader": its president or prime minister).
OFFICE_NAMES = {"pm": ("prime minister",), "premier": ("prime minister",),
                "foreign minister": ("foreign secretary",),
                # a gender-neutral title and its gendered forms name one office
                "spokesperson": ("spokesman", "spokeswoman"), "spokesman": ("spokesperson",),
                "spokeswoman": ("spokesperson",), "chairperson": ("chairman", "chairwoman"),
                "chairman": ("chairperson",), "chairwoman": ("chairperson",),
                "leader": ("president", "prime minister", "premier", "chancellor", "head of state")}


#: British spellings of office words -> the American ones the knowledge base's roles use.
_SPELLINGS = {"defence": "defense", "labour": "labor"}


def _spelling(text: str) -> str:
    """``text`` (lower case) with British spellings of office words made American."""
    return " ".join(_SPELLINGS.get(w, w) for w in text.split(" "))


def _office_states(tok, names: list[LinkedName], history, pairs) -> tuple[str, ...]:
    """The states a plural office noun names: demonyms before it ("Ukrainian and Polish foreign
    ministers"), states in its 'of' phrase ("of China and the Philippines"), or the pair a
    "the two countries" there refers to."""
    states = [n.actor_id for n in names if n.type == "state" and n.label == "NORP"
              and tok.left_edge.idx <= n.start and n.end <= tok.idx]
    for prep in (c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"):
        end = tok.right_edge.idx + len(tok.right_edge)      # "of China and the Philippines"
        states += [n.actor_id for n in names if n.type == "state" and prep.idx <= n.start and n.end <= end]
        if not states and any(t.lower_ in {"two", "both"} and role_nouns().get(t.head.lower_, ("", ""))[1]
                              == "state" for t in prep.subtree):
            states += last_pair(history, pairs, "state", set())[0]
    return tuple(dict.fromkeys(states))


def _office_words(tok) -> str:
    """The office a role noun names with the words in front of it that are no name or number
    ("the vice ministers" -> "vice minister", "the foreign ministers" -> "foreign minister")."""
    words = [c.lower_ for c in children(tok) if c.dep_ in {"compound", "amod"} and c.i < tok.i
             and not c.ent_type_ and c.pos_ in {"ADJ", "NOUN", "PROPN"}]
    return " ".join(words + [tok.lemma_.lower()])


def _holders_of(office: str, word: str, mine: list[tuple[str, str]]) -> tuple[list[str], bool]:
    """The persons of ``mine`` (actor, roles) that hold ``office``, else the role noun ``word``
    alone, else that are a counterpart (who holds the office of the one it is the counterpart
    of); and whether they hold the office."""
    for wanted in dict.fromkeys((office, word)):
        held = [a for a, roles in mine if holds_role(wanted, roles)]
        if held:
            return held, True
    return [a for a, roles in mine if holds_role("counterpart", roles)], False


def office_holders(tok, names, people, history, pairs, emit, remember, size: int = 0) -> bool:
    """Rule 3b: a plural office with its states ("the foreign ministers of China and the
    Philippines", "the Presidents of the two countries") -> the person of each state the
    article gives that office (before or after), when every state has one; a state whose
    holder the text gives no country takes a holder of no known country. Without states, an
    office of more than one word ("the foreign ministers", "the vice ministers") -> the
    persons the article gives it and their counterparts, when there are two or more
    (``size`` of them for "the two"/"both")."""
    if noun_number(tok) != "NNS" or role_nouns().get(role_word(tok), ("", ""))[1] != "person":
        return False
    word = tok.lemma_.lower()   # a holder holds the office in the singular ("minister")
    states = _office_states(tok, names, history, pairs)
    kb, chosen, by_office = load_kb(), [], 0
    office = _office_words(tok)
    if len(states) < 2:
        if " " not in office or states:
            return False
        everyone = list(dict.fromkeys((a, roles) for _, a, _, roles in people))
        held = [a for a, roles in everyone if holds_role(office, roles)]
        chosen = list(dict.fromkeys(held + [a for a, roles in everyone if held
                                            and holds_role("counterpart", roles)]))
        by_office = len(chosen) >= 2 and (not size or len(chosen) == size)
    for state in states:
        for country in (kb.actors[state].country, ""):
            mine = [(a, roles) for _, a, c, roles in people if c == country and a not in chosen]
            held, by = _holders_of(office, word, mine)
            if held:
                break
        if not held:
            return False
        by_office += by
        chosen.append(held[0])
    if not by_office:
        return False
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    emit(start, end, "PERSON", "NOMINAL", chosen, "coref:office_holders")
    remember(start, end, chosen, "person", tok, is_subject(tok))
    return True


def holder_of(tok, word: str, country: str, people) -> list[str]:
    """The person of ``country`` the article gives the office ``tok`` names ("foreign minister",
    else the noun alone): the last one named before ``tok``, else the first one after it (a
    headline names an office before the text names its holder); else, in the same way, a person
    the article gives that office and no country; else the one person of that country the
    knowledge base gives the office (none when it gives several)."""
    office = " ".join([c.lower_ for c in children(tok) if c.dep_ in {"compound", "amod"} and c.i < tok.i
                       and f"{c.lower_} {word}" in role_nouns()] + [word])
    for mine in (country, ""):      # a holder the text gives no country comes second
        for wanted in dict.fromkeys((office, word)):
            held = [(start, a) for start, a, c, roles in people if c == mine and holds_role(wanted, roles)]
            before = [a for start, a in held if start < tok.idx]
            if held:
                return before[-1:] or [held[0][1]]
    known = [a.actor_id for a in load_kb().actors.values() if a.type == "person" and a.country == country
             and holds_role(office, a.role.lower())]
    return known if len(known) == 1 else []     # the article names no holder: the one the KB knows


def holds_role(noun: str, role_text: str) -> bool:
    """True when ``noun`` is a role the text gives: a word of it, unless it ends a longer
    role noun of the table ('minister' is not a 'Prime Minister'); an office of several words
    when its words come in that order in one role ('vice minister' in 'First Vice Foreign
    Minister'; roles are separated by ';'); an office another word names (``OFFICE_NAMES``:
    'PM', 'premier' for 'prime minister', the British 'Foreign Secretary' for a 'foreign
    minister', 'spokesperson' for 'spokesman'; a 'leader' of a state is its president or
    prime minister); British and American spellings alike ('defence', 'defense')."""
    noun, role_text = _spelling(noun.replace("-", "")), _spelling(role_text.replace("-", ""))
    return any(_holds(name, role_text) for name in (noun, *OFFICE_NAMES.get(noun, ())))


#: Words that make an office another one: a deputy prime minister is no prime minister.
RANKS = {"deputy", "vice", "assistant", "associate", "under", "former", "ex"}


def _holds(noun: str, role_text: str) -> bool:
    """:func:`holds_role` for ``noun`` itself (no other name of the office); a rank word right
    before the office (:data:`RANKS`) makes the role another office."""
    first, *others = noun.split()
    for role in role_text.split(";"):
        words = [w.strip(",") for w in role.split()]
        for i, word in enumerate(words):
            if word != first or (i and words[i - 1] in RANKS):
                continue
            if others:
                rest = iter(words[i + 1:])
                if all(w in rest for w in others):
                    return True
            elif not (i and f"{words[i - 1]} {noun}" in role_nouns()):
                return True
    return False


#: Words that address a person by office ("Thank you Mr President").
ADDRESS_WORDS = {"mr", "mr.", "mister", "madam", "madame", "mrs", "mrs."}


def addressed_holder(tok, word: str, names: list[LinkedName], people) -> list[str]:
    """An office addressed ("Thank you Mr President," Ruto said) -> the one person the article
    gives that office (or who is the counterpart of one) who does not speak: not a person
    named as a subject in its sentence or the next (where "X said" follows a quote); [] when
    none or several remain."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].lower_ not in ADDRESS_WORDS:
        return []
    holders = list(dict.fromkeys(a for _, a, _, roles in people
                                 if holds_role(word, roles) or holds_role("counterpart", roles)))
    sent = sent_of(tok)
    until = sent_of(doc[sent.end]).end_char if sent.end < len(doc) else sent.end_char
    speakers = {n.actor_id for n in names if sent.start_char <= n.start < until and n.type == "person"
                and is_subject(doc.char_span(n.start, n.end, alignment_mode="expand").root)}
    left = [a for a in holders if a not in speakers]
    return left if len(left) == 1 else []
