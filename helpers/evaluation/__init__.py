"""Scores against a hand-made gold standard: precision and recall (``scores``), entities,
events and sourcing, timexes, the per-article report the notebooks show (``report``), and
the development set of real articles (``devset``: manifest, texts, gold; ``dev_scores``).
Gold files are read from a folder the caller passes (``helpers.config.GOLD_DIR``,
``DEV_DIR``).

Layer: may import ``helpers.corpus`` and every layer below it; never ``helpers.views``.
"""
