"""Annotating a directory through Dask: the same contract files as one process, bad files reported."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from distributed import LocalCluster

from helpers.cli.distributed import main
from helpers.config import FIXTURES_DIR as ARTICLES
from helpers.corpus.distributed import annotate_directory, annotate_partition, article_paths
from helpers.corpus.progress import Progress
from helpers.files.articles import CorpusError, load_document, read_text
from helpers.files.contract import COLUMNS
from helpers.pipeline import annotate, outputs

GOOD = ("t01_kenya_border", "t02_beirut_hakim", "t03_andes_trade", "t04_seoul_talks_a",
        "t05_seoul_talks_b")
BROKEN = {"t03_zz_binary": b"\x00\x01\x02 not text",          # sorts between good articles
          "zz_latin1": "Café talks in Lyon.".encode("latin-1"),
          "zz_empty": b""}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The good fixtures (text and metadata) and the broken files, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for doc_id in GOOD:
        for path in ARTICLES.glob(f"{doc_id}.*"):
            shutil.copy(path, folder / path.name)
    for doc_id, data in BROKEN.items():
        (folder / f"{doc_id}.txt").write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    """The reference: every good article written by ``pipeline.write_contract`` in this process."""
    out = tmp_path_factory.mktemp("single")
    for doc_id in GOOD:
        analysis = annotate.analyse(load_document(doc_id, seeds_dir=ARTICLES))
        outputs.write_contract(analysis, out_dir=out / doc_id)
    return out


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def on_cluster(corpus, cluster, tmp_path_factory):
    out = tmp_path_factory.mktemp("cluster")
    summary = annotate_directory(corpus, out, client_address=cluster.scheduler_address,
                                 partition_size=3, progress=False)
    return out, summary


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_cluster_writes_the_same_contract_files_as_one_process(on_cluster, single):
    out, _ = on_cluster
    assert sorted(p.name for p in out.iterdir()) == list(GOOD)
    assert files(out) == files(single)


def test_every_contract_file_of_every_article_is_written(on_cluster):
    out, _ = on_cluster
    for doc_id in GOOD:
        written = {p.name for p in (out / doc_id).iterdir()}
        assert {f"{name}.csv" for name in COLUMNS} | {f"{doc_id}.ann", f"{doc_id}.txt"} == written


def test_annotation_only_skips_the_stakeholder_tables(corpus, tmp_path):
    names = [n for n in outputs.CONTRACT_FILES if n not in ("relations", "stakeholders")]
    annotate_directory(corpus, tmp_path, scheduler="sync", names=names, progress=False)
    written = {p.name for p in (tmp_path / GOOD[0]).iterdir()}
    assert "events.csv" in written and "relations.csv" not in written
    assert "stakeholders.csv" not in written


def test_the_local_process_scheduler_writes_the_same_files(corpus, single, tmp_path):
    annotate_directory(corpus, tmp_path, scheduler="processes", workers=2, partition_size=4,
                       progress=False)
    assert files(tmp_path) == files(single)


def test_every_article_has_one_summary_row_in_doc_id_order(on_cluster):
    _, summary = on_cluster
    assert summary["doc_id"].tolist() == sorted([*GOOD, *BROKEN])
    assert set(summary.loc[summary["doc_id"].isin(GOOD), "status"]) == {"ok"}


def test_summary_counts_are_those_of_the_contract_files(on_cluster):
    out, summary = on_cluster
    row = summary.set_index("doc_id").loc["t04_seoul_talks_a"]
    lines = (out / "t04_seoul_talks_a" / "sentences.csv").read_text(encoding="utf-8").splitlines()
    assert row["sentences"] == len(lines) - 1


@pytest.mark.parametrize("doc_id", sorted(BROKEN))
def test_a_broken_file_is_reported_with_its_corpus_error_message(on_cluster, corpus, doc_id):
    out, summary = on_cluster
    with pytest.raises(CorpusError) as raised:
        read_text(corpus / f"{doc_id}.txt")
    row = summary.set_index("doc_id").loc[doc_id]
    assert (row["status"], row["error"], row["events"]) == ("error", str(raised.value), 0)
    assert not (out / doc_id).exists()


def test_an_article_that_breaks_the_stream_costs_no_other(corpus, tmp_path, monkeypatch):
    original = annotate.annotate_parsed

    def failing(document, doc):
        if document.doc_id == "t02_beirut_hakim":
            raise RuntimeError("layer failed")
        return original(document, doc)

    monkeypatch.setattr(annotate, "annotate_parsed", failing)
    rows = {r["doc_id"]: r for r in annotate_partition(article_paths(corpus), str(tmp_path))}
    assert rows["t02_beirut_hakim"]["error"] == "RuntimeError: layer failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(GOOD) - {"t02_beirut_hakim"})


def test_an_empty_directory_gives_an_empty_summary(tmp_path):
    assert annotate_directory(tmp_path, tmp_path / "out", scheduler="sync").empty


def test_an_unknown_scheduler_is_refused_by_name(corpus, tmp_path):
    with pytest.raises(ValueError, match="'cluster'"):
        annotate_directory(corpus, tmp_path, scheduler="cluster")


def test_the_command_line_lists_each_failure_and_exits_with_status_1(corpus, tmp_path, capsys):
    status = main([str(corpus), str(tmp_path / "out"), "--scheduler", "sync",
                   "--summary", str(tmp_path / "summary.csv")])
    printed = capsys.readouterr().out
    assert status == 1
    assert f"annotated {len(GOOD)} of {len(GOOD) + len(BROKEN)} articles" in printed
    assert all(f"failed {doc_id}: {doc_id}.txt: " in printed for doc_id in BROKEN)
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8").startswith("doc_id,status,")


def test_outside_a_notebook_the_progress_bar_writes_to_the_file_given(tmp_path):
    with open(tmp_path / "bar.txt", "w", encoding="utf-8") as out:
        assert list(Progress(["a", "é"], total=2, desc="articles", file=out)) == ["a", "é"]
    assert "articles: 100%" in (tmp_path / "bar.txt").read_text(encoding="utf-8")


def test_the_command_line_removes_outputs_of_articles_gone_or_now_failing_and_nothing_else(
        tmp_path, capsys):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for path in ARTICLES.glob(f"{GOOD[3]}.*"):
        shutil.copy(path, src / path.name)
    (src / "zz_empty.txt").write_bytes(BROKEN["zz_empty"])
    for doc_id in ("gone_article", "zz_empty"):            # written by an earlier run
        (out / doc_id).mkdir(parents=True)
        (out / doc_id / "events.csv").write_text("event_id\n", encoding="utf-8")
        (out / doc_id / f"{doc_id}.ann").write_text("", encoding="utf-8")
    (out / "notes").mkdir()
    (out / "notes" / "todo.md").write_text("not a contract file", encoding="utf-8")
    status = main([str(src), str(out), "--scheduler", "sync"])
    printed = capsys.readouterr().out.strip().splitlines()
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == ["notes", GOOD[3]]
    assert f"  removed {out / 'gone_article'}: no such article in {src}" in printed
    assert printed[-1] == "exit status 1: 1 of 2 articles failed (listed above); 1 written"


def test_a_missing_source_directory_is_refused_before_anything_is_removed(tmp_path, capsys):
    (tmp_path / "out" / "a").mkdir(parents=True)
    with pytest.raises(SystemExit):
        main([str(tmp_path / "no_such_dir"), str(tmp_path / "out")])
    assert "no_such_dir: no such directory" in capsys.readouterr().err
    assert (tmp_path / "out" / "a").is_dir()
