"""The temporal rules searched in one scan of a text find what a scan for each rule finds."""
from __future__ import annotations

import re

import pytest

from helpers.config import FIXTURES_DIR, SEEDS_DIR
from helpers.temporal.rules import RULES
from helpers.temporal.scanning import PREFIX, scan, starts

ARTICLES = [p.read_text(encoding="utf-8") for d in (FIXTURES_DIR, SEEDS_DIR) for p in sorted(d.glob("*.txt"))]
#: Shapes where a rule's match starts after another's, inside a number or after a quote.
SHAPES = [
    "from 3 to 5 May 2024, after 2.5 hours and 2,000 years ago; in the '90s and the 1990s",
    "at 10:30 a.m. on Tuesday, Q3 2024, mid-2020, for days. Days later, 1500 hours on Friday",
    "Tuesday or Wednesday, 12/05/2024 and 2024-05-12, the day before, every Monday, twice daily",
    "",
]


def _each_rule(text: str) -> list[tuple]:
    return [(order, m.span(), m.groupdict()) for order, rule in enumerate(RULES)
            for m in rule.pattern.finditer(text)]


@pytest.mark.parametrize("text", ARTICLES + SHAPES)
def test_one_scan_finds_what_each_rules_scan_finds(text):
    assert [(order, m.span(), m.groupdict()) for order, _, m in scan(text)] == _each_rule(text)


def test_every_rule_match_starts_as_the_rule_says_it_can():
    text = "\n".join(ARTICLES + SHAPES)
    for rule in RULES:
        ways = [re.compile("".join(chars)) for chars in starts(rule.pattern)]
        for match in rule.pattern.finditer(text):
            assert any(way.match(match.group()[:PREFIX]) for way in ways), (rule.name, match.group())


@pytest.mark.parametrize("pattern, k, found", [
    (r"(?<!x)(?:(?i:ab)|[0-9]+c)", 2, [("(?i:[a])", "(?i:[b])"), ("[0-9]", "[0-9]"), ("[0-9]", "[c]")]),
    (r"(?=x)\w+", 1, [(r"[\w]",)]),
    (r"x?y{2}", 3, [("[x]", "[y]", "[y]"), ("[y]", "[y]")]),
    (r"ab|a", 3, [("[a]",), ("[a]", "[b]")]),
    (r"a?", 3, None),            # can match nothing: a match may start anywhere
    (r"[^a]b", 3, None),         # a negated class is not read
])
def test_the_starts_of_a_pattern(pattern, k, found):
    assert starts(re.compile(pattern), k) == found


def test_the_rules_tried_at_a_place_are_those_whose_start_the_text_can_be():
    from helpers.temporal.scanning import _Scanner
    scanner = _Scanner(RULES)
    text = "\n".join(ARTICLES + SHAPES)
    prefixes = {text[m.start():m.start() + k] for m in scanner.places.finditer(text)
                for k in (PREFIX, 2, 1)}
    for prefix in sorted(prefixes, key=lambda p: (-len(p), p)):    # longest first: no shorter one cached
        assert scanner.rules_at(prefix) == tuple(
            i for i, rx in enumerate(scanner.prefixes) if rx is not None and rx.match(prefix)), prefix
