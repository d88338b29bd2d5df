"""The command line of the Dask corpus run: ``python -m helpers.distributed``.

    python -m helpers.distributed SRC_DIR OUT_DIR [--address tcp://HOST:8786]
        [--scheduler processes] [--workers N] [--partition-size N]
    python -m helpers.distributed bench [--n 5000] [--small 1000]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from helpers.cli import corpus_bench
from helpers.corpus.distributed import SCHEDULERS, annotate_directory
from helpers.files.stale import remove_stale
from helpers.pipeline.outputs import CONTRACT_FILES


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: annotate a directory (exit status 1 if any article failed), or ``bench``.

    Output folders of articles no longer in SRC_DIR, or that failed, are removed,
    so OUT_DIR matches SRC_DIR; a failed article is listed with its error.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["bench"], ["bench-run"]):
        return corpus_bench.main(argv)
    parser = argparse.ArgumentParser(prog="python -m helpers.distributed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src_dir", type=Path, help="directory of <doc_id>.txt (+ .meta.json)")
    parser.add_argument("out_dir", type=Path, help="contract files go to OUT_DIR/<doc_id>/")
    parser.add_argument("--address", help="Dask scheduler address, e.g. tcp://127.0.0.1:8786")
    parser.add_argument("--scheduler", choices=SCHEDULERS, default="processes",
                        help="local scheduler when no --address is given (default: processes)")
    parser.add_argument("--workers", type=int, help="local worker processes/threads")
    parser.add_argument("--partition-size", type=int, default=100, help="articles per task")
    parser.add_argument("--summary", type=Path, help="also write the summaries to this CSV")
    parser.add_argument("--annotation-only", action="store_true",
                        help="skip relations.csv and stakeholders.csv (about 3x faster)")
    args = parser.parse_args(argv)
    if not args.src_dir.is_dir():
        parser.error(f"{args.src_dir}: no such directory")
    names = [n for n in CONTRACT_FILES if n not in ("relations", "stakeholders", "statements")] \
        if args.annotation_only else None
    summary = annotate_directory(args.src_dir, args.out_dir, scheduler=args.scheduler,
                                 client_address=args.address, workers=args.workers,
                                 partition_size=args.partition_size, names=names)
    if args.summary:
        summary.to_csv(args.summary, index=False, lineterminator="\n")
    failed = summary[summary["status"] == "error"]
    written = summary.loc[summary["status"] == "ok", "doc_id"]
    removed = remove_stale(args.out_dir, written) if len(summary) else []
    print(f"annotated {len(written)} of {len(summary)} articles into {args.out_dir}")
    for folder in removed:
        print(f"  removed {args.out_dir / folder.name}: no such article in {args.src_dir}")
    for doc_id, error in zip(failed["doc_id"], failed["error"]):
        print(f"  failed {doc_id}: {error}")
    if len(failed):
        print(f"exit status 1: {len(failed)} of {len(summary)} articles failed (listed above); "
              f"{len(written)} written")
    return 1 if len(failed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
