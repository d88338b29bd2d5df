"""Benchmarks, run by ``make bench``: figures are printed, never asserted by tests.

Annotation throughput: the same corpus (the seed and the test articles,
repeated to at least ``--n`` articles) is parsed by raw ``nlp.pipe`` of the
configured model and annotated by the whole annotation layer
(:func:`helpers.pipeline.annotate.analyse_many`), alternately, in the same process.
The best of ``--repeats`` runs of each is kept, and the ratio of annotation to
raw throughput is printed as ``ratio=0.NNN`` (the goal is at least 0.8; three places, so
that a ratio just under the goal is never rounded up to it). The
ratio is computed on the CPU time of this process, which other work on the
machine does not inflate; wall-clock figures are printed beside it.
"""
from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace
from typing import Callable, Sequence

from helpers.config import FIXTURES_DIR, SEEDS_DIR, spacy_model_name
from helpers.files.articles import Document, load_corpus
from helpers.nlp.model import get_nlp, load_model
from helpers.pipeline.annotate import analyse_many


def bench_corpus(n: int) -> list[Document]:
    """At least ``n`` articles: the seeds and the test articles, repeated with distinct ids."""
    base = load_corpus(SEEDS_DIR) + load_corpus(FIXTURES_DIR)
    return [replace(doc, doc_id=f"{doc.doc_id}__{i // len(base)}")
            for i, doc in enumerate(base * (-(-n // len(base))))][:max(n, len(base))]


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], int]) -> tuple[float, float]:
    """Run ``run`` and return (wall-clock seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def annotation_benchmark(n: int = 1000, *, repeats: int = 3, batch_size: int = 64) -> dict:
    """Throughput of raw ``nlp.pipe`` and of the annotation layer over the same texts."""
    docs = bench_corpus(n)
    texts = [d.text for d in docs]
    raw_nlp = load_model(spacy_model_name())
    get_nlp()  # build the collection's pipeline before timing
    analyse_many(docs[:8]).__next__()

    def raw() -> int:
        return sum(1 for _ in raw_nlp.pipe(texts, batch_size=batch_size))

    def annotated() -> int:
        return sum(1 for _ in analyse_many(docs, batch_size=batch_size))

    raw_t, ann_t = [], []
    for _ in range(repeats):
        raw_t.append(timed(raw))
        ann_t.append(timed(annotated))
    n_docs = len(docs)
    raw_cpu, ann_cpu = min(c for _, c in raw_t), min(c for _, c in ann_t)
    raw_wall, ann_wall = min(w for w, _ in raw_t), min(w for w, _ in ann_t)
    return {"articles": n_docs, "characters": sum(map(len, texts)),
            "raw_docs_per_s": n_docs / raw_cpu, "annotated_docs_per_s": n_docs / ann_cpu,
            "ratio": raw_cpu / ann_cpu, "raw_cpu_s": raw_cpu, "annotated_cpu_s": ann_cpu,
            "raw_wall_s": raw_wall, "annotated_wall_s": ann_wall,
            "wall_ratio": raw_wall / ann_wall, "peak_rss_mib": peak_rss_mib()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.cli.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    r = annotation_benchmark(args.n, repeats=args.repeats)
    print(f"annotation benchmark: model={spacy_model_name()} articles={r['articles']} "
          f"characters={r['characters']:,}")
    for label, key in (("raw nlp.pipe", "raw"), ("annotation layer", "annotated")):
        print(f"  {label:<17} {r[key + '_docs_per_s']:8.1f} docs/s of CPU  (best of "
              f"{args.repeats}: {r[key + '_cpu_s']:.2f} s CPU, {r[key + '_wall_s']:.2f} s wall)")
    print(f"  ratio={r['ratio']:.3f}  (CPU time; goal >= 0.800; wall-clock ratio "
          f"{r['wall_ratio']:.3f})")
    print(f"  peak_rss={r['peak_rss_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
