"""Entities of a document as mentions of actors: the spaCy pipeline with its fixes, and linking.

The pipeline is the pinned model plus two components: ``entity_fixes`` (OntoNotes
span conventions by general rules: possessives split off, titles stripped, a
country prefix of an organisation split off, labels corrected from the
knowledge base, short names of persons found; the document-level rules of
:mod:`helpers.entity_rules`) and ``kb_names``, an EntityRuler of the
knowledge-base aliases that adds names the model missed and replaces the model's
fragments of a longer known name.

>>> nlp = get_pipeline()
>>> doc = nlp("Iraq’s National Wisdom Movement met.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Iraq', 'GPE'), ('National Wisdom Movement', 'ORG')]
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import entity_rules
from .cameo import resource_rows
from .kb import LABEL_OF_TYPE, load_kb, lookup, name_parts, slug
from .nlp import load_nlp
from .records import Actor, Mention
from .text import Sentence

#: The components this module adds to the model's pipeline, in order.
ANNOTATION_PIPES = ("entity_fixes", "kb_names")
#: Labels kept as mentions. Numeric and temporal labels (DATE, TIME, CARDINAL,
#: ORDINAL, MONEY, PERCENT, QUANTITY) are left to the time layer.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW", "LANGUAGE")
_POSSESSIVE = {"’s", "'s", "’", "'"}
#: Determiners that never belong to a name ("a Fixture University" is the name "Fixture University").
_INDEFINITE = {"a", "an"}


def _trimmed(span: Span) -> Span:
    """``span`` cut at its first line break, without leading or trailing tokens that have no
    letter or digit (a bullet "•", an emoji, a dash) and without a leading indefinite article.

    >>> doc = get_pipeline().make_doc("• a Fixture University 🤝")
    >>> _trimmed(doc[0:5]).text
    'Fixture University'
    """
    start, end = span.start, span.end
    doc = span.doc
    end = next((t.i + 1 for t in span[:-1] if "\n" in t.whitespace_ or "\n" in t.text), end)
    while start < end and (not any(c.isalnum() for c in doc[start].text)
                           or doc[start].lower_ in _INDEFINITE):
        start += 1
    while end > start and not any(c.isalnum() for c in doc[end - 1].text):
        end -= 1
    return doc[start:end]


def is_abbreviation(text: str) -> bool:
    """A name written as an abbreviation: capitals (and full stops), no lower-case letter.
    OntoNotes and the model leave a "the" in front of one outside the name.

    >>> is_abbreviation("U.S."), is_abbreviation("UN"), is_abbreviation("United States")
    (True, True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and " " not in text and all(c.isupper() for c in letters)


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
    return frozenset(r["name"] for r in resource_rows("entity_institutions.csv", columns=("name", "note"))
                     if r["note"] != "head")


@lru_cache(maxsize=65536)
def _kb_label(text: str) -> str:
    kb = load_kb()
    actor_id = kb.by_alias.get(text) or (lookup(kb, text) if text not in kb.by_demonym else "")
    if actor_id:
        return LABEL_OF_TYPE[kb.actors[actor_id].type]
    return "NORP" if text in kb.by_demonym else ""


@lru_cache(maxsize=None)
def body_heads() -> frozenset[str]:
    """Last words of the names of state bodies ("Ministry", "Parliament"): ``entity_institutions.csv``
    rows noted ``head``."""
    return frozenset(r["name"] for r in resource_rows("entity_institutions.csv", columns=("name", "note"))
                     if r["note"] == "head")


def is_state_body(span: Span) -> bool:
    """Whether a name is that of a body of a state: a generic institution or a name ending in
    one of :func:`body_heads` ("Foreign Ministry", "State Department", "Sejm").

    >>> doc = get_pipeline().make_doc("Defence Contact Group and State Department")
    >>> is_state_body(doc[0:3]), is_state_body(doc[4:6])
    (False, True)
    """
    text = span.text.removeprefix("the ").removeprefix("The ")
    return text in institution_names() or span[-1].text in body_heads()


def _state_prefix(span: Span, label: str = "ORG") -> tuple[int, str]:
    """Tokens at the start of an ORG span naming a state ("U.S." in "U.S. State Department") or
    its demonym ("Turkish" in "the Turkish Foreign Ministry") before the name of a state body,
    or at the start of a PERSON span naming a state before a name of two words or more
    ("Turkmenistan Gurbanguly Berdimuhamedov"); with the label of that prefix; (0, '') when
    there is none."""
    kb = load_kb()
    first = 1 if span[0].lower_ == "the" else 0
    if label == "PERSON":
        actor_id = kb.by_alias.get(span[first].text) if first + 3 <= len(span) else None
        if actor_id and kb.actors[actor_id].type == "state" and all(t.is_title for t in span[first:]):
            return first + 1, "GPE"
        return 0, ""
    for size in (3, 2, 1):
        if first + size < len(span) and is_state_body(span[first + size:]):
            words = span[first:first + size].text
            actor_id = kb.by_alias.get(words)
            if actor_id and kb.actors[actor_id].type == "state":
                return first + size, "GPE"
            if words in kb.by_demonym:
                return first + size, "NORP"
    return 0, ""


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
    if label in {"ORG", "PERSON"} and len(rest) > 1 and (cut := _state_prefix(rest, label))[0]:
        pieces.append((doc[rest.start + (1 if rest[0].lower_ == "the" else 0):rest.start + cut[0]],
                       cut[1], "fix:state_prefix"))
        rest, method = doc[rest.start + cut[0]:rest.end], "fix:state_prefix"
        if rest.text.lower() == "government":     # "the PNG Government": the state alone
            return _with_kb_labels(pieces)
    if label == "ORG" and (state := _government_of(rest)) is not None:
        return _with_kb_labels(pieces + [(state, "GPE", "fix:government_of")])
    lead = rest.start
    if not len(rest) or title_length(doc, lead) >= len(rest):
        return _with_kb_labels(pieces)
    while label == "PERSON" and lead < rest.end - 1 and not entity_rules.is_known_person(rest.text) and \
            (size := title_length(doc, lead) or (doc[lead].lower_ == "the")) and lead + size < rest.end:
        lead += size
    if lead > rest.start:
        rest, method = doc[lead:rest.end], "fix:title"
    if rest.text in _POSSESSIVE or not len(rest):
        return _with_kb_labels(pieces)
    pieces.append((rest, label, method))
    return _with_kb_labels(pieces)


def _with_kb_labels(pieces: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """The non-empty pieces, each with the label the knowledge base gives its name."""
    fixed = []
    for piece, piece_label, piece_method in pieces:
        if not len(piece):
            continue
        kb_label = _kb_label(piece.text)
        if kb_label and kb_label != piece_label and piece_label in NAME_LABELS:
            piece_label, piece_method = kb_label, "fix:kb_label"
        fixed.append((piece, piece_label, piece_method))
    return fixed


def _government_of(span: Span) -> Span | None:
    """The state of "the Government of Pakistan" (a state named as its government), else None."""
    words = [t.lower_ for t in span[:3]]
    first = 1 if words[:1] == ["the"] else 0
    if words[first:first + 2] != ["government", "of"] or len(span) <= first + 2:
        return None
    state = span[first + 2:]
    found = load_kb().by_alias.get(state.text)
    return state if found and load_kb().actors[found].type == "state" else None


@Language.component("entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    """Apply the span conventions to the model's entities and find short names of persons.

    The method of each changed span is kept in ``doc.user_data["entity_methods"]``.
    """
    rules = entity_rules
    methods: dict[tuple[int, int], str] = {}
    spans: list[Span] = []
    for ent in doc.ents:
        for piece, label, method in _pieces(ent):
            spans.append(Span(doc, piece.start, piece.end, label=label))
            if method != "model":
                methods[(spans[-1].start_char, spans[-1].end_char)] = method
    spans = rules.headline(doc, spans, methods, get_pipeline)
    spans = rules.brackets(doc, spans, methods)
    spans = rules.honorific(doc, spans, methods)
    spans = rules.media(doc, spans, methods)
    spans = rules.possessive_office(doc, spans, methods, _kb_label, institution_names())
    spans = rules.dateline(doc, spans, methods, _kb_label)
    parts = {part for s in spans if s.label_ == "PERSON" and len(s) > 1 for part in name_parts(s.text)}
    spans = rules.place_names(doc, spans, methods, {p.lower() for p in parts})
    spans = rules.coordinated_persons(doc, spans, methods, parts)
    spans = rules.known_labels(doc, spans, methods, _kb_label)
    spans = rules.titled_names(doc, spans, methods, _kb_label)
    spans = rules.comma_places(doc, spans, methods, _kb_label)
    spans = rules.roles_and_sites(doc, spans, methods, _kb_label)
    covered = {i for s in spans for i in range(s.start, s.end)}
    for i, span in enumerate(spans):
        if len(span) == 1 and span.label_ != "PERSON" and span.text in parts \
                and span.label_ in NAME_LABELS and not _kb_label(span.text):
            spans[i] = Span(doc, span.start, span.end, label="PERSON")
            methods[(span.start_char, span.end_char)] = "fix:name_part"
    for tok in doc:
        if tok.i not in covered and (tok.is_title and tok.pos_ == "PROPN" and tok.text in parts
                                     or tok.is_upper and len(tok) > 2 and tok.text.title() in parts):
            spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            methods[(tok.idx, tok.idx + len(tok))] = "fix:name_part"
    doc.ents = filter_spans(spans)
    doc.user_data["entity_methods"] = methods
    return doc


#: The EntityRuler of the knowledge-base aliases; run by ``kb_names``, not as a pipe of its own.
_RULER: dict = {}


@Language.component("kb_names")
def kb_names(doc: Doc) -> Doc:
    """The knowledge base's names, matched once: a name the model missed is added (an
    EntityRuler that overwrites no entity); a name that holds the model's entities as
    fragments replaces them ("Cote" PERSON inside "Cote d’Ivoire"; "Qatar" inside "the
    State of Qatar"); then the leading "the" of every name follows the convention
    (:func:`helpers.entity_rules.article`)."""
    ruler = _RULER["ruler"]
    matches = ruler.match(doc)
    ents = list(doc.ents)
    methods = doc.user_data.setdefault("entity_methods", {})
    for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2] - m[1])):
        inside = [e for e in ents if e.start < end and start < e.end]
        if not inside or not all(start <= e.start and e.end <= end for e in inside) \
                or any((e.start, e.end) == (start, end) for e in inside):
            continue
        label, _, actor_id = doc.vocab.strings[match_id].partition("||")
        span = Span(doc, start, end, label=label, span_id=actor_id)
        ents = [e for e in ents if e not in inside] + [span]
        methods[(span.start_char, span.end_char)] = "fix:kb_extend"
    doc.ents = filter_spans(ents)
    ruler.set_annotations(doc, matches)
    doc.ents = filter_spans(entity_rules.article(doc, list(doc.ents), methods, _kb_label))
    return doc


def _variants(alias: str) -> list[str]:
    """An alias as written with either apostrophe and without accents ("Côte d'Ivoire",
    "Côte d’Ivoire", "Cote d'Ivoire", "Cote d’Ivoire")."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", alias).encode("ascii", "ignore").decode()
    forms = [alias] + ([plain] if len(plain) == len(alias) else [])
    forms += [f.replace("'", "’") for f in forms if "'" in f]
    return list(dict.fromkeys(forms))


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns from every KB alias and demonym, with the actor id as pattern id."""
    kb = load_kb()
    patterns = [{"label": LABEL_OF_TYPE[kb.actors[a].type], "pattern": form, "id": a}
                for alias, a in sorted(kb.by_alias.items()) if len(alias) > 1
                for form in _variants(alias)]
    patterns += [{"label": "NORP", "pattern": d, "id": a} for d, a in sorted(kb.by_demonym.items())]
    return patterns


@lru_cache(maxsize=None)
def get_pipeline() -> Language:
    """The model of :func:`helpers.nlp.load_nlp` with the annotation components added once.

    >>> get_pipeline().pipe_names[-2:]
    ['entity_fixes', 'kb_names']
    """
    nlp = load_nlp()
    if "ruler" not in _RULER:
        # the patterns are parsed by the model alone, before the fixes join the pipeline
        ruler = nlp.add_pipe("entity_ruler", name="kb_ruler", after="ner",
                             config={"overwrite_ents": False})
        ruler.add_patterns(ruler_patterns())
        nlp.remove_pipe("kb_ruler")
        _RULER["ruler"] = ruler
    if "entity_fixes" not in nlp.pipe_names:
        nlp.add_pipe("entity_fixes", after="ner")
    if "kb_names" not in nlp.pipe_names:
        nlp.add_pipe("kb_names", after="entity_fixes")
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
    sources = doc.user_data.get("actor_sources", {})
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
                                a.wikidata, a.cameo_code, len(found), a.source))
            continue
        name, kind, own_country = _new_actor(actor_id, names, [m for m in found if m.kind != "NAME"])
        source, code = sources.get(actor_id, ("article", ""))
        country = country or own_country or _country_of_code(code)
        if not code and kind == "group":
            code, source = group_code(actor_id, country)
        actors.append(Actor(actor_id, name, kind, country, "; ".join(roles), "", code,
                            len(found), source))
    return actors


def _country_of_code(code: str) -> str:
    """The state a CAMEO actor code starts with ("IRQELI" -> IRQ), '' for IGO, NGO, ... codes."""
    return code[:3] if code[:3] in load_kb().state_of_country else ""


def group_code(actor_id: str, country: str) -> tuple[str, str]:
    """The CAMEO code and source of a group actor made of a demonym and a role noun
    (``pakistani_opposition`` -> PAKOPP; ``rebels`` -> REB): the state's code followed by
    the sector code the Phoenix agents dictionary gives the noun.

    >>> group_code("pakistani_opposition", "PAK"), group_code("rebels", "")
    (('PAKOPP', 'phoenix'), ('REB', 'phoenix'))
    >>> group_code("kenyan_analysts", "KEN")
    ('', 'article')
    """
    from .phoenix import agent_code

    noun = actor_id.rsplit("_", 1)[-1]
    sector = agent_code(noun)
    if not sector:
        return "", "article"
    kb = load_kb()
    state = kb.state_of_country.get(country, "")
    prefix = kb.actors[state].cameo_code if state else ""
    return prefix + sector, "phoenix"
