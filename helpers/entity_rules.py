"""Document-level corrections of the model's entities, each where the model breaks the
OntoNotes conventions and nowhere else (``entity_fixes`` in :mod:`helpers.annotation` runs them):

- ``headline``: an all-capitals line (a headline) is read again in ordinary case, since
  the model finds few names in capitals ("NORVELA'S FM DELANE TO VISIT ORSK");
- ``dateline``: the place (GPE) or agency tag (ORG) opening an article or a paragraph
  before a dash or colon ("DORMAN –", "ANA –", "PORT LIRA, 4 June —", "ISLAMABAD:"), or
  an agency tag and its place on a line of their own ("QNA Doha"); its spans are kept in
  ``doc.user_data["datelines"]`` so that no event takes them as source or target;
- ``possessive_office``: a name in the possessive before a state office or institution
  is a GPE ("Norvela's Speaker of Parliament");
- ``media``: a name holding a news word ("Agency", "Prensa", "Times") is an ORG;
- ``honorific``: a name that opens with a personal title is a PERSON, not an ORG;
- ``brackets``: no span holds a bracket; a name before a bracketed list of states is a
  group of states (ORG); an acronym before its bracketed expansion, and a bracketed
  expansion or transliteration after a name, are aliases of one actor, kept in
  ``doc.user_data["aliases"]`` as pairs of ``(start, end)`` character spans.

Each function takes the doc and the list of spans found so far and returns the new
list; the methods of changed spans go into ``methods`` keyed by character span.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from .cameo import resource_rows

_TEXT: dict = {"doc": None, "text": ""}


def text_of(doc: Doc) -> str:
    """``doc.text``, built once for the doc last asked about, from the token array (``Doc.text``
    makes a Token object of every token at each call).

    >>> from helpers.nlp import load_nlp
    >>> doc = load_nlp().make_doc("Talks resumed. " + chr(10) + "  DORMAN – yes ")
    >>> text_of(doc) == doc.text
    True
    """
    if _TEXT["doc"] is not doc:
        from spacy.attrs import ORTH, SPACY

        strings = doc.vocab.strings
        pairs = doc.to_array([ORTH, SPACY]).tolist() if len(doc) else []
        _TEXT["doc"] = doc
        _TEXT["text"] = "".join(strings[o] + " " if space else strings[o] for o, space in pairs)
    return _TEXT["text"]


#: Dashes that close a dateline.
DASHES = {"–", "—", "-", "--", "―"}
#: Words kept in lower case when a headline in capitals is read in ordinary case.
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off", "on",
          "or", "over", "the", "to", "up", "with", "after", "amid", "over", "says", "say", "said",
          "will", "is", "are", "was", "be", "not", "no", "its", "his", "her", "their", "new"}


@lru_cache(maxsize=None)
def title_kinds() -> dict[str, str]:
    """Title -> its note in ``entity_titles.csv`` ("Sheikh" -> honorific ..., "Speaker" -> office)."""
    return {r["title"]: r["note"] for r in resource_rows("entity_titles.csv", columns=("title", "note"))}


@lru_cache(maxsize=None)
def media_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words anywhere, words at the end) of the names of news outlets (``entity_media_words.csv``)."""
    rows = resource_rows("entity_media_words.csv", columns=("word", "where"))
    return (frozenset(r["word"] for r in rows if r["where"] == "any"),
            frozenset(r["word"] for r in rows if r["where"] == "end"))


@lru_cache(maxsize=65536)
def is_media_name(text: str) -> bool:
    """Whether a name is that of a news outlet: a news word in it, or a Phoenix media code.

    >>> is_media_name("Prensa Latina"), is_media_name("Anadolu Agency"), is_media_name("Xinhua")
    (True, True, True)
    >>> is_media_name("Times Square"), is_media_name("Omar Delane")
    (False, False)
    """
    from .phoenix import lookup_actor

    words = text.split()
    anywhere, at_end = media_words()
    if any(w in anywhere for w in words) or (len(words) > 1 and words[-1] in at_end):
        return True
    entry, code = lookup_actor(text)
    return entry is not None and entry.kind == "international" and code.endswith("MED")


def line_starts(doc: Doc) -> list:
    """The first token of each line (after any spaces), found from the text's line breaks."""
    from bisect import bisect_left

    text = text_of(doc)
    if not len(doc):
        return []
    offsets = doc.to_array("IDX").tolist()
    starts, seen = [], set()
    for offset in [0] + [m.end() for m in re.finditer(r"\n\s*", text)]:
        i = bisect_left(offsets, offset)
        if i < len(doc) and i not in seen and (i == 0 or "\n" in doc[i - 1].text_with_ws
                                               or doc[i - 1].is_space):
            seen.add(i)
            starts.append(doc[i])
    return starts


def is_capitals_line(line: str) -> bool:
    """A line written in capitals: at least two words, and no lower-case letter.

    >>> is_capitals_line("NORVELA'S FM DELANE TO VISIT ORSK"), is_capitals_line("US envoy")
    (True, False)
    """
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= 6 and not any(c.islower() for c in letters)


def ordinary_case(line: str, lower_words: frozenset[str] = frozenset()) -> str:
    """A line in capitals written in ordinary case, of the same length: small words and the
    words ``lower_words`` holds (those the article writes in lower case) in lower case.

    >>> ordinary_case("NORVELA'S FM DELANE TO VISIT ORSK", frozenset({"visit"}))
    "Norvela's FM Delane to visit Orsk"
    """
    def word(match: re.Match) -> str:
        w = match.group(0)
        if match.start() and (w.lower() in _SMALL or w.lower() in lower_words):
            return w.lower()
        if match.start() and line[match.start() - 1] in "'’" and len(w) == 1:
            return w.lower()
        if len(w) <= 2 or not re.search(r"[AEIOUY]", w):
            return w
        return w[0] + w[1:].lower()

    out = re.sub(r"[A-Za-z]+", word, line)
    return out if len(out) == len(line) else line


def headline(doc: Doc, spans: list[Span], methods: dict, pipeline) -> list[Span]:
    """Replace the entities of each line in capitals by those ``pipeline()`` finds in its
    ordinary-case reading."""
    text, start = text_of(doc), 0
    lower = None
    for line in text.split("\n"):
        end = start + len(line)
        if is_capitals_line(line):
            if lower is None:   # the words the article writes in lower case (titles excepted)
                titles = {w.lower() for title in title_kinds() for w in title.split()}
                lower = frozenset(re.findall(r"\b[a-z]+\b", text)) - titles
            cased = ordinary_case(line, lower)
            found = []
            for ent in _headline_entities(pipeline()(cased), body_parts(doc)):
                span = doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_,
                                     alignment_mode="contract")
                if span is not None and len(span):
                    found.append(span)
                    methods[(span.start_char, span.end_char)] = "fix:headline"
            spans = [s for s in spans if s.end_char <= start or s.start_char >= end] + found
        start = end + 1
    return spans


#: Verbs and prepositions after which a headline's lone name is a place ("to visit Orsk").
_PLACE_HEADS = {"visit", "visits", "in", "to", "from", "at", "into", "leave", "leaves", "arrive"}


def body_parts(doc: Doc) -> set[str]:
    """The words of the full names of persons the model finds outside lines in capitals."""
    from .kb import name_parts

    return {part.lower() for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
            for part in name_parts(ent.text)}


def _headline_entities(line: Doc, persons: set[str]) -> list[Span]:
    """The entities of a headline read in ordinary case, with two corrections the model
    needs on headlines: a name after an office title is a PERSON ("FM Delane"), and a lone
    name after "visit"/"to"/"in" that names no person of the article is a GPE."""
    kinds = title_kinds()
    ents = list(line.ents)
    taken = {t.i for e in ents for t in e}
    out = []
    for ent in ents:
        before = line[ent.start - 1] if ent.start else None
        if ent.label_ == "PERSON" and len(ent) == 1 and before is not None \
                and before.lower_ in _PLACE_HEADS and ent.text.lower() not in persons:
            ent = Span(line, ent.start, ent.end, label="GPE")
        out.append(ent)
    for tok in line:
        if not tok.i or tok.i in taken or not tok.is_title or tok.pos_ != "PROPN" or tok.text in kinds:
            continue
        if kinds.get(line[tok.i - 1].text) == "office":
            out.append(Span(line, tok.i, tok.i + 1, label="PERSON"))
        elif line[tok.i - 1].lower_ in _PLACE_HEADS and tok.lower_ not in persons \
                and (tok.i + 1 == len(line) or not line[tok.i + 1].is_title):
            out.append(Span(line, tok.i, tok.i + 1, label="GPE"))
    return out


def dateline(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """Tag the dateline place or agency tag of each line that opens with words in capitals,
    or with a place name followed by ", date" or "(Agency)", and then a dash or a colon."""
    datelines = []
    opening = {s.start: s for s in spans if s.label_ == "GPE"}
    for tok in line_starts(doc):
        if not tok.is_alpha:
            continue
        i = tok.i
        if tok.is_upper:
            while i < len(doc) and doc[i].is_upper and (doc[i].is_alpha or doc[i].text in {"'", "."}) \
                    and "\n" not in doc[i].text_with_ws[len(doc[i]):]:
                i += 1
        elif tok.i in opening and opening[tok.i].end < len(doc) \
                and doc[opening[tok.i].end].text in {",", "("}:
            i = opening[tok.i].end      # "Tokyo (Jiji Press)—", "Dhaka, Jan 5 –"
        else:
            continue
        place = doc[tok.i:i]
        j, agency = i, None
        if j < len(doc) and doc[j].text == ",":
            while j < len(doc) and doc[j].text not in DASHES and doc[j].text != "(" \
                    and "\n" not in doc[j].text and j - i < 8:
                j += 1
        glued = False     # "(Jiji Press)—Japanese": the dash in the bracket's token
        if j < len(doc) and doc[j].text == "(":
            close = next((k for k in range(j + 1, min(j + 8, len(doc))) if doc[k].text.startswith(")")),
                         None)
            if close is not None:
                agency, j = doc[j + 1:close], close + 1
                glued = doc[close].text[1:2] in {"–", "—", "-", "―", ":"}
        line_end = j >= len(doc) or "\n" in doc[j - 1].whitespace_ or doc[j].is_space
        if not len(place):
            continue
        if not glued and (line_end or doc[j].text not in DASHES | {":"}):
            agency_line = _agency_line(doc, place)
            if agency_line:
                spans = [s for s in spans if s.end <= place.start or s.start >= agency_line[1].end]
                spans += list(agency_line)
                for s in agency_line:
                    methods[(s.start_char, s.end_char)] = "fix:dateline"
                datelines += [(s.start_char, s.end_char) for s in agency_line]
            continue
        dated = doc[i].text == ","   # "PORT LIRA, 4 June —": a place
        label = kb_label(place.text) or kb_label(place.text.title()) or \
            ("ORG" if not dated and len(place) == 1 and len(place.text) <= 4 else "GPE")
        new = [Span(doc, place.start, place.end, label=label)]
        if agency is not None and len(agency):
            new.append(Span(doc, agency.start, agency.end, label="ORG"))
        taken = {k for s in new for k in range(s.start, s.end)}
        spans = [s for s in spans if not taken & set(range(s.start, s.end))] + new
        for s in new:
            methods[(s.start_char, s.end_char)] = "fix:dateline"
        datelines.append((place.start_char, place.end_char))
    doc.user_data["datelines"] = datelines
    return spans


def _agency_line(doc: Doc, tag: Span) -> tuple[Span, Span] | None:
    """An agency tag and its place on a line of their own ("QNA Doha"), else None."""
    if len(tag) != 1 or not 2 <= len(tag.text) <= 5:
        return None
    end = tag.end
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha and end - tag.end < 3:
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    closes = end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space
    if end == tag.end or not closes:
        return None
    return Span(doc, tag.start, tag.end, label="ORG"), Span(doc, tag.end, end, label="GPE")


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
_PERSONAL = ("honorific", "Shia clerical rank", "clerical title", "religious title", "rank")


@lru_cache(maxsize=None)
def _title_first_words() -> frozenset[str]:
    return frozenset(title.split()[0] for title in title_kinds())


@lru_cache(maxsize=None)
def _title_last_words() -> frozenset[str]:
    """The last token of every title as the tokenizer splits it ("elect" of "President-elect")."""
    from .nlp import load_nlp

    make_doc = load_nlp().make_doc
    return frozenset(make_doc(title)[-1].text for title in title_kinds())


def personal_title_length(doc: Doc, i: int) -> int:
    """Tokens of a personal title (honorific, clerical, religious, rank) starting at ``i``."""
    kinds = title_kinds()
    if doc[i].text not in _title_first_words():
        return 0
    for size in (3, 2, 1):
        if i + size <= len(doc) and kinds.get(doc[i:i + size].text, "").startswith(_PERSONAL):
            return size
    return 0


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


def _close(doc: Doc, i: int) -> int | None:
    """The index of the ")" closing the "(" at ``i`` within the sentence, or None."""
    for k in range(i + 1, min(i + 40, len(doc))):
        if doc[k].text == ")":
            return k
        if doc[k].text == "(" or "\n" in doc[k].text:
            return None
    return None


def initials(words: list[str]) -> str:
    """The capital initials of the content words of a name ("Southern African Development
    Community": SADC), a word after a particle counting by its own initial ("al-Sham": S).

    >>> initials("the Southern African Development Community".split()), initials("Hayat Tahrir al-Sham".split())
    ('SADC', 'HTS')
    """
    from .kb import _PARTICLE

    return "".join(w[0] for w in (_PARTICLE.sub("", w) for w in words) if w[:1].isupper())


def brackets(doc: Doc, spans: list[Span], methods: dict) -> list[Span]:
    """Cut spans at brackets; tag groups of states, acronyms and aliases around brackets."""
    text = text_of(doc)
    if "(" not in text and ")" not in text:
        doc.user_data["aliases"] = []
        return spans
    out = []
    for span in spans:
        cut = next((span.start_char + i for i, c in enumerate(span.text) if c in "()"), None)
        if cut is not None:
            left = doc.char_span(span.start_char, cut, alignment_mode="contract")
            if left is not None and len(left) and any(c.isalnum() for c in left.text):
                out.append(Span(doc, left.start, left.end, label=span.label_))
                methods[(left.start_char, left.end_char)] = "fix:bracket"
            continue
        out.append(span)
    aliases = []
    by_start = {s.start: s for s in out}
    by_end = {s.end: s for s in out}
    opening = [doc.char_span(m.start(), m.end()) for m in re.finditer(r"\(", text)]
    for tok in (span[0] for span in opening if span is not None and len(span) == 1):
        if tok.text != "(" or not tok.i:
            continue
        close = _close(doc, tok.i)
        if close is None or close == tok.i + 1:
            continue
        inside = doc[tok.i + 1:close]
        inner = [s for s in out if s.start >= inside.start and s.end <= inside.end]
        before = by_end.get(tok.i)
        if before is None:
            first = tok.i
            while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN" \
                    and not doc[first - 1].ent_type_:
                first -= 1
            if first < tok.i and sum(s.label_ == "GPE" for s in inner) >= 2:
                group = Span(doc, first, tok.i, label="ORG")
                out.append(group)
                methods[(group.start_char, group.end_char)] = "fix:bracket_group"
                continue
            word = doc[tok.i - 1]
            if word.is_upper and word.is_alpha and 2 <= len(word) <= 8 \
                    and initials([t.text for t in inside]) == word.text and not word.ent_type_:
                before = Span(doc, word.i, word.i + 1, label="ORG")
                out.append(before)
                methods[(before.start_char, before.end_char)] = "fix:acronym"
        if before is None or before.label_ not in {"ORG", "PERSON", "NORP", "GPE"}:
            continue
        whole = by_start.get(inside.start)
        if "," in inside.text or not all(t.is_title or t.is_upper or t.is_punct or t.lower_ in
                                         {"al", "el", "of", "the", "and", "wa", "al-"} or "-" in t.text
                                         for t in inside) or not inside[0].text[:1].isupper():
            continue
        if before.label_ == "PERSON" and (initials([t.text for t in inside]) == before.text
                                          or inside.text == initials([t.text for t in before])):
            before = Span(doc, before.start, before.end, label="ORG")
            out = [s for s in out if s.start != before.start] + [before]
            methods[(before.start_char, before.end_char)] = "fix:acronym"
        if before.label_ != "ORG":
            continue
        if whole is None or whole.end != inside.end or whole.label_ != "ORG":
            out = [s for s in out if s.end <= inside.start or s.start >= inside.end]
            whole = Span(doc, inside.start, inside.end, label="ORG")
            out.append(whole)
            methods[(whole.start_char, whole.end_char)] = "fix:bracket_alias"
        aliases.append(((before.start_char, before.end_char), (whole.start_char, whole.end_char)))
    doc.user_data["aliases"] = aliases
    return _later_acronyms(doc, out, methods, aliases)


def _later_acronyms(doc: Doc, spans: list[Span], methods: dict, aliases: list) -> list[Span]:
    """Every later use of an acronym the article defines in brackets is an ORG too."""
    text = text_of(doc)
    defined = {text[a:b] for pair in aliases for a, b in pair}
    defined = {t for t in defined if t.isupper() and t.isalpha() and 2 <= len(t) <= 8}
    if not defined:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    for match in re.finditer("|".join(rf"\b{re.escape(t)}\b" for t in sorted(defined)), text):
        tok = doc.char_span(match.start(), match.end())
        tok = tok[0] if tok is not None and len(tok) == 1 else None
        if tok is not None and tok.i not in covered:
            span = Span(doc, tok.i, tok.i + 1, label="ORG")
            spans.append(span)
            methods[(span.start_char, span.end_char)] = "fix:acronym"
    return spans


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


@lru_cache(maxsize=None)
def phoenix_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names of persons, names of organisations) of the Phoenix dictionaries in key form.

    Persons are the country dictionary's entries with dated codes (office holders; the
    institutions there have undated ones), with every beginning of two words or more
    ("SHEIKH HASINA" of "SHEIKH HASINA WAJED")."""
    from .phoenix import load_phoenix

    persons, orgs = set(), set()
    for name, entry in load_phoenix().actors.items():
        words = name.split()
        if entry.kind == "country" and len(words) > 1 and any(c.dated for c in entry.codes):
            persons.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
        elif entry.kind in {"international", "nonstate"} and len(name) > 3:
            orgs.add(name)
    return frozenset(persons), frozenset(orgs)


def is_known_person(text: str) -> bool:
    """Whether the Phoenix dictionaries list a name, title and all, as a person ("Sheikh Hasina").

    >>> is_known_person("Sheikh Hasina"), is_known_person("Sheikh Omar Delane")
    (True, False)
    """
    from .phoenix import key

    first = text.split()[0] if text.split() else ""
    return title_kinds().get(first) != "office" and key(text) in phoenix_names()[0]


def known_labels(doc: Doc, spans: list[Span], methods: dict, kb_label) -> list[Span]:
    """A name the knowledge base does not know but the Phoenix dictionaries list as a person
    ("Gurbanguly Berdimuhamedov") or an organisation is labelled so."""
    from .phoenix import key

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
    from .annotation import is_abbreviation
    from .kb import load_kb

    kb = load_kb()
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        has = span[0].lower_ == "the" and len(span) > 1
        bare = span[1:] if has else span
        before = doc[bare.start - 1] if bare.start else None
        known = ("the " + bare.text) in kb.by_alias
        want = not is_abbreviation(bare.text) and heads_its_phrase(bare) and \
            (known or span.label_ in _WITH_ARTICLE)
        if span.label_ not in {"ORG", "GPE", "LOC", "FAC"}:
            out.append(span)
            continue
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
        if not span.start or doc[span.start - 1].text not in _title_last_words():
            out.append(span)
            continue
        before = [doc[span.start - n:span.start].text for n in (1, 2, 3) if span.start >= n]
        if span.label_ == "PERSON" and before and before[0] in kinds \
                and is_known_person(doc[span.start - 1:span.end].text):
            span = Span(doc, span.start - 1, span.end, label="PERSON")   # "Sheikh Hasina"
            methods[(span.start_char, span.end_char)] = "fix:known_person"
        if span.label_ in {"GPE", "FAC", "LOC", "NORP"} and not kb_label(span.text) \
                and any(kinds.get(b) in {"office", "honorific"} for b in before) \
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
