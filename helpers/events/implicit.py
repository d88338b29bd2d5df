"""Implicit arguments of contact events, taken from the article's other mentions of the same event.

A contact event (CAMEO root 04: consult, meet, visit, host) is often named with one side
only because the article tells it in full elsewhere: "Biden cancelled trips to Germany and
Angola ... Biden was postponing his trip", "Fidan to meet Putin during two-day visit to
Moscow ... the ministry announced Fidan's two-day visit", "the talks with Trump ... Lopez
Obrador is due to meet Trump". The missing side of such a predicate is taken from the
nearest predicate of the same CAMEO event code (three digits) in which the known side is the
same actor in the same role: the two are read as mentions of one event (event coreference),
and the later or earlier mention lends its argument, as implicit arguments of nominal
predicates are recovered from the discourse (Gerber and Chai 2010, "Beyond NomBank: a study
of implicit arguments for nominal predicates", ACL; Ruppenhofer et al. 2010, SemEval-2010
Task 10 "Linking events and their participants in discourse").

Only contact events are filled: measured on the development set, the same reading for
other roots (a strike, an implementation) joins different events as often as it finds one.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Ost cancelled his visit. Ost visited Velm.")
>>> trip = Found(doc[3], None, "visit", ["ost"], [], code="042")
>>> full = Found(doc[6], None, "visit", ["ost"], ["velm"], code="042")
>>> [(f.token.text, targets) for f, sources, targets in implicit_contact_arguments([(1, trip, True), (2, full, False)])]
[('visit', ['velm'])]
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from spacy.tokens import Token

from helpers.events.pairing import pairs
from helpers.events.predicates import Found
from helpers.files.records import Actor, Event, Mention
from helpers.nlp.tree import children

#: CAMEO root of the events whose missing side is read from another mention of the event.
CONTACT_ROOT = "04"
#: Contact codes whose two sides play different parts: making and hosting a visit.
DIRECTED_CONTACT = ("042", "043")
#: Words that mark a different referent: "visit other regional capitals", "another trip",
#: "a new round of talks", "his next visit" are not the event told elsewhere.
_DISTINCT = {"other", "another", "further", "next", "new", "more", "different"}
#: Dependents that fill a predicate's target (an object, a destination, a partner).
_TARGET_DEPS = {"dobj", "dative", "nsubjpass"}
_TARGET_PREPS = {"to", "with", "between", "of"}


def distinct(token: Token, side: str) -> bool:
    """True when the predicate, or the words filling its ``side`` ('sources' or 'targets'),
    are marked as another event or other participants ("visit other regional capitals",
    "another visit"): no other mention of the event then lends that side.

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("He could visit other capitals. His next trip ended. His trip ended.")
    >>> distinct(doc[2], "targets"), distinct(doc[8], "targets"), distinct(doc[12], "targets")
    (True, True, False)
    """
    if any(c.lower_ in _DISTINCT for c in children(token) if c.dep_ in {"amod", "det"}):
        return True
    if side == "sources":
        return False
    fillers = [c for c in children(token) if c.dep_ in _TARGET_DEPS] + [
        g for c in children(token) if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
        for g in children(c) if g.dep_ == "pobj"]
    return any(w.lower_ in _DISTINCT for f in fillers for w in children(f)
               if w.dep_ in {"amod", "det"})


def implicit_contact_arguments(found: Sequence[tuple[int, Found, bool]]
                               ) -> list[tuple[Found, list[str], list[str]]]:
    """The filled arguments of every one-sided contact predicate of an article.

    ``found`` is ``(sentence_id, predicate, open)`` for every coded predicate in text order,
    ``open`` True for one that gave no event row as it stands.
    Returns ``(predicate, sources, targets)`` for each contact predicate (code ``04x``) that
    has sources and no target, or targets and no source, and for which another predicate
    of the same three-digit code pairs the same actor with others (:func:`_partners`); the
    nearest such predicate by sentence (the earlier on a tie) lends them. Predicates are
    not changed.
    """
    out = []
    for sentence_id, f, is_open in found:
        if not is_open or not f.code.startswith(CONTACT_ROOT) or bool(f.sources) == bool(f.targets):
            continue
        known, missing = ("sources", "targets") if f.sources else ("targets", "sources")
        if distinct(f.token, missing):
            continue
        mine = set(getattr(f, known))
        peers = [(abs(other_id - sentence_id), other_id > sentence_id, lent)
                 for other_id, g, _ in found if g is not f and g.code[:3] == f.code[:3]
                 for lent in [_partners(g, mine, known, f.code)] if lent]
        if peers:
            lent = min(peers, key=lambda p: p[:2])[2]
            out.append((f, f.sources or lent, f.targets or lent))
    return out


def _partners(peer: Found, mine: set[str], known: str, code: str) -> list[str]:
    """The actors ``peer`` pairs with the actors ``mine``: for a visit (042, 043) those of its
    other side when ``mine`` plays the ``known`` role in it; for the other contact codes,
    whose sides play the same part, any actor it pairs with one of ``mine`` (coordinated
    sides too: "Russia and Ukraine held negotiations")."""
    if code.startswith(DIRECTED_CONTACT):
        missing = "targets" if known == "sources" else "sources"
        if not mine & set(getattr(peer, known)):
            return []
        return [a for a in getattr(peer, missing) if a not in mine]
    found: list[str] = []
    for source, target in pairs(peer):
        for own, other in ((source, target), (target, source)):
            if own in mine and other and other not in mine and other not in found:
                found.append(other)
    return found


#: Codes of acts aimed at a place the source goes to: visits (042, 043) and invitations (036).
DESTINATION_CODES = ("042", "043", "036")


def foreign_destination(source: str, target: str, start: int, mentions: Sequence[Mention],
                        by_id: Mapping[str, Actor]) -> str:
    """The state a visit or invitation of ``source`` goes to when the text's target is the
    source's own state: that target comes from a state nominal read as the wrong state
    ("the President of Turkmenistan, who arrived in the country": Uzbekistan, the state of
    the talks), and the nearest state named before offset ``start`` that is not the
    source's own is the destination. Returns ``target`` unchanged when it is not the
    source's own state, or when no other state is named before. ``by_id``: the article's
    actors keyed by id.

    >>> ms = [Mention("m1", 1, 0, 10, "Uzbekistan", "GPE", "NAME", "uzbekistan", "t"),
    ...       Mention("m2", 1, 20, 32, "Turkmenistan", "GPE", "NAME", "turkmenistan", "t")]
    >>> acts = {a.actor_id: a for a in [
    ...     Actor("uzbekistan", "Uzbekistan", "state", "UZB", "", "", "", 1),
    ...     Actor("turkmenistan", "Turkmenistan", "state", "TKM", "", "", "", 1),
    ...     Actor("g_b", "G B", "person", "TKM", "", "", "", 1)]}
    >>> foreign_destination("g_b", "turkmenistan", 60, ms, acts)
    'uzbekistan'
    >>> foreign_destination("g_b", "uzbekistan", 60, ms, acts)
    'uzbekistan'
    """
    home = by_id[source].country if source in by_id else ""
    own = by_id.get(target)
    if not home or own is None or own.type != "state" or own.country != home:
        return target
    before = [m for m in mentions if m.end <= start and m.actor_id in by_id]
    for mention in sorted(before, key=lambda m: -m.start):
        actor = by_id[mention.actor_id]
        if actor.type == "state" and actor.country and actor.country != home:
            return actor.actor_id
    return target


def own_side(source: str, target: str, by_id: Mapping[str, Actor]) -> bool:
    """True when one side of a row is a state and the other an actor of that state (its
    person, organisation or group): a row the parse made from a title ("PNG Deputy Prime
    Minister John Rosso", "Philippine Foreign Secretary Enrique Manalo") or a coordination of
    an official with their own state, which no analyst codes as an event between them.
    ``by_id``: the article's actors keyed by id.

    >>> acts = {a.actor_id: a for a in [
    ...     Actor("png", "PNG", "state", "PNG", "", "", "", 1),
    ...     Actor("rosso", "John Rosso", "person", "PNG", "", "", "", 1),
    ...     Actor("marape", "James Marape", "person", "PNG", "", "", "", 1),
    ...     Actor("aus", "Australia", "state", "AUS", "", "", "", 1)]}
    >>> own_side("rosso", "png", acts), own_side("png", "rosso", acts), own_side("rosso", "aus", acts)
    (True, True, False)
    >>> own_side("rosso", "marape", acts)
    False
    """
    a, b = by_id.get(source), by_id.get(target)
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    return (a.type == "state") != (b.type == "state")


def abroad(rows: list[Event], predicates: list[Event], mentions: Sequence[Mention],
           actors: Sequence[Actor]) -> None:
    """Visits and invitations aimed at the source's own state go to the state named before
    (:func:`foreign_destination`), in place; a row between a state and its own official
    (:func:`own_side`) or that repeats another is dropped."""
    by_id = {a.actor_id: a for a in actors}

    def moved(e: Event) -> Event:
        if not e.cameo_code.startswith(DESTINATION_CODES):
            return e
        target = foreign_destination(e.source_actor, e.target_actor, e.start, mentions, by_id)
        return e if target == e.target_actor else replace(e, target_actor=target)
    predicates[:] = [moved(p) for p in predicates]
    kept: dict[tuple, Event] = {}
    for e in map(moved, rows):
        if not own_side(e.source_actor, e.target_actor, by_id):
            kept.setdefault((e.start, e.cameo_code, e.source_actor, e.target_actor), e)
    rows[:] = kept.values()
