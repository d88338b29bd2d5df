"""Label corrections of the model's entities by the OntoNotes conventions, each where the
model breaks them and nowhere else (``entity_fixes`` in :mod:`helpers.nlp.entities` runs them):

- ``possessive_office``: a name in the possessive before a state office or institution
  is a GPE ("Norvela's Speaker of Parliament");
- ``media``: a name holding a news word ("Agency", "Prensa", "Times") is an ORG;
- ``honorific``: a name that opens with a personal title is a PERSON, not an ORG;
- ``known_labels``, ``titled_names``, ``place_names``, ``coordinated_persons``: what the
  Phoenix dictionaries, a title of office, the article's dateline and its full names say
  a name is;
- ``comma_places``, ``roles_and_sites``: "Abuja, Nigeria" is two places, a role is no name,
  a building is a FAC;
- ``article``: the leading "the" of a name.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from helpers.nlp.kb import load_kb, lookup
from helpers.nlp.name_lists import (is_abbreviation, is_known_person, is_media_name,
                                    personal_title_length, phoenix_names, title_kinds,
                                    title_last_words, titles, words_of)
from helpers.nlp.phoenix import key

def _is_office(doc: Doc, i: int, institutions: frozenset[str]) -> bool:
    """Whether a state office or institution starts at token ``i`` ("Speaker", "Foreign Ministry")."""
    kinds = title_kinds()
    for size in (3, 2, 1):
        words = doc[i:i + size].text
        if i + size <= len(doc) and (kinds.get(words) == "office" or words in institutions):
            return True
    return doc[i].lower_ == "government"


def possessive_office(doc: Doc, spans: list[Span], methods: dict, kb_label, institutions) -> list[Span]:
    """A name the knowledge base does not know, in the possessive before a state office, is a GPE."""
    out = []
    for span in spans:
        after = span.end
        if span.label_ in {"PERSON", "ORG", "NORP"} and not kb_label(span.text) \
                and after + 1 < len(doc) and doc[after].text in {"'s", "’s", "'S", "’S"} \
                and _is_office(doc, after + 1, institutions):
            span = Span(doc, span.start, span.end, label="GPE")
            methods[(span.start_char, span.end_char)] = "fix:possessive_office"
        out.append(span)
    return out


def media(doc: Doc, spans: list[Span], methods: dict) -> list[Span]:
    """Names of news outlets the model labelled otherwise become ORG."""
    out = []
    for span in spans:
        if span.label_ in {"PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"} \
                and is_media_name(span.text):
            span = Span(doc, span.start, span.end, label="ORG")
            methods[(span.start_char, span.end_char)] = "fix:media"
        out.append(span)
    return out


#: Head words of names of places and bodies that may follow a title ("Sheikh Zayed Mosque").
_NOT_A_PERSON = {"Road", "Street", "Avenue", "Mosque", "Shrine", "Hospital", "University", "School",
                 "College", "Party", "Movement", "Foundation", "Bridge", "Airport", "Stadium",
                 "Centre", "Center", "Institute", "Council", "Court", "Bank", "Company", "Group",
                 "Port", "Square", "Palace", "Tower", "Hall", "Museum", "Library", "Prize", "Award",
                 "Brigade", "Brigades", "Forces", "Army", "Front", "Organization", "Organisation"}


def honorific(doc: Doc, spans: list[Span], methods: dict) -> list[Span]:
    """A span opening with a personal title and going on with names is a PERSON without it."""
    out = []
    for span in spans:
        size = personal_title_length(doc, span.start) if span.label_ in {"ORG", "GPE", "NORP"} else 0
        rest = doc[span.start + size:span.end]
        if size and 1 <= len(rest) <= 4 and all(t.is_title or t.is_upper or "-" in t.text for t in rest) \
                and not any(t.text in _NOT_A_PERSON for t in rest):
            span = Span(doc, rest.start, rest.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:honorific"
        out.append(span)
    return out


def persons_named_again(doc: Doc, spans: list[Span], methods: dict) -> list[Span]:
    """A person the article names ("Ouattara", "Akufo-Addo") written again where the model
    tags nothing is a PERSON there, with the capitalised names right before it that are no
    titles ("His Excellency Alassane Ouattara": "Alassane Ouattara")."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for span in spans:
        if span.label_ == "PERSON" and span.text[:1].isupper():
            by_first.setdefault(span[0].text, set()).add(tuple(t.text for t in span))
    if not by_first:
        return spans
    skip = title_last_words() | set(titles())
    texts = words_of(doc)
    out = [piece for span in spans for piece in _state_and_person(span, by_first, texts, methods)]
    for i in (i for i, text in enumerate(texts) if text in by_first and i not in covered):
        for words in sorted(by_first[texts[i]], key=len, reverse=True):
            end = i + len(words)
            if tuple(texts[i:end]) != words or covered & set(range(i, end)):
                continue
            start = i
            while start and start - 1 not in covered and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].is_title and doc[start - 1].text not in skip \
                    and "\n" not in doc[start - 1].whitespace_:
                start -= 1
            out.append(Span(doc, start, end, label="PERSON"))
            covered |= set(range(start, end))
            methods[(out[-1].start_char, out[-1].end_char)] = "fix:person_named"
    return out


def _state_and_person(span: Span, by_first: dict, texts: list[str], methods: dict) -> list[Span]:
    """A name the model made of a state and a person the article names ("Turkmenistan
    Gurbanguly Berdimuhamedov" after "President of") is the state and the person."""
    if span.label_ == "PERSON" or len(span) < 2:
        return [span]
    kb, doc = load_kb(), span.doc
    for cut in range(span.start + 1, span.end):
        if tuple(texts[cut:span.end]) not in by_first.get(texts[cut], ()):
            continue                    # (the cheaper test first)
        state = lookup(kb, doc[span.start:cut].text)
        if state and kb.actors[state].type == "state":
            pieces = [Span(doc, span.start, cut, label="GPE"), Span(doc, cut, span.end, label="PERSON")]
            for piece in pieces:
                methods[(piece.start_char, piece.end_char)] = "fix:state_and_person"
            return pieces
    return [span]


def place_names(doc: Doc, spans: list[Span], methods: dict, persons: set[str]) -> list[Span]:
    """A one-word PERSON whose word the article's dateline or headline gives as a place
    (and that is no part of a person's full name) is that place (GPE)."""
    places = {s.text.lower() for s in spans if s.label_ == "GPE"
              and methods.get((s.start_char, s.end_char)) in {"fix:dateline", "fix:headline"}}
    out = []
    for span in spans:
        if span.label_ == "PERSON" and len(span) == 1 and span.text.lower() in places \
                and span.text.lower() not in persons:
            span = Span(doc, span.start, span.end, label="GPE")
            methods[(span.start_char, span.end_char)] = "fix:document_place"
        out.append(span)
    return out


def known_labels(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """A name the knowledge base does not know but the Phoenix dictionaries list as a person
    ("Gurbanguly Berdimuhamedov") or an organisation is labelled so."""
    persons, orgs = phoenix_names()
    out = []
    for span in spans:
        if span.label_ in {"PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"} and not kb_label(span.text):
            name = key(span.text)
            label = "PERSON" if name in persons and len(span) > 1 else "ORG" if name in orgs else ""
            if label and label != span.label_:
                span = Span(doc, span.start, span.end, label=label)
                methods[(span.start_char, span.end_char)] = "fix:phoenix_label"
        out.append(span)
    return out


#: Labels whose names take a "the" of their own when they head their noun phrase.
_WITH_ARTICLE = {"ORG", "GPE", "LOC"}


_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}


def heads_its_phrase(span: Span) -> bool:
    """Whether a name is the head of its noun phrase ("the African Union said") rather than a
    modifier of a noun after it ("the African Union summit")."""
    doc = span.doc
    last = doc[span.end - 1]
    if last.dep_ in _MODIFIER_DEPS and last.head.i >= span.end:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return not (after is not None and after.pos_ in {"NOUN", "PROPN"} and not after.ent_type_
                and after.is_lower and not after.whitespace_ == "" and after.dep_ != "appos")


def article(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """The leading "the" by the OntoNotes convention: inside the name of an organisation,
    state or place that heads its noun phrase ("the African Union", "the State of Qatar"),
    outside an abbreviation ("the U.S."), a name that modifies a noun ("the African Union
    summit") and the other labels ("the Bole International Airport"), unless the knowledge
    base names it with "the"."""
    kb = load_kb()
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        if span.label_ not in {"ORG", "GPE", "LOC", "FAC"}:
            out.append(span)
            continue
        has = span[0].lower_ == "the" and len(span) > 1
        bare = span[1:] if has else span
        before = doc[bare.start - 1] if bare.start else None
        known = ("the " + bare.text) in kb.by_alias
        want = not is_abbreviation(bare.text) and heads_its_phrase(bare) and \
            (known or span.label_ in _WITH_ARTICLE)
        if has and not want:
            span = Span(doc, bare.start, bare.end, label=span.label_)
            methods[(span.start_char, span.end_char)] = "fix:article"
        elif not has and want and before is not None and before.lower_ == "the" \
                and before.i not in covered:
            span = Span(doc, before.i, bare.end, label=span.label_)
            methods[(span.start_char, span.end_char)] = "fix:article"
        out.append(span)
    return out


def titled_names(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """A name right after a title of office or honour ("President-elect Prabowo Subianto",
    "Foreign Minister X") that the model labelled a place or organisation, and that the
    knowledge base does not know, is a PERSON; a person's name takes in the title before it
    when the Phoenix dictionaries know the whole as a person's name ("Sheikh Hasina")."""
    kinds = title_kinds()
    out = []
    for span in spans:
        if not span.start or doc[span.start - 1].text not in title_last_words():
            out.append(span)
            continue
        before = [doc[span.start - n:span.start].text for n in (1, 2, 3) if span.start >= n]
        if span.label_ == "PERSON" and before and before[0] in kinds \
                and is_known_person(doc[span.start - 1:span.end].text):
            span = Span(doc, span.start - 1, span.end, label="PERSON")   # "Sheikh Hasina"
            methods[(span.start_char, span.end_char)] = "fix:known_person"
        if span.label_ in {"GPE", "FAC", "LOC", "NORP"} and not kb_label(span.text) \
                and any(kinds.get(b, kinds.get(b[:1].upper() + b[1:])) in {"office", "honorific"}
                        for b in before) \
                and all(t.is_title or t.is_upper for t in span) and not is_media_name(span.text) \
                and not any(t.text in _NOT_A_PERSON for t in span):
            span = Span(doc, span.start, span.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:titled_name"
        out.append(span)
    return out


def comma_places(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """A place span holding a comma ("Abuja, Nigeria") is two places."""
    out = []
    for span in spans:
        cut = next((t.i for t in span if t.text == ","), None)
        if span.label_ != "GPE" or cut is None:
            out.append(span)
            continue
        for piece in (doc[span.start:cut], doc[cut + 1:span.end]):
            if len(piece):
                new = Span(doc, piece.start, piece.end, label=kb_label(piece.text) or "GPE")
                out.append(new)
                methods[(new.start_char, new.end_char)] = "fix:comma"
    return out


def coordinated_persons(doc: Doc, spans: list[Span], methods: dict, parts: set[str]) -> list[Span]:
    """"Sybiha and Sikorski" tagged as one name, when both are parts of persons' full names in
    the article, is two PERSON names."""
    out = []
    for span in spans:
        words = [t.text for t in span]
        if len(words) == 3 and words[1] in {"and", "&"} and words[0] in parts and words[2] in parts:
            for i in (span.start, span.start + 2):
                new = Span(doc, i, i + 1, label="PERSON")
                out.append(new)
                methods[(new.start_char, new.end_char)] = "fix:coordinated_persons"
            continue
        out.append(span)
    return out


#: Last words of the names of buildings and sites: such a name is a FAC, not an ORG.
_FACILITY_HEADS = {"Airport", "Hall", "Palace", "Stadium", "Hotel", "Bridge", "Mosque",
                   "Cathedral", "Church", "Temple", "Tower", "Square", "Depot", "Terminal", "Harbour",
                   "Harbor", "Village", "Compound", "Camp", "Base", "Crossing"}


def roles_and_sites(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """Two corrections of the model's ORG names: a role is no name ("Secretary of State",
    "Heads of State and Government": a title, or "Head(s) of" a title word), and the name of
    a building or site is a FAC ("Nelson Mandela Hall", "Tashkent International Airport"),
    unless the knowledge base knows it otherwise."""
    kinds = title_kinds()
    out = []
    for span in spans:
        if span.label_ != "ORG" or kb_label(span.text):
            out.append(span)
            continue
        words = [t.text for t in span if t.lower_ != "the"]
        before = doc[max(span.start - 2, 0):span.start].text
        if (before + " " + span.text) in kinds or (words[:2] and words[0] in {"Head", "Heads"}
                                                   and words[1:2] == ["of"]):
            methods[(span.start_char, span.end_char)] = "fix:role_not_name"
            continue
        if words and words[-1] in _FACILITY_HEADS and len(words) > 1:
            span = Span(doc, span.start, span.end, label="FAC")
            methods[(span.start_char, span.end_char)] = "fix:facility"
        out.append(span)
    return out
