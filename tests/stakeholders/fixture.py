"""Hand-made annotation tables of the seed, shaped like the contract files.

They stand in for the annotation layer in the stakeholder tests, so that the
analysis is tested on known input: the rows are written by hand from the seed
text (offsets found by searching it), not produced by the pipeline.
"""
from __future__ import annotations

import re

from helpers.config import SEEDS_DIR
from helpers.stakeholders.tables import Tables, make_tables

SEED = "000_a1f3d825a8827267"

ACTORS = [
    ("ammar_al_hakim", "Ammar al-Hakim", "person", "IRQ",
     "Iraqi politician; head of Iraq’s National Wisdom Movement"),
    ("national_wisdom_movement", "National Wisdom Movement", "organization", "IRQ", ""),
    ("iraq", "Iraq", "state", "IRQ", ""),
    ("iran", "Iran", "state", "IRN", ""),
    ("united_states", "United States", "state", "USA", ""),
    ("mohammad_bagher_ghalibaf", "Mohammad Bagher Ghalibaf", "person", "IRN",
     "Iran’s Speaker of Parliament"),
    ("ali_khamenei", "Ali Khamenei", "person", "IRN", "Iran’s Supreme Leader; Ayatollah"),
    ("iranian_officials", "Iranian officials", "group", "IRN", "senior"),
    ("iraqi_leaders", "Iraqi leaders", "group", "IRQ", ""),
]
HAKIM, GHALIBAF = "ammar_al_hakim", "mohammad_bagher_ghalibaf"
BOTH = (GHALIBAF, HAKIM)
#: (sentence id, mention text, actor ids, label, kind), in text order within a sentence.
MENTIONS = [
    (1, "Iraqi", ("iraq",), "NORP", "NAME"), (1, "Ammar al-Hakim", (HAKIM,), "PERSON", "NAME"),
    (2, "Hakim", (HAKIM,), "PERSON", "NAME"),
    (2, "Iranian officials", ("iranian_officials",), "NORP", "NOMINAL"),
    (2, "his", (HAKIM,), "", "PRONOUN"), (2, "Tehran", ("",), "GPE", "NAME"),
    (3, "Iraqi leaders", ("iraqi_leaders",), "NORP", "NOMINAL"), (3, "Iran", ("iran",), "GPE", "NAME"),
    (3, "the United States", ("united_states",), "GPE", "NAME"),
    (4, "Hakim", (HAKIM,), "PERSON", "NAME"), (4, "Iraq", ("iraq",), "GPE", "NAME"),
    (4, "National Wisdom Movement", ("national_wisdom_movement",), "ORG", "NAME"),
    (4, "his", (HAKIM,), "", "PRONOUN"), (4, "Iran", ("iran",), "GPE", "NAME"),
    (5, "Iran", ("iran",), "GPE", "NAME"),
    (5, "Mohammad Bagher Ghalibaf", (GHALIBAF,), "PERSON", "NAME"),
    (5, "him", (HAKIM,), "", "PRONOUN"), (6, "both sides", BOTH, "", "NOMINAL"),
    (7, "Ghalibaf", (GHALIBAF,), "PERSON", "NAME"), (7, "Hakim", (HAKIM,), "PERSON", "NAME"),
    (7, "Iraq", ("iraq",), "GPE", "NAME"), (7, "Tehran", ("iran",), "GPE", "NAME"),
    (7, "Washington", ("united_states",), "GPE", "NAME"),
    (8, "Both leaders", BOTH, "", "NOMINAL"), (8, "Iraq", ("iraq",), "GPE", "NAME"),
    (9, "They", BOTH, "", "PRONOUN"), (9, "Iraq", ("iraq",), "GPE", "NAME"),
    (10, "Hakim", (HAKIM,), "PERSON", "NAME"), (10, "Iran", ("iran",), "GPE", "NAME"),
    (10, "Ali Khamenei", ("ali_khamenei",), "PERSON", "NAME"),
    (11, "Iraq", ("iraq",), "GPE", "NAME"), (11, "Iran", ("iran",), "GPE", "NAME"),
    (12, "Iran", ("iran",), "GPE", "NAME"), (12, "Iraq", ("iraq",), "GPE", "NAME"),
    (13, "Hakim", (HAKIM,), "PERSON", "NAME"), (13, "his", (HAKIM,), "", "PRONOUN"),
    (13, "Tehran", ("",), "GPE", "NAME"), (14, "He", (HAKIM,), "", "PRONOUN"),
    (15, "Iraq", ("iraq",), "GPE", "NAME"),
    (15, "the two rival powers", ("iran", "united_states"), "", "NOMINAL"),
    (16, "Iraq", ("iraq",), "GPE", "NAME"), (17, "US", ("united_states",), "GPE", "NAME"),
    (17, "Iran", ("iran",), "GPE", "NAME"),
    (17, "Iraqi leaders", ("iraqi_leaders",), "NORP", "NOMINAL"),
    (18, "Hakim", (HAKIM,), "PERSON", "NAME"), (18, "Iraq", ("iraq",), "GPE", "NAME"),
    (20, "Iraq", ("iraq",), "GPE", "NAME"), (22, "Hakim", (HAKIM,), "PERSON", "NAME"),
    (22, "Iraq", ("iraq",), "GPE", "NAME"), (23, "Washington", ("united_states",), "GPE", "NAME"),
    (23, "Tehran", ("iran",), "GPE", "NAME"),
]
#: (sentence id, trigger, lemma, CAMEO, source, target, factuality, attribution, source type)
EVENTS = [
    (2, "carried", "carry", "", HAKIM, "iraqi_leaders", "asserted",
     "According to informed sources", "anonymous"),
    (3, "urged", "urge", "026", "iranian_officials", "iraqi_leaders", "asserted", "", "none"),
    (3, "mediate", "mediate", "045", "iraqi_leaders", "iran", "underspecified", "", "none"),
    (4, "began", "begin", "042", HAKIM, "iran", "asserted", "", "none"),
    (5, "invited", "invite", "036", GHALIBAF, HAKIM, "asserted", "", "none"),
    (7, "discussed", "discuss", "040", GHALIBAF, HAKIM, "asserted", "Sources stated", "anonymous"),
    (8, "agreed", "agree", "030", GHALIBAF, "", "asserted", "", "none"),
    (8, "agreed", "agree", "030", HAKIM, "", "asserted", "", "none"),
    (9, "stressed", "stress", "010", GHALIBAF, "", "asserted", "", "none"),
    (9, "stressed", "stress", "010", HAKIM, "", "asserted", "", "none"),
    (10, "meet", "meet", "036", HAKIM, "ali_khamenei", "probable", "", "none"),
    (12, "views", "view", "010", "iran", "iraq", "asserted", "According to reports",
     "media_reports"),
    (14, "visit", "visit", "042", HAKIM, "", "possible", "insiders revealed", "anonymous"),
    (17, "fear", "fear", "", "iraqi_leaders", "", "asserted", "", "none"),
    (22, "signaled", "signal", "010", HAKIM, "", "asserted", "", "none"),
    (23, "respond", "respond", "", "united_states", "", "underspecified", "", "none"),
]


def sentence_rows(text: str) -> list[dict]:
    """Sentences: each line split after '.', with offsets into ``text``."""
    rows = []
    for match in re.finditer(r"[^\n]+?[.!?](?=\s|$)", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        rows.append({"sentence_id": len(rows) + 1, "start": start, "end": match.end(),
                     "text": text[start:match.end()]})
    return rows


def _find(text: str, sentence: dict, needle: str, after: int) -> int:
    at = text.find(needle, max(after, sentence["start"]), sentence["end"])
    if at < 0:
        raise ValueError(f"{needle!r} not found in sentence {sentence['sentence_id']}")
    return at


def seed_tables() -> Tables:
    """The seed's text with the hand-made tables above."""
    text = (SEEDS_DIR / f"{SEED}.txt").read_text(encoding="utf-8")
    sentences = sentence_rows(text)
    mentions, cursor, last = [], 0, 0
    for sid, needle, actor_ids, label, kind in MENTIONS:
        sentence = sentences[sid - 1]
        cursor = _find(text, sentence, needle, cursor if sid == last else 0)
        for actor_id in actor_ids:
            mentions.append({"mention_id": f"m{len(mentions) + 1}", "sentence_id": sid,
                             "start": cursor, "end": cursor + len(needle), "text": needle,
                             "label": label, "kind": kind, "actor_id": actor_id,
                             "method": "hand"})
        cursor, last = cursor + len(needle), sid
    events = []
    for sid, trigger, lemma, code, source, target, fact, attribution, stype in EVENTS:
        start = _find(text, sentences[sid - 1], trigger, 0)
        events.append({"event_id": f"e{len(events) + 1}", "sentence_id": sid,
                       "trigger": trigger, "start": start, "end": start + len(trigger),
                       "lemma": lemma, "cameo_code": code, "source_actor": source,
                       "target_actor": target, "factuality": fact,
                       "attribution": attribution, "source_type": stype})
    counts = {}
    for m in mentions:
        counts[m["actor_id"]] = counts.get(m["actor_id"], 0) + 1
    actors = [{"actor_id": a, "name": n, "type": t, "country": c, "role": r,
               "mentions": counts.get(a, 0)} for a, n, t, c, r in ACTORS]
    return make_tables(SEED, text, sentences=sentences, mentions=mentions, actors=actors,
                       events=events)


def one_sentence(text: str, mentions=(), events=()):
    """Tables of a one-sentence article; mentions as (text, actor_id), events as dicts."""
    rows = [{"mention_id": f"m{i}", "sentence_id": 1, "start": text.index(s),
             "end": text.index(s) + len(s), "text": s, "actor_id": a}
            for i, (s, a) in enumerate(mentions, 1)]
    evs = [{"event_id": f"e{i}", "sentence_id": 1, "start": text.index(e["trigger"]),
            "end": text.index(e["trigger"]) + len(e["trigger"]), **e}
           for i, e in enumerate(events, 1)]
    return make_tables("d", text, sentences=[{"sentence_id": 1, "start": 0, "end": len(text),
                                              "text": text}], mentions=rows, events=evs)
