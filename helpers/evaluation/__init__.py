"""Scores against a reference annotation: precision and recall (``scores``), entities,
events and sourcing, timexes; the agreement with the expected annotations of the seed and
the invented test articles that notebooks 02 and 03 show (``report``: regression checks,
not accuracy); and the accuracy on the development set of real articles (``devset``:
manifest, texts, gold; ``dev_scores``). Files are read from a folder the caller passes
(``helpers.config.EXPECTED_DIR``, ``DEV_DIR``).

Layer: may import ``helpers.corpus`` and every layer below it; never ``helpers.views``.
"""
