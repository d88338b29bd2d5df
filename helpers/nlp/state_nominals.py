"""Coreference of singular nominals of a state: "the Government of Pakistan", "the interim
government", "the neighbouring nation", "that country" (rule 6 of :mod:`helpers.nlp.coref`).

A state nominal names no state of its own in front of it (a demonym or an owner: those are
rule 4). It refers to, in this order:

1. the state named in front of it ("the PNG Government"), or of a person named there ("the
   Biden administration") or in its own "of"/"in" phrase ("the Government of Pakistan", "an interim
   government in Bangladesh"; also on a coordinated noun, "the Government and people of X");
   "Australia's closest neighbour", "Kenya's ally": the state named last before it but the owner;
2. the state an earlier nominal with the same words went to ("the interim government" again);
3. with "the", "that" or "this": the state named last before it, leaving out a state the same
   sentence names after it (a writer names a state before calling it "the neighbouring
   nation", not in the same breath), as in the recency rule of Lappin and Leass (1994);
   a region word in front ("the Southeast Asian country") keeps only the states of that region
   (``entity_regions.csv``), and no state of it named before leaves the nominal unresolved;
   a compass word ("the northern nation") takes of the states named in its sentence and the
   one before the one furthest that way, and "island" one with no land border (country data).
"""
from __future__ import annotations

from functools import lru_cache

from helpers.nlp.countries import geography
from helpers.nlp.kb import load_kb
from helpers.nlp.linking import LinkedName
from helpers.nlp.name_lists import regions
from helpers.nlp.nominals import demonym_before
from helpers.nlp.references import Ref, is_subject, noun_number, role_nouns, role_word
from helpers.nlp.tree import children, sent_of

#: Singular nouns that name a state as a body ("the government", "the nation").
STATE_HEADS = {"government", "govt", "country", "nation", "administration", "superpower"}
#: Nouns of a state's relation to the state that owns them ("Australia's closest neighbour").
RELATION_HEADS = {"neighbour", "neighbor", "ally", "rival"}
#: The role words that can head a state nominal (:func:`state_nominal` is False for the others).
NOMINAL_HEADS = STATE_HEADS | RELATION_HEADS
#: Compass words in front of a state nominal -> (axis of (latitude, longitude), sign).
DIRECTIONS = {"northern": (0, 1), "southern": (0, -1), "eastern": (1, 1), "western": (1, -1)}


@lru_cache(maxsize=None)
def region_countries() -> dict[str, frozenset[str]]:
    """Lower-case region adjective -> the ISO codes of its countries ("southeast asian" ->
    {"PHL", "VNM", ...}), from :func:`helpers.nlp.name_lists.regions`."""
    return {adjective.lower(): countries for adjective, _, countries in regions()}


def region_before(tok) -> frozenset[str] | None:
    """The countries of a region adjective among the words in front of ``tok`` ("the Southeast
    Asian nation" -> the Southeast Asian countries), or None when there is none."""
    words = " ".join(t.lower_ for t in tok.doc[tok.left_edge.i:tok.i])
    for adjective, countries in sorted(region_countries().items(), key=lambda kv: -len(kv[0])):
        if f" {adjective} " in f" {words} ":
            return countries
    return None


def _named_in_phrase(tok, names: list[LinkedName]) -> str:
    """The first state named in an "of"/"in" phrase of ``tok`` or of a noun coordinated with it."""
    for noun in [tok, *(c for c in children(tok) if c.dep_ == "conj")]:
        for prep in children(noun):
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:
                end = prep.right_edge.idx + len(prep.right_edge)
                found = [n.actor_id for n in names if n.type == "state" and prep.idx <= n.start
                         and n.end <= end]
                if found:
                    return found[0]
    return ""


def _geographic(tok, history: list[Ref], later: set[str]) -> str | None:
    """A state nominal with a compass word or "island" in front ("the northern nation", "the
    island nation") -> of the states named in its sentence and the one before (not after it),
    the one furthest that way by the country data's latitude and longitude (of two or more),
    or the last one with no land border; '' when none fits; None without such a word."""
    words = {t.lower_ for t in tok.doc[tok.left_edge.i:tok.i]}
    direction = next((DIRECTIONS[w] for w in words if w in DIRECTIONS), None)
    if direction is None and "island" not in words:
        return None
    sents = [s.start_char for s in tok.doc.sents if s.start_char <= tok.idx]
    since = sents[-2] if len(sents) > 1 else sents[-1]
    actors, places = load_kb().actors, geography()
    states = [r.actors[0] for r in history if r.type == "state" and len(r.actors) == 1 and since <= r.start < tok.idx
              and r.actors[0] not in later and r.actors[0] in actors and actors[r.actors[0]].country in places]
    where = {a: places[actors[a].country] for a in states}
    if direction is None:
        return next((a for a in reversed(states) if not where[a][2]), "")
    axis, sign = direction
    if len(set(states)) < 2:
        return None
    return max(dict.fromkeys(states), key=lambda a: sign * where[a][axis])


def _last_state(tok, names: list[LinkedName], history: list[Ref]) -> str:
    """The state named last before ``tok``, leaving out those its sentence names after it (and,
    after a region adjective, those outside the region; after a compass word or "island", the
    state of :func:`_geographic`)."""
    sent_end = sent_of(tok).end_char
    region, actors = region_before(tok), load_kb().actors
    later = {n.actor_id for n in names if tok.idx < n.start < sent_end and n.type == "state"}
    if (placed := _geographic(tok, history, later)) is not None:
        return placed
    for ref in reversed(history):
        if ref.start < tok.idx and ref.type == "state" and len(ref.actors) == 1 \
                and ref.actors[0] not in later and (
                    region is None or ref.actors[0] in actors
                    and actors[ref.actors[0]].country in region):
            return ref.actors[0]
    return ""


def _relation(tok, names: list[LinkedName], history: list[Ref], emit, remember) -> bool:
    """"Australia's closest neighbour", "Kenya's ally" -> the state named last before it that is
    not its owner (nor named after it in its sentence); True when it emitted a mention."""
    owners = {c.idx for c in children(tok) if c.dep_ == "poss"}
    owner = next((n.actor_id for n in names if n.type == "state" and n.start in owners), "")
    if not owner:
        return False
    end = sent_of(tok).end_char
    later = {n.actor_id for n in names if tok.idx < n.start < end and n.type == "state"}
    state = next((r.actors[0] for r in reversed(history) if r.start < tok.idx and r.type == "state"
                  and len(r.actors) == 1 and r.actors[0] not in later | {owner}), "")
    if not state:
        return False
    start = min(c.left_edge.idx for c in children(tok) if c.i < tok.i)
    emit(start, tok.idx + len(tok), "GPE", "NOMINAL", [state], "coref:state_relation")
    remember(start, tok.idx + len(tok), [state], "state", tok, is_subject(tok))
    return True


def _state_of_person(actor_id: str, people) -> str:
    """The state of a person: the knowledge base's country, else the one the article gives."""
    kb = load_kb()
    known = kb.actors[actor_id].country if actor_id in kb.actors else ""
    country = known or next((c for _, a, c, _ in people if a == actor_id and c), "")
    return kb.state_of_country.get(country, "") if country else ""


def state_nominal(tok, names: list[LinkedName], history: list[Ref], seen: dict[str, str],
                  emit, remember, people=()) -> bool:
    """Rule 6: a singular nominal of a state -> that state (see the module's rules); True when
    it emitted a mention. ``seen`` maps the words of earlier state nominals to their state;
    ``people`` are the article's persons as ``(start, actor_id, country, roles)``, whose
    country a person named in front gives ("the Biden administration")."""
    word = role_word(tok)
    if word in RELATION_HEADS and noun_number(tok) == "NN":
        return _relation(tok, names, history, emit, remember)
    if word not in STATE_HEADS or noun_number(tok) != "NN" or demonym_before(tok, names) \
            or any(c.dep_ == "poss" for c in children(tok)) or tok.dep_ == "compound" \
            or role_nouns()[word][1] != "state":
        return False
    dets = [c for c in children(tok) if c.dep_ == "det"]
    start = min([c.left_edge.idx for c in children(tok) if c.i < tok.i] + [tok.idx])
    end = tok.idx + len(tok)
    words = " ".join(t.lower_ for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det")
    in_front = [n.actor_id for n in names if n.type == "state" and start <= n.start and n.end <= tok.idx]
    in_front += [_state_of_person(n.actor_id, people) for n in names if n.type == "person"
                 and start <= n.start and n.end <= tok.idx]
    in_front = [s for s in in_front if s]
    if tok.lower_ == "administration" and not in_front:
        return False    # "the administration" alone may be any government (or a hospital's)
    state = (in_front[:1] or [""])[0] or _named_in_phrase(tok, names) or seen.get(words, "")
    if not state and dets and dets[0].lower_ in {"the", "that", "this"}:
        state = _last_state(tok, names, history)
    if not state:
        return False
    seen.setdefault(words, state)
    emit(start, end, "GPE", "NOMINAL", [state], "coref:state_nominal")
    remember(start, end, [state], "state", tok, is_subject(tok))
    return True
