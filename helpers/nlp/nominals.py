"""Coreference of nominals: "both leaders", "the ministers", "Iraqi leaders", "the French
government", "the (Iraqi) politician", "his Pakistani counterpart" (rules 3 to 5 of
:mod:`helpers.nlp.coref`).
"""
from __future__ import annotations

from helpers.nlp.kb import load_kb, slug
from helpers.nlp.linking import LinkedName, person_role
from helpers.nlp.phoenix import agent_code
from helpers.nlp.references import (Ref, is_subject, last_pair, noun_number, role_nouns, role_word,
                                    skip_actors)
from helpers.nlp.roles import BARE_SECTORS, addressed_holder, holder_of, holds_role
from helpers.nlp.tree import children, sent_of


def plural_nominal(tok, history, pairs, emit, remember, since: int = -1,
                   said: dict[str, Ref] | None = None) -> set[int]:
    """Rule 3: "both leaders", "the two rival powers", "the ministers" -> a group of persons
    or states (for "sides", "parties": whichever group was named last). The same noun said
    again within the window (``since``) is the same group ("The sides discussed ... According
    to the sides"); ``said`` maps a noun to the group it went to last and is updated."""
    doc, head = tok.doc, tok.head
    if head.tag_ not in {"NNS", "NNPS"} or (
            tok.lower_ == "two" and (tok.i == 0 or doc[tok.i - 1].lower_ != "the")):
        return set()
    start = doc[tok.i - 1] if tok.lower_ == "two" else tok
    kind = role_nouns()[head.lower_][1]
    skip = skip_actors(head, history)
    size = 2 if tok.lower_ in {"two", "both"} else 0
    own = sent_of(tok).start_char
    found = [(*last_pair(history, pairs, wanted, skip, since, size, own), wanted)
             for wanted in (("person", "state") if kind == "person_or_state" else (kind,))]
    found = [f for f in found if len(f[0]) >= 2]
    before = (said or {}).get(head.lower_)
    if before is not None and before.sent >= since and not skip & set(before.actors):
        found = [(before.actors, before.end, before.type)]
    if not found:
        return set()
    actors, _, wanted = max(found, key=lambda f: f[1])
    end = head.idx + len(head)
    if said is not None:
        said[head.lower_] = Ref(start.idx, end, actors, wanted, sent_of(tok).start_char, False)
    emit(start.idx, end, "PERSON" if wanted == "person" else "GPE", "NOMINAL", actors, "coref:pair")
    remember(start.idx, end, actors, wanted, head, is_subject(head))
    return set(range(start.i, head.i + 1))


def definite_plural(tok, names) -> bool:
    """'the ministers', 'The sides', 'the Presidents of the two countries': a definite plural
    role noun that names no one of its own (no demonym, no actor after 'of')."""
    head = tok.head
    if tok.dep_ != "det" or head.i <= tok.i or head.lower_ not in role_nouns() \
            or head.tag_ not in {"NNS", "NNPS"} or names_before(head, names):
        return False
    named = {n.start for n in names}
    return not any(t.idx in named for t in head.subtree if t.i > head.i)


def names_before(tok, names: list[LinkedName]) -> list[LinkedName]:
    """The names of states, groups, organisations and regions among the words in front of ``tok``
    ("the Taliban leaders", "top Arab, Turkish, EU, and U.S. diplomats", "the Southeast Asian
    nations")."""
    left = tok.left_edge.idx
    return [n for n in names if n.label in {"NORP", "ORG", "GPE"} and n.actor_id
            and (n.type in {"state", "group", "organization"} or n.label == "NORP" and n.type == "place")
            and left <= n.start and n.end <= tok.idx]


def demonym_before(tok, names: list[LinkedName]) -> LinkedName | None:
    """A demonym (NORP linked to a state) among the words in front of ``tok`` ("senior Iranian officials")."""
    left = tok.left_edge.idx
    for name in names:
        if name.label == "NORP" and name.type == "state" and left <= name.start and name.end <= tok.idx:
            return name
    return None


def _is_title_use(tok) -> bool:
    """A role noun used as a title of a named person ("Iraqi politician Ammar al-Hakim")."""
    doc = tok.doc
    if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in children(tok)):
        return True
    edge = tok.right_edge.i     # "President of Uzbekistan Shavkat Mirziyoyev"
    if edge > tok.i and (doc[edge].ent_type_ == "PERSON" or edge + 1 < len(doc)
                         and doc[edge + 1].ent_type_ == "PERSON"):
        return True
    return tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"


def role_nominal(tok, names, countries, roles, history, emit, remember, people) -> None:
    """Rules 4 and 5: demonym groups, demonym governments, definite role nominals."""
    if _is_title_use(tok):
        return
    kb, tag, word = load_kb(), noun_number(tok), role_word(tok) or tok.lower_
    plural, kind = role_nouns().get(word) or (word, "group")   # a sector noun
    dets = [c.lower_ for c in children(tok) if c.dep_ in {"det", "predet"}]
    demonym = demonym_before(tok, names)
    start = min([c.left_edge.idx for c in children(tok) if c.i < tok.i and c.dep_ != "poss"]
                + [tok.idx])
    end = tok.idx + len(tok)
    owner = [r for c in children(tok) if c.dep_ == "poss" and c.tag_ == "PRP$"
             for r in history if r.start == c.idx and r.type == "person"]
    if kind == "state" and tag == "NN" and (demonym or owner):
        state = demonym.actor_id if demonym else \
            kb.state_of_country.get(_country(owner[-1].actors[0], countries), "")
        if state:
            emit(owner[-1].start if owner and not demonym else start, end, "GPE", "NOMINAL", [state],
                 "coref:demonym_state" if demonym else "coref:owner_state")
    elif kind == "person" and tag == "NN" and (chosen := addressed_holder(tok, word, names, people)):
        emit(tok.idx - len(tok.doc[tok.i - 1].text_with_ws), end, "PERSON", "NOMINAL", chosen,
             "coref:addressed")
        remember(tok.idx - len(tok.doc[tok.i - 1].text_with_ws), end, chosen, "person", tok, False)
    elif tag == "NNS" and kind in {"person", "state"} and (fronts := names_before(tok, names)) \
            and (len(fronts) > 1 or fronts[0].type != "state") and word != "people":
        # "the Taliban leaders", "the Arab countries", "top Arab, Turkish and EU diplomats":
        # a group of each name in front
        groups = list(dict.fromkeys(f"{slug(n.text.replace('.', ''))}_{plural}" for n in fronts))
        emit(start, end, "NORP", "NOMINAL", groups, "coref:name_group")
        remember(start, end, groups, "group", tok, is_subject(tok))
    elif demonym and kind != "state" and (tag == "NNS" or {"a", "an"} & set(dets)
                                          or kind == "group"):
        group = _people_of(demonym, kb) if word == "people" else f"{slug(demonym.text)}_{plural}"
        emit(start, end, "NORP", "NOMINAL", [group], "coref:demonym_group")
        remember(start, end, [group], "group", tok, is_subject(tok))
    elif not demonym and "the" in dets and (tag == "NNS" or kind == "group") \
            and agent_code(tok.lower_) in BARE_SECTORS:
        group = slug(plural)    # "the rebels", "the opposition": a group of that sector
        emit(start, end, "NORP", "NOMINAL", [group], "coref:sector_group")
        remember(start, end, [group], "group", tok, is_subject(tok))
    elif demonym and kind == "person" and tag == "NN" and owner:
        # 'his Pakistani counterpart': the last person of that country but the owner
        country = kb.actors[demonym.actor_id].country
        mine = {a for r in owner for a in r.actors}
        fits = [r.actors[0] for r in history if r.type == "person" and len(r.actors) == 1
                and r.actors[0] not in mine and _country(r.actors[0], countries) == country]
        if fits:    # the span holds the possessive, as "his government" does
            emit(owner[-1].start, end, "PERSON", "NOMINAL", fits[-1:], "coref:counterpart")
            remember(owner[-1].start, end, fits[-1:], "person", tok, is_subject(tok))
    elif kind == "person" and tag == "NN" and (state := demonym.actor_id if demonym else _owner_state(tok, names)) \
            and (chosen := holder_of(tok, word, kb.actors[state].country, people)):
        emit(tok.left_edge.idx, end, "PERSON", "NOMINAL", chosen, "coref:office_of_state")
        remember(tok.left_edge.idx, end, chosen, "person", tok, is_subject(tok))
    elif "the" in dets and tag == "NN" and kind == "person" and not (not demonym and _owner_state(tok, names)):
        country = kb.actors[demonym.actor_id].country if demonym else ""
        persons = [r.actors[0] for r in history if r.type == "person" and len(r.actors) == 1]
        fits = [a for a in persons if not country or _country(a, countries) == country]
        office = " ".join([c.lower_ for c in children(tok) if c.i < tok.i and (
            c.dep_ in {"compound", "amod"} and f"{c.lower_} {word}" in role_nouns()
            or c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_ and c.whitespace_)] + [word])
        named = [a for a in fits if holds_role(office, _roles(a, roles))]   # a portfolio noun
        # in front ("the defence minister") is part of the office
        chosen = (named or (fits if demonym else []))[-1:] or _salient(tok, history, roles) \
            or _described(tok, history)
        if chosen:
            emit(start, end, "PERSON", "NOMINAL", chosen, "coref:definite")
            remember(start, end, chosen, "person", tok, is_subject(tok))


def _people_of(demonym: LinkedName, kb) -> str:
    """'the Palestinian people' -> the group of the plural demonym (``palestinians``)."""
    known = kb.actors[demonym.actor_id].demonyms if demonym.actor_id in kb.actors else ()
    plural = [d for d in known if d != demonym.text and d.startswith(demonym.text)]
    return slug(plural[0] if plural else f"{demonym.text}s")


def their_states(tok, ref: Ref, countries: dict[str, str], emit) -> None:
    """'their countries', 'their governments': the states of the group a 'their' refers to
    (of each person's country when it is a group of persons)."""
    head = tok.head
    if tok.dep_ != "poss" or noun_number(head) != "NNS" or role_nouns().get(head.lower_, ("", ""))[1] != "state":
        return
    states = load_kb().state_of_country
    found = [a for a in ref.actors if ref.type == "state"] or \
        [states.get(_country(a, countries), "") for a in ref.actors if ref.type == "person"]
    if found and all(found):
        emit(tok.idx, head.idx + len(head), "GPE", "NOMINAL", found, "coref:their_states")


def article_people(doc, names: list[LinkedName]) -> list[tuple[int, str, str, str]]:
    """``(start, actor_id, country, roles in lower case)`` of each named mention of a person, in text
    order: the titles and appositions the text gives anywhere, and the knowledge base's role and
    country."""
    kb, out = load_kb(), []
    countries: dict[str, str] = {}
    roles: dict[str, str] = {}
    for name in names:
        if name.type == "person" and name.actor_id:
            found, country = person_role(doc.char_span(name.start, name.end, alignment_mode="expand"))
            known = kb.actors.get(name.actor_id)
            countries[name.actor_id] = countries.get(name.actor_id) or country or (
                known.country if known else "")
            roles[name.actor_id] = "; ".join([roles.get(name.actor_id, ""), "; ".join(found).lower(),
                                              known.role.lower() if known else ""])
            out.append((name.start, name.actor_id))
    # what the article says of a person anywhere holds at each of its mentions
    return [(start, a, countries[a], roles[a]) for start, a in out]


def _owner_state(tok, names: list[LinkedName]) -> str:
    """The state that owns a noun ("Syria's new leader"), is a name in front of it ("the Kenya
    leader") or that its "of" phrase names ("the President of Turkmenistan"), '' if none."""
    owners = {c.idx for c in children(tok) if c.dep_ in {"poss", "compound"}}   # "The Kenya leader"
    spans = [(c.idx, c.right_edge.idx + len(c.right_edge)) for c in children(tok)
             if c.dep_ == "prep" and c.lower_ == "of"]
    return next((n.actor_id for n in names if n.type == "state" and (
        n.start in owners or any(a <= n.start and n.end <= b for a, b in spans))), "")


def _salient(tok, history: list[Ref], roles: dict[str, str]) -> list[str]:
    """A definite role nominal no named role fits ('The minister later said'): the main
    subject of the sentence before, if that person has no role in the text."""
    sent = sent_of(tok).start_char
    earlier = [r for r in history if r.type == "person" and len(r.actors) == 1 and r.sent < sent]
    if not earlier:
        return []
    last = [r for r in earlier if r.sent == earlier[-1].sent and r.main]
    kb = load_kb()
    return [r.actors[0] for r in last[:1]
            if not roles.get(r.actors[0], "").strip("; ")
            and not (r.actors[0] in kb.actors and kb.actors[r.actors[0]].role)]


def _described(tok, history: list[Ref]) -> list[str]:
    """A subject that describes one person by coordinated roles no one in the text holds ("The
    current defence minister and former special forces commander will be sworn in"): the
    person the article names most often before it (the later one on a tie), whom such a
    description introduces at more length; [] for a single role or no person."""
    if not is_subject(tok) or not any(c.dep_ == "conj" and role_word(c) and noun_number(c) == "NN"
                                      for c in children(tok)):
        return []
    counts: dict[str, int] = {}
    for ref in history:
        if ref.type == "person" and len(ref.actors) == 1 and ref.start < tok.idx:
            counts[ref.actors[0]] = counts.get(ref.actors[0], 0) + 1
    order = {a: n for n, r in enumerate(history) for a in r.actors}
    return [max(counts, key=lambda a: (counts[a], order[a]))] if counts else []


def _country(actor_id: str, countries: dict[str, str]) -> str:
    kb = load_kb()
    return kb.actors[actor_id].country if actor_id in kb.actors else countries.get(actor_id, "")


def _roles(actor_id: str, roles: dict[str, str]) -> str:
    kb = load_kb()
    return (kb.actors[actor_id].role.lower() if actor_id in kb.actors else "") + "; " + roles.get(actor_id, "")
