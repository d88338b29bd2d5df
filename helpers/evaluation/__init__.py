"""Scores against a hand-made gold standard: precision and recall (``scores``), entities,
events and sourcing, timexes, and the per-article report the notebooks show (``report``).
Gold files are read from a folder the caller passes (``helpers.config.GOLD_DIR``).

Layer: may import ``helpers.corpus`` and every layer below it; never ``helpers.views``.
"""
