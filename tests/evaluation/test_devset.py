"""The development-set tooling: manifest and text checks, gold reading, scores, the eval command."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import dev_eval
from helpers.cli.devset import main as check_command
from helpers.evaluation import dev_scores, devset

FIXTURE = Path(__file__).parent.parent / "devset_fixture"


def test_check_texts_reports_ok_missing_and_differing(tmp_path):
    texts = tmp_path / "texts"
    shutil.copytree(FIXTURE / "texts", texts)
    manifest = devset.read_manifest(FIXTURE / "manifest.csv")
    assert {c.status for c in devset.check_texts(manifest, texts)} == {"ok"}
    (texts / "fx02_paper_talks.txt").unlink()
    with open(texts / "fx01_wire_talks.txt", "a", encoding="utf-8") as handle:
        handle.write("One more line.\n")
    status = {c.doc_id: c.status for c in devset.check_texts(manifest, texts)}
    assert status == {"fx01_wire_talks": "differs", "fx02_paper_talks": "missing"}


def test_check_command_exit_code(tmp_path, capsys):
    args = ["check", "--manifest", str(FIXTURE / "manifest.csv")]
    assert check_command(args + ["--texts", str(FIXTURE / "texts")]) == 0
    assert check_command(args + ["--texts", str(tmp_path)]) == 1
    assert "fx01_wire_talks,missing" in capsys.readouterr().out


def test_manifest_errors_name_the_file(tmp_path):
    bad = tmp_path / "manifest.csv"
    bad.write_text("doc_id,outlet\na,b\n", encoding="utf-8")
    with pytest.raises(devset.DevSetError, match="manifest.csv: missing columns"):
        devset.read_manifest(bad)
    with pytest.raises(devset.DevSetError, match="manifest is missing"):
        devset.read_manifest(tmp_path / "absent.csv")


def test_gold_offsets_are_checked(tmp_path):
    shutil.copy(FIXTURE / "gold" / "fx02_paper_talks.entities.csv", tmp_path)
    text = (FIXTURE / "texts" / "fx02_paper_talks.txt").read_text(encoding="utf-8")
    assert len(devset.read_gold("fx02_paper_talks", "entities", text=text, gold_dir=tmp_path)) == 7
    with pytest.raises(devset.DevSetError, match="offsets 0-8 give"):
        devset.read_gold("fx02_paper_talks", "entities", text="X" + text, gold_dir=tmp_path)
    with pytest.raises(devset.DevSetError, match="gold file missing"):
        devset.read_gold("fx02_paper_talks", "events", text=text, gold_dir=tmp_path)


def test_metadata_of_a_row_without_metadata_has_no_dct():
    row = {"doc_id": "x", "metadata": "no", "dct": "2025-01-01", "published": "2025-01-01"}
    assert devset.metadata_of(row).dct is None
    row["metadata"] = "yes"
    assert devset.metadata_of(row).dct == "2025-01-01"


@pytest.mark.parametrize("gold, system, expected", [
    ({"a": 1, "b": 1}, {"a": "x", "b": "x"}, (1.0, 1.0, 1.0)),
    ({"a": 1, "b": 1}, {}, (1.0, 0.5, 0.667)),
    ({"a": 1, "b": 2}, {"a": "x", "b": "x"}, (0.5, 1.0, 0.667)),
    ({}, {}, (0.0, 0.0, 0.0)),
])
def test_b_cubed(gold, system, expected):
    assert dev_scores.b_cubed(gold, system) == expected


def test_actor_map_follows_the_mentions_and_events_are_keyed_in_gold_ids():
    gold = pd.DataFrame({"start": [0, 10], "end": [5, 16], "actor_id": ["kenya", "uganda"]})
    mentions = [{"start": 0, "end": 5, "actor_id": "ken"}, {"start": 10, "end": 16, "actor_id": "uga"}]
    id_map = dev_scores.actor_map(gold, mentions)
    assert id_map == {"ken": "kenya", "uga": "uganda"}
    rows = [{"start": 3, "cameo_code": "163", "source_actor": "ken", "target_actor": "uga"},
            {"start": 3, "cameo_code": "", "source_actor": "ken", "target_actor": "uga"}]
    keys = dev_scores.event_keys(rows, sentence_of=lambda offset: 1, id_map=id_map)
    assert list(keys) == [(1, "16", "kenya", "uganda")]


def test_a_mention_of_two_actors_pairs_them_by_who_they_stand_for_not_by_spelling():
    # 'Ghana' and 'Ivory Coast' each named, then 'the two countries' referring to both;
    # the system spells one id differently from the gold, and links every mention right.
    gold = pd.DataFrame({"start": [0, 10, 30, 30], "end": [5, 21, 47, 47],
                         "actor_id": ["ghana", "cote_d_ivoire", "ghana", "cote_d_ivoire"]})
    mentions = [{"start": 0, "end": 5, "actor_id": "ghana"},
                {"start": 10, "end": 21, "actor_id": "ivory_coast"},
                {"start": 30, "end": 47, "actor_id": "ghana"},
                {"start": 30, "end": 47, "actor_id": "ivory_coast"}]
    id_map = dev_scores.actor_map(gold, mentions)
    gold_link, system_link = dev_scores.link_items("d", gold, mentions, id_map)
    assert dev_scores.b_cubed(gold_link, system_link) == (1.0, 1.0, 1.0)
    # a wrong link still costs: the second mention linked to Ghana
    mentions[1] = {"start": 10, "end": 21, "actor_id": "ghana"}
    gold_link, system_link = dev_scores.link_items("d", gold, mentions,
                                                   dev_scores.actor_map(gold, mentions))
    assert dev_scores.b_cubed(gold_link, system_link)[0] < 1.0


def test_same_event_pairs_need_the_same_group_and_tuple():
    keys = {"a": {(1, "04", "x", "y"): {}}, "b": {(3, "04", "x", "y"): {}, (4, "11", "x", "y"): {}},
            "c": {(1, "04", "x", "y"): {}}}
    pairs = dev_scores.gold_same_event_pairs(keys, {"a": "g1", "b": "g1", "c": ""})
    assert pairs == {(("a", (1, "04", "x", "y")), ("b", (3, "04", "x", "y")))}


def test_eval_command_scores_project_and_raw_model(tmp_path, capsys):
    code = dev_eval.main(["--manifest", str(FIXTURE / "manifest.csv"), "--texts",
                          str(FIXTURE / "texts"), "--gold", str(FIXTURE / "gold"),
                          "--out", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    figures = dict(pair.split("=") for pair in out[-1].split())
    assert figures["docs"] == "2" and figures["merge_pairs"] == "1"
    for key in ("names_f1", "names_f1_raw", "link_b3_within", "link_b3_across", "timex_f1", "stance_acc",
                "timex_f1_raw", "timex_value_acc", "event_f1", "factuality_acc", "merge_recall"):
        assert 0.0 <= float(figures[key]) <= 1.0
    assert any(line.startswith("names    raw     exact") for line in out)
    assert (tmp_path / "errors.md").read_text(encoding="utf-8").count("\n## ") == 2


def test_statement_keys_compare_gold_offsets_with_the_systems_statement_rows():
    gold = [{"start": 12, "actor_id": "kenya", "concept": "Ceasefire", "agreement": "1"},
            {"start": 30, "actor_id": "kenya", "concept": "uganda", "agreement": "-1"}]
    system = [{"sentence_id": 2, "actor_id": "ken", "concept": "ceasefire", "agreement": 1},
              {"sentence_id": 2, "actor_id": "ken", "concept": "war", "agreement": -1},
              {"sentence_id": 2, "actor_id": "ken", "concept": "uga", "agreement": -1}]
    g = dev_scores.statement_keys(gold, sentence_of=lambda offset: 2)
    s = dev_scores.statement_keys(system, id_map={"ken": "kenya", "uga": "uganda"})
    assert g == {(2, "kenya", "ceasefire", 1), (2, "kenya", "uganda", -1)}
    assert s - g == {(2, "kenya", "war", -1)}


def test_stance_hits_count_an_actor_the_system_lacks_as_not_stated():
    gold = pd.DataFrame({"actor_id": ["kenya", "uganda", "rwanda"],
                         "stance": ["support", "not_stated", "oppose"]})
    assert dev_scores.stance_hits(gold, {"ken": "support", "rwa": "support"},
                                  {"ken": "kenya", "rwa": "rwanda"}) == (2, 3)


def test_stance_hits_take_the_system_actors_of_one_gold_actor_together():
    gold = pd.DataFrame({"actor_id": ["kenya", "uganda"], "stance": ["support", "mixed"]})
    system = {"ken": "support", "kenya_2": "not_stated", "uga": "support", "uga_2": "oppose"}
    id_map = {"ken": "kenya", "kenya_2": "kenya", "uga": "uganda", "uga_2": "uganda"}
    assert dev_scores.stance_hits(gold, system, id_map) == (2, 2)
    assert dev_scores.stance_hits(gold, {"ken": "oppose", "kenya_2": "not_stated"}, id_map) == (0, 2)
