"""Document-level corrections of the model's entities, each where the model breaks the
OntoNotes conventions and nowhere else (``entity_fixes`` in :mod:`helpers.nlp.entities` runs
them; the label corrections are in :mod:`helpers.nlp.entity_labels`):

- ``headline``: an all-capitals line (a headline) is read again in ordinary case, since
  the model finds few names in capitals ("NORVELA'S FM DELANE TO VISIT ORSK");
- ``dateline``: the place (GPE) or agency tag (ORG) opening an article or a paragraph
  before a dash or colon ("DORMAN –", "ANA –", "PORT LIRA, 4 June —", "ISLAMABAD:"), or
  an agency tag and its place on a line of their own ("QNA Doha"); its spans are kept in
  ``doc.user_data["datelines"]`` so that no event takes them as source or target;
- ``brackets``: no span holds a bracket; a name before a bracketed list of states is a
  group of states (ORG); an acronym before its bracketed expansion, and a bracketed
  expansion or transliteration after a name, are aliases of one actor, kept in
  ``doc.user_data["aliases"]`` as pairs of ``(start, end)`` character spans; a name whose
  part after an "of" is what the acronym abbreviates is two organisations.

Each function takes the doc and the list of spans found so far and returns the new
list; the methods of changed spans go into ``methods`` keyed by character span.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from helpers.nlp.aliases import later_acronyms, split_at_acronym
from helpers.nlp.kb import name_parts
from helpers.nlp.name_lists import initials, line_starts, text_of, title_kinds

#: Dashes that close a dateline.
DASHES = {"–", "—", "-", "--", "―"}


#: Words kept in lower case when a headline in capitals is read in ordinary case.
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off", "on",
          "or", "over", "the", "to", "up", "with", "after", "amid", "over", "says", "say", "said",
          "will", "is", "are", "was", "be", "not", "no", "its", "his", "her", "their", "new"}


def is_capitals_line(line: str) -> bool:
    """A line written in capitals: at least two words, and no lower-case letter.

    >>> is_capitals_line("NORVELA'S FM DELANE TO VISIT ORSK"), is_capitals_line("US envoy")
    (True, False)
    """
    if any(c.islower() and c.isalpha() for c in line):    # most lines: a lower-case letter soon
        return False
    return len(line.split()) >= 2 and sum(c.isalpha() for c in line) >= 6


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


def capitals_lines(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, the line in ordinary case)`` of each line of ``doc`` in capitals."""
    text, start, found, lower = text_of(doc), 0, [], None
    for line in text.split("\n"):
        end = start + len(line)
        if is_capitals_line(line):
            if lower is None:   # the words the article writes in lower case (titles excepted)
                titles = {w.lower() for title in title_kinds() for w in title.split()}
                lower = frozenset(re.findall(r"\b[a-z]+\b", text)) - titles
            found.append((start, end, ordinary_case(line, lower)))
        start = end + 1
    return found


def headline(doc: Doc, spans: list[Span], methods: dict, read) -> list[Span]:
    """The entities of each line in capitals: those ``read`` finds in :func:`capitals_lines`."""
    for start, end, cased in capitals_lines(doc):
        found = []
        for ent in _headline_entities(read(cased), body_parts(doc)):
            span = doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_,
                                 alignment_mode="contract")
            if span is not None and len(span):
                found.append(span)
                methods[(span.start_char, span.end_char)] = "fix:headline"
        spans = [s for s in spans if s.end_char <= start or s.start_char >= end] + found
    return spans


#: Verbs and prepositions after which a headline's lone name is a place ("to visit Orsk").
_PLACE_HEADS = {"visit", "visits", "in", "to", "from", "at", "into", "leave", "leaves", "arrive"}


def body_parts(doc: Doc) -> set[str]:
    """The words of the full names of persons the model finds outside lines in capitals."""
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
    or with a place name followed by ", date" or "(Agency)", and then a dash or a colon (none
    is needed after ", date (Agency)")."""
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
        # a place, a date and an agency in brackets need no dash ("Dhaka, Aug 14 (PTI) India is")
        bracketed = agency is not None and len(agency) and doc[i].text == ","
        if not glued and not bracketed and (line_end or doc[j].text not in DASHES | {":"}):
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
        datelines += [(s.start_char, s.end_char) for s in new]   # the place and its agency tag
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


def _close(doc: Doc, i: int) -> int | None:
    """The index of the ")" closing the "(" at ``i`` within the sentence, or None."""
    for k in range(i + 1, min(i + 40, len(doc))):
        if doc[k].text == ")":
            return k
        if doc[k].text == "(" or "\n" in doc[k].text:
            return None
    return None


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
        if parts := split_at_acronym(before, inside.text):   # "The Authority ... of the X (ACR)"
            out = [s for s in out if s.start != before.start] + list(parts)
            methods.update({(p.start_char, p.end_char): "fix:acronym_tail" for p in parts})
            before = parts[1]
        if whole is None or whole.end != inside.end or whole.label_ != "ORG":
            out = [s for s in out if s.end <= inside.start or s.start >= inside.end]
            whole = Span(doc, inside.start, inside.end, label="ORG")
            out.append(whole)
            methods[(whole.start_char, whole.end_char)] = "fix:bracket_alias"
        aliases.append(((before.start_char, before.end_char), (whole.start_char, whole.end_char)))
    doc.user_data["aliases"] = aliases
    return later_acronyms(doc, out, methods, aliases)
