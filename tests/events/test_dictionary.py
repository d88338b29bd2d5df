"""The PETRARCH2 verb dictionary: its format read by the parser, and its codes matched against the parse."""
import pytest

from helpers.events import cameo
from helpers.events.coding import code_token, known_code, light_nouns
from helpers.events.dictionary import DictionaryError, read_verb_dictionary, verb_dictionary
from helpers.events.verb_patterns import Phrase, plural
from helpers.nlp.model import get_nlp

SAMPLE = """\
####### SYNONYM SETS #######

&ARMY
+SOLDIER
+TROOP_

&AUX_
+WILL

####### VERB PATTERNS #######

---  GREET   [050]  ---
GREET
HAIL {HAILS HAILED HAILING} [051]
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH}
RE_+ARREST
- * (WITH FLOWERS)                                   [051]    # GREET
- * {WARM WELCOME}                                   [051]    # HAIL
- &ARMY *                                            [062:062] # GREET
- * (TO)                                             [042:043] # GREET
- * (AT ^)                                           [:043]    # GREET
- * &UNDEFINED                                       [111]     # GREET
- * +                                                [111]     # GREET

---  SPURN   [---]  ---
SPURN

######## TRANSFORMATIONS ##########
~ a (b . ATTACK) SAY = a b 112
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return read_verb_dictionary(path)


def test_synonym_sets_make_plurals_unless_marked(sample):
    heads = {p.head for p in sample.synsets["ARMY"]}
    assert heads == {"soldier", "soldiers", "troop"}          # TROOP_ takes no plural
    assert {p.head for p in sample.synsets["AUX"]} == {"will"}  # label ends in '_'


def test_member_verbs_have_forms_codes_and_blocks(sample):
    greet, hail = sample.entries("greet")[0], sample.entries("hail")[0]
    assert (greet.code, hail.code) == ("050", "051")           # own code beats the block's
    assert {"greets", "greeted", "greeting"} <= greet.forms    # regular forms generated
    assert hail.forms == {"hail", "hails", "hailed", "hailing"}  # irregular: only those given
    assert sample.block_name(greet) == "GREET"


def test_multi_word_verbs_keep_their_particles_and_prefixes(sample):
    meet = sample.entries("meet")[0]
    assert (meet.particles, "met" in meet.forms) == (("with",), True)
    assert sample.entries("arrest")[0].prefix == ("re",)


def test_patterns_read_nouns_phrases_prepositions_and_paired_codes(sample):
    patterns = sample.patterns[next(line for line, b in sample.blocks.items() if b[0] == "GREET")]
    by_line = {p.line: p for p in patterns}
    flowers = next(p for p in patterns if p.preps and p.preps[0].objects)
    assert flowers.preps[0].preps == {"with"} and flowers.preps[0].objects[0][0].head == "flowers"
    welcome = next(p for p in patterns if p.after)
    assert welcome.after[0] == (Phrase("welcome", (frozenset({"warm"}),)),)
    army = next(p for p in patterns if p.before)
    assert (army.code, army.reverse) == ("062", "062")
    assert {p.code + ":" + p.reverse for p in by_line.values()} >= {"042:043", ":043"}
    assert all(p.verb == "greet" or p.verb == "hail" for p in patterns)


def test_undefined_synonym_sets_and_marker_only_patterns_are_skipped(sample):
    patterns = [p for ps in sample.patterns.values() for p in ps]
    assert "111" not in {p.code for p in patterns}
    assert len(patterns) == 5


def test_null_block_code_and_transformations(sample):
    assert sample.entries("spurn")[0].code == ""
    t = sample.transformations[0]
    assert (t.inner, t.inner_verb, t.outer_verb, t.result) == (("b", "."), "ATTACK", "SAY",
                                                               ("a", "b", "112"))


@pytest.mark.parametrize("text, message", [
    ("---  GREET  ---\n", "line 1: block header"),
    ("---  GREET [050] ---\nGREET\n- * FLOWERS\n", "line 3: pattern without a \\[code\\]"),
    ("---  GREET [050] ---\nGREET\n- FLOWERS [051]\n", "line 3: a pattern needs exactly one"),
    ("---  GREET [050] ---\nGREET\n- * FLOWERS [05x]\n", "line 3: code \\[05x\\]"),
    ("- * FLOWERS [051]\n", "line 1: pattern outside a verb block"),
    ("GREET\n", "line 1: 'GREET' is neither"),
    ("---  GREET [050] ---\nMEET_WITH\n", "line 2: multi-word verb"),
])
def test_malformed_lines_are_named_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=f"bad.txt {message}"):
        read_verb_dictionary(path)


def test_missing_and_non_utf8_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.txt"):
        read_verb_dictionary(tmp_path / "nothing.txt")
    (tmp_path / "latin.txt").write_bytes("---  CAF\u00c9 [010] ---\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match="latin.txt: not valid UTF-8"):
        read_verb_dictionary(tmp_path / "latin.txt")


def test_the_vendored_dictionary_is_read_whole():
    d = verb_dictionary()
    assert len(d.blocks) == 397
    assert sum(len(p) for p in d.patterns.values()) > 4500
    assert len(d.transformations) == 8


def test_every_code_the_dictionary_yields_is_a_cameo_code():
    d = verb_dictionary()
    codes = {known_code(c) for ps in d.patterns.values() for p in ps for c in (p.code, p.reverse)}
    codes |= {known_code(e.code) for es in d.verbs.values() for e in es}
    assert codes - {""} <= set(cameo.event_codes())


def test_plurals():
    assert [plural(w) for w in ("policy", "boss", "day", "army")] == [
        "policies", "bosses", "days", "armies"]


def _coded(text: str, word: str):
    doc = get_nlp()(text)
    return code_token(next(t for t in doc if t.text == word))


@pytest.mark.parametrize("text, word, code", [
    ("The Marland Union imposed new sanctions on Tarvia.", "imposed", "163"),   # * SANCTIONS
    ("The Marland Union imposed a curfew.", "imposed", "1723"),                 # * CURFEW
    ("Kenya condemned the attack.", "condemned", "111"),                        # own code
    ("Kenya visited Uganda.", "visited", "042"),                                # block code
    ("Kenya called off the talks.", "called", ""),                              # override: a cue
    ("Kenya mediated between the parties.", "mediated", "045"),
    ("Kenya and Uganda held talks.", "held", "040"),                            # override row
    ("Kenya held elections.", "held", "0341"),                                  # dictionary row
])
def test_verbs_are_coded_from_the_dictionary_and_the_override_table(text, word, code):
    assert _coded(text, word).code == code


def test_a_block_code_does_not_fire_without_its_context():
    # IMPOSE * SANCTIONS is 163; imposing taxes is the null code, not a sanction
    assert _coded("Kenya imposed taxes on imports.", "imposed").code == ""


@pytest.mark.parametrize("noun, code", [("talks", "040"), ("summit", "040"), ("raid", "190")])
def test_light_verbs_make_their_object_nouns_event_nouns(noun, code):
    assert light_nouns()[noun][0] == code


@pytest.mark.parametrize("noun", ["peace", "part", "dollars", "hostages", "minister"])
def test_things_and_persons_are_no_event_nouns(noun):
    assert noun not in light_nouns()


def test_a_role_noun_is_never_an_event_noun():
    assert _coded("The minister arrived.", "minister") is None
