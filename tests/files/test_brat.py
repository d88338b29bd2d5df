"""brat standoff export: offsets, roles, attributes, notes and the text copy."""
import re

import pytest

from helpers.events.cameo import describe
from helpers.files.brat import fragments, to_brat, write_brat
from helpers.files.records import Event, Mention

TEXT = "Kenya met\nEthiopia. Lucía left."
MENTIONS = [Mention("m1", 1, 0, 5, "Kenya", "GPE", "NAME", "kenya", "t"),
            Mention("m2", 1, 10, 18, "Ethiopia", "GPE", "NAME", "ethiopia", "t"),
            Mention("m3", 2, 20, 25, "Lucía", "PERSON", "NAME", "lucia", "t")]
EVENTS = [Event("e1", 1, "met", 6, 9, "meet", "040", 1.0, "kenya", "ethiopia", "asserted", "",
                "none"),
          Event("e2", 2, "left", 26, 30, "leave", "", None, "lucia", "", "possible", "", "none")]


@pytest.mark.parametrize("text, start, end, expected", [
    ("ab\ncd", 0, 5, "0 2;3 5"),
    ("abcd", 1, 3, "1 3"),
    ("é\nü", 0, 3, "0 1;2 3"),
])
def test_fragments_split_at_line_breaks(text, start, end, expected):
    assert fragments(text, start, end) == expected


def test_every_text_bound_annotation_matches_the_text():
    ann = to_brat(TEXT, MENTIONS, EVENTS, describe=describe)
    for line in ann.splitlines():
        if line.startswith("T"):
            _, label_offsets, shown = line.split("\t")
            pieces = [TEXT[int(a):int(b)] for a, b in
                      (p.split() for p in label_offsets.split(" ", 1)[1].split(";"))]
            assert " ".join(pieces) == shown


def test_events_have_roles_factuality_and_notes():
    ann = to_brat(TEXT, MENTIONS, EVENTS, describe=describe)
    assert "E1\tCAMEO_040:T4 Source:T1 Target:T2" in ann
    assert "E2\tEvent:T5 Source:T3" in ann
    assert "A1\tFactuality E1 asserted" in ann and "A2\tFactuality E2 possible" in ann
    assert re.search(r"AnnotatorNotes T1\tactor_id=kenya", ann)


def test_one_span_referring_to_two_actors_is_one_annotation():
    both = [Mention("m1", 1, 0, 5, "Kenya", "NORP", "NOMINAL", a, "t") for a in ("x", "y")]
    ann = to_brat(TEXT, both, [], describe=describe)
    assert ann.count("\tNORP 0 5\t") == 1 and "actor_id=x;y" in ann


def test_nothing_gives_an_empty_file():
    assert to_brat("", [], [], describe=describe) == ""


def test_text_copy_is_byte_identical(tmp_path):
    text = "Line one “quoted”\r\nLine two é\n"
    path = write_brat("doc", text, to_brat(text, [], [], describe=describe), tmp_path)
    assert path.name == "doc.ann"
    assert (tmp_path / "doc.txt").read_bytes() == text.encode("utf-8")
