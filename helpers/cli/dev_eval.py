"""``make eval``: the collection's accuracy on the development set of real articles.

Runs the annotation (``helpers.pipeline.annotate.analyse``) and the raw spaCy model over every
article of ``data/dev/manifest.csv`` whose text is present and unchanged, and scores
both against the gold of ``data/dev/gold/`` (see ``docs/dev_set.md``):

- ``names``: named mentions of the actor labels, exact span and label, and overlap;
- ``linking``: B-cubed of the actor ids of gold mentions, within and across documents;
- ``timex``: detection (exact and overlapping span), then value and interval accuracy
  over the overlapping pairs (``helpers.evaluation.timexes``); the raw model's DATE and TIME
  entities for detection;
- ``events``: coded events as ``(sentence, source, CAMEO root, target)``; full-code and
  factuality accuracy over the matched ones;
- ``stance``: statements (sentence, actor, concept, agreement) in the manner of discourse
  network analysis, the central initiative named, and each actor's stance toward it
  (the system actors that stand for one gold actor taken together), on the articles
  with gold statements; and, on every article with at least three coded events, whether a
  central initiative is named with at least two actors' stances stated;
- ``merge``: gold same-event pairs (same root and actors in two articles of one
  ``event_group``) found merged in one row of the corpus timeline
  (``helpers.corpus.crossdoc.link_events``), and merged rows that join events the gold keeps
  apart.

Every figure is printed for the project and, for names and dates, for the raw model
in the same run; the last line is ``key=value`` pairs. Per-document errors go to
``build/eval/errors.md``.

Command line: ``python -m helpers.cli.dev_eval [--texts DIR] [--out DIR]``.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from helpers.config import ROOT, relative, spacy_model_name
from helpers.evaluation import dev_scores as ds
from helpers.evaluation.devset import (GOLD_DIR, MANIFEST, TEXTS_DIR, check_texts, gold_timexes,
                                       has_gold, load_dev_document, read_gold, read_manifest)
from helpers.evaluation.scores import Scores, scores
from helpers.evaluation.timexes import pairs, timex_errors
from helpers.files.records import Timex
from helpers.nlp.mentions import sentence_index
from helpers.nlp.model import load_model
from helpers.pipeline.annotate import analyse
from helpers.pipeline.outputs import stakeholder_tables
from helpers.stakeholders.analysis import analyse_stakeholders

OUT_DIR = ROOT / "build" / "eval"
TIMEX_LABELS = ("DATE", "TIME")


def _add(a: Scores, b: Scores) -> Scores:
    return Scores(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)


@dataclass
class Tally:
    """Counts summed over documents (micro-averages)."""

    names: Scores = Scores(0, 0, 0)
    names_overlap: Scores = Scores(0, 0, 0)
    raw_names: Scores = Scores(0, 0, 0)
    raw_names_overlap: Scores = Scores(0, 0, 0)
    timex: Scores = Scores(0, 0, 0)
    timex_overlap: Scores = Scores(0, 0, 0)
    raw_timex: Scores = Scores(0, 0, 0)
    raw_timex_overlap: Scores = Scores(0, 0, 0)
    timex_matched: int = 0
    timex_value: int = 0
    timex_interval: int = 0
    events: Scores = Scores(0, 0, 0)
    event_code: int = 0
    event_factuality: int = 0
    link_gold: dict = field(default_factory=dict)
    link_system: dict = field(default_factory=dict)
    link_within: list = field(default_factory=list)   # (items, p, r) per document
    statements: Scores = Scores(0, 0, 0)
    stance_right: int = 0
    stance_total: int = 0
    initiative_right: int = 0
    initiative_docs: int = 0
    covered: list = field(default_factory=list)   # doc ids with >= 3 events, said something
    uncovered: list = field(default_factory=list)


def _timex_scores(gold: list[Timex], system: list[Timex]) -> tuple[Scores, Scores, list]:
    exact = scores({(t.start, t.end) for t in gold}, {(t.start, t.end) for t in system})
    matched = pairs(gold, system)
    overlap = Scores(len(matched), len(system) - len(matched), len(gold) - len(matched))
    return exact, overlap, matched


def _raw_timexes(doc) -> list[Timex]:
    return [Timex(f"r{n}", 0, e.start_char, e.end_char, e.text, e.label_, "", "", "")
            for n, e in enumerate(doc.ents, 1) if e.label_ in TIMEX_LABELS]


def score_document(row: dict, tally: Tally, raw_nlp, report: list[str], *,
                   texts_dir: Path = TEXTS_DIR, gold_dir: Path = GOLD_DIR) -> dict:
    """Score one article into ``tally``; append its errors to ``report``; return its events.

    Raises :class:`helpers.devset.DevSetError` naming a gold file that is missing or wrong.
    """
    document = load_dev_document(row, texts_dir)
    text, doc_id = document.text, document.doc_id
    gold_ent = read_gold(doc_id, "entities", text=text, gold_dir=gold_dir)
    gold_tx = gold_timexes(read_gold(doc_id, "timexes", text=text, gold_dir=gold_dir))
    gold_ev = read_gold(doc_id, "events", text=text, gold_dir=gold_dir)
    analysis = analyse(document)
    raw = raw_nlp(text)
    mentions = [asdict(m) for m in analysis.mentions]
    gold_rows = gold_ent.to_dict("records")
    g_names, s_names = ds.name_spans(gold_rows), ds.name_spans(mentions)
    r_names = ds.name_spans({"start": e.start_char, "end": e.end_char, "label": e.label_}
                            for e in raw.ents)
    tally.names = _add(tally.names, scores(g_names, s_names))
    tally.names_overlap = _add(tally.names_overlap, ds.overlap_scores(g_names, s_names))
    tally.raw_names = _add(tally.raw_names, scores(g_names, r_names))
    tally.raw_names_overlap = _add(tally.raw_names_overlap, ds.overlap_scores(g_names, r_names))

    id_map = ds.actor_map(gold_ent, mentions)
    gold_link, system_link = ds.link_items(doc_id, gold_ent, mentions, id_map)
    tally.link_gold.update(gold_link)
    tally.link_system.update(system_link)
    tally.link_within.append((len(gold_link), *ds.b_cubed(gold_link, system_link)[:2]))

    exact, overlap, matched = _timex_scores(gold_tx, analysis.timexes)
    tally.timex, tally.timex_overlap = _add(tally.timex, exact), _add(tally.timex_overlap, overlap)
    tally.timex_matched += len(matched)
    tally.timex_value += sum(g.value == s.value for g, s in matched)
    tally.timex_interval += sum((g.earliest, g.latest) == (s.earliest, s.latest) for g, s in matched)
    raw_exact, raw_overlap, _ = _timex_scores(gold_tx, _raw_timexes(raw))
    tally.raw_timex = _add(tally.raw_timex, raw_exact)
    tally.raw_timex_overlap = _add(tally.raw_timex_overlap, raw_overlap)

    sentence_of = sentence_index(analysis.sentences)
    system_events = [asdict(e) for e in analysis.events]
    gold_keys = ds.event_keys(gold_ev.to_dict("records"), sentence_of=sentence_of)
    system_keys = ds.event_keys(system_events, sentence_of=sentence_of, id_map=id_map)
    hit = set(gold_keys) & set(system_keys)
    tally.events = _add(tally.events, scores(gold_keys, system_keys))
    tally.event_code += sum(gold_keys[k]["cameo_code"] == system_keys[k]["cameo_code"] for k in hit)
    tally.event_factuality += sum(gold_keys[k]["factuality"] == system_keys[k]["factuality"]
                                  for k in hit)

    positions: list[str] = []
    stake = analyse_stakeholders(stakeholder_tables(analysis), with_sensitivity=False)
    covered = ds.initiative_covered(stake.initiative, stake.stances, len(system_events))
    if covered is not None:
        (tally.covered if covered else tally.uncovered).append(doc_id)
    if has_gold(doc_id, "statements", gold_dir) and has_gold(doc_id, "stances", gold_dir):
        gold = tuple(read_gold(doc_id, kind, text=text, gold_dir=gold_dir)
                     for kind in ("statements", "stances"))
        _score_positions(stake, tally, positions, sentence_of=sentence_of, id_map=id_map,
                         gold=gold)
    report.append(f"\n## {doc_id}\n")
    report += [f"- name {kind}: {text[s:e]!r} {label} [{s}:{e}]"
               for kind, items in (("missed", g_names - s_names), ("spurious", s_names - g_names))
               for s, e, label in sorted(items)]
    report += [f"- timex {r.error}: gold {r.reference} / system {r.system}"
               for r in timex_errors(gold_tx, analysis.timexes).itertuples()]
    report += [f"- link: {text[i[1]:i[2]]!r} [{i[1]}:{i[2]}] gold {gold_link[i]} / system "
               f"{system_link.get(i, '(none)')} (its mentions mostly gold "
               f"{id_map.get(system_link.get(i, ''), '(none)')})" for i in sorted(gold_link)
               if id_map.get(system_link.get(i, ""), "") != gold_link[i]]
    for kind, keys, table in (("missed", set(gold_keys) - hit, gold_keys),
                              ("spurious", set(system_keys) - hit, system_keys)):
        report += [f"- event {kind}: s{k[0]} {table[k]['trigger']!r} {table[k]['cameo_code']} "
                   f"{k[2]} -> {k[3]}" for k in sorted(keys)]
    report += [f"- event factuality: s{k[0]} {gold_keys[k]['trigger']!r} gold "
               f"{gold_keys[k]['factuality']} / system {system_keys[k]['factuality']}"
               for k in sorted(hit) if gold_keys[k]["factuality"] != system_keys[k]["factuality"]]
    report += positions
    return {"doc_id": doc_id, "outlet": row["outlet"], "gold_keys": gold_keys,
            "system_keys": system_keys, "events": system_events}


def _score_positions(result, tally: Tally, report: list[str], *, sentence_of, id_map: dict,
                     gold: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Statements (sentence, actor, concept, agreement) and stances toward the central initiative."""
    gold_statements, gold_stances = gold
    g = ds.statement_keys(gold_statements.to_dict("records"), sentence_of=sentence_of)
    s = ds.statement_keys(result.statements.to_dict("records"), id_map=id_map)
    tally.statements = _add(tally.statements, scores(g, s))
    right, total = ds.stance_hits(gold_stances, dict(zip(result.stances.actor_id,
                                                         result.stances.stance)), id_map)
    tally.stance_right, tally.stance_total = tally.stance_right + right, tally.stance_total + total
    gold_initiative = gold_stances.concept.iloc[0].lower() if len(gold_stances) else ""
    tally.initiative_docs += 1
    tally.initiative_right += (result.initiative or "").lower() == gold_initiative
    report.append(f"- central initiative: gold {gold_initiative!r} / system {result.initiative!r}")
    report += [f"- statement {kind}: s{k[0]} {k[1]} {k[2]} {k[3]:+d}"
               for kind, keys in (("missed", g - s), ("spurious", s - g)) for k in sorted(keys)]


def _prf(s: Scores) -> str:
    return f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})"


def _ratio(n: int, d: int) -> float:
    return round(n / d, 3) if d else 0.0


def summary(t: Tally, docs: int, merge: tuple[int, int, int, int]) -> list[str]:
    """The printed lines; the last one ``key=value`` pairs."""
    items = sum(n for n, _, _ in t.link_within)
    within_p = sum(n * p for n, p, _ in t.link_within) / items if items else 0.0
    within_r = sum(n * r for n, _, r in t.link_within) / items if items else 0.0
    within_f = 2 * within_p * within_r / (within_p + within_r) if within_p + within_r else 0.0
    across = ds.b_cubed(t.link_gold, t.link_system)
    pairs_gold, pairs_merged, rows, wrong = merge
    lines = [
        f"documents scored: {docs}",
        f"names    project exact   {_prf(t.names)}",
        f"names    raw     exact   {_prf(t.raw_names)}",
        f"names    project overlap {_prf(t.names_overlap)}",
        f"names    raw     overlap {_prf(t.raw_names_overlap)}",
        f"linking  project B3 within  P={within_p:.3f} R={within_r:.3f} F1={within_f:.3f} "
        f"(mentions={items})",
        f"linking  project B3 across  P={across[0]:.3f} R={across[1]:.3f} F1={across[2]:.3f}",
        f"timex    project detection exact   {_prf(t.timex)}",
        f"timex    raw     detection exact   {_prf(t.raw_timex)}",
        f"timex    project detection overlap {_prf(t.timex_overlap)}",
        f"timex    raw     detection overlap {_prf(t.raw_timex_overlap)}",
        f"timex    project value acc={_ratio(t.timex_value, t.timex_matched):.3f} interval "
        f"acc={_ratio(t.timex_interval, t.timex_matched):.3f} (matched={t.timex_matched})",
        f"events   project coded {_prf(t.events)}",
        f"events   project code acc={_ratio(t.event_code, t.events.tp):.3f} factuality "
        f"acc={_ratio(t.event_factuality, t.events.tp):.3f} (matched={t.events.tp})",
        f"stance   project statements {_prf(t.statements)}",
        f"stance   project central initiative named {t.initiative_right}/{t.initiative_docs}; "
        f"stance acc={_ratio(t.stance_right, t.stance_total):.3f} (actors={t.stance_total})",
        f"stance   project articles with >= 3 coded events, an initiative and >= 2 stated stances "
        f"{len(t.covered)}/{len(t.covered) + len(t.uncovered)}; not: {' '.join(t.uncovered)}",
        f"merge    project same-event pairs merged {pairs_merged}/{pairs_gold} "
        f"(recall={_ratio(pairs_merged, pairs_gold):.3f}); merged rows across articles {rows}, "
        f"joining different events {wrong}",
    ]
    pairs = {"docs": docs, "names_f1": t.names.f1, "names_f1_raw": t.raw_names.f1,
             "names_overlap_f1": t.names_overlap.f1, "names_overlap_f1_raw": t.raw_names_overlap.f1,
             "link_b3_within": within_f, "link_b3_across": across[2],
             "timex_f1": t.timex_overlap.f1, "timex_f1_raw": t.raw_timex_overlap.f1,
             "timex_exact_f1": t.timex.f1, "timex_exact_f1_raw": t.raw_timex.f1,
             "timex_value_acc": _ratio(t.timex_value, t.timex_matched),
             "timex_interval_acc": _ratio(t.timex_interval, t.timex_matched),
             "event_f1": t.events.f1, "event_code_acc": _ratio(t.event_code, t.events.tp),
             "factuality_acc": _ratio(t.event_factuality, t.events.tp),
             "statement_f1": t.statements.f1,
             "stance_acc": _ratio(t.stance_right, t.stance_total),
             "merge_recall": _ratio(pairs_merged, pairs_gold), "merge_pairs": pairs_gold,
             "merge_rows_wrong": wrong}
    lines.append(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in pairs.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Score every present development article; print the figures; exit 1 if none could be."""
    parser = argparse.ArgumentParser(prog="python -m helpers.cli.dev_eval",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--texts", type=Path, default=TEXTS_DIR)
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    manifest = read_manifest(args.manifest)
    status = {c.doc_id: c for c in check_texts(manifest, args.texts)}
    raw_nlp = load_model(spacy_model_name())
    tally, report, results = Tally(), ["# Development-set errors"], []
    for row in manifest.to_dict("records"):
        check = status[row["doc_id"]]
        if check.status != "ok":
            print(f"skipped {row['doc_id']}: text {check.status} ({check.detail})", file=sys.stderr)
            continue
        results.append(score_document(row, tally, raw_nlp, report, texts_dir=args.texts,
                                      gold_dir=args.gold))
    groups = dict(zip(manifest.doc_id, manifest.event_group))
    lines = summary(tally, len(results), ds.merge_scores(results, groups))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "errors.md").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(lines[:-1]))
    print(f"errors per document: {relative(args.out / 'errors.md')}")
    print(lines[-1])
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
