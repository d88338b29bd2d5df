"""Entities of a document as mentions of actors: the spaCy pipeline with its fixes, and linking.

The pipeline is the pinned model plus three components: ``line_breaks`` (a line break
starts a sentence before the parser runs, so a headline is never parsed into the next
line), ``entity_fixes`` (OntoNotes
span conventions by general rules: possessives split off, titles stripped, a
country prefix of an organisation split off, labels corrected from the
knowledge base, short names of persons found) and an EntityRuler built from
the knowledge-base aliases that only adds names the model missed.

>>> nlp = get_pipeline()
>>> doc = nlp("Iraq’s National Wisdom Movement met.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Iraq', 'GPE'), ('National Wisdom Movement', 'ORG')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .cameo import resource_rows
from .kb import LABEL_OF_TYPE, load_kb, name_parts, slug
from .nlp import load_nlp
from .records import Actor, Mention
from .text import Sentence

#: The components this module adds to the model's pipeline, in order.
ANNOTATION_PIPES = ("line_breaks", "entity_fixes", "kb_ruler")
#: Labels kept as mentions. Numeric and temporal labels (DATE, TIME, CARDINAL,
#: ORDINAL, MONEY, PERCENT, QUANTITY) are left to the time layer.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW", "LANGUAGE")
_POSSESSIVE = {"’s", "'s", "’", "'"}
#: Determiners that never belong to a name ("a Fixture University" is the name "Fixture University").
_INDEFINITE = {"a", "an"}


def _trimmed(span: Span) -> Span:
    """``span`` without leading or trailing tokens that have no letter or digit (a bullet
    "•", an emoji, a dash) and without a leading indefinite article.

    >>> doc = get_pipeline().make_doc("• a Fixture University 🤝")
    >>> _trimmed(doc[0:5]).text
    'Fixture University'
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (not any(c.isalnum() for c in doc[start].text)
                           or doc[start].lower_ in _INDEFINITE):
        start += 1
    while end > start and not any(c.isalnum() for c in doc[end - 1].text):
        end -= 1
    return doc[start:end]


def _column(name: str, column: str) -> tuple[str, ...]:
    return tuple(row[column] for row in resource_rows(name, columns=(column,)) if row[column])


@lru_cache(maxsize=None)
def titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles and honorifics (``resources/entity_titles.csv``) as word tuples by first word, longest first.

    >>> titles()["Supreme"]
    (('Supreme', 'Leader'),)
    """
    found: dict[str, list[tuple[str, ...]]] = {}
    for title in _column("entity_titles.csv", "title"):
        words = tuple(title.split())
        found.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


def title_length(doc: Doc, i: int) -> int:
    """The number of tokens of the longest title starting at token ``i`` (0 if none).

    >>> title_length(get_pipeline().make_doc("Supreme Leader Ali Khamenei"), 0)
    2
    """
    for words in titles().get(doc[i].text, ()):
        if tuple(t.text for t in doc[i:i + len(words)]) == words:
            return len(words)
    return 0


@lru_cache(maxsize=None)
def institution_names() -> frozenset[str]:
    """Generic names of state institutions ("Parliament", "Foreign Ministry")."""
    return frozenset(_column("entity_institutions.csv", "name"))


def _kb_label(text: str) -> str:
    kb = load_kb()
    actor_id = kb.by_alias.get(text)
    if actor_id:
        return LABEL_OF_TYPE[kb.actors[actor_id].type]
    return "NORP" if text in kb.by_demonym else ""


def _state_prefix(span: Span) -> int:
    """Tokens at the start of an ORG span that name a state in the KB ("U.S." in "U.S. State Department")."""
    kb = load_kb()
    first = 1 if span[0].lower_ == "the" else 0
    for size in (3, 2, 1):
        if first + size < len(span):
            actor_id = kb.by_alias.get(span[first:first + size].text)
            if actor_id and kb.actors[actor_id].type == "state":
                return first + size
    return 0


def _pieces(span: Span) -> list[tuple[Span, str, str]]:
    """Split or trim one model entity into (span, label, method) pieces by the OntoNotes conventions."""
    doc, label = span.doc, span.label_
    if label not in NAME_LABELS:
        return [(span, label, "model")]
    trimmed = _trimmed(span)
    if not len(trimmed):
        return []
    method = "model" if len(trimmed) == len(span) else "fix:trim"
    span = trimmed
    pieces: list[tuple[Span, str, str]] = []
    start = span.start
    for tok in span:
        if tok.text in _POSSESSIVE and tok.i > start:
            left = doc[start:tok.i]
            pieces.append((left, _kb_label(left.text) or "GPE" if tok.i + 1 < span.end else label,
                           "fix:possessive"))
            start, method = tok.i + 1, "fix:possessive"
    rest = doc[start:span.end]
    if label == "ORG" and len(rest) > 1 and (cut := _state_prefix(rest)):
        pieces.append((doc[rest.start + (1 if rest[0].lower_ == "the" else 0):rest.start + cut],
                       "GPE", "fix:state_prefix"))
        rest, method = doc[rest.start + cut:rest.end], "fix:state_prefix"
    lead = rest.start
    if title_length(doc, lead) >= len(rest):
        return [p for p in pieces if len(p[0])]
    while label == "PERSON" and lead < rest.end - 1 and \
            (size := title_length(doc, lead) or (doc[lead].lower_ == "the")) and lead + size < rest.end:
        lead += size
    if lead > rest.start:
        rest, method = doc[lead:rest.end], "fix:title"
    if rest.text in _POSSESSIVE or not len(rest):
        return [p for p in pieces if len(p[0])]
    pieces.append((rest, label, method))
    fixed = []
    for piece, piece_label, piece_method in pieces:
        if not len(piece):
            continue
        kb_label = _kb_label(piece.text)
        if kb_label and kb_label != piece_label and piece_label in NAME_LABELS:
            piece_label, piece_method = kb_label, "fix:kb_label"
        before = doc[piece.start - 1] if piece.start else None
        if before is not None and before.lower_ == "the" and not before.ent_type_ \
                and load_kb().by_alias.get("the " + piece.text):
            piece = doc[piece.start - 1:piece.end]
        fixed.append((piece, piece_label, piece_method))
    return fixed


@Language.component("entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    """Apply the span conventions to the model's entities and find short names of persons.

    The method of each changed span is kept in ``doc.user_data["entity_methods"]``.
    """
    methods: dict[tuple[int, int], str] = {}
    spans: list[Span] = []
    for ent in doc.ents:
        for piece, label, method in _pieces(ent):
            spans.append(Span(doc, piece.start, piece.end, label=label))
            if method != "model":
                methods[(spans[-1].start_char, spans[-1].end_char)] = method
    parts = {part for s in spans if s.label_ == "PERSON" and len(s) > 1 for part in name_parts(s.text)}
    covered = {i for s in spans for i in range(s.start, s.end)}
    for i, span in enumerate(spans):
        if len(span) == 1 and span.label_ != "PERSON" and span.text in parts \
                and span.label_ in NAME_LABELS and not _kb_label(span.text):
            spans[i] = Span(doc, span.start, span.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:name_part"
    for tok in doc:
        if tok.i not in covered and tok.text in parts and tok.is_title and tok.pos_ == "PROPN":
            spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            methods[(tok.idx, tok.idx + len(tok))] = "fix:name_part"
    doc.ents = filter_spans(spans)
    doc.user_data["entity_methods"] = methods
    return doc


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns from every KB alias and demonym, with the actor id as pattern id."""
    kb = load_kb()
    patterns = [{"label": LABEL_OF_TYPE[kb.actors[a].type], "pattern": alias, "id": a}
                for alias, a in sorted(kb.by_alias.items()) if len(alias) > 1]
    patterns += [{"label": "NORP", "pattern": d, "id": a} for d, a in sorted(kb.by_demonym.items())]
    return patterns


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs, so that a headline,
    a dateline or a paragraph is never parsed into the next one ('... hold bilateral
    talks\\nPresident X arrived': 'X' is no object of 'hold')."""
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array("IDX")
    for match in re.finditer(r"\n", text):
        i = int(np.searchsorted(starts, match.start(), side="right"))   # the token after it
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def get_pipeline() -> Language:
    """The model of :func:`helpers.nlp.load_nlp` with the annotation components added once.

    >>> get_pipeline().pipe_names[-2:]
    ['entity_fixes', 'kb_ruler']
    """
    nlp = load_nlp()
    if "line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    if "entity_fixes" not in nlp.pipe_names:
        nlp.add_pipe("entity_fixes", after="ner")
    if "kb_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kb_ruler", after="entity_fixes",
                             config={"overwrite_ents": False})
        ruler.add_patterns(ruler_patterns())
    return nlp


def sentence_index(sents: list[Sentence]):
    """A function from a character offset to its sentence id (the nearest one before it)."""
    starts = [s.start for s in sents]
    return lambda offset: sents[max(bisect_right(starts, offset) - 1, 0)].sentence_id if sents else 0


def number_mentions(rows: list[tuple], sents: list[Sentence]) -> list[Mention]:
    """Sort ``(start, end, text, label, kind, actor_id, method)`` rows and number them m1, m2, ..."""
    sentence_of = sentence_index(sents)
    rows = sorted(set(rows), key=lambda r: (r[0], r[1], r[5], r[4]))
    return [Mention(f"m{i}", sentence_of(r[0]), r[0], r[1], r[2], r[3], r[4], r[5], r[6])
            for i, r in enumerate(rows, start=1)]


def find_mentions(doc: Doc, sents: list[Sentence]) -> list[Mention]:
    """Every mention of an actor in a ``doc`` made by :func:`get_pipeline`: names, nominals, pronouns.

    Sorted by (start, end, actor_id) and numbered m1.. in that order. A mention of two
    actors ("both leaders") is one row per actor.

    >>> from helpers.text import sentences
    >>> doc = get_pipeline()("Ammar al-Hakim arrived. He spoke.")
    >>> [(m.text, m.kind, m.actor_id) for m in find_mentions(doc, sentences(doc))]
    [('Ammar al-Hakim', 'NAME', 'ammar_al_hakim'), ('He', 'PRONOUN', 'ammar_al_hakim')]
    """
    from .coref import resolve
    from .linking import link_names

    names = link_names(doc)
    rows = [(n.start, n.end, n.text, n.label, "NAME", n.actor_id, n.method) for n in names]
    rows += resolve(doc, names)
    return number_mentions(rows, sents)


def _new_actor(actor_id: str, names: list[Mention], nominals: list[Mention]) -> tuple[str, str, str]:
    """Name, type and country of an actor the KB does not know, from its mentions."""
    kb = load_kb()
    if names:
        # the longest name, written as in running text rather than in a capitals dateline
        best = max(names, key=lambda m: (len(m.text.split()), not m.text.isupper(), -m.start))
        label = best.label
        kind = {"PERSON": "person", "ORG": "organization", "NORP": "group", "LOC": "place",
                "FAC": "place", "GPE": "city"}.get(label, "")
        state = actor_id.split("_")[0] if label == "ORG" else ""
        country = next((a.country for sid, a in kb.actors.items()
                        if a.type == "state" and actor_id.startswith(sid + "_")), "") if state else ""
        name = "the " + best.text[4:] if best.text.startswith("The ") else best.text
        return name, kind, country
    text = nominals[0].text
    demonym = next((w for w in kb.by_demonym if w in text.split()), "")
    country = kb.actors[kb.by_demonym[demonym]].country if demonym else ""
    plural = actor_id[len(slug(demonym)) + 1:] if demonym else actor_id
    return f"{demonym} {plural}".strip(), "group", country


def build_actors(mentions: list[Mention], doc: Doc) -> list[Actor]:
    """One row per actor the mentions refer to, sorted by actor id.

    Name, type, country, Wikidata and CAMEO code come from the KB when it knows the
    actor; otherwise from the mentions (the longest name; the type from its label; the
    country from a demonym or state in a title). Roles are the titles and appositions
    the text gives (KB roles are not copied: the row says what this text says).

    >>> from helpers.text import sentences
    >>> doc = get_pipeline()("Kenyan Foreign Minister Grace Wanjiru spoke.")
    >>> actors = build_actors(find_mentions(doc, sentences(doc)), doc)
    >>> [a.role for a in actors if a.actor_id == "grace_wanjiru"]
    ['Kenyan Foreign Minister']
    """
    from .linking import person_role

    kb = load_kb()
    by_actor: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor_id:
            by_actor.setdefault(mention.actor_id, []).append(mention)
    actors = []
    for actor_id in sorted(by_actor):
        found = by_actor[actor_id]
        names = [m for m in found if m.kind == "NAME"]
        roles, country = [], ""
        for m in names:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if m.label == "PERSON" and span is not None:
                role, role_country = person_role(span, kb=kb)
                roles += [r for r in role.split("; ") if r and r not in roles]
                country = country or role_country
        if actor_id in kb.actors:
            a = kb.actors[actor_id]
            actors.append(Actor(actor_id, a.name, a.type, a.country, "; ".join(roles),
                                a.wikidata, a.cameo_code, len(found)))
            continue
        name, kind, own_country = _new_actor(actor_id, names, [m for m in found if m.kind != "NAME"])
        actors.append(Actor(actor_id, name, kind, country or own_country, "; ".join(roles), "", "",
                            len(found)))
    return actors
