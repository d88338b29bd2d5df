"""The whole annotation path on articles nobody tuned it for: longer invented articles in
unusual styles (``tests/articles/rb_*``) and pathological texts a user might drop in.

For every input: the analysis runs, every contract file is written (``write_contract``
checks columns and offsets itself), every span points at its own text in a sentence that
exists, every actor an event names is in the actor table, timex values look like TIMEX3
values with ordered bounds, and the stakeholder analysis runs and its figures render. Each
input is parsed once.
"""
from __future__ import annotations

import re

import pytest

import io

import matplotlib
import matplotlib.pyplot as plt

from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.files.articles import Document, load_document, parse_metadata
from helpers.pipeline import annotate, outputs
from helpers.stakeholders.analysis import analyse_stakeholders
from helpers.views.stakeholder_figures import draw_grid, draw_network


matplotlib.use("Agg")

FIXTURES = sorted(p.stem for p in ARTICLES.glob("rb_*.txt"))

_WORDS = ("the minister said that the talks would continue next week while officials in "
          "Nairobi and Addis Ababa waited for the army to withdraw from the border towns and "
          "the United Nations asked both governments to let aid convoys reach the villages ").split()

PATHOLOGICAL = {
    "single_word": "Ceasefire",
    "no_punctuation": " ".join(_WORDS[i % len(_WORDS)] for i in range(2000)),
    "punctuation_digits": "... 2025 -- 17:30 !!! ?? 3.14 (42) [7] 1,000,000 ;;; 12/05/2024 ---",
    "windows_newlines": ("KABUL, Jan. 5 (Fixture Wire) — Officials met on Monday.\r\n\r\n"
                         "\"We agreed,\" said Mr. Ahmad Karimi.\r\nThe U.N. welcomed it last week."
                         "\r\n"),
    "tabs_blank_lines": ("Officials\tmet\tin Cairo on Tuesday.\n\n\n\n\t\tEgypt and Sudan "
                         "signed a deal.\n\n\n\t\nThey will meet again next month.\n\n"),
    "all_caps": ("IRAN AND IRAQ SIGNED A BORDER AGREEMENT ON SUNDAY. PRIME MINISTER ALI HASSAN "
                 "SAID THE DEAL WOULD TAKE EFFECT IN MARCH. THE U.N. WELCOMED IT."),
    "short_lines": "\n".join(f"Line {i}: Ms. Sara Cohen met officials in Paris on day {i}."
                             if i % 3 else f"Item {i}" for i in range(200)),
    "emoji_combining": ("President Zoe\u0308 Marti\u0301nez 🇫🇷 met envoys in Lyon 🤝 on "
                        "Friday. “Good talks 👍,” she said. Cafe\u0301 owners cheered 🎉. "
                        "The 👨‍👩‍👧 family fled."),
    "surrounding_whitespace": ("\n\n   \t Germany and France agreed on Monday to meet again "
                               "next week.  \n  Berlin said nothing.   \n\n\t "),
    "html_markup": ("<html><body><h1>Talks in Rome</h1><p>Italian Foreign Minister "
                    "<b>Marco Rossi</b> met <a href=\"https://x.example\">Greek officials</a> "
                    "on 3 March.</p><script>var x = 1 < 2 && 3 > 2;</script>"
                    "<p>They will meet again &amp; sign next month.</p></body></html>"),
}

POINT = (r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?(?:T[\dX]{2}(?::\d\d)?|T(?:MO|AF|EV|NI|DT))?"
         r"|(?:\d{4}|XXXX)-W(?:\d\d|XX)(?:-[1-7]|-WE)?"     # a week, a day of it, its weekend
         r"|(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4X])"         # a season, a quarter
         r"|\d{3}")                                      # a decade: 199 for the 1990s
TIMEX3_VALUE = re.compile(
    rf"(?:(?:{POINT})(?:/(?:{POINT}))?"                 # a point, or a range of two
    r"|P(?=[\dXT])(?:[\dX]+(?:\.\d+)?[YMWD])*(?:T(?:[\dX]+(?:\.\d+)?[HMS])+)?"
    r"|P[\dX]+(?:DE|CE)"
    r"|PAST_REF|PRESENT_REF|FUTURE_REF"
    r")")
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _document(key: str) -> Document:
    if key in PATHOLOGICAL:
        meta = parse_metadata({"dct": "2025-11-14"} if "caps" not in key else {},
                              doc_id=key, name=f"{key}.meta.json")
        return Document(doc_id=key, text=PATHOLOGICAL[key], meta=meta, path=ARTICLES / key)
    return load_document(key, seeds_dir=ARTICLES)


_CACHE: dict[str, annotate.Analysis] = {}


@pytest.fixture(scope="module")
def analysed():
    def get(key: str) -> annotate.Analysis:
        if key not in _CACHE:
            _CACHE[key] = annotate.analyse(_document(key))
        return _CACHE[key]
    yield get
    _CACHE.clear()


INPUTS = FIXTURES + sorted(PATHOLOGICAL)


def test_there_are_four_robustness_fixtures():
    assert len(FIXTURES) == 4
    assert sum((ARTICLES / f"{d}.meta.json").exists() for d in FIXTURES) == 3


@pytest.mark.parametrize("key", INPUTS)
def test_every_contract_file_is_written(analysed, key, tmp_path):
    written = outputs.write_contract(analysed(key), out_dir=tmp_path)
    assert sorted(written) == sorted(outputs.CONTRACT_FILES)
    assert all(path.is_file() for path in written.values())


@pytest.mark.parametrize("key", INPUTS)
def test_spans_point_at_their_text_in_a_known_sentence(analysed, key):
    analysis = analysed(key)
    text = analysis.text
    ids = {s.sentence_id for s in analysis.sentences}
    assert analysis.sentences, "a non-blank text has at least one sentence"
    for s in analysis.sentences:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
    for record in [*analysis.mentions, *analysis.timexes]:
        assert record.sentence_id in ids, record
        assert text[record.start:record.end] == record.text, record
        assert record.start < record.end
    for event in analysis.events:
        assert event.sentence_id in ids, event
        assert text[event.start:event.end] == event.trigger, event


@pytest.mark.parametrize("key", INPUTS)
def test_event_actors_are_in_the_actor_table(analysed, key):
    analysis = analysed(key)
    actors = {a.actor_id for a in analysis.actors}
    mentioned = {m.actor_id for m in analysis.mentions if m.actor_id}
    assert mentioned == actors
    for event in analysis.events:
        for actor_id in (event.source_actor, event.target_actor):
            assert not actor_id or actor_id in actors, (event, actor_id)
    assert all(a.actor_id == a.actor_id.strip() and a.actor_id for a in analysis.actors)
    assert len(actors) == len(analysis.actors)


@pytest.mark.parametrize("key", INPUTS)
def test_timex_values_are_timex3_values_with_ordered_bounds(analysed, key):
    for t in analysed(key).timexes:
        assert t.type in ("DATE", "TIME", "DURATION", "SET"), t
        assert TIMEX3_VALUE.fullmatch(t.value), t
        for bound in (t.earliest, t.latest):
            assert not bound or ISO_DAY.fullmatch(bound), t
        if t.earliest and t.latest:
            assert t.earliest <= t.latest, t
    for e in analysed(key).events:
        if e.earliest and e.latest:
            assert e.earliest <= e.latest, e


@pytest.mark.parametrize("key", INPUTS)
def test_the_stakeholder_analysis_runs_and_its_figures_render(analysed, key):
    report = analyse_stakeholders(outputs.stakeholder_tables(analysed(key)))
    assert set(report.stakeholders["actor_id"]) <= {a.actor_id for a in analysed(key).actors}
    for figure in (draw_network(report), draw_grid(report)):
        figure.savefig(io.BytesIO(), format="png")
        plt.close(figure)
