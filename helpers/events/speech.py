"""Speech coded by what it does: appeals, offers, demands, rejections and threats by their
complement (CAMEO's parallel codes, ``cameo_speech_acts.csv``), reported offers and the
dictionary's transformations of reported speech, the addressee of a report as the target
of what its speaker does by speaking, and responses to a request aimed at its maker.

>>> compose("intent", "045")
'039'
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from helpers.events.coding import Coding
from helpers.events.dictionary import verb_dictionary
from helpers.events.factuality import governed_by_modal
from helpers.events.arguments import INTENDED, definite
from helpers.events.predicates import Found, SentencePredicates
from helpers.events.sourcing import is_reporting_verb
from helpers.files.records import Event
from helpers.files.resources import resource_rows
from helpers.nlp.tree import children

#: The speech-act families whose verbal complement gives them a specific code.
_FAMILIES = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
#: Modals under which a speaker offers what someone can do.
_OFFER_MODALS = {"can", "could"}
#: Roots of cooperative acts that can be offered (03x): consult, cooperate, aid, yield.
_OFFERABLE = ("04", "05", "06", "07", "08")
#: Prepositions of an intent noun whose object is what is intended ("interest in meeting").
_NOUN_PREPS = ("to", "for", "on", "in")


@lru_cache(maxsize=None)
def speech_act_codes() -> dict[str, dict[str, str]]:
    """Content code prefix -> {family: code}: CAMEO's parallel codes (``cameo_speech_acts.csv``).

    >>> speech_act_codes()["045"]["intent"]
    '039'
    """
    table: dict[str, dict[str, str]] = {}
    for row in resource_rows("cameo_speech_acts.csv",
                             columns=("content", "appeal", "intent", "demand", "reject",
                                      "threaten")):
        table[row["content"]] = {k: v for k, v in row.items() if k in _FAMILIES.values() and v}
    return table


def compose(family: str, content_code: str) -> str:
    """The code of a speech act of ``family`` about an act coded ``content_code``, '' if none.

    The longest prefix of the content code in the table decides.

    >>> compose("appeal", "0841"), compose("intent", "045"), compose("reject", "042")
    ('0253', '039', '125')
    """
    for size in range(len(content_code), 1, -1):
        row = speech_act_codes().get(content_code[:size])
        if row is not None:
            return row.get(family, "")
    return ""


def _family(coding: Coding | None) -> str:
    if coding is None:
        return ""
    if coding.role == "intent":
        return "intent"
    return _FAMILIES.get(coding.code[:2], "") if coding.code else ""


def _complements(token: Token, clauses: bool, preps=("to", "for", "on")) -> list[Token]:
    """The heads of a word's complements: an infinitive, an object, "to/for/on X" (or
    ``preps``), with ``clauses`` a that-clause."""
    heads = []
    for child in children(token):
        if child.dep_ in {"xcomp", "dobj"} or child.dep_ == "ccomp" and clauses:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            heads += [c for c in children(child) if c.dep_ in {"pobj", "pcomp"}]
    return heads


def _content(found: Found, by_token: dict[int, Found], *, clauses: bool = True) -> list[Found]:
    """What a verb says, asks or offers: the predicates of its complement (an infinitive,
    "to/for V-ing", with ``clauses`` a that-clause; conjoined ones too), and event nouns it
    takes as object or after "to", "for", "on" ("agreed to a meeting", "demanded the
    release of X"). An intent named by the verb's object ("expressed hopes to V",
    "attaches importance to V-ing", "interest in meeting X") has the noun's complement."""
    out = []
    heads = _complements(found.token, clauses)
    if found.coding is not None and found.coding.role == "intent":
        heads += [h for noun in heads if noun.dep_ == "dobj" and noun.i in found.coding.used
                  for h in _complements(noun, False, _NOUN_PREPS) + [c for c in children(noun)
                                                          if c.dep_ in {"acl", "relcl"}]]
    for head in heads:
        for item in [head] + [c for c in children(head) if c.dep_ == "conj"]:
            if item.i in by_token and (item.pos_ == "VERB" or head.dep_ != "ccomp"):
                out.append(by_token[item.i])
    return out


def _pronoun_subject(verb: Token) -> bool:
    """True when the verb's subject is a personal pronoun ('he wanted', 'she would')."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in {"it", "this", "that"}
               for c in children(verb))


def _wished_thing(verb: Token) -> bool:
    """True when an intent verb names what is wished as a thing: an object or "for X"."""
    return any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "for" for c in children(verb))


def code_speech_acts(found: list[Found], index: dict[int, Found]) -> None:
    """Code appeals, offers, demands and rejections by their complement; reported offers;
    the addressee of a report as the target of what its speaker does by speaking."""
    for f in found:
        if f.note == INTENDED:          # 'is willing to work with X': the subject's intent
            f.code = compose("intent", f.code) or "030"
            continue
        family = _family(f.coding)
        # 'agreed that ...', 'hopes that ...' state, they do not offer: only a demand or a
        # threat takes a that-clause as what it is about
        contents = _content(f, index, clauses=family in {"demand", "threaten"}) if family else []
        if family and contents:
            object_control = any(c.dep_ in {"dobj", "dative"} for c in children(f.token))
            if family == "appeal" and not object_control and not f.targets:
                family = "intent"        # 'hopes to V': the subject's own intention
            generic = f.code.endswith("0") or f.coding.role == "intent"
            composed = [(compose(family, c.code), c) for c in contents if c.code]
            composed = [(code, c) for code, c in composed if code]
            if generic and (composed or f.coding.role == "intent"):
                f.code, content = composed[0] if composed else ("030", contents[0])
                if not f.targets:
                    f.targets = [t for t in content.targets if t not in f.sources]
            if family == "intent":
                for content in contents:        # what is intended has not happened yet
                    if content.factuality == "asserted":
                        content.factuality = "underspecified"
        elif family == "intent" and not f.code and _wished_thing(f.token):
            f.code = "030"                       # 'wished for close ties', 'wanted cooperation'
        if is_reporting_verb(f.token):
            said = _content(f, index)
            for content in said:
                if f.targets and content.sources and set(content.sources) <= set(f.targets) \
                        and _pronoun_subject(content.token):
                    content.sources = list(f.sources)     # 'A told B he wanted': he is A
                if set(content.sources) & set(f.sources) and not content.targets \
                        and (_family(content.coding) or content.code[:2] in {"01", "05"}):
                    content.targets = [t for t in f.targets if t not in content.sources]
            if f.code[:2] == "01":
                _reported(f, said)


def _reported(speech: Found, contents: list[Found]) -> None:
    """What a speaker's report does: the dictionary's transformations, offers of what 'can' be."""
    d = verb_dictionary()
    speaker = speech.sources
    for content in contents:
        if not content.code:
            continue
        if governed_by_modal(content.token, _OFFER_MODALS) and content.code[:2] in _OFFERABLE:
            composed = compose("intent", content.code)
            if composed:
                content.code, content.factuality = composed, "asserted"
                content.sources = content.sources or list(speaker)
                continue
        for t in d.transformations:
            outer = d.code_of(t.outer_verb)
            inner = d.code_of(t.inner_verb) if t.inner_verb != "Q" else ""
            if outer[:2] != speech.code[:2] or (inner and inner[:2] != content.code[:2]):
                continue
            own = set(content.sources) & set(speaker)
            if (t.inner[0] == t.outer_source) != bool(own):
                continue
            code = content.code if t.result[2] == "Q" else t.result[2]
            if code == content.code and own:
                break                    # what the speaker says it does is that act: no extra row
            for source in speaker:
                for target in content.sources if t.result[1] == t.inner[0] else content.targets:
                    speech.extra.append((code, source, target))
            break


def _is_approach(noun: Token, coding: Coding | None) -> bool:
    """A definite noun naming an approach: a message, request, proposal, appeal or offer
    ('the request', 'the invitation'), an event noun coded 02 or 03."""
    return noun.pos_ == "NOUN" and definite(noun) and coding is not None and (
        coding.role == "message" or coding.code[:2] in {"02", "03"})


def aim_responses(found: list[Found], rows: list[Event], analyser: "SentencePredicates") -> None:
    """'rejected the request': the target is whoever last made an approach to the rejecter
    (earlier in the sentence, else in an earlier row)."""
    for n, f in enumerate(found):
        if f.targets or not f.code or not f.sources:
            continue
        if not any(c.dep_ == "dobj" and _is_approach(c, analyser.coding(c))
                   for c in children(f.token)):
            continue
        approaches = [(g.sources, g.targets) for g in reversed(found[:n]) if g.code]
        approaches += [([r.source_actor], [r.target_actor]) for r in reversed(rows)]
        for sources, targets in approaches:
            callers = [s for s in sources if s and s not in f.sources]
            if set(targets) & set(f.sources) and callers:
                f.targets = callers[:1]
                break
