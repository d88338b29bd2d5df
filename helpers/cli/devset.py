"""``python -m helpers.cli.devset check``: which development-set texts are missing or differ
from the manifest (``helpers.evaluation.devset``); exit status 1 if any."""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from helpers.evaluation.devset import MANIFEST, TEXTS_DIR, DevSetError, check_texts, read_manifest


def main(argv: list[str] | None = None) -> int:
    """``check``: report texts missing or differing from the manifest; exit 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m helpers.cli.devset",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--texts", type=Path, default=TEXTS_DIR, help="folder of <doc_id>.txt")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    try:
        manifest = read_manifest(args.manifest)
    except DevSetError as exc:
        print(exc, file=sys.stderr)
        return 2
    results = check_texts(manifest, args.texts)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for r in results:
        if r.status != "ok":
            writer.writerow([r.doc_id, r.status, r.detail])
    bad = sum(r.status != "ok" for r in results)
    print(f"{len(results) - bad} of {len(results)} texts match the manifest"
          + (f"; {bad} missing or different" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
