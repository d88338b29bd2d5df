"""Benchmark: the Dask path beside the single-process path, and memory as the corpus grows.

``python -m helpers.distributed bench [--n 5000] [--small 1000] [--workers 2]`` writes
corpora of ``--small`` and ``--n`` articles (the seeds and the test articles,
repeated with distinct ids) to a temporary directory, then annotates each twice,
writing every contract file: through Dask (local ``processes`` scheduler,
``--workers`` processes) and in one process (``analyse_many``, the same
partition function without Dask). Each run is a fresh interpreter, so its peak
memory (``getrusage`` maxrss of the process and of its largest child) is its own.
Times include loading the model (once per worker). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

from helpers.cli.bench import bench_corpus
from helpers.config import spacy_model_name
from helpers.corpus.distributed import annotate_directory, annotate_partition, article_paths


def write_corpus(n: int, folder: Path) -> Path:
    """Write at least ``n`` articles (text and metadata, distinct ids) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, doc in enumerate(bench_corpus(n)):
        doc_id = f"{number:06d}_{doc.meta.doc_id}"     # id order mixes long and short articles
        (folder / f"{doc_id}.txt").write_bytes(doc.text.encode("utf-8"))
        meta = doc.path.parent / f"{doc.meta.doc_id}.meta.json"
        if meta.exists():
            data = {**json.loads(meta.read_text(encoding="utf-8")), "doc_id": doc_id}
            (folder / f"{doc_id}.meta.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def run_once(path: str, src: Path, out: Path, *, workers: int, partition_size: int) -> dict:
    """Annotate ``src`` into ``out`` by one path ('dask' or 'single'); time and peak memory."""
    start = time.perf_counter()
    if path == "dask":
        summary = annotate_directory(src, out, scheduler="processes", workers=workers,
                                     partition_size=partition_size, progress=False)
        articles, failed = len(summary), int((summary["status"] == "error").sum())
    else:
        rows = annotate_partition(article_paths(src), str(out))
        articles, failed = len(rows), sum(r["status"] == "error" for r in rows)
    seconds = time.perf_counter() - start
    kib = {who: resource.getrusage(getattr(resource, f"RUSAGE_{who.upper()}")).ru_maxrss
           for who in ("self", "children")}
    return {"path": path, "articles": articles, "failed": failed, "seconds": seconds,
            "docs_per_s": articles / seconds, "peak_main_mib": kib["self"] / 1024,
            "peak_child_mib": kib["children"] / 1024}


def measure(path: str, src: Path, out: Path, *, workers: int, partition_size: int) -> dict:
    """:func:`run_once` in a fresh interpreter (so peak memory is this run's alone)."""
    command = [sys.executable, "-m", "helpers.distributed", "bench-run", path, str(src), str(out),
               "--workers", str(workers), "--partition-size", str(partition_size)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: list[dict], *, workers: int) -> list[str]:
    """The printed lines: one per run, then memory at the smallest and largest corpus."""
    lines = [f"{'articles':>8}  {'path':<22}{'seconds':>8}{'docs/s':>9}"
             f"{'peak RSS main':>15}{'peak RSS worker':>17}"]
    for r in results:
        label = f"dask ({workers} processes)" if r["path"] == "dask" else "single process"
        worker = f"{r['peak_child_mib']:.0f} MiB" if r["path"] == "dask" else "-"
        lines.append(f"{r['articles']:>8}  {label:<22}{r['seconds']:>8.1f}{r['docs_per_s']:>9.1f}"
                     f"{r['peak_main_mib']:>11.0f} MiB{worker:>17}")
    for path, key in (("single", "peak_main_mib"), ("dask", "peak_child_mib")):
        runs = sorted((r for r in results if r["path"] == path), key=lambda r: r["articles"])
        if len(runs) > 1:
            first, last = runs[0], runs[-1]
            lines.append(f"memory as the corpus grows ({path}, "
                         f"{'main process' if path == 'single' else 'largest worker'}): "
                         f"{first['articles']} articles {first[key]:.0f} MiB -> "
                         f"{last['articles']} articles {last[key]:.0f} MiB "
                         f"({(last[key] / first[key] - 1) * 100:+.1f}%)")
    return lines


def main(argv: Sequence[str]) -> int:
    """``bench`` (print the figures) or ``bench-run`` (one measured run, JSON on stdout)."""
    parser = argparse.ArgumentParser(prog="python -m helpers.distributed bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["bench", "bench-run"])
    parser.add_argument("run", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=5000, help="articles in the large corpus")
    parser.add_argument("--small", type=int, default=1000, help="articles in the small corpus")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--partition-size", type=int, default=100, help="articles per task")
    args = parser.parse_args(argv)
    if args.command == "bench-run":
        path, src, out = args.run
        print(json.dumps(run_once(path, Path(src), Path(out), workers=args.workers,
                                  partition_size=args.partition_size)))
        return 0
    print(f"Dask path vs single process: model={spacy_model_name()}, every contract file written")
    results = []
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        for n in sorted({args.small, args.n}):
            src = write_corpus(n, Path(tmp) / f"articles_{n}")
            for path in ("dask", "single"):
                results.append(measure(path, src, Path(tmp) / f"out_{path}_{n}",
                                       workers=args.workers, partition_size=args.partition_size))
                print(f"  ran {path} on {n} articles: {results[-1]['seconds']:.1f} s",
                      file=sys.stderr)
    print("\n".join(report(results, workers=args.workers)))
    return 0
